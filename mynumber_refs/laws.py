"""Step 3a of the pipeline: the law expressions of a text, and the one rule that binds a table to its law.

A table citation (別表第一, 別表第二 …) is the act's only when the text binds it to the act.  This
module finds every *law expression* in a text — the act's names (番号利用法, 番号法, the full title),
other laws, orders, rules and ordinances (anything ending in 法/法律/令/規則/条例/規程 … that is not a
common word), terms defined with 「（以下「法」という。）」, and 同法 — each with its span and its
bracket depth, and then applies one rule:

    **A table belongs to the nearest law expression before it at the same bracket depth, in the same
    sentence.  Bracketed insertions (a law's number, a definition, a note) and the article list
    joined to the table (「第5条、第7条及び別表第一」) stand between a law and its own table and are
    skipped.  If that law is another law, order, rule or ordinance, the table is not the act's —
    whatever ``assume_law`` says.  ``assume_law`` only fills in the act for a table before which, in
    its sentence and at its depth, no law, instrument or defined term stands.**

Definitions bind their term to the law expression they follow (skipping the law's number in
brackets, and also when they sit inside that bracket: 「（平成25年法律第27号。以下「番号法」という。）」).
同法 means the last law named at the same or an outer bracket depth, never one named inside
brackets that have closed.

:class:`LawIndex` is built per text (lazily: nothing is computed for a text with no candidate),
and :meth:`LawIndex.bind` answers for one table.  :mod:`mynumber_refs.resolve` uses it for every
anchored citation; :mod:`mynumber_refs.parse` uses :data:`LAW_PREFIX_RE` for ``parse_citation``.
"""

from __future__ import annotations

import bisect
import enum
import re
from collections.abc import Callable, Sequence

import attrs

from .model import MY_NUMBER_ACT, LawBasis

__all__ = [
    "ALIASES",
    "LAW_PREFIX_RE",
    "LawKind",
    "LawExpr",
    "Binding",
    "LawIndex",
]

ALIASES = ("番号利用法", "番号法", "マイナンバー法", "番号利用等法")
"""Names of the act that need no definition in the text."""

_S = r"[\s]*"


def _spaced(word: str) -> str:
    return _S.join(re.escape(ch) for ch in word)


_NUM = r"(?:[0-9０-９]+|[〇一二三四五六七八九十百千]+)"
_SNUM = r"(?:[0-9０-９]+(?:\s+[0-9０-９]+)*|[〇一二三四五六七八九十百千]+(?:\s+[〇一二三四五六七八九十百千]+)*)"
_FULL = _spaced(MY_NUMBER_ACT)
_ACT_NUMBER = (
    rf"[（(]{_S}平{_S}成{_S}(?:25|２５|二{_S}十{_S}五){_S}年{_S}法{_S}律{_S}第{_S}(?:27|２７|二{_S}十{_S}七){_S}号{_S}[）)]"
)

LAW_PREFIX_RE = re.compile(
    rf"(?:{_FULL}(?:{_S}{_ACT_NUMBER})?|{'|'.join(_spaced(a) for a in ALIASES)}|同{_S}法|法){_S}(?:の{_S})?"
)
"""A name of the act written at the start of a string (``parse_citation`` strips it)."""

# Characters a name is made of: kanji (with 々), katakana, full-width Latin letters (ＩＴ番号法).
_W = "\u3005\u3006\u4e00-\u9fff\u30a1-\u30fa\u30fc\uff21-\uff3a\uff41-\uff5a"
_WORD = re.compile(f"[{_W}]")
# What a name of a law or instrument ends with
_SUFFIX = r"(?:法律|法|令|規則|条例|規程|要綱|要領|告示)"
# A name ends where no name character follows, or where a provision or a table begins (番号法第9条,
# 条例別表第1, 同法別表); not before a number (「法律第27号」 is a law's number, not a name)
_END = rf"(?:(?![{_W}])|(?=[第別]))(?!{_S}第{_S}{_NUM}{_S}号)"
_NAME = re.compile(rf"(?<![{_W}])[{_W}]{{0,40}}?{_SUFFIX}{_END}")
# The same in text spaced out character by character: 「生 活 保 護 法 別 表」
_SPACED_NAME = re.compile(rf"(?<![{_W}])(?:[{_W}][ \u3000]){{2,40}}?{_SUFFIX}(?:[ \u3000]?(?![{_W}])|(?=[ \u3000]?[第別]))")
# Names that end in kana: 「…に関する法律」, 「…を支援するための法律」, 「…の提供等に関する省令」
_KANA_NAME = re.compile(rf"(?:る|ための){_S}(法{_S}律|(?:[{_W}]{{0,4}}(?:省令|府令|政令|命令|規則|条例))){_END}")
_FULL_TITLE = re.compile(_FULL)
# The orders of the act's tables are instruments of their own: 「第19条第8号に基づく主務省令」 (the new
# order) and 「別表第二主務省令」, 「別表第二の主務省令で定める事務及び情報を定める命令」 (the old ones)
_ORDER_NAME = re.compile(
    rf"(?:に{_S}基{_S}づ{_S}く|別{_S}表{_S}第{_S}[一二12１２]{_S}(?:の{_S})?){_S}主{_S}務{_S}省{_S}令"
    rf"(?:{_S}で{_S}定{_S}め{_S}る{_S}事{_S}務(?:{_S}及{_S}び{_S}情{_S}報)?{_S}を{_S}定{_S}め{_S}る{_S}命{_S}令)?{_END}"
)

# Words that end like a name but name no law or instrument whose table a text could cite: as a whole
# word (法令, 政令 …, and generic words such as 根拠法 or 関係法 that PIAs use), or as its end (入手方法,
# 提供方法, 根拠法令 …; no law's name ends so)
_COMMON = frozenset(
    "法律 法令 政令 省令 府令 主務省令 命令 指令 号令 発令 辞令 勅令 律令 司令 年令 政省令 規則 要領 告示 "
    "根拠法 関係法 個別法 一般法 特別法 基本法 実定法 手続法 新法 旧法 母法 親法 国内法 外国法".split()
)
_COMMON_TAILS = tuple(
    "方法 手法 用法 療法 技法 作法 寸法 製法 論法 話法 工法 算法 筆法 戦法 兵法 説法 魔法 秘法 便法 違法 適法 合法 "
    "不法 無法 加法 減法 乗法 除法 文法 仏法 司法 立法 解法 記法 法令 政省令".split()
)
# …but a bare 「規則」「条例」「規程」 does name an instrument (the text's own: 「条例別表第1」)
_INSTRUMENT_WORDS = frozenset({"条例", "規程", "規則", "要綱"})

# 「（以下「法」という。）」 and the variants documents use: 以下、「法」; 以下単に「法」; 『法』;
# と言う / とする / と称する / と略す / と略記する / と記す
_DEFINITION = re.compile(
    rf"以{_S}下{_S}(?:[、，,]{_S})?(?:単{_S}に{_S})?([「『])([^」』]{{1,30}})[」』]{_S}と{_S}"
    rf"(?:い{_S}う|言{_S}う|す{_S}る|称{_S}す{_S}る|略{_S}(?:記{_S})?す|記{_S}す)"
)

_BLANK = re.compile(r"\n[ \t\u3000\r]*\n")
_BRACKETS = re.compile(r"[（）()]|\n[ \t\u3000\r]*\n")
_WS = " \t\r\n\u3000"
# What joins a table to the provisions or tables before it: 「第5条、第7条及び別表第一」
_CONJ_BACK = re.compile(rf"(?:及{_S}び|並{_S}び{_S}に|又{_S}は|若{_S}し{_S}く{_S}は|か{_S}ら|と|[、，,・･]){_S}\Z")
# A provision ending where the skipping stands: 第30条の9, 第9条第1項, 第19条第8号, 第30条の12まで
_PROVISION_BACK = re.compile(
    rf"第{_S}{_SNUM}{_S}条(?:{_S}の{_S}{_SNUM})*(?:{_S}第{_S}{_SNUM}{_S}項)?(?:{_S}第{_S}{_SNUM}{_S}号)?"
    rf"(?:{_S}ま{_S}で)?{_S}\Z"
)

# Where a sentence also ends: a blank line, or a line that starts a new item (・, ①, １．, (1), ア．)
_ITEM_BREAK = re.compile(
    r"\n[ \t\u3000\r]*(?:\n|(?=[・･●○◆◇■□※\-－‐①-⑳]|[(（]?[0-9０-９一二三四五六七八九十]{1,3}[)）.．、]|[ア-ンｱ-ﾝ][.．、)）]))"
)

# How far the rule looks: a law named earlier in the sentence, and 同法's antecedent
SENTENCE_REACH = 400
SAME_LAW_REACH = 3000
_BLOCK = 4096


class LawKind(enum.Enum):
    """What a law expression names."""

    ACT = "act"  # the My Number Act
    OTHER = "other"  # another law, order, rule or ordinance
    UNKNOWN = "unknown"  # 法 or a defined term whose law the text does not establish


@attrs.frozen
class LawExpr:
    """One law expression: its span as written, its name without whitespace, and what it names.

    ``opener`` is the position of the innermost bracket around it (-1 at the top level).
    """

    start: int
    end: int
    name: str
    kind: LawKind
    basis: LawBasis | None  # for the act: NAMED, FULL_NAME, DEFINED or SAME_LAW
    opener: int
    depth: int


@attrs.frozen
class Binding:
    """The law a table belongs to, and how the text says so.

    ``via`` is ``"adjacent"`` (the law stands right before the table, bracketed insertions
    aside), ``"articles"`` (an article list joined to the table stands between), ``"bracket"``
    (the table opens a bracket right after the law's provision), ``"joined"`` (joined to a table
    cited just before), ``"sentence"`` (named earlier in the sentence) or ``"none"``.
    ``written_end`` is where the written law ends with its insertions (the table's own 'law' part);
    -1 unless ``via == "adjacent"``.
    """

    expr: LawExpr | None
    via: str
    written_end: int = -1
    inherited: object = None  # the joined citation's own binding result, for "joined"

    @property
    def kind(self) -> LawKind | None:
        return None if self.expr is None else self.expr.kind


NO_LAW = Binding(None, "none")


@attrs.frozen
class _Definition:
    start: int  # where 「以下」 starts
    end: int  # where the definition ends
    term: str
    term_span: tuple[int, int]
    kind: LawKind
    law: LawExpr | None  # the law expression it follows


class _Brackets:
    """Bracket structure of a text: for any position, the innermost open bracket and its ancestors.

    Brackets are （） and (); a blank line closes every bracket left open (PDF fragments).
    """

    def __init__(self, text: str) -> None:
        self.positions: list[int] = []
        self.innermost: list[int] = []  # innermost opener after each event (-1: none)
        self.parent: dict[int, int] = {}
        self.close_of: dict[int, int] = {}
        self.open_of: dict[int, int] = {}
        stack: list[int] = []
        for m in _BRACKETS.finditer(text):
            ch = m.group(0)
            pos = m.start()
            if ch in "（(":
                self.parent[pos] = stack[-1] if stack else -1
                stack.append(pos)
            elif ch in "）)":
                if not stack:
                    continue
                o = stack.pop()
                self.close_of[o] = pos
                self.open_of[pos] = o
            else:
                stack.clear()
            self.positions.append(pos)
            self.innermost.append(stack[-1] if stack else -1)

    def opener_at(self, pos: int) -> int:
        """The innermost bracket open at ``pos`` (its position), or -1."""
        k = bisect.bisect_left(self.positions, pos) - 1
        return self.innermost[k] if k >= 0 else -1

    def chain(self, opener: int) -> list[int]:
        out = []
        while opener != -1:
            out.append(opener)
            opener = self.parent.get(opener, -1)
        return out


class LawIndex:
    """The law expressions of one text and the binding rule (see the module docstring).

    ``aliases`` are the act's names (the rewriter adds the typo 「番号利用表」 when fixing typos);
    ``assume_law`` is the caller's choice for tables with no law.
    """

    def __init__(self, text: str, aliases: Sequence[str] = ALIASES) -> None:
        self.text = text
        self.aliases = tuple(dict.fromkeys(aliases))
        self._odd_aliases = tuple(a for a in self.aliases if not re.search(_SUFFIX + r"\Z", a))
        self._brackets: _Brackets | None = None
        self._blocks: dict[int, list[LawExpr]] = {}
        self._definitions: list[_Definition] | None = None
        self._by_term: dict[str, list[_Definition]] = {}
        self._term_ends: dict[str, list[int]] = {}  # the ends of each term's definitions, in order
        self._same_law: dict[int, LawExpr] = {}

    # ------------------------------------------------------------------ structure
    @property
    def brackets(self) -> _Brackets:
        if self._brackets is None:
            self._brackets = _Brackets(self.text)
        return self._brackets

    def depth_at(self, pos: int) -> int:
        return len(self.brackets.chain(self.brackets.opener_at(pos)))

    def definitions(self) -> list[_Definition]:
        """Every 「以下「…」という」 definition, in text order, with the law it defines.

        Each is classified with the definitions before it only (「番号法（以下「法」という。）」 after
        「…（以下「番号法」という。）」 works), before any law expression is looked up."""
        if self._definitions is None:
            defs: list[_Definition] = []
            self._definitions = defs
            text = self.text
            if "以" in text:
                for m in _DEFINITION.finditer(text):
                    term = "".join(m.group(2).split())
                    law = self._law_defined_at(m.start())
                    kind = LawKind.UNKNOWN if law is None else law.kind
                    d = _Definition(m.start(), m.end(), term, m.span(2), kind, law)
                    defs.append(d)
                    self._by_term.setdefault(term, []).append(d)
                    self._term_ends.setdefault(term, []).append(d.end)
        return self._definitions

    def _law_defined_at(self, pos: int) -> LawExpr | None:
        """The law expression a definition at ``pos`` follows: the one right before the bracket
        that holds the definition, the law's own number in brackets skipped."""
        b = self.brackets
        opener = b.opener_at(pos)
        if opener == -1:
            return None
        k = self._skip_ws_back(opener)
        while k > 0 and self.text[k - 1] in "）)" and (k - 1) in b.open_of:
            k = self._skip_ws_back(b.open_of[k - 1])
        found = self._raw_name_ending_at(k)
        if found is None:
            return None
        start, name, basis = found
        kind, act_basis = self._classify(start, name, basis)
        if kind is None or name == "同法":
            return None
        opener = b.opener_at(start)
        return LawExpr(start, k, name, kind, act_basis, opener, len(b.chain(opener)))

    def _raw_name_ending_at(self, k: int) -> tuple[int, str, LawBasis | None] | None:
        """(start, name, act basis) of a name written to end exactly at ``k``, the longest."""
        text = self.text
        lo = max(0, k - 160)
        best: tuple[int, str, LawBasis | None] | None = None
        for m in _FULL_TITLE.finditer(text, lo, k):
            if m.end() == k:
                return m.start(), MY_NUMBER_ACT, LawBasis.FULL_NAME
        for pattern in (_NAME, _SPACED_NAME, _KANA_NAME, _ORDER_NAME):
            for m in pattern.finditer(text, lo, min(len(text), k + 2)):
                end = m.end()
                while end > m.start() and text[end - 1] in _WS:
                    end -= 1
                if end != k:
                    continue
                start = self._kana_name_start(m.start()) if pattern is _KANA_NAME else m.start()
                if best is None or start < best[0]:
                    best = (start, "".join(text[start:end].split()), None)
        for alias in self._odd_aliases:
            odd = re.search(_spaced(alias) + r"\Z", text[lo:k])
            if odd:
                return lo + odd.start(), alias, LawBasis.NAMED
        return best

    # ------------------------------------------------------------------ expressions
    def _block(self, index: int) -> list[LawExpr]:
        """The law expressions that end inside block ``index`` (found on first use)."""
        found = self._blocks.get(index)
        if found is not None:
            return found
        defs = self.definitions()
        text = self.text
        lo = index * _BLOCK
        hi = min(len(text), lo + _BLOCK)
        scan_lo = max(0, lo - 160)
        raw: dict[int, tuple[int, str, LawBasis | None]] = {}  # end -> (start, name, act basis)

        def add(start: int, end: int, basis: LawBasis | None = None) -> None:
            if not lo < end <= hi:
                return
            name = "".join(text[start:end].split())
            old = raw.get(end)
            if old is None or (basis is not None, -start) > (old[2] is not None, -old[0]):
                raw[end] = (start, name, basis)

        for pattern in (_NAME, _SPACED_NAME):
            for m in pattern.finditer(text, scan_lo, min(len(text), hi + 2)):
                end = m.end()
                while end > m.start() and text[end - 1] in _WS:
                    end -= 1
                add(m.start(), end)
        if "る" in text[scan_lo:hi] or "ための" in text[scan_lo:hi]:
            for m in _KANA_NAME.finditer(text, scan_lo, min(len(text), hi + 2)):
                add(self._kana_name_start(m.start()), m.end())
        if "行" in text[scan_lo:hi]:
            for m in _FULL_TITLE.finditer(text, scan_lo, min(len(text), hi + 2)):
                if m.end() == len(text) or not _WORD.match(text, m.end()) or text[m.end()] in "第別":
                    add(m.start(), m.end(), LawBasis.FULL_NAME)
        if "主" in text[scan_lo:hi]:
            for m in _ORDER_NAME.finditer(text, scan_lo, min(len(text), hi + 2)):
                add(m.start(), m.end())
        for alias in self._odd_aliases:  # names of the act that do not end like a law (typos)
            for m in re.finditer(_spaced(alias), text[scan_lo:hi]):
                add(scan_lo + m.start(), scan_lo + m.end(), LawBasis.NAMED)
        quoted = [d.term_span for d in defs]
        out: list[LawExpr] = []
        b = self.brackets
        for end in sorted(raw):
            start, name, basis = raw[end]
            if any(s <= start and end <= e for s, e in quoted):
                continue  # the term in 「以下「番号法」という」 is a definition, not a use
            kind, act_basis = self._classify(start, name, basis)
            if kind is None:
                continue
            opener = b.opener_at(start)
            out.append(LawExpr(start, end, name, kind, act_basis, opener, len(b.chain(opener))))
        self._blocks[index] = out
        return out

    def _kana_name_start(self, pos: int) -> int:
        """Where a name ending in kana (「…に関する法律」) begins: after the last delimiter."""
        text = self.text
        lo = max(0, pos - 80)
        j = pos
        while j > lo and text[j - 1] not in "、。，．（）()「」『』\n":
            j -= 1
        while j < pos and text[j] in _WS:
            j += 1
        return j

    def _classify(self, start: int, name: str, basis: LawBasis | None) -> tuple[LawKind | None, LawBasis | None]:
        """What a name names, at ``start``: a defined term first, then the act's names, then 同法."""
        d = self._definition_of(name, start)
        if d is not None:
            return d.kind, (LawBasis.DEFINED if d.kind is LawKind.ACT else None)
        if basis is LawBasis.FULL_NAME or name == MY_NUMBER_ACT:
            return LawKind.ACT, LawBasis.FULL_NAME
        if name in self.aliases:
            return LawKind.ACT, LawBasis.NAMED
        if name == "同法":
            return LawKind.UNKNOWN, LawBasis.SAME_LAW  # resolved on use (see same_law)
        if name == "法":
            return LawKind.UNKNOWN, None
        if (name in _COMMON and name not in _INSTRUMENT_WORDS) or name.endswith(_COMMON_TAILS):
            return None, None
        return LawKind.OTHER, None

    def _definition_of(self, term: str, pos: int) -> _Definition | None:
        """The definition of ``term`` in force at ``pos`` (the last one ending before it)."""
        defs = self._by_term.get(term)
        if not defs:
            return None
        k = bisect.bisect_right(self._term_ends[term], pos)
        return defs[k - 1] if k else None

    def expressions(self, lo: int = 0, hi: int | None = None) -> list[LawExpr]:
        """The law expressions ending in ``(lo, hi]``, in text order."""
        hi = len(self.text) if hi is None else hi
        out: list[LawExpr] = []
        for index in range(max(0, lo - 1) // _BLOCK, max(0, hi - 1) // _BLOCK + 1):
            out.extend(e for e in self._block(index) if lo < e.end <= hi)
        return [self.resolved(e) for e in out]

    def expression_ending_at(self, end: int) -> LawExpr | None:
        if end <= 0:
            return None
        for e in self._block((end - 1) // _BLOCK):
            if e.end == end:
                return self.resolved(e)
        return None

    def resolved(self, e: LawExpr) -> LawExpr:
        """``e`` with 同法 replaced by what it stands for: the last law named before it at the same
        or an outer bracket depth (never one inside brackets that have closed).

        A run of 同法 is resolved from its oldest member forwards, each from the one before."""
        if not self._pending(e):
            return e
        cached = self._same_law.get(e.start)
        if cached is not None:
            return cached
        chain = [e]
        while True:
            antecedent = self._antecedent(chain[-1])
            if antecedent is None or not self._pending(antecedent) or antecedent.start in self._same_law:
                break
            chain.append(antecedent)
        for cur in reversed(chain):
            antecedent = self._antecedent(cur)
            if antecedent is not None and self._pending(antecedent):
                antecedent = self._same_law[antecedent.start]
            if antecedent is None:
                done = attrs.evolve(cur, basis=None)  # 同法 with nothing named before it: unresolved
            elif antecedent.kind is LawKind.ACT:
                done = attrs.evolve(cur, kind=LawKind.ACT, basis=LawBasis.SAME_LAW)
            elif antecedent.kind is LawKind.UNKNOWN:
                done = attrs.evolve(cur, kind=LawKind.UNKNOWN, basis=LawBasis.SAME_LAW)  # carried from 法
            else:
                done = attrs.evolve(cur, kind=antecedent.kind, basis=None)
            self._same_law[cur.start] = done
        return self._same_law[e.start]

    @staticmethod
    def _pending(e: LawExpr) -> bool:
        return e.name == "同法" and e.basis is LawBasis.SAME_LAW and e.kind is LawKind.UNKNOWN

    def _antecedent(self, e: LawExpr) -> LawExpr | None:
        """The raw expression 同法 ``e`` refers back to (not itself resolved)."""
        visible = set(self.brackets.chain(e.opener)) | {-1}

        def law(x: LawExpr) -> bool:  # 同法 means a law (…法, …法律), not an order or a rule
            return x.opener in visible and (x.kind is LawKind.ACT or x.name.endswith(("法", "法律")))

        return self._last_before(e.start, law, SAME_LAW_REACH, resolve=False)

    def _last_before(self, pos: int, keep: Callable[[LawExpr], bool], reach: int, resolve: bool = True) -> LawExpr | None:
        lo = max(0, pos - reach)
        index = max(0, pos - 1) // _BLOCK
        while index >= 0 and (index + 1) * _BLOCK > lo:
            for e in reversed(self._block(index)):
                if e.end > pos or e.start >= pos:
                    continue
                if e.end <= lo:
                    return None
                if keep(e):
                    return self.resolved(e) if resolve else e
            index -= 1
        return None

    # ------------------------------------------------------------------ the binding rule
    def _skip_ws_back(self, k: int) -> int:
        text = self.text
        while k > 0 and text[k - 1] in _WS:
            k -= 1
        return k

    def _back(self, k: int) -> int:
        """``k`` moved back over whitespace, but never across a blank line (-1 when it would)."""
        j = self._skip_ws_back(k)
        if j < k and _BLANK.search(self.text, j, k):
            return -1
        return j

    def _starts_line(self, k: int) -> bool:
        """Whether only spaces stand between the start of its line and ``k`` (a 「・」 there is a
        bullet that starts an item, not a separator that joins)."""
        text = self.text
        while k > 0 and text[k - 1] in " \t\u3000":
            k -= 1
        return k == 0 or text[k - 1] in "\r\n"

    def bind(self, pos: int, joined: Callable[[int], object] | None = None, after: int = 0) -> Binding:
        """The law of a table whose citation starts at ``pos`` (its provision or the word 別表).

        Walks back from ``pos`` over what stands between a law and its own table — whitespace (never
        a blank line), one 「の」, bracketed insertions, the article list joined to the table — and
        takes the law expression that ends there; else the nearest one in the sentence.
        ``joined(end)`` returns the caller's record for a table citation ending at ``end``, or
        None: a table joined to it by 及び/、/から shares its law.  ``after`` is where the table cited
        before this one ends: a law named before that table went with it, so the sentence rule
        looks no further back.
        """
        text = self.text
        b = self.brackets
        scope = b.opener_at(pos)
        k = self._back(pos)
        via = "adjacent"
        used_no = False
        written_end = -1
        while k > 0:
            ch = text[k - 1]
            if ch in "）)" and (k - 1) in b.open_of and b.opener_at(b.open_of[k - 1]) == scope:
                # a bracketed insertion: the law's number, a definition, a note
                if written_end == -1 and via == "adjacent":
                    written_end = k
                k = self._back(b.open_of[k - 1])
                continue
            if ch == "の" and not used_no:
                used_no = True
                k = self._back(k - 1)
                continue
            if ch in "（(" and (k - 1) == scope:
                # the table opens a bracket right after a provision: 「番号法第9条第1項（別表第一…）」
                before = self._back(k - 1)
                m = _PROVISION_BACK.search(text, max(0, before - 60), before) if before > 0 else None
                if m is None:
                    break
                scope = b.opener_at(k - 1)
                k, via = self._back(m.start()), "bracket"
                continue
            m = _PROVISION_BACK.search(text, max(0, k - 60), k)
            if m is not None:
                k = self._back(m.start())
                via = "articles" if via == "adjacent" else via
                continue
            conj = _CONJ_BACK.search(text, max(0, k - 12), k)
            if conj is not None and not (text[conj.start()] in "・･" and self._starts_line(conj.start())):
                j = self._back(conj.start())
                if j > 0 and joined is not None:
                    prior = joined(j)
                    if prior is not None:
                        return Binding(None, "joined", inherited=prior)
                if j > 0 and (
                    _PROVISION_BACK.search(text, max(0, j - 60), j) or (text[j - 1] in "）)" and (j - 1) in b.open_of)
                ):
                    k = j
                    via = "articles"
                    continue
            break
        e = self.expression_ending_at(k) if k > 0 else None
        if e is not None:
            if via != "adjacent":
                return Binding(e, via)
            return Binding(e, "adjacent", written_end if written_end != -1 else e.end)
        return self._in_sentence(pos, scope, after)

    def _in_sentence(self, pos: int, scope: int, after: int = 0) -> Binding:
        """The nearest law expression before ``pos`` in the same sentence, at the same depth, and
        after the table cited before it (``after``)."""
        text = self.text
        lo = max(0, pos - SENTENCE_REACH, after)
        if scope != -1:
            lo = max(lo, scope + 1)
        b = self.brackets
        # the sentence begins after the last 「。」 of this scope (not one inside a closed bracket)
        j = text.rfind("。", lo, pos)
        while j != -1 and b.opener_at(j) != scope:
            j = text.rfind("。", lo, j)
        if j != -1:
            lo = j + 1
        for m in _ITEM_BREAK.finditer(text, lo, pos):  # a blank line, or a new bulleted or numbered item
            lo = m.end()
        e = self._last_before(pos, lambda x: x.opener == scope, pos - lo)
        return NO_LAW if e is None else Binding(e, "sentence")

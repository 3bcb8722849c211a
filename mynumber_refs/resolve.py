"""Step 3 of the pipeline: establish which law, which table, which order a citation names.

A table citation is to the My Number Act only when its law is established:

* named just before it: 番号利用法, 番号法, マイナンバー法, or the full title with or without
  「（平成25年法律第27号）」;
* a term the text defines for the act earlier on: 「（以下「法」という。）」;
* 同法, carried from the last law named before it (when that law is the act);
* coordinated: 「番号利用法第19条第8号（…）及び別表第二」, or joined to a citation of the act's
  table just before it: 「番号法別表第一の16の項及び別表第二の27の項」;
* or assumed for the whole text by the caller (``assume_law=True``).

A definition with no name before it (「（以下「法」という。）」 at the start of a cell) leaves the
term's law unknown: a finding, or the act under ``assume_law``.

Tables of other laws and ordinances (生活保護法の別表第1, 住民基本台帳法別表第一, 条例別表第1 …)
are never attributed to the act: they yield nothing.  Anything found but not established comes
back as a :class:`~mynumber_refs.model.Finding` with its span and reason.

Row lists and reference lists that do not name their table (「…が含まれる項（１、２…の項）」,
「（１条２号ハ…）」, and 「第２条第７号」 written right after an order's title) resolve like 同表 to
the table or order cited last in the same passage.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Sequence

import attrs

from . import findings as F
from ._args import find_args
from ._gc import collector_paused
from .model import (
    MY_NUMBER_ACT,
    Citation,
    CitationKind,
    Finding,
    LawBasis,
    Order,
    Part,
    Table,
    TableBasis,
)
from .parse import Parsed, parse_at, parse_relative, place, to_citation
from .scan import (
    Candidate,
    Passages,
    anchors,
    article_refs_candidate,
    colon_row_candidates,
    is_spaced_out,
    make_view,
    ref_list_candidates,
    row_list_candidates,
)

__all__ = ["find_citations", "LAW_PREFIX_RE", "ALIASES"]

_S = r"[\s]*"


def _spaced(word: str) -> str:
    return _S.join(re.escape(ch) for ch in word)


ALIASES = ("番号利用法", "番号法", "マイナンバー法", "番号利用等法")
_FULL = _spaced(MY_NUMBER_ACT)
_NUMBER = r"(?:[0-9０-９]+|[〇一二三四五六七八九十百千]+)"
_ACT_NUMBER = rf"[（(]{_S}平{_S}成{_S}(?:25|２５|二{_S}十{_S}五){_S}年{_S}法{_S}律{_S}第{_S}(?:27|２７|二{_S}十{_S}七){_S}号{_S}[）)]"
_FULL_WITH_NUMBER = rf"{_FULL}(?:{_S}{_ACT_NUMBER})?"

LAW_PREFIX_RE = re.compile(
    rf"(?:{_FULL_WITH_NUMBER}|{'|'.join(_spaced(a) for a in ALIASES)}|同{_S}法|法){_S}(?:の{_S})?"
)
"""A law name at the start of a string (used by ``parse_citation``)."""

_FULL_AT_END = re.compile(rf"(?:{_FULL_WITH_NUMBER}){_S}\Z")


@functools.lru_cache(maxsize=256)
def _name_at_end(name: str) -> re.Pattern[str]:
    return re.compile(rf"{_spaced(name)}{_S}\Z")


# （以下「法」という。）, and the variants documents use: 以下、「法」; 以下単に「法」; 『法』;
# と言う / とする / と称する / と略す / と略記する / と記す
_DEFINITION = re.compile(
    rf"以{_S}下{_S}(?:[、，,]{_S})?(?:単{_S}に{_S})?[「『]([^」』]{{1,30}})[」』]{_S}と{_S}"
    rf"(?:い{_S}う|言{_S}う|す{_S}る|称{_S}す{_S}る|略{_S}(?:記{_S})?す|記{_S}す)"
)
_HAN = re.compile(r"[\u4e00-\u9fff\u30a1-\u30fa\u30fc]")
_OTHER_LAW = re.compile(r"[\u4e00-\u9fff\u30a1-\u30fa\u30fc]{1,20}(?:法律|法)(?![人令則])")
_OTHER_INSTRUMENT_END = "法例則令律程綱"


_ACT_NUMBER_COMPACT = r"[（(]平成(?:25|２５|二十五)年法律第(?:27|２７|二十七)号[）)]"
# after a name, in compact text: its number, or its full title (and number) in brackets
_ACT_NUMBER_AT_END = re.compile(
    rf"(?:{_ACT_NUMBER_COMPACT}|[（(]{MY_NUMBER_ACT}(?:{_ACT_NUMBER_COMPACT}|[。、]?平成(?:25|２５|二十五)年法律第(?:27|２７|二十七)号)?[）)])\Z"
)



@attrs.frozen
class _Definition:
    pos: int  # where the definition ends
    term: str
    ours: bool | None  # None: no name stands before the definition (the text is a fragment)


@attrs.frozen
class _Law:
    text: str | None  # as written (or carried); None when assumed
    basis: LawBasis | None
    start: int  # where the law name starts (== citation start when not written beside it)
    other: bool = False
    end: int = -1  # where the law name ends (before 「の」 and whitespace); -1 when not written  # another law or instrument stands directly before the table


class _Resolver:
    def __init__(self, text: str, assume_law: bool, extra_aliases: Sequence[str] = ()) -> None:
        self.text = text
        self.assume_law = assume_law
        self.aliases = tuple(ALIASES) + tuple(extra_aliases)
        self._aliases_longest_first = tuple(sorted(set(self.aliases), key=len, reverse=True))
        # the last characters the act's names can have (法, 律, and ） after its number)
        self._name_ends = frozenset({a[-1] for a in self.aliases} | {MY_NUMBER_ACT[-1], "）", ")"})
        self.definitions = self._definitions()
        self._def_positions = [d.pos for d in self.definitions]
        self._active_cache: dict[int, tuple[dict[str, bool | None], tuple[str, ...]]] = {}
        self._by_term: dict[str, tuple[list[int], list[bool | None]]] = {}
        for d in self.definitions:
            positions, ours = self._by_term.setdefault(d.term, ([], []))
            positions.append(d.pos)
            ours.append(d.ours)
        self._alias_numbered = re.compile(
            rf"(?<![\u4e00-\u9fff\u30a1-\u30fa\u30fc])(?:{'|'.join(_spaced(a) for a in self.aliases)}){_S}"
            rf"(?:{_ACT_NUMBER}|[（(]{_S}{_FULL}(?:{_S}(?:{_ACT_NUMBER}|[。、]{_S}平{_S}成[^（）()]{{1,20}}号))?{_S}[）)]){_S}\Z"
        )
        self._alias_re = re.compile(
            "|".join(_spaced(a) for a in sorted(ALIASES, key=len, reverse=True))
        )

    # ------------------------------------------------------------------ definitions
    def _definitions(self) -> list[_Definition]:
        text = self.text
        out: list[_Definition] = []
        if "以" not in text:
            return out
        for m in _DEFINITION.finditer(text):
            term = "".join(m.group(1).split())
            paren = max(text.rfind("（", max(0, m.start() - 40), m.start()), text.rfind("(", max(0, m.start() - 40), m.start()))
            before = text[max(0, (paren if paren != -1 else m.start()) - 120) : paren if paren != -1 else m.start()]
            last = before.rstrip(" \t\r\n\u3000")[-1:]
            ours: bool | None
            if not last or not (_HAN.match(last) or last in "）)"):
                ours = None  # no law or instrument named before it (生活保護法（…）): a fragment
            elif last not in self._name_ends:
                ours = False  # another law or instrument: no name of the act ends with this character
            else:
                ours = self._ends_with_our_name(before)
            out.append(_Definition(m.end(), term, ours))
        return out

    def _ends_with_our_name(self, before: str) -> bool:
        compact = "".join(before.split())
        # 「…に関する法律（平成25年法律第27号）（以下「法」という。）」: the act's number may stand between
        compact = _ACT_NUMBER_AT_END.sub("", compact)
        if compact.endswith(MY_NUMBER_ACT):
            return True
        for alias in self.aliases:
            if compact.endswith(alias) and not _HAN.match(compact[-len(alias) - 1 : -len(alias)] or "a"):
                return True
        return False

    def _active_definitions(self, pos: int) -> tuple[dict[str, bool | None], tuple[str, ...]]:
        """Terms defined before ``pos`` (the last definition of a term wins) and every name to try
        there, longest first; cached per prefix of the definitions."""
        k = bisect.bisect_right(self._def_positions, pos)
        cached = self._active_cache.get(k)
        if cached is None:
            active: dict[str, bool | None] = {}
            for term, (positions, ours) in self._by_term.items():
                j = bisect.bisect_right(positions, pos)
                if j:
                    active[term] = ours[j - 1]
            names = tuple(sorted(set(active) | set(self.aliases) | {"同法"}, key=len, reverse=True))
            cached = self._active_cache[k] = (active, names)
        return cached

    # ------------------------------------------------------------------ the law before a citation
    def _alias_right_before(self, pos: int) -> _Law | None:
        """The common case, decided without the general search: an alias written directly before
        ``pos`` (「番号利用法別表第一」), not the end of a longer name and not a defined term.
        None sends the caller to the general search, which gives the same answer in this case."""
        text = self.text
        for alias in self._aliases_longest_first:
            n = len(alias)
            if not text.startswith(alias, pos - n, pos) or pos < n:
                continue
            if pos > n and _HAN.match(text, pos - n - 1):
                return None  # 改正番号法, 住民基本台帳法 …
            active, _names = self._active_definitions(pos)
            if any(len(t) > n and t.endswith(alias) for t in active):
                return None
            if alias in active:  # 「（以下「番号利用法」という。）」 earlier: the defined term
                return _Law(alias, LawBasis.DEFINED, pos - n, end=pos) if active[alias] else None
            return _Law(alias, LawBasis.NAMED, pos - n, end=pos)
        return None

    def law_before(self, pos: int) -> _Law:
        """The law named (or carried) just before ``pos``, the start of a citation."""
        fast = self._alias_right_before(pos)
        return fast if fast is not None else self._law_before_general(pos)

    def _law_before_general(self, pos: int) -> _Law:
        """:meth:`law_before` for every case: full titles, numbers, defined terms, 同法 …"""
        text = self.text
        lo = max(0, pos - 400)
        window = text[lo:pos]
        # strip whitespace and one 「の」 between law and table: 番号法の別表第二
        k = len(window)
        while k and window[k - 1] in " \t\r\n\u3000":
            k -= 1
        if k and window[k - 1] == "の":
            k -= 1
            while k and window[k - 1] in " \t\r\n\u3000":
                k -= 1
        head = window[:k]
        compact_tail = "".join(head[-120:].split())
        active, names = self._active_definitions(pos)
        # the law name ends at the end of ``head``: search only its last part
        tail_off = max(0, len(head) - 250)
        tail = head[tail_off:]

        # full title, with or without the act number
        if compact_tail.endswith(("律", "）", ")")):
            m = _FULL_AT_END.search(tail)
            if m:
                raw = tail[m.start() : m.end()].rstrip()
                start = lo + tail_off + m.start()
                return _Law("".join(raw.split()), LawBasis.FULL_NAME, start, end=start + len(raw))
        # an alias with the act's number: 番号法（平成25年法律第27号）
        if compact_tail.endswith(("）", ")")):
            m = self._alias_numbered.search(tail)
            if m:
                raw = tail[m.start() : m.end()].rstrip()
                start = lo + tail_off + m.start()
                return _Law("".join(raw.split()), LawBasis.NAMED, start, end=start + len(raw))
        # defined terms and aliases, longest first
        for name in names:
            if not compact_tail.endswith(name):
                continue
            mm = _name_at_end(name).search(tail)
            if not mm:
                continue
            before_char = tail[mm.start() - 1 : mm.start()] if mm.start() > 0 else head[tail_off - 1 : tail_off]
            if before_char and _HAN.match(before_char):
                continue  # part of a longer name: 住民基本台帳法, 生活保護法
            start = lo + tail_off + mm.start()
            raw = tail[mm.start() : mm.end()].rstrip()
            written = "".join(raw.split())
            end = start + len(raw)
            if name == "同法":
                return attrs.evolve(self._same_law(start, written), end=end)
            if name in active:
                if active[name]:
                    return _Law(written, LawBasis.DEFINED, start, end=end)
                if active[name] is None:  # defined, but the text does not say of what
                    if self.assume_law:
                        return _Law(written, LawBasis.ASSUMED, start, end=end)
                    return _Law(written, None, start, end=end)
                return _Law(written, None, start, other=True)
            return _Law(written, LawBasis.NAMED, start, end=end)
        # another law or instrument directly before: 生活保護法の別表第1, 条例別表第1
        if compact_tail and compact_tail[-1] in _OTHER_INSTRUMENT_END and (
            len(compact_tail) < 2 or _HAN.match(compact_tail[-2])
        ):
            if compact_tail[-1] == "法" and "法" not in active:
                # a bare 「法」 that the text does not define
                if len(compact_tail) >= 2 and _HAN.match(compact_tail[-2]):
                    return _Law(None, None, pos, other=True)
            else:
                return _Law(None, None, pos, other=True)
        if compact_tail.endswith("法") and (len(compact_tail) < 2 or not _HAN.match(compact_tail[-2])):
            # an undefined bare 「法」: the act only if the caller assumes it
            mm = re.search(rf"法{_S}\Z", head)
            start = lo + (mm.start() if mm else k)
            end = start + 1
            if self.assume_law:
                return _Law("法", LawBasis.ASSUMED, start, end=end)
            return _Law("法", None, start, end=end)
        coordinated = self._coordinated(head, lo)
        if coordinated is not None:
            return coordinated
        if self.assume_law:
            return _Law(None, LawBasis.ASSUMED, pos)
        return _Law(None, None, pos)

    def _same_law(self, start: int, written: str) -> _Law:
        """同法: the act if the last law named before ``start`` is the act."""
        text = self.text
        lo = max(0, start - 3000)
        last_ours = -1
        for m in re.finditer(rf"{_FULL}|{'|'.join(_spaced(a) for a in self.aliases)}", text[lo:start]):
            last_ours = lo + m.start()
        for d in self.definitions:
            if d.pos <= start and d.ours:
                for m in re.finditer(re.escape(d.term), text[max(lo, d.pos) : start]):
                    if d.term != "法" or not _HAN.match(text[max(lo, d.pos) + m.start() - 1 : max(lo, d.pos) + m.start()] or "a"):
                        last_ours = max(last_ours, max(lo, d.pos) + m.start())
        last_other = -1
        for m in _OTHER_LAW.finditer(text, lo, start):
            name = m.group(0)
            if name.endswith("同法") or any(name.endswith(a) for a in self.aliases) or name.endswith("に関する法律"):
                continue
            if name in ("方法", "手法", "用法", "文法", "法"):
                continue
            last_other = m.start()
        if last_ours == -1 and last_other == -1:
            return _Law(written, None, start)
        if last_ours > last_other:
            return _Law(written, LawBasis.SAME_LAW, start)
        return _Law(written, None, start, other=True)

    _COORD = re.compile(
        rf"({_FULL_WITH_NUMBER}|{'|'.join(_spaced(a) for a in ALIASES)})"
        rf"{_S}第{_S}{_NUMBER}{_S}条(?:{_S}第{_S}{_NUMBER}{_S}項)?(?:{_S}第{_S}{_NUMBER}{_S}号)?"
        rf"{_S}(?:(?:[（(][^（）()]{{0,60}}[）)])?{_S}(?:及{_S}び|並{_S}び{_S}に|、|と)|[（(]){_S}\Z"
    )

    def _coordinated(self, head: str, lo: int) -> _Law | None:
        tail = head[-300:]
        base = lo + len(head) - len(tail)
        m = self._COORD.search(tail)
        if not m:
            return None
        return _Law("".join(m.group(1).split()), LawBasis.COORDINATED, base + m.start(1))


def _finding(c: Citation, reason: str, **kw: object) -> Finding:
    return Finding(c.start, c.end, c.text, reason, F.message(reason, **kw), citation=c)


def _words(*words: str) -> str:
    return "|".join(_S.join(re.escape(ch) for ch in w) for w in words)


# The longest run of text a citation could span from its anchor: characters of citations and the
# few words the grammar has (及び, から, に基づく, the old orders' titles …).  The parse stops at
# its end, so that the same citation followed by different prose is the same cache key.
_CITATION_RUN = re.compile(
    r"(?:"
    + _words(
        "主務省令で定める事務及び情報を定める命令",
        "主務省令で定める事務を定める命令",
        "主務省令",
        "に基づく",
        "若しくは",
        "並びに",
        "及び",
        "又は",
        "から",
        "まで",
        "項番",
    )
    + r"|[（(][\s]*第[^（）()\n]{1,16}関[\s]*係[\s]*[）)]"  # 別表第一（第九条関係）
    + r"|[（(][\s]*平[\s]*成[^（）()]{1,40}?号[\s]*[）)]"  # …命令（平成26年内閣府・総務省令第7号）
    + r"|[\s0-9０-９〇一二三四五六七八九十百千第条項号の表別同、，,・･欄上中下左右と〜～~])*"
)


def _parse_candidate(text: str, cand: Candidate) -> tuple[Parsed, Citation, int] | None:
    """Parse at a candidate: (parse, citation at offset 0 of its chunk, the chunk's offset).

    Spaced-out text is parsed through a compact view; its citation comes back already placed
    (offset 0)."""
    if cand.kind == "anchored" and is_spaced_out(text, cand.anchor):
        view = make_view(text, cand.start, cand.start + 600)
        parsed = parse_at(view.text, cand.kind)
        if parsed is None:
            return None
        c = to_citation(parsed, view.text, cand.start, view.position)
        return parsed, attrs.evolve(c, text=text[c.start : c.end]), 0
    if cand.kind == "bare_rows":  # the list ends at the 「項）」 the scanner found
        found = parse_relative(text[cand.start : cand.anchor + 2], cand.kind)
        return None if found is None else (found[0], found[1], cand.start)
    if cand.kind == "colon_rows":  # 「項：１、２、３」: the parse ends the list, within its line
        line_end = text.find("\n", cand.start)
        chunk = text[cand.start : line_end if line_end != -1 else cand.start + 2000][:2000]
        found = parse_relative(chunk, cand.kind)
        return None if found is None else (found[0], found[1], cand.start)
    if cand.kind == "article_refs":  # 第２条第７号… after a title: the parse ends the list
        found = parse_relative(text[cand.start : cand.start + 400], cand.kind)
        return None if found is None else (found[0], found[1], cand.start)
    if cand.kind == "order_refs":  # the list ends at the next closing parenthesis
        close = min((i for i in (text.find("）", cand.start), text.find(")", cand.start)) if i != -1), default=-1)
        chunk = text[cand.start : close + 1] if close != -1 else text[cand.start : cand.start + 6000]
        found = parse_relative(chunk, cand.kind)
        return None if found is None else (found[0], found[1], cand.start)
    if _BLANK.search(text, cand.start, cand.anchor):  # a provision in the passage before: not joined
        cand = Candidate(cand.anchor, cand.anchor, cand.kind)
    size = 300
    while True:
        chunk = text[cand.start : cand.start + size]
        blank = _BLANK.search(chunk, cand.anchor - cand.start)
        if blank is not None:  # a citation never runs on past a blank line
            chunk = chunk[: blank.start()]
        # stop at the first character no citation can hold, so that the same citation followed by
        # different prose is the same cache key (and the lexer reads no further)
        run = _CITATION_RUN.match(chunk, cand.anchor - cand.start)
        run_end = run.end() if run else len(chunk)
        stop = run_end < len(chunk)
        if stop:
            chunk = chunk[:run_end]
        found = parse_relative(chunk, cand.kind)
        if found is None:
            return None
        if stop or found[0].end < len(chunk) - 40 or cand.start + size >= len(text) or size > 50_000:
            return found[0], found[1], cand.start
        size *= 4


def find_citations(
    text: str, *, assume_law: bool = False, extra_aliases: Sequence[str] = ()
) -> list[Citation | Finding]:
    """Every citation of the act's tables (and orders) in ``text``, in text order.

    Citations whose law, table or row cannot be established come back as ``Finding`` objects
    with their span and reason.  Never raises on any ``str``.  ``extra_aliases`` are further
    names of the act (the rewriter passes the known typo 「番号利用表」 when asked to fix typos).
    """
    extra_aliases = find_args(text, assume_law, extra_aliases)
    if not isinstance(text, str):
        raise TypeError("text must be str")
    with collector_paused():
        return _find(text, assume_law, extra_aliases)


def _find(text: str, assume_law: bool, extra_aliases: Sequence[str]) -> list[Citation | Finding]:
    resolver = _Resolver(text, assume_law, extra_aliases)
    passages = Passages(text)
    out: list[Citation | Finding] = []
    taken_until = -1
    # anchored candidates (tables and order titles)
    for cand in anchors(text):
        if cand.start < taken_until:
            continue
        try:
            result = _parse_candidate(text, cand)
        except Exception:  # noqa: BLE001 - a candidate must never break the whole text
            result = None
        if result is None:
            continue
        parsed, rel, offset = result
        c_start, c_end = rel.start + offset, rel.end + offset
        if c_end <= cand.anchor:
            continue
        law = resolver.law_before(c_start)
        if law.other:
            taken_until = c_end
            continue
        if law.basis in (None, LawBasis.ASSUMED) and law.text is None and out:
            # 「番号法別表第一の16の項及び別表第二の27の項」: a table joined to the act's table before it
            prev = out[-1]
            if (
                isinstance(prev, Citation)
                and prev.law_basis not in (None, LawBasis.ASSUMED)
                and prev.kind is CitationKind.TABLE
                and _JOINED.fullmatch(text, prev.end, c_start)
            ):
                law = _Law(prev.law, LawBasis.COORDINATED, c_start)
        if law.basis is None and rel.table is Table.BEPPYO and not rel.rows and rel.column is None and not rel.provision:
            continue  # a bare 「別表」 (a document's own appendix heading): nothing to establish or rewrite
        start = c_start
        if law.text is not None and law.basis not in (LawBasis.COORDINATED, LawBasis.ASSUMED):
            start = law.start
        if law.basis is LawBasis.ASSUMED and law.text == "法":
            start = law.start
        prefix: tuple[Part, ...] = ()
        if start < c_start:
            prefix = (Part("law", start, law.end if law.end > start else c_start, law.text or ""),)
        order = None
        if parsed.order_title is not None:
            order = Order.OLD_EXCHANGE if parsed.order_title == "exchange" else Order.OLD_USES
        c = place(
            rel,
            offset,
            text,
            prefix,
            start=start,
            law=law.text,
            law_basis=law.basis,
            order=order,
            table_basis=TableBasis.ANTECEDENT if parsed.same_table else TableBasis.WRITTEN,
            passage=passages.start(start),
        )
        taken_until = c.end
        out.append(c)
    # row lists without their table, and reference lists after an order's title
    covered = _covered_by(out)
    for cand in row_list_candidates(text):
        if not covered(cand.start):
            dep = _dependent(text, cand, passages, lambda p: bool(p.items) and p.items[-1].suffix is not None)
            if dep is not None:
                out.append(dep)
    # 「…の項：１、２、３」: lists after a colon, outside any citation found so far.  「項番：3」 also
    # numbers a PIA's own items, so a colon list counts only close after a table (within
    # _COLON_REACH characters, in the same sentence and passage); anything else is not a citation.
    covered = _covered_by(out)
    tables = sorted(
        (o.end, bool(o.rows)) for o in out if isinstance(o, Citation) and o.kind is CitationKind.TABLE
    )
    table_ends = [t[0] for t in tables]
    for cand in colon_row_candidates(text):
        if covered(cand.start):
            continue
        j = bisect.bisect_right(table_ends, cand.start) - 1
        if j < 0 or cand.start - table_ends[j] > _COLON_REACH or tables[j][1]:
            continue  # no table just before, or it names its own rows: the list is something else
        between = text[table_ends[j] : cand.start]
        if "。" in between or _BLANK.search(between):
            continue
        dep = _dependent(text, cand, passages)
        if dep is not None:
            out.append(dep)
    titles = [o for o in out if isinstance(o, Citation) and o.kind is CitationKind.ORDER_TITLE]
    for t in titles:
        end = min(passages.end(t.end), t.end + 6000)
        direct = article_refs_candidate(text, t.end)
        for cand in ([direct] if direct is not None else []) + list(ref_list_candidates(text, t.end, end)):
            dep = _dependent(text, cand, passages)
            if dep is not None:
                out.append(dep)
    out.sort(key=lambda o: (o.start, o.end))
    return _resolve_antecedents(passages, out)


def _covered_by(items: Sequence[Citation | Finding]) -> Callable[[int], bool]:
    """Whether a position lies inside one of the citations among ``items``."""
    spans = sorted((o.start, o.end) for o in items if isinstance(o, Citation))
    starts = [sp[0] for sp in spans]

    def covered(pos: int) -> bool:
        k = bisect.bisect_right(starts, pos) - 1
        return k >= 0 and spans[k][0] <= pos < spans[k][1]

    return covered


def _dependent(
    text: str, cand: Candidate, passages: Passages, accept: Callable[[Parsed], bool] | None = None
) -> Citation | None:
    """A list that hangs on a table or order cited before it, parsed and placed (its antecedent
    is attached later, by :func:`_resolve_antecedents`); None when it does not parse."""
    result = _parse_candidate(text, cand) if _safe(text, cand) else None
    if result is None:
        return None
    parsed, rel, offset = result
    if accept is not None and not accept(parsed):
        return None
    return place(rel, offset, text, table_basis=TableBasis.ANTECEDENT, passage=passages.start(rel.start + offset))


# Only a conjunction or a separator between two citations: 「…の項及び」, 「…の項、」
_JOINED = re.compile(r"[\s]*(?:及[\s]*び|並[\s]*び[\s]*に|又[\s]*は|若[\s]*し[\s]*く[\s]*は|と|[、，,・･])[\s]*")


_COLON_REACH = 300
_BLANK = re.compile(r"\n[ \t\u3000\r]*\n")


def _safe(text: str, cand: Candidate) -> bool:
    return 0 <= cand.start < len(text)


_MAX_ANTECEDENT_DISTANCE = 6000


def _resolve_antecedents(passages: Passages, items: Sequence[Citation | Finding]) -> list[Citation | Finding]:
    """Attach 同表, row lists and reference lists to what they hang on; turn the unestablished into findings."""
    out: list[Citation | Finding] = []
    last_table: Citation | None = None
    last_table_index: int | None = None
    last_order: Citation | None = None
    last_order_index: int | None = None
    passage_of_last_table = passage_of_last_order = -1
    for item in items:
        if isinstance(item, Finding):
            out.append(item)
            continue
        c = item
        here = c.passage
        if c.table_basis is TableBasis.ANTECEDENT:
            if c.kind is CitationKind.ORDER_REFS:
                if (
                    last_order is None
                    or passage_of_last_order != here
                    or c.start - last_order.end > _MAX_ANTECEDENT_DISTANCE
                ):
                    out.append(_finding(c, F.NO_ANTECEDENT))
                    continue
                c = attrs.evolve(
                    c,
                    law=last_order.law,
                    law_basis=last_order.law_basis,
                    order=last_order.order,
                    table=last_order.table,
                    antecedent=last_order_index,
                )
                if last_order.law_basis is None:
                    out.append(_finding(c, F.LAW_UNKNOWN))
                    continue
                out.append(c)
                continue
            # 同表 or a bare row list
            if (
                last_table is None
                or passage_of_last_table != here
                or last_table.law_basis is None
                or c.start - last_table.end > _MAX_ANTECEDENT_DISTANCE
            ):
                out.append(_finding(c, F.NO_ANTECEDENT))
                continue
            c = attrs.evolve(
                c,
                law=last_table.law if c.kind is not CitationKind.TABLE else c.law or last_table.law,
                law_basis=last_table.law_basis if c.law_basis is None or c.kind is CitationKind.ROW_LIST else c.law_basis,
                table=last_table.table,
                tables=(),
                antecedent=last_table_index,
            )
        # findings for what is not established
        if c.law_basis is None:
            reason = F.SAME_LAW_UNRESOLVED if (c.law or "").replace(" ", "") == "同法" else F.LAW_UNKNOWN
            out.append(_finding(c, reason))
            continue
        if c.table is Table.OTHER or Table.OTHER in c.tables:
            out.append(_finding(c, F.UNKNOWN_TABLE))
            continue
        if c.column is not None:
            out.append(_finding(c, F.COLUMN_REFERENCE, column=c.column))
            if c.kind is CitationKind.TABLE:
                last_table, last_table_index, passage_of_last_table = c, len(out) - 1, here
            continue
        out.append(c)
        if c.kind is CitationKind.TABLE:
            last_table, last_table_index, passage_of_last_table = c, len(out) - 1, here
        elif c.kind is CitationKind.ORDER_TITLE:
            last_order, last_order_index, passage_of_last_order = c, len(out) - 1, here
    return out

"""Step 1 of the pipeline: find where citations may start, fast.

Lark cannot search free text, so this module finds candidates with plain string search anchored
on the one character every table citation holds, 「表」 (別表, 条の表, 同表), and widens locally:
backwards over a provision (第9条第1項, 第19条第8号に基づく主務省令) and forwards as far as the
grammar accepts.  Whitespace and line breaks may stand anywhere inside a citation; when the
text is spaced out character by character (「別 表 第 一」) a compact view with a position map is
parsed instead, so spans always point into the original text.

Two further kinds of candidate have no 表: parenthesised row lists that end in 「の項）」 (their
table is the one cited before them) and reference lists after an order's title.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection, Iterator
from typing import NamedTuple

import attrs

from ._patterns import compile_on_use

__all__ = ["INVISIBLE", "Candidate", "Passages", "article_refs_candidate", "colon_row_candidates", "may_hold_citation", "View", "anchors", "kou_marks", "row_list_candidates", "kouban_list_candidates", "ref_list_candidates", "passage_end", "make_view"]

_WS = " \t\r\n\u3000"
# the invisible format characters Word text carries (soft hyphen, zero-width space and joiners, word
# joiner, BOM, direction marks), each written once (for a regular expression's character class too); the grammar reads
# through them (its %ignore), and so does every pattern that skips the gaps of a citation
INVISIBLE = "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\ufeff"
# a number, its digits maybe split by a line break or, in spaced-out text, by spaces (「第 1 9 条」)
_N = r"(?:[0-9０-９]+(?:\s+[0-9０-９]+)*|[〇一二三四五六七八九十百千]+(?:[ \u3000]+[〇一二三四五六七八九十百千]+)*)"
_S = r"[\s]*"

# A provision written just before a table: 第9条第1項 / 第19条第8号 (optionally 「の」 or 「に基づく」 after it).
_PROVISION_BEFORE = compile_on_use(
    rf"第{_S}{_N}{_S}条(?:{_S}の{_S}{_N})*(?:{_S}(?:第{_S})?{_N}{_S}項)?(?:{_S}(?:第{_S})?{_N}{_S}号)?{_S}(?:の{_S}|に{_S}基{_S}づ{_S}く{_S})?\Z"
)
# …or in shorthand, without 第 (19条8号, 9条1項): looked for only when the first is not there (its search
# has no literal to start from)
_SHORTHAND_PROVISION_BEFORE = compile_on_use(
    rf"(?<![0-9０-９〇一二三四五六七八九十百千第]){_N}{_S}条(?:{_S}の{_S}{_N})*(?:{_S}(?:第{_S})?{_N}{_S}項)?"
    rf"(?:{_S}(?:第{_S})?{_N}{_S}号)?{_S}(?:の{_S}|に{_S}基{_S}づ{_S}く{_S})?\Z"
)
# 第19条第8号に基づく主務省令第2条の (before 表)
_ORDER_TABLE_BEFORE = compile_on_use(
    rf"(?:第{_S}{_N}{_S}条(?:{_S}第{_S}{_N}{_S}項)?(?:{_S}第{_S}{_N}{_S}[号条])?{_S}に{_S}基{_S}づ{_S}く{_S})?"
    rf"主{_S}務{_S}省{_S}令{_S}第{_S}{_N}{_S}条{_S}の{_S}\Z"
)
_PROVISION_LAST = frozenset("条項号のく0123456789０１２３４５６７８９〇一二三四五六七八九十百千")
_BLANK_LINE = compile_on_use(r"\n[ \t\u3000\r]*\n")
_SPACED = compile_on_use(r"(?:[^\s][ \u3000]){4,}")


class Candidate(NamedTuple):
    """Where to parse: ``start`` in the original text, ``kind`` the start symbol to use.  (A named
    tuple: one is made for every 別表 in a text.)"""

    start: int
    anchor: int
    kind: str  # "anchored" | "bare_rows" | "colon_rows" | "order_refs" | "article_refs"


@attrs.frozen
class View:
    """A compact copy of part of the text with whitespace removed, and where each char came from."""

    text: str
    positions: tuple[int, ...]

    def position(self, i: int) -> int:
        if i >= len(self.positions):
            return self.positions[-1] + 1 if self.positions else 0
        return self.positions[i]


def make_view(text: str, start: int, end: int) -> View:
    chars = []
    positions = []
    for i in range(start, min(end, len(text))):
        ch = text[i]
        if ch in _WS:
            continue
        chars.append(ch)
        positions.append(i)
    return View("".join(chars), tuple(positions))


def is_spaced_out(text: str, anchor: int) -> bool:
    """True when the text around ``anchor`` has a space after every character (「別 表 第 一」)."""
    if text[anchor + 1 : anchor + 2] not in (" ", "\u3000"):
        return False
    return _SPACED.search(text, max(0, anchor - 12), min(len(text), anchor + 12)) is not None


_ROW_LIST_END = compile_on_use(r"の[\s]*項")


def may_hold_citation(text: str) -> bool:
    """A cheap test: can ``text`` hold anything the finder looks at?

    Every candidate holds 「表」 (別表, 条の表, 同表, and the typo 番号利用表), 「令」 (an order's
    title, which reference lists such as １条２号ハ follow) or 「の項」 (a row list ending in
    の項）).  Callers with many small texts (spreadsheet cells) skip the others.
    """
    return "表" in text or "令" in text or ("項" in text and _ROW_LIST_END.search(text) is not None)


# whitespace and the invisible format characters Word text carries, walked back over inside a name (「別\u200b表」)
_WS_OR_INVISIBLE = frozenset(_WS + INVISIBLE)


# how wide the indentation after a line break may be (a cell's continuation line in -layout PDF text: 「同\n<23 spaces>表」)
_INDENT_REACH = 200


def _prev_nonspace(text: str, i: int, limit: int = 8) -> int:
    """The last character before ``i`` that is no whitespace, within ``limit`` characters; the indentation after a
    line break counts as none, however wide."""
    k = i - 1
    while k >= 0 and i - 1 - k < _INDENT_REACH and text[k] in " \t\u3000":
        k -= 1
    if k >= 0 and k < i - 1 and text[k] == "\n":
        i = k + 1
    j = i - 1
    stop = max(-1, i - 1 - limit)
    while j > stop and text[j] in _WS_OR_INVISIBLE:
        j -= 1
    return j if j > stop else -1


# 「表」 after 別, 同, の or whitespace (「別\n表」): the only ones that can end a table's name.  One
# C-level search with a literal first character; the 表 of 代表, 公表, 表示 … never reach Python.
_TABLE_ANCHOR = compile_on_use(rf"表(?<=[別同の \t\r\n\u3000{INVISIBLE}]表)")


# an ordinal right after a table's name (「同別表第二」 names the table of the law cited before: not 同表)
_ORDINAL_NEXT = compile_on_use(r"[\s]*第")


_PROVISIONS_KEPT = 1024  # (the windows remembered per text, see anchors)


def anchors(text: str) -> Iterator[Candidate]:
    """Candidates around each 「表」 that ends 別表, 同表 or 主務省令第N条の表.

    Where a provision written before a table begins depends on the 60 characters before the table alone (the pattern
    looks nowhere else), and a document repeats them (「番号利用法第9条第1項\n別表第一の…」 in every row of a table):
    each window's answer is remembered for the text, as a search tries every 第 in the window (the finder on the seed
    repeated to 1 MB: 816 → 798 M instructions)."""
    provision_at: dict[str, int] = {}  # window -> where in it the provision begins, or -1
    for hit in _TABLE_ANCHOR.finditer(text):
        i = hit.start()
        j = i - 1 if text[i - 1] not in _WS_OR_INVISIBLE else _prev_nonspace(text, i)  # (i ≥ 1: the anchor's lookbehind)
        if j >= 0:
            ch = text[j]
            if ch == "別" or ch == "同":
                # a provision before ends in 条, 項, 号, a number or の
                k = j - 1 if j and text[j - 1] not in _WS_OR_INVISIBLE else _prev_nonspace(text, j)
                if ch == "別" and k >= 0 and text[k] == "同" and _ORDINAL_NEXT.match(text, i + 1) is None:
                    yield Candidate(k, j, "anchored")  # 「同別表の28の項」: the table cited before, as 同表 names it
                    continue
                start = j
                if k >= 0 and text[k] in _PROVISION_LAST:
                    lo = max(0, j - 60)
                    window = text[lo:j]
                    at = provision_at.get(window)
                    if at is None:
                        m = _PROVISION_BEFORE.search(window)
                        at = m.start() if m else -1
                        if len(provision_at) >= _PROVISIONS_KEPT:
                            provision_at.clear()
                        provision_at[window] = at
                    if at == -1 and "条" in window:
                        # (its lookbehind may look before the window: searched in the text, never remembered)
                        m = _SHORTHAND_PROVISION_BEFORE.search(text, lo, j)
                        at = m.start() - lo if m else -1
                    if at != -1:
                        start = lo + at
                yield Candidate(start, j, "anchored")
            elif ch == "の":
                lo = max(0, i - 80)
                m = _ORDER_TABLE_BEFORE.search(text, lo, j + 1)
                if m:
                    yield Candidate(m.start(), j, "anchored")


# What a row list holds between its parentheses: numbers, separators, の, 項, 及び/並びに, から/まで, ～,
# 第/番 (第N項, 項番N), whitespace and invisible format characters
_LIST_CHARS = frozenset(
    "0123456789０１２３４５６７８９〇一二三四五六七八九十百千、，,・･の項及び並にからまで〜～~第番 \t\r\n\u3000"
    "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\ufeff"
)


_LIST_CLOSE = compile_on_use(r"項(?=[）)])")


# 「項」 before a closing parenthesis (a row list's end) or before a colon (「の項：」, 「項番：」): the
# two kinds of row list without a table are found in one C-level search
_KOU_MARK = compile_on_use(r"項(?:(?=[）)])|(?=[\s]*(?:番[\s]*)?[：:]))")


def kou_marks(text: str) -> tuple[list[int], list[int]]:
    """Where 「項」 closes a parenthesis, and where a colon follows it: the positions
    :func:`row_list_candidates` and :func:`colon_row_candidates` start from, in one pass."""
    closes: list[int] = []
    colons: list[int] = []
    for hit in _KOU_MARK.finditer(text):
        i = hit.start()
        (closes if text[i + 1 : i + 2] in "）)" and i + 1 < len(text) else colons).append(i)
    return closes, colons


def row_list_candidates(text: str, closes: list[int] | None = None) -> Iterator[Candidate]:
    """Parenthesised lists ending in 「項）」, however long: their opening parenthesis (the list's
    characters are walked back from the 「項）」 to the parenthesis that opens them).  ``closes``:
    the 「項」 positions from :func:`kou_marks`, when the caller has them.  A list may open with
    第 (「（第２７項、第２８項）」); the finder takes such a list only right after its table."""
    for i in (closes if closes is not None else (m.start() for m in _LIST_CLOSE.finditer(text))):
        j = i
        while j > 0 and text[j - 1] in _LIST_CHARS:
            j -= 1
        if j > 0 and text[j - 1] in "（(":
            o = j - 1
            k = o + 1
            while k < i and text[k] in _WS:
                k += 1
            if k < i and (text[k].isdigit() or text[k] in "〇一二三四五六七八九十百第"):
                yield Candidate(o, i, "bare_rows")


# 「別表第二（項番4、27）」: a bracketed list of rows written after 項番, right after a table's name
_KOUBAN_LIST_OPEN = compile_on_use(r"[ \t\u3000]*(?P<open>[（(])[\s]*項[\s]*番")
_KOUBAN_LIST_REACH = 400


# 「…が含まれる項（項番27、28）」: the 項 that ends a content criterion (after kana: not 事項, 記載事項)
# right before a bracket that opens with 項番
# (項 first: one C-level search with a literal first character)
_CRITERION_KOU = compile_on_use(r"項(?<=[ぁ-ゖ]項)(?=[ \t\u3000]*[（(][\s]*項[\s]*番)")


def kouban_list_candidates(text: str, table_ends: Collection[int]) -> Iterator[Candidate]:
    """The bracketed lists 「（項番4、27）」 right after the tables without rows that end at
    ``table_ends``, and right after the 項 that ends a content criterion (「…が含まれる項（項番27、28）」),
    as candidates of the kind 「（27、28の項）」 is: the anchor is the character before the closing bracket."""
    ends = set(table_ends)
    if "番" in text:
        ends.update(m.end() for m in _CRITERION_KOU.finditer(text))
    for end in sorted(ends):
        m = _KOUBAN_LIST_OPEN.match(text, end)
        if m is None:
            continue
        k = m.end()
        limit = min(len(text), k + _KOUBAN_LIST_REACH)
        while k < limit and text[k] in _LIST_CHARS:
            k += 1
        if k < limit and text[k] in "）)":
            yield Candidate(m.start("open"), k - 1, "bare_rows")


# 「…の項：１、２、３」, 「項番：１、２」: where the numbers begin
_COLON_LIST = compile_on_use(r"(?:の[\s]*項|項[\s]*番)[\s]*[：:][\s]*(?=[0-9０-９〇一二三四五六七八九十百])")


# 「項」 followed by a colon (「の項：」) or by 「番」 and a colon (「項番：」): one C-level search
_COLON_KOU = compile_on_use(r"項(?=[\s]*(?:番[\s]*)?[：:])")


def colon_row_candidates(text: str, colons: list[int] | None = None) -> Iterator[Candidate]:
    """Row lists written after a colon (「（第一欄が「市町村長」の項：１、２、３）」): where the
    numbers begin.  ``colons``: the 「項」 positions from :func:`kou_marks`, when the caller has them."""
    for i in (colons if colons is not None else (m.start() for m in _COLON_KOU.finditer(text))):
        j = _prev_nonspace(text, i, 4)
        m = (_COLON_LIST.match(text, j) if j >= 0 and text[j] == "の" else None) or _COLON_LIST.match(text, i)
        if m is not None:
            yield Candidate(m.end(), m.end(), "colon_rows")


# a line that starts with a row, after a bullet or not (「・27の項」, 「27の項」, 「・項番27」, 「・第27項」)
_BULLET_ROW = compile_on_use(
    r"[ \t\u3000]*\r?\n[ \t\u3000]*(?:[・･●○■□◆◇][ \t\u3000]*)?(?=[0-9０-９〇一二三四五六七八九十百千]|第|項[ \t\u3000]*番)"
)


def bullet_row_candidate(text: str, end: int) -> Candidate | None:
    """The row list on the line right after ``end`` (the end of a table's citation that ends its line,
    or of the line of rows before), after a bullet or not: 「番号法別表第二\n・27の項\n・28の項」, a Word
    list whose bullets are not in the text."""
    m = _BULLET_ROW.match(text, end)
    if m is None:
        return None
    line_end = text.find("\n", m.end())
    line = text[m.end() : line_end if line_end != -1 else len(text)]
    if "項" not in line or not _LIST_CHARS.issuperset(line):  # only rows on it (「５．特定個人情報の…」 is a heading)
        return None
    return Candidate(m.end(), m.end(), "colon_rows")


_REFS_OPEN = compile_on_use(r"[（(][\s]*[0-9０-９]+[\s]*条")


def ref_list_candidates(text: str, start: int, end: int) -> Iterator[Candidate]:
    """Reference lists 「（１条２号ハ、…）」 between ``start`` and ``end``."""
    for m in _REFS_OPEN.finditer(text, start, end):
        yield Candidate(m.start(), m.start(), "order_refs")


_ARTICLE_AFTER_TITLE = compile_on_use(r"[ \t\u3000]*第[\s]*[0-9０-９〇一二三四五六七八九十百千]")


def article_refs_candidate(text: str, title_end: int) -> Candidate | None:
    """「第２条第７号…」 written right after an order's title that ends at ``title_end``."""
    m = _ARTICLE_AFTER_TITLE.match(text, title_end)
    if m is None:
        return None
    dai = text.index("第", title_end)
    return Candidate(dai, dai, "article_refs")


class Passages:
    """The blank-line separated passages of a text, found once on first use; lookups by bisection."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts: list[int] = []
        self._ends: list[int] = []

    def _index(self, pos: int) -> int:
        if not self._starts:  # found on first use: a text with no citation never needs them
            self._starts.append(0)
            for m in _BLANK_LINE.finditer(self._text):
                self._ends.append(m.start())
                self._starts.append(m.end())
            self._ends.append(len(self._text))
        return max(0, bisect.bisect_right(self._starts, pos) - 1)

    def start(self, pos: int) -> int:
        """Start of the passage holding ``pos``."""
        return self._starts[self._index(pos)]

    def end(self, pos: int) -> int:
        """End of the passage holding ``pos`` (where its blank line begins)."""
        return self._ends[self._index(pos)]


def passage_end(text: str, pos: int, limit: int = 6000) -> int:
    """End of the passage containing ``pos``: the next blank line (or ``limit`` chars on)."""
    m = _BLANK_LINE.search(text, pos, min(len(text), pos + limit))
    return m.start() if m else min(len(text), pos + limit)


def passage_start(text: str, pos: int, limit: int = 6000) -> int:
    """Start of the passage containing ``pos``: just after the last blank line before it."""
    lo = max(0, pos - limit)
    last = lo
    for m in _BLANK_LINE.finditer(text, lo, pos):
        last = m.end()
    return last

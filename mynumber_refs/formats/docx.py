"""Word documents (.docx), through python-docx (imported only inside functions).

Units:

* the body's paragraphs, consecutive ones joined with ``"\\n"`` into one passage (so that a
  definition such as 「（以下「法」という。）」 carries to the paragraphs after it); a table ends
  a passage;
* every table cell (nested tables too; a row's cells start after the grid columns its ``w:gridBefore``
  skips): the cell's own paragraphs joined with ``"\\n"``; not the
  cells of a change record (a table whose first or second row names 変更前… and 変更後…: history, noted in
  :attr:`DocxDocument.notes` and left as written);
* every header and footer (each distinct part once), the same way;
* every text box (``w:txbxContent``, DrawingML ``wps:txbx`` or VML ``v:textbox``) in the body, a
  header, a footer or a note, the same way, labelled 「本文 テキストボックス1」 (numbered in
  document order within its story);
* every footnote and endnote (``/word/footnotes.xml``, ``/word/endnotes.xml``; not the separator
  notes), the same way, labelled 「脚注1」/「文末脚注1」 (numbered in the order of their ids).

Word keeps most text boxes twice, in ``mc:AlternateContent``: the ``mc:Choice`` copy (DrawingML)
is the unit, the ``mc:Fallback`` copy (VML) is never read as a unit of its own.  An edit in the
Choice copy is made in the Fallback copy too, text by text, when both copies hold the same
sequence of ``w:t`` texts; when they do not, the edit is refused and reported, and neither copy
changes.  A text box's text is not part of the paragraph that anchors it (the drawing is a
marker there); a text box anchored inside a tracked change or a simple field is protected.

The text of a paragraph is the text of its runs (``w:t``).  Text inside tracked changes
(``w:ins``, ``w:del``, ``w:moveTo``, ``w:moveFrom``), fields (``w:fldSimple`` and the result of a
complex field), content controls whose text Word fills from elsewhere (bound to XML data, ``w:dataBinding``,
or chosen from a drop-down list), tabs, breaks and drawings is protected: an edit that would touch it is refused
and reported.  Comments (their own part) are never read.  An edit over several runs puts its
new text into the run where the changed characters start; the other runs lose only the
characters they no longer hold, and every run keeps its formatting.  A notes part that python-docx
loads as plain bytes is parsed here and written back only when one of its notes changed; an
unchanged part keeps its bytes exactly.

After :meth:`DocxDocument.track_changes` the same replacements are written as tracked changes
instead, one citation whole: the edits of one citation are one deletion followed by one insertion,
from their first changed character to their last widened to whole numbers and table names
(「別表第二の11の項」 shows 「別表第二の11」 struck through, then 「第19条第8号に基づく主務省令第2条の表の15」,
and keeps 「の項」), so that a reviewer can never take its new table name without its new row
(:func:`_tracked_ops`).  The run is split where its text changes, the characters removed go into
``w:del`` (as ``w:delText``; one ``w:del`` per run they come from, back to back) and the new ones into
one ``w:ins`` right after the last removed piece, each in runs with a copy of an original run's
``w:rPr`` (a removed character that of its run, an inserted one that of the run the plain rewrite
puts it in), by the author
「mynumber-refs」 with a date and an id unique in the package.  Accepting
every revision gives the plain rewrite (text and formatting), rejecting them gives the original.  Text box
copies get the same revisions.  Inserted text is protected when the document is read again, so a
second run changes nothing.  A document with Word's 「変更履歴の記録」 on (``w:trackRevisions``) is in this
mode from the start, as Word records any edit made in it, and notes it (:data:`RECORDING_NOTE`).

Each body paragraph and table cell carries the PIA's heading path (``detail["heading"]``): the
headings above it (paragraphs with a heading style, inherited or by outline level, and short
paragraphs, and label cells of its own table, written with Ⅰ/１．/（１）/① numbering) and, in a
table, the labels to the left of the cell (a vertically merged label on every row it spans).  A
table's labels head only that table's rows: the paragraph after a table has the headings it would
have without the table.  The number Word draws for
an automatically numbered paragraph is not part of its text and is not read.  Body, header, footer
and note paragraphs are an item each (the 変更箇所 table's rows); a cell and a text box are one.
"""

from __future__ import annotations

import bisect
import copy
import datetime
import functools
import io
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from .._patterns import compile_on_use
from ..edits import WordSpan, word_spans
from . import (
    HEAD_ROWS,
    Location,
    Segment,
    SegmentOps,
    SkippedEdit,
    Unit,
    _trim,
    change_record_note,
    edit_group,
    embedded_note,
    heads_rows_below,
    is_change_record_heading,
    is_signed,
    left_text,
    may_cite,
    segment_ops,
    shown_first,
    signed_error,
)
from .ooxml import (
    XML_SPACE,
    AlternateCopies,
    HeadingStack,
    heading_level,
    in_later_branch,
    label_text,
    plan_edits,
    skip_message,
    xml_with_declaration,
)
from .safety import FormatError, ZipLimits, atomic_save, parse_xml, read_package, verify_package

__all__ = ["DocxDocument", "open_docx"]

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


W_P, W_R, W_T, W_TBL, W_TR, W_TC = (_w(t) for t in ("p", "r", "t", "tbl", "tr", "tc"))
W_SDT, W_SDTCONTENT, W_CUSTOMXML = _w("sdt"), _w("sdtContent"), _w("customXml")
W_INS, W_DEL, W_MOVETO, W_MOVEFROM = _w("ins"), _w("del"), _w("moveTo"), _w("moveFrom")
W_FLDSIMPLE, W_FLDCHAR, W_INSTRTEXT = _w("fldSimple"), _w("fldChar"), _w("instrText")
W_TXBXCONTENT = _w("txbxContent")
_NOTE_REFERENCES = (_w("footnoteReference"), _w("endnoteReference"))
W_TRANSPARENT = {_w("hyperlink"), _w("smartTag"), _w("dir"), _w("bdo"), W_CUSTOMXML}
W_IGNORED = {  # properties and marks of a range: they hold no text
    _w(t)
    for t in (
        "pPr", "rPr", "proofErr", "bookmarkStart", "bookmarkEnd", "commentRangeStart", "commentRangeEnd",
        "permStart", "permEnd", "lastRenderedPageBreak", "sdtPr", "sdtEndPr", "customXmlPr", "smartTagPr",
        "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd",
        "customXmlInsRangeStart", "customXmlInsRangeEnd", "customXmlDelRangeStart", "customXmlDelRangeEnd",
        "customXmlMoveFromRangeStart", "customXmlMoveFromRangeEnd", "customXmlMoveToRangeStart",
        "customXmlMoveToRangeEnd",
    )
}
_HDR_TYPES = {"default": "既定", "first": "先頭ページ", "even": "偶数ページ"}
_NOTE_KINDS = (("footnotes", "footnote", "脚注"), ("endnotes", "endnote", "文末脚注"))

TEXTBOX_COPY_MESSAGE = (
    "テキストボックスの2つの複製（mc:Choice と mc:Fallback）の文字が一致しないため自動では書き換えませんでした。"
    "手作業で修正してください"
    " / not rewritten automatically because the two copies of the text box (mc:Choice and mc:Fallback)"
    " hold different text; fix it by hand"
)


@dataclass
class _State:
    """Complex fields can span runs and paragraphs: a stack of ``"instr"``/``"result"``."""

    fields: list[str] = field(default_factory=list)


@dataclass
class _NoteReference(Segment):
    """A footnote or endnote reference in a paragraph: no text, a place (see :attr:`Unit.notes`); ``note`` is its tag and
    id."""

    note: tuple[str, str] = ("", "")


def _inline(el: Any, segs: list[Segment], st: _State, protected: bool) -> None:
    for child in el:
        tag = child.tag
        if tag == W_R:
            _run(child, segs, st, protected)
        elif tag in (W_INS, W_MOVETO, W_FLDSIMPLE):
            _inline(child, segs, st, True)
        elif tag in (W_DEL, W_MOVEFROM):
            segs.append(Segment("", False))
        elif tag in W_TRANSPARENT:
            _inline(child, segs, st, protected)
        elif tag == W_SDT:
            content = child.find(W_SDTCONTENT)
            if _showing_placeholder(child):
                segs.append(Segment("", False))  # not the document's text (see _placeholder_note)
            elif content is not None:
                _inline(content, segs, st, protected or _filled_elsewhere(child))
        elif tag in W_IGNORED or not isinstance(tag, str):
            continue  # comments and processing instructions have a non-str tag
        else:
            segs.append(Segment("", False))  # math, alternate content, anything unknown


_SDT_FILLED = {"dataBinding", "dropDownList"}


def _filled_elsewhere(sdt: Any) -> bool:
    """Whether Word fills a content control's text from elsewhere: from XML data it is bound to
    (``w:dataBinding``, Word's own on opening the file) or from the entries of its drop-down list.  An
    edit there would be undone, or leave the list's old entries, so its text is protected."""
    pr = sdt.find(_w("sdtPr"))
    return pr is not None and any(
        isinstance(c.tag, str) and c.tag.rsplit("}", 1)[-1] in _SDT_FILLED for c in pr)


def _showing_placeholder(sdt: Any) -> bool:
    """Whether a content control shows its placeholder text (``w:showingPlcHdr``): the grey prompt of an empty
    control (「ここに入力」, 「例：…」), which is no text of the document: Word puts it back from the template whenever
    the control is emptied, and typing in the control replaces it whole."""
    pr = sdt.find(_w("sdtPr"))
    if pr is None:
        return False
    flag = pr.find(_w("showingPlcHdr"))
    return flag is not None and flag.get(_w("val"), "true") not in ("false", "0", "off")


def _run(r: Any, segs: list[Segment], st: _State, protected: bool) -> None:
    for child in r:
        tag = child.tag
        if tag == W_T:
            segs.append(Segment(child.text or "", editable=not protected and not st.fields, payload=child))
        elif tag == W_FLDCHAR:
            kind = child.get(_w("fldCharType"))
            if kind == "begin":
                st.fields.append("instr")
            elif kind == "separate" and st.fields:
                st.fields[-1] = "result"
            elif kind == "end" and st.fields:
                st.fields.pop()
            segs.append(Segment("", False))
        elif tag == _w("tab"):
            segs.append(Segment("\t", False, child, mark=not protected and not st.fields))
        elif tag in (_w("br"), _w("cr")):
            segs.append(Segment("\n", False, child, mark=not protected and not st.fields))
        elif tag == _w("noBreakHyphen"):
            segs.append(Segment("\u2011", False))
        elif tag == _w("ruby"):
            # furigana: the base text reads as written (its reading, w:rt, is not text) and is
            # never edited, so that base and reading cannot disagree
            base = child.find(_w("rubyBase"))
            if base is not None:
                _inline(base, segs, st, True)
            else:
                segs.append(Segment("", False))
        elif tag in W_IGNORED or not isinstance(tag, str):
            continue
        elif tag in _NOTE_REFERENCES:
            segs.append(_NoteReference("", False, note=(tag, child.get(_W_ID) or "")))
        else:
            segs.append(Segment("", False))  # instrText, delText, drawing, sym …


def _block_children(container: Any) -> list[Any]:
    """Paragraphs and tables of a container, looking through content controls and custom XML."""
    out: list[Any] = []
    for child in container:
        if child.tag in (W_P, W_TBL):
            out.append(child)
        elif child.tag == W_SDT:
            content = child.find(W_SDTCONTENT)
            if content is not None:
                out.extend(_block_children(content))
        elif child.tag == W_CUSTOMXML:
            out.extend(_block_children(child))
    return out


def _row_children(tbl: Any, tag: str) -> list[Any]:
    out: list[Any] = []
    for child in tbl:
        if child.tag == tag:
            out.append(child)
        elif child.tag == W_SDT:
            content = child.find(W_SDTCONTENT)
            if content is not None:
                out.extend(_row_children(content, tag))
        elif child.tag == W_CUSTOMXML:
            out.extend(_row_children(child, tag))
    return out


_W_BREAKS = {_w("br"), _w("cr")}


def _texts_outside_text_boxes(el: Any) -> list[str]:
    """The texts of ``el`` outside text boxes, a line break (a paragraph's end, <w:br/>) as 「\n」: a cell
    of 「27」 and 「28」 on two lines is not 「2728」."""
    out: list[str] = []
    for child in el:
        if child.tag == W_T:
            out.append(child.text or "")
        elif child.tag in _W_BREAKS:
            out.append("\n")
        elif child.tag != W_TXBXCONTENT:
            if child.tag == W_P and out and not out[-1].endswith("\n"):
                out.append("\n")
            out.extend(_texts_outside_text_boxes(child))
    return out


def _row_label(tc: Any, limit: int = 30) -> str:
    """The text of a row's first cell when it looks like an item label (short, no table)."""
    if tc.find(f".//{W_TBL}") is not None:
        return ""
    text = " ".join("".join(_texts_outside_text_boxes(tc)).split())
    return text if len(text) <= limit else ""


@dataclass
class _Passage:
    segments: list[Segment] = field(default_factory=list)
    paras: list[int] = field(default_factory=list)  # offset where each paragraph starts
    length: int = 0
    headings: list[list[str] | None] = field(default_factory=list)  # the heading path of each paragraph

    def new_paragraph(self, heading: list[str] | None = None) -> None:
        if self.paras:
            self.segments.append(Segment("\n", False))
            self.length += 1
        self.paras.append(self.length)
        self.headings.append(heading)

    def extend(self, segs: list[Segment]) -> None:
        self.segments.extend(segs)
        self.length += sum(len(s.text) for s in segs)


@dataclass
class _NotesPart:
    """A footnotes or endnotes part.  ``blob`` holds its original bytes when python-docx loaded
    it as a plain part (``root`` is then parsed here and must be written back when it changed);
    it is ``None`` for a part python-docx parsed itself."""

    part: Any
    root: Any
    blob: bytes | None
    dirty: bool = False


@dataclass
class _DocUnit:
    unit: Unit
    segments: list[Segment]
    owner: _NotesPart | None = None
    copy_blocked: frozenset[int] = frozenset()  # segments refused because their text box copies differ


def _in_protected(el: Any, root: Any) -> bool:
    """Whether ``el`` is anchored inside a tracked change or a simple field."""
    node = el.getparent()
    while node is not None and node is not root:
        if node.tag in (W_INS, W_DEL, W_MOVETO, W_MOVEFROM, W_FLDSIMPLE):
            return True
        node = node.getparent()
    return False


def _text_boxes(root: Any) -> list[Any]:
    """The ``w:txbxContent`` elements under ``root`` in document order, copies left out."""
    return [box for box in root.iter(W_TXBXCONTENT) if box is not root and not in_later_branch(box, root)]


def _paragraph_text(p: Any) -> str:
    return "".join(_texts_outside_text_boxes(p))


def _grid_before(tr: Any) -> int:
    """The grid columns a row leaves empty before its first cell (``w:trPr/w:gridBefore``): its cells
    start after them."""
    tr_pr = tr.find(_w("trPr"))
    before = None if tr_pr is None else tr_pr.find(_w("gridBefore"))
    if before is None:
        return 0
    try:
        return max(0, int(before.get(_w("val"), "0")))
    except ValueError:
        return 0


_V = TypeVar("_V")


def _table_grid(rows: Sequence[Any]) -> list[list[tuple[int, str]]]:
    """Per row, each cell's grid column and its text (outside text boxes)."""
    out: list[list[tuple[int, str]]] = []
    for tr in rows:
        at, row = _grid_before(tr), []
        for tc in _row_children(tr, W_TC):
            row.append((at, "".join(_texts_outside_text_boxes(tc))))
            at += _cell_span(tc)[0]
        out.append(row)
    return out


def _cells_after(
    grid: list[list[tuple[int, str]]], r: int, c: int, count: int = 2, continued: Sequence[set[int]] = ()
) -> tuple[tuple[str, ...], ...]:
    """The texts of the next ``count`` cells with text to the right of cell (r, c) — in each row a
    vertical merge from it spans (``continued[row]``: the grid columns that continue a merge) — and
    below it (in its grid column); and those below the cell right next to it when that cell only says 「項番」 or holds
    nothing (the cell right below it only), a heading row not merged over its columns (「番号法別表第二」｜「項番」 over
    「」｜「27」, or the 「27」 diagonally below it); see formats.names_over_cells."""
    column = grid[r][c][0]
    runs = [tuple(t for _, t in grid[r][c + 1 :] if t.strip())[:count]]
    k = r + 1
    while k < len(grid) and k < len(continued) and column in continued[k]:  # the rows the cell spans
        runs.append(tuple(t for at, t in grid[k] if at > column and t.strip())[:count])
        k += 1
    runs.append(tuple(t for row in grid[r + 1 :] for at, t in row if at == column and t.strip())[:count])
    if c + 1 < len(grid[r]) and heads_rows_below(grid[r][c + 1][1]):
        right, reach = grid[r][c + 1][0], (len(grid) if grid[r][c + 1][1].strip() else 1)
        runs.append(tuple(t for row in grid[r + 1 : r + 1 + reach] for at, t in row if at == right and t.strip())[:count])
    return tuple(run for run in runs if run)


def _first_cells(tbl: Any, count: int = 2) -> tuple[tuple[str, ...], ...]:
    """The texts of the first ``count`` cells with text of a table's first row, and of its first grid column: what goes on
    from the paragraph right above the table (「根拠：番号法別表第二」 over a table of 「項番」 and 「27」), read as a
    cell's next cells are; see formats.names_over_cells."""
    grid = _table_grid(_row_children(tbl, W_TR))
    if not grid or not grid[0]:
        return ()
    first = grid[0][0][0]
    runs = (tuple(t for _, t in grid[0] if t.strip())[:count],
            tuple(t for row in grid for at, t in row if at == first and t.strip())[:count])
    return tuple(run for run in runs if run)


def _cell_up(grid: list[list[tuple[int, str]]], r: int, c: int) -> str:
    """The text of the nearest cell with text above cell (r, c) in its grid column; see formats.network_item_left_of_cell."""
    column = grid[r][c][0]
    return next((t for row in reversed(grid[:r]) for at, t in row if at == column and t.strip()), "")


def _continued(rows: Sequence[Any]) -> list[set[int]]:
    """Per row, the grid columns of its cells that continue a vertical merge from the row above."""
    out: list[set[int]] = []
    for tr in rows:
        at, here = _grid_before(tr), set()
        for tc in _row_children(tr, W_TC):
            span, merge = _cell_span(tc)
            if merge == "continue":
                here.add(at)
            at += span
        out.append(here)
    return out


def _down_merges(rows: Sequence[Any], values: Sequence[Sequence[_V]]) -> list[list[_V]]:
    """``values`` (per row, one for each of its cells) with each cell that continues a vertical merge holding the value
    of the merge's first cell (a cell that continues none above it keeps its own): the one walk down the merges of a
    table that :func:`_merged_down`, :func:`_merge_origins` and the labels of its rows share."""
    out: list[list[_V]] = []
    first: dict[int, _V] = {}  # grid column -> the value of the merge begun there
    for tr, row in zip(rows, values, strict=True):
        at, here = _grid_before(tr), []
        for tc, value in zip(_row_children(tr, W_TC), row, strict=True):
            span, merge = _cell_span(tc)
            if merge == "continue":
                value = first.get(at, value)
            elif merge == "restart":
                first[at] = value
            else:
                first.pop(at, None)
            here.append(value)
            at += span
        out.append(here)
    return out


def _merged_down(rows: Sequence[Any], grid: list[list[tuple[int, str]]]) -> list[list[tuple[int, str]]]:
    """``grid`` with each cell that continues a vertical merge holding the text of the merge's first
    cell (a 「根拠法令」 cell merged over several rows stands to the left of each of them)."""
    texts = _down_merges(rows, [[text for _, text in row] for row in grid])
    return [[(at, text) for (at, _), text in zip(row, filled, strict=True)] for row, filled in zip(grid, texts, strict=True)]


def _cell_right_above(grid: list[list[tuple[int, str]]], spans: list[list[int]], r: int, c: int) -> str:
    """The text of the cell right above cell (r, c): in the row above, the cell whose grid columns
    (``spans``: each cell's span) hold its first one (``grid`` from :func:`_merged_down`, so a
    vertical merge shows its first cell's text); ``""`` when none does.  See formats.law_left_of_cell."""
    if r == 0:
        return ""
    column = grid[r][c][0]
    return next((text for (at, text), span in zip(grid[r - 1], spans[r - 1], strict=True)
                 if at <= column < at + span), "")


def _label_continued(grid: list[list[tuple[int, str]]], spans: list[list[int]], r: int, c: int, reach: int = 30) -> str:
    """For cell (r, c) with no text to its left whose cell right above holds a citation (another row's list, not a
    heading): that cell's label, found the same way (``grid`` from :func:`_merged_down`; see formats.Unit.label_above);
    ``""`` otherwise."""
    column = grid[r][c][0]
    for k in range(r - 1, max(-1, r - 1 - reach), -1):
        at = next((i for i, ((start, _), span) in enumerate(zip(grid[k], spans[k], strict=True))
                   if start <= column < start + span), None)
        if at is None or not may_cite(grid[k][at][1]):
            return ""
        before = _cell_before(grid, k, at)
        if before:
            return before
    return ""


def _peers(cells: list[list[tuple[int, str]]], grid: list[list[tuple[int, str]]], spans: list[list[int]], r: int, c: int,
           reach: int = HEAD_ROWS) -> Iterator[tuple[str, Callable[[], tuple[str, tuple[str, ...]]]]]:
    """The other cells of the table that may cite in the rows around cell (r, c), up to a row with no text (a blank
    line in tab-separated text) or ``reach`` rows each way (``cells`` from :func:`_table_grid`, ``grid`` from
    :func:`_merged_down`): each as its text and what gives its label and the texts above it in its column; see
    formats.Unit.peers."""
    top, bottom = r, r
    while top > 0 and r - top < reach and any(t.strip() for _, t in cells[top - 1]):
        top -= 1
    while bottom + 1 < len(cells) and bottom - r < reach and any(t.strip() for _, t in cells[bottom + 1]):
        bottom += 1
    for k in range(top, bottom + 1):
        for j, (_, text) in enumerate(cells[k]):
            if (k, j) != (r, c) and may_cite(text):
                yield text, functools.partial(_label_and_column, grid, spans, k, j)


def _label_and_column(grid: list[list[tuple[int, str]]], spans: list[list[int]], r: int, c: int
                      ) -> tuple[str, tuple[str, ...]]:
    """The label of cell (r, c) as formats.with_label reads a cell's, and the texts above it in its column."""
    before = _cell_before(grid, r, c) if c > 0 else ""
    above = "" if before else _cell_right_above(grid, spans, r, c)
    label = before or (_label_continued(grid, spans, r, c) if above else "") or above
    return label, _column_above(grid, spans, r, c) if r > 0 else ()


def _merge_origins(rows: Sequence[Any]) -> list[list[int]]:
    """Per row, for each of its cells the row its vertical merge begins on (its own row for a cell not merged)."""
    return _down_merges(rows, [[k] * len(_row_children(tr, W_TC)) for k, tr in enumerate(rows)])


def _covering(grid: list[list[tuple[int, str]]], spans: list[list[int]], k: int, column: int) -> int | None:
    """The index in row ``k`` of the cell whose grid columns hold ``column``; ``None`` when none does."""
    return next((i for i, ((start, _), span) in enumerate(zip(grid[k], spans[k], strict=True))
                 if start <= column < start + span), None)


def _label_of(grid: list[list[tuple[int, str]]], spans: list[list[int]], origins: list[list[int]], r: int, c: int,
              memo: dict[tuple[int, int], tuple[int, int] | None], reach: int = 30) -> tuple[int, int] | None:
    """Where the label cell of cell (r, c) begins (its merge's first row, its grid column): the nearest cell with text
    to its left, or for a cell with none, the label of the cell right above it when that holds a citation, as
    :func:`_label_continued` finds it (``grid`` from :func:`_merged_down`, ``origins`` from :func:`_merge_origins`;
    ``memo``: the labels found so far in the table)."""
    if (r, c) in memo:
        return memo[r, c]
    at, k = c, r
    found: tuple[int, int] | None = None
    for _ in range(reach):
        left = next((j for j in range(at - 1, -1, -1) if grid[k][j][1].strip()), None)
        if left is not None:
            found = origins[k][left], grid[k][left][0]
            break
        up = _covering(grid, spans, k - 1, grid[k][at][0]) if k > 0 else None
        if up is None or not may_cite(grid[k - 1][up][1]):
            break
        k, at = k - 1, up
    memo[r, c] = found
    return found


def _label_parts(grid: list[list[tuple[int, str]]], spans: list[list[int]], origins: list[list[int]],
                 memo: dict[tuple[int, int], tuple[int, int] | None], r: int, c: int, reach: int = 30) -> tuple[str, ...]:
    """The texts of the other cells in the grid column of cell (r, c) that share its label cell (merged over their
    rows, or left empty below a row holding a citation), nearest first, up then down (``memo`` as for
    :func:`_label_of`); see formats.Unit.parts."""
    label = _label_of(grid, spans, origins, r, c, memo)
    if label is None:
        return ()
    column = grid[r][c][0]
    own = (origins[r][c], column)
    out: list[str] = []
    for step in (-1, 1):
        last, k = own, r + step
        for _ in range(reach):
            if not 0 <= k < len(grid):
                break
            at = _covering(grid, spans, k, column)
            if at is None:
                break
            cell = (origins[k][at], grid[k][at][0])
            if cell not in (own, last):  # (a cell merged down over several rows counted once)
                if _label_of(grid, spans, origins, k, at, memo) != label:
                    break
                if grid[k][at][1].strip():
                    out.append(grid[k][at][1])
                last = cell
            k += step
    return tuple(out)


def _column_above(grid: list[list[tuple[int, str]]], spans: list[list[int]], r: int, c: int, reach: int = HEAD_ROWS
                  ) -> tuple[str, ...]:
    """The texts of the cells with text above cell (r, c) in its table, nearest first, up to ``reach`` rows: in
    each row above, the cell whose grid columns hold its first one (``grid`` from :func:`_merged_down`; a vertical
    merge counted once); see formats.Unit.column."""
    column = grid[r][c][0]
    out: list[str] = []
    for k in range(r - 1, max(-1, r - 1 - reach), -1):
        text = next((text for (at, text), span in zip(grid[k], spans[k], strict=True) if at <= column < at + span), "")
        if text.strip() and (not out or out[-1] is not text):
            out.append(text)
    return tuple(out)


def _rows_above(grid: list[list[tuple[int, str]]], spans: list[list[int]], r: int, c: int, title: str,
                reach: int = HEAD_ROWS) -> tuple[tuple[str, tuple[str, ...], bool], ...]:
    """The rows above cell (r, c) in its table, nearest first, up to ``reach`` rows: each as the text of its cell over
    the cell's first grid column, the texts of its cells with text (``grid`` from :func:`_merged_down`) and whether
    that cell spans several grid columns; then, when the table's first row is within reach, the paragraph right above
    the table (``title``, blank ones passed) as a row of its own text alone; see formats.Unit.rows."""
    column = grid[r][c][0]
    out: list[tuple[str, tuple[str, ...], bool]] = []
    for k in range(r - 1, max(-1, r - 1 - reach), -1):
        text, wide = next(((text, span > 1) for (at, text), span in zip(grid[k], spans[k], strict=True)
                           if at <= column < at + span), ("", False))
        out.append((text, tuple(t for _, t in grid[k] if t.strip()), wide))
    if r <= reach and title:
        out.append(("", (title,), False))
    return tuple(out)


def _title_of(paragraphs: Sequence[Any]) -> str:
    """The text of the last of ``paragraphs`` with text (the paragraph right above a table, blank ones passed), or
    ``""``."""
    for p in reversed(paragraphs):
        text = _paragraph_text(p)
        if text.strip():
            return text
    return ""


def _cell_before(grid: list[list[tuple[int, str]]], r: int, c: int) -> str:
    """The text of the nearest cell with text to the left of cell (r, c) in its row (``grid`` from
    :func:`_merged_down`); see formats.laws_left_of_cells."""
    return left_text(t for _, t in reversed(grid[r][:c]) if t.strip())


def _cell_span(tc: Any) -> tuple[int, str | None]:
    """A cell's grid span and its vertical merge (``"restart"``, ``"continue"`` or ``None``)."""
    tc_pr = tc.find(_w("tcPr"))
    if tc_pr is None:
        return 1, None
    span = 1
    grid_span = tc_pr.find(_w("gridSpan"))
    if grid_span is not None:
        try:
            span = max(1, int(grid_span.get(_w("val"), "1")))
        except ValueError:
            span = 1
    v_merge = tc_pr.find(_w("vMerge"))
    merge = None if v_merge is None else (v_merge.get(_w("val")) or "continue")
    return span, merge


class _Walker:
    """Walks the stories of a document in order, making units.  In the body it also keeps the
    PIA's heading path (:class:`~mynumber_refs.formats.ooxml.HeadingStack`): paragraphs with a
    heading style or outline level, paragraphs and label cells written with Ⅰ/１．/（１）/①
    numbering, and the labels to the left of a table cell."""

    def __init__(self, outline_levels: dict[str, int] | None = None) -> None:
        self.units: list[_DocUnit | None] = []
        self.state = _State()
        self.protected = False
        self.owner: _NotesPart | None = None
        self.outline_levels = outline_levels or {}
        self.headings: HeadingStack | None = None  # set while walking the body
        self.notes: list[str] = []  # change records left as written
        self.cell_path: list[str] | None = None  # the heading path of the body's table cell being walked
        # the heading path of the body paragraph that holds each note reference (("footnote", id)) and text box
        self.anchors: dict[Any, list[str]] = {}

    def _heading_of(self, p: Any) -> tuple[int, str] | None:
        """``(level, text)`` when paragraph ``p`` is a heading: a heading style or outline level
        (short text only), or a numbered label."""
        text = label_text(_paragraph_text(p))
        if not text:
            return None
        numbered = heading_level(text)
        level: int | None = None
        p_pr = p.find(_w("pPr"))
        if p_pr is not None:
            outline = p_pr.find(_w("outlineLvl"))
            if outline is not None:
                level = _outline_value(outline)
            else:
                style = p_pr.find(_w("pStyle"))
                if style is not None:
                    level = self.outline_levels.get(style.get(_w("val"), ""))
        if level is not None and len(text) <= 60:
            return (numbered or level), text
        return (numbered, text) if numbered is not None else None

    def _paragraph(self, p: Any, passage: _Passage) -> None:
        heading: list[str] | None = None
        if self.headings is not None:
            heading = [t for _, t in self.headings.entries]
            found = self._heading_of(p)
            if found is not None:
                self.headings.push(*found)
        anchored = heading if heading is not None else self.cell_path
        if anchored:  # a note or text box anchored here is found under the same headings
            for el in p.iter(_NOTE_REFERENCES, W_TXBXCONTENT):
                key = el if el.tag == W_TXBXCONTENT else (el.tag, el.get(_W_ID))
                self.anchors.setdefault(key, anchored)
        passage.new_paragraph(heading)
        if any(_showing_placeholder(sdt) for sdt in p.iterancestors(W_SDT)):
            passage.extend([Segment("", False)])  # a placeholder's paragraph: no text of the document
            return
        segs: list[Segment] = []
        protected = self.protected or any(_filled_elsewhere(sdt) for sdt in p.iterancestors(W_SDT))
        _inline(p, segs, self.state, protected)
        passage.extend(segs)

    def _finish(self, slot: int, passage: _Passage, label: str, detail: dict[str, Any],
                para_base: int, always_number: bool, per_paragraph: bool = False,
                heading: list[str] | None = None) -> None:
        if not passage.paras:
            return
        text = "".join(s.text for s in passage.segments)
        number = always_number or len(passage.paras) > 1
        breaks: list[tuple[int, Location]] = []
        for k, off in enumerate(passage.paras):
            n = para_base + k + 1
            lab = f"{label} 第{n}段落" if number else label
            d = {**detail, "paragraph": n}
            path = heading if heading is not None else passage.headings[k]
            if path:
                d["heading"] = list(path)
            breaks.append((off, Location(lab, d)))
        items: list[tuple[int, int]] = []
        if per_paragraph:
            ends = [off - 1 for off in passage.paras[1:]] + [len(text)]
            items = list(zip(passage.paras, ends, strict=True))
        unit = Unit(text, breaks[0][1], breaks, items=items)
        self.units[slot] = _DocUnit(unit, passage.segments, self.owner)

    def story(self, root: Any, label: str, detail: dict[str, Any], per_paragraph: bool = True,
              heading: list[str] | None = None) -> None:
        """The paragraphs and tables of a story; each paragraph is an item, unless
        ``per_paragraph`` is false (a text box, one item like a shape).  ``heading``: the heading path of
        the body paragraph a note or text box is anchored in, for its paragraphs."""
        para_no = 0
        table_no = 0
        passage: _Passage | None = None
        slot = -1
        base = 0
        since: list[Any] = []  # the paragraphs since the last table
        for el in _block_children(root):
            if el.tag == W_P:
                if passage is None:
                    passage = _Passage()
                    slot = len(self.units)
                    self.units.append(None)
                    base = para_no
                para_no += 1
                self._paragraph(el, passage)
                since.append(el)
            else:
                if passage is not None:
                    self._finish(slot, passage, label, detail, base, True, per_paragraph, heading)
                    passage = None
                    done = self.units[slot]
                    # the table goes on from the paragraph above it, as a cell's next cells do (read when the paragraph may
                    # end with a table's name or row)
                    if done is not None and any(ch in done.unit.text[-40:] for ch in "表項"):
                        done.unit.after = _first_cells(el)
                table_no += 1
                self.table(el, f"{label} 表{table_no}", {**detail, "table": [table_no]}, _title_of(since))
                since = []
        if passage is not None:
            self._finish(slot, passage, label, detail, base, True, per_paragraph, heading)

    def table(self, tbl: Any, label: str, detail: dict[str, Any], title: str = "") -> None:
        """The cells of ``tbl``, each an item.  Its label cells head the rows below them in this table
        only: the text after the table has the headings it would have without it.  ``title``: the text of the
        paragraph right above it (see :func:`_rows_above`)."""
        outside = None if self.headings is None else list(self.headings.entries)
        self._table(tbl, label, detail, title)
        if self.headings is not None and outside is not None:
            self.headings.entries = outside

    def _table(self, tbl: Any, label: str, detail: dict[str, Any], title: str) -> None:
        path: list[Any] = list(detail["table"])
        rows = _row_children(tbl, W_TR)
        if any(is_change_record_heading([_row_label(tc, 60) for tc in _row_children(tr, W_TC)]) for tr in rows[:2]):
            self.notes.append(change_record_note(label))  # an earlier 変更箇所 table (its title row first, maybe)
            return
        cell_grid = _table_grid(rows)
        merged_grid: list[list[tuple[int, str]]] | None = None  # (made when a cell first asks for it)
        continued: list[set[int]] | None = None  # (the same)
        spans: list[list[int]] | None = None  # (the same: each cell's grid span, per row)
        origins: list[list[int]] | None = None  # (the same: the row each cell's vertical merge begins on)
        label_cells: dict[tuple[int, int], tuple[int, int] | None] = {}  # (each cell's label cell, found when asked)
        # each cell's label text; a cell continuing a vertical merge, its first cell's (none when it continues none)
        row_labels = _down_merges(rows, [["" if _cell_span(tc)[1] == "continue" else label_text(_row_label(tc, 60))
                                          for tc in _row_children(tr, W_TC)] for tr in rows])
        for r_i, tr in enumerate(rows, 1):
            cells = _row_children(tr, W_TC)
            row_label = _row_label(cells[0]) if len(cells) > 1 else ""
            labels = row_labels[r_i - 1]
            for c_i, tc in enumerate(cells, 1):
                cell_label = f"{label} 行{r_i} 列{c_i}"
                if c_i > 1 and row_label:
                    cell_label += f"（{row_label}）"
                cell_detail: dict[str, Any] = {**detail, "table": [*path, r_i, c_i]}
                if c_i > 1 and row_label:
                    cell_detail["row_label"] = row_label
                heading: list[tuple[int, str]] | None = None
                if self.headings is not None:
                    heading = self.headings.path(labels[: c_i - 1])
                slot = len(self.units)
                self.units.append(None)
                passage = _Passage()
                nested = 0
                outer = self.headings
                # the paragraphs of a cell are its content, not headings; a nested table's
                # headings start from the cell's own path
                self.headings = None
                outer_path = self.cell_path
                if outer is not None or outer_path is not None:  # a cell of the body
                    self.cell_path = [t for _, t in heading] if heading is not None else outer_path
                since: list[Any] = []
                for el in _block_children(tc):
                    if el.tag == W_P:
                        self._paragraph(el, passage)
                        since.append(el)
                    else:
                        nested += 1
                        self.headings = HeadingStack(heading) if heading is not None else None
                        self.table(el, f"{cell_label} 内の表{nested}",
                                   {**cell_detail, "table": [*path, r_i, c_i, nested]}, _title_of(since))
                        self.headings = None
                        since = []
                self.headings = outer
                self.cell_path = outer_path
                self._finish(slot, passage, cell_label, cell_detail, 0, False,
                             heading=[t for _, t in heading] if heading is not None else None)
                done = self.units[slot]
                if done is not None:
                    if continued is None:
                        continued = _continued(rows)
                    done.unit.after = _cells_after(cell_grid, r_i - 1, c_i - 1, continued=continued)
                    done.unit.up = _cell_up(cell_grid, r_i - 1, c_i - 1)
                    if merged_grid is None:
                        merged_grid = _merged_down(rows, cell_grid)
                    if c_i > 1:
                        done.unit.before = _cell_before(merged_grid, r_i - 1, c_i - 1)
                    if not done.unit.before:
                        if spans is None:
                            spans = [[_cell_span(tc)[0] for tc in _row_children(row, W_TC)] for row in rows]
                        done.unit.above = _cell_right_above(merged_grid, spans, r_i - 1, c_i - 1)
                        if done.unit.above and may_cite(done.unit.text):
                            done.unit.label_above = _label_continued(merged_grid, spans, r_i - 1, c_i - 1)
                    if may_cite(done.unit.text):
                        if spans is None:
                            spans = [[_cell_span(tc)[0] for tc in _row_children(row, W_TC)] for row in rows]
                        if r_i > 1:
                            done.unit.column = functools.partial(_column_above, merged_grid, spans, r_i - 1, c_i - 1)
                        done.unit.rows = functools.partial(_rows_above, merged_grid, spans, r_i - 1, c_i - 1, title)
                        if origins is None:
                            origins = _merge_origins(rows)
                        done.unit.parts = functools.partial(_label_parts, merged_grid, spans, origins, label_cells, r_i - 1, c_i - 1)
                        done.unit.peers = functools.partial(_peers, cell_grid, merged_grid, spans, r_i - 1, c_i - 1)
            if self.headings is not None:
                # a row's label cells (every cell but the last) and a single-cell row with
                # numbering are headings of the rows below
                for text in (labels if len(labels) == 1 else labels[:-1]):
                    level = heading_level(text)
                    if level is not None:
                        self.headings.push(level, text)

    def text_boxes(self, root: Any, label: str, detail: dict[str, Any]) -> None:
        """Every text box under ``root`` as a story of its own (a nested one too, once)."""
        for number, box in enumerate(_text_boxes(root), 1):
            saved = self.state, self.protected, self.headings
            self.state = _State()
            self.protected = saved[1] or _in_protected(box, root)
            self.headings = None
            self.story(box, f"{label} テキストボックス{number}", {**detail, "textbox": number}, per_paragraph=False,
                       heading=self.anchors.get(box))
            self.state, self.protected, self.headings = saved


def _outline_value(el: Any) -> int | None:
    """The heading level (1…9) of a ``w:outlineLvl``; ``None`` for body text (9) or a bad value."""
    try:
        value = int(el.get(_w("val"), ""))
    except ValueError:
        return None
    return value + 1 if 0 <= value < 9 else None


def _outline_levels(document: Any) -> dict[str, int]:
    """The heading level of each paragraph style (its own or inherited outline level, else the
    number of a built-in 「heading N」 name), by style id."""
    try:
        root = document.styles.element
    except Exception:  # noqa: BLE001 - a document without a styles part
        return {}
    own: dict[str, int | None] = {}
    based: dict[str, str] = {}
    for style in root.iterchildren(_w("style")):
        if style.get(_w("type"), "paragraph") != "paragraph":
            continue
        sid = style.get(_w("styleId"), "")
        level: int | None = None
        p_pr = style.find(_w("pPr"))
        outline = p_pr.find(_w("outlineLvl")) if p_pr is not None else None
        if outline is not None:
            level = _outline_value(outline)
        else:
            name = style.find(_w("name"))
            m = re.fullmatch(r"heading ([1-9])", (name.get(_w("val"), "") if name is not None else "").lower())
            if m:
                level = int(m.group(1))
            if level is None:
                base = style.find(_w("basedOn"))
                if base is not None:
                    based[sid] = base.get(_w("val"), "")
                    continue
        own[sid] = level
    out: dict[str, int] = {}
    for sid in [*own, *based]:
        seen = set()
        cur = sid
        while cur in based and cur not in seen:
            seen.add(cur)
            cur = based[cur]
        level = own.get(cur)
        if level is not None:
            out[sid] = level
    return out


def _header_footer_parts(document: Any) -> list[tuple[str, dict[str, Any], Any]]:
    out: list[tuple[str, dict[str, Any], Any]] = []
    seen: set[int] = set()
    related = document.part.related_parts
    for s_i, section in enumerate(document.sections, 1):
        sect_pr = section._sectPr
        for ref_tag, name_ja, part_name in (("headerReference", "ヘッダー", "header"),
                                            ("footerReference", "フッター", "footer")):
            for ref in sect_pr.findall(_w(ref_tag)):
                r_id = ref.get(f"{{{R_NS}}}id")
                kind = ref.get(_w("type"), "default")
                part = related.get(r_id) if r_id else None
                if part is None or id(part) in seen:
                    continue
                seen.add(id(part))
                label = f"{name_ja}（セクション{s_i}・{_HDR_TYPES.get(kind, kind)}）"
                out.append((label, {"part": part_name, "section": s_i, "kind": kind}, part.element))
    return out


def _notes_parts(path: Path, document: Any) -> list[tuple[str, str, str, _NotesPart]]:
    """The footnotes and endnotes parts of the main document part:
    ``(part name, note tag, Japanese label, part)``, footnotes first."""
    from docx.opc.part import XmlPart
    from docx.oxml import parse_xml

    found: dict[str, _NotesPart] = {}
    for rel in document.part.rels.values():
        if rel.is_external:
            continue
        for part_name, _tag, _ja in _NOTE_KINDS:
            if part_name in found or not rel.reltype.endswith("/" + part_name):
                continue
            part = rel.target_part
            if isinstance(part, XmlPart):
                found[part_name] = _NotesPart(part, part.element, None)
                continue
            blob = part.blob
            try:
                root = parse_xml(blob)
            except Exception as exc:  # noqa: BLE001 - lxml's syntax errors and the like
                raise FormatError(path, f"{part.partname} が壊れているため開けません（{type(exc).__name__}: {exc}）",
                                  f"{part.partname} is corrupt ({type(exc).__name__}: {exc})") from exc
            found[part_name] = _NotesPart(part, root, blob)
    return [(name, tag, ja, found[name]) for name, tag, ja in _NOTE_KINDS if name in found]


def _note_id(note: Any) -> int | None:
    """The id of a note that holds text (not a separator), else ``None``."""
    if note.get(_w("type"), "normal") != "normal":
        return None
    try:
        number = int(note.get(_w("id"), ""))
    except ValueError:
        return None
    return number if number > 0 else None


REVISION_AUTHOR = "mynumber-refs"
"""The author of the tracked changes the tool writes (``--track-changes``)."""
_W_ID = _w("id")
_W_FORMAT_CHANGE = _w("rPrChange")
_ID_IN_BYTES = compile_on_use(rb'w:id="(-?[0-9]+)"')


def _max_annotation_id(document: Any, extra_roots: Sequence[Any]) -> int:
    """The largest ``w:id`` of any annotation (revision, comment, bookmark) in the package, so
    that a new revision's id is unique in the whole document."""
    best = 0
    roots = list(extra_roots)
    for part in document.part.package.iter_parts():
        element = getattr(part, "_element", None)
        if element is not None:
            roots.append(element)
        else:
            blob = getattr(part, "blob", b"") or b""
            if part.content_type.endswith("xml"):
                best = max([best, *(int(m) for m in _ID_IN_BYTES.findall(blob))])
    for root in roots:
        for el in root.iter():
            value = el.get(_W_ID) if isinstance(el.tag, str) else None
            if value is not None and value.lstrip("-").isdigit():
                best = max(best, int(value))
    return best


def _revise_run(t_el: Any, ops: Sequence[tuple[int, int, Sequence[tuple[str, Any, Any]]]], review: tuple[str, str],
                next_id: Callable[[], int]) -> None:
    """Write the replacements ``ops`` (``(lo, hi, new)`` in ``t_el``'s text, ``new`` as pieces
    ``(text, rpr, mark)``) as tracked changes.

    The run holding ``t_el`` is split where the text changes: the text before and after stays in
    plain runs, the characters removed go into ``w:del`` (as ``w:delText``) in a run with a copy of
    the original run's properties (``w:rPr``) and the new ones into one ``w:ins``, a run per piece
    with a copy of its ``rpr`` (the plain rewrite's formatting of those characters), so that
    accepting every revision gives the plain rewrite and rejecting them gives the old text back.
    ``t_el`` may be a mark (a line break or tab, :attr:`Segment.mark`): it goes into the ``w:del``
    whole, and a piece of new text with a ``mark`` is a copy of that element."""
    run = t_el.getparent()
    parent = run.getparent()
    author, date = review
    is_text = t_el.tag == W_T
    text = (t_el.text or "") if is_text else "\n"  # a mark: one character, deleted whole
    rpr = run.find(_w("rPr"))
    pieces: list[tuple[str, Sequence[tuple[str, Any, Any]]]] = []
    pos = 0
    for lo, hi, new in sorted(ops, key=lambda o: (o[0], o[1])):
        if lo > pos:
            pieces.append(("keep", [(text[pos:lo], rpr, None)]))
        if hi > lo:
            pieces.append(("del", [(text[lo:hi], rpr, None if is_text else t_el)]))
        if any(t for t, _, _ in new):
            pieces.append(("ins", [(t, props, mark) for t, props, mark in new if t]))
        pos = max(pos, hi)
    if pos < len(text):
        pieces.append(("keep", [(text[pos:], rpr, None)]))
    children = [c for c in run if c is not rpr]
    at = children.index(t_el)
    out: list[Any] = []
    current: list[Any] = []  # the content of the plain run being built

    def new_run(content: Sequence[Any], props: Any) -> Any:
        r = run.makeelement(run.tag, dict(run.attrib))
        if props is not None:
            props = copy.deepcopy(props)
            for el in props.iter(_W_FORMAT_CHANGE):  # another's tracked format change: each copy is a revision of its own
                el.set(_W_ID, str(next_id()))
            r.append(props)
        for c in content:
            r.append(c)
        return r

    def flush() -> None:
        if current:
            out.append(new_run(current, rpr))
            current.clear()

    current.extend(children[:at])
    for kind, content in pieces:
        if kind == "keep":
            t = t_el.makeelement(W_T, {})
            t.text = content[0][0]
            t.set(XML_SPACE, "preserve")
            current.append(t)
            continue
        flush()
        tag, text_tag = (W_DEL, _w("delText")) if kind == "del" else (W_INS, W_T)
        revision = run.makeelement(tag, {_W_ID: str(next_id()), _w("author"): author, _w("date"): date})
        for piece, props, mark in content:
            if mark is not None:
                revision.append(new_run([copy.deepcopy(mark)], props))
                continue
            t = t_el.makeelement(text_tag, {})
            t.text = piece
            t.set(XML_SPACE, "preserve")
            revision.append(new_run([t], props))
        out.append(revision)
    current.extend(children[at + 1:])
    flush()
    index = parent.index(run)
    parent.remove(run)
    for k, el in enumerate(out):
        parent.insert(index + k, el)


def _offsets(formats: Sequence[tuple[int, int]]) -> list[int]:
    """Where each piece ``(length, segment)`` of ``formats`` starts."""
    out, pos = [], 0
    for n, _ in formats:
        out.append(pos)
        pos += n
    return out


def _citation_of(edit: Any) -> int:
    """The citation an edit belongs to (itself when it has none)."""
    citation = getattr(edit, "citation", None)
    return id(citation) if citation is not None else id(edit)


def _tracked_ops(segments: Sequence[Segment], edits: Sequence[Any], new_texts: dict[int, str]) -> SegmentOps:
    """The replacements that show ``edits`` (all accepted by the plan, giving ``new_texts``) as
    tracked changes.

    The rule: the edits of one citation (:func:`~mynumber_refs.formats.edit_group`) are one deletion
    followed by one insertion, from their first changed character to their last widened to whole
    words (:func:`~mynumber_refs.edits.word_spans`), so that a reviewer can take or refuse a citation
    only whole (「~~別表第一の16~~別表の24の項」, never 「別表の16の項」).  A group's span that would cross
    text that cannot change (a paragraph's end between two citations of one group, a field, another's
    revision) is shown citation by citation instead, a citation's that would, word by word, and a word
    that would, as its edits' changed characters only.  Each inserted character has the formatting the
    plain rewrite gives it (``new_texts``)."""
    text = "".join(s.text for s in segments)
    shown: list[WordSpan] = []

    def place(spans: Sequence[WordSpan]) -> list[int]:
        """Keep the spans that can be shown; the indices (in ``edits``) of the edits of the others."""
        refused = segment_ops(segments, spans, tracked=True)[1]
        bad = {id(span) for span, _ in refused}
        shown.extend(span for span in spans if id(span) not in bad)
        return [k for span, _ in refused for k in span.members]

    left = place(word_spans(text, edits, whole=edit_group))
    for whole in (_citation_of, None):
        if left:
            spans = word_spans(text, [edits[k] for k in left], whole=whole)
            left = place([span._replace(members=tuple(left[m] for m in span.members)) for span in spans])
    if left:
        place([WordSpan(t.start, t.end, t.after, (k,)) for k in left for t in [_trim(edits[k])]])
    # where each span's new text is in the plain rewrite, and the segments holding it there
    ends: list[int] = []
    pos = 0
    for i, seg in enumerate(segments):
        pos += len(new_texts.get(i, seg.text))
        ends.append(pos)
    placed: list[WordSpan] = []
    shift = 0
    for span in sorted(shown, key=lambda sp: (sp.start, sp.end)):
        a = span.start + shift
        b = a + len(span.after)
        formats: list[tuple[int, int]] = []
        i = bisect.bisect_right(ends, a)
        while a < b and i < len(ends):
            n = min(b, ends[i]) - a
            if n > 0:
                formats.append((n, i))
                a += n
            i += 1
        placed.append(span._replace(formats=tuple(formats) if a == b else ()))
        shift += len(span.after) - (span.end - span.start)
    return segment_ops(segments, placed, tracked=True)[0]


class DocxDocument:
    """A .docx opened with python-docx, its units and their segments."""

    format = "docx"
    encoding: str | None = None

    def __init__(self, path: Path, document: Any, signed: bool = False) -> None:
        self.path = path
        self.document = document
        self._signed = signed  # the package holds a digital signature: it is never written changed
        self.notes: list[str] = []
        self._changed = False
        self._review: tuple[str, str] | None = None  # (author, date) when edits are tracked changes
        self._revision_id: int | None = None
        self._restriction = _editing_restriction(document)
        # Word's 「変更履歴の記録」 is on: an edit made in the document is a tracked change, ours too
        self._recording = _records_changes(document)
        if self._recording:
            self.track_changes()
        walker = _Walker(_outline_levels(document))
        self._copies = AlternateCopies(W_T)
        body = document.element.body
        walker.headings = HeadingStack()
        walker.story(body, "本文", {"part": "body"})
        walker.headings = None
        walker.text_boxes(body, "本文", {"part": "body"})
        self._copies.scan(body)
        for label, detail, root in _header_footer_parts(document):
            walker.story(root, label, detail)
            walker.text_boxes(root, label, detail)
            self._copies.scan(root)
        notes_parts = _notes_parts(path, document)
        self._notes = [rec for _, _, _, rec in notes_parts]
        for part_name, tag, name_ja, rec in notes_parts:
            walker.owner = rec
            notes = [(nid, n) for n in rec.root if n.tag == _w(tag) and (nid := _note_id(n)) is not None]
            for number, (nid, note) in enumerate(sorted(notes, key=lambda x: x[0]), 1):
                detail = {"part": part_name, "note": nid}
                walker.story(note, f"{name_ja}{number}", detail, heading=walker.anchors.get((_w(f"{tag}Reference"), str(nid))))
                walker.text_boxes(note, f"{name_ja}{number}", detail)
            self._copies.scan(rec.root)
        walker.owner = None
        self.notes.extend(walker.notes)
        combo = _combo_box_note([body, *(root for _, _, root in _header_footer_parts(document)),
                                 *(rec.root for rec in self._notes)])
        if combo:
            self.notes.append(combo)
        placeholder = _placeholder_note([body, *(root for _, _, root in _header_footer_parts(document)),
                                         *(rec.root for rec in self._notes)])
        if placeholder:
            self.notes.append(placeholder)
        self.notes.extend(embedded_note(sorted(
            str(part.partname)[1:] for part in document.part.package.iter_parts()
            if str(part.partname).lower().startswith("/word/embeddings/"))))
        self.notes.extend(_graphics_note(path, document))
        self._units = [u for u in walker.units if u is not None]
        # each paragraph's note references, with the text of the note (its rows may write the rest of the sentence)
        note_texts = {(_w(f"{tag}Reference"), str(nid)): "\n".join(_paragraph_text(p) for p in n.iter(W_P))
                      for _, tag, _, rec in notes_parts
                      for n in rec.root if n.tag == _w(tag) and (nid := _note_id(n)) is not None}
        for du in self._units if note_texts else ():
            if any(isinstance(seg, _NoteReference) for seg in du.segments):
                at, refs = 0, []
                for seg in du.segments:
                    if isinstance(seg, _NoteReference) and seg.note in note_texts:
                        refs.append((at, note_texts[seg.note]))
                    at += len(seg.text)
                du.unit.notes = tuple(refs)
        for du in self._units:
            blocked = [i for i, seg in enumerate(du.segments)
                       if seg.editable and seg.payload is not None and not self._copies.safe(seg.payload)]
            for i in blocked:
                du.segments[i].editable = False
            du.copy_blocked = frozenset(blocked)
            if any(seg.payload in self._copies.links for seg in du.segments if seg.editable):
                for seg in du.segments:  # a text box kept twice: only its texts are linked to their copies
                    seg.mark = False

    @property
    def units(self) -> Sequence[Unit]:
        return [u.unit for u in self._units]

    @property
    def changed(self) -> bool:
        return self._changed

    def track_changes(self, author: str = REVISION_AUTHOR, date: datetime.datetime | None = None) -> None:
        """Write every edit from now on as a tracked change (``w:del`` then ``w:ins``) by
        ``author`` at ``date`` (default now), instead of changing the text silently."""
        when = date or datetime.datetime.now(datetime.UTC)
        if when.tzinfo is not None:
            when = when.astimezone(datetime.UTC)
        self._review = (author, when.strftime("%Y-%m-%dT%H:%M:%SZ"))

    def _next_revision_id(self) -> int:
        if self._revision_id is None:
            self._revision_id = _max_annotation_id(self.document, [rec.root for rec in self._notes]) + 1
        value = self._revision_id
        self._revision_id += 1
        return value

    def apply(self, index: int, edits: Sequence[Any]) -> list[SkippedEdit]:
        du = self._units[index]
        new_texts, refused, copy_refused = plan_edits(du.segments, edits, du.copy_blocked)
        skipped = [SkippedEdit(e, reason, skip_message(e, reason, copy_refused, TEXTBOX_COPY_MESSAGE))
                   for e, reason in refused]
        if self._review is not None and new_texts:
            if self._recording and not self._changed:
                self.notes.append(RECORDING_NOTE)
            refused_ids = {id(e) for e, _ in refused}
            self._revise(du, _tracked_ops(du.segments, [e for e in edits if id(e) not in refused_ids], new_texts), new_texts)
            return skipped
        for i, text in new_texts.items():
            seg = du.segments[i]
            if text == seg.text:
                continue
            for t_el in self._copies.group(seg.payload):  # the element itself, then its copies
                t_el.text = text
                t_el.set(XML_SPACE, "preserve")
            seg.text = text
            self._changed = True
            if du.owner is not None:
                du.owner.dirty = True
        return skipped

    def _revise(self, du: _DocUnit, ops: SegmentOps, new_texts: dict[int, str]) -> None:
        """Write ``ops`` into the runs of ``du`` (and of their text box copies) as tracked changes."""
        assert self._review is not None
        groups = {i: self._copies.group(du.segments[i].payload)
                  for i in {*ops, *(f for v in ops.values() for o in v for _, f in o[3])}}
        # the properties each copy's new text takes, read before any run is split
        props = {i: [t.getparent().find(_w("rPr")) for t in group] for i, group in groups.items()}
        for i, seg_ops in ops.items():
            seg = du.segments[i]
            for k, t_el in enumerate(groups[i]):  # the element itself, then its copies
                own = props[i][k]
                run_ops = [(lo, hi, [(new[a:a + n], props[f][k] if k < len(props[f]) else own,
                                      du.segments[f].payload if du.segments[f].mark else None)
                                     for a, (n, f) in zip(_offsets(fmts), fmts, strict=True)])
                           for lo, hi, new, fmts in seg_ops]
                _revise_run(t_el, run_ops, self._review, self._next_revision_id)
            seg.text = new_texts.get(i, seg.text)
            self._changed = True
        if ops and du.owner is not None:
            du.owner.dirty = True

    def write_refusal(self) -> FormatError | None:
        """Why :meth:`save` will refuse to write the document as rewritten (signed, or its editing restricted beyond
        what the edits are), or None: known before any writing, so that a dry run can say it."""
        if self._changed and self._signed:
            return signed_error(self.path, word=True)
        if self._changed and self._restriction is not None and not (
                self._restriction == "trackedChanges" and self._review is not None):
            return _restricted_error(self.path, self._restriction)
        return None

    def save(self, dest: Path) -> None:
        """Write the document to ``dest`` atomically; the file written is read back (every part
        inflated, the parts whose text may have changed parsed, without a DTD) before it replaces
        anything.  A changed document that is digitally signed (``_xmlsignatures/``), or whose editing is
        restricted beyond what the edits are (Restrict Editing), is not written: :class:`FormatError`."""
        for rec in self._notes:
            if rec.dirty and rec.blob is not None:
                # python-docx writes a plain part's bytes as loaded: hand it the new ones
                rec.part._blob = xml_with_declaration(rec.root, rec.blob)
        refused = self.write_refusal()
        if refused is not None:
            raise refused
        stories = _story_part_names(self.document)
        atomic_save(dest, lambda tmp: self.document.save(str(tmp)),
                    mode_from=self.path if self.path.exists() else None,
                    verify=lambda tmp: verify_package(tmp, "Word", xml_parts=stories))


_RESTRICTIONS = {"readOnly": "読み取り専用", "comments": "コメントのみ", "forms": "フォームへの入力のみ",
                 "trackedChanges": "変更履歴の記録"}


def _editing_restriction(document: Any) -> str | None:
    """The editing a document's enforced protection allows (``w:documentProtection`` of its settings, Word's
    「編集の制限」: ``"readOnly"``, ``"comments"``, ``"forms"`` or ``"trackedChanges"``), or None when it
    enforces none.  (The settings part is looked up, never created.)"""
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/settings") and not rel.is_external:
            root = getattr(rel.target_part, "element", None)
            protection = root.find(_w("documentProtection")) if root is not None else None
            if protection is None or protection.get(_w("enforcement")) not in ("1", "true", "on"):
                return None
            edit = protection.get(_w("edit"))
            return edit if edit in _RESTRICTIONS else None
    return None


def _combo_box_note(roots: Sequence[Any]) -> str | None:
    """A note on the combo boxes whose list has an entry that may cite: their text is rewritten (a combo box takes
    any text), their entries are not (as a data-validation list in Excel)."""
    texts: list[str] = []  # per such combo box, its first entry that may cite
    for root in roots:
        for box in root.iter(_w("comboBox")):
            first = next((t for item in box.iterchildren(_w("listItem"))
                          for t in (item.get(_w("displayText")) or "", item.get(_w("value")) or "") if may_cite(t)), None)
            if first is not None:
                texts.append(first)
    if not texts:
        return None
    n = len(texts)
    shown = shown_first(texts)
    return (f"コンボボックス {n} 件（「{shown}」）の一覧の文字は書き換えていません。書き換えた文字が一覧にない値になり、"
            f"一覧から選ぶと旧い引用に戻ることがあります。確認してください / the list of {n} combo box{'es' if n > 1 else ''}"
            f" (「{shown}」) was not rewritten: a rewritten text may no longer be one of its entries, and picking an entry"
            f" may put the old citation back; check {'them' if n > 1 else 'it'}")


def _placeholder_note(roots: Sequence[Any]) -> str | None:
    """A note on the content controls showing placeholder text that may cite: the text is not read (it is no text of
    the document; an edit would be undone when the control is emptied, and the 変更箇所 table would list a prompt)."""
    texts: list[str] = []
    for root in roots:
        for sdt in root.iter(W_SDT):
            if not _showing_placeholder(sdt) or any(_showing_placeholder(a) for a in sdt.iterancestors(W_SDT)):
                continue
            content = sdt.find(W_SDTCONTENT)
            text = "".join(t.text or "" for t in content.iter(W_T)) if content is not None else ""
            if may_cite(text):
                texts.append(text)
    if not texts:
        return None
    n = len(texts)
    shown = shown_first(texts)
    return (f"プレースホルダー（入力前の案内の文字）を表示中のコンテンツ コントロール {n} 件（「{shown}」）は、文書の本文ではないため"
            f"読んでいません。案内の文字に旧い引用があれば、テンプレートで直してください / {n} content control{'s' if n > 1 else ''}"
            f" showing placeholder text (「{shown}」) {'were' if n > 1 else 'was'} not read: a placeholder is no text of the"
            f" document; if it cites the old numbering, correct it in the template")


_GRAPHIC_PARTS = ("/word/diagrams/data", "/word/charts/chart")
"""The parts holding the text of a SmartArt graphic (its data; ``drawing*.xml`` beside it is a copy drawn from it)
and of a chart, which are not read."""
_A_T = "{http://schemas.openxmlformats.org/drawingml/2006/main}t"


def _graphics_note(path: Path, document: Any) -> list[str]:
    """The note on the SmartArt graphics and charts whose text (``a:t``) may cite: it is not read."""
    names: list[str] = []
    for part in document.part.package.iter_parts():
        name = str(part.partname)[1:]
        if not ("/" + name.lower()).startswith(_GRAPHIC_PARTS) or not name.lower().endswith(".xml"):
            continue
        blob = part.blob
        if may_cite(blob.decode("utf-8", "replace")) and any(  # (the markup never does: most graphics stop here)
                may_cite(t.text or "") for t in parse_xml(blob, name, path, "Word").iter(_A_T)):
            names.append(name)
    if not names:
        return []
    names.sort()
    n = len(names)
    shown = "、".join(x.rsplit("/", 1)[-1] for x in names[:3]) + ("…" if n > 3 else "")
    return [f"SmartArt・グラフ {n} 件（{shown}）の文字は読んでいません。引用がないか開いて確認してください"
            f" / the text of {n} SmartArt graphic{'s' if n > 1 else ''} or chart{'s' if n > 1 else ''} ({shown}) was not"
            f" read: open {'them' if n > 1 else 'it'} to check for citations"]


RECORDING_NOTE = ("この文書は「変更履歴の記録」がオンのため、書き換えを変更履歴として書き込みます（Word で編集したときと同じです）"
                  " / the document has Track Changes on: its edits are written as tracked changes, as Word records an"
                  " edit made in it")


def _records_changes(document: Any) -> bool:
    """Whether the document records its changes (``w:trackRevisions`` of its settings, Word's 「変更履歴の記録」 on).
    (The settings part is looked up, never created.)"""
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/settings") and not rel.is_external:
            root = getattr(rel.target_part, "element", None)
            flag = root.find(_w("trackRevisions")) if root is not None else None
            return flag is not None and flag.get(_w("val"), "true") not in ("0", "false", "off")
    return False


def _restricted_error(path: Path, restriction: str) -> FormatError:
    """Why a document whose author restricted editing is not written."""
    if restriction == "trackedChanges":
        return FormatError(path, "この文書は「編集の制限」で変更履歴の記録が強制されているため、変更履歴なしでは書き込みません。"
                                 "--track-changes を付けて実行してください",
                           "the document enforces tracked changes (Restrict Editing): it is not written without them;"
                           " run with --track-changes")
    return FormatError(path, f"この文書は「編集の制限」（{_RESTRICTIONS[restriction]}）で保護されているため書き込みません。"
                             "保護を解除してから実行してください",
                       f"the document is protected (Restrict Editing: {restriction}): it is not written; remove the"
                       " protection first")


_STORY_RELS = ("/header", "/footer", "/footnotes", "/endnotes")


def _story_part_names(document: Any) -> set[str]:
    """The names of the parts whose text this adapter may change: the main document part and its
    headers, footers, footnotes and endnotes (every other part python-docx writes back as it
    parsed it from bytes that passed the check)."""
    part = document.part
    names = {str(part.partname).lstrip("/")}
    for rel in part.rels.values():
        if not rel.is_external and rel.reltype.endswith(_STORY_RELS):
            names.add(str(rel.target_part.partname).lstrip("/"))
    return names


_STRICT_DOCUMENT = b"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"
"""The relationship to the main part of a package saved as Strict Open XML (ISO/IEC 29500 strict)."""


# zipfile's message for a member it does not hold: 「There is no item named 'word/styles.xml' in the archive」
_MISSING_MEMBER = compile_on_use(r"named '([^']+)'")


def open_docx(path: Path, limits: ZipLimits | None = None) -> DocxDocument:
    """Read, verify and open a .docx; raise :class:`FormatError` when it is not a safe Word document.

    python-docx is handed the verified bytes in memory (:func:`~.safety.read_package`), never the
    path: what it parses is what was checked."""
    package = read_package(path, "Word", limits)
    if "_rels/.rels" in package.names and _STRICT_DOCUMENT in package.read("_rels/.rels"):
        # python-docx finds no main part in it and would call it corrupt
        raise FormatError(path, "Strict Open XML 形式の Word 文書には対応していません。Word で「Word 文書 (*.docx)」として保存し直してください",
                          "a Strict Open XML document is not supported: save it in Word as a Word Document (*.docx)")
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(package.blob))
    except PackageNotFoundError as exc:
        raise FormatError(path, "Word 文書として開けません（パッケージが見つかりません）",
                          f"cannot open as a Word document ({exc})") from exc
    except ValueError as exc:  # e.g. a .docm or an .xlsx renamed to .docx
        raise FormatError(path, f"Word 文書（.docx）ではありません（{exc}）",
                          f"not a Word .docx document ({exc})") from exc
    except KeyError as exc:  # a part the package's relationships name is not in it (zipfile's KeyError)
        found = _MISSING_MEMBER.search(str(exc))
        name = found.group(1) if found is not None else str(exc)
        raise FormatError(path, f"Word 文書が壊れているため開けません（関係が示す部品 {name} がパッケージにありません）。"
                                "Word で開いて保存し直してください",
                          f"the Word document is corrupt: the part {name} its relationships name is missing;"
                          " open it in Word and save it again") from exc
    except Exception as exc:  # noqa: BLE001 - corrupt XML, missing parts …
        raise FormatError(path, f"Word 文書が壊れているため開けません（{type(exc).__name__}: {exc}）",
                          f"the Word document is corrupt ({type(exc).__name__}: {exc})") from exc
    signed = is_signed(package.names)
    del package
    return DocxDocument(path, document, signed)

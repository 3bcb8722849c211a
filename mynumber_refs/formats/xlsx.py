"""Excel workbooks (.xlsx, .xlsm), edited as XML (lxml, imported only inside functions).

The workbook is read with :mod:`zipfile` and its parts are parsed with lxml; saving writes back
only the parts that changed (the shared strings, a worksheet holding a changed inline string, a
drawing holding a changed shape).  Every other part keeps its bytes exactly, in the same order
and with the same compression, so that drawing shapes (text boxes, arrows), form and ActiveX
controls, slicers, extension elements (x14 conditional formats, data validations), styles,
formulas, comments and an .xlsm's macros (never run) are all kept as Excel wrote them.  A changed
part is serialized by lxml after its original XML declaration; only the texts that change are
re-escaped.

Every text cell of every worksheet (in the order of ``xl/workbook.xml``; chartsheets and the like
are not read) is one unit (line breaks inside a cell stay in its text), except cells that cannot
hold a citation (see :func:`mynumber_refs.formats.may_cite`), left out for speed, and the cells of
a change record (from the first row that names 変更前… and 変更後…, in that row's columns: an
earlier 変更箇所 table is history, noted in :attr:`XlsxDocument.notes`).  A cell's text
is a shared string (``t="s"``) or an inline string (``t="inlineStr"``): the ``<t>`` texts of the
item and of its runs, Excel's ``_xHHHH_`` escapes decoded; phonetic runs (``<rPh>``, furigana)
are not part of it.  A formula cell is never changed: when what it shows (or, without a cached
value, the formula) may hold a citation it is a read-only unit, and each citation found in it is
reported as ``formula-not-rewritten`` with the rewrite it would take.  The header and totals rows of
an Excel table (``xl/tables/``) name its columns, which the table part and structured references repeat:
their cells are read, never rewritten (``protected``, one finding per citation).  A cell whose new text would be
longer than Excel holds (32,767 characters) keeps its text, likewise (``protected``).  On a protected sheet
(``sheetProtection sheet="1"``, Excel's Protect Sheet) a locked cell (every cell whose format does not say
``<protection locked="0"/>``), and a shape when the sheet protects its objects, keeps its text too
(``protected``): the workbook is written only as its protection allows (protecting the workbook's
structure locks no cell).  A workbook with formulas in
which a cell changes is saved to recalculate on open (``fullCalcOnLoad="1"`` on ``<calcPr>``, the only
change to the workbook part), so that a formula referring to a rewritten cell does not keep its
cached old text (Excel honours it; LibreOffice follows its own recalculation-on-load setting).  The location is ``Sheet!A1``,
followed by the item label when the nearest text to the left in its row is a short label
(``評価書!C12（②法令上の根拠）``; a merged cell shows its top-left value).  The heading path
(``detail["heading"]``) is the numbered labels above (Ⅰ/１．/（１）/①, in a column to the left or
alone in their row) followed by the labels to the left of the cell.

After :meth:`XlsxDocument.track_changes`, every changed cell gets a comment with its text before
(a comments part and its VML drawing, created or, when the sheet has them, added to; the sheet's
relationships, ``<legacyDrawing>`` and the content types follow).  A shape cannot hold one: that
is noted.

Each ``<t>`` is a segment: an edit goes into the run where the changed characters start, and
every run keeps its font (``<rPr>``).  A shared string shown by several cells changes in place
when every one of them takes the same new text; otherwise each changed cell gets a copy of the
string with its own new text (appended to the shared strings), and the others keep it as it was
(a cell is read with its neighbours, so the same text is not always rewritten the same way).  When a string with furigana changes, a reading
over untouched characters is kept (its range shifted), one over changed characters is removed
and reported in :attr:`XlsxDocument.notes`.

After a sheet's cells come its shapes: the drawing part named by the sheet's ``<drawing r:id>``
(found through the sheet's relationships; a drawing shared by several sheets is read once, with
the first).  Every shape with text (``xdr:sp`` with ``xdr:txBody``, in a group ``xdr:grpSp``
too, in document order) is one unit, unless it cannot hold a citation or its text is linked to a
cell (``textlink``: the text is the cell's, read there).  Its paragraphs are joined with ``"\\n"``;
each ``a:t`` of a run is a segment (the run keeps its ``a:rPr``), while a line break (``a:br``),
a field (``a:fld``) and anything else in a paragraph (an equation …) are protected.  The
location is ``評価書 図形「テキスト ボックス 1」`` (the sheet, then the shape's name).  Charts
(``xl/charts/``), the shapes inside them and VML drawings (``legacyDrawing``: comments and old
form controls) are not read.  What is not read or not rewritten but may hold a citation is noted:
the charts whose titles or labels may cite, the defined names holding such a text constant, and each
sheet's conditional-format rules and data-validation lists testing for such a text (its own and the
x14 ones of its ``extLst``), which a rewritten cell may no longer match.

A drawing may hold shapes twice, in ``mc:AlternateContent``, as Word does for text boxes: the
first branch (``mc:Choice``) is read, a shape in another branch (``mc:Fallback``) is never a
unit.  An edit is made in the other branches too, text by text, when they hold the same sequence
of ``a:t`` texts as the first; when they do not (a form control whose fallback is empty, an
equation written out as text in the fallback), the edit is refused and reported, and no copy
changes.
"""

from __future__ import annotations

import functools
import posixpath
import re
import zipfile
from collections.abc import Callable, Iterator, Sequence
from copy import deepcopy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast
from urllib.parse import unquote

import attrs

from .._patterns import compile_on_use
from . import (
    GROUP_MESSAGE,
    HEAD_ROWS,
    Location,
    Segment,
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
    plan_segment_edits,
    plan_whole_groups,
    shown_first,
    signed_error,
)
from .ooxml import (
    XML_DECLARATION,
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
from .safety import FormatError, Package, ZipLimits, atomic_save, parse_xml, read_package, verify_package

__all__ = ["XlsxDocument", "open_xlsx"]


REFUSED_MESSAGE = "書き換えられませんでした / could not be rewritten"

SHAPE_COPY_MESSAGE = (
    "図形の2つの複製（mc:Choice と mc:Fallback）の文字が一致しないため自動では書き換えませんでした。"
    "手作業で修正してください"
    " / not rewritten automatically because the two copies of the shape (mc:Choice and mc:Fallback)"
    " hold different text; fix it by hand"
)

A_NS = {  # the DrawingML main namespace that goes with a spreadsheet drawing's namespace
    "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing":
        "http://schemas.openxmlformats.org/drawingml/2006/main",
    "http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing": "http://purl.oclc.org/ooxml/drawingml/main",
}

_ESCAPE = compile_on_use(r"_x([0-9A-Fa-f]{4})_")
_NEEDS_ESCAPE = compile_on_use("_(?=x[0-9A-Fa-f]{4}_)|[\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]")
_CELL_REF = compile_on_use(r"\$?([A-Za-z]{1,3})\$?([0-9]+)")
_OTHER = object()
"""The value of a cell that holds something other than text (a number, a formula …)."""


def _decode(text: str) -> str:
    """Excel's ``_xHHHH_`` escapes decoded (``_x000D_`` is a carriage return, ``_x005F_`` a ``_``)."""
    if "_x" not in text:
        return text
    out = _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    if any("\ud800" <= ch <= "\udfff" for ch in out):  # a character outside the BMP, escaped as a pair
        out = out.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
    return out


def _encode(text: str) -> str:
    """``text`` as Excel writes it in a ``<t>``: characters XML cannot hold (and a carriage
    return) as ``_xHHHH_``, a literal ``_x…_`` that would read as an escape as ``_x005F_x…_``."""
    return _NEEDS_ESCAPE.sub(lambda m: "_x005F_" if m.group() == "_" else f"_x{ord(m.group()):04X}_", text)


def _change_record(values: dict[tuple[int, int], Any]) -> tuple[int, int, int] | None:
    """(heading row, first column, last column) of a change record's table in a sheet: the first
    row whose cells name 「変更前…」 and 「変更後…」 (:func:`is_change_record_heading`), or None."""
    rows: dict[int, list[tuple[int, str]]] = {}
    for (row, col), v in values.items():
        if isinstance(v, str) and v.strip():
            rows.setdefault(row, []).append((col, v))
    for row in sorted(rows):
        cells = rows[row]
        if is_change_record_heading([v for _, v in cells]):
            return row, min(c for c, _ in cells), max(c for c, _ in cells)
    return None


def _column_letters(col: int) -> str:
    letters = ""
    while col > 0:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _column_number(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def _parse_ref(ref: str) -> tuple[int, int] | None:
    """``"B3"`` → ``(3, 2)`` (row, column); ``None`` for anything else."""
    m = _CELL_REF.fullmatch(ref.strip())
    if m is None:
        return None
    return int(m.group(2)), _column_number(m.group(1))


def _utf16_len(text: str) -> int:
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def _from_utf16(text: str, offset: int) -> int:
    """The index in ``text`` of an offset counted in UTF-16 units, as Excel counts the ranges of
    furigana (the same as the index unless ``text`` holds characters outside the BMP)."""
    units = 0
    for i, ch in enumerate(text):
        if units >= offset:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


def _to_utf16(text: str, index: int) -> int:
    return _utf16_len(text[:index])


@dataclass
class _Part:
    """A parsed XML part: its root and the head of its original bytes (for the declaration)."""

    name: str
    root: Any
    head: bytes


@dataclass
class _Item:
    """A string item (``<si>`` of the shared strings or ``<is>`` of a cell) and its ``<t>`` texts."""

    part: _Part
    element: Any
    ts: list[Any]
    texts: list[str]

    @property
    def text(self) -> str:
        return "".join(self.texts)


@dataclass
class _Sheet:
    name: str
    values: dict[tuple[int, int], Any] = field(default_factory=dict)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    numbers: dict[tuple[int, int], str] = field(default_factory=dict)  # number cells, as written
    _by_row: dict[int, list[str]] | None = field(default=None, repr=False)  # the texts of each row (found on first use)
    _labels: dict[tuple[int, int], tuple[int, int] | None] = field(default_factory=dict, repr=False)  # (see _label_of)
    _cells_by_row: dict[int, list[tuple[int, str]]] | None = field(default=None, repr=False)  # (see peers)
    _filled_rows: set[int] = field(default_factory=set, repr=False)  # (the same)

    def next_texts(self, row: int, col: int, down: bool, count: int = 2, reach: int = 30) -> tuple[str, ...]:
        """The texts of the next ``count`` cells holding anything to the right of (row, col) (below
        it when ``down``), past the cell's own merged range; the run stops at a cell holding no
        text or number (a formula …)."""
        _r1, _c1, r2, c2 = next(
            (m for m in self.merges if m[0] <= row <= m[2] and m[1] <= col <= m[3]), (row, col, row, col)
        )
        out: list[str] = []
        for k in range(1, reach + 1):
            at = (r2 + k, col) if down else (row, c2 + k)
            if at in self.numbers:
                out.append(self.numbers[at])
            else:
                value = self.values.get(at)
                if value is None or (isinstance(value, str) and not value.strip()):
                    continue
                if not isinstance(value, str):
                    break
                out.append(value)
            if len(out) == count:
                break
        return tuple(out)

    def texts_under_next(self, row: int, col: int) -> tuple[str, ...]:
        """The texts of the cells below the cell right next to (row, col), past the cell's own merged range, when that cell
        only says 「項番」 (up to :meth:`next_texts`'s reach) or holds nothing (the cell right below it only): a heading
        row not merged over its columns leaves a name's rows there (「番号法別表第二」｜「項番」 over 「」｜「27」, or the 「27」
        diagonally below it; see formats.names_over_cells)."""
        _r1, _c1, _r2, c2 = next(
            (m for m in self.merges if m[0] <= row <= m[2] and m[1] <= col <= m[3]), (row, col, row, col)
        )
        at = (row, c2 + 1)
        value = self.value_at(*at)
        if at in self.numbers or (value is not None and not (isinstance(value, str) and heads_rows_below(value))):
            return ()
        return self.next_texts(row, c2 + 1, True, reach=30 if isinstance(value, str) and value.strip() else 1)

    def value_at(self, row: int, col: int) -> Any:
        """The value shown at (row, col): a merged range shows its top-left cell's."""
        value = self.values.get((row, col))
        if value is not None:
            return value
        for r1, c1, r2, c2 in self.merges:
            if r1 <= row <= r2 and c1 <= col <= c2:
                return self.values.get((r1, c1))
        return None

    def row_label(self, row: int, col: int, limit: int = 30) -> str:
        """The item label of a cell: the nearest text to its left in the same row
        (「②法令上の根拠」), when it is short and holds no citation; else ``""``."""
        for c in range(col - 1, 0, -1):
            value = self.value_at(row, c)
            if not isinstance(value, str) or not value.strip():
                continue
            text = " ".join(value.split())
            if len(text) > limit or "表" in text or text.isdigit():  # a citation or a number is no label
                return ""
            return text
        return ""

    def text_before(self, row: int, col: int) -> str:
        """The text of the nearest cell holding text to the left of (row, col) in its row, before the
        cell's own merged range (see formats.laws_left_of_cells); ``""`` when there is none."""
        _r1, c1, _r2, _c2 = next(
            (m for m in self.merges if m[0] <= row <= m[2] and m[1] <= col <= m[3]), (row, col, row, col)
        )
        return left_text(self._texts_left(row, c1))

    def _texts_left(self, row: int, col: int) -> Iterator[str]:
        """The texts of the cells with text left of column ``col`` in ``row``, nearest first, up to a
        number or a formula's value (it stands between)."""
        for c in range(col - 1, 0, -1):
            value = self.value_at(row, c)
            if isinstance(value, str) and value.strip():
                yield value
            elif value is not None and not isinstance(value, str):
                return

    def text_up(self, row: int, col: int, reach: int = 30) -> str:
        """The text of the nearest cell holding text above (row, col) in its column, above the cell's own merged range;
        ``""`` when a number or a formula stands first (see formats.network_item_left_of_cell)."""
        r1, _c1, _r2, _c2 = next(
            (m for m in self.merges if m[0] <= row <= m[2] and m[1] <= col <= m[3]), (row, col, row, col)
        )
        for r in range(r1 - 1, max(0, r1 - 1 - reach), -1):
            value = self.values.get((r, col))  # (a range merged over it shows its value in its top row, found on the way up)
            if isinstance(value, str) and value.strip():
                return value
            if value is not None and not isinstance(value, str):
                return ""
        return ""

    def column_above(self, row: int, col: int, reach: int = HEAD_ROWS) -> tuple[str, ...]:
        """The texts of the cells with text above (row, col) in its column, nearest first, above the cell's own
        merged range (a range merged over the column counted once), up to ``reach`` rows; see
        formats.Unit.column."""
        r1 = next((m[0] for m in self.merges if m[0] <= row <= m[2] and m[1] <= col <= m[3]), row)
        out: list[str] = []
        for r in range(r1 - 1, max(0, r1 - 1 - reach), -1):
            value = self.value_at(r, col)
            if isinstance(value, str) and value.strip() and (not out or out[-1] is not value):
                out.append(value)
        return tuple(out)

    def rows_above(self, row: int, col: int, reach: int = HEAD_ROWS) -> tuple[tuple[str, tuple[str, ...], bool], ...]:
        """The rows above (row, col), above the cell's own merged range, nearest first, up to ``reach`` rows: each as
        the text of its cell in the column (a merged range's shown), the texts of its cells holding anything (a
        number as written) and, for a row of one text, whether the cell in the column is merged over several columns;
        see formats.Unit.rows."""
        if self._by_row is None:
            self._by_row = {}
            for (r, c), value in sorted(self.values.items()):
                if value is not None and (not isinstance(value, str) or value.strip()):
                    self._by_row.setdefault(r, []).append(self.numbers.get((r, c), value if isinstance(value, str) else str(value)))
        r1 = next((m[0] for m in self.merges if m[0] <= row <= m[2] and m[1] <= col <= m[3]), row)
        out: list[tuple[str, tuple[str, ...], bool]] = []
        for r in range(r1 - 1, max(0, r1 - 1 - reach), -1):
            value = self.value_at(r, col)
            texts = tuple(self._by_row.get(r, ()))
            wide = len(texts) == 1 and any(m[0] <= r <= m[2] and m[1] <= col <= m[3] and m[1] < m[3] for m in self.merges)
            out.append((value if isinstance(value, str) else "", texts, wide))
        return tuple(out)

    def peers(self, row: int, col: int, reach: int = HEAD_ROWS
              ) -> Iterator[tuple[str, Callable[[], tuple[str, tuple[str, ...]]]]]:
        """The other cells of the sheet that may cite in the rows around (row, col), up to a row holding nothing (a
        blank line in tab-separated text) or ``reach`` rows each way: each as its text and what gives its label (the
        text to its left, else the label continued from the row above or the text above: see formats.with_label) and
        the texts above it in its column; see formats.Unit.peers."""
        if self._cells_by_row is None:
            self._cells_by_row, self._filled_rows = {}, set()
            for (r, c), value in sorted(self.values.items()):
                if isinstance(value, str) and value.strip():
                    self._cells_by_row.setdefault(r, []).append((c, value))
                if value is not None and (not isinstance(value, str) or value.strip()):
                    self._filled_rows.add(r)
        filled = self._filled_rows
        r1, c1, r2, _c2 = self._range_at(row, col)
        top, bottom = r1, r2
        while top > 1 and r1 - top < reach and top - 1 in filled:
            top -= 1
        while bottom - r2 < reach and bottom + 1 in filled:
            bottom += 1
        for r in range(top, bottom + 1):
            for c, value in self._cells_by_row.get(r, ()):
                if (r, c) != (r1, c1) and may_cite(value):
                    yield value, functools.partial(self._label_and_column, r, c)

    def _label_and_column(self, row: int, col: int) -> tuple[str, tuple[str, ...]]:
        """The label of (row, col) as formats.with_label reads a cell's, and the texts above it in its column."""
        before = self.text_before(row, col)
        above = "" if before else self.text_above(row, col)
        label = before or (self.label_continued(row, col) if above else "") or above
        return label, self.column_above(row, col)

    def text_above(self, row: int, col: int) -> str:
        """The text of the cell right above (row, col), above the cell's own merged range (see
        formats.law_left_of_cell); ``""`` when it holds none."""
        r1, c1, _r2, _c2 = next(
            (m for m in self.merges if m[0] <= row <= m[2] and m[1] <= col <= m[3]), (row, col, row, col)
        )
        value = self.value_at(r1 - 1, c1) if r1 > 1 else None
        return value if isinstance(value, str) else ""

    def label_continued(self, row: int, col: int, reach: int = 30) -> str:
        """For a cell with no text to its left whose cell right above holds a citation (another row's list, not a
        heading): that cell's label, found the same way (see formats.Unit.label_above); ``""`` otherwise."""
        r1, c1, _r2, _c2 = next(
            (m for m in self.merges if m[0] <= row <= m[2] and m[1] <= col <= m[3]), (row, col, row, col)
        )
        for _ in range(reach):
            value = self.value_at(r1 - 1, c1) if r1 > 1 else None
            if not isinstance(value, str) or not may_cite(value):
                return ""
            r1, c1, _r2, _c2 = next(
                (m for m in self.merges if m[0] <= r1 - 1 <= m[2] and m[1] <= c1 <= m[3]), (r1 - 1, c1, r1 - 1, c1)
            )
            before = self.text_before(r1, c1)
            if before:
                return before
        return ""

    def _range_at(self, row: int, col: int) -> tuple[int, int, int, int]:
        """The merged range holding (row, col), or the cell alone."""
        return next((m for m in self.merges if m[0] <= row <= m[2] and m[1] <= col <= m[3]), (row, col, row, col))

    def _label_cell(self, row: int, col: int) -> tuple[int, int] | None:
        """The first cell of the nearest cell with text left of (row, col), past the cell's own merged range (the cell
        :meth:`text_before` reads first); ``None`` when there is none or a number stands first."""
        r1, c1, _r2, _c2 = self._range_at(row, col)
        for c in range(c1 - 1, 0, -1):
            value = self.value_at(row, c)
            if isinstance(value, str) and value.strip():
                return self._range_at(row, c)[:2]
            if value is not None and not isinstance(value, str):
                return None
        return None

    def _label_of(self, row: int, col: int, reach: int = 30) -> tuple[int, int] | None:
        """The first cell of the label cell of (row, col): the cell to its left, or for a cell with none, the label of
        the cell above it when that holds a citation, as :meth:`label_continued` finds it."""
        if (row, col) in self._labels:  # (found once per cell: a column of lists asks for its cells' labels over and over)
            return self._labels[row, col]
        r1, c1, _r2, _c2 = self._range_at(row, col)
        found: tuple[int, int] | None = None
        for _ in range(reach):
            found = self._label_cell(r1, c1)
            if found is not None:
                break
            value = self.value_at(r1 - 1, c1) if r1 > 1 else None
            if not isinstance(value, str) or not may_cite(value):
                break
            r1, c1, _r2, _c2 = self._range_at(r1 - 1, c1)
        self._labels[row, col] = found
        return found

    def label_parts(self, row: int, col: int, reach: int = 30) -> tuple[str, ...]:
        """The texts of the other cells in the column of (row, col) that share its label cell (merged over their rows,
        or left empty below a row holding a citation), nearest first, up then down; see formats.Unit.parts."""
        label = self._label_of(row, col)
        if label is None:
            return ()
        r1, c1, r2, _c2 = self._range_at(row, col)
        out: list[str] = []
        for step in (-1, 1):
            r = r1 - 1 if step < 0 else r2 + 1
            for _ in range(reach):
                if r < 1:
                    break
                a1, b1, a2, _b2 = self._range_at(r, c1)
                if self._label_of(a1, b1) != label:
                    break
                value = self.value_at(a1, b1)
                if isinstance(value, str) and value.strip():
                    out.append(value)
                r = a1 - 1 if step < 0 else a2 + 1
        return tuple(out)

    def left_labels(self, row: int, col: int) -> list[str]:
        """The labels to the left of a cell, left to right (a merged cell's value on every row of
        it; the cell's own merged range left out): short texts that are not citations."""
        own = self.value_at(row, col)
        out: list[str] = []
        for c in range(1, col):
            value = self.value_at(row, c)
            if not isinstance(value, str) or value is own:
                continue
            text = label_text(value)
            if text and _is_label(text) and text not in out:
                out.append(text)
        return out

    def numbered_labels(self) -> dict[int, list[tuple[int, int, str]]]:
        """By row, the texts written with Ⅰ/１．/（１）/① numbering: ``(column, level, text)``; a
        row holding a single text marks it with column 0 (a title over every column)."""
        by_row: dict[int, list[tuple[int, int, str]]] = {}
        counts: dict[int, int] = {}
        for (row, _col), value in self.values.items():
            if isinstance(value, str) and value.strip():
                counts[row] = counts.get(row, 0) + 1
        for (row, col), value in sorted(self.values.items()):
            if not isinstance(value, str):
                continue
            text = label_text(value)
            level = heading_level(text) if _is_label(text) else None
            if level is not None:
                by_row.setdefault(row, []).append((0 if counts[row] == 1 else col, level, text))
        return by_row


def _is_label(text: str) -> bool:
    return 0 < len(text) <= 60 and "表第" not in text and "の項" not in text and not text.isdigit()


class _Headings:
    """The heading paths of the cells of a sheet, for cells visited row by row: per column, the
    numbered labels seen so far to its left (or over the whole row) in the rows above."""

    def __init__(self, sheet: _Sheet) -> None:
        self.sheet = sheet
        self.by_row = sheet.numbered_labels()
        self.rows = sorted(self.by_row)
        self.stacks: dict[int, tuple[HeadingStack, int]] = {}  # column -> (stack, rows consumed)

    def path(self, row: int, col: int) -> list[str]:
        stack, done = self.stacks.get(col, (HeadingStack(), 0))
        while done < len(self.rows) and self.rows[done] < row:
            for c, level, text in self.by_row[self.rows[done]]:
                if c < col:
                    stack.push(level, text)
            done += 1
        self.stacks[col] = (stack, done)
        return [t for _, t in stack.path(self.sheet.left_labels(row, col))]


def _shape_segments(tx_body: Any, a_ns: str) -> list[Segment]:
    """The segments of a text body: paragraphs joined with a protected ``"\\n"``."""
    p_tag, r_tag, t_tag, br_tag, fld_tag = (_q(a_ns, t) for t in ("p", "r", "t", "br", "fld"))
    ignored = {_q(a_ns, "pPr"), _q(a_ns, "endParaRPr")}
    segs: list[Segment] = []
    for number, p in enumerate(tx_body.iterchildren(p_tag)):
        if number:
            segs.append(Segment("\n", False))
        for child in p:
            tag = child.tag
            if tag == r_tag:
                t = child.find(t_tag)
                if t is not None:
                    segs.append(Segment(t.text or "", True, t))
            elif tag == br_tag:
                segs.append(Segment("\n", False))
            elif tag == fld_tag:  # a field (a page number, a date): its text is computed
                t = child.find(t_tag)
                segs.append(Segment((t.text or "") if t is not None else "", False))
            elif tag in ignored or not isinstance(tag, str):
                continue
            else:
                segs.append(Segment("", False))  # an equation, alternate content, anything unknown
    return segs


@dataclass
class _Shape:
    """A shape's text (``xdr:txBody``): its segments, ``a:t`` elements as payloads."""

    part: _Part
    segments: list[Segment]
    copies: AlternateCopies
    copy_blocked: frozenset[int] = frozenset()  # segments refused because the copies of the shape differ


@dataclass
class _Formula:
    """A formula cell whose text (its shown value, else the formula) may cite: read, never
    rewritten (the text comes from the formula or the cells it refers to)."""

    text: str
    refers: bool = False
    """Whether the citation comes from the cells the formula refers to (its own text holds none):
    recalculated on open, it shows what they hold."""


# in a formula's own text, a string literal closed and joined to another value right after a citation: 「="番号法別表第一の"&B5」
_JOINED_AFTER = compile_on_use(r'[ \u3000]*の?[ \u3000]*"[ \u3000]*&')


def _refuse_formula(text: str, edits: Sequence[Any], refers: bool = False) -> list[SkippedEdit]:
    """Every edit of a formula cell refused (:func:`_refuse_whole`); ``refers``: the formula only refers
    to cells (the message says the workbook recalculates on open).  A citation the formula's text joins
    another value to (「="番号法別表第一の"&B5&"の項"」: the row comes from B5) gets no proposal: its new
    name alone would stand beside the old row."""
    from ..findings import FORMULA_JOINED_MESSAGE, FORMULA_NOT_REWRITTEN, FORMULA_REFERS_MESSAGE, message

    text_of = FORMULA_REFERS_MESSAGE if refers else message(FORMULA_NOT_REWRITTEN)
    out = _refuse_whole(text, edits, FORMULA_NOT_REWRITTEN, text_of)
    return [
        SkippedEdit(attrs.evolve(s.edit, after=s.edit.before), s.reason, FORMULA_JOINED_MESSAGE, s.covers)
        if _JOINED_AFTER.match(text, s.edit.end) else s
        for s in out
    ]


def _refuse_whole(text: str, edits: Sequence[Any], reason: str, text_of: str) -> list[SkippedEdit]:
    """Every edit of a cell refused, one finding per citation (its whole text before and after, with
    the rewrite proposed) rather than one per piece."""
    from ..model import Edit

    groups: dict[int, list[Any]] = {}
    for e in edits:
        groups.setdefault(edit_group(e), []).append(e)
    out: list[SkippedEdit] = []
    for members in groups.values():
        members.sort(key=lambda e: (e.start, e.end))
        start, end = members[0].start, max(e.end for e in members)
        for e in members:  # shown whole: the citations the edits belong to
            c = e.citation
            if c is not None and 0 <= c.start <= e.start and e.end <= c.end <= len(text):
                start, end = min(start, c.start), max(end, c.end)
        after, pos = [], start
        for e in members:
            after.append(text[pos:e.start] + e.after)
            pos = e.end
        after.append(text[pos:end])
        whole = Edit(start, end, text[start:end], "".join(after), citation=members[0].citation,
                     evidence=tuple(dict.fromkeys(x for e in members for x in e.evidence)))
        out.append(SkippedEdit(whole, reason, text_of, tuple(members)))
    return out


_CALC_PR = compile_on_use(rb"<((?:[A-Za-z_][\w.-]*:)?)calcPr(?=[\s/>])[^>]*>")
_FULL_CALC = compile_on_use(rb"""(\sfullCalcOnLoad\s*=\s*)(["'])[^"']*\2""")
_ROOT = compile_on_use(rb"<((?:[A-Za-z_][\w.-]*:)?)workbook(?=[\s/>])")


def _full_calc_on_load(data: bytes) -> bytes | None:
    """The workbook part ``data`` with ``fullCalcOnLoad="1"`` on its ``<calcPr>`` (added right after the
    element's name, or its value replaced), or a ``<calcPr fullCalcOnLoad="1"/>`` added where the
    schema puts it (after ``<sheets>``, ``<functionGroups>``, ``<externalReferences>`` and
    ``<definedNames>``); every other byte as it was.  None when the part is not laid out so (not
    UTF-8, say)."""
    m = _CALC_PR.search(data)
    if m is not None:
        full = _FULL_CALC.search(data, m.start(), m.end())
        if full is not None:
            return data[:full.end(1)] + b'"1"' + data[full.end():]
        at = m.start() + 1 + len(m.group(1)) + len(b"calcPr")
        return data[:at] + b' fullCalcOnLoad="1"' + data[at:]
    root = _ROOT.search(data)
    if root is None:
        return None
    prefix = re.escape(root.group(1))
    before = re.compile(rb"</" + prefix + rb"(?:sheets|functionGroups|externalReferences|definedNames)\s*>|<" + prefix
                        + rb"(?:sheets|functionGroups|externalReferences|definedNames)(?=[\s/])[^>]*/>")
    ends = [x.end() for x in before.finditer(data)]
    if not ends:
        return None
    at = ends[-1]
    return data[:at] + b"<" + root.group(1) + b'calcPr fullCalcOnLoad="1"/>' + data[at:]


def _ns(root: Any) -> str:
    tag = root.tag
    return tag[1:tag.index("}")] if isinstance(tag, str) and tag.startswith("{") else ""


def _q(ns: str, local: str) -> str:
    return f"{{{ns}}}{local}" if ns else local


def _string_ts(item: Any, ns: str) -> list[Any]:
    """The ``<t>`` elements that make an item's text: its own and its runs' (not ``<rPh>``'s)."""
    t_tag, r_tag = _q(ns, "t"), _q(ns, "r")
    out: list[Any] = []
    for child in item:
        if child.tag == t_tag:
            out.append(child)
        elif child.tag == r_tag:
            out.extend(child.iterchildren(t_tag))
    return out


class _Package:
    """The verified package (:class:`~.safety.Package`), its parts looked up by name
    (case-insensitively, as OPC says) and parsed by :func:`~.safety.parse_xml`."""

    def __init__(self, path: Path, package: Package) -> None:
        from lxml import etree

        self.path = path
        self.package = package
        self.names = {name.lower(): name for name in package.names}
        # for parts that are not always well-formed XML (VML): no entities, no DTD, no network
        self.parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)

    def error(self, ja: str, en: str) -> FormatError:
        return FormatError(self.path, f"Excel ブックが壊れているか形式が違うため開けません（{ja}）",
                           f"cannot open the workbook: corrupt or not an Excel workbook ({en})")

    def has(self, name: str) -> bool:
        return name.lower() in self.names

    def read(self, name: str) -> bytes:
        actual = self.names.get(name.lower())
        if actual is None:
            raise self.error(f"{name} がありません", f"{name} is missing")
        return self.package.read(actual)  # inflated again within the limits; FormatError otherwise

    def parse(self, name: str) -> _Part:
        data = self.read(name)
        actual = self.names[name.lower()]
        return _Part(actual, parse_xml(data, actual, self.path, "Excel"), data[:512])

    def rels(self, name: str) -> list[tuple[str, str, str]]:
        """The internal relationships of part ``name``: ``(id, type, target part name)``."""
        folder, base = posixpath.split(name)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        if not self.has(rels_name):
            return []
        root = self.parse(rels_name).root
        out: list[tuple[str, str, str]] = []
        for rel in root:
            if not isinstance(rel.tag, str) or not rel.tag.endswith("}Relationship"):
                continue
            if rel.get("TargetMode", "Internal") == "External":
                continue
            target = unquote(rel.get("Target", ""))
            if target.startswith("/"):
                resolved = target.lstrip("/")
            else:
                resolved = posixpath.normpath(posixpath.join(folder, target))
            out.append((rel.get("Id", ""), rel.get("Type", ""), resolved))
        return out


TABLE_NAME_MESSAGE = (
    "Excel の表（テーブル）の見出しのセルは列の名前で、表の定義と数式（構造化参照）がその名前を使うため、自動では書き換えませんでした。"
    "Excel で見出しを手作業で修正してください"
    " / not rewritten automatically: the heading cell of an Excel table is a column's name, which the table's definition and"
    " formulas (structured references) use; fix the heading by hand in Excel"
)

LOCKED_MESSAGE = (
    "シートが「シートの保護」で保護され、このセル（図形）はロックされているため、書き換えませんでした。"
    "保護を解除してから実行するか、手作業で修正してください"
    " / not rewritten: the sheet is protected (Protect Sheet) and this cell (shape) is locked; remove the protection"
    " first, or fix it by hand"
)


_STRING_LITERAL = compile_on_use(r'"((?:[^"]|"")*)"')


def _string_literals(formula: str) -> list[str]:
    """The string constants (``"…"``) of a formula; a list of a data validation is one."""
    if '"' not in formula:
        return []
    return [m.group(1).replace('""', '"') for m in _STRING_LITERAL.finditer(formula)]


def _chart_may_cite(pkg: _Package, name: str) -> bool:
    """Whether the text (``a:t``: titles, labels) of a chart part may cite."""
    if not may_cite(pkg.read(name).decode("utf-8", "replace")):  # (the markup never does: most charts stop here)
        return False
    return any(may_cite(t.text or "") for t in pkg.parse(name).root.iter(*(f"{{{a}}}t" for a in A_NS.values())))


def _on(value: str | None) -> bool:
    """An XML Schema boolean attribute that is true."""
    return value is not None and value.strip() in ("1", "true")


def _shape_locked(sp: Any, root: Any, xdr_ns: str) -> bool:
    """Whether a shape locks with its sheet: its anchor's (the drawing's child holding it) ``xdr:clientData``
    does not say ``fLocksWithSheet="0"`` (the default locks it)."""
    anchor = sp
    while anchor.getparent() is not None and anchor.getparent() is not root:
        anchor = anchor.getparent()
    data = anchor.find(_q(xdr_ns, "clientData"))
    return data is None or data.get("fLocksWithSheet") is None or _on(data.get("fLocksWithSheet"))


CELL_LIMIT = 32767
"""The most characters (UTF-16 code units) an Excel cell holds; Excel cuts or repairs a longer one."""

CELL_LIMIT_MESSAGE = (
    f"書き換えるとセルの文字数が Excel の上限（{CELL_LIMIT:,} 文字）を超え、Excel が開くときに文字を切り捨てるため、このセルは書き換えませんでした。"
    "セルを分けるか文字を減らしてから手作業で修正してください"
    f" / not rewritten: the cell would exceed Excel's limit of {CELL_LIMIT:,} characters, and Excel would cut its text on"
    " opening; split the cell or shorten its text, then fix it by hand"
)


def _table_name_cells(pkg: _Package, sheet: str) -> set[tuple[int, int]]:
    """The cells of a sheet that name the columns of its Excel tables (``xl/tables/tableN.xml``): the
    header row and the totals row of each table's range.  The table part holds those texts too, and
    Excel repairs a workbook whose cells no longer match them (dropping the table)."""
    out: set[tuple[int, int]] = set()
    for _, rtype, target in pkg.rels(sheet):
        if not rtype.endswith("/table") or not pkg.has(target):
            continue
        table = pkg.parse(target).root
        ends = [e for e in (_parse_ref(x) for x in (table.get("ref") or "").split(":")) if e is not None]
        if not ends:
            continue
        (r1, c1), (r2, c2) = ends[0], ends[-1]
        top, bottom, left, right = min(r1, r2), max(r1, r2), min(c1, c2), max(c1, c2)
        rows = []
        if table.get("headerRowCount", "1") != "0":
            rows.append(top)
        if table.get("totalsRowCount", "0").strip() not in ("0", ""):
            rows.append(bottom)
        out.update((r, c) for r in rows for c in range(left, right + 1))
    return out


def _main_part(pkg: _Package) -> str:
    for _id, rtype, target in pkg.rels(""):
        if rtype.endswith("/officeDocument"):
            return target
    return "xl/workbook.xml"


class XlsxDocument:
    """A workbook read as XML, its text cells as units."""

    format = "xlsx"
    encoding: str | None = None

    def __init__(self, path: Path, package: Package) -> None:
        self.path = path
        self.notes: list[str] = []
        self._package = package
        self._changed = False
        self._dirty: dict[str, _Part] = {}
        self._items: list[_Item | _Shape | _Formula] = []
        self._units: list[Unit] = []
        self._cells: list[tuple[str, str] | None] = []  # per unit: (sheet part, cell) or None for a shape
        self._sheet_parts: dict[str, _Part] = {}  # the sheets holding units, by part name
        self._texts: list[str] = []  # every text of the workbook (the act's name it uses most)
        self._review: str | None = None  # the comment author when changes are marked (--track-changes)
        self._rel_base = _REL_BASE  # the relationship types' namespace the workbook uses (strict or not)
        self._commented: list[tuple[str, str, str]] = []  # (sheet part, cell, text before) to comment
        self._extra_parts: dict[str, bytes] = {}  # parts the comments add or change, once made
        self._shared_items: dict[int, _Item] = {}
        self._shared_uses: dict[int, int] = {}  # how many cells show each shared string (units or not)
        self._unit_cells: list[tuple[int, Any] | None] = []  # per unit: (shared index, its <c>) for a shared string
        self._shared_copies: dict[tuple[int, str], int] = {}  # (shared index, new text) → the new string's index
        # per shared index shown by several cells: each changed cell's (item, new texts, new text, edits applied)
        self._pending: dict[int, dict[int, tuple[_Item, dict[int, str], str, Sequence[Any]]]] = {}
        self._sst: tuple[_Part, Any] | None = None  # the shared strings part and its root
        self._hidden: dict[str, str] = {}  # the hidden sheets' state (hidden, veryHidden), by title
        self._sst_size: int | None = None  # how many strings it holds, once copies are added
        self._drawings: set[str] = set()  # drawing parts already read (lower case)
        self._has_formulas = False  # a cell of a sheet read holds a formula
        self._table_names: set[int] = set()  # the units that are a column name of an Excel table
        self._locked: set[int] = set()  # the units a protected sheet locks (Protect Sheet)
        self._unlocked_styles: set[int] | None = None  # the cell formats that unlock a cell, once read
        self._styles_name = ""  # the styles part
        self._revisions_locked = False  # the workbook's protection enforces Excel's own change tracking
        self._workbook_name = ""  # the workbook part
        self._recalc: bytes | None = None  # the workbook part set to recalculate on open, once a cell changed
        self._read(_Package(path, package))
        self.notes.extend(embedded_note(sorted(n for n in package.names if n.lower().startswith("xl/embeddings/"))))

    def _read(self, pkg: _Package) -> None:
        wb_name = _main_part(pkg)
        wb = pkg.parse(wb_name)
        self._workbook_name = wb.name
        ns = _ns(wb.root)
        rels = pkg.rels(wb_name)
        by_id = {rid: (rtype, target) for rid, rtype, target in rels}
        shared = self._shared_strings(pkg, [t for _, rtype, t in rels if rtype.endswith("/sharedStrings")])
        self._styles_name = next((t for _, rtype, t in rels if rtype.endswith("/styles")), "")
        protection = wb.root.find(_q(ns, "workbookProtection"))
        self._revisions_locked = protection is not None and _on(protection.get("lockRevision"))
        sheets = wb.root.find(_q(ns, "sheets"))
        for sheet in (sheets if sheets is not None else ()):
            if sheet.tag != _q(ns, "sheet"):
                continue
            rid = next((v for k, v in sheet.attrib.items() if k.endswith("}id") and "relationships" in k), None)
            rtype, target = by_id.get(rid or "", ("", ""))
            if not rtype.endswith("/worksheet"):
                continue  # a chartsheet, a dialog or macro sheet, or a dangling reference
            self._rel_base = rtype[: -len("/worksheet")]
            if sheet.get("state") in ("hidden", "veryHidden"):
                self._hidden[sheet.get("name", "")] = sheet.get("state", "")
            self._sheet(pkg, target, sheet.get("name", ""), shared)
        names = wb.root.find(_q(ns, "definedNames"))
        citing = [n.get("name", "") for n in (names.iterchildren(_q(ns, "definedName")) if names is not None else ())
                  if any(may_cite(s) for s in _string_literals(n.text or ""))]
        if citing:
            shown = "、".join(citing[:3]) + ("…" if len(citing) > 3 else "")
            self.notes.append(f"名前の定義 {len(citing)} 件（{shown}）の中の文字は読んでいません。引用がないか確認してください"
                              f" / the text inside {len(citing)} defined name{'s' if len(citing) > 1 else ''} ({shown})"
                              " was not read: check for citations")
        charts = [n for n in pkg.names.values()
                  if n.lower().startswith("xl/charts/chart") and n.lower().endswith(".xml") and _chart_may_cite(pkg, n)]
        if charts:
            charts.sort()
            shown = "、".join(n.rsplit("/", 1)[-1] for n in charts[:3]) + ("…" if len(charts) > 3 else "")
            self.notes.append(f"グラフ {len(charts)} 件（{shown}）のタイトル・ラベルの文字は読んでいません。引用がないか開いて確認してください"
                              f" / the titles and labels of {len(charts)} chart{'s' if len(charts) > 1 else ''} ({shown})"
                              " were not read: open them to check for citations")

    def _shared_strings(self, pkg: _Package, targets: list[str]) -> tuple[_Part | None, list[Any], list[str]]:
        """The shared strings part, its ``<si>`` elements and their texts."""
        if not targets:
            return None, [], []
        part = pkg.parse(targets[0])
        ns = _ns(part.root)
        items = [si for si in part.root if si.tag == _q(ns, "si")]
        texts = ["".join(_decode(t.text or "") for t in _string_ts(si, ns)) for si in items]
        return part, items, texts

    def _item(self, part: _Part, element: Any) -> _Item:
        ts = _string_ts(element, _ns(part.root))
        return _Item(part, element, ts, [_decode(t.text or "") for t in ts])

    def _sheet(self, pkg: _Package, name: str, title: str,
               shared: tuple[_Part | None, list[Any], list[str]]) -> None:
        sst_part, sst_items, sst_texts = shared
        shared_items = self._shared_items
        if sst_part is not None:
            self._sst = (sst_part, sst_part.root)
        part = pkg.parse(name)
        root = part.root
        ns = _ns(root)
        c_tag, v_tag, f_tag, is_tag = (_q(ns, t) for t in ("c", "v", "f", "is"))
        protection = root.find(_q(ns, "sheetProtection"))
        protected = protection is not None and _on(protection.get("sheet"))
        sh = _Sheet(title)
        found: list[tuple[int, int, str, Any, Any]] = []  # row, column, text, shared index or <is>, the <c>
        sheet_data = root.find(_q(ns, "sheetData"))
        row_no = 0
        for row in (sheet_data.iterchildren(_q(ns, "row")) if sheet_data is not None else ()):
            r = row.get("r")
            try:
                row_no = int(r) if r else row_no + 1
            except ValueError:
                raise pkg.error(f"{name} の行番号 {r!r} が不正です", f"bad row number {r!r} in {name}") from None
            col = 0
            for c in row.iterchildren(c_tag):
                ref = c.get("r")
                if ref:
                    pos = _parse_ref(ref)
                    if pos is None:
                        raise pkg.error(f"{name} のセル参照 {ref!r} が不正です", f"bad cell reference {ref!r} in {name}")
                    row_at, col = pos
                else:
                    row_at, col = row_no, col + 1
                kind = c.get("t", "n")
                f = c.find(f_tag)
                if f is not None:
                    sh.values[(row_at, col)] = _OTHER  # a formula: never a label, never rewritten
                    self._has_formulas = True
                    v = c.find(v_tag)
                    shown = _decode(v.text or "") if kind == "str" and v is not None else ""
                    text = shown or (f.text or "")  # what the cell shows, else the formula itself
                    # what a formula cell beside a name shows counts as a cell's text or number (「=27」 | its cached 27)
                    value = shown or (v.text or "" if v is not None and kind == "n" else "") or (f.text or "")
                    if value.strip() and kind in ("n", "str"):
                        sh.numbers[(row_at, col)] = value.strip()
                    if may_cite(text):
                        found.append((row_at, col, text, _Formula(text, not may_cite(f.text or "")), c))
                    continue
                if kind == "s":
                    v = c.find(v_tag)
                    if v is None or v.text is None:
                        continue
                    try:
                        index = int(v.text.strip())
                        if index < 0:
                            raise IndexError(index)
                        text = sst_texts[index]
                    except (ValueError, IndexError):
                        raise pkg.error(f"{name} の {ref or ''} が存在しない共有文字列 {v.text!r} を指しています",
                                        f"{ref or 'a cell'} in {name} points to a missing shared string "
                                        f"{v.text!r}") from None
                    sh.values[(row_at, col)] = text
                    # every cell showing the string counts, a unit or not (a change record's cell keeps it)
                    self._shared_uses[index] = self._shared_uses.get(index, 0) + 1
                    if may_cite(text):
                        found.append((row_at, col, text, index, c))
                elif kind == "inlineStr":
                    is_el = c.find(is_tag)
                    if is_el is None:
                        continue
                    inline = self._item(part, is_el)
                    sh.values[(row_at, col)] = inline.text
                    if may_cite(inline.text):
                        found.append((row_at, col, inline.text, inline, c))
                elif c.find(v_tag) is not None:
                    sh.values[(row_at, col)] = _OTHER
                    if kind == "n":
                        sh.numbers[(row_at, col)] = (c.find(v_tag).text or "").strip()
        merge_cells = root.find(_q(ns, "mergeCells"))
        for m in (merge_cells.iterchildren(_q(ns, "mergeCell")) if merge_cells is not None else ()):
            ends = [e for e in (_parse_ref(x) for x in (m.get("ref") or "").split(":")) if e is not None]
            if not ends:
                continue
            (r1, c1), (r2, c2) = ends[0], ends[-1]
            sh.merges.append((min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)))
        self._texts.extend(v for v in sh.values.values() if isinstance(v, str))
        names = _table_name_cells(pkg, name) if found else set()
        record = _change_record(sh.values) if found else None
        if record is not None:  # an earlier 変更箇所 table: its cells are history
            top, left, right = record
            found = [f for f in found if not (f[0] >= top and left <= f[1] <= right)]
            self.notes.append(change_record_note(f"{title} {_column_letters(left)}～{_column_letters(right)}列 {top}行目以降"))
        found.sort(key=lambda x: (x[0], x[1]))
        headings = _Headings(sh) if found else None
        for row_at, col, text, source, cell_el in found:
            item: _Item | _Formula
            if isinstance(source, _Item | _Formula):
                item = source
                self._unit_cells.append(None)
            else:
                if source not in shared_items:  # a shared index was found, so the shared strings part exists
                    shared_items[source] = self._item(cast(_Part, sst_part), sst_items[source])
                item = shared_items[source]
                self._unit_cells.append((source, cell_el))
            coordinate = f"{_column_letters(col)}{row_at}"
            label = f"{title}!{coordinate}"
            detail: dict[str, Any] = {"sheet": title, "cell": coordinate}
            row_label = sh.row_label(row_at, col)
            if row_label:  # the item the cell belongs to
                label += f"（{row_label}）"
                detail["row_label"] = row_label
            if isinstance(item, _Formula):
                detail["formula"] = True
            assert headings is not None
            heading = headings.path(row_at, col)
            if heading:  # the 変更箇所 table's 項目
                detail["heading"] = heading
            if (row_at, col) in names:
                self._table_names.add(len(self._units))
            if protected and self._cell_locked(pkg, cell_el):
                self._locked.add(len(self._units))
            self._items.append(item)
            self._cells.append((part.name, coordinate))
            # (a cell merged down over several rows stands left of the cells of each of them)
            last_row = next((m[2] for m in sh.merges if m[0] == row_at and m[1] == col), row_at)
            runs = [sh.next_texts(r, col, False) for r in range(row_at, last_row + 1)] + [sh.next_texts(row_at, col, True),
                                                                                          sh.texts_under_next(row_at, col)]
            after = tuple(run for run in runs if run)
            before = sh.text_before(row_at, col)
            above = "" if before else sh.text_above(row_at, col)
            cites = may_cite(text)
            self._units.append(Unit(text, Location(label, detail), after=after, before=before, above=above,
                                    label_above=sh.label_continued(row_at, col) if above and cites else "",
                                    up=sh.text_up(row_at, col) if cites else "",
                                    column=functools.partial(sh.column_above, row_at, col) if cites else None,
                                    parts=functools.partial(sh.label_parts, row_at, col) if cites else None,
                                    peers=functools.partial(sh.peers, row_at, col) if cites else None,
                                    rows=functools.partial(sh.rows_above, row_at, col) if cites else None))
        if found:
            self._sheet_parts[part.name] = part
        self._rule_notes(root, ns, title)
        drawing = root.find(_q(ns, "drawing"))
        if drawing is not None:
            self._shapes(pkg, part.name, drawing, title,
                         locks=protected and protection is not None and _on(protection.get("objects")))

    def _rule_notes(self, root: Any, ns: str, title: str) -> None:
        """Note a sheet's conditional-format rules and data-validation lists that test for a text that may
        cite (their own, x14's in ``extLst`` too): they are not rewritten, so a rewritten cell may no longer
        match them."""
        ext = list(root.iterchildren(_q(ns, "extLst")))  # (never the whole sheet: its containers only)
        for container, rule, what_ja, what_en, effect_ja, effect_en in (
                ("conditionalFormatting", "cfRule", "条件付き書式の規則", "conditional-format rule",
                 "書き換えたセルは条件に一致しなくなることがあります", "a rewritten cell may no longer match"),
                ("dataValidations", "dataValidation", "入力規則", "data-validation rule",
                 "書き換えたセルの値が入力規則のリストにない値になることがあります",
                 "a rewritten cell may no longer hold a value the rule allows")):
            texts: list[str] = []  # per rule that tests for a text that may cite, the first such text
            for place in [*root.iterchildren(_q(ns, container)), *ext]:
                for el in place.iter(f"{{*}}{rule}"):
                    first = next((s for s in [el.get("text") or "", *(
                        lit for sub in el.iter() if isinstance(sub.tag, str) and sub.text
                        for lit in _string_literals(sub.text))] if may_cite(s)), None)
                    if first is not None:
                        texts.append(first)
            if texts:
                n = len(texts)
                shown = shown_first(texts)
                self.notes.append(f"{title}: {what_ja} {n} 件（「{shown}」）の文字は書き換えていません。{effect_ja}。確認してください"
                                  f" / {title}: the text of {n} {what_en}{'s' if n > 1 else ''} (「{shown}」) was not rewritten:"
                                  f" {effect_en}; check {'them' if n > 1 else 'it'}")

    def _cell_locked(self, pkg: _Package, cell: Any) -> bool:
        """Whether a cell of a protected sheet is locked: unless its format (``s``, an index into the
        ``cellXfs`` of the styles part) says ``<protection locked="0"/>``, Excel locks every cell."""
        if self._unlocked_styles is None:
            self._unlocked_styles = set()
            if self._styles_name and pkg.has(self._styles_name):
                styles = pkg.parse(self._styles_name).root
                ns = _ns(styles)
                xfs = styles.find(_q(ns, "cellXfs"))
                for i, xf in enumerate(xfs.iterchildren(_q(ns, "xf")) if xfs is not None else ()):
                    lock = xf.find(_q(ns, "protection"))
                    if lock is not None and lock.get("locked") is not None and not _on(lock.get("locked")):
                        self._unlocked_styles.add(i)
        try:
            return int(cell.get("s", "0")) not in self._unlocked_styles
        except ValueError:
            return True

    def _shapes(self, pkg: _Package, sheet_name: str, drawing: Any, title: str, locks: bool = False) -> None:
        """The shapes with text of the drawing a sheet's ``<drawing r:id>`` names, as units; ``locks``: the
        sheet is protected with its objects (a shape is locked unless its anchor's ``xdr:clientData`` says
        ``fLocksWithSheet="0"``)."""
        rid = next((v for k, v in drawing.attrib.items() if k.endswith("}id") and "relationships" in k), None)
        target = next((t for i, rtype, t in pkg.rels(sheet_name) if i == rid and rtype.endswith("/drawing")), None)
        if target is None or target.lower() in self._drawings:
            return
        self._drawings.add(target.lower())
        if not pkg.has(target):
            self.notes.append(f"{title}: 図形の部品 {target} がないため、図形の文字は読んでいません"
                              f" / {title}: the drawing part {target} is missing; the text of its shapes was not read")
            return
        part = pkg.parse(target)
        xdr_ns = _ns(part.root)
        a_ns = A_NS.get(xdr_ns, A_NS[next(iter(A_NS))])
        copies = AlternateCopies(_q(a_ns, "t"))
        copies.scan(part.root)
        tx_tag, nv_tag, c_nv_tag = (_q(xdr_ns, t) for t in ("txBody", "nvSpPr", "cNvPr"))
        for sp in part.root.iter(_q(xdr_ns, "sp")):
            tx_body = sp.find(tx_tag)
            if tx_body is None or sp.get("textlink") or in_later_branch(sp):
                continue
            segments = _shape_segments(tx_body, a_ns)
            text = "".join(seg.text for seg in segments)
            self._texts.append(text)
            if not may_cite(text):
                continue
            blocked = [i for i, seg in enumerate(segments) if seg.editable and not copies.safe(seg.payload)]
            for i in blocked:
                segments[i].editable = False
            c_nv = sp.find(f"{nv_tag}/{c_nv_tag}")
            shape_name = c_nv.get("name", "") if c_nv is not None else ""
            shape_id = c_nv.get("id", "") if c_nv is not None else ""
            shown = f"「{shape_name}」" if shape_name else f"（ID {shape_id or '?'}）"  # a shape Excel did not name
            location = Location(f"{title} 図形{shown}", {"sheet": title, "shape": shape_name, "drawing": part.name})
            if locks and _shape_locked(sp, part.root, xdr_ns):
                self._locked.add(len(self._units))
            self._items.append(_Shape(part, segments, copies, frozenset(blocked)))
            self._cells.append(None)
            self._unit_cells.append(None)
            self._units.append(Unit(text, location))

    @property
    def units(self) -> Sequence[Unit]:
        return self._units

    @property
    def changed(self) -> bool:
        return self._changed

    def law_name_texts(self) -> list[str]:
        """Every text of the workbook (cells and shapes), not only the units: the act's name a
        workbook uses is counted over all of it."""
        return self._texts

    def track_changes(self, author: str = "mynumber-refs") -> None:
        """Give every cell changed from now on a comment (by ``author``) holding its text before the
        change, written when the workbook is saved.  Shapes cannot hold a comment: a changed shape
        is listed in :attr:`notes`."""
        self._review = author

    def apply(self, index: int, edits: Sequence[Any]) -> list[SkippedEdit]:
        item = self._items[index]
        if isinstance(item, _Formula):
            return _refuse_formula(item.text, edits, item.refers)
        if index in self._table_names:
            return _refuse_whole(self._units[index].text, edits, "protected", TABLE_NAME_MESSAGE)
        if index in self._locked:
            return _refuse_whole(self._units[index].text, edits, "protected", LOCKED_MESSAGE)
        was_changed = self._changed
        try:
            return self._apply(index, item, edits)
        finally:
            if self._changed and not was_changed and self._has_formulas:
                self._set_recalc()

    def _set_recalc(self) -> None:
        """A workbook with formulas whose cells change recalculates on open: the formulas' cached
        values (「=評価書!B2」 showing the old text) would otherwise stay as they were.  Only
        ``fullCalcOnLoad="1"`` of ``<calcPr>`` changes in the workbook part (see :func:`_full_calc_on_load`)."""
        data = self._package.read(self._workbook_name)
        self._recalc = _full_calc_on_load(data)
        if self._recalc is not None:
            from ..findings import RECALC_NOTE

            self.notes.append(RECALC_NOTE)
        else:
            self.notes.append("数式のあるブックですが、開いたときに再計算する設定を書き込めませんでした。数式の値を確認してください"
                              " / the workbook has formulas, but could not be set to recalculate on open: check the"
                              " formulas' values")

    def _apply(self, index: int, item: _Item | _Shape, edits: Sequence[Any]) -> list[SkippedEdit]:
        skipped = self._apply_unit(index, item, edits)
        if len(skipped) < len(edits):
            self._note_hidden(self._units[index].location.detail.get("sheet", ""))
        return skipped

    def _note_hidden(self, title: str) -> None:
        """Name a hidden sheet the first time one of its cells (or shapes) is rewritten: Excel does not show it."""
        state = self._hidden.pop(title, None)
        if state == "hidden":
            self.notes.append(f"シート「{title}」は非表示です。書き換えたセルは、シートを再表示して確認してください"
                              f" / sheet {title} is hidden: unhide it to check the rewritten cells")
        elif state == "veryHidden":
            self.notes.append(f"シート「{title}」は非表示（Excel の「再表示」に出ない設定 veryHidden）です。書き換えたセルは、"
                              f"シートを表示する設定にして確認してください / sheet {title} is very hidden (Excel's Unhide does"
                              " not list it): make it visible to check the rewritten cells")

    def _apply_unit(self, index: int, item: _Item | _Shape, edits: Sequence[Any]) -> list[SkippedEdit]:
        if isinstance(item, _Shape):
            skipped = self._apply_shape(item, edits)
            if self._review is not None and len(skipped) < len(edits):
                label = self._units[index].location.label
                self.notes.append(f"{label}: 図形にはコメントを付けられないため、変更前の文字は変更箇所表と報告で確認してください"
                                  f" / {label}: a shape cannot hold a comment; its text before the change is in the"
                                  " 変更箇所 table and the report")
            return skipped
        old_text = item.text
        skipped, changed = self._apply_item(item, edits, index)
        cell = self._cells[index]
        if self._review is not None and cell is not None and changed and len(skipped) < len(edits):
            self._commented.append((cell[0], cell[1], old_text))
        return skipped

    def _apply_item(self, item: _Item, edits: Sequence[Any], index: int) -> tuple[list[SkippedEdit], bool]:
        """Apply one cell's edits to its string item; (the edits refused, whether the cell's text changed).

        A shared string shown by other cells too is not changed in place: those cells keep their
        own text (each cell is read with its neighbours, so the same text is not always rewritten
        the same way).  The cell gets a copy of the item with its edits, appended to the shared
        strings, one copy per new text."""
        segments = [Segment(text, True, i) for i, text in enumerate(item.texts)]
        new_texts, refused = plan_whole_groups(lambda es: plan_segment_edits(segments, es), edits)
        skipped = [SkippedEdit(e, r, GROUP_MESSAGE if r == "group" else REFUSED_MESSAGE) for e, r in refused]
        new_full = "".join(new_texts.get(i, text) for i, text in enumerate(item.texts))
        if new_full == item.text:
            return skipped, False
        if len(new_full.encode("utf-16-le")) > 2 * CELL_LIMIT:  # a text Excel cannot hold: the cell keeps its own
            return _refuse_whole(item.text, edits, "protected", CELL_LIMIT_MESSAGE), False
        refused_ids = {id(e) for e, _ in refused}
        applied = [e for e in edits if id(e) not in refused_ids]
        shared = self._unit_cells[index]
        if shared is not None and self._shared_uses.get(shared[0], 0) > 1:
            # written when the workbook is saved, once every cell showing it has been seen
            self._pending.setdefault(shared[0], {})[index] = (item, new_texts, new_full, applied)
            self._changed = True
            return skipped, True
        self._write_item(item, new_texts, new_full, applied, index)
        return skipped, True

    def _settle_shared(self) -> None:
        """Write the new texts of the shared strings shown by several cells: in place when every one of
        those cells takes the same new text, else as copies for the cells that change (the others keep
        the string as it was)."""
        for source, pending in self._pending.items():
            texts = {new_full for _item, _texts, new_full, _applied in pending.values()}
            if len(pending) == self._shared_uses[source] and len(texts) == 1:
                index, (item, new_texts, new_full, applied) = next(iter(pending.items()))
                self._write_item(item, new_texts, new_full, applied, index)
                continue
            for index, (item, new_texts, new_full, applied) in sorted(pending.items()):
                shared = self._unit_cells[index]
                assert shared is not None
                self._point_to_copy(item, shared, new_texts, new_full, applied, index)
        self._pending.clear()

    def _point_to_copy(self, item: _Item, shared: tuple[int, Any], new_texts: dict[int, str], new_full: str,
                       applied: Sequence[Any], index: int) -> None:
        """Point the cell ``shared[1]`` at a copy of the shared string ``item`` that holds ``new_full``."""
        source, cell_el = shared
        assert self._sst is not None
        sst_part, sst_root = self._sst
        new_index = self._shared_copies.get((source, new_full))
        if new_index is None:
            if self._sst_size is None:  # (counted once: each copy then adds one)
                si_tag = _q(_ns(sst_root), "si")
                self._sst_size = sum(1 for el in sst_root if el.tag == si_tag)
            new_index = self._sst_size
            self._sst_size += 1
            copy = deepcopy(item.element)
            sst_root.append(copy)
            self._write_item(self._item(sst_part, copy), new_texts, new_full, applied, index)
            unique = sst_root.get("uniqueCount")
            if unique is not None:
                sst_root.set("uniqueCount", str(new_index + 1))
            self._shared_copies[(source, new_full)] = new_index
            self._dirty[sst_part.name] = sst_part
        v = cell_el.find(_q(_ns(cell_el), "v"))
        v.text = str(new_index)
        sheet = self._cells[index]
        if sheet is not None:
            self._dirty[sheet[0]] = self._sheet_parts[sheet[0]]
        self._changed = True

    def _write_item(self, item: _Item, new_texts: dict[int, str], new_full: str, applied: Sequence[Any], index: int) -> None:
        """Write the new texts into the item's ``<t>`` elements (runs keep their fonts, the furigana its places)."""
        self._rephonetize(item, applied, new_full, index)
        r_tag = _q(_ns(item.part.root), "r")
        for i, text in new_texts.items():
            t = item.ts[i]
            if text == item.texts[i]:
                continue
            t.text = _encode(text)
            if text[:1].isspace() or text[-1:].isspace():
                t.set(XML_SPACE, "preserve")
            run = t.getparent()
            if not text and run is not None and run.tag == r_tag and new_full:
                run.getparent().remove(run)  # a run left without text goes (the old adapter dropped it too)
        self._dirty[item.part.name] = item.part
        self._changed = True

    def _apply_shape(self, shape: _Shape, edits: Sequence[Any]) -> list[SkippedEdit]:
        new_texts, refused, copy_refused = plan_edits(shape.segments, edits, shape.copy_blocked)
        for i, text in new_texts.items():
            seg = shape.segments[i]
            if text == seg.text:
                continue
            for t in shape.copies.group(seg.payload):  # the element itself, then its copies
                t.text = text
            seg.text = text
            self._dirty[shape.part.name] = shape.part
            self._changed = True
        return [SkippedEdit(e, reason, skip_message(e, reason, copy_refused, SHAPE_COPY_MESSAGE)) for e, reason in refused]

    def _rephonetize(self, item: _Item, edits: Sequence[Any], new: str, index: int) -> None:
        """Keep the furigana (``<rPh>``) of untouched characters, shifted; drop the rest."""
        ph_tag = _q(_ns(item.part.root), "rPh")
        guides = [el for el in item.element if el.tag == ph_tag]
        if not guides:
            return
        old = item.text
        spans = [s for s in (_trim(e) for e in edits) if s.start < s.end or s.after]
        dropped = 0
        for el in guides:
            try:
                sb = _from_utf16(old, int(el.get("sb", "")))
                eb = _from_utf16(old, int(el.get("eb", "")))
            except ValueError:
                continue  # no readable range: left as it is
            if all(eb <= s.start or sb >= s.end for s in spans):
                shift = sum(len(s.after) - (s.end - s.start) for s in spans if s.end <= sb)
                for attr, at in (("sb", sb), ("eb", eb)):
                    value = str(_to_utf16(new, at + shift))
                    if el.get(attr) != value:
                        el.set(attr, value)
            else:
                item.element.remove(el)
                dropped += 1
        if dropped:
            label = self._units[index].location.label
            self.notes.append(f"{label}: 書き換えた文字に付いていたふりがな {dropped} 件を削除しました（読みが合わなくなるため）"
                              f" / {label}: removed {dropped} phonetic {'guide' if dropped == 1 else 'guides'}"
                              " (furigana) over rewritten characters")

    def write_refusal(self) -> FormatError | None:
        """Why :meth:`save` will refuse to write the workbook as rewritten (signed, or its protection enforcing
        Excel's change tracking), or None: known before any writing, so that a dry run can say it."""
        if self._changed and is_signed(self._package.names):
            return signed_error(self.path, word=False)
        if self._changed and self._revisions_locked:
            return FormatError(self.path, "このブックは「ブックの保護」で変更履歴の記録が強制されているため書き込みません（書き換えは Excel の"
                                          "変更履歴に記録できません）。保護を解除してから実行してください",
                               "the workbook's protection enforces tracked changes (lockRevision): it is not written, since a"
                               " rewrite cannot be recorded in Excel's change history; remove the protection first")
        return None

    def save(self, dest: Path) -> None:
        """Write the workbook to ``dest`` atomically: the changed and added parts anew, every other
        entry with its verified bytes; the file written is read back (every entry inflated, the
        changed and added parts parsed) before it replaces anything.  A changed workbook that is digitally
        signed (``_xmlsignatures/``: the signature would break), or whose protection enforces Excel's change
        tracking (``workbookProtection lockRevision``: a rewrite is no Excel revision), is not written:
        :class:`FormatError`."""
        refused = self.write_refusal()
        if refused is not None:
            raise refused
        self._settle_shared()
        if self._commented:  # made once; a later save writes the same parts again
            self._extra_parts.update(self._comment_parts())
        parts = {name: xml_with_declaration(part.root, part.head) for name, part in self._dirty.items()}
        parts.update(self._extra_parts)
        if self._recalc is not None and self._changed:
            parts[self._workbook_name] = self._recalc
        package = self._package

        def write(tmp: Path) -> None:
            with zipfile.ZipFile(tmp, "w") as out:
                for info in package.infos:
                    data = parts.get(info.filename)
                    if data is None:
                        data = package.read(info.filename)
                    copy = zipfile.ZipInfo(info.filename, info.date_time)
                    copy.compress_type = info.compress_type
                    copy.comment = info.comment
                    copy.create_system = info.create_system
                    copy.external_attr = info.external_attr
                    copy.internal_attr = info.internal_attr
                    out.writestr(copy, data)
                existing = set(package.names)
                for name, data in parts.items():  # new parts (comments, their drawing, relationships)
                    if name not in existing:
                        out.writestr(name, data, zipfile.ZIP_DEFLATED)
                out.comment = package.comment

        atomic_save(dest, write, mode_from=self.path if self.path.exists() else None,
                    verify=lambda tmp: verify_package(tmp, "Excel", xml_parts=parts))

    # ------------------------------------------------------------------ comments (--track-changes)

    def _comment_parts(self) -> dict[str, bytes]:
        """The parts to write so that every changed cell shows a comment with its text before the
        change: per sheet a comments part and its VML drawing (new, or the sheet's own with the new
        comments added), the sheet's relationships and ``<legacyDrawing>``, and the content types.
        The sheets changed are marked dirty.  Done once (the list is emptied)."""
        commented, self._commented = self._commented, []
        pkg = _Package(self.path, self._package)
        out: dict[str, bytes] = {}
        ct_name = pkg.names.get("[content_types].xml", "[Content_Types].xml")
        ct = pkg.parse(ct_name)
        taken = set(pkg.names)
        by_sheet: dict[str, list[tuple[str, str]]] = {}
        for sheet, cell, old in commented:
            by_sheet.setdefault(sheet, []).append((cell, old))
        idmap = 1 + max([0, *(_vml_blocks(pkg.read(n)) for n in pkg.names.values() if n.lower().endswith(".vml"))])
        for sheet, cells in by_sheet.items():
            idmap = self._comment_sheet(pkg, sheet, cells, out, ct.root, taken, idmap)
        out[ct.name] = xml_with_declaration(ct.root, ct.head)
        return out

    def _comment_sheet(self, pkg: _Package, sheet: str, cells: list[tuple[str, str]], out: dict[str, bytes],
                       ct_root: Any, taken: set[str], idmap: int) -> int:
        from lxml import etree

        part = self._sheet_parts[sheet]
        root = part.root
        ns = _ns(root)
        folder, base = posixpath.split(sheet)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        rels_root = (pkg.parse(rels_name).root if pkg.has(rels_name)
                     else etree.Element(f"{{{_PKG_REL_NS}}}Relationships", nsmap={None: _PKG_REL_NS}))
        rels_name = pkg.names.get(rels_name.lower(), rels_name)
        targets = {rid: (rtype, target) for rid, rtype, target in pkg.rels(sheet)}
        comments_name = next((t for rtype, t in targets.values() if rtype.endswith("/comments")), None)
        legacy = root.find(_q(ns, "legacyDrawing"))
        legacy_id = None if legacy is None else next(
            (v for k, v in legacy.attrib.items() if k.endswith("}id")), None)
        vml_name = targets.get(legacy_id or "", ("", None))[1]
        # read what exists first: nothing is written for a sheet whose parts cannot be read
        try:
            comments = pkg.parse(comments_name).root if comments_name else None
            vml = etree.fromstring(pkg.read(vml_name), pkg.parser) if vml_name else None
        except (FormatError, etree.XMLSyntaxError):
            title = next((u.location.detail.get("sheet", "") for u, c in zip(self._units, self._cells, strict=True)
                          if c is not None and c[0] == sheet), sheet)
            self.notes.append(f"{title}: 既存のコメントの部品を読めないため、変更前の文字のコメントを付けませんでした"
                              f" / {title}: the sheet's comment parts cannot be read; no comments were added")
            return idmap
        if comments is None:
            comments_name = _free_name(taken, "xl/comments{}.xml")
            comments = etree.Element(_q(ns, "comments"), nsmap={None: ns})
            etree.SubElement(comments, _q(ns, "authors"))
            etree.SubElement(comments, _q(ns, "commentList"))
            _add_rel(rels_root, self._rel_base + "/comments", posixpath.relpath(comments_name, folder))
            _override(ct_root, comments_name, _CT_COMMENTS)
        if vml is None:
            vml_name = _free_name(taken, "xl/drawings/vmlDrawing{}.vml")
            vml = _new_vml(idmap)
            idmap += 1
            rid = _add_rel(rels_root, self._rel_base + "/vmlDrawing", posixpath.relpath(vml_name, folder))
            _insert_legacy_drawing(root, ns, rid, self._rel_base)
            _default_vml(ct_root, vml_name)
        authors = comments.find(_q(ns, "authors"))
        if authors is None:
            authors = etree.Element(_q(ns, "authors"))
            comments.insert(0, authors)
        names = [a.text or "" for a in authors.iterchildren(_q(ns, "author"))]
        assert self._review is not None
        if self._review not in names:
            etree.SubElement(authors, _q(ns, "author")).text = self._review
            names.append(self._review)
        author_id = str(names.index(self._review))
        comment_list = comments.find(_q(ns, "commentList"))
        if comment_list is None:
            comment_list = etree.SubElement(comments, _q(ns, "commentList"))
        existing = {c.get("ref", "").upper(): c for c in comment_list.iterchildren(_q(ns, "comment"))}
        for cell, old in cells:
            lines = _comment_runs(ns, old, self._review)
            if cell.upper() in existing:  # the cell has a comment already: ours is added to it
                text = existing[cell.upper()].find(_q(ns, "text"))
                if text is None:
                    text = etree.SubElement(existing[cell.upper()], _q(ns, "text"))
                _append_runs(text, ns, lines)
                _grow_note(vml, cell, "".join(_decode(t.text or "") for t in text.iter(_q(ns, "t"))))
                continue
            comment = etree.SubElement(comment_list, _q(ns, "comment"), ref=cell, authorId=author_id)
            text = etree.SubElement(comment, _q(ns, "text"))
            for run in lines:
                text.append(run)
            existing[cell.upper()] = comment
            _add_note_shape(vml, cell, old)
        out[cast(str, comments_name)] = xml_with_declaration(comments, XML_DECLARATION)
        # Excel writes its VML drawings without an XML declaration; one that had it keeps it
        vml_head = pkg.read(vml_name)[:512] if vml_name and pkg.has(vml_name) else b""
        body = etree.tostring(vml, encoding="UTF-8", xml_declaration=False)
        out[cast(str, vml_name)] = xml_with_declaration(vml, vml_head) if vml_head.startswith(b"<?xml") else body
        out[rels_name] = xml_with_declaration(rels_root, XML_DECLARATION)
        self._dirty[part.name] = part
        return idmap


_REL_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_CT_COMMENTS = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"
_CT_VML = "application/vnd.openxmlformats-officedocument.vmlDrawing"
_V, _O, _X = ("urn:schemas-microsoft-com:vml", "urn:schemas-microsoft-com:office:office",
              "urn:schemas-microsoft-com:office:excel")
COMMENT_HEADING = "変更前の記載 / before the change"
"""The first line of the comment ``--track-changes`` puts on a changed cell."""
# a worksheet's children that come after <legacyDrawing> (ECMA-376 Part 1, CT_Worksheet)
_AFTER_LEGACY = {"legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems",
                 "tableParts", "extLst"}


def _vml_blocks(data: bytes) -> int:
    """The largest shape-id block (``o:idmap data``) a VML drawing uses."""
    found = [int(x) for m in re.findall(rb'idmap[^>]*data="([0-9, ]+)"', data) for x in m.split(b",") if x.strip()]
    return max(found, default=0)


def _free_name(taken: set[str], pattern: str) -> str:
    n = 1
    while pattern.format(n).lower() in taken:
        n += 1
    name = pattern.format(n)
    taken.add(name.lower())
    return name


def _add_rel(rels_root: Any, rtype: str, target: str) -> str:
    from lxml import etree

    ids = {r.get("Id", "") for r in rels_root}
    n = 1
    while f"rId{n}" in ids:
        n += 1
    rid = f"rId{n}"
    etree.SubElement(rels_root, f"{{{_PKG_REL_NS}}}Relationship", Id=rid, Type=rtype, Target=target)
    return rid


def _override(ct_root: Any, name: str, content_type: str) -> None:
    from lxml import etree

    etree.SubElement(ct_root, f"{{{_CT_NS}}}Override", PartName="/" + name, ContentType=content_type)


def _default_vml(ct_root: Any, name: str) -> None:
    """Declare the VML content type for ``name`` unless its extension already has one."""
    from lxml import etree

    ext = name.rsplit(".", 1)[-1].lower()
    for el in ct_root:
        if el.get("Extension", "").lower() == ext or el.get("PartName", "").lower() == "/" + name.lower():
            return
    default = etree.Element(f"{{{_CT_NS}}}Default", Extension=ext, ContentType=_CT_VML)
    ct_root.insert(0, default)  # Default elements come first, as Office writes them


def _insert_legacy_drawing(root: Any, ns: str, rid: str, rel_base: str) -> None:
    from lxml import etree

    el = etree.Element(_q(ns, "legacyDrawing"), nsmap={"r": rel_base})
    el.set(f"{{{rel_base}}}id", rid)
    for i, child in enumerate(root):
        local = child.tag.rsplit("}", 1)[-1] if isinstance(child.tag, str) else ""
        if local in _AFTER_LEGACY or (local == "AlternateContent" and any(
                isinstance(x.tag, str) and x.tag.rsplit("}", 1)[-1] in _AFTER_LEGACY for x in child.iter())):
            root.insert(i, el)
            return
    root.append(el)


def _comment_runs(ns: str, old: str, author: str) -> list[Any]:
    from lxml import etree

    runs = []
    for text, bold in ((f"{author}: {COMMENT_HEADING}", True), ("\n" + old, False)):
        r = etree.Element(_q(ns, "r"))
        rpr = etree.SubElement(r, _q(ns, "rPr"))
        if bold:
            etree.SubElement(rpr, _q(ns, "b"))
        etree.SubElement(rpr, _q(ns, "sz"), val="9")
        t = etree.SubElement(r, _q(ns, "t"))
        t.text = _encode(text)
        t.set(XML_SPACE, "preserve")
        runs.append(r)
    return runs


def _append_runs(text: Any, ns: str, runs: list[Any]) -> None:
    """Add ``runs`` to a comment's existing ``<text>`` on a line of their own: after its last text (a
    plain ``<t>`` becomes a run, as Excel writes a comment with runs) and before its phonetic parts."""
    from lxml import etree

    texts = [el for el in text if el.tag in (_q(ns, "t"), _q(ns, "r"))]
    for el in texts:
        if el.tag == _q(ns, "t"):  # <t> then <r>… is a string Excel never writes: make it a run
            run = etree.Element(_q(ns, "r"))
            el.addprevious(run)
            run.append(el)
            texts[texts.index(el)] = run
    before = "".join(t.text or "" for el in texts for t in el.iter(_q(ns, "t")))
    if before and not _decode(before).endswith("\n"):
        first = runs[0].find(_q(ns, "t"))
        first.text = "\n" + (first.text or "")
    at = text.index(texts[-1]) + 1 if texts else 0
    for k, run in enumerate(runs):
        text.insert(at + k, run)


def _new_vml(idmap: int) -> Any:
    from lxml import etree

    xml = etree.Element("xml", nsmap={"v": _V, "o": _O, "x": _X})
    layout = etree.SubElement(xml, f"{{{_O}}}shapelayout", {f"{{{_V}}}ext": "edit"})
    etree.SubElement(layout, f"{{{_O}}}idmap", {f"{{{_V}}}ext": "edit", "data": str(idmap)})
    return xml


def _note_rows(text: str, extra: int = 0) -> int:
    """The rows of 15 pt a note box 216 pt wide needs for ``text`` (24 characters a line), 4 to 30."""
    lines = sum(max(1, -(-len(line) // 24)) for line in text.splitlines() or [""]) + extra
    return min(30, max(4, lines))


_LENGTH = compile_on_use(r"(?<![\w-])(width|height)\s*:\s*([0-9.]+)\s*(pt|px)?")


def _grow_note(vml: Any, cell: str, text: str) -> None:
    """Make the note box of ``cell`` in the VML drawing (a comment that was there) at least as large as a
    new one for its whole ``text``: the text before the change added to it was cut off below its old size."""
    row, col = cast(tuple[int, int], _parse_ref(cell))
    rows = _note_rows(text)
    least = {"width": 216.0, "height": rows * 15.0}

    def grown(m: re.Match[str]) -> str:
        size = float(m.group(2)) * (0.75 if m.group(3) == "px" else 1.0)
        return m.group(0) if size >= least[m.group(1)] else f"{m.group(1)}:{least[m.group(1)]:g}pt"

    for shape in vml.iter(f"{{{_V}}}shape"):
        data = shape.find(f"{{{_X}}}ClientData")
        if (data is None or data.get("ObjectType") != "Note" or (data.findtext(f"{{{_X}}}Row") or "").strip() != str(row - 1)
                or (data.findtext(f"{{{_X}}}Column") or "").strip() != str(col - 1)):
            continue
        shape.set("style", _LENGTH.sub(grown, shape.get("style", "")))
        anchor = data.find(f"{{{_X}}}Anchor")
        if anchor is not None:
            try:
                nums = [int(x) for x in (anchor.text or "").split(",")]
            except ValueError:
                return
            if len(nums) == 8:
                nums[4], nums[6] = max(nums[4], nums[0] + 4), max(nums[6], nums[2] + rows)
                anchor.text = ", ".join(str(n) for n in nums)
        return


def _add_note_shape(vml: Any, cell: str, old: str) -> None:
    """A hidden note box for ``cell`` in the VML drawing (with the note shape type when missing),
    sized for ``old``."""
    from lxml import etree

    if not any(st.get("id") == "_x0000_t202" for st in vml.iter(f"{{{_V}}}shapetype")):
        st = etree.SubElement(vml, f"{{{_V}}}shapetype", {"id": "_x0000_t202", "coordsize": "21600,21600",
                                                          f"{{{_O}}}spt": "202",
                                                          "path": "m,l,21600r21600,l21600,xe"})
        etree.SubElement(st, f"{{{_V}}}stroke", joinstyle="miter")
        etree.SubElement(st, f"{{{_V}}}path", {"gradientshapeok": "t", f"{{{_O}}}connecttype": "rect"})
    used = [int(m) for sp in vml.iter(f"{{{_V}}}shape") for m in re.findall(r"_s(\d+)$", sp.get("id", ""))]
    block = _vml_blocks(etree.tostring(vml)) or 1
    number = max([block * 1024, *used]) + 1
    row, col = cast(tuple[int, int], _parse_ref(cell))
    height_rows = _note_rows(old, 1)
    shape = etree.SubElement(vml, f"{{{_V}}}shape", {
        "id": f"_x0000_s{number}", "type": "#_x0000_t202",
        "style": f"position:absolute;margin-left:60pt;margin-top:2pt;width:216pt;height:{height_rows * 15}pt;"
                 "z-index:1;visibility:hidden",
        "fillcolor": "#ffffe1", f"{{{_O}}}insetmode": "auto"})
    etree.SubElement(shape, f"{{{_V}}}fill", color2="#ffffe1")
    etree.SubElement(shape, f"{{{_V}}}shadow", on="t", color="black", obscured="t")
    etree.SubElement(shape, f"{{{_V}}}path", {f"{{{_O}}}connecttype": "none"})
    box = etree.SubElement(shape, f"{{{_V}}}textbox", style="mso-direction-alt:auto")
    etree.SubElement(box, "div", style="text-align:left")
    data = etree.SubElement(shape, f"{{{_X}}}ClientData", ObjectType="Note")
    etree.SubElement(data, f"{{{_X}}}MoveWithCells")
    etree.SubElement(data, f"{{{_X}}}SizeWithCells")
    etree.SubElement(data, f"{{{_X}}}Anchor").text = f"{col}, 15, {max(row - 2, 0)}, 2, {col + 4}, 15, {max(row - 2, 0) + height_rows}, 4"
    etree.SubElement(data, f"{{{_X}}}AutoFill").text = "False"
    etree.SubElement(data, f"{{{_X}}}Row").text = str(row - 1)
    etree.SubElement(data, f"{{{_X}}}Column").text = str(col - 1)


def open_xlsx(path: Path, limits: ZipLimits | None = None) -> XlsxDocument:
    """Read, verify and open a workbook; raise :class:`FormatError` when it is not a safe workbook.

    The parts are read from the verified bytes in memory (:func:`~.safety.read_package`)."""
    package = read_package(path, "Excel", limits)
    try:
        return XlsxDocument(path, package)
    except FormatError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError, RuntimeError) as exc:
        raise FormatError(path, f"Excel ブックが壊れているか形式が違うため開けません（{type(exc).__name__}: {exc}）",
                          f"cannot open the workbook: corrupt or not an Excel workbook "
                          f"({type(exc).__name__}: {exc})") from exc

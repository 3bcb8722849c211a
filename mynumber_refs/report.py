"""Reports of a batch rewrite: the JSON report and the 変更箇所 table (CSV, XLSX or DOCX).

The 変更箇所 table has the columns of the 別添２「変更箇所」 of a 特定個人情報保護評価書:
変更日 · 項目 · 変更前の記載 · 変更後の記載 · 提出時期 · 提出時期に係る説明, and like the
seed document it has one row per changed item of the PIA: a paragraph, a table cell, an Excel
cell or a shape (a block of lines between blank lines in a text file).

* 項目 is the item's heading path in the PIA, one heading a line: in Word the heading and
  numbered paragraphs above it and the labels to the left of its table cell, in Excel the labels
  to the left of the cell and the numbered labels above (see :mod:`mynumber_refs.formats.ooxml`);
  the location (「本文 第3段落」, 「評価書!D4」) where none is found; the file's name first when the
  table covers several files.
* 変更前の記載 and 変更後の記載 are the item's whole text before and after, without the blank space at its
  start and end (a footnote's tab after its mark).  In the .xlsx and
  .docx tables the words that changed (whole numbers and table names) are **underlined and bold**
  (rich text in Excel, runs in Word); the CSV has the plain text.  The marks stay word by word where
  a tracked change takes a citation whole (「別表第一の16」): they are no revision a reviewer could
  accept in part, so the fewest marked characters show best what changed.
* 変更日 is the ``--date`` in the era form (令和6年5月27日); 提出時期 「事後」 and its explanation
  「根拠法にあわせて修正記載する形式的変更のため」, as the seed gives them for these changes.

The .xlsx and .docx tables print on A4 landscape, one page wide, with wrapped text, borders,
no row cut by a page break and the header row repeated on every page and the title 「（別添２）変更箇所」 above it; the columns keep
the proportions of the seed's printed table (:data:`SEED_COLUMN_CHARS`).  An .xlsx item taller than
Excel's tallest row goes on in the rows below it.  The CSV is UTF-8 with a BOM and CRLF line ends, so that
Excel opens it as it is.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as _dt
import io
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from ._patterns import compile_on_use
from .edits import word_spans

__all__ = [
    "CHANGES_COLUMNS",
    "CHANGES_EXTENSIONS",
    "SEED_COLUMN_CHARS",
    "ChangeRow",
    "write_changes_docx",
    "SUBMISSION_TIMING",
    "SUBMISSION_EXPLANATION",
    "wareki",
    "parse_date",
    "change_rows",
    "write_changes",
    "add_changes",
    "write_changes_csv",
    "write_changes_xlsx",
    "write_json_report",
]

CHANGES_COLUMNS = ("変更日", "項目", "変更前の記載", "変更後の記載", "提出時期", "提出時期に係る説明")
CHANGES_TITLE = "（別添２）変更箇所"
"""The title above the table, as the seed has it."""
SUBMISSION_TIMING = "事後"
SUBMISSION_EXPLANATION = "根拠法にあわせて修正記載する形式的変更のため"
CHANGES_EXTENSIONS = (".csv", ".xlsx", ".docx")
"""The formats of the 変更箇所 table, by the extension of ``--changes``."""
SEED_COLUMN_CHARS = (11, 14, 22, 22, 4, 12)
"""How many full-width characters each column of the seed's printed 変更箇所 table holds on a
line (「令和5年2月6日」 and a little room; 「2.特定個人情報ファイルを取」; 「市町村（特別区を含む。）（以下「市町村とい」
twice; 「事前」 under 「提出時期」; 「根拠法にあわせて修正記載」): the tables written here keep these
proportions."""

_ERAS: tuple[tuple[_dt.date, str], ...] = (
    (_dt.date(2019, 5, 1), "令和"),
    (_dt.date(1989, 1, 8), "平成"),
    (_dt.date(1926, 12, 25), "昭和"),
)


def wareki(d: _dt.date) -> str:
    """Write ``d`` in the Japanese era form used in PIAs: ``令和6年5月27日`` (``令和元年`` for the
    first year)."""
    for start, name in _ERAS:
        if d >= start:
            year = d.year - start.year + 1
            y = "元" if year == 1 else str(year)
            return f"{name}{y}年{d.month}月{d.day}日"
    raise ValueError(f"日付が古すぎます / date too early for an era name: {d.isoformat()}")


_ZEN = str.maketrans("０１２３４５６７８９", "0123456789")
_WAREKI_RE = compile_on_use(r"^(令和|平成|昭和)(元|\d+)年(\d+)月(\d+)日$")


def _day(s: str, year: int, month: int, day: int) -> _dt.date:
    try:
        return _dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"存在しない日付です: {s} / no such date: {s}") from None


def parse_date(s: str) -> _dt.date:
    """Parse ``2024-05-27``, ``2024/5/27`` or ``令和6年5月27日`` / ``平成31年4月30日`` (digits half- or
    full-width).  Every error message is Japanese, then English."""
    t = "".join(s.split()).translate(_ZEN)
    m = _WAREKI_RE.match(t)
    if m:
        era, y, mo, da = m.groups()
        base = {name: start.year for start, name in _ERAS}[era]
        year = base + (1 if y == "元" else int(y)) - 1
        d = _day(s, year, int(mo), int(da))
        if wareki(d)[:2] != era:
            raise ValueError(f"{s}: その元号の期間外の日付です / date outside the era")
        return d
    m2 = re.match(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$", t)
    if m2:
        return _day(s, int(m2.group(1)), int(m2.group(2)), int(m2.group(3)))
    raise ValueError(f"日付を読めません: {s}（例: 2024-05-27、令和6年5月27日） / cannot read the date: {s}"
                     " (e.g. 2024-05-27 or 令和6年5月27日)")


def _merge(marks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(marks):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


@dataclass
class ChangeRow:
    """One row of the 変更箇所 table: an item's whole text before and after, with the spans
    (``[start, end)`` offsets) of the characters that changed in each."""

    date: str
    item: str
    before: str
    after: str
    before_marks: list[tuple[int, int]] = field(default_factory=list)
    after_marks: list[tuple[int, int]] = field(default_factory=list)
    timing: str = SUBMISSION_TIMING
    explanation: str = SUBMISSION_EXPLANATION
    where: str = ""
    """Where the item is (「本文 第3段落」, 「評価書!B12」), for a 項目 that has to say it (not a column)."""

    def cells(self) -> list[str]:
        """The six columns as plain text."""
        return [self.date, self.item, self.before, self.after, self.timing, self.explanation]

    @staticmethod
    def pieces(text: str, marks: Sequence[tuple[int, int]]) -> list[tuple[str, bool]]:
        """``text`` cut into ``(piece, marked)`` at the marks."""
        out: list[tuple[str, bool]] = []
        pos = 0
        for a, b in marks:
            if a > pos:
                out.append((text[pos:a], False))
            if b > a:
                out.append((text[a:b], True))
            pos = b
        if pos < len(text):
            out.append((text[pos:], False))
        return out


class _ItemEdit(NamedTuple):
    start: int
    end: int
    before: str
    after: str


def _item_row(text: str, edits: Sequence[tuple[int, int, str, str]]) -> tuple[str, list[tuple[int, int]], list[tuple[int, int]]]:
    """The text after ``edits`` (``(start, end, before, after)`` in ``text``) and the marks of
    the changed characters in ``text`` and in the new text, widened to whole words
    (:func:`~mynumber_refs.edits.word_spans`: 「２７」→「４８」 marked whole; not joined by citation as a
    tracked change is: marks are not revisions, so the fewest show best what changed)."""
    items = sorted((_ItemEdit(*e) for e in edits), key=lambda e: (e.start, e.end))
    pos = 0
    for e in items:
        if text[e.start:e.end] != e.before or e.start < pos:
            raise ValueError(f"変更箇所表: 変更が本文と合いません / an edit does not match its item at {e.start}")
        pos = e.end
    out: list[str] = []
    length = 0
    pos = 0
    before_marks: list[tuple[int, int]] = []
    after_marks: list[tuple[int, int]] = []
    for span in word_spans(text, items):
        piece = text[pos:span.start]
        out.append(piece)
        length += len(piece)
        if span.end > span.start:
            before_marks.append((span.start, span.end))
        if span.after:
            after_marks.append((length, length + len(span.after)))
        out.append(span.after)
        length += len(span.after)
        pos = span.end
    out.append(text[pos:])
    return "".join(out), _merge(before_marks), _merge(after_marks)


def _item_label(e: dict[str, Any], renamed: dict[str, str] | None = None) -> str:
    """The 項目 of an edit's row: its heading path, each heading the run rewrote as it now reads (``renamed``: an
    item's text before → after, as one line), else its location."""
    detail = e.get("location_detail") or {}
    if detail.get("heading"):
        path = "\n".join((renamed or {}).get(h, h) for h in detail["heading"])
        if "note" in detail or "textbox" in detail:  # not in the text under the headings: where it is, too
            path += f"\n（{_where(e)}）"
        return path
    return str(detail.get("item_label") or e["location"])


def _where(e: dict[str, Any]) -> str:
    """An item's location as a 項目 adds it under its heading path (without the label the location adds,
    which is the heading's)."""
    where = str((e.get("location_detail") or {}).get("item_label") or e["location"])
    return re.sub(r"（[^（）]*）", "", where)


def _one_line_ends(text: str, marks: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """``text`` with CRLF and CR line ends written as LF (as a table cell shows them), the marks
    moved with it."""
    if "\r" not in text:
        return text, marks
    keep = [i for i, ch in enumerate(text) if not (ch == "\r" and text[i + 1 : i + 2] == "\n")]
    new_index = {old: new for new, old in enumerate(keep)}
    new_index[len(text)] = len(keep)

    def moved(i: int) -> int:
        while i not in new_index:  # an offset at a dropped CR moves to the LF after it
            i += 1
        return new_index[i]

    out = "".join(text[i] for i in keep).replace("\r", "\n")
    # a mark that held only the CR of a CRLF is empty once the line end is one character
    return out, [(a2, b2) for a, b in marks if (a2 := moved(a)) < (b2 := moved(b))]


def _trimmed(text: str, marks: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """``text`` without the blank space at its start and end (the tab or space after a footnote's mark, an indent, a
    last line break: no words a reviewer reads), the marks moved with it and cut to what is left."""
    head = len(text) - len(text.lstrip())
    kept = text.strip()
    if len(kept) == len(text):
        return text, marks
    end = head + len(kept)
    return kept, [(max(a, head) - head, min(b, end) - head) for a, b in marks if max(a, head) < min(b, end)]


def change_rows(files: Iterable[dict[str, Any]], date: _dt.date) -> list[ChangeRow]:
    """The rows of the 変更箇所 table for the files of a report (``report["files"]``).

    One row per changed item (paragraph, cell, shape), in the order of the files and of the
    items in them; a file that failed (its changes were not saved) has none.  項目 is the item's
    heading path (else its location), after the file's name when several files have rows; items of a
    file under the same heading path add their location (「（評価書!B12）」) so that each row can be found.
    """
    day = wareki(date)
    done = [f for f in files if f.get("status") != "failed" and f.get("edits")]
    several = len(done) > 1
    rows: list[ChangeRow] = []
    for f in done:
        name = f.get("name") or Path(f["path"]).name
        groups: dict[str, list[dict[str, Any]]] = {}
        for e in f["edits"]:
            key = e.get("item") or f"{e.get('unit', 0)}:{e.get('citation_start', -1)}:{e['start']}"
            groups.setdefault(key, []).append(e)
        # (a heading the run rewrote itself is shown in the rows under it as it now reads)
        from .formats.ooxml import label_text

        renamed: dict[str, str] = {}
        for members in groups.values():
            first = members[0]
            if first.get("item"):
                base = first.get("item_start", 0)
                after = _item_row(first["item_text"], [(e["start"] - base, e["end"] - base, e["before"], e["after"])
                                                       for e in members])[0]
                renamed.setdefault(label_text(first["item_text"]), label_text(after))
        labels = [_item_label(members[0], renamed) for members in groups.values()]
        repeated = {label for label, n in Counter(labels).items() if n > 1}
        for members, item in zip(groups.values(), labels, strict=True):
            first = members[0]
            if item in repeated:  # two items under one heading path: each says where it is
                where = _where(first)
                if where != item and not item.endswith(f"\n（{where}）"):
                    item = f"{item}\n（{where}）"
            if several:
                item = f"{name}\n{item}"
            if first.get("item"):
                base = first.get("item_start", 0)
                edits = [(e["start"] - base, e["end"] - base, e["before"], e["after"]) for e in members]
                after, bm, am = _item_row(first["item_text"], edits)
                before, bm = _trimmed(*_one_line_ends(first["item_text"], bm))
                after, am = _trimmed(*_one_line_ends(after, am))
                rows.append(ChangeRow(day, item, before, after, bm, am, where=_where(first)))
            else:  # a record without its item (a report of an older version): the citation alone
                before = first.get("citation_before") or first["before"]
                after = first.get("citation_after") or first["after"]
                rows.append(ChangeRow(day, item, before, after, where=_where(first)))
    return rows


def _cells(row: ChangeRow | Sequence[str]) -> list[str]:
    return row.cells() if isinstance(row, ChangeRow) else [str(x) for x in row]


def _as_change_row(row: ChangeRow | Sequence[str]) -> ChangeRow:
    if isinstance(row, ChangeRow):
        return row
    date, item, before, after, timing, explanation = (str(x) for x in row)
    return ChangeRow(date, item, before, after, [], [], timing, explanation)


# what XML 1.0 cannot hold, so neither can an .xlsx or .docx table: C0 controls other than tab, line feed and
# carriage return (a form feed of text taken from a PDF, an Excel cell's 「_x000B_」), lone surrogates, U+FFFE/U+FFFF
_NOT_XML = compile_on_use(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _shown_in_xml(row: ChangeRow | Sequence[str]) -> ChangeRow:
    """``row`` with each character XML cannot hold written one for one, so that the marks still fit: a
    vertical tab or form feed (a line or page break) as a line break, any other as 「\ufffd」."""
    row = _as_change_row(row)
    cells = row.cells()
    if not any(_NOT_XML.search(c) for c in cells):
        return row

    def shown(text: str) -> str:
        return _NOT_XML.sub(lambda m: "\n" if m.group() in "\x0b\x0c" else "\ufffd", text)

    date, item, before, after, timing, explanation = (shown(c) for c in cells)
    return ChangeRow(date, item, before, after, row.before_marks, row.after_marks, timing, explanation)


def write_changes_csv(rows: Sequence[ChangeRow | Sequence[str]], dest: Path) -> None:
    """Write the table as CSV in UTF-8 with a BOM and CRLF line ends (what Excel expects); the
    texts are plain (a CSV cannot mark the changed characters)."""
    from .formats.safety import atomic_write_bytes

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(CHANGES_COLUMNS)
    w.writerows(_cells(r) for r in rows)
    atomic_write_bytes(dest, buf.getvalue().encode("utf-8-sig"))


def _width(text: str) -> int:
    """How many half-width columns ``text`` takes (a full-width character takes two)."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "FWA" else 1 for ch in text)


def _lines(text: str, columns: int) -> int:
    """How many lines ``text`` takes wrapped in a cell ``columns`` half-width characters wide."""
    return sum(max(1, -(-_width(line) // max(columns, 1))) for line in text.split("\n"))


def _pages(text: str, marks: Sequence[tuple[int, int]], columns: int, max_lines: int
           ) -> list[tuple[str, list[tuple[int, int]]]]:
    """``text`` (with its marks) cut into pieces of at most ``max_lines`` lines wrapped ``columns``
    half-width characters wide, each cut where a wrapped line starts; a line break the cut falls on is
    dropped (the next row starts the line).  One piece when the text fits."""
    if _lines(text, columns) <= max_lines:
        return [(text, list(marks))]
    import unicodedata

    cuts: list[tuple[int, int]] = []  # (end of a piece, start of the next)
    lines, col, start = 1, 0, 0
    for i, ch in enumerate(text):
        if ch == "\n":
            lines, col = lines + 1, 0
            if lines > max_lines:
                cuts.append((i, i + 1))
                lines = 1
            continue
        w = 2 if unicodedata.east_asian_width(ch) in "FWA" else 1
        if col + w > columns:
            lines, col = lines + 1, 0
            if lines > max_lines:
                cuts.append((i, i))
                lines = 1
        col += w
    out: list[tuple[str, list[tuple[int, int]]]] = []
    for end, nxt in [*cuts, (len(text), len(text))]:
        piece_marks = [(max(a, start) - start, min(b, end) - start) for a, b in marks if a < end and b > start]
        out.append((text[start:end], piece_marks))
        start = nxt
    return out


EXCEL_MAX_ROW_HEIGHT = 409.5
"""The tallest row Excel shows (points): a taller row is cut to it, and the text below is lost from view
and from print."""

FONT_NAME = "ＭＳ 明朝"
"""The font of the .xlsx and .docx tables (what PIAs are written in)."""
FONT_SIZE = 10


_SEED_WIDTHS = tuple(chars * 2 for chars in SEED_COLUMN_CHARS)


def _xlsx_rows(ws: Any, rows: Sequence[ChangeRow | Sequence[str]], first: int, columns: Sequence[int],
               widths: Sequence[int] = _SEED_WIDTHS) -> None:
    """Write ``rows`` into ``ws`` from row ``first`` on, the six columns at ``columns`` (1-based, ``widths`` half-width
    characters wide, for the rows' heights): wrapped, thin
    borders, the changed characters underlined and bold (rich text), each row given its height.  An item taller than
    Excel's tallest row (:data:`EXCEL_MAX_ROW_HEIGHT`) goes on in the rows below it, with no line between them."""
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont
    from openpyxl.styles import Alignment, Border, Font, Side

    thin = Side(style="thin", color="000000")
    font = Font(name=FONT_NAME, size=FONT_SIZE)
    plain = InlineFont(rFont=FONT_NAME, sz=FONT_SIZE)
    marked = InlineFont(rFont=FONT_NAME, sz=FONT_SIZE, b=True, u="single")
    wrap = Alignment(wrap_text=True, vertical="top")
    line_height = FONT_SIZE * 1.5
    max_lines = int((EXCEL_MAX_ROW_HEIGHT - 4) // line_height)
    n = first
    for raw in rows:
        row = _shown_in_xml(raw)
        # an item too long for one row (Excel shows at most 409.5 points of it) goes on over rows
        # below: 変更前・変更後 cut at wrapped lines, the other columns merged over those rows
        before = _pages(row.before, row.before_marks, widths[2], max_lines)
        after = _pages(row.after, row.after_marks, widths[3], max_lines)
        span = max(len(before), len(after))
        for k in range(span):
            values: list[tuple[str, Sequence[tuple[int, int]]]] = [
                (row.date, []), (row.item, []),
                before[k] if k < len(before) else ("", []), after[k] if k < len(after) else ("", []),
                (row.timing, []), (row.explanation, [])]
            if k:
                values[0] = values[1] = values[4] = values[5] = ("", [])
            for col, (value, marks) in zip(columns, values, strict=True):
                cell = ws.cell(row=n + k, column=col)
                if marks:
                    cell.value = CellRichText([TextBlock(marked if m else plain, piece)
                                               for piece, m in ChangeRow.pieces(value, marks)])
                else:
                    cell.value = value
                    cell.data_type = "s"  # text, never a formula
                cell.font = font
                cell.alignment = wrap
                cell.border = Border(left=thin, right=thin, top=thin if k == 0 else None,
                                     bottom=thin if k == span - 1 else None)
            # rows are given their height: a spreadsheet does not grow a row for wrapped text on its own
            lines = max(_lines(v, width) for (v, _), width in zip(values, widths, strict=True))
            ws.row_dimensions[n + k].height = min(round(lines * line_height + 4, 1), EXCEL_MAX_ROW_HEIGHT)
        if span > 1:
            for i in (0, 1, 4, 5):
                ws.merge_cells(start_row=n, start_column=columns[i], end_row=n + span - 1, end_column=columns[i])
        n += span


def write_changes_xlsx(rows: Sequence[ChangeRow | Sequence[str]], dest: Path) -> None:
    """Write the table as an .xlsx sheet 「変更箇所」, ready to print: A4 landscape, one page
    wide, the header row on every page, wrapped text, thin borders, the seed's column widths;
    the changed characters underlined and bold (rich text).  An item taller than Excel's tallest row
    (:data:`EXCEL_MAX_ROW_HEIGHT`) goes on in the rows below it, with no line between them."""
    import openpyxl
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.worksheet.properties import PageSetupProperties

    from .formats.safety import atomic_save

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "変更箇所"
    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    ws.append(list(CHANGES_COLUMNS))
    for c in ws[1]:
        c.font = Font(name=FONT_NAME, size=FONT_SIZE, bold=True)
        c.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        c.fill = PatternFill("solid", fgColor="D9D9D9")
        c.border = border
    _xlsx_rows(ws, rows, 2, (1, 2, 3, 4, 5, 6))
    for letter, chars in zip("ABCDEF", SEED_COLUMN_CHARS, strict=True):
        ws.column_dimensions[letter].width = chars * 2 + 1  # a full-width character is two units wide
    ws.freeze_panes = "A2"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.page_margins.header = ws.page_margins.footer = 0.3
    ws.print_options.horizontalCentered = True
    # the title the Word table has above it, at the top of every printed page
    ws.oddHeader.left.text = CHANGES_TITLE
    ws.oddHeader.left.font = FONT_NAME
    ws.oddHeader.left.size = FONT_SIZE
    atomic_save(dest, lambda tmp: wb.save(str(tmp)))


def _docx_text(paragraph: Any, text: str, marks: Sequence[tuple[int, int]], bold: bool = False) -> None:
    """Runs for ``text`` in ``paragraph``: marked pieces underlined and bold, line breaks kept."""
    from docx.oxml.ns import qn
    from docx.shared import Pt

    for piece, m in ChangeRow.pieces(text, marks):
        for k, line in enumerate(piece.split("\n")):
            if k:
                paragraph.add_run().add_break()
            if not line:
                continue
            run = paragraph.add_run(line)
            run.font.size = Pt(FONT_SIZE - 1)
            run.font.name = FONT_NAME  # w:ascii and w:hAnsi
            run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT_NAME)
            if m or bold:
                run.bold = True
            if m:
                run.underline = True


def _keep_on_one_page(row: Any) -> None:
    """A row of the Word table is not cut by a page break (``w:cantSplit``: Word moves it to the next page whole,
    as an Excel row is printed; one taller than a page still breaks)."""
    from docx.oxml import OxmlElement

    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def write_changes_docx(rows: Sequence[ChangeRow | Sequence[str]], dest: Path) -> None:
    """Write the table as a Word document 「（別添２）変更箇所」 ready to print: A4 landscape, a
    table one page wide with borders, the header row repeated on every page, the seed's column
    proportions; the changed characters underlined and bold."""
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm

    from .formats.safety import atomic_save

    d = docx.Document()
    section = d.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(15))
    _docx_text(d.add_paragraph(), CHANGES_TITLE, [], bold=True)
    table = d.add_table(rows=1, cols=len(CHANGES_COLUMNS))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    usable = Mm(297 - 30)
    total = sum(SEED_COLUMN_CHARS)
    widths = [int(usable * c / total) for c in SEED_COLUMN_CHARS]
    for col, width in zip(table.columns, widths, strict=True):
        col.width = width
    header = table.rows[0]
    _keep_on_one_page(header)
    tr_pr = header._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")  # repeated at the top of every page
    repeat.set(qn("w:val"), "true")
    tr_pr.append(repeat)
    for cell, title, width in zip(header.cells, CHANGES_COLUMNS, widths, strict=True):
        cell.width = width
        _docx_text(cell.paragraphs[0], title, [], bold=True)
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:fill"), "D9D9D9")
        cell._tc.get_or_add_tcPr().append(shading)
    for raw in rows:
        added = table.add_row()
        _keep_on_one_page(added)
        for cell, width in zip(added.cells, widths, strict=True):
            cell.width = width
        _docx_fill(added.cells, raw)
    atomic_save(dest, lambda tmp: d.save(str(tmp)))


def _docx_fill(cells: Sequence[Any], raw: ChangeRow | Sequence[str]) -> None:
    """Write a row's six columns into the first paragraph of each of ``cells`` (marks underlined and bold)."""
    row = _shown_in_xml(raw)
    for k, (cell, value) in enumerate(zip(cells, row.cells(), strict=True)):
        marks = row.before_marks if k == 2 else row.after_marks if k == 3 else []
        _docx_text(cell.paragraphs[0], value, marks)


_BLANK = compile_on_use(r"\s+")


def _same_text(s: object) -> str:
    """A column's text as rows are compared: whitespace aside (a table made by hand breaks lines elsewhere)."""
    return _BLANK.sub("", "" if s is None else str(s))


def _header_columns(cells: Sequence[object]) -> list[int] | None:
    """Where the six columns of the 変更箇所 table are among ``cells`` (a row's texts), if the row is its header row."""
    texts = [_same_text(c) for c in cells]
    try:
        return [texts.index(name) for name in CHANGES_COLUMNS]
    except ValueError:
        return None


class _Earlier(NamedTuple):
    """A row already in a 変更箇所 table: its 変更日, 項目, 変更前 and 変更後 as written, and where it is in the file
    (a line of the CSV, a row of the sheet, a row element of the Word table)."""

    date: str
    item: str
    before: str
    after: str
    at: Any
    rest: tuple[str, str] = ("", "")
    """変更前 and 変更後 in the sheet rows below, of an item taller than one row (this tool's long items)."""

    def key(self) -> tuple[str, str, str]:
        return _same_text(self.item), _same_text(self.before + self.rest[0]), _same_text(self.after + self.rest[1])


def _new_rows(rows: Sequence[ChangeRow | Sequence[str]], earlier: Sequence[_Earlier]
              ) -> list[ChangeRow | Sequence[str]]:
    """The rows of ``rows`` not already in the table: a row is there when a row of the table has the same 変更前 and
    変更後 and the same 項目, with or without its file's name before it (a run over several files names them), all
    whitespace aside.  Each row of the table stands for one row (the same text changed in two places is two rows).
    A row under the heading path of a row already there says where it is, as two rows of one run do."""
    keys = [e.key() for e in earlier]
    left = list(keys)
    out: list[ChangeRow | Sequence[str]] = []
    for row in rows:
        _, item, before, after, _, _ = (_same_text(c) for c in _cells(row))
        found = next((i for i, (it, b, a) in enumerate(left)
                      if b == before and a == after and (it == item or item.endswith(it) or it.endswith(item))), None)
        if found is None:
            out.append(row)
        else:
            del left[found]
    for k, row in enumerate(out):
        if isinstance(row, ChangeRow) and row.where and not row.item.endswith(f"（{row.where}）"):
            item = _same_text(row.item)
            if any(it == item or it.startswith(item + "（") for it, _, _ in keys):
                out[k] = dataclasses.replace(row, item=f"{row.item}\n（{row.where}）")
    return out


def _slots(new: Sequence[ChangeRow | Sequence[str]], earlier: Sequence[_Earlier],
           locate: Callable[[str], int | None] | None) -> list[int]:
    """Where each of ``new`` (in the document's order) goes among ``earlier``: before the first row of the same 変更日
    that stands after it in the document, else right after the last row of that day, so that the rows of one day read
    in the document's order; after every row when no row of that day is known.  A row is placed in the document by ``locate`` (the offset of its text there, or
    ``None``): its 変更後 as the document now reads, else its 変更前.  A row ``locate`` does not find (a row made by hand,
    edited since, of another file) keeps its place, and a new row is never put before a row of another day."""
    end = len(earlier)
    if locate is None or not earlier:
        return [end] * len(new)

    def where(after: str, before: str) -> int | None:
        for text in (after, before):
            if text.strip():
                found = locate(text.strip())
                if found is not None:
                    return found
        return None

    placed: list[tuple[int, str, int]] = []  # (slot, 変更日, offset) of the rows placed so far, earlier and new
    for i, e in enumerate(earlier):
        if (at := where(e.after, e.before)) is not None:
            placed.append((i, _same_text(e.date), at))
    slots: list[int] = []
    for row in new:
        date, _, before, after, _, _ = _cells(row)
        at = where(after, before)
        slot = end
        if at is not None:
            day = [(i, o) for i, d, o in placed if d == _same_text(date)]
            later = [i for i, o in day if o > at]
            slot = min(later) if later else max(i for i, _ in day) + 1 if day else end
        slots.append(slot)
    return slots


def _in_slots(new: Sequence[ChangeRow | Sequence[str]], slots: Sequence[int]
              ) -> dict[int, list[ChangeRow | Sequence[str]]]:
    """The new rows by the index of the earlier row they go before (the number of earlier rows: after them all)."""
    out: dict[int, list[ChangeRow | Sequence[str]]] = {}
    for row, slot in zip(new, slots, strict=True):
        out.setdefault(slot, []).append(row)
    return out


def _table_error(dest: Path, ja: str, en: str) -> ValueError:
    return ValueError(f"変更箇所表 {dest} に書き込めません。{ja}（ファイルはそのままです） / cannot write the 変更箇所 table"
                      f" {dest}: {en} (the file is left as it was)")


def _no_heading(dest: Path, where_ja: str, where_en: str) -> ValueError:
    return _table_error(dest, f"見出しの行（{'・'.join(CHANGES_COLUMNS)}）{where_ja}がありません",
                        f"{where_en} has a heading row naming the six columns of the table")


_XLSX_PARTS_LOST = ("xl/drawings/", "xl/charts/", "xl/media/", "xl/vbaProject", "xl/activeX/", "xl/ctrlProps/",
                    "xl/embeddings/", "xl/pivot", "xl/slicer", "xl/timeline", "customXml/")
"""Parts of a workbook that openpyxl does not write back (shapes, pictures, macros, controls, objects, pivot tables)."""

Locate = Callable[[str], "int | None"]


def _add_to_csv(rows: Sequence[ChangeRow | Sequence[str]], dest: Path, locate: Locate | None) -> tuple[int, int]:
    from .formats.safety import atomic_write_bytes, read_regular_file

    raw = read_regular_file(dest, 256 * 1024 * 1024)
    encoding = "utf-8-sig"
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError:
        encoding = "cp932"  # a table saved by Excel in Japanese Windows
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            raise _table_error(dest, "文字コードが UTF-8 でも Shift_JIS でもありません",
                               "its encoding is neither UTF-8 nor Shift_JIS") from None
    lines = io.StringIO(text, newline="").readlines()
    reader = csv.reader(iter(lines))
    records: list[tuple[list[str], int, int]] = []  # (cells, first line, line after)
    start = 0
    for r in reader:
        records.append((r, start, reader.line_num))
        start = reader.line_num
    at = next(((i, cols) for i, (r, _, _) in enumerate(records) if (cols := _header_columns(r)) is not None), None)
    if at is None:
        raise _no_heading(dest, "", "no line")
    head, cols = at
    earlier: list[_Earlier] = []
    end_line = records[head][2]  # the line after the table's last row
    for r, first, after_line in records[head + 1:]:
        date, item, before, after = (r[c] if c < len(r) else "" for c in cols[:4])
        if not any(x.strip() for x in (item, before, after)):
            if any(x.strip() for x in r):
                break  # a note under the table (「以上」): the table ends above it
            continue
        earlier.append(_Earlier(date, item, before, after, first))
        end_line = after_line
    new = _new_rows(rows, earlier)
    if not new:
        return 0, len(earlier)
    width = max(len(r) for r, _, _ in records)
    end = "\r\n" if "\r\n" in text else "\n"

    def serialized(group: Sequence[ChangeRow | Sequence[str]]) -> str:
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator=end)
        for row in group:
            out = [""] * width
            for c, value in zip(cols, _cells(row), strict=True):
                out[c] = value
            w.writerow(out)
        return buf.getvalue()

    groups = _in_slots(new, _slots(new, earlier, locate))
    if lines and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += end
    out_lines = list(lines)
    if len(earlier) in groups:
        out_lines.insert(end_line, serialized(groups[len(earlier)]))
    for slot in sorted((k for k in groups if k < len(earlier)), reverse=True):  # from the last up: lines stay put
        out_lines.insert(earlier[slot].at, serialized(groups[slot]))
    try:
        data = "".join(out_lines).encode("utf-8" if encoding == "utf-8-sig" else encoding)
    except UnicodeEncodeError:
        raise _table_error(dest, "Shift_JIS で書けない文字があります。UTF-8 で保存し直してください",
                           "a row has a character Shift_JIS cannot hold; save the table as UTF-8") from None
    if encoding == "utf-8-sig" and raw.startswith(b"\xef\xbb\xbf"):
        data = b"\xef\xbb\xbf" + data
    atomic_write_bytes(dest, data, mode_from=dest)
    return len(new), len(earlier)


def _add_to_xlsx(rows: Sequence[ChangeRow | Sequence[str]], dest: Path, locate: Locate | None) -> tuple[int, int]:
    import openpyxl

    from .formats.safety import FormatError, atomic_save, check_ooxml

    try:
        names = check_ooxml(dest, "Excel")
    except FormatError as exc:
        raise _table_error(dest, exc.reason_ja, exc.reason_en) from None
    lost = sorted({n for n in names if n.startswith(_XLSX_PARTS_LOST)})
    if lost:
        raise _table_error(dest, f"図形・画像・マクロなど書き戻せない部品があります（{lost[0]}）。別のファイル名を指定してください",
                           f"it holds parts that cannot be written back ({lost[0]}); give another file name")
    try:
        wb = openpyxl.load_workbook(str(dest), rich_text=True)
    except Exception as exc:  # noqa: BLE001 - any failure to read is the user's file, not ours
        raise _table_error(dest, f"ブックを読めません（{type(exc).__name__}）", f"the workbook cannot be read ({exc})") from None
    for ws in [s for s in (wb.active, *wb.worksheets) if hasattr(s, "iter_rows")]:  # (not a chartsheet)
        at = next(((r[0].row, cols) for r in ws.iter_rows(max_row=min(ws.max_row, 30))
                   if (cols := _header_columns([c.value for c in r])) is not None), None)
        if at is not None:
            break
    else:
        raise _no_heading(dest, "のあるシート", "no sheet")
    head, cols = at
    columns = [c + 1 for c in cols]
    # the rows' heights follow the sheet's own column widths (in characters; the sheet's default where none is set)
    default = ws.sheet_format.defaultColWidth or 8.43
    from openpyxl.utils import column_index_from_string

    spans = [(d.min or column_index_from_string(d.index), d.max or column_index_from_string(d.index), d.width)
             for d in ws.column_dimensions.values() if d.width]
    widths = [max(int(next((w for lo, hi, w in spans if lo <= c <= hi), default)) - 1, 1) for c in columns]
    earlier: list[_Earlier] = []
    last = head
    for r in ws.iter_rows(min_row=head + 1, max_row=ws.max_row):
        values = ["" if (v := r[c - 1].value if c - 1 < len(r) else None) is None else str(v) for c in columns]
        if not any(v.strip() for v in values[1:4]):
            if any(c.value is not None and str(c.value).strip() for c in r):
                break  # a note under the table (「以上」): the table ends above it
            continue
        last = r[0].row
        if not values[0].strip() and not values[1].strip() and earlier:  # an item's rows after its first (long items)
            e = earlier[-1]
            earlier[-1] = e._replace(rest=(e.rest[0] + values[2], e.rest[1] + values[3]))
        else:
            earlier.append(_Earlier(values[0], values[1], values[2], values[3], r[0].row))
    new = _new_rows(rows, earlier)
    if not new:
        return 0, len(earlier)
    groups = _in_slots(new, _slots(new, earlier, locate))
    # from the last group up: the rows from an earlier row on move down, and the new rows take their place
    for slot in sorted(groups, reverse=True):
        first = earlier[slot].at if slot < len(earlier) else last + 1
        height = _xlsx_rows_needed(groups[slot], widths)
        if first <= ws.max_row:
            _xlsx_move_down(ws, first, height)
        _xlsx_rows(ws, groups[slot], first, columns, widths)
    _print_area_grown(ws, head, _xlsx_rows_needed(new, widths))
    atomic_save(dest, lambda tmp: wb.save(str(tmp)), mode_from=dest)
    return len(new), len(earlier)


def _xlsx_rows_needed(rows: Sequence[ChangeRow | Sequence[str]], widths: Sequence[int]) -> int:
    """How many sheet rows :func:`_xlsx_rows` takes for ``rows``."""
    max_lines = int((EXCEL_MAX_ROW_HEIGHT - 4) // (FONT_SIZE * 1.5))
    total = 0
    for raw in rows:
        row = _shown_in_xml(raw)
        total += max(len(_pages(row.before, row.before_marks, widths[2], max_lines)),
                     len(_pages(row.after, row.after_marks, widths[3], max_lines)))
    return total


def _print_area_grown(ws: Any, head: int, by: int) -> None:
    """The sheet's print area (when one is set) grown by ``by`` rows where it holds the table's heading row, so that the
    rows added are printed too."""
    from openpyxl.utils import get_column_letter
    from openpyxl.utils.cell import range_boundaries

    area = ws.print_area
    if not area:
        return
    ranges: list[str] = []
    for ref in (area if isinstance(area, (list, tuple)) else str(area).split(",")):
        cells = str(ref).rsplit("!", 1)[-1].replace("$", "")
        try:
            min_col, min_row, max_col, max_row = range_boundaries(cells)
        except ValueError:  # (a sheet name with a comma in it): the area is left as it is
            return
        if min_row is not None and max_row is not None and min_row <= head <= max_row:
            max_row += by
        ranges.append(f"{get_column_letter(min_col)}{min_row}:{get_column_letter(max_col)}{max_row}")
    ws.print_area = ranges


def _xlsx_move_down(ws: Any, first: int, by: int) -> None:
    """Move the rows of ``ws`` from ``first`` on down by ``by`` rows: their cells, merged ranges and heights."""
    from openpyxl.utils import get_column_letter

    merged = [m for m in ws.merged_cells.ranges if m.min_row >= first]
    for m in merged:
        ws.unmerge_cells(str(m))
    last = ws.max_row
    ws.move_range(f"A{first}:{get_column_letter(max(ws.max_column, 1))}{last}", rows=by)
    for r in range(last, first - 1, -1):
        dim = ws.row_dimensions[r]
        ws.row_dimensions[r + by].height = dim.height
        dim.height = None
    for m in merged:
        ws.merge_cells(start_row=m.min_row + by, start_column=m.min_col, end_row=m.max_row + by, end_column=m.max_col)


def _add_to_docx(rows: Sequence[ChangeRow | Sequence[str]], dest: Path, locate: Locate | None) -> tuple[int, int]:
    import copy

    import docx
    from docx.oxml.ns import qn
    from docx.table import _Row

    from .formats.safety import FormatError, atomic_save, check_ooxml

    try:
        check_ooxml(dest, "Word")
        d = docx.Document(str(dest))
    except FormatError as exc:
        raise _table_error(dest, exc.reason_ja, exc.reason_en) from None
    except Exception as exc:  # noqa: BLE001 - any failure to read is the user's file, not ours
        raise _table_error(dest, f"文書を読めません（{type(exc).__name__}）", f"the document cannot be read ({exc})") from None
    for table in d.tables:
        at = next(((i, cols) for i, r in enumerate(table.rows[:5])
                   if (cols := _header_columns([c.text for c in r.cells])) is not None), None)
        if at is not None:
            break
    else:
        raise _no_heading(dest, "のある表", "no table")
    head, cols = at
    earlier: list[_Earlier] = []
    last_tr = table.rows[head]._tr
    for r in table.rows[head + 1:]:
        cells = r.cells
        values = [cells[c].text if c < len(cells) else "" for c in cols]
        if not any(v.strip() for v in values[1:4]):
            if any(c.text.strip() for c in cells):
                break  # a note in the table's last row (「以上」): the table's rows end above it
            continue
        earlier.append(_Earlier(values[0], values[1], values[2], values[3], r._tr))
        last_tr = r._tr
    new = _new_rows(rows, earlier)
    if not new:
        return 0, len(earlier)
    model = tail = last_tr
    for slot, group in _in_slots(new, _slots(new, earlier, locate)).items():
        for raw in group:
            tr = copy.deepcopy(model)  # the borders, widths and merges of the table's last row
            tr_pr = tr.find(qn("w:trPr"))
            if tr_pr is not None:
                for el in tr_pr.findall(qn("w:tblHeader")):
                    tr_pr.remove(el)
            for tc in tr.iter(qn("w:tc")):
                tc_pr = tc.find(qn("w:tcPr"))
                for child in list(tc):
                    if child is not tc_pr:
                        tc.remove(child)
                if tc_pr is not None:
                    for el in [*tc_pr.findall(qn("w:vMerge")), *tc_pr.findall(qn("w:shd"))]:
                        tc_pr.remove(el)
                tc.append(tc.makeelement(qn("w:p"), {}))
            if slot < len(earlier):
                earlier[slot].at.addprevious(tr)
            else:
                tail.addnext(tr)
                tail = tr
            cells = _Row(tr, table).cells
            _docx_fill([cells[c] for c in cols], raw)
    atomic_save(dest, lambda tmp: d.save(str(tmp)), mode_from=dest)
    return len(new), len(earlier)


def add_changes(rows: Sequence[ChangeRow | Sequence[str]], dest: Path, locate: Locate | None = None) -> tuple[int, int]:
    """Add ``rows`` (in the document's order) to the 変更箇所 table already in ``dest`` (written by an earlier run, or by
    hand in the seed's layout: a heading row naming the six columns, in a Word table, an Excel sheet or a CSV): the
    rows already there stay as they are, and the rows not already there (:func:`_new_rows`) go among them in the
    document's order (:func:`_slots`, with ``locate`` the offset of a text in the document), else after them.
    Returns how many rows were added and how many were there.  The file is not written when nothing is added; a
    file without such a table is an error and is left as it was."""
    ext = dest.suffix.lower()
    if ext == ".csv":
        return _add_to_csv(rows, dest, locate)
    if ext in (".xlsx", ".xlsm"):
        return _add_to_xlsx(rows, dest, locate)
    if ext == ".docx":
        return _add_to_docx(rows, dest, locate)
    raise ValueError(f"変更箇所表は .csv・.xlsx・.docx のいずれかで指定してください: {dest}"
                     " / --changes must end in .csv, .xlsx or .docx")


def write_changes(rows: Sequence[ChangeRow | Sequence[str]], dest: Path) -> None:
    """Write the 変更箇所 table; the format follows ``dest``'s extension (.csv, .xlsx or .docx)."""
    ext = dest.suffix.lower()
    if ext == ".csv":
        write_changes_csv(rows, dest)
    elif ext in (".xlsx", ".xlsm"):
        write_changes_xlsx(rows, dest)
    elif ext == ".docx":
        write_changes_docx(rows, dest)
    else:
        raise ValueError(f"変更箇所表は .csv・.xlsx・.docx のいずれかで指定してください: {dest}"
                         " / --changes must end in .csv, .xlsx or .docx")


def write_json_report(report: dict[str, Any], dest: Path) -> None:
    """Write the JSON report (UTF-8, not ASCII-escaped, indented)."""
    from .formats.safety import atomic_write_bytes

    data = json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    atomic_write_bytes(dest, data.encode("utf-8"))

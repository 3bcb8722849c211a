"""The 変更箇所 table (rows per changed item, marks, print-ready .xlsx/.docx, CSV), the JSON report
and Japanese era dates."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.oxml.ns import qn
from hypothesis import example, given, settings
from hypothesis import strategies as st
from openpyxl.cell.rich_text import CellRichText, TextBlock

from mynumber_refs.report import (
    CHANGES_COLUMNS,
    SEED_COLUMN_CHARS,
    ChangeRow,
    change_rows,
    parse_date,
    wareki,
    write_changes,
    write_json_report,
)

TIMING, WHY = "事後", "根拠法にあわせて修正記載する形式的変更のため"


@pytest.mark.parametrize(
    ("date", "text"),
    [
        (dt.date(2024, 5, 27), "令和6年5月27日"),
        (dt.date(2023, 2, 6), "令和5年2月6日"),
        (dt.date(2019, 5, 1), "令和元年5月1日"),
        (dt.date(2019, 4, 30), "平成31年4月30日"),
        (dt.date(1989, 1, 8), "平成元年1月8日"),
        (dt.date(1989, 1, 7), "昭和64年1月7日"),
    ],
)
def test_wareki(date: dt.date, text: str) -> None:
    assert wareki(date) == text
    assert parse_date(text) == date


def test_parse_date_forms() -> None:
    assert parse_date("2024-05-27") == dt.date(2024, 5, 27)
    assert parse_date("2024/5/27") == dt.date(2024, 5, 27)
    assert parse_date("令和６年５月２７日") == dt.date(2024, 5, 27)
    with pytest.raises(ValueError):
        parse_date("令和1年4月1日")  # 2019-04-01 is still 平成
    with pytest.raises(ValueError):
        parse_date("いつか")


@pytest.mark.parametrize("text", ["2024-02-30", "令和6年2月30日", "2024-13-01", "いつか"])
def test_parse_date_errors_are_japanese_then_english(text: str) -> None:
    with pytest.raises(ValueError) as info:
        parse_date(text)
    ja, _, en = str(info.value).partition(" / ")
    assert text in ja and any("\u3040" <= ch <= "\u30ff" for ch in ja)  # Japanese (kana) first
    english = en.replace(text, "").replace("令和6年5月27日", "")
    assert english.strip() and english.isascii()  # then English
    assert "day is out of range" not in str(info.value)  # not Python's own English-only message


PARAGRAPH = "根拠は番号利用法別表第一の16の項及び別表第一の59の項とする。"


def _edit(text: str, old: str, new: str, *, item: str, item_start: int = 0, location: str = "本文 第1段落",
          heading: list[str] | None = None, occurrence: int = 0) -> dict:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(old, start + 1)
    detail = {"heading": heading} if heading else {}
    return {"location": location, "location_detail": detail, "start": start + item_start,
            "end": start + item_start + len(old), "before": old, "after": new, "evidence": ["e"],
            "item": item, "item_text": text, "item_start": item_start}


def _files() -> list[dict]:
    cell = "②法令上の根拠: 別表第一の16の項"
    return [
        {"path": "drafts/評価書.docx", "name": "評価書.docx", "status": "changed", "edits": [
            # a paragraph with two citations, four token edits: one row
            _edit(PARAGRAPH, "第一", "", item="0:0", heading=["Ⅰ 基本情報", "１．事務", "②事務の内容"]),
            _edit(PARAGRAPH, "16", "24", item="0:0", heading=["Ⅰ 基本情報", "１．事務", "②事務の内容"]),
            _edit(PARAGRAPH, "第一", "", item="0:0", occurrence=1),
            _edit(PARAGRAPH, "59", "85", item="0:0"),
            # a cell further in the unit: offsets count from the unit, the item starts later
            _edit(cell, "第一", "", item="3:40", item_start=40, location="本文 表1 行2 列2"),
            _edit(cell, "16", "24", item="3:40", item_start=40, location="本文 表1 行2 列2"),
        ]},
        {"path": "drafts/a.txt", "name": "sub/a.txt", "status": "changed", "edits": [
            {**_edit("別表第一の16の項", "16", "24", item="0:0", location="3行目"),
             "location_detail": {"item_label": "3～4行目"}},
        ]},
        # a file whose save failed: nothing of it is in the table
        {"path": "drafts/ro.txt", "name": "ro.txt", "status": "failed", "edits": [
            _edit("別表第一の16の項", "16", "24", item="0:0", location="1行目")]},
    ]


def test_change_rows_one_per_changed_item() -> None:
    rows = change_rows(_files(), dt.date(2024, 5, 27))
    assert [r.cells() for r in rows] == [
        ["令和6年5月27日", "評価書.docx\nⅠ 基本情報\n１．事務\n②事務の内容", PARAGRAPH,
         "根拠は番号利用法別表の24の項及び別表の85の項とする。", TIMING, WHY],
        ["令和6年5月27日", "評価書.docx\n本文 表1 行2 列2", "②法令上の根拠: 別表第一の16の項",
         "②法令上の根拠: 別表の24の項", TIMING, WHY],
        ["令和6年5月27日", "sub/a.txt\n3～4行目", "別表第一の16の項", "別表第一の24の項", TIMING, WHY],
    ]
    first = rows[0]
    # the words that changed are marked whole, as the tracked changes show them: the table's name
    # (「別表第一」→「別表」) and the row numbers; 「の」 and 「の項」 between them are not
    assert [first.before[a:b] for a, b in first.before_marks] == ["別表第一", "16", "別表第一", "59"]
    assert [first.after[a:b] for a, b in first.after_marks] == ["別表", "24", "別表", "85"]


@pytest.mark.parametrize(("text", "old", "new", "before", "after"), [
    ("番号法第19条第8号に基づく主務省令第2条の表の11の項", "11", "15", ["11"], ["15"]),  # not 「1」→「5」
    ("番号法別表の39の項", "39", "59", ["39"], ["59"]),  # not 「3」→「5」 before a kept 「9」
    ("番号法別表の三十九の項", "三十九", "五十九", ["三十九"], ["五十九"]),
    ("別表第一の3の項", "3", "36", ["3"], ["36"]),  # an insertion after a digit
    ("第19条第7号 別表第二", "第19条第7号 別表第二", "第19条第8号に基づく主務省令第2条の表",
     ["7号 別表第二"], ["8号に基づく主務省令第2条の表"]),  # 「第19条第」 kept
])
def test_marks_are_whole_numbers(text: str, old: str, new: str, before: list[str], after: list[str]) -> None:
    row = change_rows([{"path": "a.txt", "status": "changed", "edits": [_edit(text, old, new, item="0:0")]}],
                      dt.date(2024, 5, 27))[0]
    assert [row.before[a:b] for a, b in row.before_marks] == before
    assert [row.after[a:b] for a, b in row.after_marks] == after


def test_one_file_has_no_file_name_in_item() -> None:
    rows = change_rows(_files()[1:], dt.date(2024, 5, 27))
    assert [r.item for r in rows] == ["3～4行目"]


def test_saved_edits_only() -> None:
    files = _files()
    files[0]["status"] = "failed"
    assert [r.item for r in change_rows(files, dt.date(2024, 5, 27))] == ["3～4行目"]


def test_an_edit_that_does_not_match_its_item_is_an_error() -> None:
    files = _files()[1:2]
    files[0]["edits"][0]["before"] = "59"
    with pytest.raises(ValueError, match="合いません"):
        change_rows(files, dt.date(2024, 5, 27))


def test_crlf_items_show_one_line_break() -> None:
    text = "一行目\r\n別表第一の16の項"
    rows = change_rows([{"path": "a.txt", "status": "changed",
                         "edits": [_edit(text, "16", "24", item="0:0")]}], dt.date(2024, 5, 27))
    assert rows[0].before == "一行目\n別表第一の16の項" and rows[0].after == "一行目\n別表第一の24の項"
    assert [rows[0].before[a:b] for a, b in rows[0].before_marks] == ["16"]
    assert [rows[0].after[a:b] for a, b in rows[0].after_marks] == ["24"]


# pieces of text; a CRLF line end is one token (an edit never splits one)
_PIECE = st.lists(st.sampled_from(["別", "表", "第", "一", "二", "の", "項", "1", "6", "、", "。", " ", "\n", "\r\n"]),
                  max_size=6).map("".join)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_PIECE, _PIECE, _PIECE), min_size=1, max_size=5), _PIECE)
# two insertions at one place, the second widened to the number before it: they came out swapped (「一一別」)
@example([("", "一", ""), ("", "", "別"), ("", "", "一")], "")
@example([("一", "", "別"), ("", "", "一")], "")
@example([("", "", "別"), ("", "", "表")], "表")  # (the second's word begins at the first insertion)
@example([("", "表", ""), ("", "", "別"), ("", "", "表")], "表")  # (an insertion right after a deletion, then another)
def test_marks_cover_exactly_what_changed(parts: list[tuple[str, str, str]], tail: str) -> None:
    """For any item and edits: the new text is the edits applied, and taking the marked characters
    out of the text before and after leaves the same text (what did not change)."""
    text, spans, expected = "", [], ""
    for keep, old, new in parts:
        text += keep
        expected += keep
        spans.append((len(text), len(text) + len(old), old, new))
        text += old
        expected += new
    text += tail
    expected += tail
    edits = [{"location": "1行目", "location_detail": {}, "start": a, "end": b, "before": old, "after": new,
              "evidence": [], "item": "0:0", "item_text": text, "item_start": 0} for a, b, old, new in spans]
    row = change_rows([{"path": "a.txt", "status": "changed", "edits": edits}], dt.date(2024, 5, 27))[0]

    def crlf(s: str) -> str:
        return s.replace("\r\n", "\n").replace("\r", "\n")

    def unmarked(s: str, marks: list[tuple[int, int]]) -> str:
        return "".join(p for p, m in ChangeRow.pieces(s, marks) if not m)

    # (the blank space at an item's ends is not shown: see test_an_items_blank_ends_are_not_shown)
    assert row.before == crlf(text).strip() and row.after == crlf(expected).strip()
    assert crlf(unmarked(row.before, row.before_marks)).strip() == crlf(unmarked(row.after, row.after_marks)).strip()
    for marks, s in ((row.before_marks, row.before), (row.after_marks, row.after)):
        assert all(0 <= a < b <= len(s) for a, b in marks)
        assert all(b1 < a2 for (_, b1), (a2, _) in zip(marks, marks[1:], strict=False))


@pytest.mark.parametrize(("text", "before", "after", "marked"), [
    # a footnote's text starts with the tab or space Word puts after the note's mark
    ("\t参考: 番号法別表第一の16の項", "参考: 番号法別表第一の16の項", "参考: 番号法別表の24の項", ["別表第一", "16"]),
    (" 参考: 番号法別表第一の16の項", "参考: 番号法別表第一の16の項", "参考: 番号法別表の24の項", ["別表第一", "16"]),
    # an indent and a last line break
    ("\u3000\u3000番号法別表第一の16の項\r\n", "番号法別表第一の16の項", "番号法別表の24の項", ["別表第一", "16"]),
])
def test_an_items_blank_ends_are_not_shown(text: str, before: str, after: str, marked: list[str]) -> None:
    """The 変更前・変更後 columns show an item's text without the blank space at its start and end: no words a reviewer
    reads, and a footnote's row began with the tab after its mark.  The marks stay on the changed words."""
    edits = [_edit(text, "第一", "", item="0:0"), _edit(text, "16", "24", item="0:0")]
    row = change_rows([{"path": "a.docx", "status": "changed", "edits": edits}], dt.date(2024, 5, 27))[0]
    assert (row.before, row.after) == (before, after)
    assert [row.before[a:b] for a, b in row.before_marks] == marked
    assert [row.after[a:b] for a, b in row.after_marks] == ["別表", "24"]


def test_csv_has_bom_and_seed_columns(tmp_path: Path) -> None:
    dest = tmp_path / "変更箇所.csv"
    write_changes(change_rows(_files(), dt.date(2024, 5, 27)), dest)
    raw = dest.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert tuple(rows[0]) == CHANGES_COLUMNS
    assert len(rows) == 4 and rows[1][0] == "令和6年5月27日" and rows[1][2] == PARAGRAPH


def _relative(widths: list[float]) -> list[float]:
    return [w / sum(widths) for w in widths]


def test_xlsx_table_marks_and_print_setup(tmp_path: Path) -> None:
    dest = tmp_path / "変更箇所.xlsx"
    rows = change_rows(_files(), dt.date(2024, 5, 27))
    write_changes([*rows, ["令和6年5月27日", "=危険な式?", "a", "b", TIMING, "x"]], dest)
    wb = openpyxl.load_workbook(str(dest), rich_text=True)
    ws = wb["変更箇所"]
    assert tuple(c.value for c in ws[1]) == CHANGES_COLUMNS and ws["A1"].font.b
    before, after = ws["C2"].value, ws["D2"].value
    for rich, marks_text in ((before, ["別表第一", "16", "別表第一", "59"]), (after, ["別表", "24", "別表", "85"])):
        assert isinstance(rich, CellRichText)
        marked = [b.text for b in rich if isinstance(b, TextBlock) and b.font.b and b.font.u == "single"]
        assert marked == marks_text
        assert all(not (b.font.b or b.font.u) for b in rich if isinstance(b, TextBlock) and b.text not in marks_text)
    assert str(before) == PARAGRAPH
    assert ws.cell(row=ws.max_row, column=2).data_type == "s"  # text, never a formula
    # print: A4 landscape, one page wide, header row on every page
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert ws.page_setup.fitToHeight == 0
    assert ws.print_title_rows == "$1:$1"
    # the title the seed (and the Word table) has above the table, on every printed page
    assert ws.oddHeader.left.text == "（別添２）変更箇所"
    assert ws.page_margins.top > ws.page_margins.header + 0.3  # room for it above the table
    # every cell wrapped with borders; widths in the seed's proportions
    for row in ws.iter_rows():
        for c in row:
            assert c.alignment.wrap_text and c.border.left.style == "thin" and c.border.bottom.style == "thin"
    widths = [ws.column_dimensions[col].width for col in "ABCDEF"]
    assert _relative(widths) == pytest.approx(_relative(list(SEED_COLUMN_CHARS)), abs=0.01)
    # a row is tall enough for its lines: the three-line 項目 needs more than a one-line row
    assert ws.row_dimensions[2].height > ws.row_dimensions[4].height


def test_xlsx_item_taller_than_a_row_goes_on_over_rows_below(tmp_path: Path) -> None:
    """Excel shows at most 409.5 points of a row: a long item (a cell listing a hundred and fifty
    rows of the order) goes on in rows below, its 変更前・変更後 cut at wrapped lines and its other
    columns merged over those rows, so that nothing is cut off on screen or in print."""
    refs = "、".join(f"{i}条{i % 9 + 1}号ロ" for i in range(1, 160))
    before = "（別表第二における情報提供の根拠）\n：（" + refs + "）\n（情報照会の根拠）\n：なし"
    after = before.replace("別表第二", "表")
    i = before.index("159条")
    row = ChangeRow("令和6年5月27日", "Ⅰ 基本情報\n５．情報連携\n②法令上の根拠", before, after,
                    [(1, 5), (i, i + 3)], [(1, 2)])
    dest = tmp_path / "変更箇所.xlsx"
    write_changes([row, ["令和6年5月27日", "次の項目", "a", "b", TIMING, WHY]], dest)
    ws = openpyxl.load_workbook(str(dest), rich_text=True)["変更箇所"]
    heights = [ws.row_dimensions[r].height for r in range(2, ws.max_row + 1)]
    assert all(h <= 409.5 for h in heights) and len(heights) == 3  # two rows for the long item, one for the next

    def text(r: int, c: int) -> str:
        v = ws.cell(row=r, column=c).value
        return str(v) if v is not None else ""

    # the pieces make the whole text (a line break at a cut is where the next row starts)
    pieces = [text(r, 3) for r in (2, 3)]
    assert all(pieces) and "".join(pieces).replace("\n", "") == before.replace("\n", "")
    assert "".join(text(r, 4) for r in (2, 3)).replace("\n", "") == after.replace("\n", "")
    # the marks stay on their characters, in whichever row they fall
    marked = [b.text for r in (2, 3) for b in ws.cell(row=r, column=3).value
              if isinstance(b, TextBlock) and b.font.b]
    assert marked == ["別表第二", "159"]
    assert {str(m) for m in ws.merged_cells.ranges} == {"A2:A3", "B2:B3", "E2:E3", "F2:F3"}
    assert text(2, 2) == row.item and text(2, 5) == TIMING and text(4, 2) == "次の項目"
    # no line between the two rows of one item
    assert ws.cell(row=2, column=3).border.bottom is None and ws.cell(row=3, column=3).border.top is None
    assert ws.cell(row=3, column=3).border.bottom.style == "thin"


def test_docx_table_marks_and_print_setup(tmp_path: Path) -> None:
    dest = tmp_path / "変更箇所.docx"
    write_changes(change_rows(_files(), dt.date(2024, 5, 27)), dest)
    d = docx.Document(str(dest))
    sec = d.sections[0]
    assert sec.orientation == 1 and sec.page_width > sec.page_height  # landscape
    assert abs(sec.page_width.mm - 297) < 1 and abs(sec.page_height.mm - 210) < 1  # A4
    table = d.tables[0]
    assert [c.text for c in table.rows[0].cells] == list(CHANGES_COLUMNS)
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # repeated on every page
    assert table.style.name == "Table Grid"
    widths = [c.width for c in table.rows[1].cells]
    assert _relative(widths) == pytest.approx(_relative(list(SEED_COLUMN_CHARS)), abs=0.01)
    assert sum(widths) <= sec.page_width - sec.left_margin - sec.right_margin  # one page wide
    before_cell, after_cell = table.rows[1].cells[2], table.rows[1].cells[3]
    assert before_cell.text == PARAGRAPH
    marked = [r.text for r in before_cell.paragraphs[0].runs if r.bold and r.underline]
    assert marked == ["別表第一", "16", "別表第一", "59"]
    assert [r.text for r in after_cell.paragraphs[0].runs if r.bold and r.underline] == ["別表", "24", "別表", "85"]
    # the 項目's heading path: one heading a line
    assert table.rows[1].cells[1].text == "評価書.docx\nⅠ 基本情報\n１．事務\n②事務の内容"
    with zipfile.ZipFile(dest) as zf:
        assert b'w:type="fixed"' in zf.read("word/document.xml")
    # a row is never cut by a page break (its 項目 on one page, the rest on the next), as an Excel row is not
    assert all(row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)


@pytest.mark.parametrize("ext", [".xlsx", ".docx"])
def test_characters_xml_cannot_hold_are_shown_not_fatal(tmp_path: Path, ext: str) -> None:
    """A page break of text taken from a PDF (form feed) or a control character of an Excel cell
    (「_x000B_」, a line break pasted from Word; 「_x0007_」) in an item: the table is written, a line or
    page break shown as a line break, another such character as 「\ufffd」, the marks still on the changed words."""
    text = "番号法別表第一の16の項\x0c- 2 -\x0b別表第一の59の項\x07"
    edits = [_edit(text, "第一", "", item="0:0"), _edit(text, "16", "24", item="0:0"),
             _edit(text, "第一", "", item="0:0", occurrence=1), _edit(text, "59", "85", item="0:0")]
    rows = change_rows([{"path": "a.txt", "status": "changed", "edits": edits}], dt.date(2024, 5, 27))
    assert rows[0].before == text  # the rows themselves (and the CSV) keep the text as it is
    dest = tmp_path / f"変更箇所{ext}"
    write_changes(rows, dest)
    if ext == ".xlsx":
        ws = openpyxl.load_workbook(str(dest), rich_text=True)["変更箇所"]
        before, after = ws["C2"].value, ws["D2"].value
        shown = (str(before), str(after))
        marked = [b.text for b in after if isinstance(b, TextBlock) and b.font.b and b.font.u == "single"]
    else:
        cells = docx.Document(str(dest)).tables[0].rows[1].cells
        shown = (cells[2].text, cells[3].text)
        marked = [r.text for r in cells[3].paragraphs[0].runs if r.bold and r.underline]
    assert shown == ("番号法別表第一の16の項\n- 2 -\n別表第一の59の項\ufffd", "番号法別表の24の項\n- 2 -\n別表の85の項\ufffd")
    assert marked == ["別表", "24", "別表", "85"]


def test_a_note_or_text_box_says_where_it_is_under_its_headings() -> None:
    """A footnote or text box has the headings of the paragraph it is anchored in; its 項目 adds where it is,
    since its text is not in the body under them."""
    path = ["Ⅰ 基本情報", "１．事務"]
    note = _edit("参考: 別表第一の16の項", "16", "24", item="7:0", location="脚注1 第1段落")
    note["location_detail"] = {"part": "footnotes", "note": 1, "paragraph": 1, "heading": path}
    box = _edit("枠内: 別表第一の16の項", "16", "24", item="5:0", location="本文 テキストボックス1 第1段落")
    box["location_detail"] = {"part": "body", "textbox": 1, "paragraph": 1, "heading": path}
    body = _edit("別表第一の16の項", "16", "24", item="0:0", heading=path)
    rows = change_rows([{"path": "a.docx", "status": "changed", "edits": [body, box, note]}], dt.date(2024, 5, 27))
    assert [r.item for r in rows] == ["Ⅰ 基本情報\n１．事務", "Ⅰ 基本情報\n１．事務\n（本文 テキストボックス1 第1段落）",
                                      "Ⅰ 基本情報\n１．事務\n（脚注1 第1段落）"]


def test_unknown_extension(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"\.docx"):
        write_changes([], tmp_path / "x.txt")


def test_json_report_is_utf8_unescaped(tmp_path: Path) -> None:
    dest = tmp_path / "r.json"
    write_json_report({"files": _files()}, dest)
    text = dest.read_text(encoding="utf-8")
    assert "別表第一の16の項" in text
    assert json.loads(text)["files"][0]["edits"][0]["evidence"] == ["e"]


def test_items_under_one_heading_path_say_where_they_are() -> None:
    """Two cells under the same heading path (Excel B11 and B12 under 「③提供の根拠」) gave two rows that could not be
    told apart: each adds its location; an item alone under its path does not."""
    heading = ["Ⅰ 基本情報", "③提供の根拠"]
    files = [{"path": "評価書.xlsx", "name": "評価書.xlsx", "status": "changed", "edits": [
        _edit("別表第一の16の項", "16", "24", item="0:0", location="評価書!B11", heading=heading),
        _edit("別表第一の16の項", "16", "24", item="1:0", location="評価書!B12", heading=heading),
        _edit("別表第一の59の項", "59", "85", item="2:0", location="評価書!B20", heading=["Ⅰ 基本情報", "④その他"]),
    ]}]
    rows = change_rows(files, dt.date(2024, 5, 27))
    assert [r.item for r in rows] == [
        "Ⅰ 基本情報\n③提供の根拠\n（評価書!B11）", "Ⅰ 基本情報\n③提供の根拠\n（評価書!B12）", "Ⅰ 基本情報\n④その他",
    ]


def test_a_heading_rewritten_in_the_same_run_is_shown_as_it_now_reads() -> None:
    """項目 named the heading of the rows under it with its old wording when the run rewrote the heading itself
    (「（２）番号法別表第二に基づく情報提供」 over a paragraph that cites too): the reviewer could not find that heading in
    the rewritten document.  A heading the run rewrote is shown as it now reads, in every row under it."""
    old_head = "（２）番号法別表第二に基づく情報提供"
    new_name = "番号法第19条第8号に基づく主務省令第2条の表"
    body = "番号法別表第二の27の項による照会を行う。"
    files = [{"path": "評価書.docx", "name": "評価書.docx", "status": "changed", "edits": [
        _edit(old_head, "番号法別表第二", new_name, item="0:0", location="本文 第3段落", heading=["Ⅱ 概要"]),
        _edit(body, "番号法別表第二の27", new_name + "の48", item="0:40", location="本文 第4段落",
              heading=["Ⅱ 概要", old_head]),
    ]}]
    rows = change_rows(files, dt.date(2024, 5, 27))
    assert [r.item for r in rows] == ["Ⅱ 概要", "Ⅱ 概要\n（２）番号法第19条第8号に基づく主務省令第2条の表に基づく情報提供"]

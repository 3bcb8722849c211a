"""An earlier 変更箇所 table (変更前の記載 / 変更後の記載) in a document is history: in Word, Excel
and CSV (and tab-separated text: .tsv, .txt, standard input) its cells are never rewritten, and the
document says it left them."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mynumber_refs.formats import open_document, rewrite_document
from mynumber_refs.rewriter import rewrite

OLD = "番号法別表第二の27の項"
NEW = "番号法第19条第8号に基づく主務省令第2条の表の48の項"
HEADING = ["変更日", "項目", "変更前の記載", "変更後の記載", "提出時期"]


def _rewritten(path: Path) -> tuple[list[str], list[str]]:
    doc = open_document(path)
    edits, _findings = rewrite_document(doc, rewrite)
    doc.save(path)
    return sorted({e.location for e in edits}), list(doc.notes)  # each citation's edits, by place


def test_a_word_change_record_is_left_as_written(tmp_path: Path) -> None:
    path = tmp_path / "pia.docx"
    d = docx.Document()
    d.add_paragraph(OLD + "に基づく。")
    record = d.add_table(rows=2, cols=5)
    for i, h in enumerate(HEADING):
        record.cell(0, i).text = h
    for i, v in enumerate(["令和6年5月27日", "根拠", OLD, OLD, "事後"]):
        record.cell(1, i).text = v
    other = d.add_table(rows=1, cols=2)  # an ordinary table: rewritten
    other.cell(0, 0).text, other.cell(0, 1).text = "根拠", OLD
    d.save(str(path))
    locations, notes = _rewritten(path)
    assert locations == ["本文 第1段落", "本文 表2 行1 列2（根拠）"]
    assert len(notes) == 1 and "本文 表1" in notes[0] and "変更箇所" in notes[0]
    saved = docx.Document(str(path))
    assert [c.text for c in saved.tables[0].rows[1].cells][2:4] == [OLD, OLD]
    assert saved.tables[1].cell(0, 1).text == NEW


def test_a_word_change_record_under_a_title_row_is_left_as_written(tmp_path: Path) -> None:
    path = tmp_path / "record.docx"
    d = docx.Document()
    record = d.add_table(rows=3, cols=5)
    record.cell(0, 0).merge(record.cell(0, 4)).text = "（別添２）変更箇所"
    for i, h in enumerate(HEADING):
        record.cell(1, i).text = h
    record.cell(2, 2).text = OLD
    d.save(str(path))
    locations, notes = _rewritten(path)
    assert locations == [] and len(notes) == 1
    assert docx.Document(str(path)).tables[0].cell(2, 2).text == OLD


def test_an_excel_change_record_is_left_as_written(tmp_path: Path) -> None:
    path = tmp_path / "pia.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = OLD  # above the record: rewritten
    for i, h in enumerate(HEADING, 1):
        ws.cell(row=3, column=i, value=h)
    for i, v in enumerate(["R6", "根拠", OLD, OLD], 1):
        ws.cell(row=4, column=i, value=v)
    ws["G4"] = OLD  # outside the record's columns: rewritten
    wb.save(path)
    locations, notes = _rewritten(path)
    assert [loc.split("（")[0] for loc in locations] == ["Sheet!A1", "Sheet!G4"]
    assert len(notes) == 1 and "A～E列 3行目以降" in notes[0]
    ws = openpyxl.load_workbook(path).active
    assert (ws["C4"].value, ws["D4"].value, ws["A1"].value, ws["G4"].value) == (OLD, OLD, NEW, NEW)


def test_a_csv_change_record_is_left_as_written(tmp_path: Path) -> None:
    record = tmp_path / "changes.csv"
    record.write_bytes(("\ufeff" + ",".join(HEADING) + "\r\n" + f"R6,根拠,{OLD},{NEW},事後\r\n").encode("utf-8"))
    before = record.read_bytes()
    locations, notes = _rewritten(record)
    assert locations == [] and len(notes) == 1 and record.read_bytes() == before
    plain = tmp_path / "list.csv"  # any other CSV is text
    plain.write_text(f"根拠,{OLD}\n", encoding="utf-8")
    locations, notes = _rewritten(plain)
    assert locations and not notes and NEW in plain.read_text(encoding="utf-8")


def test_a_tab_separated_change_record_is_left_as_written(tmp_path: Path) -> None:
    """A 変更箇所 table copied from a spreadsheet into a .tsv or .txt file: tab-separated columns whose
    heading names 変更前… and 変更後….  (A tab-separated text with other headings is rewritten.)"""
    body = "\t".join(HEADING) + "\r\n" + f"R6\t根拠\t{OLD}\t{NEW}\t事後\r\n"
    for name in ("changes.tsv", "changes.txt"):
        record = tmp_path / name
        record.write_bytes(body.encode("cp932"))
        before = record.read_bytes()
        locations, notes = _rewritten(record)
        assert locations == [] and len(notes) == 1 and record.read_bytes() == before
    plain = tmp_path / "list.tsv"
    plain.write_text(f"項目\t根拠\n提供\t{OLD}\n", encoding="utf-8")
    locations, notes = _rewritten(plain)
    assert locations and not notes and NEW in plain.read_text(encoding="utf-8")


def test_a_tab_separated_change_record_on_standard_input_is_left_as_written() -> None:
    import subprocess
    import sys

    body = ("\t".join(HEADING) + "\n" + f"R6\t根拠\t{OLD}\t{NEW}\t事後\n").encode("utf-8")
    done = subprocess.run([sys.executable, "-m", "mynumber_refs", "rewrite", "-"], input=body, capture_output=True, check=False)
    assert done.returncode == 0 and done.stdout == body
    assert "変更箇所" in done.stderr.decode("utf-8")
    # no 変更前 column: rewritten (with no new table beside it in its row, which is a change record's row on its own)
    other = body.replace("変更前の記載".encode(), "記載".encode()).replace(f"\t{NEW}\t".encode(), "\t住民票関係情報\t".encode())
    done = subprocess.run([sys.executable, "-m", "mynumber_refs", "rewrite", "-"], input=other, capture_output=True, check=False)
    assert NEW.encode() in done.stdout and done.stdout.count(OLD.encode()) == 0


def test_a_tab_separated_change_record_under_a_title_is_left_as_written(tmp_path: Path) -> None:
    """A 変更箇所 table copied from a sheet with its title row (「（別添２）変更箇所」) above the heading: the record
    runs from its heading line, wherever it stands, as in a sheet; the lines above it are read as usual (the old
    side of the record was rewritten when the heading was not the first line)."""
    above = f"（別添２）変更箇所\n{OLD}に基づく。\n\n"
    record = "\t".join(HEADING) + "\n" + f"R6\t根拠\t{OLD}\t{NEW}\t事後\n"
    path = tmp_path / "changes.txt"
    path.write_text(above + record, encoding="utf-8")
    locations, notes = _rewritten(path)
    assert path.read_text(encoding="utf-8") == f"（別添２）変更箇所\n{NEW}に基づく。\n\n" + record
    assert notes == ["4行目以降: 変更箇所の記録（変更前・変更後の記載）のため、書き換えていません / 4行目以降: a change record"
                     " (before/after), left as written"]
    assert locations == ["2行目"]
    titled = tmp_path / "titled.tsv"  # a title alone above it: nothing to rewrite
    titled.write_bytes(("（別添２）変更箇所\t\t\t\t\r\n" + record.replace("\n", "\r\n")).encode("cp932"))
    before = titled.read_bytes()
    locations, notes = _rewritten(titled)
    assert locations == [] and len(notes) == 1 and "2行目以降" in notes[0] and titled.read_bytes() == before


def test_a_tab_separated_change_record_under_a_title_on_standard_input_is_left_as_written() -> None:
    import subprocess
    import sys

    record = "\t".join(HEADING) + "\n" + f"R6\t根拠\t{OLD}\t{NEW}\t事後\n"
    body = (f"（別添２）変更箇所\n{OLD}に基づく。\n" + record).encode("utf-8")
    done = subprocess.run([sys.executable, "-m", "mynumber_refs", "rewrite", "-"], input=body, capture_output=True, check=False)
    assert done.returncode == 0
    assert done.stdout.decode("utf-8") == f"（別添２）変更箇所\n{NEW}に基づく。\n" + record
    assert "3行目以降" in done.stderr.decode("utf-8")


def _marked(path: Path, assume: bool = True) -> tuple[list[str], list[tuple[str, str, str]]]:
    """The edits' places and the marked-old findings (place, text, message's mark) of a rewrite of ``path``."""
    import functools

    doc = open_document(path)
    edits, findings = rewrite_document(doc, functools.partial(rewrite, assume_law=assume))
    doc.save(path)
    return (sorted({e.location for e in edits}),
            [(f.location, f.text, f.message.split("」")[0].lstrip("「")) for f in findings if f.reason == "marked-old"])


def _word_table(path: Path, rows: list[list[str]]) -> None:
    d = docx.Document()
    table = d.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    d.save(str(path))


def _sheet(path: Path, rows: list[list[str]]) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    for r, row in enumerate(rows, 1):
        for c, value in enumerate(row, 1):
            if value:
                ws.cell(row=r, column=c, value=value)
    wb.save(path)


def test_a_word_cell_under_a_column_of_old_text_is_kept_and_reported(tmp_path: Path) -> None:
    """A 新旧対照表 in Word (「改正前」｜「改正後」, not a 変更箇所 record): the cell under 「改正前」 is the old wording, kept
    and reported as marked-old, as in tab-separated text; the other cells are rewritten (it was rewritten into the new
    column's wording)."""
    path = tmp_path / "taisho.docx"
    _word_table(path, [["項目", "改正前", "改正後", "備考"],
                       ["照会の根拠", OLD, NEW, OLD + "に基づく照会"]])
    locations, marked = _marked(path)
    assert locations == ["本文 表1 行2 列4（照会の根拠）"]
    assert marked == [("本文 表1 行2 列2（照会の根拠）", OLD, "改正前")]
    cells = [c.text for c in docx.Document(str(path)).tables[0].rows[1].cells]
    assert cells == ["照会の根拠", OLD, NEW, NEW + "に基づく照会"]


def test_a_word_cell_beside_a_row_of_old_text_is_kept_and_reported(tmp_path: Path) -> None:
    """A notification form in Word: the row headed 「根拠規定（改正前）」 holds the old wording; the row headed
    「根拠規定（改正後）」 is rewritten."""
    path = tmp_path / "form.docx"
    _word_table(path, [["届出事項", "内容"], ["根拠規定（改正前）", OLD], ["根拠規定（改正後）", OLD]])
    locations, marked = _marked(path)
    assert locations == ["本文 表1 行3 列2（根拠規定（改正後））"]
    assert marked == [("本文 表1 行2 列2（根拠規定（改正前））", OLD, "根拠規定（改正前）")]


def test_an_excel_cell_under_a_column_of_old_text_is_kept_and_reported(tmp_path: Path) -> None:
    """In a sheet the column headed 「旧」 (「変更前の記載」 without a 変更後 column) holds old wording down to a header of
    new wording (「改正後」) written lower in the same column (a vertical layout)."""
    path = tmp_path / "taisho.xlsx"
    _sheet(path, [["No.", "旧", "新"],
                  ["1", "番号法別表第一の16の項", "番号法別表の24の項"],
                  ["2", OLD, NEW],
                  ["", "改正後", ""],
                  ["3", OLD, ""]])
    locations, marked = _marked(path)
    assert [loc.split("（")[0] for loc in locations] == ["Sheet!B5"]
    assert marked == [("Sheet!B2", "番号法別表第一の16の項", "旧"), ("Sheet!B3", OLD, "旧")]
    ws = openpyxl.load_workbook(path).active
    assert (ws["B2"].value, ws["B3"].value, ws["B5"].value) == ("番号法別表第一の16の項", OLD, NEW)


@pytest.mark.parametrize("assume", [True, False])
def test_an_excel_cell_beside_a_row_of_old_text_is_kept(tmp_path: Path, assume: bool) -> None:
    path = tmp_path / "rows.xlsx"
    _sheet(path, [["変更前の記載", "番号法第19条第7号及び別表第二の27の項"], ["変更後の記載", "番号法第19条第7号及び別表第二の27の項"]])
    locations, marked = _marked(path, assume)
    assert [loc.split("（")[0] for loc in locations] == ["Sheet!B2"]
    assert [m[:2] for m in marked] == [("Sheet!B1（変更前の記載）", "別表第二の27の項")]
    ws = openpyxl.load_workbook(path).active
    assert ws["B1"].value == "番号法第19条第7号及び別表第二の27の項"  # (its 第7号 too: one group)


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 3), st.integers(0, 3), st.sampled_from(["改正前", "変更前の記載", "旧", "改 正 前"]), st.booleans())
def test_a_cell_is_kept_exactly_when_its_column_is_headed_as_the_old_text(old_col: int, rows: int, head: str, word: bool) -> None:
    """In Word and Excel as in tab-separated text: the cells of the column headed as the old text are kept, the same
    citation in every other column is rewritten."""
    import tempfile

    cols = 4
    table = [[head if i == old_col else f"列{i}" for i in range(cols)]]
    table += [["x"] * cols for _ in range(rows)]
    table.append(["番号法別表第一の16の項"] * cols)
    path = Path(tempfile.mkdtemp()) / ("t.docx" if word else "t.xlsx")
    (_word_table if word else _sheet)(path, table)
    _locations, marked = _marked(path)
    if word:
        last = [c.text for c in docx.Document(str(path)).tables[0].rows[-1].cells]
    else:
        last = [c.value for c in list(openpyxl.load_workbook(path).active.rows)[-1]]
    assert last == ["番号法別表第一の16の項" if i == old_col else "番号法別表の24の項" for i in range(cols)]
    assert len(marked) == 1


def test_a_word_record_of_revisions_is_kept_under_its_title_or_column(tmp_path: Path) -> None:
    """A Word 改訂履歴 table: the cells under its title row (merged over the columns) or under a 「改訂内容」 header are
    history, kept and reported as marked-old."""
    path = tmp_path / "history.docx"
    d = docx.Document()
    titled = d.add_table(rows=3, cols=3)
    titled.cell(0, 0).merge(titled.cell(0, 2)).text = "改訂履歴"
    for c, value in enumerate(["版", "改訂日", "内容"]):
        titled.cell(1, c).text = value
    for c, value in enumerate(["2", "令和5年4月1日", OLD]):
        titled.cell(2, c).text = value
    headed = d.add_table(rows=2, cols=3)
    for c, value in enumerate(["版", "改訂日", "改訂内容"]):
        headed.cell(0, c).text = value
    for c, value in enumerate(["3", "令和6年6月1日", OLD + "に基づく照会を記載"]):
        headed.cell(1, c).text = value
    d.save(str(path))
    locations, marked = _marked(path)
    assert locations == []
    assert [m[1:] for m in marked] == [(OLD, "改訂履歴"), (OLD, "改訂内容")]
    saved = docx.Document(str(path))
    assert (saved.tables[0].cell(2, 2).text, saved.tables[1].cell(1, 2).text) == (OLD, OLD + "に基づく照会を記載")


def test_an_excel_record_of_revisions_is_kept_in_its_column(tmp_path: Path) -> None:
    path = tmp_path / "history.xlsx"
    _sheet(path, [["版", "変更日", "変更内容", "備考"], ["2", "令和5年4月1日", OLD + "に基づく照会", OLD]])
    locations, marked = _marked(path)
    assert [loc.split("（")[0] for loc in locations] == ["Sheet!D2"]
    assert [(m[0].split("（")[0], m[2]) for m in marked] == [("Sheet!C2", "変更内容")]


def test_a_current_text_header_does_not_end_a_column_of_old_text(tmp_path: Path) -> None:
    """「現行」 is the old text in a 新旧対照表 beside 「改正案」, the current one elsewhere: it neither marks a column nor ends
    the column of old text it stands in (it ended the search for a header, and the cell under it was rewritten)."""
    path = tmp_path / "vertical.xlsx"
    _sheet(path, [["改正前"], ["現行"], [OLD]])
    locations, marked = _marked(path)
    assert locations == [] and [m[2] for m in marked] == ["改正前"]


@pytest.mark.parametrize("word", [True, False])
def test_a_current_column_beside_a_draft_column_is_kept(tmp_path: Path, word: bool) -> None:
    """A 新旧対照表 of a draft amendment in Word or Excel: the cell under 「現行」 in a header row that also has 「改正案」 is
    the text before the amendment, kept and reported as in tab-separated text; the 改正案 cell is rewritten.  Without
    改正案 in the row, 「現行」 is only the present text and its cell is rewritten."""
    path = tmp_path / ("t.docx" if word else "t.xlsx")
    (_word_table if word else _sheet)(path, [["項目", "改正案", "現 行"], ["照会の根拠", OLD, OLD]])
    locations, marked = _marked(path)
    assert [loc.split(" 列")[-1].split("（")[0] if word else loc.split("（")[0] for loc in locations] == (
        ["2"] if word else ["Sheet!B2"])
    assert [m[1:] for m in marked] == [(OLD, "現行")]
    plain = tmp_path / ("p.docx" if word else "p.xlsx")
    (_word_table if word else _sheet)(plain, [["項目", "備考", "現行"], ["照会の根拠", "", OLD]])
    locations, marked = _marked(plain)
    assert len(locations) == 1 and marked == []


def test_a_word_table_under_a_record_of_revisions_title_is_kept(tmp_path: Path) -> None:
    """A 「改訂履歴」 paragraph right above a Word table (empty paragraphs between aside) titles every column of the
    table, as a title line over rows of tab-separated cells does: its cells are history, kept and reported; a table
    under another paragraph is rewritten."""
    path = tmp_path / "history.docx"
    d = docx.Document()
    d.add_paragraph("３．改訂履歴")
    d.add_paragraph("")
    titled = d.add_table(rows=2, cols=3)
    for c, value in enumerate(["版", "改訂日", "内容"]):
        titled.cell(0, c).text = value
    for c, value in enumerate(["2", "令和5年4月1日", OLD + "に基づく照会を追加"]):
        titled.cell(1, c).text = value
    d.add_paragraph("４．特定個人情報の提供")
    other = d.add_table(rows=2, cols=2)
    other.cell(0, 0).text, other.cell(0, 1).text = "項目", "根拠"
    other.cell(1, 0).text, other.cell(1, 1).text = "提供", OLD
    d.save(str(path))
    locations, marked = _marked(path)
    assert locations == ["本文 表2 行2 列2（提供）"]
    assert [m[1:] for m in marked] == [(OLD, "改訂履歴")]
    saved = docx.Document(str(path))
    assert (saved.tables[0].cell(1, 2).text, saved.tables[1].cell(1, 1).text) == (OLD + "に基づく照会を追加", NEW)


def test_an_excel_title_row_of_a_record_of_revisions_heads_every_column(tmp_path: Path) -> None:
    """In a sheet a row holding only 「改訂履歴」 titles the rows of cells under it down to an empty row, every column."""
    path = tmp_path / "history.xlsx"
    _sheet(path, [["改訂履歴"], ["版", "改訂日", "内容"], ["2", "令和5年4月1日", OLD], ["", "", ""],
                  ["項目", "根拠", ""], ["提供", OLD, ""]])
    locations, marked = _marked(path)
    assert [loc.split("（")[0] for loc in locations] == ["Sheet!B6"]
    assert [(m[0].split("（")[0], m[2]) for m in marked] == [("Sheet!C3", "改訂履歴")]


@pytest.mark.parametrize("word", [True, False])
def test_a_column_header_is_read_past_sixty_rows(tmp_path: Path, word: bool) -> None:
    """The header of a column of old text is looked for as far up as in tab-separated text (200 rows)."""
    path = tmp_path / ("t.docx" if word else "t.xlsx")
    (_word_table if word else _sheet)(path, [["No.", "改正前"]] + [[str(k), "x"] for k in range(80)] + [["81", OLD]])
    locations, marked = _marked(path)
    assert locations == [] and [m[2] for m in marked] == ["改正前"]


@pytest.mark.parametrize("word", [True, False])
@pytest.mark.parametrize("top", [
    [["改訂履歴", "", ""], ["版", "改訂日", "改訂内容"], ["1.0", "令和5年4月1日", "初版"]],
    [["版", "改訂日", "改訂内容"], ["1.0", "令和5年4月1日", "初版"]],
    [["項目", "現行", "改正案"], ["名称", "旧名称", "新名称"]],
])
@pytest.mark.parametrize("gap", [["1. 基本情報", "", ""], ["", "", ""]])
def test_a_heading_row_or_an_empty_row_ends_the_reach_of_a_record_above(
        tmp_path: Path, word: bool, top: list[list[str]], gap: list[str]) -> None:
    """A sheet (or one Word table) that opens with a record of revisions or a 新旧対照表 and goes on, past a heading
    written alone in another column (「1. 基本情報」) or an empty row, with the document's present text: the cells there
    are rewritten, as under a line without a tab or a blank line in tab-separated text (they were kept as marked-old
    under 「改訂履歴」, 「改訂内容」 or 「現行」 up to 200 rows above)."""
    path = tmp_path / ("t.docx" if word else "t.xlsx")
    (_word_table if word else _sheet)(path, top + [gap, ["項目", "内容", ""], ["法令上の根拠", OLD, OLD]])
    locations, marked = _marked(path, assume=False)
    assert marked == []
    if word:
        assert [c.text for c in docx.Document(str(path)).tables[0].rows[-1].cells] == ["法令上の根拠", NEW, NEW]
    else:
        assert [c.value for c in list(openpyxl.load_workbook(path).active.rows)[-1]] == ["法令上の根拠", NEW, NEW]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(["現行", "改正案", "改正前", "改正後", "備考", "項目"]), min_size=2, max_size=4),
       st.sampled_from(["", "改訂履歴", "３．改訂履歴", "３．提供先"]), st.integers(0, 3), st.booleans())
def test_word_and_excel_cells_are_kept_as_tab_separated_text_keeps_them(
        header: list[str], title: str, rows: int, word: bool) -> None:
    """A table in Word or Excel keeps the cells of the old text that the same table written as tab-separated text (its
    title a line above it) keeps: the header row's 「現行」 beside 「改正案」, 「改正前」, a 改訂履歴 title; and no other
    cell, but under a 改訂履歴 title (tab-separated text reads the nearest header row that has a header of old text
    instead, and rewrites the other columns of that record)."""
    import tempfile

    table = [header] + [["x"] * len(header) for _ in range(rows)] + [[OLD] * len(header)]
    text = (title + "\n" if title else "") + "\n".join("\t".join(r) for r in table) + "\n"
    expected = rewrite(text, assume_law=True).text.rstrip("\n").split("\n")[-1].split("\t")
    path = Path(tempfile.mkdtemp()) / ("t.docx" if word else "t.xlsx")
    if word:
        d = docx.Document()
        if title:
            d.add_paragraph(title)
        t = d.add_table(rows=len(table), cols=len(header))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                t.cell(r, c).text = value
        d.save(str(path))
    else:
        _sheet(path, ([[title]] if title else []) + table)
    _marked(path)
    if word:
        last = [c.text for c in docx.Document(str(path)).tables[0].rows[-1].cells]
    else:
        last = [c.value for c in list(openpyxl.load_workbook(path).active.rows)[-1]]
    for got, text_gives in zip(last, expected, strict=True):
        assert got == text_gives or (got == OLD and "履歴" in title)


@pytest.mark.parametrize("word", [True, False])
def test_a_heading_merged_over_the_columns_ends_the_reach_of_a_record_above(tmp_path: Path, word: bool) -> None:
    """A heading merged over every column (「1. 基本情報」) between a 改訂履歴 record and the document's present text
    ends the record as a heading in the first column does (the cells under it were kept as marked-old); a one-column
    table's single cells do not end its column (「改正前」 over them still keeps its last cell)."""
    rows = [["改訂履歴", "", ""], ["版", "改訂日", "改訂内容"], ["1.0", "令和5年4月1日", "初版"], ["1. 基本情報", "", ""],
            ["項目", "内容", ""], ["法令上の根拠", OLD, OLD]]
    path = tmp_path / ("t.docx" if word else "t.xlsx")
    if word:
        d = docx.Document()
        table = d.add_table(rows=len(rows), cols=3)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.cell(r, c).text = value
        for r in (0, 3):
            table.cell(r, 0).merge(table.cell(r, 2)).text = rows[r][0]
        d.save(str(path))
    else:
        wb = openpyxl.Workbook()
        ws = wb.active
        for r, row in enumerate(rows, 1):
            for c, value in enumerate(row, 1):
                if value:
                    ws.cell(row=r, column=c, value=value)
        ws.merge_cells("A1:C1")
        ws.merge_cells("A4:C4")
        wb.save(path)
    _locations, marked = _marked(path, assume=False)
    assert marked == []
    if word:
        assert [c.text for c in docx.Document(str(path)).tables[0].rows[-1].cells] == ["法令上の根拠", NEW, NEW]
    else:
        assert [c.value for c in list(openpyxl.load_workbook(path).active.rows)[-1]] == ["法令上の根拠", NEW, NEW]
    single = tmp_path / ("s.docx" if word else "s.xlsx")
    (_word_table if word else _sheet)(single, [["改正前"], ["児童手当"], [OLD]])
    _locations, marked = _marked(single, assume=False)
    assert [m[2] for m in marked] == ["改正前"]


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(["改正前", "改訂内容", "変更前の記載", "現行", "旧"]), st.booleans(), st.integers(0, 3),
       st.sampled_from(["", "２．基本情報"]), st.booleans())
def test_a_record_above_a_gap_keeps_no_cell_below_it_as_text_keeps_none(
        head: str, titled: bool, rows: int, heading: str, word: bool) -> None:
    """Past an empty row or a heading alone in the first column, a header of old text or a 改訂履歴 title above keeps no
    cell of the rows below, in Word and Excel as in the same table written as tab-separated text (a blank line or a
    line without a tab): every cell of the later rows is rewritten."""
    import tempfile

    top = ([["改訂履歴", "", ""]] if titled else []) + [["版", head, "改正案"]] + [["1", "x", "y"] for _ in range(rows)]
    body = [["項目", "根拠", "備考"], ["提供", OLD, OLD]]
    gap = [heading, "", ""]
    lines = ["\t".join(c for c in r if c) if not any(r[1:]) else "\t".join(r) for r in top]
    text = "\n".join(lines) + "\n" + (heading + "\n" if heading else "\n") + "\n".join("\t".join(r) for r in body) + "\n"
    expected = rewrite(text).text.rstrip("\n").split("\n")[-1].split("\t")
    assert expected == ["提供", NEW, NEW]
    path = Path(tempfile.mkdtemp()) / ("t.docx" if word else "t.xlsx")
    (_word_table if word else _sheet)(path, top + [gap] + body)
    _locations, marked = _marked(path, assume=False)
    if word:
        last = [c.text for c in docx.Document(str(path)).tables[0].rows[-1].cells]
    else:
        last = [c.value for c in list(openpyxl.load_workbook(path).active.rows)[-1]]
    assert last == expected and marked == []

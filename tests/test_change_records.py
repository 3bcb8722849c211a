"""An earlier 変更箇所 table (変更前の記載 / 変更後の記載) in a document is history: in Word, Excel
and CSV (and tab-separated text: .tsv, .txt, standard input) its cells are never rewritten, and the
document says it left them."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl

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

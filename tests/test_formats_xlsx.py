"""Excel workbooks: every text cell of every sheet, formulas/styles/merges/widths unchanged,
rich text keeps its fonts, macros kept, unsafe workbooks refused."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Alignment, Font, PatternFill

from mynumber_refs.formats import FormatError, open_document, rewrite_document
from mynumber_refs.rewriter import rewrite

OLD = "番号利用法第9条第1項別表第一の16の項"
NEW = "番号利用法第9条第1項別表の24の項"


def build_xlsx(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "評価書"
    ws["A1"] = "②事務の内容"
    ws["B1"] = "番号利用法第9条第1項\n別表第一の16の項に基づき、\n番号利用法別表第一の59の項"
    ws["B1"].font = Font(name="ＭＳ 明朝", bold=True, color="FF0000", size=10.5)
    ws["B1"].alignment = Alignment(wrap_text=True, vertical="top")
    ws["B1"].fill = PatternFill("solid", fgColor="FFFF00")
    ws["C1"] = 3
    ws["C2"] = 4
    ws["C3"] = "=SUM(C1:C2)"
    ws["C4"] = '="番号利用法別表第一の16の項"'  # a formula holding the text: never touched
    ws["C3"].number_format = "0.00"
    ws.merge_cells("A5:D6")
    ws["A5"] = "番号利用法別表第一の36の2の項"
    ws.column_dimensions["B"].width = 48
    ws.row_dimensions[1].height = 60
    ws["E1"] = CellRichText([TextBlock(InlineFont(b=True), "番号利用法別表第"), "一の1",
                             TextBlock(InlineFont(i=True), "6の項")])
    ws2 = wb.create_sheet("別紙")
    ws2["B2"] = OLD
    ws2["B3"] = "関係のない文章"
    wb.save(str(path))


@pytest.fixture()
def sample(tmp_path: Path) -> Path:
    p = tmp_path / "評価書.xlsx"
    build_xlsx(p)
    return p


def test_rewrite_cells_and_keep_everything_else(sample: Path, tmp_path: Path) -> None:
    doc = open_document(sample)
    # cells that cannot hold a citation (「②事務の内容」, 「関係のない文章」) are not units
    # B1 is labelled with the item to its left; E1's nearest text to the left is a citation, no label
    labels = ["評価書!B1（②事務の内容）", "評価書!E1", "評価書!A5", "別紙!B2"]
    assert [u.location.label for u in doc.units] == labels
    edits, findings = rewrite_document(doc, rewrite)
    assert not findings
    assert {e.location for e in edits} == set(labels)
    out = tmp_path / "out.xlsx"
    doc.save(out)
    wb = openpyxl.load_workbook(str(out), rich_text=True)
    ws = wb["評価書"]
    assert ws["B1"].value == "番号利用法第9条第1項\n別表の24の項に基づき、\n番号利用法別表の85の項"
    assert ws["B1"].font.b and ws["B1"].font.color.rgb == "00FF0000" and ws["B1"].font.name == "ＭＳ 明朝"
    assert ws["B1"].alignment.wrap_text and ws["B1"].fill.fgColor.rgb == "00FFFF00"
    assert ws["C3"].value == "=SUM(C1:C2)" and ws["C3"].number_format == "0.00"
    assert ws["C4"].value == '="番号利用法別表第一の16の項"'
    assert [str(r) for r in ws.merged_cells.ranges] == ["A5:D6"]
    assert ws["A5"].value == "番号利用法別表の55の項"
    assert ws.column_dimensions["B"].width == 48 and ws.row_dimensions[1].height == 60
    rich = ws["E1"].value
    assert isinstance(rich, CellRichText) and str(rich) == "番号利用法別表の24の項"
    blocks = [(b.text, b.font.b, b.font.i) if isinstance(b, TextBlock) else (b, None, None) for b in rich]
    assert blocks[0] == ("番号利用法別表", True, False)
    assert blocks[-1] == ("の項", False, True)
    assert wb["別紙"]["B2"].value == NEW and wb["別紙"]["B3"].value == "関係のない文章"
    assert wb.sheetnames == ["評価書", "別紙"]


def test_row_labels_come_from_the_left_and_from_merged_cells(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "評価書"
    ws["A2"] = "Ⅰ 基本情報"
    ws.merge_cells("B3:B4")
    ws["B3"] = "②法令上の根拠"
    ws["D3"] = OLD
    ws["D4"] = "番号利用法別表第一の59の項"
    ws["A5"] = "12"
    ws["C5"] = OLD
    p = tmp_path / "labels.xlsx"
    wb.save(str(p))
    doc = open_document(p)
    # (B3 itself is read too: 法令 might begin a citation)
    assert [u.location.label for u in doc.units] == [
        "評価書!B3", "評価書!D3（②法令上の根拠）", "評価書!D4（②法令上の根拠）", "評価書!C5"]
    assert doc.units[2].location.detail["row_label"] == "②法令上の根拠"
    assert len(wb["評価書"]._cells) == len(openpyxl.load_workbook(str(p))["評価書"]._cells)


def test_formula_values_are_recomputed_unchanged(sample: Path, tmp_path: Path) -> None:
    doc = open_document(sample)
    rewrite_document(doc, rewrite)
    out = tmp_path / "o.xlsx"
    doc.save(out)
    with zipfile.ZipFile(out) as zf:
        sheet = zf.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>SUM(C1:C2)</f>" in sheet


def test_xlsm_keeps_macros(tmp_path: Path, sample: Path) -> None:
    xlsm = tmp_path / "macro.xlsm"
    vba = b"\xd0\xcf\x11\xe0fake VBA project, never run"
    with zipfile.ZipFile(sample) as src, zipfile.ZipFile(xlsm, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(
                    b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                    b"application/vnd.ms-excel.sheet.macroEnabled.main+xml")
                data = data.replace(b"</Types>", b'<Default Extension="bin" '
                                    b'ContentType="application/vnd.ms-office.vbaProject"/></Types>')
            if info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdVba" '
                                    b'Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" '
                                    b'Target="vbaProject.bin"/></Relationships>')
            dst.writestr(info, data)
        dst.writestr("xl/vbaProject.bin", vba)
    doc = open_document(xlsm)
    edits, _ = rewrite_document(doc, rewrite)
    assert edits
    doc.save(xlsm)
    with zipfile.ZipFile(xlsm) as zf:
        assert zf.read("xl/vbaProject.bin") == vba
        assert b"macroEnabled" in zf.read("[Content_Types].xml")
    assert openpyxl.load_workbook(str(xlsm), keep_vba=True)["別紙"]["B2"].value == NEW


def test_encrypted_workbook_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "暗号化.xlsx"
    data = bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 1000
    p.write_bytes(data)
    with pytest.raises(FormatError) as info:
        open_document(p)
    msg = str(info.value)
    assert "暗号化.xlsx" in msg and "パスワードで保護" in msg and "password-protected" in msg
    assert p.read_bytes() == data


def test_corrupt_workbook_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(p, "w") as zf:
        zf.writestr("xl/workbook.xml", "<not-closed")
    with pytest.raises(FormatError, match="Excel ブック"):
        open_document(p)


def test_shapes_that_openpyxl_would_drop_block_saving(tmp_path: Path, sample: Path) -> None:
    p = tmp_path / "shapes.xlsx"
    with zipfile.ZipFile(sample) as src, zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.writestr("xl/drawings/drawing1.xml",
                     '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing">'
                     "<xdr:twoCellAnchor><xdr:sp><xdr:txBody/></xdr:sp></xdr:twoCellAnchor></xdr:wsDr>")
    before = p.read_bytes()
    doc = open_document(p)
    assert any("図形" in n for n in doc.notes)
    rewrite_document(doc, rewrite)
    with pytest.raises(FormatError, match="図形"):
        doc.save(p)
    assert p.read_bytes() == before

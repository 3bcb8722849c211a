"""Excel workbooks: every text cell of every sheet, formulas/styles/merges/widths unchanged,
rich text keeps its fonts, macros kept, unsafe workbooks refused; only the changed XML parts are
written again (shapes, furigana and every other part kept); the text in shapes (text boxes, groups)
is rewritten like rich text."""

from __future__ import annotations

import functools
import zipfile
from pathlib import Path

import openpyxl
import pytest
from lxml import etree
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Alignment, Font, PatternFill

from mynumber_refs.formats import FormatError, open_document, rewrite_document
from mynumber_refs.model import Edit
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
    # (no numbers in C1 and C2: a bare number right of B1's row, or diagonally below it past an empty cell, is read as
    # its rows and keeps it, since session 19; the formula sums empty cells)
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
    # B1 is labelled with the item to its left; E1's nearest text to the left is a citation, no label;
    # the formula C4 is read (its citation is reported) but never rewritten
    labels = ["評価書!B1（②事務の内容）", "評価書!E1", "評価書!C4", "評価書!A5", "別紙!B2"]
    assert [u.location.label for u in doc.units] == labels
    edits, findings = rewrite_document(doc, rewrite)
    assert [(f.location, f.reason, f.text, f.proposed) for f in findings] == [
        ("評価書!C4", "formula-not-rewritten", "番号利用法別表第一の16の項", "番号利用法別表の24の項")]
    assert {e.location for e in edits} == set(labels) - {"評価書!C4"}
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
    wb = openpyxl.load_workbook(str(xlsm), keep_vba=True)
    # (openpyxl keeps a copy of the archive open in memory for the VBA project, which it never closes: closed here,
    # it is not left to the garbage collector to close after its buffer, a PytestUnraisableExceptionWarning in a
    # later test)
    with wb.vba_archive:
        assert wb["別紙"]["B2"].value == NEW


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


MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'


def members(path: Path) -> list[tuple[str, int, bytes]]:
    """Every member of a ZIP archive, in order: name, compression type, uncompressed bytes."""
    with zipfile.ZipFile(path) as zf:
        return [(i.filename, i.compress_type, zf.read(i)) for i in zf.infolist()]


def raw_book(path: Path, rows: str, sst: str | None = None, sst_name: str = "xl/strings/shared.xml",
             merges: str = "") -> None:
    """A workbook written by hand: one sheet 「評価書」 with ``rows`` (``<row>`` elements), and the
    shared strings ``sst`` (``<si>`` elements) under a name other than the usual one."""
    overrides = ('<Override PartName="/xl/workbook.xml" ContentType="application/'
                 'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                 '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
                 'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>')
    rels = f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    if sst is not None:
        overrides += (f'<Override PartName="/{sst_name}" ContentType="application/'
                      'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')
        rels += f'<Relationship Id="rId2" Type="{REL}/sharedStrings" Target="{sst_name[3:]}"/>'
    parts = {
        "[Content_Types].xml": DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>' + overrides + "</Types>",
        "_rels/.rels": DECL + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": DECL + f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>'
        '<sheet name="評価書" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": DECL + '<Relationships xmlns="http://schemas.openxmlformats.org/package/'
        f'2006/relationships">{rels}</Relationships>',
        "xl/worksheets/sheet1.xml": DECL + f'<worksheet xmlns="{MAIN}"><sheetData>{rows}</sheetData>{merges}'
        "</worksheet>",
    }
    if sst is not None:
        parts[sst_name] = DECL + f'<sst xmlns="{MAIN}" count="2" uniqueCount="1">{sst}</sst>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in parts.items():
            zf.writestr(name, text.encode("utf-8"))


def sst_root(path: Path, name: str = "xl/strings/shared.xml") -> etree._Element:
    with zipfile.ZipFile(path) as zf:
        return etree.fromstring(zf.read(name))


def q(tag: str) -> str:
    return f"{{{MAIN}}}{tag}"


def test_shapes_and_every_untouched_part_are_kept_byte_for_byte(tmp_path: Path, sample: Path) -> None:
    p = tmp_path / "shapes.xlsx"
    drawing = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
               '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" '
               'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor>'
               '<xdr:from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>7</xdr:row><xdr:rowOff>0</xdr:rowOff>'
               '</xdr:from><xdr:to><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>10</xdr:row>'
               '<xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="2" '
               'name="テキスト ボックス 1"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr>'
               '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr><xdr:txBody><a:bodyPr/><a:p><a:r>'
               '<a:t>要確認</a:t></a:r></a:p></xdr:txBody></xdr:sp><xdr:clientData/></xdr:twoCellAnchor>'
               '</xdr:wsDr>').encode()
    with zipfile.ZipFile(sample) as src, zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/xl/drawings/drawing1.xml" ContentType='
                                    b'"application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>')
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"</worksheet>", f'<drawing xmlns:r="{REL}" r:id="rIdDr1"/></worksheet>'.encode())
            dst.writestr(info, data)
        dst.writestr("xl/worksheets/_rels/sheet1.xml.rels",
                     '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                     f'<Relationship Id="rIdDr1" Type="{REL}/drawing" Target="../drawings/drawing1.xml"/>'
                     "</Relationships>")
        dst.writestr("xl/drawings/drawing1.xml", drawing, zipfile.ZIP_STORED)
    before = members(p)
    doc = open_document(p)
    assert not doc.notes
    edits, _ = rewrite_document(doc, rewrite)
    assert edits and doc.changed
    doc.save(p)
    after = members(p)
    # same members, same order, same compression; only the two sheets holding the changed cells differ
    assert [(n, c) for n, c, _ in after] == [(n, c) for n, c, _ in before]
    changed = {n for (n, _, a), (_, _, b) in zip(after, before, strict=True) if a != b}
    assert changed == {"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"}
    assert dict((n, d) for n, _, d in after)["xl/drawings/drawing1.xml"] == drawing
    sheet1 = etree.fromstring(dict((n, d) for n, _, d in after)["xl/worksheets/sheet1.xml"])
    assert sheet1.find(q("drawing")).get(f"{{{REL}}}id") == "rIdDr1"
    wb = openpyxl.load_workbook(str(p))
    assert wb["別紙"]["B2"].value == NEW and wb["評価書"]["A5"].value == "番号利用法別表の55の項"


FURIGANA_SI = ("<si><t>番号利用法別表第一の16の項の事務</t>"
               '<rPh sb="0" eb="2"><t>バンゴウ</t></rPh>'  # before the edits: kept as it is
               '<rPh sb="7" eb="9"><t>ダイイチ</t></rPh>'  # over 「第一」 (removed): dropped
               '<rPh sb="9" eb="10"><t>ノ</t></rPh>'  # between the two edits: shifted by -2
               '<rPh sb="10" eb="12"><t>ジュウロク</t></rPh>'  # over 「16」 (replaced): dropped
               '<rPh sb="15" eb="17"><t>ジム</t></rPh>'  # after both edits: shifted by -2
               '<phoneticPr fontId="1" type="Hiragana"/></si>')


def test_furigana_kept_and_shifted_or_dropped_with_a_note(tmp_path: Path) -> None:
    p = tmp_path / "ふりがな.xlsx"
    raw_book(p, '<row r="1"><c r="A1" t="s"><v>0</v></c></row>', FURIGANA_SI)
    doc = open_document(p)
    assert [u.text for u in doc.units] == ["番号利用法別表第一の16の項の事務"]
    rewrite_document(doc, rewrite)
    doc.save(p)
    si = sst_root(p).find(q("si"))
    assert "".join(t.text for t in si.findall(q("t"))) == "番号利用法別表の24の項の事務"
    guides = [(r.get("sb"), r.get("eb"), r.find(q("t")).text) for r in si.findall(q("rPh"))]
    assert guides == [("0", "2", "バンゴウ"), ("7", "8", "ノ"), ("13", "15", "ジム")]
    assert si.find(q("phoneticPr")).get("type") == "Hiragana"
    assert len(doc.notes) == 1
    note = doc.notes[0]
    assert note.startswith("評価書!A1: ") and "ふりがな 2 件" in note and " / " in note and "furigana" in note
    assert note.index("ふりがな") < note.index("furigana")
    assert openpyxl.load_workbook(str(p))["評価書"]["A1"].value == "番号利用法別表の24の項の事務"


def test_furigana_of_an_unchanged_string_is_untouched(tmp_path: Path) -> None:
    p = tmp_path / "ふりがな.xlsx"
    raw_book(p, '<row r="1"><c r="A1" t="s"><v>0</v></c></row>',
             '<si><t>番号利用法別表の24の項の事務</t><rPh sb="13" eb="15"><t>ジム</t></rPh></si>')
    before = p.read_bytes()
    doc = open_document(p)
    edits, findings = rewrite_document(doc, rewrite)
    assert not edits and not doc.changed and not doc.notes
    assert p.read_bytes() == before


def test_escapes_are_decoded_and_written_back(tmp_path: Path) -> None:
    p = tmp_path / "escape.xlsx"
    raw_book(p, '<row r="1"><c r="A1" t="s"><v>0</v></c></row>',
             "<si><t>番号利用法_x000D_\n別表第一の16の項（_x005F_x0041_）</t></si>")
    doc = open_document(p)
    assert [u.text for u in doc.units] == ["番号利用法\r\n別表第一の16の項（_x0041_）"]
    rewrite_document(doc, rewrite)
    doc.save(p)
    raw = sst_root(p).find(q("si")).find(q("t")).text
    assert raw == "番号利用法_x000D_\n別表の24の項（_x005F_x0041_）"
    again = open_document(p)
    assert [u.text for u in again.units] == ["番号利用法\r\n別表の24の項（_x0041_）"]


def test_inline_string_cell(tmp_path: Path) -> None:
    p = tmp_path / "inline.xlsx"
    raw_book(p, f'<row r="2"><c r="A2" t="inlineStr"><is><t>②法令上の根拠</t></is></c>'
                f'<c r="B2" t="inlineStr"><is><t>{OLD}</t></is></c></row>',
             "<si><t>関係のない文章</t></si>")
    before = dict((n, d) for n, _, d in members(p))
    doc = open_document(p)
    assert [(u.location.label, u.location.detail) for u in doc.units] == [
        ("評価書!A2", {"sheet": "評価書", "cell": "A2"}),
        ("評価書!B2（②法令上の根拠）", {"sheet": "評価書", "cell": "B2", "row_label": "②法令上の根拠",
                                      "heading": ["②法令上の根拠"]})]
    edits, _ = rewrite_document(doc, rewrite)
    assert [e.location for e in edits] == ["評価書!B2（②法令上の根拠）"] * len(edits)
    doc.save(p)
    after = dict((n, d) for n, _, d in members(p))
    assert {n for n in after if after[n] != before[n]} == {"xl/worksheets/sheet1.xml"}
    assert after["xl/worksheets/sheet1.xml"].startswith(DECL.encode())
    ws = openpyxl.load_workbook(str(p))["評価書"]
    assert ws["B2"].value == NEW and ws["A2"].value == "②法令上の根拠"


def test_shared_string_used_by_two_cells_changes_once(tmp_path: Path) -> None:
    p = tmp_path / "shared.xlsx"
    raw_book(p, '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
                '<row r="3"><c r="C3" t="s"><v>0</v></c></row>',
             f"<si><t>{OLD}</t></si><si><t>関係のない文章</t></si>")
    before = dict((n, d) for n, _, d in members(p))
    doc = open_document(p)
    assert [u.location.label for u in doc.units] == ["評価書!A1", "評価書!C3"]
    edits, findings = rewrite_document(doc, rewrite)
    assert not findings
    assert {e.location for e in edits} == {"評価書!A1", "評価書!C3"}
    assert len([e for e in edits if e.location == "評価書!A1"]) == len([e for e in edits if e.location == "評価書!C3"])
    doc.save(p)
    after = dict((n, d) for n, _, d in members(p))
    assert {n for n in after if after[n] != before[n]} == {"xl/strings/shared.xml"}
    root = sst_root(p)
    assert [si.find(q("t")).text for si in root.findall(q("si"))] == [NEW, "関係のない文章"]
    assert after["xl/strings/shared.xml"].startswith(DECL.encode())
    ws = openpyxl.load_workbook(str(p))["評価書"]
    assert ws["A1"].value == NEW and ws["C3"].value == NEW and ws["B1"].value == "関係のない文章"


def test_cells_sharing_a_string_that_are_rewritten_differently_each_get_their_own(tmp_path: Path) -> None:
    """Two cells show one shared string and take different edits: each cell gets a copy of the string with
    its own new text (appended to the shared strings); the string itself stays for cells left as they were."""
    p = tmp_path / "shared.xlsx"
    text = "番号利用法別表第一の16の項"
    raw_book(p, '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>0</v></c><c r="C1" t="s"><v>0</v></c></row>',
             f"<si><t>{text}</t></si>")
    doc = open_document(p)
    assert doc.apply(0, [Edit(7, 9, "第一", "")]) == []
    assert doc.apply(1, [Edit(len(text), len(text), "", "（注）")]) == []
    doc.save(p)
    wb = openpyxl.load_workbook(str(p))
    ws = wb["評価書"]
    assert [ws["A1"].value, ws["B1"].value, ws["C1"].value] == ["番号利用法別表の16の項", text + "（注）", text]
    wb.close()
    root = sst_root(p)
    assert [si.find(q("t")).text for si in root.findall(q("si"))] == [text, "番号利用法別表の16の項", text + "（注）"]


@pytest.mark.parametrize(("left", "right"), [("", "27"), ("住民基本台帳法", "")])
def test_a_cell_kept_for_its_neighbours_keeps_a_string_another_cell_rewrites(tmp_path: Path, left: str, right: str) -> None:
    """A1 shows a string that A2 shows too.  A1 is kept for what stands beside it (the row 27 to its right,
    another law's name to its left); A2 is rewritten.  A1 must keep its text: the shared string is
    copied for A2, not changed under A1 (it was, and only A2's change was reported)."""
    p = tmp_path / "shared.xlsx"
    row1 = ('<c r="A1" t="s"><v>1</v></c>' if left else "") + '<c r="B1" t="s"><v>0</v></c>'
    row1 += f'<c r="C1"><v>{right}</v></c>' if right else ""
    row2 = ('<c r="A2" t="s"><v>2</v></c>' if left else "") + '<c r="B2" t="s"><v>0</v></c>'
    table = "番号法別表第二" if right else "別表第一の16の項"
    raw_book(p, f'<row r="1">{row1}</row><row r="2">{row2}</row>',
             f"<si><t>{table}</t></si><si><t>{left or 'x'}</t></si><si><t>番号法</t></si>")
    assumed = functools.partial(rewrite, assume_law=True)
    doc = open_document(p)
    edits, findings = rewrite_document(doc, assumed)
    assert {e.location.split("!")[1][:2] for e in edits} == {"B2"}
    assert [f.location.split("!")[1][:2] for f in findings] == ["B1"]
    doc.save(p)
    wb = openpyxl.load_workbook(str(p))
    assert wb["評価書"]["B1"].value == table
    assert wb["評価書"]["B2"].value != table
    wb.close()
    again = open_document(p)
    assert rewrite_document(again, assumed)[0] == []  # idempotent


def test_a_change_record_cell_keeps_a_string_another_cell_rewrites(tmp_path: Path) -> None:
    """Excel keeps one shared string for equal texts: the 変更前の記載 cell of an earlier change record (history,
    never rewritten) shows the same string as the cell it recorded.  Rewriting that cell must not change the
    record under it: the cell gets a copy of the string (it was changed in place, the record with it, while the
    workbook said the record was left as written)."""
    p = tmp_path / "record.xlsx"
    heading = ["変更日", "項目", "変更前の記載", "変更後の記載"]
    sst = "".join(f"<si><t>{t}</t></si>" for t in ["番号法別表第一の16の項", *heading])
    raw_book(p, '<row r="1"><c r="B1" t="s"><v>0</v></c></row>'
                '<row r="3">' + "".join(f'<c r="{c}3" t="s"><v>{i}</v></c>' for i, c in enumerate("ABCD", 1)) + "</row>"
                '<row r="4"><c r="C4" t="s"><v>0</v></c><c r="D4" t="s"><v>0</v></c></row>', sst)
    doc = open_document(p)
    edits, _ = rewrite_document(doc, rewrite)
    assert {e.location for e in edits} == {"評価書!B1"}
    doc.save(p)
    wb = openpyxl.load_workbook(str(p))
    ws = wb["評価書"]
    assert [ws["B1"].value, ws["C4"].value, ws["D4"].value] == ["番号法別表の24の項", "番号法別表第一の16の項",
                                                                 "番号法別表第一の16の項"]
    wb.close()


def test_trailing_space_sets_xml_space_preserve(tmp_path: Path) -> None:
    p = tmp_path / "space.xlsx"
    raw_book(p, '<row r="1"><c r="A1" t="s"><v>0</v></c></row>', "<si><t>番号利用法別表第一の16の項</t></si>")
    doc = open_document(p)
    assert doc.apply(0, [Edit(14, 14, "", "\u3000（注） ")]) == []
    doc.save(p)
    t = sst_root(p).find(q("si")).find(q("t"))
    assert t.text == "番号利用法別表第一の16の項\u3000（注） "
    assert t.get("{http://www.w3.org/XML/1998/namespace}space") == "preserve"


def test_rich_text_runs_keep_their_fonts(tmp_path: Path) -> None:
    p = tmp_path / "rich.xlsx"
    bold = '<rPr><b/><sz val="11"/><color rgb="FFFF0000"/><rFont val="ＭＳ 明朝"/><family val="1"/></rPr>'
    italic = '<rPr><i/><sz val="10.5"/><rFont val="ＭＳ ゴシック"/></rPr>'
    raw_book(p, '<row r="1"><c r="A1" t="s"><v>0</v></c></row>',
             f"<si><r>{bold}<t>番号利用法別表第</t></r><r>{italic}<t>一の16の項</t></r>"
             "<r><t xml:space=\"preserve\"> (_x005F_x0041_)</t></r></si>")
    original = [etree.tostring(r) for r in sst_root(p).iter(q("rPr"))]
    doc = open_document(p)
    assert [u.text for u in doc.units] == ["番号利用法別表第一の16の項 (_x0041_)"]
    rewrite_document(doc, rewrite)
    doc.save(p)
    runs = sst_root(p).find(q("si")).findall(q("r"))
    assert [r.find(q("t")).text for r in runs] == ["番号利用法別表", "の24の項", " (_x005F_x0041_)"]
    assert [etree.tostring(r) for r in sst_root(p).iter(q("rPr"))] == original
    rich = openpyxl.load_workbook(str(p), rich_text=True)["評価書"]["A1"].value
    assert isinstance(rich, CellRichText)
    fonts = [(b.text, bool(b.font.b), bool(b.font.i), b.font.rFont) for b in rich if isinstance(b, TextBlock)]
    assert fonts == [("番号利用法別表", True, False, "ＭＳ 明朝"), ("の24の項", False, True, "ＭＳ ゴシック")]


def test_formula_cell_with_a_cached_citation_is_untouched(tmp_path: Path) -> None:
    p = tmp_path / "formula.xlsx"
    formula = f'<c r="A1" t="str"><f>"{OLD}"</f><v>{OLD}</v></c>'
    shared = '<c r="B1" t="s"><f>B9</f><v>0</v></c>'  # a formula whose cached value is a shared string
    raw_book(p, f'<row r="1">{formula}{shared}<c r="C1" t="inlineStr"><is><t>{OLD}</t></is></c></row>',
             f"<si><t>{OLD}</t></si>")
    doc = open_document(p)
    # the formula showing a citation is read; C1 has no label: formulas are no text
    assert [u.location.label for u in doc.units] == ["評価書!A1", "評価書!C1"]
    assert doc.units[0].location.detail["formula"] is True
    edits, findings = rewrite_document(doc, rewrite)
    # one finding for the whole citation, with the rewrite it would take; nothing applied there
    assert [(f.location, f.reason, f.text, f.proposed) for f in findings] == [
        ("評価書!A1", "formula-not-rewritten", OLD, NEW)]
    assert "数式" in findings[0].message and "formula" in findings[0].message
    assert {e.location for e in edits} == {"評価書!C1"}
    doc.save(p)
    with zipfile.ZipFile(p) as zf:
        sheet = zf.read("xl/worksheets/sheet1.xml").decode()
        sst = zf.read("xl/strings/shared.xml").decode()
    assert formula in sheet and shared in sheet and f"<t>{NEW}</t>" in sheet
    assert f"<t>{OLD}</t>" in sst


@pytest.mark.parametrize("totals", [False, True])
def test_the_column_names_of_an_excel_table_are_kept_and_reported(tmp_path: Path, totals: bool) -> None:
    """The header (and totals) row of an Excel table holds its columns' names, which the table part repeats
    and formulas use: a cell rewritten there no longer matched them (Excel repairs such a workbook by
    dropping the table).  Those cells are kept, one finding per citation; the cells below change."""
    from openpyxl.worksheet.table import Table

    p = tmp_path / "table.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "評価書"
    ws.append(["事務", f"根拠（{OLD}）"])
    ws.append(["住民基本台帳事務", OLD])
    ws.append(["合計", f"計（{OLD}）"])
    ws["D1"] = OLD  # outside the table
    ws.add_table(Table(displayName="根拠表", ref="A1:B3", totalsRowCount=1 if totals else None))
    wb.save(p)
    doc = open_document(p)
    edits, findings = rewrite_document(doc, rewrite)
    kept = {"評価書!B1（事務）", "評価書!B3（合計）"} if totals else {"評価書!B1（事務）"}
    assert {(f.location, f.reason, f.text, f.proposed) for f in findings} == {(k, "protected", OLD, NEW) for k in kept}
    assert "テーブル" in findings[0].message and "Excel table" in findings[0].message
    assert {e.location for e in edits} == {"評価書!B2（住民基本台帳事務）", "評価書!D1", "評価書!B3（合計）"} - kept
    doc.save(p)
    wb = openpyxl.load_workbook(p)
    ws = wb.active
    assert ws["B1"].value == f"根拠（{OLD}）" == ws.tables["根拠表"].tableColumns[1].name
    assert ws["B2"].value == NEW and ws["D1"].value == NEW
    assert ws["B3"].value == f"計（{OLD}）" if totals else f"計（{NEW}）"


def test_merged_label_and_sheet_order_from_the_workbook(tmp_path: Path) -> None:
    p = tmp_path / "merged.xlsx"
    raw_book(p, '<row r="3"><c r="B3" t="s"><v>1</v></c><c r="D3" t="s"><v>0</v></c></row>'
                '<row r="4"><c r="D4" t="s"><v>0</v></c></row>',
             f"<si><t>{OLD}</t></si><si><t>②法令上の根拠</t></si>",
             merges='<mergeCells count="1"><mergeCell ref="B3:C4"/></mergeCells>')
    doc = open_document(p)
    assert [u.location.label for u in doc.units] == [
        "評価書!B3", "評価書!D3（②法令上の根拠）", "評価書!D4（②法令上の根拠）"]


def test_corrupt_shared_strings_are_refused(tmp_path: Path) -> None:
    p = tmp_path / "broken.xlsx"
    raw_book(p, '<row r="1"><c r="A1" t="s"><v>0</v></c></row>', f"<si><t>{OLD}</t><si>")
    before = p.read_bytes()
    with pytest.raises(FormatError) as info:
        open_document(p)
    msg = str(info.value)
    assert "Excel ブック" in msg and "xl/strings/shared.xml" in msg and "not well-formed" in msg
    assert msg.index("Excel ブック") < msg.index("not well-formed")
    assert p.read_bytes() == before


def test_missing_shared_string_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "index.xlsx"
    raw_book(p, '<row r="1"><c r="A1" t="s"><v>3</v></c></row>', f"<si><t>{OLD}</t></si>")
    with pytest.raises(FormatError, match="共有文字列.*shared string"):
        open_document(p)
    q_ = tmp_path / "noworkbook.xlsx"
    with zipfile.ZipFile(q_, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(FormatError, match="xl/workbook.xml がありません.*missing"):
        open_document(q_)


# --- shapes (text boxes) in drawings -------------------------------------------------------------

XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
DML = "http://schemas.openxmlformats.org/drawingml/2006/main"
MCNS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
BOLD_RPR = '<a:rPr lang="ja-JP" altLang="en-US" sz="1100" b="1"><a:latin typeface="ＭＳ 明朝"/></a:rPr>'
ITALIC_RPR = '<a:rPr lang="ja-JP" sz="1000" i="1"><a:solidFill><a:srgbClr val="FF0000"/></a:solidFill></a:rPr>'
TWO_RUNS = f"<a:p><a:r>{BOLD_RPR}<a:t>番号利用法別表第一</a:t></a:r><a:r>{ITALIC_RPR}<a:t>の16の項</a:t></a:r></a:p>"


def shape(name: str, paragraphs: str | None, shape_id: int = 2, textlink: str = "") -> str:
    """An ``xdr:sp`` named ``name`` whose text body holds ``paragraphs`` (``None``: no text body)."""
    body = f"<xdr:txBody><a:bodyPr/><a:lstStyle/>{paragraphs}</xdr:txBody>" if paragraphs is not None else ""
    return (f'<xdr:sp macro="" textlink="{textlink}"><xdr:nvSpPr><xdr:cNvPr id="{shape_id}" name="{name}"/>'
            '<xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
            f"</xdr:spPr>{body}</xdr:sp>")


def anchored(content: str, row: int = 7) -> str:
    return (f"<xdr:twoCellAnchor><xdr:from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>{row}</xdr:row>"
            "<xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff>"
            f"<xdr:row>{row + 3}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>{content}<xdr:clientData/>"
            "</xdr:twoCellAnchor>")


def drawing_xml(*anchors: str) -> bytes:
    return (DECL + f'<xdr:wsDr xmlns:xdr="{XDR}" xmlns:a="{DML}">' + "".join(anchors) + "</xdr:wsDr>").encode()


def add_drawing(path: Path, drawing: bytes | None, sheet: str = "xl/worksheets/sheet1.xml",
                name: str = "xl/drawings/custom7.xml", rid: str = "rIdShapes") -> None:
    """Give ``sheet`` a drawing: its ``<drawing r:id>``, a relationship in the sheet's rels, the
    content type override and (unless ``drawing`` is ``None``: the part exists or is missing) the part."""
    folder, base = name.rsplit("/", 1)
    sheet_folder, sheet_base = sheet.rsplit("/", 1)
    rels_name = f"{sheet_folder}/_rels/{sheet_base}.rels"
    target = "../" + name.split("/", 1)[1]  # from xl/worksheets/ to xl/…
    rel = f'<Relationship Id="{rid}" Type="{REL}/drawing" Target="{target}"/>'
    with zipfile.ZipFile(path) as zf:
        old = [(info, zf.read(info)) for info in zf.infolist()]
    names = {info.filename for info, _ in old}
    with zipfile.ZipFile(path, "w") as zf:
        for info, data in old:
            if info.filename == "[Content_Types].xml" and f'PartName="/{name}"'.encode() not in data:
                data = data.replace(b"</Types>", f'<Override PartName="/{name}" ContentType="application/'
                                    'vnd.openxmlformats-officedocument.drawing+xml"/></Types>'.encode())
            elif info.filename == sheet:
                data = data.replace(b"</worksheet>", f'<drawing xmlns:r="{REL}" r:id="{rid}"/></worksheet>'.encode())
            elif info.filename == rels_name:
                data = data.replace(b"</Relationships>", rel.encode() + b"</Relationships>")
            zf.writestr(info, data)
        if rels_name not in names:
            zf.writestr(rels_name, DECL + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                        f'relationships">{rel}</Relationships>', zipfile.ZIP_DEFLATED)
        if drawing is not None and name not in names:
            zf.writestr(name, drawing, zipfile.ZIP_DEFLATED)


def drawing_root(path: Path, name: str = "xl/drawings/custom7.xml") -> etree._Element:
    with zipfile.ZipFile(path) as zf:
        return etree.fromstring(zf.read(name))


def a(tag: str) -> str:
    return f"{{{DML}}}{tag}"


def shape_book(path: Path, *anchors: str) -> None:
    """A workbook with a text cell that holds no citation, and a drawing holding ``anchors``."""
    raw_book(path, '<row r="1"><c r="A1" t="s"><v>0</v></c></row>', "<si><t>関係のない文章</t></si>")
    add_drawing(path, drawing_xml(*anchors))


def test_text_box_across_two_runs_is_rewritten_and_only_the_drawing_changes(tmp_path: Path) -> None:
    p = tmp_path / "図形.xlsx"
    shape_book(p, anchored(shape("テキスト ボックス 1", TWO_RUNS)))
    before = members(p)
    rpr_before = [etree.tostring(r) for r in drawing_root(p).iter(a("rPr"))]
    doc = open_document(p)
    assert [u.text for u in doc.units] == ["番号利用法別表第一の16の項"]
    edits, findings = rewrite_document(doc, rewrite)
    assert edits and not findings and doc.changed
    doc.save(p)
    after = members(p)
    assert [(n, c) for n, c, _ in after] == [(n, c) for n, c, _ in before]
    changed = {n for (n, _, x), (_, _, y) in zip(after, before, strict=True) if x != y}
    assert changed == {"xl/drawings/custom7.xml"}  # the sheet and the shared strings keep their bytes
    saved = dict((n, d) for n, _, d in after)["xl/drawings/custom7.xml"]
    assert saved.startswith(DECL.encode())
    root = etree.fromstring(saved)
    runs = list(root.iter(a("r")))
    assert [r.find(a("t")).text for r in runs] == ["番号利用法別表", "の24の項"]
    assert [etree.tostring(r) for r in root.iter(a("rPr"))] == rpr_before
    assert [etree.tostring(r.find(a("rPr"))) for r in runs] == rpr_before  # each run kept its own
    assert openpyxl.load_workbook(str(p))["評価書"]["A1"].value == "関係のない文章"


def test_text_box_location_comes_after_the_sheets_cells(tmp_path: Path) -> None:
    p = tmp_path / "図形.xlsx"
    raw_book(p, '<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="9"><c r="B9" t="s"><v>0</v></c></row>',
             f"<si><t>{OLD}</t></si>")
    add_drawing(p, drawing_xml(anchored(shape("テキスト ボックス 1", TWO_RUNS))))
    doc = open_document(p)
    assert [(u.location.label, u.location.detail) for u in doc.units] == [
        ("評価書!A1", {"sheet": "評価書", "cell": "A1"}),
        ("評価書!B9", {"sheet": "評価書", "cell": "B9"}),
        ("評価書 図形「テキスト ボックス 1」",
         {"sheet": "評価書", "shape": "テキスト ボックス 1", "drawing": "xl/drawings/custom7.xml"})]
    edits, findings = rewrite_document(doc, rewrite)
    assert not findings
    shape_edits = [e for e in edits if e.unit == 2]
    assert shape_edits and {e.location for e in shape_edits} == {"評価書 図形「テキスト ボックス 1」"}
    assert {e.citation_after for e in shape_edits} == {"番号利用法別表の24の項"}
    assert shape_edits[0].location_detail["drawing"] == "xl/drawings/custom7.xml"


def test_shapes_without_text_or_without_a_citation_are_left_alone(tmp_path: Path) -> None:
    p = tmp_path / "図形.xlsx"
    arrow = ('<xdr:cxnSp macro=""><xdr:nvCxnSpPr><xdr:cNvPr id="5" name="直線矢印コネクタ 4"/><xdr:cNvCxnSpPr/>'
             '</xdr:nvCxnSpPr><xdr:spPr><a:prstGeom prst="straightConnector1"><a:avLst/></a:prstGeom></xdr:spPr>'
             "</xdr:cxnSp>")
    shape_book(p, anchored(shape("正方形/長方形 2", None, 3)), anchored(arrow, 12),
               anchored(shape("テキスト ボックス 3", "<a:p><a:r><a:t>要確認（担当：総務課）</a:t></a:r></a:p>", 4), 20),
               anchored(shape("テキスト ボックス 4", "<a:p><a:r><a:t>表の見方は別紙のとおり</a:t></a:r></a:p>", 6), 30))
    before = members(p)
    doc = open_document(p)
    # only the text that may hold a citation (「表」) is sent to the rewriter; it finds none
    assert [u.location.label for u in doc.units] == ["評価書 図形「テキスト ボックス 4」"]
    edits, findings = rewrite_document(doc, rewrite)
    assert not edits and not findings and not doc.changed and not doc.notes
    doc.save(tmp_path / "copy.xlsx")
    assert members(tmp_path / "copy.xlsx") == before


def test_text_box_in_a_group_is_read(tmp_path: Path) -> None:
    p = tmp_path / "グループ.xlsx"
    group = ('<xdr:grpSp><xdr:nvGrpSpPr><xdr:cNvPr id="7" name="グループ化 6"/><xdr:cNvGrpSpPr/></xdr:nvGrpSpPr>'
             '<xdr:grpSpPr/>' + shape("正方形/長方形 4", None, 5)
             + '<xdr:grpSp><xdr:nvGrpSpPr><xdr:cNvPr id="9" name="グループ化 8"/><xdr:cNvGrpSpPr/></xdr:nvGrpSpPr>'
             '<xdr:grpSpPr/>' + shape("テキスト ボックス 5", TWO_RUNS, 6) + "</xdr:grpSp></xdr:grpSp>")
    shape_book(p, anchored(group))
    doc = open_document(p)
    assert [(u.location.label, u.text) for u in doc.units] == [
        ("評価書 図形「テキスト ボックス 5」", "番号利用法別表第一の16の項")]
    rewrite_document(doc, rewrite)
    doc.save(p)
    texts = ["".join(t.text or "" for t in sp.iter(a("t"))) for sp in drawing_root(p).iter(f"{{{XDR}}}sp")]
    assert texts == ["", "番号利用法別表の24の項"]


def test_second_rewrite_of_a_text_box_changes_nothing(tmp_path: Path) -> None:
    p = tmp_path / "図形.xlsx"
    shape_book(p, anchored(shape("テキスト ボックス 1", TWO_RUNS)))
    doc = open_document(p)
    rewrite_document(doc, rewrite)
    doc.save(p)
    saved = p.read_bytes()
    again = open_document(p)
    assert [u.text for u in again.units] == ["番号利用法別表の24の項"]
    edits, findings = rewrite_document(again, rewrite)
    assert not edits and not findings and not again.changed
    assert p.read_bytes() == saved


def test_text_box_paragraphs_and_breaks(tmp_path: Path) -> None:
    p = tmp_path / "段落.xlsx"
    paragraphs = ("<a:p><a:pPr algn=\"l\"/><a:r><a:t>根拠：番号利用法</a:t></a:r><a:br><a:rPr lang=\"ja-JP\"/></a:br>"
                  "<a:r><a:t>別表第一の16の項</a:t></a:r></a:p><a:p><a:endParaRPr lang=\"ja-JP\"/></a:p>"
                  "<a:p><a:r><a:t>番号利用法別表第一の59の項</a:t></a:r><a:endParaRPr lang=\"ja-JP\"/></a:p>")
    shape_book(p, anchored(shape("テキスト ボックス 1", paragraphs)))
    doc = open_document(p)
    text = "根拠：番号利用法\n別表第一の16の項\n\n番号利用法別表第一の59の項"
    assert [u.text for u in doc.units] == [text]
    across = Edit(text.index("法\n"), text.index("法\n") + 2, "法\n", "法")  # removes the break: refused
    skipped = doc.apply(0, [across])
    assert [(s.edit, s.reason) for s in skipped] == [(across, "protected")]
    assert "改行" in skipped[0].message and " / " in skipped[0].message
    assert not doc.changed
    rewrite_document(doc, rewrite)
    doc.save(p)
    root = drawing_root(p)
    assert [t.text for t in root.iter(a("t"))] == ["根拠：番号利用法", "別表の24の項", "番号利用法別表の85の項"]
    assert len(list(root.iter(a("br")))) == 1 and len(list(root.iter(a("p")))) == 3


def test_text_linked_to_a_cell_is_not_a_unit(tmp_path: Path) -> None:
    p = tmp_path / "リンク.xlsx"
    shape_book(p, anchored(shape("テキスト ボックス 1", TWO_RUNS, textlink="$A$1")))
    assert list(open_document(p).units) == []


def alternate(choice: str, fallback: str) -> str:
    return (f'<mc:AlternateContent xmlns:mc="{MCNS}"><mc:Choice xmlns:a14="http://schemas.microsoft.com/office/'
            f'drawing/2010/main" Requires="a14">{choice}</mc:Choice><mc:Fallback>{fallback}</mc:Fallback>'
            "</mc:AlternateContent>")


def test_alternate_content_copies_change_together(tmp_path: Path) -> None:
    p = tmp_path / "複製.xlsx"
    shape_book(p, alternate(anchored(shape("テキスト ボックス 1", TWO_RUNS)),
                            anchored(shape("テキスト ボックス 1", TWO_RUNS))))
    doc = open_document(p)
    assert [u.location.label for u in doc.units] == ["評価書 図形「テキスト ボックス 1」"]  # the Choice copy only
    edits, findings = rewrite_document(doc, rewrite)
    assert edits and not findings
    doc.save(p)
    root = drawing_root(p)
    choice, fallback = (root.find(f".//{{{MCNS}}}{b}") for b in ("Choice", "Fallback"))
    for branch in (choice, fallback):
        assert [t.text for t in branch.iter(a("t"))] == ["番号利用法別表", "の24の項"]


def test_alternate_content_copies_that_differ_are_refused(tmp_path: Path) -> None:
    p = tmp_path / "複製.xlsx"
    fallback = shape("テキスト ボックス 1", "<a:p><a:r><a:t>番号利用法別表第一の16の項（x²）</a:t></a:r></a:p>")
    empty = shape("フォーム", TWO_RUNS, 3)  # a form control: its fallback is empty
    shape_book(p, alternate(anchored(shape("テキスト ボックス 1", TWO_RUNS)), anchored(fallback)),
               alternate(anchored(empty, 12), ""))
    before = members(p)
    doc = open_document(p)
    assert [u.location.label for u in doc.units] == ["評価書 図形「テキスト ボックス 1」", "評価書 図形「フォーム」"]
    edits, findings = rewrite_document(doc, rewrite)
    assert not edits and not doc.changed
    assert findings and {f.reason for f in findings} == {"protected"}
    assert {f.location for f in findings} == {"評価書 図形「テキスト ボックス 1」", "評価書 図形「フォーム」"}
    assert all("mc:Fallback" in f.message and "copies" in f.message for f in findings)
    doc.save(tmp_path / "copy.xlsx")
    assert members(tmp_path / "copy.xlsx") == before


def test_drawing_shared_by_two_sheets_is_read_once(tmp_path: Path) -> None:
    p = tmp_path / "共有.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "評価書"
    wb.create_sheet("別紙")
    wb.save(str(p))
    drawing = drawing_xml(anchored(shape("テキスト ボックス 1", TWO_RUNS)))
    add_drawing(p, drawing, name="xl/drawings/shared.xml")
    add_drawing(p, None, sheet="xl/worksheets/sheet2.xml", name="xl/drawings/shared.xml")
    doc = open_document(p)
    assert [u.location.label for u in doc.units] == ["評価書 図形「テキスト ボックス 1」"]
    rewrite_document(doc, rewrite)
    doc.save(p)
    root = drawing_root(p, "xl/drawings/shared.xml")
    assert [t.text for t in root.iter(a("t"))] == ["番号利用法別表", "の24の項"]


def test_missing_drawing_part_is_noted(tmp_path: Path) -> None:
    p = tmp_path / "欠落.xlsx"
    raw_book(p, f'<row r="1"><c r="A1" t="inlineStr"><is><t>{OLD}</t></is></c></row>')
    add_drawing(p, None)
    doc = open_document(p)
    assert [u.location.label for u in doc.units] == ["評価書!A1"]
    assert len(doc.notes) == 1 and "xl/drawings/custom7.xml" in doc.notes[0] and " / " in doc.notes[0]


def _book_with_a_formula(path: Path, calc: str, formula: str = "評価書!B2") -> None:
    """「評価書」!B2 holds a citation; 「集計」!A1 is a formula (``formula``) whose cached value is that citation, as Excel
    saved it; the workbook's calculation properties are ``calc`` (as Excel writes them, or none)."""
    import re

    wb = openpyxl.Workbook()
    wb.active.title = "評価書"
    wb.active["B2"] = OLD
    wb.create_sheet("集計")["A1"] = "=1"
    wb.save(str(path))
    with zipfile.ZipFile(path) as zf:
        parts = {i.filename: zf.read(i) for i in zf.infolist()}
    book = parts["xl/workbook.xml"].decode()
    parts["xl/workbook.xml"] = re.sub(r"<calcPr[^>]*/>", calc, book).encode()
    sheet = parts["xl/worksheets/sheet2.xml"].decode()
    cell = f'<c r="A1" t="str"><f>{formula}</f><v>{OLD}</v></c>'
    parts["xl/worksheets/sheet2.xml"] = re.sub(r'<c r="A1">.*?</c>', lambda _: cell, sheet).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)


@pytest.mark.parametrize(("calc", "old", "new"), [
    ('<calcPr calcId="191029"/>', '<calcPr calcId="191029"/>', '<calcPr fullCalcOnLoad="1" calcId="191029"/>'),
    ('<calcPr calcId="191029" fullCalcOnLoad="0" iterate="1"/>', 'fullCalcOnLoad="0"', 'fullCalcOnLoad="1"'),
    ("", "<definedNames/></workbook>", '<definedNames/><calcPr fullCalcOnLoad="1"/></workbook>'),  # after its predecessors
])
def test_a_workbook_with_formulas_and_a_changed_cell_recalculates_on_open(
    tmp_path: Path, calc: str, old: str, new: str
) -> None:
    """「=評価書!B2」 on another sheet keeps its cached old text: a workbook with formulas whose cells changed is
    saved to recalculate on open (only the calculation properties of xl/workbook.xml change), and says so."""
    p = tmp_path / "f.xlsx"
    _book_with_a_formula(p, calc)
    doc = open_document(p)
    edits, findings = rewrite_document(doc, rewrite)
    assert edits and {e.location for e in edits} == {"評価書!B2"}
    assert [(f.location, f.reason) for f in findings] == [("集計!A1", "formula-not-rewritten")]
    assert "開いたときに再計算" in findings[0].message and "recalculate" in findings[0].message
    assert any("開いたときにすべての数式を再計算" in n and "recalculate" in n for n in doc.notes)
    before = dict((n, d) for n, _, d in members(p))
    doc.save(p)
    after = dict((n, d) for n, _, d in members(p))
    assert {n for n in after if after[n] != before[n]} == {"xl/workbook.xml", "xl/worksheets/sheet1.xml"}
    book_before, book_after = before["xl/workbook.xml"].decode(), after["xl/workbook.xml"].decode()
    assert book_before.count(old) == 1 and book_after == book_before.replace(old, new)
    # a second run finds the same formula, changes nothing more
    doc = open_document(p)
    edits, findings = rewrite_document(doc, rewrite)
    assert not edits and not doc.changed


def test_a_formula_holding_the_text_itself_still_needs_a_hand_fix(tmp_path: Path) -> None:
    p = tmp_path / "f.xlsx"
    _book_with_a_formula(p, '<calcPr calcId="191029"/>', formula=f'"{OLD}"')
    edits, findings = rewrite_document(open_document(p), rewrite)
    assert [(f.location, f.reason) for f in findings] == [("集計!A1", "formula-not-rewritten")]
    assert "手で修正" in findings[0].message and "再計算" not in findings[0].message


def test_a_workbook_without_formulas_keeps_its_calculation_properties(tmp_path: Path) -> None:
    p = tmp_path / "n.xlsx"
    raw_book(p, f'<row r="1"><c r="A1" t="inlineStr"><is><t>{OLD}</t></is></c></row>')
    before = dict((n, d) for n, _, d in members(p))
    doc = open_document(p)
    edits, _ = rewrite_document(doc, rewrite)
    assert edits and not doc.notes
    doc.save(p)
    assert dict((n, d) for n, _, d in members(p))["xl/workbook.xml"] == before["xl/workbook.xml"]


def test_embedded_objects_are_noted_as_not_read(tmp_path: Path, sample: Path) -> None:
    """Objects embedded in a workbook (xl/embeddings/: a Word document or another workbook pasted as an object) keep
    their own text, which is not read: the workbook says so, naming them; one without any says nothing."""
    p = tmp_path / "embedded.xlsx"
    with zipfile.ZipFile(sample) as src, zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        for name in ("Microsoft_Word_Document1.docx", "oleObject2.bin", "oleObject1.bin", "oleObject3.bin"):
            dst.writestr(f"xl/embeddings/{name}", b"x")
    assert open_document(p).notes == [
        "埋め込まれたオブジェクト 4 件（Microsoft_Word_Document1.docx、oleObject1.bin、oleObject2.bin…）の中の文字は読んでいません。"
        "引用がないか開いて確認してください / the text inside 4 embedded objects (Microsoft_Word_Document1.docx、oleObject1.bin、"
        "oleObject2.bin…) was not read: open them to check for citations"]
    assert open_document(sample).notes == []


@pytest.mark.parametrize("fill", [32767 - 13, 32767 - 29, 32767 - 30])
def test_a_cell_the_rewrite_would_make_too_long_for_excel_keeps_its_text(tmp_path: Path, fill: int) -> None:
    """Excel holds at most 32,767 characters in a cell (it cuts a longer one, or repairs the workbook): a rewrite that made
    a cell longer than that was written, with no finding.  Such a cell keeps its text, each citation reported with the
    rewrite it would take; a cell whose new text still fits changes."""
    old, new = "番号利用法別表第二の1の項", "番号利用法第19条第8号に基づく主務省令第2条の表の1の項"  # 13 → 29 characters
    p = tmp_path / "long.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "評価書"
    ws["A1"] = old + "あ" * fill
    ws["A2"] = OLD
    wb.save(p)
    doc = open_document(p)
    edits, findings = rewrite_document(doc, rewrite)
    doc.save(p)
    ws = openpyxl.load_workbook(p).active
    assert ws["A2"].value == NEW
    if len(new) + fill <= 32767:
        assert findings == [] and ws["A1"].value == new + "あ" * fill
        return
    assert [(f.location, f.reason, f.text, f.proposed) for f in findings] == [("評価書!A1", "protected", old, new)]
    assert "32,767" in findings[0].message and "上限" in findings[0].message and "Excel's limit" in findings[0].message
    assert {e.location for e in edits} == {"評価書!A2"}
    assert ws["A1"].value == old + "あ" * fill


@pytest.mark.parametrize("protect", [True, False])
def test_the_locked_cells_of_a_protected_sheet_keep_their_text(tmp_path: Path, protect: bool) -> None:
    """A sheet under Excel's Protect Sheet (sheetProtection sheet="1") lets its user change only its unlocked cells, but
    its locked cells were rewritten silently.  Like a Word document under Restrict Editing, the workbook is written only
    as its protection allows: a locked cell keeps its text, each citation reported; an unlocked cell changes, and so do
    the cells of a sheet without protection.  Protecting only the workbook's structure (workbookProtection) locks no
    cell."""
    from openpyxl.styles import Protection
    from openpyxl.workbook.protection import WorkbookProtection

    p = tmp_path / "protected.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "評価書"
    ws["A1"] = OLD  # locked (every cell is, by default)
    ws["A2"] = OLD
    ws["A2"].protection = Protection(locked=False)
    ws.protection.sheet = protect
    wb.create_sheet("別紙")["A1"] = OLD
    wb.security = WorkbookProtection(lockStructure=True)
    wb.save(p)
    doc = open_document(p)
    edits, findings = rewrite_document(doc, rewrite)
    doc.save(p)
    wb = openpyxl.load_workbook(p)
    assert wb["評価書"]["A2"].value == NEW == wb["別紙"]["A1"].value
    if not protect:
        assert findings == [] and wb["評価書"]["A1"].value == NEW
        return
    assert [(f.location, f.reason, f.text, f.proposed) for f in findings] == [("評価書!A1", "protected", OLD, NEW)]
    assert "シートの保護" in findings[0].message and "Protect Sheet" in findings[0].message
    assert wb["評価書"]["A1"].value == OLD and wb["評価書"].protection.sheet


@pytest.mark.parametrize(("objects", "locks"), [("1", ""), ("1", ' fLocksWithSheet="0"'), ("0", "")])
def test_a_locked_shape_of_a_sheet_protecting_its_objects_keeps_its_text(tmp_path: Path, objects: str, locks: str) -> None:
    """A sheet protected with its objects (sheetProtection objects="1") locks its shapes, unless a shape says it does not
    lock with the sheet (xdr:clientData fLocksWithSheet="0"): a locked shape keeps its text, reported."""
    p = tmp_path / "shapes.xlsx"
    shape_book(p, anchored(shape("テキスト ボックス 1", f"<a:p><a:r><a:t>{OLD}</a:t></a:r></a:p>")))
    with zipfile.ZipFile(p) as zf:
        parts = {i.filename: zf.read(i) for i in zf.infolist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    at = sheet.index("<drawing") if "<pageMargins" not in sheet else sheet.index("<pageMargins")
    parts["xl/worksheets/sheet1.xml"] = (sheet[:at] + f'<sheetProtection sheet="1" objects="{objects}"/>' + sheet[at:]).encode()
    drawing = parts["xl/drawings/custom7.xml"].decode()
    parts["xl/drawings/custom7.xml"] = drawing.replace("<xdr:clientData/>", f"<xdr:clientData{locks}/>").encode()
    with zipfile.ZipFile(p, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    doc = open_document(p)
    _edits, findings = rewrite_document(doc, rewrite)
    kept = objects == "1" and not locks
    assert [(f.reason, f.text) for f in findings] == ([("protected", OLD)] if kept else [])
    assert doc.changed is not kept


def test_a_digitally_signed_workbook_is_not_written_changed(tmp_path: Path, sample: Path) -> None:
    """A digitally signed workbook (_xmlsignatures/) was rewritten silently, breaking its signature: rewritten in place
    it now fails with the reason, the file and its folder stay as they were (no backup left), and a dry run still
    lists what would change."""
    import io

    from test_batch import parse
    from test_formats_docx import add_signature

    from mynumber_refs import batch

    add_signature(sample)
    before = sample.read_bytes()
    args = parse([str(sample), "--in-place"])
    out, err = io.StringIO(), io.StringIO()
    rc = batch.run_files(args.paths, args, stdout=out, stderr=err)
    shown = out.getvalue() + err.getvalue()
    assert rc != 0 and "デジタル署名" in shown and "digitally signed" in shown
    assert sample.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == [sample.name]
    doc = open_document(sample)
    edits, _ = rewrite_document(doc, rewrite)
    assert edits and doc.changed
    with pytest.raises(FormatError, match="デジタル署名"):
        doc.save(tmp_path / "copy.xlsx")


def test_texts_the_workbook_does_not_read_or_rewrite_are_noted(tmp_path: Path, sample: Path) -> None:
    """Texts outside the cells and shapes were neither read nor reported: a defined name holding a text constant, a
    conditional-format rule testing for 「別表第一」 (after the rewrite the cell no longer matches it), a data-validation
    list (the rewritten cell is no longer one of its values) and a chart's title.  Each is now noted, by what it is;
    rules, lists and names without a citation's text, and a workbook without them, say nothing more."""
    from openpyxl.chart import BarChart, Reference
    from openpyxl.formatting.rule import Rule
    from openpyxl.styles.differential import DifferentialStyle
    from openpyxl.workbook.defined_name import DefinedName
    from openpyxl.worksheet.datavalidation import DataValidation

    p = tmp_path / "rules.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "評価書"
    ws["A1"] = OLD
    ws["B1"] = 3
    rule = Rule(type="containsText", operator="containsText", text="別表第一", dxf=DifferentialStyle(font=Font(bold=True)))
    rule.formula = ['NOT(ISERROR(SEARCH("別表第一",A1)))']
    ws.conditional_formatting.add("A1:A9", rule)
    ws.conditional_formatting.add("B1:B9", Rule(type="cellIs", operator="greaterThan", formula=["2"],
                                                dxf=DifferentialStyle(font=Font(bold=True))))
    listed = DataValidation(type="list", formula1='"番号利用法別表第一の16の項,番号利用法別表第二の1の項"')
    listed.add("A2")
    ws.add_data_validation(listed)
    wb.defined_names["根拠"] = DefinedName("根拠", attr_text='"番号利用法別表第一の16の項"')
    wb.defined_names["件数"] = DefinedName("件数", attr_text="評価書!$B$1")
    chart = BarChart()
    chart.title = "別表第一の事務の件数"
    chart.add_data(Reference(ws, min_col=2, min_row=1, max_row=1))
    ws.add_chart(chart, "D2")
    wb.save(p)
    doc = open_document(p)
    assert doc.notes == [
        "評価書: 条件付き書式の規則 1 件（「別表第一」）の文字は書き換えていません。書き換えたセルは条件に一致しなくなることがあります。"
        "確認してください / 評価書: the text of 1 conditional-format rule (「別表第一」) was not rewritten: a rewritten"
        " cell may no longer match; check it",
        "評価書: 入力規則 1 件（「番号利用法別表第一の16の項,番号利用法…」）の文字は書き換えていません。書き換えたセルの値が入力規則の"
        "リストにない値になることがあります。確認してください / 評価書: the text of 1 data-validation rule (「番号利用法別表第一の16の項,"
        "番号利用法…」) was not rewritten: a rewritten cell may no longer hold a value the rule allows; check it",
        "名前の定義 1 件（根拠）の中の文字は読んでいません。引用がないか確認してください / the text inside 1 defined name (根拠)"
        " was not read: check for citations",
        "グラフ 1 件（chart1.xml）のタイトル・ラベルの文字は読んでいません。引用がないか開いて確認してください / the titles and"
        " labels of 1 chart (chart1.xml) were not read: open them to check for citations",
    ]
    assert open_document(sample).notes == []


def test_a_rule_in_the_sheets_extension_list_is_noted_too(tmp_path: Path) -> None:
    """Excel writes a data validation whose list comes from another sheet, and newer conditional formats, as x14
    elements in the sheet's extLst: their texts are noted the same way."""
    p = tmp_path / "x14.xlsx"
    x14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"
    xm = "http://schemas.microsoft.com/office/excel/2006/main"
    ext = (f'<extLst><ext uri="{{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}}" xmlns:x14="{x14}"><x14:dataValidations count="1"'
           f' xmlns:xm="{xm}"><x14:dataValidation type="list"><x14:formula1><xm:f>"別表第二の1の項"</xm:f></x14:formula1>'
           "<xm:sqref>A2</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>")
    raw_book(p, '<row r="1"><c r="A1" t="s"><v>0</v></c></row>', f"<si><t>{OLD}</t></si>", merges=ext)
    assert open_document(p).notes == [
        "評価書: 入力規則 1 件（「別表第二の1の項」）の文字は書き換えていません。書き換えたセルの値が入力規則のリストにない値になることが"
        "あります。確認してください / 評価書: the text of 1 data-validation rule (「別表第二の1の項」) was not rewritten: a rewritten"
        " cell may no longer hold a value the rule allows; check it"]


def test_a_workbook_whose_protection_enforces_tracked_changes_is_not_written_changed(tmp_path: Path, sample: Path) -> None:
    """A workbook whose protection locks Excel's change tracking on (workbookProtection lockRevision="1", a shared
    workbook's 「変更履歴の記録」) was rewritten with no revision recorded.  Like a Word document that enforces tracked
    changes it is written only as that allows, which the rewrite cannot (its comments are not Excel revisions): saving
    fails with the reason and the file stays."""
    with zipfile.ZipFile(sample) as zf:
        parts = {i.filename: zf.read(i) for i in zf.infolist()}
    assert b"<workbookProtection/>" in parts["xl/workbook.xml"]  # (openpyxl writes one, empty)
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(b"<workbookProtection/>",
                                                                b'<workbookProtection lockRevision="1"/>')
    with zipfile.ZipFile(sample, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    before = sample.read_bytes()
    doc = open_document(sample)
    doc.track_changes()
    edits, _ = rewrite_document(doc, rewrite)
    assert edits and doc.changed
    with pytest.raises(FormatError, match="変更履歴の記録が強制") as info:
        doc.save(sample)
    assert "lockRevision" in str(info.value)
    assert sample.read_bytes() == before
    import io

    from test_batch import parse

    from mynumber_refs import batch

    out = io.StringIO()
    batch.run_files([str(sample)], parse([str(sample), "--check"]), stdout=out, stderr=io.StringIO())
    first = next(x for x in out.getvalue().splitlines() if "注意 note:" in x or "→" in x)
    assert "この変更は書き込めません" in first and "ブックの保護" in first and "lockRevision" in first  # (said first)



def test_a_chart_is_noted_only_when_its_own_text_may_cite(tmp_path: Path, sample: Path) -> None:
    """Only a chart's own text (titles, labels: a:t) counts for the note, not what its markup or a cached value holds."""
    p = tmp_path / "chart.xlsx"
    dml = "http://schemas.openxmlformats.org/drawingml/2006/main"
    with zipfile.ZipFile(sample) as src, zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.writestr("xl/charts/chart2.xml", f'<c:chartSpace xmlns:c="urn:c" xmlns:a="{dml}"><a:t>件数</a:t>'
                     "<c:v>番号利用法別表第一の16の項</c:v></c:chartSpace>")
        dst.writestr("xl/charts/chart3.xml", f'<c:chartSpace xmlns:c="urn:c" xmlns:a="{dml}"><a:t>別表第二の事務</a:t>'
                     "</c:chartSpace>")
    assert open_document(p).notes == [
        "グラフ 1 件（chart3.xml）のタイトル・ラベルの文字は読んでいません。引用がないか開いて確認してください"
        " / the titles and labels of 1 chart (chart3.xml) were not read: open them to check for citations"]


def test_a_rewritten_cell_of_a_hidden_sheet_is_noted(tmp_path: Path) -> None:
    """A hidden sheet's cells are rewritten like any other, but Excel does not show them: the 変更箇所 table's row
    「旧!A1」 pointed at a sheet a reviewer could not find.  A note names each hidden sheet with a rewritten cell (a
    very hidden one, which Excel's 「再表示」 does not list, says so); a hidden sheet left unchanged is not named."""
    p = tmp_path / "hidden.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "評価書"
    wb.active["A1"] = OLD
    for title, state, text in (("旧", "hidden", OLD), ("一覧", "veryHidden", OLD), ("空", "hidden", "関係のない文")):
        ws = wb.create_sheet(title)
        ws.sheet_state = state
        ws["A1"] = text
    wb.save(str(p))
    doc = open_document(p)
    edits, _ = rewrite_document(doc, rewrite)
    assert {e.location for e in edits} == {"一覧!A1", "旧!A1", "評価書!A1"}
    hidden = [n for n in doc.notes if "非表示" in n]
    assert hidden == [
        "シート「旧」は非表示です。書き換えたセルは、シートを再表示して確認してください"
        " / sheet 旧 is hidden: unhide it to check the rewritten cells",
        "シート「一覧」は非表示（Excel の「再表示」に出ない設定 veryHidden）です。書き換えたセルは、シートを表示する設定に"
        "して確認してください / sheet 一覧 is very hidden (Excel's Unhide does not list it): make it visible to check the"
        " rewritten cells"]


def test_a_formula_joining_a_cell_after_a_table_gets_no_proposal_for_the_name_alone(tmp_path: Path) -> None:
    """A formula with no stored value is read as its own text; 「="番号法別表第一の"&B5&"の項"」 takes its row from B5, so
    the proposal 「番号法別表」 (the name alone) would leave the old row 16 beside the new name if followed.  It is still
    reported, with no proposal and a message saying why; a formula whose literal holds the whole citation keeps its
    proposal."""
    path = tmp_path / "f.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "評価書"
    ws["B5"] = 16
    ws["C5"] = '="番号法別表第一の"&B5&"の項"'
    ws["C6"] = '="番号法別表第二の27の項"'
    wb.save(str(path))
    before = path.read_bytes()
    edits, findings = rewrite_document(open_document(path), lambda t: rewrite(t, assume_law=True))
    assert edits == []
    got = {f.location: (f.reason, f.text, f.proposed) for f in findings}
    assert got == {
        "評価書!C5": ("formula-not-rewritten", "番号法別表第一", None),
        "評価書!C6": ("formula-not-rewritten", "番号法別表第二の27の項", "番号法第19条第8号に基づく主務省令第2条の表の48の項"),
    }
    c5 = next(f for f in findings if f.location == "評価書!C5")
    assert "つなげて" in c5.message and "joins another cell" in c5.message
    assert path.read_bytes() == before

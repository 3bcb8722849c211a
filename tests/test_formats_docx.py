"""Word documents: runs keep their formatting, tables/headers/footers are rewritten, tracked
changes and fields are left alone, unsafe files are refused with a clear message."""

from __future__ import annotations

import functools
import io
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from mynumber_refs.formats import (
    PROTECTED_MESSAGE,
    FormatError,
    Segment,
    open_document,
    plan_segment_edits,
    rewrite_document,
)
from mynumber_refs.formats.safety import ZipLimits, check_ooxml
from mynumber_refs.model import Edit
from mynumber_refs.rewriter import rewrite

# the sample has citations without the law's name (「別表第一の95の項」): the whole document is
# assumed to cite the My Number Act, as a user would say with --assume-law
ENGINE = functools.partial(rewrite, assume_law=True)

OLD = "番号利用法第9条第1項別表第一の16の項"
NEW = "番号利用法第9条第1項別表の24の項"


def _runs(p):
    return [(r.text, bool(r.bold), bool(r.italic)) for r in p.runs]


def build_docx(path: Path) -> None:
    d = docx.Document()
    # 1: a citation split over three runs: bold 「…別表第」, normal 「一の1」, italic 「6の項に基づく」
    p = d.add_paragraph()
    p.add_run("番号利用法第9条第1項別表第").bold = True
    p.add_run("一の1")
    p.add_run("6の項に基づく").italic = True
    # 2: a plain paragraph
    d.add_paragraph("二段落目: 番号利用法別表第一の59の項")
    # a table with an item label, a citation, a nested table
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "②事務の内容"
    t.cell(0, 1).text = "番号利用法別表第一の36の2の項"
    t.cell(0, 1).add_paragraph("同じセルの二行目 別表第一の95の項")
    inner = t.cell(1, 1).add_table(rows=1, cols=1)
    inner.cell(0, 0).text = "入れ子の表: 番号利用法別表第一の16の項"
    # a header and a footer
    sec = d.sections[0]
    sec.header.paragraphs[0].text = "ヘッダー: 番号利用法別表第一の16の項"
    sec.footer.paragraphs[0].text = "フッター 別表第一の59の項"
    # tracked insertion, fldSimple and a complex field holding a citation: left alone
    body = d.element.body
    ins_p = d.add_paragraph("挿入: ")
    ins_p._p.append(parse_xml(
        f'<w:ins {nsdecls("w")} w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z">'
        "<w:r><w:t>別表第一の16の項</w:t></w:r></w:ins>"))
    del_p = d.add_paragraph("削除の前後 別表第一の")
    del_p._p.append(parse_xml(
        f'<w:del {nsdecls("w")} w:id="2" w:author="a" w:date="2024-01-01T00:00:00Z">'
        "<w:r><w:delText>x</w:delText></w:r></w:del>"))
    del_p._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t>16の項</w:t></w:r>'))
    fld_p = d.add_paragraph("フィールド ")
    fld_p._p.append(parse_xml(
        f'<w:fldSimple {nsdecls("w")} w:instr=" REF bm "><w:r><w:t>別表第一の16の項</w:t></w:r></w:fldSimple>'))
    cfld = d.add_paragraph()
    for xml in ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
                '<w:r><w:instrText xml:space="preserve"> DOCPROPERTY x </w:instrText></w:r>',
                '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
                "<w:r><w:t>別表第一の59の項</w:t></w:r>",
                '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
                "<w:r><w:t> 後ろ 別表第一の95の項</w:t></w:r>"):
        cfld._p.append(parse_xml(xml.replace("<w:r>", f"<w:r {nsdecls('w')}>", 1)))
    assert body is not None
    d.save(str(path))


@pytest.fixture()
def sample(tmp_path: Path) -> Path:
    p = tmp_path / "評価書.docx"
    build_docx(p)
    return p


def test_units_and_locations(sample: Path) -> None:
    doc = open_document(sample)
    labels = {u.location.label: u.text for u in doc.units}
    assert labels["本文 第1段落"].startswith(OLD + "に基づく\n二段落目")
    assert labels["本文 表1 行1 列2（②事務の内容） 第1段落"] == "番号利用法別表第一の36の2の項\n同じセルの二行目 別表第一の95の項"
    assert labels["本文 表1 行2 列2 内の表1 行1 列1"] == "入れ子の表: 番号利用法別表第一の16の項"
    assert labels["ヘッダー（セクション1・既定） 第1段落"] == "ヘッダー: 番号利用法別表第一の16の項"
    assert labels["フッター（セクション1・既定） 第1段落"] == "フッター 別表第一の59の項"


def test_rewrite_keeps_run_formatting_and_skips_protected(sample: Path, tmp_path: Path) -> None:
    doc = open_document(sample)
    edits, findings = rewrite_document(doc, ENGINE)
    out = tmp_path / "out.docx"
    doc.save(out)
    d = docx.Document(str(out))
    paras = d.paragraphs
    # the split citation: each run keeps its formatting, the new text is where the change starts
    assert _runs(paras[0]) == [("番号利用法第9条第1項別表", True, False), ("の24", False, False),
                               ("の項に基づく", False, True)]
    assert paras[0].text == NEW + "に基づく"
    assert paras[1].text == "二段落目: 番号利用法別表の85の項"
    t = d.tables[0]
    assert t.cell(0, 0).text == "②事務の内容"
    assert t.cell(0, 1).text == "番号利用法別表の55の項\n同じセルの二行目 別表の128の項"
    assert t.cell(1, 1).tables[0].cell(0, 0).text == "入れ子の表: 番号利用法別表の24の項"
    assert d.sections[0].header.paragraphs[0].text == "ヘッダー: 番号利用法別表の24の項"
    assert d.sections[0].footer.paragraphs[0].text == "フッター 別表の85の項"
    # tracked changes and fields untouched; the plain run after the complex field rewritten
    xml = out.read_bytes()
    with zipfile.ZipFile(io.BytesIO(xml)) as zf:
        body = zf.read("word/document.xml").decode()
    assert "<w:t>別表第一の16の項</w:t></w:r></w:ins>" in body
    assert "別表第一の16の項</w:t></w:r></w:fldSimple>" in body
    assert "<w:t>別表第一の59の項</w:t>" in body  # the field result
    assert " 後ろ 別表の128の項" in body
    # around a deletion the visible tokens are rewritten and the deleted text stays as it was
    assert ('別表の</w:t></w:r><w:del w:id="2" w:author="a" w:date="2024-01-01T00:00:00Z"><w:r>'
            '<w:delText>x</w:delText></w:r></w:del><w:r><w:t xml:space="preserve">24の項</w:t>') in body
    protected = {(f.location, f.text) for f in findings if f.reason == "protected"}
    assert protected == {("本文 第3段落", "第一"), ("本文 第3段落", "16"),  # inside w:ins
                         ("本文 第5段落", "第一"), ("本文 第5段落", "16"),  # inside w:fldSimple
                         ("本文 第6段落", "第一"), ("本文 第6段落", "59")}  # complex field result
    # edit records carry the whole citation
    first = [e for e in edits if e.location == "本文 第1段落"]
    assert {(e.citation_before, e.citation_after) for e in first} == {(OLD, NEW)}
    assert all(e.evidence for e in edits)


def test_plan_segment_edits_rule() -> None:
    segs = [Segment("別表第"), Segment("一の1"), Segment("6の項")]
    text = "".join(s.text for s in segs)
    # one edit over the whole citation: narrowed to 「第一の16」→「の24」, which starts in run 0
    e = Edit(0, len(text), text, "別表の24の項")
    new, refused = plan_segment_edits(segs, [e])
    assert not refused
    assert new == {0: "別表の24", 1: "", 2: "の項"}
    # an insertion at a run boundary goes into the run before
    new, _ = plan_segment_edits([Segment("ab"), Segment("cd")], [Edit(2, 2, "", "X")])
    assert new == {0: "abX"}
    # a protected segment is never touched
    new, refused = plan_segment_edits([Segment("a"), Segment("b", editable=False), Segment("c")],
                                      [Edit(0, 3, "abc", "xyz")])
    assert new == {} and len(refused) == 1
    # a marker inside the span blocks, at its edge it does not
    segs2 = [Segment("ab"), Segment("", editable=False), Segment("cd")]
    assert plan_segment_edits(segs2, [Edit(1, 3, "bc", "BC")])[1]
    assert plan_segment_edits(segs2, [Edit(0, 2, "ab", "AB")]) == ({0: "AB"}, [])


def test_not_a_zip_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "壊れた.docx"
    p.write_bytes(b"This is not a Word file")
    with pytest.raises(FormatError) as info:
        open_document(p)
    msg = str(info.value)
    assert "壊れた.docx" in msg and "ZIP 形式ではありません" in msg and "not a ZIP archive" in msg
    assert p.read_bytes() == b"This is not a Word file"


def test_ole2_docx_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "pw.docx"
    p.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 504)
    with pytest.raises(FormatError, match="パスワードで保護"):
        open_document(p)


def test_zip_that_is_not_a_docx(tmp_path: Path) -> None:
    p = tmp_path / "other.docx"
    with zipfile.ZipFile(p, "w") as zf:
        zf.writestr("hello.txt", "hi")
    with pytest.raises(FormatError, match="Word 文書"):
        open_document(p)


def test_a_strict_open_xml_document_is_refused_clearly(tmp_path: Path, sample: Path) -> None:
    """Word can save a .docx as Strict Open XML (other namespaces, as ISO/IEC 29500 strict writes them).  python-docx
    finds no main part in it: the file was called corrupt, with a KeyError.  It is refused saying what it is and how to
    save it, and stays as it was."""
    strict = tmp_path / "strict.docx"
    to_strict = [(b"http://schemas.openxmlformats.org/wordprocessingml/2006/main", b"http://purl.oclc.org/ooxml/wordprocessingml/main"),
                 (b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                  b"http://purl.oclc.org/ooxml/officeDocument/relationships")]
    with zipfile.ZipFile(sample) as src, zipfile.ZipFile(strict, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            for old, new in to_strict:
                data = data.replace(old, new)
            dst.writestr(info, data)
    before = strict.read_bytes()
    with pytest.raises(FormatError) as info:
        open_document(strict)
    msg = str(info.value)
    assert "Strict Open XML 形式" in msg and "Strict Open XML document is not supported" in msg and "KeyError" not in msg
    assert strict.read_bytes() == before


def test_a_document_missing_a_part_its_relationships_name_is_refused_naming_the_part(tmp_path: Path, sample: Path) -> None:
    """A .docx whose word/styles.xml was lost (a broken copy or a tool that dropped it) while the relationships still name
    it: the message said only 「KeyError: "There is no item named …"」; it names the missing part and what to do, and the
    file stays as it was."""
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(sample) as src, zipfile.ZipFile(broken, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != "word/styles.xml":
                dst.writestr(info, src.read(info))
    before = broken.read_bytes()
    with pytest.raises(FormatError) as info:
        open_document(broken)
    msg = str(info.value)
    assert "関係が示す部品 word/styles.xml がパッケージにありません" in msg and "Word で開いて保存し直してください" in msg
    assert "the part word/styles.xml its relationships name is missing" in msg and "KeyError" not in msg
    assert broken.read_bytes() == before


def test_zip_bomb_is_refused(tmp_path: Path, sample: Path) -> None:
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(sample) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.writestr("word/media/zeros.bin", b"\0" * (20 * 1024 * 1024))  # ~1000x ratio
    with pytest.raises(FormatError, match="zip 爆弾"):
        open_document(bomb)
    # the total size limit and the entry count limit, with small limits
    with pytest.raises(FormatError, match="合計サイズ"):
        check_ooxml(sample, "Word", ZipLimits(max_total_uncompressed=1000))
    with pytest.raises(FormatError, match="エントリ数"):
        check_ooxml(sample, "Word", ZipLimits(max_entries=3))


def test_dtd_in_a_part_is_refused(tmp_path: Path, sample: Path) -> None:
    evil = tmp_path / "laughs.docx"
    with zipfile.ZipFile(sample) as src, zipfile.ZipFile(evil, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                head = b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>'
                data = head + data[data.index(b"<w:document"):]
            dst.writestr(info, data)
    with pytest.raises(FormatError, match="エンティティ展開"):
        open_document(evil)


def test_split_citation_without_assumption(tmp_path: Path) -> None:
    """The default engine (no assumption) on named citations in a paragraph, a cell and a header."""
    p = tmp_path / "real.docx"
    d = docx.Document()
    para = d.add_paragraph()
    para.add_run("番号利用法第9条第1項別表第").bold = True
    para.add_run("一の1")
    para.add_run("6の項に基づく").italic = True
    # no law established (the sentence before has ended): reported, not rewritten
    d.add_paragraph("以下略。別表第一の16の項")
    d.add_table(rows=1, cols=1).cell(0, 0).text = OLD
    d.sections[0].header.paragraphs[0].text = OLD
    d.save(str(p))
    doc = open_document(p)
    edits, findings = rewrite_document(doc, rewrite)
    assert {e.location for e in edits} == {"本文 第1段落", "本文 表1 行1 列1", "ヘッダー（セクション1・既定） 第1段落"}
    assert [f.location for f in findings] == ["本文 第2段落"]
    doc.save(p)
    d2 = docx.Document(str(p))
    assert _runs(d2.paragraphs[0]) == [("番号利用法第9条第1項別表", True, False), ("の24", False, False),
                                       ("の項に基づく", False, True)]
    assert d2.paragraphs[1].text == "以下略。別表第一の16の項"
    assert d2.tables[0].cell(0, 0).text == NEW
    assert d2.sections[0].header.paragraphs[0].text == NEW


def test_docx_xml_untouched_outside_edits(sample: Path, tmp_path: Path) -> None:
    """Runs not involved in an edit keep their XML (properties, text) exactly."""
    doc = open_document(sample)
    rewrite_document(doc, ENGINE)
    out = tmp_path / "o.docx"
    doc.save(out)
    d0, d1 = docx.Document(str(sample)), docx.Document(str(out))
    for p0, p1 in zip(d0.paragraphs, d1.paragraphs, strict=True):
        assert len(p0.runs) == len(p1.runs)
        for r0, r1 in zip(p0.runs, p1.runs, strict=True):
            rpr0, rpr1 = r0._r.find(qn("w:rPr")), r1._r.find(qn("w:rPr"))
            assert (rpr0 is None) == (rpr1 is None)
            if rpr0 is not None and rpr1 is not None:
                assert rpr0.xml == rpr1.xml


def test_comments_are_left_alone(tmp_path: Path) -> None:
    p = tmp_path / "comment.docx"
    d = docx.Document()
    para = d.add_paragraph("本文 " + OLD)
    d.add_comment(para.runs, text="コメント " + OLD, author="担当")
    d.save(str(p))
    with zipfile.ZipFile(p) as zf:
        comments_before = zf.read("word/comments.xml")
    doc = open_document(p)
    edits, _ = rewrite_document(doc, rewrite)
    assert {e.location for e in edits} == {"本文 第1段落"}
    doc.save(p)
    with zipfile.ZipFile(p) as zf:
        assert zf.read("word/comments.xml") == comments_before
    assert docx.Document(str(p)).paragraphs[0].text == "本文 " + NEW


# text boxes: Word keeps each one twice, a DrawingML copy (mc:Choice) and a VML copy (mc:Fallback)
MC_DECLS = ('xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
            'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
            'xmlns:v="urn:schemas-microsoft-com:vml"')
TB_OLD = "番号利用法別表第一の16の項"
TB_NEW = "番号利用法別表の24の項"


def _box_paragraphs(*runs: str) -> str:
    return "<w:p>" + "".join(f'<w:r><w:t xml:space="preserve">{t}</w:t></w:r>' for t in runs) + "</w:p>"


def _text_box_run(choice: str, fallback: str | None) -> str:
    """A run anchoring a text box: mc:AlternateContent with both copies, or a bare DrawingML box
    when ``fallback`` is None."""
    drawing = (
        '<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1"'
        ' behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        '<wp:extent cx="1828800" cy="457200"/><wp:docPr id="10" name="Text Box 10"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f'<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr/><wps:txbx><w:txbxContent>{choice}</w:txbxContent>'
        '</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>')
    if fallback is None:
        inner = drawing
    else:
        inner = (f'<mc:AlternateContent><mc:Choice Requires="wps">{drawing}</mc:Choice><mc:Fallback>'
                 '<w:pict><v:rect style="width:144pt;height:36pt"><v:textbox>'
                 f'<w:txbxContent>{fallback}</w:txbxContent></v:textbox></v:rect></w:pict>'
                 '</mc:Fallback></mc:AlternateContent>')
    return f'<w:r {nsdecls("w", "wp", "a")} {MC_DECLS}>{inner}</w:r>'


def _doc_with_text_box(path: Path, choice: str, fallback: str | None) -> None:
    d = docx.Document()
    d.add_paragraph("前の段落")
    p = d.add_paragraph("次の図を参照: ")
    p._p.append(parse_xml(_text_box_run(choice, fallback)))
    p.add_run("（図1）")
    # a VML text box in the header, with no other copy
    d.sections[0].header.paragraphs[0]._p.append(parse_xml(
        f'<w:r {nsdecls("w")} {MC_DECLS}><w:pict><v:rect><v:textbox><w:txbxContent>'
        f'{_box_paragraphs("ヘッダーの枠 " + TB_OLD)}</w:txbxContent></v:textbox></v:rect></w:pict></w:r>'))
    d.save(str(path))


def _part_xml(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as zf:
        return zf.read(name)


def _box_texts(xml: bytes) -> list[str]:
    """The text of every w:txbxContent in a part, in document order (Choice copy, then Fallback)."""
    root = parse_xml(xml)
    return ["".join(t.text or "" for t in box.iter(qn("w:t"))) for box in root.iter(qn("w:txbxContent"))]


def test_text_box_is_rewritten_in_both_copies(tmp_path: Path) -> None:
    p = tmp_path / "box.docx"
    box = _box_paragraphs("枠内: 番号利用法別表第", "一の16の項") + _box_paragraphs("二行目")
    _doc_with_text_box(p, box, box)
    doc = open_document(p)
    edits, findings = rewrite_document(doc, rewrite)
    assert not findings
    assert {e.location for e in edits} == {"本文 テキストボックス1 第1段落",
                                           "ヘッダー（セクション1・既定） テキストボックス1 第1段落"}
    assert {(e.citation_before, e.citation_after) for e in edits} == {(TB_OLD, TB_NEW)}
    doc.save(p)
    # both copies hold the new text, segment by segment
    body = _part_xml(p, "word/document.xml")
    assert _box_texts(body) == ["枠内: " + TB_NEW + "二行目"] * 2
    root = parse_xml(body)
    for box_el in root.iter(qn("w:txbxContent")):
        assert [t.text for t in box_el.iter(qn("w:t"))] == ["枠内: 番号利用法別表", "の24の項", "二行目"]
    # the paragraph anchoring the drawing keeps its own runs
    d = docx.Document(str(p))
    assert [r.text for r in d.paragraphs[1].runs] == ["次の図を参照: ", "", "（図1）"]
    assert d.paragraphs[0].text == "前の段落"
    header = d.sections[0].header.part.blob
    assert _box_texts(header) == ["ヘッダーの枠 " + TB_NEW]
    # a second run changes nothing
    doc2 = open_document(p)
    assert rewrite_document(doc2, rewrite) == ([], [])
    assert not doc2.changed


def test_text_box_units_are_read_once(tmp_path: Path) -> None:
    p = tmp_path / "box.docx"
    box = _box_paragraphs(TB_OLD)
    _doc_with_text_box(p, box, box)
    doc = open_document(p)
    holding = [u for u in doc.units if TB_OLD in u.text]
    assert [u.location.label for u in holding] == ["本文 テキストボックス1 第1段落",
                                                   "ヘッダー（セクション1・既定） テキストボックス1 第1段落"]
    assert holding[0].text == TB_OLD
    assert holding[0].location.detail == {"part": "body", "textbox": 1, "paragraph": 1}
    assert holding[1].location.detail == {"part": "header", "section": 1, "kind": "default",
                                          "textbox": 1, "paragraph": 1}
    # the text box does not leak into the paragraph that anchors it
    labels = {u.location.label: u.text for u in doc.units}
    assert labels["本文 第1段落"] == "前の段落\n次の図を参照: （図1）"


def test_text_box_copies_that_differ_are_left_alone(tmp_path: Path) -> None:
    p = tmp_path / "box.docx"
    _doc_with_text_box(p, _box_paragraphs(TB_OLD), _box_paragraphs("番号利用法別表第一の15の項"))
    body_before = _part_xml(p, "word/document.xml")
    doc = open_document(p)
    edits, findings = rewrite_document(doc, rewrite)
    assert {e.location for e in edits} == {"ヘッダー（セクション1・既定） テキストボックス1 第1段落"}
    skipped = [f for f in findings if f.location == "本文 テキストボックス1 第1段落"]
    assert skipped and all(f.reason == "protected" for f in skipped)
    assert all("mc:Fallback" in f.message and " / " in f.message for f in skipped)
    assert {f.text for f in skipped} >= {"第一", "16"}
    doc.save(p)
    body = _part_xml(p, "word/document.xml")
    assert _box_texts(body) == [TB_OLD, "番号利用法別表第一の15の項"]
    assert _box_texts(body) == _box_texts(body_before)
    assert _box_texts(docx.Document(str(p)).sections[0].header.part.blob) == ["ヘッダーの枠 " + TB_NEW]


def test_text_box_without_fallback_is_rewritten(tmp_path: Path) -> None:
    p = tmp_path / "box.docx"
    _doc_with_text_box(p, _box_paragraphs(TB_OLD), None)
    doc = open_document(p)
    edits, findings = rewrite_document(doc, rewrite)
    assert not findings
    assert "本文 テキストボックス1 第1段落" in {e.location for e in edits}
    doc.save(p)
    assert _box_texts(_part_xml(p, "word/document.xml")) == [TB_NEW]


def _add_notes(d, kind: str, notes: dict[int, str]) -> None:
    """Add a footnotes or endnotes part (python-docx loads it back as a plain part) holding
    the separator notes, which carry a citation that must never be read, and ``notes``."""
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    tag = kind[:-1]
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:{kind} {nsdecls("w")}>'
           f'<w:{tag} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r>'
           f"<w:r><w:t>{TB_OLD}</w:t></w:r></w:p></w:{tag}>"
           f'<w:{tag} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>'
           f"</w:p></w:{tag}>")
    for note_id, text in notes.items():
        xml += (f'\r\n  <w:{tag} w:id="{note_id}"><w:p><w:r><w:{tag}Ref/></w:r>'
                f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:{tag}>')
        d.paragraphs[-1]._p.append(parse_xml(
            f'<w:r {nsdecls("w")}><w:{tag}Reference w:id="{note_id}"/></w:r>'))
    xml += f"\r\n</w:{kind}>"  # the line breaks make any rewriting of the part visible
    content_type = CT.WML_FOOTNOTES if kind == "footnotes" else CT.WML_ENDNOTES
    part = Part(PackURI(f"/word/{kind}.xml"), content_type, xml.encode(), d.part.package)
    d.part.relate_to(part, RT.FOOTNOTES if kind == "footnotes" else RT.ENDNOTES)


def _note_texts(xml: bytes, tag: str) -> dict[str, str]:
    root = parse_xml(xml)
    return {n.get(qn("w:id")): "".join(t.text or "" for t in n.iter(qn("w:t"))) for n in root.iter(qn(tag))}


def test_footnotes_and_endnotes_are_rewritten(tmp_path: Path) -> None:
    p = tmp_path / "notes.docx"
    d = docx.Document()
    d.add_paragraph("本文の段落")
    _add_notes(d, "footnotes", {3: "参考: " + TB_OLD, 1: "最初の脚注"})
    _add_notes(d, "endnotes", {1: "文末: 番号利用法別表第一の59の項"})
    d.save(str(p))
    doc = open_document(p)
    labels = {u.location.label: u for u in doc.units}
    assert labels["脚注1 第1段落"].text == " 最初の脚注"
    assert labels["脚注2 第1段落"].text == " 参考: " + TB_OLD
    assert labels["脚注2 第1段落"].location.detail == {"part": "footnotes", "note": 3, "paragraph": 1}
    assert labels["文末脚注1 第1段落"].location.detail == {"part": "endnotes", "note": 1, "paragraph": 1}
    assert sum(TB_OLD in u.text for u in doc.units) == 1  # the separator is not read
    edits, findings = rewrite_document(doc, rewrite)
    assert not findings
    assert {e.location for e in edits} == {"脚注2 第1段落", "文末脚注1 第1段落"}
    doc.save(p)
    docx.Document(str(p))  # still opens
    foot = _part_xml(p, "word/footnotes.xml")
    assert foot.startswith(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:footnotes ')
    assert _note_texts(foot, "w:footnote") == {"-1": TB_OLD, "0": "", "3": " 参考: " + TB_NEW, "1": " 最初の脚注"}
    end = _part_xml(p, "word/endnotes.xml")
    assert _note_texts(end, "w:endnote")["1"] == " 文末: 番号利用法別表の85の項"


def test_notes_and_text_boxes_have_the_headings_where_they_are_anchored(tmp_path: Path) -> None:
    """A footnote, an endnote and a text box are under the heading path of the body paragraph or table cell that
    holds their reference or anchor (the 変更箇所 table's 項目), not only 「脚注1 第1段落」."""
    p = tmp_path / "anchored.docx"
    d = docx.Document()
    d.add_heading("Ⅰ　基本情報", level=1)
    d.add_paragraph("１．特定個人情報ファイルを取り扱う事務")
    para = d.add_paragraph("次の図を参照: ")
    para._p.append(parse_xml(_text_box_run(_box_paragraphs("枠内: " + TB_OLD), None)))
    _add_notes(d, "footnotes", {1: "参考: " + TB_OLD})  # its reference: in the paragraph above
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "②事務の内容"
    table.cell(0, 1).text = "セルの文"
    d.add_paragraph("２．特定個人情報ファイルの概要")
    _add_notes(d, "endnotes", {1: "文末: " + TB_OLD})
    ref = d.paragraphs[-1]._p[-1]  # the endnote's reference moves into the cell
    table.cell(0, 1).paragraphs[0]._p.append(ref)
    d.save(str(p))
    doc = open_document(p)
    labels = {u.location.label: u.location.detail for u in doc.units}
    path = ["Ⅰ 基本情報", "１．特定個人情報ファイルを取り扱う事務"]
    assert labels["脚注1 第1段落"] == {"part": "footnotes", "note": 1, "paragraph": 1, "heading": path}
    assert labels["文末脚注1 第1段落"] == {"part": "endnotes", "note": 1, "paragraph": 1,
                                         "heading": [*path, "②事務の内容"]}
    assert labels["本文 テキストボックス1 第1段落"]["heading"] == path
    assert labels["本文 第4段落"]["heading"] == path  # the body's own headings are what they were


def test_notes_without_citations_keep_their_bytes(tmp_path: Path) -> None:
    p = tmp_path / "notes.docx"
    d = docx.Document()
    d.add_paragraph("本文 " + OLD)
    _add_notes(d, "footnotes", {1: "参考資料を参照"})
    _add_notes(d, "endnotes", {1: "以上"})
    d.save(str(p))
    foot_before = _part_xml(p, "word/footnotes.xml")
    end_before = _part_xml(p, "word/endnotes.xml")
    doc = open_document(p)
    edits, _ = rewrite_document(doc, rewrite)
    assert {e.location for e in edits} == {"本文 第1段落"}
    doc.save(p)
    assert docx.Document(str(p)).paragraphs[0].text == "本文 " + NEW
    assert _part_xml(p, "word/footnotes.xml") == foot_before
    assert _part_xml(p, "word/endnotes.xml") == end_before


def test_ruby_base_text_is_read_and_never_edited(tmp_path: Path) -> None:
    # 「番号」 carries furigana (w:ruby): the citation is found through it; an edit elsewhere in
    # the citation goes ahead, one that would change the ruby's base text is refused
    ruby = (
        f'<w:r {nsdecls("w")}><w:ruby><w:rubyPr/><w:rt><w:r><w:t>ばんごう</w:t></w:r></w:rt>'
        "<w:rubyBase><w:r><w:t>番号</w:t></w:r></w:rubyBase></w:ruby></w:r>"
    )
    p = tmp_path / "ruby.docx"
    d = docx.Document()
    para = d.add_paragraph()
    para._p.append(parse_xml(ruby))
    para.add_run("法別表第一の16の項")
    para2 = d.add_paragraph()
    para2.add_run("番号法別表第")
    para2._p.append(parse_xml(ruby.replace("ばんごう", "いち").replace("番号", "一")))
    para2.add_run("の16の項")
    d.save(str(p))
    doc = open_document(p)
    assert [u.text for u in doc.units] == ["番号法別表第一の16の項\n番号法別表第一の16の項"]
    edits, _ = rewrite_document(doc, rewrite)
    doc.save(p)
    body = docx.Document(str(p)).element.body
    texts = ["".join(t.text for t in p_el.iter(qn("w:t"))) for p_el in body.iter(qn("w:p"))]
    # the first paragraph: 「第一」 is outside the ruby, so it goes; the reading stays with 番号
    assert texts[0] == "ばんごう番号法別表の24の項"
    # the second: 「一」 is the ruby's base: nothing in that citation changes, not even its row
    assert texts[1] == "番号法別表第いち一の16の項"
    assert len(edits) >= 1


def test_a_citation_partly_in_a_tracked_change_is_kept_whole(tmp_path: Path) -> None:
    # 「第一」 lies in a tracked insertion: the row number outside it must not change alone
    ins = (f'<w:ins {nsdecls("w")} w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z">'
           "<w:r><w:t>第一</w:t></w:r></w:ins>")
    p = tmp_path / "tracked.docx"
    d = docx.Document()
    para = d.add_paragraph()
    para.add_run("番号法別表")
    para._p.append(parse_xml(ins))
    para.add_run("の16の項、番号法別表第一の20の項")
    d.save(str(p))
    doc = open_document(p)
    edits, findings = rewrite_document(doc, rewrite)
    doc.save(p)
    text = "".join(t.text for t in docx.Document(str(p)).element.body.iter(qn("w:t")))
    assert text == "番号法別表第一の16の項、番号法別表の32の項"  # the second citation is free
    reasons = sorted(f.reason for f in findings)
    assert reasons == ["group", "protected"]
    assert [e.before for e in edits] == ["第一", "20"]


_BINDING = '<w:dataBinding w:xpath="/root[1]/basis[1]" w:storeItemID="{11111111-2222-3333-4444-555555555555}"/><w:text/>'
_DROP_DOWN = ('<w:dropDownList><w:listItem w:displayText="番号法別表第一の16の項" w:value="16"/>'
              '<w:listItem w:displayText="番号法別表第一の59の項" w:value="59"/></w:dropDownList>')


def _document_with_control(p: Path, sdt: Any, block: bool) -> Path:
    """A document of 「根拠：」 with the content control ``sdt`` after it (its own block, or inside its paragraph), then a
    paragraph citing the act's table, saved at ``p``."""
    d = docx.Document()
    para = d.add_paragraph("根拠：")
    if block:
        para._p.addnext(sdt)
    else:
        para._p.append(sdt)
    d.add_paragraph("番号法別表第一の59の項")
    d.save(str(p))
    return p


@pytest.mark.parametrize(("properties", "rewritten"), [
    (_BINDING, False),  # Word fills it from the custom XML part on opening the file
    (_DROP_DOWN, False),  # its text is one of the list's entries, which keep the old citation
    ('<w:alias w:val="根拠"/><w:text/>', True),  # a plain text control: its text is the document's
    ('<w:alias w:val="根拠"/>', True),
])
@pytest.mark.parametrize("block", [False, True])
def test_a_content_control_word_fills_from_elsewhere_is_kept(
    tmp_path: Path, properties: str, rewritten: bool, block: bool
) -> None:
    """The text of a content control bound to XML data (w:dataBinding) or chosen from a drop-down list is not the
    document's own: Word puts the bound value back on opening (the edit was lost, yet listed as made), and the list
    keeps its old entries.  It is kept and reported (protected); a control of plain text is rewritten."""
    run = "<w:r><w:t>番号法別表第一の16の項</w:t></w:r>"
    content = f"<w:p>{run}</w:p>" if block else run
    sdt = parse_xml(f'<w:sdt {nsdecls("w")}><w:sdtPr>{properties}</w:sdtPr><w:sdtContent>{content}</w:sdtContent></w:sdt>')
    p = _document_with_control(tmp_path / "sdt.docx", sdt, block)
    doc = open_document(p)
    edits, findings = rewrite_document(doc, rewrite)
    doc.save(p)
    texts = [t.text for t in docx.Document(str(p)).element.body.iter(qn("w:t"))]
    assert texts[-2:] == ["番号法別表の24の項" if rewritten else "番号法別表第一の16の項", "番号法別表の85の項"]
    assert {f.reason for f in findings} == (set() if rewritten else {"protected"})
    assert "コンテンツ コントロール" in PROTECTED_MESSAGE and "content control" in PROTECTED_MESSAGE


@pytest.mark.parametrize("block", [False, True])
@pytest.mark.parametrize(("flag", "placeholder"), [
    ("<w:showingPlcHdr/>", True), ('<w:showingPlcHdr w:val="true"/>', True), ('<w:showingPlcHdr w:val="false"/>', False)])
def test_a_content_control_showing_its_placeholder_is_not_read(
    tmp_path: Path, block: bool, flag: str, placeholder: bool
) -> None:
    """A content control showing its placeholder (w:showingPlcHdr: the grey prompt of an empty control) holds no text
    of the document: Word puts the prompt back from the template when the control is emptied, and the 変更箇所 table
    would list a prompt as a change.  Its text is kept as written, with no edit and no finding, and a note names it;
    the document's own text is rewritten as before.  A control whose flag is off is text like any other."""
    run = "<w:r><w:rPr><w:rStyle w:val=\"PlaceholderText\"/></w:rPr><w:t>例：番号法別表第一の16の項</w:t></w:r>"
    content = f"<w:p>{run}</w:p>" if block else run
    sdt = parse_xml(f'<w:sdt {nsdecls("w")}><w:sdtPr><w:alias w:val="根拠"/>{flag}</w:sdtPr>'
                    f'<w:sdtContent>{content}</w:sdtContent></w:sdt>')
    p = _document_with_control(tmp_path / "placeholder.docx", sdt, block)
    doc = open_document(p)
    edits, findings = rewrite_document(doc, rewrite)
    doc.save(p)
    texts = [t.text for t in docx.Document(str(p)).element.body.iter(qn("w:t"))]
    assert texts[-2:] == ["例：番号法別表第一の16の項" if placeholder else "例：番号法別表の24の項", "番号法別表の85の項"]
    assert findings == []
    assert sorted(e.before for e in edits) == (["59", "第一"] if placeholder else ["16", "59", "第一", "第一"])
    notes = [n for n in doc.notes if "プレースホルダー" in n]
    assert notes == ([
        "プレースホルダー（入力前の案内の文字）を表示中のコンテンツ コントロール 1 件（「例：番号法別表第一の16の項」）は、文書の本文ではないため"
        "読んでいません。案内の文字に旧い引用があれば、テンプレートで直してください / 1 content control showing placeholder"
        " text (「例：番号法別表第一の16の項」) was not read: a placeholder is no text of the document; if it cites the old"
        " numbering, correct it in the template"] if placeholder else [])


def test_a_table_renamed_beside_a_network_item_stays_when_the_items_table_meets_a_tracked_change(tmp_path: Path) -> None:
    """「番号法第19条第7号及び別表第二の2<ins>7</ins>の項並びに別表第二の28の項」: the first table cannot be rewritten (its
    row is in a tracked change), so its 第7号 stays; the second was renamed to 「番号法第19条第8号に基づく…の49の項」
    beside it.  It changes with the first or not at all."""
    d = docx.Document()
    p = d.add_paragraph()
    p.add_run("番号法第19条第7号及び別表第二の2")
    p._p.append(parse_xml(
        f'<w:ins {nsdecls("w")} w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z"><w:r><w:t>7</w:t></w:r></w:ins>'))
    p.add_run("の項並びに別表第二の28の項に基づく。")
    path = tmp_path / "a.docx"
    d.save(path)
    doc = open_document(path)
    edits, findings = rewrite_document(doc, ENGINE)
    assert edits == []
    assert {f.text for f in findings if f.reason == "group"} >= {"7", "別表第二", "28"}


def test_an_embedded_object_is_noted_as_not_read(tmp_path: Path) -> None:
    """An Excel sheet pasted into a Word document as an object (word/embeddings/) keeps its own text, which is not read:
    a citation there was missed without a word.  The document now says so (a note, Japanese and English); the
    document's own text is rewritten as before, and a document without embedded objects says nothing."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    p = tmp_path / "embedded.docx"
    d = docx.Document()
    d.add_paragraph(OLD)
    embedded = Part(PackURI("/word/embeddings/Microsoft_Excel_Worksheet1.xlsx"),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", b"PK\x05\x06" + b"\0" * 18,
                    d.part.package)
    d.part.relate_to(embedded, RT.PACKAGE)
    d.save(str(p))
    doc = open_document(p)
    assert doc.notes == ["埋め込まれたオブジェクト 1 件（Microsoft_Excel_Worksheet1.xlsx）の中の文字は読んでいません。引用がないか"
                         "開いて確認してください / the text inside 1 embedded object (Microsoft_Excel_Worksheet1.xlsx) was not"
                         " read: open it to check for citations"]
    edits, _ = rewrite_document(doc, rewrite)
    assert {e.location for e in edits} == {"本文 第1段落"}
    plain = tmp_path / "plain.docx"
    docx.Document().save(str(plain))
    assert open_document(plain).notes == []


_A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"


@pytest.mark.parametrize(("part", "content_type", "rel"), [
    ("/word/diagrams/data1.xml", "application/vnd.openxmlformats-officedocument.drawingml.diagramData+xml",
     "http://schemas.openxmlformats.org/officeDocument/2006/relationships/diagramData"),
    ("/word/charts/chart1.xml", "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
     "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"),
])
def test_a_smartart_graphic_or_chart_that_may_cite_is_noted_as_not_read(
    tmp_path: Path, part: str, content_type: str, rel: str
) -> None:
    """The text of a SmartArt graphic (word/diagrams/) or a chart (word/charts/) in a Word document is not read: a
    「番号法別表第二に基づく情報連携」 in a SmartArt box was missed without a word (an Excel workbook notes its charts).  A
    note names the part when its text may cite; a graphic whose text does not says nothing."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    def with_graphic(text: str) -> Path:
        p = tmp_path / f"graphic{len(text)}.docx"
        d = docx.Document()
        d.add_paragraph(OLD)
        xml = f'<root xmlns:a="{_A_NS}"><a:p><a:r><a:t>{text}</a:t></a:r></a:p></root>'.encode()
        d.part.relate_to(Part(PackURI(part), content_type, xml, d.part.package), rel)
        d.save(str(p))
        return p

    name = part.rsplit("/", 1)[-1]
    doc = open_document(with_graphic("番号法別表第二に基づく情報連携"))
    assert doc.notes == [f"SmartArt・グラフ 1 件（{name}）の文字は読んでいません。引用がないか開いて確認してください"
                         f" / the text of 1 SmartArt graphic or chart ({name}) was not read: open it to check for citations"]
    edits, _ = rewrite_document(doc, rewrite)
    assert {e.location for e in edits} == {"本文 第1段落"}
    assert open_document(with_graphic("住民票の写しの交付")).notes == []


@pytest.mark.parametrize(("setting", "tracked"), [
    ("<w:trackRevisions {ns}/>", True), ('<w:trackRevisions {ns} w:val="true"/>', True),
    ('<w:trackRevisions {ns} w:val="false"/>', False), ("", False)])
def test_a_document_that_records_its_changes_gets_them_tracked(tmp_path: Path, setting: str, tracked: bool) -> None:
    """A document with Word's 「変更履歴の記録」 on (w:trackRevisions) was rewritten with plain edits unless --track-changes
    was given: a reviewer reading its revisions saw none.  Its edits are tracked changes, as Word records an edit made
    in it, and a note says so; with the setting off or absent they are plain."""
    p = tmp_path / "recording.docx"
    d = docx.Document()
    d.add_paragraph("根拠: " + OLD)
    if setting:
        d.settings.element.append(parse_xml(setting.format(ns=nsdecls("w"))))
    d.save(str(p))
    doc = open_document(p)
    edits, _ = rewrite_document(doc, rewrite)
    assert edits and doc.changed
    doc.save(p)
    body = _part_xml(p, "word/document.xml").decode()
    assert ('w:author="mynumber-refs"' in body) == tracked
    accepted = "".join(t.text or "" for t in parse_xml(body.encode()).iter(qn("w:t")))  # (w:delText is no w:t)
    assert accepted == "根拠: " + NEW
    assert any("変更履歴の記録" in n and "Track Changes" in n for n in doc.notes) == tracked
    again = open_document(p)
    assert rewrite_document(again, rewrite)[0] == [] and not again.changed  # a second run changes nothing


@pytest.mark.parametrize(("edit", "tracked", "written"), [
    ("trackedChanges", False, False),  # Word's 「編集の制限」 enforces tracked changes: not without them
    ("trackedChanges", True, True),
    ("readOnly", True, False),
    ("forms", False, False),
    ("none", False, True),  # (no editing restriction)
])
def test_a_document_whose_editing_is_restricted_is_not_written(tmp_path: Path, edit: str, tracked: bool, written: bool) -> None:
    """A document protected with Word's Restrict Editing (w:documentProtection, enforced) was rewritten silently: plain
    edits where its author required every change tracked, edits to a read-only or form document.  Such a document is
    written only as its protection allows (tracked changes, with --track-changes); otherwise saving it fails with a
    clear message and the file stays as it was."""
    p = tmp_path / "protected.docx"
    d = docx.Document()
    d.add_paragraph(OLD)
    d.settings.element.append(parse_xml(f'<w:documentProtection {nsdecls("w")} w:edit="{edit}" w:enforcement="1"/>'))
    d.save(str(p))
    before = p.read_bytes()
    doc = open_document(p)
    if tracked:
        doc.track_changes()
    edits, _ = rewrite_document(doc, rewrite)
    assert edits and doc.changed
    if written:
        doc.save(p)
        assert p.read_bytes() != before
        return
    with pytest.raises(FormatError) as info:
        doc.save(p)
    msg = str(info.value)
    assert "編集の制限" in msg and "Restrict Editing" in msg
    assert ("--track-changes" in msg) == (edit == "trackedChanges")
    assert p.read_bytes() == before


def add_signature(path: Path) -> None:
    """Give a package a digital signature's parts as Office writes them (``_xmlsignatures/``: the origin, related from
    the package, and a signature related from the origin); the signature's content is not checked here."""
    ns = "http://schemas.openxmlformats.org/package/2006/relationships"
    sig = "http://schemas.openxmlformats.org/package/2006/relationships/digital-signature"
    with zipfile.ZipFile(path) as zf:
        parts = {i.filename: zf.read(i) for i in zf.infolist()}
    parts["_rels/.rels"] = parts["_rels/.rels"].replace(
        b"</Relationships>", f'<Relationship Id="rIdSig" Type="{sig}/origin" Target="_xmlsignatures/origin.sigs"/>'
        "</Relationships>".encode())
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(b"</Types>", (
        b'<Default Extension="sigs" ContentType="application/vnd.openxmlformats-package.digital-signature-origin"/>'
        b'<Override PartName="/_xmlsignatures/sig1.xml" ContentType="application/vnd.openxmlformats-package.'
        b'digital-signature-xmlsignature+xml"/></Types>'))
    parts["_xmlsignatures/origin.sigs"] = b""
    parts["_xmlsignatures/_rels/origin.sigs.rels"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{ns}"><Relationship Id="rId1" '
        f'Type="{sig}/signature" Target="sig1.xml"/></Relationships>').encode()
    parts["_xmlsignatures/sig1.xml"] = b'<Signature xmlns="http://www.w3.org/2000/09/xmldsig#" Id="idPackageSignature"/>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)


@pytest.mark.parametrize("citing", [True, False])
def test_a_digitally_signed_document_is_not_written_changed(tmp_path: Path, citing: bool) -> None:
    """A digitally signed document (_xmlsignatures/) was rewritten silently, which breaks its signature.  Like a
    document under Restrict Editing, it is not written: saving it fails saying why and what to do, and the file stays
    as it was.  A signed document the rewrite leaves alone is saved as it was (nothing to break)."""
    p = tmp_path / "signed.docx"
    d = docx.Document()
    d.add_paragraph(OLD if citing else "関係のない文章")
    d.save(str(p))
    add_signature(p)
    before = p.read_bytes()
    doc = open_document(p)
    edits, _ = rewrite_document(doc, rewrite)
    assert bool(edits) is citing is doc.changed
    if not citing:
        return
    with pytest.raises(FormatError) as info:
        doc.save(p)
    msg = str(info.value)
    assert "デジタル署名" in msg and "digitally signed" in msg and "署名を削除" in msg
    assert p.read_bytes() == before


@pytest.mark.parametrize("protect", ["signed", "readOnly", "trackedChanges"])
@pytest.mark.parametrize("option", [[], ["--check"], ["--report"]])
def test_a_dry_run_of_a_document_that_will_not_be_written_says_so_first(
        tmp_path: Path, protect: str, option: list[str]) -> None:
    """A dry run, --check or a report of a signed or write-protected document listed its edits as if they could be
    written; writing was refused only when tried.  The file's first note now says the changes cannot be written and
    why (Japanese, then English), before the edits; a document whose protection the run satisfies says nothing."""
    import io
    import json

    from test_batch import parse

    from mynumber_refs import batch

    p = tmp_path / "pia.docx"
    d = docx.Document()
    d.add_paragraph(OLD)
    if protect != "signed":
        d.settings.element.append(parse_xml(f'<w:documentProtection {nsdecls("w")} w:edit="{protect}" w:enforcement="1"/>'))
    d.save(str(p))
    if protect == "signed":
        add_signature(p)
    report = tmp_path / "report.json"
    argv = [str(p), *(["--report", str(report)] if option == ["--report"] else option)]
    for tracked in ([False, True] if protect == "trackedChanges" else [False]):
        out, err = io.StringIO(), io.StringIO()
        batch.run_files(argv[:1], parse(argv + (["--track-changes"] if tracked else [])), stdout=out, stderr=err)
        lines = out.getvalue().splitlines()
        notes = [x for x in lines if "注意 note:" in x]
        if tracked:
            assert notes == [] and any("→" in x for x in lines)
            continue
        assert notes and notes[0].split("注意 note: ")[1].startswith("この変更は書き込めません")
        assert "these changes cannot be written" in notes[0]
        assert ("デジタル署名" in notes[0]) == (protect == "signed")
        assert ("編集の制限" in notes[0]) == (protect != "signed")
        assert lines.index(notes[0]) < min(k for k, x in enumerate(lines) if "→" in x)  # before the edits
        if option == ["--report"]:
            assert json.loads(report.read_text("utf-8"))["files"][0]["notes"][0].startswith("この変更は書き込めません")


def test_a_combo_box_whose_list_cites_is_noted(tmp_path: Path) -> None:
    """A combo box's text is rewritten (it takes any text) but the entries of its list are not: like an Excel
    data-validation list, a note says so, as a reviewer picking an entry may put the old citation back."""
    p = tmp_path / "combo.docx"
    d = docx.Document()

    def combo(entries: list[str], shown: str) -> Any:
        items = "".join(f'<w:listItem w:displayText="{e}" w:value="{e}"/>' for e in entries)
        return parse_xml(f'<w:sdt {nsdecls("w")}><w:sdtPr><w:comboBox>{items}</w:comboBox></w:sdtPr><w:sdtContent>'
                         f'<w:r><w:t>{shown}</w:t></w:r></w:sdtContent></w:sdt>')

    d.add_paragraph("根拠: ")._p.append(combo([OLD, "番号利用法第14条"], OLD))
    d.add_paragraph("区分: ")._p.append(combo(["新規", "変更"], "新規"))  # (no citation in its list)
    d.save(str(p))
    doc = open_document(p)
    edits, _ = rewrite_document(doc, rewrite)
    assert {e.location for e in edits} == {"本文 第1段落"}
    assert [n for n in doc.notes if "コンボボックス" in n] == [
        "コンボボックス 1 件（「番号利用法第9条第1項別表第一の16の項」）の一覧の文字は書き換えていません。書き換えた文字が一覧にない値になり、"
        "一覧から選ぶと旧い引用に戻ることがあります。確認してください / the list of 1 combo box (「番号利用法第9条第1項別表第一の16の項」)"
        " was not rewritten: a rewritten text may no longer be one of its entries, and picking an entry may put the old"
        " citation back; check it"]


@pytest.mark.parametrize(("body", "note", "renamed"), [
    ("番号法別表第二に基づく照会", "27の項、28の項", False),  # the rows in the note
    ("番号法別表第二に基づき照会する。", "27、28", False),  # (the reference right after 「。」)
    ("番号法別表第二の27の項に基づく照会", "28の項も同様", False),
    ("番号法別表第二に基づく照会", "主務省令第20条", False),  # the old order's article
    ("番号法別表第二に基づく照会", "照会の詳細は別紙を参照", True),
    ("番号法別表第二に基づく照会", "番号法別表第二の27の項", True),  # the note's own citation, renamed with it
    ("番号法別表第二に基づく照会", "1 住民基本台帳法による", True),  # an item number
    ("番号法別表第二に基づく照会。次の文", "27の項", True),  # (the reference in the next sentence)
])
def test_rows_in_a_footnote_keep_the_table_of_its_sentence(tmp_path: Path, body: str, note: str, renamed: bool) -> None:
    """「番号法別表第二に基づく照会」 with a footnote 「27の項、28の項」: the note writes the rows of the table its sentence
    names, which no citation reads; renamed, the new name would stand over the old rows (session 19: it was).  The
    table is kept and reported (number-after-table), as in a text."""
    p = tmp_path / "notes.docx"
    d = docx.Document()
    d.add_paragraph(body)
    _add_notes(d, "footnotes", {1: note})
    d.save(str(p))
    edits, findings = rewrite_document(open_document(p), functools.partial(rewrite, assume_law=True))
    body_edits = [e for e in edits if e.location_detail.get("part") == "body"]
    assert bool(body_edits) is renamed
    kept = [f for f in findings if f.reason == "number-after-table" and f.location_detail.get("part") == "body"]
    assert bool(kept) is not renamed

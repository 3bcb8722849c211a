"""Review before submission: Word edits as tracked changes, Excel comments with the text before,
and the PIA's heading path that the 変更箇所 table shows as 項目.

Tracked changes are checked on the XML: a small helper accepts or rejects every revision the tool
wrote (and only those), and the text of every story must then be the plain rewrite's (accept) or
the original's (reject), character by character and with each character's run formatting.  The
LibreOffice round trips skip when ``soffice`` is not installed.
"""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from openpyxl.comments import Comment
from test_formats_docx import TB_OLD, _add_notes, _box_paragraphs, _doc_with_text_box, build_docx
from test_formats_xlsx import build_xlsx

from mynumber_refs.edits import word_spans
from mynumber_refs.formats import edit_group, open_document, rewrite_document
from mynumber_refs.formats.docx import REVISION_AUTHOR
from mynumber_refs.formats.xlsx import COMMENT_HEADING
from mynumber_refs.rewriter import rewrite

ENGINE = functools.partial(rewrite, assume_law=True)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


# ----------------------------------------------------------------------------- the XML helper


def resolve(root: etree._Element, accept: bool, author: str = REVISION_AUTHOR) -> etree._Element:
    """Accept (or reject) every ``w:ins``/``w:del`` by ``author`` under ``root``, as Word does:
    accepting keeps insertions and drops deletions; rejecting drops insertions and turns deleted
    text back into text.  Revisions by others are left as they are."""
    for el in list(root.iter(w("ins"), w("del"))):
        if el.get(w("author")) != author:
            continue
        parent = el.getparent()
        keep = (el.tag == w("ins")) == accept
        if keep:
            at = parent.index(el)
            for child in list(el):
                for t in child.iter(w("delText")):
                    t.tag = w("t")
                parent.insert(at, child)
                at += 1
        parent.remove(el)
    return root


STORY_PARTS = ("word/document.xml", "word/header", "word/footer", "word/footnotes.xml", "word/endnotes.xml")


def story_roots(path: Path) -> dict[str, etree._Element]:
    with zipfile.ZipFile(path) as zf:
        return {n: etree.fromstring(zf.read(n)) for n in zf.namelist() if n.startswith(STORY_PARTS)}


def characters(root: etree._Element) -> list[tuple[str, str]]:
    """Every character of the part's text (``w:t``, not deleted text) with its run's formatting,
    a ``¶`` for every paragraph start."""
    out: list[tuple[str, str]] = []
    for el in root.iter(w("p"), w("t")):
        if el.tag == w("p"):
            out.append(("¶", ""))
            continue
        run = el.getparent()
        rpr = run.find(w("rPr")) if run is not None else None
        fmt = etree.tostring(rpr).decode() if rpr is not None else ""
        out.extend((ch, fmt) for ch in el.text or "")
    return out


def text_of(chars: list[tuple[str, str]]) -> str:
    return "".join(ch for ch, _ in chars)


def ours(root: etree._Element) -> list[etree._Element]:
    return [el for el in root.iter(w("ins"), w("del")) if el.get(w("author")) == REVISION_AUTHOR]


def rewritten(src: Path, dest: Path, track: bool, engine=ENGINE) -> list:
    doc = open_document(src)
    if track:
        doc.track_changes()
    edits, _ = rewrite_document(doc, engine)
    doc.save(dest)
    return edits


def check_accept_reject(original: Path, tmp: Path, engine=ENGINE) -> list:
    """Rewrite ``original`` plainly and with tracked changes; accepting every revision must give the
    plain rewrite, rejecting them the original, in every story, with each character's formatting; the
    revisions show whole words (:func:`check_whole_words`).  Returns the edits."""
    plain, tracked = tmp / "plain.docx", tmp / "tracked.docx"
    edits_plain = rewritten(original, plain, False, engine)
    edits = rewritten(original, tracked, True, engine)
    assert [(e.location, e.start, e.before, e.after) for e in edits] == \
        [(e.location, e.start, e.before, e.after) for e in edits_plain]
    before, after = story_roots(original), story_roots(plain)
    got = story_roots(tracked)
    assert before.keys() == after.keys() == got.keys()
    deleted = inserted = 0
    for name, root in got.items():
        revisions = ours(root)
        for rev in revisions:
            assert rev.get(w("date")) and rev.get(w("id"))
            runs = list(rev)
            assert runs and all(r.tag == w("r") for r in runs)
        for p in root.iter(w("p")):
            check_whole_words(revision_pieces(p))
        revisions = [rev for rev in revisions if not _in_fallback(rev)]  # a text box's copy counts once
        deleted += sum(len(t.text or "") for rev in revisions if rev.tag == w("del") for t in rev.iter(w("delText")))
        inserted += sum(len(t.text or "") for rev in revisions if rev.tag == w("ins") for t in rev.iter(w("t")))
        accepted = resolve(etree.fromstring(etree.tostring(root)), accept=True)
        rejected = resolve(etree.fromstring(etree.tostring(root)), accept=False)
        got_chars, want_chars = characters(accepted), characters(after[name])
        assert text_of(got_chars) == text_of(want_chars), name
        assert got_chars == want_chars, name
        assert characters(rejected) == characters(before[name]), name
    # the revisions hold the changed characters, and besides them only kept characters of the words
    # they touch, shown struck through and again inserted
    trimmed = [_trim(e.before, e.after) for e in edits]
    extra = deleted - sum(len(b) for b, _ in trimmed)
    assert extra >= 0 and inserted - sum(len(a) for _, a in trimmed) == extra
    # revision ids are unique in each part
    for root in got.values():
        ids = [el.get(w("id")) for el in root.iter(w("ins"), w("del"))]
        assert len(ids) == len(set(ids))
    return edits


def revision_pieces(p: etree._Element) -> list[tuple[str, str]]:
    """A paragraph as a reviewer reads it: ``("keep" | "del" | "ins", text)`` in order, consecutive
    pieces of one kind joined (only the tool's revisions count as ``del``/``ins``)."""
    out: list[tuple[str, str]] = []
    for r in p.iter(w("r")):
        rev = r.getparent()
        kind = "keep"
        if rev is not None and rev.tag in (w("ins"), w("del")):
            if rev.get(w("author")) != REVISION_AUTHOR:
                continue
            kind = "ins" if rev.tag == w("ins") else "del"
        text = "".join(t.text or "" for t in r if t.tag in (w("t"), w("delText")))
        if not text:
            continue
        if out and out[-1][0] == kind:
            out[-1] = (kind, out[-1][1] + text)
        else:
            out.append((kind, text))
    return out


_DIGITS = set("0123456789０１２３４５６７８９")
_KANJI_DIGITS = set("〇一二三四五六七八九十百千")


def _same_number(a: str, b: str) -> bool:
    return (a in _DIGITS and b in _DIGITS) or (a in _KANJI_DIGITS and b in _KANJI_DIGITS)


def check_whole_words(pieces: list[tuple[str, str]]) -> None:
    """No revision begins or ends inside a number or a table's name: where kept text meets a
    revision, the kept character and the revision's character beside it (deleted or inserted) are
    never digits of one number, and a kept 「別表」 is never followed by a revised 「第…」."""
    for k, (kind, text) in enumerate(pieces):
        if kind != "keep":
            continue
        for side, neighbour in ((-1, k + 1), (0, k - 1)):
            if not 0 <= neighbour < len(pieces) or pieces[neighbour][0] == "keep":
                continue
            kept = text[side]
            # the revised characters right beside the kept text (a deletion and an insertion)
            group = []
            j = neighbour
            while 0 <= j < len(pieces) and pieces[j][0] != "keep":
                group.append(pieces[j][1])
                j += 1 if side == -1 else -1
            for revised in group:
                touching = revised[0] if side == -1 else revised[-1]
                assert not _same_number(kept, touching), (pieces, kept, revised)
            if side == -1:
                assert not (text.endswith("別表") and any(g.startswith("第") for g in group)), pieces


def _in_fallback(el: etree._Element) -> bool:
    return any(a.tag == "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
               for a in el.iterancestors())


def _trim(before: str, after: str) -> tuple[str, str]:
    p = 0
    while p < min(len(before), len(after)) and before[p] == after[p]:
        p += 1
    q = 0
    while q < min(len(before), len(after)) - p and before[-1 - q] == after[-1 - q]:
        q += 1
    return before[p:len(before) - q], after[p:len(after) - q]


# ----------------------------------------------------------------------------- Word


def test_tracked_changes_body_tables_headers_and_protected_text(tmp_path: Path) -> None:
    src = tmp_path / "評価書.docx"
    build_docx(src)  # split runs, a table with a nested table, header, footer, others' revisions, fields
    edits = check_accept_reject(src, tmp_path)
    assert {e.location.split(" ")[0] for e in edits} >= {"本文", "ヘッダー（セクション1・既定）",
                                                          "フッター（セクション1・既定）"}
    root = story_roots(tmp_path / "tracked.docx")["word/document.xml"]
    # the others' revision is still there, untouched
    assert [el.get(w("author")) for el in root.iter(w("ins")) if el.get(w("author")) != REVISION_AUTHOR] == ["a"]
    # one citation is one deletion then one insertion, whole words (bold 「…別表第」, plain 「一の1」,
    # italic 「6の項に基づく」): 「別表第一の16」 struck through, then 「別表の24」; 「の項」 kept
    first_p = next(root.iter(w("p")))
    assert revision_pieces(first_p) == [
        ("keep", "番号利用法第9条第1項"), ("del", "別表第一の16"), ("ins", "別表の24"), ("keep", "の項に基づく")]
    # the deletion crosses three runs: three w:del back to back (each in its run's formatting, one author
    # and date), nothing kept between them, then one w:ins whose characters have the formatting the
    # plain rewrite gives them (bold 「別表」, plain 「の24」)
    elements = revision_elements(first_p)
    assert [(kind, text, bold, italic) for kind, text, bold, italic, _ in elements[1:-2]] == [
        ("del", "別表第", True, False), ("del", "一の1", False, False), ("del", "6", False, True)]
    assert elements[-2][:2] == ("ins", "別表の24")
    assert len({stamp for *_, stamp in elements[1:-1]}) == 1
    ins = [el for el in first_p if el.tag == w("ins")]
    assert len(ins) == 1 and [(r.findtext(w("t")), r.find(f"{w('rPr')}/{w('b')}") is not None) for r in ins[0]] == [
        ("別表", True), ("の24", False)]


def revision_elements(p: etree._Element) -> list[tuple[str, str, bool, bool, tuple[str | None, str | None]]]:
    """The children of ``p`` that hold text, as ``(kind, text, bold, italic, (author, date))``: kind
    「keep」 for a plain run, 「del」/「ins」 for a revision, each element on its own (not joined); bold
    and italic when any of its runs is."""
    out = []
    for el in p:
        kind = {w("del"): "del", w("ins"): "ins"}.get(el.tag, "keep")
        text = "".join(t.text or "" for t in el.iter(w("t"), w("delText")))
        if not text:
            continue
        bold = el.find(f".//{w('rPr')}/{w('b')}") is not None
        italic = el.find(f".//{w('rPr')}/{w('i')}") is not None
        out.append((kind, text, bold, italic, (el.get(w("author")), el.get(w("date")))))
    return out


def test_tracked_changes_replace_whole_numbers_and_names(tmp_path: Path) -> None:
    """A reviewer takes or refuses one citation whole: its table name and rows are one deletion then one
    insertion, from its first changed word to its last (「~~別表第二の11~~…の15の項」; never 「~~11~~15」
    apart from the name, nor 「1~~1~~5」), even when a number is split over two runs; the text around
    it and between two citations is kept."""
    src = tmp_path / "n.docx"
    d = docx.Document()
    p = d.add_paragraph()
    p.add_run("番号法別表第二の1")
    p.add_run("1の項").bold = True
    d.add_paragraph("番号法第19条第7号 別表第二の120の項及び別表第一の三十九の項")
    d.add_paragraph("番号法別表第一の39の項")
    d.add_paragraph("番号法別表第一の16の項、27の項に基づく。")
    d.save(str(src))
    check_accept_reject(src, tmp_path)
    root = story_roots(tmp_path / "tracked.docx")["word/document.xml"]
    NEW = "第19条第8号に基づく主務省令第2条の表"
    assert [revision_pieces(p) for p in root.iter(w("p"))] == [
        [("keep", "番号法"), ("del", "別表第二の11"), ("ins", NEW + "の15"), ("keep", "の項")],
        [("keep", "番号法第19条第"), ("del", "7号 別表第二の120"), ("ins", "8号に基づく主務省令第2条の表の158"),
         ("keep", "の項及び"), ("del", "別表第一の三十九"), ("ins", "別表の五十九"), ("keep", "の項")],
        [("keep", "番号法"), ("del", "別表第一の39"), ("ins", "別表の59"), ("keep", "の項")],
        [("keep", "番号法"), ("del", "別表第一の16の項、27"), ("ins", "別表の24の項、40"), ("keep", "の項に基づく。")]]
    # the first: one w:del per run (plain 「別表第二の1」, bold 「1」), then one w:ins whose characters are
    # formatted as in the plain rewrite (which changes only the second digit: 「1」 plain, 「5」 bold)
    first_p = next(root.iter(w("p")))
    assert [(kind, text, bold) for kind, text, bold, *_ in revision_elements(first_p)] == [
        ("keep", "番号法", False), ("del", "別表第二の1", False), ("del", "1", True), ("ins", NEW + "の15", True),
        ("keep", "の項", True)]
    ins = next(el for el in first_p if el.tag == w("ins"))
    assert [(r.findtext(w("t")), r.find(f"{w('rPr')}/{w('b')}") is not None) for r in ins] == [
        (NEW + "の1", False), ("5", True)]


def test_tracked_changes_of_a_group_over_two_paragraphs_are_whole_per_citation(tmp_path: Path) -> None:
    """Citations that change together across a paragraph's end (「番号法別表第二の27の項」, then 「番号法第19条第7号
    及び別表第二の28の項」: one group, the sentence goes on) cannot be one change, since the paragraph mark stands
    between them.  Each citation is still one deletion then one insertion; they were shown word by word, so that
    a reviewer could take 「…第2条の表」 and refuse 「48」, leaving the new table's name over the old row 27."""
    src = tmp_path / "g.docx"
    d = docx.Document()
    d.add_paragraph("番号法別表第二の27の項")
    d.add_paragraph("番号法第19条第7号及び別表第二の28の項")
    d.save(str(src))
    assert {e.group for e in rewrite("番号法別表第二の27の項\n番号法第19条第7号及び別表第二の28の項").edits} == {1}
    check_accept_reject(src, tmp_path)
    root = story_roots(tmp_path / "tracked.docx")["word/document.xml"]
    NEW = "第19条第8号に基づく主務省令第2条の表"
    assert [revision_pieces(p) for p in root.iter(w("p"))] == [
        [("keep", "番号法"), ("del", "別表第二の27"), ("ins", NEW + "の48"), ("keep", "の項")],
        [("keep", "番号法第19条第"), ("del", "7号及び別表第二の28"), ("ins", "8号及び番号法" + NEW + "の49"),
         ("keep", "の項")]]


def test_tracked_changes_read_through_properties_and_range_marks(tmp_path: Path) -> None:
    """A smart tag's properties (w:smartTagPr) and the marks where another author's moved text begins or ends
    (w:moveToRangeStart …) hold no text: a citation over them is still one deletion then one insertion.  They were
    read as something that cannot change, so 「別表第一」 and 「16」 were two changes, and taking only the first
    gave 「番号法別表の16の項」, another row of the new table."""
    src = tmp_path / "m.docx"
    d = docx.Document()
    p = d.add_paragraph()
    p.add_run("番号法別表第一の")
    p._p.append(parse_xml(
        f'<w:smartTag {nsdecls("w")} w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="metricconverter">'
        '<w:smartTagPr><w:attr w:name="ProductID" w:val="16の"/></w:smartTagPr><w:r><w:t>16の</w:t></w:r></w:smartTag>'))
    p.add_run("項")
    p = d.add_paragraph()
    p.add_run("番号法別表第二の")
    p._p.append(parse_xml(f'<w:moveToRangeStart {nsdecls("w")} w:id="7" w:author="x" w:date="2020-01-01T00:00:00Z"'
                          ' w:name="move1"/>'))
    p.add_run("27の項")
    p._p.append(parse_xml(f'<w:moveToRangeEnd {nsdecls("w")} w:id="7"/>'))
    d.save(str(src))
    check_accept_reject(src, tmp_path)
    root = story_roots(tmp_path / "tracked.docx")["word/document.xml"]
    assert [revision_pieces(p) for p in root.iter(w("p"))] == [
        [("keep", "番号法"), ("del", "別表第一の16"), ("ins", "別表の24"), ("keep", "の項")],
        [("keep", "番号法"), ("del", "別表第二の27"), ("ins", "第19条第8号に基づく主務省令第2条の表の48"), ("keep", "の項")]]
    assert len(list(root.iter(w("smartTagPr")))) == 1 and len(list(root.iter(w("moveToRangeStart")))) == 1


def test_tracked_changes_in_both_text_box_copies_and_notes(tmp_path: Path) -> None:
    src = tmp_path / "box.docx"
    box = _box_paragraphs("枠内: 番号利用法別表第", "一の16の項") + _box_paragraphs("二行目")
    _doc_with_text_box(src, box, box)
    d = docx.Document(str(src))
    _add_notes(d, "footnotes", {1: "参考: " + TB_OLD})
    d.save(str(src))
    edits = check_accept_reject(src, tmp_path, rewrite)
    assert {e.location for e in edits} >= {"本文 テキストボックス1 第1段落", "脚注1 第1段落"}
    # a text box is one item of the 変更箇所 table, like a shape; a note's paragraph is one
    assert {e.item_text for e in edits if e.location.startswith("本文 テキストボックス1")} == {
        "枠内: " + TB_OLD + "\n二行目"}
    assert {e.item_text for e in edits if e.location.startswith("脚注1")} == {" 参考: " + TB_OLD}
    root = story_roots(tmp_path / "tracked.docx")["word/document.xml"]
    boxes = list(root.iter(w("txbxContent")))
    assert len(boxes) == 2  # mc:Choice and mc:Fallback: the same revisions in each
    shapes = [[(el.tag, "".join(el.itertext())) for el in ours(b)] for b in boxes]
    assert shapes[0] and shapes[0] == shapes[1]
    assert ours(story_roots(tmp_path / "tracked.docx")["word/footnotes.xml"])


def test_tracked_document_is_not_rewritten_again(tmp_path: Path) -> None:
    src = tmp_path / "評価書.docx"
    build_docx(src)
    rewritten(src, tmp_path / "tracked.docx", True)
    again = open_document(tmp_path / "tracked.docx")
    again.track_changes()
    edits, _ = rewrite_document(again, ENGINE)
    assert edits == [] and not again.changed


def _accepted_copy(tracked: Path, dest: Path) -> Path:
    """``tracked`` with every revision of the tool accepted in the XML of each story, as a reviewer's
    「すべての変更を承諾」 leaves it."""
    with zipfile.ZipFile(tracked) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename.startswith(STORY_PARTS):
                root = resolve(etree.fromstring(data), accept=True)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            zout.writestr(info, data)
    return dest


def test_accepting_every_change_gives_a_document_that_rewrites_to_itself(tmp_path: Path) -> None:
    """The review path is idempotent: the draft with every tracked change accepted is the plain
    rewrite, and rewriting it again changes nothing (no edit, no finding of a kept citation)."""
    src = tmp_path / "評価書.docx"
    build_docx(src)
    d = docx.Document(str(src))
    d.add_paragraph("番号法第19条第7号 別表第二の120の項、番号法別表第二の11の項及び番号法別表第一の三十九の項")
    d.save(str(src))
    edits = check_accept_reject(src, tmp_path)
    assert edits
    accepted = _accepted_copy(tmp_path / "tracked.docx", tmp_path / "accepted.docx")
    again = open_document(accepted)
    assert [u.text for u in again.units] == [u.text for u in open_document(tmp_path / "plain.docx").units]
    assert rewrite_document(again, ENGINE)[0] == [] and not again.changed


_FRAGMENTS = ["番号利用法", "第9条第1項", "別表第一の16の項", "別表第一の59の項", "別表第二の27の項", "及び",
              "に基づく。", "（以下「法」という。）", "法", "番号法", "住民基本台帳法", "別表第一の36の2の項", "、", " ",
              # rows whose new number shares a digit with the old one (11→15, 39→59, 三十九→五十九)
              "別表第二の11の項", "別表第一の39の項", "別表第一の三十九の項", "第19条第7号", "別表第二", "１、１１の項"]
_FORMATS = st.sampled_from([(False, False, False), (True, False, False), (False, True, False), (False, False, True),
                            (True, True, False)])


@st.composite
def paragraphs(draw: st.DrawFn) -> list[list[tuple[str, tuple[bool, bool, bool]]]]:
    """1–3 paragraphs of citation-like text, each cut into 1–5 runs of different formatting."""
    out = []
    for _ in range(draw(st.integers(1, 3))):
        text = "".join(draw(st.lists(st.sampled_from(_FRAGMENTS), min_size=1, max_size=8)))
        cuts = sorted(set(draw(st.lists(st.integers(1, max(1, len(text) - 1)), max_size=4))))
        bounds = [0, *[c for c in cuts if 0 < c < len(text)], len(text)]
        out.append([(text[a:b], draw(_FORMATS)) for a, b in zip(bounds, bounds[1:], strict=False) if b > a])
    return out


@settings(max_examples=25, deadline=None)
@given(paragraphs())
def test_accept_all_is_the_plain_rewrite_and_reject_all_the_original(paras) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        d = docx.Document()
        for runs in paras:
            p = d.add_paragraph()
            for text, (bold, italic, underline) in runs:
                r = p.add_run(text)
                r.bold, r.italic, r.underline = bold or None, italic or None, underline or None
        src = root / "p.docx"
        d.save(str(src))
        check_accept_reject(src, root)


_CITATIONS = ["番号法別表第一の16の項", "番号法別表第二の27の項", "番号利用法第9条第1項別表第一の59の項",
              "番号法第19条第7号及び別表第二の28の項", "番号法別表第二の11の項"]
# what may stand between two pieces of a citation's text and holds none: bookmarks, comment ranges, proofing
# marks, the range of another author's moved text
_MARKS = ["", '<w:bookmarkStart w:id="{n}" w:name="b{n}"/><w:bookmarkEnd w:id="{n}"/>',
          '<w:commentRangeStart w:id="{n}"/>', '<w:proofErr w:type="spellStart"/>',
          '<w:moveToRangeStart w:id="{n}" w:author="x" w:date="2020-01-01T00:00:00Z" w:name="m{n}"/>'
          '<w:moveToRangeEnd w:id="{n}"/>']
# how a piece may be held: a plain run, a smart tag with its properties, a hyperlink
_HOLDERS = ["{r}", '<w:smartTag w:uri="u" w:element="e"><w:smartTagPr><w:attr w:name="a" w:val="v"/></w:smartTagPr>{r}'
            "</w:smartTag>", '<w:hyperlink w:anchor="a">{r}</w:hyperlink>']


@st.composite
def marked_paragraphs(draw: st.DrawFn) -> list[str]:
    """1–3 paragraphs, one citation each, cut into pieces held in runs, smart tags or hyperlinks, with
    marks that hold no text between them (the paragraphs' inner XML)."""
    out = []
    for _ in range(draw(st.integers(1, 3))):
        text = draw(st.sampled_from(_CITATIONS))
        cuts = sorted(set(draw(st.lists(st.integers(1, len(text) - 1), max_size=4))))
        bounds = [0, *cuts, len(text)]
        xml = []
        for a, b in zip(bounds, bounds[1:], strict=False):
            if xml:
                xml.append(draw(st.sampled_from(_MARKS)).format(n=len(out) * 10 + a))
            xml.append(draw(st.sampled_from(_HOLDERS)).format(r=f"<w:r><w:t>{text[a:b]}</w:t></w:r>"))
        out.append("".join(xml))
    return out


@settings(max_examples=25, deadline=None)
@given(marked_paragraphs())
def test_a_citation_over_marks_that_hold_no_text_is_one_change(paras: list[str]) -> None:
    """Whatever holds a citation's pieces and whatever marks stand between them (holding no text), the
    citation is one deletion then one insertion: a reviewer takes or refuses it whole.  (A group over two
    paragraphs, 「番号法別表第二の27の項」 then 「番号法第19条第7号及び別表第二の28の項」, is one change per paragraph.)"""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        d = docx.Document()
        for inner in paras:
            d.element.body.insert(len(d.element.body) - 1, parse_xml(f'<w:p {nsdecls("w")}>{inner}</w:p>'))
        src = root / "m.docx"
        d.save(str(src))
        check_accept_reject(src, root)
        tracked = story_roots(root / "tracked.docx")["word/document.xml"]
        for p in tracked.iter(w("p")):
            assert [kind for kind, _ in revision_pieces(p) if kind != "keep"] == ["del", "ins"], revision_pieces(p)


def _text_with_breaks(root: etree._Element) -> str:
    """The text of a part with its paragraphs (¶), line breaks (⏎) and tabs (⇥): what a reviewer sees."""
    shown = {w("p"): "¶", w("br"): "⏎", w("cr"): "⏎", w("tab"): "⇥"}
    return "".join(shown.get(el.tag) or (el.text or "") for el in root.iter(w("p"), w("t"), w("br"), w("cr"), w("tab"))
                   if el.tag != w("tab") or el.getparent().tag == w("r"))  # (not a paragraph's tab stop)


def test_a_citation_over_a_line_break_is_one_change(tmp_path: Path) -> None:
    """A line break typed inside a citation (「番号法別表第一の⏎16の項」 to fit a cell) was shown word by word:
    「~~別表第一~~別表の⏎~~16~~24」, two revisions a reviewer could take apart (「番号法別表の⏎16の項」).  The break
    is deleted with the citation and inserted again in its place: one deletion, one insertion."""
    d = docx.Document()
    d.element.body.insert(0, parse_xml(
        f'<w:p {nsdecls("w")}><w:r><w:rPr><w:b/></w:rPr><w:t>番号法別表第一の</w:t><w:br/><w:t>16の項</w:t></w:r></w:p>'))
    src = tmp_path / "br.docx"
    d.save(str(src))
    check_accept_reject(src, tmp_path)
    p = next(story_roots(tmp_path / "tracked.docx")["word/document.xml"].iter(w("p")))
    assert revision_pieces(p) == [("keep", "番号法"), ("del", "別表第一の16"), ("ins", "別表の24"), ("keep", "の項")]
    dels, inss = [el for el in ours(p) if el.tag == w("del")], [el for el in ours(p) if el.tag == w("ins")]
    assert len(inss) == 1 and sum(1 for el in dels for _ in el.iter(w("br"))) == 1 and len(list(inss[0].iter(w("br")))) == 1
    assert [r.find(w("rPr")) is not None for r in inss[0]] == [True, True, True]  # each piece keeps its run's bold
    for accept, want in ((True, "¶番号法別表の⏎24の項"), (False, "¶番号法別表第一の⏎16の項")):
        assert _text_with_breaks(resolve(etree.fromstring(etree.tostring(p)), accept)) == want


@pytest.mark.parametrize(("first", "second", "pieces", "accepted"), [
    ("番号法別", "表第一の16の項", [("keep", "番号法"), ("del", "別表第一の16"), ("ins", "別表の24"), ("keep", "の項")],
     "番号法別⏎表の24の項"),
    ("番号法別表第一の9の項及び別", "表第一の16の項", [("keep", "番号法"), ("del", "別表第一の9"), ("ins", "別表の10"),
                                              ("keep", "の項及び"), ("del", "別表第一の16"), ("ins", "別表の24"), ("keep", "の項")],
     "番号法別表の10の項及び別⏎表の24の項"),
])
def test_a_line_break_inside_a_name_is_deleted_with_the_whole_name(
        tmp_path: Path, first: str, second: str, pieces: list[tuple[str, str]], accepted: str) -> None:
    """A line break inside a table's name (「番号法別⏎表第一の16の項」) started the deletion after the kept part of the name:
    「別⏎表~~第一の16~~の24」, which a reviewer does not read as the old name becoming the new one.  The deletion covers the
    whole old name, break and all, and the insertion gives the new one with the break where it was."""
    d = docx.Document()
    d.element.body.insert(0, parse_xml(
        f'<w:p {nsdecls("w")}><w:r><w:t>{first}</w:t><w:br/><w:t>{second}</w:t></w:r></w:p>'))
    src = tmp_path / "br.docx"
    d.save(str(src))
    check_accept_reject(src, tmp_path)
    p = next(story_roots(tmp_path / "tracked.docx")["word/document.xml"].iter(w("p")))
    assert revision_pieces(p) == pieces
    dels = [el for el in ours(p) if el.tag == w("del")]
    assert sum(1 for el in dels for _ in el.iter(w("br"))) == 1
    for accept, want in ((True, f"¶{accepted}"), (False, f"¶{first}⏎{second}")):
        assert _text_with_breaks(resolve(etree.fromstring(etree.tostring(p)), accept)) == want


def test_another_authors_format_change_gets_an_id_per_copy(tmp_path: Path) -> None:
    """A citation in a run whose formatting another author changed with tracking on (``w:rPrChange``): the run is split
    into kept, deleted and inserted runs, each with a copy of its properties.  Each copy's format change is a revision
    of its own with an id of its own (four revisions had one id, which Word's file format does not allow)."""
    d = docx.Document()
    d.element.body.insert(0, parse_xml(
        f'<w:p {nsdecls("w")}><w:r><w:rPr><w:b/><w:rPrChange w:id="8" w:author="a" w:date="2023-01-01T00:00:00Z">'
        "<w:rPr/></w:rPrChange></w:rPr><w:t>番号法別表第一の16の項に基づく</w:t></w:r></w:p>"))
    src = tmp_path / "format.docx"
    d.save(str(src))
    rewritten(src, tmp_path / "plain.docx", False)
    rewritten(src, tmp_path / "tracked.docx", True)
    body = story_roots(tmp_path / "tracked.docx")["word/document.xml"]

    def without_ids(root: etree._Element) -> etree._Element:
        root = etree.fromstring(etree.tostring(root))
        for el in root.iter(w("rPrChange")):
            el.attrib.pop(w("id"), None)
        return root

    # accepting every change gives the plain rewrite, rejecting them the original, formatting changes and all
    assert characters(without_ids(resolve(without_ids(body), True))) == \
        characters(without_ids(story_roots(tmp_path / "plain.docx")["word/document.xml"]))
    assert characters(without_ids(resolve(without_ids(body), False))) == characters(without_ids(story_roots(src)["word/document.xml"]))
    p = next(body.iter(w("p")))
    assert revision_pieces(p) == [("keep", "番号法"), ("del", "別表第一の16"), ("ins", "別表の24"), ("keep", "の項に基づく")]
    changes = list(body.iter(w("rPrChange")))
    assert len(changes) == 4 and all(c.get(w("author")) == "a" for c in changes)  # kept, deleted, inserted, kept
    ids = [el.get(w("id")) for el in body.iter(w("ins"), w("del"), w("rPrChange"))]
    assert len(ids) == len(set(ids)) == 6


_BREAKS = ["<w:br/>", "<w:tab/>", '<w:br w:type="page"/>', "<w:cr/>"]


@st.composite
def broken_paragraphs(draw: st.DrawFn) -> list[str]:
    """1–3 paragraphs, one citation each, with line breaks or tabs inside it (between words, not inside a number or a
    table's name): in a run of their own or inside the run of the text around them (the paragraphs' inner XML)."""
    out = []
    for _ in range(draw(st.integers(1, 3))):
        text = draw(st.sampled_from(_CITATIONS))
        between = [k for k in range(1, len(text)) if not _inside_a_word(text, k)]
        cuts = sorted(set(draw(st.lists(st.sampled_from(between), min_size=1, max_size=3))))
        if draw(st.booleans()):  # (a line break inside a table's name too: 「別⏎表第一」)
            inside = text.index("別表") + 1
            cuts = sorted({*cuts, inside})
        bounds = [0, *cuts, len(text)]
        own_run = draw(st.booleans())
        pieces = [f"<w:t>{text[a:b]}</w:t>" for a, b in zip(bounds, bounds[1:], strict=False)]
        breaks = [draw(st.sampled_from(_BREAKS)) if not _inside_a_word(text, k) else "<w:br/>" for k in cuts]
        if own_run:
            xml = "</w:r><w:r>".join(f"{t}</w:r><w:r>{br}" for t, br in zip(pieces, breaks, strict=False)) + "</w:r><w:r>" + pieces[-1]
        else:
            xml = "".join(t + br for t, br in zip(pieces, breaks, strict=False)) + pieces[-1]
        out.append(f"<w:r>{xml}</w:r>")
    return out


@settings(max_examples=25, deadline=None)
@given(broken_paragraphs())
def test_a_citation_over_breaks_is_one_change(paras: list[str]) -> None:
    """Whatever line breaks or tabs stand inside a citation, its tracked change is one deletion then one insertion
    (or none, when the plain rewrite would change the break itself), accepting every change gives the plain rewrite
    with its breaks, rejecting them the original."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        d = docx.Document()
        for inner in paras:
            d.element.body.insert(len(d.element.body) - 1, parse_xml(f'<w:p {nsdecls("w")}>{inner}</w:p>'))
        src = root / "b.docx"
        d.save(str(src))
        check_accept_reject(src, root)
        tracked = story_roots(root / "tracked.docx")["word/document.xml"]
        for p in tracked.iter(w("p")):
            assert [kind for kind, _ in revision_pieces(p) if kind != "keep"] in ([], ["del", "ins"]), revision_pieces(p)
        plain = story_roots(root / "plain.docx")["word/document.xml"]
        original = story_roots(src)["word/document.xml"]
        assert _text_with_breaks(resolve(tracked, accept=True)) == _text_with_breaks(plain)
        tracked = story_roots(root / "tracked.docx")["word/document.xml"]
        assert _text_with_breaks(resolve(tracked, accept=False)) == _text_with_breaks(original)


def _words(s: str) -> list[tuple[int, int]]:
    """The numbers (digits, kanji numerals, with の branches) and table names 「別表第…」 of ``s``."""
    return [m.span() for m in re.finditer(
        r"別表(?:第(?:[0-9０-９]+|[〇一二三四五六七八九十百千]+))?"
        r"|(?:[0-9０-９]+|[〇一二三四五六七八九十百千]+)(?:の(?:[0-9０-９]+|[〇一二三四五六七八九十百千]+))*", s)]


def _inside_a_word(s: str, pos: int) -> bool:
    return any(a < pos < b for a, b in _words(s))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), min_size=1, max_size=10).map("".join))
def test_word_spans_are_whole_words_and_give_the_rewrite(text: str) -> None:
    """For any rewrite: replacing each span gives the rewritten text; no span begins or ends inside a
    number or a table's name of the text before or after; a span's two sides never begin (or end)
    with the same character unless it is part of such a word."""
    result = rewrite(text, assume_law=True)
    spans = word_spans(text, result.edits)
    out, pos, shift = [], 0, 0
    for sp in spans:
        assert pos <= sp.start <= sp.end
        out += [text[pos:sp.start], sp.after]
        old = text[sp.start:sp.end]
        new_start = sp.start + shift
        shift += len(sp.after) - len(old)
        new_text = result.text
        for s, a, b in ((text, sp.start, sp.end), (new_text, new_start, new_start + len(sp.after))):
            assert not _inside_a_word(s, a) and not _inside_a_word(s, b), (text, old, sp.after)
        if old and sp.after and old[0] == sp.after[0]:
            assert any(a <= sp.start < b for a, b in _words(text)), (old, sp.after)
        if old and sp.after and old[-1] == sp.after[-1]:
            assert any(a < sp.end <= b for a, b in _words(text)), (old, sp.after)
        pos = sp.end
    out.append(text[pos:])
    assert "".join(out) == result.text
    # joined by citation: each citation's changes are in exactly one span, and the spans still give the rewrite
    joined = word_spans(text, result.edits, whole=edit_group)
    holder: dict[int, set[int]] = {}
    for n, sp in enumerate(joined):
        for k in sp.members:
            holder.setdefault(edit_group(result.edits[k]), set()).add(n)
    assert all(len(spans) == 1 for spans in holder.values()), (text, joined)
    out, pos = [], 0
    for sp in joined:
        assert pos <= sp.start <= sp.end
        out += [text[pos:sp.start], sp.after]
        pos = sp.end
    assert "".join([*out, text[pos:]]) == result.text


def _has_soffice() -> bool:
    return shutil.which("soffice") is not None


def _soffice_convert(src: Path, out_dir: Path, target: str) -> Path:
    out_dir.mkdir(exist_ok=True)
    profile = out_dir / "profile"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target,
                    "--outdir", str(out_dir), str(src)], check=True, capture_output=True, timeout=300)
    return out_dir / src.name


@pytest.mark.skipif(not _has_soffice(), reason="LibreOffice (soffice) is not installed")
def test_libreoffice_keeps_the_revisions(tmp_path: Path) -> None:
    src = tmp_path / "評価書.docx"
    build_docx(src)
    check_accept_reject(src, tmp_path)
    saved = _soffice_convert(tmp_path / "tracked.docx", tmp_path / "lo", 'docx:MS Word 2007 XML')
    root = story_roots(saved)["word/document.xml"]
    assert ours(root)
    plain = story_roots(tmp_path / "plain.docx")["word/document.xml"]
    original = story_roots(src)["word/document.xml"]

    def words(r: etree._Element) -> str:  # LibreOffice writes fields and empty runs its own way
        return text_of(characters(r)).replace("¶", "\n")

    for expected, accept in ((plain, True), (original, False)):
        got = words(resolve(etree.fromstring(etree.tostring(root)), accept))
        for line in words(expected).split("\n"):
            if "別表" in line and "フィールド" not in line:
                assert line in got


# ----------------------------------------------------------------------------- Excel comments


def comments_of(path: Path) -> dict[tuple[str, str], str]:
    wb = openpyxl.load_workbook(str(path))
    return {(ws.title, c.coordinate): c.comment.text for ws in wb for row in ws.iter_rows() for c in row if c.comment}


def test_changed_cells_get_a_comment_with_the_text_before(tmp_path: Path) -> None:
    src, out = tmp_path / "評価書.xlsx", tmp_path / "out.xlsx"
    build_xlsx(src)
    before = {(ws.title, c.coordinate): c.value for ws in openpyxl.load_workbook(str(src))
              for row in ws.iter_rows() for c in row}
    doc = open_document(src)
    doc.track_changes()
    edits, findings = rewrite_document(doc, rewrite)
    doc.save(out)
    changed = {(e.location_detail["sheet"], e.location_detail["cell"]) for e in edits}
    comments = comments_of(out)
    assert set(comments) == changed  # the formula cell (a finding) and unchanged cells have none
    for key, text in comments.items():
        assert text.endswith("\n" + str(before[key])) and REVISION_AUTHOR in text
    wb = openpyxl.load_workbook(str(out))
    assert {c.comment.author for ws in wb for row in ws.iter_rows() for c in row if c.comment} == {REVISION_AUTHOR}
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
        types = zf.read("[Content_Types].xml").decode()
        sheet = etree.fromstring(zf.read("xl/worksheets/sheet1.xml"))
        vml = [etree.fromstring(zf.read(n)) for n in names if n.endswith(".vml")]
    assert sheet.find(f"{{{MAIN}}}legacyDrawing") is not None
    assert "spreadsheetml.comments+xml" in types and 'Extension="vml"' in types
    notes = [el for v in vml for el in v.iter("{urn:schemas-microsoft-com:office:excel}ClientData")]
    assert len(notes) == len(changed)
    blocks = [v.find(".//{urn:schemas-microsoft-com:office:office}idmap").get("data") for v in vml]
    assert len(blocks) == len(set(blocks))  # each drawing its own block of shape ids
    # saving again writes the same workbook
    doc.save(tmp_path / "again.xlsx")
    assert comments_of(tmp_path / "again.xlsx") == comments
    # a second run changes nothing and adds no comment
    again = open_document(out)
    again.track_changes()
    assert rewrite_document(again, rewrite)[0] == [] and not again.changed


def test_comment_added_to_a_sheet_that_has_comments(tmp_path: Path) -> None:
    src, out = tmp_path / "c.xlsx", tmp_path / "out.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "担当者のメモ"
    ws["A1"].comment = Comment("既存のコメント", "担当")
    ws["B2"] = "番号利用法別表第一の16の項"
    ws["B2"].comment = Comment("確認済み", "担当")
    ws["B3"] = "番号利用法別表第一の59の項"
    wb.save(str(src))
    doc = open_document(src)
    doc.track_changes()
    rewrite_document(doc, rewrite)
    doc.save(out)
    comments = comments_of(out)
    assert comments[("Sheet", "A1")] == "既存のコメント"
    # the text before starts a line of its own after the comment that was there (it was glued to it:
    # 「確認済みmynumber-refs: …」), and the comment is runs only, as Excel writes one
    assert comments[("Sheet", "B2")] == f"確認済み\n{REVISION_AUTHOR}: {COMMENT_HEADING}\n番号利用法別表第一の16の項"
    assert comments[("Sheet", "B3")].endswith("\n番号利用法別表第一の59の項")
    with zipfile.ZipFile(out) as zf:
        assert len([n for n in zf.namelist() if "comments" in n and n.endswith(".xml")]) == 1
        assert len([n for n in zf.namelist() if n.endswith(".vml")]) == 1
        part = etree.fromstring(zf.read(next(n for n in zf.namelist() if "comments" in n and n.endswith(".xml"))))
        vml = etree.fromstring(zf.read(next(n for n in zf.namelist() if n.endswith(".vml"))))
    with zipfile.ZipFile(src) as zf:
        vml_before = etree.fromstring(zf.read(next(n for n in zf.namelist() if n.endswith(".vml"))))
    text = next(c for c in part.iter(f"{{{MAIN}}}comment") if c.get("ref") == "B2").find(f"{{{MAIN}}}text")
    assert [etree.QName(el).localname for el in text] == ["r", "r", "r"]
    # B2's note box grew to hold what was added, as large as a new one for its text (it kept its size, 144 by
    # 79 px, and cut off the text before the change); A1's keeps its own
    assert _note_sizes(vml)[(1, 1)] == {"width": "216pt", "height": "60pt"}
    assert _note_sizes(vml)[(0, 0)] == _note_sizes(vml_before)[(0, 0)] == {"width": "144px", "height": "79px"}


def _note_sizes(vml: etree._Element) -> dict[tuple[int, int], dict[str, str]]:
    """The width and height of each note box of a VML drawing, by its cell's (row, column) from 0."""
    x = "{urn:schemas-microsoft-com:office:excel}"
    return {(int(d.findtext(f"{x}Row")), int(d.findtext(f"{x}Column"))):
            dict(re.findall(r"(width|height):([0-9.]+(?:pt|px))", sh.get("style", "")))
            for sh in vml.iter("{urn:schemas-microsoft-com:vml}shape") for d in sh.iter(f"{x}ClientData")}


@pytest.mark.skipif(not _has_soffice(), reason="LibreOffice (soffice) is not installed")
def test_libreoffice_reads_the_comments(tmp_path: Path) -> None:
    src, out = tmp_path / "評価書.xlsx", tmp_path / "out.xlsx"
    build_xlsx(src)
    doc = open_document(src)
    doc.track_changes()
    rewrite_document(doc, rewrite)
    doc.save(out)
    saved = _soffice_convert(out, tmp_path / "lo", 'xlsx:Calc MS Excel 2007 XML')
    assert {k: v.split("\n", 1)[1] for k, v in comments_of(saved).items()} == \
        {k: v.split("\n", 1)[1] for k, v in comments_of(out).items()}


# ----------------------------------------------------------------------------- heading paths


def _heading_styles_doc(path: Path) -> None:
    d = docx.Document()
    # a Japanese template's 「見出し 1」: style id 「1」, name 「heading 1」, and a style based on it
    styles = d.styles.element
    styles.append(parse_xml(f'<w:style {nsdecls("w")} w:type="paragraph" w:styleId="1">'
                            '<w:name w:val="heading 1"/><w:basedOn w:val="Normal"/></w:style>'))
    styles.append(parse_xml(f'<w:style {nsdecls("w")} w:type="paragraph" w:styleId="a5">'
                            '<w:name w:val="章見出し"/><w:basedOn w:val="1"/></w:style>'))
    d.add_paragraph("Ⅰ 基本情報")
    d.add_paragraph("１．特定個人情報ファイルを取り扱う事務")
    t = d.add_table(rows=3, cols=3)
    label = t.cell(0, 0).merge(t.cell(2, 0))
    label.text = "（１）システム"
    t.cell(0, 1).text = "システム1"
    t.cell(0, 2).text = "①システムの名称"
    t.cell(1, 1).text = "システム1"
    t.cell(1, 2).text = "②システムの機能: 番号利用法別表第一の16の項"
    t.cell(2, 1).text = "②法令上の根拠"
    t.cell(2, 2).text = "番号利用法別表第一の59の項"
    p = d.add_paragraph("事務の概要")
    p._p.get_or_add_pPr().append(parse_xml(f'<w:pStyle {nsdecls("w")} w:val="a5"/>'))
    d.add_paragraph("①個人を単位とする住民票を作成し、番号利用法別表第一の16の項の事務を行う。")
    d.add_heading("別表", level=2)
    d.add_paragraph("番号利用法別表第一の95の項")
    d.save(str(path))


def test_word_heading_path(tmp_path: Path) -> None:
    p = tmp_path / "h.docx"
    _heading_styles_doc(p)
    doc = open_document(p)
    edits, _ = rewrite_document(doc, ENGINE)
    paths = {e.item_text: e.location_detail.get("heading") for e in edits}
    # a cell: the headings above, then the labels to its left (the merged one on every row)
    assert paths["②システムの機能: 番号利用法別表第一の16の項"] == [
        "Ⅰ 基本情報", "１．特定個人情報ファイルを取り扱う事務", "（１）システム", "システム1"]
    assert paths["番号利用法別表第一の59の項"] == [
        "Ⅰ 基本情報", "１．特定個人情報ファイルを取り扱う事務", "（１）システム", "②法令上の根拠"]
    # a style based on a heading style is a heading; a numbered sentence is not
    assert paths["①個人を単位とする住民票を作成し、番号利用法別表第一の16の項の事務を行う。"] == ["事務の概要"]
    assert paths["番号利用法別表第一の95の項"] == ["事務の概要", "別表"]
    # a paragraph is its own item; the unit is the whole passage
    assert all(e.item_text in doc.units[e.unit].text for e in edits)


def test_word_table_labels_head_only_that_table(tmp_path: Path) -> None:
    """A label cell heads the rows below it in its own table, not the body after the table: a paragraph
    right after a table whose last row is 「②法令上の根拠 | …」 has the headings it would have without
    the table (those above the table, or none: then 項目 is its location)."""
    p = tmp_path / "t.docx"
    d = docx.Document()
    d.add_paragraph("Ⅰ 基本情報")
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "①事務の名称"
    t.cell(0, 1).text = "住民基本台帳に関する事務"
    t.cell(1, 0).text = "②法令上の根拠"
    t.cell(1, 1).text = "番号利用法別表第一の16の項"
    d.add_paragraph("番号利用法別表第二に基づいて情報照会を行う。")
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "①法令上の根拠"
    t.cell(0, 1).text = "なし"
    d.add_paragraph("（１）システム")
    d.add_paragraph("番号利用法別表第一の59の項")
    d.save(str(p))
    edits, _ = rewrite_document(open_document(p), ENGINE)
    paths = {e.item_text: e.location_detail.get("heading") for e in edits}
    assert paths == {
        "番号利用法別表第一の16の項": ["Ⅰ 基本情報", "②法令上の根拠"],
        "番号利用法別表第二に基づいて情報照会を行う。": ["Ⅰ 基本情報"],
        "番号利用法別表第一の59の項": ["Ⅰ 基本情報", "（１）システム"]}
    # with nothing above the table, the paragraph after it has no heading: 項目 is where it is
    p2 = tmp_path / "t2.docx"
    d = docx.Document()
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "②法令上の根拠"
    t.cell(0, 1).text = "なし"
    d.add_paragraph("番号利用法別表第二に基づいて情報照会を行う。")
    d.save(str(p2))
    edits, _ = rewrite_document(open_document(p2), ENGINE)
    assert [(e.location, e.location_detail.get("heading")) for e in edits] == [("本文 第1段落", None)]


def test_excel_heading_path(tmp_path: Path) -> None:
    p = tmp_path / "h.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "評価書"
    ws["A1"] = "（別添１）事務の内容"
    ws.merge_cells("A2:F2")
    ws["A2"] = "Ⅰ 基本情報"  # a title row over every column
    ws["A3"] = "１．特定個人情報ファイルを\n取り扱う事務"
    ws.merge_cells("A4:A6")
    ws["A4"] = "（１）システム"
    ws["B4"] = "①システムの名称"
    ws["C4"] = "住基システム"
    ws["B5"] = "②システムの機能"
    ws["C5"] = "番号利用法別表第一の16の項"
    ws["B6"] = "③他のシステムとの接続"
    ws["C6"] = "番号利用法別表第一の59の項"
    ws["A8"] = "Ⅱ ファイルの概要"
    ws["B9"] = "②法令上の根拠"
    ws["C9"] = "番号利用法別表第一の95の項"
    wb.save(str(p))
    doc = open_document(p)
    edits, _ = rewrite_document(doc, rewrite)
    paths = {e.location_detail["cell"]: e.location_detail.get("heading") for e in edits}
    assert paths["C5"] == ["Ⅰ 基本情報", "１．特定個人情報ファイルを取り扱う事務", "（１）システム", "②システムの機能"]
    assert paths["C6"] == ["Ⅰ 基本情報", "１．特定個人情報ファイルを取り扱う事務", "（１）システム",
                           "③他のシステムとの接続"]
    assert paths["C9"] == ["Ⅱ ファイルの概要", "②法令上の根拠"]


def test_heading_level_forms() -> None:
    from mynumber_refs.formats.ooxml import heading_level

    assert [heading_level(t) for t in ("Ⅰ 基本情報", "Ⅱ．ファイル", "１．事務", "2.システム", "（１）概要",
                                         "(2) 範囲", "①名称", "㉑番号")] == [1, 1, 2, 2, 3, 3, 4, 4]
    assert heading_level("①個人を単位とする住民票を作成する。") is None  # a sentence
    assert heading_level("1.5倍") is None and heading_level("16の項") is None
    assert heading_level("①" + "あ" * 80) is None  # too long for a label


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_text_heading_path_whatever_the_line_ends(tmp_path: Path, newline: str) -> None:
    """A text file's 項目 is the numbered headings above the edit, read line by line; a file that ends its
    lines with a lone CR (old Mac editors, some exports) has lines too, so its edits get the same headings."""
    lines = ["Ⅰ 基本情報", "", "１．事務の内容", "", "番号利用法別表第一の16の項に基づく事務", "", "２．提供", "",
             "（１）根拠", "", "番号利用法別表第二の27の項"]
    p = tmp_path / "評価書.txt"
    p.write_bytes(newline.join(lines).encode("utf-8") + newline.encode())
    edits, _ = rewrite_document(open_document(p), ENGINE)
    paths = {e.item_text.strip(): e.location_detail.get("heading") for e in edits}
    assert paths == {"番号利用法別表第一の16の項に基づく事務": ["Ⅰ 基本情報", "１．事務の内容"],
                     "番号利用法別表第二の27の項": ["Ⅰ 基本情報", "２．提供", "（１）根拠"]}
    assert sorted({e.location_detail["item_label"] for e in edits}, key=len) == ["5行目", "11行目"]


_HEADING_LINES = st.lists(st.sampled_from(["Ⅰ 基本情報", "１．事務の内容", "（１）根拠", "①提供先", "# 概要", "## 根拠",
                                           "本文の行", "", "　"]), min_size=1, max_size=12)


@given(_HEADING_LINES, st.lists(st.sampled_from(["\n", "\r\n", "\r"]), min_size=12, max_size=12))
def test_text_heading_paths_do_not_depend_on_the_line_ends(lines: list[str], ends: list[str]) -> None:
    """The heading path at each line's start is the same whether the lines end with LF, CRLF, a lone CR or a mix."""
    from mynumber_refs.formats import _TextHeadings

    def paths(seps: list[str]) -> list[list[str]]:
        text, starts = "", []
        for line, sep in zip(lines, seps, strict=False):
            starts.append(len(text))
            text += line + sep
        h = _TextHeadings(text)
        return [h.path(s) for s in starts]

    assert paths(ends) == paths(["\n"] * len(ends))

"""Word documents (.docx), through python-docx (imported only inside functions).

Units:

* the body's paragraphs, consecutive ones joined with ``"\\n"`` into one passage (so that a
  definition such as 「（以下「法」という。）」 carries to the paragraphs after it); a table ends
  a passage;
* every table cell (nested tables too): the cell's own paragraphs joined with ``"\\n"``;
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
complex field), tabs, breaks and drawings is protected: an edit that would touch it is refused
and reported.  Comments (their own part) are never read.  An edit over several runs puts its
new text into the run where the changed characters start; the other runs lose only the
characters they no longer hold, and every run keeps its formatting.  A notes part that python-docx
loads as plain bytes is parsed here and written back only when one of its notes changed; an
unchanged part keeps its bytes exactly.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import (
    Location,
    Segment,
    SkippedEdit,
    Unit,
)
from .ooxml import (
    XML_SPACE,
    AlternateCopies,
    in_later_branch,
    plan_edits,
    skip_message,
    xml_with_declaration,
)
from .safety import FormatError, ZipLimits, atomic_save, read_package, verify_package

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
W_TRANSPARENT = {_w("hyperlink"), _w("smartTag"), _w("dir"), _w("bdo"), W_CUSTOMXML}
W_IGNORED = {
    _w(t)
    for t in (
        "pPr", "rPr", "proofErr", "bookmarkStart", "bookmarkEnd", "commentRangeStart", "commentRangeEnd",
        "permStart", "permEnd", "lastRenderedPageBreak", "sdtPr", "sdtEndPr", "customXmlPr",
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
            if content is not None:
                _inline(content, segs, st, protected)
        elif tag in W_IGNORED or not isinstance(tag, str):
            continue  # comments and processing instructions have a non-str tag
        else:
            segs.append(Segment("", False))  # math, alternate content, anything unknown


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
            segs.append(Segment("\t", False))
        elif tag in (_w("br"), _w("cr")):
            segs.append(Segment("\n", False))
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
        else:
            segs.append(Segment("", False))  # instrText, delText, drawing, sym, footnote references …


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


def _texts_outside_text_boxes(el: Any) -> list[str]:
    out: list[str] = []
    for child in el:
        if child.tag == W_T:
            out.append(child.text or "")
        elif child.tag != W_TXBXCONTENT:
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

    def new_paragraph(self) -> None:
        if self.paras:
            self.segments.append(Segment("\n", False))
            self.length += 1
        self.paras.append(self.length)

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


class _Walker:
    def __init__(self) -> None:
        self.units: list[_DocUnit | None] = []
        self.state = _State()
        self.protected = False
        self.owner: _NotesPart | None = None

    def _paragraph(self, p: Any, passage: _Passage) -> None:
        passage.new_paragraph()
        segs: list[Segment] = []
        _inline(p, segs, self.state, self.protected)
        passage.extend(segs)

    def _finish(self, slot: int, passage: _Passage, label: str, detail: dict[str, Any],
                para_base: int, always_number: bool) -> None:
        if not passage.paras:
            return
        text = "".join(s.text for s in passage.segments)
        number = always_number or len(passage.paras) > 1
        breaks: list[tuple[int, Location]] = []
        for k, off in enumerate(passage.paras):
            n = para_base + k + 1
            lab = f"{label} 第{n}段落" if number else label
            breaks.append((off, Location(lab, {**detail, "paragraph": n})))
        unit = Unit(text, breaks[0][1], breaks)
        self.units[slot] = _DocUnit(unit, passage.segments, self.owner)

    def story(self, root: Any, label: str, detail: dict[str, Any]) -> None:
        para_no = 0
        table_no = 0
        passage: _Passage | None = None
        slot = -1
        base = 0
        for el in _block_children(root):
            if el.tag == W_P:
                if passage is None:
                    passage = _Passage()
                    slot = len(self.units)
                    self.units.append(None)
                    base = para_no
                para_no += 1
                self._paragraph(el, passage)
            else:
                if passage is not None:
                    self._finish(slot, passage, label, detail, base, True)
                    passage = None
                table_no += 1
                self.table(el, f"{label} 表{table_no}", {**detail, "table": [table_no]})
        if passage is not None:
            self._finish(slot, passage, label, detail, base, True)

    def table(self, tbl: Any, label: str, detail: dict[str, Any]) -> None:
        path: list[Any] = list(detail["table"])
        for r_i, tr in enumerate(_row_children(tbl, W_TR), 1):
            cells = _row_children(tr, W_TC)
            row_label = _row_label(cells[0]) if len(cells) > 1 else ""
            for c_i, tc in enumerate(cells, 1):
                cell_label = f"{label} 行{r_i} 列{c_i}"
                if c_i > 1 and row_label:
                    cell_label += f"（{row_label}）"
                cell_detail: dict[str, Any] = {**detail, "table": [*path, r_i, c_i]}
                if c_i > 1 and row_label:
                    cell_detail["row_label"] = row_label
                slot = len(self.units)
                self.units.append(None)
                passage = _Passage()
                nested = 0
                for el in _block_children(tc):
                    if el.tag == W_P:
                        self._paragraph(el, passage)
                    else:
                        nested += 1
                        self.table(el, f"{cell_label} 内の表{nested}",
                                   {**cell_detail, "table": [*path, r_i, c_i, nested]})
                self._finish(slot, passage, cell_label, cell_detail, 0, False)

    def text_boxes(self, root: Any, label: str, detail: dict[str, Any]) -> None:
        """Every text box under ``root`` as a story of its own (a nested one too, once)."""
        for number, box in enumerate(_text_boxes(root), 1):
            saved = self.state, self.protected
            self.state = _State()
            self.protected = saved[1] or _in_protected(box, root)
            self.story(box, f"{label} テキストボックス{number}", {**detail, "textbox": number})
            self.state, self.protected = saved


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


class DocxDocument:
    """A .docx opened with python-docx, its units and their segments."""

    format = "docx"
    encoding: str | None = None

    def __init__(self, path: Path, document: Any) -> None:
        self.path = path
        self.document = document
        self.notes: list[str] = []
        self._changed = False
        walker = _Walker()
        self._copies = AlternateCopies(W_T)
        body = document.element.body
        walker.story(body, "本文", {"part": "body"})
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
                walker.story(note, f"{name_ja}{number}", detail)
                walker.text_boxes(note, f"{name_ja}{number}", detail)
            self._copies.scan(rec.root)
        walker.owner = None
        self._units = [u for u in walker.units if u is not None]
        for du in self._units:
            blocked = [i for i, seg in enumerate(du.segments)
                       if seg.editable and seg.payload is not None and not self._copies.safe(seg.payload)]
            for i in blocked:
                du.segments[i].editable = False
            du.copy_blocked = frozenset(blocked)

    @property
    def units(self) -> Sequence[Unit]:
        return [u.unit for u in self._units]

    @property
    def changed(self) -> bool:
        return self._changed

    def apply(self, index: int, edits: Sequence[Any]) -> list[SkippedEdit]:
        du = self._units[index]
        new_texts, refused, copy_refused = plan_edits(du.segments, edits, du.copy_blocked)
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
        return [SkippedEdit(e, reason, skip_message(e, reason, copy_refused, TEXTBOX_COPY_MESSAGE)) for e, reason in refused]

    def save(self, dest: Path) -> None:
        """Write the document to ``dest`` atomically; the file written is read back (every part
        inflated, the parts whose text may have changed parsed, without a DTD) before it replaces
        anything."""
        for rec in self._notes:
            if rec.dirty and rec.blob is not None:
                # python-docx writes a plain part's bytes as loaded: hand it the new ones
                rec.part._blob = xml_with_declaration(rec.root, rec.blob)
        stories = _story_part_names(self.document)
        atomic_save(dest, lambda tmp: self.document.save(str(tmp)),
                    mode_from=self.path if self.path.exists() else None,
                    verify=lambda tmp: verify_package(tmp, "Word", xml_parts=stories))


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


def open_docx(path: Path, limits: ZipLimits | None = None) -> DocxDocument:
    """Read, verify and open a .docx; raise :class:`FormatError` when it is not a safe Word document.

    python-docx is handed the verified bytes in memory (:func:`~.safety.read_package`), never the
    path: what it parses is what was checked."""
    package = read_package(path, "Word", limits)
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
    except Exception as exc:  # noqa: BLE001 - corrupt XML, missing parts …
        raise FormatError(path, f"Word 文書が壊れているため開けません（{type(exc).__name__}: {exc}）",
                          f"the Word document is corrupt ({type(exc).__name__}: {exc})") from exc
    del package
    return DocxDocument(path, document)

"""File formats: read a file into text units with locations, rewrite each unit, write it back.

A handler's :func:`open_document` returns a :class:`Document`: its ``units`` are the texts the
rewriter sees (a text file is one unit; a Word paragraph passage, table cell, header, footer,
text box, footnote or endnote is one; an Excel text cell or drawing shape's text is one), each with a :class:`Location`.  :func:`rewrite_document`
calls the rewrite function on every unit, hands the edits back to the document (which maps them
onto runs, rich-text blocks or bytes and may refuse some, e.g. inside tracked changes) and
collects plain, picklable :class:`EditRecord`/:class:`FindingRecord` lists.  ``doc.save(dest)``
then writes atomically.

Each edit record names its *item* (the paragraph, cell, shape, or block of lines of a text file it
is in, with the item's whole text) and, where the format knows it, the PIA's heading path above it
(``location_detail["heading"]``): the 変更箇所 table shows one row per item.  Where the rewriter
writes the act's name itself, every unit of a document gets the name the document uses most
(:func:`document_law_name`).  Word and Excel documents have ``track_changes()``: Word edits then
become tracked changes, changed Excel cells get a comment with their text before.

Heavy libraries (python-docx; lxml for Excel) are imported only inside the Word and Excel handlers'
functions, so importing this package is cheap.
"""

from __future__ import annotations

import bisect
import functools
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from .. import findings as F
from .._gc import collector_paused
from .._patterns import compile_on_use
from ..edits import EditLike, apply_edits, changed_part
from ..numerals import OTHER_NUMERAL_CHARS
from ..render import document_law_name
from ..scan import may_hold_citation
from .safety import FormatError

if TYPE_CHECKING:  # pragma: no cover
    from ..model import Edit, RewriteResult

__all__ = [
    "FormatError",
    "Location",
    "Segment",
    "Unit",
    "Document",
    "EditRecord",
    "FindingRecord",
    "SkippedEdit",
    "RewriteFn",
    "EXTENSIONS",
    "LEGACY_EXTENSIONS",
    "LEGACY_MESSAGE",
    "is_legacy",
    "format_of",
    "open_document",
    "rewrite_document",
    "plan_segment_edits",
    "segment_ops",
    "apply_segment_ops",
    "SegmentOps",
    "plan_whole_groups",
    "edit_group",
    "GROUP_MESSAGE",
    "apply_edits_to_text",
    "may_cite",
    "shown_first",
    "document_law_name",
    "with_law_name",
    "item_span",
    "left_text",
]

RewriteFn = Callable[[str], "RewriteResult"]
"""A rewrite function with its options already bound: ``text -> RewriteResult``."""

EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".md": "text",
    ".csv": "text",
    ".tsv": "text",
    ".docx": "docx",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
}
"""Supported extensions (lower case) and the handler that reads them."""


LEGACY_EXTENSIONS = frozenset({".doc", ".xls"})
"""Extensions (lower case) of the legacy Word and Excel formats: not read, but failed with
:data:`LEGACY_MESSAGE` rather than skipped as an unknown format (they are the documents this tool is for)."""
LEGACY_MESSAGE = ("旧形式の Word/Excel ファイル（.doc/.xls）です。.docx/.xlsx で保存し直してください",
                  "legacy .doc/.xls: save it as .docx/.xlsx")


def is_legacy(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` has a legacy Word or Excel extension (.doc, .xls)."""
    return Path(path).suffix.lower() in LEGACY_EXTENSIONS


def format_of(path: str | os.PathLike[str]) -> str | None:
    """The handler name for ``path`` (``"text"``, ``"docx"``, ``"xlsx"``) or ``None``."""
    return EXTENSIONS.get(Path(path).suffix.lower())


@dataclass(frozen=True)
class Location:
    """Where a text is in a file: ``label`` for people (「表1 行3 列2」, 「Sheet1!B4」), ``detail``
    for machines (``{"sheet": "Sheet1", "cell": "B4"}``)."""

    label: str
    detail: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


@dataclass
class Segment:
    """A piece of a unit's text.  Only ``editable`` segments may change; ``payload`` is the
    handler's handle on it (a ``w:t`` element, a rich-text block index …).  A protected segment
    with empty text is a marker (a deletion, a drawing): an edit may not span it."""

    text: str
    editable: bool = True
    payload: Any = None
    mark: bool = False
    """A protected segment that a tracked change may still delete and insert again whole, its
    ``payload`` the element (a Word run's line break or tab): a citation written over it is then
    one deletion and one insertion, as one without it is."""


@dataclass(frozen=True)
class SkippedEdit:
    """An edit the document could not apply, and why (Japanese / English)."""

    edit: Edit
    reason: str
    message: str
    covers: tuple[Edit, ...] = ()
    """The rewriter's edits this one stands for, when it is a whole citation made of several
    (``edit`` is then new); empty when ``edit`` is one of the rewriter's own."""


# rows of a Word or Excel table looked up past for a header of its column or a title over it: as far as in tab-separated
# text (resolve.HEAD_ROWS)
HEAD_ROWS = 200


@dataclass
class Unit:
    """One text the rewriter sees.

    ``breaks`` optionally lists ``(offset, Location)`` pairs: the location of the text from
    ``offset`` on (a paragraph inside a passage); :meth:`locate` picks the right one, unless a
    ``locator`` function computes it (a line number in a text file).

    ``items`` optionally lists the ``(start, end)`` spans of the items a 変更箇所 table shows
    as one row each (the paragraphs of a Word passage); without it the whole unit is one item
    (a table cell, a text box, an Excel cell or shape), or for a text file each block of lines
    between blank lines (:func:`item_span`).
    """

    text: str
    location: Location
    breaks: list[tuple[int, Location]] = field(default_factory=list)
    locator: Callable[[int], Location] | None = None
    items: list[tuple[int, int]] = field(default_factory=list)
    after: tuple[tuple[str, ...], ...] = ()
    """For a table cell, the texts of the cells that go on from it, a run per direction: the next
    cells with text to its right, and those below it (see :func:`names_over_cells`); for a Word passage right above a
    table, the texts of the table's first row and first column."""
    before: str = ""
    """For a table cell, the text of the nearest cell with text to its left in its row (a row's
    「根拠法令」 column), with the cell before it when it holds only provisions (:func:`left_text`): the
    law it ends with is the law of the cell's tables that name none (see :func:`laws_left_of_cells`)."""
    above: str = ""
    """For a table cell (Excel or Word) with no text to its left, the text of the cell right above it: when it
    is nothing but another law's name, that law is the law of the cell's tables that name none."""
    label_above: str = ""
    """For a table cell with no text to its left whose cell right above holds a citation (another row's list, not
    a heading): the label of that cell, found the same way; the label a cell merged down over both rows would give
    (「情報照会の根拠」｜list, then an empty cell｜list).  The label of its lists' criterion (see :func:`with_label`)."""
    up: str = ""
    """For a table cell, the text of the nearest cell with text above it in its column: when it ends with the act's
    old 第19条第7号 or an old order's article, the cell's old tables stay (:func:`network_item_left_of_cell`)."""
    column: Callable[[], tuple[str, ...]] | None = field(default=None, repr=False, compare=False)
    """For a table cell that may cite, what gives the texts of the cells with text above it in its column (a merged
    cell's on each row it covers, once), nearest first: its column heading may write the criterion of its lists
    (「情報照会の根拠」｜「情報提供の根拠」 over a column of lists; see :func:`with_label`).  Called only by a rewrite
    that derives lists."""
    parts: Callable[[], tuple[str, ...]] | None = field(default=None, repr=False, compare=False)
    """For a table cell that may cite, what gives the texts of the other cells in its column that share its label, nearest
    first, up then down: the label cell merged over their rows, or left empty below a row holding a citation (as for
    :attr:`label_above`), whether the shared label is this cell's own or above it.  A list of the cell that one of them
    continues is one part of the label's list, never derived whole (see :func:`with_label`).  Called only by a rewrite
    that derives lists."""
    peers: Callable[[], Iterable[tuple[str, Callable[[], tuple[str, tuple[str, ...]]]]]] | None = field(
        default=None, repr=False, compare=False)
    """For a table cell that may cite, what gives the other cells of its table in the rows around it up to an empty row
    (up to the reach of tab-separated text), that may cite: each as its text and what gives its label (as
    :func:`with_label` reads a cell's) and the texts above it in its column (as :attr:`column`).  A list of the cell
    taking the criterion given is one of several when one of them holds a list of its kind taking it too (see
    :attr:`mynumber_refs.rederive.Rederive.peers`).  Called only by a rewrite that derives lists."""
    notes: tuple[tuple[int, str], ...] = ()
    """For a Word paragraph, the footnotes and endnotes it refers to: each as the offset of its reference in the text and
    the note's text (see :func:`rows_in_notes`)."""
    rows: Callable[[], tuple[tuple[str, tuple[str, ...], bool], ...]] | None = field(default=None, repr=False, compare=False)
    """For a table cell that may cite, what gives the rows above it, nearest first, up to the reach of tab-separated
    text: each as the text of its cell in the cell's column, the texts of its cells with text (none for an empty
    row) and whether that cell is merged over several columns, a title right above a Word table last as a row of its
    own text alone; its headers and title may mark the
    cell as the old text (see :func:`old_text_cells`).  Called only for a cell the rewrite edits."""
    _break_starts: list[int] = field(default_factory=list, repr=False, compare=False)
    _blank_lines: tuple[list[tuple[int, int]], list[int]] | None = field(default=None, repr=False, compare=False)

    def locate(self, offset: int) -> Location:
        if self.locator is not None:
            return self.locator(offset)
        if not self.breaks:
            return self.location
        if len(self._break_starts) != len(self.breaks):  # found once (a passage may hold thousands)
            self._break_starts = [b[0] for b in self.breaks]
        i = bisect.bisect_right(self._break_starts, offset) - 1
        return self.breaks[max(i, 0)][1]


def is_change_record_heading(texts: Sequence[str]) -> bool:
    """Whether the cells of a table's heading row name the columns of a change record (変更箇所):
    one 「変更前…」 and one 「変更後…」 (変更前の記載 / 変更後の記載).  Such a table records what a
    document said before and after an earlier change; its text is history, never rewritten."""
    words = ["".join(t.split()) for t in texts]
    return any(w.startswith("変更前") for w in words) and any(w.startswith("変更後") for w in words)


def embedded_note(names: Sequence[str]) -> list[str]:
    """The note a Word or Excel document gives for the files embedded in it (``word/embeddings/``,
    ``xl/embeddings/``: an Excel sheet or another document pasted as an object, a chart's data), whose text is
    not read: none when it has none."""
    if not names:
        return []
    shown = "、".join(n.rsplit("/", 1)[-1] for n in names[:3]) + ("…" if len(names) > 3 else "")
    return [f"埋め込まれたオブジェクト {len(names)} 件（{shown}）の中の文字は読んでいません。引用がないか開いて確認してください"
            f" / the text inside {len(names)} embedded object{'s' if len(names) > 1 else ''} ({shown}) was not read:"
            f" open {'them' if len(names) > 1 else 'it'} to check for citations"]


def is_signed(names: Iterable[str]) -> bool:
    """Whether a Word or Excel package holds a digital signature (``_xmlsignatures/``): a signature covers the
    parts' bytes, so any rewrite breaks it."""
    return any(n.lower().startswith("_xmlsignatures/") for n in names)


def signed_error(path: Path, word: bool) -> FormatError:
    """Why a digitally signed document or workbook that a rewrite changes is not written."""
    ja, en = ("文書", "document") if word else ("ブック", "workbook")
    return FormatError(path, f"この{ja}にはデジタル署名があり、書き換えると署名が無効になるため書き込みません。"
                             "署名を削除してから実行し、必要であれば署名し直してください",
                       f"the {en} is digitally signed and a rewrite would break the signature: it is not written;"
                       " remove the signature first (and sign it again if needed)")


def change_record_note(label: str) -> str:
    """The note a document gives for a change record it left as written."""
    return (f"{label}: 変更箇所の記録（変更前・変更後の記載）のため、書き換えていません"
            f" / {label}: a change record (before/after), left as written")


class Document(Protocol):
    """A file opened by a handler."""

    @property
    def path(self) -> Path: ...

    @property
    def format(self) -> str: ...

    @property
    def encoding(self) -> str | None: ...

    @property
    def notes(self) -> list[str]: ...

    @property
    def units(self) -> Sequence[Unit]: ...

    def apply(self, index: int, edits: Sequence[Edit]) -> list[SkippedEdit]:
        """Apply ``edits`` (spans into ``units[index].text``); return those that were refused."""
        ...

    @property
    def changed(self) -> bool: ...

    def save(self, dest: Path) -> None:
        """Write the (rewritten) document to ``dest`` atomically."""
        ...


@dataclass
class EditRecord:
    """One applied edit, as plain data (picklable, JSON-ready)."""

    location: str
    location_detail: dict[str, Any]
    start: int
    end: int
    before: str
    after: str
    evidence: list[str]
    reason: str
    citation_before: str
    citation_after: str
    unit: int = 0
    citation_start: int = -1
    citation_end: int = -1
    item: str = ""
    """The item (paragraph, cell, shape, block of lines) the edit is in: equal for the edits of one
    item of one file; ``""`` when unknown."""
    item_text: str = ""
    """The item's whole text before the change."""
    item_start: int = 0
    """Where the item starts in the unit (``start - item_start`` is the edit's offset in
    ``item_text``)."""


@dataclass
class FindingRecord:
    """One finding (or refused edit), as plain data."""

    location: str
    location_detail: dict[str, Any]
    start: int
    end: int
    text: str
    reason: str
    message: str
    proposed: str | None
    evidence: list[str]


def open_document(path: str | os.PathLike[str]) -> Document:
    """Open ``path`` with the handler for its extension.

    Raises :class:`FormatError` for an unsupported extension or a file that cannot be read safely.
    """
    p = Path(path)
    fmt = format_of(p)
    if fmt == "text":
        from . import text

        return text.open_text(p)
    if fmt == "docx":
        from . import docx

        return docx.open_docx(p)
    if fmt == "xlsx":
        from . import xlsx

        return xlsx.open_xlsx(p)
    if is_legacy(p):
        raise FormatError(p, *LEGACY_MESSAGE)
    raise FormatError(p, f"対応していない形式です（{p.suffix or '拡張子なし'}）",
                      f"unsupported format ({p.suffix or 'no extension'})")


def apply_edits_to_text(text: str, edits: Sequence[EditLike]) -> str:
    """Apply non-overlapping ``edits`` to ``text``; each edit's ``before`` must match."""
    return apply_edits(text, edits)


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    after: str


def _trim(edit: Edit) -> _Span:
    """Drop the characters an edit leaves as they are (common prefix and suffix of before and
    after), so that only the runs holding changed characters are touched."""
    p, q, new = changed_part(edit.before, edit.after)
    return _Span(edit.start + p, edit.end - q, new)


SegmentOps = dict[int, list[tuple[int, int, str, tuple[tuple[int, int], ...]]]]
"""Per segment index, the replacements ``(lo, hi, new, formats)`` in its text (offsets into the
segment's text, not overlapping; ``formats`` cuts ``new`` into pieces ``(length, segment)``, each in
the formatting of that segment)."""


def plan_segment_edits(segments: Sequence[Segment], edits: Sequence[Edit]
                       ) -> tuple[dict[int, str], list[tuple[Edit, str]]]:
    """Distribute ``edits`` over ``segments`` (whose texts concatenate to the unit's text).

    Each edit is first narrowed to the characters it really changes (the common prefix and
    suffix of ``before`` and ``after`` stay where they are).  The new text of an edit goes into
    the segment where the edit starts (for an insertion, the
    segment that ends there, else the one that starts there); the other segments it covers lose
    only the characters they no longer hold, so each segment keeps its own formatting.

    Returns ``(new_texts, refused)``: ``new_texts`` maps segment index to its new text (only
    changed segments), ``refused`` lists ``(edit, "protected")`` for edits touching a protected
    segment or spanning a marker.
    """
    ops, refused = segment_ops(segments, edits)
    return apply_segment_ops(segments, ops), refused


def apply_segment_ops(segments: Sequence[Segment], ops: SegmentOps) -> dict[int, str]:
    """The new texts of the segments that ``ops`` change."""
    new_texts: dict[int, str] = {}
    for i, seg_ops in ops.items():
        t = segments[i].text
        for lo, hi, rep, _ in sorted(seg_ops, key=lambda o: (o[0], o[1]), reverse=True):
            t = t[:lo] + rep + t[hi:]
        new_texts[i] = t
    return new_texts


def segment_ops(segments: Sequence[Segment], edits: Sequence[Any], tracked: bool = False
                ) -> tuple[SegmentOps, list[tuple[Any, str]]]:
    """Distribute ``edits`` over ``segments`` as :func:`plan_segment_edits` does, returning the
    replacements each segment takes rather than its new text.

    With ``tracked`` the replacements are a tracked change's: ``edits`` are the spans to show
    (anything with ``start``, ``end`` and ``after``, taken as they are, not narrowed), and the new
    text of a span over several segments goes right after its last deleted piece (in the formatting
    its ``formats`` give, else that of the segment where the span starts), so that a reviewer reads
    the old characters struck through, then the new ones: 「~~1~~|~~6~~24」, never 「~~1~~24~~6~~」.
    A tracked span may cross a :attr:`Segment.mark`, which it deletes whole."""
    starts: list[int] = []
    pos = 0
    for s in segments:
        starts.append(pos)
        pos += len(s.text)
    total = pos
    ops: SegmentOps = {}
    refused: list[tuple[Any, str]] = []
    n = len(segments)
    for edit in edits:
        if edit.start < 0 or edit.end > total or edit.end < edit.start:
            raise ValueError(f"edit out of range: {edit.start}-{edit.end} (text length {total})")
        e = edit if tracked else _trim(edit)
        # the segments that can matter: from the last one with text starting before the edit to
        # the first starting after it (segments are contiguous), not every segment of the unit
        first = bisect.bisect_left(starts, e.start) - 1
        while first > 0 and not segments[first].text:
            first -= 1
        first = max(first, 0)
        last = bisect.bisect_right(starts, e.end)
        window = range(first, min(last + 1, n))
        covered: list[int] = []
        blocked = False
        for i in window:
            seg = segments[i]
            a, b = starts[i], starts[i] + len(seg.text)
            if seg.text:
                if a < e.end and b > e.start:
                    covered.append(i)
                    if not seg.editable and not (tracked and seg.mark):
                        blocked = True
            elif not seg.editable and e.start < a < e.end:
                blocked = True  # a marker (deletion, drawing) inside the edit
        target: int | None = None
        if e.start == e.end:  # insertion
            for i in window:
                seg = segments[i]
                a, b = starts[i], starts[i] + len(seg.text)
                if seg.text and a < e.start <= b:
                    target = i
                    break
            if target is None:
                for i in window:
                    if segments[i].text and starts[i] == e.start:
                        target = i
                        break
            if target is None and not segments:
                blocked = True
            elif target is not None and not segments[target].editable:
                blocked = True
            elif target is None:
                # an empty unit made of markers only, or nothing editable: pick the first editable
                for i, seg in enumerate(segments):
                    if seg.editable:
                        target = i
                        break
                if target is None:
                    blocked = True
        else:
            target = covered[0] if covered else None
        if blocked or target is None:
            refused.append((edit, "protected"))
            continue
        formats = getattr(e, "formats", ()) or ((len(e.after), target),)
        if e.start == e.end:
            ops.setdefault(target, []).append((e.start - starts[target], e.start - starts[target], e.after, formats))
            continue
        # (the new text goes after the last deleted text: a mark is deleted whole, never a carrier)
        carrier = next((i for i in reversed(covered) if segments[i].editable), covered[-1]) if tracked else target
        for i in covered:
            a = starts[i]
            lo = max(e.start, a) - a
            hi = min(e.end, a + len(segments[i].text)) - a
            ops.setdefault(i, []).append((lo, hi, e.after, formats) if i == carrier else (lo, hi, "", ()))
    return ops, refused


GROUP_MESSAGE = (
    "一緒に変わるべき書き換え（同じ引用、またはそれに属する一覧）の一部を適用できないため、これも元のままにしました"
    " / kept as written: part of the rewrite it belongs with (the same citation, or a list that hangs on it) could not be applied"
)


def edit_group(edit: Edit) -> int:
    """What an edit applies together with: its group (a citation and the lists that hang on it),
    else its citation, else itself."""
    if getattr(edit, "group", None) is not None:
        return int(edit.group)  # type: ignore[arg-type]
    citation = getattr(edit, "citation", None)
    return id(citation) if citation is not None else id(edit)


def plan_whole_groups(
    plan: Callable[[Sequence[Edit]], tuple[dict[int, str], list[tuple[Edit, str]]]], edits: Sequence[Edit]
) -> tuple[dict[int, str], list[tuple[Edit, str]]]:
    """``plan(edits)``, but when an edit is refused, every edit of its group is left out too
    (reason ``"group"``), so that a citation is never half rewritten (the new table's name over an
    old row number because the row stands in a tracked change, say)."""
    kept = list(edits)
    out_refused: list[tuple[Edit, str]] = []
    while True:
        new_texts, refused = plan(kept)
        if not refused:
            return new_texts, out_refused
        bad = {edit_group(e) for e, _ in refused}
        refused_ids = {id(e) for e, _ in refused}
        out_refused.extend(refused)
        out_refused.extend((e, "group") for e in kept if edit_group(e) in bad and id(e) not in refused_ids)
        kept = [e for e in kept if edit_group(e) not in bad]


PROTECTED_MESSAGE = (
    "変更履歴・フィールド・改行・連動したコンテンツ コントロールなどをまたぐか、その中にあるため自動では書き換えませんでした。"
    "手作業で修正してください"
    " / not rewritten automatically because it spans or lies in a tracked change, a field, a break or a content control"
    " Word fills (bound data, a drop-down list); fix it by hand"
)


_CLUSTER_GAP = 6
_CLUSTER_STOP = set("\n\r。、，,；;")


def _cluster(unit_text: str, i: int, all_edits: Sequence[Edit]) -> tuple[int, int]:
    """Without a citation, the span of the edits close to ``all_edits[i]`` (gaps of a few
    characters with no punctuation or line break), so that 「別表第一」→「別表」 and 「16」→「24」 show
    as one."""
    lo_i = hi_i = i
    while lo_i > 0:
        gap = unit_text[all_edits[lo_i - 1].end:all_edits[lo_i].start]
        if len(gap) > _CLUSTER_GAP or _CLUSTER_STOP & set(gap) or all_edits[lo_i - 1].citation is not None:
            break
        lo_i -= 1
    while hi_i < len(all_edits) - 1:
        gap = unit_text[all_edits[hi_i].end:all_edits[hi_i + 1].start]
        if len(gap) > _CLUSTER_GAP or _CLUSTER_STOP & set(gap) or all_edits[hi_i + 1].citation is not None:
            break
        hi_i += 1
    return all_edits[lo_i].start, all_edits[hi_i].end


def _citation_context(unit_text: str, i: int, all_edits: Sequence[Edit], starts: Sequence[int]
                      ) -> tuple[str, str, int, int]:
    """The citation ``all_edits[i]`` belongs to, before and after all of its edits, and its span
    (``all_edits`` sorted, ``starts`` their starts).

    The span is the edit's citation with all of its edits when the rewriter gave one, else the
    cluster of nearby edits."""
    edit = all_edits[i]
    c = edit.citation
    if c is not None and c.end <= len(unit_text):
        # the citation with all of its edits (「第19条第7号及び別表第二」: its provision's 号 stands before it)
        j, k = i, i
        while j > 0 and all_edits[j - 1].citation is c:
            j -= 1
        while k + 1 < len(all_edits) and all_edits[k + 1].citation is c:
            k += 1
        lo, hi = min(c.start, all_edits[j].start), max(c.end, all_edits[k].end)
    else:
        lo, hi = _cluster(unit_text, i, all_edits)
    k = bisect.bisect_left(starts, lo)
    inside = []
    while k < len(all_edits) and all_edits[k].start < hi:
        if all_edits[k].end <= hi:
            inside.append(all_edits[k])
        k += 1
    before = unit_text[lo:hi]
    after_parts: list[str] = []
    pos = lo
    for e in inside:
        after_parts.append(unit_text[pos:e.start])
        after_parts.append(e.after)
        pos = e.end
    after_parts.append(unit_text[pos:hi])
    return before, "".join(after_parts), lo, hi


def may_cite(text: str) -> bool:
    """Whether ``text`` can hold anything the rewriter looks at (the scanner's own test,
    :func:`mynumber_refs.scan.may_hold_citation`).  A unit without it is not sent to the
    rewriter: in a workbook most cells are like that."""
    return may_hold_citation(text)


def shown_first(texts: Sequence[str]) -> str:
    """How a note shows what it counts: the first text (cut at 20 characters), and 「など」 when there are more."""
    first = texts[0] if len(texts[0]) <= 20 else texts[0][:20] + "…"
    return first + ("など" if len(texts) > 1 else "")


_BLANK_LINE = compile_on_use(r"\r?\n[ \t\u3000]*(?:\r?\n|$)|\r[ \t\u3000]*(?:\r|$)")


def item_span(unit: Unit, offset: int, fmt: str = "") -> tuple[int, int]:
    """The item of ``unit`` that holds ``offset``: one of ``unit.items``; for a text file
    (``fmt == "text"``) the block of lines between blank lines; else the whole unit."""
    if unit.items:  # sorted; neighbours may share an end: the first that holds the offset wins
        k = bisect.bisect_right(unit.items, (offset, len(unit.text) + 1)) - 1
        for j in (k - 1, k):
            if 0 <= j < len(unit.items) and unit.items[j][0] <= offset <= unit.items[j][1]:
                return unit.items[j]
    if fmt != "text":
        return 0, len(unit.text)
    if unit._blank_lines is None:  # the blank lines of a text unit, and their ends, found once
        spans = [m.span() for m in _BLANK_LINE.finditer(unit.text)]
        unit._blank_lines = (spans, [end for _, end in spans])
    blanks, ends = unit._blank_lines
    k = bisect.bisect_right(ends, offset)  # the first blank line ending after it
    start = blanks[k - 1][1] if k else 0
    if k == len(blanks):
        return start, len(unit.text)
    if blanks[k][0] >= offset:
        return start, blanks[k][0]
    return blanks[k][0], blanks[k][0]  # inside the blank lines themselves


_LINE_BREAK = compile_on_use(r"\r\n?|\n")


class _TextHeadings:
    """The heading path above an offset of a text file: lines written with Ⅰ/１．/（１）/①
    numbering (see :func:`~mynumber_refs.formats.ooxml.heading_level`) and Markdown headings
    (``#``, ``##`` …), read once from the top as offsets grow."""

    def __init__(self, text: str) -> None:
        from .ooxml import HeadingStack

        self.text = text
        self.stack = HeadingStack()
        self.pos = 0

    def path(self, offset: int) -> list[str]:
        from .ooxml import heading_level

        while self.pos < offset:
            brk = _LINE_BREAK.search(self.text, self.pos)  # (LF, CRLF or a lone CR: a file may use any)
            end = len(self.text) if brk is None else brk.start()
            if end >= offset:
                break
            line = self.text[self.pos:end].strip()
            self.pos = brk.end() if brk is not None else end
            markdown = re.match(r"(#{1,6})\s+(.+)", line)
            if markdown:
                self.stack.push(len(markdown.group(1)), markdown.group(2).strip())
                continue
            level = heading_level(line)
            if level is not None:
                self.stack.push(level, " ".join(line.split()))
        return [t for _, t in self.stack.entries]


def _item_detail(doc: Document, unit: Unit, lo: int, hi: int, detail: dict[str, Any],
                 headings: dict[int, _TextHeadings], index: int) -> dict[str, Any]:
    """The location detail of an edit, with what a text file's item adds: the lines it spans
    (``item_label``, 「3～5行目」) and the headings above it."""
    if doc.format != "text":
        return detail
    first = unit.locate(lo).label
    last = unit.locate(max(lo, hi - 1)).label
    out = dict(detail)
    out["item_label"] = first if first == last else f"{first.removesuffix('行目')}～{last}"
    if index not in headings or headings[index].pos > lo:
        headings[index] = _TextHeadings(unit.text)
    path = headings[index].path(lo)
    if path:
        out["heading"] = path
    return out


def _inserted_law_name(edit: Edit) -> str | None:
    """The act's name the rewriter put before a new table or order name because the citation
    did not name its law (the unit's own most used name, see render.document_law_name), or ``None``."""
    from ..model import ALIASES, LawBasis

    c = edit.citation
    if c is None or (c.law and c.law_basis is not LawBasis.ASSUMED):
        return None
    for alias in sorted(ALIASES, key=len, reverse=True):
        if edit.after.startswith(alias) and not edit.before.startswith(alias):
            return alias
    return None


def with_law_name(edits: Sequence[Edit], name: str | None) -> list[Edit]:
    """``edits`` with every act name the rewriter inserted (:func:`_inserted_law_name`) written as
    ``name``, so that a document gets one name throughout rather than the one nearest to each
    cell or paragraph.  Names the document wrote itself are never touched."""
    if not name:
        return list(edits)
    import attrs

    out: list[Edit] = []
    for e in edits:
        inserted = _inserted_law_name(e)
        if inserted is not None and inserted != name:
            e = attrs.evolve(e, after=name + e.after[len(inserted):])
        out.append(e)
    return out


_NUM = r"(?:[0-9０-９]+|[〇一二三四五六七八九十百千]+)"
# a row number as a cell begins with it: three digits at most (the old tables have fewer than 200 rows; not
# 「2024/5/27」), not followed by a counter or unit (「2024年」, 「1件」, 「3人」, 「10万円」, 「5%」); or numerals no
# citation is read with (「㉗」, 「⑵」, 「Ⅱ」, 「𝟐𝟕」), which a new name would stand beside as well
_ROW_NUM = (
    rf"(?:[0-9０-９]{{1,3}}(?![0-9０-９])|[〇一二三四五六七八九十百]+|(?:[{OTHER_NUMERAL_CHARS}]|(?![0-9０-９])\d)+)"
    r"(?![\s]*(?:年|月|日|件|人|名|円|万|千|億|回|個|枚|部|通|台|歳|才|時|分|秒|か月|ヶ月|カ月|％|%|倍|割|条|号|欄|節|章|／[0-9０-９]+／|/[0-9]+/|[.．][0-9０-９]))"
)
# a cell that holds row numbers, as it begins: a row number (after a mark 「・」「※」「〃」, an item number 「(1)」,
# 「項番」/「該当項」/「第」, or an opening bracket; maybe with 番 after it, 「27番」, not 「1番目」 or 「3番地」) followed by
# the end of the cell, 「項」/「の項」, a joiner and another number (「27、28」, 「１～３」, 「27から29まで」, 「27及び28」;
# not 「1,000」), whitespace and another number (「27 28」), an opening bracket (「27（市町村長）」), or the bracket it
# opened closing (「(27)」); never 「．」「.」「)」 or whitespace followed by words, which number an item
# (「１．特定個人情報ファイル名」, 「1)照会」, 「２　提供先」)
_ROW_MARK = r"(?:[・･●○■□◆◇\-－※〃＊*]|\(?[0-9０-９]\)|（[0-9０-９]）)"
_ROW_PREFIX = r"(?:(?:該当|当該)?[\s]*項[\s]*番|(?:該当|当該)[\s]*項|No\.?|№|第)?[\s]*[:：]?[\s]*"
_ROW_BRANCH = rf"{_ROW_NUM}(?:[\s]*の[\s]*{_ROW_NUM})*"  # 「85の2」
_ROW_JOIN = r"(?:[、,，・～〜~\-－‐―]|から|及び|並びに|又は|と)"
_ROW_CELL = compile_on_use(
    rf"[\s]*(?:{_ROW_JOIN}[\s]*)?{_ROW_MARK}?[\s]*{_ROW_PREFIX}([（(【［\[])?[\s]*{_ROW_PREFIX}{_ROW_BRANCH}(?:[\s]*番(?![\s]*[地号目台線手]))?"
    rf"(?:[\s]*の?[\s]*項"
    rf"|(?![,，][0-9０-９]{{3}}(?![0-9０-９]))[\s]*{_ROW_JOIN}[\s]*{_ROW_NUM}"
    rf"|[\s]+{_ROW_NUM}"
    rf"|[\s]*[（(]"
    rf"|(?(1)[\s]*[）)】］\]][\s]*\Z|[\s]*\Z))"
)
# a cell that holds an article of an order (「第２０条」, 「２０条１号ハ」, 「（２０条１号ハ）」, 「（平成26年内閣府・総務省令第7号）
# 第２０条」): after an old order's title, its article
_ARTICLE_CELL = compile_on_use(
    rf"[\s]*[（(【［\[]?[\s]*(?:同[\s]*(?:令|命令|省令)[\s]*)?"
    rf"(?:[（(]?[\s]*(?:平成|令和)[^（）()\n]{{0,30}}?第[\s]*{_NUM}[\s]*号[\s]*[）)]?[\s]*)?第?[\s]*{_NUM}[\s]*条"
)
# what may follow a table's name to the end of its cell when the rows are in the next cells: 「の項番」 …
_ROW_WORD = r"(?:項番号|項番|項|番号|No\.?)"
# a cell that only says 「項番」 (「該当項」, 「当該項番」 too)
_ROW_WORD_CELL = compile_on_use(rf"[\s]*(?:の)?[\s]*(?:該当|当該)?[\s]*{_ROW_WORD}[\s：:]*\Z")
# a cell that stands between a name and its numbers: one that only says 「項番」, or holds only marks, brackets or 「の」
# (「：」, 「→」, 「（」)
_BETWEEN_CELL = compile_on_use(rf"{_ROW_WORD_CELL.pattern}|[\s]*(?:の|[^\w\s])(?:[\s]|の|[^\w\s])*\Z")


def heads_rows_below(text: str) -> bool:
    """Whether a cell right of a table's name that holds ``text`` may head the name's rows in the cells below it: it holds
    nothing, or only says 「項番」 (a heading row not merged over its columns: 「番号法別表第二」｜「項番」 over 「」｜「27」)."""
    return not text.strip() or _ROW_WORD_CELL.match(text) is not None


# …and to the end of its cell only closing brackets, 「の項番」, 「の該当項」 or a short note in brackets (「（注）」), and
# a word joining it to the next cell or an opening bracket (「…27の項から」 | 「29の項まで」, 「番号法別表第二（」 | 「27の項）」)
_NAME_TAIL = compile_on_use(
    rf"[\s]*[）)]*[\s]*(?:の)?[\s]*(?:該当)?{_ROW_WORD}?[\s：:]*(?:[（(][^（）()\n]{{0,10}}[）)])?[\s]*[）)]*[\s]*"
    rf"(?:{_ROW_JOIN}|[（(【［\[])?[\s]*\Z"
)


_TABLES_JOINED = compile_on_use(r"[\s]*(?:及び|並びに|又は|と|、|，|,|・|／|/)[\s]*")

# what a cell may begin with that only the old numbering gives, read after an old table's citation ending the cell to
# its left or right above it as the rest of its sentence (a text keeps the name before them): after a word joining it to
# the cell before (「及び」, 「、」, 「から」), a mark or an opening bracket, an article of the order named only 主務省令, 同令 … (「主務省令第20条」, 「旧主務省令第20条」), a column (「下欄」,
# 「同項の下欄」, 「第四欄」), the act's old network provision (「第19条第7号」, 「番号法第19条第7号」), a row written with
# 項 (「28の項」, 「項番28」) or named by its place (「の次の項」, 「前項」)
_OLD_NUMBER_LEAD = compile_on_use(
    rf"[\s]*(?:{_ROW_JOIN}[\s]*)?{_ROW_MARK}?[\s]*[（(【［\[]?[\s]*(?:"
    r"(?P<article>(?:旧[\s]*)?(?:(?:同[\s]*)?(?:主[\s]*務[\s]*)?(?:省[\s]*令|命[\s]*令)|同[\s]*令)"
    rf"[\s]*(?:[（(][\s]*平[\s]*成[^（）()\n]{{1,40}}[）)][\s]*)?(?:の[\s]*)?(?:第[\s]*)?{_NUM}[\s]*条)"
    r"|(?P<column>(?:同[\s]*項[\s]*)?(?:の[\s]*)?(?:[上中下左右]|第[\s]*(?:[一二三四五六七八九]|[1-9１-９]))[\s]*欄)"
    r"|(?P<network>(?:番[\s]*号[\s]*(?:利[\s]*用[\s]*)?法[\s]*|マ[\s]*イ[\s]*ナ[\s]*ン[\s]*バ[\s]*ー[\s]*法[\s]*)?"
    r"第?[\s]*(?:1[\s]*9|１[\s]*９|十[\s]*九)[\s]*条[\s]*第?[\s]*(?:7|７|七)[\s]*号)"
    rf"|(?P<row>(?:第[\s]*)?{_ROW_BRANCH}[\s]*[）)]?[\s]*(?:の[\s]*)?項(?![\s]*目)|(?:(?:該当|当該)[\s]*)?項[\s]*(?:番[\s]*[:：は]?|[:：は])[\s]*{_NUM}"
    r"|(?:の[\s]*)?(?:次|前|後|直前|直後|最後|最初|末尾|先頭)[\s]*(?:の[\s]*)?項(?![\s]*目))"
    r")"
)


def _old_number_lead(text: str, own: RewriteFn | None) -> re.Match[str] | None:
    """What a cell begins with that only the old numbering gives (:data:`_OLD_NUMBER_LEAD`), unless the cell's own
    rewrite changes it (「番号法第19条第7号及び別表第二の28の項」: its 第7号 goes to 第8号 with its own table)."""
    m = _OLD_NUMBER_LEAD.match(text)
    if m is None or (own is not None and _cited_in(own(text), m.start(m.lastgroup or 0), m.end())):
        return None
    return m


def _cited_in(result: RewriteResult, lo: int, hi: int) -> bool:
    """Whether ``result`` (a cell's own rewrite) changes or reads as a citation something of ``lo``-``hi``."""
    spans = [(e.start, e.end) for e in result.edits]
    spans.extend((e.citation.start, e.citation.end) for e in result.edits if e.citation is not None)
    spans.extend((f.start, f.end) for f in result.findings)
    return any(a < hi and b > lo for a, b in spans)


# a cell that ends with an article of an old table's order named only 主務省令, 同令 … (「主務省令第20条」), maybe in
# brackets and before 「、」: read before the cell to its right as the start of its sentence, where the rewriter keeps a
# name after it (number-before-table).  (Not a row: 「項番1」 or 「28の項」 to the left numbers the document's own items as often.)
_OLD_NUMBER_TAIL = compile_on_use(
    r"(?P<article>(?:(?:同[\s]*)?(?:主[\s]*務[\s]*)?(?:省[\s]*令|命[\s]*令)|同[\s]*令)"
    rf"[\s]*(?:[（(][\s]*平[\s]*成[^（）()\n]{{1,40}}[）)][\s]*)?(?:の[\s]*)?(?:第[\s]*)?{_NUM}[\s]*条)"
    r"[\s]*[）)】］\]]?[\s、，,]*\Z"
)


def old_numbers_left_of_cell(unit: Unit, edits: Sequence[Edit], own: RewriteFn | None = None, over: str | None = None
                             ) -> tuple[list[Edit], list[tuple[Edit, str]]]:
    """The edits of a table cell that may apply, and those kept because the cell to the left ends with what only the
    old numbering gives (:data:`_OLD_NUMBER_TAIL`: 「主務省令第20条」 | 「番号法別表第二の27の項」): renamed, the cell's old
    tables would stand beside the old order's article, as the rewriter never leaves them in a text (number-before-table).
    Not when the left cell's own rewrite (``own``) reads it as a citation (「番号法別表第二主務省令第20条」).  ``over``: the
    text of the cell above, read instead of the cell to the left."""
    from ..model import OLD_TABLES, CitationKind, Order

    before = (unit.before if over is None else over).rstrip()
    m = _OLD_NUMBER_TAIL.search(before)
    if m is None:
        return list(edits), []
    lo = m.start("article")
    if own is not None and _cited_in(own(before), lo, m.end()):
        return list(edits), []
    return _keep_groups_of(
        edits,
        lambda c: (c.kind is CitationKind.TABLE and (c.table in OLD_TABLES or any(t in OLD_TABLES for t in c.tables)))
        or (c.kind is CitationKind.ORDER_TITLE and c.order in (Order.OLD_EXCHANGE, Order.OLD_USES)),
        "".join(before[lo:].split())[-40:],
    )


def _keep_groups_of(
    edits: Sequence[Edit], kept: Callable[[Any], bool], preceding: str
) -> tuple[list[Edit], list[tuple[Edit, str]]]:
    """``edits`` without the groups of those whose citation is ``kept``, and those (the first of each group) with
    ``preceding``, the text that keeps them."""
    kept_groups: dict[int, Edit] = {}
    for e in edits:
        c = e.citation
        if c is not None and edit_group(e) not in kept_groups and kept(c):
            kept_groups[edit_group(e)] = e
    return [e for e in edits if edit_group(e) not in kept_groups], [(e, preceding) for e in kept_groups.values()]


def rows_in_notes(unit: Unit, edits: Sequence[Edit], own: RewriteFn | None = None
                  ) -> tuple[list[Edit], list[tuple[Edit, str]]]:
    """The edits of a Word paragraph that may apply, and those kept with the text of a note that holds their rows.

    A note referred to in a sentence (「番号法別表第二に基づく照会[1]」, the reference maybe right after its 「。」) whose
    text begins with row numbers (「27の項、28の項」, 「27、28」) or what only the old numbering gives
    (:data:`_OLD_NUMBER_LEAD`: 「主務省令第20条」, 「第19条第7号」), unless the note's own rewrite (``own``) reads them,
    writes the rest of the sentence: its old tables are not renamed over those numbers, as a text keeps a name its rows
    follow (the whole-edit rule of the rewriter, across the note)."""
    from ..model import OLD_TABLES, CitationKind, Order

    text = unit.text
    spans: list[tuple[int, int, str]] = []
    for offset, note in unit.notes:
        if _ROW_CELL.match(note) is None and _old_number_lead(note, own) is None:
            continue
        end = offset - 1 if offset > 0 and text[offset - 1] == "。" else offset
        lo = max(text.rfind("。", 0, end), text.rfind("\n", 0, end)) + 1
        stops = [k for k in (text.find("。", offset), text.find("\n", offset)) if k != -1]
        spans.append((lo, min(stops) if stops else len(text), "".join(note.split())[:30]))
    if not spans:
        return list(edits), []
    kept_groups: dict[int, tuple[Edit, str]] = {}
    for e in edits:
        c = e.citation
        if c is None or edit_group(e) in kept_groups or not (
            (c.kind is CitationKind.TABLE and (c.table in OLD_TABLES or any(t in OLD_TABLES for t in c.tables)))
            or (c.kind in (CitationKind.ORDER_TITLE, CitationKind.ORDER_REFS) and c.order in (Order.OLD_EXCHANGE, Order.OLD_USES))
        ):
            continue
        following = next((f for lo, hi, f in spans if lo <= c.start and c.end <= hi), None)
        if following is not None:
            kept_groups[edit_group(e)] = (e, following)
    return [e for e in edits if edit_group(e) not in kept_groups], list(kept_groups.values())


def names_over_cells(unit: Unit, edits: Sequence[Edit], own: RewriteFn | None = None
                     ) -> tuple[list[Edit], list[tuple[Edit, str]]]:
    """The edits of a table cell that may apply, and those kept with the text of the cell that holds
    their rows.

    A table named without rows at the end of its cell (「番号法別表第二」, 「番号法別表第二の項番」) whose
    next cell to the right, or the cell below it, holds row numbers (「27」, 「27、28の項」) is not renamed:
    its rows were not read, and a new name over the old numbers would be wrong (the whole-edit rule of
    the rewriter, across cells).  Nor is a table's citation with rows ending its cell there (「番号法別表第二の27の
    項」 | 「28」).  The edits of its group stay with it.

    Nor is an old table's citation ending its cell, with its rows or without, when that next cell begins
    with what only the old numbering gives, as the rest of its sentence would keep it in a text
    (:data:`_OLD_NUMBER_LEAD`: 「番号法別表第二の27の項」 | 「主務省令第20条」, 「下欄」, 「第19条第7号」, 「28の項」),
    unless the next cell's own rewrite (``own``) changes that."""
    rows_next = articles_next = lead_next = None
    lead_kind = ""
    for run in unit.after:  # a cell that only says 「項番」 (or 「：」, 「（」 …) stands between the name and its numbers
        t = next((t for t in run if not _BETWEEN_CELL.match(t)), None)
        if t is None:
            continue
        lead = _old_number_lead(t, own) if lead_next is None else None
        if lead is not None:
            lead_next, lead_kind = t, lead.lastgroup or ""
        if _ARTICLE_CELL.match(t):
            articles_next = articles_next or t
        elif _ROW_CELL.match(t):
            rows_next = rows_next or t
    if rows_next is None and articles_next is None and lead_next is None:
        return list(edits), []
    from ..model import OLD_TABLES, CitationKind, Order

    # the names without rows that end the cell, and those joined to them as one list (「番号法別表第一及び別表第二」 |
    # 「27」: the rows may be either table's, so the first is kept with the second)
    at_end: list[Any] = []
    # the old tables' citations ending the cell, with rows or without, before lead_next; an old order's title or
    # articles too, unless lead_next is a column (a table's, not an order's)
    by_lead: list[Any] = []
    for named in sorted({id(e.citation): e.citation for e in edits if e.citation is not None}.values(), key=lambda o: -o.start):
        if lead_next is not None and _NAME_TAIL.match(unit.text, named.end) and (
            (named.kind is CitationKind.TABLE and (named.table in OLD_TABLES or any(t in OLD_TABLES for t in named.tables)))
            or (named.kind in (CitationKind.ORDER_TITLE, CitationKind.ORDER_REFS) and lead_kind != "column"
                and named.order in (Order.OLD_EXCHANGE, Order.OLD_USES))
        ):
            by_lead.append(named)
        if named.rows:
            # 「番号法別表第二の27の項」 | 「28」: a number beside a row ending its cell is read as its rows, as the tab in
            # a text's 「…27の項\t28」 is (a count of a 件数 column is a bare number too: kept and reported, the safe side)
            if rows_next is not None and named.kind is CitationKind.TABLE and _NAME_TAIL.match(unit.text, named.end):
                at_end.append(named)
            continue
        if _NAME_TAIL.match(unit.text, named.end) or (
            named.kind is CitationKind.TABLE and at_end and at_end[-1].kind is CitationKind.TABLE
            and _TABLES_JOINED.fullmatch(unit.text, named.end, at_end[-1].start)
        ):
            at_end.append(named)
    kept_groups: dict[int, Edit] = {}
    kept_by: dict[int, str] = {}
    for e in edits:
        c = e.citation
        if c is not None and lead_next is not None and any(c is k for k in by_lead) and edit_group(e) not in kept_groups:
            kept_groups[edit_group(e)] = e
            kept_by[edit_group(e)] = lead_next
            continue
        if c is None or not any(c is k for k in at_end):
            continue
        # a table's rows, or an old order's article (「番号法別表第二主務省令」 | 「第２０条」: its title renamed
        # over the old article), in the next cell
        by = rows_next if c.kind is CitationKind.TABLE else None
        if c.kind is CitationKind.ORDER_TITLE and c.order in (Order.OLD_EXCHANGE, Order.OLD_USES):
            by = articles_next or rows_next
        if by is not None and edit_group(e) not in kept_groups:
            kept_groups[edit_group(e)] = e
            kept_by[edit_group(e)] = by
    if not kept_groups:
        return list(edits), []
    return (
        [e for e in edits if edit_group(e) not in kept_groups],
        [(e, "".join(kept_by[g].split())[:30]) for g, e in kept_groups.items()],
    )


# provisions without a law (「第30条の15」, 「第9条第1項」): a cell holding only them stands between a law and its table
_PROVISIONS_ONLY = compile_on_use(rf"[\s]*(?:第[\s]*{_NUM}[\s]*(?:条|項|号)(?:[\s]*の[\s]*{_NUM})*[\s]*)+\Z")
# what may follow a law's name to the end of the cell to the left of its table (「住民基本台帳法に基づく」)
_CONNECTIVE = compile_on_use(r"[\s]*(?:に基づく|に基づき|による|により|に規定する|に定める)[\s、,]*\Z")


def left_text(texts: Iterable[str]) -> str:
    """The text a table cell's law is read from, given the texts of the cells with text to its left,
    nearest first: the nearest, joined after the one before it when it holds only provisions
    (「住民基本台帳法」 | 「第30条の15」 | 「別表第一の1の項」 reads 「住民基本台帳法第30条の15」)."""
    it = iter(texts)
    nearest = next(it, "")
    if nearest and _PROVISIONS_ONLY.match(nearest):
        return next(it, "") + nearest.strip()
    return nearest


def law_left_of_cell(unit: Unit) -> tuple[str, bool] | None:
    """The law that the cell to the left of ``unit`` ends with, as the binding rule reads a law
    written right before a table (its number, a definition and the provisions joined to it
    between: 「住民基本台帳法第30条の9」, or a connective: 「住民基本台帳法に基づく」), and whether it is
    the act; None when there is none (or its 法 is not tied to a law).  Without a cell to the left,
    another law's name that is all the cell above holds (:attr:`Unit.above`)."""
    from ..laws import ALIASES, LawIndex, LawKind

    before = unit.before.rstrip()
    if not before:
        above = unit.above.strip()
        if not above:
            return None
        found = LawIndex(above, ALIASES).bind(len(above))
        if (found.via == "adjacent" and found.expr is not None and found.expr.kind is LawKind.OTHER
                and found.expr.start == 0):
            return found.expr.name, False
        return None
    connective = _CONNECTIVE.search(before)
    if connective is not None:
        before = before[:connective.start()]
    found = LawIndex(before, ALIASES).bind(len(before))
    if found.via in ("adjacent", "articles") and found.expr is not None and found.expr.kind is not LawKind.UNKNOWN:
        return found.expr.name, found.expr.kind is LawKind.ACT
    # …or a law's abbreviation that is all it holds, as a heading (「（１）児手法」 | 「別表第一の1の項」), as in a tab-separated row
    found = LawIndex(before + "\t別表", ALIASES).bind(len(before) + 1)
    if (found.via == "sentence" and found.expr is not None and found.expr.kind is LawKind.OTHER
            and not before[found.expr.end :].strip(" \u3000】］]〕＞〉》>")):
        return found.expr.name, False
    return None


def laws_left_of_cells(unit: Unit, edits: Sequence[Edit], findings: Sequence[Any]
                       ) -> tuple[list[Edit], list[tuple[int, int, str, str]]]:
    """The edits of a table cell that may apply, and the citations kept as another law's.

    In a table, the cell to the left often names the law (a 「根拠法令」 column): when it ends with
    another law's name (「住民基本台帳法」 | 「別表第一の1の項」), the cell's tables that name no law of
    their own are that law's, as they would be with the name written right before them — never
    the act's, even with ``assume_law`` (their edit groups stay as written), and reported as
    another law's rather than as of unknown law.  Returns the edits that apply and, for each such
    citation, ``(start, end, text, message)``."""
    from ..model import LawBasis

    left = law_left_of_cell(unit)
    if left is None and any(e.citation is not None and e.citation.law_basis is LawBasis.ASSUMED for e in edits):
        law = law_over_column(unit)
        if law is None:
            return list(edits), []
        message = F.LAW_OTHER_COLUMN_HEAD.format(law=law)
    elif left is None or left[1]:
        return list(edits), []
    else:
        law = left[0]
        message = (F.LAW_OTHER_LEFT_CELL if unit.before.strip() else F.LAW_OTHER_ABOVE_CELL).format(law=law)
    kept_groups: set[int] = set()
    out: dict[int, tuple[int, int, str, str]] = {}
    for e in edits:
        c = e.citation
        if c is not None and c.law_basis is LawBasis.ASSUMED:
            kept_groups.add(edit_group(e))
            out.setdefault(c.start, (c.start, c.end, c.text, message))
    for f in findings:
        if f.reason == F.LAW_UNKNOWN:
            out.setdefault(f.start, (f.start, f.end, f.text, message))
    return [e for e in edits if edit_group(e) not in kept_groups], sorted(out.values())


def law_over_column(unit: Unit) -> str | None:
    """Another law's name that the cell in ``unit``'s column of the first row of its table (a row with text in two cells
    or more) holds alone, perhaps in a label's brackets (a header 「住基法」 or 「根拠（住基法）」 over a column of 「別表第一の1の項」), as in tab-separated text
    (:meth:`~mynumber_refs.laws.LawIndex.law_of_column_head`); None when no such cell does, or a cell between in the
    column names the act alone.  The table's first row is the last one above it before an empty row or a row whose one
    text is outside the cell's column or across columns (a heading)."""
    from ..laws import LawKind, law_named_in_cell

    if unit.rows is None:
        return None
    head: str | None = None
    for cell, texts, wide in unit.rows():
        if not texts or (len(texts) == 1 and (not cell.strip() or wide)):
            break
        head = None
        if cell.strip():
            e = law_named_in_cell(cell)
            if e is not None and e.kind is LawKind.ACT:
                return None
            if len(texts) >= 2:  # (a header row names two columns or more)
                head = e.name if e is not None else None
    return head


# the act's old network provision ending the cell to the left, joined to the cell (「番号法第19条第7号」, 「19条7号及び」,
# 「第19条第7号の規定による」); never the end of a longer number (「第119条第7号」)
_NETWORK_ITEM_END = compile_on_use(
    r"(?:第[\s]*|(?<![0-9０-９〇一二三四五六七八九十百千]))(?:1[\s]*9|１[\s]*９|十[\s]*九)[\s]*条[\s]*(?:第[\s]*)?(?:7|７|七)[\s]*号"
    r"[\s]*(?:及び|並びに|[、，,])?[\s]*\Z"
)
_PROVISION_PHRASE = compile_on_use(r"[\s]*(?:の規定)?(?:に基づく|に基づき|による|により|に規定する|に定める)[\s、,]*\Z")


def network_item_left_of_cell(unit: Unit, edits: Sequence[Edit], over: str | None = None
                              ) -> tuple[list[Edit], list[tuple[Edit, str]]]:
    """The edits of a table cell that may apply, and those kept because the cell to the left ends with the act's
    old 第19条第7号 (「番号法第19条第7号」 | 「別表第二の27の項」): the cell's 別表第二 (or the old order's title)
    would be renamed to the order of 第19条第8号 beside the old 号, which no edit of this cell can renumber.  Kept
    with their groups, as in a text where a 第19条第7号 stands apart from its table (``number-before-table``).
    Another law's 第19条第7号 (「住民基本台帳法第19条第7号」) does not count.  ``over``: the text of the cell above, read
    instead of the cell to the left (「番号法第19条第7号」 over 「別表第二の27の項」)."""
    from ..model import CitationKind, Order, Table, TableBasis

    before = (unit.before if over is None else over).rstrip()
    phrase = _PROVISION_PHRASE.search(before)
    if phrase is not None:
        before = before[: phrase.start()]
    item = _NETWORK_ITEM_END.search(before)
    if item is None:
        return list(edits), []
    left = law_left_of_cell(unit if over is None else Unit(unit.text, unit.location, before=over))
    if left is not None and not left[1]:
        return list(edits), []
    return _keep_groups_of(
        edits,
        lambda c: (
            c.kind is CitationKind.TABLE and c.table_basis is not TableBasis.ANTECEDENT and c.part("provision") is None
            and Table.BEPPYO2 in (c.tables or (c.table,))
        ) or (c.kind is CitationKind.ORDER_TITLE and c.order is Order.OLD_EXCHANGE and c.part("provision") is None),
        "".join(before.split())[-40:],
    )


def terms_defined_as_other_laws(texts: Iterable[str]) -> dict[str, str]:
    """The terms the document's texts define as another law (「住民基本台帳法（以下「法」という。）」,
    「「法」とは、住民基本台帳法をいう。」), each with that law's name: a term that some text defines as
    the act too is left out (which one a later text means is not established)."""
    from ..laws import LawIndex, LawKind, may_define

    other: dict[str, str] = {}
    act: set[str] = set()
    for text in texts:
        if not may_define(text):
            continue
        for d in LawIndex(text).definitions():
            if d.kind is LawKind.ACT:
                act.add(d.term)
            elif d.kind is LawKind.OTHER and d.law is not None:
                other.setdefault(d.term, d.law.name)
    return {t: law for t, law in other.items() if t not in act}


def terms_of_other_laws(unit: Unit, edits: Sequence[Edit], defined: dict[str, str]
                        ) -> tuple[list[Edit], list[tuple[int, int, str, str]]]:
    """The edits of a unit that may apply, and the citations kept as another law's: a table whose law is
    only a term assumed to be the act (「法別表第一の16の項」 with ``assume_law``) while another paragraph
    or cell of the document defines the term as another law (``defined``, see
    :func:`terms_defined_as_other_laws`), and this unit does not define it itself.  The assumption
    never overrides a law the document names; the edit groups stay as written, reported as
    another law's.  Returns the edits that apply and ``(start, end, text, message)`` for each kept."""
    from ..laws import LawIndex
    from ..model import LawBasis

    kept_groups: set[int] = set()
    out: dict[int, tuple[int, int, str, str]] = {}
    own: set[str] | None = None
    for e in edits:
        c = e.citation
        if c is None or c.law_basis is not LawBasis.ASSUMED or not c.law:
            continue
        term = "".join(str(c.law).split())
        if term not in defined:
            continue
        if own is None:
            own = {d.term for d in LawIndex(unit.text).definitions()}
        if term in own:
            continue
        kept_groups.add(edit_group(e))
        out.setdefault(c.start, (c.start, c.end, c.text, F.LAW_OTHER_DEFINED_TERM.format(term=term, law=defined[term])))
    return [e for e in edits if edit_group(e) not in kept_groups], sorted(out.values())


def old_text_cells(unit: Unit, edits: Sequence[Edit]) -> tuple[list[Edit], list[tuple[Edit, str]]]:
    """The edits of a table cell that may apply, and those kept because a header marks the cell as the old text:
    the cell to its left heads a row of old text (「根拠規定（改正前）」 | 「番号法別表第二の27の項」), or the nearest header
    above it in its column heads a column of old text (「改正前」, 「変更前の記載」, 「旧」 over it, 「現行」 beside 「改正案」),
    or a record of revisions' title stands over its rows (「改訂履歴」), as in tab-separated text
    (:func:`~mynumber_refs.resolve.old_cell_head`).  Such a cell is the wording before a change, history: every
    edit of it would rewrite the record.  Returned with the header, the first edit of each group."""
    from ..resolve import old_cell_head

    head = old_cell_head(unit.before, unit.rows() if unit.rows is not None else ())
    if head is None:
        return list(edits), []
    firsts: dict[int, Edit] = {}
    for e in edits:
        firsts.setdefault(edit_group(e), e)
    return [], [(e, head) for e in firsts.values()]


def with_label(rewrite_fn: RewriteFn, unit: Unit) -> RewriteFn:
    """``rewrite_fn`` for a table cell whose label cell (the cell to its left; where that is empty below another row's
    list, the label of that row, as a merged label cell's; else the cell above it) or column
    heading may write the criterion of its lists: when ``rewrite_fn`` rederives (a :func:`functools.partial` of
    the rewrite with ``rederive=``), the label is passed as :attr:`~mynumber_refs.rederive.Rederive.lead`
    (「情報提供者：都道府県知事、特定個人情報：住民票関係情報」 | 「番号利用法別表第二（項番27、28）」 is the
    provider's list of 都道府県知事, never the one given) and the cells above it as
    :attr:`~mynumber_refs.rederive.Rederive.column` (a list under 「情報照会の根拠」 is the inquirer's); the other cells
    sharing its label as :attr:`~mynumber_refs.rederive.Rederive.parts` (a list one of them continues is one part of
    the label's list, kept and reported); and that the text is one cell (:attr:`~mynumber_refs.rederive.Rederive.cell`:
    one passage, whatever empty paragraphs it holds)."""
    label = unit.before or unit.label_above or unit.above
    keywords = getattr(rewrite_fn, "keywords", None)
    rederive = keywords.get("rederive") if isinstance(keywords, dict) else None
    if rederive is None:
        return rewrite_fn
    column = unit.column() if unit.column is not None else ()
    parts = unit.parts() if unit.parts is not None else ()
    if not label.strip() and not column and not parts and unit.peers is None:
        return rewrite_fn
    import attrs

    with_keywords: Callable[..., RewriteResult] = rewrite_fn
    return functools.partial(with_keywords, rederive=attrs.evolve(rederive, lead=label, column=column, parts=parts,
                                                                  peers=unit.peers, cell=unit.peers is not None))


def rewrite_document(doc: Document, rewrite_fn: RewriteFn,
                     prefilter: Callable[[str], bool] | None = may_cite,
                     assumed_fn: RewriteFn | None = None,
                     ) -> tuple[list[EditRecord], list[FindingRecord]]:
    """Rewrite every unit of ``doc`` in memory; return what was applied and what was found.

    ``assumed_fn`` is the same rewrite with the act assumed (``assume_law=True``), when
    ``rewrite_fn`` does not assume it: a table cell whose cell to the left ends with the act's name
    (「番号法」 | 「別表第一の16の項」) is rewritten with it, its tables that name no law being the act's
    (see :func:`laws_left_of_cells` for another law's name there).

    ``prefilter(text)`` skips units that cannot hold a citation (default :func:`may_cite`;
    ``None`` sends every unit).  Any exception from the rewrite function propagates, and the
    caller then must not save.

    Where the rewriter writes the act's name itself (a citation that names no law), the
    document's own name is used everywhere (:func:`document_law_name` over the texts of
    ``doc.law_name_texts()`` when the document has it, else of its units).
    """
    # the records, edits and citations of a large document are many small objects and no cycles:
    # the cyclic collector's passes over them made the time grow faster than the document
    with collector_paused():
        return _rewrite_document(doc, rewrite_fn, prefilter, assumed_fn)


# a table named (for 同表 after it: the one it points back to)
_TABLE_NAMED = compile_on_use(r"別[\s]*表|条[\s]*の[\s]*表")
_SAME_TABLE = compile_on_use(r"同[\s]*(?:別[\s]*)?表")
_FIGURE_IN = compile_on_use(rf"[0-9０-９〇一二三四五六七八九十百{OTHER_NUMERAL_CHARS}]")


class _SameTablesAfter:
    """The units that begin with a 同表 and its rows pointing back past their own text (「同表の27の項」 in a cell after a
    paragraph or cell naming 「番号法別表第二」): the rewriter reports them (no-antecedent) and leaves them; the table they
    point back to, the last one named before them, is then not renamed over their old rows (:meth:`kept`).  Each such
    unit's own rewrite is found once, before the walk, and handed back to it (:meth:`result`)."""

    def __init__(self, units: Sequence[Unit], rewrite_fn: RewriteFn, prefilter: Callable[[str], bool] | None) -> None:
        self.units = units
        self.results: dict[int, RewriteResult] = {}
        self.at: list[int] = []  # the indices of the units, in order
        self.rows: dict[int, str] = {}  # each one's 同表 and rows, as written
        self._named: list[int] | None = None  # the indices of the units naming a table (found when first asked)
        for index, unit in enumerate(units):
            if _SAME_TABLE.search(unit.text) is None or not unit.text.strip() or (
                prefilter is not None and not prefilter(unit.text)
            ):
                continue
            result = with_label(rewrite_fn, unit)(unit.text)
            self.results[index] = result
            first = min(((f.start, f.text) for f in result.findings if f.reason == F.NO_ANTECEDENT), default=None)
            if first is not None and _SAME_TABLE.match(first[1].lstrip()) and _FIGURE_IN.search(first[1]):
                # (and no table named in the unit before it: it points back past the unit's own text)
                if _TABLE_NAMED.search(unit.text, 0, first[0]) is None:
                    self.at.append(index)
                    self.rows[index] = "".join(first[1].split())[:30]

    def result(self, index: int) -> RewriteResult | None:
        return self.results.pop(index, None)

    def kept(self, index: int, edits: Sequence[Edit]) -> tuple[list[Edit], list[tuple[Edit, str]]]:
        """``edits`` of unit ``index`` without the group of the citation of its last table named, when the next unit naming
        a table is one of these (its 同表 points back to that table); and that group's first edit with its 同表."""
        k = bisect.bisect_right(self.at, index)
        if k == len(self.at) or not edits:
            return list(edits), []
        after = self.at[k]
        if self._named is None:
            self._named = [i for i, u in enumerate(self.units) if _TABLE_NAMED.search(u.text) is not None]
        n = bisect.bisect_right(self._named, index)
        if n < len(self._named) and self._named[n] < after:
            return list(edits), []  # another table is named in between: the 同表 is its
        text = self.units[index].text
        last = None
        for m in _TABLE_NAMED.finditer(text):
            last = m.start()
        if last is None:
            return list(edits), []
        named = [e for e in edits if e.citation is not None and e.citation.start <= last < e.citation.end]
        if not named:
            return list(edits), []
        group = edit_group(named[0])
        return [e for e in edits if edit_group(e) != group], [(named[0], self.rows[after])]


def _rewrite_document(doc: Document, rewrite_fn: RewriteFn, prefilter: Callable[[str], bool] | None,
                      assumed_fn: RewriteFn | None = None,
                      ) -> tuple[list[EditRecord], list[FindingRecord]]:
    edits_out: list[EditRecord] = []
    findings_out: list[FindingRecord] = []
    same_after = _SameTablesAfter(doc.units, rewrite_fn, prefilter)
    headings: dict[int, _TextHeadings] = {}
    texts_of = getattr(doc, "law_name_texts", None)
    law_name = document_law_name(texts_of() if callable(texts_of) else (u.text for u in doc.units))
    # (every text of the document where it has them: a cell defining a term holds no citation itself)
    other_terms = terms_defined_as_other_laws(texts_of() if callable(texts_of) else (u.text for u in doc.units))
    for index, unit in enumerate(doc.units):
        if not unit.text.strip() or (prefilter is not None and not prefilter(unit.text)):
            continue
        result = same_after.result(index) or with_label(rewrite_fn, unit)(unit.text)
        if assumed_fn is not None and unit.before and any(f.reason == F.LAW_UNKNOWN for f in result.findings):
            left = law_left_of_cell(unit)
            if left is not None and left[1]:  # 「番号法」 | 「別表第一の16の項」: the act's, as if named before it
                result = with_label(assumed_fn, unit)(unit.text)
        if result.original != unit.text:
            raise ValueError("rewrite returned a result for a different text")
        edits = sorted(result.edits, key=lambda e: (e.start, e.end))
        # the edits must reproduce the rewriter's own text
        if apply_edits_to_text(unit.text, edits) != result.text:
            raise ValueError("rewrite's edits do not reproduce its text")
        edits = [e for e in with_law_name(edits, law_name) if e.before != e.after]
        findings = list(result.findings)
        if unit.rows is not None and edits:  # (read by the column's header and by the old text's headers: once)
            unit.rows = functools.cache(unit.rows)
        if unit.before or unit.above or unit.rows is not None:  # a law named by the cell to the left (or above): not the act's tables
            edits, other = laws_left_of_cells(unit, edits, findings)
            if other:
                at = {x[0] for x in other}
                findings = [f for f in findings if not (f.reason == F.LAW_UNKNOWN and f.start in at)]
                for start, end, text, message in other:
                    loc = unit.locate(start)
                    findings_out.append(FindingRecord(loc.label, dict(loc.detail), start, end, text, F.LAW_OTHER,
                                                      message, None, []))
        if other_terms and edits:  # a term another paragraph or cell defines as another law: not the act
            edits, other = terms_of_other_laws(unit, edits, other_terms)
            for start, end, text, message in other:
                loc = unit.locate(start)
                findings_out.append(FindingRecord(loc.label, dict(loc.detail), start, end, text, F.LAW_OTHER,
                                                  message, None, []))
        if edits and (unit.before or unit.rows is not None):  # a cell of old text (「改正前」 over it): history
            edits, kept = old_text_cells(unit, edits)
            for e, head in kept:
                c = e.citation
                start, end, text = (c.start, c.end, c.text) if c is not None else (e.start, e.end, e.before)
                loc = unit.locate(start)
                findings_out.append(FindingRecord(loc.label, dict(loc.detail), start, end, text, F.MARKED_OLD,
                                                  F.message(F.MARKED_OLD, mark=head), None, []))
        if same_after.at and edits:  # 「番号法別表第二に基づく照会」, then a cell 「同表の27の項」
            edits, kept = same_after.kept(index, edits)
            for e, following in kept:
                loc = unit.locate(e.start)
                findings_out.append(FindingRecord(loc.label, dict(loc.detail), e.start, e.end, e.before,
                                                  F.NUMBER_AFTER, F.message(F.NUMBER_AFTER, following=following), None, []))
        if unit.notes and edits:  # 「番号法別表第二に基づく照会[1]」, the note 「27の項、28の項」
            edits, kept = rows_in_notes(unit, edits, rewrite_fn)
            for e, following in kept:
                loc = unit.locate(e.start)
                findings_out.append(FindingRecord(loc.label, dict(loc.detail), e.start, e.end, e.before,
                                                  F.NUMBER_AFTER, F.message(F.NUMBER_AFTER, following=following), None, []))
        if unit.after and edits:
            edits, kept = names_over_cells(unit, edits, rewrite_fn)
            for e, following in kept:
                loc = unit.locate(e.start)
                findings_out.append(FindingRecord(loc.label, dict(loc.detail), e.start, e.end, e.before,
                                                  F.NUMBER_AFTER, F.message(F.NUMBER_AFTER, following=following), None, []))
        # 「番号法第19条第7号」 | 「別表第二の27の項」: the old 号 beside the new name; 「主務省令第20条」 | 「番号法別表第二の
        # 27の項」: the old order's article; and the same in the cell above (「番号法第19条第7号」 over 「別表第二の27の項」)
        for over in ((None,) if unit.before else ()) + ((unit.up,) if unit.up else ()):
            if not edits:
                break
            edits, kept = network_item_left_of_cell(unit, edits, over)
            if edits:
                edits, more = old_numbers_left_of_cell(unit, edits, rewrite_fn, over)
                kept += more
            for e, preceding in kept:
                loc = unit.locate(e.start)
                findings_out.append(FindingRecord(loc.label, dict(loc.detail), e.start, e.end, e.before,
                                                  F.NUMBER_BEFORE, F.message(F.NUMBER_BEFORE, preceding=preceding), None, []))
        skipped = doc.apply(index, edits) if edits else []
        skipped_ids = {id(x) for s in skipped for x in (s.edit, *s.covers)}
        applied = [e for e in edits if id(e) not in skipped_ids]
        applied_starts = [e.start for e in applied]
        item_texts: dict[tuple[int, int], str] = {}  # one string per item, shared by its edits
        for k, e in enumerate(applied):
            loc = unit.locate(e.start)
            cb, ca, cs, ce = _citation_context(unit.text, k, applied, applied_starts)
            lo, hi = item_span(unit, e.start, doc.format)
            item_text = item_texts.setdefault((lo, hi), unit.text[lo:hi])
            detail = _item_detail(doc, unit, lo, hi, dict(loc.detail), headings, index)
            edits_out.append(EditRecord(loc.label, detail, e.start, e.end, e.before, e.after,
                                        list(e.evidence), e.reason, cb, ca, index, cs, ce,
                                        f"{index}:{lo}", item_text, lo))
        for s in skipped:
            loc = unit.locate(s.edit.start)
            findings_out.append(FindingRecord(loc.label, dict(loc.detail), s.edit.start, s.edit.end,
                                              s.edit.before, s.reason, s.message,
                                              s.edit.after if s.edit.after != s.edit.before else None,
                                              list(s.edit.evidence)))
        for f in findings:
            loc = unit.locate(f.start)
            findings_out.append(FindingRecord(loc.label, dict(loc.detail), f.start, f.end, f.text, f.reason,
                                              f.message, f.proposed, list(f.evidence)))
    return edits_out, findings_out

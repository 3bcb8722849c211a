"""Check the lists of bases in a document against the law's content.

:func:`compare_document` finds the document's lists — rows of 第2条の表 with the project's finder
(:func:`~mynumber_refs.resolve.find_citations`), and reference lists of the new order after its
title — and compares each with :func:`~mynumber_refs.derive.derive_lists`: what the law has that
the list lacks (``missing``), what the list has that the law does not (``extra``), each with the
amendment that explains it where one is known (a 号 renumbered by an amendment: the document's
number is the one before, or after, it).

Lists in the old numbering (別表第二, the repealed order) are not compared: they are listed as
``skipped`` with the reason (``mynumber-refs rewrite --rederive`` replaces them).  A row list
introduced by a different criterion than the one asked (「第三欄が「都道府県知事」の項のうち…」) is
skipped too.  Slips in a list (「５５号１号ト」, 「へ」 for ヘ, a 「、」 inside an article's group, an
article's 項 left unwritten) are read as intended and reported as findings.

A Word or Excel file is compared text by text as ``rewrite`` reads it (:func:`compare_units`: paragraph passages,
table cells with the criterion of their label cell or column heading), each list named by its place.

The grammar does not know the new order's title (「番号利用法第19条第8号に基づく主務省令」 followed by
a reference list), so its reference lists are found here, after that title, and read with
:func:`~mynumber_refs.reflists.read_reference_list`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from ._patterns import compile_on_use
from .derive import (
    NOTE_NO_ROWS,
    NOTE_PROVIDER_SHARED,
    NOTE_ROW_WITHOUT_REFERENCE,
    NOTE_TERM_NOT_IN_ARTICLES,
    DerivedLists,
    shift_forward,
)
from .model import Citation, CitationKind, Finding, Order, Table
from .numerals import NumeralStyle
from .reflists import (
    ListFinding,
    Reference,
    column_above,
    column_criterion,
    criterion_before,
    criterion_leading,
    read_criterion,
    read_label_criterion,
    read_reference_list,
    render_row_list,
)
from .scan import Passages

__all__ = ["Difference", "ListComparison", "Comparison", "compare_document", "compare_units", "format_comparison",
           "new_order_reference_lists", "LIST_PARAGRAPH_IMPLIED"]

LIST_PARAGRAPH_IMPLIED = "list-paragraph-implied"

COMPARED = "compared"
SKIPPED = "skipped"


@attrs.frozen
class Difference:
    """A row or reference on one side only, with what explains it where known."""

    label: str  # 「157条1号ト」 or 「155」
    value: Any  # a Reference or a row number
    explanation: str = ""


@attrs.frozen
class ListComparison:
    kind: str  # "table_rows" or "order_refs"
    start: int
    end: int
    line: int
    column: int
    excerpt: str
    status: str  # "compared" or "skipped"
    reason: str = ""  # why skipped, or how the list's table was established
    criterion: str = ""  # the criterion written before the list, if any
    document_count: int = 0
    law_count: int = 0
    matched: int = 0
    missing: tuple[Difference, ...] = ()  # in the law, not in the list
    extra: tuple[Difference, ...] = ()  # in the list, not in the law
    findings: tuple[ListFinding, ...] = ()
    location: str = ""  # in a Word or Excel file, the place of the text holding the list (「表1 行3 列2」, 「Sheet1!B4」)
    places: tuple[tuple[int, int], ...] = ()  # the line and column of each finding in the text holding the list

    @property
    def differs(self) -> bool:
        return bool(self.missing or self.extra)

    def finding_places(self) -> tuple[tuple[int, int], ...]:
        """The line and column of each finding (the list's own where they are not known)."""
        return self.places if len(self.places) == len(self.findings) else ((self.line, self.column),) * len(self.findings)

    def to_json(self) -> dict[str, Any]:
        def diff(d: Difference) -> dict[str, Any]:
            value = d.value.as_json() if isinstance(d.value, Reference) else str(d.value)
            return {"label": d.label, "value": value, "explanation": d.explanation}

        out: dict[str, Any] = {"location": self.location} if self.location else {}
        return out | {
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "excerpt": self.excerpt,
            "status": self.status,
            "reason": self.reason,
            "criterion": self.criterion,
            "document_count": self.document_count,
            "law_count": self.law_count,
            "matched": self.matched,
            "missing": [diff(d) for d in self.missing],
            "extra": [diff(d) for d in self.extra],
            "findings": [
                {"code": f.code, "start": f.start, "end": f.end, "line": line, "column": col, "found": f.found,
                 "read_as": f.read_as, "message": f.message}
                for f, (line, col) in zip(self.findings, self.finding_places(), strict=True)
            ],
        }


@attrs.frozen
class Comparison:
    derived: DerivedLists
    lists: tuple[ListComparison, ...]
    text: str = attrs.field(default="", repr=False, eq=False)  # the document compared

    @property
    def differs(self) -> bool:
        return any(lc.differs for lc in self.lists if lc.status == COMPARED)

    def to_json(self) -> dict[str, Any]:
        return {"derived": self.derived.to_json(), "lists": [lc.to_json() for lc in self.lists], "differs": self.differs}


# ------------------------------------------------------------------------------------ finding lists

_S = r"\s*"


def _spaced(word: str) -> str:
    return _S.join(re.escape(ch) for ch in word)


# 「…第19条第8号に基づく主務省令」 / 「…第十九条第八号に基づく利用特定個人情報の提供に関する命令」, not
# followed by an article of its own (「…主務省令第２条の表」 is the table, handled by the finder)
_NEW_ORDER_TITLE = compile_on_use(
    rf"第{_S}(?:19|１９|十九){_S}条{_S}第{_S}(?:8|８|八){_S}[号条]{_S}に{_S}基{_S}づ{_S}く{_S}"
    rf"(?:{_spaced('主務省令')}|{_spaced('利用特定個人情報の提供に関する命令')})"
    rf"(?!{_S}第{_S}[0-9０-９〇一二三四五六七八九十百千])"
)


# the new order's number, which no other instrument has: 「令和６年デジタル庁・総務省令第９号」 (a year is needed: デジタル庁・総務省令
# are numbered again every year), and the closing bracket around it, if any
_NEW_ORDER_NUMBER = compile_on_use(
    rf"令{_S}和{_S}(?:6|６|六){_S}年{_S}{_spaced('デジタル庁')}{_S}[・･]{_S}{_spaced('総務省令')}{_S}第{_S}(?:9|９|九){_S}号"
    rf"(?![0-9０-９〇一二三四五六七八九十])(?:{_S}[）)])?{_S}"
)


def new_order_reference_lists(text: str) -> list[tuple[int, int]]:
    """(title end, list start) of each parenthesised reference list that follows the new order's
    title in the same passage, or its number right before the list (「令和６年デジタル庁・総務省令第９号（３条１号ハ…）」)."""
    passages = Passages(text)
    out: list[tuple[int, int]] = []
    for m in _NEW_ORDER_TITLE.finditer(text):
        end = min(passages.end(m.end()), m.end() + 6000)
        for cand in _REFS_OPEN.finditer(text, m.end(), end):
            if not any(c[1] == cand.start() for c in out):
                out.append((m.end(), cand.start()))
    if "総" in text:
        for m in _NEW_ORDER_NUMBER.finditer(text):
            right_after = _REFS_OPEN.match(text, m.end())
            if right_after is not None and not any(c[1] == right_after.start() for c in out):
                out.append((m.end(), right_after.start()))
    return out


# 「（１条２号ハ、…）」, 「（第３条第１号ハ…）」 (the finder's lists of the old order open with a number)
_REFS_OPEN = compile_on_use(r"[（(]\s*(?:第\s*)?[0-9０-９]+\s*条")


def _line_col(text: str, pos: int) -> tuple[int, int]:
    line = text.count("\n", 0, pos) + 1
    return line, pos - (text.rfind("\n", 0, pos) + 1) + 1


def _excerpt(text: str, start: int, end: int, limit: int = 40) -> str:
    s = "".join(text[start:end].split())
    return s if len(s) <= limit else s[: limit - 1] + "…"


# ------------------------------------------------------------------------------------ comparing


def _explain_refs(
    derived: DerivedLists, missing: set[Reference], extra: set[Reference]
) -> tuple[dict[Reference, str], dict[Reference, str]]:
    """Explanations from the amendment facts: renumbered 号 first, then amended articles."""
    why_missing: dict[Reference, str] = {}
    why_extra: dict[Reference, str] = {}
    for a in derived.content.amendments:
        if a.target != "article":
            continue
        if a.effect == "items-inserted":
            inserted = a.inserted()
            for d in sorted(extra):
                if d.article.main not in a.provisions:
                    continue
                after = shift_forward(d, inserted)
                if after != d and after in missing:  # the document has the number from before
                    why_extra[d] = (
                        f"{a.amendment}（{a.date.isoformat()}施行）で号が繰り下がる前の番号です。現在は{after.label()}"
                        f" / the number before {a.amendment} moved the 号 down from {a.date.isoformat()}; now {after.label()}"
                    )
                    why_missing[after] = (
                        f"文書の{d.label()}が{a.amendment}（{a.date.isoformat()}施行）による繰下げ前の番号で書かれています"
                        f" / the document has it as {d.label()}, its number before {a.amendment} ({a.date.isoformat()})"
                    )
            for m in sorted(missing):
                if m.article.main not in a.provisions or m in why_missing:
                    continue
                after = shift_forward(m, inserted)
                if after != m and after in extra and after not in why_extra:  # the document has the later number
                    why_missing[m] = (
                        f"文書の{after.label()}は{a.amendment}（{a.date.isoformat()}施行）で繰り下がった後の番号です"
                        f" / the document has {after.label()}, its number after {a.amendment} ({a.date.isoformat()})"
                    )
                    why_extra[after] = (
                        f"{a.amendment}（{a.date.isoformat()}施行）後の番号です。{derived.as_of or ''}時点では{m.label()}"
                        f" / the number after {a.amendment} ({a.date.isoformat()}); {m.label()} on the date asked"
                    )
    for a in derived.content.amendments:
        if a.target != "article" or a.effect != "changed":
            continue
        note = (
            f"第{'・'.join(str(p) for p in a.provisions)}条は{a.amendment}により{a.date.isoformat()}から改正されています（改正の内容はデータにありません）"
            f" / amended by {a.amendment} from {a.date.isoformat()} (how is not in the data)"
        )
        for side, why in ((missing, why_missing), (extra, why_extra)):
            for r in side:
                if r.article.main in a.provisions and r not in why:
                    why[r] = note
    return why_missing, why_extra


def _explain_rows(derived: DerivedLists, rows: set[int]) -> dict[int, str]:
    why: dict[int, str] = {}
    for a in derived.content.amendments:
        if a.target == "table-row" and a.effect == "changed":
            for r in rows:
                if r in a.provisions and r not in why:
                    why[r] = (
                        f"{r}の項は{a.amendment}により{a.date.isoformat()}から改正されています（改正の内容はデータにありません）"
                        f" / row {r} was amended by {a.amendment} from {a.date.isoformat()} (how is not in the data)"
                    )
    return why


def _with_paragraphs(
    derived: DerivedLists, text: str, refs: Sequence[tuple[Reference, int, int]]
) -> tuple[list[Reference], list[ListFinding]]:
    """References of an article that has 項, written without one (「６０条１号ロ」), are in its 第1項:
    read so and reported."""
    has_paragraphs = {it.reference.article.main for it in derived.content.items if it.reference.paragraph is not None}
    out: list[Reference] = []
    findings: list[ListFinding] = []
    for ref, start, end in refs:
        if ref.paragraph is None and ref.item is not None and ref.article.main in has_paragraphs:
            read = attrs.evolve(ref, paragraph=1)
            found = "".join(text[start:end].split())
            message = (
                f"「{found}」→「{read.label(NumeralStyle.FULL)}」：第{ref.article}条には項があり、項の書かれていない号を第1項のものと読みました"
                f" / 第{ref.article}条 has paragraphs; a 号 written without one was read as in 第1項"
            )
            findings.append(ListFinding(LIST_PARAGRAPH_IMPLIED, start, end, found, read.label(NumeralStyle.FULL), message))
            ref = read
        out.append(ref)
    return out, findings


# derivation notes that leave the law's references unknown: for the whole list, or in one row's article
_REFS_NOT_DERIVED = {NOTE_TERM_NOT_IN_ARTICLES, NOTE_NO_ROWS}
_ROW_REFS_NOT_DERIVED = {NOTE_ROW_WITHOUT_REFERENCE, NOTE_PROVIDER_SHARED}


def _compare_refs(derived: DerivedLists, text: str, list_start: int, after: int = 0) -> ListComparison | None:
    read = read_reference_list(text, list_start)
    if read is None:
        return None
    criterion = read_criterion(text, list_start, after=after) or column_criterion(column_above(text, list_start))
    if criterion is not None and (criterion.provider, criterion.information) != (derived.provider, derived.information):
        line, col = _line_col(text, read.start)
        return ListComparison(
            "order_refs", read.start, read.end, line, col, _excerpt(text, read.start, read.end), SKIPPED,
            f"一覧の条件（{criterion.written}）が指定と異なります / the list's criterion differs from the one asked",
            criterion.written, len(read.references),
        )
    if not read.complete:  # a list read in part is no list to compare: its rest may hold any reference
        line, col = _line_col(text, read.start)
        stop = _excerpt(text, read.end, min(len(text), read.end + 12), 12)
        return ListComparison(
            "order_refs", read.start, read.end, line, col, _excerpt(text, read.start, read.end), SKIPPED,
            f"一覧を終わり（）」）まで読めないため比べません（「{stop}」から読めません） / the list cannot be read to its"
            f" closing parenthesis (not from 「{stop}」): not compared",
            criterion.written if criterion is not None else "", len(read.references), findings=read.findings,
        )
    # where the law's references cannot be derived (the derivation says so in a note), the document's are neither
    # missing nor extra there: no list at all for a term the articles do not use, the row's article for a row
    unsettled_notes = [n for n in derived.notes if n.code in _REFS_NOT_DERIVED]
    if unsettled_notes:
        line, col = _line_col(text, read.start)
        return ListComparison(
            "order_refs", read.start, read.end, line, col, _excerpt(text, read.start, read.end), SKIPPED,
            "法令の条・号が導けないため比べません / the law's references cannot be derived, not compared: "
            + " ".join(n.message for n in unsettled_notes),
            criterion.written if criterion is not None else "", len(read.references), findings=read.findings,
        )
    unsettled = {int(n.subject) + 2: n for n in derived.notes if n.code in _ROW_REFS_NOT_DERIVED and n.subject.isdigit()}
    refs, implied = _with_paragraphs(derived, text, read.references)
    doc = set(refs)
    law = set(derived.order_refs)
    missing = {r for r in law - doc if r.article.main not in unsettled}
    extra = {r for r in doc - law if r.article.main not in unsettled}
    reason = ""
    if unsettled:
        reason = (
            f"第{'・'.join(str(a) for a in sorted(unsettled))}条の号は法令から導けないため比べていません"
            f" / the 号 of 第{', '.join(str(a) for a in sorted(unsettled))}条 cannot be derived from the law and are not compared: "
            + " ".join(unsettled[a].message for a in sorted(unsettled))
        )
    why_missing, why_extra = _explain_refs(derived, missing, extra)
    line, col = _line_col(text, read.start)
    findings = tuple(sorted((*read.findings, *implied), key=lambda f: (f.start, f.end)))
    return ListComparison(
        "order_refs", read.start, read.end, line, col, _excerpt(text, read.start, read.end), COMPARED, reason, "",
        len(refs), len(law), len(doc & law),
        tuple(Difference(r.label(), r, why_missing.get(r, "")) for r in sorted(missing)),
        tuple(Difference(r.label(), r, why_extra.get(r, "")) for r in sorted(extra)),
        findings,
    )


def _row_list_table(c: Citation, item: Citation | Finding, citations: Sequence[Citation]) -> tuple[Table | None, str]:
    """The table a row list belongs to, and how that was established."""
    if isinstance(item, Citation):
        return c.table, "前に引用された表 / the table cited before it"
    if item.reason == "no-antecedent":
        before = [t for t in citations if t.kind is CitationKind.TABLE and t.end <= c.start and c.start - t.end <= 6000]
        if before:
            t = before[-1]
            return t.table, (
                f"同じ段落に表の引用がないため、直前に引用された表（「{_excerpt(t.text, 0, len(t.text), 30)}」）の一覧として読みました"
                " / no table in the same passage: read as a list of the table cited just before it"
            )
        return None, ""
    return None, item.reason


def _compare_rows(
    derived: DerivedLists, text: str, c: Citation, item: Citation | Finding, citations: Sequence[Citation],
    label: str = "", column: Sequence[str] | None = None,
) -> ListComparison:
    line, col = _line_col(text, c.start)
    excerpt = _excerpt(text, c.start, c.end)
    table, basis = _row_list_table(c, item, citations)
    # read as rewrite --rederive reads it: after the table cited before the list
    before = [t for t in citations if t.kind is CitationKind.TABLE and t.end <= c.start]
    after = max((t.end for t in before), default=0)
    criterion = read_criterion(text, c.start, after=after)
    written = criterion.written if criterion is not None else ""
    if criterion is None and before:  # or written before its table (「情報照会の根拠：…別表第二（1、2の項）」)
        head = max(before, key=lambda t: t.end).start
        criterion = criterion_leading(text, head)  # (「第三欄…「市町村長」…が含まれる番号利用法…第2条の表の項（…）」)
        written = criterion.written if criterion is not None else criterion_before(text, head) or ""
    if criterion is None and not written and label.strip():  # or in its label cell (Word, Excel)
        criterion = read_label_criterion(label)
        written = criterion.written if criterion is not None else ""
    if criterion is None and not written:  # or in its column's heading (tab-separated rows under 「情報照会の根拠」)
        criterion = column_criterion(column if column is not None else column_above(text, c.start))
        written = criterion.written if criterion is not None else ""
    base = ListComparison("table_rows", c.start, c.end, line, col, excerpt, SKIPPED, "", written, len(c.rows))
    if table is Table.BEPPYO2:
        return attrs.evolve(base, reason=(
            "旧別表第二の番号の一覧です（rewrite --rederive で新しい表の一覧に置き換えられます）"
            " / a list in the old 別表第二 numbering (rewrite --rederive replaces it)"
        ))
    if table is not Table.ORDER_TABLE:
        shown = table.value if table is not None else "不明 unknown"
        return attrs.evolve(base, reason=(
            f"第2条の表の一覧ではありません（表: {shown}{'、' + basis if basis and table is None else ''}）"
            f" / not a list of 第2条の表 (table: {shown})"
        ))
    if written and (criterion is None or (criterion.provider, criterion.information) != (derived.provider, derived.information)):
        return attrs.evolve(base, reason=(
            f"一覧の条件（{written}）が指定と異なります / the list's criterion differs from the one asked"
        ))
    doc = {r.main for r in c.rows if not r.branches}
    branch = [r for r in c.rows if r.branches]
    law = set(derived.table_rows)
    missing, extra = law - doc, doc - law
    why = _explain_rows(derived, missing | extra)
    extras = [Difference(str(r), r, why.get(r, "")) for r in sorted(extra)]
    extras += [Difference(str(r), str(r), "第2条の表に枝番号の項はありません / 第2条の表 has no branch rows") for r in branch]
    return attrs.evolve(
        base,
        status=COMPARED,
        reason=basis,
        law_count=len(law),
        matched=len(doc & law),
        missing=tuple(Difference(str(r), r, why.get(r, "")) for r in sorted(missing)),
        extra=tuple(extras),
    )


def compare_document(text: str, derived: DerivedLists, *, assume_law: bool = False, label: str = "",
                     column: Sequence[str] | None = None) -> Comparison:
    """Compare every list of bases in ``text`` with ``derived`` (see the module docstring).

    For the text of a Word or Excel table cell, ``label`` is its label cell and ``column`` the texts above it in its
    column (as ``rewrite --rederive`` reads them: :attr:`~mynumber_refs.rederive.Rederive.lead`,
    :attr:`~mynumber_refs.rederive.Rederive.column`): a criterion they write is that of the cell's row lists that
    write none."""
    from .resolve import find_citations

    items = find_citations(text, assume_law=assume_law)
    citations = [i for i in items if isinstance(i, Citation)]
    out: list[ListComparison] = []
    ref_starts: set[int] = set()
    for item in items:
        c = item if isinstance(item, Citation) else item.citation
        if c is None:
            continue
        if c.kind is CitationKind.ROW_LIST:
            out.append(_compare_rows(derived, text, c, item, citations, label, column))
        elif c.kind is CitationKind.ORDER_REFS and _parenthesised(text, c.start):
            line, col = _line_col(text, c.start)
            if c.order is Order.NEW_EXCHANGE and isinstance(item, Citation):
                title = items[c.antecedent] if c.antecedent is not None else None
                compared = _compare_refs(derived, text, _opening(text, c.start), title.end if title is not None else 0)
                if compared is not None:
                    ref_starts.add(compared.start)
                    out.append(compared)
                continue
            out.append(ListComparison(
                "order_refs", c.start, c.end, line, col, _excerpt(text, c.start, c.end), SKIPPED,
                "旧命令（平成26年内閣府・総務省令第7号）の条・号の一覧です（rewrite --rederive で置き換えられます）"
                " / a list of the repealed order's articles (rewrite --rederive replaces it)"
                if c.order is Order.OLD_EXCHANGE else f"対象外の命令の一覧です / not the new order's list ({c.order})",
            ))
    for title_end, start in new_order_reference_lists(text):
        if start in ref_starts:
            continue
        compared = _compare_refs(derived, text, start, title_end)
        if compared is not None:
            out.append(compared)
    out.sort(key=lambda lc: lc.start)
    # each finding's place in the text (a Word or Excel file's: in the text of the cell or passage at its location)
    out = [attrs.evolve(lc, places=tuple(_line_col(text, f.start) for f in lc.findings)) if lc.findings else lc
           for lc in out]
    return Comparison(derived, tuple(out), text)


def compare_units(units: Iterable[tuple[str, str, str, Sequence[str] | None]], derived: DerivedLists, *,
                  assume_law: bool = False) -> Comparison:
    """Compare the lists of bases in the texts of a Word or Excel file with ``derived``, each text read as
    ``rewrite`` reads it (a paragraph passage, a table cell …): ``units`` as (location, text, label, column), the
    last two as :func:`compare_document` takes them.  Each list comparison holds its ``location``; its positions are
    in its text."""
    out: list[ListComparison] = []
    for location, text, label, column in units:
        found = compare_document(text, derived, assume_law=assume_law, label=label, column=column)
        out.extend(attrs.evolve(lc, location=location) for lc in found.lists)
    return Comparison(derived, tuple(out))


def _opening(text: str, pos: int) -> int:
    j = pos - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    return j if j >= 0 and text[j] in "（(" else pos


def _parenthesised(text: str, pos: int) -> bool:
    return _opening(text, pos) != pos


# ------------------------------------------------------------------------------------ output


def format_comparison(cmp: Comparison, path: str = "-") -> str:
    """A readable report (Japanese first, English after a slash)."""
    d = cmp.derived
    lines = [
        f"条件 / criterion: 第三欄「{d.provider}」・第四欄「{d.information}」"
        f"（{d.as_of.isoformat() if d.as_of else d.content.revision.isoformat()}時点 / as of）"
        f" — 法令 / law: {len(d.rows)}項 rows, {len(d.references)}件 references",
    ]
    if not cmp.lists:
        lines.append(f"{path}: 比べる一覧が見つかりません / no list of bases found")
    for lc in cmp.lists:
        where = f"{path} [{lc.location}]:{lc.line}:{lc.column}" if lc.location else f"{path}:{lc.line}:{lc.column}"
        kind = "項の一覧 / row list" if lc.kind == "table_rows" else "条・号の一覧 / reference list"
        if lc.status == SKIPPED:
            lines.append(f"{where}: {kind}「{lc.excerpt}」: 比較しません / skipped: {lc.reason}")
            continue
        verdict = "一致 / matches" if not lc.differs else "相違あり / differs"
        lines.append(
            f"{where}: {kind}: {verdict} — 文書 document {lc.document_count}、法令 law {lc.law_count}、一致 matched {lc.matched}"
        )
        if lc.reason:
            lines.append(f"  注 / note: {lc.reason}")
        for label, diffs in (("法令にあり文書にない / in the law, not in the document", lc.missing),
                             ("文書にあり法令にない / in the document, not in the law", lc.extra)):
            if not diffs:
                continue
            lines.append(f"  {label}:")
            for diff in diffs:
                shown = diff.value.label(NumeralStyle.FULL) if isinstance(diff.value, Reference) else render_row_list(
                    [diff.value], NumeralStyle.FULL) if isinstance(diff.value, int) else diff.label
                lines.append(f"    {shown}" + (f" — {diff.explanation}" if diff.explanation else ""))
        for f, (line, col) in zip(lc.findings, lc.finding_places(), strict=True):
            where = f"{path} [{lc.location}]" if lc.location else path  # (a line of the cell's or passage's text)
            lines.append(f"  {where}:{line}:{col}: {f.code}: {f.message}")
    return "\n".join(lines) + "\n"

"""Steps 4–6 of the pipeline: map old rows to new, render them, plan and apply the edits.

:func:`rewrite` finds every citation (:func:`~mynumber_refs.resolve.find_with_others`), plans the
edits for each one from the mapping tables (:mod:`mynumber_refs.mappings`), and applies them the
way eyecite annotates: sorted, never overlapping, the gaps copied verbatim.

It never guesses.  A citation whose row has no established mapping (an ``inferred`` row without
``accept_inferred``), a column reference, an unresolved law … is left exactly as written and
reported as a finding, with the rewrite that would be made where one exists.  Citations that
depend on each other (a row list and the table named lines before it; reference lists and the
order's title) change together or not at all.
"""

from __future__ import annotations

import bisect
import datetime
import itertools
import operator
import re
from array import array
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

import attrs

from . import findings as F
from ._args import rewrite_args
from ._gc import collector_paused
from ._patterns import compile_on_use, compile_shared
from .edits import apply_edits
from .laws import ORDER_TAIL, SENTENCE_BREAK, LawIndex, LawKind, conj_back, item_definition_at
from .mappings import Confidence, MappingSet, Outcome, Relation, default_mappings
from .model import (
    ALIASES,
    MY_NUMBER_ACT,
    OLD_TABLES,
    Citation,
    CitationKind,
    Edit,
    Finding,
    LawBasis,
    Order,
    OrderRef,
    Part,
    RewriteResult,
    RowNumber,
    Table,
    TableBasis,
)
from .numerals import OTHER_NUMERAL_CHARS, NumeralError, NumeralStyle, detect_style, parse_int, render_int
from .render import (
    NEW_ORDER_FORMAL_TAIL,
    NO_SHORTHAND,
    Shorthand,
    document_law_name,
    document_numerals,
    new_order_name,
    new_order_number,
    new_table_phrase,
    render_rows,
)
from .resolve import find_with_others, marked_by_new_after, read_table_citation
from .scan import INVISIBLE, passage_end

if TYPE_CHECKING:  # pragma: no cover
    from .rederive import Rederive

__all__ = ["rewrite", "apply_edits", "plan_citation"]


@attrs.frozen(weakref_slot=False)  # (one per citation, all held until the groups are settled)
class _Plan:
    ok: bool
    edits: tuple[Edit, ...] = ()
    notes: tuple[Finding, ...] = ()  # reported even when the plan is applied (deleted rows dropped)
    failures: tuple[Finding, ...] = ()  # why the citation is kept as written
    inferred: bool = False  # the plan relies on inferred mapping rows
    new_rows: tuple[RowNumber, ...] | None = None  # a table citation's rows as its new text writes them


@attrs.frozen
class _Context:
    text: str
    mappings: MappingSet
    as_of: datetime.date | None
    accept_inferred: bool
    found_numerals: list[NumeralStyle]  # the document's digits, once found (see numerals)
    found_law_name: list[str] = attrs.field(factory=list)  # the document's name of the act (see law_name)
    ref_verdicts: dict[tuple[str, bool], _RefVerdict] = attrs.field(factory=dict)  # each order reference's
    covered: _Holds = attrs.field(factory=lambda: _Holds(()))  # whether a citation or finding holds ``pos``
    evidence_memo: dict[tuple[int, ...], tuple[tuple[Outcome, ...], tuple[str, ...]]] = attrs.field(factory=dict)
    # the group of the citation being planned (its edits carry it: see Edit.group), in a cell
    group: list[int | None] = attrs.field(factory=lambda: [None])

    aliases: tuple[str, ...] = ()  # the names of the act the finder read (the typo aliases too)
    law_index: list[LawIndex] = attrs.field(factory=list)  # the text's law expressions, built on first use
    unread_marks: dict[str, list[int]] = attrs.field(factory=dict)  # where 項 / 条 stand outside every citation
    citations: Sequence[Citation] = ()  # every citation found, in text order
    orphans: Sequence[Finding] = ()  # the row lists that hang on no table (no-antecedent), in text order
    # the finder's findings on citations (「別表第二の27の項」 of no established law …), in text order
    cited_findings: Sequence[Finding] = ()
    item_starts: Sequence[int] = ()  # where every citation and finding the finder reported starts, in order
    # the old 第19条第7号 (its digit) joined to a table or title that names the 第19条第8号 order, found on first use
    found_network_items: list[dict[int, int]] = attrs.field(factory=list)  # (its digit: where its citation starts)
    kept_starts: set[int] = attrs.field(factory=set)  # where the citations planned so far that stay as written start
    # (where a citation starts, where the citation starts whose joined 第19条第7号 it is renamed beside): they change together
    leans_on: list[tuple[int, int]] = attrs.field(factory=list)
    network_items: list[list[int]] = attrs.field(factory=list)  # where every old 第19条第7号 starts, on first use
    # one object per distinct text an edit replaces or writes (a dense text repeats a few thousands of times)
    edit_texts: dict[str, str] = attrs.field(factory=dict)

    def unread_between(self, ch: str, lo: int, hi: int) -> int:
        """The first place in [lo, hi) where ``ch`` (項, 条) stands outside every citation, or -1 (its
        places found once per text)."""
        marks = self.unread_places(ch)
        i = bisect.bisect_left(marks, lo)
        return marks[i] if i < len(marks) and marks[i] < hi else -1

    def unread_places(self, ch: str) -> list[int]:
        """Where ``ch`` (項, 条) stands outside every citation, in order (found once per text)."""
        marks = self.unread_marks.get(ch)
        if marks is None:
            marks = self.unread_marks[ch] = self.covered.outside(self.text, ch)
        return marks

    def network_items_between(self, lo: int, hi: int) -> bool:
        """Whether an old 第19条第7号 (:data:`_NETWORK_ITEM`) starts in [lo, hi) (found once per text)."""
        if not self.network_items:
            self.network_items.append(network_item_starts(self.text))
        items = self.network_items[0]
        i = bisect.bisect_left(items, lo)
        return i < len(items) and items[i] < hi

    def laws(self) -> LawIndex:
        """The text's law expressions (the index built on first use)."""
        if not self.law_index:
            self.law_index.append(LawIndex(self.text, self.aliases))
        return self.law_index[0]

    def same_law_would_take(self, pos: int) -> bool:
        """:meth:`LawIndex.same_law_would_take` for this text."""
        return self.laws().same_law_would_take(pos)

    @property
    def law_name(self) -> str:
        """The act's name the document uses most, found on first use."""
        if not self.found_law_name:
            self.found_law_name.append(document_law_name([self.text]) or "番号利用法")
        return self.found_law_name[0]

    def evidence_of(self, outcomes: Sequence[Outcome]) -> tuple[str, ...]:
        """:func:`_evidence` of ``outcomes``, one tuple shared by every citation that maps the same
        rows in this text."""
        key = tuple(map(id, outcomes))
        found = self.evidence_memo.get(key)
        if found is None:  # the outcomes are kept with it, so that their ids stay theirs
            found = self.evidence_memo[key] = (tuple(outcomes), _evidence(outcomes))
        return found[1]

    @property
    def numerals(self) -> NumeralStyle:
        """The digits the document mostly uses, counted on first use (a text with nothing to
        rewrite never counts them)."""
        if not self.found_numerals:
            self.found_numerals.append(document_numerals(self.text))
        return self.found_numerals[0]


def _numerals_in(ctx: _Context, token: str) -> NumeralStyle:
    """The digits ``token`` is written in; the document's when it holds none (counted only then)."""
    try:
        return detect_style(token)
    except ValueError:
        return ctx.numerals


def _evidence(outcomes: Iterable[Outcome]) -> tuple[str, ...]:
    out: dict[str, None] = {}
    for o in outcomes:
        out.update(dict.fromkeys(o.evidence_lines))
    return tuple(out)


def _finding(c: Citation, reason: str, evidence: Sequence[str] = (), **values: Any) -> Finding:
    return Finding(
        c.start, c.end, c.text, reason, F.message(reason, **values), citation=c, evidence=tuple(evidence)
    )


def _edit(ctx: _Context, start: int, end: int, after: str, c: Citation, evidence: Sequence[str] = ()) -> Edit:
    shared = ctx.edit_texts
    before = ctx.text[start:end]
    before = shared.setdefault(before, before)
    return Edit(start, end, before, shared.setdefault(after, after), c, tuple(evidence), "renumbered", ctx.group[0])


# ------------------------------------------------------------------------- table wording


def _law_name_for(ctx: _Context, c: Citation, at: int) -> str:
    """The act's name to write at ``at``, before the new order's table, when the citation has none beside it:
    its own law's name (also when a bracket after it gives it), else the one the document uses most
    (番号利用法 when it uses none); the act's title where a short name would be read with the word before it.

    A name the text did not write is not added where a 「同法」 after the citation would take it for
    its antecedent: what the other words of the text mean never changes (and a second run finds
    nothing more to do)."""
    name = _short_law_name_for(ctx, c)
    if name and ctx.laws().glues_to_word_before(at):
        # 「照会別表第二〔番号法〕、別表第一（民法）」: 「照会番号法第19条…」 would read as another law's order (照会番号法),
        # and the table joined after it would change its reading on a second run (fuzzer, seeds 77777, 78787, 83838);
        # the title is read as the act's after any word
        return MY_NUMBER_ACT
    return name


def _short_law_name_for(ctx: _Context, c: Citation) -> str:
    """:func:`_law_name_for` before the glued-word check: the name as the document would write it, or 「」."""
    if ctx.same_law_would_take(c.end):
        return ""  # (whatever law the citation has: 「別表6項（番号法）及び別表第二同法別表第二」, fuzzer seed 51515)
    k = c.start
    while k > 0 and ctx.text[k - 1] in _SPACES:
        k -= 1
    if ctx.laws().expression_ending_at(k) is not None:
        # a law's name written right before it, whatever law it names (「同法別表第二の27の項（番号法）」, a 同法 with
        # nothing before it to take, the bracket giving the table's law): a name added would be glued after it
        # (「同法番号法第19条第8号…」), the first name no longer read as written (found by Hypothesis)
        return ""
    if c.law_span is not None and c.law_span[0] >= c.end:
        # named in the bracket after it (「別表第二（番号法）」, 「（根拠法令：番号法第19条第8号）」): the new name still
        # needs the act's before 第19条第8号, or it would read as the document's own article (or, before 「（平成25年
        # 法律第27号）」, as that law's order); the bracket's name when it is one of the act's names
        return c.law if c.law in ALIASES else ctx.law_name
    if c.law and c.law_basis is not LawBasis.ASSUMED:
        return c.law
    return ctx.law_name


_SPACES = " \u3000"
_SPACES_AND_BREAKS = " \u3000\t\r\n"

# 施行日 of the renumbering (令和5年法律第48号): 別表第一 → 別表, 別表第二 → the order's 第2条の表
EFFECTIVE_DATE = datetime.date(2024, 5, 27)


# what a row written right after an ordinal begins with: a figure
_FIGURES = "0-9０-９〇一二三四五六七八九十百千"  # (a character class's contents)
_FIGURE = compile_on_use(f"[{_FIGURES}]")


def _table_edits(
    ctx: _Context, c: Citation, evidence: Sequence[str] = (), new_rows: Sequence[RowNumber] = ()
) -> list[Edit]:
    """Edits that rename the table(s) of a citation; empty for 同表 and new tables.  ``new_rows``: the rows the rewrite
    writes, in written order."""
    if c.table_basis is TableBasis.ANTECEDENT:
        same = c.part("table")
        beppyo = ctx.text.find("別", same.start, same.end) if same is not None else -1
        if c.table is Table.BEPPYO2 and beppyo != -1:
            # 「同別表の28の項」 of 別表第二: the order's table it now names is no 別表 (「同表の49の項」)
            return [_edit(ctx, beppyo, beppyo + 1, "", c, evidence)]
        return []
    edits: list[Edit] = []
    tables = c.tables or ((c.table,) if c.table is not None else ())
    for i, table in enumerate(tables):
        if table is Table.BEPPYO1:
            target = c.part("ord" if i == 0 else "table2")
            if target is None:
                continue
            if i == 0:
                end = target.end
                # 「別 表 第 一 の」 (spaced-out PDF text): take one of the two spaces along
                if (
                    target.start > 0
                    and end < len(ctx.text)
                    and ctx.text[target.start - 1] in _SPACES
                    and ctx.text[end] in _SPACES
                ):
                    end += 1
                start = target.start
                # 「別表\n第一\n」: 第一 between two line breaks goes with the one before it, never leaving a blank line
                # (which would end the passage there on a second run)
                before = _WS_BEFORE.search(ctx.text, max(0, start - 8), start)
                if before is not None and "\n" in before.group() and _LINE_BREAK_NEXT.match(ctx.text, end):
                    start = before.start()
                # 「別表第一第16項」: after the bare 別表 a row written 第N項 takes の (「別表の第24項」), since 「別表第24項」,
                # 「別表第二十四項」 read as a table's ordinal (別表第二 to any reader of the old numbering); so does a row
                # written right after the ordinal whose new number is 1 or 2 (「別表1、2の項」 reads as 別表第一 too)
                ordinal_like = bool(new_rows) and new_rows[0].main in (1, 2) and not new_rows[0].branches
                link = "の" if c.rows and (
                    ctx.text.startswith("第", end) or (ordinal_like and _FIGURE.match(ctx.text, end) is not None)
                ) else ""
                edits.append(_edit(ctx, start, end, link, c, evidence))
            else:  # 別表第一と第二 → 別表と第一…: the second ordinal alone cannot stand; name the table
                edits.append(_edit(ctx, target.start, target.end, "別表", c, evidence))
        elif table is Table.BEPPYO2:
            law_part, provision, table_part, table2, ord_part = c.first_parts("law", "provision", "table", "table2", "ord")
            phrase = new_table_phrase(_inserted_numerals(ctx, c, provision))
            # (the first of two tables, 「別表第二及び第一」, ends at its ordinal: the table part holds both)
            end = ord_part.end if i == 0 and table2 is not None and ord_part is not None else table_part.end if table_part else -1
            if i == 1 and table2 is not None:
                edits.append(_edit(ctx, table2.start, table2.end, _law_name_for(ctx, c, table2.start) + phrase, c, evidence))
            elif provision is not None and table_part is not None and c.provision and c.provision.article.main == 19:
                # 第19条第7号/第8号 別表第二: whatever 号 an older text gives, the network provision
                phrase = new_table_phrase(_inserted_numerals(ctx, c, provision), _without_dai(ctx, provision))
                if "\t" in ctx.text[provision.end : table_part.start]:
                    # a tab is a cell's end (a row of a table pasted as text): the cells stay, the provision
                    # in its own (an older 第7号 made 第8号) and the new name in the table's
                    item = _PROVISION_ITEM.search(ctx.text, provision.start, provision.end)
                    if item is not None and item.group("n") in _EIGHT:
                        edits.append(_edit(ctx, item.start("n"), item.end("n"), _EIGHT[item.group("n")], c, evidence))
                    edits.append(_edit(ctx, table_part.start, end, phrase, c, evidence))
                else:
                    edits.append(_edit(ctx, provision.start, end, phrase, c, evidence))
            elif table_part is not None and law_part is not None and law_part.end <= table_part.start:
                # (「番号法の別表第二」: the の and spaces go; a line break or a tab between them stays, as
                # written: a tab is a cell's end)
                gap = "".join(ch for ch in ctx.text[law_part.end : table_part.start] if ch in "\r\n\t")
                edits.append(_edit(ctx, law_part.end, end, gap + phrase, c, evidence))
            elif table_part is not None:
                edits.append(_edit(ctx, table_part.start, end, _law_name_for(ctx, c, table_part.start) + phrase, c, evidence))
            if i == 0 and provision is None:
                edits.extend(_network_item_edits(ctx, c, evidence))
    return edits


_WS_BEFORE = compile_on_use(r"[ \t\u3000\r\n]+\Z")
_LINE_BREAK_NEXT = compile_on_use(r"[ \t\u3000]*[\r\n]")


def _network_item_edits(ctx: _Context, c: Citation, evidence: Sequence[str] = ()) -> list[Edit]:
    """「第19条第7号及び別表第二」: the old 号 of the table's provision joined to it (or named in the bracket
    right after it) goes with it, as in 「第19条第7号 別表第二」; an edit of its digit, or none."""
    item = _network_item_of(ctx, c)
    if item is None:
        return []
    return [_edit(ctx, item.start("n"), item.end("n"), _EIGHT[item.group("n")], c, evidence)]


def _network_item_of(ctx: _Context, c: Citation) -> re.Match[str] | None:
    """The act's old 第19条第7号 joined right before ``c`` or named in the bracket right after it, or None."""
    item = _NETWORK_ITEM_JOINED.search(ctx.text, max(0, c.start - _NETWORK_ITEM_REACH), c.start)
    if item is not None and not _acts_item(ctx, item.start(), c):
        item = None
    noted = ctx.laws().law_noted_after(c.end) if item is None else None
    if noted is not None and noted[0].kind is LawKind.ACT:
        # 「別表第二（番号法第19条第7号）」: the bracket right after it, naming the act, gives its provision
        item = _NETWORK_ITEM_NOTED.match(ctx.text, noted[0].end)
    return item


def _names_network_table(c: Citation) -> bool:
    """Whether ``c`` names 別表第二 or the old order of its exchanges as written (the names that become
    the 第19条第8号 order's), with no provision of its own."""
    if c.kind is CitationKind.TABLE:
        named = c.table_basis is not TableBasis.ANTECEDENT and Table.BEPPYO2 in (c.tables or (c.table,))
    else:
        named = c.kind is CitationKind.ORDER_TITLE and c.order is Order.OLD_EXCHANGE
    return named and c.part("provision") is None


# 第19条第7号, also in the shorthand without 第 (「19条7号」, 「第19条7号」) that texts use as often (「番号法19条7号
# 別表第二」 is read so), and broken inside its number as PDF text is (「第1\n9条」); never the end of a longer number
# (「第119条第7号」, 「百十九条七号」)
_NETWORK_ITEM_WORDS = (
    rf"(?:第[\s{INVISIBLE}]*)?(?<![0-9０-９〇一二三四五六七八九十百千])"
    rf"(?:1[\s{INVISIBLE}]*9|１[\s{INVISIBLE}]*９|十[\s{INVISIBLE}]*九)[\s{INVISIBLE}]*条"
    rf"[\s{INVISIBLE}]*(?:第[\s{INVISIBLE}]*)?(?P<n>7|７|七)[\s{INVISIBLE}]*号"
)
# a short note in brackets between a provision and its table (「（情報提供ネットワークシステムによる情報連携）」, 「【独自利用事務】」,
# 「〔庁内連携〕」)
_NOTE_BETWEEN = r"(?:[（(][^（）()「」『』\n]{1,60}[）)]|【[^【】\n]{1,60}】|〔[^〔〕\n]{1,60}〕|［[^［］\n]{1,60}］)"
# 別表第二 belongs to the network provision of 第19条, cited as 第7号 by texts older than its 2021
# renumbering and as 第8号 since (the new order is 「…第十九条第八号に基づく…命令」): a 第19条第7号 joined
# right before the table is that provision.  Joined: by 及び, 並びに, 、 or the bracket the table opens, by
# a phrase that makes it the table's basis (「の規定による」, 「に基づき、」, 「により」, 「に規定する」), or by
# nothing but a short note in brackets or a colon (「第19条第7号（情報提供ネットワークシステムによる情報提供）　別表第二」)
_NETWORK_ITEM_JOINED = compile_on_use(
    rf"{_NETWORK_ITEM_WORDS}[\s{INVISIBLE}]*"
    rf"(?:(?:{_NOTE_BETWEEN}[\s{INVISIBLE}]*)?"
    rf"(?:及[\s{INVISIBLE}]*び|並[\s{INVISIBLE}]*び[\s{INVISIBLE}]*に|[、，,]|[（(]"
    rf"|(?:の[\s{INVISIBLE}]*規[\s{INVISIBLE}]*定[\s{INVISIBLE}]*)?に[\s{INVISIBLE}]*(?:よ[\s{INVISIBLE}]*(?:る|り|っ[\s{INVISIBLE}]*て)|基[\s{INVISIBLE}]*づ[\s{INVISIBLE}]*(?:く|き|い[\s{INVISIBLE}]*て))[\s{INVISIBLE}]*[、，,]?"
    rf"|に[\s{INVISIBLE}]*規[\s{INVISIBLE}]*定[\s{INVISIBLE}]*す[\s{INVISIBLE}]*る)"
    rf"|(?:{_NOTE_BETWEEN}[\s{INVISIBLE}]*)?[：:]|{_NOTE_BETWEEN})(?:[^\S\n]|[{INVISIBLE}])*\n?(?:[^\S\n]|[{INVISIBLE}])*\Z"
)
_NETWORK_ITEM_REACH = 120
_NETWORK_ITEM_NOTED = compile_on_use(
    rf"[\s{INVISIBLE}]*(?:[（(][^（）()]*[）)][\s{INVISIBLE}]*)?{_NETWORK_ITEM_WORDS}[\s{INVISIBLE}]*[）)]"
)
_EIGHT = {"7": "8", "７": "８", "七": "八"}
# the 号 of a provision 第19条第N号 (or 19条N号): its number
_PROVISION_ITEM = compile_on_use(rf"(?P<n>[0-9０-９一二三四五六七八九十]+)[\s{INVISIBLE}]*号")


_SUPPLEMENTARY_BEFORE = compile_on_use(rf"附[\s{INVISIBLE}]*則[\s{INVISIBLE}]*\Z")


def _acts_item(ctx: _Context, start: int, c: Citation, assumed: bool = False) -> bool:
    """Whether the 第19条第7号 at ``start``, joined before the table ``c``, is the act's: the act is named
    right before it, or nothing is and the table names no law of its own (「住民基本台帳法第19条第7号及び
    番号法別表第二」 and 「住民基本台帳法第5条、第19条第7号及び番号法別表第二」 cite the other law's 号).
    With ``assumed`` (checking that the provision is the table's own), so is an undefined 法 before it by which
    the table is assumed the act's."""
    j = start
    while j > 0 and ctx.text[j - 1] in _SPACES_AND_BREAKS:
        j -= 1
    if _SUPPLEMENTARY_BEFORE.search(ctx.text, max(0, j - 8), j):
        return False  # 「番号法附則第19条第7号」: a supplementary provision, not the network provision
    named = ctx.laws().expression_ending_at(j)
    if named is not None:
        if assumed and named.kind is LawKind.UNKNOWN and c.law_basis is LawBasis.ASSUMED and c.law_span == (named.start, named.end):
            # 「法第9条第2項の規定に基づき、別表第1の1の項」 under --assume-law: the undefined 法 the table is assumed
            # the act's by is the act before its provision too (an ordinance's 第3条, its own table: it was renamed)
            return True
        return named.kind is LawKind.ACT
    return c.part("law") is None


def _without_dai(ctx: _Context, provision: Part) -> Shorthand:
    """Which 第 the provision leaves out, before its article and before its item: (True, True) for the shorthand
    「19条7号」, (True, False) for 「19条第7号」 (the item's 第 is read apart: a PDF's page break may cut 「第」 off
    the article's number, 「番号利用法第\n－3－\n19条第8号」)."""
    text = ctx.text
    article = not text.startswith("第", provision.start)
    item = _PROVISION_ITEM.search(text, provision.start, provision.end)
    if item is None:
        return article, article
    head = "".join(text[provision.start : item.start("n")].split())
    return article, not head.endswith("第")


# the last number written before a citation on its line and in its sentence (「第19条第8号（別表第二）」)
_HALF_OR_FULL_DIGITS = frozenset("0123456789０１２３４５６７８９")
_KANJI_DIGITS = frozenset("〇一二三四五六七八九十百千")  # (a kanji one only right before 条, 項 or 号)
_DIGITS_REACH = 40


def _inserted_numerals(ctx: _Context, c: Citation, provision: Part | None) -> NumeralStyle:
    """The digits of an inserted 「第19条第8号…第2条」: the citation's own provision's, else its
    first row's (別表第二の二十七の項 → 第十九条…), else those of the last number written before it on
    its line and in its sentence (「番号法第19条第8号（別表第二）」), else the document's."""
    local = provision or c.part("row")
    if local is None:
        return _numerals_before(ctx, c.start)
    return _numerals_in(ctx, ctx.text[local.start : local.end])


def _numerals_before(ctx: _Context, pos: int) -> NumeralStyle:
    """The digits of the last number written before ``pos`` on its line and in its sentence, else the document's."""
    text = ctx.text
    for i in range(pos - 1, max(0, pos - _DIGITS_REACH) - 1, -1):  # (a walk back: a search for the last one is quadratic)
        ch = text[i]
        if ch == "\n" or ch == "。":
            break
        if ch in _HALF_OR_FULL_DIGITS or (ch in _KANJI_DIGITS and i + 1 < pos and text[i + 1] in "条項号"):
            return _numerals_in(ctx, ch)
    return ctx.numerals


# ------------------------------------------------------------------------- rows


@attrs.frozen
class _RowsResult:
    ok: bool
    new_rows: tuple[tuple[RowNumber, ...], ...] = ()  # per old row, in written order (() when deleted)
    outcomes: tuple[Outcome, ...] = ()
    failures: tuple[Finding, ...] = ()
    notes: tuple[Finding, ...] = ()
    inferred: bool = False


def _map_rows(ctx: _Context, c: Citation, table: Table) -> _RowsResult:
    new_rows: list[tuple[RowNumber, ...]] = []
    outcomes: list[Outcome] = []
    failures: list[Finding] = []
    notes: list[Finding] = []
    deleted: list[tuple[RowNumber, Outcome]] = []
    inferred = False
    label = table.value
    rows = list(c.rows)
    if c.ranges:
        # The rows a range held on 2024-05-26 (branch rows inserted 2016–2024 included) are not
        # fixed by any text found: the expansion is inferred.  Known branch rows are included.
        rows = _expand_with_branches(ctx, table, c)
        inferred = True
        if not ctx.accept_inferred:
            shown = "、".join(f"{lo}〜{hi}" for lo, hi in c.ranges)
            failures.append(_finding(c, F.ROW_RANGE, range=shown))
    for row in rows:
        outcome = ctx.mappings.map_row(table, row, as_of=ctx.as_of)
        if outcome is None:
            failures.append(_finding(c, F.ROW_UNKNOWN, table=label, row=row))
            new_rows.append(())
            continue
        outcomes.append(outcome)
        new = tuple(outcome.new_rows)
        if outcome.confidence is Confidence.INFERRED:
            inferred = True
            if not ctx.accept_inferred:
                shown = "、".join(str(n) for n in new) or "削除 deleted"
                failures.append(_finding(c, F.ROW_INFERRED, _evidence([outcome]), table=label, row=row, new=shown))
        if outcome.relation is Relation.DELETED:
            deleted.append((row, outcome))
            new_rows.append(())
            continue
        if outcome.relation is Relation.SPLIT and table is Table.BEPPYO1:
            failures.append(
                _finding(c, F.ROW_SPLIT, _evidence([outcome]), table=label, row=row, new="、".join(str(n) for n in new))
            )
        new_rows.append(new)
    if deleted:
        if len(deleted) == len(rows):
            for row, outcome in deleted:
                failures.append(_finding(c, F.ROW_DELETED, _evidence([outcome]), table=label, row=row))
        else:
            for row, outcome in deleted:
                notes.append(_finding(c, F.ROW_DELETED_DROPPED, _evidence([outcome]), table=label, row=row))
    return _RowsResult(not failures, tuple(new_rows), tuple(outcomes), tuple(failures), tuple(notes), inferred)


def _expand_with_branches(ctx: _Context, table: Table, c: Citation) -> list[RowNumber]:
    """The rows of ``c`` with each range's known old branch rows (36の2 between 36 and 37) added."""
    out: list[RowNumber] = []
    for row in c.rows:
        out.append(row)
        in_range = any(lo <= row < hi for lo, hi in c.ranges) and not row.branches
        b = 2
        while in_range and ctx.mappings.old_row_exists(table, RowNumber((row.main, b)), as_of=ctx.as_of):
            out.append(RowNumber((row.main, b)))
            b += 1
    return list(dict.fromkeys(out))


def _rows_as_written(table: Table, mapped: _RowsResult) -> tuple[RowNumber, ...]:
    """The new rows in the order the new text writes them: as the old rows were written (a split
    row's new rows in their place, deleted rows dropped); for the order's table, sorted once each
    (old rows of 別表第二 were merged and split)."""
    flat = [n for group in mapped.new_rows for n in group]
    return tuple(sorted(dict.fromkeys(flat))) if table is Table.BEPPYO2 else tuple(flat)


def _row_edits(ctx: _Context, c: Citation, table: Table, mapped: _RowsResult, evidence: tuple[str, ...]) -> list[Edit]:
    """Edits for the rows: token by token when the list keeps its shape, else the list re-rendered."""
    row_parts = c.parts_of("row")
    sort_unique = table is Table.BEPPYO2
    flat = list(_rows_as_written(table, mapped))
    one_to_one = all(len(g) == 1 for g in mapped.new_rows)
    # a token holds only the number (not 「16項の2」, row 16の2 written with its 項 inside)
    bare_tokens = all("項" not in ctx.text[p.start : p.end] for p in row_parts)
    if not c.ranges and one_to_one and bare_tokens and len(row_parts) == len(c.rows):
        in_order = [g[0] for g in mapped.new_rows]
        if not sort_unique or in_order == flat:
            edits = []
            for part, new in zip(row_parts, in_order, strict=True):
                token = ctx.text[part.start : part.end]
                after = new.render(_numerals_in(ctx, token))
                if after != token:
                    edits.append(_edit(ctx, part.start, part.end, after, c, evidence))
            return edits
    if len(c.ranges) == 1 and len(row_parts) == 2 and one_to_one and not sort_unique:
        in_order = [g[0] for g in mapped.new_rows]
        if all(not r.branches for r in in_order) and all(
            b.main == a.main + 1 for a, b in zip(in_order, in_order[1:], strict=False)
        ):
            edits = []
            for part, new in zip(row_parts, (in_order[0], in_order[-1]), strict=True):
                token = ctx.text[part.start : part.end]
                after = new.render(_numerals_in(ctx, token))
                if after != token:
                    edits.append(_edit(ctx, part.start, part.end, after, c, evidence))
            return edits
    rows_part = c.part("rows")
    if rows_part is None:
        return []
    first = ctx.text[row_parts[0].start : row_parts[0].end] if row_parts else ""
    style = c.style
    if c.ranges and style.conjunction is None and style.separator == "、":
        style = attrs.evolve(style, suffix_each=False)
    after = render_rows(flat, style, _numerals_in(ctx, first))
    return [_edit(ctx, rows_part.start, rows_part.end, after, c, evidence)]


# ------------------------------------------------------------------------- order references


class _RefVerdict(NamedTuple):
    """What the mappings say of one reference into the old order (the same for every citation that
    writes it): why it cannot be rewritten (reason, evidence, message), what it maps to."""

    failures: tuple[tuple[str, tuple[str, ...], str], ...]  # (reason, evidence, message)
    outcomes: tuple[Outcome, ...]
    article_new: str | None  # the new article, when the article is known
    inferred: bool


def _ref_verdict(ctx: _Context, ref: OrderRef) -> _RefVerdict:
    """:class:`_RefVerdict` of ``ref``, remembered for the document by the reference's key."""
    key = ref.key()
    memo = (key, ctx.accept_inferred)  # _proposed() asks again with inferred rows accepted
    known = ctx.ref_verdicts.get(memo)
    if known is not None:
        return known
    failures: list[tuple[str, tuple[str, ...], str]] = []
    outcomes: list[Outcome] = []
    article_new = None
    inferred = False
    if ref.subitem:
        failures.append((F.SUBITEM_NOT_MAPPED, (), F.message(F.SUBITEM_NOT_MAPPED, ref=key)))
    else:
        art = ctx.mappings.map_order_article(ref.article)
        if art is None or not art.new:
            failures.append((F.ORDER_REF_UNKNOWN, (), F.message(F.ORDER_REF_UNKNOWN, ref=key)))
        else:
            outcomes.append(art)
            article_new = art.new[0]
            if art.confidence is Confidence.INFERRED:
                inferred = True
                if not ctx.accept_inferred:
                    failures.append((F.ORDER_REF_INFERRED, _evidence([art]), F.message(F.ORDER_REF_INFERRED, ref=key, new=art.new[0])))
            if ref.item is not None:
                item = ctx.mappings.map_order_item(ref.article, ref.item, ref.paragraph)
                if item is None or not item.new or item.relation is Relation.DELETED:
                    failures.append((F.ORDER_REF_UNKNOWN, (), F.message(F.ORDER_REF_UNKNOWN, ref=key)))
                else:
                    outcomes.append(item)
                    if item.confidence is Confidence.INFERRED:
                        inferred = True
                        if not ctx.accept_inferred:
                            failures.append(
                                (F.ORDER_REF_INFERRED, _evidence([item]), F.message(F.ORDER_REF_INFERRED, ref=key, new=item.new[0]))
                            )
                    new_article, _, new_item = item.new[0].partition("-")
                    if new_article != art.new[0] or "-" in new_item or not new_item.isdigit():
                        failures.append((F.ORDER_REF_UNKNOWN, (), F.message(F.ORDER_REF_UNKNOWN, ref=key)))
    verdict = _RefVerdict(tuple(failures), tuple(outcomes), article_new, inferred)
    ctx.ref_verdicts[memo] = verdict
    return verdict


def _ref_plan(ctx: _Context, c: Citation) -> _Plan:
    failures: list[Finding] = []
    edits: list[Edit] = []
    outcomes: list[Outcome] = []
    inferred = False
    article_new: dict[str, str] = {}
    for ref in c.order_ref_values:
        verdict = _ref_verdict(ctx, ref)
        for reason, evidence, message in verdict.failures:
            failures.append(Finding(c.start, c.end, c.text, reason, message, None, c, evidence))
        outcomes.extend(verdict.outcomes)
        inferred = inferred or verdict.inferred
        if verdict.article_new is not None:
            article_new[str(ref.article)] = verdict.article_new
    if failures:
        return _Plan(False, failures=tuple(failures), inferred=inferred)
    evidence = _evidence(outcomes)
    # token edits: each article atom (「２２条の３」) and each item number, in written order
    for part in c.parts_of("ref_article"):
        atom = ctx.text[part.start : part.end]
        new = article_new.get(_article_key(atom) or "")
        if new is None:
            return _Plan(False, failures=(_finding(c, F.ORDER_REF_UNKNOWN, ref=atom),))
        after = RowNumber.parse(new).render(_numerals_in(ctx, atom)) + "条"
        if after != atom:
            edits.append(_edit(ctx, part.start, part.end, after, c, evidence))
    with_items = [r for r in c.order_ref_values if r.item is not None]
    for ref, part in zip(with_items, c.parts_of("ref_item"), strict=True):
        item = ctx.mappings.map_order_item(ref.article, ref.item or 0, ref.paragraph)
        assert item is not None
        token = ctx.text[part.start : part.end]
        after = render_int(int(item.new[0].partition("-")[2]), _numerals_in(ctx, token))
        if after != token:
            edits.append(_edit(ctx, part.start, part.end, after, c, evidence))
    return _Plan(True, tuple(edits), inferred=inferred)


_ARTICLE_RE = compile_on_use(r"^([0-9０-９〇一二三四五六七八九十百千]+)条((?:の[0-9０-９〇一二三四五六七八九十百千]+)*)$")


def _article_key(atom: str) -> str | None:
    compact = "".join(atom.split())
    m = _ARTICLE_RE.match(compact)
    if not m:
        return None
    return str(RowNumber.parse(m.group(1) + m.group(2)))


# ------------------------------------------------------------------------- one citation


def plan_citation(ctx: _Context, c: Citation) -> _Plan:
    """The edits for one citation, or why it stays as written.

    Every plan that changes a name or a list passes these checks: a name defines no term
    (:func:`_defined_term`), nothing after it in its clause reads as a row reference that no
    citation holds (:func:`_unread_after`), and its new text reads back as the new table and rows
    it means (:func:`_misread`)."""
    if c.kind is CitationKind.ORDER_TITLE or c.kind is CitationKind.TABLE:
        defined = _defined_term(ctx.text, c)
        if defined is not None and (c.kind is CitationKind.ORDER_TITLE or _renames(c)):
            return _Plan(False, failures=(_finding(c, F.DEFINES_TERM, term=defined),))
        defined = _definition_of(ctx.text, c)
        if defined is not None and (c.kind is CitationKind.ORDER_TITLE or _renames(c)):
            # 「「法別表第二」とは、番号法別表第二をいう」: the body of a definition
            return _Plan(False, failures=(Finding(c.start, c.end, c.text, F.DEFINES_TERM,
                                                  F.DEFINES_TERM_BODY.format(term=defined), citation=c),))
    plan = _plan(ctx, c)
    if plan.ok and not plan.edits and c.kind is CitationKind.TABLE and not c.rows:
        # 「番号法別表第二の27の項（番号法別表）」: a bracket naming another table than the one the row's is renamed to
        rows = _bracketed_rows_start(ctx, c)
        if rows is not None:
            return _Plan(False, failures=(_finding(c, F.NUMBER_BEFORE, preceding="".join(ctx.text[rows : c.start].split())),))
    if plan.ok and c.kind is CitationKind.TABLE and c.table_basis is TableBasis.ANTECEDENT and c.table in OLD_TABLES:
        # 「番号法別表第二の27の項及び同表主務省令第20条」: an article of the old table's order, numbered by its
        # old rows, named through 同表; renamed, the table would leave it under the new name
        article = _ORDER_ARTICLE_AFTER.match(ctx.text, c.end)
        if article is not None:
            return _Plan(False, failures=(_finding(c, F.NUMBER_AFTER, following="".join(article.group(0).split())),))
        # 「番号法別表第二の27の項、同表の28」: a row after 同表 that no citation read is the old table's, which
        # its antecedent's new name would stand over; 同表 itself writes nothing new, so it is checked here
        unread = None if plan.edits else _unread_after(ctx, c)
        if unread is not None:
            return _Plan(False, failures=(unread,))
    if plan.ok and plan.edits:
        spaced = _SPACED_OUT.fullmatch(c.text)
        if spaced is not None and _spaced_apart(ctx.text, c):  # 「別 表 第 一 の 1 6 の 項」: the new text is spaced out the same way
            plan = attrs.evolve(plan, edits=tuple(_spaced_edit(e, spaced.group(1)) for e in plan.edits))
        unread = (
            _successor_named_after(ctx, c, plan)
            or _unread_after(ctx, c) or _unread_before(ctx, c) or _excepted_rows(ctx, c) or _rows_named_apart(ctx, c)
            or _bracketed_name_kept(ctx, c)
            or _network_item_apart(ctx, c, plan) or _other_item_beside_shift(ctx, c, plan)
            or _column_of_same_row(ctx, c)
            or _same_order_after(ctx, c) or _provision_joined(ctx, c) or _listed_after_mismatch(ctx, c)
            or _listed_with_other_table(ctx, c)
            or _unread_after_joined_table(ctx, c)
        )
        if unread is not None:
            return _Plan(False, failures=(unread,), inferred=plan.inferred)
        misread = _misread(ctx, c, plan)
        if misread is not None:
            return _Plan(False, failures=(misread,), inferred=plan.inferred)
    return plan


# where a sentence, a cell or a line ends, for a successor named after an old table (the next line may be a note, 「※2 現行：
# 別表の24の項」, or another item; two spaces or more part the cells of a table written without tabs). A line going on with
# hiragana, or broken after 「、」「及び」「並びに」, goes on with the sentence (text extracted from a PDF breaks its lines anywhere:
# 「…27の項\nは、…48の項に当たる」): no item, note or cell begins with a particle, and no line ends a list with its joint
_SENTENCE_OR_CELL_END = compile_on_use(
    r"。|\t|\n(?<![、，,]\n)(?<!及び\n)(?<!並びに\n)(?![ \u3000]*[\u3041-\u3096])|[ \u3000]{2,}"
)
_SUCCESSOR_REACH = 200
_START = operator.attrgetter("start")
_SUCCESSOR_TABLE = {Table.BEPPYO1: Table.BEPPYO, Table.BEPPYO2: Table.ORDER_TABLE}
# …but not one only listed beside it, on the next line or in a bracket with no word (「番号法別表第二の27の項\n…第2条の表の48
# の項」, 「…27の項（…48の項）」: a text updated in part, both cited as the present basis, the old one rewritten into a repetition)
_LISTED_BESIDE = compile_on_use(r"(?:[\s、，,・（(）)「」『』]|及び|並びに|又は|および|ならびに|または|と)*")
# …unless the two, listed with no bracket between, are the subject of a predicate of sameness or correspondence right after
# the later (「…16の項と別表の24の項は同じ事務である」, 「…27の項と…48の項の対応関係」, 「…16の項及び…24の項は同一の事務」):
# the pair compares the numberings (not 「…16の項及び別表の24の項に基づく事務」, nor 「…に相当する事務」, a list of bases)
_LISTED_PAIR = compile_on_use(r"(?:[\s、，,・]|及び|並びに|および|ならびに|と)*")
_SAME_OR_CORRESPONDING = r"(?:同[\s]*じ|同[\s]*一|対[\s]*応|相[\s]*当|当[\s]*た|引[\s]*き?[\s]*継|移[\s]*行|一[\s]*致)"
_PAIR_PREDICATE = compile_on_use(rf"[\s]*(?:と[\s]*)?(?:[はがもの][\s]*)?[、，,]?[\s]*{_SAME_OR_CORRESPONDING}")
# …and an old table named after its successor, past some words, as what the successor corresponds to (「…別表の24の項は、
# 番号法別表第一の16の項に当たる」, 「…48の項は、…27の項を引き継いだ」, 「…48の項は…27の項から移行した」)
_BRACKET_OPENED = compile_on_use(r"[\s]*[（(][\s]*")
_SUCCESSOR_OF_PREDICATE = compile_on_use(
    rf"[\s]*(?:と|に|へ|を|から)?[\s]*(?:[はがも][\s]*)?[、，,]?[\s]*{_SAME_OR_CORRESPONDING}"
)


def _successor_named_after(ctx: _Context, c: Citation, plan: _Plan) -> Finding | None:
    """A finding when the sentence (cell, line) of the old table's rows ``c`` cites, after it and past some words, the very
    rows of the new table that its rows become (「番号法別表第二の27の項は、主務省令第2条の表の48の項に当たる」, 「…16の項に
    対応するのは、別表の24の項である」): the sentence compares the old numbering with the new, and the old side is cited on purpose (renamed, it
    would say that the new row is the new row); or when the two, in either order, are compared by a predicate of sameness or
    correspondence right after the later (「…16の項と別表の24の項は同じ事務である」, 「別表の24の項は、…16の項に当たる」); or None."""
    new_table = _SUCCESSOR_TABLE.get(c.table) if c.table is not None and c.kind is CitationKind.TABLE and not c.tables else None
    if new_table is None or not plan.new_rows:
        return None
    text = ctx.text
    hi = min(len(text), c.end + _SUCCESSOR_REACH)
    stop = _SENTENCE_OR_CELL_END.search(text, c.end, hi)
    hi = stop.start() if stop is not None else hi
    lo = max(0, c.start - _SUCCESSOR_REACH)
    after = text.find("表", c.end, hi) != -1  # (no table named after it in its sentence: most citations, a C-level find)
    if not after and text.find("表", lo, c.start) == -1:
        return None
    rows = sorted(str(r) for r in plan.new_rows)

    def successor(o: Citation | Finding) -> Citation | None:
        cited = o if isinstance(o, Citation) else o.citation
        if (
            isinstance(cited, Citation) and cited.kind is CitationKind.TABLE and cited.table is new_table
            and not cited.tables and sorted(str(r) for r in cited.rows) == rows
        ):
            return cited
        return None

    def kept(cited: Citation) -> Finding:
        return Finding(c.start, c.end, c.text, F.MARKED_OLD,
                       F.MARKED_OLD_CHANGE.format(words="".join(text[cited.start : cited.end].split())), citation=c)

    sources: tuple[Sequence[Citation | Finding], ...] = (ctx.citations, ctx.cited_findings)
    for found in sources if after else ():
        for i in range(bisect.bisect_left(found, c.end, key=_START), len(found)):  # (text order; not islice, which
            o = found[i]  # walks the list from its start)
            if o.start >= hi:
                break
            cited = successor(o)
            if cited is None:
                continue
            if _LISTED_BESIDE.fullmatch(text, c.end, cited.start) is None or (
                _LISTED_PAIR.fullmatch(text, c.end, cited.start) is not None and _PAIR_PREDICATE.match(text, cited.end)
            ):
                return kept(cited)
    pair = _PAIR_PREDICATE.match(text, c.end) is not None
    if not pair and _SUCCESSOR_OF_PREDICATE.match(text, c.end) is None:
        return None  # (most old tables with a table before them: no predicate of correspondence right after)
    for found in sources:
        for i in range(bisect.bisect_left(found, c.start, key=_START) - 1, -1, -1):  # (nearest first)
            o = found[i]
            if o.end <= lo:
                break
            if o.end > c.start:
                continue
            if _SENTENCE_OR_CELL_END.search(text, o.end, c.start) is not None:
                break
            cited = successor(o)
            if cited is None:
                continue
            if _LISTED_BESIDE.fullmatch(text, cited.end, c.start) is None or (
                pair and _LISTED_PAIR.fullmatch(text, cited.end, c.start) is not None
            ) or _BRACKET_OPENED.fullmatch(text, cited.end, c.start) is not None:
                # (…or opening a bracket right after it, a note of what it corresponds to: 「…48の項（…27の項に相当）」)
                return kept(cited)
    return None


# 「（以下「X」という。）」: a term defined for what a citation names, in its order number's bracket or right after it
# (in double quotes too, 「（以下“別表第二”という。）」, or unquoted before a verb of naming, 「（以下、別表第二という。）」, as laws.py reads them)
_TERM_DEFINED = compile_on_use(
    r"以[\s]*下[\s]*[、，,]?[\s]*(?:単[\s]*に[\s]*)?(?:[「『“\"](?P<term>[^「『」』“”\"（(]{1,30})[」』”\"]"
    r"|(?P<bare>[\u4e00-\u9fff\u30a1-\u30faA-Za-zＡ-Ｚａ-ｚ]{1,10})(?=[\s]*と[\s]*(?:いう|言う|称する|略(?:記)?す|記す|表記する|呼ぶ)))"
)
_DEFINITION_AFTER = compile_on_use(r"[ \t\u3000]*(?:\r?\n[ \t\u3000]*)?[（(][\s]*" + _TERM_DEFINED.pattern)  # not past a blank line


def _renames(c: Citation) -> bool:
    """Whether the citation names an old table (別表第一, 別表第二) by its own name."""
    return c.table_basis is not TableBasis.ANTECEDENT and any(t in _NEW_TABLE for t in (c.tables or (c.table,)))


def _defined_term(text: str, c: Citation) -> str | None:
    """The term a table's or title's citation defines (「…命令（平成26年…第7号。以下「主務省令」と
    いう。）」, 「番号法別表第一（以下「別表第一」という。）の16の項」), or None.

    Such a name is kept: renamed alone, it would change what the term means wherever the text uses
    it later, and what follows the bracket (「の16の項」, 「第20条」) is not read with it."""
    m = _DEFINITION_AFTER.match(text, c.end)
    if m is None and c.kind is CitationKind.ORDER_TITLE:
        number = c.part("order_number")
        m = _TERM_DEFINED.search(text, number.start, number.end) if number is not None else None
    return (m.group("term") or m.group("bare")) if m is not None else None


# the head of a definition, 「「法別表第二」とは、」 (the term in quotes), and the end of its body, 「…をいう」 (「をいい、」)
_WS_NO_BLANK = r"(?:[ \t\u3000\r]|\n(?![ \t\u3000\r]*\n))*"
_DEFINITION_HEAD = compile_on_use(
    rf"[「『](?P<term>[^「」『』\n]{{1,30}})[」』]{_WS_NO_BLANK}と{_WS_NO_BLANK}は(?!{_WS_NO_BLANK}[異違別])"
)
_DEFINITION_END = compile_on_use(rf"を{_WS_NO_BLANK}い{_WS_NO_BLANK}[うい]")
_DEFINITION_REACH = 200  # how far from the table its definition's head and end may stand
_SENTENCE_END = compile_on_use(r"。|\n[ \t\u3000\r]*\n")


def _definition_of(text: str, c: Citation) -> str | None:
    """The term whose definition holds the citation in its body (「「法別表第二」とは、番号法別表第二をいう。」: the head
    before the table, 「…をいう」 (「…をいい、」) in the same sentence after the head; or an item of a list of definitions,
    「(1)　法別表第二　番号法別表第二をいう。」), or None.

    A definition is the text of the instrument that makes it (an ordinance, a rule): it changes only by that instrument's
    own amendment, and its term (「法別表第二」) keeps naming the old table; a rewritten body would be a text no one enacted,
    and would change what the term means wherever it is used."""
    item = item_definition_at(text, c.start)  # 「(1)　法別表第二　番号法別表第二をいう。」: an item of a list of definitions
    if item is not None:
        term = "".join(text[item[0] : item[1]].split())
        return term if _instrument_definition(text, term, item[0]) else None
    lo = max(0, c.start - _DEFINITION_REACH)
    lo = max(lo, text.rfind("。", lo, c.start) + 1)
    at = text.rfind("」", lo, c.start)  # (most tables stand in no definition: a quoted term before them, C-level finds)
    if at == -1 and text.rfind("』", lo, c.start) == -1:
        return None
    hi = min(len(text), c.end + _DEFINITION_REACH)
    stop = _SENTENCE_END.search(text, c.end, hi)
    hi = stop.start() if stop is not None else hi
    if text.find("を", lo, hi) == -1:
        return None
    heads = list(_DEFINITION_HEAD.finditer(text, lo, c.start))
    head = heads[-1] if heads else None  # (the last head before the table)
    if head is None or _SENTENCE_END.search(text, head.end(), c.start) is not None:
        return None
    if _DEFINITION_END.search(text, head.end(), hi) is None:  # (its body ends before or after the table: 「…をいい、…に限る」)
        return None
    term = "".join(head.group("term").split())
    return term if _instrument_definition(text, term, head.start()) else None


# the words by which a document (not an instrument) says a definition is its own (「本評価書において」, 「この書において」)
_DOCUMENT_DEFINES = compile_on_use(r"(?:この|本)(?:評価書|書|計画書?|仕様書|手順書|報告書|資料)(?:において|で|に)")
# how far before a definition those words are looked for (an article's lead over its list of definitions)
_DOCUMENT_REACH = 400


def _instrument_definition(text: str, term: str, at: int) -> bool:
    """Whether the definition of ``term`` starting at ``at`` is kept as an instrument's text: always when its term names a
    table or an order (「法別表第二」, 「旧主務省令」: renamed, the body would make the term mean another thing), and otherwise
    unless the document says the definition is its own (「本評価書において「対象事務」とは、番号法別表第一の16の項に掲げる
    事務をいう」: the PIA's text, rewritten with it).  Who made a definition is not established otherwise: an ordinance's
    (「この条例において」, often quoted without it) changes only by its own amendment."""
    if "表" in term or "命令" in term or "省令" in term:
        return True
    return _DOCUMENT_DEFINES.search(text, max(0, at - _DOCUMENT_REACH), at) is None


# a citation written with a space after every character (text extracted from some PDFs)
_SPACED_OUT = compile_on_use(r"(?:\S([ \u3000]))(?:\S\1)+\S")


def _spaced_apart(text: str, c: Citation) -> bool:
    """Whether a spaced-out citation stands apart from its neighbours too (a space, a line break or the
    text's end on each side), as in a text spaced out throughout.  One glued to unspaced text
    (「…項別 表 第 二法…」) is written unspaced: spaced out there, its new name would not be read as
    one name with what is glued to it, and a second run would read the text around it differently."""
    return (c.start == 0 or text[c.start - 1].isspace()) and (c.end == len(text) or text[c.end].isspace())


def _spaced_edit(e: Edit, space: str) -> Edit:
    """``e`` with its new text spaced out by ``space``, as the text it replaces was (a space it
    replaced at either end stays there)."""
    chars = "".join(e.after.split())
    if not chars:
        return e
    after = space.join(chars)
    if e.before[:1].isspace():
        after = space + after
    if e.before[-1:].isspace():
        after += space
    return Edit(e.start, e.end, e.before, after, e.citation, e.evidence, e.reason, e.group)


# The table a renamed old table becomes
_NEW_TABLE = {Table.BEPPYO1: Table.BEPPYO, Table.BEPPYO2: Table.ORDER_TABLE}
_READ_BACK_REACH = 40  # characters after a citation that may change how its new text reads


class _Shifted(NamedTuple):
    """An edit moved to a citation's own text (for :func:`apply_edits`)."""

    start: int
    end: int
    before: str
    after: str


# what a table's name may go on into: 第 or a numeral, across whitespace (「別表第２項」, 「別表\n第2」)
_NAME_GOES_ON = compile_on_use(
    rf"[\s{INVISIBLE}]*[第0-9０-９〇一二三四五六七八九十百千]"
)


def _misread(ctx: _Context, c: Citation, plan: _Plan) -> Finding | None:
    """Every edit of a table citation must read back as the citation it means: its new text, with
    what follows it, is read by the finder again and must give the new table, the new rows, and
    end where the new text ends (「別表第一第２項」 → 「別表第２項」 would read as 別表第二).  A
    finding when it does not; None when it does, or when the citation is not one that reads alone
    (a list of tables, a range, 同表).

    Only one join in a citation's new text is new: the renamed table's name with what followed
    its old name (row numbers are replaced within the tokens the grammar read, and a token keeps
    its neighbours).  A name goes on only into 第 or a numeral, so the new text is read back when
    one of them follows the old name (across whitespace); elsewhere it cannot read differently.

    Of two tables, the second renamed 別表 (「別表第二及び第一」 → 「…及び別表」) with 第 or a numeral after it
    (「…及び第一\n第2条」 → 「…及び別表\n第2条」, 別表第二 on a second run) is a finding as it stands."""
    table2 = c.part("table2") if c.kind is CitationKind.TABLE and len(c.tables) > 1 else None
    if table2 is not None and c.tables[1] is Table.BEPPYO1 and _NAME_GOES_ON.match(ctx.text, table2.end) is not None:
        new = "".join(apply_edits(ctx.text[c.start : min(len(ctx.text), table2.end + 8)],
                                  [_Shifted(e.start - c.start, e.end - c.start, e.before, e.after)
                                   for e in plan.edits if c.start <= e.start and e.end <= table2.end]).split())
        return _finding(c, F.READS_DIFFERENTLY, new=new, reading="別の表（別表第一・別表第二など）の引用",
                        reading_en="a citation of another table (別表第一, 別表第二 …)")
    if (
        c.kind is not CitationKind.TABLE
        or c.table not in _NEW_TABLE
        or c.tables
        or c.ranges
        or c.table_basis is not TableBasis.WRITTEN
        or plan.new_rows is None
    ):
        return None
    name = c.part("ord") if c.table is Table.BEPPYO1 else c.part("table")
    if name is None or _NAME_GOES_ON.match(ctx.text, name.end) is None:
        return None
    text = ctx.text
    if any(e.start < c.start or e.end > c.end for e in plan.edits):
        return None
    own = [_Shifted(e.start - c.start, e.end - c.start, e.before, e.after) for e in plan.edits]
    new_citation = apply_edits(text[c.start : c.end], own)
    local = new_citation + text[c.end : passage_end(text, c.end, _READ_BACK_REACH)]
    read = read_table_citation(local, len(new_citation))
    expected = (_NEW_TABLE[c.table], plan.new_rows, len(new_citation))
    if read is not None and (read.table, read.rows, read.end) == expected:
        return None
    # the new text as far as it would be read (「番号法別表第2」 of 「番号法別表\n第2条」)
    new = "".join(local[: max(len(new_citation), read.end if read is not None else 0)].split())
    if read is None:
        return _finding(c, F.READS_DIFFERENTLY, new=new, reading="引用として読めない形",
                        reading_en="no citation")
    shown = "".join(read.text.split())
    rows = "、".join(str(r) for r in read.rows)
    table = read.table.value if read.table is not None else "?"
    return _finding(c, F.READS_DIFFERENTLY, new=new,
                    reading=f"「{shown}」（{table}{'の' + rows + 'の項' if rows else ''}）",
                    reading_en=f"{shown} ({table}{' row ' + rows if rows else ''})")


def _plan(ctx: _Context, c: Citation) -> _Plan:
    if c.kind is CitationKind.ORDER_REFS:
        if c.order is Order.OLD_USES:
            # the 別表第一 order's articles follow the table's rows; no mapping of them is established
            return _Plan(False, failures=tuple(_finding(c, F.ORDER_REF_UNKNOWN, ref=r.key()) for r in c.order_refs))
        if c.order is not Order.OLD_EXCHANGE:
            return _Plan(True)
        return _ref_plan(ctx, c)
    if c.kind is CitationKind.ORDER_TITLE:
        return _title_plan(ctx, c)
    table = c.table
    if c.rows and c.text.endswith("項") and ctx.text.startswith("目", c.end):
        # 「別表第一の27項目」: 項目 is the word "item(s)", so 27 may be a count, not a row
        return _Plan(False, failures=(_finding(c, F.ROW_WORD, found=c.text + "目"),))
    if table is Table.BEPPYO and not c.tables and ctx.as_of is not None and ctx.as_of < EFFECTIVE_DATE:
        # a text dated before 2024-05-27 cannot mean the new 別表: the act then had 別表第一 and 第二
        return _Plan(False, failures=(_finding(c, F.TABLE_AMBIGUOUS, date=ctx.as_of.isoformat()),))
    if table is Table.BEPPYO and c.rows and _ordinal_or_row(ctx.text, c):
        # 「別表２・27の項」, 「別表2の27の項」: the 2 may be the table's (別表第二) or the first row's (別表の2の項)
        return _Plan(False, failures=(_finding(c, F.TABLE_OR_ROW, found=_excerpt(c.text)),))
    if table in (Table.BEPPYO, Table.ORDER_TABLE) and not c.tables:
        failures = tuple(
            _finding(c, F.ROW_NOT_IN_TABLE, table=table.value, row=r)
            for r in c.rows
            if not ctx.mappings.new_row_exists(table, r)
        )
        return _Plan(True, notes=failures)
    if table is None:
        return _Plan(True)
    mismatch = _own_provision_mismatch(c)
    if mismatch is not None:
        t, owner, provision = mismatch
        return _Plan(False, failures=(_finding(c, F.PROVISION_MISMATCH, table=t.value, owner=owner, provision=provision),))
    edits: list[Edit] = []
    notes: tuple[Finding, ...] = ()
    inferred = False
    new_rows: tuple[RowNumber, ...] = ()
    if c.rows and len(set(c.tables)) > 1 and c.table_basis is not TableBasis.ANTECEDENT:
        # 「別表第一及び第二の27の項」: the row of one table or of both? Each numbers its rows apart
        return _Plan(False, failures=(_finding(c, F.ROWS_OF_TABLES, found=_excerpt(c.text)),))
    if c.rows:
        mapped = _map_rows(ctx, c, table)
        if not mapped.ok:
            return _Plan(False, failures=mapped.failures, inferred=mapped.inferred)
        notes = mapped.notes
        inferred = mapped.inferred
        evidence = ctx.evidence_of(mapped.outcomes)
        new_rows = _rows_as_written(table, mapped)
        edits.extend(_row_edits(ctx, c, table, mapped, evidence))
        if c.kind is CitationKind.TABLE:
            edits.extend(_table_edits(ctx, c, evidence, new_rows))
    elif c.kind is CitationKind.TABLE:
        dangling = _KOU_AFTER.match(ctx.text, c.end)
        if dangling is not None:  # 「別表第2項」: the 2 may be the table's (別表第二) or the row's (別表の2の項)
            return _Plan(False, failures=(_finding(c, F.TABLE_OR_ROW, found=c.text + dangling.group(0).strip()),))
        edits.extend(_table_edits(ctx, c))
    return _Plan(True, tuple(edits), notes=notes, inferred=inferred, new_rows=new_rows)


# the figure of one of the old tables' ordinals, 1 or 2, and no more figures
_ORDINAL_FIGURE = compile_on_use(r"[12１２一二](?![0-9０-９〇一二三四五六七八九十百千])")


def _ordinal_or_row(text: str, c: Citation) -> bool:
    """Whether the first row of the new 別表 ``c`` is written right after the word 別表 as a figure of the old tables'
    ordinals (「別表２・27の項」, 「別表2の27の項」, 「別表二の項」): the table's number with 第 left out, or a row."""
    name, rows = c.part("table"), c.parts_of("row")
    return name is not None and bool(rows) and rows[0].start == name.end and _ORDINAL_FIGURE.match(text, name.end) is not None


# 項 right after a table's name, not 項番 with its number (「別表第二項番27」) nor 項目 (a word)
_KOU_AFTER = compile_on_use(
    rf"[\s{INVISIBLE}]*項"
    r"(?![\s]*(?:目|番[\s]*[：:]?[\s]*[0-9０-９〇一二三四五六七八九十百千]))"
)


# ------------------------------------------------------------------------- whole edits only
#
# The one invariant every edit plan passes (plan_citation): a name is changed only when everything that
# reads as a row reference after it, up to the end of its clause, belongs to a citation the grammar
# read — this one, its dependent lists, or another citation.  Otherwise the new name would stand over
# an old number (「別表第一、16項」 → 「別表、16項」), so the citation and its group stay as written.
# A row written with 項 (「27の項」, 「項番：27」) counts further: past the clause, up to the next table named.

_N = r"(?:[0-9０-９]+|[〇一二三四五六七八九十百千]+)"
# a number in numerals no citation is read with (「㉗」, 「⑵」, 「Ⅱ」, 「𝟐𝟕」): counted as a row where a number is, never mapped
_OTHER_N = rf"(?:[{OTHER_NUMERAL_CHARS}]|(?![0-9０-９])\d)+"
_ROW_FIGURES = _FIGURES + OTHER_NUMERAL_CHARS + r"\d"  # (a character class's contents: what such a number begins with)
_ROW_FIGURE = compile_on_use(f"[{_ROW_FIGURES}]")
_GAP = rf"[ \t\u3000{INVISIBLE}]*"  # on the same line
_ANY_GAP = rf"[\s{INVISIBLE}]*"  # across line breaks
_BREAK = rf"{_GAP}(?:(?:\r\n?|\n){_GAP})?"  # on the same line, or over one line break (a PDF's: never a blank line)


def _leading(first: str, pattern: str) -> re.Pattern[str]:
    """``pattern``, whose every match begins with one of the characters ``first`` (a character class's
    contents), compiled behind a lookahead of them: the same matches, but the engine passes every other
    place at once instead of trying each branch (and its lookbehinds) there."""
    return compile_shared(rf"(?=[{first}])(?:{pattern})")


# right after it, within a few characters of glue (punctuation, particles, 「のうち」, 「中」, 「に定める」 …)
# and line breaks (PDF text breaks lines anywhere, never a blank line): a number, unless it belongs
# to the word written right before it (「提供先２」), counts or dates something (「27市町村」, 「2つ」,
# 「2024年」), is a column (「（第一欄が…」), or numbers the item that starts its line (「\n５．」, 「\n1)」)
_COUNTERS = "年|月|日|時|分|秒|歳|円|件|人|名|回|個|者|市|町|村|都|道|府|県|つ|ヶ|か所|カ所|箇所|%|％|欄|倍|割"
# a number in kanji, not a word made with one digit (同一, 唯一, 一部, 二段落目 …)
_KANJI_NUMBER = (
    r"(?<![同統唯単均逐択画随専万])(?:[〇一二三四五六七八九十百千]{2,}|[〇一二三四五六七八九十百千](?!(?!項)[\u4e00-\u9fff]))"
)
# (a line break counts as one with the indentation after it, however wide: PDF text extracted with -layout indents a
# cell's continuation lines, 「…別表第二の\n<33 spaces>1」)
_GLUE = r"(?:[^\r\n。表0-9０-９〇一二三四五六七八九十百千]|\r?\n(?![ \t\u3000\r]*\n)[ \t\u3000]*+)"  # never a blank line
_NUMBER_RIGHT_AFTER = compile_on_use(
    rf"{_GLUE}{{0,16}}?(?P<n>(?<![A-Za-zＡ-Ｚａ-ｚ_0-9０-９])[0-9０-９]+"
    rf"|{_KANJI_NUMBER})"
    # (a counter right after the number: 「27市町村」 counts; 「27　市町村長」 is a row and its 情報照会者)
    rf"(?![0-9０-９〇一二三四五六七八九十百千]|(?:{_COUNTERS}))"
)
# …and past a note in brackets right after it (「別表第二（情報照会者：…、情報提供者：…）の27」), looked at as well
# (not instead: which number is found first must not depend on what the text after the note reads)
_NUMBER_AFTER_NOTE = compile_on_use(rf"{_GAP}[（(][^（）()\n]{{1,60}}[）)]" + _NUMBER_RIGHT_AFTER.pattern)
# right after it on its line, maybe after の or an opening bracket: a number in numerals no citation is read with
# (「別表第二㉗」, 「別表第二の⑯」, 「別表第二\t㉗」), unless a word follows it (「①住民票関係情報」: an item's mark)
_OTHER_NUMBER_RIGHT_AFTER = compile_on_use(
    rf"{_GAP}(?:の{_GAP}|[（(]{_GAP})?(?P<n>{_OTHER_N})(?![\u4e00-\u9fff\u30a1-\u30faー])"
)
_ARTICLE_AFTER = compile_on_use(rf"{_GAP}条")
# 条 and 第 right before a number: 「同条第2項」, 「第9条第2項」 (the paragraph or item of an article)
_OF_ARTICLE_BEFORE = compile_on_use(rf"条{_GAP}第{_GAP}\Z")
_WORD_CHAR = compile_on_use(r"[\u4e00-\u9fff\u30a1-\u30faー]")
# what follows an item's number starting a line (「\n５．特定個人情報」, 「\n（２）照会」): 「．」 or a closing bracket and then,
# on its line, words; a number alone on its line (「\n(27)\n(28)」, 「\n２７．」) or before another number is a row, as in a cell
_ITEM_NUMBER = compile_on_use(
    rf"{_GAP}(?:[．.]|[）)](?!{_GAP}の))(?={_GAP}[^\s0-9０-９〇一二三四五六七八九十（(［\[【〔<＜{INVISIBLE}])"
)
# right after it, across line breaks and blank lines: a number written as a row (「別表第一\n\n16の項」)
_ROW_RIGHT_AFTER = compile_on_use(
    rf"{_ANY_GAP}(?:の|第)?{_ANY_GAP}(?:項番)?{_ANY_GAP}(?P<n>{_N}|{_OTHER_N}){_ANY_GAP}(?:の{_ANY_GAP})?項(?!目)"
)
# A row written with 項, in three forms: 16の項 / 16項 / (27)の項 (a), 項番16 (b: also 項番号16, 項の番号16 (not 事項・条項・前項の番号) and labelled,
# 「【項番】16」, 「項番：16」, 「項番は、16」, 「項番（16、17）」, or 項 as a word of its own or after 当該/該当, 「該当する項：16」,
# 「項は16」, 「当該項は16」, not 事項 or 第1項, nor a count 「項は2つ」), 第16項 not after 条, or 第16の項 anywhere: an article's
# paragraph is never written with の (c).
# Inside the reference a PDF line break may fall anywhere (「16の\n項」, 「第16\n項」, 「項番\n16」), as the finder reads
# it in a citation: never a blank line.
# (a number that starts after 第 is 第N項, the third form, or a paragraph 「第9条第1項」; one that starts
# after a digit is the tail of a longer number)
def _rows_with_ko(kou: str) -> str:
    return (
        rf"(?<![第0-9０-９〇一二三四五六七八九十百千])(?<!第[ \t\u3000])"
        rf"(?P<a>[0-9０-９]+|{_KANJI_NUMBER}|{_OTHER_N})(?:{_BREAK}の{_BREAK}{_N})*{_BREAK}[）)]?{_BREAK}(?:の{_BREAK})?{kou}"
        rf"|(?:(?:項{_BREAK}番{_BREAK}(?:号{_BREAK})?|(?<![事条要款前次])項{_BREAK}の{_BREAK}番{_BREAK}号{_BREAK})[】］\]]?{_BREAK}(?:は{_BREAK}[、，,]|[：:は（(])?"
        rf"|(?:(?<![\u4e00-\u9fff0-9０-９])|(?<=当該)|(?<=該当))項{_BREAK}(?:は{_BREAK}[、，,]|[：:は])"
        rf"(?!{_BREAK}{_N}{_BREAK}(?:{_COUNTERS})))"
        rf"{_BREAK}(?P<b>{_N}|{_OTHER_N})"
        rf"|(?<![0-9０-９〇一二三四五六七八九十百千])"
        rf"(?:(?<!条)(?<!条[ \t\u3000\n])(?<!条\r\n)|(?=第{_BREAK}{_N}(?:{_BREAK}の{_BREAK}{_N})*{_BREAK}[）)]?{_BREAK}の{_BREAK}項))"
        rf"第{_BREAK}(?P<c>{_N}|{_OTHER_N})(?:{_BREAK}の{_BREAK}{_N})*{_BREAK}[）)]?{_BREAK}(?:の{_BREAK})?項"
    )


# anywhere in its clause: a row written with 項 (27項目 too — 項目 may be a row), or a list of numbers
# (「（25、26、…」): rows, unless they are dates, articles or items
_ROW_IN_CLAUSE = _leading(
    _ROW_FIGURES + "項第",
    _rows_with_ko("項")
    + rf"|(?<![\u4e00-\u9fff0-9０-９])(?P<d>{_N}|{_OTHER_N}){_GAP}[、，,・･]{_GAP}(?:{_N}|{_OTHER_N})"
    rf"(?![0-9０-９〇一二三四五六七八九十百千]|{_GAP}[年月日条号])"
)


def _number_start(m: re.Match[str]) -> int:
    """Where the number of a row reference matched by :data:`_ROW_IN_CLAUSE` or :data:`_ROW_WITH_KO` starts: each
    form holds its number in one named group (a, b, c, d) and no other group, so the last group matched is it."""
    assert m.lastgroup is not None
    return m.start(m.lastgroup)


# in its clause: a row named by its place in the table or next to a row (「次の項」, 「前項」, 「その次の項」, 「直前の項」,
# 「より後の項」, 「一つ上の項」, 「最後の項」): the new table's rows stand in another order, so the name is not renamed over it (not 「事項」, 「項目」)
_RELATIVE_ROW = compile_on_use(
    rf"(?:(?<![以目])(?:次|前|後)|直前|直後|最後|最初|末尾|先頭|最終|[一1１]つ{_GAP}(?:前|後|次|上|下)){_GAP}(?:の{_GAP})?項(?![\s]*目)"
    rf"|(?:に{_GAP}続く|に{_GAP}次ぐ){_GAP}項(?![\s]*目)"
)
# past its clause (across 「。」 and blank lines) up to the next table named, and before the name in its
# clause: only a row written with 項, never 項目 (a bare number there is not read as a row)
_ROW_WITH_KO = _leading(_ROW_FIGURES + "項第", _rows_with_ko(rf"項(?!{_GAP}目)"))
# after an order's title, anywhere in its clause: a reference into the order (「１条２号」, not 「第19条」)
_ORDER_REF_IN_CLAUSE = _leading(_FIGURES, rf"(?<![第0-9０-９〇一二三四五六七八九十百千]){_N}{_GAP}条")
# a clause ends at 「。」, a blank line, or the next table named (its numbers are its own): 別表, 同表, 第2条の表 —
# not the document's own 「下記の表」, whose rows may be the ones the name is read with
_NEXT_TABLE = compile_on_use(r"別[\s]*表|同[\s]*表|条[\s]*の[\s]*表")
_BLANK_OR_TABLE = compile_on_use(r"\n[ \t\u3000\r]*\n|" + _NEXT_TABLE.pattern)
_CLAUSE_END = compile_on_use("。|" + _BLANK_OR_TABLE.pattern)
_CLAUSE_REACH = 300


def _excerpt(text: str, limit: int = 30) -> str:
    """A citation's text for a message: on one line, cut with 「…」 (never mid-list without a mark,
    which would show 「…、21、2」 for 「…、21、23、…」)."""
    s = text.replace("\r", "").replace("\n", "")
    return s if len(s) <= limit else s[: limit - 1] + "…"


def _starts_line(text: str, pos: int) -> bool:
    j = pos
    while j > 0 and text[j - 1] in " \t\u3000":
        j -= 1
    return j > 0 and text[j - 1] == "\n"


def _in_citation(citations: Sequence[Citation], pos: int) -> bool:
    """Whether ``pos`` lies inside one of ``citations`` (in text order)."""
    k = bisect.bisect_right([c.start for c in citations], pos) - 1
    return k >= 0 and citations[k].start <= pos < citations[k].end


def _starts_item(text: str, pos: int) -> bool:
    """Whether the number at ``pos`` starts its line, maybe after an opening bracket (「\n５．」, 「\n（２）」)."""
    return _starts_line(text, pos) or (pos > 0 and text[pos - 1] in "（(" and _starts_line(text, pos - 1))


# an item number at the start of a line: its bracket, number and separator (「２　」, 「【２】」, 「[2] 」, 「2、」)
_LINE_ITEM = compile_on_use(
    r"[ \t\u3000]*(?P<open>[\[［【〔＜<（(]?)[ \t\u3000]*(?P<n>[0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})"
    r"(?P<close>[\]］】〕＞>）)]?)(?P<sep>[ \t\u3000、．.]?)"
)


def _continues_numbering(text: str, n: int) -> bool:
    """Whether the number at ``n`` starts its line as the next item of a numbered list the line before begins
    (「１　番号法別表第一の16の項\n２　住民基本台帳法第7条」): the same bracket and separator, and the number
    one more.  Such a number is the list's, not a row of the table before it."""
    start = text.rfind("\n", 0, n) + 1
    m = _LINE_ITEM.match(text, start)
    if m is None or m.start("n") != n or not (m.group("close") or m.group("sep")) or start < 2:
        return False
    above = text.rfind("\n", 0, start - 1) + 1
    k = _LINE_ITEM.match(text, above)
    if k is None or (k.group("open"), k.group("close"), k.group("sep")) != (m.group("open"), m.group("close"), m.group("sep")):
        return False
    try:
        return parse_int(k.group("n")) + 1 == parse_int(m.group("n"))
    except NumeralError:  # (「一三　番号法別表第二\n二　」: kanji that are no numeral number no list)
        return False


# a table's name whose の ends its paragraph (a blank line or a page's form feed after it): what it named was cut
# off by a page or a column (PDF text: 「番号法別表第二の\n\n2/3\n\f評価書\n1、2、3の項」)
_CUT_AFTER_NO = compile_on_use(r"[ \t\u3000]*の[ \t\u3000]*(?:\f|\r?\n[ \t\u3000\r]*[\n\f])")


def _unread_after(ctx: _Context, c: Citation, report: Citation | None = None) -> Finding | None:
    """The first thing after ``c`` that reads as a row reference and no citation holds, as a finding:
    in its clause any row reference; past the clause, up to the next table named, one written with 項.
    After an old table, an old order's article in its clause counts too (「主務省令第20条」, 「（２７条１号）」,
    「２７条１号ハ」: :data:`_BARE_ORDER_ARTICLE`, :func:`_unnamed_order_refs`).  The finding is ``report``'s
    when given (a citation before ``c`` that the number keeps too)."""
    text = ctx.text
    if c.kind is CitationKind.TABLE and not c.rows and _CUT_AFTER_NO.match(text, c.end):
        # 「番号法別表第二の」 ending its paragraph: its rows may be anywhere past the page's footer and header
        return _finding(report or c, F.MALFORMED)
    candidates: list[tuple[int, int]] = []
    for m in (_NUMBER_RIGHT_AFTER.match(text, c.end), _NUMBER_AFTER_NOTE.match(text, c.end)):
        if m is None or (_starts_item(text, m.start("n")) and _ITEM_NUMBER.match(text, m.end())):
            continue
        if text[m.start("n") - 1] not in "の第" and _continues_numbering(text, m.start("n")):
            continue  # 「１　番号法別表第一の16の項\n２　住民基本台帳法第7条」: the next item of a numbered list
        n = m.start("n")
        before = text[n - 1] if n > c.end else ""
        if before and _WORD_CHAR.match(before) and before not in "第番中内項" and text[n - 2 : n] not in ("項目", "番号"):
            pass  # 「提供先２」: the word's own number (not 「の項２７」, 「の項目２７」 nor 「の項番号２７」, a row after 項 or 番号)
        elif c.kind in (CitationKind.TABLE, CitationKind.ROW_LIST) and _ARTICLE_AFTER.match(text, m.end()):
            pass  # 「…及び地方税法第22条」: an article of a law, never a row (after an order's title it is one)
        elif _OF_ARTICLE_BEFORE.search(text, max(0, n - 8), n):
            pass  # 「…の16の項及び同条第2項」: a paragraph or item of an article, never a row (as _rows_with_ko's 第N項)
        else:
            candidates.append((n, m.end()))
    for m in (_ROW_RIGHT_AFTER.match(text, c.end), _OTHER_NUMBER_RIGHT_AFTER.match(text, c.end)):
        if m is not None:
            candidates.append((m.start("n"), m.end()))
    reach = min(len(text), c.end + _CLAUSE_REACH)
    # a note in the bracket right after it names the table again (「…命令\n（別表第二における情報提供の根拠）」):
    # the clause goes on past it
    note = _TABLE_NOTE_AFTER.match(text, c.end)
    stop = _CLAUSE_END.search(text, note.end() if note is not None else c.end, reach)
    end = stop.start() if stop is not None else reach
    # every reference looked for in the clause holds a figure: a clause without one (in a dense text most
    # end right after the citation) is not searched
    figured = _ROW_FIGURE.search(text, c.end, end) is not None
    for m in _ROW_IN_CLAUSE.finditer(text, c.end, end) if figured else ():
        candidates.append((_number_start(m), m.end()))
    if text.find("項", c.end, end) != -1:  # 「…27の項の次の項」: a row named by its place, which the new numbering moves
        candidates.extend((m.start(), m.end()) for m in _RELATIVE_ROW.finditer(text, c.end, end))
    if stop is not None and not _NEXT_TABLE.match(text, stop.start()):  # 「…別表第二に基づく。\n項番：27」
        table = _NEXT_TABLE.search(text, end, reach)
        limit = table.start() if table is not None else reach
        candidates.extend((n, stop_at) for n, _, stop_at in _rows_at_unread_kou(ctx, end, limit))
    old = c.table in OLD_TABLES or any(t in OLD_TABLES for t in c.tables)
    if c.kind is CitationKind.TABLE and old and figured:
        # 「別表第二の27の項及び主務省令第20条」, 「別表第一の16の項、主務省令第16条」: an article of the order
        # named only 「主務省令」 is the old table's order's, numbered by the old rows; the new name would
        # stand over it
        candidates.extend(
            (m.start("n"), m.end())
            for m in _BARE_ORDER_ARTICLE.finditer(text, c.end, end)
            if not _same_order_is_other(ctx, m.start(), c.end)
        )
    if c.kind in (CitationKind.TABLE, CitationKind.ROW_LIST) and old:
        # 「別表第二の27の項（２７条１号）」, 「別表第二の27の項：２７条１号ハ」: the old order's references
        # written without its name (:func:`_unnamed_order_refs`)
        candidates.extend(_unnamed_order_refs(ctx, c, c.end, end))
    if c.kind is CitationKind.ORDER_TITLE:  # after an order's title, its references: 「（８３条２号の２）」
        candidates.extend((m.start(), m.end()) for m in (_ORDER_REF_IN_CLAUSE.finditer(text, c.end, end) if figured else ()))
        m = _ARTICLE_RIGHT_AFTER.match(text, c.end)
        if m is not None and not _in_citation(ctx.citations, m.start("n")):
            # 「…命令第20条　別表第二…」: an article of it that no citation holds (its list did not take it, and
            # 「第20条　別表第二」 read as a table with a provision is another's), renamed over
            return _finding(c, F.NUMBER_AFTER, following="".join(m.group(0).split()))
        m = _ARTICLE_TABLE_AFTER.match(text, c.end)
        if m is not None:  # 「別表第二主務省令第２条の表」: a table the old order does not have
            candidates.append((m.start("n"), m.end()))
    for start, stop_at in sorted(candidates):
        # (a list that hangs on no table counts, as one before the name does: 「番号法別表第一の16の項番号法（27、28の項）」)
        if not ctx.covered(start) or _in_orphan(ctx, start):
            owner = report or c
            following = "".join(text[owner.end : stop_at].split())
            following = following if len(following) <= 40 else "…" + following[-39:]
            return _finding(owner, F.NUMBER_AFTER, following=following)
    return None


def _in_orphan(ctx: _Context, pos: int) -> bool:
    """Whether ``pos`` lies in a row list that hangs on no table (no-antecedent): reported, never renumbered."""
    k = bisect.bisect_right(ctx.orphans, pos, key=_START) - 1
    return k >= 0 and ctx.orphans[k].start <= pos < ctx.orphans[k].end


_BLANK_LINE = compile_on_use(r"\n[ \t\u3000\r]*\n")  # (a blank line never joins two tables)
# two tables joined as one list (「別表第一及び別表第二」, 「別表第一、別表第二」)
_TABLES_JOINED = compile_on_use(rf"{_ANY_GAP}(?:及{_ANY_GAP}び|並{_ANY_GAP}び{_ANY_GAP}に|又{_ANY_GAP}は|と|[、，,・／/]){_ANY_GAP}")


def _unread_after_joined_table(ctx: _Context, c: Citation) -> Finding | None:
    """After an old table named without rows and joined to another named next without rows (「別表第一及び別表第二：
    27の項」, 「別表第一、別表第二\n27」), a number after the second that no citation read, as a finding for the
    first: it may be a row of either table, as rows after 「別表第一及び第二」 are, so the first is kept with the
    second (renamed alone, 「別表及び別表第二：27の項」 would leave an old row beside the new 別表)."""
    if c.kind is not CitationKind.TABLE or c.rows or c.tables or c.table_basis is TableBasis.ANTECEDENT:
        return None
    if c.table not in OLD_TABLES:
        return None
    i = bisect.bisect_left(ctx.citations, c.end, key=lambda o: o.start)
    if i == len(ctx.citations):
        return None
    o = ctx.citations[i]
    if (
        o.kind is not CitationKind.TABLE or o.rows or o.tables or o.table_basis is TableBasis.ANTECEDENT
        or o.table not in OLD_TABLES or o.table is c.table
    ):
        return None
    joined = _TABLES_JOINED.match(ctx.text, c.end)
    start = o.part("law") or o.part("table")
    if joined is None or start is None or joined.end() != start.start or _BLANK_LINE.search(joined.group()):
        return None
    return _unread_after(ctx, o, report=c) or _rows_named_apart(ctx, o, report=c)


# (however long: a rewrite inside the bracket changes its length, never whether it names a table)
_TABLE_NOTE_AFTER = compile_on_use(r"[\s]*[（(][^（）()\n]*?(?:別[\s]*表|同[\s]*表|条[\s]*の[\s]*表)[^（）()\n]*[）)]")
# 「主務省令第20条」 not named as the new order (「…第19条第8号に基づく主務省令第50条」; 「…27の項に基づく主務省令
# 第20条」 is the old one's), and so an order named by nothing but a bare word, 「省令第20条」, 「命令第20条」, 「同省令
# 第20条」, 「同令第20条」 (after an old table, the order it has; 同省令 and the like would take the new name's
# 主務省令 for theirs): not the end of an instrument's own name (「総務省令」, 「番号法省令」, a name's character
# right before it) nor the new order (「…第19条第8号に基づく命令」, 「…の提供に関する命令」)
# (a bracket may give the old order's number: 「主務省令（平成26年内閣府・総務省令第7号）第20条」)
_OLD_ORDER_NUMBER_BRACKET = rf"(?:[（(]{_GAP}平{_GAP}成[^（）()\n]{{1,40}}[）)]{_GAP})?"
_NAME_CHAR = "\u3005\u3006\u4e00-\u9fff\u30a1-\u30fa\u30fc0-9０-９A-Za-zＡ-Ｚａ-ｚ"
_BARE_ORDER_ARTICLE = _leading(
    "主同省命",
    rf"(?:主(?<!号に基づく主)(?<!号に基づく[ \t\u3000]主){_GAP}務{_GAP}省{_GAP}令"
    rf"|(?<![{_NAME_CHAR}])(?:同{_GAP}(?:省{_GAP}|命{_GAP})?令|省{_GAP}令|(?<!号に基づく)(?<!提供に関する)命{_GAP}令))"
    rf"{_GAP}{_OLD_ORDER_NUMBER_BRACKET}(?:の{_GAP})?(?:第{_GAP})?(?P<n>{_N}){_GAP}条"
)
# the last character of an order's or a rule's name (「番号法施行令」, 「住民基本台帳法施行規則」, 「総務省令」)
_INSTRUMENT_LAST = compile_on_use("[令則]")


def _same_order_is_other(ctx: _Context, at: int, lo: int) -> bool:
    """Whether the bare order word at ``at`` is 同令, 同省令 or 同命令 standing for another order or rule named
    between ``lo`` and it (「番号法別表第二の27の項、番号法施行令第20条及び同令第22条」: 同令 is the 施行令), not
    for an order of the act's tables."""
    text = ctx.text
    if text[at] != "同":
        return False
    laws = ctx.laws()
    for m in _INSTRUMENT_LAST.finditer(text, lo, at):
        e = laws.expression_ending_at(m.end())
        if e is not None and e.kind is LawKind.OTHER and not laws.order_name_ends_at(m.end()):
            return True
    return False


# right after 同表: its order's article (「同表主務省令第20条」, 「同表の主務省令で定める事務を定める命令第16条」),
# also joined by a phrase (「同表に係る主務省令第20条」, 「同表に基づく…」, 「同表に規定する…」)
_OF_TABLE = "|".join(_GAP.join(w) for w in ("係る", "基づく", "規定する", "定める", "関する", "掲げる"))
_ORDER_ARTICLE_AFTER = compile_on_use(
    rf"{_ANY_GAP}(?:の{_ANY_GAP}|に{_GAP}(?:{_OF_TABLE}){_ANY_GAP})?{ORDER_TAIL}{_GAP}{_OLD_ORDER_NUMBER_BRACKET}(?:第{_GAP})?(?P<n>{_N}){_GAP}条"
)
_ARTICLE_RIGHT_AFTER = compile_on_use(rf"{_GAP}第{_GAP}(?P<n>{_N}){_GAP}条")
_ARTICLE_TABLE_AFTER = compile_on_use(rf"{_GAP}第{_GAP}(?P<n>{_N}){_GAP}条{_GAP}の{_GAP}表")


# A reference into an old table's order written without the order's name (「２７条１号ハ」; the order's articles
# follow the old rows): in a bracket right after the table's citation, an article with no law's name before it
# (「別表第二の27の項（２７条１号）」, 「（第２７条第１号）」), and anywhere in the table's clause, after or before
# it, the short form 「N条N号」 with no 第 and no law's name before it (「：２７条１号ハ」, 「２７条１号ハ（別表第二
# …）」).  Never the act's own article that the table belongs to (「別表第二（第19条第8号）」) nor a law's
# (「地方税法22条1号」, 「住民基本台帳法第30条の9」).
_ARTICLE_IN_BRACKET_AFTER = compile_on_use(rf"{_GAP}[（(]{_GAP}(?:第{_GAP})?(?P<n>{_N}){_GAP}条")
_SHORT_ORDER_REF = _leading(
    _FIGURES,
    rf"(?<![第0-9０-９〇一二三四五六七八九十百千])(?<!第[ \t\u3000])(?P<n>{_N}){_GAP}条(?:{_GAP}の{_GAP}{_N})*{_GAP}{_N}{_GAP}号"
)
_TABLES_ARTICLE = {Table.BEPPYO1: 9, Table.BEPPYO2: 19}  # (第9条第1項, 第19条第7号・第8号)


def _unnamed_order_refs(ctx: _Context, c: Citation, lo: int, hi: int) -> list[tuple[int, int]]:
    """The old order's references written without its name (see :data:`_SHORT_ORDER_REF`) in [lo, hi), the
    clause after or before ``c``, as (where the number is, where the reference ends)."""
    text = ctx.text

    def unnamed(m: re.Match[str]) -> bool:
        n = m.start("n")
        k = n
        while k > lo and text[k - 1] in _SPACES:
            k -= 1
        try:  # (the citation's own articles, looked up only for a reference found: most clauses have none)
            if parse_int(m.group("n")) in {_TABLES_ARTICLE[t] for t in (c.tables or (c.table,)) if t in _TABLES_ARTICLE}:
                return False
        except NumeralError:  # (「十十条」: not a numeral, but read as one by a reader all the same)
            pass
        return ctx.laws().expression_ending_at(k) is None

    found = []
    if lo == c.end:
        m = _ARTICLE_IN_BRACKET_AFTER.match(text, lo)
        if m is not None and unnamed(m):
            found.append((m.start("n"), m.end()))
    first = _unread_from(ctx, "条", lo, hi)
    if first != -1:
        found.extend((m.start("n"), m.end()) for m in _SHORT_ORDER_REF.finditer(text, first, hi) if unnamed(m))
    return found


# how far before its 項 (or 条) a reference begins, at most: 「３６の２）の項」, 「２　条」 (spaced)
_BACK_TO_NUMBER = 32


# an article's paragraph and the conjunction after it (「第9条第1項及び」, 「第9条第1項、第2項、」): a 第N項 after
# them goes on the article's list of paragraphs, not a row
_PARAGRAPH_AND = rf"(?:及{_GAP}び|並{_GAP}び{_GAP}に|又{_GAP}は|若{_GAP}し{_GAP}く{_GAP}は|[、，,・])"
_PARAGRAPHS_BEFORE = compile_on_use(
    rf"条{_GAP}第{_GAP}{_N}{_GAP}項(?:{_GAP}{_PARAGRAPH_AND}{_GAP}第{_GAP}{_N}{_GAP}項)*{_GAP}{_PARAGRAPH_AND}{_GAP}\Z"
)


def _rows_at_unread_kou(ctx: _Context, lo: int, hi: int) -> list[tuple[int, int, int]]:
    """The rows written with 項 in [lo, hi) whose 項 stands outside every citation, as (where the number
    is, where the reference begins, where it ends): read around each such 項 only, not across the whole window (a
    reference that no citation holds has its 項 outside them; in a dense text most 項 are theirs)."""
    text, marks = ctx.text, ctx.unread_places("項")
    found: list[tuple[int, int, int]] = []
    i = bisect.bisect_left(marks, lo)
    after = lo  # (each reference once)
    while i < len(marks) and marks[i] < hi:
        p = marks[i]
        for m in _ROW_WITH_KO.finditer(text, max(after, p - _BACK_TO_NUMBER), min(hi, p + _BACK_TO_NUMBER)):
            if m.group("c") and _PARAGRAPHS_BEFORE.search(text, max(0, m.start() - 80), m.start()):
                continue  # 「第9条第1項及び第2項」: a paragraph of the article, as its first one is
            if m.start() <= p < m.end():
                found.append((_number_start(m), m.start(), m.end()))
                after = m.end()
        i += 1
    return found


def _unread_from(ctx: _Context, ch: str, lo: int, hi: int) -> int:
    """Where in [lo, hi) a reference that no citation holds may begin, judged by its ``ch`` (項, 条), or
    -1: such a reference has its 項 outside every citation too (no citation begins with 項), so the row
    searches run only from a little before the first such 項 (in a dense text most 項 are the
    citations' own)."""
    first = ctx.unread_between(ch, lo, hi)
    return -1 if first == -1 else max(lo, first - _BACK_TO_NUMBER)


def _clause_start(text: str, pos: int) -> int:
    """Where the clause that ``pos`` stands in begins, looking back at most :data:`_CLAUSE_REACH`
    characters: after 「。」, a blank line, or the last table named (別表, 同表, 第N条の表)."""
    lo = max(0, pos - _CLAUSE_REACH)
    start = text.rfind("。", lo, pos) + 1 or lo
    start = max(start, lo)
    for m in _BLANK_OR_TABLE.finditer(text, start, pos):
        start = m.end()
    return start



# an article written right before a bracket (「第20条第1号ロ（…」)
_ARTICLE_BEFORE_BRACKET = compile_on_use(
    rf"第{_GAP}{_N}{_GAP}条(?:{_GAP}の{_GAP}{_N})*(?:{_GAP}第{_GAP}{_N}{_GAP}[項号])*[ァ-ヶ]?{_GAP}\Z"
)


# 「別表第一の16の項、27の項（番号法別表第二）」: a bracket right between a list and a table's name
_BRACKET_BETWEEN = compile_on_use(rf"{_ANY_GAP}[（(【〔［\[〈《]{_ANY_GAP}")
_OPENS = "（(【〔［[〈《"
# …and the end of a bracket that holds nothing but the name (「（番号法別表第二）」, 「（番号法別表第二関係）」, 「（番号法別表第二の
# 項）」, 「（番号法別表第二の項番）」, 「【番号法別表第二】」)
_BRACKET_CLOSES = compile_on_use(
    rf"{_ANY_GAP}(?:(?:の{_GAP})?項{_GAP}(?:番{_GAP}(?:号{_GAP})?)?{_ANY_GAP}|関{_GAP}係{_ANY_GAP})?[）)】〕］\]〉》]"
)


def _names_rows_before(text: str, o: Citation, c: Citation) -> bool:
    """Whether ``c``, the row-less name of a table of the act, opens a bracket right after the rows of ``o`` that
    may name them as its own, as 「27の項（番号法別表第二）」 does: the last row of a list (「別表第一の16の項、27の項
    （番号法別表第二）」), or a single row when the bracket holds nothing but the name (「別表の27の項（番号法
    別表第二）」, 「別表第二の27の項（番号法別表第二）」; not 「別表第一の16の項（別表第二における…）」, a note)."""
    if c.kind is not CitationKind.TABLE or c.rows or c.ranges or c.table_basis is TableBasis.ANTECEDENT:
        return False
    if o.kind is CitationKind.TABLE:
        n = len(o.rows) + len(o.ranges)
        if n == 0 or (n == 1 and _BRACKET_CLOSES.match(text, c.end) is None):
            return False
    elif o.kind is not CitationKind.ROW_LIST or not (o.rows or o.ranges):
        return False
    return Table.OTHER not in (c.tables or (c.table,)) and _BRACKET_BETWEEN.fullmatch(text, o.end, c.start) is not None


def _list_before_bracketed_table(text: str, o: Citation, c: Citation) -> bool:
    """Whether the rows of ``o`` end right before a bracket that opens with ``c``, the row-less name of a table
    that is neither ``o``'s own nor the one ``o``'s is renamed to (:func:`_names_rows_before`): the rows may be that
    table's, and read as ``o``'s they would be renumbered beside the bracket's other name, or stand old beside its
    new one (「別表の27の項（番号法別表第二）」: the new table's name with a row the bracket says is the old
    table's; 「番号法別表第二の27の項（番号法別表）」).  「別表第一の16の項（番号法別表）」 names one table."""
    if not _names_rows_before(text, o, c):
        return False
    own = set(o.tables or (o.table,))
    own.update(_NEW_TABLE[t] for t in tuple(own) if t in _NEW_TABLE)
    named = set(c.tables or (c.table,))
    return not named <= own and bool(named & OLD_TABLES or own & OLD_TABLES)


# 「27及び28（番号法別表第二の項）」: a bracket that names a table's rows (its name and 「の項」, no number), and the
# numbers right before it
_ROWS_NAMED_AFTER = compile_on_use(rf"{_GAP}(?:の{_GAP})?項{_GAP}[）)]")
_WHOLE_N = rf"{_N}(?![0-9０-９〇一二三四五六七八九十百千])"  # (whole numbers: no backtracking into a number)
_NUMBERS_BEFORE = compile_on_use(
    rf"{_WHOLE_N}(?:{_GAP}(?:[、，,・･]|及{_GAP}び|並{_GAP}び{_GAP}に|又{_GAP}は)?{_GAP}{_WHOLE_N})*{_GAP}[（(]{_GAP}\Z"
)


def _bracketed_rows_start(ctx: _Context, c: Citation) -> int | None:
    """Where the citation begins whose rows end right before the bracket that table ``c`` opens, when the bracket
    may name them as another table's (:func:`_list_before_bracketed_table`), or None."""
    if c.start == 0 or ctx.text[c.start - 1] not in _OPENS:
        return None
    k = bisect.bisect_left(ctx.citations, c.start, key=_START) - 1
    if k >= 0 and _list_before_bracketed_table(ctx.text, ctx.citations[k], c):
        return ctx.citations[k].start
    return None


def _bracketed_name_kept(ctx: _Context, c: Citation) -> Finding | None:
    """The rows of ``c`` kept with a table's name in the bracket right after them that is not rewritten (a finding:
    「番号法別表第一の16の項【別表第一】」, the bracket's table of no established law), unless it is already the name
    they are renamed to: the bracket names the rows' table (:func:`_names_rows_before`), and the renamed rows would
    stand beside the old name."""
    k = bisect.bisect_left(ctx.cited_findings, c.end, key=_START)
    if k == len(ctx.cited_findings):
        return None
    f = ctx.cited_findings[k]
    if f.citation is None or not _names_rows_before(ctx.text, c, f.citation):
        return None
    renamed = {_NEW_TABLE.get(t, t) for t in (c.tables or (c.table,)) if t is not None}
    if set(f.citation.tables or (f.citation.table,)) <= renamed:
        return None
    return _finding(c, F.DEPENDENT_KEPT, other=_excerpt(f.text))


def _rows_before_table(ctx: _Context, c: Citation) -> int | None:
    """Where rows that may be table ``c``'s, before its name in its clause, begin, or None: a list of another
    table's rows that ends right before the bracket the name opens (「別表第一の16の項、27の項（番号法別表第二）」,
    :func:`_list_before_bracketed_table`), numbers right before a bracket that names them as its rows
    (「27及び28（番号法別表第二の項）」), or a list that hangs on no table (「（27の項）番号法別表第二」, 「同表の27の項
    （番号法別表第二）」: the list's own 同表 does not end the clause; the list only has to end in it)."""
    text = ctx.text
    if c.start > 0 and text[c.start - 1] in _OPENS:  # (a bracket opened right before the name)
        rows = _bracketed_rows_start(ctx, c)
        if rows is not None:
            return rows
        # rows that no citation established (「別表第二の27の項（番号法別表第二）」 of no law): the name stays with them
        k = bisect.bisect_left(ctx.cited_findings, c.start, key=_START) - 1
        if k >= 0:
            f = ctx.cited_findings[k]
            if f.citation is not None and _names_rows_before(text, f.citation, c):
                return f.start
        if _ROWS_NAMED_AFTER.match(text, c.end) is not None:
            m = _NUMBERS_BEFORE.search(text, max(_clause_start(text, c.start), c.start - 60), c.start)
            if m is not None and not ctx.covered(m.start()):
                return m.start()
    k = bisect.bisect_left(ctx.orphans, c.start, key=_START) - 1
    if k >= 0 and c.start - _CLAUSE_REACH <= ctx.orphans[k].start and ctx.orphans[k].end <= c.start and (
        ctx.orphans[k].end >= _clause_start(text, c.start)
    ):
        return ctx.orphans[k].start
    return None


# what a row's number never follows (「第1項」, 「条1項」: an article's paragraph; a figure: the number goes on)
_NOT_BEFORE_A_ROW = tuple("第条0123456789０１２３４５６７８９〇一二三四五六七八九十百千")
# a row written in a bracket between a law's name and its table (「番号法（28、29の項）別表第一」), on one line or
# over a PDF's line break (「（２７の２の\n項）」): not 「第1項」 or 「9条1項」, a paragraph of an article, nor 「項目」
_ROW_IN_NAME_BRACKET = compile_on_use(
    rf"(?<![第条0-9０-９〇一二三四五六七八九十百千]){_N}(?:{_BREAK}の{_BREAK}{_N})?{_BREAK}の?{_BREAK}項(?!{_BREAK}目)"
)


def _row_between_law_and_table(text: str, c: Citation) -> str | None:
    """A row written between the law's name and the table's in the citation's own text (「番号法（28、29の項）
    別表第一」), as the words between the two names, or None: the bracket is read as a note on the name, so no
    citation holds the row, and renamed, the table would stand beside an old number."""
    name = c.part("table")  # (its name as the citation read it, broken over a line too: 「別\n表第二」)
    if c.law_span is None or name is None or not c.start <= c.law_span[1] < name.start:
        return None
    if "項" not in text[c.law_span[1] : name.start]:
        return None
    for m in _ROW_IN_NAME_BRACKET.finditer(text, c.law_span[1], name.start):
        if text[c.law_span[1] : m.start()].rstrip(_SPACES_AND_BREAKS).endswith(_NOT_BEFORE_A_ROW):
            continue  # 「第 9 条第 1 項別表第一」: a paragraph of the article, its figure spaced off as PDF text spaces it
        return "".join(text[c.law_span[1] : name.start].split())
    return None


def _cut_row_before(text: str, k: int) -> int | None:
    """Where a row's unit 「の項」 that ends right before ``k`` (spaces aside) and opens its line begins, or None: a
    row whose number a page or a column of PDF text cut off before it (however wide the line's indentation)."""
    spaces = " \t\u3000"
    for ch in "項の":
        while k > 0 and text[k - 1] in spaces:
            k -= 1
        if k == 0 or text[k - 1] != ch:
            return None
        k -= 1
    row = k
    while k > 0 and text[k - 1] in spaces:
        k -= 1
    return row if k == 0 or text[k - 1] in "\r\n\f" else None


def _unread_before(ctx: _Context, c: Citation) -> Finding | None:
    """A row written with 項 before a table's name in its clause that no citation holds (「27の項（番号法
    別表第二）」, 「項番27　番号法別表第二」), or before an order's title a reference into it (「１条２号ハ
    （別表第二主務省令）」), as a finding: renamed, the name would stand beside an old number.  So are rows that
    may be the table's (:func:`_rows_before_table`: 「別表第一の16の項、27の項（番号法別表第二）」, 「27及び28
    （番号法別表第二の項）」, 「（27の項）番号法別表第二」) and, before an old table, the old order's articles
    (「主務省令第27条及び番号法別表第二」, 「２７条１号ハ（番号法別表第二）」, :func:`_unnamed_order_refs`)."""
    if c.kind is not CitationKind.TABLE and c.kind is not CitationKind.ORDER_TITLE:
        return None
    text = ctx.text
    if c.kind is CitationKind.TABLE:
        rows = _rows_before_table(ctx, c)
        if rows is not None:
            preceding = "".join(text[rows : c.start].split())
            preceding = preceding if len(preceding) <= 40 else "…" + preceding[-39:]
            return _finding(c, F.NUMBER_BEFORE, preceding=preceding)
        inside = _row_between_law_and_table(text, c)
        if inside is not None:
            return _finding(c, F.NUMBER_BEFORE, preceding=inside)
        conj = conj_back(text, c.start) if c.law_span is None else None
        cut = _cut_row_before(text, conj.start()) if conj is not None else None
        if cut is not None and not ctx.covered(cut):
            # 「…別表第1の1\n\f<the next page>\nの項及び別表第2の3の項」: a row whose number a page or a column cut off,
            # joined to the table; the table may be the cut-off row's table's, and that row's table is not in its clause
            return _finding(c, F.NUMBER_BEFORE, preceding="".join(text[cut : c.start].split()))
    lo = max(0, c.start - _CLAUSE_REACH)
    title = c.kind is CitationKind.ORDER_TITLE
    # (an old table: the old order's articles, 「主務省令第27条及び番号法別表第二」, 「２７条１号ハ（番号法別表第二）」)
    old = not title and (c.table in OLD_TABLES or any(t in OLD_TABLES for t in c.tables))
    kou_from = _unread_from(ctx, "項", lo, c.start)
    jou_from = _unread_from(ctx, "条", lo, c.start) if title or old else -1
    if kou_from == -1 and jou_from == -1:
        return None
    start = _clause_start(text, c.start)
    # (where the number is, where its reference begins)
    found = [(n, begin) for n, begin, _ in _rows_at_unread_kou(ctx, start, c.start)] if kou_from != -1 else []
    if jou_from != -1 and title:  # 「１条２号ハ」, 「20条」: not 「第19条」, which is a law's article as often as the order's
        found.extend((m.start(), m.start()) for m in _ORDER_REF_IN_CLAUSE.finditer(text, max(start, jou_from), c.start))
    elif jou_from != -1 and c.table_basis is not TableBasis.ANTECEDENT:
        found.extend(
            (m.start("n"), m.start())
            for m in _BARE_ORDER_ARTICLE.finditer(text, start, c.start)
            if not _same_order_is_other(ctx, m.start(), start)
        )
        found.extend((n, n) for n, _ in _unnamed_order_refs(ctx, c, max(start, jou_from), c.start))
    if title:
        k = c.start - 1
        while k >= start and text[k] in " \t\u3000":
            k -= 1
        if k >= start and text[k] in "（(":  # 「第20条（別表第二主務省令）」: an article of the order it brackets
            m = _ARTICLE_BEFORE_BRACKET.search(text, max(start, k - 30), k)
            if m is not None and ctx.laws().expression_ending_at(m.start()) is None:
                found.append((m.start(), m.start()))  # (not 「番号法第19条第8号（…」, a law's article)
    for n, begin in sorted(found):
        if not ctx.covered(n):
            preceding = "".join(text[begin : c.start].split())
            preceding = preceding if len(preceding) <= 40 else preceding[:39] + "…"
            return _finding(c, F.NUMBER_BEFORE, preceding=preceding)
    return None


# what names other rows than the rows just cited: the rest (「27の項を除く全ての項」, 「27の項以外」, 「27の項は除き」,
# 「（27の項を除いた）」) or those after or before them (「27の項以下」, 「27の項以降」); not 「27の項以外にも」, which adds to
# the rows cited (besides them), nor the text's "hereinafter" (「27の項以下同じ」, 「27の項以下「27の項」という」): they name no others
_EXCEPTED_AFTER = compile_on_use(
    rf"{_GAP}(?:[）)]{_GAP})?(?:[をは]{_GAP})?(?:除{_GAP}(?:[くきけ外]|い{_GAP}[たて])"
    rf"|以{_GAP}(?:外(?!{_GAP}に{_GAP}も)|下(?!{_GAP}(?:同{_GAP}じ|[「『]))|[降前上後]))"
)


def _excepted_rows(ctx: _Context, c: Citation) -> Finding | None:
    """Rows the text names others by (「別表第二のうち27の項を除く全ての項」, 「27の項以外の項」, 「27の項以降」), as a finding
    (number-after-table: what follows is a reference to rows that no citation reads): they name the table's other
    rows, or those from them on, and renumbered one by one they would not name the same set in the new table, whose
    rows were split, merged, moved and added (「第2条の表のうち48の項を除く全ての項」 holds rows the old table never had)."""
    if not (c.rows or c.ranges):
        return None
    m = _EXCEPTED_AFTER.match(ctx.text, c.end)
    if m is None:
        return None
    found = "".join(ctx.text[c.start : m.end()].split())
    return Finding(c.start, c.end, c.text, F.NUMBER_AFTER, F.NUMBER_AFTER_EXCEPTED.format(found=found), citation=c)


# the word for a table's row numbers right after its name, with no number after it (「番号法別表第一の項番」, 「…の該当項番号」,
# 「…の項の番号」; not 「…の項番：13、14」, its rows): a column heading or a field whose rows are written elsewhere (the cells
# under it)
_ROW_NUMBERS_WORD = compile_on_use(
    rf"{_GAP}の{_GAP}(?:該{_GAP}当{_GAP})?項{_GAP}(?:番{_GAP}(?:号{_GAP})?|の{_GAP}番{_GAP}号{_GAP})"
    rf"(?![】］\]]?{_GAP}[：:は（(]?{_GAP}[0-9０-９〇一二三四五六七八九十百千])"
    # (nor one closing a bracket after rows: 「番号法別表第一の16の項（番号法別表第一の項番）」 notes the rows before it)
    r"(?![）)】］\]〕])"
)


def _rows_named_apart(ctx: _Context, c: Citation, report: Citation | None = None) -> Finding | None:
    """An old table named with the word for its row numbers and no number (「番号法別表第一の項番」 heading a column of
    16, 56 …), as a finding (number-after-table): its rows are written apart from it, in the old numbering, and the new
    name would stand over them.  The finding is ``report``'s when given (a table joined before it, whose rows the
    numbers may be too: 「番号法別表第二並びに別表第一の項番」)."""
    if c.kind is not CitationKind.TABLE or c.rows or c.ranges or c.table not in OLD_TABLES:
        return None
    m = _ROW_NUMBERS_WORD.match(ctx.text, c.end)
    if m is None:
        return None
    return _finding(report or c, F.NUMBER_AFTER, following="".join(m.group(0).split()))


# 「同項の下欄」: a column of the row just cited, named through 同項
_SAME_ROW_COLUMN = compile_on_use(
    rf"同{_ANY_GAP}項{_ANY_GAP}の{_ANY_GAP}(?P<col>(?:上|中|下|左|右|第{_ANY_GAP}(?:[一二三四五六七八九]|[1-9１-９])){_ANY_GAP}欄)"
)
# a column named by its place (上欄, 下欄 …), as the old 別表第一 named its two; the new tables number theirs
# (the new 別表 has 第一欄 and 第二欄, 第2条の表 第一欄 to 第四欄), so no such column is one of theirs
_PLACE_COLUMN = compile_on_use(rf"[上中下左右]{_ANY_GAP}欄")
# …unless a word after it points at the document's own form (「上欄に同じ」, 「下欄のとおり」, 「下欄参照」, 「右欄に記載」):
# a cell of the document's, not a column of the table
_DOCUMENT_CELL_AFTER = compile_on_use(
    rf"{_ANY_GAP}(?:の{_ANY_GAP}と{_ANY_GAP}お{_ANY_GAP}り|[にと]{_ANY_GAP}同{_ANY_GAP}じ|(?:を{_ANY_GAP})?参{_ANY_GAP}照"
    rf"|に{_ANY_GAP}記{_ANY_GAP}[載入])"
)


def _column_of_same_row(ctx: _Context, c: Citation) -> Finding | None:
    """A column in the clause of ``c`` that the rename would leave beside the new name, as a finding: a column of
    the rows it names, named through 同項 (「別表第一の16の項（同項の下欄）」), and, after an old table, any
    column named by its place (「別表第一の16の項（下欄）」, 「別表第一、下欄」, 「16の項に規定する下欄の事務」),
    which no new table has.  The name is kept with it, as with a column written with the rows (「16の項の下欄」,
    ``column-reference``)."""
    if c.kind is not CitationKind.TABLE and c.kind is not CitationKind.ROW_LIST:
        return None
    text = ctx.text
    reach = min(len(text), c.end + _CLAUSE_REACH)
    stop = _CLAUSE_END.search(text, c.end, reach)
    end = stop.start() if stop is not None else reach
    same = text.find("同", c.end, end) if c.rows and c.kind is CitationKind.TABLE else -1
    m = _SAME_ROW_COLUMN.search(text, same, end) if same != -1 else None
    if m is None and text.find("欄", c.end, end) != -1 and (c.table in OLD_TABLES or any(t in OLD_TABLES for t in c.tables)):
        # (up to the next citation or finding: a column after it is that one's, 「別表第一（16の項）下欄」 the list's)
        i = bisect.bisect_left(ctx.item_starts, c.end)
        upto = ctx.item_starts[i] if i < len(ctx.item_starts) and ctx.item_starts[i] < end else end
        m = next(
            (
                k
                for k in _PLACE_COLUMN.finditer(text, c.end, upto)
                if not ctx.covered(k.start()) and not _DOCUMENT_CELL_AFTER.match(text, k.end())
            ),
            None,
        )
    if m is None:
        return None
    return _finding(c, F.COLUMN_REFERENCE, column="".join(m.group(0).split()))


# 同令, 同命令, 同省令 with an article after it, and 同条 with a 号 or 項 after it: the order, or the article, cited last
_SAME_ORDER = compile_on_use(
    rf"同{_ANY_GAP}(?:令|命{_GAP}令|省{_GAP}令){_GAP}(?:の{_GAP})?(?:第{_GAP})?{_N}{_GAP}条"
    rf"|同{_ANY_GAP}(?P<article>条){_GAP}(?:第{_GAP})?{_N}{_GAP}[号項]"
)
# …up to the next table or order named (「別表第二主務省令第20条。住民基本台帳法施行令第5条。同令第2条」 is that one's)
_NEXT_TABLE_OR_ORDER = compile_on_use(_NEXT_TABLE.pattern + r"|(?<!同)(?:[政省府行][\s]*令|命[\s]*令)")


def _same_order_after(ctx: _Context, c: Citation) -> Finding | None:
    """After an old order's title, or its articles, past its clause up to the next table or order named (at most
    :data:`_CLAUSE_REACH` characters): 同令 (同命令, 同省令) with an article, or after its articles 同条 with a 号,
    as a finding.  They name the old order, whose articles follow the old rows: renamed, the title would give them
    the new order's numbers (「…主務省令第２０条。同令第２１条」).  So after 別表第二, whose new name names the new
    order (「…第19条第8号に基づく主務省令第2条の表」), and after 同表 renumbered with it: 同令 or 同省令 would take the
    new order for theirs (「番号法別表第二の27の項。同省令第20条」)."""
    to_order = c.kind is CitationKind.TABLE and Table.BEPPYO2 in (c.tables or (c.table,))
    if not to_order and (
        c.order not in (Order.OLD_EXCHANGE, Order.OLD_USES) or c.kind not in (CitationKind.ORDER_TITLE, CitationKind.ORDER_REFS)
    ):
        return None
    text = ctx.text
    reach = min(len(text), c.end + _CLAUSE_REACH)
    if text.find("同", c.end, reach) == -1:
        return None
    stop = _NEXT_TABLE_OR_ORDER.search(text, c.end, reach)
    end = stop.start() if stop is not None else reach
    # (in its own clause :func:`_unread_after` reads them: 「…第２０条及び同令第２１条」)
    clause = _CLAUSE_END.search(text, c.end, end)
    if clause is None:
        return None
    for m in _SAME_ORDER.finditer(text, clause.end(), end):
        if ctx.covered(m.start()) or (m.group("article") and c.kind is not CitationKind.ORDER_REFS):
            continue  # (同条 is an article's: only after the order's articles)
        if _same_order_is_other(ctx, m.start(), c.end):
            continue  # (「…27の項。住民基本台帳法施行規則第20条、同省令第22条」: 同省令 is the 施行規則)
        following = "".join(text[c.end : m.end()].split())
        following = following if len(following) <= 40 else "…" + following[-39:]
        return _finding(c, F.NUMBER_AFTER, following=following)
    return None


# the act's network provision as texts older than its 2021 renumbering cite it (see _NETWORK_ITEM_JOINED)
_NETWORK_ITEM = compile_on_use(_NETWORK_ITEM_WORDS)
# …and the end every one of them holds (「条第7号」): a search with a literal first character, which re skips to in C
# (_NETWORK_ITEM has none and is tried at every character: 15 ms per MB); what stands before 条 in one is only these
_NETWORK_ITEM_END = compile_on_use(rf"条[\s{INVISIBLE}]*(?:第[\s{INVISIBLE}]*)?(?:7|７|七)[\s{INVISIBLE}]*号")
_NETWORK_ITEM_HEAD = frozenset("第1１十9９九" + INVISIBLE)


def network_item_starts(text: str) -> list[int]:
    """Where every old 第19条第7号 (:data:`_NETWORK_ITEM`) starts, in order: as its ``finditer`` gives them, each read
    back from the end it holds over the characters that may stand before 条 in one (whitespace, 第 and the
    digits of 19)."""
    starts = []
    for end in _NETWORK_ITEM_END.finditer(text):
        lo = end.start()
        while lo > 0 and (text[lo - 1] in _NETWORK_ITEM_HEAD or text[lo - 1].isspace()):
            lo -= 1
        m = _NETWORK_ITEM.search(text, lo, end.end())
        if m is not None:
            starts.append(m.start())
    return starts


# a bullet (or a bracket) that starts the table's line under the provision's (「…に基づく独自利用事務\n・別表第1の1の項」,
# 「…に基づく事務\n（別表第1の1の項）」, 「…\n※別表第1の1の項」): it does not part them
_BULLETS = "・･●○◆◇■□※"
# a short note in brackets after a provision (「第9条第2項（独自利用事務）」, 「【独自利用事務】」), or a colon (「第9条第2項：別表第1」):
# it does not part the provision from the table
# (or in quotes: 「第9条第2項「独自利用事務」別表第1」)
_PROVISION_NOTE_BETWEEN = rf"(?:{_NOTE_BETWEEN}|「[^「」\n]{{1,60}}」|『[^『』\n]{{1,60}}』)"
_PROVISION_NOTE = rf"(?:(?:{_PROVISION_NOTE_BETWEEN}{_ANY_GAP})?[：:]|{_PROVISION_NOTE_BETWEEN})"
# …or a mark that separates without listing (「第9条第2項／別表第1」, 「第9条第2項　→　別表第1」), or 、 after a note that
# ends the provision's heading (「第19条第11号（同一機関内の利用）、別表第二」): these join it like a basis phrase (another
# paragraph or 号 of the table's own article is not the table's), not as nothing but a note does
_PROVISION_MARK = rf"(?:(?:{_PROVISION_NOTE_BETWEEN}{_ANY_GAP})?[／/｜|→⇒➡]|{_PROVISION_NOTE_BETWEEN}{_ANY_GAP}[、，,])"
# …or a short label set off by spaces on the provision's line (「第9条第2項　独自利用事務　別表第1の1の項」): a word, not an
# order's or a table's name, nor a provision (第, 条, 項, 号)
_PROVISION_LABEL = r"(?<=[ \t\u3000])(?![一-龥ァ-ヶー]*[令表])(?:(?![第条項号])[一-龥ァ-ヶー]){1,12}(?=[ \t\u3000\n])"
# The article a table of the act belongs to, 第9条 (第1項) for 別表第一 and 第19条 (第7号, 第8号) for 別表第二,
# written before the table and joined to it by the bracket the table opens, by a phrase that makes it the
# table's basis (「の規定による」, 「に基づき、」, 「に規定する」), by nothing but a short note in brackets, as a PIA writes
# the business after the provision (「第9条第2項（独自利用事務）\n別表第1の1の項」) or as a label between spaces (「第9条第2項
# 独自利用事務　別表第1」), or the basis of a short name before the table (ending
# its clause, its line or its tab-separated cell: 「第9条第2項に基づく事務\t別表第1」)
# (not by 及び or 、: 「第9条第1項及び別表第二」 lists two provisions; nor through an order or a table based on it:
# 「第19条第8号に基づく主務省令、別表第一」, 「第十九条第七号に規定する別表第二\n番号法別表第一」 list two things): 「第9条第2項に基づく条例事務、別表第1」, 「第19条第10号に
# 基づく庁内連携（別表第二の1の項）」, 「第19条第9号の規定による別表第二」
# (the phrase that makes a provision a table's basis, with what may follow it up to the table: 「の規定により、」,
# 「に基づき」, 「に規定する」, 「に基づく条例事務、」, or the name of the ordinance or rule based on it, in kana too
# (「に基づく熊谷市個人番号の利用に関する条例\n」), ending its clause, line or cell; a name holds no provision of its own, so the
# provision read is the last before the table: 「第19条第8号に基づく主務省令及び・番号法第9条第2項に基づく…規則」 is 第9条第2項's)
_BASIS_PHRASE = (
    rf"(?:(?:の{_ANY_GAP}規{_ANY_GAP}定{_ANY_GAP})?に{_ANY_GAP}(?:よ{_ANY_GAP}(?:る|り|っ{_ANY_GAP}て)|基{_ANY_GAP}づ{_ANY_GAP}(?:く|き|い{_ANY_GAP}て))"
    rf"|に{_ANY_GAP}規{_ANY_GAP}定{_ANY_GAP}す{_ANY_GAP}る)"
    rf"(?:{_ANY_GAP}[、，,]|{_ANY_GAP}(?:(?![一-龥ァ-ヶー]*[令表])[一-龥ァ-ヶー]{{1,12}}|[^\s、。，,「」『』（）()：:第]{{1,40}}?(?:条例|規則))"
    rf"(?:[、，,（(：:]|[^\S\n]*[\n\t]))?"
)
# (the spaces and the one line break up to the table, a bullet or a bracket opening its line)
_JOINED_TAIL = rf"(?:[^\S\n]|[{INVISIBLE}])*\n?(?:(?<=\n)(?:[^\S\n]|[{INVISIBLE}])*[{_BULLETS}（(])?(?:[^\S\n]|[{INVISIBLE}])*\Z"
_PROVISION_JOINED = compile_on_use(
    rf"第{_ANY_GAP}(?P<art>9|９|九|19|１９|十九){_ANY_GAP}条"
    rf"(?:{_ANY_GAP}第{_ANY_GAP}(?P<para>[0-9０-９]+|[一二三四五六七八九十]+){_ANY_GAP}項)?"
    rf"(?:{_ANY_GAP}第{_ANY_GAP}(?P<item>[0-9０-９]+|[一二三四五六七八九十]+){_ANY_GAP}号)?{_ANY_GAP}"
    rf"(?:(?:{_PROVISION_NOTE}{_ANY_GAP})?(?:[（(]|{_BASIS_PHRASE})"
    rf"|{_PROVISION_MARK}|(?P<noted>{_PROVISION_NOTE})|{_PROVISION_LABEL})"
    rf"{_JOINED_TAIL}"
)


# …and a list of provisions right before an old table (「番号法第9条第1項、第9条第2項、別表第1の1の項」, 「番号法第9条
# 第2項及び別表第2」): one provision of the list, ending in 及び, 並びに, 又は, 若しくは, 、 or ・ (a short note in brackets
# may follow it), written in full, continuing the article before it (「第9条第1項及び第2項並びに」, 「第9条第1項・第2項」) or
# naming the act again as 同法 (「番号法第9条第2項及び同法第19条第8号」)
_ORDINAL = r"(?:[0-9０-９]+|[一二三四五六七八九十]+)"
_LISTED_PROVISION_WORDS = (
    rf"(?P<same>同{_ANY_GAP}法{_ANY_GAP})?"
    rf"第{_ANY_GAP}(?:(?P<art>{_ORDINAL}){_ANY_GAP}条(?:{_ANY_GAP}第{_ANY_GAP}(?P<para>{_ORDINAL}){_ANY_GAP}項)?"
    rf"|(?P<lone_para>{_ORDINAL}){_ANY_GAP}項)"
    rf"(?:{_ANY_GAP}第{_ANY_GAP}(?P<item>{_ORDINAL}){_ANY_GAP}号)?"
    rf"{_ANY_GAP}(?:[（(][^（）()「」『』\n]{{1,60}}[）)]{_ANY_GAP})?"
)
_LISTED_PROVISION = compile_on_use(
    rf"{_LISTED_PROVISION_WORDS}(?:及{_ANY_GAP}び|並{_ANY_GAP}び{_ANY_GAP}に|又{_ANY_GAP}は|若{_ANY_GAP}し{_ANY_GAP}く{_ANY_GAP}は|[、，,・･])"
    rf"{_ANY_GAP}\Z"
)
# …or the last of the list joined to the table by a basis phrase, as one provision is (「番号法第9条第2項及び第19条第8号
# の規定により、別表第一の16の項」: the phrase is the whole list's)
_PHRASED_PROVISION = compile_on_use(rf"{_LISTED_PROVISION_WORDS}{_BASIS_PHRASE}{_JOINED_TAIL}")
_LISTED_PROVISION_REACH = 48  # characters one provision of a list takes at most (a bound on the work only)
_LISTED_PROVISIONS_MAX = 8


def _ordinance_paragraph_listed(ctx: _Context, c: Citation, tables: Sequence[Table]) -> tuple[Table, str, str] | None:
    """For :func:`_joined_provision_mismatch`: a list of provisions of the act right before the table ``c`` that holds
    第9条's paragraph for the ordinances' own uses (第2項 on, whose ordinances have a 別表第1 and a 別表第2 of their own)
    makes the table as likely the ordinance's as the act's, wherever the paragraph stands in the list
    (「番号法第9条第1項、第9条第2項、別表第1の1の項」, 「番号法第9条第1項及び第2項並びに別表第一の16の項」), unless the
    provision right before the table is the table's own (「番号法第9条第2項、第9条第1項、別表第1の1の項」,
    「番号法第9条第2項、第19条第8号及び別表第二の27の項」): the table, its own article and the paragraph, or None."""
    text = ctx.text
    found: list[re.Match[str]] = []
    end = c.start
    phrased = _PHRASED_PROVISION.search(text, max(0, end - _NETWORK_ITEM_REACH), end)
    if phrased is not None:
        found.append(phrased)
        end = phrased.start()
    while len(found) < _LISTED_PROVISIONS_MAX:
        m = _LISTED_PROVISION.search(text, max(0, end - _LISTED_PROVISION_REACH), end)
        if m is None:
            break
        found.append(m)
        end = m.start()
    if len(found) < 1 + (phrased is not None) or not _acts_item(ctx, found[-1].start(), c, assumed=True):
        return None  # (one provision joined by a phrase alone is _PROVISION_JOINED's)
    # each provision's article, paragraph and 号, left to right (a lone paragraph continues the article before it)
    article: int | None = None
    article_text = ""
    resolved: list[tuple[int | None, int | None, int | None]] = []
    paragraph = None
    for m in reversed(found):
        begin = m.end("same") if m.group("same") else m.start()  # (the provision, not the 同法 before it)
        if m.group("art"):
            article, article_text = parse_int(m.group("art")), text[begin : m.end("art")] + "条"
            para_text = m.group("para")
        else:
            para_text = m.group("lone_para")
        para = parse_int(para_text) if para_text else None
        resolved.append((article, para, parse_int(m.group("item")) if m.group("item") else None))
        if paragraph is None and article == 9 and para is not None and para >= 2:
            unit = text.find("項", m.end("para") if m.group("art") else m.end("lone_para"))
            written = text[begin : unit + 1]
            paragraph = "".join((written if m.group("art") else article_text + written).split())
    if paragraph is None:
        return None
    last_article, last_para, last_item = resolved[-1]
    for t in tables:
        if t is Table.BEPPYO1 and not (last_article == 9 and last_para == 1):
            return t, "第9条第1項", paragraph
        if t is Table.BEPPYO2 and not (last_article == 19 and last_item in (7, 8)):
            return t, "第19条（第7号・第8号）", paragraph
    return None


# a provision of 第9条 or 第19条 right after the act's name in the bracket after a table (「（番号法第9条第2項）」)
_PROVISION_NOTED = compile_on_use(
    rf"{_ANY_GAP}第{_ANY_GAP}(?P<art>9|９|九|19|１９|十九){_ANY_GAP}条"
    rf"(?:{_ANY_GAP}第{_ANY_GAP}(?P<para>[0-9０-９]+|[一二三四五六七八九十]+){_ANY_GAP}項)?"
    rf"(?:{_ANY_GAP}第{_ANY_GAP}(?P<item>[0-9０-９]+|[一二三四五六七八九十]+){_ANY_GAP}号)?"
)
_NOTE_OPENERS = frozenset("（(〔【［[〈《")
# (a bracket closed right before a table, its の and a line break aside)
_CLOSED_BEFORE = compile_on_use(r"[）)][ \t\u3000]*(?:\r?\n[ \t\u3000]*)?(?:の[ \t\u3000]*(?:\r?\n[ \t\u3000]*)?)?\Z")
_PROVISION_LISTED_BEFORE = compile_on_use(rf"[条項号]{_ANY_GAP}(?:及{_ANY_GAP}び|並{_ANY_GAP}び{_ANY_GAP}に|[、，,]){_ANY_GAP}\Z")


def _own_provision_mismatch(c: Citation) -> tuple[Table, str, str] | None:
    """The table, its own article and the provision when the provision ``c`` holds is not its table's.

    別表第一 belongs to 第9条第1項, 別表第二 to 第19条: 「第9条第1項別表第二」, 「第9条第2項 別表第1」 (the
    ordinance's provision: its 別表 is the ordinance's) cannot be reworded without guessing."""
    if c.provision is None or c.table is None:
        return None
    for t in c.tables or (c.table,):
        if t is Table.BEPPYO2 and (c.provision.article.main != 19 or c.provision.item not in (None, 7, 8)):
            return t, "第19条（第7号・第8号）", str(c.provision)  # (the network provision's 号 before and after 2021; not 第9号 …)
        if t is Table.BEPPYO1 and (c.provision.article.main != 9 or c.provision.paragraph not in (None, 1)):
            return t, "第9条第1項", str(c.provision)
    return None


_OWNERS = {Table.BEPPYO1: "第9条第1項", Table.BEPPYO2: "第19条（第7号・第8号）"}
_LISTED_REACH = 64  # tables walked back over in a list (a bound on the work only)


def _listed_after_mismatch(ctx: _Context, c: Citation) -> Finding | None:
    """A table with no law or provision of its own, listed after a table whose provision is not its own (「番号法第9条
    第2項　別表第1の1の項、別表第1の2の項」: an ordinance's 別表第1 and 別表第2), as that one's ``provision-mismatch``:
    the list is the provision's, and the tables in it are the same instrument's."""
    if c.kind is not CitationKind.TABLE or c.provision is not None or c.table_basis is TableBasis.ANTECEDENT:
        return None
    if c.part("law") is not None or not any(t in OLD_TABLES for t in (c.tables or (c.table,))):
        return None
    text = ctx.text
    i = bisect.bisect_left(ctx.citations, c.start, key=lambda o: o.start)
    start = c.start
    for o in reversed(ctx.citations[max(0, i - _LISTED_REACH) : i]):
        joined = _TABLES_JOINED.match(text, o.end)
        if o.kind is not CitationKind.TABLE or o.table_basis is TableBasis.ANTECEDENT or joined is None:
            return None
        if joined.end() != start or _BLANK_LINE.search(joined.group()):
            return None
        mismatch = _own_provision_mismatch(o) or _joined_provision_mismatch(ctx, o)
        if mismatch is not None:
            t = next(t for t in (c.tables or (c.table,)) if t in OLD_TABLES)
            return _finding(c, F.PROVISION_MISMATCH, table=t.value, owner=_OWNERS[t], provision=mismatch[2])
        if o.provision is not None or o.part("law") is not None:
            return None  # (a table with a law or provision of its own that fits it begins the list)
        start = o.start
    return None


def _provision_joined(ctx: _Context, c: Citation) -> Finding | None:
    """A provision of the act joined right before a table it does not own (「番号法第9条第2項の規定により、
    別表第一の16の項」: 第9条第2項 is the ordinance's business, whose 別表 is the ordinance's; 「番号法第19条第11号
    の規定により、別表第二の27の項」), as ``provision-mismatch``, as when the citation holds the provision."""
    mismatch = _joined_provision_mismatch(ctx, c)
    if mismatch is None:
        return None
    t, owner, provision = mismatch
    return _finding(c, F.PROVISION_MISMATCH, table=t.value, owner=owner, provision=provision)


_LAW_NAME_LAST = compile_on_use("[法律]")


def _act_opening(ctx: _Context, start: int) -> int | None:
    """Where the act's name ends when it begins at ``start`` (the inside of a bracket), or None."""
    laws = ctx.laws()
    for k in _LAW_NAME_LAST.finditer(ctx.text, start, min(len(ctx.text), start + 60)):
        e = laws.expression_ending_at(k.end())
        if e is not None and e.start == start and e.kind is LawKind.ACT:
            return e.end
    return None


def _joined_provision_mismatch(ctx: _Context, c: Citation) -> tuple[Table, str, str] | None:
    """For :func:`_provision_joined`: the table, its own article and the provision joined before it that is not its own.
    Each place a provision may be joined at is checked (joined before the table, opening the bracket after it, opening a
    bracket closed right before it): one that is not the table's keeps it, whatever another place holds."""
    if c.kind is not CitationKind.TABLE or c.provision is not None or c.table_basis is TableBasis.ANTECEDENT:
        return None
    tables = [t for t in (c.tables or (c.table,)) if t in OLD_TABLES]
    if not tables:
        return None
    if "条" in ctx.text[max(0, c.start - _NETWORK_ITEM_REACH) : c.start]:
        m = _PROVISION_JOINED.search(ctx.text, max(0, c.start - _NETWORK_ITEM_REACH), c.start)
        if m is not None and (not _acts_item(ctx, m.start(), c, assumed=True) or _PROVISION_LISTED_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start())):
            m = None  # (the last of a list of provisions: 「第9条第1項及び第19条第8号の規定により、別表第一…及び別表第二…」)
        # (a list holding the ordinances' paragraph, however its last provision is joined: 「番号法第9条第2項（独自利用
        # 事務）、第19条第8号の規定により、別表第1の1の項」)
        listed = _ordinance_paragraph_listed(ctx, c, tables)
        if listed is not None:
            return listed
        found = _provision_not_the_tables(ctx, m, tables) if m is not None else None
        if found is not None:
            return found
    if c.end < len(ctx.text) and ctx.text[c.end] in _NOTE_OPENERS:
        # …or in the bracket right after the table that names the act (「別表第二の3の項（根拠法令：番号法第19条第11号）」)
        noted = ctx.laws().law_noted_after(c.end)
        m = None
        if noted is not None and noted[0].kind is LawKind.ACT:
            m = _PROVISION_NOTED.match(ctx.text, noted[0].end)
        elif noted is None:
            # …or by the act's name and provision that open that bracket, words after them (「（番号法第9条第2項に基づく
            # 条例）」, 「（番号法第9条第2項関係）」)
            act_end = _act_opening(ctx, c.end + 1)
            m = _PROVISION_NOTED.match(ctx.text, act_end) if act_end is not None else None
        found = _provision_not_the_tables(ctx, m, tables) if m is not None else None
        if found is not None:
            return found
    if c.start > 0 and "）" in ctx.text[max(0, c.start - 8) : c.start]:
        # …or by the act's name and provision that open a bracket closed right before the table and its の, a note on the
        # word owning the table (「独自利用事務（番号法第9条第2項に基づく条例で定める事務）の別表第1の1の項」)
        closed = _CLOSED_BEFORE.search(ctx.text, max(0, c.start - 8), c.start)
        opener = ctx.laws().opener_of(closed.start()) if closed is not None else -1
        act_end = _act_opening(ctx, opener + 1) if opener != -1 else None
        m = _PROVISION_NOTED.match(ctx.text, act_end) if act_end is not None else None
        if m is not None:
            return _provision_not_the_tables(ctx, m, tables)
    return None


def _provision_not_the_tables(ctx: _Context, m: re.Match[str], tables: Sequence[Table]) -> tuple[Table, str, str] | None:
    """The table of ``tables`` whose article the provision matched by ``m`` is not, with that article and the provision."""
    article = parse_int(m.group("art"))
    para = parse_int(m.group("para")) if m.group("para") else None
    item = parse_int(m.group("item")) if m.group("item") else None
    # (joined by a phrase, another paragraph or 号 of the table's own article only: 第19条第8号 with 別表第一 may be the
    # information provided for the 事務 of its row, 「第19条第8号の規定により、別表第一の16の項に掲げる事務の処理のため…」;
    # by nothing but a note, the provision is the table's as in 「第9条第1項別表第二」)
    direct = m.groupdict().get("noted") is not None
    for t in tables:
        if t is Table.BEPPYO2 and ((article == 19 or direct) and (article != 19 or item not in (None, 7, 8))
                                    or article == 9 and para not in (None, 1)):
            # (第9条第2項 on are the ordinances' own uses, whose ordinances have a 別表第2 too, however joined: 「番号法
            # 第９条第２項に基づく条例事務：別表第二の27の項」, 「番号法第9条第2項　独自利用事務　別表第二の27の項」)
            owner = "第19条（第7号・第8号）"
        elif t is Table.BEPPYO1 and (article == 9 or direct) and (article != 9 or para not in (None, 1)):
            owner = "第9条第1項"
        else:
            continue
        # (written to its unit: 「第9条第2項」, 「第19条第11号」, not 「第9条第2」)
        last = m.end("item") if item is not None else m.end("para") if para is not None else m.end("art")
        unit = ctx.text.find("号" if item is not None else "項" if para is not None else "条", last)
        provision = "".join(ctx.text[m.start() : unit + 1 if unit != -1 else last].split())
        return t, owner, provision
    return None


# a table number the act does not have (別表第三 and on), joined to a table in a list or range: 「別表第一から
# 別表第六まで」, 「別表第一、別表第二及び別表第三」, 「別表第一から第三まで」 (not an article: 「及び第三条」)
_LIST_JOIN = rf"{_ANY_GAP}(?:から|及{_ANY_GAP}び|並{_ANY_GAP}び{_ANY_GAP}に|又{_ANY_GAP}は|若{_ANY_GAP}し{_ANY_GAP}く{_ANY_GAP}は|と|[、，,・／/]){_ANY_GAP}"
_ANY_ORDINAL = r"(?:[0-9０-９]+|[一二三四五六七八九十]+)"
_OTHER_ORDINAL = r"(?:[3-9３-９]|[1-9１-９][0-9０-９]+|[三四五六七八九]|十[一二三四五六七八九]?|[二三四五六七八九]十[一二三四五六七八九]?)"
_NOT_ARTICLE = rf"(?![0-9０-９一二三四五六七八九十]|{_ANY_GAP}[条項号欄章節款目編])"
_OTHER_TABLE_AFTER = compile_on_use(
    rf"(?:{_LIST_JOIN}(?:別{_ANY_GAP}表{_ANY_GAP})?第{_ANY_GAP}(?:[12１２一二]{_NOT_ARTICLE}))*"
    rf"{_LIST_JOIN}(?P<other>(?:別{_ANY_GAP}表{_ANY_GAP})?第{_ANY_GAP}{_OTHER_ORDINAL}){_NOT_ARTICLE}"
)
_OTHER_TABLE_BEFORE = compile_on_use(
    rf"(?P<other>別{_ANY_GAP}表{_ANY_GAP}第{_ANY_GAP}{_OTHER_ORDINAL}){_NOT_ARTICLE}"
    rf"(?:{_LIST_JOIN}(?:別{_ANY_GAP}表{_ANY_GAP})?第{_ANY_GAP}{_ANY_ORDINAL}{_NOT_ARTICLE})*{_LIST_JOIN}\Z"
)


def _listed_with_other_table(ctx: _Context, c: Citation) -> Finding | None:
    """A table listed with a table number the act does not have (the act has 別表第一 and 第二, now 別表), as
    a finding: the list is another law's (住民基本台帳法 has 別表第一 to 第六), or the act's name stands
    before a mistake; either way it is not renamed."""
    if c.kind is not CitationKind.TABLE or c.table_basis is TableBasis.ANTECEDENT:
        return None
    text = ctx.text
    m = _OTHER_TABLE_AFTER.match(text, c.end)
    if m is None and "別" in text[max(0, c.start - 40) : c.start]:
        m = _OTHER_TABLE_BEFORE.search(text, max(0, c.start - 40), c.start)
    if m is None:
        return None
    return _finding(c, F.LISTED_WITH_OTHER, other="".join(m.group("other").split()))


# how far a sentence may reach from a citation: a bound on the work only, far beyond the longest list a
# rewrite writes (a list re-derived from the law's content is as long as the table's rows make it), so
# that a rewrite never moves a sentence's bounds
_SENTENCE_REACH = 2000


# the sentence an old 第19条第7号 is looked for in: 「。」 ends it, or a blank line, but not a 「。」 that ends a note in a
# bracket (「番号法第19条第7号、別表第二の999の項（注。）及び別表第二の27の項」 is one sentence)
_NETWORK_SENTENCE = compile_on_use(r"。(?![」』）)])|\n[ \t\u3000\r]*\n")


def _network_item_apart(ctx: _Context, c: Citation, plan: _Plan) -> Finding | None:
    """An old 第19条第7号 in the sentence of a 別表第二 (or the old order's title) that the plan renames,
    which no plan renumbers with its table, as a finding: the new name says 第19条第8号, and it would
    stand beside the old 号 (「番号法第19条第7号に規定する情報提供ネットワークシステムを使用し、別表第二の
    27の項…」, 「番号法第19条第7号、別表第一及び別表第二」).  Another law's 第19条第7号 (「住民基本台帳法第5条、
    第19条第7号及び番号法別表第二」) does not count."""
    if c.kind is CitationKind.TABLE:
        if c.table_basis is TableBasis.ANTECEDENT or Table.BEPPYO2 not in (c.tables or (c.table,)):
            return None
    elif c.kind is not CitationKind.ORDER_TITLE or c.order is not Order.OLD_EXCHANGE:
        return None
    text = ctx.text
    lo, hi = max(0, c.start - _SENTENCE_REACH), min(len(text), c.end + _SENTENCE_REACH)
    if not ctx.network_items_between(lo, hi):  # (most texts: none at all, found by one C-level search)
        return None
    if not ctx.found_network_items:  # the ones joined to a table or title, found once for every citation
        ctx.found_network_items.append({
            m.start("n"): o.start
            for o, m in ((o, _network_item_of(ctx, o)) for o in ctx.citations if _names_network_table(o)) if m is not None
        })
    joined = ctx.found_network_items[0]
    start = lo
    for m in _NETWORK_SENTENCE.finditer(text, lo, c.start):
        start = m.end()
    stop = _NETWORK_SENTENCE.search(text, c.end, hi)
    end = stop.start() if stop is not None else hi
    renumbered = {e.start for e in plan.edits}
    for m in _NETWORK_ITEM.finditer(text, start, end):
        n = m.start("n")
        if c.start <= m.start() < c.end or n in renumbered or ctx.covered(m.start()):
            continue
        owner = joined.get(n)
        if owner is not None and not (owner < c.start and owner in ctx.kept_starts):
            # (joined to a table renumbered with it; not one before this one that stays as written:
            # 「番号法第19条第7号、別表第二の99の項及び別表第二の27の項」 keeps its old 号 with the first).  This one
            # changes with it: were that one kept with its group (a list it has, a tracked change in a Word
            # paragraph), the 号 would stay old beside this one's new name
            ctx.leans_on.append((c.start, owner))
            continue
        law = ctx.laws().bind(m.start()).expr
        if law is not None and law.kind is LawKind.OTHER:
            continue
        return _number_beside(text, c, m.start(), m.end())
    return None


def _number_beside(text: str, c: Citation, start: int, end: int) -> Finding:
    """``number-before-table`` or ``number-after-table`` for the number ``text[start:end]`` in the sentence
    of ``c``, quoting what stands between them (up to 40 characters)."""
    if start < c.start:
        preceding = "".join(text[start : c.start].split())
        preceding = preceding if len(preceding) <= 40 else preceding[:39] + "…"
        return _finding(c, F.NUMBER_BEFORE, preceding=preceding)
    following = "".join(text[c.end : end].split())
    following = following if len(following) <= 40 else "…" + following[-39:]
    return _finding(c, F.NUMBER_AFTER, following=following)


# an item of 第19条 with any number (「第19条第9号」, 「19条9号」), written as :data:`_NETWORK_ITEM_WORDS` is, or of 同条
# (「同条第9号」: the article it means is the last one written before it)
_ANY_ITEM_NUMBER = "(?P<n>[0-9０-９]+|[一二三四五六七八九十]+)"
_ARTICLE_19_ITEM = compile_on_use(
    _NETWORK_ITEM_WORDS.replace("(?P<n>7|７|七)", _ANY_ITEM_NUMBER)
    + rf"|(?P<same>同)[\s{INVISIBLE}]*条[\s{INVISIBLE}]*(?:第[\s{INVISIBLE}]*)?{_ANY_ITEM_NUMBER.replace('?P<n>', '?P<sn>')}[\s{INVISIBLE}]*号"
)
# an article's number (「19条」, 「第30条の9」 reads 30), for the article 同条 means
_ARTICLE_NUMBER = compile_on_use(rf"(?P<a>[0-9０-９]+|[〇一二三四五六七八九十百千]+)[\s{INVISIBLE}]*条")


def _other_item_beside_shift(ctx: _Context, c: Citation, plan: _Plan) -> Finding | None:
    """Another 号 of the act's 第19条 (not 第7号 or 第8号) in the sentence of a plan that makes an old 第19条第7号
    第8号, as a finding: that 号 is of the same, older numbering (the 2021 renumbering moved 第19条's items together),
    and it would stand unchanged beside the new 第8号 (「番号法第19条第7号、別表第二、第19条第9号」 would read 「…第8号、
    …第2条の表、第19条第9号」, two numberings in one list); the plan stays as written, as a 第9号 listed before the
    table already keeps it (「第19条第7号及び第9号並びに別表第二」)."""
    if not plan.edits:
        return None
    text = ctx.text
    lo, hi = min(e.start for e in plan.edits), max(e.end for e in plan.edits)
    if not ctx.network_items_between(max(0, lo - _DIGITS_REACH), hi):
        return None
    shifted = [
        m for m in _NETWORK_ITEM.finditer(text, max(0, lo - _DIGITS_REACH), hi)
        if any(e.start <= m.start("n") < e.end for e in plan.edits)
    ]
    if not shifted:
        return None
    first, last = shifted[0].start(), shifted[-1].end()
    start = max(0, first - _SENTENCE_REACH)
    for m in _NETWORK_SENTENCE.finditer(text, start, first):
        start = m.end()
    stop = _NETWORK_SENTENCE.search(text, last, min(len(text), last + _SENTENCE_REACH))
    end = stop.start() if stop is not None else min(len(text), last + _SENTENCE_REACH)
    for m in _ARTICLE_19_ITEM.finditer(text, start, end):
        try:
            if parse_int(m.group("n") or m.group("sn")) in (7, 8):
                continue
            if m.group("same"):
                article = None
                for a in _ARTICLE_NUMBER.finditer(text, start, m.start()):
                    article = a
                if article is None or parse_int(article.group("a")) != 19:
                    continue  # (同条 of another article: 「…住民基本台帳法第30条の9、同条第2号」)
        except ValueError:
            continue
        law = ctx.laws().bind(m.start()).expr
        if law is not None and law.kind is LawKind.OTHER:
            continue  # (「住民基本台帳法第19条第9号、番号法第19条第7号及び別表第二」: the other law's)
        return _number_beside(text, c, m.start(), m.end())
    return None


def _title_plan(ctx: _Context, c: Citation) -> _Plan:
    table_part = c.part("table")
    title = c.part("title")
    if table_part is None or title is None:
        return _Plan(True)
    number = c.part("order_number")
    expected = _OLD_ORDER_NUMBERS[c.order] if c.order is not None else None
    if number is not None and _order_number(ctx.text[number.start : number.end]) != expected:
        return _Plan(False, failures=(_finding(c, F.ORDER_NUMBER, number=ctx.text[number.start : number.end]),))
    if c.order is Order.OLD_USES:  # renamed in 2024 (…別表の主務省令…); same order, same number
        ord_part = c.part("ord")
        return _Plan(True, (_edit(ctx, ord_part.start, ord_part.end, "", c),) if ord_part else ())
    provision = c.part("provision")
    start = provision.start if provision is not None else table_part.start
    law_part = c.part("law")
    # digits as the citation writes them: its provision, else its number, else the document's
    local = provision or number
    numerals = _numerals_in(ctx, _digits_of(ctx.text[local.start : local.end])) if local else _numerals_before(ctx, c.start)
    if c.law_basis is LawBasis.FULL_NAME:
        after = NEW_ORDER_FORMAL_TAIL
    else:
        after = new_order_name(numerals, _without_dai(ctx, provision) if provision is not None else NO_SHORTHAND)
        if law_part is None:
            after = _law_name_for(ctx, c, start) + after
    edits = [_edit(ctx, start, title.end, after, c)]
    if provision is None:  # 「番号法第19条第7号、別表第二主務省令」: renamed to the 第19条第8号 order, with its 号
        edits.extend(_network_item_edits(ctx, c))
    if number is not None:  # the repealed order's number → the new order's, inside the same brackets
        written = ctx.text[number.start : number.end]
        digits = _numerals_in(ctx, _digits_of(written))
        edits.append(_edit(ctx, number.start + 1, number.end - 1, new_order_number(digits), c))
    return _Plan(True, tuple(edits))


_DIGIT_RUN = compile_on_use(r"[0-9０-９〇一二三四五六七八九十百千]+")


def _digits_of(written: str) -> str:
    """The last run of digits in ``written`` (「第7号」 of 「（平成26年…第7号）」), or ``written``."""
    runs = _DIGIT_RUN.findall(written)
    return runs[-1] if runs else written


# The old orders' numbers: (year of 平成, number) of 内閣府・総務省令
_OLD_ORDER_NUMBERS = {Order.OLD_EXCHANGE: (26, 7), Order.OLD_USES: (26, 5)}
_ORDER_NUMBER_RE = compile_on_use(r"[（(]平成([^年]{1,6})年内閣府・?総務省令第([^号]{1,6})号[）)]")


def _order_number(written: str) -> tuple[int, int] | None:
    """(year, number) of 「（平成26年内閣府・総務省令第7号）」 in any digits; None for anything else."""
    m = _ORDER_NUMBER_RE.fullmatch("".join(written.split()))
    if m is None:
        return None
    try:
        return parse_int(m.group(1)), parse_int(m.group(2))
    except ValueError:
        return None


# ------------------------------------------------------------------------- groups and typos


def _family(c: Citation) -> str | None:
    if c.kind is CitationKind.ORDER_REFS or c.order is Order.OLD_EXCHANGE or c.table is Table.BEPPYO2:
        return "exchange"
    if c.order is Order.OLD_USES or c.table is Table.BEPPYO1:
        return "uses"
    return None


# A list of rows at a line's start (「1、2、3項」, 「（１、２項）」, 「38の2・39の項」): its first number is no item mark
_ROW_NUMBER = r"[0-9０-９一二三四五六七八九十百]{1,4}(?:の[0-9０-９一二三四五六七八九十]{1,3})?"
_NUMBER_LIST_AT = compile_on_use(
    rf"[(（]?{_ROW_NUMBER}(?:[ \t\u3000]*(?:[、,，・]|及び)[ \t\u3000]*{_ROW_NUMBER})+[ \t\u3000]*の?項"
)


def _held(plan: _Plan) -> _Plan | Edit | tuple[Edit, ...]:
    """What a rewrite holds of a citation's plan until every group is settled: of a plan that
    applies with no note, its edits alone (a single edit as itself); of any other, the plan.  A
    dense text holds one plan per 15 bytes, and a plan and its tuple took 8.5× the input."""
    if plan.ok and not plan.notes:
        return plan.edits[0] if len(plan.edits) == 1 else plan.edits
    return plan


def _cited(groups: array[int], i: int | None) -> bool:
    """Whether ``i`` is the index of a citation in ``groups`` (see :func:`_groups`)."""
    return i is not None and 0 <= i < len(groups) and groups[i] >= 0


def _kept_as_old(text: str, f: Finding) -> bool:
    """Whether ``f`` is a table kept as the old text because of the new table written after it (see
    :func:`resolve.marked_by_new_after`)."""
    return f.reason == F.MARKED_OLD and f.citation is not None and marked_by_new_after(text, f.citation)


def _groups(text: str, items: Sequence[Citation | Finding]) -> array[int]:
    """Citations that change together or not at all: by the item's index, the index that names its
    group (-1 for a finding).  An array of machine integers, not a dict: a dense text holds one
    citation every 15 bytes, and a dict's entry and its int objects took 4× the input.

    The rule: a dependent citation (a row list, 同表, an order's article list) goes with the
    citation it hangs on, and with every row-less table or order title of the same family
    (別表第一 and its order, 別表第二 and its order) written from the start of its antecedent's
    sentence to the end of its own (:data:`laws.SENTENCE_BREAK`: 「。」, a new item, a blank line);
    a table that names its own rows goes with those of its own sentence; a list of rows goes with
    another table's name in the bracket right after it (:func:`_list_before_bracketed_table`).
    Those are the names a reader may take for the list's table; a row-less one in another
    sentence of a long passage (a Word body without empty paragraphs) is another statement and
    changes on its own.

    A table kept as the old text because of the new table written after it (a finding, marked-old:
    「（現行：別表の24の項）」, a change record's next cell; :func:`resolve.marked_by_new_after`) is a
    member of its group as a citation is, and the group is kept with it: a first run that found
    that new table still written old, and renamed it, kept the table, when it did, for another
    reason with its group, and a second run must keep what the first kept.
    """
    cited = [it if isinstance(it, Citation) else it.citation if _kept_as_old(text, it) else None for it in items]
    parent = array("q", (i if c is not None else -1 for i, c in enumerate(cited)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a: int, b: int) -> None:
        parent[find(a)] = find(b)

    # row-less table and title citations by (passage, family), in text order
    bare: dict[tuple[int, str | None], list[int]] = {}
    for j, other in enumerate(cited):
        if other is not None and not other.rows and other.kind in (CitationKind.TABLE, CitationKind.ORDER_TITLE):
            bare.setdefault((other.passage, _family(other)), []).append(j)
    bare_starts = {key: [items[j].start for j in members] for key, members in bare.items()}
    breaks: dict[int, list[int]] = {}  # by passage: where its sentences end, found once
    # (a sentence never ends inside a citation, nor at a line break before a list of numbers whose first number
    # would read as an item mark, in a bracket or not: 「別表第二\n1、2、3項」 is one sentence, as 「別表第二\n9項」 is,
    # and 「…の表\n（1、2、3項）」 as 「…の表\n（7項）」, which a rewrite may turn into it.  Whether the list is such is read
    # on the text, not on whether a citation holds it: a rewrite renames the list's table to one whose rows are not
    # read, and the sentence must end in the same place on a second run — fuzzer, seed 92929)
    inside = _holds([it for it in items if isinstance(it, Citation)])

    def item_mark_read(m: re.Match[str]) -> bool:
        return "\n" not in text[m.start() + 1 : m.end()] and _NUMBER_LIST_AT.match(text, m.end()) is not None

    def sentence(passage: int, start: int, end: int) -> tuple[int, int]:
        """From the start of the sentence holding ``start`` to the end of the one holding ``end``."""
        if passage not in breaks:
            stop = passage_end(text, passage, len(text))
            breaks[passage] = [
                m.start() for m in SENTENCE_BREAK.finditer(text, passage, stop)
                if not inside(m.start()) and not (text[m.start()] == "\n" and item_mark_read(m))
            ] + [stop]
        marks = breaks[passage]
        k = bisect.bisect_left(marks, start)
        # (a list closed by its bracket may hold a blank line, 「（２条\n\n３条）」: its sentence ends with the passage's end)
        return (marks[k - 1] + 1 if k else passage), marks[min(bisect.bisect_left(marks, end - 1), len(marks) - 1)]

    # for each key, the index ranges [lo, hi) of ``bare[key]`` that a dependent drags along
    windows: dict[tuple[int, str | None], list[tuple[int, int, int]]] = {}
    previous: tuple[int, Citation] | None = None  # the citation before this one
    for i, it in enumerate(cited):
        if it is None:
            continue
        kept_old = it is not items[i]  # (a table kept as the old text by the new table after it: see above)
        if not kept_old:
            if previous is not None and _list_before_bracketed_table(text, previous[1], it):
                union(previous[0], i)  # 「別表第一の16の項、27の項（番号法別表第二）」: the list stays with the name it may be of
            previous = (i, it)
        if kept_old or it.antecedent is None:
            # a table that names its own rows is read the same way: 「（別表第二における情報提供の根拠）　別表第二の
            # 27、30の項」 — the row-less name in its sentence may be taken for the list's table
            if it.kind is not CitationKind.TABLE or not it.rows:
                continue
            begin = it.start
        else:
            if _cited(parent, it.antecedent):
                union(i, it.antecedent)
            begin = min(items[it.antecedent].start, it.start)
        key = (it.passage, _family(it))
        if key not in bare:
            continue
        first, last = sentence(it.passage, begin, it.end)
        starts = bare_starts[key]
        lo, hi = bisect.bisect_left(starts, first), bisect.bisect_left(starts, last)
        if lo < hi:
            windows.setdefault(key, []).append((lo, hi, i))
    # overlapping windows are one group: merged in one sweep, so that the joins stay linear
    for key, spans in windows.items():
        members = bare[key]
        spans.sort()
        reach = -1
        for lo, hi, i in spans:
            union(i, members[lo])
            for k in range(max(lo + 1, reach), hi):
                union(members[k], members[k - 1])
            reach = max(reach, hi)
    for i, up in enumerate(parent):
        if up >= 0:
            parent[i] = find(i)
    return parent


_INFERRED_REASONS = frozenset({F.ROW_INFERRED, F.ORDER_REF_INFERRED, F.ROW_RANGE})

_TYPOS: tuple[tuple[re.Pattern[str], int, str], ...] = (
    (compile_shared(r"番[\s]*号[\s]*利[\s]*用[\s]*(表)"), 1, "法"),
    (
        compile_shared(
            r"第[\s]*(?:19|１９|十九)[\s]*条[\s]*第[\s]*(?:8|８|八)[\s]*(条)(?=[\s]*に[\s]*基[\s]*づ[\s]*く)"
        ),
        1,
        "号",
    ),
)


def _typo_findings(text: str, typos: list[tuple[int, int, str, str]]) -> list[Finding]:
    return [
        Finding(start, end, text[start:end], F.TYPO, F.message(F.TYPO, found="".join(found.split()), correct=correct),
                proposed=correct[-1])
        for start, end, found, correct in typos
    ]


def _rewrite_corrected(
    text: str,
    typos: list[tuple[int, int, str, str]],
    assume_law: bool,
    as_of: datetime.date | None,
    accept_inferred: bool,
    mset: MappingSet,
    rederive: Rederive | None,
) -> RewriteResult:
    """``--fix-typos``: the text is read as it will read once its typos are corrected, so that a
    second run (which reads the corrected text) finds nothing more to do.  Each correction is one
    character for one, so the corrected text's spans are the text's own."""
    chars = list(text)
    for start, end, _found, correct in typos:
        chars[start:end] = correct[-1]
    corrected = "".join(chars)
    assert len(corrected) == len(text)
    inner = _rewrite(corrected, assume_law, as_of, accept_inferred, mset, False, rederive)
    # the spans are the same; what an edit or a finding quotes is the text as written
    edits = [attrs.evolve(e, before=text[e.start:e.end]) for e in inner.edits]
    findings = [f if f.text == text[f.start:f.end] else attrs.evolve(f, text=text[f.start:f.end]) for f in inner.findings]
    findings.extend(_typo_findings(text, typos))
    # a correction inside a rewritten citation is already in its new text (read from the corrected text)
    for start, end, _found, correct in typos:
        if not any(e.start <= start and end <= e.end for e in inner.edits):
            edits.append(Edit(start, end, text[start:end], correct[-1], reason="typo"))
    return _result(text, edits, findings)


def _typos(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, found, correct) for each known typo of real documents."""
    out = []
    for pattern, group, correct in _TYPOS:
        for m in pattern.finditer(text):
            out.append((m.start(group), m.end(group), m.group(0), m.group(0)[: m.start(group) - m.start()] + correct))
    return out


def _proposed(ctx: _Context, c: Citation) -> str | None:
    accepted = plan_citation(attrs.evolve(ctx, accept_inferred=True), c)
    if not accepted.ok:
        return None
    local = [attrs.evolve(e, start=e.start - c.start, end=e.end - c.start) for e in accepted.edits]
    if any(e.start < 0 or e.end > len(c.text) for e in local):
        return None
    return apply_edits(c.text, local)


def rewrite(
    text: str,
    *,
    assume_law: bool = False,
    as_of: datetime.date | None = None,
    accept_inferred: bool = False,
    mappings: MappingSet | None = None,
    fix_typos: bool = False,
    rederive: Rederive | None = None,
) -> RewriteResult:
    """Rewrite every citation of the act's old tables in ``text`` to the numbering of 2024-05-27.

    ``assume_law``: take tables with no law named as the act's (PIA documents need it).
    ``as_of``: the date whose numbering the text uses (default: the old numbering of 2024-05-26, with a
    bare 「別表」 read as the new table already written; given a date before 2024-05-27, a bare 「別表」
    is reported as ``table-ambiguous``, since the act then had only 別表第一 and 第二).
    ``accept_inferred``: also apply mapping rows that are only ``inferred``.
    ``mappings``: a :class:`~mynumber_refs.mappings.MappingSet` (default: the shipped tables).
    ``fix_typos``: correct the known typos of real documents (otherwise only reported).
    ``rederive``: lists introduced by a content criterion are derived from the law's content
    instead of renumbered (:mod:`mynumber_refs.rederive`).

    Returns a :class:`~mynumber_refs.model.RewriteResult`: ``.text``, ``.edits`` (spans in
    ``text``) and ``.findings`` (what was found but not rewritten, with the reason).
    """
    as_of, mappings = rewrite_args(text, assume_law, as_of, accept_inferred, mappings, fix_typos)
    mset = mappings if mappings is not None else default_mappings()
    with collector_paused():
        return _rewrite(text, assume_law, as_of, accept_inferred, mset, fix_typos, rederive)


def _rewrite(
    text: str,
    assume_law: bool,
    as_of: datetime.date | None,
    accept_inferred: bool,
    mset: MappingSet,
    fix_typos: bool,
    rederive: Rederive | None = None,
) -> RewriteResult:
    typos = _typos(text)
    if fix_typos and typos:
        return _rewrite_corrected(text, typos, assume_law, as_of, accept_inferred, mset, rederive)
    items, held = find_with_others(text, assume_law=assume_law)
    aliases = tuple(ALIASES)
    # a number another law's table or list holds is read too (「…16の項、住民基本台帳法（27、28の項）」)
    ctx = _Context(text, mset, as_of, accept_inferred, [], covered=_holds(items, held), aliases=aliases,
                   citations=[i for i in items if isinstance(i, Citation)],
                   orphans=[i for i in items if isinstance(i, Finding) and i.reason == F.NO_ANTECEDENT],
                   cited_findings=[i for i in items if isinstance(i, Finding) and i.citation is not None],
                   item_starts=sorted(i.start for i in items))
    plans: list[_Plan | Edit | tuple[Edit, ...] | None] = [None] * len(items)  # by the item's index (a finding has none)
    findings: list[Finding] = []
    groups = _groups(text, items)
    for i, item in enumerate(items):
        if isinstance(item, Finding):
            findings.append(item)
            continue
        ctx.group[0] = groups[i]  # the plan's edits carry their group
        planned = plan_citation(ctx, item)
        plans[i] = _held(planned)
        if not planned.ok:
            ctx.kept_starts.add(item.start)
    ctx.group[0] = None
    if rederive is not None:  # lists derived from the law's content replace their renumbering
        from .rederive import plan_rederived

        for i, p in plan_rederived(text, items, rederive, accept_inferred=accept_inferred).items():
            plans[i] = _Plan(p.ok, p.edits, p.notes, p.failures)
    if ctx.leans_on:  # a table renamed beside a 第19条第7号 that another citation renumbers changes with it, or not at all
        at = {items[i].start: i for i, p in enumerate(plans) if p is not None}
        merged: dict[int, int] = {}  # group → the group it joins (a forest: the groups merge in one pass at the end)

        def root(g: int) -> int:
            while g in merged:
                merged[g] = merged.get(merged[g], merged[g])  # (halving the path: every chain stays short)
                g = merged[g]
            return g

        for leaning, owner in ctx.leans_on:
            a, b = at.get(leaning), at.get(owner)
            if a is not None and b is not None:
                ga, gb = root(groups[a]), root(groups[b])
                if ga != gb:
                    merged[ga] = gb
        if merged:
            for k, g in enumerate(groups):
                if g >= 0:
                    groups[k] = root(g)
    failed_groups = {groups[i] for i, p in enumerate(plans) if isinstance(p, _Plan) and not p.ok}
    kept_for: dict[int, str] = {}  # a group kept because of a finding in it (a list hanging on it, the table a list hangs on): that finding
    for i, item in enumerate(items):
        if isinstance(item, Finding) and groups[i] >= 0:  # a table kept as the old text: its group is kept with it
            failed_groups.add(groups[i])
            kept_for.setdefault(groups[i], _excerpt(item.text))
            continue
        if isinstance(item, Citation) and item.antecedent is not None and isinstance(items[item.antecedent], Finding):
            # 「別表第二の第三欄…（27の項）」: the table the list belongs to is kept, so is the list; named in its finding
            failed_groups.add(groups[i])
            kept_for.setdefault(groups[i], _excerpt(items[item.antecedent].text))
        elif isinstance(item, Finding) and item.citation is not None and _cited(groups, item.citation.antecedent):
            # 「別表第一（16の項）の下欄」: the list is not rewritten, so neither is the table it names
            g = groups[item.citation.antecedent or 0]  # (an index: _cited says so)
            failed_groups.add(g)
            kept_for.setdefault(g, _excerpt(item.text))
    members: dict[int, list[int]] = {g: [] for g in failed_groups}  # only a failed group's are named
    for j, g in enumerate(groups):
        if g in members:
            members[g].append(j)
    edits: list[Edit] = []
    for i, planned_ in enumerate(plans):
        if planned_ is None:
            continue
        plans[i] = None  # (let go as its edits are taken: the edits list grows as the plans go)
        if isinstance(planned_, Edit) and groups[i] not in failed_groups:  # (most: one edit and no note, applied)
            g = groups[i]
            e = planned_
            edits.append(e if e.group == g else Edit(e.start, e.end, e.before, e.after, e.citation, e.evidence, e.reason, g))
            continue
        plan = planned_ if isinstance(planned_, _Plan) else _Plan(True, (planned_,) if isinstance(planned_, Edit) else planned_)
        c = items[i]
        assert isinstance(c, Citation)
        if plan.ok and groups[i] not in failed_groups:
            g = groups[i]
            edits.extend(
                e if e.group == g else Edit(e.start, e.end, e.before, e.after, e.citation, e.evidence, e.reason, g)
                for e in plan.edits
            )
            findings.extend(plan.notes)
            continue
        if plan.ok:
            if plan.edits:
                others = [items[j] for j in members[groups[i]] if j != i]
                other = "、".join(_excerpt(o.text) for o in others if isinstance(o, Citation))
                other = "、".join(x for x in (other, kept_for.get(groups[i], "")) if x)
                findings.append(_finding(c, F.DEPENDENT_KEPT, other=other or "?"))
            continue
        # the rewrite --accept-inferred would make: only where every reason to keep the citation is
        # an inferred mapping (otherwise it would be kept then too)
        proposed = (
            _proposed(ctx, c)
            if plan.inferred and not accept_inferred and all(f.reason in _INFERRED_REASONS for f in plan.failures)
            else None
        )
        for f in plan.failures:
            findings.append(attrs.evolve(f, proposed=proposed) if proposed is not None else f)
    # known typos of real documents (reported: they are corrected only by _rewrite_corrected)
    findings.extend(_typo_findings(text, typos))
    # the plans, the groups and the context are not needed to build the new text: let them go first
    # (the new text is built beside the old one, the peak of a rewrite's memory)
    del plans, groups, members, ctx, items
    return _result(text, _drop_overlaps(edits, findings), findings)


def _result(text: str, edits: list[Edit], findings: list[Finding]) -> RewriteResult:
    """The result of the edits that change something, and the findings, each sorted by place."""
    edits = [e for e in edits if e.before != e.after]
    # by (start, end) and (start, end, reason), in stable passes of one key each: no key tuple is
    # made per item (thousands of them would stay in the interpreter's free lists)
    edits.sort(key=_END)
    edits.sort(key=_START)
    for key in (_REASON, _END, _START):
        findings.sort(key=key)
    return RewriteResult(text, apply_edits(text, edits), tuple(edits), tuple(findings))


_START, _END, _REASON = operator.attrgetter("start"), operator.attrgetter("end"), operator.attrgetter("reason")



def _holds(items: Sequence[Citation | Finding], others: Sequence[tuple[int, int]] = ()) -> _Holds:
    """Whether a position lies inside one of ``items`` (citations and findings alike) or ``others``."""
    return _Holds(itertools.chain(((i.start, i.end) for i in items), others))


class _Holds:
    """Whether a position lies inside one of some spans [start, end), and where a character stands outside them."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [sp[0] for sp in ordered]
        self._reach: list[int] = []  # the furthest end among the spans up to each index
        for _, e in ordered:
            self._reach.append(max(e, self._reach[-1]) if self._reach else e)

    def __call__(self, pos: int) -> bool:
        k = bisect.bisect_right(self._starts, pos) - 1
        return k >= 0 and self._reach[k] > pos

    def outside(self, text: str, ch: str) -> list[int]:
        """Where ``ch`` stands in ``text`` outside every span, in order: searched in the gaps between the spans
        only (in a dense text most of a character's places are inside them)."""
        found: list[int] = []
        gaps = zip(itertools.chain((0,), self._reach), itertools.chain(self._starts, (len(text),)), strict=True)
        for lo, hi in gaps:  # (a gap runs from the furthest end so far to the next start; most are empty)
            k = text.find(ch, lo, hi) if lo < hi else -1
            while k >= 0:
                found.append(k)
                k = text.find(ch, k + 1, hi)
        return found


def _drop_overlaps(edits: list[Edit], findings: list[Finding]) -> list[Edit]:
    kept: list[Edit] = []
    end = -1
    for e in sorted(sorted(edits, key=_END), key=_START):  # by (start, end)
        if e.start < end:
            findings.append(Finding(e.start, e.end, e.before, F.OVERLAP, F.message(F.OVERLAP)))
            continue
        kept.append(e)
        end = max(end, e.end)
    return kept

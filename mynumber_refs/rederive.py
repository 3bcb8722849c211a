"""``rewrite --rederive``: lists introduced by a content criterion are derived again, not renumbered.

A PIA's 「第三欄（情報提供者）が「市町村長」の項のうち、第四欄（特定個人情報）に「住民票関係情報」が含まれる項
（１、２、３、４、６…の項）」 cannot be renumbered row by row into the new table (rows were split, added and
dropped); the city re-derived it from the new law.  With :class:`Rederive` passed to
:func:`mynumber_refs.rewrite`, this module plans, for each such list, the edit that writes the list
:func:`~mynumber_refs.derive.derive_lists` gives, in the list's own digits:

* a row list of 別表第二 or of 第2条の表 (a list already in the new table is brought up to date);
  the criterion is read from the text just before the list when written there
  (:func:`~mynumber_refs.reflists.read_criterion`), else taken from ``Rederive.provider`` /
  ``information``; a list introduced by another criterion (「第一欄（情報照会者）が…」) is left to the
  ordinary renumbering, but one introduced by a criterion on the provider's side that is not read
  (「…に「住民票関係情報」又は「地方税関係情報」が含まれる項」) is kept and reported: renumbered row by row it
  would not be that criterion's list; a criterion written right before the table, qualifying it (a column, a value
  in 「」 and 「である」, 「が含まれる」 … where the table starts: 「第三欄（情報提供者）が「都道府県知事」である番号利用法別表第二の
  項（27、28の項）」, :func:`~mynumber_refs.reflists.criterion_leading`), is the list's as one written before the list is
  (rows written right after such a table are kept and reported: the table's name is renamed apart from its rows);
* the parenthesised reference list after the repealed order's title (「（１条２号ハ、…）」), which
  writes no criterion of its own: it is derived with ``Rederive.provider`` / ``information`` and
  written in the PIA's style (「３条１号ハ、４条１０号ハ・１７号ニ…」); the title is renamed by the
  ordinary plan, in the same group.

The criterion given is put only on a list that writes none (no column named before it, not the
inquirer's) and is its table's (or title's) only list (through 同表): two lists after one table cannot
each be the whole derived list, and are kept and reported.  More generally, a derived list replaces a list
only when it is the only list or row citation of its kind (rows of the exchange table, old or new, in a list
or right after the table: 「別表第二の27の項」; references of its order) under its criterion in its passage (the
text between blank lines: a paragraph; a Word or Excel cell whole); otherwise every list among them is kept and reported
(「番号利用法別表第二（1、2の項）、番号利用法別表第二（27の項）」 would get the whole list twice).  Likewise a list a written criterion heads
in several parts (「…が含まれる項（1、2、3の項）及び（5、6の項）」) is kept whole and reported: no part is
the derived list, and deriving one while renumbering the others would add rows.

In a Word or Excel table the criterion is often written in the row's label cell, to the left of (or
above) the list's cell (「情報提供者：都道府県知事、特定個人情報：住民票関係情報」 | 「番号利用法別表第二（項番27、28）」):
the document handler passes that cell as ``Rederive.lead``, and its criterion is the one of the cell's
lists that write none, never the one given: they are derived from it when it is read, and kept and
reported when it is not (「情報照会の根拠」).  A label shared by several cells of the column holding lists of one kind
(the label merged over their rows, or left empty below the first: ``Rederive.parts``) heads one list written in
parts, as a criterion heading several brackets does: no part takes the label's criterion, the column's or the one
given; each is kept and reported.

A list whose derivation is incomplete (an unknown provider or category, a row whose references
cannot be read from the order's words, references only ``inferred`` or ``unverified`` without
``accept_inferred``) is kept as written with the reason, and so is everything in its group.
"""

from __future__ import annotations

import bisect
import datetime
import functools
from collections.abc import Callable, Iterable, Sequence

import attrs

from ._patterns import compile_on_use
from .derive import (
    CARRIED,
    ESTABLISHED,
    INFERRED,
    NOTE_NO_ROWS,
    NOTE_PROVIDER_SHARED,
    NOTE_ROW_WITHOUT_REFERENCE,
    NOTE_TERM_NOT_IN_ARTICLES,
    UNVERIFIED,
    DerivedLists,
    DeriveError,
    derive_lists,
)
from .model import Citation, CitationKind, Edit, Finding, Order, RowNumber, Table
from .numerals import NumeralStyle
from .reflists import (
    Criterion,
    column_above,
    column_criterion,
    criterion_before,
    criterion_leading,
    read_criterion,
    read_label_criterion,
    render_reference_list,
)
from .render import render_rows

__all__ = ["Rederive", "RederivePlan", "plan_rederived", "REDERIVED", "REDERIVE_FAILED"]

REDERIVED = "rederived"
REDERIVE_FAILED = "rederive-not-established"

# where a list's criterion comes from (in the note of a rederived list)
_WRITTEN = "本文の条件 / the criterion written"
_LABEL = "見出しのセルの条件 / the criterion in the label cell"
_COLUMN = "列の見出しの条件 / the criterion in the column heading"
_GIVEN = "指定の条件 / the criterion given"

# derivation notes that leave a reference list incomplete (its rows are complete all the same)
_INCOMPLETE = {NOTE_TERM_NOT_IN_ARTICLES, NOTE_ROW_WITHOUT_REFERENCE, NOTE_PROVIDER_SHARED, NOTE_NO_ROWS}


@attrs.frozen
class Rederive:
    """What ``rewrite(..., rederive=Rederive(...))`` derives lists with.

    ``provider``/``information``: the criterion for lists that do not write one (reference lists
    always need it); ``as_of``: the date the derived lists hold for (default: the text in the
    data); ``include_via``: reference lists also take the 号 that take the information over.
    """

    provider: str | None = None
    information: str | None = None
    as_of: datetime.date | None = None
    include_via: bool = False
    lead: str = ""
    """The text of the label cell beside (or above) the table cell being rewritten: a criterion written
    there is the one of the cell's lists that write none (derived from it when read, kept and reported
    when not), never the one given."""
    column: tuple[str, ...] = ()
    """The texts of the cells above the table cell being rewritten in its column, nearest first: the nearest
    that names a side, a column or a criterion is its column heading (「情報照会の根拠」｜「情報提供の根拠」 over
    a column of lists), a label as :attr:`lead` is (see :func:`~mynumber_refs.reflists.column_criterion`).
    In tab-separated text the column is read from the text itself."""
    parts: tuple[str, ...] = ()
    """The texts of the other cells in the column of the table cell being rewritten that share its label (the label
    cell merged over their rows, or left empty below a row holding a list: see
    :attr:`mynumber_refs.formats.Unit.parts`).  A list of the cell whose kind (a row list of the exchange table, or the
    repealed order's reference list) one of them holds too is one of several parts of the label's list: it is never
    given the label's criterion, the column's or the one given, but kept as written and reported, as a list a written
    criterion heads in several brackets is."""
    peers: Callable[[], Iterable[tuple[str, Callable[[], tuple[str, tuple[str, ...]]]]]] | None = attrs.field(
        default=None, eq=False, repr=False)
    """For a Word or Excel table cell: what gives the other cells of its table in the rows around it up to an empty row
    (what a blank line bounds in tab-separated text), each as its text and what gives its label and the cells above it
    in its column (as :attr:`lead` and :attr:`column`).  A list of the cell that takes the criterion given is one of
    several when one of them holds a list of its kind that takes it too (writing no criterion, its label and column
    heading none): it is kept as written and reported, as the lists of one passage of tab-separated text are, and not
    given the whole derived list beside another (「事務A」｜「番号利用法別表第二（1、2の項）」, 「事務B」｜「…（5の項）」)."""
    cell: bool = False
    """The text is one Word or Excel table cell: one passage, whatever empty paragraphs (blank lines) it holds, so that
    two lists in it under one criterion are both kept and reported, not each given the whole derived list."""



@attrs.frozen
class RederivePlan:
    ok: bool
    edits: tuple[Edit, ...] = ()
    notes: tuple[Finding, ...] = ()
    failures: tuple[Finding, ...] = ()


def _finding(c: Citation, reason: str, message: str, evidence: Sequence[str] = ()) -> Finding:
    return Finding(c.start, c.end, c.text, reason, message, citation=c, evidence=tuple(evidence))


def _parenthesised(text: str, pos: int) -> bool:
    j = pos - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    return j >= 0 and text[j] in "（("


def plan_rederived(
    text: str,
    items: Sequence[Citation | Finding],
    options: Rederive,
    *,
    accept_inferred: bool = False,
) -> dict[int, RederivePlan]:
    """Plans for the lists of ``items`` (as :func:`~mynumber_refs.resolve.find_citations` gives them
    for ``text``) that are derived rather than renumbered, by index in ``items``."""
    cache: dict[tuple[str, str], DerivedLists | DeriveError] = {}

    def derived_for(provider: str, information: str) -> DerivedLists | DeriveError:
        key = (provider, information)
        if key not in cache:
            try:
                cache[key] = derive_lists(provider, information, as_of=options.as_of, include_via=options.include_via)
            except DeriveError as exc:
                cache[key] = exc
        return cache[key]

    # the lists of each table or title: the criterion given is put only on its table's (or title's) one list,
    # as a derived list is the whole list (two lists after one table would each get all of it)
    # (「同表の（…）」 is a list of the table 同表 refers to)
    lists_of: dict[int, int] = {}
    for item in items:
        if (isinstance(item, Citation) and item.antecedent is not None
                and item.kind in (CitationKind.ROW_LIST, CitationKind.ORDER_REFS)):
            root = _root(items, item.antecedent)
            lists_of[root] = lists_of.get(root, 0) + 1

    def one_of_several(c: Citation) -> RederivePlan | None:
        if c.antecedent is None or lists_of.get(_root(items, c.antecedent), 0) < 2:
            return None
        return RederivePlan(False, failures=(_finding(
            c, REDERIVE_FAILED,
            "条件を書いていない一覧で、同じ表（命令）の一覧が二つ以上あるため、指定の条件で導いた一覧をどれに書くか確定できません"
            " / a list that writes no criterion, one of several of its table (or order): which of them the list"
            " derived with the criterion given replaces is not established",
        ),))

    # a criterion in the label cell beside the text, or in the heading of its column, heads its lists that write none
    lead = read_label_criterion(options.lead) if options.lead else None

    def label_for(c: Citation) -> tuple[Criterion | None, str]:
        """The criterion the label cell and the column heading write for ``c`` and where it comes from: one that
        one of them writes, or, when both write one and they differ, one not read (the list's is not established)."""
        cells = options.column or column_above(text, c.start)
        column = column_criterion(cells) if cells else None
        if column is None:
            return lead, _LABEL
        if lead is None:
            return column, _COLUMN
        if (lead.provider, lead.information) == (column.provider, column.information) and (
                lead.supported or lead.written == column.written):  # (the cell right above is both)
            return lead, _LABEL
        return Criterion(None, None, f"{lead.written}／{column.written}", 0, 0), _LABEL

    def label_unread(c: Citation, found: Criterion, source: str) -> RederivePlan:
        where = ("列の見出し", "the column heading") if source == _COLUMN else ("見出しのセル", "the label cell")
        return RederivePlan(False, failures=(_finding(
            c, REDERIVE_FAILED,
            f"{where[0]}に条件（{found.written}）が書かれていますが、読み取れないため、一覧を導けません"
            f" / {where[1]} writes a criterion ({found.written}) that is not read: the list is not derived",
            (found.written,),
        ),))

    kinds_elsewhere: set[str] | None = None  # the kinds of list the cells sharing the label hold (found once, when asked)

    def part_of_several(c: Citation, kind: str) -> RederivePlan | None:
        """A failure for ``c``, a list writing no criterion of its own, when a cell sharing its label holds a list of
        its kind: the label's list is written in several cells, none of which is the derived list."""
        nonlocal kinds_elsewhere
        if not options.parts:
            return None
        if kinds_elsewhere is None:
            from .resolve import find_citations

            # (the act assumed: a list there that would be the act's only when assumed still makes this one a part)
            kinds_elsewhere = {k for part in options.parts for k in _list_kinds(find_citations(part, assume_law=True))}
        if kind not in kinds_elsewhere:
            return None
        label = "".join(options.lead.split())
        label = label if len(label) <= 40 else label[:39] + "…"
        cells = len(options.parts) + 1
        return RederivePlan(False, failures=(_finding(
            c, REDERIVE_FAILED,
            f"見出しのセル（{label}）の一覧が{cells}つのセルに分けて書かれているため、導いた一覧をどれに書くか確定できません"
            f" / the list of the label cell ({label}) is written in {cells} cells: which part the derived list replaces"
            " is not established",
            (options.lead,),
        ),))

    plans: dict[int, RederivePlan] = {}
    pending: list[tuple[int, str, str, str, str]] = []  # the lists to derive: index, kind, provider, information, source
    rows_after: list[tuple[int, str, str, str]] = []  # rows written right after a table, under a criterion given
    for i, (part, heading) in _lists_in_parts(text, items).items():  # (each part counts under its criterion too)
        plans[i] = part
        assert heading.provider is not None and heading.information is not None
        rows_after.append((i, _ROWS, heading.provider, heading.information))
    # (and the lists kept as one of several of their table or label: each still counts beside the others of its passage)
    for i, item in enumerate(items):
        if not isinstance(item, Citation) or i in plans:
            continue
        rows_part = item.part("rows")
        if rows_part is None:
            continue
        if item.kind is CitationKind.ROW_LIST and item.table in (Table.BEPPYO2, Table.ORDER_TABLE):
            table = items[item.antecedent] if item.antecedent is not None else None
            criterion = read_criterion(text, item.start, after=table.end if isinstance(table, Citation) else 0)
            if criterion is None and isinstance(table, Citation):  # or written right before its table, qualifying it
                criterion = criterion_leading(text, table.start)
            if criterion is not None and not criterion.supported:
                if _provider_side(criterion, text[criterion.start : item.start]):  # the provider's, not read: renumbering
                    # would not give its list
                    plans[i] = _provider_side_unread(item, criterion)
                continue  # introduced by another criterion (the inquirer's): renumbered as usual
            if criterion is None and isinstance(table, Citation) and criterion_before(text, table.start) is not None:
                continue  # its criterion is written before its table (「情報照会の根拠：…別表第二（1、2の項）」)
            label, label_source = label_for(item) if criterion is None else (None, _LABEL)
            if criterion is not None:
                provider, information, source = criterion.provider, criterion.information, _WRITTEN
            elif label is not None:
                if not label.supported:
                    plans[i] = label_unread(item, label, label_source)
                    continue
                provider, information, source = label.provider, label.information, label_source
            else:
                provider, information, source = options.provider, options.information, _GIVEN
            if provider is None or information is None:
                continue
            several = (part_of_several(item, _ROWS) or one_of_several(item)) if criterion is None else None
            if several is not None:
                plans[i] = several
                rows_after.append((i, _ROWS, provider, information))
                continue
            pending.append((i, _ROWS, provider, information, source))
        elif (
            item.kind is CitationKind.ORDER_REFS
            and item.order is Order.OLD_EXCHANGE
            and _parenthesised(text, item.start)
        ):
            label, label_source = label_for(item)
            if (options.provider is None or options.information is None) and label is None:
                continue
            title = items[item.antecedent] if item.antecedent is not None else None
            criterion = read_criterion(text, item.start, after=title.end if isinstance(title, Citation) else 0)
            if isinstance(title, Citation) and criterion_before(text, title.start) is not None:
                continue  # it writes its criterion before the title
            provider, information, source = options.provider, options.information, _GIVEN
            if label is not None and criterion is None:
                if not label.supported:
                    plans[i] = label_unread(item, label, label_source)
                    continue
                provider, information, source = label.provider, label.information, label_source
            if provider is None or information is None:
                continue
            if criterion is not None and (criterion.provider, criterion.information) != (provider, information):
                continue  # the list writes another criterion (「（…情報照会の根拠）」): the given one is not its own
            several = (part_of_several(item, _REFS) if criterion is None else None) or one_of_several(item)
            if several is not None:
                plans[i] = several
                rows_after.append((i, _REFS, provider, information))
                continue
            pending.append((i, _REFS, provider, information, source))
        elif (item.kind is CitationKind.TABLE and item.table in (Table.BEPPYO2, Table.ORDER_TABLE)
              and (leading := criterion_leading(text, item.start)) is not None):
            # rows right after a table a criterion qualifies (「第三欄…が「都道府県知事」である番号利用法別表第二の27、28の項」): the
            # provider's are that criterion's list, which renumbering would not give (nor is the table's name renamed with
            # a derived list): kept and reported; the inquirer's are renumbered as usual
            if _provider_side(leading):
                plans[i] = _provider_side_unread(item, leading) if not leading.supported else RederivePlan(False, failures=(
                    _finding(
                        item, REDERIVE_FAILED,
                        f"表の前に条件（{leading.written}）が書かれた、表の名前の後の項は、導いた一覧に置き換えません"
                        "（番号の対応で書き換えても、その条件の一覧にはなりません） / rows written after a table that a"
                        f" criterion ({leading.written}) qualifies are not replaced by the derived list (renumbered row by row"
                        " they would not be that criterion's list)",
                        (leading.written,),
                    ),))
        elif (item.kind is CitationKind.TABLE and item.table in (Table.BEPPYO2, Table.ORDER_TABLE)
              and criterion_before(text, item.start) is None):
            # rows written right after the table (「番号利用法別表第二の27の項」): a part of the list of the criterion its
            # passage gives lists that write none
            label, _ = label_for(item)
            if label is None:
                provider, information = options.provider, options.information
            else:
                provider, information = (label.provider, label.information) if label.supported else (None, None)
            if provider is not None and information is not None:
                rows_after.append((i, _ROWS, provider, information))

    # a derived list is the whole list of its criterion: it replaces a list only when that is the only list or row
    # citation of its kind (rows of the exchange table, references of its order) under that criterion in its passage
    # (the text between blank lines: a paragraph; a Word or Excel cell whole, its empty paragraphs too); otherwise every one of them is a part, kept and reported
    peer_holds: dict[str, bool] = {}  # whether another cell of the table holds a list of a kind under the one given

    def peers_holding(kind: str) -> bool:
        if options.peers is None:
            return False
        if kind not in peer_holds:
            peer_holds[kind] = False
            for peer, label_and_column in options.peers():
                if kind not in _given_kinds(peer):
                    continue
                label, column = label_and_column()
                if (label.strip() and read_label_criterion(label) is not None) or column_criterion(column) is not None:
                    continue  # its lists take the criterion of its label or its column
                peer_holds[kind] = True
                break
        return peer_holds[kind]

    passage_of = _passages(text) if not options.cell else _one_passage
    cited: dict[tuple[int, str, str, str], int] = {}
    for i, kind, provider, information in (*((i, k, p, n) for i, k, p, n, _ in pending), *rows_after):
        key = (passage_of(items[i].start), kind, provider, information)
        cited[key] = cited.get(key, 0) + 1
    for i, kind, provider, information, source in pending:
        item = items[i]
        assert isinstance(item, Citation)
        if source == _GIVEN and peers_holding(kind):
            plans[i] = RederivePlan(False, failures=(_finding(
                item, REDERIVE_FAILED,
                "表のほかのセルにも、条件を書かない同じ種類の一覧があるため、指定の条件で導いた一覧をどれに書くか確定できません"
                " / another cell of the table holds a list of its kind that writes no criterion either: which of them the"
                " list derived with the criterion given replaces is not established",
            ),))
            continue
        count = cited[(passage_of(item.start), kind, provider, information)]
        if count > 1:
            plans[i] = RederivePlan(False, failures=(_finding(
                item, REDERIVE_FAILED,
                f"同じ段落（セル）に、同じ条件（第三欄「{provider}」・第四欄「{information}」）の同じ表（命令）の一覧・項が"
                f"{count}つあるため、導いた一覧をどれに書くか確定できません / the passage (cell) cites {count} lists or rows"
                f" of the same table (or order) under the same criterion ({provider}, {information}): which of them the"
                " derived list replaces is not established",
            ),))
            continue
        rows_part = item.part("rows")
        assert rows_part is not None
        plan = _plan_rows if kind == _ROWS else _plan_refs
        plans[i] = plan(text, item, rows_part.start, rows_part.end, derived_for(provider, information),
                        accept_inferred, source)
    return plans


# a criterion phrase on the provider's side (第三欄 情報提供者, 第四欄 特定個人情報) and on the inquirer's (第一欄 情報照会者,
# 第二欄 事務, 照会)
_PROVIDER_COLUMNS = compile_on_use(r"第[三四3-4３-４]欄|情報提供者|特定個人情報")
_INQUIRER_COLUMNS = compile_on_use(r"第[一二1-2１-２]欄|情報照会者|照会")


def _provider_side(criterion: Criterion, span: str = "") -> bool:
    """Whether a criterion is a phrase introducing the list (「…の項（」, or any phrase that quotes a value: 「…が含まれるもの（」)
    or qualifying its table (「…である」 right before it: :func:`~mynumber_refs.reflists.criterion_leading`) by the
    provider's columns only (「第三欄（情報提供者）が「市町村長」の
    項のうち、第四欄…に「住民票関係情報」又は「地方税関係情報」が含まれる項」): the kind of list this module derives, in a form
    it may not read.  One naming the inquirer's side is renumbered as usual."""
    written = "".join(criterion.written.split())
    phrase = "".join(span.split()) or written  # (from the criterion to the list: the words after the last column named too)
    return ((written.endswith("項") or _QUOTED_VALUE.search(phrase) is not None)
            and _PROVIDER_COLUMNS.search(phrase) is not None and _INQUIRER_COLUMNS.search(phrase) is None)


# a value of a column quoted (「…が「市町村長」である」, 「情報提供者「市町村長」、…」): the phrase is a criterion, whatever its end
_QUOTED_VALUE = compile_on_use(r"「[^「」]{1,40}」")


def _provider_side_unread(item: Citation, criterion: Criterion) -> RederivePlan:
    """The failure of a list whose criterion, on the provider's side, is not read (a provider with no information …)."""
    return RederivePlan(False, failures=(_finding(
        item, REDERIVE_FAILED,
        f"一覧の前に情報提供者の側の条件（{criterion.written}）が書かれていますが、読み取れないため、一覧を導けません"
        f"（番号の対応で書き換えても、その条件の一覧にはなりません） / the list writes a criterion on the provider's side"
        f" ({criterion.written}) that is not read: the list is not derived (renumbered row by row it would not"
        " be that criterion's list)",
        (criterion.written,),
    ),))


def _passages(text: str) -> Callable[[int], int]:
    """The index of the passage (the text between blank lines) a position of ``text`` is in."""
    breaks = [m.end() for m in _BLANK.finditer(text)]
    return lambda pos: bisect.bisect_right(breaks, pos)


_BLANK = compile_on_use(r"\n[ \t\u3000\r]*\n")


def _one_passage(pos: int) -> int:
    """The passage of every position of a table cell's text (:attr:`Rederive.cell`)."""
    return 0


def _root(items: Sequence[Citation | Finding], k: int) -> int:
    """The index of the table (or title) that ``items[k]`` is, through the 同表 that refer back to it."""
    for _ in range(len(items)):
        item = items[k]
        if not (isinstance(item, Citation) and item.antecedent is not None
                and item.kind in (CitationKind.TABLE, CitationKind.ORDER_TITLE)):
            break
        k = item.antecedent
    return k


_ROWS = "rows"
_REFS = "refs"


def _list_kinds(items: Sequence[Citation | Finding]) -> set[str]:
    """The kinds of list that ``items`` cite part of: rows of the exchange table, old or new, in a list or after the
    table (:data:`_ROWS`: 「（1、2の項）」, 「別表第二の27の項」), and references of its orders (:data:`_REFS`)."""
    kinds: set[str] = set()
    for item in items:
        if not isinstance(item, Citation) or item.part("rows") is None:
            continue
        if item.table in (Table.BEPPYO2, Table.ORDER_TABLE) and item.kind in (CitationKind.ROW_LIST, CitationKind.TABLE):
            kinds.add(_ROWS)
        elif item.kind is CitationKind.ORDER_REFS and item.order in (Order.OLD_EXCHANGE, Order.NEW_EXCHANGE):
            kinds.add(_REFS)
    return kinds


@functools.lru_cache(maxsize=4096)
def _given_kinds(text: str) -> frozenset[str]:
    """The kinds of list (:data:`_ROWS`, :data:`_REFS`) in ``text`` that write no criterion of their own, in them or
    in their sentence before their table or title: those a criterion given would be put on."""
    from .resolve import find_citations

    items = find_citations(text, assume_law=True)
    kinds: set[str] = set()
    for item, kind in zip(items, (_kind_of(item) for item in items), strict=True):
        if kind is None:
            continue
        assert isinstance(item, Citation)
        head = items[item.antecedent] if item.antecedent is not None else item
        if isinstance(head, Citation) and criterion_before(text, head.start) is not None:
            continue
        if head is not item and read_criterion(text, item.start, after=head.end) is not None:
            continue
        kinds.add(kind)
    return frozenset(kinds)


def _kind_of(item: Citation | Finding) -> str | None:
    """The kind of list ``item`` cites part of, as :func:`_list_kinds` reads it; ``None`` for no list."""
    kinds = _list_kinds((item,))
    return next(iter(kinds)) if kinds else None


def _is_row_list(item: Citation | Finding) -> bool:
    return (isinstance(item, Citation) and item.kind is CitationKind.ROW_LIST
            and item.table in (Table.BEPPYO2, Table.ORDER_TABLE) and item.part("rows") is not None)


def _cites_rows(item: Citation | Finding) -> bool:
    """Whether ``item`` cites rows of the exchange table, old or new: a row list, or rows right after the table."""
    return (isinstance(item, Citation) and item.kind in (CitationKind.ROW_LIST, CitationKind.TABLE)
            and item.table in (Table.BEPPYO2, Table.ORDER_TABLE) and item.part("rows") is not None)


def _lists_in_parts(text: str, items: Sequence[Citation | Finding]) -> dict[int, tuple[RederivePlan, Criterion]]:
    """Failures for the row lists that a written criterion heads in more than one part.

    A citation of rows of the exchange table (a row list, or rows right after the table) that follows a
    row list in the same sentence, writing no criterion of its own between them (「…が含まれる項（1、2、3の項）
    及び（5、6の項）」, 「…（1、2、3の項）及び番号利用法別表第二の27の項」), continues it: the criterion written
    before the first heads them all.  The derived list is the whole list, which no one part can be,
    so every part is kept and reported (deriving the first and renumbering the rest would add rows).
    Each failure is given with the criterion read.
    """
    runs: list[list[int]] = []
    run_of: dict[int, list[int]] = {}
    last: int | None = None  # the index of the last citation of rows so far
    for i, item in enumerate(items):
        if not _cites_rows(item):
            continue
        assert isinstance(item, Citation)
        j, last = last, i
        if j is None:
            continue
        prev = items[j]
        if (isinstance(prev, Citation) and _SENTENCE_END.search(text, prev.end, item.start) is None
                and read_criterion(text, item.start, after=prev.end) is None):
            if j in run_of:
                run_of[j].append(i)
            else:
                runs.append([j, i])
                run_of[j] = runs[-1]
            run_of[i] = run_of[j]
    plans: dict[int, tuple[RederivePlan, Criterion]] = {}
    for run in runs:
        first = items[run[0]]
        assert isinstance(first, Citation)
        if first.kind is not CitationKind.ROW_LIST or first.antecedent is None:
            continue  # (a criterion heads a list: rows after a table write none this way)
        table = items[first.antecedent]
        criterion = read_criterion(text, first.start, after=table.end if isinstance(table, Citation) else 0)
        if criterion is None and isinstance(table, Citation):
            criterion = criterion_leading(text, table.start)
        if criterion is None or not criterion.supported:
            continue  # no criterion written (the one given is put on a table's only list), or another one
        for k in run:
            c = items[k]
            assert isinstance(c, Citation)
            plans[k] = RederivePlan(False, failures=(_finding(
                c, REDERIVE_FAILED,
                f"条件（{criterion.written}）の後の一覧が{len(run)}つに分けて書かれているため、導いた一覧をどれに書くか"
                f"確定できません / the list after the criterion ({criterion.written}) is written in {len(run)} parts:"
                " which part the derived list replaces is not established",
                (criterion.written,),
            ),)), criterion
    return plans


_SENTENCE_END = compile_on_use(r"。|\n[ \t\u3000\r]*\n")


def _blocking(d: DerivedLists, accept_inferred: bool, *, refs: bool) -> list[str]:
    """Why the derived list cannot replace the written one (empty when it can)."""
    why: list[str] = []
    entries = [(str(r.row), r.confidence) for r in d.rows] if not refs else [
        (r.reference.label(), r.confidence) for r in d.references
    ]
    allowed = {ESTABLISHED, CARRIED} | ({INFERRED, UNVERIFIED} if accept_inferred else set())
    weak = [label for label, conf in entries if conf not in allowed]
    if weak:
        ja, en = ("、".join(weak), ", ".join(weak)) if len(weak) < len(entries) else (
            f"すべて、{len(weak)}{'件' if refs else '項'}", f"all {len(weak)}")
        why.append(
            f"推定・未確認の{'参照' if refs else '項'}があります（{ja}）。確認のうえ --accept-inferred で適用できます"
            f" / inferred or unverified entries ({en}); apply with --accept-inferred after checking"
        )
    if not entries:
        why.append("導かれた一覧が空です / the derived list is empty")
    if refs:
        why.extend(n.message for n in d.notes if n.code in _INCOMPLETE)
    return why


def _summary(d: DerivedLists, source: str, count: str) -> str:
    c = d.content
    when = d.as_of.isoformat() if d.as_of else c.revision.isoformat()
    return (
        f"{source}（第三欄「{d.provider}」・第四欄「{d.information}」）で{c.number}の{when}時点の内容から導き直しました（{count}）"
        f" / re-derived from the content of {c.number} as of {when} ({source.split(' / ')[-1]}: {d.provider}, {d.information}; {count})"
    )


def _plan_rows(
    text: str, c: Citation, start: int, end: int, d: DerivedLists | DeriveError, accept_inferred: bool, source: str
) -> RederivePlan:
    if isinstance(d, DeriveError):
        return RederivePlan(False, failures=(_finding(c, REDERIVE_FAILED, str(d)),))
    why = _blocking(d, accept_inferred, refs=False)
    if why:
        return RederivePlan(False, failures=tuple(_finding(c, REDERIVE_FAILED, w) for w in why))
    numerals = c.style.numerals
    after = render_rows([RowNumber((r,)) for r in d.table_rows], c.style, numerals)
    evidence = tuple(e for r in d.rows for e in r.evidence)
    edit = Edit(start, end, text[start:end], after, citation=c, evidence=evidence, reason=REDERIVED)
    note = _finding(c, REDERIVED, _summary(d, source, f"{len(d.rows)}項 rows"), evidence[:1])
    extra = tuple(_finding(c, n.code, n.message) for n in d.notes)
    return RederivePlan(True, (edit,), (note, *extra))


def _plan_refs(
    text: str, c: Citation, start: int, end: int, d: DerivedLists | DeriveError, accept_inferred: bool, source: str
) -> RederivePlan:
    if isinstance(d, DeriveError):
        return RederivePlan(False, failures=(_finding(c, REDERIVE_FAILED, str(d)),))
    why = _blocking(d, accept_inferred, refs=True)
    if why:
        return RederivePlan(False, failures=tuple(_finding(c, REDERIVE_FAILED, w) for w in why))
    numerals = c.style.numerals if c.style.numerals is not NumeralStyle.KANJI else NumeralStyle.FULL
    after = render_reference_list(d.order_refs, numerals)
    evidence = tuple(e for r in d.references for e in r.evidence)
    edit = Edit(start, end, text[start:end], after, citation=c, evidence=evidence, reason=REDERIVED)
    note = _finding(c, REDERIVED, _summary(d, source, f"{len(d.references)}件 references"), evidence[:1])
    extra = tuple(_finding(c, n.code, n.message) for n in d.notes)
    return RederivePlan(True, (edit,), (note, *extra))

"""The model: plain, frozen attrs classes that every step of the pipeline passes along.

``RowNumber``   a row (項) number of a table, with branch numbers (``36の2``).
``Citation``    one citation found in a text, with its span in the caller's original text.
``Finding``     something found but not established or not rewritten, with a reason code.
``Edit``        one replacement of a span of the original text.
``RewriteResult`` the rewritten text with its edits and findings.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterable
from typing import Any

import attrs

from .numerals import NumeralError, NumeralStyle, parse_int, render_int

__all__ = [
    "MY_NUMBER_ACT",
    "ALIASES",
    "RowNumber",
    "Table",
    "OLD_TABLES",
    "LawBasis",
    "TableBasis",
    "CitationKind",
    "Provision",
    "OrderRef",
    "Part",
    "Style",
    "Citation",
    "Finding",
    "Edit",
    "RewriteResult",
    "CitationSyntaxError",
]

MY_NUMBER_ACT = "行政手続における特定の個人を識別するための番号の利用等に関する法律"
"""The act's formal title (平成25年法律第27号)."""

ALIASES = ("番号利用法", "番号法", "マイナンバー法", "番号利用等法")
"""Names of the act that need no definition in the text."""


class CitationSyntaxError(ValueError):
    """A string is not exactly one citation.

    ``position`` is the offset in the string where parsing failed and ``context`` a short excerpt
    around it.
    """

    def __init__(self, message: str, position: int, context: str) -> None:
        super().__init__(f"{message} (位置 position {position}: …{context}…)")
        self.position = position
        self.context = context


def _int_tuple(value: Iterable[int]) -> tuple[int, ...]:
    return tuple(value)


@functools.total_ordering
@attrs.frozen(eq=True, order=False, repr=False, cache_hash=True)  # a key of every mapping lookup
class RowNumber:
    """A row (項) number with optional branch numbers: ``16`` is ``(16,)``, ``36の2`` is ``(36, 2)``.

    Totally ordered the way the law orders rows: ``36 < 36の2 < 36の3 < 37``.
    """

    parts: tuple[int, ...] = attrs.field(converter=_int_tuple)

    @parts.validator
    def _check(self, _attr: attrs.Attribute[tuple[int, ...]], value: tuple[int, ...]) -> None:
        if not value or any((not isinstance(p, int)) or p < 0 for p in value):
            raise ValueError(f"invalid row number parts {value!r}")
        if any(p < 1 for p in value[1:]):
            raise ValueError(f"branch numbers start at 2: {value!r}")

    @classmethod
    def of(cls, main: int, *branches: int) -> RowNumber:
        return cls((main, *branches))

    @classmethod
    def parse(cls, s: str) -> RowNumber:
        """Parse ``16``, ``１６``, ``十六``, ``36の2``, ``三十六の二``, ``８５の２``, ``36-2``.

        Whitespace anywhere is ignored (PDF extraction). Raises ``ValueError`` when malformed.
        """
        compact = "".join(s.split())
        pieces = compact.replace("-", "の").split("の")
        try:
            return cls(tuple(parse_int(p) for p in pieces))
        except NumeralError as exc:
            raise ValueError(str(exc)) from exc

    @property
    def main(self) -> int:
        return self.parts[0]

    @property
    def branches(self) -> tuple[int, ...]:
        return self.parts[1:]

    def render(self, style: NumeralStyle = NumeralStyle.HALF) -> str:
        """Write the number in ``style``: ``36の2``, ``３６の２`` or ``三十六の二``."""
        return "の".join(render_int(p, style) for p in self.parts)

    def __str__(self) -> str:
        return self._half

    @functools.cached_property
    def _half(self) -> str:  # str() of a row is asked for often (keys, messages): written once
        return self.render(NumeralStyle.HALF)

    def __repr__(self) -> str:
        return f"RowNumber({str(self)!r})"

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, RowNumber):
            return NotImplemented
        return self.parts < other.parts


class Table(enum.Enum):
    """The tables a citation can name."""

    BEPPYO1 = "別表第一"  # the act's old table of uses (第9条第1項), until 2024-05-26
    BEPPYO2 = "別表第二"  # the act's old table of exchanges (第19条第8号), abolished 2024-05-27
    BEPPYO = "別表"  # the act's table of uses since 2024-05-27
    ORDER_TABLE = "主務省令第2条の表"  # the table in 第2条 of 令和6年デジタル庁・総務省令第9号
    OTHER = "その他"  # a table of the act that does not exist (別表第三 …): reported


OLD_TABLES = frozenset({Table.BEPPYO1, Table.BEPPYO2})
"""The tables of the old numbering, which a rewrite renames."""


class LawBasis(enum.Enum):
    """How the law of a citation was established."""

    NAMED = "named"  # 番号利用法, 番号法, マイナンバー法
    FULL_NAME = "full_name"  # 行政手続における…に関する法律, with or without （平成25年法律第27号）
    DEFINED = "defined"  # a term defined in the text: （以下「法」という。）
    SAME_LAW = "same_law"  # 同法, carried from the last named act
    COORDINATED = "coordinated"  # 番号利用法第19条第8号…及び別表第二: the act named in the same phrase
    SENTENCE = "sentence"  # 番号法第19条第8号の規定により、別表第二…: the act named earlier in the sentence
    ASSUMED = "assumed"  # the caller assumed the act for the whole text


class TableBasis(enum.Enum):
    """How the table (or order) of a citation was established."""

    WRITTEN = "written"  # named in the citation itself
    ANTECEDENT = "antecedent"  # a row list or reference list resolved to the table or order cited before it


class CitationKind(enum.Enum):
    TABLE = "table"  # 別表第一の16の項, 番号法別表第二, 主務省令第2条の表の124の項
    ROW_LIST = "row_list"  # 項（１、２、３…の項） with the table named earlier in the passage
    ORDER_TITLE = "order_title"  # 番号利用法別表第二の主務省令で定める事務及び情報を定める命令
    ORDER_REFS = "order_refs"  # （１条２号ハ、２条７号ロ・１３号ハ…） after an order's title


class Order(enum.Enum):
    """The ministerial orders whose titles and references documents cite."""

    OLD_EXCHANGE = "平成26年内閣府・総務省令第7号"  # 別表第二の主務省令で定める事務及び情報を定める命令 (repealed)
    NEW_EXCHANGE = "令和6年デジタル庁・総務省令第9号"  # 第十九条第八号に基づく利用特定個人情報の提供に関する命令
    OLD_USES = "平成26年内閣府・総務省令第5号"  # 別表第一の主務省令で定める事務を定める命令
    NEW_USES = "平成26年内閣府・総務省令第5号（改題後）"  # 別表の主務省令で定める事務を定める命令


@attrs.frozen
class Provision:
    """An article provision: 第9条第1項 is ``Provision(RowNumber(9), 1, None)``."""

    article: RowNumber
    paragraph: int | None = None
    item: int | None = None

    def __str__(self) -> str:
        s = f"第{self.article}条"
        if self.paragraph is not None:
            s += f"第{self.paragraph}項"
        if self.item is not None:
            s += f"第{self.item}号"
        return s


@attrs.frozen
class OrderRef:
    """One reference into an order, as written in lists like ``２条７号ロ``.

    ``article`` may carry branches (``22条の3`` is ``RowNumber((22, 3))``).  ``start``/``end``
    locate the reference in the caller's text.
    """

    article: RowNumber
    paragraph: int | None = None
    item: int | None = None
    subitem: str | None = None
    start: int = 0
    end: int = 0

    def key(self) -> str:
        """Compact form ``22の3-2項-1-ハ`` (article, paragraph, item, subitem)."""
        return self._key

    @functools.cached_property
    def _key(self) -> str:
        s = str(self.article)
        if self.paragraph is not None:
            s += f"-{self.paragraph}項"
        if self.item is not None:
            s += f"-{self.item}"
        if self.subitem:
            s += f"-{self.subitem}"
        return s


@attrs.frozen(weakref_slot=False)  # (no weak references to them: one slot less for each of thousands)
class Part:
    """A located token of a citation, used to rewrite only what changes.

    ``role`` is one of ``law``, ``provision``, ``article``, ``item``, ``table``, ``table2`` (the
    second table of 別表第一と第二), ``rows`` (the whole row list), ``row`` (one row number),
    ``title``, ``refs``.
    """

    role: str
    start: int
    end: int
    value: str = ""


@attrs.frozen
class Style:
    """How a citation is written, so that new wording keeps the document's own style.

    ``row_form`` is ``"の項"`` (16の項), ``"項"`` (16項), ``"第項"`` (第16項), ``"第の項"`` (第16の項) or ``"項番"`` (項番16);
    ``separator`` the list separator (``、`` or ``,``…), ``conjunction`` the last one (``及び``),
    ``link`` what stands between the table and its rows (``の`` or ``""``);
    ``spaced`` whether whitespace or line breaks occur inside the citation; ``dai_first`` whether 第 stands
    before the first row (「第27、28項」, 「第1、2、3の項」, and 「第27項、28項」: a list re-rendered keeps it).
    """

    numerals: NumeralStyle = NumeralStyle.HALF
    row_form: str = "の項"
    separator: str = "、"
    conjunction: str | None = None
    link: str = "の"
    suffix_each: bool = False
    spaced: bool = False
    dai_first: bool = False


def _rows_converter(value: Any) -> tuple[RowNumber, ...]:
    return tuple(value)


@attrs.frozen(weakref_slot=False)
class Citation:
    """One citation of a table (or order) of the My Number Act in a text.

    ``start``/``end`` index the caller's original text; ``text`` is ``original[start:end]``.
    ``rows`` lists every row cited, ranges expanded, in written order; ``ranges`` keeps each
    range's two ends.  ``parts`` locate the tokens the rewriter may replace.
    """

    start: int
    end: int
    text: str
    kind: CitationKind = CitationKind.TABLE
    law: str | None = None  # the law as written or carried (番号利用法, 法 …); None if not established
    law_basis: LawBasis | None = None
    law_span: tuple[int, int] | None = None  # the law expression the table is bound to (laws.LawIndex.bind)
    provision: Provision | None = None
    table: Table | None = None
    tables: tuple[Table, ...] = ()
    table_basis: TableBasis = TableBasis.WRITTEN
    rows: tuple[RowNumber, ...] = attrs.field(default=(), converter=_rows_converter)
    ranges: tuple[tuple[RowNumber, RowNumber], ...] = ()
    column: str | None = None  # 第4欄, 上欄 …
    order: Order | None = None
    # the references into an order, relative to ``parts_offset`` like the parts (see ``order_refs``)
    _order_refs: tuple[OrderRef, ...] = ()
    style: Style = Style()
    # the located tokens, stored relative to ``parts_offset`` so that placing a parsed citation in
    # a document does not rebuild them; read them through ``parts``, ``part`` and ``parts_of``
    _parts: tuple[Part, ...] = attrs.field(default=(), eq=False, repr=False)
    antecedent: int | None = None  # index in the citation list of the table/order this one hangs on
    passage: int = attrs.field(default=0, eq=False, repr=False)  # start of its blank-line passage
    _parts_offset: int = attrs.field(default=0, eq=False, repr=False)

    @functools.cached_property
    def order_refs(self) -> tuple[OrderRef, ...]:
        """The references into an order (``１条２号ハ`` …), with spans in the original text (placed
        on first use)."""
        off = self._parts_offset
        if not off or not self._order_refs:
            return self._order_refs
        return tuple(OrderRef(r.article, r.paragraph, r.item, r.subitem, r.start + off, r.end + off) for r in self._order_refs)

    @property
    def order_ref_values(self) -> tuple[OrderRef, ...]:
        """The references into an order without their places (``start``/``end`` relative to the
        parse): what each reference says, shared by every citation with the same text."""
        return self._order_refs

    @functools.cached_property
    def parts(self) -> tuple[Part, ...]:
        """The located tokens (law, provision, table, each row …) with spans in the original text
        (placed on first use)."""
        off = self._parts_offset
        if not off:
            return self._parts
        return tuple(Part(p.role, p.start + off, p.end + off, p.value) for p in self._parts)

    def part(self, role: str) -> Part | None:
        """The first part with ``role``, placed (only it: nothing is kept on the citation)."""
        for p in self._parts:
            if p.role == role:
                off = self._parts_offset
                return self._placed(p, off) if off else p
        return None

    def _placed(self, p: Part, off: int) -> Part:
        """``p`` moved by ``off``.  An end that falls on the citation's own start or end is that
        int, not a new equal one: an edit keeps its part's ends, and most edits of a dense text
        span their whole citation."""
        start, end = p.start + off, p.end + off
        if start == self.start:
            start = self.start
        if end == self.end:
            end = self.end
        return Part(p.role, start, end, p.value)

    def first_parts(self, *roles: str) -> tuple[Part | None, ...]:
        """The first part of each of ``roles`` (None where the citation has none), placed, in one
        pass over the parts."""
        found: dict[str, Part] = {}
        for p in self._parts:
            if p.role in roles and p.role not in found:
                found[p.role] = p
        off = self._parts_offset
        out: list[Part | None] = []
        for role in roles:
            q = found.get(role)
            out.append(self._placed(q, off) if q is not None and off else q)
        return tuple(out)

    def parts_of(self, role: str) -> tuple[Part, ...]:
        """Every part with ``role``, placed, in written order."""
        off = self._parts_offset
        if not off:
            return tuple(p for p in self._parts if p.role == role)
        return tuple(Part(p.role, p.start + off, p.end + off, p.value) for p in self._parts if p.role == role)

    @property
    def established(self) -> bool:
        return self.law_basis is not None

    def describe(self) -> str:
        """A short Japanese description: 番号利用法 第9条第1項 別表第一 16の項."""
        bits = []
        if self.law:
            bits.append(self.law)
        if self.provision:
            bits.append(str(self.provision))
        if self.order is not None:
            bits.append(self.order.value)
        if self.table is not None:
            bits.append(self.table.value if not self.tables else "・".join(t.value for t in self.tables))
        if self.rows:
            bits.append("、".join(str(r) for r in self.rows) + "の項")
        if self.order_refs:
            bits.append("、".join(r.key() for r in self.order_refs))
        if self.column:
            bits.append(self.column)
        return " ".join(bits)


@attrs.frozen(weakref_slot=False)
class Finding:
    """Something found in a text that was not established or not rewritten.

    ``reason`` is a stable code (see ``mynumber_refs.findings.REASONS``); ``message`` says in
    Japanese (with English after a slash) what was found and what to do.  ``proposed`` is the
    wording the rewriter would write if the user accepted it (an ``inferred`` mapping row), or
    ``None``.
    """

    start: int
    end: int
    text: str
    reason: str
    message: str
    proposed: str | None = None
    citation: Citation | None = attrs.field(default=None, eq=False, repr=False)
    evidence: tuple[str, ...] = ()


@attrs.frozen(weakref_slot=False)
class Edit:
    """One replacement in the original text: ``original[start:end] == before`` becomes ``after``."""

    start: int
    end: int
    before: str
    after: str
    citation: Citation | None = attrs.field(default=None, eq=False, repr=False)
    evidence: tuple[str, ...] = ()
    reason: str = "renumbered"
    # edits with the same group (a citation and those that hang on it) apply together or not at all
    group: int | None = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen
class RewriteResult:
    """The result of :func:`mynumber_refs.rewrite`."""

    original: str
    text: str
    edits: tuple[Edit, ...] = ()
    findings: tuple[Finding, ...] = ()

    @property
    def changed(self) -> bool:
        return self.text != self.original

"""Step 2 of the pipeline: parse a candidate with the Lark LALR grammar (``grammar/citation.lark``).

The scanner (:mod:`mynumber_refs.scan`) says where a citation may start; this module takes the
longest prefix of the text from there that the grammar accepts and turns its tree into a
:class:`Parsed` object whose spans are relative to that start.  :mod:`mynumber_refs.resolve`
then establishes the law and builds :class:`~mynumber_refs.model.Citation` objects.

``parse_citation(s)`` parses a string that must be exactly one citation.

Caches: a tree per *shape* (the text with every digit 1–9 and kanji 一…九 read as 1, which the
grammar never tells apart), kept as compact ``(rule, children)`` tuples, and the Parsed value and
relative Citation per citation text.  :func:`clear_caches` empties both.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

import attrs
from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedInput

from ._patterns import classes_shared, compile_on_use, compile_shared
from ._resources import data_dir
from .laws import LAW_PREFIX_RE
from .model import (
    Citation,
    CitationKind,
    CitationSyntaxError,
    OrderRef,
    Part,
    Provision,
    RowNumber,
    Style,
    Table,
)
from .numerals import NumeralError, NumeralStyle, detect_style, parse_int
from .scan import INVISIBLE

__all__ = ["Parsed", "START_SYMBOLS", "clear_caches", "get_parser", "malformed_end", "parse_at", "parse_citation", "parse_relative", "place"]

START_SYMBOLS = ("anchored", "bare_rows", "order_refs", "article_refs", "colon_rows")


@functools.cache
def get_parser(strict: bool = False) -> Lark:
    """The grammar, once per process (``strict=True`` also rejects any conflict).

    The LALR tables take 0.2–0.7 s to build; they are kept in the user's cache
    (:mod:`mynumber_refs._cache`) under a key computed from the grammar's text, the options and
    the versions of Lark and Python, and loaded from there (10–20 ms) while the key matches.  The
    strict build, a check, is never cached."""
    text = (data_dir("grammar") / "citation.lark").read_text(encoding="utf-8")
    options: dict[str, Any] = {"parser": "lalr", "lexer": "contextual", "start": list(START_SYMBOLS),
                               "strict": strict, "maybe_placeholders": False}
    if strict:
        return Lark(text, **options)
    import io
    import sys

    import lark

    from ._cache import cached, digest

    def dump(parser: Lark) -> bytes:
        buf = io.BytesIO()
        parser.save(buf)
        return buf.getvalue()

    key = digest("lark-parser", text, repr(sorted(options.items())), lark.__version__, sys.version)
    return cached("parser", key, lambda: Lark(text, **options), dump, lambda b: Lark.load(io.BytesIO(b)))


# --------------------------------------------------------------------------- parsed structures


@attrs.frozen
class RowToken:
    """One written row number with its span (relative to the parse start)."""

    number: RowNumber
    start: int
    end: int
    text: str


@attrs.frozen
class RowItem:
    """``kind`` is ``one`` (16の項), ``range`` (1の項から5の項まで) or ``dai`` (第16項)."""

    kind: str  # (and ``dai_first``: 第 before a row written 「第27の項」 or with its 項 further on, 「第27、28項」)
    numbers: tuple[RowToken, ...]
    suffix: str | None  # の項 / 項 / None, the last suffix written for this item
    start: int
    end: int


@attrs.frozen
class Parsed:
    """A parse result with spans relative to the start of the parsed text."""

    kind: CitationKind
    end: int
    provision: Provision | None = None
    provision_span: tuple[int, int] | None = None
    table: Table | None = None
    tables: tuple[Table, ...] = ()
    table_span: tuple[int, int] | None = None
    ord_span: tuple[int, int] | None = None
    table2_span: tuple[int, int] | None = None
    same_table: bool = False
    order_title: str | None = None  # "exchange" or "uses"
    title_span: tuple[int, int] | None = None
    number_span: tuple[int, int] | None = None  # an order's number after its title: （平成26年…第7号）
    items: tuple[RowItem, ...] = ()
    separators: tuple[str, ...] = ()
    link: str = ""
    rows_span: tuple[int, int] | None = None
    column: str | None = None
    refs: tuple[Any, ...] = ()  # (kind, value, start, end, extra)
    row_form_default: str = "の項"  # the row form of a list that writes none (「項：１、２」 → "")
    relation: tuple[int, ...] = ()  # the articles a table's relation note names: (19, 21) for （第十九条、第二十一条関係）

    @property
    def start(self) -> int:
        return 0


_RELATION_ARTICLE = compile_on_use(r"第[\s]*([0-9０-９〇一二三四五六七八九十百千]+)[\s]*条")


def relation_articles(note: str) -> tuple[int, ...]:
    """The articles a relation note names: (19, 21) for 「（第十九条、第二十一条関係）」."""
    out = []
    for m in _RELATION_ARTICLE.finditer(note):
        try:
            out.append(parse_int(m.group(1)))
        except ValueError:
            continue
    return tuple(out)


class _Tok:
    """A token as the shape cache keeps it: its type and span only (its text is read from the
    source by position; a Lark Token also holds its text, line and column)."""

    __slots__ = ("type", "start_pos", "end_pos")

    def __init__(self, type: str, start_pos: int, end_pos: int) -> None:  # noqa: A002 - Lark's name
        self.type = type
        self.start_pos = start_pos
        self.end_pos = end_pos

    def __repr__(self) -> str:
        return f"_Tok({self.type!r}, {self.start_pos}, {self.end_pos})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Tok) and (self.type, self.start_pos, self.end_pos) == (
            other.type, other.start_pos, other.end_pos)

    def __hash__(self) -> int:
        return hash((self.type, self.start_pos, self.end_pos))


Tok = Token | _Tok
_TOKEN_TYPES = (Token, _Tok)


def _start(tok: Tok) -> int:
    return int(tok.start_pos or 0)


def _end(tok: Tok) -> int:
    """End offset of a token (``Token.end_pos`` is not always set by the interactive lexer)."""
    if type(tok) is _Tok:
        return tok.end_pos
    return _start(tok) + len(tok)  # type: ignore[arg-type]


def _strip_ws(s: str) -> str:
    return "".join(s.split())


_ORD_VALUES = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


_INVISIBLE_CHARS = compile_on_use(f"[{INVISIBLE}]")


def _ord_value(tok: str) -> int:
    ch = _INVISIBLE_CHARS.sub("", _strip_ws(tok))[1:]  # (「第\u200b二」: Word's invisible characters read through)
    return _ORD_VALUES.get(ch) or parse_int(ch)


def _table_of(ordinal: int | None) -> Table:
    if ordinal is None:
        return Table.BEPPYO
    return {1: Table.BEPPYO1, 2: Table.BEPPYO2}.get(ordinal, Table.OTHER)


class _ToModel:
    """Turns the tree into plain values; every grammar rule has a method here.

    Tok values are read from ``src``, the text being parsed, by position: the tree may come
    from the cache of another text of the same shape (the same citation with other numbers).
    """

    def __init__(self, src: str) -> None:
        self.src = src

    def v(self, tok: Tok) -> str:
        return self.src[_start(tok) : _end(tok)]

    def transform(self, tree: Tree | tuple[str, tuple[Any, ...]]) -> Any:
        """Bottom-up: each rule's method receives its transformed children inline.

        ``tree`` is a Lark tree or its compact form from :func:`_compact` (what the cache holds)."""
        compact: Any = _compact(tree) if isinstance(tree, Tree) else tree
        return self._node(compact) if type(compact) is tuple else compact

    def _node(self, node: tuple[str, tuple[Any, ...]]) -> Any:
        name, children = node
        return getattr(self, name)(*[self._node(c) if type(c) is tuple else c for c in children])

    # numbers ---------------------------------------------------------------
    def num(self, tok: Tok) -> Tok:
        return tok

    def rownum(self, num: Tok, *branches: Tok) -> RowToken:
        parts = [parse_int(self.v(num))]
        end = _end(num)
        text = self.v(num)
        for b in branches:
            parts.append(parse_int(_strip_ws(self.v(b))[1:]))
            end = _end(b)
            text += self.v(b)
        return RowToken(RowNumber(tuple(parts)), _start(num), end, text)

    def suffix(self, tok: Tok) -> Tok:
        return tok

    # rows ------------------------------------------------------------------
    def row_one(self, num: RowToken, suffix: Tok | None = None) -> RowItem:
        end = _end(suffix) if suffix is not None else num.end
        return RowItem("one", (num,), _strip_ws(self.v(suffix)) if suffix else None, num.start, end)

    def row_kou_branch(self, num: RowToken, _kou: Tok, *branches: Tok) -> RowItem:
        # 「16項の2」: row 16の2 written with its 項 before the branch number; the token spans all of it
        parts = list(num.number.parts) + [parse_int(_strip_ws(self.v(b))[1:]) for b in branches]
        end = _end(branches[-1])
        token = RowToken(RowNumber(tuple(parts)), num.start, end, self.src[num.start : end])
        return RowItem("one", (token,), "項", num.start, end)

    def row_range(self, *args: Any) -> RowItem:
        nums = [a for a in args if isinstance(a, RowToken)]
        toks = [a for a in args if isinstance(a, _TOKEN_TYPES)]
        suffixes = [_strip_ws(self.v(t)) for t in toks if t.type in ("NOKOU", "KOU")]
        last = args[-1]
        end = last.end if isinstance(last, RowToken) else _end(last)
        return RowItem("range", (nums[0], nums[1]), suffixes[-1] if suffixes else None, nums[0].start, end)

    def row_dai(self, dai: Tok, num: RowToken, kou: Tok) -> RowItem:
        return RowItem("dai", (num,), "第項", _start(dai), _end(kou))

    def row_dai_no(self, dai: Tok, num: RowToken, nokou: Tok) -> RowItem:
        return RowItem("dai_first", (num,), "第の項", _start(dai), _end(nokou))  # 「第27の項」

    def dai_head(self, dai: Tok, num: RowToken) -> RowItem:
        # 「第27、28項」: 第 before the first row of a list whose last row carries the 項
        return RowItem("dai_first", (num,), None, _start(dai), num.end)

    def row_kouban(self, kouban: Tok, num: RowToken) -> RowItem:
        return RowItem("dai", (num,), "項番", _start(kouban), num.end)

    def row_kouban_range(self, kouban: Tok, lo: RowToken, _tilde: Tok, hi: RowToken) -> RowItem:
        return RowItem("range", (lo, hi), "項番", _start(kouban), hi.end)

    def row_sep(self, tok: Tok) -> Tok:
        return tok

    def rows(self, *args: Any) -> tuple[tuple[RowItem, ...], tuple[str, ...]]:
        items = tuple(a for a in args if isinstance(a, RowItem))
        seps = tuple(_strip_ws(self.v(a)) for a in args if isinstance(a, _TOKEN_TYPES))
        return items, seps

    def rows_part(self, *args: Any) -> dict[str, Any]:
        link = ""
        rows = args[-1]
        if len(args) == 2:
            link = self.v(args[0])
        items, seps = rows
        return {"items": items, "separators": seps, "link": link}

    def column_part(self, *args: Tok) -> tuple[str, str, int]:
        return ("column", _strip_ws(self.v(args[-1])), int(_end(args[-1])))

    # provision ---------------------------------------------------------------
    def paragraph(self, *args: Tok) -> tuple[str, int, int]:  # [第] N 項
        num, kou = args[-2:]
        return "paragraph", parse_int(self.v(num)), _end(kou)

    def item(self, *args: Tok) -> tuple[str, int, Tok, Tok]:  # [第] N 号
        num, gou = args[-2:]
        return "item", parse_int(self.v(num)), num, gou

    def item_typo(self, dai: Tok, num: Tok, jou: Tok) -> tuple[str, int, Tok, Tok]:
        return "item", parse_int(self.v(num)), num, jou

    def provision(self, *args: Any) -> dict[str, Any]:  # [第] N 条 [の M]* [paragraph] [item]
        if args[0].type != "DAI":
            args = (None, *args)
        dai, num, _jou, *rest = args
        first = dai if dai is not None else num
        parts = [parse_int(self.v(num))]
        paragraph = None
        item = None
        end = _end(_jou)
        item_span = None
        for r in rest:
            if isinstance(r, _TOKEN_TYPES):  # BRANCH
                parts.append(parse_int(_strip_ws(self.v(r))[1:]))
                end = _end(r)
            elif r[0] == "paragraph":
                paragraph = r[1]
                end = r[2]
            elif r[0] == "item":
                item = r[1]
                item_span = (_start(r[2]), _end(r[2]))
                end = _end(r[3])
        return {
            "provision": Provision(RowNumber(tuple(parts)), paragraph, item),
            "span": (_start(first), end),
            "article_span": (_start(num), _end(num)),
            "item_span": item_span,
        }

    def link(self, tok: Tok) -> Tok:
        return tok

    # tables ------------------------------------------------------------------
    def second_table(self, _sep: Tok, ord_tok: Tok) -> Tok:
        return ord_tok

    def beppyo(self, bep: Tok, *rest: Tok) -> dict[str, Any]:
        ord_tok = next((r for r in rest if r.type == "ORD"), None)
        relation = next((r for r in rest if r.type == "RELATION"), None)
        second = rest[-1] if rest and rest[-1].type == "ORD" and rest[-1] is not ord_tok else None
        table = _table_of(_ord_value(self.v(ord_tok)) if ord_tok is not None else None)
        tables: tuple[Table, ...] = ()
        if second is not None:
            tables = (table, _table_of(_ord_value(self.v(second))))
        return {
            "table": table,
            "tables": tables,
            # 「別表第二（第十九条関係）」 is replaced whole; 「別表第一（第九条関係）」 loses only 第一
            "span": (_start(bep), _end(relation or ord_tok or bep) if second is None else _end(second)),
            "ord_span": (_start(ord_tok), _end(ord_tok)) if ord_tok is not None else None,
            "table2_span": (_start(second), _end(second)) if second is not None else None,
            "relation": relation_articles(self.v(relation)) if relation is not None else (),
        }

    def order_table(self, *args: Tok) -> dict[str, Any]:
        first = args[0]
        return {
            "table": Table.ORDER_TABLE,
            "tables": (),
            "span": (_start(first), _end(args[-1])),
            "ord_span": None,
            "table2_span": None,
        }

    def same_table(self, tok: Tok) -> dict[str, Any]:
        return {
            "table": None,
            "tables": (),
            "span": (_start(tok), _end(tok)),
            "ord_span": None,
            "table2_span": None,
            "same": True,
        }

    # citations ---------------------------------------------------------------
    def table_citation(self, *args: Any) -> Parsed:
        prov = None
        table: dict[str, Any] = {}
        rows = None
        column = None
        end = 0
        for a in args:
            if isinstance(a, dict) and "provision" in a:
                prov = a
            elif isinstance(a, dict) and "table" in a:
                table = a
                end = a["span"][1]
            elif isinstance(a, dict) and "items" in a:
                # a list ends at its last 「項」: 「別表\n５．」 has no row, 「16の項、0」 has one
                last = max((k for k, it in enumerate(a["items"]) if it.suffix), default=None)
                if a["items"][0].suffix == "項番":  # 項番27、28: the prefix governs the whole list
                    last = len(a["items"]) - 1
                if last is None:
                    continue
                # ...and before a 第N項 written after a row written N(の)項: 「16の項及び第2項」 is a row and
                # a paragraph of an article (「第9条第1項別表第一の16の項及び第2項の条例」), not rows 16 and 2
                paragraph = next(
                    (k for k, it in enumerate(a["items"][: last + 1])
                     if it.suffix == "第項" and any(p.suffix in ("の項", "項") for p in a["items"][:k])),
                    None,
                )
                if paragraph is not None:
                    last = paragraph - 1
                rows = dict(a, items=a["items"][: last + 1], separators=a["separators"][:last])
                end = rows["items"][-1].end
                if paragraph is not None:
                    break  # (a column after the paragraph is not this table's)
            elif isinstance(a, tuple) and a and a[0] == "column":
                column = a[1]
                end = max(end, a[2])
        items: tuple[RowItem, ...] = rows["items"] if rows else ()
        return Parsed(
            kind=CitationKind.TABLE,
            end=end,
            provision=prov["provision"] if prov else None,
            provision_span=prov["span"] if prov else None,
            table=table.get("table"),
            tables=table.get("tables", ()),
            table_span=table.get("span"),
            ord_span=table.get("ord_span"),
            table2_span=table.get("table2_span"),
            relation=table.get("relation", ()),
            same_table=bool(table.get("same")),
            items=items,
            separators=rows["separators"] if rows else (),
            link=rows["link"] if rows else "",
            rows_span=(items[0].start, items[-1].end) if items else None,
            column=column,
        )

    def order_title(self, *args: Any) -> Parsed:
        prov = args[0] if isinstance(args[0], dict) else None
        toks = [a for a in args if isinstance(a, _TOKEN_TYPES)]
        bep = next(t for t in toks if t.type == "BEPPYO")
        ord_tok = next(t for t in toks if t.type == "ORD")
        number = toks[-1] if toks[-1].type == "ORDER_NUMBER" else None
        suffix = toks[-2] if number is not None else toks[-1]
        table = _table_of(_ord_value(self.v(ord_tok)))
        if suffix.type == "ORDER_SHORT":  # 別表第二主務省令: the order of the table named
            kind = "exchange" if table is Table.BEPPYO2 else "uses"
        else:
            kind = "exchange" if "情" in self.v(suffix) else "uses"
        return Parsed(
            kind=CitationKind.ORDER_TITLE,
            end=_end(number or suffix),
            provision=prov["provision"] if prov else None,
            provision_span=prov["span"] if prov else None,
            table=table,
            table_span=(_start(bep), _end(ord_tok)),
            ord_span=(_start(ord_tok), _end(ord_tok)),
            order_title=kind,
            title_span=(_start(bep), _end(suffix)),
            number_span=(_start(number), _end(number)) if number is not None else None,
        )

    def anchored(self, parsed: Parsed) -> Parsed:
        return parsed

    def bare_rows(self, lpar: Tok, rows: tuple[tuple[RowItem, ...], tuple[str, ...]], rpar: Tok) -> Parsed:
        items, seps = rows
        return Parsed(
            kind=CitationKind.ROW_LIST,
            end=_end(rpar),
            items=items,
            separators=seps,
            rows_span=(items[0].start, items[-1].end),
        )

    def colon_rows(self, rows: tuple[tuple[RowItem, ...], tuple[str, ...]]) -> Parsed:
        items, seps = rows
        return Parsed(
            kind=CitationKind.ROW_LIST,
            end=items[-1].end,
            items=items,
            separators=seps,
            rows_span=(items[0].start, items[-1].end),
            row_form_default="",  # 「項：１、２、３」: the numbers stand alone
        )

    # order references ---------------------------------------------------------
    def ref_article(self, num: Tok, _jou: Tok, *branches: Tok) -> tuple[Any, ...]:
        parts = [parse_int(self.v(num))] + [parse_int(_strip_ws(self.v(b))[1:]) for b in branches]
        end = _end(branches[-1] if branches else _jou)
        return ("article", RowNumber(tuple(parts)), _start(num), end, (_start(num), _end(num)))

    def ref_paragraph(self, num: Tok, kou: Tok) -> tuple[Any, ...]:
        return ("paragraph", parse_int(self.v(num)), _start(num), _end(kou), (_start(num), _end(num)))

    def ref_item(self, num: Tok, gou: Tok, sub: Tok | None = None) -> tuple[Any, ...]:
        end = _end(sub or gou)
        letter = self.v(sub).replace("へ", "ヘ") if sub is not None else None
        return ("item", (parse_int(self.v(num)), letter), _start(num), end, (_start(num), _end(num)))

    def dai_article(self, _dai: Tok, num: Tok, jou: Tok, *branches: Tok) -> tuple[Any, ...]:
        return self.ref_article(num, jou, *branches)  # the atom is 「２条」; its 第 stays as written

    def dai_paragraph(self, _dai: Tok, num: Tok, kou: Tok) -> tuple[Any, ...]:
        return self.ref_paragraph(num, kou)

    def dai_item(self, _dai: Tok, num: Tok, gou: Tok, sub: Tok | None = None) -> tuple[Any, ...]:
        return self.ref_item(num, gou, sub)

    def article_refs(self, *args: Any) -> Parsed:
        atoms = tuple(a for a in args if isinstance(a, tuple))
        seps = tuple(_strip_ws(self.v(a)) for a in args if isinstance(a, _TOKEN_TYPES))
        # the citation starts at the first 第 (offset 0 of the candidate) and ends with the last atom
        return Parsed(
            kind=CitationKind.ORDER_REFS,
            end=atoms[-1][3],
            refs=atoms,
            separators=seps,
            rows_span=(0, atoms[-1][3]),
        )

    def order_refs(self, lpar: Tok, *args: Any) -> Parsed:
        atoms = tuple(a for a in args if isinstance(a, tuple))
        rpar = args[-1]
        seps = tuple(_strip_ws(self.v(a)) for a in args if isinstance(a, _TOKEN_TYPES) and a.type == "SEP")
        return Parsed(
            kind=CitationKind.ORDER_REFS,
            end=_end(rpar),
            refs=atoms,
            separators=seps,
            rows_span=(atoms[0][2], atoms[-1][3]) if atoms else None,
        )


def _end_accepts(ip: Any) -> bool:
    state = ip.parser_state
    return "$END" in state.parse_conf.parse_table.states[state.position]


# Rules whose handler in _ToModel gives back its one child as it is (a test checks each): compacted
# trees hold the child in their place, so the transform makes no call for them
_PASS_THROUGH = frozenset({"num", "suffix", "row_sep", "link", "anchored"})


def _compact(tree: Tree) -> Any:
    """A tree as nested ``(rule name, children)`` tuples with its tokens as leaves: the form the
    shape cache keeps, walked faster than Lark's Tree objects.  A pass-through rule
    (:data:`_PASS_THROUGH`) is replaced by its one child."""
    name = str(tree.data)
    children = tuple(
        _compact(c) if isinstance(c, Tree) else _Tok(c.type, _start(c), _end(c)) if isinstance(c, Token) else c
        for c in tree.children
    )
    if name in _PASS_THROUGH and len(children) == 1:
        return children[0]
    return (name, children)


# what the grammar ignores between tokens (its %ignore): a parse of the whole text ends before it
_IGNORED_TAIL = compile_on_use(rf"[\s{INVISIBLE}]*\Z")


def _longest_prefix(text: str, start: str) -> tuple[Any, int] | None:
    """Parse the longest prefix of ``text`` that is a complete ``start``; (tree, end) or None.

    A text that is one whole citation (a list cut at its closing parenthesis, most candidates) is
    parsed in one plain pass.  Otherwise its tokens are fed one by one, noting each point where the
    input could end; the tokens up to the last such point are then fed again to a new parser and
    ended there.  (Ending a copy of the first parser instead would share its subtrees: Lark extends
    an inlined list's children in place, so the tokens fed after the copy was made could add rows
    to it — 「別表第一の１、２及び３の項、」 read as rows 1, 2, 3, 3.)"""
    parser = get_parser()
    try:
        tree = parser.parse(text, start=start)
    except UnexpectedInput:
        pass
    else:
        tail = _IGNORED_TAIL.search(text)
        return tree, tail.start() if tail else len(text)
    ip = parser.parse_interactive(text, start=start)
    tokens: list[Any] = []
    ends: list[tuple[int, int]] = []  # (tokens fed, end offset) where the input could end
    try:
        for tok in ip.lexer_thread.lex(ip.parser_state):
            ip.feed_token(tok)
            tokens.append(tok)
            if _end_accepts(ip):
                ends.append((len(tokens), _end(tok)))
    except UnexpectedInput:
        pass
    for n, end in reversed(ends):
        again = parser.parse_interactive(text, start=start)
        try:
            for tok in tokens[:n]:
                again.feed_token(tok)
            return again.feed_eof(), end
        except UnexpectedInput:
            continue
    return None


# Numerals 1–9 (half-width, full-width and kanji 一…九) all read as 1 for the cache key: the
# grammar never tells them apart (only 0, 〇 and the kanji units 十百千, which stay as written), so
# a citation with other numbers has the same tree, and the tree is parsed once per shape.
_SHAPE = str.maketrans("23456789２３４５６７８９二三四五六七八九", "11111111１１１１１１１１一一一一一一一一")


@functools.lru_cache(maxsize=4096)
def _tree_cached(shape: str, start: str) -> tuple[Any, int] | None:
    simple = _simple_list(shape, start)
    if simple is not None:
        return simple
    with classes_shared():  # (Lark's lexer compiles its terminals at its first use in each parser state)
        found = _longest_prefix(shape, start)
    return None if found is None else (_compact(found[0]), found[1])


# The terminals of the two long list shapes, as the loaded grammar defines them (see _simple_list)
_LIST_TERMINALS = ("LPAR", "RPAR", "NUM", "KNUM", "BRANCH", "NOKOU", "SEP", "CONJ", "JOU", "KOU", "GOU", "SUBITEM")


@functools.cache
def _list_terminals() -> dict[str, re.Pattern[str]]:
    parser = get_parser()
    ignored = parser.lexer_conf.ignore
    found = {t.name: compile_shared(t.pattern.to_regexp()) for t in parser.terminals if t.name in _LIST_TERMINALS}
    found[""] = next(compile_shared(t.pattern.to_regexp()) for t in parser.terminals if t.name in ignored)
    return found


def _simple_list(text: str, start: str) -> tuple[Any, int] | None:
    """The compact tree of ``text`` and where it ends, when the whole text is one of the two long lists PIAs write,
    read as the grammar reads them, or None (the grammar reads it): a row list 「（１、２、３…の項）」 (``bare_rows``:
    numbers with their branches, separated by 、 or 及び, each maybe followed by の項) and a reference list
    「（１条２号ハ、２条７号ロ・１３号ハ…）」 (``order_refs``).

    Lark's parser, in Python, takes about 2.5 µs a token, 2 ms for a list of 150 references.  The tokens here are
    the grammar's own terminals (their patterns are taken from the loaded grammar), and at every point the ones
    the grammar accepts there can never match the same text, so the first that matches is the one Lark's lexer
    takes; a property checks the trees against the grammar's."""
    if start != "bare_rows" and start != "order_refs":
        return None
    terminals = _list_terminals()
    skip = terminals[""]
    pos = 0

    def token(*names: str) -> _Tok | None:
        nonlocal pos
        gap = skip.match(text, pos)
        at = gap.end() if gap is not None else pos
        for name in names:
            m = terminals[name].match(text, at)
            if m is not None:
                pos = m.end()
                return _Tok(name, at, pos)
        return None

    lpar = token("LPAR")
    if lpar is None:
        return None
    children: list[Any] = []
    if start == "bare_rows":  # LPAR rows RPAR, rows: (rownum NOKOU?) ((SEP | CONJ) rownum NOKOU?)*
        while True:
            num = token("NUM", "KNUM")
            if num is None:
                return None
            rownum = [num]
            while (branch := token("BRANCH")) is not None:
                rownum.append(branch)
            suffix = token("NOKOU")
            children.append(("row_one", (("rownum", tuple(rownum)), suffix) if suffix else (("rownum", tuple(rownum)),)))
            sep = token("SEP", "CONJ")
            if sep is None:
                break
            children.append(sep)
        body: tuple[Any, ...] = (("rows", tuple(children)),)
    else:  # LPAR ref_atom (SEP? ref_atom)* SEP? RPAR
        while (num := token("NUM", "KNUM")) is not None:
            unit = token("JOU", "KOU", "GOU")
            if unit is None:
                return None
            if unit.type == "JOU":
                atom: list[Any] = [num, unit]
                while (branch := token("BRANCH")) is not None:
                    atom.append(branch)
                children.append(("ref_article", tuple(atom)))
            elif unit.type == "KOU":
                children.append(("ref_paragraph", (num, unit)))
            else:
                subitem = token("SUBITEM")
                children.append(("ref_item", (num, unit, subitem) if subitem else (num, unit)))
            sep = token("SEP")
            if sep is not None:
                children.append(sep)
        if not children:
            return None
        body = tuple(children)
    rpar = token("RPAR")
    if rpar is None:
        return None
    tail = _IGNORED_TAIL.search(text)
    if tail is None or tail.start() != rpar.end_pos:
        return None  # (something after the list: the grammar reads its longest prefix)
    return (start, (lpar, *body, rpar)), rpar.end_pos


_PARSED: dict[tuple[str, str], tuple[Parsed, Citation | None]] = {}
_PARSED_MAX = 8192


_BY_TEXT: dict[tuple[str, str], tuple[Parsed, Citation | None] | None] = {}


def _parse_cached(text: str, start: str, with_citation: bool = False) -> tuple[Parsed, Citation | None] | None:
    """The parse of ``text`` (and its citation): by the text itself when seen before, else by its
    shape (the tree), else parsed."""
    key0 = (text, start)
    if key0 in _BY_TEXT:
        done = _BY_TEXT[key0]
        if done is None or not with_citation or done[1] is not None:
            return done
    found = _tree_cached(text.translate(_SHAPE), start)
    if found is None:
        _remember(text, start, None)
        return None
    tree, end = found
    # the values depend only on the citation itself (the same text has the same tree), not on the
    # prose after it
    key = (text[:end], start)
    entry = _PARSED.get(key)
    if entry is None or (with_citation and entry[1] is None):
        parsed: Parsed = entry[0] if entry is not None else _ToModel(key[0]).transform(tree)
        entry = (parsed, to_citation(parsed, key[0], 0) if with_citation else None)
        if len(_PARSED) >= _PARSED_MAX:
            _PARSED.clear()
        _PARSED[key] = entry
    _remember(text, start, entry)
    return entry


def _remember(text: str, start: str, entry: tuple[Parsed, Citation | None] | None) -> None:
    if len(_BY_TEXT) >= _PARSED_MAX:
        _BY_TEXT.clear()
    _BY_TEXT[(text, start)] = entry


def clear_caches() -> None:
    """Forget every cached parse (benchmarks use it to measure a document seen for the first time)."""
    _tree_cached.cache_clear()
    _PARSED.clear()
    _BY_TEXT.clear()


def parse_at(text: str, start: str = "anchored") -> Parsed | None:
    """Parse the longest citation at the beginning of ``text`` (spans relative to ``text``).

    Returns ``None`` when no prefix of ``text`` is a citation.  Results are cached by text and
    trees by shape, so a document that repeats a citation, or its form with other numbers,
    parses it once.
    """
    try:
        entry = _parse_cached(text, start)
    except (ValueError, IndexError, StopIteration):  # malformed numerals and the like
        return None
    return None if entry is None else entry[0]


def malformed_end(text: str, start: str = "anchored") -> int | None:
    """Where a citation at the beginning of ``text`` ends whose form the grammar reads but whose
    numbers are not numerals (「別表第一の一〇の項」: 一〇 is no kanji numeral), or None (no such
    citation: :func:`parse_relative` gives it, or nothing is read there at all)."""
    try:
        found = _tree_cached(text.translate(_SHAPE), start)
    except (ValueError, IndexError, StopIteration):
        return None
    if found is None:
        return None
    try:
        _ToModel(text[: found[1]]).transform(found[0])
    except NumeralError:
        return found[1]
    except (ValueError, IndexError, StopIteration):
        return None
    return None


def parse_relative(text: str, start: str = "anchored") -> tuple[Parsed, Citation] | None:
    """Like :func:`parse_at`, with the Citation built at offset 0 (cached with the parse);
    :func:`place` moves it to where ``text`` stands in a document."""
    try:
        entry = _parse_cached(text, start, with_citation=True)
    except (ValueError, IndexError, StopIteration):
        return None
    if entry is None or entry[1] is None:
        return None
    return entry[0], entry[1]


_KEEP: Any = object()  # place(): this field as the parsed citation has it


def place(
    c: Citation,
    offset: int,
    source: str,
    law_part: tuple[int, int, str] | None = None,
    *,
    start: int | None = None,
    end: int | None = None,
    law: Any = _KEEP,
    law_basis: Any = _KEEP,
    law_span: Any = _KEEP,
    order: Any = _KEEP,
    table_basis: Any = _KEEP,
    passage: Any = _KEEP,
) -> Citation:
    """``c`` (built at offset 0) moved by ``offset`` into ``source``, in one step: with the given
    fields changed, starting at ``start`` (default: where ``c`` starts), and with a 'law' part
    (start, end, text in ``source``) before its own parts when ``law_part`` is given.  ``end``, when
    given, is where ``c`` ends in ``source`` (``c.end + offset``, which the caller has computed
    already: the placed citation keeps that int rather than a new equal one)."""
    # the parts stay relative (shared with the cached citation); only the offset moves
    shift = c._parts_offset + offset
    parts = c._parts
    if law_part is not None:
        parts = (Part("law", law_part[0] - shift, law_part[1] - shift, law_part[2]), *parts)
    if start is None:
        start = c.start + offset
    if end is None:
        end = c.end + offset
    if shift == start:  # (the same int: a dense text's citations are mostly their ints)
        shift = start
    # the text of a citation placed with its own span is the cached citation's (equal, and shared:
    # a dense text repeats a few citations thousands of times)
    cited = c.text if end - start == len(c.text) and source.startswith(c.text, start) else source[start:end]
    # every field, positionally in the order attrs declares them (a placed citation is built once
    # per citation of a document, a hot path; keywords and attrs.evolve cost twice as much).  A
    # test checks that placing with no change gives back an equal citation, field by field.
    return Citation(
        start,
        end,
        cited,
        c.kind,
        c.law if law is _KEEP else law,
        c.law_basis if law_basis is _KEEP else law_basis,
        c.law_span if law_span is _KEEP else law_span,
        c.provision,
        c.table,
        c.tables,
        c.table_basis if table_basis is _KEEP else table_basis,
        c.rows,
        c.ranges,
        c.column,
        c.order if order is _KEEP else order,
        c._order_refs,  # relative, like the parts
        c.style,
        parts,
        c.antecedent,
        c.passage if passage is _KEEP else passage,
        shift,
    )


# --------------------------------------------------------------------------- one whole citation


def _numeral_style(s: str) -> NumeralStyle:
    try:
        return detect_style(s)
    except ValueError:
        return NumeralStyle.HALF


def style_of(parsed: Parsed, text: str) -> Style:
    """The written style of a parsed citation (``text`` is what it was parsed from)."""
    numbers = [t for item in parsed.items for t in item.numbers]
    numerals = _numeral_style(numbers[0].text) if numbers else NumeralStyle.HALF
    if not numbers and parsed.refs:
        numerals = _numeral_style(text[parsed.refs[0][4][0] : parsed.refs[0][4][1]])
    elif not numbers and parsed.provision_span:
        numerals = _numeral_style(text[parsed.provision_span[0] : parsed.provision_span[1]])
    suffixes = [i.suffix for i in parsed.items if i.suffix]
    row_form = suffixes[-1] if suffixes else parsed.row_form_default
    seps = [s for s in parsed.separators if s not in ("及び", "並びに", "又は", "と", "若しくは")]
    conj = [s for s in parsed.separators if s in ("及び", "並びに", "又は", "と", "若しくは")]
    spaced = False
    if parsed.rows_span or parsed.table_span:
        lo = parsed.provision_span[0] if parsed.provision_span else (parsed.table_span or (0, 0))[0]
        spaced = any(ch.isspace() for ch in text[lo : parsed.end])
    return Style(
        numerals=numerals,
        row_form=row_form,
        separator=seps[0] if seps else "、",
        conjunction=conj[-1] if conj else None,
        link=parsed.link,
        suffix_each=len(suffixes) > 1,
        spaced=spaced,
        # 第 before the first row (「第27の項」, 「第27、28項」); 「項番27」 is a prefix of its own, with no 第
        dai_first=bool(parsed.items) and parsed.items[0].kind in ("dai", "dai_first") and parsed.items[0].suffix != "項番",
    )


def to_citation(
    parsed: Parsed,
    text: str,
    offset: int,
    position: Callable[[int], int] | None = None,
) -> Citation:
    """Build a Citation from a parse of ``text`` (a slice starting at ``offset`` of the original).

    ``position`` maps an index of ``text`` to an index of the original text when ``text`` is not a
    plain slice (whitespace removed from spaced-out text); by default ``offset + i``.
    """
    pos = position or (lambda i: offset + i)

    def span(s: tuple[int, int]) -> tuple[int, int]:
        return pos(s[0]), pos(s[1] - 1) + 1 if s[1] > s[0] else pos(s[0])

    named_spans = (
        ("provision", parsed.provision_span),
        ("table", parsed.table_span),
        ("ord", parsed.ord_span),
        ("table2", parsed.table2_span),
        ("title", parsed.title_span),
        ("order_number", parsed.number_span),
        ("rows", parsed.rows_span),
    )
    parts: list[Part] = [Part(role, *span(sp)) for role, sp in named_spans if sp]
    rows: list[RowNumber] = []
    ranges: list[tuple[RowNumber, RowNumber]] = []
    for item in parsed.items:
        for tok in item.numbers:
            parts.append(Part("row", *span((tok.start, tok.end)), str(tok.number)))
        if item.kind == "range":
            lo, hi = item.numbers[0].number, item.numbers[1].number
            ranges.append((lo, hi))
            rows.extend(expand_range(lo, hi))
        else:
            rows.append(item.numbers[0].number)
    refs: list[OrderRef] = []
    if parsed.kind is CitationKind.ORDER_REFS:
        refs = _assemble_refs(parsed.refs, span)
        for r in refs:
            parts.append(Part("ref", r.start, r.end, r.key()))
        for atom in parsed.refs:
            if atom[0] == "article":  # the whole 「２２条の３」, which becomes 「４０条」
                parts.append(Part("ref_article", *span((atom[2], atom[3]))))
            elif atom[0] == "item":  # the item number only; its letter stays
                parts.append(Part("ref_item", *span(atom[4])))
    start = pos(0)
    end = span((0, parsed.end))[1]
    if parsed.kind in (CitationKind.ROW_LIST, CitationKind.ORDER_REFS) and parsed.rows_span:
        start, end = span(parsed.rows_span)  # the list itself, without its parentheses
    return Citation(
        start=start,
        end=end,
        text=text[start - offset : end - offset] if position is None else "",  # (a view's: the caller's text)
        kind=parsed.kind,
        provision=parsed.provision,
        table=parsed.table,
        tables=parsed.tables,
        rows=tuple(rows),
        ranges=tuple(ranges),
        column=parsed.column,
        order_refs=tuple(refs),
        style=style_of(parsed, text),
        parts=tuple(parts),
    )


def expand_range(lo: RowNumber, hi: RowNumber) -> list[RowNumber]:
    """Rows from ``lo`` to ``hi`` inclusive (main numbers; branch ends kept as written)."""
    if hi < lo:
        raise ValueError(f"範囲の順序が逆です / range runs backwards: {lo}–{hi}")
    out = [lo]
    for n in range(lo.main + 1, hi.main + 1):
        out.append(RowNumber((n,)))
    if hi.branches:
        out.append(hi)
    return list(dict.fromkeys(out))


def _assemble_refs(atoms: tuple[Any, ...], span: Callable[[tuple[int, int]], tuple[int, int]]) -> list[OrderRef]:
    """Flat atoms (article, paragraph, item) into references: ``2条7号ロ・13号ハ`` → 2-7-ロ, 2-13-ハ."""
    refs: list[OrderRef] = []
    article: RowNumber | None = None
    article_start = 0
    article_end = 0
    paragraph: int | None = None
    pending_article = False
    for kind, value, s, e, _num in atoms:
        s, e = span((s, e))
        if kind == "article":
            if pending_article and article is not None:
                refs.append(OrderRef(article, None, None, None, article_start, article_end))
            article, article_start, article_end = value, s, e
            paragraph = None
            pending_article = True
        elif kind == "paragraph":
            paragraph = value
            if not pending_article:
                article_start = s
        elif kind == "item":
            if article is None:
                raise ValueError("号 without 条")
            number, letter = value
            start = article_start if pending_article else s
            refs.append(OrderRef(article, paragraph, number, letter, start, e))
            pending_article = False
            article_start = s
    if pending_article and article is not None:
        refs.append(OrderRef(article, None, None, None, article_start, article_end))
    return refs


def parse_citation(s: str) -> Citation:
    """Parse ``s``, which must be exactly one citation (surrounding whitespace allowed).

    Raises :class:`~mynumber_refs.model.CitationSyntaxError` with the position and a short context
    when ``s`` is not one citation.  The law is not resolved here (see ``find_citations``).

    >>> str(parse_citation("別表第一の36の2の項").rows[0])
    '36の2'
    """
    stripped = s.strip()
    lead = len(s) - len(s.lstrip())
    if not stripped:
        raise CitationSyntaxError("空の文字列です / empty string", 0, "")
    law_end = _law_prefix_end(stripped)
    body = stripped[law_end:]
    for start in START_SYMBOLS:
        parsed = parse_at(body, start)
        if parsed is not None and parsed.end == len(body.rstrip()):
            citation = to_citation(parsed, body, lead + law_end)
            return attrs.evolve(
                citation,
                start=lead,
                text=s[lead : citation.end],
                law=stripped[:law_end] or None,
            )
    failed_at = lead + law_end
    parsed = parse_at(body, "anchored")
    if parsed is not None:
        failed_at = lead + law_end + parsed.end
    context = s[max(0, failed_at - 8) : failed_at + 8]
    raise CitationSyntaxError("引用として解析できません / not a single citation", failed_at, context)


def _law_prefix_end(s: str) -> int:
    """Length of a law name written at the start of ``s`` (番号利用法, 番号法の …), else 0."""
    m = LAW_PREFIX_RE.match(s)
    return m.end() if m else 0

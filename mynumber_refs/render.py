"""Step 5 of the pipeline: new wording in the document's own style.

Numbers are written in the numeral style of the token they replace (16→24, １６→２４, 十六→二十四);
row lists keep their separators, their conjunction and their 「の項」/「項」/「第N項」 form; the new
order's table is named with the digits the document uses.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from ._patterns import compile_on_use
from .model import ALIASES, RowNumber, Style
from .numerals import NumeralStyle, detect_style, render_int

__all__ = [
    "NEW_TABLE_PHRASE",
    "NEW_ORDER_NAME",
    "NEW_ORDER_FORMAL_TAIL",
    "NEW_ORDER_NUMBER",
    "document_law_name",
    "document_numerals",
    "numerals_of",
    "render_number",
    "render_rows",
    "new_table_phrase",
    "new_order_name",
    "new_order_number",
]

NEW_TABLE_PHRASE = "第{19}条第{8}号に基づく主務省令第{2}条の表"
NEW_ORDER_NAME = "第{19}条第{8}号に基づく主務省令"
NEW_ORDER_FORMAL_TAIL = "第十九条第八号に基づく利用特定個人情報の提供に関する命令"
# The new order's number (it repealed 平成26年内閣府・総務省令第7号; see mappings/transitions.toml)
NEW_ORDER_NUMBER = "令和{6}年デジタル庁・総務省令第{9}号"

_FULL = "０１２３４５６７８９"


_KANJI_PROVISION = compile_on_use(r"第[〇一二三四五六七八九十百千]+[条項号]")


def document_numerals(text: str) -> NumeralStyle:
    """The digits a text mostly uses: full-width when it has more of them than half-width; kanji
    when it has no digits at all and writes its provisions in kanji (第十九条)."""
    # (the half-width digits are counted among the text's ASCII characters alone, and the full-width ones only until
    # they outnumber them: a long text is scanned a few times, not twenty)
    ascii_only = text.encode("ascii", "ignore")
    half = sum(ascii_only.count(d) for d in b"0123456789")
    full = 0
    for d in _FULL:
        full += text.count(d)
        if full > half:
            return NumeralStyle.FULL
    if not full and not half and _KANJI_PROVISION.search(text):
        return NumeralStyle.KANJI
    return NumeralStyle.HALF


_ALIASES_LONGEST_FIRST = compile_on_use("|".join(re.escape(a) for a in sorted(ALIASES, key=len, reverse=True)))


# Occurrences of the act's names can neither overlap nor nest when no name holds another's first
# character after its own start: then each is counted by a plain search for it (C speed)
_NAMES_APART = not any(b[0] in a[1:] for a in ALIASES for b in ALIASES)


def document_law_name(texts: Iterable[str]) -> str | None:
    """The act's short name a document uses most (「番号利用法」, 「番号法」 …); the first one written
    when two are used as often; ``None`` when it uses none.  The rewriter writes this name where a
    citation names no law, so that a document gets one name throughout."""
    counts: Counter[str] = Counter()
    first: dict[str, tuple[int, int]] = {}
    for n, text in enumerate(texts):
        if _NAMES_APART:
            for alias in ALIASES:
                k = text.count(alias)
                if k:
                    counts[alias] += k
                    first.setdefault(alias, (n, text.find(alias)))
            continue
        # a longer alias is never counted again as a shorter one inside it (the search takes the
        # longest at each place)
        for m in _ALIASES_LONGEST_FIRST.finditer(text):
            counts[m.group()] += 1
            first.setdefault(m.group(), (n, m.start()))
    if not counts:
        return None
    return max(counts, key=lambda a: (counts[a], tuple(-x for x in first[a])))


def numerals_of(token: str, default: NumeralStyle = NumeralStyle.HALF) -> NumeralStyle:
    try:
        return detect_style(token)
    except ValueError:
        return default


def render_number(row: RowNumber, style: NumeralStyle) -> str:
    return row.render(style)


def _fill(template: str, style: NumeralStyle) -> str:
    out = template
    for n in (19, 8, 2):
        out = out.replace("{" + str(n) + "}", render_int(n, style))
    return out


# which 第 of the inserted provision the document's own provision leaves out: (before the article, before the item)
Shorthand = tuple[bool, bool]
NO_SHORTHAND: Shorthand = (False, False)


def _shorthand(phrase: str, shorthand: Shorthand) -> str:
    """The phrase with its provision written as the document wrote its own, each 第 apart: 「19条8号に基づく…」
    for a document's 「19条7号別表第二」, 「19条第8号に基づく…」 for 「19条第7号別表第二」 (the order's 「第2条の表」
    is a name and keeps its 第)."""
    article, sep, rest = phrase.partition("条")
    if shorthand[0]:
        article = article.replace("第", "", 1)
    if shorthand[1]:
        rest = rest.replace("第", "", 1)
    return article + sep + rest


def new_table_phrase(style: NumeralStyle, shorthand: Shorthand = NO_SHORTHAND) -> str:
    """「第19条第8号に基づく主務省令第2条の表」 in ``style`` (「19条8号に基づく…」 in ``shorthand``)."""
    return _shorthand(_fill(NEW_TABLE_PHRASE, style), shorthand)


def new_order_number(style: NumeralStyle) -> str:
    """「令和6年デジタル庁・総務省令第9号」 in ``style``."""
    return NEW_ORDER_NUMBER.replace("{6}", render_int(6, style)).replace("{9}", render_int(9, style))


def new_order_name(style: NumeralStyle, shorthand: Shorthand = NO_SHORTHAND) -> str:
    """「第19条第8号に基づく主務省令」 in ``style`` (「19条8号に基づく主務省令」 in ``shorthand``)."""
    return _shorthand(_fill(NEW_ORDER_NAME, style), shorthand)


def _with_form(number: str, form: str) -> str:
    if form == "第項":
        return f"第{number}項"
    if form == "第の項":
        return f"第{number}の項"
    if form == "項番":
        return f"項番{number}"
    return number + form


def render_rows(rows: Sequence[RowNumber], style: Style, numerals: NumeralStyle | None = None) -> str:
    """A row list in the source's style: 「１、２及び３の項」, 「27の項及び30の項」, 「第5項」…"""
    numerals = numerals or style.numerals
    numbers = [r.render(numerals) for r in rows]
    if not numbers:
        return ""
    form = style.row_form
    if style.suffix_each or form in ("第項", "第の項"):
        numbers = [_with_form(n, form) for n in numbers]
    elif form == "項番":  # 項番27、28: the prefix stands once, before the first
        numbers[0] = _with_form(numbers[0], form)
    else:
        numbers[-1] = _with_form(numbers[-1], form)
    if style.dai_first and not numbers[0].startswith("第"):  # 「第27、28項」, 「第27項、28項」: 第 before the first
        numbers[0] = "第" + numbers[0]
    if len(numbers) == 1:
        return numbers[0]
    if style.conjunction:
        return style.separator.join(numbers[:-1]) + style.conjunction + numbers[-1]
    return style.separator.join(numbers)

"""Step 3a of the pipeline: the law expressions of a text, and the one rule that binds a table to its law.

A table citation (別表第一, 別表第二 …) is the act's only when the text binds it to the act.  This
module finds every *law expression* in a text — the act's names (番号利用法, 番号法, the full title),
other laws, orders, rules and ordinances (anything ending in 法/法律/令/規則/条例/規程 … that is not a
common word), terms defined with 「（以下「法」という。）」 (「以下この項において「法」と表記する」, 「以下「住基法」又は
「法」という」), 「「法」とは、…法をいう。」 or 「「法」は…法を指す。」, and 同法 (after 「…法施行令」: that law) — each with its span and its
bracket depth, and then applies one rule:

    **A table belongs to the nearest law expression before it at the same bracket depth, in the same
    sentence.  Bracketed insertions (a law's number, a definition, a note) and the article list
    joined to the table (「第5条、第7条及び別表第一」) stand between a law and its own table and are
    skipped.  If that law is another law, order, rule or ordinance, the table is not the act's —
    whatever ``assume_law`` says.  ``assume_law`` only fills in the act for a table before which, in
    its sentence and at its depth, no law, instrument or defined term stands.**

When nothing before it binds a table, a bracket right after it that holds only a law's reference —
its name, perhaps its number and a provision — names its law (「別表第一の16の項（住民基本台帳法）」,
「別表第二（番号法第19条第8号）」; :meth:`LawIndex.law_noted_after`).

Words that are common words elsewhere (政令, 省令, 告示, 通知, 要領, 契約書 …) name an instrument only
right before a table on the same line (「政令別表第一」, 「通知の別表第二」): that table is the instrument's.

Definitions bind their term to the law expression they follow (skipping the law's number in
brackets, and also when they sit inside that bracket: 「（平成25年法律第27号。以下「番号法」という。）」).
同法 means the last law named at the same or an outer bracket depth, never one named inside
brackets that have closed.

:class:`LawIndex` is built per text (lazily: nothing is computed for a text with no candidate),
and :meth:`LawIndex.bind` answers for one table.  :mod:`mynumber_refs.resolve` uses it for every
anchored citation; :mod:`mynumber_refs.parse` uses :data:`LAW_PREFIX_RE` for ``parse_citation``.
"""

from __future__ import annotations

import bisect
import enum
import functools
import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

import attrs

from ._patterns import compile_on_use, compile_shared
from .model import ALIASES, MY_NUMBER_ACT, LawBasis
from .numerals import parse_int

__all__ = [
    "ALIASES",
    "LAW_PREFIX_RE",
    "ORDER_TAIL",
    "PAGE_BREAK",
    "LawKind",
    "LawExpr",
    "Binding",
    "LawIndex",
    "may_define",
    "reread_term_spans",
]


_S = r"[\s]*"


def _spaced(word: str) -> str:
    return _S.join(re.escape(ch) for ch in word)


_LINE_BREAK = r"(?:[ \t\u3000]*\r?\n[ \t\u3000]*)?"  # where PDF text may break a line
# A page break in text from a PDF: the lines between a page's last words and the next page's first — blank lines, a page's
# number (「－ 3 －」, 「- 3 -」, 「3 / 30」, 「3ページ」) with perhaps the next page's header line after it, and a form feed's line
# (pdftotext starts each page with one, its header on the same line)
_PAGE_NUMBER_LINE = (
    r"[ \t\u3000]*(?:[－\-‐―—–−][ \t\u3000]*)?[0-9０-９]{1,4}(?:[ \t\u3000]*[/／][ \t\u3000]*[0-9０-９]{1,4})?"
    r"[ \t\u3000]*(?:ページ|頁)?[ \t\u3000]*(?:[－\-‐―—–−][ \t\u3000]*)?"
)
_GAP_LINE = r"\r?\n(?:[ \t\u3000]*|\f[^\r\n]*)(?=\r?\n)"
PAGE_BREAK = (
    rf"(?:{_GAP_LINE})*+(?:\r?\n{_PAGE_NUMBER_LINE}(?=\r?\n)(?:\r?\n[^\r\n]*)?|\r?\n\f[^\r\n]*)(?:{_GAP_LINE})*\r?\n"
)
_PAGE_BREAK_SPAN = 160  # how far back a name broken by a page is looked for (a page's number and header between its pieces)
_NUM = r"(?:[0-9０-９]+|[〇一二三四五六七八九十百千]+)"
_SNUM = r"(?:[0-9０-９]+(?:\s+[0-9０-９]+)*|[〇一二三四五六七八九十百千]+(?:\s+[〇一二三四五六七八九十百千]+)*)"
_FULL = _spaced(MY_NUMBER_ACT)
_ACT_NUMBER = (
    rf"[（(]{_S}平{_S}成{_S}(?:25|２５|二{_S}十{_S}五){_S}年{_S}法{_S}律{_S}第{_S}(?:27|２７|二{_S}十{_S}七){_S}号{_S}[）)]"
)

LAW_PREFIX_RE = compile_on_use(
    rf"(?:{_FULL}(?:{_S}{_ACT_NUMBER})?|{'|'.join(_spaced(a) for a in ALIASES)}|同{_S}法|法){_S}(?:の{_S})?"
)
"""A name of the act written at the start of a string (``parse_citation`` strips it)."""

# Characters a name is made of: kanji (with 々), katakana, full-width Latin letters (ＩＴ番号法).
_W = "\u3005\u3006\u4e00-\u9fff\u30a1-\u30fa\u30fc\uff21-\uff3a\uff41-\uff5a"
# What a name of a law or instrument ends with
_SUFFIX = r"(?:法律|法|令|規則|則|条例|規程|要綱|要領|告示)"
# A name ends where no name character follows, or where a provision or a table begins (番号法第9条,
# 条例別表第1, 同法別表) or a word that makes it a place in the law (…法中, …法上, …法所定: see _IN_NAME; …法附則,
# its supplementary provisions), 等 (…法等), or a joining word (…法及び: see _JOINS_AFTER_NAME); not before a number
# (「法律第27号」 is a law's number, not a name)
_END = rf"(?:(?![{_W}])|(?=[第別中上等]|所定|附則|及び|並びに|又は|若しくは))(?!{_S}第{_S}{_NUM}{_S}号)"
# the joining words a name may end right before (「地方税法及び別表第一」): none goes on a name's word
_JOINS_AFTER_NAME = ("及び", "並びに", "又は", "若しくは")
# (matched where a word begins: after a character that is not a name's, or after an order's name)
_NAME = compile_on_use(rf"[{_W}]{{0,40}}?{_SUFFIX}{_END}")
# Names that end in kana: 「…に関する法律」, 「…を支援するための法律」, 「…の提供等に関する省令」
# (PDF text may break a line inside the two characters of its end: 「…に関する条\n例」 as 「…に関す\nる条例」)
_KANA_NAME = (
    rf"(?:る|ための){_S}(法{_S}律|(?:[{_W}]{{0,4}}(?:省{_LINE_BREAK}令|府{_LINE_BREAK}令|政{_LINE_BREAK}令|命{_LINE_BREAK}令"
    rf"|規{_LINE_BREAK}則|条{_LINE_BREAK}例)))"
)
# The orders of the act's tables are instruments of their own: 「第19条第8号に基づく主務省令」 (the new
# order), 「別表第二主務省令」, 「別表第二の主務省令で定める事務及び情報を定める命令」 (the old ones) and
# 「別表主務省令」, 「別表の主務省令で定める事務を定める命令」 (the 別表第一 order as renamed in 2024)
ORDER_TAIL = (
    rf"{_S}主{_S}務{_S}省{_S}令"
    rf"(?:{_S}で{_S}定{_S}め{_S}る{_S}事{_S}務(?:{_S}及{_S}び{_S}情{_S}報)?{_S}を{_S}定{_S}め{_S}る{_S}命{_S}令)?"
)
"""The words an order's name ends with after its table (主務省令, …の主務省令で定める事務…を定める命令)."""
# …and the new order's formal name after the act's: 「…法律第十九条第八号に基づく利用特定個人情報の提供に関する命令」
_NEW_ORDER_FORMAL = _S.join("に基づく利用特定個人情報の提供に関する命令")
_ORDER_NAME = (
    rf"(?:(?:に{_S}基{_S}づ{_S}く|別{_S}表{_S}(?:第{_S}[一二12１２]{_S})?(?:の{_S})?){ORDER_TAIL}|{_NEW_ORDER_FORMAL})"
)

# Words that end like a name but name no law or instrument whose table a text could cite: as a whole
# word (法令, 政令 …, and generic words such as 根拠法 or 関係法 that PIAs use), or as its end (入手方法,
# 提供方法, 根拠法令 …; no law's name ends so)
_COMMON = frozenset(
    "法律 法令 政令 省令 府令 主務省令 命令 指令 号令 発令 辞令 勅令 律令 司令 年令 政省令 規則 要領 告示 "
    "根拠法 関係法 個別法 一般法 特別法 基本法 実定法 手続法 新法 旧法 母法 親法 国内法 外国法".split()
)
_COMMON_TAILS = tuple(
    "方法 手法 用法 療法 技法 作法 寸法 製法 論法 話法 工法 算法 筆法 戦法 兵法 説法 魔法 秘法 便法 違法 適法 合法 "
    "不法 無法 加法 減法 乗法 除法 文法 仏法 司法 立法 解法 記法 法令 政省令".split()
)
# …though a law's name may end in one of them: 組合法 (国家公務員共済組合法, 地方公務員等共済組合法, 農業協同組合法),
# 医療法 (医療法 itself), 登記法 (不動産登記法, 商業登記法)
_LAW_TAILS_LIKE_COMMON = ("組合法", "医療法", "登記法")
# A word glued right before a table or an article (「児手法別表第一」 児童手当法, 「住基則別表」 住民基本台帳法施行規則,
# 「番号法令別表」, 「行手法第9条」) names the instrument whose table or article it is even when it ends like one of the
# words above or in 則, unless it is a common word as a whole (「方法別表」, 「原則別表」)
_PLACE = r"(?:別{_S}表|第{_S}[0-9０-９〇一二三四五六七八九十百]+{_S}条)"
_GLUED_PLACE = compile_on_use(_PLACE.replace("{_S}", ""))
_WHOLE_COMMON = frozenset(_COMMON.union(_COMMON_TAILS, "原則 法則 罰則 総則 通則 鉄則 変則 準則 附則 付則".split()))
# …and so does one that owns a table or article in its clause, through の or a phrase making it the table's basis
# (「児手法の別表第一」, 「児手法に基づき、別表第一」, 「住基則に規定する別表第一」, 「番号法令の別表第一」), as a law's full
# name does there; not a generic word (those above, and their 法令 forms: 「根拠法令の別表第一」 names no instrument), nor
# through a bare 「により」 (「照会方法により、別表第二」 is a method's; 「…の規定により、」 is a law's)
_OWNED_PLACE = compile_on_use(
    rf"{_S}(?:の|中|上{_S}の|所{_S}定{_S}の|(?:の{_S}規{_S}定{_S})?に{_S}基{_S}づ{_S}(?:き|く|い{_S}て)|の{_S}規{_S}定{_S}に{_S}よ{_S}(?:り|る|っ{_S}て)"
    rf"|に{_S}(?:規{_S}定{_S}す{_S}る|定{_S}め{_S}る))(?:{_S}[、，,])?{_S}" + _PLACE.replace("{_S}", _S)
)
# …and an abbreviation of two characters and 法 whose provisions the sentence cites (「児手法の規定により支給する…」): a
# method has none (a longer word ending so is that word's compound: 「算定手法の規定により」 names no law)
_ITS_PROVISIONS = compile_on_use(rf"{_S}の{_S}規{_S}定{_S}(?:に|で)")
# a law's abbreviation that ends like a common word: two characters of the law's words and 法 (児手法 児童手当法, 行手法)
_ABBREVIATION = compile_on_use(r"[\u4e00-\u9fff]{2}法")


def _abbreviation(name: str) -> bool:
    """Whether ``name``, which no law reading takes for a name, is a law's abbreviation that ends like a common word."""
    return _ABBREVIATION.fullmatch(name) is not None and name not in _WHOLE_COMMON


_GENERIC_WORDS = frozenset(_WHOLE_COMMON.union(w + "令" for w in _COMMON if w.endswith("法")))
# …but a bare 「規則」「条例」「規程」 does name an instrument (the text's own: 「条例別表第1」)
_INSTRUMENT_WORDS = frozenset({"条例", "規程", "規則", "要綱"})
# a header cell naming a law, perhaps in brackets after a label that says it names the law: 「住基法」, 「根拠（住基法）」,
# 「【住民基本台帳法】」 (not a description's bracket: 「住民基本台帳に関する事務（住民基本台帳法）」)
_HEAD_CELL_LABEL = compile_on_use(
    r"(?:根拠|根拠法|根拠法令|根拠法律|根拠規定|法令|法令名|法律|法律名|関係法令|関連法令)?"
    r"[（(【［\[〔](?P<name>[^（）()【】［］\[\]〔〕]+)[）)】］\]〕]"
)


@functools.lru_cache(maxsize=1024)
def law_named_in_cell(cell: str, aliases: tuple[str, ...] = ALIASES) -> LawExpr | None:
    """The law a header cell names, when it holds nothing but the law's name (「住基法」, 「住民基本台帳法」), perhaps in a
    label's brackets (「根拠（住基法）」, 「【住民基本台帳法】」); None otherwise (the name's position is in ``cell``'s words).
    (Remembered: a column's cells are asked for each cell below them.)"""
    text = "".join(cell.split())
    m = _HEAD_CELL_LABEL.fullmatch(text)
    name = m.group("name") if m is not None else text
    if not name:
        return None
    found = LawIndex(name, aliases).bind(len(name))
    e = found.expr
    if found.via != "adjacent" or e is None or e.start != 0 or e.kind not in (LawKind.ACT, LawKind.OTHER):
        return None
    return e


# what a law's name (not another instrument's) ends with: a term so ending may be the act's when its definition ties it
# to no law
_LAW_WORD_TAILS = ("法", "法律")
# Words for an instrument that name the one whose table it is only when written right before the table
# on the same line (「政令別表第一」, 「告示の別表第二」, 「委託契約書別表第1」, 「基本方針別表第二」, 「…ガイドライン
# 別表第二」): elsewhere they are common words (「政令で定める」, a heading 「…市町村に対する通知」, 「事業の計画に
# 基づき、」), never a law the sentence rule may take.  Orders and notices; rules, agreements and contracts;
# plans, policies, guidelines and manuals; articles of association
_INSTRUMENT_WORDS_BEFORE_TABLE = (
    "政令 省令 府令 命令 告示 訓令 通知 通達 事務連絡 要領 要項 細則 内規 協定書 契約書 仕様書 約款 覚書 手順書"
).split()
# …and the words among them that also label a line (「事務処理計画　別表第一…」, 「情報照会の手順\t別表第二…」,
# 「運用規約 別表第二」): they name the owner only when nothing but の stands between them and the table
_LABEL_WORDS_BEFORE_TABLE = "規約 協定 定款 基準 指針 方針 大綱 計画 手順 手引 手引き ガイドライン マニュアル".split()


def _words_before_table(words: list[str]) -> re.Pattern[str]:
    return compile_shared(rf"(?<![{_W}])[{_W}]{{0,20}}?(?<!主務)(?:{'|'.join(sorted(words, key=len, reverse=True))})\Z")


_INSTRUMENT_BEFORE_TABLE = _words_before_table(_INSTRUMENT_WORDS_BEFORE_TABLE)
_LABEL_BEFORE_TABLE = _words_before_table(_LABEL_WORDS_BEFORE_TABLE)
_INSTRUMENT_REACH = 28  # (the longest word above with the 20 name characters before it)
# A word ending in katakana right before a table (「データ標準レイアウト別表第二」, 「…システムの別表第一」): a document's or a
# system's name, never a law's (laws are named in kanji); whose table it is, is not established
_KATAKANA = "\u30a1-\u30fa\u30fc\uff66-\uff9f"
_KATAKANA_END = compile_on_use(  # (its last two characters; a lone ー is a dash)
    "(?s:.[\u30a1-\u30fa\uff66-\uff6f\uff71-\uff9f]|[\u30a1-\u30fa\uff66-\uff6f\uff71-\uff9f][\u30fc\uff70])"
)
_KATAKANA_WORD_BEFORE_TABLE = compile_on_use(rf"[{_W}\uff66-\uff9f]{{0,30}}[{_KATAKANA}]\Z")
# …and words for a document, whose own table it is (「本評価書の別表第二」, 「別紙別表第一」, 「別添２別表第二」,
# 「様式第1号別表」, 「附則別表第一」), or that point at a place in the text (「次の別表第一」, 「下記別表第二」,
# 「添付の別表第二」): never the act's, with or without --assume-law.  One that points back (「上記別表第一」,
# 「前掲別表第二」, group ``back``) may name a table of the act cited before: neither, but reported
_DOCUMENT_BEFORE_TABLE = compile_on_use(
    rf"(?:(?:(?:(?<![{_W}])[{_W}]{{0,8}}?書(?:{_S}類)?|別{_S}紙|別{_S}添|別{_S}冊|[付附]{_S}録|資{_S}料|様{_S}式|[付附]{_S}則)"
    rf"(?:{_S}第?{_S}[0-9０-９一二三四五六七八九十]+{_S}号?)?|(?:(?<![{_W}])|(?<=[項号]))次)"
    # (次 after a digit is one after the 項 or 号 that ends a row number too: 「…38項の2次別表第二」 and, rewritten,
    # 「…58項次別表第二」 read the same; a two-character document or pointer word is one whatever stands before it: 「…38項の2末尾別表第一」 and,
    # rewritten, 「…58項末尾別表第一」 read the same, as 「…38項の2別添別表第二」 and 「…58項別添別表第二」 do)
    rf"|[下左後別]{_S}記|以{_S}下|後{_S}掲|添{_S}付|末{_S}尾|(?P<back>[上前]{_S}記|前{_S}掲)){_S}\Z"
)
# A heading line: its numbering (Ⅰ, １．, （１）, ①, 第２, a number and a space, a numbered note ※1) or brackets 【】, then a short text
# with no 「。」 (group ``name``), and perhaps 関係 / について / 等 (「第２　住民基本台帳法関係」); up to 80 characters, as an ordinance's
# formal title is (「熊谷市行政手続における…法律に基づく個人番号の利用に関する条例」, 53)
_HEADING_LINE = compile_on_use(
    r"[ \t\u3000]*(?:(?:[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+[ \t\u3000．.]*|[0-9０-９]{1,2}[ \t\u3000]*[．.][ \t\u3000]*|[（(][0-9０-９]{1,2}[）)][ \t\u3000]*"
    r"|[①-⑳][ \t\u3000]*|第[ \t\u3000]*[0-9０-９一二三四五六七八九十]{1,3}[ \t\u3000]+|[0-9０-９]{1,2}[ \t\u3000]+|[■□◆◇◎][ \t\u3000]*"
    r"|[※＊*][ \t\u3000]*[0-9０-９]{1,2}[ \t\u3000]*[．.：:）)]?[ \t\u3000]*)"
    r"[【［\[〔＜〈《<]?[ \t\u3000]*|[【［\[〔＜〈《<][ \t\u3000]*)"
    r"(?P<name>[^\n。]{2,80}?)[ \t\u3000]*(?:関係|について|等)?[ \t\u3000]*[】］\]〕＞〉》>]?[ \t\u3000]*\r?\Z"
)
# how a heading line begins (a cheap search for the candidates _HEADING_LINE then reads whole)
_HEADING_START = compile_on_use(r"[ \t\u3000]*(?:[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ0-9０-９（(①-⑳第【［\[〔＜〈《<■□◆◇◎]|[※＊*][ \t\u3000]*[0-9０-９])")
_HEADING_START_AFTER_BREAK = compile_on_use(r"\n" + _HEADING_START.pattern)
# A line with no numbering that holds nothing but a law's name, perhaps after a label (「住民基本台帳法」, 「根拠法令：
# …条例」), heads the lines below it as a numbered heading does; the candidates are the lines that end as a name does
_HEADING_LABELS = "根拠 根拠法 根拠法令 根拠法律 根拠条例 根拠規則 根拠規定 法令 法令名 法律 法律名 関係法令 関連法令 関係条例".split()
_LABELS = "|".join(sorted(_HEADING_LABELS, key=len, reverse=True))
# …the label written with 「：」, in brackets (「【根拠法令】」, 「（根拠）」) or with a space after it (「根拠法令　…」);
# a bulleted item (「・住民基本台帳法第30条の9」, ●, ○, 「- 」, and ※ opening an item as they do) is such a line after its bullet, and
# heads its siblings as ① does (「※1」 is a numbered note, no bullet: a numbering, as ① is)
_BRACKETED_LABEL = compile_on_use(rf"[ \t\u3000]*[（(【［\[〔＜〈《<][ \t\u3000]*(?:{_LABELS})[ \t\u3000]*[）)】］\]〕＞〉》>]")
_LABEL_BEFORE_NAME = compile_on_use(rf"(?:{_LABELS})[ \t\u3000]*[：:][ \t\u3000]*")
_ITEM_BULLETS = "・･●○※-－‐"
_PLAIN_HEADING_LINE = compile_on_use(
    rf"[ \t\u3000]*(?:[{re.escape(_ITEM_BULLETS)}][ \t\u3000]*)?(?:(?:(?:{_LABELS})[ \t\u3000]*[：:]|{_BRACKETED_LABEL.pattern}|(?:{_LABELS})(?=[ \t\u3000]))[ \t\u3000]*)?"
    rf"(?P<name>[{_W}][^\n。：:]{{1,79}}?)[ \t\u3000]*(?:関係|について|等)?"
    r"[ \t\u3000]*[：:]?[ \t\u3000]*\r?\Z"
)
_PLAIN_HEADING_END = compile_on_use(
    r"(?:[律法令則例程綱領示](?:関係|について|等)?[ \t\u3000]*[：:]?|[条項号）)]|条の[0-9０-９〇一二三四五六七八九十]+)[ \t\u3000]*\r?\n"
)
# …but not one whose sentence goes on in the line after it, as PDF text breaks a sentence right after a name
# (「住民基本台帳法\nの規定に基づき」, 「…\nに基づき」, 「…\n第7条の規定により」, 「…\n及び番号法」): a particle, a
# conjunction, or an article followed by one, never a heading's content
_SENTENCE_GOES_ON = compile_on_use(
    r"[ \t\u3000]*(?:[のにをがはでとへやも]|及び|並びに|又は|若しくは"
    r"|第[0-9０-９一二三四五六七八九十百]+条(?:の[0-9０-９一二三四五六七八九十]+)?(?:第[0-9０-９一二三四五六七八九十]+[項号])*[のにをがはでとへや、，])"
)
# (…and a law's provision with its caption: 「住民基本台帳法第30条の10（機構保存本人確認情報の提供）」; a bracket that
# holds a table, 「（番号法別表第二の27の項）」, is a citation, no caption: its rewrite must not change the line's reading)
_CAPTION_TAIL = compile_on_use(r"[（(][^（）()\n表]{1,30}[）)]\Z")
# a line that goes on from a table's name broken before its ordinal (「番号法別表第\n一住民基本台帳法…」, 「別表\n第二※…条例
# 第４条」): its first characters are the name's ordinal, as the finder reads them when no 「．」 or space and words follow it (see
# resolve._HEADING_MARK_AFTER; with one, the finder reports the table and leaves it), not a heading's number or name.  Rewritten,
# the name joins the line above, so the line's reading must not depend on the break
_NAME_BROKEN_AT_LINE_END = compile_on_use(  # (a line break between its characters too, as PDF text has it: 「別表\n第\n二…」)
    r"別[ \t\u3000]*(?:\r?\n[ \t\u3000]*)?表(?:[ \t\u3000]*(?:\r?\n[ \t\u3000]*)?第)?[ \t\u3000]*\r?\n[ \t\u3000]*\Z"
)
_ORDINAL_GOING_ON = compile_on_use(
    r"[ \t\u3000]*(?:第[ \t\u3000]*)?[0-9０-９〇一二三四五六七八九十百千]+"
    r"(?![0-9０-９〇一二三四五六七八九十百千]|[．.]|[ \t\u3000]+[^\s、。，,．.のにをがはでと及並又（(])"
)
_HEADING_LINES = 8
_NO_HEADING_KEPT = 256  # (the windows LawIndex._heading_above remembers per text…)
_NO_HEADING_WINDOW = 1000  # (…each at most this long: a Word paragraph is one line, and the memo's memory stays small)
# Words written right after a law's name that make it a place in the law (「住民基本台帳法中別表第一」, 「…法上の」, 「…法所定の」)
_IN_NAME = ("所定", "中", "上")
_HEADING_JOINS = compile_on_use(r"[ \t\u3000]*(?:及び|並びに|[、，,・])[ \t\u3000]*")  # between laws a heading names together
# a word in Latin letters right before a bracket (「… Act (住民基本台帳法)」)
_LATIN_BEFORE = compile_on_use(r"[A-Za-zＡ-Ｚａ-ｚ][ \t\u3000]*\Z")
# a form's name (「様式第1号」, 「別紙様式第２号の２」, 「規則様式第3号」, 「様式」): its relation note in brackets after it names a
# table of the instrument the form belongs to (「別紙様式第1号（別表第二関係）」)
_FORM_BEFORE = compile_on_use(
    r"様[ \t\u3000]*式(?:[ \t\u3000]*(?:第[ \t\u3000]*)?[0-9０-９一二三四五六七八九十]+(?:[ \t\u3000]*号)?"
    r"(?:[ \t\u3000]*の[ \t\u3000]*[0-9０-９一二三四五六七八九十]+)?)?[ \t\u3000]*\Z"
)
_WORD_BEFORE_FORM = compile_on_use(r"[\u3005\u4e00-\u9fff]{1,8}\Z")  # …and the word its name ends (別紙様式, 規則様式)
# the last characters of both (a table's owner is looked for only after one of them)
_OWNER_LAST = frozenset(
    "".join(w[-1] for w in _INSTRUMENT_WORDS_BEFORE_TABLE + _LABEL_WORDS_BEFORE_TABLE)
    + "書類紙添冊録料式号次記下掲付尾0123456789０１２３４５６７８９一二三四五六七八九十"
)

# A law or instrument named by its number alone, right before its table: 「平成25年法律第27号別表第一」 is the
# act's, 「昭和42年法律第81号別表第一」 another law's, 「平成26年政令第155号別表」 an order's
_LAW_NUMBER = (
    rf"(?P<era>明{_S}治|大{_S}正|昭{_S}和|平{_S}成|令{_S}和){_S}(?P<year>{_NUM}|元){_S}年{_S}"
    rf"(?P<kind>[^\s第（）()「」『』。、，,]{{1,20}}?){_S}第{_S}(?P<n>{_NUM}){_S}号"
)
_LAW_NUMBER_AT_END = compile_on_use(rf"{_LAW_NUMBER}{_S}\Z")
_LAW_NUMBER_OPENS = compile_on_use(rf"{_S}{_LAW_NUMBER}")  # (at a bracket's start)


# …and an instrument named with its number but no year (「熊谷市規則第12号」, 「総務省告示第123号」, 「条例第30号」):
# never the act, whose number is written with its year
_INSTRUMENT_NUMBER_AT_END = compile_on_use(
    rf"(?<![{_W}])[{_W}]{{0,20}}?(?:条{_S}例|規{_S}則|規{_S}程|要{_S}綱|告{_S}示|訓{_S}令|政{_S}令|省{_S}令|府{_S}令|命{_S}令|通{_S}知|通{_S}達)"
    rf"{_S}第{_S}{_NUM}{_S}号{_S}\Z"
)


_NUMBER_END = compile_on_use("号")
# how a law's number (not an instrument's) ends: 「…法律第81号」
_LAW_NUMBER_TAIL = compile_on_use(rf"法律第{_NUM}号\Z")


def _law_by_number(text: str, k: int) -> LawExpr | None:
    """The law or instrument whose number ends at ``k``, or None."""
    m = _LAW_NUMBER_AT_END.search(text, max(0, k - 48), k)
    if m is not None and _BLANK.search(m.group()):
        return None  # (a number never goes on into the next passage: 「通知\n\n第８号」 is no notice's number)
    if m is None:
        m = _INSTRUMENT_NUMBER_AT_END.search(text, max(0, k - 40), k)
        if m is None or _BLANK.search(m.group()):
            return None
        return LawExpr(m.start(), k, "".join(m.group().split()), LawKind.OTHER, None)
    name = "".join(m.group().split())
    try:
        act = (
            "".join(m.group("era").split()) == "平成"
            and m.group("year") != "元"
            and parse_int(m.group("year")) == 25
            and "".join(m.group("kind").split()) == "法律"
            and parse_int(m.group("n")) == 27
        )
    except ValueError:
        return None
    return LawExpr(m.start(), k, name, LawKind.ACT, LawBasis.NAMED) if act else LawExpr(m.start(), k, name, LawKind.OTHER, None)


# 「（以下「法」という。）」 and the variants documents use: 以下、「法」; 以下単に「法」; 『法』; a scope
# (以下この項において「法」); more than one term (以下「住基法」又は「法」); と言う / とする / と称する / と略す /
# と略記する / と記す / と表記する / と呼ぶ, or none before the bracket closes (「（以下「法」）」).  A term holds no quote or bracket that opens: 「以下「住基法\n
# …る法律（以下「番号利用法」という」 (a quote left open in PDF text) defines nothing, however short the text between
# (also in the double quotes of a Word document, 「（以下“法”という。）」, and unquoted before a verb of naming, 「（以下、法という。）」:
# a word of kanji, katakana or Latin letters; found by the 18th session's prober, 法別表第二 renamed after 「健康保険法（以下、法という。）」)
_TERM = compile_on_use(r"[「『“\"]([^「『」』“”\"（(]{1,30})[」』”\"]")
_DEFINITION = compile_on_use(
    rf"以{_S}下{_S}(?:[、，,]{_S})?"
    rf"(?:[^「『」』“”\"（）()。\n]{{1,16}}?に{_S}お{_S}い{_S}て{_S}(?:[、，,]{_S})?)?(?:単{_S}に{_S})?"
    rf"(?:(?P<terms>{_TERM.pattern}(?:{_S}(?:又{_S}は|若{_S}し{_S}く{_S}は|或{_S}い{_S}は|[、，,・]){_S}{_TERM.pattern}){{0,3}})"
    rf"(?:{_S}と{_S}(?:い{_S}う|言{_S}う|す{_S}る|称{_S}す{_S}る|略{_S}(?:記{_S})?す|記{_S}す|表{_S}記{_S}す{_S}る|呼{_S}ぶ)"
    # (…or nothing but the bracket's close after the terms: 「（以下「法」）」)
    rf"|(?={_S}[）)]))"
    rf"|(?P<bare>[\u4e00-\u9fff\u30a1-\u30faA-Za-zＡ-Ｚａ-ｚ]{{1,10}})"
    rf"(?={_S}と{_S}(?:い{_S}う|言{_S}う|称{_S}す{_S}る|略{_S}(?:記{_S})?す|記{_S}す|表{_S}記{_S}す{_S}る|呼{_S}ぶ)))"
)

# 「この評価書において「法」とは、住民基本台帳法をいう。」: the term before 「とは」, the law named right
# before 「をいう」 (its number in brackets after it, 「…のことをいう」 and 「を指す」 too), in one sentence
_TERM_BEFORE_TOHA = compile_on_use(rf"([「『])([^「『」』（()\n]{{1,30}})[」』]{_S}\Z")
# …and 「※「法」は住民基本台帳法を指す。」: a term with は, when a law's name stands before 「を指す」 / 「をいう」
# (the definition of what :func:`_terms_with_wa` finds)
_TERM_WA = compile_on_use(rf"([「『])([^「『」』（()\n]{{1,30}})[」』]{_S}は")
_WA_AFTER = compile_on_use(rf"{_S}は")
_TERM_STOPS = frozenset("「『」』（()\n")  # (what a quoted term of _TERM_WA cannot hold)


def _terms_with_wa(text: str) -> list[tuple[int, int, int, int]]:
    """(start, end, the term's start, the term's end) of each match of ``_TERM_WA.finditer(text)``, in order.

    Found from the closing quotes (two C-level finds) and read back to the nearest stop character, which must
    be the opening quote 1–30 characters back: the regular expression, which begins with a class of two
    characters and no literal, tries that class at every character of the text (2 ms per MB)."""
    closes = []
    for quote in "」』":
        i = text.find(quote)
        while i != -1:
            closes.append(i)
            i = text.find(quote, i + 1)
    closes.sort()
    found = []
    for close in closes:
        wa = _WA_AFTER.match(text, close + 1)
        if wa is None:
            continue
        j, lo = close - 1, max(0, close - 31)
        while j >= lo and text[j] not in _TERM_STOPS:
            j -= 1
        if lo <= j < close - 1 and text[j] in "「『":
            found.append((j, wa.end(), j + 1, close))
    return found
_DEFINED_AS = compile_on_use(
    rf"{_S}[、，,]?{_S}(?P<body>[^。「」『』\n]{{1,120}}?)(?:{_S}の{_S}こ{_S}と)?{_S}を{_S}(?:い{_S}う|言{_S}う|指{_S}す)"
)
# …and 「健康保険法（大正11年法律第70号）を「法」という。」, 「以下、健康保険法を「法」と、同法施行令を「令」という。」: the term
# after a law's name and を, with a verb of naming right after its 「と」 or, in a list of such terms, later in the sentence
# (not 「…を「…」と改める」, a change; only a law's name right before を defines one)
_WO_TERM = compile_on_use(
    rf"を{_S}(?:以{_S}下{_S}(?:[、，,]{_S})?)?(?:単{_S}に{_S})?([「『])([^「『」』（()\n]{{1,30}})[」』]{_S}(?:(?P<comma>(?:と{_S})?[、，,])|と){_S}"
)
_NAMING_VERB = rf"(?:い{_S}う|言{_S}う|称{_S}す{_S}る|略{_S}(?:記{_S})?す|記{_S}す|表{_S}記{_S}す{_S}る|呼{_S}ぶ)"
_NAMING = compile_on_use(_NAMING_VERB)
_NAMING_LATER = compile_on_use(rf"(?:[^。\n]|\n(?![ \t\u3000\r]*\n)){{0,100}}?[」』]{_S}と{_S}{_NAMING_VERB}")
_TOHA = compile_on_use("とは|とあるのは")
# A 読み替え clause: 「本表中「別表第一」とあるのは「別表」と読み替える」, 「…とあるのは、「別表」とする」: both quoted words
# are terms (words of a text as written), never citations
_REREAD_AFTER = compile_on_use(rf"{_S}(?:[、，,]{_S})?[「『]([^「『」』（()\n]{{1,60}})[」』]{_S}[とに]")
# …and 「「別表第一」を「別表」と読み替える」, 「「別表第一」は「別表」に読み替えて」 (found back from 読み替え / 読替え)
_REREAD_BEFORE = compile_on_use(
    rf"[「『]([^「『」』（()\n]{{1,30}})[」』]{_S}[をは]{_S}(?:[、，,]{_S})?[「『]([^「『」』（()\n]{{1,60}})[」』]{_S}[とに]{_S}\Z"
)
_TOHA_REACH = 40  # (how far back from 「とは」 its term's opening quote may stand)


def reread_term_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the quoted words of each 読み替え clause in ``text`` (「「別表第一」とあるのは「別表」と読み替える」:
    both words; 「「別表第一」を「別表」と読み替える」 too), which name nothing."""
    spans = []
    i = text.find("とあるのは")
    while i != -1:
        q = _TERM_BEFORE_TOHA.search(text, max(0, i - _TOHA_REACH), i)
        m = _REREAD_AFTER.match(text, i + 5) if q is not None else None
        if q is not None and m is not None:
            spans += [q.span(2), m.span(1)]
        i = text.find("とあるのは", i + 5)
    for word in ("読み替", "読替"):
        i = text.find(word)
        while i != -1:
            m = _REREAD_BEFORE.search(text, max(0, i - 120), i)
            if m is not None:
                spans += [m.span(1), m.span(2)]
            i = text.find(word, i + 2)
    return spans


# the end of a definition's body, later in its sentence: 「…をいう」, 「…をいい、」
_DEFINITION_BODY_END = compile_on_use(rf"を{_S}い{_S}[うい]")
_DEFINITION_REACH = 200  # (how far after 「とは」 its 「をいう」 may stand)


# …or the item of a list of definitions, 「(1)　法別表第二　番号法別表第二をいう。」 (under 「次の各号に掲げる用語の意義は、…」):
# its number, the term, a space, and the body that ends in 「をいう」 in its sentence
_ITEM_DEFINITION = compile_on_use(
    r"[ \t\u3000]*(?:[（(][ \t\u3000]*[0-9０-９一二三四五六七八九十]{1,3}[ \t\u3000]*[）)]|[一二三四五六七八九十]{1,3}|[0-9０-９]{1,2}[.．]?)"
    r"[ \t\u3000]+(?P<term>[^\s（）()「」『』。、，,]{1,30})[ \t\u3000]+(?=\S)"
)


# a line that goes on from a name broken after 第 (「別表第\n二　に基づき」): its number followed by a particle is the name's
# ordinal, not an item's number (as the finder reads it: see resolve._HEADING_MARK_AFTER)
_BROKEN_AFTER_DAI = compile_on_use(r"第[ \t\u3000]*\r?\n[ \t\u3000]*\Z")
_PARTICLES = frozenset("のにをがはでと及並又")


def item_definition_at(text: str, pos: int) -> tuple[int, int, int] | None:
    """The term's span and the body's start of the item of a list of definitions whose body holds ``pos`` (「(1)　法別表
    第二　番号法別表第二をいう。」), on the line of ``pos`` or the line before it (PDF text breaks a body), when its sentence
    ends the body with 「をいう」 (「をいい」) at ``pos`` or after it; or None."""
    ls = text.rfind("\n", 0, pos) + 1
    m = _ITEM_DEFINITION.match(text, ls)
    if (m is None or m.end() > pos) and ls > 0:
        prev = text.rfind("\n", 0, ls - 1) + 1
        m = _ITEM_DEFINITION.match(text, prev, ls)
        if m is not None and "。" in text[m.end() : ls]:
            m = None  # (the item's sentence ended on its own line)
    if m is None or m.end() > pos:
        return None
    if text[m.start("term")] in _PARTICLES and _BROKEN_AFTER_DAI.search(text, max(0, m.start() - 16), m.start()) is not None:
        return None  # 「別表第\n二　に 別表第一をいう」: the line goes on from a name broken after 第, its number is the name's ordinal
    stop = text.find("。", pos, pos + _DEFINITION_REACH)
    hi = stop if stop != -1 else min(len(text), pos + _DEFINITION_REACH)
    end = _DEFINITION_BODY_END.search(text, pos, hi)
    if end is None or _BLANK.search(text, m.end(), end.start()):
        return None
    return m.start("term"), m.end("term"), m.end()


def definition_term_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the terms that definitions define (「「法別表第二」とは、番号法別表第二をいう。」, 「(1)　法別表第二　番号法
    別表第二をいう。」: 法別表第二, a term, which names nothing: the instrument that defines it uses it in its own sense)."""
    spans = []
    i = text.find("をい")
    while i != -1:  # (an item of a list of definitions)
        item = item_definition_at(text, i)
        if item is not None:
            spans.append(item[:2])
        i = text.find("をい", i + 2)
    i = text.find("とは")
    while i != -1:
        q = _TERM_BEFORE_TOHA.search(text, max(0, i - _TOHA_REACH), i)
        if q is not None:
            stop = text.find("。", i, i + _DEFINITION_REACH)
            end = _DEFINITION_BODY_END.search(text, i + 2, stop if stop != -1 else min(len(text), i + _DEFINITION_REACH))
            if end is not None and not _BLANK.search(text, i, end.start()):
                spans.append(q.span(2))
        i = text.find("とは", i + 2)
    return spans


def may_define(text: str) -> bool:
    """Whether ``text`` may hold a definition (a cheap test before :meth:`LawIndex.definitions`)."""
    return "以" in text or "とは" in text or "とあるのは" in text or bool(_terms_with_wa(text))

# what may stand in a definition's bracket before 以下: nothing, or the law's number (「平成25年法律第27号。」)
_BEFORE_DEFINITION = compile_on_use(
    rf"{_S}(?:(?:明{_S}治|大{_S}正|昭{_S}和|平{_S}成|令{_S}和){_S}[0-9０-９〇一二三四五六七八九十百千元]+{_S}年"
    rf"[^（）()「」『』。]{{0,40}}?号{_S}[。、，,]?{_S})?"
)
_BLANK = compile_on_use(r"\n[ \t\u3000\r]*\n")
# a table's name ending a text: 「別表第一」, 「別表第2」, 「別表」 (the table a definition after it names)
_TABLE_NAME_END = compile_on_use(rf"(?:の{_S})?別{_S}表(?:{_S}第{_S}[0-9０-９一二三四五六七八九十]+)?{_S}\Z")
_BRACKETS = compile_on_use(r"[（）()]|\n[ \t\u3000\r]*\n")
_WS = " \t\r\n\u3000"
# What joins a table to the provisions or tables before it: 「第5条、第7条及び別表第一」
_CONJ_BACK = compile_on_use(rf"(?:及{_S}び|並{_S}び{_S}に|又{_S}は|若{_S}し{_S}く{_S}は|か{_S}ら|と|[、，,・･]){_S}\Z")
_CONJ_LAST = "びにはらと、，,・･"  # what a joining word or mark ends with


def conj_back(text: str, k: int) -> re.Match[str] | None:
    """The joining word or mark that ends right before ``k`` (「及び」, 「、」), or None; one broken over a line
    is read however wide the indentation after its break (「及\n<a layout text's indentation>び」)."""
    lo = max(0, k - 12)
    conj = _CONJ_BACK.search(text, lo, k)
    if conj is None and lo > 0 and text[lo] in _WS:  # (whitespace may reach further back)
        conj = _CONJ_BACK.search(text, max(0, k - 12 - _BROKEN_GAP_REACH), k)
    return conj
_CLAUSE_MARKS = frozenset("\r\n、，,。．：:；;・･")  # what a clause starts after
# what a provision ends with (…条, …項, …号, …まで, …条の9)
_PROVISION_LAST = frozenset("条項号で0123456789０１２３４５６７８９〇一二三四五六七八九十百千")
# A provision ending where the skipping stands: 第30条の9, 第9条第1項, 第19条第8号, 第30条の12まで, and one of the
# supplementary provisions, 附則第2条 (a place in the law named before it, as 第2条 is; 附則 right before a table,
# 「附則別表第一」, is a document's word)
_PROVISION_BACK = compile_on_use(
    rf"(?:附{_S}則{_S})?第{_S}{_SNUM}{_S}条(?:{_S}の{_S}{_SNUM})*(?:{_S}第{_S}{_SNUM}{_S}項)?(?:{_S}第{_S}{_SNUM}{_S}号)?"
    rf"(?:{_S}ま{_S}で)?{_S}\Z"
)


# A bracket right after a table that holds nothing but a law's reference names the table's law
# (「別表第一の16の項（住民基本台帳法）」, 「別表第二（番号法第19条第8号）」): in any bracket a note is
# written in (〔〕【】［］〈〉《》), perhaps after a label that says it names the law (「根拠法令：」, 「根拠：」),
# the name, perhaps the law's number in brackets and a provision, then the bracket closes; or the law's
# number alone (「（昭和42年法律第81号）」)
_NOTE_CLOSERS = {"（": "）)", "(": ")）", "〔": "〕", "【": "】", "［": "］", "[": "]", "〈": "〉", "《": "》"}
_NOTE_LABELS = "根拠 根拠法 根拠法令 根拠法律 根拠規定 根拠条文 法令 法令名 法律 法律名 関係法令 関連法令 出典".split()
_NOTE_OPEN = compile_on_use(
    rf"[ \t\u3000]*(?P<open>[{''.join(_NOTE_CLOSERS)}]){_S}"
    rf"(?:(?:{'|'.join(_spaced(w) for w in sorted(_NOTE_LABELS, key=len, reverse=True))}){_S}[：:]{_S})?"
)
_NOTE_REST = compile_on_use(
    rf"{_S}(?:[（(][^（）()\n]{{0,30}}[）)]{_S})?"
    rf"(?:第{_S}{_SNUM}{_S}条(?:{_S}の{_S}{_SNUM})*(?:{_S}第{_S}{_SNUM}{_S}項)?(?:{_S}第{_S}{_SNUM}{_S}号)?{_S})?"
)
_NOTE_NUMBER = compile_on_use(rf"{_LAW_NUMBER}{_S}")
# …or another law's reference followed by its table (「（住民基本台帳法別表第一）」, 「（住民基本台帳法の別表）」): that law's
_NOTE_TABLE = compile_on_use(rf"の?{_S}別{_S}表(?:{_S}第{_S}{_NUM})?{_S}")
_ARTICLE_AFTER_NAME = compile_on_use(rf"{_S}第{_S}{_SNUM}{_S}条")  # (a law's article right after its name)
_WORD_RUN = compile_on_use(rf"[{_W}\u3041-\u3096]*")
_NOTE_REACH = 80  # how long a law's name in such a bracket may be (the act's full name has 38 characters)

# A footnote mark right after a table (「別表第一の1の項（注1）」, 「…の項※1」, 「…の項＊１」), and the line below that
# begins with the same mark (「注1：住民基本台帳法別表第一」, 「※１　住民基本台帳法」): the note says whose table it is
_FOOTNOTE_MARK = compile_on_use(
    r"[ \t\u3000]*(?:[（(][ \t\u3000]*)?(?P<mark>注|※|[＊*])[ \t\u3000]*(?P<n>[0-9０-９]{1,2})(?![0-9０-９])"
    r"(?:[ \t\u3000]*[）)])?"
)
_FOOTNOTE_REACH = 3000  # how far below the mark its note may stand
_FOOTNOTE_SEP = compile_on_use(r"[ \t\u3000]*[）)]?[ \t\u3000]*[：:．.]?[ \t\u3000]*")
_FULL_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
# …what may follow the law's reference in the note: nothing (「※1　住民基本台帳法」), or its table (「注1：住民基本台帳法別表
# 第一」); a note that goes on (「注1：住民基本台帳法による住民基本台帳に関する事務」) may describe the act's row
_FOOTNOTE_TAIL = compile_on_use(rf"[ \t\u3000]*(?:[。．.]?[ \t\u3000]*(?:\r?\n|\Z)|の?{_S}別{_S}表)")


@functools.lru_cache(maxsize=64)
def _footnote_line(mark: str, n: str) -> re.Pattern[str]:
    """A line that begins with footnote mark ``mark`` (注, ※ or ＊) and number ``n`` (half-width digits)."""
    marks = "[＊*]" if mark in "＊*" else mark
    full = n.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    return compile_shared(rf"\n[ \t\u3000]*(?:[（(][ \t\u3000]*)?{marks}[ \t\u3000]*(?:{n}|{full})(?![0-9０-９])")


def provisions_before(text: str, pos: int) -> int:
    """Where the provisions written right before ``pos`` start (「第19条第7号及び」 before 「別表第二」,
    「第5条、第7条及び」), or ``pos`` itself when there are none."""
    k = pos
    while True:
        conj = conj_back(text, k)
        j = conj.start() if conj is not None else k
        m = _PROVISION_BACK.search(text, max(0, j - 60), j) if j > 0 and text[j - 1] in _PROVISION_LAST else None
        if m is None:
            return k
        k = m.start()


# Where a sentence also ends: a blank line, or a line that starts a new item (・, ①, １．, (1), ア．)
_ITEM_BREAK = (
    r"\n[ \t\u3000\r]*(?:\n|(?=[・･●○◆◇■□※\-－‐①-⑳]|[(（]?[0-9０-９一二三四五六七八九十]{1,3}[)）.．、]|[ア-ンｱ-ﾝ][.．、)）]))"
)

# Where a sentence ends, as one mark: its 「。」 (not one inside brackets or quotes, 「という。）」), or
# the line break before a blank line or a new item
SENTENCE_BREAK = compile_on_use(rf"。(?![」』）)])|{_ITEM_BREAK}")

# The text's own instrument as the subject of its sentence (「本条例は」, 「この規則において」): a bare article in it is its own
_OWN_SUBJECT = compile_on_use(r"(?P<own>(?:本|この)(?:条例|規則|規程))(?:は|では|において)")

# How far the rule looks: a law named earlier in the sentence, and 同法's antecedent
SENTENCE_REACH = 400
SAME_LAW_REACH = 3000
# How much text before a table a binding is remembered by: the law's name, its provision and the
# gap (「番号法別表…」 within the first, 「番号利用法第19条第8号 別表…」 within the second)
_CONTEXTS = (20, 48)


class LawKind(enum.Enum):
    """What a law expression names."""

    ACT = "act"  # the My Number Act
    OTHER = "other"  # another law, order, rule or ordinance
    UNKNOWN = "unknown"  # 法 or a defined term whose law the text does not establish


class LawExpr(NamedTuple):
    """One law expression: its span as written, its name without whitespace, and what it names.

    Its bracket depth is :meth:`LawIndex.depth_at` of its start.  (A named tuple, not an attrs
    class: one is made for every name looked up, on the finder's hot path.)
    """

    start: int
    end: int
    name: str
    kind: LawKind
    basis: LawBasis | None  # for the act: NAMED, FULL_NAME, DEFINED or SAME_LAW


class Binding(NamedTuple):
    """The law a table belongs to, and how the text says so.

    ``via`` is ``"adjacent"`` (the law stands right before the table, bracketed insertions
    aside), ``"articles"`` (an article list joined to the table stands between), ``"bracket"``
    (the table opens a bracket right after the law's provision), ``"joined"`` (joined to a table
    cited just before), ``"order"`` (joined to an order of the act's tables as a rewrite names it,
    「…に基づく主務省令、別表第一」: the act its name gives), ``"sentence"`` (named earlier in the sentence), ``"after"``
    (nothing named between it and the table cited before it in its sentence), ``"pointer"`` (a word that
    points back, 「上記別表第一」: whose table it is, is not established) or ``"none"``.
    ``written_end`` is where the written law ends with its insertions (the table's own 'law' part);
    -1 unless ``via == "adjacent"``.
    """

    expr: LawExpr | None
    via: str
    written_end: int = -1
    inherited: object = None  # the joined citation's own binding result, for "joined"
    # an undefined 法 with nothing named between it and the table cited before it in its sentence (「住基法別表第一の1の
    # 項及び法別表第二」): the caller knows whose that table is, and an assumption does not override another law's
    after_table: bool = False

    @property
    def kind(self) -> LawKind | None:
        return None if self.expr is None else self.expr.kind


NO_LAW = Binding(None, "none")
# …nothing before the table in its sentence back to the table cited before it (whose law went with that table)
AFTER_TABLE = Binding(None, "after")
_WALKED = frozenset({"adjacent", "articles", "bracket"})  # bindings found by the walk back from the table


@attrs.frozen
class _Definition:
    start: int  # where 「以下」 starts
    end: int  # where the definition ends
    term: str
    term_span: tuple[int, int]
    kind: LawKind
    law: LawExpr | None  # the law expression it follows
    named_end: int = -1  # where what it defines is written (before its bracket, or before 「をいう」), or -1


# An order's name ends a word: 「…主務省令番号利用法」 names a law after it (and so does its new name, so
# that a rewrite of the order's title reads the same); so does a table's (「…第2条の表同法」, as a
# rewrite of 「別表第二同法」 reads)
_ORDER_ENDS = frozenset({"省令", "命令", "政令", "府令"})
_WORD_ENDS = _ORDER_ENDS | {"別表", "同表", "の表"}
# The last character of every name (法, 法律, 令, 規則, 条例, 規程, 要綱, 要領, 告示)
_NAME_LAST = "律法令則例程綱領示"
# The names that refer back to the law named before, as 同法 does: 本法, 同法律 and この法律 in a document's prose
# (「番号法に基づき、本法別表第二の27の項」); read by their own name, 本法 was another law's and この法律 no law's
SAME_LAW_NAMES = frozenset({"同法", "本法", "同法律", "この法律"})
_SAME_LAW = compile_on_use(r"同[\s]*法(?:[\s]*律)?|本[\s]*法|こ[\s]*の[\s]*法[\s]*律")
# The word before a line break or a space that may break a name (see LawIndex._broken_name)
# how much whitespace a name broken over a line may hold (「住民基本台帳\n<the indentation of a layout text's cell>法」)
_BROKEN_GAP_REACH = 200
_BROKEN_BEFORE = compile_on_use(rf"(?<![{_W}])(?P<word>[{_W}]{{1,40}})(?:[ \t\u3000]*\r?\n[ \t\u3000]*|[ \u3000])\Z")
# The two-character words a name ends with: one broken between its characters is a name's end whatever
# stands before it (「…に関する条\n例」, 「…に関する規 則」: a name in kana before it has no word of its own there)
_SPLIT_SUFFIXES = frozenset("法律 条例 規則 規程 要綱 要領 告示 省令 政令 府令 命令".split())
# An order or rule named for a law's enforcement: 「住民基本台帳法施行令」, 「地方税法施行規則」 (同法 after it is that law)
_ENFORCEMENT_TAIL = compile_on_use(rf"法{_S}(?:律{_S})?(?P<tail>施{_S}行{_S}(?:令|規{_S}則|細{_S}則))\Z")
_LAW_NUMBER_AFTER = compile_on_use(rf"{_S}第{_S}{_NUM}{_S}号")
_FULL_TITLE_AT_END = compile_on_use(_FULL + r"\Z")
_KANA_NAME_DELIMITERS = frozenset("、。，．：:（）()「」『』〔〕【】［］[]〈〉《》\n")
_KANA_NAME_AT_END = compile_on_use(_KANA_NAME + r"\Z")
# …a table's name or a row with its unit ends a word, so such a name glued after one begins after it (「別表第二個人情報の
# 提供に関する条例」, 「…第2条の表個人情報の…条例」, 「…27の項個人情報の…条例」), as an unbroken name does (:meth:`LawIndex._is_word`)
_KANA_NAME_AFTER = compile_on_use(
    r"別表(?:第[0-9０-９〇一二三四五六七八九十百千]+)?|第[0-9０-９〇一二三四五六七八九十百千]+条の表|の項|[0-9０-９]+項"
)
_ORDER_NAME_AT_END = compile_on_use(_ORDER_NAME + r"\Z")
_SPACED_NAME_AT_END = compile_on_use(rf"(?<![{_W}])(?:[{_W}][ \u3000]){{2,40}}?{_SUFFIX}\Z")
# …and glued to the character before it: a name there only after a word end (「58項番 号 法」, as 「58項番号法」)
_SPACED_NAME_AT_END_GLUED = compile_on_use(rf"(?:[{_W}][ \u3000]){{2,40}}?{_SUFFIX}\Z")
_SPACED_NAME = compile_on_use(rf"(?:[{_W}][ \u3000]){{2,40}}?{_SUFFIX}")
# Walking back over a sentence: brackets, its end (。), blank lines and the start of a new item
_SENTENCE_MARKS = compile_on_use(rf"[（）()。]|{_ITEM_BREAK}")
_BRACKET_MARKS = compile_on_use(r"[（）()]|\n[ \t\u3000\r]*\n")
# A number and its unit (see LawIndex._ends_number)
_UNITS = frozenset("条項号")
_DIGITS = frozenset("0123456789０１２３４５６７８９")
_KANJI_NUMERALS = frozenset("〇一二三四五六七八九十百千")
_KANJI_DIGIT_CHARS = frozenset("〇一二三四五六七八九")
_IROHA = frozenset("イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセス")
_WORD_CHARS = frozenset(
    "".join(map(chr, range(0x4E00, 0xA000)))
    + "".join(chr(c) for lo, hi in ((0x3005, 0x3006), (0x30A1, 0x30FA), (0x30FC, 0x30FC), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
              for c in range(lo, hi + 1))
)


class LawIndex:
    """The law expressions of one text and the binding rule (see the module docstring).

    ``aliases`` are the act's names (the rewriter adds the typo 「番号利用表」 when fixing typos).
    Nothing is computed up front: a name is read where a lookup needs it (and remembered), so a
    text with no table citation costs nothing and every lookup looks only near its table.
    """

    def __init__(self, text: str, aliases: Sequence[str] = ALIASES) -> None:
        self.text = text
        self.aliases = tuple(dict.fromkeys(aliases))
        self._odd_aliases = tuple(a for a in self.aliases if a[-1] not in _NAME_LAST)
        self._law_aliases = tuple(sorted((a for a in self.aliases if a.endswith("法")), key=len, reverse=True))
        self._ends_re = compile_shared("[" + re.escape(_NAME_LAST + "".join(a[-1] for a in self._odd_aliases)) + "]")
        self._last_chars = frozenset(_NAME_LAST + "".join(a[-1] for a in self._odd_aliases))
        self._raw: dict[int, LawExpr | None] = {}  # the expression ending at each position looked at
        self._definitions: list[_Definition] | None = None
        self._by_term: dict[str, list[_Definition]] = {}
        self._term_ends: dict[str, list[int]] = {}  # the ends of each term's definitions, in order
        self._quotes: list[tuple[int, int]] = []  # the terms' own spans in their definitions
        self._same_law: dict[int, LawExpr] = {}
        self._numbered_at: dict[int, LawExpr | None] = {}  # instruments named by their number (see _instrument_numbered_at)
        # bindings decided by the text right before a table alone (see bind), by that text
        self._bound: dict[str, tuple[int, int, str, LawKind, LawBasis | None, str, int | None, LawKind | None]] = {}
        self._asked_joined = False  # the last walk asked the caller, or read beyond the memo's key: not remembered
        self._brackets: _Brackets | None = None
        self._heading_of_line: tuple[int, LawExpr | None] = (-1, None)  # the last line asked, and its heading's law
        # (line start, column) → (the act named alone in a cell of the column above, the first row's law): see law_of_column_head
        self._column_heads: dict[tuple[int, int], tuple[bool, LawExpr | None]] = {}
        # the line law_of_column_head read last: its start, its end (its line break, or the text's end), whether it
        # holds a tab, and the last place asked in it with its column (candidates come in order, so that each line is
        # searched once however long it is)
        self._cells_line: tuple[int, int, bool, int, int] = (0, -1, False, 0, 0)
        self._whole_names: dict[str, bool] = {}  # whether the text writes each broken name unbroken (see _written_whole)
        self._named_alone: dict[str, LawExpr | None] = {}  # what each heading's name read alone is (see _law_named_alone)
        self._no_heading: set[tuple[str, int]] = set()  # the windows the heading rule settled as None by them alone (see _heading_above)

    # ------------------------------------------------------------------ brackets (local walks)
    def _enclosing_open(self, pos: int, limit: int = 2000) -> int:
        """The innermost bracket still open at ``pos`` (for the position of a closing bracket: the
        bracket it closes), looking back at most ``limit`` characters and never past a blank line;
        -1 when there is none."""
        text = self.text
        depth = 0
        floor = max(0, pos - limit)
        hi, step = pos, 64  # the nearest characters first: most brackets close within a few words
        while hi > floor:
            lo = max(floor, hi - step)
            while lo > floor and text[lo - 1] in _WS:  # never split a blank line between two windows
                lo -= 1
            for m in reversed(list(_BRACKET_MARKS.finditer(text, lo, hi))):
                ch = text[m.start()]
                if ch in "）)":
                    depth += 1
                elif ch in "（(":
                    if depth == 0:
                        return m.start()
                    depth -= 1
                else:
                    return -1
            hi, step = lo, step * 4
        return -1

    def opener_of(self, close: int) -> int:
        """The opening bracket of the bracket closed at ``close`` (looked for as :meth:`_enclosing_open` does), or -1."""
        return self._enclosing_open(close)

    @property
    def brackets(self) -> _Brackets:
        """The whole text's bracket structure (for :meth:`depth_at`; lookups walk locally)."""
        if self._brackets is None:
            self._brackets = _Brackets(self.text)
        return self._brackets

    def depth_at(self, pos: int) -> int:
        """How many brackets are open at ``pos``."""
        b = self.brackets
        return len(b.chain(b.opener_at(pos)))

    # ------------------------------------------------------------------ definitions
    def definitions(self) -> list[_Definition]:
        """Every 「以下「…」という」 and 「「…」とは、…をいう」 definition, in text order, with the law it defines.

        Each is classified with the definitions before it only (「番号法（以下「法」という。）」 after
        「…（以下「番号法」という。）」 works)."""
        if self._definitions is None:
            defs: list[_Definition] = []
            self._definitions = defs
            text = self.text
            # (start, end, term span, where the law's name ends or None: the one before the bracket)
            found: list[tuple[int, int, tuple[int, int], int | None]] = []
            pos = 0 if "以" in text else len(text)
            while (m := _DEFINITION.search(text, pos)) is not None:
                if _BLANK.search(m.group(0)):  # a definition never spans a blank line
                    pos = m.start() + 1
                    continue
                pos = m.end()
                if m.group("bare") is not None:
                    found.append((m.start(), m.end(), m.span("bare"), None))
                    continue
                for t in _TERM.finditer(text, m.start("terms"), m.end("terms")):  # (each of 「住基法」又は「法」)
                    found.append((m.start(), m.end(), t.span(1), None))
            # (and 「「別表第一」とあるのは、住民基本台帳法別表第一をいう」, a note's form of the same definition)
            for t in _TOHA.finditer(text):
                i = t.start()
                q = _TERM_BEFORE_TOHA.search(text, max(0, i - _TOHA_REACH), i)
                m = _DEFINED_AS.match(text, t.end()) if q is not None else None
                if q is not None and m is not None:
                    found.append((q.start(), m.end(), q.span(2), self._skip_number_back(m.end("body"))))
            for q_start, q_end, term_start, term_end in _terms_with_wa(text):
                m = _DEFINED_AS.match(text, q_end)
                if m is None:
                    continue
                named_end = self._skip_number_back(m.end("body"))
                if self._law_ending_at(named_end) is not None:  # (only a law's name defines one)
                    found.append((q_start, m.end(), (term_start, term_end), named_end))
            for opening in ("を「", "を『", "を以", "を単"):
                i = text.find(opening)
                while i != -1:
                    m = _WO_TERM.match(text, i)
                    i = text.find(opening, i + 1)
                    if m is None or not (
                        _NAMING.match(text, m.end()) if m.group("comma") is None else _NAMING_LATER.match(text, m.end())
                    ):
                        continue
                    named_end = self._skip_number_back(m.start())
                    if self._law_ending_at(named_end) is not None:  # (only a law's name defines one)
                        found.append((m.start(1), m.end(), m.span(2), named_end))
            found.sort()
            for start, end, span, law_end in found:
                term = "".join(text[span[0] : span[1]].split())
                # (a 以下 definition: the law is the one whose name ends where the name before its bracket ends)
                named_end = law_end if law_end is not None else self._named_before(start)
                law = self._law_ending_at(named_end) if named_end != -1 else None
                kind = LawKind.UNKNOWN if law is None else law.kind
                d = _Definition(start, end, term, span, kind, law, named_end)
                defs.append(d)
                self._by_term.setdefault(term, []).append(d)
                self._term_ends.setdefault(term, []).append(d.end)
                self._quotes.append(span)
            self._raw.clear()  # names looked up before the terms were known
        return self._definitions

    def _skip_number_back(self, k: int) -> int:
        """``k`` moved back over whitespace and the brackets that end there (a law's number after its name)."""
        k = self._skip_ws_back(k)
        while k > 0 and self.text[k - 1] in "）)":
            o = self._enclosing_open(k - 1, k)
            if o == -1:
                break
            k = self._skip_ws_back(o)
        return k

    def _law_ending_at(self, k: int) -> LawExpr | None:
        """The law (or the act) whose name ends at ``k``, classified as a definition's law is."""
        found = self._name_at_end(k)
        if found is None:
            return None
        start, name, basis = found
        kind, act_basis = self._classify(start, name, basis, k)
        if kind is None or name in SAME_LAW_NAMES:
            return None
        return LawExpr(start, k, name, kind, act_basis)

    def _named_before(self, pos: int) -> int:
        """Where the name a 「以下「…」という」 definition at ``pos`` follows ends (its number in brackets skipped),
        or -1 (the bracket holds more than a number before 以下: not a law's definition).  The law it defines is the
        one whose name ends there, right before the bracket that holds the definition (the law's own number in
        brackets skipped, whatever its length: a rewrite may lengthen it)."""
        opener = self._enclosing_open(pos, 300)
        if opener == -1 or _BEFORE_DEFINITION.fullmatch(self.text, opener + 1, pos) is None:
            return -1
        return self._skip_number_back(opener)

    def table_term_law(self, term: str, pos: int) -> LawExpr | None:
        """The law whose table ``term`` names by the definition in force at ``pos``, when the definition is of
        another law's table (「住民基本台帳法別表第一（以下「別表第一」という。）」, 「「別表第二」とは、住民基本台帳法
        別表第二をいう」: 住民基本台帳法), or None."""
        self.definitions()
        d = self._definition_of(term, pos)
        if d is None or d.named_end <= 0:
            return None
        m = _TABLE_NAME_END.search(self.text, max(0, d.named_end - 24), d.named_end)
        if m is None:
            return None
        law = self.expression_ending_at(self._skip_number_back(m.start()))  # (its number in brackets skipped)
        return law if law is not None and law.kind is LawKind.OTHER else None

    def _definition_of(self, term: str, pos: int) -> _Definition | None:
        """The definition of ``term`` in force at ``pos`` (the last one ending before it)."""
        defs = self._by_term.get(term)
        if not defs:
            return None
        k = bisect.bisect_right(self._term_ends[term], pos)
        return defs[k - 1] if k else None

    def _term_kind(self, name: str, pos: int) -> LawKind | None:
        """What ``name`` names by the definition in force at ``pos`` (None: not a defined term here)."""
        d = self._definition_of(name, pos)
        return None if d is None else d.kind

    def _quoted(self, start: int, end: int) -> bool:
        """Whether ``start..end`` is the term of a definition (「以下「番号法」という」 is no use of it)."""
        k = bisect.bisect_right(self._quotes, (start, len(self.text) + 1)) - 1
        return k >= 0 and self._quotes[k][0] <= start and end <= self._quotes[k][1]

    # ------------------------------------------------------------------ names
    def _is_word(self, i: int) -> bool:
        """Whether the character at ``i`` continues a word (a name cannot begin after it).

        Three kinds of word end before a name with no separator: an order's name (「…主務省令番号利用法」,
        「…を定める命令地方自治法」 name two), a table's (「…第2条の表同法」) and a number with its
        unit, which belongs to the reference before it, never to a name (「…58項番号法」,
        「…第３号番号法」, 「…１３号ハ番号法」, 「…の項同法」, 「別表第二同法」)."""
        text = self.text
        if not (0 <= i < len(text)) or text[i] not in _WORD_CHARS or text[i - 1 : i + 1] in _WORD_ENDS:
            return False
        return not self._ends_number(i)

    def _ends_number(self, i: int) -> bool:
        """Whether the character at ``i`` is part of a number: a kanji numeral after 第 (「第二」),
        the unit 条, 項 or 号 right after a numeral (「58項」, 「第三号」) or 項 after の (「の項」), or a
        subitem's letter after such a 号 (「１３号ハ」)."""
        text = self.text
        ch = text[i]
        if ch in _IROHA:
            return i > 0 and text[i - 1] == "号" and self._ends_number(i - 1)
        if ch in _UNITS:
            if ch == "項" and text.endswith(("\n", "\r"), 0, i):
                # a row's 項 after a PDF's line break (「１６の\n項」, 「16\n項」) ends it as on one line (条 and 号 may
                # begin a word there: 「２\n条例」)
                k = i - 1
                while k > 0 and i - k < 3 and text[k] in "\r\n":
                    k -= 1
                if text[k] in _DIGITS or text[k] == "の":
                    return True
            k = i - 1  # spaced-out text: 「1 6 項」
            while k > 0 and i - k < 3 and text[k] in " \u3000":
                k -= 1
            if k < 0:
                return False
            before = text[k]
            if k < i - 1 and i + 1 < len(text) and text[i + 1] in _WORD_CHARS and text[i + 1] != "第":
                # over a space, only in spaced-out text, where a space follows the unit too: glued to the word after it,
                # it begins that word (「２　条例別表第２」: a paragraph's number and 条例, not 2条)
                return False
            if before in _DIGITS or (ch == "項" and before == "の"):
                return True
            return before in _KANJI_NUMERALS and self._ends_number(k)
        if ch not in _KANJI_NUMERALS:
            return False
        if ch in _KANJI_DIGIT_CHARS and i > 0 and text[i - 1] in _KANJI_DIGIT_CHARS:
            return False  # a digit after a digit begins a word (「別表第一一覧」 is 別表第一 and 一覧: positional 一一 is no numeral)
        j = i  # back over the numeral (spaced out too: 「第 十 六」) and the spaces or line break after 第 (「第 一」, 「第\n二」)
        while j > 0 and i - j < 24 and (text[j - 1] in _KANJI_NUMERALS or text[j - 1] in " \u3000\r\n"):
            j -= 1
        return j > 0 and text[j - 1] == "第"

    def _name_at_end(self, k: int) -> tuple[int, str, LawBasis | None] | None:
        """(start, name, act basis) of the name written to end exactly at ``k``, or None.

        A name ends where no name character follows (or a provision or table begins: 番号法第9条,
        条例別表) and not before a number (「法律第27号」).  The act's names (its title, odd aliases)
        come first; otherwise the longest of: a word of kanji and katakana (生活保護法,
        住民基本台帳法施行令), a name that ends in kana (「…に関する法律」), an order of the act's
        tables (「…に基づく主務省令」), and a word spaced out character by character."""
        text = self.text
        if k <= 0 or k > len(text) or text[k - 1] not in self._last_chars:
            return None
        if k < len(text):
            nxt = text[k]
            if (
                nxt in _WORD_CHARS and nxt not in "第別" and not self.order_name_ends_at(k)
                and not text.startswith(_IN_NAME, k) and not text.startswith("附則", k)
                and not (nxt in "及並又若" and text.startswith(_JOINS_AFTER_NAME, k)) and nxt != "等"
            ):
                return None  # the word goes on (an order's name ends a word: 「…に基づく主務省令一覧」)
            if nxt in " \u3000" and k + 1 < len(text) and text[k + 1] in _WORD_CHARS and text[k + 1] not in "第別" and (
                k >= 2 and text[k - 2] in " \u3000"
            ):
                return None  # spaced out: 「住 民 基 本 台 帳 法 施 行 令」 goes on
            if _LAW_NUMBER_AFTER.match(text, k):
                return None
        lo = max(0, k - 200)
        for alias in self._odd_aliases:
            if text[k - 1] == alias[-1]:
                m = re.search(_spaced(alias) + r"\Z", text[lo:k])
                if m:
                    return lo + m.start(), alias, LawBasis.NAMED
        last = text[k - 1]
        if last == "律":
            n = len(MY_NUMBER_ACT)
            if text.startswith(MY_NUMBER_ACT, k - n) and k >= n:
                return k - n, MY_NUMBER_ACT, LawBasis.FULL_NAME
            if any(ch in _WS for ch in text[max(0, k - 2 * n) : k]):
                m = _FULL_TITLE_AT_END.search(text, lo, k)
                if m:
                    return m.start(), MY_NUMBER_ACT, LawBasis.FULL_NAME
        if last == "法":  # the common case, as the general reading below would find it: 番号利用法
            for alias in self._law_aliases:
                n = len(alias)
                if k >= n and text.startswith(alias, k - n) and not self._is_word(k - n - 1):
                    return k - n, alias, None
            if "\n" in text[max(0, k - 8) : k]:  # broken by a line break or a page, as PDF text is: 「番号利\n用法」
                for alias in self._law_aliases:
                    m = self._broken_alias(alias).search(text, max(0, k - 2 * len(alias) - 2 - _PAGE_BREAK_SPAN), k)
                    if m is not None and not self._is_word(m.start() - 1):
                        return m.start(), alias, None
        starts: list[int] = []
        j = k - 1  # a word of name characters
        while j > 0 and self._is_word(j - 1) and k - j <= 41:
            j -= 1
        if not self._is_word(j - 1):
            # (the whole word: a name's end inside it, 「原則上…法」, 「法上…法」, does not end the match early)
            if _NAME.fullmatch(text, j, k) is not None:
                starts.append(j)
        b = j - 1 - (j >= 2 and text[j - 2] == "\r")  # (where its line breaks, when the word is one character)
        if k - j == 1 and b > 1 and text[j - 1] == "\n" and text[b - 1] + last in _SPLIT_SUFFIXES:
            # a line broken inside the two characters of a name's end (「…施行規\n則」, 「…個人情報保護条\n例」): read whole
            i = b - 1
            while i > 0 and self._is_word(i - 1) and b - i <= 40:
                i -= 1
            if i < b - 1 and not self._is_word(i - 1) and _NAME.fullmatch(text[i:b] + last):
                starts.append(i)
        if last in "律令則例":
            m = _KANA_NAME_AT_END.search(text, max(0, k - 24), k)
            if m is not None:
                starts.append(self._kana_name_start(m.start()))
        if last == "令":
            m = _ORDER_NAME_AT_END.search(text, max(0, k - 80), k)
            if m is not None and not _BLANK.search(text, m.start(), k):  # (a name never spans a blank line)
                starts.append(m.start())
        if k >= 2 and text[k - 2] in " \u3000":
            m = _SPACED_NAME_AT_END_GLUED.search(text, max(0, k - 90), k)
            if m is not None and self._is_word(m.start() - 1):  # glued to a word: the part after a space, as before
                m = _SPACED_NAME_AT_END.search(text, m.start(), k)
            if m is not None:
                begin = self._spaced_word_start(m.start(), k)
                if begin is not None:
                    starts.append(begin)
        if not starts:
            return None
        start = min(starts)
        if start >= 2 and text.startswith("この", start - 2) and text[start:k] == "法律":
            start -= 2  # 「この法律」: the law named before, as 同法 (see SAME_LAW_NAMES)
        return start, "".join(text[start:k].split()), None

    @staticmethod
    @functools.lru_cache(maxsize=16)
    def _broken_alias(alias: str) -> re.Pattern[str]:
        """The act's name with line breaks between its characters, or a page break (「番号\n－ 3 －\n利用法」: the page's
        furniture is no part of the text, and the two pieces make the name whole), at the end of the text searched."""
        joint = rf"(?:[ \t\u3000]*{PAGE_BREAK}[ \t\u3000]*|{_LINE_BREAK})"
        return compile_shared(joint.join(re.escape(ch) for ch in alias) + r"\Z")

    def law_of_heading(self, pos: int) -> LawExpr | None:
        """The law a heading above ``pos`` names on its own (「（１）住民基本台帳法」, 「第２　住民基本台帳法関係」,
        「【住民基本台帳法】」, 「◆住民基本台帳法」, and a line with no numbering that holds nothing but the name, perhaps
        after a label: 「住民基本台帳法」, 「根拠法令：…条例」), or None: the nearest heading line within :data:`_HEADING_LINES` lines above the
        line of ``pos`` (blank lines and content lines skipped) decides; a heading that names anything else, or
        nothing, ends the search, and so does a line between that names the act.  The tables of such a section
        that name no law are that law's candidates: an assumption never overrides it.  (The answer depends on the
        line of ``pos`` alone: it is remembered for the last line asked, so that each line is looked at from at most
        :data:`_HEADING_LINES` lines below it.)"""
        line_start = self.text.rfind("\n", 0, pos) + 1
        if self._heading_of_line[0] != line_start:
            self._heading_of_line = (line_start, self._heading_above(line_start))
        return self._heading_of_line[1]

    def _heading_above(self, line_start: int) -> LawExpr | None:
        """:meth:`law_of_heading` of the line that starts at ``line_start``.  The heading lines are looked for among the
        :data:`_HEADING_LINES` lines above it only, by two C-level searches (the lines that begin as a heading does, or
        end as a name does); a whole-text search cost 6 ms per MB of dense text.

        A document repeats its blocks (a 変更箇所 table's entries, the same heading over many rows), and most tables have
        no heading naming a law.  So an answer of None that the lines read decided alone is remembered by those lines:
        the window from the line above the farthest one looked at to the end of the line of ``line_start`` (the reading
        looks at the line above the farthest for a name PDF text broke, and into the line below a name for a sentence
        going on).  What reads further (a name read as the law reader reads it: back past the window, under the
        definitions in force) is never remembered: every answer that names a law, and every None after such a read; nor is
        a window longer than :data:`_NO_HEADING_WINDOW` (a Word paragraph is one line)."""
        text = self.text
        if line_start == 0:
            return None
        top = line_start  # the start of the farthest line a heading may stand on
        for _ in range(_HEADING_LINES):
            if top == 0:
                break
            top = text.rfind("\n", 0, top - 1) + 1
        # (…and two characters before it: whether a line may go on the one above reads them; near the text's start, where
        # the window starts too, since the reading compares positions with 0 there)
        lo = max(0, text.rfind("\n", 0, top - 1) + 1 - 2) if top else 0
        line_end = text.find("\n", line_start)
        hi = len(text) if line_end == -1 else line_end
        key = (text[lo:hi], lo if lo < 8 else -1) if hi - lo <= _NO_HEADING_WINDOW else None
        if key is not None and key in self._no_heading:
            return None
        found, decided = self._heading_in(line_start, top)
        if found is None and decided and key is not None:
            if len(self._no_heading) >= _NO_HEADING_KEPT:
                self._no_heading.clear()
            self._no_heading.add(key)
        return found

    def _heading_in(self, line_start: int, top: int) -> tuple[LawExpr | None, bool]:
        """:meth:`_heading_above` read in the lines from ``top`` to ``line_start``, and whether the lines alone decided it
        (no name was read as the law reader reads it)."""
        text = self.text
        decided = True
        numbered_lines = {m.start() + 1 for m in _HEADING_START_AFTER_BREAK.finditer(text, max(0, top - 1), line_start - 1)}
        if top == 0 and _HEADING_START.match(text):
            numbered_lines.add(0)
        plain_lines = {text.rfind("\n", 0, m.start()) + 1 for m in _PLAIN_HEADING_END.finditer(text, top, line_start)}
        for start in sorted(numbered_lines | plain_lines, reverse=True):  # the nearest first
            end = text.find("\n", start, line_start)
            if start > 0 and _ORDINAL_GOING_ON.match(text, start, end) and _NAME_BROKEN_AT_LINE_END.search(text, max(0, start - 16), start):
                continue  # the rest of a table's name broken above: content, read past
            numbered = start in numbered_lines
            m = (_HEADING_LINE if numbered else _PLAIN_HEADING_LINE).match(text[start:end])
            if numbered and (m is None or _BRACKETED_LABEL.match(text, start, end)):
                # (a numbered line may also be a plain one: 「2025年住民基本台帳法」; a label in brackets begins one:
                # 「【根拠法令】住民基本台帳法」)
                m, numbered = _PLAIN_HEADING_LINE.match(text[start:end]), False
            if m is None and start > 0 and self._goes_on_line_above(start):
                # a line that begins with kana goes on the line above, as PDF text breaks a name (「（１）…に関す\nる条例」,
                # 「（１）…保護条\n例」): the two read as one line
                broken = self._heading_broken_before(start, end)
                if broken is not None:
                    return (None if self._act_named_in(end, line_start) else broken), False
            if m is None:  # a line that only begins like one: content, read past
                continue
            if not numbered and _SENTENCE_GOES_ON.match(text, end + 1):
                continue  # a sentence broken after the name: content, read past
            if any(a in text[end:line_start] for a in self.aliases):
                return None, True  # a line between that names the act: the section's tables may be its
            name, at = m.group("name"), start + m.start("name")
            if numbered and (label := _LABEL_BEFORE_NAME.match(name)) is not None:
                # (a label inside the heading's brackets, as a plain line has before its name: 「【根拠法令：国民年金法】」)
                name, at = name[label.end() :], at + label.end()
            e = self._law_named_alone(name)
            if e is None and "、" in name:
                # a line with 、 heads the lines below only as a law's provisions or laws joined (「住民基本台帳法第30条の10、
                # 第30条の11」, 「地方税法、地方税法施行令」); any other is a line of content, read past
                continue
            if not numbered and e is not None and e.start == 0:
                decided = False
                # (read in the text: PDF text breaks a name's line; the line's first name, when it joins several, and its law's
                # end, when provisions follow it: 「…情報を\n定める命令、生活保護法」, 「別表第二主\n務省令第２条」)
                first = at + len(_HEADING_JOINS.split(name, maxsplit=1)[0])
                for k in dict.fromkeys((at + len(name), first, at + e.end)):
                    whole = self.expression_ending_at(k)
                    if whole is not None and whole.start < at:
                        e = None  # the end of a name begun on the line before: 「…の主務省令で定める事\n務及び情報を定める命令」
                        break
            if e is None or e.start != 0:
                if not numbered:  # a line of content that only ends like a name: read past
                    continue
                nxt = end + 1
                if 0 < nxt < line_start and self._goes_on_line_above(nxt):
                    # …or the first line of one whose name PDF text broke, its closer on the line below (「【…に関す\n
                    # る条例】」, 「【…保護条\n例】」): the two read as one line
                    nxt_end = text.find("\n", nxt, line_start)
                    broken = self._heading_broken_before(nxt, nxt_end) if nxt_end != -1 else None
                    if broken is not None:
                        return (None if self._act_named_in(nxt_end, line_start) else broken), False
                return None, decided  # a heading of something else
            if self._act_named_in(end, line_start):
                return None, False  # (…and one that names it as the law reader reads it: its full name, a broken name)
            return e._replace(start=at, end=at + len(name)), False
        return None, decided

    def law_of_column_head(self, pos: int) -> LawExpr | None:
        """The law a header cell over ``pos``'s column names, in tab-separated text: ``pos`` is in a row of cells, and the
        cell in its column of the first row of its table (the rows of cells right above, no blank line nor line without a
        tab between), a row with text in two cells or more, holds nothing but another law's name
        (:func:`law_named_in_cell`: 「区分\t住基法\t番号法\n個人番号の利用\t別表第一の1の項」: 住基法), or None (no
        such cell; or a cell between in the column names the act alone).  The tables of such a cell that name no law
        are that law's candidates: an assumption never overrides it.  (Each row's answer is remembered by its line and
        column, so that a long table is read once.)"""
        text = self.text
        row, eol, tabbed, last, column = self._cells_line
        if not row <= pos <= eol:
            row = text.rfind("\n", 0, pos) + 1
            eol = text.find("\n", pos)
            if eol == -1:
                eol = len(text)
            tabbed = text.find("\t", row, eol) != -1
            last, column = row, 0
        if not tabbed:
            self._cells_line = (row, eol, tabbed, last, column)
            return None
        if pos < last:
            last, column = row, 0
        column += text.count("\t", last, pos)
        self._cells_line = (row, eol, tabbed, pos, column)
        act, head = self._column_head(row, column)
        return None if act else head

    def _column_head(self, row: int, column: int) -> tuple[bool, LawExpr | None]:
        """:meth:`law_of_column_head` of the row of cells starting at ``row``: whether a cell of ``column`` above it names the
        act alone, and the law the first row's cell names (read up to the first row, or a row already answered)."""
        text = self.text
        memo = self._column_heads
        rows: list[int] = []  # the rows walked, nearest first, whose answer is not known yet
        known: tuple[bool, LawExpr | None] = (False, None)
        while (row, column) not in memo:
            rows.append(row)
            above = text.rfind("\n", 0, row - 1) + 1 if row else 0
            if row == 0 or "\t" not in text[above : row - 1]:
                break  # (no row of cells above: the first row)
            row = above
        else:
            known = memo[(row, column)]
        # (then each row walked, farthest first: its answer from the row above it, and that row's cell)
        for r in reversed(rows):
            above = text.rfind("\n", 0, r - 1) + 1 if r else 0
            if r == 0 or "\t" not in text[above : r - 1]:
                known = (False, None)
            else:
                cells = text[above : r - 1].rstrip("\r").split("\t")
                cell = cells[column] if column < len(cells) else ""
                named = law_named_in_cell(cell, self.aliases) if cell.strip(_WS) else None
                first = above == 0 or "\t" not in text[text.rfind("\n", 0, above - 1) + 1 : above - 1]
                act = known[0] or (named is not None and named.kind is LawKind.ACT)
                if first:
                    head = None
                    if named is not None and named.kind is LawKind.OTHER and sum(1 for c in cells if c.strip(_WS)) >= 2:
                        start = above + sum(len(c) + 1 for c in cells[:column])  # (a header row names two columns or more)
                        head = named._replace(start=start, end=start + len(cell))
                    known = (act, head)
                else:
                    known = (act, known[1])
            memo[(r, column)] = known
        return known

    def _goes_on_line_above(self, start: int) -> bool:
        """Whether the line that begins at ``start`` may go on the line above, as PDF text breaks a name: it begins
        with kana (「る条例」), or with the second character of a name's two-character end whose first ends the line
        above (「条\n例」, 「規\n則」)."""
        text = self.text
        first = text[start : start + 1]
        if "\u3041" <= first <= "\u3096":
            return True
        above = start - 1 - (start >= 2 and text[start - 2] == "\r")
        return above > 0 and text[above - 1] + first in _SPLIT_SUFFIXES

    def _heading_broken_before(self, start: int, end: int) -> LawExpr | None:
        """Another law's name that a heading line ending at ``start`` (its line break) begins and the line
        ``start..end`` ends (「（１）熊谷市個人番号の利用に関す\nる条例」), read as one heading line; None otherwise."""
        text = self.text
        above = text.rfind("\n", 0, start - 1) + 1
        first = text[above : start - 1].rstrip("\r")
        joined = first + text[start:end]
        numbered = _HEADING_START.match(joined) is not None
        m = (_HEADING_LINE if numbered else _PLAIN_HEADING_LINE).match(joined)
        if m is None and numbered:
            m = _PLAIN_HEADING_LINE.match(joined)
        if m is None or m.end("name") <= len(first):  # (the name must run on into the line below)
            return None
        e = self._law_named_alone(m.group("name"))
        if e is None or e.start != 0 or e.kind is not LawKind.OTHER:
            return None
        return LawExpr(above + m.start("name"), end, m.group("name"), LawKind.OTHER, None)

    def _act_named_in(self, start: int, end: int) -> bool:
        """Whether the act is named between ``start`` and ``end`` as the law reader reads it (its full name, 法 defined
        as it, a name broken across lines: 「番号利\n用法」); called only once a heading naming another law is found."""
        text = self.text
        for m in self._ends_re.finditer(text, start, end):
            e = self.expression_ending_at(m.end())
            if e is not None and e.kind is LawKind.ACT:
                return True
        return False

    def _law_named_alone(self, name: str) -> LawExpr | None:
        """The law ``name`` is, read as a text of its own (「住民基本台帳法関係」 goes on past the name as one word), or
        None; a law's provisions with their caption (「住民基本台帳法第30条の10（…の提供）」) are that law's; several other
        laws joined (「地方税法及び地方税法施行令」) are one law of theirs, the joined names.  (It depends on ``name`` and
        the act's names only: read once per distinct name, as a document's headings repeat.)"""
        if name in self._named_alone:
            return self._named_alone[name]
        e = self._read_named_alone(name)
        self._named_alone[name] = e
        return e

    def _read_named_alone(self, name: str) -> LawExpr | None:
        alone = LawIndex(name, self.aliases)
        e = alone.expression_ending_at(len(name))
        if e is not None and e.start == 0:
            # (an order of the act's tables, 「別表第二主務省令」, is no other law's: it heads nothing, as the act does not)
            return None if alone.order_name_ends_at(len(name)) else e
        if e is None and _abbreviation(name):
            # a heading of two characters and 法 that ends like a common word (「（１）児手法」 児童手当法, 「【行手法】」): a law's
            # abbreviation, as glued to its table it is; a longer word ending so is that word's compound (「③入手方法」)
            return LawExpr(0, len(name), name, LawKind.OTHER, None)
        bare = _CAPTION_TAIL.sub("", name)
        k = provisions_before(bare, len(bare))
        if 0 < k < len(bare):  # a law's provisions, perhaps with a caption: 「住民基本台帳法第30条の10（…の提供）」
            alone = LawIndex(bare, self.aliases)  # (its article after it: 「児手法第3条」 names a law)
            e = alone.expression_ending_at(k)
            return e if e is not None and e.start == 0 and not alone.order_name_ends_at(k) else None
        parts = _HEADING_JOINS.split(name)
        if len(parts) < 2:
            return None
        for part in parts:
            p = LawIndex(part, self.aliases).expression_ending_at(len(part))
            if (p is None and not _abbreviation(part)) or (p is not None and (p.start != 0 or p.kind is not LawKind.OTHER)):
                return None  # (an abbreviation alone among them names a law, as it does alone: 「【児手法・児扶法】」)
        return LawExpr(0, len(name), name, LawKind.OTHER, None)

    def law_of_footnote(self, end: int) -> tuple[LawExpr, int] | None:
        """The law that the note of a footnote mark right after a table ending at ``end`` names (「別表第一の1の項
        （注1）…\n注1：住民基本台帳法別表第一」), and where the mark ends; None when no mark follows the table, no line
        below (within :data:`_FOOTNOTE_REACH`) begins with the same mark, or its text is not a law's reference alone
        or followed by its table (:data:`_FOOTNOTE_TAIL`)."""
        text = self.text
        m = _FOOTNOTE_MARK.match(text, end)
        if m is None:
            return None
        line = _footnote_line(m.group("mark"), m.group("n").translate(_FULL_DIGITS)).search(
            text, m.end(), min(len(text), m.end() + _FOOTNOTE_REACH)
        )
        if line is None:
            return None
        sep = _FOOTNOTE_SEP.match(text, line.end())
        start = sep.end() if sep is not None else line.end()
        stop = text.find("\n", start, start + _NOTE_REACH)
        for k in self._ends_re.finditer(text, start, stop if stop != -1 else min(len(text), start + _NOTE_REACH)):
            e = self.expression_ending_at(k.end())
            # the note begins with the name (another law's may be read from a later word: 「…法律施行令」)
            if e is not None and (e.start == start or (e.kind is LawKind.OTHER and _WORD_RUN.fullmatch(text, start, e.start))):
                # the name ends its line, or its article (on the same line) or its table follows it
                rest = _NOTE_REST.match(text, e.end)
                said = text[e.end : rest.end()].rstrip() if rest is not None else ""
                tail = _FOOTNOTE_TAIL.match(text, e.end) or (
                    "\n" not in said and _FOOTNOTE_TAIL.match(text, e.end + len(said))
                )
                named = e.kind is not LawKind.UNKNOWN and tail
                return (e, m.end()) if named else None
        return None

    def law_noted_after(self, end: int) -> tuple[LawExpr, int] | None:
        """The law named by a bracket right after a table that ends at ``end`` and holds nothing but
        that law's reference (「別表第一の16の項（住民基本台帳法）」), and where the bracket closes;
        None when there is no such bracket, or its 法 is not tied to a law."""
        text = self.text
        m = _NOTE_OPEN.match(text, end)
        if m is None:
            return None
        start, closers = m.end(), _NOTE_CLOSERS[m.group("open")]
        number = _NOTE_NUMBER.match(text, start)
        if number is not None and text[number.end() : number.end() + 1] in tuple(closers):
            # 「（昭和42年法律第81号）」: the law its number names
            law = _law_by_number(text, self._skip_ws_back(number.end()))
            return (law, number.end() + 1) if law is not None else None
        for k in self._ends_re.finditer(text, start, min(len(text), start + _NOTE_REACH)):
            e = self.expression_ending_at(k.end())
            # the name starts the bracket (another law's may be read from a later word: 「…法律施行令」)
            whole = e is not None and (e.start == start or (e.kind is LawKind.OTHER and _WORD_RUN.fullmatch(text, start, e.start)))
            rest = _NOTE_REST.match(text, e.end) if e is not None and whole else None
            # (another law's only: the act's name with a table in a bracket may name the table it became, 「（番号法の別表）」)
            table = _NOTE_TABLE.match(text, rest.end()) if rest is not None and e is not None and e.kind is LawKind.OTHER else None
            if table is not None and text[table.end() : table.end() + 1] in tuple(closers):
                rest = table
            if e is not None and rest is not None and text[rest.end() : rest.end() + 1] in tuple(closers):
                # (not an order of the act's tables: 「（別表第二主務省令第２条）」 cites into it)
                named = e.kind is not LawKind.UNKNOWN and "別表" not in e.name and not self.order_name_ends_at(e.end)
                # (a blank line ends the bracket: what follows it never names the table's law)
                return (e, rest.end() + 1) if named and not _BLANK.search(text, end, rest.end()) else None
        return None

    def other_table_opening(self, opener: int) -> LawExpr | None:
        """Another law whose table opens the bracket opened at ``opener``, rows or not (「（住民基本台帳法別表第四）」,
        「（住民基本台帳法別表第二の1の項）」), or None."""
        text = self.text
        start = opener + 1
        while start < len(text) and text[start] in " \t\u3000\r\n":
            start += 1
        for m in self._ends_re.finditer(text, start, min(len(text), start + _NOTE_REACH)):
            e = self.expression_ending_at(m.end())
            if e is not None and e.start == start:
                other = e.kind is LawKind.OTHER and "別表" not in e.name and not self.order_name_ends_at(e.end)
                return e if other and _NOTE_TABLE.match(text, e.end) else None
        return None

    def _act_of_order(self, k: int) -> LawExpr | None:
        """The act as named in the name of an order of its tables that ends at ``k`` (「番号利用法第19条第8号に基づく
        主務省令」, 「行政手続…法律第十九条第八号に基づく…命令」), or None when the name holds none."""
        m = _ORDER_NAME_AT_END.search(self.text, max(0, k - 80), k)
        if m is None:
            return None
        j = self._back(m.start())
        if j > 0 and self.text[j - 1] in _PROVISION_LAST:
            p = _PROVISION_BACK.search(self.text, max(0, j - 60), j)
            if p is not None:
                j = self._back(p.start())
        e = self.expression_ending_at(j) if j > 0 else None
        return e if e is not None and e.kind is LawKind.ACT else None

    def order_name_ends_at(self, k: int) -> bool:
        """Whether an order of the act's tables is named right before ``k`` (「…に基づく主務省令」,
        「…別表第二の主務省令で定める事務及び情報を定める命令」)."""
        if self.text[k - 1] != "令":
            return False
        m = _ORDER_NAME_AT_END.search(self.text, max(0, k - 80), k)
        return m is not None and not _BLANK.search(self.text, m.start(), k)

    def _spaced_word_start(self, lo: int, k: int) -> int | None:
        """Where a spaced-out name found at ``lo`` (ending at ``k``) begins: after the last word end
        in it, as :meth:`_is_word` has them (「1 6 項 番 号 法」 is 番号法, 「別 表 番 号 法」 too);
        None when what is left is too short for a name."""
        text = self.text
        begin = lo
        prev = -1  # the last character before i, spaces skipped
        for i in range(lo, k):
            ch = text[i]
            if ch in " \u3000":
                continue
            if self._ends_number(i) or (prev != -1 and text[prev] + ch in _WORD_ENDS):
                begin = i + 1
            prev = i
        while begin < k and text[begin] in " \u3000":
            begin += 1
        return begin if _SPACED_NAME.fullmatch(text, begin, k) else None

    def _kana_name_start(self, pos: int) -> int:
        """Where a name ending in kana (「…に関する法律」) begins: after the last delimiter, or after the last
        table's name or row before it (:data:`_KANA_NAME_AFTER`)."""
        text = self.text
        lo = max(0, pos - 80)
        j = pos
        while j > lo and text[j - 1] not in _KANA_NAME_DELIMITERS:
            j -= 1
        if j > lo + 1 and text[j - 1] == "\n" and not text[j:pos].strip(_WS) and text[j - 2] not in _KANA_NAME_DELIMITERS:
            # the line begins with the name's kana (「…に関す\nる条例」): PDF text broke the name, read as if it were whole
            j -= 1
            while j > lo and text[j - 1] not in _KANA_NAME_DELIMITERS:
                j -= 1
        for m in _KANA_NAME_AFTER.finditer(text, j, pos):
            j = m.end()
        while j < pos and text[j] in _WS:
            j += 1
        if j < pos and text[j] in _ITEM_BULLETS and not text[text.rfind("\n", 0, j) + 1 : j].strip(_WS):
            # (a bullet opening the line opens an item, no name: 「・熊谷市個人番号の利用に関する条例」)
            j += 1
            while j < pos and text[j] in _WS:
                j += 1
        return j

    def _classify(
        self, start: int, name: str, basis: LawBasis | None, end: int = -1
    ) -> tuple[LawKind | None, LawBasis | None]:
        """What a name names, at ``start`` (ending at ``end``, when known): a defined term first, then the act's names,
        then 同法."""
        d = self._definition_of(name, start)
        if d is not None:
            if d.kind is LawKind.UNKNOWN and not name.endswith(_LAW_WORD_TAILS):
                # a term defined for what the text ties to no law is still read by its own word when that word names
                # an instrument other than a law (「番号法第9条第2項に基づく条例（○○県番号利用条例。以下「条例」
                # という。）」 … 「条例別表第二」: the ordinance's table, never assumed the act's)
                own = self._classify_word(start, name, basis, end)
                if own[0] is LawKind.OTHER:
                    return own
            return d.kind, (LawBasis.DEFINED if d.kind is LawKind.ACT else None)
        return self._classify_word(start, name, basis, end)

    def _classify_word(
        self, start: int, name: str, basis: LawBasis | None, end: int = -1
    ) -> tuple[LawKind | None, LawBasis | None]:
        """What a name names by its own word (no definition): the act's names, then 同法, then other instruments."""
        if basis is LawBasis.FULL_NAME or name == MY_NUMBER_ACT:
            return LawKind.ACT, LawBasis.FULL_NAME
        if name in self.aliases:
            return LawKind.ACT, LawBasis.NAMED
        if name in SAME_LAW_NAMES:
            return LawKind.UNKNOWN, LawBasis.SAME_LAW  # resolved on use (see resolved)
        if name == "法":
            return LawKind.UNKNOWN, None
        if (
            (name in _COMMON and name not in _INSTRUMENT_WORDS)
            or (name.endswith(_COMMON_TAILS) and not name.endswith(_LAW_TAILS_LIKE_COMMON))
            or (name[-1] == "則" and not name.endswith("規則"))
        ) and (
            end < 0
            or name in _WHOLE_COMMON
            or not (
                _GLUED_PLACE.match(self.text, end)
                or name not in _GENERIC_WORDS and _OWNED_PLACE.match(self.text, end)
                or _abbreviation(name) and _ITS_PROVISIONS.match(self.text, end)
            )
        ):
            return None, None  # (a word glued right before a table, or owning it, names its instrument: see _WHOLE_COMMON)
        return LawKind.OTHER, None

    def _raw_at(self, k: int) -> LawExpr | None:
        """The law expression ending at ``k`` as written (同法 not yet resolved); remembered."""
        if k in self._raw:
            return self._raw[k]
        self.definitions()
        e = None
        found = self._name_at_end(k)
        if found is not None:
            start, name, basis = found
            kind, act_basis = self._classify(start, name, basis, k)
            if kind is not None and not self._quoted(start, k):
                e = LawExpr(start, k, name, kind, act_basis)
        self._raw[k] = e
        return e

    def expression_ending_at(self, end: int) -> LawExpr | None:
        """The law expression that ends at ``end``, 同法 resolved; None if no name ends there."""
        if end <= 0 or self.text[end - 1] not in self._last_chars:
            return None
        e = self._raw_at(end)
        return None if e is None else self.resolved(e)

    def expressions(self, lo: int = 0, hi: int | None = None) -> list[LawExpr]:
        """The law expressions ending in ``(lo, hi]``, in text order."""
        hi = len(self.text) if hi is None else hi
        out = []
        for m in self._ends_re.finditer(self.text, max(0, lo), hi):
            e = self.expression_ending_at(m.end())
            if e is not None and m.end() > lo:
                out.append(e)
        return out

    def _expressions_back(self, pos: int, lo: int) -> list[tuple[int, LawExpr | None, str]]:
        """Walking back from ``pos`` to ``lo``: each bracket, sentence mark and law expression, as
        (position, expression or None, the mark), nearest first."""
        text = self.text
        events: list[tuple[int, LawExpr | None, str]] = []
        for m in _SENTENCE_MARKS.finditer(text, lo, pos):
            events.append((m.start(), None, text[m.start()]))
        for m in self._ends_re.finditer(text, lo, pos):
            e = self._raw_at(m.end())
            if e is not None:
                events.append((e.end - 1, e, ""))
        for m in _NUMBER_END.finditer(text, lo, pos):
            e = self._instrument_numbered_at(m.end())
            if e is not None:
                events.append((e.end - 1, e, ""))
        events.sort(key=lambda ev: ev[0], reverse=True)
        return events

    def _instrument_numbered_at(self, k: int) -> LawExpr | None:
        """An order, rule, ordinance or notice named by its number ending at ``k`` (「平成27年総務省告示第123号」,
        「熊谷市規則第12号」), or None; a law's number (法律第N号) is not read here: an amending act's number stands
        in sentences about the act's own tables (「令和5年法律第48号の施行に伴い、別表第一…」)."""
        if k in self._numbered_at:
            return self._numbered_at[k]
        e = _law_by_number(self.text, k)
        if e is not None and (e.kind is not LawKind.OTHER or _LAW_NUMBER_TAIL.search(e.name)):
            e = None
        self._numbered_at[k] = e
        return e

    def glues_to_word_before(self, pos: int) -> bool:
        """Whether a short name written at ``pos`` would be read together with the word that ends there, as
        one name (「照会」 and 「番号法」 read as 「照会番号法」); never after a word end (:meth:`_is_word`:
        「…の表」, 「第二」, 「58項」) or a character that is no name's."""
        return self._is_word(pos - 1)

    # ------------------------------------------------------------------ 同法
    def same_law_would_take(self, pos: int) -> bool:
        """Whether a 「同法」 after ``pos`` would take a law's name written at ``pos`` for its
        antecedent: its own antecedent (:meth:`_antecedent`, brackets and reach as it reads them)
        stands before ``pos``, or it has none (「…別表第二（住民基本台帳法、同法）同法」: the second
        同法 would take it)."""
        for m in _SAME_LAW.finditer(self.text, pos, pos + SAME_LAW_REACH):
            e = self._raw_at(m.end())
            if e is None or e.name not in SAME_LAW_NAMES:
                continue
            antecedent = self._antecedent(e)
            if antecedent is None or antecedent.end <= pos:
                return True
        return False

    def resolved(self, e: LawExpr) -> LawExpr:
        """``e`` with 同法 replaced by what it stands for: the last law named before it at the same
        or an outer bracket depth (never one inside brackets that have closed).

        A run of 同法 is resolved from its oldest member forwards, each from the one before."""
        if not self._pending(e):
            return e
        cached = self._same_law.get(e.start)
        if cached is not None:
            return cached
        chain = [e]
        while True:
            antecedent = self._antecedent(chain[-1])
            if antecedent is None or not self._pending(antecedent) or antecedent.start in self._same_law:
                break
            chain.append(antecedent)
        for cur in reversed(chain):
            antecedent = self._antecedent(cur)
            if antecedent is not None and self._pending(antecedent):
                antecedent = self._same_law[antecedent.start]
            if antecedent is None:
                done = cur._replace(basis=None)  # 同法 with nothing named before it: unresolved
            elif antecedent.kind is LawKind.ACT:
                done = cur._replace(kind=LawKind.ACT, basis=LawBasis.SAME_LAW)
            elif antecedent.kind is LawKind.UNKNOWN:
                done = cur._replace(kind=LawKind.UNKNOWN, basis=LawBasis.SAME_LAW)  # carried from 法
            else:
                done = cur._replace(kind=antecedent.kind, basis=None)
            self._same_law[cur.start] = done
        return self._same_law[e.start]

    @staticmethod
    def _pending(e: LawExpr) -> bool:
        return e.name in SAME_LAW_NAMES and e.basis is LawBasis.SAME_LAW and e.kind is LawKind.UNKNOWN

    def described(self, name: str, start: int, end: int) -> str:
        """How a finding names the law expression ``name`` at ``start..end``: 同法 and a defined term with the law
        they stand for (「同法＝住民基本台帳法」, 「法＝住民基本台帳法」), any other name as written."""
        law: LawExpr | None = None
        if name in SAME_LAW_NAMES:
            e = self._raw_at(end)
            seen = 0
            while e is not None and e.name in SAME_LAW_NAMES and seen < 8:  # (a run of 同法: back to the name it carries)
                e, seen = self._antecedent(e), seen + 1
            law = e
        else:
            d = self._definition_of(name, start)
            law = d.law if d is not None and d.term == name else None
        return f"{name}＝{law.name}" if law is not None and law.name != name else name

    def _antecedent(self, e: LawExpr) -> LawExpr | None:
        """The law (…法, …法律, or a name of the act) 同法 ``e`` refers back to, as written: the
        nearest before it that no closed bracket holds, within SAME_LAW_REACH characters."""
        hi = e.start
        depth = 0  # closed brackets entered, walking back
        floor = max(0, e.start - SAME_LAW_REACH)
        step = 200
        while hi > floor:
            lo = max(floor, hi - step)
            for _pos, x, mark in self._expressions_back(hi, lo):
                if mark in ("）", ")"):
                    depth += 1
                elif mark in ("（", "("):
                    depth = max(0, depth - 1)  # leaving a closed bracket, or our own (outer: still visible)
                elif x is not None and depth == 0 and x.end <= e.start:
                    if x.kind is LawKind.ACT or x.name.endswith(("法", "法律")):
                        return x
                    law = self._law_enforced_by(x)
                    if law is not None:
                        return law
            hi = lo
            step *= 2
        return None

    def _law_enforced_by(self, x: LawExpr) -> LawExpr | None:
        """The law an enforcement order or rule ``x`` is named for (「住民基本台帳法施行令」: 住民基本台帳法,
        「番号法施行規則」: the act), classified as a name there is; None for any other name."""
        m = _ENFORCEMENT_TAIL.search(self.text, x.start, x.end)
        if m is None:
            return None
        k = m.start("tail")  # where the law's name ends
        lo = max(0, k - 200)
        found = LawIndex(self.text[lo:k], self.aliases)._name_at_end(k - lo)  # (the name as if nothing followed it)
        if found is None:
            return None
        start, name, basis = found
        kind, act_basis = self._classify(lo + start, name, basis)
        return None if kind is None or name in SAME_LAW_NAMES else LawExpr(lo + start, k, name, kind, act_basis)

    # ------------------------------------------------------------------ the binding rule
    def _skip_ws_back(self, k: int) -> int:
        text = self.text
        while k > 0 and text[k - 1] in _WS:
            k -= 1
        return k

    def _back(self, k: int) -> int:
        """``k`` moved back over whitespace, but never across a blank line (-1 when it would)."""
        j = self._skip_ws_back(k)
        if j < k and _BLANK.search(self.text, j, k):
            return -1
        return j

    def _broken_name(self, k: int) -> LawExpr | None:
        """A name broken by a line break or a space before its last one or two characters, that end at
        ``k`` (「住民基本台帳\n法」, 「住民基本台帳 法」, 「地方税法施行規\n則」): the piece after the break is
        a name's end only if it joins the word before it, which the text does not establish.  Returned
        as of unknown law, with the joined name; None when the piece does not follow a word so (a
        number, a table's name, 。 before the break) or the act's name broken so is read already."""
        text = self.text
        if text[k - 1] not in _NAME_LAST:
            return None
        start = k - 1  # the piece: one or two name characters after whitespace (not a numeral of 「第 一」: 「別表第 一法」)
        while start > 0 and k - start <= 2 and text[start - 1] in _WORD_CHARS and not self._ends_number(start - 1):
            start -= 1
        if start == 0 or k - start > 2 or text[start - 1] not in _WS:
            return None
        gap = start - 1  # (the break and the spaces around it, however wide: a PDF's layout text indents the line after it)
        while gap > 0 and start - gap < _BROKEN_GAP_REACH and text[gap - 1] in _WS:
            gap -= 1
        before = _BROKEN_BEFORE.search(text, max(0, gap - 41), start)
        if before is None or not self._is_word(before.end("word") - 1):
            return None
        begin, end = before.span("word")
        for i in range(begin, end - 1):  # the word begins after a word end in it, as unbroken (「58項番号\u3000法」: 番号)
            if not self._is_word(i):
                begin = i + 1
        word = text[begin:end]
        if len(word) == 1 and word + text[start:k] not in _SPLIT_SUFFIXES:
            return None  # (a lone character before the break joins only as the first half of a name's end)
        return LawExpr(begin, k, word + text[start:k], LawKind.UNKNOWN, None)

    def _written_whole(self, name: str) -> bool:
        """Whether the text writes ``name`` unbroken somewhere (remembered per name)."""
        found = self._whole_names.get(name)
        if found is None:
            found = self._whole_names[name] = name in self.text
        return found

    def _supplementary_of_law(self, start: int) -> bool:
        """Whether the 附則 at ``start`` is a law's: a law's name stands right before it (「番号法附則第2条」,
        「同法附則第2条」), or it is joined to a provision before it (「番号法第9条第1項、附則第2条」)."""
        text = self.text
        j = self._back(start)
        if j <= 0:
            return False
        if self.expression_ending_at(j) is not None:
            return True
        conj = conj_back(text, j)
        if conj is None:
            return False
        i = self._back(conj.start())
        return i > 0 and text[i - 1] in _PROVISION_LAST and _PROVISION_BACK.search(text, max(0, i - 60), i) is not None

    def _opens_clause(self, k: int) -> bool:
        """Whether nothing but a separator, a line break or the text's start stands before ``k``."""
        j = self._back(k)
        return j <= 0 or self.text[j - 1] in _CLAUSE_MARKS

    def _starts_line(self, k: int) -> bool:
        """Whether only spaces stand between the start of its line and ``k`` (a 「・」 there is a
        bullet that starts an item, not a separator that joins)."""
        text = self.text
        while k > 0 and text[k - 1] in " \t\u3000":
            k -= 1
        return k == 0 or text[k - 1] in "\r\n"

    def bind(
        self, pos: int, joined: Callable[[int], object] | None = None, after: int | Callable[[], int] = 0,
        noted: Callable[[int], object] | None = None,
    ) -> Binding:
        """The law of a table whose citation starts at ``pos``: :meth:`_bind`, remembered by the
        text just before the table when that text decides it, as in a document that repeats a
        citation.

        The text decides it when the walk found its law inside that text (adjacent, across an
        article list or into a bracket), 同法 aside, without asking ``joined`` (which depends on the
        citations found before), and the law's name is read under the same definition."""
        text = self.text
        for width in _CONTEXTS:
            if pos > width:
                known = self._bound.get(text[pos - width : pos + 1])
                if known is not None:
                    start, end, name, kind, basis, via, written, term = known
                    if self._term_kind(name, pos + start) is term:  # the name read the same way
                        written_end = pos + written if written is not None else -1
                        return Binding(LawExpr(pos + start, pos + end, name, kind, basis), via, written_end)
        self._asked_joined = False
        found = self._bind(pos, joined, after, noted)
        e = found.expr
        if e is not None and found.via in _WALKED and not self._asked_joined and e.name not in SAME_LAW_NAMES:
            for width in _CONTEXTS:
                if pos - width < e.start - 1 and pos > width:  # the name and the character before it
                    written = found.written_end - pos if found.written_end != -1 else None
                    self._bound[text[pos - width : pos + 1]] = (
                        e.start - pos, e.end - pos, e.name, e.kind, e.basis, found.via, written,
                        self._term_kind(e.name, e.start),
                    )
                    break
        return found

    def _bind(
        self, pos: int, joined: Callable[[int], object] | None = None, after: int | Callable[[], int] = 0,
        noted: Callable[[int], object] | None = None,
    ) -> Binding:
        """The law of a table whose citation starts at ``pos`` (its provision or the word 別表).

        Walks back from ``pos`` over what stands between a law and its own table — whitespace (never
        a blank line), one 「の」, bracketed insertions, the article list joined to the table — and
        takes the law expression that ends there; else the nearest one in the sentence.
        ``joined(end)`` returns the caller's record for a table citation ending at ``end``, or
        None: a table joined to it by 及び/、/から shares its law; ``noted(end)`` the same for a table
        citation (not an order's title) ending at ``end``, whose note a table opening a bracket right
        after it is.  ``after`` is where the table cited
        before this one ends: a law named before that table went with it, so the sentence rule
        looks no further back (a callable gives it when asked: only the sentence rule needs it).
        """
        text = self.text
        k = self._back(pos)
        if k == -1:  # a blank line right before: nothing of this sentence stands before the table
            return NO_LAW
        via = "adjacent"
        used_no = False
        written_end = -1
        opened = False  # walked out of a bracket that the table opens
        bracketed: LawExpr | None = None  # the law a bracket right before the table names (its number, or its name)
        opening: LawExpr | None = None  # another law's name opening a bracket after a word, right before the table
        noted_before = False  # a bracket stands right before the joining word walked back over
        while k > 0:
            ch = text[k - 1]
            if ch in "）)":
                o = self._enclosing_open(k - 1)
                if o == -1:
                    break
                # a bracketed insertion: the law's number, a definition, a note
                if written_end == -1 and via == "adjacent":
                    written_end = k
                    # (read when no name stands before the bracket) a law's number, 「（昭和42年法律第81号）別表
                    # 第一」, or, in a bracket that opens its clause, a law's reference as a bracket after a table
                    # holds it: 「（住民基本台帳法）別表第一」 (after a word, 「…に関する事務（住民基本台帳法）」, it is a
                    # note on that word)
                    number = _LAW_NUMBER_OPENS.match(text, o + 1, k - 1)
                    # (…or after a name in Latin letters: 「Basic Resident Registration Act (住民基本台帳法) 別表第一」, the bracket is its
                    # Japanese name)
                    note = (
                        self.law_noted_after(o)
                        if number is None and (self._opens_clause(o) or _LATIN_BEFORE.search(text, max(0, o - 4), o))
                        else None
                    )
                    if number is not None:
                        bracketed = _law_by_number(text, number.end())
                    elif note is not None and note[1] == k:
                        bracketed = note[0]
                    elif note is None:
                        # (the table is the bracketed word's through 「の」, or written right after the bracket in its cell)
                        owned = used_no or not any(ch in "\n\t" for ch in text[k:pos])
                        opening = self._other_law_opening(o + 1, k - 1, owned=owned)
                k = self._back(o)
                if noted_before and joined is not None and k > 0:
                    # a table with a note in brackets before the joining word (「住民基本台帳法別表第一の1の項（番号法
                    # 別表第二の27の項）及び別表第二」): joined to that table, not to the one in its note
                    self._asked_joined = True
                    prior = joined(k)
                    if prior is not None:
                        return Binding(None, "joined", inherited=prior)
                if noted_before and k > 0:
                    # 「…の27の項（住民基本台帳法別表第四）及び別表第一の16の項」: joined to rows whose bracket names another
                    # law's table, the table goes on that law's list
                    listed = self.other_table_opening(o)
                    if listed is not None:
                        self._asked_joined = True  # (not remembered: read beyond the text the memo keys on)
                        return Binding(listed, "sentence")
                noted_before = False
                continue
            if ch in "中上定" and text.endswith(_IN_NAME, 0, k):
                # 「住民基本台帳法中別表第一」, 「…法上の別表第一」, 「…法所定の別表第一」: a place in the law named before it
                word = next(w for w in _IN_NAME if text.endswith(w, 0, k))
                if self.expression_ending_at(k - len(word)) is not None:
                    k -= len(word)
                    via = "articles" if via == "adjacent" else via  # (the word is no part of the table's citation)
                    continue
            if ch == "等":
                # 「住民基本台帳法等別表第一」, 「…法等の別表第一」: another law named with others like it (the act's name with 等
                # is no place in it: read as named in the sentence)
                named = self.expression_ending_at(k - 1)
                if named is not None and named.kind is LawKind.OTHER:
                    k -= 1
                    via = "articles" if via == "adjacent" else via
                    continue
            if ch == "の" and not used_no:
                used_no = True
                k = self._back(k - 1)
                continue
            if ch in "（(" and not opened:
                # the table opens a bracket right after a provision: 「番号法第9条第1項（別表第一…）」
                before = self._back(k - 1)
                form = _FORM_BEFORE.search(text, max(0, before - 24), before) if before > 0 else None
                if form is not None:
                    # …or right after a form's number (「別紙様式第1号（別表第二関係）」): the table of the instrument the form
                    # belongs to, which the act (it has no forms) is not; which one is not established
                    w = _WORD_BEFORE_FORM.search(text, max(0, form.start() - 8), form.start())  # (with the word it ends: 別紙様式)
                    start = w.start() if w is not None else form.start()
                    return Binding(LawExpr(start, before, "".join(text[start:before].split()), LawKind.OTHER, None), "document")
                if before > 0 and noted is not None:
                    # …or right after a table cited just before: a note on it (「…及び別表第二\n（別表第二
                    # における情報提供の根拠）」), of that table's law
                    self._asked_joined = True
                    prior = noted(before)
                    if prior is not None:
                        return Binding(None, "joined", inherited=prior)
                m = _PROVISION_BACK.search(text, max(0, before - 60), before) if before > 0 else None
                if m is None:
                    # …or right after a law's name: 「住民基本台帳法（別表第一の1の項）」 is that law's table
                    # (not after an order of the act's tables: 「…命令\n（別表第二における…）」 is a note on its title)
                    named = self.expression_ending_at(before) if before > 0 else None
                    if named is not None and named.kind is not LawKind.UNKNOWN and not self.order_name_ends_at(before):
                        return Binding(named, "bracket")
                    break
                opened = True
                k, via = self._back(m.start()), "bracket"
                continue
            if ch in _PROVISION_LAST:
                m = _PROVISION_BACK.search(text, max(0, k - 60), k)
                if m is not None and text[m.start()] == "附" and not self._supplementary_of_law(m.start()):
                    # 「…に基づき、附則第2条及び別表第1」: 附則 with no law's name or provision before it is the
                    # document's own, as 「附則別表第一」 is (not the supplementary provisions of a law named earlier)
                    k = self._back(text.index("第", m.start(), m.end()))
                    via = "articles" if via == "adjacent" else via
                    break
                if m is not None:
                    k = self._back(m.start())
                    via = "articles" if via == "adjacent" else via
                    continue
            if ch in _CONJ_LAST:
                conj = conj_back(text, k)
                if conj is not None and not (text[conj.start()] in "・･" and self._starts_line(conj.start())):
                    j = self._back(conj.start())
                    if j > 0 and joined is not None:
                        self._asked_joined = True
                        prior = joined(j)
                        if prior is not None:
                            return Binding(None, "joined", inherited=prior)
                    if j > 0 and text[j - 1] == "令" and self.order_name_ends_at(j):
                        # joined to an order of the act's tables as a rewrite names it (「…法律第十九条第八号に
                        # 基づく利用特定個人情報の提供に関する命令、別表第一」): the law its name gives, as a table joined
                        # to the old title (a citation) shares its law; no law when the name gives none
                        act = self._act_of_order(j)
                        return Binding(act, "order") if act is not None else NO_LAW
                    if j > 0 and (
                        (text[j - 1] in _PROVISION_LAST and _PROVISION_BACK.search(text, max(0, j - 60), j))
                        or text[j - 1] in "）)"
                    ):
                        k = j
                        via = "articles"
                        noted_before = text[j - 1] in "）)"
                        continue
            break
        if via == "articles" and k > 0 and self._opens_clause(k):
            # a bare article opening its clause (「本条例は、番号法第9条第2項に基づき、第2条及び別表第1」): in a sentence whose
            # subject is the text's own instrument, the article is that instrument's, as is the table joined to it
            own = self._own_subject(k)
            if own is not None:
                return Binding(own, "articles")
        e = self.expression_ending_at(k) if k > 0 else None
        if k > 0 and e is not None and e.basis is LawBasis.DEFINED:
            # a term the text defines that starts a line ends a name broken before it when the text writes that name
            # unbroken too (「（以下「法」という。）…地方税法第294条…、地方税\n法別表第一」): which law, is not established
            broken = self._broken_name(k)
            if broken is not None and broken.name not in self.aliases and self._written_whole(broken.name):
                return Binding(broken, "broken")
        if k > 0 and (e is None or (e.name == "法" and e.kind is LawKind.UNKNOWN and e.basis is None)):
            broken = self._broken_name(k)
            if broken is not None and broken.name in self.aliases:  # 「番号 法別表第一」: the act's name, broken so
                e = broken._replace(kind=LawKind.ACT, basis=LawBasis.NAMED)
            elif broken is not None:  # 「住民基本台帳\n法別表第一」: which law, is not established
                return Binding(broken, "broken")
        if e is None and k > 0 and text[k - 1] == "号" and "\n" not in text[k:pos]:
            e = _law_by_number(text, k)  # 「昭和42年法律第81号別表第一」: the law its number names
        if e is None and opening is not None:
            # 「独自利用事務（住民基本台帳法第30条）の別表第1」: a note on the word owning the table that names another law and
            # no law's name before it; the table is that law's, or the word's, never the act's (an assumption is no reading)
            self._asked_joined = True  # (not remembered: read beyond the text the memo keys on)
            return Binding(opening, "sentence")
        if e is None and bracketed is not None:  # 「（昭和42年法律第81号）別表第一」 with no name before it
            # (not remembered: that no name stands before the bracket is read beyond the text the memo keys on)
            self._asked_joined = True
            return Binding(bracketed, "adjacent", written_end)
        if e is None and k > 0 and text[k - 1] in _OWNER_LAST and "\n" not in text[k:pos]:
            # (an instrument's word with a space or tab before the table is a label of the line, 「情報照会の手順\t別表
            # 第二…」, 「事務処理計画　別表第一…」: it names the owner written right before it, or with の)
            gap = text[k:pos]
            m = _INSTRUMENT_BEFORE_TABLE.search(text, max(0, k - _INSTRUMENT_REACH), k)
            if m is None and not (" " in gap or "\t" in gap or "\u3000" in gap):
                m = _LABEL_BEFORE_TABLE.search(text, max(0, k - _INSTRUMENT_REACH), k)
            m = m or _DOCUMENT_BEFORE_TABLE.search(text, max(0, k - 24), k)
            if m is not None and m.groupdict().get("back"):
                # 「上記別表第一」, 「前掲別表第二」: a table cited before, the act's or the document's own: not established
                return Binding(LawExpr(m.start(), k, "".join(m.group("back").split()), LawKind.OTHER, None), "pointer")
            if m is not None:  # 「政令別表第一」 on one line (a heading may end in 「…通知」): that instrument's table
                e = LawExpr(m.start(), k, m.group(), LawKind.OTHER, None)
        if e is None and k > 2 and text[k - 1] in "法】］]〕＞〉》>" and "\t" in text[k:pos] and "\n" not in text[k:pos]:
            # a cell that holds nothing but a law's abbreviation, as a heading (「（１）児手法\t別表第一の1の項」, 「児手法\t…」):
            # the law of the table in the cell after it, as the heading above it, or the name glued to it, would be
            cell_start = max(text.rfind("\t", 0, k), text.rfind("\n", 0, k)) + 1
            cell = text[cell_start:k]
            m = _HEADING_LINE.match(cell) or _PLAIN_HEADING_LINE.match(cell)
            if m is not None and _abbreviation(m.group("name")):
                self._asked_joined = True  # (not remembered: read beyond the text the memo keys on)
                at = cell_start + m.start("name")
                return Binding(LawExpr(at, at + len(m.group("name")), m.group("name"), LawKind.OTHER, None), "sentence")
        if e is None and k > 1 and _KATAKANA_END.match(text, k - 2, k):
            gap = text[k:pos]
            if not any(ch in gap for ch in " \t\u3000\n"):
                # 「データ標準レイアウト別表第二」: a document's table, or the act's that it reproduces; not established
                # (a word with a space before the table is a label of the line, as 「マニュアル 別表第一」 is)
                w = _KATAKANA_WORD_BEFORE_TABLE.search(text, max(0, k - 31), k)
                start = w.start() if w is not None else k - 1
                return Binding(LawExpr(start, k, text[start:k], LawKind.OTHER, None), "document")
        if e is not None and e.kind is LawKind.UNKNOWN and e.basis is None:
            # 法 that no definition ties to a law (「住民基本台帳法第30条の15及び法別表第二」): another law named before it
            # in the sentence is not overridden by an assumption, as for a table with no law at all
            self._asked_joined = True  # (not remembered: read beyond the text the memo keys on)
            prior = self._in_sentence(e.start, after() if callable(after) else after)
            while prior.expr is not None and prior.expr.name == "法" and prior.expr.kind is LawKind.UNKNOWN and prior.expr.basis is None:
                # …and an undefined 法 before it stands for the same law: read on before it (「住基法別表第一の1の項及び法第30条の15
                # 並びに法別表第二」)
                prior = self._in_sentence(prior.expr.start, after() if callable(after) else after)
            if prior.expr is not None and prior.expr.kind is LawKind.OTHER:
                return prior
            after_table = prior is AFTER_TABLE
        else:
            after_table = False
        if e is not None:
            if via != "adjacent":
                return Binding(e, via, after_table=after_table)
            return Binding(e, "adjacent", written_end if written_end != -1 else e.end, after_table=after_table)
        return self._in_sentence(pos, after() if callable(after) else after)

    def _other_law_opening(self, start: int, close: int, owned: bool = False) -> LawExpr | None:
        """Another law's provision (its name, not the act's nor a 法 no definition ties, and its article) that opens the
        bracket whose inside runs from ``start`` to its closer at ``close`` (「（住民基本台帳法第30条）」), or None.  When
        the table is the bracketed word's (``owned``: 「の」 between them, or no line break nor tab), the law's name opening the
        bracket is enough
        (「独自利用事務（住民基本台帳法に基づく事務）の別表第1」, 「…（住民基本台帳法）の別表第1」): it names the word's law."""
        text = self.text
        while start < close and text[start] in " \t\u3000\r\n":
            start += 1
        for m in self._ends_re.finditer(text, start, min(close, start + _NOTE_REACH)):
            e = self.expression_ending_at(m.end())
            if e is not None and e.start == start:
                # (an order of the act's tables is no other law's: 「（別表第二主務省令第２条）別表第二」)
                other = e.kind is LawKind.OTHER and not self.order_name_ends_at(e.end)
                return e if other and (owned or _ARTICLE_AFTER_NAME.match(text, e.end, close)) else None
        return None

    def _own_subject(self, k: int) -> LawExpr | None:
        """The text's own instrument when it is the subject that opens the sentence holding ``k``
        (「本条例は、」, 「この規則において、」), or None."""
        text = self.text
        found = None
        for m in _OWN_SUBJECT.finditer(text, max(0, k - SENTENCE_REACH), k):
            found = m
        if found is None or not self._opens_clause(found.start()) or SENTENCE_BREAK.search(text, found.end(), k):
            return None
        return LawExpr(found.start(), found.end("own"), found.group("own"), LawKind.OTHER, None)

    def _in_sentence(self, pos: int, after: int = 0) -> Binding:
        """The nearest law expression before ``pos`` in the same sentence, at the same depth, and
        after the table cited before it (``after``): walking back, a closed bracket is skipped; the
        sentence ends at 「。」, a blank line, a new item, or the bracket that holds the table.

        The walk reaches :data:`SENTENCE_REACH` characters of the sentence outside closed brackets:
        a closed bracket is skipped whole however long it is (a rewrite may lengthen a list in it,
        and what the table after it belongs to must not change)."""
        hi, budget = pos, SENTENCE_REACH
        held = False  # walked out of the bracket that holds the table
        while True:
            lo = max(0, hi - budget, after)
            depth = 0
            outer = -1  # the outermost closing bracket not yet matched in the window
            label = -1  # the opener of a line that is one bracket (「（住民基本台帳法に基づく提供）」): read as a label
            for p, e, mark in self._expressions_back(hi, lo):
                if mark in ("）", ")"):
                    if depth == 0:
                        # 「Basic Resident Registration Act (住民基本台帳法) and 別表第一」: a bracket right after a name in Latin
                        # letters holding another law's name is that name in Japanese, named in the sentence, not a note
                        o = self._enclosing_open(p, _NOTE_REACH + 2)
                        if o > 0 and _LATIN_BEFORE.search(self.text, max(0, o - 4), o):
                            note = self.law_noted_after(o)
                            if note is not None and note[1] == p + 1 and note[0].kind is LawKind.OTHER:
                                return Binding(note[0], "sentence")
                    if depth == 0 and label == -1:
                        label = self._label_line(p, pos)
                        if label != -1:
                            continue
                    if depth == 0:
                        outer = p
                    depth += 1
                elif mark in ("（", "("):
                    if p == label:
                        continue
                    if depth == 0:
                        # a bracket that holds the table: its sentence starts here, but another law named before
                        # it in the sentence outside is not overridden by an assumption (「住民基本台帳法に基づく
                        # 本人確認情報の提供（別表第二の4の項）」), however many brackets hold it (「住民基本台帳法（\n
                        # （別表第二）」); the act named there is not taken
                        held = True
                        continue
                    depth -= 1
                elif mark:
                    if depth == 0 or (mark == "\n" and _BLANK.match(self.text, p)):
                        return NO_LAW  # 。, a blank line, a new item (a blank line ends any bracket left open too)
                elif e is not None and depth == 0 and e.end <= pos:
                    if e.kind is LawKind.OTHER and self.order_name_ends_at(e.end):
                        # an order of the act's tables (「…第19条第8号に基づく主務省令」, as a rewrite names the old
                        # one) ends the walk as the old one's title does, a citation that a table after it looks
                        # no further back than: the text reads the same before and after the rewrite
                        return NO_LAW
                    if held and e.kind is not LawKind.OTHER:
                        return NO_LAW
                    if self._other_row(e.end, pos):
                        return NO_LAW
                    return Binding(self.resolved(e), "sentence")
            if lo <= after and after > 0:
                return AFTER_TABLE  # (the caller knows whose that table is)
            if depth == 0:
                return NO_LAW
            # the window ends inside a closed bracket: skip it whole, and go on before it
            opener = self._enclosing_open(outer, outer)
            budget -= hi - outer
            if opener < after or budget <= 0:  # also -1: a blank line, or no opener at all
                return NO_LAW
            hi = opener

    def _other_row(self, end: int, pos: int) -> bool:
        """Whether a name ending at ``end`` stands in another column of an earlier row of cells than a table at ``pos``, in
        tab-separated text: the table is in a later cell of its line (a tab before it there), and the name's line holds
        a tab too, before the name a different number of them (「区分\t住基法\t番号法\n個人番号の利用\t別表第一の1の項」: a
        header row's 番号法 heads another column; no cell of an earlier row but its own column's is the table's, read as
        rows or as a cell's paragraphs).  The same column goes on (「根拠\t番号法第9条第1項に基づく事務\n\t別表第一の16の項」)."""
        text = self.text
        line = text.rfind("\n", end, pos)
        if line == -1:
            return False
        column = text.count("\t", line + 1, pos)
        if not column:
            return False
        name_line = text.rfind("\n", 0, end) + 1
        eol = text.find("\n", end)
        if text.find("\t", name_line, eol if eol != -1 else len(text)) == -1:
            return False
        return text.count("\t", name_line, end) != column

    def _label_line(self, close: int, pos: int) -> int:
        """The opener of the bracket closed at ``close`` when that bracket is a line of its own before the line of
        ``pos`` (a label above the lines it heads, 「（住民基本台帳法に基づく提供）\n別表第一の1の項」, read as one in
        【】 is); -1 otherwise."""
        text = self.text
        nl = text.find("\n", close, pos)
        if nl == -1 or text[close + 1 : nl].strip(_WS):
            return -1
        opener = self._enclosing_open(close, close)
        line = text.rfind("\n", max(0, opener - 40), opener)  # (only spaces may stand before it on its line)
        if opener == -1 or (line == -1 and opener > 40) or text[line + 1 : opener].strip(_WS):
            return -1
        return opener


class _Brackets:
    """Bracket structure of a whole text (for :meth:`LawIndex.depth_at`).

    Brackets are （） and (); a blank line closes every bracket left open (PDF fragments).
    """

    def __init__(self, text: str) -> None:
        self.positions: list[int] = []
        self.innermost: list[int] = []  # innermost opener after each event (-1: none)
        self.parent: dict[int, int] = {}
        stack: list[int] = []
        for m in _BRACKETS.finditer(text):
            ch = m.group(0)
            pos = m.start()
            if ch in "（(":
                self.parent[pos] = stack[-1] if stack else -1
                stack.append(pos)
            elif ch in "）)":
                if not stack:
                    continue
                stack.pop()
            else:
                stack.clear()
            self.positions.append(pos)
            self.innermost.append(stack[-1] if stack else -1)

    def opener_at(self, pos: int) -> int:
        """The innermost bracket open at ``pos`` (its position), or -1."""
        k = bisect.bisect_left(self.positions, pos) - 1
        return self.innermost[k] if k >= 0 else -1

    def chain(self, opener: int) -> list[int]:
        out = []
        while opener != -1:
            out.append(opener)
            opener = self.parent.get(opener, -1)
        return out

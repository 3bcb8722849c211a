"""Step 3 of the pipeline: establish which law, which table, which order a citation names.

The law of a table is decided by one rule, in :mod:`mynumber_refs.laws`: **a table belongs to the
nearest law expression before it at the same bracket depth, in the same sentence**, bracketed
insertions (the law's number, a definition) and the article list joined to the table skipped.  The
citation is the act's when that expression is the act:

* named: 番号利用法, 番号法, マイナンバー法, or the full title (its number and a definition may follow
  in brackets: 「…に関する法律（平成25年法律第27号。以下「番号法」という。）第9条第1項別表第一」), or
  its number alone (「平成25年法律第27号別表第一」);
* a term the text defines for the act: 「（以下「法」という。）」 … 「法別表第二」;
* 同法, when the last law named at the same or an outer depth is the act;
* coordinated: 「番号利用法第19条第8号（…）及び別表第二」, or joined to a table just before it:
  「番号法別表第一の16の項及び別表第二の27の項」;
* named earlier in the sentence (basis ``sentence``): 「番号法第19条第8号の規定により、別表第二…」;
* or, when nothing stands before the table in its sentence, assumed by the caller (``assume_law``).

Tables of other laws, orders, rules and ordinances (生活保護法の別表第1, 住民基本台帳法別表第一,
条例別表第1 …) are never the act's, with or without ``assume_law``: when the law stands right before
the table they yield nothing; when it was named earlier in the sentence the table is reported
(``law-other``).  So are a document's own tables (「本評価書の別表第二」, 「別紙別表第一」, 「次の別表第一」:
nothing), and a table a word points back at (「上記別表第一」: reported as ``points-back``, since it may
be the act's cited before).  Anything found but not established comes back as a
:class:`~mynumber_refs.model.Finding` with its span and reason.

Row lists and reference lists that do not name their table (「…が含まれる項（１、２…の項）」,
「（１条２号ハ…）」, and 「第２条第７号」 written right after an order's title) resolve like 同表 to
the table or order cited last in the same passage (同表: in an earlier passage too) — whatever it is: after a table that is not
rewritten (another law's, the text's own 別表, one whose relation note names another article …) the
list is that table's, left or reported as it is, never an earlier act table's rows.  A list right
after a law's or order's name (「住民基本台帳法（27、28の項）」) is that instrument's.  Lines holding
only rows right under a table's citation that ends its line (「番号法別表第二\n・27の項\n・28の項」,
bulleted or not) are its rows too.  :func:`find_with_others` also gives the spans left silently as
another instrument's, which the rewriter counts as read.

A table, title or law name marked as the old text (「旧」, 「改正前の」, 「従前の」, 「廃止前の」 right
before it, or 「改正前」 in a bracket after the law's name) cites the old numbering on purpose: it is
reported as ``marked-old`` and left as written; so is one whose provisions joined to the table
follow the mark (「旧法第19条第7号及び別表第二」, 「旧番号法…」).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any, NamedTuple

import attrs

from . import findings as F
from ._args import find_args
from ._gc import collector_paused
from ._patterns import compile_on_use, compile_shared
from .laws import (
    ALIASES,
    LAW_PREFIX_RE,
    ORDER_TAIL,
    PAGE_BREAK,
    SAME_LAW_NAMES,
    Binding,
    LawExpr,
    LawIndex,
    LawKind,
    definition_term_spans,
    may_define,
    provisions_before,
    reread_term_spans,
)
from .model import (
    MY_NUMBER_ACT,
    OLD_TABLES,
    Citation,
    CitationKind,
    Finding,
    LawBasis,
    Order,
    Table,
    TableBasis,
)
from .numerals import NumeralError, NumeralStyle, detect_style, parse_int
from .parse import (
    Parsed,
    RowItem,
    malformed_end,
    parse_at,
    parse_relative,
    place,
    relation_articles,
    to_citation,
)
from .scan import (
    INVISIBLE,
    Candidate,
    Passages,
    anchors,
    article_refs_candidate,
    bullet_row_candidate,
    colon_row_candidates,
    is_spaced_out,
    kou_marks,
    kouban_list_candidates,
    make_view,
    passage_end,
    ref_list_candidates,
    row_list_candidates,
)

__all__ = ["find_citations", "read_table_citation", "LAW_PREFIX_RE", "ALIASES"]

_S = r"[\s]*"


class _Law(NamedTuple):
    """What the binding rule (:meth:`LawIndex.bind`) says of one table, as the citation needs it."""

    text: str | None  # as written (or carried); None when assumed or not written
    basis: LawBasis | None
    start: int  # where the citation starts (the law's start when written right before the table)
    other: bool = False  # the table is another law's, order's, rule's or ordinance's
    end: int = -1  # where the written law ends with its insertions (the 'law' part); -1 when not beside the table
    span: tuple[int, int] | None = None  # the law expression the table is bound to
    via: str = "none"
    other_name: str | None = None


_SPAN = operator.attrgetter("start", "end")
_START, _END = operator.attrgetter("start"), operator.attrgetter("end")
# the last character of a law's or instrument's name, or of its number (法, 法律, 令, 規則, 条例 …, 第12号)
_LAW_NAME_LAST = frozenset("律法令則例程綱領示号")


class _Kept(NamedTuple):
    """A table or title read but not rewritten: the lists after it are its own (see :func:`_find`)."""

    start: int
    end: int
    passage: int
    finding: Finding | None  # what reports it, or None when it is silently another law's
    orders: bool = False  # a title: reference lists after it are its own too
    rows: bool = False  # it names its own rows
    # row lists look past it, as past a title cited (the 別表第一 order under its 2024 name: read as it was
    # read under the old one, so that a second run reads the same)
    rows_pass: bool = False


# Words that mark a citation as one of the old text, cited on purpose: 「旧」, 「改正前の」, 「従前の」 …
# right before the table or the law's name (「旧番号法」, 「改正前の番号法では、別表第一の…」, 「番号法の
# 旧別表第一」), or in a bracket between the law's name and its table (「番号法（改正前）別表第一」)
# whitespace that never makes a blank line (a note or a mark never runs on into the next passage)
_NB = r"(?:[ \t\u3000\r]|\n(?![ \t\u3000\r]*\n))*"
# the last day of the old numbering, 令和6年5月26日 (any digits)
# a date as written in a note (「令和6年5月27日」, 「2024年5月27日」, 「R6.5.27」 not read)
_DATE_WORDS = rf"(?:令{_NB}和|平{_NB}成|(?:20|２０)[0-9０-９]{{2}}{_NB}年)[0-9０-９〇一二三四五六七八九十元年月日 \u3000]{{1,16}}?日"
_LAST_OLD_DAY = rf"令{_NB}和{_NB}(?:6|６|六){_NB}年{_NB}(?:5|５|五){_NB}月{_NB}(?:26|２６|二{_NB}十{_NB}六){_NB}日"
# (also as a topic or a label: 「従前は」, 「改正前は、」, 「旧：」, 「変更前：」)
_OLD_WORD = (
    r"(?:(?:(?:一部)?改正(?:以)?前|従前|従来|以前|これまで|変更前)[\s]*は[\s]*[、，,]?"
    # (a label: in brackets, 「【変更前】」, 「（改正前）」; with a short noun and a colon, 「旧根拠：」, 「改正前の根拠：」; in English,
    # 「Before:」, 「Old:」, 「formerly」)
    r"|[【（(〔［][ \u3000]*(?:(?:一部)?改正(?:(?:以)?前)?|従前|変更前|旧)[ \u3000]*[】）)〕］]"
    r"|(?:(?<![\u4e00-\u9fff])旧|(?:一部)?改正(?:以)?前の?|従前の|変更前の?)[^\s：:、。，,（）()「」【】]{1,6}[ \u3000]*[：:]"
    r"|(?<![A-Za-z])(?:[Bb]efore|[Oo]ld)[ \u3000]*[：:]|(?<![A-Za-z])(?:[Ff]ormerly|[Pp]reviously)(?![A-Za-z])"
    r"|旧|(?:一部)?改正(?:以)?前[のは]?|従前の|従来の|これまでの|廃止前の|施行前の|変更前[のは]?"
    rf"|{_LAST_OLD_DAY}[\s]*(?:まで|以前)[\s]*(?:は|の|に)?[\s]*[、，,]?"
    r"|改正[\s]*[（(][^（）()\n]{1,30}[）)][\s]*(?:以[\s]*)?前の?"
    r"|[←⇐]"  # (「別表の24の項←別表第一の16の項」: the old side of a note written new ← old)
    # (and 変更後 as a label: the new side of a note of an earlier change, 「【変更前】別表第二の26の項【変更後】別表第二の27の項」)
    r"|変更後(?:[\s]*の)?(?=[\s]*記[\s]*載|[\s]*[：:】］\]〕＞>]))"
)
# …written as a label too, before the law's name or the table: 「旧：」, 「【変更前】」, 「改正前は、」, 「変更前の記載「…」」,
# 「従前の「番号法別表第二」」 (a label's colon or closing mark, or the opening quote of a term)
_LABEL_MARKS = "：:】］]〕＞>、，,「『"
_NO_LABEL_BRACKETS = str.maketrans("", "", "「」『』【】［］[]〔〕＜＞<>")  # (a mark is shown without them)
_OLD_LABEL = r"(?:[\s]*記[\s]*載)?(?:[\s]*[：:】］\]〕＞>、，,])?[\s]*[「『]?"


def _old_before(aliases: Sequence[str]) -> re.Pattern[str]:
    names = "|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True))
    return compile_shared(rf"{_OLD_WORD}{_OLD_LABEL}[\s]*(?:(?:{names}|法)[\s]*(?:の[\s]*)?)?\Z")


# the act's name with the mark written into it (「旧番号法」), which reads as another law's name
def _old_name(aliases: Sequence[str]) -> re.Pattern[str]:
    names = "|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True))
    return compile_shared(rf"(?P<mark>{_OLD_WORD})[\s]*(?:{names})")


_OLD_BEFORE = _old_before(ALIASES)
_OLD_NAME = _old_name(ALIASES)
_OLD_IN_BRACKET = compile_on_use(r"[（(][^（）()]*?(?P<mark>旧|改正(?:以)?前|廃止前|施行前)")


# the core of every mark (旧, ←, 変更後, or 前 after 改正, 改正以, 従, 廃止, 施行, 変更; English labels), found once per text with
# str.find (a regex scan of 1 MB costs several times more): a citation is looked at closer only when
# one stands just before it or in the bracket after its law's name
_BEFORE_MAE = ("改正以", "改正", "従", "廃止", "施行", "日以", "変更", "以", "日より", "日")
_OLD_REACH = 16
_OLD_REACH_LONG = 48  # (a date, or a bracket between 改正 and 前: 「改正（令和6年5月27日施行）前の」)
_PROVISIONS_REACH = 80  # (a mark before the provisions joined to a table with no law written: 「旧法第19条…及び別表第二」)
_MARK_REACH = max(_PROVISIONS_REACH, _OLD_REACH_LONG)
# the time of the old numbering, earlier in a table's sentence: up to its last day, or before the first day of the new
# one (「令和6年5月26日以前に行った照会は、番号法別表第二の27の項に基づく」, 「令和6年5月26日までの間、…」, 「令和6年5月27日前に…」)
# (「令和6年5月27日以前」 too: the day itself is the new numbering's, but the words name the time before it, 「令和6年5月27日以前の
# 番号法」, as no one dates the present text so)
_BEFORE_NEW_DAY = (
    rf"令{_NB}和{_NB}(?:6|６|六){_NB}年{_NB}(?:5|５|五){_NB}月{_NB}(?:27|２７|二{_NB}十{_NB}七){_NB}日{_NB}(?:よ{_NB}り{_NB})?(?:以{_NB})?前(?!{_NB}後)"
)
_OLD_PERIOD = compile_on_use(rf"{_LAST_OLD_DAY}{_NB}(?:ま{_NB}で|以{_NB}前)|{_BEFORE_NEW_DAY}")
_OLD_PERIOD_REACH = 80


def _label_core(aliases: Sequence[str]) -> re.Pattern[str]:
    names = "|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True))
    return compile_shared(rf"変更[前後](?:[\s]*[のは])?{_OLD_LABEL}[\s]*(?:{names}|法|別|同[\s]*表|第)")


# 変更前 / 変更後 count only where a law, a table or a provision follows the label (a 変更箇所 table's own heading row,
# 「変更前の記載 変更後の記載」, makes no mark)
_LABEL_CORE = _label_core(ALIASES)


_UNTIL_CORE = compile_on_use(r"日[ \t\u3000\r\n]*ま[ \t\u3000\r\n]*で")
_GAP_CHARS = " \t\u3000\r\n"


def _old_cores(text: str, label_core: re.Pattern[str] = _LABEL_CORE) -> list[int]:
    starts = []
    for core in ("旧", "←", "⇐"):
        i = text.find(core)
        while i >= 0:
            starts.append(i)
            i = text.find(core, i + 1)
    for core in ("変更前", "変更後"):
        i = text.find(core)
        while i >= 0:
            if label_core.match(text, i):
                starts.append(i)
            i = text.find(core, i + 1)
    i = text.find("前")
    while i >= 0:
        j = i  # (the word before 前 may stand over spaces or a line break, as the marks read it: 「日以\n前」)
        while j > 0 and j > i - 4 and text[j - 1] in _GAP_CHARS:
            j -= 1
        for w in _BEFORE_MAE:
            if j >= len(w) and text.startswith(w, j - len(w)):
                starts.append(j - len(w))
                break
        else:
            if i > 0 and text[i - 1] in "）)":  # 「改正（…）前の」
                starts.append(i)
        i = text.find("前", i + 1)
    for word in ("efore", "ld", "ormerly", "reviously"):  # (a label in English: 「Before:」, 「Old:」, 「formerly」)
        i = text.find(word)
        while i >= 0:
            starts.append(max(0, i - 1))
            i = text.find(word, i + 1)
    for word in ("従来", "これまで", "改正"):  # 「従来は」, 「これまでの」, 「（改正）」
        i = text.find(word)
        while i >= 0:
            starts.append(max(0, i - 1))
            i = text.find(word, i + 1)
    # 「令和6年5月26日までは」, read as the mark is, over spaces and a line break (PDF text: 「日ま\nで」)
    starts += [m.start() for m in _UNTIL_CORE.finditer(text)]
    starts.sort()
    return starts


# the header cell of a column of old text in tab-separated text (a table of old and new wording, a 変更箇所 table), or of
# a record of revisions (「改訂内容」, 「変更履歴」: each row records what an earlier version changed, in its numbering)
_HISTORY_HEAD = r"(?:改[ \u3000]*訂|変[ \u3000]*更|改[ \u3000]*版|更[ \u3000]*新)[ \u3000]*(?:履[ \u3000]*歴|内[ \u3000]*容|概[ \u3000]*要)"
_OLD_COLUMN_HEAD = compile_on_use(
    r"(?m)(?:^|(?<=\t))[ \u3000]*(?:(?:変[ \u3000]*更|改[ \u3000]*正)[ \u3000]*前(?:の[^\t\n]{1,4})?|旧|"
    + _HISTORY_HEAD + r")[ \u3000]*(?=\t|\r?$)"
)
# …or 「現行」 heading a column in a header row that also has a 「改正案」 cell (a 新旧対照表 of a draft amendment: the 現行
# column is the text as it stands before the amendment, in the old numbering; without 改正案, 現行 is only the present text)
_CURRENT_HEAD = compile_on_use(r"(?m)(?:^|(?<=\t))[ \u3000]*現[ \u3000]*行[ \u3000]*(?=\t|\r?$)")
_DRAFT_CELL = compile_on_use(r"(?:^|\t)[ \u3000]*改[ \u3000]*正[ \u3000]*案[ \u3000]*(?=\t|\r?$)")
# …or the title of a record of revisions on a line of its own, over all the columns of the rows of cells right under it
# (「改訂履歴」, 「【変更履歴】」, 「３．改訂履歴」)
_HISTORY_TITLE = compile_on_use(
    r"(?m)^[ \u3000]*(?:[【［\[（(〔]|[0-9０-９]+[.．、]?)?[ \u3000]*(?P<title>(?:改[ \u3000]*訂|変[ \u3000]*更|改[ \u3000]*版|更[ \u3000]*新)"
    r"[ \u3000]*履[ \u3000]*歴)[ \u3000]*[】］\]）)〕]?[ \u3000]*\r?$"
)
# …or of a row of old text: its first cell (「改正前」, 「根拠規定（改正前）」, 「変更前の記載」, 「改訂内容」)
_OLD_ROW_HEAD = compile_on_use(
    r"[ \u3000]*(?P<mark>(?:(?:変[ \u3000]*更|改[ \u3000]*正)[ \u3000]*前(?:の[^\t\n]{1,10})?|旧|" + _HISTORY_HEAD + r")"
    r"|[^\t\n（(]{1,20}[（(][ \u3000]*(?:変[ \u3000]*更|改[ \u3000]*正)[ \u3000]*前[ \u3000]*[）)])[ \u3000\r]*"
)
HEAD_ROWS = 200  # rows of cells looked up past for a header (a bound on the work only)
# a line of text that opens with a date (「令和5年4月1日 …」, 「R5.4.1 …」, 「2023年4月1日」, 「2023/4/1」), an entry of a record of
# revisions under its title
_DATED_LINE = compile_on_use(
    r"[ \t\u3000]*(?:[・●■◆\-－][ \t\u3000]*)?(?:(?:令[ \u3000]*和|平[ \u3000]*成)[ \u3000]*[0-9０-９元一二三四五六七八九十]{1,3}[ \u3000]*年"
    r"|[RHＲＨ][ \u3000]*[0-9０-９]{1,2}[ \u3000]*[.．/／]|(?:19|20|１９|２０)[0-9０-９]{2}[ \u3000]*[年.．/／\-－])"
)
_HISTORY_LINES = 60  # lines of a record of revisions looked up past for its title
_ENTRY_LINES = 3  # lines an entry of the record runs over (PDF text breaks it)
# a line that begins a section (「１．」, 「（１）」, 「Ⅱ」, 「第2章」, 「■」): no entry of a record goes on past it
_SECTION_LINE = compile_on_use(
    r"[ \t\u3000]*(?:[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]|[0-9０-９]{1,2}[ \u3000]*[．.](?![0-9０-９])|[（(][0-9０-９]{1,2}[）)]|第[ \u3000]*[0-9０-９一二三四五六七八九十]+[ \u3000]*[章節]|[■□◆◇◎])"
)
_BLANK_LINE = compile_on_use(r"\n[ \t\u3000\r]*\n")
# the same headers as a table cell of their own (Word, Excel), white space aside; and a header of the new text, which
# heads the cells below it instead (「改正後」, 「変更後の記載」, 「新」; not 「現行」, the old text of a 新旧対照表 beside 「改正案」)
_OLD_HEAD_CELL = compile_on_use(r"(?:変更|改正)前(?:の.{1,4})?|旧|(?:[【［\[（(〔]|[0-9０-９]+[.．、]?)?(?:改訂|変更|改版|更新)(?:履歴|内容|概要)[】］\]）)〕]?")
_NEW_HEAD_CELL = compile_on_use(r"(?:変更|改正)後(?:の.{1,4})?|新")


def old_cell_head(before: str, rows: Iterable[tuple[str, Sequence[str], bool]]) -> str | None:
    """The header that marks a table cell (Word, Excel) as the old text, as in tab-separated text: the nearest cell
    with text to its left (``before``) when it heads a row of old text (「根拠規定（改正前）」, 「変更前の記載」), else
    the nearest header in its column above it when it heads a column of old text (「改正前」, 「変更前の記載」, 「旧」, or
    「現行」 in a header row that also has a 「改正案」 cell), else the title of a record of revisions over the rows of
    cells above it (「改訂履歴」 alone in its row, or a paragraph right above a Word table), over every column (a
    record's 「改正後」 too); None when a header of the new text stands nearer in the column and no such title stands
    over it, when an empty row or a row whose one text is outside the cell's column or in a cell merged over several
    columns (a heading 「1. 基本情報」) stands between the cell and any such header or title, or when none does.
    ``rows``: the rows above the cell, nearest first, each as the text of its cell in the cell's column, the texts of its
    cells with text (none: an empty row) and whether that cell is merged over several columns."""
    row = _OLD_ROW_HEAD.fullmatch("".join(before.split()))
    if row is not None:
        return row.group("mark")
    column_run = True  # (no header of the new text yet in the column)
    for cell, texts, wide in rows:
        head = "".join(cell.split())
        if head and column_run:
            if _OLD_HEAD_CELL.fullmatch(head):
                return head
            if _NEW_HEAD_CELL.fullmatch(head):
                column_run = False  # (the column is the new text's; a title over the whole record still counts)
            elif head == "現行" and any("".join(t.split()) == "改正案" for t in texts):
                return head
        if len(texts) == 1:
            title = _HISTORY_TITLE.fullmatch("".join(texts[0].split()))
            if title is not None:
                return "".join(title.group("title").split())
        if not texts or (len(texts) == 1 and (not head or wide)):
            # an empty row, or a row whose one text stands outside the cell's column or across columns (a heading
            # 「1. 基本情報」 in the first column or merged over the table): the rows above it are another part, as past a
            # blank line or a line without a tab in text (a one-column table's cells go on)
            return None
    return None


class _OldMarks:
    """Where the text marks something as the old text, and which citations it marks."""

    def __init__(self, text: str, extra_aliases: Sequence[str] = ()) -> None:
        self._text = text
        self._heads: list[tuple[int, int, str]] | None = None  # (line start, column, header) of old columns' headers
        self.tabbed = "\t" in text  # (rows of cells: once per text)
        # (…under the header of a record of revisions, which need not hold any other mark: 「改訂内容」, 「変更履歴」)
        self.history = self.tabbed and ("内容" in text or "履歴" in text or "概要" in text)
        # (…or under the title of a record of revisions over lines of text, each entry opened by its date)
        self.history_lines = "履歴" in text
        self._history_titles: list[tuple[int, int, str]] | None = None  # (start, end, title) of such titles, found on first use
        # (the act's names passed by the caller are marked as its own are)
        extra = [a for a in extra_aliases if a not in ALIASES]
        self._starts = _old_cores(text, _label_core((*ALIASES, *extra)) if extra else _LABEL_CORE)
        self.any = bool(self._starts)
        self._before = _old_before((*ALIASES, *extra)) if extra else _OLD_BEFORE
        self._name = _old_name((*ALIASES, *extra)) if extra else _OLD_NAME

    def _cell_of_row_above(self, mark: int, pos: int) -> bool:
        """Whether the mark at ``mark`` ends the row of cells above the row ``pos`` opens (「列0\t改正前\n番号法別表第一…\t…」:
        a header cell of another column, no mark of the cell below it)."""
        text = self._text
        br = text.rfind("\n", mark, pos)
        if br == -1:
            return False
        le = text.find("\n", pos)
        return text.find("\t", br, len(text) if le == -1 else le) != -1 or text.find("\t", text.rfind("\n", 0, mark) + 1, br) != -1

    def history_entry(self, pos: int) -> str | None:
        """The title of a record of revisions (「改訂履歴」, 「【変更履歴】」 on a line of its own) over the lines of text that
        hold ``pos``, when its line opens with a date, or goes on from one that does, no sentence ending between, over at
        most :data:`_ENTRY_LINES` lines (「改訂履歴\n令和5年4月1日 番号法別表第二の27の項に基づく照会を追加」: an entry of
        the record, in the numbering of its time), or None.  The title is at most :data:`_HISTORY_LINES` lines above, and
        a blank line ends the record.  (The titles are found once per
        text; a citation with none within reach above it costs one bisection and one count.)"""
        text = self._text
        if self._history_titles is None:
            self._history_titles = [(m.start(), m.end(), "".join(m.group("title").split())) for m in _HISTORY_TITLE.finditer(text)]
        k = bisect.bisect_left(self._history_titles, (pos,)) - 1
        if k < 0:
            return None
        title_start, title_end, title = self._history_titles[k]
        row = text.rfind("\n", 0, pos) + 1
        if (row <= title_start or row - title_end > _HISTORY_LINES * 400 or text.count("\n", title_end, row) > _HISTORY_LINES
                or _BLANK_LINE.search(text, title_end, row)):
            return None  # (its own line, too far below, or past a blank line that ends the record)
        for _ in range(_ENTRY_LINES):  # (its line, or the lines above it that it goes on from, opened by a date)
            if row <= title_end:
                return None
            if _DATED_LINE.match(text, row) is not None:
                return title
            prev = text.rfind("\n", 0, row - 1) + 1
            if text[prev : row - 1].rstrip().endswith("。") or _SECTION_LINE.match(text, prev, row - 1) is not None:
                return None  # (a sentence ended on the line above, or a section begins: no entry goes on there)
            row = prev
        return None

    def column_head(self, pos: int) -> str | None:
        """The header cell that marks the cell of tab-separated text holding ``pos`` as the old text's, or None: the first
        cell of its row (「根拠規定（改正前）」), or the header of its column (「改正前」, 「変更前の記載」, 「旧」 over it in the
        nearest header row above, the rows between holding tabs too)."""
        text = self._text
        ls = text.rfind("\n", 0, pos) + 1
        le = text.find("\n", pos)
        first_tab = text.find("\t", ls, len(text) if le == -1 else le)
        if first_tab == -1:
            return None  # (not a row of cells)
        if first_tab < pos:
            # …or the row's header cell (「根拠規定（改正前）\t番号法別表第二の27の項」, 「変更前の記載\t…」)
            row_head = _OLD_ROW_HEAD.fullmatch(text, ls, first_tab)
            if row_head is not None:
                return "".join(row_head.group("mark").split())
        if self._heads is None:
            self._heads = []
            for m in _OLD_COLUMN_HEAD.finditer(text):
                hs = text.rfind("\n", 0, m.start()) + 1
                he = text.find("\n", m.end())
                if text.find("\t", hs, len(text) if he == -1 else he) != -1:
                    self._heads.append((hs, text.count("\t", hs, m.start()), "".join(m.group().split())))
            if "現" in text and "案" in text:
                for m in _CURRENT_HEAD.finditer(text):
                    hs = text.rfind("\n", 0, m.start()) + 1
                    he = text.find("\n", m.end())
                    if _DRAFT_CELL.search(text[hs : len(text) if he == -1 else he]) is not None:
                        self._heads.append((hs, text.count("\t", hs, m.start()), "".join(m.group().split())))
            for m in _HISTORY_TITLE.finditer(text):  # (over every column: -1)
                self._heads.append((m.start(), -1, "".join(m.group("title").split())))
            self._heads.sort()
        if not self._heads:
            return None
        k = bisect.bisect_left(self._heads, (ls, -1, "")) - 1
        if k < 0:
            return None
        head_line = self._heads[k][0]
        # the rows between: each a row of cells, at most HEAD_ROWS of them
        row = ls
        for _ in range(HEAD_ROWS):
            if row <= head_line:
                break
            prev = text.rfind("\n", 0, row - 1) + 1
            if prev <= head_line:  # (the header's own line: a title has no cells)
                break
            if text.find("\t", prev, row - 1) == -1:
                return None
            row = prev
        else:
            return None
        col = text.count("\t", ls, pos)
        while k >= 0 and self._heads[k][0] == head_line:
            if self._heads[k][1] in (col, -1):
                return self._heads[k][2]
            k -= 1
        return None

    def _near(self, lo: int, hi: int) -> bool:
        k = bisect.bisect_left(self._starts, lo)
        return k < len(self._starts) and self._starts[k] < hi

    def of(self, c_start: int, law: _Law) -> str | None:
        """The word that marks the table (or title) at ``c_start`` as the old text's, or None."""
        if not law.other:
            # every mark :meth:`_of` reads for the act's table starts within the reach before the table or before its
            # law's name, or between the name and the table: with none there (most citations), one bisection answers
            lo, hi = c_start - _MARK_REACH, c_start
            if law.span is not None:
                lo, hi = min(lo, law.span[0] - _OLD_REACH_LONG), max(hi, law.span[0])
            k = bisect.bisect_left(self._starts, lo)
            if k == len(self._starts) or self._starts[k] >= hi:
                return None
        return self._of(c_start, law)

    def _of(self, c_start: int, law: _Law) -> str | None:
        """:meth:`of`, each place looked at in turn."""
        text = self._text
        if law.other:  # 「旧番号法第19条第7号及び別表第二」: the act, named as the old one
            if law.span is not None and self._near(law.span[0], law.span[1]):
                m = self._name.fullmatch(text, law.span[0], law.span[1])
                if m is not None:
                    return "".join(m.group("mark").split())
            return None
        at = [c_start]
        if law.span is not None:
            at.append(law.span[0])
        elif self._near(max(0, c_start - _PROVISIONS_REACH), c_start):
            # no law written: the mark may stand before the provisions joined to the table (「旧法第19条…及び別表第二」)
            first = provisions_before(text, c_start)
            if first < c_start:
                at.append(first)
        for pos in at:
            for reach in (_OLD_REACH, _OLD_REACH_LONG):
                lo = max(0, pos - reach)
                if self._near(lo, pos):
                    m = self._before.search(text, lo, pos)
                    if m is not None and not self._cell_of_row_above(m.start(), pos):
                        # (a label's quote or closing mark is not shown: 「変更前：」, 「【変更前】」)
                        return "".join(text[m.start() : pos].split()).translate(_NO_LABEL_BRACKETS).rstrip(_LABEL_MARKS)
        if law.span is not None and law.via == "adjacent" and self._near(law.span[1], c_start):
            m = _OLD_IN_BRACKET.search(text, law.span[1], c_start)
            if m is not None:
                return m.group("mark")
        lo = max(0, c_start - _OLD_PERIOD_REACH)
        if self._near(lo, c_start):  # the time of the old numbering, earlier in its sentence
            lo = max(lo, text.rfind("。", lo, c_start) + 1)
            for blank in _BLANK.finditer(text, lo, c_start):
                lo = blank.end()
            m = _OLD_PERIOD.search(text, lo, c_start)
            if m is not None:
                return "".join(m.group().split())
        return None


def _law_of(binding: Binding, c_start: int, assume_law: bool) -> _Law:
    """The binding of one table, as the citation records it (the rule itself is in laws.py)."""
    if binding.via == "joined":  # 「番号法別表第一の16の項及び別表第二の27の項」: the law of the table before
        prior = binding.inherited
        assert isinstance(prior, _Law)
        basis = LawBasis.COORDINATED if prior.basis not in (None, LawBasis.ASSUMED) else prior.basis
        return _Law(prior.text, basis, c_start, prior.other, span=prior.span, via="joined", other_name=prior.other_name)
    e = binding.expr
    if e is None:  # nothing stands before the table in its sentence: the caller's assumption, or unknown
        return _Law(None, LawBasis.ASSUMED if assume_law else None, c_start)
    span = (e.start, e.end)
    adjacent = binding.via == "adjacent"
    start, end = (e.start, binding.written_end) if adjacent else (c_start, -1)
    if e.kind is LawKind.OTHER:
        return _Law(None, None, c_start, other=True, span=span, via=binding.via, other_name=e.name)
    if e.kind is LawKind.ACT:
        act_basis: LawBasis | None = e.basis
        if not adjacent:
            act_basis = LawBasis.SENTENCE if binding.via == "sentence" else LawBasis.COORDINATED
        return _Law(e.name, act_basis, start, end=end, span=span, via=binding.via)
    # 法 or a term the text does not tie to a law, or 同法 carried from one: assumed, or unknown
    if e.name in SAME_LAW_NAMES and e.basis is None:  # 同法 with nothing named before it
        return _Law(e.name, None, start, end=end, span=span, via=binding.via)
    if binding.via == "broken":  # 「住民基本台帳\n法別表第一」: a name broken before its end, never assumed the act
        return _Law(None, None, c_start, span=span, via=binding.via)
    return _Law(e.name, LawBasis.ASSUMED if assume_law else None, start, end=end, span=span, via=binding.via)


_WRITTEN_BASES = frozenset({LawBasis.NAMED, LawBasis.FULL_NAME, LawBasis.DEFINED, LawBasis.SAME_LAW})


def _whole_after_named(out: Sequence[Citation | Finding], rel: Any) -> bool:
    """An old table cited whole, joined right after an old table cited whole with the act's name written before it
    (「番号法別表第一及び別表第二のとおり」): the name is written before the list, so the table is bound as firmly as
    the first (a rewrite never writes an old table with the act's name, so a second run reads it alike)."""
    if rel.rows or rel.table not in OLD_TABLES or not out:
        return False
    prev = out[-1]
    return (
        isinstance(prev, Citation) and prev.table in OLD_TABLES and not prev.rows and prev.law_basis in _WRITTEN_BASES
        and prev.law_span is not None and prev.start <= prev.law_span[0]
    )


def _noted_law(e: LawExpr, c_start: int) -> _Law:
    """The law named in a bracket right after a table no law before it establishes."""
    span = (e.start, e.end)
    if e.kind is LawKind.ACT:
        return _Law(e.name, LawBasis.COORDINATED, c_start, span=span, via="note")
    return _Law(None, None, c_start, other=True, span=span, via="note", other_name=e.name)


def _table_opening_text(text: str, e: LawExpr | None) -> str:
    """Another law's table as a bracket opened by it names it (「住民基本台帳法別表第二」), for a message."""
    assert e is not None
    m = _OTHER_TABLE_NAME.match(text, e.end)
    return "".join(text[e.start : m.end() if m is not None else e.end].split())


def _finding(c: Citation, reason: str, **kw: object) -> Finding:
    return Finding(c.start, c.end, c.text, reason, F.message(reason, **kw), citation=c)


def _words(*words: str) -> str:
    return "|".join(_S.join(re.escape(ch) for ch in w) for w in words)


# The longest run of text a citation could span from its anchor: characters of citations and the
# few words the grammar has (及び, から, に基づく, the old orders' titles …).  The parse stops at
# its end, so that the same citation followed by different prose is the same cache key.
# (The characters come first, in runs, and 項 alone last: no word or bracket begins with any of them but 項 (「項番」), so
# each position is read by the alternative the order words, brackets, characters gives it, one run at a time rather than
# one character per turn of the loop; a property checks the two orders alike)
_RUN_CHARS = (
    rf"\s{INVISIBLE}"  # and invisible format characters (and 「．」, which ends a list's item number: 「別表第２\n２．」, and 覧: 「別表第二一覧」)
    r"0-9０-９〇一二三四五六七八九十百千第条号の表別同、，,・･欄上中下左右と〜～~．.覧"
)
_CITATION_RUN = compile_on_use(
    rf"(?:[{_RUN_CHARS}]+|"
    + _words(
        "主務省令で定める事務及び情報を定める命令",
        "主務省令で定める事務を定める命令",
        "主務省令",
        "に基づく",
        "若しくは",
        "並びに",
        "及び",
        "又は",
        "から",
        "まで",
        "項番",
        "うち",
    )
    + r"|[（(][\s]*第[^（）()]{1,18}?関[\s]*係[\s]*[）)]"  # 別表第一（第九条関係）
    + r"|[（(][\s]*平[\s]*成[^（）()]{1,40}?号(?:[\s]*[。、，,][\s]*以[\s]*下[^（）()]{1,60}?)?[\s]*[）)]"  # …命令（平成26年…第7号）
    + r"|項)*"
)


def _parse_candidate(
    text: str, cand: Candidate, until: int | None = None, articles: bool = True
) -> tuple[Parsed, Citation, int] | None:
    """Parse at a candidate: (parse, citation at offset 0 of its chunk, the chunk's offset).

    Spaced-out text is parsed through a compact view; its citation comes back already placed
    (offset 0).  A list after an order's title (``order_refs``, ``article_refs``) ends before
    ``until`` (where the next citation found starts); an unbracketed one also before a blank line."""
    kind = cand.kind
    if kind == "anchored":
        if text[cand.anchor + 1 : cand.anchor + 2] not in _SPACES or not is_spaced_out(text, cand.anchor):
            return _parse_anchored(text, cand, articles)
        view = make_view(text, cand.start, passage_end(text, cand.start, 600))  # ends at a blank line, as the text
        parsed = parse_at(view.text, cand.kind)
        if parsed is None:
            return None
        c = to_citation(parsed, view.text, cand.start, view.position)
        return parsed, attrs.evolve(c, text=text[c.start : c.end]), 0
    if cand.kind == "bare_rows":  # the list ends at the 「項）」 the scanner found
        found = parse_relative(text[cand.start : cand.anchor + 2], cand.kind)
        return None if found is None else (found[0], found[1], cand.start)
    if cand.kind == "colon_rows":  # 「項：１、２、３」: the parse ends the list, within its line
        line_end = text.find("\n", cand.start)
        chunk = text[cand.start : line_end if line_end != -1 else cand.start + 2000][:2000]
        found = parse_relative(chunk, cand.kind)
        return None if found is None else (found[0], found[1], cand.start)
    if cand.kind == "article_refs":  # 第２条第７号… after a title: the parse ends the list
        end = min(cand.start + 400, len(text) if until is None else until)
        found = parse_relative(text[cand.start : passage_end(text, cand.start, end - cand.start)], cand.kind)
        return None if found is None else (found[0], found[1], cand.start)
    if cand.kind == "order_refs":  # the list ends at the next closing parenthesis
        close = min((i for i in (text.find("）", cand.start), text.find(")", cand.start)) if i != -1), default=-1)
        chunk = text[cand.start : close + 1] if close != -1 else text[cand.start : cand.start + 6000]
        if until is not None:
            chunk = chunk[: max(0, until - cand.start)]
        found = parse_relative(chunk, cand.kind)
        return None if found is None else (found[0], found[1], cand.start)
    return _parse_anchored(text, cand, articles)


_SPACES = (" ", "\u3000")


class _Malformed(Exception):  # noqa: N818 - a signal from _parse_anchored to _find, never raised further
    """A table citation the grammar reads whose numbers are not numerals (「別表第一の一〇の項」)."""

    def __init__(self, start: int, end: int) -> None:
        super().__init__(start, end)
        self.start, self.end = start, end


_ARTICLE_AFTER = compile_on_use(r"[ \t\u3000]*条")  # (right after a table's ordinal: the ordinal is an article's)
_SAME_BEFORE = compile_on_use(r"同[ \t\u3000]*\Z")  # (right before a table's name: 「同別表第二」)
# an order's or another instrument's word right after a table's name, or after の or 関係 (「別表第二省令第20条」, 「別表第二の
# 省令」, 「別表第二関係主務省令」, 「別表第二規則」, 「別表第二規程」, 「別表第二関係通知」), or 表 with nothing between
# (「別表第二表」): the name is that order's (the old one's short name) or instrument's, not the table's (「…の主務省令」
# the grammar reads; renamed, it read 「…第2条の表規則」, 「…第2条の表表」); or an article right after a table's name
# (「別表第一第19条第7号」: a table has no articles; renamed, it read 「別表第19条第8号」)
_ORDER_AFTER = compile_on_use(
    r"[ \t\u3000]*(?:の[ \t\u3000]*|関[ \t\u3000]*係[ \t\u3000]*(?:の[ \t\u3000]*)?)?"
    r"(?:(?:主[ \t\u3000]*務[ \t\u3000]*)?(?:省[ \t\u3000]*令|命[ \t\u3000]*令|府[ \t\u3000]*令)"
    r"|規[ \t\u3000]*[則程]|細[ \t\u3000]*則|内[ \t\u3000]*規|通[ \t\u3000]*[知達]|告[ \t\u3000]*示|訓[ \t\u3000]*令"
    r"|要[ \t\u3000]*[綱領項]|様[ \t\u3000]*式"
    r"|事[ \t\u3000]*務[ \t\u3000]*連[ \t\u3000]*絡)"
    r"|表(?!示)"
    r"|第[ \t\u3000]*[0-9０-９〇一二三四五六七八九十百千]+[ \t\u3000]*条"
)
# 第 and a number right after a 別表 the grammar read with no ordinal: an ordinal it could not read (「別表第二十」,
# 「別表第二\n二　…」, a number going on past a line break, the formal numerals 壱・弐 and Roman ones, 「別表第Ⅱ」; past a page
# break, 「別表\n－ 3 －\n第一の16の項」: the rest of the name on the next page), not a
# row (「第16項」 is read) nor an item (「別表第2号」), a column (「第3欄」) or an article (「別表\n第19条」), never across a blank line (「別表第二十\n\nⅠ
# 基本情報」 is reported as 「別表第二十」), or 第 with no number after it on its line or at the start of the next (「別表第\n\n」,
# a cut text; 「別表第\n－ 3 －\n二の27の項」, a page's footer inside the name; 「別表第の27の項」); and
# on its line, a number with no 第 that no row's 項 follows and no word goes on from (「番号法別表２に基づく」, 「別表二
# 27の項」; not 「別表一覧」)
_ORDINAL_FIGURES = "0-9０-９〇一二三四五六七八九十百千壱弐貳参參拾Ⅰ-Ⅻ"
_UNREAD_ORDINAL = compile_on_use(
    rf"[ \t\u3000{INVISIBLE}]*(?:{PAGE_BREAK}[ \t\u3000{INVISIBLE}]*|\r?\n[ \t\u3000{INVISIBLE}]*)?第[ \t\u3000{INVISIBLE}]*(?:\r?\n[ \t\u3000{INVISIBLE}]*)?"
    rf"[{_ORDINAL_FIGURES}]++(?:\r?\n[{_ORDINAL_FIGURES}]++)*+(?![\s]*[号欄条])"
    rf"|[ \t\u3000{INVISIBLE}]*第(?![ \t\u3000{INVISIBLE}]*(?:\r?\n[ \t\u3000{INVISIBLE}]*)?[{_ORDINAL_FIGURES}])"
    rf"|[ \u3000{INVISIBLE}]*[{_ORDINAL_FIGURES}]+(?![\s]*[号欄])(?!(?!第)[{_ORDINAL_FIGURES}\u3005\u4e00-\u9fff])"
)
# and, on its line, an ordinal set off from 別表 by an opening bracket, a dot, a dash, a colon, No. or の (「別表(第二)の27の項」,
# 「別表（２）」, 「別表・第二」, 「別表－２」, 「別表No.2」, 「別表の第二」; by 、 only with its 第: 「別表、第二の27の項」) that is not a row
# (「別表の24の項」, 「別表（第二十四の項）」), an article (「別表（第19条関係）」), an item, a column, a word (「別表（2024年）」,
# 「別表の一部」, 「別表の二つ」; 第 may follow: 「別表・第二第27項」) or a date or page (「別表（2024.5.27）」, 「別表（1/3）」)
_SET_OFF = rf"[ \t\u3000{INVISIBLE}]*"
_UNREAD_SET_OFF_ORDINAL = compile_on_use(
    rf"{_SET_OFF}(?:(?:[(（【［\[〔「『〈《＜<・･:：\-－‐‑–—―ー/／]|の|[NnＮｎ][OoＯｏ][.．]?|№){_SET_OFF}(?:第{_SET_OFF})?"
    rf"|[、，,]{_SET_OFF}第{_SET_OFF})"
    rf"[{_ORDINAL_FIGURES}]+(?![{_ORDINAL_FIGURES}])(?![ \t\u3000]*(?:の[ \t\u3000]*)?項(?!番))(?![ \t\u3000]*[号欄条])"
    r"(?!(?!第)[\u3005\u4e00-\u9fffつ])(?![.．/／\-－:：][0-9０-９])"
)


# text laid out in columns (pdftotext -layout): a run of two or more spaces before a column's text on its line, and the
# end of a line after a table's name
_COLUMN_GAP = compile_on_use(r"  +(?=[^ \r\n])")
_AT_LINE_END = compile_on_use(r"[ \t\u3000]*\r?\n")
_ORDINAL_AT = compile_on_use(rf"第[ \u3000]*[{_ORDINAL_FIGURES}]++(?![\s]*[号欄条])")


def _ordinal_in_column_below(text: str, end: int) -> int | None:
    """Where an ordinal ends that goes on from a table's name ending its line at ``end`` in the same column of the next
    line, in text laid out in columns (「…及び同法別表\n報連携　…　第二に基づき」: the column to the left wrapped its own
    text into the line between), or None.  The name's column starts after a run of two or more spaces on its line, and
    the ordinal stands there on the next line, after such a run too."""
    brk = _AT_LINE_END.match(text, end)
    if brk is None:
        return None
    line_start = text.rfind("\n", 0, end) + 1
    if text.find("  ", line_start, end) == -1:
        return None  # (no run of spaces on its line: most text is not laid out in columns)
    column = None
    for gap in _COLUMN_GAP.finditer(text, line_start, end):
        column = gap.end() - line_start
    if column is None:
        return None
    at = brk.end() + column
    if text.count("\n", brk.end(), at) or not text.startswith("  ", at - 2):
        return None
    found = _ORDINAL_AT.match(text, at)
    return found.end() if found is not None else None


def _parse_anchored(text: str, cand: Candidate, articles: bool = True) -> tuple[Parsed, Citation, int] | None:
    """Parse at a table's or title's candidate: the longest citation, cut where no citation can go on.  ``articles``:
    a table's ordinal right before 条 is reported as an article's (:class:`_Malformed`), not read as the table's."""
    if cand.start < cand.anchor and _BLANK.search(text, cand.start, cand.anchor):
        cand = Candidate(cand.anchor, cand.anchor, cand.kind)  # a provision in the passage before: not joined
    limit = 300
    while True:
        # the citation ends at the first character no citation can hold (so that the same citation
        # followed by other prose is the same cache key), and never runs on past a blank line
        hi = min(len(text), cand.start + limit)
        run = _CITATION_RUN.match(text, cand.anchor, hi)
        run_end = run.end() if run else hi
        blank = _BLANK.search(text, cand.anchor, run_end) if run_end - cand.anchor > 1 else None
        if blank is not None:
            run_end = blank.start()
        chunk = text[cand.start : run_end]
        found = parse_relative(chunk, cand.kind)
        if found is None:
            bad = malformed_end(chunk, cand.kind)
            if bad is not None and cand.start + bad > cand.anchor:
                raise _Malformed(cand.start, cand.start + bad)
            return None
        final = blank is not None or run_end < hi or hi == len(text) or limit > 50_000
        if final or found[0].end < len(chunk) - 40:
            c = found[1]
            table_cited = articles and c.kind is CitationKind.TABLE
            if (
                table_cited and not c.rows and c.column is None
                and (c.table in OLD_TABLES or any(t in OLD_TABLES for t in c.tables))
            ):
                if _ARTICLE_AFTER.match(text, cand.start + c.end):
                    # 「別表第2条」, 「別表第一、第2条」: the ordinal is an article's number, not a table's (renamed, it
                    # would leave 「…第2条の表条」): reported where the act's table is cited, left as written
                    raise _Malformed(cand.start + c.start, cand.start + c.end)
                order_word = _ORDER_AFTER.match(text, cand.start + c.end)
                if order_word is not None:
                    # 「番号法別表第二省令第20条」: renamed, it read 「…第2条の表省令第20条」 (an old article under a new
                    # name): reported where the act's table is cited, left as written
                    raise _Malformed(cand.start + c.start, order_word.end())
            same = (
                _SAME_BEFORE.search(text, max(0, cand.start - 4), cand.start)
                if table_cited and c.table in OLD_TABLES and cand.start else None
            )
            if same is not None:
                # 「同別表第二」: 同 names the law cited before (as 同法 does) with no law's name to insert after it
                # (renamed, it read 「同番号法第19条…」): reported, with its 同, where the act's table is cited (joined to
                # one), left as written
                raise _Malformed(same.start(), cand.start + c.end)
            p = found[0]
            if (
                table_cited and c.table is Table.BEPPYO and c.column is None
                and p.table_span is not None
                # (right after 別表, 第N is a row only as 「第16項」: 「別表第24の項」, 「別表第10の1の項」 are not read so)
                and (not c.rows or (not p.link and p.items[0].kind == "dai_first"))
            ):
                unread = _UNREAD_ORDINAL.match(text, cand.start + p.table_span[1])
                if unread is None and not c.rows:
                    unread = _UNREAD_SET_OFF_ORDINAL.match(text, cand.start + p.table_span[1])
                unread_end = unread.end() if unread is not None else None
                if unread_end is None and not c.rows:
                    unread_end = _ordinal_in_column_below(text, cand.start + p.table_span[1])
                if unread_end is not None:
                    # 「番号法別表第二\n二　地方税法」: read as 「番号法別表」 (the new table, left silently); which table is
                    # meant is not established: reported where the act's table is cited, left as written
                    raise _Malformed(cand.start + c.start, unread_end)
            if table_cited and c.table in OLD_TABLES and c.column is None and not c.rows:
                ordinal = next((q for q in c.parts if q.role == "ord"), None)
                if (
                    ordinal is not None and _starts_a_line(text, cand.start + c.start, cand.start + ordinal.start,
                                                          cand.start + ordinal.end)
                    and _HEADING_MARK_AFTER.match(text, cand.start + c.end) is not None
                ):
                    # 「番号法別表第\n１．児手法関係」, 「番号法別表\n第二　熊谷市…条例第4条」: the ordinal read across a line
                    # break starts a line as a numbered heading does (its 「．」 or a space, then words): the heading's number
                    # or the table's ordinal — which, is not established (renamed, the heading lost its number and the
                    # tables under it the heading's law): reported, left as written
                    raise _Malformed(cand.start + c.start, cand.start + c.end)
            if (
                table_cited and c.table is Table.BEPPYO and c.column is None and len(c.rows) > 1
                and p.items[0].kind in ("dai", "dai_first") and _mixes_kanji_and_figures(p.items)
            ):
                # 「番号法別表の第二・27の項」: 別表第二 with a stray の and its row 27, or rows 2 and 27 of the new 別表 — a list
                # of one table's rows is written in one kind of numeral; which is meant is not established: reported
                # where the act's table is cited, left as written
                raise _Malformed(cand.start + c.start, cand.start + c.end)
            return found[0], found[1], cand.start
        limit *= 4


def _starts_a_line(text: str, lo: int, start: int, end: int) -> bool:
    """Whether the ordinal ``text[start:end]`` of a name from ``lo`` is read across a line break inside it (「別表第\n二」)
    or right before it (「別表\n第二」): what stands on its line before it is blank."""
    brk = text.rfind("\n", lo, end)
    return brk != -1 and (brk >= start or not text[brk + 1 : start].strip())


# what follows a numbered heading's number on its line: 「．」 or a space, then words (not a particle going on from a table
# name: 「別表第\n二　に基づき」)
_HEADING_MARK_AFTER = compile_on_use(r"(?:[．.]|[ \t\u3000]+)(?=[^\s、。，,．.のにをがはでと及並又（(])")


def _mixes_kanji_and_figures(items: Sequence[RowItem]) -> bool:
    """Whether a list's first row is written in kanji and a later one in figures (「第二・27の項」)."""
    styles = [detect_style(t.text) for item in items for t in item.numbers]
    return styles[0] is NumeralStyle.KANJI and any(s is not NumeralStyle.KANJI for s in styles[1:])


def read_table_citation(text: str, before: int) -> Citation | None:
    """The citation the finder reads at the last table anchor (別表, 同表, …の表) before ``before``
    in ``text``, as the grammar reads it there (its law not bound), or None.

    The rewriter reads its own new text back with it (:func:`mynumber_refs.rewriter.plan_citation`)."""
    last = None
    for cand in anchors(text):
        if cand.anchor >= before:
            break
        last = cand
    if last is None:
        return None
    try:
        result = _parse_candidate(text, last, articles=False)  # (how the grammar reads it, 「別表\n第2条」 as 別表第二 too)
    except Exception:  # noqa: BLE001 - as in find_citations: a text that does not parse reads as nothing
        return None
    if result is None:
        return None
    _parsed, rel, offset = result
    return place(rel, offset, text)


def find_citations(
    text: str, *, assume_law: bool = False, extra_aliases: Sequence[str] = ()
) -> list[Citation | Finding]:
    """Every citation of the act's tables (and orders) in ``text``, in text order.

    Citations whose law, table or row cannot be established come back as ``Finding`` objects
    with their span and reason.  Never raises on any ``str``.  ``extra_aliases`` are further
    names of the act (the rewriter passes the known typo 「番号利用表」 when asked to fix typos).
    """
    extra_aliases = find_args(text, assume_law, extra_aliases)
    if not isinstance(text, str):
        raise TypeError("text must be str")
    with collector_paused():
        return _find(text, assume_law, extra_aliases)


def find_with_others(
    text: str, *, assume_law: bool = False, extra_aliases: Sequence[str] = ()
) -> tuple[list[Citation | Finding], list[tuple[int, int]]]:
    """:func:`find_citations`, and the spans of what was read as another law's or instrument's and
    left silently (「住民基本台帳法（27、28の項）」's list, 「住民基本台帳法別表第二」): the rewriter's
    whole-edit check counts their numbers as read."""
    extra_aliases = find_args(text, assume_law, extra_aliases)
    others: list[tuple[int, int]] = []
    with collector_paused():
        return _find(text, assume_law, extra_aliases, others), others


def _find(
    text: str, assume_law: bool, extra_aliases: Sequence[str], others: list[tuple[int, int]] | None = None
) -> list[Citation | Finding]:
    # (two steps, so that what the reading held, per citation too, is let go before the antecedents are resolved)
    items, kept = _read(text, assume_law, extra_aliases, others)
    return _resolve_antecedents(text, items, kept, others)


def _read(
    text: str, assume_law: bool, extra_aliases: Sequence[str], others: list[tuple[int, int]] | None
) -> tuple[list[Citation | Finding], list[_Kept]]:
    """The citations and findings of ``text`` in text order, antecedents not yet resolved, and
    the tables and titles kept as written (see :func:`_resolve_antecedents`)."""
    laws = LawIndex(text, tuple(ALIASES) + tuple(extra_aliases))
    passages = Passages(text)
    out: list[Citation | Finding] = []
    # tables and titles read but not the act's to rewrite (another law's, the text's own 別表, one whose
    # note names another article, one marked as the old text …): a list after one is its list, not
    # the list of an act's table cited earlier.  With the finding that reports it, or None (silent)
    kept: list[_Kept] = []

    def keep(
        start: int, end: int, finding: Finding | None = None, *, orders: bool = False, rows: bool = False, rows_pass: bool = False
    ) -> None:
        kept.append(_Kept(start, end, passages.start(start), finding, orders, rows, rows_pass))
        if finding is not None:
            out.append(finding)
    taken_until = -1
    unnamed_run: list[int] = []  # the tables just read, joined one to the next, that no law before them names
    dropped: set[int] = set()
    # the row-less tables in out whose law is only named earlier in the sentence, or assumed, or not established (only the
    # last _LAWS_KEPT: the tables sharing a predicate stand just before it, and a dense text has thousands)
    loose_at: dict[int, None] = {}
    # where the tables cited before end, as far as a bracket closed since has not dropped them: a law
    # named before one went with it (「番号法、（…別表第二主務省令第２条）別表第二」: the title in the
    # closed bracket does not cut 別表第二 off from 番号法)
    ends = _OpenEnds(text)
    last_end = 0  # where the last anchored citation ends, and its law (the act's or not): a table
    last_law: _Law | None = None  # joined to it (「…の項及び別表第二」) shares it

    # …and of the last anchored citations, by where they end: a table joined to one with a note in brackets after it
    # (「住民基本台帳法別表第一の1の項（番号法別表第二の27の項）及び別表第二」) is joined to it, not to the note's table.
    # (Only the last _LAWS_KEPT: a dense text has thousands, and the ones asked for stand just before)
    law_by_end: dict[int, _Law] = {}

    def remember(end: int, law: _Law | None) -> None:
        if law is not None:
            law_by_end[end] = law
            if len(law_by_end) > _LAWS_KEPT:
                del law_by_end[next(iter(law_by_end))]

    def joined(end: int) -> _Law | None:
        return last_law if end == last_end else law_by_end.get(end)

    last_was_table = False  # the last anchored citation is a table's (a note after an order's title is its own)

    def note_of(end: int) -> _Law | None:
        return last_law if end == last_end and last_was_table else None

    # anchored candidates (tables and order titles); a term being defined (「以下「別表第一」という」)
    # names nothing yet
    in_terms: _Spans | None = None  # found at the first candidate: a text without one never needs them
    rereads: _Spans | None = None  # the quoted words of 読み替え clauses: the old one is reported, never renamed
    old_marks: _OldMarks | None = None
    tabbed = "\t" in text  # (rows of cells: once per text)
    note_until, note_words = -1, ""  # where the words of the last note of a change end, and the words
    old_until = -1  # where the last old table kept as the old text (a note's, or marked) ends
    # the old tables just read, each joined to the next by 及び, 並びに, 「、」 … only (out index, citation as a note
    # keeps it, end): a change word after the last governs them all (「番号法別表第一の16の項及び別表第二の27の項の改正」)
    listed: list[tuple[int, Citation, int, int]] = []  # (…, the parsed citation and its offset, as a note places it)
    marked: tuple[int, str] = (-1, "")  # (the end of the last old table a mark kept, the mark)
    own: dict[Table, str] | None = None  # the text's own tables by the old tables' names (own_tables), found on first use
    resort_kept = False
    for cand in anchors(text):
        if in_terms is None:
            terms = [d.term_span for d in laws.definitions()] if may_define(text) else []
            if "とは" in text or "をい" in text:  # (and the term of every definition: 「「法別表第二」とは、番号法別表第二をいう」)
                terms = sorted({*terms, *definition_term_spans(text)})
            in_terms = _Spans(terms)
            if "とあるのは" in text or "読み替" in text or "読替" in text:  # (and the quoted words of a 読み替え clause)
                rereads = _Spans(reread_term_spans(text))
            marks = _OldMarks(text, extra_aliases)
            old_marks = marks if marks.any or marks.history or marks.history_lines else None
        if cand.start < taken_until or cand.anchor in in_terms:
            continue
        try:
            result = _parse_candidate(text, cand)
        except _Malformed as bad:  # reported where the act's table is cited; left as written
            law = _law_of(laws.bind(bad.start, joined=joined, after=functools.partial(ends.last, bad.start)), bad.start, assume_law)
            last_end, last_law, last_was_table = bad.end, law, True
            remember(last_end, last_law)
            ends.push(bad.end)
            unnamed_run = []  # (a run of tables joined with no law is broken by it, as by a table named)
            if not law.other and law.basis is not None:
                keep(bad.start, bad.end, Finding(bad.start, bad.end, text[bad.start : bad.end], F.MALFORMED, F.message(F.MALFORMED)))
                taken_until = bad.end
            elif law.basis is None and "".join((law.text or "").split()) in SAME_LAW_NAMES:
                # 「同法別表第二十の項」 with no law named before: reported as a readable form after it is (perhaps the act's)
                start = min(law.start, bad.start)
                keep(start, bad.end, Finding(start, bad.end, text[start : bad.end], F.SAME_LAW_UNRESOLVED,
                                             F.message(F.SAME_LAW_UNRESOLVED)))
                taken_until = bad.end
            else:
                keep(bad.start, bad.end)
            continue
        except Exception:  # noqa: BLE001 - a candidate must never break the whole text
            result = None
        if result is None:
            continue
        parsed, rel, offset = result
        c_start, c_end = rel.start + offset, rel.end + offset
        if c_end <= cand.anchor:
            continue
        if rel.table is Table.BEPPYO and not rel.rows and _match_in_passage(_NUMBERED_ITEM, text, c_end, passages):
            keep(c_start, c_end)
            continue  # 「別表第2号」: an item numbered in a list of tables, not a table of the act
        renamed_order = (
            _match_in_passage(_ORDER_WORD, text, c_end, passages) if rel.table is Table.BEPPYO and not rel.rows else None
        )
        if renamed_order is not None:
            # 「別表主務省令」, 「別表の主務省令で定める事務を定める命令」: the 別表第一 order as renamed in
            # 2024, not the table.  Its law goes with it, as with the order's old title: a table after it
            # looks no further back than its end
            law = _law_of(laws.bind(c_start, joined=joined, after=functools.partial(ends.last, c_start)), c_start, assume_law)
            last_end, last_law, last_was_table = renamed_order.end(), law, False
            remember(last_end, last_law)
            ends.push(last_end)
            if law.via != "joined":  # (a run of tables joined with no law is broken by it unless it is joined to the run)
                unnamed_run = []
            taken_until = renamed_order.end()
            keep(c_start, c_end, orders=True, rows_pass=True)
            continue
        binding = laws.bind(c_start, joined=joined, after=functools.partial(ends.last, c_start), noted=note_of)
        law = _law_of(binding, c_start, assume_law)
        if (binding.via == "after" or binding.after_table) and law.basis is LawBasis.ASSUMED:
            # nothing named between it (or its undefined 法) and the table cited before it in its sentence: when that
            # table is another law's (「番号法施行令別表第二の3の項に規定する事務であって、別表第二の27の項」, 「住基法別表
            # 第一の1の項及び法別表第二」), that law is named earlier in the sentence, and the assumption does not override it
            prev = law_by_end.get(ends.last(c_start))
            if prev is not None and prev.other and prev.via != "pointer" and (prev.other_name or "?")[-1] in _LAW_NAME_LAST:
                law = _Law(None, None, c_start, other=True, span=prev.span, via="sentence", other_name=prev.other_name)
        if law.basis is LawBasis.ASSUMED and law.via == "none" and text.rfind("\n", max(0, c_start - 600), c_start) != -1:
            heading = laws.law_of_heading(c_start)
            if heading is not None and heading.kind is LawKind.OTHER:
                # 「（１）住民基本台帳法\n・別表第一の16の項」: the section's law, which the assumption does not override
                law = _Law(None, None, c_start, other=True, span=(heading.start, heading.end), via="heading",
                           other_name=heading.name)
        if law.basis is LawBasis.ASSUMED and law.via == "none" and not law.other:
            column_law = laws.law_of_column_head(c_start)
            if column_law is not None:
                # 「区分\t住基法\t番号法\n個人番号の利用\t別表第一の1の項」: the column's law, which the assumption does not override
                law = _Law(None, None, c_start, other=True, span=(column_law.start, column_law.end), via="column",
                           other_name=column_law.name)
        if (
            (law.basis is LawBasis.ASSUMED or law.via == "joined") and not law.other
            and parsed.table_span is not None and in_terms
        ):
            term = "".join(text[offset + parsed.table_span[0] : offset + parsed.table_span[1]].split())
            owner = laws.table_term_law(term, c_start)
            if owner is not None:
                # 「住民基本台帳法別表第一（以下「別表第一」という。）…別表第一の1の項」: the term the document defined as
                # another law's table, which the assumption does not override; nor does the law of a table it is
                # joined to (「…別表第二の27の項及び別表第一の1の項」), which is the act's named or only assumed (and
                # named by the rewrite: the second run would read the term otherwise)
                law = _Law(None, None, c_start, other=True, span=(owner.start, owner.end), via="term",
                           other_name=owner.name)
        if (
            (law.basis is LawBasis.ASSUMED or law.via == "joined") and not law.other
            and not parsed.relation and not parsed.same_table and rel.table
        ):
            if own is None:
                own = own_tables(text)
            if rel.table in own:
                # 「別表第２（第３条関係）\n１　市長　別表第１の１の項に掲げる事務」: the text has a table of that name of its
                # own (its heading's relation note names an article the act's table does not belong to), which the assumption
                # does not override: whether the text's own table or the act's is meant is not established; nor does the
                # law of a table it is joined to, the act's named or only assumed and named by the rewrite (「別表第２（別表第１の
                # １の項」 would be read as the act's on a second run, fuzzer seed 30)
                law = _Law(None, None, c_start, other=True, via="own-table", other_name=own[rel.table])
        bound = law
        if parsed.same_table:  # 同表 names the table cited before it, law and all: no law of its own (not
            law = _Law(None, None, c_start)  # one named earlier in its sentence: 「…主務省令第４条：…、同表の20の項」)
        last_was_table = parsed.order_title is None
        unnamed = law.basis in (None, LawBasis.ASSUMED) and not law.other and not parsed.same_table
        joined_before = law.via == "joined"
        # (a table joined to one before it, or to the act's order named as a rewrite names it, takes its law
        # only when no bracket after it names another: 「…に基づく主務省令、別表第一（昭和42年法律第81号）」 as
        # 「番号法別表第二主務省令、別表第一（昭和42年法律第81号）」)
        noted = laws.law_noted_after(c_end) if unnamed or joined_before or law.via == "order" else None
        footnote = None
        if noted is None and (unnamed or joined_before):
            # 「別表第一の1の項（注1）…\n注1：住民基本台帳法別表第一」: the note of its footnote mark names another law
            footnote = laws.law_of_footnote(c_end)
            if footnote is not None and footnote[0].kind is LawKind.OTHER:
                noted = footnote
            else:
                footnote = None
        if noted is not None:  # 「別表第一の16の項（住民基本台帳法）」: the bracket after it names its law
            if joined_before:  # 「別表第一の16の項、別表第二の27の項（番号法）」: of the tables joined before it too
                for i in unnamed_run:
                    o = out[i]
                    if isinstance(o, Citation):
                        if noted[0].kind is LawKind.ACT:
                            out[i] = attrs.evolve(o, law=noted[0].name, law_basis=LawBasis.COORDINATED,
                                                  law_span=(noted[0].start, noted[0].end))
                        else:
                            dropped.add(i)
                            kept.append(_Kept(o.start, o.end, o.passage, None, False, bool(o.rows), False))
            law = _noted_law(noted[0], c_start)
            if footnote is not None:
                law = law._replace(via="footnote")
        if not joined_before or noted is not None:  # (a run starts at a table not joined to the one before)
            unnamed_run = []
        last_end, last_law = (c_end if noted is None else noted[1]), (bound if parsed.same_table else law)
        if noted is None and law.basis is not None and not parsed.same_table:
            # a bracket naming the act after the act's table is a note on it whether or not the table names the act
            # before it, as its rewrite does (「別表第二〔番号法〕、別表第一（住民基本台帳法）」 → 「番号法第19条第8号に
            # 基づく主務省令第2条の表〔番号法〕、…」): a table joined after the bracket is joined to this one
            act_noted = laws.law_noted_after(c_end)
            if act_noted is not None and act_noted[0].kind is LawKind.ACT:
                last_end = act_noted[1]
        if last_law is not None:  # (remember(), inline: once per citation)
            law_by_end[last_end] = last_law
            if len(law_by_end) > _LAWS_KEPT:
                del law_by_end[next(iter(law_by_end))]
        ends.push(c_end)
        is_title = parsed.order_title is not None
        old = old_marks.of(c_start, law) if old_marks is not None else None
        if (
            old is None and marked[0] >= 0 and not law.other and rel.table in OLD_TABLES and not parsed.same_table and not is_title
            and c_start - marked[0] <= _LISTED_GAP + 40
            and _LISTED.fullmatch(text, _past_marked_note(text, marked[0]), _law_start(text, law, marked[0], c_start))
        ):
            # 「改正前は、番号法別表第一の16の項、同法別表第二の27の項であった」: a table listed right after one a mark keeps
            # is the same old text's, its own law named or not (as one joined with 及び is)
            old = marked[1]
        marked_before = old is not None and not is_title and rel.table in OLD_TABLES  # (a note after a table marks it alone)
        if old is not None and old.startswith("変更後") and not is_title and rel.table not in OLD_TABLES:
            old = None  # (the label of a note's new side marks an old table of an earlier change; the new one is current)
        change: str | None = None
        past_event = False
        if rereads is not None and cand.anchor in rereads:  # 「「別表第一」とあるのは「別表」と読み替える」: a term of the clause
            if law.other or not (rel.table in OLD_TABLES or parsed.same_table):
                taken_until = c_end
                keep(c_start, c_end)
                continue
            reread = _ABOLISHED.match(text, c_end)
            change = "".join(reread.group("note").split()) if reread is not None else "読み替え"
        elif old is None and c_start < note_until and (rel.table in OLD_TABLES or parsed.same_table):
            change = note_words  # 「別表第二の26の項を別表第二の27の項に改めた」: what the note's old table was changed into
        elif old is None and rel.table in OLD_TABLES and not parsed.same_table:
            successor = _SUCCESSOR_NOTE.match(text, c_end) or _OLD_NOTE.match(text, c_end) or _STILL_OLD.match(text, c_end)
            if successor is not None:  # 「別表第一の16の項（現行：別表の24の項）」, 「…（改正前）」, 「…のまま」: the old one, on purpose
                old = "".join(successor.group("note").split())
            elif (transitional := _transitional_after(text, c_end)) is not None:
                old = transitional  # 「…27の項に基づく照会については、なお従前の例による」: the old law goes on applying
            elif (by_old := _by_old_act_after(text, c_end)) is not None:
                old = by_old  # 「…の記載は、改正前の番号法によるものである」: the sentence says it is the old act's wording
            elif (noted_successor := _successor_in_footnote(text, c_end)) is not None:
                old = noted_successor  # 「…27の項※\n※令和6年5月27日以降は…48の項」: its note gives the new one
            elif (past := _past_event(text, c_start, c_end)) is not None:
                change = past  # 「平成28年1月に…27の項に基づく情報連携を開始した」: an event under the old numbering
                past_event = True
            else:  # 「別表第二の廃止に伴う修正」, 「「別表第一」を「別表」とした」: the earlier wording in a note of a change
                changed = _ABOLISHED.match(text, c_end)
                became = _changed_into_new(text, c_end, rel.table) if changed is None else None
                if changed is not None:
                    change = "".join(changed.group("note").split())
                elif became is not None:  # (the tables up to its words are the note's too, whatever their numbering)
                    change = "".join(became.group(0).split())
                    note_until, note_words = became.end(), change
                else:
                    if old_marks is not None and old_marks.tabbed:
                        old = old_marks.column_head(c_start)  # 「改正前\t改正後\n番号法別表第一の16の項\t…」: the column of old text
                    if old is None and old_marks is not None and old_marks.history_lines:
                        old = old_marks.history_entry(c_start)  # 「改訂履歴\n令和5年4月1日 番号法別表第二の27の項…」: an entry
                    if old is None:  # 「…別表第一の16の項\t…別表の24の項」: a row of a change record, its old side
                        change = _new_beside(text, c_end, rel.table, tabbed)
                    if old is None and change is None and old_until != -1:
                        # 「番号法別表第二は主務省令に移行した。番号法別表第二の28の項に基づく提供も同様。」: a sentence right
                        # after one keeping an old table that says 「…も同様」 takes its predicate, and its table is the old text too
                        change = _likewise_after(text, old_until, c_start, c_end)
        elif old is None and parsed.same_table and listed and _LISTED.fullmatch(text, listed[-1][3], c_start):
            # 「別表第二の27の項及び同表の28の項の修正」: 同表 ending a list of old tables, before the words of a change
            changed = _ABOLISHED.match(text, c_end)
            if changed is not None:
                change = "".join(changed.group("note").split())
        if old is not None or change is not None:  # 「改正前の番号法別表第一」, 「旧別表第二」: the old numbering, on purpose
            taken_until = old_until = c_end
            if marked_before and old is not None:
                marked = (c_end, old)
            c = place(rel, offset, text, start=c_start, end=c_end, passage=passages.start(c_start))
            finding = (
                _finding(c, F.MARKED_OLD, mark=old) if old is not None
                else Finding(c.start, c.end, c.text, F.MARKED_OLD, F.MARKED_OLD_PAST.format(words=change), citation=c)
                if past_event
                else Finding(c.start, c.end, c.text, F.MARKED_OLD,
                             F.MARKED_OLD_CHANGE.format(words=(change or "").translate(_NO_QUOTES)), citation=c)
            )
            if change is not None and listed and _LISTED.fullmatch(text, listed[-1][3], _law_start(text, law, listed[-1][3], c_start)):
                # the tables listed before it are the note's too: the change word ends the whole list
                for i, was_rel, was_offset, _end in listed:
                    o = out[i]
                    if isinstance(o, Citation) and i not in dropped:
                        was = place(was_rel, was_offset, text, passage=passages.start(was_rel.start + was_offset))
                        listed_note = Finding(was.start, was.end, was.text, F.MARKED_OLD, finding.message, citation=was)
                        out[i] = listed_note
                        kept.append(_Kept(was.start, was.end, was.passage, listed_note, False, bool(was.rows), False))
                        resort_kept = True
                        if i in unnamed_run:
                            unnamed_run.remove(i)
            listed = []
            keep(c_start, c_end, finding, orders=is_title, rows=bool(rel.rows))
            continue
        bracket_after = _BRACKET_AFTER.match(text, c_end) if not law.other and rel.rows and noted is None else None
        if bracket_after is not None:
            # 「番号法別表第一の16の項（住民基本台帳法別表第二）」: a bracket right after the row naming another law's table
            # names the row's table (as 「27の項（番号法別表第二）」 does), or a table beside it: which, is not established
            # (the bracket opened by that table, its rows cited or not: 「（住民基本台帳法別表第二の1の項）」)
            row_note = laws.law_noted_after(bracket_after.end() - 1)
            # (…when the act is not named right before the row: 「番号法別表第一の16の項（住民基本台帳法別表第二の1の項）」 is the
            # act's row, the bracket's own row no name of it; the act named only before a list the row is joined to is not
            # right before it, nor the name a first run under --assume-law writes there: a second run reads the same)
            other_table = (
                laws.other_table_opening(bracket_after.end() - 1)
                if row_note is None and law.basis in (None, LawBasis.ASSUMED, LawBasis.SENTENCE, LawBasis.COORDINATED) else None
            )
            if other_table is not None or (
                row_note is not None and row_note[0].kind is LawKind.OTHER and text.find("別表", row_note[0].end, row_note[1]) != -1
            ):
                taken_until = c_end
                c = place(rel, offset, text, start=c_start, end=c_end, passage=passages.start(c_start))
                noted_table = (
                    "".join(text[row_note[0].start : row_note[1] - 1].split()) if row_note is not None
                    else _table_opening_text(text, other_table)
                )
                keep(c_start, c_end, Finding(c.start, c.end, c.text, F.LAW_OTHER, F.LAW_OTHER_ROW_NOTE.format(table=noted_table),
                                             citation=c), rows=True)
                continue
        if law.other:
            taken_until = c_end
            other = None
            if law.via == "sentence":  # another law named earlier in the sentence: say why it is left
                c = place(rel, offset, text, start=c_start, end=c_end, passage=passages.start(c_start))
                other_law = law.other_name or "?"
                if law.span is not None:  # (同法 and a defined term with the law they stand for)
                    other_law = laws.described(other_law, *law.span)
                other = _finding(c, F.LAW_OTHER, law=other_law)
            elif law.via == "heading":  # the heading of its section names another law
                c = place(rel, offset, text, start=c_start, end=c_end, passage=passages.start(c_start))
                other = Finding(c.start, c.end, c.text, F.LAW_OTHER, F.LAW_OTHER_HEADING.format(law=law.other_name or "?"),
                                citation=c)
            elif law.via == "column":  # the header of its column names another law
                c = place(rel, offset, text, start=c_start, end=c_end, passage=passages.start(c_start))
                other = Finding(c.start, c.end, c.text, F.LAW_OTHER,
                                F.LAW_OTHER_COLUMN_HEAD.format(law=law.other_name or "?"), citation=c)
            elif law.via == "document":  # 「データ標準レイアウト別表第二」: a document's name, no law's
                c = place(rel, offset, text, start=c_start, end=c_end, passage=passages.start(c_start))
                other = Finding(c.start, c.end, c.text, F.LAW_UNKNOWN,
                                F.LAW_UNKNOWN_DOCUMENT.format(word=law.other_name or "?"), citation=c)
            elif law.via == "own-table":  # 「別表第１（第３条関係）」 elsewhere in the text: a table of its own by that name
                c = place(rel, offset, text, start=c_start, end=c_end, passage=passages.start(c_start))
                other = Finding(c.start, c.end, c.text, F.LAW_UNKNOWN,
                                F.LAW_UNKNOWN_OWN_TABLE.format(heading=law.other_name or "?"), citation=c)
            elif law.via == "term":  # a term the document defined as another law's table
                c = place(rel, offset, text, start=c_start, end=c_end, passage=passages.start(c_start))
                term = "".join(text[offset + parsed.table_span[0] : offset + parsed.table_span[1]].split()) if parsed.table_span else "?"
                other = Finding(c.start, c.end, c.text, F.LAW_OTHER,
                                F.LAW_OTHER_TABLE_TERM.format(term=term, law=law.other_name or "?"), citation=c)
            elif law.via == "footnote":  # the note of its footnote mark names another law
                c = place(rel, offset, text, start=c_start, end=c_end, passage=passages.start(c_start))
                mark = "".join(text[c_end : last_end].split())
                other = Finding(c.start, c.end, c.text, F.LAW_OTHER,
                                F.LAW_OTHER_FOOTNOTE.format(law=law.other_name or "?", mark=mark), citation=c)
            elif law.via == "pointer":  # 「上記別表第一」: the act's table cited before, or the document's own
                c = place(rel, offset, text, start=c_start, end=c_end, passage=passages.start(c_start))
                other = _finding(c, F.POINTS_BACK, word=law.other_name or "?")
            elif (
                law.via == "note" and rel.rows and law.span is not None
                and (noted_name := _OTHER_TABLE_NAME.match(text, law.span[1])) is not None
                and noted_name.group("n") is not None and noted_name.group("n") not in _OLD_TABLE_NUMBERS.get(rel.table, ())
            ):
                # 「別表第一の16の項（住民基本台帳法別表第二）」: a bracket naming another law's table of another number may
                # name the row's table, or a table beside it: which, is not established (said, as after the act's named
                # table; it was left silently).  One of the row's own number names the row's table: that law's, silently
                # (「別表第一の1の項（住民基本台帳法別表第一）」)
                c = place(rel, offset, text, start=c_start, end=c_end, passage=passages.start(c_start))
                noted_table = "".join(text[law.span[0] : noted_name.end()].split())
                other = Finding(c.start, c.end, c.text, F.LAW_OTHER, F.LAW_OTHER_ROW_NOTE.format(table=noted_table), citation=c)
            elif law.via == "adjacent" and law.span is not None and laws.order_name_ends_at(law.span[1]):
                # 「…命令\n別表第二の27の項」: the orders of the act's tables have no 別表 of their own, so the table is
                # the act's listed after the order, or a slip; which is not established (and the title is renamed)
                c = place(rel, offset, text, start=c_start, end=c_end, passage=passages.start(c_start))
                other = Finding(c.start, c.end, c.text, F.LAW_UNKNOWN, F.LAW_UNKNOWN_AFTER_ORDER, citation=c)
            keep(c_start, c_end, other, orders=is_title, rows=bool(rel.rows))
            continue
        # (a table joined to the one before it takes its law from that one, which may be only assumed or named earlier in
        # the sentence, or named by the first run's rewrite: 「別表第二の27の項及び別表第2のとおり」 reads alike both times)
        loose = law.basis in (LawBasis.SENTENCE, LawBasis.ASSUMED) or (law.via == "joined" and not _whole_after_named(out, rel))
        if (
            (loose or law.basis is None) and rel.column is None and not rel.provision and not parsed.same_table
            and parsed.order_title is None
        ):
            # 「番号法の改正に伴い、評価書の記載を別表第1のとおり修正する」: 「…のとおり」 points at a document's own appendix;
            # 「番号法に基づき、別表第1に掲げる安全管理措置を講じる」: the act's tables list 事務, 者 and 情報, not what it
            # lists.  That it is the table of the act named earlier in the sentence, or only assumed, is not established
            message = F.LAW_UNKNOWN_AS_SHOWN if not rel.rows and _AS_SHOWN.match(text, c_end) else None
            # (a row cited, 「別表第一の16の項に規定する…」, or the table's own article right after the act's name before it
            # in the sentence, is the act's form of citing; a document's own appendix is cited without them.  A table joined
            # to another takes no article: the one after the name is the first table's, or its new title's)
            lists_what = (
                _LISTS_WHAT.match(text, c_end)
                if message is None and not rel.rows
                and (law.span is None or law.via == "joined" or not _OWN_ARTICLE.match(text, law.span[1]))
                else None
            )
            if lists_what is not None:
                # (the noun ends at a line's end as well: 「…に規定する事務\n市町村長」, unless PDF text broke it: 「安全管
                # \n理措置」; and where a noun of the phrase ends: 「児童手当の支給に関する事務」, 「事務の範囲」)
                noun = lists_what.group("noun")
                stops = sorted({*(m.start() for m in _NOUN_JOINS.finditer(noun)), *(k for k, ch in enumerate(noun) if ch == "\n"),
                                len(noun)})
                # (「等」 and 「一覧」 (a list of what is named before them) are left off: 「提供先一覧」)
                cuts = [_LIST_END.sub("", "".join(noun[:e].split())) for e in stops]
                if lists_what.group("of") is not None:
                    # 「番号法に基づき、別表第1の安全管理措置を講じる」, 「別表第一の記載例」: after の the act's tables are cited
                    # by a part of them (項, 欄, 備考, 規定 …) or by what they list, a document's appendix by anything (a bare
                    # 「別表」, renamed by no rewrite, is kept below as before; a date, 「…の令和6年5月26日までの間」, says when)
                    if (
                        rel.table is not Table.BEPPYO and cuts[0] not in _ACT_TABLE_PARTS and not cuts[0].startswith(_ERAS)
                        and not any(_lists_act_thing(cut) for cut in cuts)
                    ):
                        message = F.LAW_UNKNOWN_OF_NOUN.format(words="".join(noun.split()))
                elif not any(_lists_act_thing(cut) for cut in cuts):
                    message = F.LAW_UNKNOWN_LISTED.format(words="".join((lists_what.group("verb") + noun).split()))
            if message is not None:
                # …and so are the row-less tables before it that share its predicate: listed with it (「別表第1及び別表第2
                # のとおり」) or ending a clause with no predicate of its own (「項番号の対応は別表第1、条番号の対応は別表第2
                # のとおり」), also when no law establishes this one (reported as such below)
                i, head = len(out) - 1, c_start
                while i >= 0 and i not in dropped:
                    o = out[i]
                    if not isinstance(o, Citation) or i not in loose_at:
                        break
                    shared = _SHARES_PREDICATE.fullmatch(text, o.end, head)
                    if shared is None or (shared.group("clause") and not _TOPIC_BEFORE.search(text, max(0, o.start - 8), o.start)):
                        break
                    dropped.add(i)
                    keep(o.start, o.end, Finding(o.start, o.end, o.text, F.LAW_UNKNOWN, message, citation=o))
                    i, head = i - 1, o.start
                if loose:
                    taken_until = c_end
                    c = place(rel, offset, text, start=c_start, end=c_end, passage=passages.start(c_start))
                    keep(c_start, c_end, Finding(c.start, c.end, c.text, F.LAW_UNKNOWN, message, citation=c))
                    continue
        if (
            law.basis in (None, LawBasis.ASSUMED)
            and rel.table is Table.BEPPYO
            and not rel.rows
            and rel.column is None
            and not rel.provision
        ):
            # a bare 「別表」 with no law written (a document's own appendix heading): nothing to rewrite
            keep(c_start, c_end)
            continue
        # 同表 names the table cited before it, law and all: a law's name before it is not part of it (in
        # 「番号法（別表第一の16の項）\n同表の20の項」 the table in the bracket is its antecedent)
        # …nor does a table whose law's written part would hold a citation read before it (「番号法（別表第一の
        # 16の項）\n別表第二」: the bracket is that citation, not an insertion between the law and this table)
        start = law.start if law.end != -1 and not parsed.same_table and law.start >= taken_until else c_start
        law_part = (start, law.end, law.text or "") if start < c_start else None
        order = None
        if parsed.order_title is not None:
            order = Order.OLD_EXCHANGE if parsed.order_title == "exchange" else Order.OLD_USES
        expected = _RELATION_OF.get(rel.table) if parsed.relation and rel.table and not rel.tables else None
        if rel.table and expected is not None and expected not in parsed.relation:
            # 「別表第二（第３条関係）」: the note says whose table it is, and it is not the act's 別表第二
            taken_until = c_end
            c = place(rel, offset, text, start=c_start, end=c_end, passage=passages.start(c_start))
            relation = "条、第".join(str(n) for n in parsed.relation)
            keep(c_start, c_end, _finding(c, F.RELATION_MISMATCH, table=rel.table.value, relation=relation, expected=expected),
                 orders=is_title, rows=bool(rel.rows))
            continue
        c = place(
            rel,
            offset,
            text,
            law_part,
            start=start,
            end=c_end,
            law=law.text,
            law_basis=law.basis,
            law_span=law.span,
            order=order,
            table_basis=TableBasis.ANTECEDENT if parsed.same_table else TableBasis.WRITTEN,
            passage=passages.start(start),
        )
        taken_until = c.end
        out.append(c)
        if (
            (loose or law.basis is None) and not rel.rows and rel.column is None and not rel.provision
            and not parsed.same_table and not is_title
        ):
            loose_at[len(out) - 1] = None  # (a row-less table a predicate after it may be shared with: see above)
            if len(loose_at) > _LAWS_KEPT:
                del loose_at[next(iter(loose_at))]
        if unnamed and noted is None:
            unnamed_run.append(len(out) - 1)
        if (rel.table in OLD_TABLES or parsed.same_table or (rel.tables and any(t in OLD_TABLES for t in rel.tables))) and not is_title:
            if not (listed and c.start - listed[-1][3] <= _LISTED_GAP and _LISTED.fullmatch(text, listed[-1][3], c.start)):
                listed = []
            listed.append((len(out) - 1, rel, offset, c_end))
        else:
            listed = []
    # (what the reading of anchored candidates held is let go: a dense text has one entry per citation)
    del ends, in_terms, unnamed_run, old_marks, listed, loose_at
    if dropped:  # tables a bracket after them named another law's: kept
        out = [o for i, o in enumerate(out) if i not in dropped]
    if dropped or resort_kept:
        kept.sort(key=_SPAN)
    # row lists without their table, and reference lists after an order's title
    closes, colons = kou_marks(text)
    covered = _covered_by(out, kept)
    # (only those a bracket follows, white space aside: both uses below look at the bracket there)
    bare_table_ends = {
        o.end for o in out
        if isinstance(o, Citation) and o.kind is CitationKind.TABLE and not o.rows and _BRACKET_NEXT.match(text, o.end)
    }
    for cand in itertools.chain(row_list_candidates(text, closes), kouban_list_candidates(text, bare_table_ends)):
        if _DAI_FIRST.match(text, cand.start + 1) and _end_before(text, cand.start) not in bare_table_ends:
            continue  # 「（第２項）」 is an article's paragraph unless it stands right after a table's name
        if not covered(cand.start):
            dep = _dependent(text, cand, passages, _ends_in_kou)
            named = laws.expression_ending_at(_end_before(text, cand.start)) if dep is not None else None
            if dep is not None and named is not None:
                # 「住民基本台帳法（27、28の項）」, 「同命令（27の項）」: rows of what is named right before them,
                # not of a table cited earlier.  Right after the act's name, no table of it is named; so too right
                # after a name whose law the text does not establish (「法（27、28の項）」 with 法 not defined): the
                # rows may be the act's, and no other law's list is established
                if named.kind is LawKind.ACT or named.kind is LawKind.UNKNOWN:
                    out.append(_finding(dep, F.NO_ANTECEDENT))
                elif others is not None and not laws.order_name_ends_at(named.end):
                    others.append((dep.start, dep.end))  # not after an order of the act: its title is read with it
                continue
            if dep is not None:
                column = _COLUMN_AFTER_LIST.match(text, dep.end)
                if column is not None:  # 「（16の項）の下欄」: a column of those rows, as 「16の項の下欄」
                    dep = attrs.evolve(dep, column="".join(column.group("col").split()))
                out.append(dep)
    del bare_table_ends
    # 「…の項：１、２、３」: lists after a colon, outside any citation found so far.  「項番：3」 also
    # numbers a PIA's own items, so a colon list counts only close after a table (within
    # _COLON_REACH characters, in the same sentence and passage); anything else is not a citation.
    covered = _covered_by(out, kept)  # (also the bullets' below)
    if colons:  # (the tables' ends are gathered only for a text that has such a list)
        tables = sorted(
            [(o.end, bool(o.rows)) for o in out if isinstance(o, Citation) and o.kind is CitationKind.TABLE]
            + [(k.end, k.rows) for k in kept if not k.orders]
        )
        table_ends = [t[0] for t in tables]
        for cand in colon_row_candidates(text, colons):
            if covered(cand.start):
                continue
            j = bisect.bisect_right(table_ends, cand.start) - 1
            if j < 0 or cand.start - table_ends[j] > _COLON_REACH or tables[j][1]:
                continue  # no table just before, or it names its own rows: the list is something else
            between = text[table_ends[j] : cand.start]
            if "。" in between or _BLANK.search(between):
                continue
            dep = _dependent(text, cand, passages)
            if dep is not None:
                out.append(dep)
        del tables, table_ends
    # 「番号法別表第二\n・27の項\n・28の項」: the lines right under a table's citation that ends its line, each
    # holding only rows written with 項 (after a bullet or not), are its rows (another law's table takes
    # them as well, silently)
    # (under one that names rows itself, not 「項番：13」: a document numbers its own items so too)
    found_so_far = len(out)  # (walked without a copy: a dense text has thousands)
    for i in range(found_so_far + len(kept)):
        if i < found_so_far:
            o = out[i]
            if not isinstance(o, Citation) or o.kind is not CitationKind.TABLE or o.column is not None:
                continue
            end, ours, has_rows = o.end, True, bool(o.rows)
        else:
            held = kept[i - found_so_far]
            if held.orders:
                continue
            end, ours, has_rows = held.end, False, held.rows
        bullet = bullet_row_candidate(text, end)
        while bullet is not None:
            dep = _dependent(text, bullet, passages)
            line_end = text.find("\n", bullet.start)
            line_end = len(text) if line_end == -1 else line_end
            if (
                dep is None
                or text[dep.end : line_end].strip()
                or "項" not in dep.text
                or (has_rows and "番" in dep.text)
                or covered(bullet.start)
            ):
                break
            if ours:
                out.append(dep)
            elif others is not None:
                others.append((dep.start, dep.end))
            bullet = bullet_row_candidate(text, dep.end)
    # reference lists after an order's title: a list belongs to the nearest title before it, and
    # ends before the next citation found (「…主務省令第２条第19条第8号別表第二」 is two citations).
    # A law or order named between them takes the list (「…命令第２０条。生活保護法施行規則（１条）」,
    # the new order's 「第19条第8号に基づく主務省令（５０条）」); 「同命令」 names the title's order again
    titles = sorted((o for o in out if isinstance(o, Citation) and o.kind is CitationKind.ORDER_TITLE),
                    key=lambda o: o.start)
    if titles:  # (the starts and spans of what was found are gathered only for a text that has one)
        starts = sorted([o.start for o in out if isinstance(o, Citation)] + [k.start for k in kept])
        covered = _covered_by(out, kept)
        # …and ends before the next title, a kept one too (「旧別表第二主務省令（１条）」 is the old order's, cited on purpose)
        title_starts = sorted([t.start for t in titles] + [k.start for k in kept if k.orders])
        for t in titles:
            k = bisect.bisect_right(title_starts, t.start)
            end = min(passages.end(t.end), t.end + 6000, title_starts[k] if k < len(title_starts) else len(text))
            direct = article_refs_candidate(text, t.end)
            for cand in ([direct] if direct is not None else []) + list(ref_list_candidates(text, t.end, end)):
                if covered(cand.start):  # inside a citation found (「番号法（１条２号ハ）別表第二」 is one)
                    continue
                if any(not _SAME_ORDER.fullmatch(e.name) for e in laws.expressions(t.end, cand.start)):
                    continue
                k = bisect.bisect_left(starts, cand.start)
                dep = _dependent(text, cand, passages, until=starts[k] if k < len(starts) else None)
                if dep is not None and not _TABLE_WORD_AFTER.match(text, dep.end):
                    out.append(dep)  # (not 「別表第二主務省令第２条の表」: the old order has no tables; left unread)
    del covered
    out.sort(key=_END)  # by (start, end) in two stable passes: no key tuple per citation
    out.sort(key=_START)
    if others is not None:
        others.extend((k.start, k.end) for k in kept if k.finding is None and k.rows)  # (a table without rows holds none)
    return out, kept


def _covered_by(items: Sequence[Citation | Finding], extra: Sequence[_Kept] = ()) -> Callable[[int], bool]:
    """Whether a position lies inside the citation among ``items`` (or the ``extra`` span) that
    starts last at or before it (the longest of those starting there)."""
    spans: list[Citation | _Kept] = [o for o in items if isinstance(o, Citation)]
    spans += extra
    spans.sort(key=_END)  # by (start, end) in two stable passes: no key tuple per citation
    spans.sort(key=_START)
    starts = [sp.start for sp in spans]

    def covered(pos: int) -> bool:
        k = bisect.bisect_right(starts, pos) - 1
        return k >= 0 and pos < spans[k].end

    return covered


def _dependent(
    text: str, cand: Candidate, passages: Passages, accept: Callable[[Parsed], bool] | None = None,
    until: int | None = None,
) -> Citation | None:
    """A list that hangs on a table or order cited before it, parsed and placed (its antecedent
    is attached later, by :func:`_resolve_antecedents`); None when it does not parse."""
    result = _parse_candidate(text, cand, until) if _safe(text, cand) else None
    if result is None:
        return None
    parsed, rel, offset = result
    if accept is not None and not accept(parsed):
        return None
    return place(rel, offset, text, table_basis=TableBasis.ANTECEDENT, passage=passages.start(rel.start + offset))


_COLON_REACH = 300
# the article each table of the act belongs to, as its heading's note says: 別表第一（第九条関係）,
# 別表第二（第十九条、第二十一条関係）, 別表（第九条関係）
_RELATION_OF = {Table.BEPPYO1: 9, Table.BEPPYO2: 19, Table.BEPPYO: 9}
# the heading of a text's own 別表第一 or 第二: its relation note names no article the act's table belongs to
# (「別表第１（第３条関係）」 in an ordinance, a rule, a contract)
_OWN_TABLE_HEADING = compile_on_use(
    r"別[ \t\u3000]*表[ \t\u3000]*第[ \t\u3000]*(?P<n>[12１２一二])[ \t\u3000]*[（(](?P<note>[^（）()\n]{0,30}?関[ \t\u3000]*係)[ \t\u3000]*[）)]"
)


def own_tables(text: str) -> dict[Table, str]:
    """The old tables' names the text has tables of its own by, with their headings (「別表第１（第３条関係）」): found
    once per text."""
    own: dict[Table, str] = {}
    if "関" not in text:
        return own
    for m in _OWN_TABLE_HEADING.finditer(text):
        table = Table.BEPPYO1 if m.group("n") in "1１一" else Table.BEPPYO2
        relation = relation_articles(m.group("note"))
        if relation and _RELATION_OF[table] not in relation and table not in own:
            own[table] = "".join(m.group(0).split())
    return own
_DAI_FIRST = compile_on_use(r"[\s]*第")
# a column named right after a bracketed list, on its line: 「（16の項）の下欄」
_COLUMN_AFTER_LIST = compile_on_use(
    r"[ \t\u3000]*[）)][ \t\u3000]*(?:の[ \t\u3000]*)?(?P<col>(?:第[ \t\u3000]*(?:[一二三四五六七八九]|[1-9１-９])|[上中下左右])[ \t\u3000]*欄)"
)
_WS = " \t\r\n\u3000"
_BRACKET_NEXT = compile_on_use(r"[ \t\r\n\u3000]*[（(]")  # an opening bracket next, white space (_WS) aside
# after 別表: the renamed 別表第一 order, with its number when written (as the grammar's ORDER_NUMBER):
# 「別表の主務省令で定める事務を定める命令（平成二十六年内閣府総務省令第五号）」 is one name, and the law
# inside its bracket is the order's own, as inside the old title's
_ORDER_WORD = compile_on_use(
    r"[\s]*(?:の[\s]*)?" + ORDER_TAIL
    + r"(?:[\s]*[（(][\s]*平[\s]*成[^（）()]{1,40}?号(?:[\s]*[。、，,][\s]*以[\s]*下[^（）()]{1,60}?)?[\s]*[）)])?"
)
_NUMBERED_ITEM = compile_on_use(r"[\s]*第[\s]*[0-9０-９〇一二三四五六七八九十百千]+[\s]*号")
_BLANK = compile_on_use(r"\n[ \t\u3000\r]*\n")
# a bracket right after an old table that gives the new one as its successor or correction (「（現行：別表の24の項）」, 「（正しくは別表の24の項）」,
# 「（令和6年5月27日以降は第19条第8号に基づく主務省令第2条の表の48の項）」): the old table is cited on purpose
_SUCCESSOR_NOTE = compile_on_use(
    _NB + r"(?P<note>[（(][^（）()\n]{0,30}?(?:(?:現[\s]*(?:行|在|[：:])|改[\s]*正[\s]*後|以[\s]*降|施[\s]*行[\s]*後|日[\s]*か[\s]*ら|新|正[\s]*し[\s]*く[\s]*は)"
    r"[^（）()\n]{0,30}?)(?:別[\s]*表(?![\s]*第)|条[\s]*の[\s]*表)[^（）()\n]{0,60}[）)])"
)
# …or that marks it as the old text's (「（改正前）」, 「（旧）」, 「（令和6年5月26日まで）」)
_OLD_NOTE = compile_on_use(
    rf"{_NB}(?P<note>[（(]{_NB}(?:旧(?={_NB}(?:[）)]|の|別|表|番|法))|(?:一{_NB}部{_NB})?改{_NB}正{_NB}(?:以{_NB})?前|従{_NB}前|廃{_NB}止{_NB}前"
    rf"|施{_NB}行{_NB}(?:日{_NB})?前|{_LAST_OLD_DAY}"
    rf"{_NB}(?:ま{_NB}で|以{_NB}前|時{_NB}点|現{_NB}在))[^（）()\n]{{0,12}}[）)]"
    # (or that says it was abolished, perhaps on a date: 「（廃止）」, 「（令和6年5月27日廃止）」, 「（令和6年5月27日削除）」)
    rf"|[（(]{_NB}(?:{_DATE_WORDS}{_NB}(?:付{_NB}け?{_NB})?(?:を{_NB}も{_NB}っ{_NB}て{_NB}|で{_NB})?)?(?:廃{_NB}止|削{_NB}除)"
    rf"(?:{_NB}(?:済{_NB}み?|さ{_NB}れ{_NB}た))?{_NB}[）)])"
)


def _nb(*words: str) -> str:
    """The words as alternatives, each character apart from the next by whitespace that never makes a blank line."""
    return "|".join(_NB.join(re.escape(ch) for ch in w) for w in words)


# what joins one table of a list to the next (「…の項及び別表第二の27の項」, 「別表第一、別表第二」)
_LISTED = compile_on_use(rf"[」』]?{_NB}(?:{_nb('及び', '並びに', '又は', '若しくは', 'と')}|[、，,・･]){_NB}[「『]?")


_LISTED_GAP = 24  # (the most characters it spans: a bound on the work only)
# …and the bracket that may follow a marked table before the next is listed (its rows: 「旧番号法別表第一（16の項、30の項）、」)
_MARKED_NOTE = compile_on_use(r"[（(][^（）()\n]{0,40}[）)]")


def _past_marked_note(text: str, pos: int) -> int:
    """Where what is listed after a marked table may begin: past the bracket right after it, if one is there."""
    m = _MARKED_NOTE.match(text, pos)
    return pos if m is None else m.end()


def _law_start(text: str, law: _Law, lo: int, c_start: int) -> int:
    """Where a table's citation starts, its law's written name and the provisions joined to it with it when they
    follow ``lo`` (「、第19条第7号、別表第二」)."""
    start = law.span[0] if law.span is not None and lo <= law.span[0] < c_start else c_start
    first = provisions_before(text, start)
    return first if lo <= first else start


# The words of a change to a table or to the text that cites it (a change note: 「…に改めた」, 「…を…とした」,
# 「…から…へ変更」, 「…を削除し」): what the words before them name is the old text, written as it was
_CHANGE_WORDS = _nb("改正", "改め", "変更", "修正", "訂正", "置き換", "置換", "差し替", "差替", "読み替", "読替", "移行", "変わ",
                    "移動", "移っ", "移り", "移さ", "繰り下", "繰下", "繰り上", "繰上")
# (what may stand between the change's particle and its verb: 「…に、それぞれ改めた」)
_EACH = rf"(?:{_NB}[、，,])?(?:{_NB}(?:{_nb('それぞれ', '各々', 'いずれも', 'ともに')}))?{_NB}"
# a run of row numbers and their separators (「1、2、3…の項」)
_ROW_RUN_CHARS = "0-9０-９〇一二三四五六七八九十百千、，,・の項第"
# …or its abolition, addition or a change right after it, perhaps in quotes and through the word for its wording
# (「別表第二の廃止に伴う修正」, 「別表第二が廃止されたため」, 「別表第一の改正に伴い」, 「別表第一を改め」, 「「別表第二の27の項」を
# 削除し」, 「別表第一の17の項を追加」, 「別表第二の記載を削除」, 「別表第一の16の項から変更」), the change into it (「照会先を別表第二の
# 27の項に変更した」: the new side of an earlier note; not 「…に変更があった場合」), its review (「…の27の項については、見直しが
# 必要である」, an audit's report: what must be reviewed is the old wording), or the words that quote it as written
# (「別表第一とあるのは」, 「別表第二とあったものを」, 「別表第二と記載していた」): the old table's own history or wording
# (also in part: 「番号法別表第一の一部改正」, 「…命令の一部を改正する命令」, the title of an amending instrument)
# (the change is also said of it as a topic, 「について」, and past a comma or 「同様に」: 「…の16の項についても同様に修正が必要
# である」, 「…の27の項は、改正後の条項と異なっている」, a check's or an audit's report on the old text)
_ABOUT_IT = rf"(?:の|が|は|を|から|{_nb('について')}(?:{_NB}[はも])?)(?:{_NB}[、，,])?(?:{_NB}(?:{_nb('同様に', '併せて', 'あわせて')}))?"
# (past the bracket of its own rows, or an old order's article after its title: 「別表第一（16の項、30の項）を改めた」,
# 「別表第二主務省令第２０条の改正」)
_DIGITS = "0-9０-９〇一二三四五六七八九十百千"
_OWN_TAIL = (
    rf"(?:[（(][{_ROW_RUN_CHARS}番 \t\u3000]*+[）)]{_NB}|第?{_NB}[{_DIGITS}]++{_NB}条(?:{_NB}第?{_NB}[{_DIGITS}]++{_NB}号)?{_NB})?"
)
# (or past the provisions a list joins after it, the change word ending the whole list: 「別表第一の16の項及び第9条第2項の
# 改正に伴い」, 「別表第二の27の項、同法第19条第8号の改正」)
_PROVISIONS_AFTER = (
    rf"(?:(?:{_nb('及び', '並びに', '又は', 'と')}|[、，,・･]){_NB}(?:同{_NB}法{_NB})?第{_NB}[{_DIGITS}]++{_NB}"
    rf"(?:条(?:{_NB}第{_NB}[{_DIGITS}]++{_NB}項)?|項)(?:{_NB}第{_NB}[{_DIGITS}]++{_NB}号)?{_NB}){{0,8}}+"
)
# (a change spoken of as a condition, 「…の改正があった場合」, 「…について、変更が生じたときは」, 「…を修正する際」, is one that
# may come: the sentence is a rule of the current text, not a note of a change made)
_IF_CHANGED = rf"(?![^。、，,\n（）()]{{0,8}}?(?:場{_NB}合|と{_NB}き|際))"
_ABOLISHED = compile_on_use(
    rf"[ \t\u3000]*[」』]?{_NB}{_OWN_TAIL}{_PROVISIONS_AFTER}(?P<note>(?:の{_NB}(?:{_nb('記載', '表記', '記述', '文言')}){_NB})?"
    rf"(?:{_ABOUT_IT}{_NB}(?:一{_NB}部{_NB}(?:を{_NB})?)?(?:{_nb('廃止', '削除', '追加', '新設', '見直し', '見直す', '見直さ')}|{_CHANGE_WORDS}){_IF_CHANGED}|(?:と|に|へ){_NB}(?:{_CHANGE_WORDS})(?!{_NB}[がはをのも])"
    rf"|と{_NB}(?:{_nb('あるのは', 'ある', 'あった', '有る', '記載', '表記')})"
    # (or the sense in which a text uses a term: 「条例では、法別表第二を番号法別表第二の意味で使っている」, minutes on an
    # ordinance's wording, whose term keeps naming the old table until the ordinance is amended; the term too, the topic or
    # the object of that sense in its sentence)
    rf"|(?:(?:を|は)(?:{_NB}[、，,])?(?:[^。\n]|\n(?![ \t\u3000\r]*\n)){{0,40}}?)?の{_NB}意{_NB}味{_NB}[でに]"
    # (or a row whose words a 読替え provision reads otherwise, an instrument's text: 「…16の項中「住民票」とあるのは「住民票の
    # 写し」とする」)
    rf"|中{_NB}[「『][^「」『』\n]{{1,40}}[」』]{_NB}と{_NB}あ{_NB}る))"
)
# …or the words saying that its wording is still there, or wrong, right after it (「…の16の項のままとなっており」, 「…の16の
# 項の記載が残っている」, 「…の27の項は誤りであり」, 「…の記載は古い」, 「…を引用したまま」): a check's or an audit's report
# quoting the old text
_STILL_OLD = compile_on_use(
    rf"[ \t\u3000]*[」』]?{_NB}{_OWN_TAIL}(?P<note>(?:の{_NB}(?:{_nb('記載', '表記', '記述', '文言', '引用')}){_NB})?"
    rf"(?:の{_NB}ま{_NB}ま|(?:が|は|も)(?:{_NB}[、，,])?{_NB}(?:残{_NB}[っりるさ]|残{_NB}存|誤{_NB}[りっ]|古{_NB}い)"
    # (or cited, written as it was and left so: 「…16の項を引用したままである」, 「…を記載したまま提出した」)
    rf"|(?:を|と){_NB}(?:{_nb('引用', '記載', '表記', '記述', '掲載')}){_NB}し{_NB}た{_NB}ま{_NB}ま"
    # (or said to be where something was laid down, in the past: 「かつて…27の項に規定されていた情報連携」, 「…で定められていた」)
    rf"|(?:に|で){_NB}(?:{_nb('規定さ', '定めら', '掲げら', '記載さ')}){_NB}れ{_NB}て{_NB}い{_NB}た"
    # (or said to be what a text has written, as a state: 「評価書の根拠欄には…16の項が記載されている」, 「…を根拠として記載して
    # いる」, a review's report on another document's wording; not 「…を記載する」, an instruction)
    rf"|(?:が|を)(?:{_NB}[^。\n、，,「」『』]{{1,12}}?{_NB}と{_NB}し{_NB}て)?{_NB}[、，,]?{_NB}(?:{_nb('記載', '表記', '記述', '掲載')})"
    rf"{_NB}(?:さ{_NB}れ|し){_NB}て{_NB}(?:い(?:{_NB}(?:る|た|な{_NB}い))?|お{_NB}り)))"
)
# …or the new table it became, later in its sentence (「別表第一の16の項は別表の24の項となった」, 「別表第一の別表への改正」).
# Its reach counts a run of row numbers and their separators (「1、2、3…の項」) as one character: a list that a rewrite
# lengthens (--rederive's derived list) never moves the words out of reach (fuzzer, seeds 78787, 82828)
_REACH_UNIT = rf"(?:[{_ROW_RUN_CHARS}]++|[^{_ROW_RUN_CHARS}])"  # (possessive, the two apart: one way to count)
# A change word after the new table, or 「と」 and a verb of making right after its rows or quote (「…を別表の24の項とした」,
# 「…を「別表」とする」), or 「へ」 ending a clause there (「…から別表の24の項へ」); or an arrow before the new table
# (「別表第一の16の項 → 別表の24の項」)
_NO_QUOTES = str.maketrans("", "", "「」『』")  # (a message shows the words of a change note without its quotes)
_NEW_TABLE = rf"(?:別{_NB}表|条{_NB}の{_NB}表|同{_NB}表)"  # (or an old one: a note of an earlier change)
_ORDER = rf"主{_NB}務{_NB}省{_NB}令"
_BECAME_NEW = compile_on_use(
    rf"{_NEW_TABLE}(?:[{_ROW_RUN_CHARS}]++|[^。\n{_ROW_RUN_CHARS}]){{0,30}}?"
    rf"(?:(?:へ|に|と){_EACH}(?:の{_NB})?(?:(?:{_CHANGE_WORDS})(?!{_NB}[がはをのも])|な{_NB}[っりる]|相{_NB}当))"
    rf"|{_NEW_TABLE}[{_ROW_RUN_CHARS}」』 \t\u3000]*+(?:と{_NB}(?:し|す|記{_NB}載)|へ(?=[ \t\u3000]*(?:[。、，,（）()「」『』\n]|\Z)))"
    # (an arrow on its line to a table or to the order: 「番号法別表第二の27の項　→　主務省令第2条の表の48の項」, 「… -> 別表…」)
    rf"|(?:[→⇒⇨➡➔]|->|=>|＝＞|－＞)(?:[{_ROW_RUN_CHARS}]++|[^。\n{_ROW_RUN_CHARS}]){{0,30}}?(?:{_NEW_TABLE}|{_ORDER})"
    # (or the order it moved to: 「別表第二は主務省令に移りました」, 「…に規定されていた情報連携は、…主務省令に移行した」)
    rf"|{_ORDER}{_NB}(?:へ|に){_NB}(?:の{_NB})?(?:移{_NB}行|移{_NB}[りっるさ]|移{_NB}管|改{_NB}め|改{_NB}正)"
)
# …or the table it became named later in its sentence as the current one (「…16の項を根拠としているが、現在は別表の24の項
# ではないか」, 「…27の項による照会は、現行では…第2条の表」); a new table the old one did not become is another basis
# cited beside it (「別表第一の16の項に基づく事務を行っており、現在は…第2条の表の48の項により照会も行っている」)
_NAMED_CURRENT = rf"(?:現{_NB}[在行]|改{_NB}正{_NB}後|以{_NB}降|施{_NB}行{_NB}後|日{_NB}か{_NB}ら){_NB}(?:(?:で{_NB})?は{_NB}[、，,]?|[、，,])(?:[^。\n]|\n(?![ \t\u3000\r]*\n)){{0,20}}?"
_BECAME_CURRENT = {
    Table.BEPPYO1: compile_on_use(rf"{_NAMED_CURRENT}別{_NB}表(?!{_NB}第)"),
    Table.BEPPYO2: compile_on_use(rf"{_NAMED_CURRENT}(?:条{_NB}の{_NB}表|{_ORDER})"),
}
# the table an old one became (別表 with no number; 第2条の表, or the order under 第19条第8号 for a title), cited in the next
# cell of its row of tab-separated text (「…第9条第1項 別表第一の16の項\t…第9条第1項 別表の24の項」, a 変更箇所 row with its
# heading row on another page): the row records the change, and its old side is the wording as it was
# (別表 as the act's: after the act's name or a provision, or with a row, not a document's own appendix such as 「別表1参照」,
# 「詳細は別表のとおり」; the order by its name, not as what it lays down, 「…に基づく主務省令の定めによる」)
_NEW_OF_OLD = {
    # (a 別表 that a line break splits from its number, 「別表\n第二」, is the old table's name, as the finder reads it)
    Table.BEPPYO1: compile_on_use(
        r"[法項号][ \u3000]*別[ \u3000]*表(?![ \u3000\r\n]*[第0-9０-９〇一二三四五六七八九十])"
        r"|別[ \u3000]*表[ \u3000]*の?[ \u3000]*[0-9０-９〇一二三四五六七八九十百]+[ \u3000]*(?:の[ \u3000]*[0-9０-９〇一二三四五六七八九十]+[ \u3000]*)?の?[ \u3000]*項"
    ),
    Table.BEPPYO2: compile_on_use(
        r"条[ \u3000]*の[ \u3000]*表|に[ \u3000]*基[ \u3000]*づ[ \u3000]*く[ \u3000]*"
        r"(?:主[ \u3000]*務[ \u3000]*省[ \u3000]*令(?![ \u3000]*の)|利[ \u3000]*用[ \u3000]*特[ \u3000]*定)"
    ),
}
# what may stand between the old table and the end of its cell: spaces, and a bracket naming no table (its rows: 「…別表第二
# （27の項、28の項）\t」).  A cell going on past the table (「…別表第2のとおり\t」, 「…別表第一の6の項〔法別表第二〕\t」) is no
# side of a change: its words decide what it is, not whether the first run has rewritten the next cell yet
_CELL_END = compile_on_use(r"[ \u3000]*(?:[（(][^（()）\t\n表]{0,60}[)）][ \u3000]*)?\t")
# …or, in text with no tabs, a run of two or more spaces (a table of old and new wording exported from a PDF or a notice:
# 「別表第一の１６の項　　別表の２４の項」)
_SPACES_RUN = compile_on_use(r"[ \u3000]{2,}")
_SPACED_CELL_END = compile_on_use(r"[ \u3000]*(?:[（(][^（()）\t\n表]{0,60}[)）])?[ \u3000]{2,}(?=[^ \u3000\r\n])")
# an old table's name (別表 and its number) in that cell
_OLD_TABLE_NAME = compile_on_use(r"別[ \u3000\r\n]*表[ \u3000\r\n]*第")


def _new_beside(text: str, end: int, table: Table, tabbed: bool = True) -> str | None:
    """The next cell of the tab-separated row of the old table ending at ``end`` (and ending its cell) when that cell cites
    the table it became, shown as the change it records (「→…別表の24の項」), or None.  In text with no tabs (``tabbed``
    False) the cells are parted by a run of two or more spaces."""
    at_tab = _CELL_END.match(text, end) if tabbed else _SPACED_CELL_END.match(text, end)
    if at_tab is None:
        return None
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    tab = at_tab.end() - 1
    if tabbed:
        cell_end = text.find("\t", tab + 1, line_end)
    else:
        gap = _SPACES_RUN.search(text, tab + 1, line_end)
        cell_end = -1 if gap is None else gap.start()
    cell_end = line_end if cell_end == -1 else cell_end
    # (the cell cites it before any old table, 「別表第一の6の項。別表」 being no change; and the lookahead sees past the
    # cell's end: a name over a line break is read as one)
    first_old = _OLD_TABLE_NAME.search(text, tab + 1, min(len(text), cell_end + 8))
    until = cell_end if first_old is None else min(cell_end, first_old.start())
    new = _NEW_OF_OLD[table].search(text, tab + 1, min(len(text), cell_end + 8))
    if new is None or new.start() >= until:
        return None
    words = "".join(text[tab + 1 : cell_end].split())
    return "→" + (words if len(words) <= 40 else words[:40] + "…")


def marked_by_new_after(text: str, c: Citation) -> bool:
    """Whether the old table ``c`` is marked old by the new table written after it: in a successor note (「…16の項（現行：
    別表の24の項）」) or in the next cell of a change record (「…16の項\t…別表の24の項」).  A first run that found that
    table still written old (and renamed it) kept ``c``, when it did, for another reason, with the citations that
    change with it: so does a run that finds it new."""
    if c.kind is not CitationKind.TABLE or c.table not in OLD_TABLES:
        return False
    return _SUCCESSOR_NOTE.match(text, c.end) is not None or _new_beside(text, c.end, c.table, "\t" in text) is not None


# a bracket opening right after a citation (whether it names a law is law_noted_after's to read)
# another law's table right after its name (in a bracket after a row: 「（住民基本台帳法別表第二）」)
_OTHER_TABLE_NAME = compile_on_use(
    r"の?[ \t\u3000\r\n]*別[ \t\u3000\r\n]*表(?:[ \t\u3000\r\n]*第[ \t\u3000\r\n]*(?P<n>[0-9０-９一二三四五六七八九十]+))?"
)
# the old tables' numbers as written
_OLD_TABLE_NUMBERS: dict[Table | None, tuple[str, ...]] = {Table.BEPPYO1: ("一", "1", "１"), Table.BEPPYO2: ("二", "2", "２")}
_BRACKET_AFTER = compile_on_use(r"(?:[ \t\u3000\r]|\n(?![ \t\u3000\r]*\n))*[（(〔【［\[〈《]")  # (a line break in PDF text)
# where a sentence ends: its 「。」 or a blank line (the rewriter's checks of a sentence use it too)
SENTENCE_OR_BLANK = compile_on_use(r"。|\n[ \t\u3000\r]*\n")
_WS_RUN = compile_on_use(r"[ \t\u3000\r\n]*")
# a sentence's end saying it is like the one before (「…に基づく提供も同様。」, 「…についても同様である」): it has no predicate of
# its own and takes that sentence's
_LIKEWISE = compile_on_use(
    rf"(?:[^。\n]|\n(?![ \t\u3000\r]*\n)){{0,40}}?も{_NB}同{_NB}様(?:{_NB}(?:で{_NB}あ{_NB}る|で{_NB}す|と{_NB}す{_NB}る))?{_NB}(?:。|\n|\Z)"
)


def _likewise_after(text: str, old_end: int, start: int, end: int) -> str | None:
    """「も同様」 when the old table from ``start`` to ``end`` stands in a sentence that ends so and follows right after the
    sentence that holds an old table kept as the old text (ending at ``old_end``), or None."""
    stop = SENTENCE_OR_BLANK.search(text, old_end, start)
    if stop is None or stop.group() != "。":
        return None  # (the same sentence, or another paragraph)
    after = _WS_RUN.match(text, stop.end())  # (the next sentence may open the next paragraph)
    if SENTENCE_OR_BLANK.search(text, after.end() if after is not None else stop.end(), start) is not None:
        return None  # (not the next sentence)
    return "も同様" if _LIKEWISE.match(text, end) is not None else None
# the words of a transitional provision saying that the old law goes on applying (「…については、なお従前の例による」,
# 「…は、なおその効力を有する」): what the sentence cites before them is the law as it was, and stays so
_TRANSITIONAL = compile_on_use(
    rf"な{_NB}お{_NB}[、，,]?{_NB}(?:従{_NB}前{_NB}の{_NB}例{_NB}に{_NB}よ|(?:そ{_NB}の{_NB})?効{_NB}力{_NB}を{_NB}有)"
)
_TRANSITIONAL_REACH = 200
# The reaches of the words later (or earlier) in a sentence that keep a table as the old text count a run of row numbers
# and their separators as one character, as the reach of 「…に改め」 does: a list that a rewrite lengthens between them
# (--rederive's derived list of a new table) never moves the words out of reach (fuzzer, seed 120800)
_SENTENCE_REACH_END = compile_on_use(rf"{_REACH_UNIT}{{0,{_TRANSITIONAL_REACH}}}")
_SENTENCE_REACH_BOUND = 2000  # (a bound on work, past any list a rewrite writes)


def _within_reach(text: str, end: int, at: int) -> bool:
    """Whether ``at`` lies within :data:`_TRANSITIONAL_REACH` units after ``end`` (a run of row numbers counted as one
    character; the plain count first, as in most sentences)."""
    if at - end <= _TRANSITIONAL_REACH:
        return True  # (a unit is at least one character)
    reach = _SENTENCE_REACH_END.match(text, end, at)
    return reach is not None and reach.end() == at


def _reach_before(text: str, start: int, stop: re.Pattern[str]) -> int:
    """Where the reach of :data:`_TRANSITIONAL_REACH` units before ``start`` begins, counted as :func:`_within_reach`
    counts."""
    lo = max(0, start - _TRANSITIONAL_REACH)
    if lo == 0 or stop.search(text, lo, start) is not None:
        return lo
    window = text[max(0, start - _SENTENCE_REACH_BOUND) : start][::-1]  # (a unit reads the same both ways)
    reach = _SENTENCE_REACH_END.match(window)
    return start - reach.end() if reach is not None else lo


def _transitional_after(text: str, end: int) -> str | None:
    """「なお従前の例による」 (or 「なお効力を有する」) later in the sentence of the table ending at ``end``, within
    :data:`_TRANSITIONAL_REACH` units, or None."""
    hi = min(len(text), end + _SENTENCE_REACH_BOUND)
    if text.find("従", end, hi) == -1 and text.find("効", end, hi) == -1:
        return None  # (most citations: two C-level finds)
    stop = SENTENCE_OR_BLANK.search(text, end, hi)
    hi = stop.start() if stop is not None else hi
    at = text.find("な", end, hi)
    if at == -1:
        return None
    m = _TRANSITIONAL.search(text, at, hi)
    if m is None or not _within_reach(text, end, m.end()):
        return None
    words = "".join(m.group().split())
    return "なお従前の例による" if "従" in words else "なお効力を有する"


# the words saying that what the sentence cites before them is by the act as it was before the amendment (「各評価書における別表
# 第一及び別表第二の記載は、令和6年5月27日施行の改正前の番号法によるものである」, 「…27の項は、旧規定に基づく記載である」: a review's
# or a notice's words on the old text, which stays so); the act or its provisions only (not 「改正前の児童手当法による…」)
_BY_OLD_ACT = compile_on_use(
    rf"(?:改{_NB}正{_NB}(?:以{_NB})?前|施{_NB}行{_NB}前|旧|{_LAST_OLD_DAY}{_NB}(?:以{_NB}前|ま{_NB}で)|{_BEFORE_NEW_DAY})(?:{_NB}の)?{_NB}"
    rf"(?:番{_NB}号{_NB}(?:利{_NB}用{_NB})?法|マ{_NB}イ{_NB}ナ{_NB}ン{_NB}バ{_NB}ー{_NB}法|法|規{_NB}定|条{_NB}文)(?:{_NB}の{_NB}規{_NB}定)?"
    rf"{_NB}に{_NB}(?:よ|基{_NB}づ|従)"
)
_CELL_OR_SENTENCE = compile_on_use(r"。|\t|\n[ \t\u3000\r]*\n")


def _by_old_act_after(text: str, end: int) -> str | None:
    """The words later in the sentence (or cell) of the table ending at ``end`` saying it is by the act before the
    amendment (「改正前の番号法による」, 「旧規定に基づく」), within :data:`_TRANSITIONAL_REACH` characters, or None."""
    hi = min(len(text), end + _SENTENCE_REACH_BOUND)
    if text.find("前", end, hi) == -1 and text.find("旧", end, hi) == -1:
        return None  # (most citations: two C-level finds)
    stop = _CELL_OR_SENTENCE.search(text, end, hi)
    m = _BY_OLD_ACT.search(text, end, stop.start() if stop is not None else hi)
    return None if m is None or not _within_reach(text, end, m.end()) else "".join(m.group().split())


# A dated event of the past: a date before 2024-05-27 (令和6年5月27日, when the numbering changed) in the sentence, and the
# sentence's predicate in the past tense (「平成28年1月に番号法別表第二の27の項に基づく情報連携を開始した。」): the table is
# the one the event took place under.  Not the present (「平成28年1月から…情報連携を行っている」), nor a date of the new
# numbering, nor a year that numbers a law (「平成25年法律第27号」: a date has its month, or a particle after its year)
_NUM = "0-9０-９〇一二三四五六七八九十"
_DATE = compile_on_use(
    rf"(?:(?P<era>平{_NB}成|昭{_NB}和|令{_NB}和){_NB}(?P<y>元|[{_NUM}]{{1,3}})|(?P<ad>(?:19|20|１９|２０)[0-9０-９]{{2}})){_NB}年{_NB}(?:度{_NB})?"
    rf"(?:(?P<m>[{_NUM}]{{1,3}}){_NB}月(?:{_NB}(?P<d>[{_NUM}]{{1,3}}){_NB}日)?|(?=[にからよ以、，,中頃はま])|(?<=度)(?=の))"
)  # (a fiscal year is a date before 「の」 too, 「令和5年度の評価では」: no law's number has 度)
_ERA_FIRST = {"平成": 1988, "昭和": 1925, "令和": 2018}
_NEW_NUMBERING = (2024, 5, 27)
# where a sentence (or a cell) ends, and a predicate in the past tense right before it (over spaces, closing brackets)
_PAST_SENTENCE_END = compile_on_use(r"。|\t|\n[ \t\u3000\r]*\n|(?<=た)[ \t\u3000]*\r?\n")
_PAST_TENSE = compile_on_use(r"た[ \t\u3000\r\n」』）)]*\Z")
# …or a line of a record of revisions, the date and the table on it, ending in the noun of a change (「第2版（令和5年4月1日）：
# …16の項に基づく事務を追加」, 「令和5年4月1日 …27の項による照会の追加」): a change made then (on the table's own line only: the
# next line is another item, 「・…の項（…）\n⑧…コードの変更」)
_LINE_END = compile_on_use(r"。|\t|\n")  # (the end of the table's sentence, cell or line)
_CHANGE_NOUN_END = compile_on_use(r"[をの](?:追加|削除|変更|修正|新設)[ \t\u3000\r」』）)]*\Z")
_PAST_REACH = 200


def _date_before_new_numbering(m: re.Match[str]) -> bool:
    """Whether the date matched is a day (or a month, a year) wholly before 令和6年5月27日."""
    try:
        if m.group("era") is not None:
            y = m.group("y")
            year = _ERA_FIRST["".join(m.group("era").split())] + (1 if y == "元" else parse_int(y))
        else:
            year = parse_int(m.group("ad"))
        month = parse_int(m.group("m")) if m.group("m") is not None else None
        day = parse_int(m.group("d")) if m.group("d") is not None else None
    except NumeralError:
        return False
    if month is None:
        return year < _NEW_NUMBERING[0]
    if day is None:
        return (year, month) < _NEW_NUMBERING[:2]
    return (year, month, day) < _NEW_NUMBERING


def _past_event(text: str, start: int, end: int) -> str | None:
    """The date and the past predicate of the sentence holding the old table from ``start`` to ``end`` when the sentence
    tells an event before the new numbering (shown as 「平成28年1月…開始した」), or None."""
    far = min(len(text), end + _SENTENCE_REACH_BOUND)
    line_end = -1
    if text.find("年", max(0, start - _PAST_REACH), min(len(text), end + _PAST_REACH)) != -1:  # (a C-level find first)
        line_stop = _LINE_END.search(text, end, far)
        line_end = line_stop.start() if line_stop is not None else len(text) if far == len(text) else -1
    if (
        line_end != -1
        and _CHANGE_NOUN_END.search(text, max(end, line_end - 12), line_end) is not None
        and _within_reach(text, end, line_end)
    ):
        hi = line_end  # (a line of a record: its date on the same line)
        lo = _reach_before(text, start, _CELL_OR_SENTENCE)
        lo = max(lo, text.rfind("\n", lo, start) + 1)
    else:
        if text.find("た", end, far) == -1:
            return None  # (most citations: a C-level find)
        stop = _PAST_SENTENCE_END.search(text, end, far)
        if stop is None and far < len(text):
            return None  # (a sentence running on past the reach)
        hi = stop.start() if stop is not None else far
        if _PAST_TENSE.search(text, max(end, hi - 12), hi) is None:
            return None  # (most sentences that reach this far: where the sentence begins is not needed)
        if not _within_reach(text, end, hi):
            return None  # (a sentence running on past the reach)
        lo = _reach_before(text, start, _CELL_OR_SENTENCE)
        if text.find("年", lo, hi) == -1:
            return None
    lo = max(lo, text.rfind("。", lo, start) + 1, text.rfind("\t", lo, start) + 1)
    for blank in _BLANK.finditer(text, lo, start):
        lo = blank.end()
    for m in _DATE.finditer(text, lo, hi):
        if _date_before_new_numbering(m):
            predicate = "".join(text[max(end, hi - 6) : hi].split())
            return "".join(m.group().split()) + "…" + predicate
    return None


# a footnote mark right after a table (「…の項※」, 「…の項※1」, 「…の項（注1）」, 「…の項（注）」, 「…の項＊」), and the line below
# that begins with the same mark (the same number, or none)
_FOOTNOTE_AFTER = compile_on_use(
    rf"(?:[（(][{_ROW_RUN_CHARS}番 \t\u3000]*+[）)])?"  # (past the bracket of its own rows: 「別表第一（16の項、30の項）※」)
    r"[ \t\u3000]*(?:(?P<open>[（(])[ \t\u3000]*)?(?P<mark>注|※|[＊*])[ \t\u3000]*(?P<n>[0-9０-９]{1,2})?(?![0-9０-９])"
    r"(?(open)[ \t\u3000]*[）)])"
)
_TO_HALF = str.maketrans("０１２３４５６７８９", "0123456789")
_FOOTNOTE_SUCCESSOR_REACH = 3000  # how far below the mark its note may stand (as for a note naming a law)
_NOTE_TEXT_REACH = 100  # how much of the note is read
_NOTE_ENDS = compile_on_use(r"\n[ \t\u3000\r]*(?:\n|(?:[（(][ \t\u3000]*)?(?:注|※|[＊*]))")
# …whose note names the table the old one became as the current one (「※令和6年5月27日以降は…第2条の表の48の項」, 「※1 現行：
# 別表の24の項」, 「注　正しくは別表の24の項」): the old table is cited on purpose, its successor given beside it
_SUCCESSOR_IN_NOTE = compile_on_use(
    rf"(?:現{_NB}[行在]|改{_NB}正{_NB}後|以{_NB}降|施{_NB}行{_NB}後|新{_NB}(?=[：:は])|正{_NB}し{_NB}く{_NB}は)"
    rf"(?:[^\n]|\n(?![ \t\u3000\r]*\n)){{0,60}}?(?:別{_NB}表(?!{_NB}第)|条{_NB}の{_NB}表)"
)


@functools.lru_cache(maxsize=64)
def _note_line(mark: str, n: str | None, bracketed: bool) -> re.Pattern[str]:
    """A line that begins with footnote mark ``mark`` and number ``n`` (half-width digits; None: no number)."""
    marks = "[＊*]" if mark in "＊*" else mark
    if n is None:
        number = r"[ \t\u3000]*[）)]" if bracketed else r"(?![ \t\u3000]*[0-9０-９])"
    else:
        full = n.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
        number = rf"[ \t\u3000]*(?:{n}|{full})(?![0-9０-９])(?:[ \t\u3000]*[）)])?"
    return compile_shared(rf"\n[ \t\u3000]*(?:[（(][ \t\u3000]*)?{marks}{number}[ \t\u3000]*[：:．.]?")


def _successor_in_footnote(text: str, end: int) -> str | None:
    """The note of a footnote mark right after the old table ending at ``end`` when it names the table the old one became
    as the current one (the note line's first words, shown as its mark), or None."""
    m = _FOOTNOTE_AFTER.match(text, end)
    if m is None:
        return None
    if m.group("mark") == "注" and m.group("n") is None and m.group("open") is None:
        return None  # (a bare 注 right after a table is a word: 「…の項注記」)
    n = m.group("n")
    line = _note_line(m.group("mark"), n.translate(_TO_HALF) if n is not None else None, m.group("open") is not None).search(
        text, m.end(), min(len(text), m.end() + _FOOTNOTE_SUCCESSOR_REACH)
    )
    if line is None:
        return None
    hi = min(len(text), line.end() + _NOTE_TEXT_REACH)
    after = _NOTE_ENDS.search(text, line.end(), hi)  # (a blank line, or the next note's line, ends it)
    said = _SUCCESSOR_IN_NOTE.search(text, line.end(), after.start() if after is not None else hi)
    if said is None:
        return None
    words = "".join(text[line.start() : said.end()].split())
    return words if len(words) <= 40 else words[:40] + "…"


_BECAME_REACH = 120
_BECAME_REACH_END = compile_on_use(rf"{_REACH_UNIT}{{0,{_BECAME_REACH}}}")


def _changed_into_new(text: str, end: int, table: Table) -> re.Match[str] | None:
    """The words saying that the old ``table`` ending at ``end`` was changed into another table (the new one, or one of
    an earlier numbering in an earlier note), or that the table it became is the current one, later in its sentence, or
    None."""
    # A unit of the reach is at least one character, so a sentence that ends within _BECAME_REACH characters ends
    # before the reach does: when no table is named before that end (most citations), nothing is, and the reach (a
    # regular expression that steps unit by unit, about 10 µs) is not measured
    stop = SENTENCE_OR_BLANK.search(text, end, end + _BECAME_REACH)
    if stop is not None and text.find("表", end, stop.start()) == -1 and text.find("省令", end, stop.start()) == -1:
        return None
    reach = _BECAME_REACH_END.match(text, end)  # (a run of row numbers counted as one character)
    hi = reach.end() if reach is not None else end
    stop = SENTENCE_OR_BLANK.search(text, end, hi)
    hi = stop.start() if stop is not None else hi
    if text.find("表", end, hi) == -1 and text.find("省令", end, hi) == -1:
        return None  # (no table or order named after it in its sentence: most citations, two C-level finds)
    became = _BECAME_NEW.search(text, end, hi)
    current = _BECAME_CURRENT[table].search(text, end, hi)
    return current if current is not None and (became is None or current.start() < became.start()) else became


# what points at a document's own appendix right after a table's name: 「別表第1のとおり」, 「別表第1に示す」
_AS_SHOWN = compile_on_use(r"[ \t\u3000]*(?:の[ \t\u3000]*(?:とおり|通り)|に[ \t\u3000]*示[しすさ])")
_WS_IN_PASSAGE = r"(?:[ \t\u3000\r]|\n(?![ \t\u3000\r]*\n))*"  # whitespace, never a blank line
# what a table's name is followed by when the words after it say what the table lists: 「別表第1に掲げる安全管理措置」,
# 「別表第二に規定する事務」 (the noun, on one line or broken by PDF text; a tab is a cell's end)
_NOUN_CHARS = "\u3005\u4e00-\u9fff\u30a1-\u30fa\u30fc"
# the act's names and title: a citation starting after 「に掲げる」 (the act's name or article a rewrite writes before a table,
# 「別表第一に掲げる別表第二」 → 「…に掲げる番号利用法第19条第8号に基づく…」) is no noun of what a table lists, as a table's name is not
_ACT_NAMES = "|".join(re.escape(a) for a in sorted((MY_NUMBER_ACT, *ALIASES), key=len, reverse=True))
_LISTS_WHAT = compile_on_use(
    rf"{_WS_IN_PASSAGE}(?:に{_WS_IN_PASSAGE}(?P<verb>(?:掲{_WS_IN_PASSAGE}げ|定{_WS_IN_PASSAGE}め)(?:ら{_WS_IN_PASSAGE}れ{_WS_IN_PASSAGE}た|る)"
    rf"|(?:規{_WS_IN_PASSAGE}定|記{_WS_IN_PASSAGE}載|列{_WS_IN_PASSAGE}挙)(?:{_WS_IN_PASSAGE}(?:す{_WS_IN_PASSAGE}る|さ{_WS_IN_PASSAGE}れ{_WS_IN_PASSAGE}た|の))?)"
    rf"[ \u3000]*|(?P<of>の){_WS_IN_PASSAGE})(?!{_ACT_NAMES}|第)(?P<noun>(?:(?!及び|並びに|又は|若しくは|別{_WS_IN_PASSAGE}表|同{_WS_IN_PASSAGE}表)[{_NOUN_CHARS}]|[ \u3000\r\n](?=[{_NOUN_CHARS}])"
    rf"|(?:の|に関する|に係る|による)(?=[{_NOUN_CHARS}])){{1,40}})"
)
# what joins the nouns of one phrase (「児童手当の支給に関する事務」): the phrase lists what any of its nouns is
_NOUN_JOINS = compile_on_use(r"の|に関する|に係る|による")
# the act's own article of a table, right after its name (「番号法第9条第1項に基づき、別表第一に規定する…」, 「…第19条第8号…」):
# the sentence is about the act's tables
_OWN_ARTICLE = compile_on_use(r"[ \t\u3000]*第[ \t\u3000]*(?:[9９九]|[1１][9９]|十九)[ \t\u3000]*条")
# what the act's tables list, as a noun's last word: 別表第一 the 者 and their 事務, 別表第二 the 情報照会者, 事務, 情報提供者
# and 特定個人情報 (and the 機関 and 団体, 場合 and 法律 its rows name), and the exchanges 別表第二 lists (情報連携) with their
# ends as a PIA names them (照会先, 提供先; not 委託先); the noun ends where a table's name begins
_ACT_TABLE_LISTS = ("事務", "者", "情報", "機関", "団体", "場合", "法律", "照会", "提供", "連携", "照会先", "提供先")
# …except the words of a business's or contractor's handling of personal information, which the act's tables never hold
# (none is in their text: 「委託先事業者」, 「個人情報」; 特定個人情報 is the act's)
_NEVER_IN_ACT_TABLES = ("事業者", "従業者", "責任者", "担当者", "取扱者", "受託者", "個人情報")
_ERAS = ("令和", "平成", "昭和")
_LIST_END = compile_on_use(r"(?:等|一覧表?)+\Z")
# the parts of the act's tables, and what is done to them, cited after 「の」 (「別表第二の備考」, 「別表第一の改正」)
_ACT_TABLE_PARTS = frozenset((
    "項", "各項", "該当項", "項番", "項番号", "欄", "各欄", "表欄", "備考", "表", "規定", "改正規定", "主務省令", "番号", "改正", "廃止", "削除",
    "施行", "記載", "表記",
))


def _lists_act_thing(noun: str) -> bool:
    """Whether ``noun`` ends in a word for what the act's tables list (「児童手当の支給に関する事務」, 「特定個人情報」)."""
    return noun.endswith(_ACT_TABLE_LISTS) and (not noun.endswith(_NEVER_IN_ACT_TABLES) or noun.endswith("特定個人情報"))
# what stands between two tables that share the predicate after the second: a joining word (「別表第1及び別表第2のとおり」),
# or the end of a clause with no predicate of its own and the next clause's topic, the first clause having its topic too
# (「…の対応は別表第1、…の対応は別表第2のとおり」, 「…は別表第1に、…は別表第2に示す」)
_SHARES_PREDICATE = compile_on_use(
    rf"{_WS_IN_PASSAGE}(?:(?:及び|並びに|又は|若しくは|と|・|[、，,])"
    rf"|(?P<clause>(?:に{_WS_IN_PASSAGE})?[、，,]{_WS_IN_PASSAGE}(?:(?![、，,。])[^\t\n]|\n(?![ \t\u3000\r]*\n)){{1,40}}?は)){_WS_IN_PASSAGE}"
)
_TOPIC_BEFORE = compile_on_use(rf"は{_WS_IN_PASSAGE}\Z")
_TABLE_WORD_AFTER = compile_on_use(rf"{_WS_IN_PASSAGE}の{_WS_IN_PASSAGE}表")


def _ends_in_kou(p: Parsed) -> bool:
    """A bracketed list is one of rows when it ends in 項 (「（27、28の項）」) or opens with 項番 (「（項番4、27）」)."""
    return bool(p.items) and (p.items[-1].suffix is not None or p.items[0].suffix == "項番")


def _end_before(text: str, pos: int) -> int:
    """Where the text before ``pos`` ends, whitespace aside."""
    while pos > 0 and text[pos - 1] in _WS:
        pos -= 1
    return pos


def _match_in_passage(pattern: re.Pattern[str], text: str, pos: int, passages: Passages) -> re.Match[str] | None:
    """``pattern`` matched at ``pos`` within its passage (a name never goes on past a blank line; one that
    would is matched again up to it)."""
    m = pattern.match(text, pos)
    if m is not None and _BLANK.search(m.group()):
        m = pattern.match(text, pos, passages.end(pos))
    return m


def _safe(text: str, cand: Candidate) -> bool:
    return 0 <= cand.start < len(text)


_MAX_ANTECEDENT_DISTANCE = 6000
# 同命令, 同省令, 同府省令: the order named last, again
_SAME_ORDER = compile_on_use(r"同(?:命令|[府内閣総務]*省令|令)")


# what joins two tables in a list (「別表第一及び別表第二」, 「別表第一、別表第二」)
# (on one line, or across one line break on either side: a blank line never joins two tables)
_TABLES_JOINED = compile_on_use(r"(?:[^\S\n]*\n)?[^\S\n]*(?:及び|並びに|又は|若しくは|と|、|，|,|・|／|/)(?:[^\S\n]*\n)?[^\S\n]*\Z")
_BRACKET_OPENS = compile_on_use(r"[ \t\u3000]*[（(][\s]*\Z")


def _rows_under(text: str, c: Citation) -> bool:
    """Whether the rows of the table citation ``c`` stand under its name, past a line break or a tab
    (「別表第二\n27の項」, 「別表第二\t項番\t27」), as a list under a heading, not joined to the name by の
    (「別表第二の\n27の項」 is 「別表第二の27の項」 broken by a line)."""
    table, row = c.first_parts("table", "row")
    if table is None or row is None:
        return False
    gap = text[table.end : row.start]
    return ("\n" in gap or "\t" in gap) and "の" not in gap


def _one_line(s: str, limit: int = 30) -> str:
    """A text for a message: on one line, cut with 「…」."""
    s = s.replace("\r", "").replace("\n", "")
    return s if len(s) <= limit else s[: limit - 1] + "…"


def _rows_of_which_table(
    text: str, out: Sequence[Citation | Finding], table: Citation, index: int, rows: Citation
) -> bool:
    """Whether the rows ``rows`` that hang on ``table`` may be those of another table as well: ``table``
    names two old tables (「別表第一及び第二」), or, named without rows, it follows another old table
    without rows joined to it, and the rows are a list that hangs on it (「別表第一及び別表第二（16の
    項、27の項）」, 「別表第一及び別表第二\n・27の項」), or 同表 in a bracket right after it.  Each old
    table numbers its rows apart."""
    if rows.kind is CitationKind.TABLE and rows.table_basis is not TableBasis.ANTECEDENT:
        return False
    if len(set(table.tables)) > 1:
        return True
    if table.rows or table.table not in OLD_TABLES:
        return False
    if rows.kind is CitationKind.TABLE and not _BRACKET_OPENS.match(text, table.end, rows.start):
        return False  # (「別表第一及び別表第二。同表の28の項」: 同表 names the table cited last)
    prev = out[index - 1] if index > 0 else None
    return (
        isinstance(prev, Citation)
        and prev.kind is CitationKind.TABLE
        and not prev.rows
        and prev.table in OLD_TABLES
        and prev.table is not table.table
        and _TABLES_JOINED.match(text, prev.end, table.start) is not None
    )


def _other_table_between(table: Citation | _Kept, near: Citation | _Kept) -> bool:
    """Whether ``near``, the table cited last (in a bracket closed since), stands after ``table`` (what a list
    hangs on) and is another table than it: another of the act's (numbered apart) or another law's."""
    if near.start < table.end:
        return False
    if isinstance(near, _Kept):  # another law's, silently or reported
        return near.finding is None or near.finding.reason == F.LAW_OTHER
    return isinstance(table, _Kept) or (near.table, near.tables) != (table.table, table.tables)


class _Seen:
    """The tables (or titles) cited so far in a passage that a list after them can hang on.

    A list hangs on the last one not inside a bracket closed before the list (「及び別表第二
    （別表第二における情報提供の根拠）：…（１、２の項）」 is a list of the first 別表第二).  A
    bracket once closed stays closed, so what it holds is dropped for good, and the text between
    the last one and the list is read once (where it was read to is remembered): linear time."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._passage = -1
        self._stack: list[list[Any]] = []  # [citation, its index, read up to, bracket depth there]
        self.last: tuple[Citation | _Kept, int] | None = None  # the last one added, in brackets or not

    def add(self, c: Citation | _Kept, index: int) -> None:
        if c.passage != self._passage:
            self._passage, self._stack = c.passage, []
        _push_open(self._text, self._stack, [c, index, c.end, 0])
        self.last = (c, index)

    def before(self, c: Citation) -> tuple[Citation | _Kept, int] | None:
        if c.passage != self._passage:
            return None
        while self._stack and self._closed_before(self._stack[-1], c.start):
            self._stack.pop()
        if not self._stack or c.start - self._stack[-1][0].end > _MAX_ANTECEDENT_DISTANCE:
            return None
        return self._stack[-1][0], self._stack[-1][1]

    def before_across(self, c: Citation) -> tuple[Citation | _Kept, int] | None:
        """As :meth:`before`, but when nothing was cited yet in ``c``'s passage, the last one cited
        in an earlier passage: 「同表」 names the table cited last, across a blank line too."""
        if c.passage == self._passage:
            return self.before(c)
        while self._stack and self._closed_before(self._stack[-1], c.start):
            self._stack.pop()
        if not self._stack or c.start - self._stack[-1][0].end > _MAX_ANTECEDENT_DISTANCE:
            return None
        return self._stack[-1][0], self._stack[-1][1]

    def _closed_before(self, entry: list[Any], pos: int) -> bool:
        return _closed_before(self._text, entry, pos)


def _closed_before(text: str, entry: list[Any], pos: int) -> bool:
    """Whether a bracket open where ``entry`` was read to (entry[2], at bracket depth entry[3]) closes
    before ``pos``; entry[2:4] move on to ``pos``, so that no text is read twice."""
    depth = entry[3]
    for m in _BRACKET.finditer(text, entry[2], pos):
        depth += 1 if m.group() in "（(" else -1
        if depth < 0:
            return True
    entry[2], entry[3] = max(entry[2], pos), depth
    return False


def _push_open(text: str, stack: list[list[Any]], entry: list[Any]) -> None:
    """Put ``entry`` (read from entry[2], at depth 0) on a stack of :func:`_closed_before` entries,
    first dropping the top one when no bracket stands between where it was read to (at depth 0)
    and ``entry``: a bracket that closes it would close ``entry`` too, so it can never be the answer
    again.  A run of citations with no bracket between them keeps one entry, not one per citation."""
    if stack:
        top = stack[-1]
        lo, hi = top[2], entry[2]
        if (
            top[3] == 0 and lo <= hi  # (four C-level finds: most gaps between citations hold no bracket)
            and text.find("（", lo, hi) < 0 and text.find("）", lo, hi) < 0
            and text.find("(", lo, hi) < 0 and text.find(")", lo, hi) < 0
        ):
            stack.pop()
    stack.append(entry)


class _Spans:
    """The positions inside any of some spans (half-open, overlapping or not), tested by bisection over
    their starts and the furthest end reached so far: not a set of every position (a text with many
    definitions has many terms)."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        ordered = sorted(sp for sp in spans if sp[0] < sp[1])
        self._starts = [sp[0] for sp in ordered]
        self._reach = list(itertools.accumulate((sp[1] for sp in ordered), max))

    def __contains__(self, pos: int) -> bool:
        k = bisect.bisect_right(self._starts, pos) - 1
        return k >= 0 and self._reach[k] > pos

    def __bool__(self) -> bool:
        return bool(self._starts)


_LAWS_KEPT = 64  # the laws of the last citations _find keeps, for a table joined past a note


class _OpenEnds:
    """The ends of the citations read so far that no bracket closed since holds (see :class:`_Seen`)."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._stack: list[list[Any]] = []  # [end, None, read up to, bracket depth there]

    def push(self, end: int) -> None:
        _push_open(self._text, self._stack, [end, None, end, 0])

    def last(self, pos: int) -> int:
        """Where the last of them before ``pos`` ends (0: none)."""
        stack, text = self._stack, self._text
        while stack:
            top = stack[-1]
            # most citations follow the last one with no bracket closed between them: two C-level finds
            if text.find("）", top[2], pos) < 0 and text.find(")", top[2], pos) < 0:
                break
            if not _closed_before(text, top, pos):
                break
            stack.pop()
        return stack[-1][0] if stack else 0


_BRACKET = compile_on_use(r"[（）()]")


def _resolve_antecedents(
    text: str, items: Sequence[Citation | Finding], kept: Sequence[_Kept] = (), others: list[tuple[int, int]] | None = None
) -> list[Citation | Finding]:
    """Attach 同表, row lists and reference lists to what they hang on; turn the unestablished into findings.

    A list hangs on the table (a reference list: the order's title) cited last before it in its
    passage, not inside a bracket closed before it, whether its law is established or not: a list
    whose table is not established is not either, and is kept with it.  A ``kept`` table or title
    (another law's, …) takes the lists after it as well: they are reported as it is, or dropped with
    it when it is silently another law's."""
    out: list[Citation | Finding] = []
    tables, orders = _Seen(text), _Seen(text)
    # kept ones enter the stacks where they stand (before the items after them, in one merge)
    waiting = sorted(kept, key=_SPAN, reverse=True)
    next_kept = waiting[-1].start if waiting else len(text) + 1

    def hangs_on_kept(c: Citation, k: _Kept) -> None:
        if k.finding is not None:  # reported as its table is
            out.append(Finding(c.start, c.end, c.text, k.finding.reason, k.finding.message, citation=c))
        elif others is not None and not k.orders:  # silently another law's, as its table is
            others.append((c.start, c.end))  # (a list after an order's title is no one's rows: it stays unread)

    for item in items:
        while next_kept < item.start:
            k = waiting.pop()
            if not k.rows_pass:
                tables.add(k, -1)  # rows after a title kept are not an earlier table's either
            if k.orders:
                orders.add(k, -1)
            next_kept = waiting[-1].start if waiting else len(text) + 1
        if isinstance(item, Finding):
            out.append(item)
            continue
        c = item
        if c.table_basis is TableBasis.ANTECEDENT:
            if c.kind is CitationKind.ORDER_REFS:
                found = orders.before(c)
                if found is None:
                    out.append(_finding(c, F.NO_ANTECEDENT))
                    continue
                last_order, last_order_index = found
                if isinstance(last_order, _Kept):
                    hangs_on_kept(c, last_order)
                    continue
                c = attrs.evolve(
                    c,
                    law=last_order.law,
                    law_basis=last_order.law_basis,
                    order=last_order.order,
                    table=last_order.table,
                    antecedent=last_order_index,
                )
                if last_order.law_basis is None:
                    out.append(_finding(c, F.LAW_UNKNOWN))
                    continue
                out.append(c)
                continue
            # 同表 (the table cited last, in an earlier passage too) or a bare row list (in its passage)
            found = tables.before_across(c) if c.kind is CitationKind.TABLE else tables.before(c)
            if found is None:
                near = tables.last
                if (
                    near is not None
                    and near[1] >= 0
                    and c.start - near[0].end <= _MAX_ANTECEDENT_DISTANCE
                    and (c.kind is CitationKind.TABLE or near[0].passage == c.passage)
                ):
                    # 「番号法（別表第一の16の項）\n同表の20の項」, 「番号法別表第一）項番：16の項」: the table in a
                    # closed bracket is not what 同表 or a list hangs on (as a law named in brackets is not
                    # 同法's), but a reader may take it so: it stays as written too
                    c = attrs.evolve(c, antecedent=near[1])
                out.append(_finding(c, F.NO_ANTECEDENT))
                continue
            last_table, last_table_index = found
            near = tables.last
            if (
                isinstance(last_table, _Kept) and c.rows and c.kind is CitationKind.ROW_LIST and near is not None
                and isinstance(near[0], Citation) and near[1] >= 0 and isinstance(out[near[1]], Citation)
                and _other_table_between(last_table, near[0])
            ):
                # 「別表（別表第一）（16の項）」: the list hangs on a table kept (a document's own 別表), but a reader may take
                # its rows as the act's table's in the bracket: the list and that table stay, reported
                span = _one_line(text[last_table.start : c.end])
                message = F.ROWS_OF_TABLES_BRACKET.format(found=span)
                out.append(Finding(c.start, c.end, c.text, F.ROWS_OF_TABLES, message, citation=c))
                bracketed = near[0]
                assert isinstance(bracketed, Citation)
                out[near[1]] = Finding(bracketed.start, bracketed.end, bracketed.text, F.ROWS_OF_TABLES, message, citation=bracketed)
                continue
            if isinstance(last_table, _Kept):
                hangs_on_kept(c, last_table)
                continue
            if last_table.law_basis is None:  # its table's law is not established: nor is the list's
                out.append(_finding(attrs.evolve(c, antecedent=last_table_index), F.LAW_UNKNOWN))
                continue
            if c.rows and c.kind is CitationKind.ROW_LIST and near is not None and _other_table_between(last_table, near[0]):
                # 「番号法別表（別表第一）（16の項）」, 「主務省令第2条の表（別表第二）（27の項）」, 「番号法別表第二（住民基本台帳法
                # 別表第一）（27の項）」: the list hangs on the table before the closed bracket, but a reader may take the
                # rows as the bracketed table's, numbered apart: the list and both tables stay
                span = _one_line(text[last_table.start : c.end])
                message = F.ROWS_OF_TABLES_BRACKET.format(found=span)
                cited = attrs.evolve(c, antecedent=last_table_index)
                out.append(Finding(c.start, c.end, c.text, F.ROWS_OF_TABLES, message, citation=cited))
                for i in (last_table_index, near[1]):
                    t = out[i] if i >= 0 else None
                    if isinstance(t, Citation):
                        out[i] = Finding(t.start, t.end, t.text, F.ROWS_OF_TABLES, message, citation=t)
                continue
            if c.rows and _rows_of_which_table(text, out, last_table, last_table_index, c):
                # 「別表第一及び第二（27の項）」, 「別表第一及び別表第二（16の項、27の項）」: rows of one table or
                # of both?  The old tables number their rows apart
                both = len(set(last_table.tables)) > 1
                first = out[last_table_index - 1]
                span = _one_line(text[(last_table if both else first).start : c.end])
                out.append(_finding(attrs.evolve(c, antecedent=last_table_index), F.ROWS_OF_TABLES, found=span))
                if not both and isinstance(first, Citation):  # the first table is kept with them, and says why
                    out[last_table_index - 1] = _finding(first, F.ROWS_OF_TABLES, found=span)
                if near is not None and near[1] > last_table_index and isinstance(out[near[1]], Citation):
                    # 「別表第一、別表第二（別表第二）（１の項）」: the table in the bracket closed right before the rows is
                    # kept with them (renamed, it would name the new table over rows left in the old numbering)
                    inside = out[near[1]]
                    assert isinstance(inside, Citation)
                    out[near[1]] = _finding(inside, F.ROWS_OF_TABLES, found=span)
                continue
            c = attrs.evolve(
                c,
                law=last_table.law if c.kind is not CitationKind.TABLE else c.law or last_table.law,
                law_basis=last_table.law_basis if c.law_basis is None or c.kind is CitationKind.ROW_LIST else c.law_basis,
                table=last_table.table,
                tables=(),
                antecedent=last_table_index,
            )
        prev = out[-1] if out else None
        if (
            c.kind is CitationKind.TABLE and c.rows and c.table in OLD_TABLES
            and not c.tables and c.table_basis is not TableBasis.ANTECEDENT and isinstance(prev, Citation)
            and prev.kind is CitationKind.TABLE and not prev.rows and not prev.tables and prev.table in OLD_TABLES
            and prev.table is not c.table and _TABLES_JOINED.match(text, prev.end, c.start) is not None
            and (len(c.rows) > 1 or _rows_under(text, c))
        ):
            # 「番号法別表第一及び別表第二の16の項、27の項」: rows after two tables, some of them perhaps the first's
            # (one row too when it stands under the names, on the next line or in the next cell: 「…別表第二\n27の項」)
            span = _one_line(text[prev.start : c.end])
            out[-1] = _finding(prev, F.ROWS_OF_TABLES, found=span)
            out.append(_finding(c, F.ROWS_OF_TABLES, found=span))
            continue
        # findings for what is not established
        if c.law_basis is None:
            reason = F.SAME_LAW_UNRESOLVED if "".join((c.law or "").split()) in SAME_LAW_NAMES else F.LAW_UNKNOWN
            out.append(_finding(c, reason))
        elif c.table is Table.OTHER or Table.OTHER in c.tables:
            out.append(_finding(c, F.UNKNOWN_TABLE))
        elif c.column is not None:
            out.append(_finding(c, F.COLUMN_REFERENCE, column=c.column))
        else:
            out.append(c)
        # a table or title is what the lists after it hang on, established or not
        if c.kind is CitationKind.TABLE:
            tables.add(c, len(out) - 1)
        elif c.kind is CitationKind.ORDER_TITLE:
            orders.add(c, len(out) - 1)
    return out

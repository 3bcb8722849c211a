"""A PIA's lists of bases, written and read the way PIAs write them.

Two kinds of list stand in a PIA's 「法令上の根拠」:

* rows of 第2条の表 (before 2024-05-27, of 別表第二): 「（１、２、３、５、…、１６６の項）」;
* references into the order, grouped by article: 「（３条１号ハ、４条１０号ハ・１７号ニ、…、
  ６０条１項１号ロ・２号ホ・２項１号ロ…）」 — articles separated by 「、」, the 号 of one article
  by 「・」, a 項 written before the first 号 of that 項.

:func:`render_row_list` and :func:`render_reference_list` write them (full-width digits by
default, through :mod:`mynumber_refs.numerals`); :func:`read_reference_list` reads a written
reference list back, tolerating line breaks inside numbers (PDF extraction: 「２\\n４号ニ」), and
reads the slips real lists contain as intended, each reported as a :class:`ListFinding` with its
position: 「５５号１号ト」 (条 written as 号), hiragana 「へ」 (and other look-alikes) for a letter,
「、」 inside an article's group, a missing separator (「３号ニ１６条」).

:func:`read_criterion` reads the content criterion that introduces a row list:
「第三欄（情報提供者）が「市町村長」の項のうち、第四欄（特定個人情報）に「住民票関係情報」が含まれる項（」.

The project's grammar reads reference lists too (``order_refs``); this reader exists because a
list must be read with its slips reported, and because the new order has 号 with branch numbers
(第83条第2号の2), which the grammar's lists do not take.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence

import attrs

from ._patterns import compile_on_use
from .model import RowNumber, Style
from .numerals import NumeralStyle, parse_int, render_int
from .render import render_rows
from .scan import View, make_view, may_hold_citation

__all__ = [
    "IROHA",
    "Reference",
    "ListFinding",
    "ReadList",
    "Criterion",
    "render_row_list",
    "render_reference_list",
    "read_reference_list",
    "read_criterion",
    "read_label_criterion",
    "criterion_before",
    "criterion_leading",
    "names_side",
    "column_criterion",
    "column_above",
    "LIST_TYPO_ARTICLE",
    "LIST_TYPO_LETTER",
    "LIST_COMMA_IN_GROUP",
    "LIST_SEPARATOR_MISSING",
    "LIST_UNREADABLE",
]

# The letters of sub-items (イ, ロ, ハ …) in the law's order.
IROHA = "イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセス"

# Characters typed for a letter that look the same: hiragana へ, kanji 口 二 八 卜 力 夕 工.
LOOKALIKES = {"へ": "ヘ", "口": "ロ", "二": "ニ", "八": "ハ", "卜": "ト", "力": "カ", "夕": "タ", "工": "エ"}
# and each letter in half-width katakana (ﾊ for ハ: text from older systems)
LOOKALIKES.update(
    {chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0xFF66, 0xFF9E) if unicodedata.normalize("NFKC", chr(c)) in IROHA}
)

LIST_TYPO_ARTICLE = "list-article-as-item"
LIST_TYPO_LETTER = "list-letter-lookalike"
LIST_COMMA_IN_GROUP = "list-comma-in-group"
LIST_SEPARATOR_MISSING = "list-separator-missing"
LIST_UNREADABLE = "list-unreadable"


def _iroha_index(letter: str) -> int:
    return IROHA.index(letter) + 1 if letter else 0


@attrs.frozen(order=False)
class Reference:
    """One reference into an order: 第3条第1号ハ is ``Reference(RowNumber((3,)), None, RowNumber((1,)), "ハ")``.

    ``paragraph`` is ``None`` where the article has no 項 (or none is written); ``item`` is
    ``None`` for an article without 号; ``letter`` is ``""`` where there is none.
    """

    article: RowNumber
    paragraph: int | None = None
    item: RowNumber | None = None
    letter: str = ""

    @classmethod
    def of(cls, article: int, paragraph: int | None = None, item: int | str | None = None, letter: str = "") -> Reference:
        """``Reference.of(60, 2, 1, "ロ")``; ``item`` may be ``"2の2"``."""
        it = None if item is None or item == "" else RowNumber.parse(str(item))
        return cls(RowNumber((article,)), paragraph, it, letter)

    def sort_key(self) -> tuple[tuple[int, ...], int, tuple[int, ...], int]:
        return (
            self.article.parts,
            self.paragraph or 0,
            self.item.parts if self.item is not None else (),
            _iroha_index(self.letter),
        )

    def __lt__(self, other: Reference) -> bool:
        return self.sort_key() < other.sort_key()

    def as_json(self) -> dict[str, str]:
        """``{"article": "3", "paragraph": "", "item": "1", "letter": "ハ"}`` (strings, "" where none)."""
        return {
            "article": str(self.article),
            "paragraph": "" if self.paragraph is None else str(self.paragraph),
            "item": "" if self.item is None else str(self.item),
            "letter": self.letter,
        }

    def label(self, style: NumeralStyle = NumeralStyle.HALF) -> str:
        """``3条1号ハ``, ``60条2項1号ロ``, ``83条2号の2``, ``22条の3　1号ロ``, ``21条`` (in ``style``)."""
        return render_reference_list([self], style)


# ------------------------------------------------------------------------------------ rendering


def _article(a: RowNumber, style: NumeralStyle) -> str:
    return render_int(a.main, style) + "条" + "".join("の" + render_int(b, style) for b in a.branches)


def _item(i: RowNumber, style: NumeralStyle) -> str:
    return render_int(i.main, style) + "号" + "".join("の" + render_int(b, style) for b in i.branches)


def render_row_list(rows: Iterable[int | RowNumber], style: NumeralStyle = NumeralStyle.FULL) -> str:
    """``１、２、３の項`` (without the parentheses), through the project's row renderer."""
    numbers = [r if isinstance(r, RowNumber) else RowNumber((r,)) for r in rows]
    return render_rows(numbers, Style(numerals=style), style)


def render_reference_list(refs: Sequence[Reference], style: NumeralStyle = NumeralStyle.FULL) -> str:
    """References grouped by article in the PIA's style (without the parentheses):
    ``３条１号ハ、４条１０号ハ・１７号ニ、６０条１項１号ロ・２号ホ・２項１号ロ``.

    References are written in the order given; consecutive ones of the same article form one group.
    """
    groups: list[str] = []
    current: RowNumber | None = None
    paragraph: int | None = None
    parts: list[str] = []
    for ref in refs:
        if ref.article != current:
            if parts:
                groups.append("・".join(parts))
            parts = []
            current = ref.article
            paragraph = None
            head = _article(ref.article, style)
        else:
            head = ""
        piece = head
        if head and ref.article.branches and (ref.paragraph is not None or ref.item is not None):
            piece += "\u3000"  # 「２２条の３　１号ロ」: the space keeps the branch from running into the number
        if ref.paragraph is not None and ref.paragraph != paragraph:
            piece += render_int(ref.paragraph, style) + "項"
            paragraph = ref.paragraph
        if ref.item is not None:
            piece += _item(ref.item, style) + ref.letter
        parts.append(piece)
    if parts:
        groups.append("・".join(parts))
    return "、".join(groups)


# -------------------------------------------------------------------------------------- reading


@attrs.frozen
class ListFinding:
    """A slip in a written list, read as intended: where it is, what is written, how it was read."""

    code: str
    start: int
    end: int
    found: str
    read_as: str
    message: str


@attrs.frozen
class ReadList:
    """References read from a list at ``start``–``end`` of the text (``end`` after its ``）``)."""

    start: int
    end: int
    references: tuple[tuple[Reference, int, int], ...]  # each with its span in the text
    findings: tuple[ListFinding, ...] = ()
    complete: bool = True  # False when reading stopped before the closing parenthesis


_D = "[0-9０-９]"
# a number may hold line breaks (PDF text: 「２\n４号」); a branch number (「条の３」) may not, so that
# 「４３条の３\n２号」 is 43条の3 第2号, as the grammar reads it
_NUM = rf"{_D}+(?:[\r\n]+{_D}+)*"
_NL = r"[\r\n]*"
_DAI = rf"(?:第{_NL})?"  # 「３条第１号ハ」, 「第３条第１号ハ」: the 第 the law writes
_TOKEN = compile_on_use(
    rf"(?P<ws>\s+)"
    rf"|{_DAI}(?P<art>{_NUM}){_NL}条(?P<artb>(?:{_NL}の[ \t\u3000]*{_D}+)*)"
    rf"|{_DAI}(?P<para>{_NUM}){_NL}項"
    rf"|{_DAI}(?P<item>{_NUM}){_NL}号(?P<itemb>(?:{_NL}の[ \t\u3000]*{_D}+)*){_NL}(?P<letter>[{IROHA}{''.join(LOOKALIKES)}])?"
    rf"|(?P<sep>[、，,・･､]|及び|並びに)"
    # a letter of the 号 before it, after a separator (「１号ハ・ニ」, 「１号ハ及びニ」) or as the end of a range of its
    # letters (「ハ～ニ」, 「イからハまで」)
    rf"|(?P<to>[～〜~]|から){_NL}(?P<last>[{IROHA}])(?:{_NL}まで)?"
    rf"|(?P<bare>[{IROHA}])(?![{IROHA}])"
    rf"|(?P<close>[）)])"
)
_BRANCH = compile_on_use(rf"の[ \t\u3000]*({_D}+)")
_KINDS = ("ws", "art", "para", "item", "sep", "to", "bare", "close")


def _branches(s: str) -> tuple[int, ...]:
    return tuple(parse_int(b) for b in _BRANCH.findall(s))


def _message(code: str, found: str, read_as: str) -> str:
    ja, en = {
        LIST_TYPO_ARTICLE: ("条を号と書いた誤記として読みました", "read as an article written with 号"),
        LIST_TYPO_LETTER: ("細目の文字（カタカナ）と読みました", "read as the katakana letter"),
        LIST_COMMA_IN_GROUP: ("同じ条の中の「、」を「・」と読みました（条の続きとして読みました）",
                              "a 、 inside an article's group, read as continuing that article"),
        LIST_SEPARATOR_MISSING: ("区切りのない二つの参照として読みました", "read as two references with the separator missing"),
        LIST_UNREADABLE: ("参照として読めないため、ここで読むのをやめました", "not a reference; reading stopped here"),
    }[code]
    return f"「{found}」→「{read_as}」：{ja} / {found} → {read_as}: {en}"


def _finding(code: str, text: str, start: int, end: int, read_as: str) -> ListFinding:
    found = "".join(text[start:end].split())
    return ListFinding(code, start, end, found, read_as, _message(code, found, read_as))


def read_reference_list(text: str, start: int) -> ReadList | None:
    """Read the reference list whose opening parenthesis (or first reference) is at ``start``.

    Spaces separate references; line breaks inside a number are ignored (PDF text).  Returns
    ``None`` when no reference can be read there.
    """
    limit = min(len(text), start + 20_000)
    k = start
    if text[k : k + 1] in ("（", "("):
        k += 1
    close = min((i for i in (text.find("）", k, limit), text.find(")", k, limit)) if i != -1), default=limit)
    uses_dot = "・" in text[k:close] or "･" in text[k:close]
    refs: list[tuple[Reference, int, int]] = []
    findings: list[ListFinding] = []
    article: RowNumber | None = None
    paragraph: int | None = None
    pending_article: tuple[RowNumber, int, int] | None = None  # an article with nothing after it yet
    last = "start"  # the kind of the last token (whitespace after a separator is not counted)
    last_sep = ""
    last_sep_at = -1
    comma_finding_of_last_item: ListFinding | None = None
    prev_item_bare = False  # the last item had no letter and no branch
    complete = False
    while k < limit:
        m = _TOKEN.match(text, k, limit)
        if m is None:
            if refs or pending_article:
                findings.append(_finding(LIST_UNREADABLE, text, k, min(limit, k + 1), ""))
            break
        kind = next(g for g in _KINDS if m.group(g) is not None)
        if kind == "ws":
            k = m.end()
            if last not in ("start", "sep"):
                last = "ws"
            continue
        if kind == "close":
            k = m.end()
            complete = True
            break
        if kind == "sep":
            last, last_sep, last_sep_at = "sep", m.group("sep"), k
            k = m.end()
            continue
        if kind in ("to", "bare"):
            # more letters of the 号 just read: after a separator, or to the end of a range from its letter
            prev = refs[-1][0] if refs and pending_article is None else None
            if prev is None or not prev.letter or (last != "sep" if kind == "bare" else last != "item"):
                break
            letter = m.group("bare") or m.group("last")
            first, end = IROHA.index(prev.letter), IROHA.index(letter)
            if end <= first if kind == "to" else False:
                break
            for x in IROHA[first + 1 : end + 1] if kind == "to" else letter:
                refs.append((attrs.evolve(prev, letter=x), k, m.end()))
            last = "item"
            prev_item_bare = False
            k = m.end()
            continue
        comma_in_group = pending_article is None and last == "sep" and last_sep in "、，,､" and uses_dot
        if kind == "art":
            if pending_article is not None:
                refs.append((Reference(pending_article[0]), pending_article[1], pending_article[2]))
            if last in ("item", "para", "art"):  # 「３号ニ１６条」
                findings.append(_finding(LIST_SEPARATOR_MISSING, text, max(start, k - 3), m.end(),
                                         "".join(text[max(start, k - 3) : m.end()].split())))
            number = _number(m.group("art"), m.group("artb"))
            if number is None:  # 「0条」, 「5条の1」: no article is numbered so; the list ends before it
                break
            article = number
            paragraph = None
            pending_article = (article, k, m.end())
            last = "art"
            prev_item_bare = False
            k = m.end()
            continue
        if kind == "para":
            if article is None:
                break
            if comma_in_group:
                findings.append(_finding(LIST_COMMA_IN_GROUP, text, last_sep_at, m.end(),
                                         "・" + "".join(text[k : m.end()].split())))
            paragraph = parse_int(m.group("para"))
            last = "para"
            k = m.end()
            continue
        # an item (号), with its letter
        found_item = _number(m.group("item"), m.group("itemb"))
        if found_item is None:  # 「0号」, 「2号の0」: no item is numbered so
            break
        item = found_item
        letter_written = m.group("letter") or ""
        letter = LOOKALIKES.get(letter_written, letter_written)
        ref_start = pending_article[1] if pending_article is not None else k
        this_comma: ListFinding | None = None
        if last == "item" and prev_item_bare and refs:
            # 「５５号１号ト」: the 号 before this one, with nothing between, is the article
            wrong, wstart, _wend = refs.pop()
            assert wrong.item is not None
            if comma_finding_of_last_item is not None:  # its 「、」 was the article separator after all
                findings.remove(comma_finding_of_last_item)
            article = RowNumber((wrong.item.main,))
            paragraph = None
            written = "".join(text[wstart : m.end()].split())
            head = "".join(text[wstart:k].split())
            read_as = head[: head.rfind("号")] + "条" + head[head.rfind("号") + 1 :] + "".join(text[k : m.end()].split())
            findings.append(ListFinding(LIST_TYPO_ARTICLE, wstart, m.end(), written, read_as,
                                        _message(LIST_TYPO_ARTICLE, written, read_as)))
            ref_start = wstart
        elif article is None:
            break
        elif comma_in_group:
            this_comma = _finding(LIST_COMMA_IN_GROUP, text, last_sep_at, m.end(),
                                  "・" + "".join(text[k : m.end()].split()))
            findings.append(this_comma)
        if letter_written and letter != letter_written:
            lk = m.start("letter")
            findings.append(_finding(LIST_TYPO_LETTER, text, lk, lk + 1, letter))
        assert article is not None
        refs.append((Reference(article, paragraph, item, letter), ref_start, m.end()))
        comma_finding_of_last_item = this_comma
        pending_article = None
        prev_item_bare = not letter_written and not item.branches
        last = "item"
        k = m.end()
    if pending_article is not None:
        refs.append((Reference(pending_article[0]), pending_article[1], pending_article[2]))
    if not refs:
        return None
    findings.sort(key=lambda f: (f.start, f.end))
    return ReadList(start, k, tuple(refs), tuple(findings), complete)


# ------------------------------------------------------------------------------------ criterion


@attrs.frozen
class Criterion:
    """A content criterion written before a row list: provider (第三欄) and information (第四欄).

    ``provider``/``information`` are ``None`` when the text introduces the list by another
    criterion (「第一欄（情報照会者）が…の項」, a 第三欄 with no 第四欄 …): ``written`` holds it.
    """

    provider: str | None
    information: str | None
    written: str
    start: int
    end: int

    @property
    def supported(self) -> bool:
        return self.provider is not None and self.information is not None


_COL3 = r"第[三3３]欄(?:[（(][^（）()]{0,20}[）)])?"
_COL4 = r"第[四4４]欄(?:[（(][^（）()]{0,20}[）)])?"
_CRITERION = compile_on_use(
    rf"{_COL3}(?:が|は|に|の)「(?P<provider>[^「」]{{1,40}})」"
    rf"(?:(?:である|とされている)?(?:の)?項のうち[、，,]?|であり[、，,]?|で[、，,]|(?:であり[、，,]?)?かつ[、，,]?)"  # 「…の項のうち、」「…であり、」「…かつ」
    rf"{_COL4}(?:に|が|の)「(?P<information>[^「」]{{1,40}})」(?:が)?(?:含まれる|を含む|である)(?:項|もの)[（(：:]\Z"
)
# the columns named by their headings: 「情報提供者：市町村長、特定個人情報：住民票関係情報（」
_LABELLED_CRITERION = compile_on_use(
    r"情報提供者(?:[：:]「?|「)(?P<provider>[^「」、，,：:（）()]{1,40})」?[、，,]"
    r"(?:利用)?特定個人情報(?:[：:]「?|「)(?P<information>[^「」、，,：:（）()]{1,40})」?"
    r"(?:(?:が含まれる|を含む)項)?[（(：:]\Z"
)
# any other 「第N欄…項（」 just before the list (the column also named by its heading, 「情報提供者が「…」の
# 項（」): a criterion this module does not derive
_OTHER_CRITERION = compile_on_use(
    r"(?:第[一二三四五六七八九1-9１-９]欄|情報照会者|情報提供者)[^。（(]{0,60}(?:[（(][^（）()]{0,20}[）)][^。（(]{0,60})*(?:項|もの)[（(：:]\Z"
)
# words that show a list writes its criterion even where it is not read as one: a column, by its
# number or its heading, or the inquirer's side (「（別表第二における情報照会の根拠）」); a side is also named by
# 照会 or 提供 as a heading of its own: standing alone (with 側, 元, 先 or 者, 「として」 or 「の根拠」) between a line's
# start, an opening bracket or a bullet and a closing bracket, a colon or the line's end (「（照会）」, 「照会：」,
# 「【提供】」, 「照会元として：」, both: 「照会・提供：」; not 「特定個人情報の\n提供の制限」); 情報提供ネットワークシステム names no side
_CRITERION_WORD = compile_on_use(r"(?P<column>第[一二三四五六七八九1-9１-９]欄|情報照会者|情報提供者)|情報照会|情報提供(?!ネットワーク)")
# (read on the text itself, where the line breaks are)
_SIDE_HEADING = compile_on_use(
    r"(?:^|(?<=[\n。（(【＜<〈《［\[■◆◇●○・◎※＊*]))[ \t\u3000]*(?P<heading>(?:(?:照会|提供)(?:側|元|先)?[・･／/、][ \t\u3000]*)?"
    r"(?:照会|提供)(?P<person>者)?(?:側|元|先)?"
    r"(?:として|の根拠)?)(?=[ \t\u3000]*(?:[）)】＞>〉》］\]：:\r\n]|$))"
)


def _number(main: str, branches: str | None) -> RowNumber | None:
    """An article's or item's number as written (「２２条の４」), or None when no provision is
    numbered so (0, a branch 0 or 1)."""
    try:
        return RowNumber((parse_int(main), *_branches(branches or "")))
    except ValueError:
        return None

_BLANK_LINE = compile_on_use(r"\n[ \t\u3000\r]*\n")


def read_criterion(text: str, list_start: int, reach: int = 300, after: int = 0) -> Criterion | None:
    """The criterion written just before the list that starts (with its first number) at ``list_start``.

    Whitespace and line breaks anywhere are ignored, but the criterion is read only in the list's
    own passage: never across a blank line (the one before belongs to another paragraph, and a
    rewrite that lengthens a table's name would move it out of reach), and after ``after`` (the end
    of the table the list belongs to: a criterion before that table introduced another list).
    ``None`` when the list writes no criterion; one with no provider and information when it writes
    one not read here: another 「第N欄…の項」 phrase, a column named anywhere before it (by number or
    heading: 「情報提供者」), or a heading that makes it the inquirer's (「…情報照会の根拠」), so that a
    criterion given for lists that write none is never put on it.
    """
    lo = max(0, list_start - reach, after)
    for blank in _BLANK_LINE.finditer(text, lo, list_start):
        lo = blank.end()
    view = make_view(text, lo, list_start)
    m = _CRITERION.search(view.text)
    if m is not None:
        return Criterion(
            m.group("provider"), m.group("information"), m.group(0)[:-1],
            view.position(m.start()), view.position(m.end() - 1),
        )
    m = _LABELLED_CRITERION.search(view.text)
    if m is not None:
        return Criterion(
            m.group("provider"), m.group("information"), m.group(0)[:-1],
            view.position(m.start()), view.position(m.end() - 1),
        )
    m = _OTHER_CRITERION.search(view.text)
    if m is not None:
        return Criterion(None, None, m.group(0)[:-1], view.position(m.start()), view.position(m.end() - 1))
    found = _criterion_word(view, text, lo, list_start)
    if found is not None:
        return Criterion(None, None, found[1], found[0], list_start)
    return None


def read_label_criterion(label: str) -> Criterion | None:
    """The criterion a table's label cell writes for the lists of the cell beside (or below) it: the
    label read as if it stood just before such a list (「情報提供者：市町村長、特定個人情報：住民票関係情報」,
    「第三欄が「市町村長」の項のうち…が含まれる項」), as :func:`read_criterion` reads it; ``None`` when the label
    writes none (「根拠法令」, 「情報提供の根拠」), one with no provider and information when it writes one not read."""
    text = label.rstrip()
    if not text:
        return None
    if text[-1] not in "（(：:":
        text += "（"
    found = read_criterion(text, len(text))
    if found is not None:
        return found
    # a label names its side in a word of its own too (「照会」｜「提供」, 「照会側」); one that names both (「照会・提供」)
    # gives none: its lists' criterion is not established
    sides = list(_HEADING_SIDE.finditer(text))
    if len({m.group() for m in sides}) == 2:
        return Criterion(None, None, _phrase(text, sides[0].start()).strip() or text, sides[0].start(), len(text))
    if sides and sides[-1].group() == "照会":
        return Criterion(None, None, _phrase(text, sides[-1].start()).strip() or "照会", sides[-1].start(), len(text))
    return None


# the sides of an exchange as a label or a heading names them in a word of its own (「照会」, 「提供」, 「照会側」);
# 情報提供ネットワークシステム names no side
_HEADING_SIDE = compile_on_use(r"照会|提供(?![ \t\u3000]*ネットワーク)")


def names_side(label: str) -> bool:
    """Whether a heading cell names the side, a column or the criterion of the lists under it (「情報照会の根拠」,
    「提供」, 「情報提供者」, 「情報提供者：市町村長、特定個人情報：住民票関係情報」): a heading that says none of this
    (「根拠法令」, 「なし」) leaves them to the heading above it."""
    return _HEADING_SIDE.search(label) is not None or read_label_criterion(label) is not None


def column_criterion(cells: Sequence[str]) -> Criterion | None:
    """The criterion the heading of a table's column writes for the lists in its cells: ``cells`` are the texts
    of the cells above a list's cell in its column, nearest first, and the nearest that names a side, a column
    or a criterion (:func:`names_side`) is its heading, read as a label cell is (:func:`read_label_criterion`):
    ``None`` for the provider's side (「情報提供の根拠」, 「提供」) or when no cell names one.  Other lists on the
    way up, and cells that write a sentence (「。」: the content of an item, 「…情報照会を行い、…を取得する。」), are
    no headings and are passed over."""
    for cell in cells:
        if may_hold_citation(cell) or "。" in cell:
            continue
        if names_side(cell):
            return read_label_criterion(cell)
    return None


def column_above(text: str, pos: int, reach: int = 200) -> tuple[str, ...]:
    """In tab-separated text (a table's rows, one a line, their cells separated by tabs), the texts of the cells
    above the cell holding ``pos`` in its column, nearest first, up to the first line with no tab (the table's
    end) or ``reach`` lines; ``()`` when the line of ``pos`` holds no tab."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    if "\t" not in text[start : end if end != -1 else len(text)]:
        return ()
    column = text.count("\t", start, pos)
    out: list[str] = []
    while start > 0 and len(out) < reach:
        above = text.rfind("\n", 0, start - 1) + 1
        line = text[above : start - 1]
        if "\t" not in line:
            break
        cells = line.split("\t")
        if column < len(cells) and cells[column].strip():
            out.append(cells[column])
        start = above
    return tuple(out)


_PHRASE = compile_on_use(r"[^（）()：:]*")


def _phrase(s: str, start: int) -> str:
    """The words from ``start`` to the next bracket or colon (「情報照会の根拠」 of 「情報照会の根拠）：（」)."""
    m = _PHRASE.match(s, start)
    return (m.group() if m is not None and m.group() else s[start:]).lstrip()


def _criterion_word(view: View, text: str, lo: int, hi: int) -> tuple[int, str] | None:
    """Where in ``text`` and what: the last column named in ``text[lo:hi]`` (``view`` of it), or its last side
    when that is the inquirer's (「情報照会」, 「（照会）」)."""
    column: tuple[int, str] | None = None
    side: tuple[int, str] | None = None
    for m in _CRITERION_WORD.finditer(view.text):
        found = (view.position(m.start()), _phrase(view.text, m.start()))
        if m.group("column"):
            column = found
        else:
            side = found
    for m in _SIDE_HEADING.finditer(text, lo, hi):  # (after the view's words only where they are before it)
        found = (m.start("heading"), m.group("heading"))
        if m.group("person"):
            column = found if column is None or found[0] > column[0] else column
        else:
            side = found if side is None or found[0] > side[0] else side
    if column is None and side is not None:
        # a heading that names both sides (「情報照会・情報提供の根拠」, 「照会・提供」) gives none: it is read as the
        # inquirer's is (its words hold 照会), never as the provider's
        heading = _heading_around(text, side[0])
        if len({m.group() for m in _HEADING_SIDE.finditer(heading)}) == 2:
            side = (side[0], heading)
    return column or (side if side is not None and "照会" in side[1] else None)


# what bounds a heading: a line's or a cell's end, a bracket, a colon, 「。」
_HEADING_BOUNDS = frozenset("\n\r\t。（()）【】＜＞<>〈〉《》［］[]：:")


def _heading_around(text: str, pos: int, reach: int = 60) -> str:
    """The words of the heading that holds ``pos``: from the bound before it to the bound after it (at most ``reach``
    characters each way)."""
    lo = pos
    while lo > 0 and pos - lo < reach and text[lo - 1] not in _HEADING_BOUNDS:
        lo -= 1
    hi = pos
    while hi < len(text) and hi - pos < reach and text[hi] not in _HEADING_BOUNDS:
        hi += 1
    return text[lo:hi]


_SENTENCE_END = compile_on_use(r"。|\n[ \t\u3000\r]*\n")


def criterion_before(text: str, pos: int, reach: int = 300) -> str | None:
    """A criterion written in the sentence before ``pos`` (where a list's table or title starts):
    a column named (「第三欄（情報提供者）が「都道府県知事」である番号利用法別表第二の項」) or the inquirer's
    side (「情報照会の根拠：番号利用法…別表第二」).  Such a list writes its criterion, if before its
    table; ``None`` when the sentence names neither."""
    lo = max(0, pos - reach)
    for end in _SENTENCE_END.finditer(text, lo, pos):
        lo = end.end()
    found = _criterion_word(make_view(text, lo, pos), text, lo, pos)
    return found[1] if found is not None else None


# a criterion written right before its table: a column, by its number or its heading, then a value in 「」 and the verb
# that makes the whole phrase qualify the table that follows (「第三欄（情報提供者）が「都道府県知事」である」+ 番号利用法別表第二),
# or the rows it names as a heading of it (「…「住民票関係情報」が含まれる項」, 「…「都道府県知事」の項：」+ 番号法別表第二（…）);
# 「情報提供者として、」 names a column and qualifies nothing
_LEADING_CRITERION = compile_on_use(
    r"(?P<phrase>(?:第[一二三四五六七八九1-9１-９]欄|情報照会者|情報提供者)[^。]{0,160}?「[^「」]{1,40}」"
    r"(?:(?:である|とする|とされている|に該当する|が含まれる|を含む)(?:の?項)?|の?項))[：:]?\Z"
)


def criterion_leading(text: str, pos: int, reach: int = 300) -> Criterion | None:
    """The criterion written right before ``pos`` (where a list's table starts), as an adjective clause of the table:
    a column named, a value in 「」, and 「である」, 「とする」, 「に該当する」, 「が含まれる」 … ending where the table starts
    (「第三欄（情報提供者）が「都道府県知事」である番号利用法別表第二の項（27、28の項）」), or the rows it names, as a heading
    of the table (「…に「住民票関係情報」が含まれる項：番号法別表第二（27、28の項）」, the table on the next line too).  Read as :func:`read_criterion`
    reads one written before the list (with a provider and information when it gives both, none otherwise); ``None``
    when the sentence before the table ends in no such clause (「情報提供者として、番号利用法別表第二の…」)."""
    lo = max(0, pos - reach)
    for stop in _SENTENCE_END.finditer(text, lo, pos):
        lo = stop.end()
    view = make_view(text, lo, pos)
    m = _LEADING_CRITERION.search(view.text)
    if m is None:
        return None
    phrase = m.group("phrase")
    start, end = view.position(m.start()), view.position(m.end("phrase") - 1) + 1
    read = _CRITERION.search(phrase + ("（" if phrase.endswith("項") else "項（"))
    if read is not None and read.start() == 0:
        return Criterion(read.group("provider"), read.group("information"), phrase, start, end)
    return Criterion(None, None, phrase, start, end)

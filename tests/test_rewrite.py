from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from mynumber_refs import find_citations
from mynumber_refs.laws import LawIndex, LawKind
from mynumber_refs.model import Citation, CitationKind, RewriteResult, RowNumber, Table
from mynumber_refs.numerals import NumeralStyle
from mynumber_refs.rewriter import rewrite


def norm(s: str) -> str:
    """Compare ignoring where line breaks fall and character width."""
    return unicodedata.normalize("NFKC", "".join(s.split()))


@pytest.mark.parametrize(
    "other",
    [
        "生活保護法施行規則（１条、２条）",  # another law's order
        "番号利用法第１９条第８号に基づく主務省令\n：（５０条、５１条）",  # the new order: already renumbered
        "\n番号法第１９条第８号に基づく主務省令（５０条、５１条）",
        "行政手続における特定の個人を識別するための番号の利用等に関する法律第十九条第八号に基づく"
        "利用特定個人情報の提供に関する命令（５０条）",
    ],
)
def test_a_reference_list_after_another_instruments_name_is_not_the_old_orders(other: str) -> None:
    """A list belongs to the old order's title before it only when no other law or order is named
    between them: the old title is rewritten, the other instrument's list stays as written."""
    text = "番号法別表第二主務省令第２０条に基づく。" + other
    result = rewrite(text, accept_inferred=True)
    assert result.text == "番号法第１９条第８号に基づく主務省令第５０条に基づく。" + other
    assert rewrite(result.text, accept_inferred=True).edits == ()
    # 「同命令」 names the old order again: its list is the old order's
    result = rewrite("番号法別表第二主務省令第２０条。同命令（２１条）")
    assert result.text == "番号法第１９条第８号に基づく主務省令第５０条。同命令（５１条）"
    # in the title's own clause an unread list keeps the title, and says why
    text = "番号利用法別表第二の主務省令で定める事務及び情報を定める命令\n：住民基本台帳法による事務（２０条、２１条）"
    result = rewrite(text, accept_inferred=True)
    assert result.text == text and "number-after-table" in {f.reason for f in result.findings}


_FULL_TITLE = "行政手続における特定の個人を識別するための番号の利用等に関する法律別表第二の主務省令で定める事務及び情報を定める命令"


@pytest.mark.parametrize(
    ("text", "term"),
    [
        (_FULL_TITLE + "（平成26年内閣府・総務省令第7号。以下「別表第二主務省令」という。）第20条に基づく。", "別表第二主務省令"),
        (_FULL_TITLE + "（平成26年内閣府・総務省令第7号。以下「主務省令」という。）に基づく。主務省令第21条による。", "主務省令"),
        ("番号法別表第二の主務省令で定める事務及び情報を定める命令（以下「命令」という。）第２０条", "命令"),
        # a table: the rows after the bracket are not read with it either
        ("番号法別表第一（以下「別表第一」という。）の16の項に基づく。別表第一の17の項による。", "別表第一"),
        ("番号法別表第二（以下「別表」という。）の27の項", "別表"),
        # the term in double quotes, or unquoted before a verb of naming (they were renamed, and under --assume-law the
        # unquoted term too: 「（以下、番号法第19条第8号に基づく主務省令第2条の表という。）」)
        ("番号法別表第一（以下“別表第一”という。）の16の項に基づく。別表第一の17の項による。", "別表第一"),
        ("番号法別表第二（以下、別表第二という。）に基づく。別表第二の27の項による。", "別表第二"),
    ],
)
def test_an_old_name_that_defines_a_term_is_kept_whole(text: str, term: str) -> None:
    """Renaming the title alone would leave the old number and articles under it, and change what
    the defined term means further on: the title stays, with what follows it, and says why."""
    result = rewrite(text, accept_inferred=True)
    assert result.text == text
    (f,) = [f for f in result.findings if f.reason == "defines-term"]
    assert f"「{term}」" in f.message
    # the term being defined is not itself a citation
    assert all(not (x.start >= text.index("以下") and x.end <= text.index("という")) for x in result.findings)
    # a definition in the next passage is not the name's
    assert "別表第二" not in rewrite("番号法別表第二の27の項\n\n（以下「本件照会」という。）").text
    # without a definition the same title and number are rewritten
    plain = _FULL_TITLE + "（平成26年内閣府・総務省令第7号）第20条に基づく。"
    assert "令和6年デジタル庁・総務省令第9号）第50条" in rewrite(plain).text


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("この条例において「法別表第二」とは、番号法別表第二をいう。", "法別表第二"),
        ("第2条\tこの条例において「主務省令」とは、番号法別表第二の主務省令で定める事務及び情報を定める命令をいう。\t", "主務省令"),
        ("この条例において「法別表第二」と\nは、番号法別表第二をい\nう。", "法別表第二"),
        ("（２）「特定個人情報」とは、番号法第2条第8項に規定する特定個人情報をいい、番号法別表第一の16の項に規定する事務に用いる"
         "ものに限る。", "特定個人情報"),
        ("「情報連携」とは番号法別表第二の27の項に基づき照会することをいう。", "情報連携"),
        # an item of a list of definitions (「次の各号に掲げる用語の意義は、…」), its term unquoted, its body broken by PDF text
        ("第2条　この条例において、次の各号に掲げる用語の意義は、当該各号に定めるところによる。\n(1)　法別表第二　番号法別表第二を"
         "いう。\n(2)　特定個人情報　番号法第2条第8項に規定する特定個人情報をいう。", "法別表第二"),
        ("一　主務省令　番号法別表第二の主務省令で定める事務及び情報を定める命令を\nいう。", "主務省令"),
        ("（３）\t法別表第一\t番号法別表第一をいう。", "法別表第一"),
    ],
)
@pytest.mark.parametrize("assume", [True, False])
def test_a_table_in_the_body_of_a_definition_is_kept_and_reported(text: str, term: str, assume: bool) -> None:
    """「「法別表第二」とは、番号法別表第二をいう」 is an instrument's text (an ordinance's): it changes only by its own
    amendment, and its term keeps naming the old table; rewritten, it would be a definition no one enacted."""
    result = rewrite(text, assume_law=assume, accept_inferred=True)
    assert result.text == text
    (f,) = [f for f in result.findings if f.reason == "defines-term"]
    assert f"「{term}」の定義" in f.message


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(["", "この条例において", "第2条\t"]), st.sampled_from(["法別表第二", "情報連携", "主務省令"]),
       st.sampled_from(["、", "", "\n"]), st.sampled_from(["番号法別表第二", "番号法別表第一の16の項", "番号法別表第二の27の項",
                                                       "番号法別表第二の主務省令で定める事務及び情報を定める命令"]),
       st.sampled_from(["をいう", "に基づく照会をいう", "をい\nう", "をいい、住民票関係情報に係るものに限る"]), st.booleans())
def test_no_table_in_the_body_of_a_definition_is_ever_rewritten(
    before: str, term: str, comma: str, cited: str, end: str, assume: bool
) -> None:
    text = before + "「" + term + "」とは" + comma + cited + end + "。"
    if comma == "\n":  # (an item of a list of definitions instead: 「(1)　法別表第二　番号法別表第二をいう。」)
        text = before + "\n(1)　" + term + "　" + cited + end + "。"
    result = rewrite(text, assume_law=assume, accept_inferred=True)
    assert result.text == text
    assert "defines-term" in {f.reason for f in result.findings}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a definition in the sentence before: the table's own sentence is no definition
        ("「番号法」とは、行政手続における特定の個人を識別するための番号の利用等に関する法律をいう。番号法別表第一の16の項に基づき利用する。",
         "「番号法」とは、行政手続における特定の個人を識別するための番号の利用等に関する法律をいう。番号法別表の24の項に基づき利用する。"),
        # 「とは異なり」 compares, it defines nothing; a quoted term without 「とは」 is no definition's head
        ("「住民票」とは異なり、番号法別表第一の16の項に基づく事務を行う。", "「住民票」とは異なり、番号法別表の24の項に基づく事務を行う。"),
        ("「住民票」の照会は、番号法別表第二の27の項をいう。", "「住民票」の照会は、番号法第19条第8号に基づく主務省令第2条の表の48の項をいう。"),
        # a numbered item that defines nothing (no term before a space, or no 「をいう」)
        ("（１）　番号法別表第二の27の項に基づく照会を行う。", "（１）　番号法第19条第8号に基づく主務省令第2条の表の48の項に基づく照会を行う。"),
        ("(1)　照会　番号法別表第二の27の項に基づき照会すること。",
         "(1)　照会　番号法第19条第8号に基づく主務省令第2条の表の48の項に基づき照会すること。"),
        # the definition's sentence ended before the table
        ("「法」とは、番号法をいう。\n\n番号法別表第一の16の項に基づく事務をいう。", "「法」とは、番号法をいう。\n\n番号法別表の24の項に基づく事務をいう。"),
        # a line going on from a name broken after 第: its number and a particle are the name's ordinal and its sentence,
        # no item of a list of definitions (it was read as one, term 「に基づき」; renamed, a second run rewrote its body)
        ("番号法別表第\n二　に基づく照会 番号法別表第一の16の項の事務をいう。",
         "番号法第19条第8号に基づく主務省令第2条の表　に基づく照会 番号法別表の24の項の事務をいう。"),
    ],
)
def test_a_table_outside_a_definitions_body_is_rewritten(text: str, expected: str) -> None:
    result = rewrite(text, assume_law=True)
    assert result.text == expected
    assert "defines-term" not in {f.reason for f in result.findings}


@given(
    ordinal=st.sampled_from(["一", "二"]),
    space=st.sampled_from([" ", "\u3000", "\t", "\u3000\u3000"]),
    words=st.sampled_from(["に", "に基づき照会する事務のうち、", "の規定による", "及び", "と同じく", "で定める", "は"]),
    table=st.sampled_from(["別表第一", "番号法別表第一の16の項", "別表第二の27の項"]),
    assume=st.booleans(),
)
@settings(max_examples=60, deadline=None)
def test_a_name_broken_after_dai_before_a_particle_is_rewritten_once(
    ordinal: str, space: str, words: str, table: str, assume: bool
) -> None:
    """Property: a line going on from a name broken after 第 (「番号法別表第\n二　に…」) is never an item of a list of
    definitions, whose body a first run would keep and, once the break is gone with the renamed name, a second run rewrite:
    rewriting is idempotent."""
    text = f"番号法別表第\n{ordinal}{space}{words} {table}をいう。"
    once = rewrite(text, assume_law=assume)
    assert rewrite(once.text, assume_law=assume).edits == ()
    assert "defines-term" not in {f.reason for f in once.findings}


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("番号利用法第9条第1項 別表第一の16の項", "番号利用法第9条第1項 別表の24の項"),
        ("番号利用法第９条第１項別表第一の１６の項", "番号利用法第９条第１項別表の２４の項"),
        ("番号法別表第一の十六の項", "番号法別表の二十四の項"),
        ("番号法別表第一の36の2の項", "番号法別表の55の項"),
        ("番号法別表第1の16項", "番号法別表の24項"),
        ("番号法別表第一第16項", "番号法別表の第24項"),
        ("番号法別表第一の1\n6の項", "番号法別表の24の項"),
        ("番号法別表第一の15の項及び16の項", "番号法別表の23の項及び24の項"),
        ("番号法別表第一", "番号法別表"),
        ("番 号 法 別 表 第 一 の 1 6 の 項", "番 号 法 別 表 の 2 4 の 項"),
        ("番 号 法 第 1 9 条 第 7 号 別 表 第 二 の 2 7 の 項",
         "番 号 法 第 1 9 条 第 8 号 に 基 づ く 主 務 省 令 第 2 条 の 表 の 4 8 の 項"),
        ("番　号　法　別　表　第　二　の　二　十　七　の　項",
         "番　号　法　第　十　九　条　第　八　号　に　基　づ　く　主　務　省　令　第　二　条　の　表　の　四　十　八　の　項"),
        ("番号法別表第一　１６の項", "番号法別表　２４の項"),
        ("番号法別表第二の二十七の項", "番号法第十九条第八号に基づく主務省令第二条の表の四十八の項"),
        ("番号法別表第二の２７の項", "番号法第１９条第８号に基づく主務省令第２条の表の４８の項"),
        ("番号利用法第19条第8号\n別表第二", "番号利用法第19条第8号に基づく主務省令第2条の表"),
        ("番号利用法第19条第7号 別表第二", "番号利用法第19条第8号に基づく主務省令第2条の表"),
        ("番号利用法別表第二に基づいて", "番号利用法第19条第8号に基づく主務省令第2条の表に基づいて"),
        # a provision in shorthand, without 第: read with its table, and written back the same way
        ("番号法19条7号別表第二", "番号法19条8号に基づく主務省令第2条の表"),
        ("番号法１９条８号 別表第二 ２７項", "番号法１９条８号に基づく主務省令第２条の表 ４８項"),
        ("番号法9条1項別表第一16項", "番号法9条1項別表24項"),
        ("番号法19条7号別表第二主務省令第20条", "番号法19条8号に基づく主務省令第50条"),
        # each 第 as the document writes it: the item's apart from the article's
        ("番号法19条第7号別表第二の27の項", "番号法19条第8号に基づく主務省令第2条の表の48の項"),
        ("番号法第19条7号別表第二", "番号法第19条8号に基づく主務省令第2条の表"),
        ("番号法19条第7号別表第二主務省令第20条", "番号法19条第8号に基づく主務省令第50条"),
        ("番号利用法の別表第二に基づいて", "番号利用法第19条第8号に基づく主務省令第2条の表に基づいて"),
        ("番号利用法別表第二の主務省令で定める事務及び情報を定める命令", "番号利用法第19条第8号に基づく主務省令"),
        (
            "行政手続における特定の個人を識別するための番号の利用等に関する法律別表第二の主務省令で定める事務及び情報を定める命令",
            "行政手続における特定の個人を識別するための番号の利用等に関する法律第十九条第八号に基づく利用特定個人情報の提供に関する命令",
        ),
    ],
)
def test_rewrites_in_the_documents_style(before: str, after: str) -> None:
    result = rewrite(before)
    assert result.text == after
    assert rewrite(result.text).edits == ()


@pytest.mark.parametrize(("text", "expected"), [
    # fuzzer, seed 72727: spaced out, the new name after 「項」 was not read as the act's name on a second run, which
    # then read the 「別表第1 6項」 before it differently and renamed it
    ("別表第1 6項別 表 第 二法別表第一項", "別表第1 6項番号利用法第19条第8号に基づく主務省令第2条の表法別表第一項"),
    ("番号法別 表 第 二番号法別表第一", "番号法第19条第8号に基づく主務省令第2条の表番号法別表"),
    # apart from its neighbours, the new text is spaced out as the old was
    ("と し て 別 表 第 二 に よ る", "と し て 番 号 利 用 法 第 1 9 条 第 8 号 に 基 づ く 主 務 省 令 第 2 条 の 表 に よ る"),
])
def test_a_spaced_out_citation_is_written_spaced_out_only_apart_from_its_neighbours(text: str, expected: str) -> None:
    """A citation spaced out but glued to unspaced text (「…項別 表 第 二法…」) is written unspaced: spaced out, its new
    name is not read as one name with the text glued to it."""
    once = rewrite(text, assume_law=True)
    assert once.text == expected
    assert rewrite(once.text, assume_law=True).edits == ()


@pytest.mark.parametrize(
    ("line", "after"),
    [
        ("番号法第19条第8号（別表第二）", "番号法第19条第8号（番号法第19条第8号に基づく主務省令第2条の表）"),
        ("提供先3　番号法別表第二に定める情報照会者", "提供先3　番号法第19条第8号に基づく主務省令第2条の表に定める情報照会者"),
        ("番号法第十九条第八号（別表第二）", "番号法第十九条第八号（番号法第十九条第八号に基づく主務省令第二条の表）"),
        ("提供先2　番号法別表第二主務省令に定める", "提供先2　番号法第19条第8号に基づく主務省令に定める"),
        # nothing before it on its line: the document's digits
        ("番号法別表第二に基づく", "番号法第１９条第８号に基づく主務省令第２条の表に基づく"),
        ("番号法別表第二主務省令に定める", "番号法第１９条第８号に基づく主務省令に定める"),
    ],
)
def test_an_inserted_name_takes_the_digits_written_before_it_on_its_line(line: str, after: str) -> None:
    text = "１．２．３．４．５\n" + line  # the document's digits are full-width
    assert rewrite(text).text == "１．２．３．４．５\n" + after


def test_beppyo2_rows_go_to_the_new_order_table() -> None:
    result = rewrite("番号法別表第二の２の項")
    assert result.text == "番号法第１９条第８号に基づく主務省令第２条の表の２の項"
    assert result.edits and all(e.evidence for e in result.edits)


def test_unmapped_row_is_reported_and_left_as_written() -> None:
    text = "番号法別表第一の99の項"
    result = rewrite(text)
    assert result.text == text and result.edits == ()
    assert [f.reason for f in result.findings] == ["row-unknown"]
    assert result.findings[0].start == 0 and result.findings[0].end == len(text)


def test_one_unknown_row_keeps_the_whole_list() -> None:
    text = "番号法別表第一の16の項及び99の項"
    result = rewrite(text)
    assert result.text == text
    assert any(f.reason == "row-unknown" and "99" in f.message for f in result.findings)


def test_inferred_row_only_with_accept_inferred_and_proposed_otherwise() -> None:
    text = "番号法別表第一の55の2の項"
    default = rewrite(text)
    assert default.text == text
    (finding,) = [f for f in default.findings if f.reason == "inferred-mapping"]
    assert finding.proposed == "番号法別表の79の項"
    assert rewrite(text, accept_inferred=True).text == "番号法別表の79の項"


def test_single_deleted_row_is_reported_and_kept() -> None:
    result = rewrite("番号法別表第一の13の項")
    assert result.text == "番号法別表第一の13の項"
    assert [f.reason for f in result.findings] == ["row-deleted"]


def test_deleted_row_is_dropped_from_a_list() -> None:
    result = rewrite("番号法別表第一の12の項、13の項、14の項")
    assert result.text == "番号法別表の21の項、22の項"
    assert [f.reason for f in result.findings] == ["row-deleted-dropped"]


def test_range_is_inferred_and_kept_by_default() -> None:
    # which rows a range held on 2024-05-26 is not fixed by any text found (branch rows were added
    # 2016–2024): the range stays, with a finding that carries the proposed rewrite
    text = "番号法別表第一の9の項から11の項まで"
    result = rewrite(text)
    assert result.text == text and result.edits == ()
    (finding,) = [f for f in result.findings if f.reason == "range-inferred"]
    assert finding.proposed is not None and "別表第一" not in finding.proposed


def test_range_includes_known_branch_rows() -> None:
    result = rewrite("番号法別表第一の36の項から37の項まで", accept_inferred=True)
    # 36の2→55 is a seed pair: the range 36–37 held 36の2, so its successor must be listed
    assert "55" in result.text and "別表第一" not in result.text


def test_range_becomes_list_when_no_longer_contiguous() -> None:
    result = rewrite("番号法別表第一の9の項から11の項まで", accept_inferred=True)
    # mappings/beppyo1_to_beppyo.csv: 9→10, 10→14, 11→20 (content alignment): no longer a run
    assert norm(result.text) == norm("番号法別表の10、14、20の項")


@pytest.mark.parametrize(("text", "found"), [
    ("番号法別表第二のうち27の項を除く全ての項", "番号法別表第二のうち27の項を除"),
    ("番号法別表第一の16の項を除く各項", "番号法別表第一の16の項を除"),
    ("番号法別表第二の27の項以外の項", "番号法別表第二の27の項以外"),
    ("番号法別表第二の27の項及び28の項を除き、情報提供を行う。", "番号法別表第二の27の項及び28の項を除"),
    ("別表第一の16の項は除いた事務", "別表第一の16の項は除い"),
    # an open end: the rows from it on (or up to it)
    ("番号法別表第二の27の項以降の項", "番号法別表第二の27の項以降"),
    ("番号法別表第二の27の項以下の事務", "番号法別表第二の27の項以下"),
])
def test_rows_excepted_from_the_table_are_kept(text: str, found: str) -> None:
    """「別表第二のうち27の項を除く全ての項」 names the table's other rows: renumbered one by one, 「第2条の表のうち48の項
    を除く全ての項」 would also take the rows the new table split off or added (「27の項以降」 too: the rows after 48 are
    not those after 27)."""
    result = rewrite(text, assume_law=True)
    assert result.text == text
    (finding,) = result.findings
    assert finding.reason == "number-after-table"
    assert f"「{found}" in finding.message


@pytest.mark.parametrize(("text", "following"), [
    # a column heading over the old rows (a 事務手続一覧 exported tab-separated): 16 and 56 stay old under it
    # (alone in its row of headers, it was kept already: the number on the next line was read after it)
    ("項番\t事務名\t番号法別表第一の項番\t備考\n1\t住民基本台帳に関する事務\t16\t\n2\t児童手当の支給\t56\t", None),
    ("項番\t事務名\t根拠法令\t番号法別表第一の項番\t番号法別表第二の項番\t備考\n1\t住民基本台帳に関する事務\t住民基本台帳法\t16\t\t",
     "の項番"),
    ("番号法別表第二の該当項番号を入力する。", "の該当項番号"),
    ("番号法別表第一の項の番号を記載すること。", "の項の番号"),
])
def test_a_table_named_with_the_word_for_its_rows_is_kept(text: str, following: str | None) -> None:
    """「番号法別表第一の項番」 names the table's row numbers without writing them: they stand apart (the cells under a
    column heading), in the old numbering, and 「番号法別表の項番」 would stand over them."""
    for assume in (True, False):
        result = rewrite(text, assume_law=assume)
        assert result.text == text
        reasons = {(f.text, f.reason) for f in result.findings}
        assert ("番号法別表第一" if "別表第一" in text else "番号法別表第二", "number-after-table") in reasons
        assert following is None or any(f"「{following}」" in f.message for f in result.findings)


def test_a_row_written_after_the_word_for_rows_is_still_renumbered() -> None:
    assert rewrite("番号法別表第一の項番16").text == "番号法別表の項番24"


@pytest.mark.parametrize(("text", "expected"), [
    # 「16の項以外にも」 adds to the row cited (besides it): it names no other rows
    ("番号法別表第一の16の項以外にも、条例に基づく独自利用事務において利用する。",
     "番号法別表の24の項以外にも、条例に基づく独自利用事務において利用する。"),
    # nor does the text's "hereinafter"
    ("番号法別表第一の16の項以下同じ。", "番号法別表の24の項以下同じ。"),
    ("番号法別表第一の16の項以下「本事務の根拠」という。", "番号法別表の24の項以下「本事務の根拠」という。"),
])
def test_rows_with_others_besides_them_are_renumbered(text: str, expected: str) -> None:
    for assume in (True, False):
        result = rewrite(text, assume_law=assume)
        assert result.text == expected
        assert result.findings == ()


@given(
    st.sampled_from(["番号法別表第一の16の項", "番号法別表第二の27の項", "別表第二の２７、２８の項", "番号法別表第一第16項",
                     "番号法別表第二の項番27", "番号法別表第二の27の項から30の項まで"]),
    st.sampled_from(["を除く全ての項", "を除く", "以外の項", "を除き、", "は除く。", "を除いて", "を除外した項", "）を除く",
                     "以降", "以下の項", "以前の項"]),
)
@settings(max_examples=60, deadline=None)
def test_excepted_rows_are_never_renumbered(rows: str, exception: str) -> None:
    text = rows + exception
    result = rewrite(text, assume_law=True, accept_inferred=True)
    assert result.text == text


def test_column_reference_and_unresolved_law_are_not_rewritten() -> None:
    for text in ("番号法別表第2の第4欄", "同法別表第二の27の項", "別表第二の27の項"):
        result = rewrite(text)
        assert result.text == text and result.findings


@pytest.mark.parametrize(("text", "table", "owner"), [
    ("番号法第9条第1項別表第二", "別表第二", "第19条"),
    ("番号法第9条第2項 別表第1の1の項", "別表第一", "第9条第1項"),  # the ordinance's paragraph: its 別表 is the ordinance's
    ("番号法第十九条第八号別表第一の十六の項", "別表第一", "第9条第1項"),
])
def test_a_table_with_another_provision_than_its_own_is_reported(text: str, table: str, owner: str) -> None:
    result = rewrite(text, assume_law=True)
    assert result.text == text
    assert [f.reason for f in result.findings] == ["provision-mismatch"]
    assert table in result.findings[0].message and owner in result.findings[0].message
    # with its own provision (or the article alone) it is rewritten
    own = text.replace("第9条第1項別表第二", "第19条第8号別表第二").replace("第9条第2項", "第9条第1項").replace("第十九条第八号", "第九条")
    assert rewrite(own, assume_law=True).text != own


def test_relation_note_after_the_table() -> None:
    assert rewrite("番号法別表第一（第九条関係）の十六の項").text == "番号法別表（第九条関係）の二十四の項"


def test_short_title_of_the_old_order() -> None:
    assert rewrite("番号法別表第二主務省令").text == "番号法第19条第8号に基づく主務省令"
    assert rewrite("番号法別表第一主務省令").text == "番号法別表主務省令"


@pytest.mark.parametrize(
    "text", ["番号法別表第二の2に", "番号法別表第一 16に", "番号法別表第二の27の項、28", "番号法別表第一\n\n16の項"]
)
def test_no_old_number_is_left_under_a_new_name(text: str) -> None:
    result = rewrite(text)
    assert result.text == text
    assert [f.reason for f in result.findings] == ["number-after-table"]


@pytest.mark.parametrize("text", ["番号法別表第一の27項目", "番号法別表第一の１６、２０項目"])
def test_row_followed_by_moku_is_a_word_not_a_row(text: str) -> None:
    result = rewrite(text)
    assert result.text == text
    assert [f.reason for f in result.findings] == ["row-or-word"]
    assert rewrite("番号法別表第一の27項").text == "番号法別表の40項"


def test_articles_written_after_the_old_orders_title_change_with_it() -> None:
    # articles map (established); the title and its articles change together
    result = rewrite("番号法別表第二主務省令第２０条及び第２１条")
    assert result.text == "番号法第１９条第８号に基づく主務省令第５０条及び第５１条"
    assert rewrite(result.text).edits == ()
    title = "番号法別表第二の主務省令で定める事務及び情報を定める命令 第２条"
    assert rewrite(title).text == "番号法第１９条第８号に基づく主務省令 第４条"
    # an item whose mapping is only inferred keeps the title too, and proposes the rewrite
    text = "番号法別表第二主務省令第２条第７号"
    result = rewrite(text)
    assert result.text == text
    assert {f.reason for f in result.findings} == {"order-ref-inferred", "dependent-kept"}
    assert rewrite(text, accept_inferred=True).text == "番号法第１９条第８号に基づく主務省令第４条第９号"
    # a sub-item letter cannot be mapped; the 別表第一 order's articles have no mapping
    for text in ("番号法別表第二主務省令第２条第７号ロ", "番号法別表第一主務省令第５条", "番号法別表第一主務省令（５条）"):
        result = rewrite(text, accept_inferred=True)
        assert result.text == text
        assert "dependent-kept" in {f.reason for f in result.findings}


_SAME_LAW_PIECES = st.sampled_from(
    ["別表第二の27の項", "別表第二", "別表第一の16の項", "番号法別表第二の27の項", "別表第二主務省令第２条", "同法", "同法別表第二の27の項",
     "同法第30条の10", "住民基本台帳法", "住民基本台帳法第30条の9", "番号法", "（", "）", "。", "\n", "により提供し、", "及び",
     "本法別表第二の27の項", "この法律の別表第一の16の項", "同法律"]
)


def _same_law_readings(text: str) -> dict[int, tuple[object, object]]:
    from mynumber_refs.laws import ALIASES, SAME_LAW_NAMES, LawIndex

    return {e.start: (e.kind, e.basis) for e in LawIndex(text, tuple(ALIASES)).expressions() if e.name in SAME_LAW_NAMES}


@settings(max_examples=400, deadline=None)
# pieces joined by punctuation: a name written right after another word is not read (a known limit)
@given(st.lists(st.tuples(_SAME_LAW_PIECES, st.sampled_from(["、", "。", "\n", "（", "）"])), max_size=10).map(
    lambda ps: "".join(a + b for a, b in ps)), st.booleans())
# a title inside a closed bracket does not cut the table after the bracket off from the act named
# before it (found by Hypothesis: the title renamed, the second run bound the table to 番号法)
@example("番号法、\n（同法、別表第二主務省令第２条）別表第二の27の項、", False)
# a bracket naming a law after a table names its law; one citing into the act's order does not (found
# by Hypothesis: the bracket was read as the old order's, and the renamed one no longer was)
@example("同法、同法別表第二の27の項（別表第二主務省令第２条）", True)
# a table whose law a bracket names (not written beside it): no name inserted where a 同法 would take it
# (found by tools/fuzz_invariants.py, seed 51515: the second run read 同法 as the inserted 番号法)
@example("別表6項（番号法）及び別表第二同法別表第二", False)
@example("別表第一の16の項（番号法）及び別表第二。同法別表第二の27の項", False)
# a 同法 with nothing to take right before a table whose bracket names the act: no name glued after it
# (found by Hypothesis: 「同法番号法第19条第8号…」)
@example("同法別表第二の27の項（番号法）", False)
# an old order's title and article in the bracket before a table: the act's order, no other law (found by Hypothesis)
@example("別表第二の27の項（別表第二主務省令第２条）別表第二の27の項、", True)
def test_rewriting_never_changes_what_a_same_law_reference_means(text: str, assume: bool) -> None:
    """Every 「同法」 of the text names the same law after the rewrite as before (the act's name is
    not inserted where a 同法 after it would take it for its antecedent), and a second run
    changes nothing.  (A 同法 the rewrite itself writes, for a table bound to a 同法, is not one of
    the text's.)"""
    result = rewrite(text, assume_law=assume)
    before, after = _same_law_readings(text), _same_law_readings(result.text)
    for pos, reading in before.items():
        shift = sum(len(e.after) - len(e.before) for e in result.edits if e.end <= pos)
        assert after.get(pos + shift) == reading, (pos, text, result.text)
    assert rewrite(result.text, assume_law=assume).edits == ()


def test_an_inserted_name_of_the_act_never_becomes_the_antecedent_of_same_law() -> None:
    text = "住民基本台帳法第30条の9による。\n別表第二の27の項により提供。同法第30条の10により"
    result = rewrite(text, assume_law=True)
    assert "別表第二" not in result.text
    assert "番号利用法" not in result.text and "番号法" not in result.text
    assert result.text.endswith("により提供。同法第30条の10により")
    # with no 同法 after it, the name is written as before
    assert rewrite("別表第二の27の項により提供。", assume_law=True).text.startswith("番号利用法第19条第8号")


@pytest.mark.parametrize("old", ["番号法別表第一主務省令", "番号法別表第一の主務省令で定める事務を定める命令"])
def test_the_renamed_first_order_is_still_an_instrument_of_its_own(old: str) -> None:
    """The 別表第一 order keeps being an instrument after its rename (「番号法別表主務省令」): a table
    right after it is read the same way before and after the rewrite, so a second run changes nothing."""
    from mynumber_refs.laws import ALIASES, LawIndex

    text = old + "\n別表第二の１、２及び３の項"
    once = rewrite(text, assume_law=True)
    assert "別表第一" not in once.text
    assert rewrite(once.text, assume_law=True).edits == ()
    renamed = once.text.split("\n")[0]
    assert LawIndex(renamed, tuple(ALIASES)).expressions()[-1].name.endswith(("主務省令", "命令"))


def test_a_renamed_table_never_runs_on_into_an_ordinal_after_it() -> None:
    """「別表第一」 becomes 「別表」 only where what follows cannot be read as a table's ordinal: 「別表\n第2条」
    would be read as 別表第二 (and a second run would rewrite it).  Kept and reported instead: the new text
    is read back (reads-differently)."""
    text = "番号法別表第一\n第2条の表"
    result = rewrite(text, assume_law=True)
    assert result.text == text
    assert [f.reason for f in result.findings] == ["reads-differently"]
    assert "別表第二" in result.findings[0].message
    for fine in ("番号法別表第一。第2条の表", "番号法別表第一\n\n第2条の表", "番号法別表第一 第二十条"):
        assert "reads-differently" not in {f.reason for f in rewrite(fine, assume_law=True).findings}, fine
    assert rewrite("番号法別表第一。第2条の表", assume_law=True).text == "番号法別表。第2条の表"



def test_a_table_renamed_last_in_a_list_is_not_read_with_an_ordinal_after_a_comma() -> None:
    """The last table of 「別表第二及び第一,第2条」 becomes 「別表」; the 第2 after the comma is an article's, not
    the new name's ordinal, so a second run changes nothing (it read 「別表,第2」 as 別表第二: fuzzer, seed 70707)."""
    for sep in (",", "、"):
        text = f"番号法別表第二及び第一{sep}第2条"
        once = rewrite(text, assume_law=True)
        assert once.text == f"番号法第19条第8号に基づく主務省令第2条の表及び別表{sep}第2条"
        assert rewrite(once.text, assume_law=True).edits == ()

_MIXED_PIECES = st.sampled_from(
    ["番号法別表第二", "別表第二の27の項", "番号法別表第一の38項の2", "番号利用表", "番号利用表、別表第二の27の項", "同法別表第二",
     "番号法別表第二主務省令第２条", "番号法別表第一主務省令", "・第三欄が「市町村長」の項のうち、住民票関係情報が含まれる項（１、２、３の項）",
     "（第一欄が「市町村長」の項：13、85の2）", "番号利用法第19条第8号", "第19条第7号 別表第二", "住民基本台帳法第7条", "別表第一の16の項",
     "番号法19条7号別表第二", "9条1項別表第一16項"]
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(_MIXED_PIECES, st.sampled_from(["、", "\n", "。", "\n\n"])), min_size=1, max_size=8).map(
        lambda ps: "".join(a + b for a, b in ps)),
    st.booleans(), st.booleans(), st.booleans(), st.booleans(),
)
# the 別表第一 order renamed by the first run: a list after it was then cut off from the table before it
@example("番号法別表第二、番号法別表第一主務省令、（第一欄が「市町村長」の項：13、85の2）、", False, False, False, False)
# found by tools/fuzz_invariants.py in session 9: a pointer word read only after a digit (「…の2末尾別表第一」, not
# 「…58項末尾別表第一」); a line break inside a rewritten list (「別表第二\n1、2、3項」) read as a new item
@example("別表第一38項の2末尾別表第一", True, False, False, False)
@example("番号法別表第二主務省令第２条７番号法別表第二\n1から3項まで（別表第二", False, True, False, False)
@example("番号法別表第二主務省令第２条７番号法別表第二\n1から3項まで（別表第二", True, True, False, False)
# (seed 56565: 「\n9項」 rederived as 「\n1、2、3、…項」, whose 「1、」 then read as an item mark and ended the sentence)
@example("別表第二1主務省令第2条の表8項\n9項\n別表第2る項（項番8）", True, False, False, True)
def test_a_second_run_changes_nothing_whatever_the_options(
    text: str, assume: bool, accept: bool, typos: bool, rederive: bool
) -> None:
    """Rewriting what a rewrite gave, with the same options (--fix-typos, --rederive,
    --accept-inferred), changes nothing: no name the first run wrote (a misspelt name copied, the
    act's name before 同法) and no criterion it moved out of reach makes the second run read more."""
    from mynumber_refs.rederive import Rederive

    kw = dict(assume_law=assume, accept_inferred=accept, fix_typos=typos,
              rederive=Rederive(provider="市町村長", information="住民票関係情報") if rederive else None)
    once = rewrite(text, **kw)  # type: ignore[arg-type]
    assert rewrite(once.text, **kw).edits == (), once.text  # type: ignore[arg-type]


def test_fix_typos_reads_the_text_as_corrected() -> None:
    """With --fix-typos the text is read as it will read once corrected: what the second run would
    read in the corrected text (here a doubled name, which corrected is one unknown word before the
    list) the first run reads already, and the edits and findings quote the text as written."""
    text = "番号利用法第9条第1項 別表第一の16の項番号利用表番号利用表（１、２の項）番号利用法第9条第1項 別表第一の16の項"
    result = rewrite(text, fix_typos=True)
    assert result.text == ("番号利用法第9条第1項 別表の24の項番号利用法番号利用法（１、２の項）"
                           "番号利用法第9条第1項 別表の24の項")
    assert [f.reason for f in result.findings] == ["typo", "typo"]
    assert all(e.before == text[e.start:e.end] for e in result.edits)
    assert rewrite(result.text, fix_typos=True).edits == ()


def test_a_misspelt_name_of_the_act_is_never_copied_before_a_new_table() -> None:
    result = rewrite("番号利用表、別表第二の27の項", assume_law=True, fix_typos=True)
    assert "番号利用表" not in result.text
    assert result.text.startswith("番号利用法、番号利用法第19条第8号に基づく主務省令第2条の表")


def test_articles_after_the_old_orders_title_stop_at_a_blank_line_and_at_the_next_citation() -> None:
    """The articles written after the title are its own up to a blank line: an article in the next
    paragraph is another text's, and stays as written.  Nor do they run into the next citation."""
    one = rewrite("番号法別表第二主務省令第２条")
    assert one.text != "番号法別表第二主務省令第２条"
    result = rewrite("番号法別表第二主務省令第２条\n\n第３条に定める")
    first, second = result.text.split("\n\n")
    assert first == one.text
    assert second == "第３条に定める"
    text = "番号法別表第二主務省令第２条\n\n第19条第8号別表第二"
    found = [c for c in find_citations(text, assume_law=True) if isinstance(c, Citation)]
    assert [c.text for c in found] == ["番号法別表第二主務省令", "第２条", "第19条第8号別表第二"]
    # two titles, one list: the list is found once, after the title it follows
    text = "番号法別表第二主務省令及び番号法別表第二主務省令（１条２号ハ）"
    lists = [c for c in find_citations(text) if isinstance(c, Citation) and c.kind is CitationKind.ORDER_REFS]
    assert [(c.text, c.start) for c in lists] == [("１条２号ハ", text.index("１条"))]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            "番号法別表第二の主務省令で定める事務及び情報を定める命令（平成２６年内閣府・総務省令第７号）に基づき",
            "番号法第１９条第８号に基づく主務省令（令和６年デジタル庁・総務省令第９号）に基づき",
        ),
        (
            "番号法別表第二主務省令（平成26年\n内閣府・総務省令第7号）第２条",
            "番号法第19条第8号に基づく主務省令（令和6年デジタル庁・総務省令第9号）第４条",
        ),
        (  # the 別表第一 order was only renamed: its number stays
            "番号法別表第一の主務省令で定める事務を定める命令（平成二十六年内閣府・総務省令第五号）",
            "番号法別表の主務省令で定める事務を定める命令（平成二十六年内閣府・総務省令第五号）",
        ),
    ],
)
def test_the_old_orders_number_follows_its_title(before: str, after: str) -> None:
    result = rewrite(before)
    assert result.text == after
    assert rewrite(after).edits == ()


def test_bare_beppyo_in_a_text_dated_before_the_change_is_reported() -> None:
    import datetime

    text = "番号法別表の16の項"
    assert rewrite(text).findings == ()  # undated: the new table's name, left alone
    result = rewrite(text, as_of=datetime.date(2020, 1, 1))
    assert result.text == text and [f.reason for f in result.findings] == ["table-ambiguous"]
    assert rewrite(text, as_of=datetime.date(2024, 5, 27)).findings == ()


def test_an_order_number_that_does_not_match_the_title_keeps_both() -> None:
    text = "番号法別表第一の主務省令で定める事務を定める命令（平成26年内閣府・総務省令第7号）"
    result = rewrite(text)
    assert result.text == text
    assert [f.reason for f in result.findings] == ["order-number-mismatch"]


@pytest.mark.parametrize(("text", "expected"), [
    # 第 and の項 (「の第27の項」 was reported as number-after-table)
    ("番号法別表第二の第27の項", "番号法第19条第8号に基づく主務省令第2条の表の第48の項"),
    ("番号法別表第一の第十六の項", "番号法別表の第二十四の項"),
    ("番号法別表第二の第27の項及び第28の項", "番号法第19条第8号に基づく主務省令第2条の表の第48の項及び第49の項"),
    # 第 before the first row of a list only (「第２７、２８項」, 「（第1、2、3の項）」 were reported)
    ("番号法別表第二第２７、２８項", "番号法第１９条第８号に基づく主務省令第２条の表第４８、４９項"),
    ("番号法別表第二（第4、27の項）", "番号法第19条第8号に基づく主務省令第2条の表（第5、48の項）"),
    ("番号法別表第一第16、17の項", "番号法別表の第24、25の項"),
    # re-rendered (old 48 is new 73, old 27 new 48: the order's table writes its rows sorted): 第 stays first
    ("番号法別表第二の第48、27の項", "番号法第19条第8号に基づく主務省令第2条の表の第48、73の項"),
    ("番号法別表第二（第48、27、28の項）", "番号法第19条第8号に基づく主務省令第2条の表（第48、49、73の項）"),
    ("番号法別表第二第48項、27項", "番号法第19条第8号に基づく主務省令第2条の表第48項、73項"),
])
def test_row_number_forms_with_dai_before_the_first_row(text: str, expected: str) -> None:
    """「別表第二の第27の項」, 「別表第二第２７、２８項」, 「別表第二（第1、2、3の項）」: rows written with 第 before the
    first (and 項 after the last) are read as rows; the rewrite keeps the 第 where it stood."""
    result = rewrite(text)
    assert result.text == expected
    assert result.findings == ()
    assert rewrite(expected).edits == ()


_MAPPED_ROWS_2 = [4, 27, 28, 48]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_MAPPED_ROWS_2), min_size=1, max_size=4, unique=True),
       st.sampled_from(["の{}の項", "{}項", "（{}の項）", "の{}項"]))
def test_dai_before_the_first_row_reads_the_rows_written_without_it(rows: list[int], form: str) -> None:
    """A row list with 第 before its first row names the same rows as without it: the rewrite is the plain one's with
    the 第 before its first row, and a second run changes nothing."""
    numbers = "、".join(str(r) for r in rows)
    plain = rewrite("番号法別表第二" + form.format(numbers)).text
    with_dai = rewrite("番号法別表第二" + form.format("第" + numbers)).text
    head = "番号法第19条第8号に基づく主務省令第2条の表"
    assert plain.startswith(head) and with_dai.startswith(head)
    opening = form.split("{}")[0]
    assert with_dai == plain.replace(head + opening, head + opening + "第", 1)
    assert rewrite(with_dai).edits == ()


def test_row_number_forms_kouban_and_tilde() -> None:
    assert rewrite("番号法別表第二 項番27、28").text == "番号法第19条第8号に基づく主務省令第2条の表 項番48、49"
    assert rewrite("番号法別表第一の項番16").text == "番号法別表の項番24"
    text = "番号法別表第一の1〜3の項"
    result = rewrite(text)
    assert result.text == text and [f.reason for f in result.findings] == ["range-inferred"]
    assert rewrite("番号法別表第二の1～5の項", accept_inferred=True).text.endswith("の1、2、3、5、6の項")
    # 項番13～15 is a range too; no end of it is left behind the new name
    text = "番号法別表第二の項番13～15"
    assert [f.reason for f in rewrite(text).findings] == ["range-inferred"]
    assert rewrite(text, accept_inferred=True).text.endswith("の表の項番17、18、19")


def test_row_list_after_a_colon_changes_with_its_table() -> None:
    text = "番号法第19条第7号 別表第二（第一欄が「市町村長」の項：13、14、15）"
    assert rewrite(text).text == "番号法第19条第8号に基づく主務省令第2条の表（第一欄が「市町村長」の項：17、18、19）"
    assert rewrite("番号法別表第二の項番：13、14").text == "番号法第19条第8号に基づく主務省令第2条の表の項番：17、18"
    # one row only inferred: the list and its table stay, both reported
    kept = "番号法別表第二（第一欄が「市町村長」の項：13、85の2）"
    result = rewrite(kept)
    assert result.text == kept and {"inferred-mapping", "dependent-kept"} <= {f.reason for f in result.findings}


@pytest.mark.parametrize(
    "text",
    [
        "番号法別表第一の16の項\n項番：13、14",  # the table names its own row: the list is something else
        "番号法別表第一の16の項。記載事項：1、2",  # 事項, and another sentence
        "番号法別表第二の項番\n\n第一欄が「市町村長」の項：13",  # another passage
        "第一欄が「市町村長」の項：13、14",  # no table at all
    ],
)
def test_colon_lists_that_do_not_hang_on_a_table_are_left_alone(text: str) -> None:
    result = rewrite(text)
    assert "：13" not in text or "：13" in result.text
    assert "：1、2" not in text or "：1、2" in result.text
    assert all(f.reason != "no-antecedent" for f in result.findings)


def test_a_table_joined_to_the_acts_table_shares_its_law() -> None:
    result = rewrite("番号法別表第一の16の項及び別表第二の27の項")
    assert result.text == "番号法別表の24の項及び番号法第19条第8号に基づく主務省令第2条の表の48の項"
    # across a sentence the law is not carried
    assert "law-unknown" in {f.reason for f in rewrite("番号法別表第一の16の項。別表第二の27の項").findings}
    # a table joined to another law's table is that law's, even when the act is assumed
    text = "生活保護法別表第1の1の項及び別表第二の27の項"
    assert rewrite(text, assume_law=True).text == text


def test_assume_law() -> None:
    assert rewrite("別表第一の16の項", assume_law=True).text == "別表の24の項"


def test_look_alikes_untouched_even_with_assume_law() -> None:
    text = "生活保護法別表第1の1の項、住民基本台帳法別表第一の1の2の項及び条例別表第1の1の項"
    assert rewrite(text, assume_law=True).text == text


def test_dependent_list_and_table_change_together_or_not_at_all() -> None:
    ok = "・番号法別表第二\n：住民票関係情報が含まれる項（１、２、３の項）"
    result = rewrite(ok)
    assert "別表第二" not in result.text and "（１、２、３の項）" in result.text  # rows 1–3 keep their numbers
    blocked = "・番号法別表第二\n：住民票関係情報が含まれる項（１、２、８５の２の項）"
    result = rewrite(blocked)
    assert result.text == blocked
    reasons = {f.reason for f in result.findings}
    assert "inferred-mapping" in reasons and "dependent-kept" in reasons
    proposed = [f.proposed for f in result.findings if f.reason == "inferred-mapping"]
    assert proposed and "１２４" in (proposed[0] or "")


def test_typos_reported_and_fixed_only_on_request() -> None:
    text = "番号利用表第１９条第８条に基づく主務省令第２条の表"
    result = rewrite(text)
    assert result.text == text
    assert sorted(f.proposed for f in result.findings if f.reason == "typo") == ["号", "法"]
    assert rewrite(text, fix_typos=True).text == "番号利用法第１９条第８号に基づく主務省令第２条の表"


# ------------------------------------------------------------------------------ the seed


def seed_formal_rows(seed: str) -> list[tuple[str, str]]:
    """(変更前, 変更後) of the simple rows dated 令和6年5月27日 in the seed (blank-line separated)."""
    pairs = []
    for block in seed.split("令和6年5月27日")[1:]:
        chunks = [c.strip("\n") for c in re.split(r"\n\s*\n", block) if c.strip()]
        k = next((i for i, c in enumerate(chunks) if c.startswith("事後")), None)
        if k is None or k < 2 or "根拠法にあわせて" not in chunks[k]:
            continue
        pairs.append((chunks[k - 2], chunks[k - 1]))
    return pairs


def fix_known_typos(s: str) -> str:
    return s.replace("第１９条第８条", "第１９条第８号").replace("番号利用表", "番号利用法")


def test_seed_rows_equal_the_citys_rewrite(seed_text: str) -> None:
    pairs = seed_formal_rows(seed_text)
    simple = [(b, a) for b, a in pairs if "別表第一の" in b or b.startswith("番号利用法第19条") or b.startswith("番号利用法別表第二")]
    assert len([p for p in simple if "別表第一の" in p[0]]) == 36
    for before, after in simple:
        result = rewrite(before, assume_law=True)
        assert norm(result.text) == norm(fix_known_typos(after)), before
        assert rewrite(result.text, assume_law=True).edits == ()
    typo_row = next(a for b, a in simple if b.startswith("番号利用法別表第二"))
    assert any(f.reason == "typo" and "第８条" in f.message for f in rewrite(typo_row).findings)


def _legal_basis_row(seed: str) -> str:
    start = seed.index("・番号利用法第１９条第８号（特定個人情報の\n提供の制限）及び別表第二")
    end = seed.index("ない）", start) + len("ない）")
    return seed[start:end]


CITY_NEW_LIST = [int(x) for x in (
    "1 2 3 5 7 11 13 15 20 28 37 39 48 53 57 58 59 63 65 66 69 73 75 76 81 83 84 86 87 91 92 96 106 108 110 "
    "112 115 118 124 129 130 132 136 137 138 141 142 144 149 150 151 152 155 156 158 160 163 164 165 166"
).split()]


def test_seed_legal_basis_row_default_keeps_everything(seed_text: str) -> None:
    before = _legal_basis_row(seed_text)
    result = rewrite(before, assume_law=True)
    # the passage of the list (up to the blank line) stays exactly as written: the table citations
    # the list depends on, and the list itself
    passage = before[: before.index("\n\n")]
    assert result.text.startswith(passage)
    assert all(e.start >= len(passage) for e in result.edits)
    inferred = [f for f in result.findings if f.reason == "inferred-mapping"]
    named = sorted(re.search(r"の([0-9の]+)の項", f.message).group(1) for f in inferred)  # type: ignore[union-attr]
    # 85の2 → 124 rests on its position in the city's list; 30, 102 and 105 are deletions known only
    # by position in the interim numbering (mappings/BUILD_REPORT.md): all inferred
    assert named == ["102", "105", "30", "85の2"]
    assert all(f.proposed and "１２４" in f.proposed and "８５の２" not in f.proposed for f in inferred)


def test_seed_legal_basis_row_with_accept_inferred(seed_text: str) -> None:
    before = _legal_basis_row(seed_text)
    result = rewrite(before, assume_law=True, accept_inferred=True)
    assert "別表第二" not in result.text
    assert "主務省令第２条の表" in result.text
    # the table joined to 第１９条第８号 by 及び repeats the law's name, as the city wrote it
    city = "・番号利用法第１９条第８号（特定個人情報の提供の制限）及び番号利用法第１９条第８号に基づく主務省令第２条の表"
    assert norm(city) in norm(result.text)
    m = re.search(r"項（([^）]*)の項）", result.text)
    assert m is not None
    new_rows = [int(x) for x in re.findall(r"\d+", norm(m.group(1)))]
    assert len(new_rows) == 55
    assert {124, 127, 140} <= set(new_rows)
    overlap = set(new_rows) & set(CITY_NEW_LIST)
    print(f"overlap with the city's own list: {len(overlap)} of {len(new_rows)} (city: {len(CITY_NEW_LIST)})")
    assert len(set(new_rows) - set(CITY_NEW_LIST)) <= 3
    dropped = [f for f in result.findings if f.reason == "row-deleted-dropped"]
    assert sorted(int(re.search(r"の(\d+)の項", f.message).group(1)) for f in dropped) == [21, 30, 102, 105]  # type: ignore[union-attr]
    assert all(f.evidence for f in dropped)
    assert rewrite(result.text, assume_law=True, accept_inferred=True).edits == ()


def test_seed_old_order_row_stays_with_a_finding_per_lettered_reference(seed_text: str) -> None:
    start = seed_text.index("・番号利用法別表第二の主務省令で定める事")
    end = seed_text.index("４号）", start) + len("４号）")
    before = seed_text[start:end]
    result = rewrite(before, assume_law=True, accept_inferred=True)
    assert result.text == before
    lettered = re.findall(r"号[イロハニホヘトチリヌルヲワ]", "".join(before.split()))
    assert len([f for f in result.findings if f.reason == "subitem-not-mapped"]) == len(lettered)


def test_whole_seed_is_idempotent_and_changes_only_citations(seed_text: str) -> None:
    first = rewrite(seed_text, assume_law=True, accept_inferred=True)
    assert first.edits
    again = rewrite(first.text, assume_law=True, accept_inferred=True)
    assert again.edits == ()
    _assert_outside_edits_unchanged(seed_text, first)


# ------------------------------------------------------------------------------ properties


def _assert_outside_edits_unchanged(original: str, result: RewriteResult) -> None:
    pos = 0
    out = 0
    for e in result.edits:
        gap = original[pos : e.start]
        assert result.text[out : out + len(gap)] == gap
        assert original[e.start : e.end] == e.before
        out += len(gap)
        assert result.text[out : out + len(e.after)] == e.after
        out += len(e.after)
        pos = e.end
    assert result.text[out:] == original[pos:]


pieces = st.sampled_from(
    ["番号利用法第9条第1項 別表第一の16の項", "番号法別表第二の２の項", "別表第一の十六の項", "番号法別表第一の99の項",
     "生活保護法別表第1の1の項", "番号利用法第19条第8号\n別表第二", "（１、２の項）", "同法別表第一の8の項",
     "番号法別表第一の１、２及び３の項", "番号利用表", "。\n", "\r\n", "本文", "　", "（以下「法」という。）", "法別表第一の9の項",
     # the forms added later: 項番, ranges with ～, colon lists, the old order with its number and articles
     "番号法別表第二の項番13、14", "別表第一の1～3の項", "（第一欄が「市町村長」の項：13、14）", "\n\n",
     "番号法別表第二主務省令（平成26年内閣府・総務省令第7号）", "第２０条及び第２１条", "（１条２号）", "27項目",
     "番号法別表第一の16の項及び別表第二の27の項", "、28", "住民基本台帳法別表第一（以下「別表第一」という。）", "別表第一の1の項"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(pieces, st.text(max_size=5)), max_size=12).map("".join), st.booleans(), st.booleans())
# (found by Hypothesis: the doubled misspelt name read as the act before the list, the corrected one as
# one unknown name 「番号利用法番号利用法」, so the second run read the list, and the table after it, anew)
@example("番号利用法第9条第1項 別表第一の16の項番号利用表番号利用表（１、２の項）番号利用法第9条第1項 別表第一の16の項",
         False, False)
# (fuzzer, seed 98989: the term defined as another law's table kept the joined 別表第一 only while 別表第二's law was
# assumed; the act's name the rewrite put before 別表第二 made the second run rename it)
@example("住民基本台帳法別表第一（以下「別表第一」という。）。別表第二の27の項及び別表第一の1の項", True, False)
def test_outside_edits_byte_for_byte_and_idempotent(text: str, assume: bool, accept: bool) -> None:
    result = rewrite(text, assume_law=assume, accept_inferred=accept, fix_typos=True)
    _assert_outside_edits_unchanged(text, result)
    assert rewrite(result.text, assume_law=assume, accept_inferred=accept, fix_typos=True).edits == ()


def test_garbage_collector_state_is_restored() -> None:
    import gc

    assert gc.isenabled()
    rewrite("番号法別表第一の16の項")
    assert gc.isenabled()
    gc.disable()
    try:
        rewrite("番号法別表第一の16の項")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_readme_before_after_table_is_what_rewrite_does() -> None:
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    head = readme.index("| 改正前 (before) | 改正後 (after) |")
    rows = []
    for line in readme[head:].splitlines()[2:]:
        if not line.startswith("|"):
            break
        before, after = (cell.strip() for cell in line.strip("|").split("|"))
        rows.append((before, after))
    assert len(rows) >= 4
    for before, after in rows:
        assert rewrite(before).text == after, before


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["番号法", "番号利用法", "マイナンバー法", "番号利用等法", "番号", "法", "利用", "、"]),
                         max_size=12).map("".join), max_size=3))
def test_the_documents_name_of_the_act_is_the_one_written_most_then_first(texts: list[str]) -> None:
    """render.document_law_name: the alias found most often (a longer one never counted as a shorter
    inside it), ties to the one written first; None when none is written."""
    import re as _re

    from mynumber_refs.model import ALIASES
    from mynumber_refs.render import document_law_name

    longest_first = _re.compile("|".join(sorted(ALIASES, key=len, reverse=True)))
    seen: list[tuple[str, int, int]] = []  # (alias, text, position) of every name written
    for n, text in enumerate(texts):
        seen += [(m.group(), n, m.start()) for m in longest_first.finditer(text)]
    if not seen:
        assert document_law_name(texts) is None
        return
    count = {a: sum(1 for s in seen if s[0] == a) for a, _, _ in seen}
    best = max(count.values())
    expected = next(a for a, _, _ in seen if count[a] == best)  # seen is in writing order
    assert document_law_name(texts) == expected
    from mynumber_refs import render

    saved = render._NAMES_APART  # the general search, for names that could nest
    render._NAMES_APART = False
    try:
        assert document_law_name(texts) == expected
    finally:
        render._NAMES_APART = saved


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=5), st.lists(st.tuples(st.integers(min_value=0, max_value=300_000),
                                                                 st.integers(min_value=0, max_value=3),
                                                                 st.text(alphabet="新ab", max_size=3)), max_size=40))
def test_edits_are_spliced_in_and_the_gaps_copied_whatever_the_texts_length(
    small: int, wanted: list[tuple[int, int, str]]
) -> None:
    """edits.apply_edits, which joins a long text's pieces as it goes: the same as splicing each edit
    into the text from the end, on texts shorter and far longer than one joined piece."""
    from mynumber_refs.edits import apply_edits
    from mynumber_refs.model import Edit

    text = ("番号法別表第一の16の項。\n" * 30_000)[: small * 60_000 + 7]
    edits, taken = [], -1
    for start, length, after in sorted(wanted):
        start = min(start, len(text))
        end = min(len(text), start + length)
        if start <= taken:
            continue
        edits.append(Edit(start, end, text[start:end], after))
        taken = max(end, start)
    expected = text
    for e in sorted(edits, key=lambda e: e.start, reverse=True):
        expected = expected[: e.start] + e.after + expected[e.end :]
    assert apply_edits(text, reversed(edits)) == expected


# ------------------------------------------------------------------------------ reading back

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("番号法別表第一第２項", "番号法別表の第２項"),
        ("番号法別表第一第一項", "番号法別表の第一項"),
        ("番号法別表第一第十六項", "番号法別表の第二十四項"),
        ("番号法別表第一第１６項", "番号法別表の第２４項"),
        ("番号法別表第一第16項及び第17項", "番号法別表の第24項及び第25項"),
    ],
)
def test_a_row_written_with_dai_after_the_bare_new_table_takes_no(text: str, expected: str) -> None:
    """「別表第一第16項」 renamed without its ordinal would be 「別表第24項」 / 「別表第二十四項」 / 「別表第２項」: a
    table's ordinal to any reader (別表第二 to one of the old numbering).  After the bare 別表 the row takes の."""
    result = rewrite(text)
    assert result.text == expected and not result.findings
    assert rewrite(expected).edits == ()
    assert not re.search(r"別表第", result.text)


@pytest.mark.parametrize("assume", [False, True])
def test_a_second_table_renamed_into_a_number_is_not_written(assume: bool) -> None:
    """「番号法別表第二及び第一\n第2条の表の48の項」: the second table renamed 別表 would run on into what follows
    (「…及び別表\n第2条…」), which a second run read as 別表第二 and rewrote again (fuzzer, seed 7171).  Kept and
    reported; with nothing of the kind after it, the pair is renamed as before."""
    for text in ("番号法別表第二及び第一\n第2条の表の48の項", "番号法別表第二及び第一\n第2条"):
        result = rewrite(text, assume_law=assume)
        assert result.text == text
        assert [f.reason for f in result.findings] == ["reads-differently"]
    assert rewrite("番号法別表第二及び第一に基づく", assume_law=assume).text == "番号法第19条第8号に基づく主務省令第2条の表及び別表に基づく"


@pytest.mark.parametrize("text", ["番号法別表第1項", "番号法別表第2項", "番号法別表第一項に定める事務", "番号法別表第二 項"])
def test_a_number_between_a_table_and_its_kou_is_not_guessed(text: str) -> None:
    """In 「別表第2項」 the 2 may be the table's (別表第二) or the row's (別表の2の項): left as written, reported
    (it was renamed to 「…第2条の表項」).  「別表第二項番27」 is a table and its row."""
    for assume in (False, True):
        result = rewrite(text, assume_law=assume, accept_inferred=True)
        assert result.text == text
        assert [f.reason for f in result.findings] == ["table-or-row"]
    assert rewrite("番号法別表第二項番27").text == "番号法第19条第8号に基づく主務省令第2条の表項番48"


@pytest.mark.parametrize("text", ["番号法別表２・27の項", "番号法別表2の27の項", "番号法別表二の項", "番号法別表2項", "番号利用法別表1、16の項"])
def test_a_figure_of_an_old_ordinal_right_after_the_word_beppyo_is_not_guessed(text: str) -> None:
    """In 「別表２・27の項」 the 2 may be the table's (別表第二 with 第 left out) or the first row's (別表の2・27の項): left as
    written, reported (read as rows 2 and 27 of the new table, it was left with nothing said)."""
    for assume in (False, True):
        result = rewrite(text, assume_law=assume)
        assert result.text == text
        assert [f.reason for f in result.findings] == ["table-or-row"]
    for fine in ("番号法別表27の項", "番号法別表の2の項", "番号法別表二十七の項", "番号法別表12の項"):
        assert rewrite(fine).findings == (), fine


@pytest.mark.parametrize(("text", "expected"), [
    ("番号法別表第一1の項", "番号法別表の1の項"),
    ("番号法別表第一2、3の項", "番号法別表の2、3の項"),
    ("番号法別表第一第16項", "番号法別表の第24項"),
    ("番号法別表第一16及び17の項", "番号法別表24及び25の項"),  # (24 is no ordinal: as written)
])
def test_a_row_written_right_after_the_first_tables_ordinal_takes_no(text: str, expected: str) -> None:
    """「別表第一1の項」 became 「別表1の項」, which reads as 別表第一 with 第 left out as well as the new table's row: a
    row written right after the ordinal whose new number is 1 or 2 takes の, as one written 第N項 does."""
    result = rewrite(text)
    assert result.text == expected
    again = rewrite(expected)
    assert again.edits == () and again.findings == ()


@pytest.mark.parametrize("text", ["番号法別表第1項別表第二の27の項", "番号法別表第2項\n別表第二"])
def test_an_inserted_name_after_a_dangling_kou_changes_nothing_on_a_second_run(text: str) -> None:
    """The act's name inserted after 「別表第1項」 makes 「…項番号法」: 項番 is a row's number only with
    the number after it, so the first table stays 「table-or-row」 on the second run too (found by
    tools/fuzz_invariants.py)."""
    once = rewrite(text, assume_law=True, accept_inferred=True)
    assert "番号法第19条第8号に基づく主務省令第2条の表" in once.text
    again = rewrite(once.text, assume_law=True, accept_inferred=True)
    assert again.edits == ()
    assert [f.reason for f in again.findings] == ["table-or-row"]


_OLD_NAMES = {Table.BEPPYO1: ["別表第一", "別表第1", "別表第１", "別表第 一"], Table.BEPPYO2: ["別表第二", "別表第2", "別表第２"]}
_NEW_TABLES = {Table.BEPPYO1: Table.BEPPYO, Table.BEPPYO2: Table.ORDER_TABLE}


@settings(max_examples=400, deadline=None)
@given(st.sampled_from([Table.BEPPYO1, Table.BEPPYO2]), st.data(), st.sampled_from(["の", "", " ", "第", "の第", "\n", "　"]),
       st.integers(1, 140), st.sampled_from(list(NumeralStyle)), st.sampled_from(["の項", "項"]),
       st.sampled_from(["", "、", "に規定する", "の2", "第2条", "及び別表第二", "。", "\n第3"]))
def test_every_rewritten_table_reads_back_as_its_new_table_and_rows(
    table: Table, data: st.DataObject, link: str, main: int, numerals: NumeralStyle, suffix: str, after: str
) -> None:
    """Whatever the form (「別表第一第２項」, 「別表第1 16項」, 「別表第二の二十七の項」 …), a citation read as
    the old table and row is, once rewritten, read in the output as the new table with the mapping's new
    rows; when it is not rewritten, a finding says why.  (「別表第11項」 reads as the new 別表's row 11:
    not an old citation, nothing to check.)"""
    from mynumber_refs.mappings import Relation, default_mappings

    outcome = default_mappings().map_row(table, RowNumber((main,)))
    if outcome is None or outcome.relation in (Relation.DELETED, Relation.SPLIT) or not outcome.new_rows:
        return
    name = data.draw(st.sampled_from(_OLD_NAMES[table]))
    written = f"番号法{name}{link}{RowNumber((main,)).render(numerals)}{suffix}"
    text = written + after
    old = [x for x in find_citations(text) if isinstance(x, Citation) and x.start == 0]
    if not old or old[0].table is not table or list(old[0].rows) != [RowNumber((main,))]:
        return
    result = rewrite(text, accept_inferred=True)
    if not any(e.start < old[0].end for e in result.edits):  # kept as written: a finding says why
        assert any(f.start == 0 for f in result.findings), text
        return
    read = [x for x in find_citations(result.text) if isinstance(x, Citation) and x.start == 0]
    assert read, (text, result.text)
    assert read[0].table is _NEW_TABLES[table], (text, result.text)
    assert list(read[0].rows) == sorted(set(outcome.new_rows)), (text, result.text)


def test_an_article_of_the_old_order_in_kanji_is_rewritten_as_in_digits() -> None:
    """「…命令第二十条」 maps as 「…命令第20条」 does (its article was read, then refused as 「order-ref-unknown
    二十条」 when its token was rewritten), in the document's kanji."""
    title = "番号法別表第二の主務省令で定める事務及び情報を定める命令"
    digits = rewrite(title + "第20条")
    kanji = rewrite(title + "第二十条")
    assert digits.text.endswith("主務省令第50条") and not digits.findings
    assert kanji.text == "番号法第十九条第八号に基づく主務省令第五十条"
    assert not kanji.findings


def test_a_title_in_a_closed_bracket_does_not_cut_a_table_off_from_its_law() -> None:
    text = "番号法第19条第8号（別表第二主務省令第２条）、別表第二の27の項"
    out = rewrite(text).text
    assert out.endswith("、番号法第19条第8号に基づく主務省令第2条の表の48の項")
    assert rewrite(out).edits == ()
    # inside the bracket still open, the title does cut it off: the table is the title's sentence's
    inner = "番号法、（別表第二主務省令第２条、別表第二の27の項）"
    assert "law-unknown" in {f.reason for f in rewrite(inner).findings}


# ------------------------------------------------------------------------------ bulleted rows


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("番号法別表第二\n・27の項\n・28の項", "番号法第19条第8号に基づく主務省令第2条の表\n・48の項\n・49の項"),
        ("番号法第19条第7号　別表第二\n・項番27\n・項番28\n・住民票関係情報",
         "番号法第19条第8号に基づく主務省令第2条の表\n・項番48\n・項番49\n・住民票関係情報"),
        ("番号法別表第一\n　・１６の項\n　・１９の項、３０の項", "番号法別表\n　・２４の項\n　・２７の項、４４の項"),
        # a Word list, whose bullets are not in the text; under a citation that names rows on its line too
        ("番号法別表第二\n27の項\n28の項\n住民票関係情報", "番号法第19条第8号に基づく主務省令第2条の表\n48の項\n49の項\n住民票関係情報"),
        ("番号法別表第一の16の項\n19の項\n30の項", "番号法別表の24の項\n27の項\n44の項"),
    ],
)
def test_bulleted_lines_of_rows_under_a_tables_name_are_its_rows(before: str, after: str) -> None:
    result = rewrite(before)
    assert result.text == after
    assert result.findings == ()
    assert rewrite(after).edits == ()


@pytest.mark.parametrize(
    "text",
    [
        "番号法別表第二\n・27の項（住民票関係情報）",  # more than rows on the line
        "番号法別表第二\n・27",  # a bare number
        "番号法別表第二\n（照会）\n・27の項",  # not right under the name
        "番号法別表第一の16の項\n19の項（番号法別表第二）",  # the line names another table
    ],
)
def test_other_bulleted_lines_keep_the_name(text: str) -> None:
    result = rewrite(text)
    assert result.text == text
    assert "number-after-table" in {f.reason for f in result.findings}


def test_bulleted_rows_under_another_laws_table_are_its_own() -> None:
    text = "番号法別表第一の16の項及び住民基本台帳法別表第二\n・4の項\n・5の項"
    assert rewrite(text, assume_law=True).text == "番号法別表の24の項及び住民基本台帳法別表第二\n・4の項\n・5の項"


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["16", "19", "30", "36の2", "59", "95"]), min_size=1, max_size=4, unique=True))
def test_bulleted_rows_change_as_the_same_rows_in_one_list(rows: list[str]) -> None:
    bulleted = rewrite("番号法別表第一\n" + "\n".join(f"・{r}の項" for r in rows))
    inline = rewrite("番号法別表第一の" + "、".join(rows) + "の項")
    new_bulleted = re.findall(r"・(\S+)の項", bulleted.text)
    new_inline = re.search(r"別表の(\S+)の項", inline.text)
    assert new_inline is not None
    assert sorted(new_bulleted) == sorted(new_inline.group(1).split("、"))


@pytest.mark.parametrize(("text", "expected"), [
    ("同法別表第二の27の項（番号法）", "同法第19条第8号に基づく主務省令第2条の表の48の項（番号法）"),
    ("同法　別表第二（番号法第19条第8号）", "同法　第19条第8号に基づく主務省令第2条の表（番号法第19条第8号）"),
    ("別表第二の27の項（番号法）", "番号法第19条第8号に基づく主務省令第2条の表の48の項（番号法）"),  # (no name before it)
])
def test_no_name_is_inserted_right_after_a_laws_name(text: str, expected: str) -> None:
    """A table whose law the bracket after it gives, with a law's name (a 同法 with nothing to take) written right
    before it: the act's name is not glued after that name (「同法番号法第19条第8号…」)."""
    result = rewrite(text)
    assert result.text == expected
    assert rewrite(result.text).edits == ()


_TITLE = "行政手続における特定の個人を識別するための番号の利用等に関する法律"


@pytest.mark.parametrize(("text", "assume", "expected"), [
    # (fuzzer, seeds 78787 and 77777: 「会番号法…」 and 「表番号法…」 read as another law's order on a second run, and the
    # table after the bracket was then rewritten as the act's)
    ("会別表第二〔番号法〕、別表第一（民法）", False,
     f"会{_TITLE}第19条第8号に基づく主務省令第2条の表〔番号法〕、別表第一（民法）"),
    ("表別表第二〔番号法〕、別表第一（帳法）", True,
     f"表{_TITLE}第19条第8号に基づく主務省令第2条の表〔番号法〕、別表第一（帳法）"),
    ("照会別表第二の27の項", True, f"照会{_TITLE}第19条第8号に基づく主務省令第2条の表の48の項"),
    # after a word end, a separator or nothing, the short name as before
    ("…の表別表第二〔番号法〕、別表第一（民法）", False, "…の表番号法第19条第8号に基づく主務省令第2条の表〔番号法〕、別表第一（民法）"),
    ("照会 別表第二の27の項", True, "照会 番号利用法第19条第8号に基づく主務省令第2条の表の48の項"),
    ("別表第二〔番号法〕、別表第一（民法）", False, "番号法第19条第8号に基づく主務省令第2条の表〔番号法〕、別表第一（民法）"),
])
def test_a_name_inserted_right_after_a_word_is_the_acts_title(text: str, assume: bool, expected: str) -> None:
    """The act's name inserted right after a word (「照会別表第二」) is its title: a short name would be read with
    that word as another law's (「照会番号法」, a known limit of the reader), so that a second run read the order
    as that law's and a table joined after it differently."""
    result = rewrite(text, assume_law=assume)
    assert result.text == expected
    assert rewrite(result.text, assume_law=assume).text == result.text


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["照会", "会", "表", "]*表", "事項", "カード", "ＡＢ", "の表", "第二", "58項", "。", "", "\n"]),
       st.sampled_from(["別表第二", "別表第二〔番号法〕", "別表第二の27の項", "別表第二の27の項（番号法）", "別表第二主務省令"]),
       st.sampled_from(["、", "及び", "", "。"]),
       st.sampled_from(["別表第一（民法）", "別表第一の16の項", "別表第一（住民基本台帳法）", "同法別表第一の16の項", "別表第二の28の項"]),
       st.booleans())
def test_an_inserted_name_is_read_as_the_acts_by_a_second_run(
    before: str, first: str, joiner: str, later: str, assume: bool
) -> None:
    """Wherever the rewrite writes the act's name before the new order, a second run reads the act there (never
    another law's name glued to the word before it), and so changes nothing."""
    text = before + first + joiner + later
    once = rewrite(text, assume_law=assume)
    assert rewrite(once.text, assume_law=assume).text == once.text, text
    index = LawIndex(once.text)
    shift = 0
    for e in sorted(once.edits, key=lambda e: e.start):
        name = e.after.split("第19条第8号に基づく主務省令")[0]
        if name and name != e.after:  # a name written before the new order
            law = index.expression_ending_at(e.start + shift + len(name))
            assert law is not None and law.kind is LawKind.ACT, (text, once.text)
        shift += len(e.after) - len(e.before)


# ------------------------------------------------------------------ the provision joined to 別表第二

_NETWORK_DIGITS = {"half": ("19", "7", "8", "27", "48"), "full": ("１９", "７", "８", "２７", "４８"),
                   "kanji": ("十九", "七", "八", "二十七", "四十八")}


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(sorted(_NETWORK_DIGITS)), st.sampled_from(["及び", "並びに", "、", "（"]), st.booleans(),
       st.sampled_from(["番号法", "番号利用法"]), st.booleans(), st.booleans())
def test_the_network_provision_joined_to_the_second_table_is_renumbered_with_it(
    style: str, joiner: str, with_row: bool, law: str, unmappable: bool, shorthand: bool
) -> None:
    """「番号法第19条第7号及び別表第二」: the 第7号 joined to the table is its provision (as in 「第19条第7号
    別表第二」), so it becomes 第8号 with the table: never an old 号 beside the new name, and nothing
    changes when the table stays as written.  So does the shorthand without 第 (「番号法19条7号及び別表第二」;
    half-width or full-width digits: a law's name is not read before kanji ones, 「番号法十九条七号」, and the law
    of a table in the bracket after a shorthand provision is assumed: 「番号法19条7号（別表第二）」)."""
    art, old, new, row, new_row = _NETWORK_DIGITS[style]
    dai = "" if shorthand and style != "kanji" else "第"
    rows = ("の99999の項" if unmappable else f"の{row}の項") if with_row else ""
    text = f"{law}{dai}{art}条{dai}{old}号{joiner}別表第二{rows}" + ("）" if joiner == "（" else "") + "により提供する。"
    result = rewrite(text, assume_law=not dai and joiner == "（")
    if with_row and unmappable:
        assert result.text == text
        return
    assert result.text.startswith(f"{law}{dai}{art}条{dai}{new}号{joiner}")
    assert f"条{dai}{old}号" not in result.text and "別表第二" not in result.text
    if with_row:
        assert f"の{new_row}の項" in result.text
    assert rewrite(result.text).edits == ()


@pytest.mark.parametrize(("text", "expected"), [
    # a short note in brackets between them, as PIAs head their lists of bases
    ("・番号利用法第19条第7号（情報提供ネットワークシステムによる情報提供）　別表第二の27の項",
     "・番号利用法第19条第8号（情報提供ネットワークシステムによる情報提供）　番号利用法第19条第8号に基づく主務省令第2条の表の48の項"),
    ("番号法第１９条第７号（情報連携）\n別表第二", "番号法第１９条第８号（情報連携）\n番号法第１９条第８号に基づく主務省令第２条の表"),
    ("番号法第9条第1項、第19条第7号（情報提供）及び別表第二", "番号法第9条第1項、第19条第8号（情報提供）及び番号法第19条第8号に基づく主務省令第2条の表"),
    # a phrase that makes it the table's basis
    ("番号法第19条第7号の規定による別表第二の27の項", "番号法第19条第8号の規定による番号法第19条第8号に基づく主務省令第2条の表の48の項"),
    ("番号法第十九条第七号に規定する別表第二", "番号法第十九条第八号に規定する番号法第十九条第八号に基づく主務省令第二条の表"),
    ("番号法第19条第7号の規定により、別表第二の27の項", "番号法第19条第8号の規定により、番号法第19条第8号に基づく主務省令第2条の表の48の項"),
    ("番号法第19条第7号に基づき、別表第二に定める事務", "番号法第19条第8号に基づき、番号法第19条第8号に基づく主務省令第2条の表に定める事務"),
    ("番号法第19条第7号に基づいて\n別表第二の27の項", "番号法第19条第8号に基づいて\n番号法第19条第8号に基づく主務省令第2条の表の48の項"),
    ("番号法第19条第7号により別表第二の27の項", "番号法第19条第8号により番号法第19条第8号に基づく主務省令第2条の表の48の項"),
])
def test_the_network_provision_before_a_note_or_a_basis_phrase_is_renumbered_with_the_table(text: str, expected: str) -> None:
    """「第19条第7号（…）　別表第二」, 「第19条第7号の規定による別表第二」: the 号 is the table's provision as
    when 及び joins them; it changes with the table or not at all."""
    assert rewrite(text).text == expected
    assert rewrite(expected).edits == ()
    kept = text.replace("別表第二の27の項", "別表第二の99999の項").replace("別表第二\n", "別表第二の99999の項\n")
    if kept != text:
        assert rewrite(kept).text == kept


def test_a_supplementary_provisions_item_is_not_the_network_provision() -> None:
    """「番号法附則第19条第7号及び別表第二」: an article of the act's 附則 joined to its table is no 第19条 of the act, so
    its 号 stays as written while the act's table is renamed."""
    text = "番号法附則第19条第7号及び別表第二の27の項"
    result = rewrite(text)
    assert result.text == "番号法附則第19条第7号及び番号法第19条第8号に基づく主務省令第2条の表の48の項"
    assert rewrite(result.text).edits == ()


@pytest.mark.parametrize(("text", "expected"), [
    # joined to a table before it that stays as written (its row is not established): its 号 stays old, so the
    # next table in the sentence is kept too
    ("番号法第19条第7号、別表第二の99の項及び別表第二の27の項", None),
    ("番号法第19条第7号及び別表第二の99の項並びに同法別表第二の27の項", None),
    ("番号法第19条第7号、別表第二の999の項（注。）及び別表第二の27の項", None),  # (a 「。」 in a note)
    # …and where it is renumbered with its table, the next table goes too
    ("番号法第19条第7号及び別表第二の27の項並びに別表第二の28の項",
     "番号法第19条第8号及び番号法第19条第8号に基づく主務省令第2条の表の48の項並びに番号法第19条第8号に基づく主務省令第2条の表の49の項"),
])
def test_a_network_item_joined_to_a_kept_table_keeps_the_next_table_of_its_sentence(text: str, expected: str | None) -> None:
    """「番号法第19条第7号、別表第二の99の項及び別表第二の27の項」: the 第7号 belongs to the first table, which stays
    as written and keeps it; the second was renamed (「…番号法第19条第8号に基づく…の48の項」) beside that old 号."""
    result = rewrite(text)
    if expected is None:
        assert result.text == text
        assert "number-before-table" in {f.reason for f in result.findings}
    else:
        assert result.text == expected


@pytest.mark.parametrize("text", [
    # the first table stays only with its group (its 同表 names a row not established): its 第7号 stays old too
    "番号法第19条第7号及び別表第二の27の項、同表の999の項並びに番号法別表第二の28の項に基づく。",
    "番号法第19条第7号、別表第二の27の項、同表の999の項及び別表第二の28の項",
    # a 「。」 that ends a note in a bracket does not end the sentence
    "番号法第19条第7号及び別表第二の27の項（同表の999の項を含む。）並びに番号法別表第二の28の項に基づく。",
    # the table that keeps its 第7号 comes after (its row is not established)
    "番号法別表第二の28の項並びに番号法第19条第7号及び別表第二の999の項",
    "番号法別表第二の28の項並びに番号法第19条第7号及び別表第二の27の項、同表の999の項",
])
def test_a_network_item_joined_to_a_table_kept_with_its_group_keeps_the_next_table(text: str) -> None:
    """「番号法第19条第7号及び別表第二の27の項、同表の999の項並びに番号法別表第二の28の項」: the first table is kept
    (dependent-kept) with its 同表, so its joined 第7号 stays; the 28の項 was renamed to 「番号法第19条第8号に基づく主務省令
    第2条の表の49の項」 beside that old 号.  A table renamed beside a 第7号 that another citation renumbers changes with
    that citation's group, or not at all."""
    for assume in (False, True):
        result = rewrite(text, assume_law=assume)
        assert result.text == text
        kept = [f.text for f in result.findings if f.reason in ("dependent-kept", "number-before-table")]
        assert any("28の項" in k for k in kept)


@pytest.mark.parametrize(("text", "expected"), [
    ("番号法19条7号及び別表第二", "番号法19条8号及び番号法第19条第8号に基づく主務省令第2条の表"),
    ("番号法19条7号、別表第二の27の項", "番号法19条8号、番号法第19条第8号に基づく主務省令第2条の表の48の項"),
    ("番号法第19条7号の規定により、別表第二の27の項", "番号法第19条8号の規定により、番号法第19条第8号に基づく主務省令第2条の表の48の項"),
    ("番号法１９条７号に規定する別表第二", "番号法１９条８号に規定する番号法第１９条第８号に基づく主務省令第２条の表"),
    # broken inside its number, as PDF text is
    ("番号法第1\n9条第7号及び別表第二", "番号法第1\n9条第8号及び番号法第19条第8号に基づく主務省令第2条の表"),
    ("番号法第１\n９条第７号、別表第二の２７の項", "番号法第１\n９条第８号、番号法第１９条第８号に基づく主務省令第２条の表の４８の項"),
    # (not the end of a longer number, nor another law's)
    ("番号法第119条第7号及び別表第二", "番号法第119条第7号及び番号法第19条第8号に基づく主務省令第2条の表"),
    ("住民基本台帳法19条7号及び番号法別表第二", "住民基本台帳法19条7号及び番号法第19条第8号に基づく主務省令第2条の表"),
])
def test_the_network_provision_in_shorthand_is_renumbered_with_its_table(text: str, expected: str) -> None:
    """「番号法19条7号及び別表第二」: the provision written without 第 is the same 第19条第7号; it changes with the
    table joined to it (it stood beside the new name: 「番号法19条7号及び番号法第19条第8号に基づく…」)."""
    assert rewrite(text).text == expected
    assert rewrite(expected).edits == ()


def test_a_provision_cut_from_its_law_by_a_page_keeps_its_items_dai() -> None:
    """PDF text of a 変更箇所 cell whose 「番号利用法第」 ended the page before: the provision that starts the next page,
    「19 条第 8 号」, keeps the 第 before its item (it was written 「19条8号に基づく…」, dropping a 第 the text has)."""
    text = "19 条第 8 号\n別表第二\n"
    result = rewrite(text, assume_law=True)
    assert result.text == "19条第8号に基づく主務省令第2条の表\n"
    assert rewrite(result.text, assume_law=True).edits == ()


@pytest.mark.parametrize(("text", "reason"), [
    ("番号法別表第二の27の項（番号法19条7号）", "number-after-table"),
    ("番号法別表第二の27の項（十九条七号）", "number-after-table"),
    ("番号法別表第二の27の項及び１９条７号", "number-after-table"),
    ("番号法19条7号に規定する情報提供ネットワークシステム（番号法別表第二の27の項）", "number-before-table"),
    ("番号法第1\n9条第7号に規定する情報提供ネットワークシステムを使用し、別表第二の27の項", "number-before-table"),
])
def test_the_network_provision_in_shorthand_apart_from_the_table_keeps_it(text: str, reason: str) -> None:
    """An old 19条7号 written without 第 in the sentence of a 別表第二 and not joined to it: as 第19条第7号, the table
    is kept (the new name would stand beside the old 号) and reported."""
    result = rewrite(text, assume_law=True)
    assert result.text == text
    assert [f.reason for f in result.findings] == [reason]


@pytest.mark.parametrize("text", [
    "住民基本台帳法第19条第7号及び番号法別表第二",  # the other law named right before the 号
    "住民基本台帳法第19条第7号（住民票）　番号法別表第二の27の項",
    "住民基本台帳法第5条、第19条第7号及び番号法別表第二",  # the table names its own law: the 号 is the other law's
    "番号法第19条第7号\n\n別表第二の27の項",  # another passage
])
def test_another_laws_or_a_separate_network_item_keeps_its_number(text: str) -> None:
    result = rewrite(text, assume_law=True)
    assert "第19条第7号" in result.text
    assert "主務省令第2条の表" in result.text  # the table itself is rewritten


def test_a_network_item_before_a_bracket_ending_in_a_full_stop_keeps_the_table_after_it() -> None:
    """「番号法第19条第7号（「別表第二」という。）別表第二」: the 「。」 closing the bracket does not end the sentence, so
    the 第7号 (not joined to the table: the bracket quotes) stands apart in it; renamed, the table would say 第19条第8号
    beside it (it was: 「…という。）番号法第19条第8号に基づく主務省令第2条の表」)."""
    text = "番号法第19条第7号（「別表第二」という。）別表第二"
    result = rewrite(text, assume_law=True)
    assert result.text == text
    assert [f.text for f in result.findings if f.reason == "number-before-table"][-1] == "別表第二"


@pytest.mark.parametrize(("text", "reason"), [
    ("番号法第19条第7号に規定する情報提供ネットワークシステムを使用し、別表第二の27の項に基づき照会する。", "number-before-table"),
    ("第19条第7号に基づき、番号法別表第二の27の項", "number-before-table"),  # (not joined: the table names its own law)
    ("別表第二の27の項（番号法第19条第7号に基づく情報照会）", "number-after-table"),
    ("番号法別表第二の27の項（同法第19条第７号に基づく情報照会）", "number-after-table"),
    ("番号法第十九条第七号により情報提供ネットワークシステムで照会する別表第二主務省令第２条", "number-before-table"),
    ("番号法第19条第7号、別表第二の1の項", None),  # (joined: renumbered, see above)
    ("番号法第19条第7号、別表第一及び別表第二", "number-before-table"),  # joined to 別表第一, whose provision it is not
])
def test_an_old_network_item_apart_from_the_table_in_its_clause_keeps_the_table(text: str, reason: str | None) -> None:
    """The new name says 第19条第8号: renamed beside an old 第19条第7号 of the act in its clause that is not
    joined to it (and so not renumbered with it), the text would cite both numberings.  Kept and reported."""
    result = rewrite(text, assume_law=True)
    if reason is None:
        assert "第19条第8号、" in result.text and "第7号" not in result.text
        return
    assert result.text == text.replace("別表第一", "別表")  # (a 別表第一 beside it has no 号 to carry)
    assert reason in [f.reason for f in result.findings]
    # the same clause with the current 号, or with another law's, is rewritten
    assert rewrite(text.replace("第19条第7号", "第19条第8号").replace("第十九条第七号", "第十九条第八号")
                   .replace("第19条第７号", "第19条第８号"), assume_law=True).text != text
    other = text.replace("番号法第19条第7号", "住民基本台帳法第19条第7号").replace("同法第19条第７号", "住民基本台帳法第19条第７号")
    if other != text:  # (then the table may be that law's too: whatever it is, not for this 号)
        assert {f.reason for f in rewrite(other, assume_law=True).findings}.isdisjoint({"number-before-table", "number-after-table"})


@pytest.mark.parametrize(("text", "reason", "number"), [
    ("番号法第１９条第７号、別表第二、第１９条第９号", "number-after-table", "、第１９条第９号"),
    ("番号法第19条第7号及び別表第二並びに第19条第9号に基づき提供する。", "number-after-table", "並びに第19条第9号"),
    ("番号法第19条第7号\t別表第二の27の項、第19条第9号", "number-after-table", "、第19条第9号"),
    ("番号法第19条第7号 別表第二、19条10号", "number-after-table", "、19条10号"),
    ("番号法第19条第7号、別表第二、同条第9号", "number-after-table", "、同条第9号"),
    ("番号法第19条第9号により庁内連携し、第19条第7号及び別表第二の27の項により照会する。", "number-before-table",
     "第19条第9号により庁内連携し、第19条第7号及び"),
])
def test_another_item_of_the_network_article_beside_a_renumbered_one_keeps_the_table(text: str, reason: str, number: str) -> None:
    """An old 第19条第7号 made 第8号 with its table, beside another 号 of the act's 第19条 in its sentence: that 号 is of
    the same older numbering (the 2021 renumbering moved 第19条's items together), so renumbering one would mix two
    numberings in one list (it read 「番号法第１９条第８号、…第２条の表、第１９条第９号」).  Kept and reported, as a
    第9号 listed before the table is (「第19条第7号及び第9号並びに別表第二」)."""
    for assume in (False, True):
        result = rewrite(text, assume_law=assume)
        assert result.text == text
        assert [(f.reason, f.message.split("（「")[1].split("」")[0]) for f in result.findings] == [(reason, number)]
    # the same sentence in the current numbering, a 号 in the next sentence and another law's 第19条 are no reason
    assert rewrite("番号法第19条第8号、別表第二、第19条第9号", assume_law=True).text == (
        "番号法第19条第8号、番号法第19条第8号に基づく主務省令第2条の表、第19条第9号")
    assert rewrite("番号法第19条第7号、別表第二。第19条第9号", assume_law=True).text == (
        "番号法第19条第8号、番号法第19条第8号に基づく主務省令第2条の表。第19条第9号")
    assert rewrite("住民基本台帳法第19条第9号、番号法第19条第7号及び別表第二", assume_law=True).text == (
        "住民基本台帳法第19条第9号、番号法第19条第8号及び番号法第19条第8号に基づく主務省令第2条の表")
    assert rewrite("番号法第19条第7号、別表第二、住民基本台帳法第30条の9、同条第2号", assume_law=True).text == (
        "番号法第19条第8号、番号法第19条第8号に基づく主務省令第2条の表、住民基本台帳法第30条の9、同条第2号")


@pytest.mark.parametrize(("text", "expected"), [
    ("別表第二（番号法第19条第7号）", "番号法第19条第8号に基づく主務省令第2条の表（番号法第19条第8号）"),
    ("番号法別表第二（同法第19条第7号）", "番号法第19条第8号に基づく主務省令第2条の表（同法第19条第8号）"),
    ("別表第二の二十七の項（番号法（平成二十五年法律第二十七号）第十九条第七号）",
     "番号法第十九条第八号に基づく主務省令第二条の表の四十八の項（番号法（平成二十五年法律第二十七号）第十九条第八号）"),
    # another law's article in the bracket is not the table's provision
    ("番号法別表第二（住民基本台帳法第19条第7号）", "番号法第19条第8号に基づく主務省令第2条の表（住民基本台帳法第19条第7号）"),
])
def test_the_network_provision_in_a_bracket_after_the_second_table_is_renumbered_with_it(text: str, expected: str) -> None:
    assert rewrite(text).text == expected
    assert rewrite(expected).edits == ()
    kept = text.replace("二十七の項", "九万の項").replace("別表第二（", "別表第二の99999の項（", 1)
    assert rewrite(kept).text == kept  # the table kept: its provision too


@pytest.mark.parametrize("text", [
    "番号法第19条第7号及び住民基本台帳法別表第二",  # another law's table
    "番号法第19条第7号及び第9条第1項別表第一の16の項",  # not 別表第二
])
def test_a_network_provision_not_joined_to_the_second_table_keeps_its_number(text: str) -> None:
    assert "第19条第7号" in rewrite(text).text


@pytest.mark.parametrize(("text", "expected"), [
    ("番号法別表第二のうち、27の項及び28の項", "番号法第19条第8号に基づく主務省令第2条の表のうち、48の項及び49の項"),
    ("番号法別表第二のうち27、28の項", "番号法第19条第8号に基づく主務省令第2条の表のうち48、49の項"),
    ("番号法別表第一のうち十六の項に掲げる事務", "番号法別表のうち二十四の項に掲げる事務"),
])
def test_rows_after_nouchi_are_the_tables_rows(text: str, expected: str) -> None:
    """「別表第二のうち、27の項」: 「のうち」 stands between a table and its rows as 「の」 does."""
    result = rewrite(text)
    assert result.text == expected and not result.findings
    assert rewrite(expected).edits == ()
    # a row with no mapping keeps the name and the rows
    kept = text.replace("27", "99999").replace("十六", "二百")
    assert rewrite(kept).text == kept


@pytest.mark.parametrize(("text", "expected"), [
    ("番号法第19条第7号及び別表第2（第1欄が「市町村長」の項のうち第2欄に「住民票関係情報」が含まれる項（項番27、28））",
     "番号法第19条第8号及び番号法第19条第8号に基づく主務省令第2条の表（第1欄が「市町村長」の項のうち第2欄に「住民票関係情報」が含まれる項（項番48、49））"),
    ("番号法別表第二（第三欄が「市町村長」の項のうち、第四欄に「住民票関係情報」が含まれる項（項番１、２、４））",
     "番号法第１９条第８号に基づく主務省令第２条の表（第三欄が「市町村長」の項のうち、第四欄に「住民票関係情報」が含まれる項（項番１、２、５））"),
])
def test_a_kouban_list_after_a_content_criterion_is_the_tables_rows(text: str, expected: str) -> None:
    """「…が含まれる項（項番27、28）」: a bracketed list opening with 項番 right after the 項 that ends a
    content criterion is the rows of the table before it, as 「…が含まれる項（27、28の項）」 is (it was
    kept as `number-after-table`)."""
    result = rewrite(text)
    assert result.text == expected and not result.findings
    assert rewrite(expected).edits == ()
    kept = text.replace("28）", "99999）").replace("４）", "９９９９９）")
    assert rewrite(kept).text == kept


def test_a_kouban_list_after_a_word_ending_in_kou_is_not_read() -> None:
    """「記載事項（項番３）」: 事項 is a word, not a criterion's 項; the document's own item number stays, and
    the table before it with it."""
    text = "番号法別表第二に基づく。記載事項（項番４）"
    assert rewrite(text).text == text


@pytest.mark.parametrize(("text", "expected"), [
    ("番号法別表第二（項番4、27）", "番号法第19条第8号に基づく主務省令第2条の表（項番5、48）"),
    ("番号法第１９条第７号　別表第二（項番１、２、３、４）", "番号法第１９条第８号に基づく主務省令第２条の表（項番１、２、３、５）"),
])
def test_a_bracketed_kouban_list_right_after_a_table_is_its_rows(text: str, expected: str) -> None:
    """「別表第二（項番4、27）」: a list that opens with 項番 in the bracket right after a table's name is its rows."""
    result = rewrite(text)
    assert result.text == expected and not result.findings
    assert rewrite(expected).edits == ()
    kept = text.replace("27）", "99999）").replace("４）", "９９９９９）")
    assert rewrite(kept).text == kept


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_line_break_between_the_law_and_the_second_table_stays(newline: str) -> None:
    """「番号法\\n別表第二の27の項」: the line break (a cell's or a PDF line's) is the document's layout; only
    the table's name changes (「の」 between them goes, as in 「番号法の別表第二」)."""
    for text in (f"番号法{newline}別表第二の27の項", f"番号法の{newline}別表第二の27の項"):
        result = rewrite(text)
        assert result.text == f"番号法{newline}第19条第8号に基づく主務省令第2条の表の48の項"
        assert rewrite(result.text).edits == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the law in one cell, the table in the next
        ("番号法\t別表第二の27の項\t市町村長", "番号法\t第19条第8号に基づく主務省令第2条の表の48の項\t市町村長"),
        # the provision in its own cell: an older 第7号 becomes 第8号 there, the new name fills the table's cell
        ("番号法第19条第8号\t別表第二の27の項\t市町村長",
         "番号法第19条第8号\t第19条第8号に基づく主務省令第2条の表の48の項\t市町村長"),
        ("番号法第19条第7号\t別表第二", "番号法第19条第8号\t第19条第8号に基づく主務省令第2条の表"),
        ("番号法19条7号\t別表第二", "番号法19条8号\t19条8号に基づく主務省令第2条の表"),
        ("番号法第十九条第七号\t別表第二の二十七の項",
         "番号法第十九条第八号\t第十九条第八号に基づく主務省令第二条の表の四十八の項"),
    ],
)
def test_a_tab_between_the_law_and_the_second_table_stays(text: str, expected: str) -> None:
    """A tab is a cell's end (a row of a table pasted as text): the rewrite never joins two cells into one,
    which would shift every later column of the row."""
    result = rewrite(text, assume_law=True)
    assert result.text == expected
    assert result.text.count("\t") == text.count("\t")
    assert rewrite(result.text, assume_law=True).edits == ()


@given(
    law=st.sampled_from(["番号法", "番号利用法", "番号法第19条第8号", "番号法第19条第7号", "番号法19条7号"]),
    table=st.sampled_from(["別表第二", "別表第二の27の項", "別表第二の２７、２８の項", "別表第一の16の項", "別表第一"]),
    cells=st.lists(st.sampled_from(["市町村長", "", "住民票関係情報", "27"]), max_size=3),
)
def test_a_rewrite_keeps_every_tab(law: str, table: str, cells: list[str]) -> None:
    """Whatever a row of cells holds, its rewrite has as many tabs (cells) as it had."""
    text = "\t".join([law, table, *cells])
    result = rewrite(text, assume_law=True)
    assert result.text.count("\t") == text.count("\t")
    assert rewrite(result.text, assume_law=True).edits == ()


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["別表第二の27の項", "別表第二の999の項", "別表第二の27の項、同表の999の項", "別表第二の28の項",
                                 "番号法第19条第7号及び別表第二の27の項", "番号法第19条第7号、別表第二の999の項",
                                 "番号法第19条第7号及び別表第二の27の項、同表の999の項", "番号法第19条第7号及び別表第二（項番27、999）",
                                 "番号法第19条第7号及び別表第二の27の項（注。）"]), min_size=2, max_size=4),
       st.sampled_from(["並びに", "及び", "、"]))
def test_no_new_order_beside_an_old_network_item_in_a_sentence(parts: list[str], joiner: str) -> None:
    """However tables joined to an old 第19条第7号 and tables kept as written mix in one sentence, the output never has
    the new order's name (「第19条第8号に基づく主務省令」) in a sentence that still says 第19条第7号."""
    text = ("" if parts[0].startswith("番号法") else "番号法") + joiner.join(parts) + "に基づく。"
    for assume in (False, True):
        out = rewrite(text, assume_law=assume).text
        assert not ("第19条第7号" in out and "第19条第8号に基づく" in out), out


@settings(max_examples=120, deadline=None)
@given(st.lists(st.sampled_from(["別表第二の27の項", "別表第二", "第19条第7号及び別表第二の27の項", "第19条第7号、別表第二",
                                 "第19条第7号 別表第二の28の項", "第19条第9号", "第19条第10号に基づく庁内連携", "別表第一の16の項"]),
                min_size=2, max_size=4),
       st.sampled_from(["並びに", "及び", "、", "\t"]))
def test_no_old_network_item_renumbered_beside_another_item_of_its_article(parts: list[str], joiner: str) -> None:
    """In a sentence that also cites another 号 of the act's 第19条 (older numbering, like 第7号), an old 第19条第7号 is
    never made 第8号: the output keeps every 第19条第7号 the text had."""
    text = "番号法" + joiner.join(parts) + "に基づく。"
    if "第19条第9号" not in text and "第19条第10号" not in text:
        return
    for assume in (False, True):
        out = rewrite(text, assume_law=assume).text
        assert out.count("第19条第7号") == text.count("第19条第7号"), out


@pytest.mark.parametrize("text", ["番号法別表第2条", "番号法別表第二条", "番号法別表第二 条", "番号法別表第一、第2条", "番号法別表第一及び第2条",
                                  "番号法別表\n第2条の表の48の項", "番号法別表 第2条"])
def test_a_tables_ordinal_followed_by_jou_is_reported_not_renamed(text: str) -> None:
    """「別表第2条」: the ordinal the grammar reads as a table's is an article's number (条 follows it).  Renamed, the
    text became 「…主務省令第2条の表条」; it is reported (malformed) where it stands and left as written."""
    result = rewrite(text, assume_law=True)
    assert result.text == text
    assert [(f.reason, f.start) for f in result.findings] == [("malformed", text.index("別表"))]
    assert rewrite("番号法別表第二主務省令第2条", assume_law=True).text == "番号法第19条第8号に基づく主務省令第4条"


@pytest.mark.parametrize(("text", "span"), [
    # a number starting the next line goes on from the ordinal: 「第二二」 is no ordinal (it read 「番号法別表」)
    ("番号法別表第二\n二地方税法", "別表第二\n二"),
    ("番号法別表第2\r\n3", "別表第2\r\n3"),
    # …but not past a blank line (the report ran on into the next passage: 「別表第二十\n\nⅠ」, fuzzer, seed 90909), and
    # 第 with no number before one, or at the end, is an ordinal cut off (it read 「番号法別表」, nothing said)
    ("番号法別表第二十\n\nⅠ　基本情報", "別表第二十"),
    ("番号法別表第\n\n二　地方税法", "別表第"),
    ("番号法別表第", "別表第"),
    ("番号法別表第\n", "別表第"),
    # an ordinal of more than one figure, which the act's tables never had
    ("番号法別表第二十", "別表第二十"),
    ("番号法別表第10の1の項", "別表第10"),
    ("番号法別表 第１２の項", "別表 第１２"),
    # formal and Roman numerals
    ("番号法別表第弐の27の項", "別表第弐"),
    ("番号法別表第Ⅱ の27の項", "別表第Ⅱ"),
    # a number with no 第 right after the name, on its line (「別表２」 may be 別表第二 or a row of the new table)
    ("番号法別表２に基づく", "別表２"),
    ("番号法別表二 27の項", "別表二"),
    ("番号利用法別表2の項番27", "別表2"),
    ("番号法別表２第27項", "別表２"),
    # 第 and nothing more before a blank line or the end (what follows the blank line is no part of it)
    ("番号法別表第", "別表第"),
    ("番号法別表第\n", "別表第"),
    ("番号法別表第\n\n二", "別表第"),
    ("番号法別表第\n\nⅠ\u3000基本情報", "別表第"),
    # 第 with no number after it on its line or at the start of the next: a page's footer or header between the name and
    # its ordinal in text from a PDF (it read 「番号法別表」, nothing said), or a stray の
    ("番号法別表第\n－ 3 －\n二の２７の項", "別表第"),
    ("番号法別表第\n- 3 -\n二の２７の項", "別表第"),
    ("番号法別表第\n特定個人情報保護評価書（全項目評価書）\n二の２７の項", "別表第"),
    ("番号利用法第9条第1項別表第\n－ 3 －\n一の16の項", "第9条第1項別表第"),
    ("番号法別表第の２７の項", "別表第"),
    # 第 and an ordinal at the start of the next page, past a page's number (and the next page's header after it) or
    # pdftotext's form feed and blank lines (it read 「番号法別表」, nothing said)
    ("番号利用法第9条第1項別表\n－ 3 －\n第一の16の項", "第9条第1項別表\n－ 3 －\n第一"),
    ("番号法別表\n- 3 -\n特定個人情報保護評価書（全項目評価書）\n第二の２７の項", "別表\n- 3 -\n特定個人情報保護評価書（全項目評価書）\n第二"),
    ("番号法別表\n3 / 30\n第二の２７の項", "別表\n3 / 30\n第二"),
    ("本市は番号法別表\n\n－3－\n\n\f特定個人情報保護評価書（全項目評価書）\n第二の２７の項に基づき照会する。",
     "別表\n\n－3－\n\n\f特定個人情報保護評価書（全項目評価書）\n第二"),
    ("本市は番号法別表\n\n\n\n－3－\n\f特定個人情報保護評価書\n\n\n第二の２７の項", "別表\n\n\n\n－3－\n\f特定個人情報保護評価書\n\n\n第二"),
    # pdftotext -layout: the ordinal in the same column on the next line, the column to the left having wrapped its own
    # text into the line (it read 「同法別表」, nothing said)
    ("情報提供ネットワークシステムによる情      番号利用法第19条第8号及び同法別表\n"
     "報連携                     第二に基づき、情報照会を行う。",
     "別表\n報連携                     第二"),
])
def test_an_ordinal_the_grammar_cannot_read_is_reported_not_read_as_the_new_table(text: str, span: str) -> None:
    """「一　番号法別表第二\\n二　地方税法」: 第二 and the item number below it make no ordinal the grammar reads, so it
    read 「番号法別表」 (the new table's name: nothing to rewrite) and said nothing about an old table left in the text.
    Which table is meant is not established: reported (malformed) where it stands, and left as written."""
    for assume in (False, True):
        result = rewrite(text, assume_law=assume)
        assert result.text == text
        assert [(f.reason, f.text) for f in result.findings] == [("malformed", span)]
    # a row, an item and a column written with 第 after 別表 are read as before, and so is a word (「別表一覧」) and a row
    # of the new table written with 項
    for fine in (
        "番号法別表第24項", "番号法別表一覧", "番号法別表二十七の項", "番号法別表 27の項", "番号法別表\n27\t市町村長",
        # …and a 第 past a blank line or a line of words, or an item number on the next page
        "番号法別表\n\n第２\u3000特定個人情報ファイルの概要", "番号法別表\n１\u3000概要\n第２\u3000特定",
        "番号法別表\n\n－3－\n\n\f評価書\n２\u3000概要",
        # …and a 第 in another column on the next line
        "情報連携      番号法別表\n報連携   第二に基づき", "番号法別表\n報連携                     第二に基づき",
    ):
        assert rewrite(fine, assume_law=True).findings == (), fine
    assert rewrite("番号法別表第二の項番27").text == "番号法第19条第8号に基づく主務省令第2条の表の項番48"
    assert rewrite("番号法別表第2号に掲げる").findings == ()
    assert [f.reason for f in rewrite("番号法別表第3欄").findings] == ["column-reference"]


@pytest.mark.parametrize(("text", "expected"), [
    ("一　番号法別表第二\n二　地方税法", "一　番号法第19条第8号に基づく主務省令第2条の表\n二　地方税法"),
    ("１　番号法別表第２\n２　地方税法", "１　番号法第１９条第８号に基づく主務省令第２条の表\n２　地方税法"),
    ("1 番号法別表第2\r\n2 地方税法", "1 番号法第19条第8号に基づく主務省令第2条の表\r\n2 地方税法"),
    ("一　番号法別表第一\n二　番号法別表第二\n三　地方税法",
     "一　番号法別表\n二　番号法第19条第8号に基づく主務省令第2条の表\n三　地方税法"),
    ("九　番号法別表第一\n十　地方税法", "九　番号法別表\n十　地方税法"),
    # …and so is one followed by 「．」 (it was reported as an ordinal not read), which is an item's number wherever it
    # starts a line, as after a row
    ("１．番号法別表第２\n２．地方税法", "１．番号法第１９条第８号に基づく主務省令第２条の表\n２．地方税法"),
    ("1.番号法別表第2\n2.地方税法", "1.番号法第19条第8号に基づく主務省令第2条の表\n2.地方税法"),
    ("一．番号法別表第二\n二．地方税法", "一．番号法第19条第8号に基づく主務省令第2条の表\n二．地方税法"),
    ("番号法別表第２\n２．地方税法", "番号法第１９条第８号に基づく主務省令第２条の表\n２．地方税法"),
])
def test_an_item_number_starting_the_next_line_ends_the_ordinal(text: str, expected: str) -> None:
    """「一　番号法別表第二\n二　地方税法」: a number that starts the next line, followed by a space, 「、」 or 「．」, is that line's
    item number, not the rest of the ordinal (the table was read as 「番号法別表」 and nothing was said).  As the next
    item of the list the line before begins, it is no row either, and the table is renamed; otherwise (no list, or not
    the next item) the number after the name keeps it (number-after-table)."""
    for assume in (False, True):
        result = rewrite(text, assume_law=assume)
        assert result.text == expected
        assert result.findings == ()
        assert rewrite(expected, assume_law=assume).edits == ()
    for alone in ("番号法別表第二\n二　地方税法", "三　番号法別表第二\n二　地方税法", "番号法別表第2\n3 住民基本台帳法"):
        result = rewrite(alone, assume_law=True)
        assert result.text == alone
        assert [f.reason for f in result.findings] == ["number-after-table"], alone


_ACT_NAMES = ["番号法", "番号利用法", "番号法第19条第8号", "番号法第９条第１項", "番号利用法（平成25年法律第27号）"]
_OLD_TABLE_FORMS = ["別表第一", "別表第二", "別表第１", "別表第2", "別表２", "別表二", "別表 第二", "別\n表第二", "別表第\n二",
                    "別表第弐", "別表第Ⅱ", "別表第二十", "別表第二\n二", "別表(第二)", "別表（第２）", "別表【第二】", "別表・第二",
                    "別表－２", "別表No.2", "別表（一）"]
_ROW_FORMS = ["", "の27の項", "の２７項", "第27項", "（27の項）", "の項番27", "の27、28の項", "の二十七の項", " 27の項",
              "の第27の項", "第２７、２８項", "（第1、2、3の項）", "の27の項及び28の項", "の27～29の項", "の27", "・27の項",
              "の27項・28項", "の下欄"]
_TAILS = ["", "に基づく", "。", "\t市町村長", "\n次の行", "（住民票関係情報）", "\n二　地方税法", "\n２．地方税法"]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_ACT_NAMES), st.sampled_from(_OLD_TABLE_FORMS), st.sampled_from(_ROW_FORMS),
       st.sampled_from(_TAILS), st.booleans())
def test_an_old_table_of_the_act_named_is_rewritten_or_reported(law: str, table: str, rows: str, tail: str,
                                                                 assume: bool) -> None:
    """An old table of the act, named so (別表第一, 別表第２, 別表2, 別表二, 別表第弐, broken by a line, with any row form
    after it) is never left with nothing said: an edit or a finding covers its name, and a second run changes nothing."""
    text = "情報照会の根拠は" + law + table + rows + tail
    at = text.index("別")
    result = rewrite(text, assume_law=assume)
    spans = [(e.start, e.end) for e in result.edits] + [(f.start, f.end) for f in result.findings]
    assert any(s < at + len(table) and at < e for s, e in spans), (text, result.text)
    assert rewrite(result.text, assume_law=assume).edits == ()


@pytest.mark.parametrize(("text", "expected"), [
    # 同別表 is 同表: the table cited before, its rows renumbered with it (the row was read as the new 別表's and kept,
    # so 「同別表の28の項」 stood under the renamed table with its old number); of 別表第二 it becomes 同表, since the
    # order's table is no 別表
    ("番号法別表第二の27の項及び同別表の28の項", "番号法第19条第8号に基づく主務省令第2条の表の48の項及び同表の49の項"),
    ("番号法別表第一の16の項及び同別表の20の項", "番号法別表の24の項及び同別表の32の項"),
    # …all or nothing
    ("番号法別表第二の27の項及び同別表の999の項", "番号法別表第二の27の項及び同別表の999の項"),
    # 同 before a table with its ordinal names the law cited before: reported, left as written (it became
    # 「同番号法第19条第8号に基づく…」)
    ("番号法別表第一の16の項、同別表第二の27の項", "番号法別表の24の項、同別表第二の27の項"),
])
def test_dou_beppyo_is_the_table_cited_before(text: str, expected: str) -> None:
    """「別表第二の27の項及び同別表の28の項」: 同別表 names the table cited before, as 同表 does."""
    for assume in (False, True):
        result = rewrite(text, assume_law=assume)
        assert result.text == expected
        assert rewrite(expected, assume_law=assume).edits == ()
        if "同別表第二" in text:
            assert [f.reason for f in result.findings] == ["malformed"]


@pytest.mark.parametrize(("text", "span"), [
    ("番号法別表第二省令第20条", "別表第二省令"),
    ("番号法別表第二の省令", "別表第二の省令"),
    ("番号法別表第二関係主務省令", "別表第二関係主務省令"),
    ("番号利用法別表第二命令第20条", "別表第二命令"),
    ("番号法別表第一省令第5条", "別表第一省令"),
    # an article right after a table's name: a table has no articles (renamed, it read 「番号法別表第9条」)
    ("番号法別表第一第9条", "別表第一第9条"),
    ("番号法別表第二第２７条に基づく", "別表第二第２７条"),
    # another instrument's word, or 表 (renamed, they read 「…第2条の表規則」, 「…第2条の表表」, 「番号法別表表」)
    ("番号法別表第二表に基づく", "別表第二表"),
    ("番号法別表第一表", "別表第一表"),
    ("番号法別表第二規則", "別表第二規則"),
    ("番号法別表第二通知", "別表第二通知"),
    ("番号法別表第二関係通知", "別表第二関係通知"),
    ("番号法別表第二の規則", "別表第二の規則"),
    ("番号法別表第二様式", "別表第二様式"),
    ("番号法別表第二事務連絡", "別表第二事務連絡"),
    ("番号法別表第二規程", "別表第二規程"),
    ("番号法別表第二細則", "別表第二細則"),
])
def test_a_table_name_that_goes_on_into_an_orders_word_or_an_article_is_reported(text: str, span: str) -> None:
    """「番号法別表第二省令第20条」: the name is the old order's short name, not the table's; renamed, it read 「…第2条の表
    省令第20条」, an old article under the new name.  So with another instrument's word (「別表第二規則」) or 表
    (「別表第二表」).  Reported (malformed) and left as written."""
    for assume in (False, True):
        result = rewrite(text, assume_law=assume)
        assert result.text == text
        assert [(f.reason, f.text) for f in result.findings] == [("malformed", span)]
    assert rewrite("番号法別表第二の主務省令第20条").text == "番号法第19条第8号に基づく主務省令第50条"
    # the table itself, its work, what it lists, and a heading on the next line are renamed as before
    for text, expected in (("番号法別表第二の表に掲げる", "番号法第19条第8号に基づく主務省令第2条の表の表に掲げる"),
                           ("番号法別表第二記載の事務", "番号法第19条第8号に基づく主務省令第2条の表記載の事務"),
                           ("番号法別表第一事務", "番号法別表事務"),
                           ("番号法別表第二\n表1　事務一覧", "番号法第19条第8号に基づく主務省令第2条の表\n表1　事務一覧")):
        assert rewrite(text, assume_law=True).text == expected, text


@pytest.mark.parametrize(("text", "expected"), [
    ("番号法別表第二一覧", "番号法第19条第8号に基づく主務省令第2条の表一覧"),
    ("番号法別表第一一覧", "番号法別表一覧"),
    ("番号法別表第二一覧に掲げる事務", "番号法第19条第8号に基づく主務省令第2条の表一覧に掲げる事務"),
])
def test_ichiran_after_a_tables_ordinal_is_a_word(text: str, expected: str) -> None:
    """「番号法別表第二一覧」: the 一 of 一覧 is a word's, not the rest of the ordinal (「第二一」 was reported as an ordinal
    not read); the table is renamed."""
    for assume in (False, True):
        result = rewrite(text, assume_law=assume)
        assert (result.text, result.findings) == (expected, ())
        assert rewrite(expected, assume_law=assume).edits == ()
    # an ordinal of two figures before it is still not read
    assert [f.reason for f in rewrite("番号法別表第二十一覧").findings] == ["malformed"]


@pytest.mark.parametrize(("text", "span"), [
    ("番号法別表(第二)の27の項に基づく", "別表(第二"),
    ("番号法別表（第２）に基づく", "別表（第２"),
    ("番号法別表【第二】に基づく", "別表【第二"),
    ("番号法別表・第二に基づく", "別表・第二"),
    ("番号法別表－２に基づく", "別表－２"),
    ("番号法別表No.2に基づく", "別表No.2"),
    ("番号法別表Ｎｏ．２に基づく", "別表Ｎｏ．２"),
    ("番号法別表の第二に基づく", "別表の第二"),
    ("番号法別表の２に基づく", "別表の２"),
    ("番号法別表（一）", "別表（一"),
    ("番号法別表、第二の27の項", "別表、第二"),
    # (a list after 別表の whose first row, with 第, is in kanji and a later one in figures: 別表第二 with a stray の, or
    # the new table's rows 2 and 27)
    ("番号法別表の第二・27の項に基づく", "別表の第二・27の項"),
    ("番号法別表の第二、27、28の項に基づく", "別表の第二、27、28の項"),
])
def test_an_ordinal_set_off_from_beppyo_is_reported_not_read_as_the_new_table(text: str, span: str) -> None:
    """「番号法別表(第二)の27の項」: an ordinal set off from a bare 別表 by a bracket, a dot, a dash, No. or の is an old
    table's ordinal the grammar does not read; it was read as 「番号法別表」 (the new table: nothing to rewrite) and nothing
    was said.  Reported (malformed) where it stands, and left as written."""
    for assume in (False, True):
        result = rewrite(text, assume_law=assume)
        assert result.text == text
        assert [(f.reason, f.text) for f in result.findings] == [("malformed", span)]
    # rows of the new table, a heading's article, a word, a date, a page, an item and a column are read as before
    for fine in ("番号法別表の24の項に基づく", "番号法別表（24の項）", "番号法別表（第二十四の項）", "番号法別表の第24項",
                 "番号法別表の2、3の項", "番号法別表（第9条関係）", "番号法別表の一部", "番号法別表の二つの欄",
                 "番号法別表（2024年5月）", "番号法別表（2024.5.27）", "番号法別表（1/3）", "番号法別表、第2号",
                 "番号法別表、第2条", "番号法別表、第24項", "番号法別表、2に基づく",
                 "番号法別表（第3欄）", "住民基本台帳法別表（第二）", "番号法別表の第2、3の項", "番号法別表の第二、第三の項"):
        assert [f.reason for f in rewrite(fine, assume_law=True).findings] in ([], ["column-reference"]), fine
        assert rewrite(fine, assume_law=True).text == fine
    # the same set-off form after the act's other table in the sentence is reported too
    text = "番号法別表第二の27の項、別表（第一）の16の項"
    result = rewrite(text, assume_law=True)
    assert result.text == "番号法第19条第8号に基づく主務省令第2条の表の48の項、別表（第一）の16の項"
    assert [(f.reason, f.text) for f in result.findings] == [("malformed", "別表（第一")]


def test_a_table_name_before_an_article_is_not_renamed_into_the_new_tables_article() -> None:
    """Fuzzer, seed 90909: 「番号法別表第一第19条第7号」 became 「番号法別表第19条第8号」, which a second run reads as the
    new 別表 with an ordinal it cannot read; the old name before 第19条 is reported and kept."""
    text = "番号法別表第一第19条第7号及び別表第二"
    result = rewrite(text, assume_law=True)
    assert result.text.startswith("番号法別表第一第19条")
    assert ("malformed", "別表第一第19条") in [(f.reason, f.text) for f in result.findings]
    assert rewrite(result.text, assume_law=True).edits == ()


@pytest.mark.parametrize("text", ["別表第\n二番号法別表第一", "別表第 二番号法別表第一の16の項"])
def test_a_name_after_an_ordinal_broken_by_a_line_begins_after_it(text: str) -> None:
    """Fuzzer, seed 90909: a law's name glued after an ordinal broken by a line (「別表第\n二番号法」) was read with the
    numeral (「二番号法」, another law), so its table was left; renamed, the table before it ended with 「…の表」 and a
    second run read 「番号法」 and rewrote the table.  The numeral ends a word across the break, as across a space."""
    result = rewrite(text, assume_law=True)
    assert "別表第一" not in result.text
    assert rewrite(result.text, assume_law=True).edits == ()


@pytest.mark.parametrize(("text", "expected"), [
    # Word's invisible characters inside the table's name are read through, as between tokens (「別\u200b表第二」 was not
    # found at all; 「別表第\u200b二」 was read as rows 「第二の27」 of the new table)
    ("番号法別\u200b表第二の27の項", "番号法第19条第8号に基づく主務省令第2条の表の48の項"),
    ("番号法別表第\u200b二の27の項", "番号法第19条第8号に基づく主務省令第2条の表の48の項"),
    ("番号法別\u00ad表第一の16の項", "番号法別\u00ad表の24の項"),
    ("番号法別表第二の27の項及び同\u200b別表の28の項", "番号法第19条第8号に基づく主務省令第2条の表の48の項及び同\u200b表の49の項"),
])
def test_invisible_characters_inside_a_tables_name_are_read_through(text: str, expected: str) -> None:
    for assume in (False, True):
        result = rewrite(text, assume_law=assume)
        assert result.text == expected
        assert result.findings == ()
        assert rewrite(expected, assume_law=assume).edits == ()
    # …and an ordinal not read, past one, is reported
    for kept in ("番号法別表\u200b２に基づく", "番号法別表第\u200b二十", "番号法別表第\u200b２\n２地方税法"):
        assert [f.reason for f in rewrite(kept).findings] == ["malformed"], kept


@pytest.mark.parametrize("before", ["別表第二", "番号法別表第二の27の項", "番号利用法第19条第8号に基づく主務省令第2条の表"])
def test_a_name_ending_in_kana_begins_after_a_table_glued_before_it(before: str) -> None:
    """Fuzzer, seed 91919: a name ending in kana was read back to its line's start, over a table's name glued before it
    (「別表第二個人情報の提供に関する条例」 one name): renamed, the line read differently and a second run rewrote the table
    below.  A table's name or row ends a word, as for an unbroken name: the name begins after it."""
    text = before + "個人情報の提供に関する条例第4条\n・別表第一の16の項"
    result = rewrite(text, assume_law=True)
    assert result.text.endswith("条例第4条\n・別表の24の項")
    assert rewrite(result.text, assume_law=True).edits == ()
    # alone on its line, the ordinance's name heads the line below
    alone = rewrite("熊谷市個人情報の提供に関する条例第4条\n・別表第一の16の項", assume_law=True)
    assert [f.reason for f in alone.findings] == ["law-other"]


def test_an_article_after_a_bare_table_is_no_unread_ordinal() -> None:
    """Fuzzer, seed 95959: 「別表\n第19条に基づく主務省令第2条の表」 (a table renamed on the line before an order's title)
    was reported as an ordinal not read (「別表\n第1」, the number cut short to miss its 条), which hid the order's title,
    so that a table joined after the title read another law's bracket differently on a second run.  第N条 after a bare
    別表 is an article, not an ordinal; the number is taken whole."""
    text = "別表第一\n第19条に基づく主務省令第2条の表〔番号法〕、別表第一（民法）"
    result = rewrite(text, assume_law=True)
    assert result.text == "別表\n第19条に基づく主務省令第2条の表〔番号法〕、別表第一（民法）"
    assert rewrite(result.text, assume_law=True).edits == ()
    assert rewrite("番号法別表\n第19条第8号", assume_law=True).findings == ()


@pytest.mark.parametrize("between", ["番号法別表第二通知", "番号法別表第二十", "番号法別表第二"])
def test_a_report_between_tables_breaks_their_run_as_a_named_table_does(between: str) -> None:
    """Fuzzer, seed 96969: a bracket naming another law after a table names the tables joined before it that name no law
    (「別表第一の16の項、別表第一の1の項（住民基本台帳法）」); a table reported in between (「番号法別表第二通知」,
    malformed) did not break that run as a table named does, so a table in the passage before the blank line was
    taken for 住民基本台帳法's, and cutting the text at the blank line changed its reading."""
    first = "別表第一の16の項\n\n"
    text = first + between + "、別表第一の1の項［住民基本台帳法］"
    result = rewrite(text, assume_law=True)
    assert result.text.startswith("別表の24の項\n\n")
    assert rewrite(first, assume_law=True).text == "別表の24の項\n\n"


def test_a_row_list_starting_a_line_ends_no_sentence_whether_or_not_it_is_read() -> None:
    """Fuzzer, seed 92929: a list of rows at a line's start (「\\n（１、２項）」) ended no sentence only while a citation
    read it; the first run renamed its table (「別表第1」 → 「別表」, whose rows are not read), so on a second run the
    line break ended the sentence, the 別表第二 after the list left the group of the 別表第二 kept before it and was
    rewritten.  Whether such a list ends the sentence is read on the text."""
    text = "別表第二7項8別表第1\n（１、２項）別表第二"
    result = rewrite(text, assume_law=True)
    assert result.text == "別表第二7項8別表\n（１、２項）別表第二"
    assert [f.reason for f in result.findings] == ["number-after-table", "dependent-kept"]
    assert rewrite(result.text, assume_law=True).edits == ()
    # a numbered item is still one: 「1、住民…」 starts a new sentence, and the table after it changes on its own
    item = rewrite("別表第二7項8\n1、住民票の写しの交付 別表第二", assume_law=True)
    assert item.text == "別表第二7項8\n1、住民票の写しの交付 番号利用法第19条第8号に基づく主務省令第2条の表"
    assert [f.reason for f in item.findings] == ["number-after-table"]


@pytest.mark.parametrize(("text", "cited"), [
    ("番号法第9条第1項別表第一の16の項及び第2項の条例で定める事務", "番号法第9条第1項別表第一の16の項"),
    ("番号法別表第二の27の項及び第3項の規定による提供", "番号法別表第二の27の項"),
    ("番号法別表第一の16の項、第2項", "番号法別表第一の16の項"),
])
def test_a_paragraph_written_after_a_row_is_no_row_of_its_list(text: str, cited: str) -> None:
    """「16の項及び第2項」: a 第N項 written after a row written 「Nの項」 is a paragraph of an article (第9条第2項), not
    a row of the list; read as row 2 it was renumbered with the table (「別表第二の27の項及び第3項の規定」 became
    「…第2条の表の第3項及び第48項の規定」).  The list ends before it, and the number left unread keeps the name."""
    assert [c.text for c in find_citations(text, assume_law=True)] == [cited]
    result = rewrite(text, assume_law=True)
    assert result.text == text
    assert [f.reason for f in result.findings] == ["number-after-table"]
    # rows written alike are one list still
    assert rewrite("番号法別表第一第16項及び第17項").text == "番号法別表の第24項及び第25項"
    assert rewrite("番号法別表第一の16の項及び17の項").text == "番号法別表の24の項及び25の項"
    assert rewrite("番号法別表第一の16、第17の項").text == "番号法別表の24、第25の項"


@pytest.mark.parametrize(("text", "expected"), [
    ("番号法別表第一の16の項及び同条第2項に基づく事務", "番号法別表の24の項及び同条第2項に基づく事務"),
    ("番号法第9条第1項別表第一の16の項及び同条第2項に基づく条例別表第1の1の項",
     "番号法第9条第1項別表の24の項及び同条第2項に基づく条例別表第1の1の項"),
    ("番号法別表第二の27の項、前条第1号", "番号法第19条第8号に基づく主務省令第2条の表の48の項、前条第1号"),
])
def test_a_paragraph_of_an_article_after_a_table_is_no_unread_row(text: str, expected: str) -> None:
    """「同条第2項」 after a table's rows: 条 and 第 before the number make it a paragraph or item of an article,
    never a row (as a 第N項 after 条 already is in the clause); the table was kept as number-after-table."""
    result = rewrite(text, assume_law=True)
    assert result.text == expected
    assert result.findings == ()
    assert rewrite(expected, assume_law=True).edits == ()
    # a number after 第 alone still keeps it
    text = "番号法別表第一の16の項及び第2項に基づく事務"
    assert rewrite(text, assume_law=True).text == text


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 130), st.integers(1, 130), st.sampled_from(["第一", "第二"]), st.sampled_from(["及び", "、", "並びに"]))
def test_a_paragraph_after_a_row_never_becomes_a_row(row: int, paragraph: int, table: str, join: str) -> None:
    """Whatever the numbers: 「別表第二の27の項及び第3項の規定」 keeps its 第3項 as written, and the table with it."""
    text = f"番号法別表{table}の{row}の項{join}第{paragraph}項の規定による"
    result = rewrite(text, assume_law=True)
    assert result.text == text and result.edits == ()


# the row and order-reference patterns the rewriter scans clauses with are compiled behind a lookahead of the
# characters their matches begin with (rewriter._leading): the same matches as the patterns without it, at any
# window, lookbehinds into the text before the window included; and each of their matches holds a figure
_LEADING_PATTERNS = ["_ROW_IN_CLAUSE", "_ROW_WITH_KO", "_ORDER_REF_IN_CLAUSE", "_BARE_ORDER_ARTICLE", "_SHORT_ORDER_REF"]
_LEADING_PIECES = st.sampled_from(
    ["1", "２", "27", "十", "一", "〇", "百", "千", "項", "第", "条", "号", "の", "目", "番", "：", "は", "、", "・", "，",
     "）", "（", " ", "　", "\n", "\u200b", "主", "務", "省", "令", "同", "命", "年", "別表", "平成26年", "号に基づく",
     "提供に関する", "市", "ア"]
)


@given(st.sampled_from(_LEADING_PATTERNS), st.lists(_LEADING_PIECES, max_size=24).map("".join), st.data())
@settings(max_examples=400, deadline=None)
def test_leading_pattern_matches_as_its_definition(name: str, text: str, data: st.DataObject) -> None:
    from mynumber_refs import rewriter

    pattern = getattr(rewriter, name)
    lead = re.fullmatch(r"\(\?=\[([^\]]*)\]\)\(\?:(.*)\)", pattern.pattern, re.S)
    assert lead is not None, f"{name} is not compiled behind a lookahead of its first characters"
    plain = re.compile(lead.group(2))
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    found = list(pattern.finditer(text, lo, hi))
    assert [(m.span(), m.groupdict()) for m in found] == [(m.span(), m.groupdict()) for m in plain.finditer(text, lo, hi)]
    # every match holds a figure: _unread_after does not search a clause without one
    assert all(rewriter._FIGURE.search(m.group()) for m in found)


def test_edits_of_repeated_citations_share_their_texts() -> None:
    """A dense text repeats a few citations thousands of times: each edit's old and new text is one
    object per distinct text (the result of a run of 「別表第一の」 held 11.6× its input in edits, 6.9× now)."""
    r = rewrite("番号法別表第一の16の項、番号法別表第一の16の項及び番号法別表第一の16の項", assume_law=True)
    assert r.text == "番号法別表の24の項、番号法別表の24の項及び番号法別表の24の項"
    for before, after in (("第一", ""), ("16", "24")):
        same = [e for e in r.edits if (e.before, e.after) == (before, after)]
        assert len(same) == 3
        assert len({id(e.before) for e in same}) == 1 and len({id(e.after) for e in same}) == 1


def test_apply_edits_never_holds_the_new_text_twice() -> None:
    """The new text of a long document is built in pieces: they were joined at the end, so that the
    pieces and their join (each the size of the new text) were held at once, the peak of a rewrite's
    memory on the dense seed (4.2× the input, target 4×).  It now grows in place."""
    import tracemalloc

    from mynumber_refs.edits import apply_edits
    from mynumber_refs.model import Edit

    text = ("番号法別表第一の16の項に基づく。" + "あ" * 200 + "\n") * 3000
    edits = [Edit(m.start(), m.end(), "第一", "") for m in re.finditer("第一", text)]
    apply_edits(text, edits[:2])  # (imports and caches outside the measure)
    tracemalloc.start()
    try:
        new = apply_edits(text, edits)
        kept, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert new == text.replace("第一", "")
    assert peak - kept < 0.5 * len(new) * 2  # (the new text is 2 bytes a character): less than half of it again


def test_a_list_kept_with_its_column_s_table_names_the_table() -> None:
    # 「番号法別表第二の第三欄に掲げる者（27の項）」: the list was kept with the table's column reference, and its finding
    # said it depended on 「?」
    text = "番号法別表第二の第三欄に掲げる者（27の項）"
    result = rewrite(text)
    assert result.text == text
    (kept,) = [f for f in result.findings if f.reason == "dependent-kept"]
    assert kept.text == "27の項" and kept.message.startswith("関連する引用（番号法別表第二の第三欄）を書き換えられないため")


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["番号法", "番号利用法", ""]), st.sampled_from(["別表第二", "別表第一", "別表第2"]),
       st.sampled_from(["の第三欄に掲げる者", "の第四欄", "の第一欄（情報照会者）が「市町村長」である項", "の下欄"]),
       st.sampled_from(["（27の項）", "（1、2の項）", "の27の項"]), st.booleans())
def test_a_kept_citation_always_names_what_it_was_kept_with(law: str, table: str, column: str, rows: str, assume: bool) -> None:
    for f in rewrite(f"{law}{table}{column}{rows}", assume_law=assume).findings:
        if f.reason == "dependent-kept":
            assert "（?）" not in f.message and "(?)" not in f.message


@pytest.mark.parametrize(("text", "expected"), [
    ("番号法別表\n第一\n住民票", "番号法別表\n住民票"),
    ("番号法別表\r\n第一\r\n住民票", "番号法別表\r\n住民票"),
    ("番号法別表\n第一\n\n住民票", "番号法別表\n\n住民票"),
    ("番号法別表第二、別表\n第一\n\t番号法別表第二の27の項以外。", "番号法別表第二、別表\n\t番号法別表第二の27の項以外。"),
    ("番号法別表\n第一の16の項", "番号法別表\nの24の項"),  # (no break after 第一: the one before it stays, as written)
])
def test_removing_the_ordinal_between_two_line_breaks_never_makes_a_blank_line(text: str, expected: str) -> None:
    """「別表\n第一\n」: removing 第一 would leave 「別表\n\n」, a blank line that ends the passage on a second run, where
    the tables around it read otherwise (the mixer of the 17th session: 「番号法別表第二、別表\n第一\n\t番号法別表第二の27の
    項以外。」 kept the first table with the second, and a second run renamed it); the break before 第一 goes with it."""
    result = rewrite(text, assume_law=True)
    assert result.text == expected
    assert rewrite(result.text, assume_law=True).edits == ()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["番号法", "別表", "\n", "第一", "第二", "\t", "の16の項", "27の項", "以外", "、", "。", " "]),
                max_size=12).map("".join), st.booleans())
def test_no_rewrite_makes_a_blank_line(text: str, assume: bool) -> None:
    """A rewrite never makes a blank line the text did not have (passages, and what is read in them, stay)."""
    result = rewrite(text, assume_law=assume)
    blank = re.compile(r"\n[ \t\u3000\r]*\n")
    assert len(blank.findall(result.text)) <= len(blank.findall(text)), (text, result.text)


def test_apply_edits_never_holds_many_small_pieces() -> None:
    """Where an edit comes every few characters, 64 K characters of the new text were some 20,000
    small pieces held at once before they were joined (4.6× the input on a run of 「別表第一の」): the
    pieces are now joined every thousand too."""
    import tracemalloc

    from mynumber_refs.edits import apply_edits
    from mynumber_refs.model import Edit

    text = "別表第一の" * 12000
    edits = [Edit(m.start(), m.end(), "第一", "") for m in re.finditer("第一", text)]
    apply_edits(text, edits[:2])  # (imports and caches outside the measure)
    tracemalloc.start()
    try:
        new = apply_edits(text, edits)
        kept, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert new == "別表の" * 12000
    # (2 bytes a character) beside the result: a list of the edits and the new text, 2× it (16× before)
    assert peak - kept < 4 * len(new) * 2


def test_rewrite_holds_little_beyond_its_result() -> None:
    """A dense text holds a citation every 15 bytes (a run of 「別表第一の」).  Until the groups are settled
    the rewrite held, per citation, its plan and the plan's tuple of edits, and the groups as a dict of
    int objects: 12.7× the input beyond what the result keeps.  A plan that applies with no note is
    now held as its edits alone, and the groups as an array of machine integers."""
    import gc
    import tracemalloc

    from mynumber_refs import parse

    text = "別表第一の" * 3000
    rewrite(text[:300], assume_law=True)  # (patterns compiled on first use: outside the measure)
    parse.clear_caches()
    gc.collect()
    tracemalloc.start()
    try:
        r = rewrite(text, assume_law=True)
        kept, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert r.text == "別表の" * 3000
    assert peak - kept < 6 * len(text.encode("utf-8"))


@pytest.mark.parametrize(("text", "expected"), [
    ("本評価書において「対象事務」とは、番号法別表第一の16の項に掲げる事務をいう。",
     "本評価書において「対象事務」とは、番号法別表の24の項に掲げる事務をいう。"),
    ("この評価書において、次の各号に掲げる用語の意義は、当該各号に定めるところによる。\n(1)　対象事務　番号法別表第一の16の項に掲げる"
     "事務をいう。", "この評価書において、次の各号に掲げる用語の意義は、当該各号に定めるところによる。\n(1)　対象事務　番号法別表の24の項に"
     "掲げる事務をいう。"),
    ("本書で「照会事務」とは、番号法別表第二の27の項に基づき照会する事務をいう。",
     "本書で「照会事務」とは、番号法第19条第8号に基づく主務省令第2条の表の48の項に基づき照会する事務をいう。"),
])
@pytest.mark.parametrize("assume", [True, False])
def test_a_documents_own_definition_is_rewritten_with_it(text: str, expected: str, assume: bool) -> None:
    """A definition the PIA says is its own (「本評価書において「対象事務」とは…」) is the document's text, which the user
    is updating: its body is rewritten (it was kept as an ordinance's definition).  A term naming a table stays kept."""
    assert rewrite(text, assume_law=assume).text == expected
    kept = "本評価書において「法別表第二」とは、番号法別表第二をいう。"
    result = rewrite(kept, assume_law=assume)
    assert result.text == kept and [f.reason for f in result.findings] == ["defines-term"]

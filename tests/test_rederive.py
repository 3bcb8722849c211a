"""rewrite(..., rederive=Rederive(...)): lists written by a content criterion are derived again.

The expected list is the city's own 変更後 row list in the seed, the paragraph below its 変更前 one.
"""

from __future__ import annotations

import datetime
import functools
import re
from pathlib import Path

import docx
import openpyxl
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import mynumber_refs as mr
from mynumber_refs.formats import open_document, rewrite_document
from mynumber_refs.rederive import REDERIVE_FAILED, REDERIVED, Rederive


def _paragraph(seed_text: str, first: str, last: str) -> str:
    start = seed_text.index(first)
    return seed_text[start : seed_text.index(last, start) + len(last)]


def _compact(s: str) -> str:
    return "".join(s.split())


def _row_list(text: str) -> str:
    """The list after the criterion 「…が含まれる項（」, without whitespace."""
    m = re.search(r"含まれる項（([^）]*)）", _compact(text))
    assert m is not None
    return m.group(1)


def test_the_before_paragraph_becomes_the_city_after_list(seed_text: str) -> None:
    before = _paragraph(seed_text, "・番号利用法第１９条第８号（特定個人情報の\n提供の制限）及び別表第二", "１２０の項）")
    after = _paragraph(seed_text, "・番号利用法第１９条第８号（特定個人情報の\n提供の制限）及び番号利用法", "１６６の項）")
    result = mr.rewrite(before, assume_law=True, rederive=Rederive())
    assert _row_list(result.text) == _row_list(after)
    assert any(e.reason == REDERIVED for e in result.edits)
    assert [f.reason for f in result.findings] == [REDERIVED]
    # without --rederive the list is renumbered (and here not established: inferred rows)
    plain = mr.rewrite(before, assume_law=True)
    assert _row_list(plain.text) == _row_list(before)


def test_rederiving_is_idempotent(seed_text: str) -> None:
    before = _paragraph(seed_text, "・番号利用法第１９条第８号（特定個人情報の\n提供の制限）及び別表第二", "１２０の項）")
    once = mr.rewrite(before, assume_law=True, rederive=Rederive()).text
    twice = mr.rewrite(once, assume_law=True, rederive=Rederive())
    assert twice.text == once and not twice.edits


def test_the_old_order_list_is_replaced_with_the_given_criterion(seed_text: str) -> None:
    block = _paragraph(seed_text, "・番号利用法別表第二の主務省令で定める事", "５９条の３　１\n号ホ・２号ホ・４号）")
    result = mr.rewrite(block, assume_law=True, rederive=Rederive("市町村長", "住民票関係情報"))
    derived = mr.derive_lists("市町村長", "住民票関係情報")
    text = _compact(result.text)
    assert "番号利用法第１９条第８号に基づく主務省令" in text and "定める命令" not in text
    m = re.search(r"：（(.*)）", text)
    assert m is not None
    written = m.group(1)
    assert written.startswith("３条１号ハ、４条１０号ハ・１７号ニ") and "６０条１項１号ロ" in written
    assert written.count("号") == len(derived.order_refs)
    # without a criterion the reference list is left to the ordinary plan (not established here)
    kept = mr.rewrite(block, assume_law=True, rederive=Rederive())
    assert kept.text == mr.rewrite(block, assume_law=True).text


def test_the_criterion_given_applies_to_a_list_that_writes_none() -> None:
    text = "番号利用法第19条第8号及び別表第二\n（1、2、3の項）"
    result = mr.rewrite(text, rederive=Rederive("市町村長", "住民票関係情報"))
    rows = mr.derive_lists("市町村長", "住民票関係情報").table_rows
    assert result.text.endswith("（" + "、".join(str(r) for r in rows) + "の項）")  # the list's half-width digits


def test_a_list_of_another_criterion_is_renumbered_as_usual() -> None:
    text = "番号利用法別表第二\n第一欄（情報照会者）が「市町村長」の項（１、２の項）"
    assert mr.rewrite(text, rederive=Rederive("市町村長", "住民票関係情報")).text == mr.rewrite(text).text


def test_a_list_not_established_for_the_date_is_kept_with_its_table() -> None:
    text = "番号利用法第19条第8号及び別表第二\n：第三欄（情報提供者）が「市町村長」の項のうち、第四欄に「住民票関係情報」が含まれる項（1、2の項）"
    kept = mr.rewrite(text, rederive=Rederive(as_of=datetime.date(2024, 6, 1)))
    assert kept.text == text
    reasons = {f.reason for f in kept.findings}
    assert REDERIVE_FAILED in reasons and "dependent-kept" in reasons
    accepted = mr.rewrite(text, rederive=Rederive(as_of=datetime.date(2024, 6, 1)), accept_inferred=True)
    assert accepted.text != text and "別表第二" not in accepted.text


def test_a_list_for_a_date_after_the_data_s_text_is_not_established() -> None:
    # --rederive-as-of 2026-01-01 wrote the 2025-04-01 text's list as established, with only a note: the data cannot
    # tell whether the order was amended after its text, so a list for a later date is unverified (kept, or applied with
    # --accept-inferred after checking), as one for an earlier date whose provisions were amended since is
    text = "番号利用法第19条第8号及び別表第二\n：第三欄（情報提供者）が「市町村長」の項のうち、第四欄に「住民票関係情報」が含まれる項（1、2の項）"
    later = Rederive(as_of=datetime.date(2026, 1, 1))
    kept = mr.rewrite(text, rederive=later)
    assert kept.text == text
    (failed,) = [f for f in kept.findings if f.reason == REDERIVE_FAILED]
    assert failed.message.startswith("推定・未確認の項があります（すべて、60項）。確認のうえ --accept-inferred で適用できます")
    assert "inferred or unverified entries (all 60)" in failed.message
    accepted = mr.rewrite(text, rederive=later, accept_inferred=True)
    assert accepted.text.endswith(f"（{CITY_ROWS}の項）")
    assert "date-after-text" in {f.reason for f in accepted.findings}
    # on the text's own date (and with no date) the list is established
    for as_of in (datetime.date(2025, 4, 1), None):
        assert mr.rewrite(text, rederive=Rederive(as_of=as_of)).text.endswith(f"（{CITY_ROWS}の項）")


def test_an_unknown_criterion_is_reported_not_guessed() -> None:
    text = "番号利用法第19条第8号及び別表第二\n（1、2、3の項）"
    result = mr.rewrite(text, rederive=Rederive("市長", "住民票関係情報"))
    assert result.text == text
    assert any(f.reason == REDERIVE_FAILED and "市長" in f.message for f in result.findings)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="番号利用法第19条第8号及び別表第二の主務省令で定める事務及び情報を命令欄三四「市町村長」住民票関係情報が含まれる項うち（）、・ \n12３４号ハ", max_size=120))
def test_rederiving_any_text_never_raises_and_edits_match_the_text(text: str) -> None:
    result = mr.rewrite(text, assume_law=True, rederive=Rederive("市町村長", "住民票関係情報"))
    for e in result.edits:
        assert text[e.start : e.end] == e.before


def test_a_long_rederived_list_does_not_move_the_sentence_of_an_old_item() -> None:
    # fuzzer, seed 61616: the derived list (60 rows for 「第９項」) pushed the old 第19条第7号 beyond a 300-character
    # reach, so the 別表第二 it had kept (number-before-table) was renamed on the second run
    text = "第19条第7号主務省令第２条の表（第９項）別表第二"
    kw = {"assume_law": True, "rederive": Rederive("市町村長", "住民票関係情報")}
    once = mr.rewrite(text, **kw)
    assert len(once.text) > len(text) + 300  # the list was derived again, long
    assert "number-before-table" in [f.reason for f in once.findings]
    assert once.text.endswith("）別表第二")
    twice = mr.rewrite(once.text, **kw)
    assert twice.text == once.text and not twice.edits


def test_a_rederived_list_on_its_own_line_does_not_end_the_sentence_of_a_kept_group() -> None:
    # fuzzer, seed 75757: 「（7項）」 on its own line does not start an item, the list derived for it, 「（1、2、3…項）」, read
    # as a new item 「（1、」, so the 別表第二 after it left the group of the title kept before (number-after-table) and
    # was renamed on the second run.  A line break before a citation whose first number reads as an item mark, in a
    # bracket or not, ends no sentence
    text = "番号法別表第二主務省令第２条番号法9条主務省令第2条の表\n（7項）番号法別表第二"
    kw = {"rederive": Rederive("市町村長", "住民票関係情報")}
    once = mr.rewrite(text, **kw)
    assert once.text.startswith("番号法別表第二主務省令第２条番号法9条主務省令第2条の表\n（1、2、3、5、7、11、")
    assert once.text.endswith("166項）番号法別表第二")
    assert [f.reason for f in once.findings] == ["number-after-table", "dependent-kept", "rederived", "dependent-kept"]
    assert mr.rewrite(once.text, **kw).edits == ()


# the city's 60 rows of 第2条の表 (the seed's 変更後 list), half-width
CITY_ROWS = (
    "1、2、3、5、7、11、13、15、20、28、37、39、48、53、57、58、59、63、65、66、69、73、75、76、81、83、84、86、87、91、92、"
    "96、106、108、110、112、115、118、124、129、130、132、136、137、138、141、142、144、149、150、151、152、155、156、158、"
    "160、163、164、165、166"
)


def test_a_rederived_list_written_with_kouban_keeps_its_prefix_alone() -> None:
    # 「項番27、28」 was written back as 「第項番1、2、…」: the 第 of 「第27、28項」 was put before 項番
    kw = {"assume_law": True, "rederive": Rederive("市町村長", "住民票関係情報")}
    assert mr.rewrite("番号利用法別表第二（項番27、28）", **kw).text == (
        f"番号利用法第19条第8号に基づく主務省令第2条の表（項番{CITY_ROWS}）"
    )
    text = "番号利用法別表第二\n：第三欄（情報提供者）が「市町村長」の項のうち、第四欄に「住民票関係情報」が含まれる項（項番1,2,3）"
    once = mr.rewrite(text, **kw).text
    assert once.endswith("が含まれる項（項番" + CITY_ROWS.replace("、", ",") + "）")
    assert mr.rewrite(once, **kw).text == once


def test_the_criterion_given_is_not_put_on_a_list_that_writes_another() -> None:
    # the inquirer's list (「…情報照会の根拠」) and a list whose criterion names the column by its heading were
    # replaced by the rows and references derived for the provider given; they are renumbered as usual
    kw = {"assume_law": True, "rederive": Rederive("市町村長", "住民票関係情報")}
    for text in (
        "・番号利用法第19条第8号及び別表第二\n（別表第二における情報照会の根拠）\n：（27、28の項）",
        "番号利用法別表第二\n：情報照会者：市町村長、特定個人情報：住民票関係情報（27、28の項）",
    ):
        result = mr.rewrite(text, **kw)
        assert result.text.endswith("（48、49の項）"), text
        assert REDERIVED not in {f.reason for f in result.findings}
    refs = "・番号利用法別表第二の主務省令で定める事務及び情報を定める命令\n（別表第二における情報照会の根拠）\n：（1条2号ハ、2条7号ロ）"
    assert mr.rewrite(refs, **kw).text == mr.rewrite(refs, assume_law=True).text == refs
    # a criterion on the provider's side that is not read is kept with its list and reported (see below)
    text = "番号利用法別表第二\n：情報提供者が「都道府県知事」の項（27、28の項）"
    assert mr.rewrite(text, **kw).text == text
    # the provider's list in the same passage, after the inquirer's, is still derived
    both = "・番号利用法第19条第8号及び別表第二\n（情報照会の根拠）なし\n（情報提供の根拠）\n：（27、28の項）"
    assert mr.rewrite(both, **kw).text.endswith(f"（{CITY_ROWS}の項）")


PROVIDER_UNREAD = (
    "第三欄（情報提供者）が「市町村長」の項のうち、第四欄（特定個人情報）に「住民票関係情報」又は「地方税関係情報」が含まれる項",
    # (a phrase quoting a provider's value, whatever its end: renumbered row by row before the 19th session)
    "第三欄（情報提供者）が「市町村長」の項のうち、第四欄（特定個人情報）に「住民票関係情報」又は「地方税関係情報」が含まれるもの",
    "情報提供者「都道府県知事」",
    "第三欄（情報提供者）が「市町村長」の項",
    "情報提供者が「都道府県知事」の項",
    "第３欄が「市町村長」で、第４欄に「住民票関係情報」若しくは「地方税関係情報」を含む項",
)


@pytest.mark.parametrize("criterion", PROVIDER_UNREAD)
@pytest.mark.parametrize("given_too", [False, True])
def test_a_provider_s_criterion_not_read_keeps_its_list_and_says_so(criterion: str, given_too: bool) -> None:
    # 「…「住民票関係情報」又は「地方税関係情報」が含まれる項（1、2、27の項）」 was renumbered row by row (27→48) without
    # a finding: the list of a criterion on the provider's side is not its renumbered rows (rows were split and added)
    text = f"番号利用法別表第二（情報提供の根拠）\n：{criterion}（1、2、27の項）"
    rederive = Rederive("市町村長", "住民票関係情報") if given_too else Rederive()
    result = mr.rewrite(text, assume_law=True, rederive=rederive)
    assert result.text == text
    (failed,) = [f for f in result.findings if f.reason == REDERIVE_FAILED]
    assert failed.text == "1、2、27の項"
    assert failed.message.startswith(f"一覧の前に情報提供者の側の条件（{criterion}）が書かれていますが、読み取れないため、一覧を導けません")
    # without --rederive the list is renumbered as before
    assert mr.rewrite(text, assume_law=True).text.endswith("（1、2、48の項）")
    # the inquirer's criterion is no list this module derives: renumbered as usual
    inquirer = f"番号利用法別表第二\n：{criterion.replace('第三欄', '第一欄').replace('第３欄', '第１欄').replace('情報提供者', '情報照会者')}（1、2、27の項）"
    assert mr.rewrite(inquirer, assume_law=True, rederive=rederive).text.endswith("（1、2、48の項）")


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(["（別表第二における情報照会の根拠）", "情報照会者：", "第一欄（情報照会者）が「市町村長」である。",
                     "情報提供者は都道府県知事", "第三欄が「都道府県知事」のもの"]),
    st.sampled_from(["", "\n", "：", "\n："]),
    st.sampled_from(["27、28の項", "１、２の項", "項番27、28", "85の2の項"]),
)
def test_a_list_that_writes_a_criterion_never_takes_the_given_one(heading: str, glue: str, rows: str) -> None:
    text = f"番号利用法第19条第8号及び別表第二\n{heading}{glue}（{rows}）"
    given_criterion = mr.rewrite(text, assume_law=True, rederive=Rederive("市町村長", "住民票関係情報"))
    assert given_criterion.text == mr.rewrite(text, assume_law=True).text


def test_the_criterion_is_read_in_the_other_ways_pias_write_it() -> None:
    # 「…であり、第四欄に…を含む項」 and the columns named by their headings were read as another criterion:
    # the list was renumbered row by row (27→48, 28→49) instead of derived
    kw = {"assume_law": True, "rederive": Rederive()}
    for criterion in (
        "第三欄（情報提供者）が「市町村長」であり、第四欄に「住民票関係情報」を含む項",
        "第３欄が「市町村長」で、第４欄に「住民票関係情報」が含まれる項",
        "情報提供者：市町村長、特定個人情報：住民票関係情報",
        # (renumbered row by row, or kept as not read, before the 19th session)
        "第三欄（情報提供者）が「市町村長」の項のうち、第四欄（特定個人情報）に「住民票関係情報」が含まれるもの",
        "第三欄（情報提供者）の「市町村長」の項のうち、第四欄（特定個人情報）の「住民票関係情報」を含む項",
        "第３欄（情報提供者）が「市町村長」かつ第４欄（特定個人情報）に「住民票関係情報」を含む項",
        "情報提供者「市町村長」、特定個人情報「住民票関係情報」",
    ):
        text = f"番号利用法別表第二\n：{criterion}（27、28の項）"
        once = mr.rewrite(text, **kw)
        assert once.text == f"番号利用法第19条第8号に基づく主務省令第2条の表\n：{criterion}（{CITY_ROWS}の項）"
        assert REDERIVED in {f.reason for f in once.findings}
        assert mr.rewrite(once.text, **kw).text == once.text
    # a provider that provides none of it: nothing derived, the list and its table kept
    text = "番号利用法別表第二\n：情報提供者：都道府県知事、特定個人情報：住民票関係情報（27、28の項）"
    kept = mr.rewrite(text, **kw)
    assert kept.text == text and REDERIVE_FAILED in {f.reason for f in kept.findings}


def test_the_criterion_given_is_put_on_a_table_s_only_list() -> None:
    # two lists after one table (or one title) each got the whole derived list: every row and reference twice
    kw = {"assume_law": True, "rederive": Rederive("市町村長", "住民票関係情報")}
    title = "・番号利用法別表第二の主務省令で定める事務及び情報を定める命令\n（別表第二における情報提供の根拠）\n："
    for text in (
        "番号利用法第19条第8号及び別表第二\n（1、2、3の項）（5、6の項）",
        "番号利用法第19条第8号及び別表第二（1、2、3の項）及び（5、6の項）",
        title + "（１条２号ハ、２条７号ロ）、（３条８号）",
    ):
        result = mr.rewrite(text, **kw)
        assert result.text == text
        assert [f.reason for f in result.findings].count(REDERIVE_FAILED) == 2
    # one list is derived as before
    assert mr.rewrite("番号利用法第19条第8号及び別表第二\n（1、2、3の項）", **kw).text.endswith(f"（{CITY_ROWS}の項）")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["番号利用法第19条第8号及び別表第二", "番号法別表第二", "（1、2、3の項）", "（5、6の項）", "及び",
                                 "\n", "。", "番号利用法別表第二の主務省令で定める事務及び情報を定める命令", "（１条２号ハ）",
                                 "（２条７号ロ・１３号ハ）", "、", "同表の"]), min_size=1, max_size=8).map("".join))
def test_the_criterion_given_derives_at_most_one_list_of_a_table(text: str) -> None:
    result = mr.rewrite(text, assume_law=True, rederive=Rederive("市町村長", "住民票関係情報"))
    derived = [e.citation.antecedent for e in result.edits if e.reason == REDERIVED and e.citation is not None]
    assert len(derived) == len(set(derived))


def test_a_criterion_written_before_the_table_is_the_list_s_own() -> None:
    # 「情報照会の根拠：…別表第二（1、2の項）」 and 「第三欄が「都道府県知事」である…別表第二の項（…）」 write their criterion
    # before the table: the provider's list derived with the criterion given replaced them
    kw = {"assume_law": True, "rederive": Rederive("市町村長", "住民票関係情報")}
    for text in (
        "情報照会の根拠：番号利用法第19条第8号及び別表第二（27、28の項）",
        "情報照会の根拠\n番号利用法第19条第8号及び別表第二\n（27、28の項）",
        "第一欄（情報照会者）が「都道府県知事」である番号利用法別表第二の項（27、28の項）",
    ):
        result = mr.rewrite(text, **kw)
        assert result.text.endswith("（48、49の項）") and REDERIVED not in {f.reason for f in result.findings}, text
    title = "番号利用法別表第二の主務省令で定める事務及び情報を定める命令（１条２号ハ、２条７号ロ）"
    assert mr.rewrite("（情報照会の根拠）" + title, **kw).text == "（情報照会の根拠）" + title
    # a sentence or a blank line before ends it: the list there writes none
    for head in ("情報照会は行わない。", "情報照会の根拠\n\n"):
        text = head + "番号利用法第19条第8号及び別表第二\n（27、28の項）"
        assert mr.rewrite(text, **kw).text.endswith(f"（{CITY_ROWS}の項）"), head


@pytest.mark.parametrize("rederive", [Rederive(), Rederive("市町村長", "住民票関係情報")])
def test_a_provider_s_criterion_qualifying_its_table_is_the_list_s(rederive: Rederive) -> None:
    # 「第三欄（情報提供者）が「都道府県知事」である番号利用法別表第二の項（27、28の項）」 was renumbered row by row
    # (「（48、49の項）」) without a finding: the criterion qualifies the table (a column, a value in 「」, 「である」 right
    # before it), so the list is that criterion's, which renumbering does not give
    kw = {"assume_law": True, "rederive": rederive}
    provider_only = "第三欄（情報提供者）が「都道府県知事」である"
    for text, kept in (
        (f"{provider_only}番号利用法別表第二の項（27、28の項）", "27、28の項"),
        (f"{provider_only}\n番号利用法別表第二（27、28の項）", "27、28の項"),
        (f"{provider_only}番号利用法別表第二の27、28の項", "番号利用法別表第二の27、28の項"),
        ("第三欄が「都道府県知事」とする番号利用法別表第二の項（27、28の項）", "27、28の項"),
    ):
        result = mr.rewrite(text, **kw)
        assert result.text == text
        (failed,) = [f for f in result.findings if f.reason == REDERIVE_FAILED]
        assert failed.text == kept
        assert failed.message.startswith("一覧の前に情報提供者の側の条件（第三欄")
        assert "読み取れないため、一覧を導けません" in failed.message
        assert mr.rewrite(text, assume_law=True).text != text  # without --rederive: renumbered as before
    # both columns written before the table: the list is derived from them (the table renamed as usual)
    both = "第三欄（情報提供者）が「市町村長」の項のうち、第四欄（特定個人情報）に「住民票関係情報」が含まれる番号利用法別表第二の項（27、28の項）"
    result = mr.rewrite(both, **kw)
    assert result.text == both.replace("番号利用法別表第二", "番号利用法第19条第8号に基づく主務省令第2条の表").replace(
        "27、28", CITY_ROWS)
    (note,) = [f for f in result.findings if f.reason == REDERIVED]
    assert note.message.startswith("本文の条件")
    assert mr.rewrite(result.text, **kw).text == result.text
    # rows right after such a table: kept and reported (a derived list would leave the table's old name)
    rows_after = both.replace("の項（27、28の項）", "の27、28の項")
    result = mr.rewrite(rows_after, **kw)
    assert result.text == rows_after
    assert [f.text for f in result.findings if f.reason == REDERIVE_FAILED] == ["番号利用法別表第二の27、28の項"]
    # the criterion's rows written as a heading of the table (「…が含まれる項」 on the line before it, 「…の項：」)
    heading = "第三欄（情報提供者）が「市町村長」の項のうち、第四欄（特定個人情報）に「住民票関係情報」が含まれる項"
    for glue in ("\n", "：", "\n："):
        text = f"{heading}{glue}番号利用法別表第二（27、28の項）"
        result = mr.rewrite(text, **kw)
        assert result.text == f"{heading}{glue}番号利用法第19条第8号に基づく主務省令第2条の表（{CITY_ROWS}の項）", glue
        assert REDERIVED in {f.reason for f in result.findings}
    text = "第三欄（情報提供者）が「都道府県知事」の項：番号利用法別表第二（27、28の項）"
    result = mr.rewrite(text, **kw)
    assert result.text == text
    assert [f.text for f in result.findings if f.reason == REDERIVE_FAILED] == ["27、28の項"]
    # a column named with no value qualifying the table (「情報提供者として、」), or the inquirer's: renumbered as usual
    for text in ("情報提供者として、番号利用法別表第二の項（27、28の項）に基づき提供する。",
                 "第一欄（情報照会者）が「都道府県知事」である番号利用法別表第二の27、28の項",
                 "第一欄（情報照会者）が「市町村長」の項\n番号利用法別表第二（27、28の項）"):
        result = mr.rewrite(text, **kw)
        assert "（48、49の項）" in result.text or "の48、49の項" in result.text, text
        assert REDERIVE_FAILED not in {f.reason for f in result.findings}


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(["第三欄（情報提供者）が「市町村長」の項のうち、第四欄（特定個人情報）に「住民票関係情報」が含まれる",
                     "第三欄（情報提供者）が「都道府県知事」である", "第３欄が「市町村長」で、第４欄に「住民票関係情報」を含む",
                     "情報提供者が「都道府県知事」とされている", "第三欄に「市町村長」、第四欄に「地方税関係情報」が含まれる"]),
    st.sampled_from(["", "項", "項：", "項\n", "の項\n"]),
    st.sampled_from(["番号利用法別表第二の項（27、28の項）", "番号利用法別表第二（27、28の項）", "番号利用法別表第二の27、28の項"]),
    st.booleans(),
)
def test_a_provider_s_criterion_before_the_table_never_gets_the_rows_renumbered(
    criterion: str, glue: str, cited: str, given_too: bool
) -> None:
    # under --rederive, a list a provider's criterion heads is that criterion's list, derived or kept: never its rows
    # renumbered one by one (27→48, 28→49), which is no list of that criterion
    text = f"{criterion}{glue}{cited}"
    rederive = Rederive("市町村長", "住民票関係情報") if given_too else Rederive()
    result = mr.rewrite(text, assume_law=True, rederive=rederive)
    assert "48、49" not in result.text
    assert result.text == text or CITY_ROWS in result.text
    assert mr.rewrite(result.text, assume_law=True, rederive=rederive).text == result.text


CRITERION = "第三欄（情報提供者）が「市町村長」の項のうち、第四欄（特定個人情報）に「住民票関係情報」が含まれる項"


def test_a_criterion_s_list_written_in_parts_is_kept_whole() -> None:
    # the first part was derived (all 60 rows) and the second renumbered row by row (「（6、7の項）」): the derived
    # list plus two rows
    text = f"番号利用法別表第二\n：{CRITERION}（1、2、3の項）及び（5、6の項）"
    for rederive in (Rederive(), Rederive("市町村長", "住民票関係情報")):
        result = mr.rewrite(text, assume_law=True, rederive=rederive)
        assert result.text == text
        failed = [f for f in result.findings if f.reason == REDERIVE_FAILED]
        assert [f.text for f in failed] == ["1、2、3の項", "5、6の項"]
        assert "2つに分けて書かれている" in failed[0].message
    # in another sentence the second list is not the criterion's: its own, renumbered as usual
    text = f"番号利用法別表第二\n：{CRITERION}（1、2、3の項）。同表の（5、6の項）"
    assert mr.rewrite(text, assume_law=True, rederive=Rederive()).text.endswith(f"（{CITY_ROWS}の項）。同表の（6、7の項）")


@pytest.mark.parametrize(("part", "kept"), [
    ("番号利用法別表第二の27の項", "番号利用法別表第二の27の項"), ("番号利用法別表第二（27の項）", "27の項"),
    ("\n番号利用法別表第二の27の項", "番号利用法別表第二の27の項"),
    ("番号利用法第19条第8号に基づく主務省令第2条の表の48の項", "番号利用法第19条第8号に基づく主務省令第2条の表の48の項"),
])
@pytest.mark.parametrize("given_too", [False, True])
def test_rows_of_another_mention_of_the_table_continue_a_criterion_s_list(part: str, kept: str, given_too: bool) -> None:
    # 「…が含まれる項（1、2、3の項）及び番号利用法別表第二の27の項」: the rows after the second mention of the table
    # write no criterion of their own (the sentence's is the list's), yet the list was derived and 27 renumbered
    # 48 beside it, with a criterion given or without
    text = f"番号利用法別表第二\n：{CRITERION}（1、2、3の項）及び{part}"
    rederive = Rederive("市町村長", "住民票関係情報") if given_too else Rederive()
    result = mr.rewrite(text, assume_law=True, rederive=rederive)
    assert result.text == text
    failed = [f for f in result.findings if f.reason == REDERIVE_FAILED]
    assert [f.text for f in failed] == ["1、2、3の項", kept]
    assert all("2つに分けて書かれている" in f.message for f in failed)
    # in a sentence of its own, with no criterion given, the row is its own: renumbered as usual beside the derived list
    text = f"番号利用法別表第二\n：{CRITERION}（1、2、3の項）。\n番号利用法別表第二の27の項に基づく照会"
    assert mr.rewrite(text, assume_law=True, rederive=Rederive()).text == (
        f"{NEW_TABLE}\n：{CRITERION}（{CITY_ROWS}の項）。\n{NEW_TABLE}の48の項に基づく照会")


def test_a_list_in_parts_counts_beside_a_list_taking_the_same_criterion_given() -> None:
    # 「…が含まれる項（1、2の項）及び（5の項）。番号利用法別表第二（27の項）」 with that criterion given: the two parts were
    # kept, and the list of the next sentence, taking the same criterion, got the whole derived list beside them
    text = f"番号利用法別表第二\n：{CRITERION}（1、2の項）及び（5の項）。番号利用法別表第二（27の項）"
    result = mr.rewrite(text, assume_law=True, rederive=Rederive("市町村長", "住民票関係情報"))
    assert result.text == text
    failed = [f for f in result.findings if f.reason == REDERIVE_FAILED]
    assert [f.text for f in failed] == ["1、2の項", "5の項", "27の項"]
    assert "一覧・項が3つあるため" in failed[-1].message
    # another criterion given: the list of the next sentence is its own, derived
    other = mr.rewrite(text, assume_law=True, rederive=Rederive("市町村長", "地方税関係情報"))
    assert [e.before for e in other.edits if e.reason == REDERIVED] == ["27の項"]


def test_the_criterion_given_is_not_put_on_two_lists_of_one_table_through_dohyo() -> None:
    # 「同表の（5、6の項）」 hangs on 同表, not on the table: each list was the table's only one and got all 60 rows
    kw = {"assume_law": True, "rederive": Rederive("市町村長", "住民票関係情報")}
    text = "番号利用法第19条第8号及び別表第二\n（1、2、3の項）。同表の（5、6の項）"
    result = mr.rewrite(text, **kw)
    assert result.text == text
    assert [f.reason for f in result.findings].count(REDERIVE_FAILED) == 2


NEW_TABLE = "番号利用法第19条第8号に基づく主務省令第2条の表"


def test_the_criterion_given_is_not_put_on_two_mentions_of_one_table_in_a_passage() -> None:
    # each mention of the table counted its own lists: both lists got all 60 rows; and a row written right after
    # the table (「別表第二の27の項」, renumbered 48) counted for nothing: the 同表 list got all 60 rows, 48 among them
    kw = {"assume_law": True, "rederive": Rederive("市町村長", "住民票関係情報")}
    for text, lists in (
        ("番号利用法別表第二（1、2の項）、番号利用法別表第二（27の項）", ["1、2の項", "27の項"]),
        ("根拠法令\t番号利用法別表第二（1、2の項）\n\t番号利用法別表第二（27の項）", ["1、2の項", "27の項"]),
        ("番号利用法別表第二の27の項及び同表（28の項）", ["28の項"]),
        ("番号利用法別表第二（1、2の項）\n番号利用法第19条第8号に基づく主務省令第2条の表（48の項）", ["1、2の項", "48の項"]),
    ):
        result = mr.rewrite(text, **kw)
        assert result.text == text
        failed = [f for f in result.findings if f.reason == REDERIVE_FAILED]
        assert [f.text for f in failed] == lists, text
        assert all("一覧・項が2つあるため" in f.message for f in failed), text
    # in passages of their own (a blank line between) each is its passage's only list, and a row of another
    # criterion (the inquirer's) is no part of the list
    text = "番号利用法別表第二（1、2の項）\n\n番号利用法別表第二（27の項）"
    assert mr.rewrite(text, **kw).text == f"{NEW_TABLE}（{CITY_ROWS}の項）\n\n{NEW_TABLE}（{CITY_ROWS}の項）"
    text = "情報照会の根拠：番号利用法別表第二の27の項。番号利用法別表第二（1、2の項）"
    assert mr.rewrite(text, **kw).text == f"情報照会の根拠：{NEW_TABLE}の48の項。{NEW_TABLE}（{CITY_ROWS}の項）"
    # without --rederive both are renumbered as before
    assert mr.rewrite("番号利用法別表第二の27の項及び同表（28の項）", assume_law=True).text == (
        f"{NEW_TABLE}の48の項及び同表（49の項）")


def _parts_by_kind(text: str) -> dict[str, list[mr.Citation]]:
    """The citations of rows of the exchange table, old or new (lists, and rows written right after the table), and of
    references of the exchange order, by kind."""
    from mynumber_refs.model import CitationKind, Order, Table
    from mynumber_refs.resolve import find_citations

    kinds: dict[str, list[mr.Citation]] = {"rows": [], "refs": []}
    for c in find_citations(text, assume_law=True):
        if not isinstance(c, mr.Citation) or c.part("rows") is None:
            continue
        if c.kind in (CitationKind.ROW_LIST, CitationKind.TABLE) and c.table in (Table.BEPPYO2, Table.ORDER_TABLE):
            kinds["rows"].append(c)
        elif c.kind is CitationKind.ORDER_REFS and c.order in (Order.OLD_EXCHANGE, Order.NEW_EXCHANGE):
            kinds["refs"].append(c)
    return kinds


@settings(max_examples=150, deadline=None)
@example("番号利用法別表第二（1、2の項）（1、2の項）番号利用法第19条第8号に基づく主務省令第2条の表（1、2の項）")
@given(st.lists(st.sampled_from(["番号利用法別表第二", "番号利用法別表第二の27の項", "（1、2の項）", "（27の項）", "同表", "同表の",
                                 "番号利用法第19条第8号に基づく主務省令第2条の表", "及び", "、", "\n", "\n\n", "。", "\t",
                                 "番号利用法別表第二の主務省令で定める事務及び情報を定める命令", "（１条２号ハ）", "（３条８号）"]),
                min_size=1, max_size=9).map("".join))
def test_no_derived_list_is_written_beside_another_citation_of_its_table_s_rows(text: str) -> None:
    # no piece writes a criterion: every citation of rows (or references) is under the one given, and a derived list
    # is the whole list: it is written only where it is the one citation of its kind in its passage
    result = mr.rewrite(text, assume_law=True, rederive=Rederive("市町村長", "住民票関係情報"))
    derived = [e for e in result.edits if e.reason == REDERIVED]
    if not derived:
        return
    kinds = _parts_by_kind(text)
    blanks = [0, *(m.end() for m in re.finditer(r"\n[ \t]*\n", text)), len(text) + 1]  # passages: between blank lines
    for e in derived:
        lo = max(b for b in blanks if b <= e.start)
        hi = min(b for b in blanks if b > e.start)
        kind = "rows" if any(c.start <= e.start < c.end for c in kinds["rows"]) else "refs"
        beside = [c for c in kinds[kind] if lo <= c.start < hi]
        assert len(beside) == 1, (text, [c.text for c in beside])


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(["及び", "", "、", "並びに", "\n", "及び同表の", "と"]),
                       st.sampled_from(["（5、6の項）", "（８の項）", "（項番9、10）", "番号利用法別表第二の27の項",
                                        "番号利用法第19条第8号に基づく主務省令第2条の表（48の項）"])), max_size=3),
    st.booleans(),
)
def test_a_criterion_s_list_is_derived_whole_or_kept_whole(parts: list[tuple[str, str]], given_too: bool) -> None:
    text = f"番号利用法別表第二\n：{CRITERION}（1、2、3の項）" + "".join(glue + rows for glue, rows in parts)
    result = mr.rewrite(text, assume_law=True,
                        rederive=Rederive("市町村長", "住民票関係情報") if given_too else Rederive())
    if parts:
        assert result.text == text
        assert REDERIVED not in {f.reason for f in result.findings}
    else:
        assert result.text.endswith(f"：{CRITERION}（{CITY_ROWS}の項）")


def _label_and_list(path: Path, label: str, cell: str, down: bool) -> Path:
    """A Word or Excel file (by ``path``'s suffix) whose table holds ``label`` and, right of it or below it
    (``down``), ``cell``."""
    rows = [[label], [cell]] if down else [[label, cell]]
    if path.suffix == ".xlsx":
        wb = openpyxl.Workbook()
        for row in rows:
            wb.active.append(row)
        wb.save(path)
        return path
    d = docx.Document()
    table = d.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    d.save(str(path))
    return path


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
@pytest.mark.parametrize("down", [False, True])
@pytest.mark.parametrize("given_too", [False, True])
def test_a_criterion_in_the_label_cell_is_the_list_s_own(tmp_path: Path, suffix: str, down: bool, given_too: bool) -> None:
    # 「情報提供者：都道府県知事、特定個人情報：住民票関係情報」 | 「番号利用法別表第二（項番27、28）」 got 市町村長's 60 rows
    rederive = Rederive("市町村長", "住民票関係情報") if given_too else Rederive()
    fn = functools.partial(mr.rewrite, assume_law=True, rederive=rederive)
    cell = "番号利用法別表第二（項番27、28）"
    # another provider's list (none of the category): kept whole, with its table, and reported
    path = _label_and_list(tmp_path / f"a{suffix}", "情報提供者：都道府県知事、特定個人情報：住民票関係情報", cell, down)
    edits, findings = rewrite_document(open_document(path), fn)
    assert edits == []
    assert ("項番27、28", REDERIVE_FAILED) in {(f.text, f.reason) for f in findings}
    # a label that writes a criterion not read (the inquirer's): kept and reported, the criterion given not put on it
    path = _label_and_list(tmp_path / f"b{suffix}", "情報照会の根拠", cell, down)
    edits, findings = rewrite_document(open_document(path), fn)
    assert edits == [] and ("項番27、28", REDERIVE_FAILED) in {(f.text, f.reason) for f in findings}
    # the label's criterion read: the list derived from it, the criterion given or not
    path = _label_and_list(tmp_path / f"c{suffix}", "情報提供者：市町村長、特定個人情報：住民票関係情報", cell, down)
    edits, findings = rewrite_document(open_document(path), fn)
    assert [(e.before, e.after) for e in edits] == [
        ("別表第二", "第19条第8号に基づく主務省令第2条の表"), ("項番27、28", "項番" + CITY_ROWS)]
    assert any(f.reason == REDERIVED and "見出しのセルの条件" in f.message for f in findings)
    # the old order's reference list beside that label: not derived with the criterion given either
    path = _label_and_list(tmp_path / f"d{suffix}", "情報提供者：都道府県知事、特定個人情報：住民票関係情報",
                           "番号利用法別表第二の主務省令で定める事務及び情報を定める命令（１条２号ハ、２条７号ロ）", down)
    edits, findings = rewrite_document(open_document(path), fn)
    assert edits == [] and REDERIVE_FAILED in {f.reason for f in findings}


@pytest.mark.parametrize("label", ["根拠法令", "情報提供の根拠"])
def test_a_label_without_a_criterion_leaves_the_criterion_given(tmp_path: Path, label: str) -> None:
    fn = functools.partial(mr.rewrite, assume_law=True, rederive=Rederive("市町村長", "住民票関係情報"))
    path = _label_and_list(tmp_path / "a.xlsx", label, "番号利用法別表第二（項番27、28）", False)
    edits, _ = rewrite_document(open_document(path), fn)
    assert [e.after for e in edits] == ["第19条第8号に基づく主務省令第2条の表", "項番" + CITY_ROWS]


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(["情報提供者：都道府県知事、特定個人情報：住民票関係情報", "情報照会の根拠",
                     "第一欄（情報照会者）が「市町村長」である項", "情報照会者：市町村長、特定個人情報：住民票関係情報",
                     "第三欄が「都道府県知事」の項のうち、第四欄に「住民票関係情報」が含まれる項",
                     "情報提供者：市町村長、特定個人情報：地方税関係情報"]),
    st.sampled_from(["番号利用法別表第二（項番27、28）", "番号法第19条第8号及び別表第二\n（27、28の項）",
                     "番号利用法別表第二の主務省令で定める事務及び情報を定める命令（１条２号ハ、２条７号ロ）",
                     "番号利用法別表第二（1、2の項）及び（5の項）"]),
)
def test_a_list_beside_a_label_that_writes_another_criterion_never_takes_the_given_one(label: str, cell: str) -> None:
    result = mr.rewrite(cell, assume_law=True, rederive=Rederive("市町村長", "住民票関係情報", lead=label))
    assert CITY_ROWS not in result.text and "３条１号ハ、４条１０号ハ" not in result.text


def _table_file(path: Path, rows: list[list[str | None]], merges: list[tuple[int, int, int, int]] = ()) -> Path:  # type: ignore[assignment]
    """A Word or Excel file (by ``path``'s suffix) holding one table of ``rows`` (``None``: an empty cell), its
    ``merges`` given as (first row, first column, last row, last column), counted from 0."""
    if path.suffix == ".xlsx":
        wb = openpyxl.Workbook()
        for row in rows:
            wb.active.append(row)
        for r1, c1, r2, c2 in merges:
            wb.active.merge_cells(start_row=r1 + 1, start_column=c1 + 1, end_row=r2 + 1, end_column=c2 + 1)
        wb.save(path)
        return path
    d = docx.Document()
    table = d.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                table.cell(r, c).text = value
    for r1, c1, r2, c2 in merges:
        table.cell(r1, c1).merge(table.cell(r2, c2))
    d.save(str(path))
    return path


INQUIRY_ROWS = "番号法別表第二（1、2の項）"
PROVISION_ROWS = "番号法別表第二（27、28の項）"


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
@pytest.mark.parametrize(("rows", "merges"), [
    # the heading row over the columns, the lists rows below it (past a row whose cell says なし)
    ([["事務", "情報照会の根拠", "情報提供の根拠"], ["住民基本台帳", "なし", PROVISION_ROWS], ["個人住民税", INQUIRY_ROWS, "なし"]], []),
    ([["照会", "提供"], [INQUIRY_ROWS, PROVISION_ROWS]], []),
    # two heading rows: 「情報連携の根拠」 merged over both columns, 「事務」 merged down over both rows
    ([["事務", "情報連携の根拠", None], [None, "照会", "提供"], ["住民基本台帳", INQUIRY_ROWS, PROVISION_ROWS]],
     [(0, 1, 0, 2), (0, 0, 1, 0)]),
])
def test_a_column_heading_is_the_criterion_of_the_lists_under_it(
    tmp_path: Path, suffix: str, rows: list[list[str | None]], merges: list[tuple[int, int, int, int]]
) -> None:
    # the list under 「情報照会の根拠」 (or 「照会」) got the 60 rows derived for the provider given: only the
    # cell to the left (or right above) was read as a label
    fn = functools.partial(mr.rewrite, assume_law=True, rederive=Rederive("市町村長", "住民票関係情報"))
    edits, findings = rewrite_document(open_document(_table_file(tmp_path / f"a{suffix}", rows, merges)), fn)
    assert [(e.before, e.after) for e in edits] == [
        ("別表第二", "第19条第8号に基づく主務省令第2条の表"), ("27、28の項", f"{CITY_ROWS}の項")]
    failed = [f for f in findings if f.reason == REDERIVE_FAILED]
    assert [f.text for f in failed] == ["1、2の項"] and "照会" in failed[0].message


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
def test_a_column_heading_s_criterion_is_its_lists_own(tmp_path: Path, suffix: str) -> None:
    fn = functools.partial(mr.rewrite, assume_law=True, rederive=Rederive("市町村長", "住民票関係情報"))
    # another provider's criterion over the column: not the one given; derived from it (none here), so kept
    rows: list[list[str | None]] = [["事務", "情報提供者：都道府県知事、特定個人情報：住民票関係情報"], ["住民基本台帳", PROVISION_ROWS]]
    edits, findings = rewrite_document(open_document(_table_file(tmp_path / f"a{suffix}", rows)), fn)
    assert edits == [] and ("27、28の項", REDERIVE_FAILED) in {(f.text, f.reason) for f in findings}
    # the same criterion as the label cell's: derived from it
    rows = [["", "情報提供者：市町村長、特定個人情報：住民票関係情報"],
            ["情報提供者：市町村長、特定個人情報：住民票関係情報", PROVISION_ROWS]]
    edits, findings = rewrite_document(open_document(_table_file(tmp_path / f"b{suffix}", rows)), fn)
    assert [e.after for e in edits] == ["第19条第8号に基づく主務省令第2条の表", f"{CITY_ROWS}の項"]
    # a label cell and a column heading that disagree: the list's criterion is not established
    rows = [["", "情報照会の根拠"], ["情報提供者：市町村長、特定個人情報：住民票関係情報", PROVISION_ROWS]]
    edits, findings = rewrite_document(open_document(_table_file(tmp_path / f"c{suffix}", rows)), fn)
    assert edits == [] and ("27、28の項", REDERIVE_FAILED) in {(f.text, f.reason) for f in findings}


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
def test_a_heading_naming_both_sides_gives_no_side(tmp_path: Path, suffix: str) -> None:
    # 「情報照会・情報提供の根拠」 was read by its last side (the provider's): the lists under it, the inquirer's too,
    # took the 60 rows derived for the provider given
    fn = functools.partial(mr.rewrite, assume_law=True, rederive=Rederive("市町村長", "住民票関係情報"))
    for k, heading in enumerate(("情報照会・情報提供の根拠", "照会・提供", "情報提供及び情報照会の根拠")):
        for rows in ([["事務", heading], ["住民基本台帳", PROVISION_ROWS]], [[heading, PROVISION_ROWS]]):
            edits, findings = rewrite_document(open_document(_table_file(tmp_path / f"a{k}{len(rows)}{suffix}", rows)), fn)
            assert edits == [] and ("27、28の項", REDERIVE_FAILED) in {(f.text, f.reason) for f in findings}, rows
    # a lower heading row decides: the inquirer's column is kept, the provider's derived
    rows: list[list[str | None]] = [
        ["事務", "情報照会・情報提供の根拠", None], ["", "照会", "提供"], ["住民基本台帳", INQUIRY_ROWS, PROVISION_ROWS]]
    edits, findings = rewrite_document(open_document(_table_file(tmp_path / f"b{suffix}", rows)), fn)
    assert [e.after for e in edits] == ["第19条第8号に基づく主務省令第2条の表", f"{CITY_ROWS}の項"]
    assert ("1、2の項", REDERIVE_FAILED) in {(f.text, f.reason) for f in findings}


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(["情報照会・情報提供の根拠", "情報提供・情報照会の根拠", "照会・提供", "提供／照会", "情報照会及び情報提供"]),
    st.sampled_from([INQUIRY_ROWS, PROVISION_ROWS]),
    st.booleans(),
)
def test_a_list_under_a_heading_naming_both_sides_never_takes_the_given_criterion(
    heading: str, rows: str, tabbed: bool
) -> None:
    text = f"事務\t{heading}\n住民基本台帳\t{rows}\n" if tabbed else f"{heading}：{rows}"
    result = mr.rewrite(text, assume_law=True, rederive=Rederive("市町村長", "住民票関係情報"))
    assert CITY_ROWS not in result.text


def test_a_column_heading_in_tab_separated_text_is_the_criterion_of_its_lists() -> None:
    kw = {"assume_law": True, "rederive": Rederive("市町村長", "住民票関係情報")}
    text = f"事務\t情報照会の根拠\t情報提供の根拠\n個人住民税\t{INQUIRY_ROWS}\tなし\n"
    result = mr.rewrite(text, **kw)
    assert result.text == text
    assert [f.text for f in result.findings if f.reason == REDERIVE_FAILED] == ["1、2の項"]
    text = f"事務\t情報照会の根拠\t情報提供の根拠\n住民基本台帳\tなし\t{PROVISION_ROWS}\n"
    assert mr.rewrite(text, **kw).text == (
        f"事務\t情報照会の根拠\t情報提供の根拠\n住民基本台帳\tなし\t番号法第19条第8号に基づく主務省令第2条の表（{CITY_ROWS}の項）\n")


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(["情報照会の根拠", "照会", "照会側", "【情報照会】", "情報照会者", "第一欄（情報照会者）"]),
    st.sampled_from(["情報提供の根拠", "提供", "根拠法令", "情報提供ネットワークシステムによる情報連携"]),
    st.lists(st.sampled_from(["なし", "－", "", "番号法別表第二（5の項）"]), max_size=3),
    st.booleans(),
)
def test_a_list_under_the_inquirer_s_column_never_takes_the_given_criterion(
    inquiry: str, other: str, between: list[str], inquiry_first: bool
) -> None:
    heading = [inquiry, other] if inquiry_first else [other, inquiry]
    lines = ["\t".join(heading)] + [f"{cell}\t{cell}" for cell in between]
    lists = [INQUIRY_ROWS, "なし"] if inquiry_first else ["なし", INQUIRY_ROWS]
    text = "\n".join([*lines, "\t".join(lists)])
    result = mr.rewrite(text, assume_law=True, rederive=Rederive("市町村長", "住民票関係情報"))
    assert CITY_ROWS not in result.text


@pytest.mark.parametrize(("inquiry", "provision"), [
    ("（照会）", "（提供）"), ("照会：", "提供："), ("照会元として：", "提供元として："), ("【照会】\n", "【提供】\n"),
    ("・照会側\n", "・提供側\n"), ("（情報照会）", "（情報提供）"),
])
def test_the_sides_named_by_a_heading_word_of_their_own(inquiry: str, provision: str) -> None:
    # 「（照会）…（1、2の項）\n（提供）…（27、28の項）」: 照会 alone was no side, and the inquirer's list got the 60 rows
    # derived for the provider given
    text = f"{inquiry}番号法第19条第7号、別表第二（1、2の項）\n{provision}番号法第19条第7号、別表第二（27、28の項）"
    result = mr.rewrite(text, assume_law=True, rederive=Rederive("市町村長", "住民票関係情報"))
    new = "番号法第19条第8号、番号法第19条第8号に基づく主務省令第2条の表"
    assert result.text == f"{inquiry}{new}（1、2の項）\n{provision}{new}（{CITY_ROWS}の項）"


def test_a_side_is_not_named_by_the_network_s_name_or_a_provision_s_heading() -> None:
    kw = {"assume_law": True, "rederive": Rederive("市町村長", "住民票関係情報")}
    # 情報提供ネットワークシステム after 情報照会 made the list the provider's
    text = "情報照会（情報提供ネットワークシステム経由）：番号法第19条第7号、別表第二（1、2の項）"
    assert mr.rewrite(text, **kw).text.endswith("第2条の表（1、2の項）")
    # 第19条's heading 「特定個人情報の提供の制限」, broken before 提供, names no side
    text = "（情報照会の根拠）番号法第19条第8号（特定個人情報の\n提供の制限）及び番号法別表第二（1、2の項）"
    assert mr.rewrite(text, **kw).text.endswith("番号法第19条第8号に基づく主務省令第2条の表（1、2の項）")


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(["（照会）", "照会：", "【照会】\n", "照会側：", "＜情報照会の根拠＞\n", "照会元として\n"]),
    st.sampled_from(["", "（提供）なし\n", "提供：なし\n", "（情報提供）\n"]),
    st.sampled_from(["番号法別表第二（1、2の項）", "番号法第19条第7号及び別表第二\n（1、2の項）", "番号法別表第二（項番1、2）"]),
)
def test_a_list_under_the_inquirer_s_heading_never_takes_the_given_criterion(before: str, inquiry: str, rows: str) -> None:
    text = f"{before}{inquiry}{rows}" if not inquiry else f"{inquiry}{before}{rows}"
    result = mr.rewrite(text, assume_law=True, rederive=Rederive("市町村長", "住民票関係情報"))
    assert CITY_ROWS not in result.text


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
def test_a_cell_that_writes_a_sentence_is_no_column_heading(tmp_path: Path, suffix: str) -> None:
    # an Excel 評価書's item above in the same column (「…情報照会を行い、…を取得する。」) was read as the column's heading:
    # the provider's list below it, beside 「②法令上の根拠」, was kept
    fn = functools.partial(mr.rewrite, assume_law=True, rederive=Rederive("市町村長", "住民票関係情報"))
    rows: list[list[str | None]] = [
        ["①事務実施上の必要性", "情報提供ネットワークシステムを通じて他の機関に情報照会を行い、住民票関係情報を取得する。"],
        ["②法令上の根拠", PROVISION_ROWS]]
    edits, _ = rewrite_document(open_document(_table_file(tmp_path / f"a{suffix}", rows)), fn)
    assert [e.after for e in edits] == ["第19条第8号に基づく主務省令第2条の表", f"{CITY_ROWS}の項"]
    # a sentence in the inquirer's column is passed over too, to its heading
    rows = [["事務", "情報照会の根拠"], ["住民基本台帳", "照会は行わない。"], ["個人住民税", INQUIRY_ROWS]]
    edits, findings = rewrite_document(open_document(_table_file(tmp_path / f"b{suffix}", rows)), fn)
    assert edits == [] and ("1、2の項", REDERIVE_FAILED) in {(f.text, f.reason) for f in findings}


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
def test_an_empty_label_cell_under_a_list_s_row_continues_that_row_s_label(tmp_path: Path, suffix: str) -> None:
    # 「情報照会の根拠」｜list, then an empty cell｜list (the label not merged down): the second list took the label of
    # the cell right above it, the first list, which writes no criterion, and got the 60 rows derived for the
    # provider given; merged down, the label was its own and it was kept
    fn = functools.partial(mr.rewrite, assume_law=True, rederive=Rederive("市町村長", "住民票関係情報"))
    rows: list[list[str | None]] = [["情報照会の根拠", INQUIRY_ROWS], [None, "番号法別表第二（4の項）"], [None, PROVISION_ROWS]]
    edits, findings = rewrite_document(open_document(_table_file(tmp_path / f"a{suffix}", rows)), fn)
    assert edits == []
    assert [f.text for f in findings if f.reason == REDERIVE_FAILED] == ["1、2の項", "4の項", "27、28の項"]
    # a label whose criterion is read is the continued lists' too, as when it is merged down over them
    label = "情報提供者：都道府県知事、特定個人情報：住民票関係情報"
    for k, merges in enumerate(([], [(0, 0, 1, 0)])):
        rows = [[label, INQUIRY_ROWS], [None, PROVISION_ROWS]]
        edits, findings = rewrite_document(open_document(_table_file(tmp_path / f"b{k}{suffix}", rows, merges)), fn)
        assert edits == [] and ("27、28の項", REDERIVE_FAILED) in {(f.text, f.reason) for f in findings}
    # a heading right above the list (no label to its left) is its label, as before
    rows = [["情報照会の根拠"], [PROVISION_ROWS]]
    edits, findings = rewrite_document(open_document(_table_file(tmp_path / f"c{suffix}", rows)), fn)
    assert edits == [] and ("27、28の項", REDERIVE_FAILED) in {(f.text, f.reason) for f in findings}


OLD_ORDER_REFS = "番号利用法別表第二の主務省令で定める事務及び情報を定める命令（１条２号ハ、２条７号ロ）"
GIVEN_LABEL = "根拠法令"
CRITERION_LABEL = "情報提供者：市町村長、特定個人情報：住民票関係情報"


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
@pytest.mark.parametrize("merged", [False, True])
@pytest.mark.parametrize(("label", "given_too"), [(GIVEN_LABEL, True), (CRITERION_LABEL, False), (CRITERION_LABEL, True)])
def test_lists_sharing_one_label_cell_are_parts_kept_as_written(
    tmp_path: Path, suffix: str, merged: bool, label: str, given_too: bool
) -> None:
    # 「根拠法令」 merged over two rows (or left empty below the first), 「番号利用法別表第二（1、2の項）」 and
    # 「番号利用法別表第二（27の項）」 beside it: the same 60 rows derived from the criterion given (or the label's) were
    # written into both cells.  The label's list is written in two parts, neither of which is the derived list.
    rederive = Rederive("市町村長", "住民票関係情報") if given_too else Rederive()
    fn = functools.partial(mr.rewrite, assume_law=True, rederive=rederive)
    rows: list[list[str | None]] = [[label, "番号利用法別表第二（1、2の項）"], [None, "番号利用法別表第二（27の項）"]]
    path = _table_file(tmp_path / f"a{suffix}", rows, [(0, 0, 1, 0)] if merged else [])
    edits, findings = rewrite_document(open_document(path), fn)
    assert edits == []
    assert REDERIVED not in {f.reason for f in findings}
    failed = [f for f in findings if f.reason == REDERIVE_FAILED]
    assert [f.text for f in failed] == ["1、2の項", "27の項"]
    assert all(f.message.startswith(f"見出しのセル（{label}）の一覧が2つのセルに分けて書かれているため") for f in failed)
    # three rows, the old order's reference lists: each a part too
    rows = [[label, OLD_ORDER_REFS], [None, OLD_ORDER_REFS.replace("２条７号ロ", "３条１号イ")], [None, OLD_ORDER_REFS]]
    path = _table_file(tmp_path / f"b{suffix}", rows, [(0, 0, 2, 0)] if merged else [])
    edits, findings = rewrite_document(open_document(path), fn)
    assert edits == []
    failed = [f for f in findings if f.reason == REDERIVE_FAILED]
    assert len(failed) == 3 and all(f.message.startswith(f"見出しのセル（{label}）の一覧が3つのセルに") for f in failed)
    # a part written as rows after the table (「番号利用法別表第二の27の項」), not in brackets, is a part all the same
    rows = [[label, "番号利用法別表第二（1、2の項）"], [None, "番号利用法別表第二の27の項"]]
    path = _table_file(tmp_path / f"c{suffix}", rows, [(0, 0, 1, 0)] if merged else [])
    edits, findings = rewrite_document(open_document(path), fn)
    assert REDERIVED not in {f.reason for f in findings} and all(CITY_ROWS not in e.after for e in edits)
    failed = [f for f in findings if f.reason == REDERIVE_FAILED]
    assert [f.text for f in failed] == ["1、2の項"] and failed[0].message.startswith(f"見出しのセル（{label}）の一覧が2つのセルに")


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
@pytest.mark.parametrize("merged", [False, True])
def test_a_list_alone_of_its_kind_beside_its_label_is_still_rederived(tmp_path: Path, suffix: str, merged: bool) -> None:
    fn = functools.partial(mr.rewrite, assume_law=True, rederive=Rederive("市町村長", "住民票関係情報"))
    table = "第19条第8号に基づく主務省令第2条の表"
    # the row list and the old order's reference list under one label: each the whole list of its kind
    rows: list[list[str | None]] = [[GIVEN_LABEL, "番号利用法別表第二（1、2の項）"], [None, OLD_ORDER_REFS]]
    path = _table_file(tmp_path / f"a{suffix}", rows, [(0, 0, 1, 0)] if merged else [])
    edits, findings = rewrite_document(open_document(path), fn)
    assert [e.before for e in edits] == ["別表第二", "1、2の項", "別表第二の主務省令で定める事務及び情報を定める命令", "１条２号ハ、２条７号ロ"]
    assert edits[1].after == f"{CITY_ROWS}の項" and edits[3].after.startswith("３条１号ハ、４条１０号ハ・１７号ニ")
    # a row of 別表第一 above the list, or a note below it, shares the label but is no list
    rows = [[GIVEN_LABEL, "番号利用法第9条第1項別表第一の16の項"], [None, "番号利用法別表第二（1、2の項）"],
            [None, "※令和6年5月27日以降は新しい番号"]]
    path = _table_file(tmp_path / f"b{suffix}", rows, [(0, 0, 2, 0)] if merged else [])
    edits, _ = rewrite_document(open_document(path), fn)
    assert [(e.before, e.after) for e in edits] == [("第一", ""), ("16", "24"), ("別表第二", table), ("1、2の項", f"{CITY_ROWS}の項")]
    # a list beside its own label, the next row's list beside another: each alone
    rows = [[CRITERION_LABEL, "番号利用法別表第二（1、2の項）"], ["情報照会の根拠", "番号利用法別表第二（27の項）"]]
    edits, findings = rewrite_document(open_document(_table_file(tmp_path / f"c{suffix}", rows)), fn)
    assert [(e.before, e.after) for e in edits] == [("別表第二", table), ("1、2の項", f"{CITY_ROWS}の項")]
    assert [f.text for f in findings if f.reason == REDERIVE_FAILED] == ["27の項"]


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
@pytest.mark.parametrize("merged", [False, True])
def test_lists_sharing_one_label_are_renumbered_as_usual_without_rederive(tmp_path: Path, suffix: str, merged: bool) -> None:
    rows: list[list[str | None]] = [[GIVEN_LABEL, "番号利用法別表第二（1、2の項）"], [None, "番号利用法別表第二（27の項）"]]
    path = _table_file(tmp_path / f"a{suffix}", rows, [(0, 0, 1, 0)] if merged else [])
    edits, findings = rewrite_document(open_document(path), functools.partial(mr.rewrite, assume_law=True))
    table = "第19条第8号に基づく主務省令第2条の表"
    assert [(e.before, e.after) for e in edits] == [("別表第二", table), ("別表第二", table), ("27", "48")]
    assert findings == []


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
@pytest.mark.parametrize("rows", [
    # one column, a label of its own for each list that writes no criterion
    [["事務A", "番号利用法別表第二（1、2の項）"], ["事務B", "番号利用法別表第二（5の項）"]],
    # two lists beside one label, side by side in its row
    [["根拠法令", "番号利用法別表第二（1、2の項）", "番号利用法別表第二（27の項）"]],
    # a row written right after the table in the other cell
    [["事務A", "番号利用法別表第二（1、2の項）"], ["事務B", "番号利用法別表第二の5の項"]],
])
def test_lists_of_one_table_under_the_criterion_given_are_kept_as_in_text(
    tmp_path: Path, suffix: str, rows: list[list[str | None]]
) -> None:
    # 「事務A」｜「番号利用法別表第二（1、2の項）」, 「事務B」｜「番号利用法別表第二（5の項）」: each cell got the whole list derived
    # for the criterion given (the same 60 rows twice), while the same rows as tab-separated text were kept
    fn = functools.partial(mr.rewrite, assume_law=True, rederive=Rederive("市町村長", "住民票関係情報"))
    edits, findings = rewrite_document(open_document(_table_file(tmp_path / f"a{suffix}", rows)), fn)
    assert REDERIVED not in {f.reason for f in findings} and all(CITY_ROWS not in e.after for e in edits)
    failed = [f for f in findings if f.reason == REDERIVE_FAILED]
    assert len(failed) == (1 if "の5の項" in rows[-1][-1] else 2)  # (a row after the table is no list: it is counted)
    assert all(f.message.startswith("表のほかのセルにも、条件を書かない同じ種類の一覧があるため") for f in failed)
    text = mr.rewrite("\n".join("\t".join(cell or "" for cell in row) for row in rows), assume_law=True,
                      rederive=Rederive("市町村長", "住民票関係情報"))
    assert CITY_ROWS not in text.text


@pytest.mark.parametrize("suffix", [".docx", ".xlsx", ".br.docx"])
def test_two_lists_in_one_cell_split_by_an_empty_paragraph_are_kept(tmp_path: Path, suffix: str) -> None:
    # 「番号利用法別表第二（1、2の項）」, an empty paragraph, 「番号利用法別表第二（5の項）」 in one cell: each list was given the
    # whole list derived for the criterion given (the 60 rows twice), as two paragraphs of text split by a blank line are
    # (a cell is one passage: its lists are parts of one list)
    fn = functools.partial(mr.rewrite, assume_law=True, rederive=Rederive("市町村長", "住民票関係情報"))
    cell = "番号利用法別表第二（1、2の項）\n\n番号利用法別表第二（5の項）"
    path = tmp_path / f"a{suffix}"
    if suffix == ".docx":  # three paragraphs, the second empty
        d = docx.Document()
        target = d.add_table(rows=1, cols=2).cell(0, 1)
        target.paragraphs[0].text = cell.split("\n")[0]
        target.add_paragraph("")
        target.add_paragraph(cell.split("\n")[-1])
        d.tables[0].cell(0, 0).text = "事務"
        d.save(str(path))
    else:  # an Excel cell's line breaks, a Word cell's line breaks in one paragraph
        _table_file(path, [["事務", cell]])
    edits, findings = rewrite_document(open_document(path), fn)
    assert edits == []
    failed = [f for f in findings if f.reason == REDERIVE_FAILED]
    assert [f.text for f in failed] == ["1、2の項", "5の項"]
    assert all(f.message.startswith("同じ段落（セル）に、同じ条件（第三欄「市町村長」・第四欄「住民票関係情報」）の同じ表（命令）の一覧・項が2つある")
               for f in failed)
    # one list in the cell, an empty paragraph and a note after it: derived as before
    one = tmp_path / f"b{suffix.replace('.br', '')}"
    _table_file(one, [["事務", "番号利用法別表第二（1、2の項）\n\n※情報提供の根拠"]])
    edits, _ = rewrite_document(open_document(one), fn)
    assert [e.after for e in edits] == ["第19条第8号に基づく主務省令第2条の表", f"{CITY_ROWS}の項"]


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
def test_a_list_under_the_criterion_given_is_still_derived_beside_lists_of_other_criteria(tmp_path: Path, suffix: str) -> None:
    fn = functools.partial(mr.rewrite, assume_law=True, rederive=Rederive("市町村長", "住民票関係情報"))
    # beside a label writing its own criterion, under the inquirer's column, or past an empty row (a blank line in text)
    for k, rows in enumerate((
        [[CRITERION_LABEL.replace("住民票関係情報", "地方税関係情報"), "番号利用法別表第二（1、2の項）"],
         [GIVEN_LABEL, "番号利用法別表第二（27の項）"]],
        [["事務", "情報照会の根拠", "情報提供の根拠"], ["住民基本台帳", INQUIRY_ROWS, PROVISION_ROWS]],
        [["事務A", "番号利用法別表第二（1、2の項）"], [None, None], ["事務B", "番号利用法別表第二（27の項）"]],
    )):
        edits, findings = rewrite_document(open_document(_table_file(tmp_path / f"a{k}{suffix}", rows)), fn)
        derived = [e for e in edits if CITY_ROWS in e.after]
        assert [e.before for e in derived] == (["1、2の項", "27の項"] if k == 2 else ["27、28の項" if k == 1 else "27の項"]), k


_LIST_CELLS = {
    "rows": "番号利用法別表第二（1、2の項）", "rows2": "番号利用法別表第二（27、28の項）", "refs": OLD_ORDER_REFS,
    "beppyo1": "番号利用法第9条第1項別表第一の16の項", "note": "※番号は令和6年5月27日以降のもの", "empty": None,
}


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from([GIVEN_LABEL, CRITERION_LABEL, "②法令上の根拠"]),
    st.lists(st.sampled_from(sorted(_LIST_CELLS)), min_size=1, max_size=4),
    st.booleans(),
    st.sampled_from([".docx", ".xlsx"]),
)
def test_no_two_cells_of_one_label_get_the_derived_list(label: str, cells: list[str], merged: bool, suffix: str) -> None:
    # the derived list is written into a cell of the label only when no other cell of it holds a list of its kind
    import tempfile

    if not merged and "empty" in cells:  # (the rows below an empty cell left of nothing are not the label's)
        cells = cells[: cells.index("empty") + 1]
    rows: list[list[str | None]] = [[label, _LIST_CELLS["rows"]]] + [[None, _LIST_CELLS[k]] for k in cells]
    kinds = ["rows"] + [k[:4] for k in cells]
    fn = functools.partial(mr.rewrite, assume_law=True, rederive=Rederive("市町村長", "住民票関係情報"))
    with tempfile.TemporaryDirectory() as tmp:
        path = _table_file(Path(tmp) / f"a{suffix}", rows, [(0, 0, len(rows) - 1, 0)] if merged else [])
        edits, findings = rewrite_document(open_document(path), fn)
    written: dict[str, list[str]] = {}
    for e in edits:
        if CITY_ROWS in e.after:
            written.setdefault("rows", []).append(e.location)
        if e.after.startswith("３条１号ハ、４条１０号ハ"):
            written.setdefault("refs", []).append(e.location)
    for kind in ("rows", "refs"):
        assert len(written.get(kind, [])) == (1 if kinds.count(kind) == 1 else 0), (kind, written)


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from([("市町村長", "住民票関係情報"), ("市町村長", "地方税関係情報"), ("市町村長", "児童手当関係情報"),
                     ("都道府県知事", "障害者関係情報"), ("日本年金機構", "年金給付関係情報"), ("医療保険者", "医療保険給付関係情報"),
                     ("都道府県知事等", "生活保護関係情報")]),
    st.sampled_from([None, datetime.date(2024, 5, 27), datetime.date(2024, 12, 1), datetime.date(2025, 4, 1)]),
    st.lists(st.integers(1, 120), min_size=1, max_size=8, unique=True),
    st.sampled_from(["別表第二", "第19条第8号に基づく主務省令第2条の表"]),
)
def test_a_rederived_row_list_is_the_law_s_and_stays(
    criterion: tuple[str, str], as_of: datetime.date | None, old: list[int], table: str
) -> None:
    # the criterion written before a hand-made list of another city (old rows, or rows of the new table): the
    # rederived list compares equal to the law's on the date asked, and a second run changes nothing
    provider, information = criterion
    rows = "、".join(str(n) for n in sorted(old))
    text = (f"番号利用法{table}（情報提供の根拠）\n：第三欄（情報提供者）が「{provider}」の項のうち、"
            f"第四欄（特定個人情報）に「{information}」が含まれる項（{rows}の項）")
    fn = functools.partial(mr.rewrite, assume_law=True, rederive=Rederive(as_of=as_of), accept_inferred=True)
    first = fn(text)
    assert REDERIVED in {f.reason for f in first.findings}
    assert fn(first.text).text == first.text
    derived = mr.derive_lists(provider, information, as_of=as_of)
    (lc,) = [lc for lc in mr.compare_document(first.text, derived).lists if lc.kind == "table_rows"]
    assert lc.status == "compared" and not lc.differs and lc.matched == len(derived.rows)

"""compare_document on the seed: the city's 2024-05-27 lists against the 2025-04-01 text.

Expected values: the seed's own lists and shared/lawdata/new_order_juminhyo_check.md (60/60 rows;
152 city references, 153 in the 2025 text, 150 the same; 157条1号ト・7号ト before the insertion of
第157条第1–4号 by 令和6年デジタル庁・総務省令第20号; 50条5号 not in the city's list).
"""

from __future__ import annotations

import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from mynumber_refs.compare import LIST_PARAGRAPH_IMPLIED, compare_document, format_comparison
from mynumber_refs.derive import derive_lists
from mynumber_refs.reflists import (
    LIST_COMMA_IN_GROUP,
    LIST_TYPO_ARTICLE,
    LIST_TYPO_LETTER,
    Reference,
    read_reference_list,
    render_reference_list,
)

AMENDMENT = "令和6年デジタル庁・総務省令第20号"


def _lists(seed_text: str, as_of: datetime.date | None = None):  # type: ignore[no-untyped-def]
    return compare_document(seed_text, derive_lists("市町村長", "住民票関係情報", as_of=as_of))


def test_the_new_order_list_152_against_153(seed_text: str) -> None:
    cmp = _lists(seed_text)
    (refs,) = [lc for lc in cmp.lists if lc.kind == "order_refs" and lc.status == "compared"]
    assert seed_text[refs.start] == "（" and seed_text.count("番号利用表第１９条第８号に基づく主務省令", 0, refs.start) == 1
    assert (refs.document_count, refs.law_count, refs.matched) == (152, 153, 150)
    missing = {d.value: d.explanation for d in refs.missing}
    extra = {d.value: d.explanation for d in refs.extra}
    assert set(missing) == {Reference.of(50, None, 5), Reference.of(157, None, 5, "ト"), Reference.of(157, None, 11, "ト")}
    assert set(extra) == {Reference.of(157, None, 1, "ト"), Reference.of(157, None, 7, "ト")}
    assert missing[Reference.of(50, None, 5)] == ""  # nothing known explains it
    for ref in (Reference.of(157, None, 5, "ト"), Reference.of(157, None, 11, "ト")):
        assert AMENDMENT in missing[ref]
    assert "157条5号ト" in extra[Reference.of(157, None, 1, "ト")] and AMENDMENT in extra[Reference.of(157, None, 1, "ト")]
    assert "157条11号ト" in extra[Reference.of(157, None, 7, "ト")]
    assert cmp.differs


def test_as_of_2024_05_27_only_50_5_is_missing(seed_text: str) -> None:
    cmp = _lists(seed_text, datetime.date(2024, 5, 27))
    (refs,) = [lc for lc in cmp.lists if lc.kind == "order_refs" and lc.status == "compared"]
    assert (refs.document_count, refs.matched) == (152, 152)
    assert [d.value for d in refs.missing] == [Reference.of(50, None, 5)] and not refs.extra


def test_the_typos_are_findings_with_their_place(seed_text: str) -> None:
    cmp = _lists(seed_text)
    (refs,) = [lc for lc in cmp.lists if lc.kind == "order_refs" and lc.status == "compared"]
    codes = [f.code for f in refs.findings]
    assert codes.count(LIST_TYPO_ARTICLE) == 1 and codes.count(LIST_TYPO_LETTER) == 4
    assert codes.count(LIST_COMMA_IN_GROUP) == 1
    # 「６０条１号ロ・２号ホ・２項…」: the two 号 before 「２項」 are read as 第1項, and reported
    implied = [f for f in refs.findings if f.code == LIST_PARAGRAPH_IMPLIED]
    assert [f.read_as for f in implied] == ["６０条１項１号ロ", "６０条１項２号ホ"]
    for f in refs.findings:
        assert refs.start <= f.start < f.end <= refs.end


def test_row_lists_new_compared_old_skipped(seed_text: str) -> None:
    cmp = _lists(seed_text)
    rows = [lc for lc in cmp.lists if lc.kind == "table_rows"]
    compared = [lc for lc in rows if lc.status == "compared"]
    skipped = [lc for lc in rows if lc.status == "skipped"]
    assert len(compared) == 1 and (compared[0].document_count, compared[0].matched) == (60, 60)
    assert not compared[0].differs
    assert "直前に引用された表" in compared[0].reason  # its table is across a blank line: said so
    assert len(skipped) == 1 and "別表第二" in skipped[0].reason and skipped[0].document_count == 59
    old_refs = [lc for lc in cmp.lists if lc.kind == "order_refs" and lc.status == "skipped"]
    assert len(old_refs) == 1 and "平成26年内閣府・総務省令第7号" in old_refs[0].reason


def test_a_list_of_another_criterion_is_not_compared() -> None:
    text = (
        "番号利用法第19条第8号に基づく主務省令第2条の表\n"
        "第三欄（情報提供者）が「市町村長」の項のうち、第四欄に「地方税関係情報」が含まれる項（1、2の項）"
    )
    cmp = compare_document(text, derive_lists("市町村長", "住民票関係情報"))
    (lc,) = cmp.lists
    assert lc.status == "skipped" and "地方税関係情報" in lc.reason + lc.criterion
    assert not cmp.differs


def test_a_row_list_that_differs_names_the_rows() -> None:
    d = derive_lists("市町村長", "住民票関係情報")
    rows = list(d.table_rows)
    written = "、".join(str(r) for r in rows[1:]) + "、4の項"  # row 1 left out, row 4 added
    text = f"番号利用法第19条第8号に基づく主務省令第2条の表（{written}）"
    (lc,) = compare_document(text, d).lists
    assert lc.status == "compared"
    assert [x.value for x in lc.missing] == [rows[0]] and [x.value for x in lc.extra] == [4]


def test_report_text(seed_text: str) -> None:
    out = format_comparison(_lists(seed_text), "seed.txt")
    assert "５０条５号" in out and "１５７条１号ト" in out
    assert "seed.txt:" in out and "list-article-as-item" in out


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="番号利用法第19条第8号に基づく主務省令別表第二の表欄三四「市町村長」住民票関係情報が含まれる項うち（）、・ \n12３４号ハヘへ", max_size=120))
def test_comparing_any_text_never_raises(text: str) -> None:
    cmp = compare_document(text, _DERIVED)
    for lc in cmp.lists:
        assert 0 <= lc.start <= lc.end <= len(text)
    format_comparison(cmp)


_DERIVED = derive_lists("市町村長", "住民票関係情報")


def test_a_reference_list_of_the_inquirer_is_not_compared_with_the_provider() -> None:
    text = "・番号利用法第19条第8号に基づく主務省令\n（表における情報照会の根拠）\n：（３条１号ハ、４条１０号ハ）"
    cmp = compare_document(text, derive_lists("市町村長", "住民票関係情報"))
    (lc,) = cmp.lists
    assert lc.status == "skipped" and "情報照会" in lc.reason and not cmp.differs


def test_a_row_list_whose_criterion_stands_before_its_table_is_not_compared() -> None:
    text = "情報照会の根拠：番号利用法第19条第8号に基づく主務省令第2条の表（1、2、3の項）"
    cmp = compare_document(text, derive_lists("市町村長", "住民票関係情報"))
    (lc,) = cmp.lists
    assert lc.status == "skipped" and "情報照会" in lc.reason and not cmp.differs


def test_a_row_list_whose_table_a_criterion_qualifies_is_compared_under_it() -> None:
    # 「第三欄…が「市町村長」の項のうち、第四欄…に「住民票関係情報」が含まれる＋表の項（…）」 was skipped as another criterion
    d = derive_lists("市町村長", "住民票関係情報")
    written = "、".join(str(r) for r in d.table_rows[1:])  # row 1 left out
    table = "番号利用法第19条第8号に基づく主務省令第2条の表"
    both = "第三欄（情報提供者）が「市町村長」の項のうち、第四欄（特定個人情報）に「住民票関係情報」が含まれる"
    (lc,) = compare_document(f"{both}{table}の項（{written}の項）", d).lists
    assert (lc.status, lc.criterion) == ("compared", both)
    assert [x.value for x in lc.missing] == [d.table_rows[0]] and not lc.extra
    # the provider alone: another criterion, not compared
    (lc,) = compare_document(f"第三欄（情報提供者）が「都道府県知事」である{table}の項（{written}の項）", d).lists
    assert lc.status == "skipped" and lc.criterion == "第三欄（情報提供者）が「都道府県知事」である"


def test_a_list_under_the_inquirer_s_column_heading_is_not_compared() -> None:
    # tab-separated rows under 「情報照会の根拠」｜「情報提供の根拠」 (「照会」｜「提供」): the inquirer's lists were compared
    # with the provider's rows and references
    table = "番号利用法第19条第8号に基づく主務省令第2条の表（1、2の項）"
    order = "番号利用法第19条第8号に基づく主務省令（３条１号ハ、４条１０号ハ）"
    for heading, cell in (("情報照会の根拠\t情報提供の根拠", table), ("照会\t提供", order)):
        text = f"{heading}\n{cell}\t{cell}\n"
        first, second = compare_document(text, _DERIVED).lists
        assert first.status == "skipped" and heading.split("\t")[0] in first.reason
        assert second.status == "compared"


def test_a_list_under_a_heading_naming_both_sides_is_not_compared() -> None:
    # 「情報照会・情報提供の根拠」 was read by its last side: the list under it was compared with the provider's rows
    table = "番号利用法第19条第8号に基づく主務省令第2条の表（1、2の項）"
    order = "番号利用法第19条第8号に基づく主務省令（３条１号ハ、４条１０号ハ）"
    for text in (f"事務\t情報照会・情報提供の根拠\n住民基本台帳\t{table}\n", f"事務\t照会・提供\n住民基本台帳\t{order}\n",
                 f"情報照会・情報提供の根拠：{table}"):
        cmp = compare_document(text, _DERIVED)
        (lc,) = cmp.lists
        assert lc.status == "skipped" and "照会・" in lc.reason and not cmp.differs, text


def test_a_reference_list_read_in_part_is_not_compared() -> None:
    # 「２条７号・ニ」 was read up to 2条7号 and the list compared as if it ended there
    title = "番号利用法第19条第8号に基づく主務省令"
    (lc,) = compare_document(f"{title}（３条１号ハ、４条１０号・ニ）", _DERIVED).lists
    assert lc.status == "skipped" and "読めない" in lc.reason and not lc.missing and not lc.extra
    # the law's own 第, letters listed and ranges are read whole and compared
    (lc,) = compare_document(f"{title}（第３条第１号ハ、４条１０号ハ～ニ）", _DERIVED).lists
    assert lc.status == "compared" and lc.document_count == 3  # 3条1号ハ, 4条10号ハ, 4条10号ニ


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["３条", "第", "１号", "１０号", "ハ", "ニ", "・", "、", "～", "及び", "から", "まで", "項", "２"]),
                max_size=10).map("".join))
def test_a_compared_reference_list_was_read_to_its_end(inside: str) -> None:
    text = f"番号利用法第19条第8号に基づく主務省令（３条{inside}）"
    for lc in compare_document(text, _DERIVED).lists:
        if lc.kind == "order_refs" and lc.status == "compared":
            read = read_reference_list(text, lc.start)
            assert read is not None and read.complete and text[read.end - 1] == "）"


def test_a_reference_list_right_after_the_new_order_s_number_is_compared() -> None:
    # the list after the number alone (no title) was not found; the number is the new order's only
    for text in ("令和６年デジタル庁・総務省令第９号（３条１号ハ、４条１０号ハ）",
                 "主務省令（令和６年デジタル庁・総務省令第９号）（３条１号ハ、４条１０号ハ）"):
        (lc,) = compare_document(text, _DERIVED).lists
        assert lc.status == "compared" and (lc.document_count, lc.matched) == (2, 2), text
    # another year's or number's order, or words between: no list of the new order
    for text in ("令和５年デジタル庁・総務省令第９号（３条１号ハ）", "令和６年デジタル庁・総務省令第９０号（３条１号ハ）",
                 "令和６年デジタル庁・総務省令第９号による改正（３条１号ハ）"):
        assert compare_document(text, _DERIVED).lists == (), text


_TITLE = "番号利用法第19条第8号に基づく利用特定個人情報の提供に関する命令\n（表における情報提供の根拠）\n："


def test_references_the_law_s_articles_do_not_name_are_not_called_extra() -> None:
    # 地方税関係情報 is defined for 第2条 only: no reference of any article can be derived from it, and every one the
    # document lists was reported 「文書にあり法令にない」
    text = f"{_TITLE}（３条１号ハ、４条１０号ハ・１７号ニ）"
    (lc,) = compare_document(text, derive_lists("市町村長", "地方税関係情報")).lists
    assert lc.status == "skipped" and not lc.extra and not lc.missing
    assert "term-not-in-articles" not in lc.reason and "「地方税関係情報」は第2条の表だけで定義された語" in lc.reason
    # row 109 (第111条) gives 年金給付関係情報 but no 号 of 第111条 names it: 111条1号ロ (厚生年金保険法による年金である
    # 給付) is neither extra nor missing; 3条3号イ (第3条 has no 第3号) still is
    text = f"{_TITLE}（３条３号イ、１１１条１号ロ）"
    (lc,) = compare_document(text, derive_lists("日本年金機構", "年金給付関係情報")).lists
    assert lc.status == "compared"
    assert [d.label for d in lc.extra] == ["3条3号イ"]
    assert not any(d.value.article.main == 111 for d in lc.missing)
    assert lc.reason.startswith("第111条の号は法令から導けないため比べていません")


@settings(max_examples=60, deadline=None)
@given(st.sampled_from([("市町村長", "住民票関係情報"), ("日本年金機構", "年金給付関係情報"), ("厚生労働大臣", "年金給付関係情報")]),
       st.sampled_from([None, datetime.date(2024, 5, 27), datetime.date(2024, 12, 1)]), st.booleans())
def test_the_derived_reference_list_written_out_compares_equal(
    criterion: tuple[str, str], as_of: datetime.date | None, via: bool
) -> None:
    derived = derive_lists(*criterion, as_of=as_of, include_via=via)
    (lc,) = compare_document(f"{_TITLE}（{render_reference_list(derived.order_refs)}）", derived).lists
    assert lc.status == "compared" and not lc.differs and lc.matched == len(derived.references)

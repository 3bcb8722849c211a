"""derive_lists against the seed: the city re-derived its lists from the new order on 2024-05-27.

The expected values come from the seed document (the city's own lists) and from the law data's
check of it (``shared/lawdata/new_order_juminhyo_check.md``: 60/60 rows; 150 of 152 references
exactly, 157条1号ト・7号ト moved by 令和6年デジタル庁・総務省令第20号, 50条5号 not listed by the city).
"""

from __future__ import annotations

import csv
import datetime
from pathlib import Path

import pytest

from mynumber_refs.derive import (
    CARRIED,
    ESTABLISHED,
    INFERRED,
    UNVERIFIED,
    DeriveError,
    derive_lists,
    format_lists,
    load_order_content,
)
from mynumber_refs.parse import parse_citation
from mynumber_refs.reflists import Reference, read_reference_list

PROVIDER, INFORMATION = "市町村長", "住民票関係情報"
REPO = Path(__file__).resolve().parent.parent


def _city_rows(seed_text: str) -> list[int]:
    """The 60 rows of the city's 変更後 list (「（表における情報提供の根拠）…（１、２、３、５…の項）」)."""
    head = seed_text.index("（表における情報提供の根拠）")
    start = seed_text.index("項（", head) + 1
    end = seed_text.index("の項）", start) + len("の項）")
    return [r.main for r in parse_citation(seed_text[start:end]).rows]


def _city_refs(seed_text: str) -> tuple[list[Reference], object]:
    """The city's new-order list after 「番号利用表第１９条第８号に基づく主務省令」, its 60条 refs in 第1項
    where no 項 is written (as the city's list goes on with 「２項１号ロ」)."""
    title = seed_text.index("番号利用表第１９条第８号に基づく主務省令")
    start = seed_text.index("：（", title) + 1
    read = read_reference_list(seed_text, start)
    assert read is not None and read.complete
    refs = [r if r.article.main != 60 or r.paragraph else Reference(r.article, 1, r.item, r.letter)
            for r, _s, _e in read.references]
    return refs, read


def test_the_seed_has_the_lists_the_check_describes(seed_text: str) -> None:
    rows = _city_rows(seed_text)
    refs, _read = _city_refs(seed_text)
    assert len(rows) == 60 and len(set(rows)) == 60
    assert len(refs) == 152 and len(set(refs)) == 152


def test_the_city_rows_come_out_exactly(seed_text: str) -> None:
    d = derive_lists(PROVIDER, INFORMATION)
    assert list(d.table_rows) == _city_rows(seed_text)
    assert all(r.confidence == ESTABLISHED and r.evidence for r in d.rows)
    # the evidence names the table's cells and the source line
    assert any("第三欄「市町村長」" in e and "new_rei2_table_columns34" in e for e in d.rows[0].evidence)


def test_the_2025_text_gives_150_of_the_city_references_and_three_more(seed_text: str) -> None:
    d = derive_lists(PROVIDER, INFORMATION)
    city = set(_city_refs(seed_text)[0])
    law = set(d.order_refs)
    assert len(law) == 153
    assert len(city & law) == 150
    assert city - law == {Reference.of(157, None, 1, "ト"), Reference.of(157, None, 7, "ト")}
    assert law - city == {Reference.of(157, None, 5, "ト"), Reference.of(157, None, 11, "ト"), Reference.of(50, None, 5)}


def test_as_of_2024_05_27_gives_all_152_city_references(seed_text: str) -> None:
    d = derive_lists(PROVIDER, INFORMATION, as_of=datetime.date(2024, 5, 27))
    city = set(_city_refs(seed_text)[0])
    law = {r.reference: r for r in d.references}
    assert city <= set(law)
    assert set(law) - city == {Reference.of(50, None, 5)}
    # 157条 moved back: inferred, with the amendment as evidence
    for ref in (Reference.of(157, None, 1, "ト"), Reference.of(157, None, 7, "ト")):
        assert law[ref].confidence == INFERRED
        assert any("令和6年デジタル庁・総務省令第20号" in e for e in law[ref].evidence)
    # articles amended since in other ways are not established for that date
    for ref in (Reference.of(3, None, 1, "ハ"), Reference.of(112, None, 1, "ロ"), Reference.of(114, None, 1, "ハ")):
        assert law[ref].confidence == UNVERIFIED
    assert law[Reference.of(4, None, 10, "ハ")].confidence == CARRIED
    assert not any(r.confidence == ESTABLISHED for r in d.references)
    codes = {n.code for n in d.notes}
    assert {"text-later-than-date", "amendment-content-unknown", "renumbered-back", "changed-after-date"} <= codes
    assert {r.row for r in d.rows if r.confidence == UNVERIFIED} == {110, 112, 155}


def test_a_date_before_the_order_is_refused_and_later_dates_say_what_the_data_holds() -> None:
    with pytest.raises(DeriveError, match="2024-05-27"):
        derive_lists(PROVIDER, INFORMATION, as_of=datetime.date(2024, 5, 26))
    on_text = derive_lists(PROVIDER, INFORMATION, as_of=datetime.date(2025, 4, 1))
    assert all(r.confidence == ESTABLISHED for r in on_text.references) and not on_text.notes
    later = derive_lists(PROVIDER, INFORMATION, as_of=datetime.date(2026, 1, 1))
    assert [n.code for n in later.notes] == ["date-after-text"]
    # the data cannot tell whether the order was amended after its text: nothing on a later date is established
    assert (later.table_rows, later.order_refs) == (on_text.table_rows, on_text.order_refs)
    assert {r.confidence for r in (*later.rows, *later.references)} == {UNVERIFIED}
    assert "2026-01-01時点の一覧は未確認（unverified）" in later.notes[0].message


def test_inserted_items_are_not_in_force_before_the_amendment() -> None:
    # 第157条第1号–第4号 (妊婦支援給付金, 公金口座) came in on 2025-04-01
    now = derive_lists("内閣総理大臣", "公的給付支給等口座登録簿関係情報")
    before = derive_lists("内閣総理大臣", "公的給付支給等口座登録簿関係情報", as_of=datetime.date(2025, 3, 31))
    inserted = [r for r in now.order_refs if r.article.main == 157 and r.item is not None and r.item.main <= 4]
    assert inserted
    assert not [r for r in before.references if r.reference.article.main == 157 and r.confidence != INFERRED]
    dropped = {n.subject for n in before.notes if n.code == "not-yet-in-force"}
    assert dropped == {r.label() for r in inserted}


def test_any_provider_and_category_of_the_table() -> None:
    counts = {}
    with (REPO / "mappings" / "new_order" / "categories.csv").open(encoding="utf-8-sig") as fh:
        for row in csv.DictReader(fh):
            counts.setdefault(row["category"], row["rows_in_table"])
    d = derive_lists("内閣総理大臣", "公的給付支給等口座登録簿関係情報")
    assert len(d.rows) == int(counts["公的給付支給等口座登録簿関係情報"])
    assert Reference.of(83, None, "2の2") in d.order_refs  # a branch 号
    assert set(d.order_refs) <= load_order_content().references


def test_a_category_the_articles_do_not_use_gives_rows_and_says_why_no_references() -> None:
    d = derive_lists(PROVIDER, "地方税関係情報")
    assert d.rows and not d.references
    assert [n.code for n in d.notes] == ["term-not-in-articles"]


def test_a_provider_named_among_alternatives_is_found_and_said_so() -> None:
    content = load_order_content()
    # a cell 「都道府県知事又は市町村長」 whose category no cell of 市町村長 alone gives in the same row
    cells = [
        (c, cat) for c in content.cells if c.provider == "都道府県知事又は市町村長" for cat in c.categories
        if not any(o.row == c.row and o.provider == PROVIDER and cat in o.categories for o in content.cells)
    ]
    assert cells
    cell, category = cells[0]
    d = derive_lists(PROVIDER, category)
    assert cell.row in d.table_rows
    assert any(n.code == "provider-among-alternatives" and n.subject == str(cell.row) for n in d.notes)
    assert cell.row in derive_lists("都道府県知事", category).table_rows  # the other alternative, too


def test_unknown_provider_or_category_is_an_error_naming_what_exists() -> None:
    with pytest.raises(DeriveError, match="市町村長"):
        derive_lists("市町村", INFORMATION)
    with pytest.raises(DeriveError, match="住民票関係情報"):
        derive_lists(PROVIDER, "住民票")
    with pytest.raises(DeriveError, match="第3条以下"):
        derive_lists(PROVIDER, "生活保護実施関係情報")


def test_via_adds_the_items_that_take_the_information_over() -> None:
    direct = derive_lists(PROVIDER, INFORMATION)
    with_via = derive_lists(PROVIDER, INFORMATION, include_via=True)
    via = [r for r in with_via.references if r.via is not None]
    # the law data's check counts 31 such 号 (22条5号, 55条2–11号, 78条2–10号, 126条2号, 157条6–9・12–16号, 165条2号)
    assert len(via) == 31
    assert {r.reference for r in with_via.references if r.via is None} == set(direct.order_refs)
    assert all(r.via in set(direct.order_refs) and r.via.article == r.reference.article for r in via)
    assert {r.reference.article.main for r in via} == {22, 55, 78, 126, 157, 165}


def test_plain_output_is_in_the_pia_style() -> None:
    out = format_lists(derive_lists(PROVIDER, INFORMATION))
    assert "（１、２、３、５、７、" in out and "の項）" in out
    assert "（３条１号ハ、４条１０号ハ・１７号ニ・" in out
    assert "６０条１項１号ロ・２号ホ・２項１号ロ" in out


def test_json_shape() -> None:
    j = derive_lists(PROVIDER, INFORMATION).to_json()
    assert j["table_rows"][:3] == ["1", "2", "3"]
    assert j["order_refs"][0] == {"article": "3", "paragraph": "", "item": "1", "letter": "ハ"}
    assert {"article": "60", "paragraph": "2", "item": "1", "letter": "ロ"} in j["order_refs"]
    assert {"article": "7", "paragraph": "", "item": "3", "letter": ""} in j["order_refs"]
    assert all(isinstance(v, str) for r in j["order_refs"] for v in r.values())
    assert len(j["order_refs_detail"]) == len(j["order_refs"])


def test_a_row_where_another_provider_gives_the_same_information_lists_no_references() -> None:
    import attrs

    content = load_order_content()
    first = next(c for c in content.cells if c.row == 1)
    other = attrs.evolve(first, cell=99, provider="法務大臣", categories=(INFORMATION,))
    shared = attrs.evolve(content, cells=(*content.cells, other))
    d = derive_lists(PROVIDER, INFORMATION, content=shared)
    assert 1 in d.table_rows  # 市町村長 still provides it in row 1
    assert not [r for r in d.order_refs if r.article.main == 3]  # but 第3条 does not say whose 号 are whose
    assert [n.subject for n in d.notes if n.code == "provider-shared"] == ["1"]

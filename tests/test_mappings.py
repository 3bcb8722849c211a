"""Tests of mynumber_refs.mappings against the shipped mappings/ and against synthetic data."""

from __future__ import annotations

import csv
import datetime
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mynumber_refs import rewrite
from mynumber_refs.mappings import (
    Confidence,
    MappingError,
    MappingRow,
    MappingSet,
    Relation,
    Transition,
    compose_all,
    default_mappings,
    format_summary,
    load_mappings,
)
from mynumber_refs.model import RowNumber, Table

REPO = Path(__file__).resolve().parent.parent
MAPPINGS = REPO / "mappings"
R = RowNumber.parse
EST, INF = Confidence.ESTABLISHED, Confidence.INFERRED


@pytest.fixture(scope="module")
def mset() -> MappingSet:
    return load_mappings()


# ---------------------------------------------------------------------------------------------
# The seed document: shared/seed/000_4065d9e9fd87d1d5.txt (熊谷市 PIA, 別添2「変更箇所」)
# ---------------------------------------------------------------------------------------------

# The 31 distinct pairs 「番号利用法第9条第1項 別表第一のNの項」 → 「番号利用法第9条第1項 別表のMの項」
# of the rows dated 令和6年5月27日 (seed lines 242–429, 546–856 and 1040–1108; 16→24 occurs five
# times and 8→9 twice).
SEED_BEPPYO1_PAIRS = [
    ("16", "24"), ("15", "23"), ("12", "21"), ("14", "22"), ("9", "10"), ("10", "14"), ("8", "9"),
    ("59", "85"), ("63", "95"), ("53", "74"), ("56", "81"), ("49", "70"), ("50", "71"), ("47", "67"),
    ("48", "68"), ("45", "65"), ("46", "66"), ("43", "63"), ("44", "64"), ("40", "60"), ("41", "61"),
    ("36の2", "55"), ("37", "56"), ("30", "44"), ("31", "46"), ("68", "100"), ("94", "127"),
    ("95", "128"), ("83", "116"), ("84", "117"), ("69", "104"),
]  # fmt: skip

# The seed's list of 59 old 別表第二 rows (seed lines 904–911: 「…住民票関係情報」が含まれる項（１、２、
# ３、４、６、８…１２０の項）」, before the change).
SEED_OLD_LIST = [
    "1", "2", "3", "4", "6", "8", "9", "11", "16", "18", "20", "21", "23", "27", "30", "31", "34",
    "35", "37", "38", "39", "40", "42", "48", "53", "54", "57", "58", "59", "61", "62", "66", "67",
    "70", "74", "77", "80", "84", "85の2", "89", "91", "92", "94", "96", "97", "101", "102", "103",
    "105", "106", "107", "108", "111", "112", "113", "114", "116", "117", "120",
]  # fmt: skip

# The city's own list of 60 rows of the new 第2条の表 (seed lines 926–934, after the change).
SEED_NEW_LIST = {
    1, 2, 3, 5, 7, 11, 13, 15, 20, 28, 37, 39, 48, 53, 57, 58, 59, 63, 65, 66, 69, 73, 75, 76, 81, 83,
    84, 86, 87, 91, 92, 96, 106, 108, 110, 112, 115, 118, 124, 129, 130, 132, 136, 137, 138, 141, 142,
    144, 149, 150, 151, 152, 155, 156, 158, 160, 163, 164, 165, 166,
}  # fmt: skip


def test_seed_lists_have_the_documented_sizes() -> None:
    assert len(SEED_BEPPYO1_PAIRS) == len({p[0] for p in SEED_BEPPYO1_PAIRS}) == 31
    assert len(SEED_OLD_LIST) == len(set(SEED_OLD_LIST)) == 59
    assert len(SEED_NEW_LIST) == 60


@pytest.mark.parametrize(("old", "new"), SEED_BEPPYO1_PAIRS)
def test_seed_beppyo1_pairs_hold_established(mset: MappingSet, old: str, new: str) -> None:
    outcome = mset.map_row(Table.BEPPYO1, R(old))
    assert outcome is not None
    assert outcome.new == (new,)
    assert outcome.new_rows == (R(new),)
    assert outcome.relation is Relation.RENUMBERED
    assert outcome.confidence is EST
    assert "seed-document" in outcome.rows[0].evidence


def test_seed_beppyo2_list(mset: MappingSet) -> None:
    landed, deleted, other = [], [], {}
    for old in SEED_OLD_LIST:
        o = mset.map_row(Table.BEPPYO2, R(old))
        assert o is not None, old
        if o.relation is Relation.DELETED:
            deleted.append((old, o.confidence))
        elif o.confidence is EST and len(o.new) == 1 and int(o.new[0]) in SEED_NEW_LIST:
            landed.append(old)
        else:
            other[old] = (o.new, o.relation, o.confidence)
    assert len(landed) == 52
    assert other == {
        "85の2": (("124",), Relation.RENUMBERED, INF),
        "89": (("127",), Relation.RENUMBERED, EST),
        "103": (("140",), Relation.RENUMBERED, EST),
    }
    # 21: its task is gone from both tables (no interim row, no new row): established.
    # 30, 102, 105: no exchange was ever defined; their interim row numbers are known only by
    # position (lawdata "?"), so the chain is inferred although every candidate is deleted.
    assert deleted == [("21", EST), ("30", INF), ("102", INF), ("105", INF)]


def test_seed_beppyo2_list_evidence_names_the_interim_step(mset: MappingSet) -> None:
    o = mset.map_row(Table.BEPPYO2, R("89"))
    assert o is not None
    assert [r.source.split(":")[0] for r in o.rows] == [
        "mappings/beppyo2_to_interim.csv",
        "mappings/interim_to_rei2.csv",
    ]
    assert o.rows[0].new == ("119",)  # interim row 119 (lawdata CORRECTION 2), not 118


# ---------------------------------------------------------------------------------------------
# 別表第一: the other expectations of issue 3
# ---------------------------------------------------------------------------------------------


def test_beppyo1_deleted_rows(mset: MappingSet) -> None:
    for old in ("13", "79", "82"):
        o = mset.map_row(Table.BEPPYO1, R(old))
        assert o is not None and o.relation is Relation.DELETED and o.new == () and o.confidence is EST
        assert "no counterpart" in o.rows[0].evidence


def test_beppyo1_branch_rows(mset: MappingSet) -> None:
    expected = {"38の2": ("58", EST), "55の2": ("79", INF), "56の2": ("82", INF), "61の2": ("93", INF)}
    for old, (new, conf) in expected.items():
        o = mset.map_row(Table.BEPPYO1, R(old))
        assert o is not None and o.new == (new,) and o.confidence is conf, old


def test_beppyo1_unknown_rows_are_absent(mset: MappingSet) -> None:
    # 25 was already 削除 in 2015; 6の2 / 19の2 are not supported by any text; 99 never existed
    for old in ("25", "6の2", "19の2", "99", "120"):
        assert mset.map_row(Table.BEPPYO1, R(old)) is None, old
    assert not mset.old_row_exists(Table.BEPPYO1, R("25"))
    assert not mset.old_row_exists(Table.BEPPYO1, R("99"))
    assert mset.old_row_exists(Table.BEPPYO1, R("38の2"))


def test_beppyo1_counts(mset: MappingSet) -> None:
    t = mset.transition("beppyo1_to_beppyo")
    content = [
        r
        for r in t.rows
        if r.method in ("content-aligned", "manual-check") and r.relation is Relation.RENUMBERED
    ]
    assert len(content) == 95
    assert sum(r.method == "manual-check" for r in content) == 3
    assert {r.old for r in t.rows if r.relation is Relation.DELETED} == {"13", "79", "82"}


def test_as_of_before_2019_10_01(mset: MappingSet) -> None:
    before, on = datetime.date(2019, 9, 30), datetime.date(2019, 10, 1)
    # 別表第一: rows 95-97 of the earlier numbering are the 2015-text rows 96-98
    assert mset.map_row(Table.BEPPYO1, R("95"), as_of=before).new == ("129",)  # type: ignore[union-attr]
    assert mset.map_row(Table.BEPPYO1, R("95"), as_of=on).new == ("128",)  # type: ignore[union-attr]
    assert mset.map_row(Table.BEPPYO1, R("97"), as_of=before).new == ("131",)  # type: ignore[union-attr]
    assert mset.map_row(Table.BEPPYO1, R("98"), as_of=before) is None
    assert not mset.old_row_exists(Table.BEPPYO1, R("98"), as_of=before)
    assert mset.old_row_exists(Table.BEPPYO1, R("97"), as_of=before)
    # rows below the shift keep their numbers
    assert mset.map_row(Table.BEPPYO1, R("16"), as_of=before).new == ("24",)  # type: ignore[union-attr]
    assert mset.map_row(Table.BEPPYO1, R("94"), as_of=before).new == ("127",)  # type: ignore[union-attr]
    # 別表第二: 119 before 2019-10-01 is the 難病 row 120 (A007 令和元年第8号), established
    o = mset.map_row(Table.BEPPYO2, R("119"), as_of=before)
    assert o is not None and o.new == ("158",) and o.confidence is EST
    o = mset.map_row(Table.BEPPYO2, R("117"), as_of=before)
    assert o is not None and o.confidence is INF  # deduced from the contiguous numbering
    # default and later dates: the numbering of 2024-05-26
    assert mset.map_row(Table.BEPPYO1, R("95")) == mset.map_row(
        Table.BEPPYO1, R("95"), as_of=datetime.date(2024, 5, 26)
    )
    assert mset.map_row(Table.BEPPYO1, R("95"), as_of=datetime.date(2024, 6, 1)).new == ("128",)  # type: ignore[union-attr]
    # before the earliest numbering in the data: not known
    assert mset.map_row(Table.BEPPYO1, R("16"), as_of=datetime.date(2014, 1, 1)) is None


# ---------------------------------------------------------------------------------------------
# The old order → the new order
# ---------------------------------------------------------------------------------------------


def test_order_articles(mset: MappingSet) -> None:
    o = mset.map_order_article(R("1"))
    assert o is not None and o.new == ("3",) and o.confidence is EST  # seed: 1条 → 3条
    assert [r.source.split(":")[0] for r in o.rows] == [
        "mappings/order7_articles_to_interim.csv",
        "mappings/interim_to_rei2.csv",
        "mappings/rei2_rows_to_articles.csv",
    ]
    # article = new row + 2 along the whole chain
    for art in ("2", "6の2", "22の4", "43の4", "59の4"):
        o = mset.map_order_article(R(art))
        assert o is not None and o.relation is Relation.RENUMBERED
        assert int(o.new[0]) == int(o.rows[-2].new[0]) + 2
    deleted = mset.map_order_article(R("52"))
    assert deleted is not None and deleted.relation is Relation.DELETED
    assert mset.map_order_article(R("59の2")) is None  # 削除 in the old order


def test_order_items_are_inferred_and_letters_are_not_mapped(mset: MappingSet) -> None:
    o = mset.map_order_item(R("1"), 2)
    assert o is not None and o.new == ("3-1",) and o.confidence is INF
    assert o.new_order_refs == ((R("3"), None, R("1")),)
    o = mset.map_order_item(R("22の4"), 1, paragraph=2)
    assert o is not None and o.new == ("60-2項-1",)
    assert mset.map_order_item(R("1"), 1).relation is Relation.DELETED  # type: ignore[union-attr]
    t = mset.transition("order7_items_to_rei2_items")
    assert all(r.confidence is INF for r in t.rows)
    assert not any(ch in r.old + "".join(r.new) for r in t.rows for ch in "イロハニホヘト")
    # every item's new article is the article its old article maps to
    for r in t.rows:
        if r.new:
            article = r.old.split("-")[0]
            mapped = mset.map_order_article(R(article))
            assert mapped is not None and r.new[0].split("-")[0] == mapped.new[0], r


# ---------------------------------------------------------------------------------------------
# Tables of the new numbering
# ---------------------------------------------------------------------------------------------


def test_new_row_exists(mset: MappingSet) -> None:
    assert mset.new_row_exists(Table.BEPPYO, R("136"))
    assert mset.new_row_exists(Table.BEPPYO, R("2の2"))
    assert not mset.new_row_exists(Table.BEPPYO, R("137"))
    assert mset.new_row_exists(Table.ORDER_TABLE, R("173"))
    assert not mset.new_row_exists(Table.ORDER_TABLE, R("174"))
    assert not mset.new_row_exists(Table.BEPPYO1, R("1"))


def test_summary_counts(mset: MappingSet) -> None:
    s = {x["mapping"]: x for x in mset.summary()}
    b1 = s["beppyo1"]
    # 95 content-aligned rows (89 among them, inferred since the amendment ledger's A07 gives it two
    # readings) + 38の2 established; 55の2, 56の2, 61の2 and 89 inferred; 13, 79, 82 deleted
    assert (b1["established"], b1["inferred"], b1["deleted"], b1["known_missing"]) == (95, 4, 3, 13)
    assert b1["ledger_lines_by_effect"]["lowered"] == 1
    b2 = s["beppyo2"]
    assert b2["deleted"] == 25 and b2["established"] + b2["inferred"] + b2["deleted"] == b2["old_rows"]
    # 16の2 and 16の3 (ledger A02, A03) are old rows now; their new rows 25, 26 are no longer
    # "old number unknown"
    assert b2["ledger_lines_by_effect"]["added"] == 2
    assert b2["new_rows_by_origin"]["old-number-unknown"] == 3
    assert s["order-item"]["established"] == 0
    text = format_summary(mset)
    assert text.startswith("■ 別表第一 → 別表")
    assert "確定 established: 95" in text
    assert "推定に引き下げ lowered 1" in text
    data = json.loads(format_summary(mset, as_json=True))
    assert [d["mapping"] for d in data] == ["beppyo1", "beppyo2", "order-article", "order-item"]


def test_readme_coverage_table_matches_the_summary(mset: MappingSet) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("| 対応 mapping |") :].split("\n\n")[0].splitlines()[2:]
    labels = {
        "別表第一 → 別表": "beppyo1",
        "別表第二 → 主務省令第2条の表": "beppyo2",
        "旧主務省令 条 → 新主務省令 条": "order-article",
        "旧主務省令 号 → 新主務省令 号": "order-item",
    }
    s = {x["mapping"]: x for x in mset.summary()}
    assert len(table) == len(s)
    for line in table:
        label, est, inf, deleted, missing = (c.strip() for c in line.strip("|").split("|"))
        x = s[labels[label]]
        assert (int(est), int(inf), deleted, int(missing)) == (
            x["established"], x["inferred"], f"{x['deleted']} ({x['deleted_inferred']})", x["known_missing"],
        ), label  # fmt: skip


def test_default_mappings_is_cached() -> None:
    assert default_mappings() is default_mappings()


def test_explain_texts(mset: MappingSet) -> None:
    text = mset.explain_row(Table.BEPPYO1, R("16"))
    assert "別表第一の16の項" in text and "別表の24の項" in text and "確定" in text
    text = mset.explain_row(Table.BEPPYO2, R("85の2"))
    assert "124" in text and "推定" in text and "--accept-inferred" in text
    text = mset.explain_row(Table.BEPPYO1, R("13"))
    assert "対応する別表の項はありません" in text and "削除" in text and "(deleted)" in text
    assert "確認できません" in mset.explain_row(Table.BEPPYO1, R("99"))


# ---------------------------------------------------------------------------------------------
# The amendment ledger 2016–2024 (mappings/amendments_2016_2024.csv)
# ---------------------------------------------------------------------------------------------


def _ledger() -> dict[str, dict[str, str]]:
    text = (MAPPINGS / "amendments_2016_2024.csv").read_text(encoding="utf-8-sig")
    return {r["id"]: r for r in csv.DictReader(text.splitlines())}


def test_beppyo1_89_is_inferred_with_both_readings(mset: MappingSet) -> None:
    o = mset.map_row(Table.BEPPYO1, R("89"))
    assert o is not None and o.new == ("133",) and o.confidence is INF
    evidence = o.rows[0].evidence
    # reading 1 (the content alignment: 89 rewritten in place) and reading 2 (a row appended after 98)
    assert "manual content alignment" in evidence
    assert "89 (rewritten) or 99 (new row after 98)" in evidence and "A07" in evidence


def test_rewrite_reports_89_with_a_proposal_instead_of_rewriting() -> None:
    text = "番号利用法第9条第1項別表第一の89の項"
    result = rewrite(text)
    assert result.text == text and result.edits == ()
    (finding,) = result.findings
    assert finding.reason == "inferred-mapping" and finding.proposed == "番号利用法第9条第1項別表の133の項"
    accepted = rewrite(text, accept_inferred=True)
    assert accepted.text == "番号利用法第9条第1項別表の133の項" and not accepted.findings


@pytest.mark.parametrize(("old", "new"), [("16の2", "25"), ("16の3", "26")])
def test_beppyo2_vaccination_rows_map_only_with_accept_inferred(mset: MappingSet, old: str, new: str) -> None:
    o = mset.map_row(Table.BEPPYO2, R(old))
    assert o is not None and o.new == (new,) and o.confidence is INF
    assert mset.old_row_exists(Table.BEPPYO2, R(old))
    text = f"番号法別表第二の{old}の項"
    result = rewrite(text)
    assert result.text == text
    assert [f.reason for f in result.findings] == ["inferred-mapping"]
    assert result.findings[0].proposed == f"番号法第19条第8号に基づく主務省令第2条の表の{new}の項"
    assert rewrite(text, accept_inferred=True).text == result.findings[0].proposed


@pytest.mark.parametrize(
    ("table", "old"),
    [(Table.BEPPYO1, "99"), (Table.BEPPYO1, "100"), (Table.BEPPYO1, "98の2"), (Table.BEPPYO1, "30の2"),
     (Table.BEPPYO2, "121"), (Table.BEPPYO2, "69の2")],
)  # fmt: skip
def test_rows_of_unknown_number_are_reported(mset: MappingSet, table: Table, old: str) -> None:
    assert mset.map_row(table, R(old)) is None
    text = f"番号利用法{table.value}の{old}の項"
    for accept in (False, True):
        result = rewrite(text, accept_inferred=accept)
        assert result.text == text
        assert [f.reason for f in result.findings] == ["row-unknown"]
    # the ledger lines that touch it say so, and none of them mapped it
    lines = mset.amendments(table, R(old))
    assert lines and all(line.effect in ("reported", "not-identified", "lowered") for line in lines)
    assert all(line.id in mset.explain_row(table, R(old)) for line in lines)


def test_explain_shows_the_ledger_line_of_89(mset: MappingSet) -> None:
    a07 = _ledger()["A07"]
    text = mset.explain_row(Table.BEPPYO1, R("89"))
    for column in ("amending_act", "amending_provision", "effective_date", "reading", "old_row_text"):
        assert a07[column] in text, column
    assert "推定に引き下げ" in text and "確度 confidence: 推定 (inferred)" in text
    # with an as_of before 2019-10-01 the same row is still 89 (below the shift at 95)
    assert "A07" in mset.explain_row(Table.BEPPYO1, R("89"), as_of=datetime.date(2019, 9, 1))


_LEDGER_ROWS = [
    (line, table, old)
    for line in _ledger().values()
    for table in (Table.BEPPYO1, Table.BEPPYO2)
    if line["table"] == table.value
    for old in line["old_rows"].split(";")
    if old
]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(_LEDGER_ROWS))
def test_each_ledger_line_shows_in_explain_and_never_establishes(item: tuple[dict[str, str], Table, str]) -> None:
    line, table, old = item
    mset = default_mappings()
    o = mset.map_row(table, R(old))
    text = mset.explain_row(table, R(old))
    for column in ("id", "amending_act", "effective_date", "reading"):
        assert line[column] in text, column
    several = len(line["old_rows"].split(";")) > 1
    if line["effect"] == "lowered":
        # the row the alignment had is mapped, inferred; another reading is not mapped at all
        assert (o is None and several) or (o is not None and o.confidence is INF)
    elif line["effect"] == "added":
        assert o is not None and o.confidence is INF and line["id"] in o.rows[0].evidence
    elif line["effect"] == "agrees":
        assert o is not None and line["id"] in o.rows[0].evidence
    else:
        assert o is None


def test_the_ledger_travels_with_the_mappings(tmp_path: Path) -> None:
    d = tmp_path / "mappings"
    shutil.copytree(MAPPINGS, d)
    m = load_mappings(d)
    assert [x.id for x in m.amendments(Table.BEPPYO1, R("89"))] == ["A07"]
    # without the ledger file's entry the mappings still load, and explain has no ledger part
    toml = (d / "transitions.toml").read_text(encoding="utf-8")
    (d / "transitions.toml").write_text(toml[: toml.index("# [ledger]")], encoding="utf-8")
    bare = load_mappings(d)
    assert bare.amendments(Table.BEPPYO1, R("89")) == ()
    assert "改正の記録" not in bare.explain_row(Table.BEPPYO1, R("89"))


# ---------------------------------------------------------------------------------------------
# Hypothesis properties over the shipped mappings
# ---------------------------------------------------------------------------------------------


def _csv_rows(name: str) -> list[tuple[int, dict[str, str]]]:
    text = (MAPPINGS / name).read_text(encoding="utf-8-sig")
    reader = csv.DictReader(text.splitlines())
    return [(i, row) for i, row in enumerate(reader, start=2)]


def _old_keys(table: Table) -> list[str]:
    first = {Table.BEPPYO1: "beppyo1_to_beppyo.csv", Table.BEPPYO2: "beppyo2_to_interim.csv"}[table]
    return [row["old"] for _, row in _csv_rows(first)]


B1_KEYS, B2_KEYS = _old_keys(Table.BEPPYO1), _old_keys(Table.BEPPYO2)
SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@SETTINGS
@given(st.sampled_from([(Table.BEPPYO1, k) for k in B1_KEYS] + [(Table.BEPPYO2, k) for k in B2_KEYS]))
def test_each_old_row_has_exactly_one_outcome_and_its_targets_exist(pair: tuple[Table, str]) -> None:
    table, k = pair
    mset = default_mappings()
    o = mset.map_row(table, R(k))
    assert o is not None
    assert o == mset.map_row(table, R(k))  # deterministic
    keys = _old_keys(table)
    assert keys.count(k) == 1  # one row per old key in the file
    target = Table.BEPPYO if table is Table.BEPPYO1 else Table.ORDER_TABLE
    assert all(mset.new_row_exists(target, n) for n in o.new_rows)
    assert (o.relation is Relation.DELETED) == (o.new == ())
    assert o.confidence is (INF if any(r.confidence is INF for r in o.rows) else EST)


@SETTINGS
@given(st.sampled_from(_csv_rows("beppyo1_to_beppyo.csv")))
def test_explain_agrees_with_the_csv(item: tuple[int, dict[str, str]]) -> None:
    line, row = item
    text = default_mappings().explain_row(Table.BEPPYO1, R(row["old"]))
    assert f"mappings/beppyo1_to_beppyo.csv:{line} " in text
    assert f"[{row['method']}; {row['confidence']}; {row['relation']}]" in text
    assert f"({row['confidence']})" in text and f"({row['relation']})" in text
    if row["new"]:
        assert f"→ 別表の{row['new'].replace(';', '、')}の項" in text
    assert row["evidence"][:60] in text


# ---- composition on synthetic transitions --------------------------------------------------

KEYS = [str(i) for i in range(1, 7)]


@st.composite
def transitions(draw: st.DrawFn, name: str) -> Transition:
    olds = draw(st.lists(st.sampled_from(KEYS), unique=True, max_size=6))
    rows = []
    for k in olds:
        news = draw(st.lists(st.sampled_from(KEYS), unique=True, max_size=3))
        if not news:
            rel = Relation.DELETED
        elif len(news) > 1:
            rel = Relation.SPLIT
        else:
            rel = draw(st.sampled_from([Relation.RENUMBERED, Relation.MERGED]))
        rows.append(
            MappingRow(
                k,
                tuple(news),
                rel,
                draw(st.sampled_from([EST, INF])),
                "content-aligned",
                f"{name} {k}",
                f"{name}.csv:{k}",
            )
        )
    below = draw(st.one_of(st.none(), st.sampled_from(KEYS)))
    return Transition(
        id=name, from_numbering="*", to_numbering="*", rows=tuple(rows),
        passthrough_below=R(below) if below else None, passthrough_all=draw(st.booleans()) if below is None else False,
    )  # fmt: skip


def _behaviour(t: Transition) -> dict[str, object]:
    out: dict[str, object] = {}
    for k in KEYS:
        row = t.get(k)
        if row is not None:
            out[k] = (row.new, row.relation, row.confidence)
        elif t.passes(k):
            out[k] = "pass"
    return out


@settings(max_examples=300, deadline=None)
@given(transitions("a"), transitions("b"), transitions("c"))
def test_composition_is_associative(a: Transition, b: Transition, c: Transition) -> None:
    assert _behaviour(a.compose(b).compose(c)) == _behaviour(a.compose(b.compose(c)))
    assert _behaviour(compose_all([a, b, c])) == _behaviour(a.compose(b).compose(c))


@settings(max_examples=200, deadline=None)
@given(transitions("a"))
def test_the_empty_transition_is_the_identity(a: Transition) -> None:
    ident = Transition.identity()
    assert _behaviour(ident.compose(a)) == _behaviour(a)
    assert _behaviour(a.compose(ident)) == _behaviour(a)


def test_composition_of_the_shipped_chain_matches_lookups(mset: MappingSet) -> None:
    composed = mset.transition("beppyo2_to_interim").compose(mset.transition("interim_to_rei2"))
    for k in B2_KEYS:
        o = mset.map_row(Table.BEPPYO2, R(k))
        row = composed.get(k)
        assert o is not None and row is not None
        assert (row.new, row.relation, row.confidence) == (o.new, o.relation, o.confidence)


# ---------------------------------------------------------------------------------------------
# Loading errors and users' own rows
# ---------------------------------------------------------------------------------------------


@pytest.fixture()
def copy(tmp_path: Path) -> Path:
    d = tmp_path / "mappings"
    shutil.copytree(MAPPINGS, d)
    return d


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8-sig")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8-sig")


def _line_of(path: Path, prefix: str) -> int:
    for i, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), start=1):
        if line.startswith(prefix):
            return i
    raise AssertionError(prefix)


def test_unknown_column(copy: Path) -> None:
    f = copy / "beppyo1_to_beppyo.csv"
    _edit(f, "old,new,relation", "old,neu,relation")
    with pytest.raises(
        MappingError, match=r"mappings/beppyo1_to_beppyo\.csv:1: 不明な列.* / unknown columns \['neu'\]"
    ):
        load_mappings(copy)


def test_duplicate_old_row(copy: Path) -> None:
    f = copy / "beppyo1_to_beppyo.csv"
    line = _line_of(f, "17,")
    _edit(f, "\n17,", "\n16,")
    with pytest.raises(
        MappingError, match=rf"beppyo1_to_beppyo\.csv:{line}: 旧番号 16 が重複.* / duplicate old row 16"
    ):
        load_mappings(copy)


def test_malformed_number(copy: Path) -> None:
    f = copy / "interim_to_rei2.csv"
    line = _line_of(f, "5,")
    _edit(f, "\n5,", "\n5x,")
    with pytest.raises(MappingError, match=rf"interim_to_rei2\.csv:{line}: .*malformed 旧 number '5x'"):
        load_mappings(copy)


def test_new_row_that_does_not_exist(copy: Path) -> None:
    f = copy / "beppyo1_to_beppyo.csv"
    line = _line_of(f, "16,24,")
    _edit(f, "\n16,24,", "\n16,240,")
    with pytest.raises(
        MappingError,
        match=rf"beppyo1_to_beppyo\.csv:{line}: 新番号 240 .* / new row 240 does not exist in beppyo",
    ):
        load_mappings(copy)


def test_renumbered_target_claimed_twice(copy: Path) -> None:
    f = copy / "beppyo1_to_beppyo.csv"
    line = _line_of(f, "17,25,")
    _edit(f, "\n17,25,", "\n17,24,")
    with pytest.raises(
        MappingError,
        match=rf"beppyo1_to_beppyo\.csv:{line}: 新番号 24 を 16.* / new row 24 is claimed by both 16",
    ):
        load_mappings(copy)


def test_missing_evidence_and_bad_relation(copy: Path, tmp_path: Path) -> None:
    extra = tmp_path / "beppyo1_to_beppyo.csv"
    extra.write_text(
        "old,new,relation,confidence,method,evidence\n6の2,7,renumbered,inferred,manual-check,\n",
        encoding="utf-8",
    )
    with pytest.raises(
        MappingError,
        match=r"beppyo1_to_beppyo\.csv:2: 根拠（evidence）が空です / the evidence column is required",
    ):
        load_mappings(copy, extra=[extra])
    extra.write_text(
        "old,new,relation,confidence,method,evidence\n6の2,7;8,renumbered,inferred,manual-check,x\n",
        encoding="utf-8",
    )
    with pytest.raises(MappingError, match="relation renumbered does not fit 2 new rows"):
        load_mappings(copy, extra=[extra])


def test_users_extra_rows_are_added(tmp_path: Path) -> None:
    extra = tmp_path / "beppyo1_to_beppyo.csv"
    extra.write_text(
        "old,new,relation,confidence,method,evidence\n"
        "6の2,7,renumbered,established,manual-check,令和X年 官報 改正文（利用者が確認）\n",
        encoding="utf-8",
    )
    m = load_mappings(extra=[extra])
    o = m.map_row(Table.BEPPYO1, R("6の2"))
    assert o is not None and o.new == ("7",) and o.rows[0].source == f"{extra}:2"
    assert m.old_row_exists(Table.BEPPYO1, R("6の2"))
    assert default_mappings().map_row(Table.BEPPYO1, R("6の2")) is None  # the shipped set is unchanged


def test_users_extra_rows_with_a_transition_column(tmp_path: Path) -> None:
    extra = tmp_path / "my_rows.csv"
    extra.write_text(
        "transition,old,new,relation,confidence,method,evidence\n"
        "beppyo2_to_interim,69の2,88,renumbered,inferred,list-position,自治体の確認資料\n",
        encoding="utf-8",
    )
    # 69の2 is only a candidate in the amendment ledger (A41): not shipped, a user's row adds it
    assert default_mappings().map_row(Table.BEPPYO2, R("69の2")) is None
    m = load_mappings(extra=[extra])
    o = m.map_row(Table.BEPPYO2, R("69の2"))
    assert o is not None and o.new == ("95",) and o.confidence is INF


def test_users_rows_conflicting_with_shipped_rows_are_errors(tmp_path: Path) -> None:
    extra = tmp_path / "beppyo1_to_beppyo.csv"
    extra.write_text(
        "old,new,relation,confidence,method,evidence\n16,25,renumbered,established,manual-check,x\n",
        encoding="utf-8",
    )
    with pytest.raises(
        MappingError, match=r"beppyo1_to_beppyo\.csv:2: 同梱の対応 .* / conflicts with the shipped row"
    ):
        load_mappings(extra=[extra])
    # claiming a target that a shipped renumbered row holds is a conflict too
    extra.write_text(
        "old,new,relation,confidence,method,evidence\n6の2,24,renumbered,established,manual-check,x\n",
        encoding="utf-8",
    )
    with pytest.raises(MappingError, match="new row 24 is claimed by both 16"):
        load_mappings(extra=[extra])
    # an unknown file name without a transition column
    other = tmp_path / "mine.csv"
    other.write_text(
        "old,new,relation,confidence,method,evidence\n6の2,7,renumbered,established,manual-check,x\n",
        encoding="utf-8",
    )
    with pytest.raises(MappingError, match="unknown transition for mine.csv"):
        load_mappings(extra=[other])


def test_users_identical_row_is_not_a_conflict(tmp_path: Path) -> None:
    extra = tmp_path / "beppyo1_to_beppyo.csv"
    extra.write_text(
        "old,new,relation,confidence,method,evidence\n16,24,renumbered,established,manual-check,x\n",
        encoding="utf-8",
    )
    m = load_mappings(extra=[extra])
    assert m.map_row(Table.BEPPYO1, R("16")).rows[0].source.startswith("mappings/")  # type: ignore[union-attr]



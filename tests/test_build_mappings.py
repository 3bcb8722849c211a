"""Tests of tools/build_mappings.py: determinism against the committed files, and validation."""

from __future__ import annotations

import csv
import functools
import io
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lawdata_tools import LAWDATA, REPO, load_tool, needs_lawdata

build_mappings = load_tool("build_mappings")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "都道府県知事、市長（特別区の区長を含む。）又は社会福祉法（昭和二十六年法律第四十五号）に規定する福祉に関する事務所を管理する町村長（以下「都道府県知事等」という。）",
            "都道府県知事、市長（特別区の区長を含む。）又は社会福祉法（昭和二十六年法律第四十五号）に規定する福祉に関する事務所を管理する町村長（以下この表において「都道府県知事等」という。）",
        ),
        (
            "厚生労働大臣又は共済組合等（日本私立学校振興・共済事業団、国家公務員共済組合連合会、地方公務員共済組合又は全国市町村職員共済組合連合会をいう。以下同じ。）",
            "厚生労働大臣又は日本私立学校振興・共済事業団、国家公務員共済組合連合会、地方公務員共済組合若しくは全国市町村職員共済組合連合会",
        ),
        (
            "都道府県知事又は保健所を設置する市（特別区を含む。以下同じ。）の長",
            "都道府県知事又は保健所を設置する市（特別区を含む。）の長",
        ),
        (
            "公営住宅法第二条第十六号に規定する事業主体である都道府県知事又は市町村長",
            "公営住宅法（昭和二十六年法律第百九十三号）第二条第十六号に規定する事業主体である都道府県知事又は市町村長",
        ),
    ],
)
def test_who_columns_that_agree(a: str, b: str) -> None:
    assert build_mappings.actors_agree(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("厚生労働大臣", "都道府県知事"),
        ("市町村長", "都道府県知事又は市町村長"),
        ("全国健康保険協会", "全国健康保険協会又は健康保険組合"),
    ],
)
def test_who_columns_that_differ(a: str, b: str) -> None:
    assert not build_mappings.actors_agree(a, b)


@needs_lawdata
def test_rebuilding_reproduces_the_committed_files_byte_for_byte() -> None:
    files = build_mappings.Builder(LAWDATA).build()
    # mappings/new_order/ is built by tools/build_new_order.py (tests/test_build_new_order.py)
    committed = {
        str(p.relative_to(REPO / "mappings"))
        for p in (REPO / "mappings").rglob("*")
        if p.is_file() and p.relative_to(REPO / "mappings").parts[0] != "new_order"
    }
    assert set(files) == committed
    for rel, text in files.items():
        assert (REPO / "mappings" / rel).read_bytes() == text.encode("utf-8"), rel


@needs_lawdata
def test_check_mode_reports_no_change() -> None:
    assert build_mappings.main(["--lawdata", str(LAWDATA), "--check"]) == 0


@needs_lawdata
def test_a_row_that_fails_validation_stays_out_and_is_reported(tmp_path: Path) -> None:
    data = tmp_path / "lawdata"
    shutil.copytree(LAWDATA, data)
    f = data / "align_beppyo1_to_beppyo.csv"
    text = f.read_text(encoding="utf-8")
    # 16 → 24 with a wrong new actor, and 17 → a row the new table does not have
    text = text.replace(
        "\n16,24,都道府県知事又は市町村長,都道府県知事又は市町村長,",
        "\n16,24,都道府県知事又は市町村長,厚生労働大臣,",
        1,
    )
    text = text.replace("\n17,25,", "\n17,999,", 1)
    f.write_text(text, encoding="utf-8")
    builder = build_mappings.Builder(data)
    files = builder.build()
    report = files["BUILD_REPORT.md"]
    assert "new_actor differs from new_beppyo_2025-06-20.tsv row 24" in report
    assert "new row 999 is not in the new 別表" in report
    olds = [line.split(",")[0] for line in files["beppyo1_to_beppyo.csv"].lstrip("\ufeff").splitlines()[1:]]
    assert "16" not in olds and "17" not in olds and "15" in olds


@needs_lawdata
def test_who_column_mismatch_is_rejected(tmp_path: Path) -> None:
    data = tmp_path / "lawdata"
    shutil.copytree(LAWDATA, data)
    # make the interim 照会者 of row 1 disagree with the new 第2条の表 row 1
    f = data / "beppyo2_interim_2024-05-27.tsv"
    lines = f.read_text(encoding="utf-8").splitlines(keepends=True)
    idx = next(i for i, line in enumerate(lines) if line.startswith("一\t1\t"))
    lines[idx] = lines[idx].replace("\t厚生労働大臣\t", "\t都道府県知事\t", 1)
    f.write_text("".join(lines), encoding="utf-8")
    files = build_mappings.Builder(data).build()
    assert "who-column differs" in files["BUILD_REPORT.md"]
    assert "\n1,1," not in files["interim_to_rei2.csv"]


# ---------------------------------------------------------------------------------------------
# The amendment ledger 2016-2024 (amendments_2016_2024.csv) and the rule that applies it
# ---------------------------------------------------------------------------------------------


def _rows(files: dict[str, str], name: str) -> dict[str, dict[str, str]]:
    return {r["old"]: r for r in csv.DictReader(io.StringIO(files[name].lstrip("\ufeff")))}


def _ledger_header_only(tmp: Path) -> Path:
    """A copy of the law data whose ledger has its header and no line."""
    data = tmp / "lawdata"
    shutil.copytree(LAWDATA, data)
    f = data / "amendments_2016_2024.csv"
    lines = f.read_text(encoding="utf-8").splitlines(keepends=True)
    header = next(i for i, line in enumerate(lines) if not line.startswith("#"))
    f.write_text("".join(lines[: header + 1]), encoding="utf-8")
    return data


@functools.cache
def _builds() -> tuple[dict[str, str], dict[str, str]]:
    """(with the ledger, the law-text alignment alone)."""
    import tempfile

    with_ledger = build_mappings.Builder(LAWDATA).build()
    with tempfile.TemporaryDirectory() as tmp:
        alone = build_mappings.Builder(_ledger_header_only(Path(tmp))).build()
    return with_ledger, alone


CHAIN_FILES = ["beppyo1_to_beppyo.csv", "beppyo2_to_interim.csv"]


@needs_lawdata
def test_the_ledger_changes_exactly_what_its_lines_say() -> None:
    with_ledger, alone = _builds()
    b1, b1_alone = _rows(with_ledger, "beppyo1_to_beppyo.csv"), _rows(alone, "beppyo1_to_beppyo.csv")
    # 89 -> 133 is established by the alignment alone, inferred with the ledger (A07: two readings)
    assert b1_alone["89"]["confidence"] == "established"
    assert (b1["89"]["new"], b1["89"]["confidence"]) == ("133", "inferred")
    assert "89 (rewritten) or 99 (new row after 98)" in b1["89"]["evidence"]
    assert "A07" in b1["89"]["evidence"]
    # 別表第二 16の2 / 16の3 exist only with the ledger, inferred, through the interim rows that
    # become 第2条の表 25 / 26
    b2, b2_alone = _rows(with_ledger, "beppyo2_to_interim.csv"), _rows(alone, "beppyo2_to_interim.csv")
    i2r = _rows(with_ledger, "interim_to_rei2.csv")
    assert "16の2" not in b2_alone and "16の3" not in b2_alone
    for old, new, lid in (("16の2", "25", "A02"), ("16の3", "26", "A03")):
        assert b2[old]["confidence"] == "inferred" and lid in b2[old]["evidence"]
        assert i2r[b2[old]["new"]]["new"] == new
    # no row after 98 (and no candidate) became a mapping
    assert not [k for k in b1 if "の" not in k and int(k) > 98]
    assert "30の2" not in b1
    # every other row is the alignment's, with the same target and confidence
    for name, with_, without in (
        ("beppyo1_to_beppyo.csv", b1, b1_alone),
        ("beppyo2_to_interim.csv", b2, b2_alone),
    ):
        changed = {k for k in with_ if k not in without or with_[k]["confidence"] != without[k]["confidence"]}
        assert changed == ({"89"} if name.startswith("beppyo1") else {"16の2", "16の3"}), name
        assert all(with_[k]["new"] == without[k]["new"] for k in without), name
        assert set(without) <= set(with_)


_KEYS = ["1", "9", "16", "16の2", "16の4", "30の2", "38の2", "55の2", "89", "98", "99", "120", "121"]


@st.composite
def _ledger_records(draw: st.DrawFn) -> list[dict[str, str]]:
    """Ledger lines as the law data writes them, any of them claiming ``established``."""
    out = []
    for i in range(draw(st.integers(1, 5))):
        table = draw(st.sampled_from(["別表第一", "別表第二", "別表第一/別表第二"]))
        k1, k2 = draw(st.sampled_from(_KEYS)), draw(st.sampled_from(_KEYS))
        old_row = draw(st.sampled_from([k1, f"{k1} (rewritten) or {k2} (new row after 98)", "?", f"? (candidate {k1})"]))
        target = "別表" if table == "別表第一" else "第2条の表"
        new_row = draw(st.sampled_from([f"{target} {draw(st.integers(1, 173))}", "", "(none: gone)"]))
        out.append(
            {
                "id": f"H{i}", "table": table,
                "change": draw(st.sampled_from(["insert", "replace", "replace or insert (two readings)"])),
                "old_row": old_row, "after_row": draw(st.sampled_from(["", "98?", "last", k1])),
                "effective_date": "2020-01-01", "amending_act": "令和X年法律第1号", "amending_provision": "第1条",
                "source": "hypothesis", "content": "", "content_source": "", "new_row": new_row,
                "alignment_basis": "drawn by hypothesis",
                "confidence": draw(st.sampled_from(["established", "inferred", "unknown"])),
            }
        )  # fmt: skip
    return out


@needs_lawdata
@settings(max_examples=40, deadline=None)
@given(_ledger_records())
def test_no_ledger_line_raises_a_row_to_established(extra: list[dict[str, str]]) -> None:
    """Whatever lines the ledger holds, every row of the built chains is established only if the
    law-text alignment alone establishes it, with the same target."""
    _, alone = _builds()
    builder = build_mappings.Builder(LAWDATA)
    ledger = builder.src["amendments_2016_2024.csv"]
    ledger.rows.extend((10_000 + i, r) for i, r in enumerate(extra))
    files = builder.build()
    for name in CHAIN_FILES:
        base = _rows(alone, name)
        for old, row in _rows(files, name).items():
            assert row["confidence"] in ("established", "inferred")
            if row["confidence"] == "established":
                assert old in base and base[old]["confidence"] == "established", (name, old)
                assert base[old]["new"] == row["new"], (name, old)


@needs_lawdata
def test_a_ledger_line_marked_established_adds_only_an_inferred_row(tmp_path: Path) -> None:
    data = tmp_path / "lawdata"
    shutil.copytree(LAWDATA, data)
    f = data / "amendments_2016_2024.csv"
    # the ledger claims, as established, 別表第一 6の2 -> 別表 7 (a row whose old number is not known)
    # and 別表第一 16 -> 別表 25 (the alignment and the seed say 24)
    extra = (
        "X1,別表第一,insert,6の2,6,2020-01-01,令和X年法律第1号,第1条,test,,,別表 7,test line,established\n"
        "X2,別表第一,replace,16,,2020-01-01,令和X年法律第2号,第1条,test,,,別表 25,test line,established\n"
    )
    f.write_text(f.read_text(encoding="utf-8") + extra, encoding="utf-8")
    files = build_mappings.Builder(data).build()
    b1 = _rows(files, "beppyo1_to_beppyo.csv")
    assert (b1["6の2"]["new"], b1["6の2"]["confidence"]) == ("7", "inferred")
    # a second reading of 16 lowers it; the alignment's target stays
    assert (b1["16"]["new"], b1["16"]["confidence"]) == ("24", "inferred")
    assert "X2" in b1["16"]["evidence"]
    ledger = {r["id"]: r for r in csv.DictReader(io.StringIO(files["amendments_2016_2024.csv"].lstrip("\ufeff")))}
    assert (ledger["X1"]["effect"], ledger["X2"]["effect"]) == ("added", "lowered")
    old_table = files["tables/old_beppyo1_rows.csv"]
    assert "\n6の2,,branch (2016-2024),inferred," in old_table


@needs_lawdata
def test_a_ledger_line_that_misquotes_the_new_table_is_rejected(tmp_path: Path) -> None:
    data = tmp_path / "lawdata"
    shutil.copytree(LAWDATA, data)
    f = data / "amendments_2016_2024.csv"
    text = f.read_text(encoding="utf-8")
    # A02 quotes row 二十五 of 第2条の表; make its new_row say 27
    assert ",第2条の表 25," in text
    f.write_text(text.replace(",第2条の表 25,", ",第2条の表 27,", 1), encoding="utf-8")
    files = build_mappings.Builder(data).build()
    assert "A02: content quotes row 25 of the 第2条の表" in files["BUILD_REPORT.md"]
    assert "16の2" not in _rows(files, "beppyo2_to_interim.csv")
    assert "16の3" in _rows(files, "beppyo2_to_interim.csv")


# ---- the rule on synthetic alignments and ledger lines ----------------------------------------

_OLD_KEYS = ["1", "2", "3", "4", "2の2", "3の2", "7の2", "5"]
_NEW_KEYS = [str(i) for i in range(1, 9)]
_MAIN = {"1", "2", "3", "4", "5"}


@st.composite
def _alignments(draw: st.DrawFn) -> dict[str, object]:
    olds = draw(st.lists(st.sampled_from(_OLD_KEYS), unique=True, max_size=6))
    out = {}
    for k in olds:
        new = tuple(draw(st.lists(st.sampled_from(_NEW_KEYS), unique=True, max_size=2)))
        out[k] = build_mappings.Alignment(k, new, draw(st.sampled_from(["established", "inferred"])))
    return out


@st.composite
def _ledger_lines(draw: st.DrawFn) -> list[object]:
    keys = st.sampled_from(_OLD_KEYS + ["9", "4の3"])
    new = st.sampled_from(_NEW_KEYS + ["9", "10", "11", "12"])
    free = st.sampled_from(["9", "10", "11", "12"])  # rows no alignment claims
    # first a line the rule can apply (a branch row of a 2015 row -> one free new row), then any lines
    lines = [
        build_mappings.LedgerLine(
            id="T-branch",
            line=0,
            tables=("別表第一",),
            readings=(draw(st.sampled_from(["2の2", "3の2", "4の3"])),),
            candidates=(),
            after_last="",
            targets={"別表": (draw(free),)},
            inserts=True,
            identified=True,
            raw={"confidence": "established"},
        )
    ]
    for i in range(draw(st.integers(0, 5))):
        lines.append(
            build_mappings.LedgerLine(
                id=f"T{i}",
                line=i,
                tables=draw(st.sampled_from([("別表第一",)] * 3 + [("別表第一", "別表第二"), ("別表第二",)])),
                readings=draw(st.one_of(st.tuples(keys), st.tuples(keys, keys), st.just(()))),
                candidates=(),
                after_last=draw(st.sampled_from(["", "5"])),
                targets=draw(
                    st.one_of(
                        st.builds(lambda n: {"別表": (n,)}, new),
                        st.builds(lambda a, b: {"別表": (a, b)}, new, new),
                        st.just({"別表": ()}),
                        st.just({}),
                    )
                ),
                inserts=draw(st.booleans()),
                identified=draw(st.sampled_from([True, True, True, False])),
                raw={"confidence": draw(st.sampled_from(["established", "inferred", "unknown"]))},
            )
        )
    return lines


@settings(max_examples=300, deadline=None)
@given(_alignments(), _ledger_lines())
def test_the_rule_never_raises_and_never_moves_a_row(alignment: dict, lines: list) -> None:
    d = build_mappings.apply_ledger_rule("別表第一", alignment, lines, _MAIN)
    for old, a in d.result.items():
        if old in alignment:
            assert a.new == alignment[old].new  # the ledger never redirects a row
            if a.confidence == "established":
                assert alignment[old].confidence == "established"
            assert (a.confidence != alignment[old].confidence) == (
                old in d.lowered and alignment[old].confidence == "established"
            )
        else:
            # an added row: inferred, a branch row of a row of the 2015 text, on a free target
            assert a.confidence == "inferred" and old in d.added
            assert build_mappings.is_branch_row(old, _MAIN)
            assert len(a.new) == 1 and not any(a.new[0] in x.new for x in alignment.values())
    assert set(alignment) <= set(d.result)
    # a line is applied only to its own single table, and only when it identifies the rows
    for ln in lines:
        if ln.tables != ("別表第一",) or not ln.identified:
            assert not any(ln in v for v in d.lowered.values())
            assert not any(ln in v[1] for v in d.added.values())


def test_the_rule_lowers_on_two_readings_and_adds_a_branch_row() -> None:
    A, L = build_mappings.Alignment, build_mappings.LedgerLine
    alignment = {"89": A("89", ("133",), "established"), "16": A("16", ("24",), "established")}
    two_readings = L("A07", 1, ("別表第一",), ("89", "99"), (), "98", {"別表": ("133",)}, True, True)
    agrees = L("A08", 2, ("別表第一",), ("16",), (), "", {"別表": ("24",)}, False, True)
    branch = L("A13", 3, ("別表第一",), ("38の2",), (), "", {"別表": ("58",)}, True, True)
    appended = L("A19", 4, ("別表第一",), (), (), "98", {"別表": ("135",)}, True, True)
    d = build_mappings.apply_ledger_rule("別表第一", alignment, [two_readings, agrees, branch, appended], {"16", "38", "89", "98"})
    assert d.result["89"].confidence == "inferred" and d.lowered["89"] == [two_readings]
    assert d.result["16"].confidence == "established" and d.agrees["16"] == [agrees]
    assert d.added == {"38の2": ("58", [branch])} and d.result["38の2"].confidence == "inferred"
    assert "99" not in d.result and "135" not in {n for a in d.result.values() for n in a.new}
    assert {k: v[0] for k, v in d.effects.items()} == {
        "A07": "lowered",
        "A08": "agrees",
        "A13": "added",
        "A19": "reported",
    }

"""Tests of tools/build_mappings.py: determinism against the committed files, and validation."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
LAWDATA = REPO.parent / "shared" / "lawdata"

_spec = importlib.util.spec_from_file_location("build_mappings", REPO / "tools" / "build_mappings.py")
assert _spec is not None and _spec.loader is not None
build_mappings = importlib.util.module_from_spec(_spec)
sys.modules["build_mappings"] = build_mappings
_spec.loader.exec_module(build_mappings)

needs_lawdata = pytest.mark.skipif(not LAWDATA.is_dir(), reason="../shared/lawdata is not present")


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

"""Tests of tools/build_new_order.py: the shipped content of the new order is rebuilt byte for byte
from the law data, and the build's checks catch a law-data line that contradicts the rest."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lawdata_tools import LAWDATA, REPO, load_tool, needs_lawdata

OUT = REPO / "mappings" / "new_order"
build_new_order = load_tool("build_new_order")


@needs_lawdata
def test_rebuilding_reproduces_the_committed_files_byte_for_byte() -> None:
    builder = build_new_order.Builder(LAWDATA)
    files = builder.build()
    assert builder.report.failed == []
    committed = {p.name for p in OUT.iterdir() if p.is_file()}
    assert set(files) == committed
    for rel, text in files.items():
        assert (OUT / rel).read_bytes() == text.encode("utf-8"), rel


@needs_lawdata
def test_check_mode_reports_no_change() -> None:
    assert build_new_order.main(["--lawdata", str(LAWDATA), "--out", str(OUT), "--check"]) == 0


@needs_lawdata
def test_a_juminhyo_flag_that_the_text_does_not_bear_out_fails_the_build(tmp_path: Path) -> None:
    data = tmp_path / "lawdata"
    shutil.copytree(LAWDATA, data)
    f = data / build_new_order.ITEMS_TSV
    lines = f.read_text(encoding="utf-8").splitlines(keepends=True)
    # 第3条第1号イ (戸籍関係情報) flagged as giving 住民票関係情報: its words say otherwise
    idx = next(i for i, line in enumerate(lines) if line.startswith("3\t\t1\tイ\t"))
    cells = lines[idx].rstrip("\n").split("\t")
    cells[8] = "direct"
    lines[idx] = "\t".join(cells) + "\n"
    f.write_text("".join(lines), encoding="utf-8")
    builder = build_new_order.Builder(data)
    files = builder.build()
    assert any("juminhyo column" in x for x in builder.report.failed)
    assert "## Checks failed (1)" in files["BUILD_REPORT.md"]
    assert build_new_order.main(["--lawdata", str(data), "--out", str(tmp_path / "out")]) == 1


@needs_lawdata
def test_an_amendment_whose_source_words_are_gone_is_left_out(tmp_path: Path) -> None:
    data = tmp_path / "lawdata"
    shutil.copytree(LAWDATA, data)
    f = data / build_new_order.ITEMS_TSV
    text = f.read_text(encoding="utf-8")
    text = text.replace("Known effect: 第157条 items 1-4", "Known effect: 第157条 items 1-3", 1)
    f.write_text(text, encoding="utf-8")
    builder = build_new_order.Builder(data)
    files = builder.build()
    assert "r6-20-157" not in files["amendments.csv"]
    assert any(x.startswith("amendment r6-20-157") for x in builder.report.failed)


def test_cross_references_resolve_to_items_and_letters() -> None:
    resolve = build_new_order.resolve_cross_ref
    assert resolve("前号に掲げる情報", "7") == ("6", ())
    assert resolve("第十一号に掲げる情報", "13") == ("11", ())
    assert resolve("第一号イからニまで、ヘ及びトに掲げる情報", "7") == ("1", tuple("イロハニヘト"))
    assert resolve("前号ロ及びハに掲げる情報", "3") == ("2", ("ロ", "ハ"))
    with pytest.raises(build_new_order.CrossRefError):
        resolve("前号に掲げる情報", "1")  # 第1号 has no 前号
    with pytest.raises(build_new_order.CrossRefError):
        resolve("別表に掲げる情報", "2")


def test_terms_are_read_leftmost_longest() -> None:
    terms = ["児童扶養手当関係情報", "特別児童扶養手当関係情報", "住民票関係情報"]
    assert build_new_order.names_in("特別児童扶養手当関係情報又は住民票関係情報", terms) == [
        "特別児童扶養手当関係情報",
        "住民票関係情報",
    ]
    assert build_new_order.names_in("児童扶養手当関係情報", terms) == ["児童扶養手当関係情報"]

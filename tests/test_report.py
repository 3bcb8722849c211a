"""The 変更箇所 table, the JSON report and Japanese era dates."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import openpyxl
import pytest

from mynumber_refs.report import (
    CHANGES_COLUMNS,
    change_rows,
    parse_date,
    wareki,
    write_changes,
    write_json_report,
)


@pytest.mark.parametrize(
    ("date", "text"),
    [
        (dt.date(2024, 5, 27), "令和6年5月27日"),
        (dt.date(2023, 2, 6), "令和5年2月6日"),
        (dt.date(2019, 5, 1), "令和元年5月1日"),
        (dt.date(2019, 4, 30), "平成31年4月30日"),
        (dt.date(1989, 1, 8), "平成元年1月8日"),
        (dt.date(1989, 1, 7), "昭和64年1月7日"),
    ],
)
def test_wareki(date: dt.date, text: str) -> None:
    assert wareki(date) == text
    assert parse_date(text) == date


def test_parse_date_forms() -> None:
    assert parse_date("2024-05-27") == dt.date(2024, 5, 27)
    assert parse_date("2024/5/27") == dt.date(2024, 5, 27)
    assert parse_date("令和６年５月２７日") == dt.date(2024, 5, 27)
    with pytest.raises(ValueError):
        parse_date("令和1年4月1日")  # 2019-04-01 is still 平成
    with pytest.raises(ValueError):
        parse_date("いつか")


def _edit(location: str, before: str, after: str, cb: str, ca: str, unit: int, cs: int) -> dict:
    return {"location": location, "before": before, "after": after, "citation_before": cb,
            "citation_after": ca, "unit": unit, "citation_start": cs, "evidence": ["e"]}


FILES = [
    {"path": "drafts/評価書.docx", "name": "評価書.docx", "edits": [
        _edit("本文 第1段落", "第一", "", "別表第一の16の項", "別表の24の項", 0, 5),
        _edit("本文 第1段落", "16", "24", "別表第一の16の項", "別表の24の項", 0, 5),
        _edit("本文 第1段落", "59", "85", "別表第一の59の項", "別表の85の項", 0, 30),
        _edit("表1 行2 列2", "第一", "", "別表第一の16の項", "別表の24の項", 3, 5),
    ]},
    {"path": "drafts/a.txt", "name": "sub/a.txt", "edits": [
        _edit("3行目", "16", "24", "16", "24", 0, -1),
        _edit("3行目", "59", "85", "59", "85", 0, -1),
    ]},
]


def test_change_rows_one_per_citation() -> None:
    rows = change_rows(FILES, dt.date(2024, 5, 27))
    assert rows == [
        ["令和6年5月27日", "評価書.docx 本文 第1段落", "別表第一の16の項", "別表の24の項", "事後",
         "根拠法にあわせて修正記載する形式的変更のため"],
        ["令和6年5月27日", "評価書.docx 本文 第1段落", "別表第一の59の項", "別表の85の項", "事後",
         "根拠法にあわせて修正記載する形式的変更のため"],
        ["令和6年5月27日", "評価書.docx 表1 行2 列2", "別表第一の16の項", "別表の24の項", "事後",
         "根拠法にあわせて修正記載する形式的変更のため"],
        # edits without a citation stay one row each
        ["令和6年5月27日", "sub/a.txt 3行目", "16", "24", "事後", "根拠法にあわせて修正記載する形式的変更のため"],
        ["令和6年5月27日", "sub/a.txt 3行目", "59", "85", "事後", "根拠法にあわせて修正記載する形式的変更のため"],
    ]


def test_csv_has_bom_and_seed_columns(tmp_path: Path) -> None:
    dest = tmp_path / "変更箇所.csv"
    write_changes(change_rows(FILES, dt.date(2024, 5, 27)), dest)
    raw = dest.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert tuple(rows[0]) == CHANGES_COLUMNS
    assert len(rows) == 6 and rows[1][0] == "令和6年5月27日"


def test_xlsx_table(tmp_path: Path) -> None:
    dest = tmp_path / "変更箇所.xlsx"
    rows = change_rows(FILES, dt.date(2024, 5, 27))
    rows.append(["令和6年5月27日", "=危険な式?", "a", "b", "事後", "x"])
    write_changes(rows, dest)
    wb = openpyxl.load_workbook(str(dest))
    ws = wb["変更箇所"]
    values = list(ws.iter_rows(values_only=True))
    assert values[0] == CHANGES_COLUMNS
    assert values[1][2] == "別表第一の16の項" and ws["A1"].font.b
    assert ws.cell(row=len(values), column=2).data_type == "s"  # text, never a formula


def test_unknown_extension(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"\.csv"):
        write_changes([], tmp_path / "x.txt")


def test_json_report_is_utf8_unescaped(tmp_path: Path) -> None:
    dest = tmp_path / "r.json"
    write_json_report({"files": FILES}, dest)
    text = dest.read_text(encoding="utf-8")
    assert "別表第一の16の項" in text
    assert json.loads(text)["files"][0]["edits"][0]["evidence"] == ["e"]

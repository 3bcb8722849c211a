"""A table named in one cell with its row numbers in the next cell (to the right or below).

The rewriter reads one cell at a time, so it cannot see the rows; renaming the table would leave the
old numbers under the new name.  Such a name is kept and reported (number-after-table), in Excel
and in Word; a name whose next cells hold no numbers is rewritten as before.
"""

from __future__ import annotations

import functools
from pathlib import Path

import docx
import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mynumber_refs.formats import Location, Unit, names_over_cells, open_document, rewrite_document
from mynumber_refs.rewriter import rewrite

REWRITE = functools.partial(rewrite, assume_law=True)

# (the cells of a row, whether the table's name in the second cell may be renamed)
ROWS = [
    (["根拠", "番号法別表第二", "27"], False),
    (["根拠", "番号法別表第二", 27], False),  # a number cell
    (["根拠", "番号法別表第二", "27の項"], False),
    (["根拠", "番号法別表第二", "27、28"], False),
    (["根拠", "番号法別表第二の項番", "項番27"], False),
    (["根拠", "番号法別表第二", "項番", "27、28の項"], False),  # a cell that only says 項番 in between
    (["根拠", "番号法別表第二", "第27項"], False),
    (["根拠", "番号法別表第二", "住民基本台帳法"], True),
    (["根拠", "番号法別表第二", "2024年5月27日"], True),
    (["根拠", "番号法別表第二", "2024/5/27"], True),
    (["根拠", "番号法別表第二に基づく照会", "27"], True),  # the name does not end its cell
]


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def _renamed(path: Path) -> tuple[bool, set[str]]:
    doc = open_document(path)
    edits, findings = rewrite_document(doc, REWRITE)
    return any(e.before.endswith("別表第二") for e in edits), {f.reason for f in findings}


@pytest.mark.parametrize(("row", "renamed"), ROWS)
def test_excel_a_name_with_its_rows_in_the_next_cell_is_kept(tmp_path: Path, row: list[object], renamed: bool) -> None:
    was_renamed, reasons = _renamed(_xlsx(tmp_path / "a.xlsx", [row]))
    assert was_renamed is renamed
    assert ("number-after-table" in reasons) is not renamed


@pytest.mark.parametrize(("row", "renamed"), ROWS)
def test_word_a_name_with_its_rows_in_the_next_cell_is_kept(tmp_path: Path, row: list[object], renamed: bool) -> None:
    d = docx.Document()
    table = d.add_table(rows=1, cols=len(row))
    for i, value in enumerate(row):
        table.cell(0, i).text = str(value)
    d.save(tmp_path / "a.docx")
    was_renamed, reasons = _renamed(tmp_path / "a.docx")
    assert was_renamed is renamed
    assert ("number-after-table" in reasons) is not renamed


def test_a_column_heading_over_row_numbers_is_kept(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "a.xlsx", [["番号法別表第二の項番", "事務"], [27, "住民基本台帳"], [28, "地方税"]])
    assert _renamed(path) == (False, {"number-after-table"})
    d = docx.Document()
    table = d.add_table(rows=3, cols=1)
    for i, value in enumerate(["番号法別表第二の項番", "", "27"]):  # an empty cell between
        table.cell(i, 0).text = value
    d.save(tmp_path / "a.docx")
    assert _renamed(tmp_path / "a.docx") == (False, {"number-after-table"})
    # the file itself is untouched by the kept name: a second look finds the same
    assert _renamed(tmp_path / "a.docx") == (False, {"number-after-table"})


_ROW_TEXT = st.builds(
    lambda pre, n, post: f"{pre}{n}{post}",
    st.sampled_from(["", "項番", "第", " "]),
    st.integers(1, 200),
    st.sampled_from(["", "の項", "項", "、30", " "]),
)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["番号法別表第一", "番号法別表第二", "番号利用法別表第二", "番号法別表第二の項番"]),
       _ROW_TEXT, st.booleans(), st.sampled_from(["", "項番"]))
def test_no_new_name_over_old_numbers_in_the_next_cell(name: str, rows: str, down: bool, between: str) -> None:
    result = rewrite(name, assume_law=True)
    assert result.edits  # the name alone is renamed
    run = tuple(t for t in (between, rows) if t)
    unit = Unit(name, Location("x"), after=((), run) if down else (run,))
    applied, kept = names_over_cells(unit, list(result.edits))
    assert applied == [] and kept

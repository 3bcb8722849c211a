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
    # (session 11: a cell that begins with row numbers, whatever follows them)
    (["根拠", "番号法別表第二", "27（市町村長）"], False),
    (["根拠", "番号法別表第二", "２７（注）"], False),
    (["根拠", "番号法別表第二", "１～３"], False),
    (["根拠", "番号法別表第二", "27-29"], False),
    (["根拠", "番号法別表第二", "27から29まで"], False),
    (["根拠", "番号法別表第二", "27及び28"], False),
    (["根拠", "番号法別表第二", "27 28"], False),
    (["根拠", "番号法別表第二", "27\n28"], False),
    (["根拠", "番号法別表第二", "・27の項"], False),
    (["根拠", "番号法別表第二", "3件"], True),
    (["根拠", "番号法別表第二", "10万円"], True),
    (["根拠", "番号法別表第二", "2024年度"], True),
    (["根拠", "番号法別表第二", "第20条"], True),  # an article, not a row: the table's name alone is renamed
    # (probe: row numbers in brackets or after a mark)
    (["根拠", "番号法別表第二", "（27の項）"], False),
    (["根拠", "番号法別表第二", "(27)"], False),
    (["根拠", "番号法別表第二", "【27の項】"], False),
    (["根拠", "番号法別表第二", "※27の項"], False),
    (["根拠", "番号法別表第二", "〃27"], False),
    (["根拠", "番号法別表第二", "27、28の項（市町村長）"], False),
    (["根拠", "番号法別表第二", "(1) 27の項"], False),
    # (probe: an item number begins the cell; words follow it, not rows)
    (["根拠", "番号法別表第二", "一般"], True),
    (["根拠", "番号法別表第二", "(1) 照会"], True),
    # (session 18: rows in numerals no citation is read with; the name was renamed beside them)
    (["根拠", "番号法別表第二", "㉗"], False),
    (["根拠", "番号法別表第二", "⑯の項"], False),
    (["根拠", "番号法別表第二", "Ⅱ"], False),
    (["根拠", "番号法別表第二", "㉗、㉘"], False),
    # (session 18: a row number with 番, as 「番号法別表第二\t27番」 keeps the name in a text; not 「1番目」, 「3番地」)
    (["根拠", "番号法別表第二", "27番"], False),
    (["根拠", "番号法別表第二", "２７番、２８番"], False),
    (["根拠", "番号法別表第二", "1番目の照会"], True),
    (["根拠", "番号法別表第二", "3番地"], True),
    # (session 18: 項 after 当該/該当, as 「該当項：27」 keeps the name in a text)
    (["根拠", "番号法別表第二", "当該項：27"], False),
    (["根拠", "番号法別表第二", "該当項番：27、28"], False),
    (["根拠", "番号法別表第二", "該当項", "27"], False),  # a cell that only says 該当項 in between
    # (session 19: a bare number beside a row ending its cell is read as its rows, as 「…27の項\t28」 in a text; the name was
    # renamed over it.  A count is a bare number too: kept and reported, the safe side)
    (["根拠", "番号法別表第二の27の項", "28"], False),
    (["根拠", "番号法別表第二の27の項", 28], False),
    (["根拠", "番号法別表第二の27、28の項", "29、30"], False),
    (["根拠", "番号法別表第二の27の項", "住民基本台帳"], True),
    (["根拠", "番号法別表第二の27の項", "3件"], True),
    # (session 19: a cell joined to the row before it by a word, an opening bracket left open, a row named by its place)
    (["根拠", "番号法別表第二の27の項", "及び28の項"], False),
    (["根拠", "番号法別表第二の27の項", "、28"], False),
    (["根拠", "番号法別表第二の27の項から", "29の項まで"], False),
    (["根拠", "番号法別表第二（", "27の項）"], False),
    (["根拠", "番号法別表第二の27の項", "の次の項"], False),
    (["根拠", "番号法別表第二の27の項", "前項に同じ"], False),
    (["根拠", "番号法別表第二の27の項及び", "住民基本台帳法"], True),
    # (session 19: a cell of marks, brackets or 「の」 only stands between, as one saying 項番 does)
    (["根拠", "番号法別表第二", "：", "27"], False),
    (["根拠", "番号法別表第二", "（", "27", "）"], False),
    (["根拠", "番号法別表第二", "の", "27の項"], False),
    (["根拠", "番号法別表第二", "→", "27"], False),
    (["根拠", "番号法別表第二", "：", "住民基本台帳法"], True),
]

# an item number at the start of a cell to the right of or below the name: no row numbers (probe)
ITEM_CELLS = ["１．特定個人情報ファイル名", "3 提供する情報", "１　住民基本台帳ファイル", "1)照会", "１．住民票関係情報の提供",
              "２　提供先", "1,000人以上", "1.2 概要", "（１）照会", "①住民票関係情報の提供", "① 照会"]


@pytest.mark.parametrize("cell", ITEM_CELLS)
@pytest.mark.parametrize("down", [False, True])
@pytest.mark.parametrize("suffix", [".xlsx", ".docx"])
def test_an_item_number_beside_or_below_a_name_is_no_row(tmp_path: Path, cell: str, down: bool, suffix: str) -> None:
    """「番号法第19条第8号 別表第二」 | 「１．特定個人情報ファイル名」: a number that begins a cell and is followed by
    「．」「)」, words or a thousands separator numbers an item; the name is renamed."""
    path = _name_and_cell(tmp_path / f"a{suffix}", "番号法第19条第8号 別表第二", cell, down)
    edits, findings = rewrite_document(open_document(path), REWRITE)
    assert [(e.before, e.after) for e in edits] == [("第19条第8号 別表第二", "第19条第8号に基づく主務省令第2条の表")]
    assert "number-after-table" not in {f.reason for f in findings}



def _name_and_cell(path: Path, name: str, cell: str, down: bool) -> Path:
    """A Word or Excel document (by ``path``'s suffix) whose table holds ``name`` and, right of it or below it
    (``down``), ``cell``."""
    if path.suffix == ".xlsx":
        return _xlsx(path, [[name], [cell]] if down else [[name, cell]])
    d = docx.Document()
    table = d.add_table(rows=2 if down else 1, cols=1 if down else 2)
    table.cell(0, 0).text = name
    (table.cell(1, 0) if down else table.cell(0, 1)).text = cell
    d.save(str(path))
    return path

def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def _one_row(path: Path, row: list[object]) -> Path:
    """A Word or Excel file (by ``path``'s suffix) holding one table row of ``row``'s cells."""
    if path.suffix == ".xlsx":
        return _xlsx(path, [row])
    d = docx.Document()
    table = d.add_table(rows=1, cols=len(row))
    for i, value in enumerate(row):
        table.cell(0, i).text = str(value)
    d.save(path)
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
    was_renamed, reasons = _renamed(_one_row(tmp_path / "a.docx", row))
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


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
@pytest.mark.parametrize("name", ["番号法別表第一及び別表第二", "番号法別表第一、別表第二", "番号法別表第二並びに別表第一の項番"])
def test_a_table_joined_to_a_name_over_rows_is_kept_with_it(tmp_path: Path, fmt: str, name: str) -> None:
    """「番号法別表第一及び別表第二」 | 「27」: the rows in the next cell may be either table's (as after 「別表第一及び
    第二」), so the table joined to the name ending the cell is kept with it; it was renamed alone
    (「番号法別表及び別表第二」 | 「27」)."""
    path = tmp_path / f"a.{fmt}"
    doc = open_document(_xlsx(path, [["根拠", name, "27"]]) if fmt == "xlsx" else _one_row(path, ["根拠", name, "27"]))
    edits, findings = rewrite_document(doc, REWRITE)
    assert edits == []
    assert {f.reason for f in findings} == {"number-after-table"}
    # a table with rows of its own before it is not kept (「番号法別表第一の16の項及び別表第二」 | 「27」)
    path = tmp_path / f"b.{fmt}"
    row = ["根拠", "番号法別表第一の16の項及び別表第二", "27"]
    doc = open_document(_xlsx(path, [row]) if fmt == "xlsx" else _one_row(path, row))
    edits, findings = rewrite_document(doc, REWRITE)
    assert [e.before for e in edits] == ["第一", "16"]


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
@pytest.mark.parametrize(("row", "kept"), [
    (["番号法第19条第7号", "別表第二の27の項"], True),
    (["番号法第十九条第七号及び", "番号法別表第二"], True),
    (["番号法", "第19条第7号", "別表第二"], True),  # (a cell of provisions only reads with the law before it)
    (["番号法19条7号の規定による", "別表第二主務省令第20条"], True),
    (["番号法第19条第8号", "別表第二の27の項"], False),
    (["住民基本台帳法第19条第7号", "番号法別表第二"], False),  # another law's 号
    (["番号法第119条第7号", "別表第二の27の項"], False),
])
def test_an_old_network_item_in_the_cell_to_the_left_keeps_the_table(
    tmp_path: Path, fmt: str, row: list[object], kept: bool
) -> None:
    """「番号法第19条第7号」 | 「別表第二の27の項」: renamed, the table would say 第19条第8号 beside the old 号 of the
    cell to its left, which no edit of its own cell renumbers; it is kept (number-before-table), as in a text."""
    path = tmp_path / f"a.{fmt}"
    doc = open_document(_xlsx(path, [row]) if fmt == "xlsx" else _one_row(path, row))
    edits, findings = rewrite_document(doc, REWRITE)
    assert (edits == []) is kept
    assert ("number-before-table" in {f.reason for f in findings}) is kept


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["番号法別表第一", "番号法別表第二", "番号利用法別表第二", "番号法別表第二の項番",
                        "番号法別表第一及び別表第二", "番号法別表第二、別表第一"]),
       _ROW_TEXT, st.booleans(), st.sampled_from(["", "項番"]))
def test_no_new_name_over_old_numbers_in_the_next_cell(name: str, rows: str, down: bool, between: str) -> None:
    result = rewrite(name, assume_law=True)
    if name.endswith("の項番"):  # the word for its rows names rows written apart: kept in the text itself
        assert not result.edits and [f.reason for f in result.findings] == ["number-after-table"]
        return
    assert result.edits  # the name alone is renamed
    run = tuple(t for t in (between, rows) if t)
    unit = Unit(name, Location("x"), after=((), run) if down else (run,))
    applied, kept = names_over_cells(unit, list(result.edits))
    assert applied == [] and kept


# ------------------------------------------------------------------ the law in the cell to the left

# (the cells of a row, whether the table in the last cell is rewritten under --assume-law, the finding)
LEFT_LAWS = [
    (["住民基本台帳法", "別表第一の1の項"], False, "law-other"),
    (["住民基本台帳法第30条の9", "別表第二の4の項"], False, "law-other"),
    (["住民基本台帳法（昭和42年法律第81号）", "", "別表第一の1の項"], False, "law-other"),  # an empty cell between
    (["児童福祉法施行令", "別表第一の3の項、別表第二の5の項"], False, "law-other"),
    (["番号法", "別表第一の16の項"], True, None),
    (["根拠法令", "別表第一の16の項"], True, None),
    (["住民基本台帳に関する事務（住民基本台帳法）", "別表第一の16の項"], True, None),  # a description, not a law before it
    (["住民基本台帳法", "番号法別表第一の16の項"], True, None),  # the cell names its own law
    (["住民基本台帳法", 3, "別表第一の16の項"], True, None),  # a number stands between: not the law's cell
    # (probe: the law followed by a connective only, or an article-only cell between)
    (["住民基本台帳法に基づく", "別表第二の4の項"], False, "law-other"),
    (["住民基本台帳法の", "別表第一の1の項"], False, "law-other"),
    (["住民基本台帳法", "第30条の15", "別表第一の1の項"], False, "law-other"),
    (["住民基本台帳法", "第30条の15", "別表第一の1の项"], False, None),
    (["番号法に基づく", "別表第二の4の項"], True, None),
    (["番号法", "第9条第1項", "別表第一の16の項"], True, None),
    (["住民基本台帳法に基づく住民票の写しの交付", "別表第一の16の項"], True, None),  # words of its own after the law
    (["住民基本台帳法", "第30条の15に基づく照会", "別表第一の16の項"], True, None),  # not only articles between
    # (a law's abbreviation alone as a heading cell, as in a tab-separated row; not a longer word ending so)
    (["（１）児手法", "別表第一の1の項"], False, "law-other"),
    (["【行手法】", "別表第二の27の項"], False, "law-other"),
    (["③入手方法", "別表第一の16の項"], True, None),
]


@pytest.mark.parametrize(("row", "rewritten", "reason"), LEFT_LAWS)
@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_a_table_takes_the_law_its_left_cell_ends_with(
    tmp_path: Path, row: list[object], rewritten: bool, reason: str | None, fmt: str
) -> None:
    """「住民基本台帳法」 | 「別表第一の1の項」: the law column names the table's law; with --assume-law too, the
    table is that law's, left as written and reported as another law's."""
    path = _one_row(tmp_path / f"a.{fmt}", row)
    edits, findings = rewrite_document(open_document(path), REWRITE)
    assert bool(edits) is rewritten
    reasons = {f.reason for f in findings}
    assert (reason in reasons) if reason else not ({"law-other", "law-unknown"} & reasons)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(["住民基本台帳法", "生活保護法施行規則", "熊谷市手数料条例", "地方税法", "児童福祉法施行令"]),
       st.sampled_from(["", "第30条の9", "（昭和42年法律第81号）", "第5条及び"]),
       st.sampled_from(["別表第一の16の項", "別表第二", "別表第二の27の項", "第9条第1項別表第一の16の項",
                        "別表第一の16の項及び別表第二の27の項", "別表第二\n・27の項\n・28の項"]))
def test_no_edit_of_a_cell_whose_left_cell_names_another_law(law: str, after: str, cell: str) -> None:
    from mynumber_refs.formats import laws_left_of_cells

    unit = Unit(cell, Location("A1", {}), before=law + after)
    result = REWRITE(cell)
    edits, other = laws_left_of_cells(unit, result.edits, result.findings)
    assert edits == [] and other


# (the rows of a table, whether the table in the last row's last cell is rewritten under --assume-law, the finding)
COLUMN_HEADS = [
    ([["区分", "住基法"], ["個人番号の利用", "別表第一の1の項"]], False, "law-other"),
    ([["事務", "根拠（住民基本台帳法）"], ["転入届", "別表第二の4の項"], ["転出届", "別表第一の1の項"]], False, "law-other"),
    ([["区分", "条例"], ["独自利用事務", "別表第二の2の項"]], False, "law-other"),
    ([["区分", "番号法"], ["個人番号の利用", "別表第一の16の項"]], True, None),
    ([["区分", "根拠法令"], ["個人番号の利用", "別表第一の16の項"]], True, None),  # a header naming no law
    ([["区分", "住基法"], ["", "番号法"], ["個人番号の利用", "別表第一の16の項"]], True, None),  # the act named between
    ([["区分", "住基法"], ["", ""], ["個人番号の利用", "別表第一の16の項"]], True, None),  # an empty row: another table
]


@pytest.mark.parametrize(("rows", "rewritten", "reason"), COLUMN_HEADS)
@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_a_table_takes_the_law_its_column_header_names(
    tmp_path: Path, rows: list[list[object]], rewritten: bool, reason: str | None, fmt: str
) -> None:
    """「住基法」 heading a column of 「別表第一の1の項」 in the table's first row: with --assume-law too, the column's tables
    that name no law are that law's, left as written and reported (they were renamed as the act's when a cell with text
    stood to their left)."""
    path = tmp_path / f"a.{fmt}"
    if fmt == "xlsx":
        _xlsx(path, rows)
    else:
        d = docx.Document()
        table = d.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for i, value in enumerate(row):
                table.cell(r, i).text = str(value)
        d.save(path)
    edits, findings = rewrite_document(open_document(path), REWRITE)
    assert bool(edits) is rewritten
    reasons = {f.reason for f in findings}
    assert (reason in reasons) if reason else not ({"law-other", "law-unknown"} & reasons)


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(["住基法", "住民基本台帳法", "根拠（地方税法）", "【児童福祉法施行令】", "熊谷市手数料条例"]),
       st.lists(st.sampled_from(["別表第三の1の項", "（なし）", "第30条の15"]), max_size=3),
       st.sampled_from(["別表第一の16の項", "別表第二", "別表第二の27の項", "別表第一の16の項及び別表第二の27の項"]))
def test_no_edit_of_a_cell_whose_column_header_names_another_law(head: str, between: list[str], cell: str) -> None:
    from mynumber_refs.formats import laws_left_of_cells

    rows = tuple((t, ("label", t), False) for t in reversed([head, *between]))  # (nearest first: the header last)
    unit = Unit(cell, Location("B9", {}), before="label", rows=lambda: rows)
    result = REWRITE(cell)
    edits, other = laws_left_of_cells(unit, result.edits, result.findings)
    assert edits == [] and other


@pytest.mark.parametrize(("row", "rewritten"), [
    (["番号法", "別表第一の16の項"], True),
    (["番号利用法第19条第8号", "別表第二の27の項"], True),
    (["行政手続における特定の個人を識別するための番号の利用等に関する法律（平成25年法律第27号）", "別表第一の16の項"], True),
    (["根拠法令", "別表第一の16の項"], False),
    (["番号法に基づく事務", "別表第一の16の項"], False),  # named in a phrase, not right before the table
    (["番号法に基づく", "別表第一の16の項"], True),
    (["番号法", "第9条第1項", "別表第一の16の項"], True),
    (["住民基本台帳法", "別表第一の1の項"], False),
])
@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_without_assume_law_a_table_takes_the_act_its_left_cell_ends_with(
    tmp_path: Path, row: list[object], rewritten: bool, fmt: str
) -> None:
    """「番号法」 | 「別表第一の16の項」: the law column names the act, so the table is the act's without
    --assume-law (a batch rewrites such a cell with the act assumed)."""
    path = _one_row(tmp_path / f"a.{fmt}", row)
    edits, findings = rewrite_document(open_document(path), rewrite,
                                       assumed_fn=functools.partial(rewrite, assume_law=True))
    assert bool(edits) is rewritten
    assert ("law-unknown" in {f.reason for f in findings}) is (not rewritten and "住民" not in row[0])


@pytest.mark.parametrize(("law", "rewritten"), [("住民基本台帳法", False), ("番号法", True)])
@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_a_law_cell_merged_over_rows_stands_left_of_each(tmp_path: Path, law: str, rewritten: bool, fmt: str) -> None:
    """A 「根拠法令」 cell merged down over several rows is the cell to the left of each of them."""
    path = tmp_path / f"a.{fmt}"
    if fmt == "xlsx":
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.merge_cells("A1:A3")
        ws["A1"] = law
        for r in (1, 2, 3):
            ws.cell(r, 2, f"別表第一の{r}の項")
        wb.save(path)
    else:
        d = docx.Document()
        table = d.add_table(rows=3, cols=2)
        table.cell(0, 0).merge(table.cell(2, 0)).text = law
        for r in (1, 2, 3):
            table.cell(r - 1, 1).text = f"別表第一の{r}の項"
        d.save(path)
    edits, findings = rewrite_document(open_document(path), REWRITE)
    assert len({e.location for e in edits}) == (3 if rewritten else 0)
    assert len({f.location for f in findings if f.reason == "law-other"}) == (0 if rewritten else 3)


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_a_name_merged_down_over_rows_is_kept_when_a_lower_row_holds_its_rows(tmp_path: Path, fmt: str) -> None:
    """「番号法別表第二」 in a cell merged over two rows, 「27の項」 beside its lower row: the rows are the
    name's as much as beside its first row (the name was renamed over them)."""
    path = tmp_path / f"m.{fmt}"
    if fmt == "xlsx":
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.merge_cells("A1:A2")
        ws["A1"], ws["B2"] = "番号法別表第二", "27の項"
        wb.save(path)
    else:
        d = docx.Document()
        t = d.add_table(rows=2, cols=2)
        t.cell(0, 0).merge(t.cell(1, 0)).text = "番号法別表第二"
        t.cell(1, 1).text = "27の項"
        d.save(path)
    assert _renamed(path) == (False, {"number-after-table"})


def _word_table(path: Path, rows: list[tuple[int, list[str]]]) -> Path:
    """A Word table of three grid columns; each row is (its w:gridBefore, its cells' texts)."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    def row(before: int, texts: list[str]) -> str:
        pr = f'<w:trPr><w:gridBefore w:val="{before}"/></w:trPr>' if before else ""
        cells = "".join(f"<w:tc><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>" for t in texts)
        return f"<w:tr>{pr}{cells}</w:tr>"

    d = docx.Document()
    d.element.body.insert(0, parse_xml(
        f'<w:tbl {nsdecls("w")}><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>'
        + "".join(row(b, t) for b, t in rows) + "</w:tbl>"))
    d.save(str(path))
    return path


@pytest.mark.parametrize(("below", "renamed"), [
    ((1, ["27", ""]), False),  # the row skips the first grid column: 「27」 stands under the name
    ((0, ["", "27", ""]), False),  # the same row written with an empty first cell
    ((0, ["27", "", ""]), True),  # 「27」 under the label, not under the name
    ((2, ["27"]), True),  # under the third column
])
def test_word_a_row_that_skips_grid_columns_has_its_cells_where_they_stand(
    tmp_path: Path, below: tuple[int, list[str]], renamed: bool
) -> None:
    """A Word row with w:gridBefore starts its cells after the columns it skips: 「27」 in its first cell
    under 「番号法別表第二」 in the second column is the name's row (it was taken for the first column's,
    and the name renamed over it)."""
    path = _word_table(tmp_path / "g.docx", [(0, ["提供の根拠", "番号法別表第二", "備考"]), below])
    was_renamed, reasons = _renamed(path)
    assert was_renamed is renamed
    assert ("number-after-table" in reasons) is not renamed


@pytest.mark.parametrize(("heading", "renamed"), [
    ("項番（番号法別表第二）", False),
    ("（番号法別表第二）", False),
    ("番号法別表第二の該当項", False),
    ("番号法別表第二の項番（注）", False),
    ("番号法別表第二に基づく照会先", True),  # words of its own after the name: no heading of row numbers
])
def test_a_column_heading_ending_in_a_bracket_or_a_note_over_row_numbers_is_kept(
    tmp_path: Path, heading: str, renamed: bool
) -> None:
    path = _xlsx(tmp_path / "a.xlsx", [[heading], [27], [28]])
    was_renamed, reasons = _renamed(path)
    assert was_renamed is renamed
    assert ("number-after-table" in reasons) is not renamed


@pytest.mark.parametrize("definition", ["住民基本台帳法（以下「法」という。）に基づく事務", "この評価書において「法」とは、住民基本台帳法をいう。",
                                        "※「法」は住民基本台帳法を指す。", "住民基本台帳法（以下この項において「法」と表記する。）"])
@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_a_term_another_cell_or_paragraph_defines_as_another_law_is_not_assumed_the_act(
    tmp_path: Path, fmt: str, definition: str
) -> None:
    """「住民基本台帳法（以下「法」という。）」 in one cell or paragraph, 「法別表第一の16の項」 in another: with
    ``assume_law`` the bare 法 would be the act; the document names another law for it, so the table
    stays, reported as that law's (the text path reads the definition itself).  Defined as the act, it
    is rewritten."""
    for law, rewritten in (("住民基本台帳法", False), ("番号利用法", True)):
        path = tmp_path / f"{law}.{fmt}"
        first = definition.replace("住民基本台帳法", law)
        if fmt == "xlsx":
            _xlsx(path, [[first], ["法別表第一の16の項"]])
        else:
            d = docx.Document()
            d.add_paragraph(first)
            d.add_table(rows=1, cols=1).cell(0, 0).text = "法別表第一の16の項"
            d.save(path)
        doc = open_document(path)
        edits, findings = rewrite_document(doc, functools.partial(rewrite, assume_law=True))
        assert bool(edits) is rewritten
        if not rewritten:
            assert [f.reason for f in findings] == ["law-other"] and law in findings[0].message


@pytest.mark.parametrize("suffix", [".xlsx", ".docx"])
@pytest.mark.parametrize("article", ["第２０条", "２０条１号ハ", "同令第２１条", "（２０条１号ハ）",
                                     "（平成26年内閣府・総務省令第7号）第２０条", "平成26年内閣府・総務省令第7号第２０条"])
@pytest.mark.parametrize("title", ["番号法別表第二主務省令", "番号法別表第二の主務省令で定める事務及び情報を定める命令"])
def test_an_old_orders_title_with_its_article_in_the_next_cell_is_kept(
    tmp_path: Path, suffix: str, article: str, title: str
) -> None:
    """「番号法別表第二主務省令」 | 「第２０条」: renamed, the new order's name would stand over the old order's
    article (the new one is 第50条); in text, 「番号法別表第二主務省令\t第２０条」 rewrites both."""
    path = _one_row(tmp_path / f"a{suffix}", [title, article])
    edits, findings = rewrite_document(open_document(path), REWRITE)
    assert edits == []
    assert "number-after-table" in {f.reason for f in findings}
    # the title alone, or beside a cell that is no article, is renamed
    path = _one_row(tmp_path / f"b{suffix}", [title, "情報照会"])
    edits, _ = rewrite_document(open_document(path), REWRITE)
    assert [e.before for e in edits] == [title.removeprefix("番号法")]


@pytest.mark.parametrize(("above", "left", "rewritten", "reason"), [
    ("住民基本台帳法", None, False, "law-other"),
    ("住民基本台帳法（昭和42年法律第81号）", None, False, "law-other"),
    ("根拠法令", None, True, None),
    ("住民基本台帳法に基づく事務", None, True, None),  # not the law alone
    ("住民基本台帳に関する事務（住民基本台帳法）", None, True, None),
    ("番号法", None, True, None),
    ("住民基本台帳法", "番号法", True, None),  # the cell to the left names the act: it is read first
    ("住民基本台帳法", "項番1", True, None),  # a text to the left: the cell above is not read
])
@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_a_law_alone_in_the_cell_above_is_the_law_of_a_table_cell(
    tmp_path: Path, above: str, left: str | None, rewritten: bool, reason: str | None, fmt: str
) -> None:
    """B7 「住民基本台帳法」, B8 「別表第一の1の項」: a cell with no text to its left whose cell right above holds
    nothing but another law's name is that law's (kept as law-other, also with --assume-law).  In a Word table
    too: there the cell above was not read, and the table was rewritten as the act's."""
    path = tmp_path / f"a.{fmt}"
    if fmt == "xlsx":
        wb = openpyxl.Workbook()
        ws = wb.active
        ws["B7"], ws["B8"] = above, "別表第一の16の項"
        if left is not None:
            ws["A8"] = left
        wb.save(path)
        where = "Sheet!B8"
    else:
        d = docx.Document()
        t = d.add_table(rows=2, cols=2)
        t.cell(0, 1).text, t.cell(1, 1).text = above, "別表第一の16の項"
        if left is not None:
            t.cell(1, 0).text = left
        d.save(str(path))
        where = "本文 表1 行2 列2"
    edits, findings = rewrite_document(open_document(path), REWRITE)
    assert bool(edits) is rewritten and all(e.location.startswith(where) for e in edits)
    reasons = {f.reason for f in findings}
    assert (reason in reasons) if reason else not ({"law-other", "law-unknown"} & reasons)
    if reason:
        assert "すぐ上のセル" in findings[0].message and "right above" in findings[0].message


@pytest.mark.parametrize(("above", "law"), [
    ('<w:trPr><w:gridAfter w:val="2"/></w:trPr><w:tc><w:p><w:r><w:t>住民基本台帳法</w:t></w:r></w:p></w:tc>', False),
    ('<w:tc><w:tcPr><w:gridSpan w:val="3"/></w:tcPr><w:p><w:r><w:t>住民基本台帳法</w:t></w:r></w:p></w:tc>', True),
])
def test_word_the_cell_right_above_is_the_one_over_the_cells_grid_column(tmp_path: Path, above: str, law: bool) -> None:
    """The cell right above a Word cell is the one whose grid columns hold the cell's: a row that ends before the
    cell's column (w:gridAfter) has none there (its last cell was read as above it), a cell spanning the row has."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    cells = "".join(f"<w:tc><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>" for t in ("", "", "別表第一の16の項"))
    d = docx.Document()
    d.element.body.insert(0, parse_xml(
        f'<w:tbl {nsdecls("w")}><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>'
        f"<w:tr>{above}</w:tr><w:tr>{cells}</w:tr></w:tbl>"))
    path = tmp_path / "a.docx"
    d.save(str(path))
    edits, findings = rewrite_document(open_document(path), REWRITE)
    assert [e.after for e in edits] == ([] if law else ["", "24"])
    assert [f.reason for f in findings] == (["law-other"] if law else [])


# ------------------------------------------------------------------ an old number in the next cell, after rows

# (the cell next to 「番号法別表第二の27の項」, whether the table may be renamed)
OLD_NEXT = [
    ("主務省令第20条", False),  # the old order's article, numbered by the old rows
    ("同主務省令第20条", False),
    ("同令第20条", False),
    ("（主務省令第２０条）", False),
    ("・主務省令第20条", False),
    ("下欄", False),  # a column of the old table
    ("中欄", False),
    ("同項の下欄", False),
    ("第四欄", False),
    ("旧主務省令第20条", False),
    ("第19条第7号", False),  # the old network provision, beside the new name's 第19条第8号
    ("番号法第19条第7号", False),
    ("28の項", False),  # a row written with 項
    ("項番28", False),
    ("当該項：28", False),  # (session 18)
    ("該当項番28", False),
    # not the old numbering
    ("第19条第8号", True),
    ("住民基本台帳法第19条第7号", True),  # another law's 号
    ("番号法第19条第7号及び別表第二の28の項", True),  # renumbered with the cell's own table
    ("令第20条", True),
    ("第20条", True),  # an article of what? (as in a text: 「番号法別表第二の27の項\t第20条」 is rewritten)
    ("項目", True),
    ("住民票関係情報", True),
    ("[ ○ ] 1万人以上10万人未満", True),
    ("（1）照会", True),
]


@pytest.mark.parametrize(("cell", "renamed"), OLD_NEXT)
@pytest.mark.parametrize("down", [False, True])
@pytest.mark.parametrize("suffix", [".xlsx", ".docx"])
def test_an_old_number_in_the_next_cell_keeps_a_table_with_its_rows(
    tmp_path: Path, cell: str, renamed: bool, down: bool, suffix: str
) -> None:
    """「番号法別表第二の27の項」 | 「主務省令第20条」: renamed, the cell would say 「番号法第19条第8号に基づく主務省令第2条の表の
    48の項」 beside the old order's article (the new one is 第50条), as 「下欄」 or 「第19条第7号」 would stand beside the
    new table; in a text, 「番号法別表第二の27の項\t主務省令第20条」 keeps the name too (number-after-table)."""
    path = _name_and_cell(tmp_path / f"a{suffix}", "番号法別表第二の27の項", cell, down)
    edits, findings = rewrite_document(open_document(path), REWRITE)
    mine = [(e.before, e.after) for e in edits if e.location_detail.get("cell", "A1") == "A1"
            and e.location_detail.get("table", [0, 1, 1])[-2:] == [1, 1]]
    if renamed:
        assert mine == [("別表第二", "第19条第8号に基づく主務省令第2条の表"), ("27", "48")]
    else:
        assert mine == []
        kept = [f for f in findings if f.reason == "number-after-table" and f.text == "別表第二"]
        assert kept and "".join(cell.split())[:10] in kept[0].message


_OLD_LEAD = st.sampled_from(["主務省令第20条", "同令第２０条", "下欄", "上欄", "第19条第7号", "番号法第１９条第７号",
                             "28の項", "項番28", "第28項", "主務省令（平成26年内閣府・総務省令第7号）第20条"])


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["番号法別表第二の27の項", "番号法別表第一の16の項", "番号利用法別表第二の２７の項", "番号法別表第二の27、28の項",
                        "番号法別表第二の27の項（注）", "番号法別表第二"]),
       _OLD_LEAD, st.sampled_from(["", "・", "（", "※"]), st.booleans(), st.sampled_from(["", "項番"]))
def test_no_new_name_beside_an_old_number_in_the_next_cell(name: str, lead: str, mark: str, down: bool, between: str) -> None:
    """Whatever old table's citation ends a cell, an old number that begins the next cell (to the right or below,
    past a cell saying only 項番) keeps it: no edit of the cell applies."""
    result = rewrite(name, assume_law=True)
    assert result.edits
    run = tuple(t for t in (between, mark + lead) if t)
    unit = Unit(name, Location("x"), after=((), run) if down else (run,))
    applied, kept = names_over_cells(unit, list(result.edits), REWRITE)
    assert applied == [] and kept


# (the cell to the left of 「番号法別表第二の27の項」, whether the table may be renamed)
OLD_LEFT = [
    ("主務省令第20条", False),  # the old order's article
    ("（主務省令第２０条）", False),
    ("同令第20条、", False),
    # not the old numbering, or read as a citation of its own cell
    ("番号法別表第二主務省令第20条", True),  # renamed itself
    ("28の項", True),  # a row number to the left numbers the document's own items as often (項番1)
    ("第20条", True),  # as in a text: 「第20条\t番号法別表第二の27の項」 is rewritten
    ("27", True),  # a bare number to the left is the document's own item number as often
    ("番号法第9条第1項", True),
    ("住民票関係情報", True),
]


@pytest.mark.parametrize(("cell", "renamed"), OLD_LEFT)
@pytest.mark.parametrize("suffix", [".xlsx", ".docx"])
def test_an_old_number_in_the_cell_to_the_left_keeps_the_table(tmp_path: Path, cell: str, renamed: bool, suffix: str) -> None:
    """「主務省令第20条」 | 「番号法別表第二の27の項」: renamed, the table would stand beside the old order's article
    (the new one is 第50条); in a text the name after it is kept (number-before-table), and so it is in the cell."""
    path = _one_row(tmp_path / f"a{suffix}", [cell, "番号法別表第二の27の項"])
    edits, findings = rewrite_document(open_document(path), REWRITE)
    mine = [(e.before, e.after) for e in edits if e.before in ("別表第二", "27")]
    if renamed:
        assert mine == [("別表第二", "第19条第8号に基づく主務省令第2条の表"), ("27", "48")]
    else:
        assert mine == []
        kept = [f for f in findings if f.reason == "number-before-table" and f.text == "別表第二"]
        assert kept and "".join(cell.split()).strip("（）、") in kept[0].message


@pytest.mark.parametrize(("row", "renamed"), [
    (["番号法別表第二主務省令第20条", "主務省令第21条"], False),  # the old order's articles, one renamed beside the other
    (["番号法別表第二主務省令第20条", "28の項"], False),
    (["番号法別表第二主務省令第20条", "第19条第7号"], False),
    (["番号法別表第二主務省令", "主務省令第21条"], False),
    (["番号法別表第二主務省令第20条", "下欄"], True),  # a column is a table's: in a text, the title is renamed too
    (["番号法別表第二主務省令", "下欄"], True),
    (["番号法別表第二主務省令第20条", "住民票関係情報"], True),
])
@pytest.mark.parametrize("suffix", [".xlsx", ".docx"])
def test_an_old_orders_title_and_article_before_an_old_number_in_the_next_cell_is_kept(
    tmp_path: Path, row: list[object], renamed: bool, suffix: str
) -> None:
    """「番号法別表第二主務省令第20条」 | 「主務省令第21条」: renamed, 「番号法第19条第8号に基づく主務省令第50条」 would stand
    beside the old order's 第21条; in a text (「…第20条\t主務省令第21条」) the title and its article are kept."""
    path = _one_row(tmp_path / f"a{suffix}", row)
    edits, findings = rewrite_document(open_document(path), REWRITE)
    if renamed:
        assert edits and all(e.location_detail.get("cell", "A1") == "A1" for e in edits)
        assert edits[0].before.startswith("別表第二")
    else:
        assert edits == []
        assert "number-after-table" in {f.reason for f in findings}


@pytest.mark.parametrize(("above", "renamed"), [
    ("番号法第19条第7号", False),  # the old network provision over the table
    ("第19条第7号の規定による", False),
    ("主務省令第20条", False),  # the old order's article
    ("番号法第19条第8号", True),
    ("住民基本台帳法第19条第7号による", True),  # another law's 号
    ("根拠法令", True),
    ("番号法第19条第7号及び別表第二の28の項", True),  # renumbered with its own table
])
@pytest.mark.parametrize("suffix", [".xlsx", ".docx"])
def test_an_old_number_in_the_cell_above_keeps_the_table(tmp_path: Path, above: str, renamed: bool, suffix: str) -> None:
    """「番号法第19条第7号」 over 「別表第二の27の項」: renamed, the table would say 第19条第8号 under the old 号 of the cell
    above, which no edit of its own cell renumbers (in a text, 「番号法第19条第7号\\n別表第二の27の項」 renumbers both); it
    is kept (number-before-table), as beside a cell to the left."""
    path = tmp_path / f"a{suffix}"
    if suffix == ".xlsx":
        _xlsx(path, [[above], ["別表第二の27の項"]])
    else:
        d = docx.Document()
        table = d.add_table(rows=2, cols=1)
        table.cell(0, 0).text = above
        table.cell(1, 0).text = "別表第二の27の項"
        d.save(path)
    edits, findings = rewrite_document(open_document(path), REWRITE)
    mine = [e.after for e in edits if e.before in ("別表第二", "27") and e.location_detail.get("cell", "A2") == "A2"
            and e.location_detail.get("table", [0, 2, 1])[-2:] == [2, 1]]
    if renamed:
        assert len(mine) == 2 and mine[0].endswith("法第19条第8号に基づく主務省令第2条の表") and mine[1] == "48"
    else:
        assert mine == []
        assert "別表第二" in {f.text for f in findings if f.reason == "number-before-table"}


# ------------------------------------------------------------------ rows laid out under a heading row, or in a formula

# (the rows of a sheet or Word table, whether 「番号法別表第二」 in its first cell may be renamed)
LAYOUTS = [
    ([["番号法別表第二", "項番"], ["", "27"]], False),  # a heading row not merged: the rows under 項番
    ([["番号法別表第二", "項番"], ["", "27、28"], ["", "29"]], False),
    ([["番号法別表第二", "該当項"], ["", "", ], ["", "27"]], False),  # (an empty row between)
    ([["番号法別表第二", ""], ["", "27"]], False),  # the rows diagonally below: a heading over two columns, not merged
    ([["番号法別表第二の27の項", ""], ["", "28"]], False),
    ([["番号法別表第二", "項番"], ["", "住民基本台帳"]], True),
    ([["番号法別表第二", "事務"], ["", "27"]], True),  # a column of something else
    ([["番号法別表第二", ""], ["", ""], ["", "27"]], True),  # (diagonally: the cell right below only)
    ([["番号法別表第二の27の項", "件数"], ["", "28"]], True),
]


def _grid(path: Path, rows: list[list[object]]) -> Path:
    if path.suffix == ".xlsx":
        return _xlsx(path, rows)
    d = docx.Document()
    table = d.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            table.cell(i, j).text = str(value)
    d.save(path)
    return path


@pytest.mark.parametrize(("rows", "renamed"), LAYOUTS)
@pytest.mark.parametrize("suffix", [".xlsx", ".docx"])
def test_rows_under_a_heading_row_not_merged_keep_the_name(
    tmp_path: Path, rows: list[list[object]], renamed: bool, suffix: str
) -> None:
    """「番号法別表第二」｜「項番」 over 「」｜「27」 (or 「」 over the 「27」 diagonally below): the name's rows stand under the
    cell next to it; renamed, the name would stand over them (session 19: it was)."""
    was_renamed, reasons = _renamed(_grid(tmp_path / f"a{suffix}", rows))
    assert was_renamed is renamed
    assert ("number-after-table" in reasons) is not renamed


def _with_cached_values(path: Path, values: dict[str, str]) -> Path:
    """``path`` (an openpyxl workbook) with cached values written after the formulas of the cells ``values`` names, as
    Excel saves them."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["xl/worksheets/sheet1.xml"].decode()
    for ref, value in values.items():
        xml, n = re.subn(rf'(<c r="{ref}"[^>]*>)(<f>[^<]*</f>)(<v\s*/>|<v></v>)?', rf"\1\2<v>{value}</v>", xml)
        assert n == 1
    parts["xl/worksheets/sheet1.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w") as z:
        for n, data in parts.items():
            z.writestr(n, data)
    return path


@pytest.mark.parametrize(("row", "cached", "renamed"), [
    (["番号法別表第二", "=27"], None, False),  # a formula that shows a number: what it shows counts
    (["番号法別表第二の27の項", "=28"], None, False),
    (["番号法別表第二", "=B2"], "27", False),  # its cached value
    (["番号法別表第二", "=C1"], None, True),  # (shows what? not read)
    (["番号法別表第二", '="住民基本台帳"'], None, True),
])
def test_excel_a_formula_beside_a_name_counts_by_what_it_shows(
    tmp_path: Path, row: list[object], cached: str | None, renamed: bool
) -> None:
    """「番号法別表第二」 | 「=27」: the formula cell shows 27, the name's row; it stopped the cells read after the name, which
    was renamed over it (session 19)."""
    path = _xlsx(tmp_path / "a.xlsx", [row])
    if cached is not None:
        _with_cached_values(path, {"B1": cached})
    was_renamed, reasons = _renamed(path)
    assert was_renamed is renamed
    assert ("number-after-table" in reasons) is not renamed


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["番号法別表第二", "番号法別表第一", "番号法別表第二の27の項", "番号法別表第一の16の項", "番号法別表第二の項番"]),
       st.builds(str.format, st.sampled_from(["{}", "{}の項", "項番{}", "第{}項", "（{}）", "{}、30", "{}項", "（{}の項）"]),
                 st.integers(1, 200)),
       st.sampled_from(["right", "below", "under-heading", "diagonal", "paragraph"]), st.sampled_from([".xlsx", ".docx"]))
def test_no_table_is_renamed_over_rows_laid_out_around_it(name: str, rows: str, layout: str, suffix: str) -> None:
    """The whole-edit invariant across cells: a table's name (with rows or without) ending its cell, with row numbers in
    the cell right of it, below it, under a 「項番」 cell right of it or diagonally below it, is never renamed: every edit of
    its cell is held back and it is reported (number-after-table); nor a name ending a Word paragraph right above a table
    whose first cell holds them."""
    import tempfile

    grid = {"right": [[name, rows]], "below": [[name], [rows]], "under-heading": [[name, "項番"], ["", rows]],
            "diagonal": [[name, ""], ["", rows]], "paragraph": [[rows]]}[layout]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"a{suffix}"
        if layout == "paragraph" and suffix == ".docx":
            d = docx.Document()
            d.add_paragraph(name)
            d.add_table(rows=1, cols=1).cell(0, 0).text = rows
            d.save(path)
        else:  # (a sheet has no paragraphs: the cell below)
            _grid(path, [[name], [rows]] if layout == "paragraph" else grid)
        doc = open_document(path)
        edits, findings = rewrite_document(doc, REWRITE)
    assert edits == []
    assert "number-after-table" in {f.reason for f in findings}


# ------------------------------------------------------------------ 同表 in a later cell

@pytest.mark.parametrize("suffix", [".xlsx", ".docx"])
@pytest.mark.parametrize(("first", "later", "renamed"), [
    ("番号法別表第二に基づき照会する。", "同表の27の項", False),  # its rows under 同表, pointing back past its cell
    ("番号法別表第二", "同表の27の項に基づく照会", False),
    ("番号法別表第一の16の項に基づく事務", "同表の17の項", False),
    ("番号法別表第二に基づき照会する。", "同表に基づく", True),  # no rows: the new name is what 同表 then means
    ("番号法別表第二に基づき照会する。", "番号法別表の24の項及び同表の25の項", True),  # its own table before it
])
def test_same_table_with_rows_in_a_later_cell_keeps_the_table_it_points_back_to(
    tmp_path: Path, suffix: str, first: str, later: str, renamed: bool
) -> None:
    """A paragraph or cell 「番号法別表第二に基づき照会する。」, then a cell 「同表の27の項」: the rewriter reads one text at a
    time, so the 同表 has no table before it in its own (no-antecedent, left as written); renamed, the table it points back
    to would leave its old row after the new name (session 19: it was).  The table is kept and reported."""
    path = tmp_path / f"a{suffix}"
    if suffix == ".xlsx":
        _xlsx(path, [[first], [later]])
    else:
        d = docx.Document()
        d.add_paragraph(first)
        table = d.add_table(rows=1, cols=2)
        table.cell(0, 0).text = "照会"
        table.cell(0, 1).text = later
        d.save(path)
    edits, findings = rewrite_document(open_document(path), REWRITE)
    first_renamed = any(e.before.endswith(("別表第二", "第一")) and e.location_detail.get("cell", "A1") == "A1"
                        and "table" not in e.location_detail for e in edits)
    assert first_renamed is renamed
    kept = [f for f in findings if f.reason == "number-after-table"]
    if not renamed:
        assert len(kept) == 1 and "同表" in kept[0].message


def test_same_table_in_a_later_cell_after_another_table_named_keeps_nothing(tmp_path: Path) -> None:
    """A table named between the two (「番号法別表第二…」, 「住民基本台帳法別表第一」, 「同表の1の項」) is the one 同表 points
    back to: the first is renamed as before."""
    path = _xlsx(tmp_path / "a.xlsx", [["番号法別表第二に基づき照会する。"], ["住民基本台帳法別表第一"], ["同表の1の項"]])
    edits, _findings = rewrite_document(open_document(path), REWRITE)
    assert [(e.location_detail["cell"], e.before) for e in edits] == [("A1", "別表第二")]


# ------------------------------------------------------------------ a Word paragraph right above a table

@pytest.mark.parametrize(("para", "cells", "renamed"), [
    ("根拠：番号法別表第二", [["27の項", "住民票関係情報"]], False),  # the table's first cell holds its rows
    ("根拠：番号法別表第二", [["27"]], False),
    ("根拠：番号法別表第二", [["項番", "事務"], ["27", "住民票"]], False),  # its first column, under 項番
    ("番号法別表第二（下表の項）", [["27の項"]], False),
    ("番号法別表第二の27の項", [["28の項"]], False),  # a row with 項 beside a row ending the paragraph
    ("根拠：番号法別表第二", [["事務", "住民票"]], True),
    ("根拠：番号法別表第二", [["１．特定個人情報ファイル名"]], True),  # an item number
    ("番号法別表第二に基づき照会する。", [["住民票関係情報", "3件"]], True),
])
def test_word_a_table_right_below_a_paragraph_goes_on_from_its_name(
    tmp_path: Path, para: str, cells: list[list[str]], renamed: bool
) -> None:
    """「根拠：番号法別表第二」 right above a table whose first cell is 「27の項」: the table goes on from the paragraph as a
    cell's next cells go on from it; renamed, the name would stand over the old rows (session 19: it was)."""
    d = docx.Document()
    d.add_paragraph(para)
    table = d.add_table(rows=len(cells), cols=len(cells[0]))
    for i, row in enumerate(cells):
        for j, value in enumerate(row):
            table.cell(i, j).text = value
    d.save(tmp_path / "a.docx")
    edits, findings = rewrite_document(open_document(tmp_path / "a.docx"), REWRITE)
    assert any(e.before == "別表第二" for e in edits) is renamed
    assert ("number-after-table" in {f.reason for f in findings}) is not renamed

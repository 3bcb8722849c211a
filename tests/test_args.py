"""The public functions accept what they document and name the argument that is wrong."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

import mynumber_refs as mr
from mynumber_refs.mappings import MappingSet, default_mappings, load_mappings

OLD = "番号法別表第一の16の項"
# rows 96–98 of 別表第一 were one lower before 2019-10-01: the date changes the result
DATED = "番号利用法別表第一の96の項"


def test_as_of_takes_a_date_a_datetime_or_an_iso_string() -> None:
    by_date = mr.rewrite(DATED, as_of=datetime.date(2018, 4, 1))
    assert mr.rewrite(DATED, as_of="2018-04-01").text == by_date.text
    assert mr.rewrite(DATED, as_of=" 2018-04-01 ").text == by_date.text
    assert mr.rewrite(DATED, as_of=datetime.datetime(2018, 4, 1, 9, 30)).text == by_date.text
    assert by_date.text != mr.rewrite(DATED).text  # the date matters for this row


@pytest.mark.parametrize("value", [20180401, 2018.4, ["2018-04-01"], b"2018-04-01"])
def test_as_of_of_another_type_is_a_type_error_naming_it(value: object) -> None:
    with pytest.raises(TypeError) as info:
        mr.rewrite(OLD, as_of=value)  # type: ignore[arg-type]
    msg = str(info.value)
    assert msg.startswith("as_of には") and "/ as_of must be a datetime.date or an ISO date string" in msg
    assert type(value).__name__ in msg


@pytest.mark.parametrize("value", ["2018/04/01", "平成30年4月1日", "2018-13-01", ""])
def test_as_of_that_is_no_iso_date_is_a_value_error_naming_it(value: str) -> None:
    with pytest.raises(ValueError, match=r"^as_of の日付 .* / as_of: .* is not an ISO date"):
        mr.rewrite(OLD, as_of=value)


@pytest.mark.parametrize("name", ["assume_law", "accept_inferred", "fix_typos"])
@pytest.mark.parametrize("value", [1, 0, "yes", "", None, [True]])
def test_flags_must_be_bool(name: str, value: object) -> None:
    with pytest.raises(TypeError) as info:
        mr.rewrite(OLD, **{name: value})  # type: ignore[arg-type]
    assert str(info.value).startswith(f"{name} には True か False を指定してください")
    assert f"/ {name} must be True or False (a bool), not {type(value).__name__}" in str(info.value)
    if name == "assume_law":
        with pytest.raises(TypeError, match=f"^{name} には"):
            mr.find_citations(OLD, assume_law=value)  # type: ignore[arg-type]


def test_text_must_be_a_str() -> None:
    for fn in (mr.rewrite, mr.find_citations):
        with pytest.raises(TypeError, match=r"^text には 文字列（str）（bytes なら先に decode してください）"):
            fn(OLD.encode())  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="text must be a str, not NoneType"):
            fn(None)  # type: ignore[arg-type]


def own_rows(path: Path) -> Path:
    """A mapping file of one's own: one row the shipped tables do not have (a branch row)."""
    path.write_text("old,new,relation,confidence,method,evidence\n"
                    "6の2,7,renumbered,established,manual-check,利用者が確認した根拠（テスト）\n", encoding="utf-8")
    return path


def test_mappings_takes_a_set_a_path_or_a_list_of_paths(tmp_path: Path) -> None:
    csv = own_rows(tmp_path / "beppyo1_to_beppyo.csv")
    text = "番号法別表第一の6の2の項"
    assert not mr.rewrite(text, assume_law=True).edits  # not in the shipped tables
    expected = mr.rewrite(text, mappings=load_mappings(extra=[csv])).text
    assert expected == "番号法別表の7の項"
    assert mr.rewrite(text, mappings=str(csv)).text == expected
    assert mr.rewrite(text, mappings=csv).text == expected
    assert mr.rewrite(text, mappings=[csv]).text == expected
    assert mr.rewrite(text, mappings=(str(csv),)).text == expected
    assert mr.rewrite(text, mappings=[]).text == text  # no file: the shipped tables
    # the same unchanged file is loaded once
    from mynumber_refs import _args

    assert _args.as_mappings(csv) is _args.as_mappings([str(csv)])


@pytest.mark.parametrize("value", [42, {"a": 1}, [1, 2], b"x.csv"])
def test_mappings_of_another_type_is_a_type_error_naming_it(value: object) -> None:
    with pytest.raises(TypeError) as info:
        mr.rewrite(OLD, mappings=value)  # type: ignore[arg-type]
    assert str(info.value).startswith("mappings には MappingSet")
    assert "/ mappings must be a MappingSet (from load_mappings) or the path of a mapping CSV file" in str(info.value)


def test_load_mappings_extra_takes_a_path_or_a_list(tmp_path: Path) -> None:
    csv = own_rows(tmp_path / "beppyo1_to_beppyo.csv")
    for extra in (csv, str(csv), [csv], (str(csv),)):
        mset = load_mappings(extra=extra)  # type: ignore[arg-type]
        assert isinstance(mset, MappingSet)
        outcome = mset.map_row(mr.Table.BEPPYO1, mr.RowNumber.parse("6の2"))
        assert outcome is not None and outcome.new == ("7",)
    with pytest.raises(TypeError, match=r"^extra には .* / extra must be a path \(str or pathlib.Path\) or a list"):
        load_mappings(extra=3)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^directory には"):
        load_mappings(directory=3)  # type: ignore[arg-type]
    assert load_mappings(extra=[]).summary() == default_mappings().summary()


def test_extra_aliases_takes_a_string_or_a_list() -> None:
    text = "番号利用表別表第一の16の項"
    one = mr.find_citations(text, extra_aliases="番号利用表")
    assert one == mr.find_citations(text, extra_aliases=["番号利用表"])
    assert isinstance(one[0], mr.Citation) and one[0].law
    with pytest.raises(TypeError, match="^extra_aliases には"):
        mr.find_citations(text, extra_aliases=[1])  # type: ignore[list-item]

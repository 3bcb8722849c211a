from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from mynumber_refs.model import RowNumber
from mynumber_refs.numerals import NumeralError, NumeralStyle, parse_int, render_int


@pytest.mark.parametrize(
    ("written", "value"),
    [("16", 16), ("１６", 16), ("十六", 16), ("百二十", 120), ("三十六", 36), ("千", 1000),
     ("九千九百九十九", 9999), ("二万三百", 20300), ("３\n５", 35), ("十", 10), ("百", 100)],
)
def test_parse_int_known_values(written: str, value: int) -> None:
    assert parse_int(written) == value


@pytest.mark.parametrize("bad", ["", "abc", "十十", "一二", "〇十", "1a", "万万"])
def test_parse_int_rejects_malformed(bad: str) -> None:
    with pytest.raises(NumeralError):
        parse_int(bad)


@given(st.integers(min_value=0, max_value=99_999_999), st.sampled_from(list(NumeralStyle)))
def test_round_trip_every_style(n: int, style: NumeralStyle) -> None:
    assert parse_int(render_int(n, style)) == n


def test_kanji_rendering_follows_legal_usage() -> None:
    assert render_int(36, NumeralStyle.KANJI) == "三十六"
    assert render_int(120, NumeralStyle.KANJI) == "百二十"
    assert render_int(1001, NumeralStyle.KANJI) == "千一"
    assert render_int(24, NumeralStyle.FULL) == "２４"


rows = st.builds(
    lambda main, branches: RowNumber((main, *branches)),
    st.integers(1, 9999),
    st.lists(st.integers(2, 20), max_size=2),
)


@given(rows, st.sampled_from(list(NumeralStyle)))
def test_row_number_round_trip(row: RowNumber, style: NumeralStyle) -> None:
    assert RowNumber.parse(row.render(style)) == row


@given(rows, rows)
def test_row_order_is_total_and_branches_follow_their_row(a: RowNumber, b: RowNumber) -> None:
    assert (a < b) + (b < a) + (a == b) == 1
    assert RowNumber((a.main,)) <= RowNumber((a.main, 2)) < RowNumber((a.main + 1,))


def test_row_number_forms() -> None:
    assert RowNumber.parse("三十六の二") == RowNumber((36, 2)) == RowNumber.parse("３６の２")
    assert str(RowNumber.parse("８５の２")) == "85の2"
    assert RowNumber.parse("36の2").render(NumeralStyle.KANJI) == "三十六の二"
    with pytest.raises(ValueError):
        RowNumber.parse("三十六のX")


@example("第十条")
@example("０1０")
@example("1０1")
@example("")
@given(st.lists(st.sampled_from(["1", "2", "０", "９", "第", "十", "条", "項", "a", "\n"]), max_size=40).map("".join))
def test_a_text_writes_the_digits_it_has_most_of(text: str) -> None:
    """A text's digits are full-width when it has more full-width digits than half-width ones, else half-width; kanji
    when it has no digit at all and writes a provision in kanji (第十条)."""
    import re

    from mynumber_refs.render import document_numerals

    full = sum(text.count(d) for d in "０１２３４５６７８９")
    half = sum(text.count(d) for d in "0123456789")
    expected = (
        NumeralStyle.KANJI if not full and not half and re.search("第[〇一二三四五六七八九十百千]+[条項号]", text)
        else NumeralStyle.FULL if full > half else NumeralStyle.HALF
    )
    assert document_numerals(text) is expected

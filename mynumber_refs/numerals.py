"""Numerals as they appear in Japanese legal citations.

Three written styles occur in documents: half-width Arabic (``16``), full-width Arabic (``１６``)
and kanji (``十六``, ``百二十``, ``三十六``).  This module converts between them and ``int``.
Kanji numerals are supported from 0 up to 99,999,999 (``九千九百九十九万…``), far beyond any row
or article number.
"""

from __future__ import annotations

import enum

__all__ = [
    "NumeralStyle",
    "KANJI_DIGITS",
    "KANJI_NUMERAL_CHARS",
    "OTHER_NUMERAL_CHARS",
    "NumeralError",
    "detect_style",
    "parse_int",
    "render_int",
    "to_halfwidth_digits",
]


class NumeralError(ValueError):
    """A string is not a numeral of any supported style."""


class NumeralStyle(enum.Enum):
    """How a number is written."""

    HALF = "half"  # 16
    FULL = "full"  # １６
    KANJI = "kanji"  # 十六


KANJI_DIGITS = "〇一二三四五六七八九"
_KANJI_VALUE = {c: i for i, c in enumerate(KANJI_DIGITS)}
_KANJI_VALUE["零"] = 0
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_LARGE_UNITS = {"万": 10_000}
KANJI_NUMERAL_CHARS = frozenset(KANJI_DIGITS) | frozenset("零十百千万")
# numerals of none of the three styles, as a character class's contents: circled, parenthesized and dotted numbers
# (①, ⑴, ⒈, ❶, ㉑, ㊱, not the circled letters Ⓐ), Roman numerals (Ⅱ) and ideographs in brackets or circles (㈠, ㊀).
# No citation is read with them; a reader of rows counts them as numbers (with ``(?![0-9０-９])\d``, the decimal
# digits of other scripts: 𝟐, ٢) so that a name is never renamed over a row written so
OTHER_NUMERAL_CHARS = "\u2160-\u2188\u2460-\u24b5\u24ea-\u24ff\u2776-\u2793\u3220-\u3229\u3251-\u325f\u3280-\u3289\u32b1-\u32bf"

_FULL_DIGITS = "０１２３４５６７８９"
_TO_HALF = str.maketrans(_FULL_DIGITS, "0123456789")
_TO_FULL = str.maketrans("0123456789", _FULL_DIGITS)


def to_halfwidth_digits(s: str) -> str:
    """Replace full-width digits by half-width ones; other characters are kept."""
    return s.translate(_TO_HALF)


def detect_style(s: str) -> NumeralStyle:
    """The style of a numeral string (the first digit decides)."""
    for ch in s:
        if "0" <= ch <= "9":
            return NumeralStyle.HALF
        if ch in _FULL_DIGITS:
            return NumeralStyle.FULL
        if ch in KANJI_NUMERAL_CHARS:
            return NumeralStyle.KANJI
    raise NumeralError(f"数字がありません / no numeral in {s!r}")


def _parse_kanji_below_10000(s: str, whole: str) -> int:
    total = 0
    digit: int | None = None
    last_unit = 10_000
    for ch in s:
        if ch in _KANJI_VALUE:
            if digit is not None:
                # positional kanji such as 一〇 is not used in legal citations
                raise NumeralError(f"漢数字の形が不正です / malformed kanji numeral {whole!r}")
            digit = _KANJI_VALUE[ch]
        elif ch in _SMALL_UNITS:
            unit = _SMALL_UNITS[ch]
            if unit >= last_unit:
                raise NumeralError(f"漢数字の位が不正です / malformed kanji numeral {whole!r}")
            if digit == 0:
                raise NumeralError(f"漢数字の形が不正です / malformed kanji numeral {whole!r}")
            total += (1 if digit is None else digit) * unit
            digit = None
            last_unit = unit
        else:
            raise NumeralError(f"漢数字ではありません / not a kanji numeral {whole!r}")
    if digit is not None:
        total += digit
    return total


def parse_int(s: str) -> int:
    """Parse a numeral written in any supported style.

    Whitespace (including line breaks from PDF extraction, as in ``"３\\n５"``) is ignored.

    >>> parse_int("三十六"), parse_int("１６"), parse_int("120"), parse_int("百二十")
    (36, 16, 120, 120)
    """
    if s.isdigit():  # half- or full-width digits, the common case
        try:
            return int(s)
        except ValueError:  # other Unicode digits (², ①): not numerals of citations
            raise NumeralError(f"数字ではありません / not a numeral {s!r}") from None
    compact = "".join(s.split())
    if not compact:
        raise NumeralError(f"数字がありません / empty numeral {s!r}")
    half = to_halfwidth_digits(compact)
    if half.isascii():
        if not half.isdigit():
            raise NumeralError(f"数字ではありません / not a numeral {s!r}")
        return int(half)
    if not all(ch in KANJI_NUMERAL_CHARS for ch in compact):
        raise NumeralError(f"数字ではありません / not a numeral {s!r}")
    if "万" in compact:
        high, _, low = compact.partition("万")
        if "万" in low:
            raise NumeralError(f"漢数字の形が不正です / malformed kanji numeral {s!r}")
        high_value = _parse_kanji_below_10000(high, s) if high else 1
        return high_value * 10_000 + (_parse_kanji_below_10000(low, s) if low else 0)
    if len(compact) > 1 and all(ch in _KANJI_VALUE for ch in compact):
        raise NumeralError(f"漢数字の形が不正です / malformed kanji numeral {s!r}")
    return _parse_kanji_below_10000(compact, s)


def _kanji_below_10000(n: int) -> str:
    out = []
    for unit, name in ((1000, "千"), (100, "百"), (10, "十")):
        d, n = divmod(n, unit)
        if d:
            out.append(("" if d == 1 else KANJI_DIGITS[d]) + name)
    if n:
        out.append(KANJI_DIGITS[n])
    return "".join(out)


def render_int(n: int, style: NumeralStyle) -> str:
    """Write ``n`` in ``style``.

    >>> render_int(36, NumeralStyle.KANJI), render_int(85, NumeralStyle.FULL)
    ('三十六', '８５')
    """
    if n < 0:
        raise ValueError("negative numbers are not numerals of citations")
    if style is NumeralStyle.HALF:
        return str(n)
    if style is NumeralStyle.FULL:
        return str(n).translate(_TO_FULL)
    if n == 0:
        return "〇"
    if n >= 100_000_000:
        raise ValueError("kanji numerals are supported below 100,000,000")
    high, low = divmod(n, 10_000)
    if high:
        return _kanji_below_10000(high) + "万" + _kanji_below_10000(low)
    return _kanji_below_10000(low)

"""Module-level patterns are compiled on first use (mynumber_refs._patterns)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from mynumber_refs import laws, resolve, rewriter, scan
from mynumber_refs._patterns import _CompiledOnUse, compile_on_use

_PACKAGE_PATTERNS = sorted(
    {(v.pattern, v._flags) for m in (laws, resolve, rewriter, scan) for v in vars(m).values() if isinstance(v, _CompiledOnUse)}
)
_TEXT = st.text(alphabet="別表第一二の16２７項条号法番利用及び、。（）「」 \n\t旧改正前→", max_size=60)


def test_the_package_compiles_its_patterns_on_first_use() -> None:
    assert len(_PACKAGE_PATTERNS) > 100


def test_the_source_text_compiles_nothing() -> None:
    p = compile_on_use("別表第[一二]")
    assert p.pattern == "別表第[一二]"
    assert "search" not in vars(p)  # (other patterns are built from .pattern at import)
    assert p.search("番号法別表第二") is not None
    assert "search" in vars(p)  # (bound once: later calls are the compiled pattern's own)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(_PACKAGE_PATTERNS), _TEXT)
def test_a_pattern_compiled_on_use_answers_as_the_compiled_one(source: tuple[str, int], text: str) -> None:
    pattern, flags = source
    lazy, compiled = compile_on_use(pattern, flags), re.compile(pattern, flags)
    def spans(ms: object) -> list[tuple[int, int]]:
        return [m.span() for m in ms]  # type: ignore[attr-defined]
    assert spans(lazy.finditer(text)) == spans(compiled.finditer(text))
    for method in ("search", "match", "fullmatch"):
        a, b = getattr(lazy, method)(text), getattr(compiled, method)(text)
        assert (a and a.span()) == (b and b.span())
    assert lazy.groups == compiled.groups and lazy.groupindex == compiled.groupindex and lazy.flags == compiled.flags
    assert lazy.split(text) == compiled.split(text)


# ---------------------------------------------------------------- classes compiled once (compile_shared)

def _package_sources() -> list[tuple[str | bytes, int]]:
    """Every pattern of the package's modules: compiled on use, and compiled at import."""
    from mynumber_refs import parse, reflists
    from mynumber_refs.formats import ooxml

    found: set[tuple[str | bytes, int]] = set(_PACKAGE_PATTERNS)
    for m in (laws, resolve, rewriter, scan, parse, reflists, ooxml):
        for v in vars(m).values():
            if isinstance(v, re.Pattern):
                found.add((v.pattern, v.flags))
    return sorted(found, key=repr)


def _code(pattern: str | bytes, flags: int) -> list[int]:
    """The code the standard compiler makes of ``pattern`` (what ``re.compile`` hands to the engine)."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    return list(_compiler._code(_parser.parse(pattern, flags), flags))


def test_sharing_classes_compiles_every_pattern_of_the_package_to_the_same_code() -> None:
    from mynumber_refs._patterns import classes_shared

    sources = _package_sources()
    assert len(sources) > 150
    with classes_shared():  # (every class seen once: below, each pattern's classes are reused ones)
        shared_first = [_code(p, f) for p, f in sources]
    with classes_shared():
        shared = [_code(p, f) for p, f in reversed(sources)][::-1]
    plain = [_code(p, f) for p, f in sources]
    assert shared == plain and shared_first == plain


_CLASS_ITEMS = st.sampled_from([" ", "\\t", "\\r", "\\n", "\\u3000", "\\xad", "\\u200b-\\u200f", "\\ufeff", "0-9",
                                "０-９", "〇", "一", "十", "a-z", "A-Z", "\\u4e00-\\u9fff", "ァ-ヺ", "ー", "\\s", "\\S",
                                "\\d", "\\w", "\\W", "_", "\\U0001F600", "\\U00020000-\\U0002A6DF", "ſ", "K"])
_CLASSES = st.builds(lambda neg, items: "[" + ("^" if neg else "") + "".join(items) + "]",
                     st.booleans(), st.lists(_CLASS_ITEMS, min_size=1, max_size=6))


@settings(max_examples=300, deadline=None)
@given(st.lists(_CLASSES, min_size=1, max_size=4), st.sampled_from([0, re.IGNORECASE, re.ASCII, re.ASCII | re.IGNORECASE]))
def test_a_pattern_compiled_sharing_classes_has_the_code_compiled_alone(classes: list[str], flags: int) -> None:
    from mynumber_refs._patterns import classes_shared, compile_shared

    pattern = classes[0] + "(?:" + "|".join(classes) + ")*?x" + "".join(c + "+" for c in classes[1:])
    with classes_shared():  # (the classes of earlier examples are kept: some of these are reused)
        shared = _code(pattern, flags)
    assert shared == _code(pattern, flags)
    got = compile_shared(pattern, flags)
    assert (got.pattern, got.flags) == (pattern, re.compile(pattern, flags).flags)

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

"""Regular expressions compiled on first use.

Compiling the package's module-level patterns was about half of its import (the classes of
kanji, kana and invisible characters are slow to compile), and a batch pays it before its
workers start; many of them serve checks that only some texts reach.  :func:`compile_on_use`
stands in for ``re.compile``: the pattern is compiled the first time one of its methods or
attributes is asked for, and from then on each method is the compiled pattern's own, found in
the stand-in's attributes as fast as on the pattern.  ``.pattern`` (used to build other
patterns from this one) is the source text and compiles nothing.
"""

from __future__ import annotations

import re
from typing import Any, AnyStr, cast

# what a compiled pattern offers, bound on the stand-in once compiled
_FORWARDED = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner",
              "flags", "groups", "groupindex")


class _CompiledOnUse:
    """``re.compile(pattern, flags)``, made when first used."""

    def __init__(self, pattern: str | bytes, flags: int) -> None:
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str) -> Any:  # (only for what is not bound yet: the first use)
        if name.startswith("__") or name == "_flags":
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self._flags)
        for attr in _FORWARDED:
            setattr(self, attr, getattr(compiled, attr))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"compile_on_use({self.pattern!r})"


def compile_on_use(pattern: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """A pattern that is ``re.compile(pattern, flags)`` in everything but when it is compiled."""
    return cast("re.Pattern[AnyStr]", _CompiledOnUse(pattern, flags))

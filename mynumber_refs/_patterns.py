"""Regular expressions compiled on first use, and compiled sharing their character classes.

Compiling the package's module-level patterns was about half of its import (the classes of
kanji, kana and invisible characters are slow to compile), and a batch pays it before its
workers start; many of them serve checks that only some texts reach.  :func:`compile_on_use`
stands in for ``re.compile``: the pattern is compiled the first time one of its methods or
attributes is asked for, and from then on each method is the compiled pattern's own, found in
the stand-in's attributes as fast as on the pattern.  ``.pattern`` (used to build other
patterns from this one) is the source text and compiles nothing.

:func:`compile_shared` is ``re.compile`` that computes the compiled form of each distinct
character class once.  The standard compiler builds that form again at every occurrence of a
class, and a class that mixes ASCII with a character past U+00FF in more than two runs (such as
``[ \\t\\u3000\\r]``, written hundreds of times in the package's patterns) costs a table of 64 K
entries and a loop over its 256 blocks each time: about three quarters of the time spent compiling
the package's patterns.  The form depends only on the class's items when the pattern is case
sensitive, so for such classes it is kept and reused; a case-insensitive class is compiled as
usual.  The compiled patterns are the same (tests/test_patterns.py compares their code).
"""

from __future__ import annotations

import contextlib
import re
import threading
from collections.abc import Iterator
from typing import Any, AnyStr, cast

try:  # (the standard compiler's own module: present since Python 3.11)
    from re import _compiler as _sre_compiler  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    _sre_compiler = None

_optimize_charset: Any = getattr(_sre_compiler, "_optimize_charset", None)
_CHARSETS: dict[tuple[Any, ...], Any] = {}
_CHARSETS_MAX = 4096  # (the package has a few hundred distinct classes; a bound in case a caller has many)
_SHARING = threading.RLock()  # (a pattern compiled on use may be first used while another compiles)
_depth = 0


def _shared_charset(charset: Any, iscased: Any = None, fixup: Any = None, fixes: Any = None) -> Any:
    """``re._compiler._optimize_charset``, kept for a case-sensitive class (no ``fixup``): its
    result is a function of the class's items alone."""
    try:
        key = None if fixup is not None or fixes is not None else tuple(charset)
        got = None if key is None else _CHARSETS.get(key)
    except TypeError:  # (an item that is no plain value: compiled as usual)
        key = got = None
    if key is None:
        return _optimize_charset(charset, iscased, fixup, fixes)
    if got is None:
        if len(_CHARSETS) >= _CHARSETS_MAX:
            _CHARSETS.clear()
        got = _CHARSETS[key] = _optimize_charset(charset, iscased, fixup, fixes)
    return got


@contextlib.contextmanager
def classes_shared() -> Iterator[None]:
    """While this lasts, ``re``'s compiler reuses the forms of the character classes it computed
    before (:func:`_shared_charset` stands in for its own function), for the patterns compiled on
    the way (a library's too, such as Lark's lexer)."""
    global _depth
    if _optimize_charset is None:  # pragma: no cover - another compiler: compiled as usual
        yield
        return
    with _SHARING:
        _depth += 1
        if _depth == 1:
            _sre_compiler._optimize_charset = _shared_charset
        try:
            yield
        finally:
            _depth -= 1
            if _depth == 0:
                _sre_compiler._optimize_charset = _optimize_charset


def compile_shared(pattern: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """``re.compile(pattern, flags)``, reusing the compiled form of character classes compiled
    before (see the module's documentation)."""
    with classes_shared():
        return re.compile(pattern, flags)


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
        compiled = compile_shared(cast(Any, self.pattern), self._flags)
        for attr in _FORWARDED:
            setattr(self, attr, getattr(compiled, attr))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"compile_on_use({self.pattern!r})"


def compile_on_use(pattern: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """A pattern that is ``re.compile(pattern, flags)`` in everything but when it is compiled."""
    return cast("re.Pattern[AnyStr]", _CompiledOnUse(pattern, flags))

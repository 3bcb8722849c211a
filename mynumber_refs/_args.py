"""Checks of the arguments of the public functions: :func:`~mynumber_refs.rewriter.rewrite`,
:func:`~mynumber_refs.resolve.find_citations` and :func:`~mynumber_refs.mappings.load_mappings`.

Each accepts what its documentation promises and normalises it:

* ``text``: a ``str``;
* ``assume_law``, ``accept_inferred``, ``fix_typos``: a ``bool`` (``1``, ``"yes"`` or ``None`` are
  refused rather than read as true or false);
* ``as_of``: ``None``, a :class:`datetime.date` (a ``datetime`` is read as its date) or an ISO
  string ``"2024-05-26"``;
* ``mappings``: ``None``, a :class:`~mynumber_refs.mappings.MappingSet`, or a path or a list of
  paths of CSV files of one's own rows (loaded with the shipped tables, as ``--mapping`` does, once
  per file version);
* ``load_mappings(directory=, extra=)``: a path, and a path or a list of paths;
* ``extra_aliases``: a string or a list of strings.

A wrong argument raises ``TypeError`` (or ``ValueError`` for a malformed date) whose message names
the argument and what it accepts, in Japanese and then English.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from .mappings import MappingSet

__all__ = ["check_flag", "check_text", "as_date", "as_paths", "as_mappings", "rewrite_args", "find_args",
           "load_args"]

PathLike = str | os.PathLike[str]


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:59] + "…"


def _wrong(name: str, accepts_ja: str, accepts_en: str, value: Any) -> TypeError:
    kind = type(value).__name__
    return TypeError(f"{name} には {accepts_ja} を指定してください（渡された値: {_shown(value)}、型 {kind}） / "
                     f"{name} must be {accepts_en}, not {kind} ({_shown(value)})")


def check_flag(name: str, value: Any) -> bool:
    """``value`` if it is a ``bool``; ``TypeError`` otherwise."""
    if not isinstance(value, bool):
        raise _wrong(name, "True か False", "True or False (a bool)", value)
    return value


def check_text(value: Any, name: str = "text") -> str:
    if not isinstance(value, str):
        hint_ja = "（bytes なら先に decode してください）" if isinstance(value, bytes | bytearray) else ""
        hint_en = " (decode bytes first)" if isinstance(value, bytes | bytearray) else ""
        raise _wrong(name, f"文字列（str）{hint_ja}", f"a str{hint_en}", value)
    return value


def as_date(value: Any, name: str = "as_of") -> datetime.date | None:
    """``None``, a ``date`` (a ``datetime`` gives its date) or an ISO date string, as a ``date``."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"{name} の日付 {_shown(value)} を読めません。'2024-05-26' のように指定してください / "
                             f"{name}: {_shown(value)} is not an ISO date such as '2024-05-26'") from None
    raise _wrong(name, "日付（datetime.date）か '2024-05-26' のような文字列",
                 "a datetime.date or an ISO date string such as '2024-05-26'", value)


def as_paths(value: Any, name: str) -> tuple[Path, ...]:
    """A path or a list (tuple …) of paths as a tuple of ``Path``; ``None`` gives ``()``."""
    if value is None:
        return ()
    if isinstance(value, str | os.PathLike):
        return (Path(value),)
    if isinstance(value, Sequence | set | frozenset) and not isinstance(value, bytes | bytearray):
        items = list(value)
        if all(isinstance(x, str | os.PathLike) for x in items):
            return tuple(Path(x) for x in items)
    raise _wrong(name, "ファイルのパス（str・pathlib.Path）か、その一覧", "a path (str or pathlib.Path) or a list of paths",
                 value)


_LOADED: dict[tuple[tuple[str, int, int], ...], MappingSet] = {}
_LOADED_MAX = 8


def as_mappings(value: Any, name: str = "mappings") -> MappingSet | None:
    """``None``, a MappingSet, or the path(s) of CSV files of one's own rows: the shipped tables
    with those rows (each set of files loaded once while the files do not change)."""
    from .mappings import MappingSet, load_mappings

    if value is None or isinstance(value, MappingSet):
        return value
    try:
        paths = as_paths(value, name)
    except TypeError:
        raise _wrong(name, "MappingSet（load_mappings の結果）か、対応表 CSV のパスかその一覧",
                     "a MappingSet (from load_mappings) or the path of a mapping CSV file, or a list of them",
                     value) from None
    if not paths:
        return None
    try:
        key = tuple((os.fspath(p.resolve()), (st := p.stat()).st_mtime_ns, st.st_size) for p in paths)
    except OSError:
        return load_mappings(extra=paths)  # it says which file cannot be read
    found = _LOADED.get(key)
    if found is None:
        found = load_mappings(extra=paths)
        if len(_LOADED) >= _LOADED_MAX:
            _LOADED.clear()
        _LOADED[key] = found
    return found


def rewrite_args(text: Any, assume_law: Any, as_of: Any, accept_inferred: Any, mappings: Any,
                 fix_typos: Any) -> tuple[datetime.date | None, MappingSet | None]:
    """Check the arguments of ``rewrite``; return ``as_of`` as a date and ``mappings`` as a set."""
    check_text(text)
    check_flag("assume_law", assume_law)
    check_flag("accept_inferred", accept_inferred)
    check_flag("fix_typos", fix_typos)
    return as_date(as_of), as_mappings(mappings)


def find_args(text: Any, assume_law: Any, extra_aliases: Any) -> tuple[str, ...]:
    """Check the arguments of ``find_citations``; return ``extra_aliases`` as a tuple."""
    check_text(text)
    check_flag("assume_law", assume_law)
    if isinstance(extra_aliases, str):
        return (extra_aliases,) if extra_aliases else ()
    if isinstance(extra_aliases, Sequence | set | frozenset) and all(isinstance(a, str) for a in extra_aliases):
        return tuple(a for a in extra_aliases if a)
    raise _wrong("extra_aliases", "法令名の文字列かその一覧", "a str or a list of str", extra_aliases)


def load_args(directory: Any, extra: Any) -> tuple[Path | None, tuple[Path, ...]]:
    """Check the arguments of ``load_mappings``; return them as paths."""
    if directory is not None and not isinstance(directory, str | os.PathLike):
        raise _wrong("directory", "対応表のフォルダのパス（str・pathlib.Path）", "a path (str or pathlib.Path)", directory)
    return (Path(directory) if directory is not None else None), as_paths(extra, "extra")

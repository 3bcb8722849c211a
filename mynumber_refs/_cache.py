"""An on-disk cache for what is slow to build and quick to load: the LALR tables of the grammar
(0.2–0.7 s to build, 10–20 ms to load) and the parsed mapping tables.

Each entry is one file named after its *key*, the SHA-256 of everything it was built from (the
grammar's text, the mapping files, the code that defines the objects, the library versions).
The file holds a header, the key again, the SHA-256 of the payload and the payload.  An entry is
used only when all of that checks out and the payload loads; anything else (a missing, truncated,
corrupt, foreign or stale file) is ignored and the entry is built again and written anew.  Files
are written to a temporary name and renamed, so a reader never sees half a file.

Where: ``$MYNUMBER_REFS_CACHE_DIR`` when set (``off`` or an empty value turns the cache off);
else the user's cache folder (``$XDG_CACHE_HOME`` or ``~/.cache`` on Linux, ``~/Library/Caches``
on macOS, ``%LOCALAPPDATA%`` on Windows) under ``mynumber-refs``; when that cannot be written, a
folder of this user's own in the temporary folder; when none can, nothing is cached.  A folder or
file that belongs to another user, or that others may write, is never used (a payload is a pickle).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

__all__ = ["CACHE_ENV", "cache_dir", "cached", "digest"]

CACHE_ENV = "MYNUMBER_REFS_CACHE_DIR"
_MAGIC = b"mynumber-refs cache 1\n"
_PRUNE_AFTER = 30 * 24 * 3600  # entries of the same kind unused for this long are removed

T = TypeVar("T")


def digest(*parts: bytes | str) -> str:
    """The SHA-256 (hex) of ``parts``, each length-prefixed so that no two lists collide."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def files_digest(paths: Iterable[Path], root: Path | None = None) -> str:
    """The SHA-256 of the names (relative to ``root``) and contents of ``paths``."""
    parts: list[bytes | str] = []
    for p in sorted(paths):
        parts.append(str(p.relative_to(root)) if root is not None else str(p))
        parts.append(p.read_bytes())
    return digest(*parts)


def _user_cache_home() -> Path | None:
    try:
        if sys.platform == "win32":
            base = os.environ.get("LOCALAPPDATA")
            return Path(base) / "mynumber-refs" / "Cache" if base else None
        if sys.platform == "darwin":
            return Path.home() / "Library" / "Caches" / "mynumber-refs"
        xdg = os.environ.get("XDG_CACHE_HOME")
        if xdg and os.path.isabs(xdg):
            return Path(xdg) / "mynumber-refs"
        return Path.home() / ".cache" / "mynumber-refs"
    except (RuntimeError, KeyError):  # no home folder
        return None


def _temp_fallback() -> Path:
    uid = os.getuid() if hasattr(os, "getuid") else os.environ.get("USERNAME", "user")
    return Path(tempfile.gettempdir()) / f"mynumber-refs-cache-{uid}"


def _ours(st: os.stat_result) -> bool:
    """Whether a folder or file belongs to this user and no one else may write it (on Windows,
    where modes say nothing of that, the per-user folder is trusted)."""
    if not hasattr(os, "getuid"):
        return True
    return st.st_uid == os.getuid() and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _usable(folder: Path) -> bool:
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = os.lstat(folder)
    except OSError:
        return False
    return stat.S_ISDIR(st.st_mode) and _ours(st) and os.access(folder, os.W_OK | os.X_OK)


def cache_dir() -> Path | None:
    """The folder entries are kept in, or ``None`` when nothing is cached."""
    configured = os.environ.get(CACHE_ENV)
    if configured is not None:
        if configured.strip().lower() in ("", "0", "off", "no", "none"):
            return None
        return Path(configured) if _usable(Path(configured)) else None
    for folder in (_user_cache_home(), _temp_fallback()):
        if folder is not None and _usable(folder):
            return folder
    return None


def _read(path: Path, key: str) -> bytes | None:
    """The payload of the entry at ``path`` if its header, key and checksum are right."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0))
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or not _ours(st):
            return None
        with os.fdopen(os.dup(fd), "rb") as fh:
            data = fh.read()
    except OSError:
        return None
    finally:
        os.close(fd)
    head = _MAGIC + key.encode() + b"\n"
    if not data.startswith(head):
        return None
    body = data[len(head):]
    checksum, sep, payload = body.partition(b"\n")
    if not sep or checksum != hashlib.sha256(payload).hexdigest().encode():
        return None
    return payload


def _write(folder: Path, path: Path, key: str, payload: bytes) -> None:
    data = _MAGIC + key.encode() + b"\n" + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".bin", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def _prune(folder: Path, name: str, keep: Path) -> None:
    """Remove entries of ``name`` built from other inputs and unused for a month."""
    now = time.time()
    with contextlib.suppress(OSError):
        for other in folder.glob(f"{name}-*.bin"):
            with contextlib.suppress(OSError):
                if other != keep and now - other.stat().st_mtime > _PRUNE_AFTER:
                    other.unlink()


def cached(name: str, key: str, build: Callable[[], T], dump: Callable[[T], bytes],
           load: Callable[[bytes], T]) -> T:
    """The object of entry ``name`` built from inputs whose digest is ``key``: loaded from the cache
    when a valid entry is there, else ``build()``-t and stored (``dump``/``load`` convert it)."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{key[:32]}.bin"
    payload = _read(path, key)
    if payload is not None:
        try:
            return load(payload)
        except Exception:  # noqa: BLE001 - a payload that does not load is rebuilt, whatever the error
            pass
    obj = build()
    try:
        _write(folder, path, key, dump(obj))
    except Exception:  # noqa: BLE001 - the cache is an optimisation: never fail because of it
        return obj
    _prune(folder, name, path)
    return obj

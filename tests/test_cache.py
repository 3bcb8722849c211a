"""The on-disk cache of the grammar's tables and the parsed mappings: used only when it checks
out, rebuilt otherwise, never a reason to fail."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mynumber_refs import _cache
from mynumber_refs._cache import CACHE_ENV, cache_dir, cached

ROOT = Path(__file__).resolve().parent.parent


class Builder:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> list[int]:
        self.calls += 1
        return [1, 2, 3]


def use(key: str, build: Builder) -> list[int]:
    return cached("thing", key, build, lambda v: json.dumps(v).encode(), lambda b: json.loads(b))


@pytest.fixture()
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    d = tmp_path / "cache"
    monkeypatch.setenv(CACHE_ENV, str(d))
    return d


def entry(folder: Path) -> Path:
    (path,) = folder.glob("thing-*.bin")
    return path


def test_built_once_then_loaded(folder: Path) -> None:
    build = Builder()
    assert use("k1", build) == [1, 2, 3] and build.calls == 1
    assert use("k1", build) == [1, 2, 3] and build.calls == 1
    if hasattr(os, "getuid"):
        assert stat_mode(folder) == 0o700 and stat_mode(entry(folder)) & 0o077 == 0
    assert use("k2", build) == [1, 2, 3] and build.calls == 2  # other inputs: another entry


def stat_mode(p: Path) -> int:
    return p.stat().st_mode & 0o777


@pytest.mark.parametrize("damage", [
    lambda b: b[: len(b) // 2],  # truncated
    lambda b: b[:-1] + bytes([b[-1] ^ 1]),  # one bit of the payload
    lambda b: b.replace(b"k1", b"k9", 1),  # the key of other inputs
    lambda b: b"",  # empty
    lambda b: b"garbage\n" * 10,
])
def test_a_bad_entry_is_ignored_and_rebuilt(folder: Path, damage) -> None:  # type: ignore[no-untyped-def]
    build = Builder()
    use("k1", build)
    path = entry(folder)
    good = path.read_bytes()
    path.write_bytes(damage(good))
    assert use("k1", build) == [1, 2, 3] and build.calls == 2
    assert path.read_bytes() == good  # written anew
    assert use("k1", build) == [1, 2, 3] and build.calls == 2


def test_a_payload_that_does_not_load_is_rebuilt(folder: Path) -> None:
    build = Builder()
    calls = []

    def load(b: bytes) -> list[int]:
        calls.append(b)
        raise ValueError("stale format")

    cached("thing", "k", build, lambda v: b"x", load)
    cached("thing", "k", build, lambda v: b"x", load)
    assert build.calls == 2 and len(calls) == 1


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX owners and modes")
def test_an_entry_others_may_write_or_own_is_never_loaded(folder: Path) -> None:
    build = Builder()
    use("k1", build)
    path = entry(folder)
    path.chmod(0o666)
    assert use("k1", build) == [1, 2, 3] and build.calls == 2  # rewritten with a safe mode
    assert stat_mode(entry(folder)) & 0o022 == 0
    if os.getuid() == 0:
        os.chown(entry(folder), 65534, 65534)  # nobody's
        assert use("k1", build) == [1, 2, 3] and build.calls == 3
    folder.chmod(0o777)  # a folder others may write is not used at all
    try:
        assert cache_dir() is None
        use("k1", build)
        assert build.calls == (4 if os.getuid() == 0 else 3)
    finally:
        folder.chmod(0o700)


def test_an_unwritable_place_means_no_cache_and_no_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv(CACHE_ENV, str(blocker / "cache"))  # under a file: cannot be made
    assert cache_dir() is None
    build = Builder()
    assert use("k", build) == use("k", build) == [1, 2, 3] and build.calls == 2
    monkeypatch.setenv(CACHE_ENV, "off")
    assert cache_dir() is None


def test_the_user_cache_falls_back_to_a_private_temporary_folder(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(CACHE_ENV, raising=False)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # cannot hold a folder
    monkeypatch.setattr(_cache.tempfile, "gettempdir", lambda: str(tmp_path))
    if sys.platform.startswith("linux"):
        found = cache_dir()
        assert found is not None and found.parent == tmp_path and stat_mode(found) == 0o700
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if sys.platform.startswith("linux"):
        assert cache_dir() == tmp_path / "xdg" / "mynumber-refs"


# --------------------------------------------------------------------------- the real entries


SECOND_RUN = """
import lark, sys
import mynumber_refs.mappings as m
def refuse(*a, **k):
    raise AssertionError("built again instead of loaded from the cache")
lark.Lark.__init__ = refuse
m.load_mappings = refuse
from mynumber_refs import rewrite
r = rewrite("番号法別表第一の16の項及び別表第二の27の項")
print(r.text)
"""


def test_parser_and_mappings_are_loaded_from_the_cache_in_the_next_process(folder: Path) -> None:
    env = {**os.environ, CACHE_ENV: str(folder)}
    first = subprocess.run([sys.executable, "-c", "from mynumber_refs import rewrite; "
                            "print(rewrite('番号法別表第一の16の項及び別表第二の27の項').text)"],
                           capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert first.returncode == 0, first.stderr
    assert sorted(p.name.split("-")[0] for p in folder.glob("*.bin")) == ["mappings", "parser"]
    second = subprocess.run([sys.executable, "-c", SECOND_RUN], capture_output=True, text=True, cwd=ROOT,
                            env=env, timeout=120)
    assert second.returncode == 0, second.stderr
    assert second.stdout == first.stdout
    assert "の24の項" in second.stdout and "第2条の表の48の項" in second.stdout
    # a damaged entry: the next process builds again, and says nothing about it
    for p in folder.glob("*.bin"):
        p.write_bytes(p.read_bytes()[:100])
    third = subprocess.run([sys.executable, "-c", "from mynumber_refs import rewrite; "
                            "print(rewrite('番号法別表第一の16の項及び別表第二の27の項').text)"],
                           capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert third.returncode == 0 and third.stdout == first.stdout and third.stderr == ""
    assert all(p.stat().st_size > 1000 for p in folder.glob("*.bin"))


def test_a_parser_from_the_cache_parses_as_a_built_one(folder: Path) -> None:
    import io

    from lark import Lark

    from mynumber_refs.parse import START_SYMBOLS, get_parser

    built = get_parser.__wrapped__()  # type: ignore[attr-defined]
    buf = io.BytesIO()
    built.save(buf)
    loaded = Lark.load(io.BytesIO(buf.getvalue()))
    samples = ["別表第一の16の項", "番号利用法第9条第1項別表第一の36の2の項", "別表第二の１、２及び３の項",
               "別表第一の1の項から5の項まで", "主務省令第２条の表"]
    for s in samples:
        for start in START_SYMBOLS:
            a = b = None
            try:
                a = built.parse(s, start=start)
            except Exception as exc:  # noqa: BLE001
                a = type(exc)
            try:
                b = loaded.parse(s, start=start)
            except Exception as exc:  # noqa: BLE001
                b = type(exc)
            assert a == b, (s, start)


def test_mappings_from_the_cache_equal_the_files(folder: Path) -> None:
    import pickle

    from mynumber_refs.mappings import load_mappings
    from mynumber_refs.model import RowNumber, Table

    fresh = load_mappings()
    again = pickle.loads(pickle.dumps(fresh, protocol=pickle.HIGHEST_PROTOCOL))
    assert again.summary() == fresh.summary()
    for table in (Table.BEPPYO1, Table.BEPPYO2):
        for n in range(1, 180):
            for row in (RowNumber.parse(str(n)), RowNumber.parse(f"{n}の2")):
                assert again.map_row(table, row) == fresh.map_row(table, row)
                assert again.old_row_exists(table, row) == fresh.old_row_exists(table, row)

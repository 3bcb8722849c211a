"""--jobs: workers start once, warm; a few small files are processed without them; a closed
output stops the batch."""

from __future__ import annotations

import argparse
import io
import sys
import time
from pathlib import Path

import pytest
from fake_engine import fake_rewrite

from mynumber_refs import batch
from mynumber_refs.model import RewriteResult


def args(argv: list[str]) -> argparse.Namespace:
    ap = argparse.ArgumentParser()
    batch.add_file_arguments(ap)
    ns = ap.parse_args(argv)
    for name, value in (("assume_law", False), ("as_of", None), ("accept_inferred", False), ("fix_typos", False),
                        ("mapping", []), ("json", False), ("check", False), ("diff", False)):
        setattr(ns, name, value)
    return ns


def folder(root: Path, n: int) -> Path:
    root.mkdir()
    for i in range(n):
        (root / f"{i:02}.txt").write_text(f"{i} 別表第一の59の項\n", encoding="utf-8")
    return root


def test_a_few_small_files_are_processed_without_workers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import concurrent.futures

    def no_workers(*a: object, **k: object) -> None:
        raise AssertionError("workers started for a few small files")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", no_workers)
    root = folder(tmp_path / "d", batch.PARALLEL_MIN_FILES - 1)
    rc = batch.run_files([str(root)], args(["--in-place", "--no-backup", "--jobs", "2"]), rewrite_fn=fake_rewrite,
                         stdout=io.StringIO(), stderr=io.StringIO())
    assert rc == 0 and all("別表の85の項" in p.read_text(encoding="utf-8") for p in root.iterdir())
    tasks = [batch.Task(str(p), str(p), p.name) for p in root.iterdir()]
    assert not batch._worth_workers(2, tasks) and not batch._worth_workers(1, tasks * 10)
    assert batch._worth_workers(2, tasks * 2)
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * batch.PARALLEL_MIN_BYTES)
    assert batch._worth_workers(2, [tasks[0], batch.Task(str(big), str(big), "big.txt")])


def test_workers_give_the_same_output_in_the_same_order(tmp_path: Path) -> None:
    root = folder(tmp_path / "d", 12)
    outs = []
    for jobs in ("1", "2"):
        out = io.StringIO()
        rc = batch.run_files([str(root)], args(["--jobs", jobs]), rewrite_fn=fake_rewrite, stdout=out,
                             stderr=io.StringIO())
        assert rc == 0
        outs.append(out.getvalue())
    assert outs[0] == outs[1] and outs[0].count("●") == 12


def test_warming_loads_the_grammar_mappings_and_libraries() -> None:
    from mynumber_refs.mappings import default_mappings
    from mynumber_refs.parse import get_parser

    opts = batch._Options("dry", {}, (), None, None, False)
    batch._warm(opts, True, frozenset({"docx", "xlsx", "text"}))
    assert get_parser.cache_info().currsize >= 1 and default_mappings.cache_info().currsize == 1
    for module in ("docx", "lxml.etree", "mynumber_refs.formats.docx", "mynumber_refs.formats.xlsx",
                   "mynumber_refs.formats.text", "mynumber_refs.rewriter"):
        assert module in sys.modules, module


FIRST_FILE_AFTER_WARMING = """
import re, sys
from mynumber_refs import batch
batch._warm(batch._Options("dry", {"assume_law": True}, (), None, None, False), True, frozenset({"text"}))
made = []
compile_ = re._compile
def counting(pattern, flags):
    if (type(pattern), pattern, flags) not in re._cache:
        made.append(pattern)
    return compile_(pattern, flags)
re._compile = counting
from mynumber_refs.rewriter import rewrite
r = rewrite("根拠：番号利用法第9条第1項別表第一の59の項\\n番号法別表第二の1の項、別表第一の２及び３の項に基づく。\\n", assume_law=True)
print(r.text.splitlines()[0], len(made))
"""


def test_warming_leaves_the_first_file_nothing_to_compile() -> None:
    """What the first parse makes (the lexer's scanners, patterns compiled on first use; 26
    patterns for this text) is made when this process warms, before the workers fork from it."""
    import subprocess

    done = subprocess.run([sys.executable, "-c", FIRST_FILE_AFTER_WARMING], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["根拠：番号利用法第9条第1項別表の85の項", "0"]


def slow_rewrite(text: str, **kwargs: object) -> RewriteResult:
    time.sleep(0.1)
    return fake_rewrite(text, **kwargs)  # type: ignore[arg-type]


class ClosedPipe(io.StringIO):
    def write(self, s: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_a_closed_output_stops_starting_files(tmp_path: Path) -> None:
    root = folder(tmp_path / "d", 40)
    with pytest.raises(BrokenPipeError):
        batch.run_files([str(root)], args(["--in-place", "--no-backup", "--jobs", "2"]), rewrite_fn=slow_rewrite,
                        stdout=ClosedPipe(), stderr=io.StringIO())
    texts = [p.read_text(encoding="utf-8") for p in sorted(root.iterdir())]
    assert len(texts) == 40  # no temporary file left, every file whole: old or new
    assert all(t.endswith(("別表第一の59の項\n", "別表の85の項\n")) for t in texts)
    # the first result could not be written: the files not yet started were cancelled (each takes
    # 0.1 s; the two workers had started a handful when the output closed)
    assert sum("別表の85の項" in t for t in texts) < 40


def pid_rewrite(text: str, **kwargs: object) -> RewriteResult:
    """fake_rewrite that notes which process rewrote the text (in the file named by MNR_TEST_PIDS)."""
    import os

    time.sleep(0.02)
    with open(os.environ["MNR_TEST_PIDS"], "a", encoding="utf-8") as f:
        f.write(f"{os.getpid()}\n")
    return fake_rewrite(text, **kwargs)  # type: ignore[arg-type]


def test_with_two_jobs_this_process_and_one_worker_share_the_files(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    pids = tmp_path / "pids"
    monkeypatch.setenv("MNR_TEST_PIDS", str(pids))
    root = folder(tmp_path / "d", 16)
    out = io.StringIO()
    rc = batch.run_files([str(root)], args(["--in-place", "--no-backup", "--jobs", "2"]), rewrite_fn=pid_rewrite,
                         stdout=out, stderr=io.StringIO())
    assert rc == 0 and all("別表の85の項" in p.read_text(encoding="utf-8") for p in root.iterdir())
    seen = pids.read_text(encoding="utf-8").split()
    assert len(seen) == 16 and len(set(seen)) == 2 and str(os.getpid()) in seen

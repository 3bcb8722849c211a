#!/usr/bin/env python3
"""The speed and memory targets of issue #13, each a ratio measured in this one run.

Run from the repository root::

    python benchmarks/bench_targets.py            # full run (a few minutes on 2 cores)
    python benchmarks/bench_targets.py --quick    # smoke run (texts 10x smaller)
    python benchmarks/bench_targets.py --json out.json
    python benchmarks/bench_targets.py --only 2    # one target's measures (here the dense text's)

Targets (issue #13):

1. citation-free 2 MB prose: ``find_citations`` ≤ 4× a naive ``re.finditer``, ``rewrite`` ≤ 5× a
   naive ``re.subn`` (the one form 「別表第一のNの項」);
2. dense real text (the seed repeated to 1 MB): ``find_citations`` ≤ 8× the floor (one C-level
   search for 別表 plus one small Citation per hit, ``bench_text.floor_find``), ``rewrite`` ≤ 2×
   ``find_citations`` (the same options);
3. linear: 10× the input takes ≤ 11× the time and the memory, for the dense seed and for
   adversarial inputs (dependent lists with no blank line, 同法 among many definitions, long runs
   of 「別表第一の」 and 「別表第二の１、」); peak memory of find/rewrite ≤ 4× the input's size in
   bytes (UTF-8).  Beside it, the floor's own memory (one small Citation per 別表, nothing parsed):
   where the input is dense in citations, every finder's result alone exceeds 4×.

Times are the best of N runs after a warm-up, with the parser's caches cleared before each
(``mynumber_refs.parse.clear_caches``): every run sees the document for the first time.  Memory is
the peak of Python allocations (``tracemalloc``) during one run, measured separately from the
timings.  It is a report, not a test: each target prints PASS/FAIL and the exit status is 0.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_text as bt  # noqa: E402  (the vocabulary, the naive baselines and the floor)

from mynumber_refs import parse as _parse  # noqa: E402
from mynumber_refs.resolve import find_citations  # noqa: E402
from mynumber_refs.rewriter import rewrite  # noqa: E402

SEED = (ROOT / "tests" / "data" / "seed_kumagaya_henkou.txt").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- texts


def _to_size(unit: str, target_bytes: int) -> str:
    n = max(1, target_bytes // len(unit.encode("utf-8")))
    return unit * n


def citation_free_prose(target_bytes: int, seed: int = 5) -> str:
    """PIA prose with no citation: the vocabulary of bench_text (代表, 公表, 表示, 住基法, definitions …)."""
    rnd = random.Random(seed)
    parts: list[str] = []
    size = 0
    while size < target_bytes:
        passage = [rnd.choice(bt.DATES)]
        passage += [bt._wrap(rnd.choice([*bt.PROSE, bt.DEFINITION]), 22) for _ in range(rnd.randint(3, 9))]
        block = "\n".join(passage) + "\n\n"
        parts.append(block)
        size += len(block.encode("utf-8"))
    return "".join(parts)


def seed_repeated(target_bytes: int) -> str:
    return _to_size(SEED + "\n\n", target_bytes)


ADVERSARIAL: dict[str, str] = {
    # dependent lists with their tables and no blank line anywhere
    "lists, no blank line": "番号法別表第二\n・第三欄が「市町村長」の項のうち、住民票関係情報が含まれる項（１、２、３、５、７の項）\n",
    # 同法 among many definitions
    "同法 and definitions": "住民基本台帳法（以下「住基法」という。）第7条及び同法別表第一の1の項。"
    "番号法（以下「法」という。）第9条及び同法別表第一の16の項。",
    # tables renamed beside a 第19条第7号 that the next citation renumbers: their groups merge (CHANGELOG, 12th session)
    "第7号 after a table": "番号法別表第二の28の項並びに番号法第19条第7号及び別表第二の27の項に基づく。\n",
    "run of 別表第一の": "別表第一の",
    "run of 別表第二の１、": "別表第二の１、",
}


# --------------------------------------------------------------------------- measuring


def best_of(fn: Callable[[], Any], reps: int) -> float:
    _parse.clear_caches()
    fn()
    best = float("inf")
    for _ in range(reps):
        _parse.clear_caches()
        gc.collect()
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def peak_bytes(fn: Callable[[], Any]) -> int:
    """Peak Python allocation during one run of ``fn`` (its result dropped after)."""
    _parse.clear_caches()
    gc.collect()
    tracemalloc.start()
    try:
        result = fn()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del result
    return peak


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="texts 10x smaller")
    ap.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    ap.add_argument("--only", choices=("1", "2", "3"), action="append",
                    help="measure only this target (repeatable); the others are skipped")
    args = ap.parse_args(argv)
    scale = 10 if args.quick else 1
    reps = 3 if args.quick else 5

    rows: list[tuple[str, str, float, str, bool | None]] = []

    def report(issue: str, measure: str, value: float, target: str, ok: bool | None) -> None:
        rows.append((issue, measure, value, target, ok))

    find_citations("番号法別表第一の16の項")  # load the grammar and the mappings once
    rewrite("番号法別表第一の16の項", assume_law=True)

    only = set(args.only or ("1", "2", "3"))

    # 1. citation-free prose
    if "1" in only:
        measure_citation_free(reps, scale, report)
    if "2" in only:
        measure_dense(reps, scale, report)
    if "3" in only:
        measure_growth(reps, scale, report)

    print()
    print(f"{'issue':5s} {'measure':52s} {'value':>9s}  {'target':8s} result")
    for issue, measure, value, target, ok in rows:
        verdict = "-" if ok is None else "PASS" if ok else "FAIL"
        print(f"#13.{issue:2s} {measure:52s} {value:9.2f}  {target:8s} {verdict}")
    if args.json:
        Path(args.json).write_text(
            json.dumps([dict(zip(("target", "measure", "value", "goal", "pass"), r, strict=True)) for r in rows],
                       ensure_ascii=False, indent=1),
            encoding="utf-8",
        )
    return 0


Report = Callable[[str, str, float, str, bool | None], None]


def measure_citation_free(reps: int, scale: int, report: Report) -> None:
    """Target 1: citation-free 2 MB prose against the naive finditer and subn."""
    prose = citation_free_prose(2_000_000 // scale)
    naive_re = bt._NAIVE_RE
    fast_reps = 5 * reps  # runs of a millisecond or less: more of them, so that the minimum is one
    t_naive_find = best_of(lambda: list(naive_re.finditer(prose)), fast_reps)
    t_naive_sub = best_of(lambda: bt.naive_rewrite(prose), fast_reps)
    t_find = best_of(lambda: find_citations(prose, assume_law=True), fast_reps)
    t_rewrite = best_of(lambda: rewrite(prose, assume_law=True), fast_reps)
    print(f"citation-free prose, {len(prose.encode()) / 1e6:.1f} MB: naive finditer {t_naive_find * 1e3:.2f} ms,"
          f" find {t_find * 1e3:.2f} ms; naive subn {t_naive_sub * 1e3:.2f} ms, rewrite {t_rewrite * 1e3:.2f} ms")
    report("1", "find / naive finditer, citation-free", t_find / t_naive_find, "<= 4", t_find / t_naive_find <= 4)
    report("1", "rewrite / naive subn, citation-free", t_rewrite / t_naive_sub, "<= 5", t_rewrite / t_naive_sub <= 5)



def measure_dense(reps: int, scale: int, report: Report) -> None:
    """Target 2: the seed repeated to 1 MB, find against the floor and rewrite against find."""
    dense = seed_repeated(1_000_000 // scale)
    t_floor = best_of(lambda: bt.floor_find(dense), reps)
    t_dfind = best_of(lambda: find_citations(dense, assume_law=True), reps)
    t_drew = best_of(lambda: rewrite(dense, assume_law=True), reps)
    hits = len(bt.floor_find(dense))
    print(f"seed repeated, {len(dense.encode()) / 1e6:.1f} MB, {hits} hits of 別表: floor {t_floor * 1e3:.1f} ms,"
          f" find {t_dfind * 1e3:.1f} ms, rewrite {t_drew * 1e3:.1f} ms")
    report("2", "find / floor, seed repeated", t_dfind / t_floor, "<= 8", t_dfind / t_floor <= 8)
    report("2", "rewrite / find, seed repeated", t_drew / t_dfind, "<= 2", t_drew / t_dfind <= 2)



def measure_growth(reps: int, scale: int, report: Report) -> None:
    """Target 3: growth from 100 KB to 1 MB, time and memory, of the seed and the adversarial texts, and one Word
    paragraph of 2,000 and 20,000 citations."""
    small = 100_000 // scale
    growth_texts = {"seed repeated": SEED + "\n\n", **ADVERSARIAL}
    for name, unit in growth_texts.items():
        one = _to_size(unit, small)
        ten = _to_size(unit, small * 10)
        floor_mem = peak_bytes(lambda ten=ten: bt.floor_find(ten)) / len(ten.encode("utf-8"))
        report("3", f"floor peak memory / input bytes, {name}", floor_mem, "-", None)
        for verb, fn in (("find", find_citations), ("rewrite", rewrite)):
            t1 = best_of(lambda fn=fn, one=one: fn(one, assume_law=True), reps)
            t10 = best_of(lambda fn=fn, ten=ten: fn(ten, assume_law=True), max(2, reps // 2))
            m1 = peak_bytes(lambda fn=fn, one=one: fn(one, assume_law=True))
            m10 = peak_bytes(lambda fn=fn, ten=ten: fn(ten, assume_law=True))
            size10 = len(ten.encode("utf-8"))
            print(f"{name:24s} {verb:8s} 1x {t1 * 1e3:8.1f} ms {m1 / 1e6:7.2f} MB   10x {t10 * 1e3:9.1f} ms"
                  f" {m10 / 1e6:7.2f} MB  (input {size10 / 1e6:.2f} MB)")
            report("3", f"{verb} time 10x/1x, {name}", t10 / t1, "<= 11", t10 / t1 <= 11)
            report("3", f"{verb} memory 10x/1x, {name}", m10 / m1, "<= 11", m10 / m1 <= 11)
            report("3", f"{verb} peak memory / input bytes, {name}", m10 / size10, "<= 4", m10 / size10 <= 4)

    # …and in a Word document: one paragraph that holds them all (the formats' work per edit)
    import functools
    import tempfile

    import docx  # python-docx, a dependency of the package

    from mynumber_refs.formats import open_document, rewrite_document

    def word_run(n: int, folder: Path) -> float:
        path = folder / f"many{n}.docx"
        d = docx.Document()
        paragraph = d.add_paragraph()
        for i in range(n):
            paragraph.add_run("番号法別表第一の16の項、").bold = i % 2 == 0
        d.save(str(path))

        def once() -> None:
            doc = open_document(path)
            rewrite_document(doc, functools.partial(rewrite, assume_law=True))
            doc.save(folder / "out.docx")

        return best_of(once, max(2, reps // 2))

    with tempfile.TemporaryDirectory() as tmp:
        n = 2000 // scale
        w1, w10 = word_run(n, Path(tmp)), word_run(n * 10, Path(tmp))
    print(f"{'Word, one paragraph':24s} rewrite  {n} citations {w1 * 1e3:8.1f} ms   {n * 10}: {w10 * 1e3:9.1f} ms")
    report("3", "rewrite time 10x/1x, Word paragraph of citations", w10 / w1, "<= 11", w10 / w1 <= 11)


if __name__ == "__main__":
    raise SystemExit(main())

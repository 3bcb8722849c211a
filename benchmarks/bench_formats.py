"""Benchmark: batch rewrite of Word and Excel drafts against a plain open-and-save.

Generates a folder of .docx and .xlsx drafts (in a temporary folder), then times, in the same
run, best of ``--repeat``:

* baseline: open and save every file with python-docx / openpyxl, without changes;
* ``mynumber-refs rewrite DIR --in-place`` through :func:`mynumber_refs.batch.run_files`
  (backups included), on a fresh copy of the folder each time;

and prints the ratio (target ≤ 1.5×).  It also measures the start-up of
``mynumber-refs --version`` against ``python -c pass`` (target < 300 ms).

    python benchmarks/bench_formats.py [--docx 20] [--xlsx 20] [--repeat 3] [--jobs 1] [--strict]
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CITATIONS = [
    "番号利用法第9条第1項別表第一の16の項",
    "番号利用法別表第一の59の項",
    "番号利用法第19条第8号 別表第二の27の項",
    "番号利用法別表第一の36の2の項",
]
FILLER = ("市町村の住民に関する正確な情報が整備されていなければならない。住民基本台帳は、住民基本台帳法に"
          "基づき作成されるものであり、住民の利便を増進するとともに行政の近代化に対処する。")


def make_docx(path: Path, paragraphs: int = 60, rows: int = 30) -> None:
    import docx

    d = docx.Document()
    d.add_heading("特定個人情報保護評価書（全項目評価書）", level=1)
    for i in range(paragraphs):
        p = d.add_paragraph(FILLER)
        if i % 6 == 0:
            run = p.add_run("根拠: " + CITATIONS[i % len(CITATIONS)])
            run.bold = True
    t = d.add_table(rows=rows, cols=3)
    for r in range(rows):
        t.cell(r, 0).text = f"②項目{r}"
        t.cell(r, 1).text = FILLER if r % 3 else "根拠: " + CITATIONS[r % len(CITATIONS)]
        t.cell(r, 2).text = "事後"
    d.sections[0].header.paragraphs[0].text = "特定個人情報保護評価書"
    d.save(str(path))


def make_xlsx(path: Path, sheets: int = 3, rows: int = 150) -> None:
    import openpyxl
    from openpyxl.styles import Alignment, Font

    wb = openpyxl.Workbook()
    for s in range(sheets):
        ws = wb.active if s == 0 else wb.create_sheet()
        ws.title = f"評価書{s + 1}"
        for r in range(1, rows + 1):
            ws.cell(r, 1, f"項目{r}").font = Font(bold=True)
            text = FILLER if r % 10 else "根拠:\n" + CITATIONS[r % len(CITATIONS)]
            c = ws.cell(r, 2, text)
            c.alignment = Alignment(wrap_text=True)
            ws.cell(r, 3, r)
            ws.cell(r, 4, f"=C{r}*2")
        ws.column_dimensions["B"].width = 60
    wb.save(str(path))


def baseline(folder: Path) -> None:
    import docx
    import openpyxl

    for p in sorted(folder.iterdir()):
        if p.suffix == ".docx":
            docx.Document(str(p)).save(str(p))
        elif p.suffix == ".xlsx":
            openpyxl.load_workbook(str(p)).save(str(p))


def ours(folder: Path, jobs: int) -> None:
    from mynumber_refs import batch

    ap = argparse.ArgumentParser()
    batch.add_file_arguments(ap)
    args = ap.parse_args(["--in-place", "--jobs", str(jobs)])
    for name, value in (("assume_law", False), ("as_of", None), ("accept_inferred", False), ("fix_typos", False),
                        ("mapping", []), ("json", False), ("check", False), ("diff", False)):
        setattr(args, name, value)
    rc = batch.run_files([str(folder)], args, stdout=io.StringIO(), stderr=io.StringIO())
    if rc != 0:
        raise SystemExit(f"run_files returned {rc}")


def timed(fn: Callable[[Path], None], source: Path, work: Path, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        if work.exists():
            shutil.rmtree(work)
        shutil.copytree(source, work)
        t0 = time.perf_counter()
        fn(work)
        best = min(best, time.perf_counter() - t0)
    return best


def startup(cmd: list[str], n: int = 10) -> float:
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docx", type=int, default=20)
    ap.add_argument("--xlsx", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    a = ap.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="mnr-bench-") as tmp:
        src = Path(tmp) / "drafts"
        src.mkdir()
        for i in range(a.docx):
            make_docx(src / f"draft{i:03}.docx")
        for i in range(a.xlsx):
            make_xlsx(src / f"draft{i:03}.xlsx")
        # import the libraries and load the grammar outside the timings, for both sides
        from mynumber_refs.rewriter import rewrite

        rewrite(CITATIONS[0])
        base = timed(baseline, src, Path(tmp) / "base", a.repeat)
        mine = timed(lambda f: ours(f, a.jobs), src, Path(tmp) / "mine", a.repeat)
        check = Path(tmp) / "mine"
        rewritten = sum(1 for p in check.iterdir() if p.name.endswith(".bak"))
    ratio = mine / base
    print(f"files: {a.docx} .docx + {a.xlsx} .xlsx, rewritten: {rewritten}, jobs: {a.jobs}, best of {a.repeat}")
    print(f"open+save (python-docx/openpyxl): {base * 1000:8.0f} ms")
    print(f"rewrite --in-place:               {mine * 1000:8.0f} ms")
    print(f"ratio: {ratio:.2f}x (target <= 1.5x) {'OK' if ratio <= 1.5 else 'MISSED'}")

    exe = shutil.which("mynumber-refs")
    cmd = [exe, "--version"] if exe else [sys.executable, "-m", "mynumber_refs", "--version"]
    env_py = startup([sys.executable, "-c", "pass"])
    ver = startup(cmd)
    print(f"python -c pass:          {env_py:6.0f} ms")
    print(f"{' '.join(Path(c).name for c in cmd)}: {ver:6.0f} ms (over python: {ver - env_py:.0f} ms; target < 300 ms)"
          f" {'OK' if ver < 300 else 'MISSED'}")
    if a.strict and (ratio > 1.5 or ver >= 300):
        return 1
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    raise SystemExit(main())

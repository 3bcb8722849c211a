"""Check the finder's and the rewriter's invariants on random mixes of real and generated text.

    python3 tools/fuzz_invariants.py [--seconds 300] [--seed 1] [--out DIR]

The texts are mixes of the repository's own material: lines of the seed (tests/data), the
example, every string of the tests that holds 表, the benchmark's generated PIA prose and its
adversarial units, cut and joined at random.  Each text is run with random options
(``--assume-law``, ``--accept-inferred``, ``--fix-typos``, ``--as-of``, ``--rederive``) and
checked for:

* **caches**: ``find_citations`` and ``rewrite`` give the same with the caches warm from every
  text before and with them emptied and the binding memo off;
* **idempotency**: rewriting the output again with the same options changes nothing;
* **edits**: the output is the input with the edits applied, and nothing else changed;
* **renamed**: no citation of an old table (別表第一, 別表第二) is read in the output where an edit
  wrote new text;
* **cut**: cutting the text at a blank line changes none of the citations before the cut (but a
  table followed by a footnote mark in its clause, whose note may stand below the cut);
* **context**: prose passages (with no law name) before and after the text change nothing but
  the offsets.

Each failure is printed and saved (options and text) under ``--out``; the exit status is 1 when
one was found.  It is a search, not a test: the pytest properties pin down what it found.
A law's name glued to a word that is not a reference (「…事項番号法」) is read with that word
(CHANGELOG, Known limits); a rewrite never changes such a word.
"""

from __future__ import annotations

import argparse
import ast
import datetime
import random
import re
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
for extra in (ROOT, ROOT / "benchmarks"):
    if str(extra) not in sys.path:  # run from a checkout without installing
        sys.path.insert(0, str(extra))

import bench_text as bt  # noqa: E402  (the generator of PIA-like text)
from bench_targets import ADVERSARIAL  # noqa: E402

import mynumber_refs.laws as laws  # noqa: E402
from mynumber_refs import find_citations, rewrite  # noqa: E402
from mynumber_refs import parse as _parse  # noqa: E402
from mynumber_refs.model import Citation, Table  # noqa: E402
from mynumber_refs.rederive import Rederive  # noqa: E402


def corpus() -> tuple[list[str], list[str]]:
    """(documents, short strings): the seed, the example, generated drafts; the tests' strings."""
    docs = [(ROOT / "tests" / "data" / "seed_kumagaya_henkou.txt").read_text(encoding="utf-8"),
            (ROOT / "examples" / "pia_sample.txt").read_text(encoding="utf-8")]
    docs += [bt.make_text(30_000, (50, 400), seed=s)[0] for s in range(6)]
    strings = []
    for f in sorted((ROOT / "tests").glob("*.py")):
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and "表" in node.value and len(node.value) < 3000:
                strings.append(node.value)
    return docs, strings


_NAMELESS_PROSE = [bt._wrap(p, 22) for p in bt.PROSE
                   if not any(w in p for w in ("法", "令", "条例", "規則", "規程", "要綱", "告示", "表"))]


def _sample(rnd: random.Random, docs: list[str], strings: list[str], lines: list[str]) -> str:
    k = rnd.random()
    if k < 0.3:
        return "".join(rnd.choice(lines) for _ in range(rnd.randint(1, 60)))
    if k < 0.5:
        return "".join(rnd.choice(strings) + rnd.choice(["", "\n", "。", "\n\n", "、"]) for _ in range(rnd.randint(1, 12)))
    if k < 0.6:
        return rnd.choice(list(ADVERSARIAL.values())) * rnd.randint(1, 50)
    d = rnd.choice(docs)
    a = rnd.randrange(len(d))
    return d[a : a + rnd.randint(10, 5000)]


def _options(rnd: random.Random) -> dict[str, Any]:
    return {
        "assume_law": rnd.random() < 0.7,
        "accept_inferred": rnd.random() < 0.3,
        "fix_typos": rnd.random() < 0.3,
        "as_of": rnd.choice([None, None, datetime.date(2019, 9, 30)]),
        "rederive": rnd.choice([None, None, Rederive(provider="市町村長", information="住民票関係情報")]),
    }


def _found(text: str, assume: bool, shift: int = 0) -> list[tuple[object, ...]]:
    return [(type(x).__name__, x.start - shift, x.end - shift, x.text, getattr(x, "rows", None),
             getattr(x, "law", None), getattr(x, "reason", None)) for x in find_citations(text, assume_law=assume)]


def _unnoted(text: str, found: list[tuple[object, ...]]) -> list[tuple[object, ...]]:
    """``found`` without the tables a footnote mark follows (「別表第一の1の項（注1）」: see
    ``laws.LawIndex.law_of_footnote``), whose law the note below names, past a blank line too, and
    without those listed before such a table in its clause (「別表第二、別表第一の1の項（注１）」), which
    take its law with it."""
    return [f for f in found if _MARK_LATER.match(text, int(f[2])) is None]  # type: ignore[call-overload]


# a footnote mark later in the clause (the tables joined before a noted one take the note's law)
_MARK_LATER = re.compile(r"[^。\n]{0,200}?(?:[（(][ \t\u3000]*)?(?:注|※|[＊*])[ \t\u3000]*[0-9０-９]")


def check(text: str, kw: dict[str, Any], rnd: random.Random) -> list[str]:
    """The invariants ``text`` breaks with options ``kw`` (names, with a detail each)."""
    broken = []
    assume = kw["assume_law"]
    warm = (_found(text, assume), rewrite(text, **kw))
    saved = laws._CONTEXTS
    laws._CONTEXTS = ()  # type: ignore[assignment]  # (the binding memo off)
    _parse.clear_caches()
    try:
        cold = (_found(text, assume), rewrite(text, **kw))
    finally:
        laws._CONTEXTS = saved
    if warm[0] != cold[0] or warm[1] != cold[1]:
        broken.append("caches: warm and fresh caches differ")
    once = warm[1]
    again = rewrite(once.text, **kw)
    if again.edits:
        e = again.edits[0]
        broken.append(f"idempotency: a second run changes 「{e.before}」 → 「{e.after}」 at {e.start}")
    pos, pieces, spans, out_pos = 0, [], [], 0
    for e in sorted(once.edits, key=lambda e: e.start):
        out_pos += e.start - pos
        if e.reason != "typo":  # a corrected 「番号利用表」 may stand before a table kept as written
            spans.append((out_pos, out_pos + len(e.after)))
        out_pos += len(e.after)
        pieces += [text[pos : e.start], e.after]
        pos = e.end
    if "".join(pieces) + text[pos:] != once.text:
        broken.append("edits: the output is not the input with its edits")
    old_tables = {Table.BEPPYO1, Table.BEPPYO2}
    for x in find_citations(once.text, assume_law=assume):
        if isinstance(x, Citation) and x.table in old_tables and any(a < x.end and x.start < b for a, b in spans if b > a):
            broken.append(f"renamed: the output reads an old table in 「{x.text}」, where an edit wrote new text")
            break
    cuts = [i for i in range(len(text)) if text.startswith("\n\n", i)]
    if cuts:
        k = rnd.choice(cuts)
        # a table followed by a footnote mark reads the note below it, which may stand past the cut
        full = _found(text, assume)
        noted = [f for f in full if f[2] <= k]  # type: ignore[operator]
        # (a citation the cut goes through, read over a page's blank lines 「番号法別表\n\n－3－\n\n第二の27の項」, is none before it)
        through = [(f[1], f[2]) for f in full if f[1] < k < f[2]]  # type: ignore[operator]
        cut = [f for f in _found(text[:k], assume) if not any(a < f[2] and f[1] < b for a, b in through)]  # type: ignore[operator]
        if _unnoted(text, noted) != _unnoted(text, cut):
            broken.append(f"cut: cutting at the blank line at {k} changes a citation before it")
    before = rnd.choice(_NAMELESS_PROSE) + "\n\n"
    after = "\n\n" + rnd.choice(_NAMELESS_PROSE)
    if _found(before + text + after, assume, len(before)) != _found(text, assume):
        broken.append("context: prose passages around the text change what is found")
    return broken


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seconds", type=float, default=300)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", default="fuzz_failures", help="folder for the failing cases (default: fuzz_failures/)")
    args = ap.parse_args(argv)
    docs, strings = corpus()
    lines = [line for d in docs for line in d.splitlines(keepends=True)]
    rnd = random.Random(args.seed)
    out = Path(args.out)
    deadline = time.monotonic() + args.seconds
    n = failed = 0
    while time.monotonic() < deadline:
        text = _sample(rnd, docs, strings, lines)
        kw = _options(rnd)
        n += 1
        broken = check(text, kw, rnd)
        if broken:
            failed += 1
            out.mkdir(parents=True, exist_ok=True)
            case = out / f"case_{args.seed}_{n}.txt"
            case.write_text(repr(({k: v for k, v in kw.items()}, text)), encoding="utf-8")
            print(f"{case}: {'; '.join(broken)}")
    print(f"{n} texts, {failed} with a broken invariant (seed {args.seed}, {args.seconds:.0f} s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

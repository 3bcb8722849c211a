#!/usr/bin/env python3
"""Throughput benchmark of the finder and the rewriter on generated PIA-like Japanese text.

Run from the repository root::

    python benchmarks/bench_text.py            # full run (a few minutes on 2 cores)
    python benchmarks/bench_text.py --quick    # smoke run (< 20 s)
    python benchmarks/bench_text.py --json out.json

The text is generated deterministically (seeded ``random.Random``) from a small embedded
vocabulary of sentences of a 特定個人情報保護評価書 and a set of citation forms (see
``CITATION_FORMS``).  Every measurement runs in this one process: one warm-up run, then the best
of N repetitions timed with ``time.perf_counter``.  The parser's result cache
(``mynumber_refs.parse.clear_caches()``) is cleared before every run, warm-up included, so
each run sees the text for the first time, as a real document would be.

It is a report, not a test: targets are printed with PASS/FAIL and the exit status is 0.
See benchmarks/README.md for what each number means.
"""

from __future__ import annotations

import argparse
import csv
import gc
import json
import platform
import random
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mynumber_refs import parse as _parse  # noqa: E402
from mynumber_refs.model import Citation  # noqa: E402
from mynumber_refs.resolve import find_citations  # noqa: E402
from mynumber_refs.rewriter import rewrite  # noqa: E402

# --------------------------------------------------------------------------- vocabulary

# Rows that exist in the mapping tables (old numbering).
ROWS1 = [*range(1, 13), *range(14, 25), *range(26, 79), 80, 81, *range(83, 99)]
ROWS2 = [*range(1, 21), *range(22, 30), *range(31, 102)]

# Sentences and phrases of a PIA (from the public 熊谷市 住民基本台帳 PIA 別添２), plus a few
# with ordinary words that contain 表 (代表, 表示, 公表, 一覧表) and no citation.
PROSE = [
    "市町村が住民を対象とする行政を適切に行い、また、住民の正しい権利を保障するためには、市町村の住民に関する正確な情報が整備されていなければならない。",
    "住民基本台帳は、住民基本台帳法（以下「住基法」という。）に基づき作成されるものである。",
    "市町村における住民の届出に関する制度及びその住民たる地位を記録する各種の台帳に関する制度を一元化し、もって、住民の利便を増進する。",
    "住民に関する記録を正確かつ統一的に行うものであり、市町村において、住民の居住関係の公証、選挙人名簿の登録、その他住民に関する事務の処理の基礎となるものである。",
    "また、住基法に基づいて住民基本台帳のネットワーク化を図り、全国共通の本人確認システム（住基ネット）を都道府県と共同して構築している。",
    "①個人を単位とする住民票を世帯ごとに編成し、住民基本台帳を作成",
    "②転入届、転居届、転出届、世帯変更届等の届出又は職権に基づく住民票の記載、消除又は記載の修正",
    "③住民基本台帳の正確な記録を確保するための措置",
    "④転入届に基づき住民票の記載をした際の転出元市町村に対する通知",
    "⑤本人又は同一の世帯に属する者からの請求による住民票の写し等交付",
    "⑥住民票の記載事項に変更があった際の都道府県知事に対する通知",
    "⑦地方公共団体情報システム機構（以下「機構」という。）への本人確認情報の照会",
    "⑧住民からの請求に基づく住民票コードの変更",
    "⑨個人番号の通知及び個人番号カードの交付",
    "⑩個人番号カード等を用いた本人確認",
    "⑪個人番号カードを用いたコンビニエンスストアでの住民票の写し等の交付",
    "そのため、当該事務においては、事務を委任する機構に対する情報の提供を含めて特定個人情報ファイルを使用する。",
    "情報提供ネットワークシステムに接続し、情報提供に必要な情報を「副本」として中間サーバーへ登録する。",
    "サービス検索・電子申請機能で申請されたデータと連携する。",
    "地方公共団体に公開する機能。",
    "事前",
    "事後",
    "根拠法にあわせて修正記載する形式的変更のため",
    "サービス検索及び電子申請機能の利用による見直し",
    "証明発行業務委託のため",
    "Ⅰ　基本情報",
    "Ⅰ　関連情報",
    "２．特定個人情報ファイルを取り扱う事務において使用するシステム",
    "５．特定個人情報の提供･移転（委託に伴うものを除く。）",
    "添付資料（Ⅱ．移転先一覧）",
    "（住民基本台帳に関する事務において情報提供ネットワークシステムによる情報照会は行わない）",
    "ガバメントクラウドへの移行に伴い、システムの名称を変更する。",
    "代表者の氏名を表示し、評価書を公表する。",
    "変更箇所を一覧表にまとめ、市のホームページで公表している。",
    "画面に表示される項目は、代表的なものに限る。",
    "評価実施機関の代表者は、市長である。",
    "委託先名：株式会社パソナ　再委託しない",
    "変更日 項目 変更前の記載 変更後の記載 提出時期 提出時期に係る説明",
]
DEFINITION = (
    "市町村は、住基法及び行政手続における特定の個人を識別するための番号の利用等に関する法律"
    "（以下「番号利用法」という。）の規定に従い、特定個人情報を以下の事務で取り扱う。"
)
INLINE = [
    "・{}（特定個人情報の提供の制限）",
    "{}に基づき、特定個人情報を提供する。",
    "移転先：{}に規定する事務",
    "根拠法令は{}である。",
]
DATES = ["令和5年2月6日", "令和4年4月1日", "令和6年5月27日", "令和3年9月1日", "令和2年10月1日"]

_FW = str.maketrans("0123456789", "０１２３４５６７８９")
_KANJI_DIGITS = "〇一二三四五六七八九"


def fw(n: int) -> str:
    return str(n).translate(_FW)


def kanji(n: int) -> str:
    """1..999 in kanji (十六, 百二十)."""
    out = ""
    h, rest = divmod(n, 100)
    t, u = divmod(rest, 10)
    if h:
        out += ("" if h == 1 else _KANJI_DIGITS[h]) + "百"
    if t:
        out += ("" if t == 1 else _KANJI_DIGITS[t]) + "十"
    if u:
        out += _KANJI_DIGITS[u]
    return out


def _contiguous(rows: list[int], rnd: random.Random, k: int) -> tuple[int, int]:
    """A range a..b of k+1 rows that all exist."""
    while True:
        a = rnd.choice(rows)
        if all(a + i in rows for i in range(k + 1)):
            return a, a + k


# Each form: (weight, counts_as_act_citation, make(rnd) -> str).
CitationForm = tuple[int, bool, Callable[[random.Random], str]]


def _list_rows(rnd: random.Random) -> str:
    a, b, c = sorted(rnd.sample(ROWS1, 3))
    return f"番号利用法別表第一の{fw(a)}、{fw(b)}及び{fw(c)}の項"


def _range_rows(rnd: random.Random) -> str:
    a, b = _contiguous(ROWS1, rnd, rnd.randint(2, 5))
    return f"番号利用法別表第一の{a}の項から{b}の項まで"


def _broken(rnd: random.Random) -> str:
    r = str(rnd.choice([x for x in ROWS1 if x >= 10]))
    return f"番号利用法別表第一の{r[:1]}\n{r[1:]}の項"


def _row_list2(rnd: random.Random) -> str:
    rows = sorted(rnd.sample(ROWS2, rnd.randint(3, 12)))
    inner = "、".join(fw(r) for r in rows)
    return (
        "・番号利用法第１９条第８号（特定個人情報の提供の制限）及び別表第二\n"
        "（別表第二における情報提供の根拠）\n"
        f"：第三欄（情報提供者）が「市町村長」の項のうち、第四欄（特定個人情報）に「住民票関係情報」が含まれる項（{inner}の項）"
    )


CITATION_FORMS: list[CitationForm] = [
    (6, True, lambda r: f"番号利用法第9条第1項別表第一の{r.choice(ROWS1)}の項"),
    (6, True, lambda r: f"番号利用法第9条第1項\n別表第一の{r.choice(ROWS1)}の項"),
    (4, True, lambda r: f"番号利用法別表第一の{fw(r.choice(ROWS1))}の項"),
    (2, True, lambda r: f"別表第一の{fw(r.choice(ROWS1))}の項"),
    (3, True, lambda r: f"番号法別表第一の{kanji(r.choice(ROWS1))}の項"),
    (
        2,
        True,
        lambda r: r.choice(
            [
                "番号利用法別表第一の36の2の項",
                "番号法別表第一の３６の２の項",
                "番号法別表第一の三十六の二の項",
            ]
        ),
    ),
    (2, True, _list_rows),
    (2, True, _range_rows),
    (4, True, lambda r: f"番号法別表第二の{r.choice(ROWS2)}の項"),
    (3, True, lambda r: "番号利用法第19条第8号 別表第二"),
    (2, True, lambda r: "番号法別表第二"),
    (
        2,
        True,
        lambda r: (
            "番号利用法の別表第二に基づいて、熊谷市は、住民基本台帳に関する事務において情報提供ネットワークシステムに接続する。"
        ),
    ),
    (2, True, _broken),
    (1, True, _row_list2),  # two citations: the table and the row list (counted once)
    (3, False, lambda r: f"生活保護法別表第1の{r.randint(1, 9)}の項"),
    (2, False, lambda r: "住民基本台帳法別表第一"),
    (1, False, lambda r: f"条例別表第1の{r.randint(1, 9)}の項"),
]


def _wrap(s: str, width: int) -> str:
    """Break ``s`` into lines of ``width`` characters, as PDF extraction does (existing breaks kept)."""
    out = []
    for line in s.split("\n"):
        out.extend(line[i : i + width] for i in range(0, max(len(line), 1), width))
    return "\n".join(out)


def make_text(target_bytes: int, gap: tuple[int, int], seed: int) -> tuple[str, int, int]:
    """PIA-like text of about ``target_bytes`` UTF-8 bytes, one citation every ``gap`` chars.

    Returns (text, act citations inserted, look-alikes inserted).  Prose is wrapped at 22
    characters like the seed's table cells; citations are kept whole except for the explicit
    line-break forms.  Passages (blank-line separated) hold a few sentences each, with a
    definition of 番号利用法 now and then.
    """
    rnd = random.Random(seed)
    weights = [w for w, _, _ in CITATION_FORMS]
    parts: list[str] = []
    size = 0
    n_act = n_look = 0
    next_cite = rnd.randint(*gap)
    since_cite = 0
    while size < target_bytes:
        # one passage: a date, a few prose sentences and citations, a blank line
        passage = [rnd.choice(DATES)]
        for _ in range(rnd.randint(3, 9)):
            if rnd.random() < 0.02:
                sentence = DEFINITION
            else:
                sentence = rnd.choice(PROSE)
            passage.append(_wrap(sentence, 22))
            since_cite += len(sentence)
            while since_cite >= next_cite:
                _w, act, make = rnd.choices(CITATION_FORMS, weights)[0]
                cite = make(rnd)
                if rnd.random() < 0.5 and "\n" not in cite:
                    cite = rnd.choice(INLINE).format(cite)  # inside a sentence, on one line
                passage.append(cite)
                n_act += act
                n_look += not act
                since_cite -= next_cite
                next_cite = rnd.randint(*gap)
        block = "\n".join(passage) + "\n\n"
        parts.append(block)
        size += len(block.encode("utf-8"))
    return "".join(parts), n_act, n_look


SPARSE_GAP = (1600, 2400)  # prose characters between two citations
DENSE_GAP = (80, 160)


# --------------------------------------------------------------------------- naive baselines

_NAIVE_RE = re.compile(r"別表第一の(\d+)の項")


def naive_find(text: str) -> list[re.Match[str]]:
    return list(_NAIVE_RE.finditer(text))


def _load_naive_map() -> dict[str, str]:
    path = ROOT / "mappings" / "beppyo1_to_beppyo.csv"
    out: dict[str, str] = {}
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            for row in csv.DictReader(f):
                if row.get("old", "").isdigit() and row.get("new", "").isdigit():
                    out[row["old"]] = row["new"]
    except OSError:
        pass
    return out or {str(n): str(n + 10) for n in ROWS1}


NAIVE_MAP = _load_naive_map()


def naive_rewrite(text: str) -> tuple[str, int]:
    """re.sub of the one form 「別表第一のNの項」 through a dict; (new text, substitutions)."""

    def sub(m: re.Match[str]) -> str:
        new = NAIVE_MAP.get(m.group(1))
        return f"別表の{new}の項" if new is not None else m.group(0)

    return _NAIVE_RE.subn(sub, text)


# --------------------------------------------------------------------------- the floor

_ANCHOR_ONLY = re.compile(r"表(?<=別表)")


def floor_find(text: str) -> list[Citation]:
    """A lower bound for any finder that returns Citation objects, not a finder.

    It does only the two things no such finder can skip: one C-level pass over the text for the
    word 別表 (every citation of the act's old tables holds it) and one Citation object per hit,
    with nothing parsed and no law resolved.
    """
    return [Citation(start=m.start() - 1, end=m.end(), text="別表") for m in _ANCHOR_ONLY.finditer(text)]


# --------------------------------------------------------------------------- timing


def _clear_caches() -> None:
    clear = getattr(_parse, "clear_caches", None)
    if clear is not None:
        clear()


def best_of(fn: Callable[[], Any], reps: int) -> tuple[float, Any]:
    """One warm-up run, then the best of ``reps`` timed runs; (seconds, last result)."""
    _clear_caches()
    result = fn()
    best = float("inf")
    for _ in range(reps):
        _clear_caches()
        gc.collect()
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def _mb(text: str) -> float:
    return len(text.encode("utf-8")) / 1e6


# --------------------------------------------------------------------------- main


def run(quick: bool) -> dict[str, Any]:
    if quick:
        sizes = {"sparse": 200_000, "dense": 100_000}
        reps = 2
    else:
        sizes = {"sparse": 2_000_000, "dense": 1_000_000}
        reps = 3
    sparse_gap, dense_gap = SPARSE_GAP, DENSE_GAP

    t0 = time.perf_counter()
    texts = {
        "sparse": make_text(sizes["sparse"], sparse_gap, seed=1),
        "dense": make_text(sizes["dense"], dense_gap, seed=2),
        "dense_10x": make_text(sizes["dense"] * 10, dense_gap, seed=2),
    }
    gen_s = time.perf_counter() - t0
    print(
        f"mynumber-refs text benchmark ({'quick' if quick else 'full'}), Python {platform.python_version()}, "
        f"best of {reps} after 1 warm-up; text generated in {gen_s:.1f} s"
    )
    print()
    print(
        f"{'text':<11} {'MB':>6} {'chars':>9} {'act cit.':>8} {'chars/cit.':>10} {'look-al.':>8} {'naive hits':>10}"
    )
    for name, (text, n_act, n_look) in texts.items():
        print(
            f"{name:<11} {_mb(text):6.2f} {len(text):9d} {n_act:8d} {len(text) / max(n_act, 1):10.0f} "
            f"{n_look:8d} {len(naive_find(text)):10d}"
        )
    print()

    results: dict[str, Any] = {"quick": quick, "reps": reps, "python": platform.python_version(), "texts": {}}
    rows: list[tuple[str, str, float, float, float, int]] = []

    def measure(label: str, key: str, fn: Callable[[str], Any], reps_here: int = reps) -> float:
        text, n_act, _ = texts[key]
        secs, res = best_of(lambda: fn(text), reps_here)
        mbps = _mb(text) / secs
        cps = n_act / secs
        if isinstance(res, tuple):  # naive_rewrite
            n_out = res[1]
        elif isinstance(res, list):
            n_out = len(res)
        else:
            n_out = len(res.edits)
        rows.append((label, key, secs, mbps, cps, n_out))
        results["texts"].setdefault(key, {"mb": _mb(text), "chars": len(text), "act_citations": n_act})
        results["texts"][key][label] = {
            "seconds": secs,
            "mb_per_s": mbps,
            "citations_per_s": cps,
            "items": n_out,
        }
        print(
            f"  {label:<16} {key:<11} {secs * 1000:10.1f} ms {mbps:9.3f} MB/s {cps:11.0f} cit/s  ({n_out} items)",
            flush=True,
        )
        return secs

    print("timings (items: matches for naive_find, results of find_citations, edits for the rewriters)")
    f_sparse = measure("find_citations", "sparse", find_citations)
    n_sparse = measure("naive_find", "sparse", naive_find)
    floor_sparse = measure("floor_find", "sparse", floor_find)
    f_dense = measure("find_citations", "dense", find_citations)
    n_dense = measure("naive_find", "dense", naive_find)
    r_sparse = measure("rewrite", "sparse", lambda t: rewrite(t, assume_law=True))
    nr_sparse = measure("naive_rewrite", "sparse", naive_rewrite)
    r_dense = measure("rewrite", "dense", lambda t: rewrite(t, assume_law=True))
    nr_dense = measure("naive_rewrite", "dense", naive_rewrite)
    # growth: the dense text (x1, measured above) against a 10x longer one of the same kind
    f_g1, r_g1 = f_dense, r_dense
    f_g10 = measure("find_citations", "dense_10x", find_citations, max(1, reps - 1))
    r_g10 = measure("rewrite", "dense_10x", lambda t: rewrite(t, assume_law=True), max(1, reps - 1))

    dense_cps = texts["dense"][1] / f_dense
    checks = [
        ("Issue 2", "finder/naive time ratio, sparse", f_sparse / n_sparse, "<=", 3.0),
        ("Issue 2", "finder citations/s, dense", dense_cps, ">=", 20_000.0),
        ("Issue 4", "rewrite/naive time ratio, dense", r_dense / nr_dense, "<=", 10.0),
        ("Issue 4", "rewrite/naive time ratio, sparse", r_sparse / nr_sparse, "<=", 10.0),
        ("Issue 4", "rewrite growth time(10x)/time(1x)", r_g10 / r_g1, "<=", 11.0),
        ("info", "finder growth time(10x)/time(1x)", f_g10 / f_g1, "<=", 11.0),
        ("info", "finder/naive time ratio, dense", f_dense / n_dense, "", 0.0),
        ("info", "floor/naive time ratio, sparse", floor_sparse / n_sparse, "", 0.0),
    ]
    print()
    print(f"{'issue':<8} {'measure':<36} {'value':>12}  target      result")
    results["checks"] = []
    for issue, what, value, op, target in checks:
        if op:
            ok = value <= target if op == "<=" else value >= target
            verdict = "PASS" if ok else "FAIL"
            tgt = f"{op} {target:g}"
        else:
            ok, verdict, tgt = None, "-", "-"
        print(f"{issue:<8} {what:<36} {value:12.2f}  {tgt:<10}  {verdict}")
        results["checks"].append({"issue": issue, "measure": what, "value": value, "target": tgt, "pass": ok})
    return results


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="small texts for a smoke run (< 20 s)")
    ap.add_argument("--json", metavar="FILE", help="also write the numbers to FILE as JSON")
    args = ap.parse_args(argv)
    results = run(args.quick)
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

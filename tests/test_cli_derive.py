"""The command: ``mynumber-refs derive`` and ``rewrite --rederive``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from mynumber_refs.derive import derive_lists
from mynumber_refs.reflists import render_reference_list

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "data" / "seed_kumagaya_henkou.txt"
CRITERION = ["--provider", "市町村長", "--information", "住民票関係情報"]


def run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "mynumber_refs", *args], input=stdin, capture_output=True, cwd=ROOT, timeout=120
    )


def test_derive_json() -> None:
    p = run("derive", *CRITERION, "--json")
    assert p.returncode == 0, p.stderr.decode()
    j = json.loads(p.stdout)
    assert len(j["table_rows"]) == 60 and all(isinstance(r, str) for r in j["table_rows"])
    assert j["order_refs"][0] == {"article": "3", "paragraph": "", "item": "1", "letter": "ハ"}
    assert j["text"]["revision"] == "2025-04-01" and "ledmonster/japanese-law" in j["text"]["source"]


def test_derive_plain_in_the_pia_style() -> None:
    p = run("derive", *CRITERION)
    out = p.stdout.decode()
    assert p.returncode == 0
    assert "（１、２、３、５、７、１１、" in out and "１６６の項）" in out
    assert "（３条１号ハ、４条１０号ハ・１７号ニ" in out and "６０条１項１号ロ・２号ホ・２項１号ロ" in out


def test_derive_as_of_and_via() -> None:
    p = run("derive", *CRITERION, "--as-of", "2024-05-27", "--json", "--via")
    j = json.loads(p.stdout)
    refs = j["order_refs"]
    assert {"article": "157", "paragraph": "", "item": "1", "letter": "ト"} in refs
    detail = {(d["article"], d["item"], d["letter"]): d for d in j["order_refs_detail"]}
    assert detail[("157", "1", "ト")]["confidence"] == "inferred"
    assert any(d["via"] for d in j["order_refs_detail"])
    assert {n["code"] for n in j["notes"]} >= {"text-later-than-date", "renumbered-back"}


def test_derive_errors_exit_2() -> None:
    p = run("derive", *CRITERION, "--as-of", "2024-05-26")
    assert p.returncode == 2 and "2024-05-27" in p.stderr.decode()
    p = run("derive", "--provider", "市長", "--information", "住民票関係情報")
    assert p.returncode == 2 and "市長" in p.stderr.decode()


def test_derive_compare_file_and_stdin() -> None:
    p = run("derive", *CRITERION, "--compare", str(SEED))
    out = p.stdout.decode()
    assert p.returncode == 1  # the document differs from the law
    assert "５０条５号" in out and "１５７条１号ト" in out and "list-letter-lookalike" in out
    q = run("derive", *CRITERION, "--compare", "-", "--json", stdin=SEED.read_bytes())
    j = json.loads(q.stdout)
    compared = [lc for lc in j["lists"] if lc["status"] == "compared" and lc["kind"] == "order_refs"]
    assert [(lc["document_count"], lc["law_count"], lc["matched"]) for lc in compared] == [(152, 153, 150)]
    # a document that holds the law's own list: exit 0
    derived = derive_lists("市町村長", "住民票関係情報")
    doc = f"番号利用法第１９条第８号に基づく主務省令\n（{render_reference_list(derived.order_refs)}）"
    same = run("derive", *CRITERION, "--compare", "-", stdin=doc.encode())
    assert same.returncode == 0, same.stdout.decode()
    assert "一致 / matches" in same.stdout.decode()


def test_rewrite_rederive_stdin(seed_text: str) -> None:
    start = seed_text.index("・番号利用法第１９条第８号（特定個人情報の\n提供の制限）及び別表第二")
    before = seed_text[start : seed_text.index("１２０の項）", start) + len("１２０の項）")]
    p = run("rewrite", "-", "--assume-law", "--rederive", stdin=before.encode())
    assert p.returncode == 0, p.stderr.decode()
    out = p.stdout.decode()
    assert "１６６の項）" in out and "８５の２" not in out
    assert "rederived" in p.stderr.decode()


def test_rederive_options_go_together() -> None:
    p = run("rewrite", "-", "--provider", "市町村長", stdin=b"x")
    assert p.returncode == 2
    p = run("rewrite", "-", "--rederive", "--provider", "市町村長", stdin=b"x")
    assert p.returncode == 2


def test_rewrite_rederive_files(tmp_path: Path, seed_text: str) -> None:
    start = seed_text.index("・番号利用法別表第二の主務省令で定める事")
    block = seed_text[start : seed_text.index("４号）", start) + len("４号）")]
    f = tmp_path / "pia.txt"
    f.write_text(block, encoding="utf-8")
    p = run("rewrite", str(f), "--assume-law", "--rederive", *CRITERION, "--in-place", "--no-backup", "--jobs", "2")
    assert p.returncode == 0, p.stderr.decode()
    text = "".join(f.read_text(encoding="utf-8").split())
    assert "（３条１号ハ、４条１０号ハ・１７号ニ" in text and "定める命令" not in text


def test_rewrite_rederive_as_of_a_date(seed_text: str) -> None:
    """--rederive-as-of: the lists as they held on a date; 157条's 号 shifted back are only inferred."""
    start = seed_text.index("・番号利用法別表第二の主務省令で定める事")
    block = seed_text[start : seed_text.index("４号）", start) + len("４号）")]
    args = ("rewrite", "-", "--assume-law", "--rederive", *CRITERION, "--rederive-as-of", "2024-05-27")
    p = run(*args, stdin=block.encode())
    assert p.returncode == 0 and p.stdout == block.encode()  # kept: some references are only inferred
    assert "rederive-not-established" in p.stderr.decode() and "157条1号ト" in p.stderr.decode()
    q = run(*args, "--accept-inferred", stdin=block.encode())
    out = "".join(q.stdout.decode().split())
    assert "１５７条１号ト" in out and "１５７条５号ト" not in out
    assert run("rewrite", "-", "--rederive-as-of", "2024-05-27", stdin=b"x").returncode == 2

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


def test_derive_compare_reads_word_and_excel_files(tmp_path: Path) -> None:
    # a .docx or .xlsx given to --compare was decoded as text: 「文字コードを判定できません」, exit 2
    import docx
    import openpyxl

    rows = "、".join(str(r) for r in derive_lists("市町村長", "住民票関係情報").table_rows)
    table = "番号利用法第19条第8号に基づく主務省令第2条の表"
    cells = [["②法令上の根拠", f"{table}（{rows}、170の項）"],
             ["情報提供者：都道府県知事、特定個人情報：住民票関係情報", f"{table}（1、2の項）"]]
    wb = openpyxl.Workbook()
    for row in cells:
        wb.active.append(row)
    wb.save(tmp_path / "a.xlsx")
    d = docx.Document()
    t = d.add_table(rows=2, cols=2)
    for r, row in enumerate(cells):
        for c, value in enumerate(row):
            t.cell(r, c).text = value
    d.save(str(tmp_path / "a.docx"))
    for name, where in (("a.xlsx", ("Sheet!B1", "Sheet!B2")), ("a.docx", ("本文 表1 行1 列2", "本文 表1 行2 列2"))):
        p = run("derive", *CRITERION, "--compare", str(tmp_path / name))
        out = p.stdout.decode()
        assert p.returncode == 1, p.stderr.decode()  # 170 is in the document, not in the law
        assert f"{tmp_path / name} [{where[0]}（②法令上の根拠）]:1:27: 項の一覧 / row list: 相違あり" in out
        assert "    １７０の項" in out
        # the label cell's criterion is the list's own: not compared with the one asked
        assert f"{tmp_path / name} [{where[1]}" in out and "一覧の条件（情報提供者：都道府県知事、特定個人情報：住民票関係情報）が指定と異なります" in out
        j = json.loads(run("derive", *CRITERION, "--compare", str(tmp_path / name), "--json").stdout)
        assert [(lc["location"].split("（")[0], lc["status"], lc["matched"]) for lc in j["lists"]] == [
            (where[0], "compared", 60), (where[1], "skipped", 0)]


def test_derive_compare_gives_the_same_counts_for_the_seed_in_word(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    for line in SEED.read_text(encoding="utf-8").split("\n"):
        d.add_paragraph(line)
    d.save(str(tmp_path / "seed.docx"))
    counts = []
    for path in (SEED, tmp_path / "seed.docx"):
        j = json.loads(run("derive", *CRITERION, "--compare", str(path), "--json").stdout)
        counts.append([(lc["kind"], lc["status"], lc["document_count"], lc["law_count"], lc["matched"]) for lc in j["lists"]])
    assert counts[0] == counts[1] and ("order_refs", "compared", 152, 153, 150) in counts[0]


def test_derive_compare_places_a_slip_in_a_word_or_excel_list(tmp_path: Path) -> None:
    # a slip in a cell's list was placed by its cell only (「… [Sheet!B1]: list-article-as-item: …」): now by its line
    # and column in the cell's text, as the list itself and a slip in a text file are
    import docx
    import openpyxl

    cell = "番号利用法第19条第8号に基づく主務省令\n（３条１号ハ、５５号１号ト）"
    wb = openpyxl.Workbook()
    wb.active.append(["②法令上の根拠", cell])
    wb.save(tmp_path / "a.xlsx")
    d = docx.Document()
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "②法令上の根拠"
    t.cell(0, 1).paragraphs[0].text = cell.split("\n")[0]
    t.cell(0, 1).add_paragraph(cell.split("\n")[1])
    d.save(str(tmp_path / "a.docx"))
    (tmp_path / "a.txt").write_text(cell, encoding="utf-8")
    for name, where in (("a.xlsx", " [Sheet!B1（②法令上の根拠）]"), ("a.docx", " [本文 表1 行1 列2（②法令上の根拠） 第1段落]"),
                        ("a.txt", "")):
        out = run("derive", *CRITERION, "--compare", str(tmp_path / name)).stdout.decode()
        # 「５５号」 is the 8th character of the list's line (the 2nd of the text)
        assert f"  {tmp_path / name}{where}:2:8: list-article-as-item: " in out, out
        j = json.loads(run("derive", *CRITERION, "--compare", str(tmp_path / name), "--json").stdout)
        (slip,) = [f for lc in j["lists"] for f in lc["findings"]]
        assert (slip["code"], slip["line"], slip["column"]) == ("list-article-as-item", 2, 8)

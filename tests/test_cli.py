from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "mynumber_refs", *args], input=stdin, capture_output=True, cwd=ROOT, timeout=120
    )


def test_rewrite_stdin_writes_exactly_the_new_text() -> None:
    text = "番号利用法第9条第1項\n別表第一の16の項".encode()
    p = run("rewrite", "-", stdin=text)
    assert p.returncode == 0
    assert p.stdout == "番号利用法第9条第1項\n別表の24の項".encode()  # nothing added, no final newline


def test_rewrite_stdin_keeps_cp932_and_crlf() -> None:
    text = "前文\r\n番号法別表第一の16の項\r\n".encode("cp932")
    p = run("rewrite", "-", stdin=text)
    assert p.returncode == 0
    assert p.stdout == "前文\r\n番号法別表の24の項\r\n".encode("cp932")


def test_unchanged_text_round_trips_and_exit_zero() -> None:
    text = "何もない文章".encode()
    p = run("rewrite", "-", stdin=text)
    assert p.returncode == 0 and p.stdout == text


def test_check_and_diff() -> None:
    p = run("rewrite", "-", "--check", stdin="番号法別表第一の16の項".encode())
    assert p.returncode == 1
    p = run("rewrite", "-", "--check", stdin="番号法別表の24の項".encode())
    assert p.returncode == 0
    p = run("rewrite", "-", "--diff", stdin="番号法別表第一の16の項\n".encode())
    out = p.stdout.decode()
    assert "-番号法別表第一の16の項" in out and "+番号法別表の24の項" in out


def test_findings_go_to_stderr_with_line_and_column() -> None:
    p = run("rewrite", "-", stdin="一行目\n番号法別表第一の99の項".encode())
    assert p.returncode == 0
    assert p.stdout == "一行目\n番号法別表第一の99の項".encode()
    err = p.stderr.decode()
    assert "-:2:1: row-unknown" in err and "対応表にありません" in err


def test_assume_law_and_accept_inferred_flags() -> None:
    p = run("rewrite", "-", stdin="別表第一の16の項".encode())
    assert p.stdout == "別表第一の16の項".encode()
    p = run("rewrite", "-", "--assume-law", stdin="別表第一の16の項".encode())
    assert p.stdout == "別表の24の項".encode()
    p = run("rewrite", "-", "--accept-inferred", stdin="番号法別表第一の55の2の項".encode())
    assert p.stdout == "番号法別表の79の項".encode()


def test_find_json_keys(tmp_path: Path) -> None:
    src = tmp_path / "doc.txt"
    src.write_text("番号法別表第一の36の2の項と同法別表第二の8の項。別表第二の１の項", encoding="utf-8")
    p = run("find", str(src), "--json")
    assert p.returncode == 0
    data = json.loads(p.stdout)
    assert [set(d) >= {"path", "start", "end", "text", "law", "table", "rows", "status"} for d in data] == [True] * 3
    assert [(d["table"], d["rows"], d["status"]) for d in data] == [
        ("別表第一", ["36の2"], "ok"),
        ("別表第二", ["8"], "ok"),
        ("別表第二", ["1"], "law-unknown"),
    ]
    p = run("find", str(src), "--assume-law", "--json")
    assert [d["status"] for d in json.loads(p.stdout)] == ["ok", "ok", "ok"]


def test_find_json_names_the_law_each_table_is_bound_to(tmp_path: Path) -> None:
    full = "行政手続における特定の個人を識別するための番号の利用等に関する法律"
    text = f"{full}（平成25年法律第27号。以下「番号法」という。）第9条第1項別表第一の16の項。同法別表第二の27の項"
    src = tmp_path / "doc.txt"
    src.write_text(text, encoding="utf-8")
    data = json.loads(run("find", str(src), "--json").stdout)
    got = [(d["law_basis"], text[d["law_start"] : d["law_end"]]) for d in data]
    assert got == [("full_name", full), ("same_law", "同法")]


def test_find_human_listing_has_line_and_column(tmp_path: Path) -> None:
    src = tmp_path / "doc.txt"
    src.write_text("一\n二 番号法別表第一の16の項", encoding="utf-8")
    p = run("find", str(src))
    assert f"{src}:2:3\t" in p.stdout.decode()


def test_find_reads_word_excel_and_folders_and_reports_bad_files(tmp_path: Path) -> None:
    import docx
    import openpyxl

    d = docx.Document()
    d.add_paragraph("前文")
    d.add_paragraph("番号利用法第9条第1項別表第一の16の項")
    d.save(str(tmp_path / "a.docx"))
    wb = openpyxl.Workbook()
    wb.active["A2"] = "②法令上の根拠"
    wb.active["B2"] = "番号法別表第二の27の項"
    wb.save(str(tmp_path / "b.xlsx"))
    (tmp_path / "c.txt").write_text("番号法別表第一の16の項", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02")
    p = run("find", str(tmp_path), str(tmp_path / "a.docx"), "--json")
    assert p.returncode == 2  # bad.txt cannot be read: reported, the others listed
    assert "bad.txt" in p.stderr.decode() and "Traceback" not in p.stderr.decode()
    data = json.loads(p.stdout)
    got = [(Path(d["path"]).name, d["location"], d["text"], d["table"], d["rows"]) for d in data]
    assert got == [  # each file once, even when named twice
        ("a.docx", "本文 第2段落", "番号利用法第9条第1項別表第一の16の項", "別表第一", ["16"]),
        ("b.xlsx", "Sheet!B2（②法令上の根拠）", "番号法別表第二の27の項", "別表第二", ["27"]),
        ("c.txt", None, "番号法別表第一の16の項", "別表第一", ["16"]),
    ]
    assert data[0]["start"] == len("前文\n")  # offsets index the unit: the passage of paragraphs
    p = run("find", str(tmp_path / "a.docx"))
    assert p.returncode == 0 and "a.docx [本文 第2段落]:2:1\t引用" in p.stdout.decode()
    p = run("find", "-", stdin=b"\x00\x01")
    assert p.returncode == 2 and "標準入力" in p.stderr.decode() and "Traceback" not in p.stderr.decode()
    p = run("find", str(tmp_path / "missing.txt"))
    assert p.returncode == 2 and "見つかりません" in p.stderr.decode()


def test_explain_and_mappings() -> None:
    p = run("explain", "別表第一の16の項")
    out = p.stdout.decode()
    assert p.returncode == 0 and "別表の24の項" in out and "established" in out
    p = run("mappings", "--json")
    assert p.returncode == 0 and json.loads(p.stdout)


def test_version_is_fast_to_import() -> None:
    p = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "mynumber_refs", "--version"],
        capture_output=True, cwd=ROOT, timeout=60,
    )
    assert p.returncode == 0 and p.stdout.decode().startswith("mynumber-refs ")
    imported = p.stderr.decode()
    for heavy in ("lark", "docx", "openpyxl"):
        assert f"| {heavy}\n" not in imported and f"| {heavy}." not in imported

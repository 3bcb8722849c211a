"""What a person reads and hands on after a batch run: counts of what was saved, where the output
files are, evidence only on request, the tool's backups left out, plain English, one name for the
act per document, review mode through the command, and dates in either form."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from test_batch import run
from test_formats_docx import build_docx
from test_formats_xlsx import build_xlsx

OLD = "番号利用法第9条第1項別表第一の16の項"
NEW = "番号利用法第9条第1項別表の24の項"
ROOT = Path(__file__).resolve().parent.parent


def cli(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "mynumber_refs", *args], input=stdin, capture_output=True,
                          cwd=ROOT, timeout=120)


def test_only_saved_edits_are_counted_and_listed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mynumber_refs.formats import xlsx as xlsx_module
    from mynumber_refs.formats.safety import FormatError

    root = tmp_path / "drafts"
    root.mkdir()
    build_xlsx(root / "読み取り専用.xlsx")
    (root / "a.txt").write_text(OLD, encoding="utf-8")

    def refuse(self: object, dest: Path) -> None:
        raise FormatError(dest, "書き込めません（テスト）", "cannot write (test)")

    monkeypatch.setattr(xlsx_module.XlsxDocument, "save", refuse)
    changes, report = tmp_path / "変更箇所.csv", tmp_path / "r.json"
    rc, out, _ = run([str(root), "--in-place", "--changes", str(changes), "--report", str(report)])
    assert rc == 2
    rows = list(csv.reader(io.StringIO(changes.read_text(encoding="utf-8-sig"))))
    assert [r[1] for r in rows[1:]] == ["1行目"]  # only a.txt (one file left: no file name)
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["summary"]["changes"] == 1 and data["summary"]["edits"] == len(data["files"][0]["edits"])
    summary = next(ln for ln in out.splitlines() if ln.startswith("合計"))
    assert "失敗 1" in summary and "変更 1 箇所" in summary and "1 change," in summary


def test_own_backups_are_skipped_silently(tmp_path: Path) -> None:
    root = tmp_path / "d"
    root.mkdir()
    (root / "a.txt").write_text(OLD, encoding="utf-8")
    (root / "a.txt.bak").write_text(OLD, encoding="utf-8")
    (root / "b.docx.bak.1").write_bytes(b"old")
    (root / "c.docx.orig").write_bytes(b"old")
    (root / "図.png").write_bytes(b"\x89PNG")
    rc, out, _ = run([str(root)])
    assert rc == 0
    assert ".bak" not in out
    assert "図.png" in out  # a file of another format is still listed
    rc, out, _ = run([str(root), "--backup-suffix", ".orig"])
    assert ".orig" not in out and ".bak" not in out


def test_evidence_only_when_verbose(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text(OLD, encoding="utf-8")
    rc, out, _ = run([str(p)])
    assert rc == 0 and "根拠 evidence" not in out and f"「{OLD}」→「{NEW}」" in out
    rc, out, _ = run([str(p), "--verbose"])
    evidence = [ln for ln in out.splitlines() if "根拠 evidence" in ln]
    assert evidence and not any(ln.endswith("…") for ln in evidence)  # whole, not cut
    assert any("beppyo1_to_beppyo.csv" in ln for ln in evidence)


def test_outputs_say_where_they_were_written(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text(OLD, encoding="utf-8")
    changes, report = tmp_path / "変更箇所.xlsx", tmp_path / "結果.json"
    rc, out, _ = run([str(p), "--changes", str(changes), "--report", str(report)])
    assert rc == 0
    lines = out.splitlines()
    assert any(str(changes) in ln and "変更箇所表" in ln and "1 row" in ln for ln in lines)
    assert any(str(report) in ln and "report written" in ln for ln in lines)
    # with --json, standard output is the JSON alone; the lines go to standard error
    rc, out, err = run([str(p), "--changes", str(changes), "--json"])
    json.loads(out)
    assert str(changes) in err


def test_english_counts(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text(OLD + "\n別表第一の16の項", encoding="utf-8")
    rc, out, _ = run([str(p)])
    assert "(s)" not in out
    assert "1 change, 1 finding" in out  # the second citation names no law: a finding
    assert "total: 1 file (1 changed" in out and "1 change, 1 finding\n" in out
    rc, out, _ = run([str(p), str(p.with_name("b.txt"))])
    assert "total: 2 files" in out


def test_not_an_excel_file(tmp_path: Path) -> None:
    p = tmp_path / "壊れた.xlsx"
    p.write_bytes(b"not a zip")
    rc, out, _ = run([str(p)])
    assert rc == 2 and "not an Excel file" in out and "not a Excel" not in out


def test_track_changes_through_the_command(tmp_path: Path) -> None:
    root = tmp_path / "d"
    root.mkdir()
    build_docx(root / "評価書.docx")
    build_xlsx(root / "評価書.xlsx")
    (root / "a.txt").write_text(OLD, encoding="utf-8")
    before = {p.name: p.read_bytes() for p in root.iterdir()}
    rc, out, _ = run([str(root), "--assume-law", "--track-changes"])  # a dry run writes nothing
    assert {p.name: p.read_bytes() for p in root.iterdir()} == before
    rc, out, _ = run([str(root), "--assume-law", "--track-changes", "--in-place", "--no-backup"])
    assert rc == 0
    with zipfile.ZipFile(root / "評価書.docx") as zf:
        body = zf.read("word/document.xml").decode()
    assert 'w:author="mynumber-refs"' in body and "<w:delText" in body
    wb = openpyxl.load_workbook(str(root / "評価書.xlsx"))
    assert wb["別紙"]["B2"].value == NEW and wb["別紙"]["B2"].comment.text.endswith("\n" + OLD)
    assert (root / "a.txt").read_text(encoding="utf-8") == NEW  # a text file has no review mode


def _cell_after(tmp_path: Path, values: dict[str, str], cell: str) -> str:
    p = tmp_path / "book.xlsx"
    wb = openpyxl.Workbook()
    for ref, value in values.items():
        wb.active[ref] = value
    wb.save(str(p))
    run([str(p), "--assume-law", "--in-place", "--no-backup"])
    return str(openpyxl.load_workbook(str(p)).active[cell].value)


def test_one_law_name_per_workbook(tmp_path: Path) -> None:
    # the cell names no law: the workbook's own name (番号法, used most) goes in, not a default
    values = {"A1": "番号法に基づく事務", "A2": "番号法第9条第1項", "A3": "番号利用法の規定", "B5": "別表第二の27の項"}
    assert _cell_after(tmp_path, values, "B5") == "番号法第19条第8号に基づく主務省令第2条の表の48の項"
    values = {"A1": "番号利用法に基づく事務", "A2": "番号利用法第9条", "A3": "番号法の規定", "B5": "別表第二の27の項"}
    assert _cell_after(tmp_path, values, "B5") == "番号利用法第19条第8号に基づく主務省令第2条の表の48の項"
    # a citation that names its law keeps it
    values = {"A1": "番号法", "A2": "番号法", "B5": "番号利用法別表第二の27の項"}
    assert _cell_after(tmp_path, values, "B5") == "番号利用法第19条第8号に基づく主務省令第2条の表の48の項"


def test_one_law_name_per_word_document_and_text(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("番号法に基づき、番号法第9条の事務を行う。")
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "②法令上の根拠"
    t.cell(0, 1).text = "番号利用法の規定による。別表第二の27の項"  # the nearest name is 番号利用法
    p = tmp_path / "a.docx"
    d.save(str(p))
    run([str(p), "--assume-law", "--in-place", "--no-backup"])
    assert docx.Document(str(p)).tables[0].cell(0, 1).text == \
        "番号利用法の規定による。番号法第19条第8号に基づく主務省令第2条の表の48の項"
    text = "番号法に基づく。番号法第9条。\n\n番号利用法の規定による。別表第二の27の項"
    q = tmp_path / "a.txt"
    q.write_text(text, encoding="utf-8")
    run([str(q), "--assume-law", "--in-place", "--no-backup"])
    expected = text.replace("別表第二の27の項", "番号法第19条第8号に基づく主務省令第2条の表の48の項")
    assert q.read_text(encoding="utf-8") == expected
    r = cli("rewrite", "-", "--assume-law", stdin=text.encode())
    assert r.returncode == 0 and r.stdout.decode() == expected


def test_as_of_and_date_take_the_same_forms() -> None:
    text = "番号法別表第一の16の項".encode()
    for form in ("2024-05-26", "2024/5/26", "令和6年5月26日", "令和６年５月２６日"):
        r = cli("rewrite", "-", "--as-of", form, stdin=text)
        assert r.returncode == 0 and r.stdout.decode() == "番号法別表の24の項", form
    for option in ("--as-of", "--date"):
        r = cli("rewrite", "x.txt", option, "2024-02-30")
        err = r.stderr.decode()
        assert r.returncode == 2 and "存在しない日付" in err and "no such date" in err, option
        assert err.index("存在しない日付") < err.index("no such date")
        r = cli("rewrite", "x.txt", option, "いつか")
        assert r.returncode == 2 and "日付を読めません" in r.stderr.decode() and "cannot read" in r.stderr.decode()

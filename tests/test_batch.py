"""Batch processing of a folder holding every kind of draft, good and bad."""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from fake_engine import fake_rewrite
from test_formats_docx import build_docx
from test_formats_xlsx import build_xlsx

from mynumber_refs import batch

OLD = "番号利用法第9条第1項別表第一の16の項"
NEW = "番号利用法第9条第1項別表の24の項"


def parse(argv: list[str]) -> argparse.Namespace:
    """The options as the CLI defines them: the shared ones plus :func:`batch.add_file_arguments`."""
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--assume-law", action="store_true")
    ap.add_argument("--as-of", default=None)
    ap.add_argument("--accept-inferred", action="store_true")
    ap.add_argument("--fix-typos", action="store_true")
    ap.add_argument("--mapping", action="append", default=[])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--diff", action="store_true")
    batch.add_file_arguments(ap)
    return ap.parse_args(argv)


def run(argv: list[str], **kw) -> tuple[int, str, str]:
    args = parse(argv)
    out, err = io.StringIO(), io.StringIO()
    rc = batch.run_files(args.paths, args, stdout=out, stderr=err, **kw)
    return rc, out.getvalue(), err.getvalue()


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file() and not p.is_symlink()}


@pytest.fixture()
def drafts(tmp_path: Path) -> Path:
    """A folder with all kinds of drafts, including broken ones."""
    root = tmp_path / "drafts"
    (root / "word").mkdir(parents=True)
    (root / "excel" / "old").mkdir(parents=True)
    build_docx(root / "word" / "評価書.docx")
    build_xlsx(root / "excel" / "評価書.xlsx")
    (root / "sjis.txt").write_bytes(f"特定個人情報保護評価書\r\n根拠: {OLD}\r\n".encode("cp932"))
    (root / "excel" / "old" / "euc.csv").write_bytes(f"項目,内容\n根拠,{OLD}\n".encode("euc_jp"))
    (root / "notes.md").write_bytes(b"\xef\xbb\xbf" + f"# メモ\n{OLD}\n".encode())
    (root / "unchanged.txt").write_text("関係のない文章\n", encoding="utf-8")
    (root / "word" / "壊れた.docx").write_bytes(b"not a zip at all")
    (root / "excel" / "暗号化.xlsx").write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 512)
    (root / "picture.png").write_bytes(b"\x89PNG\r\n")
    (root / "word" / "bomb.docx").write_bytes(_bomb())
    return root


_BOMB: list[bytes] = []


def _bomb() -> bytes:
    """A small .docx-looking archive that inflates to 64 MiB of zeros (ratio ~1000)."""
    if not _BOMB:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("[Content_Types].xml", "<Types/>")
            zf.writestr("word/document.xml", b"\0" * (64 * 1024 * 1024))
        _BOMB.append(buf.getvalue())
    return _BOMB[0]


GOOD = ["excel/old/euc.csv", "excel/評価書.xlsx", "notes.md", "sjis.txt", "word/評価書.docx"]


def test_dry_run_writes_nothing_and_reports_everything(drafts: Path) -> None:
    before = snapshot(drafts)
    rc, out, _ = run([str(drafts), "--assume-law"])
    assert rc == 2  # the broken files failed; the others were processed
    assert snapshot(drafts) == before
    lines = out.splitlines()
    # every file, in a stable order, with its outcome
    order = [line.split()[1] for line in lines if line[:1] in "●✓✗－"]
    assert [os.path.relpath(p.split(":")[0], drafts) for p in order] == [
        "notes.md", "picture.png", "sjis.txt", "unchanged.txt", "excel/暗号化.xlsx", "excel/評価書.xlsx",
        "excel/old/euc.csv", "word/bomb.docx", "word/壊れた.docx", "word/評価書.docx"]
    assert any("bomb.docx" in ln and "zip 爆弾" in ln for ln in lines)
    assert any("暗号化.xlsx" in ln and "パスワードで保護" in ln for ln in lines)
    assert any("壊れた.docx" in ln and "ZIP 形式ではありません" in ln for ln in lines)
    assert any("picture.png" in ln and "対応していない形式" in ln for ln in lines)
    assert f"「{OLD}」→「{NEW}」" in out
    assert "評価書!B1" in out and "本文 表1 行1 列2（②事務の内容）" in out
    assert "失敗 3" in out and "スキップ 1" in out and "ドライラン" in out


def test_in_place_with_backups(drafts: Path) -> None:
    originals = snapshot(drafts)
    rc, out, _ = run([str(drafts), "--in-place", "--assume-law"])
    assert rc == 2
    after = snapshot(drafts)
    for rel in GOOD:
        assert after[rel + ".bak"] == originals[rel], rel
        assert after[rel] != originals[rel], rel
    # failed, unchanged and skipped files untouched, no backup for them, no temporary file left
    for rel in ["word/壊れた.docx", "word/bomb.docx", "excel/暗号化.xlsx", "unchanged.txt", "picture.png"]:
        assert after[rel] == originals[rel] and rel + ".bak" not in after
    assert not [k for k in after if "mnr-tmp" in k]
    assert after["sjis.txt"] == f"特定個人情報保護評価書\r\n根拠: {NEW}\r\n".encode("cp932")
    assert after["excel/old/euc.csv"] == f"項目,内容\n根拠,{NEW}\n".encode("euc_jp")
    assert after["notes.md"] == b"\xef\xbb\xbf" + f"# メモ\n{NEW}\n".encode()
    d = docx.Document(str(drafts / "word" / "評価書.docx"))
    assert d.paragraphs[0].text == NEW + "に基づく" and d.paragraphs[0].runs[0].bold
    assert d.sections[0].header.paragraphs[0].text == "ヘッダー: 番号利用法別表の24の項"
    wb = openpyxl.load_workbook(str(drafts / "excel" / "評価書.xlsx"))
    assert wb["別紙"]["B2"].value == NEW and wb["評価書"]["C3"].value == "=SUM(C1:C2)"
    # a second run keeps the first backup and finds nothing more to change in what it rewrote
    rc2, out2, _ = run([str(drafts / "sjis.txt"), "--in-place", "--assume-law"])
    assert rc2 == 0 and "変更 0 箇所" in out2


def test_backup_name_never_overwrites(drafts: Path) -> None:
    target = drafts / "sjis.txt"
    (drafts / "sjis.txt.bak").write_bytes(b"an older backup")
    original = target.read_bytes()
    rc, _, _ = run([str(target), "--in-place"])
    assert rc == 0
    assert (drafts / "sjis.txt.bak").read_bytes() == b"an older backup"
    assert (drafts / "sjis.txt.bak.1").read_bytes() == original


def test_no_backup_and_custom_suffix(drafts: Path) -> None:
    rc, _, _ = run([str(drafts / "sjis.txt"), "--in-place", "--no-backup"])
    assert rc == 0 and not list(drafts.glob("sjis.txt.*"))
    rc, _, _ = run([str(drafts / "notes.md"), "--in-place", "--backup-suffix", ".orig"])
    assert rc == 0 and (drafts / "notes.md.orig").exists()


def test_output_dir_mirrors_the_tree(drafts: Path, tmp_path: Path) -> None:
    originals = snapshot(drafts)
    out_dir = tmp_path / "rewritten"
    rc, out, _ = run([str(drafts), "--output-dir", str(out_dir), "--assume-law"])
    assert rc == 2
    assert snapshot(drafts) == originals
    written = snapshot(out_dir)
    assert sorted(written) == sorted([*GOOD, "unchanged.txt"])
    assert written["unchanged.txt"] == originals["unchanged.txt"]
    assert written["sjis.txt"] == f"特定個人情報保護評価書\r\n根拠: {NEW}\r\n".encode("cp932")
    # an output folder inside the input folder is not read back as input
    inner = drafts / "out"
    rc, _, _ = run([str(drafts), "--output-dir", str(inner)])
    rc, out, _ = run([str(drafts), "--output-dir", str(inner)])
    assert "out/" not in out.replace(str(inner), "")
    # the input folder itself is refused
    rc, _, err = run([str(drafts), "--output-dir", str(drafts)])
    assert rc == 2 and "--output-dir" in err


def test_jobs_gives_the_same_output(drafts: Path) -> None:
    rc1, out1, _ = run([str(drafts), "--assume-law", "--jobs", "1"])
    rc3, out3, _ = run([str(drafts), "--assume-law", "--jobs", "3"])
    assert rc1 == rc3 == 2
    assert out1 == out3


def test_jobs_in_place(drafts: Path, tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    rc, _, _ = run([str(drafts), "--output-dir", str(a), "--jobs", "1"])
    rc, _, _ = run([str(drafts), "--output-dir", str(b), "--jobs", "4"])
    sa, sb = snapshot(a), snapshot(b)
    assert sa.keys() == sb.keys()
    for k in sa:
        if k.endswith((".txt", ".md", ".csv")):
            assert sa[k] == sb[k]


def test_a_word_file_leaves_nothing_for_the_next_one(tmp_path: Path) -> None:
    """A Word file's package (python-docx's parts and relationships refer to each other) is freed
    when the file is done, not at the collector's next full pass: each file of a batch reuses the
    memory of the one before instead of taking (and faulting in) new pages."""
    import gc

    from docx.package import Package

    build_docx(tmp_path / "a.docx")
    opts = batch._Options("output-dir", {"assume_law": True}, (), None, str(tmp_path / "out"), False)
    task = batch.Task(str(tmp_path / "a.docx"), str(tmp_path / "a.docx"), "a.docx")
    gc.collect()
    thresholds = gc.get_threshold()
    # the collector's automatic passes as often as can be (a pass moves what is alive into an older
    # generation), but no full pass, which would free the package for us
    gc.set_threshold(1, 1, 1_000_000)
    try:
        outcome = batch.process_file(task, opts)
        left = [o for o in gc.get_objects() if isinstance(o, Package)]
    finally:
        gc.set_threshold(*thresholds)
    assert outcome.status == "changed" and "24" in [e.after for e in outcome.edits]
    assert left == []


def test_check(drafts: Path) -> None:
    before = snapshot(drafts)
    rc, out, _ = run([str(drafts / "sjis.txt"), "--check", "--in-place"])
    assert rc == 1 and "--check" in out
    assert snapshot(drafts) == before  # --check never writes
    rc, out, _ = run([str(drafts / "unchanged.txt"), "--check"])
    assert rc == 0


def test_glob_filter(drafts: Path) -> None:
    rc, out, _ = run([str(drafts), "--glob", "*.txt"])
    assert rc == 0
    assert "sjis.txt" in out and "unchanged.txt" in out
    assert "評価書.docx" not in out and "picture.png" not in out and "euc.csv" not in out
    rc, out, _ = run([str(drafts), "--glob", "excel/*", "--glob", "*.md"])
    assert "euc.csv" in out and "notes.md" in out and "sjis.txt" not in out


def test_symlinks_out_of_the_folder_are_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(OLD, encoding="utf-8")
    root = tmp_path / "root"
    root.mkdir()
    (root / "inside.txt").write_text(OLD, encoding="utf-8")
    os.symlink(outside / "secret.txt", root / "link.txt")
    os.symlink(outside, root / "linkdir")
    os.symlink(root / "inside.txt", root / "alias.txt")  # inside: same file, processed once
    rc, out, _ = run([str(root), "--in-place"])
    assert rc == 0
    assert (outside / "secret.txt").read_text(encoding="utf-8") == OLD
    assert (root / "inside.txt").read_text(encoding="utf-8") == NEW
    assert (root / "link.txt").is_symlink() and (root / "alias.txt").is_symlink()
    assert "シンボリックリンク" in out
    assert len([ln for ln in out.splitlines() if ln.startswith("●")]) == 1  # the file and its alias: once
    assert "3 files (1 changed, 0 unchanged, 0 failed, 2 skipped)" in out


def test_rewrite_error_leaves_file_and_continues(tmp_path: Path) -> None:
    root = tmp_path / "d"
    root.mkdir()
    (root / "a.txt").write_text("BOOM " + "別表第一の16の項", encoding="utf-8")
    (root / "b.txt").write_text("別表第一の16の項", encoding="utf-8")
    rc, out, _ = run([str(root), "--in-place"], rewrite_fn=fake_rewrite)
    assert rc == 2
    assert (root / "a.txt").read_text(encoding="utf-8") == "BOOM 別表第一の16の項"
    assert not (root / "a.txt.bak").exists()
    assert (root / "b.txt").read_text(encoding="utf-8") == "別表の24の項"
    assert "書き換え中にエラー" in out and "engine exploded" in out


def test_injected_engine_in_worker_processes(tmp_path: Path) -> None:
    root = tmp_path / "d"
    root.mkdir()
    for i in range(4):
        (root / f"{i}.txt").write_text("別表第一の59の項", encoding="utf-8")
    rc, out, _ = run([str(root), "--in-place", "--no-backup", "--jobs", "2"], rewrite_fn=fake_rewrite)
    assert rc == 0
    assert all(p.read_text(encoding="utf-8") == "別表の85の項" for p in root.iterdir())


def test_report_and_changes(drafts: Path, tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    changes = tmp_path / "変更箇所.csv"
    rc, _, _ = run([str(drafts), "--assume-law", "--report", str(report), "--changes", str(changes),
                    "--date", "2024-05-27"])
    assert rc == 2
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["summary"]["failed"] == 3 and data["summary"]["skipped"] == 1
    files = {f["name"]: f for f in data["files"]}
    x = files["excel/評価書.xlsx"]
    cell = next(e for e in x["edits"] if e["location"] == "別紙!B2")
    assert cell["location_detail"] == {"sheet": "別紙", "cell": "B2"}
    assert cell["citation_before"] == OLD and cell["citation_after"] == NEW
    assert cell["evidence"] and all(isinstance(s, str) for s in cell["evidence"])
    w = files["word/評価書.docx"]
    tbl = next(e for e in w["edits"] if e["location"].startswith("本文 表1 行1 列2"))
    assert tbl["location_detail"]["table"] == [1, 1, 2] and tbl["location_detail"]["row_label"] == "②事務の内容"
    assert {f["reason"] for f in w["findings"]} >= {"protected"}
    assert files["word/壊れた.docx"]["status"] == "failed" and "ZIP" in files["word/壊れた.docx"]["error"]
    raw = changes.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == ["変更日", "項目", "変更前の記載", "変更後の記載", "提出時期", "提出時期に係る説明"]
    # several files: 項目 starts with the file's name; a text file's item is its block of lines
    assert ["令和6年5月27日", "sjis.txt\n1～2行目", f"特定個人情報保護評価書\n根拠: {OLD}",
            f"特定個人情報保護評価書\n根拠: {NEW}", "事後", "根拠法にあわせて修正記載する形式的変更のため"] in rows
    # one row per changed item (paragraph, cell …) of the files that were processed, not per citation
    items = {(f["path"], e["item"]) for f in data["files"] if f["status"] != "failed" for e in f["edits"]}
    assert len(rows) - 1 == len(items) < data["summary"]["changes"] < data["summary"]["edits"]
    # 評価書.xlsx B1 holds two citations: one row, the whole cell before and after
    # (two cells under the label: each row says where it is)
    b1 = [r for r in rows if r[1] == "excel/評価書.xlsx\n②事務の内容\n（評価書!B1）" and "59" in r[2]]
    assert len(b1) == 1 and b1[0][2].count("別表第一") == 2 and b1[0][3].count("別表の") == 2


def test_changes_xlsx_in_dry_run(drafts: Path, tmp_path: Path) -> None:
    dest = tmp_path / "changes.xlsx"
    before = snapshot(drafts)
    rc, _, _ = run([str(drafts / "sjis.txt"), "--changes", str(dest), "--date", "令和6年5月27日"])
    assert rc == 0 and snapshot(drafts) == before
    ws = openpyxl.load_workbook(str(dest)).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[1] == ("令和6年5月27日", "1～2行目", f"特定個人情報保護評価書\n根拠: {OLD}",
                       f"特定個人情報保護評価書\n根拠: {NEW}", "事後", "根拠法にあわせて修正記載する形式的変更のため")


@pytest.mark.parametrize("ext", [".xlsx", ".docx", ".csv"])
def test_a_second_run_keeps_the_table_of_the_first(tmp_path: Path, ext: str) -> None:
    """The table is the record of what a run changed: a second run over the rewritten files (it changes
    nothing) leaves the first run's table as it is, and says so; with nothing written before, it writes an
    empty table."""
    doc = tmp_path / "評価書.txt"
    doc.write_text(f"根拠: {OLD}\n", encoding="utf-8")
    table = tmp_path / f"変更箇所{ext}"
    rc, out, _ = run([str(doc), "--in-place", "--no-backup", "--changes", str(table)])
    assert rc == 0 and doc.read_text(encoding="utf-8") == f"根拠: {NEW}\n" and "変更箇所表（1 行）" in out
    first = table.read_bytes()
    rc, out, _ = run([str(doc), "--in-place", "--no-backup", "--changes", str(table)])
    assert rc == 0 and table.read_bytes() == first
    assert f"変更がないため、変更箇所表は書き込んでいません（{table} はそのままです）" in out
    assert "nothing changed: the 変更箇所 table was not written" in out
    empty = tmp_path / f"空{ext}"
    rc, out, _ = run([str(doc), "--changes", str(empty)])
    assert rc == 0 and empty.exists() and "変更箇所表（0 行）" in out


def _table_rows(path: Path) -> list[tuple[str, ...]]:
    """The texts of the 変更箇所 table in ``path`` (every row of its first sheet or table, or of the CSV)."""
    if path.suffix == ".xlsx":
        return [tuple("" if v is None else str(v) for v in r) for r in openpyxl.load_workbook(str(path)).active.iter_rows(
            values_only=True)]
    if path.suffix == ".docx":
        return [tuple(c.text for c in r.cells) for r in docx.Document(str(path)).tables[0].rows]
    with open(path, encoding="utf-8-sig", newline="") as f:
        return [tuple(r) for r in csv.reader(f)]


SEED_HEAD = ("変更日", "項目", "変更前の記載", "変更後の記載", "提出時期", "提出時期に係る説明")
SEED_ROW = ("令和5年2月6日", "Ⅰ 基本情報\nシステム7\n①システムの名称", "（新規）", "サービス検索・電子申請機能", "事前",
            "サービス検索及び電子申請機能の利用による見直し")
WHY = ("事後", "根拠法にあわせて修正記載する形式的変更のため")


@pytest.mark.parametrize("ext", [".xlsx", ".docx", ".csv"])
def test_a_run_after_editing_adds_its_rows_to_the_table(tmp_path: Path, ext: str) -> None:
    """A user who runs the tool again after editing the document (an old citation written into the paragraph between
    two the first run changed) keeps the first run's rows and gets the new one among them, in the document's order
    (the table was replaced with the second run's row alone); a run over the original again (the same rows) adds
    nothing and leaves the file as it is, and so does a run that changes nothing."""
    doc = tmp_path / "評価書.docx"
    d = docx.Document()
    d.add_heading("Ⅰ 基本情報", 1)
    d.add_paragraph("根拠: 番号法別表第一の16の項")
    d.add_paragraph("その他")
    d.add_paragraph("連携: 番号法別表第二の27の項")
    d.save(str(doc))
    original = doc.read_bytes()
    table = tmp_path / f"変更箇所{ext}"
    argv = [str(doc), "--in-place", "--no-backup", "--changes", str(table), "--date", "令和6年5月27日"]
    rc, out, _ = run(argv)
    assert rc == 0 and "変更箇所表（2 行）を書き込みました" in out
    d = docx.Document(str(doc))
    d.paragraphs[2].text = "追加: 番号法別表第一の59の項"
    d.save(str(doc))
    rc, out, _ = run(argv)
    assert rc == 0 and "変更箇所表に 1 行を加えました（前からの 2 行はそのままです） / 1 row added to the 変更箇所 table" in out
    day = "令和6年5月27日"
    assert _table_rows(table) == [
        SEED_HEAD,
        (day, "Ⅰ 基本情報\n（本文 第2段落）", "根拠: 番号法別表第一の16の項", "根拠: 番号法別表の24の項", *WHY),
        (day, "Ⅰ 基本情報\n（本文 第3段落）", "追加: 番号法別表第一の59の項", "追加: 番号法別表の85の項", *WHY),
        (day, "Ⅰ 基本情報\n（本文 第4段落）", "連携: 番号法別表第二の27の項",
         "連携: 番号法第19条第8号に基づく主務省令第2条の表の48の項", *WHY)]
    written = table.read_bytes()
    rc, out, _ = run(argv)
    assert rc == 0 and "変更がないため" in out and table.read_bytes() == written
    doc.write_bytes(original)  # the first run again, from the original: its rows are there already
    rc, out, _ = run(argv)
    assert rc == 0 and "変更箇所表には同じ行が既にあるため、書き込んでいません" in out and table.read_bytes() == written


@pytest.mark.parametrize("ext", [".xlsx", ".docx", ".csv"])
def test_changes_into_a_table_made_by_hand_keeps_it(tmp_path: Path, ext: str) -> None:
    """A 変更箇所 table made by hand in the seed's layout (a title above, an earlier row of 令和5年2月6日, 「以上」 below
    the table, a second sheet in Excel) was replaced by a new file holding this run's rows alone: the user's record was
    lost.  Its rows, title and the rest of the file stay; this run's rows follow the earlier ones, above the note (in
    Excel, as tall as the sheet's own narrower columns need, inside its print area)."""
    doc = tmp_path / "評価書.txt"
    doc.write_text(f"根拠: {OLD}\n", encoding="utf-8")
    table = tmp_path / f"別添２{ext}"
    if ext == ".xlsx":
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "別添２"
        ws.append(["（別添２）変更箇所"])
        ws.append(list(SEED_HEAD))
        ws.append(list(SEED_ROW))
        ws.append(["以上"])
        for letter in "CD":
            ws.column_dimensions[letter].width = 20
        ws.print_area = "A1:F4"
        wb.create_sheet("メモ")["A1"] = "控え"
        wb.save(str(table))
    elif ext == ".docx":
        d = docx.Document()
        d.add_paragraph("（別添２）変更箇所")
        t = d.add_table(rows=3, cols=6)
        for row, values in zip(t.rows, (SEED_HEAD, SEED_ROW, ("以上", "", "", "", "", "")), strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
        d.add_paragraph("以上")
        d.save(str(table))
    else:
        table.write_bytes(("（別添２）変更箇所\r\n" + ",".join(SEED_HEAD) + "\r\n"
                           + ",".join(f'"{v}"' for v in SEED_ROW) + "\r\n以上\r\n").encode("cp932"))
    before = table.read_bytes()
    rc, out, _ = run([str(doc), "--in-place", "--no-backup", "--changes", str(table), "--date", "令和6年5月27日"])
    assert rc == 0 and "変更箇所表に 1 行を加えました（前からの 1 行はそのままです）" in out
    new = ("令和6年5月27日", "1行目", f"根拠: {OLD}", f"根拠: {NEW}", *WHY)
    if ext == ".xlsx":
        wb = openpyxl.load_workbook(str(table))
        assert [tuple(r) for r in wb["別添２"].iter_rows(values_only=True)] == [
            ("（別添２）変更箇所", None, None, None, None, None), SEED_HEAD, SEED_ROW, new,
            ("以上", None, None, None, None, None)]
        assert wb["メモ"]["A1"].value == "控え"
        assert wb["別添２"].print_area == "'別添２'!$A$1:$F$5"  # the row added is printed too
        assert wb["別添２"].row_dimensions[4].height >= 3 * 15  # 「根拠: 番号利用法…」 wraps three times in 19 columns
    elif ext == ".docx":
        d = docx.Document(str(table))
        assert [p.text for p in d.paragraphs] == ["（別添２）変更箇所", "以上"]
        assert [tuple(c.text for c in r.cells) for r in d.tables[0].rows] == [
            SEED_HEAD, SEED_ROW, new, ("以上", "", "", "", "", "")]
    else:
        data = table.read_bytes()
        assert data.startswith(before[:-len("以上\r\n".encode("cp932"))]) and data.endswith("以上\r\n".encode("cp932"))  # (Shift_JIS)
        rows = list(csv.reader(io.StringIO(data.decode("cp932"), newline="")))
        assert [tuple(r) for r in rows] == [("（別添２）変更箇所",), SEED_HEAD, SEED_ROW, new, ("以上",)]


def test_a_row_goes_after_the_last_row_of_its_day_not_after_a_later_day(tmp_path: Path) -> None:
    """The rows of one day read in the document's order: a row after every earlier row of its day in the document
    goes right after the last of them, not after a row of a later day that follows them in the table."""
    doc = tmp_path / "評価書.txt"
    doc.write_text("根拠: 番号法別表の24の項\n\n追加: 番号法別表第一の59の項\n", encoding="utf-8")
    table = tmp_path / "変更箇所.csv"
    day, later = ("令和6年5月27日", "1行目", "根拠: 番号法別表第一の16の項", "根拠: 番号法別表の24の項", *WHY), (
        "令和7年4月1日", "Ⅱ ファイルの概要", "（新規）", "ガバメントクラウド", "事前", "システムの移行")
    table.write_text("\r\n".join(",".join(r) for r in (SEED_HEAD, day, later)) + "\r\n", encoding="utf-8-sig")
    rc, out, _ = run([str(doc), "--in-place", "--no-backup", "--changes", str(table), "--date", "令和6年5月27日"])
    assert rc == 0 and "変更箇所表に 1 行を加えました" in out
    assert _table_rows(table) == [SEED_HEAD, day, ("令和6年5月27日", "3行目", "追加: 番号法別表第一の59の項",
                                                   "追加: 番号法別表の85の項", *WHY), later]


@pytest.mark.parametrize("check", [False, True])
def test_a_dry_run_adds_no_rows_to_an_existing_table(tmp_path: Path, check: bool) -> None:
    """An existing 変更箇所 table is the record of the changes made: a dry run (or --check) made none, so it adds no
    row there (it replaced the table with the rows of changes never written) and says so; a table it writes anew is a
    preview, as before."""
    doc = tmp_path / "評価書.txt"
    doc.write_text(f"根拠: {OLD}\n", encoding="utf-8")
    table = tmp_path / "変更箇所.csv"
    table.write_text(",".join(SEED_HEAD) + "\r\n" + ",".join(SEED_ROW).replace("\n", " ") + "\r\n", encoding="utf-8-sig")
    before = table.read_bytes()
    rc, out, _ = run([str(doc), "--changes", str(table), *(["--check"] if check else [])])
    assert rc == (1 if check else 0) and table.read_bytes() == before
    assert f"ドライランのため、既にある変更箇所表には行を加えていません（{table} はそのままです）" in out
    assert "dry run: no rows were added to the existing 変更箇所 table" in out


@pytest.mark.parametrize("ext", [".xlsx", ".docx", ".csv"])
def test_changes_into_a_file_without_the_table_is_refused(tmp_path: Path, ext: str) -> None:
    """A --changes file that exists but holds no 変更箇所 table (a wrong name given) is not overwritten: a clear
    error, Japanese first, before any work (the document is not rewritten either), and the file as it was."""
    doc = tmp_path / "評価書.txt"
    doc.write_text(f"根拠: {OLD}\n", encoding="utf-8")
    other = tmp_path / f"予算{ext}"
    if ext == ".xlsx":
        wb = openpyxl.Workbook()
        wb.active["A1"] = "予算"
        wb.save(str(other))
    elif ext == ".docx":
        d = docx.Document()
        d.add_paragraph("予算")
        d.save(str(other))
    else:
        other.write_text("予算,金額\n", encoding="utf-8")
    before = other.read_bytes()
    rc, _, err = run([str(doc), "--in-place", "--no-backup", "--changes", str(other)])
    assert rc == 2 and other.read_bytes() == before and doc.read_text(encoding="utf-8") == f"根拠: {OLD}\n"
    assert f"変更箇所表 {other} に書き込めません。見出しの行（変更日・項目・変更前の記載・変更後の記載・提出時期・提出時期に係る説明）" in err
    assert f"/ error: cannot write the 変更箇所 table {other}: no " in err and "has a heading row naming the six" in err
    assert "(the file is left as it was)" in err


def test_changes_given_more_than_once_writes_each_table(drafts: Path, tmp_path: Path) -> None:
    """「--changes a.xlsx --changes a.csv」: a user asking for the table in two forms gets both (only the last was
    written, silently); a name given twice is written once; a bad extension among them is refused before any work."""
    xlsx, csv_path = tmp_path / "変更箇所.xlsx", tmp_path / "変更箇所.csv"
    rc, out, _ = run([str(drafts / "sjis.txt"), "--changes", str(xlsx), "--changes", str(csv_path),
                      "--changes", str(xlsx), "--date", "令和6年5月27日"])
    assert rc == 0 and out.count("変更箇所表（1 行）を書き込みました") == 2
    ws = openpyxl.load_workbook(str(xlsx)).active
    sheet_rows = list(ws.iter_rows(values_only=True))
    with open(csv_path, encoding="utf-8-sig", newline="") as f:
        csv_rows = [tuple(r) for r in csv.reader(f)]
    assert sheet_rows[1] == csv_rows[1] == ("令和6年5月27日", "1～2行目", f"特定個人情報保護評価書\n根拠: {OLD}",
                                           f"特定個人情報保護評価書\n根拠: {NEW}", "事後",
                                           "根拠法にあわせて修正記載する形式的変更のため")
    bad = tmp_path / "変更箇所.txt"
    rc, _, err = run([str(drafts / "sjis.txt"), "--changes", str(xlsx), "--changes", str(bad)])
    assert rc == 2 and "--changes は .csv・.xlsx・.docx のいずれかで指定してください" in err and not bad.exists()


def test_json_output(drafts: Path) -> None:
    rc, out, _ = run([str(drafts / "sjis.txt"), "--json"])
    data = json.loads(out)
    assert rc == 0 and data["files"][0]["edits"][0]["location"] == "2行目"


def test_diff_output(drafts: Path) -> None:
    rc, out, _ = run([str(drafts / "sjis.txt"), str(drafts / "excel" / "評価書.xlsx"), "--diff"])
    assert f"-根拠: {OLD}" in out and f"+根拠: {NEW}" in out
    assert "[別紙!B2]" in out


class _TTY(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal_for_long_batches(tmp_path: Path) -> None:
    root = tmp_path / "many"
    root.mkdir()
    for i in range(batch.PROGRESS_MIN_FILES):
        (root / f"{i:02}.txt").write_text("なし", encoding="utf-8")
    args = parse([str(root)])
    out, err = io.StringIO(), _TTY()
    batch.run_files(args.paths, args, stdout=out, stderr=err)
    assert "\r[" in err.getvalue() and "\r[" not in out.getvalue()
    out, err2 = io.StringIO(), io.StringIO()
    batch.run_files(args.paths, args, stdout=out, stderr=err2)
    assert err2.getvalue() == ""
    out, err3 = io.StringIO(), _TTY()
    batch.run_files([str(root / "00.txt")], args, stdout=out, stderr=err3)
    assert err3.getvalue() == ""


def test_missing_path_and_bad_options(tmp_path: Path) -> None:
    rc, out, _ = run([str(tmp_path / "nope.docx")])
    assert rc == 2 and "見つかりません" in out
    rc, _, err = run([str(tmp_path), "--in-place", "--output-dir", str(tmp_path / "o")])
    assert rc == 2 and "同時に指定できません" in err
    rc, _, err = run([str(tmp_path), "--changes", str(tmp_path / "x.txt")])
    assert rc == 2 and ".csv" in err


def test_add_file_arguments_adds_only_file_options() -> None:
    ap = argparse.ArgumentParser()
    batch.add_file_arguments(ap)
    dests = {a.dest for a in ap._actions} - {"help"}
    assert dests == {"glob", "in_place", "backup_suffix", "no_backup", "output_dir", "report", "changes",
                     "date", "jobs", "track_changes", "verbose"}
    ns = ap.parse_args(["--date", "令和6年5月27日", "--jobs", "0"])
    assert ns.date.isoformat() == "2024-05-27" and ns.jobs == 0 and ns.backup_suffix == ".bak"
    with pytest.raises(SystemExit):
        ap.parse_args(["--date", "someday"])


def test_through_the_cli(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from mynumber_refs import cli

    rc = cli.main(["rewrite", str(drafts / "sjis.txt"), "--in-place"])
    assert rc == 0
    assert (drafts / "sjis.txt").read_bytes() == f"特定個人情報保護評価書\r\n根拠: {NEW}\r\n".encode("cp932")
    assert "sjis.txt" in capsys.readouterr().out


def test_importing_batch_and_formats_stays_light() -> None:
    code = ("import sys, mynumber_refs.batch, mynumber_refs.report, mynumber_refs.formats.docx, "
            "mynumber_refs.formats.xlsx, mynumber_refs.formats.text; "
            "heavy = [m for m in ('docx', 'openpyxl', 'lxml', 'lark') if m in sys.modules]; "
            "print(heavy); sys.exit(1 if heavy else 0)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


def test_failed_save_leaves_no_backup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mynumber_refs.formats import xlsx as xlsx_module
    from mynumber_refs.formats.safety import FormatError

    p = tmp_path / "book.xlsx"
    build_xlsx(p)

    def refuse(self: object, dest: Path) -> None:
        raise FormatError(dest, "保存できません（テスト）", "cannot save (test)")

    monkeypatch.setattr(xlsx_module.XlsxDocument, "save", refuse)
    before = p.read_bytes()
    rc, out, _ = run([str(p), "--in-place"])
    assert rc == 2 and "保存できません" in out
    assert p.read_bytes() == before and not (tmp_path / "book.xlsx.bak").exists()


def test_own_outputs_are_not_read_back(drafts: Path) -> None:
    changes = drafts / "変更箇所.csv"
    run([str(drafts / "sjis.txt"), "--changes", str(changes)])
    table = changes.read_bytes()
    assert OLD.encode() in table
    rc, out, _ = run([str(drafts), "--glob", "*.csv", "--in-place", "--changes", str(changes)])
    assert "変更箇所.csv:" not in out and "変更箇所.csv (" not in out
    assert not (drafts / "変更箇所.csv.bak").exists()


def test_notes_made_while_rewriting_reach_the_report(tmp_path: Path) -> None:
    # a furigana guide over a changed word is dropped while rewriting; the batch output says so
    from test_formats_xlsx import FURIGANA_SI, raw_book

    p = tmp_path / "ふりがな.xlsx"
    raw_book(p, '<row r="1"><c r="A1" t="s"><v>0</v></c></row>', FURIGANA_SI)
    rc, out, _ = run([str(p), "--in-place"])
    assert rc == 0 and "ふりがな" in out


def test_a_change_shows_the_citation_with_all_of_its_edits(tmp_path: Path) -> None:
    """「番号法第19条第7号及び別表第二の27の項」: the 号 edit before the table is one change with it, shown
    with the whole span its edits cover, in the summary and in the report."""
    draft = tmp_path / "評価書.txt"
    draft.write_text("情報照会の根拠は番号法第19条第7号及び別表第二の27の項である。\n", encoding="utf-8")
    report = tmp_path / "report.json"
    rc, out, _ = run([str(draft), "--report", str(report)])
    assert rc == 0
    assert "変更 1 箇所" in out
    assert "「7号及び別表第二の27の項」→「8号及び番号法第19条第8号に基づく主務省令第2条の表の48の項」" in out
    edits = json.loads(report.read_text(encoding="utf-8"))["files"][0]["edits"]
    assert len(edits) == 3  # the 号, the table's name, the row
    assert {(e["citation_before"], e["citation_after"]) for e in edits} == {
        ("7号及び別表第二の27の項", "8号及び番号法第19条第8号に基づく主務省令第2条の表の48の項")}


LEGACY = "旧形式の Word/Excel ファイル（.doc/.xls）です。.docx/.xlsx で保存し直してください"


@pytest.mark.parametrize("check", [False, True])
def test_a_legacy_doc_or_xls_fails_with_a_message_to_save_it_again(tmp_path: Path, check: bool) -> None:
    """A real .doc/.xls (OLE2) in the folder cannot be read: it fails (exit 2, also with --check) with a message to
    save it as .docx/.xlsx, and is left untouched; a file of another unknown extension is still skipped."""
    root = tmp_path / "d"
    root.mkdir()
    ole = bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 512
    (root / "旧.doc").write_bytes(ole)
    (root / "旧.XLS").write_bytes(ole)
    (root / "picture.png").write_bytes(b"\x89PNG\r\n")
    (root / "a.txt").write_text(OLD, encoding="utf-8")
    before = snapshot(root)
    out_dir = tmp_path / "out"
    rc, out, _ = run([str(root), "--output-dir", str(out_dir), *(["--check"] if check else []), "--json"])
    assert rc == 2
    data = json.loads(out)
    files = {f["name"]: f for f in data["files"]}
    for name in ("旧.doc", "旧.XLS"):
        assert files[name]["status"] == "failed"
        assert LEGACY in files[name]["error"] and "legacy .doc/.xls: save it as .docx/.xlsx" in files[name]["error"]
    assert files["picture.png"]["status"] == "skipped"
    assert data["summary"]["failed"] == 2 and data["summary"]["skipped"] == 1
    assert snapshot(root) == before
    assert not (out_dir / "旧.doc").exists() and not (out_dir / "旧.XLS").exists()
    rc, out, _ = run([str(root / "旧.doc")])
    assert rc == 2 and "✗" in out and LEGACY in out and "失敗 1" in out


def test_outputs_never_overwrite_an_input_file(tmp_path: Path) -> None:
    """Copies (--output-dir), the report and the 変更箇所 table are written beside the inputs, never over one of
    them: a run whose output would be an input file stops, or fails that file, and the input keeps its bytes."""
    src = tmp_path / "data.csv"
    original = f"番号,根拠\n1,{OLD}\n".encode()
    src.write_bytes(original)
    other = tmp_path / "r.json"
    other.write_bytes(b'{"mine": 1}\n')
    # the 変更箇所 table or the report named as an input file (or as a link to one): refused before anything runs
    (tmp_path / "link.csv").symlink_to(src)
    for argv in (["--changes", str(src)], ["--changes", str(tmp_path / "link.csv")], ["--report", str(other)]):
        rc, out, err = run([str(src), str(other), "--assume-law", *argv])
        assert rc == 2 and out == ""
        assert f"{argv[1]} は入力のファイルです" in err and "is an input file" in err
        assert src.read_bytes() == original and other.read_bytes() == b'{"mine": 1}\n'
    # a copy whose destination is its own source (the output folder is the file's folder): that file fails
    rc, out, _ = run([str(src), "--assume-law", "--output-dir", str(tmp_path)])
    assert rc == 2
    assert "出力先が入力のファイル自身です（--in-place を使ってください）" in out and "is the input file itself" in out
    assert src.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.csv", "link.csv", "r.json"]


def test_in_place_keeps_a_file_changed_while_it_is_rewritten(tmp_path: Path) -> None:
    """A file saved by someone else after it was read is not replaced by a rewrite of what was read: that file
    fails, naming the reason, and keeps the other writer's bytes (with or without a backup)."""
    target = tmp_path / "評価書.txt"
    theirs = f"根拠: {OLD}\n追記した段落\n".encode()

    def saved_meanwhile(text: str, **kw: object):
        target.write_bytes(theirs)  # the user saves the file while it is being rewritten
        return fake_rewrite(text, **kw)

    for extra in ([], ["--no-backup"]):
        target.write_bytes(f"根拠: {OLD}\n".encode())
        rc, out, _ = run([str(target), "--in-place", *extra], rewrite_fn=saved_meanwhile)
        assert rc == 2
        assert "処理中にファイルが変更されたため書き換えていません（元のファイルはそのままです）" in out
        assert "the file changed while it was processed" in out
        assert target.read_bytes() == theirs
        assert sorted(p.name for p in tmp_path.iterdir()) == ["評価書.txt"]


def test_office_owner_files_are_skipped(tmp_path: Path) -> None:
    """The owner file Word or Excel keeps beside an open document (「~$評価書.docx」, a few bytes naming the
    user) is no document: it is skipped with a note saying what it is, not reported as a broken Word file."""
    root = tmp_path / "drafts"
    root.mkdir()
    (root / "~$評価書.docx").write_bytes(b"\x08tanaka" + b"\x00" * 154)
    (root / "~$台帳.xlsx").write_bytes(b"\x08tanaka" + b"\x00" * 154)
    (root / "根拠.txt").write_text(f"{OLD}\n", encoding="utf-8")
    rc, out, _ = run([str(root), "--assume-law"])
    assert rc == 0
    assert out.count("Word・Excel が文書を開いている間の所有者ファイル（~$）のためスキップしました") == 2
    assert "失敗 0・スキップ 2" in out


@pytest.mark.skipif(not hasattr(os, "link"), reason="no hard links here")
def test_in_place_says_a_hard_linked_file_keeps_its_other_names(tmp_path: Path) -> None:
    """A file with a second name (a hard link) is replaced atomically under the name given, so the other name
    keeps the old text: the rewrite says so for that file, and says nothing for a file with one name."""
    target = tmp_path / "評価書.txt"
    target.write_bytes(f"根拠: {OLD}\n".encode())
    other = tmp_path / "共有" / "評価書.txt"
    other.parent.mkdir()
    try:
        os.link(target, other)
    except OSError:
        pytest.skip("the file system refuses hard links")
    single = tmp_path / "単独.txt"
    single.write_bytes(f"根拠: {OLD}\n".encode())
    rc, out, _ = run([str(target), str(single), "--in-place", "--no-backup", "--assume-law"])
    assert rc == 0
    assert target.read_bytes() == f"根拠: {NEW}\n".encode()
    assert other.read_bytes() == f"根拠: {OLD}\n".encode()
    assert out.count("このファイルには他に 1 個の名前（ハードリンク）があります") == 1
    assert "its 1 other name(s) keep the old content" in out
    line = next(x for x in out.splitlines() if "ハードリンク" in x)
    assert "注意 note:" in line
    assert out.index("評価書.txt") < out.index("ハードリンク") < out.index("単独.txt")

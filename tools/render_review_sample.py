"""Render a sample PIA draft rewritten with tracked changes, and its 変更箇所 table, to PNG.

    python3 tools/render_review_sample.py [OUTPUT_DIR]     (default: review_sample/)

Builds a small Word draft and Excel draft shaped like a PIA (headings Ⅰ/１．/①, label cells, a
citation split over runs of different formatting), rewrites them in place with
``--track-changes`` and writes the 変更箇所 table as .xlsx and .docx, then asks LibreOffice
(``soffice``) for PDFs and poppler (``pdftoppm``) for one PNG per page:

* ``draft_tracked-1.png``: the Word draft as the reviewer sees it (deleted text struck through,
  inserted text underlined, change bars);
* ``workbook_comments-1.png``: the Excel draft with its comments shown (a copy whose comments are
  made visible, since hidden ones are not printed);
* ``changes_xlsx-1.png``, ``changes_docx-1.png``: the 変更箇所 table as printed.

Without soffice or pdftoppm it says so and stops after writing the documents (exit status 0).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT))


def build_word(path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("特定個人情報保護評価書（住民基本台帳に関する事務）")
    d.add_heading("Ⅰ 基本情報", level=1)
    t = d.add_table(rows=4, cols=2)
    t.style = "Table Grid"
    title = t.cell(0, 0).merge(t.cell(0, 1))
    title.text = "１．特定個人情報ファイルを取り扱う事務"
    t.cell(1, 0).text = "①事務の名称"
    t.cell(1, 1).text = "住民基本台帳に関する事務"
    t.cell(2, 0).text = "②事務の内容"
    t.cell(2, 1).text = ("市町村は、住民基本台帳法及び行政手続における特定の個人を識別するための番号の利用等に関する法律"
                         "（以下「番号利用法」という。）の規定に従い、特定個人情報を取り扱う。")
    t.cell(2, 1).add_paragraph("番号利用法別表第二に基づいて、情報提供ネットワークシステムに接続し、"
                               "情報提供に必要な情報を「副本」として中間サーバーへ登録する。")
    t.cell(3, 0).text = "③対象人数"
    t.cell(3, 1).text = "10万人以上30万人未満"
    d.add_heading("Ⅱ 特定個人情報ファイルの概要", level=1)
    d.add_paragraph("５．特定個人情報の提供・移転（委託に伴うものを除く。）")
    p = d.add_paragraph("提供先１（厚生労働大臣）の法令上の根拠：")
    p.add_run("番号利用法第9条第1項別表第").bold = True
    p.add_run("一の1")
    p.add_run("6の項").italic = True
    d.add_paragraph("提供先２（市町村長）の法令上の根拠：番号利用法第９条第１項 別表第一の３６の２の項")
    d.add_paragraph("６．情報提供ネットワークシステムによる情報連携")
    d.add_paragraph("②法令上の根拠：番号利用法第19条第8号 別表第二")
    d.add_paragraph("（参考）生活保護法別表第1の1の項は書き換えの対象外です。")
    d.save(str(path))


def build_excel(path: Path) -> None:
    import openpyxl
    from openpyxl.styles import Alignment

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "評価書"
    ws.merge_cells("A1:C1")
    ws["A1"] = "Ⅱ 特定個人情報ファイルの概要"
    ws.merge_cells("A2:A4")
    ws["A2"] = "５．特定個人情報の提供・移転"
    ws["B2"] = "①提供先"
    ws["C2"] = "厚生労働大臣"
    ws["B3"] = "②法令上の根拠"
    ws["C3"] = "番号法第9条第1項\n別表第一の16の項"
    ws["B4"] = "③提供する情報"
    ws["C4"] = "住民票関係情報"
    ws["B6"] = "⑥情報連携の根拠"
    ws["C6"] = "番号法第19条第8号 別表第二"
    for cell in ("A2", "C3", "C6"):
        ws[cell].alignment = Alignment(wrap_text=True, vertical="top")
    ws.row_dimensions[3].height = 30
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 18
    ws.column_dimensions["C"].width = 36
    for column in "DEFG":  # room for the comments shown beside the cells
        ws.column_dimensions[column].width = 14
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_area = "A1:H20"
    wb.save(str(path))


def visible_comments(src: Path, dest: Path) -> None:
    """A copy of a workbook whose comments are shown (so that they print)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename.lower().endswith(".vml"):
                data = data.replace(b"visibility:hidden", b"visibility:visible")
            zout.writestr(info, data)


def render(doc: Path, stem: str, out: Path, profile: Path) -> list[Path]:
    pdf_dir = out / "pdf"
    pdf_dir.mkdir(exist_ok=True)
    subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(pdf_dir), str(doc)], check=True, capture_output=True, timeout=300)
    pdf = pdf_dir / (doc.stem + ".pdf")
    subprocess.run(["pdftoppm", "-r", "80", "-png", str(pdf), str(out / stem)], check=True, timeout=300)
    return sorted(out.glob(f"{stem}-*.png"))


def main(argv: list[str]) -> int:
    import argparse

    from mynumber_refs import cli

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("output_dir", nargs="?", default="review_sample", help="where to write (default: review_sample/)")
    out = Path(ap.parse_args(argv).output_dir).resolve()
    drafts = out / "drafts"
    if drafts.exists():
        shutil.rmtree(drafts)
    drafts.mkdir(parents=True)
    word, excel = drafts / "評価書.docx", drafts / "評価書.xlsx"
    build_word(word)
    build_excel(excel)
    report = out / "結果.json"
    status = cli.main(["rewrite", str(drafts), "--assume-law", "--date", "2024-05-27", "--in-place", "--no-backup",
                       "--track-changes", "--changes", str(out / "変更箇所.xlsx"), "--report", str(report)])
    if status != 0:
        print(f"書き換えに失敗しました（終了コード {status}） / the rewrite failed (exit status {status})")
        return status
    # the same table as a Word document, from the report of the same run
    import datetime
    import json

    from mynumber_refs.report import change_rows, write_changes

    files = json.loads(report.read_text(encoding="utf-8"))["files"]
    write_changes(change_rows(files, datetime.date(2024, 5, 27)), out / "変更箇所.docx")
    missing = [tool for tool in ("soffice", "pdftoppm") if shutil.which(tool) is None]
    if missing:
        print(f"{'・'.join(missing)} がないため PNG は作りません（文書は {out} にあります）"
              f" / {', '.join(missing)} not found: no PNG made (the documents are in {out})")
        return 0
    preview = out / "評価書_コメント表示.xlsx"
    visible_comments(excel, preview)
    pngs: list[Path] = []
    with tempfile.TemporaryDirectory() as profile:
        for doc, stem in ((word, "draft_tracked"), (preview, "workbook_comments"),
                          (out / "変更箇所.xlsx", "changes_xlsx"), (out / "変更箇所.docx", "changes_docx")):
            for old in out.glob(f"{stem}-*.png"):
                old.unlink()
            pngs.extend(render(doc, stem, out, Path(profile)))
    for png in pngs:
        print(f"PNG: {png}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

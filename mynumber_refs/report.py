"""Reports of a batch rewrite: the JSON report and the 変更箇所 table (CSV or XLSX).

The 変更箇所 table has the columns of the 別添２「変更箇所」 of a 特定個人情報保護評価書:
変更日 · 項目 · 変更前の記載 · 変更後の記載 · 提出時期 · 提出時期に係る説明.  One row per
rewritten citation (the edits of one citation are shown together, as the whole citation before
and after, the way the seed document lists them).  The CSV is UTF-8 with a BOM so that Excel
opens it as it is.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

__all__ = [
    "CHANGES_COLUMNS",
    "SUBMISSION_TIMING",
    "SUBMISSION_EXPLANATION",
    "wareki",
    "parse_date",
    "change_rows",
    "write_changes",
    "write_changes_csv",
    "write_changes_xlsx",
    "write_json_report",
]

CHANGES_COLUMNS = ("変更日", "項目", "変更前の記載", "変更後の記載", "提出時期", "提出時期に係る説明")
SUBMISSION_TIMING = "事後"
SUBMISSION_EXPLANATION = "根拠法にあわせて修正記載する形式的変更のため"

_ERAS: tuple[tuple[_dt.date, str], ...] = (
    (_dt.date(2019, 5, 1), "令和"),
    (_dt.date(1989, 1, 8), "平成"),
    (_dt.date(1926, 12, 25), "昭和"),
)


def wareki(d: _dt.date) -> str:
    """Write ``d`` in the Japanese era form used in PIAs: ``令和6年5月27日`` (``令和元年`` for the
    first year)."""
    for start, name in _ERAS:
        if d >= start:
            year = d.year - start.year + 1
            y = "元" if year == 1 else str(year)
            return f"{name}{y}年{d.month}月{d.day}日"
    raise ValueError(f"日付が古すぎます / date too early for an era name: {d.isoformat()}")


_ZEN = str.maketrans("０１２３４５６７８９", "0123456789")
_WAREKI_RE = re.compile(r"^(令和|平成|昭和)(元|\d+)年(\d+)月(\d+)日$")


def parse_date(s: str) -> _dt.date:
    """Parse ``2024-05-27``, ``2024/5/27`` or ``令和6年5月27日`` (digits half- or full-width)."""
    t = "".join(s.split()).translate(_ZEN)
    m = _WAREKI_RE.match(t)
    if m:
        era, y, mo, da = m.groups()
        base = {name: start.year for start, name in _ERAS}[era]
        year = base + (1 if y == "元" else int(y)) - 1
        d = _dt.date(year, int(mo), int(da))
        if wareki(d)[:2] != era:
            raise ValueError(f"{s}: その元号の期間外の日付です / date outside the era")
        return d
    m2 = re.match(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$", t)
    if m2:
        return _dt.date(int(m2.group(1)), int(m2.group(2)), int(m2.group(3)))
    raise ValueError(f"日付を読めません（例: 2024-05-27 / 令和6年5月27日）: {s} / cannot parse the date")


def _item(file_label: str, location: str) -> str:
    return f"{file_label} {location}" if file_label else location


def change_rows(files: Iterable[dict[str, Any]], date: _dt.date) -> list[list[str]]:
    """The rows of the 変更箇所 table for the files of a report (``report["files"]``).

    The edits of one citation (same unit, same citation span) become one row showing the whole
    citation before and after; ``項目`` is the file name and the location.
    """
    day = wareki(date)
    rows: list[list[str]] = []
    for f in files:
        label = f.get("name") or Path(f["path"]).name
        last: tuple[int, int] | None = None
        for e in f.get("edits", []):
            before = e.get("citation_before") or e["before"]
            after = e.get("citation_after") or e["after"]
            cs = e.get("citation_start", -1)
            key = (e.get("unit", 0), cs)
            if cs != -1 and key == last:
                continue  # another edit of the citation already listed
            last = key
            rows.append([day, _item(label, e["location"]), before, after, SUBMISSION_TIMING, SUBMISSION_EXPLANATION])
    return rows


def write_changes_csv(rows: Sequence[Sequence[str]], dest: Path) -> None:
    """Write the table as CSV in UTF-8 with a BOM and CRLF line ends (what Excel expects)."""
    from .formats.safety import atomic_write_bytes

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(CHANGES_COLUMNS)
    w.writerows(rows)
    atomic_write_bytes(dest, buf.getvalue().encode("utf-8-sig"))


def write_changes_xlsx(rows: Sequence[Sequence[str]], dest: Path) -> None:
    """Write the table as an .xlsx sheet 「変更箇所」 with a bold header and wrapped text."""
    import openpyxl
    from openpyxl.styles import Alignment, Font

    from .formats.safety import atomic_save

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "変更箇所"
    ws.append(list(CHANGES_COLUMNS))
    for c in ws[1]:
        c.font = Font(bold=True)
    for r in rows:
        ws.append(list(r))
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in ws.iter_rows(min_row=2):
        for c in row:
            c.alignment = wrap
            c.data_type = "s"
    for col, width in zip("ABCDEF", (16, 40, 40, 40, 10, 36), strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A2"
    atomic_save(dest, lambda tmp: wb.save(str(tmp)))


def write_changes(rows: Sequence[Sequence[str]], dest: Path) -> None:
    """Write the 変更箇所 table; the format follows ``dest``'s extension (.csv or .xlsx)."""
    ext = dest.suffix.lower()
    if ext == ".csv":
        write_changes_csv(rows, dest)
    elif ext in (".xlsx", ".xlsm"):
        write_changes_xlsx(rows, dest)
    else:
        raise ValueError(f"変更箇所表は .csv か .xlsx で指定してください: {dest} / --changes must end in .csv or .xlsx")


def write_json_report(report: dict[str, Any], dest: Path) -> None:
    """Write the JSON report (UTF-8, not ASCII-escaped, indented)."""
    from .formats.safety import atomic_write_bytes

    data = json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    atomic_write_bytes(dest, data.encode("utf-8"))

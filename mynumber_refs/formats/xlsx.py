"""Excel workbooks (.xlsx, .xlsm), through openpyxl (imported only inside functions).

Every text cell of every worksheet is one unit (line breaks inside a cell stay in its text),
except plain cells that cannot hold a citation (see :func:`mynumber_refs.formats.may_cite`),
left out for speed; its location is ``Sheet!A1``, followed by the item label when the nearest
text to the left in its row is a short label (``評価書!C12（②法令上の根拠）``).  Formula cells are never touched.  Rich-text cells keep each
block's font: an edit goes into the block where the changed characters start.  Styles, merged
cells, column widths and formulas are written back as openpyxl read them; an .xlsm keeps its
macros (``keep_vba=True``), which are never run.

openpyxl drops drawing shapes (text boxes, arrows), form and ActiveX controls, slicers and
timelines when it saves.  A workbook holding them is read, but :meth:`XlsxDocument.save` refuses
to write it, so that nothing is lost; its citations must be fixed by hand.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import Location, Segment, SkippedEdit, Unit, may_cite, plan_segment_edits
from .safety import DEFAULT_LIMITS, FormatError, ZipLimits, atomic_save, check_ooxml

__all__ = ["XlsxDocument", "open_xlsx"]

_SHAPE_RE = re.compile(rb"<(?:\w+:)?(?:sp|grpSp|cxnSp)[\s>/]")
_LOSSY_DIRS = {
    "xl/ctrlProps/": ("フォームコントロール", "form controls"),
    "xl/activeX/": ("ActiveX コントロール", "ActiveX controls"),
    "xl/slicers/": ("スライサー", "slicers"),
    "xl/timelines/": ("タイムライン", "timelines"),
}


_RICH_RUN = re.compile(rb"<(?:\w+:)?r>")


def _has_rich_text(names: list[str], path: Path) -> bool:
    """Whether any shared or inline string has runs (rich text).  Loading with openpyxl's
    ``rich_text=True`` costs time, and is needed only then."""
    import zipfile

    parts = [n for n in names if n == "xl/sharedStrings.xml" or (n.startswith("xl/worksheets/") and n.endswith(".xml"))]
    with zipfile.ZipFile(path) as zf:
        return any(_RICH_RUN.search(zf.read(n)) for n in parts)


def _lossy_parts(names: list[str], path: Path) -> list[tuple[str, str]]:
    """What openpyxl would drop from this workbook, as ``(ja, en)`` pairs."""
    import zipfile

    found: list[tuple[str, str]] = []
    for prefix, what in _LOSSY_DIRS.items():
        if any(n.startswith(prefix) for n in names) and what not in found:
            found.append(what)
    drawings = [n for n in names if n.startswith("xl/drawings/") and n.endswith(".xml") and "/_rels/" not in n]
    if drawings:
        with zipfile.ZipFile(path) as zf:
            for n in drawings:
                if _SHAPE_RE.search(zf.read(n)):
                    found.append(("図形（テキストボックス・矢印など）", "drawing shapes (text boxes, arrows …)"))
                    break
    return found


def _existing_cells(ws: Any) -> Any:
    """The cells a sheet holds, row by row.  ``iter_rows`` would create (and later write) a cell
    for every empty position of the used range; the sheet's own mapping does not."""
    cells = getattr(ws, "_cells", None)
    if isinstance(cells, dict):
        return (cells[k] for k in sorted(cells))
    return (c for row in ws.iter_rows() for c in row)


def _value_at(ws: Any, row: int, col: int) -> Any:
    """The value shown at (row, col): a merged range shows its top-left cell's.  Reads the sheet's
    own mapping, so that no empty cell is created."""
    cells = getattr(ws, "_cells", {})
    cell = cells.get((row, col))
    if cell is not None and cell.value is not None:
        return cell.value
    for rng in ws.merged_cells.ranges:
        if rng.min_row <= row <= rng.max_row and rng.min_col <= col <= rng.max_col:
            top = cells.get((rng.min_row, rng.min_col))
            return top.value if top is not None else None
    return None


def _row_label(ws: Any, row: int, col: int, limit: int = 30) -> str:
    """The item label of a cell: the nearest text to its left in the same row (「②法令上の根拠」),
    when it is short and holds no citation; else ``""``."""
    from openpyxl.cell.rich_text import CellRichText

    for c in range(col - 1, 0, -1):
        value = _value_at(ws, row, c)
        if isinstance(value, CellRichText):
            value = str(value)
        if not isinstance(value, str) or not value.strip():
            continue
        text = " ".join(value.split())
        if len(text) > limit or "表" in text or text.isdigit():  # a citation or a number is no label
            return ""
        return text
    return ""


class XlsxDocument:
    """A workbook opened with openpyxl, its text cells as units."""

    format = "xlsx"
    encoding: str | None = None

    def __init__(self, path: Path, workbook: Any, lossy: list[tuple[str, str]]) -> None:
        from openpyxl.cell.rich_text import CellRichText, TextBlock
        from openpyxl.worksheet.worksheet import Worksheet

        self.path = path
        self.workbook = workbook
        self.lossy = lossy
        self.notes: list[str] = []
        if lossy:
            ja = "・".join(a for a, _ in lossy)
            en = ", ".join(b for _, b in lossy)
            self.notes.append(f"{ja}を含むため、変更があっても保存しません（openpyxl が保存時に失うため）"
                              f" / contains {en}, which openpyxl would lose: changes will not be saved")
        self._changed = False
        self._cells: list[tuple[Any, list[Segment] | None]] = []
        self._units: list[Unit] = []
        for ws in workbook.worksheets:
            if not isinstance(ws, Worksheet):
                continue
            for cell in _existing_cells(ws):
                value = cell.value
                if isinstance(value, CellRichText):
                    segs = [Segment(b.text if isinstance(b, TextBlock) else str(b), True, b)
                            for b in value]
                    text = "".join(s.text for s in segs)
                    self._add(ws, cell, text, segs)
                elif isinstance(value, str) and cell.data_type != "f" and may_cite(value):
                    self._add(ws, cell, value, None)

    def _add(self, ws: Any, cell: Any, text: str, segs: list[Segment] | None) -> None:
        label = f"{ws.title}!{cell.coordinate}"
        detail: dict[str, Any] = {"sheet": ws.title, "cell": cell.coordinate}
        row_label = _row_label(ws, cell.row, cell.column)
        if row_label:  # the item the cell belongs to, for the 変更箇所 table's 項目
            label += f"（{row_label}）"
            detail["row_label"] = row_label
        self._cells.append((cell, segs))
        self._units.append(Unit(text, Location(label, detail)))

    @property
    def units(self) -> Sequence[Unit]:
        return self._units

    @property
    def changed(self) -> bool:
        return self._changed

    def apply(self, index: int, edits: Sequence[Any]) -> list[SkippedEdit]:
        from openpyxl.cell.rich_text import CellRichText, TextBlock

        cell, segs = self._cells[index]
        if segs is None:
            segs = [Segment(self._units[index].text, True, None)]
            rich = False
        else:
            rich = True
        new_texts, refused = plan_segment_edits(segs, edits)
        if not new_texts:
            return []
        for i, t in new_texts.items():
            segs[i].text = t
        if rich:
            blocks: list[Any] = []
            for seg in segs:
                if not seg.text:
                    continue
                if isinstance(seg.payload, TextBlock):
                    blocks.append(TextBlock(seg.payload.font, seg.text))
                else:
                    blocks.append(seg.text)
            new_value: Any = CellRichText(blocks)
        else:
            new_value = segs[0].text
        if new_value != cell.value:
            cell.value = new_value
            if isinstance(new_value, str) and new_value.startswith("="):
                cell.data_type = "s"  # text that looks like a formula stays text
            self._changed = True
        return [SkippedEdit(e, r, "書き換えられませんでした / could not be rewritten") for e, r in refused]

    def save(self, dest: Path) -> None:
        if self.lossy and self._changed:
            ja = "・".join(a for a, _ in self.lossy)
            en = ", ".join(b for _, b in self.lossy)
            raise FormatError(self.path, f"{ja}を含むため保存しません（openpyxl では保存時に失われます）。手作業で修正してください",
                              f"contains {en}, which openpyxl would lose on saving; not written, fix it by hand")
        atomic_save(dest, lambda tmp: self.workbook.save(str(tmp)),
                    mode_from=self.path if self.path.exists() else None)


def open_xlsx(path: Path, limits: ZipLimits = DEFAULT_LIMITS) -> XlsxDocument:
    """Check and open a workbook; raise :class:`FormatError` when it is not a safe workbook."""
    names = check_ooxml(path, "Excel", limits)
    import openpyxl

    keep_vba = path.suffix.lower() == ".xlsm"
    try:
        wb = openpyxl.load_workbook(str(path), keep_vba=keep_vba, rich_text=_has_rich_text(names, path),
                                    keep_links=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds on a corrupt file
        raise FormatError(path, f"Excel ブックが壊れているか形式が違うため開けません（{type(exc).__name__}: {exc}）",
                          f"cannot open the workbook: corrupt or not an Excel workbook ({type(exc).__name__}: {exc})") from exc
    return XlsxDocument(path, wb, _lossy_parts(names, path))

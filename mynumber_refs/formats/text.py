"""Plain text files (.txt .md .csv .tsv) in UTF-8 (with or without BOM), UTF-16 with BOM,
CP932/Shift_JIS or EUC-JP.

The encoding is detected by strict decoding in a fixed order, never guessed: a BOM decides;
then UTF-8; then EUC-JP and CP932, and when both decode, the one whose text looks like Japanese
(hiragana, katakana, kanji rather than half-width katakana and rare symbols) wins, and a tie is
reported.  The file is written back in the same encoding with the same BOM, and every byte
outside an edit is copied from the original (line endings included, CRLF stays CRLF).
"""

from __future__ import annotations

import codecs
import csv
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import Location, SkippedEdit, Unit, apply_edits_to_text, change_record_note, is_change_record_heading
from .safety import FormatError, atomic_write_bytes, read_regular_file

__all__ = ["TextDocument", "open_text", "detect_encoding", "DecodedText", "MAX_TEXT_BYTES"]

MAX_TEXT_BYTES = 64 * 1024 * 1024

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF8, "utf-8", "UTF-8 (BOM付き)"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16LE (BOM付き)"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16BE (BOM付き)"),
)

ENCODING_LABELS = {"utf-8": "UTF-8", "cp932": "CP932 (Shift_JIS)", "euc_jp": "EUC-JP"}


@dataclass(frozen=True)
class DecodedText:
    """A decoded file: ``bom + body`` are the original bytes; ``text`` is ``body`` decoded."""

    text: str
    encoding: str  # a Python codec name
    bom: bytes
    label: str


def _japanese_score(text: str) -> int:
    score = 0
    for ch in text:
        o = ord(ch)
        if o < 0x80:
            continue
        if 0x3040 <= o <= 0x30FF or 0x4E00 <= o <= 0x9FFF or 0xFF01 <= o <= 0xFF5E or 0x3000 <= o <= 0x303F:
            score += 2
        elif 0xFF61 <= o <= 0xFF9F:  # half-width katakana: what EUC-JP looks like read as CP932
            score -= 1
        elif 0xE000 <= o <= 0xF8FF or unicodedata.category(ch) in ("Cc", "Co", "Cn"):
            score -= 4
    return score


def detect_encoding(data: bytes, path: str | Path = "<bytes>") -> DecodedText:
    """Decode ``data`` strictly; raise :class:`FormatError` when no candidate decodes, when the
    two Japanese legacy encodings are equally plausible, or for ISO-2022-JP and binary data."""
    for bom, enc, label in _BOMS:
        if data.startswith(bom):
            try:
                return DecodedText(data[len(bom):].decode(enc), enc, bom, label)
            except UnicodeDecodeError as exc:
                raise FormatError(path, f"BOM は {label} ですが、その文字コードとして読めません（{exc.start} バイト目）",
                                  f"the BOM says {label} but the content does not decode ({exc.reason} at byte {exc.start})") from exc
    if b"\x00" in data:
        raise FormatError(path, "NUL バイトを含むため、テキストファイルとして読めません（バイナリか BOM のない UTF-16 の可能性があります）",
                          "contains NUL bytes: not a text file (binary, or UTF-16 without a BOM)")
    if b"\x1b$" in data or b"\x1b(" in data:
        raise FormatError(path, "ISO-2022-JP（JIS コード）には対応していません。UTF-8 か Shift_JIS で保存し直してください",
                          "ISO-2022-JP (JIS) is not supported; save the file as UTF-8 or Shift_JIS")
    try:
        return DecodedText(data.decode("utf-8"), "utf-8", b"", "UTF-8")
    except UnicodeDecodeError:
        pass
    candidates: list[DecodedText] = []
    for enc in ("euc_jp", "cp932"):
        try:
            candidates.append(DecodedText(data.decode(enc), enc, b"", ENCODING_LABELS[enc]))
        except UnicodeDecodeError:
            continue
    if not candidates:
        raise FormatError(path, "文字コードを判定できません（UTF-8・Shift_JIS(CP932)・EUC-JP のいずれとしても読めません）。推測での変換はしません",
                          "cannot determine the encoding (not valid UTF-8, CP932/Shift_JIS or EUC-JP); refusing to guess")
    if len(candidates) == 1:
        return candidates[0]
    a, b = candidates
    if a.text == b.text:
        return b
    sa, sb = _japanese_score(a.text), _japanese_score(b.text)
    if sa == sb:
        raise FormatError(path, "文字コードが EUC-JP か Shift_JIS(CP932) か判定できません。UTF-8 で保存し直してください",
                          "the encoding is ambiguous between EUC-JP and CP932; save the file as UTF-8")
    return a if sa > sb else b


def _byte_offsets(body: bytes, encoding: str, positions: Sequence[int]) -> dict[int, int]:
    """Map character offsets of ``body.decode(encoding)`` to byte offsets in ``body``."""
    wanted = sorted(set(positions))
    out: dict[int, int] = {}
    dec = codecs.getincrementaldecoder(encoding)("strict")
    chars = 0
    k = 0
    for bi in range(len(body)):
        while k < len(wanted) and wanted[k] == chars and dec.getstate()[0] == b"":
            out[wanted[k]] = bi
            k += 1
        if k == len(wanted):
            return out
        chars += len(dec.decode(body[bi:bi + 1]))
    while k < len(wanted) and wanted[k] == chars:
        out[wanted[k]] = len(body)
        k += 1
    if k != len(wanted):
        raise ValueError("character offset beyond the end of the text")
    return out


def change_record_start(text: str, csv_file: bool = False) -> int | None:
    """Where a change record (変更箇所) written as delimited text starts in ``text``, or None: the first line that
    names the columns 「変更前…」 and 「変更後…」, separated by tabs (a .tsv, a .txt or standard input pasted from a
    spreadsheet) or, in a .csv, by commas, wherever it stands (under a title line 「（別添２）変更箇所」 too, as a
    sheet's record under its title).  The record runs from there to the end of the text: history, never rewritten."""
    i = text.find("変更前")
    while i != -1:
        start = text.rfind("\n", 0, i) + 1
        end = text.find("\n", i)
        end = len(text) if end == -1 else end
        line = text[start:end].rstrip("\r").lstrip("\ufeff")
        if ("\t" in line and is_change_record_heading(line.split("\t"))) or (
            csv_file and is_change_record_heading(_csv_fields(line))
        ):
            return start
        i = text.find("変更前", end)
    return None


def change_record_label(text: str, start: int) -> str:
    """Where a change record starting at ``start`` is, for its note: 「3行目以降」."""
    return f"{text.count(chr(10), 0, start) + 1}行目以降"


def _csv_fields(line: str) -> list[str]:
    try:
        return next(csv.reader([line.lstrip("\ufeff")]), [])
    except csv.Error:
        return []


@dataclass
class TextDocument:
    """A text file as one unit."""

    path: Path
    raw: bytes
    decoded: DecodedText
    format: str = "text"
    notes: list[str] = field(default_factory=list)
    _edits: list = field(default_factory=list)  # list[Edit]
    _units: list[Unit] = field(default_factory=list)

    def __post_init__(self) -> None:
        text = self.decoded.text
        self._lone_cr = text.count("\r") != text.count("\r\n")  # (old Mac line ends, alone or mixed in)
        record = change_record_start(text, self.path.suffix.lower() == ".csv")
        if record is not None:  # a 変更箇所 table (ours, or earlier): history, from its heading line on
            self.notes.append(change_record_note(change_record_label(text, record)))
            text = text[:record]  # (the lines above it, a title or a body, are read as usual)
            if not text.strip():
                self._units = []
                return
        self._units = [Unit(text, Location("全体", {"part": "text"}), locator=self._line_of)]

    def _line_of(self, offset: int) -> Location:
        """The line ``offset`` is on, lines ending at LF, CRLF or a lone CR."""
        text = self.decoded.text
        line = text.count("\n", 0, offset) + 1
        if self._lone_cr:
            line += text.count("\r", 0, offset) - text.count("\r\n", 0, offset + 1)
        return Location(f"{line}行目", {"part": "text", "line": line})

    @property
    def encoding(self) -> str:
        return self.decoded.label

    @property
    def units(self) -> Sequence[Unit]:
        return self._units

    @property
    def changed(self) -> bool:
        return any(e.before != e.after for e in self._edits)

    def apply(self, index: int, edits: Sequence) -> list[SkippedEdit]:
        if index != 0:
            raise IndexError(index)
        # validates matching and order
        apply_edits_to_text(self.decoded.text, edits)
        refused: list[SkippedEdit] = []
        accepted = []
        for e in edits:
            try:
                e.after.encode(self.decoded.encoding)
            except UnicodeEncodeError:
                refused.append(SkippedEdit(e, "unencodable",
                                           f"新しい記載が {self.decoded.label} で表せない文字を含むため書き換えませんでした"
                                           f" / the new wording cannot be written in {self.decoded.label}"))
                continue
            accepted.append(e)
        self._edits = accepted
        return refused

    def new_bytes(self) -> bytes:
        """The file's new content: original bytes outside edits, edits encoded in place."""
        if not self._edits:
            return self.raw
        enc = self.decoded.encoding
        body = self.raw[len(self.decoded.bom):]
        text = self.decoded.text
        positions = [p for e in self._edits for p in (e.start, e.end)]
        if text.encode(enc) == body:
            # fast path: stateless codecs encode segment by segment
            offsets = {}
            prev, acc = 0, 0
            for p in sorted(set(positions)):
                acc += len(text[prev:p].encode(enc))
                offsets[p] = acc
                prev = p
        else:
            offsets = _byte_offsets(body, enc, positions)
        out = [self.decoded.bom]
        pos = 0
        for e in self._edits:
            bs, be = offsets[e.start], offsets[e.end]
            out.append(body[pos:bs])
            out.append(e.after.encode(enc))
            pos = be
        out.append(body[pos:])
        data = b"".join(out)
        # the result must decode to the rewritten text
        expected = apply_edits_to_text(text, self._edits)
        if data[len(self.decoded.bom):].decode(enc) != expected:
            raise ValueError("encoded result does not match the rewritten text")
        return data

    def save(self, dest: Path) -> None:
        """Write the new bytes to ``dest`` atomically; the file written is read back and must
        decode, in the same encoding, to the rewritten text before it replaces anything."""
        data = self.new_bytes()
        expected = self.decoded.encoding, self.decoded.bom, apply_edits_to_text(self.decoded.text, self._edits)

        def readable(back: bytes) -> None:
            again = detect_encoding(back, dest)
            if (again.encoding, again.bom, again.text) != expected:
                raise FormatError(dest, f"書き換えた内容が {self.decoded.label} として同じに読めません",
                                  f"the rewritten content does not read back as {self.decoded.label}")

        atomic_write_bytes(dest, data, mode_from=self.path if self.path.exists() else None, verify=readable)


def open_text(path: Path) -> TextDocument:
    """Read and decode a text file; raise :class:`FormatError` when it is not a regular file, is
    larger than :data:`MAX_TEXT_BYTES` or cannot be decoded."""
    raw = read_regular_file(path, MAX_TEXT_BYTES)
    return TextDocument(path, raw, detect_encoding(raw, path))

"""Hostile files for the safety tests: DTDs where the old prolog scan did not look, and zip
entries whose headers lie about their size."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import docx

CITATION = "番号利用法第9条第1項別表第一の16の項"


def good_docx(path: Path, text: str = CITATION) -> Path:
    d = docx.Document()
    d.add_paragraph(text)
    d.save(str(path))
    return path


def good_xlsx(path: Path, text: str = CITATION) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active["A1"] = text
    wb.save(str(path))
    return path


def with_part(src: Path, dest: Path, member: str, change) -> Path:  # type: ignore[no-untyped-def]
    """A copy of the package ``src`` whose part ``member`` is ``change(old bytes)``."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == member:
                data = change(data)
            zout.writestr(info, data)
    return dest


def dtd_after(prefix: bytes):  # type: ignore[no-untyped-def]
    """A change that puts ``prefix`` (a comment, a processing instruction) and then a DTD with
    entities between the XML declaration and the root element."""

    def change(data: bytes) -> bytes:
        decl_end = data.index(b"?>") + 2 if data.startswith(b"<?xml") else 0
        dtd = b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        return data[:decl_end] + prefix + dtd + data[decl_end:]

    return change


def lying_zip(src: Path, dest: Path, member: str, real_size: int, declared: int = 100 * 1024) -> Path:
    """A copy of ``src`` whose part ``member`` holds its XML followed by spaces up to ``real_size``
    bytes (still well-formed XML, deflated to a few hundred KB), with the uncompressed size in its
    local and central headers then patched to ``declared`` bytes."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename != member:
                zout.writestr(info, data)
                continue
            with zout.open(info.filename, "w", force_zip64=False) as fh:  # streamed: never held whole
                fh.write(data)
                pad = b" " * (1 << 20)
                left = real_size - len(data)
                while left > 0:
                    fh.write(pad[: min(left, len(pad))])
                    left -= len(pad)
    blob = bytearray(dest.read_bytes())
    with zipfile.ZipFile(dest) as z:
        offset = z.getinfo(member).header_offset
    struct.pack_into("<L", blob, offset + 22, declared)  # local header: uncompressed size
    name = member.encode()
    at = blob.index(b"PK\x01\x02")  # the central directory, entry by entry
    while blob[at:at + 4] == b"PK\x01\x02":
        name_len, extra_len, comment_len = struct.unpack_from("<3H", blob, at + 28)
        if bytes(blob[at + 46: at + 46 + name_len]) == name:
            struct.pack_into("<L", blob, at + 24, declared)  # central header: uncompressed size
        at += 46 + name_len + extra_len + comment_len
    dest.write_bytes(bytes(blob))
    with zipfile.ZipFile(dest) as z:  # the headers now lie as intended
        assert z.getinfo(member).file_size == declared
    return dest

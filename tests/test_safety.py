"""Hostile files: DTDs anywhere in a part, zip entries whose headers lie, files that are not
regular files, read-only files, and files that cannot be read back after writing."""

from __future__ import annotations

import io
import os
import socket
import stat
import struct
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import pytest
from hostile import CITATION, dtd_after, good_docx, good_xlsx, lying_zip, with_part
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mynumber_refs.formats import FormatError, open_document, rewrite_document, safety
from mynumber_refs.formats.safety import (
    LIMITS_ENV,
    ZipLimits,
    atomic_save,
    check_xml,
    current_limits,
    parse_xml,
    read_package,
    read_regular_file,
    verify_package,
)
from mynumber_refs.rewriter import rewrite

ROOT = Path(__file__).resolve().parent.parent
POSIX_ONLY = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs, sockets and modes are POSIX")
NEW = "番号利用法第9条第1項別表の24の項"

# --------------------------------------------------------------------------- DTDs


@pytest.mark.parametrize("prefix", [b"<!-- <a -->", b"<?pi <a?>", b"<!-- x -->\n<?pi y?>\n"])
@pytest.mark.parametrize("kind,member", [("docx", "word/document.xml"), ("xlsx", "xl/worksheets/sheet1.xml"),
                                         ("docx", "word/_rels/document.xml.rels"), ("xlsx", "[Content_Types].xml")])
def test_a_dtd_after_a_comment_or_instruction_is_refused(tmp_path: Path, prefix: bytes, kind: str,
                                                         member: str) -> None:
    good = good_docx(tmp_path / "g.docx") if kind == "docx" else good_xlsx(tmp_path / "g.xlsx")
    evil = with_part(good, tmp_path / f"evil.{kind}", member, dtd_after(prefix))
    before = evil.read_bytes()
    with pytest.raises(FormatError) as info:
        open_document(evil)
    msg = str(info.value)
    assert "DTD" in msg and member in msg and "エンティティ展開" in msg and "entity-expansion" in msg
    assert msg.index("エンティティ展開") < msg.index("entity-expansion")  # Japanese first
    assert evil.read_bytes() == before


def test_a_dtd_in_a_part_of_an_xml_content_type_is_refused_whatever_its_name(tmp_path: Path) -> None:
    good = good_docx(tmp_path / "g.docx")
    evil = tmp_path / "evil.docx"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(evil, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/custom/item.bin" '
                                                 b'ContentType="application/vnd.example+xml"/></Types>')
            zout.writestr(info, data)
        zout.writestr("custom/item.bin", b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e "x">]><r>&e;</r>')
    with pytest.raises(FormatError, match="custom/item.bin"):
        open_document(evil)


def test_vml_is_not_required_to_be_well_formed_but_may_not_hold_a_dtd(tmp_path: Path) -> None:
    good = good_xlsx(tmp_path / "g.xlsx")
    vml = b'<xml><v:shape><div>line<br>line</div></v:shape></xml>'  # Excel writes <br> unclosed
    ok = tmp_path / "ok.xlsx"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(ok, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info, zin.read(info))
        zout.writestr("xl/drawings/vmlDrawing1.vml", vml)
    assert open_document(ok).units
    bad = with_part(ok, tmp_path / "bad.xlsx", "xl/drawings/vmlDrawing1.vml",
                    lambda b: b'<!DOCTYPE x [<!ENTITY a "b">]>' + b)
    with pytest.raises(FormatError, match="vmlDrawing1.vml"):
        open_document(bad)


@pytest.mark.parametrize("data", [
    b'<!-- <a --><!DOCTYPE r><r/>',
    b'<?xml version="1.0"?>\n<?x <a?><!DOCTYPE r [<!ENTITY e "x">]><r>&e;</r>',
    '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE r><r/>'.encode("utf-16"),
    b'<r>&undefined;</r>',
    b'<r><unclosed></r>',
])
def test_the_xml_check_refuses_dtds_entities_and_malformed_parts(data: bytes) -> None:
    with pytest.raises(FormatError):
        check_xml(data, "part.xml", "f.xlsx", "Excel")
    with pytest.raises(FormatError):
        parse_xml(data, "part.xml", "f.xlsx", "Excel")


def test_the_xml_check_accepts_ordinary_parts() -> None:
    data = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<!-- c --><?pi x?><r a="&amp;">別表&lt;</r>'
    check_xml(data.encode(), "part.xml")
    assert parse_xml(data.encode(), "part.xml").text == "別表<"


# --------------------------------------------------------------------------- zip entries


@pytest.mark.parametrize("kind,member", [("docx", "word/document.xml"), ("xlsx", "xl/worksheets/sheet1.xml")])
def test_an_entry_that_inflates_beyond_its_declared_size_is_refused(tmp_path: Path, kind: str, member: str) -> None:
    good = good_docx(tmp_path / "g.docx") if kind == "docx" else good_xlsx(tmp_path / "g.xlsx")
    lie = lying_zip(good, tmp_path / f"lie.{kind}", member, real_size=8 * 1024 * 1024)
    with pytest.raises(FormatError) as info:
        open_document(lie)
    msg = str(info.value)
    assert member in msg and "ヘッダーの宣言" in msg and "its header declares" in msg and "zip 爆弾" in msg


def _inflate_all(blob: bytes, limits: ZipLimits) -> int:
    with zipfile.ZipFile(io.BytesIO(blob)) as zf:
        info = zf.infolist()[0]
    return sum(len(c) for c in safety._inflate(Path("t.docx"), io.BytesIO(blob), info, limits))


def test_the_counter_stops_at_each_limit_on_the_bytes_really_inflated() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a.xml", b" " * (3 * 1024 * 1024))
    blob = buf.getvalue()
    assert _inflate_all(blob, ZipLimits()) == 3 * 1024 * 1024
    with pytest.raises(FormatError, match="展開後のサイズが大きすぎる"):
        _inflate_all(blob, ZipLimits(max_entry_uncompressed=1024 * 1024))
    with pytest.raises(FormatError, match="圧縮率"):
        _inflate_all(blob, ZipLimits(max_ratio=10, ratio_floor=256 * 1024))
    # a CRC that does not match is refused as corrupt
    bad = bytearray(blob)
    with zipfile.ZipFile(io.BytesIO(blob)) as zf:
        info = zf.infolist()[0]
    central = bad.index(b"PK\x01\x02")
    bad[central + 16] ^= 0xFF
    with pytest.raises(FormatError, match="CRC"):
        _inflate_all(bytes(bad), ZipLimits())
    assert info.file_size == 3 * 1024 * 1024


def test_limits_per_file_and_count(tmp_path: Path) -> None:
    good = good_docx(tmp_path / "g.docx")
    with pytest.raises(FormatError, match="合計サイズ"):
        read_package(good, "Word", ZipLimits(max_total_uncompressed=1000))
    with pytest.raises(FormatError, match="エントリ数"):
        read_package(good, "Word", ZipLimits(max_entries=3))
    with pytest.raises(FormatError, match="XML の要素が多すぎます"):
        read_package(good, "Word", ZipLimits(max_xml_tags=100))
    with pytest.raises(FormatError, match="ファイルが大きすぎます"):
        read_package(good, "Word", ZipLimits(max_file_bytes=1000))


def test_limits_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(LIMITS_ENV, "entry=2M, total=3M,ratio=50,tags=1000,file=1K,entries=7,floor=64K")
    lim = current_limits()
    assert (lim.max_entry_uncompressed, lim.max_total_uncompressed, lim.max_ratio, lim.max_xml_tags,
            lim.max_file_bytes, lim.max_entries, lim.ratio_floor) == (2 << 20, 3 << 20, 50.0, 1000, 1024, 7, 64 << 10)
    monkeypatch.setenv(LIMITS_ENV, "entry=lots")
    with pytest.raises(ValueError, match=LIMITS_ENV):
        current_limits()
    monkeypatch.delenv(LIMITS_ENV)
    assert current_limits() == ZipLimits()


# --------------------------------------------------------------------------- regular files


@POSIX_ONLY
def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)

    # should the reader block on the FIFO, this writer frees it after a while, so that the test
    # fails (the FIFO read as an empty file) instead of hanging
    def free() -> None:
        if not done.wait(10):
            with open(fifo, "wb"):
                pass

    done = threading.Event()
    helper = threading.Thread(target=free, daemon=True)
    helper.start()
    try:
        with pytest.raises(FormatError, match="FIFO"):
            read_regular_file(fifo, 1024)
        with pytest.raises(FormatError, match="通常のファイルではありません"):
            open_document(fifo)
    finally:
        done.set()
        helper.join()


@POSIX_ONLY
def test_a_device_is_refused() -> None:
    with pytest.raises(FormatError, match="デバイス"):
        read_regular_file("/dev/null", 1024)


# --------------------------------------------------------------------------- writing


def test_a_written_package_that_cannot_be_read_back_never_replaces_the_original(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = good_docx(tmp_path / "g.docx")
    before = p.read_bytes()
    doc = open_document(p)
    rewrite_document(doc, rewrite)
    assert doc.changed
    real_save = doc.document.save  # type: ignore[attr-defined]

    def save_with_dtd(path: str) -> None:  # a writer that smuggles a DTD into the package
        real_save(path)
        data = Path(path).read_bytes()
        with_part(Path(path), tmp_path / "tmp.docx", "word/document.xml", dtd_after(b""))
        Path(path).write_bytes((tmp_path / "tmp.docx").read_bytes())
        assert data != Path(path).read_bytes()

    monkeypatch.setattr(doc.document, "save", save_with_dtd)  # type: ignore[attr-defined]
    with pytest.raises(FormatError) as info:
        doc.save(p)
    assert "読み直せない" in str(info.value) and "could not be read back" in str(info.value)
    assert p.read_bytes() == before
    assert not [x for x in tmp_path.iterdir() if x.name.endswith(".mnr-tmp")]


def test_an_excel_save_is_read_back(tmp_path: Path) -> None:
    p = good_xlsx(tmp_path / "g.xlsx")
    doc = open_document(p)
    rewrite_document(doc, rewrite)
    doc.save(p)
    verify_package(p, "Excel")
    assert open_document(p).units[0].text == NEW


@POSIX_ONLY
def test_a_read_only_file_is_never_replaced(tmp_path: Path) -> None:
    p = tmp_path / "ro.txt"
    p.write_text(CITATION, encoding="utf-8")
    p.chmod(0o444)
    try:
        with pytest.raises(FormatError, match="読み取り専用"):
            atomic_save(p, lambda tmp: tmp.write_text("x"))
        assert p.read_text(encoding="utf-8") == CITATION
        assert [x.name for x in tmp_path.iterdir()] == ["ro.txt"]
    finally:
        p.chmod(0o644)


@POSIX_ONLY
def test_a_read_only_original_copied_to_an_output_folder(tmp_path: Path) -> None:
    # the copy keeps the mode; making it read-only must not break writing it
    src = tmp_path / "src.txt"
    src.write_text(CITATION, encoding="utf-8")
    src.chmod(0o444)
    dest = tmp_path / "out" / "src.txt"
    try:
        atomic_save(dest, lambda tmp: tmp.write_bytes(src.read_bytes()), mode_from=src)
        assert stat.S_IMODE(dest.stat().st_mode) == 0o444 and dest.read_text(encoding="utf-8") == CITATION
    finally:
        src.chmod(0o644)
        dest.chmod(0o644)


# --------------------------------------------------------------------------- the whole batch


CHILD = """
import resource, subprocess, sys
p = subprocess.run([sys.executable, "-m", "mynumber_refs", *sys.argv[1:]], capture_output=True)
sys.stdout.buffer.write(p.stdout)
sys.stderr.buffer.write(p.stderr)
print("PEAK_KB", resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.exit(p.returncode)
"""


@POSIX_ONLY
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_folder_of_hostile_files(tmp_path: Path, jobs: str) -> None:
    root = tmp_path / "drafts"
    root.mkdir()
    good_docx(root / "good.docx")
    good_xlsx(root / "good.xlsx")
    (root / "good.txt").write_text(CITATION + "\n", encoding="utf-8")
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    base = good_docx(scratch / "base.docx")
    with_part(base, root / "dtd_comment.docx", "word/document.xml", dtd_after(b"<!-- <a -->"))
    with_part(good_xlsx(scratch / "base.xlsx"), root / "dtd_pi.xlsx", "xl/worksheets/sheet1.xml",
              dtd_after(b"<?pi <a?>"))
    # 300 MB of real XML behind a header that declares 100 KB (the old reader inflated it whole)
    lying_zip(base, root / "lying.docx", "word/document.xml", real_size=300 * 1024 * 1024)
    os.mkfifo(root / "pipe.txt")
    (root / "ro.txt").write_text(CITATION + "\n", encoding="utf-8")
    (root / "ro.txt").chmod(0o444)
    os.symlink(root / "gone.docx", root / "dangling.docx")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(root / "sock.txt"))
    bad = ["dtd_comment.docx", "dtd_pi.xlsx", "lying.docx", "ro.txt"]
    before = {name: (root / name).read_bytes() for name in bad}
    try:
        p = subprocess.run([sys.executable, "-c", CHILD, "rewrite", str(root), "--in-place", "--jobs", jobs],
                           capture_output=True, cwd=ROOT, timeout=300)
    finally:
        server.close()
        (root / "ro.txt").chmod(0o644)
    out = p.stdout.decode()
    assert p.returncode == 2, out + p.stderr.decode()
    assert "Traceback" not in p.stderr.decode()
    lines = {Path(line[2:].split(" ")[0].rstrip(":")).name: line for line in out.splitlines() if line[:1] in "✗－●"}
    assert "DTD" in lines["dtd_comment.docx"] and "DTD" in lines["dtd_pi.xlsx"]
    assert "ヘッダーの宣言" in lines["lying.docx"] and "declares" in lines["lying.docx"]
    assert "FIFO" in lines["pipe.txt"] and lines["pipe.txt"].startswith("－")
    assert "ソケット" in lines["sock.txt"] and "a socket" in lines["sock.txt"]
    assert "リンク先が存在しない" in lines["dangling.docx"] and "フォルダ外" not in lines["dangling.docx"]
    assert "読み取り専用" in lines["ro.txt"] and "read-only" in lines["ro.txt"]
    for name in ("good.docx", "good.xlsx", "good.txt"):
        assert lines[name].startswith("●"), lines[name]
        assert NEW in " ".join(u.text for u in open_document(root / name).units)
    for name, data in before.items():
        assert (root / name).read_bytes() == data, name
    leftovers = sorted(x.name for x in root.iterdir() if x.name.endswith((".mnr-tmp", ".bak")))
    assert leftovers == ["good.docx.bak", "good.txt.bak", "good.xlsx.bak"]
    peak_mb = int(out.rsplit("PEAK_KB", 1)[1].split()[0]) / 1024
    assert peak_mb < 250, peak_mb  # the old reader peaked above 600 MB on the lying entry alone


@POSIX_ONLY
def test_collecting_names_what_is_not_a_regular_file(tmp_path: Path) -> None:
    from mynumber_refs.batch import FileOutcome, Task, collect_files

    root = tmp_path / "d"
    root.mkdir()
    (root / "a.txt").write_text(CITATION, encoding="utf-8")
    os.mkfifo(root / "fifo.docx")
    os.symlink(root / "missing.txt", root / "dangling.txt")
    os.symlink("/dev/null", root / "null.txt")  # outside the folder
    os.symlink(root / "fifo.docx", root / "to_fifo.txt")  # inside, to a FIFO
    entries = collect_files([str(root)])
    assert [e.display for e in entries if isinstance(e, Task)] == [str(root / "a.txt")]
    notes = {Path(e.path).name: (e.status, " ".join(e.notes)) for e in entries if isinstance(e, FileOutcome)}
    assert notes["dangling.txt"][0] == "skipped"
    assert notes["dangling.txt"][1].startswith("リンク先が存在しないシンボリックリンク")
    assert "フォルダ外" not in notes["dangling.txt"][1]
    assert notes["null.txt"] == ("skipped", "フォルダ外を指すシンボリックリンクのため処理しません / "
                                            "symlink out of the folder: skipped")
    assert notes["to_fifo.txt"][0] == "skipped" and "FIFO" in notes["to_fifo.txt"][1]
    assert notes["fifo.docx"][0] == "skipped" and "not a regular file (a FIFO)" in notes["fifo.docx"][1]
    # given by name, what cannot be read fails, and says why
    named = collect_files([str(root / "fifo.docx"), str(root / "dangling.txt"), "/dev/null", str(tmp_path / "no.txt")])
    errors = {Path(e.path).name: (e.status, e.error or "") for e in named if isinstance(e, FileOutcome)}
    assert all(status == "failed" for status, _ in errors.values()) and len(errors) == 4
    assert "FIFO" in errors["fifo.docx"][1]
    assert "リンク先が存在しない" in errors["dangling.txt"][1]
    assert "デバイス" in errors["null"][1] and "a device" in errors["null"][1]
    assert "見つかりません" in errors["no.txt"][1]


# --------------------------------------------------------------------------- properties



def _patched_size(blob: bytes, declared: int) -> bytes:
    """The one-entry archive ``blob`` with the uncompressed size in both headers set to ``declared``."""
    out = bytearray(blob)
    struct.pack_into("<L", out, 22, declared)  # the local header is at offset 0
    central = out.index(b"PK\x01\x02")
    struct.pack_into("<L", out, central + 24, declared)
    return bytes(out)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=300_000)
       | st.builds(lambda n, b: b * n, st.integers(0, 200_000), st.binary(min_size=1, max_size=3)),
       declared=st.integers(0, 400_000), method=st.sampled_from([zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED]))
def test_an_entry_is_read_whole_and_exact_or_refused(data: bytes, declared: int, method: int) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as zf:
        zf.writestr("part.bin", data)
    blob = _patched_size(buf.getvalue(), declared)
    limits = ZipLimits(max_entry_uncompressed=250_000, max_ratio=50, ratio_floor=64 * 1024)
    with zipfile.ZipFile(io.BytesIO(blob)) as zf:
        info = zf.infolist()[0]
    seen = 0
    got = bytearray()
    try:
        for chunk in safety._inflate(Path("p.xlsx"), io.BytesIO(blob), info, limits):
            seen += len(chunk)
            assert seen <= min(declared, limits.max_entry_uncompressed)  # never a byte beyond either
            got += chunk
    except FormatError:
        assert declared != len(data) or len(data) > limits.max_entry_uncompressed or (
            len(data) > limits.ratio_floor and method == zipfile.ZIP_DEFLATED)
        return
    assert bytes(got) == data and declared == len(data)


_PROLOG_ITEMS = st.sampled_from([b"<!-- <a -->", b"<!-- <!x> -->", b"<?pi <a b='c'?>", b"\n", b"  ", b"<!---->",
                                 b"<?x?>"])


@settings(max_examples=200, deadline=None)
@given(before=st.lists(_PROLOG_ITEMS, max_size=6), after=st.lists(_PROLOG_ITEMS, max_size=3),
       declaration=st.booleans(), dtd=st.sampled_from([b"<!DOCTYPE r>", b'<!DOCTYPE r [<!ENTITY e "x">]>',
                                                         b'<!DOCTYPE r SYSTEM "http://example.com/x.dtd">']))
def test_a_dtd_anywhere_in_the_prolog_is_refused(before: list[bytes], after: list[bytes], declaration: bool,
                                                 dtd: bytes) -> None:
    head = b'<?xml version="1.0" encoding="UTF-8"?>' if declaration else b""
    body = b"<r>text &amp; more</r>"
    clean = head + b"".join(before) + b"".join(after) + body
    check_xml(clean, "p.xml")
    with pytest.raises(FormatError, match="DTD"):
        check_xml(head + b"".join(before) + dtd + b"".join(after) + body, "p.xml")

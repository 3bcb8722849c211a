"""Text files: encodings detected strictly, written back byte for byte outside the edits."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from fake_engine import fake_rewrite
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mynumber_refs.formats import FormatError, open_document, rewrite_document
from mynumber_refs.formats.safety import atomic_save, atomic_write_bytes
from mynumber_refs.formats.text import detect_encoding
from mynumber_refs.rewriter import rewrite

OLD = "番号利用法第9条第1項別表第一の16の項"
NEW = "番号利用法第9条第1項別表の24の項"


def _rewrite_file(path: Path, fn=rewrite):
    doc = open_document(path)
    edits, findings = rewrite_document(doc, fn)
    doc.save(path)
    return doc, edits, findings


def test_cp932_crlf_is_kept_byte_for_byte(tmp_path: Path) -> None:
    text = f"特定個人情報保護評価書\r\n根拠: {OLD}に基づく。\r\n以上\r\n"
    p = tmp_path / "draft.txt"
    p.write_bytes(text.encode("cp932"))
    doc, edits, _ = _rewrite_file(p)
    assert doc.encoding == "CP932 (Shift_JIS)"
    assert p.read_bytes() == text.replace(OLD, NEW).encode("cp932")
    assert b"\r\n" in p.read_bytes() and b"\n" not in p.read_bytes().replace(b"\r\n", b"")
    assert [e.location for e in edits] == ["2行目", "2行目"]


def test_euc_jp_detected_and_kept(tmp_path: Path) -> None:
    text = f"住民基本台帳について\n{OLD}\n"
    p = tmp_path / "euc.csv"
    p.write_bytes(text.encode("euc_jp"))
    doc, _, _ = _rewrite_file(p)
    assert doc.encoding == "EUC-JP"
    assert p.read_bytes() == text.replace(OLD, NEW).encode("euc_jp")


def test_utf8_bom_kept(tmp_path: Path) -> None:
    text = f"# 評価書について\r\n{OLD}\r\n"
    p = tmp_path / "a.md"
    p.write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    doc, _, _ = _rewrite_file(p)
    assert doc.encoding.startswith("UTF-8 (BOM")
    assert p.read_bytes() == codecs.BOM_UTF8 + text.replace(OLD, NEW).encode("utf-8")


def test_utf8_without_bom_and_utf16_with_bom(tmp_path: Path) -> None:
    p = tmp_path / "a.tsv"
    p.write_bytes(f"項目:\t{OLD}\n".encode())
    _rewrite_file(p)
    assert p.read_bytes() == f"項目:\t{NEW}\n".encode()
    q = tmp_path / "b.txt"
    q.write_bytes(codecs.BOM_UTF16_LE + f"{OLD}\r\n".encode("utf-16-le"))
    doc, _, _ = _rewrite_file(q)
    assert q.read_bytes() == codecs.BOM_UTF16_LE + f"{NEW}\r\n".encode("utf-16-le")


def test_cp932_duplicate_codes_outside_edits_survive(tmp_path: Path) -> None:
    # 0x879A (NEC row 13) and 0x81E6 both decode to ∵; re-encoding would turn the first into
    # the second.  The bytes outside the edit must be the original ones.
    raw = b"\x87\x9a " + OLD.encode("cp932") + b" \xed\x40\r\n"  # 0xED40: NEC-selected IBM ext. 纊
    p = tmp_path / "nec.txt"
    p.write_bytes(raw)
    _rewrite_file(p)
    assert p.read_bytes() == b"\x87\x9a " + NEW.encode("cp932") + b" \xed\x40\r\n"


def test_unchanged_file_is_not_rewritten(tmp_path: Path) -> None:
    p = tmp_path / "plain.txt"
    p.write_bytes("関係のない文章\r\n".encode("cp932"))
    doc = open_document(p)
    edits, findings = rewrite_document(doc, fake_rewrite)
    assert not edits and not findings and not doc.changed


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        (b"abc\x81\x20def", "文字コードを判定できません"),
        (b"\x1b$B%F%9%H\x1b(B", "ISO-2022-JP"),
        (b"a\x00b\x00", "NUL"),
        (codecs.BOM_UTF8 + b"\xff\xfe", "BOM"),
    ],
)
def test_undecodable_is_reported_not_guessed(tmp_path: Path, data: bytes, needle: str) -> None:
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    with pytest.raises(FormatError) as info:
        open_document(p)
    assert needle in str(info.value)
    assert "bad.txt" in str(info.value)
    assert p.read_bytes() == data


def test_euc_preferred_over_cp932_garbage() -> None:
    # EUC-JP kanji decode as half-width katakana in CP932; the Japanese-looking reading wins.
    data = "番号利用法 住民票 別表".encode("euc_jp")
    assert data.decode("cp932") != data.decode("euc_jp")  # both decode
    detected = detect_encoding(data)
    assert detected.encoding == "euc_jp" and detected.text == "番号利用法 住民票 別表"
    assert detect_encoding("別表第一".encode("cp932")).encoding == "cp932"


def test_unencodable_replacement_is_refused(tmp_path: Path) -> None:
    from mynumber_refs.model import Edit, RewriteResult

    def emoji(text: str, **_: object) -> RewriteResult:
        i = text.index("16")
        return RewriteResult(text, text[:i] + "😀" + text[i + 2:], (Edit(i, i + 2, "16", "😀"),))

    p = tmp_path / "sjis.txt"
    raw = OLD.encode("cp932")
    p.write_bytes(raw)
    doc = open_document(p)
    edits, findings = rewrite_document(doc, emoji)
    assert not edits and findings[0].reason == "unencodable"
    assert not doc.changed


def test_rewrite_error_means_no_write(tmp_path: Path) -> None:
    p = tmp_path / "boom.txt"
    p.write_bytes(f"BOOM {OLD}".encode())
    doc = open_document(p)
    with pytest.raises(RuntimeError):
        rewrite_document(doc, fake_rewrite)
    assert p.read_bytes() == f"BOOM {OLD}".encode()


def test_atomic_save_leaves_original_when_writer_fails(tmp_path: Path) -> None:
    p = tmp_path / "keep.txt"
    p.write_bytes(b"original")

    def half(tmp: Path) -> None:
        tmp.write_bytes(b"half-writ")
        raise OSError("disk full")

    with pytest.raises(OSError):
        atomic_save(p, half)
    assert p.read_bytes() == b"original"
    assert sorted(x.name for x in tmp_path.iterdir()) == ["keep.txt"]
    atomic_write_bytes(p, b"new")
    assert p.read_bytes() == b"new"
    assert sorted(x.name for x in tmp_path.iterdir()) == ["keep.txt"]


# ---------------------------------------------------------------- property: byte-for-byte round trip

# random text that cannot itself form a citation (no 表/条/法), around a real one
_ALPHABET = st.sampled_from(list("abcXYZ 019０１９　、。「」（）あいうアイウ漢字住民票の一二\t") + ["\n", "\r\n"])
_SAFE = st.lists(_ALPHABET, max_size=40).map("".join)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    before=_SAFE,
    after=_SAFE,
    encoding=st.sampled_from(["utf-8", "utf-8-bom", "cp932", "euc_jp"]),
    crlf=st.booleans(),
    split=st.booleans(),
)
def test_round_trip_outside_edits(tmp_path: Path, before: str, after: str, encoding: str, crlf: bool,
                                  split: bool) -> None:
    def eol(s: str) -> str:
        s = s.replace("\r\n", "\n")
        return s.replace("\n", "\r\n") if crlf else s

    cite = eol("番号利用法第9条第1項別表第一の1\n6の項") if split else OLD
    before, after = eol(before), eol(after)
    codec = "utf-8" if encoding.startswith("utf-8") else encoding
    bom = codecs.BOM_UTF8 if encoding == "utf-8-bom" else b""
    before += "。"  # (a kanji right before 番号利用法 hides the law name from the engine)
    after = "。" + after  # (「の項、0」 may continue the list: such text is reported, not rewritten)
    text = before + cite + after
    p = tmp_path / f"prop-{encoding}.txt"
    p.write_bytes(bom + text.encode(codec))
    doc = open_document(p)
    edits, _ = rewrite_document(doc, rewrite)
    assert edits, "the real citation must be rewritten"
    out = doc.new_bytes()  # type: ignore[attr-defined]
    # independent oracle: the original bytes of every gap between edits, the new text encoded
    expected = [bom]
    pos = 0
    for e in edits:
        expected.append(text[pos:e.start].encode(codec))
        expected.append(e.after.encode(codec))
        pos = e.end
    expected.append(text[pos:].encode(codec))
    assert out == b"".join(expected)
    assert out.startswith(bom + before.encode(codec)) and out.endswith(after.encode(codec))
    assert out[len(bom):].decode(codec) == before + NEW + after


def test_findings_have_line_locations(tmp_path: Path) -> None:
    p = tmp_path / "f.txt"
    p.write_bytes("一行目\r\n二行目\r\n別表第一の16の項\r\n".encode("cp932"))
    doc = open_document(p)
    edits, findings = rewrite_document(doc, rewrite)
    assert not edits and findings and {f.location for f in findings} == {"3行目"}
    assert findings[0].location_detail == {"part": "text", "line": 3}


@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"])
def test_lines_end_at_lf_crlf_or_a_lone_cr(tmp_path: Path, eol: str) -> None:
    """A line ends at LF, CRLF or a lone CR (a file saved with old Mac line ends, or one mixing them), so the
    line an edit or a finding names is the one an editor shows."""
    p = tmp_path / "f.txt"
    p.write_bytes(eol.join(["一行目", "二行目", "別表第一の16の項", "四行目\r\n番号法別表第一の16の項"]).encode("cp932"))
    doc = open_document(p)
    edits, findings = rewrite_document(doc, rewrite)
    assert [f.location for f in findings] == ["3行目"]
    assert [(e.location, e.before, e.after) for e in edits] == [("5行目", "第一", ""), ("5行目", "16", "24")]

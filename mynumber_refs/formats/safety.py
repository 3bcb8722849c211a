"""Safety guards for reading and writing user files.

* :func:`read_regular_file` reads a file only when it is a regular file (never a FIFO, a device or
  a socket, which could block or never end), within a size limit.
* :func:`read_package` reads a .docx/.xlsx/.xlsm into memory and verifies it before python-docx or
  the Excel reader sees it: the file must be a ZIP archive (an OLE2 compound file means a
  password-protected workbook or a legacy .doc/.xls); every entry is inflated in small chunks
  through a counter that stops at :class:`ZipLimits` (per entry, per file, compression ratio),
  whatever the headers declare, and must inflate to exactly the size and CRC its header declares;
  every XML part is read by a parser that refuses any DTD (``<!DOCTYPE``) or entity declaration,
  wherever it stands.  Readers then parse exactly these verified bytes (:class:`Package`).
* :func:`parse_xml` is the one way the Excel reader parses a part: the same refusal, then lxml
  without entities, DTD loading or network access.
* :func:`atomic_write_bytes` / :func:`atomic_save` write to a temporary file in the destination's
  folder, read it back (``verify``), and only then ``os.replace`` it over the destination, so that
  a reader never sees a half-written file, a crash leaves the original untouched, and a file that
  cannot be read back never replaces anything.  A read-only destination is never replaced.

Every problem is raised as :class:`FormatError`, whose message is Japanese first with English
after and names the file.
"""

from __future__ import annotations

import contextlib
import io
import os
import stat
import struct
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any
from xml.parsers import expat

__all__ = [
    "FormatError",
    "ZipLimits",
    "DEFAULT_LIMITS",
    "LIMITS_ENV",
    "current_limits",
    "OLE2_SIGNATURE",
    "Package",
    "read_package",
    "verify_package",
    "check_ooxml",
    "check_xml",
    "parse_xml",
    "read_regular_file",
    "describe_mode",
    "is_read_only",
    "refuse_read_only",
    "atomic_write_bytes",
    "atomic_save",
]

OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")
LIMITS_ENV = "MYNUMBER_REFS_ZIP_LIMITS"
_CHUNK = 64 * 1024
_MiB = 1024 * 1024


class FormatError(Exception):
    """A file cannot be read or written safely.

    ``path`` names the file, ``reason_ja``/``reason_en`` say why.  ``str(error)`` is the full
    bilingual message.
    """

    def __init__(self, path: str | os.PathLike[str], reason_ja: str, reason_en: str) -> None:
        self.path = str(path)
        self.reason_ja = reason_ja
        self.reason_en = reason_en
        super().__init__(f"{self.path}: {reason_ja} / {reason_en}")


@dataclass(frozen=True)
class ZipLimits:
    """Limits on an OOXML archive, checked on the bytes really inflated (and, to refuse early, on
    the sizes the headers declare).

    ``max_file_bytes`` bounds the file itself (held in memory while it is processed);
    ``max_entry_uncompressed`` and ``max_total_uncompressed`` the inflated bytes of one entry and of
    all entries; ``max_xml_tags`` the markup (``<``) in all XML parts together, which bounds the
    memory of the parsed trees (see :meth:`xml_tags_for`); ``max_ratio`` the ratio of inflated to
    compressed bytes of an entry, once it has inflated more than ``ratio_floor`` bytes (small XML
    parts may compress very well and are harmless).  The defaults keep the peak memory for one
    file well under 600 MB.  :func:`current_limits` reads lower (or higher) values from the
    environment variable ``MYNUMBER_REFS_ZIP_LIMITS`` (``"entry=8M,total=16M,ratio=100"``).
    """

    max_file_bytes: int = 64 * _MiB
    max_total_uncompressed: int = 96 * _MiB
    max_entry_uncompressed: int = 64 * _MiB
    max_entries: int = 10_000
    max_xml_tags: int | None = None  # None: 300,000 for Word, 1,000,000 for Excel
    max_ratio: float = 200.0
    ratio_floor: int = 4 * _MiB

    def xml_tags_for(self, kind: str) -> int:
        """The markup limit for a file of ``kind``: a Word document's parsed parts are all held at
        once, with the units built from them (about 1 KB a paragraph), an Excel sheet's one at a
        time (about 150 bytes a cell)."""
        if self.max_xml_tags is not None:
            return self.max_xml_tags
        return 1_000_000 if kind == "Excel" else 300_000


DEFAULT_LIMITS = ZipLimits()

_LIMIT_KEYS = {
    "file": "max_file_bytes",
    "total": "max_total_uncompressed",
    "entry": "max_entry_uncompressed",
    "entries": "max_entries",
    "tags": "max_xml_tags",
    "ratio": "max_ratio",
    "floor": "ratio_floor",
}
_SUFFIXES = {"": 1, "K": 1024, "M": _MiB, "G": 1024 * _MiB}


def current_limits() -> ZipLimits:
    """:data:`DEFAULT_LIMITS`, with the values set in ``MYNUMBER_REFS_ZIP_LIMITS`` (comma-separated
    ``key=value``; keys ``file``, ``total``, ``entry``, ``entries``, ``tags``, ``ratio``, ``floor``;
    sizes may end in K, M or G).  Raises ``ValueError`` for a malformed setting."""
    spec = os.environ.get(LIMITS_ENV, "").strip()
    if not spec:
        return DEFAULT_LIMITS
    changes: dict[str, Any] = {}
    types = {f.name: f.type for f in fields(ZipLimits)}
    for item in spec.split(","):
        key, _, value = item.strip().partition("=")
        name = _LIMIT_KEYS.get(key.strip().lower())
        value = value.strip().upper()
        try:
            if name is None or not value:
                raise ValueError(item)
            if "float" in str(types[name]):
                number: float = float(value)
            else:
                number = int(value[:-1] if value[-1:] in _SUFFIXES else value) * _SUFFIXES.get(value[-1:], 1)
            if number <= 0:
                raise ValueError(item)
        except ValueError:
            raise ValueError(
                f"環境変数 {LIMITS_ENV} の値が不正です: {item!r}（例: entry=8M,total=16M,ratio=100） / "
                f"malformed {LIMITS_ENV} setting {item!r} (e.g. entry=8M,total=16M,ratio=100; keys: "
                f"{', '.join(_LIMIT_KEYS)})") from None
        changes[name] = number
    return replace(DEFAULT_LIMITS, **changes)


# --------------------------------------------------------------------------- plain files


def read_regular_file(path: str | os.PathLike[str], max_bytes: int) -> bytes:
    """The bytes of ``path``, which must be a regular file of at most ``max_bytes`` bytes.

    The file is opened without blocking and checked on the open descriptor, so a FIFO, a device
    or a socket put in its place is refused, never read (a FIFO would block for ever)."""
    p = Path(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(p, flags)
    except OSError as exc:
        raise FormatError(p, f"ファイルを読めません（{exc.strerror}）", f"cannot read the file ({exc.strerror})") from exc
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            ja, en = describe_mode(st.st_mode)
            raise FormatError(p, f"通常のファイルではありません（{ja}）。読みません", f"not a regular file ({en}); not read")
        if st.st_size > max_bytes:
            raise FormatError(p, f"ファイルが大きすぎます（{st.st_size} バイト、上限 {max_bytes} バイト）",
                              f"file too large ({st.st_size} bytes, limit {max_bytes})")
        with os.fdopen(os.dup(fd), "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise FormatError(p, f"ファイルを読めません（{exc.strerror}）", f"cannot read the file ({exc.strerror})") from exc
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        raise FormatError(p, f"ファイルが大きすぎます（上限 {max_bytes} バイト）", f"file too large (limit {max_bytes} bytes)")
    return data


def describe_mode(mode: int) -> tuple[str, str]:
    """What a file that is not a regular file is, in Japanese and English (「名前付きパイプ（FIFO）」, "a FIFO")."""
    if stat.S_ISFIFO(mode):
        return "名前付きパイプ（FIFO）", "a FIFO"
    if stat.S_ISSOCK(mode):
        return "ソケット", "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "デバイス", "a device"
    if stat.S_ISDIR(mode):
        return "フォルダ", "a folder"
    return "特殊なファイル", "a special file"


def is_read_only(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is a file its owner marked read-only (no write permission bit) or that
    this process may not write.  Such a file is never replaced."""
    try:
        st = os.stat(path)
    except OSError:
        return False
    return (st.st_mode & 0o222) == 0 or not os.access(path, os.W_OK)


def refuse_read_only(path: str | os.PathLike[str]) -> None:
    """Raise :class:`FormatError` when ``path`` exists and :func:`is_read_only`."""
    if os.path.exists(path) and is_read_only(path):
        raise FormatError(path, "読み取り専用のファイルのため書き換えません（元のファイルはそのままです）",
                          "the file is read-only; not rewritten (the original is untouched)")


# --------------------------------------------------------------------------- XML


class _Forbidden(Exception):
    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


def _forbid(what: str) -> Callable[..., Any]:
    def handler(*_args: Any) -> Any:
        raise _Forbidden(what)

    return handler


def _xml_checker() -> Any:
    """An expat parser that raises :class:`_Forbidden` at the start of any DTD or entity
    declaration, before anything in it is read or expanded."""
    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = _forbid("DTD")
    parser.EntityDeclHandler = _forbid("ENTITY")
    parser.UnparsedEntityDeclHandler = _forbid("ENTITY")
    parser.NotationDeclHandler = _forbid("NOTATION")
    parser.ExternalEntityRefHandler = _forbid("ENTITY")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    return parser


_KIND_JA = {"Word": "Word 文書", "Excel": "Excel ブック"}
_KIND_EN = {"Word": "Word document", "Excel": "workbook"}


def _dtd_error(p: Path, member: str, what: str, kind: str = "") -> FormatError:
    label_ja = _KIND_JA.get(kind, "ファイル")
    return FormatError(
        p,
        f"{label_ja}の XML 部品 {member} に {what} 宣言があります。Word・Excel の部品は DTD を使わないため、"
        "エンティティ展開攻撃などの疑いがあるファイルとして開きません",
        f"XML part {member} declares a {what}; Word and Excel parts never do, so the file is refused "
        "as a possible entity-expansion attack",
    )


def _xml_error(p: Path, member: str, exc: Exception, kind: str = "") -> FormatError:
    label_ja = _KIND_JA.get(kind, "ファイル")
    label_en = _KIND_EN.get(kind, "file")
    return FormatError(p, f"{label_ja}が壊れているため開けません（XML 部品 {member} が整形式ではありません: {exc}）",
                       f"the {label_en} is corrupt: XML part {member} is not well-formed ({exc})")


class _XmlFeed:
    """Feeds a part to the checking parser chunk by chunk and counts its markup."""

    def __init__(self, p: Path, member: str, kind: str = "") -> None:
        self.p, self.member, self.kind = p, member, kind
        self.parser = _xml_checker()
        self.tags = 0

    def feed(self, chunk: bytes, final: bool = False) -> None:
        self.tags += chunk.count(b"<")
        try:
            self.parser.Parse(chunk, final)
        except _Forbidden as exc:
            raise _dtd_error(self.p, self.member, exc.what, self.kind) from None
        except expat.ExpatError as exc:
            raise _xml_error(self.p, self.member, exc, self.kind) from None


_DTD_MARKERS = tuple((marker.encode(enc), what) for marker, what in (("<!DOCTYPE", "DTD"), ("<!ENTITY", "ENTITY"))
                     for enc in ("utf-8", "utf-16-le", "utf-16-be"))
_MARKER_OVERLAP = max(len(m) for m, _ in _DTD_MARKERS) - 1


class _MarkerScan:
    """For VML parts, which Excel writes as HTML-like text that is not always well-formed XML
    (``<br>``) and which no reader here parses: the part is refused when a DTD or entity
    declaration appears anywhere in it."""

    def __init__(self, p: Path, member: str, kind: str = "") -> None:
        self.p, self.member, self.kind = p, member, kind
        self.tail = b""
        self.tags = 0  # not parsed, so no tree to bound

    def feed(self, chunk: bytes, final: bool = False) -> None:
        window = self.tail + chunk
        for marker, what in _DTD_MARKERS:
            if marker in window:
                raise _dtd_error(self.p, self.member, what, self.kind)
        self.tail = window[-_MARKER_OVERLAP:]


def check_xml(data: bytes, member: str, path: str | os.PathLike[str] = "<bytes>", kind: str = "") -> None:
    """Raise :class:`FormatError` unless ``data`` is well-formed XML without any DTD or entity
    declaration (anywhere: after a comment or a processing instruction too).  ``kind`` (``"Word"``,
    ``"Excel"``) names the file's kind in the message."""
    feed = _XmlFeed(Path(path), member, kind)
    feed.feed(data, True)


def parse_xml(data: bytes, member: str, path: str | os.PathLike[str] = "<bytes>", kind: str = "") -> Any:
    """The root element of ``data`` parsed by lxml, after :func:`check_xml`; lxml itself neither
    resolves entities nor loads a DTD nor reaches the network, and its result is checked again."""
    from lxml import etree

    check_xml(data, member, path, kind)
    parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise _xml_error(Path(path), member, exc, kind) from exc
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        raise _dtd_error(Path(path), member, "DTD", kind)
    return root


# --------------------------------------------------------------------------- ZIP packages

_LOCAL_HEADER = struct.Struct("<4s5H3L2H")
_XML_EXTENSIONS = (".xml", ".rels", ".vml")


def _is_xml_part(name: str, content_types: dict[str, str]) -> bool:
    """Whether a reader may parse the part as XML: by its name, or by its content type (parts of
    an XML type, images such as SVG excepted, which nothing here parses)."""
    lower = name.lower()
    if lower.endswith(_XML_EXTENSIONS):
        return True
    extension = "." + lower.rsplit(".", 1)[-1] if "." in lower else ""
    ctype = content_types.get("/" + lower) or content_types.get(extension) or ""
    return ctype.endswith("xml") and not ctype.startswith("image/")


@dataclass
class Package:
    """An OOXML package whose every entry was inflated within the limits to the size and CRC its
    header declares, and whose XML parts have no DTD.  ``blob`` is the file as read; :meth:`read`
    inflates an entry again from it (in chunks, with the same checks)."""

    path: Path
    kind: str
    blob: bytes
    infos: list[zipfile.ZipInfo]
    comment: bytes
    limits: ZipLimits

    @property
    def names(self) -> list[str]:
        return [i.filename for i in self.infos]

    def info(self, name: str) -> zipfile.ZipInfo:
        for i in self.infos:
            if i.filename == name:
                return i
        raise KeyError(name)

    def read(self, name: str) -> bytes:
        info = self.info(name)
        out = bytearray()
        for chunk in _inflate(self.path, io.BytesIO(self.blob), info, self.limits):
            out += chunk
        return bytes(out)

    def open_zip(self) -> zipfile.ZipFile:
        """The package as a ZipFile over the verified bytes (what python-docx is handed)."""
        return zipfile.ZipFile(io.BytesIO(self.blob))


def _bomb(p: Path, ja: str, en: str) -> FormatError:
    return FormatError(p, f"{ja}。zip 爆弾の疑いがあるため開きません", f"{en}; refusing a possible zip bomb")


def _corrupt(p: Path, detail: str) -> FormatError:
    return FormatError(p, f"ZIP 形式として壊れています（{detail}）", f"corrupt ZIP archive ({detail})")


def _inflate(p: Path, fh: io.BytesIO, info: zipfile.ZipInfo, limits: ZipLimits,
             budget: int | None = None) -> Iterator[bytes]:
    """The bytes of one entry, inflated in chunks of at most 64 KiB.

    Stops with :class:`FormatError` as soon as the entry has inflated more than its header
    declares, more than the per-entry limit, more than ``budget`` (what is left of the per-file
    limit), or more than ``max_ratio`` times its compressed size; and at the end unless it
    inflated to exactly the size and CRC its header declares.  Never holds more than one chunk."""
    name = info.filename
    if info.flag_bits & 0x1:
        raise FormatError(p, f"暗号化された ZIP エントリがあります（{name}）", f"encrypted ZIP entry ({name})")
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise _corrupt(p, f"{name}: 対応していない圧縮方式 {info.compress_type} / unsupported compression method")
    fh.seek(info.header_offset)
    head = fh.read(_LOCAL_HEADER.size)
    if len(head) != _LOCAL_HEADER.size:
        raise _corrupt(p, f"{name}: ローカルヘッダーがありません / local header missing")
    sig, _ver, _flags, _method, _t, _d, _crc, _csize, _usize, name_len, extra_len = _LOCAL_HEADER.unpack(head)
    if sig != b"PK\x03\x04":
        raise _corrupt(p, f"{name}: ローカルヘッダーが不正です / bad local header")
    fh.seek(name_len + extra_len, os.SEEK_CUR)
    left = info.compress_size
    limit = limits.max_entry_uncompressed if budget is None else min(limits.max_entry_uncompressed, budget)
    inflater = zlib.decompressobj(-15) if info.compress_type == zipfile.ZIP_DEFLATED else None
    produced = 0
    crc = 0
    pending = b""
    while True:
        if inflater is None:
            if left <= 0:
                break
            data = fh.read(min(_CHUNK, left))
            if not data:
                raise _corrupt(p, f"{name}: データが途中で切れています / truncated data")
            left -= len(data)
        else:
            if inflater.eof:
                break
            if pending:
                src = pending
            elif left > 0:
                src = fh.read(min(_CHUNK, left))
                if not src:
                    raise _corrupt(p, f"{name}: データが途中で切れています / truncated data")
                left -= len(src)
            else:
                src = b""  # input used up: what zlib still holds, if anything
            try:
                data = inflater.decompress(src, _CHUNK)
            except zlib.error as exc:
                raise _corrupt(p, f"{name}: {exc}") from exc
            pending = inflater.unconsumed_tail
            if not data and not pending and left <= 0:
                break  # nothing more will come (a stream that did not end is refused below)
        if not data:
            continue
        produced += len(data)
        if produced > info.file_size:
            raise _bomb(p, f"部品 {name} がヘッダーの宣言（{info.file_size} バイト）より大きく展開されます",
                        f"part {name} inflates to more than the {info.file_size} bytes its header declares")
        if produced > limit:
            if produced > limits.max_entry_uncompressed:
                raise _bomb(p, f"展開後のサイズが大きすぎる部品があります（{name}: {limits.max_entry_uncompressed} "
                               f"バイトを超えました。ヘッダーの宣言は {info.file_size} バイト）",
                            f"a part inflates beyond {limits.max_entry_uncompressed} bytes ({name}; its header "
                            f"declares {info.file_size})")
            raise _bomb(p, f"展開後の合計サイズが大きすぎます（上限 {limits.max_total_uncompressed} バイト）",
                        f"total inflated size too large (limit {limits.max_total_uncompressed} bytes)")
        if produced > limits.ratio_floor and produced > limits.max_ratio * max(info.compress_size, 1):
            ratio = produced / max(info.compress_size, 1)
            raise _bomb(p, f"圧縮率が異常です（{name}: {ratio:.0f} 倍以上）",
                        f"abnormal compression ratio ({name}: {ratio:.0f}x or more)")
        crc = zlib.crc32(data, crc)
        yield data
    if inflater is not None and not inflater.eof:
        raise _corrupt(p, f"{name}: 圧縮データが途中で切れています / truncated deflate stream")
    if produced != info.file_size:
        raise _corrupt(p, f"{name}: 展開後のサイズ {produced} バイトがヘッダーの宣言 {info.file_size} バイトと違います"
                          f" / inflates to {produced} bytes, its header declares {info.file_size}")
    if crc != info.CRC:
        raise _corrupt(p, f"{name}: CRC が一致しません / bad CRC-32")


def _content_types(p: Path, data: bytes, kind: str) -> dict[str, str]:
    """``[Content_Types].xml``: part name (``/word/document.xml``) or extension (``.xml``), lower
    case, to content type."""
    out: dict[str, str] = {}

    def start(tag: str, attrs: dict[str, str]) -> None:
        local = tag.rsplit(":", 1)[-1]
        ctype = attrs.get("ContentType", "")
        if local == "Default" and attrs.get("Extension"):
            out["." + attrs["Extension"].lower()] = ctype
        elif local == "Override" and attrs.get("PartName"):
            out[attrs["PartName"].lower()] = ctype

    parser = _xml_checker()
    parser.StartElementHandler = start
    try:
        parser.Parse(data, True)
    except _Forbidden as exc:
        raise _dtd_error(p, "[Content_Types].xml", exc.what, kind) from None
    except expat.ExpatError as exc:
        raise _xml_error(p, "[Content_Types].xml", exc, kind) from None
    return out


def read_package(path: str | os.PathLike[str], kind: str, limits: ZipLimits | None = None) -> Package:
    """Read and verify the OOXML package ``path`` of ``kind`` (``"Word"`` or ``"Excel"``).

    Raises :class:`FormatError` for a file that is not a regular file, an encrypted or legacy
    file, a file that is not a ZIP archive, a zip bomb (however its headers lie), a corrupt entry,
    or an XML part with a DTD or entity declaration.  Peak memory is the file plus one chunk."""
    p = Path(path)
    lim = limits if limits is not None else current_limits()
    blob = read_regular_file(p, lim.max_file_bytes)
    return _verify(p, kind, blob, lim, None)


def verify_package(path: str | os.PathLike[str], kind: str, xml_parts: Iterable[str] | None = None,
                   limits: ZipLimits | None = None) -> None:
    """Check that a package just written can be read back: every entry inflates to its declared
    size and CRC within the limits, and the XML parts named in ``xml_parts`` (all of them when
    ``None``) parse without a DTD.  Raises :class:`FormatError`."""
    p = Path(path)
    lim = limits if limits is not None else current_limits()
    blob = read_regular_file(p, lim.max_file_bytes)
    _verify(p, kind, blob, lim, None if xml_parts is None else set(xml_parts))


def _verify(p: Path, kind: str, blob: bytes, lim: ZipLimits, only_xml: set[str] | None) -> Package:
    head = blob[:8]
    if head.startswith(OLE2_SIGNATURE):
        raise FormatError(
            p,
            f"パスワードで保護（暗号化）された {kind} ファイルか、旧形式（.doc/.xls）のファイルです。"
            "パスワードを解除して新しい形式で保存し直してから実行してください",
            f"this is a password-protected (encrypted) {kind} file or a legacy .doc/.xls file "
            "(OLE2 compound file); remove the password and save it in the current format",
        )
    if not head.startswith(ZIP_SIGNATURES):
        raise FormatError(
            p,
            f"{kind} ファイルではありません（ZIP 形式ではありません）。ファイルが壊れているか、拡張子が内容と合っていません",
            f"not {'an' if kind[:1] in 'AEIOU' else 'a'} {kind} file (not a ZIP archive): the file is corrupt or its "
            "extension does not match its content",
        )
    try:
        with zipfile.ZipFile(io.BytesIO(blob)) as zf:
            infos = zf.infolist()
            comment = zf.comment
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError, RuntimeError,
            NotImplementedError, struct.error) as exc:
        raise _corrupt(p, str(exc)) from exc
    _check_declared(p, infos, lim)
    fh = io.BytesIO(blob)
    content_types: dict[str, str] = {}
    ct_info = next((i for i in infos if i.filename == "[Content_Types].xml"), None)
    total = 0
    tags = 0
    tag_limit = lim.xml_tags_for(kind)
    if ct_info is not None:
        data = b"".join(_inflate(p, fh, ct_info, lim, lim.max_total_uncompressed))
        content_types = _content_types(p, data, kind)
    for info in infos:
        if info.is_dir():
            continue
        feed: _XmlFeed | _MarkerScan | None = None
        if _is_xml_part(info.filename, content_types) and (only_xml is None or info.filename in only_xml):
            vml = info.filename.lower().endswith(".vml") or content_types.get(
                "/" + info.filename.lower(), "").endswith("vmlDrawing")
            feed = _MarkerScan(p, info.filename, kind) if vml else _XmlFeed(p, info.filename, kind)
        before = total
        for chunk in _inflate(p, fh, info, lim, lim.max_total_uncompressed - before):
            total += len(chunk)
            if feed is not None:
                feed.feed(chunk)
        if feed is not None:
            feed.feed(b"", True)
            tags += feed.tags
            if tags > tag_limit:
                raise _bomb(p, f"XML の要素が多すぎます（{tags} 個以上、上限 {tag_limit} 個）",
                            f"too much XML markup ({tags} tags or more, limit {tag_limit})")
    return Package(p, kind, blob, infos, comment, lim)


def _check_declared(p: Path, infos: list[zipfile.ZipInfo], limits: ZipLimits) -> None:
    """Refuse early what the headers themselves declare beyond the limits (the inflated bytes are
    counted again, whatever the headers say)."""
    if len(infos) > limits.max_entries:
        raise _bomb(p, f"ZIP のエントリ数が多すぎます（{len(infos)} 個、上限 {limits.max_entries} 個）",
                    f"too many ZIP entries ({len(infos)} > {limits.max_entries})")
    total = 0
    for info in infos:
        size = info.file_size
        total += size
        if size > limits.max_entry_uncompressed:
            raise _bomb(p, f"展開後のサイズが大きすぎる部品があります（{info.filename}: {size} バイト）",
                        f"a part is too large once inflated ({info.filename}: {size} bytes)")
        if size > limits.ratio_floor:
            ratio = size / max(info.compress_size, 1)
            if ratio > limits.max_ratio:
                raise _bomb(p, f"圧縮率が異常です（{info.filename}: {ratio:.0f} 倍）",
                            f"abnormal compression ratio ({info.filename}: {ratio:.0f}x)")
    if total > limits.max_total_uncompressed:
        raise _bomb(p, f"展開後の合計サイズが大きすぎます（{total} バイト、上限 {limits.max_total_uncompressed} バイト）",
                    f"total inflated size too large ({total} > {limits.max_total_uncompressed} bytes)")


def check_ooxml(path: str | os.PathLike[str], kind: str, limits: ZipLimits | None = None) -> list[str]:
    """Check that ``path`` is a safe OOXML package of ``kind``; return its member names
    (:func:`read_package` without keeping the package)."""
    return read_package(path, kind, limits).names


# --------------------------------------------------------------------------- writing


@contextlib.contextmanager
def _temp_beside(dest: Path) -> Iterator[Path]:
    fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".mnr-tmp", dir=str(dest.parent))
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def _copy_mode(src: Path | None, tmp: Path) -> None:
    if src is not None and src.exists():
        with contextlib.suppress(OSError):
            os.chmod(tmp, os.stat(src).st_mode & 0o7777)
    else:
        umask = os.umask(0)
        os.umask(umask)
        with contextlib.suppress(OSError):
            os.chmod(tmp, 0o666 & ~umask)


def _fsync(path: Path) -> None:
    try:
        with open(path, "rb+") as fh:  # Windows flushes only a handle open for writing
            os.fsync(fh.fileno())
    except PermissionError:
        with open(path, "rb") as fh:
            os.fsync(fh.fileno())


def atomic_save(dest: str | os.PathLike[str], writer: Callable[[Path], None],
                mode_from: str | os.PathLike[str] | None = None,
                verify: Callable[[Path], None] | None = None) -> None:
    """Call ``writer(tmp_path)``, then ``verify(tmp_path)``, and atomically move the result over
    ``dest``.

    The temporary file lives in ``dest``'s folder (so ``os.replace`` is a rename on the same
    file system).  If ``writer`` or ``verify`` raises, ``dest`` is untouched and the temporary file
    removed; ``verify`` raising anything but :class:`FormatError` is reported as a file that cannot
    be read back.  A read-only ``dest`` is refused.  The file mode is copied from ``mode_from``
    (the original) when given.
    """
    d = Path(dest)
    refuse_read_only(d)
    d.parent.mkdir(parents=True, exist_ok=True)
    with _temp_beside(d) as tmp:
        writer(tmp)
        _fsync(tmp)
        if verify is not None:
            try:
                verify(tmp)
            except Exception as exc:  # noqa: BLE001 - whatever fails, the original stays
                detail = f"{exc.reason_ja} / {exc.reason_en}" if isinstance(exc, FormatError) else f"{type(exc).__name__}: {exc}"
                raise FormatError(
                    d,
                    f"書き出したファイルを読み直せないため、置き換えませんでした（元のファイルはそのままです）: {detail}",
                    "the file written could not be read back, so the original was kept",
                ) from exc
        _copy_mode(Path(mode_from) if mode_from is not None else (d if d.exists() else None), tmp)
        os.replace(tmp, d)


def atomic_write_bytes(dest: str | os.PathLike[str], data: bytes,
                       mode_from: str | os.PathLike[str] | None = None,
                       verify: Callable[[bytes], None] | None = None) -> None:
    """Write ``data`` to ``dest`` atomically (see :func:`atomic_save`); the file is read back and
    must hold exactly ``data`` (and pass ``verify(data_read)`` when given)."""

    def _write(tmp: Path) -> None:
        with open(tmp, "wb") as fh:
            fh.write(data)

    def _check(tmp: Path) -> None:
        back = tmp.read_bytes()
        if back != data:
            raise OSError("the bytes read back differ from the bytes written")
        if verify is not None:
            verify(back)

    atomic_save(dest, _write, mode_from=mode_from, verify=_check)

"""Safety guards for reading and writing user files.

* :func:`atomic_write_bytes` / :func:`atomic_save` write to a temporary file in the destination's
  folder and ``os.replace`` it over the destination, so that a reader never sees a half-written
  file and a crash leaves the original untouched.
* :func:`check_ooxml` inspects a .docx/.xlsx/.xlsm before python-docx or the Excel reader opens it: the
  file must be a ZIP archive (an OLE2 compound file means a password-protected workbook or a
  legacy .doc/.xls), the archive must stay within :class:`ZipLimits` (zip bombs), and no XML part
  may carry a DTD (entity expansion, "billion laughs").

Every problem is raised as :class:`FormatError`, whose message is Japanese first with English
after and names the file.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "FormatError",
    "ZipLimits",
    "DEFAULT_LIMITS",
    "OLE2_SIGNATURE",
    "check_ooxml",
    "atomic_write_bytes",
    "atomic_save",
]

OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")


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
    """Limits on an OOXML archive, checked on the central directory before opening it.

    ``zipfile`` never yields more than an entry's declared size, so the declared sizes bound what
    python-docx and the Excel reader can inflate.  ``max_ratio`` applies to entries larger than
    ``ratio_floor`` bytes (small XML parts may compress very well and are harmless).
    """

    max_total_uncompressed: int = 512 * 1024 * 1024
    max_entry_uncompressed: int = 256 * 1024 * 1024
    max_entries: int = 10_000
    max_ratio: float = 200.0
    ratio_floor: int = 4 * 1024 * 1024


DEFAULT_LIMITS = ZipLimits()

_DTD_MARKERS = tuple(
    marker.encode(enc)
    for marker in ("<!DOCTYPE", "<!ENTITY")
    for enc in ("utf-8", "utf-16-le", "utf-16-be")
)


def _head(path: Path, n: int = 8) -> bytes:
    with open(path, "rb") as fh:
        return fh.read(n)


def check_ooxml(path: str | os.PathLike[str], kind: str, limits: ZipLimits = DEFAULT_LIMITS) -> list[str]:
    """Check that ``path`` is a safe OOXML package of ``kind`` (``"Word"`` or ``"Excel"``).

    Returns the archive's member names.  Raises :class:`FormatError` for an encrypted or legacy
    file, a file that is not a ZIP archive, a zip bomb, or an XML part with a DTD.
    """
    p = Path(path)
    try:
        head = _head(p)
    except OSError as exc:
        raise FormatError(p, f"ファイルを読めません（{exc.strerror}）", f"cannot read the file ({exc})") from exc
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
            f"not a {kind} file (not a ZIP archive): the file is corrupt or its extension does not match its content",
        )
    try:
        with zipfile.ZipFile(p) as zf:
            infos = zf.infolist()
            _check_limits(p, infos, limits)
            for info in infos:
                name = info.filename.lower()
                if name.endswith((".xml", ".rels", ".vml")):
                    _check_no_dtd(p, info.filename, _prolog(zf, info))
            return [i.filename for i in infos]
    except FormatError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError, RuntimeError,
            NotImplementedError) as exc:
        raise FormatError(
            p,
            f"ZIP 形式として壊れています（{exc}）",
            f"corrupt ZIP archive ({exc})",
        ) from exc


def _check_limits(p: Path, infos: list[zipfile.ZipInfo], limits: ZipLimits) -> None:
    if len(infos) > limits.max_entries:
        raise FormatError(
            p,
            f"ZIP のエントリ数が多すぎます（{len(infos)} 個、上限 {limits.max_entries} 個）。zip 爆弾の疑いがあるため開きません",
            f"too many ZIP entries ({len(infos)} > {limits.max_entries}); refusing a possible zip bomb",
        )
    total = 0
    for info in infos:
        size = info.file_size
        total += size
        if size > limits.max_entry_uncompressed:
            raise FormatError(
                p,
                f"展開後のサイズが大きすぎる部品があります（{info.filename}: {size} バイト）。zip 爆弾の疑いがあるため開きません",
                f"a part is too large once inflated ({info.filename}: {size} bytes); refusing a possible zip bomb",
            )
        if size > limits.ratio_floor:
            ratio = size / max(info.compress_size, 1)
            if ratio > limits.max_ratio:
                raise FormatError(
                    p,
                    f"圧縮率が異常です（{info.filename}: {ratio:.0f} 倍）。zip 爆弾の疑いがあるため開きません",
                    f"abnormal compression ratio ({info.filename}: {ratio:.0f}x); refusing a possible zip bomb",
                )
    if total > limits.max_total_uncompressed:
        raise FormatError(
            p,
            f"展開後の合計サイズが大きすぎます（{total} バイト、上限 {limits.max_total_uncompressed} バイト）。zip 爆弾の疑いがあるため開きません",
            f"total inflated size too large ({total} > {limits.max_total_uncompressed} bytes); refusing a possible zip bomb",
        )


_ROOT_START = re.compile(rb"<[A-Za-z_]")


def _prolog(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int = 64 * 1024) -> bytes:
    """The bytes of a part up to its root element: a DTD can only stand before it.

    Reads (inflates) only the head of the part.  For UTF-16 parts, or a prolog longer than
    ``limit``, the whole part is returned.
    """
    with zf.open(info) as fh:
        buf = fh.read(4096)
        if buf[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in buf[:4]:
            return buf + fh.read()
        while True:
            m = _ROOT_START.search(buf)
            if m is not None:
                return buf[: m.start()]
            if len(buf) >= limit:
                return buf + fh.read()
            chunk = fh.read(4096)
            if not chunk:
                return buf
            buf += chunk


def _check_no_dtd(p: Path, member: str, data: bytes) -> None:
    """OOXML parts never declare a DTD; one that does may expand entities without bound."""
    if not any(marker in data for marker in _DTD_MARKERS):
        return
    import defusedxml
    import defusedxml.ElementTree as DET

    detail = "DTD"
    try:
        DET.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except defusedxml.DTDForbidden:
        detail = "DTD"
    except defusedxml.EntitiesForbidden:
        detail = "ENTITY"
    except Exception:  # noqa: BLE001 - a malformed part with a DTD marker is refused all the same
        detail = "DTD"
    raise FormatError(
        p,
        f"XML 部品 {member} に {detail} 宣言があります（エンティティ展開攻撃の疑い）。開きません",
        f"XML part {member} declares a {detail} (possible entity-expansion attack); refusing to open it",
    )


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


def atomic_save(dest: str | os.PathLike[str], writer: Callable[[Path], None],
                mode_from: str | os.PathLike[str] | None = None) -> None:
    """Call ``writer(tmp_path)`` and atomically move the result over ``dest``.

    The temporary file lives in ``dest``'s folder (so ``os.replace`` is a rename on the same
    file system).  If ``writer`` raises, ``dest`` is untouched and the temporary file removed.
    The file mode is copied from ``mode_from`` (the original) when given.
    """
    d = Path(dest)
    d.parent.mkdir(parents=True, exist_ok=True)
    with _temp_beside(d) as tmp:
        writer(tmp)
        _copy_mode(Path(mode_from) if mode_from is not None else (d if d.exists() else None), tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, d)


def atomic_write_bytes(dest: str | os.PathLike[str], data: bytes,
                       mode_from: str | os.PathLike[str] | None = None) -> None:
    """Write ``data`` to ``dest`` atomically (see :func:`atomic_save`)."""

    def _write(tmp: Path) -> None:
        with open(tmp, "wb") as fh:
            fh.write(data)

    atomic_save(dest, _write, mode_from=mode_from)

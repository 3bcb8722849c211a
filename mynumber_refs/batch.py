"""Batch rewrite of files and folders: ``mynumber-refs rewrite PATH...``.

Walks the given files and folders (recursively, never following a symbolic link out of a given
folder), opens each supported file (see :mod:`mynumber_refs.formats`), rewrites it in memory and
then, depending on the options:

* by default does a dry run: prints per file the edits and findings and a summary, writes
  nothing (except ``--report`` and ``--changes``);
* ``--in-place`` replaces each changed file atomically, keeping the original beside it
  (``--backup-suffix``, default ``.bak``; ``--no-backup``);
* ``--output-dir DIR`` writes every processed file into ``DIR``, mirroring the tree.

``--jobs N`` processes files in N processes (this one and N-1 workers); the output order is the
same as with one.
The grammar, the mappings and the libraries the files need are loaded once, before the workers
start (they inherit them, or load them first thing where processes are spawned); a batch of a
few small files (see :data:`PARALLEL_MIN_FILES`) is processed in this process alone, where
workers would cost more than they save.  Exit status: 0 done, 1 ``--check`` found something to
change, 2 some file failed (the others were still processed).

The rewrite function is injectable (``run_files(..., rewrite_fn=...)``); by default it is
:func:`mynumber_refs.rewriter.rewrite`.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import datetime as _dt
import difflib
import fnmatch
import functools
import gc
import json
import os
import shutil
import stat
import sys
import time
from collections.abc import Callable, Generator, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from ._gc import collector_paused
from .formats import (
    EXTENSIONS,
    LEGACY_MESSAGE,
    EditRecord,
    FindingRecord,
    FormatError,
    apply_edits_to_text,
    format_of,
    is_legacy,
    open_document,
    rewrite_document,
)
from .formats.safety import refuse_read_only

if TYPE_CHECKING:  # pragma: no cover
    from concurrent.futures import Future

__all__ = ["add_file_arguments", "add_review_arguments", "run_files", "FileOutcome", "collect_files",
           "drop_own_backups", "process_file", "Task"]

FORMAT_LABELS = {"text": "テキスト", "docx": "Word", "xlsx": "Excel"}
PROGRESS_MIN_FILES = 10
PARALLEL_MIN_FILES = 6
PARALLEL_MIN_BYTES = 4 * 1024 * 1024
"""``--jobs`` starts workers only for at least :data:`PARALLEL_MIN_FILES` files, or for fewer
that hold at least :data:`PARALLEL_MIN_BYTES` together: for a few small files, starting workers
costs more than it saves, so they are processed in this process."""


# --------------------------------------------------------------------------- arguments


def _date_arg(s: str) -> _dt.date:
    from .report import parse_date

    try:
        return parse_date(s)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _jobs_arg(s: str) -> int:
    try:
        n = int(s)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"整数で指定してください / not an integer: {s}") from exc
    if n < 0:
        raise argparse.ArgumentTypeError(f"0 以上で指定してください / must be 0 or more: {s}")
    return n


def add_file_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the options for files and folders (not the rewrite options, which the CLI owns)."""
    g = parser.add_argument_group("ファイル・フォルダの一括処理 / files and folders")
    g.add_argument("--glob", action="append", default=None, metavar="PATTERN",
                   help="フォルダ内で対象にするファイル名のパターン（複数可。例: '*.docx'） / "
                        "only files in folders whose name or relative path matches (repeatable)")
    g.add_argument("--in-place", action="store_true",
                   help="ファイルを直接書き換える（元のファイルはバックアップとして残す） / rewrite the files in place")
    g.add_argument("--backup-suffix", default=".bak", metavar="SUFFIX",
                   help="バックアップの接尾辞（既定 .bak） / suffix of the backup copy (default .bak)")
    g.add_argument("--no-backup", action="store_true",
                   help="--in-place でバックアップを作らない / no backup copy with --in-place")
    g.add_argument("--output-dir", metavar="DIR",
                   help="書き換えたファイルを DIR に同じフォルダ構成で書き出す / write rewritten copies to DIR, mirroring the tree")
    g.add_argument("--report", metavar="FILE.json",
                   help="すべての変更と要確認事項を JSON で書き出す / write every edit and finding as JSON")
    g.add_argument("--changes", metavar="FILE.csv|FILE.xlsx|FILE.docx", action="append",
                   help="変更箇所表（別添２の形式）を CSV・Excel・Word で書き出す（何度でも指定できます） / write the 変更箇所 table"
                        " (may be given more than once)")
    g.add_argument("--date", type=_date_arg, default=None, metavar="DATE",
                   help="変更箇所表の変更日（既定は今日。例: 2024-05-27 / 令和6年5月27日） / change date (default today)")
    g.add_argument("--jobs", type=_jobs_arg, default=1, metavar="N",
                   help="並列に処理するプロセス数（0 は CPU 数） / parallel processes (0: one per CPU)")
    add_review_arguments(g)


def add_review_arguments(g: Any) -> None:
    """The options for reviewing the result: tracked changes, and how much to print."""
    g.add_argument("--track-changes", action="store_true",
                   help="Word は変更履歴（校閲）として書き換え、Excel は変更前の文字をセルのコメントに残す"
                        " / write Word edits as tracked changes; give changed Excel cells a comment with the old text")
    g.add_argument("-v", "--verbose", action="store_true",
                   help="変更ごとに根拠（対応表の行）も表示する / also print the evidence of every change")


# --------------------------------------------------------------------------- collecting


@dataclass(frozen=True)
class Task:
    """One file to process.  ``display`` is the path as shown; ``rel`` its path under the
    folder it was found in (or its name), used for ``--output-dir`` and the 変更箇所 table."""

    path: str
    display: str
    rel: str


@dataclass
class FileOutcome:
    """What happened to one file (plain data: it crosses process boundaries)."""

    path: str
    name: str
    format: str | None
    status: str  # changed | unchanged | failed | skipped
    encoding: str | None = None
    error: str | None = None
    notes: list[str] = field(default_factory=list)
    edits: list[EditRecord] = field(default_factory=list)
    findings: list[FindingRecord] = field(default_factory=list)
    output: str | None = None
    backup: str | None = None
    diff: str | None = None

    def to_json(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        if d["diff"] is None:
            del d["diff"]
        return d


def _inside(path: str, root: str) -> bool:
    try:
        return os.path.commonpath([path, root]) == root
    except ValueError:
        return False


def _matches(rel: str, globs: list[str] | None) -> bool:
    if not globs:
        return True
    name = rel.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatch(name, g) or fnmatch.fnmatch(rel, g) for g in globs)


def _not_regular(path: str) -> tuple[str, str] | None:
    """Why ``path`` is no file to read (Japanese, English), or ``None`` for a regular file (or a
    link to one)."""
    from .formats.safety import describe_mode

    try:
        st = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            return "リンク先が存在しないシンボリックリンクの", "a symbolic link whose target does not exist"
        return "見つからない", "no such file"
    except OSError as exc:
        return f"状態を確認できない（{exc.strerror}）", f"cannot stat ({exc.strerror})"
    if stat.S_ISREG(st.st_mode):
        return None
    ja, en = describe_mode(st.st_mode)
    return f"通常のファイルではない（{ja}）", f"not a regular file ({en})"


def collect_files(paths: Iterable[str], globs: list[str] | None = None,
                  exclude: Iterable[str] = ()) -> list[Task | FileOutcome]:
    """Expand files and folders, in order (each folder's files sorted, then its subfolders),
    into tasks (deduplicated by real path) and, in their place, outcomes for what is skipped or
    missing.

    Only regular files are collected: a FIFO, a device or a socket is skipped with a message
    (reading a FIFO would wait for ever), and so is a symbolic link whose target does not exist.
    Symbolic links: a linked folder is never entered (its target, when inside the folder, is
    walked in its own place); a linked file is processed (as its target) only when its target is
    inside the folder given.  A path given by name that is not a regular file or folder fails.
    ``exclude`` lists folders not to enter (the output folder) and files not to read (this run's
    report and 変更箇所 table).
    """
    entries: list[Task | FileOutcome] = []
    seen: set[str] = set()
    excluded = {os.path.realpath(e) for e in exclude}

    def add(real: str, display: str, rel: str) -> None:
        if real in seen:
            return
        seen.add(real)
        if os.path.basename(display).startswith("~$"):
            entries.append(FileOutcome(display, rel, None, "skipped", notes=[
                "Word・Excel が文書を開いている間の所有者ファイル（~$）のためスキップしました / "
                "owner file Word or Excel keeps while a document is open: skipped"]))
            return
        if format_of(real) is None and format_of(display) is None and (is_legacy(display) or is_legacy(real)):
            entries.append(FileOutcome(display, rel, None, "failed", error=f"{display}: {LEGACY_MESSAGE[0]} / {LEGACY_MESSAGE[1]}"))
            return
        if format_of(real) is None and format_of(display) is None:
            entries.append(FileOutcome(display, rel, None, "skipped", notes=[
                f"対応していない形式のためスキップしました（対応: {' '.join(sorted(EXTENSIONS))}） / "
                "skipped: unsupported format"]))
            return
        entries.append(Task(real, display, rel))

    for arg in paths:
        if os.path.isdir(arg):
            root = os.path.realpath(arg)
            for dirpath, dirnames, filenames in os.walk(arg, followlinks=False):
                dirnames.sort()
                keep = []
                for d in dirnames:
                    full = os.path.join(dirpath, d)
                    real = os.path.realpath(full)
                    if real in excluded:
                        continue
                    if os.path.islink(full):
                        if not _inside(real, root):
                            rel = os.path.relpath(full, arg).replace(os.sep, "/")
                            entries.append(FileOutcome(full, rel, None, "skipped", notes=[
                                "フォルダ外を指すシンボリックリンクのため辿りません / symlink out of the folder: not followed"]))
                        continue
                    keep.append(d)
                dirnames[:] = keep
                for fname in sorted(filenames):
                    full = os.path.join(dirpath, fname)
                    rel = os.path.relpath(full, arg).replace(os.sep, "/")
                    if not _matches(rel, globs):
                        continue
                    if fname.startswith(".") and fname.endswith(".mnr-tmp"):
                        continue  # our own temporary file
                    real = os.path.realpath(full)
                    if real in excluded:
                        continue
                    if os.path.islink(full) and os.path.exists(full) and not _inside(real, root):
                        entries.append(FileOutcome(full, rel, None, "skipped", notes=[
                            "フォルダ外を指すシンボリックリンクのため処理しません / symlink out of the folder: skipped"]))
                        continue
                    irregular = _not_regular(full)
                    if irregular is not None:
                        entries.append(FileOutcome(full, rel, None, "skipped", notes=[
                            f"{irregular[0]}ためスキップしました / {irregular[1]}: skipped"]))
                        continue
                    add(real, full, rel)
        elif os.path.isfile(arg):
            add(os.path.realpath(arg), arg, os.path.basename(arg))
        elif os.path.lexists(arg):
            irregular = _not_regular(arg) or ("通常のファイルではない", "not a regular file")
            entries.append(FileOutcome(arg, os.path.basename(arg), format_of(arg), "failed",
                                       error=f"{arg}: {irregular[0]}ため処理できません / {irregular[1]}: not processed"))
        else:
            entries.append(FileOutcome(arg, os.path.basename(arg), format_of(arg), "failed",
                                        error=f"{arg}: ファイルが見つかりません / no such file or folder"))
    return entries


def drop_own_backups(entries: list[Task | FileOutcome], suffix: str = ".bak") -> list[Task | FileOutcome]:
    """``entries`` without the backups this tool made (``評価書.docx.bak``, ``評価書.docx.bak.1``
    beside the file, with ``suffix`` or the default ``.bak``): they are left out silently instead of
    being listed as files of an unsupported format."""
    suffixes = {suffix, ".bak"}

    def own(e: Task | FileOutcome) -> bool:
        if not isinstance(e, FileOutcome) or e.status != "skipped" or e.format is not None:
            return False
        name = e.path
        head, dot, tail = name.rpartition(".")
        if dot and tail.isdigit():
            name = head
        return any(name.endswith(x) and format_of(name[: -len(x)]) is not None for x in suffixes if x)

    return [e for e in entries if not own(e)]


# --------------------------------------------------------------------------- processing


@dataclass(frozen=True)
class _Options:
    mode: str  # dry | in-place | output-dir
    rewrite_kwargs: dict[str, Any]
    mapping_paths: tuple[str, ...]
    backup_suffix: str | None
    output_dir: str | None
    diff: bool
    track_changes: bool = False


_MAPPINGS_CACHE: dict[tuple[str, ...], Any] = {}


def _bound_rewrite(rewrite_fn: Callable[..., Any] | None, opts: _Options) -> functools.partial[Any]:
    if rewrite_fn is None:
        from .rewriter import rewrite

        rewrite_fn = rewrite
    kwargs = dict(opts.rewrite_kwargs)
    if opts.mapping_paths:
        if opts.mapping_paths not in _MAPPINGS_CACHE:
            from .mappings import load_mappings

            _MAPPINGS_CACHE[opts.mapping_paths] = load_mappings(extra=list(opts.mapping_paths))
        kwargs["mappings"] = _MAPPINGS_CACHE[opts.mapping_paths]
    return functools.partial(rewrite_fn, **kwargs)


def _worth_workers(jobs: int, tasks: list[Task]) -> bool:
    """Whether ``jobs`` worker processes would finish ``tasks`` sooner than this process alone."""
    if jobs <= 1 or len(tasks) < 2:
        return False
    if len(tasks) >= PARALLEL_MIN_FILES:
        return True
    size = 0
    for t in tasks:
        with contextlib.suppress(OSError):
            size += os.stat(t.path).st_size
    return size >= PARALLEL_MIN_BYTES


_WARM_TEXT = (
    "番号利用法第9条第1項別表第一の16の項及び番号法別表第二の27の項に基づく。\n"
    "別表第一の１、２及び３の項、別表第二の1の項から5の項まで、番号利用法第19条第8号 別表第二（項番：１、２）\n\n"
    "行政手続における特定の個人を識別するための番号の利用等に関する法律（以下「法」という。）"
    "法別表第一の三十六の二の項、同法第19条第8号に基づく主務省令第２条の表の３の項\n"
)
"""A short text of the common forms, rewritten once by :func:`_warm` (its result is not used)."""
_warmed = False


def _warm(opts: _Options, default_engine: bool, formats: frozenset[str]) -> None:
    """Load what every file will need: the grammar and the mappings (from their cache), the
    user's mapping files, and the Word and Excel libraries when such files are in the batch; and
    rewrite a short sample (:data:`_WARM_TEXT`), which makes what the first parse makes."""
    if default_engine:
        from .mappings import default_mappings
        from .parse import get_parser
        from .rewriter import rewrite as _rewrite  # noqa: F401 - imported to be inherited

        get_parser()
        default_mappings()
        fn = _bound_rewrite(None, opts)
        # the lexer's scanners and the patterns compiled on first use are made at the first parse:
        # made here, before the workers fork, they are made once (about 25 patterns, 20-40 ms)
        with contextlib.suppress(Exception):  # (a failure would be the first file's, and reported there)
            fn(_WARM_TEXT)
    import importlib

    for fmt in formats:
        importlib.import_module(f"{__package__}.formats.{fmt}")
    if "docx" in formats:
        import docx  # noqa: F401
    if formats & {"docx", "xlsx"}:
        import lxml.etree  # noqa: F401
    global _warmed
    _warmed = True


def _init_worker(opts: _Options, default_engine: bool, formats: frozenset[str]) -> None:
    """The first thing a worker does: nothing when it was forked from this process, which
    :func:`_in_parallel` warmed for the batch just before."""
    if not _warmed:
        _warm(opts, default_engine, formats)


def _in_parallel(tasks: list[Task], opts: _Options, rewrite_fn: Callable[..., Any] | None,
                 jobs: int) -> Generator[FileOutcome, None, None]:
    """The outcomes of ``tasks``, in their order, from ``jobs`` processes: this one and ``jobs - 1``
    workers.

    This process loads what the files need first (:func:`_warm`), so that the workers, forked from
    it, start warm (spawned workers load it first thing).  The workers take the files from the
    front; while the next outcome in order is not ready, this process takes a file not yet started
    from the back and processes it itself (it is warm already, and would otherwise only wait).
    Closing the generator cancels the files not started; those in progress finish."""
    from concurrent.futures import ProcessPoolExecutor

    formats = frozenset(f for f in (format_of(t.path) or format_of(t.display) for t in tasks) if f)
    setup = (opts, rewrite_fn is None, formats)
    _warm(*setup)
    # what the warm-up made is kept by both processes and never freed: moved out of the collector's reach, the worker's
    # collections do not write into those objects, so their pages stay shared with this process (copy-on-write)
    gc.freeze()
    pool = ProcessPoolExecutor(max_workers=max(1, min(jobs - 1, len(tasks))), initializer=_init_worker,
                               initargs=setup)
    done_here: dict[int, FileOutcome] = {}
    try:
        futures = [pool.submit(process_file, t, opts, rewrite_fn) for t in tasks]
        last = len(tasks) - 1  # the back: files this process may still take
        for i, t in enumerate(tasks):
            while i not in done_here and not futures[i].done() and last > i:
                if futures[last].cancel():  # not started by a worker: this process does it
                    done_here[last] = process_file(tasks[last], opts, rewrite_fn)
                last -= 1
            yield done_here.pop(i) if i in done_here else _worker_outcome(t, futures[i])
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        gc.unfreeze()


def _worker_outcome(t: Task, fut: Future[FileOutcome]) -> FileOutcome:
    try:
        return fut.result()
    except Exception as exc:  # noqa: BLE001 - a worker that died
        return FileOutcome(t.display, t.rel, format_of(t.path), "failed",
                           error=f"{t.display}: 処理中にエラーが起きました（{type(exc).__name__}: {exc}）"
                                 " / worker failed")


def _identity(path: str) -> tuple[int, ...] | None:
    """What tells that the file at ``path`` was replaced or written to: its device, inode, size and
    modification time (None when it cannot be read)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns


def _other_names(path: str) -> int:
    """How many other names (hard links) the file at ``path`` has.  A file is replaced atomically by
    a new file under the one name given, so its other names keep the old content: that is said."""
    try:
        return max(os.stat(path).st_nlink - 1, 0)
    except OSError:
        return 0


def _backup_path(path: str, suffix: str) -> str:
    candidate = path + suffix
    n = 1
    while os.path.lexists(candidate):
        candidate = f"{path}{suffix}.{n}"
        n += 1
    return candidate


def _copy_atomic(src: str, dest: str) -> None:
    from .formats.safety import atomic_save

    def _write(tmp: Path) -> None:
        shutil.copyfile(src, tmp)
        shutil.copystat(src, tmp)

    atomic_save(dest, _write, mode_from=src)


def _diff(doc: Any, display: str, edits: list[EditRecord]) -> str:
    by_unit: dict[int, list[EditRecord]] = {}
    for e in edits:
        by_unit.setdefault(e.unit, []).append(e)
    units = doc.units
    out: list[str] = []
    for index, unit_edits in by_unit.items():
        unit = units[index]
        new = apply_edits_to_text(unit.text, unit_edits)
        where = display if doc.format == "text" else f"{display} [{unit.location.label}]"
        out.extend(difflib.unified_diff(unit.text.splitlines(keepends=True), new.splitlines(keepends=True),
                                        fromfile=f"a/{where}", tofile=f"b/{where}"))
    return "".join(line if line.endswith("\n") else line + "\n" for line in out)


def _track_changes(doc: Any) -> None:
    """Put ``doc`` in review mode when its format has one (Word: tracked changes; Excel: a comment
    with the old text on every changed cell); a text file has none."""
    track = getattr(doc, "track_changes", None)
    if callable(track):
        track()


def process_file(task: Task, opts: _Options, rewrite_fn: Callable[..., Any] | None = None) -> FileOutcome:
    """Open, rewrite and (depending on ``opts.mode``) write one file (:func:`_process_file`), then
    free what the file left in reference cycles.

    A Word file's package is a web of cycles (python-docx's parts, relationships and package
    refer to each other) that holds the parsed XML, 4–5 MB for a draft; left to the collector's
    rare full passes, each Word file of a batch took fresh memory, about 1,100 new pages to fault
    in (7 µs each here, and more when two processes do it at once).  The collector is paused while
    the file is processed, so that its objects stay in the youngest generation (a pass in between
    would move them to an older one, out of reach of a cheap collection), and the young
    generations are collected when it is done, which frees them for the next file."""
    try:
        with collector_paused():
            return _process_file(task, opts, rewrite_fn)
    finally:
        gc.collect(1)


def _process_file(task: Task, opts: _Options, rewrite_fn: Callable[..., Any] | None = None) -> FileOutcome:
    """Open, rewrite and (depending on ``opts.mode``) write one file.  Never raises: errors are
    returned as a ``failed`` outcome, and nothing is written when the rewrite raised."""
    fmt = format_of(task.path) or format_of(task.display)
    out = FileOutcome(task.display, task.rel, fmt, "unchanged")
    as_read = _identity(task.path)  # (taken before reading: a change while it is read counts too)
    try:
        doc = open_document(task.path)
    except FormatError as exc:
        out.status, out.error = "failed", f"{task.display}: {exc.reason_ja} / {exc.reason_en}"
        return out
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the batch
        out.status = "failed"
        out.error = f"{task.display}: 読み込みに失敗しました（{type(exc).__name__}: {exc}） / failed to read"
        return out
    out.encoding = doc.encoding
    if opts.track_changes:
        _track_changes(doc)
    try:
        fn = _bound_rewrite(rewrite_fn, opts)
        # (the same with the act assumed, for a table cell whose cell to the left names the act)
        assumed = None if fn.keywords.get("assume_law") else functools.partial(fn, assume_law=True)
        edits, findings = rewrite_document(doc, fn, assumed_fn=assumed)
    except Exception as exc:  # noqa: BLE001
        out.notes.extend(doc.notes)
        out.status = "failed"
        out.error = (f"{task.display}: 書き換え中にエラーが起きたため、このファイルは書き込んでいません"
                     f"（{type(exc).__name__}: {exc}） / rewrite failed, file not written")
        return out
    out.notes.extend(doc.notes)  # what the document noted on opening and while rewriting (furigana dropped …)
    out.edits, out.findings = edits, findings
    out.status = "changed" if doc.changed else "unchanged"
    refusal = getattr(doc, "write_refusal", None)
    refused = refusal() if opts.mode == "dry" and doc.changed and callable(refusal) else None
    if refused is not None:  # (a dry run, --check, a report: said first, before the edits it lists)
        out.notes.insert(0, f"この変更は書き込めません（--in-place・--output-dir でも書き込みを拒否します）：{refused.reason_ja}"
                            f" / these changes cannot be written (--in-place and --output-dir refuse to): {refused.reason_en}")
    if opts.diff and edits:
        out.diff = _diff(doc, task.display, edits)
    try:
        if opts.mode == "in-place" and doc.changed:
            refuse_read_only(task.path)  # before any backup is made
            if _identity(task.path) != as_read:
                raise FormatError(task.path, "処理中にファイルが変更されたため書き換えていません（元のファイルはそのままです）",
                                  "the file changed while it was processed; not rewritten (the file is untouched)")
            if opts.backup_suffix is not None:
                out.backup = _backup_path(task.path, opts.backup_suffix)
                _copy_atomic(task.path, out.backup)
            links = _other_names(task.path)
            doc.save(Path(task.path))
            out.output = task.path
            if links:
                out.notes.append(
                    f"このファイルには他に {links} 個の名前（ハードリンク）があります。この名前だけを書き換え、他の名前は元の内容のままです"
                    f" / hard-linked file: only this name was rewritten, its {links} other name(s) keep the old content")
        elif opts.mode == "output-dir" and opts.output_dir is not None:
            dest = os.path.join(opts.output_dir, *task.rel.split("/"))
            if doc.changed:
                doc.save(Path(dest))
            else:
                _copy_atomic(task.path, dest)
            out.output = dest
    except Exception as exc:  # noqa: BLE001
        out.status, out.output = "failed", None
        if isinstance(exc, FormatError):
            out.error = f"{task.display}: {exc.reason_ja} / {exc.reason_en}"
        else:
            out.error = (f"{task.display}: 保存に失敗しました。元のファイルは変更していません"
                         f"（{type(exc).__name__}: {exc}） / saving failed, the original is untouched")
        if out.backup is not None:  # the copy made just now is not needed: the original is intact
            with contextlib.suppress(OSError):
                os.unlink(out.backup)
            out.backup = None
    return out


# --------------------------------------------------------------------------- output


class _Progress:
    """A one-line progress bar on standard error (only when it is a terminal)."""

    def __init__(self, total: int, stream: TextIO, enabled: bool) -> None:
        self.total, self.stream, self.enabled = total, stream, enabled
        self.done = 0
        self.last = 0.0

    def step(self) -> None:
        self.done += 1
        if not self.enabled:
            return
        now = time.monotonic()
        if self.done < self.total and now - self.last < 0.1:
            return
        self.last = now
        width = 30
        filled = width * self.done // max(self.total, 1)
        self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total}")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r" + " " * 50 + "\r")
            self.stream.flush()


def _short(s: str, limit: int = 80) -> str:
    s = s.replace("\r", "").replace("\n", "⏎")
    return s if len(s) <= limit else s[: limit - 1] + "…"


def _groups(edits: list[EditRecord]) -> list[list[EditRecord]]:
    """Consecutive edits of the same citation (same unit and citation span)."""
    groups: list[list[EditRecord]] = []
    for e in edits:
        if groups and (groups[-1][0].unit, groups[-1][0].citation_start) == (e.unit, e.citation_start) \
                and e.citation_start != -1:
            groups[-1].append(e)
        else:
            groups.append([e])
    return groups


def _locator(outcomes: Sequence[FileOutcome]) -> Callable[[str], int | None] | None:
    """Where a text is in the one file whose changes the 変更箇所 table gets (the file as it now is: rewritten, or as
    it was in a dry run), as an offset that follows the document's order; ``None`` when the rows come from several
    files (an earlier row names no file to look in).  The file is read on the first call."""
    done = [o for o in outcomes if o.status != "failed" and o.edits]
    if len(done) != 1:
        return None
    path = done[0].output or done[0].path
    text: list[str] = []

    def locate(needle: str) -> int | None:
        if not text:
            from .formats import open_document

            try:
                units = open_document(path).units
            except Exception:  # noqa: BLE001 - the rows then follow the earlier ones
                units = []
            text.append("\x00".join(u.text for u in units).replace("\r\n", "\n").replace("\r", "\n"))
        at = text[0].find(needle)
        return at if at >= 0 else None

    return locate


def _count(n: int, word: str) -> str:
    """「1 change」, 「2 changes」 (the English after a slash)."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _print_outcome(o: FileOutcome, stream: TextIO, verbose: bool = False) -> None:
    label = FORMAT_LABELS.get(o.format or "", o.format or "?")
    if o.status == "skipped":
        for n in o.notes:
            stream.write(f"－ {o.path}: {n}\n")
        return
    if o.status == "failed":
        stream.write(f"✗ {o.error}\n")
        return
    enc = f", {o.encoding}" if o.encoding else ""
    head = "✓" if o.status == "unchanged" else "●"
    n_changes = len(_groups(o.edits))
    stream.write(f"{head} {o.path} ({label}{enc}): 変更 {n_changes} 箇所・要確認 {len(o.findings)} 件"
                 f" / {_count(n_changes, 'change')}, {_count(len(o.findings), 'finding')}\n")
    for n in o.notes:
        stream.write(f"    注意 note: {n}\n")
    for group in _groups(o.edits):
        first = group[0]
        stream.write(f"    {first.location}: 「{_short(first.citation_before)}」→「{_short(first.citation_after)}」\n")
        evidence: list[str] = []
        for e in group:
            evidence.extend(x for x in e.evidence if x not in evidence)
        if evidence and verbose:
            for line in evidence:
                stream.write(f"        根拠 evidence: {line}\n")
    for f in o.findings:
        stream.write(f"    要確認 [{f.reason}] {f.location}: 「{_short(f.text)}」 {f.message}\n")
        if f.proposed:
            stream.write(f"        候補 proposed: 「{_short(f.proposed)}」\n")
    if o.output and o.status == "changed":
        extra = f"（バックアップ backup: {o.backup}）" if o.backup else ""
        stream.write(f"    書き込み written: {o.output}{extra}\n")
    if o.diff:
        stream.write(o.diff)


def _summary(outcomes: list[FileOutcome]) -> dict[str, int]:
    s = {"files": 0, "changed": 0, "unchanged": 0, "failed": 0, "skipped": 0, "changes": 0, "edits": 0,
         "findings": 0}
    for o in outcomes:
        s["files"] += 1
        s[o.status] += 1
        if o.status == "failed":
            continue  # nothing of a failed file was saved (a save that failed, say): its edits do not count
        s["changes"] += len(_groups(o.edits))
        s["edits"] += len(o.edits)
        s["findings"] += len(o.findings)
    return s


def _print_summary(s: dict[str, int], mode: str, check: bool, stream: TextIO) -> None:
    stream.write(
        f"合計: {s['files']} ファイル（変更あり {s['changed']}・変更なし {s['unchanged']}・失敗 {s['failed']}・"
        f"スキップ {s['skipped']}）、変更 {s['changes']} 箇所、要確認 {s['findings']} 件"
        f" / total: {_count(s['files'], 'file')} ({s['changed']} changed, {s['unchanged']} unchanged,"
        f" {s['failed']} failed, {s['skipped']} skipped), {_count(s['changes'], 'change')},"
        f" {_count(s['findings'], 'finding')}\n")
    if mode == "dry" and s["changed"] and not check:
        stream.write("ドライランのためファイルは書き換えていません。書き換えるには --in-place か --output-dir を指定してください"
                     " / dry run: no file written; use --in-place or --output-dir to write\n")


# --------------------------------------------------------------------------- entry point


def _same_file(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` both exist and are the same file (through links too)."""
    try:
        return os.path.isfile(a) and os.path.samefile(a, b)
    except OSError:
        return False


def _error(stream: TextIO, ja: str, en: str) -> int:
    stream.write(f"エラー: {ja} / error: {en}\n")
    return 2


def run_files(paths: list[str], args: argparse.Namespace, *, rewrite_fn: Callable[..., Any] | None = None,
              stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Process ``paths`` with the options in ``args``; return the exit status (0, 1 or 2).

    ``rewrite_fn`` has the signature of :func:`mynumber_refs.rewriter.rewrite`; it must be a
    module-level function when ``--jobs`` is more than 1.
    """
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    check = bool(getattr(args, "check", False))
    in_place = bool(getattr(args, "in_place", False))
    output_dir = getattr(args, "output_dir", None)
    if in_place and output_dir:
        return _error(err, "--in-place と --output-dir は同時に指定できません", "--in-place and --output-dir are exclusive")
    mode = "in-place" if in_place else "output-dir" if output_dir else "dry"
    if check:
        mode = "dry"  # --check never writes the files
    suffix = None if getattr(args, "no_backup", False) else (getattr(args, "backup_suffix", ".bak") or ".bak")
    given = getattr(args, "changes", None)
    tables: list[str] = list(dict.fromkeys([given] if isinstance(given, str) else (given or ())))  # (each once, in order)
    for changes in tables:
        if Path(changes).suffix.lower() not in (".csv", ".xlsx", ".docx"):
            return _error(err, f"--changes は .csv・.xlsx・.docx のいずれかで指定してください: {changes}",
                          f"--changes must end in .csv, .xlsx or .docx: {changes}")
    if output_dir:
        for p in paths:
            if os.path.isdir(p) and os.path.realpath(p) == os.path.realpath(output_dir):
                return _error(err, "--output-dir に入力フォルダ自身は指定できません（--in-place を使ってください）",
                              "--output-dir must differ from the input folder (use --in-place)")
    for flag, target in (("--report", getattr(args, "report", None)), *(("--changes", t) for t in tables)):
        if target and any(_same_file(p, target) for p in paths):
            return _error(err, f"{flag} の書き出し先 {target} は入力のファイルです。上書きしないよう別の名前を指定してください",
                          f"{flag} {target} is an input file; give another name so that it is not overwritten")
    for changes in tables:  # an existing table gets this run's rows: one it cannot take is refused before any work
        if Path(changes).exists():
            from . import report as rep

            try:
                rep.add_changes([], Path(changes))  # (reads the table; no row to add, so nothing is written)
            except (OSError, ValueError) as exc:
                ja, _, en = str(exc).partition(" / ")
                return _error(err, ja, en or ja)
    rewrite_kwargs = {
        "assume_law": bool(getattr(args, "assume_law", False)),
        "as_of": getattr(args, "as_of", None),
        "accept_inferred": bool(getattr(args, "accept_inferred", False)),
        "fix_typos": bool(getattr(args, "fix_typos", False)),
    }
    opts = _Options(mode, rewrite_kwargs, tuple(getattr(args, "mapping", None) or ()), suffix,
                    output_dir, bool(getattr(args, "diff", False)), bool(getattr(args, "track_changes", False)))

    own_outputs = [p for p in (output_dir, getattr(args, "report", None), *tables) if p]
    entries = collect_files(paths, getattr(args, "glob", None), exclude=own_outputs)
    entries = drop_own_backups(entries, getattr(args, "backup_suffix", ".bak") or ".bak")
    if output_dir:
        dests: dict[str, Task] = {}
        for i, t in enumerate(entries):
            if not isinstance(t, Task):
                continue
            d = os.path.normcase(os.path.join(output_dir, *t.rel.split("/")))
            if _same_file(t.path, d):
                entries[i] = FileOutcome(t.display, t.rel, format_of(t.path), "failed",
                                         error=f"{t.display}: 出力先が入力のファイル自身です（--in-place を使ってください）"
                                               " / the output path is the input file itself (use --in-place)")
            elif d in dests:
                entries[i] = FileOutcome(t.display, t.rel, format_of(t.path), "failed",
                                         error=f"{t.display}: 出力先が {dests[d].display} と重なります"
                                               f" / same output path as {dests[d].display}")
            else:
                dests[d] = t
    tasks = [t for t in entries if isinstance(t, Task)]

    jobs = getattr(args, "jobs", 1) or (os.cpu_count() or 1)
    as_json = bool(getattr(args, "json", False))
    progress = _Progress(len(tasks), err, err.isatty() and len(tasks) >= PROGRESS_MIN_FILES and not as_json)
    outcomes: list[FileOutcome] = []

    def emit(o: FileOutcome) -> None:
        outcomes.append(o)
        if not as_json:
            if progress.enabled:
                err.write("\r" + " " * 50 + "\r")
            _print_outcome(o, out, bool(getattr(args, "verbose", False)))
            out.flush()

    if not _worth_workers(jobs, tasks):
        for entry in entries:
            if isinstance(entry, Task):
                emit(process_file(entry, opts, rewrite_fn))
                progress.step()
            else:
                emit(entry)
    else:
        results = _in_parallel(tasks, opts, rewrite_fn, jobs)
        try:
            for entry in entries:
                if isinstance(entry, Task):
                    emit(next(results))
                    progress.step()
                else:
                    emit(entry)
        finally:
            # also when the output is gone (a closed pipe) or the user interrupted: no further
            # file is started; the ones in progress finish (each is written atomically)
            results.close()
    progress.close()

    summary = _summary(outcomes)
    date = getattr(args, "date", None) or _dt.date.today()
    status = 2 if summary["failed"] else (1 if check and summary["edits"] else 0)
    written: list[str] = []
    # the outcomes as JSON only where JSON is written (50 files' took 34 ms)
    file_dicts = [o.to_json() for o in outcomes] if as_json or tables or getattr(args, "report", None) else []
    report: dict[str, Any] = {
        "tool": "mynumber-refs",
        "mode": "check" if check else mode,
        "date": date.isoformat(),
        "options": {k: (v.isoformat() if isinstance(v, _dt.date) else v) for k, v in rewrite_kwargs.items()},
        "summary": summary,
        "files": file_dicts,
    }
    try:  # the report module is imported only when it writes something
        if getattr(args, "report", None):
            from . import report as rep

            rep.write_json_report(report, Path(args.report))
            written.append(f"報告（JSON）を書き込みました / report written: {args.report}")
        if tables:
            from . import report as rep

            rows = rep.change_rows(file_dicts, date)
        for changes in tables:
            if not rows and Path(changes).exists():
                # the table is the record of a run's changes: a run that changed nothing (a second run over the
                # rewritten files) does not replace an earlier run's table with an empty one
                written.append(f"変更がないため、変更箇所表は書き込んでいません（{changes} はそのままです）"
                               f" / nothing changed: the 変更箇所 table was not written ({changes} is left as it was)")
            elif Path(changes).exists() and mode == "dry":
                # an earlier table is the record of the changes made: a dry run made none
                written.append(f"ドライランのため、既にある変更箇所表には行を加えていません（{changes} はそのままです）。"
                               f"--in-place か --output-dir で書き換えるときに加えます / dry run: no rows were added to the"
                               f" existing 変更箇所 table ({changes} is left as it was); they are added when the files are"
                               f" written (--in-place or --output-dir)")
            elif Path(changes).exists():
                # an earlier run's table (or one made by hand): its rows stay, this run's rows not already there follow
                added, kept = rep.add_changes(rows, Path(changes), _locator(outcomes))
                if added:
                    written.append(f"変更箇所表に {added} 行を加えました（前からの {kept} 行はそのままです） / {_count(added, 'row')}"
                                   f" added to the 変更箇所 table ({_count(kept, 'earlier row')} kept): {changes}")
                else:
                    written.append(f"変更箇所表には同じ行が既にあるため、書き込んでいません（{changes} はそのままです）"
                                   f" / the 変更箇所 table already has these rows: not written ({changes} is left as it was)")
            else:
                rep.write_changes(rows, Path(changes))
                written.append(f"変更箇所表（{len(rows)} 行）を書き込みました / 変更箇所 table written"
                               f" ({_count(len(rows), 'row')}): {changes}")
    except (OSError, ValueError) as exc:
        err.write(f"エラー: 報告書を書き込めません（{exc}） / error: cannot write the report\n")
        status = 2
    if as_json:
        out.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    else:
        _print_summary(summary, mode, check, out)
        if check and summary["edits"]:
            out.write("--check: 書き換えが必要な箇所があります / --check: some citations would change\n")
    for line in written:  # where each output file is (on standard error when standard output is JSON)
        (err if as_json else out).write(line + "\n")
    return status

"""The ``mynumber-refs`` command.

    mynumber-refs find PATH...|- [--assume-law] [--json]
    mynumber-refs rewrite -|PATH... [--assume-law] [--as-of DATE] [--accept-inferred] [--fix-typos]
                          [--mapping FILE.csv] [--diff] [--check] [--json] [file options]
                          [--rederive [--provider P --information I] [--rederive-as-of DATE] [--via]]
    mynumber-refs explain "別表第一の16の項" [--as-of DATE] [--accept-inferred]
    mynumber-refs mappings [--json]
    mynumber-refs derive --provider 市町村長 --information 住民票関係情報 [--as-of DATE] [--via] [--json]
                         [--compare FILE|-]

Messages are in Japanese first, with English after a slash.  Heavy modules (the grammar, Word
and Excel support) are imported only by the subcommand that needs them, so ``--version`` and
``--help`` start fast.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from . import __version__

if TYPE_CHECKING:  # pragma: no cover
    import argparse
    import datetime

EXIT_BROKEN_PIPE = 141
"""The exit status when the reader of the output went away (``| head``): 128 + SIGPIPE, as a
shell reports a command that the signal ended."""


EXIT_INTERRUPTED = 130
"""The exit status after Ctrl-C: 128 + SIGINT, as a shell reports a command that the signal ended."""


def _date(s: str) -> datetime.date:
    """``--as-of``: the same forms as ``--date`` (2024-05-26, 2024/5/26, 令和6年5月26日)."""
    import argparse

    from .report import parse_date

    try:
        return parse_date(s)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _line_col(text: str, pos: int) -> tuple[int, int]:
    line = text.count("\n", 0, pos) + 1
    col = pos - (text.rfind("\n", 0, pos) + 1) + 1
    return line, col


def _read_input(path: str) -> str:
    if path == "-":
        data = sys.stdin.buffer.read()
    else:
        with open(path, "rb") as fh:
            data = fh.read()
    from .formats.text import detect_encoding

    return detect_encoding(data, path).text


def _one_line(s: str, limit: int = 60) -> str:
    s = s.replace("\r", "").replace("\n", "⏎")
    return s if len(s) <= limit else s[: limit - 1] + "…"


def _citation_json(item: Any, path: str) -> dict[str, Any]:
    from .model import Citation

    c = item if isinstance(item, Citation) else item.citation
    table = None
    if c is not None and c.table is not None:
        table = c.table.value
    return {
        "path": path,
        "start": item.start,
        "end": item.end,
        "text": item.text,
        "law": c.law if c is not None else None,
        "law_basis": c.law_basis.value if c is not None and c.law_basis is not None else None,
        # the law expression the table was bound to (laws.LawIndex.bind), as offsets like start/end
        "law_start": c.law_span[0] if c is not None and c.law_span is not None else None,
        "law_end": c.law_span[1] if c is not None and c.law_span is not None else None,
        "table": table,
        "table_basis": c.table_basis.value if c is not None else None,
        "rows": [str(r) for r in c.rows] if c is not None else [],
        "order_refs": [r.key() for r in c.order_refs] if c is not None else [],
        "status": "ok" if isinstance(item, Citation) else item.reason,
        "message": None if isinstance(item, Citation) else item.message,
    }


# ------------------------------------------------------------------------------ find


def _find_items(text: str, assume_law: bool) -> list[Any]:
    from .resolve import find_citations

    return find_citations(text, assume_law=assume_law)


def _print_find_item(item: Any, where: str) -> None:
    from .model import Citation

    if isinstance(item, Citation):
        print(f"{where}\t引用 citation\t{_one_line(item.text)}\t{item.describe()}")
    else:
        print(f"{where}\t要確認 {item.reason}\t{_one_line(item.text)}\t{item.message}")


def _cmd_find(args: argparse.Namespace) -> int:
    """List citations in standard input, text files, Word and Excel files, or folders of them.

    Offsets (``start``/``end``) index the decoded text of a text file; in a Word or Excel file they
    index the unit (a paragraph passage, a cell …) named by ``location``."""
    from .batch import FileOutcome, collect_files, drop_own_backups
    from .formats import FormatError, open_document
    from .model import Citation

    rows: list[dict[str, Any]] = []
    found = findings = 0
    failed = False

    def emit(items: list[Any], path: str, text: str, location: Any = None) -> None:
        nonlocal found, findings
        for item in items:
            if isinstance(item, Citation):
                found += 1
            else:
                findings += 1
            if args.json:
                row = _citation_json(item, path)
                row["location"] = location.locate(item.start).label if location is not None else None
                rows.append(row)
                continue
            line, col = _line_col(text, item.start)
            if location is None:
                _print_find_item(item, f"{path}:{line}:{col}")
            else:
                _print_find_item(item, f"{path} [{location.locate(item.start).label}]:{line}:{col}")

    if "-" in args.paths:
        try:
            text = _read_input("-")
        except FormatError as exc:
            print(f"エラー: 標準入力を読めません / error: cannot decode standard input: {exc}", file=sys.stderr)
            return 2
        emit(_find_items(text, args.assume_law), "-", text)
    for entry in drop_own_backups(collect_files([p for p in args.paths if p != "-"])):
        if isinstance(entry, FileOutcome):
            for note in entry.notes:
                print(f"{entry.path}: {note}", file=sys.stderr)
            if entry.error:
                print(f"エラー / error: {entry.error}", file=sys.stderr)
                failed = True
            continue
        try:
            doc = open_document(entry.path)
        except FormatError as exc:  # its message names the file
            print(f"エラー / error: {exc}", file=sys.stderr)
            failed = True
            continue
        except OSError as exc:
            print(f"エラー / error: {entry.display}: {exc}", file=sys.stderr)
            failed = True
            continue
        if doc.format == "text":
            text = doc.units[0].text if doc.units else ""
            emit(_find_items(text, args.assume_law), entry.display, text)
            continue
        for unit in doc.units:
            emit(_find_items(unit.text, args.assume_law), entry.display, unit.text, unit)
    if args.json:
        import json

        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    print(f"引用 {found} 件、要確認 {findings} 件 / {found} citation{'' if found == 1 else 's'},"
          f" {findings} finding{'' if findings == 1 else 's'}", file=sys.stderr)
    return 2 if failed else 0


# ------------------------------------------------------------------------------ rewrite


def _load_mappings(args: argparse.Namespace) -> Any:
    from .mappings import MappingError, default_mappings, load_mappings

    if getattr(args, "mapping", None):
        try:
            return load_mappings(extra=args.mapping)
        except MappingError as exc:
            print(f"エラー / error: {exc}", file=sys.stderr)
            raise SystemExit(2) from exc
    return default_mappings()


def _result_json(result: Any, path: str) -> dict[str, Any]:
    return {
        "path": path,
        "changed": result.changed,
        "edits": [
            {
                "start": e.start,
                "end": e.end,
                "before": e.before,
                "after": e.after,
                "reason": e.reason,
                "evidence": list(e.evidence),
            }
            for e in result.edits
        ],
        "findings": [
            {
                "start": f.start,
                "end": f.end,
                "text": f.text,
                "reason": f.reason,
                "message": f.message,
                "proposed": f.proposed,
                "evidence": list(f.evidence),
            }
            for f in result.findings
        ],
    }


def _report_findings(text: str, result: Any, path: str) -> None:
    for f in result.findings:
        line, col = _line_col(text, f.start)
        extra = f"（適用するなら / proposed: {f.proposed}）" if f.proposed else ""
        print(f"{path}:{line}:{col}: {f.reason}: 「{_one_line(f.text, 40)}」 {f.message}{extra}", file=sys.stderr)


def _cmd_rewrite(args: argparse.Namespace) -> int:
    if args.paths != ["-"]:
        if "-" in args.paths:
            print("エラー: - と他のパスは同時に指定できません / error: '-' cannot be combined with paths", file=sys.stderr)
            return 2
        from . import batch

        if args.mapping:
            _load_mappings(args)  # report a bad mapping file once, before the batch starts
        rederive = _rederive_option(args)
        if rederive is not None:
            import functools

            from .rewriter import rewrite as _rewrite_fn

            return batch.run_files(args.paths, args, rewrite_fn=functools.partial(_rewrite_fn, rederive=rederive))
        return batch.run_files(args.paths, args)
    from .rewriter import rewrite

    data = sys.stdin.buffer.read()
    from .formats.text import detect_encoding

    try:
        decoded = detect_encoding(data, "-")
    except Exception as exc:  # noqa: BLE001
        print(f"エラー: 標準入力を読めません / error: cannot decode standard input: {exc}", file=sys.stderr)
        return 2
    text = decoded.text
    from .formats import change_record_note
    from .formats.text import change_record_label, change_record_start
    from .model import RewriteResult

    record = change_record_start(text)
    if record is not None:  # a 変更箇所 table pasted as tab-separated text: history, left as written from its heading on
        print(change_record_note(change_record_label(text, record)), file=sys.stderr)
    if record == 0:
        result = RewriteResult(text, text)
    else:
        result = rewrite(
            text[:record],
            assume_law=args.assume_law,
            as_of=args.as_of,
            accept_inferred=args.accept_inferred,
            mappings=_load_mappings(args),
            fix_typos=args.fix_typos,
            rederive=_rederive_option(args),
        )
        if record is not None:  # (the lines above the record: a title, or a body rewritten as usual)
            result = RewriteResult(text, result.text + text[record:], result.edits, result.findings)
    if args.json:
        import json

        json.dump(_result_json(result, "-"), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    elif args.diff:
        import difflib

        sys.stdout.writelines(
            difflib.unified_diff(
                text.splitlines(keepends=True),
                result.text.splitlines(keepends=True),
                fromfile="a/-",
                tofile="b/-",
            )
        )
        _report_findings(text, result, "-")
    elif args.check:
        _report_findings(text, result, "-")
    else:
        out = result.text.encode(decoded.encoding if hasattr(decoded, "encoding") else "utf-8")
        if getattr(decoded, "bom", b""):
            out = decoded.bom + out
        _write_all(out)
        _report_findings(text, result, "-")
    if args.check and result.changed:
        return 1
    return 0


# ------------------------------------------------------------------------------ explain, mappings


def _cmd_explain(args: argparse.Namespace) -> int:
    from .model import Citation
    from .resolve import find_citations
    from .rewriter import rewrite

    text = args.citation
    mset = _load_mappings(args)
    items = find_citations(text, assume_law=True)
    if not items:
        print(f"引用が見つかりません / no citation found in {text!r}", file=sys.stderr)
        return 2
    result = rewrite(text, assume_law=True, as_of=args.as_of, accept_inferred=args.accept_inferred, mappings=mset)
    for item in items:
        c = item if isinstance(item, Citation) else item.citation
        print(f"引用 citation: {item.text}")
        if c is not None:
            print(f"  解析 parsed: {c.describe()}")
        if not isinstance(item, Citation):
            print(f"  要確認 finding: {item.reason}: {item.message}")
        if c is not None and c.table is not None and c.rows:
            for row in c.rows:
                print("  " + mset.explain_row(c.table, row, as_of=args.as_of).replace("\n", "\n  "))
    print(f"新しい表記 new wording: {result.text}")
    for e in result.edits:
        print(f"  変更 edit: 「{e.before}」→「{e.after}」")
        for ev in e.evidence:
            print(f"    根拠 evidence: {ev}")
    for f in result.findings:
        print(f"  要確認 finding: {f.reason}: {f.message}" + (f"（案 proposed: {f.proposed}）" if f.proposed else ""))
    return 0


def _cmd_mappings(args: argparse.Namespace) -> int:
    from .mappings import format_summary

    print(format_summary(_load_mappings(args), as_json=args.json))
    return 0


# ------------------------------------------------------------------------------ derive, rederive


def _rederive_option(args: argparse.Namespace) -> Any:
    """``rewrite --rederive [--provider P --information I]`` as a :class:`~mynumber_refs.rederive.Rederive`
    (None without ``--rederive``); exits 2 on an incomplete criterion."""
    provider, information = getattr(args, "provider", None), getattr(args, "information", None)
    if not getattr(args, "rederive", False):
        if provider or information or getattr(args, "rederive_as_of", None) or getattr(args, "via", False):
            print("エラー: --provider・--information・--rederive-as-of・--via は --rederive と一緒に指定します"
                  " / error: --provider, --information, --rederive-as-of and --via go with --rederive", file=sys.stderr)
            raise SystemExit(2)
        return None
    if bool(provider) != bool(information):
        print("エラー: --provider と --information は両方指定してください / error: give both --provider and --information",
              file=sys.stderr)
        raise SystemExit(2)
    from .rederive import Rederive

    return Rederive(provider, information, as_of=getattr(args, "rederive_as_of", None), include_via=getattr(args, "via", False))


def _cmd_derive(args: argparse.Namespace) -> int:
    import json

    from .derive import DeriveError, derive_lists, format_lists

    try:
        derived = derive_lists(args.provider, args.information, as_of=args.as_of, include_via=args.via)
    except DeriveError as exc:
        print(f"エラー / error: {exc}", file=sys.stderr)
        return 2
    if args.compare is None:
        if args.json:
            json.dump(derived.to_json(), sys.stdout, ensure_ascii=False, indent=1)
            sys.stdout.write("\n")
        else:
            sys.stdout.write(format_lists(derived))
        return 0
    from .compare import compare_document, compare_units, format_comparison
    from .formats import FormatError, format_of, is_legacy, may_cite, open_document

    try:
        if args.compare != "-" and (format_of(args.compare) in ("docx", "xlsx") or is_legacy(args.compare)):
            # a Word or Excel file: its texts as rewrite reads them (paragraph passages, cells with their labels)
            doc = open_document(args.compare)
            units = [(u.location.label, u.text, u.before or u.label_above or u.above, u.column() if u.column else None)
                     for u in doc.units if may_cite(u.text)]
            comparison = compare_units(units, derived, assume_law=args.assume_law)
        else:
            comparison = compare_document(_read_input(args.compare), derived, assume_law=args.assume_law)
    except (FormatError, OSError) as exc:
        print(f"エラー: {args.compare} を読めません / error: cannot read {args.compare}: {exc}", file=sys.stderr)
        return 2
    if args.json:
        json.dump(comparison.to_json(), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_comparison(comparison, args.compare))
    return 1 if comparison.differs else 0


# ------------------------------------------------------------------------------ parser


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--assume-law",
        action="store_true",
        help="法令名のない別表を番号利用法の別表とみなす / take tables with no law named as the My Number Act's",
    )


def _mapping_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--as-of", type=_date, default=None, metavar="DATE",
                   help="文書が従う番号の日付（例: 2024-05-26 / 令和6年5月26日。既定: 2024-05-26 の旧番号で、すでに新しい名前の「別表」はそのまま）"
                        " / the date whose numbering the text uses")
    p.add_argument("--accept-inferred", action="store_true",
                   help="推定（inferred）の対応も適用する / also apply inferred mapping rows")
    p.add_argument("--mapping", action="append", default=[], metavar="FILE.csv",
                   help="利用者が検証した対応表を追加する / add verified mapping rows of your own")


def build_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="mynumber-refs",
        description="番号利用法の別表の引用を見つけ、2024年5月27日以降の番号に書き換えます"
        " / find citations of the My Number Act's tables and rewrite them to the 2024-05-27 numbering",
    )
    parser.add_argument("--version", action="version", version=f"mynumber-refs {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("find", help="引用を一覧する（テキスト・Word・Excel・フォルダ） / list citations")
    p.add_argument("paths", nargs="+", metavar="PATH|-")
    _common(p)
    p.add_argument("--json", action="store_true", help="JSON で出力 / print JSON")
    p.set_defaults(func=_cmd_find)

    p = sub.add_parser("rewrite", help="引用を書き換える（既定は確認のみ） / rewrite citations (dry run for files)")
    p.add_argument("paths", nargs="+", metavar="-|PATH")
    _common(p)
    _mapping_options(p)
    p.add_argument("--fix-typos", action="store_true", help="既知の誤記も直す / also correct known typos")
    p.add_argument("--diff", action="store_true", help="差分を表示 / print a unified diff")
    p.add_argument("--check", action="store_true", help="書き換えがあれば終了コード 1 / exit 1 if anything would change")
    p.add_argument("--json", action="store_true", help="変更と要確認を JSON で出力 / print edits and findings as JSON")
    p.add_argument("--rederive", action="store_true",
                   help="内容の条件（第三欄が…第四欄に…が含まれる項）で書かれた一覧を法令の内容から導き直す"
                   " / derive lists written by a content criterion from the law instead of renumbering them")
    p.add_argument("--provider", metavar="P", help="--rederive の条件：第三欄の情報提供者（例 市町村長） / the 第三欄 provider")
    p.add_argument("--information", metavar="I",
                   help="--rederive の条件：第四欄の情報（例 住民票関係情報） / the 第四欄 information category")
    p.add_argument("--rederive-as-of", type=_date, default=None, metavar="DATE",
                   help="--rederive で導く一覧の日付（既定は同梱の2025年4月1日の本文） / the date the derived lists hold for")
    p.add_argument("--via", action="store_true",
                   help="--rederive の参照一覧に、他の号から情報を引き継ぐ号も含める / include the 号 that take the information over")
    from . import batch

    batch.add_file_arguments(p)
    p.set_defaults(func=_cmd_rewrite)

    p = sub.add_parser("explain", help="一つの引用の対応と根拠を説明 / explain one citation")
    p.add_argument("citation")
    _mapping_options(p)
    p.set_defaults(func=_cmd_explain)

    p = sub.add_parser("mappings", help="対応表の概要 / summary of the mapping tables")
    p.add_argument("--json", action="store_true")
    p.add_argument("--mapping", action="append", default=[], metavar="FILE.csv")
    p.set_defaults(func=_cmd_mappings)

    p = sub.add_parser("derive", help="法令の内容から項と条・号の一覧を導く / derive the lists of bases from the law")
    p.add_argument("--provider", required=True, metavar="P", help="第三欄（情報提供者） / the 第三欄 provider, e.g. 市町村長")
    p.add_argument("--information", required=True, metavar="I",
                   help="第四欄の情報の区分 / the 第四欄 information category, e.g. 住民票関係情報")
    p.add_argument("--as-of", type=_date, default=None, metavar="DATE",
                   help="一覧の時点（既定: データの本文の日付） / the date the lists hold for (default: the data's text)")
    p.add_argument("--via", action="store_true", help="他の号を引く号も含める / also the 号 that take the information over")
    p.add_argument("--json", action="store_true", help="JSON で出力 / print JSON")
    p.add_argument("--compare", metavar="FILE|-",
                   help="文書の一覧と比べる（相違があれば終了コード 1） / compare the lists of a document (exit 1 if they differ)")
    _common(p)
    p.set_defaults(func=_cmd_derive)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return its exit status.  When the reader of the output goes away
    (``mynumber-refs find … | head``), stop quietly with :data:`EXIT_BROKEN_PIPE`; after Ctrl-C, with
    a message and :data:`EXIT_INTERRUPTED`."""
    as_program = argv is None
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv in (["--version"], ["-V"]):  # fast path: nothing else imported
        print(f"mynumber-refs {__version__}")
        return 0
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        if not getattr(args, "command", None):
            parser.print_help()
            return 0
        result: int = args.func(args)
        sys.stdout.flush()
        return result
    except BrokenPipeError:
        return _broken_pipe()
    except KeyboardInterrupt:  # every file is written whole or not at all (formats.safety.atomic_save)
        sys.stderr.write("中断しました。途中まで書かれたファイルはありません（どのファイルも元のままか、書き換え後の内容です）"
                         " / interrupted: no file is half-written (each is as it was or fully rewritten)\n")
        return EXIT_INTERRUPTED
    finally:
        if as_program:
            _before_exit()


def _before_exit() -> None:
    """The process is about to end: put every object in the cyclic collector's permanent
    generation (:func:`gc.freeze`), so that the collections Python runs while it shuts down do not
    walk the grammar, the mappings and the modules once more (30 ms of every command's time).
    Only when ``main`` runs as the program, never when it is called from other code."""
    import gc

    gc.freeze()


def _write_all(data: bytes) -> None:
    """Write ``data`` to standard output whole, or raise.  A large write to a pipe whose reader
    went away can come back short without an error; the rest is written again, which raises."""
    sys.stdout.flush()
    out = sys.stdout.buffer
    view = memoryview(data)
    while view:
        n = out.write(view)
        if not n:
            raise BrokenPipeError("standard output accepted nothing")
        view = view[n:]
    out.flush()


def _broken_pipe() -> int:
    """Point standard output and error at the null device, so that nothing more is written to
    the closed pipe (not even at exit, when Python flushes them), and return the exit status."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        for stream in (sys.stdout, sys.stderr):
            try:
                os.dup2(devnull, stream.fileno())
            except (AttributeError, OSError, ValueError):  # not a real file (captured, closed)
                continue
    finally:
        os.close(devnull)
    return EXIT_BROKEN_PIPE


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())

#!/usr/bin/env python3
"""Build ``mappings/`` from the reference law data in ``../shared/lawdata``.

Deterministic: running it again on the same law data reproduces the committed files byte for
byte (the test suite checks this when the law data is present).

Every row is validated against the tables before it is written:

* the old row exists in its numbering (the 2015 text of the table, a branch row of
  ``branch_rows_2016_2024.csv``, or the interim numbering of 2024-05-27);
* the new row exists in the new table (別表 of 2025-06-20, or 第2条の表 of 2025-04-01);
* the who-column (別表 actor / 情報照会者) of the old and the new row agree, after removing
  definition clauses (「（以下「…」という。）」) and expanding a defined term, or the evidence
  says why it cannot be compared (branch rows whose old text was not found).

A row that fails stays out of ``mappings/`` and is listed in the report printed at the end and
written to ``mappings/BUILD_REPORT.md``.  No row is filled by position or guess without being
marked ``inferred``.

The amendment ledger ``amendments_2016_2024.csv`` (changes to 別表第一 / 別表第二 by acts in force
2016-2024) is applied last, by one rule (:func:`apply_ledger_rule`): a ledger line can lower a row
to ``inferred`` (another reading of it) or add an ``inferred`` branch row; it never raises a row to
``established``.  Each line, with what it did, is written to ``mappings/amendments_2016_2024.csv``
so that ``explain`` can show it.

Usage::

    python tools/build_mappings.py [--lawdata ../shared/lawdata] [--out mappings] [--check]

``--check`` builds into memory and exits 1 if any file in ``--out`` would change.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from mynumber_refs.mappings import LEDGER_COLUMNS  # noqa: E402  (the columns the library reads)
from mynumber_refs.model import RowNumber  # noqa: E402
from mynumber_refs.numerals import parse_int  # noqa: E402

CSV_COLUMNS = ["old", "new", "relation", "confidence", "method", "evidence", "old_actor", "new_actor"]

SEED_DOC = "熊谷市 特定個人情報保護評価書（住民基本台帳に関する事務）別添2「変更箇所」（shared/seed/000_4065d9e9fd87d1d5.txt）"
ACT_2023_48 = "令和5年法律第48号"


# --------------------------------------------------------------------------------------------
# reading the law data
# --------------------------------------------------------------------------------------------


@dataclass
class Source:
    """One law-data file: its header comments and its rows (with 1-based line numbers)."""

    name: str
    header: list[str]
    rows: list[tuple[int, dict[str, str]]]


def read_source(lawdata: Path, name: str) -> Source:
    path = lawdata / name
    text = path.read_text(encoding="utf-8")
    delimiter = "\t" if name.endswith(".tsv") else ","
    header: list[str] = []
    body_lines: list[tuple[int, str]] = []
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        if line.startswith("#") and not body_lines:
            header.append(line[1:].strip())
        else:
            body_lines.append((number, line))
    reader = csv.reader([line for _, line in body_lines], delimiter=delimiter)
    records = list(reader)
    # csv.reader may join physical lines for quoted newlines; the law data has none.
    if len(records) != len([1 for _, line in body_lines if line.strip()]):
        raise SystemExit(f"{name}: quoted newlines are not supported")
    columns = records[0]
    rows = []
    for (number, _), record in zip(body_lines[1:], records[1:], strict=False):
        rows.append((number, dict(zip(columns, record, strict=True))))
    return Source(name, header, rows)


def key(s: str) -> str:
    """Canonical row key: ``36-2`` / ``36の2`` / ``三十六の二`` -> ``36の2``."""
    return str(RowNumber.parse(s))


def kanji_article(s: str) -> int:
    """``第十二条`` -> 12."""
    m = re.fullmatch(r"第(.+)条", s)
    if not m:
        raise ValueError(s)
    return parse_int(m.group(1))


def article_key(s: str) -> str:
    """``第6条の2`` -> ``6の2``; ``第31条の2の2`` -> ``31の2の2``."""
    m = re.fullmatch(r"第(\d+)条((?:の\d+)*)", s)
    if not m:
        raise ValueError(s)
    return m.group(1) + m.group(2)


# --------------------------------------------------------------------------------------------
# who-column comparison
# --------------------------------------------------------------------------------------------

_DEFINITION = re.compile(r"。?以下(?:この表において)?(?:「[^」]*」)?(?:という|と総称する)。")
_SAME = re.compile(r"。?以下同じ。")


_TERM_DEFINED = re.compile(r"(又は|、|^)([^、（）又]+)（([^（）]+)をいう。(?:以下同じ。)?）")
# the law number given at a statute's first mention: （昭和二十六年法律第百九十三号）
_LAW_NUMBER = re.compile(r"（(?:明治|大正|昭和|平成|令和)[^（）]*?年法律第[^（）]*?号）")
# 別表第一 row 70 defines 「市（特別区を含む。以下同じ。）」 for the whole act; later mentions omit it
_SPECIAL_WARDS = "（特別区を含む。）"


def normalize_actor(actor: str) -> str:
    """The who-column without what does not change who it is.

    Removes definition clauses (「（以下「…」という。）」, 「以下同じ。」), law numbers at a first
    mention and the act-wide 「（特別区を含む。）」; expands a term defined in place
    (「共済組合等（X、Y又はZをいう。）」 -> 「X、Y又はZ」); reads 若しくは as 又は.
    """
    s = _TERM_DEFINED.sub(lambda m: m.group(1) + m.group(3), actor)
    s = _DEFINITION.sub("", s)
    s = _SAME.sub("", s)
    s = s.replace("。）", "）").replace("（）", "")
    s = _LAW_NUMBER.sub("", s)
    s = s.replace(_SPECIAL_WARDS.replace("。", ""), "")
    s = s.replace("若しくは", "又は")
    return s


def actors_agree(a: str, b: str) -> bool:
    return normalize_actor(a) == normalize_actor(b)


# --------------------------------------------------------------------------------------------
# output model
# --------------------------------------------------------------------------------------------


@dataclass
class Row:
    old: str
    new: list[str]
    relation: str
    confidence: str
    method: str
    evidence: str
    old_actor: str = ""
    new_actor: str = ""

    def record(self) -> list[str]:
        return [
            self.old,
            ";".join(self.new),
            self.relation,
            self.confidence,
            self.method,
            self.evidence,
            self.old_actor,
            self.new_actor,
        ]


@dataclass
class Report:
    rejected: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    not_mapped: list[str] = field(default_factory=list)
    counts: dict[str, Counter[str]] = field(default_factory=dict)

    def reject(self, where: str, why: str) -> None:
        self.rejected.append(f"{where}: {why}")


def csv_text(columns: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(columns)
    for row in rows:
        writer.writerow(row)
    # UTF-8 with BOM, so that Excel opens the Japanese text correctly.
    return "\ufeff" + buf.getvalue()


def sort_rows(rows: list[Row], *, order_keys: bool = False) -> list[Row]:
    if order_keys:
        return sorted(rows, key=lambda r: order_item_sort_key(r.old))
    return sorted(rows, key=lambda r: RowNumber.parse(r.old))


def order_item_sort_key(k: str) -> tuple[tuple[int, ...], int, tuple[int, ...]]:
    parts = k.split("-")
    article = RowNumber.parse(parts[0]).parts
    paragraph = 0
    rest = parts[1:]
    if rest and rest[0].endswith("項"):
        paragraph = int(rest[0][:-1])
        rest = rest[1:]
    item = RowNumber.parse(rest[0]).parts if rest else ()
    return (article, paragraph, item)


# --------------------------------------------------------------------------------------------
# the amendment ledger (amendments_2016_2024.csv) and the one rule that applies it
# --------------------------------------------------------------------------------------------

LEDGER = "amendments_2016_2024.csv"
# the ledger's name of the table each old table's rows went to
LEDGER_TARGET = {"別表第一": "別表", "別表第二": "第2条の表"}

_ROW = r"\d+(?:の\d+)*"
_NEW_ENTRY = re.compile(rf"(別表|第2条の表) ({_ROW})\b")
_CANDIDATE = re.compile(rf"candidate ({_ROW})")
_AFTER = re.compile(rf"after ({_ROW})")
_BEFORE_REF = re.compile(r"before the (A\d+) row")


def split_outside_brackets(text: str, sep: str) -> list[str]:
    """``"89 (a or b) or 99"`` split on `` or `` outside parentheses -> ``["89 (a or b)", "99"]``."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(text):
        ch = text[i]
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth -= 1
        elif depth == 0 and text.startswith(sep, i):
            parts.append(text[start:i])
            start = i = i + len(sep)
            continue
        i += 1
    parts.append(text[start:])
    return [p.strip() for p in parts]


@dataclass(frozen=True)
class LedgerLine:
    """One line of the amendment ledger, read into what the rule needs.

    ``readings``: the old rows (numbering of 2024-05-26) the line says were changed; more than one
    means the line gives alternative readings.  ``candidates``: numbers given only as a candidate.
    ``after_last``: the last row of the 2015 text when the line says the changed row sat after it
    (its own number not printed).  ``targets``: new table -> rows ( ``()`` = no counterpart); a table
    missing from it = the line names no new row there.
    """

    id: str
    line: int
    tables: tuple[str, ...]
    readings: tuple[str, ...]
    candidates: tuple[str, ...]
    after_last: str
    targets: dict[str, tuple[str, ...]]
    inserts: bool
    identified: bool  # the ledger identifies the change (confidence other than "unknown")
    raw: dict[str, str] = field(default_factory=dict, compare=False)

    def single_table(self) -> str | None:
        return self.tables[0] if len(self.tables) == 1 else None


def parse_ledger_line(
    line: int, r: dict[str, str], last_rows: dict[str, str], after_of: dict[str, str]
) -> LedgerLine:
    """Read one ledger line.  ``last_rows``: table -> last main row of its 2015 text;
    ``after_of``: ledger id -> ``after_last`` of lines read before (for 「before the A19 row」)."""
    table_text = r["table"]
    tables = tuple(t.strip() for t in table_text.rstrip("?").split("/"))
    if table_text.endswith("?"):
        tables = tables + ("?",)  # not even the table is certain
    old_text = r["old_row"].strip()
    readings: list[str] = []
    candidates = [key(m) for m in _CANDIDATE.findall(old_text)]
    refs = _BEFORE_REF.findall(old_text)
    if old_text and not old_text.startswith(("?", "(")):
        for alt in split_outside_brackets(old_text, " or "):
            m = re.match(rf"({_ROW})\s*(?:\(.*\))?$", alt)
            if not m:
                raise ValueError(f"{LEDGER}:{line}: cannot read old_row {old_text!r}")
            readings.append(key(m.group(1)))
    # where the row sat, when that is after the last row of the 2015 text
    last = last_rows.get(tables[0]) if len(tables) == 1 else None
    after_last = ""
    if last is not None:
        after_text = r["after_row"].strip()
        positions = _AFTER.findall(old_text)
        m = re.match(rf"({_ROW})", after_text)
        if m:
            positions.append(m.group(1))
        if after_text == "last" or any(RowNumber.parse(p) >= RowNumber.parse(last) for p in positions):
            after_last = last
        elif any(after_of.get(ref) for ref in refs):
            after_last = last  # inserted right before a row that sat after the last row
    targets: dict[str, tuple[str, ...]] = {}
    new_text = r["new_row"].strip()
    if new_text.startswith("(none"):
        for t in tables:
            if t in LEDGER_TARGET:
                targets[LEDGER_TARGET[t]] = ()
    elif new_text:
        for part in new_text.split(";"):
            m = _NEW_ENTRY.match(part.strip())
            if not m:
                raise ValueError(f"{LEDGER}:{line}: cannot read new_row {part!r}")
            targets[m.group(1)] = (*targets.get(m.group(1), ()), key(m.group(2)))
    return LedgerLine(
        id=r["id"],
        line=line,
        tables=tables,
        readings=tuple(readings),
        candidates=tuple(candidates),
        after_last=after_last,
        targets=targets,
        inserts=r["change"].startswith("insert"),
        identified=not r["confidence"].startswith("unknown"),
        raw=r,
    )


@dataclass(frozen=True)
class Alignment:
    """What the law-text alignment says of one old row: its final new rows and confidence."""

    old: str
    new: tuple[str, ...]
    confidence: str


@dataclass
class LedgerDecision:
    """What the ledger does to one chain (old table -> new table)."""

    lowered: dict[str, list[LedgerLine]] = field(default_factory=dict)  # old -> lines with another reading
    added: dict[str, tuple[str, list[LedgerLine]]] = field(default_factory=dict)  # old -> (new, lines)
    agrees: dict[str, list[LedgerLine]] = field(default_factory=dict)  # old -> lines that agree
    effects: dict[str, tuple[str, str]] = field(default_factory=dict)  # ledger id -> (effect, detail)
    result: dict[str, Alignment] = field(default_factory=dict)  # the alignment after the rule


def is_branch_row(old: str, main_rows: set[str]) -> bool:
    """A branch row (``16の2``) of a row that the 2015 text has, and not itself a row of that text."""
    n = RowNumber.parse(old)
    return bool(n.branches) and str(n.main) in main_rows and old not in main_rows


def apply_ledger_rule(
    table: str,
    alignment: dict[str, Alignment],
    lines: Sequence[LedgerLine],
    main_rows: set[str],
) -> LedgerDecision:
    """THE RULE.  A ledger line can lower an alignment's confidence or add an inferred branch row;
    it never raises one to ``established`` (only a text that names the row does, and such texts are
    read by the alignments, not here).

    * A line *disagrees* with ``X -> N`` when it gives alternative readings of X, sends X elsewhere,
      or says a row of N came from another old row (or from an inserted row of unprinted number):
      the row becomes ``inferred`` (two readings).
    * A line that names one old row X -> one new row N, where X is a branch row the alignment lacks,
      N is claimed by no alignment and no line reads N otherwise, adds ``X -> N`` as ``inferred``.
    * Anything else is reported only: an old number that is not printed, a candidate, rows not
      identified.
    """
    target_table = LEDGER_TARGET[table]
    decision = LedgerDecision(result=dict(alignment))
    relevant: list[LedgerLine] = []
    for ln in lines:
        if table not in ln.tables:
            continue
        if ln.single_table() != table or not ln.identified:
            also = f" (candidate {', '.join(ln.candidates)} only)" if ln.candidates else ""
            decision.effects[ln.id] = ("not-identified", f"the ledger does not identify the rows{also}; never mapped")
            continue
        relevant.append(ln)

    def targets(ln: LedgerLine) -> tuple[str, ...] | None:
        return ln.targets.get(target_table)

    def other_origin(ln: LedgerLine, old: str) -> bool:
        # the line says a row it names in the new table came from somewhere other than ``old``
        return ln.readings != (old,) and bool(ln.readings or ln.inserts)

    claimed = {n: a.old for a in alignment.values() for n in a.new}
    for a in alignment.values():
        against = []
        for ln in relevant:
            t = targets(ln)
            if a.old in ln.readings and t is not None and (len(ln.readings) > 1 or set(t) != set(a.new)):
                against.append(ln)
            elif t and set(t) & set(a.new) and other_origin(ln, a.old):
                against.append(ln)
            elif ln.readings == (a.old,):
                decision.agrees.setdefault(a.old, []).append(ln)
        if against:
            decision.lowered[a.old] = against
            decision.result[a.old] = Alignment(a.old, a.new, "inferred")
            for ln in against:
                decision.effects[ln.id] = (
                    "lowered",
                    f"{table} {a.old} → {','.join(a.new) or '(none)'}: another reading, so inferred",
                )

    by_old: dict[str, list[LedgerLine]] = {}
    for ln in relevant:
        for old in ln.readings:
            if old not in alignment:
                by_old.setdefault(old, []).append(ln)
    for old, lns in by_old.items():
        named = {targets(ln) for ln in lns}
        why = ""
        if any(len(ln.readings) > 1 for ln in lns):
            why = "one of several readings"
        elif len(named) != 1 or None in named:
            why = "the ledger names no single new row for it"
        elif not is_branch_row(old, main_rows):
            why = "not a branch row of a row of the 2015 text (never mapped by position)"
        else:
            (t,) = named
            assert t is not None
            if len(t) != 1:
                why = "not exactly one new row"
            elif t[0] in claimed:
                why = f"new row {t[0]} is the alignment's successor of {claimed[t[0]]}"
            elif any(set(targets(x) or ()) & set(t) and other_origin(x, old) for x in relevant):
                why = f"the ledger reads new row {t[0]} in another way too"
        if why:
            for ln in lns:
                effect, detail = decision.effects.get(ln.id, ("reported", ""))
                detail = "; ".join(x for x in (detail, f"{table} {old} not mapped: {why}") if x)
                decision.effects[ln.id] = (effect, detail)
            continue
        new = t[0]
        claimed[new] = old
        decision.added[old] = (new, lns)
        decision.result[old] = Alignment(old, (new,), "inferred")
        for ln in lns:
            decision.effects[ln.id] = ("added", f"{table} {old} → {new} added as inferred")

    for ln in relevant:
        if ln.id in decision.effects:
            continue
        if any(ln in v for v in decision.agrees.values()):
            (old,) = ln.readings
            new = ",".join(alignment[old].new) or "(none)"
            decision.effects[ln.id] = ("agrees", f"agrees with {table} {old} → {new}; confidence unchanged")
        elif ln.readings:
            decision.effects[ln.id] = (
                "reported",
                f"names {table} {' or '.join(ln.readings)} but reads no new row of it; nothing applied",
            )
        else:
            where = f" (a row after {ln.after_last})" if ln.after_last else ""
            also = f" (candidate {', '.join(ln.candidates)})" if ln.candidates else ""
            decision.effects[ln.id] = (
                "reported",
                f"old number not printed{where}{also}; never mapped by position",
            )
    return decision



# --------------------------------------------------------------------------------------------
# the build
# --------------------------------------------------------------------------------------------


class Builder:
    def __init__(self, lawdata: Path) -> None:
        self.lawdata = lawdata
        self.report = Report()
        self.files: dict[str, str] = {}
        self.src = {
            name: read_source(lawdata, name)
            for name in (
                "old_beppyo1_2015.tsv",
                "old_beppyo2_2015.tsv",
                "new_beppyo_2025-06-20.tsv",
                "new_rei2_table_2025-04-01.tsv",
                "beppyo2_interim_2024-05-27.tsv",
                "align_beppyo1_to_beppyo.csv",
                "align_beppyo2_to_rei2.csv",
                "align_order_refs_old_to_new.csv",
                "branch_rows_2016_2024.csv",
                "new_on_2024-05-27.csv",
                LEDGER,
            )
        }
        self.notes_text = (lawdata / "branch_rows_2016_2024_notes.md").read_text(encoding="utf-8")
        self.readme_text = (lawdata / "README.md").read_text(encoding="utf-8")

    # ---- helpers ------------------------------------------------------------------------

    def where(self, name: str, line: int) -> str:
        return f"{name}:{line}"

    def revision(self, name: str) -> str:
        for h in self.src[name].header:
            if h.startswith("REVISION:"):
                return h[len("REVISION:") :].strip()
        return ""

    # ---- tables -------------------------------------------------------------------------

    def build_tables(self) -> None:
        old1 = self.src["old_beppyo1_2015.tsv"]
        old2 = self.src["old_beppyo2_2015.tsv"]
        new1 = self.src["new_beppyo_2025-06-20.tsv"]
        new2 = self.src["new_rei2_table_2025-04-01.tsv"]
        interim = self.src["beppyo2_interim_2024-05-27.tsv"]
        branch = self.src["branch_rows_2016_2024.csv"]

        self.old1: dict[str, tuple[str, str]] = {}  # key -> (actor, status)
        self.old2: dict[str, tuple[str, str]] = {}
        self.new1: dict[str, str] = {}
        self.new2: dict[str, str] = {}
        self.new2_article: dict[str, int] = {}
        self.interim: dict[str, dict[str, str]] = {}

        rows_old1 = []
        for line, r in old1.rows:
            k = key(r["item"])
            status = "削除" if r["actor(上欄)"] == "削除" else "2015"
            self.old1[k] = (r["actor(上欄)"] if status != "削除" else "", status)
            rows_old1.append(
                [
                    k,
                    r["actor(上欄)"] if status != "削除" else "",
                    status,
                    "established",
                    f"old_beppyo1_2015.tsv:{line}",
                ]
            )
        rows_old2 = []
        for line, r in old2.rows:
            k = key(r["item"])
            status = (
                "削除"
                if r["情報照会者"] == "削除" or r["item_kanji"] == "三十六" and not r["情報照会者"]
                else "2015"
            )
            self.old2[k] = (r["情報照会者"] if status != "削除" else "", status)
            rows_old2.append(
                [
                    k,
                    r["情報照会者"] if status != "削除" else "",
                    status,
                    "established",
                    f"old_beppyo2_2015.tsv:{line}",
                ]
            )
        for line, r in branch.rows:
            k = key(r["old_row"])
            target, out = (self.old1, rows_old1) if r["table"] == "別表第一" else (self.old2, rows_old2)
            if k in target:
                self.report.reject(
                    self.where(branch.name, line), f"branch row {k} collides with a row of the 2015 text"
                )
                continue
            target[k] = ("", "branch")
            out.append([k, "", "branch (2016-2024)", r["confidence"], f"branch_rows_2016_2024.csv:{line}"])
        # written by write_old_tables, after the amendment ledger may have added branch rows
        self.rows_old_tables = {"別表第一": rows_old1, "別表第二": rows_old2}

        rows_new1 = []
        for line, r in new1.rows:
            k = key(r["item"])
            self.new1[k] = r["actor(第一欄)"]
            note = "main row (2024-05-27 numbering)" if "の" not in k else "branch row added after 2024-05-27"
            rows_new1.append(
                [k, r["actor(第一欄)"], r["jimu(第二欄)"], note, f"new_beppyo_2025-06-20.tsv:{line}"]
            )
        self.rows_new1_table = rows_new1

        rows_new2 = []
        for line, r in new2.rows:
            k = key(r["item"])
            self.new2[k] = r["情報照会者"]
            art = kanji_article(r["detail_article"])
            self.new2_article[k] = art
            rows_new2.append(
                [
                    k,
                    r["情報照会者"],
                    r["特定個人番号利用事務"],
                    str(art),
                    f"new_rei2_table_2025-04-01.tsv:{line}",
                ]
            )
        self.rows_new2_table = rows_new2

        rows_interim = []
        for line, r in interim.rows:
            k = key(r["item"])
            r = dict(r, _line=str(line))
            self.interim[k] = r
            art = "" if r["a007_article"].startswith("(") else article_key(r["a007_article"])
            rows_interim.append(
                [
                    k,
                    art,
                    r["照会者(inferred)"],
                    r["pre_renumbering_item(2015 table/city numbering)"],
                    f"beppyo2_interim_2024-05-27.tsv:{line}",
                ]
            )
        self.files["tables/beppyo2_interim_rows.csv"] = csv_text(
            ["row", "old_order_article", "actor_inferred", "old_row", "source"], rows_interim
        )

    # ---- 別表第一 → 別表 ------------------------------------------------------------------

    def build_beppyo1(self) -> None:
        src = self.src["align_beppyo1_to_beppyo.csv"]
        out: list[Row] = []
        claimed: dict[str, str] = {}
        for line, r in src.rows:
            if not r["old_item"]:
                continue  # a new row without an old one
            where = self.where(src.name, line)
            old = key(r["old_item"])
            if old not in self.old1:
                self.report.reject(where, f"old row {old} is not in the 2015 text of 別表第一")
                continue
            if self.old1[old][1] == "削除":
                self.report.not_mapped.append(
                    f"別表第一 {old}: already 削除 in the 2015 text ({where}); not mapped, a citation of it is reported"
                )
                continue
            if self.old1[old][0] != r["old_actor"]:
                self.report.reject(where, f"old_actor differs from old_beppyo1_2015.tsv row {old}")
                continue
            if not r["new_item"]:
                ev = (
                    f"{src.name}:{line}: {r['evidence']}; the complete new 別表 (2025-06-20, 176 rows) was "
                    f"aligned and none carries this row's task (old actor {r['old_actor']})"
                )
                out.append(Row(old, [], "deleted", "established", "content-aligned", ev, r["old_actor"], ""))
                continue
            new = key(r["new_item"])
            if new not in self.new1:
                self.report.reject(where, f"new row {new} is not in the new 別表")
                continue
            if self.new1[new] != r["new_actor"]:
                self.report.reject(where, f"new_actor differs from new_beppyo_2025-06-20.tsv row {new}")
                continue
            if not actors_agree(r["old_actor"], r["new_actor"]):
                self.report.reject(where, f"who-column differs: {r['old_actor']!r} vs {r['new_actor']!r}")
                continue
            if new in claimed:
                self.report.reject(where, f"new row {new} already claimed by old {claimed[new]}")
                continue
            claimed[new] = old
            method = "manual-check" if r["evidence"].startswith("manual") else "content-aligned"
            ev = f"{src.name}:{line}: {r['evidence']}"
            if "seed pair confirmed" in r["evidence"]:
                ev += f"; seed-document: {SEED_DOC} rewrites 別表第一の{old}の項 to 別表の{new}の項"
            out.append(
                Row(old, [new], "renumbered", "established", method, ev, r["old_actor"], r["new_actor"])
            )

        branch = self.src["branch_rows_2016_2024.csv"]
        for line, r in branch.rows:
            if r["table"] != "別表第一":
                continue
            where = self.where(branch.name, line)
            old, new = key(r["old_row"]), key(r["new_row"])
            if new not in self.new1:
                self.report.reject(where, f"new row {new} is not in the new 別表")
                continue
            if new in claimed:
                self.report.reject(where, f"new row {new} already claimed by old {claimed[new]}")
                continue
            if any(x.old == old for x in out):
                self.report.reject(where, f"old row {old} already mapped")
                continue
            claimed[new] = old
            method = "amending-act" if r["confidence"] == "established" else "list-position"
            ev = (
                f"{branch.name}:{line}: {r['evidence']} [who-column: the old row's text (2016-2024) was not "
                f"found, so its actor cannot be compared; new actor {self.new1[new]}]"
            )
            out.append(Row(old, [new], "renumbered", r["confidence"], method, ev, "", self.new1[new]))
        self.write_transition("beppyo1_to_beppyo.csv", out)

    # ---- the amendment ledger 2016-2024 ----------------------------------------------------

    def build_ledger(self) -> None:
        """Apply ``amendments_2016_2024.csv`` to the two chains with :func:`apply_ledger_rule`.

        Runs after the alignments are built: it can only lower a row to ``inferred``, add an
        ``inferred`` branch row, or attach the ledger line to a row's evidence.
        """
        src = self.src[LEDGER]
        last_rows = {
            table: str(max(RowNumber.parse(k).main for k, (_, status) in rows.items() if status != "branch"))
            for table, rows in (("別表第一", self.old1), ("別表第二", self.old2))
        }
        lines: list[LedgerLine] = []
        after_of: dict[str, str] = {}
        self.ledger_effects: dict[str, tuple[str, str]] = {}
        self.ledger_all: list[tuple[int, dict[str, str], LedgerLine | None]] = []
        for line, r in src.rows:
            where = self.where(src.name, line)
            try:
                ln = parse_ledger_line(line, r, last_rows, after_of)
            except ValueError as exc:
                self.report.reject(where, str(exc))
                self.ledger_effects[r["id"]] = ("rejected", str(exc))
                self.ledger_all.append((line, r, None))
                continue
            after_of[ln.id] = ln.after_last
            problem = self.check_ledger_line(ln)
            if problem:
                self.report.reject(where, f"{ln.id}: {problem}")
                self.ledger_effects[ln.id] = ("rejected", problem)
                self.ledger_all.append((line, r, ln))
                continue
            lines.append(ln)
            self.ledger_all.append((line, r, ln))

        i2r = {r.old: r for r in self.rows_interim_to_rei2}  # type: ignore[attr-defined]
        for table, transition in (("別表第一", "beppyo1_to_beppyo.csv"), ("別表第二", "beppyo2_to_interim.csv")):
            rows: list[Row] = getattr(self, "rows_" + transition[:-4])
            old_rows = self.old1 if table == "別表第一" else self.old2
            alignment = {}
            for r in rows:
                if table == "別表第一" or not r.new:
                    alignment[r.old] = Alignment(r.old, tuple(r.new), r.confidence)
                    continue
                nxt = i2r.get(r.new[0])
                if nxt is None:
                    continue
                conf = "inferred" if "inferred" in (r.confidence, nxt.confidence) else "established"
                alignment[r.old] = Alignment(r.old, tuple(nxt.new), conf)
            main_rows = {k for k, (_, status) in old_rows.items() if status != "branch"}
            decision = apply_ledger_rule(table, alignment, lines, main_rows)
            by_old = {r.old: r for r in rows}
            for old, against in decision.lowered.items():
                row = by_old[old]
                row.confidence = decision.result[old].confidence
                for ln in against:
                    row.evidence += "; " + self.ledger_evidence(ln) + (
                        " [another reading of this row, so at most inferred; the ledger never establishes a row]"
                    )
            for old, agreeing in decision.agrees.items():
                if old in decision.lowered:
                    continue
                for ln in agreeing:
                    row = by_old[old]
                    row.evidence += f"; {self.ledger_ref(ln)} agrees"
            for old, (new, lns) in decision.added.items():
                added = self.ledger_row(table, old, new, decision.result[old].confidence, lns, rows)
                if isinstance(added, str):
                    for ln in lns:
                        self.report.reject(self.where(src.name, ln.line), f"{ln.id}: {added}")
                        decision.effects[ln.id] = ("rejected", added)
                    continue
                rows.append(added)
                old_rows[old] = ("", "branch")
                self.rows_old_tables[table].append(
                    [old, "", "branch (2016-2024)", added.confidence, ", ".join(f"{LEDGER}:{ln.line}" for ln in lns)]
                )
            for lid, effect in decision.effects.items():
                if lid in self.ledger_effects and effect[0] == "not-identified":
                    continue
                self.ledger_effects[lid] = effect
            self.write_transition(transition, rows)

    def check_ledger_line(self, ln: LedgerLine) -> str:
        """'' if the line's new rows exist and its quoted new-table text is that row's; else why not."""
        tables = {"別表": self.new1, "第2条の表": self.new2}
        for t, rows in ln.targets.items():
            for n in rows:
                if n not in tables[t]:
                    return f"new row {n} is not in the {t}"
        content, content_source = ln.raw["content"], ln.raw["content_source"]
        quoted = {"new_beppyo": "別表", "new_rei2_table": "第2条の表"}
        for prefix, t in quoted.items():
            if not content_source.startswith(prefix):
                continue
            number, _, rest = content.partition("\u3000")
            actor = rest.split("｜")[0]
            try:
                n = str(parse_int(number))
            except ValueError:
                return f"content does not begin with a row number of the {t}: {content[:20]!r}"
            if n not in ln.targets.get(t, ()):
                return f"content quotes row {n} of the {t}, new_row says {ln.raw['new_row']}"
            if tables[t][n] != actor:
                return f"content's who-column {actor!r} is not that of {t} {n} ({tables[t][n]!r})"
        return ""

    def ledger_ref(self, ln: LedgerLine) -> str:
        r = ln.raw
        return (
            f"amendment ledger {LEDGER}:{ln.line} ({ln.id}; {r['amending_act']} {r['amending_provision']}; "
            f"in force {r['effective_date'] or '?'}; ledger: {r['confidence']})"
        )

    def ledger_evidence(self, ln: LedgerLine) -> str:
        r = ln.raw
        return (
            f"{self.ledger_ref(ln)}: {r['change']}: old {r['old_row']} → {r['new_row'] or '?'}; "
            f"{r['alignment_basis']}"
        )

    def ledger_row(
        self, table: str, old: str, new: str, confidence: str, lns: list[LedgerLine], rows: list[Row]
    ) -> Row | str:
        """The transition row the ledger adds for ``old`` -> ``new`` (a str says why it cannot)."""
        ev = " | ".join(
            self.ledger_evidence(ln) + f" [added by the ledger as inferred: no text prints 「{old}」]"
            for ln in lns
        )
        if table == "別表第一":
            ev += f" [who-column: the old row's text (2016-2024) was not found; new actor {self.new1[new]}]"
            return Row(old, [new], "renumbered", confidence, "list-position", ev, "", self.new1[new])
        # 別表第二 goes through the interim numbering: the one interim row that becomes ``new``
        taken = {n for r in rows for n in r.new}
        interim = [
            r.old
            for r in self.rows_interim_to_rei2  # type: ignore[attr-defined]
            if tuple(r.new) == (new,) and r.old not in taken
        ]
        if len(interim) != 1:
            return f"no single free interim row becomes 第2条の表 {new} ({interim})"
        k = interim[0]
        r = self.interim[k]
        where = self.where("beppyo2_interim_2024-05-27.tsv", int(r["_line"]))
        ev += (
            f" | {where}: interim row {k} ({r['a007_article']}, {r['照会者(inferred)']}) → 第2条の表 {new} "
            "[who-column: the old row's text (2016-2024) was not found]"
        )
        return Row(old, [k], "renumbered", confidence, "list-position", ev, "", r["照会者(inferred)"])

    def write_old_tables(self) -> None:
        cols_old = ["row", "actor", "status", "confidence", "source"]
        for table, name in (("別表第一", "tables/old_beppyo1_rows.csv"), ("別表第二", "tables/old_beppyo2_rows.csv")):
            rows = sorted(self.rows_old_tables[table], key=lambda x: RowNumber.parse(x[0]))
            self.files[name] = csv_text(cols_old, rows)

    def ledger_csv(self) -> str:
        out = []
        for line, r, ln in self.ledger_all:
            effect, detail = self.ledger_effects.get(r["id"], ("reported", "not applied to a table's rows"))
            new = ""
            if ln is not None:
                new = ";".join(
                    f"{t} {n}" for t, rows in ln.targets.items() for n in (rows or ("(none)",))
                )
            out.append(
                [
                    r["id"],
                    f"{LEDGER}:{line}",
                    r["table"],
                    ";".join(ln.readings) if ln else "",
                    ";".join(ln.candidates) if ln else "",
                    ln.after_last if ln else "",
                    new,
                    r["effective_date"],
                    r["amending_act"],
                    r["amending_provision"],
                    r["change"],
                    r["old_row"],
                    r["alignment_basis"],
                    r["confidence"],
                    effect,
                    detail,
                ]
            )
        return csv_text(LEDGER_COLUMNS, out)

    # ---- 別表第一 / 別表第二 before 2019-10-01 ---------------------------------------------

    def build_pre2019(self) -> None:
        quote1 = "第六十九条中「九十六の項」とあるのは「九十五の項」と、第七十条中「九十七の項」とあるのは「九十六の項」と、第七十一条中「九十八の項」とあるのは「九十七の項」とする"
        quote2 = "changed 第五十九条の三 from 「百十九の項」 to 「百二十の項」"
        if quote1 not in self.notes_text or quote2 not in self.notes_text:
            self.report.reject(
                "branch_rows_2016_2024_notes.md §5",
                "the 2019-10-01 shift evidence was not found; dated transitions not built",
            )
            return
        ev1 = (
            "branch_rows_2016_2024_notes.md §5: the original A005 (平成26年内閣府・総務省令第5号) 附則第2項 reads, "
            f"until 2019-10-01 (年金生活者支援給付金法 施行日), 「{quote1}」; the 年金生活者支援給付金 row "
            "(2015-text 95) came into force on 2019-10-01 and the rows after it moved up by one"
        )
        rows1 = []
        for pre in (95, 96, 97):
            old, new = str(pre), str(pre + 1)
            rows1.append(
                Row(old, [new], "renumbered", "established", "amending-act", ev1, "", self.old1[new][0])
            )
        self.write_transition("beppyo1_pre2019_to_2019.csv", rows1)

        ev2 = (
            "branch_rows_2016_2024_notes.md §5: A007 令和元年9月30日内閣府・総務省令第8号 (施行 2019-10-01) "
            "changed 第五十九条の三 from 「百十九の項」 to 「百二十の項」 (難病, 2015-text 120); the "
            "年金生活者支援給付金 row (2015-text 117) came into force on 2019-10-01"
        )
        rows2 = [
            Row("119", ["120"], "renumbered", "established", "amending-act", ev2, "", self.old2["120"][0])
        ]
        for pre in (117, 118):
            ev = ev2 + (
                f"; {pre} → {pre + 1} is deduced from the contiguous numbering between the inserted row 117 and "
                "120 (no text states it)"
            )
            rows2.append(
                Row(
                    str(pre),
                    [str(pre + 1)],
                    "renumbered",
                    "inferred",
                    "list-position",
                    ev,
                    "",
                    self.old2[str(pre + 1)][0],
                )
            )
        self.write_transition("beppyo2_pre2019_to_2019.csv", rows2)

    # ---- 別表第二: old → interim -----------------------------------------------------------

    def build_beppyo2_old_to_interim(self) -> None:
        interim_src = self.src["beppyo2_interim_2024-05-27.tsv"]
        branch = self.src["branch_rows_2016_2024.csv"]
        branch_by_new: dict[str, tuple[int, dict[str, str]]] = {}
        for line, r in branch.rows:
            if r["table"] == "別表第二":
                branch_by_new[key(r["new_row"])] = (line, r)
        out: list[Row] = []
        seen_old: dict[str, str] = {}
        for k, r in sorted(self.interim.items(), key=lambda kv: RowNumber.parse(kv[0])):
            line = int(r["_line"])
            where = self.where(interim_src.name, line)
            pre = r["pre_renumbering_item(2015 table/city numbering)"].strip()
            new_items = r["new_items(第2条)"].strip()
            b = branch_by_new.get(key(new_items)) if new_items else None
            if not pre and b is None:
                continue  # no old number: new on 2024-05-27, or unknown (reported in the summary)
            by_position = pre.endswith("?")
            pre_key = key(pre.rstrip("?")) if pre else key(b[1]["old_row"]) if b else ""
            if b is not None and pre and key(pre.rstrip("?")) != key(b[1]["old_row"]):
                self.report.reject(
                    where,
                    f"old number {pre} disagrees with branch_rows_2016_2024.csv:{b[0]} ({b[1]['old_row']})",
                )
                continue
            if pre_key not in self.old2:
                self.report.reject(where, f"old row {pre_key} is not in the old numbering of 別表第二")
                continue
            if pre_key in seen_old:
                self.report.reject(where, f"old row {pre_key} already mapped to interim {seen_old[pre_key]}")
                continue
            old_actor, status = self.old2[pre_key]
            if status == "削除":
                self.report.reject(where, f"old row {pre_key} is 削除 in the 2015 text")
                continue
            art = r["a007_article"]
            if b is not None:
                confidence = "inferred"
                method = "seed-document" if pre_key == "85の2" else "list-position"
                ev = (
                    f"{branch.name}:{b[0]}: {b[1]['evidence']} | {where}: interim row {k} ({art}) "
                    f"→ 第2条の表 {new_items}"
                )
                if pre_key == "85の2":
                    ev += f"; the old number 85の2 is cited in {SEED_DOC} (old list, line 907)"
            elif by_position:
                confidence, method = "inferred", "list-position"
                ev = f"{where}: interim row {k} {art}; old number {pre} by position only: {r['note']}"
            else:
                confidence, method = "established", "content-aligned"
                ev = (
                    f"{where}: the old order's text names 法別表第二の{k}の項 in {art}, whose 号 were aligned "
                    f"by statute and 照会者 with 2015 row {pre_key} ({r['照会者_source']})"
                )
                if not actors_agree(old_actor, r["照会者(inferred)"]):
                    self.report.reject(
                        where, f"who-column differs: {old_actor!r} vs {r['照会者(inferred)']!r}"
                    )
                    continue
            seen_old[pre_key] = k
            out.append(
                Row(pre_key, [k], "renumbered", confidence, method, ev, old_actor, r["照会者(inferred)"])
            )

        # old rows of the 2015 text that no interim row carries: deleted if both neighbours are
        # content-aligned to adjacent interim rows (no slot is left for them).
        carried = set(seen_old)
        ordered = sorted(self.old2, key=RowNumber.parse)
        for i, old in enumerate(ordered):
            actor, status = self.old2[old]
            if old in carried or status != "2015":
                if status == "削除":
                    self.report.not_mapped.append(
                        f"別表第二 {old}: already 削除 in the 2015 text; not mapped"
                    )
                continue
            prev_, next_ = ordered[i - 1], ordered[i + 1]
            prow = next((x for x in out if x.old == prev_), None)
            nrow = next((x for x in out if x.old == next_), None)
            if (
                prow
                and nrow
                and prow.confidence == "established"
                and nrow.confidence == "established"
                and RowNumber.parse(nrow.new[0]).main - RowNumber.parse(prow.new[0]).main == 1
            ):
                ev = (
                    f"old_beppyo2_2015.tsv row {old} ({actor}: {self.task2(old)}) has no row in the interim "
                    f"numbering of 2024-05-27: its neighbours {prev_} and {next_} are content-aligned to the "
                    f"adjacent interim rows {prow.new[0]} and {nrow.new[0]} (beppyo2_interim_2024-05-27.tsv), "
                    f"and no row of the new 第2条の表 carries its task (lawdata README: 'gone from both tables')"
                )
                out.append(Row(old, [], "deleted", "established", "content-aligned", ev, actor, ""))
            else:
                self.report.reject(
                    f"old_beppyo2_2015.tsv row {old}",
                    "no interim row and no adjacent neighbours: left unknown",
                )
        self.write_transition("beppyo2_to_interim.csv", out)

    def task2(self, old: str) -> str:
        for _, r in self.src["old_beppyo2_2015.tsv"].rows:
            if key(r["item"]) == old:
                return r["事務"]
        return ""

    # ---- 別表第二: interim → 第2条の表 ----------------------------------------------------

    def build_interim_to_rei2(self) -> None:
        src = self.src["align_beppyo2_to_rei2.csv"]
        out: list[Row] = []
        claimed: dict[str, str] = {}
        for line, r in src.rows:
            if r["relation"] == "new":
                continue
            where = self.where(src.name, line)
            k = key(r["old_item"])
            if k not in self.interim:
                self.report.reject(where, f"interim row {k} not in beppyo2_interim_2024-05-27.tsv")
                continue
            actor = self.interim[k]["照会者(inferred)"]
            if r["relation"] == "deleted":
                if r["new_items"]:
                    self.report.reject(where, "deleted row with new items")
                    continue
                confidence = "inferred" if "possibly" in r["evidence"] else "established"
                ev = f"{where}: {r['evidence']}"
                out.append(Row(k, [], "deleted", confidence, "content-aligned", ev, actor, ""))
                continue
            if r["relation"] != "same":
                self.report.reject(where, f"unknown relation {r['relation']!r}")
                continue
            news = [key(x) for x in r["new_items"].split(";")]
            bad = [n for n in news if n not in self.new2]
            if bad:
                self.report.reject(where, f"new rows {bad} not in 第2条の表")
                continue
            if len(news) != 1:
                self.report.reject(where, "a 'same' row with several new rows")
                continue
            new = news[0]
            if f"第{self.new2_article[new]}条" != r["new_article"]:
                self.report.reject(
                    where, f"new_article {r['new_article']} is not the detail article of row {new}"
                )
                continue
            if not actors_agree(actor, self.new2[new]):
                self.report.reject(where, f"who-column differs: {actor!r} vs {self.new2[new]!r}")
                continue
            if new in claimed:
                self.report.reject(where, f"new row {new} already claimed by interim {claimed[new]}")
                continue
            claimed[new] = k
            ev = f"{where}: {r['evidence']}"
            out.append(
                Row(k, [new], "renumbered", "established", "content-aligned", ev, actor, self.new2[new])
            )
        self.write_transition("interim_to_rei2.csv", out)

    # ---- 第2条の表 row → detail article ----------------------------------------------------

    def build_rei2_articles(self) -> None:
        out = []
        for line, r in self.src["new_rei2_table_2025-04-01.tsv"].rows:
            k = key(r["item"])
            art = self.new2_article[k]
            if art != RowNumber.parse(k).main + 2:
                self.report.reject(
                    f"new_rei2_table_2025-04-01.tsv:{line}", f"detail article {art} is not row + 2"
                )
                continue
            ev = (
                f"new_rei2_table_2025-04-01.tsv:{line}: row {k} of 第2条の表 names 「{r['detail_article']}で定めるもの」 "
                "(令和6年デジタル庁・総務省令第9号, 2025-04-01 text)"
            )
            out.append(
                Row(
                    k,
                    [str(art)],
                    "renumbered",
                    "established",
                    "content-aligned",
                    ev,
                    r["情報照会者"],
                    r["情報照会者"],
                )
            )
        self.write_transition("rei2_rows_to_articles.csv", out)

    # ---- old order article → interim row ----------------------------------------------------

    def build_order_articles(self) -> None:
        out = []
        for k, r in sorted(self.interim.items(), key=lambda kv: RowNumber.parse(kv[0])):
            art = r["a007_article"]
            if art.startswith("("):
                continue
            a = article_key(art)
            ev = (
                f"beppyo2_interim_2024-05-27.tsv:{r['_line']}: 平成26年内閣府・総務省令第7号 {art} names "
                f"「法別表第二の{k}の項」 in its text (A007 read in full)"
            )
            out.append(
                Row(a, [k], "renumbered", "established", "content-aligned", ev, "", r["照会者(inferred)"])
            )
        self.report.not_mapped.append("old order 第59条の2: 削除 in the old order's text; not mapped")
        self.write_transition("order7_articles_to_interim.csv", out)
        self.order_article_to_interim = {x.old: x.new[0] for x in out}

    # ---- old order 号 → new order 号 --------------------------------------------------------

    def build_order_items(self, interim_to_rei2: dict[str, list[str]]) -> None:
        src = self.src["align_order_refs_old_to_new.csv"]
        out: list[Row] = []
        letters = 0
        seen: set[str] = set()
        claimed: dict[str, str] = {}
        for line, r in src.rows:
            old_ref, new_ref = r["old_ref"], r["new_ref"]
            if not old_ref:
                continue
            where = self.where(src.name, line)
            if re.search(r"-[イロハニホヘトチリヌルヲワカヨタレソツネナラム]$", old_ref):
                letters += 1
                continue
            parts = old_ref.split("-")
            article = parts[0]
            if article not in self.order_article_to_interim:
                if article == "59の2":
                    continue
                self.report.reject(where, f"old article {article} is not an article of the old order")
                continue
            mapped = interim_to_rei2.get(self.order_article_to_interim[article], [])
            expected_article = str(self.new2_article[mapped[0]]) if mapped else None
            if len(parts) == 1:
                # a single-sentence article: checked against the article mapping only
                got = new_ref.split("-")[0] if new_ref else None
                if got != expected_article:
                    self.report.reject(
                        where,
                        f"article {article}: {new_ref or 'dropped'} disagrees with the row mapping ({expected_article})",
                    )
                continue
            k = old_ref
            if k in seen:
                self.report.reject(where, f"duplicate old ref {k}")
                continue
            seen.add(k)
            tag = r["evidence"].split(":")[0]
            ev = (
                f"{where}: {r['evidence']} [inferred: aligned on the old order's interim text of 2024-05-27; "
                "documents cite the text before that day]"
            )
            if not new_ref:
                out.append(Row(k, [], "deleted", "inferred", "content-aligned", ev))
                continue
            new_article = new_ref.split("-")[0]
            if new_article != expected_article:
                self.report.reject(
                    where,
                    f"new article {new_article} is not the article of the mapped row ({expected_article}) [{tag}]",
                )
                continue
            if new_ref in claimed:
                self.report.reject(where, f"new ref {new_ref} already claimed by {claimed[new_ref]}")
                continue
            claimed[new_ref] = k
            out.append(Row(k, [new_ref], "renumbered", "inferred", "content-aligned", ev))
        self.report.not_mapped.append(
            f"old order イロハ letters: {letters} letter-level rows of align_order_refs_old_to_new.csv are not mapped "
            "(the letters documents cite predate the interim text); such references are findings"
        )
        self.write_transition("order7_items_to_rei2_items.csv", out, order_keys=True)

    # ---- the new tables, with where each row came from -------------------------------------

    def build_new_tables(self) -> None:
        """Write the new tables with an ``origin`` column.

        ``mapped`` (an old row maps onto it), ``new-2024-05-27`` (new_on_2024-05-27.csv: never had
        an old number), ``no-old-row`` (branch rows of the 2025 text added after 2024-05-27, or rows
        of the order with no counterpart in the old table: entered on 2024-05-27 or later), ``old-number-unknown`` (it existed before
        2024-05-27 but its old number was not found: citations of it cannot be mapped).
        """
        new_on: dict[str, set[str]] = {"別表第一": set(), "別表第二": set()}
        for _, r in self.src["new_on_2024-05-27.csv"].rows:
            new_on[r["table"]].add(key(r["new_row"]))
        targets1 = {n for r in self.rows_beppyo1_to_beppyo for n in r.new}  # type: ignore[attr-defined]
        rows = []
        for rec in self.rows_new1_table:
            k = rec[0]
            if k in targets1:
                origin = "mapped"
            elif k in new_on["別表第一"]:
                origin = "new-2024-05-27"
            elif "の" in k:
                origin = "no-old-row"
            else:
                origin = "old-number-unknown"
            rows.append([*rec[:3], origin, *rec[3:]])
        self.files["tables/new_beppyo_rows.csv"] = csv_text(
            ["row", "actor", "task", "origin", "note", "source"], rows
        )

        interim_with_old = {x.new[0] for x in self.rows_beppyo2_to_interim if x.new}  # type: ignore[attr-defined]
        targets2 = {
            n
            for r in self.rows_interim_to_rei2
            if r.old in interim_with_old
            for n in r.new  # type: ignore[attr-defined]
        }
        from_interim = {n for r in self.rows_interim_to_rei2 for n in r.new}  # type: ignore[attr-defined]
        rows = []
        for rec in self.rows_new2_table:
            k = rec[0]
            if k in targets2:
                origin = "mapped"
            elif k in new_on["別表第二"]:
                origin = "new-2024-05-27"
            elif k not in from_interim:
                origin = "no-old-row"
            else:
                origin = "old-number-unknown"
            rows.append([*rec[:3], origin, *rec[3:]])
        self.files["tables/new_order_table_rows.csv"] = csv_text(
            ["row", "actor", "task", "origin", "detail_article", "source"], rows
        )
        for name, rs in (
            ("new 別表", self.files["tables/new_beppyo_rows.csv"]),
            ("new 第2条の表", self.files["tables/new_order_table_rows.csv"]),
        ):
            origins = Counter(
                rec[3] for rec in csv.reader(io.StringIO(rs.lstrip("\ufeff"))) if rec[0] != "row"
            )
            self.report.notes.append(f"{name}: " + ", ".join(f"{k} {v}" for k, v in sorted(origins.items())))

    # ---- output -------------------------------------------------------------------------

    def write_transition(self, name: str, rows: list[Row], *, order_keys: bool = False) -> None:
        rows = sort_rows(rows, order_keys=order_keys)
        self.files[name] = csv_text(CSV_COLUMNS, (r.record() for r in rows))
        self.report.counts[name] = Counter(
            "deleted" if r.relation == "deleted" else r.confidence for r in rows
        )
        setattr(self, "rows_" + name.split(".")[0], rows)

    def build(self) -> dict[str, str]:
        self.build_tables()
        self.build_beppyo1()
        self.build_pre2019()
        self.build_beppyo2_old_to_interim()
        self.build_interim_to_rei2()
        self.build_ledger()
        self.write_old_tables()
        self.files[LEDGER] = self.ledger_csv()
        self.build_rei2_articles()
        self.build_order_articles()
        i2r = {r.old: r.new for r in self.rows_interim_to_rei2}  # type: ignore[attr-defined]
        self.build_order_items(i2r)
        self.build_new_tables()
        self.files["transitions.toml"] = self.transitions_toml()
        self.files["BUILD_REPORT.md"] = self.report_md()
        return self.files

    def transitions_toml(self) -> str:
        def rev(name: str) -> str:
            return self.revision(name).replace('"', "'")

        t = [
            "# Metadata of the mapping files in this folder (read with tomllib).",
            "# Generated by tools/build_mappings.py from ../shared/lawdata; do not edit by hand.",
            "#",
            "# [numbering.<id>]: one numbering of a table; valid_from / valid_until (inclusive) say when documents",
            "#   cite it. A citation dated after the last numbering of an abolished table is read in its last one.",
            "# [[transition]]: one CSV file of rows old -> new between two numberings; passthrough_below = rows",
            "#   below this number keep their number (established by the evidence given).",
            "# [[chain]]: what the library looks up: a table's citations are mapped from the numbering in force",
            "#   on the document's date to `target`, composing the transitions along the way.",
            "",
        ]
        numberings = [
            (
                "beppyo1-2015",
                "別表第一",
                "番号法 別表第一, numbering before 2019-10-01 (2015 text with rows 96-98 one lower)",
                "2015-09-09",
                "2019-09-30",
                {},
            ),
            (
                "beppyo1-2024",
                "別表第一",
                "番号法 別表第一, numbering in force 2019-10-01 .. 2024-05-26 (2015 text + branch rows)",
                "2019-10-01",
                "2024-05-26",
                {"rows_file": "tables/old_beppyo1_rows.csv"},
            ),
            (
                "beppyo",
                "別表",
                "番号法 別表 (第九条関係), numbering since 2024-05-27",
                "2024-05-27",
                "",
                {"rows_file": "tables/new_beppyo_rows.csv"},
            ),
            (
                "beppyo2-2015",
                "別表第二",
                "番号法 別表第二, numbering before 2019-10-01 (2015 text with rows 118-120 one lower)",
                "2015-09-09",
                "2019-09-30",
                {},
            ),
            (
                "beppyo2-2024",
                "別表第二",
                "番号法 別表第二, numbering in force 2019-10-01 .. 2024-05-26 (2015 text + branch rows)",
                "2019-10-01",
                "2024-05-26",
                {"rows_file": "tables/old_beppyo2_rows.csv"},
            ),
            (
                "beppyo2-interim",
                "別表第二",
                "interim sequential numbering 1..157 of the old order's text of 2024-05-27 (never cited)",
                "2024-05-27",
                "2024-05-27",
                {"rows_file": "tables/beppyo2_interim_rows.csv", "cited": False},
            ),
            (
                "rei2-table",
                "主務省令第2条の表",
                "第2条の表 of 令和6年デジタル庁・総務省令第9号, since 2024-05-27",
                "2024-05-27",
                "",
                {"rows_file": "tables/new_order_table_rows.csv"},
            ),
            (
                "order7-article",
                "旧主務省令 条",
                "articles of 平成26年内閣府・総務省令第7号 (repealed 2024-05-27)",
                "",
                "2024-05-26",
                {"derived_from": ["beppyo2-interim", "old_order_article"]},
            ),
            (
                "rei2-article",
                "新主務省令 条",
                "articles of 令和6年デジタル庁・総務省令第9号 (row N of 第2条の表 -> 第(N+2)条)",
                "2024-05-27",
                "",
                {"derived_from": ["rei2-table", "detail_article"]},
            ),
            (
                "order7-item",
                "旧主務省令 号",
                "号 of 平成26年内閣府・総務省令第7号 (as aligned on its interim text)",
                "",
                "2024-05-26",
                {},
            ),
            (
                "rei2-item",
                "新主務省令 号",
                "号 of 令和6年デジタル庁・総務省令第9号 (2025-04-01 text)",
                "2024-05-27",
                "",
                {},
            ),
        ]
        for nid, table, desc, vf, vu, extra in numberings:
            t += [
                f"[numbering.{nid}]",
                f'table = "{table}"',
                f'description = "{desc}"',
                f'valid_from = "{vf}"',
                f'valid_until = "{vu}"',
            ]
            for k, v in extra.items():
                if isinstance(v, bool):
                    t.append(f"{k} = {'true' if v else 'false'}")
                elif isinstance(v, list):
                    t.append(f"{k} = [" + ", ".join(f'"{x}"' for x in v) + "]")
                else:
                    t.append(f'{k} = "{v}"')
            t.append("")
        transitions = [
            (
                "beppyo1_to_beppyo.csv",
                "beppyo1-2024",
                "beppyo",
                ACT_2023_48,
                "2024-05-27",
                "別表第一 → 別表 (renumbered and renamed by 令和5年法律第48号)",
                "",
                [
                    "old_beppyo1_2015.tsv",
                    "new_beppyo_2025-06-20.tsv",
                    "align_beppyo1_to_beppyo.csv",
                    "branch_rows_2016_2024.csv",
                    LEDGER,
                ],
            ),
            (
                "beppyo1_pre2019_to_2019.csv",
                "beppyo1-2015",
                "beppyo1-2024",
                "平成24年法律第102号 (年金生活者支援給付金法) 施行",
                "2019-10-01",
                "別表第一 rows 95-97 before 2019-10-01 became 96-98 when the 年金生活者支援給付金 row came into force",
                "95",
                ["branch_rows_2016_2024_notes.md"],
            ),
            (
                "beppyo2_pre2019_to_2019.csv",
                "beppyo2-2015",
                "beppyo2-2024",
                "平成24年法律第102号 (年金生活者支援給付金法) 施行",
                "2019-10-01",
                "別表第二 rows 117-119 before 2019-10-01 became 118-120 when the 年金生活者支援給付金 row came into force",
                "117",
                ["branch_rows_2016_2024_notes.md"],
            ),
            (
                "beppyo2_to_interim.csv",
                "beppyo2-2024",
                "beppyo2-interim",
                "令和5年デジタル庁・総務省令第15号",
                "2024-05-27",
                "別表第二 (old numbering) → the interim sequential numbering of the old order's last text",
                "",
                ["old_beppyo2_2015.tsv", "beppyo2_interim_2024-05-27.tsv", "branch_rows_2016_2024.csv", LEDGER],
            ),
            (
                "interim_to_rei2.csv",
                "beppyo2-interim",
                "rei2-table",
                f"{ACT_2023_48}; 令和6年デジタル庁・総務省令第9号",
                "2024-05-27",
                "interim 別表第二 rows → 第2条の表 of 令和6年デジタル庁・総務省令第9号 (別表第二 abolished)",
                "",
                [
                    "beppyo2_interim_2024-05-27.tsv",
                    "align_beppyo2_to_rei2.csv",
                    "new_rei2_table_2025-04-01.tsv",
                ],
            ),
            (
                "rei2_rows_to_articles.csv",
                "rei2-table",
                "rei2-article",
                "令和6年デジタル庁・総務省令第9号",
                "2024-05-27",
                "row N of 第2条の表 → its detail article 第(N+2)条",
                "",
                ["new_rei2_table_2025-04-01.tsv"],
            ),
            (
                "order7_articles_to_interim.csv",
                "order7-article",
                "beppyo2-interim",
                "令和5年デジタル庁・総務省令第15号",
                "2024-05-27",
                "article of the old order → the 別表第二 row it details (interim numbering)",
                "",
                ["beppyo2_interim_2024-05-27.tsv"],
            ),
            (
                "order7_items_to_rei2_items.csv",
                "order7-item",
                "rei2-item",
                "令和6年デジタル庁・総務省令第9号 附則第2条",
                "2024-05-27",
                "号 of the old order → 号 of the new order (inferred: aligned on the interim text)",
                "",
                ["align_order_refs_old_to_new.csv"],
            ),
        ]
        for file, frm, to, act, eff, desc, pb, sources in transitions:
            revs = ", ".join(f'"{s}: {rev(s)}"' for s in sources if s in self.src and rev(s))
            t += [
                "[[transition]]",
                f'id = "{file[:-4]}"',
                f'file = "{file}"',
                f'from = "{frm}"',
                f'to = "{to}"',
                f'act = "{act}"',
                f'effective = "{eff}"',
                f'description = "{desc}"',
                f'passthrough_below = "{pb}"',
                "sources = [" + ", ".join(f'"{s}"' for s in sources) + "]",
                f"revisions = [{revs}]",
                "",
            ]
        chains = [
            ("beppyo1", "別表第一", "beppyo1-2024", "beppyo", "別表第一 → 別表"),
            ("beppyo2", "別表第二", "beppyo2-2024", "rei2-table", "別表第二 → 主務省令第2条の表"),
            (
                "order-article",
                "旧主務省令 条",
                "order7-article",
                "rei2-article",
                "旧主務省令 第N条 → 新主務省令 第M条",
            ),
            (
                "order-item",
                "旧主務省令 号",
                "order7-item",
                "rei2-item",
                "旧主務省令 第N条第K号 → 新主務省令 第M条第J号",
            ),
        ]
        for cid, table, default, target, desc in chains:
            t += [
                "[[chain]]",
                f'id = "{cid}"',
                f'table = "{table}"',
                f'default = "{default}"',
                f'target = "{target}"',
                f'description = "{desc}"',
                "",
            ]
        t += [
            "# [ledger]: changes to 別表第一 / 別表第二 by acts in force 2016-2024 (one line each, with the act,",
            "#   provision, date and reading) and what the build did with each: lowered a row to inferred, added an",
            "#   inferred branch row, agrees with a row, or reported only. `explain` shows the lines a row touches.",
            "[ledger]",
            f'file = "{LEDGER}"',
            f'source = "{LEDGER}"',
            'description = "amendments of 番号法 別表第一 / 別表第二 in force 2016-01-01 .. 2024-05-26 (amending texts not found)"',
            "",
        ]
        return "\n".join(t)

    def report_md(self) -> str:
        r = self.report
        lines = [
            "# Build report of mappings/",
            "",
            "Generated by `tools/build_mappings.py` from `../shared/lawdata`. Do not edit by hand.",
            "",
            "## Rows per file",
            "",
            "| file | established | inferred | deleted |",
            "|---|---|---|---|",
        ]
        for name, c in r.counts.items():
            lines.append(
                f"| {name} | {c.get('established', 0)} | {c.get('inferred', 0)} | {c.get('deleted', 0)} |"
            )
        lines += ["", f"## Rows rejected by validation ({len(r.rejected)})", ""]
        lines += [f"- {x}" for x in r.rejected] or ["- none"]
        lines += ["", "## Rows of the new tables by origin", ""]
        lines += [f"- {x}" for x in r.notes]
        lines += ["", "## Known and deliberately not mapped", ""]
        lines += [f"- {x}" for x in r.not_mapped]
        lines += [
            "",
            f"## Amendment ledger ({LEDGER})",
            "",
            "Applied by `apply_ledger_rule`: a line can lower a row to `inferred` (another reading) or add an",
            "`inferred` branch row; it never raises a row to `established`. Each line's act, provision, date and",
            f"reading travel in `mappings/{LEDGER}`.",
            "",
        ]
        by_effect: dict[str, list[str]] = {}
        for lid, (effect, _) in self.ledger_effects.items():
            by_effect.setdefault(effect, []).append(lid)
        lines += ["| effect | lines |", "|---|---|"]
        for effect in ("lowered", "added", "agrees", "reported", "not-identified", "rejected"):
            ids = sorted(by_effect.get(effect, []), key=lambda x: int(x[1:]))
            lines.append(f"| {effect} | {len(ids)}: {', '.join(ids) or '-'} |")
        lines.append("")
        for _, row, _ln in self.ledger_all:
            effect, detail = self.ledger_effects[row["id"]]
            if effect in ("lowered", "added", "reported"):
                lines.append(f"- {row['id']} ({effect}): {detail}")
        lines += ["", "## Sources", ""]
        for name in self.src:
            rev = self.revision(name)
            lines.append(f"- `{name}`" + (f": {rev}" if rev else ""))
        return "\n".join(lines) + "\n"


def write_files(files: dict[str, str], out: Path, *, check: bool) -> list[str]:
    """Write each built file under ``out`` where its bytes differ (nothing with ``check``); the
    names of those that differ.  The data builders in tools/ share it."""
    changed = []
    for rel, text in sorted(files.items()):
        path = out / rel
        data = text.encode("utf-8")
        if not path.exists() or path.read_bytes() != data:
            changed.append(rel)
            if not check:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
    return changed


def builder_main(
    argv: Sequence[str] | None, *, what: str, out: Path, make_builder: Callable[[Path], Any],
    failed: Callable[[Any], int] = lambda builder: 0,
) -> int:
    """The command line every data builder shares: ``--lawdata``, ``--out``, ``--check``; builds
    ``what`` with ``make_builder(lawdata).build()``, writes it (:func:`write_files`) and prints the
    build report.  ``failed(builder)`` counts the builder's own checks that failed (exit 1)."""
    ap = argparse.ArgumentParser(
        description=f"Build {what} from the law data. / 法令データから {what} を生成します。"
    )
    ap.add_argument("--lawdata", type=Path, default=REPO.parent / "shared" / "lawdata")
    ap.add_argument("--out", type=Path, default=out)
    ap.add_argument("--check", action="store_true", help="exit 1 if the output would change")
    args = ap.parse_args(argv)
    if not args.lawdata.is_dir():
        print(f"法令データが見つかりません / law data not found: {args.lawdata}", file=sys.stderr)
        return 2
    builder = make_builder(args.lawdata)
    files = builder.build()
    changed = write_files(files, args.out, check=args.check)
    print(files["BUILD_REPORT.md"])
    n_failed = failed(builder)
    if n_failed:
        print(f"検査に失敗しました / {n_failed} checks failed", file=sys.stderr)
        return 1
    if args.check and changed:
        print("変更があります / would change: " + ", ".join(changed), file=sys.stderr)
        return 1
    print(("書き込み / written: " + ", ".join(changed)) if changed else "変更なし / unchanged")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    return builder_main(argv, what="mappings/", out=REPO / "mappings", make_builder=Builder)


if __name__ == "__main__":
    raise SystemExit(main())

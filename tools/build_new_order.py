#!/usr/bin/env python3
"""Build ``mappings/new_order/`` (the content of the new order) from ``../shared/lawdata``.

The new order is 令和6年デジタル庁・総務省令第9号 (the order under 番号利用法第19条第8号, in force
since 2024-05-27).  This script ships what :mod:`mynumber_refs.derive` reads:

``meta.toml``         the order, the source text (repository, path, commit) and its revision
``table_cells.csv``   第2条の表: one line per 第三欄 cell, with the 第四欄 cell beside it (verbatim)
                      and the provider entry and information categories read from them
``items.csv``         第3条–第175条 (the detail articles of rows 1–173), one line per 号 or letter,
                      the information verbatim, the defined terms it names, and the 号/letters it
                      takes over by 「前号／第N号…に掲げる情報」
``categories.csv``    the terms the table defines (information categories), verbatim
``amendments.csv``    amendments since 2024-05-27 and what is known of their effect; each line
                      quotes the law-data header it rests on, and the build fails if the quote is
                      not there
``BUILD_REPORT.md``   counts and the checks made

Deterministic: running it again on the same law data reproduces the committed files byte for
byte (``tests/test_build_new_order.py`` checks this when the law data is present).

Usage::

    python tools/build_new_order.py [--lawdata ../shared/lawdata] [--out mappings/new_order] [--check]

``--check`` builds into memory and exits 1 if any file would change; any failed check of the
law data makes the build exit 1 as well.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from mynumber_refs.numerals import parse_int  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_mappings import builder_main, csv_text  # noqa: E402  (one way to build and write data)

ITEMS_TSV = "new_order_items_2025-04-01.tsv"
CELLS_TSV = "new_rei2_table_columns34_2025-04-01.tsv"
CATEGORIES_TSV = "new_order_information_categories_2025-04-01.tsv"
TABLE_TSV = "new_rei2_table_2025-04-01.tsv"
JUMINHYO_JSON = "new_rei2_rows_with_juminhyo.json"

ORDER_TITLE = "行政手続における特定の個人を識別するための番号の利用等に関する法律第十九条第八号に基づく利用特定個人情報の提供に関する命令"
ORDER_NUMBER = "令和6年デジタル庁・総務省令第9号"

# The letters of the law's sub-items, in their order (イロハ順).
IROHA = "イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセス"


@dataclass(frozen=True)
class Amendment:
    """One fact about an amendment of the order since 2024-05-27, as the law data states it.

    ``effect``: ``items-inserted`` (号 ``detail`` were inserted in the articles ``provisions``; the
    later 号 moved up by as many), ``changed`` (the provisions were amended; how is not in the
    data) or ``unknown`` (in force on ``date``; which provisions it changed is not in the data).
    ``target``: ``article`` (detail articles), ``table-row`` (rows of 第2条の表) or ``""``.
    """

    id: str
    amendment: str
    date: str
    date_note: str
    target: str
    provisions: str
    effect: str
    detail: str
    source: str  # the law-data file whose header states it
    quote: str  # the words of that header the line rests on (checked verbatim)


_R6_20_2025 = (
    "第20号 (2024-09-20, in force 2024-10-01, but its changes to 第2条の表 110/112/155 and to "
    "第3条, 第112条, 第114条, 第157条 in force 2025-04-01)"
)

AMENDMENTS: tuple[Amendment, ...] = (
    Amendment(
        "r6-15-17", "令和6年デジタル庁・総務省令第15号・第17号", "2024-08-30",
        "date as given in the source (in-force date not stated separately)", "", "", "unknown", "",
        ITEMS_TSV, "令和6年第15号・第17号 (2024-08-30)",
    ),
    Amendment(
        "r6-20", "令和6年デジタル庁・総務省令第20号", "2024-10-01", "in force (its other changes: 2025-04-01)",
        "", "", "unknown", "", ITEMS_TSV, "第20号 (2024-09-20, in force 2024-10-01",
    ),
    Amendment(
        "r6-20-157", "令和6年デジタル庁・総務省令第20号", "2025-04-01", "in force", "article", "157",
        "items-inserted", "1-4", ITEMS_TSV,
        "Known effect: 第157条 items 1-4 (妊婦給付認定/妊婦支援給付金) were inserted, so the 2024-05-27 "
        "items 1-14 of 第157条 are items 5-18 here.",
    ),
    Amendment(
        "r6-20-articles", "令和6年デジタル庁・総務省令第20号", "2025-04-01", "in force", "article", "3;112;114",
        "changed", "", ITEMS_TSV, _R6_20_2025,
    ),
    Amendment(
        "r6-20-rows", "令和6年デジタル庁・総務省令第20号", "2025-04-01", "in force", "table-row", "110;112;155",
        "changed", "", ITEMS_TSV, _R6_20_2025,
    ),
    Amendment(
        "r6-22", "令和6年デジタル庁・総務省令第22号", "2024-12-02", "in force", "", "", "unknown", "",
        ITEMS_TSV, "第22号 (in force 2024-12-02)",
    ),
    Amendment(
        "r7-3", "令和7年デジタル庁・総務省令第3号", "2025-04-01",
        "date as given in the source (the text's revision date)", "", "", "unknown", "",
        ITEMS_TSV, "令和7年第3号 (2025-04-01)",
    ),
)


# --------------------------------------------------------------------------------------------
# reading


@dataclass
class Source:
    name: str
    header: list[str]  # the '#' lines without '# '
    rows: list[tuple[int, dict[str, str]]]  # (1-based line number, row)


def read_tsv(lawdata: Path, name: str) -> Source:
    lines = (lawdata / name).read_text(encoding="utf-8").splitlines()
    header = [ln[1:].strip() for ln in lines if ln.startswith("#")]
    body = [(i + 1, ln) for i, ln in enumerate(lines) if not ln.startswith("#") and ln.strip()]
    columns = body[0][1].split("\t")
    rows = []
    for lineno, ln in body[1:]:
        cells = ln.split("\t")
        cells += [""] * (len(columns) - len(cells))
        rows.append((lineno, dict(zip(columns, cells, strict=True))))
    return Source(name, header, rows)


def header_field(src: Source, key: str) -> str:
    for h in src.header:
        if h.startswith(key + ":"):
            return h[len(key) + 1 :].strip()
    return ""


def toml_string(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)  # a JSON string is a valid TOML basic string


# --------------------------------------------------------------------------------------------
# terms and cross-references


def names_in(text: str, terms: Sequence[str]) -> list[str]:
    """The terms ``text`` names, leftmost-longest (児童扶養手当関係情報 inside 特別児童扶養手当関係情報
    is not a mention of the shorter term), in order of first mention, without repeats."""
    by_length = sorted(set(terms), key=lambda t: (-len(t), t))
    found: list[str] = []
    i = 0
    while i < len(text):
        for t in by_length:
            if text.startswith(t, i):
                if t not in found:
                    found.append(t)
                i += len(t)
                break
        else:
            i += 1
    return found


_KANJI_NUM = "〇一二三四五六七八九十百千"
_CROSS = re.compile(
    rf"^(?:(?P<prev>前号)|第(?P<num>[{_KANJI_NUM}]+)号)(?P<letters>[{IROHA}、及びからまで]*)に掲げる情報$"
)
_LETTER_PART = re.compile(rf"(?P<a>[{IROHA}])(?:から(?P<b>[{IROHA}])まで)?")


class CrossRefError(ValueError):
    pass


def resolve_cross_ref(phrase: str, item: str) -> tuple[str, tuple[str, ...]]:
    """``前号イからニまで、ヘ及びトに掲げる情報`` in 号 ``item`` → (target 号, its letters);
    an empty tuple of letters means the whole 号."""
    m = _CROSS.match(phrase)
    if m is None:
        raise CrossRefError(phrase)
    if m.group("prev"):
        if not item.isdigit() or int(item) < 2:
            raise CrossRefError(f"{phrase} in 号 {item}")
        target = str(int(item) - 1)
    else:
        target = str(parse_int(m.group("num")))
    spec = m.group("letters")
    letters: list[str] = []
    if spec:
        pieces = re.split("、|及び", spec)
        for piece in pieces:
            pm = _LETTER_PART.fullmatch(piece)
            if pm is None:
                raise CrossRefError(phrase)
            a, b = pm.group("a"), pm.group("b")
            if b is None:
                letters.append(a)
            else:
                ia, ib = IROHA.index(a), IROHA.index(b)
                if ib < ia:
                    raise CrossRefError(phrase)
                letters.extend(IROHA[ia : ib + 1])
    return target, tuple(letters)


def item_key(paragraph: str, item: str, letter: str) -> str:
    """Key of a 号 or letter inside its article: ``2項/1/ロ``, ``1/ト``, ``5``, ``2の2``."""
    key = f"{paragraph}項/" if paragraph else ""
    key += item
    if letter:
        key += "/" + letter
    return key


# --------------------------------------------------------------------------------------------
# the build


@dataclass
class Report:
    failed: list[str] = field(default_factory=list)
    passed: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def check(self, ok: bool, what: str, detail: str = "") -> None:
        (self.passed if ok else self.failed).append(what + ("" if ok or not detail else f": {detail}"))


class Builder:
    def __init__(self, lawdata: Path) -> None:
        self.lawdata = lawdata
        self.report = Report()
        self.files: dict[str, str] = {}
        self.items = read_tsv(lawdata, ITEMS_TSV)
        self.cells = read_tsv(lawdata, CELLS_TSV)
        self.categories = read_tsv(lawdata, CATEGORIES_TSV)
        self.table = read_tsv(lawdata, TABLE_TSV)
        self.juminhyo_rows = json.loads((lawdata / JUMINHYO_JSON).read_text(encoding="utf-8"))

    # ---- meta -----------------------------------------------------------------------------

    def build_meta(self) -> None:
        source = header_field(self.items, "SOURCE")
        revision = header_field(self.items, "REVISION")
        m = re.match(r"(\d{4}-\d{2}-\d{2})", revision)
        self.report.check(m is not None, "the items file states its revision date", revision)
        table_rev = header_field(self.table, "REVISION")
        in_force = re.search(r"Original 施行 (\d{4}-\d{2}-\d{2})", table_rev)
        self.report.check(in_force is not None, f"{TABLE_TSV} states when the order came into force", table_rev)
        for other in (self.cells, self.categories):
            rev = header_field(other, "REVISION")
            self.report.check(
                m is not None and rev.startswith(m.group(1)),
                f"{other.name} is of the same revision as {ITEMS_TSV}",
                rev,
            )
        lines = [
            "# The new order's content, built by tools/build_new_order.py from ../shared/lawdata. Do not edit.",
            f"order = {toml_string(ORDER_TITLE)}",
            f"number = {toml_string(ORDER_NUMBER)}",
            f"in_force_from = {toml_string(in_force.group(1) if in_force else '')}",
            f"revision = {toml_string(m.group(1) if m else '')}",
            f"revision_note = {toml_string(revision)}",
            f"source = {toml_string(source)}",
            f"source_in_force = {toml_string(f'{TABLE_TSV}: ' + table_rev)}",
            "",
            "[files]",
            f"items = {toml_string(ITEMS_TSV)}",
            f"table_cells = {toml_string(CELLS_TSV)}",
            f"categories = {toml_string(CATEGORIES_TSV)}",
        ]
        self.files["meta.toml"] = "\n".join(lines) + "\n"

    # ---- 第2条の表 -------------------------------------------------------------------------

    def build_cells(self) -> None:
        out: list[list[str]] = []
        rows_seen: list[int] = []
        for lineno, r in self.cells.rows:
            row = int(r["item"])
            rows_seen.append(row)
            providers = r["providers"].split(" | ")
            informations = r["information"].split(" | ")
            entries = r["provider_list"].split(";")
            pairs = r["pairs"].split(" | ")
            n = int(r["n_cells"])
            self.report.check(
                len(providers) == len(informations) == len(entries) == len(pairs) == n,
                "every row of 第2条の表 has n_cells cells in each column",
                f"row {row}: {len(providers)}/{len(informations)}/{len(entries)}/{len(pairs)} of {n}",
            )
            for k, (prov, info, entry, pair) in enumerate(zip(providers, informations, entries, pairs, strict=False)):
                who, sep, cats = pair.partition("：")
                self.report.check(sep == "：" and who == entry, "every cell's pairs entry names its provider entry",
                                  f"row {row} cell {k + 1}: {pair}")
                out.append([str(row), str(k + 1), entry, ";".join(c for c in cats.split(",") if c), prov, info,
                            f"{CELLS_TSV}:{lineno}"])
        self.report.check(rows_seen == list(range(1, len(rows_seen) + 1)), "第2条の表 rows are 1…N in order")
        self.n_rows = len(rows_seen)
        self.cell_rows = out
        self.files["table_cells.csv"] = csv_text(
            ["row", "cell", "provider", "categories", "provider_text", "information_text", "source"], out
        )

    # ---- categories ---------------------------------------------------------------------------

    def build_categories(self) -> None:
        out = []
        terms: list[str] = []
        for lineno, r in self.categories.rows:
            if not r["kind"].startswith("information category"):
                continue
            terms.append(r["category"])
            out.append([r["category"], r["kind"], r["scope"], r["where_defined"], r["rows_in_table"],
                        r["definition"], r["note"], f"{CATEGORIES_TSV}:{lineno}"])
        self.terms = list(dict.fromkeys(terms))
        table_cats = {c for row in self.cell_rows for c in row[3].split(";") if c}
        named = sorted(c for c in table_cats if c.endswith("関係情報"))
        missing = [c for c in named if c not in self.terms]
        self.report.check(not missing, "every 「…関係情報」 category of the table is defined in the categories file",
                          "、".join(missing))
        self.files["categories.csv"] = csv_text(
            ["category", "kind", "scope", "where_defined", "rows_in_table", "definition", "note", "source"], out
        )

    # ---- detail articles ----------------------------------------------------------------------

    def build_items(self) -> None:
        out: list[list[str]] = []
        by_article: dict[int, list[tuple[str, str, str]]] = {}
        parsed: list[tuple[int, dict[str, str], int, str, str]] = []  # lineno, row, article, names, takes
        unresolved: list[str] = []
        for _lineno, r in self.items.rows:
            article = int(r["article"])
            by_article.setdefault(article, []).append((r["paragraph"], r["item"], r["letter"]))
        for lineno, r in self.items.rows:
            article = int(r["article"])
            names = names_in(r["information"], self.terms)
            targets: list[str] = []
            for phrase in (p for p in r["cross_ref"].split(" | ") if p):
                try:
                    target, letters = resolve_cross_ref(phrase, r["item"])
                except CrossRefError:
                    unresolved.append(f"{ITEMS_TSV}:{lineno}: {phrase}")
                    continue
                present = [k for k in by_article[article] if k[0] == r["paragraph"] and k[1] == target]
                chosen = [k for k in present if not letters or k[2] in letters]
                if not chosen or (letters and len(chosen) != len(letters)):
                    unresolved.append(f"{ITEMS_TSV}:{lineno}: {phrase} (targets not all in the article)")
                for k in chosen:
                    key = item_key(*k)
                    if key not in targets:
                        targets.append(key)
            parsed.append((lineno, r, article, ";".join(names), ";".join(targets)))
        self.report.check(not unresolved, "every cross-reference 「…に掲げる情報」 resolves to 号/letters of its article",
                          "; ".join(unresolved))
        articles = sorted(by_article)
        self.report.check(articles == list(range(3, 3 + self.n_rows)), f"detail articles are 第3条…第{2 + self.n_rows}条")
        for article, keys in by_article.items():
            for _p, _i, letter in keys:
                if letter and letter not in IROHA:
                    self.report.check(False, "every letter is an イロハ letter", f"第{article}条 {letter}")
        for lineno, r, article, names, takes in parsed:
            out.append([str(article), r["paragraph"], r["item"], r["letter"], str(article - 2), names, takes,
                        r["information"], r["item_lead"], r["cross_ref"], f"{ITEMS_TSV}:{lineno}"])
        self.item_rows = out
        self.files["items.csv"] = csv_text(
            ["article", "paragraph", "item", "letter", "row", "names", "takes_over", "information", "item_lead",
             "cross_ref", "source"],
            out,
        )
        self.check_juminhyo(parsed)

    def check_juminhyo(self, parsed: list[tuple[int, dict[str, str], int, str, str]]) -> None:
        """The names and cross-references read here must give the law data's own 住民票 flags."""
        term = "住民票関係情報"
        direct: dict[tuple[int, str], bool] = {}
        takes: dict[tuple[int, str], list[str]] = {}
        for _lineno, r, article, names, tk in parsed:
            key = (article, item_key(r["paragraph"], r["item"], r["letter"]))
            direct[key] = term in names.split(";")
            takes[key] = [t for t in tk.split(";") if t]
        mismatches = []
        for lineno, r, article, _names, _tk in parsed:
            key = (article, item_key(r["paragraph"], r["item"], r["letter"]))
            flag = r["juminhyo"]
            ours_direct = direct[key]
            seen: set[str] = set()
            todo = list(takes[key]) if not ours_direct else []
            reached: list[str] = []
            while todo:
                t = todo.pop(0)
                if t in seen:
                    continue
                seen.add(t)
                if direct.get((article, t)):
                    reached.append(t)
                todo.extend(takes.get((article, t), []))
            if flag == "direct":
                ok = ours_direct
            elif flag.startswith("via "):
                want = flag[4:].replace("号", "/")
                ok = not ours_direct and reached == [want]
            else:
                ok = not ours_direct and not reached
            if not ok:
                mismatches.append(f"{ITEMS_TSV}:{lineno} ({flag or 'none'})")
        self.report.check(not mismatches, f"{term}: terms and cross-references read here give the file's juminhyo "
                          "column (direct / via) on every line", ", ".join(mismatches[:10]))
        rows_table = sorted(int(c[0]) for c in self.cell_rows if c[2] == "市町村長" and term in c[3].split(";"))
        rows_articles = sorted({a - 2 for (a, _k), d in direct.items() if d})
        rows_json = sorted(int(k) for k, v in self.juminhyo_rows.items() if v)
        self.report.check(
            rows_table == rows_articles == rows_json,
            f"rows where 市町村長 provides {term}: 第2条の表 = detail articles = {JUMINHYO_JSON} ({len(rows_table)})",
        )

    # ---- amendments ---------------------------------------------------------------------------

    def build_amendments(self) -> None:
        headers = {
            ITEMS_TSV: "\n".join(self.items.header),
            CELLS_TSV: "\n".join(self.cells.header),
            TABLE_TSV: "\n".join(self.table.header),
        }
        out = []
        for a in AMENDMENTS:
            ok = a.quote in headers.get(a.source, "")
            self.report.check(ok, f"amendment {a.id}: its quote is in the header of {a.source}", a.quote)
            if not ok:
                continue
            out.append([a.id, a.amendment, a.date, a.date_note, a.target, a.provisions, a.effect, a.detail,
                        f"{a.source} (header): 「{a.quote}」"])
        self.files["amendments.csv"] = csv_text(
            ["id", "amendment", "date", "date_note", "target", "provisions", "effect", "detail", "evidence"], out
        )

    # ---- all ----------------------------------------------------------------------------------

    def build(self) -> dict[str, str]:
        self.build_meta()
        self.build_cells()
        self.build_categories()
        self.build_items()
        self.build_amendments()
        self.files["BUILD_REPORT.md"] = self.report_md()
        return self.files

    def report_md(self) -> str:
        named = sum(1 for r in self.item_rows if r[5])
        taking = sum(1 for r in self.item_rows if r[6])
        lines = [
            "# Build report of mappings/new_order/",
            "",
            "Generated by `tools/build_new_order.py` from `../shared/lawdata`. Do not edit by hand.",
            "",
            "## Contents",
            "",
            f"- `table_cells.csv`: {len(self.cell_rows)} cells of 第2条の表 in {self.n_rows} rows",
            f"- `items.csv`: {len(self.item_rows)} 号/letters of 第3条–第{2 + self.n_rows}条; {named} name a defined "
            f"information term, {taking} take over other 号/letters",
            f"- `categories.csv`: {len(self.terms)} information terms",
            f"- `amendments.csv`: {len(self.files.get('amendments.csv', '').splitlines()) - 1} facts about amendments "
            "since 2024-05-27",
            "",
            f"## Checks failed ({len(self.report.failed)})",
            "",
        ]
        lines += [f"- {f}" for f in self.report.failed] or ["- none"]
        passed = list(dict.fromkeys(self.report.passed))  # per-row checks: each distinct check once
        lines += ["", f"## Checks passed ({len(passed)})", ""]
        lines += [f"- {p}" for p in passed]
        lines += ["", "## Sources", ""]
        for src in (self.items, self.cells, self.categories, self.table):
            lines.append(f"- `{src.name}`: {header_field(src, 'REVISION')}")
        lines.append(f"- `{JUMINHYO_JSON}` (check only)")
        return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    return builder_main(argv, what="mappings/new_order/", out=REPO / "mappings" / "new_order",
                        make_builder=Builder, failed=lambda builder: len(builder.report.failed))


if __name__ == "__main__":
    raise SystemExit(main())

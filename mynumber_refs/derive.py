"""Derive a PIA's lists of 情報提供 bases from the content of the new order.

A PIA lists its bases by content: 「第三欄（情報提供者）が「市町村長」の項のうち、第四欄（特定個人情報）に
「住民票関係情報」が含まれる項（１、２、３…の項）」 and the articles, 号 and letters of the order where that
information is provided (「３条１号ハ、４条１０号ハ・１７号ニ…」).  Renumbering an old list cannot give
these (rows were split, added and dropped in 2024, letters changed); reading the law can.

:func:`derive_lists` reads the shipped content of 令和6年デジタル庁・総務省令第9号
(``mappings/new_order/``, built by ``tools/build_new_order.py``):

* **table rows**: the rows of 第2条の表 where a 第三欄 cell names the provider (as the whole entry,
  or as one of the alternatives it names: 「都道府県知事又は市町村長」) and the 第四欄 cell beside it
  names the information category;
* **order references**: in the detail article of each such row (row N ↔ 第(N+2)条), the 号 and
  letters whose information names the category (``direct``); with ``include_via``, also the 号
  that take it over by 「前号／第N号…に掲げる情報」 (``via``).

Each row and reference carries its evidence (the cells or the words of the 号, and the source
file and line) and a confidence:

``established``  read from the text in force on the date asked (or the data's text, no date);
``carried``      the date is earlier than the data's text and no amendment in force after the date is
                 known to have changed it (amendments whose changes are not in the data are listed in
                 the notes);
``inferred``     its number was moved back across a known renumbering (第157条: 号1–4 inserted from
                 2025-04-01 by 令和6年デジタル庁・総務省令第20号, so 5号ト was 1号ト before);
``unverified``   an amendment in force after the date changed this article or row; its wording on the
                 date is not in the data; or the date is later than the data's text, which cannot tell
                 whether the order was amended since (every entry then).

What cannot be established is a :class:`Note` with a stable ``code``, never a silent omission.
The amendment facts are data (``amendments.csv``); nothing here names an article.
"""

from __future__ import annotations

import csv
import datetime
import functools
import tomllib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

from ._patterns import compile_on_use
from ._resources import data_dir
from .model import RowNumber
from .numerals import NumeralStyle
from .reflists import Reference, render_reference_list, render_row_list

__all__ = [
    "ESTABLISHED",
    "CARRIED",
    "INFERRED",
    "UNVERIFIED",
    "DeriveError",
    "Note",
    "DerivedRow",
    "DerivedReference",
    "DerivedLists",
    "OrderContent",
    "load_order_content",
    "derive_lists",
    "format_lists",
]

ESTABLISHED = "established"
CARRIED = "carried"
INFERRED = "inferred"
UNVERIFIED = "unverified"
_RANK = {ESTABLISHED: 0, CARRIED: 1, INFERRED: 2, UNVERIFIED: 3}

# note codes (stable: the JSON output and scripts use them)
NOTE_TEXT_LATER = "text-later-than-date"
NOTE_DATE_AFTER_TEXT = "date-after-text"
NOTE_AMENDMENT_UNKNOWN = "amendment-content-unknown"
NOTE_RENUMBERED = "renumbered-back"
NOTE_NOT_IN_FORCE = "not-yet-in-force"
NOTE_CHANGED = "changed-after-date"
NOTE_TERM_NOT_IN_ARTICLES = "term-not-in-articles"
NOTE_ROW_WITHOUT_REFERENCE = "row-without-reference"
NOTE_ARTICLE_WITHOUT_ROW = "article-without-row"
NOTE_PROVIDER_SHARED = "provider-shared"
NOTE_PROVIDER_ALTERNATIVE = "provider-among-alternatives"
NOTE_NO_ROWS = "no-rows"


class DeriveError(ValueError):
    """The request cannot be derived at all (unknown provider or category, a date before the order)."""


@attrs.frozen
class Note:
    """Something the derivation could not establish, or did by a rule the user should know."""

    code: str
    message: str
    subject: str = ""


@attrs.frozen
class DerivedRow:
    row: int
    confidence: str
    evidence: tuple[str, ...]


@attrs.frozen
class DerivedReference:
    reference: Reference
    confidence: str
    evidence: tuple[str, ...]
    via: Reference | None = None  # for a ``via`` reference: the 号/letter whose information it takes over


@attrs.frozen
class DerivedLists:
    """The result of :func:`derive_lists`."""

    provider: str
    information: str
    as_of: datetime.date | None
    include_via: bool
    content: OrderContent = attrs.field(repr=False, eq=False)
    rows: tuple[DerivedRow, ...]
    references: tuple[DerivedReference, ...]
    notes: tuple[Note, ...] = ()

    @property
    def table_rows(self) -> tuple[int, ...]:
        return tuple(r.row for r in self.rows)

    @property
    def order_refs(self) -> tuple[Reference, ...]:
        return tuple(r.reference for r in self.references)

    def to_json(self) -> dict[str, Any]:
        c = self.content
        return {
            "provider": self.provider,
            "information": self.information,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "include_via": self.include_via,
            "text": {"order": c.order, "number": c.number, "revision": c.revision.isoformat(), "source": c.source},
            "table_rows": [str(r) for r in self.table_rows],
            "order_refs": [r.as_json() for r in self.order_refs],
            "table_rows_detail": [
                {"row": str(r.row), "confidence": r.confidence, "evidence": list(r.evidence)} for r in self.rows
            ],
            "order_refs_detail": [
                {
                    **r.reference.as_json(),
                    "via": r.via.as_json() if r.via is not None else None,
                    "confidence": r.confidence,
                    "evidence": list(r.evidence),
                }
                for r in self.references
            ],
            "notes": [{"code": n.code, "subject": n.subject, "message": n.message} for n in self.notes],
        }


# ------------------------------------------------------------------------------------ the data


@attrs.frozen
class Cell:
    row: int
    cell: int
    provider: str
    categories: tuple[str, ...]
    provider_text: str
    information_text: str
    source: str


@attrs.frozen
class Item:
    reference: Reference
    key: str  # within its article: 「2項/1/ロ」, 「1/ト」, 「5」
    row: int
    names: tuple[str, ...]
    takes_over: tuple[str, ...]
    information: str
    cross_ref: str
    source: str


@attrs.frozen
class Amendment:
    id: str
    amendment: str
    date: datetime.date
    date_note: str
    target: str  # "article", "table-row" or ""
    provisions: tuple[int, ...]
    effect: str  # "items-inserted", "changed", "unknown"
    detail: str
    evidence: str

    def inserted(self) -> tuple[int, ...]:
        """The 号 an ``items-inserted`` amendment inserted (「1-4」 → 1, 2, 3, 4)."""
        out: list[int] = []
        for piece in self.detail.split(";"):
            lo, _, hi = piece.partition("-")
            if lo.strip():
                out.extend(range(int(lo), int(hi or lo) + 1))
        return tuple(out)


@attrs.frozen
class OrderContent:
    """The shipped content of the new order (``mappings/new_order/``)."""

    order: str
    number: str
    in_force_from: datetime.date
    revision: datetime.date
    source: str
    cells: tuple[Cell, ...] = attrs.field(repr=False)
    items: tuple[Item, ...] = attrs.field(repr=False)
    amendments: tuple[Amendment, ...] = attrs.field(repr=False)

    @functools.cached_property
    def by_article(self) -> dict[int, tuple[Item, ...]]:
        out: dict[int, list[Item]] = {}
        for it in self.items:
            out.setdefault(it.reference.article.main, []).append(it)
        return {a: tuple(v) for a, v in out.items()}

    @functools.cached_property
    def references(self) -> frozenset[Reference]:
        return frozenset(it.reference for it in self.items)

    def providers(self) -> tuple[str, ...]:
        """The 第三欄 entries, most frequent first."""
        count: dict[str, int] = {}
        for c in self.cells:
            count[c.provider] = count.get(c.provider, 0) + 1
        return tuple(sorted(count, key=lambda p: (-count[p], p)))

    def categories(self) -> tuple[str, ...]:
        """The information categories of 第四欄, most frequent first."""
        count: dict[str, int] = {}
        for c in self.cells:
            for cat in c.categories:
                count[cat] = count.get(cat, 0) + 1
        return tuple(sorted(count, key=lambda p: (-count[p], p)))


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def _split(s: str) -> tuple[str, ...]:
    return tuple(x for x in s.split(";") if x)


@functools.cache
def _load(directory: Path) -> OrderContent:
    meta = tomllib.loads((directory / "meta.toml").read_text(encoding="utf-8"))
    cells = tuple(
        Cell(int(r["row"]), int(r["cell"]), r["provider"], _split(r["categories"]), r["provider_text"],
             r["information_text"], r["source"])
        for r in _read_csv(directory / "table_cells.csv")
    )
    items = []
    for r in _read_csv(directory / "items.csv"):
        ref = Reference.of(int(r["article"]), int(r["paragraph"]) if r["paragraph"] else None, r["item"] or None,
                           r["letter"])
        key = (f"{r['paragraph']}項/" if r["paragraph"] else "") + r["item"] + (f"/{r['letter']}" if r["letter"] else "")
        items.append(Item(ref, key, int(r["row"]), _split(r["names"]), _split(r["takes_over"]), r["information"],
                          r["cross_ref"], r["source"]))
    amendments = tuple(
        Amendment(r["id"], r["amendment"], datetime.date.fromisoformat(r["date"]), r["date_note"], r["target"],
                  tuple(int(p) for p in _split(r["provisions"])), r["effect"], r["detail"], r["evidence"])
        for r in _read_csv(directory / "amendments.csv")
    )
    return OrderContent(
        meta["order"], meta["number"], datetime.date.fromisoformat(meta["in_force_from"]),
        datetime.date.fromisoformat(meta["revision"]), meta["source"], cells, tuple(items), amendments,
    )


def load_order_content(directory: str | Path | None = None) -> OrderContent:
    """The new order's content (default: the shipped ``mappings/new_order/``), read once."""
    d = Path(directory) if directory is not None else data_dir("mappings") / "new_order"
    return _load(d.resolve())


# ------------------------------------------------------------------------------------ deriving

_ALTERNATIVES = compile_on_use(r"又は|若しくは|、")


def _provider_match(entry: str, provider: str) -> str | None:
    """``exact`` when the 第三欄 entry is the provider, ``alternative`` when it names the provider as
    one of the authorities it joins with 又は/若しくは/、, else None."""
    if entry == provider:
        return "exact"
    if provider in (p.strip() for p in _ALTERNATIVES.split(entry)):
        return "alternative"
    return None


def _check_request(content: OrderContent, provider: str, information: str) -> None:
    providers = content.providers()
    if not any(_provider_match(p, provider) for p in providers):
        near = [p for p in providers if provider in p or p in provider][:8] or list(providers[:8])
        raise DeriveError(
            f"第2条の表の第三欄に「{provider}」はありません。例：{'、'.join(near)}"
            f" / no 第三欄 entry of 第2条の表 is {provider!r}; e.g. {', '.join(near)}"
        )
    categories = content.categories()
    if information not in categories:
        in_articles = any(information in it.names for it in content.items)
        if in_articles:
            raise DeriveError(
                f"「{information}」は第2条の表の第四欄にはなく、第3条以下の規定で定義された語です"
                f" / {information!r} is not a 第四欄 category of 第2条の表 (it is defined in the detail articles)"
            )
        near = [c for c in categories if information in c or c in information][:8] or list(categories[:8])
        raise DeriveError(
            f"第2条の表の第四欄に「{information}」という情報の区分はありません。例：{'、'.join(near)}"
            f" / {information!r} is not an information category of 第2条の表; e.g. {', '.join(near)}"
        )


def _label(ref: Reference) -> str:
    return ref.label(NumeralStyle.HALF)


def _cell_evidence(content: OrderContent, c: Cell, how: str) -> str:
    extra = f"（「{c.provider}」のうちの一つとして / as one of the alternatives）" if how == "alternative" else ""
    return (
        f"第2条の表 {c.row}の項 第三欄「{c.provider}」{extra}・第四欄 {'・'.join(c.categories)}"
        f" — {content.number}（{content.revision.isoformat()} の本文 text） {c.source}"
    )


def _item_evidence(content: OrderContent, it: Item) -> str:
    return f"第{_label(it.reference)}: 「{it.information}」 — {content.number}（{content.revision.isoformat()}） {it.source}"


def derive_lists(
    provider: str,
    information: str,
    *,
    as_of: datetime.date | None = None,
    include_via: bool = False,
    content: OrderContent | None = None,
) -> DerivedLists:
    """The rows of 第2条の表 where ``provider`` provides ``information``, and the order's references.

    ``as_of``: the date the lists should hold for (default: the text in the data, 2025-04-01);
    before that text, known renumberings are moved back (``inferred``) and changed provisions
    marked ``unverified``.  ``include_via``: also the 号 that take the information over from another.
    Raises :class:`DeriveError` for a provider or category the table does not have, or a date
    before the order came into force.
    """
    content = content or load_order_content()
    _check_request(content, provider, information)
    if as_of is not None and as_of < content.in_force_from:
        raise DeriveError(
            f"{content.number}は{content.in_force_from.isoformat()}施行です。それより前（{as_of.isoformat()}）は"
            f"番号利用法別表第二と旧命令（平成26年内閣府・総務省令第7号）によります"
            f" / the order is in force from {content.in_force_from.isoformat()}; before that ({as_of.isoformat()}) the act's"
            " 別表第二 and the old order applied"
        )
    notes: list[Note] = []

    # rows: read on the table
    row_cells: dict[int, list[tuple[Cell, str]]] = {}
    shared: set[int] = set()
    for c in content.cells:
        if information not in c.categories:
            continue
        how = _provider_match(c.provider, provider)
        if how is not None:
            row_cells.setdefault(c.row, []).append((c, how))
    for c in content.cells:
        if c.row in row_cells and information in c.categories and _provider_match(c.provider, provider) is None:
            shared.add(c.row)
    rows: dict[int, DerivedRow] = {}
    for row in sorted(row_cells):
        found = row_cells[row]
        rows[row] = DerivedRow(row, ESTABLISHED, tuple(_cell_evidence(content, c, how) for c, how in found))
        if all(how == "alternative" for _c, how in found):
            notes.append(Note(
                NOTE_PROVIDER_ALTERNATIVE,
                f"{row}の項の第三欄は「{found[0][0].provider}」で、「{provider}」はその一つです"
                f" / row {row}'s 第三欄 is {found[0][0].provider!r}, which names {provider!r} as one of several",
                f"{row}",
            ))

    # references: read in the detail articles
    references: dict[Reference, DerivedReference] = {}
    term_used = any(information in it.names for it in content.items)
    if not rows:
        notes.append(Note(
            NOTE_NO_ROWS,
            f"第2条の表に、第三欄が「{provider}」で第四欄に「{information}」がある項はありません"
            f" / no row of 第2条の表 has {provider!r} in 第三欄 with {information!r} in 第四欄 beside it",
        ))
    elif not term_used:
        notes.append(Note(
            NOTE_TERM_NOT_IN_ARTICLES,
            f"「{information}」は第2条の表だけで定義された語で、第3条以下の規定では使われていません。条・号は導けません"
            f"（各号の文言を読んで手で確認してください） / {information!r} is defined for 第2条 only and is not used in the"
            " detail articles: the order's references cannot be derived from it (read the articles by hand)",
            information,
        ))
    else:
        for row in rows:
            article = row + 2
            items = content.by_article.get(article, ())
            direct = [it for it in items if information in it.names]
            if row in shared:
                others = sorted({c.provider for c in content.cells if c.row == row and information in c.categories
                                 and _provider_match(c.provider, provider) is None})
                notes.append(Note(
                    NOTE_PROVIDER_SHARED,
                    f"{row}の項では「{information}」を「{provider}」のほか{'・'.join(others)}も提供します。第{article}条の号は"
                    f"提供者を書いていないため、どの号が「{provider}」のものか確定できません"
                    f" / in row {row} {information!r} is also provided by {', '.join(others)}; the 号 of 第{article}条 do not"
                    " name the provider, so which are this provider's is not established",
                    f"{row}",
                ))
                continue
            if not direct:
                notes.append(Note(
                    NOTE_ROW_WITHOUT_REFERENCE,
                    f"第2条の表の{row}の項は「{information}」を挙げていますが、第{article}条の号はこの語を使っていません。"
                    f"条・号を手で確認してください / row {row} lists {information!r} but no 号 of 第{article}条 names it;"
                    " check its references by hand",
                    f"{row}",
                ))
                continue
            for it in direct:
                references[it.reference] = DerivedReference(it.reference, ESTABLISHED, (_item_evidence(content, it),))
            if include_via:
                for ref, via, chain in _via(items, information):
                    if ref not in references:
                        references[ref] = DerivedReference(
                            ref, ESTABLISHED,
                            tuple(_item_evidence(content, it) for it in chain), via,
                        )
    if rows and term_used:
        listed_rows = {c.row for c in content.cells if information in c.categories}
        for article, items in sorted(content.by_article.items()):
            row = article - 2
            if row not in listed_rows and any(information in it.names for it in items):
                notes.append(Note(
                    NOTE_ARTICLE_WITHOUT_ROW,
                    f"第{article}条は「{information}」を挙げていますが、第2条の表の{row}の項の第四欄にはこの区分がありません（一覧には入れていません）"
                    f" / 第{article}条 names {information!r} but row {row} of 第2条の表 does not list it (not included)",
                    f"{row}",
                ))

    derived_rows = list(rows.values())
    derived_refs = sorted(references.values(), key=lambda d: d.reference.sort_key())
    if as_of is not None:
        derived_rows, derived_refs = _at_date(content, as_of, derived_rows, derived_refs, notes)
    return DerivedLists(
        provider, information, as_of, include_via, content, tuple(derived_rows), tuple(derived_refs), tuple(notes)
    )


def _via(items: Sequence[Item], information: str) -> Iterable[tuple[Reference, Reference, tuple[Item, ...]]]:
    """The items of one article that take ``information`` over from another item, with the item
    reached and the chain of items that leads there."""
    by_key = {it.key: it for it in items}
    for it in items:
        if information in it.names or not it.takes_over:
            continue
        seen: set[str] = set()
        todo: list[tuple[str, tuple[Item, ...]]] = [(k, (it,)) for k in it.takes_over]
        while todo:
            key, chain = todo.pop(0)
            if key in seen or key not in by_key:
                continue
            seen.add(key)
            target = by_key[key]
            if information in target.names:
                yield it.reference, target.reference, (*chain, target)
                break
            todo.extend((k, (*chain, target)) for k in target.takes_over)


def _worse(a: str, b: str) -> str:
    return a if _RANK[a] >= _RANK[b] else b


def _at_date(
    content: OrderContent,
    as_of: datetime.date,
    rows: list[DerivedRow],
    refs: list[DerivedReference],
    notes: list[Note],
) -> tuple[list[DerivedRow], list[DerivedReference]]:
    """The lists as of ``as_of``, from the data's text and what is known of the amendments since."""
    text_date = content.revision.isoformat()
    if as_of >= content.revision:
        if as_of == content.revision:
            return rows, refs
        # the data cannot tell whether the order was amended after its text: nothing on a later date is established
        notes.append(Note(
            NOTE_DATE_AFTER_TEXT,
            f"データの本文は{text_date}のものです。その後に改正があったかはデータから分からないため、{as_of.isoformat()}時点の"
            f"一覧は未確認（unverified）です。その日の本文で確かめてください / the data holds the text of {text_date}: whether"
            f" the order was amended since is not in the data, so the lists as of {as_of.isoformat()} are unverified; check"
            " them against the text in force on that date",
        ))
        later = f"{text_date}の本文から / from the text of {text_date}; {as_of.isoformat()}時点は未確認 / unverified on that date"
        return ([attrs.evolve(r, confidence=UNVERIFIED, evidence=(*r.evidence, later)) for r in rows],
                [attrs.evolve(r, confidence=UNVERIFIED, evidence=(*r.evidence, later)) for r in refs])
    pending = sorted((a for a in content.amendments if a.date > as_of), key=lambda a: a.date, reverse=True)
    notes.append(Note(
        NOTE_TEXT_LATER,
        f"{as_of.isoformat()}時点の本文はデータにありません。{text_date}の本文から、その後に施行された改正のうち内容の分かるものを"
        f"戻して導きました（番号の移動は inferred、改正された規定は unverified、その他は carried）"
        f" / the text in force on {as_of.isoformat()} is not in the data: the lists come from the {text_date} text with the"
        " known effects of later amendments undone (moved numbers inferred, amended provisions unverified, the rest carried)",
    ))
    unknown = [a for a in pending if a.effect == "unknown"]
    if unknown:
        listed = "、".join(f"{a.amendment}（{a.date.isoformat()}）" for a in unknown)
        notes.append(Note(
            NOTE_AMENDMENT_UNKNOWN,
            f"{as_of.isoformat()}より後に施行された次の改正は、どの規定を変えたかがデータにありません：{listed}"
            f" / these amendments came into force after {as_of.isoformat()} and what they changed is not in the data: {listed}",
        ))
    out_rows: list[DerivedRow] = []
    for r in rows:
        conf, evidence = CARRIED, r.evidence
        for a in pending:
            if a.target == "table-row" and a.effect == "changed" and r.row in a.provisions:
                conf = _worse(conf, UNVERIFIED)
                evidence = (*evidence, f"{a.amendment}（{a.date.isoformat()}施行）が改正 / amended: {a.evidence}")
                notes.append(Note(
                    NOTE_CHANGED,
                    f"第2条の表の{r.row}の項は{a.amendment}により{a.date.isoformat()}から改正されています。"
                    f"{as_of.isoformat()}時点の文言はデータにありません / row {r.row} was amended by {a.amendment} from"
                    f" {a.date.isoformat()}; its wording on {as_of.isoformat()} is not in the data",
                    f"{r.row}",
                ))
        out_rows.append(attrs.evolve(r, confidence=conf, evidence=evidence))
    out_refs: list[DerivedReference] = []
    changed_noted: set[tuple[str, int]] = set()
    for d in refs:
        ref, via, conf, evidence = d.reference, d.via, CARRIED, d.evidence
        dropped = False
        for a in pending:
            if a.target != "article" or ref.article.main not in a.provisions:
                continue
            if a.effect == "items-inserted":
                inserted = a.inserted()
                if ref.item is not None and ref.item.main in inserted:
                    notes.append(Note(
                        NOTE_NOT_IN_FORCE,
                        f"{_label(ref)}は{a.amendment}により{a.date.isoformat()}に加えられた号で、{as_of.isoformat()}にはありません"
                        f" / {_label(ref)} was inserted by {a.amendment} from {a.date.isoformat()}: not in force on {as_of.isoformat()}",
                        _label(ref),
                    ))
                    dropped = True
                    break
                before = _shift_back(ref, inserted)
                if before != ref:
                    notes.append(Note(
                        NOTE_RENUMBERED,
                        f"{_label(ref)}は{a.amendment}（{a.date.isoformat()}施行）で号が繰り下がる前は{_label(before)}でした（推定）"
                        f" / {_label(ref)} was {_label(before)} before {a.amendment} moved the 号 down from {a.date.isoformat()} (inferred)",
                        _label(before),
                    ))
                    evidence = (*evidence, f"{_label(ref)} → {_label(before)}: {a.amendment}（{a.date.isoformat()}施行）, {a.evidence}")
                    ref = before
                    conf = _worse(conf, INFERRED)
                if via is not None:
                    via = _shift_back(via, inserted)
            elif a.effect == "changed":
                conf = _worse(conf, UNVERIFIED)
                evidence = (*evidence, f"{a.amendment}（{a.date.isoformat()}施行）が改正 / amended: {a.evidence}")
                if (a.id, ref.article.main) not in changed_noted:
                    changed_noted.add((a.id, ref.article.main))
                    notes.append(Note(
                        NOTE_CHANGED,
                        f"第{ref.article}条は{a.amendment}により{a.date.isoformat()}から改正されています。{as_of.isoformat()}時点の"
                        f"文言はデータにありません（{text_date}の文言で導きました） / 第{ref.article}条 was amended by {a.amendment}"
                        f" from {a.date.isoformat()}; its wording on {as_of.isoformat()} is not in the data (derived from the"
                        f" {text_date} wording)",
                        f"第{ref.article}条",
                    ))
        if not dropped:
            out_refs.append(DerivedReference(ref, conf, evidence, via))
    out_refs.sort(key=lambda d: d.reference.sort_key())
    return out_rows, out_refs


def _shift_back(ref: Reference, inserted: Sequence[int]) -> Reference:
    if ref.item is None:
        return ref
    moved = sum(1 for i in inserted if i < ref.item.main)
    if not moved:
        return ref
    return attrs.evolve(ref, item=RowNumber((ref.item.main - moved, *ref.item.branches)))


def shift_forward(ref: Reference, inserted: Sequence[int]) -> Reference:
    """The number ``ref`` (written before ``inserted`` were inserted) has after the insertion."""
    if ref.item is None:
        return ref
    n = ref.item.main
    for i in sorted(inserted):
        if i <= n:
            n += 1
    return attrs.evolve(ref, item=RowNumber((n, *ref.item.branches)))


# ------------------------------------------------------------------------------------ output


def format_lists(d: DerivedLists, style: NumeralStyle = NumeralStyle.FULL) -> str:
    """The two lists as a PIA writes them, with the source, the confidence where it is not
    ``established``, and the notes (Japanese first, English after a slash)."""
    c = d.content
    when = d.as_of.isoformat() if d.as_of else f"{c.revision.isoformat()}（データの本文 / the data's text）"
    lines = [
        f"第三欄（情報提供者）が「{d.provider}」の項のうち、第四欄に「{d.information}」が含まれる項：{len(d.rows)}項"
        f" / rows of 第2条の表: {len(d.rows)}",
        f"（{render_row_list(d.table_rows, style)}）" if d.rows else "（なし / none）",
        "",
        f"{c.number}の条・号{'（他の号を引くものを含む / with via）' if d.include_via else ''}：{len(d.references)}件"
        f" / references of the order: {len(d.references)}",
        f"（{render_reference_list(d.order_refs, style)}）" if d.references else "（なし / none）",
        "",
        f"時点 / as of: {when}",
        f"出典 / source: {c.number} {c.source}",
    ]
    for conf, ja in ((INFERRED, "推定"), (UNVERIFIED, "未確認"), (CARRIED, "引継ぎ")):
        rows = [r.row for r in d.rows if r.confidence == conf]
        refs = [r.reference for r in d.references if r.confidence == conf]
        if not rows and not refs:
            continue
        shown = []
        if rows:
            shown.append(render_row_list(rows, style))
        if refs:
            shown.append(render_reference_list(refs, style))
        if conf == CARRIED or (len(rows), len(refs)) == (len(d.rows), len(d.references)):
            lines.append(f"{ja} {conf}: 上記のうち {len(rows)}項・{len(refs)}件 / {len(rows)} rows, {len(refs)} references")
        else:
            lines.append(f"{ja} {conf}: {'／'.join(shown)}")
    if d.notes:
        lines.append("要確認 / notes:")
        lines.extend(f"- {n.code}: {n.message}" for n in d.notes)
    return "\n".join(lines) + "\n"

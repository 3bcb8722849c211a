"""The mapping tables: old row numbers of the My Number Act's tables → the numbering since 2024-05-27.

The data lives in ``mappings/`` (built by ``tools/build_mappings.py`` from the law data), one CSV
file per *transition* between two numberings of a table, with ``transitions.toml`` beside them:

* 別表第一 (2024-05-26 numbering) → 別表;
* 別表第二 (2024-05-26 numbering) → interim numbering of 2024-05-27 → 第2条の表 of
  令和6年デジタル庁・総務省令第9号 (composed);
* 別表第一 / 別表第二 before 2019-10-01 → 2019-10-01 numbering (selected by ``as_of``);
* old order (平成26年内閣府・総務省令第7号) article → interim row → new row → new article;
* old order 号 → new order 号 (``inferred``).

Every row carries its relation (``renumbered``/``split``/``merged``/``deleted``), its confidence
(``established``/``inferred``), its method and its evidence.  A row that is not in the tables is
*unknown*: lookups return ``None`` and the caller reports the citation.

``amendments_2016_2024.csv`` (named by ``[ledger]`` in ``transitions.toml``) is the ledger of the
changes made to 別表第一 / 別表第二 between 2016 and 2024-05-26, one line per change with its act,
provision, date and reading, and what the build did with it (a line can lower a row to
``inferred`` or add an ``inferred`` branch row, never establish one).  :meth:`MappingSet.amendments`
finds the lines a row touches; ``explain`` shows them.
"""

from __future__ import annotations

import csv
import datetime
import enum
import functools
import json
import os
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

import attrs

from ._args import load_args
from ._patterns import compile_on_use
from ._resources import data_dir
from .model import RowNumber, Table

__all__ = [
    "MappingError",
    "Confidence",
    "Relation",
    "MappingRow",
    "Outcome",
    "Numbering",
    "Transition",
    "AmendmentLine",
    "MappingSet",
    "METHODS",
    "CSV_COLUMNS",
    "load_mappings",
    "default_mappings",
    "format_summary",
    "compose_all",
]


class MappingError(ValueError):
    """A mapping file is invalid.  The message names the file and line, Japanese first."""

    def __init__(self, ja: str, en: str, *, source: str | None = None) -> None:
        prefix = f"{source}: " if source else ""
        super().__init__(f"{prefix}{ja} / {en}")
        self.source = source


class Confidence(enum.Enum):
    ESTABLISHED = "established"
    INFERRED = "inferred"

    @property
    def ja(self) -> str:
        return {"established": "確定", "inferred": "推定"}[self.value]


class Relation(enum.Enum):
    RENUMBERED = "renumbered"
    SPLIT = "split"
    MERGED = "merged"
    DELETED = "deleted"

    @property
    def ja(self) -> str:
        return {
            "renumbered": "項番号の変更",
            "split": "分割",
            "merged": "統合",
            "deleted": "削除（対応なし）",
        }[self.value]


METHODS = frozenset({"content-aligned", "amending-act", "seed-document", "list-position", "manual-check"})
REQUIRED_COLUMNS = ("old", "new", "relation", "confidence", "method", "evidence")
OPTIONAL_COLUMNS = ("old_actor", "new_actor")
CSV_COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
_EXTRA_COLUMNS = ("transition",)

# keys: rows / articles "16", "36の2"; order items "1-2", "22の4-2項-1", "31-2の2"
_ROW_KEY = compile_on_use(r"\d+(?:の\d+)*")
_ITEM_KEY = compile_on_use(r"(\d+(?:の\d+)*)-(?:(\d+)項-)?(\d+(?:の\d+)*)")


def _weakest(confidences: Iterable[Confidence]) -> Confidence:
    return Confidence.INFERRED if Confidence.INFERRED in set(confidences) else Confidence.ESTABLISHED


def _combine_relation(rows: Sequence[MappingRow], new: Sequence[str]) -> Relation:
    """The relation of a chain of rows that ends in ``new``.

    Depends only on the final targets and on whether any row split or merged, so composition is
    associative: none -> deleted; several -> split; one -> merged if a row split or merged on the
    way, renumbered otherwise.
    """
    if not new:
        return Relation.DELETED
    if len(new) > 1:
        return Relation.SPLIT
    if any(r.relation in (Relation.SPLIT, Relation.MERGED) for r in rows):
        return Relation.MERGED
    return Relation.RENUMBERED


@attrs.frozen
class MappingRow:
    """One row of a transition: an old key and what became of it."""

    old: str
    new: tuple[str, ...]
    relation: Relation
    confidence: Confidence
    method: str
    evidence: str
    source: str  # "mappings/<file>.csv:<line>"
    old_actor: str = attrs.field(default="", eq=False)
    new_actor: str = attrs.field(default="", eq=False)


def _parse_item_key(k: str) -> tuple[RowNumber, int | None, RowNumber | None]:
    """``22の4-2項-1`` -> (22の4, 2, 1); a whole single-sentence article ``7`` -> (7, None, None)."""
    if _ROW_KEY.fullmatch(k):
        return RowNumber.parse(k), None, None
    m = _ITEM_KEY.fullmatch(k)
    if not m:
        raise ValueError(f"not an order item key: {k!r}")
    return RowNumber.parse(m.group(1)), (int(m.group(2)) if m.group(2) else None), RowNumber.parse(m.group(3))


_UNSEEN: Any = object()  # a memo's "not looked up yet" (None means "not known")


@attrs.frozen
class Outcome:
    """The result of a lookup, possibly through a chain of transitions."""

    old: str
    new: tuple[str, ...]
    relation: Relation
    confidence: Confidence  # the weakest along the chain
    rows: tuple[MappingRow, ...]  # every row used, in order, with its evidence

    @functools.cached_property
    def evidence_lines(self) -> tuple[str, ...]:
        """One line per row used: its source, confidence, method and evidence (as reports show it)."""
        return tuple(dict.fromkeys(f"{r.source} [{r.confidence.value}, {r.method}] {r.evidence}" for r in self.rows))

    @functools.cached_property
    def new_rows(self) -> tuple[RowNumber, ...]:
        """The new keys as row (or article) numbers; for order items see ``new_order_refs``."""
        out = []
        for k in self.new:
            if _ROW_KEY.fullmatch(k):
                out.append(RowNumber.parse(k))
            else:
                item = _parse_item_key(k)[2]
                assert item is not None
                out.append(item)
        return tuple(out)

    @property
    def new_order_refs(self) -> tuple[tuple[RowNumber, int | None, RowNumber | None], ...]:
        """For an order item outcome: (article, paragraph, item) of each new key; item None = the
        whole single-sentence article."""
        return tuple(_parse_item_key(k) for k in self.new)

    @property
    def established(self) -> bool:
        return self.confidence is Confidence.ESTABLISHED

    @property
    def evidence(self) -> tuple[str, ...]:
        return tuple(f"{r.source}: {r.evidence}" for r in self.rows)


@attrs.frozen
class Numbering:
    """One numbering of a table, and the dates documents cite it."""

    id: str
    table: str
    description: str
    valid_from: datetime.date | None
    valid_until: datetime.date | None
    cited: bool = True


def _in_domain(below: RowNumber | None, everything: bool, k: str) -> bool:
    if everything:
        return True
    if below is None or not _ROW_KEY.fullmatch(k):
        return False
    return RowNumber.parse(k) < below


@attrs.frozen
class Transition:
    """Rows old -> new between two numberings.

    ``passthrough_below``: keys below it that are not listed keep their number (established by the
    transition's evidence); ``passthrough_all``: every unlisted key does (the identity).  Any other
    unlisted key is unknown.
    """

    id: str
    from_numbering: str
    to_numbering: str
    rows: tuple[MappingRow, ...]
    act: str = ""
    effective: datetime.date | None = None
    description: str = ""
    sources: tuple[str, ...] = ()
    revisions: tuple[str, ...] = ()
    file: str = ""
    passthrough_below: RowNumber | None = None
    passthrough_all: bool = False
    unknown: frozenset[str] = frozenset()  # keys that do not pass through (unknown after composing)
    _index: dict[str, MappingRow] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_index", {r.old: r for r in self.rows})

    @classmethod
    def identity(cls, numbering: str = "*") -> Transition:
        return cls(
            id="identity", from_numbering=numbering, to_numbering=numbering, rows=(), passthrough_all=True
        )

    def get(self, key: str) -> MappingRow | None:
        return self._index.get(key)

    def passes(self, key: str) -> bool:
        return (
            key not in self._index
            and key not in self.unknown
            and _in_domain(self.passthrough_below, self.passthrough_all, key)
        )

    def keys(self) -> tuple[str, ...]:
        return tuple(r.old for r in self.rows)

    def compose(self, other: Transition) -> Transition:
        """``self`` then ``other``: a transition from ``self``'s numbering to ``other``'s."""
        if "*" not in (self.to_numbering, other.from_numbering) and self.to_numbering != other.from_numbering:
            raise MappingError(
                f"連結できません: {self.id} → {other.id}",
                f"cannot compose {self.id} ({self.to_numbering}) with {other.id} ({other.from_numbering})",
            )
        keys = list(dict.fromkeys([*self.keys(), *sorted(self.unknown)]))
        keys += [k for k in dict.fromkeys([*other.keys(), *sorted(other.unknown)]) if self.passes(k)]
        rows = []
        unknown: set[str] = set()
        for k in keys:
            outcome = _apply((self, other), k)
            if outcome is None:
                if not (self.passes(k) and other.passes(k)):
                    unknown.add(k)
                continue
            rows.append(
                MappingRow(
                    old=k,
                    new=outcome.new,
                    relation=outcome.relation,
                    confidence=outcome.confidence,
                    method="+".join(dict.fromkeys(r.method for r in outcome.rows)),
                    evidence=" | ".join(r.evidence for r in outcome.rows),
                    source=" + ".join(r.source for r in outcome.rows),
                )
            )
        if self.passthrough_all and other.passthrough_all:
            below, everything = None, True
        elif self.passthrough_all:
            below, everything = other.passthrough_below, False
        elif other.passthrough_all:
            below, everything = self.passthrough_below, False
        else:
            everything = False
            pair = [b for b in (self.passthrough_below, other.passthrough_below) if b is not None]
            below = min(pair) if len(pair) == 2 else None
        return Transition(
            id=f"{self.id}+{other.id}",
            from_numbering=self.from_numbering if self.from_numbering != "*" else other.from_numbering,
            to_numbering=other.to_numbering if other.to_numbering != "*" else self.to_numbering,
            rows=tuple(rows),
            act="; ".join(x for x in (self.act, other.act) if x),
            effective=other.effective or self.effective,
            description=" → ".join(x for x in (self.description, other.description) if x),
            sources=tuple(dict.fromkeys(self.sources + other.sources)),
            passthrough_below=below,
            passthrough_all=everything,
            unknown=frozenset(unknown),
        )


def compose_all(transitions: Sequence[Transition]) -> Transition:
    out = Transition.identity()
    for t in transitions:
        out = out.compose(t)
    return out


def _apply(chain: Sequence[Transition], key: str) -> Outcome | None:
    """Follow ``key`` through ``chain``; ``None`` if any step does not know a key."""
    current: list[str] = [key]
    used: list[MappingRow] = []
    for t in chain:
        nxt: list[str] = []
        for k in current:
            row = t.get(k)
            if row is not None:
                used.append(row)
                nxt.extend(row.new)
            elif t.passes(k):
                nxt.append(k)
            else:
                return None
        current = list(dict.fromkeys(nxt))
        if not current:
            break
    if not used:
        # passed through every step unchanged: nothing establishes it as a mapping
        return None
    return Outcome(
        old=key,
        new=tuple(current),
        relation=_combine_relation(used, current),
        confidence=_weakest(r.confidence for r in used),
        rows=tuple(used),
    )


# ----------------------------------------------------------------------------------------------
# loading
# ----------------------------------------------------------------------------------------------


def _read_csv(path: Path, label: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise MappingError("ファイルを読めません", f"cannot read the file ({exc})", source=label) from exc
    records = list(csv.reader(text.splitlines()))
    if not records:
        raise MappingError("空のファイルです", "the file is empty", source=f"{label}:1")
    return records[0], [(i, rec) for i, rec in enumerate(records[1:], start=2) if any(x.strip() for x in rec)]


def _require(header: Sequence[str], required: Iterable[str], label: str) -> None:
    missing = [c for c in required if c not in header]
    if missing:
        raise MappingError(f"必須の列がありません: {missing}", f"missing columns {missing}", source=f"{label}:1")


def _fields(
    header: list[str], records: list[tuple[int, list[str]]], label: str
) -> Iterator[tuple[int, str, dict[str, str]]]:
    """Each record as (line, where, {column: value}); a record whose field count differs from
    the header's is an error."""
    for line, rec in records:
        where = f"{label}:{line}"
        if len(rec) != len(header):
            raise MappingError(
                f"列の数が見出しと違います（{len(rec)}）", f"{len(rec)} fields, header has {len(header)}", source=where
            )
        yield line, where, dict(zip(header, rec, strict=True))


def _date(s: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(s) if s else None


@attrs.frozen
class _Chain:
    id: str
    table: str
    default: str
    target: str
    description: str


# the ledger's names of the tables a chain ends in
_LEDGER_TARGET = {"beppyo1": "別表", "beppyo2": "第2条の表"}
LEDGER_COLUMNS = (
    "id",
    "source",
    "table",
    "old_rows",
    "candidates",
    "after_last",
    "new",
    "effective_date",
    "amending_act",
    "amending_provision",
    "change",
    "old_row_text",
    "reading",
    "ledger_confidence",
    "effect",
    "effect_detail",
)
_EFFECT_JA = {
    "lowered": "推定に引き下げ / lowered to inferred",
    "added": "推定の枝番号の項として追加 / added as an inferred branch row",
    "agrees": "対応と一致（確度は変えない） / agrees with the mapping (confidence unchanged)",
    "reported": "報告のみ（番号が確認できないため対応づけない） / reported only (number not established)",
    "not-identified": "項が特定されていない / rows not identified",
    "rejected": "検証で除外 / rejected by validation",
}
_EFFECT_SHORT_JA = {
    "lowered": "推定に引き下げ",
    "added": "推定の項を追加",
    "agrees": "一致",
    "reported": "報告のみ",
    "not-identified": "項が特定されていない",
    "rejected": "除外",
}


@attrs.frozen
class AmendmentLine:
    """One line of the amendment ledger 2016–2024 and what the build did with it (``effect``).

    ``old_rows``: the old rows (numbering of 2024-05-26) the line names, several = alternative
    readings; ``candidates``: numbers it gives only as a candidate; ``after_last``: the changed row
    sat after this row (the last of the 2015 text), its own number not printed; ``new``: (table, row)
    pairs, row ``(none)`` = no counterpart.
    """

    id: str
    where: str  # mappings/amendments_2016_2024.csv:<line>
    source: str  # the law-data line it was read from
    table: str
    old_rows: tuple[str, ...]
    candidates: tuple[str, ...]
    after_last: RowNumber | None
    new: tuple[tuple[str, str], ...]
    effective_date: str
    amending_act: str
    amending_provision: str
    change: str
    old_row_text: str
    reading: str
    ledger_confidence: str
    effect: str
    effect_detail: str

    def tables(self) -> tuple[str, ...]:
        return tuple(t.rstrip("?") for t in self.table.split("/"))

    def touches(self, table: Table, key: str | None, new_rows: Iterable[str], target: str) -> bool:
        """Whether the line names row ``key`` of ``table`` (by number, candidate or position after the
        last row), or one of ``new_rows`` of the table ``target`` (the ledger's name) it went to."""
        if self.table != table.value:
            return False
        if key is not None:
            if key in self.old_rows or key in self.candidates:
                return True
            if self.after_last is not None and _ROW_KEY.fullmatch(key) and RowNumber.parse(key) > self.after_last:
                return True
        rows = set(new_rows)
        return any(t == target and n in rows for t, n in self.new)

    def describe(self) -> str:
        """The line as ``explain`` shows it: Japanese labels first, the ledger's own words after."""
        new = "; ".join(f"{t} {n}" for t, n in self.new) or "?"
        return "\n".join(
            [
                f"- {self.id} {self.amending_act} {self.amending_provision}、施行 in force "
                f"{self.effective_date or '?'} [{self.where}; {self.source}]",
                f"  改正 change: {self.change}; 旧 old: {self.old_row_text} → 新 new: {new}"
                f"（記録の確度 ledger: {self.ledger_confidence}）",
                f"  読み reading: {self.reading or '（記載なし / none given）'}",
                f"  効果 effect: {_EFFECT_JA.get(self.effect, self.effect)} — {self.effect_detail}",
            ]
        )


class MappingSet:
    """All transitions, the tables of the numberings, and the lookups the rewriter uses."""

    def __init__(
        self,
        numberings: dict[str, Numbering],
        transitions: Sequence[Transition],
        chains: Sequence[_Chain],
        tables: dict[str, dict[str, dict[str, str]]],
        directory: Path,
        ledger: Sequence[AmendmentLine] = (),
    ) -> None:
        self._numberings = numberings
        self._transitions = tuple(transitions)
        self._chains = {c.id: c for c in chains}
        self._tables = tables  # numbering id -> key -> {actor, status/origin, ...}
        self.directory = directory
        self.ledger = tuple(ledger)
        self._paths: dict[tuple[str, str], tuple[Transition, ...] | None] = {}
        # lookups are pure: each (chain, key, date) is worked out once per set
        self._outcomes: dict[tuple[str, str, datetime.date | None], Outcome | None] = {}
        self._rows_memo: dict[tuple[Table, RowNumber, datetime.date | None], Outcome | None] = {}

    # ---- structure ------------------------------------------------------------------------

    def transitions(self) -> tuple[Transition, ...]:
        return self._transitions

    def numberings(self) -> dict[str, Numbering]:
        return dict(self._numberings)

    def transition(self, id: str) -> Transition:
        for t in self._transitions:
            if t.id == id:
                return t
        raise KeyError(id)

    def path(self, start: str, target: str) -> tuple[Transition, ...] | None:
        """The transitions from numbering ``start`` to ``target`` (breadth first)."""
        cache_key = (start, target)
        if cache_key not in self._paths:
            prev: dict[str, tuple[str, Transition] | None] = {start: None}
            queue = deque([start])
            while queue:
                node = queue.popleft()
                for t in self._transitions:
                    if t.from_numbering == node and t.to_numbering not in prev:
                        prev[t.to_numbering] = (node, t)
                        queue.append(t.to_numbering)
            if target not in prev:
                self._paths[cache_key] = None
            else:
                steps: list[Transition] = []
                node = target
                while (p := prev[node]) is not None:
                    node, t = p
                    steps.append(t)
                self._paths[cache_key] = tuple(reversed(steps))
        return self._paths[cache_key]

    def _chain_for(self, table: Table) -> _Chain | None:
        return {Table.BEPPYO1: self._chains.get("beppyo1"), Table.BEPPYO2: self._chains.get("beppyo2")}.get(
            table
        )

    def numbering_for(self, chain_id: str, as_of: datetime.date | None = None) -> Numbering | None:
        """The numbering of a chain's table that documents dated ``as_of`` cite.

        ``None`` -> the chain's default (the old numbering of 2024-05-26).  A date after the last
        numbering of an abolished table reads the table in its last numbering; a date before the
        first known numbering gives ``None`` (not known).
        """
        chain = self._chains[chain_id]
        default = self._numberings[chain.default]
        if as_of is None:
            return default
        candidates = [
            n
            for n in self._numberings.values()
            if n.table == default.table and n.cited and self.path(n.id, chain.target) is not None
        ]
        for n in candidates:
            if (n.valid_from is None or n.valid_from <= as_of) and (
                n.valid_until is None or as_of <= n.valid_until
            ):
                return n
        if default.valid_until is not None and as_of > default.valid_until:
            return default
        return None

    # ---- lookups ----------------------------------------------------------------------------

    def _lookup(self, chain_id: str, key: str, as_of: datetime.date | None = None) -> Outcome | None:
        memo = (chain_id, key, as_of)
        if memo in self._outcomes:
            return self._outcomes[memo]
        found = self._lookup_uncached(chain_id, key, as_of)
        self._outcomes[memo] = found
        return found

    def _lookup_uncached(self, chain_id: str, key: str, as_of: datetime.date | None = None) -> Outcome | None:
        chain = self._chains.get(chain_id)
        if chain is None:
            return None
        numbering = self.numbering_for(chain_id, as_of)
        if numbering is None:
            return None
        steps = self.path(numbering.id, chain.target)
        if steps is None:
            return None
        return _apply(steps, key)

    def map_row(self, table: Table, row: RowNumber, *, as_of: datetime.date | None = None) -> Outcome | None:
        """Table.BEPPYO1 -> rows of the new 別表; Table.BEPPYO2 -> rows of 主務省令第2条の表. None = not known."""
        memo = (table, row, as_of)
        found = self._rows_memo.get(memo, _UNSEEN)
        if found is _UNSEEN:
            found = self._rows_memo[memo] = self._map_row(table, row, as_of)
        return found

    def _map_row(self, table: Table, row: RowNumber, as_of: datetime.date | None) -> Outcome | None:
        chain = self._chain_for(table)
        if chain is None:
            return None
        return self._lookup(chain.id, str(row), as_of)

    def map_order_article(self, article: RowNumber) -> Outcome | None:
        """Old order (平成26年内閣府・総務省令第7号) 第N条 -> new order 第M条 (new row + 2)."""
        return self._lookup("order-article", str(article))

    def map_order_item(
        self, article: RowNumber, item: int | RowNumber, paragraph: int | None = None
    ) -> Outcome | None:
        """Old order 第N条[第P項]第K号 -> new order 第M条[第P項]第J号 (always ``inferred``)."""
        k = f"{article}-{paragraph}項-{item}" if paragraph is not None else f"{article}-{item}"
        return self._lookup("order-item", k)

    def new_row_exists(self, table: Table, row: RowNumber) -> bool:
        numbering = {Table.BEPPYO: "beppyo", Table.ORDER_TABLE: "rei2-table"}.get(table)
        return numbering is not None and str(row) in self._tables.get(numbering, {})

    def old_row_exists(self, table: Table, row: RowNumber, *, as_of: datetime.date | None = None) -> bool:
        """Whether ``row`` is a row (with content, not 削除) of the old table in the numbering of ``as_of``.

        Rows added 2016–2024 are known only where the law data names them (branch rows).
        """
        chain = self._chain_for(table)
        if chain is None:
            return False
        numbering = self.numbering_for(chain.id, as_of)
        if numbering is None:
            return False
        return self._exists(numbering.id, str(row), chain.target)

    def _exists(self, numbering: str, key: str, target: str) -> bool:
        table = self._tables.get(numbering)
        steps = self.path(numbering, target)
        if table is not None:
            entry = table.get(key)
            if entry is not None:
                return entry.get("status") != "削除"
            # a row the user's own mapping rows name (their source shows it existed)
            return steps is not None and len(steps) > 0 and steps[0].get(key) is not None
        if not steps:
            return False
        first = steps[0]
        if first.get(key) is not None:
            return True
        return first.passes(key) and self._exists(first.to_numbering, key, target)

    # ---- the amendment ledger --------------------------------------------------------------

    def amendments(
        self, table: Table, row: RowNumber, *, as_of: datetime.date | None = None
    ) -> tuple[AmendmentLine, ...]:
        """The ledger lines (2016–2024) that touch ``row``: lines naming it (in the numbering of
        2024-05-26 the ledger uses), giving it as a candidate or as a row after the last one, and
        lines naming the new rows it maps to."""
        chain = self._chain_for(table)
        if chain is None or not self.ledger:
            return ()
        key = self._key_in_default(chain, str(row), as_of)
        outcome = self.map_row(table, row, as_of=as_of)
        new_rows = outcome.new if outcome is not None else ()
        target = _LEDGER_TARGET.get(chain.id, "")
        return tuple(line for line in self.ledger if line.touches(table, key, new_rows, target))

    def _key_in_default(self, chain: _Chain, key: str, as_of: datetime.date | None) -> str | None:
        """``key`` of the numbering in force on ``as_of`` as a key of the chain's default numbering
        (None if it has no single such key)."""
        numbering = self.numbering_for(chain.id, as_of)
        if numbering is None:
            return None
        if numbering.id == chain.default:
            return key
        for t in self.path(numbering.id, chain.default) or ():
            r = t.get(key)
            if r is not None:
                if len(r.new) != 1:
                    return None
                key = r.new[0]
            elif not t.passes(key):
                return None
        return key

    # ---- explanations and summaries --------------------------------------------------------

    def explain_row(self, table: Table, row: RowNumber, *, as_of: datetime.date | None = None) -> str:
        """A Japanese explanation of what became of a row: relation, confidence, evidence, and the
        lines of the amendment ledger 2016–2024 that touch it (act, provision, date, reading, effect)."""
        target_name = {Table.BEPPYO1: "別表", Table.BEPPYO2: "主務省令第2条の表"}.get(table, "?")
        head = f"{table.value}の{row}の項"
        chain = self._chain_for(table)
        numbering = self.numbering_for(chain.id, as_of) if chain else None
        outcome = self.map_row(table, row, as_of=as_of)
        lines = [head + (f"（{as_of.isoformat()} 時点の番号 / numbering as of {as_of})" if as_of else "")]
        if numbering is not None:
            lines.append(f"  番号体系 numbering: {numbering.id} — {numbering.description}")
        if outcome is None:
            exists = self.old_row_exists(table, row, as_of=as_of)
            if exists:
                lines.append(
                    "  対応表に記載がありません（不明）。書き換えずに報告します。 / not in the mapping tables (unknown); reported, left as written."
                )
            else:
                lines.append(
                    "  旧番号体系にこの項は確認できません。書き換えずに報告します。 / no such row is known in the old numbering; reported, left as written."
                )
            return "\n".join(lines + self._ledger_lines(table, row, as_of))
        if outcome.new:
            rows = "、".join(outcome.new)
            lines.append(f"  → {target_name}の{rows}の項")
        else:
            lines.append(f"  → 対応する{target_name}の項はありません / no counterpart in the {target_name}")
        lines.append(f"  関係 relation: {outcome.relation.ja} ({outcome.relation.value})")
        lines.append(f"  確度 confidence: {outcome.confidence.ja} ({outcome.confidence.value})")
        if outcome.confidence is Confidence.INFERRED:
            lines.append(
                "  推定のため、利用者の承認（--accept-inferred）なしには書き換えません。 / inferred: applied only with --accept-inferred."
            )
        lines.append("  根拠 evidence:")
        for r in outcome.rows:
            arrow = f"{r.old} → {'、'.join(r.new) if r.new else '（なし / none）'}"
            lines.append(
                f"    - {r.source} [{r.method}; {r.confidence.value}; {r.relation.value}] {arrow}: {r.evidence}"
            )
        return "\n".join(lines + self._ledger_lines(table, row, as_of))

    def _ledger_lines(self, table: Table, row: RowNumber, as_of: datetime.date | None) -> list[str]:
        found = self.amendments(table, row, as_of=as_of)
        if not found:
            return []
        out = ["  改正の記録 2016–2024 amendments (mappings/amendments_2016_2024.csv):"]
        for line in found:
            out += ["    " + x for x in line.describe().split("\n")]
        return out

    def summary(self) -> list[dict[str, Any]]:
        """Per mapping: counts of old rows established / inferred / deleted / known-missing, sources and revisions."""
        out = []
        for chain in self._chains.values():
            start = self._numberings[chain.default]
            steps = self.path(start.id, chain.target) or ()
            keys: dict[str, None] = dict.fromkeys(steps[0].keys() if steps else ())
            for k, entry in self._tables.get(start.id, {}).items():
                if entry.get("status") != "削除":
                    keys.setdefault(k)
            counts = {
                "established": 0,
                "inferred": 0,
                "deleted": 0,
                "deleted_inferred": 0,
                "unmapped_old_rows": 0,
            }
            for k in keys:
                o = _apply(steps, k)
                if o is None:
                    counts["unmapped_old_rows"] += 1
                elif o.relation is Relation.DELETED:
                    counts["deleted"] += 1
                    if o.confidence is Confidence.INFERRED:
                        counts["deleted_inferred"] += 1
                else:
                    counts[o.confidence.value] += 1
            target_table = self._tables.get(chain.target, {})
            origins: dict[str, int] = {}
            for entry in target_table.values():
                if "origin" in entry:
                    origins[entry["origin"]] = origins.get(entry["origin"], 0) + 1
            known_missing = origins.get("old-number-unknown", 0) + counts["unmapped_old_rows"]
            table_name = self._numberings[chain.default].table
            ledger: dict[str, int] = {}
            for line in self.ledger:
                if table_name in line.tables():
                    ledger[line.effect] = ledger.get(line.effect, 0) + 1
            out.append(
                {
                    "mapping": chain.id,
                    "description": chain.description,
                    "from": start.id,
                    "to": chain.target,
                    "old_rows": len(keys),
                    **counts,
                    "known_missing": known_missing,
                    "new_rows_by_origin": dict(sorted(origins.items())),
                    "ledger_lines_by_effect": dict(sorted(ledger.items())),
                    "transitions": [t.id for t in steps],
                    "files": [t.file for t in steps],
                    "acts": [t.act for t in steps if t.act],
                    "sources": list(dict.fromkeys(s for t in steps for s in t.sources)),
                    "revisions": list(dict.fromkeys(r for t in steps for r in t.revisions)),
                }
            )
        return out


# ----------------------------------------------------------------------------------------------
# building a MappingSet from files
# ----------------------------------------------------------------------------------------------


_E = TypeVar("_E", bound=enum.Enum)


def _enum_value(kind: type[_E], value: str, ja: str, en: str, where: str) -> _E:
    try:
        return kind(value.strip())
    except ValueError:
        raise MappingError(f"{ja}の値が不正です: {value!r}", f"unknown {en} {value!r}", source=where) from None


def _check_key(k: str, item_keys: bool, label: str, what: str) -> str:
    k = k.strip()
    if item_keys:
        if not (_ITEM_KEY.fullmatch(k) or _ROW_KEY.fullmatch(k)):
            raise MappingError(
                f"{what}の形式が不正です: {k!r}",
                f"malformed {what} key {k!r} (expected like 1-2 or 22の4-2項-1)",
                source=label,
            )
        return k
    try:
        return str(RowNumber.parse(k))
    except ValueError as exc:
        raise MappingError(
            f"{what}の番号が不正です: {k!r}", f"malformed {what} number {k!r}", source=label
        ) from exc


class _Loader:
    def __init__(self, directory: Path) -> None:
        import tomllib  # (here: the mappings are loaded from the cache, built by this loader only on a miss)

        self.directory = directory
        meta_path = directory / "transitions.toml"
        try:
            self.meta = tomllib.loads(meta_path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise MappingError(
                "transitions.toml を読めません",
                f"cannot read transitions.toml ({exc})",
                source=str(meta_path),
            ) from exc
        self.numberings = {
            nid: Numbering(
                id=nid,
                table=n["table"],
                description=n.get("description", ""),
                valid_from=_date(n.get("valid_from")),
                valid_until=_date(n.get("valid_until")),
                cited=n.get("cited", True),
            )
            for nid, n in self.meta.get("numbering", {}).items()
        }
        self.tables: dict[str, dict[str, dict[str, str]]] = {}
        for nid, n in self.meta.get("numbering", {}).items():
            rows_file = n.get("rows_file")
            if rows_file:
                self.tables[nid] = self._read_table(rows_file, n.get("rows_key", "row"))
        for nid, n in self.meta.get("numbering", {}).items():
            derived = n.get("derived_from")
            if derived:  # e.g. articles = rows + 2
                src_id, column = derived
                self.tables[nid] = {
                    entry[column]: {"actor": entry.get("actor", "")}
                    for entry in self.tables.get(src_id, {}).values()
                    if entry.get(column)
                }

    def _read_table(self, rel: str, key_column: str) -> dict[str, dict[str, str]]:
        path = self.directory / rel
        label = f"mappings/{rel}"
        header, records = _read_csv(path, label)
        out: dict[str, dict[str, str]] = {}
        for line, rec in records:
            entry = dict(zip(header, rec, strict=False))
            k = entry.get(key_column, "")
            if not k:
                continue
            k = _check_key(k, False, f"{label}:{line}", "行")
            out[k] = entry
        return out

    def item_keys(self, numbering: str) -> bool:
        return numbering in ("order7-item", "rei2-item")

    def exists(self, numbering: str, k: str) -> bool | None:
        """True/False if the numbering has a table to check against; None if it has none."""
        if numbering in ("order7-item", "rei2-item"):
            art_table = {"order7-item": "order7-article", "rei2-item": "rei2-article"}[numbering]
            if art_table not in self.tables:
                return None
            return str(_parse_item_key(k)[0]) in self.tables[art_table]
        table = self.tables.get(numbering)
        if table is None:
            return None
        entry = table.get(k)
        return entry is not None and entry.get("status") != "削除"

    def read_ledger(self) -> list[AmendmentLine]:
        """``[ledger]`` of transitions.toml: the amendment ledger 2016–2024 (none if not named)."""
        spec = self.meta.get("ledger")
        if not spec:
            return []
        rel = spec["file"]
        label = f"mappings/{rel}"
        header, records = _read_csv(self.directory / rel, label)
        _require(header, LEDGER_COLUMNS, label)
        out = []
        for _line, where, e in _fields(header, records, label):
            new = []
            for entry in (x.strip() for x in e["new"].split(";") if x.strip()):
                t, _, n = entry.rpartition(" ")
                if not t:
                    raise MappingError(f"新しい項の形式が不正です: {entry!r}", f"malformed new {entry!r}", source=where)
                new.append((t, n if n == "(none)" else _check_key(n, False, where, "新")))
            out.append(
                AmendmentLine(
                    id=e["id"],
                    where=where,
                    source=e["source"],
                    table=e["table"],
                    old_rows=tuple(_check_key(k, False, where, "旧") for k in e["old_rows"].split(";") if k),
                    candidates=tuple(_check_key(k, False, where, "旧") for k in e["candidates"].split(";") if k),
                    after_last=RowNumber.parse(e["after_last"]) if e["after_last"] else None,
                    new=tuple(new),
                    effective_date=e["effective_date"],
                    amending_act=e["amending_act"],
                    amending_provision=e["amending_provision"],
                    change=e["change"],
                    old_row_text=e["old_row_text"],
                    reading=e["reading"],
                    ledger_confidence=e["ledger_confidence"],
                    effect=e["effect"],
                    effect_detail=e["effect_detail"],
                )
            )
        return out

    def read_rows(
        self, path: Path, label: str, from_n: str, to_n: str, *, require_transition: str | None = None
    ) -> list[MappingRow]:
        header, records = _read_csv(path, label)
        allowed = set(CSV_COLUMNS) | (set(_EXTRA_COLUMNS) if require_transition is not None else set())
        unknown = [c for c in header if c not in allowed]
        if unknown:
            raise MappingError(
                f"不明な列があります: {unknown}", f"unknown columns {unknown}", source=f"{label}:1"
            )
        _require(header, REQUIRED_COLUMNS, label)
        item_keys = self.item_keys(from_n)
        rows: list[MappingRow] = []
        seen: dict[str, int] = {}
        for line, where, e in _fields(header, records, label):
            if (
                require_transition is not None
                and e.get("transition", require_transition) != require_transition
            ):
                continue
            old = _check_key(e["old"], item_keys, where, "旧")
            if old in seen:
                raise MappingError(
                    f"旧番号 {old} が重複しています（{seen[old]}行目と）",
                    f"duplicate old row {old} (also line {seen[old]})",
                    source=where,
                )
            seen[old] = line
            new = tuple(
                _check_key(x, self.item_keys(to_n), where, "新") for x in e["new"].split(";") if x.strip()
            )
            relation = _enum_value(Relation, e["relation"], "関係", "relation", where)
            confidence = _enum_value(Confidence, e["confidence"], "確度", "confidence", where)
            method = e["method"].strip()
            if any(m not in METHODS for m in method.split("+")):
                raise MappingError(
                    f"方法の値が不正です: {method!r}",
                    f"unknown method {method!r} (one of {sorted(METHODS)})",
                    source=where,
                )
            if not e["evidence"].strip():
                raise MappingError(
                    "根拠（evidence）が空です", "the evidence column is required", source=where
                )
            expected = {
                Relation.DELETED: (0, 0),
                Relation.RENUMBERED: (1, 1),
                Relation.MERGED: (1, 1),
                Relation.SPLIT: (2, 10**6),
            }[relation]
            if not expected[0] <= len(new) <= expected[1]:
                raise MappingError(
                    f"関係 {relation.value} と新番号の数（{len(new)}）が合いません",
                    f"relation {relation.value} does not fit {len(new)} new rows",
                    source=where,
                )
            # The old numbering's table is incomplete (rows added 2016–2024 are missing), so old rows
            # are checked by the builder against the law data, not here.
            for n in new:
                if self.exists(to_n, n) is False:
                    raise MappingError(
                        f"新番号 {n} は {to_n} に存在しません",
                        f"new row {n} does not exist in {to_n}",
                        source=where,
                    )
            rows.append(
                MappingRow(
                    old=old,
                    new=new,
                    relation=relation,
                    confidence=confidence,
                    method=method,
                    evidence=e["evidence"].strip(),
                    source=where,
                    old_actor=e.get("old_actor", ""),
                    new_actor=e.get("new_actor", ""),
                )
            )
        return rows


def _check_claims(rows: Sequence[MappingRow]) -> None:
    claimed: dict[str, MappingRow] = {}
    for r in rows:
        for n in r.new:
            other = claimed.get(n)
            if other is not None and (
                r.relation is Relation.RENUMBERED or other.relation is Relation.RENUMBERED
            ):
                raise MappingError(
                    f"新番号 {n} を {other.old}（{other.source}）と {r.old} の両方が指しています",
                    f"new row {n} is claimed by both {other.old} ({other.source}) and {r.old} (a renumbered target must be unique; use merged)",
                    source=r.source,
                )
            claimed.setdefault(n, r)


def load_mappings(directory: str | Path | None = None, *, extra: Sequence[str | Path] = ()) -> MappingSet:
    """Load and validate ``mappings/`` (default: the shipped folder) plus users' own CSV files.

    ``extra`` files use the same columns; a file whose name is not ``<transition id>.csv`` must
    add a ``transition`` column naming the transition of each row.  The evidence column is
    required, and a row that conflicts with a shipped row is an error, not an override.
    """
    directory, extra = load_args(directory, extra)
    d = Path(directory) if directory is not None else data_dir("mappings")
    loader = _Loader(d)
    meta = loader.meta
    transitions: dict[str, Transition] = {}
    rows_by_id: dict[str, list[MappingRow]] = {}
    for t in meta.get("transition", []):
        file = t["file"]
        rows = loader.read_rows(d / file, f"mappings/{file}", t["from"], t["to"])
        rows_by_id[t["id"]] = rows
    for x in extra:
        path = Path(x)
        header, _ = _read_csv(path, str(path))
        ids = [path.stem] if "transition" not in header else [t["id"] for t in meta.get("transition", [])]
        for tid in ids:
            spec = next((t for t in meta.get("transition", []) if t["id"] == tid), None)
            if spec is None:
                raise MappingError(
                    f"どの対応表に追加するか分かりません（ファイル名 {path.name}）。transition 列を加えてください",
                    f"unknown transition for {path.name}: name the file <transition id>.csv or add a transition column",
                    source=str(path),
                )
            added = loader.read_rows(
                path,
                str(path),
                spec["from"],
                spec["to"],
                require_transition=tid if "transition" in header else None,
            )
            shipped = {r.old: r for r in rows_by_id[tid]}
            for r in added:
                s = shipped.get(r.old)
                if s is not None:
                    if (s.new, s.relation) == (r.new, r.relation):
                        continue  # the same row: nothing to add
                    raise MappingError(
                        f"同梱の対応 {s.source}（{s.old} → {'、'.join(s.new) or 'なし'}）と矛盾します",
                        f"conflicts with the shipped row {s.source} ({s.old} -> {';'.join(s.new) or 'deleted'}); extra rows cannot override",
                        source=r.source,
                    )
                rows_by_id[tid].append(r)
    if extra:
        unknown_ids = [t for t in rows_by_id if not any(t == s["id"] for s in meta.get("transition", []))]
        assert not unknown_ids
    for t in meta.get("transition", []):
        rows = rows_by_id[t["id"]]
        _check_claims(rows)
        pb = t.get("passthrough_below") or None
        transitions[t["id"]] = Transition(
            id=t["id"],
            from_numbering=t["from"],
            to_numbering=t["to"],
            rows=tuple(rows),
            act=t.get("act", ""),
            effective=_date(t.get("effective")),
            description=t.get("description", ""),
            sources=tuple(t.get("sources", ())),
            revisions=tuple(t.get("revisions", ())),
            file=f"mappings/{t['file']}",
            passthrough_below=RowNumber.parse(pb) if pb else None,
        )
    chains = [
        _Chain(c["id"], c["table"], c["default"], c["target"], c.get("description", ""))
        for c in meta.get("chain", [])
    ]
    return MappingSet(
        loader.numberings, list(transitions.values()), chains, loader.tables, d, ledger=loader.read_ledger()
    )


@functools.cache
def default_mappings() -> MappingSet:
    """The shipped mappings, once per process.

    Parsed and validated from the files the first time, then kept in the user's cache
    (:mod:`mynumber_refs._cache`, a pickle) under a key computed from the mapping files' names and
    contents, their folder, the code of the objects (this module and ``model``), Python's version and
    the installed attrs; loaded from there while the key matches (a few ms instead of 20–200)."""
    import pickle
    import sys

    import attr._make

    from . import model
    from ._cache import cached, digest, files_digest

    folder = data_dir("mappings")
    attrs_code = os.stat(attr._make.__file__)
    key = digest("mappings", str(folder), files_digest((p for p in folder.rglob("*") if p.is_file()), folder),
                 Path(__file__).read_bytes(), Path(model.__file__).read_bytes(), sys.version,
                 f"{attr._make.__file__} {attrs_code.st_size} {attrs_code.st_mtime_ns}")
    return cached("mappings", key, load_mappings, lambda m: pickle.dumps(m, protocol=pickle.HIGHEST_PROTOCOL),
                  pickle.loads)


_LABELS = {
    "beppyo1": "別表第一 → 別表",
    "beppyo2": "別表第二 → 主務省令第2条の表",
    "order-article": "旧主務省令 条 → 新主務省令 条",
    "order-item": "旧主務省令 号 → 新主務省令 号",
}

_ORIGIN_JA = {
    "mapped": "旧番号から対応 mapped",
    "new-2024-05-27": "2024-05-27 新設 new on 2024-05-27",
    "no-old-row": "旧表になし no old row",
    "old-number-unknown": "旧番号不明 old number unknown",
}


def format_summary(mset: MappingSet, *, as_json: bool = False) -> str:
    """The text of ``mynumber-refs mappings [--json]``: Japanese first, English alongside."""
    data = mset.summary()
    if as_json:
        return json.dumps(data, ensure_ascii=False, indent=2)
    out = []
    for s in data:
        out.append(f"■ {_LABELS.get(s['mapping'], s['mapping'])} ({s['description']})")
        out.append(f"  旧番号体系 from: {s['from']} → {s['to']}; 旧項の数 old rows: {s['old_rows']}")
        out.append(
            f"  確定 established: {s['established']} / 推定 inferred: {s['inferred']} / "
            f"削除 deleted: {s['deleted']}（うち推定 of which inferred: {s['deleted_inferred']}） / "
            f"不明 known missing: {s['known_missing']}"
        )
        if s["ledger_lines_by_effect"]:
            effects = "、".join(
                f"{_EFFECT_SHORT_JA.get(k, k)} {k} {v}" for k, v in s["ledger_lines_by_effect"].items()
            )
            out.append(f"  改正の記録 2016–2024 ledger lines: {effects}")
        if s["new_rows_by_origin"]:
            origins = "、".join(f"{_ORIGIN_JA.get(k, k)} {v}" for k, v in s["new_rows_by_origin"].items())
            out.append(f"  新しい表の項 new rows: {origins}")
        out.append(f"  ファイル files: {', '.join(s['files'])}")
        if s["acts"]:
            out.append(f"  改正 acts: {'; '.join(dict.fromkeys(s['acts']))}")
        out.append(f"  出典 sources: {', '.join(s['sources'])}")
        for r in s["revisions"]:
            out.append(f"  版 revision: {r}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"

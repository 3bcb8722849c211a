"""Applying edits to a text: the one place that splices replacements in (light; no heavy imports).

Used by the rewriter on whole texts and by the file formats on each unit of a document.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any, NamedTuple, Protocol

from ._patterns import compile_on_use

__all__ = ["EditLike", "WordSpan", "apply_edits", "changed_part", "word_spans"]


class EditLike(Protocol):
    """Anything with an edit's span and texts (:class:`~mynumber_refs.model.Edit`, a file edit record)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def before(self) -> str: ...
    @property
    def after(self) -> str: ...


def apply_edits(text: str, edits: Iterable[EditLike]) -> str:
    """Apply non-overlapping edits (in any order); the text between them is copied verbatim.

    Raises ``ValueError`` when edits overlap, fall outside ``text``, or an edit's ``before`` is not
    what ``text`` holds at its span.
    """
    # the new text, grown by pieces of about _CHUNK characters: a string no one else holds is extended
    # in place (CPython), so the new text is never held twice, as its pieces and as their join
    new = ""
    out: list[str] = []
    pos = 0
    mark = 0  # where the pieces in ``out`` began
    for e in _in_order(edits):
        if e.start < pos or e.end < e.start or e.end > len(text):
            raise ValueError(f"edits overlap or are out of range: {e.start}-{e.end}")
        if text[e.start : e.end] != e.before:
            raise ValueError(f"edit does not match the text at {e.start}: {text[e.start:e.end]!r} != {e.before!r}")
        out.append(text[pos : e.start])
        out.append(e.after)
        pos = e.end
        if pos - mark > _CHUNK or len(out) > _PIECES:  # joined as it goes: a long text's many small pieces never pile up
            new += "".join(out)
            out.clear()
            mark = pos
    out.append(text[pos:])
    if not new:
        return "".join(out)
    new += "".join(out)
    return new


_CHUNK = 1 << 16
_PIECES = 1 << 10
"""The pieces are joined every :data:`_CHUNK` characters or every :data:`_PIECES` pieces: where an
edit comes every few characters (a run of 「別表第一の」), 64 K characters are 20,000 pieces, each a
small string object, which held 4.6× the input at once."""


def _in_order(edits: Iterable[EditLike]) -> list[EditLike]:
    """``edits`` by (start, end): as given when they already are (the rewriter's are), else sorted."""
    out = list(edits)
    for a, b in zip(out, out[1:], strict=False):  # neighbours
        if b.start < a.start or (b.start == a.start and b.end < a.end):
            return sorted(out, key=lambda e: (e.start, e.end))
    return out


def changed_part(before: str, after: str) -> tuple[int, int, str]:
    """``(p, q, new)``: the lengths of the common prefix ``p`` and suffix ``q`` of ``before`` and
    ``after`` (the characters an edit leaves as they are) and what is between them in ``after``."""
    p = 0
    limit = min(len(before), len(after))
    while p < limit and before[p] == after[p]:
        p += 1
    q = 0
    while q < limit - p and before[len(before) - 1 - q] == after[len(after) - 1 - q]:
        q += 1
    return p, q, after[p : len(after) - q]


_BR = r"(?:\r?\n)?"  # a line break typed inside a word (「別⏎表第一」 to fit a cell)
_NUM = rf"[0-9０-９](?:{_BR}[0-9０-９])*|[〇一二三四五六七八九十百千](?:{_BR}[〇一二三四五六七八九十百千])*"
_WORD = compile_on_use(rf"別{_BR}表(?:{_BR}第{_BR}(?:{_NUM}))?|(?:{_NUM})(?:{_BR}の{_BR}(?:{_NUM}))*")
"""What a reviewer reads as one word of a citation: a number (half- or full-width digits or kanji
numerals, with its branches: 「36の2」, 「三十六の二」) or a table's name (「別表」, 「別表第一」), a line
break between two of its characters included (「別⏎表第一」: one name)."""
_WORD_CHARS = frozenset("別表第の0123456789０１２３４５６７８９〇一二三四五六七八九十百千")
_BREAK_CHARS = frozenset("\r\n")
_REACH = 64  # a word is never longer: how far from a boundary its word is looked for


def _word_around(s: str, pos: int) -> tuple[int, int] | None:
    """The word of ``s`` that ``pos`` falls strictly inside (between two of its characters), if any."""
    if pos <= 0 or pos >= len(s) or s[pos - 1] not in _WORD_CHARS or s[pos] not in _WORD_CHARS:
        return None
    begin = pos - 1
    while begin > 0 and pos - begin < _REACH and (s[begin - 1] in _WORD_CHARS or s[begin - 1] in _BREAK_CHARS):
        begin -= 1
    for m in _WORD.finditer(s, begin, min(len(s), pos + _REACH)):
        if m.start() >= pos:
            break
        if m.end() > pos:
            return m.start(), m.end()
    return None


def _shifted(span: tuple[int, int] | None, by: int) -> tuple[int, int] | None:
    return None if span is None else (span[0] + by, span[1] + by)


class WordSpan(NamedTuple):
    """A change as a reviewer reads it: ``text[start:end]`` becomes ``after``; ``members`` are the
    indices of the edits it is made of."""

    start: int
    end: int
    after: str
    members: tuple[int, ...]
    formats: tuple[tuple[int, int], ...] = ()  # set by a file format: ``after`` in pieces (length, segment)


def word_spans(text: str, edits: Sequence[EditLike],
               whole: Callable[[Any], Hashable] | None = None) -> list[WordSpan]:
    """The changes that ``edits`` (non-overlapping, in ``text``) make, each shown whole-word: a
    changed span never begins or ends inside a number or a table's name (:data:`_WORD`) of the text
    before or of the text after, and is otherwise only the characters that change (so 「２７」→「４８」
    is one replacement, not 「２」→「４」 beside a kept 「７」, while 「の項」 after a row stays kept).

    Each edit's changed part (:func:`changed_part`) is widened to whole words; spans that then
    overlap are joined.  With ``whole``, the edits for which it gives the same key change together:
    their spans become one, from the first changed character to the last (「別表第一の16の項」 →
    one span 「別表第一の16」 → 「別表の24」, 「の項」 kept), so that no part of one can be taken
    without the rest.  Replacing every ``text[start:end]`` by ``after`` gives exactly the text the
    edits give.  Reads only a few dozen characters around each edit."""
    spans: list[tuple[int, int, list[int]]] = []
    changes: dict[int, tuple[int, int, str]] = {}  # each edit's changed part
    order = sorted(range(len(edits)), key=lambda k: (edits[k].start, edits[k].end))
    for k in order:
        e = edits[k]
        p, q, new = changed_part(e.before, e.after)
        lo, hi = e.start + p, e.end - q
        if lo == hi and not new:
            continue
        changes[k] = (lo, hi, new)
        shift = len(e.after) - (e.end - e.start)

        def after_slice(x: int, y: int, e: EditLike = e, shift: int = shift) -> str:
            """``[x:y]`` of the text after the edit ``e`` alone (x at or before the edit's start)."""
            if y <= e.start:
                return text[x:y]
            if y <= e.start + len(e.after):
                return text[x:e.start] + e.after[: y - e.start]
            return text[x:e.start] + e.after + text[e.end : y - shift]

        while True:
            x = max(0, min(lo, e.start) - _REACH)
            window = after_slice(x, min(hi + shift + _REACH, len(text) + shift))
            new_lo, new_hi = lo, hi
            for w in (_word_around(text, lo), _shifted(_word_around(window, lo - x), x)):
                if w is not None:
                    new_lo = min(new_lo, w[0])
            for w in (_word_around(text, hi), _shifted(_word_around(window, hi + shift - x), x - shift)):
                if w is not None:
                    new_hi = max(new_hi, w[1])
            if (new_lo, new_hi) == (lo, hi):
                break
            lo, hi = new_lo, new_hi
        spans.append((lo, hi, [k]))
    if whole is not None:  # each key's spans as one, from its first to its last
        reach: dict[Hashable, tuple[int, int]] = {}
        for lo, hi, members in spans:
            key = whole(edits[members[0]])
            first = reach.get(key, (lo, hi))
            reach[key] = (min(first[0], lo), max(first[1], hi))
        spans = [(*reach[whole(edits[members[0]])], members) for _, _, members in spans]
    # edits whose changed parts touch where one of them is an insertion (two insertions at one place, an
    # insertion right after a deletion) are one span: their words, widened apart, could come out in the
    # wrong order
    group: dict[int, int] = {}
    last: int | None = None
    for k in order:
        if k not in changes:
            continue
        a, b, _ = changes[k]
        if last is not None and a == changes[last][1] and (a == b or changes[last][0] == changes[last][1]):
            group[k] = group[last]
        else:
            group[k] = k
        last = k
    if len(set(group.values())) < len(group):
        merged: dict[int, tuple[int, int, list[int]]] = {}
        for lo, hi, members in spans:
            g = group[members[0]]
            had = merged.get(g)
            merged[g] = (lo, hi, list(members)) if had is None else (
                min(had[0], lo), max(had[1], hi), [*had[2], *members])
        spans = list(merged.values())
    rank = {k: n for n, k in enumerate(order)}  # edits at one place (two insertions) stay in their order
    joined: list[tuple[int, int, list[int]]] = []
    for lo, hi, members in sorted(spans, key=lambda s: (s[0], s[1])):
        # joined with the spans it overlaps, and an insertion with the span it ends (its word, widened,
        # may have begun before an earlier insertion at the same place)
        if joined and (lo < joined[-1][1] or lo == hi == joined[-1][1]):
            prev = joined.pop()
            lo, hi = prev[0], max(prev[1], hi)
            members = sorted([*prev[2], *members], key=lambda k: (*changes[k][:2], rank[k]))
        joined.append((lo, hi, members))
    out: list[WordSpan] = []
    for lo, hi, members in joined:
        pieces: list[str] = []
        pos = lo
        for k in members:
            a, b, new = changes[k]
            pieces.append(text[pos:a])
            pieces.append(new)
            pos = b
        pieces.append(text[pos:hi])
        out.append(WordSpan(lo, hi, "".join(pieces), tuple(members)))
    return out

"""Applying edits to a text: the one place that splices replacements in (light; no heavy imports).

Used by the rewriter on whole texts and by the file formats on each unit of a document.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

__all__ = ["EditLike", "apply_edits", "changed_part"]


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
    chunks: list[str] = []  # the new text in pieces of about _CHUNK characters
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
        if pos - mark > _CHUNK:  # joined as it goes: a long text's many small pieces never pile up
            chunks.append("".join(out))
            out.clear()
            mark = pos
    out.append(text[pos:])
    if not chunks:
        return "".join(out)
    chunks.append("".join(out))
    return "".join(chunks)


_CHUNK = 1 << 16


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

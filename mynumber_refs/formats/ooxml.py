"""What the Word and Excel adapters share: OOXML names, the two copies of mc:AlternateContent,
writing a changed part back after its own XML declaration, and the PIA's heading path.

Word and Excel keep a drawing (a text box, a shape) twice inside ``mc:AlternateContent``: the
first branch (``mc:Choice``, DrawingML) for current applications and a later one
(``mc:Fallback``, VML) for older ones.  The first branch is what the adapters read; an edit is
made in every copy, text by text, when the copies hold the same texts, and refused when they do
not (:class:`AlternateCopies`, :func:`plan_with_copies`), so that the two never disagree.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from . import GROUP_MESSAGE, PROTECTED_MESSAGE, Segment, plan_segment_edits, plan_whole_groups

__all__ = [
    "XML_SPACE",
    "XML_DECLARATION",
    "MC_NS",
    "MC_ALTERNATE",
    "MC_CHOICE",
    "MC_FALLBACK",
    "in_later_branch",
    "AlternateCopies",
    "plan_with_copies",
    "plan_edits",
    "skip_message",
    "xml_with_declaration",
    "heading_level",
    "HeadingStack",
    "LABEL_LEVEL",
]

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
MC_ALTERNATE, MC_CHOICE, MC_FALLBACK = (f"{{{MC_NS}}}{t}" for t in ("AlternateContent", "Choice", "Fallback"))
_BRANCHES = (MC_CHOICE, MC_FALLBACK)


def in_later_branch(el: Any, root: Any = None) -> bool:
    """Whether ``el`` (or an ancestor below ``root``) lies in a branch of mc:AlternateContent other
    than the first: the copy kept for applications that cannot read the first."""
    node = el
    while node is not None and node is not root:
        parent = node.getparent()
        if parent is not None and parent.tag == MC_ALTERNATE and node.tag in _BRANCHES:
            first = next((c for c in parent if c.tag in _BRANCHES), None)
            if first is not node:
                return True
        node = parent
    return False


class AlternateCopies:
    """Which text elements (``w:t``, ``a:t``) are copies of one another.

    For every mc:AlternateContent scanned, each later branch whose sequence of texts equals the
    first branch's is linked to it text by text; a branch that differs makes the texts of both
    unsafe to change."""

    def __init__(self, t_tag: str) -> None:
        self.t_tag = t_tag
        self.links: dict[Any, list[Any]] = {}
        self.mismatched: set[Any] = set()

    def scan(self, root: Any) -> None:
        for alternate in root.iter(MC_ALTERNATE):
            branches = [c for c in alternate if c.tag in _BRANCHES]
            if len(branches) < 2:
                continue
            first = list(branches[0].iter(self.t_tag))
            texts = [t.text or "" for t in first]
            for other in branches[1:]:
                others = list(other.iter(self.t_tag))
                if [t.text or "" for t in others] == texts:
                    for a, b in zip(first, others, strict=True):
                        self.links.setdefault(a, []).append(b)
                        self.links.setdefault(b, []).append(a)
                else:
                    self.mismatched.update(first)
                    self.mismatched.update(others)

    def group(self, t: Any) -> list[Any]:
        """``t`` and every copy of it, directly or through other copies (``t`` first)."""
        found = [t]
        known = {t}
        for el in found:  # grows while it is walked
            for other in self.links.get(el, ()):
                if other not in known:
                    known.add(other)
                    found.append(other)
        return found

    def safe(self, t: Any) -> bool:
        """Whether ``t`` may change (with all its copies)."""
        return not any(x in self.mismatched for x in self.group(t))


def plan_with_copies(
    segments: Sequence[Segment], edits: Sequence[Any], copy_blocked: frozenset[int] | set[int]
) -> tuple[dict[int, str], list[tuple[Any, str]], set[int]]:
    """:func:`plan_segment_edits`, plus which refused edits were refused only because the
    segments in ``copy_blocked`` belong to copies that differ (``id`` of each such edit)."""
    new_texts, refused = plan_segment_edits(segments, edits)
    copy_refused: set[int] = set()
    if refused and copy_blocked:
        free = [Segment(s.text, True, s.payload) if i in copy_blocked else s for i, s in enumerate(segments)]
        plain = {id(e) for e, _ in plan_segment_edits(free, edits)[1]}
        copy_refused = {id(e) for e, _ in refused if id(e) not in plain}
    return new_texts, refused, copy_refused


def plan_edits(
    segments: Sequence[Segment], edits: Sequence[Any], copy_blocked: frozenset[int] | set[int]
) -> tuple[dict[int, str], list[tuple[Any, str]], set[int]]:
    """How a unit of a Word or Excel part takes ``edits``: :func:`plan_with_copies` with whole groups
    (:func:`~mynumber_refs.formats.plan_whole_groups`).  Returns the new segment texts, the refused
    edits with their reasons, and which refusals come only from copies that differ."""
    copy_refused: set[int] = set()

    def plan(es: Sequence[Any]) -> tuple[dict[int, str], list[tuple[Any, str]]]:
        planned, refused_here, copies_here = plan_with_copies(segments, es, copy_blocked)
        copy_refused.update(copies_here)
        return planned, refused_here

    new_texts, refused = plan_whole_groups(plan, edits)
    return new_texts, refused, copy_refused


def skip_message(edit: Any, reason: str, copy_refused: set[int], copy_message: str) -> str:
    """The message for a refused edit: its group, copies that differ, or protected text."""
    if reason == "group":
        return GROUP_MESSAGE
    return copy_message if id(edit) in copy_refused else PROTECTED_MESSAGE


def xml_with_declaration(root: Any, original: bytes) -> bytes:
    """``root`` serialized as UTF-8 after the XML declaration ``original`` (the part's old bytes,
    or their beginning) starts with; the usual declaration when it has none or names another
    encoding."""
    from lxml import etree

    prolog = XML_DECLARATION
    if original.startswith(b"<?xml"):
        end = original.find(b"?>")
        encoding = re.search(rb"""encoding\s*=\s*["']([^"']*)""", original[: max(end, 0)])
        if end > 0 and (encoding is None or encoding.group(1).lower() in (b"utf-8", b"utf8")):
            stop = end + 2
            while original[stop : stop + 1] in (b" ", b"\t", b"\r", b"\n"):
                stop += 1
            prolog = original[:stop]
    return prolog + etree.tostring(root.getroottree(), encoding="UTF-8", xml_declaration=False)


# ----------------------------------------------------------------------------- heading paths

_ROMAN = "\u2160-\u216b\u2170-\u217b"  # Ⅰ…Ⅻ, ⅰ…ⅻ
_DIGITS = "0-9０-９"
_HEADING_PATTERNS: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(f"^[{_ROMAN}]+(?![{_DIGITS}])"), 1),  # Ⅰ 基本情報, Ⅱ．…
    (re.compile(f"^[{_DIGITS}]{{1,2}}[ \u3000]*[．.](?![{_DIGITS}])"), 2),  # １．特定個人情報…, 2.…
    (re.compile(f"^[（(][{_DIGITS}]{{1,2}}[）)]"), 3),  # （１）…
    (re.compile("^[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]"), 4),  # ①…⑳, ㉑…㊿
)
HEADING_MAX_LENGTH = 60
"""A heading or item label is at most this long (a longer text is content, not a label)."""
LABEL_LEVEL = 50
"""The level of a label without numbering (「システム7」): below every numbered one."""


def heading_level(text: str) -> int | None:
    """The level of a PIA heading or item label written with its numbering: Ⅰ (1), １． (2),
    （１） (3), ① (4); ``None`` for anything else, and for a text too long to be a label or one
    that ends a sentence (a numbered item of a list inside a content cell, say)."""
    t = " ".join(text.split())
    if not t or len(t) > HEADING_MAX_LENGTH or t.endswith("。"):
        return None
    for pattern, level in _HEADING_PATTERNS:
        if pattern.match(t):
            return level
    return None


def label_text(text: str) -> str:
    """A label as one line: runs of white space (line breaks inside a cell) become one space, and
    the line breaks a narrow label column forces between two Japanese characters are dropped."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    out = ""
    for line in lines:
        if not line:
            continue
        if out and not (out[-1].isascii() and line[0].isascii()):
            out += line
        else:
            out += (" " if out else "") + line
    return out


class HeadingStack:
    """The headings above the current position, outermost first: a heading of level L replaces
    every heading of level L or deeper."""

    def __init__(self, entries: Sequence[tuple[int, str]] = ()) -> None:
        self.entries: list[tuple[int, str]] = list(entries)

    def push(self, level: int, text: str) -> None:
        while self.entries and self.entries[-1][0] >= level:
            self.entries.pop()
        self.entries.append((level, text))

    def path(self, labels: Sequence[str] = ()) -> list[tuple[int, str]]:
        """The path of an item whose own labels (to its left, in order) are ``labels``: the
        headings above that are outer to the labels' numbered levels, then the labels."""
        levels = [heading_level(t) for t in labels]
        numbered = [lv for lv in levels if lv is not None]
        cut = min(numbered) if numbered else LABEL_LEVEL + 1
        out = [(lv, t) for lv, t in self.entries if lv < cut]
        known = {t for _, t in out}
        for lv, t in zip(levels, labels, strict=True):
            if t and t not in known:
                out.append((lv if lv is not None else LABEL_LEVEL, t))
                known.add(t)
        return out

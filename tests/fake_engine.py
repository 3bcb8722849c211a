"""A small stand-in for ``mynumber_refs.rewriter.rewrite`` used by the format and batch tests.

It knows a handful of rows of the 2024 renumbering of 別表第一 and rewrites
「別表第一のNの項」 token by token (「別表第一」→「別表」, 「N」→「M」), reporting 「別表第二」 as a
finding.  Its edits carry a ``Citation`` so that grouping by citation can be tested.  A text
containing ``BOOM`` makes it raise, to test that nothing is written then.  The tests that use
the real engine are in the same files and are skipped while it is missing.
"""

from __future__ import annotations

import re

from mynumber_refs.model import Citation, Edit, Finding, RewriteResult

ROWS = {"16": "24", "36の2": "55", "59": "85", "95": "128"}
_CITE = re.compile(r"別表第一の(\d+(?:の\d+)?)の項")
_TABLE2 = re.compile(r"別表第二")


def fake_rewrite(text: str, *, assume_law: bool = False, as_of: object = None, accept_inferred: bool = False,
                 mappings: object = None, fix_typos: bool = False) -> RewriteResult:
    if "BOOM" in text:
        raise RuntimeError("engine exploded")
    edits: list[Edit] = []
    findings: list[Finding] = []
    for m in _CITE.finditer(text):
        new = ROWS.get(m.group(1))
        if new is None:
            findings.append(Finding(m.start(), m.end(), m.group(0), "unmapped_row", "対応表にありません / not mapped"))
            continue
        c = Citation(m.start(), m.end(), m.group(0))
        edits.append(Edit(m.start(), m.start() + 4, "別表第一", "別表", citation=c, evidence=("fake: 別表第一→別表",)))
        edits.append(Edit(m.start(1), m.end(1), m.group(1), new, citation=c, evidence=(f"fake: {m.group(1)}→{new}",)))
    for m in _TABLE2.finditer(text):
        findings.append(Finding(m.start(), m.end(), m.group(0), "abolished_table", "別表第二は廃止 / abolished"))
    out = text
    for e in reversed(edits):
        out = out[: e.start] + e.after + out[e.end:]
    return RewriteResult(text, out, tuple(edits), tuple(sorted(findings, key=lambda f: f.start)))

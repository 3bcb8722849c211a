"""Property: in Word and Excel, the edits of one group apply together or not at all."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mynumber_refs.formats import Segment, edit_group, plan_segment_edits, plan_whole_groups
from mynumber_refs.model import Edit

segments_st = st.lists(st.tuples(st.text("あいうabc", min_size=1, max_size=4), st.booleans()), min_size=1, max_size=6)


@st.composite
def case(draw: st.DrawFn) -> tuple[list[Segment], list[Edit]]:
    parts = draw(segments_st)
    segments = [Segment(text, editable) for text, editable in parts]
    full = "".join(text for text, _ in parts)
    cuts = sorted(set(draw(st.lists(st.integers(0, len(full)), max_size=8))))
    edits = []
    for a, b in zip(cuts[::2], cuts[1::2], strict=False):
        if a == b:
            continue
        edits.append(Edit(a, b, full[a:b], draw(st.text("XYZ", min_size=1, max_size=3)), group=draw(st.integers(0, 2))))
    return segments, edits


@settings(max_examples=300, deadline=None)
@given(case())
def test_groups_apply_whole_or_not_at_all(c: tuple[list[Segment], list[Edit]]) -> None:
    segments, edits = c
    new_texts, refused = plan_whole_groups(lambda es: plan_segment_edits(segments, es), edits)
    refused_ids = {id(e) for e, _ in refused}
    for g in {edit_group(e) for e in edits}:
        members = [e for e in edits if edit_group(e) == g]
        assert all(id(e) in refused_ids for e in members) or not any(id(e) in refused_ids for e in members)
    # what is applied is exactly the plain plan of the edits that were kept
    kept = [e for e in edits if id(e) not in refused_ids]
    plain_texts, plain_refused = plan_segment_edits(segments, kept)
    assert not plain_refused and plain_texts == new_texts
    # a group is left out only because one of its own edits is refused when planned with all
    alone_refused = {id(e) for e, _ in plan_segment_edits(segments, edits)[1]}
    for e, reason in refused:
        if reason == "group":
            assert any(id(x) in alone_refused and edit_group(x) == edit_group(e) for x in edits)
        else:
            assert id(e) in alone_refused

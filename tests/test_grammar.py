"""The grammar is loaded from the package, builds in strict mode, and every rule has a handler."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st
from lark import Lark

from mynumber_refs.parse import START_SYMBOLS, _ToModel, get_parser


def test_grammar_builds_strict_without_conflicts() -> None:
    parser = get_parser(strict=True)
    assert isinstance(parser, Lark)
    for s, start in [("別表第一の16の項", "anchored"), ("（１、２の項）", "bare_rows"), ("（１条２号ハ）", "order_refs")]:
        assert parser.parse(s, start=start) is not None


def test_every_rule_has_a_transformer_method() -> None:
    parser = get_parser()
    names = set()
    for rule in parser.rules:
        origin = rule.origin.name
        name = rule.alias or (origin if isinstance(origin, str) else origin.value)
        if name.startswith("_") or name.startswith("__"):
            continue
        names.add(str(name))
    missing = sorted(n for n in names if not callable(getattr(_ToModel, n, None)))
    assert not missing, f"rules without a handler: {missing}"
    assert set(START_SYMBOLS) <= names


def test_rules_collapsed_in_the_cache_are_pass_through() -> None:
    """parse._PASS_THROUGH rules are replaced by their one child when a tree is compacted: each must
    be a rule of the grammar whose handler gives back its one argument unchanged."""
    from lark import Token

    from mynumber_refs.parse import _PASS_THROUGH

    parser = get_parser()
    rules = {str(r.origin.name) for r in parser.rules}
    model = _ToModel("")
    for name in _PASS_THROUGH:
        assert name in rules, name
        arg = Token("NUM", "1")
        assert getattr(model, name)(arg) is arg, name


def test_compacted_trees_transform_as_full_trees_do() -> None:
    """The transform of a compacted tree (what the cache holds, pass-through rules collapsed) equals
    the transform of the whole tree, every rule's handler called."""
    from lark import Tree

    from mynumber_refs.parse import _compact

    def whole(t: Tree) -> tuple[str, tuple[object, ...]]:
        return (str(t.data), tuple(whole(c) if isinstance(c, Tree) else c for c in t.children))

    parser = get_parser()
    for text, start in [
        ("第9条第1項別表第一の16の項", "anchored"), ("別表第二の１、２及び３の項", "anchored"),
        ("別表第一の36の2の項から38の項まで", "anchored"), ("（１、２、３の項）", "bare_rows"),
        ("（１条２号ハ、２条７号ロ・１３号ハ）", "order_refs"), ("第19条第8号に基づく別表第二の第三欄", "anchored"),
    ]:
        tree = parser.parse(text, start=start)
        compact = _compact(tree)
        assert compact != whole(tree), text  # something was collapsed
        assert _ToModel(text)._node(compact) == _ToModel(text)._node(whole(tree)), text


def test_a_citation_parses_the_same_whatever_was_parsed_before() -> None:
    """Parses are cached by the citation's text: a prefix the grammar accepts is read the same way whatever follows it.
    「別表第2号」 once ended a row list at 「第2」 (a 第 before a first row no 項 closed), so its cached parse, a bare 別表,
    was given to 「番号法別表第2項」 (table-or-row) and made it malformed."""
    from mynumber_refs.parse import clear_caches
    from mynumber_refs.rewriter import rewrite

    expected = {text: [f.reason for f in rewrite(text).findings] for text in ("番号法別表第2項", "番号法別表第二第27、28項")}
    for before in ("別表第2号", "番号法別表第2号に掲げる", "番号法別表第二第27", "番号法別表第二第27、28"):
        clear_caches()
        rewrite(before)
        for text, reasons in expected.items():
            assert [f.reason for f in rewrite(text).findings] == reasons, (before, text)
    assert expected["番号法別表第2項"] == ["table-or-row"]


def _plain(tree: object) -> object:
    """A compact tree with its tokens as (type, start, end), for comparing."""
    from mynumber_refs.parse import _Tok

    if isinstance(tree, _Tok):
        return (tree.type, tree.start_pos, tree.end_pos)
    if isinstance(tree, tuple):
        return tuple(_plain(c) for c in tree)
    return tree


def _by_grammar(text: str, start: str) -> object:
    from mynumber_refs.parse import _compact, _longest_prefix

    found = _longest_prefix(text, start)
    return None if found is None else (_plain(_compact(found[0])), found[1])


_LIST_PIECES = [
    "1", "16", "１０", "２\n０", "十六", "三十六", "0", "〇", "の2", "の\n２", "の二", "の項", "の 項", "の\n項", "項", "項番",
    "条", "号", "ハ", "ロ", "へ", "ノ", "、", "・", "，", ",", "･", "及び", "及\nび", "と", "から", "まで", "～", "第",
    " ", "\n", "\u3000", "\u200b", "（", "(", "）", ")", "x",
]


@settings(max_examples=600, deadline=None)
@given(st.sampled_from(["bare_rows", "order_refs"]), st.sampled_from(["（", "("]),
       st.lists(st.sampled_from(_LIST_PIECES), max_size=16), st.sampled_from(["）", ")", "）\n", "）x", ""]))
@example("bare_rows", "（", ["1", "、", "２\n０", "の2", "及び", "十六", "の項"], "）")
@example("order_refs", "（", ["1", "条", "2", "号", "ハ", "、", "\n", "1", "３", "号", "・", "１０", "条", "の2", "、"], "）")
@example("order_refs", "（", ["1", "項", "2", "号", "へ"], "）")
def test_the_long_lists_read_without_lark_read_as_the_grammar_reads_them(
    start: str, opening: str, pieces: list[str], closing: str
) -> None:
    """parse._simple_list reads 「（１、２、３…の項）」 and 「（１条２号ハ、２条７号ロ…）」 (the seed's lists of 60 rows and 142
    references) without Lark's parser in Python: whatever it reads is the grammar's tree, and a list of those shapes
    is read."""
    from mynumber_refs.parse import _simple_list

    text = opening + "".join(pieces) + closing
    simple = _simple_list(text, start)
    if simple is not None:
        assert (_plain(simple[0]), simple[1]) == _by_grammar(text, start), text


def test_the_seeds_long_lists_are_read_without_lark() -> None:
    from mynumber_refs.parse import _simple_list

    rows = "（１、２、３、５、７、１１、１３、１\n５、２０、２８、３７、８５の２の項）"
    refs = "（１条２号ハ、２条７号ロ・１３号ハ・１４号ハ・２\n０号ハ、３条１項・５号）"
    for text, start in ((rows, "bare_rows"), (refs, "order_refs")):
        simple = _simple_list(text, start)
        assert simple is not None
        assert (_plain(simple[0]), simple[1]) == _by_grammar(text, start)



_GAPS = st.sampled_from(["", "", "", " ", "\n", "\u3000", "\u200b", " \n"])
_NUMBERS = st.sampled_from(["1", "16", "１０", "２\n０", "３\r\n５", "十六", "三十六", "0", "〇", "1 6"])
_ROW = st.tuples(_NUMBERS, _GAPS, st.sampled_from(["", "", "の2", "の\n二", "の2の3"]), st.sampled_from(["", "", "の項", "の 項", "項"]))
_REF = st.tuples(_NUMBERS, _GAPS, st.sampled_from(["条", "条", "条の2", "項", "号", "号ハ", "号へ", "号 ロ"]), st.just(""))


@settings(max_examples=500, deadline=None)
@given(st.sampled_from(["bare_rows", "order_refs"]), st.data())
def test_well_formed_long_lists_read_without_lark_read_as_the_grammar_reads_them(start: str, data: st.DataObject) -> None:
    """As above, with lists of the two shapes (and now and then a row list's form in a reference list, or a stray
    separator): those read are read as the grammar reads them."""
    from mynumber_refs.parse import _simple_list

    seps = ["、", "・", "及び", "と", "、、"] if start == "bare_rows" else ["、", "・", "", "", "、、"]
    items = data.draw(st.lists(st.tuples(_ROW if start == "bare_rows" else _REF, st.sampled_from(seps), _GAPS),
                               min_size=1, max_size=10))
    parts = ["".join(num + gap + branch + unit) + gap2 + sep for (num, gap, branch, unit), sep, gap2 in items]
    parts[-1] = parts[-1][: len(parts[-1]) - len(items[-1][1])] + data.draw(st.sampled_from(["", "", "、", "から"]))
    text = data.draw(st.sampled_from(["（", "(", "（ "])) + "".join(parts) + data.draw(st.sampled_from(["）", ")", "）\n", "）x"]))
    simple = _simple_list(text, start)
    if simple is not None:
        assert (_plain(simple[0]), simple[1]) == _by_grammar(text, start), text

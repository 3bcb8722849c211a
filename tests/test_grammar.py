"""The grammar is loaded from the package, builds in strict mode, and every rule has a handler."""

from __future__ import annotations

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

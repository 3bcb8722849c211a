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

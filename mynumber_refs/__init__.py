"""mynumber-refs: find citations to the tables of Japan's My Number Act (番号利用法) and rewrite
them to the numbering in force since 2024-05-27.

The verbs::

    find_citations(text, assume_law=False)   -> list[Citation | Finding]
    parse_citation(s)                        -> Citation
    rewrite(text, assume_law=False, ...)     -> RewriteResult
    load_mappings(directory=None, extra=())  -> MappingSet
    derive_lists(provider, information, as_of=None, include_via=False) -> DerivedLists
    compare_document(text, derived)          -> Comparison

Heavy modules (the Lark grammar, Word and Excel support) are imported on first use, so that
``import mynumber_refs`` and ``mynumber-refs --version`` stay fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "find_citations",
    "parse_citation",
    "rewrite",
    "load_mappings",
    "derive_lists",
    "compare_document",
    "Rederive",
    "Citation",
    "Finding",
    "Edit",
    "RewriteResult",
    "RowNumber",
    "Table",
    "CitationSyntaxError",
]

_LAZY = {
    "find_citations": "mynumber_refs.resolve",
    "parse_citation": "mynumber_refs.parse",
    "rewrite": "mynumber_refs.rewriter",
    "load_mappings": "mynumber_refs.mappings",
    "derive_lists": "mynumber_refs.derive",
    "compare_document": "mynumber_refs.compare",
    "Rederive": "mynumber_refs.rederive",
    "Citation": "mynumber_refs.model",
    "Finding": "mynumber_refs.model",
    "Edit": "mynumber_refs.model",
    "RewriteResult": "mynumber_refs.model",
    "RowNumber": "mynumber_refs.model",
    "Table": "mynumber_refs.model",
    "CitationSyntaxError": "mynumber_refs.model",
}

if TYPE_CHECKING:  # pragma: no cover
    from .compare import compare_document
    from .derive import derive_lists
    from .mappings import load_mappings
    from .model import Citation, CitationSyntaxError, Edit, Finding, RewriteResult, RowNumber, Table
    from .parse import parse_citation
    from .rederive import Rederive
    from .resolve import find_citations
    from .rewriter import rewrite


def __getattr__(name: str) -> Any:
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'mynumber_refs' has no attribute {name!r}")
    import importlib

    module = importlib.import_module(module_name)
    value = getattr(module, name)
    globals()[name] = value
    return value

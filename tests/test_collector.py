"""The cyclic garbage collector: paused while a document is rewritten and frozen before the
command's process ends, but always left as the caller had it when called from other code."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from mynumber_refs import cli
from mynumber_refs.formats import open_document, rewrite_document
from mynumber_refs.rewriter import rewrite

OLD = "番号利用法第9条第1項別表第一の16の項"


@contextlib.contextmanager
def _collector(enabled: bool) -> Iterator[None]:
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        yield
    finally:
        (gc.enable if was else gc.disable)()


@pytest.mark.parametrize("enabled", [True, False])
def test_rewrite_document_leaves_the_collector_as_it_was(tmp_path: Path, enabled: bool) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"根拠: {OLD}に基づく。\n", encoding="utf-8")
    seen: list[bool] = []

    def fn(text: str):  # noqa: ANN202 - the rewriter's own result
        seen.append(gc.isenabled())
        return rewrite(text)

    with _collector(enabled):
        edits, _ = rewrite_document(open_document(path), fn)
        assert gc.isenabled() is enabled
    assert edits and seen == [False]


def test_rewrite_document_leaves_the_collector_on_when_the_rewrite_raises(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"根拠: {OLD}に基づく。\n", encoding="utf-8")

    def boom(text: str):  # noqa: ANN202
        raise RuntimeError("boom")

    with _collector(True):
        with pytest.raises(RuntimeError):
            rewrite_document(open_document(path), boom)
        assert gc.isenabled()


def test_main_called_from_code_does_not_freeze_the_heap(capsys: pytest.CaptureFixture[str]) -> None:
    before = gc.get_freeze_count()
    assert cli.main([]) == 0  # prints the help
    assert gc.get_freeze_count() == before
    assert "mynumber-refs" in capsys.readouterr().out

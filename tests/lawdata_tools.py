"""What the data-builder tests share: where the law data is, and a tool loaded as a module."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parent.parent


def _lawdata() -> Path:
    """``$MYNUMBER_REFS_LAWDATA``, else ``shared/lawdata`` beside the checkout (or beside the folder
    of worktrees that holds it)."""
    if os.environ.get("MYNUMBER_REFS_LAWDATA"):
        return Path(os.environ["MYNUMBER_REFS_LAWDATA"])
    for base in (REPO.parent, REPO.parent.parent):
        if (base / "shared" / "lawdata").is_dir():
            return base / "shared" / "lawdata"
    return REPO.parent / "shared" / "lawdata"


LAWDATA = _lawdata()
needs_lawdata = pytest.mark.skipif(not LAWDATA.is_dir(), reason="../shared/lawdata is not present")


def load_tool(name: str) -> ModuleType:
    """``tools/<name>.py`` imported as the module ``name``."""
    spec = importlib.util.spec_from_file_location(name, REPO / "tools" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module

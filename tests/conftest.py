from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The seed: a real 変更箇所 table of 熊谷市's PIA (text extracted from a PDF)."""
    return (DATA / "seed_kumagaya_henkou.txt").read_text(encoding="utf-8")

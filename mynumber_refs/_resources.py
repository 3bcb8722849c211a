"""Locate the data shipped with the package: ``grammar/`` and ``mappings/``.

In an installed wheel they live inside the package (``mynumber_refs/grammar``); in a source
checkout (or an editable install) they are the top-level folders beside ``mynumber_refs/``.
"""

from __future__ import annotations

from pathlib import Path

_PKG = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The folder ``name`` (``"grammar"`` or ``"mappings"``) of this installation."""
    for candidate in (_PKG / name, _PKG.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"{name}/ が見つかりません / data folder {name!r} not found near {_PKG}")

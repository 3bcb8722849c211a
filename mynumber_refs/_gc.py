"""Pause the cyclic garbage collector while a text is processed.

Finding and rewriting build many small objects and no reference cycles; with the collector
running, its full passes over the growing heap make the time grow faster than the text.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()

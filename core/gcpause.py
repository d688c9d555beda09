"""Pause the cyclic garbage collector while a large response is turned into models.

Decoding 1,000 orders allocates tens of thousands of acyclic objects; each allocation burst triggers collector
passes that walk the whole heap of the user's process (25–35 % of the decode in `make bench`), yet can free
nothing the decode made. The collector is paused only for that synchronous step and restored after it, unless
the application had turned it off itself.
"""

from __future__ import annotations

import gc
import threading
from types import TracebackType


class _GcPause:
    """Nested and threaded uses share one pause; the outermost exit re-enables what the first entry disabled."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._depth = 0
        self._disabled_by_us = False

    def __enter__(self) -> None:
        with self._lock:
            if self._depth == 0:
                self._disabled_by_us = gc.isenabled()
                if self._disabled_by_us:
                    gc.disable()
            self._depth += 1

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        with self._lock:
            self._depth -= 1
            if self._depth == 0 and self._disabled_by_us:
                self._disabled_by_us = False
                gc.enable()


#: `with gc_paused: ...`
gc_paused = _GcPause()

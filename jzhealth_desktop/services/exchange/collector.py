"""Python's cyclic garbage collector kept out of an import's way.

An import makes an object per value (the preview's lines) that lives until it is done. With automatic
collection on, making them sets off full collections again and again, each walking every live object of the
program, looking for cycles these objects do not form (a quarter of a large import's time when measured:
benchmarks/README.md). So reading, previewing and committing pause automatic collection, and leave it as they found it.

On leaving, what was made meanwhile goes straight to the oldest generation (``gc.freeze()`` then
``gc.unfreeze()``: every tracked object into the oldest generation, the young generation's count cleared).
The young and middle passes would otherwise each walk every line once more, only to move them there.
Full collections look at them like at every other long-lived object; a cycle among the objects made
meanwhile is collected by the next full one.

The GUI runs with automatic collection off already (``ui/gc_guard.py`` collects on the UI thread): there
nothing here happens. The CLI and scripts get the speed.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def collector_paused() -> Iterator[None]:
    if not gc.isenabled():  # off already (the GUI, the tests): leave it to whoever turned it off
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        if not gc.get_freeze_count():  # unless someone keeps objects frozen (unfreezing would thaw theirs)
            gc.freeze()
            gc.unfreeze()
        gc.enable()

"""Run Python's cyclic garbage collector on the UI thread only.

A Qt object caught in a reference cycle is destroyed by whichever thread the
collector happens to run in. When that is a background worker (a report or an
import allocating heavily), Qt destroys a widget off the UI thread and the
process crashes. Automatic collection is turned off and a timer on the UI
thread collects instead — the same remedy Anki uses.
"""

from __future__ import annotations

import gc

from .qt import QObject, QTimer

INTERVAL_MS = 2000


class _Collector(QObject):
    def __init__(self, parent: QObject):
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect)
        self.timer.start(INTERVAL_MS)

    def collect(self) -> None:
        gc.collect()


def install(app: QObject) -> None:
    """Once per application: no automatic collection, a periodic one on the UI thread."""
    if getattr(app, "_jz_collector", None) is None:
        gc.disable()
        setattr(app, "_jz_collector", _Collector(app))  # a Python attribute on the Qt object: once per app

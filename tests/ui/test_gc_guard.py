import gc
import threading
import weakref

from jzhealth_desktop.ui import gc_guard


class Node:
    def __init__(self):
        self.me = self  # a cycle: only the cyclic collector frees it
        self.freed_on = None


def test_cycles_are_collected_by_the_ui_thread_timer(qapp, qtbot, monkeypatch):
    monkeypatch.setattr(gc_guard, "INTERVAL_MS", 10)
    monkeypatch.setattr(qapp, "_jz_collector", None, raising=False)
    gc_guard.install(qapp)
    assert not gc.isenabled()
    threads = []
    node = Node()
    ref = weakref.ref(node, lambda _: threads.append(threading.current_thread()))
    del node
    qtbot.waitUntil(lambda: ref() is None, timeout=5000)
    assert threads == [threading.main_thread()]
    collector = qapp._jz_collector
    gc_guard.install(qapp)  # a second install changes nothing
    assert qapp._jz_collector is collector
    collector.timer.stop()
    qapp._jz_collector = None

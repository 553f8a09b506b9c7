"""Kill a writer at random moments; every save it reported stays, the store stays sound. Two writers at once."""

import os
import random
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from jzhealth_desktop.services.context import open_context

CHILD = Path(__file__).with_name("writer_child.py")
ORGS = ["410821", "410822", "410823"]
KILLS = 30


def _spawn(store: Path, orgs: list[str], start: int, count: int, home: Path) -> subprocess.Popen:
    env = {**os.environ, "JZHEALTH_HOME": str(home), "PYTHONPATH": str(Path(__file__).parents[2])}
    return subprocess.Popen([sys.executable, str(CHILD), str(store), ",".join(orgs), str(start), str(count)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def _stored(store: Path) -> dict[str, int]:
    conn = sqlite3.connect(store)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        return dict(conn.execute("SELECT org_code, num FROM data_value WHERE indicator_code='ec_beds'").fetchall())
    finally:
        conn.close()


def _audited(store: Path) -> set[tuple[str, int]]:
    conn = sqlite3.connect(store)
    try:
        return {(org, int(new)) for org, new in conn.execute(
            "SELECT org_code, new_text FROM audit_log WHERE subject='ec_beds' AND action='value'")}
    finally:
        conn.close()


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_no_reported_save(tmp_path, data_home):
    store = tmp_path / "crash.sqlite"
    open_context(str(store)).close()
    rng = random.Random(20220301)
    start, reported, kills, checked = 1, {}, 0, 0
    all_reported: set[tuple[str, int]] = set()
    while kills < KILLS:
        child = _spawn(store, ORGS, start, 100000, data_home)
        assert child.stdout.readline().strip() == "READY", child.stderr.read()
        # let it commit for a random while (sometimes right away), then kill it mid-whatever
        lines: list[str] = []
        reader = threading.Thread(target=lambda: lines.extend(child.stdout), daemon=True)
        reader.start()
        time.sleep(rng.uniform(0.0, 0.25))
        child.kill()  # SIGKILL here, TerminateProcess on Windows (which has no SIGKILL)
        child.wait()
        reader.join()
        child.stdout.close()
        child.stderr.close()
        kills += 1
        last = start - 1
        for line in lines:
            if line.startswith("COMMITTED "):
                _, org, n = line.split()
                reported[org] = int(n)
                all_reported.add((org, int(n)))
                last = int(n)
        stored = _stored(store)
        for org, n in reported.items():
            # the newest reported save is there, or a later one that committed before its line was printed
            assert stored[org] >= n, (org, stored[org], n)
            assert stored[org] <= last + 1
            checked += 1
        start = last + 2  # never reuse a number a killed save may have committed
    audited = _audited(store)
    assert all_reported <= audited  # every reported save left its audit row
    assert kills >= 30 and len(all_reported) > kills
    print(f"\ncrash test: {kills} kills survived, {len(all_reported)} reported saves all found, "
          f"{checked} value checks, {len(audited)} audit rows")


@pytest.mark.slow
def test_two_program_instances_on_one_store_both_work_safely(tmp_path, data_home):
    store = tmp_path / "shared.sqlite"
    open_context(str(store)).close()
    a = _spawn(store, ["410821"], 0, 150, data_home)
    b = _spawn(store, ["410822"], 1000, 150, data_home)
    out_a, err_a = a.communicate(timeout=120)
    out_b, err_b = b.communicate(timeout=120)
    assert a.returncode == 0 and b.returncode == 0, (err_a, err_b)
    assert out_a.count("COMMITTED") == out_b.count("COMMITTED") == 150
    assert _stored(store) == {"410821": 149, "410822": 1149}
    audited = _audited(store)
    assert {n for org, n in audited if org == "410821"} == set(range(0, 150))
    assert {n for org, n in audited if org == "410822"} == set(range(1000, 1150))

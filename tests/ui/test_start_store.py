"""Opening the store at start: a current store is only read, so a start neither waits for nor is refused by
another station's (or the command line's) write in progress, and changes nothing."""

from __future__ import annotations

import sqlite3

from jzhealth_desktop.services.context import open_context, shipped_catalogue
from jzhealth_desktop.store.sync import DIGEST_KEY


def test_opening_a_current_store_takes_no_write_lock_and_changes_nothing(store_path, snapshot):
    open_context(str(store_path)).close()  # made, migrated, seeded: current from now on
    before = snapshot(store_path)
    writer = sqlite3.connect(store_path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another writer holds the write lock for as long as this test runs
    try:
        ctx = open_context(str(store_path))
        assert len(ctx.counties()) == 11 and ctx.city.code == "410800"
        ctx.close()
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert snapshot(store_path) == before


def test_a_store_with_an_older_catalogue_is_brought_up_to_date_when_opened(store_path):
    open_context(str(store_path)).close()
    conn = sqlite3.connect(store_path)
    with conn:
        conn.execute("UPDATE setting SET value = 'older' WHERE key = ?", (DIGEST_KEY,))
    conn.close()
    open_context(str(store_path)).close()
    conn = sqlite3.connect(store_path)
    try:
        digest = conn.execute("SELECT value FROM setting WHERE key = ?", (DIGEST_KEY,)).fetchone()[0]
    finally:
        conn.close()
    assert digest == shipped_catalogue().digest

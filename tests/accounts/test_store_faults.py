"""Read-only store, full disk, store deleted while running: a plain message, nothing half-written."""

import os

import pytest
from sqlalchemy import event

from jzhealth_desktop.domain.errors import StoreError
from jzhealth_desktop.services.forms import read_form, save_values

from .conftest import OWN, YEAR


def _on_every_connection(ctx, *pragmas):
    def connect(dbapi_conn, _record):
        for pragma in pragmas:
            dbapi_conn.execute(pragma)

    event.listen(ctx.db.engine, "connect", connect)
    ctx.db.engine.dispose()  # the next connections get the pragmas


def test_read_only_store_is_refused_plainly(ctx, store_path, snapshot):
    save_values(ctx, OWN, YEAR, {"ec_beds": "10"})
    before = snapshot(store_path)
    # SQLite answers a read-only file or folder with SQLITE_READONLY; query_only gives the same answer portably
    _on_every_connection(ctx, "PRAGMA query_only=1")
    with pytest.raises(StoreError, match="只读.*未改动") as err:
        save_values(ctx, OWN, YEAR, {"ec_beds": "11", "ec_centers": "2"})
    assert "read-only" in err.value.en
    assert snapshot(store_path) == before
    assert read_form(ctx, OWN, YEAR, "eldercare").values["ec_beds"] == 10  # reading still works


def test_full_disk_is_refused_plainly_and_nothing_is_half_written(ctx, store_path, snapshot):
    save_values(ctx, OWN, YEAR, {"ec_beds": "10"})
    before = snapshot(store_path)
    with ctx.db.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    _on_every_connection(ctx, f"PRAGMA max_page_count={pages}")
    big = "很长的说明" * 800  # the longest comment allowed (4000): more pages than the store may grow by
    with pytest.raises(StoreError, match="磁盘空间已满.*未改动"):
        save_values(ctx, OWN, YEAR, {"ec_beds": "11", "ec_centers": "3"}, {"ec_centers": big})
    assert snapshot(store_path) == before


def test_store_deleted_while_running(ctx, store_path):
    save_values(ctx, OWN, YEAR, {"ec_beds": "10"})
    for suffix in ("", "-wal", "-shm"):
        path = store_path.with_name(store_path.name + suffix)
        if path.exists():
            os.remove(path)
    with pytest.raises(StoreError, match="已不存在") as err:
        save_values(ctx, OWN, YEAR, {"ec_beds": "11"})
    assert "gone" in err.value.en
    with pytest.raises(StoreError, match="已不存在"):
        read_form(ctx, OWN, YEAR, "eldercare")
    assert not store_path.exists()  # no empty store quietly created in its place

"""Copy every row of one store into another, and checksum a store table by table.

Used to move a store between SQLite and PostgreSQL. Rows are read and written
through the typed ``Base.metadata`` tables, so each value arrives as the same
Python value on either engine (bool, int, str, datetime, date): the checksum
of a table is then comparable across engines. It is order-independent (the
sum of one SHA-256 per row, modulo 2^256) because the two engines sort text
differently, and it can be computed while streaming.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Iterable, Iterator

from sqlalchemy import Connection, Integer, String, Table, func, inspect, insert, select, text

from ..domain.errors import StoreError

from .models import Base

BATCH = 5_000
MOD = 2**256
VERSION_TABLE = "alembic_version"


@dataclass(frozen=True)
class TableSum:
    """Row count and order-independent checksum of one table."""

    table: str
    rows: int
    digest: str


def tables() -> list[Table]:
    """The program's tables, parents before children (foreign-key order)."""
    return list(Base.metadata.sorted_tables)


def _canonical(value: object) -> object:
    # One spelling per value whatever the engine returned; a float would mean an inexact column (none exist).
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"D{value}"
    raise TypeError(f"unexpected {type(value).__name__} in a store row")


def row_hash(row: Iterable[object]) -> int:
    data = json.dumps([_canonical(v) for v in row], ensure_ascii=False, separators=(",", ":"))
    return int.from_bytes(hashlib.sha256(data.encode("utf-8")).digest(), "big")


class Summer:
    """Accumulates a table's count and checksum row by row."""

    def __init__(self, table: str):
        self.table, self.rows, self.total = table, 0, 0

    def add(self, row: Iterable[object]) -> None:
        self.rows += 1
        self.total = (self.total + row_hash(row)) % MOD

    def result(self) -> TableSum:
        return TableSum(self.table, self.rows, f"{self.total:064x}")


def read_rows(conn: Connection, table: Table) -> Iterator[tuple]:
    """Every row of ``table``, columns in model order; self-referencing rows come parents first."""
    result = conn.execute(select(*table.columns))
    self_refs = [fk for fk in table.foreign_keys if fk.column.table is table]
    if not self_refs:
        for chunk in result.yield_per(BATCH).partitions():
            yield from (tuple(r) for r in chunk)
        return
    yield from _parents_first([tuple(r) for r in result], table, self_refs[0])


def _parents_first(rows: list[tuple], table: Table, fk) -> list[tuple]:
    names = [c.name for c in table.columns]
    child, parent = names.index(fk.parent.name), names.index(fk.column.name)
    placed: set = set()
    ordered: list[tuple] = []
    pending = rows
    while pending:
        ready = [r for r in pending if r[child] is None or r[child] in placed or r[child] == r[parent]]
        if not ready:  # a cycle: let the target's foreign key report it
            ordered.extend(pending)
            break
        placed.update(r[parent] for r in ready)
        ordered.extend(ready)
        done = {id(r) for r in ready}
        pending = [r for r in pending if id(r) not in done]
    return ordered


def checksum(conn: Connection, table: Table) -> TableSum:
    summer = Summer(table.name)
    for row in read_rows(conn, table):
        summer.add(row)
    return summer.result()


def version_sum(conn: Connection) -> TableSum:
    summer = Summer(VERSION_TABLE)
    if inspect(conn).has_table(VERSION_TABLE):
        for (rev,) in conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")):
            summer.add([rev])
    return summer.result()


def store_sums(conn: Connection) -> list[TableSum]:
    """Count and checksum of every table of the store, schema version included."""
    return [version_sum(conn)] + [checksum(conn, t) for t in tables()]


def row_counts(conn: Connection) -> dict[str, int]:
    present = set(inspect(conn).get_table_names())
    return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
            for t in tables() if t.name in present}


def unknown_tables(conn: Connection) -> list[str]:
    """Tables in the store this program has no model for (a store from a newer or foreign program)."""
    known = {t.name for t in tables()} | {VERSION_TABLE}
    return sorted(set(inspect(conn).get_table_names()) - known)


def _limits(table: Table) -> list[tuple[int, str, int]]:
    """(position, column, length) of the table's length-limited text columns."""
    return [(i, c.name, c.type.length) for i, c in enumerate(table.columns)
            if isinstance(c.type, String) and c.type.length]


def _check_lengths(table: Table, limits: list[tuple[int, str, int]], row: tuple) -> None:
    # SQLite keeps a text longer than its column, PostgreSQL refuses it mid-copy: refuse first, naming the row.
    for i, column, length in limits:
        value = row[i]
        if isinstance(value, str) and len(value) > length:
            key = ", ".join(str(row[j]) for j, c in enumerate(table.columns) if c.primary_key)
            raise StoreError(f"表 {table.name} 中 {key} 的 {column} 有 {len(value)} 个字符，超过该列的 {length} 个；"
                             "请先在源数据库中改短后再迁移，目标数据库未写入",
                             f"{table.name} row {key}: {column} has {len(value)} characters, more than the "
                             f"column's {length}; shorten it in the source store first. Nothing was written")


def copy_rows(src: Connection, dst: Connection) -> list[TableSum]:
    """Insert every row of ``src`` into the (empty) ``dst`` in batches; returns what was read from ``src``."""
    sums = []
    for table in tables():
        summer = Summer(table.name)
        names = [c.name for c in table.columns]
        limits = _limits(table)
        batch: list[dict] = []
        for row in read_rows(src, table):
            _check_lengths(table, limits, row)
            summer.add(row)
            batch.append(dict(zip(names, row)))
            if len(batch) >= BATCH:
                dst.execute(insert(table), batch)
                batch = []
        if batch:
            dst.execute(insert(table), batch)
        sums.append(summer.result())
    reset_sequences(dst)
    return sums


def reset_sequences(conn: Connection) -> None:
    """After explicit ids were inserted, make the next generated id follow them (PostgreSQL serials).

    SQLite needs nothing: a new integer primary key is always max(id) + 1.
    """
    if conn.dialect.name != "postgresql":
        return
    for table in tables():
        pk = list(table.primary_key.columns)
        if len(pk) != 1 or not isinstance(pk[0].type, Integer):
            continue
        seq = conn.execute(text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": table.name, "c": pk[0].name}).scalar()
        if seq:
            top = conn.execute(select(func.max(pk[0]))).scalar()
            conn.execute(text("SELECT setval(CAST(:s AS regclass), :v, false)"), {"s": seq, "v": (top or 0) + 1})

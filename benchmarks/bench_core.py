"""Core store speed at ten times Jiaozuo's size, each figure beside a raw-sqlite3 floor from the same run.

Targets (issue 2): save one county-year form ≤ 20 ms median, read it back with last year's values
≤ 20 ms, aggregate one year for the city with rates ≤ 100 ms.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from jzhealth_desktop.domain.catalogue import Indicator  # noqa: E402
from jzhealth_desktop.services.aggregate import aggregate_year  # noqa: E402
from jzhealth_desktop.services.context import open_context  # noqa: E402
from jzhealth_desktop.services.forms import read_form, save_form, save_values  # noqa: E402

COUNTIES, YEARS, FIRST_YEAR = 110, 30, 1995 + 6
RUNS = 40


def median_ms(fn, runs=RUNS) -> float:
    times = []
    for i in range(runs):
        start = time.perf_counter()
        fn(i)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def build(path: Path):
    ctx = open_context(str(path), user="bench")
    cat = ctx.catalogue
    raw = [i for i in cat.indicators() if i.level == "county"]
    conn = sqlite3.connect(path)
    conn.executemany("INSERT INTO org_unit VALUES (?,?,?,?,?,?,1)",
                     [(f"9{n:05d}", f"县{n}", f"County {n}", "county", "410800", 100 + n) for n in range(COUNTIES)])
    rows = []
    for n in range(COUNTIES):
        for y in range(FIRST_YEAR, FIRST_YEAR + YEARS):
            for ind in raw:
                value = min(ind.max or 10**9, 1000 + n)
                rows.append((f"9{n:05d}", y, ind.code, value * 10**ind.scale, ind.scale, "", "bench", "2024-01-01 00:00:00", 1))
    conn.executemany("INSERT INTO data_value VALUES (?,?,?,?,?,?,?,?,?)", rows)
    conn.commit()
    conn.close()
    ctx.close()
    return len(rows), raw


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["JZHEALTH_HOME"] = tmp
        path = Path(tmp) / "bench.sqlite"
        total, raw = build(path)
        ctx = open_context(str(path), user="bench")
        org, year = "900007", FIRST_YEAR + YEARS - 1
        domain = "immunization"
        form_codes = [c for c in ctx.catalogue.domain(domain).codes
                      if isinstance(ctx.catalogue.items[c], Indicator) and ctx.catalogue.items[c].level == "county"]
        all_codes = [i.code for i in raw]

        def entries(codes, i):  # every value changes on every save, staying within the rules
            return {c: str(min(ctx.catalogue.items[c].max or 10**9, 1007 + i % 2)) for c in codes}

        # A year-on-year jump would need comments; values stay within ±1 of last year's.
        save_form_ms = median_ms(lambda i: save_form(ctx, org, year, domain, entries(form_codes, i)))
        save_all_ms = median_ms(lambda i: save_values(ctx, org, year, entries(all_codes, i)))
        read_ms = median_ms(lambda i: read_form(ctx, org, year, domain))
        agg_ms = median_ms(lambda i: aggregate_year(ctx, year), runs=15)
        ctx.close()

        conn = sqlite3.connect(path, isolation_level=None)
        for pragma in ("foreign_keys=ON", "journal_mode=WAL", "synchronous=FULL", "busy_timeout=10000"):
            conn.execute(f"PRAGMA {pragma}")

        def raw_save(codes, i):
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany("UPDATE data_value SET num=?, updated_at='2024-01-02' WHERE org_code=? AND year=? AND indicator_code=?",
                             [(1000 + i % 2, org, year, c) for c in codes])
            conn.executemany("INSERT INTO audit_log(at,user_name,action,org_code,year,subject,old_text,new_text,source,detail)"
                             " VALUES ('2024-01-02','bench','value',?,?,?,'1','2','form','')",
                             [(org, year, c) for c in codes])
            conn.execute("COMMIT")

        def raw_read(i):
            for y in (year, year - 1):
                conn.execute("SELECT indicator_code,num,scale,comment FROM data_value WHERE org_code=? AND year=?"
                             " AND indicator_code IN (%s)" % ",".join("?" * len(form_codes)), (org, y, *form_codes)).fetchall()

        def raw_agg(i):
            conn.execute("SELECT indicator_code, scale, SUM(num), MAX(num) FROM data_value WHERE year=? "
                         "GROUP BY indicator_code, scale", (year,)).fetchall()

        floor_form = median_ms(lambda i: raw_save(form_codes, i))
        floor_all = median_ms(lambda i: raw_save(all_codes, i))
        floor_read = median_ms(raw_read)
        floor_agg = median_ms(raw_agg, runs=15)
        conn.close()

    print(f"store: {COUNTIES} counties × {YEARS} years × {len(raw)} county indicators = {total} values")
    rows = [
        (f"save form '{domain}' ({len(form_codes)} values)", save_form_ms, floor_form, 20),
        (f"save whole county-year ({len(all_codes)} values)", save_all_ms, floor_all, 20),
        ("read form + last year", read_ms, floor_read, 20),
        ("aggregate city year, rates included", agg_ms, floor_agg, 100),
    ]
    print(f"{'operation':<44} {'median ms':>10} {'sqlite3 floor':>14} {'ratio':>7} {'target ms':>10}")
    for name, ms, floor, target in rows:
        print(f"{name:<44} {ms:>10.2f} {floor:>14.2f} {ms / floor:>7.1f} {target:>10}")


if __name__ == "__main__":
    main()

"""PostgreSQL over loopback vs SQLite, same run, same data: ten times Jiaozuo (110 counties × 30 years).

Each service figure is printed beside the other engine's and beside a raw-driver floor on PostgreSQL
(psycopg, the same statements without the services), with the ratios; then the same figures on a server
prepared by `server init` (row-level security, guard triggers), as a clerk's and a reviewer's own role, with
their ratio to the unprepared store (issue 15: within 1.5×). The server login must be able to run
`server init` (CREATEROLE, as tools/pg_test_server.sh gives its test login).
Server: JZHEALTH_BENCH_PG_URL or JZHEALTH_TEST_PG_URL (tools/pg_test_server.sh start prints one).
A fresh schema is created on it and dropped afterwards.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import psycopg  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from bench_core import FIRST_YEAR, YEARS, build, median_ms  # noqa: E402
from jzhealth_desktop.domain.catalogue import Indicator  # noqa: E402
from jzhealth_desktop.services.aggregate import aggregate_year  # noqa: E402
from jzhealth_desktop.services.context import open_context  # noqa: E402
from jzhealth_desktop.services.forms import read_form, save_form  # noqa: E402
from jzhealth_desktop.services.migrate_store import migrate_store  # noqa: E402

ORG, YEAR, DOMAIN = "900007", FIRST_YEAR + YEARS - 1, "immunization"


def service_figures(url: str, writer=None, reviewer=None) -> dict[str, float]:
    """save/read on ``writer`` and aggregate on ``reviewer`` (open contexts: signed-in accounts on a prepared
    server), or all three on a context of ``url`` opened as its own login."""
    ctx = open_context(url, user="bench") if writer is None else None
    writer, reviewer = writer or ctx, reviewer or ctx
    cat = writer.catalogue
    codes = [c for c in cat.domain(DOMAIN).codes if isinstance(cat.items[c], Indicator) and cat.items[c].level == "county"]

    def entries(i):  # every value changes on every save, staying within the rules
        return {c: str(min(cat.items[c].max or 10**9, 1007 + i % 2)) for c in codes}

    figures = {
        "save": median_ms(lambda i: save_form(writer, ORG, YEAR, DOMAIN, entries(i))),
        "read": median_ms(lambda i: read_form(writer, ORG, YEAR, DOMAIN)),
        "aggregate": median_ms(lambda i: aggregate_year(reviewer, YEAR), runs=15),
    }
    if ctx is not None:
        ctx.close()
    return figures, codes


def prepared_figures(path: Path, base: str, tag: str) -> dict[str, float]:
    """The same store on a server prepared by `server init` (roles, row-level security, the guard triggers),
    copied there by migrate-store; save/read as a county clerk's own role, aggregate as a reviewer's."""
    from jzhealth_desktop.services import accounts
    from jzhealth_desktop.services.pg_security import init_server

    schema, prefix = f"jz_benchsec_{tag}", f"jzb{tag}"
    names = {"admin": f"badm{tag}", "clerk": f"bclk{tag}", "reviewer": f"brev{tag}"}
    password = "Bench-" + uuid.uuid4().hex[:12]
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(hide_password=False)
    u = make_url(base)
    station = make_url(f"{u.drivername}://{u.host}:{u.port}/{u.database}").update_query_dict(
        {"options": f"-csearch_path={schema}"}).render_as_string(hide_password=False)
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        init_server(url, prefix)
        migrate_store(str(path), url)
        dba = open_context(url, user="bench")  # the database administrator's login, acting as the first admin
        try:
            accounts.add_user(dba, names["admin"], "admin", password)
            accounts.sign_in(dba, names["admin"], password)
            accounts.add_user(dba, names["clerk"], "clerk", password, org=ORG)
            accounts.add_user(dba, names["reviewer"], "reviewer", password)
        finally:
            dba.close()
        clerk = accounts.open_as_account(station, names["clerk"], password)
        reviewer = accounts.open_as_account(station, names["reviewer"], password)
        try:
            figures, _ = service_figures(station, clerk, reviewer)
        finally:
            clerk.close()
            reviewer.close()
        return figures
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
            for name in (*names.values(), *(f"{prefix}_{g}" for g in ("clerk", "reviewer", "admin", "owner"))):
                conn.execute(text(f'DROP ROLE IF EXISTS "{name}"'))
        admin.dispose()


def raw_pg_figures(dsn: str, schema: str, codes: list[str]) -> dict[str, float]:
    conn = psycopg.connect(dsn, options=f"-csearch_path={schema}")

    def save(i):
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(1)")
            with conn.cursor() as cur:
                cur.executemany("UPDATE data_value SET num=%s, updated_at=now(), version=version+1 WHERE org_code=%s "
                                "AND year=%s AND indicator_code=%s", [(1000 + i % 2, ORG, YEAR, c) for c in codes])
                cur.executemany("INSERT INTO audit_log(at,user_name,action,org_code,year,subject,old_text,new_text,"
                                "source,detail) VALUES (now(),'bench','value',%s,%s,%s,'1','2','form','')",
                                [(ORG, YEAR, c) for c in codes])

    def read(i):
        for y in (YEAR, YEAR - 1):
            conn.execute("SELECT indicator_code,num,scale,comment FROM data_value WHERE org_code=%s AND year=%s "
                         "AND indicator_code = ANY(%s)", (ORG, y, codes)).fetchall()
        conn.commit()

    def agg(i):
        conn.execute("SELECT indicator_code, scale, SUM(num), MAX(num) FROM data_value WHERE year=%s "
                     "GROUP BY indicator_code, scale", (YEAR,)).fetchall()
        conn.commit()

    figures = {"save": median_ms(save), "read": median_ms(read), "aggregate": median_ms(agg, runs=15)}
    conn.close()
    return figures


def main() -> None:
    base = os.environ.get("JZHEALTH_BENCH_PG_URL") or os.environ.get("JZHEALTH_TEST_PG_URL")
    if not base:
        sys.exit("set JZHEALTH_BENCH_PG_URL or JZHEALTH_TEST_PG_URL (tools/pg_test_server.sh start prints one)")
    schema = f"jz_bench_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    pg_url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(hide_password=False)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            os.environ["JZHEALTH_HOME"] = tmp
            path = Path(tmp) / "bench.sqlite"
            total, raw = build(path)
            start = time.perf_counter()
            report = migrate_store(str(path), pg_url)
            copy_s = time.perf_counter() - start
            lite, codes = service_figures(str(path))
            pg, _ = service_figures(pg_url)
            dsn = make_url(base).set(drivername="postgresql").render_as_string(hide_password=False)
            floor = raw_pg_figures(dsn, schema, codes)
            secured = prepared_figures(path, base, uuid.uuid4().hex[:10])
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()

    print(f"store: 110 counties × {YEARS} years × {len(raw)} county indicators = {total} values; "
          f"migrate-store SQLite → PostgreSQL with verification: {report.rows} rows in {copy_s:.1f} s")
    names = {"save": f"save form '{DOMAIN}' ({len(codes)} values)", "read": "read form + last year",
             "aggregate": "aggregate city year, rates included"}
    print(f"{'operation':<40} {'sqlite ms':>10} {'postgres ms':>12} {'pg/sqlite':>10} {'pg raw floor':>13} {'pg/floor':>9}")
    for key, name in names.items():
        print(f"{name:<40} {lite[key]:>10.2f} {pg[key]:>12.2f} {pg[key] / lite[key]:>10.2f} "
              f"{floor[key]:>13.2f} {pg[key] / floor[key]:>9.1f}")
    print("prepared server (server init: row-level security, guard triggers), as a clerk's role (save, read) and a "
          "reviewer's (aggregate), against the unprepared store above (issue 15 target ≤ 1.5×):")
    print(f"{'operation':<40} {'postgres ms':>12} {'prepared ms':>12} {'prepared/pg':>12}")
    for key, name in names.items():
        print(f"{name:<40} {pg[key]:>12.2f} {secured[key]:>12.2f} {secured[key] / pg[key]:>12.2f}")


if __name__ == "__main__":
    main()

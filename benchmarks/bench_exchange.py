"""Exchange speed: a 100 000-value package and a city-year workbook, each beside a floor from the same run.

Targets (issue 5): import of a package of 100 000 values (preview + commit) ≤ 3× a raw ``sqlite3``
executemany of the same rows; export of the same ≤ 2× a raw ``json.dumps`` + zip of the same rows;
Excel export/import of a city-year workbook under the time a clerk would notice.
"""

from __future__ import annotations

import gc
import io
import json
import math
import os
import shutil
import sqlite3
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from jzhealth_desktop.domain.rules import HARD, check  # noqa: E402
from jzhealth_desktop.services.context import open_context  # noqa: E402
from jzhealth_desktop.services.exchange import build_package, build_preview, commit_import, read_package  # noqa: E402
from jzhealth_desktop.services.exchange.xlsx_export import build_workbook  # noqa: E402
from jzhealth_desktop.services.exchange.xlsx_import import read_workbook  # noqa: E402
from jzhealth_desktop.services.station import configure_station  # noqa: E402

TARGET_VALUES = 100_000
FIRST_YEAR = 2000


def valid_values(cat) -> dict:
    """One org-year of county-level values that break no hard rule (same each year: no year-on-year jumps)."""
    values = {i.code: min(i.max or 10**6, 1000) * (1 if i.scale == 0 else 1) for i in cat.indicators() if i.level == "county"}
    from decimal import Decimal
    values = {c: (v if cat.items[c].scale == 0 else Decimal(v).quantize(Decimal(1).scaleb(-cat.items[c].scale)))
              for c, v in values.items()}
    while True:
        bad = {i.code for i in check(cat, values) if i.severity == HARD}
        if not bad:
            return values
        for code in bad:
            values.pop(code, None)


def floor_connection(path) -> sqlite3.Connection:
    """Raw sqlite3 with the store's pragmas, inside a write transaction (as the import's commit runs)."""
    c = sqlite3.connect(path, isolation_level=None)
    for pragma in ("foreign_keys=ON", "journal_mode=WAL", "synchronous=FULL", "busy_timeout=10000"):
        c.execute(f"PRAGMA {pragma}")
    c.execute("BEGIN IMMEDIATE")
    return c


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


class CollectorTime:
    """Time Python's cyclic garbage collector spends while this is open: reported beside the import, which pauses
    automatic collection while it works (services/exchange/collector.py); any collection it still causes counts."""

    def __init__(self):
        self.seconds, self._start = 0.0, 0.0

    def _callback(self, phase, _info):
        if phase == "start":
            self._start = time.perf_counter()
        else:
            self.seconds += time.perf_counter() - self._start

    def __enter__(self):
        gc.callbacks.append(self._callback)
        return self

    def __exit__(self, *exc):
        gc.callbacks.remove(self._callback)


def row(label: str, ours: float, floor: float | None, target: str) -> str:
    ratio = f"{ours / floor:5.2f}×" if floor else "   — "
    floor_text = f"{floor * 1000:9.0f} ms" if floor else "        —   "
    return f"| {label:<44} | {ours * 1000:9.0f} ms | {floor_text} | {ratio} | {target} |"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["JZHEALTH_HOME"] = tmp
        tmp = Path(tmp)
        source_path = tmp / "source.sqlite"
        src = open_context(str(source_path), user="bench")
        configure_station(src, "city", None, "bench")
        cat = src.catalogue
        per_org_year = valid_values(cat)
        orgs = [src.city.code] + [u.code for u in src.counties()]
        years = list(range(FIRST_YEAR, FIRST_YEAR + math.ceil(TARGET_VALUES / (len(orgs) * len(per_org_year)))))
        rows = []
        for org in orgs:
            for year in years:
                for code, value in per_org_year.items():
                    scale = cat.items[code].scale
                    rows.append((org, year, code, int(value * 10**scale), scale, "", "bench", "2024-01-01 00:00:00", 1))
        rows = rows[:TARGET_VALUES]
        conn = sqlite3.connect(source_path)
        conn.executemany("INSERT INTO data_value VALUES (?,?,?,?,?,?,?,?,?)", rows)
        conn.commit()
        conn.close()
        used_years = sorted({r[1] for r in rows})

        # ---- export ----------------------------------------------------------------------------------
        export_s, package = timed(lambda: build_package(src, src.city.code, used_years))
        plain = [{"org": r[0], "year": r[1], "code": r[2], "value": str(r[3]), "comment": ""} for r in rows]

        def floor_export() -> bytes:
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
                zf.writestr("values.json", json.dumps(plain, ensure_ascii=False))
            return buffer.getvalue()

        export_floor_s, _ = timed(floor_export)

        # ---- import: a fresh city store ------------------------------------------------------------------
        city_path = tmp / "city.sqlite"
        city = open_context(str(city_path), user="bench")
        configure_station(city, "city", None, "bench")
        city.close()
        floor_path = tmp / "floor.sqlite"
        shutil.copyfile(city_path, floor_path)
        audit_floor_path = tmp / "floor-audit.sqlite"
        shutil.copyfile(city_path, audit_floor_path)
        city = open_context(str(city_path), user="bench")

        collector = CollectorTime()

        def import_package():
            """Read, preview and commit one after the other, timed as one span (whatever happens between the
            stages counts too); the stages' own times beside it."""
            with collector:
                t0 = time.perf_counter()
                incoming = read_package(package, "bench.jzhpkg")
                t1 = time.perf_counter()
                preview = build_preview(city, incoming)
                t2 = time.perf_counter()
                result = commit_import(city, preview, confirmed_key=preview.signer.fingerprint)  # the bench vouches
                return (t1 - t0, t2 - t1, time.perf_counter() - t2), result

        import_s, ((read_s, preview_s, commit_s), result) = timed(import_package)
        assert result.changed >= len(rows), result.changed

        def floor_import() -> None:
            c = floor_connection(floor_path)
            c.executemany("INSERT INTO data_value VALUES (?,?,?,?,?,?,?,?,?)", rows)
            c.execute("COMMIT")
            c.close()

        import_floor_s, _ = timed(floor_import)

        # A second, labelled floor (the floor above is kept): the import must also write one audit row per
        # value it changes (the audit log is part of the design), so the same executemany plus those audit rows.
        audit_rows = [("2024-01-01 00:00:00.000000", "bench", "value", r[0], r[1], r[2], "", str(r[3]),
                       "import:" + "0" * 64, "") for r in rows]

        def floor_import_audited() -> None:
            c = floor_connection(audit_floor_path)
            c.executemany("INSERT INTO data_value VALUES (?,?,?,?,?,?,?,?,?)", rows)
            c.executemany("INSERT INTO audit_log (at, user_name, action, org_code, year, subject, old_text, new_text,"
                          " source, detail) VALUES (?,?,?,?,?,?,?,?,?,?)", audit_rows)
            c.execute("COMMIT")
            c.close()

        audited_floor_s, _ = timed(floor_import_audited)
        again_s, again = timed(lambda: build_preview(city, read_package(package)))
        assert again.nothing_to_do

        # ---- Excel: the city-year workbook (city + 11 counties) -------------------------------------------
        xlsx_export_s, (book, count) = timed(lambda: build_workbook(src, src.city.code, used_years[-1]))
        xlsx_import_s, xl_preview = timed(lambda: build_preview(city, read_workbook(book, cat)))
        city.close()
        src.close()

    print(f"{len(rows)} values: {len(orgs)} org units × {len(used_years)} years × {len(per_org_year)} indicators; "
          f"package {len(package) / 1e6:.1f} MB; workbook {count} values, {len(book) / 1e3:.0f} kB")
    print("| measure | ours | floor | ratio | target |")
    print("| --- | --- | --- | --- | --- |")
    print(row("export 100k values (query + JSON + zip)", export_s, export_floor_s, "≤ 2× json.dumps + zip"))
    print(row("import 100k values (read + preview + commit)", import_s, import_floor_s, "≤ 3× sqlite3 executemany"))
    print(row("import, beside a floor that also writes the audit rows", import_s, audited_floor_s,
              "(second floor, not the issue's)"))
    print(row("  of which read + checks of the file", read_s, None, ""))
    print(row("  of which preview against the store", preview_s, None, ""))
    print(row("  of which commit (backup, recheck, write, audit)", commit_s, None, ""))
    print(row("  of which the garbage collector (in the above)", collector.seconds, None, ""))
    print(row("re-import preview (nothing to do)", again_s, None, ""))
    print(row("Excel export, city-year workbook", xlsx_export_s, None, "unnoticeable (< 1 s)"))
    print(row("Excel import + preview, city-year workbook", xlsx_import_s, None, "unnoticeable (< 1 s)"))


if __name__ == "__main__":
    main()

"""Freeze with build_installer.spec and run the frozen programs (slow: one PyInstaller build per session).

These prove the spec collects every module, resource, migration, font and Qt plugin the program needs:
the frozen copies run from a folder outside the checkout, with the per-user data folder in tmp.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import build_installer  # tools/
import size_report  # tools/
import version_info  # tools/
from jzhealth_desktop.store.engine import Database, sqlite_url
from jzhealth_desktop.store.migrate import HEAD, KNOWN_REVISIONS, upgrade

from .conftest import ROOT, program, run

pytestmark = pytest.mark.slow


def revision(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        conn.close()


def test_frozen_smoke_creates_the_store(freeze, frozen_env, data_home: Path, tmp_path: Path) -> None:
    gui = program(freeze["dist"], "jzhealth-desktop")
    proc = run(gui, "--smoke", env=frozen_env, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    store = data_home / "jzhealth.sqlite"
    assert store.exists(), "the smoke run did not create the default store in the data folder"
    assert revision(store) == HEAD  # every migration script was found and ran frozen
    assert not list(freeze["dist"].rglob("*.sqlite")), "user data written into the install folder"


def test_frozen_smoke_migrates_an_older_store(freeze, frozen_env, data_home: Path, tmp_path: Path) -> None:
    if KNOWN_REVISIONS[0] == HEAD:
        pytest.skip("only one schema revision exists: nothing to upgrade from")
    old = tmp_path / "old.sqlite"
    db = Database(sqlite_url(old))
    upgrade(db, KNOWN_REVISIONS[0])
    db.dispose()
    proc = run(program(freeze["dist"], "jzhealth-desktop"), "--db", str(old), "--smoke", env=frozen_env, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert revision(old) == HEAD
    assert list((data_home / "backups").glob(f"old-*-pre-{HEAD}.sqlite")), "no backup before the migration"


def test_frozen_smoke_refuses_a_foreign_file(freeze, frozen_env, tmp_path: Path) -> None:
    bogus = tmp_path / "notes.sqlite"
    bogus.write_bytes(b"not a database at all" * 100)
    before = bogus.read_bytes()
    proc = run(program(freeze["dist"], "jzhealth-desktop"), "--db", str(bogus), "--smoke", env=frozen_env, cwd=tmp_path)
    assert proc.returncode != 0
    assert bogus.read_bytes() == before


def test_frozen_cli_answers_like_the_source(freeze, frozen_env, tmp_path: Path) -> None:
    """The console program beside the window: demo data in, the same JSON out as from source."""
    cli = program(freeze["dist"], "jzhealth")
    store = tmp_path / "demo.sqlite"
    loaded = run(cli, "--db", str(store), "demo", env=frozen_env, cwd=tmp_path)
    assert loaded.returncode == 0, loaded.stderr
    args = ["--db", str(store), "values", "get", "--org", "410800", "--year", "2021", "--total", "--json"]
    frozen = run(cli, *args, env=frozen_env, cwd=tmp_path)
    assert frozen.returncode == 0, frozen.stderr
    source = subprocess.run([sys.executable, "-m", "jzhealth_desktop", *args], capture_output=True, text=True,
                            encoding="utf-8", env=frozen_env, cwd=ROOT)
    assert source.returncode == 0, source.stderr
    assert json.loads(frozen.stdout) == json.loads(source.stdout)
    assert json.loads(frozen.stdout), "the demo store answered nothing"


def test_frozen_report_builds_a_pdf(freeze, frozen_env, tmp_path: Path) -> None:
    """The report step of the smoke: ReportLab, its fonts and ours are in the bundle."""
    cli = program(freeze["dist"], "jzhealth")
    store = tmp_path / "demo.sqlite"
    assert run(cli, "--db", str(store), "demo", env=frozen_env, cwd=tmp_path).returncode == 0
    pdf = tmp_path / "annual.pdf"
    proc = run(cli, "--db", str(store), "report", "annual", "--year", "2021", "-o", str(pdf),
               env=frozen_env, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert pdf.read_bytes()[:5] == b"%PDF-"
    from pypdf import PdfReader

    fonts = {str(f) for page in PdfReader(pdf).pages
             for f in (page.get("/Resources", {}).get("/Font", {}) or {}).values()}
    assert fonts, "the frozen report has no fonts"


def test_spec_wrote_the_package_version_resource(freeze) -> None:
    text = (freeze["work"] / "build_installer" / "version_info.txt").read_text(encoding="utf-8")
    assert f"StringStruct('FileVersion', '{version_info.package_version()}')" in text


def test_spec_trims_qt(freeze) -> None:
    internal = freeze["dist"] / "_internal"
    qms = sorted(p.name for p in internal.rglob("*.qm") if "PySide6" in p.parts)
    assert qms and all(("zh_CN" in n or "_en" in n) for n in qms), qms
    names = {p.name.lower() for p in internal.rglob("*")}
    for unused in ("qtqml", "qtquick", "qtnetwork", "qtsql", "qtwebengine"):
        assert not any(n.startswith(unused + ".") for n in names), f"{unused} bindings were bundled"
    top = {p.name.lower() for p in internal.iterdir()}
    assert not any(n.startswith(("numpy", "tkinter", "_pytest", "pygments")) for n in top), sorted(top)


def test_spec_applies_the_bundle_rules(freeze) -> None:
    # installer/bundle_rules.py, checked on the real Analysis: left out, and what must stay
    internal = freeze["dist"] / "_internal"
    names = {p.name.lower() for p in internal.rglob("*")}
    assert not any("qt6network" in n for n in names), "QtNetwork's library still ships"
    assert not (internal / "reportlab" / "fonts").exists()
    assert not list(internal.glob("PIL/_avif*")) and not list(internal.glob("PIL/_webp*"))
    assert not any("/plugins/generic/" in p.as_posix() for p in internal.rglob("*"))
    dialects = {p.name for p in (internal / "sqlalchemy" / "dialects").iterdir()}
    assert {"sqlite", "postgresql"} <= dialects and not {"mysql", "oracle", "mssql"} & dialects
    top = {p.name.split(".")[0] for p in internal.iterdir()}
    assert not {"pydoc", "doctest", "unittest", "idlelib", "tkinter"} & top
    assert "psycopg" in top and (internal / "resources" / "fonts" / "wqy-microhei.ttc").exists()


def test_makensis_packs_the_frozen_folder(freeze, tmp_path: Path) -> None:
    # uncompressed: the compile check, quick; the release's solid-LZMA size comes from the Windows workflow
    setup = build_installer.build(freeze["dist"], tmp_path / "out", compressor="none")
    assert setup.stat().st_size > 10_000_000, "the setup file cannot hold the whole program"
    result = size_report.report(freeze["dist"], setup)
    assert result["total"]["bytes"] >= max(r["bytes"] for r in result["components"])
    print("\n" + size_report.as_table(result))

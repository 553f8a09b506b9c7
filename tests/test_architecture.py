"""The layers as built are the layers as documented: pyproject.toml's import-linter contracts hold.

docs/architecture.md draws the same order; a new import that reaches up a layer (or Qt outside ui/,
SQLAlchemy outside store/ and services/, the store above the services) fails here, naming the line."""

from __future__ import annotations

import os
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _lint_imports() -> list[str]:
    exe = shutil.which("lint-imports")
    if exe is None:
        pytest.fail("lint-imports is missing: install the test extra (pip install -e .[test])")
    return [exe, "--config", str(ROOT / "pyproject.toml"), "--no-cache"]


def test_import_contracts_are_kept():
    done = subprocess.run(_lint_imports(), cwd=ROOT, capture_output=True, text=True, encoding="utf-8",
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


def test_contracts_name_every_top_level_module():
    """A new top-level module must be placed in the layers, or the layers contract says nothing about it."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    layers = next(c for c in config["contracts"] if c["type"] == "layers")["layers"]
    placed = {name.strip().split(".")[1] for layer in layers for name in layer.split("|")}
    package = ROOT / "jzhealth_desktop"
    present = {p.stem for p in package.glob("*.py") if p.stem != "__init__"}
    present |= {p.parent.name for p in package.glob("*/__init__.py")}
    assert present - placed == set()


def _lint_copy_with(tmp_path: Path, module: str, line: str) -> subprocess.CompletedProcess[str]:
    """lint-imports on a copy of the package with ``line`` added to ``module`` (a path inside the package)."""
    copy = tmp_path / "src"
    shutil.copytree(ROOT / "jzhealth_desktop", copy / "jzhealth_desktop",
                    ignore=shutil.ignore_patterns("__pycache__", "resources"))
    changed = copy / "jzhealth_desktop" / module
    changed.write_text(changed.read_text(encoding="utf-8") + f"\n{line}  # noqa\n", encoding="utf-8")
    return subprocess.run([*_lint_imports()[:1], "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
                          cwd=copy, capture_output=True, text=True, encoding="utf-8",
                          env={**os.environ, "PYTHONPATH": str(copy)})


def test_a_reach_into_the_store_is_caught(tmp_path):
    """The contract can fail: a copy of the package whose CLI imports the store directly breaks it."""
    done = _lint_copy_with(tmp_path, "cli.py", "from .store import repo")
    assert done.returncode != 0
    assert "jzhealth_desktop.cli -> jzhealth_desktop.store.repo" in done.stdout


def test_file_reading_in_the_domain_is_caught(tmp_path):
    """The domain is handed texts (store/catalogue_files.py reads the catalogue): a domain module that imports
    pathlib to read a file itself breaks "The domain does no I/O"."""
    done = _lint_copy_with(tmp_path, "domain/catalogue.py", "from pathlib import Path")
    assert done.returncode != 0
    assert "The domain does no I/O BROKEN" in done.stdout
    assert "jzhealth_desktop.domain.catalogue -> pathlib" in done.stdout

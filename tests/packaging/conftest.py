"""Packaging fixtures: one PyInstaller build per test session, shared by the frozen-app tests."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""


def program(folder: Path, name: str) -> Path:
    return folder / f"{name}{EXE_SUFFIX}"


@pytest.fixture(scope="session")
def freeze(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Freeze with build_installer.spec into a temp folder; {"dist": app folder, "work": PyInstaller's workpath}."""
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip("PyInstaller is not installed (pip install -e '.[test]' installs it)")
    base = tmp_path_factory.mktemp("freeze")
    dist, work = base / "dist", base / "work"
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
           "--distpath", str(dist), "--workpath", str(work), str(ROOT / "build_installer.spec")]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, f"PyInstaller failed:\n{proc.stdout[-4000:]}\n{proc.stderr[-8000:]}"
    return {"dist": dist / "jzhealth-desktop", "work": work}


@pytest.fixture
def frozen_env(data_home: Path) -> dict[str, str]:
    """Environment for running a frozen program: the test's data folder, offscreen Qt, no inherited store."""
    env = {k: v for k, v in os.environ.items() if k not in ("JZHEALTH_DB", "PYTHONPATH")}
    env.update(JZHEALTH_HOME=str(data_home), QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")
    return env


def run(exe: Path, *args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    # cwd outside the source tree: the frozen program must not lean on files beside the checkout
    return subprocess.run([str(exe), *args], capture_output=True, text=True, encoding="utf-8",
                          errors="replace", env=env, cwd=cwd, timeout=600)

"""mypy passes on the package with pyproject.toml's settings (strict on domain/ and services/, the "debt:"
opt-out list elsewhere), and ui/qt.pyi, which types the lazily imported Qt names, is current."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import qt_stub  # noqa: E402  (tools/ is not a package)


def _mypy(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml"), *args],
                          cwd=cwd, capture_output=True, text=True, encoding="utf-8",
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_mypy_passes():
    done = _mypy()
    assert done.returncode == 0, done.stdout + done.stderr


# What ``strict = true`` turns on that can be set per module. Spelled out in pyproject.toml: ``strict = true`` in an
# override turns these on for every module, not just the ones it names.
STRICT_FLAGS = ("disallow_untyped_defs", "disallow_incomplete_defs", "disallow_untyped_calls",
                "disallow_untyped_decorators", "disallow_any_generics", "disallow_subclassing_any", "warn_return_any",
                "no_implicit_reexport", "strict_equality", "extra_checks")


def test_domain_and_services_are_strict_and_not_opted_out_wholesale():
    mypy = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    overrides = mypy["overrides"]
    assert "strict" not in mypy and not any("strict" in o for o in overrides)
    strict = next(o for o in overrides if o.get("disallow_untyped_defs"))
    assert set(strict["module"]) == {"jzhealth_desktop.domain.*", "jzhealth_desktop.services.*"}
    assert all(strict.get(flag) is True for flag in STRICT_FLAGS), [f for f in STRICT_FLAGS if not strict.get(f)]
    opted_out = {m for o in overrides if o.get("ignore_errors") for m in o["module"]}
    assert not any(m.startswith("jzhealth_desktop.domain") for m in opted_out)
    assert "jzhealth_desktop.services.*" not in opted_out and "jzhealth_desktop.*" not in opted_out


def test_strict_domain_catches_an_untyped_function(tmp_path):
    """The strict setting bites: an unannotated function in a copy of domain/ is an error."""
    copy = tmp_path / "jzhealth_desktop"
    copy.mkdir()
    (copy / "__init__.py").write_text("", encoding="utf-8")
    (copy / "domain").mkdir()
    (copy / "domain" / "__init__.py").write_text("", encoding="utf-8")
    (copy / "domain" / "loose.py").write_text("def add(a, b):\n    return a + b\n", encoding="utf-8")
    done = _mypy("-p", "jzhealth_desktop.domain", cwd=tmp_path)
    assert done.returncode == 1
    assert "loose.py:1: error: Function is missing a type annotation" in done.stdout


def test_qt_stub_is_current():
    assert qt_stub.STUB.read_text(encoding="utf-8") == qt_stub.stub_text(), "run python tools/qt_stub.py"


def test_qt_stub_names_every_lazy_name():
    from jzhealth_desktop.ui import qt

    stubbed = {line.split(" as ")[0].strip() for line in qt_stub.stub_text().splitlines() if " as " in line}
    assert stubbed == set(qt.__all__)


def test_stub_check_reports_a_stale_stub(tmp_path, monkeypatch, capsys):
    stale = tmp_path / "qt.pyi"
    stale.write_text(qt_stub.stub_text().replace("    QWidget as QWidget,\n", ""), encoding="utf-8")
    monkeypatch.setattr(qt_stub, "STUB", stale)
    monkeypatch.setattr(qt_stub, "ROOT", tmp_path)
    assert qt_stub.main(["--check"]) == 1
    assert "is stale" in capsys.readouterr().err


def test_strictness_stays_in_domain_and_services(tmp_path):
    """Elsewhere mypy's default level: an unannotated function in a copy of reports/ is no error (it was one
    everywhere while the override said ``strict = true``)."""
    copy = tmp_path / "jzhealth_desktop"
    (copy / "reports").mkdir(parents=True)
    (copy / "__init__.py").write_text("", encoding="utf-8")
    (copy / "reports" / "__init__.py").write_text("", encoding="utf-8")
    (copy / "reports" / "loose.py").write_text("def add(a, b):\n    return a + b\n", encoding="utf-8")
    done = _mypy("-p", "jzhealth_desktop.reports", cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr

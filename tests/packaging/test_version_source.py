"""The spec and the NSIS script take the version from the package, never from a literal of their own."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import jzhealth_desktop
import version_info  # tools/, put on sys.path by conftest

from .conftest import ROOT

SPEC = ROOT / "build_installer.spec"
NSI = ROOT / "installer" / "jzhealth-desktop.nsi"


def test_package_version_read_without_import_matches_import() -> None:
    assert version_info.package_version() == jzhealth_desktop.__version__


def test_package_version_follows_the_init_file(tmp_path: Path) -> None:
    init = tmp_path / "__init__.py"
    init.write_text('"""doc"""\n\n__version__ = "3.14.15"\n', encoding="utf-8")
    assert version_info.package_version(init) == "3.14.15"
    init.write_text("x = 1\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no __version__"):
        version_info.package_version(init)


@pytest.mark.parametrize(("text", "expected"), [
    ("0.1.0", (0, 1, 0, 0)), ("2", (2, 0, 0, 0)), ("1.2.3rc1", (1, 2, 3, 0)), ("4.3.2.1", (4, 3, 2, 1)),
])
def test_windows_tuple(text: str, expected: tuple[int, ...]) -> None:
    assert version_info.windows_tuple(text) == expected


@pytest.mark.parametrize("bad", ["dev", "v1.0", "1.70000.0"])
def test_windows_tuple_refuses_what_windows_cannot_hold(bad: str) -> None:
    with pytest.raises(ValueError):
        version_info.windows_tuple(bad)


def test_nsis_defines_carry_the_package_version(tmp_path: Path) -> None:
    text = version_info.write_nsh(tmp_path / "v.nsh").read_text(encoding="utf-8-sig")
    version = jzhealth_desktop.__version__
    assert f'!define APP_VERSION "{version}"' in text
    win = ".".join(map(str, version_info.windows_tuple(version)))
    assert f'!define APP_VERSION_WIN "{win}"' in text


def _eval_version_text(text: str) -> dict:
    """Evaluate PyInstaller's version-file text with stand-ins that record their arguments."""
    def record(kind):
        return lambda *args, **kw: {"kind": kind, "args": args, **kw}
    names = ["VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct",
             "VarFileInfo", "VarStruct"]
    return eval(text, {n: record(n) for n in names})  # noqa: S307 - our own generated text


def test_pyinstaller_version_text_carries_the_package_version() -> None:
    version = jzhealth_desktop.__version__
    info = _eval_version_text(version_info.pyinstaller_version_text())
    numbers = version_info.windows_tuple(version)
    assert info["ffi"]["filevers"] == numbers and info["ffi"]["prodvers"] == numbers
    strings = {s["args"][0]: s["args"][1] for s in info["kids"][0]["args"][0][0]["args"][1]}
    assert strings["FileVersion"] == strings["ProductVersion"] == version
    assert strings["OriginalFilename"] == "jzhealth-desktop.exe"


def test_spec_and_script_spell_no_version_number() -> None:
    literal = re.compile(r"\b\d+\.\d+\.\d+\b")
    for path in (SPEC, NSI):
        code = "\n".join(line.split(";")[0] if path.suffix == ".nsi" else line.split("#")[0]
                         for line in path.read_text(encoding="utf-8-sig").splitlines())
        assert not literal.search(code), f"{path.name} spells a version number"
    spec = SPEC.read_text(encoding="utf-8")
    assert "version_info.write_pyinstaller_version" in spec and "version=version_file" in spec
    nsi = NSI.read_text(encoding="utf-8-sig")
    assert '!include "${VERSION_NSH}"' in nsi and 'VIProductVersion "${APP_VERSION_WIN}"' in nsi

"""The NSIS script compiles (makensis runs on Linux too) and says what a per-user installer must say."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import build_installer  # tools/
from jzhealth_desktop import paths

from .conftest import ROOT

NSI = (ROOT / "installer" / "jzhealth-desktop.nsi").read_text(encoding="utf-8-sig")

needs_makensis = pytest.mark.skipif(build_installer.find_makensis() is None,
                                    reason="makensis not installed (Debian: apt install nsis)")


def stub_dist(tmp_path: Path) -> Path:
    """A tiny stand-in for the PyInstaller folder: the script only needs files to pack."""
    dist = tmp_path / "dist" / "jzhealth-desktop"
    (dist / "_internal" / "resources" / "catalogue").mkdir(parents=True)
    (dist / "jzhealth-desktop.exe").write_bytes(b"MZ stub")
    (dist / "jzhealth.exe").write_bytes(b"MZ stub")
    (dist / "_internal" / "resources" / "catalogue" / "预防接种.toml").write_text("# 中文文件名\n", encoding="utf-8")
    return dist


@needs_makensis
def test_script_compiles_with_the_version_it_is_given(tmp_path: Path) -> None:
    # a version no file spells: whatever the setup carries came from the defines
    setup = build_installer.build(stub_dist(tmp_path), tmp_path / "out", version="9.8.7")
    assert setup.name == "jzhealth-desktop-9.8.7-setup.exe"
    data = setup.read_bytes()
    assert data[:2] == b"MZ"
    # the installer's own version resource (uncompressed PE resource, UTF-16LE)
    assert "9.8.7".encode("utf-16-le") in data
    assert "焦作市卫生健康统计".encode("utf-16-le") in data


@needs_makensis
def test_missing_folder_is_refused_before_makensis(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError, match="build_installer.spec"):
        build_installer.build(tmp_path / "nothing", tmp_path / "out")
    assert not (tmp_path / "out").exists()


@needs_makensis
def test_script_errors_are_reported(tmp_path: Path) -> None:
    # no defines at all: the script's own !error explains how to build it
    import subprocess

    proc = subprocess.run([build_installer.find_makensis(), "-V2", str(ROOT / "installer" / "jzhealth-desktop.nsi")],
                          capture_output=True, text=True, encoding="utf-8", errors="replace")
    assert proc.returncode != 0
    assert "tools/build_installer.py" in proc.stdout + proc.stderr


def test_per_user_install_without_administrator() -> None:
    assert re.search(r"^RequestExecutionLevel user$", NSI, re.M)
    assert re.search(r'^InstallDir "\$LOCALAPPDATA\\Programs\\\$\{APP_ID\}"$', NSI, re.M)
    assert "HKLM" not in NSI and "$PROGRAMFILES" not in NSI
    assert '!define UNINST_KEY "Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\${APP_ID}"' in NSI
    for value in ("DisplayName", "DisplayVersion", "UninstallString", "InstallLocation", "DisplayIcon"):
        assert f'WriteRegStr HKCU "${{UNINST_KEY}}" "{value}"' in NSI
    assert '!insertmacro MUI_LANGUAGE "SimpChinese"' in NSI


def test_data_folder_is_the_one_the_program_uses() -> None:
    # platformdirs on Windows, roaming=False: %LOCALAPPDATA%\<author>\<app>
    assert f'!define DATA_DIR "$LOCALAPPDATA\\{paths.APP_AUTHOR}\\{paths.APP_NAME}"' in NSI


def test_uninstall_keeps_data_unless_the_clerk_says_yes() -> None:
    uninstall = NSI[NSI.index('Section "Uninstall"'):]
    ask = re.search(r"MessageBox (\S+) .*?(/SD \w+) (IDYES \w+)", uninstall)
    assert ask, "uninstall must ask before deleting the data folder"
    flags, silent, yes = ask.groups()
    assert "MB_DEFBUTTON2" in flags and silent == "/SD IDNO"  # default and silent answer: keep
    deleting = uninstall.index('RMDir /r "${DATA_DIR}"')
    assert uninstall.index(yes.split()[1] + ":") < deleting  # only reached by the Yes label
    install = NSI[:NSI.index('Section "Uninstall"')]
    assert "DATA_DIR" not in install.split("; ---- install")[1]  # installing/upgrading never touches it


def test_uninstall_removes_its_own_file_and_folder() -> None:
    uninstall = NSI[NSI.index('Section "Uninstall"'):]
    delete_self = uninstall.index('Delete "$INSTDIR\\uninstall.exe"')
    step_out = uninstall.index('SetOutPath "$TEMP"')  # the working folder cannot be removed
    remove_folder = uninstall.index('RMDir "$INSTDIR"')
    assert delete_self < step_out < remove_folder
    assert 'RMDir /r "$INSTDIR"' not in uninstall  # never the clerk's own files put there

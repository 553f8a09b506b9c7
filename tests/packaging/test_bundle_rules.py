"""installer/bundle_rules.py: what the bundle leaves out, the same for the spec (Linux or Windows paths) and for
tools/estimate_windows_size.py (the Windows wheels' paths)."""

from __future__ import annotations

import sys

import pytest

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "installer"))
import bundle_rules  # noqa: E402  (installer/)
import estimate_windows_size  # noqa: E402  (tools/)

DROPPED = [
    "PySide6/plugins/generic/qtuiotouchplugin.dll",  # Windows wheel
    "PySide6/Qt/plugins/generic/libqtuiotouchplugin.so",  # Linux build
    "PySide6/Qt6Network.dll",
    "PySide6/Qt/lib/libQt6Network.so.6",
    "PySide6/plugins/tls/qschannelbackend.dll",
    "PySide6/plugins/imageformats/qwebp.dll",
    "PySide6/opengl32sw.dll",
    "PIL/_avif.cp311-win_amd64.pyd",
    "PIL/_webp.cp311-win_amd64.pyd",
    "PIL/_avif.cpython-311-x86_64-linux-gnu.so",
    "reportlab/fonts/Vera.ttf",
    "reportlab/fonts/_abi____.pfb",
    "PySide6/translations/qtbase_de.qm",
    "database/__pycache__/env.cpython-311.pyc",
]
KEPT = [
    "PySide6/Qt6Core.dll", "PySide6/Qt6Gui.dll", "PySide6/Qt6Widgets.dll", "PySide6/QtWidgets.pyd",
    "PySide6/plugins/platforms/qwindows.dll", "PySide6/plugins/imageformats/qjpeg.dll",
    "PySide6/plugins/styles/qmodernwindowsstyle.dll", "PySide6/translations/qtbase_zh_CN.qm",
    "PIL/_imaging.cp311-win_amd64.pyd",
    "psycopg_binary/_psycopg.cp311-win_amd64.pyd", "psycopg_binary.libs/libpq-16d00050.dll",  # the city server
    "resources/fonts/wqy-microhei.ttc",  # the CJK font the reports embed
    "reportlab/pdfbase/_fontdata.pyc",  # the standard fonts' metrics stay
    "sqlalchemy/dialects/postgresql/psycopg.pyc",
]


@pytest.mark.parametrize("dest", DROPPED)
def test_dropped(dest: str) -> None:
    assert not bundle_rules.keep(dest)
    assert not bundle_rules.keep(dest.replace("/", "\\"))  # PyInstaller on Windows gives backslashes


@pytest.mark.parametrize("dest", KEPT)
def test_kept(dest: str) -> None:
    assert bundle_rules.keep(dest)
    assert bundle_rules.keep(dest.replace("/", "\\"))


def test_modules_left_out_of_the_analysis() -> None:
    for module in ("pydoc", "doctest", "unittest", "idlelib", "tkinter", "sqlalchemy.dialects.mysql",
                   "sqlalchemy.dialects.oracle", "sqlalchemy.dialects.mssql", "PySide6.QtNetwork"):
        assert module in bundle_rules.EXCLUDES
    for needed in ("psycopg", "sqlalchemy.dialects.postgresql", "sqlalchemy.dialects.sqlite", "PySide6.QtWidgets"):
        assert needed not in bundle_rules.EXCLUDES


def test_no_used_qt_module_is_excluded() -> None:
    used = estimate_windows_size.used_qt_modules()
    assert "QtWidgets" in used
    assert not set(used) & set(bundle_rules.QT_UNUSED)


def test_spec_and_estimate_share_the_rules() -> None:
    spec = (ROOT / "build_installer.spec").read_text(encoding="utf-8")
    assert "excludes = bundle_rules.EXCLUDES" in spec
    assert "return bundle_rules.keep(entry[0])" in spec
    assert "re.compile" not in spec  # no second copy of a rule
    assert estimate_windows_size.bundle_rules is bundle_rules


def test_estimate_matches_extension_modules_across_platforms() -> None:
    assert estimate_windows_size.module_key("PIL/_imaging.cpython-311-x86_64-linux-gnu.so") == \
        estimate_windows_size.module_key("PIL/_imaging.cp311-win_amd64.pyd") == ("PIL", "_imaging")
    assert estimate_windows_size.module_key("PySide6/QtCore.abi3.so") == \
        estimate_windows_size.module_key("PySide6/QtCore.pyd")

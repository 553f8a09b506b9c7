"""ui/settings.py declares every kept preference; whatever the INI file holds, a read gives the default or a
value of the declared kind (and choice), and a window opened on a garbled file falls back to its defaults."""

from __future__ import annotations

import itertools
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings as hypothesis_settings, strategies as st

from jzhealth_desktop.ui import settings
from jzhealth_desktop.ui.qt import QSettings

ROOT = Path(__file__).resolve().parents[2]
_FOLDER = Path(tempfile.mkdtemp(prefix="jz-settings-"))
_COUNT = itertools.count()


def ini_with(setting: settings.Setting, raw: str) -> QSettings:
    """A fresh INI file (Qt caches by path) whose line for ``setting`` is ``raw`` as a person might type it."""
    group, _slash, key = setting.name("x").partition("/")
    path = _FOLDER / f"ui-{next(_COUNT)}.ini"
    path.write_text(f"[{group}]\n{key}={raw}\n", encoding="utf-8")
    return QSettings(str(path), QSettings.Format.IniFormat)


def well_typed(setting: settings.Setting, value) -> bool:
    if value == setting.default:
        return True
    if not isinstance(value, setting.kind) or isinstance(value, bool):
        return False
    return not setting.choices or value in setting.choices


@pytest.mark.qt_log_ignore(r"QVariant::load")  # Qt says so about a garbled @Variant(…), then reads nothing
@hypothesis_settings(max_examples=300, deadline=None)
@given(st.sampled_from(settings.DECLARED),
       st.one_of(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r")),
                 st.sampled_from(["@ByteArray(abc)", "@Variant(\\0\\0\\0\\x7f\\0\\0\\0\\x1)", "1, 2", '"a,b"',
                                  "2021", "-5", "zh_CN", "en", "true", "@Invalid()", "@Rect(1 2 3 4)"])))
def test_any_ini_value_reads_as_the_default_or_a_value_of_the_declared_kind(setting, raw):
    value = settings.read(setting, "x", store=ini_with(setting, raw))
    assert well_typed(setting, value), (setting.key, raw, value)


def test_a_missing_file_reads_every_default():
    store = QSettings(str(_FOLDER / "absent.ini"), QSettings.Format.IniFormat)
    assert [settings.read(s, "x", store=store) for s in settings.DECLARED] == [s.default for s in settings.DECLARED]


def test_written_values_read_back():
    store = QSettings(str(_FOLDER / f"ui-{next(_COUNT)}.ini"), QSettings.Format.IniFormat)
    settings.write(settings.YEAR, 2020, store=store)
    settings.write(settings.LANGUAGE, "en", store=store)
    settings.write(settings.FOLDER, "C:/Users/王/Documents", "xlsx", store=store)
    settings.write(settings.SPLIT, b"\x00\xffstate", store=store)
    store.sync()
    again = QSettings(store.fileName(), QSettings.Format.IniFormat)
    assert settings.read(settings.YEAR, store=again) == 2020
    assert settings.read(settings.LANGUAGE, store=again) == "en"
    assert settings.read(settings.FOLDER, "xlsx", store=again) == "C:/Users/王/Documents"
    assert settings.read(settings.FOLDER, "package", store=again) == ""
    assert settings.read(settings.SPLIT, store=again) == b"\x00\xffstate"


def test_every_key_the_ui_keeps_is_declared():
    """No string keys beside the declarations: a QSettings ``value``/``setValue`` only in ui/settings.py."""
    found = []
    for path in (ROOT / "jzhealth_desktop").rglob("*.py"):
        if path.name == "settings.py" and path.parent.name == "ui":
            continue
        text = path.read_text(encoding="utf-8")
        found += [f"{path.relative_to(ROOT)}: {m.group(0)}" for m in
                  re.finditer(r"ui_settings\(\)\.(value|setValue)\(|\bQSettings\(", text)]
        found += [f"{path.relative_to(ROOT)}: {m.group(0)}" for m in
                  re.finditer(r"\.(?:value|setValue)\(\s*f?[\"'][a-z]+/", text)]
    assert found == []


def test_a_garbled_ini_opens_the_window_on_its_defaults(qtbot, open_window, store_path, data_home):
    (data_home / "ui.ini").write_text(
        "[selection]\norg=nowhere\nyear=twenty\ndomain=1, 2\n"
        "[window]\ngeometry=not a geometry\nsplit=@Invalid()\nright=7\n[ui]\nlanguage=klingon\n", encoding="utf-8")
    window = open_window(store_path)
    assert (window.current_org(), window.current_domain()) == (window.orgs[0], window.selection.codes[0])
    assert window.year_box.currentData() == window.current_year()
    assert settings.language() == "zh_CN" and settings.read(settings.GEOMETRY) is None

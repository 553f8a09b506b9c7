"""Window preferences (size, splitters, last selection, language) in an INI file in the user's data folder.

Kept beside the store's folder rather than in the registry so tests (JZHEALTH_HOME) never see a real profile.
"""

from __future__ import annotations

from ..paths import data_dir
from .qt import QSettings

LANGUAGES = ("zh_CN", "en")


def ui_settings() -> QSettings:
    return QSettings(str(data_dir() / "ui.ini"), QSettings.Format.IniFormat)


def language() -> str:
    value = str(ui_settings().value("ui/language", "zh_CN"))
    return value if value in LANGUAGES else "zh_CN"


def set_language(value: str) -> None:
    settings = ui_settings()
    settings.setValue("ui/language", value)
    settings.sync()

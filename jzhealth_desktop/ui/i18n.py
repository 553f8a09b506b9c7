"""Translations: our own strings (resources/i18n/*.qm) and Qt's (qtbase_zh_CN) so standard buttons speak Chinese.

Source strings are English; Simplified Chinese is the default language. ``tools/i18n.py`` refreshes the
``.ts`` file with pyside6-lupdate and compiles it with pyside6-lrelease.
"""

from __future__ import annotations

from pathlib import Path

from ..paths import resources_dir
from .qt import QApplication, QLibraryInfo, QLocale, QTranslator

APP_CATALOGUE = "jzhealth"


def i18n_dir() -> Path:
    return resources_dir() / "i18n"


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Load and install the translators for ``language``; returns them (keep them alive with the app)."""
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return []
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    installed = []
    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        installed.append(qt_own)
    ours = QTranslator(app)
    if ours.load(f"{APP_CATALOGUE}_{language}", str(i18n_dir())):
        app.installTranslator(ours)
        installed.append(ours)
    return installed

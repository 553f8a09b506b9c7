"""Window preferences in an INI file in the user's data folder: every key the program keeps, declared once.

Kept beside the store's folder rather than in the registry so tests (JZHEALTH_HOME) never see a real profile.
Read and write them only through ``read`` / ``write`` with a declared ``Setting``: a value the INI file holds
in another type, out of its choices or garbled (edited by hand, written by an older version) reads as the
default, so a bad file never stops the program or moves the clerk to a form that does not exist.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..paths import data_dir
from .qt import QSettings

LANGUAGES = ("zh_CN", "en")


@dataclass(frozen=True)
class Setting:
    """One kept preference. ``key`` may hold ``{}`` fields (a family: ``folders/{kind}``), filled by
    ``read``/``write``'s ``part``. ``kind`` is ``str``, ``int`` or ``bytes`` (Qt's saved window states)."""

    key: str
    kind: type
    default: Any
    meaning: str
    choices: tuple[object, ...] = ()

    def name(self, part: str = "") -> str:
        return self.key.format(part) if "{}" in self.key else self.key


LANGUAGE = Setting("ui/language", str, "zh_CN", "the language of the window from the next start", LANGUAGES)
GEOMETRY = Setting("window/geometry", bytes, None, "the main window's size and place on the screen")
SPLIT = Setting("window/split", bytes, None, "the width of the domain list beside the views")
RIGHT = Setting("window/right", bytes, None, "the height of the views above the validation messages")
ORG = Setting("selection/org", str, "", "the org unit shown at the last close (one of the visible units)")
YEAR = Setting("selection/year", int, None, "the year shown at the last close (none: the latest with data)")
DOMAIN = Setting("selection/domain", str, "", "the domain shown at the last close (a catalogue domain code)")
LAST_USER = Setting("login/last_user", str, "", "the account name offered by the next sign-in")
FOLDER = Setting("folders/{}", str, "", "the last folder a file of this kind (package, xlsx, pdf…) went to")
REPORT_KIND = Setting("reports/kind", str, "annual", "the report kind the report dialog offers first")
REPORT_FIELD = Setting("reports/{}", str, "", "a name the report dialog remembers (editor, proofreader…)")

DECLARED = (LANGUAGE, GEOMETRY, SPLIT, RIGHT, ORG, YEAR, DOMAIN, LAST_USER, FOLDER, REPORT_KIND, REPORT_FIELD)


def ui_settings() -> QSettings:
    return QSettings(str(data_dir() / "ui.ini"), QSettings.Format.IniFormat)


def _typed(setting: Setting, value: Any) -> Any:
    """``value`` as the setting's kind, or the default if it is not one."""
    if value is None:
        return setting.default
    if setting.kind is bytes:
        if isinstance(value, (str, int, float, list, bool)):
            return setting.default
        try:
            return bytes(value) or setting.default  # QByteArray → bytes
        except (TypeError, ValueError):
            return setting.default
    if setting.kind is int:
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            return setting.default
        try:
            number = int(str(value).strip())
        except ValueError:
            return setting.default
        return number if not setting.choices or number in setting.choices else setting.default
    if not isinstance(value, str):  # the INI reader gives a list for "a, b": never a valid text here
        return setting.default
    return value if not setting.choices or value in setting.choices else setting.default


def read(setting: Setting, part: str = "", store: QSettings | None = None) -> Any:
    """The kept value of ``setting`` (``part`` fills a family's key), or its default."""
    return _typed(setting, (store or ui_settings()).value(setting.name(part)))


def write(setting: Setting, value: Any, part: str = "", store: QSettings | None = None) -> None:
    """Keep ``value``; pass one ``store`` to write several and sync once (``sync`` below)."""
    target = store or ui_settings()
    target.setValue(setting.name(part), value)
    if store is None:
        target.sync()


def language() -> str:
    return str(read(LANGUAGE))


def set_language(value: str) -> None:
    write(LANGUAGE, value)

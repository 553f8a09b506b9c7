"""Where the program finds its shipped files and keeps the user's data.

One place for both, so the source tree, an editable install and the frozen
(PyInstaller) build all resolve the same way, and tests can redirect the data
folder with ``JZHEALTH_HOME``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "jzhealth-desktop"
APP_AUTHOR = "Jiaozuo"
# platformdirs' arguments: on Windows %LOCALAPPDATA%\Jiaozuo\jzhealth-desktop (not Roaming: a store can be large
# and must not follow the clerk between PCs), the folder the NSIS uninstaller offers to delete.
PLATFORMDIRS_ARGS = {"appname": APP_NAME, "appauthor": APP_AUTHOR, "roaming": False}


def install_root() -> Path:
    """Folder holding ``resources/`` and ``database/``: the bundle when frozen, else the source tree."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return install_root() / "resources"


def migrations_dir() -> Path:
    return install_root() / "database"


def catalogue_dir() -> Path:
    override = os.environ.get("JZHEALTH_CATALOGUE")
    return Path(override) if override else resources_dir() / "catalogue"


def data_dir() -> Path:
    """Per-user data folder (never the install folder); ``JZHEALTH_HOME`` overrides it."""
    override = os.environ.get("JZHEALTH_HOME")
    if override:
        path = Path(override)
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir(**PLATFORMDIRS_ARGS))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_store_path() -> Path:
    return data_dir() / "jzhealth.sqlite"


def backups_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path

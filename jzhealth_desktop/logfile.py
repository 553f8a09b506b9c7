"""The program's log: one rotated file in the data folder (``logs/jzhealth.log``), and ``logs/crash.log`` for
``faulthandler``, so that no failure is silent even in the windowed build (which has no console).

Both front ends start it: the GUI (``ui/application.py``: with ``faulthandler`` and the excepthook dialog) and
the CLI (``cli.py``: unexpected errors are logged with their traceback, the person sees one line and the log's
place). Logging never stops the program: if the data folder cannot be written, records go nowhere.

Windows: a file another process holds open cannot be renamed, so a rotation that fails (a second instance, the
CLI beside the window) keeps writing to the current file and tries again at the next record instead of
raising; ``faulthandler`` gets a file of its own because the log file is renamed under it when it rotates.
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import os
import sys
from pathlib import Path
from typing import IO

from .paths import data_dir

LOG_NAME = "jzhealth.log"
CRASH_NAME = "crash.log"
MAX_BYTES = 1_000_000
KEEP = 5  # jzhealth.log.1 … .5: five rotated files beside the current one
LOGGER = "jzhealth_desktop"
FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"

log = logging.getLogger(LOGGER)
_crash_file: IO[str] | None = None
_was_enabled = False


class _Rotating(logging.handlers.RotatingFileHandler):
    """Rotates by size; a rotation refused by the system (Windows: the file is open elsewhere) is skipped."""

    def doRollover(self) -> None:  # noqa: N802 - logging's name
        try:
            super().doRollover()
        except OSError:
            if self.stream is None:
                self.stream = self._open()


def log_dir() -> Path:
    return data_dir() / "logs"


def log_path() -> Path:
    return log_dir() / LOG_NAME


def where() -> str:
    """The log's path for a message, or a plain word when the data folder cannot be found."""
    try:
        return str(log_path())
    except OSError:
        return "（无法写入日志 / no log）"


def start() -> Path | None:
    """Send the program's records to the log file of the current data folder (once per folder: calling it
    again, as tests do with a new folder each, replaces the handler). Returns the log's path, or None if the
    data folder cannot be written."""
    for handler in [h for h in log.handlers if isinstance(h, _Rotating)]:
        log.removeHandler(handler)
        handler.close()
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        handler = _Rotating(folder / LOG_NAME, maxBytes=MAX_BYTES, backupCount=KEEP, encoding="utf-8", delay=True)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False  # a test runner's or a host's root handlers do not get our records twice
    return folder / LOG_NAME


def announce(program: str) -> None:
    """A start line (the GUI writes one; the CLI does not, so a command that succeeds leaves the log alone)."""
    log.info("%s %s started (Python %s, %s)", program, _version(), sys.version.split()[0], sys.platform)


def _version() -> str:
    from . import __version__

    return __version__


def start_faulthandler() -> str:
    """Have ``faulthandler`` write a hard crash (access violation, abort) to ``crash.log``; returns what the
    previous run left there (empty if it ended normally: ``stop_faulthandler`` removes the file), after
    copying it into the log."""
    global _crash_file, _was_enabled
    try:
        path = log_dir() / CRASH_NAME
        previous = path.read_text(encoding="utf-8", errors="replace").strip() if path.exists() else ""
        if previous:
            log.error("the previous run ended abnormally:\n%s", previous)
        if _crash_file is None:
            _was_enabled = faulthandler.is_enabled()
        else:
            _crash_file.close()
        _crash_file = open(path, "w", encoding="utf-8")  # noqa: SIM115 - kept open for faulthandler
        faulthandler.enable(_crash_file, all_threads=True)
        return previous
    except OSError:
        return ""


def stop_faulthandler() -> None:
    """A normal end: crash.log is removed, so the next start reports nothing. Windows can make faulthandler
    write for an exception that was handled after all (the run went on): that text is kept in the log."""
    global _crash_file
    if _crash_file is None:
        return
    faulthandler.disable()
    if _was_enabled and sys.__stderr__ is not None:  # whoever had it before (a test runner) gets it back
        faulthandler.enable(sys.__stderr__)
    name = _crash_file.name
    _crash_file.close()
    _crash_file = None
    try:
        written = Path(name).read_text(encoding="utf-8", errors="replace").strip()
        if written:
            log.warning("faulthandler wrote during a run that then ended normally:\n%s", written)
        os.remove(name)
    except OSError:
        pass

"""Which encoding the command line writes in, so Chinese output reads right wherever it goes.

- A console (any system): UTF-8. On Windows Python writes a console through its wide-character API, so
  UTF-8 here shows correctly in cmd and PowerShell whatever the code page.
- Redirected on Windows (``jzhealth ... > out.txt``, a pipe into ``findstr`` or PowerShell 5.1): the ANSI
  code page (cp936 on a Chinese Windows), which is what ``type``, Notepad's default and PowerShell 5.1 decode
  with; a character that code page lacks becomes "?" instead of ending the command with a traceback.
- Redirected elsewhere: UTF-8.
- ``PYTHONIOENCODING`` or Python's UTF-8 mode (``PYTHONUTF8=1``, ``-X utf8``) is the caller's choice: kept.
"""

from __future__ import annotations

import locale
import os
import sys
from typing import Mapping


def stream_encoding(*, is_console: bool, platform: str, environ: Mapping[str, str], utf8_mode: bool,
                    ansi_encoding: str) -> tuple[str, str] | None:
    """(encoding, errors) for one output stream, or None to leave it as Python set it up."""
    if environ.get("PYTHONIOENCODING") or utf8_mode:
        return None
    if platform == "win32" and not is_console:
        return ansi_encoding, "replace"
    return "utf-8", "strict"


def configure_output() -> None:
    """Apply ``stream_encoding`` to stdout and stderr (called once, before the command prints)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:  # None in a windowed program, or a replaced stream (tests)
            continue
        try:
            is_console = stream.isatty()
        except (OSError, ValueError):
            is_console = False
        choice = stream_encoding(is_console=is_console, platform=sys.platform, environ=os.environ,
                                 utf8_mode=bool(sys.flags.utf8_mode), ansi_encoding=locale.getpreferredencoding(False))
        if choice is not None:
            reconfigure(encoding=choice[0], errors=choice[1])

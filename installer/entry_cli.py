"""PyInstaller entry for ``jzhealth.exe`` (console): the ``jzhealth`` command beside the window."""

import sys

from jzhealth_desktop.cli import main

sys.exit(main())

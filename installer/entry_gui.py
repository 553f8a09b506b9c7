"""PyInstaller entry for ``jzhealth-desktop.exe`` (windowed).

PyInstaller runs its entry file as ``__main__`` outside any package, so ``jzhealth_desktop/app.py``
(which imports relatively) cannot be the entry itself; this file calls it by absolute name.
"""

import sys

from jzhealth_desktop.app import main

sys.exit(main())

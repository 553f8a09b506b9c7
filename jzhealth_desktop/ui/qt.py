"""The one place the program imports Qt from: shows which Qt modules and classes the bundle needs.

Names resolve on first use (PEP 562 ``__getattr__``): PySide6 sets up a class's Python type the first time it
is fetched from its module (``Qt`` alone, with all its enums, takes ~12 ms), so fetching only what the first
screen uses lets the main window's frame paint sooner (benchmarks/bench_gui.py).

Once PySide6 is loaded, every module imported after it is checked for PySide's ``__feature__`` switches by
reading its whole source (``inspect.getsource``, kept in ``linecache``): for SQLAlchemy and the standard library
modules the store needs, ~60 ms and ~19 MiB at start (measured, docs/architecture.md "Start-up").
``_skip_feature_scan`` answers "no" at once for modules that cannot switch features (the standard library,
SQLAlchemy and the like, and this program, which never uses ``__feature__``; any other module is still read
as before) and drops the sources already read.
"""

from __future__ import annotations

import importlib
import linecache
import sys

_NAMES: dict[str, tuple[str, ...]] = {
    "PySide6.QtCore": (
        "QAbstractTableModel", "QCoreApplication", "QEvent", "QItemSelectionModel", "QLibraryInfo", "QLocale",
        "QModelIndex", "QObject", "QRunnable", "QSettings", "QSize", "Qt", "QThreadPool", "QTimer", "QTranslator",
        "QUrl", "Signal", "Slot", "QT_TRANSLATE_NOOP", "QRegularExpression",
        "QStandardPaths",  # file dialogs start in Documents (ui/dialogs.py)
    ),
    "PySide6.QtGui": (
        "QAction", "QActionGroup", "QBrush", "QCloseEvent", "QColor", "QFont", "QGuiApplication", "QIcon",
        "QKeyEvent", "QKeySequence", "QPalette", "QRegularExpressionValidator", "QShortcut", "QShowEvent",
        "QImage", "QPainter", "QPixmap",  # reports: preview and printing
        "QDesktopServices",  # 打开所在文件夹 after a save (ui/dialogs.py)
        "QTextCursor",  # the user guide fits its images to the window (ui/help.py)
    ),
    "PySide6.QtWidgets": (
        "QAbstractItemView", "QApplication", "QButtonGroup", "QComboBox", "QDialog", "QDialogButtonBox",
        "QFormLayout", "QFrame", "QGridLayout", "QGroupBox", "QHBoxLayout", "QHeaderView", "QLabel", "QLineEdit",
        "QListWidget", "QListWidgetItem", "QMainWindow", "QMenu", "QMessageBox", "QProgressDialog", "QPushButton",
        "QRadioButton", "QScrollArea", "QSizePolicy", "QSpinBox", "QSplitter", "QStackedWidget", "QStatusBar",
        "QTableView", "QTableWidget", "QTableWidgetItem", "QTabWidget", "QTextBrowser", "QToolButton",
        "QVBoxLayout", "QWidget",
        "QFileDialog",  # exchange: choose package and workbook files
    ),
    "PySide6.QtPrintSupport": ("QPrintDialog", "QPrinter"),  # reports: print the preview
}
_MODULE_OF = {name: module for module, names in _NAMES.items() for name in names}
__all__ = sorted(_MODULE_OF)


# Packages that cannot switch PySide's features: the store's and the reports' libraries (the standard library
# and this program too: it never imports ``__feature__``, tests/ui/test_start_frame.py holds that).
_NO_FEATURES = frozenset(("sqlalchemy", "alembic", "mako", "reportlab", "openpyxl", "et_xmlfile", "cryptography",
                          "psycopg", "psycopg_binary", "PIL", "typing_extensions", "greenlet", "jzhealth_desktop"))


def _scan_not_needed(module) -> bool:
    top = getattr(module, "__name__", "").partition(".")[0]
    return top in _NO_FEATURES or top in sys.stdlib_module_names


def _skip_feature_scan() -> None:
    """Wrap PySide's source scan of newly imported modules so those that cannot use features are not read."""
    feature = sys.modules.get("PySide6.support.feature")
    scan = getattr(feature, "_mod_uses_pyside", None)
    if scan is None or getattr(scan, "jz_wrapped", False):  # another PySide6 version: leave it as it is
        return

    def uses_pyside(module) -> bool:
        return False if _scan_not_needed(module) else scan(module)

    uses_pyside.jz_wrapped = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside
    linecache.clearcache()  # the sources PySide read of the modules loaded before it (~1.5 MB); re-read on need


def __getattr__(name: str):
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r} (add it to _NAMES)")
    value = getattr(importlib.import_module(module), name)
    _skip_feature_scan()
    globals()[name] = value  # later lookups skip this function
    return value

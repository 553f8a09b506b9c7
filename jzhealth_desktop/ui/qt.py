"""The one place the program imports Qt from: shows which Qt modules and classes the bundle needs.

Names resolve on first use (PEP 562 ``__getattr__``): PySide6 sets up a class's Python type the first time it
is fetched from its module (``Qt`` alone, with all its enums, takes ~12 ms), so fetching only what the first
screen uses lets the main window's frame paint sooner (benchmarks/bench_gui.py).
"""

from __future__ import annotations

import importlib

_NAMES: dict[str, tuple[str, ...]] = {
    "PySide6.QtCore": (
        "QAbstractTableModel", "QCoreApplication", "QEvent", "QItemSelectionModel", "QLibraryInfo", "QLocale",
        "QModelIndex", "QObject", "QRunnable", "QSettings", "QSize", "Qt", "QThreadPool", "QTimer", "QTranslator",
        "QUrl", "Signal", "Slot", "QT_TRANSLATE_NOOP", "QRegularExpression",
        "QStandardPaths",  # file dialogs start in Documents (ui/dialogs.py)
    ),
    "PySide6.QtGui": (
        "QAction", "QActionGroup", "QBrush", "QCloseEvent", "QColor", "QFont", "QGuiApplication", "QIcon",
        "QKeyEvent", "QKeySequence", "QPalette", "QRegularExpressionValidator", "QShortcut",
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


def __getattr__(name: str):
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r} (add it to _NAMES)")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later lookups skip this function
    return value

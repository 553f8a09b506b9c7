"""The one place the program imports Qt from: shows which Qt modules the bundle needs."""

from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Signal, Slot  # noqa: F401
from PySide6.QtGui import QAction, QKeySequence  # noqa: F401
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox  # noqa: F401

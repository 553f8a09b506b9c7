"""The one place the program imports Qt from: shows which Qt modules the bundle needs."""

from PySide6.QtCore import (  # noqa: F401
    QAbstractTableModel, QCoreApplication, QEvent, QItemSelectionModel, QLibraryInfo, QLocale, QModelIndex,
    QObject, QRunnable, QSettings, QSize, Qt, QThreadPool, QTimer, QTranslator, QUrl, Signal, Slot,
)
from PySide6.QtGui import (  # noqa: F401
    QAction, QActionGroup, QBrush, QCloseEvent, QColor, QFont, QGuiApplication, QIcon, QKeyEvent, QKeySequence,
    QPalette, QRegularExpressionValidator, QShortcut,
)
from PySide6.QtCore import QT_TRANSLATE_NOOP, QRegularExpression  # noqa: F401  (label tables marked for lupdate)
from PySide6.QtWidgets import (  # noqa: F401
    QAbstractItemView, QApplication, QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QFrame,
    QGridLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QMainWindow, QMenu, QMessageBox, QProgressDialog, QPushButton, QRadioButton, QScrollArea, QSizePolicy,
    QSpinBox, QSplitter, QStackedWidget, QStatusBar, QTableView, QTableWidget, QTableWidgetItem, QTabWidget,
    QTextBrowser, QToolButton, QVBoxLayout, QWidget,
)
from PySide6.QtWidgets import QFileDialog  # noqa: F401  (exchange: choose package and workbook files)
from PySide6.QtGui import QImage, QPainter, QPixmap  # noqa: F401  (reports: preview and printing)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # noqa: F401  (reports: print the preview)

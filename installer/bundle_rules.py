"""What the frozen bundle leaves out: one set of rules for build_installer.spec and tools/estimate_windows_size.py.

Two kinds of rule, because PyInstaller offers two places to trim:
- ``EXCLUDES``: Python modules the Analysis must not follow (nothing imports them at run time);
- ``keep(dest)``: a file of the finished Analysis (a Qt plugin, a DLL, a data file) stays or goes, by its path
  in the bundle. Trimming runs after the Analysis, so a DLL needed only by a dropped plugin would still ship:
  such DLLs are named here too (``DROP_FILES``).

Paths are compared with "/" and case-insensitively for file names, so the same rule matches a Linux
build (``PySide6/Qt/plugins/generic/libqtuiotouchplugin.so``) and the Windows wheel the estimate reads
(``PySide6/plugins/generic/qtuiotouchplugin.dll``). Plain Python: no PyInstaller import, testable.
"""

from __future__ import annotations

import re

# Qt modules the program never imports (ui/qt.py lists the used ones).
QT_UNUSED = [
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender", "QtAxContainer",
    "QtBluetooth", "QtCharts", "QtConcurrent", "QtDataVisualization", "QtDBus", "QtDesigner", "QtGraphs",
    "QtGraphsWidgets", "QtHelp", "QtHttpServer", "QtLabsStyleKit", "QtLocation", "QtMultimedia",
    "QtMultimediaWidgets", "QtNetwork", "QtNetworkAuth", "QtNfc", "QtOpenGL", "QtOpenGLWidgets", "QtPdf",
    "QtPdfWidgets", "QtPositioning", "QtQml", "QtQmlFeatures", "QtQuick", "QtQuick3D", "QtQuickControls2",
    "QtQuickTest", "QtQuickWidgets", "QtRemoteObjects", "QtScxml", "QtSensors", "QtSerialBus",
    "QtSerialPort", "QtSpatialAudio", "QtSql", "QtStateMachine", "QtSvgWidgets", "QtTest",
    "QtTextToSpeech", "QtUiTools", "QtWebChannel", "QtWebEngineCore", "QtWebEngineQuick",
    "QtWebEngineWidgets", "QtWebSockets", "QtXml",
]

# Standard-library modules nothing imports at run time (checked: the runtime dependencies import doctest only
# under ``if __name__ == "__main__"``); tkinter would also pull Tcl/Tk.
STDLIB_UNUSED = [
    "tkinter", "_tkinter", "idlelib", "turtledemo", "pydoc", "pydoc_data", "doctest", "unittest", "lib2to3",
    "xmlrpc", "curses", "ensurepip", "venv", "distutils",
]

# SQLAlchemy dialects for servers the program never talks to (SQLite and PostgreSQL stay; alembic.ddl's
# mysql/mssql/oracle modules import these only for type checking).
SQLALCHEMY_UNUSED = ["sqlalchemy.dialects.mysql", "sqlalchemy.dialects.oracle", "sqlalchemy.dialects.mssql"]

EXCLUDES = [f"PySide6.{m}" for m in QT_UNUSED] + STDLIB_UNUSED + SQLALCHEMY_UNUSED + [
    "numpy", "pandas", "matplotlib", "scipy", "IPython",  # optional extras of our deps
    "pytest", "_pytest", "hypothesis", "pdfplumber", "pdfminer", "pytest_qt", "pytestqt",  # tests only
    "PyInstaller", "setuptools", "pkg_resources", "pip",
    "alembic.testing", "mako.ext", "mako.testing", "pygments", "PIL.ImageQt", "PIL.ImageTk",
]

# Qt translations: only Chinese and English.
KEEP_QM = re.compile(r"^qt(base)?_(zh_CN|en)\.qm$")

# Qt plugins with no use here. generic/ (touch input over TUIO, a network protocol) is what pulls QtNetwork in;
# tls/ and networkinformation/ are QtNetwork's own.
DROP_PLUGINS = re.compile(
    r"/plugins/(imageformats/[^/]*(tiff|webp|icns|tga|wbmp|pdf)[^/]*|tls/|networkinformation/|sqldrivers/|"
    r"multimedia/|qmltooling/|designer/|position/|sensors/|generic/|"
    # Other window-system back ends (qwindows draws the window; offscreen stays in the Linux build, whose frozen tests run offscreen), the virtual
    # keyboard (its library is not in PySide6-Essentials, it cannot load) and SVG: the icons are ICO/PNG.
    r"platforms/[^/]*q(direct2d|minimal)[^/]*|platforminputcontexts/|iconengines/|imageformats/[^/]*svg[^/]*)"
)

# Files dropped by name (lower case). opengl32sw.dll: 20 MB software OpenGL, widgets paint with the raster
# engine. The QtNetwork library: after generic/, tls/ and networkinformation/ go, nothing loads it; QtSvg:
# after the SVG icon engine and image format go.
DROP_FILES = {"opengl32sw.dll", "qt6network.dll", "libqt6network.so.6", "qt6svg.dll", "libqt6svg.so.6",
              "qoffscreen.dll"}  # Windows: the installed program always has a desktop; the suite runs from source

# Paths dropped by prefix below any folder (checked against "/" + dest):
DROP_PATHS = re.compile(
    r"/reportlab/fonts/"  # Type-1 fonts for embedding; the reports embed only the program's CJK font
    r"|/PIL/_(avif|webp)\.[^/]*$"  # Pillow codecs for AVIF and WebP (~2 MB); the program reads no such image
    r"|/__pycache__/"  # stale bytecode beside database/ and resources/ in a source checkout
)


def keep(dest: str) -> bool:
    """Does the file at ``dest`` (its path inside the bundle, any separator) ship?"""
    dest = "/" + dest.replace("\\", "/").lstrip("/")
    base = dest.rsplit("/", 1)[-1]
    if DROP_PATHS.search(dest):
        return False
    if "/translations/" in dest and base.endswith(".qm"):
        return bool(KEEP_QM.match(base))
    return not DROP_PLUGINS.search(dest) and base.lower() not in DROP_FILES

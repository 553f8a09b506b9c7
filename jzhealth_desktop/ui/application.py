"""Create the QApplication and the main window (placeholder until the data-entry window lands)."""

from __future__ import annotations

import argparse
import sys

from ..domain.errors import JzError
from ..services.context import open_context
from .qt import QApplication, QLabel, QMainWindow, QTimer


def run(args: argparse.Namespace) -> int:
    try:
        ctx = open_context(args.db)
    except JzError as exc:
        print(f"错误：{exc.zh} / Error: {exc.en}", file=sys.stderr)
        return 1
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("焦作市卫生健康统计")
    window.setCentralWidget(QLabel(f"数据库：{ctx.db.path or ctx.db.url}"))
    window.resize(900, 600)
    window.show()
    if args.smoke:
        QTimer.singleShot(0, app.quit)
    code = app.exec()
    ctx.close()
    return code

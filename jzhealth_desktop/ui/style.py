"""The program's look: one small style sheet (fields marked by validation, greyed last-year values)."""

STYLE_SHEET = """
QLineEdit[role="value"] { padding: 2px 4px; border: 1px solid #b9c2cc; border-radius: 2px; background: white; }
QLineEdit[role="value"]:focus { border: 1px solid #2f6fb5; }
QLineEdit[role="value"][readOnly="true"] { background: #f3f4f6; color: #555; }
QLineEdit[role="value"][total="yes"] { font-style: italic; }
QLineEdit[issue="hard"] { border: 1px solid #c62828; background: #fdecea; }
QLineEdit[issue="soft"] { border: 1px solid #e09b00; background: #fff6dc; }
QLineEdit[issue="soft-ok"] { border: 1px solid #9aa0a6; }  /* explained: neutral, no longer asking */
QLineEdit[issue="need"] { border: 1px solid #e09b00; background: #fff6dc; }
QLabel#lastYear { color: #8a8f96; }
QLabel[role="rate"] { font-weight: bold; color: #1f4e8c; padding-right: 5px; }
QLabel#columnHeader { color: #5b6470; font-weight: bold; }
QLabel#formBanner { background: #d4efd9; border: 1px solid #8cc79a; padding: 6px; }
QLabel#statusBadge { color: #1f4e8c; font-weight: bold; }
QLabel#saveState[dirty="yes"] { color: #b3261e; font-weight: bold; }
QLabel#opening { qproperty-alignment: AlignCenter; color: #5b6470; }
QGroupBox { font-weight: bold; border: 1px solid #d5dae0; border-radius: 4px; margin-top: 12px; padding-top: 6px; }
QGroupBox::title { subcontrol-origin: margin; left: 10px; padding: 0 4px; color: #1f4e8c; }
QGroupBox QLabel, QGroupBox QLineEdit, QGroupBox QToolButton { font-weight: normal; }
QListWidget#domains { font-size: 10.5pt; }
QListWidget#domains::item { padding: 5px 6px; min-height: 22px; }
QListWidget#domains::item:selected { background: #2f6fb5; color: white; }
QListWidget#domains:focus { border: 1px solid #2f6fb5; }
QLabel#fieldNote { color: #3c4650; padding: 2px 6px; }
QLabel#dueBanner:focus { border: 1px dotted #2f6fb5; }
"""

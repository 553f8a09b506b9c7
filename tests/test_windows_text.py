"""Text on a Chinese Windows: the console's encoding when redirected (cp936), CSV for Excel (BOM, CRLF), and no
file opened in the system's default encoding (cp936 there, UTF-8 here: a bug that only Windows would show)."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from jzhealth_desktop.console import stream_encoding
from jzhealth_desktop.services import audit
from jzhealth_desktop.services.exchange import csv_export

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "jzhealth_desktop"


# --- console -------------------------------------------------------------------------------------------

def choose(**overrides):
    given = {"is_console": False, "platform": "win32", "environ": {}, "utf8_mode": False, "ansi_encoding": "cp936"}
    return stream_encoding(**{**given, **overrides})


def test_redirected_on_windows_writes_the_ansi_code_page() -> None:
    assert choose() == ("cp936", "replace")  # `jzhealth ... > out.txt`, then `type out.txt` in cmd


def test_a_windows_console_gets_utf8() -> None:
    assert choose(is_console=True) == ("utf-8", "strict")  # written through the wide-character console API


def test_the_callers_choice_is_kept() -> None:
    assert choose(environ={"PYTHONIOENCODING": "utf-8"}) is None  # the workflow and the tests ask for UTF-8
    assert choose(utf8_mode=True) is None


def test_other_systems_write_utf8() -> None:
    assert choose(platform="linux") == ("utf-8", "strict")
    assert choose(platform="darwin", is_console=True) == ("utf-8", "strict")


# The command line, redirected to a pipe, on a "Chinese Windows": sys.platform and the ANSI code page are
# what such a PC reports, set after the imports (asyncio and platformdirs pick Windows-only modules by it).
WINDOWS_CLI = """
import locale, sys
from jzhealth_desktop.cli import build_parser, main
build_parser()  # imports every command module while the platform is still the real one
sys.platform = "win32"
locale.getpreferredencoding = lambda do_setlocale=True: "cp936"
sys.exit(main(sys.argv[1:]))
"""


def cli_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONIOENCODING", "PYTHONUTF8", "JZHEALTH_DB")}
    return {**env, "PYTHONPATH": str(ROOT), "JZHEALTH_HOME": str(home), "PYTHONUTF8": "0"}


def test_redirected_cli_output_is_cp936_on_chinese_windows(tmp_path: Path, data_home: Path) -> None:
    db = str(tmp_path / "cli.sqlite")
    proc = subprocess.run([sys.executable, "-c", WINDOWS_CLI, "--db", db, "catalogue", "list"],
                          capture_output=True, env=cli_env(data_home))
    assert proc.returncode == 0, proc.stderr.decode("cp936", "replace")
    text = proc.stdout.decode("cp936")  # strict: every byte is cp936
    assert "医疗卫生机构" in text or "机构" in text
    with pytest.raises(UnicodeDecodeError):
        proc.stdout.decode("utf-8")  # and it is not UTF-8 (which a cp936 console would show as mojibake)


def test_a_character_cp936_lacks_does_not_end_the_command(tmp_path: Path, data_home: Path) -> None:
    code = WINDOWS_CLI.replace("sys.exit(main(sys.argv[1:]))",
                               "from jzhealth_desktop.console import configure_output\n"
                               "configure_output()\nprint('焦作 🙂')")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, env=cli_env(data_home))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.rstrip(b"\r\n") == "焦作 ?".encode("cp936")


def test_refusals_reach_a_redirected_stderr_in_cp936(tmp_path: Path, data_home: Path) -> None:
    proc = subprocess.run([sys.executable, "-c", WINDOWS_CLI, "--db", str(tmp_path / "cli.sqlite"), "values", "get",
                           "--org", "999999", "--year", "2021"], capture_output=True, env=cli_env(data_home))
    assert proc.returncode != 0
    message = proc.stderr.decode("cp936")
    assert message.startswith("错误：") and "Traceback" not in message


# --- CSV for Excel ----------------------------------------------------------------------------------------

def test_value_csv_opens_in_excel(demo_ctx, tmp_path: Path) -> None:
    path = tmp_path / "焦作 2021.csv"
    assert csv_export.export_csv(demo_ctx, [2021], None, path) > 0
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # without the BOM, Excel on a Chinese Windows reads it as GBK
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")  # CRLF only


def test_audit_csv_opens_in_excel(demo_ctx, tmp_path: Path) -> None:
    path = tmp_path / "audit.csv"
    assert audit.export_csv(demo_ctx, audit.AuditFilter(), path) > 0
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")


# --- no default encodings ---------------------------------------------------------------------------------

TEXT_CALLS = {"read_text", "write_text"}


def _default_encoding_calls(tree: ast.AST) -> list[int]:
    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        keywords = {k.arg for k in node.keywords}
        if "encoding" in keywords:
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id == "open":
            mode = node.args[1] if len(node.args) > 1 else next((k.value for k in node.keywords if k.arg == "mode"),
                                                                 None)
            binary = isinstance(mode, ast.Constant) and "b" in str(mode.value)
            if not binary:
                lines.append(node.lineno)
        elif isinstance(func, ast.Attribute) and func.attr in TEXT_CALLS:
            lines.append(node.lineno)
        elif isinstance(func, ast.Attribute) and func.attr in ("run", "Popen", "check_output") and (
                "text" in keywords or "universal_newlines" in keywords):
            lines.append(node.lineno)
    return lines


def test_no_file_is_opened_in_the_systems_default_encoding() -> None:
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")) + sorted((ROOT / "tools").glob("*.py")) + [ROOT / "build_installer.spec"]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        offenders += [f"{path.relative_to(ROOT)}:{line}" for line in _default_encoding_calls(tree)]
    assert not offenders, "text I/O without encoding= (cp936 on a Chinese Windows):\n" + "\n".join(offenders)


def test_the_check_finds_a_default_encoding() -> None:
    assert _default_encoding_calls(ast.parse("open(p)\np.read_text()\nopen(p, 'rb')\nsubprocess.run(c, text=True)")) \
        == [1, 2, 4]

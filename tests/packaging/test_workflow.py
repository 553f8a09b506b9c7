"""The Windows workflow, read here since nobody can run windows-latest locally: zizmor and the workflow schema
are clean, and the steps that make the first real run pass are there (NSIS retry, uninstall leaves no program
file and keeps the data, the setup and the test log are uploaded)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
INSTALLER = ROOT / ".github" / "workflows" / "windows-installer.yml"


def tool(name: str) -> str | None:
    """A console script of this environment (Scripts\\ on Windows, bin/ elsewhere), else one on PATH."""
    scripts = Path(sysconfig.get_path("scripts"))
    for candidate in (scripts / name, scripts / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    return shutil.which(name)


def steps() -> dict[str, dict]:
    jobs = yaml.safe_load(INSTALLER.read_text(encoding="utf-8"))["jobs"]
    return {step.get("name", step.get("uses", "")): step for job in jobs.values() for step in job["steps"]}


def test_there_are_workflows_to_check() -> None:
    assert INSTALLER in WORKFLOWS


def test_zizmor_finds_nothing() -> None:
    zizmor = tool("zizmor")
    if zizmor is None:
        pytest.skip("zizmor is not installed (pip install -e '.[test]' installs it)")
    # --offline: the audits that ask GitHub's API need a token and the network; the rest run here.
    proc = subprocess.run([zizmor, "--offline", "--no-progress", "--persona", "auditor", *map(str, WORKFLOWS)],
                          capture_output=True, text=True, encoding="utf-8", errors="replace", cwd=ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_workflows_match_the_github_schema() -> None:
    if tool("check-jsonschema") is None:
        pytest.skip("check-jsonschema is not installed (pip install -e '.[test]' installs it)")
    proc = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
                           *map(str, WORKFLOWS)], capture_output=True, text=True, encoding="utf-8", errors="replace")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_every_action_is_pinned_to_a_commit() -> None:
    for workflow in WORKFLOWS:
        for uses in re.findall(r"uses:\s*(\S+)", workflow.read_text(encoding="utf-8")):
            assert re.fullmatch(r"[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}", uses), f"{workflow.name}: {uses}"


def test_nsis_install_is_retried_once() -> None:
    script = steps()["Install NSIS"]["run"]
    assert len(re.findall(r"^\s*choco install nsis", script, re.M)) == 2
    retry = script.index("if ($LASTEXITCODE -ne 0)")
    assert "Start-Sleep" in script[retry:] and "throw" in script[retry:]


def test_uninstall_runs_from_outside_and_leaves_no_program_file() -> None:
    script = steps()["Upgrade in place, then uninstall keeping the data"]["run"]
    # a copy outside the install folder, told the folder with _?=, as uninstall.exe does itself
    copy = re.search(r"Copy-Item \(Join-Path \$inst 'uninstall.exe'\) (\$\w+)", script)
    assert copy, "the uninstaller must run from outside the folder it deletes"
    assert re.search(rf"Start-Process -FilePath \{copy.group(1)} -ArgumentList '/S', \"_\?=\$inst\" -Wait", script)
    assert re.search(r"if \(Test-Path \$inst\) \{", script), "the whole install folder must be gone"
    assert "throw 'the silent uninstall deleted the data" in script
    assert "the uninstall changed the store" in script


def test_setup_and_test_log_are_uploaded() -> None:
    uploads = [s for s in steps().values() if s.get("uses", "").startswith("actions/upload-artifact@")]
    paths = "\n".join(str(s["with"]["path"]) for s in uploads)
    assert "steps.nsis.outputs.path" in paths
    assert "test-log.txt" in paths
    log_upload = next(s for s in uploads if "test-log.txt" in str(s["with"]["path"]))
    assert "cancelled()" in log_upload["if"] and "!" in log_upload["if"]  # also when the tests failed
    assert "Tee-Object -FilePath test-log.txt" in steps()["Tests"]["run"]


def test_no_step_expands_an_expression_inside_a_script() -> None:
    # values from earlier steps reach scripts through env:, never spliced into the code
    for step in steps().values():
        assert "${{" not in step.get("run", ""), step.get("name")


def test_offscreen_qt_on_windows_has_fonts() -> None:
    env = steps()["Tests"]["env"]
    assert env["QT_QPA_PLATFORM"] == "offscreen"
    assert env["QT_QPA_FONTDIR"] == "C:\\Windows\\Fonts"

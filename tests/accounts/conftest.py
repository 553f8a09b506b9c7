"""Fixtures for accounts, workflow, audit and backup tests."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from jzhealth_desktop.services import passwords, workflow
from jzhealth_desktop.services.context import open_context

OWN, OTHER = "410821", "410822"
YEAR = 2021


@pytest.fixture(autouse=True)
def quick_kdf(monkeypatch: pytest.MonkeyPatch):
    """scrypt at N=2^12 so the many sign-ins here take milliseconds; test_passwords checks the real cost."""
    monkeypatch.setattr(passwords, "COST_N", 2 ** 12)


def _copy(src: Path, dst: Path) -> Path:
    a, b = sqlite3.connect(src), sqlite3.connect(dst)
    a.backup(b)
    a.close()
    b.close()
    return dst


@pytest.fixture(scope="session")
def flow_template(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo store with, for both test counties: telemedicine submitted, immunization approved."""
    folder = tmp_path_factory.mktemp("flow")
    path = _copy(demo_template, folder / "flow.sqlite")
    import os

    os.environ["JZHEALTH_HOME"] = str(folder)
    ctx = open_context(str(path), user="setup")
    for org in (OWN, OTHER):
        workflow.submit(ctx, org, YEAR, "telemedicine")
        workflow.submit(ctx, org, YEAR, "immunization")
        workflow.approve(ctx, org, YEAR, "immunization")
    ctx.close()
    del os.environ["JZHEALTH_HOME"]
    return path


@pytest.fixture
def flow_path(flow_template: Path, tmp_path: Path) -> Path:
    return _copy(flow_template, tmp_path / "flow.sqlite")


@pytest.fixture
def flow_ctx(flow_path: Path):
    ctx = open_context(str(flow_path), user="测试员")
    yield ctx
    ctx.close()


class FakeClock:
    """A clock the test moves by hand (lockout delays without sleeping)."""

    def __init__(self, start: datetime = datetime(2022, 3, 1, 9, 0)):
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kw) -> None:
        self.now += timedelta(**kw)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()

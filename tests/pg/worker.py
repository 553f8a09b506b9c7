"""One clerk or reviewer process of the concurrency test (run by test_concurrency.py with sys.executable).

Usage: worker.py URL NAME KIND ROUNDS
  KIND counter  read eldercare, save ec_beds + 1 with the stamps read (optimistic concurrency)
  KIND editor   the same on imm_clinics of the immunization form, which the reviewer keeps approving
  KIND reviewer submit → approve → reopen the immunization form, over and over
Prints "ready", waits for a line on stdin, works, then prints one JSON line per committed change and a summary.
"""

from __future__ import annotations

import json
import sys

from jzhealth_desktop.domain.errors import InputError
from jzhealth_desktop.services import workflow
from jzhealth_desktop.services.context import open_context
from jzhealth_desktop.services.forms import ConflictError, read_form, save_form
from jzhealth_desktop.store.engine import StoreBusy

ORG, YEAR = "410821", 2021
TARGETS = {"counter": ("eldercare", "ec_beds"), "editor": ("immunization", "imm_clinics")}


def emit(**row) -> None:
    print(json.dumps(row, ensure_ascii=False), flush=True)


def edit(ctx, name: str, kind: str, rounds: int, tally: dict) -> None:
    domain, code = TARGETS[kind]
    for _ in range(rounds):
        form = read_form(ctx, ORG, YEAR, domain)
        old = form.values[code]
        try:
            save_form(ctx, ORG, YEAR, domain, {code: str(old + 1)}, base=form.stamps)
        except ConflictError:
            tally["conflicts"] += 1
        except StoreBusy:
            tally["busy"] += 1
        except InputError as exc:
            if "审核通过并锁定" not in exc.zh:
                raise
            tally["locked"] += 1
        else:
            tally["saved"] += 1
            emit(event="value", user=name, code=code, old=str(old), new=str(old + 1))


def review(ctx, name: str, rounds: int, tally: dict) -> None:
    steps = [("submit", workflow.submit), ("approve", workflow.approve), ("reopen", workflow.reopen)]
    for i in range(rounds * len(steps)):
        action, step = steps[i % len(steps)]
        try:
            status = step(ctx, ORG, YEAR, "immunization", "复核") if action == "reopen" \
                else step(ctx, ORG, YEAR, "immunization")
        except workflow.WorkflowError:
            tally["refused"] += 1
        except StoreBusy:
            tally["busy"] += 1
        else:
            tally[action] += 1
            emit(event="status", user=name, action=action, new=status.status)


def main() -> None:
    url, name, kind, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    ctx = open_context(url, user=name)
    tally = {"saved": 0, "conflicts": 0, "locked": 0, "busy": 0, "refused": 0, "submit": 0, "approve": 0, "reopen": 0}
    print("ready", flush=True)
    sys.stdin.readline()
    try:
        review(ctx, name, rounds, tally) if kind == "reviewer" else edit(ctx, name, kind, rounds, tally)
    finally:
        ctx.close()
    emit(event="summary", user=name, kind=kind, **tally)


if __name__ == "__main__":
    main()

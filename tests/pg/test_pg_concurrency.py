"""Several processes saving and approving against one PostgreSQL store at once.

Afterwards: every committed change a process reported is in the audit log exactly once, the audit chain of
each figure is unbroken (each change starts from the previous one's result), the final figure equals the
start plus the committed increments (no lost update), and no figure changed while its form was approved.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

from sqlalchemy import select

from jzhealth_desktop.services.context import open_context
from jzhealth_desktop.services.forms import read_form
from jzhealth_desktop.store.models import AuditEntry

WORKER = Path(__file__).with_name("worker.py")
ORG, YEAR = "410821", 2021
PLAN = [("c1", "counter"), ("c2", "counter"), ("c3", "counter"), ("e1", "editor"), ("e2", "editor"),
        ("r1", "reviewer")]
ROUNDS = 25


def run_workers(url: str) -> list[dict]:
    procs = [subprocess.Popen([sys.executable, str(WORKER), url, name, kind, str(ROUNDS)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
             for name, kind in PLAN]
    for proc in procs:  # every process has opened the store before any starts working
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
    for proc in procs:
        proc.stdin.write("go\n")
        proc.stdin.flush()
    events = []
    for proc in procs:
        out, err = proc.communicate()
        assert proc.returncode == 0, err
        events += [json.loads(line) for line in out.splitlines() if line.strip()]
    return events


def test_concurrent_saves_and_approvals_lose_nothing(pg_demo_url: str):
    ctx = open_context(pg_demo_url, user="检查")
    start = {"ec_beds": read_form(ctx, ORG, YEAR, "eldercare").values["ec_beds"],
             "imm_clinics": read_form(ctx, ORG, YEAR, "immunization").values["imm_clinics"]}
    with ctx.db.read() as s:
        first_new_id = (s.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1)) or 0) + 1

    events = run_workers(pg_demo_url)

    summaries = {e["user"]: e for e in events if e["event"] == "summary"}
    assert set(summaries) == {name for name, _ in PLAN}
    committed = [e for e in events if e["event"] == "value"]
    with ctx.db.read() as s:
        audit = s.scalars(select(AuditEntry).where(AuditEntry.id >= first_new_id).order_by(AuditEntry.id)).all()
    final = {"ec_beds": read_form(ctx, ORG, YEAR, "eldercare").values["ec_beds"],
             "imm_clinics": read_form(ctx, ORG, YEAR, "immunization").values["imm_clinics"]}
    ctx.close()

    # every committed change is in the audit log, once; nothing is in the log that no process committed
    logged = Counter((a.user_name, a.subject, a.old_text, a.new_text) for a in audit if a.action == "value")
    reported = Counter((e["user"], e["code"], e["old"], e["new"]) for e in committed)
    assert logged == reported
    # no lost update: each figure moved by exactly its committed increments, along an unbroken chain
    for code in ("ec_beds", "imm_clinics"):
        chain = [a for a in audit if a.action == "value" and a.subject == code]
        assert final[code] == start[code] + len(chain)
        assert [a.old_text for a in chain] == [str(start[code])] + [a.new_text for a in chain[:-1]]
    # approve vs edit: replaying the log in commit order, no figure changed while its form was approved
    status = "draft"
    for a in audit:
        if a.action == "status" and a.subject == "immunization":
            status = a.new_text
        elif a.action == "value" and a.subject == "imm_clinics":
            assert status != "approved", f"imm_clinics changed to {a.new_text} while approved"
    # a clerk's change to a submitted or returned form puts it back to draft (logged as a status change too)
    status_logged = Counter(a.new_text for a in audit
                            if a.action == "status" and a.subject == "immunization" and a.new_text != "draft")
    reviews = summaries["r1"]
    assert status_logged == Counter({"submitted": reviews["submit"], "approved": reviews["approve"],
                                     "returned": reviews["reopen"]})

    totals = Counter()
    for s in summaries.values():
        totals.update({k: v for k, v in s.items() if isinstance(v, int)})
    # the races really happened: some saves were refused as conflicts, some edits hit an approved form
    assert totals["saved"] > 0 and totals["conflicts"] > 0 and totals["approve"] > 0
    assert totals["busy"] == 0
    print(f"\nconcurrency: {len(PLAN)} processes, {totals['saved'] + totals['conflicts'] + totals['locked']} save "
          f"attempts, {totals['saved']} committed, {totals['conflicts']} refused as conflicts, {totals['locked']} refused "
          f"as approved, {totals['submit']}/{totals['approve']}/{totals['reopen']} submit/approve/reopen, "
          f"{totals['refused']} workflow steps refused, {len(audit)} audit rows checked")

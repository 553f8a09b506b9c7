"""Writing a move of the submission state machine (domain/submission.py) onto its store row.

The version rule and the shape of the status audit row live here once, for the workflow actions,
the back-to-draft of a save and the import.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ..domain.submission import next_version
from ..store.models import Submission


def apply(sub: Submission, target: str, user: str, now: datetime, reason: str | None = None) -> str:
    """Put ``sub`` into ``target`` (a reason of None keeps the row's reason); returns the state it left."""
    old = sub.status
    sub.status, sub.changed_by, sub.changed_at = target, user, now
    if reason is not None:
        sub.reason = reason
    sub.version = next_version(sub.version)
    return old


def audit_row(org: str, year: int, domain: str, old: str, new: str, user: str, source: str, detail: str) -> dict[str, Any]:
    """The audit row every status change writes (action "status", subject = the domain)."""
    return {"user_name": user, "action": "status", "org_code": org, "year": year, "subject": domain,
            "old_text": old, "new_text": new, "source": source, "detail": detail}

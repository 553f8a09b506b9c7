"""The package format: member names, limits and the manifest that vouches for the data members."""

from __future__ import annotations

import re

from ...domain.submission import STORED

FORMAT = "jzhpkg"
FORMAT_VERSION = 2  # 2: signed (signature.json); 1 was unsigned and is refused
SUFFIX = ".jzhpkg"

MANIFEST = "manifest.json"
VALUES = "values.json"
SUBMISSIONS = "submissions.json"
TARGETS = "targets.json"
CONTEXT = "context.json"  # the previous year's figures of the same units: shown at import, never written
DATA_MEMBERS = (VALUES, SUBMISSIONS, TARGETS, CONTEXT)
SIGNATURE = "signature.json"  # {"algorithm": "Ed25519", "signature": base64}, over manifest.json's exact bytes

# Sane limits: a county-year is a few hundred values (tens of kB); a city's whole history well under these.
MAX_FILE = 64 * 1024 * 1024
MAX_MEMBER = 48 * 1024 * 1024
MAX_TOTAL = 96 * 1024 * 1024
MAX_RATIO = 200  # our JSON compresses ~10×; a zip bomb compresses thousands of times
RATIO_FLOOR = 64 * 1024  # tiny members may compress well; they cannot hurt

STATUSES = STORED  # the states a package may name
COMPARISONS = (">=", "<=", "~", "=")
SHA256 = re.compile(r"[0-9a-f]{64}")

# Keys each row must have, exactly.
VALUE_KEYS = frozenset({"org", "year", "code", "value", "comment"})
CONTEXT_KEYS = frozenset({"org", "year", "code", "value"})
SIGNATURE_KEYS = frozenset({"algorithm", "signature"})
STATION_KEYS = frozenset({"kind", "org", "operator", "public_key"})
STATUS_KEYS = frozenset({"org", "year", "domain", "status", "reason"})
TARGET_KEYS = frozenset({"org", "year", "code", "value", "comparison"})
MANIFEST_KEYS = frozenset({"format", "format_version", "program_version", "catalogue_version", "station",
                           "org", "years", "created", "counts", "members"})

"""Exchange fixtures: a county station and a city station, each a real SQLite file in tmp_path."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest

from jzhealth_desktop.services.context import open_context
from jzhealth_desktop.services.station import configure_station
from jzhealth_desktop.store.models import Submission

COUNTY = "410802"  # 解放区
OTHER = "410803"  # 中站区
YEAR = 2021
NAMED = ("immunization", "eldercare", "telemedicine")  # the three domains the seed pages name


def file_sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def set_status(ctx, org: str, year: int, domain: str, status: str, reason: str = "") -> None:
    """Test set-up only: put a submission in a state the review workflow would."""
    from jzhealth_desktop.store.repo import utcnow

    with ctx.db.write() as session:
        row = session.get(Submission, (org, year, domain))
        if row is None:
            row = Submission(org_code=org, year=year, domain_code=domain, version=1)
            session.add(row)
        row.status, row.reason, row.changed_by, row.changed_at = status, reason, "审核员", utcnow()


@pytest.fixture
def county_path(demo_path: Path) -> Path:
    """A county station (解放区) holding the demo figures, one domain submitted, with comments."""
    ctx = open_context(str(demo_path), user="县统计员")
    try:
        configure_station(ctx, "county", COUNTY, "县统计员")
        from jzhealth_desktop.services.forms import save_form

        save_form(ctx, COUNTY, YEAR, "eldercare", {"ec_beds": "260"}, {"ec_beds": "新建两家医养中心，床位增加"})
        set_status(ctx, COUNTY, YEAR, "immunization", "submitted")
    finally:
        ctx.close()
    return demo_path


@pytest.fixture
def county_ctx(county_path: Path):
    ctx = open_context(str(county_path), user="县统计员")
    yield ctx
    ctx.close()


def trust_key_of(county: Path, city: Path) -> None:
    """Keep the county station's key at the city, as a first import after checking the fingerprint would."""
    from jzhealth_desktop.services.exchange.trust import PEER_PREFIX
    from jzhealth_desktop.services.station import own_public_key
    from jzhealth_desktop.store.sync import put_setting

    ctx = open_context(str(county))
    try:
        public = own_public_key(ctx)
    finally:
        ctx.close()
    ctx = open_context(str(city))
    try:
        with ctx.db.write() as session:
            put_setting(session, PEER_PREFIX + COUNTY, public)
    finally:
        ctx.close()


@pytest.fixture
def city_path(tmp_path: Path, request) -> Path:
    """The city station; when the test has the county station too, the city already keeps the county's key
    (tests marked ``first_contact`` start without it)."""
    path = tmp_path / "city.sqlite"
    ctx = open_context(str(path), user="市审核员")
    try:
        configure_station(ctx, "city", None, "市审核员")
    finally:
        ctx.close()
    if "county_path" in request.fixturenames and not request.node.get_closest_marker("first_contact"):
        trust_key_of(request.getfixturevalue("county_path"), path)
    return path


@pytest.fixture
def city_ctx(city_path: Path):
    ctx = open_context(str(city_path), user="市审核员")
    yield ctx
    ctx.close()


# The county station's signing key, set by the ``package`` fixture: ``repack`` signs with it, as a county
# station that exported a malformed package would (the content checks are what those tests are about).
SIGNER: dict[str, str] = {}


@pytest.fixture
def package(county_ctx) -> bytes:
    from jzhealth_desktop.services.exchange import build_package
    from jzhealth_desktop.services.station import signing_key

    SIGNER["key"] = signing_key(county_ctx)
    return build_package(county_ctx, COUNTY, [YEAR])


def trusted_key(preview) -> str | None:
    """The fingerprint a reviewer confirms on the first import from a county (None when nothing to confirm)."""
    return preview.signer.fingerprint if preview.signer is not None else None


def members_of(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {info.filename: zf.read(info) for info in zf.infolist()}


def repack(members: dict[str, bytes], *, manifest: dict | None = None, fix_checksums: bool = True,
           infos: dict[str, dict] | None = None, extra: list[tuple[str, bytes, dict]] | None = None,
           sign: str | None = "county") -> bytes:
    """A package from raw members: ``manifest`` overrides keys, checksums recomputed unless told not to; signed
    again with the county's key (``sign="county"``), another private key, or not at all (None: the old
    signature stays, so an edited manifest no longer matches it)."""
    from jzhealth_desktop.services.exchange.signing import public_key
    from jzhealth_desktop.services.exchange.signing import sign as make_signature

    members = dict(members)
    doc = json.loads(members["manifest.json"])
    if fix_checksums:
        doc["members"] = {n: hashlib.sha256(b).hexdigest() for n, b in members.items()
                          if n != "manifest.json" and n in doc["members"]}
    if manifest:
        doc.update(manifest)
    if sign is not None:
        key = SIGNER["key"] if sign == "county" else sign
        doc["station"] = dict(doc["station"], public_key=public_key(key))
    members["manifest.json"] = json.dumps(doc, ensure_ascii=False).encode()
    if sign is not None and "signature.json" in members:
        members["signature.json"] = json.dumps(
            {"algorithm": "Ed25519", "signature": make_signature(key, members["manifest.json"])}).encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            for key, value in (infos or {}).get(name, {}).items():
                setattr(info, key, value)
            zf.writestr(info, data)
        for name, data, attrs in extra or []:
            info = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
            for key, value in attrs.items():
                setattr(info, key, value)
            zf.writestr(info, data)
    return buffer.getvalue()


def with_rows(data: bytes, member: str, edit, manifest: dict | None = None) -> bytes:
    """The package with ``member``'s rows changed by ``edit(rows) -> rows``; checksums and counts kept right."""
    members = members_of(data)
    rows = edit(json.loads(members[member]))
    members[member] = json.dumps(rows).encode()  # \u escapes: lets tests plant lone surrogates
    doc = json.loads(members["manifest.json"])
    key = {"values.json": "values", "submissions.json": "submissions", "targets.json": "targets",
           "context.json": "context"}[member]
    counts = dict(doc["counts"], **{key: len(rows)})
    return repack(members, manifest={"counts": counts, **(manifest or {})})

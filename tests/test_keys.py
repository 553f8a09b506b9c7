"""Station signing keys (issue 13): made at set-up or at the first export, shown in 关于, listed by the CLI."""

from __future__ import annotations

import re

from jzhealth_desktop.cli import main
from jzhealth_desktop.services.context import open_context
from jzhealth_desktop.services.exchange.signing import fingerprint, new_private_key, public_key, same_fingerprint, sign, verify
from jzhealth_desktop.services.station import SIGNING_KEY, configure_station, own_fingerprint


def test_set_up_makes_a_key_and_about_shows_its_fingerprint(tmp_path):
    from jzhealth_desktop.ui.help import about_text

    ctx = open_context(str(tmp_path / "county.sqlite"))
    try:
        assert own_fingerprint(ctx, create=False) == ""
        configure_station(ctx, "county", "410802", "县统计员")
        shown = own_fingerprint(ctx, create=False)
        assert re.fullmatch(r"([0-9A-F]{4} ){7}[0-9A-F]{4}", shown)
        assert shown in about_text(ctx)
        configure_station(ctx, "county", "410802", "另一位统计员")  # set-up again keeps the key
        assert own_fingerprint(ctx, create=False) == shown
    finally:
        ctx.close()


def test_existing_station_gets_its_key_at_the_first_export(tmp_path, capsys):
    path = tmp_path / "old.sqlite"
    ctx = open_context(str(path))
    try:
        configure_station(ctx, "county", "410802", "县统计员")
        from jzhealth_desktop.store.models import Setting

        with ctx.db.write() as session:  # a station set up before packages were signed
            session.delete(session.get(Setting, SIGNING_KEY))
        from jzhealth_desktop.services.forms import save_form

        save_form(ctx, "410802", 2021, "eldercare", {"ec_beds": "5"})
    finally:
        ctx.close()
    assert main(["--db", str(path), "keys", "list"]) == 0
    assert "尚无密钥" in capsys.readouterr().out
    assert main(["--db", str(path), "export", "--org", "410802", "--year", "2021", "-o", str(tmp_path / "p.jzhpkg")]) == 0
    capsys.readouterr()
    assert main(["--db", str(path), "keys", "fingerprint"]) == 0
    assert re.search(r"([0-9A-F]{4} ){7}[0-9A-F]{4}", capsys.readouterr().out)


def test_signatures_cover_every_byte():
    key = new_private_key()
    data = b'{"members":{"values.json":"..."}}'
    signature = sign(key, data)
    assert verify(public_key(key), signature, data)
    for i in range(len(data)):
        changed = data[:i] + bytes([data[i] ^ 1]) + data[i + 1:]
        assert not verify(public_key(key), signature, changed)
    assert not verify(public_key(new_private_key()), signature, data)
    assert not verify("not a key", signature, data) and not verify(public_key(key), "@@", data)


def test_fingerprints_compare_as_read_out():
    public = public_key(new_private_key())
    shown = fingerprint(public)
    assert same_fingerprint(shown.lower().replace(" ", "-"), public)
    assert not same_fingerprint(shown[:-1] + ("0" if shown[-1] != "0" else "1"), public)
    assert not same_fingerprint("", public)

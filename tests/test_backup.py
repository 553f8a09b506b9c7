import sqlite3

from jzhealth_desktop.services.backup import auto_backup
from jzhealth_desktop.services.forms import save_values


def test_backup_is_a_consistent_copy_and_old_ones_are_pruned(ctx, data_home):
    save_values(ctx, "410821", 2021, {"ec_investment": "8465.01"})
    made = [auto_backup(ctx, f"test{i}", keep=3) for i in range(5)]
    kept = sorted((data_home / "backups").glob("store-*.sqlite"))
    assert kept == sorted(made[-3:])
    conn = sqlite3.connect(made[-1])
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conn.execute("SELECT num, scale FROM data_value WHERE indicator_code='ec_investment'").fetchone() == (846501, 2)
    conn.close()

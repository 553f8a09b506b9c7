"""Start-up of the frozen program against the source run, same machine, same store.

    python benchmarks/bench_frozen.py [--dist FOLDER]    (without --dist: freezes into a temp folder first)

Each run is a new process that starts, opens the store, shows the main window and exits (``--smoke``,
offscreen). Target (issue 7): frozen ≤ 2× the source run. Floor: a bare ``python -c pass`` from the
same run. "first" is the first run of each (coldest caches this run can get without root); "median" of
the next RUNS.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 7


def timed(cmd: list[str], env: dict[str, str], cwd: Path) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{cmd[0]} failed ({proc.returncode}): {proc.stderr.decode(errors='replace')[-2000:]}")
    return elapsed


def measure(cmd: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float]:
    first = timed(cmd, env, cwd)
    return first, statistics.median(timed(cmd, env, cwd) for _ in range(RUNS))


def freeze(into: Path) -> Path:
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(into / "dist"), "--workpath", str(into / "work"),
                    str(ROOT / "build_installer.spec")], check=True, cwd=ROOT)
    return into / "dist" / "jzhealth-desktop"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, help="an existing PyInstaller folder (default: freeze now)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        dist = args.dist or freeze(tmp_path / "build")
        exe = dist / ("jzhealth-desktop.exe" if sys.platform == "win32" else "jzhealth-desktop")
        home = tmp_path / "home"
        home.mkdir()
        env = {k: v for k, v in os.environ.items() if k not in ("JZHEALTH_DB", "PYTHONPATH")}
        env.update(JZHEALTH_HOME=str(home), QT_QPA_PLATFORM="offscreen")
        store = str(home / "bench.sqlite")
        # create the store once, so every run below opens it (start-up, not migrations)
        timed([sys.executable, "-m", "jzhealth_desktop.app", "--db", store, "--smoke"], env, ROOT)
        rows = [
            ("floor: python -c pass", measure([sys.executable, "-c", "pass"], env, tmp_path)),
            ("source: python -m jzhealth_desktop.app --smoke",
             measure([sys.executable, "-m", "jzhealth_desktop.app", "--db", store, "--smoke"], env, ROOT)),
            ("frozen: jzhealth-desktop --smoke", measure([str(exe), "--db", store, "--smoke"], env, tmp_path)),
        ]
    floor = rows[0][1][1]
    print(f"{'start-up (s)':<50} {'first':>7} {'median':>7} {'÷ floor':>8}")
    for name, (first, median) in rows:
        print(f"{name:<50} {first:7.3f} {median:7.3f} {median / floor:8.1f}")
    (sf, sm), (ff, fm) = rows[1][1], rows[2][1]
    print(f"\nfrozen ÷ source: first {ff / sf:.2f}×, median {fm / sm:.2f}× (target ≤ 2×)")


if __name__ == "__main__":
    main()

"""Size of the PyInstaller folder by top-level component: on disk and zip-compressed.

    python tools/size_report.py dist/jzhealth-desktop [--setup dist/jzhealth-desktop-0.1.0-setup.exe] [--json]

A component is one entry of the runtime folder (``_internal/PySide6``, ``_internal/sqlalchemy``, …);
entries under 1 MB are pooled as "other". Compressed = the sum of each file deflated at zip's default
level, which is what a zip of the folder would weigh (the NSIS setup uses solid LZMA and is smaller).
"""

from __future__ import annotations

import argparse
import json
import sys
import zlib
from pathlib import Path

SMALL = 1_000_000


def _file_sizes(path: Path) -> tuple[int, int, int]:
    """(files, bytes on disk, deflated bytes) of a file or a folder."""
    files = raw = packed = 0
    # symlinks (Linux builds link Qt's libraries into the top folder) would count the same bytes twice
    if path.is_symlink():
        return 0, 0, 0
    for f in [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file() and not p.is_symlink()):
        data = f.read_bytes()
        files += 1
        raw += len(data)
        packed += len(zlib.compress(data, 6))
    return files, raw, packed


def components(folder: Path) -> list[dict]:
    """One row per top-level component, largest first; the small ones pooled into "other"."""
    runtime = folder / "_internal"
    entries = [p for p in folder.iterdir() if p.name != "_internal"]
    entries += list(runtime.iterdir()) if runtime.is_dir() else []
    rows, other = [], {"component": "other (< 1 MB each)", "files": 0, "bytes": 0, "zipped": 0}
    for entry in entries:
        files, raw, packed = _file_sizes(entry)
        name = str(entry.relative_to(folder)).replace("\\", "/")
        if raw < SMALL:
            other["files"] += files
            other["bytes"] += raw
            other["zipped"] += packed
        else:
            rows.append({"component": name, "files": files, "bytes": raw, "zipped": packed})
    rows.sort(key=lambda r: r["bytes"], reverse=True)
    return rows + ([other] if other["files"] else [])


def report(folder: Path, setup: Path | None = None) -> dict:
    rows = components(folder)
    total = {key: sum(r[key] for r in rows) for key in ("files", "bytes", "zipped")}
    result = {"folder": str(folder), "components": rows, "total": total}
    if setup is not None:
        result["setup"] = {"file": setup.name, "bytes": setup.stat().st_size}
    return result


def _mb(n: int) -> str:
    return f"{n / 1e6:.1f}"


def as_table(result: dict) -> str:
    lines = ["| component | files | MB | zipped MB |", "| --- | ---: | ---: | ---: |"]
    for r in result["components"]:
        lines.append(f"| {r['component']} | {r['files']} | {_mb(r['bytes'])} | {_mb(r['zipped'])} |")
    t = result["total"]
    lines.append(f"| **total** | {t['files']} | {_mb(t['bytes'])} | {_mb(t['zipped'])} |")
    if "setup" in result:
        lines.append(f"\nsetup file {result['setup']['file']}: {_mb(result['setup']['bytes'])} MB")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="the PyInstaller folder, e.g. dist/jzhealth-desktop")
    parser.add_argument("--setup", type=Path, help="the NSIS setup file, to print its size too")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not args.folder.is_dir():
        print(f"{args.folder}: not a folder", file=sys.stderr)
        return 1
    result = report(args.folder, args.setup)
    print(json.dumps(result, indent=2) if args.json else as_table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())

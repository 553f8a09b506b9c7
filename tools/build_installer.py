"""Turn the PyInstaller folder into the NSIS setup file: ``jzhealth-desktop-<version>-setup.exe``.

    pyinstaller --noconfirm build_installer.spec
    python tools/build_installer.py [--dist dist/jzhealth-desktop] [--out dist]

Writes the version defines (tools/version_info.py) and runs ``makensis`` on
``installer/jzhealth-desktop.nsi``. makensis also runs on Linux (Debian's ``nsis``): there it only
proves the script compiles, since the folder holds Linux binaries.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import version_info  # noqa: E402

ROOT = version_info.ROOT
SCRIPT = ROOT / "installer" / "jzhealth-desktop.nsi"


def find_makensis() -> str | None:
    found = shutil.which("makensis")
    if found:
        return found
    for base in (os.environ.get("ProgramFiles(x86)"), os.environ.get("ProgramFiles")):
        if base and (Path(base) / "NSIS" / "makensis.exe").exists():
            return str(Path(base) / "NSIS" / "makensis.exe")
    return None


def setup_name(version: str) -> str:
    return f"{version_info.EXE_NAME}-{version}-setup.exe"


def build(dist: Path, out_dir: Path, version: str | None = None, makensis: str | None = None,
          verbosity: int = 2, compressor: str | None = None) -> Path:
    """Compile the installer; returns the setup file. Raises RuntimeError with makensis's output on failure.

    ``compressor="none"`` is for quick compile checks only; the release uses the script's solid LZMA.
    """
    version = version or version_info.package_version()
    makensis = makensis or find_makensis()
    if makensis is None:
        raise RuntimeError("makensis not found: install NSIS (Debian: apt install nsis; Windows: choco install nsis)")
    if not dist.is_dir() or not any(dist.iterdir()):
        raise RuntimeError(f"{dist} is missing or empty: run `pyinstaller build_installer.spec` first")
    out_dir.mkdir(parents=True, exist_ok=True)
    nsh = version_info.write_nsh(out_dir / "nsis-build" / "version.nsh", version)
    target = out_dir / setup_name(version)
    cmd = [
        makensis, f"-V{verbosity}", "-INPUTCHARSET", "UTF8",
        f"-DVERSION_NSH={nsh.resolve()}", f"-DDIST_DIR={dist.resolve()}", f"-DOUT_FILE={target.resolve()}",
    ]
    if compressor:
        cmd.append(f"-DCOMPRESSOR={compressor}")
    cmd.append(str(SCRIPT))
    proc = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", errors="replace")
    if proc.returncode != 0 or not target.exists():
        raise RuntimeError(f"makensis failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist" / version_info.EXE_NAME,
                        help="the PyInstaller folder (default: dist/jzhealth-desktop)")
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="where to write the setup file")
    parser.add_argument("--makensis", help="path to makensis (default: on PATH or in Program Files)")
    args = parser.parse_args()
    try:
        target = build(args.dist, args.out, makensis=args.makensis)
    except RuntimeError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"{target}  {target.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

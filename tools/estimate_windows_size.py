"""Estimate the Windows setup file's size from here (Linux): the bundle rebuilt from the Windows wheels.

    python tools/estimate_windows_size.py [--freeze DIR] [--wheels DIR] [--work DIR] [--json]

Needs the network to the package index (once: wheels are kept in --wheels), NSIS's makensis, and
``pip install -e ".[estimate]"`` (PyInstaller, pefile). Steps:

1. ``pip download --platform win_amd64 --python-version 3.11 --only-binary=:all:`` the runtime
   dependencies (pyproject's ``dependencies``, the PostgreSQL driver, and PyInstaller for its bootloaders).
2. Freeze here with build_installer.spec (or reuse ``--freeze``): the Analysis decides which Python
   modules and data files ship, and those are the same on Windows (bytecode and data are portable).
3. Replace the Linux binaries by Windows ones: each extension module by its ``.pyd`` from the wheels; the
   Qt libraries by the closure of the DLL imports (read with pefile) of the Qt modules ui/qt.py uses and of
   the Qt plugins PyInstaller collects for them; the exes by PyInstaller's Windows bootloaders. Every file
   passes installer/bundle_rules.py's ``keep`` — the rules the spec applies. A kept DLL importing a dropped
   one is reported (the frozen program would fail to load it).
4. The CPython runtime itself (python311.dll, the standard library's extension modules, OpenSSL, SQLite,
   libffi) is not on PyPI: its Linux counterparts from the freeze stand in, stripped of symbols as the
   python.org DLLs are. This is the estimate's known approximation (see docs/installer.md).
5. Compile installer/jzhealth-desktop.nsi over that folder with its real /SOLID lzma settings.

The real size gate is the Windows workflow's, on the real setup file.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
import zipfile
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
ROOT = TOOLS.parent
sys.path.insert(0, str(TOOLS))
sys.path.insert(0, str(ROOT / "installer"))
import bundle_rules  # noqa: E402
import build_installer  # noqa: E402
import version_info  # noqa: E402

PYTHON_VERSION = "3.11"
ELF = b"\x7fELF"
# Linux libraries of the CPython runtime; their Windows twins ship with python.org's Python, not on PyPI.
RUNTIME_STAND_INS = re.compile(r"^(libpython3\.\d+\.so|libssl\.so|libcrypto\.so|libffi\.so|libsqlite3\.so|"
                               r"libexpat\.so|libz\.so|libbz2\.so|liblzma\.so|libuuid\.so)")
STDLIB_EXTENSIONS = "python3.11/lib-dynload/"


def requirements() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [*project["dependencies"], *project["optional-dependencies"]["pg"], "pyinstaller>=6.0"]


def download_wheels(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, "-m", "pip", "download", "--quiet", "--platform", "win_amd64", "--python-version",
           PYTHON_VERSION, "--implementation", "cp", "--only-binary=:all:", "-d", str(folder), *requirements()]
    subprocess.run(cmd, check=True)
    return sorted(folder.glob("*.whl"))


def freeze(work: Path) -> Path:
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "--distpath",
           str(work / "dist"), "--workpath", str(work / "build"), str(ROOT / "build_installer.spec")]
    subprocess.run(cmd, check=True, cwd=ROOT)
    return work / "dist" / version_info.EXE_NAME


def is_elf(path: Path) -> bool:
    with open(path, "rb") as f:
        return f.read(4) == ELF


def module_key(relpath: str) -> tuple[str, str]:
    """("PIL", "_imaging") for PIL/_imaging.cpython-311-x86_64-linux-gnu.so or PIL/_imaging.cp311-win_amd64.pyd."""
    folder, _, name = relpath.rpartition("/")
    return folder, name.split(".", 1)[0]


class Wheels:
    """Every file of the Windows wheels, by its path inside site-packages."""

    def __init__(self, wheels: list[Path]):
        self.files: dict[str, tuple[Path, str]] = {}
        for wheel in wheels:
            with zipfile.ZipFile(wheel) as zf:
                for name in zf.namelist():
                    if not name.endswith("/") and ".dist-info/" not in name:
                        self.files[name] = (wheel, name)
        self.dlls = {Path(n).name.lower(): n for n in self.files if n.lower().endswith(".dll")}
        self.extensions = {module_key(n): n for n in self.files if n.lower().endswith(".pyd")}

    def read(self, name: str) -> bytes:
        wheel, member = self.files[name]
        with zipfile.ZipFile(wheel) as zf:
            return zf.read(member)


def pe_imports(data: bytes) -> set[str]:
    import pefile

    pe = pefile.PE(data=data, fast_load=True)
    pe.parse_data_directories(directories=[pefile.DIRECTORY_ENTRY["IMAGE_DIRECTORY_ENTRY_IMPORT"],
                                           pefile.DIRECTORY_ENTRY["IMAGE_DIRECTORY_ENTRY_DELAY_IMPORT"]])
    names = set()
    for attr in ("DIRECTORY_ENTRY_IMPORT", "DIRECTORY_ENTRY_DELAY_IMPORT"):
        for entry in getattr(pe, attr, []):
            names.add(entry.dll.decode("ascii", "replace").lower())
    return names


def qt_plugin_folders(qt_libs: set[str]) -> set[str]:
    """Plugin folders PyInstaller's Qt hooks collect for these Qt libraries ("Gui", "Widgets", ...)."""
    from PyInstaller.utils.hooks.qt._modules_info import QT_MODULES_INFO

    folders = set()
    for info in QT_MODULES_INFO:
        bindings = info.bindings
        applies = not bindings or "PySide6" in bindings or (any(b.startswith("!") for b in bindings)
                                                              and "!PySide6" not in bindings)
        if applies and info.shared_lib in qt_libs:
            folders.update(info.plugins)
    return folders


def used_qt_modules() -> list[str]:
    source = (ROOT / "jzhealth_desktop" / "ui" / "qt.py").read_text(encoding="utf-8")
    return sorted(set(re.findall(r'"PySide6\.(Qt\w+)": \(', source)))


def windows_binaries(wheels: Wheels, extension_roots: list[str], extra_roots: list[str]) -> tuple[set[str], list[str]]:
    """The wheel files the Windows bundle carries: the roots, the Qt plugins and every DLL they import
    (transitively, among the wheels' DLLs), each passing ``bundle_rules.keep``. Also the problems: a kept
    binary that imports a dropped DLL."""
    roots = set(extension_roots) | set(extra_roots)
    roots |= {wheels.extensions[("PySide6", m)] for m in used_qt_modules() if ("PySide6", m) in wheels.extensions}
    roots |= {n for n in wheels.files if n.startswith("shiboken6/") and n.endswith(".pyd")}
    chosen, problems, queue, seen = set(), [], sorted(roots), set()

    def visit(name: str) -> None:
        if name in seen:
            return
        seen.add(name)
        if not bundle_rules.keep(name):
            return
        chosen.add(name)
        for dll in sorted(pe_imports(wheels.read(name))):
            found = wheels.dlls.get(dll)
            if found is None:
                continue  # a system DLL (kernel32, ucrt) or CPython's own (python3.dll): not in the wheels
            if not bundle_rules.keep(found):
                problems.append(f"{name} imports {Path(found).name}, which bundle_rules drops")
                continue
            visit(found)

    for name in queue:
        visit(name)
    qt_libs = {m.group(1) for n in chosen if (m := re.match(r"PySide6/Qt6(\w+)\.dll$", n))}
    for folder in sorted(qt_plugin_folders(qt_libs)):
        for name in sorted(n for n in wheels.files if n.startswith(f"PySide6/plugins/{folder}/")
                           and n.endswith(".dll")):
            visit(name)
    return chosen, problems


def mypyc_twin(wheels: Wheels, key: tuple[str, str]) -> str | None:
    """mypyc's shared module is named by a hash of the build (charset_normalizer's differs per platform)."""
    if not key[1].endswith("__mypyc"):
        return None
    twins = [n for k, n in wheels.extensions.items() if k[0] == key[0] and k[1].endswith("__mypyc")]
    return twins[0] if len(twins) == 1 else None


def strip_copy(source: Path, target: Path) -> None:
    shutil.copyfile(source, target)
    if shutil.which("strip"):
        subprocess.run(["strip", "--strip-unneeded", str(target)], check=False, capture_output=True)


def assemble(frozen: Path, wheels: Wheels, stage: Path) -> dict:
    """Build the Windows-like folder in ``stage``; returns byte counts per kind and the problems found."""
    internal = frozen / "_internal"
    out = stage / "_internal"
    sizes = {"portable (bytecode, data)": 0, "Windows wheels (pyd, dll)": 0, "CPython runtime stand-ins": 0,
             "bootloaders": 0}
    extension_roots, extra_roots, missing = [], [], []
    for path in sorted(p for p in internal.rglob("*") if p.is_file() and not p.is_symlink()):
        rel = path.relative_to(internal).as_posix()
        if not bundle_rules.keep(rel):
            continue
        if not is_elf(path):
            target = out / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
            sizes["portable (bytecode, data)"] += path.stat().st_size
            continue
        if rel.startswith(STDLIB_EXTENSIONS) or RUNTIME_STAND_INS.match(rel):
            target = out / "runtime-stand-ins" / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            strip_copy(path, target)
            sizes["CPython runtime stand-ins"] += target.stat().st_size
            continue
        if rel.startswith(("PySide6/", "shiboken6/")):
            continue  # Qt: the Windows closure below decides
        key = module_key(rel)
        if ".cpython-" in path.name or ".abi3." in path.name:
            found = wheels.extensions.get(key) or mypyc_twin(wheels, key)
            if found:
                extension_roots.append(found)
            else:
                missing.append(rel)
        else:
            # a shared library beside a package (pypdfium2_raw/libpdfium.so): that folder's DLLs on Windows
            folder = rel.rpartition("/")[0]
            extra_roots += [n for n in wheels.files if n.rpartition("/")[0] == folder and n.endswith(".dll")]
            # Linux-only system libraries (X11, glib, fontconfig, ...) have no Windows file: Windows provides them
    chosen, problems = windows_binaries(wheels, extension_roots, extra_roots)
    for name in sorted(chosen):
        target = out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(wheels.read(name))
        sizes["Windows wheels (pyd, dll)"] += target.stat().st_size
    boot = "PyInstaller/bootloader/Windows-64bit-intel/"
    for exe, loader in ((version_info.EXE_NAME, "runw.exe"), ("jzhealth", "run.exe")):
        data = wheels.read(boot + loader)
        (stage / f"{exe}.exe").write_bytes(data)
        sizes["bootloaders"] += len(data)
    qt_dlls = sorted(Path(n).name for n in chosen if re.match(r"PySide6/[^/]+\.dll$", n))
    plugins = sorted(n.removeprefix("PySide6/plugins/") for n in chosen if n.startswith("PySide6/plugins/"))
    return {"bytes": sizes, "problems": problems, "unmatched_extensions": missing, "qt_dlls": qt_dlls,
            "qt_plugins": plugins}


def estimate(frozen: Path, wheel_files: list[Path], work: Path) -> dict:
    stage = work / "stage" / version_info.EXE_NAME
    if stage.exists():
        shutil.rmtree(stage)
    stage.mkdir(parents=True)
    result = assemble(frozen, Wheels(wheel_files), stage)
    result["folder_bytes"] = sum(p.stat().st_size for p in stage.rglob("*") if p.is_file())
    setup = build_installer.build(stage, work / "setup")
    result["setup"] = setup.name
    result["setup_bytes"] = setup.stat().st_size
    result["wheels"] = sorted(w.name for w in wheel_files)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--freeze", type=Path, help="an existing Linux freeze (dist/jzhealth-desktop) to reuse")
    parser.add_argument("--wheels", type=Path, default=ROOT / "build" / "win-wheels",
                        help="where the Windows wheels are downloaded and kept (default: build/win-wheels)")
    parser.add_argument("--work", type=Path, help="working folder (default: a temporary one, removed)")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args()
    if build_installer.find_makensis() is None:
        print("makensis not found: install NSIS (Debian: apt install nsis)", file=sys.stderr)
        return 1
    wheel_files = download_wheels(args.wheels)
    with tempfile.TemporaryDirectory(prefix="jz-estimate-") as temp:
        work = args.work or Path(temp)
        frozen = args.freeze or freeze(work)
        result = estimate(frozen, wheel_files, work)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        for kind, n in result["bytes"].items():
            print(f"{kind:32} {n / 1e6:7.1f} MB")
        print(f"{'folder':32} {result['folder_bytes'] / 1e6:7.1f} MB")
        print(f"Qt DLLs: {', '.join(result['qt_dlls'])}")
        print(f"Qt plugins: {', '.join(result['qt_plugins'])}")
        for problem in result["problems"]:
            print(f"PROBLEM: {problem}")
        for module in result["unmatched_extensions"]:  # e.g. mypyc's shared module: Windows wheels inline it
            print(f"note: no Windows twin in the wheels for {module}")
        print(f"setup (makensis /SOLID lzma): {result['setup_bytes'] / 1e6:.1f} MB")
    return 1 if result["problems"] else 0


if __name__ == "__main__":
    sys.exit(main())

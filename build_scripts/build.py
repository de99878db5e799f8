"""Build the standalone program with PyInstaller: one folder (the primary form), one file, a zip.

    python3 build_scripts/build.py [--forms onedir,onefile] [--no-zip]

Any Python 3.11+ will do: the script sets up `.venv` (as dev.py does) and runs itself again with
the environment's Python, which has PyInstaller. What it writes, in `dist/`:

    fieldguide/                      the one-folder program: run fieldguide/fieldguide
                                     (Windows: fieldguide.exe; macOS: "Field Guide.app")
    fieldguide-onefile               the same program as one file (slower to start)
    fieldguide-VERSION-OS-CPU.zip    the one-folder program, zipped, ready to hand out

The bundled library (and its prebuilt search index, once the program has a search package) is
inside the bundle under `resources/`. PyInstaller cannot cross-build: each system builds its own.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import platform
import shutil
import stat
import subprocess
import sys
import time
import tomllib
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import dev

ROOT = dev.ROOT
DIST = ROOT / "dist"
WORK = ROOT / "build"
SPEC = ROOT / "build_scripts" / "fieldguide.spec"
APP_ID = "org.fieldguide.FieldGuide"
NAME = "fieldguide"
INDEX_NAME = "library.index.sqlite"  # = fieldguide.search.default_index_path(library)


def package_version() -> str:
    """The version in pyproject.toml, which the package (and so the program) must report too."""
    with (ROOT / "pyproject.toml").open("rb") as file:
        version = str(tomllib.load(file)["project"]["version"])
    import fieldguide

    if fieldguide.__version__ != version:
        raise SystemExit(
            f"pyproject.toml says version {version} but fieldguide.__version__ is "
            f"{fieldguide.__version__}: make them the same, then build again."
        )
    return version


def platform_tag() -> str:
    """linux-x86_64, windows-x86_64, macos-arm64 ..."""
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    machine = platform.machine().lower()
    machine = {"amd64": "x86_64", "x64": "x86_64", "aarch64": "arm64"}.get(machine, machine)
    return f"{system}-{machine}"


def onedir_path() -> Path:
    """The one-folder program as it is handed out (the .app bundle on macOS)."""
    return DIST / "Field Guide.app" if sys.platform == "darwin" else DIST / NAME


def onedir_executable() -> Path:
    """The program inside the one-folder build."""
    if sys.platform == "darwin":
        return onedir_path() / "Contents" / "MacOS" / NAME
    return DIST / NAME / (f"{NAME}.exe" if sys.platform == "win32" else NAME)


def onefile_executable() -> Path:
    """The one-file program."""
    return DIST / (f"{NAME}-onefile.exe" if sys.platform == "win32" else f"{NAME}-onefile")


def prebuilt_index(python: str) -> Path | None:
    """Build the bundled library's search index with the program's own command, if it has one."""
    if importlib.util.find_spec("fieldguide.search") is None:
        print("No search package yet: the bundle carries no prebuilt index.")
        return None
    out = WORK / "prebuilt" / INDEX_NAME
    out.parent.mkdir(parents=True, exist_ok=True)
    out.unlink(missing_ok=True)
    library = ROOT / "resources" / "library"
    cmd = [python, "-m", "fieldguide", "index", "build", str(library), "--out", str(out)]
    subprocess.run(cmd, check=True, cwd=ROOT)
    return out


def compiled_qt_code(python: str) -> Path:
    """Compile shiboken's support code with the bundle's Python, so that the program need not
    compile it at every start (fieldguide/qt_code.py)."""
    from fieldguide.qt_code import FILE_NAME  # the name the program looks for

    out = WORK / "prebuilt" / FILE_NAME
    out.parent.mkdir(parents=True, exist_ok=True)
    out.unlink(missing_ok=True)
    subprocess.run([python, "-m", "fieldguide.qt_code", str(out)], check=True, cwd=ROOT)
    return out


def run_pyinstaller(version: str, forms: list[str], index: Path | None, qt_code: Path) -> None:
    """Run the spec; PyInstaller replaces earlier output of the same names."""
    spec_args = ["--version", version, "--forms", ",".join(forms), "--app-id", APP_ID]
    spec_args += ["--qt-code", str(qt_code)]
    if index is not None:
        spec_args += ["--index", str(index), "--index-dest", "resources"]
    cmd = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(DIST),
        "--workpath",
        str(WORK / "pyinstaller"),
        str(SPEC),
        "--",
        *spec_args,
    ]
    subprocess.run(cmd, check=True, cwd=ROOT)


def add_linux_desktop_files(folder: Path) -> None:
    """The .desktop entry, AppStream metainfo and icon, laid out as under /usr/share."""
    share = folder / "share"
    linux = ROOT / "resources" / "linux"
    targets = {
        linux / f"{APP_ID}.desktop": share / "applications",
        linux / f"{APP_ID}.metainfo.xml": share / "metainfo",
        ROOT / "resources" / "icons" / "fieldguide.svg": share / "icons/hicolor/scalable/apps",
        ROOT / "resources" / "icons" / "fieldguide.png": share / "icons/hicolor/256x256/apps",
    }
    for source, target in targets.items():
        target.mkdir(parents=True, exist_ok=True)
        name = source.name
        if source.parent.name == "icons":
            name = APP_ID + source.suffix
        shutil.copy2(source, target / name)


def zip_folder(folder: Path, archive: Path) -> None:
    """Zip `folder` (as the top entry) with file modes; symlinks stay links, not copies."""
    archive.unlink(missing_ok=True)
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for path in sorted(folder.rglob("*")):
            name = path.relative_to(folder.parent).as_posix()
            if path.is_symlink():
                info = zipfile.ZipInfo(name)
                info.create_system = 3  # Unix, so that the mode below is read
                info.external_attr = (stat.S_IFLNK | 0o777) << 16
                out.writestr(info, str(path.readlink()).replace("\\", "/"))
            elif path.is_dir():
                out.write(path, name + "/")
            else:
                out.write(path, name)


def folder_size(folder: Path) -> int:
    """Bytes of the files in `folder` (links counted once, as links)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() or p.is_symlink())


def main(argv: list[str]) -> int:
    dev.rerun_in_environment(__file__, argv)
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--forms", default="onedir,onefile", help="onedir, onefile or both")
    parser.add_argument("--no-zip", action="store_true", help="do not zip the one-folder build")
    parser.add_argument(
        "--max-zip-mb", type=float, help="fail when the zip is bigger than this (the budget)"
    )
    args = parser.parse_args(argv)
    forms = [f for f in args.forms.split(",") if f]
    if not forms or not set(forms) <= {"onedir", "onefile"}:
        parser.error("--forms takes onedir, onefile or onedir,onefile")

    started = time.monotonic()
    version = package_version()
    index = prebuilt_index(sys.executable)
    run_pyinstaller(version, forms, index, compiled_qt_code(sys.executable))
    report: dict[str, object] = {"version": version, "platform": platform_tag()}
    if "onedir" in forms:
        if sys.platform.startswith("linux"):
            add_linux_desktop_files(onedir_path())
        report["onedir"] = str(onedir_executable())
        report["onedir_bytes"] = folder_size(onedir_path())
        if not args.no_zip:
            archive = DIST / f"{NAME}-{version}-{platform_tag()}.zip"
            zip_folder(onedir_path(), archive)
            report["zip"] = str(archive)
            report["zip_bytes"] = archive.stat().st_size
    if "onefile" in forms:
        report["onefile"] = str(onefile_executable())
        report["onefile_bytes"] = onefile_executable().stat().st_size
    report["seconds"] = round(time.monotonic() - started, 1)
    print(json.dumps(report, indent=2))
    zip_bytes = report.get("zip_bytes")
    if args.max_zip_mb and isinstance(zip_bytes, int) and zip_bytes > args.max_zip_mb * 1e6:
        print(f"The zip is {zip_bytes / 1e6:.1f} MB, over the budget of {args.max_zip_mb} MB.")
        return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except subprocess.CalledProcessError as exc:
        print(f"The build failed: {exc}", file=sys.stderr)
        sys.exit(1)

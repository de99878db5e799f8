"""Make the README's kiosk screenshots (resources/screenshots/kiosk-*.png) on an offscreen screen.

    python build_scripts/dev.py tool python build_scripts/kiosk_screenshots.py [OUT_DIR]

Each screen size runs in its own process (the offscreen screen's size is fixed at start), in
kiosk mode over the bundled library with the clinic of resources/fieldguide.example.toml (its
contacts show on Get help now). If `pngquant` is installed, the PNGs are shrunk with it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = ((1920, 1080), (1280, 800), (800, 600))
ARTICLE = "withdrawal/how-long-it-lasts"
# Which screens to keep at which size (all are made; these go in the README).
KEEP = {
    (1920, 1080): ("kiosk", "kiosk-still-reading"),
    (1280, 800): ("kiosk-get-help-now",),
    (800, 600): ("kiosk", "kiosk-pin", "kiosk-leave-quickly"),
}


def shoot(out: Path, width: int, height: int) -> None:
    """In this process: open the kiosk full screen and grab each of its screens."""

    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from fieldguide import paths
    from fieldguide.config import KioskSettings, hash_pin, load_config
    from fieldguide.helpinfo import HELP_SLUG, LocalHelpService
    from fieldguide.library.loader import load_library
    from fieldguide.ui import MainWindow, kiosk_setup

    qt_app = QApplication(sys.argv[:1])
    QApplication.setStyle("Fusion")  # as app.run does
    clinic, _ = load_config(paths.resources_dir() / "fieldguide.example.toml")
    config = clinic._replace(kiosk=KioskSettings(enabled=True, pin_hash=hash_pin("1234")))
    service = LocalHelpService(load_library(paths.bundled_library_dir()), config)
    window = MainWindow(service)
    kiosk = kiosk_setup.lock_window(qt_app, window, config.kiosk, lambda: window.open(service.home))
    kiosk.show()
    window.open(ARTICLE)
    window.tree.expand(window.model.index_of("withdrawal"))

    def grab(name: str) -> None:
        for _ in range(3):
            qt_app.processEvents()
            # Widgets given up with deleteLater (the old breadcrumb) go when the event loop
            # runs; here it does not, so delete them now.
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        window.statusBar().clearMessage()  # no tip of the button the offscreen pointer is on
        if name in KEEP[(width, height)]:
            window.grab().save(str(out / f"{name}-{width}x{height}.png"))

    grab("kiosk")
    kiosk.start_countdown()
    grab("kiosk-still-reading")
    kiosk.keep_reading()
    kiosk.ask_for_pin()
    kiosk.pin_pad.field.insert("12")
    grab("kiosk-pin")
    kiosk.pin_pad.cancel()
    kiosk.leave_quickly()
    grab("kiosk-leave-quickly")
    kiosk.neutral.start.emit()
    window.open(HELP_SLUG)
    grab("kiosk-get-help-now")
    kiosk.uninstall()


def main(argv: list[str]) -> int:
    if len(argv) == 4 and argv[0] == "--shoot":
        shoot(Path(argv[1]), int(argv[2]), int(argv[3]))
        return 0
    out = Path(argv[0]) if argv else ROOT / "resources" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        for width, height in SIZES:
            screen = {"name": "shot", "x": 0, "y": 0, "width": width, "height": height}
            config = Path(scratch) / f"screen-{width}.json"
            config.write_text(json.dumps({"screens": [{**screen, "logicalDpi": 96, "dpr": 1}]}))
            env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
            command = [sys.executable, __file__, "--shoot", str(out), str(width), str(height)]
            subprocess.run(command, env=env, check=True)
    pngquant = shutil.which("pngquant")
    for png in sorted(out.glob("kiosk*.png")):
        if pngquant:
            subprocess.run([pngquant, "--force", "--ext", ".png", "--quality", "70-95", str(png)])
        print(f"{png}: {png.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

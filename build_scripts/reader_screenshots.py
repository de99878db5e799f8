"""Make the README's reader screenshots (resources/screenshots/reader-*.png) on an offscreen screen.

    python build_scripts/dev.py tool python build_scripts/reader_screenshots.py [OUT_DIR]

The window is built as app.py builds it (in-memory user data, the real search in worker threads)
on a 1280x800 offscreen screen: the start page in the light theme, the search "dope sick", and
the example clinic pages of resources/example-site.toml. If `pngquant` is installed, the PNGs
are shrunk with it. (Kiosk screens: kiosk_screenshots.py.)
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WIDTH, HEIGHT = 1280, 800
NAMES = ("reader-home-light", "reader-search-light", "reader-clinic-page-light")


def shoot(out: Path) -> None:
    """In this process: build the window and grab each screen."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from fieldguide import app, paths
    from fieldguide.config import Config, load_config
    from fieldguide.helpinfo import LocalHelpService
    from fieldguide.search.handle import default_index_path
    from fieldguide.search.service import SearchService
    from fieldguide.ui import MainWindow
    from fieldguide.ui.tasks import TaskRunner
    from fieldguide.userdata import UserData

    qt_app = QApplication(sys.argv[:1])
    QApplication.setStyle("Fusion")  # as app.run does
    tasks = TaskRunner(qt_app)

    def window_for(config: Config) -> MainWindow:
        guide = paths.bundled_library_dir()
        library, _ = app.load_guide_with_sites(guide, config)
        service = LocalHelpService(library, config)
        search = SearchService()
        search.prepare(guide, default_index_path(guide), None, library)  # memory if not built
        start = app.start_slug(config, service)
        window = app.build_window(
            service, UserData.in_memory(), None, start=start, search_fn=search, tasks=tasks
        )
        window.themes.set_choice("light")
        window.show()
        window.resize(WIDTH, HEIGHT)  # after show(): resized while hidden, the article's
        return window  # column kept the unresized width (cut off on the right)

    def settle(window: MainWindow, seconds: float = 10.0) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            qt_app.processEvents()
            # Widgets given up with deleteLater (the old breadcrumb) go when the event loop
            # runs; here it does not, so delete them now.
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            if window.search.controller.settled:
                break
            time.sleep(0.02)
        for _ in range(3):
            qt_app.processEvents()
        window.statusBar().clearMessage()  # no tip of the button the offscreen pointer is on

    def grab(window: MainWindow, name: str) -> None:
        settle(window)
        window.grab().save(str(out / f"{name}-{WIDTH}x{HEIGHT}.png"))

    window = window_for(Config())
    grab(window, "reader-home-light")
    window.search.box.setText("dope sick")
    window.search.controller.flush()
    grab(window, "reader-search-light")
    window.close()

    config, _ = load_config(paths.resources_dir() / "example-site.toml")
    window = window_for(config)
    grab(window, "reader-clinic-page-light")
    window.close()
    tasks.shutdown()


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "--shoot":
        shoot(Path(argv[1]))
        return 0
    out = Path(argv[0]) if argv else ROOT / "resources" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        screen = {"name": "shot", "x": 0, "y": 0, "width": WIDTH, "height": HEIGHT}
        config = Path(scratch) / "screen.json"
        config.write_text(json.dumps({"screens": [{**screen, "logicalDpi": 96, "dpr": 1}]}))
        env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
        subprocess.run([sys.executable, __file__, "--shoot", str(out)], env=env, check=True)
    pngquant = shutil.which("pngquant")
    for name in NAMES:
        png = out / f"{name}-{WIDTH}x{HEIGHT}.png"
        if pngquant:
            subprocess.run([pngquant, "--force", "--ext", ".png", "--quality", "70-95", str(png)])
        print(f"{png}: {png.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

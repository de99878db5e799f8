"""Reading the catalog at start-up does not import the spelling library or the YAML parser."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from fieldguide.library.model import Library
from fieldguide.search import build_index_file, library_hash


def test_catalog_path_imports_little(mini_library: Library, tmp_path: Path) -> None:
    index = tmp_path / "mini.index.sqlite"
    build_index_file(mini_library, index, library_hash(mini_library.root), [])
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from fieldguide.search import open_index\n"
        f"catalog = open_index(Path({str(index)!r})).catalog()\n"
        "assert catalog.start == 'home', catalog.start\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('rapidfuzz', 'yaml'))\n"
        "print(heavy)\n"
        "sys.exit(1 if heavy else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr

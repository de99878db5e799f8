"""Content hash of a library folder: tells whether a prebuilt index still matches the files."""

from __future__ import annotations

import os
from pathlib import Path

try:  # hashlib's own BLAKE2b; importing hashlib would also load OpenSSL (~3 ms, 3.5 MiB) at start
    from _blake2 import blake2b as blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b as blake2b

# Only these files change what the index holds (pictures do not).
INDEXED_SUFFIXES = (".md", ".yml", ".yaml")


def indexed_files(root: Path) -> list[str]:
    """Library-relative paths (forward slashes, sorted) of the files the index is built from.

    Hidden files and folders are skipped, and links to folders are not followed."""
    found: list[str] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        base = Path(folder).relative_to(root).as_posix()
        prefix = "" if base == "." else base + "/"
        found.extend(
            prefix + f for f in files if f.endswith(INDEXED_SUFFIXES) and not f.startswith(".")
        )
    found.sort()
    return found


def library_hash(root: Path) -> str:
    """A digest of the library's paths, sizes and contents.

    Modification times are left out on purpose: copying a library to a USB stick changes
    them, and the shipped index must still match. Unreadable files count as empty."""
    digest = blake2b(digest_size=16)
    for rel in indexed_files(root):
        try:
            data = (root / rel).read_bytes()
        except OSError:
            data = b""
        digest.update(rel.encode("utf-8", "surrogateescape"))
        digest.update(b"\0")
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()

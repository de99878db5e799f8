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

    Hidden files and folders are skipped, and links to folders are not followed (as os.walk
    does; walked with plain strings, which halves the cost of hashing a small library)."""
    found: list[str] = []

    def walk(folder: str, prefix: str) -> None:
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError:
            return  # unreadable: as if empty, like os.walk
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                if not entry.is_symlink():
                    walk(entry.path, prefix + name + "/")
            elif name.endswith(INDEXED_SUFFIXES):
                found.append(prefix + name)

    walk(os.fspath(root), "")
    found.sort()
    return found


def library_hash(root: Path) -> str:
    """A digest of the library's paths, sizes and contents.

    Modification times are left out on purpose: copying a library to a USB stick changes
    them, and the shipped index must still match. Unreadable files count as empty."""
    digest = blake2b(digest_size=16)
    base = os.fspath(root)
    for rel in indexed_files(root):
        try:
            with open(os.path.join(base, rel), "rb", buffering=0) as file:
                data = file.read()
        except OSError:
            data = b""
        digest.update(rel.encode("utf-8", "surrogateescape"))
        digest.update(b"\0")
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()

"""Typed errors of the pure layers; the UI turns them into plain messages in one place."""

from __future__ import annotations


class ReaderError(Exception):
    """Base of every error Field Guide raises on purpose; its text is fit for a reader."""


class LibraryError(ReaderError):
    """A library folder cannot be used at all (missing, unreadable, not a library)."""


class SearchError(ReaderError):
    """The search index cannot be built or read."""


class UserDataError(ReaderError):
    """The user-data store cannot be read or written."""


class ConfigError(ReaderError):
    """The deployment config cannot be read."""

"""Fixtures for the user-data tests: a store file in a temporary folder, a fixed clock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from userdata_helpers import FakeClock

from fieldguide.userdata import UserData


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "userdata.sqlite"


@pytest.fixture
def store(db_path: Path) -> Iterator[UserData]:
    opened = UserData.open(db_path)
    opened.clock = FakeClock()
    assert opened.is_saving and not opened.notices
    yield opened
    opened.close()

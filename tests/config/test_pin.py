"""Kiosk PIN: salted hashes that round-trip, refuse wrong PINs and bad hashes, and a brake on
guessing timed by a fake clock."""

from __future__ import annotations

import base64
import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldguide.config.pin import (
    PBKDF2_ITERATIONS,
    PinAttempts,
    hash_pin,
    is_pin_hash,
    pin_problem,
    verify_pin,
)

STORED = hash_pin("482613")  # made once: each scrypt takes some tens of milliseconds


def test_a_hash_round_trips_and_says_how_it_was_made() -> None:
    kind, n, r, p, salt, key = STORED.split("$")
    assert (kind, n, r, p) == ("scrypt", "16384", "8", "1")
    assert len(base64.b64decode(salt)) == 16 and len(base64.b64decode(key)) == 32
    assert verify_pin("482613", STORED)
    assert is_pin_hash(STORED)


def test_the_pin_is_not_in_the_hash_and_each_hash_has_its_own_salt() -> None:
    assert "482613" not in STORED
    assert hash_pin("482613") != STORED


@pytest.mark.parametrize("wrong", ["", "48261", "4826130", "482614", " 482613", "482613\n"])
def test_a_wrong_pin_is_refused(wrong: str) -> None:
    assert not verify_pin(wrong, STORED)


def test_pbkdf2_hashes_are_checked_too() -> None:
    salt = b"0123456789abcdef"
    key = hashlib.pbkdf2_hmac("sha256", b"2468", salt, PBKDF2_ITERATIONS, 32)
    stored = f"pbkdf2_sha256${PBKDF2_ITERATIONS}${base64.b64encode(salt).decode()}$"
    stored += base64.b64encode(key).decode()
    assert verify_pin("2468", stored)
    assert not verify_pin("2469", stored)


def test_without_scrypt_a_pbkdf2_hash_is_made(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(hashlib, "scrypt")
    stored = hash_pin("1357")
    assert stored.startswith(f"pbkdf2_sha256${PBKDF2_ITERATIONS}$")
    assert verify_pin("1357", stored)


BAD = [
    "",
    "invalid",
    "1234",
    "scrypt$16384$8$1$AAAA",
    "scrypt$16384$8$1$not base64!$AAAA",
    "scrypt$1000$8$1$AAAAAAAAAAAAAAAAAAAAAA==$" + "A" * 43 + "=",  # n not a power of two
    "scrypt$1073741824$8$1$AAAAAAAAAAAAAAAAAAAAAA==$" + "A" * 43 + "=",  # would need 1 TiB
    "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA",  # key too short
    "pbkdf2_sha256$999999999$AAAA$" + "A" * 43 + "=",  # too many iterations to wait for
    "pbkdf2_sha256$１２$AAAA$AAAA",  # digits, but not ASCII ones
]


@pytest.mark.parametrize("stored", BAD)
def test_a_bad_hash_refuses_every_pin(stored: str) -> None:
    assert not verify_pin("1234", stored)


@settings(max_examples=200, deadline=None)
@given(st.text(), st.text())
def test_verify_never_raises(pin: str, stored: str) -> None:
    assert verify_pin(pin, stored) in (True, False)


@pytest.mark.parametrize(
    ("pin", "ok"),
    [("1234", True), ("12345678901234567890", True), ("123", False), ("1" * 21, False),
     ("12a4", False), ("١٢٣٤", False), ("", False)],
)  # fmt: skip
def test_what_a_pin_may_be(pin: str, ok: bool) -> None:
    assert (pin_problem(pin) is None) == ok


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_three_wrong_pins_then_a_wait_that_doubles() -> None:
    clock = FakeClock()
    attempts = PinAttempts(clock=clock)
    for _ in range(2):
        assert not attempts.try_pin("0000", STORED)
        assert attempts.seconds_to_wait() == 0
    assert not attempts.try_pin("0000", STORED)
    assert attempts.seconds_to_wait() == 30
    clock.now += 29
    assert not attempts.try_pin("482613", STORED)  # refused unchecked while the wait runs
    assert attempts.failures == 3  # and not counted
    assert attempts.seconds_to_wait() == 1
    clock.now += 1
    assert not attempts.try_pin("0000", STORED)
    assert attempts.seconds_to_wait() == 60
    clock.now += 60
    assert not attempts.try_pin("0000", STORED)
    assert attempts.seconds_to_wait() == 120
    clock.now += 120
    assert attempts.try_pin("482613", STORED)
    assert (attempts.failures, attempts.seconds_to_wait()) == (0, 0)


def test_the_wait_has_a_ceiling() -> None:
    clock = FakeClock()
    attempts = PinAttempts(clock=clock, max_wait=100.0)
    for _ in range(200):
        attempts.try_pin("", "invalid")
        clock.now += attempts.seconds_to_wait()
    assert attempts.failures == 200
    attempts.try_pin("", "invalid")
    assert attempts.seconds_to_wait() == 100

"""The kiosk administrator PIN: salted hashes, constant-time checks, and a brake on guessing.

A stored hash reads `scrypt$N$r$p$salt$hash` (salt and hash in base64). We make them with scrypt at
N=2**14, r=8, p=1 (16 MiB and about 50 ms per check), a 16-byte random salt and a 32-byte key. If
the Python at hand has no scrypt (OpenSSL without it), `pbkdf2_sha256$iterations$salt$hash`
with 600,000 iterations is made instead; both forms are checked. The PIN itself is never stored
or logged.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import logging
import os
import time
from collections.abc import Callable

log = logging.getLogger(__name__)

SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
PBKDF2_ITERATIONS = 600_000
SALT_BYTES = 16
KEY_BYTES = 32
PIN_LENGTH = (4, 20)

_MAX_SCRYPT_MEMORY = 256 * 1024 * 1024  # refuse hashes that would need more (a crafted file)


def pin_problem(pin: str) -> str | None:
    """Why `pin` cannot be used, in plain words; None if it is fine."""
    low, high = PIN_LENGTH
    if not pin.isascii() or not pin.isdigit():
        return "A PIN is made of digits only (0 to 9), so that it can be typed on any keypad."
    if not low <= len(pin) <= high:
        return f"A PIN has {low} to {high} digits."
    return None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes | None:
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, ValueError, UnicodeEncodeError):
        return None


def hash_pin(pin: str, *, salt: bytes | None = None) -> str:
    """A salted hash of `pin` to store in `[kiosk] pin_hash`."""
    salt = os.urandom(SALT_BYTES) if salt is None else salt
    secret = pin.encode("utf-8", "surrogatepass")
    if hasattr(hashlib, "scrypt"):
        key = hashlib.scrypt(
            secret, salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=KEY_BYTES, maxmem=_maxmem()
        )
        return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(key)}"
    key = hashlib.pbkdf2_hmac("sha256", secret, salt, PBKDF2_ITERATIONS, KEY_BYTES)
    return f"pbkdf2_sha256${PBKDF2_ITERATIONS}${_b64(salt)}${_b64(key)}"


def _maxmem(n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P) -> int:
    return 128 * r * (n + p + 2) + 1024 * 1024


def _ints(parts: list[str]) -> list[int] | None:
    if not all(part.isascii() and part.isdigit() and len(part) <= 9 for part in parts):
        return None
    return [int(part) for part in parts]


def _derive(pin: str, stored_hash: str) -> tuple[bytes, bytes] | None:
    """The key `pin` gives under the parameters of `stored_hash`, and the stored key; None if the
    hash is not one we make."""
    parts = stored_hash.split("$")
    secret = pin.encode("utf-8", "surrogatepass")
    if parts[0] == "scrypt" and len(parts) == 6:
        numbers = _ints(parts[1:4])
        salt, key = _unb64(parts[4]), _unb64(parts[5])
        if numbers is None or not salt or not key:
            return None
        n, r, p = numbers
        if n < 2 or n & (n - 1) or not 1 <= r <= 64 or not 1 <= p <= 16:
            return None
        if 128 * r * (n + p) > _MAX_SCRYPT_MEMORY or not 16 <= len(key) <= 64:
            return None
        if not hasattr(hashlib, "scrypt"):
            log.error("This Python has no scrypt, so a scrypt PIN hash cannot be checked.")
            return None
        maxmem = _maxmem(n, r, p)
        return hashlib.scrypt(secret, salt=salt, n=n, r=r, p=p, dklen=len(key), maxmem=maxmem), key
    if parts[0] == "pbkdf2_sha256" and len(parts) == 4:
        numbers = _ints(parts[1:2])
        salt, key = _unb64(parts[2]), _unb64(parts[3])
        if numbers is None or not salt or not key:
            return None
        (iterations,) = numbers
        if not 1000 <= iterations <= 10_000_000 or not 16 <= len(key) <= 64:
            return None
        return hashlib.pbkdf2_hmac("sha256", secret, salt, iterations, len(key)), key
    return None


def is_pin_hash(stored_hash: str) -> bool:
    """True when `stored_hash` has the form of a hash `fieldguide kiosk-pin` makes."""
    parts = stored_hash.split("$")
    if parts[0] == "scrypt" and len(parts) == 6:
        return _ints(parts[1:4]) is not None and all(_unb64(x) for x in parts[4:])
    if parts[0] == "pbkdf2_sha256" and len(parts) == 4:
        return _ints(parts[1:2]) is not None and all(_unb64(x) for x in parts[2:])
    return False


def verify_pin(pin: str, stored_hash: str) -> bool:
    """True when `pin` is the PIN behind `stored_hash`; False for a wrong PIN or a bad hash."""
    derived = _derive(pin, stored_hash)
    if derived is None:
        return False
    return hmac.compare_digest(derived[0], derived[1])


class PinAttempts:
    """A brake on guessing: after `free_tries` wrong PINs in a row, wait `first_wait` seconds before
    the next try; each further wrong PIN doubles the wait (up to `max_wait`). A right PIN resets it.

    The kiosk keeps one for the whole run: a kiosk reset must not reset it.
    """

    def __init__(
        self,
        *,
        free_tries: int = 3,
        first_wait: float = 30.0,
        max_wait: float = 15 * 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.free_tries = free_tries
        self.first_wait = first_wait
        self.max_wait = max_wait
        self._clock = clock
        self._failures = 0
        self._blocked_until = 0.0

    @property
    def failures(self) -> int:
        """Wrong PINs in a row so far."""
        return self._failures

    def seconds_to_wait(self) -> float:
        """How long until a PIN may be tried again; 0.0 when it may be tried now."""
        return max(0.0, self._blocked_until - self._clock())

    def try_pin(self, pin: str, stored_hash: str) -> bool:
        """Check `pin`; while a wait runs, refuse without checking (and without counting)."""
        if self.seconds_to_wait() > 0:
            return False
        if verify_pin(pin, stored_hash):
            self._failures = 0
            self._blocked_until = 0.0
            return True
        self._failures += 1
        log.info("Wrong kiosk PIN (%d in a row).", self._failures)
        if self._failures >= self.free_tries:
            doublings = min(self._failures - self.free_tries, 60)
            wait = min(self.first_wait * 2**doublings, self.max_wait)
            self._blocked_until = self._clock() + wait
        return False

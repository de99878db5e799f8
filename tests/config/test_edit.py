"""Setting pin_hash changes that one value and keeps every comment, blank line and line end."""

from __future__ import annotations

import tomllib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldguide.config.edit import set_string

HASH = "scrypt$16384$8$1$c2FsdA==$a2V5"


def put(text: str) -> str | None:
    return set_string(text, "kiosk", "pin_hash", HASH)


def test_an_existing_value_is_replaced_in_place() -> None:
    text = '# Kiosk\n[kiosk]\nenabled = true  # on\npin_hash = ""   # from kiosk-pin\n'
    assert put(text) == text.replace('""', f'"{HASH}"')


def test_a_missing_key_goes_after_the_last_setting_of_its_section() -> None:
    text = (
        "[kiosk]\n# Lock it\nenabled = true\nexit_chord = [\n  1,\n]\n\n"
        "# Help numbers\n[help]\nemergency_number = '112'\n"
    )
    expected = text.replace("]\n\n", f']\npin_hash = "{HASH}"\n\n', 1)
    assert put(text) == expected


def test_a_missing_key_in_an_empty_section_goes_under_its_header() -> None:
    assert put("[kiosk]\n[help]\n") == f'[kiosk]\npin_hash = "{HASH}"\n[help]\n'
    assert put("[kiosk]") == f'[kiosk]\npin_hash = "{HASH}"\n'


def test_a_missing_section_is_added_at_the_end() -> None:
    text = 'clinic_name = "A" # ours'
    assert put(text) == f'{text}\n\n[kiosk]\npin_hash = "{HASH}"\n'
    assert put("") == f'[kiosk]\npin_hash = "{HASH}"\n'


def test_windows_line_ends_stay() -> None:
    edited = put('clinic_name = "A"\r\n[kiosk]\r\nenabled = true\r\n')
    assert edited == f'clinic_name = "A"\r\n[kiosk]\r\nenabled = true\r\npin_hash = "{HASH}"\r\n'


def test_subtables_of_the_section_are_left_alone() -> None:
    edited = put("[kiosk]\nenabled = true\n[kiosk.extra]\nx = 1\n")
    assert edited is not None
    assert tomllib.loads(edited)["kiosk"] == {
        "enabled": True,
        "pin_hash": HASH,
        "extra": {"x": 1},
    }


@pytest.mark.parametrize(
    "text",
    ["kiosk = { enabled = true }\n", "kiosk.enabled = true\n", "kiosk = 1\n", "[kiosk\n"],
)
def test_forms_we_do_not_edit_are_left_to_a_person(text: str) -> None:
    assert put(text) is None


@given(st.text(alphabet="[]{}=\"'#.\n kiosk_pinhash1", max_size=60))
def test_an_edit_is_either_exact_or_refused(text: str) -> None:
    edited = put(text)
    if edited is not None:
        before = tomllib.loads(text)
        after = tomllib.loads(edited)
        assert after.pop("kiosk")["pin_hash"] == HASH
        before.pop("kiosk", None)
        assert after == before

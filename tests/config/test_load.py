"""Reading fieldguide.toml: the example is clean, every problem names its key and line, and
whatever is wrong, the rest of the file applies and nothing raises."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldguide import paths
from fieldguide.config import (
    Config,
    HelpContact,
    KioskSettings,
    load_config,
    parse_config,
    verify_pin,
)
from fieldguide.library.model import Problem, Severity

EXAMPLE = paths.resources_dir() / "fieldguide.example.toml"


def write(folder: Path, text: str, name: str = "fieldguide.toml") -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def only(problems: tuple[Problem, ...]) -> Problem:
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


def test_the_example_file_loads_without_problems() -> None:
    config, problems = load_config(EXAMPLE)
    assert problems == ()
    assert config.file == EXAMPLE
    assert config.clinic_name == "Riverside Community Health Clinic"
    assert config.emergency_number == "911"
    assert [c.name for c in config.help_contacts] == [
        "Riverside Clinic front desk",
        "Regional crisis line",
    ]
    assert config.help_contacts[0].hours == "Monday to Friday, 8 am to 6 pm"
    assert config.kiosk == KioskSettings()  # the example shows the defaults


def test_the_example_names_every_setting() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    settings_named = {
        "clinic_name", "start_page", "theme", "text_size", "libraries", "[help]",
        "emergency_number", "[[help.contacts]]", "name", "number", "hours", "note", "[kiosk]",
        "enabled", "idle_timeout", "countdown", "pin_hash", "allow_printing", "exit_chord",
    }  # fmt: skip
    lines = [line.strip() for line in text.splitlines() if not line.startswith("#")]
    for key in settings_named:
        assert any(line.startswith(key) for line in lines), key


def test_no_file_beside_the_program_means_defaults_and_no_message(tmp_path: Path) -> None:
    assert load_config(program_dir=tmp_path) == (Config(), ())


def test_the_file_beside_the_program_is_read(tmp_path: Path) -> None:
    write(tmp_path, 'clinic_name = "Hillside"\n')
    config, problems = load_config(program_dir=tmp_path)
    assert (config.clinic_name, problems) == ("Hillside", ())


def test_a_missing_config_given_on_the_command_line_is_said(tmp_path: Path) -> None:
    config, problems = load_config(tmp_path / "nope.toml")
    assert config == Config()
    problem = only(problems)
    assert problem.code == "config-missing"
    assert "does not exist" in problem.message


def test_a_folder_instead_of_a_file_is_one_message_and_defaults(tmp_path: Path) -> None:
    config, problems = load_config(tmp_path)
    assert config.kiosk == KioskSettings()
    assert only(problems).code == "config-unreadable"


def test_a_file_that_is_not_utf8_is_one_message_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "fieldguide.toml"
    path.write_bytes(b'clinic_name = "A"\nnote = "caf\xe9"\n')
    config, problems = load_config(path)
    problem = only(problems)
    assert (problem.code, problem.line, config.clinic_name) == ("config-unreadable", 2, "")
    assert "UTF-8" in problem.message


def test_a_byte_order_mark_from_notepad_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "fieldguide.toml"
    path.write_bytes('\ufeffclinic_name = "Notepad"\n'.encode())
    assert load_config(path)[0].clinic_name == "Notepad"


def test_a_file_that_is_not_toml_is_one_message_with_its_line_and_defaults(tmp_path: Path) -> None:
    path = write(tmp_path, 'clinic_name = "A"\nlibraries = ["D:\\pages"]\n')
    config, problems = load_config(path)
    problem = only(problems)
    assert (problem.code, problem.line, problem.severity) == ("config-bad-toml", 2, Severity.ERROR)
    assert "forward slashes" in problem.message
    assert config == Config(file=path)


def test_a_table_declared_twice_is_named_in_toml_words(tmp_path: Path) -> None:
    _, problems = parse_config("[kiosk]\n[kiosk]\n", tmp_path / "f.toml")
    assert "[kiosk]" in only(problems).message
    assert "('kiosk',)" not in only(problems).message


# Each kind of message: (file text, code, words the message must hold, line).
CASES = {
    "unknown top-level key": ('colour = "dark"\n', "config-unknown-key", ["colour"], 1),
    "unknown key in [kiosk]": (
        "[kiosk]\nenabled = false\nidle_timout = 60\n",
        "config-unknown-key",
        ["idle_timout", "[kiosk]", '"idle_timeout"'],
        3,
    ),
    "unknown key in the 2nd [[help.contacts]]": (
        '[[help.contacts]]\nname = "A"\nnumber = "1"\n\n'
        '[[help.contacts]]\nname = "B"\nnumber = "2"\nphone = "3"\n',
        "config-unknown-key",
        ["phone", "2nd [[help.contacts]]"],
        8,
    ),
    "wrong type at the top": ("clinic_name = 5\n", "config-wrong-type", ["clinic_name"], 1),
    "wrong type in [kiosk]": (
        '# a comment = "no"\n[kiosk]\n\nidle_timeout = "three minutes"\n',
        "config-wrong-type",
        ["idle_timeout", "[kiosk]", "whole number"],
        4,
    ),
    "wrong type with a dotted key": (
        'kiosk.enabled = "yes"\n',
        "config-wrong-type",
        ["enabled", "[kiosk]", "true or false"],
        1,
    ),
    "wrong type in an inline table": (
        'help.contacts = [\n  { name = "A", number = "1" },\n  { name = 7, number = "2" },\n]\n',
        "config-wrong-type",
        ["name", "2nd [[help.contacts]]", "left out of Get help now"],
        3,
    ),
    "a section that is not one": ("kiosk = true\n", "config-wrong-type", ["kiosk", "[kiosk]"], 1),
    "a list that is not one": (
        '[help]\ncontacts = "call us"\n',
        "config-wrong-type",
        ["contacts", "[help]"],
        2,
    ),
    "a missing folder in a long list": (
        'libraries = [\n  "pages",\n  # our second folder\n  "no-such-folder",\n]\n',
        "config-bad-path",
        ["no-such-folder", "2nd entry of libraries", "does not exist"],
        4,
    ),
    "a file where a folder should be": (
        'libraries = ["fieldguide.toml"]\n',
        "config-bad-path",
        ["fieldguide.toml", "libraries", "not a folder"],
        1,
    ),
    "a number out of range": (
        "[kiosk]\ncountdown = 1\n",
        "config-bad-value",
        ["countdown", "[kiosk]", "from 5 to 600", "uses 5"],
        2,
    ),
    "a theme we do not have": ('theme = "blue"\n', "config-bad-value", ["theme", '"dark"'], 1),
    "a start page that cannot be one": (
        'start_page = "../outside"\n',
        "config-bad-value",
        ["start_page"],
        1,
    ),
    "an exit chord without modifiers": (
        '[kiosk]\nexit_chord = "K"\n',
        "config-bad-value",
        ["exit_chord", "[kiosk]", "Ctrl"],
        2,
    ),
    "a contact without a number": (
        '[help]\nemergency_number = "112"\n\n[[help.contacts]]\nname = "Clinic"\nhours = "9-5"\n',
        "config-missing-value",
        ["1st [[help.contacts]]", "no number"],
        4,
    ),
    "kiosk on without a PIN": (
        "[kiosk]\nenabled = true\n",
        "config-no-pin",
        ["enabled in [kiosk]", "no administrator PIN", "fieldguide kiosk-pin"],
        2,
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_each_message_names_the_key_and_the_line(tmp_path: Path, case: str) -> None:
    text, code, words, line = CASES[case]
    (tmp_path / "pages").mkdir()
    path = tmp_path / "fieldguide.toml"
    path.write_text(text, encoding="utf-8")
    config, problems = load_config(path)
    problem = only(problems)
    assert (problem.code, problem.line) == (code, line), str(problem)
    assert problem.file == str(path)
    for word in words:
        assert word in problem.message, (word, problem.message)
    assert f"{path}:{line}:" in str(problem)
    assert isinstance(config, Config)


def test_unknown_keys_are_warnings_and_wrong_values_errors(tmp_path: Path) -> None:
    _, problems = parse_config("colour = 1\ntheme = 2\n", tmp_path / "f.toml")
    assert [p.severity for p in problems] == [Severity.WARNING, Severity.ERROR]


def test_the_rest_of_the_file_still_applies(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    path = write(
        tmp_path,
        """
        clinic_name = "Hillside"
        colour = "green"
        theme = "DARK"
        text_size = 1000
        libraries = ["pages", "gone"]
        [help]
        emergency_number = 112
        [[help.contacts]]
        name = "No number"
        [[help.contacts]]
        name = "Front desk"
        number = "555-0100"
        [kiosk]
        enabled = true
        idle_timeout = "soon"
        countdown = 30.0
        allow_printing = true
        exit_chord = "ctrl + shift + f12"
        """,
    )
    config, problems = load_config(path)
    assert config.clinic_name == "Hillside"
    assert config.theme == "dark"
    assert config.text_size == 300  # clamped
    assert config.libraries == (tmp_path / "pages",)
    assert config.emergency_number == "112"  # a number without quotes is fine for a phone
    assert config.help_contacts == (HelpContact("Front desk", "555-0100"),)
    assert config.kiosk.enabled and config.kiosk.allow_printing
    assert (config.kiosk.idle_timeout, config.kiosk.countdown) == (180, 30)
    assert config.kiosk.exit_chord == "Ctrl+Shift+F12"
    codes = [p.code for p in problems]
    assert codes == [
        "config-unknown-key",
        "config-bad-value",
        "config-bad-path",
        "config-missing-value",
        "config-no-pin",
        "config-wrong-type",
    ]
    assert [p.line for p in problems] == sorted(p.line or 0 for p in problems)


def test_relative_folders_are_read_from_the_config_files_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "stick" / "clinic-pages"
    site.mkdir(parents=True)
    path = write(tmp_path / "stick", 'libraries = ["clinic-pages", "clinic-pages/"]\n')
    monkeypatch.chdir(tmp_path)
    config, problems = load_config(Path("stick") / "fieldguide.toml")
    assert problems == ()
    assert config.libraries == (site,)  # absolute, and named once
    assert path.exists()


def test_a_single_folder_need_not_be_in_a_list(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    config, problems = parse_config('libraries = "pages"\n', tmp_path / "f.toml")
    assert (config.libraries, problems) == ((tmp_path / "pages",), ())


def test_a_folder_name_with_a_nul_is_a_message_not_a_crash(tmp_path: Path) -> None:
    config, problems = parse_config('libraries = ["a\\u0000b"]\n', tmp_path / "f.toml")
    assert config.libraries == ()
    assert only(problems).code == "config-bad-path"


def test_a_start_page_is_written_as_a_slug(tmp_path: Path) -> None:
    text = 'start_page = "/withdrawal\\\\how-long-it-lasts.md"\n'
    config, problems = parse_config(text, tmp_path / "f.toml")
    assert (config.start_page, problems) == ("withdrawal/how-long-it-lasts", ())


def test_a_plain_pin_in_the_file_locks_the_kiosk_and_is_never_repeated(tmp_path: Path) -> None:
    config, problems = parse_config('[kiosk]\npin_hash = "4826"\n', tmp_path / "f.toml")
    problem = only(problems)
    assert (problem.code, problem.line) == ("config-bad-value", 2)
    assert "4826" not in str(problem)
    assert config.kiosk.has_pin
    assert not verify_pin("4826", config.kiosk.pin_hash)


def test_a_pin_written_as_a_number_is_never_repeated(tmp_path: Path) -> None:
    config, problems = parse_config("[kiosk]\npin_hash = 482613\n", tmp_path / "f.toml")
    assert "482613" not in str(only(problems))
    assert not verify_pin("482613", config.kiosk.pin_hash)


def test_a_stored_pin_hash_is_kept(tmp_path: Path) -> None:
    stored = "pbkdf2_sha256$600000$c2FsdHNhbHRzYWx0$" + "A" * 43 + "="
    config, problems = parse_config(f'[kiosk]\npin_hash = "{stored}"\n', tmp_path / "f.toml")
    assert (config.kiosk.pin_hash, problems) == (stored, ())


TOML_BITS = st.sampled_from(
    [
        "[kiosk]", "[[help.contacts]]", "[help]", "enabled = true", "idle_timeout = 5",
        'name = "x"', "number = 7", 'libraries = ["a", 1, [2]]', "text_size = 1e400",
        'theme = "dark"', "kiosk = {enabled = 1}", "help.contacts = [{name = 1}, 2]",
        'pin_hash = "scrypt$1$1$1$AA==$AA=="', 'exit_chord = "Ctrl+Alt+"', "x.y.z = [[]]",
        '"quoted key" = 1', "'''", '"""', "# comment", "= 1", "[", "]", "{", "}", ",", "\\",
        'start_page = ".."', "countdown = -1", "a = 1979-05-27T07:32:00Z", "\n", " ", "\t",
    ]
)  # fmt: skip


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(TOML_BITS, max_size=30).map("\n".join))
def test_toml_ish_text_never_raises(tmp_path: Path, text: str) -> None:
    config, problems = parse_config(text, tmp_path / "f.toml")
    assert isinstance(config, Config)
    assert all(isinstance(p, Problem) for p in problems)


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text())
def test_any_text_never_raises(tmp_path: Path, text: str) -> None:
    config, problems = parse_config(text, tmp_path / "f.toml")
    assert isinstance(config, Config)
    assert all(p.line is None or p.line >= 1 for p in problems)

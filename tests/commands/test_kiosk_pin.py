"""`fieldguide kiosk-pin`: stores a hash that verifies, changes nothing else, hides the PIN."""

from __future__ import annotations

import io
import logging
import os
import shutil
import stat
from pathlib import Path

import pytest

from fieldguide import cli, paths
from fieldguide.commands import kiosk_pin
from fieldguide.config import load_config, verify_pin

PIN = "482613"
EXAMPLE = paths.resources_dir() / "fieldguide.example.toml"


def run(args: list[str], monkeypatch: pytest.MonkeyPatch, stdin: str = "") -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return cli.main(["kiosk-pin", *args])


def typed(monkeypatch: pytest.MonkeyPatch, *answers: str) -> list[str]:
    """Answer getpass prompts with `answers`; returns the prompts asked."""
    prompts: list[str] = []
    replies = iter(answers)

    def fake_getpass(prompt: str = "") -> str:
        prompts.append(prompt)
        return next(replies)

    monkeypatch.setattr(kiosk_pin.getpass, "getpass", fake_getpass)
    return prompts


def stored_hash(file: Path) -> str:
    config, problems = load_config(file)
    assert problems == (), [str(p) for p in problems]
    return config.kiosk.pin_hash


def test_pin_from_stdin_changes_only_the_pin_hash_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "fieldguide.toml"
    shutil.copy(EXAMPLE, file)
    before = file.read_text(encoding="utf-8").splitlines()
    assert run(["--config", str(file), "--pin-stdin"], monkeypatch, f"{PIN}\n") == 0
    after = file.read_text(encoding="utf-8").splitlines()
    changed = [(old, new) for old, new in zip(before, after, strict=True) if old != new]
    assert len(changed) == 1
    assert changed[0][0] == 'pin_hash = ""'
    assert changed[0][1].startswith('pin_hash = "scrypt$')
    assert verify_pin(PIN, stored_hash(file))
    assert not verify_pin("482614", stored_hash(file))
    out = capsys.readouterr()
    assert "stored" in out.out and "Kiosk mode is off" in out.out
    assert PIN not in out.out + out.err + file.read_text(encoding="utf-8")


def test_the_pin_is_asked_twice_without_echo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    file = tmp_path / "fieldguide.toml"
    file.write_text("# our clinic\n[kiosk]\nenabled = true\n", encoding="utf-8")
    prompts = typed(monkeypatch, PIN, PIN)
    with caplog.at_level(logging.DEBUG):
        assert run(["--config", str(file)], monkeypatch) == 0
    assert len(prompts) == 2
    text = file.read_text(encoding="utf-8")
    assert text.startswith("# our clinic\n[kiosk]\nenabled = true\npin_hash = ")
    assert verify_pin(PIN, stored_hash(file))
    assert PIN not in caplog.text


def test_two_different_pins_change_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "fieldguide.toml"
    file.write_text("[kiosk]\n", encoding="utf-8")
    typed(monkeypatch, PIN, "482614")
    assert run(["--config", str(file)], monkeypatch) == 1
    assert file.read_text(encoding="utf-8") == "[kiosk]\n"
    assert "not the same" in capsys.readouterr().err


@pytest.mark.parametrize("pin", ["12", "12ab", ""])
def test_a_pin_that_cannot_be_used_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], pin: str
) -> None:
    file = tmp_path / "fieldguide.toml"
    file.write_text("[kiosk]\n", encoding="utf-8")
    assert run(["--config", str(file), "--pin-stdin"], monkeypatch, pin + "\n") == 1
    assert file.read_text(encoding="utf-8") == "[kiosk]\n"
    assert "Nothing was changed" in capsys.readouterr().err


def test_a_missing_file_is_made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    file = tmp_path / "new" / "fieldguide.toml"
    assert run(["--config", str(file), "--pin-stdin"], monkeypatch, PIN) == 0
    assert verify_pin(PIN, stored_hash(file))
    assert file.read_text(encoding="utf-8").startswith("# Field Guide settings")


def test_the_default_file_is_beside_the_program(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(paths, "program_dir", lambda: tmp_path)
    assert run(["--pin-stdin"], monkeypatch, PIN) == 0
    assert verify_pin(PIN, stored_hash(tmp_path / "fieldguide.toml"))


def test_a_second_run_replaces_the_pin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    file = tmp_path / "fieldguide.toml"
    assert run(["--config", str(file), "--pin-stdin"], monkeypatch, PIN) == 0
    assert run(["--config", str(file), "--pin-stdin"], monkeypatch, "1357") == 0
    assert verify_pin("1357", stored_hash(file))
    assert not verify_pin(PIN, stored_hash(file))
    assert file.read_text(encoding="utf-8").count("pin_hash") == 1


def test_line_ends_byte_order_mark_and_file_mode_are_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = tmp_path / "fieldguide.toml"
    file.write_bytes(b'\xef\xbb\xbfclinic_name = "A"\r\n[kiosk]\r\nenabled = true\r\n')
    os.chmod(file, 0o640)
    assert run(["--config", str(file), "--pin-stdin"], monkeypatch, PIN) == 0
    raw = file.read_bytes()
    assert raw.startswith(b'\xef\xbb\xbfclinic_name = "A"\r\n[kiosk]\r\nenabled = true\r\npin_hash')
    assert raw.endswith(b'"\r\n') and b"\n" not in raw.replace(b"\r\n", b"")
    assert stat.S_IMODE(file.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["fieldguide.toml"]  # no temporary file left


def test_a_form_we_do_not_edit_prints_the_line_to_paste(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "fieldguide.toml"
    file.write_text("kiosk = { enabled = true }\n", encoding="utf-8")
    assert run(["--config", str(file), "--pin-stdin"], monkeypatch, PIN) == 1
    assert file.read_text(encoding="utf-8") == "kiosk = { enabled = true }\n"
    err = capsys.readouterr().err
    line = err.strip().splitlines()[-1]
    assert line.startswith('pin_hash = "scrypt$')
    assert verify_pin(PIN, line.split('"')[1])


def test_a_place_that_cannot_be_written_is_a_clear_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    assert run(["--config", str(blocker / "fieldguide.toml"), "--pin-stdin"], monkeypatch, PIN) == 1
    err = capsys.readouterr().err
    assert "Could not save" in err and "Traceback" not in err

"""The clinic's contacts on Get help now: the block, where it goes, and the service that adds it."""

from __future__ import annotations

from pathlib import Path

from fieldguide.config import Config, HelpContact
from fieldguide.helpinfo import (
    HELP_SLUG,
    LocalHelpService,
    clinic_help_html,
    with_block_after_title,
)
from fieldguide.library.loader import load_library
from tests.library_factory import write_library

CLINIC = Config(
    clinic_name="Riverside <Clinic>",
    emergency_number="112",
    help_contacts=(
        HelpContact("Front desk", "555-0100", "Mon to Fri, 8 to 6", "Ask for the nurse."),
        HelpContact("Crisis line", "555-0199"),
    ),
)

HELP_PAGE = (
    "---\ntitle: Get help now\nsummary: Who to call.\nreviewed: 2026-11-20\nsources: [medline]\n"
    "---\nCall **911** in the United States.\n"
)


def test_no_numbers_no_block() -> None:
    assert clinic_help_html(Config()) == ""
    assert clinic_help_html(Config(clinic_name="Riverside")) == ""


def test_block_names_the_clinic_and_every_contact_in_order() -> None:
    block = clinic_help_html(CLINIC)
    assert "Help from Riverside &lt;Clinic&gt;" in block  # escaped, never markup
    assert "Emergency here: call 112" in block
    assert block.index("112") < block.index("Front desk") < block.index("Crisis line")
    for text in ("555-0100", "Mon to Fri, 8 to 6", "Ask for the nurse.", "555-0199"):
        assert text in block
    assert 'class="box note' in block


def test_block_without_a_clinic_name_or_emergency_number() -> None:
    block = clinic_help_html(Config(help_contacts=(HelpContact("Desk", "1"),)))
    assert "Help near you" in block
    assert "Emergency" not in block


def test_block_goes_right_after_the_title() -> None:
    assert with_block_after_title("<h1>T</h1><p>x</p>", "<b>B</b>") == "<h1>T</h1><b>B</b><p>x</p>"
    assert with_block_after_title("<p>x</p>", "<b>B</b>") == "<b>B</b><p>x</p>"
    assert with_block_after_title("<h1>T</h1>", "") == "<h1>T</h1>"


def test_service_puts_clinic_contacts_before_the_librarys_own(tmp_path: Path) -> None:
    root = write_library(tmp_path / "lib", {f"{HELP_SLUG}.md": HELP_PAGE})
    service = LocalHelpService(load_library(root), CLINIC)
    page = service.page(HELP_SLUG)
    assert page.title == "Get help now"
    assert page.html.index("Get help now") < page.html.index("555-0100") < page.html.index("911")
    # other pages are untouched, and asking twice does not add the block twice
    assert "555-0100" not in service.page("home").html
    assert service.page(HELP_SLUG).html.count("555-0100") == 1


def test_service_without_config_numbers_shows_the_library_page(tmp_path: Path) -> None:
    root = write_library(tmp_path / "lib", {f"{HELP_SLUG}.md": HELP_PAGE})
    page = LocalHelpService(load_library(root), Config()).page(HELP_SLUG)
    assert "911" in page.html
    assert "clinic-help" not in page.html


def test_library_without_a_help_page_still_gets_one(tmp_path: Path) -> None:
    root = write_library(tmp_path / "lib")
    service = LocalHelpService(load_library(root), CLINIC)
    page = service.page(HELP_SLUG)
    assert page.kind == "article"
    assert "call your local emergency number" in page.html
    assert page.html.index("555-0100") < page.html.index("call your local emergency")
    bare = LocalHelpService(load_library(root), Config()).page(HELP_SLUG)
    assert "not found" not in bare.html.lower()

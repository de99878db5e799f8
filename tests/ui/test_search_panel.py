"""The search box in the window, on the bundled library with the real search: typing, the
keyboard, the spelling line, the dead-end panel, and opening a result at its first match."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fieldguide.helpinfo import HELP_SLUG
from fieldguide.ui import MainWindow
from fieldguide.ui.find_bar import CURRENT_COLOUR
from tests.ui.search_fixtures import WAIT_MS, hit_slugs, make_search_window, press, rows
from tests.ui.search_fixtures import type_and_wait as type_

WITHDRAWAL = "withdrawal/what-is-withdrawal"


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    return make_search_window(qtbot)


def test_the_box_is_named_and_says_what_it_is_for(window: MainWindow) -> None:
    box = window.search.box
    assert box.placeholderText() == "Search the guide"
    assert box.accessibleName() == "Search the guide"
    assert box.accessibleDescription()
    assert window.search.stack.currentWidget() is window.tree


def test_typing_dope_sick_lists_the_withdrawal_article(window: MainWindow, qtbot: QtBot) -> None:
    results = type_(qtbot, window, "dope sick")
    assert results.query == "dope sick"
    assert WITHDRAWAL in hit_slugs(window)[:3]
    assert window.search.stack.currentWidget() is window.search.results
    first = rows(window)[0]
    assert first.detail  # the topic path
    assert "<span" in first.snippet_html  # the matched words are marked
    assert window.search.box.hasFocus()  # typing goes on in the box


def test_down_then_enter_opens_the_result_at_its_first_match(
    window: MainWindow, qtbot: QtBot
) -> None:
    type_(qtbot, window, "dope sick")
    press(qtbot, Qt.Key.Key_Down)
    assert window.search.results.hasFocus()
    assert window.search.results.currentIndex().row() == 0
    chosen = rows(window)[0]
    assert chosen.hit is not None
    with qtbot.waitSignal(window.page_shown, timeout=WAIT_MS) as shown:
        press(qtbot, Qt.Key.Key_Return)
    assert shown.args == [chosen.target]
    assert window.view.hasFocus()
    marks = window.view.extraSelections()
    assert marks, "the matched words are highlighted"
    current = [m for m in marks if m.format.background().color() == CURRENT_COLOUR]
    assert len(current) == 1
    assert current[0].cursor.selectedText().casefold() == chosen.hit.first_match.casefold()
    caret = window.view.cursorRect()
    assert window.view.viewport().rect().contains(caret), "the first match is on screen"
    # The results stay, to try another one.
    assert window.search.stack.currentWidget() is window.search.results


def test_up_and_down_move_in_the_list_and_up_from_the_top_goes_back_to_the_box(
    window: MainWindow, qtbot: QtBot
) -> None:
    type_(qtbot, window, "kratom")
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Down)
    assert window.search.results.currentIndex().row() == 1
    press(qtbot, Qt.Key.Key_Up)
    press(qtbot, Qt.Key.Key_Up)
    assert window.search.box.hasFocus()


def test_enter_in_the_box_opens_the_best_page(window: MainWindow, qtbot: QtBot) -> None:
    window.search.focus_box()
    qtbot.keyClicks(window.search.box, "narcan")
    with qtbot.waitSignal(window.page_shown, timeout=WAIT_MS) as shown:
        press(qtbot, Qt.Key.Key_Return)
    assert shown.args == ["overdose/overdose-and-naloxone"]


@pytest.mark.parametrize("key", ["K", "L"])
def test_ctrl_k_and_ctrl_l_put_the_keyboard_in_the_box(
    window: MainWindow, qtbot: QtBot, key: str
) -> None:
    window.search.box.setText("kratom")
    window.view.setFocus()
    qtbot.keyClick(window.view, getattr(Qt.Key, f"Key_{key}"), Qt.KeyboardModifier.ControlModifier)
    assert window.search.box.hasFocus()
    assert window.search.box.selectedText() == "kratom"  # ready to type a new search


def test_ctrl_f_still_finds_in_the_page(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.field.hasFocus()


@pytest.mark.parametrize("where", ["view", "tree"])
def test_typing_while_reading_starts_a_search(window: MainWindow, qtbot: QtBot, where: str) -> None:
    widget = getattr(window, where)
    window.search.box.setText("old words")
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    with qtbot.waitSignal(window.search.controller.results_ready, timeout=WAIT_MS):
        qtbot.keyClick(widget, "K")  # goes to the box, which takes the keyboard
        qtbot.keyClicks(QApplication.focusWidget(), "ratom")
    assert window.search.box.hasFocus()
    assert window.search.box.text() == "Kratom"
    assert "kratom/what-is-kratom" in hit_slugs(window)


def test_keys_that_type_nothing_stay_with_the_article(window: MainWindow, qtbot: QtBot) -> None:
    for key, modifier in (
        (Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier),
    ):
        qtbot.keyClick(window.view, key, modifier)
        assert window.view.hasFocus()
    assert window.search.box.text() == ""


@pytest.mark.parametrize("start", ["box", "list"])
def test_esc_clears_the_search_and_goes_back_to_the_article(
    window: MainWindow, qtbot: QtBot, start: str
) -> None:
    type_(qtbot, window, "kratom")
    if start == "list":
        press(qtbot, Qt.Key.Key_Down)
    with qtbot.waitSignal(window.search.controller.cleared, timeout=WAIT_MS):
        press(qtbot, Qt.Key.Key_Escape)
    assert window.search.box.text() == ""
    assert window.search.stack.currentWidget() is window.tree
    assert rows(window) == []
    assert window.view.hasFocus()


def test_a_misspelling_shows_the_correction_and_search_instead_works(
    window: MainWindow, qtbot: QtBot
) -> None:
    results = type_(qtbot, window, "kratum")
    assert results.corrected == "kratom"
    status = window.search.status
    assert status.isVisible()
    assert "Showing results for <b>kratom</b>" in status.text()
    instead = window.search.instead
    assert instead.isVisible()
    assert instead.text() == "search instead for kratum"
    assert "kratom/what-is-kratom" in hit_slugs(window)
    with qtbot.waitSignal(window.search.controller.results_ready, timeout=WAIT_MS) as shown:
        qtbot.mouseClick(instead, Qt.MouseButton.LeftButton)
    exact, asked = shown.args
    assert asked.exact and asked.text == "kratum"
    assert exact.corrected is None
    assert not instead.isVisible()
    assert "Showing results" not in status.text()


def test_nonsense_is_never_a_dead_end(window: MainWindow, qtbot: QtBot) -> None:
    results = type_(qtbot, window, "xqzzv blorf")
    assert results.is_empty
    assert "No pages match “xqzzv blorf”." in window.search.status.text()
    kinds = [row.kind for row in rows(window)]
    assert "topic" in kinds
    assert kinds[-1] == "help"
    # The help topic is not offered again beside the Get help now row.
    assert not [row for row in rows(window) if row.kind == "topic" and row.target == "help"]
    assert [row.kind for row in rows(window)].count("hit") == 0
    # The Get help now row opens the help page, from the keyboard.
    press(qtbot, Qt.Key.Key_Down)
    for _ in kinds[1:]:
        press(qtbot, Qt.Key.Key_Down)
    assert window.search.results.currentIndex().row() == len(kinds) - 1
    with qtbot.waitSignal(window.page_shown, timeout=WAIT_MS) as shown:
        press(qtbot, Qt.Key.Key_Return)
    assert shown.args == [HELP_SLUG]


def test_a_nearest_topic_opens_when_clicked(window: MainWindow, qtbot: QtBot) -> None:
    type_(qtbot, window, "xqzzv blorf")
    topic_row = next(i for i, row in enumerate(rows(window)) if row.kind == "topic")
    results = window.search.results
    rect = results.visualRect(window.search.model.index(topic_row))
    with qtbot.waitSignal(window.page_shown, timeout=WAIT_MS) as shown:
        qtbot.mouseClick(results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert shown.args == [rows(window)[topic_row].target]


def test_a_did_you_mean_word_searches_for_it(window: MainWindow, qtbot: QtBot) -> None:
    results = type_(qtbot, window, "xqzzv blorf")
    assert results.suggestions, "the bundled library has a close word for this"
    word = results.suggestions[0]
    press(qtbot, Qt.Key.Key_Down)
    assert rows(window)[0].kind == "suggestion"
    with qtbot.waitSignal(window.search.controller.results_ready, timeout=WAIT_MS) as shown:
        press(qtbot, Qt.Key.Key_Return)
    assert shown.args[1].text == word
    assert window.search.box.text() == word


def test_clearing_the_box_shows_the_topics_again(window: MainWindow, qtbot: QtBot) -> None:
    type_(qtbot, window, "kratom")
    with qtbot.waitSignal(window.search.controller.cleared, timeout=WAIT_MS):
        window.search.box.clear()
    assert window.search.stack.currentWidget() is window.tree


def test_a_kiosk_session_reset_forgets_the_search(window: MainWindow, qtbot: QtBot) -> None:
    from fieldguide.ui.kiosk_setup import kiosk_resets

    type_(qtbot, window, "kratum")
    assert kiosk_resets(window).reset() == []
    assert window.search.box.text() == ""
    assert rows(window) == [] and not window.search.instead.isVisible()
    assert window.search.stack.currentWidget() is window.tree

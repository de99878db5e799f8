"""The kiosk's look as pure text: the touch stylesheet and the neutral page (no Qt imports)."""

from __future__ import annotations

import html

TOUCH_TARGET_PX = 44  # the smallest thing a finger must hit (WCAG 2.5.5, Apple and Android)
TEXT_SCALE = 1.25  # kiosk text is this much larger than the computer's normal text

# Object names the stylesheet refers to.
LEAVE_BUTTON = "kiosk_leave"
OVERLAY_PANEL = "kiosk_panel"
OVERLAY_HEADING = "kiosk_heading"
BIG_NUMBER = "kiosk_big_number"
PIN_KEY = "kiosk_pin_key"
PRIMARY = "kiosk_primary"


def kiosk_stylesheet(touch_px: int = TOUCH_TARGET_PX) -> str:
    """Rules added to the main window's stylesheet in kiosk mode: big targets, wide scroll bars.

    Font sizes are not set here for the reader's own widgets (a stylesheet font would override
    zoom); the kiosk sets a larger window font instead. Nothing depends on hovering.
    """
    t = touch_px
    return f"""
QPushButton, QToolButton {{ min-height: {t}px; min-width: {t}px; padding: 4px 14px; }}
QLineEdit, QComboBox, QSpinBox {{ min-height: {t}px; padding: 0 8px; }}
QTreeView::item, QListView::item {{ min-height: {t}px; }}
QMenu {{ border: 1px solid palette(mid); }}
QMenu::item {{ min-height: {t}px; padding: 0 28px; }}
QMenu::item:selected {{ background: palette(highlight); color: palette(highlighted-text); }}
QCheckBox::indicator, QRadioButton::indicator {{ width: 28px; height: 28px; }}
QToolBar {{ spacing: 8px; padding: 4px; }}
QScrollBar:vertical {{ width: 28px; margin: 0; background: palette(window); }}
QScrollBar:horizontal {{ height: 28px; margin: 0; background: palette(window); }}
QScrollBar::handle:vertical {{ min-height: {t}px; margin: 4px; border-radius: 8px;
    background: palette(mid); }}
QScrollBar::handle:horizontal {{ min-width: {t}px; margin: 4px; border-radius: 8px;
    background: palette(mid); }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; border: none; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
QPushButton#{LEAVE_BUTTON} {{ font-weight: bold; padding: 4px 22px; color: white;
    background: #3b3f46; border: 2px solid #3b3f46; border-radius: 8px; }}
QPushButton#{LEAVE_BUTTON}:pressed {{ background: #1f2226; }}
QFrame#{OVERLAY_PANEL} {{ background: palette(base); color: palette(text);
    border-radius: 16px; border: 1px solid palette(mid); }}
QLabel#{OVERLAY_HEADING} {{ font-size: 22pt; font-weight: bold; }}
QLabel#{BIG_NUMBER} {{ font-size: 36pt; font-weight: bold; }}
QPushButton#{PIN_KEY} {{ min-width: 88px; min-height: 56px; font-size: 20pt; }}
QPushButton#{PRIMARY} {{ min-height: 56px; font-size: 18pt; font-weight: bold;
    padding: 4px 28px; }}
"""


def neutral_page_html(title: str = "Welcome", text: str = "Touch Start to begin.") -> str:
    """The page "Leave quickly" shows: plain words, nothing about health or what was read."""
    return (
        '<div align="center">'
        f'<h1 style="font-size: 32pt; font-weight: normal;">{html.escape(title)}</h1>'
        f'<p style="font-size: 18pt;">{html.escape(text)}</p>'
        "</div>"
    )

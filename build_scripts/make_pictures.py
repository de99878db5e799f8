"""Write the bundled library's pictures (withdrawal timeline, overdose steps) as plain SVG.

Standard library only. Run it after changing a picture's words or layout:

    python build_scripts/make_pictures.py

The SVG avoids <pattern>, <clipPath> and filters, which simple SVG renderers (such as Qt's)
skip: hatching and dots are drawn as single lines and circles. Every picture sits on a light card
so that it reads in a dark theme, and every shade also has a label or texture, so that it reads
in black and white.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

OUT = Path(__file__).resolve().parent.parent / "resources" / "library" / "images"
WIDTH = 640
INK = "#1a1a1a"
CARD = "#fbfaf6"
FONT = "DejaVu Sans, Verdana, Arial, sans-serif"


def text(
    x: float,
    y: float,
    words: str,
    size: int = 16,
    weight: str = "normal",
    anchor: str = "start",
    fill: str = INK,
) -> str:
    """One line of text."""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-family="{FONT}" font-size="{size}" '
        f'font-weight="{weight}" text-anchor="{anchor}" fill="{fill}">{escape(words)}</text>'
    )


def rect(
    x: float,
    y: float,
    w: float,
    h: float,
    fill: str = "none",
    stroke: str = INK,
    width: float = 1.5,
    rx: float = 0,
    dash: str = "",
) -> str:
    """A rectangle."""
    extra = f' stroke-dasharray="{dash}"' if dash else ""
    return (
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" rx="{rx}" '
        f'fill="{fill}" stroke="{stroke}" stroke-width="{width}"{extra}/>'
    )


def line(
    x1: float,
    y1: float,
    x2: float,
    y2: float,
    stroke: str = INK,
    width: float = 1.5,
    dash: str = "",
) -> str:
    """A straight line."""
    extra = f' stroke-dasharray="{dash}"' if dash else ""
    return (
        f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
        f'stroke="{stroke}" stroke-width="{width}"{extra}/>'
    )


def hatch(x0: float, y0: float, w: float, h: float, step: float = 8) -> list[str]:
    """Diagonal lines that fill a rectangle exactly (no clipping needed)."""
    parts = []
    x = x0 - h
    while x < x0 + w:
        t0, t1 = max(0.0, x0 - x), min(h, x0 + w - x)
        if t1 > t0:
            parts.append(line(x + t0, y0 + h - t0, x + t1, y0 + h - t1, stroke="#444", width=1.6))
        x += step
    return parts


def dots(x0: float, y0: float, w: float, h: float, step: float = 8) -> list[str]:
    """A grid of small dots inside a rectangle."""
    parts = []
    y = y0 + step / 2
    row = 0
    while y < y0 + h:
        x = x0 + step / 2 + (step / 2 if row % 2 else 0)
        while x < x0 + w - 1:
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="1.7" fill="#444"/>')
            x += step
        y += step
        row += 1
    return parts


def svg(height: int, title: str, desc: str, body: list[str]) -> str:
    """Wrap the parts in an SVG document with a light card background."""
    return "\n".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
            f'viewBox="0 0 {WIDTH} {height}">',
            f"<title>{escape(title)}</title>",
            f"<desc>{escape(desc)}</desc>",
            rect(1, 1, WIDTH - 2, height - 2, fill=CARD, stroke="#9a968c", width=2, rx=14),
            *body,
            "</svg>",
            "",
        ]
    )


# ---- withdrawal timeline -------------------------------------------------------------------

LEFT, RIGHT, LAST_DAY = 40.0, 600.0, 21


def day_x(day: float) -> float:
    """x position of a day after the last dose."""
    return LEFT + day * (RIGHT - LEFT) / LAST_DAY


def phase_bar(
    y: float, start: float, worst: tuple[float, float], end: float, h: float = 34
) -> list[str]:
    """A withdrawal bar: hatched while it builds up, solid at its worst, dotted while it eases."""
    a, b = worst
    parts = [rect(day_x(start), y, day_x(a) - day_x(start), h, fill="#ffffff", width=0)]
    parts += hatch(day_x(start), y, day_x(a) - day_x(start), h)
    parts.append(rect(day_x(a), y, day_x(b) - day_x(a), h, fill="#2b2b2b", width=0))
    parts.append(rect(day_x(b), y, day_x(end) - day_x(b), h, fill="#ffffff", width=0))
    parts += dots(day_x(b), y, day_x(end) - day_x(b), h)
    parts.append(rect(day_x(start), y, day_x(end) - day_x(start), h, width=2))
    return parts


def timeline() -> str:
    """Short- and long-acting opioid withdrawal on one scale of days."""
    body: list[str] = [
        text(WIDTH / 2, 36, "How long opioid withdrawal lasts", 21, "bold", "middle")
    ]
    # legend
    lx, ly = 40, 58
    for label, kind in (
        ("Building up", "hatch"),
        ("At its worst", "solid"),
        ("Easing off", "dots"),
    ):
        body.append(rect(lx, ly, 34, 20, fill="#ffffff", width=0))
        if kind == "hatch":
            body += hatch(lx, ly, 34, 20, 7)
        elif kind == "solid":
            body.append(rect(lx, ly, 34, 20, fill="#2b2b2b", width=0))
        else:
            body += dots(lx, ly, 34, 20, 7)
        body.append(rect(lx, ly, 34, 20, width=1.5))
        body.append(text(lx + 42, ly + 16, label, 15))
        lx += 190
    # faint day lines behind the bars
    ticks = (0, 1, 3, 7, 10, 14, 21)
    for d in ticks:
        for y1, y2 in ((118, 156), (238, 276)):
            body.append(line(day_x(d), y1, day_x(d), y2, stroke="#b9b5ab", width=1, dash="3 4"))
    # short-acting
    body.append(
        text(40, 112, "Short-acting opioids: heroin, fentanyl, regular oxycodone", 16, "bold")
    )
    body += phase_bar(120, 0.25, (1, 3), 10)
    body.append(
        text(40, 176, "Starts 6 to 12 hours after the last dose. Worst on days 1 to 3.", 15)
    )
    body.append(text(40, 196, "Mostly over in 4 to 10 days.", 15))
    # long-acting
    body.append(text(40, 232, "Long-acting opioids: methadone, extended-release pills", 16, "bold"))
    body += phase_bar(240, 1, (3, 4), 20)
    body.append(
        text(40, 296, "Starts 1 to 3 days after the last dose. Worst around days 3 to 4.", 15)
    )
    body.append(text(40, 316, "Lasts about 10 to 20 days.", 15))
    # after the worst
    body.append(text(40, 350, "After the worst is over (both kinds)", 16, "bold"))
    x0 = day_x(10)
    body.append(rect(x0, 358, RIGHT - x0 - 14, 28, fill="#ffffff", width=2, dash="7 5"))
    body.append(
        f'<polygon points="{RIGHT - 14:.1f},352 {RIGHT + 4:.1f},372 {RIGHT - 14:.1f},392" '
        f'fill="{INK}"/>'
    )
    body.append(text(x0 + 10, 378, "Poor sleep, low mood, cravings", 15))
    body.append(text(40, 378, "Can last weeks", 15))
    body.append(text(40, 396, "to months.", 15))
    # axis
    ay = 420
    body.append(line(LEFT, ay, RIGHT, ay, width=2))
    for d in ticks:
        body.append(line(day_x(d), ay - 6, day_x(d), ay + 6, width=2))
        body.append(text(day_x(d), ay + 24, str(d), 15, anchor="middle"))
    body.append(text(WIDTH / 2, ay + 46, "Days after the last dose", 15, "bold", "middle"))
    body.append(
        text(
            WIDTH / 2,
            ay + 68,
            "These times are a rough guide. Every person is different.",
            15,
            anchor="middle",
        )
    )
    desc = (
        "Timeline in days after the last dose. Short-acting opioids: withdrawal starts 6 to 12 "
        "hours after the last dose, is worst on days 1 to 3, and is mostly over in 4 to 10 days. "
        "Long-acting opioids such as methadone: it starts 1 to 3 days after the last dose, is "
        "worst around days 3 to 4, and lasts about 10 to 20 days. After that, poor sleep, "
        "low mood and cravings can last weeks to months."
    )
    return svg(ay + 84, "How long opioid withdrawal lasts", desc, body)


# ---- overdose steps ------------------------------------------------------------------------

STEPS = (
    (
        "Try to wake them",
        ["Shout their name.", "Rub your knuckles hard", "on the middle of their chest."],
    ),
    (
        "Call for help",
        [
            "Call your local emergency",
            "number. Say where you are",
            "and that they will not wake up.",
        ],
    ),
    (
        "Give naloxone",
        [
            "Spray one dose into a nostril.",
            "No change in 2 to 3 minutes?",
            "Use a new spray, other nostril.",
        ],
    ),
    ("Help them breathe", ["Not breathing? Give rescue", "breaths, or CPR if you", "know how."]),
    (
        "Turn them on their side",
        ["If they are breathing,", "roll them onto their side", "so they do not choke."],
    ),
    (
        "Stay with them",
        ["Stay until help comes.", "The overdose can come back", "when naloxone wears off."],
    ),
)


def overdose_steps() -> str:
    """Six numbered cards: what to do when someone may have overdosed on opioids."""
    body: list[str] = [
        text(WIDTH / 2, 36, "What to do if someone may have overdosed", 21, "bold", "middle")
    ]
    card_w, card_h, gap, top = 292, 124, 16, 56
    for i, (head, lines) in enumerate(STEPS):
        col, row = i % 2, i // 2
        x = 20 + col * (card_w + gap)
        y = top + row * (card_h + gap)
        body.append(rect(x, y, card_w, card_h, fill="#ffffff", width=2, rx=10))
        body.append(f'<circle cx="{x + 28:.1f}" cy="{y + 30:.1f}" r="18" fill="{INK}"/>')
        body.append(text(x + 28, y + 37, str(i + 1), 20, "bold", "middle", fill="#ffffff"))
        body.append(text(x + 56, y + 36, head, 17, "bold"))
        for k, words in enumerate(lines):
            body.append(text(x + 16, y + 68 + k * 20, words, 15))
    foot = top + 3 * (card_h + gap) + 14
    body.append(
        text(
            WIDTH / 2, foot, "Not sure it is an overdose? Treat it like one.", 16, "bold", "middle"
        )
    )
    body.append(
        text(
            WIDTH / 2,
            foot + 22,
            "Naloxone will not harm someone who has not taken opioids.",
            15,
            anchor="middle",
        )
    )
    desc = "Six steps: " + " ".join(
        f"{i + 1}. {head}: {' '.join(lines)}" for i, (head, lines) in enumerate(STEPS)
    )
    return svg(foot + 40, "What to do if someone may have overdosed", desc, body)


def main() -> None:
    """Write both pictures into the library's images folder."""
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "withdrawal-timeline.svg").write_text(timeline(), encoding="utf-8")
    (OUT / "overdose-steps.svg").write_text(overdose_steps(), encoding="utf-8")


if __name__ == "__main__":
    main()

"""Back and forward through the pages a reader opened, as browsers do (pure: no Qt)."""

from __future__ import annotations

import math
from typing import NamedTuple

DEFAULT_LIMIT = 100  # places kept on each of the back and forward stacks


class Place(NamedTuple):
    """A page the reader was on, with how far down it they were (0.0 top to 1.0 bottom: the
    reader's scroll is kept within them by Navigation.remember_scroll)."""

    slug: str
    anchor: str = ""
    scroll: float = 0.0


class Navigation:
    """The current place plus two stacks. Visiting a new page clears the forward stack.

    >>> nav = Navigation()
    >>> nav.visit("home"); nav.visit("a"); nav.visit("b")
    True
    True
    True
    >>> nav.back().slug, nav.back().slug, nav.forward().slug
    ('a', 'home', 'a')
    """

    def __init__(self, limit: int = DEFAULT_LIMIT) -> None:
        if limit < 1:
            raise ValueError(f"limit must be at least 1, not {limit}")
        self._limit = limit
        self._back: list[Place] = []
        self._forward: list[Place] = []
        self.current: Place | None = None

    @property
    def can_go_back(self) -> bool:
        """True when there is a page to go back to."""
        return bool(self._back)

    @property
    def can_go_forward(self) -> bool:
        """True when Back was used and a page is waiting ahead."""
        return bool(self._forward)

    @property
    def back_places(self) -> tuple[Place, ...]:
        """The pages Back would show, the nearest first."""
        return tuple(reversed(self._back))

    @property
    def forward_places(self) -> tuple[Place, ...]:
        """The pages Forward would show, the nearest first."""
        return tuple(reversed(self._forward))

    def visit(self, slug: str, anchor: str = "") -> bool:
        """Go to a new page. Returns False (and changes nothing) when it is already the current
        page with no anchor to move to, so that clicking the open page does not fill Back."""
        if self.current is not None:
            if self.current.slug == slug and not anchor:
                return False
            self._push(self._back, self.current)
        self._forward.clear()
        self.current = Place(slug, anchor)
        return True

    def remember_scroll(self, scroll: float) -> None:
        """Note how far down the current page the reader is, for coming back to it later."""
        if self.current is not None:
            scroll = min(1.0, max(0.0, scroll)) if math.isfinite(scroll) else 0.0
            self.current = self.current._replace(scroll=scroll)

    def back(self) -> Place | None:
        """Step back one page; None (and nothing changes) when there is none."""
        return self._step(self._back, self._forward)

    def forward(self) -> Place | None:
        """Step forward one page; None (and nothing changes) when there is none."""
        return self._step(self._forward, self._back)

    def jump(self, steps: int) -> Place | None:
        """Move `steps` pages in one go: forward when positive, back when negative (as when a
        page is chosen from a browser's Back or Forward list). Returns the new current place;
        None (and nothing changes) when the trail is not that long. `jump(0)` stays put.

        >>> nav = Navigation()
        >>> for slug in ("home", "a", "b", "c"): _ = nav.visit(slug)
        >>> nav.jump(-2).slug, [p.slug for p in nav.forward_places]
        ('a', ['b', 'c'])
        >>> nav.jump(2).slug, nav.jump(1)
        ('c', None)
        """
        source, target = (self._forward, self._back) if steps > 0 else (self._back, self._forward)
        if abs(steps) > len(source):
            return None
        for _ in range(abs(steps)):
            self._step(source, target)
        return self.current

    def go_to(self, place: Place) -> Place | None:
        """Jump to a place from `back_places` or `forward_places` (the nearest one, when the
        trail holds it twice); None (and nothing changes) when it holds it nowhere."""
        if place in self.back_places:
            return self.jump(-1 - self.back_places.index(place))
        if place in self.forward_places:
            return self.jump(1 + self.forward_places.index(place))
        return None

    def clear(self) -> None:
        """Forget everything (a kiosk reset)."""
        self._back.clear()
        self._forward.clear()
        self.current = None

    def _step(self, source: list[Place], target: list[Place]) -> Place | None:
        if not source:
            return None
        if self.current is not None:
            self._push(target, self.current)
        self.current = source.pop()
        return self.current

    def _push(self, stack: list[Place], place: Place) -> None:
        stack.append(place)
        del stack[: -self._limit]

"""Navigation: back and forward stacks behave like a browser's, without Qt."""

from __future__ import annotations

import doctest

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldguide import navigation
from fieldguide.navigation import DEFAULT_LIMIT, Navigation, Place


def test_the_docstring_example_runs() -> None:
    assert doctest.testmod(navigation).failed == 0


def test_a_fresh_navigation_can_go_nowhere() -> None:
    nav = Navigation()
    assert nav.current is None
    assert not nav.can_go_back and not nav.can_go_forward
    assert nav.back() is None and nav.forward() is None


def test_back_and_forward_walk_the_pages_and_keep_the_scroll() -> None:
    nav = Navigation()
    nav.visit("home")
    nav.remember_scroll(0.4)
    nav.visit("a")
    assert nav.back() == Place("home", "", 0.4)
    assert nav.can_go_forward
    assert nav.forward() == Place("a")
    assert not nav.can_go_forward


def test_visiting_after_back_drops_the_forward_pages() -> None:
    nav = Navigation()
    for slug in ("home", "a", "b"):
        nav.visit(slug)
    nav.back()
    nav.visit("c")
    assert not nav.can_go_forward
    assert [p.slug for p in nav.back_places] == ["a", "home"]


def test_reopening_the_current_page_does_not_fill_back() -> None:
    nav = Navigation()
    nav.visit("home")
    assert nav.visit("home") is False
    assert not nav.can_go_back
    assert nav.visit("home", "timeline") is True
    assert nav.back_places == (Place("home"),)


def test_scroll_is_kept_between_top_and_bottom() -> None:
    nav = Navigation()
    nav.visit("a")
    nav.remember_scroll(7.0)
    assert nav.current == Place("a", "", 1.0)
    nav.remember_scroll(float("nan"))
    assert nav.current == Place("a", "", 0.0)


def test_go_to_jumps_several_steps() -> None:
    nav = Navigation()
    for slug in ("home", "a", "b", "c"):
        nav.visit(slug)
    assert nav.go_to(Place("a")) == Place("a")
    assert [p.slug for p in nav.forward_places] == ["b", "c"]
    assert nav.go_to(Place("c")) == Place("c")
    assert nav.go_to(Place("nowhere")) is None


def test_go_to_takes_the_nearest_of_two_visits() -> None:
    nav = Navigation()
    for slug in ("home", "a", "home", "b"):
        nav.visit(slug)
    assert nav.go_to(Place("home")) == Place("home")
    assert [p.slug for p in nav.back_places] == ["a", "home"]


def test_jump_moves_several_steps_at_once() -> None:
    nav = Navigation()
    for slug in ("home", "a", "b", "c"):
        nav.visit(slug)
    nav.remember_scroll(0.5)
    assert nav.jump(-3) == Place("home")
    assert not nav.can_go_back
    assert nav.forward_places == (Place("a"), Place("b"), Place("c", "", 0.5))
    assert nav.jump(2) == Place("b")
    assert [p.slug for p in nav.back_places] == ["a", "home"]
    assert [p.slug for p in nav.forward_places] == ["c"]


def test_jump_too_far_changes_nothing() -> None:
    nav = Navigation()
    assert nav.jump(-1) is None and nav.jump(1) is None and nav.jump(0) is None
    for slug in ("home", "a"):
        nav.visit(slug)
    assert nav.jump(-2) is None and nav.jump(1) is None
    assert nav.current == Place("a")
    assert nav.back_places == (Place("home"),)
    assert nav.jump(0) == Place("a")


def test_the_stacks_are_capped() -> None:
    nav = Navigation(limit=3)
    for n in range(10):
        nav.visit(str(n))
    assert [p.slug for p in nav.back_places] == ["8", "7", "6"]
    with pytest.raises(ValueError):
        Navigation(limit=0)


slugs = st.sampled_from(["home", "a", "b", "c", "d"])


@given(st.lists(slugs, min_size=1, max_size=30), st.integers(0, 40))
def test_back_then_forward_returns_to_the_same_page(visits: list[str], steps: int) -> None:
    nav = Navigation()
    for slug in visits:
        nav.visit(slug)
    start = nav.current
    taken = 0
    while taken < steps and nav.back() is not None:
        taken += 1
    for _ in range(taken):
        assert nav.forward() is not None
    assert nav.current == start
    assert not nav.can_go_forward


@given(st.lists(st.tuples(st.sampled_from(["visit", "back", "forward"]), slugs), max_size=60))
def test_the_current_page_is_never_on_top_of_back_twice(ops: list[tuple[str, str]]) -> None:
    nav = Navigation()
    for op, slug in ops:
        if op == "visit":
            nav.visit(slug)
        elif op == "back":
            nav.back()
        else:
            nav.forward()
        total = len(nav.back_places) + len(nav.forward_places) + (nav.current is not None)
        assert total <= len(ops) + 1
        if nav.back_places and nav.current is not None:
            assert nav.back_places[0] != nav.current or nav.current.anchor


def _state(nav: Navigation) -> tuple[object, ...]:
    return nav.back_places, nav.current, nav.forward_places


@given(
    st.lists(slugs, min_size=1, max_size=30),
    st.integers(0, 6),
    st.integers(0, 40),
    st.one_of(st.integers(1, 8), st.just(DEFAULT_LIMIT)),
)
def test_jumping_back_then_forward_returns_to_the_same_place(
    visits: list[str], back_first: int, steps: int, limit: int
) -> None:
    nav = Navigation(limit=limit)
    for slug in visits:
        nav.visit(slug)
    nav.remember_scroll(0.25)
    nav.jump(-min(back_first, len(nav.back_places)))  # start with pages ahead too, sometimes
    before, whole = nav.current, _state(nav)
    back = min(steps, len(nav.back_places))
    assert nav.jump(-back) is not None
    assert nav.jump(back) == before
    if limit == DEFAULT_LIMIT:  # nothing fell off a capped stack on the way
        assert _state(nav) == whole
    assert nav.jump(-back - len(nav.back_places) - 1) is None  # too far: nothing changes
    assert nav.current == before


@given(st.lists(slugs, min_size=1, max_size=30), st.integers(-40, 40), st.integers(1, 8))
def test_a_jump_is_the_same_as_that_many_single_steps(
    visits: list[str], steps: int, limit: int
) -> None:
    stepped, jumped = Navigation(limit=limit), Navigation(limit=limit)
    for nav in (stepped, jumped):
        for slug in visits[:-3]:
            nav.visit(slug)
        for slug in visits[-3:]:
            nav.visit(slug)
            nav.back()  # leave some pages ahead
    reachable = len(stepped.forward_places) if steps > 0 else len(stepped.back_places)
    if abs(steps) > reachable:
        assert jumped.jump(steps) is None
    else:
        for _ in range(abs(steps)):
            stepped.forward() if steps > 0 else stepped.back()
        assert jumped.jump(steps) == stepped.current
    assert _state(jumped) == _state(stepped)

"""The bound an assignment leaves its subject (bounds.py asks, for `n := len(p)`, `n, err := parse(b)`,
`s = s[:Max]`, `var n int`): the assigned value's own bound where it is assigned, through bounds.bound."""

from __future__ import annotations

from collections.abc import Callable

from gorewrite import results
from gorewrite.copies import copy_of
from gorewrite.guards import Side
from gorewrite.intervals import UNKNOWN, Interval
from gorewrite.proposals import PackageView
from gorewrite.syntax import Node, unparen
from gorewrite.terms import Subject, resliced_length, sets

Bound = Callable[..., "int | None"]  # bounds.bound


def assigned_limit(
    view: PackageView, path: str, subject: Subject, value: Node, at: Node, side: Side, bound: Bound
) -> int | None:
    """The bound an assigned value gives the subject: 0 for `var n int` (a zero integer, or a nil slice's or empty
    string's length); the value's own where it is assigned (`n := len(p)` after a guard on len(p)), or one result's
    of several (`n, err := parse(b)`: results.py); for a length, a call's (shapes.length: a SplitN's, a make's), a
    constant string's or a copied value's (`sep := ", "`, `s := t`: not a map's, which aliases share), or a
    slicing's (`s = s[:Max]`, `blk[:]`, the exact length of `s[len(s)-K:]` and `s[i:i+K]`), or it panics."""
    if value.type == "var_spec":
        return 0
    interval = lambda f, n, s, side, length=False: Interval(  # noqa: E731
        *(bound(view, f, n, s, side.toward(u), (), length) for u in (False, True))
    )
    if subject.variable:
        inside = lambda f, n, s, length, given: (  # noqa: E731
            interval(f, n, s, side.inside(given), length) if side.calls > 0 else UNKNOWN
        )
        valued = lambda n: interval(path, n, at, side)  # noqa: E731
        measured = lambda n: interval(path, n, at, side, True)  # noqa: E731
        named = lambda n: sets(view, path, n, subject)  # noqa: E731
        several = results.result_interval(view, path, at, named, inside, valued, measured)
        return several.end(side.upper) if several is not None else bound(view, path, value, at, side)
    value = unparen(value)
    copied = value.type != "slice_expression" and not subject.shared  # a constant string, a copy (not of a map)
    if side.upper and (copied or value.type in ("call_expression", "type_conversion_expression")):  # a SplitN, a make
        return bound(view, path, value, at, side, length=True)
    if not side.upper:
        return None
    high = value.child_by_field_name("end")
    found = [
        resliced_length(view, path, value, lambda n: copy_of(view, path, n)),
        bound(view, path, value, at, side, length=True),
    ]
    return side.best([*found, bound(view, path, high, at, side) if high else None])

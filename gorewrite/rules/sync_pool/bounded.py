"""A variable-size scratch `make([]byte, n)` the code bounds: `if n > maxFrame { return … }` proves
n <= K for every input (gorewrite/bounds.py, as make-const asks), and the slice is on the heap only
because it is handed to io. The pool holds `*[K]byte`, shared with the constant-size sites of that K;
the site becomes `s := p[:n:n]` (cap n, as make gave: nothing reaches past n) and `clear(s)` gives
make's zeros (go1.21+; below, the whole array is zeroed as for a constant make). A negative n panics
in make and in the slice expression alike (another message); a bound above what the proof gives
cannot happen, so the rewrite removes the allocation for every input, not a guess.

`make([]byte, n, c)` (`make([]byte, 0, hint)`, an append-built line) is pooled when c is bounded:
`s := p[:n:c]` has make's length and capacity, and `clear(s[:c])` gives make's zeros over the whole
capacity, which `s[:cap(s)]` or a callee may read. A length above c (or a negative one) panics in make
and in the slice expression alike, so n needs no bound. An append past c allocates a new array, as it
did from make's: the pooled one is not touched after that, and every alias of it is followed as before."""

from __future__ import annotations

import re

from gorewrite.bounds import upper_bound
from gorewrite.escapes import MAX_IMPLICIT_STACK, STACK_FALLBACK_SINCE, Escape
from gorewrite.frozen_vars import frozen
from gorewrite.proposals import PackageView
from gorewrite.pure import pure
from gorewrite.rulekit import memo
from gorewrite.rules.sync_pool.loops import outermost
from gorewrite.rules.sync_pool.sites import MIN_SCRATCH, NAME, Site
from gorewrite.syntax import call_args, text, walk
from gorewrite.toolchain import release_minor

# What the compiler says of a variable-size make of bytes: `make([]byte, 4 + len(payload)) escapes to heap`.
PRINTED = re.compile(r"^make\(\[\](byte|uint8), ([^\n]*)\) escapes to heap$")

# The only flow a release before go1.25 prints for a variable-size make: every one is on the heap there.
NON_CONSTANT = "non-constant size"


def variable(site: Site, escape: Escape) -> bool:
    """Is the site a `make([]byte, n)` the compiler reports with a size it did not fold to a constant?"""
    printed = PRINTED.fullmatch(escape.message)
    return site.kind == "make" and printed is not None and not re.fullmatch(r"[\d, ]+", printed[2])


def size(view: PackageView, site: Site) -> int | str:
    """K, the least constant the code proves the capacity is at most (`make([]byte, n)`, `make([]byte, n,
    c)`), when it is MIN_SCRATCH to 64 KiB (or below, in a loop: hoists.py); else why the site is not pooled,
    naming the missing bound. The length needs no bound: above the capacity it panics in make and in `p[:n:c]`
    alike."""
    return memo(view, (NAME, "bounded", site.path, site.value.start_byte), lambda: _size(view, site))


def _size(view: PackageView, site: Site) -> int | str:
    if view.types is None or view.types.error:
        return "go/types gave no types for the package: its bound cannot be proven"
    sizes = call_args(site.value)[1:]
    n = sizes[-1]  # the capacity: the array must hold it (a length above it panics in make and the slice alike)
    shown, var = text(n).decode(), text(site.name).decode()
    what = "size" if text(sizes[0]) == text(n) else "capacity"
    for size in sizes:
        fixed = frozen(view, site.path, size)
        if isinstance(fixed, str):
            return f"its size {text(size).decode()} may change: {fixed}"
        if fixed is None and not pure(view, site.path, size):
            return (
                f"its size {text(size).decode()} is not a local value gorewrite can evaluate again after the pool's"
                f" Get (`{var} := p[:{sliced(site)}]`): a call, a field of a pointer, a package-level variable"
            )
    fixed = frozen(view, site.path, n)  # `var pageSize = 8 << 10`, never written: its value for every input
    bound = fixed if isinstance(fixed, int) else upper_bound(view, site.path, n, site.statement)
    if bound is None:
        return (
            f"its {what} {shown} is not bounded: no guard before it (`if {shown} > max {{ return … }}`) proves"
            f" {shown} <= a constant for every input, and a pool holds one array size"
        )
    if bound < MIN_SCRATCH and outermost(site.statement) is None:  # in a loop, hoists.py serves it
        return (
            f"its {what} {shown} is bounded by {bound} bytes: below {MIN_SCRATCH} a pool was not measured faster than"
            " make"
        )
    if bound > MAX_IMPLICIT_STACK:
        return (
            f"its {what} {shown} is bounded by {bound} bytes, more than the {MAX_IMPLICIT_STACK} gorewrite pools for a"
            " scratch buffer: a bound that large does not say a call's buffer is small"
        )
    return bound


def sliced(site: Site) -> str:
    """`n:c` of the pooled array's slice expression: make's length and capacity (`n:n` for one size)."""
    sizes = call_args(site.value)[1:]
    return f"{text(sizes[0]).decode()}:{text(sizes[-1]).decode()}"


def capacity(site: Site) -> str | None:
    """The capacity as written when it is not the length (`make([]byte, 0, hint)`): the slice's spare
    capacity, which make zeroed too. None for make([]byte, n) and make([]byte, n, n)."""
    sizes = call_args(site.value)[1:]
    return text(sizes[-1]).decode() if text(sizes[0]) != text(sizes[-1]) else None


def clears(view: PackageView) -> bool:
    """May the site zero its slice with the builtin `clear`: go.mod's go line is 1.21 or later, and the
    package's code names `clear` only as a call's function (a declaration of its own would shadow it)?
    Else the whole array is zeroed, as for a constant make."""
    version = view.package.go_version
    return bool(version) and release_minor(version) >= 21 and not memo(view, (NAME, "clear"), lambda: _declares(view))


def _declares(view: PackageView) -> bool:
    for path in view.sources:
        for node in walk(view.tree(path).root_node):
            if node.type == "identifier" and text(node) == b"clear":
                parent = node.parent
                if parent is None or parent.type != "call_expression" or parent.child_by_field_name("function") != node:
                    return True
    return False


def flow_accepted(site: Site, escape: Escape, version: str, reasons: list[str]) -> bool:
    """A release before go1.25 puts every variable-size make on the heap and prints that alone as its flow:
    it says nothing of the uses, which the use analysis has cleared (a go1.25+ release's flow, when the run
    has one, names the io call)."""
    return variable(site, escape) and release_minor(version) < STACK_FALLBACK_SINCE and reasons == [NON_CONSTANT]

"""A `fmt.Fprintf` into a `*strings.Builder` split into the Builder's own writes (printed.py), after one Grow.

A Builder's Write and WriteString never fail and hand the bytes to no one, and a Builder lends no slice of its
storage (no Bytes, no Next: strings/builder.go), so a []byte written as it is cannot be its own storage. Every
method runs copyCheck first, so a copied Builder panics at the first write of the split as at fmt's one Write,
before any byte is written; a nil pointer panics there alike. fmt's one Write grew the Builder at most once; the
split's writes could grow it once each (a fresh Builder doubles from 8 bytes), so the split starts with
`sb.Grow(len(k) + len(v) + 3)`, the exact length of the text, and then at most that one allocation is made, the
growth fmt's Write made before. The count calls Go's own `len` (ungrown: not where the package declares one). It
cannot wrap on a 64-bit platform; on a 32-bit one a text of 2 GiB or more (a 1 GiB string printed twice: the same
bytes counted twice) wraps it negative, and Grow panics `strings.Builder.Grow: negative count` where fmt's append
panicked `growslice: len out of range` (GOARCH=386): a panic either way, with another value, accepted. go1.25+
report each inlined write's `append escapes to heap` in the function: that is the growth, moved here from fmt's
Write (claims.MovesAllocation, one per write); where the compiler inlines the function, the writes would stop it
while they still report it, which the verifier rejects, so such a split is not offered. Only a whole split: a part
left to fmt would write (and grow) on its own. The Builder's capacity after the call may differ (Grow doubles where
append rounds up to a size class), as the Buffer split's does.
"""

from __future__ import annotations

import os

from gorewrite import builtins
from gorewrite.proposals import PackageView
from gorewrite.typeinfo import TypeInfo

APPENDED = "append escapes to heap"
UNGROWN = (
    "fmt would still format a part of the text into the strings.Builder: only a split written whole is grown once"
    " to the text's length, so that it allocates no more than fmt's one Write"
)

INLINED_BUILDER = "go1.25+ report each of the Builder's inlined writes appending to the heap"


def grow(receiver: bytes, sizes: list[bytes | int]) -> bytes:
    """The Grow of the whole text's length, before the writes: each operand's `len(x)`, then the text's bytes."""
    text = sum(s for s in sizes if isinstance(s, int))
    lengths = [s for s in sizes if isinstance(s, bytes)] + ([b"%d" % text] if text else [])
    return receiver + b".Grow(" + b" + ".join(lengths) + b")"


def ungrown(view: PackageView, types: TypeInfo, path: str) -> str | None:
    """Why the Grow may not be written: its count calls `len`, which must be Go's own (a package's `len` would
    count otherwise, a local one would not build)."""
    if builtins.declared_in_any_build(view, types, os.path.dirname(path), "len"):
        return "the Grow of the text's length would call len(…), a name the package declares"
    return None

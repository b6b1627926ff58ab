"""A scratch array: `var scratch [2048]byte` handed to io as `scratch[:]`, which the compiler moves to the
heap for that call alone, is pooled as a make([]byte, 2048) handed to io is: the pool holds `*[2048]byte`,
`scratch` becomes that pointer and is zeroed after Get, as `var` gave it. Slicing, indexing, len and cap
mean the same on a pointer to an array; every other use (a copy, a comparison, a range, which copies the
array it ranges over, `&scratch`) needs the array's value and is declined."""

from __future__ import annotations

import re

from gorewrite.proposals import PackageView
from gorewrite.rules.sync_pool.sites import Site
from gorewrite.syntax import Node, text
from gorewrite.typeinfo import Kind

BYTES = re.compile(r"\[(\d+)\](?:byte|uint8)")


def array_type(view: PackageView, site: Site) -> str | None:
    """The site's `[N]byte` as go/types writes it, the length folded (`[2048]byte` for `[2 << 10]byte`),
    when the element is Go's own byte (or uint8); None for any other array."""
    declared = view.types.at(site.path, site.name.start_byte) if view.types is not None else None
    element = site.value.child_by_field_name("element")
    ident = view.types.at(site.path, element.start_byte) if element.type == "type_identifier" else None
    if declared is None or declared.type is None or not BYTES.fullmatch(declared.type):
        return None
    if ident is None or ident.kind != Kind.TYPE or ident.obj is not None or ident.named is not None:
        return None
    return declared.type


def array_size(view: PackageView, site: Site) -> int | None:
    """The array's size in bytes, None unless it is a `[N]byte`."""
    written = array_type(view, site)
    return int(BYTES.fullmatch(written)[1]) if written else None


def array_use(node: Node) -> str | None:
    """Why a use of the array needs its value, which a pooled pointer to it cannot stand for; None
    for a slice of it, an element, and len or cap, which mean the same on the pointer."""
    parent = node.parent
    if parent.type in ("slice_expression", "index_expression") and parent.child_by_field_name("operand") == node:
        return None
    call = parent.parent if parent.type == "argument_list" else None
    function = call.child_by_field_name("function") if call is not None else None
    if function is not None and text(function) in (b"len", b"cap") and len(parent.named_children) == 1:
        return None  # uses.py asks go/types whether they are the builtins
    return "is used as an array value, which a pooled pointer to it cannot stand for"

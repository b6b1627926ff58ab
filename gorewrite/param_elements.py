"""A parameter retention.py follows into the package's own function is often read through its elements and
subslices, as a decoding helper reads a scratch it is handed: `crc32.ChecksumIEEE(b[:20])`,
`binary.BigEndian.Uint16(b[4:6])`, `b[2]`, `for _, c := range b[4:]`. A subslice shares the parameter's array and
holds nothing else, so whatever keeps it keeps what the parameter would, and nothing more: it is judged where it is
used, as the parameter itself would be (`return b[4:]` is returned; `f(b[i:j])` as far as f keeps it). An element of
a basic type read or written (`e.Op = b[12]`, `b[0] = 0x80`), ranged over or copied (`copy(e.Value[:], b[21:45])`)
is a copy of a value: it keeps nothing of the array. `&b[i]` points into the array, and an element of any other
type may be an array sliced in place, hold pointers (the parameter's content, `leaking param content` to the
compiler) or take its address for a method: those stay uses retention declines. go/types spells the package's own
types unqualified, so `[]byte` is a basic type's slice only where no file of the package, in any build, declares
`byte` at package level (`type byte [2]int`: `p[1][:]` slices an element in place)."""

from __future__ import annotations

import re

from gorewrite import builtins, callees
from gorewrite.build_files import UNIVERSE, package_names
from gorewrite.proposals import PackageView
from gorewrite.rulekit import memo
from gorewrite.syntax import Node, address_taken, held

# go/types' spelling of a slice, an array (through a pointer) or a string whose elements are a basic type's values
BASIC_ELEMENTS = re.compile(
    r"(?:\[\]|\*?\[\d+\])(bool|byte|rune|u?int(?:8|16|32|64)?|uintptr|float(?:32|64)|complex(?:64|128))|(string)"
)


def standing(view: PackageView, path: str, node: Node) -> Node | None:
    """What stands for the parameter `node` in its use: the outermost slice expression it is the operand of (`b[4:]`,
    `b[4:][:8]`), or node itself; None when that is the operand of an element read or write, ranged over or copied by
    `copy`, keeping nothing."""
    while True:
        expr, parent = held(node)
        if parent.type == "range_clause" and parent.child_by_field_name("right") == expr:  # each element copied
            return None if _basic(view, path, node) else node
        if parent.type == "argument_list" and builtins.called(view.types, path, parent.parent) == "copy":
            return None if _basic(view, path, node) else node  # copies values into dst, or into the parameter
        if parent.type not in ("slice_expression", "index_expression") or parent.child_by_field_name("operand") != expr:
            return node
        if parent.type == "index_expression":
            return None if _basic(view, path, node) and not address_taken(parent) else node
        node = parent


def _basic(view: PackageView, path: str, node: Node) -> bool:
    """Are the elements of the parameter (node, or a subslice of it) a basic type's values, by go/types?"""
    while node.type != "identifier":
        node = node.child_by_field_name("operand")
        while node.type == "parenthesized_expression":
            node = node.named_children[0]
    ident = view.types.at(path, node.start_byte)
    basic = BASIC_ELEMENTS.fullmatch(ident.type or "") if ident is not None else None
    return basic is not None and (basic[1] or basic[2]) not in _shadowed(view)


def _shadowed(view: PackageView) -> set[str]:
    """The predeclared names a file of the package declares at package level: this build's, or one another build
    or `go test` compiles with it (callees.universe_declared)."""
    return memo(
        view,
        ("param elements", "shadowed"),
        lambda: (
            {n for p in view.package.files for n in package_names(view.tree(p).root_node) & UNIVERSE}
            | set(callees.universe_declared(view))
        ),
    )

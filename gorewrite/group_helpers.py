"""A helper given the caller's errgroup that only starts goroutines on it: `warmOne(&g, c, key)` of

    func warmOne(g *errgroup.Group, c *Cache, key string) {
        g.Go(func() error { … })
    }

errgroup's Wait returns once every function Go (or TryGo) started has returned: Go counts before it starts
one, and only its own wrapper takes the count back. A party holding the Group can make Wait return sooner
only by writing the Group (`*g = errgroup.Group{}` zeroes its WaitGroup) or by handing it to code that may.
Such a call is no such party: the callee is the package's own function or method (wait_calls.own_callee: a
body, not generic, no other build), the argument is `&g` of a local Group value or `g` of a local pointer
(happens_before.py proves the function owns it), named nowhere else in the call, given to a named,
non-variadic parameter p, and every use of p in the callee is the operand of a `p.Go(…)` or `p.TryGo(…)`
call its own code makes (none in a func literal, none writing p, taking its address or passing it on). Its
goroutines are counted by the group like the function's own, and the function's Wait waits for them too.
"""

from __future__ import annotations

import re

from gorewrite import callees, groups, wait_calls
from gorewrite.proposals import PackageView
from gorewrite.rulekit import memo, owner
from gorewrite.spawns import GROUP_GO, method_of
from gorewrite.syntax import Node, call_args, walk
from gorewrite.typeinfo import TypeInfo, Use

GO_CALL = re.compile(rb"\.\s*(Try)?Go\s*\(")  # a declaration with no such text starts nothing on a group
# (the argument's start and end, the group's go/types object)
Handed = tuple[int, int, str]


def scopes(view: PackageView, function: Node) -> tuple[tuple[str, int, int], ...]:
    """The package's functions and methods the function calls directly that call a Go, whose types `handed`
    reads (no others: their types would change what other proofs read of them)."""
    return callees.direct_scopes(view, function, GO_CALL)


def handed(view: PackageView, types: TypeInfo, path: str, function: Node) -> tuple[Handed, ...]:
    """The function's own calls (none in a func literal) handing a local errgroup to a helper that only Go's on it."""
    return memo(view, ("group_helpers", path, function.start_byte), lambda: _handed(view, types, path, function))


def _handed(view: PackageView, types: TypeInfo, path: str, function: Node) -> tuple[Handed, ...]:
    found = []
    for call in walk(function, skip=lambda n: n.type == "func_literal"):
        if call.type != "call_expression":
            continue
        for index, arg in enumerate(call_args(call)):
            obj = _given(types, path, call, arg)
            if obj is not None and _only_goes(view, path, call, index):
                found.append((arg.start_byte, arg.end_byte, obj))
    return tuple(found)


def _given(types: TypeInfo, path: str, call: Node, arg: Node) -> str | None:
    """The group's object when arg is `&g` of a local errgroup.Group value or `g` of a local pointer to one,
    which the call names nowhere else."""
    handed = wait_calls.handed_once(types, path, call, arg)
    variable, address = handed if handed is not None else (None, False)
    if variable is None or (variable.named or "").lstrip("*") != groups.ERRGROUP or address == variable.pointer:
        return None
    return variable.obj


def _only_goes(view: PackageView, path: str, call: Node, index: int) -> bool:
    """Is every use of the callee's parameter `index` the operand of a Go or TryGo call of its own code?"""
    handed = wait_calls.handed_param(view, path, call, index)
    if handed is None:
        return False
    file, decl, uses = handed
    root = view.tree(file).root_node
    for use in uses:
        node = root.named_descendant_for_byte_range(use.start, use.end)
        selector = node.parent
        if use.use in (Use.WRITE, Use.ADDR) or selector.type != "selector_expression" or owner(node) != decl:
            return False
        if method_of(view.types, file, selector) not in GROUP_GO[:2] or selector.parent.type != "call_expression":
            return False
    return bool(uses)

"""The copies of a callee's escapes a function already had inlined before a rewrite.

A rewrite that makes a call direct lets the compiler inline the callee and report its escapes again at
the call: the judge excuses those, but only past the copies the function had before at calls of the
same callees, or an old copy would excuse a new escape of the same text. The before listing names no
inlined call, so the call is read from the source: the compiler puts an inlined body's escapes at its
call's opening parenthesis.
"""

from __future__ import annotations

import re
from collections import Counter

from gorewrite.escapes import Escape
from gorewrite.proposals import PackageView

WRAPPERS = ("generic_type", "index_expression", "parenthesized_expression")  # F[int](…), (F)(…)


def prior_copies(
    view: PackageView, reported: tuple[Escape, ...], lines: dict[str, set[int]], bodies: dict[str, set[str]]
) -> Counter[str]:
    """The heap escapes on `lines` (per file, before the rewrite) at a call of a function whose own body
    (`bodies`: callee -> its heap messages) reports that expression. The callee is matched by name, so a
    namesake counts too, the safe way; the body's own `errors.New` at fmt.Errorf's call is not a copy of
    a Check method's `errors.New` (probe39b's health check, rejected before as adding an escape)."""
    names: dict[str, set[str]] = {}
    for callee, messages in bodies.items():
        names.setdefault(bare(callee), set()).update(messages)
    had: Counter[str] = Counter()
    for e in reported:
        if e.heap and e.line in lines.get(e.path, ()) and e.message in names.get(called(view, e) or "", ()):
            had[e.message] += 1
    return had


def bare(callee: str) -> str:
    """A function's own name as the compiler writes it: `(*Ping).Check` -> `Check`, `F[...]` -> `F`."""
    return re.sub(r"\[.*\]", "", callee).rsplit(".", 1)[-1]


def called(view: PackageView, e: Escape) -> str | None:
    """The name of the function or method whose call's opening parenthesis is at the escape's position."""
    at = view.offset(e)
    if at is None:
        return None
    node = view.tree(e.path).root_node.descendant_for_byte_range(at, at + 1)
    args = node.parent if node is not None and node.type == "(" else None
    call = args.parent if args is not None and args.type == "argument_list" else None
    if call is None or call.type != "call_expression":
        return None
    function = call.child_by_field_name("function")
    while function is not None and function.type in WRAPPERS:
        function = function.named_children[0] if function.named_children else None
    if function is not None and function.type == "selector_expression":
        function = function.child_by_field_name("field")
    if function is None or function.type not in ("identifier", "field_identifier"):
        return None
    return function.text.decode()

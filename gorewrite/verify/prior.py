"""The copies of a callee's escapes a function already had inlined before a rewrite.

A rewrite that makes a call direct lets the compiler inline the callee and report its escapes again at
the call: the judge excuses those, but only past the copies the function had before at calls that may
inline the same callees, or an old copy would excuse a new escape of the same text. The before listing
names no inlined call, so the call is read from the source: the compiler puts an inlined body's escapes
at its outermost call's opening parenthesis in the function.
"""

from __future__ import annotations

from collections import Counter

from gorewrite.escapes import Escape
from gorewrite.proposals import PackageView
from gorewrite.syntax import Node, import_specs


def prior_copies(
    view: PackageView, reported: tuple[Escape, ...], lines: dict[str, set[int]], bodies: dict[str, set[str]]
) -> Counter[str]:
    """The heap escapes on `lines` (per file, before the rewrite) of an expression an inlined callee's own
    body reports (`bodies`: callee -> its heap messages), at a call that may inline one: any call but one of
    another package's function (`fmt.Errorf(…)`), which cannot reach this package's functions. A call of a
    local func value or of a function that calls the callee counts too, the safe way; the body's own
    `errors.New` at fmt.Errorf's call is not a copy of a Check method's `errors.New` (probe39b's health
    check, rejected before as adding an escape)."""
    messages = set().union(*bodies.values()) if bodies else set()
    had: Counter[str] = Counter()
    for e in reported:
        if e.heap and e.message in messages and e.line in lines.get(e.path, ()) and foreign(view, e) is False:
            had[e.message] += 1
    return had


def foreign(view: PackageView, e: Escape) -> bool | None:
    """Whether the call whose opening parenthesis is at the escape's position calls a function another
    package declares, `pkg.F(…)` with pkg an import's name in the file; None when no call's is there."""
    at = view.offset(e)
    if at is None:
        return None
    root = view.tree(e.path).root_node
    node = root.descendant_for_byte_range(at, at + 1)
    args = node.parent if node is not None and node.type == "(" else None
    call = args.parent if args is not None and args.type == "argument_list" else None
    if call is None or call.type != "call_expression":
        return None
    function = call.child_by_field_name("function")
    while function.type in ("generic_type", "index_expression", "parenthesized_expression"):
        function = function.named_children[0]
    operand = function.child_by_field_name("operand") if function.type == "selector_expression" else None
    return operand is not None and operand.type == "identifier" and operand.text in _imported(root)


def _imported(root: Node) -> set[bytes]:
    """The names the file's imports bind: an alias, else the path's last element (a package named otherwise,
    `gopkg.in/yaml.v3`'s yaml, is missed: its calls then count as ones that may inline, the safe way)."""
    names = set()
    for declaration in (c for c in root.named_children if c.type == "import_declaration"):
        for spec in import_specs(declaration):
            alias = spec.child_by_field_name("name")
            path = spec.child_by_field_name("path").text.strip(b'"`')
            names.add(alias.text if alias is not None else path.rsplit(b"/", 1)[-1])
    return names

"""One result of a call with several (bounds.py asks): `n, err := parseLen(b)` sets n to parseLen's first
result, which is bounded where every return statement of parseLen returns a bounded first value (`return
int(b[0]) & 0x3f, nil`, `return 0, errShort`) — Go's (T, error) idiom, which a single-result callee
(returns.py) does not cover — or, for strconv's integer parsers, at most as many digits as its string has bytes
(digit_counts.py).

The callee is returns.py's (a function or statically resolved method of the package, declared for every
build, with a body, no type parameters and no `defer`, or a local's one func literal); each of its returns lists one
value per result (a bare `return` of named results bounds nothing, and `return f()` forwarding another call only
where f is a std parser whose number digit_counts.py bounds), each read with the callee's parameters bound to the
call's arguments as returns.py binds them, and the assignment names exactly as many variables as the callee has
results.
"""

from __future__ import annotations

from collections.abc import Callable

from gorewrite.digit_counts import parsed
from gorewrite.intervals import UNKNOWN, Interval, join
from gorewrite.proposals import PackageView
from gorewrite.returns import At, Of, bound_arguments, declaration
from gorewrite.syntax import ASSIGNMENTS, Node, unparen, walk


def picked(node: Node, named: Callable[[Node], bool]) -> tuple[Node, int, int] | None:
    """(the call, the index of the name `named` picks, how many names there are) of a statement assigning several
    names from one call (`n, err := f(x)`, `_, n = f(x)`, `var n, err = f(x)`), or None when it is not one."""
    if node.type not in ASSIGNMENTS or node.type == "var_declaration" and node.named_child_count != 1:
        return None
    spec = node.named_children[0] if node.type == "var_declaration" else node
    if spec.type == "var_spec":
        names, right = spec.children_by_field_name("name"), spec.child_by_field_name("value")
    else:
        left, right = spec.child_by_field_name("left"), spec.child_by_field_name("right")
        names = left.named_children if left is not None else []
    operator = spec.child_by_field_name("operator")
    if (operator is not None and operator.text != b"=") or right is None or right.named_child_count != 1:
        return None
    call = unparen(right.named_children[0])
    found = [i for i, name in enumerate(names) if named(name)]
    if call.type != "call_expression" or len(names) < 2 or len(found) != 1:
        return None
    return call, found[0], len(names)


def call_of(node: Node, named: Callable[[Node], bool]) -> Node | None:
    """The call a statement assigns several names from, `named` picking one of them; or None."""
    chosen = picked(node, named)
    return chosen[0] if chosen is not None else None


def result_interval(
    view: PackageView, path: str, node: Node, named: Callable[[Node], bool], at: At, of: Of, length: Of
) -> Interval | None:
    """The join of the picked value of every return of the callee, each at its return statement with the
    parameters bound to the arguments (`of`, `length`: an argument's interval and its length's at the statement;
    UNKNOWN where a return lists no value for it), or None when the statement assigns no name of several from a
    call. A std parser's number (`n, err := strconv.Atoi(s)`, or a return forwarding one) is bounded by its
    string's length instead (digit_counts.py)."""
    chosen = picked(node, named)
    if chosen is None:
        return None
    if chosen[1] == 0:
        number = parsed(view, path, chosen[0], length)
        if number != UNKNOWN:
            return number
    found = declaration(view, path, chosen[0])
    if found is None:
        return UNKNOWN
    file, function = found
    result = function.child_by_field_name("result")
    names = [n for p in (result.named_children if result is not None else []) for n in _result_names(p)]
    if len(names) < 2 or len(names) != chosen[2]:
        return UNKNOWN
    own = list(walk(function.child_by_field_name("body"), skip=lambda n: n.type == "func_literal"))
    if any(n.type == "defer_statement" for n in own):
        return UNKNOWN
    given = bound_arguments(view, path, chosen[0], file, function, of, length)
    values = []
    for stmt in (n for n in own if n.type == "return_statement"):
        listed = stmt.named_children[0] if stmt.named_child_count == 1 else None
        if listed is not None and listed.type == "expression_list" and listed.named_child_count == 1:
            forwarded = unparen(listed.named_children[0])  # `return strconv.ParseInt(…)`: the parser's results
            measured = lambda n, stmt=stmt: at(file, n, stmt, True, given)  # noqa: E731
            number = parsed(view, file, forwarded, measured) if forwarded.type == "call_expression" else UNKNOWN
            if chosen[1] != 0 or number == UNKNOWN:
                return UNKNOWN
            values.append(number)
            continue
        if listed is None or listed.type != "expression_list" or listed.named_child_count != len(names):
            return UNKNOWN
        values.append(at(file, listed.named_children[chosen[1]], stmt, False, given))
    return join(values) if values else UNKNOWN


def _result_names(declared: Node) -> list[Node]:
    """One entry per result a result list's declaration declares (`a, b int`: two; `int`: one)."""
    if declared.type != "parameter_declaration":
        return []
    return declared.children_by_field_name("name") or [declared]

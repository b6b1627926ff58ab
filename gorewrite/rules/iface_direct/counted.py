"""A counted loop over a local literal's indexes, as a range over it: `for i := len(c) - 1; i >= 0; i-- {
h = c[i].Wrap(h) }` (a middleware chain applied in reverse, probe40b) or `for i := 0; i < len(c); i++`.

ranged.py switches on `c[i]`'s type at the top of the body, where the range's index is always in range.
Here only these two shapes, which keep i in [0, len(c)) at the top of every iteration: counting up from a
non-negative constant while `i < len(c)`, or down from `len(c) - 1` while `i >= 0`, i changed by the
loop's own `i++` or `i--` alone (ranged.py's proof that nothing in the body writes i or takes its address).
The switch then reads an element the body would read at the same index, without a panic the body would not
have: any other bound (`i <= len(c)`, a guard inside the body) may not hold, and declines as before. len is
go/types' builtin, and c the literal's local, which nothing writes (ranged.py's proofs); a literal's length
never changes.
"""

from __future__ import annotations

from gorewrite import builtins
from gorewrite.syntax import Node, call_args, int_value, items, text, unparen
from gorewrite.typeinfo import TypeInfo


def counted(clause: Node) -> tuple[Node, Node, list[Node]] | None:
    """(i, the c of `len(c)`, the `len(c)` calls) for the two loop shapes, by syntax; else None."""
    if clause is None or clause.type != "for_clause":
        return None
    init, cond, update = (clause.child_by_field_name(f) for f in ("initializer", "condition", "update"))
    if init is None or cond is None or update is None or init.type != "short_var_declaration":
        return None
    left, right = items(init.child_by_field_name("left")), items(init.child_by_field_name("right"))
    if len(left) != 1 or len(right) != 1 or left[0].type != "identifier":
        return None
    index, start, cond = left[0], unparen(right[0]), unparen(cond)
    if cond.type != "binary_expression" or unparen(cond.child_by_field_name("left")).text != index.text:
        return None
    bound, operator = unparen(cond.child_by_field_name("right")), cond.child_by_field_name("operator").type
    stepped = update.type in ("inc_statement", "dec_statement") and unparen(update.named_children[0]).text == index.text
    if not stepped:
        return None
    first = int_value(start)
    if operator == "<" and update.type == "inc_statement" and _length(bound) is not None:  # up from 0, 1, …
        return (index, _length(bound), [bound]) if first is not None and first >= 0 else None
    if (
        operator == ">="
        and update.type == "dec_statement"
        and int_value(bound) == 0
        and start.type == "binary_expression"
    ):
        last = unparen(start.child_by_field_name("left"))  # down from len(c) - 1
        one = int_value(unparen(start.child_by_field_name("right")))
        if start.child_by_field_name("operator").type == "-" and one == 1 and _length(last) is not None:
            return index, _length(last), [last]
    return None


def _length(node: Node) -> Node | None:
    """c in `len(c)` (c an identifier), by syntax; ranged.py asks go/types that it is the builtin."""
    if node.type != "call_expression" or text(node.child_by_field_name("function")) != b"len":
        return None
    args = call_args(node)
    return args[0] if len(args) == 1 and unparen(args[0]).type == "identifier" else None


def builtin_lengths(types: TypeInfo, path: str, lengths: list[Node]) -> bool:
    """Is every `len(c)` of the loop Go's builtin (not a package's own `func len`)?"""
    return all(builtins.called(types, path, n) == "len" for n in lengths)


def call_args_of(calls: list[Node]) -> list[Node]:
    """The c of each `len(c)`."""
    return [call_args(n)[0] for n in calls]

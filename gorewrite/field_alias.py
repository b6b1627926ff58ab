"""A local pointer to a captured variable used only for its fields (`p := &cfg`; `p.Target = ""` after
`wg.Wait()`): what the closure rule may treat as writes of the variable where p writes a field.

The copy in a block around the goroutine's statement (`{ cfg := cfg; go … }`) leaves p aimed at the
original, which the goroutine then no longer reads: the rewrite keeps behaviour when every write
through p is ordered as a write of the variable itself would have to be (before the statement, or
after the goroutine's signal). That holds only while p cannot reach anything the function does not
see: p defined once by `p := &x`, never written or its address taken, used only in the function's
own statements (no func literal), and only as `p.f` for a field f, read or assigned as a value (not
`&p.f`, `p.f[:]`, `p.f.M()` or `p.f()`, which hand out a pointer into x or run code that may keep one).
Types from go/types, never names.
"""

from __future__ import annotations

from gorewrite.rulekit import owner
from gorewrite.syntax import Node, address_operand, items
from gorewrite.typeinfo import Ident, Kind, TypeInfo, Use

# Where `p.f` is a value: read, or assigned as an operand of these (never its address, a slice of it, a call).
VALUE_CONTEXTS = (
    "expression_list",
    "argument_list",
    "binary_expression",
    "inc_statement",
    "dec_statement",
    "if_statement",
    "expression_switch_statement",
    "send_statement",
    "literal_element",
)


def field_writes(types: TypeInfo, path: str, function: Node, address: Node) -> list[Ident] | None:
    """The uses of p that write a field of the variable, when address is the `&x` of `p := &x` and p is
    such an alias (see the module); None when it is not one."""
    right = address.parent
    stmt = right.parent if right is not None else None
    if address_operand(address) is None:
        return None
    if stmt is None or stmt.type != "short_var_declaration":
        return None
    left = items(stmt.child_by_field_name("left"))
    if right != stmt.child_by_field_name("right") or len(left) != 1 or len(items(right)) != 1:
        return None
    alias = types.at(path, left[0].start_byte)
    if alias is None or alias.use != Use.DECL or alias.obj is None or alias.kind != Kind.VAR:
        return None
    uses = [i for i in types.idents.get(path, ()) if i.obj == alias.obj and i.start != alias.start]
    writes = []
    for use in uses:
        node = function.named_descendant_for_byte_range(use.start, use.end)
        field = value_field(types, path, node) if use.use == Use.READ and owner(node) == function else None
        if field is None:
            return None
        if assigned(field):
            writes.append(use)
    return writes


def value_field(types: TypeInfo, path: str, node: Node) -> Node | None:
    """The selector `p.f` node is the operand of, when f is a field and `p.f` is used as a value."""
    selector = node.parent
    if selector is None or selector.type != "selector_expression" or selector.child_by_field_name("operand") != node:
        return None
    name = types.at(path, selector.child_by_field_name("field").start_byte)
    if name is None or name.kind != Kind.FIELD or selector.parent.type not in VALUE_CONTEXTS:
        return None
    return selector


def assigned(field: Node) -> bool:
    """Does the statement holding `p.f` write it: `p.f++`, or on the left of an assignment, a select
    case's receive or a range clause (`p.f = v`, `p.f += v`, `case p.f = <-ch:`, `for p.f = range xs`)?"""
    parent = field.parent
    if parent.type in ("inc_statement", "dec_statement"):
        return True
    holder = parent.parent
    return parent.type == "expression_list" and holder is not None and holder.child_by_field_name("left") == parent

"""A WaitGroup's Done taken as a method value: `done := wg.Done`, then `defer done()` in the goroutine.

The method value evaluates `&wg` once, where it is defined, so calling it is `wg.Done()` on that
WaitGroup. Counted as that call only when nothing else can be called through it: a local variable
defined once by the selection and never written again, nor its address taken, whose one other use
is the goroutine's call; the WaitGroup a local variable (a field's is not proven the same storage
at the definition and the Wait: groups.py). Methods from go/types, never names.
"""

from __future__ import annotations

from gorewrite import groups
from gorewrite.groups import Held
from gorewrite.spawns import WG_DONE, method_of
from gorewrite.syntax import Node, ancestors, call_args, items
from gorewrite.trips import local
from gorewrite.typeinfo import TypeInfo, Use


def done_value(types: TypeInfo, path: str, call: Node) -> tuple[Held, Node] | str | None:
    """The WaitGroup and the `wg.Done` selection a call `done()` of a method value calls; why it is
    not taken as one (a str); None for a call of anything other than a local func variable."""
    function = call.child_by_field_name("function") if call.type == "call_expression" else None
    variable = local(types, path, function) if function is not None and not call_args(call) else None
    if variable is None:
        return None
    name = variable.name
    uses = [i for i in types.idents.get(path, ()) if i.obj == variable.obj]
    decls = [i for i in uses if i.use == Use.DECL]
    value = _defined_as(call, decls[0].start, decls[0].end) if len(decls) == 1 else None
    if value is None or value.type != "selector_expression" or method_of(types, path, value) != WG_DONE:
        return None
    seen = f"the goroutine calls {name}() (a method value of {value.text.decode()})"
    if any(i.use in (Use.WRITE, Use.ADDR) for i in uses):
        return f"{seen}, but {name} is written after its definition: it may call another WaitGroup's Done"
    if len(uses) != 2:
        return f"{seen}, but {name} is used elsewhere too"
    wg = groups.held(types, path, value.child_by_field_name("operand"))
    if isinstance(wg, str) or groups.is_path(wg.obj):
        return f"{seen}, but {wg if isinstance(wg, str) else wg.name + ' is a field'}"
    return wg, value


def _defined_as(near: Node, start: int, end: int) -> Node | None:
    """The value a `name := value` or `var name = value` declaring the identifier at start..end gives it."""
    root = next((a for a in ancestors(near) if a.parent is None), near)
    name = root.named_descendant_for_byte_range(start, end)
    holder = name.parent if name is not None else None
    if holder is not None and holder.type == "expression_list" and holder.parent.type == "short_var_declaration":
        stmt = holder.parent
        left, right = items(stmt.child_by_field_name("left")), items(stmt.child_by_field_name("right"))
    elif holder is not None and holder.type == "var_spec":
        left, right = holder.children_by_field_name("name"), items(holder.child_by_field_name("value"))
    else:
        return None
    return right[left.index(name)] if len(left) == len(right) and name in left else None

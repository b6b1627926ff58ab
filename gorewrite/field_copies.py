"""The fields of a wide struct variable that func literals capture only to read: copies of those fields keep it off
the heap where a copy of the whole variable cannot.

cmd/compile captures a variable wider than 128 bytes by reference whatever else holds, so `cfg := cfg` before a
goroutine moves the copy to the heap instead (golden/closure/decline_large_struct). A func literal that only ever
reads `cfg.Field` needs none of cfg's storage, only each field's value: a local `cfgField := cfg.Field` per field,
each at most 128 bytes, is captured by value, and the literal names it instead of `cfg.Field`. That reads the field
when the statement runs rather than when the literal does, which the caller's snapshot proof (no write to cfg at or
after the statement, or none the literal may see) makes the same value.

Every use of the variable inside the literals must be `v.f` with f a field stored in v (not reached through a
pointer: `v.p.x` with p an embedded pointer reads what p points to when the literal runs) and used only as a read of
v's storage, go/types' `use` (gotypes/main.go): `v.f = x`, `v.f.g++`, `&v.f`, `v.f.M()` of a pointer method, `v.a[i] =
x` of an array are writes or addresses of v, which a copy would take away. A field that holds a lock (vet's copylocks)
or is itself wider than 128 bytes is declined. A use inside unsafe.Offsetof, Sizeof or Alignof stays as written: Go
never evaluates their operand, and Offsetof takes only a selector."""

from __future__ import annotations

from dataclasses import dataclass

from gorewrite import waits
from gorewrite.generic_copies import BY_VALUE_MAX
from gorewrite.rulekit import fresh_local
from gorewrite.syntax import Node, ancestors, text
from gorewrite.typeinfo import Ident, Kind, TypeInfo, Use


@dataclass(frozen=True)
class FieldCopy:
    """One field read in the literals: the local holding its copy and each `v.field` that local replaces."""

    field: str
    local: str
    spans: tuple[tuple[int, int], ...]


def read_fields(
    types: TypeInfo, path: str, root: Node, function: Node, name: str, uses: list[Ident]
) -> tuple[FieldCopy, ...] | str:
    """The copies that replace the variable's uses inside its literals (`uses`), else why they cannot."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for use in uses:
        node = root.named_descendant_for_byte_range(use.start, use.end)
        if any(a.type == "call_expression" and waits.unevaluated(types, path, a) for a in ancestors(node)):
            continue  # `unsafe.Offsetof(v.f)` is a constant that reads nothing, and takes only a selector: it stays
        selector, line = node.parent, node.start_point.row + 1
        if selector.type != "selector_expression" or selector.child_by_field_name("operand") != node:
            return f"the func literal uses {name} itself, not only its fields (line {line})"
        field = types.at(path, selector.child_by_field_name("field").start_byte)
        shown = text(selector).decode()
        if field is None or field.kind != Kind.FIELD or field.indirect:
            return f"{shown} is no field stored in {name} (line {line})"
        if use.use != Use.READ:
            return f"the func literal writes or takes the address of {shown} (line {line})"
        if field.size is None:
            return f"the size of {shown} is not known (it involves a type parameter) (line {line})"
        if field.size > BY_VALUE_MAX:
            return f"{shown} is {field.size} bytes too (line {line})"
        if field.lock:
            return f"{shown} holds a lock ({field.lock}): a copy would make go vet fail (line {line})"
        spans.setdefault(field.name, []).append((selector.start_byte, selector.end_byte))
    copies: list[FieldCopy] = []
    for field, found in spans.items():
        local = fresh_local(function, name + field[:1].upper() + field[1:])
        if any(c.local == local for c in copies):  # `v.id` and `v.Id` both: one name for two fields
            return f"the copies of {name}.{field} and another field would need the same name {local}"
        copies.append(FieldCopy(field, local, tuple(found)))
    return tuple(copies)


def clashing(copies: list[tuple[int, tuple[int, int], tuple[FieldCopy, ...]]]) -> set[int]:
    """The variables (by declaration) whose field copies take a name another variable's copies take in the same
    top-level declaration (each entry: the variable, its declaration's range, its copies): `a.bC` and `aB.c` both
    make `aBC`, fresh_local knowing the function's words but not the other copies, and a copy in an inner block
    would shadow the outer one for a literal reading both."""
    taken: dict[tuple[tuple[int, int], str], set[int]] = {}
    for variable, declaration, fields in copies:
        for f in fields:
            taken.setdefault((declaration, f.local), set()).add(variable)
    return {v for variables in taken.values() if len(variables) > 1 for v in variables}

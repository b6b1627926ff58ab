"""Which struct types a literal without keys may build, told from syntax (field_writes.py asks): `Point{1, 2}` of
a package's `type Point struct{ x, y int }` sets Point's own fields, and `[]int{1, 2}` none; an alias, a type
parameter (`T{100, 1}` of a `[T interface{ Filter }]` sets Filter's fields) or a name declared otherwise may be
any. And a struct type's field names, by which two struct types may be identical (one converts to the other).
"""

from __future__ import annotations

from collections.abc import Callable

from tree_sitter import Query, QueryCursor

from gorewrite.proposals import PackageView
from gorewrite.rulekit import memo
from gorewrite.syntax import GO, Node, text

NOT_STRUCTS = ("slice_type", "array_type", "implicit_length_array_type", "map_type", "struct_type", "qualified_type")
# a type parameter may name a struct type's core type: `T{100, 1}` of a `[T interface{ Filter }]` sets Filter's fields
SPECS = Query(GO, "[(type_spec) (type_alias)] @spec (type_parameter_declaration name: (identifier) @param)")


def maybe_struct(node: Node, named_struct: Callable[[bytes], bool]) -> bool:
    """Is the node the `{…}` of a literal without keys that may build a struct (its type, or the type an elided
    literal takes from its outer one, is not a slice, array, map, struct literal or other package's type, nor a
    name `named_struct` says is a struct of other fields)?"""
    if node.type != "literal_value" or not any(e.type == "literal_element" for e in node.named_children):
        return False
    typed = node.parent.child_by_field_name("type") if node.parent.type == "composite_literal" else None
    if typed is None:  # elided: `[]Point{{1, 2}}`, the outer literal's element type
        outer = node.parent.parent if node.parent.type == "literal_element" else None
        holder = outer.parent if outer is not None and outer.type == "literal_value" else None
        kind = holder.child_by_field_name("type") if holder is not None and holder.type == "composite_literal" else None
        if kind is None or kind.type not in ("slice_type", "array_type", "implicit_length_array_type", "map_type"):
            return True
        typed = kind.child_by_field_name("value" if kind.type == "map_type" else "element")
        while typed is not None and typed.type == "pointer_type":
            typed = typed.named_children[0]
    if typed is None:
        return True
    return typed.type not in NOT_STRUCTS and not (typed.type == "type_identifier" and named_struct(text(typed)))


def field_names(struct: Node) -> list[bytes]:
    """The struct's field names in order (an embedded field's is its type's name: `G` of `*G[word]`, `Buffer` of
    `bytes.Buffer`, however its type arguments or package are spelled)."""
    names = []
    for field in (c for n in struct.named_children for c in n.named_children if c.type == "field_declaration"):
        typed = field.child_by_field_name("type")
        while typed.type in ("pointer_type", "generic_type", "qualified_type"):  # `*G[word]`: G, `bytes.Buffer`: Buffer
            typed = typed.child_by_field_name("name") or typed.child_by_field_name("type") or typed.named_children[-1]
        names += [text(n) for n in field.children_by_field_name("name")] or [text(typed)]
    return names


def foreign_struct(view: PackageView, others: list[Node], names: set[bytes]) -> Callable[[bytes], bool]:
    """Is a type name one every declaration of which, in any file of the package, is a struct type (not an alias)
    with no field of these names? A literal of it without keys sets its own fields only, none of them the field."""
    specs = memo(view, ("field_writes.specs", bool(others)), lambda: _specs(view, others))
    return lambda t: t in specs and all(fields is not None and not names & set(fields) for fields in specs[t])


def _specs(view: PackageView, others: list[Node]) -> dict[bytes, list[list[bytes] | None]]:
    """Type name -> the field names of each declaration of it (None: an alias, a type parameter, not a struct)."""
    roots = [view.tree(p).root_node for p in view.package.files] + others
    found: dict[bytes, list[list[bytes] | None]] = {}
    for root in roots:
        found_in = QueryCursor(SPECS).captures(root)
        for param in found_in.get("param", []):
            found.setdefault(text(param), []).append(None)
        for spec in found_in.get("spec", []):
            typed = spec.child_by_field_name("type")
            struct = spec.type == "type_spec" and typed is not None and typed.type == "struct_type"
            found.setdefault(text(spec.child_by_field_name("name")), []).append(field_names(typed) if struct else None)
    return found

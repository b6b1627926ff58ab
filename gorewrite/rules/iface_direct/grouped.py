"""Several values of one literal rewritten together: every use of the container is an assertion, a call or a plain
read of a distinct stored place (group.py pairs them), each becomes what it yields, and the literal goes.
"""

from __future__ import annotations

from itertools import pairwise

from gorewrite.edits import Edit
from gorewrite.escapes import Escape
from gorewrite.proposals import Fix, PackageView
from gorewrite.rules.iface_direct.bound import bound_target
from gorewrite.rules.iface_direct.calls import direct_calls
from gorewrite.rules.iface_direct.captured import escaping_capture
from gorewrite.rules.iface_direct.cascade import left_too
from gorewrite.rules.iface_direct.commaok import conversion_edits, whole_lines
from gorewrite.rules.iface_direct.contents import boxed_more_often, plain_read, removable, stable
from gorewrite.rules.iface_direct.dropped import dropping, unused_after
from gorewrite.rules.iface_direct.group import pairs
from gorewrite.rules.iface_direct.places import (
    dead_ranges,
    names_stored,
    place_of,
    with_field,
)
from gorewrite.rules.iface_direct.several import conversion_phrase, replaced_statement
from gorewrite.rules.iface_direct.several import target as target_of
from gorewrite.rules.iface_direct.sites import (
    NAME,
    Store,
    describe,
    listed,
    row_of,
    shapes_of,
)
from gorewrite.rules.iface_direct.unused import Ranges
from gorewrite.syntax import (
    Node,
    contains,
    method_call,
    text,
    unparen,
)
from gorewrite.typeinfo import TypeInfo


def rewrite_group(
    view: PackageView,
    types: TypeInfo,
    escape: Escape,
    store: Store,
    reads: list[Node],
    place: str,
    function: Node,
    literals: bool = True,
) -> Fix | str | None:
    """Every use of the container is the one assertion of a distinct stored field, element or entry
    (group.py): each becomes its conversion, proved as a single one is, and the literal goes — the
    only way any of them leaves the heap. None when the uses are not such a group; why not when one
    of them cannot be proved (a field or element then tries the single rewrite, as before)."""
    path = escape.path
    stores = shapes_of(view, path).stores.values()
    members = [with_field(types, path, s) for s in stores if s.declaration == store.declaration]
    paired = pairs(members, place, reads, names_stored(types, path, place))
    if paired is None:
        return None
    paired.sort(key=lambda p: p[1].start_byte)
    name = text(store.container).decode()
    edits: list[Edit] = []
    parts: list[str] = []
    dropped = False
    dead: list[tuple[int, int]] = []  # the code the assertions' rewrites drop as never run, all together
    calls: list[str] = []
    for member, assertion in paired:
        asserted = assertion.type == "type_assertion_expression"
        if not asserted and method_call(assertion) is not None:  # `c.f.M(…)`: direct, proved as calls.py does
            direct = place_of(types, path, member, name)[1] or direct_calls(
                view, types, path, member, place, [assertion], function
            )
            if isinstance(direct, str):
                return direct
            edits += direct
            calls.append(f"call {text(method_call(assertion)).decode()} on {text(unparen(member.value)).decode()}")
            continue
        if not asserted:  # `c.f`, another field's plain read
            read = plain_read(view, types, path, member, assertion, function, literals)
            if read is None:
                line = row_of(assertion)
                return f"the read of {describe(member, place)} (line {line}) cannot become the value stored there"
            edits.append(read)
            continue
        converted = convert_member(
            view, types, path, member, assertion, function, place_of(types, path, member, name)[1]
        )
        if isinstance(converted, str):
            return converted
        edits += converted[0]
        dropped = dropped or len(converted[0]) > 1
        dead += dead_ranges(view, types, path, assertion, member)
        parts.append(conversion_phrase(member, converted[1]))
    gone = drop_literal(view, types, path, store, paired, function, edits, dead)
    if isinstance(gone, str):
        return gone
    edits, also, imports = gone
    places = listed(list(dict.fromkeys(describe(m, place) for m, a in paired if a.type == "type_assertion_expression")))
    plain = [a for _, a in paired if a.type != "type_assertion_expression" and not method_call(a)]
    read = [describe(m, place) for m, a in paired if a in plain]
    asserted = f"{listed(parts)} directly instead of asserting {'them' if len(parts) > 1 else 'it'} from {places}"
    summary = (
        f"{asserted if parts else f'{listed(calls)} directly'}"
        f"{f', read {listed(read)} as the value stored there' if read else ''}"
        f"{f', {listed(calls)} directly' if calls and parts else ''}"
        f"{', and drop the code only a failed assertion ran' if dropped else ''}"
        f", and drop {name}, built only {'to be read back' if parts else 'for those calls'}{left_too(view, path, also)}"
    )
    return dropping(Fix(NAME, tuple(edits), (escape,), summary), imports)


def convert_member(
    view: PackageView, types: TypeInfo, path: str, member: Store, assertion: Node, function: Node, problem: str | None
) -> tuple[list[Edit], bytes] | str:
    """The edits making one assertion of a group's member what it yields (the conversion or the value itself), proved
    as a single one is, and what replaces it; why not (problem: why its place cannot be read back, if it cannot)."""
    target = target_of(types, path, member, assertion.child_by_field_name("type"))
    inside = contains(assertion, member.declaration)
    problem = (
        problem
        or (f"the assertion is part of the declaration of {text(member.container).decode()}" if inside else None)
        or (target if isinstance(target, str) else None)
        or stable(view, types, path, member, function)
        or boxed_more_often(member, assertion, function)
        or escaping_capture(view, path, member, assertion, function)
    )
    if problem:
        return problem
    target = bound_target(view, types, path, member.value, assertion, target)
    converted = conversion_edits(view, types, path, assertion, target)
    return converted if isinstance(converted, str) else (converted, target)


def drop_literal(
    view: PackageView,
    types: TypeInfo,
    path: str,
    store: Store,
    paired: list[tuple[Store, Node]],
    function: Node,
    edits: list[Edit],
    dead: Ranges,
) -> tuple[list[Edit], list[Edit], dict[str, Edit]] | str:
    """The group's edits with the declaration of its literal removed, and the declarations only the literal named
    (cascade.py), and the imports only the dropped code used that another file keeps; why the literal cannot go."""
    name = text(store.container).decode()
    kinds = ("type_assertion_expression", "type_switch_statement")
    statements = [replaced_statement(a) for _, a in paired if a.type in kinds]
    imports = unused_after(view, types, path, function, dead, statements)
    if isinstance(imports, str):
        return imports
    values = tuple({id(m): m.value for m, _ in paired}.values())
    lines = whole_lines(view.sources[path], store.declaration)
    if lines is None:
        return f"the declaration of {name} does not stand on lines of its own"
    also = removable(view, types, path, store, values, function)
    if isinstance(also, str):
        return also
    edits = sorted([Edit(path, *lines, b""), *also, *edits], key=lambda e: (e.start, e.end))
    clash = next((b for a, b in pairwise(edits) if a.end > b.start), None)
    if clash is not None:  # code a failed assertion ran, dropped, holds another assertion
        line = view.line(path, clash.start)
        return f"an assertion of {name} (line {line}) is inside code another one's rewrite drops"
    return edits, also, imports

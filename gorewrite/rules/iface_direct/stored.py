"""A value stored in one place of a local (a variable, field, element or entry) read back by assertions, calls or
plain reads: the proof for the shapes of one store, and the rewrite of its one assertion or type switch.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from itertools import pairwise

from gorewrite.edits import Edit
from gorewrite.escapes import Escape
from gorewrite.proposals import Fix, PackageView
from gorewrite.rulekit import near_syntax_error, owner, types_or_reason
from gorewrite.rules.iface_direct.bound import bound_target
from gorewrite.rules.iface_direct.calls import called_through
from gorewrite.rules.iface_direct.captured import escaping_capture
from gorewrite.rules.iface_direct.cascade import left_too
from gorewrite.rules.iface_direct.commaok import comma_ok, conversion_edits, whole_lines
from gorewrite.rules.iface_direct.contents import boxed_more_often, other_uses, removable, stable
from gorewrite.rules.iface_direct.copies import copies_of
from gorewrite.rules.iface_direct.dropped import dropping, unused_after
from gorewrite.rules.iface_direct.dynamic import dynamic_argument
from gorewrite.rules.iface_direct.elsewhere import failing_elsewhere, needed_elsewhere, unless
from gorewrite.rules.iface_direct.group import access as _access
from gorewrite.rules.iface_direct.grouped import rewrite_group
from gorewrite.rules.iface_direct.leaves import leaving
from gorewrite.rules.iface_direct.matches import value_type
from gorewrite.rules.iface_direct.nested import inner_assertions
from gorewrite.rules.iface_direct.places import (
    dead_ranges,
    place_of,
    the_assertion,
    with_field,
)
from gorewrite.rules.iface_direct.pointer import pointer_reads
from gorewrite.rules.iface_direct.several import all_asserted, conversion_phrase, replaced_statement
from gorewrite.rules.iface_direct.several import target as target_of
from gorewrite.rules.iface_direct.sites import (
    NAME,
    Store,
    describe,
    idents_in,
    listed,
    row_of,
    use_node,
)
from gorewrite.rules.iface_direct.typeswitch import chosen, end, switch_block
from gorewrite.rules.iface_direct.unused import Ranges
from gorewrite.rules.iface_direct.written import other_fields
from gorewrite.syntax import (
    Node,
    contains,
    first_of,
    text,
)
from gorewrite.typeinfo import Kind, TypeInfo, Use


def rewrite_stored(view: PackageView, escape: Escape, stores: list) -> Fix | str:
    if len(stores) > 1:
        lines = ", ".join(str(row_of(s.value)) for s in stores)
        return f"the value is stored in {len(stores)} places a type assertion may read (lines {lines})"
    store = stores[0]
    problem = near_syntax_error(view, escape.path, store.declaration)
    if problem:
        return problem
    types = types_or_reason(view)
    if isinstance(types, str):
        return types
    store = with_field(types, escape.path, store)
    name = text(store.container).decode()
    container = types.at(escape.path, store.container.start_byte)
    if container is not None and container.kind == Kind.RESULT:
        return f"{name} is a named result: a return statement writes it"
    if container is None or container.use != Use.DECL or container.kind != Kind.VAR or not container.local:
        return f"cannot resolve {name} to a local variable"
    function = owner(store.declaration)
    if first_of(function, ("goto_statement",)) is not None:
        return "the function uses goto, so statement order is not execution order"
    uses = [u for u in idents_in(types, escape.path, function) if u.obj == container.obj and u.use != Use.DECL]
    place, problem = place_of(types, escape.path, store, name)
    written = other_fields(view, types, escape.path, store, place, uses)  # `env.Attempt++`: another field's storage
    for kind, what in (
        ("write", f"{name} is assigned after its declaration"),
        ("addr", f"the address of {name} is taken"),
    ):
        found = [u for u in uses if u.use == kind and u not in written]
        if found:
            return f"{what} (line {view.line(escape.path, found[0].start)}): it may no longer hold the stored value"
    if problem:
        return problem
    reads = [use_node(view, escape.path, u) for u in uses]
    problem = pointer_reads(types, escape.path, store, place, reads) if store.pointer else None
    problem = problem or failing_elsewhere(view, types, escape.path, store, place, reads)
    problem = problem or dynamic_argument(view, types, escape.path, store, place, reads, function)
    if problem:
        return problem
    needed = partial(needed_elsewhere, view, types, escape.path, store, place, reads)  # asked of a rewrite found
    called = None
    if place in ("field", "element", "entry") and not written:  # those shapes read fields as what was stored
        copies = copies_of(view, types, escape.path, reads, function) if place == "field" else []
        if isinstance(copies, str):
            return copies
        called = called_through(view, types, escape, store, place, reads, function, copies)
    if isinstance(called, Fix) and place in ("field", "element") and len(reads) > 1:  # another place is asserted:
        grouped = rewrite_group(view, types, escape, store, reads, place, function, literals=False)  # the literal goes
        called = replace(grouped, instead=(called,)) if isinstance(grouped, Fix) else called
    if called is not None:
        return unless(needed, called)
    if place in ("field", "element") and not written and len(reads) > 1:  # calls and assertions of the one place
        mixed = all_asserted(view, types, escape, store, reads, function, place)
        if isinstance(mixed, Fix):
            return unless(needed, mixed)
    if place == "entry" and len(reads) > 1:
        grouped = rewrite_group(view, types, escape, store, reads, place, function)
        if grouped is not None:  # a map only ever goes whole: why this one cannot, when each read is one entry's
            return unless(needed, grouped)
        others = [n for n in reads if _access(n).parent.type != "type_assertion_expression"]
        return other_uses(view, escape.path, store, place, others or reads[1:])
    if place == "var" and len(reads) > 1:
        several = all_asserted(view, types, escape, store, reads, function)
        if several is not None:
            return unless(needed, several)
    failing = None  # why the one check that fails cannot go: the reason a failing assertion declines for
    if place == "var" and len(reads) == 1:  # one check that fails goes, with v and what only v named
        several = all_asserted(view, types, escape, store, reads, function)
        if isinstance(several, Fix):
            return unless(needed, several)
        failing = several
    assertion, kept, problem = the_assertion(view, types, escape.path, store, place, reads)
    if problem and place in ("field", "element") and len(reads) > 1 and not written:
        grouped = rewrite_group(view, types, escape, store, reads, place, function)  # one place asserted again
        if isinstance(grouped, Fix):
            return unless(needed, grouped)
    if problem:
        return problem
    reads = kept
    switched = assertion.type == "type_switch_statement"
    read = assertion.child_by_field_name("value") if switched else assertion
    others = [n for n in reads if not contains(read, n)]
    fallback = None  # the group reading a string field as its literal: only if the rewrite keeping it fails
    if others and place in ("field", "element") and not switched and not written:
        grouped = rewrite_group(view, types, escape, store, reads, place, function, literals=False)
        if isinstance(grouped, Fix):
            return unless(needed, grouped)
        fallback = rewrite_group(view, types, escape, store, reads, place, function)
    problem = other_uses(view, escape.path, store, place, others)
    if problem:
        return problem
    clause = chosen(types, escape.path, assertion, value_type(types, escape.path, store.value)) if switched else None
    if isinstance(clause, str):
        return clause
    kind = clause[1] if clause else assertion.child_by_field_name("type")
    target = target_of(types, escape.path, store, kind)
    if isinstance(target, str):
        return failing or target
    target = target if clause else bound_target(view, types, escape.path, store.value, assertion, target)
    until = end(types, escape.path, assertion, clause[0]) if clause else None
    if isinstance(until, str):
        return until
    dead = dead_ranges(view, types, escape.path, assertion, store)
    imports = unused_after(view, types, escape.path, function, dead, replaced_statement(assertion))
    if isinstance(imports, str):
        return imports
    problem = stable(view, types, escape.path, store, function)
    if problem:
        return problem
    removed = place == "var" or not others  # a container built only to be read back goes
    also: list[Edit] = []  # and the declarations only its literal named
    if removed and place != "var":
        also = removable(view, types, escape.path, store, (store.value,), function)
        if isinstance(also, str):
            return also
    problem = boxed_more_often(store, assertion, function) or escaping_capture(
        view, escape.path, store, assertion, function
    )
    problem = problem or leaving(view, types, escape.path, assertion, clause[0] if clause else None)
    if problem:
        return problem
    fix = _rewrite(view, types, escape, store, place, assertion, target, removed, clause and (clause[0], until), also)
    if isinstance(fix, Fix) and not clause:
        fix = _narrowed(view, types, escape, store, assertion, function, fix, (dead, imports))
    if isinstance(fix, Fix):
        fix = dropping(fix, imports)
    if isinstance(fix, Fix) and isinstance(fallback, Fix):
        fix = replace(fix, instead=(fallback,))  # tried when the compiler rejects the smaller rewrite
    return unless(needed, fix)


def _narrowed(
    view: PackageView,
    types: TypeInfo,
    escape: Escape,
    store: Store,
    assertion: Node,
    function: Node,
    fix: Fix,
    dropped: tuple[Ranges, dict[str, Edit]],
) -> Fix:
    """The fix with the assertions of the variable its comma-ok declares rewritten too (nested.py), the fix alone
    tried when the compiler rejects that; the fix alone where they are none or cannot be proved."""
    path = escape.path
    found = inner_assertions(view, types, path, store, assertion, fix.edits, function)
    if not isinstance(found, tuple):
        return fix
    edits, dead, replaced, parts, kept = found
    dead_before, imports = dropped
    statements = [replaced_statement(assertion), *replaced]
    again = unused_after(view, types, path, function, [*dead_before, *dead], statements)
    if isinstance(again, str) or again.keys() != imports.keys() or any(a.end > b.start for a, b in pairwise(edits)):
        return fix
    name = text(comma_ok(assertion)[0]).decode()
    failed = len(replaced) - len(parts)
    summary = fix.summary + (f", then {listed(parts)} instead of asserting it from {name}" if parts else "")
    summary += f", drop the {'if' if failed == 1 else f'{failed} ifs'} on {name} go/types says fails" if failed else ""
    summary += "" if kept else f", and declare no {name}: nothing reads it then"
    return replace(fix, edits=tuple(edits), summary=summary, instead=(fix,))


def _rewrite(
    view: PackageView,
    types: TypeInfo,
    escape: Escape,
    store: Store,
    place: str,
    assertion: Node,
    target: bytes,
    removed: bool,
    taken: tuple[Node, int] | None,
    also: list[Edit],
) -> Fix | str:
    """`c.(I)` becomes `I(E)`, a type switch on c the block of the case it takes (typeswitch.py: the
    case and where the replacement ends, past the code it makes dead); the declaration of a
    container read nowhere else goes."""
    path = escape.path
    conversion = target
    if taken is not None:
        clause, until = taken
        replaced = switch_block(view.sources[path], assertion, clause, conversion)
        edits = [Edit(path, assertion.start_byte, until, replaced)]
    else:
        edits = conversion_edits(view, types, path, assertion, conversion)
    if isinstance(edits, str):
        return edits
    dropped = len(edits) > 1 or (taken is not None and taken[1] > assertion.end_byte)
    name = text(store.container).decode()
    if removed:
        lines = whole_lines(view.sources[path], store.declaration)
        if lines is None:
            return f"the declaration of {name} does not stand on lines of its own"
        edits.insert(0, Edit(path, *lines, b""))
        edits = sorted([*edits, *also], key=lambda e: (e.start, e.end)) if also else edits
    how = "switching on the type of" if taken is not None else "asserting it from"
    summary = f"{conversion_phrase(store, target)} directly instead of {how} {describe(store, place)}"
    if taken is not None:
        summary += ", and keep only the case the switch takes"
    if dropped:
        summary += ", and drop the code after it" if taken else ", and drop the code only a failed assertion ran"
    if removed and place != "var":
        summary += f", and drop {name}, built only to be read back" + left_too(view, path, also)
    return Fix(NAME, tuple(edits), (escape,), summary)

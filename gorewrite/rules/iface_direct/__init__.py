"""iface-direct: convert a concrete value to the interface it is asserted to, not through `any`.

`var i any = &s; j := i.(fmt.Stringer)` hides the concrete type from the compiler, so calls on
`j` stay dynamic and `s` moves to the heap; `j := fmt.Stringer(&s)` lets it devirtualize them.
The intermediate may be a local interface variable (go1.24/1.25 keep `s` on the heap for it),
a struct field or a slice/array element of a local composite literal (every release does).
The stores and assertions are found by syntax (sites.py); which field, element or entry holds the
value and which assertion reads it come from go/types (places.py), as do which case a type switch
takes and what an assertion yields (matches.py, typeswitch.py); the container's other uses and the
value's stability are checked in contents.py, the comma-ok edits made in commaok.py. Several values
of one literal asserted together are paired in group.py. The full doc, with the cases it declines,
is rules/iface-direct/README.md.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from itertools import pairwise

from gorewrite.edits import Edit
from gorewrite.escapes import Escape
from gorewrite.proposals import Candidate, Declined, Fix, PackageView, Proposal, Rule
from gorewrite.rulekit import near_syntax_error, owner, types_or_reason
from gorewrite.rules.iface_direct.assigned import assigned_calls, field_assignment
from gorewrite.rules.iface_direct.bound import bound_target
from gorewrite.rules.iface_direct.calls import called_through, direct_calls
from gorewrite.rules.iface_direct.captured import escaping_capture
from gorewrite.rules.iface_direct.cascade import left_too
from gorewrite.rules.iface_direct.commaok import comma_ok, conversion_edits, whole_lines
from gorewrite.rules.iface_direct.contents import boxed_more_often, other_uses, plain_read, removable, stable
from gorewrite.rules.iface_direct.copies import copies_of
from gorewrite.rules.iface_direct.dynamic import dynamic_argument
from gorewrite.rules.iface_direct.elsewhere import failing_elsewhere, needed_elsewhere
from gorewrite.rules.iface_direct.group import access as _access
from gorewrite.rules.iface_direct.group import pairs
from gorewrite.rules.iface_direct.imports import shared_imports
from gorewrite.rules.iface_direct.initorder import init_problem
from gorewrite.rules.iface_direct.matches import value_type
from gorewrite.rules.iface_direct.nested import inner_assertions
from gorewrite.rules.iface_direct.paths import (
    addressed_past,
    asserted,
    operand,
    read_path,
    reads,
    steps_of,
    written_access,
)
from gorewrite.rules.iface_direct.places import (
    dead_ranges,
    names_stored,
    place_of,
    the_assertion,
    with_field,
)
from gorewrite.rules.iface_direct.pointer import pointer_reads
from gorewrite.rules.iface_direct.ranged import range_loop, ranged_calls
from gorewrite.rules.iface_direct.several import all_asserted, conversion_phrase, replaced_statement
from gorewrite.rules.iface_direct.several import target as target_of
from gorewrite.rules.iface_direct.sites import (
    NAME,
    Store,
    describe,
    idents_in,
    listed,
    row_of,
    shapes_of,
    stores_of,
    use_node,
)
from gorewrite.rules.iface_direct.typeswitch import chosen, end, switch_block
from gorewrite.rules.iface_direct.unused import Ranges, left_unused
from gorewrite.rules.iface_direct.written import other_fields
from gorewrite.syntax import (
    Node,
    contains,
    enclosing,
    first_of,
    method_call,
    text,
    unparen,
)
from gorewrite.typeinfo import Kind, TypeInfo, Use


def find(view: PackageView) -> list[Candidate]:
    """Heap escapes of a value (or a variable whose address is) stored where a type assertion reads it."""
    found: dict[Escape, Candidate] = {}
    for escape in view.escapes:
        if escape.path not in view.package.rewritable or not escape.heap:
            continue
        asserts = b".(" in view.sources[escape.path] or escape.message.startswith("moved to heap: ")
        stores = stores_of(view, escape) if asserts else []  # a boxed value is read back only by an assertion
        ranged = None if stores else range_loop(view, escape)
        assigned = None if stores or ranged else field_assignment(view, escape)  # `o.F = &x` (assigned.py)
        nested = stores_of(view, escape, nested=True) if asserts and not (stores or ranged or assigned) else []
        if stores or ranged or assigned or nested:
            held = stores or nested
            function = owner(held[0].declaration if held else ranged[0] if ranged else assigned)
            found.setdefault(escape, Candidate(NAME, escape, escape.path, (function.start_byte, function.end_byte)))
    return list(found.values())


def propose(view: PackageView, candidates: list[Candidate]) -> list[Proposal]:
    """A Fix for each candidate this rule can prove keeps behaviour; a Declined with the reason for the others."""
    proposals: list[Proposal] = []
    fixes: dict[tuple[Edit, ...], int] = {}  # the values of one literal rewritten together: one fix
    for cand in candidates:
        verdict = _proposal(view, cand.escape)
        if isinstance(verdict, str):
            proposals.append(Declined(NAME, cand.escape, verdict))
        elif verdict.edits in fixes:
            at = fixes[verdict.edits]
            proposals[at] = replace(proposals[at], targets=proposals[at].targets + verdict.targets)
        else:
            fixes[verdict.edits] = len(proposals)
            proposals.append(verdict)
    return _deleted_with(view, proposals)


def _deleted_with(view: PackageView, proposals: list[Proposal]) -> list[Proposal]:
    """A declined value boxed inside the declaration a fix deletes (`extra` in `opts := []any{&u, extra}`,
    dropped with opts) goes with that fix: its expression no longer exists, so the fix targets it too.
    Not one in the code only a failed assertion ran, which a fix also deletes: it never ran, so
    counting it as removed would claim an allocation the program never made."""
    merged: list[Proposal | None] = list(proposals)
    for n, declined in enumerate(proposals):
        at = view.offset(declined.site) if isinstance(declined, Declined) else None
        if at is None:
            continue
        path = declined.site.path
        for i, fix in enumerate(merged):
            if not isinstance(fix, Fix):
                continue
            held = [s for t in fix.targets if t.path == path for s in stores_of(view, t) or stores_of(view, t, True)]
            built = [s.declaration for s in held]
            deleted = [e for e in fix.edits if e.path == path and e.start <= at < e.end and not e.new]
            ran = any(d.start_byte <= at < d.end_byte for d in built) or _ran_before(view, at, built)
            if deleted and ran and not _in_deleted_literal(view, path, at, deleted):
                merged[i], merged[n] = replace(fix, targets=fix.targets + (declined.site,)), None
                break
    return [p for p in merged if p is not None]


def _ran_before(view: PackageView, at: int, built: list[Node]) -> bool:
    """Is the byte at in a statement of the block a deleted store declaration stands in, before it (a variable only
    the literal named, which cascade.py deletes: `back := door{…}` of `states := map[string]State{…, "back":
    &back}`)? It ran whenever that declaration did, never only where a failed assertion ran (that code follows
    the assertion, which follows the declaration), so its allocation is one the fix takes away."""
    for declaration in built:
        statement = declaration.parent if declaration.type == "var_spec" else declaration
        if statement.parent is None or statement.parent.type != "statement_list":
            continue
        sibling = statement.prev_named_sibling
        while sibling is not None:
            if sibling.start_byte <= at < sibling.end_byte:
                return True
            sibling = sibling.prev_named_sibling
    return False


def _in_deleted_literal(view: PackageView, path: str, at: int, deleted: list[Edit]) -> bool:
    """Is the byte at in the body of a func literal the fix deletes (`hook := func() { … &n … }`, or one element of
    the literal)? That body ran only if something called it: its allocation may be one the program never made."""
    literal = enclosing(view.tree(path).root_node.descendant_for_byte_range(at, at), "func_literal")
    return literal is not None and any(e.start <= literal.start_byte and literal.end_byte <= e.end for e in deleted)


# --- recognising sites by syntax ---------------------------------------------------------


# --- proving the rewrite keeps behaviour ---------------------------------------------------


def _proposal(view: PackageView, escape: Escape) -> Fix | str:
    stores = stores_of(view, escape)
    ranged = range_loop(view, escape)
    assigned = None if stores or ranged else field_assignment(view, escape)
    if not stores and ranged is None and assigned is None:  # a value of a nested literal (paths.py)
        return _pathed(view, escape, stores_of(view, escape, nested=True))
    if assigned is not None:
        types = types_or_reason(view)
        problem = near_syntax_error(view, escape.path, assigned)
        return problem or (types if isinstance(types, str) else assigned_calls(view, types, escape, assigned))
    if ranged is not None:  # a range over a literal holding the value (ranged.py), or c[i] in one
        problem = near_syntax_error(view, escape.path, ranged[0])
        types = types_or_reason(view)
        found = problem or (types if isinstance(types, str) else ranged_calls(view, types, escape, *ranged))
        if not stores or isinstance(found, Fix):
            return found
        stored = _stored(view, escape, stores)
        return (
            stored
            if isinstance(stored, Fix)
            else f"{stored}; as the range's element (line {row_of(ranged[0])}): {found}"
        )
    return _stored(view, escape, stores)


def _pathed(view: PackageView, escape: Escape, stores: list[Store]) -> Fix | str:
    """A value of a literal nested in the local's (paths.py), read back through a path of steps: when every use of
    the local is a type assertion of a value its literal stores at the end of a path, a call of an interface's method
    through one, or a plain read of a field the group may read as its stored value, each is rewritten as one of a
    group is (`I(&x)`, `(&x).M(…)`, the stored variable), and the declaration goes — the only way any value of the
    literal leaves the heap."""
    if len(stores) > 1:
        lines = ", ".join(str(row_of(s.value)) for s in stores)
        return f"the value is stored in {len(stores)} places a type assertion may read (lines {lines})"
    store, path = stores[0], escape.path
    problem = near_syntax_error(view, path, store.declaration)
    types = problem or types_or_reason(view)
    if isinstance(types, str):
        return types
    name = text(store.container).decode()
    container = types.at(path, store.container.start_byte)
    if container is None or container.use != Use.DECL or container.kind != Kind.VAR or not container.local:
        return f"cannot resolve {name} to a local variable"
    function = owner(store.declaration)
    if first_of(function, ("goto_statement",)) is not None:
        return "the function uses goto, so statement order is not execution order"
    steps = steps_of(types, path, store)
    if isinstance(steps, str):
        return steps
    shapes = shapes_of(view, path)
    members = [m for m in (*shapes.stores.values(), *shapes.nested.values()) if m.declaration == store.declaration]
    literals = ("composite_literal", "literal_value")
    known = [
        (m, s) for m in members if m.value.type not in literals and not isinstance(s := steps_of(types, path, m), str)
    ]
    paired: list[tuple[Store, Node]] = []  # each member with the assertion, or the access a call or read goes through
    for use in idents_in(types, path, function):
        if use.obj != container.obj or use.use == Use.DECL:
            continue
        if use.use in (Use.WRITE, Use.ADDR):
            what = "assigned after its declaration" if use.use == Use.WRITE else "addressed"
            return f"{name} is {what} (line {view.line(path, use.start)}): it may no longer hold the stored values"
        chain = read_path(use_node(view, path, use))
        through = written_access(chain)
        if through is not None:
            line = view.line(path, use.start)
            return f"{name} is written through {text(through).decode()} (line {line}): it may not hold what it stored"
        member = next(((m, len(s)) for m, s in known if reads(types, path, s, chain[: len(s)])), None)
        top = chain[member[1] - 1] if member is not None else None
        addressed = addressed_past(types, path, chain[member[1] - 1 :]) if member is not None else None
        if addressed is not None:
            line = view.line(path, use.start)
            return f"{name} is read through {text(addressed).decode()} (line {line}), which may write what it read"
        read = top is not None and (asserted(top) or method_call(top) or top.type == "selector_expression")
        if not read:
            line = view.line(path, use.start)
            return (
                f"{name} is used other than to read a place its literal stores (line {line}): the values on the way "
                "may be written, aliased or escape there"
            )
        paired.append((member[0], asserted(top) or top))
    edits: list[Edit] = []
    dead: list[tuple[int, int]] = []
    parts: list[str] = []
    calls: list[str] = []
    switches: list[str] = []
    kinds = ("type_assertion_expression", "type_switch_statement")
    for member, read in paired:  # the assertions first: a call or read in the code only a failed one ran goes with it
        if read.type in kinds:
            dead += dead_ranges(view, types, path, read, member)
    paired = [(m, r) for m, r in paired if not any(a <= r.start_byte < b for a, b in dead)]
    for member, read in paired:
        if read.type == "type_switch_statement":  # the block of the case it takes, as for a single store
            switched = _switched(view, types, path, member, read, function)
            if isinstance(switched, str):
                return switched
            edits.append(switched[0])
            switches.append(switched[1])
            continue
        if read.type != "type_assertion_expression" and method_call(read) is None:  # `def.ID`, a plain read
            plain = plain_read(view, types, path, member, read, function)
            if plain is None:
                return f"the read of {text(read).decode()} (line {row_of(read)}) cannot become the value stored there"
            edits.append(plain)
            continue
        if read.type != "type_assertion_expression":  # `p.Steps[0].Run(…)`: direct, proved as calls.py does
            direct = direct_calls(view, types, path, member, "var", [read], function)
            if isinstance(direct, str):
                return direct
            edits += direct
            calls.append(f"call {text(method_call(read)).decode()} on {text(unparen(member.value)).decode()}")
            continue
        converted = _converted(view, types, path, member, read, function, None)  # declines one that fails here
        problem = (
            converted
            if isinstance(converted, str)
            else dynamic_argument(view, types, path, member, "var", [operand(read)], function)
        )
        if problem:
            return problem
        edits += converted[0]
        parts.append(conversion_phrase(member, converted[1]))
    gone = _literal_goes(view, types, path, store, paired, function, edits, dead)
    if isinstance(gone, str):
        return gone
    edits, also, imports = gone
    asserted_ = [a for _, a in paired if a.type == "type_assertion_expression"]
    places = listed(list(dict.fromkeys(text(unparen(operand(a))).decode() for a in asserted_)))
    dropped = any(len(conversion_edits(view, types, path, a, b"")) > 1 for a in asserted_)
    plain = [text(r).decode() for _, r in paired if r.type == "selector_expression" and method_call(r) is None]
    done = (
        [f"{listed(parts)} directly instead of asserting {'them' if len(parts) > 1 else 'it'} from {places}"]
        if parts
        else []
    )
    done += [f"{listed(calls)} directly"] if calls else []
    done += switches
    done += [f"read {listed(plain)} as the value stored there"] if plain else []
    summary = (
        ", ".join(done)
        + (", and drop the code only a failed assertion ran" if dropped else "")
        + f", and drop {name}, built only to be read back{left_too(view, path, also)}"
    )
    fix = _dropping(Fix(NAME, tuple(edits), (escape,), summary), imports)
    for member, read in paired:
        fix = _unless(partial(needed_elsewhere, view, types, path, member, "var", [operand(read)]), fix)
    return fix


def _switched(
    view: PackageView, types: TypeInfo, path: str, member: Store, switch: Node, function: Node
) -> tuple[Edit, str] | str:
    """A type switch on a stored path as the block of the case it takes (typeswitch.py, as for a single store), with
    the code it makes dead, and how the summary says it; why not."""
    read = operand(switch)
    clause = chosen(types, path, switch, value_type(types, path, member.value))
    if isinstance(clause, str):
        return clause
    target = target_of(types, path, member, clause[1])
    until = end(types, path, switch, clause[0])
    problem = (
        (target if isinstance(target, str) else None)
        or (until if isinstance(until, str) else None)
        or failing_elsewhere(view, types, path, member, "var", [read])
        or stable(view, types, path, member, function)
        or boxed_more_often(member, switch, function)
        or escaping_capture(view, path, member, switch, function)
    )
    if problem:
        return problem
    block = switch_block(view.sources[path], switch, clause[0], target)
    on, phrase = text(unparen(read)).decode(), conversion_phrase(member, target)
    return Edit(path, switch.start_byte, until, block), f"keep only the case the switch on {on} takes ({phrase})"


def _stored(view: PackageView, escape: Escape, stores: list) -> Fix | str:
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
        grouped = _grouped(view, types, escape, store, place, reads, function, literals=False)  # the literal goes
        called = replace(grouped, instead=(called,)) if isinstance(grouped, Fix) else called
    if called is not None:
        return _unless(needed, called)
    if place in ("field", "element") and not written and len(reads) > 1:  # calls and assertions of the one place
        mixed = all_asserted(view, types, escape, store, reads, function, place)
        if isinstance(mixed, Fix):
            return _unless(needed, mixed)
    if place == "entry" and len(reads) > 1:
        grouped = _grouped(view, types, escape, store, place, reads, function)
        if grouped is not None:  # a map only ever goes whole: why this one cannot, when each read is one entry's
            return _unless(needed, grouped)
        others = [n for n in reads if _access(n).parent.type != "type_assertion_expression"]
        return other_uses(view, escape.path, store, place, others or reads[1:])
    if place == "var" and len(reads) > 1:
        several = all_asserted(view, types, escape, store, reads, function)
        if several is not None:
            return _unless(needed, several)
    failing = None  # why the one check that fails cannot go: the reason a failing assertion declines for
    if place == "var" and len(reads) == 1:  # one check that fails goes, with v and what only v named
        several = all_asserted(view, types, escape, store, reads, function)
        if isinstance(several, Fix):
            return _unless(needed, several)
        failing = several
    assertion, kept, problem = the_assertion(view, types, escape.path, store, place, reads)
    if problem and place in ("field", "element") and len(reads) > 1 and not written:
        grouped = _grouped(view, types, escape, store, place, reads, function)  # one place asserted again
        if isinstance(grouped, Fix):
            return _unless(needed, grouped)
    if problem:
        return problem
    reads = kept
    switched = assertion.type == "type_switch_statement"
    read = assertion.child_by_field_name("value") if switched else assertion
    others = [n for n in reads if not contains(read, n)]
    fallback = None  # the group reading a string field as its literal: only if the rewrite keeping it fails
    if others and place in ("field", "element") and not switched and not written:
        grouped = _grouped(view, types, escape, store, place, reads, function, literals=False)
        if isinstance(grouped, Fix):
            return _unless(needed, grouped)
        fallback = _grouped(view, types, escape, store, place, reads, function)
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
    imports = _unused_after(view, types, escape.path, function, dead, replaced_statement(assertion))
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
    if problem:
        return problem
    fix = _fix(view, types, escape, store, place, assertion, target, removed, clause and (clause[0], until), also)
    if isinstance(fix, Fix) and not clause:
        fix = _narrowed(view, types, escape, store, assertion, function, fix, (dead, imports))
    if isinstance(fix, Fix):
        fix = _dropping(fix, imports)
    if isinstance(fix, Fix) and isinstance(fallback, Fix):
        fix = replace(fix, instead=(fallback,))  # tried when the compiler rejects the smaller rewrite
    return _unless(needed, fix)


def _unless(needed: Callable[[], str | None], found: Fix | str) -> Fix | str:
    """A rewrite found declines when another build may lack a method it needs (needed_elsewhere, which may read other
    packages' files: asked only once a rewrite is found); a decline stands."""
    return (needed() or found) if isinstance(found, Fix) else found


def _unused_after(
    view: PackageView, types: TypeInfo, path: str, function: Node, removed: Ranges, statements: Node | list[Node]
) -> dict[str, Edit] | str:
    """The code the rewrite drops as never run (removed; statements: those it replaces) must leave no variable or
    import unused (unused.py), but for the imports another file of the package keeps (imports.py): the edits
    removing those, by package name."""
    shared = shared_imports(view, types, path, function, removed)
    problem = left_unused(view.tree(path).root_node, types, path, function, removed, statements, frozenset(shared))
    if problem:
        return f"the rewrite drops code that never runs, and {problem}"
    return init_problem(view, types, path, function, removed) or shared


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
    again = _unused_after(view, types, path, function, [*dead_before, *dead], statements)
    if isinstance(again, str) or again.keys() != imports.keys() or any(a.end > b.start for a, b in pairwise(edits)):
        return fix
    name = text(comma_ok(assertion)[0]).decode()
    failed = len(replaced) - len(parts)
    summary = fix.summary + (f", then {listed(parts)} instead of asserting it from {name}" if parts else "")
    summary += f", drop the {'if' if failed == 1 else f'{failed} ifs'} on {name} go/types says fails" if failed else ""
    summary += "" if kept else f", and declare no {name}: nothing reads it then"
    return replace(fix, edits=tuple(edits), summary=summary, instead=(fix,))


def _dropping(fix: Fix, imports: dict[str, Edit]) -> Fix:
    """The fix, removing too the imports only the dropped code used, which another file of the package keeps."""
    if not imports:
        return fix
    edits = tuple(sorted((*fix.edits, *imports.values()), key=lambda e: (e.start, e.end)))
    kept = f", and drop its import of {listed(sorted(imports))}, which another file of the package imports too"
    return replace(fix, edits=edits, summary=fix.summary + kept)


# --- the rewrite -------------------------------------------------------------------------


def _fix(
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


def _grouped(
    view: PackageView,
    types: TypeInfo,
    escape: Escape,
    store: Store,
    place: str,
    reads: list[Node],
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
        converted = _converted(view, types, path, member, assertion, function, place_of(types, path, member, name)[1])
        if isinstance(converted, str):
            return converted
        edits += converted[0]
        dropped = dropped or len(converted[0]) > 1
        dead += dead_ranges(view, types, path, assertion, member)
        parts.append(conversion_phrase(member, converted[1]))
    gone = _literal_goes(view, types, path, store, paired, function, edits, dead)
    if isinstance(gone, str):
        return gone
    edits, also, imports = gone
    places = listed(list(dict.fromkeys(describe(m, place) for m, a in paired if a.type == "type_assertion_expression")))
    plain = [a for _, a in paired if a.type != "type_assertion_expression" and not method_call(a)]
    read = [describe(m, place) for m, a in paired if a in plain]
    summary = (
        f"{listed(parts)} directly instead of asserting {'them' if len(parts) > 1 else 'it'} from {places}"
        f"{f', read {listed(read)} as the value stored there' if read else ''}"
        f"{f', {listed(calls)} directly' if calls else ''}"
        f"{', and drop the code only a failed assertion ran' if dropped else ''}"
        f", and drop {name}, built only to be read back{left_too(view, path, also)}"
    )
    return _dropping(Fix(NAME, tuple(edits), (escape,), summary), imports)


def _converted(
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


def _literal_goes(
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
    imports = _unused_after(view, types, path, function, dead, statements)
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


RULE = Rule(
    name=NAME,
    summary="convert a value straight to the interface it is asserted to, "
    "not through an any variable, field or element",
    messages=("moved to heap: x", "x escapes to heap"),
    find=find,
    propose=propose,
    retention=True,
)

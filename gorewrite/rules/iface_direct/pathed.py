"""A value of a literal nested in the local's, read back through a path of steps (paths.py): every use of the local
reads a stored path, each is rewritten as a group's member is (grouped.py), and the declaration goes.
"""

from __future__ import annotations

from functools import partial

from gorewrite.edits import Edit
from gorewrite.escapes import Escape
from gorewrite.proposals import Fix, PackageView
from gorewrite.rulekit import near_syntax_error, owner, types_or_reason
from gorewrite.rules.iface_direct.calls import direct_calls
from gorewrite.rules.iface_direct.captured import escaping_capture
from gorewrite.rules.iface_direct.cascade import left_too
from gorewrite.rules.iface_direct.commaok import conversion_edits
from gorewrite.rules.iface_direct.contents import boxed_more_often, plain_read, stable
from gorewrite.rules.iface_direct.dropped import dropping
from gorewrite.rules.iface_direct.dynamic import dynamic_argument
from gorewrite.rules.iface_direct.elsewhere import failing_elsewhere, needed_elsewhere, unless
from gorewrite.rules.iface_direct.grouped import convert_member, drop_literal
from gorewrite.rules.iface_direct.matches import value_type
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
)
from gorewrite.rules.iface_direct.several import conversion_phrase
from gorewrite.rules.iface_direct.several import target as target_of
from gorewrite.rules.iface_direct.sites import (
    NAME,
    Store,
    idents_in,
    listed,
    row_of,
    shapes_of,
    use_node,
)
from gorewrite.rules.iface_direct.typeswitch import chosen, end, switch_block
from gorewrite.syntax import (
    Node,
    first_of,
    method_call,
    text,
    unparen,
)
from gorewrite.typeinfo import Kind, TypeInfo, Use


def rewrite_pathed(view: PackageView, escape: Escape, stores: list[Store]) -> Fix | str:
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
        converted = convert_member(view, types, path, member, read, function, None)  # declines one that fails here
        problem = (
            converted
            if isinstance(converted, str)
            else dynamic_argument(view, types, path, member, "var", [operand(read)], function)
        )
        if problem:
            return problem
        edits += converted[0]
        parts.append(conversion_phrase(member, converted[1]))
    gone = drop_literal(view, types, path, store, paired, function, edits, dead)
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
    fix = dropping(Fix(NAME, tuple(edits), (escape,), summary), imports)
    for member, read in paired:
        fix = unless(partial(needed_elsewhere, view, types, path, member, "var", [operand(read)]), fix)
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

"""Several assertions of one local interface variable, rewritten together.

`var v any = &cfg` read back by `v.(Defaulter)` and then `v.(Validator)` (the optional-interface
idiom), perhaps also called through (`v.Collect(f)`: v holds &cfg, so Go calls `(&cfg).Collect(f)`,
calls.py): escape analysis is field-insensitive, so while one assertion still reads v the value leaks
through it, and one rewrite alone never verifies. When v is never written nor addressed (the rule
checked that already) and every read of v is an assertion or a type switch whose outcome go/types
decides, each becomes what it yields — the conversion, the value itself, the block of the case the
switch takes — and a comma-ok `if` whose assertion go/types says fails goes (its body never ran:
ok is false), all in one fix with v's declaration. Each is proved as a single one is.

A field or element of a local literal read only there, by method calls and assertions alike (`s.Dialect.Quote(t)`
beside `if l, ok := s.Dialect.(Limiter); ok {`, probe iface-db's Paged), is rewritten the same way: the calls go to
`&x` (calls.py), the assertions become what they yield or go as never run, and the literal goes.
"""

from __future__ import annotations

from gorewrite.edits import Edit
from gorewrite.escapes import Escape
from gorewrite.proposals import Fix, PackageView
from gorewrite.rules.iface_direct.calls import direct_calls
from gorewrite.rules.iface_direct.cascade import left_too
from gorewrite.rules.iface_direct.commaok import conversion_edits, failed_if, whole_lines
from gorewrite.rules.iface_direct.contents import boxed_more_often, named_only_there, removable, stable
from gorewrite.rules.iface_direct.group import access
from gorewrite.rules.iface_direct.initorder import init_problem
from gorewrite.rules.iface_direct.matches import replacement, takes, value_type
from gorewrite.rules.iface_direct.places import constant_index, is_interface_type, reads_stored
from gorewrite.rules.iface_direct.sites import NAME, Store, address_of, describe, listed, row_of
from gorewrite.rules.iface_direct.typeswitch import chosen, dropped, end, switch_block
from gorewrite.rules.iface_direct.unused import Ranges, left_unused
from gorewrite.syntax import Node, contains, enclosing, method_call, text, unparen
from gorewrite.typeinfo import TypeInfo

KINDS = ("type_assertion_expression", "type_switch_statement")


def target(types: TypeInfo, path: str, store: Store, kind: Node | None) -> bytes | str:
    """What replaces the assertion to kind (None: a type switch's default): `I(E)` or E (matches.py)."""
    if kind is None:
        return text(unparen(store.value))
    return replacement(types, path, store.value, kind, is_interface_type(types, path, kind))


def conversion_phrase(store: Store, replaced: bytes) -> str:
    """How the summary says what replaces the assertion."""
    value = text(unparen(store.value))
    if replaced == value:
        return f"use {value.decode()}"
    if not replaced.endswith(b"(" + value + b")"):  # a constant as go/types' value of it (matches._boxed_constant)
        return f"use {value.decode()} as {replaced.decode()}"
    return f"convert {value.decode()} to {replaced[: -len(value) - 2].decode()}"


def replaced_statement(assertion: Node) -> Node:
    """The statement the rewrite replaces: a comma-ok's declaration, an if with it as initializer included."""
    statement = assertion
    holders = ("short_var_declaration", "var_declaration")
    while statement.parent is not None and statement.type not in holders and not statement.type.endswith("statement"):
        statement = statement.parent
    if statement.parent is not None and statement.parent.type == "if_statement":
        statement = statement.parent
    return statement


def all_asserted(
    view: PackageView,
    types: TypeInfo,
    escape: Escape,
    store: Store,
    reads: list[Node],
    function: Node,
    place: str = "var",
) -> Fix | str | None:
    """The fix for a local interface variable read only by assertions and type switches (reads in code
    an earlier one removes as never run are no reads); why not when one cannot be proved; None when
    some read is anything else (the rule then says where the value escapes through it). For a field or
    element (place), every read of the container must be of the stored one, with a method call or a failing check
    among them (group.py's rewrite of assertions alone cannot drop one): the container goes with the rewrite, as a
    literal built only to be read back does."""
    path = escape.path
    if place != "var" and not all(_exactly(types, path, store, place, access(n)) for n in reads):
        return None  # another field or element is read too: the single and group rewrites say what they can
    name = text(store.container).decode()
    dead: Ranges = []
    edits: list[Edit] = []
    parts: list[str] = []
    replaced: list[Node] = []
    failed = 0
    never = False  # a succeeding assertion's rewrite drops code
    problem: str | None = None
    switched = False
    calls: list[Node] = []
    for read in sorted(reads, key=lambda n: n.start_byte):
        if any(start <= read.start_byte < stop for start, stop in dead):
            continue
        assertion = access(read).parent
        receiver = read if place == "var" else access(read)  # `v` of `v.M(…)`, `c.f` of `c.f.M(…)`
        if assertion.type not in KINDS:
            if method_call(receiver) is None or address_of(unparen(store.value)) is None:
                return None  # a call through a variable holding a value reads it elsewhere: see the single rewrite
            calls.append(receiver)  # `v.M(…)`: v holds &x, so it calls (&x).M (calls.py)
            problem = problem or _in_literal(store, read, function, "call")
            continue
        one = problem or _one(view, types, path, store, assertion, function)
        if isinstance(one, str):
            problem = one  # unless a later read is no assertion: then v is read elsewhere, which says more
            continue
        more, removed, part = one
        edits += more
        dead += removed
        replaced.append(replaced_statement(assertion))
        switched = switched or assertion.type == "type_switch_statement"
        if part is None:
            failed += 1
        else:
            parts.append(part)
            never = never or bool(removed)
    if problem:
        return problem
    if not replaced or (len(replaced) == 1 and not failed and not calls) or (place != "var" and not (calls or failed)):
        return None  # the one assertion, the other reads in code it removes: the single rewrite says so
    if calls:
        direct = direct_calls(view, types, path, store, place, calls, function)
        if isinstance(direct, str):
            return direct
        edits += direct
    only_failed: list[Edit] = []  # every check fails and goes: v, and what only v named (`rec` of `&rec`), go too
    if not parts and not calls:
        lines = whole_lines(view.sources[path], store.declaration) if place == "var" else None
        if lines is None:
            return f"every assertion of {name} fails: nothing reads the stored value back, remove them by hand"
        only_failed = named_only_there(view, types, path, function, [*dead, lines])
        if isinstance(only_failed, str):
            return f"every assertion of {name} fails and goes with {name}, but {only_failed}"
        dead += [lines, *((e.start, e.end) for e in only_failed)]
    problem = left_unused(view.tree(path).root_node, types, path, function, dead, replaced)
    if problem:
        return f"the rewrite drops code that never runs, and {problem}"
    problem = init_problem(view, types, path, function, dead)
    if problem:
        return problem
    problem = stable(view, types, path, store, function)
    if problem:
        return problem
    lines = whole_lines(view.sources[path], store.declaration)
    if lines is None:
        return f"the declaration of {name} does not stand on lines of its own"
    also = only_failed if place == "var" else removable(view, types, path, store, (store.value,), function)
    if isinstance(also, str):
        return also
    edits = sorted([Edit(path, *lines, b""), *also, *edits], key=lambda e: (e.start, e.end))
    clash = next((b for a, b in zip(edits, edits[1:], strict=False) if a.end > b.start), None)
    if clash is not None:
        line = view.line(path, clash.start)
        return f"an assertion of {name} (line {line}) is inside code another one's rewrite replaces"
    value = text(unparen(store.value)).decode()
    where = name if place == "var" else describe(store, place)
    methods = listed(sorted({text(method_call(c)).decode() for c in calls}))
    if parts:  # else only calls: every assertion fails (the optional Flusher an encoder lacks), and goes
        words = listed([parts[0]] + [p.removeprefix(f"convert {value} ") for p in parts[1:]])
        summary = f"{words} directly instead of asserting it from {where}"
        summary += f", call {methods} on {value} instead of through it" if calls else ""
    elif calls:
        summary = f"call {methods} on {value} directly instead of through {where}"
    else:
        summary = f"nothing reads {value} back from {where}: every assertion of it fails"
    summary += f" (its {len(replaced) + len(calls)} reads, together)" if parts or calls or len(replaced) > 1 else ""
    if switched:
        summary += ", keep only the case the type switch takes"
    if never:
        summary += ", drop the code only a failed assertion or a case not taken ran"
    if failed:
        summary += f", drop the {'if' if failed == 1 else f'{failed} ifs'} whose assertion go/types says fails"
    summary += f", and drop {name}" + left_too(view, path, also)
    return Fix(NAME, tuple(edits), (escape,), summary)


def _exactly(types: TypeInfo, path: str, store: Store, place: str, read: Node) -> bool:
    """Does the read name the stored field, or the stored element by a constant index (`c[i]`, an index not known
    here, may read another element: reads_stored allows it, as a use of the container)?"""
    if not reads_stored(types, path, store, place, read):
        return False
    return place != "element" or constant_index(types, path, unparen(read).child_by_field_name("index")) is not None


def _one(
    view: PackageView, types: TypeInfo, path: str, store: Store, assertion: Node, function: Node
) -> tuple[list[Edit], Ranges, str | None] | str:
    """One assertion's edits, the code they remove as never run, and the summary's words for it (None for
    an if dropped whole); or why it cannot be rewritten."""
    problem = _in_literal(store, assertion, function, "assertion") or boxed_more_often(store, assertion, function)
    if problem:
        return problem
    if assertion.type == "type_switch_statement":
        clause = chosen(types, path, assertion, value_type(types, path, store.value))
        if isinstance(clause, str):
            return clause
        conversion = target(types, path, store, clause[1])
        if isinstance(conversion, str):
            return conversion
        until = end(types, path, assertion, clause[0])
        if isinstance(until, str):
            return until
        block = switch_block(view.sources[path], assertion, clause[0], conversion)
        part = conversion_phrase(store, conversion)
        return [Edit(path, assertion.start_byte, until, block)], dropped(assertion, clause[0], until), part
    kind = assertion.child_by_field_name("type")
    conversion = target(types, path, store, kind)
    if takes(types, path, value_type(types, path, store.value), kind) is False:
        gone = failed_if(view, types, path, assertion)
        if gone is None:
            return f"{conversion}, and only an `if …, ok := …; ok {{` whose ok is read nowhere else can go as never run"
        if isinstance(gone, str):
            return gone
        return [gone], [(gone.start, gone.end)], None
    if isinstance(conversion, str):
        return conversion
    edits = conversion_edits(view, types, path, assertion, conversion)
    if isinstance(edits, str):
        return edits
    return edits, [(e.start, e.end) for e in edits[1:]], conversion_phrase(store, conversion)


def _in_literal(store: Store, read: Node, function: Node, what: str) -> str | None:
    """Why a read inside a func literal the declaration is outside of declines: the literal captures the
    variable, and a closure or goroutine may run the read at another time."""
    around = enclosing(read, "func_literal")
    if around is not None and contains(function, around) and not contains(around, store.declaration):
        return (
            f"the {what} at line {row_of(read)} is in a func literal (line {row_of(around)}): a closure or "
            f"goroutine may run it at another time, and captures {text(store.container).decode()}"
        )
    return None

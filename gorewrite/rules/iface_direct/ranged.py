"""Method calls through the variable of a range over a literal of concrete values built in the range clause.

`for _, w := range []io.Writer{&c, &l} { w.Write(p) }`: no release devirtualizes a call through a
slice element, so the call leaks its receiver and c and l move to the heap (and a value element, `trim{}`,
`r`, `&T{}`, is boxed on it). Nothing but the range can name a literal built in its clause: each iteration
w holds the next element, of the concrete type go/types gives (every index set: no nil zero element) —
`&x` or `&T{…}`, never nil, or a value (`T{…}`, a local of a type that is no pointer), which the interface
holds a copy of. The body goes into `switch w := w.(type) { case *counter: …; case trim: … }`, one case
per distinct type (types.Identical): each iteration takes the case of the element's own type, where w is
the same pointer, or a copy of the same boxed value, statically typed, and every use of w is the receiver
of a method call, which calls the method the dynamic call would (calls.py's argument), its arguments
evaluated alike. A pointer that may be nil declines: its value method panics in the interface's wrapper
("called using nil *T pointer"), in the case's call with another runtime error. A break that leaves the
loop names the loop's label (breaks.py): in the switch a plain one would leave the switch. Declined too: a
label in the body or a goto (the body is copied per case), w used other than as a call's receiver, in a func literal (it
would capture the case's variable), or under defer or go (they read the receiver when the call runs).
The body's own heap escapes print once per case (the claim lets each copy appear: _copied).
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from gorewrite.claims import MovesAllocation
from gorewrite.edits import Edit
from gorewrite.escapes import Escape
from gorewrite.proposals import Fix, PackageView
from gorewrite.rulekit import fresh_local, memo, owner, uses_goto
from gorewrite.rules.iface_direct.breaks import label, leaving
from gorewrite.rules.iface_direct.commaok import conversion_edits, failed_if
from gorewrite.rules.iface_direct.counted import builtin_lengths, call_args_of, counted
from gorewrite.rules.iface_direct.initorder import init_problem
from gorewrite.rules.iface_direct.ranged_asserted import Checked, asserted_receivers
from gorewrite.rules.iface_direct.ranged_fields import field_reads, field_values, named_values, set_values
from gorewrite.rules.iface_direct.sites import (
    BOXED,
    MOVED,
    NAME,
    Store,
    address_of,
    idents_in,
    inner,
    listed,
    row_of,
    shapes_of,
    use_node,
)
from gorewrite.rules.iface_direct.unused import left_unused
from gorewrite.syntax import Node, address_operand, ancestors, contains, items, method_call, text, unparen, walk
from gorewrite.typeinfo import Kind, TypeInfo, Use

DELAYED = ("func_literal", "defer_statement", "go_statement")  # what may run the call after the statement
MAX_TYPES = 4  # the body is copied once per distinct type: more would trade the allocation for code size
WORD = re.compile(rb"[A-Za-z_]\w*")
RESULT = re.compile(r"\w+(?:\.\w+)+\(.*\) escapes to heap")  # a result boxed: `c.Name()`, never `make(…)`
INLINED_RESULT = "~r0 escapes to heap"  # the same boxing of the call inlined


def range_loop(view: PackageView, escape: Escape) -> tuple[Node, Node, Store | None] | None:
    """The `for … := range LIT` (or `range c`, c a local declared `c := LIT`) of the function whose literal
    holds `&x` for the moved variable x, or the boxed element itself (`trim{} escapes to heap`):
    (the for statement, the literal, the store of c or None)."""
    moved = MOVED.match(escape.message)
    start = view.offset(escape)
    if start is None or not (moved or escape.message.endswith(BOXED)):
        return None
    node = view.tree(escape.path).root_node.named_descendant_for_byte_range(start, start)
    if not moved:
        value = _boxed_value(node, start)
        if value is None:
            return None  # a boxed value that is no element of a literal: no range reads it
        start = value.start_byte
    function = owner(node) if node is not None else None
    name = moved.group(1).encode() if moved else None

    def holds(value: Node) -> bool:  # the escape's `&x`, or its boxed value
        return address_of(value) == name if moved else value.start_byte == start

    stores = shapes_of(view, escape.path).stores.values()  # this function's: another may name its local alike
    stores = [s for s in stores if holds(unparen(s.value)) and function is not None and contains(function, s.value)]
    for loop in _loops(view, escape.path, function) if function is not None else ():
        clause = loop.named_children[0] if loop.named_children else None
        ranged = unparen(clause.child_by_field_name("right")) if clause and clause.type == "range_clause" else None
        fields = [v for _, v in set_values(ranged)] if ranged is not None and ranged.type == "composite_literal" else []
        if ranged is not None and ranged.type == "composite_literal" and any(map(holds, [*_values(ranged), *fields])):
            return loop, ranged, None
        found = counted(clause)  # `for i := len(c) - 1; i >= 0; i--` (counted.py) reads c as a range would
        ranged = unparen(found[1]) if found is not None else ranged
        held = [s for s in stores if ranged is not None and ranged.type == "identifier" and s.key is None]
        held = [s for s in held if s.container.text == ranged.text and s.declaration.end_byte <= loop.start_byte]
        if len(held) == 1 and held[0].index is not None:
            return loop, next(a for a in ancestors(held[0].value) if a.type == "composite_literal"), held[0]
    return None


def _loops(view: PackageView, path: str, function: Node) -> list[Node]:
    """The function's for statements, in source order, found once: a function holding thousands of escapes
    (goldmark's table of 2,231 HTML entities) was walked whole for each of them (13 minutes)."""
    key = (NAME, "loops", path, function.start_byte, function.end_byte)
    return memo(view, key, lambda: [n for n in walk(function) if n.type == "for_statement"])


def _zero_size(view: PackageView, types: TypeInfo, escape: Escape) -> bool:
    """Is the boxed element (`Trim{} escapes to heap`, `t escapes to heap`) of a zero-size type, by go/types?
    Every release reports its boxing, yet Go boxes a zero-size value without allocating (runtime.zerobase)."""
    start = view.offset(escape)
    node = view.tree(escape.path).root_node.named_descendant_for_byte_range(start, start) if start is not None else None
    boxed = escape.message.endswith(BOXED) and not MOVED.match(escape.message)
    value = _boxed_value(node, start) if boxed else None
    named = value.child_by_field_name("type") if value is not None and value.type == "composite_literal" else value
    found = types.at(escape.path, named.start_byte) if named is not None and named.type == "type_identifier" else None
    if value is not None and value.type == "identifier":
        found = types.at(escape.path, value.start_byte)
    return found is not None and found.size == 0


def _boxed_value(node: Node | None, start: int) -> Node | None:
    """The value of the literal element the compiler reports boxed at start (range_loop's, _zero_size's)."""
    element = _element_at(node, start)
    return unparen(inner(element)) if element is not None else None


def _element_at(node: Node | None, start: int) -> Node | None:
    """The element of a composite literal whose value the compiler places at start: where it starts, or at
    its brace for a composite literal (`trim{}` at `{`)."""
    if node is not None and node.type == "literal_value" and node.parent.type == "composite_literal":
        node = node.parent
        start = node.start_byte
    while node is not None and node.start_byte == start and node.type != "literal_element":
        node = node.parent
    return node if node is not None and node.start_byte == start and node.type == "literal_element" else None


def _values(literal: Node) -> list[Node]:
    """The value of each element of the literal (keyed elements too)."""
    return [unparen(inner(items(e)[-1])) for e in items(literal.child_by_field_name("body")) if items(e)]


def ranged_calls(
    view: PackageView, types: TypeInfo, escape: Escape, loop: Node, literal: Node, store: Store | None
) -> Fix | str:
    """The body in a type switch on the range variable (or on `c[i]`, for `for i := range c`), one case per
    element type; why not when unproved."""
    path = escape.path
    if _zero_size(view, types, escape):
        return "the element has size zero: boxing it in an interface never allocates, so a switch would save nothing"
    clause, body = loop.named_children[0], loop.child_by_field_name("body")
    found = counted(clause)
    left = [found[0]] if found is not None else items(clause.child_by_field_name("left"))
    if found is None and (clause.child(1).type != ":=" or any(n.type != "identifier" for n in left)):
        return f"the range at line {row_of(loop)} declares no variable that a method is called through"
    if len(left) not in (1, 2):
        return f"the range at line {row_of(loop)} declares no variable that a method is called through"
    problem = None
    values = None  # the elements' values, or those of the field of theirs the range's variable is read through
    var = types.at(path, left[-1].start_byte)
    field = _held_field(view, types, escape, literal) if len(left) == 2 else None
    if field is not None and var is not None and var.kind == Kind.VAR and not var.iface:  # ranged_fields.py
        values = field_values(types, path, literal, field)
        if values is None:
            return f"an element of the literal (line {row_of(literal)}) sets no {field.decode()}: it holds nil there"
        found = field_reads(view, types, path, loop, body, var, field)
        if isinstance(found, str):
            return found
        subject, reads, name = found
    elif len(left) == 1:
        found = _indexed(view, types, path, loop, body, store, left[0])
        if isinstance(found, str):
            return found
        subject, reads, name = found
    else:
        if var is None or var.kind != Kind.VAR or not var.iface:
            return f"go/types does not say {text(left[1]).decode()} is of an interface type"
        name = subject = text(left[1]).decode()
        uses = [u for u in idents_in(types, path, body) if u.obj == var.obj and u.use != Use.DECL]
        reads = [use_node(view, path, u) for u in uses]
        problem = _only_ranged(view, types, path, store, loop) if store is not None else None
    if problem:
        return problem
    since = store.declaration.end_byte if store is not None else literal.end_byte
    declared = {text(n) for n in left} | _declared(types, path, since, body.start_byte)
    cases = _cases(types, path, literal, declared, values)
    if isinstance(cases, str):
        return cases
    found = asserted_receivers(view, types, path, literal, reads, values)  # `c.(I).M()`: c itself in each case
    if isinstance(found, str):
        return found
    reads, checks = found
    methods = _body_problem(loop, body, reads, subject, [c.assertion for c in checks])
    if isinstance(methods, str):
        return methods
    block = next((c for c in body.named_children if c.type == "statement_list"), None)
    replaced = [r for r in reads if name != subject or r.type == "type_assertion_expression"]
    breaks = leaving(loop)  # each `break L` in the switch, L the loop's label (breaks.py)
    loop_label, labelled = label(path, loop, view.sources[path]) if breaks else (b"", None)
    stops = [Edit(path, b.start_byte, b.end_byte, b"break " + loop_label) for b in breaks]
    bodies = [_case_body(view, types, path, block, name, replaced, stops, checks, identity) for identity, _ in cases]
    problem = next((b for b in bodies if isinstance(b, str)), None)
    problem = problem or _unused(view, types, path, loop, checks, len(cases))
    if problem:
        return problem
    switch = f"switch {name} := {subject}.(type) {{\n".encode()
    switch += b"".join(
        b"case " + case + b":\n" + b + b"\n" * bool(b) for (_, case), b in zip(cases, bodies, strict=True)
    )
    switch += b"}"
    spelled = listed([c.decode() for _, c in cases])
    done = f"call {listed(methods)} on" if methods else "convert"
    summary = (
        f"{done} the {spelled} the range's literal (line {row_of(literal)}) holds, not through {subject}: switch on "
        f"{subject}'s type around the loop's body"
    )
    if checks:
        interfaces = listed(sorted({c.interface.decode() for c in checks}))
        summary += f", where each case converts to {interfaces} or drops the check its type fails"
    edits = (Edit(path, block.start_byte, block.end_byte, switch),)
    if any(b"break " + loop_label in b for b in bodies if breaks):  # a fresh label: no case may drop every break
        summary += f", each break that leaves the loop naming its label {loop_label.decode()}"
        edits = (labelled, *edits) if labelled is not None else edits
    return Fix(NAME, edits, (escape,), summary, claim=MovesAllocation(_copied(view, path, block, len(cases))))


def _held_field(view: PackageView, types: TypeInfo, escape: Escape, literal: Node) -> bytes | None:
    """The field an element of the literal sets to the escape's value (`&sc` of `{Step: &sc}` or `{"s", &sc}`)."""
    moved = MOVED.match(escape.message)
    start = view.offset(escape)
    node = view.tree(escape.path).root_node.named_descendant_for_byte_range(start, start) if start is not None else None
    boxed = _boxed_value(node, start) if not moved and start is not None else None
    for key, value in named_values(types, escape.path, literal):
        if (address_of(value) == moved.group(1).encode()) if moved else (boxed is not None and value == boxed):
            return key
    return None


def _indexed(
    view: PackageView, types: TypeInfo, path: str, loop: Node, body: Node, store: Store | None, key: Node
) -> tuple[str, list[Node], str] | str:
    """For `for i := range c { c[i].M() }`: ("c[i]", the reads c[i] in the body, a name new to the function
    for the case's variable). c is the local holding the literal, read only by the range and by c[i], and
    nothing writes i or takes its address: at each of them c[i] is the element the iteration's switch took."""
    if store is None:
        return f"the range at line {row_of(loop)} declares no value variable that a method is called on"
    if store.pointer:  # go/types calls `c[i] = v` through `c := &[2]T{…}` a read of c
        return f"{text(store.container).decode()} points to the literal: a write through it is not told from a read"
    problem = _only_ranged(view, types, path, store, loop, indexed=True)
    if problem:
        return problem
    index = types.at(path, key.start_byte)
    held = types.at(path, store.container.start_byte)
    if index is None or index.kind != Kind.VAR or held is None:
        return f"cannot resolve {text(key).decode()} to the range's index variable"
    clause = loop.named_children[0]  # a counted loop's own `i--` writes i between iterations (counted.py)
    mine = (lambda u: clause.start_byte <= u.start < clause.end_byte) if counted(clause) else (lambda u: False)  # noqa: E731
    changed = [
        u
        for u in idents_in(types, path, owner(loop))
        if u.obj == index.obj and u.use in (Use.WRITE, Use.ADDR) and not mine(u)
    ]
    if changed:
        return f"{index.name} is written or its address taken (line {view.line(path, changed[0].start)})"
    reads = []
    for use in idents_in(types, path, body):
        if use.obj != held.obj:
            continue
        node = use_node(view, path, use)
        read = node.parent
        at = read.child_by_field_name("index") if read.type == "index_expression" else None
        found = types.at(path, unparen(at).start_byte) if at is not None and unparen(at).type == "identifier" else None
        if read.child_by_field_name("operand") != node or found is None or found.obj != index.obj:
            return f"{use.name} is used other than as {use.name}[{index.name}] in the loop (line {row_of(node)})"
        reads.append(read)
    stem = held.name[:-1] if held.name.endswith("s") and len(held.name) > 1 else "elem"
    name = fresh_local(owner(loop), stem)  # `cases`, `types`, `ranges` must not name their element a keyword
    return f"{held.name}[{index.name}]", reads, name


def _copied(view: PackageView, path: str, statements: Node, copies: int) -> tuple[str, ...]:
    """The heap escapes the body's statements report, each once more per extra copy: the compiler prints them
    in every case, but the cases exclude each other, so an iteration runs one copy, as it ran the body once. A call's
    result boxed (`c.Name() escapes to heap`, an argument of Fprintf) is the same boxing once the case's direct call
    is inlined, which the compiler names by the inlined result (`~r0 escapes to heap`): it may appear once more per
    extra copy, as its own message does. Not once per copy: the original's message still counts before the rewrite,
    and the spare one let a new boxing through (adv45c: a check converting a value's copy, 4 -> 12 under go1.24.11)."""
    lines = range(statements.start_point.row + 1, statements.end_point.row + 2)
    most: Counter[str] = Counter()
    for escapes in view.by_toolchain.values() or (view.escapes,):
        most |= Counter(e.message for e in escapes if e.heap and e.path == path and e.line in lines)
    copied = [m for m, n in sorted(most.items()) for _ in range(n * (copies - 1))]
    results = sum(n for m, n in most.items() if RESULT.fullmatch(m))
    return (*copied, *[INLINED_RESULT] * (results * (copies - 1)))


def _only_ranged(
    view: PackageView, types: TypeInfo, path: str, store: Store, loop: Node, indexed: bool = False
) -> str | None:
    """The local holding the literal is read by this range alone (and, indexed, in its body, where
    _indexed proves each use a read of c[i]), never written nor addressed."""
    name = text(store.container).decode()
    held = types.at(path, store.container.start_byte)
    if held is None or held.kind != Kind.VAR or not held.local or held.use != Use.DECL:
        return f"cannot resolve {name} to a local variable"
    found = counted(loop.named_children[0])
    reading = [unparen(n) for n in call_args_of(found[2])] if found else []
    reading = reading or [unparen(loop.named_children[0].child_by_field_name("right"))]
    ranged = [types.at(path, r.start_byte) for r in reading]
    if any(r is None or r.obj != held.obj for r in ranged) or (found and not builtin_lengths(types, path, found[2])):
        line = row_of(store.container)
        return f"go/types does not say the range at line {row_of(loop)} reads the {name} of line {line}"
    uses = [u for u in idents_in(types, path, owner(loop)) if u.obj == held.obj and u.use != Use.DECL]
    body = loop.child_by_field_name("body")
    inside = (lambda u: body.start_byte <= u.start < body.end_byte) if indexed else (lambda u: False)  # noqa: E731
    other = next((u for u in uses if u.start not in {r.start_byte for r in reading} and not inside(u)), None)
    if other is not None:
        return f"{name} is used other than by the range at line {row_of(loop)} (line {view.line(path, other.start)})"
    return None


def _declared(types: TypeInfo, path: str, start: int, end: int) -> set[bytes]:
    """The names declared between the literal and the loop's body: a type the case spells may mean another."""
    return {i.name.encode() for i in types.idents.get(path, ()) if start <= i.start < end and i.use == Use.DECL}


def _case_body(
    view: PackageView,
    types: TypeInfo,
    path: str,
    block: Node,
    name: str,
    replaced: list[Node],
    stops: list[Edit],
    checks: list[Checked],
    identity: int,
) -> bytes | str:
    """The loop's statements as the case of that element type runs them: each read the variable, each comma-ok
    check the conversion (the type implements the interface) or gone as never run (it does not)."""
    edits = [Edit(path, r.start_byte, r.end_byte, name.encode()) for r in replaced] + stops
    for check in checks:
        if identity in check.implementing:
            bound = name.encode() if identity in check.copied else check.interface + f"({name})".encode()
            made = conversion_edits(view, types, path, check.assertion, bound)
        else:
            made = failed_if(view, types, path, check.assertion)
            if made is None:
                return f"the check at line {row_of(check.assertion)} is not the whole condition of its if"
        if isinstance(made, str):
            return made
        edits += made if isinstance(made, list) else [made]
    deleted = [e for e in edits if not e.new]  # a failed check's if goes, and the reads in it with it
    orphan = _orphaned(types, path, block, [(e.start, e.end) for e in deleted])
    if orphan is not None:
        return f"in the case of a type that fails the check, {orphan} would be declared and not used"
    kept = sorted(e for e in edits if not any(d != e and d.start <= e.start and e.end <= d.end for d in deleted))
    source = view.sources[path]
    base = source.rfind(b"\n", 0, block.start_byte) + 1  # a failed check's whole lines start before the block
    base = block.start_byte if source[base : block.start_byte].strip() else base
    if any(a.end > b.start for a, b in pairwise(kept)) or any(e.start < base or e.end > block.end_byte for e in kept):
        return f"the rewrite of the check at line {row_of(checks[0].assertion)} overlaps another edit of the body"
    statements = source[base : block.end_byte]
    for edit in sorted(kept, key=lambda e: e.start, reverse=True):
        statements = statements[: edit.start - base] + edit.new + statements[edit.end - base :]
    statements = statements.lstrip(b"\t ")
    return statements.rstrip()  # tree-sitter ends the list with the newline that terminates it


def _orphaned(types: TypeInfo, path: str, block: Node, removed: list[tuple[int, int]]) -> str | None:
    """A variable the loop's body declares (each case copies it) that only the code this case drops reads."""
    idents = [i for i in types.idents.get(path, ()) if block.start_byte <= i.start < block.end_byte]
    dropped = lambda offset: any(start <= offset < end for start, end in removed)  # noqa: E731
    for declared in (i for i in idents if i.use == Use.DECL and i.kind == Kind.VAR and not dropped(i.start)):
        reads = [i for i in idents if i.obj == declared.obj and i.use in (Use.READ, Use.ADDR)]
        if reads and all(dropped(i.start) for i in reads):
            return declared.name
    return None


def _unused(view: PackageView, types: TypeInfo, path: str, loop: Node, checks: list[Checked], cases: int) -> str | None:
    """What every case drops leaves no variable, import or label unused: the code only a failed check ran, where
    every element implements its interface (a body stays in some case: one element at least implements)."""
    removed: list[tuple[int, int]] = []
    for check in checks:
        if len(check.implementing) == cases:
            made = conversion_edits(view, types, path, check.assertion, check.interface + b"(x)")
            removed += [(e.start, e.end) for e in made if not e.new] if isinstance(made, list) else []
    rewritten = [next(a for a in ancestors(c.assertion) if a.type == "if_statement") for c in checks]  # i, ok go
    problem = left_unused(view.tree(path).root_node, types, path, owner(loop), removed, rewritten) if removed else None
    if problem:
        return f"the rewrite drops code only a failed check ran, and {problem}"
    return init_problem(view, types, path, owner(loop), removed)


def _cases(
    types: TypeInfo, path: str, literal: Node, declared: set[bytes], values: list[Node] | None
) -> list[tuple[int, bytes]] | str:
    """The distinct types of the literal's elements (values: of the field each sets), in order, as written at the
    case; or why not."""
    kind = types.literal(path, literal.start_byte, literal.end_byte)
    elements = items(literal.child_by_field_name("body"))
    if kind not in ("slice", "array"):
        return f"go/types does not say the literal at line {row_of(literal)} is a slice or an array"
    if any(e.type != "literal_element" for e in elements):
        return "the literal has a keyed element: an index no key names holds a nil interface"
    if types.length(path, literal.start_byte, literal.end_byte) != len(elements):
        return "the array literal has more elements than it lists: the rest hold a nil interface"
    cases: dict[int, bytes] = {}
    for value in values or [unparen(items(e)[0]) for e in elements]:
        spelled = _spelled(types, path, value)
        if spelled is None:
            return (
                f"the element {text(value).decode()} is neither `&x` of a local x, `&T{{…}}`, `T{{…}}` nor a local "
                "variable of a type that is no pointer, whose type go/types can write"
            )
        identity = types.type_id(path, value.start_byte, value.end_byte)
        if identity is None:
            return f"go/types gives no concrete type for {text(value).decode()}"
        if set(WORD.findall(spelled)) & declared:
            return f"the type of {text(value).decode()} is spelled with a name the loop declares"
        cases.setdefault(identity, spelled)
    if len(cases) > MAX_TYPES:
        return f"the literal holds {len(cases)} types: the body would be copied once for each"
    return list(cases.items())


def _spelled(types: TypeInfo, path: str, value: Node) -> bytes | None:
    """The element's type as the case writes it, where the type switch provably takes it as the dynamic call
    did: `&x` of a local and `&T{…}` are never nil; a `T{…}` or a local of a type that is no pointer holds a
    value, which the case copies out of the box as the interface's method call did (a nil pointer would panic
    there in a value method's wrapper, here in the method: declined)."""
    pointer = address_operand(value) is not None
    literal = address_operand(value) or value
    if literal is not None and literal.type == "composite_literal":
        kind = literal.child_by_field_name("type")
        if kind is None or kind.type not in ("type_identifier", "qualified_type", "generic_type"):
            return None  # `[...]T{…}`, `struct{…}{…}`: no name a case can write
        return b"*" * pointer + text(kind)
    found = types.at(path, literal.start_byte) if literal.type == "identifier" else None
    if found is None or found.kind != Kind.VAR or not found.local or found.type is None:
        return None
    if not pointer and found.pointer:  # by go/types' underlying type: `type Ref = *T` is one too
        return None
    return b"*" * pointer + found.type.encode()


def _body_problem(loop: Node, body: Node, reads: list[Node], name: str, checks: list[Node]) -> list[str] | str:
    """The methods the body calls on the variable (each read); why it cannot go into the type switch (the
    docstring). checks: the comma-ok assertions of the variable, which must run in place too."""
    if uses_goto(owner(loop)):
        return "the function uses goto, so statement order is not execution order"
    for node in walk(body):
        if node.type == "labeled_statement":
            return f"the body has a label (line {row_of(node)}): copied once per case, it would be declared twice"
    if not reads and not checks:
        return f"{name} is not used in the loop's body"
    methods: set[str] = set()
    for node in reads + checks:
        method = method_call(node) if node not in checks else None
        if method is None and node not in checks:
            return f"{name} is read other than as a method call's receiver (line {row_of(node)})"
        around = next((a for a in ancestors(node) if a.type in DELAYED), None)
        if around is not None and contains(body, around):
            what = around.type.removesuffix("_statement").replace("_", " ")
            verb = "asserted" if method is None else "called"
            return f"{name} is {verb} in a {what} (line {row_of(node)}): it reads {name} when it runs"
        if method is not None:
            methods.add(text(method).decode())
    return sorted(methods)

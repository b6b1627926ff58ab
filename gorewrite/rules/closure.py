"""closure: stop closures from moving captured variables to the heap.

A go/defer func literal that captures a variable by reference gets a copy `x := x` just
before its statement, so it captures the copy by value and `x` stays off the heap; unexported
closure factories whose every use is an immediate call `f(a)(b)` become one function `f(a, b)`.
Writes after a `go` statement are allowed where happens_before proves the goroutine has done
reading (the copy then goes in a block of its own, so the writes still reach `x`), and an
address taken before the statement where retention proves the callee does not keep it.
The full doc, with the cases it declines, is rules/closure/README.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from gorewrite import (
    bound_receivers,
    build_files,
    builtins,
    callee_waits,
    callees,
    closed,
    exit_writes,
    field_alias,
    field_copies,
    group_helpers,
    group_uses,
    happens_before,
    merges,
    named_spawns,
    overwrites,
    owned_copies,
    parameters,
    range_bodies,
    receiver_reads,
    retention,
    spawn_methods,
    wait_calls,
    worker_dones,
)
from gorewrite.edits import Edit
from gorewrite.escapes import LITERAL_ESCAPES, Escape
from gorewrite.generic_copies import BY_VALUE_MAX, costlier
from gorewrite.proposals import Candidate, Declined, Fix, PackageView, Proposal, Rule
from gorewrite.rulekit import (
    FUNCTIONS,
    fresh_local,
    language_minor,
    memo,
    near_syntax_error,
    node_at,
    owner,
    types_or_reason,
    uses_goto,
)
from gorewrite.syntax import (
    LITERALS,
    Node,
    address_operand,
    ancestors,
    ancestors_below,
    call_args,
    captures,
    contains,
    declaration_range,
    declared,
    enclosing,
    first_of,
    indentation,
    items,
    load_query,
    mentions,
    method_call,
    named_receiver,
    text,
    unparen_type,
    walk,
)
from gorewrite.syntax import statements as statements_of
from gorewrite.typeinfo import Ident, Kind, TypeInfo, Use

NAME = "closure"
MOVED = re.compile(r"moved to heap: (\w+)$")
COMPOSITE = re.compile(r"(&[\w.]+\{\.\.\.\}) escapes to heap$")  # `&Options{...}`: a pointer's literal pointee
METHOD_VALUE = re.compile(r"(\w+)\.(\w+) escapes to heap$")  # `s.get`: a method value (or a field boxed: types tell)
SIMPLE = ("identifier", *LITERALS, "true", "false", "nil")
LOOPS = ("for_statement",)
NAMED_TYPES = ("type_identifier", "qualified_type")  # a table's element type by name: `HandlerE`, `http.HandlerFunc`
FORWARDING = ("return_statement", "expression_statement")
RETURN_WRITES = "a return statement listing values writes it"  # of a named result, where the return stands
# statements whose names a block around them would hide from the code after them
DECLARING = ("short_var_declaration", "var_declaration", "const_declaration", "type_declaration")


@dataclass(frozen=True)
class Capture:
    """A variable whose go/defer literals may capture a copy instead: the escape, its name, the statements."""

    escape: Escape
    name: str
    decl: int
    statements: tuple[Node, ...]
    block: bool  # the copy goes in a new block around the statement, not beside it
    value: str = ""  # what the copy takes when not the variable itself: `*c` for a pointer's pointee
    keeps: str = ""  # the variable the copy keeps off the heap when not the one copied
    derefs: tuple[int, ...] = ()  # the `*` of each `*c` read in the literals, dropped: c is the copy
    # statement start -> where a block of its own must end, past the statement: a named literal's
    # definition reaches to the statement starting it (named_spawns.py)
    ends: tuple[tuple[int, int], ...] = ()
    inside: int = -1  # where a copy first in the one literal goes, when that literal writes it (owned_copies.py)
    body: bool = False  # what captures it is the body of a range-over-func loop (range_bodies.py), no literal
    fields: tuple[field_copies.FieldCopy, ...] = ()  # copies of the fields the literals read, not of the variable
    # the `{` of each literal that copies it first for the pointer methods that only read it (receiver_reads.py)
    firsts: tuple[int, ...] = ()
    passed: bool = False  # some of those calls take its address as an argument, not as their receiver
    pointers: bool = False  # some address is a local pointer of the literal that only reads through it (`p := &x`)


def find(view: PackageView) -> list[Candidate]:
    """Heap escapes of captured variables, and of func literals returned by closure factories."""
    found = []
    # A captured variable moves to the heap only with a closure that escapes: no such closure
    # in the file, nothing to parse.
    with_closures = {e.path for e in view.escapes if e.message == LITERAL_ESCAPES}
    for escape in view.escapes:
        moved = MOVED.match(escape.message)
        composite = COMPOSITE.match(escape.message)
        bound = METHOD_VALUE.match(escape.message)
        if not (moved or composite or escape.message == LITERAL_ESCAPES or bound):
            continue
        if escape.path not in with_closures and not bound:
            continue
        if escape.path not in view.package.rewritable:
            continue
        node = node_at(view, escape)
        if node is None:
            continue
        if moved and node.type == "identifier" and _captured_somehow(view, escape.path, node, moved.group(1)):
            scoped = (callee_waits, group_uses, wait_calls, spawn_methods, worker_dones, group_helpers, receiver_reads)
            also = sum((m.scopes(view, owner(node)) for m in scoped), ())
            found.append(Candidate(NAME, escape, escape.path, declaration_range(node), also=also))
        elif composite and (literal := _literal_pointer(view, escape)) is not None:
            found.append(Candidate(NAME, escape, escape.path, declaration_range(literal[1])))
        elif escape.message == LITERAL_ESCAPES and node.start_byte in _shapes(view, escape.path).factories:
            screened = _factory_screen(view, escape, _shapes(view, escape.path).factories[node.start_byte])
            found.append(Candidate(NAME, escape, escape.path, declaration_range(node), declined=screened))
        elif escape.message == LITERAL_ESCAPES and _table_of(node) is not None:
            found.append(Candidate(NAME, escape, escape.path, declaration_range(node)))
        elif bound and (selector := _method_value(view, escape) or _bound_value(view, escape)) is not None:
            also = bound_receivers.scopes(view, selector) if bound_receivers.bound_local(selector) else ()
            found.append(Candidate(NAME, escape, escape.path, declaration_range(selector), also=also))
    return found


@dataclass(frozen=True)
class Shapes:
    """Where the query found the shapes the rule rewrites in one file, by func literal start byte."""

    started: dict[int, Node]  # literal started by go/defer or passed to a call -> its statement
    factories: dict[int, Node]  # literal -> the function declaration returning it


def _shapes(view: PackageView, path: str) -> Shapes:
    return memo(view, (NAME, path), lambda: _match_shapes(view, path))


def _match_shapes(view: PackageView, path: str) -> Shapes:
    started: dict[int, Node] = {}
    factories: dict[int, Node] = {}
    for caps in captures(load_query(NAME), view.tree(path).root_node):
        for literal in caps.get("started", []):
            started[literal.start_byte] = literal.parent.parent
        for literal in caps.get("passed", []):
            statement = _statement_of(literal)
            if statement is not None:
                started.setdefault(literal.start_byte, statement)
        for literal in caps.get("factory.literal", []):
            factories[literal.start_byte] = caps["factory"][0]
    return Shapes(started, factories)


def propose(view: PackageView, candidates: list[Candidate]) -> list[Proposal]:
    """Fixes for the candidates this rule can prove safe; a Declined with the reason for the others."""
    proposals: list[Proposal] = []
    captures: dict[str, list[Capture]] = {}
    tables: dict[tuple[str, int], tuple[Node, list[Escape]]] = {}
    for cand in candidates:
        node = node_at(view, cand.escape)
        broken = near_syntax_error(view, cand.path, node)
        if broken:
            proposals.append(Declined(NAME, cand.escape, broken))
        elif node.type == "func_literal" and node.start_byte in _shapes(view, cand.path).factories:
            proposals.append(_factory_fix(view, cand.escape, node))
        elif node.type != "func_literal" and (selector := _bound_value(view, cand.escape)) is not None:
            proposals.append(_bound_fix(view, cand.escape, selector))  # a table's element is no statement's value
        elif node.type == "func_literal" or (selector := _method_value(view, cand.escape)) is not None:
            table = _table_of(selector if node.type != "func_literal" else node)
            tables.setdefault((cand.path, table.start_byte), (table, []))[1].append(cand.escape)
        else:
            literal = _literal_pointer(view, cand.escape) if COMPOSITE.match(cand.escape.message) else None
            verdict = _composite_capture(view, cand.escape, *literal) if literal else _capture(view, cand.escape, node)
            if isinstance(verdict, Capture):
                captures.setdefault(cand.path, []).append(verdict)
            else:
                proposals.append(Declined(NAME, cand.escape, verdict))
    for path, found in captures.items():
        proposals.extend(_copy_fixes(view, path, found))
    for table, escapes in tables.values():
        proposals.extend(_table_fix(view, escapes, table))
    return proposals


# --- recognising sites by syntax ---------------------------------------------------------


def _statement_of(node: Node) -> Node | None:
    """The statement of a block (or case clause) that contains the node, within its function."""
    while node.parent is not None and node.parent.type != "statement_list":
        if node.type in FUNCTIONS and node.parent.type != "argument_list":
            return None
        node = node.parent
    return node if node.parent is not None else None


def _captured(decl: Node, name: str) -> bool:
    """Does a func literal inside the declaring function mention the name? (Types confirm later.)"""
    function = owner(decl)
    if function is None:
        return False
    return any(
        n.type == "identifier" and n.text == name.encode() and _capturing_literal(n, function) for n in walk(function)
    )


def _captured_somehow(view: PackageView, path: str, decl: Node, name: str) -> bool:
    """Does a func literal capture the variable (or a pointer to it), or an escaping range-over-func body?"""
    return _captured_or_through_pointer(decl, name) or range_bodies.reads(view, path, decl, name)


def _captured_or_through_pointer(decl: Node, name: str) -> bool:
    """Does a func literal capture the variable, or a pointer `p := &name` / `p := &name.f.g` to it?"""
    if _captured(decl, name):
        return True
    function = owner(decl)
    return function is not None and any(
        n.type == "identifier" and n.text == name.encode() and _captured(decl, text(pointer).decode())
        for n in walk(function)
        if (pointer := _pointer_defined(n)) is not None
    )


def _pointer_defined(ident: Node) -> Node | None:
    """p of `p := &ident` or `p := &ident.f.g` (selectors only), the statement's one name and value."""
    operand = ident
    while operand.parent.type == "selector_expression" and operand.parent.child_by_field_name("operand") == operand:
        operand = operand.parent
    unary = operand.parent
    if address_operand(unary) is None or unary.parent.type != "expression_list":
        return None
    values, holder = unary.parent, unary.parent.parent
    if holder.type != "short_var_declaration" or holder.child_by_field_name("right") != values:
        return None
    names = items(holder.child_by_field_name("left"))
    if len(names) != 1 or len(items(values)) != 1 or names[0].type != "identifier":
        return None
    return names[0]


def _literal_pointer(view: PackageView, escape: Escape) -> tuple[Node, Node] | None:
    """(the `&T{…}` expression, p) of `p := &T{…}` whose literal the compiler reports escaping, when a func
    literal mentions p: the statement's one name and value."""
    start = view.offset(escape)
    if start is None:
        return None
    node = view.tree(escape.path).root_node.named_descendant_for_byte_range(start, start)
    while node is not None and node.start_byte == start and node.type != "unary_expression":
        node = node.parent
    if node is None or node.start_byte != start or node.child(0).type != "&":
        return None
    operand = node.child_by_field_name("operand")
    if operand is None or operand.type != "composite_literal" or node.parent.type != "expression_list":
        return None
    holder = node.parent.parent
    if holder.type != "short_var_declaration" or holder.child_by_field_name("right") != node.parent:
        return None
    names = items(holder.child_by_field_name("left"))
    if len(names) != 1 or len(items(node.parent)) != 1 or names[0].type != "identifier":
        return None
    return (node, names[0]) if _captured(names[0], text(names[0]).decode()) else None


def _capturing_literal(use: Node, function: Node) -> Node | None:
    """The outermost func literal between a use and the function that declares the variable."""
    literal = None
    node = use.parent
    while node is not None and node != function:
        if node.type == "func_literal":
            literal = node
        node = node.parent
    return literal if node == function else None


def _deferred(literal: Node) -> bool:
    """Is the literal part of a defer statement of its function (`defer func() {…}()`, `defer run(func…)`)? Deferred
    calls run after a return statement has set the named results."""
    for node in ancestors(literal):
        if node.type == "defer_statement":
            return True
        if node.type in FUNCTIONS:
            return False
    return False


def _value_returns(function: Node) -> list[Node]:
    """The function's own return statements that list values (each assigns every named result; a bare `return`
    assigns none); those of the func literals inside it return from the literal."""
    body = function.child_by_field_name("body")
    return [
        n
        for n in walk(body, skip=lambda n: n.type == "func_literal")
        if n.type == "return_statement" and n.named_child_count
    ]


# --- go/defer literals: a copy before the statement is captured by value ------------------


def _capture(view: PackageView, escape: Escape, decl_node: Node) -> Capture | str:
    """A Capture when the literals can capture a copy, else the reason why not."""
    types = types_or_reason(view)
    if isinstance(types, str):
        return types
    name = MOVED.match(escape.message).group(1)
    decl = types.at(escape.path, decl_node.start_byte)
    if decl is None or decl.use != Use.DECL or decl.obj is None:
        return f"cannot resolve the declaration of {name}"
    if decl.kind not in (Kind.VAR, Kind.PARAM, Kind.RESULT):
        return f"{name} is not a local variable or parameter"
    function = owner(decl_node)
    uses = types.uses(escape.path, decl.obj)
    root = view.tree(escape.path).root_node
    by_literal: dict[int, tuple[Node, list[Ident]]] = {}
    for use in uses:
        literal = _capturing_literal(root.named_descendant_for_byte_range(use.start, use.end), function)
        if literal is not None:
            by_literal.setdefault(literal.start_byte, (literal, []))[1].append(use)
    if not by_literal and range_bodies.reads(view, escape.path, decl_node, name):
        return _range_capture(view, escape, decl_node, decl, function, uses)
    if decl.kind == Kind.RESULT:  # the literal's own write first: that is what a copy would lose
        writer = next((lit for lit, found in by_literal.values() if any(u.use == Use.WRITE for u in found)), None)
        if writer is not None:
            return (
                f"a func literal writes {name} (line {writer.start_point.row + 1}), a named result: a copy would "
                "take the literal's writes away from what the function returns"
            )
        if not by_literal or any(_deferred(literal) for literal, _ in by_literal.values()):
            return (
                f"{name} is a named result: {RETURN_WRITES}, and the literal may read it after that"
                " (a deferred one always does)"
            )
    # a literal a call runs before it returns: its reads and writes are the statement's own, where they stand;
    # when every literal is one, none is why the variable moves, and the literals' proof names what is
    inline = {s for s, (literal, _) in by_literal.items() if _runs_in_call(view, escape.path, literal, function)}
    if len(inline) < len(by_literal):
        by_literal = {s: v for s, v in by_literal.items() if s not in inline}
    if not by_literal:  # a pointer to it may be what a literal captures (or another variable of the name)
        return _pointee_capture(view, escape, decl_node, decl, uses, types)
    # `defer func() { x = "" }()`: its writes happen at the function's exit, the goroutines' reads before
    exits = {
        start: found
        for start, (literal, found) in by_literal.items()
        if any(u.use == Use.WRITE for u in found) and exit_writes.deferred_writer(literal, function)
    }
    if exits and len(exits) < len(by_literal):  # one of them alone: the old decline, a literal writes it
        by_literal = {start: v for start, v in by_literal.items() if start not in exits}
    else:
        exits = {}
    at_exit = {u.start for found in exits.values() for u in found if u.use == Use.WRITE}
    end = function.child_by_field_name("body").end_byte - 1
    made = _made_at(view, escape.path, name, [literal for literal, _ in by_literal.values()], types, function)
    if isinstance(made, str):
        return made
    statements = tuple(stmt for _, stmt, _, _ in made)
    addresses = [u for u in uses if u.use == Use.ADDR]
    aliased = _field_aliases(types, escape.path, root, function, addresses)
    addresses = [u for u in addresses if u not in aliased]
    firsts, read, passed, why = _read_receivers(view, escape.path, root, decl, by_literal.values())
    pointers = any(_address_call(root.named_descendant_for_byte_range(u.start, u.end)) is None for u in read)
    addresses = [u for u in addresses if u not in read]
    late: list[Ident] = []
    reason = _address_outlives(view, escape.path, name, addresses, statements, decl_node, function, late=late, why=why)
    # the one goroutine may own a copy, and every address it takes is then the copy's; not a named result, which
    # a bare `return` reads where go/types records no use
    if reason and decl.kind != Kind.RESULT:
        literal, literals = next(iter(by_literal.values()))[0], len(by_literal) + len(exits)
        owned = _owned_capture(view, escape, decl, decl_node, function, literal, uses, literals)
        return owned if isinstance(owned, Capture) else reason
    if reason:
        return reason
    for literal, found in by_literal.values():
        if any(u.use == Use.WRITE for u in found):
            return _owned_capture(view, escape, decl, decl_node, function, literal, uses, len(by_literal) + len(exits))
    writes = [replace(u, start=end, end=end + 1) if u.start in at_exit else u for u in uses if u.use == Use.WRITE]
    if decl.kind == Kind.RESULT:  # `return a, b` assigns every named result where it stands, as a write there
        writes += [replace(decl, start=r.start_byte, end=r.end_byte, use=Use.WRITE) for r in _value_returns(function)]
    writes += [w for a in aliased for w in (a, *aliased[a])]
    writes += [replace(u, use=Use.WRITE) for u in late]  # `st.Reset()` after the wait: a write where it stands
    writes.sort(key=lambda w: w.start)
    for literal, stmt, stored, named in made:
        reason = _snapshot_unsafe(
            view,
            escape.path,
            name,
            decl_node,
            function,
            literal,
            stmt,
            writes,
            types,
            stored,
            exits=bool(at_exit),
            named=named,
        )
        if reason and decl.kind == Kind.RESULT:
            return f"{name} is a named result ({RETURN_WRITES}): {reason}"
        if reason:
            return reason
    reason = _other_rewrites_site(view, escape.path, name, made)
    if reason:
        return reason
    for stmt in statements:
        if (
            stmt.parent is None
            or stmt.parent.type != "statement_list"
            or not _starts_line(view.sources[escape.path], stmt)
        ):
            return "the statement making the closure does not stand on a line of its own in a block"
    reason = _uncopyable(decl, name)
    fields: tuple[field_copies.FieldCopy, ...] = ()
    if reason and decl.size is not None and decl.size > BY_VALUE_MAX:  # too wide: copies of the fields it reads
        inside = [u for _, found in by_literal.values() for u in found]
        fields = field_copies.read_fields(types, escape.path, root, function, name, inside)
        reason = f"{reason}, and {fields}" if isinstance(fields, str) else None
    if reason:
        return reason
    # A copy in a block of its own when one beside the statement would redeclare the variable, or
    # would take the later writes the happens-before edges allow (and leave the variable stale).
    block = any(
        _redeclares(decl_node, stmt)
        or _declared_later(stmt, name)
        or _observed_writes(stmt, decl_node, function, writes)
        for stmt in statements
    )
    spans = {stmt.start_byte: named.span.end_byte for _, stmt, _, named in made if named is not None}
    # a named literal's definition declares only the name its span uses: the block reaches past that
    declaring = next((s for s in statements if s.type in DECLARING and s.start_byte not in spans), None)
    declaring = declaring if block else None
    reach = _block_to_end(view, escape.path, declaring, statements, decl, name, writes) if declaring else None
    if isinstance(reach, int):
        spans[declaring.start_byte] = reach
    elif declaring is not None:
        # `{ lim := lim; stop := context.AfterFunc(…) }` would end stop's scope with the block
        return (
            f"the copy of {name} needs a block of its own, and the statement making the closure declares names "
            f"(line {view.line(escape.path, declaring.start_byte)}) that later code could no longer see{reach}"
        )
    reason = costlier(name, decl.size, decl.widest, decl_node, _copy_points(statements, block))
    if reason:
        return reason
    for stmt in statements:  # `h, x := func() int { return x }, 5`: after a copy, := would assign the copy
        left = stmt.child_by_field_name("left") if stmt.type == "short_var_declaration" else None
        if left is not None and any(n.type == "identifier" and n.text == name.encode() for n in left.named_children):
            line = view.line(escape.path, stmt.start_byte)
            return f"the statement making the closure declares {name} with := (line {line})"
    ends = tuple(spans.items())
    copies = {"firsts": firsts, "passed": passed, "pointers": pointers}
    return Capture(escape, name, decl.start, statements, block, ends=ends, fields=fields, **copies)


def _read_receivers(
    view, path: str, root: Node, decl: Ident, literals
) -> tuple[tuple[int, ...], set[Ident], bool, dict[Ident, str]]:
    """The literals that take the variable's address only as the receiver of pointer methods that read it
    (`go func() { out[i] = g.factor(p) }()`: receiver_reads.py) or as an argument a call only reads through
    (`runOne(c, &p)`), with those addresses, whether any is an argument, and for each address of a literal whose
    proof failed at one of its addresses why (that first failure: the decline says it). Each gets a
    copy first in its body, whose address the calls take instead, so the variable itself is only read there. Held
    to: no use in the literal writes it or is inside a func literal of its own, the body declares no other variable
    of the name at its top level, and the variable is at most BY_VALUE_MAX bytes (else it is captured by reference
    anyway). Reading it once, where the literal starts, gives the values its calls would read: nothing writes it
    while the literal runs (the literal does not, the calls do not, and the rule orders the function's later
    writes after the literal's reads, which the copy only moves earlier)."""
    if decl.size is None or decl.size > BY_VALUE_MAX:
        return (), set(), False, {}
    firsts, read, passed, why = [], set(), False, {}
    for literal, found in literals:
        nodes = {use: root.named_descendant_for_byte_range(use.start, use.end) for use in found}
        addresses = [use for use in found if use.use == Use.ADDR]
        body = literal.child_by_field_name("body")
        if (
            not addresses
            or any(use.use == Use.WRITE or owner(node) != literal for use, node in nodes.items())
            or decl.name.encode() in declared(statements_of(body))
        ):
            continue
        failed = next(((u, r) for u in addresses if (r := _read_receiver(view, path, nodes[u])) is not None), None)
        if failed is not None:
            line = view.line(path, failed[0].start)
            at = f"at line {line}, " if line != view.line(path, addresses[0].start) else ""
            why.update((use, at + failed[1]) for use in addresses)
            continue
        firsts.append(body.start_byte + 1)
        read.update(addresses)
        calls = [found for use in addresses if (found := _address_call(nodes[use])) is not None]
        passed = passed or any(argument != retention.RECEIVER for _, argument in calls)
    return tuple(firsts), read, passed, why


def _read_receiver(view: PackageView, path: str, ident: Node) -> str | None:
    """None when ident is the receiver (or a field of it stored in it) of a call, not go/defer, of a pointer method
    that keeps nothing of it and only reads its fields, or its address (or a field's) is an argument such a call
    only reads through (`runOne(ctx, c, &p)`); else why not, as a clause of the decline naming the call."""
    found = _address_call(ident)
    pointer = _pointer_defined(ident) if found is None else None
    if pointer is not None:
        return _pointer_reads(view, path, pointer)
    if found is None:
        return "other than as a call argument or method receiver"
    shown = callees.shown(found[0])
    if found[0].parent.type in ("go_statement", "defer_statement"):
        return f"by {shown}, a go/defer call that runs later"
    if found[1] == retention.RECEIVER:
        reads = receiver_reads.reads_only(view, path, found[0])
        reads = reads and f"by {shown}, which gorewrite cannot prove only reads it: {reads}"
    else:
        reads = receiver_reads.parameter_reads_only(view, path, found[0], found[1])
        reads = reads and f"passed to {shown}, which gorewrite cannot prove only reads through it: {reads}"
    kept = None if reads else retention.kept(view, found[0], found[1])
    return reads or (kept and f"by {shown}, which only reads it but may keep it: {text(ident).decode()} {kept}")


def _readers(c: Capture) -> str:
    """What takes the address of the copy first in the literal, for a fix's summary."""
    if c.pointers:
        return "the local pointers that only read through its address"
    return "the calls that only read through its address" if c.passed else "the pointer methods that only read it"


def _pointer_reads(view: PackageView, path: str, pointer: Node) -> str | None:
    """None when p of `p := &x`, in the literal, is only read through there (receiver_reads.pointer_reads_only: p is
    never stored, passed or returned, and the methods called through it only read): then p aims at the copy first
    in the literal and reads there what it read of x. Else why not, as a clause of the decline naming p."""
    reads = receiver_reads.pointer_reads_only(view, path, pointer)
    name = text(pointer).decode()
    return reads and f"by {name} := &…, a local pointer gorewrite cannot prove only reads through it: {reads}"


def _range_capture(view, escape, decl_node, decl, function, uses) -> Capture | str:
    """A copy before each range-over-func loop whose escaping body reads the variable (range_bodies.py), in a
    block of its own where one beside it would redeclare it or miss a later write."""
    stmts = range_bodies.statements(view, escape.path, function, decl_node, decl, uses)
    if isinstance(stmts, str):
        return stmts
    reason = _uncopyable(decl, decl.name)
    if reason:
        return reason
    source, writes = view.sources[escape.path], [u for u in uses if u.use == Use.WRITE]
    if any(s.parent.type != "statement_list" or not _starts_line(source, s) for s in stmts):
        return "the range statement does not stand on a line of its own in a block"
    block = any(
        _redeclares(decl_node, s) or _declared_later(s, decl.name) or _observed_writes(s, decl_node, function, writes)
        for s in stmts
    )
    reason = costlier(decl.name, decl.size, decl.widest, decl_node, _copy_points(tuple(stmts), block))
    return reason or Capture(escape, decl.name, decl.start, tuple(stmts), block, body=True)


def _uncopyable(decl: Ident, name: str) -> str | None:
    """Why `x := x` would not keep x off the heap or would break go vet, if so."""
    if decl.size is not None and decl.size > BY_VALUE_MAX:
        return (
            f"{name} is {decl.size} bytes: the compiler captures a variable wider than {BY_VALUE_MAX} bytes "
            "by reference, so a copy would move to the heap as well"
        )
    if decl.lock:  # vet's copylocks flags `x := x` of such a value: the rewrite would break the user's vet
        return f"{name} holds a lock ({decl.lock}): a copy would make go vet fail (assignment copies lock value)"
    return None


def _owned_capture(view, escape, decl, decl_node, function, literal, uses, literals: int) -> Capture | str:
    """A copy first in the one goroutine that writes the variable or takes its address, when nothing else sees it
    again (owned_copies.py) and no address of the copy leaves its stack (_copy_leaves), else why not."""
    name, line = decl.name, literal.start_point.row + 1
    minor = language_minor(view, escape.path)
    where = (
        owned_copies.owned(view.types, escape.path, function, decl_node, literal, uses, minor)
        if literals == 1
        else "another func literal uses it too"
    )
    body = literal.child_by_field_name("body")
    reason = (
        (
            _uncopyable(decl, name)
            or costlier(name, decl.size, decl.widest, decl_node, [body])
            or _copy_leaves(view, escape.path, uses)
        )
        if isinstance(where, int)
        else where
    )
    if reason:
        return f"a func literal writes {name} (line {line}), and it cannot own a copy: {reason}"
    return Capture(escape, name, decl.start, (literal.parent.parent,), False, inside=where)


def _pointee_capture(view, escape, decl_node, decl, uses, types) -> Capture | str:
    """A copy of what `p := &x` (or `&x.f.g`) points to, `p := *p` in a block around each statement
    making a func literal that captures p, when every use of p in them reads a field through it: then
    the literals never see the pointer, and x stays off the heap. Nothing may write x after the
    statement (unless the goroutine has done reading, as for a plain capture), no other pointer
    to x may outlive its call, and p is only ever used to select fields."""
    path, name = escape.path, decl.name
    root = view.tree(path).root_node
    nodes = {u.start: root.named_descendant_for_byte_range(u.start, u.end) for u in uses}
    taken = [(u, p) for u in uses if (p := _pointer_defined(nodes[u.start])) is not None]
    taken = [(u, p) for u, p in taken if _captured(decl_node, text(p).decode())]
    if not taken:  # a literal names another variable of the same name
        return f"no func literal captures this {name}: it moves to the heap for another reason"
    if len(taken) > 1:
        return f"func literals capture several pointers to {name} (line {view.line(path, taken[1][0].start)})"
    address, pointer_node = taken[0]
    pointer = types.at(path, pointer_node.start_byte)
    if pointer is None or pointer.use != Use.DECL or pointer.obj is None or pointer.kind != Kind.VAR:
        return f"cannot resolve the declaration of {text(pointer_node).decode()}"
    via = pointer.name
    pointee = _pointee(types, path, nodes[address.start], decl)
    if isinstance(pointee, str):
        return f"{via} := &… {pointee}"
    writes = [u for u in uses if u.use == Use.WRITE]
    others = [u for u in uses if u.use == Use.ADDR and u != address]
    return _copied_pointee(view, escape, types, name, decl_node, pointer, writes, others, pointee, decl.start)


def _composite_capture(view: PackageView, escape: Escape, literal: Node, pointer_node: Node) -> Capture | str:
    """A copy of what `p := &T{…}` points to, as for `p := &x` (_pointee_capture): the literal's value
    has no name, so p and the copies of it the function makes are its only ways in (no other address,
    no write but through p); its type name says its size and whether it holds a lock."""
    types = types_or_reason(view)
    if isinstance(types, str):
        return types
    path = escape.path
    pointer = types.at(path, pointer_node.start_byte)
    if pointer is None or pointer.use != Use.DECL or pointer.obj is None or pointer.kind != Kind.VAR:
        return f"cannot resolve the declaration of {text(pointer_node).decode()}"
    named = literal.child_by_field_name("operand").child_by_field_name("type")
    name = named.child_by_field_name("name") if named is not None and named.type == "qualified_type" else named
    pointee = types.at(path, name.start_byte) if name is not None and name.type == "type_identifier" else None
    label = COMPOSITE.match(escape.message).group(1)
    if pointee is None or pointee.kind != Kind.TYPE:
        return f"the type of {label} is not a named type go/types resolves"
    return _copied_pointee(view, escape, types, label, pointer_node, pointer, [], [], pointee, literal.start_byte)


def _copied_pointee(view, escape, types, name, decl_node, pointer, writes, others, pointee, start) -> Capture | str:
    """_pointee_capture once the pointer p and what it points to are known: every use of p in a func literal
    reads a field, outside them p selects fields or goes to calls that keep nothing, nothing writes the
    pointee after a statement making a literal unless ordered after it, and a copy fits a capture by value."""
    path, via, function = escape.path, pointer.name, owner(decl_node)
    root = view.tree(path).root_node
    literals: dict[int, Node] = {}
    passed = []  # `p.M()`, `f(p)` outside the literals: the pointer handed to a call, as `&x` would be
    derefs = []  # `*p` read as a value in a literal: `p` once p is the copy
    firsts: set[int] = set()  # the `{` of each literal calling a pointer method through p: `p := p` first there
    for use in types.uses(path, pointer.obj):
        node = root.named_descendant_for_byte_range(use.start, use.end)
        literal, line = _capturing_literal(node, function), view.line(path, use.start)
        field = _field_through(types, path, node)
        if literal is not None and isinstance(field, str) and _value_read(node):
            derefs.append(node.parent.start_byte)
            literals[literal.start_byte] = literal
            continue
        called = literal is not None and isinstance(field, str) and method_call(node) is not None
        field = _method_through(view, path, node, literal) if called else field
        if isinstance(field, bool):  # `p.delay(n)`: a method that reads *p through the copy (first in it if True)
            literals[literal.start_byte] = literal
            firsts.update([literal.child_by_field_name("body").start_byte + 1] if field else [])
            continue
        if literal is not None and (isinstance(field, str) or field.use != Use.READ):
            what = field if isinstance(field, str) else f"writes or takes the address of {via}.{field.name}"
            return (
                f"{name} is captured through the pointer {via}, and the func literal at line "
                f"{view.line(path, literal.start_byte)} {what} (line {line}): a copy of *{via} would not "
                "behave as the pointer"
            )
        if literal is not None:
            literals[literal.start_byte] = literal
        elif isinstance(field, str) or field.use == Use.ADDR:  # may let another pointer write x later
            if _pointer_call(node) is None:
                return (
                    f"{name} is captured through the pointer {via}, and the function uses {via} other than to "
                    f"select a field, pass it to a call or call its method (line {line})"
                )
            passed.append(use)
        elif field.use == Use.WRITE:  # `p.f = v` writes x
            writes.append(field)
    if not literals:  # a literal names another variable of the pointer's name
        return f"no func literal captures this {name} or this {via}: {name} moves to the heap for another reason"
    made = _made_at(view, path, via, list(literals.values()), types, function)
    if isinstance(made, str):
        return made
    # a named literal started through its name (named_spawns.py) keeps the stored literal's proof here
    made = [(literal, stmt, stored or named is not None, None) for literal, stmt, stored, named in made]
    statements = tuple(stmt for _, stmt, _, _ in made)
    reason = _address_outlives(view, path, name, others, statements, decl_node, function)
    reason = reason or _address_outlives(view, path, f"*{via}", passed, statements, decl_node, function, _pointer_call)
    if reason:
        return reason
    shown = f"{name} (read through {via})"
    for literal, stmt, stored, _ in made:
        reason = _snapshot_unsafe(
            view, path, via, decl_node, function, literal, stmt, writes, types, stored, shown=shown
        ) or _other_rewrites_site(view, path, via, [(literal, stmt, stored, None)])
        if reason:
            return reason
        if not _starts_line(view.sources[path], stmt) or stmt.parent.type != "statement_list":
            return "the statement making the closure does not stand on a line of its own in a block"
        if stmt.type in DECLARING:  # `{ c := *c; stop := context.AfterFunc(…) }` would end stop's scope
            return (
                f"the copy of *{via} needs a block of its own, and the statement making the closure declares "
                f"names (line {view.line(path, stmt.start_byte)}) that later code could no longer see"
            )
    if pointee.size is None:
        return f"the size of *{via} is not known (it involves a type parameter)"
    if pointee.size > BY_VALUE_MAX:
        return (
            f"*{via} is {pointee.size} bytes: the compiler captures a variable wider than "
            f"{BY_VALUE_MAX} bytes by reference, so a copy would move to the heap as well"
        )
    if pointee.lock:
        return f"*{via} holds a lock ({pointee.lock}): a copy would make go vet fail (assignment copies lock value)"
    copies = {"derefs": tuple(derefs), "firsts": tuple(sorted(firsts))}
    return Capture(escape, via, start, statements, True, value=f"*{via}", keeps=name, **copies)


def _method_through(view: PackageView, path: str, ident: Node, literal: Node) -> bool | str:
    """For the pointer p of `p := &x`, in a literal, as the receiver of `p.M(…)`: False when M is the package's
    value method of x's own type (the call copies *p: a read, as a field's), True when a pointer method that only
    reads its receiver, never handing it on (receiver_reads.reads_only): a copy first in the literal,
    `p := p` of the copied *p, gives the call an address to read the same values through; else why not.
    Only a call in the literal's own code (a nested literal would capture the copy by reference), not go/defer (it
    may run once the literal signalled), declared in a file every build compiles, never promoted."""
    name = method_call(ident)
    call, shown = name.parent.parent, text(ident.parent).decode()
    bound = view.types.at(path, name.start_byte)
    key = callees.callee(view, path, call)
    found = callees.declaration(view, key) if not isinstance(key, str) and key[0] == view.package.import_path else None
    if bound is None or bound.promoted or found is None:
        return f"calls {shown}, which is not the package's own method of its own type"
    if receiver_reads.runs_later(call):
        return f"calls {shown} by go/defer, which may run once the literal has signalled"
    if owner(ident) != literal:
        return f"calls {shown} in a func literal of its own"
    if named_receiver(found[1], pointer=False) is not None:
        constrained = build_files.constrained(found[0], view.tree(found[0]).root_node)
        return f"calls {shown}, declared in a file some build leaves out" if constrained else False
    reads = receiver_reads.reads_only(view, path, call)
    return f"calls {shown}, which gorewrite cannot prove only reads it: {reads}" if reads else True


def _value_read(ident: Node) -> bool:
    """Is the pointer ident dereferenced as a value that is only read: `*p` as an operand, an argument, a
    value assigned or ranged over — not written (`*p = v`, `*p += v`, `*p++`, `for _, *p = range`,
    `case *p = <-ch`), addressed (`&*p`), nor the operand of a selector, index, slice or call (a method of *p
    may need the pointer; `(*p)[i] = v` writes)?"""
    star = ident.parent
    if star.type != "unary_expression" or star.child(0).type != "*" or star.child_by_field_name("operand") != ident:
        return False
    parent = star.parent
    if parent.type in ("inc_statement", "dec_statement", "parenthesized_expression", "selector_expression"):
        return False
    if parent.type in ("index_expression", "slice_expression", "call_expression", "type_assertion_expression"):
        return parent.child_by_field_name("operand" if parent.type != "call_expression" else "function") != star
    if parent.type == "unary_expression":
        return parent.child(0).type != "&"
    if parent.type == "expression_list":  # the left of an assignment, a range clause or a select's receive writes
        return parent.parent.child_by_field_name("left") != parent
    return True


def _pointee(types: TypeInfo, path: str, ident: Node, decl: Ident) -> Ident | str:
    """What `&ident` or `&ident.f.g` points to: the variable, or the last field of a chain of fields
    stored in it (none reached through a pointer, which x's escape would not be about); else why not."""
    found, node = decl, ident
    while node.parent.type == "selector_expression":
        field = types.at(path, node.parent.child_by_field_name("field").start_byte)
        if field is None or field.kind != Kind.FIELD or field.indirect:
            return f"does not select a field stored in {decl.name} (line {ident.start_point.row + 1})"
        found, node = field, node.parent
    return found


def _pointer_call(ident: Node) -> tuple[Node, int] | None:
    """(call, argument index or retention.RECEIVER) where the pointer ident is passed: `f(p)`, `p.M()`,
    `p.f.M()` (a pointer method of a field stored in the pointee); None for any other use."""
    found = _address_call(ident)
    if found is not None or ident.parent.type != "argument_list" or ident.parent.parent.type != "call_expression":
        return found
    return ident.parent.parent, items(ident.parent).index(ident)


def _field_through(types: TypeInfo, path: str, ident: Node) -> Ident | str:
    """The field `p.f` selects (its use says whether `p.f…` is read, written or addressed), or how
    else the pointer p is used: passed, compared, printed, dereferenced or a method's receiver."""
    selector = ident.parent
    if selector.type != "selector_expression" or selector.child_by_field_name("operand") != ident:
        return f"uses {text(ident).decode()} itself, not a field through it"
    field = types.at(path, selector.child_by_field_name("field").start_byte)
    if field is None or field.kind != Kind.FIELD:
        return f"selects {text(selector).decode()}, which is no field (a method may need the pointer)"
    return field


def _made_at(view: PackageView, path: str, name: str, literals: list[Node], types: TypeInfo, function: Node) -> list:
    """(literal, the statement making it, whether it is stored, where it is started through a name) for
    each literal capturing name, or why not. A literal that is a local's value but not started or called
    through it as named_spawns proves is stored, said as why not (its message names the cause).

    A literal started by go/defer or passed to a call is made by the statement the query found;
    any other (stored in a map, a field, a variable, or returned) by the statement of its block
    around it. A stored literal may run at any later time, on any goroutine: only the snapshot
    proof holds for it (no write can follow the statement), never the happens-before edges — unless
    it is the one value of a local whose one use starts it (`worker := func() {…}; go worker()`:
    named_spawns.py), which runs it as that statement would run it standing there.
    """
    shapes, made = _shapes(view, path), []
    for literal in literals:
        if literal.start_byte in shapes.started:
            made.append((literal, shapes.started[literal.start_byte], False, None))
            continue
        stmt = _statement_of(literal.parent)
        if stmt is None:
            return f"{name} is captured by a func literal that is stored or returned outside a statement of a block"
        named = named_spawns.named_start(types, path, literal, stmt, function)
        if isinstance(named, str):  # stored, and why its name does not start it: said with the stored decline
            made.append((literal, stmt, named, None))
        else:
            made.append((literal, stmt, named is None, named))
    return made


def _named_how(named: named_spawns.Named | named_spawns.Helper) -> str:
    if isinstance(named, named_spawns.Helper):
        return f"calling it or starting a goroutine calling it as {named.name}"
    return f"starting it through {named.via.text.decode()}"


def _helper_unordered(view, types, path, function, helper, context, observed, exits, name) -> str | None:
    """Why a write after the helper's span may not follow a goroutine's calls of it: each goroutine calling
    it must be waited for as if it read the helper's name (a call after its signal names it)."""
    if exits:
        return f"a deferred func literal writes {name}, which {helper.name} reads, at the function's exit"
    for literal, start in helper.goroutines:
        unescaped, kept = _unescaped(view, path, literal)
        spawn = happens_before.Spawn(path, function, literal, start, unescaped, kept=kept, **context)
        unordered = happens_before.unordered(types, spawn, helper.name, [w.start for w in observed])
        if unordered:
            line = start.start_point.row + 1
            return (
                f"{name} is read through {helper.name}, which the goroutine started at line {line} calls, and "
                f"written at line {view.line(path, observed[0].start)}: {unordered}"
            )
    return None


def _other_rewrites_site(view: PackageView, path: str, name: str, made: list) -> str | None:
    """Why a stored literal is left to the factory or table rewrite, which replace the literal itself."""
    for literal, _, stored, _ in made:
        if stored and literal.start_byte in _shapes(view, path).factories:
            return f"{name} is captured by the func literal a closure factory returns: the factory rewrite's site"
        table = _table_of(literal) if stored else None
        if table is not None and not isinstance(_table_edits(view, path, table), str):
            return f"{name} is captured by a table of forwarding func literals: the table rewrite's site"
    return None


def _snapshot_unsafe(
    view, path, name, decl_node, function, literal, stmt, writes, types, stored, shown=None, exits=False, named=None
) -> str | None:
    """Why passing the variable's value when the statement runs could differ from reading it later
    (shown: what the messages call written, when the literal reads it through the pointer name; exits:
    a deferred func literal writes it at the function's exit, a write at its closing brace here; named:
    where a literal stmt defines as a local's value is started through it, named_spawns.py)."""
    keyword = {"go_statement": "go statement", "defer_statement": "defer statement"}.get(
        stmt.type, "statement making the closure"
    )
    if uses_goto(function):
        return "the function uses goto, so statement order is not execution order"
    observed = _observed_writes(stmt, decl_node, function, writes)
    if observed:
        where = "by or after" if observed[0].start >= stmt.start_byte else "in a loop around"
        line = view.line(path, observed[0].start)
        written = f"{shown or name} is written {where} the {keyword} (line {line})"
        if stored:  # called at any later time, by anyone: no signal orders its reads before the write
            return (
                f"{shown or name} is captured by a func literal that is stored or returned, and written {where} "
                f"the {keyword} (line {line}): the literal may run after the write"
                + (f"; {stored}" if isinstance(stored, str) else "")
            )
        if stmt.type == "defer_statement":
            return written
        early = named_spawns.named_writes(named, stmt, [w.start for w in observed]) if named else None
        if early is not None:
            return (
                f"{shown or name} is written at line {view.line(path, early)}, after the func literal is made (line "
                f"{stmt.start_point.row + 1}) and before the last statement {_named_how(named)} (lines "
                f"{named.span.start_point.row + 1}-{named.span.end_point.row + 1}) ends: the copy, made with "
                "the literal, would take that write and so be captured by reference itself"
            )
        inside = [
            w.start
            for w in observed
            if stmt.start_byte <= w.start < stmt.end_byte
            and not literal.start_byte <= w.start < literal.end_byte
            and not named
        ]
        if inside:  # `if g.TryGo(func…) { …; x = v }`: a copy before the statement would take the write
            return (
                f"{shown or name} is written at line {view.line(path, inside[0])}, inside the statement starting the "
                f"goroutine (lines {stmt.start_point.row + 1}-{stmt.end_point.row + 1}): the copy, made before it, "
                "would take that write"
            )
        fields = group_uses.fields(view, types, path, function)
        writers = _writers(view, types, path, function) if fields else None
        context = {  # what the Spawn's proofs read of the function and the package, once a function
            "fields": fields,
            "writers": writers,
            "through": wait_calls.through(view, types, path, function),
            "workers": worker_dones.workers(view, types, path, function),
            "goers": group_helpers.handed(view, types, path, function),
        }
        if isinstance(named, named_spawns.Helper):
            return _helper_unordered(view, types, path, function, named, context, observed, exits, shown or name)
        start = named.statement if named else stmt
        unescaped, kept = _unescaped(view, path, literal)
        spawn = happens_before.Spawn(
            path, function, literal, start, unescaped, kept=kept, via=named and named.via, **context
        )
        unordered = happens_before.unordered(types, spawn, name, [w.start for w in observed])
        if unordered and start.type != "go_statement" and named is None:
            unordered = _callee_unordered(view, path, name, literal, stmt, observed, unordered)
        if unordered:
            return f"{written}: {unordered}"
        early = exit_writes.exits_early(types, spawn, name) if exits else None
        if early:
            return f"a deferred func literal writes {name} at the function's exit: {early}"
    clause = enclosing(decl_node, "for_clause", "range_clause", "block")
    if clause is not None and clause.type != "block" and language_minor(view, path) < 22:
        return f"{name} is a loop variable shared by all iterations (the file's Go version is before go 1.22)"
    for ident in types.idents[path]:
        if literal.start_byte <= ident.start < literal.end_byte and ident.name == name and ident.use == Use.DECL:
            return f"the func literal declares its own {name}"
    return None


def _writers(view: PackageView, types: TypeInfo, path: str, function: Node) -> overwrites.Writers:
    """What proving a WaitGroup field's struct is not written over needs from the package, once a function."""
    return memo(view, (NAME, "writers", path, function.start_byte), lambda: overwrites.writers(view, types, function))


def _unescaped(view: PackageView, path: str, literal: Node) -> tuple[frozenset[int], tuple[tuple[int, str], ...]]:
    """The func literals inside literal (start bytes) passed to a call whose callee keeps nothing of them
    (retention: `less does not escape` for sort.Slice) and that no toolchain of the run reports escaping;
    and why each other one passed to a call may be kept (start byte, reason).
    Not escaping alone would not do: a literal stored in a local of the goroutine (`fill(fs[:], f)`,
    inlined) stays on its stack, and a call deferred before the signal could run it after."""
    if not view.by_toolchain:
        return frozenset(), ()
    escaping = memo(  # once a file, not once a captured variable
        view,
        (NAME, "literals escaping", path),
        lambda: {
            (e.line, e.col)
            for found in view.by_toolchain.values()
            for e in found
            if e.path == path and e.message == LITERAL_ESCAPES
        },
    )
    unescaped, kept = set(), []
    for inner in walk(literal):
        if inner.type != "func_literal" or inner == literal or inner.parent.type != "argument_list":
            continue
        if (inner.start_point.row + 1, inner.start_point.column + 1) in escaping:
            kept.append((inner.start_byte, f"a toolchain of the run reports `{LITERAL_ESCAPES}`"))
            continue
        reason = _kept_by(view, inner)
        if reason is None:
            unescaped.add(inner.start_byte)
        else:
            kept.append((inner.start_byte, f"the literal {reason}"))
    return frozenset(unescaped), tuple(kept)


def _runs_in_call(view: PackageView, path: str, literal: Node, function: Node) -> bool:
    """Does the literal run only inside the call it is an argument of (`sort.Slice(out, func(i, j int) bool {…})`)?
    A callee that keeps nothing of it and no toolchain reports escaping can neither store it nor hand it to a
    goroutine, so every run of it ends before the call returns, on the caller's goroutine: its reads and writes
    of a variable are the statement's own, in program order, and it needs no copy. Not inside a defer statement
    (whose call runs at the function's exit; a go statement's literal is reported escaping by every toolchain), and
    holding no literal of its own (which may be stored and run later; a go statement without one captures
    nothing: its arguments are read where it stands)."""
    if literal.parent.type != "argument_list":
        return False
    if any(node.type == "defer_statement" for node in ancestors_below(literal, function)):
        return False
    if any(node.type == "func_literal" for node in walk(literal) if node != literal):
        return False
    unescaped, _ = _unescaped(view, path, literal.parent)  # its own call's arguments, not the whole function's
    return literal.start_byte in unescaped


def _kept_by(view: PackageView, literal: Node) -> str | None:
    """Why the callee of the call the literal is an argument of may keep it after it returns, or None."""
    args = literal.parent
    if args.parent.type != "call_expression":
        return "is not an argument of a call expression"
    return retention.kept(view, args.parent, items(args).index(literal), contents=True)


def _callee_unordered(view, path, name, literal, stmt, observed, unordered: str) -> str | None:
    """Why a write may not follow every call of a literal passed to a function of the package
    (callee_waits.py): one that returns only after each call is done orders the writes after its
    statement, but not one inside that statement."""
    returns = callee_waits.returns_after_calls(view, path, literal, name, [w.start for w in observed])
    if returns == callee_waits.NOT_A_CALLEE:
        return unordered
    inside = next((w for w in observed if stmt.start_byte <= w.start < stmt.end_byte), None)
    if returns is None and inside is not None:
        return f"it is written in the statement that passes the func literal (line {view.line(path, inside.start)})"
    method = literal.parent.parent.child_by_field_name("function").type == "selector_expression"
    return f"{unordered}; {returns}" if returns and method else returns  # `q.Add(f)`: what it is not, first


def _field_aliases(types: TypeInfo, path: str, root: Node, function: Node, addresses: list[Ident]) -> dict:
    """The addresses taken by `p := &x` for a p used only for x's fields in the function (field_alias.py),
    each with p's field writes: the copy leaves p aimed at x, so these count as writes of x, the `&x` too."""
    found = {}
    for use in addresses:
        node = root.named_descendant_for_byte_range(use.start, use.end)
        writes = field_alias.field_writes(types, path, function, node.parent) if node is not None else None
        if writes is not None:
            found[use] = writes
    return found


def _address_outlives(
    view, path, name, addresses, statements, decl, function, call_of=None, late=None, why=None, contents=False
) -> str | None:
    """Why a pointer to the variable, taken somewhere, may still be used once a closure statement runs.

    Safe only when each address is taken before every statement (not in a loop around one), as a
    call argument `f(&x)` or a pointer-method receiver `x.M()`, in a call that finishes there
    (not go/defer) and whose callee the compiler proves does not keep the pointer (retention.py).

    late: when given, gets each such address taken at or after a statement (or in a loop around one)
    instead of declining it: the pointer is dead once its call returns, so the call may only read or
    write the variable while it runs, as a write standing there would (`wg.Wait(); st.Reset()`), and
    the caller proves that write ordered after the literal's reads like any other.
    why: when given, why the proof that a literal only reads through an address failed (_read_receivers), said
    with the decline of that address.
    contents: the address is inside what each call is given (a struct holding it): no callee may keep that either.
    """
    root = view.tree(path).root_node
    nodes = {use: root.named_descendant_for_byte_range(use.start, use.end) for use in addresses}
    inside = next((use for use in addresses if owner(nodes[use]) != function), None)
    if inside is not None:  # first: a literal's `wg.Done()` shares the variable, whatever the function does
        line = view.line(path, inside.start)
        said = f"the address of {name} is taken at or after the statement making the closure (line {line})"
        return f"{said}, {why[inside]}" if why and inside in why else said
    for use in addresses:
        node = nodes[use]
        line = view.line(path, use.start)
        observed = any(_observed_writes(s, decl, function, [use]) for s in statements)
        if observed and (late is None or call_of is not None):
            return f"the address of {name} is taken at or after the statement making the closure (line {line})"
        found = (call_of or _address_call)(node)
        if observed and found is None:
            return f"the address of {name} is taken at or after the statement making the closure (line {line})"
        held = _literal_call(node) if found is None and call_of is None else None
        if found is None and call_of is None and held is None:
            reason = _alias_outlives(view, path, name, node, statements, decl, function, late)
            if reason:
                return reason
            continue
        found = found or held
        if found is None:
            return f"the address of {name} is taken other than as a call argument or method receiver (line {line})"
        call, argument = found
        if call.parent.type in ("go_statement", "defer_statement"):
            return f"the address of {name} goes to a go/defer call that runs later (line {line})"
        # copy(x[:], b) writes x, keeping nothing; copy(dst, []*T{&x}) puts &x in dst, which retention then judges
        copied = held is None and builtins.called(view.types, path, call) == "copy"
        # `f(x[:])` to an `any` boxes the slice: its pointer into x is then the content the callee may return
        given = items(call.child_by_field_name("arguments"))[argument] if argument != retention.RECEIVER else None
        sliced = given is not None and given.type == "slice_expression"
        # `f([]*T{&x})`, `T{cfg: &x}.check()`: the address is part of the value passed, at some depth
        deep = contents or sliced or held is not None
        kept = None if copied else retention.kept(view, call, argument, contents=deep)
        if kept:
            return f"{name} {kept} (line {line})"
        if closed.implementations(view, path, call) is not None:  # retention read each method; the compiler cannot
            return (
                f"the address of {name} goes to an interface method call (line {line}), which the compiler cannot "
                f"follow: {name} stays on the heap however the closure takes it"
            )
        if observed:
            late.append(use)
    return None


def _outer_literal(ident: Node) -> tuple[Node, Node] | None:
    """(the outermost composite literal, the node holding it) when `&ident` is an element of composite literals,
    nested or not."""
    unary, literal = ident.parent, None
    if address_operand(unary) != ident:
        return None
    up = unary.parent
    while up.type in ("literal_element", "keyed_element", "literal_value", "composite_literal"):
        literal = up if up.type == "composite_literal" else literal
        up = up.parent
    return (literal, up) if literal is not None else None


def _literal_call(ident: Node) -> tuple[Node, int] | None:
    """(call, argument index or retention.RECEIVER) when `&x` is an element of composite literals, nested or not,
    the outermost of which is the call's argument or its method's receiver: `validate([]*Config{&a, &b})`,
    `(check{cfg: &x}).err()`. The address then reaches the callee only inside the value it is given, as content
    of it (what its pointers, or a slice's elements, point to), so the caller asks retention about that content."""
    found = _outer_literal(ident)
    if found is None or found[1].type not in ("argument_list", "parenthesized_expression", "selector_expression"):
        return None
    literal, up = found
    if up.type == "argument_list" and up.parent.type == "call_expression":
        return up.parent, items(up).index(literal)
    operand = up if up.type == "parenthesized_expression" else literal
    selector = operand.parent if up.type == "parenthesized_expression" else up
    call = selector.parent
    if selector.type != "selector_expression" or call.type != "call_expression":  # (T{…}).f is no call
        return None
    return call, retention.RECEIVER


def _alias_outlives(view, path, name, ident, statements, decl, function, late=None) -> str | None:
    """Why p of `p := &x` (or `&x.f.g`) may still reach x once a closure statement runs, or None.

    None when p is a local never assigned again nor its address taken, and each use of p is in the
    function's own code (no func literal), before every statement (not in a loop around one), and
    reads or writes through it (`*p = append(*p, v)`, `n := p.n`) or passes it to a call whose callee
    keeps nothing (`p.M()`, `f(p)`, checked as `&x` itself would be): then the pointer is dead at the
    statement, every write through it came before, and the copy the literal captures sees them all.
    late: when given, a use at or after a statement that only reads or assigns a field of x as a value
    (`p.Prefix = ""` after `wg.Wait()`, field_alias.py) is allowed, its assignments added to late: p is
    always &x, so `p.f = v` is `x.f = v` standing there, a write the caller orders as any other.
    """
    line = view.line(path, ident.start_byte)
    pointer = _pointer_defined(ident)
    if pointer is None:
        holder = _holder_defined(ident)
        if holder is not None:
            return _holder_outlives(view, path, name, holder, line, statements, decl, function)
        return f"the address of {name} is taken other than as a call argument or method receiver (line {line})"
    via, uses, passed = text(pointer).decode(), _local_uses(view, path, pointer), []
    if uses is None:
        return f"cannot resolve the declaration of {via}, the address of {name} (line {line})"
    types, said = view.types, f"{via}, the address of {name} (line {line}),"
    for use, node, where in uses:
        if owner(node) != function:  # the literal may run, or keep p, at any later time
            return f"{said} is used in a func literal (line {where})"
        if use.use != Use.READ:
            return f"{said} is assigned or its address taken (line {where})"
        if any(_observed_writes(s, decl, function, [use]) for s in statements):
            field = field_alias.value_field(types, path, node) if late is not None else None
            if field is None:
                return f"{said} is used at or after the statement making the closure (line {where})"
            late.extend([use] if field_alias.assigned(field) else [])
            continue
        if _pointer_call(node) is not None:
            passed.append(use)
        elif not _through(types, path, node):
            return f"{said} is used other than to read or write through it or pass it to a call (line {where})"
    return _address_outlives(view, path, f"{name} (through {via})", passed, statements, decl, function, _pointer_call)


def _local_uses(view: PackageView, path: str, name: Node) -> list[tuple[Ident, Node, int]] | None:
    """Each use of the local variable the identifier declares (go/types identity), with its node and line; None when
    go/types does not describe it as a variable declared there."""
    types = types_or_reason(view)
    found = types.at(path, name.start_byte) if not isinstance(types, str) else None
    if found is None or found.use != Use.DECL or found.obj is None or found.kind != Kind.VAR:
        return None
    root = view.tree(path).root_node
    return [
        (use, root.named_descendant_for_byte_range(use.start, use.end), view.line(path, use.start))
        for use in types.uses(path, found.obj)
    ]


def _holder_defined(ident: Node) -> Node | None:
    """v of `v := T{cfg: &ident}` (the address an element of composite literals, nested or not, the outermost of
    which is the statement's one value), the statement's one name."""
    found = _outer_literal(ident)
    if found is None or found[1].type != "expression_list" or found[1].parent.type != "short_var_declaration":
        return None
    literal, up = found
    if items(up) != [literal]:  # the statement's one value (a literal is never on the left), so its one name
        return None
    return items(up.parent.child_by_field_name("left"))[0]


def _holder_outlives(view, path, name, holder: Node, line: int, statements, decl, function) -> str | None:
    """Why v of `v := T{cfg: &x}` may still reach x once a closure statement runs, or None.

    None when v is a local whose every use is in the function's own code, before every statement (not in a
    loop around one), as a method's receiver or a call's argument (`v.check()`, `v.warn()`, `audit(v)`; never
    copied, assigned, selected as a value or returned), and each call keeps nothing reachable from what it is
    given (retention, contents included: &x sits inside v, or inside what &v points to). Then v and every value
    holding &x are dead at the statement, every write through them came before, and the copy sees them all."""
    via, uses, passed = text(holder).decode(), _local_uses(view, path, holder), []
    if uses is None:
        return f"cannot resolve the declaration of {via}, which holds the address of {name}"
    said = f"{via}, which holds the address of {name} (line {line}),"
    for use, node, where in uses:
        if owner(node) != function:
            return f"{said} is used in a func literal (line {where})"
        if any(_observed_writes(s, decl, function, [use]) for s in statements):
            return f"{said} is used at or after the statement making the closure (line {where})"
        if _pointer_call(node) is None:
            return f"{said} is used other than as a method's receiver or a call's argument (line {where})"
        passed.append(use)
    return _address_outlives(
        view, path, f"{name} (through {via})", passed, statements, decl, function, _pointer_call, contents=True
    )


def _through(types: TypeInfo, path: str, ident: Node) -> bool:
    """Is the pointer ident only dereferenced as a value: `*p` (read or assigned), an element `(*p)[k]`
    of what it points to (not sliced, addressed or a method's receiver), or `p.f` for a field f?"""
    star = ident.parent
    if star.type != "unary_expression" or star.child(0).type != "*":
        return field_alias.value_field(types, path, ident) is not None
    while star.parent.type == "parenthesized_expression":
        star = star.parent
    if star.parent.type == "index_expression" and star.parent.child_by_field_name("operand") == star:
        star = star.parent
    return star.parent.type in field_alias.VALUE_CONTEXTS


def _copy_leaves(view: PackageView, path: str, uses: list[Ident]) -> str | None:
    """Why a goroutine's own copy would not stay on its stack, or None: each address of it its body takes
    (owned_copies.py allows no other) must be the argument or receiver of a call the compiler says keeps nothing of
    it, under every toolchain of the run (parameters.compiler_keeps). Not retention.py's answer: that clears an
    io.Writer's Write by its contract and the package's own leaking function by its body (where go/types describes
    it, which depends on what else the run asks), and the compiler moves the copy to the heap all the same. Not an
    interface method's, which the compiler cannot follow; a call that finishes there or is deferred outside any loop
    (`defer st.report(out)`: its record is on the goroutine's stack and runs on the copy as the goroutine exits; not
    a go call)."""
    root = view.tree(path).root_node
    for use in (u for u in uses if u.use == Use.ADDR):
        found = _address_call(root.named_descendant_for_byte_range(use.start, use.end))
        line = view.line(path, use.start)
        if found is None:
            return f"its address is taken other than as a call argument or method receiver (line {line})"
        shown = callees.shown(found[0])
        if found[0].parent.type == "go_statement" or _looped_defer(found[0]):
            return f"its address goes to {shown}, a go call or a defer that may run more than once (line {line})"
        key = callees.callee(view, path, found[0], every_build=found[1] != retention.RECEIVER)
        # `remember(hdr[:])` to an `any` boxes the slice: its pointer into the copy is the box's content, which
        # `leaking param content: v` keeps (as _address_outlives judges a sliced argument)
        given = items(found[0].child_by_field_name("arguments"))[found[1]] if found[1] != retention.RECEIVER else None
        sliced = given is not None and given.type == "slice_expression"
        said = key if isinstance(key, str) else parameters.compiler_keeps(view.parameters, key, found[1], sliced)
        if said:
            return f"its address goes to {shown}, {said} (line {line})"
    return None


def _looped_defer(call: Node) -> bool:
    """Is the call deferred where its literal may run the defer statement more than once: in a loop, or in a body
    with a goto? The compiler puts such a defer's record, and the address it holds, on the heap."""
    if call.parent.type != "defer_statement":
        return False
    literal = next(a for a in ancestors(call) if a.type == "func_literal")
    looped = any(a.type == "for_statement" for a in ancestors_below(call, literal))
    return looped or first_of(literal, ("goto_statement",)) is not None


def _address_call(ident: Node) -> tuple[Node, int] | None:
    """(call, argument index or retention.RECEIVER) where the address of ident is passed: `f(&x)`,
    `f(&x.field)`, `x.M()` or `x.field.M()` with a pointer receiver, or an array sliced as the argument
    (`f(x[:])`, `copy(x.id[:8], b)`: the slice points into x); None for any other address use."""
    expr = ident
    while expr.parent.type == "selector_expression" and expr.parent.child_by_field_name("operand") == expr:
        selector = expr.parent
        if selector.parent.type == "call_expression" and selector.parent.child_by_field_name("function") == selector:
            return selector.parent, retention.RECEIVER
        expr = selector
    sliced = expr.parent
    if sliced.type == "slice_expression" and sliced.child_by_field_name("operand") == expr:
        if sliced.parent.type == "argument_list" and sliced.parent.parent.type == "call_expression":
            return sliced.parent.parent, items(sliced.parent).index(sliced)
        return None
    unary = expr.parent
    if address_operand(unary) is None or unary.parent.type != "argument_list":
        return None
    arguments = items(unary.parent)
    return unary.parent.parent, arguments.index(unary)


def _observed_writes(stmt: Node, decl: Node, function: Node, writes: list[Ident]) -> list[Ident]:
    """The writes a func literal started at stmt could see: at or after it, or in a loop around it."""
    loops = [a for a in ancestors(stmt) if contains(function, a) and a.type in LOOPS and not contains(a, decl)]
    return [
        w
        for w in writes
        if w.start >= stmt.start_byte or any(loop.start_byte <= w.start < loop.end_byte for loop in loops)
    ]


def _redeclares(decl: Node, stmt: Node) -> bool:
    """Would `x := x` just before the statement declare x again in the scope that declares it?

    Parameters live in the function body's scope, select receive variables in their case's;
    for/if/switch header variables have a scope of their own around the block, so a copy
    anywhere inside is a legal shadow.
    """
    node = decl.parent
    while node is not None:
        if node.type == "parameter_list":
            return stmt.parent.parent == owner(decl).child_by_field_name("body")
        if node.type == "statement_list":
            return stmt.parent == node
        if node.type == "communication_case":
            return stmt.parent.parent == node
        if node.type == "type_switch_statement":
            return stmt.parent.parent.parent == node
        if node.type in ("for_clause", "range_clause", "if_statement", "expression_switch_statement"):
            return False
        node = node.parent
    return False


def _block_to_end(view, path: str, stmt, statements, decl: Ident, name: str, writes: list[Ident]) -> int | str:
    """Where the copy's block may close when the statement making the closure declares names: at the end
    of its statement list, so the names stay in scope for the code after it (`{ opts := opts; call :=
    func…; go call(a); …; return r }`); else why not, as a clause of the decline. Sound where nothing from
    the statement to that end writes x (no write, no address, no later declaration of the name): the copy
    and x then hold one value while the block runs, so code reading the copy there reads what it read of
    x, and a write after the block (one the happens-before proof ordered after the goroutine's reads)
    still reaches x. Not for a named result (a bare return does not compile where a copy shadows it),
    before a closing `fallthrough` (it must end its case clause), or where another statement making a
    closure follows in that list (its own copy point)."""
    if decl.kind == Kind.RESULT:
        return f", and {name} is a named result, which a bare return cannot name under a copy"
    if _declared_later(stmt, name) or any(
        s.end_byte > stmt.start_byte and s.start_byte != stmt.start_byte for s in statements
    ):
        return ""
    last = [s for s in stmt.parent.named_children if s.type != "comment"][-1]
    if last.type == "fallthrough_statement":
        return ", and its case clause ends with fallthrough, which a block cannot hold"
    written = next((w for w in writes if stmt.start_byte <= w.start < last.end_byte), None)
    if written is not None:
        return (
            f", and {name} is written at line {view.line(path, written.start)}, before the end of their block: a "
            "block reaching there would give that write to the copy"
        )
    return last.end_byte


def _declared_later(stmt: Node, name: str) -> bool:
    """Does a later statement of stmt's block declare name (`name, ok := …`, `var name …`)? Beside a
    copy in that block, that `:=` would assign the copy the literal reads, and a `var` not compile."""
    later = stmt.next_named_sibling
    while later is not None:
        if later.type == "short_var_declaration":
            names = later.child_by_field_name("left").named_children
        elif later.type in DECLARING:
            names = [
                n for spec in walk(later) if spec.type.endswith("_spec") for n in spec.children_by_field_name("name")
            ]
        else:
            names = []
        if any(n.text == name.encode() for n in names):
            return True
        later = later.next_named_sibling
    return False


def _copy_fixes(view: PackageView, path: str, captures: list[Capture]) -> list[Proposal]:
    """One Fix per group of captures that share a statement: their copies go in together, with the owned copies
    first in a literal the group copies a variable first in too (both insert at its `{`: as two fixes one would
    wait a run)."""
    firsts = {brace for c in captures if c.inside < 0 for brace in c.firsts}
    joining = [c for c in captures if c.inside in firsts]
    proposals = _owned_fixes(view, path, [c for c in captures if c.inside >= 0 and c not in joining])
    clashing = field_copies.clashing(
        [(c.decl, declaration_range(c.statements[0]), c.fields) for c in captures if c.fields]
    )
    for c in captures:  # `a.bC` and `aB.c`: one copy would shadow the other where a literal reads both
        if c.decl in clashing:
            taken = ", ".join(f.local for f in c.fields)
            reason = f"another variable's field copies would take a name of {c.name}'s ({taken}) in the function"
            proposals.append(Declined(NAME, c.escape, reason))
    captures = [c for c in captures if c.decl not in clashing]
    groups: list[list[Capture]] = []
    for capture in sorted((c for c in captures if c.inside < 0), key=lambda c: c.decl):
        starts = {stmt.start_byte for stmt in capture.statements}
        joined = [g for g in groups if starts & {stmt.start_byte for c in g for stmt in c.statements}]
        merged = sorted([capture] + [c for g in joined for c in g], key=lambda c: c.decl)
        groups = [g for g in groups if g not in joined] + [merged]
    source = view.sources[path]
    for group in groups:
        copies: dict[int, list[Capture]] = {}
        ends: dict[int, int] = {}  # copy point -> where its new block closes, for copies that need one
        for capture in group:
            for stmt in _copy_points(capture.statements, capture.block):
                at = _leading_comments(view.tree(path).root_node, source, stmt.start_byte)
                copies.setdefault(at, []).append(capture)
                if capture.block:
                    ends[at] = _line_end(source, dict(capture.ends).get(stmt.start_byte, stmt.end_byte))
        edits = []
        for at, copied in sorted(copies.items()):
            indent = source[source.rfind(b"\n", 0, at) + 1 : at]
            opening = b"{\n" + indent if at in ends else b""
            edits.append(Edit(path, at, at, opening + _copy_text(source, at, copied)))
            if at in ends:
                edits.append(Edit(path, ends[at], ends[at], b"\n" + indent + b"}"))
        edits.extend(Edit(path, at, at + 1, b"") for c in group for at in c.derefs)
        edits.extend(Edit(path, s, e, f.local.encode()) for c in group for f in c.fields for s, e in f.spans)
        braces = {brace for c in group for brace in c.firsts}
        owned = sorted((c for c in joining if c.inside in braces), key=lambda c: c.decl)
        lines: dict[int, list[str]] = {brace: [] for brace in sorted(braces)}
        for c in owned:
            lines[c.inside].append(_owned_line(c))
        for c in group:
            for brace in c.firsts:
                readers = "its local pointers" if c.pointers else "the calls given its address" if c.passed else ""
                readers = readers or "its pointer methods"
                lines[brace].append(f"{c.name} := {c.name} // read once: {readers} only read it")
        edits.extend(_first_in_body(source, path, brace, copies) for brace, copies in lines.items())
        edits = tuple(sorted(edits, key=lambda e: e.start))
        names = ", ".join(_copied(c) for c in group)
        what = "the range loop's body" if all(c.body for c in group) else "the func literal"
        summary = f"copy {names} before {what} captures it"
        read = ", ".join(c.name for c in group if c.firsts)
        kinds = {_readers(c) for c in group if c.firsts}
        readers = kinds.pop() if len(kinds) == 1 else "the calls and pointers that only read through their addresses"
        summary += f", and {read} first in it for {readers}" if read else ""
        summary += f", and {', '.join(c.name for c in owned)} first in the goroutine that writes it" if owned else ""
        proposals.append(Fix(NAME, edits, tuple(c.escape for c in group + owned), summary))
    return proposals


def _owned_fixes(view: PackageView, path: str, captures: list[Capture]) -> list[Proposal]:
    """One Fix per goroutine literal: the copies of the variables it alone uses go first in its body, on lines
    of their own after the `{` (and a comment ending its line)."""
    by_literal: dict[int, list[Capture]] = {}
    for capture in sorted(captures, key=lambda c: c.decl):
        by_literal.setdefault(capture.inside, []).append(capture)
    source = view.sources[path]
    proposals: list[Proposal] = []
    for brace, group in sorted(by_literal.items()):
        lines = [_owned_line(c) for c in group]
        names = ", ".join(c.name for c in group)
        summary = f"copy {names} first in the goroutine that writes it"
        proposals.append(
            Fix(NAME, (_first_in_body(source, path, brace, lines),), tuple(c.escape for c in group), summary)
        )
    return proposals


def _owned_line(capture: Capture) -> str:
    return f"{capture.name} := {capture.name} // the goroutine's own copy: keeps {capture.name} off the heap"


def _first_in_body(source: bytes, path: str, brace: int, lines: list[str]) -> Edit:
    """The lines, first in the body whose `{` is at brace, each on a line of its own after the `{` (and a comment
    ending its line)."""
    at = _line_end(source, brace)
    indent = b"\n" + _indent(source, brace) + b"\t"
    copies = b"".join(indent + line.encode() for line in lines)
    follows = source[at : source.find(b"\n", at) if b"\n" in source[at:] else len(source)].strip()
    rest = indent if follows else b""  # code follows the `{` on its line: it goes on the next
    spaces = len(source[at:]) - len(source[at:].lstrip(b" \t")) if follows else 0
    return Edit(path, at, at + spaces, copies + rest)


def _indent(source: bytes, at: int) -> bytes:
    line = source[source.rfind(b"\n", 0, at) + 1 : at]
    return line[: len(line) - len(line.lstrip(b"\t "))]


def _copy_points(statements: tuple[Node, ...], block: bool) -> list[Node]:
    """The statements that need a copy before them: not those a copy earlier in an enclosing block
    covers — the rest of that block, or, for a copy in a block of its own, only its one statement
    (`wg.Add(2); go a(); go b()`: each go statement gets its block)."""
    points: list[Node] = []
    for stmt in sorted(statements, key=lambda s: s.start_byte):
        if not any(contains(p if block else p.parent, stmt) for p in points):
            points.append(stmt)
    return points


def _copy_text(source: bytes, at: int, copied: list[Capture]) -> bytes:
    indent = source[source.rfind(b"\n", 0, at) + 1 : at]
    lines = [
        (local, value, c.keeps or c.name)
        for c in copied
        for local, value in ([(f.local, f"{c.name}.{f.field}") for f in c.fields] or [(c.name, c.value or c.name)])
    ]
    return b"".join(
        f"{local} := {value} // captured by value: keeps {keeps} off the heap\n".encode() + indent
        for local, value, keeps in lines
    )


def _copied(capture: Capture) -> str:
    """What a capture's copies copy, for a fix's summary: `x`, `*p`, or `cfg.Host, cfg.Port`."""
    return ", ".join(f"{capture.name}.{f.field}" for f in capture.fields) or capture.value or capture.name


def _leading_comments(root: Node, source: bytes, at: int) -> int:
    """Where the `//` comment lines directly above a statement start (they document it), else `at`.

    A line is a comment only where the syntax tree has a comment node: the second line of a raw
    string may start with `//` too, and a copy there would land inside the string.
    """
    while True:
        line_start = source.rfind(b"\n", 0, at) + 1
        prev_start = source.rfind(b"\n", 0, max(line_start - 1, 0)) + 1
        line = source[prev_start : line_start - 1]
        if line_start == 0 or not line.strip().startswith(b"//"):
            return at
        start = prev_start + len(line) - len(line.lstrip())
        if root.descendant_for_byte_range(start, start + 2).type != "comment":
            return at
        at = start


def _line_end(source: bytes, at: int) -> int:
    """The end of the line at `at` when only a comment follows there (it stays with the statement), else `at`."""
    end = source.find(b"\n", at)
    end = len(source) if end < 0 else end
    rest = source[at:end].strip()
    return end if not rest or rest.startswith(b"//") else at


def _starts_line(source: bytes, node: Node) -> bool:
    return source[source.rfind(b"\n", 0, node.start_byte) + 1 : node.start_byte].strip() == b""


# --- closure factories: f(a)(b) becomes f(a, b) ------------------------------------------


def _factory_fix(view: PackageView, escape: Escape, literal: Node) -> Proposal:
    fn = _shapes(view, escape.path).factories[literal.start_byte]
    name = text(fn.child_by_field_name("name")).decode()
    problem = _factory_problem(view, escape, fn, literal, name)
    if problem:
        return Declined(NAME, escape, problem)
    ret = literal.parent.parent
    setup = [s for s in ret.parent.named_children if s != ret and s.type != "comment"]
    calls, problem = _immediate_calls(view, name, fn, simple_args=bool(setup))
    if problem:
        return Declined(NAME, escape, problem)
    outer = fn.child_by_field_name("parameters")
    inner = literal.child_by_field_name("parameters")
    result = literal.child_by_field_name("result")
    body = literal.child_by_field_name("body")
    joined = b", ".join(x for x in (_list_inner(outer), _list_inner(inner)) if x)
    signature = b"(" + joined + b")" + (b" " + text(result) if result is not None else b"") + b" "
    source = view.sources[escape.path]
    edits = [
        Edit(escape.path, outer.start_byte, fn.child_by_field_name("body").start_byte, signature),
        Edit(escape.path, ret.start_byte, ret.end_byte, source[body.start_byte + 1 : body.end_byte - 1].strip()),
    ]
    edits += [_merge_call(path, call) for path, call in calls]
    summary = f"turn the closure factory {name} into one function: {name}(a)(b) becomes {name}(a, b)"
    # Unsafe: it changes a function's signature, which a //go:linkname elsewhere, assembly or a
    # doc comment ("returns a function") may rely on; gorewrite cannot see all of those.
    return Fix(NAME, tuple(edits), (escape,), summary, safety="unsafe")


def _factory_screen(view: PackageView, escape: Escape, fn: Node) -> str | None:
    """Why the factory is left alone, where its name, syntax and the compiler's messages tell."""
    name = text(fn.child_by_field_name("name")).decode()
    if name[0].isupper():  # the literal escapes because it is returned: only the flattening would cure that
        return (
            f"the func literal escapes because {name} returns it, and {name} is exported: flattening "
            f"{name}(a)(b) into one function would change its signature for callers in other packages"
        )
    if fn.child_by_field_name("type_parameters") is not None:
        return f"{name} is generic"
    if any(e.message == f"can inline {name}" for e in view.escapes if e.path == escape.path):
        return f"the compiler inlines {name}, so its closure is not allocated where it is called"
    return None


def _factory_problem(view: PackageView, escape: Escape, fn: Node, literal: Node, name: str) -> str | None:
    """Why folding the func literal into its factory could change what the program does."""
    screened = _factory_screen(view, escape, fn)
    if screened:
        return screened
    outer = fn.child_by_field_name("parameters")
    inner = literal.child_by_field_name("parameters")
    if any(p.type == "variadic_parameter_declaration" for p in outer.named_children):
        return f"{name} is variadic"
    for params in (outer, inner):
        if any(
            p.type == "parameter_declaration" and p.child_by_field_name("name") is None for p in params.named_children
        ):
            return f"{name} or its func literal has unnamed parameters"
    ret = literal.parent.parent
    setup = [s for s in ret.parent.named_children if s != ret]
    if any(_contains_type(s, ("return_statement", "defer_statement", "labeled_statement")) for s in setup):
        return f"the body of {name} returns, defers or jumps before its func literal"
    names = [
        _param_names(outer),
        _param_names(inner),
        declared(setup),
        declared(literal.child_by_field_name("body").named_children),
    ]
    seen: set[bytes] = set()
    for group in names:
        if (group & seen) - {b"_"}:
            return f"merging {name} and its func literal would declare {sorted(group & seen)[0].decode()} twice"
        seen |= group
    result = literal.child_by_field_name("result")
    bound = names[1] | (_param_names(result) if result is not None and result.type == "parameter_list" else set())
    names_used = ("identifier", "type_identifier", "package_identifier")
    used = {text(n) for s in setup for n in walk(s) if n.type in names_used}
    shadowed = sorted(bound & used - {b"_"})
    if shadowed:
        return (
            f"the func literal's {shadowed[0].decode()} would be in scope in the setup code of {name}, "
            "which names another one"
        )
    signature_end = fn.child_by_field_name("body").start_byte
    if _has_comment(fn, outer.start_byte, signature_end) or _has_comment(
        ret, ret.start_byte, ret.end_byte, skip=literal.child_by_field_name("body")
    ):
        return f"a comment in the signature or return statement of {name} would be lost"
    return None


def _immediate_calls(
    view: PackageView, name: str, fn: Node, simple_args: bool
) -> tuple[list[tuple[str, Node]], str | None]:
    """Every use of the name in the package directory, each an immediate call f(a)(b), or why not.

    With setup code before the factory's return, f(a) used to run before b was evaluated; after
    the merge it runs after, so b must be free of effects: identifiers and literals only.
    """
    calls = []
    needle = name.encode()
    for path, source in sorted(view.sources.items()):
        if needle not in source:
            continue
        tree = view.tree(path)
        if tree.root_node.has_error:
            return [], f"{_base(path)} has syntax tree-sitter-go cannot parse"
        for node in walk(tree.root_node):
            if node.type != "identifier" or node.text != needle or node == fn.child_by_field_name("name"):
                continue
            first = node.parent
            outer = first.parent if first is not None else None
            if (
                first.type != "call_expression"
                or outer is None
                or outer.type != "call_expression"
                or outer.child_by_field_name("function") != first
            ):
                return (
                    [],
                    f"{name} is used other than as an immediate call {name}(a)(b) "
                    f"({_base(path)}:{node.start_point.row + 1})",
                )
            if simple_args:
                problem = _order_problem(outer)
                if problem:
                    return [], f"{name}(a)(b) at {_base(path)}:{node.start_point.row + 1}: {problem}"
            if path not in view.package.rewritable:
                return (
                    [],
                    f"{name} is called from {_base(path)}, which gorewrite does not rewrite "
                    "(test, generated, excluded by build tags or not named)",
                )
            calls.append((path, outer))
    return calls, None


def _order_problem(outer: Node) -> str | None:
    """Why running the factory's setup after evaluating b (not before) could be observed, if it could.

    b must be a literal, or a parameter or range variable of the calling function that nothing
    else can reach: its address is never taken, no func literal mentions it, no method is called
    on it. And the call must not be started by go/defer, which would move the setup with it.
    """
    if outer.parent is not None and outer.parent.type in ("go_statement", "defer_statement"):
        return "go/defer would move the factory's setup code into the new goroutine or to function exit"
    caller = owner(outer)
    for arg in call_args(outer):
        if arg.type in SIMPLE and arg.type != "identifier":
            continue
        if arg.type != "identifier" or caller is None or not _private_local(caller, outer, arg.text):
            return f"{text(arg).decode()} is evaluated before the factory's setup code instead of after it"
    return None


def _private_local(caller: Node, call: Node, name: bytes) -> bool:
    """Is `name` a parameter or enclosing range variable of the caller that only the caller touches?"""
    declared = []
    for node in walk(caller):
        if node.type == "func_literal" and node != caller and mentions(node, name):
            return False
        if (
            node.type == "unary_expression"
            and node.child(0).type == "&"
            and _root_name(node.child_by_field_name("operand")) == name
        ):
            return False
        if node.type == "call_expression":
            function = node.child_by_field_name("function")
            if function.type == "selector_expression" and _root_name(function.child_by_field_name("operand")) == name:
                return False
        if node.type == "identifier" and node.text == name and _declares(node):
            declared.append(node)
    if len(declared) != 1:
        return False
    decl = declared[0]
    if enclosing(decl, "parameter_list") is not None and owner(decl) == caller:
        return True
    loop = enclosing(decl, "range_clause")
    return loop is not None and contains(loop.parent, call)


def _declares(ident: Node) -> bool:
    parent = ident.parent
    if parent.type in ("parameter_declaration", "variadic_parameter_declaration", "var_spec", "const_spec"):
        return parent.child_by_field_name("name") == ident or ident in parent.children_by_field_name("name")
    holder = parent.parent if parent.type == "expression_list" else None
    return (
        holder is not None
        and holder.type in ("short_var_declaration", "range_clause")
        and holder.child_by_field_name("left") == parent
    )


def _root_name(node: Node | None) -> bytes | None:
    while node is not None and node.type in (
        "selector_expression",
        "index_expression",
        "slice_expression",
        "parenthesized_expression",
    ):
        node = node.child_by_field_name("operand") or node.named_children[0]
    return node.text if node is not None and node.type == "identifier" else None


def _merge_call(path: str, outer: Node) -> Edit:
    """f(a)(b) -> f(a, b): replace `)(` between the two argument lists, keeping everything else."""
    first_args = outer.child_by_field_name("function").child_by_field_name("arguments")
    second_args = outer.child_by_field_name("arguments")
    close = first_args.children[-1].start_byte
    before = first_args.children[-2] if len(first_args.children) > 2 else None
    if before is not None and before.type == ",":
        close = before.start_byte
    both = first_args.named_child_count and second_args.named_child_count
    return Edit(path, close, second_args.start_byte + 1, b", " if both else b"")


def _list_inner(params: Node) -> bytes:
    return b", ".join(text(p) for p in params.named_children if p.type != "comment")


def _param_names(params: Node) -> set[bytes]:
    return {text(n) for p in params.named_children for n in p.children_by_field_name("name")}


def _has_comment(node: Node, start: int, end: int, skip: Node | None = None) -> bool:
    """Is there a comment within [start, end) of the node, outside `skip`?"""
    outside = lambda n: n == skip or n.end_byte <= start or n.start_byte >= end  # noqa: E731
    return any(n.type == "comment" and not outside(n) for n in walk(node, skip=outside, named=False))


# --- func literal tables: forwarding literals become method expressions -----------------


def _table_of(literal: Node) -> Node | None:
    """The map, slice or array literal whose element value the func literal (or method value) is: `{"a": func() {…}}`,
    `{func() {…}}`, `{"a": s.get}`."""
    element = literal.parent
    if element is None or element.type != "literal_element":
        return None
    holder = element.parent
    if holder.type == "keyed_element":
        if holder.child_by_field_name("value") != element:
            return None
        holder = holder.parent
    if holder.type != "literal_value" or holder.parent.type != "composite_literal":
        return None
    return holder.parent if _element_type(holder.parent) is not None else None


@dataclass(frozen=True)
class Forward:
    """A func literal that only calls `recv.method(its own parameters)`, or the method value `recv.method`."""

    literal: Node
    receiver: Node  # the identifier before the dot
    method: Node  # the field_identifier after it
    bound: bool = False  # a method value: it binds the receiver where the table is made, not where it is called


def _method_value(view: PackageView, escape: Escape) -> Node | None:
    """The selector `recv.m` the compiler reports escaping (`s.get escapes to heap`) when it is a table's element
    value; go/types says later whether it is a method value (a field of func type or a boxed field is declined)."""
    selector = _escaping_selector(view, escape)
    return selector if selector is not None and _table_of(selector) is not None else None


def _bound_value(view: PackageView, escape: Escape) -> Node | None:
    """The selector `recv.m` the compiler reports escaping when it is the one value of `v := recv.m`
    (bound_receivers.py)."""
    selector = _escaping_selector(view, escape)
    return selector if selector is not None and bound_receivers.bound_local(selector) is not None else None


def _bound_fix(view: PackageView, escape: Escape, selector: Node) -> Proposal:
    """Calls through a copy of the receiver a method value saves, or why not."""
    found = bound_receivers.edits(view, escape.path, selector)
    if isinstance(found, str):
        return Declined(NAME, escape, found)
    name, edits, literals = found
    source, shown = view.sources[escape.path], text(selector).decode()
    line = f"{name} := {name} // read once: its pointer methods only read it"
    braces = [literal.child_by_field_name("body").start_byte + 1 for literal in literals]
    firsts = [_first_in_body(source, escape.path, brace, [line]) for brace in braces]
    edits = tuple(sorted(edits + firsts, key=lambda e: e.start))
    summary = f"call {shown}'s method through {name}, the receiver copy it saves"
    return Fix(NAME, edits, (escape,), summary + (f", and {name} first in each literal calling it" if firsts else ""))


def _escaping_selector(view: PackageView, escape: Escape) -> Node | None:
    """The selector `recv.m` of an identifier the compiler reports escaping (`s.get escapes to heap`)."""
    match = METHOD_VALUE.match(escape.message)
    selector = node_at(view, escape) if match else None  # the compiler points at the dot, or at the operand
    if selector is not None and selector.type == "identifier":
        selector = selector.parent
    if selector is None or selector.type != "selector_expression":
        return None
    operand, field = selector.child_by_field_name("operand"), selector.child_by_field_name("field")
    if operand.type != "identifier" or (text(operand), text(field)) != (match[1].encode(), match[2].encode()):
        return None
    return selector


def _table_fix(view: PackageView, escapes: list[Escape], table: Node) -> list[Proposal]:
    """Method expressions for a table of forwarding func literals, or why not (one Declined per literal)."""
    found = _table_edits(view, escapes[0].path, table)
    if isinstance(found, str):
        return [Declined(NAME, e, found) for e in escapes]
    name, edits = found
    summary = f"store method expressions in {name}, passing the receiver where its elements are called"
    return [Fix(NAME, tuple(edits), tuple(escapes), summary)]


def _table_edits(view: PackageView, path: str, table: Node) -> tuple[str, list[Edit]] | str:
    """(the table's name, the edits) when every literal forwards and the table is only called; else why not."""
    types = types_or_reason(view)
    if isinstance(types, str):
        return types
    line = view.line(path, table.start_byte)
    element = _element_type(table)
    if element is None or element.type not in ("function_type", *NAMED_TYPES):
        return f"the table at line {line} does not spell its elements' type as a func type or a type's name"
    decl = _table_variable(table)
    if decl is None:
        return f"the table of func literals at line {line} is not assigned to a local variable of its own"
    forwards = []
    for value in table.child_by_field_name("body").named_children:
        value = value.child_by_field_name("value") if value.type == "keyed_element" else value
        if value is None or value.type == "comment":
            continue
        forward = _forward(value.named_children[0] if value.named_child_count == 1 else value) or _bound(value)
        if forward is None:
            where = view.line(path, value.start_byte)
            return (
                "the table is rewritten whole, and "
                f"the table element at line {where} does more than call a method of a captured variable"
            )
        forwards.append(forward)
    receiver = {text(f.receiver) for f in forwards}
    if len(receiver) != 1:
        return f"the func literals in the table at line {line} call methods of different variables"
    function = owner(table)
    recv = types.at(path, forwards[0].receiver.start_byte)
    if recv is None or recv.obj is None or not recv.local or recv.kind not in (Kind.VAR, Kind.PARAM) or not recv.type:
        return f"{receiver.pop()} is not a local variable whose type gorewrite can spell"
    copied = _pointee_table_copy(view, path, types, recv, forwards, table)
    pointee = copied.pointee if copied is not None else None
    expressions = []
    for f in forwards:
        method = _method_expression(view, path, types, recv, f, element, pointee)
        if isinstance(method, str):
            return method
        expressions.append(Edit(path, f.literal.start_byte, f.literal.end_byte, method))
    problem = None if copied is not None else _receiver_varies(view, path, types, recv, table, function)
    if not problem and copied is None and any(f.bound for f in forwards):
        problem = _rebound(view, path, types, recv, function)
    if problem:
        return problem
    variable = types.at(path, decl.start_byte)
    calls = _element_calls(view, path, types, variable, function)
    if isinstance(calls, str):
        return calls
    receiver_type = pointee or recv.type
    if element.type in NAMED_TYPES:
        spelled = _receiver_first(view, path, types, receiver_type, forwards[0])
        if spelled is None:
            return f"the table's element type {text(element).decode()} cannot be spelled as a func type here"
        edits = [Edit(path, element.start_byte, element.end_byte, spelled.encode()), *expressions]
    else:
        params = element.child_by_field_name("parameters")
        named = any(p.child_by_field_name("name") is not None for p in params.named_children)
        first = ("_ " if named else "") + receiver_type
        edits = [_first_argument(path, params, first), *expressions]
    passed = copied.name if copied is not None else recv.name
    edits += [_first_argument(path, call.child_by_field_name("arguments") or call, passed) for call in calls]
    if copied is not None:
        edits.append(copied.edit)
    return text(decl).decode(), edits


# What a table's literal may evaluate before an element, so that a copy made before its statement is not made at
# the method values' point: a call (which may write *c), a receive, a dereference, an index or a division (which
# may panic first, with another value for a recover to see). Literals, names and selectors are evaluated as is.
EVALUATED_FIRST = (
    "call_expression",
    "unary_expression",
    "binary_expression",
    "index_expression",
    "slice_expression",
    "type_assertion_expression",
)


@dataclass(frozen=True)
class PointeeCopy:
    """`cli := *c` before a table of method values `c.top` of value-receiver methods through the pointer c."""

    name: str  # the copy's, a name the function does not use
    pointee: str  # its type, as go/types spells *c's without the star
    edit: Edit  # the copy's statement, right before the table's


def _pointee_table_copy(
    view: PackageView, path: str, types: TypeInfo, recv: Ident, forwards: list[Forward], table: Node
) -> PointeeCopy | None:
    """The copy of *c that the table's method values bind, when every element is a method value `c.m` of a
    value-receiver method through the pointer c: `c.m` is `(*c).m` (the spec), whose receiver is evaluated and
    saved where the method value is, so each element holds a copy of *c made as the table is made. A copy right
    before the table's statement is made at that point (nothing in the table's literal calls, receives or may
    panic before an element is evaluated: EVALUATED_FIRST; a nil c panics at the copy as at the method value),
    never written and its address never taken (a name the function does not use), so method expressions `T.m`
    given it where an element is called read the value each method value held, whatever is written through c
    after. Its name is the table's with `Recv` (`limitsRecv`): another table's copy, proposed apart and applied
    with this one, may be declared in a block inside this table's scope, where it would shadow a copy of the same
    name for this table's calls there; only a table of the same name gets the same name, and it hides this table
    there too (each copy is declared right before its table). None where
    that is not so: a pointer receiver among the methods, a func literal, a pointer spelled without a star
    (`type Ref = *T`), a table in a statement's header. A receiver type holding a lock is copied by each method
    value already, and go vet reports its value-receiver methods (`passes lock by value`) before the copy too."""
    if not recv.type.startswith("*") or not all(f.bound for f in forwards):
        return None
    for f in forwards:
        method = types.at(path, f.method.start_byte)
        key = (view.package.import_path, method.recv, text(f.method).decode()) if method is not None else None
        found = callees.declaration(view, key) if key is not None and method.kind == Kind.METHOD else None
        receiver = found[1].child_by_field_name("receiver").named_children[0] if found is not None else None
        if receiver is None or unparen_type(receiver.child_by_field_name("type")).type == "pointer_type":
            return None
    statement = _table_statement(table)
    if statement is None or any(n.type in EVALUATED_FIRST for n in walk(table)):
        return None
    indent = indentation(view.sources[path], statement.start_byte)
    if not indent:
        return None
    pointee = recv.type[1:]
    name = fresh_local(owner(table), text(_table_variable(table)).decode() + "Recv")
    line = f"{name} := *{recv.name} // the receiver the table's method values copy\n".encode() + indent
    return PointeeCopy(name, pointee, Edit(path, statement.start_byte, statement.start_byte, line))


def _table_statement(table: Node) -> Node | None:
    """The statement `t := <table>` or `var t = <table>` (one spec) of a block, or None (an if's or for's header)."""
    holder = table.parent.parent
    if holder.type == "var_spec":
        holder = holder.parent
    if holder.type not in ("short_var_declaration", "var_declaration") or holder.named_child_count != (
        1 if holder.type == "var_declaration" else 2
    ):
        return None
    return holder if holder.parent.type in ("statement_list", "block") else None


def _receiver_first(view: PackageView, path: str, types: TypeInfo, receiver: str, forward: Forward) -> str | None:
    """A named func element type (`HandlerE`, `http.HandlerFunc`) spelled as its func type with the receiver first:
    go/types' spelling of the method's signature, valid at the table, which is the named type's own (a method value
    or a literal of the same signature is assignable to it only so), names kept as the method declares them."""
    method = types.at(path, forward.method.start_byte)
    if method is None or not method.type or not method.type.startswith("func("):
        return None
    decl = _method_declaration(view, method.recv, text(forward.method).decode())
    params = [p for p in decl.child_by_field_name("parameters").named_children if p.type != "comment"]
    first = ("_ " if any(p.child_by_field_name("name") is not None for p in params) else "") + receiver
    rest = method.type.removeprefix("func(")
    return f"func({first}{'' if rest.startswith(')') else ', '}{rest}"


def _element_type(table: Node) -> Node | None:
    kind = table.child_by_field_name("type")
    if kind is None or kind.type not in ("map_type", "slice_type", "array_type"):
        return None
    return kind.child_by_field_name("value" if kind.type == "map_type" else "element")


def _table_variable(table: Node) -> Node | None:
    """The identifier `t` of `t := <table>` or `var t = <table>`, the table's only value there."""
    values = table.parent
    if values.type != "expression_list" or values.named_child_count != 1:
        return None
    holder = values.parent
    if holder.type == "short_var_declaration":
        names = holder.child_by_field_name("left").named_children
    elif holder.type == "var_spec" and holder.child_by_field_name("type") is None:
        names = holder.children_by_field_name("name")
    else:
        return None
    return names[0] if len(names) == 1 and owner(holder) is not None else None


def _forward(literal: Node) -> Forward | None:
    """The call when the literal's body is only `recv.m(p1, …, pn)` or `return recv.m(p1, …, pn)`."""
    if literal.type != "func_literal":
        return None
    body = [s for s in literal.child_by_field_name("body").named_children if s.type != "comment"]
    statements = body[0].named_children if len(body) == 1 and body[0].type == "statement_list" else []
    if len(statements) != 1:
        return None
    statement = statements[0]
    call = statement.named_children[0] if statement.named_child_count == 1 else None
    if call is not None and call.type == "expression_list" and call.named_child_count == 1:
        call = call.named_children[0]
    if call is None or call.type != "call_expression" or statement.type not in FORWARDING:
        return None
    callee = call.child_by_field_name("function")
    if callee.type != "selector_expression" or callee.child_by_field_name("operand").type != "identifier":
        return None
    params = [
        n for p in literal.child_by_field_name("parameters").named_children for n in p.children_by_field_name("name")
    ]
    arguments = call.child_by_field_name("arguments")
    if [text(a) for a in arguments.named_children] != [text(p) for p in params] or b"..." in text(arguments):
        return None
    return Forward(literal, callee.child_by_field_name("operand"), callee.child_by_field_name("field"))


def _bound(value: Node) -> Forward | None:
    """The method value `recv.m` that is the element's whole value, as a Forward bound where the table is made."""
    node = value.named_children[0] if value.named_child_count == 1 else value
    operand = node.child_by_field_name("operand") if node.type == "selector_expression" else None
    if operand is None or operand.type != "identifier":
        return None
    return Forward(node, operand, node.child_by_field_name("field"), bound=True)


def _rebound(view: PackageView, path: str, types: TypeInfo, recv: Ident, function: Node) -> str | None:
    """Why a method value's receiver, bound where the table is made, could differ from the one the method
    expression is given where an element is called: a func literal may write it whenever it runs, including one
    made before the table and called after; the function declaring it may, concurrently or in a later iteration,
    while a literal making the table runs; and a goto may run a write again."""
    root = view.tree(path).root_node
    decl = next((i for i in types.idents[path] if i.obj == recv.obj and i.use == Use.DECL), None)
    if decl is None:  # _receiver_varies has declined it already
        return f"{recv.name} is not declared in this file"
    declaring = owner(root.named_descendant_for_byte_range(decl.start, decl.end))
    if declaring != function:  # a goroutine's table, say, while its spawner (or a shared loop variable) moves on
        return (
            f"{recv.name} is declared outside the func literal making the table: the function declaring it may "
            "write it while the literal runs, after the table is made"
        )
    for ident in types.idents[path]:
        if ident.obj == recv.obj and ident.use == Use.WRITE:
            if owner(root.named_descendant_for_byte_range(ident.start, ident.end)) != declaring:
                where = view.line(path, ident.start)
                return f"{recv.name} is written in a func literal (line {where}), which may run after the table is made"
    if uses_goto(function) or (declaring is not None and uses_goto(declaring)):
        return "the function uses goto: statement order is not execution order"
    return None


def _receiver_varies(
    view: PackageView, path: str, types: TypeInfo, recv: Ident, table: Node, function: Node
) -> str | None:
    """Why the captured receiver could hold another value where the table's elements are called."""
    for ident in types.idents[path]:
        if ident.obj == recv.obj and ident.use == Use.ADDR:
            return f"the address of {recv.name} is taken (line {view.line(path, ident.start)})"
        if ident.name == recv.name and ident.use == Use.DECL and ident.obj != recv.obj:
            if function.start_byte <= ident.start < function.end_byte:
                return f"another {recv.name} is declared in the function (line {view.line(path, ident.start)})"
    decl = next((i for i in types.idents[path] if i.obj == recv.obj and i.use == Use.DECL), None)
    if decl is None or table.start_byte <= decl.start < table.end_byte:
        return f"{recv.name} is not a variable the table's func literals capture"
    declared = view.tree(path).root_node.named_descendant_for_byte_range(decl.start, decl.end)
    writes = [i for i in types.idents[path] if i.obj == recv.obj and i.use == Use.WRITE]
    statement = _statement_of(table)
    written = _observed_writes(statement, declared, function, writes) if statement is not None else writes
    if written:
        return f"{recv.name} is written after the table is made (line {view.line(path, written[0].start)})"
    return None


def _method_expression(
    view: PackageView, path: str, types: TypeInfo, recv: Ident, forward: Forward, element: Node, pointee: str | None
) -> bytes | str:
    """`(*T).m` or `T.m` for the forwarded call (or method value), or why the element cannot become one; `T.m`
    given the copy of *recv (pointee: its type) for a value-receiver method bound through the pointer."""
    name = text(forward.method).decode()
    method = types.at(path, forward.method.start_byte)
    named = (recv.named or "").lstrip("*")
    if method is None or method.kind != Kind.METHOD or f"{method.pkg}.{method.recv}" != named:
        return f"{name} is not a method of {recv.name}'s own type"
    if method.pkg != view.package.import_path:  # its declaration is found by name: it must be this package's
        return f"{name} is a method of {method.pkg}.{method.recv}, a type another package declares"
    decl = _method_declaration(view, method.recv, name)
    if decl is None:
        return f"{name} is not declared in this package"
    other = callees.other_builds(view) if forward.bound else None
    if other is not None:  # there, a value receiver: the method value copies the receiver where the table is made
        return f"{other}, which another build compiles, may declare {name} with another receiver"
    kind = unparen_type(decl.child_by_field_name("receiver").named_children[0].child_by_field_name("type"))
    pointer = kind.type == "pointer_type"
    if pointer and not recv.pointer:  # `type Ref = *T` is one, spelled without a star
        return (
            f"{name} has a pointer receiver and {recv.name} is not a pointer: "
            f"the method expression would take &{recv.name}, which moves {recv.name} to the heap"
        )
    copied = pointee is not None and forward.bound and not pointer
    if forward.bound and not pointer and recv.pointer and not copied:  # `type Ref = *T` too
        return (
            f"{name} has a value receiver and {recv.name} is a pointer: the method value {recv.name}.{name} copies "
            f"*{recv.name} where the table is made, the method expression would read it where the element is called, "
            "and no copy of it made with the table can stand for it (a pointer receiver beside it, a call in the "
            "table, a pointer type spelled without a star)"
        )
    if recv.lock and not copied:  # each call would pass the value: vet's copylocks flags the argument
        return f"{recv.name} holds a lock ({recv.lock}): passing it to the method expression would make go vet fail"
    if forward.bound and element.type == "function_type" and _signature(decl) != _signature(element):
        return f"the table's element type differs from {name}'s signature as written"
    if not forward.bound and _signature(decl) != _signature(forward.literal):
        return f"the func literal's signature differs from {name}'s"
    if copied:
        return f"{pointee}.{name}".encode()
    return (f"({recv.type}).{name}" if recv.type.startswith("*") else f"{recv.type}.{name}").encode()


def _method_declaration(view: PackageView, receiver: str, name: str) -> Node | None:
    """The package's declaration of the method `receiver.name` (callees.declaration's, never a function)."""
    found = callees.declaration(view, (view.package.import_path, receiver, name)) if receiver else None
    return found[1] if found is not None else None


def _signature(function: Node) -> tuple[list[bytes], bytes]:
    """The parameter types, one per parameter, and the result, as written."""
    params = []
    for p in function.child_by_field_name("parameters").named_children:
        if p.type != "comment":
            kind = b" ".join(text(p.child_by_field_name("type")).split())
            params += [kind] * max(1, len(p.children_by_field_name("name")))
    result = function.child_by_field_name("result")
    return params, b" ".join(text(result).split()) if result is not None else b""


def _element_calls(view: PackageView, path: str, types: TypeInfo, table: Ident, function: Node) -> list[Node] | str:
    """The calls of the table's elements — `t[k](…)`, or `v(…)` after `v := t[k]` / `v, ok := t[k]`, v perhaps
    looked up again (`if !ok { v = t[fallback] }`) — when that and `len(t)` are all the function does with it;
    else why the table may leave or change."""
    calls = []
    elements, relooked = set(), {}  # element variables; those assigned a lookup again -> where
    root = view.tree(path).root_node
    for use in types.uses(path, table.obj):
        node = root.named_descendant_for_byte_range(use.start, use.end)
        line = view.line(path, use.start)
        if _capturing_literal(node, function) is not None:
            return f"{table.name} is used inside a func literal (line {line})"
        if use.use != Use.READ:
            return f"{table.name} is assigned to or its address taken (line {line})"
        parent = node.parent
        if parent.type == "return_statement" or parent.parent.type == "return_statement":
            return f"{table.name} is returned (line {line})"
        if parent.type == "argument_list" and builtins.called(types, path, parent.parent) == "len":
            continue  # the universe's: a `func len(any) int` of the package may keep the table or look inside it
        if parent.type == "generic_type" and parent.parent.type == "type_conversion_expression":
            calls.append(parent.parent)  # tree-sitter reads `t[k](v)` as an instantiation `T[K](v)`
            continue
        if parent.type != "index_expression" or parent.child_by_field_name("operand") != node:
            return f"{table.name} is used other than by calling its elements (line {line})"
        if parent.parent.type == "call_expression" and parent.parent.child_by_field_name("function") == parent:
            calls.append(parent.parent)
            continue
        if _blank_lookup(parent):
            continue
        got = _element_variable(types, path, parent)
        again = _relookup_variable(types, path, parent)
        if got is None and again is not None:
            relooked.setdefault(again.obj, line)
            continue
        if got is None:
            if _assigned(parent):
                return f"an element of {table.name} is replaced (line {line})"
            return f"an element of {table.name} is used other than by a call (line {line})"
        elements.add(got.obj)
        for v in types.uses(path, got.obj):
            vnode = root.named_descendant_for_byte_range(v.start, v.end)
            call = vnode.parent
            relooked_here = v.use == Use.WRITE and _relooked(types, path, vnode, table)
            in_literal = _capturing_literal(vnode, function) is not None
            if relooked_here and not in_literal:
                continue
            if v.use == Use.READ and merges.tests_nil(types, path, vnode, ("==", "!=")) and not in_literal:
                continue  # `if run == nil`: nil exactly when the lookup found no element, rewritten or not
            if (
                v.use != Use.READ
                or _capturing_literal(vnode, function) is not None
                or call.type != "call_expression"
                or call.child_by_field_name("function") != vnode
            ):
                where = view.line(path, v.start)
                return f"{got.name}, an element of {table.name}, is used other than by a call (line {where})"
            calls.append(call)
    for obj, line in relooked.items():
        if obj not in elements:
            return f"an element of {table.name} is assigned to a variable no lookup declares (line {line})"
    return calls


def _relookup_variable(types: TypeInfo, path: str, index: Node) -> Ident | None:
    """v of `v = t[k]` (or `v, ok = t[k]`): a variable assigned a lookup again."""
    first = _lookup_target(index)
    if first is None or first.type != "identifier" or first.parent.parent.type != "assignment_statement":
        return None
    ident = types.at(path, first.start_byte)
    return ident if ident is not None and ident.obj is not None else None


def _relooked(types: TypeInfo, path: str, target: Node, table: Ident) -> bool:
    """Is this write of an element variable `v = t[k]` (or `v, ok = t[k]`), a lookup in the same table?"""
    holder = target.parent.parent if target.parent.type == "expression_list" else None
    if holder is None or holder.type != "assignment_statement" or holder.child_by_field_name("left") != target.parent:
        return False
    if target.parent.named_children[0] != target:
        return False
    values = holder.child_by_field_name("right")
    index = values.named_children[0] if values.named_child_count == 1 else None
    operand = index.child_by_field_name("operand") if index is not None and index.type == "index_expression" else None
    if operand is None or operand.type != "identifier":
        return False
    ident = types.at(path, operand.start_byte)
    return ident is not None and ident.obj == table.obj


def _element_variable(types: TypeInfo, path: str, index: Node) -> Ident | None:
    """v of `v := t[k]` or `v, ok := t[k]`."""
    first = _lookup_target(index)
    if first is None or first.parent.parent.type != "short_var_declaration":
        return None
    ident = types.at(path, first.start_byte)
    return ident if ident is not None and ident.use == Use.DECL and ident.obj is not None else None


def _blank_lookup(index: Node) -> bool:
    """`_, ok := t[k]` or `_, ok = t[k]`: only whether the key is there."""
    first = _lookup_target(index)
    return first is not None and text(first) == b"_"


def _lookup_target(index: Node) -> Node | None:
    """The first name on the left of `:=` or `=` when the index expression is the only value on the right."""
    values = index.parent
    holder = values.parent if values.type == "expression_list" and values.named_child_count == 1 else None
    if holder is None or holder.type not in ("short_var_declaration", "assignment_statement"):
        return None
    if holder.child_by_field_name("right") != values:
        return None
    return holder.child_by_field_name("left").named_children[0]


def _assigned(index: Node) -> bool:
    holder = index.parent.parent if index.parent.type == "expression_list" else index.parent
    return holder.type in ("assignment_statement", "inc_statement", "dec_statement") and contains(
        holder.child_by_field_name("left") or holder, index
    )


def _first_argument(path: str, node: Node, first: str) -> Edit:
    """Insert `first` as the first entry of a parameter or argument list (or a conversion-shaped call)."""
    opening = next(c for c in node.children if c.type == "(")
    more = any(c.is_named and c.start_byte > opening.start_byte for c in node.children)
    return Edit(path, opening.end_byte, opening.end_byte, (first + (", " if more else "")).encode())


# --- small helpers -----------------------------------------------------------------------


def _contains_type(node: Node, types: tuple[str, ...]) -> bool:
    """Does the subtree hold one of the node types, outside nested func literals?"""
    return first_of(node, types, skip=_literal) is not None


def _literal(node: Node) -> bool:
    return node.type == "func_literal"


def _base(path: str) -> str:
    return path.rsplit("/", 1)[-1]


RULE = Rule(
    name=NAME,
    summary="copy variables go/defer func literals capture by reference; flatten f(a)(b) closure factories",
    messages=("moved to heap: x", LITERAL_ESCAPES, "s.m escapes to heap (a method value in a table)"),
    find=find,
    propose=propose,
    retention=True,
)

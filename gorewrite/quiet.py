"""Where a fact on a field through a pointer still holds (bounds.py): `if len(h.counts) > Max { return }`
bounds `make([]T, len(h.counts))` when nothing between the two can write memory. So does a fact on a local
variable whose address is taken before (`h.decode(b)` of a pointer method, `binary.Read(r, le, &n)`,
`h.body[:]`): a pointer to it may be anywhere by then (`aliased`).

Other aliases reach `*h`, so the writes to h's own object that facts.py weighs are not all the writes. But
another alias changes `h.counts` only by code that runs: this goroutine's own code between the fact and the
statement, or another goroutine's. Where that code calls nothing (only builtins that write no memory, and
conversions), writes nothing but local variables whose address is never taken, and neither sends, receives,
selects nor starts or defers anything, this goroutine writes no memory h can reach and performs no
synchronization: another goroutine's write to `h.counts` would be unordered with the reads at the fact and at
the statement, a data race, which a race-free program does not have (the Go memory model). So the value read
at the statement is the one the fact read. Code in a block that ends by returning or panicking, with no
`break`, `continue` or `goto` in it, never reaches the statement (an exiting guard's `return 0, fmt.Errorf(…)`).
"""

from __future__ import annotations

from dataclasses import dataclass

from gorewrite.facts import Fact, holds
from gorewrite.proposals import PackageView
from gorewrite.rulekit import use_owner
from gorewrite.syntax import ASSIGNMENTS, Node, text, unparen, walk
from gorewrite.typeinfo import Ident, Kind, TypeInfo, Use

# Builtins that write no memory a pointer reaches and call nothing (append, copy, clear write; close syncs).
QUIET_BUILTINS = {"len", "cap", "min", "max", "make", "new", "complex", "real", "imag"}
JUMPS = ("break_statement", "continue_statement", "goto_statement")
RANGED = ("slice", "array", "string")


@dataclass(frozen=True)
class Effect:
    """Code at `start` that may write memory another alias reaches, or synchronize with a goroutine that does."""

    start: int


def quiet(view: PackageView, path: str, function: Node, fact: Fact, stmt: Node, loops: list[Node], jumps: bool) -> bool:
    """Does the fact hold for a subject other aliases reach: no effect between it and stmt, nor around a loop
    that holds both and starts after it (facts.holds, with every effect a write and none kept)?"""
    key = ("effects", path, function.start_byte, stmt.start_byte)
    if key not in view.memo:
        view.memo[key] = [Effect(n.start_byte) for n in _effects(view.types, path, function, stmt)]
    own = Fact(fact.limit, fact.start, (), fact.before)  # a guard's condition may call after its read
    return holds(own, view.memo[key], stmt, loops, jumps, (), lambda w, f: False)


def steady(types: TypeInfo, path: str, function: Node, between: tuple[int, int], maps: bool = False) -> bool:
    """Does memory this goroutine reads at the first byte still hold that value wherever it reads it up to the
    second: no effect of the function's own code in between, starting goroutines aside? `wg.Add(p.Workers)` and
    `for w := 0; w < p.Workers; w++ { go func() {…}() }` read p.Workers at the Add and at every condition.
    Starting a goroutine orders this goroutine's earlier code before the new one's, never the new one's code
    before this one's: its writes (or any other goroutine's) reach this goroutine's later reads without a data
    race only through a synchronization this goroutine performs (a receive, a Lock, a Wait, a call that may do
    either), which is an effect. So a `go func() {…}(args)` whose arguments are quiet is none; `go f(x)` is
    (the call of f is an effect, as quiet code calls nothing). maps: a map's length is the memory asked about,
    which a range over a map only reads (its variables' writes change no map's keys; an operand's call or a
    range over a channel is an effect still)."""
    last = function.named_descendant_for_byte_range(between[1] - 1, between[1] - 1)
    effects = _effects(types, path, function, last)
    return not any(
        between[0] <= n.start_byte < between[1]
        and not _starts_literal(n)
        and not (maps and _ranges_map(types, path, n))
        for n in effects
    )


def _ranges_map(types: TypeInfo, path: str, node: Node) -> bool:
    """Is it the range clause of a loop over a map variable or field (`range m`, `range p.m`) assigning quiet
    locals only? `for k, m[k+"!"] = range m` adds a key each iteration, which the range may meet: more than len(m)."""
    if node.type != "range_clause" or _range_writes(types, path, node):
        return False
    operand = unparen(node.child_by_field_name("right"))
    name = (
        operand.child_by_field_name("field")
        if operand is not None and operand.type == "selector_expression"
        else operand
    )
    found = (
        types.at(path, name.start_byte)
        if name is not None and name.type in ("identifier", "field_identifier")
        else None
    )
    return found is not None and found.shape == "map"


def _starts_literal(node: Node) -> bool:
    """Is it `go func() {…}(…)` or the call of one, which runs the literal's body in the new goroutine?"""
    go = node if node.type == "go_statement" else node.parent
    call = go.named_children[0] if go is not None and go.type == "go_statement" and go.named_children else None
    if call is None or call.type != "call_expression" or node not in (go, call):
        return False
    return unparen(call.child_by_field_name("function")).type == "func_literal"


def aliased(root: Node, function: Node, uses: list[Ident], stmt: Node, loops: list[Node], jumps: bool) -> bool:
    """May a pointer to the subject's variables exist when stmt runs: an address taken (`&n`, `h.buf[:]`, a
    pointer method `h.decode(b)`) before stmt or in it, in another function (a func literal may run at any
    time), inside a loop that holds stmt (the previous pass took it), or anywhere in a function with a goto?
    An address first taken after stmt, in stmt's own function, does not exist yet in this call: a call earlier
    in the function cannot have kept it, nor can another goroutine (a recursive call has variables of its own),
    unless the function did not declare it: a func literal's earlier call took the address of the variable it
    captured, the same variable in every call (`pass(); pass()`, each `last = &n` after its make)."""
    own = {u.obj for u in uses if u.use == Use.DECL and use_owner(root, u) == function}
    return any(
        u.use == Use.ADDR
        and (
            jumps
            or u.obj not in own
            or u.start < stmt.end_byte
            or use_owner(root, u) != function
            or any(loop.start_byte <= u.start < loop.end_byte for loop in loops)
        )
        for u in uses
    )


def _effects(types: TypeInfo, path: str, node: Node, stmt: Node) -> list[Node]:
    """The effects in the function's body (not in func literals, which run only when called: a call; nor in a
    block that leaves without reaching stmt), in source order; walked with a stack, not recursion (an expression
    inside 2,000 parentheses is deeper than Python's recursion limit)."""

    def skip(child: Node) -> bool:
        holds_stmt = child.start_byte <= stmt.start_byte < child.end_byte
        return child.type == "func_literal" or (not holds_stmt and _leaves(types, path, child))

    found = [n for n in walk(node, skip) if n is not node and _effect(types, path, n)]
    return sorted(found, key=lambda n: n.start_byte)


def _leaves(types: TypeInfo, path: str, node: Node) -> bool:
    """Is it a block whose last statement returns or panics, with no break, continue or goto in it?"""
    if node.type != "block":
        return False
    statements = node.named_children
    if statements and statements[0].type == "statement_list":
        statements = statements[0].named_children
    statements = [s for s in statements if s.type != "comment"]
    last = statements[-1] if statements else None
    if last is None or not (last.type == "return_statement" or _panics(types, path, last)):
        return False
    stack = [node]
    while stack:
        n = stack.pop()
        if n.type in JUMPS:
            return False
        stack += [c for c in n.named_children if c.type != "func_literal"]
    return True


def _panics(types: TypeInfo, path: str, stmt: Node) -> bool:
    """Is the statement a call of Go's builtin panic (not a function that shadows it)?"""
    call = stmt.named_children[0] if stmt.type == "expression_statement" and stmt.named_children else None
    function = call.child_by_field_name("function") if call is not None and call.type == "call_expression" else None
    return function is not None and function.type == "identifier" and types.builtin(path, function.start_byte, "panic")


def _effect(types: TypeInfo, path: str, node: Node) -> bool:
    """Does the node itself write memory other than a quiet local, call, or synchronize?"""
    if node.type in ("send_statement", "select_statement", "go_statement", "defer_statement"):
        return True
    if node.type == "unary_expression" and text(node.child_by_field_name("operator")) == b"<-":
        return True
    if node.type == "call_expression":
        return not _quiet_call(types, path, node)
    if node.type in ("inc_statement", "dec_statement"):
        return not _quiet_target(types, path, node.named_children[0])
    if node.type == "var_declaration":  # new locals; their values' calls are nodes of their own
        return False
    if node.type in ASSIGNMENTS:
        left = node.child_by_field_name("left")
        targets = left.named_children if left is not None and left.type == "expression_list" else [left]
        return not all(t is not None and _quiet_target(types, path, t) for t in targets)
    if node.type == "range_clause":  # `for _, h.f = range …` assigns each iteration, as `=` does
        return _range_writes(types, path, node) or not _quiet_range(types, path, node.child_by_field_name("right"))
    return False


def _range_writes(types: TypeInfo, path: str, clause: Node) -> bool:
    """Does the range clause assign anything but quiet locals each iteration (`for k, h.f = range …`)?"""
    left = clause.child_by_field_name("left")
    targets = left.named_children if left is not None and all(c.type != ":=" for c in clause.children) else []
    return not all(_quiet_target(types, path, t) for t in targets)


def _quiet_call(types: TypeInfo, path: str, call: Node) -> bool:
    """A builtin that writes nothing and calls nothing, or a conversion (go/types: the callee is a type)."""
    function = unparen(call.child_by_field_name("function"))
    if function.type not in ("identifier", "qualified_type", "selector_expression"):
        return function.type in ("slice_type", "array_type", "pointer_type", "map_type")  # `[]byte(s)`
    name = function.child_by_field_name("field") if function.type == "selector_expression" else function
    ident = types.at(path, (name or function).start_byte)
    if ident is None:
        return False
    return ident.kind == Kind.TYPE or (ident.kind == Kind.BUILTIN and ident.name in QUIET_BUILTINS)


def _quiet_target(types: TypeInfo, path: str, target: Node) -> bool:
    """`_`, or a local variable that no pointer can reach: its address never taken, not an array or struct
    (which a method or a slicing can reach without `&`)."""
    target = unparen(target)
    if target.type != "identifier":
        return False
    if target.text == b"_":
        return True
    ident = types.at(path, target.start_byte)
    if ident is None or ident.obj is None or not ident.local or ident.shape in ("array", "struct"):
        return False
    return not any(i.obj == ident.obj and i.use == Use.ADDR for i in types.idents.get(path, ()))


def _quiet_range(types: TypeInfo, path: str, operand: Node | None) -> bool:
    """A range over a local or field slice, array or string, or an integer constant: no call, no receive."""
    if operand is None:
        return False
    operand = unparen(operand)
    if types.value(path, operand.start_byte, operand.end_byte) is not None:
        return True
    name = operand.child_by_field_name("field") if operand.type == "selector_expression" else operand
    if name is None or name.type not in ("identifier", "field_identifier"):
        return False
    ident = types.at(path, name.start_byte)
    return ident is not None and ident.shape in RANGED

"""May a goroutine that writes a captured variable own a copy of it, taken as its literal starts?

`for i, r := range raws { go func() { r = clean(r); out[i] = r }() }`: the literal writes r, so the
compiler captures r by reference and moves it to the heap. Where nothing but that goroutine ever sees
r again, a copy declared first in the literal's body (`r := r`) holds every value the goroutine would
have read and written, and the outer r, now only read by the literal and never written after its
definition, is captured by value. That holds when:

- the literal is the function of a `go` statement (`go func() {…}()`), or the one argument of a statement
  calling errgroup's Go or TryGo or a WaitGroup's Go (spawns.GROUP_GO; errgroup from golang.org/x/sync's own
  source): its body runs once (or never), after the statement has made it; a literal stored or handed to
  another call may run many times, each run seeing the last one's writes, which a copy per run would reset;
- the statement runs at most once for each instance of the variable: every loop around it also holds
  the declaration, in its body, or in a range clause whose variables are per iteration (go1.22); a
  three-clause loop's variable is copied into the next iteration after the body, a read a copy loses;
- no code outside the literal uses the variable at or after the statement (a use before it in a loop around
  it is of the same iteration's variable, since each such loop holds the declaration), nor takes its
  address anywhere (a pointer would read or write the original later, and a value that keeps its own
  address, as strings.Builder does, would panic once copied), and no other func literal mentions it (the
  caller counts the literals);
- the literal reads it (`x := x` with only writes after it would not compile: declared and not used),
  only in its own body, not inside a func literal of its own (whose capture could move the copy to
  the heap), and its body declares no other variable of the name at its top level (the copy would
  redeclare it);
- the literal's own body may also take its address (`buf.WriteString(…)`, `&buf`): the copy
  first in the body shadows the variable there, so each such address is the copy's. Nothing else ever reaches
  the original again (the conditions above), so whoever a pointer made there reaches, the goroutine or a
  holder it hands the pointer to, finds every value the original would have held; the goroutine's start
  follows the go statement, which follows every write the original had. Such an address also counts as a use
  of the copy, so it compiles where the body only calls the variable's pointer methods;
- the function has no `goto` (statement order is then execution order).

Which identifiers are the variable, and which uses read, write or take its address, come from go/types.
"""

from __future__ import annotations

from gorewrite import errgroup_source
from gorewrite.rulekit import uses_goto
from gorewrite.spawns import GROUP_GO, method_of
from gorewrite.syntax import Node, ancestors, contains, declared, statements
from gorewrite.typeinfo import Ident, TypeInfo, Use


def owned(
    types: TypeInfo,
    path: str,
    function: Node,
    decl_node: Node,
    literal: Node,
    uses: list[Ident],
    minor: int,
) -> int | str:
    """The byte offset just inside the literal's body where its own copy goes, or why it may not have one.

    uses: every use of the variable (not its declaration), by go/types; minor: the file's Go language minor. Whether
    the copy stays on the goroutine's stack where its body takes its address is the caller's to show.
    """
    root, name = decl_node.parent, decl_node.text.decode()
    while root.parent is not None:
        root = root.parent
    stmt = _started_once(types, path, literal)
    if isinstance(stmt, str):
        return stmt
    if uses_goto(function):
        return "the function uses goto"
    loops = [a for a in ancestors(stmt) if a.type == "for_statement" and contains(function, a) and a != function]
    for loop in loops:
        if not contains(loop, decl_node):
            return f"the go statement may run again for the same {name}: the loop at line {_line(loop)} around it"
        if not contains(loop.child_by_field_name("body"), decl_node) and not _per_iteration(loop, minor):
            return f"{name} is the variable of the loop at line {_line(loop)}, which the loop reads after each body"
    body = literal.child_by_field_name("body")
    reads = False
    for use in uses:
        node = root.named_descendant_for_byte_range(use.start, use.end)
        if use.use == Use.ADDR and not contains(literal, node):
            return f"its address is taken (line {_line(node)})"
        if not contains(literal, node):
            if use.start >= stmt.start_byte:  # every loop around the statement holds the declaration: no later
                return f"it is used outside the literal after the go statement starts it (line {_line(node)})"
            continue
        if any(a.type == "func_literal" and a != literal and contains(literal, a) for a in ancestors(node)):
            return f"a func literal inside the goroutine's uses it (line {_line(node)})"
        reads = reads or use.use == Use.READ or use.use == Use.ADDR
    if not reads:
        return "the goroutine never reads it"
    if name.encode() in declared(statements(body)):
        return f"the goroutine's body declares another {name}"
    return body.start_byte + 1


def _started_once(types: TypeInfo, path: str, literal: Node) -> Node | str:
    """The statement that starts the literal in a goroutine of its own, once: `go func() {…}()`, or an expression
    statement handing it alone to errgroup's Go or TryGo (golang.org/x/sync's own) or a WaitGroup's Go; else why
    not."""
    call = literal.parent
    if call.type == "call_expression" and call.child_by_field_name("function") == literal:
        if call.parent.type == "go_statement":
            return call.parent
    elif call.type == "argument_list" and call.named_child_count == 1 and call.parent.type == "call_expression":
        function = call.parent.child_by_field_name("function")
        method = method_of(types, path, function) if function.type == "selector_expression" else None
        if method in GROUP_GO and call.parent.parent.type == "expression_statement":
            forked = errgroup_source.replaced(types, method[0]) if method[0] != "sync" else None
            return f"errgroup's Go may not be golang.org/x/sync's: {forked}" if forked else call.parent.parent
    return (
        "it is neither the function a go statement starts nor the one argument of a statement calling errgroup's or a"
        " WaitGroup's Go, which alone run it once"
    )


def _per_iteration(loop: Node, minor: int) -> bool:
    """Are the variables a loop's header declares new in each iteration, with no read after the body? Only a
    range clause's, from go1.22 on."""
    clause = next((c for c in loop.named_children if c.type in ("range_clause", "for_clause")), None)
    return clause is not None and clause.type == "range_clause" and minor >= 22


def _line(node: Node) -> int:
    return node.start_point.row + 1

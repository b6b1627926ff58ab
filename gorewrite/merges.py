"""The nil-merge loop as a wait: `for ac != nil || bc != nil { select { case v := <-ac: …; ac = nil … } }`.

The loop ends by its condition only when every disjunct is false (`||` evaluates them all before it
yields false), so `ac != nil` was false. ac is made non-nil by `make` in the goroutine's iteration
(happens_before checks that), and its one other write is `ac = nil` in the case that receives from
it, so the loop ends only after that receive completed, and the goroutine's send is synchronized
before it. Inside the loop ac is used only by the condition, that receive and that write (no address,
no send), and no break, goto or labelled jump leaves the loop (a return ends the function). Writes
in ac's case come after its receive; any other write in the loop may come before it.
Objects come from go/types, never from names.
"""

from __future__ import annotations

from gorewrite.rulekit import owner
from gorewrite.spawns import Signal, Spawn
from gorewrite.syntax import Node, items, statements, unparen, walk
from gorewrite.terminating import jump_target
from gorewrite.typeinfo import Kind, TypeInfo, Use


def merge_loops(types: TypeInfo, spawn: Spawn, signal: Signal) -> list[tuple[Node, Node]]:
    """Each nil-merge loop of the function that waits for the goroutine's send, with the receiving case."""
    if signal.kind != "send" or signal.others:
        return []
    uses = [i for i in types.idents.get(spawn.path, ()) if i.obj == signal.obj]
    nodes = [spawn.function.named_descendant_for_byte_range(i.start, i.end) for i in uses]
    writes = [n for n, i in zip(nodes, uses, strict=True) if i.use == Use.WRITE]
    found = []
    for node in nodes:
        loop = node.parent.parent if node is not None and tests_nil(types, spawn.path, node) else None
        while loop is not None and loop.type in ("binary_expression", "parenthesized_expression"):
            if loop.type == "binary_expression" and loop.child_by_field_name("operator").type != "||":
                loop = None
                break
            loop = loop.parent
        if loop is None or loop.type != "for_statement" or loop.parent.type != "statement_list":
            continue
        case = _case(types, spawn, loop, nodes, writes)
        if case is not None and owner(loop) == spawn.function:
            found.append((loop, case))
    return found


def tests_nil(types: TypeInfo, path: str, node: Node, operators: tuple[str, ...] = ("!=",)) -> bool:
    """Is node an operand of `node != nil` (or `nil != node`; with operators, `==` too), nil the universe's?"""
    test = node.parent
    if test.type != "binary_expression" or test.child_by_field_name("operator").type not in operators:
        return False
    other = test.child_by_field_name("right" if test.child_by_field_name("left") == node else "left")
    found = types.at(path, other.start_byte) if other.type == "nil" else None
    return found is not None and found.kind == Kind.NIL


def _case(types: TypeInfo, spawn: Spawn, loop: Node, nodes: list[Node], writes: list[Node]) -> Node | None:
    """The select case of the loop's body that receives from the channel and then sets it to nil, when
    that write is the channel's one write, the loop uses it no other way and nothing jumps out of it."""
    body = loop.child_by_field_name("body")
    if len(writes) != 1 or _leaves(body, loop):
        return None
    inside = [n for n in nodes if loop.start_byte <= n.start_byte < loop.end_byte]
    for select in (s for s in statements(body) if s.type == "select_statement"):
        for case in (c for c in select.named_children if c.type == "communication_case"):
            communication = case.child_by_field_name("communication")
            right = communication.child_by_field_name("right") if communication.type == "receive_statement" else None
            receive = unparen(right) if right is not None else None
            if receive is None or receive.type != "unary_expression" or receive.child(0).type != "<-":
                continue
            operand = receive.named_children[0]
            if operand not in inside or not any(_sets_nil(types, spawn.path, s, writes[0]) for s in statements(case)):
                continue
            if all(n in (writes[0], operand) or _in_condition(n, loop) for n in inside):
                return case
    return None


def _sets_nil(types: TypeInfo, path: str, stmt: Node, written: Node) -> bool:
    """Is stmt `ch = nil`, with written as its one target?"""
    if stmt.type != "assignment_statement" or stmt.child_by_field_name("operator").type != "=":
        return False
    left, right = items(stmt.child_by_field_name("left")), items(stmt.child_by_field_name("right"))
    found = types.at(path, right[0].start_byte) if len(right) == 1 and right[0].type == "nil" else None
    return left == [written] and found is not None and found.kind == Kind.NIL


def _in_condition(node: Node, loop: Node) -> bool:
    """Is node tested against nil in the loop's condition (before its body)?"""
    body = loop.child_by_field_name("body")
    return node.start_byte < body.start_byte and node.parent.type == "binary_expression"


def _leaves(body: Node, loop: Node) -> bool:
    """A goto, label, labelled jump, or a break of the loop itself, in its body (not in func literals)."""
    for jump in walk(body, skip=lambda n: n.type == "func_literal"):
        if jump.type in ("goto_statement", "labeled_statement"):
            return True
        if jump.type in ("break_statement", "continue_statement") and jump.named_child_count:
            return True
        if jump.type == "break_statement" and jump_target(jump) == loop:
            return True
    return False

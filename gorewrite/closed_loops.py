"""A `for` loop left only once a channel is closed: the for-select consumer of a pipeline.

    go func() { wg.Wait(); close(results) }()
loop:
    for {
        select {
        case r, ok := <-results:
            if !ok {
                break loop
            }
            total += r.n
        case <-ctx.Done():
            return 0, ctx.Err()
        }
    }

`v, ok := <-ch` sets ok false only when the receive returned because ch is closed, and the close is
synchronized before that receive (the memory model). So a loop with no condition whose every way
out is a return, a panic, or a break of the loop itself under `if !ok` (ok declared by a receive
from ch, never written again) ends only after the close: the loop waits for whoever closes ch
(happens_before.py asks that it alone does, or a helper goroutine after its own wait: relay.py).
Breaks and continues that stay inside the loop (a select's, an inner loop's) are fine; a goto, or a
jump to anything around the loop, is not. Objects from go/types, never names.
"""

from __future__ import annotations

from gorewrite.syntax import Node, ancestors, statements, unparen, walk
from gorewrite.terminating import jump_target
from gorewrite.typeinfo import Kind, TypeInfo, Use

JUMPS = ("break_statement", "continue_statement", "goto_statement")


def closed_loop(types: TypeInfo, path: str, node: Node) -> Node | None:
    """The loop statement (its label's, when labelled) a receive from the channel node names makes a
    wait for the channel's close, or None."""
    ok = _ok_of(types, path, node)
    loop = next((a for a in ancestors(node) if a.type in ("for_statement", "func_literal")), None)
    if ok is None or loop is None or loop.type != "for_statement" or loop.named_child_count != 1:
        return None  # `for cond {` ends by its condition too
    statement = loop.parent if loop.parent.type == "labeled_statement" else loop
    if statement.parent.type != "statement_list":
        return None
    for jump in walk(loop.child_by_field_name("body"), skip=lambda n: n.type == "func_literal"):
        if jump.type in JUMPS and not _stays(types, path, jump, loop, ok):
            return None
    return statement


def _ok_of(types: TypeInfo, path: str, node: Node) -> str | None:
    """The object of ok in `v, ok := <-ch` (a statement, a select case, an if's initializer) when node
    is that ch and ok is never written again."""
    receive = node.parent
    if receive.type != "unary_expression" or receive.child(0).type != "<-":
        return None
    declaring = receive.parent
    if declaring.type == "expression_list" and len(declaring.named_children) == 1:
        declaring = declaring.parent  # `v, ok := <-ch` as a statement; a select case's is a receive_statement
    if declaring.type not in ("short_var_declaration", "receive_statement"):
        return None
    left = declaring.child_by_field_name("left")
    names = left.named_children if left is not None else []
    if len(names) != 2 or names[1].type != "identifier":
        return None
    ok = types.at(path, names[1].start_byte)
    if ok is None or ok.use != Use.DECL or ok.kind != Kind.VAR or ok.obj is None:
        return None
    writes = (i for i in types.idents.get(path, ()) if i.obj == ok.obj and i.use in (Use.WRITE, Use.ADDR))
    return ok.obj if next(writes, None) is None else None


def _stays(types: TypeInfo, path: str, jump: Node, loop: Node, ok: str) -> bool:
    """Does the jump stay inside the loop, or leave it only as a break under `if !ok`?"""
    if jump.type == "goto_statement":
        return False
    label = jump.named_children[0] if jump.named_child_count else None
    if label is None:
        target = jump_target(jump)
    else:
        named = types.at(path, label.start_byte)
        target = next(
            (
                a.named_children[-1]
                for a in ancestors(jump)
                if a.type == "labeled_statement" and _label(types, path, a) == (named.obj if named else None)
            ),
            None,
        )
    if target is None:
        return False
    if target != loop:  # a select's, a switch's or an inner loop's: it stays inside
        return loop.start_byte < target.start_byte and target.end_byte <= loop.end_byte
    return jump.type == "continue_statement" or _guarded(types, path, jump, ok)


def _label(types: TypeInfo, path: str, labeled: Node) -> str | None:
    found = types.at(path, labeled.child_by_field_name("label").start_byte)
    return found.obj if found is not None else None


def _guarded(types: TypeInfo, path: str, jump: Node, ok: str) -> bool:
    """Is the break a statement of the block an `if !ok` runs when ok is false?"""
    block = jump.parent.parent if jump.parent.type == "statement_list" else None
    branch = block.parent if block is not None and block.type == "block" else None
    if branch is None or branch.type != "if_statement" or branch.child_by_field_name("consequence") != block:
        return False
    condition = unparen(branch.child_by_field_name("condition"))
    if condition.type != "unary_expression" or condition.child(0).type != "!":
        return False
    operand = unparen(condition.child_by_field_name("operand"))
    found = types.at(path, operand.start_byte) if operand.type == "identifier" else None
    return found is not None and found.obj == ok and jump in statements(block)

"""A range-over-func loop's body reads the variables it names only while its range statement runs.

Go makes the body of `for r := range seq` a function it passes to seq as yield; where seq is not inlined (an
interface's method, a parameter, an iterator too big to inline) that function escapes, the compiler moves the
loop's state to the heap (`moved to heap: #stateN`, printed at the `for`), and the variables the body captures by
reference move too: one written after the loop (`prefix = next`, or in a loop around it) is. Go checks the
loop's state first thing in every call of yield and panics once the range statement has ended (`range function
continued iteration after whole loop exit`; unless built with `-d=rangefunccheck=0`, a debugging flag), so the
body's code runs only while the statement runs. A variable
the body only reads, that nothing writes from the statement's start to its end (its range expression included),
whose address is never taken and that no func literal names, holds in every run of the body the value it had
when the statement began: a copy made right before it holds the same value, and the body captures the copy by
value (it never writes it). The copy goes before the statement (its label's, if labelled); where the variable is
written after it, in a block of its own around the statement, so those writes still reach the variable.
"""

from __future__ import annotations

from gorewrite.proposals import PackageView
from gorewrite.rulekit import memo, owner, uses_goto
from gorewrite.syntax import Node, ancestors, contains, walk
from gorewrite.typeinfo import Ident, Kind, Use

STATE = "moved to heap: #state"  # the loop's state: on the heap only when the body's function escapes


def escaping(view: PackageView, path: str) -> frozenset[int]:
    """The start bytes of the `for` statements of the file whose body's function the compiler sends to the heap."""
    return memo(view, ("range_bodies", path), lambda: _escaping(view, path))


def _escaping(view: PackageView, path: str) -> frozenset[int]:
    starts = (view.offset(e) for e in view.escapes if e.path == path and e.message.startswith(STATE))
    return frozenset(s for s in starts if s is not None)


def reads(view: PackageView, path: str, decl: Node, name: str) -> bool:
    """Does the body of such a loop in the declaring function name the variable? (Types confirm later.)"""
    function, loops = owner(decl), escaping(view, path)
    if function is None or not loops:
        return False
    return any(
        n.type == "identifier" and n.text == name.encode() and _outermost(n, decl, function, loops) is not None
        for n in walk(function)
    )


def _outermost(node: Node, decl: Node, function: Node, loops: frozenset[int]) -> Node | None:
    """The outermost escaping range loop of the function whose body holds the node and not the declaration (a
    copy goes before it; its range clause does not count: evaluated once, before the body runs), None when there
    is none or a func literal comes first."""
    found = None
    for ancestor in ancestors(node):
        if ancestor == function or contains(ancestor, decl):
            return found
        if ancestor.type == "func_literal":
            return None
        if ancestor.type == "for_statement" and ancestor.start_byte in loops:
            body = ancestor.child_by_field_name("body")
            if body is not None and contains(body, node) and _ranges(ancestor):
                found = ancestor
    return None


def _ranges(loop: Node) -> bool:
    return any(c.type == "range_clause" for c in loop.named_children)


def statements(
    view: PackageView, path: str, function: Node, decl_node: Node, decl: Ident, uses: list[Ident]
) -> list[Node] | str:
    """The statements a copy of the variable goes right before (each loop whose body reads it, or its label's
    statement), or why a copy there could read another value than the variable would."""
    name, root, loops = decl.name, view.tree(path).root_node, escaping(view, path)
    if decl.kind == Kind.RESULT:
        return f"{name} is a named result: a return statement in the loop's body writes it"
    if uses_goto(function):
        return "the function uses goto: statement order is not execution order"
    found: dict[int, Node] = {}
    for use in uses:
        node = root.named_descendant_for_byte_range(use.start, use.end)
        line = view.line(path, use.start)
        if use.use == Use.ADDR:
            return f"the address of {name} is taken (line {line}): a pointer may write it while the loop runs"
        loop = _outermost(node, decl_node, function, loops)
        if loop is not None and use.use == Use.WRITE:
            return f"the body of the range loop at line {view.line(path, loop.start_byte)} writes {name} (line {line})"
        if loop is not None:
            found[loop.start_byte] = loop
    if not found:
        return f"no range-over-func loop's body reads {name}"
    for loop in found.values():
        inside = next((u for u in uses if u.use == Use.WRITE and loop.start_byte <= u.start < loop.end_byte), None)
        if inside is not None:
            return (
                f"{name} is written inside the range statement at line {view.line(path, loop.start_byte)} (line "
                f"{view.line(path, inside.start)}): a copy made before it would not take that write"
            )
    return [loop.parent if loop.parent.type == "labeled_statement" else loop for loop in found.values()]

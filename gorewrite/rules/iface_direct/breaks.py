"""The unlabelled breaks of a range loop's body that leave the loop, and the label they take in a type switch.

Go's spec: a `break` without a label ends the innermost for, switch or select of the same function. Put
into `switch w := w.(type) { … }` (ranged.py), the body's own `break` would end the switch and the loop
would go on; `break L` with L the loop's label ends the loop from inside the switch, as the plain break
did outside it. The loop keeps its label when it has one; otherwise it takes a new one, spelled with no
word the enclosing declaration holds (labels are a namespace of their own, scoped to the function body,
but a fresh word cannot meet any of them). `continue` needs nothing: a switch is no continue target.
"""

from __future__ import annotations

from gorewrite.edits import Edit
from gorewrite.rulekit import fresh_local
from gorewrite.syntax import Node, ancestors, indentation, text, walk

BREAKABLE = ("for_statement", "expression_switch_statement", "type_switch_statement", "select_statement")
STEM = "loop"


def leaving(loop: Node) -> list[Node]:
    """The body's unlabelled breaks that end this loop: no switch, select, loop or func literal between."""
    body = loop.child_by_field_name("body")
    found = []
    for node in walk(body, skip=lambda n: n.type == "func_literal"):
        if node.type == "break_statement" and node.named_child_count == 0 and _target(node) == loop:
            found.append(node)
    return found


def _target(node: Node) -> Node | None:
    """The statement an unlabelled break ends (a func literal: none of the loop's)."""
    around = node.parent
    while around is not None and around.type not in BREAKABLE + ("func_literal",):
        around = around.parent
    return around


def label(path: str, loop: Node, source: bytes) -> tuple[bytes, Edit | None]:
    """The loop's label, and the edit giving it one when it has none (gofmt puts the loop on its own line)."""
    if loop.parent is not None and loop.parent.type == "labeled_statement":
        return text(loop.parent.named_children[0]), None
    top = next((a for a in ancestors(loop) if a.parent is not None and a.parent.type == "source_file"), loop)
    name = fresh_local(top, STEM).encode()  # no word of the declaration: it shadows no label, nothing shadows it
    return name, Edit(path, loop.start_byte, loop.start_byte, name + b":\n" + indentation(source, loop.start_byte))

"""Escapes of a range-over-func loop's body, moved from the `for` line back to their site.

When the compiler inlines the iterator and the body it calls (`for c := range slices.Chunk(vs, 4)`),
every escape of the body is printed at the `for` keyword (go1.24 and go1.27 alike): `r.go:14:2: moved
to heap: line` for a `var line bytes.Buffer` on line 15. The compiler prints `can inline F-rangeN` at
that position for the body it made a function; only there, and only where the message names one thing
in the body, is it moved to where the compiler reports that thing in an ordinary loop:

- `moved to heap: NAME`: the one declaration of NAME in the body, at any depth (none of the for clause);
- `X escapes to heap`, `make(…) does not escape`: the one expression of the body printed as X;
- `func literal escapes to heap`: the one func literal in the body, unless the compiler also moves the
  loop's `#stateN` to the heap there: then the body itself escapes (its iterator keeps yield), and
  the message is the body's own.

Everything else stays put. The analysis and the verifier both read escapes through `relocate`, so a
target moved here is the same escape after the overlay build. An escape of the inlined iterator's own
body is printed there too and may carry the same text: taken for the body's, its rewrite is rejected
by the verifier (the message does not go), never wrong.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from gorewrite.escapes import Escape
from gorewrite.syntax import LITERALS, Node, Tree, items, parse, walk

BODY = re.compile(r"^can inline \S+-range\d+$")  # the body of a range-over-func loop, made a function
STATE = "moved to heap: #state"  # the loop's state: on the heap only when the body's closure escapes
LITERAL = "func literal escapes to heap"
MOVED = "moved to heap: "
SUFFIXES = (" escapes to heap", " does not escape")


@dataclass(frozen=True)
class Note:
    """What became of one escape printed at a loop's `for`: moved to `to`, or kept there for `reason`."""

    escape: Escape
    to: Escape | None
    reason: str = ""
    candidates: tuple[int, ...] = ()  # lines of the body the message might be about, when it is ambiguous


def relocate(escapes: Iterable[Escape], source: Callable[[str], bytes | None]) -> tuple[list[Escape], list[Note]]:
    """The escapes with the body's moved to their sites (in order, copies kept: the judge counts them),
    and a note per escape considered; `source(path)`: the file as compiled (None: not the package's)."""
    escapes = list(escapes)
    loops = {(e.path, e.line, e.col) for e in escapes if BODY.match(e.message)}
    if not loops:
        return escapes, []
    state = {(e.path, e.line, e.col) for e in escapes if e.message.startswith(STATE)}
    files: dict[str, _File | None] = {}
    notes: dict[Escape, Note] = {}
    for e in escapes:
        where = (e.path, e.line, e.col)
        if where not in loops or e.temporary or not _movable(e.message) or e in notes:
            continue
        if e.path not in files:
            data = source(e.path)
            files[e.path] = _File(data) if data is not None else None
        loop = files[e.path].loop_at(e.line, e.col) if files[e.path] else None
        if loop is not None:
            notes[e] = _note(files[e.path], loop, e, where in state)
    moved = [notes[e].to if e in notes and notes[e].to is not None else e for e in escapes]
    return moved, list(notes.values())


def _movable(message: str) -> bool:
    return (
        message.startswith(MOVED)
        and not message.startswith(STATE)
        or message.endswith(SUFFIXES[0])
        or message.startswith("make(")
        and message.endswith(SUFFIXES[1])
    )


class _File:
    """One file's tree and line starts, parsed once."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.starts = [0, *(m.end() for m in re.finditer(rb"\n", data))]
        self.tree: Tree | None = None

    def loop_at(self, line: int, col: int) -> Node | None:
        """The range loop whose `for` is at the position, if any."""
        if not 0 < line <= len(self.starts):
            return None
        offset = self.starts[line - 1] + col - 1
        if self.data[offset : offset + 3] != b"for":
            return None
        self.tree = self.tree or parse(self.data)
        node = self.tree.root_node.descendant_for_byte_range(offset, offset + 3)
        loop = node.parent if node is not None and node.type == "for" else None
        if loop is None or loop.type != "for_statement" or loop.start_byte != offset:
            return None
        ranged = any(c.type == "range_clause" for c in loop.named_children)
        return loop if ranged and loop.child_by_field_name("body") is not None else None

    def escape(self, e: Escape, offset: int) -> Escape:
        row = bisect.bisect_right(self.starts, offset) - 1
        return Escape(e.path, row + 1, offset - self.starts[row] + 1, e.message)

    def row(self, node: Node) -> int:
        return node.start_point.row + 1


def _note(file: _File, loop: Node, e: Escape, escaping_body: bool) -> Note:
    body = loop.child_by_field_name("body")
    if e.message.startswith(MOVED):
        name = e.message.removeprefix(MOVED).encode()
        clause = next(c for c in loop.named_children if c.type == "range_clause")
        if any(c.type == ":=" for c in clause.children) and name in {n.text for n in _left(clause)}:
            return Note(e, None, f"{name.decode()} is declared by the for clause itself")
        found = [n for n in _declared(body) if n.text == name]
        what = f"declarations of {name.decode()}"
        at = {n: n.start_byte for n in found}
    elif e.message == LITERAL:
        if escaping_body:
            return Note(e, None, "the loop's body escapes itself (the compiler moves its #state to the heap)")
        found = [n for n in walk(body) if n.type == "func_literal"]
        what = "func literals"
        at = {n: n.start_byte for n in found}
    else:
        printed = e.message.removesuffix(SUFFIXES[0]).removesuffix(SUFFIXES[1])
        found = [n for n in walk(body) if _printed(n) == printed]
        what = f"expressions printed `{printed}`"
        at = {n: _position(n) for n in found}
    if len(found) == 1:
        return Note(e, file.escape(e, at[found[0]]))
    lines = tuple(sorted({file.row(n) for n in found}))
    count = "no" if not found else str(len(found))
    return Note(e, None, f"the body holds {count} {what}", lines)


def _left(clause: Node) -> list[Node]:
    return items(clause.child_by_field_name("left"))


def _declared(body: Node) -> list[Node]:
    """The names declared anywhere in the body: var, const, :=, range :=, select's :=, type switch, parameters."""
    names = []
    for node in walk(body):
        if node.type in ("var_spec", "const_spec", "parameter_declaration", "variadic_parameter_declaration"):
            names += node.children_by_field_name("name")
        elif node.type in ("short_var_declaration", "range_clause", "receive_statement", "type_switch_statement"):
            if any(c.type == ":=" for c in node.children):
                field = "alias" if node.type == "type_switch_statement" else "left"
                names += [n for n in items(node.child_by_field_name(field)) if n.type == "identifier"]
                names += [n for n in node.children_by_field_name(field) if n.type == "identifier"]
    return names


def _printed(node: Node) -> str | None:
    """The node as the compiler prints it in a message, for the shapes this module moves; None otherwise."""
    kind = node.type
    function = node.parent is not None and node.parent.type == "call_expression" and node.parent.child(0) == node
    if kind == "identifier" and not function or kind in LITERALS:
        return node.text.decode()
    if kind == "composite_literal":
        return f"{_flat(node.child_by_field_name('type'))}{{...}}"
    if kind == "unary_expression" and node.child_by_field_name("operator").type == "&":
        inner = node.child_by_field_name("operand")
        return f"&{_printed(inner)}" if inner.type == "composite_literal" else None
    if kind == "call_expression" and node.child_by_field_name("function").text == b"append":
        return "append"  # go1.27: the array append allocates, at the call's `(`
    if kind == "call_expression" and node.child_by_field_name("function").text in (b"make", b"new"):
        arguments = ", ".join(_spaced(a) for a in items(node.child_by_field_name("arguments")))
        return f"{node.child_by_field_name('function').text.decode()}({arguments})"
    if kind in ("selector_expression", "binary_expression") and b"\n" not in node.text:
        return _spaced(node)
    return None


def _spaced(node: Node) -> str:
    """An operand as the compiler spells it: a space either side of every binary operator (`len(m) / 2`,
    which gofmt writes `len(m)/2` inside a call), calls and the rest as written."""
    if node.type == "binary_expression":
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        return f"{_spaced(left)} {node.child_by_field_name('operator').text.decode()} {_spaced(right)}"
    if node.type == "call_expression":
        arguments = ", ".join(_spaced(a) for a in items(node.child_by_field_name("arguments")))
        return f"{_flat(node.child_by_field_name('function'))}({arguments})"
    return _flat(node)


def _flat(node: Node) -> str:
    return " ".join(node.text.decode().split())


def _position(node: Node) -> int:
    """Where the compiler reports the expression: a literal's `{`, a call's `(`, a selector's `.`, an operator."""
    if node.type == "composite_literal":
        return node.child_by_field_name("body").start_byte
    if node.type == "call_expression":
        return node.child_by_field_name("arguments").start_byte
    if node.type == "selector_expression":
        return next(c.start_byte for c in node.children if c.type == ".")
    if node.type == "binary_expression":
        return node.child_by_field_name("operator").start_byte
    return node.start_byte

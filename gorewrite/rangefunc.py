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

The iterator's func literal (and what go inlines into it or the body) prints its escapes at the `for`
too: a message its code could say as well (iterators.py: the same name declared in the package, the same
expression, a func literal) stays, and so does a message whose iterator is not at hand; where `X escapes
to heap` and `X does not escape` both are at the `for`, one of them is not the body's: both stay. Left
at the `for` in the analysis and the verifier alike (both read escapes through `relocate`), such a
message is never a target. Code not followed (a third package's) may still print a look-alike: the
verifier asks `returned` whether a target's message is said as often as before, now at the `for`.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from gorewrite.escapes import LITERAL_ESCAPES, Escape
from gorewrite.iterators import Library, inlined
from gorewrite.syntax import LITERALS, Node, Tree, address_operand, items, parse, walk

BODY = re.compile(r"^can inline \S+-range\d+$")  # the body of a range-over-func loop, made a function
STATE = "moved to heap: #state"  # the loop's state: on the heap only when the body's closure escapes
MOVED = "moved to heap: "
SUFFIXES = (" escapes to heap", " does not escape")


@dataclass(frozen=True)
class Note:
    """What became of one escape printed at a loop's `for`: moved to `to`, or kept there for `reason`."""

    escape: Escape
    to: Escape | None
    reason: str = ""
    candidates: tuple[int, ...] = ()  # lines of the body the message might be about, when it is ambiguous


def relocate(
    escapes: Iterable[Escape],
    source: Callable[[str], bytes | None],
    files: Iterable[str] = (),
    library: Library | None = None,
) -> tuple[list[Escape], list[Note]]:
    """The escapes with the body's moved to their sites (in order, copies kept: the judge counts them),
    and a note per escape considered; `source(path)`: the file as compiled (None: not the package's),
    `files` the package's (where an iterator it declares is), `library` another package's source."""
    escapes = list(escapes)
    loops = bodies(escapes)
    if not loops:
        return escapes, []
    state = {(e.path, e.line, e.col) for e in escapes if e.message.startswith(STATE)}
    said: dict[tuple[str, int, int], set[str]] = {}
    for e in escapes:
        if (e.path, e.line, e.col) in loops:
            said.setdefault((e.path, e.line, e.col), set()).add(e.message)
    parsed: dict[str, _File | None] = {}

    def file(path: str) -> _File | None:
        if path not in parsed:
            data = source(path)
            parsed[path] = _File(data) if data is not None else None
        return parsed[path]

    others: dict[tuple[str, int, int], _Others | None] = {}
    notes: dict[Escape, Note] = {}
    for e in escapes:
        where = (e.path, e.line, e.col)
        if where not in loops or e.temporary or not _movable(e.message) or e in notes:
            continue
        loop = file(e.path).loop_at(e.line, e.col) if file(e.path) else None
        if loop is None:
            continue
        if where not in others:
            present = [f for f in map(file, dict.fromkeys([e.path, *files])) if f is not None]
            sources = [(f.data, lambda f=f: f.parsed().root_node) for f in present]
            found = inlined(loop, sources, library)
            others[where] = _Others(*found) if found is not None else None
        note = _note(file(e.path), loop, e, where in state, others[where])
        notes[e] = _twin(note, said[where]) if not e.message.startswith(MOVED) else note
    moved = [notes[e].to if e in notes and notes[e].to is not None else e for e in escapes]
    return moved, list(notes.values())


def bodies(escapes: Iterable[Escape]) -> set[tuple[str, int, int]]:
    """Where the compiler made a range-over-func loop's body a function: the loops' `for` positions."""
    return {(e.path, e.line, e.col) for e in escapes if "-range" in e.message and BODY.match(e.message)}


def returned(before: Iterable[Escape], after: Iterable[Escape], targets: Iterable[Escape]) -> Escape | None:
    """A target whose message the file says as often after the rewrite as before, now more often at its
    range-over-func `for`s: another code's message taken for the body's (the rewrite took the body's
    look-alike away, and the message, still printed, stays at the `for`). Lines shift: counted per file."""
    before, after = list(before), list(after)

    def count(escapes: list[Escape], loops: bool) -> Counter[tuple[str, str]]:
        at = {(e.path, e.line, e.col) for e in escapes if BODY.match(e.message)}
        return Counter((e.path, e.message) for e in escapes if not loops or (e.path, e.line, e.col) in at)

    was, now, was_for, now_for = count(before, False), count(after, False), count(before, True), count(after, True)
    for t in targets:
        key = (t.path, t.message)
        if now_for[key] > was_for[key] and now[key] >= was[key]:
            return t
    return None


def _twin(note: Note, said: set[str]) -> Note:
    """`X escapes to heap` and `X does not escape` both at the `for`, for the one X of the body: one of
    them is some other inlined code's (a/a.go:178 of adv35a under go1.27: the iterator's make escapes, the
    body's does not), and which is not known: the note's message stays. (Of the `does not escape` lines
    the analysis reads only make's: a func literal's twin goes unseen.)"""
    message = note.escape.message
    printed = message.removesuffix(SUFFIXES[0]).removesuffix(SUFFIXES[1])
    other = printed + (SUFFIXES[1] if message.endswith(SUFFIXES[0]) else SUFFIXES[0])
    if note.to is None or other not in said:
        return note
    reason = f"go also says `{other}` there, and the body holds one: one of them is other inlined code's"
    return Note(note.escape, None, reason, (note.to.line,))


class _Others:
    """What the code go inlines at the `for` besides the body could print: names, expressions, literals."""

    def __init__(self, local: list[Node], other: list[Node], exempt: set[int]) -> None:
        below = [n for node in local + other for n in walk(node)]
        self.names = {n.text for node in local for n in _declared(node)}  # another package's: `q.n`
        self.printed = {_printed(n) for n in below} - {None}
        self.literals = any(n.type == "func_literal" and n.id not in exempt for n in below)


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

    def parsed(self) -> Tree:
        self.tree = self.tree or parse(self.data)
        return self.tree

    def loop_at(self, line: int, col: int) -> Node | None:
        """The range loop whose `for` is at the position, if any."""
        if not 0 < line <= len(self.starts):
            return None
        offset = self.starts[line - 1] + col - 1
        if self.data[offset : offset + 3] != b"for":
            return None
        node = self.parsed().root_node.descendant_for_byte_range(offset, offset + 3)
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


def _note(file: _File, loop: Node, e: Escape, escaping_body: bool, others: _Others | None) -> Note:
    body = loop.child_by_field_name("body")
    if others is None:
        return Note(e, None, "the iterator's source is not at hand: its inlined code may say the same")
    clash = _clash(e.message, others)
    if clash:
        return Note(e, None, f"the iterator's inlined code (or a function go inlines there) {clash} too")
    if e.message.startswith(MOVED):
        name = e.message.removeprefix(MOVED).encode()
        clause = next(c for c in loop.named_children if c.type == "range_clause")
        if any(c.type == ":=" for c in clause.children) and name in {n.text for n in _left(clause)}:
            return Note(e, None, f"{name.decode()} is declared by the for clause itself")
        found = [n for n in _declared(body) if n.text == name]
        what = f"declarations of {name.decode()}"
        at = {n: n.start_byte for n in found}
    elif e.message == LITERAL_ESCAPES:
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


def _clash(message: str, others: _Others) -> str:
    """What makes the message one the other inlined code could print: '' when nothing does."""
    if message.startswith(MOVED):
        name = message.removeprefix(MOVED)
        return f"declares {name}" if name.encode() in others.names else ""
    if message == LITERAL_ESCAPES:
        return "holds a func literal" if others.literals else ""
    printed = message.removesuffix(SUFFIXES[0]).removesuffix(SUFFIXES[1])
    return f"holds `{printed}`" if printed in others.printed else ""


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
    inner = address_operand(node)
    if inner is not None:
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

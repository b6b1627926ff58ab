"""A bufio Writer (Reader) over an expression that is not a local variable: `bufio.NewReader(c.conn)`,
`bufio.NewWriter(os.Stdout)`, `bufio.NewWriter(track(&buf))`.

The deferred Put is handed what the Get was given, to leave alone the caller's own Writer that bufio's
constructor returns as it is (wrappers.py). Naming the expression again would evaluate it again: a field
another goroutine may set in between, a call with an effect, twice. Held in a fresh local first (`src :=
c.conn`, then `br := getBufioReader(src)` and `defer putBufioReader(br, src)`), the expression is evaluated
once, where the constructor's argument was (the statement's only operand with an effect: the constructor is a
package function), and the Get and the Put see the same value, whatever the expression and its type. The
untyped nil has no type a `:=` can give it and declines. Inside a loop nothing is held: neither the Get nor
the Put names the expression, and the reuse helper evaluates it once per iteration where the constructor did
(wrapper_loops.py)."""

from __future__ import annotations

from gorewrite.edits import Edit
from gorewrite.rules.sync_pool.names import fresh
from gorewrite.syntax import Node, address_operand, indentation, text, unparen
from gorewrite.typeinfo import Kind, TypeInfo


def named(inner: Node) -> Node | None:
    """The variable the wrapped argument names: w itself, or x in `&x`; None for anything else."""
    inner = address_operand(inner) or inner
    return inner if inner.type == "identifier" else None


def local(types: TypeInfo, path: str, inner: Node) -> bool:
    """Is the wrapped expression a local variable or parameter, or its address (`w`, `&buf`), which the Put
    may name again (wrappers.py checks it is not written in between)?"""
    variable = named(inner)
    found = types.at(path, variable.start_byte) if variable is not None else None
    return found is not None and found.local and found.kind in (Kind.VAR, Kind.PARAM)


def reason(types: TypeInfo, path: str, inner: Node) -> str | None:
    """Why the wrapped expression cannot be held in a local of its own, or None."""
    bare = unparen(inner)
    found = types.at(path, bare.start_byte) if bare.type in ("nil", "identifier") else None
    if found is not None and found.kind == Kind.NIL:
        return "the untyped nil, which no local can hold"
    return None


def edits(source: bytes, path: str, statement: Node, inner: Node, stem: str, taken: set[str]) -> tuple[str, list[Edit]]:
    """The local holding the wrapped expression (stem, or stem2, … where the package or an earlier site of the
    fix names it), declared just before the site's statement, and the expression replaced by it (the caller names
    it in the Get and the Put)."""
    held = fresh(stem, taken)
    indent = indentation(source, statement.start_byte).decode()
    declared = f"{held} := {text(inner).decode()}\n{indent}".encode()
    return held, [
        Edit(path, statement.start_byte, statement.start_byte, declared),
        Edit(path, inner.start_byte, inner.end_byte, held.encode()),
    ]

"""Whether a size expression can be evaluated twice with the same value and no other effect: a rewrite
that names it twice (`a[:n:n]`) or after other code (a pool's Get) relies on it."""

from __future__ import annotations

from gorewrite.lengths import bit_count, encoding_length, rune_count
from gorewrite.proposals import PackageView
from gorewrite.syntax import Node, call_args
from gorewrite.terms import struct_of_field
from gorewrite.trips import local
from gorewrite.type_bounds import conversion
from gorewrite.typeinfo import Kind

SEQUENCES = ("slice", "array", "string")  # shapes go/types gives a variable that can be indexed


def _package_or_local(view: PackageView, path: str, node: Node | None) -> bool:
    """A package name (`hex`), a package's variable (`base64.StdEncoding`), a local variable, or nothing:
    what an encoding's length function is called on."""
    if node is None:
        return True
    if node.type == "selector_expression":
        node, field = (
            node.child_by_field_name("operand"),
            view.types.at(path, node.child_by_field_name("field").start_byte),
        )
        if node.type != "identifier" or field is None or field.kind != Kind.VAR:
            return False
    ident = view.types.at(path, node.start_byte) if node.type == "identifier" else None
    return ident is not None and (ident.kind == Kind.PKGNAME or ident.local and ident.kind in (Kind.VAR, Kind.PARAM))


def pure(view: PackageView, path: str, node: Node) -> bool:
    """Does evaluating the size twice give the same value and do nothing else: a literal, a
    constant, a local variable, a field of a local struct value (`h.Len`: nothing in `a[:x:x]`
    writes h; `hp.Len` another goroutine may), `len` of a local slice or string (a channel's length
    changes under another goroutine's send), an element of one (`msg[off]`), or `min`/`max`, integer
    conversions, arithmetic, an encoding's length (`hex.EncodedLen`), a count of bits (`bits.OnesCount32`)
    or of runes (`utf8.RuneCountInString(s)`: a second pass over at most the bound's bytes) of those?
    A work list, not recursion: an expression may nest deeper than Python's stack (2000 parentheses)."""
    pending = [node]
    while pending:
        parts = _parts(view, path, pending.pop())
        if parts is None:
            return False
        pending += parts
    return True


def _parts(view: PackageView, path: str, node: Node) -> list[Node] | None:
    """The subexpressions a node's purity rests on (none for a leaf), or None where it is not pure."""
    if node.type == "int_literal" or view.types.value(path, node.start_byte, node.end_byte) is not None:
        return []
    if node.type == "identifier":
        ident = view.types.at(path, node.start_byte)
        return [] if ident is not None and ident.local and ident.kind in (Kind.VAR, Kind.PARAM, Kind.RESULT) else None
    if node.type in ("parenthesized_expression", "binary_expression"):
        return node.named_children
    if node.type == "selector_expression":
        return [] if struct_of_field(view, path, node) is not None else None
    if node.type == "index_expression":  # msg[off] of a local slice, array or string (the operand itself)
        held = local(view.types, path, node.child_by_field_name("operand"))
        return [node.child_by_field_name("index")] if held is not None and held.shape in SEQUENCES else None
    if node.type != "call_expression":
        return None
    converted = conversion(view, path, node)  # int(count): an integer conversion does nothing else
    if converted is not None:
        return [converted[1]]
    function = node.child_by_field_name("function")
    ident = view.types.at(path, function.start_byte) if function.type == "identifier" else None
    args = call_args(node)
    counts = bit_count(view, path, function) is not None or rune_count(view, path, function)
    if encoding_length(view, path, function) is not None or counts:
        # hex.EncodedLen(n), bits.OnesCount32(x), utf8.RuneCount(b): functions of their arguments alone
        receiver = function.child_by_field_name("operand") if function.type == "selector_expression" else None
        return list(args) if _package_or_local(view, path, receiver) else None
    if ident is None or ident.kind != Kind.BUILTIN or ident.name not in ("len", "min", "max"):
        return None
    if ident.name == "len":
        arg = view.types.at(path, args[0].start_byte) if len(args) == 1 and args[0].type == "identifier" else None
        return [] if arg is not None and arg.local and arg.shape in ("slice", "string") else None
    return list(args)

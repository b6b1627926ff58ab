"""A string or []byte boxed in `any` only to be printed by `%s` into a bytes.Buffer: fmt's `a ...any` leaks its
operands, so `fmt.Fprintf(b, "%s=%s ", k, v)` puts k and v on the heap (convTstring's 16 bytes each, or a
[]byte's whole array), where `b.WriteString(k)` writes the same bytes and keeps them on the stack.

The call statement becomes its pieces in order: each operand whose directive prints it unchanged, written with
the Buffer's own Write or WriteString; each run of other text and directives between them, the same format's part
with its operands (or, taking none, its text decoded by WriteString). That writes the same bytes where, by
fmt/print.go's doPrintf and bytes.Buffer's methods:
- the directive is exactly `%s` (or `%v` of a string), no flag, width or precision, and the operand a variable of
  type string or []byte (go/types: no named type, so no method fmt would call): fmt prints it byte for byte (a
  nil []byte as nothing);
- the format is a string constant (go/types' value) with no argument index and exactly the operands the call
  gives (no `%!s(MISSING)`, `%!(EXTRA …)` or `%!(NOVERB)`; `%*%` takes one, and a width past 1e6 ends the format):
  each other directive then prints in its piece as in the whole, from the same operands in the same order;
- nothing runs between the pieces that could tell them from one write: every operand is a constant or variable
  of a predeclared type or []byte, whose formatting calls no method of the program and whose later read gives the
  value the call read (only the Buffer's writes run in between), and the writer is a `*bytes.Buffer` variable,
  whose Write never fails (it panics with ErrTooLarge past the largest slice, with the whole text or a piece of
  it) and hands the bytes to no one; another io.Writer may fail a Write or count them, strings.Builder's inlined
  WriteString reports its append escaping under go1.25+, and `&b` is left to sync-pool (_writer);
- a []byte is not the Buffer's own storage, which a write before it may overwrite where fmt had copied it first:
  the Buffer is made by `new(bytes.Buffer)` in the function, and none of its uses hands out a slice of it but
  `b.Bytes()` spread into Go's append, which copies it (lent.py);
- the call is a statement of a block: its `(n, err)` go unread;
- the writer's and each variable operand's type is one every build gives it (TypeInfo.printed, the go/types
  helper's steadyOperand: no name it depends on declared in a file only some builds compile, of this package or
  another): go/types reads this build, where `id` is a []byte; `id_hex.go` (`//go:build hexed`) declares it a
  `Hex` whose String fmt calls, and `b.Write(id)` takes a Hex too.
The full doc is rules/iface-direct/README.md ("Operands of fmt.Fprintf").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gorewrite import callees
from gorewrite.claims import MovesAllocation, RemovesTargets
from gorewrite.edits import Edit
from gorewrite.escapes import Escape
from gorewrite.proposals import Fix, PackageView
from gorewrite.rulekit import import_declarations, near_syntax_error, node_at, owner, types_or_reason
from gorewrite.rules.iface_direct.fields import VARIABLES, buffer_field, field_type, operand_type
from gorewrite.rules.iface_direct.grown import APPENDED, INLINED_BUILDER, UNGROWN, grow, ungrown
from gorewrite.rules.iface_direct.lent import BYTES, lent, read_late
from gorewrite.rules.iface_direct.methodless import underlying
from gorewrite.rules.iface_direct.sites import NAME
from gorewrite.rules.iface_direct.verbs import Directive, directives, quoted, unquoted
from gorewrite.syntax import Node, address_operand, call_args, import_removal, import_specs, indentation, text, walk
from gorewrite.typeinfo import TypeInfo

WRITERS = ("*bytes.Buffer", "*strings.Builder")
BUILDER = "*strings.Builder"
BASIC = {"bool", "string", "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64"}
BASIC |= {"uintptr", "byte", "rune", "float32", "float64", "complex64", "complex128", "[]byte", "[]uint8"}
USES = {"selector_expression": "operand", "qualified_type": "package"}  # a package's name in a file, by node


def operand_call(view: PackageView, escape: Escape) -> Node | None:
    """The `….Fprintf(w, format, …)` call the escaping variable is an operand of, by syntax, where a literal format
    does not show another directive than `%s` or `%v` printing it."""
    node = node_at(view, escape)
    if node is None or node.type not in ("identifier", "selector_expression"):
        return None
    if node.parent is None or node.parent.type != "argument_list":
        return None
    call = node.parent.parent
    function = call.child_by_field_name("function")
    args = call_args(call)
    if function.type != "selector_expression" or text(function.child_by_field_name("field")) != b"Fprintf":
        return None
    if node not in args[2:]:
        return None
    literal = text(args[1])[1:-1] if args[1].type in ("interpreted_string_literal", "raw_string_literal") else None
    if literal is None or re.search(rb"\\[xuU0-7]", literal):  # a name, or a `%` by an escape: types will tell
        return call
    found = directives(literal)
    if isinstance(found, str):
        return call  # declined, saying why
    taken = 0
    for d in found:
        taken += d.operands
        if taken > args.index(node) - 2:
            return call if literal[d.start : d.end] in (b"%s", b"%v") and args.index(node) - 2 == taken - 1 else None
    return call  # more operands than directives: declined


@dataclass(frozen=True)
class Split:
    """A call statement's output as pieces in order: (b"", operand) for an operand written as it is, (part of the
    format, its operands) for the rest; the receiver its writes are called on."""

    statement: Node
    receiver: bytes
    pieces: tuple[tuple[bytes, Node | tuple], ...]
    builder: bool = False  # a *strings.Builder's: written after one Grow of the whole (grown.py)

    @property
    def whole(self) -> bool:
        """Is every piece a plain write, no fmt call left?"""
        return all(isinstance(o, Node) or not o for _, o in self.pieces)


def rewrite(view: PackageView, escape: Escape, call: Node) -> Fix | str:
    """The call split into writes of its operands and the rest of its format, or why it stays."""
    types = types_or_reason(view)
    problem = near_syntax_error(view, escape.path, call)
    if problem or isinstance(types, str):
        return problem or types
    path = escape.path
    split = _split(view, types, path, call)
    if isinstance(split, str):
        return split
    at = view.offset(escape)  # a selector's position is its dot: `l.From` at `.`
    target = next((o for o in call_args(call)[2:] if o.start_byte <= at < o.end_byte), None)
    if not any(o == target for _, o in split.pieces):
        return f"{_why_kept(view, types, path, call, target)}: fmt still formats it"
    if not split.whole or split.builder:
        why = INLINED_BUILDER if split.builder else "fmt would still format its other operands"
        return inlined(view, path, call, why) or _fix(view, escape, [split], [])
    others = [
        n
        for n in uses_of_package(view, path, call)
        if not split.statement.start_byte <= n.start_byte < split.statement.end_byte
    ]
    more = [_split(view, types, path, n.parent) if _split_like(n) else "" for n in others]
    if not all(isinstance(m, Split) and m.whole for m in more):
        return _fix(view, escape, [split], [])  # fmt stays imported for a use no fix takes
    dropped = import_removal_of(view, path)
    if dropped is None:
        return "the split leaves fmt unused, and gorewrite cannot remove its import (a name, or a line it shares)"
    return _fix(view, escape, sorted([split, *more], key=lambda s: s.statement.start_byte), [dropped])


def _split(view: PackageView, types: TypeInfo, path: str, call: Node) -> Split | str:
    """The call's pieces, or why fmt.Fprintf's one write may not become several."""
    args = call_args(call)
    if callees.callee(view, path, call) != ("fmt", "", "Fprintf"):
        return "the call is not fmt.Fprintf, by go/types"
    statement = call.parent
    if statement.type != "expression_statement" or statement.parent.type != "statement_list":
        return "the call's results (n, err) are used, or it is no statement of a block: a split call has no one n"
    if any(n.type == "comment" for n in walk(call)):
        return "the call holds a comment, which the split would lose"
    receiver = _writer(types, path, args[0])
    if isinstance(receiver, str):
        return receiver
    format = format_of(types, path, args[1])
    if format is None:
        return "its format is not a string constant go/types gives the value of"
    found = directives(format)
    if isinstance(found, str):
        return found
    operands = args[2:]
    if sum(d.operands for d in found) != len(operands):
        return "its format takes another number of operands than the call gives (fmt prints MISSING or EXTRA)"
    for operand in operands:
        problem = plain(view, types, path, operand)
        if problem:
            return problem
    builder = _builds(types, path, call)
    split = Split(statement, receiver, tuple(_pieces(view, types, path, call, format, found)), builder)
    if builder and not split.whole:
        return UNGROWN
    unwritable = ungrown(view, types, path) if builder else None
    return unwritable or read_late(view, types, path, call, split.pieces) or split


def format_of(types: TypeInfo, path: str, arg: Node) -> bytes | None:
    value = types.constant(path, arg.start_byte, arg.end_byte) or ""
    return unquoted(value.partition(":")[2]) if value.startswith("2:") else None


def inlined(view: PackageView, path: str, call: Node, why: str) -> str | None:
    """Why a split that leaves fmt formatting other operands (or writes a Builder: grown.py) is not offered: the
    compiler inlines the function, and the writes it adds cost the inliner more than the call did, while its body
    keeps escaping."""
    function = owner(call)
    name = function.child_by_field_name("name") if function is not None else None
    line = name.start_point.row + 1 if name is not None else None
    if any(e.path == path and e.line == line and e.message.startswith("can inline ") for e in view.escapes):
        return (
            f"the compiler inlines {text(name).decode()}, and {why}: the writes"
            " the split adds would stop the inlining while the function's body keeps escaping"
        )
    return None


def _writer(types: TypeInfo, path: str, arg: Node) -> bytes | str:
    """The `*bytes.Buffer` or `*strings.Builder` variable (or `&g.buf` Buffer field, fields.py) the writes are called
    on, or why the writer is not one whose writes may be split: a Buffer's or Builder's Write never fails and hands
    the bytes to no one; another io.Writer may fail one (a short write, a file) or take each on its own (a counting
    writer, a bufio.Writer that flushes). `&b` is declined too: handing it to fmt moves b to the
    heap, where sync-pool pools the Buffer whole, rewriting this call's `&b` (the two would overlap, and its pool
    fix spans every Buffer of the package); the next run splits the call on the pooled pointer."""
    field = buffer_field(types, path, arg)
    if field is not None and types.printed(path, arg.start_byte, arg.end_byte):
        return text(field)  # `&g.buf`: fields.py
    if address_operand(arg) is not None and address_operand(arg).type == "selector_expression":
        return f"it prints to {text(arg).decode()}, a field's address: only a bytes.Buffer field's is split (fields.py)"
    if address_operand(arg) is not None:
        return (
            f"it prints to {text(arg).decode()}, which moves {text(address_operand(arg)).decode()} to the heap:"
            " sync-pool pools a Buffer (or Builder) so handed whole, rewriting this call; the next run splits it on the"
            " pooled pointer"
        )
    ident = types.at(path, arg.start_byte) if arg.type == "identifier" else None
    if ident is None or ident.named not in WRITERS:
        return (
            f"it prints to {text(arg).decode()}: only a *bytes.Buffer or *strings.Builder variable, which never fails"
            " a Write and shows no one the writes apart, takes the text in several writes"
        )
    if not types.printed(path, arg.start_byte, arg.end_byte):
        return (
            f"it prints to {text(arg).decode()}, whose type comes from a declaration another build may make otherwise"
        )
    return text(arg)


def plain(
    view: PackageView, types: TypeInfo, path: str, operand: Node, verb: str | None = None, also: tuple[str, ...] = ()
) -> str | None:
    """Why fmt may run the program's code formatting the operand (a method of its type, or of its elements', which
    could see the writes apart), or evaluating it later could give another value or run code; None when it is a
    constant or a variable of a predeclared type or []byte, or of a defined integer, bool or string type declaring
    no method fmt calls for the verb (None: any verb; methodless.py), or such a field of a variable's value
    (fields.py): nothing but the Buffer's writes runs between pieces. also: types the caller admits besides (a byte
    array's, whose %x concatenated.py writes)."""
    shown = text(operand).decode()
    if types.constant(path, operand.start_byte, operand.end_byte) is not None:
        if types.predeclared(path, operand.start_byte, operand.end_byte):
            return None  # a predeclared type's, without methods (boxed_type's may be a named type's: reads_buffer)
        return f"it formats {shown}, a constant of a type whose methods fmt may call between the writes"
    ident = types.at(path, operand.start_byte) if operand.type == "identifier" else None
    field = field_type(types, path, operand)
    methodless = underlying(view, types, path, operand, verb) is not None  # another module's type never is
    if field is not None:
        if field not in BASIC and field not in also and not methodless:
            return f"it formats {shown} of {field}: fmt may call its methods or read it between the writes"
    elif ident is None or ident.kind not in VARIABLES:
        return f"it formats {shown}, not a constant or a variable: a split call would evaluate it later"
    elif (ident.named is not None or ident.type not in BASIC and ident.type not in also) and not methodless:
        kind = ident.named or ident.type or "a type gorewrite cannot tell"
        return f"it formats {shown} of {kind}: fmt may call its methods or read it between the writes"
    if not types.printed(path, operand.start_byte, operand.end_byte):  # `id := other.ID()`, a Hex under -tags hexed
        return f"it formats {shown}, whose type comes from a declaration another build may make otherwise"
    return None


def _pieces(
    view: PackageView, types: TypeInfo, path: str, call: Node, format: bytes, found: list[Directive]
) -> list[tuple[bytes, Node | tuple]]:
    pieces: list[tuple[bytes, Node | tuple]] = []
    operands = call_args(call)[2:]
    start, taken, run = 0, 0, ()
    for d in found:
        mine = tuple(operands[taken : taken + d.operands])
        taken += d.operands
        if d.operands == 1 and not _kept(view, types, path, call, format[d.start : d.end], mine[0]):
            if format[start : d.start]:
                pieces.append((format[start : d.start], run))
            pieces.append((b"", mine[0]))
            start, run = d.end, ()
        else:
            run += mine
    if format[start:]:
        pieces.append((format[start:], run))
    return pieces


def _why_kept(view: PackageView, types: TypeInfo, path: str, call: Node, target: Node | None) -> str:
    """Why the target operand stays in fmt's hands."""
    format = format_of(types, path, call_args(call)[1]) or b""
    found = directives(format)
    taken, operands = 0, call_args(call)[2:]
    for d in found if isinstance(found, list) else ():
        if target in operands[taken : taken + d.operands]:
            if operands[taken + d.operands - 1] != target:
                return f"it is the `*` of {format[d.start : d.end].decode(errors='replace')}"
            return _kept(view, types, path, call, format[d.start : d.end], target)
        taken += d.operands
    return "no directive prints it"


def _kept(view: PackageView, types: TypeInfo, path: str, call: Node, directive: bytes, operand: Node) -> str:
    """Why the directive's operand stays in fmt's hands; "" when the directive prints it unchanged and a Write of
    it may take its place."""
    shown = directive.decode(errors="replace")
    kind = operand_type(types, path, operand)
    if kind is None:
        return f"{text(operand).decode()} is a constant, which boxes without allocating"
    if shown not in ("%s", "%v") or kind in BYTES and shown != "%s":
        return f"{shown} of {kind} prints other bytes than the operand's own"
    if kind not in BYTES + ("string",):
        return f"{shown} of {kind} prints its value, not bytes a Write could take"
    builder = _builds(types, path, call)  # a Builder lends no storage (grown.py)
    return lent(view, types, path, call, operand) if kind in BYTES and not builder else ""


def _fix(view: PackageView, escape: Escape, splits: list[Split], dropped: list[Edit]) -> Fix:
    """The calls' pieces, one statement each, and the import they leave unused."""
    source = view.sources[escape.path]
    edits, written, moved = [], [], []
    for split in splits:
        lines, sizes = [], []
        call = split.statement.named_children[0]
        writer = text(call_args(call)[0])
        for part, what in split.pieces:
            if isinstance(what, Node):
                method = b"WriteString" if _is_string(view, escape.path, what) else b"Write"
                lines.append(split.receiver + b"." + method + b"(" + text(what) + b")")
                written.append(text(what).decode())
                sizes.append(b"len(" + text(what) + b")")
            elif what:
                shown = b"".join(b", " + text(o) for o in what)
                lines.append(
                    b"%s(%s, %s%s)" % (text(call.child_by_field_name("function")), writer, quoted(part).encode(), shown)
                )
            else:  # text and percent signs only: `%%` (or `%5%`) prints one
                literal, at = b"", 0
                for d in directives(part):
                    literal, at = literal + part[at : d.start] + b"%", d.end
                lines.append(split.receiver + b".WriteString(" + quoted(literal + part[at:]).encode() + b")")
                sizes.append(len(literal + part[at:]))
        if split.builder:
            lines, moved = [grow(split.receiver, sizes), *lines], moved + [APPENDED] * len(lines)
        new = (b"\n" + indentation(source, split.statement.start_byte)).join(lines)
        edits.append(Edit(escape.path, split.statement.start_byte, split.statement.end_byte, new))
    summary = (
        f"write {', '.join(dict.fromkeys(written))} with the writer's own methods, not through fmt.Fprintf: %s prints"
        " a string's or []byte's bytes unchanged, and boxing them for fmt put them on the heap"
    )
    if dropped:
        summary += f" ({len(splits)} calls of the file, the last uses of its fmt import, which goes)"
    # the other operands' candidates make the same edits and join this fix (propose)
    claim = MovesAllocation(tuple(moved)) if moved else RemovesTargets()
    return Fix(NAME, tuple(sorted(edits + dropped)), (escape,), summary, claim=claim)


def uses_of_package(view: PackageView, path: str, call: Node) -> list[Node]:
    """Every `fmt.X` of the file, by the call's qualifier: a selector, or a type (`s fmt.Stringer`), which no split
    takes (each alone was missed, and the import's removal left `undefined: fmt`)."""
    qualifier = text(call.child_by_field_name("function").child_by_field_name("operand"))
    root = view.tree(path).root_node
    return [n for n in walk(root) if n.type in USES and text(n.child_by_field_name(USES[n.type])) == qualifier]


def import_removal_of(view: PackageView, path: str) -> Edit | None:
    """The edit removing the file's unnamed import of fmt, where it stands on lines of its own."""
    for declaration in import_declarations(view.tree(path)):
        for spec in import_specs(declaration):
            if text(spec.child_by_field_name("path")) == b'"fmt"' and spec.child_by_field_name("name") is None:
                span = import_removal(view.sources[path], declaration, spec)
                return Edit(path, span[0], span[1], b"") if span is not None else None
    return None


def _split_like(selector: Node) -> bool:
    """Is the selector the function of an Fprintf call statement?"""
    call = selector.parent
    return (
        selector.type == "selector_expression"
        and text(selector.child_by_field_name("field")) == b"Fprintf"
        and call.type == "call_expression"
        and call.parent.type == "expression_statement"
    )


def _builds(types: TypeInfo, path: str, call: Node) -> bool:
    """Does the call print to a *strings.Builder variable?"""
    ident = types.at(path, call_args(call)[0].start_byte)
    return ident is not None and ident.named == BUILDER


def _is_string(view: PackageView, path: str, operand: Node) -> bool:
    return operand_type(view.types, path, operand) == "string"

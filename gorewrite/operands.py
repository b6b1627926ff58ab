"""fmt's operands: what fmt (and log, which formats with fmt.Append*) keeps of a []byte or a string it
formats, for a pool's question (does anything reach the bytes after the call?).

The compiler says `leaking param content: a` for every `...any` of fmt: an operand's methods (Format,
String, Error, GoString) may keep their receiver, and Errorf keeps the operands `%w` names in the error it
returns. Neither can happen to an operand whose type go/types writes as `[]byte`, `[]uint8` or `string`,
or a named type of those the package declares with no methods anywhere in its directory: it implements
no interface fmt asks for, so fmt prints it by its kind (fmtBytes, fmtString: len(b) bytes, copied into
its own pp.buf), Errorf keeps only `a[i].(error)` for a `%w`, which it is not (yet with `%w` naming a []byte
the bytes were seen reachable while the error lives, under go1.24.11 and go1.27.3, by a path the source
does not show), and pp.free()
drops the operand (go1.24.11 clears p.arg and p.value; go1.27.3 passes it as a parameter and stores it
nowhere). A format's verbs are read from its literal (none: declined): `%w` is declined, and so are `%p`
and `%#v`, which tell a fresh Buffer's nil Bytes() from a pooled one's empty slice (every other verb prints
nil and empty alike). log's Print functions and Logger methods format with fmt.Append*,
Sprint* into the logger's own buffer, then write that. Proof: tests/retention TestFormatOperands.
slog is not here: its records keep attrs and are handed to handlers, which may keep them.
"""

from __future__ import annotations

import os
import re

from gorewrite import callees, module_writers
from gorewrite.parameters import receiver_type
from gorewrite.proposals import PackageView
from gorewrite.rulekit import memo
from gorewrite.syntax import Node, address_operand, items, text, walk
from gorewrite.typeinfo import Kind
from gorewrite.words import whole

SOURCE = (
    "fmt/print.go: the print functions format each operand into their own pp.buf (from ppFree): handleMethods"
    " calls Format, Error, String or GoString only on an operand implementing them, else printArg prints a"
    " []byte or string by kind (fmtBytes, fmtString) within its length; pp.free() keeps no operand."
    " fmt/errors.go: Errorf keeps a[i].(error) for %w only"
    " (yet a []byte named by %w was seen reachable while the error lives: Errorf is cleared only for a literal"
    " format without %w). log/log.go: Print*, Fatal*, Panic* and the"
    " Logger's methods format with fmt.Append*, Sprint* into the logger's own buffer"
)
TEST = "TestFormatOperands"
PRINT = {"Print": 0, "Println": 0, "Printf": 1}
# (package, receiver, function) -> the index of the first operand.
FORMATS: dict[tuple[str, str, str], int] = {
    **{("fmt", "", name): first for name, first in PRINT.items()},
    **{("fmt", "", "S" + name.lower()): first for name, first in PRINT.items()},
    **{("fmt", "", "F" + name.lower()): first + 1 for name, first in PRINT.items()},
    **{("fmt", "", name.replace("Print", "Append")): first + 1 for name, first in PRINT.items()},
    ("fmt", "", "Errorf"): 1,
    **{
        ("log", recv, name.replace("Print", verb)): first
        for recv in ("", "Logger")
        for verb in ("Print", "Fatal", "Panic")
        for name, first in PRINT.items()
    },
}
BYTES = ("[]byte", "[]uint8", "string")
SEQUENCE = re.compile(r"\*?\[\d+\](?:byte|uint8)")  # an array of bytes (or a pointer to one), sliced: []byte


def judged(view: PackageView, path: str, key: tuple[str, str, str], call: Node, argument: int) -> str | None:
    """None when argument is not an operand of a function FORMATS lists; "" when fmt keeps nothing of it (the
    module); else why it may, as `which formats …`."""
    first = FORMATS.get(key)
    if first is None or argument < first:
        return None
    args = items(call.child_by_field_name("arguments"))
    if key[2].endswith("f"):  # the operands' verbs are in the format, the argument before them
        unclear = _unclear_format(args[first - 1])
        if unclear:
            return unclear
    expr = args[argument]
    written, named = written_type(view, path, expr)
    shown = f"{key[1]}.{key[2]}" if key[1] else f"{key[0]}.{key[2]}"
    if written in BYTES and (written != "string" or _universe_string(view)):
        return ""
    if named is None:
        kind = f"`{written}`" if written else "a type gorewrite cannot tell"
        return (
            f"which formats it as an operand of {kind}: fmt calls the Format, String, Error or GoString an"
            f" operand's type has, or prints its fields by reflection; gorewrite clears only []byte and string"
            f" operands of {shown}"
        )
    return memo(view, ("methodless", named), lambda: _methodless(view, named))  # every file's tree, walked once


def _unclear_format(format: Node) -> str:
    """Why the format may print a pooled []byte otherwise than a fresh one, or keep it; "" when it cannot: a
    string literal none of whose verbs is %w (an Errorf whose %w names a []byte was seen keeping the bytes
    reachable while the error lives), %p (the storage's address: 0x0 for a fresh Buffer's nil Bytes()) or a
    #-flagged %v (`[]byte(nil)` for a fresh Buffer's Bytes(), `[]byte{}` for a pooled one's)."""
    if format.type not in ("interpreted_string_literal", "raw_string_literal"):
        return "whose format is not a string literal: gorewrite cannot tell which verbs print it"
    escapes = re.findall(rb"\\(.)", text(format)) if format.type == "interpreted_string_literal" else []
    if any(e not in b'nt"\\' for e in escapes):
        return "whose format holds an escape sequence (`\\x25` is a %): gorewrite reads only plain literals"
    for verb in re.findall(rb"%[^A-Za-z%]*[A-Za-z]", text(format)):
        if verb.endswith((b"w", b"p")) or verb.endswith(b"v") and b"#" in verb:
            return (
                f"whose format prints an operand with {verb.decode()}: %w may keep it, and %p and %#v tell a"
                " fresh Buffer's nil Bytes() from a pooled one's empty, non-nil slice"
            )
    return ""


def _universe_string(view: PackageView) -> bool:
    """Is `string`, as go/types writes a type, the universe's in every file? A package's own `type string []byte`
    is written so too, and fmt calls its Format, which may keep the operand (adv41b)."""
    return memo(view, ("universe string",), lambda: "string" in module_writers.predeclared(tuple(sorted(view.sources))))


def written_type(view: PackageView, path: str, expr: Node) -> tuple[str | None, str | None]:
    """The type of the operand as go/types writes it, where gorewrite can tell, and the name of a named []byte
    or string type the package declares (`Frame`); (None, None) when it cannot tell."""
    while expr.type == "parenthesized_expression" and expr.named_children:
        expr = expr.named_children[0]
    if expr.type == "identifier":
        ident = view.types.at(path, expr.start_byte)
        if ident is None or ident.kind not in (Kind.VAR, Kind.PARAM, Kind.RESULT) or not ident.type:
            return None, None
        mine = ident.named and ident.named.rpartition(".")[0] == view.package.import_path
        return ident.type, ident.type if mine and ident.shape in ("slice", "string") else None
    operand = address_operand(expr)
    if operand is not None:
        written, _ = written_type(view, path, operand)
        return (f"*{written}" if written else None), None
    if expr.type == "slice_expression":  # a slice or string keeps its type; an array's gives []byte
        written, named = written_type(view, path, expr.child_by_field_name("operand"))
        return ("[]byte", None) if written and SEQUENCE.fullmatch(written) else (written, named)
    if expr.type == "type_conversion_expression":
        return text(expr.child_by_field_name("type")).decode(), None
    if expr.type == "call_expression":  # buf.Bytes(): the one result of the function's signature
        return callees.result_type(view, path, expr), None
    return None, None


def _methodless(view: PackageView, name: str) -> str:
    """ "" when the package declares `type name []byte` (or `[]uint8`, `string`) and no file of its directory
    (another build's, a test's) declares a method of it or names it where this build cannot see; else why not."""
    declared = False
    for path, source in sorted(view.sources.items()):
        if path not in view.package.files:
            if not path.endswith("_test.go") and re.search(whole(name.encode()), source):
                return f"which formats it as a {name}, which {os.path.basename(path)} (another build's) names"
        for node in walk(view.tree(path).root_node):
            if node.type == "method_declaration" and receiver_type(node.child_by_field_name("receiver")) == name:
                where = f"{os.path.basename(path)}:{node.start_point.row + 1}"
                return f"which formats it as a {name}, whose methods ({where}) fmt may call, and they may keep it"
            if node.type == "type_spec" and text(node.child_by_field_name("name")) == name.encode():
                declared = path in view.package.files and text(node.child_by_field_name("type")).decode() in BYTES
    return "" if declared else f"which formats it as a {name}, not declared in the package as a []byte or string"

"""Operands of a defined integer, bool or string type (`type UserID int64`, `type Status string`, `type Flag bool`)
that fmt prints as their underlying type's value, because by fmt/print.go (go1.24 and go1.27 alike) it runs none
of their methods for the verb.

printArg's type switch matches only predeclared types (and reflect.Value), so a defined type goes to handleMethods
and then printValue, which prints an integer kind by fmtInteger, a bool by fmtBool and a string by fmtString: the
bytes the underlying type's value prints. handleMethods calls a Formatter's Format for every verb, Error or String
only for %v %s %x %X %q, GoString only for %#v. The interface holds a copy of the operand's value (a variable, a
field, a field read through a pointer alike: the operand's type is the defined type, not a pointer to it), whose
method set is the methods declared with a value receiver: a method on *T is never called. A defined type whose
underlying type is not a struct or interface has only the methods declared on it: none come by embedding.

Whether the type declares one of those methods must hold in every build and under `go test`: every .go file of
the type's package directory is read, whatever build or test compiles it (a `_windows.go` file, a
`//go:build linux` one, a `_test.go` one, generated ones), and any method of such a name on the type, or on a
receiver that may be it (generic, any alias, `type A = ID; func (A) String()`, or in a file that does not parse),
declines; so does a type whose name those files declare more than once (per build). That every build gives the
operand this type (typeinfo.printed) is the caller's to ask, as for any operand.

Those files prove the type methodless only as they are: the package's own, which change only as the program does. A
type of another module (std's, or a dependency's) is read in the release or version the build has today, and Go 1
compatibility lets a later one add a method to an exported type: crypto/x509's KeyUsage and ExtKeyUsage gained
String in go1.26, so `%v` of one prints `1` under go1.24.11 and `serverAuth` under go1.27.3. handleMethods calls
a Format method for every verb but %T and %p, so no verb is safe from such a method: the operand prints through
its type, and only a type the rewritten package declares (or, rewriting std itself, std's, which ships with it) is
read as methodless. An operand the program converts to a predeclared type first (`int64(u)`) is no defined type.
"""

from __future__ import annotations

import os
from collections import Counter

from gorewrite.build_files import go_files, parsed
from gorewrite.proposals import PackageView
from gorewrite.rulekit import memo
from gorewrite.syntax import Node, receiver_type, text, unparen_type, walk
from gorewrite.typeinfo import TypeInfo

# handleMethods: Format for every verb, Error or String for %v %s %x %X %q, GoString only for %#v
CALLED = dict.fromkeys(("%d", "%t", "%o", "%b", "%c"), ("Format",)) | dict.fromkeys(
    ("%v", "%s", "%x", "%q"), ("Format", "Error", "String")
)
ANY = ("Format", "Error", "String", "GoString")  # a verb not known: every method handleMethods may call


def underlying(view: PackageView, types: TypeInfo, path: str, operand: Node, verb: str | None) -> str | None:
    """The predeclared type (go/types' name: "int64", "byte", "bool", "string") whose value fmt prints for the
    operand under the verb (None: any verb), where the operand's type (in this build: typeinfo.printed says whether
    in every build) is a defined type of that underlying type declaring no method fmt calls for it in any build;
    None otherwise."""
    named = types.named(path, operand.start_byte, operand.end_byte)
    if named is None or not _own(view, named):
        return None
    return named["basic"] if _methodless(view, named, verb) else None


def foreign(view: PackageView, types: TypeInfo, path: str, operand: Node, verb: str | None) -> str | None:
    """Why an operand of another module's type declines that its files would admit today: a later release of that
    module may give the type a method fmt calls for the verb, which the rewrite would never run."""
    named = types.named(path, operand.start_byte, operand.end_byte)
    if named is None or _own(view, named) or not _methodless(view, named, verb):
        return None
    value = "number" if named["basic"] not in ("string", "bool") else f"{named['basic']} value"
    return (
        f"it formats {text(operand).decode()} of {named['pkg']}.{named['name']}, which a later release may give "
        f"a String or Format method (go1.26 gave crypto/x509's KeyUsage String; fmt calls Format for every verb): "
        f"the rewrite would keep printing the {value}"
    )


def _own(view: PackageView, named: dict) -> bool:
    """Is the type the rewritten package's own (declared in its directory), or std's where the package is std's
    (the release ships both)? Only then do its files today say which methods it has in every build to come."""
    if named["std"]:
        return view.package.standard
    return bool(named["file"]) and os.path.dirname(named["file"]) == os.path.normpath(view.package.dir)


def _methodless(view: PackageView, named: dict, verb: str | None) -> bool:
    """Does the type declare, in any build, no method fmt calls for the verb (None: any verb)?"""
    if not named["file"]:
        return False
    declared = _declared(view, named)
    return declared is not None and not set(declared) & set(CALLED.get(verb, ANY) if verb else ANY)


def _declared(view: PackageView, named: dict) -> list[str] | None:
    """The names of the methods with a value receiver its package's files declare on the type, in any build (a
    receiver not named, or named by an alias, `type A = ID; func (A) String()`: any method's); None when a file
    does not parse or the type is not declared once."""
    directory = os.path.dirname(named["file"])
    read = memo(view, ("methodless", directory), lambda: _directory(directory))
    if read is None:
        return None
    found, aliases, types = read
    ours = {None, named["name"], *aliases}
    return [method for owner, method in found if owner in ours] if types[named["name"]] == 1 else None


def _directory(directory: str) -> tuple[list[tuple[str | None, str]], set[str], Counter[str]] | None:
    """Every file of the directory, any build's, read once for all its types: the value receivers' (type name,
    method name), the names of its aliases, and how often each type name is declared; None when a file does not
    parse (a method may hide in the error)."""
    found: list[tuple[str | None, str]] = []
    aliases: set[str] = set()
    types: Counter[str] = Counter()
    for path in go_files(directory):
        root = parsed(path)
        if root.has_error:
            return None
        for node in root.named_children:
            if node.type == "type_declaration":
                specs = [s for s in walk(node) if s.type in ("type_spec", "type_alias")]
                types.update(text(s.child_by_field_name("name")).decode() for s in specs)
                aliases |= {text(s.child_by_field_name("name")).decode() for s in specs if s.type == "type_alias"}
            if node.type != "method_declaration":
                continue
            receiver = node.child_by_field_name("receiver")
            owner = receiver_type(receiver)
            if owner is None or not _pointer(receiver):
                found.append((owner, text(node.child_by_field_name("name")).decode()))
    return found, aliases, types


def _pointer(receiver: Node) -> bool:
    """Is the receiver a pointer (`(s *Slot)`, `(s (*Slot))`)? Its methods are not in the value's method set."""
    decl = next(d for d in receiver.named_children if d.type == "parameter_declaration")  # receiver_type found one
    return unparen_type(decl.child_by_field_name("type")).type == "pointer_type"

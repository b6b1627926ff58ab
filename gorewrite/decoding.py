"""Does encoding/json keep the input bytes once json.Unmarshal has returned?

Not itself: v1 decodes from a decodeState local to the call and copies what it stores (`string(item)`, base64's
new slice, RawMessage's `append((*m)[0:0], data...)`), and go1.25+'s json/v2 (go1.27's default encoding/json)
puts its decoder back in its pool with `d.s.buf = nil` and clones what its errors quote: tests/retention's
TestJSONUnmarshal proves it with the GC, errors included, under go1.24.11 and go1.27.3. But it hands the bytes to
the decoding methods of the types it decodes into: `UnmarshalJSON must copy the JSON data if it wishes to retain
the data after returning` is a contract a package may break (`func (id *ID) UnmarshalJSON(b []byte) error { *id =
b; … }`). So the target's type decides, by go/types (gotypes/decoders.go): every UnmarshalJSON and UnmarshalText
it may reach must keep nothing of its argument under every toolchain (the compiler's parameter verdict); json/v2's
UnmarshalJSONFrom (a decoder over the bytes), an interface (json decodes into what a non-nil one holds: any type's
methods; but a nil one without methods, which a fresh local target holds, gets only json's own values) or a
type parameter decline, as does a type of another non-std package (another build of it may declare
it otherwise) or a package whose other builds, or in-package test files, may give its types other methods.
"""

from __future__ import annotations

from gorewrite import callees, zeroed
from gorewrite.build_files import method_tests
from gorewrite.parameters import judge, verdict_of
from gorewrite.proposals import PackageView
from gorewrite.stdtable import Entry
from gorewrite.syntax import Node, address_operand, items, text, unparen
from gorewrite.typeinfo import Ident, Kind

NAMES = frozenset({"UnmarshalJSON", "UnmarshalText", "UnmarshalJSONFrom"})
TARGETS = (Kind.VAR, Kind.PARAM, Kind.RESULT, Kind.FIELD)
# What decoders.go reports where go/types cannot name the methods json may call.
UNSEEN = {
    "iface": "it may reach {}, an interface, and json decodes into what it holds, whose methods may keep them",
    "param": "it may reach {}, a type parameter",
    "named": "it may reach a type of {}, whose other builds may declare it otherwise",
}

# Decoding methods each release's compile may give no verdict for: of std packages a caller need not
# import, or a type another release declares as an alias (go1.27's json.RawMessage is one of jsontext.Value, and
# go/types' types are the first release's). Each keeps nothing of its argument.
DECODERS: dict[tuple[str, str, str], Entry] = {
    ("encoding/json", "RawMessage", "UnmarshalJSON"): Entry(
        (),
        "encoding/json/stream.go: UnmarshalJSON stores append((*m)[0:0], data...), a copy (go1.27: v2_stream.go's"
        " RawMessage = jsontext.Value, whose UnmarshalJSON does the same)",
        "TestJSONUnmarshal",
    ),
    ("encoding/json/jsontext", "Value", "UnmarshalJSON"): Entry(
        (),
        "encoding/json/jsontext/value.go: UnmarshalJSON stores append((*v)[:0], b...), a copy, as v1's RawMessage",
        "TestJSONUnmarshal",
    ),
}


def kept(view: PackageView, path: str, call: Node, index: int | None) -> str | None:
    """None when decoding into the call's argument `index` (a pointer) hands the input bytes only to methods that
    keep nothing of them (or index is None: the entry decodes nothing); else why not."""
    if index is None:
        return None
    arguments = items(call.child_by_field_name("arguments"))
    target = _target(view, path, arguments[index]) if index < len(arguments) else None
    if target is None or target.decodes is None:
        return "which decodes into a value whose type gorewrite cannot read (`&v` or a pointer variable `p`)"
    found = varying(view, NAMES)
    if found:
        return f"which decodes into a value whose methods {found} may change (another build or go test compiles it)"
    fresh = None  # computed at the first interface without methods
    for reached in filter(None, target.decodes.split(";")):
        if reached.startswith("empty "):
            fresh = _fresh_target(view, path, call, arguments[index]) if fresh is None else fresh
            if fresh:
                continue  # every such interface json reaches is nil: it stores json's own values there
            reached = "iface" + reached.removeprefix("empty")
        problem = _reached(view, reached)
        if problem:
            return f"which decodes into {text(arguments[index]).decode()}: {problem}"
    return None


def _fresh_target(view: PackageView, path: str, call: Node, argument: Node) -> bool:
    """Is the target `&x` (or a pointer `x`) a local the call still finds as its declaration made it (zeroed.py)?
    Then every interface json reaches in it is nil (fields, and what nil pointers, maps and slices json makes
    lead to), and json fills a nil one without methods with its own maps, slices, strings, float64s and bools,
    which have no decoding methods and copy what they hold (TestJSONUnmarshal's `any` fields)."""
    argument = unparen(argument)
    operand = address_operand(argument)
    node = unparen(operand) if operand is not None else argument
    return node.type == "identifier" and zeroed.untouched(view, path, call, node)


def _target(view: PackageView, path: str, argument: Node) -> Ident | None:
    """The variable (or field) json decodes into: x of `&x` (`&x.f`), or a pointer x (`x.f`)."""
    while argument.type == "parenthesized_expression" and argument.named_child_count == 1:
        argument = argument.named_children[0]
    address = address_operand(argument) is not None
    node = address_operand(argument) or argument
    if node is not None and node.type == "selector_expression":
        node = node.child_by_field_name("field")
    if node is None or node.type not in ("identifier", "field_identifier"):
        return None
    ident = view.types.at(path, node.start_byte)
    if ident is None or ident.kind not in TARGETS or not (address or ident.pointer):
        return None
    return ident


def _reached(view: PackageView, reached: str) -> str | None:
    """Why a type or method decoding may reach keeps the bytes, or may: None when it keeps nothing."""
    what, _, rest = reached.partition(" ")
    if what in UNSEEN:
        return UNSEEN[what].format(rest)
    package, recv, name = rest.split("\t")
    if name == "UnmarshalJSONFrom":
        return f"it may call (*{recv}).{name}, which reads the bytes through a decoder it may keep"
    if (package, recv, name) in DECODERS:  # proven by the GC, where the caller's compile gives no verdict
        return None
    return method_keeps(view, (package, recv, name), False)


def varying(view: PackageView, names: frozenset[str]) -> str | None:
    """A file that may give the package's types other methods named names: another build's, or an in-package
    test file `go test` compiles with it; None when there is none."""
    return callees.other_builds(view) or next(iter(method_tests(view.package.dir, view.package.name, names)), None)


def method_keeps(view: PackageView, key: tuple[str, str, str], contents: bool) -> str | None:
    """Why the method may keep its first parameter (with contents, anything reached from it), by every release's
    verdict on it; None when none does."""
    for version, verdicts in sorted(view.parameters.items()):
        signature = verdicts.get(key)
        if signature is None:
            return f"it may call (*{key[1]}).{key[2]}, {verdicts.missing(key, version)}"
        problem = judge(verdict_of(signature, 0)[0], contents, version)
        if problem:
            return f"it may call (*{key[1]}).{key[2]}, {problem}"
    return None

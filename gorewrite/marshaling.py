"""Does encoding/xml's Encoder hand the writer it holds to a method that may keep it?

xml.NewEncoder(w) keeps w in a bufio.Writer inside the Encoder, and nothing of std's keeps the Encoder past its
caller (stdtable.py's entry, proven by tests/retention's TestXMLEncoder under go1.24.11 and go1.27.3). But Encode and
EncodeElement hand the Encoder itself to the MarshalXML(e *Encoder, start StartElement) methods of the types they
encode (marshal.go: `val.MarshalXML(p.encoder, start)`), and one may keep e and write through it later. So the
value's type decides, by go/types (gotypes/decoders.go's encoders, the walk json's decoding uses: every type reached
through fields, embedded ones, pointers, slices, arrays and maps): every MarshalXML it may reach must keep nothing of
e, nor anything reached from it, under every toolchain (the compiler's verdict on e: `does not escape`). A method
that writes through e (`e.EncodeElement(…)`) leaks it by that verdict and declines, as does an interface reached
(xml encodes what it holds: any type's methods), a type parameter, a type of another non-std package, or a package
whose other builds or in-package test files may give its types other methods. MarshalXMLAttr and MarshalText return
what they make and never see the Encoder; EncodeToken encodes only xml's own token types, calling no method of them.
"""

from __future__ import annotations

from gorewrite import callees
from gorewrite.decoding import method_keeps, varying
from gorewrite.proposals import PackageView
from gorewrite.syntax import Node, address_operand, items, text, unparen
from gorewrite.typeinfo import Ident, Kind

NAMES = frozenset({"MarshalXML"})
# The Encoder's methods that hand it to the encoded value's methods, by the position of that value.
ENCODES = {("encoding/xml", "Encoder", "Encode"): 0, ("encoding/xml", "Encoder", "EncodeElement"): 0}
VALUES = (Kind.VAR, Kind.PARAM, Kind.RESULT, Kind.FIELD)
# What decoders.go reports where go/types cannot name the methods xml may call.
UNSEEN = {
    "iface": "it may reach {}, an interface, and xml encodes what it holds, whose MarshalXML may keep the Encoder",
    "empty": "it may reach {}, an interface, and xml encodes what it holds, whose MarshalXML may keep the Encoder",
    "param": "it may reach {}, a type parameter",
    "named": "it may reach a type of {}, whose other builds may declare it otherwise",
}


def kept(view: PackageView, path: str, call: Node) -> str | None:
    """None when the call hands the Encoder to nothing (it is not Encode or EncodeElement), or only to MarshalXML
    methods that keep nothing of it; else why not."""
    index = ENCODES.get(callees.callee(view, path, call))
    if index is None:
        return None
    arguments = items(call.child_by_field_name("arguments"))
    value = _value(view, path, arguments[index]) if index < len(arguments) else None
    if value is None or value.encodes is None:
        return "which encodes a value whose type gorewrite cannot read (not x, &x, x.f or a T{…} literal)"
    found = varying(view, NAMES)
    if found:
        return f"which encodes a value whose methods {found} may change (another build or go test compiles it)"
    for reached in filter(None, value.encodes.split(";")):
        what, _, rest = reached.partition(" ")
        problem = UNSEEN[what].format(rest) if what in UNSEEN else method_keeps(view, tuple(rest.split("\t")), True)
        if problem:
            return f"which hands itself to the methods of {text(arguments[index]).decode()}: {problem}"
    return None


def _value(view: PackageView, path: str, argument: Node) -> Ident | None:
    """What go/types says of the value encoded: the variable or field of `x`, `&x`, `x.f`, `&x.f`, or the type
    name of a `T{…}` (`&T{…}`, `pkg.T{…}`) literal."""
    argument = unparen(argument)
    argument = unparen(address_operand(argument) or argument)
    kinds = VALUES
    if argument.type == "composite_literal":
        argument, kinds = argument.child_by_field_name("type"), (Kind.TYPE,)
        if argument.type == "qualified_type":
            argument = argument.child_by_field_name("name")
    elif argument.type == "selector_expression":
        argument = argument.child_by_field_name("field")
    if argument.type not in ("identifier", "field_identifier", "type_identifier"):
        return None
    ident = view.types.at(path, argument.start_byte)
    return ident if ident is not None and ident.kind in kinds else None

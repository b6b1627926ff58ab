"""`b := bytes.NewBuffer(nil)`, `bytes.NewBuffer(make([]byte, 0, 1024))`, `bytes.NewBufferString("")`:
the constructors of an empty Buffer, pooled as `new(bytes.Buffer)` is.

NewBuffer(buf) returns `&Buffer{buf: buf}`: the Buffer reads buf as its contents and grows into its
spare capacity. With no contents (nil, or a make of length 0 whose constant sizes cannot panic), the
Buffer is empty, as a pooled one is after its Reset: every method that reads or writes within the
length behaves alike; only the capacity differs (a make's hint, a pooled Buffer's earlier growth),
which REUSABLE's capacity methods observe, and those decline as for any pooled Buffer. Which function
and which `make` they are comes from go/types (a package's own NewBuffer, or a shadowed make, is not).
A Buffer made over a caller's slice, or a non-empty string, is not taken: the pooled one would not
share that slice, nor start with those bytes.
"""

from __future__ import annotations

from gorewrite.proposals import PackageView
from gorewrite.rules.sync_pool.sites import Site
from gorewrite.syntax import Node, call_args, text, unparen
from gorewrite.typeinfo import Kind


def empty_buffer(view: PackageView, site: Site) -> str | None:
    """Why the constructor call is not bytes' NewBuffer or NewBufferString of an empty Buffer; None when it is."""
    function = site.value.child_by_field_name("function")
    field = function.child_by_field_name("field")
    called = view.types.at(site.path, field.start_byte)
    written = text(site.value).decode()
    if called is None or called.kind != Kind.FUNC or called.pkg != "bytes":
        return f"go/types does not say {text(function).decode()} is the bytes package's"
    args = call_args(site.value)
    if len(args) != 1:
        return f"{written} does not take one argument"
    arg = unparen(args[0])
    if text(field) == b"NewBufferString":
        empty = arg.type in ("interpreted_string_literal", "raw_string_literal") and len(text(arg)) == 2
    elif _made(view, site.path, arg):
        sizes = [view.types.value(site.path, a.start_byte, a.end_byte) for a in call_args(arg)[1:]]
        if None in sizes:
            return f"{written}: a make of sizes not constant may panic, a pooled Buffer would not"
        empty = len(sizes) in (1, 2) and sizes[0] == 0
    else:
        empty = _nil(view, site.path, arg)
    return None if empty else f"{written} starts with contents (a caller's slice or bytes): a pooled Buffer would not"


def _nil(view: PackageView, path: str, node: Node) -> bool:
    """Is it the universe's nil, by go/types? tree-sitter parses any `nil` as one: a `nil := []byte("hello, ")`
    of the function is a Buffer's contents (adv41b)."""
    found = view.types.at(path, node.start_byte)
    return found is not None and found.kind == Kind.NIL


def _made(view: PackageView, path: str, node: Node) -> bool:
    """Is it a call of Go's make (`make([]byte, 0, C)` is empty, and constant sizes cannot panic)?"""
    return node.type == "call_expression" and view.types.builtin(path, node.start_byte, "make")

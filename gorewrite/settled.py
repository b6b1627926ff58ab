"""Whether an expression has one value for the whole of a statement, whatever else the statement calls:
a rewrite that moves where inside the statement it is read (a make nested in a call's arguments becomes
a slicing the compiler may evaluate after the other calls, where the make, a call itself, came first)
relies on it."""

from __future__ import annotations

from gorewrite.proposals import PackageView
from gorewrite.pure import pure
from gorewrite.rulekit import owner, use_owner
from gorewrite.syntax import Node, walk
from gorewrite.typeinfo import Kind, Use

VARIABLES = (Kind.VAR, Kind.PARAM, Kind.RESULT)


def settled(view: PackageView, path: str, node: Node) -> bool:
    """Is the (pure) expression made of constants, package names, builtins, conversions and local
    variables no call can write: their address never taken (gotypes counts `a[:]` and a pointer
    method's implicit `&a`), written by no func literal but their own function's body (a literal
    called in the statement, or a goroutine, would write them), and no field read through a pointer,
    no element and no dereference (memory any call may write)?"""
    if not pure(view, path, node):
        return False
    function = owner(node)
    idents = view.types.idents.get(path, ())
    for part in walk(node):
        if part.type in ("index_expression", "slice_expression") or (
            part.type == "unary_expression" and part.child_by_field_name("operator").text == b"*"
        ):
            return False
        if part.type not in ("identifier", "field_identifier"):
            continue
        ident = view.types.at(path, part.start_byte)
        if ident is None:
            return False
        if ident.kind == Kind.FIELD and ident.indirect:
            return False
        if ident.kind not in VARIABLES:
            continue  # a constant, a package, a builtin, a type, a field of a local struct value
        if not ident.local or ident.obj is None or ident.shape == "pointer":
            return False
        for use in idents:
            if use.obj != ident.obj:
                continue
            if use.use == Use.ADDR:
                return False
            if use.use == Use.WRITE and use_owner(view.tree(path).root_node, use) != function:
                return False
    return True

"""Whether any code can see a slice variable's capacity: where none can, `new([K]T)[:n]` may stand for
`make([]T, n)`, whose capacity is n, with two nodes fewer for the inliner than `[:n:n]`.

Go reads a slice's capacity in `cap(s)`, in a slicing (`s[:j]` may reach up to cap, and `s[i:]` keeps cap-i), in an
`append` to it (in place within cap, into a new array beyond: a later write through the slice shows in the
append's result or not), and wherever the slice goes: a callee, another variable, a result, an interface, a
pointer to the variable. An index (`s[i]`, `&s[i]`), `len(s)`, `range s`, `copy`, `string(s)` and a spread
`append(x, s...)` read only the length and the elements. A variable every use of which (by go/types' object,
in func literals too) is one of those, or a write of it, has a capacity nothing observes: another capacity
changes nothing the program does. A write of the variable is harmless: the slice it held is then out of reach.
"""

from __future__ import annotations

from gorewrite import builtins
from gorewrite.proposals import PackageView
from gorewrite.syntax import Node
from gorewrite.typeinfo import Use

READ_LENGTH = ("len", "copy", "string")  # builtins (or a conversion) that read a slice's length and elements only


def unobserved(view: PackageView, path: str, obj: str) -> bool:
    """Does no use of the local slice variable `obj` read its capacity, or let other code read it?"""
    root = view.tree(path).root_node
    for ident in view.types.idents.get(path, ()):
        if ident.obj == obj and ident.use not in (Use.DECL, Use.WRITE):
            if not _reads_length(view, path, root.descendant_for_byte_range(ident.start, ident.end)):
                return False
    return True


def _reads_length(view: PackageView, path: str, node: Node) -> bool:
    """Is this use of the slice (never an index, nor a range's variable: those are integers or writes) one that
    sees only its length and elements?"""
    parent = node.parent
    if parent.type in ("index_expression", "range_clause"):
        return True
    if parent.type == "variadic_argument":  # `append(x, s...)` copies the elements; `f(s...)` hands f the slice
        return builtins.called(view.types, path, parent.parent.parent) == "append"
    if parent.type == "argument_list":
        return builtins.called(view.types, path, parent.parent) in READ_LENGTH
    return False

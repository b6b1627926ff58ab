"""A result that aliases a pooled value's storage, held in a local: `b := buf.Bytes()`.

retention.py judges where such a result goes (`copy`, `len`, `string(…)`, a callee that keeps nothing).
Held in a local, the result goes wherever the local goes: each use of it is judged as the result would
be, and reading a byte of it (`b[1]`, `b[i:]` read the same way) keeps nothing, as reading one of the
result straight away does (`buf.Bytes()[n-1]`). A reslice is read through only within the length (`b[i:]`,
`b[:len(b)-1]`, `b[:min(len(b), 8)]`, of the local itself): up to any other bound it may reach past it, where a
pooled buffer's storage holds an earlier call's bytes (`b[0:8][7]` of a 2-byte write: a fresh Buffer's zero, a
pooled one's earlier byte), and is judged as a use. The local is a []byte
declared by a one-name `:=` whose only value is the result; its scope lies within the pooled value's, and
the pool's Put is deferred (sync-pool's only form), so every use in the function's own code comes before
it. A use in a func literal, a go or a defer statement may come after: that declines, and so does every
use retention declines (returned, stored, assigned, sent, `&b`, appended to). The value whose storage it holds
may not be used in the local's scope but to measure or copy it (`Len`, `String`, `Bytes`): a write there
(`buf.Reset(); buf.WriteString(t)`) grows a fresh Buffer's small storage into a new array, leaving the local
what it was, where a pooled one's larger storage takes it in place, under the local (adv44g: `string(b)` was
t's bytes where it had been s's).
"""

from __future__ import annotations

from collections.abc import Iterable

from gorewrite import builtins, callees
from gorewrite.proposals import PackageView
from gorewrite.rulekit import owner, run_later
from gorewrite.syntax import Node, address_operand, address_taken, held, items, unparen, walk
from gorewrite.typeinfo import Kind


def uses(view: PackageView, path: str, result: Node, first: bool = False) -> tuple[str, list[Node]] | str | None:
    """The local the result is held in and its uses, each to be judged as the result itself (reads of a byte
    left out), or why the local may outlive the Put; None when the result is not so held. `first`: the result is
    a call's first, and its others hold none of it (`src, err := format.Source(b)`)."""
    local = callees.held_local(view, path, result, first)
    if local is None or local[1].type != "[]byte":
        return None
    statement, declared = local
    written = _written(view, path, result, statement)
    if written:
        return f"is held in {declared.name}, {written}"
    function = owner(statement)
    found = []
    for use in callees.naming(view, path, declared):
        later = run_later(use, function)
        if later is not None:
            shown = later.type.replace("_", " ").removesuffix(" statement")
            return f"is held in {declared.name}, which is used in a {shown}: it may run after the pool's Put"
        use = _outermost(view, path, use)
        if not _indexed(use):
            found.append(use)
    return declared.name, found


def reads_byte(view: PackageView, path: str, result: Node) -> bool:
    """Is the result (`buf.Bytes()[i]`, `buf.Bytes()[i:][k]`) only read a byte of, which keeps nothing?"""
    return _indexed(_outermost(view, path, result))


def _outermost(view: PackageView, path: str, use: Node) -> Node:
    """The use through the parentheses and the slice expressions within its length it is the operand of: `b[i:]`
    of b, `b[:len(b)-1]`."""
    while _operand(use) and (use.parent.type == "parenthesized_expression" or within(view, path, use)):
        use = use.parent
    return use


def within(view: PackageView, path: str, operand: Node) -> bool:
    """Is the slice expression of operand within its length: no upper bound, or one at most `len(operand)` of the
    same variable (go/types), through `min(…)` of any argument so bounded or less a constant that is not negative?"""
    sliced = operand.parent
    if sliced.type != "slice_expression" or sliced.child_by_field_name("capacity") is not None:
        return False
    end = sliced.child_by_field_name("end")
    target = view.types.at(path, operand.start_byte) if operand.type == "identifier" else None
    return end is None or (target is not None and target.obj is not None and _at_most_len(view, path, end, target.obj))


def _at_most_len(view: PackageView, path: str, bound: Node, obj: str) -> bool:
    bound = unparen(bound)
    if bound.type == "binary_expression" and bound.child_by_field_name("operator").type == "-":
        right = bound.child_by_field_name("right")
        value = view.types.value(path, right.start_byte, right.end_byte)
        return value is not None and value >= 0 and _at_most_len(view, path, bound.child_by_field_name("left"), obj)
    called = builtins.called(view.types, path, bound)
    arguments = items(bound.child_by_field_name("arguments")) if called else []
    if called == "min":
        return any(_at_most_len(view, path, a, obj) for a in arguments)
    if called != "len" or len(arguments) != 1 or unparen(arguments[0]).type != "identifier":
        return False
    measured = view.types.at(path, unparen(arguments[0]).start_byte)
    return measured is not None and measured.obj == obj


# bytes.Buffer's and strings.Builder's methods that change neither the value nor its storage (go/types' package)
READ_ONLY = frozenset(
    {("bytes", "Len"), ("bytes", "String"), ("bytes", "Bytes"), ("strings", "Len"), ("strings", "String")}
)


def _written(view: PackageView, path: str, result: Node, statement: Node) -> str | None:
    """Why a value whose storage the result may be (a variable a method is called on in it: buf of `buf.Bytes()`,
    `bytes.TrimSuffix(buf.Bytes(), nl)`) may change while the local the `:=` statement declares holds it, or None
    when each such variable is only measured or copied in the local's scope."""
    owners = {}
    for node in walk(result):
        if node.type == "selector_expression" and node.parent.type == "call_expression":
            receiver = unparen(node.child_by_field_name("operand"))
            receiver = unparen(address_operand(receiver) or receiver)  # (&buf).Bytes()
            ident = view.types.at(path, receiver.start_byte) if receiver.type == "identifier" else None
            if ident is not None and ident.kind in (Kind.VAR, Kind.PARAM) and ident.obj is not None:
                owners[ident.obj] = ident.name
    if not owners:  # a reslice of a local (`head := b[:8]`) lies in the scope of b, whose uses were judged so
        calls = any(n.type == "call_expression" and not builtins.called(view.types, path, n) for n in walk(result))
        return (
            "and what it holds is no variable's storage gorewrite can follow, which may change under it"
            if calls
            else None
        )
    scope = statement.parent  # the block, or the if or switch statement the `:=` initialises
    scope = scope.parent if scope.type == "for_clause" else scope  # a for loop's init: its body too
    root = view.tree(path).root_node
    for use in view.types.idents.get(path, ()):
        if use.obj not in owners or not statement.end_byte <= use.start < scope.end_byte:
            continue
        _, parent = held(root.descendant_for_byte_range(use.start, use.end))
        method = parent.child_by_field_name("field") if parent.type == "selector_expression" else None
        called = parent.parent.type == "call_expression" and parent.parent.child_by_field_name("function") == parent
        read = view.types.at(path, method.start_byte) if method is not None and called else None
        if read is None or read.kind != Kind.METHOD or (read.pkg, read.name) not in READ_ONLY:
            return (
                f"while {use.name} is used on line {view.line(path, use.start)}: a write may move a fresh"
                " buffer's storage and change a pooled one's larger storage in place, under it"
            )
    return None


def _indexed(use: Node) -> bool:
    """`b[i]` reads a byte; `&b[i]` points into the storage (adv34g)."""
    return use.parent.type == "index_expression" and _operand(use) and not address_taken(use.parent)


def said(name: str, judged: Iterable[str | None]) -> str | None:
    """The first reason among the uses' (`is returned`), as the local's: `is held in b, which is returned`."""
    reason = next(filter(None, judged), None)
    return f"is held in {name}, which {reason}" if reason else None


def _operand(node: Node) -> bool:
    """Is the node what its parent (a slice or index expression, parentheses) is taken of?"""
    parent = node.parent
    return parent.type == "parenthesized_expression" or parent.child_by_field_name("operand") == node

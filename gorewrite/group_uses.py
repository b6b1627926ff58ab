"""Can the package signal a WaitGroup field other than by the goroutines its Adds count?

`p.wg.Add(1); go func() { defer p.wg.Done(); … }()` … `p.wg.Wait(); x = …`: Wait returns once the
counter is zero. This goroutine's Add happened before the Wait, so the counter is zero before its
Done only if some other Done (or a negative Add) took that count: a Done with no Add of its own
before it. The field's uses are then checked across the package (go/types objects, every file the
build compiles; a field is the package's own):

- the field is unexported and named (an exported one, or an embedded sync.WaitGroup promoting its
  methods, could be signalled from other packages);
- every use is a call of its Add, Done, Wait or Go (go1.25: an Add, then a Done when f returns) as
  a statement or deferred, on a field path groups.py proves (no `&p.wg`, no copy, not passed);
- an Add adds a constant >= 0 or `len(…)`: a count that may be negative would take back another's;
- every Done is a goroutine's one signal (deferred, or its last statement) that an Add of the same
  storage counts before its go statement (adds.py), so each Done has its own Add before it;
- no file the type check did not see (a test file, another build's file) names a field so called.

Then each Done that runs has an Add unit of its own that happened before it, this goroutine's
being its own Done's: the counter reaches zero only after this goroutine's Done, which is
synchronized before Wait returns.
"""

from __future__ import annotations

import os

from gorewrite import callees
from gorewrite.adds import counted_done
from gorewrite.groups import ERRGROUP, WAITGROUP, held
from gorewrite.proposals import PackageView
from gorewrite.rulekit import memo, owner
from gorewrite.spawns import GROUP_GO, WG_ADD, WG_DONE, WG_WAIT, Signal, Spawn, method_of
from gorewrite.syntax import Node, call_args, walk
from gorewrite.typeinfo import Kind, TypeInfo, Use

METHODS = (b"Add", b"Done", b"Wait", b"Go")
NAMES = ("identifier", "field_identifier")
STATEMENTS = ("expression_statement", "defer_statement")


def scopes(view: PackageView, function: Node) -> tuple[tuple[str, int, int], ...]:
    """The package's top-level declarations naming a field the function calls Add, Done, Wait or Go of
    (`p.wg.Add(1)`), by name: the ranges whose types `fields` reads (Candidate.also); with such a field,
    the functions it may call too, which overwrites.py reads."""
    names = set()
    for node in walk(function):
        operand = node.child_by_field_name("operand") if node.type == "selector_expression" else None
        called = operand is not None and node.child_by_field_name("field").text in METHODS
        if called and operand.type == "selector_expression":
            names.add(operand.child_by_field_name("field").text)
    found = []
    for path in view.package.files if names else ():
        for decl in view.tree(path).root_node.named_children:
            if any(name in decl.text for name in names):
                found.append((path, decl.start_byte, decl.end_byte))
    return tuple(found) + (callees.scopes(view, function) if names else ())


def fields(view: PackageView, types: TypeInfo, path: str, function: Node) -> tuple[tuple[str, str], ...]:
    """For each WaitGroup or errgroup.Group field the function calls a method of, by object: why the
    package may signal it otherwise ("" when it cannot; always for an errgroup.Group, which has no Done:
    whatever the package calls, Wait returns only once every f its Go started has returned)."""
    found = {}
    for node in walk(function):
        field = node.child_by_field_name("field") if node.type == "selector_expression" else None
        ident = types.at(path, field.start_byte) if field is not None and field.type == "field_identifier" else None
        if ident is None or ident.kind != Kind.FIELD or ident.obj is None or ident.named not in (WAITGROUP, ERRGROUP):
            continue
        if ident.named == ERRGROUP:  # no Done: only the wrapper Go starts f in takes a count back, after f returns
            found[ident.obj] = None
            continue
        found[ident.obj] = memo(view, ("group_uses", ident.obj), lambda i=ident: misuse(view, types, i.obj, i.name))
    return tuple((obj, reason or "") for obj, reason in found.items())


def misuse(view: PackageView, types: TypeInfo, obj: str, name: str) -> str | None:
    """Why the package may signal the field (obj) other than by the goroutines its Adds count; None when not."""
    file, _, at = obj.rpartition(":")
    decl = view.tree(file).root_node.named_descendant_for_byte_range(int(at), int(at)) if file in view.sources else None
    spec = decl.parent if decl is not None else None
    if spec is None or spec.type != "field_declaration" or spec.child_by_field_name("name") is None:
        return "is an embedded field: its Add, Done and Wait are promoted, and may be called from anywhere"
    if name[:1].isupper():
        return f"is an exported field: another package may call its Done with no Add of its own ({name})"
    for path in view.sources:
        if path in view.package.files:
            continue
        inside = walk(view.tree(path).root_node)
        named = next((n for n in inside if n.type == "field_identifier" and n.text == name.encode()), None)
        if named is not None:
            where = f"{os.path.basename(path)}:{named.start_point.row + 1}"
            return f"is named in {where}, a file this build does not compile (a test, another build's)"
    for path in view.package.files:
        root = view.tree(path).root_node
        for node in walk(root):
            if node.type not in NAMES or node.text != name.encode():
                continue
            ident = types.at(path, node.start_byte)
            where = f"{os.path.basename(path)}:{node.start_point.row + 1}"
            if ident is None and node.type == "field_identifier":
                return f"may be named at {where}, where go/types said nothing"
            mine = ident is not None and ident.obj == obj and ident.use != Use.DECL
            wrong = _wrong_use(types, path, node) if mine else None
            if wrong:
                return f"{wrong} ({where})"
    return None


def _wrong_use(types: TypeInfo, path: str, field: Node) -> str | None:
    """Why a use of the field may signal it other than a counted goroutine's Done; None when it cannot."""
    selector = field.parent
    method = selector.parent if selector.type == "selector_expression" else None
    call = method.parent if method is not None and method.type == "selector_expression" else None
    how = method_of(types, path, method) if call is not None and call.type == "call_expression" else None
    if how not in (WG_ADD, WG_DONE, WG_WAIT, *GROUP_GO) or call.parent.type not in STATEMENTS:
        return "is used other than by a call of its Add, Done, Wait or Go as a statement (copied, passed, &-taken)"
    storage = held(types, path, selector)
    if isinstance(storage, str):
        return f"is signalled through {storage}"
    if how == WG_ADD:
        count = call_args(call)[0]
        value = types.value(path, count.start_byte, count.end_byte)
        function = count.child_by_field_name("function") if count.type == "call_expression" else None
        lengths = function is not None and types.builtin(path, function.start_byte, "len")
        if not lengths and (value is None or value < 0):
            return f"is given to Add a count that may be negative, {count.text.decode()}: it would take back another's"
    if how == WG_DONE:
        literal = owner(call)
        wrapped = literal is not None and literal.parent.type == "call_expression"
        if wrapped and literal.parent.parent.type == "defer_statement":
            literal = owner(literal.parent)  # `defer func() { recover(); p.wg.Done() }()`, as counted_done sees it
        started = literal is not None and literal.type == "func_literal" and literal.parent.type == "call_expression"
        go = literal.parent.parent if started else None
        function = owner(go) if go is not None and go.type == "go_statement" else None
        signal = Signal("done", storage.obj, storage.name, call)
        if function is None or not counted_done(types, Spawn(path, function, literal, go), signal, selector):
            return (
                "has a Done that is not the one signal of a goroutine counted by an Add of it just before its go "
                "statement, so it may take another goroutine's count"
            )
    return None

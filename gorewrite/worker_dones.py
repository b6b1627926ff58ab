"""A worker started by name and given the WaitGroup's address: `go dialWorker(&wg, p, jobs)`, `go p.reapOne(&wg, c)`.

    func dialWorker(wg *sync.WaitGroup, p *Pool, jobs <-chan string) {
        defer wg.Done()
        for addr := range jobs { … }
    }

Such a go statement starts a goroutine whose one effect on the WaitGroup is a single Done, as a counted
`go func() { defer wg.Done(); … }()` beside it has: the callee is the package's own function or method
(go/types names it statically: no function value, no interface method; not generic, no other build may
declare it otherwise), the argument is `&wg` of a local WaitGroup value named nowhere else in the call (not
in another argument nor the receiver), given to a named, non-variadic parameter p, and the callee's first
statement is `defer p.Done()`, p named nowhere else in it. So every call of it calls Done exactly once: the
defer runs once per call, last of its deferred calls, on a return, a recovered panic or runtime.Goexit (an
unrecovered panic ends the program); nothing else can Done, Add or pass p on. adds.py counts such a go
statement like a literal's with the Add before it, and happens_before.py lets `&wg` stand as that goroutine's
one signal. The worker reads none of the function's variables by reference (its arguments are evaluated at
the go statement), so only its Done matters to the proofs.
"""

from __future__ import annotations

import re

from gorewrite import callees, wait_calls
from gorewrite.proposals import PackageView
from gorewrite.rulekit import memo
from gorewrite.spawns import WG_DONE, Spawn, method_of
from gorewrite.syntax import Node, ancestors, call_args, statements, unparen, walk
from gorewrite.typeinfo import TypeInfo

DEFERRED_DONE = re.compile(rb"defer\s+\w+\s*\.\s*Done\s*\(")  # a declaration with no such text Dones no parameter first
# (the go statement's start, the `&wg` argument's start and end, the WaitGroup's go/types object)
Worker = tuple[int, int, int, str]


def scopes(view: PackageView, function: Node) -> tuple[tuple[str, int, int], ...]:
    """The package's functions and methods the function calls directly that defer a Done, whose types
    `workers` reads (no others: their types would change what other proofs read of them)."""
    return callees.direct_scopes(view, function, DEFERRED_DONE)


def workers(view: PackageView, types: TypeInfo, path: str, function: Node) -> tuple[Worker, ...]:
    """The function's own go statements (none in a func literal) that start such a worker, once a function."""
    return memo(view, ("worker_dones", path, function.start_byte), lambda: _workers(view, types, path, function))


def worker_go(spawn: Spawn, node: Node) -> Node | None:
    """The go statement whose worker node (a use of the WaitGroup, or the `&wg` argument) is given to."""
    for start, arg, end, _ in spawn.workers:
        if arg <= node.start_byte and node.end_byte <= end:
            node = spawn.function.named_descendant_for_byte_range(start, start)
            return next(a for a in (node, *ancestors(node)) if a.type == "go_statement")
    return None


def worker_done(spawn: Spawn, go: Node, obj: str) -> Node | None:
    """The `&wg` argument standing for the Done of the worker the go statement starts, for the WaitGroup obj."""
    for start, arg, end, group in spawn.workers:
        if start == go.start_byte and group == obj:
            return spawn.function.named_descendant_for_byte_range(arg, end)
    return None


def _workers(view: PackageView, types: TypeInfo, path: str, function: Node) -> tuple[Worker, ...]:
    found = []
    for go in walk(function, skip=lambda n: n.type == "func_literal"):
        call = go.named_children[0] if go.type == "go_statement" else None
        if call is None or call.type != "call_expression":
            continue
        for index, arg in enumerate(call_args(call)):
            obj = _given(types, path, call, arg)
            if obj is not None and _done_last(view, path, call, index):
                found.append((go.start_byte, arg.start_byte, arg.end_byte, obj))
    return tuple(found)


def _given(types: TypeInfo, path: str, call: Node, arg: Node) -> str | None:
    """The WaitGroup's object when arg is `&wg` of a local sync.WaitGroup value the call names nowhere else."""
    handed = wait_calls.handed_once(types, path, call, arg)
    return handed[0].obj if handed is not None and handed[1] and handed[0].type == "sync.WaitGroup" else None


def _done_last(view: PackageView, path: str, call: Node, index: int) -> bool:
    """Does the callee's parameter `index` get exactly one Done, deferred by its first statement?"""
    handed = wait_calls.handed_param(view, path, call, index)
    if handed is None:
        return False
    file, decl, uses = handed
    body = statements(decl.child_by_field_name("body"))
    if not body or body[0].type != "defer_statement":
        return False
    deferred = unparen(body[0].named_children[0])
    function = deferred.child_by_field_name("function") if deferred.type == "call_expression" else None
    if function is None or function.type != "selector_expression" or method_of(view.types, file, function) != WG_DONE:
        return False
    operand = unparen(function.child_by_field_name("operand"))
    done = view.types.at(file, operand.start_byte) if operand.type == "identifier" else None
    return done is not None and len(uses) == 1 and done.obj == uses[0].obj and not call_args(deferred)

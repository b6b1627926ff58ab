"""Retention: can a pointer passed to a call still be reachable after the call returns? A rule moving a value off the
heap or into a pool needs to know. The compiler knows for what it compiles: its parameter verdicts (parameters.py),
std included. Where it cannot, a curated std table (stdtable.py, each entry citing its source, proven by a Go test in
tests/retention) says which methods of an interface argument a function calls (`fmt.Fprintf` calls `w.Write`), whose
verdicts for the dynamic type decide, or that it hands a buffer only to io's Read and Write (`io.CopyBuffer`);
SELF_STORES and CONTRACTS clear std methods whose `leaking param content` is a store into the receiver or a hand-off
to an io.Writer (io.Reader), and io's Read and Write rest on their contract (contracts.py; `relies` collects those).
The package's own leaking functions are followed into (callees.py; generic ones read in source, called_only.py):
every use of the parameter must keep nothing of it. A rule opts in with `Rule(retention=True)`."""

from __future__ import annotations

import os
from dataclasses import dataclass
from itertools import takewhile

from gorewrite import builtins, called_only, callees, closed, contracts, decoding, operands, result_locals, stdsubslices
from gorewrite.local_literals import called_in_place
from gorewrite.own_holders import Wrap, holder_kept, wrapping
from gorewrite.param_elements import standing
from gorewrite.parameters import RECEIVER, aliases, judge, verdict_of
from gorewrite.proposals import PackageView
from gorewrite.stdreceivers import CONTRACTS, SELF_STORES
from gorewrite.stdtable import TABLE
from gorewrite.syntax import Node, ancestors, held, items
from gorewrite.typeinfo import Kind

UNDESCRIBED = "whose parameter go/types does not describe"
# What a followed parameter's other uses do with it, in the words of the reason to decline.
USES = {
    "return_statement": "is returned",
    "assignment_statement": "is assigned: it may be stored where it outlives the call",
    "short_var_declaration": "is assigned to another variable, which gorewrite does not follow",
    "type_assertion_expression": "is type-asserted: what the assertion gives may be kept",
    "send_statement": "is sent on a channel",
}
COPIES = ("copy", "len", "cap", "string")


def kept(
    view: PackageView,
    call: Node,
    argument: int,
    *,
    contents: bool = False,
    relies: set[str] | None = None,
    dynamic: tuple[str, str] | None = None,
) -> str | None:
    """None when, under every toolchain of the run, the callee provably does not keep the pointer
    passed as `argument` (its index among the call's arguments, or RECEIVER) after it returns;
    otherwise the reason to decline, in words a Go engineer can act on (`is passed to keep, whose
    parameter go1.27.3 reports as `leaking param: b``: prefix it with the variable's name).

    `contents`: also decline when the callee may keep what the pointer points to (`leaking param
    content`, or a result that aliases it, as `bytes.Buffer.Bytes` does): a pooled object must not
    be reachable at all, a variable kept on the stack only needs its own address not to be.
    `relies`: gets the interface contracts (CONTRACTS) the answer rests on. `dynamic`: the argument's
    type once rewritten, when not its own (a Buffer standing for a Builder).
    """
    return _kept(view, call, argument, contents, dynamic, 0, set() if relies is None else relies)


def _kept(
    view: PackageView,
    call: Node,
    argument: int,
    contents: bool,
    dynamic: tuple[str, str] | None,
    depth: int,
    relies: set[str],
    caller: tuple[str, Node, Wrap] | None = None,  # the call of a constructor whose struct keeps this call's holder
) -> str | None:
    """kept, where `dynamic` is the argument's dynamic type when a caller followed it here (a parameter)."""
    shown = callees.shown(call)
    role = f"is the receiver of {shown}" if argument == RECEIVER else f"is passed to {shown}"
    if view.types is None or view.types.error:
        return f"{role}: type information unavailable"
    if not view.parameters:
        return f"{role}: the pipeline gathered no parameter verdicts (the rule must set retention=True)"
    path = callees.file_of(view, call)
    contract = contracts.contract(view, path, call, argument)
    if contract:  # an io.Writer's Write or io.Reader's Read: not its verdict, the contract decides
        relies.add(contract)
        return None
    key = callees.callee(view, path, call, every_build=argument != RECEIVER)  # a receiver is what it is
    if isinstance(key, str):
        methods = closed.implementations(view, path, call)
        if not isinstance(methods, tuple):
            return f"{role}, {methods or key}"
        for method in methods:  # an unexported interface method: each of the package's may run
            which = f"{role}, which may run {closed.shown(view, method)}"
            problem = _called(view, path, call, method, argument, contents, dynamic, depth, relies, which)
            if problem:
                return problem
        return None
    return _called(view, path, call, key, argument, contents, dynamic, depth, relies, role, caller)


def _called(
    view: PackageView,
    path: str,
    call: Node,
    key: tuple[str, str, str],
    argument: int,
    contents: bool,
    dynamic: tuple[str, str] | None,
    depth: int,
    relies: set[str],
    role: str,
    caller: tuple[str, Node, Wrap] | None = None,
) -> str | None:
    """_kept once the function that runs is known: its verdicts, its body (the package's), the std table."""
    args = call.child_by_field_name("arguments")
    if argument != RECEIVER and args is not None and not (depth == 0 and dynamic):  # kept's `dynamic` stands
        dynamic = callees.dynamic_type(view, path, items(args)[argument]) or dynamic
    if contents and argument != RECEIVER:  # fmt's `...any`: a []byte or string operand is copied, not kept
        formatted = operands.judged(view, path, key, call, argument)
        if formatted is not None:
            return f"{role}, {formatted}" if formatted else None
    for version, verdicts in sorted(view.parameters.items()):
        signature = verdicts.get(key)
        if (generic := called_only.unjudged(verdicts, key, argument, signature)) == "":  # or None, or why not
            continue
        if signature is None:
            return f"{role}, {verdicts.missing(key, version)}{generic or ''}"
        said, element = verdict_of(signature, argument)
        problem = judge(said, contents or element, version)
        if problem is None or (argument == RECEIVER and _cleared(key, said, relies)):
            continue
        if contents and not element and aliases(said):  # buf.Bytes(): what it returns is buf's storage
            used = result_use(view, path, call, depth, relies)
            if used is None:
                continue
            return f"{role}, which returns its storage ({version} reports `{said}`), and that {used}"
        if key[0] == view.package.import_path and argument != RECEIVER and not element:
            if wrap := wrapping(view, key, argument):  # `return &T{w: bufio.NewWriter(w)}`: its holder judged here
                followed = _kept(view, wrap.call, wrap.index, contents, dynamic, depth + 1, relies, (path, call, wrap))
                followed = followed and f"whose {wrap.shown} {followed}"
            else:
                followed = _follow(view, Followed(key, argument, contents, dynamic), depth + 1, relies)
            if followed is None:
                break  # its body, not one release's verdict, shows it keeps nothing
            if followed != UNDESCRIBED:  # a callee the rule did not ask types for: the verdict stands
                return f"{role}, {followed}"
        entry = TABLE.get((*key, argument)) if said and said.startswith("leaking param: ") else None
        if entry is None or element:
            return f"{role}, {problem}{generic or ''}"
        if not entry.methods:  # io.CopyBuffer's buf: handed only to methods whose contract is not to keep it
            if decoded := decoding.kept(view, path, call, entry.decodes):  # json.Unmarshal's: its target's methods
                return f"{role}, {decoded}"
            relies.update(entry.relies)
            continue
        if dynamic is None:
            if (operands.written_type(view, path, items(args)[argument])[0] or "")[:2] == "[]":
                continue  # an unnamed slice type declares no methods (go/parser's src); TABLE keys no receiver
            return f"{role}, which calls its methods, and its dynamic type is not a known pointer"
        if entry.holder and (held := holder_kept(view, path, call, entry, caller)):
            return f"{role}, which keeps it in what it returns, and that {held}"
        for method in entry.methods:
            problem = _method(view, dynamic, method, contents, version, relies)
            if problem:
                return f"{role}, which {problem}"
    return None


def method_kept(view: PackageView, dynamic: tuple[str, str], method: str, relies: set[str]) -> str | None:
    """None when the type's method keeps nothing of its receiver (nor its contents) under every toolchain."""
    return next(filter(None, (_method(view, dynamic, method, True, v, relies) for v in sorted(view.parameters))), None)


def _method(
    view: PackageView, dynamic: tuple[str, str], method: str, contents: bool, version: str, relies: set[str]
) -> str | None:
    """None when the dynamic type's method keeps nothing of its receiver under that release, else what it does."""
    key = (dynamic[0], dynamic[1], method)
    receiver = view.parameters[version].get(key)
    if receiver is None and key[0] in view.parameters[version].varying:
        return f"may call (*{dynamic[1]}).{method}, {view.parameters[version].missing(key, version)}"
    if receiver is None:
        return f"may call {method}, a method *{dynamic[1]} does not declare itself"
    problem = judge(receiver.receiver, contents, version)
    if problem and _cleared(key, receiver.receiver, relies):
        return None
    return f"calls (*{dynamic[1]}).{method}, {problem}" if problem else None


def _cleared(key: tuple[str, str, str], said: str, relies: set[str]) -> bool:
    """Does a std method keep nothing of its receiver, whatever this verdict says (SELF_STORES; CONTRACTS,
    adding the contract relied on)?"""
    entry = SELF_STORES.get(key) or CONTRACTS.get(key)
    if entry is None or not said.startswith(entry.clears):
        return False
    relies.update(entry.relies)  # nothing for SELF_STORES
    return True


@dataclass(frozen=True)
class Followed:
    """A parameter of the package's own function, followed with what the call site knows of its argument."""

    key: tuple[str, str, str]
    index: int
    contents: bool
    dynamic: tuple[str, str] | None


def keeps(view: PackageView, key: tuple[str, str, str], index: int) -> str | None:
    """Why the package's own function `key` may keep its parameter `index` (its body followed); None if not."""
    return _follow(view, Followed(key, index, False, None), 1, set())


def _follow(view: PackageView, param: Followed, depth: int, relies: set[str]) -> str | None:
    """None when the package's own function keeps nothing of its parameter: every use of it in the body is a method
    call or an argument to a call that, followed in turn, keeps nothing of it. Else why, as `whose w …`. A call back
    into a function still being followed is taken to keep nothing: that function's own uses decide, and a failure
    there fails every caller up to the call site: only declines and results resting on no such one are memoised."""
    stack: list[list] = view.memo.setdefault(("retention", "following"), [])
    frames = [frame[0] for frame in stack]
    if param in frames:
        for frame in stack[frames.index(param) + 1 :]:
            frame[1] = True  # rests on an assumption about a caller
        return None
    if depth > callees.DEPTH:
        return f"which passes it on through more than {callees.DEPTH} functions of the package"
    if ("retention", param) not in view.memo:
        stack.append([param, False])
        mine: set[str] = set()
        result = _uses(view, param, depth, mine)
        _, assumed = stack.pop()
        if result is not None or not assumed:
            view.memo[("retention", param)] = (result, frozenset(mine))
        relies |= mine
        return result
    result, mine = view.memo[("retention", param)]
    relies |= mine
    return result


def _uses(view: PackageView, param: Followed, depth: int, relies: set[str]) -> str | None:
    key, index, contents, dynamic = param.key, param.index, param.contents, param.dynamic
    found = callees.declaration(view, key)
    if found is None:
        return "whose declaration gorewrite does not find among the package's files"
    path, decl = found
    if decl.child_by_field_name("body") is None:
        return callees.NO_BODY
    param = callees.parameter(view, found, index)
    if param is None:
        return UNDESCRIBED
    name, declared, _ = param
    shown = name.text.decode()
    for node in callees.naming(view, path, declared):
        problem = _use(view, node, decl, contents, callees.dynamic_type(view, path, node) or dynamic, depth, relies)
        if problem:
            return f"whose {shown} ({os.path.basename(path)}:{node.start_point.row + 1}) {problem}"
    return None


def _use(
    view: PackageView,
    node: Node,
    decl: Node,
    contents: bool,
    dynamic: tuple[str, str] | None,
    depth: int,
    relies: set[str],
) -> str | None:
    """Why this use of a followed parameter may let the callee keep it, or None."""
    enclosing = {a.type for a in takewhile(lambda a: a != decl, ancestors(node))}
    if "go_statement" in enclosing:
        return "is used in a go statement: the goroutine may outlive the call"
    for literal in (a for a in takewhile(lambda a: a != decl, ancestors(node)) if a.type == "func_literal"):
        local = called_in_place(view, callees.file_of(view, node), literal)  # `indent := func…`, only called
        if local:
            return f"is captured by a func literal that {local}: it may outlive the call"
    node = standing(view, callees.file_of(view, node), node)  # `b[4:12]` is judged as b, `b[12]` kept
    if node is None:
        return None
    expr, parent = held(node)
    call = parent.parent
    if parent.type == "call_expression" and parent.child_by_field_name("function") == expr:
        return None  # `f(x)` runs the func value it is given, keeping nothing of it
    if parent.type == "argument_list" and call.type == "call_expression":
        function = call.child_by_field_name("function")
        path = callees.file_of(view, node)
        builtin = view.types.at(path, function.start_byte) if function.type == "identifier" else None
        if builtin is not None and builtin.kind == Kind.BUILTIN:  # len reads the header only, keeping nothing
            return None if builtin.name == "len" else f"is passed to the builtin {builtin.name}"
        return _kept(view, call, items(parent).index(expr), contents, dynamic, depth, relies)
    if call.type == "assignment_statement" and call.child_by_field_name("left") == parent:
        return None  # `dst = append(dst, …)` overwrites it, keeping nothing: what the right side does is its own use
    selected = parent.type == "selector_expression" and call.type == "call_expression"
    if not selected or call.child_by_field_name("function") != parent:
        return _other_use(parent)
    method = view.types.at(callees.file_of(view, node), parent.child_by_field_name("field").start_byte)
    if method is None or method.kind != Kind.METHOD:
        return "has a field or method value selected"
    if method.recv:
        return _kept(view, call, RECEIVER, contents, dynamic, depth, relies)
    if dynamic is None:
        return f"calls {method.name}, an interface method, and its dynamic type is not a known pointer"
    for version in sorted(view.parameters):
        problem = _method(view, dynamic, method.name, contents, version, relies)
        if problem:
            return problem
    return None


def _other_use(parent: Node) -> str:  # what a value does that is neither passed nor a receiver, in USES' words
    kind = parent.parent.type if parent.type == "expression_list" else parent.type
    return USES.get(kind, f"is used in a {kind.replace('_', ' ')}")


def result_use(
    view: PackageView, path: str, call: Node, depth: int, relies: set[str], first: bool = False
) -> str | None:
    """None when the call's result, which aliases the storage, only goes straight to `copy`, `len`, `cap`, a range
    clause, a string conversion, the spread of `append(dst, b...)`, io.Writer's Write (its contract) or a function
    whose verdict keeps neither it nor its content (as an interface, the slice is boxed: its storage is the content),
    or is held in a local whose every use does (result_locals.py; `first`: its first of several names, SUBSLICES'
    other results holding none of it)."""
    local = result_locals.uses(view, path, call, first)  # `b := buf.Bytes()`: each use of b is the result
    if isinstance(local, tuple):
        return result_locals.said(local[0], (result_use(view, path, u, depth, relies) for u in local[1]))
    if local or result_locals.reads_byte(view, path, call):
        return local or None  # `buf.Bytes()[n-1]` copies a byte
    expr, parent = held(call)
    spread = parent.type == "variadic_argument"  # f(x, b...)
    if spread:
        expr, parent = parent, parent.parent
    outer = parent.parent
    ranged = parent.type == "range_clause" and parent.child_by_field_name("right") == expr  # elements copied
    if ranged or parent.type != "argument_list" or outer.type != "call_expression":
        return None if ranged else _other_use(parent)
    index = items(parent).index(expr)
    called = builtins.called(view.types, path, outer)  # the universe's own, never a declaration of its name
    if spread:
        if called == "append" and index >= 1:
            return None  # append(dst, b...) copies b's elements into dst's array (or a new one)
        return f"is passed to {callees.shown(outer)} with `...`"
    if called in COPIES:
        return None
    key = callees.callee(view, path, outer)
    if index == 0 and key in stdsubslices.SUBSLICES and stdsubslices.agreed(view.parameters, key):
        used = result_use(view, path, outer, depth, relies, True)  # bytes.TrimSuffix(b, nl): b within its length
        return used and f"is passed to {callees.shown(outer)}, which may return it, and that {used}"
    if called == "append":
        what = "appended as an element" if index else "append's first argument"  # append(out, b) holds b too
        return f"is {what}: what append returns may share its storage"
    return _kept(view, outer, index, True, None, depth + 1, relies)

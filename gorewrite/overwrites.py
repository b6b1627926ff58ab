"""May anything write a struct over a WaitGroup field between the Add that counts a goroutine and the Wait?

`p.wg.Add(1); go func() { defer p.wg.Done(); … }(); …; p.wg.Wait(); x = …` orders the write of x
after the goroutine's reads only while p.wg is the WaitGroup the Add counted: `*p = Pool{}`, `p.jobs
= jobs{}` (a struct holding wg by value), `p.reset()` or a caller's callback doing so zeroes the
counter, and Wait returns before the goroutine's Done (adv31b); so for an errgroup.Group field
(`p.g.Go(f)` … `p.g.Wait()`), whose Go is the Add. Proven here, for the code that may run between
them: every statement on a path from the counting Add to the Wait in the function (all
of a loop around the Add or the go statement the Wait is after, or around the Wait alone, which a
path may pass the Wait by and come round; all of a loop around both), every func literal
written there (the goroutine's body, before and after its Done), and every function of the package
they call, transitively:

- no assignment whose target's type names a type holding a sync.WaitGroup by value (the package's
  types, found from their declarations and go/types' field types, `g inner.EG` of another package's
  alias too: `*q = Pool{}` through any alias, `p.jobs = …`, `arr[i] = …`),
  or a target go/types cannot type; no generic function (a `T` may be one);
- no call but: the WaitGroup's own Add, Done and Wait, or the errgroup.Group's own Go of a func
  literal (read as the rest) and Wait (the same storage, groups.py); builtins that
  write no memory they are not given a fresh copy of (not copy or clear, not close); conversions; the
  package's own functions and methods proven so (callees.scopes names them, four calls deep); and
  functions of std packages that neither synchronize nor call back (PURE) whose parameters are all
  of basic types, so they are given no pointer, interface or func;
- no channel operation (send, receive, select, range over a channel) and so, with the calls above,
  no synchronization at all: a third goroutine ordered after the Add and before the Wait through a
  channel or a lock could write the struct and then count itself with Add and Done, so that Wait
  returns on its Done while this goroutine still runs.

What is left writes the struct from a goroutine the Add and the Wait are not ordered with: a data
race on the WaitGroup, which no race-free program has. No file another build compiles may exist
(callees.other_builds): there a type or a called function may be declared otherwise; the package
must not import unsafe, through whose pointers anything may be written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gorewrite import callees, groups
from gorewrite.adds import counted
from gorewrite.parameters import receiver_type
from gorewrite.proposals import PackageView
from gorewrite.spawns import Signal, Spawn
from gorewrite.syntax import Node, ancestors, call_args, contains, items, text, unparen, walk
from gorewrite.typeinfo import Kind, TypeInfo, Use

# std packages whose functions hold no lock, use no channel or sync.Once and call no user code but through
# a func or interface parameter (which the basic-parameters check excludes)
PURE = frozenset(
    ("strings", "strconv", "unicode", "unicode/utf8", "unicode/utf16", "math", "math/bits", "bytes", "path", "errors")
)
RECEIVERS = frozenset((("strings", "Builder"), ("bytes", "Buffer")))  # std types whose methods write only themselves
BUILTINS = frozenset("len cap make new min max complex real imag print println panic recover delete".split())
BASIC = frozenset(
    "bool string int int8 int16 int32 int64 uint uint8 uint16 uint32 uint64 uintptr byte rune "
    "float32 float64 complex64 complex128".split()
)
PLAIN = re.compile(r"(\.\.\.)?(\[\d*\])*(\w+)")
TYPES = ("slice_type", "array_type", "pointer_type", "map_type", "channel_type", "function_type", "qualified_type")
WG_METHODS = ("Add", "Done", "Wait")
GROUP_METHODS = ("Go", "TryGo", "Wait")  # errgroup's: Go or TryGo of a func literal, read like the rest; not SetLimit
SYNCS = "synchronizes, so another goroutine ordered by it could"
MAY = "may write the struct over it"
CHANNELS = ("sends on", "selects", "receives from", "ranges over")
HOLDS = "which holds or reaches a sync.WaitGroup"
FIELD = "is a WaitGroup or group in a struct field"


@dataclass(frozen=True)
class Writers:
    """What the proof needs from the whole package, found once per function starting goroutines."""

    package: str  # import path
    # the package's type names whose values hold or reach a sync.WaitGroup, "WaitGroup" too: a write to a value
    # of one may write a WaitGroup's struct (`ws[0] = Worker{}` of a `type Workers []Worker`, `*r` of `type
    # ref *Pool`)
    holders: frozenset[str]
    # the package's functions and methods the function may call, by (package, receiver type or "", name):
    # why one may write a struct holding a WaitGroup or synchronize, "" when it cannot
    callees: tuple[tuple[tuple[str, str, str], str], ...]
    # why the proof does not hold for the package: a file another build compiles, an unsafe import
    unproven: str | None = None


def writers(view: PackageView, types: TypeInfo, function: Node) -> Writers:
    """The package's WaitGroup holders and the verdicts on the functions `function` may call."""
    holders = _holders(view)
    package = view.package.import_path
    decls: dict[tuple[str, str, str], list[tuple[str, Node]]] = {}
    for path, start, end in callees.scopes(view, function):
        decl = view.tree(path).root_node.named_descendant_for_byte_range(start, end)
        method = decl.type == "method_declaration"
        recv = receiver_type(decl.child_by_field_name("receiver")) if method else ""
        if recv is None:  # generic: never followed
            continue
        key = (package, recv, decl.child_by_field_name("name").text.decode())
        decls.setdefault(key, []).append((path, decl))
    verdicts = dict.fromkeys(decls, "")  # the greatest fixed point: recursion is proven by its own bodies
    changed = True
    while changed:
        partial = Writers(package, holders, tuple(verdicts.items()))
        changed = False
        for key, found in decls.items():
            if verdicts[key]:
                continue
            verdicts[key] = _declaration(types, found, partial)
            changed = changed or bool(verdicts[key])
    other = callees.other_builds(view)
    unsafe = "unsafe" in view.package.imports  # a conversion through unsafe.Pointer may write anything
    unproven = "the package imports unsafe" if unsafe else other and f"another build compiles {other}"
    return Writers(package, holders, tuple(verdicts.items()), unproven)


def _declaration(types: TypeInfo, found: list[tuple[str, Node]], known: Writers) -> str:
    """Why calling the one declaration found may write a WaitGroup's struct or synchronize; "" when it cannot."""
    if len(found) != 1 or found[0][1].child_by_field_name("body") is None:
        return "is not one function with a body"
    path, decl = found[0]
    receiver = decl.child_by_field_name("receiver")
    if decl.child_by_field_name("type_parameters") is not None or (receiver is not None and b"[" in receiver.text):
        return "is generic: its type parameters may be a struct holding the WaitGroup"
    return next(filter(None, (_node(types, path, n, known, None) for n in walk(decl.child_by_field_name("body")))), "")


def _holders(view: PackageView) -> frozenset[str]:
    """The package's type names whose values hold or reach a sync.WaitGroup: the closure of type
    declarations naming WaitGroup or such a type anywhere, through pointers, slices and maps too (a
    write through a `type ptrs []*Pool` reaches the Pool's WaitGroup); a struct whose field go/types says is
    one, spelled by an alias of another package (`g inner.EG`, adv42d), too."""
    specs = [
        (path, n)
        for path in view.package.files
        for n in walk(view.tree(path).root_node)
        if n.type in ("type_spec", "type_alias") and n.child_by_field_name("name") is not None
    ]
    found = {"WaitGroup", "Group"}  # errgroup.Group by its name alone: any other Group is taken as one too
    found |= {
        spec.child_by_field_name("name").text.decode() for p, spec in specs if groups.declared(view.types, p, spec)
    }
    specs = [spec for _, spec in specs]
    grown = True
    while grown:
        grown = False
        for spec in specs:
            name = spec.child_by_field_name("name").text.decode()
            if name not in found and _names(spec.child_by_field_name("type"), found):
                found.add(name)
                grown = True
    return frozenset(found)


def _names(node: Node | None, names: set[str]) -> bool:
    """Does the type expression name one of the types, at any depth (`sync.WaitGroup`, `[]*pool`)?"""
    if node is None:
        return False
    if node.type == "type_identifier":
        return node.text.decode() in names
    return any(_names(child, names) for child in node.named_children)


def overwritten(types: TypeInfo, spawn: Spawn, signal: Signal, wait: Node) -> str | None:
    """Why code between the Add counting the goroutine and `wait` may write the struct over the WaitGroup
    field, or order another goroutine that may; None when nothing can."""
    known = spawn.writers
    if known is None:
        return f"{FIELD}, and the package's other functions were not read: code {MAY}"
    if known.unproven:
        return f"{FIELD}, and {known.unproven}, so code {MAY}"
    region = _region(types, spawn, signal, wait)
    if region is None:
        return None
    if isinstance(region, str):
        return f"{FIELD}, and {region}, so code {MAY}"
    if spawn.function.child_by_field_name("type_parameters") is not None:
        return f"{FIELD}, and the function is generic: code {MAY}"
    start, end = region
    inside = (n for n in walk(spawn.function) if start <= n.start_byte and n.end_byte <= end)
    reasons = ((n, _node(types, spawn.path, n, known, signal.obj)) for n in inside)
    found = [(_rank(why), n.start_byte, why, n) for n, why in reasons if why]
    if not found:
        return None
    _, _, why, node = min(found, key=lambda f: f[:2])
    line = node.start_point.row + 1
    return f"{FIELD}, and code between its Add and its Wait {MAY}: {why} (line {line})"


def _rank(why: str) -> int:
    """The surest cause first: a write over the WaitGroup, then a call that may write, then a channel operation."""
    return 0 if why.endswith(HOLDS) else 2 if why.startswith(CHANNELS) else 1


def _region(types: TypeInfo, spawn: Spawn, signal: Signal, wait: Node) -> tuple[int, int] | str | None:
    """The bytes of the function holding every statement on a path from the counting Add to the Wait;
    None when no path leads from the go statement to the Wait (it comes before, no loop around both)."""
    go, function = spawn.statement, spawn.function
    adds = [signal.node] if signal.kind == "group" else []  # `p.g.Go(f)` counts the goroutine it starts
    adds += [
        n
        for n in walk(function)
        if n.type == "call_expression"
        and n.end_byte <= go.start_byte
        and any(d.node == signal.node for d in counted(types, spawn, signal, n))
    ]
    if not adds:
        return "the Add counting the goroutine is not in sight"
    start = min(n.start_byte for n in adds)
    for node in (*adds, go):
        loops = [a for a in ancestors(node) if a.type == "for_statement" and contains(function, a) and a != function]
        around = [loop for loop in loops if contains(loop, wait)]
        if around:  # the Wait in a loop with the go statement: paths wrap around it
            return min(start, around[-1].start_byte), around[-1].end_byte
        start = min([start, *(loop.start_byte for loop in loops)])
    if wait.start_byte < go.end_byte:
        return None
    # a loop around the Wait alone: a path may pass the Wait by (`if last { wait }`) and come round to it
    loops = [a for a in ancestors(wait) if a.type == "for_statement" and contains(function, a) and a != function]
    return start, max([wait.start_byte, *(loop.end_byte for loop in loops)])


def _node(types: TypeInfo, path: str, node: Node, known: Writers, group: str | None) -> str | None:
    """Why one node may write a WaitGroup's struct or synchronize; None when it cannot.
    `group`: the key of the WaitGroup whose Add, Done and Wait may be called (None: none may)."""
    kind = node.type
    if kind in ("send_statement", "select_statement"):
        return f"{'sends on a channel' if kind == 'send_statement' else 'selects'}, which {SYNCS} write it"
    if kind == "unary_expression" and node.child_by_field_name("operator").text == b"<-":
        return f"receives from a channel, which {SYNCS} write it"
    if kind == "range_clause":
        return _range(types, path, node, known)
    if kind == "assignment_statement":
        return _targets(types, path, items(node.child_by_field_name("left")), known)
    if kind == "short_var_declaration":
        left = items(node.child_by_field_name("left"))
        again = [t for t in left if (i := types.at(path, t.start_byte)) is None or i.use != Use.DECL]
        return _targets(types, path, again, known)
    if kind == "call_expression":
        return _call(types, path, node, known, group)
    return None


def _targets(types: TypeInfo, path: str, targets: list[Node], known: Writers) -> str | None:
    return next(filter(None, (_target(types, path, t, known) for t in targets)), None)


def _target(types: TypeInfo, path: str, target: Node, known: Writers, verb: str = "assigns") -> str | None:
    """Why assigning to target (appending to it) may write a struct holding a WaitGroup."""
    written = _type(types, path, target)
    shown = text(target).decode()
    if written is None:
        return f"{verb} {shown}, whose type go/types does not say"
    named = set(re.findall(r"\w+", written)) & known.holders
    return f"{verb} {shown}, a {written}, {HOLDS}" if named else None


def _type(types: TypeInfo, path: str, expr: Node) -> str | None:
    """The type of the variable or field an assignable expression starts from (`results` of
    `results[i]`, `*q`'s q), which names the target's type; "" for the blank identifier."""
    expr = unparen(expr)
    if expr.type == "composite_literal":  # a fresh value (`append([]T{}, …)`)
        return ""
    if expr.type == "identifier":
        ident = types.at(path, expr.start_byte)
        return "" if expr.text == b"_" else ident.type if ident is not None else None
    if expr.type == "selector_expression":
        ident = types.at(path, expr.child_by_field_name("field").start_byte)
        return ident.type if ident is not None and ident.kind == Kind.FIELD else None
    if expr.type in ("index_expression", "slice_expression", "unary_expression"):
        operand = expr.child_by_field_name("operand")
        star = expr.type != "unary_expression" or expr.child_by_field_name("operator").text == b"*"
        return _type(types, path, operand) if star else None
    return None


def _range(types: TypeInfo, path: str, clause: Node, known: Writers) -> str | None:
    """Why a range clause may receive (over a channel), call back (over a func) or write a struct."""
    right = clause.child_by_field_name("right")
    ident = _ident(types, path, right)
    over = ident.type if ident is not None else None
    sequence = over is not None and (ident.shape in ("slice", "array", "string") or over.startswith("map["))
    if not (sequence or over in BASIC or right.type == "int_literal"):
        return f"ranges over {text(right).decode()}, which may be a channel or a function"
    if any(child.type == "=" for child in clause.children):
        return _targets(types, path, items(clause.child_by_field_name("left")), known)
    return None


def _ident(types: TypeInfo, path: str, expr: Node):
    """The variable or field an expression names: `xs`, `s.items`."""
    expr = unparen(expr)
    if expr.type == "selector_expression":
        expr = expr.child_by_field_name("field")
    return types.at(path, expr.start_byte) if expr.type in ("identifier", "field_identifier") else None


def _call(types: TypeInfo, path: str, call: Node, known: Writers, group: str | None) -> str | None:
    """Why a call may write a WaitGroup's struct, synchronize or run code gorewrite cannot see."""
    function = unparen(call.child_by_field_name("function"))
    shown = text(function).decode()
    if function.type in (*TYPES, "func_literal", "parenthesized_type"):  # a conversion; a literal is read where it is
        return None
    ident = _ident(types, path, function) if function.type in ("identifier", "selector_expression") else None
    if ident is None:
        return f"calls {shown}, which go/types does not name"
    if ident.kind == Kind.TYPE:
        return None
    if ident.kind == Kind.BUILTIN and ident.name == "append":  # writes past the slice's length, in its array
        args = call.child_by_field_name("arguments").named_children
        return _target(types, path, args[0], known, "appends to") if args else None
    if ident.kind == Kind.BUILTIN:
        return None if ident.name in BUILTINS else f"calls {ident.name}, which writes memory or synchronizes"
    if ident.kind == Kind.METHOD and (ident.pkg, ident.recv) in groups.GROUP_TYPES:
        own = groups.group(types, path, function.child_by_field_name("operand"))
        methods = WG_METHODS if ident.pkg == "sync" else GROUP_METHODS
        mine = own is not None and own.obj == group and ident.name in methods
        if mine and ident.name in ("Go", "TryGo") and [a.type for a in call_args(call)] != ["func_literal"]:
            return f"calls {shown} with a func value: the goroutine it starts runs code gorewrite cannot see"
        return None if mine else f"calls {shown}, which {SYNCS} write it"
    if ident.kind == Kind.METHOD and not ident.recv:
        return f"calls {shown}, an interface method: the dynamic type that runs it is unknown"
    if ident.kind in (Kind.FUNC, Kind.METHOD) and ident.pkg == known.package:
        key = (ident.pkg, ident.recv if ident.kind == Kind.METHOD else "", ident.name)
        reason = dict(known.callees).get(key, "gorewrite did not follow")
        return f"calls {shown}, which {reason}" if reason else None
    pure = ident.pkg in PURE if ident.kind == Kind.FUNC else (ident.pkg, ident.recv) in RECEIVERS
    if ident.kind in (Kind.FUNC, Kind.METHOD) and pure and _basic(ident.type):
        return None
    if ident.kind not in (Kind.FUNC, Kind.METHOD):
        return f"calls {shown}, a func value: it may be a callback that writes the struct"
    trusted = ", ".join(sorted(PURE))
    return f"calls {shown}, which may write the struct or synchronize (of std, gorewrite trusts only {trusted})"


def _basic(signature: str | None) -> bool:
    """Are all parameters of a func type (as go/types writes it) of basic types or slices and arrays of them?"""
    if signature is None or not signature.startswith("func("):
        return False  # generic, or unknown
    depth, end = 0, None
    for i, char in enumerate(signature[4:], 4):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0:
            end = i
            break
    params = signature[5:end].strip() if end is not None else "?"
    for param in filter(None, (p.strip() for p in params.split(","))):
        typed = param.split(" ")[-1]
        match = PLAIN.fullmatch(typed)
        if match is None or match.group(3) not in BASIC:
            return False
    return True

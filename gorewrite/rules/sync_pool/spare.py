"""What a pooled bytes.Buffer shows that a fresh one does not: its capacity, an earlier call's, and the
bytes past its length in its storage, an earlier caller's (a leak between requests). Retention proves
nothing keeps the buffer; this proves nothing looks at either: no `cap` of its storage, no `append` to
it (in place where a fresh buffer's would reallocate), and no call that hands the buffer or its
storage to a function whose body is not seen to stay within the length."""

from __future__ import annotations

import re

from gorewrite import builtins, callees, closed, contracts, result_locals
from gorewrite.parameters import RECEIVER, TO_RESULT, parameter_names, receiver_type, verdict_of
from gorewrite.proposals import PackageView
from gorewrite.rulekit import memo
from gorewrite.rules.sync_pool import written
from gorewrite.rules.sync_pool.sites import BLIND
from gorewrite.stdsubslices import SUBSLICES
from gorewrite.stdtable import TABLE
from gorewrite.syntax import Node, held, items, text
from gorewrite.typeinfo import Kind

SEES = "sees the capacity a pooled bytes.Buffer keeps from earlier calls"
APPENDS = "is appended to: with a pooled buffer's capacity append writes in place where a fresh one's reallocates"


# The Buffer's methods that keep its storage to itself: BLIND but WriteTo, which hands it to w.Write.
KEEPS_STORAGE = tuple(m for m in BLIND if m != "WriteTo")


def hands_out(view: PackageView, path: str, uses: list[Node]) -> bool:
    """May a pooled Buffer's storage, with the bytes past its length that an earlier caller left, reach a
    Write or Read method through these uses of the variable? Only through WriteTo (directly, io.Copy's
    source, a helper's), a method that returns the storage (Bytes, Next, AvailableBuffer) or a use
    gorewrite does not follow: where every use only writes into the Buffer or copies out of it (Write,
    WriteString, fmt.Fprintf, String, Len, Reset, a package helper doing only that), none of the
    package's Write methods ever sees the storage, and how sloppy they are does not matter."""
    return any(_use(view, path, node, False, 1, set(), KEEPS_STORAGE) is not None for node in uses)


# The Buffer's methods that hand its storage out only non-empty (WriteTo: `if nBytes := b.Len(); nBytes > 0 {
# w.Write(b.buf[b.off:])`) or grown first (ReadFrom: `b.grow(MinRead)`, then `r.Read(b.buf[i:cap(b.buf)])`), in
# bytes/buffer.go of go1.24.11 and go1.27.3: never a fresh Buffer's nil storage, so nil and empty look alike there.
NON_NIL = (*BLIND, "ReadFrom")


def shows_nil(view: PackageView, path: str, uses: list[Node]) -> bool:
    """May these uses hand out the storage empty, where a fresh Buffer's is nil and a pooled one's an empty,
    non-nil slice? Bytes, Next and AvailableBuffer do and a use gorewrite does not follow may; WriteTo and
    ReadFrom (directly, io.Copy's, a helper's) never do, nor Bytes after a write of a byte (written.py) or read in
    place: through them alone, a Write or Read method that tells nil from empty (`bytes.Clone(p) == nil`) cannot
    tell a pooled Buffer from a fresh one."""
    return any(
        _use(view, path, n, False, 1, set(), NON_NIL) is not None and not _bytes_seen(view, path, n) for n in uses
    )


def _bytes_seen(view: PackageView, path: str, use: Node) -> bool:
    """Is the use the receiver of a Bytes() call (the Buffer's, by go/types) that a byte written precedes, or
    whose result is only ranged over, indexed or measured by the builtin len, where nil and empty look alike?"""
    selector = use.parent
    call = selector.parent if selector.type == "selector_expression" else None
    if call is None or call.type != "call_expression" or call.child_by_field_name("function") != selector:
        return False
    ident = view.types.at(path, use.start_byte)
    if callees.callee(view, path, call) != ("bytes", "Buffer", "Bytes") or ident is None:
        return False
    expr, parent = held(call)
    if parent.type in ("range_clause", "index_expression"):
        return parent.child_by_field_name("right" if parent.type == "range_clause" else "operand") == expr
    outer = parent.parent if parent.type == "argument_list" else None
    function = outer.child_by_field_name("function") if outer is not None else None
    if function is not None and function.type == "identifier" and view.types.builtin(path, function.start_byte, "len"):
        return True
    return written.written(view, path, use, ident.obj)


def io_methods(view: PackageView) -> list[tuple[str, Node]]:
    """The package's own one-parameter `Write` and `Read` methods: where a pooled Buffer's storage lands
    through io's contracts without the code naming them (an io.Writer or io.Reader holding the package's
    type, a type parameter, io.Copy, the Buffer's own WriteTo and ReadFrom). Found by syntax, as `find`
    asks for their types; sloppy_io keeps those whose parameter go/types calls a slice. Once per view:
    every buffer site of the package asks."""
    return memo(view, ("spare", "io methods"), lambda: _io_methods(view))


def _io_methods(view: PackageView) -> list[tuple[str, Node]]:
    found = []
    for path in view.package.files:
        for node in view.tree(path).root_node.named_children:
            name = node.child_by_field_name("name")
            method = node.type == "method_declaration"
            params = parameter_names(node.child_by_field_name("parameters")) if method else []
            if name is not None and text(name) in (b"Write", b"Read") and len(params) == 1 and params[0][0]:
                found.append((path, node))
    return found


def sloppy_io(view: PackageView, names: tuple[str, ...], nils: bool = True) -> str | None:
    """Why one of the package's own methods of these names (Write, Read) may look past len(p) (which io's
    contracts do not forbid in so many words), or None: a pooled Buffer's storage may reach any of them
    through an interface. Its parameter is a slice by go/types (`[]byte`, `[]uint8`, an alias, a named
    slice type). nils: whether p may be a fresh object's nil storage where the pooled one's is empty and
    not nil (shows_nil); when not, a callee telling nil from empty sees no difference."""
    if ("spare", "io", names, nils) not in view.memo:
        problem = None
        for path, node in io_methods(view):
            if text(node.child_by_field_name("name")).decode() not in names:
                continue
            name = parameter_names(node.child_by_field_name("parameters"))[0][0]
            declared = view.types.at(path, name.start_byte)
            if declared is None or declared.shape != "slice":
                continue
            recv = receiver_type(node.child_by_field_name("receiver"))
            key = (view.package.import_path, recv, text(node.child_by_field_name("name")).decode())
            role = f"may reach the package's own {recv}.{key[2]}"
            problem = _follow(view, key, 0, True, 1, set(), role, nils=nils)
            if problem:
                break
        view.memo[("spare", "io", names, nils)] = problem
    return view.memo[("spare", "io", names, nils)]


def returns_storage(view: PackageView, key: tuple[str, str, str]) -> bool:
    """Does a method's result hold its receiver's storage (`leaking param: b to result`: Bytes, Next) under
    some toolchain of the run, or is that unknown?"""
    signatures = [verdicts.get(key) for verdicts in view.parameters.values()]
    return any(s is None or TO_RESULT.match(verdict_of(s, RECEIVER)[0] or "") for s in signatures)


def storage_use(view: PackageView, path: str, call: Node, first: bool = False) -> str | None:
    """Why the use of the storage slice `call` returns may see its capacity or the bytes past its length,
    or None. Retention has declined every use but a copy, len, cap, a string conversion, append's spread
    and a call that keeps nothing: cap and the calls are this module's to judge. Held in a local (`b :=
    buf.Bytes()`, `src, err := format.Source(…)`: `first`), each use of the local is judged so."""
    local = result_locals.uses(view, path, call, first)
    if isinstance(local, tuple):
        return next(filter(None, (storage_use(view, path, use) for use in local[1])), None)
    expr, parent = held(call)
    outer = parent.parent
    if parent.type != "argument_list" or outer is None or outer.type != "call_expression":
        return None
    function = outer.child_by_field_name("function")
    ident = view.types.at(path, function.start_byte) if function.type == "identifier" else None
    if ident is not None and ident.kind == Kind.BUILTIN:
        if ident.name == "cap":
            return f"is passed to cap, which {SEES}"
        return APPENDS if ident.name == "append" and items(parent).index(expr) == 0 else None
    if ident is not None and ident.kind == Kind.TYPE:
        return None  # string(b) copies; retention declines any other conversion
    if items(parent).index(expr) == 0 and callees.callee(view, path, outer) in SUBSLICES:
        return storage_use(view, path, outer, True)  # bytes.TrimSuffix(b, nl) is b within its length: judged by its use
    return passed(
        view, path, outer, items(parent).index(expr), True, 1, set(), nils=not _nonnil_bytes(view, path, call)
    )


def _nonnil_bytes(view: PackageView, path: str, call: Node) -> bool:
    """Is the call a Buffer's Bytes() after a byte written into it on every path (written.py)? Its storage is then
    not nil, fresh or pooled: a callee telling nil from empty (`return bytes.Clone(buf.Bytes())` after
    `fmt.Fprintf(&buf, "{…", …)`) sees both alike."""
    function = call.child_by_field_name("function")
    selector = function is not None and function.type == "selector_expression"  # else not a call: a local's use
    receiver = function.child_by_field_name("operand") if selector else None
    return receiver is not None and _bytes_seen(view, path, receiver)


def passed(
    view: PackageView,
    path: str,
    call: Node,
    index: int,
    is_slice: bool,
    depth: int,
    following: set,
    blind: tuple[str, ...] = BLIND,
    nils: bool = True,
) -> str | None:
    """None when the callee provably looks at neither the capacity nor the spare storage of the buffer
    (is_slice: of its storage) passed as argument `index`: the package's own function followed into,
    a std function the tables clear as a writer of the buffer, or, for the storage, a std function that
    returns none of it; else why not (`is passed to f, …`). `blind`: the Buffer's methods a callee may call
    on it (hands_out leaves WriteTo out); nils: whether the storage may be nil in a fresh object alone."""
    role = f"is passed to {callees.shown(call)}"
    if is_slice and contracts.contract(view, path, call, index):
        return None  # io.Writer's Write and io.Reader's Read: len(p) bytes, by their contracts
    key = callees.callee(view, path, call)
    methods = closed.implementations(view, path, call) if isinstance(key, str) else None
    if isinstance(methods, tuple):  # an unexported interface method: each of the package's may run
        which = (
            _follow(view, m, index, is_slice, depth, following, f"{role}, which may run {m[1]}.{m[2]}", blind, nils)
            for m in methods
        )
        return next(filter(None, which), None)
    if isinstance(key, str):
        return f"{role}, {methods or key}"
    if key[0] == view.package.import_path:
        return _follow(view, key, index, is_slice, depth, following, role, blind, nils)
    if not _std(view, key[0]):
        return f"{role}, of another package: gorewrite does not read its body for what it makes of the capacity"
    entry = TABLE.get((*key, index))
    if entry is not None and set(entry.methods) <= set(blind):  # it only writes to the buffer (or reads within
        # the slice's length); io.CopyBuffer's buf, cleared so, still panics on the pooled storage's empty slice
        return _nil_blind(view, path, call, key, role) if is_slice and nils and key in NIL_AWARE else None
    if not is_slice:
        return f"{role}, which gorewrite's std tables do not clear as only writing to the buffer"
    for version, verdicts in sorted(view.parameters.items()):
        signature = verdicts.get(key)
        said = verdict_of(signature, index)[0] if signature is not None else None
        if said is None or TO_RESULT.match(said):
            return f"{role}, whose result may hold the storage with its capacity ({version}: `{said}`)"
    return _nil_blind(view, path, call, key, role) if nils else None


# std functions of a []byte that tell nil from empty though they keep nothing of it (bytes.Clone returns nil
# for nil; io.CopyBuffer allocates its own buffer for a nil one and panics on an empty one).
NIL_AWARE = {("bytes", "", "Clone"), ("io", "", "CopyBuffer")}
# Results that cannot carry a slice's nil-ness out: basic types, strings, errors and byte arrays (a digest).
BASIC = r"(?:bool|string|error|u?int\d*|uintptr|byte|rune|float\d+|complex\d+|\[\d+\](?:byte|uint\d*))"
PLAIN_RESULT = re.compile(rf"\(?(?:\w+ )?{BASIC}(?:, (?:\w+ )?{BASIC})*\)?")


def _nil_blind(view: PackageView, path: str, call: Node, key: tuple[str, str, str], role: str) -> str | None:
    """None when the std function cannot show a fresh Buffer's nil storage otherwise than a pooled Buffer's
    empty, non-nil one: not NIL_AWARE, and its results are none or plain (a []byte, pointer, map or interface
    result may be nil exactly when the argument is: bytes.Clone), or its []byte result is handed straight to
    io.Writer's Write (`u.w.Write(bytes.ToUpper(p))`), where only a Write sees whether it is nil, as it would
    the storage itself: a Write of the package is judged with nils too, another's by the contract; else why not."""
    results = callees.result_type(view, path, call)
    if key not in NIL_AWARE and results in ("[]byte", "[]uint8") and _written_as_p(view, path, call):
        return None
    if key in NIL_AWARE or results is None or results and not PLAIN_RESULT.fullmatch(results):
        return (
            f"{role}, which may tell a fresh Buffer's nil storage (before any write) from a pooled one's empty,"
            f" non-nil slice (it returns `{results}`)"
            if results
            else f"{role}, which may tell a fresh Buffer's nil storage from a pooled one's empty, non-nil slice"
        )
    return None


def _written_as_p(view: PackageView, path: str, call: Node) -> bool:
    """Is the call's result, as it is, the p of a call io's contracts govern (io.Writer's Write)?"""
    expr, parent = held(call)
    outer = parent.parent
    if parent.type != "argument_list" or outer is None or outer.type != "call_expression":
        return False
    return contracts.contract(view, path, outer, items(parent).index(expr)) is not None


def _std(view: PackageView, pkg: str) -> bool:
    """Is the package std's? Go reserves import paths without a dot in their first element for it; a
    module of the run named so (`module app`) is not."""
    first = pkg.split("/")[0]
    return "." not in first and (view.package.standard or first != view.package.import_path.split("/")[0])


def _follow(
    view: PackageView,
    key: tuple,
    index: int,
    is_slice: bool,
    depth: int,
    following: set,
    role: str,
    blind: tuple[str, ...] = BLIND,
    nils: bool = True,
) -> str | None:
    """The package's own function: every use of the parameter in its body must stay within the length.
    A call back into a parameter being followed is taken to (its own uses decide), as retention does."""
    if (key, index) in following:
        return None
    if depth > callees.DEPTH:
        return f"{role}, which passes it on through more than {callees.DEPTH} functions of the package"
    found = callees.declaration(view, key)
    if found is None or found[1].child_by_field_name("body") is None:
        return f"{role}, {callees.NO_BODY}"
    param = callees.parameter(view, found, index)
    if param is None or param[2]:
        return f"{role}, whose parameter gorewrite cannot follow"
    name, declared, _ = param
    following.add((key, index))
    for node in callees.naming(view, found[0], declared):
        problem = _use(view, found[0], node, is_slice, depth, following, blind, nils)
        if problem:
            shown = f"{name.text.decode()} ({found[0].rpartition('/')[2]}:{node.start_point.row + 1})"
            return f"{role}, whose {shown} {problem}"
    following.discard((key, index))
    return None


def _use(
    view: PackageView,
    path: str,
    node: Node,
    is_slice: bool,
    depth: int,
    following: set,
    blind: tuple[str, ...] = BLIND,
    nils: bool = True,
) -> str | None:
    """Why this use of a followed parameter may look at the capacity or past the length, or None."""
    expr, parent = held(node)
    outer = parent.parent
    if parent.type == "argument_list" and outer is not None and outer.type == "call_expression":
        function = outer.child_by_field_name("function")
        ident = view.types.at(path, function.start_byte) if function.type == "identifier" else None
        if ident is not None and ident.kind in (Kind.BUILTIN, Kind.TYPE):
            if is_slice and builtins.called(view.types, path, outer) in ("len", "copy", "string"):
                return None  # the universe's: a `type string []byte` converts nothing
            return f"is passed to {ident.name}" + (f", which {SEES}" if ident.name == "cap" else "")
        return passed(view, path, outer, items(parent).index(expr), is_slice, depth + 1, following, blind, nils)
    if is_slice and parent.type == "index_expression" and parent.child_by_field_name("operand") == expr:
        return None  # p[i]: within the length, or a panic as with a fresh buffer
    if is_slice and parent.type == "range_clause" and parent.child_by_field_name("right") == expr:
        return None
    if outer is not None and outer.type == "assignment_statement" and outer.child_by_field_name("left") == parent:
        return None  # `w = io.Discard` overwrites it, reading nothing of it
    selector = parent.type == "selector_expression" and outer is not None and outer.type == "call_expression"
    if not is_slice and selector and outer.child_by_field_name("function") == parent:
        # On the *bytes.Buffer, or on an interface holding it: the Buffer's method of that name runs.
        method = text(parent.child_by_field_name("field")).decode()
        return None if method in blind else f"calls {method}, which reports the capacity or hands out the storage"
    kind = parent.parent.type if parent.type == "expression_list" else parent.type
    return f"is used in a {kind.replace('_', ' ')}, which may see its capacity or the bytes past its length"

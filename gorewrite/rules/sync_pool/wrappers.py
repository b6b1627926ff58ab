"""bufio Writers and Readers over the caller's writer or reader, taken from a pool and reset to it."""

from __future__ import annotations

import os
from dataclasses import dataclass

from gorewrite.claims import MovesAllocation, Tested
from gorewrite.edits import Edit
from gorewrite.escapes import Escape
from gorewrite.proposals import Declined, Fix, PackageView, Proposal
from gorewrite.rulekit import add_import, memo, types_or_reason
from gorewrite.rules.sync_pool.names import any_name, has_constraints, import_name, imports, words
from gorewrite.rules.sync_pool.sites import FUNCTIONS, NAME, enclosing_function, generic_receiver, loop_between
from gorewrite.syntax import Node, ancestors, directive, doc_start, first_of, text, walk
from gorewrite.typeinfo import Kind, Use


@dataclass(frozen=True)
class Wrapper:
    """A bufio type pooled over its caller's writer or reader."""

    type: str  # Writer
    iface: str  # io.Writer
    escape: str  # what the compiler reports at the constructor's call
    moves: tuple[str, ...]  # what the pool's New and the helpers' inlined Reset report, once each
    methods: frozenset[str]  # methods that keep nothing of it and return nothing that aliases its buffer
    takers: frozenset[tuple[str, str]]  # functions that keep no writer they are given (retention's table)
    names: tuple[str, str, str]  # the pool, the get helper, the put helper


WRAPPERS = {
    "NewWriter": Wrapper(
        "Writer",
        "io.Writer",
        "make([]byte, bufio.size) escapes to heap",
        ("&bufio.Writer{...} escapes to heap", "make([]byte, bufio.size) escapes to heap")
        + ("make([]byte, 4096) escapes to heap",) * 2,
        frozenset({"Write", "WriteString", "WriteByte", "WriteRune", "Flush", "Buffered", "Available", "Size"}),
        frozenset({("fmt", "Fprintf"), ("fmt", "Fprint"), ("fmt", "Fprintln"), ("io", "WriteString")}),
        ("bufioWriterPool", "getBufioWriter", "putBufioWriter"),
    ),
    "NewReader": Wrapper(
        "Reader",
        "io.Reader",
        "make([]byte, max(bufio.size, 16)) escapes to heap",
        ("new(bufio.Reader) escapes to heap", "make([]byte, max(bufio.size, 16)) escapes to heap")
        + ("make([]byte, 4096) escapes to heap",) * 2,
        frozenset(
            {"Read", "ReadByte", "ReadRune", "UnreadByte", "UnreadRune", "ReadString", "ReadBytes", "Buffered"}
            | {"Size", "Discard"}
        ),
        frozenset(),
        ("bufioReaderPool", "getBufioReader", "putBufioReader"),
    ),
}


WRAPPER_ESCAPES = {w.escape for w in WRAPPERS.values()}


@dataclass(frozen=True)
class WrapperSite:
    """`var := alias.NewWriter(arg)` (or NewReader): the statement, the call, the variable, the
    writer (reader) wrapped, bufio's name in the file and what it makes."""

    path: str
    statement: Node
    call: Node
    var: Node
    inner: Node
    alias: str
    wrapper: Wrapper


def wrapper_sites(view: PackageView, path: str) -> dict[int, WrapperSite]:
    """Every `x := <pkg>.NewWriter(w)` or NewReader in a block, by the offset of its `(` (where the compiler
    reports the buffer's make)."""
    return memo(view, (NAME, "wrapper", path), lambda: _match_wrapper_sites(view, path))


def _match_wrapper_sites(view: PackageView, path: str) -> dict[int, WrapperSite]:
    found = {}
    for node in walk(view.tree(path).root_node):
        if node.type != "short_var_declaration":
            continue
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        if left.named_child_count != 1 or right.named_child_count != 1 or left.named_children[0].type != "identifier":
            continue
        call = right.named_children[0]
        callee = call.child_by_field_name("function") if call.type == "call_expression" else None
        if callee is None or callee.type != "selector_expression":
            continue
        wrapper = WRAPPERS.get(text(callee.child_by_field_name("field")).decode())
        arguments = call.child_by_field_name("arguments")
        if wrapper is not None and arguments.named_child_count == 1 and b"..." not in text(arguments):
            alias = text(callee.child_by_field_name("operand")).decode()
            var, inner = left.named_children[0], arguments.named_children[0]
            found[arguments.start_byte] = WrapperSite(path, node, call, var, inner, alias, wrapper)
    return found


def _wrapper_plan(view: PackageView, site: WrapperSite) -> str | None:
    """Why the site's Writer (Reader) cannot come from a pool, or None when every use keeps it inside the call."""
    types = types_or_reason(view)
    if isinstance(types, str):
        return types
    kind = site.wrapper.type
    callee = site.call.child_by_field_name("function").child_by_field_name("field")
    constructor = types.at(site.path, callee.start_byte)
    if constructor is None or constructor.kind != Kind.FUNC or constructor.pkg != "bufio":
        return f"{text(site.call.child_by_field_name('function')).decode()} is not bufio's"
    function = enclosing_function(site.statement)
    if function is None or site.statement.parent is None or site.statement.parent.type != "statement_list":
        return f"the {kind} is not made in a block of a function declaration"
    constrained = directive(function)
    if constrained:
        return f"the function carries {constrained}: how the runtime calls it is constrained"
    if loop_between(site.statement, function):
        return f"inside a loop: a deferred Put per iteration would hold every {kind} until the function returns"
    if first_of(function.child_by_field_name("body"), ("labeled_statement", "goto_statement")) is not None:
        return "the function uses labels or goto: gorewrite does not follow jumps past the pool's Get"
    if function.child_by_field_name("type_parameters") is not None or generic_receiver(function):
        return "the function is generic"
    if has_constraints(site.path, view.sources[site.path]):
        return "the file has build constraints: the pool's helpers would not be built everywhere it is"
    inner = types.at(site.path, site.inner.start_byte) if site.inner.type == "identifier" else None
    if inner is None or not inner.local or inner.kind not in (Kind.VAR, Kind.PARAM):
        return f"the wrapped {site.wrapper.iface} is not a local variable: the deferred Put names it again"
    var = text(site.var).decode()
    declared = types.at(site.path, site.var.start_byte)
    if declared is None or declared.obj is None or declared.use != Use.DECL:
        return f"go/types does not know {var} here"
    root = view.tree(site.path).root_node
    for use in types.idents.get(site.path, ()):
        if not function.start_byte <= use.start < function.end_byte:
            continue
        if use.name == var and use.use == Use.DECL and use.obj != declared.obj:
            return f"another {var} is declared in the function: gorewrite does not rewrite around shadowing"
        if use.obj == inner.obj and use.use in (Use.WRITE, Use.ADDR):
            return f"{inner.name} is written or its address taken in the function: Put must see what Get saw"
        if use.obj != declared.obj or use.start == declared.start:
            continue
        node = root.named_descendant_for_byte_range(use.start, use.end)
        problem = _wrapper_use(types, site, node, function)
        if problem:
            return f"{var} {problem} (line {view.line(site.path, use.start)})"
    return None


def _wrapper_use(types, site: WrapperSite, node: Node, function: Node) -> str | None:
    """Why this use of the Writer (Reader) could let it, or its buffer, outlive the pool's Put."""
    if next(a for a in ancestors(node) if a.type in FUNCTIONS + ("func_literal",)) != function:
        return "is used inside a func literal, which may run after the Put"
    parent = node.parent
    if parent.type == "selector_expression" and parent.child_by_field_name("operand") == node:
        method = text(parent.child_by_field_name("field")).decode()
        called = parent.parent.type == "call_expression" and parent.parent.child_by_field_name("function") == parent
        if called and method in site.wrapper.methods:
            return None
        return f"calls {method}, which is not one that keeps nothing of the {site.wrapper.type} and returns a copy"
    arguments = parent if parent.type == "argument_list" else None
    call = arguments.parent if arguments is not None else None
    if call is not None and arguments.named_children[0] == node:
        callee = call.child_by_field_name("function")
        name = callee.child_by_field_name("field") if callee.type == "selector_expression" else None
        ident = types.at(site.path, name.start_byte) if name is not None else None
        if ident is not None and ident.kind == Kind.FUNC and (ident.pkg, ident.name) in site.wrapper.takers:
            return None
    if site.wrapper.takers:
        return "is used other than by its writing methods or as fmt's or io.WriteString's writer"
    return "is used other than by its reading methods"


def wrapper_fixes(view: PackageView, sites: list[tuple[Escape, WrapperSite]]) -> list[Proposal]:
    """One fix for every pooled Writer and Reader of the package, with each kind's pool and helpers
    in its first site's file (or those a previous run added, reused); a Declined for the others."""
    proposals: list[Proposal] = []
    accepted = []
    for escape, site in sites:
        problem = _wrapper_plan(view, site)
        if problem:
            proposals.append(Declined(NAME, escape, problem))
        else:
            accepted.append((escape, site))
    homes: dict[Wrapper, WrapperSite | None] = {}
    for _, site in accepted:  # where each kind's pool goes: its first site's file, or where it is already
        if site.wrapper not in homes:
            homes[site.wrapper] = None if _wrapper_helpers(view, site.wrapper) else site
    for escape, site in list(accepted):
        uses = view.sources[site.path].count(f"{site.alias}.".encode())
        if site.path not in {h.path for h in homes.values() if h} and uses <= sum(
            s.path == site.path for _, s in accepted
        ):
            accepted.remove((escape, site))
            reason = f"{site.alias} would be left unused in {os.path.basename(site.path)}, which keeps its import"
            proposals.append(Declined(NAME, escape, reason))
    if not accepted:
        return proposals
    edits, moves, added = [], [], set()
    for wrapper, home in homes.items():
        if home is None or not any(s.wrapper == wrapper for _, s in accepted):
            continue
        problem = _helpers_problem(view, home, wrapper)
        if problem:
            mine = [(e, s) for e, s in accepted if s.wrapper == wrapper]
            proposals += [Declined(NAME, e, problem) for e, _ in mine]
            accepted = [a for a in accepted if a not in mine]
            continue
        for package in ("io", "sync"):
            if (home.path, package) not in added and not imports(view, home.path, package):
                added.add((home.path, package))
                edits.append(add_import(view, home.path, package))
        at = doc_start(enclosing_function(home.statement)).start_byte
        edits.append(Edit(home.path, at, at, _wrapper_block(view, home.alias, wrapper).encode()))
        moves += wrapper.moves
    if not accepted:
        return proposals
    for _, site in accepted:
        _, getter, putter = site.wrapper.names
        var, inner = text(site.var).decode(), text(site.inner).decode()
        source = view.sources[site.path]
        indent = source[source.rfind(b"\n", 0, site.statement.start_byte) + 1 : site.statement.start_byte]
        end = source.find(b"\n", site.statement.end_byte)
        after = end if source[site.statement.end_byte : end].strip().startswith(b"//") else site.statement.end_byte
        edits.append(Edit(site.path, site.call.start_byte, site.call.end_byte, f"{getter}({inner})".encode()))
        edits.append(Edit(site.path, after, after, b"\n" + indent + f"defer {putter}({var}, {inner})".encode()))
    kinds = sorted({f"bufio.{s.wrapper.type}" for _, s in accepted})
    functions = ", ".join(
        text(enclosing_function(s.statement).child_by_field_name("name")).decode() for _, s in accepted
    )
    summary = (
        f"take the {' and '.join(kinds)} of {functions} from a pool instead of allocating a 4 KiB buffer on every "
        "call (sync.Pool; deferred Put; relies on io.Writer's and io.Reader's contract not to retain p)"
    )
    targets = tuple(e for e, _ in accepted)
    return proposals + [
        Fix(NAME, tuple(edits), targets, summary, claim=Tested(MovesAllocation(tuple(moves)), race=True))
    ]


def _helpers_problem(view: PackageView, home: WrapperSite, wrapper: Wrapper) -> str | None:
    """Why the pool and its helpers cannot be added to the home site's file."""
    if any(name in words(view) for name in wrapper.names):
        return f"the package already uses a name of {', '.join(wrapper.names)}"
    for package in ("io", "sync"):
        if import_name(view, home.path, package) != package:
            where = os.path.basename(home.path)
            return f"{package} is imported under another name in {where} or names something else in the package"
    return None


def _wrapper_block(view: PackageView, alias: str, wrapper: Wrapper) -> str:
    pool, getter, putter = wrapper.names
    kind, iface = f"{alias}.{wrapper.type}", wrapper.iface
    return (
        f"// {pool} recycles bufio.{wrapper.type}s and their 4 KiB buffers; {putter} resets each to nil,\n"
        "// so the pool keeps nothing of its caller.\n"
        f"var {pool} = sync.Pool{{New: func() {any_name(view)} {{ return {alias}.New{wrapper.type}(nil) }}}}\n\n"
        f"// {getter} is bufio.New{wrapper.type}(x) from the pool: x itself when it already is a large enough\n"
        f"// {wrapper.type}.\n"
        f"func {getter}(x {iface}) *{kind} {{\n"
        f"\tif b, ok := x.(*{kind}); ok && b.Size() >= 4096 {{\n\t\treturn b\n\t}}\n"
        f"\tb := {pool}.Get().(*{kind})\n\tb.Reset(x)\n\treturn b\n}}\n\n"
        f"// {putter} returns b to the pool, unless it is x itself (the caller's own {wrapper.type}).\n"
        f"func {putter}(b *{kind}, x {iface}) {{\n"
        f"\tif b == x {{\n\t\treturn\n\t}}\n\tb.Reset(nil)\n\t{pool}.Put(b)\n}}\n\n"
    )


def _wrapper_helpers(view: PackageView, wrapper: Wrapper) -> str | None:
    """The file of the package that holds the pool and helpers a previous run added (word for word),
    or None."""
    block = _wrapper_block(view, "bufio", wrapper).encode()
    return next((path for path, source in view.sources.items() if block.strip() in source), None)

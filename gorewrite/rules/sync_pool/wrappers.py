"""Writers and readers that wrap the caller's (bufio.Writer and Reader, tabwriter.Writer), taken from
a pool, reset to the caller's at Get and to nil before Put, so the pool keeps nothing of it.

`bw := bufio.NewWriter(w)` (`br := bufio.NewReader(r)`) allocates a 4 KiB buffer per call (the
compiler reports the inlined make at the call); the Writer (Reader) itself stays on the stack.
The get helper returns w itself where bufio's constructor would (w already one of at least the
default size) and the put helper leaves that one alone. `tw := tabwriter.NewWriter(w, …)`
allocates the Writer (it escapes through fmt's io.Writer), its text buffer and its cells; Init
resets them all. What Flush hands to w.Write (what Read hands to r.Read) is the pooled buffer:
the fix relies on io.Writer's (io.Reader's) contract that "implementations must not retain p", as
fmt (its pp buffers) and net/http (its pooled bufio Readers and Writers) do. Data a Reader read
ahead and the function did not consume is lost at Put as it was when the original became garbage.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass

from gorewrite import breaches, retention
from gorewrite.build_files import constrained
from gorewrite.claims import MovesAllocation, Tested
from gorewrite.edits import Edit
from gorewrite.escapes import Escape
from gorewrite.proposals import Declined, Fix, PackageView, Proposal
from gorewrite.rulekit import add_import, memo, near_syntax_error, types_or_reason, use_owner
from gorewrite.rules.sync_pool import held, loops, peeks, spare, wrapper_loops
from gorewrite.rules.sync_pool.names import (
    any_name,
    every_build,
    import_name,
    import_path,
    imported,
    imports,
    spellings,
    unused_import,
    words,
)
from gorewrite.rules.sync_pool.sites import (
    FUNCTIONS,
    MIN_SCRATCH,
    NAME,
    enclosing_function,
    generic_receiver,
    own_function,
)
from gorewrite.syntax import (
    Node,
    ancestors,
    directive,
    doc_start,
    first_of,
    indentation,
    items,
    text,
    walk,
)
from gorewrite.typeinfo import Kind, Use

BUFIO_HELPERS = """\
// {pool} recycles bufio.{type}s and their 4 KiB buffers; {putter} resets each to nil,
// so the pool keeps nothing of its caller.
var {pool} = sync.Pool{{New: func() {any} {{ return {alias}.New{type}(nil) }}}}

// {getter} is bufio.New{type}(x) from the pool: x itself when it already is a large enough
// {type}.
func {getter}(x {iface}) *{kind} {{
\tif b, ok := x.(*{kind}); ok && b.Size() >= 4096 {{
\t\treturn b
\t}}
\tb := {pool}.Get().(*{kind})
\tb.Reset(x)
\treturn b
}}

// {putter} returns b to the pool, unless it is x itself (the caller's own {type}).
func {putter}(b *{kind}, x {iface}) {{
\tif b == x {{
\t\treturn
\t}}
\tb.Reset(nil)
\t{pool}.Put(b)
}}

"""
TABWRITER_HELPERS = """\
// {pool} recycles tabwriter.Writers with the text and cells they keep between Flushes;
// {putter} re-initialises each with a nil output, so the pool keeps nothing of its caller.
var {pool} = sync.Pool{{New: func() {any} {{ return new({kind}) }}}}

// {getter} is tabwriter.NewWriter(output, minwidth, tabwidth, padding, padchar, flags) from the pool.
func {getter}(output io.Writer, minwidth, tabwidth, padding int, padchar byte, flags uint) *{kind} {{
\treturn {pool}.Get().(*{kind}).Init(output, minwidth, tabwidth, padding, padchar, flags)
}}

// {putter} returns b to the pool.
func {putter}(b *{kind}) {{
\tb.Init(nil, 0, 0, 0, 0, 0)
\t{pool}.Put(b)
}}

"""
WRITES = frozenset({("fmt", "Fprintf"), ("fmt", "Fprint"), ("fmt", "Fprintln"), ("io", "WriteString")})


@dataclass(frozen=True)
class Wrapper:
    """A std type pooled over its caller's writer or reader: reset to it at Get, to nil before Put."""

    package: str  # its import path
    type: str  # Writer
    iface: str  # io.Writer: what it wraps
    arity: int  # the constructor's arguments
    escape: str  # what the compiler reports at the constructor's call
    moves: tuple[str, ...]  # what the pool's New and the helpers' inlined reset report, once each
    methods: frozenset[str]  # methods that keep nothing of it and return nothing that aliases its buffer
    takers: frozenset[tuple[str, str]]  # functions that keep no writer they are given (retention's table)
    names: tuple[str, str, str]  # the pool, the get helper, the put helper
    own: bool  # the get helper returns the wrapped value itself when it already is one: Put must be told it
    reuser: str  # own: the helper a loop's site calls to decide that per iteration (wrapper_loops.py)
    costs: str  # what the constructor allocates on every call, for the fix's summary
    uses: str  # what its allowed methods do, for a reason to decline: writing, reading
    helpers: str  # the pool and its helpers (str.format: pool, getter, putter, type, iface, kind, alias, any)
    size: int = 0  # a sized constructor's constant size (NewWriterSize): SIZED until _sized reads it from go/types


WRAPPERS = {
    ("bufio", "NewWriter"): Wrapper(
        "bufio",
        "Writer",
        "io.Writer",
        1,
        "make([]byte, bufio.size) escapes to heap",
        ("&bufio.Writer{...} escapes to heap", "make([]byte, bufio.size) escapes to heap")
        + ("make([]byte, 4096) escapes to heap",) * 2,
        frozenset({"Write", "WriteString", "WriteByte", "WriteRune", "Flush", "Buffered", "Available", "Size"}),
        WRITES,
        ("bufioWriterPool", "getBufioWriter", "putBufioWriter"),
        True,
        "reuseBufioWriter",
        "a 4 KiB buffer",
        "writing",
        BUFIO_HELPERS,
    ),
    ("bufio", "NewReader"): Wrapper(
        "bufio",
        "Reader",
        "io.Reader",
        1,
        "make([]byte, max(bufio.size, 16)) escapes to heap",
        ("new(bufio.Reader) escapes to heap", "make([]byte, max(bufio.size, 16)) escapes to heap")
        + ("make([]byte, 4096) escapes to heap",) * 2,
        frozenset(
            {"Read", "ReadByte", "ReadRune", "UnreadByte", "UnreadRune", "ReadString", "ReadBytes", "Buffered"}
            | {"Size", "Discard"}
        ),
        frozenset(),
        ("bufioReaderPool", "getBufioReader", "putBufioReader"),
        True,
        "reuseBufioReader",
        "a 4 KiB buffer",
        "reading",
        BUFIO_HELPERS,
    ),
    # tabwriter.NewWriter is new(Writer).Init(…): the Writer escapes through fmt's io.Writer, and
    # its text buffer and cells grow on every call. Init resets every field (reset keeps the slices'
    # capacity for reuse, and cells hold only sizes), so an Init with a nil output empties it. The
    # text buffer keeps the capacity of the largest block between Flushes: tabwriter does not
    # expose it, so it cannot be capped as a bytes.Buffer is.
    ("text/tabwriter", "NewWriter"): Wrapper(
        "text/tabwriter",
        "Writer",
        "io.Writer",
        6,
        "new(tabwriter.Writer) escapes to heap",
        ("new(tabwriter.Writer) escapes to heap",),
        frozenset({"Write", "Flush"}),
        WRITES,
        ("tabWriterPool", "getTabWriter", "putTabWriter"),
        False,
        "",
        "a Writer, its text buffer and its cells",
        "writing",
        TABWRITER_HELPERS,
    ),
}


# bufio.NewWriterSize(w, N) and NewReaderSize(r, N) with a constant N of at least MIN_SCRATCH (above bufio's
# 16-byte minimum for a Reader; a Writer takes any positive size as it is): a pool per size, whose getter
# returns w itself where bufio would (a *bufio.Writer whose Size is at least N), else a pooled one of N bytes
# reset to w.
SIZED = -1
BUFIO_SIZED_HELPERS = (
    BUFIO_HELPERS.replace("their 4 KiB buffers", "their {size}-byte buffers")
    .replace("{alias}.New{type}(nil)", "{alias}.New{type}Size(nil, {size})")
    .replace("bufio.New{type}(x)", "bufio.New{type}Size(x, {size})")
    .replace(">= 4096", ">= {size}")
)
WRAPPERS |= {
    ("bufio", f"{name}Size"): dataclasses.replace(WRAPPERS[("bufio", name)], arity=2, size=SIZED)
    for name in ("NewWriter", "NewReader")
}


def _sized(view: PackageView, site: WrapperSite) -> WrapperSite | str:
    """The site with its wrapper made for the constant size go/types gives (its own pool and helpers), or
    why not; an unsized constructor's site as it is."""
    if site.wrapper.size != SIZED:
        return site
    types = types_or_reason(view)
    if isinstance(types, str):
        return types
    argument = items(site.call.child_by_field_name("arguments"))[1]
    size = types.value(site.path, argument.start_byte, argument.end_byte)
    if size is None:
        return f"the size {text(argument).decode()} is not a constant go/types gives"
    if size < MIN_SCRATCH:  # a scratch []byte's floor: below it, make costs about what a pool's Get and Put do
        return f"its buffer of {size} bytes is below the {MIN_SCRATCH} bytes from which sync-pool pools a buffer"
    if loops.outermost(site.statement) is not None:
        return f"a {site.wrapper.type} of a given size is pooled outside loops only"
    wrapper = dataclasses.replace(
        site.wrapper,
        names=tuple(f"{n}{size}" for n in site.wrapper.names),
        reuser="",
        costs=f"a buffer of {size} bytes",
        helpers=BUFIO_SIZED_HELPERS,
        size=size,
    )
    return dataclasses.replace(site, wrapper=wrapper)


WRAPPER_ESCAPES = {w.escape for w in WRAPPERS.values()}


@dataclass(frozen=True)
class WrapperSite:
    """`var := alias.NewWriter(…)` (bufio's NewReader, tabwriter's NewWriter): the statement, the
    call, the variable, the writer (reader) wrapped, the package's name in the file and what it makes."""

    path: str
    statement: Node
    call: Node
    var: Node
    inner: Node
    alias: str
    wrapper: Wrapper


def wrapper_sites(view: PackageView, path: str) -> dict[int, WrapperSite]:
    """Every `x := <pkg>.NewWriter(w, …)` of a WRAPPERS package in a block, by the offset of its `(`
    (where the compiler reports what it allocates)."""
    return memo(view, (NAME, "wrapper", path), lambda: _match_wrapper_sites(view, path))


def _match_wrapper_sites(view: PackageView, path: str) -> dict[int, WrapperSite]:
    packages = {name: import_path(spec) for name, spec in imported(view, path).items()}
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
        alias = text(callee.child_by_field_name("operand")).decode()
        wrapper = WRAPPERS.get((packages.get(alias, ""), text(callee.child_by_field_name("field")).decode()))
        arguments = call.child_by_field_name("arguments")
        if wrapper is not None and len(items(arguments)) == wrapper.arity and b"..." not in text(arguments):
            var, inner = left.named_children[0], items(arguments)[0]
            found[arguments.start_byte] = WrapperSite(path, node, call, var, inner, alias, wrapper)
    return found


def _wrapper_plan(view: PackageView, site: WrapperSite, relies: set[str]) -> str | None:
    """Why the site's Writer (Reader) cannot come from a pool, or None when every use keeps it inside the
    call (with the interface contracts that rests on added to `relies`)."""
    types = types_or_reason(view)
    if isinstance(types, str):
        return types
    kind = site.wrapper.type
    callee = site.call.child_by_field_name("function").child_by_field_name("field")
    constructor = types.at(site.path, callee.start_byte)
    if constructor is None or constructor.kind != Kind.FUNC or constructor.pkg != site.wrapper.package:
        return f"{text(site.call.child_by_field_name('function')).decode()} is not {site.wrapper.package}'s"
    function = enclosing_function(site.statement)
    if function is None or site.statement.parent is None or site.statement.parent.type != "statement_list":
        return f"the {kind} is not made in a block of a function declaration"
    broken = near_syntax_error(view, site.path, site.statement)
    if broken:
        return broken
    carried = directive(function)
    if carried:
        return f"the function carries {carried}: how the runtime calls it is constrained"
    own = own_function(site.statement)  # the declaration, or the func literal a handler is
    if first_of(function.child_by_field_name("body"), ("labeled_statement", "goto_statement")) is not None:
        return "the function uses labels or goto: gorewrite does not follow jumps past the pool's Get"
    if function.child_by_field_name("type_parameters") is not None or generic_receiver(function):
        return "the function is generic"
    if constrained(site.path, view.tree(site.path).root_node):
        return (
            "some builds leave the file out (a build constraint, a _GOOS/_GOARCH name or cgo): the pool's helpers"
            " would not be built everywhere it is"
        )
    loop = loops.outermost(site.statement)  # one Get before it, the constructor's state every iteration
    # a loop's Get and Put never name w (wrapper_loops.py): what troubles a Put naming w is still declined there
    kept = "declined in a loop as outside one, though there the Put does not name it" if loop else ""
    named = held.named(site.inner)  # w, or x of `&x`: the same pointer wherever x is in scope (probe35a)
    inner = types.at(site.path, named.start_byte) if named is not None else None
    if site.wrapper.own and not held.local(types, site.path, site.inner):
        inner = None  # held in a local of its own for the Put, or named by neither Get nor Put in a loop
        unheld = None if loop else held.reason(types, site.path, site.inner)
        if unheld:
            return f"the wrapped {site.wrapper.iface} is {unheld}"
    var = text(site.var).decode()
    within = wrapper_loops.reason(loop) if loop is not None else None
    if within:
        return f"{var} {within}"
    declared = types.at(site.path, site.var.start_byte)
    if declared is None or declared.obj is None or declared.use != Use.DECL:
        return f"go/types does not know {var} here"
    root = view.tree(site.path).root_node
    for use in types.idents.get(site.path, ()):
        if not function.start_byte <= use.start < function.end_byte:
            continue
        shadows = site.wrapper.own and inner is not None and loop is None and use.use == Use.DECL
        if shadows and use.name == inner.name and use.obj != inner.obj:
            return f"another {inner.name} is declared in the function: the deferred Put names the wrapped one again"
        addressed = named is not site.inner  # `&x`: another `&x` is the same pointer, a write of x is not allowed
        changes = (Use.WRITE,) if addressed else (Use.WRITE, Use.ADDR)
        if site.wrapper.own and inner is not None and use.obj == inner.obj and use.use in changes:
            if not (loop or addressed) and use.use == Use.WRITE:
                shared = _shared(view, site.path, inner.obj, own)
                if shared is None:
                    continue  # only own's statements write it, and none runs between the Get and the Put
                return f"{inner.name} is {shared}: another goroutine may change it between the Get and the Put"
            seen = kept or "Put must see what Get saw"
            what = "written" if addressed else "written or its address taken"
            return f"{inner.name} is {what} in the function: {seen}"
        if use.obj != declared.obj or use.start == declared.start:
            continue
        node = root.named_descendant_for_byte_range(use.start, use.end)
        problem = _wrapper_use(view, site, node, own, relies, loop)
        if problem:
            return f"{var} {problem} (line {view.line(site.path, use.start)})"
    return None


def _shared(view: PackageView, path: str, obj: str, own: Node) -> str | None:
    """Where the wrapped variable may be written by code other than own's statements, or None when it is
    declared in own and written only there, not in a func literal. The Get (`getBufioReader(w)`) and the
    deferred Put (`defer putBufioReader(br, w)`, whose arguments are evaluated where it stands) are adjacent
    statements: no statement of own runs between them, so what writes w before or after them leaves the Put
    with the w the Get saw. Only another goroutine could write it between, through a func literal, an outer
    function's closure or its address (declined as taken)."""
    root = view.tree(path).root_node
    for use in view.types.idents.get(path, ()):
        if use.obj != obj or use.use not in (Use.DECL, Use.WRITE):
            continue
        if use_owner(root, use) != own:
            where = "written in a func literal" if use.use == Use.WRITE else "declared outside the func literal"
            return f"{where} (line {view.line(path, use.start)})"
    return None


def _wrapper_use(
    view: PackageView, site: WrapperSite, node: Node, own: Node, relies: set[str], loop: Node | None
) -> str | None:
    """Why this use of the Writer (Reader) could let it, or its buffer, outlive the pool's Put (or, in a
    loop, its iteration). An argument to any other call than fmt's or io.WriteString's is judged by
    retention (the package's own helpers followed), with the contracts it rests on added to `relies`."""
    if next(a for a in ancestors(node) if a.type in (*FUNCTIONS, "func_literal")) != own:
        return "is used inside a func literal, which may run after the Put"
    if any(a.type == "go_statement" for a in ancestors(node)):
        return "is used in a go statement: the goroutine may run after the Put"
    if loop is not None and wrapper_loops.deferred(node, own):
        return (
            "is used in a defer statement inside a loop: it runs at the function's return on the object the last"
            " iteration left, where each iteration had its own"
        )
    parent = node.parent
    if parent.type == "selector_expression" and parent.child_by_field_name("operand") == node:
        method = text(parent.child_by_field_name("field")).decode()
        called = parent.parent.type == "call_expression" and parent.parent.child_by_field_name("function") == parent
        if called and method in site.wrapper.methods:
            return None
        if called and peeks.aliasing(view, site.path, parent.child_by_field_name("field")):
            problem = peeks.peeked(view, site.path, parent.parent)
            return problem and f"calls {method}, whose slice of its buffer {problem}"
        return f"calls {method}, which is not one that keeps nothing of the {site.wrapper.type} and returns a copy"
    call = parent.parent if parent.type == "argument_list" else None
    if call is None or call.type != "call_expression":
        return f"is used other than by its {site.wrapper.uses} methods or as a call's argument"
    callee = call.child_by_field_name("function")
    name = callee.child_by_field_name("field") if callee.type == "selector_expression" else None
    ident = view.types.at(site.path, name.start_byte) if name is not None else None
    if ident is not None and ident.kind == Kind.FUNC and (ident.pkg, ident.name) in site.wrapper.takers:
        if items(parent)[0] == node:
            return None
    return retention.kept(view, call, items(parent).index(node), contents=True, relies=relies)


def wrapper_fixes(view: PackageView, sites: list[tuple[Escape, WrapperSite]]) -> list[Proposal]:
    """One fix for every pooled Writer and Reader of the package, with each kind's pool and helpers
    in its first site's file (or those a previous run added, reused); a Declined for the others."""
    proposals: list[Proposal] = []
    accepted, relies = [], set()
    for escape, site in sites:
        site_relies = {f"{site.wrapper.iface}'s contract not to retain p"}
        site = _sized(view, site)
        if isinstance(site, str):
            proposals.append(Declined(NAME, escape, site))
            continue
        problem = _wrapper_plan(view, site, site_relies)
        # its buffer, an earlier caller's bytes past what it hands on, reaches w.Write (r.Read) by io's contracts;
        # never nil: bufio's NewWriterSize and NewReaderSize make it, so a fresh one's is no more nil than a pooled
        methods = ("Read",) if site.wrapper.iface == "io.Reader" else ("Write",)
        broken = None if problem else breaches.breach(view, site_relies) or spare.sloppy_io(view, methods, False)
        problem = problem or (broken and f"{text(site.var).decode()} {broken}")
        if problem:
            proposals.append(Declined(NAME, escape, problem))
        else:
            accepted.append((escape, site))
            relies |= site_relies
    reusing, clashes = wrapper_loops.reusers(view, accepted)
    proposals += [Declined(NAME, e, f"the package already uses the name {s.wrapper.reuser}") for e, s in clashes]
    accepted = [a for a in accepted if a not in clashes]
    homes: dict[Wrapper, WrapperSite | None] = {}
    for _, site in accepted:  # where each kind's pool goes: its first site's file, or where it is already
        if site.wrapper not in homes:
            homes[site.wrapper] = None if _wrapper_helpers(view, site.wrapper) else site
    edits, moves, added = [], [], set()
    for wrapper, home in homes.items():
        alias = home.alias if home else wrapper.package.rsplit("/", 1)[-1]
        reuse = wrapper_loops.reuse_block(alias, wrapper) if wrapper in reusing else ""
        if home is None:  # the pool a previous run added: the reuse helper goes after it
            path = _wrapper_helpers(view, wrapper)
            block = _wrapper_block(view, alias, wrapper).strip().encode()
            at = view.sources[path].index(block) + len(block)
            edits += [Edit(path, at, at, f"\n\n{reuse.rstrip()}".encode())] if reuse else []
            moves += (wrapper_loops.RESET_MAKE,) if reuse else ()  # the reuse helper's own, once
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
                edits += add_import(view, home.path, package)
        at = doc_start(enclosing_function(home.statement)).start_byte
        edits.append(Edit(home.path, at, at, (_wrapper_block(view, home.alias, wrapper) + reuse).encode()))
        moves += wrapper.moves + ((wrapper_loops.RESET_MAKE,) if reuse else ())
    if not accepted:
        return proposals
    taken = words(view) | {n for w in WRAPPERS.values() for n in (*w.names, w.reuser)}
    for _, site in accepted:
        _, getter, putter = site.wrapper.names
        loop = loops.outermost(site.statement)
        if loop is not None:
            edits += wrapper_loops.edits(view, site, loop, getter, putter, taken)
            moves += (wrapper_loops.RESET_MAKE,) if site.wrapper.own else ()  # the reuse helper inlined at the site
            continue
        source = view.sources[site.path]
        indent = indentation(source, site.statement.start_byte)
        end = source.find(b"\n", site.statement.end_byte)
        after = end if source[site.statement.end_byte : end].strip().startswith(b"//") else site.statement.end_byte
        wrapped = text(site.inner).decode()
        if site.wrapper.own and not held.local(view.types, site.path, site.inner):
            stem = "src" if site.wrapper.iface == "io.Reader" else "dst"
            wrapped, holding = held.edits(source, site.path, site.statement, site.inner, stem, taken)
            edits += holding if not site.wrapper.size else holding[:1]  # a sized site's call is replaced whole
        put = f"{text(site.var).decode()}, {wrapped}" if site.wrapper.own else text(site.var).decode()
        function = site.call.child_by_field_name("function")
        if site.wrapper.size:  # the getter takes the wrapped value alone: its size is the pool's
            new = f"{getter}({wrapped})".encode()
            edits.append(Edit(site.path, site.call.start_byte, site.call.end_byte, new))
        else:
            edits.append(Edit(site.path, function.start_byte, function.end_byte, getter.encode()))
        edits.append(Edit(site.path, after, after, b"\n" + indent + f"defer {putter}({put})".encode()))
    homes_paths = {h.path for h in homes.values() if h}
    for path in sorted({s.path for _, s in accepted} - homes_paths):  # a site's import the site alone used
        for alias in sorted({s.alias for _, s in accepted if s.path == path}):
            edits += unused_import(view, path, alias, edits)
    kinds = sorted({f"{s.alias}.{s.wrapper.type}" for _, s in accepted})
    costs = sorted({s.wrapper.costs for _, s in accepted})
    functions = ", ".join(  # once each: a function taking a Reader and a Writer is one function
        dict.fromkeys(text(enclosing_function(s.statement).child_by_field_name("name")).decode() for _, s in accepted)
    )
    relied = " and ".join(sorted(relies, reverse=True))
    summary = (
        f"take the {' and '.join(kinds)} of {functions} from a pool instead of allocating {' and '.join(costs)} on "
        f"every call (sync.Pool; deferred Put; relies on {relied})"
    )
    if any(s.wrapper.package == "text/tabwriter" for _, s in accepted):
        summary += "; a pooled tabwriter.Writer keeps the capacity of its largest text between Flushes, uncapped"
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
    return wrapper.helpers.format(
        pool=pool,
        getter=getter,
        putter=putter,
        type=wrapper.type,
        iface=wrapper.iface,
        kind=f"{alias}.{wrapper.type}",
        alias=alias,
        any=any_name(view),
        size=wrapper.size,
    )


def _wrapper_helpers(view: PackageView, wrapper: Wrapper) -> str | None:
    """The file of the package that holds the pool and helpers a previous run added (word for word), when
    nothing else names the pool (a Writer put back by other code keeps its size through the getter's Reset),
    or None."""
    block = _wrapper_block(view, wrapper.package.rsplit("/", 1)[-1], wrapper).encode()
    path = next((p for p, source in view.sources.items() if block.strip() in source and every_build(view, p)), None)
    return path if path is not None and spellings(view, wrapper.names[0]) == 3 else None

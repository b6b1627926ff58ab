"""Whether one site can come from a pool: its size and -m=2 flow, its shape, and every use of the
variable (through retention.py for a buffer), or the reason to decline."""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass

from gorewrite import breaches, builtins, callees, retention
from gorewrite.escapes import MAX_IMPLICIT_STACK, Escape
from gorewrite.parameters import parameter_names
from gorewrite.proposals import PackageView
from gorewrite.rulekit import import_declarations, memo, types_or_reason
from gorewrite.rules.sync_pool import appends, arrays, bounded, loops, spare, uses
from gorewrite.rules.sync_pool.arrays import array_size, array_type, array_use
from gorewrite.rules.sync_pool.constructors import empty_buffer
from gorewrite.rules.sync_pool.names import import_name
from gorewrite.rules.sync_pool.sites import (
    BUILDER,
    FLOW_REASON,
    FLOW_STEP,
    MIN_SCRATCH,
    PRINTED_MAKE,
    PRINTED_NEW,
    REUSABLE,
    SCRATCH_STEPS,
    TOO_LARGE,
    Site,
    enclosing_function,
    generic_receiver,
)
from gorewrite.stdtable import TABLE
from gorewrite.syntax import Node, call_args, directive, first_of, items, text, touches_error, walk
from gorewrite.toolchain import release_minor
from gorewrite.typeinfo import Ident, Kind, Use
from gorewrite.words import whole


@dataclass(frozen=True)
class Shape:
    """How an allocation is pooled, whatever its uses (see Plan for the fields)."""

    pointer: str
    new: str
    moved: str
    length: str | None
    reset: str
    past_length: bool  # a make leaves elements past its length that only a reslice or a callee reaches
    reuse: str | None = None  # a REUSABLE type: reset before Put, not after Get
    capacity: str | None = None  # a bounded make's capacity when it is not its length: cleared up to it


@dataclass(frozen=True)
class Plan:
    """What one accepted site needs: its pool group, the pointer type, and its statement's rewrite."""

    site: Site
    escape: Escape
    pointer: str  # what the pool holds: *[1048576]byte for a make's backing array, *Big
    new: str  # what the pool's New returns: new([1048576]byte), new(Big)
    moved: str  # what the compiler will say of it: `new([1048576]byte) escapes to heap`
    length: (
        str | None
    )  # a make's length as written (a constant): the site slices the array to it; None for new(T) and &T{}
    reset: str  # a make: "" or "zero" (the array, as make gave it); else the literal to assign through the pointer
    var: str
    reuse: str | None = None  # a REUSABLE type's name: the put helper empties it (and drops it when grown too large)
    addresses: tuple[tuple[int, int], ...] = ()  # `&b` of a var-declared buffer, rewritten to `b`
    relies: tuple[str, ...] = ()  # interface contracts the proof that no callee keeps it rests on
    replaced: str | None = None  # the import a Builder's type named (`strings`), maybe unused once it is a Buffer
    copies: int = 0  # the String calls of a Buffer standing for a Builder: each copies (STRING_COPY)
    scratch: bool = False  # a []byte that fits the stack, on the heap only for io's Read and Write (is_scratch)
    # the statements after Get and Put: an array's from a `:=` that take its value, a Scanner's Buffer call
    init: tuple[str, ...] = ()
    derefs: tuple[int, ...] = ()  # where a whole-array assignment `a = …` becomes `*a = …` (arrays.whole)
    loop: Node | None = None  # the outermost loop around the site: one Get before it, the reset every iteration
    capacity: str | None = None  # a bounded `make([]byte, n, c)`: `clear(v[:c])`, make's zeros past the length
    hoist: bool = False  # a scratch below MIN_SCRATCH in a loop: one array per call, no pool (hoists.py)


def site_plan(view: PackageView, escape: Escape, site: Site) -> Plan | str:
    """The site's rewrite plan, or why it is declined."""
    types = types_or_reason(view)
    if isinstance(types, str):
        return types
    function = enclosing_function(site.statement)
    if touches_error(view.tree(site.path), function.start_byte, function.end_byte):
        return "the enclosing declaration has syntax tree-sitter-go cannot parse"
    constrained = directive(function)
    if constrained:
        return f"the function carries {constrained}: how the runtime calls it is constrained"
    if site.kind in ("make", "new") and builtins.called(types, site.path, site.value) != site.kind:
        return f"{text(site.value).decode()} does not call Go's {site.kind} by go/types: the code declares its own"
    if per_build_length(view, site, escape):
        return (
            f"the length in {text(site.value).decode()} is a constant some builds give differently (declared "
            "under a build constraint, or sized by the target): a pooled array would fit this build only"
        )
    reuse = _reusable(view, site)
    if reuse == BUILDER:
        problem = _builder_file(view, site)
        if problem:
            return problem
        site, reuse = dataclasses.replace(site, stands_for=BUILDER), "bytes.Buffer"
    if site.kind == "var" and reuse is None:
        return f"{text(site.value).decode()} is not a type gorewrite pools from a var declaration"
    if site.kind == "constructor" and reuse is None:
        return empty_buffer(view, site) or f"{text(site.value).decode()} is not a constructor gorewrite pools"
    if bounded.variable(site, escape):
        limit = bounded.size(view, site)
        if isinstance(limit, str):
            return f"{text(site.value).decode()} is pooled only with a bound: {limit}"
    size = size_of(view, site, escape) if site.kind not in ("var", "constructor") else None
    scratch = reuse is None and is_scratch(view, site, size)
    if site.kind == "result" and not scratch:
        return (
            f"{text(site.name).decode()}, declared by `:=`, is pooled only as a scratch buffer: an array of Go's byte,"
            f" {MIN_SCRATCH} bytes to 64 KiB, that the function hands to io's Read or Write, or to a std function"
            " that keeps nothing of it"
        )
    if site.kind == "array" and not scratch:
        return (
            f"a var-declared {text(site.value).decode()} is pooled only as a scratch buffer: an array of Go's byte,"
            f" {MIN_SCRATCH} bytes to 64 KiB, that the function hands to io's Read or Write, or to a std function"
            " that keeps nothing of it"
        )
    if size is not None and size <= MAX_IMPLICIT_STACK and reuse is None and not scratch:
        return (
            f"it fits the stack ({size} bytes): it is on the heap for what the code does with it, not for its"
            " size, and gorewrite pools such a value only when it is a reusable buffer (a bytes.Buffer or a"
            f" strings.Builder) or a []byte of {MIN_SCRATCH} bytes or more that the function hands to io's Read or"
            " Write, or to a std function that keeps nothing of it (io.CopyBuffer, io.ReadFull, crc32), and that is"
            " on the heap only for those calls"
        )
    # A reusable object escapes through calls: every use below, each call through retention, proves none keeps
    # it. So does a scratch []byte, whose flow is read once its uses are known.
    why = _flow_reason(view, escape) if reuse is None and not scratch else None
    if why:
        return why
    site = dataclasses.replace(site, reuse=reuse)
    var = text(site.name).decode()
    if var == "_" or site.statement.parent is None or site.statement.parent.type != "statement_list":
        return "the allocation is not assigned to a named variable in a block"
    loop = loops.outermost(site.statement)  # its Get goes before the loop, and each iteration re-derives the variable
    body = function.child_by_field_name("body")
    jump = first_of(body, ("labeled_statement", "goto_statement"))
    if jump is not None:
        return "the function uses labels or goto: gorewrite does not follow jumps past the pool's Get"
    if site.stands_for:
        shape = Shape("*bytes.Buffer", "new(bytes.Buffer)", "", None, "", False)
    else:
        shape = shape_of(view, site, escape) if site.kind not in ("var", "array", "result") else _var_shape(view, site)
    if isinstance(shape, str):
        return shape
    if reuse is not None:
        shape = Shape(shape.pointer, shape.new, f"new({shape.pointer[1:]}) escapes to heap", None, "", False, reuse)
    length, reset = shape.length, shape.reset
    if function.child_by_field_name("type_parameters") is not None or generic_receiver(function):
        return "the function is generic: a package-level pool cannot name its type parameters"
    stale: list[str] | None = (
        [] if shape.past_length else None
    )  # what could read past the length, if anything can be there
    declared = types.at(site.path, site.name.start_byte)
    if declared is None or declared.obj is None or declared.use != Use.DECL:
        return f"go/types does not know {var} here"
    idents = types.idents.get(site.path, ())
    inside = [i for i in idents if function.start_byte <= i.start < function.end_byte]
    addresses: list[tuple[int, int]] = []  # a var's `&b`, which becomes `b`: the pointer the pool gives
    derefs: list[int] = []
    relies: set[str] = set()  # the interface contracts retention's answers rest on
    copies = 0
    reads = False
    objs = {declared.obj}  # the variable and the local aliases of it followed so far (uses.py)
    problems: list[str] = []  # the first names the blocker; the count of the others says whether it is the only one
    cleared: list[Node] = []  # the uses that keep nothing, for spare.hands_out
    for use in (i for i in inside if i.obj == declared.obj and i.start != declared.start):
        node = view.tree(site.path).root_node.descendant_for_byte_range(use.start, use.end)
        if site.kind == "var":
            node = _var_use(node)
            if isinstance(node, str):
                problems.append(node)
                continue
            if node.type == "unary_expression":
                addresses.append((node.start_byte, node.end_byte))
        elif site.kind in ("array", "result") and arrays.whole(node):
            derefs.append(node.start_byte)  # `a = h.Marshal()` writes the whole array: through the pointer
        elif site.kind in ("array", "result") and array_use(view, site.path, node):
            problems.append(array_use(view, site.path, node))
            continue
        is_slice = length is not None or site.kind in ("array", "result")
        problem = uses.check(view, site, node, objs, relies, stale, is_slice)
        if problem:
            problems.append(problem)
            continue
        cleared.append(node)
        method = node.parent.child_by_field_name("field") if node.parent.type == "selector_expression" else None
        if site.stands_for and method is not None and text(method) == b"String":
            copies += 1
        reads |= method is not None and text(method) == b"ReadFrom"  # the Buffer's: it hands r.Read its storage
    if problems:
        more = len(problems) - 1
        return f"{var} {problems[0]}" + (f" (and {more} more of its uses gorewrite cannot clear)" if more else "")
    within = loops.reason(view, site, loop, objs, declared.obj) if loop is not None else None
    if within:
        return f"{var} {within}"
    broken = breaches.breach(view, relies)
    if broken:
        return f"{var} {broken}"
    # its storage reaches Write methods (WriteTo, io.Copy, io.Writers), and Read ones through its ReadFrom
    io_methods = ("Write", "Read") if reads else ("Write",)
    # ... unless no use hands the storage out (an alias's uses are not among `cleared`: then it may)
    shown = len(objs) > 1 or spare.hands_out(view, site.path, cleared)
    nils = len(objs) > 1 or spare.shows_nil(view, site.path, cleared)  # else only WriteTo, ReadFrom hand it out
    sloppy = spare.sloppy_io(view, io_methods, nils) if (site.reuse or site.stands_for) and shown else None
    if sloppy:  # the storage, an earlier caller's bytes past its length, may reach it through io's contracts
        return f"{var} {sloppy}"
    why = _scratch_flow(view, site, escape, objs) if scratch else None
    if why:
        return why
    if stale:
        reset = "zero"  # past the length, make gave zeros; a pooled array has the last call's bytes there
    init = arrays.result_init(view, site) if site.kind == "result" else ()
    if isinstance(init, str):
        return f"{var} cannot be split from its `:=`: {init}"
    return Plan(
        site,
        escape,
        shape.pointer,
        shape.new,
        shape.moved,
        length,
        reset,
        var,
        shape.reuse,
        tuple(addresses),
        tuple(sorted(relies)),
        _qualifier(site) if site.stands_for else None,
        copies,
        scratch,
        init,
        tuple(derefs),
        loop,
        shape.capacity,
        scratch and size < MIN_SCRATCH,
    )


# The calls a scratch []byte may reach the heap through: io.Reader's Read and io.Writer's Write, by their
# contracts, and the std functions the table clears for a buffer with no methods of its own to ask
# (io.CopyBuffer and io.ReadFull hand it only to Read and Write; crc32 reads it).
HANDED = frozenset({b"Read", b"Write", *(key[2].encode() for key, entry in TABLE.items() if not entry.methods)})


def is_scratch(view: PackageView, site: Site, size: int | None) -> bool:
    """Is the site a `make([]byte, …)` (or a `var a [N]byte`) of MIN_SCRATCH bytes to 64 KiB, or a smaller
    one inside a loop (hoists.py), that its function hands to a call named as one of HANDED, which sync-pool
    pools (or hoists) when it is on the heap only for those calls (its uses and its flow say so)? `byte` is
    Go's, by go/types."""
    if site.kind not in ("make", "array", "result") or size is None or not 0 < size <= MAX_IMPLICIT_STACK:
        return False
    if size < MIN_SCRATCH and loops.outermost(site.statement) is None:
        return False  # below it a pool costs what make does; in a loop one array serves every iteration
    if site.kind != "make":
        return handed_to_io(view, site)  # size_of knows it only for Go's bytes
    kind = call_args(site.value)[0]
    element = _type_name(view, site.path, kind.child_by_field_name("element")) if kind.type == "slice_type" else None
    if element is None or element.obj is not None or element.named is not None or element.name not in ("byte", "uint8"):
        return False
    return handed_to_io(view, site)


def handed_to_io(view: PackageView, site: Site) -> bool:
    """Does the function pass the variable, or a slice of it, to a call named as one of HANDED (Read,
    Write, CopyBuffer, ReadFull, ChecksumIEEE…), or to a function of the package that so passes one of its
    parameters (`readFrameHeader(r, hdr, &f)`, whose io.ReadFull reads into hdr[:2])? Only such a call can rest
    on io's contracts or the std table, which go/types and retention decide later: by name, it spares the -m=2
    compile of packages whose byte slices reach none. A local alias (`body := buf[:n]`) counts, by its name:
    uses.py follows it."""
    return next(_handed_calls(site, _handing_helpers(view)), None) is not None


def _handing_helpers(view: PackageView) -> frozenset[bytes]:
    """The names of the package's functions that pass a parameter, or a slice of it, to a call named as one of
    HANDED, by syntax (one level: a prefilter). Once per view: every scratch site of the package asks."""
    return memo(view, ("sync-pool", "handing helpers"), lambda: frozenset(_helpers(view)))


def _helpers(view: PackageView) -> Iterator[bytes]:
    for path in view.package.files:
        for node in view.tree(path).root_node.named_children:
            name, body = node.child_by_field_name("name"), node.child_by_field_name("body")
            if node.type != "function_declaration" or body is None:
                continue
            params = parameter_names(node.child_by_field_name("parameters"))
            if any(next(_handing(body, text(p), frozenset()), None) for p, _ in params if p is not None):
                yield text(name)


IO_WORDS = "handed to io's Read and Write"


def handed_words(view: PackageView, sites: list[Site]) -> str:
    """What scratches are handed to, for their pool's comment: io's Read and Write where some call is one
    of those (or io's own), and by go/types the std functions outside io the table clears them for
    (`json.Unmarshal`, `crc32.ChecksumIEEE`), which read them: a scratch only crc32 reads is not io's."""
    others, io = set(), False
    for call, path in ((call, site.path) for site in sites for call in _handed_calls(site)):
        key = callees.callee(view, path, call)
        if isinstance(key, tuple) and key[0] != "io" and not key[1] and any(k[:3] == key for k in TABLE):
            others.add(f"{key[0].rpartition('/')[2]}.{key[2]}")
        else:
            io = True
    if not io and others:
        return f"handed to {' and '.join(sorted(others))}"
    return IO_WORDS + (f" and to {' and '.join(sorted(others))}" if others else "")


def _handed_calls(site: Site, helpers: frozenset[bytes] = frozenset()) -> Iterator[Node]:
    """The calls named as one of HANDED, or of helpers, that get the variable, a slice of it or a local alias
    (by name)."""
    function = enclosing_function(site.statement)
    if function is None:  # a func literal of a package-level var: no function for the pool to serve
        return
    yield from _handing(function.child_by_field_name("body"), text(site.name), helpers)


def _handing(body: Node, name: bytes, helpers: frozenset[bytes]) -> Iterator[Node]:
    names = _alias_names(body, name)
    for call in walk(body):
        if call.type != "call_expression":
            continue
        function = call.child_by_field_name("function")
        if function.type == "selector_expression":
            function = function.child_by_field_name("field")
        if text(function) not in HANDED and (function.type != "identifier" or text(function) not in helpers):
            continue
        if any(a.type == "identifier" and text(a) in names for a in map(_unsliced, call_args(call))):
            yield call


def _alias_names(body: Node, name: bytes) -> set[bytes]:
    """The name, and the names assigned it or a slice of it, transitively (`line := buf[:n]`): by syntax
    alone, an over-approximation that only decides which packages get the -m=2 compile."""
    names, assignments = {name}, [n for n in walk(body) if n.type in ("short_var_declaration", "assignment_statement")]
    grown = True
    while grown:
        grown = False
        for assignment in assignments:
            left, right = assignment.child_by_field_name("left"), assignment.child_by_field_name("right")
            for target, value in zip(left.named_children, right.named_children, strict=False):
                unsliced = _unsliced(value)
                if unsliced.type == "identifier" and text(unsliced) in names and text(target) not in names:
                    names.add(text(target))
                    grown = True
    return names


def _builder_file(view: PackageView, site: Site) -> str | None:
    """Why the site's file cannot take a bytes.Buffer for its Builder: `bytes` must be importable by
    that name, and new imports go into an import group (a lone `import "strings"` it may drop is the
    group's neighbour, not its place)."""
    if import_name(view, site.path, "bytes") != "bytes":
        return "the file imports bytes under another name, or the package declares bytes itself"
    declarations = import_declarations(view.tree(site.path))
    if not any(c.type == "import_spec_list" for d in declarations for c in d.named_children):
        return "the file has no import group for the bytes import a Buffer standing for the Builder needs"
    return None


def _qualifier(site: Site) -> str | None:
    """The package name the site wrote its type with: `strings` of `strings.Builder`."""
    written = site.value if site.kind == "var" else None
    if site.kind == "new":
        written = call_args(site.value)[0]
    elif site.kind == "literal":
        written = site.value.child_by_field_name("operand").child_by_field_name("type")
    package = written.child_by_field_name("package") if written is not None else None
    return text(package).decode() if package is not None else None


def _var_shape(view: PackageView, site: Site) -> Shape:
    """A `var b T` of a REUSABLE type, or a scratch `var a [N]byte`: the pool holds `*T`, and `b` becomes
    that pointer; an array is zeroed after Get, as `var` gave it."""
    if site.kind in ("array", "result"):  # the declaration's `:=` writes it whole, as may the next statement
        array = array_type(view, site)
        reset = "" if site.kind == "result" or arrays.written_next(site) else f"{array}{{}}"
        return Shape(f"*{array}", f"new({array})", f"new({array}) escapes to heap", None, reset, False)
    type_text = text(site.value).decode()
    return Shape(f"*{type_text}", f"new({type_text})", f"new({type_text}) escapes to heap", None, "", False)


def _var_use(node: Node) -> Node | str:
    """A use of a var-declared buffer that stays right once `b` is a pointer: `&b` (its pointer, which
    the rewrite makes `b`) or a method call or selector on it; any other use needs the value."""
    parent = node.parent
    if (
        parent is not None
        and parent.type == "unary_expression"
        and text(parent.child_by_field_name("operator")) == b"&"
    ):
        return parent
    if parent is not None and parent.type == "selector_expression" and parent.child_by_field_name("operand") == node:
        return node
    return "is used as a value, which a pooled pointer cannot stand for"


def _reusable(view: PackageView, site: Site) -> str | None:
    """The REUSABLE type (or BUILDER) a `new(T)`, an empty `&T{}` or `var b T` makes, by go/types' name for it."""
    if site.kind == "new":
        args = call_args(site.value)
        node = args[0] if len(args) == 1 else None
    elif site.kind == "var":
        node = site.value
    elif site.kind == "constructor":
        return "bytes.Buffer" if empty_buffer(view, site) is None else None
    elif site.kind == "literal":
        literal = site.value.child_by_field_name("operand")
        body = literal.child_by_field_name("body")
        node = literal.child_by_field_name("type") if body is not None and not body.named_children else None
    else:
        return None
    ident = _type_name(view, site.path, node)
    named = ident.named if ident is not None else None
    return named if named in REUSABLE or named == BUILDER else None


def per_build_length(view: PackageView, site: Site, escape: Escape) -> bool:
    """A constant length this build's compiler folds that the go/types helper does not give for every
    build (gotypes/steady.go): an array's, or a make's the compiler prints as a number. The pool's
    array type would be written as this build folds it: site_plan declines such a site."""
    if view.types is None or view.types.error:
        return False
    if site.kind == "array":
        return view.types.length(site.path, site.value.start_byte, site.value.end_byte) is None
    if site.kind == "result":
        return array_type(view, site) is not None and not arrays.result_length_steady(view, site)
    if site.kind != "make" or PRINTED_MAKE.fullmatch(escape.message) is None:
        return False
    args = call_args(site.value)[1:]
    return any(view.types.value(site.path, a.start_byte, a.end_byte) is None for a in args)


def size_of(view: PackageView, site: Site, escape: Escape) -> int | None:
    """The allocation's size in bytes (go/types' sizes, the compiler's folded lengths), None if unknown."""
    if view.types is None or view.types.error:
        return None
    if site.kind in ("array", "result"):
        return array_size(view, site)
    args = call_args(site.value) if site.kind != "literal" else []
    if site.kind == "make" and bounded.variable(site, escape):
        limit = bounded.size(view, site)  # bytes: is_scratch asks that the element be Go's byte
        return limit if isinstance(limit, int) else None
    if site.kind == "make":
        printed = PRINTED_MAKE.fullmatch(escape.message)
        if not args or args[0].type != "slice_type" or printed is None:
            return None
        element = _named_size(view, site.path, args[0].child_by_field_name("element"))
        return element * int(printed[2].split(", ")[-1]) if element is not None else None
    if site.kind == "new":
        shown = PRINTED_NEW.fullmatch(escape.message)
        if len(args) == 1 and args[0].type == "array_type" and shown and shown[2]:
            element = _named_size(view, site.path, args[0].child_by_field_name("element"))
            return element * int(shown[2]) if element is not None else None
        return _named_size(view, site.path, args[0]) if len(args) == 1 else None
    return _named_size(view, site.path, site.value.child_by_field_name("operand").child_by_field_name("type"))


def _named_size(view: PackageView, path: str, node: Node | None) -> int | None:
    """The size of a named type (`byte`, `page`, `pkg.T`) from go/types; None for other type expressions."""
    ident = _type_name(view, path, node)
    return ident.size if ident is not None else None


def _type_name(view: PackageView, path: str, node: Node | None) -> Ident | None:
    """What go/types says of a named type expression (`page`, `pkg.T`); None for any other expression."""
    name = node.child_by_field_name("name") if node is not None and node.type == "qualified_type" else node
    if name is None or name.type != "type_identifier":
        return None
    ident = view.types.at(path, name.start_byte)
    return ident if ident is not None and ident.kind == Kind.TYPE else None


def _flow_reason(view: PackageView, escape: Escape) -> str | None:
    """None when every toolchain says the site escapes for its size alone (the -m=2 flow), else why not."""
    site = (escape.path, escape.line, escape.col)
    for version in sorted(view.by_toolchain, key=release_minor):
        if escape not in view.by_toolchain[version]:
            return f"{version} keeps it on the stack already"
        lines = view.flows.get(version, {}).get(site)
        if not lines:
            return f"{version} gave no -m=2 flow for the site"
        reasons = [m[1] for m in map(FLOW_REASON.match, lines) if m]
        if not reasons:
            return f"{version} gave no -m=2 flow for the site"
        # The last step of the flow says where it goes: `from fmt.Fprintf(b, …) (call parameter)`.
        other = next(
            (line.strip() for line in reversed(lines) if (m := FLOW_REASON.match(line)) and m[1] != TOO_LARGE), None
        )
        if other:
            return f"it can outlive the call: {version} says `{other}`"
    return None


def _scratch_flow(view: PackageView, site: Site, escape: Escape, objs: set[str]) -> str | None:
    """None when, under every toolchain, the site's -m=2 flow goes to the heap through a call, and every
    step is the declaration, a slice of the buffer or a call that passes it where only io's contracts
    keep it from being retained. The compiler prints one path per site; the uses, all cleared before,
    cover every path; this holds the compiler to the same reason, and declines where it names another."""
    for version in sorted(view.by_toolchain, key=release_minor):
        if escape not in view.by_toolchain[version]:
            return f"{version} keeps it on the stack already"
        lines = view.flows.get(version, {}).get((escape.path, escape.line, escape.col), ())
        steps = [FLOW_STEP.match(line) for line in lines if line.lstrip().startswith("from ")]
        if None not in steps and bounded.flow_accepted(site, escape, version, [step[1] for step in steps]):
            continue
        if not steps or None in steps or steps[-1][1] != "call parameter":
            return f"{version} gave no -m=2 flow through a call gorewrite can read for the site"
        # Slicing an array takes its address: `from scratch (address-of)`, then `from scratch[:] (slice)`.
        allowed = (*SCRATCH_STEPS, "address-of") if site.kind != "make" else SCRATCH_STEPS
        for step in steps:
            # `crc32.d, crc32.p := crc.(*crc32.digest), buf[:m] (assign-pair)`: a call inlined where it is made
            # binds its parameters at the call's `(`, and its body's steps are printed there too: the call's own
            at_call = step[1] in ("call parameter", "assign-pair")
            if step[1] not in (*allowed, "assign-pair") or (at_call and not _io_call(view, site, step, objs)):
                return (
                    f"it can outlive the call: {version} says `{step[0].strip()}`, which neither io's contracts"
                    " nor the std table cover"
                )
    return None


def _io_call(view: PackageView, site: Site, step: re.Match, objs: set[str]) -> bool:
    """Is the flow step's call, in the site's file, one that gets the buffer (or a slice of it) and keeps
    it only as far as io's contracts let it (w.Write(buf[:n]), r.Read(buf), io.CopyBuffer(dst, src, buf),
    io.ReadFull(r, buf)) or keeps nothing of it by the std table (crc32.ChecksumIEEE(buf[:n])) or by its body, the
    package's own, followed by retention, not by the verdict of a function the compiler saw, which would not have
    sent it to the heap?
    The file is named as the go command was run (`./relay.go`, `../x/relay.go`): by its base name, one
    file of the package, where the call must be and pass the site's own variable."""
    if os.path.basename(step[2]) != os.path.basename(site.path):
        return False
    offset = view.offset(Escape(site.path, int(step[3]), int(step[4]), ""))
    node = view.tree(site.path).root_node.named_descendant_for_byte_range(offset, offset) if offset else None
    if node is None or node.type != "argument_list" or node.start_byte != offset:
        return False
    for index, argument in enumerate(items(node)):
        if _is_buffer(view, site, argument, objs):
            appended = uses.assigned_back(view, site, node.parent, objs)  # buf = appendField(buf, …): buf's uses decide
            if appended and appends.returns_only(view, site.path, node.parent, index, appended) is None:
                return True
            relied: set[str] = set()
            if retention.kept(view, node.parent, index, contents=True, relies=relied) is not None:
                return False
            return bool(relied) or _in_table(view, site, node.parent, index) or _own(view, site, node.parent)
    return False


def _own(view: PackageView, site: Site, call: Node) -> bool:
    """Is the call one of the package's own functions, which retention read the body of where the compiler's
    verdict leaked the buffer (`parseRecord(hdr)`: every use there a slice, an element or a call keeping nothing)?"""
    key = callees.callee(view, site.path, call)
    return isinstance(key, tuple) and key[0] == view.package.import_path


def _in_table(view: PackageView, site: Site, call: Node, index: int) -> bool:
    """Does the std table clear this argument of the call with no methods to ask (crc32's bytes)?"""
    key = callees.callee(view, site.path, call)
    entry = TABLE.get((*key, index)) if isinstance(key, tuple) else None
    return entry is not None and not entry.methods


def _is_buffer(view: PackageView, site: Site, expr: Node, objs: set[str]) -> bool:
    """Is expr the variable, or a slice of it (`buf[:n]`), through any parentheses?"""
    return uses.is_obj(view, site, _unsliced(expr), objs)


def _unsliced(expr: Node) -> Node:
    """The expression under any parentheses and slicings: buf for `(buf)[:n]`."""
    while expr.type in ("parenthesized_expression", "slice_expression"):
        expr = expr.child_by_field_name("operand") if expr.type == "slice_expression" else expr.named_children[0]
    return expr


def shape_of(view: PackageView, site: Site, escape: Escape) -> Shape | str:
    """How the allocation is pooled, or why it is not poolable."""
    if site.kind == "make" and bounded.variable(site, escape):
        # The array of the bound; `v := p[:n:n]` has make's length and capacity, cleared as make gave it.
        limit, element = bounded.size(view, site), text(call_args(site.value)[0].child_by_field_name("element"))
        printed = bounded.PRINTED.fullmatch(escape.message)[1]
        array, reset = f"[{limit}]{element.decode()}", "clear" if bounded.clears(view) else "zero"
        moved = f"new([{limit}]{printed}) escapes to heap"
        sliced, capacity = bounded.sliced(site), bounded.capacity(site)
        return Shape(f"*{array}", f"new({array})", moved, sliced, reset, False, capacity=capacity)
    if site.kind == "make":
        args = call_args(site.value)
        if len(args) < 2 or args[0].type != "slice_type":
            return "only slices are pooled"
        printed = PRINTED_MAKE.fullmatch(escape.message)
        sizes = [int(n) for n in re.findall(r"\d+", printed[2])][-(len(args) - 1) :] if printed else []
        if len(sizes) != len(args) - 1:
            return "the size is not a constant the compiler printed"
        length, capacity = sizes[0], sizes[-1]
        if length > capacity:
            return "the length is larger than the capacity: make panics"
        element = text(args[0].child_by_field_name("element")).decode()
        # The pool holds the backing array: its length and capacity are fixed by its type, and
        # only its elements can change while it is out of the pool.
        array = f"[{capacity}]{element}"
        moved = f"new([{capacity}]{printed[1]}) escapes to heap"
        # The length as written: a constant the statement could see, and the site is where it was.
        return Shape(
            f"*{array}", f"new({array})", moved, text(args[1]).decode(), "zero" if length > 0 else "", capacity > length
        )
    if site.kind == "constructor":  # an empty bytes.Buffer (constructors.py), named as the file names bytes
        package = text(site.value.child_by_field_name("function").child_by_field_name("operand")).decode()
        return Shape(f"*{package}.Buffer", f"new({package}.Buffer)", "", None, "", False)
    if site.kind == "new":
        args = call_args(site.value)
        if len(args) != 1:
            return "new takes one type"
        kind = _type_kind(view, site.path, args[0])
        if kind:
            return kind
        shown = PRINTED_NEW.fullmatch(escape.message)
        type_text = text(args[0]).decode()
        if args[0].type == "array_type" and shown:
            type_text = shown[1]  # folded: new([65536]int32) for new([256 * 256]int32)
        return Shape(
            f"*{type_text}", f"new({type_text})", f"new({type_text}) escapes to heap", None, f"{type_text}{{}}", False
        )
    literal = site.value.child_by_field_name("operand")
    type_node = literal.child_by_field_name("type")
    if type_node is None or type_node.type not in ("type_identifier", "qualified_type"):
        return "only a literal of a named type is pooled"
    kind = _type_kind(view, site.path, type_node)
    if kind:
        return kind
    if re.search(whole(text(site.name)), text(literal)):
        return f"the literal refers to {text(site.name).decode()}, which the rewrite would declare first"
    type_text = text(type_node).decode()
    return Shape(
        f"*{type_text}", f"new({type_text})", f"new({type_text}) escapes to heap", None, text(literal).decode(), False
    )


def _type_kind(view: PackageView, path: str, node: Node | None) -> str | None:
    """Why a new(T)/&T{} type cannot be pooled: not a named type of known size (generic, or a struct literal type)."""
    if node is None:
        return "the allocation has no type gorewrite can name"
    if node.type in ("array_type",):
        return None
    name = node.child_by_field_name("name") if node.type == "qualified_type" else node
    if name is None or name.type != "type_identifier":
        return f"{text(node).decode()} is not a named type or an array"
    ident = _type_name(view, path, node)
    if ident is None or ident.size is None:
        return f"the size of {text(node).decode()} is not known (a type parameter, or go/types could not resolve it)"
    if ident.iface:
        return f"{text(node).decode()} is an interface"
    return None

"""sync-pool: take a per-call temporary that is only on the heap because it is too large for the
stack from a package-level `sync.Pool` instead, and put it back when the function returns.

`buf := make([]byte, 0, 1<<20)` becomes `bufp := getBuf(); defer putBuf(bufp); buf := bufp[:0]`
beside `var bufPool = sync.Pool{New: …}` and two typed helpers; `p := new(T)` / `p := &T{…}`
become `p := getT(); defer putT(p); *p = T{…}`. The compiler's `-m=2` flow must say the site
escapes for its size alone, under every toolchain, and every use of the variable must stay
inside the call. A `bytes.Buffer` (REUSABLE) fits the stack but escapes through the calls it
reaches: retention.py must show none keeps anything of it; its put helper empties it before Put.
The full doc, with the cases it declines, is rules/sync-pool/README.md.
"""

from __future__ import annotations

import ast
import dataclasses
import os
import re
from dataclasses import dataclass

from gorewrite import callees, retention
from gorewrite.claims import MovesAllocation, Tested
from gorewrite.edits import Edit
from gorewrite.escapes import MAX_IMPLICIT_STACK, Escape
from gorewrite.packages import name_constraint
from gorewrite.proposals import Candidate, Declined, Fix, PackageView, Proposal, Rule
from gorewrite.rulekit import add_import, file_imports, memo, types_or_reason
from gorewrite.syntax import (
    Node,
    ancestors,
    captures,
    declaration_range,
    directive,
    doc_start,
    first_of,
    load_query,
    text,
    touches_error,
    walk,
)
from gorewrite.toolchain import release_minor
from gorewrite.typeinfo import Ident, Kind, Use

NAME = "sync-pool"
# Constant-size makes (the compiler prints sizes folded), new(T), &T{…} and &T{}; a variable-size
# make is make-const's site.
MESSAGE = re.compile(r"^(make\(\[\][^\n]*?(, \d+)+\)|new\([^\n]*\)|&[^\n]*\{(\.\.\.)?\}) escapes to heap$")
TOO_LARGE = "too large for stack"
# What the compiler prints, sizes folded: make([]byte, 0, 1048576) for make([]byte, 0, 1<<20),
# new([65536]int32) for new([256 * 256]int32).
PRINTED_MAKE = re.compile(r"make\(\[\](.*?)((?:, \d+)+)\) escapes to heap")
PRINTED_NEW = re.compile(r"new\(((?:\[(\d+)\])?.*)\) escapes to heap")
FLOW_REASON = re.compile(r"^\s*from .* \(([^()]+)\) at ")
FUNCTIONS = ("function_declaration", "method_declaration")
OK_BUILTINS = (b"len", b"cap", b"copy", b"clear")
# Types pooled although they fit the stack: what costs is their storage, which grows with use and
# which their reset keeps. Type -> (the method that empties it, the methods that observe the
# capacity a pooled one keeps from earlier calls).
REUSABLE = {"bytes.Buffer": ("Reset", ("Cap", "Available", "AvailableBuffer"))}
NEVER_POOLED = {"strings.Builder": "String() returns its buffer without a copy, so a Builder is never pooled"}
MAX_POOLED = 64 * 1024  # bytes: a buffer grown past this is dropped at Put, not kept for every later call


@dataclass(frozen=True)
class Site:
    """A `name := <allocation>` statement the query found, by the offset the compiler reports."""

    path: str
    statement: Node
    name: Node
    value: Node
    kind: str  # make | new | literal | var (then value is the declared type)
    reuse: str | None = None  # a REUSABLE type's name, once _plan knows it is one: calls may keep nothing of it


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


def find(view: PackageView) -> list[Candidate]:
    """Constant-size allocations the compiler puts on the heap, assigned by `:=` in a function, and
    buffers declared by `var b bytes.Buffer` it moves to the heap."""
    found = []
    for escape in view.escapes:
        if not escape.heap or escape.path not in view.package.rewritable:
            continue
        if escape.message in WRAPPER_ESCAPES:
            wrapper = _wrapper_sites(view, escape.path).get(view.offset(escape))
            if wrapper is not None and wrapper.wrapper.escape == escape.message and _function(wrapper.statement):
                found.append(Candidate(NAME, escape, escape.path, declaration_range(wrapper.statement)))
            continue
        if MESSAGE.match(escape.message):
            site = _sites(view, escape.path).get(view.offset(escape))
        elif escape.message.startswith("moved to heap: "):
            site = _var_sites(view, escape.path).get(view.offset(escape))
        else:
            continue
        if site is None or _function(site.statement) is None or _plainly_kept(site):
            continue
        # A buffer (by its type's name: go/types comes later) is followed into the package's callees.
        buffer = b"Buffer" in text(site.value)
        also = callees.scopes(view, _function(site.statement)) if buffer else ()
        found.append(Candidate(NAME, escape, escape.path, declaration_range(site.statement), also))
    return found


def propose(view: PackageView, candidates: list[Candidate]) -> list[Proposal]:
    """One Fix per pool (its sites share it), a Declined with the reason for every other site."""
    wrapped = [c for c in candidates if c.escape.message in WRAPPER_ESCAPES]
    proposals: list[Proposal] = _wrapper_fixes(
        view, [(c.escape, _wrapper_sites(view, c.path)[view.offset(c.escape)]) for c in wrapped]
    )
    groups: dict[tuple[str, str], list[Plan]] = {}
    for cand in candidates:
        if cand in wrapped:
            continue
        site = _site(view, cand)
        verdict = _plan(view, cand.escape, site)
        if isinstance(verdict, str):
            proposals.append(Declined(NAME, cand.escape, verdict))
        else:
            # Sites share a pool when its New makes what they need: new(T) for every *T, the same array
            # for makes of one capacity. One per package, in the first site's file, for the files without
            # build constraints; a constrained file has its own: it may be built where the pool's is not.
            home = cand.path if _constrained(cand.path, view.sources[cand.path]) else ""
            groups.setdefault((re.sub(r"\s+", "", verdict.pointer), home), []).append(verdict)
    names: set[str] = set()
    creating: dict[str, list[Part]] = {}  # the file a new pool goes to -> the groups that create one there
    for plans in groups.values():
        part = _part(view, plans, names)
        if isinstance(part, str):
            proposals += [Declined(NAME, p.escape, part) for p in plans]
        elif part.creates:
            creating.setdefault(part.path, []).append(part)
        else:
            proposals.append(_merge(view, [part]))
    # New pools in one file share its sync import: one fix, so no half of them lacks it.
    proposals += [_merge(view, parts) for parts in creating.values()]
    return proposals


def _sites(view: PackageView, path: str) -> dict[int, Site]:
    """Every `x := make/new/&T{}` in the file, by where the compiler reports the allocation."""
    return memo(view, (NAME, path), lambda: _match_sites(view, path))


def _match_sites(view: PackageView, path: str) -> dict[int, Site]:
    found = {}
    for caps in captures(load_query(NAME), view.tree(path).root_node):
        value = caps["value"][0]
        if "literal" in caps:
            found[value.start_byte] = Site(path, caps["statement"][0], caps["name"][0], value, "literal")
        elif text(caps["function"][0]) in (b"make", b"new"):
            kind = text(caps["function"][0]).decode()
            found[caps["arguments"][0].start_byte] = Site(path, caps["statement"][0], caps["name"][0], value, kind)
    return found


def _site(view: PackageView, candidate: Candidate) -> Site:
    """The site find recognised for the candidate."""
    offset = view.offset(candidate.escape)
    return _sites(view, candidate.path).get(offset) or _var_sites(view, candidate.path)[offset]


def _var_sites(view: PackageView, path: str) -> dict[int, Site]:
    """Every `var b pkg.Buffer` (or `pkg.Builder`) in a block, one name, no value, by its name's offset
    (where the compiler says `moved to heap: b`); go/types tells later whether it is bytes.Buffer."""
    return memo(view, (NAME, "var", path), lambda: _match_var_sites(view, path))


def _match_var_sites(view: PackageView, path: str) -> dict[int, Site]:
    found = {}
    for node in walk(view.tree(path).root_node):
        if node.type != "var_declaration" or node.parent is None or node.parent.type != "statement_list":
            continue
        specs = node.named_children
        if len(specs) != 1 or specs[0].type != "var_spec" or specs[0].child_by_field_name("value") is not None:
            continue
        names, kind = specs[0].children_by_field_name("name"), specs[0].child_by_field_name("type")
        field = kind.child_by_field_name("name") if kind is not None and kind.type == "qualified_type" else None
        if len(names) == 1 and field is not None and text(field) in (b"Buffer", b"Builder"):
            found[names[0].start_byte] = Site(path, node, names[0], kind, "var")
    return found


def _plainly_kept(site: Site) -> bool:
    """Is the variable's name, as a whole expression, returned, put in a composite literal or sent?
    Then the object outlives the call and `check` should not offer the rule (by name, not
    identity: a shadowed namesake only costs a candidate the rule could have taken)."""
    name = text(site.name)
    for node in walk(_function(site.statement).child_by_field_name("body")):
        if node.type == "identifier" and node.text == name and node.parent is not None:
            holder = node.parent
            if (
                holder.type == "expression_list"
                and holder.parent is not None
                and holder.parent.type == "return_statement"
            ):
                return True
            if holder.type == "literal_element" or (
                holder.type == "send_statement" and holder.child_by_field_name("value") == node
            ):
                return True
    return False


def _function(node: Node) -> Node | None:
    """The function or method declaration whose body holds node directly (no func literal between)."""
    node = node.parent
    while node is not None:
        if node.type in FUNCTIONS:
            return node
        if node.type == "func_literal":
            return None
        node = node.parent
    return None


def _plan(view: PackageView, escape: Escape, site: Site) -> Plan | str:
    """The site's rewrite plan, or why it is declined."""
    types = types_or_reason(view)
    if isinstance(types, str):
        return types
    function = _function(site.statement)
    if touches_error(view.tree(site.path), function.start_byte, function.end_byte):
        return "the enclosing declaration has syntax tree-sitter-go cannot parse"
    constrained = directive(function)
    if constrained:
        return f"the function carries {constrained}: how the runtime calls it is constrained"
    reuse = _reusable(view, site)
    if reuse in NEVER_POOLED:
        return NEVER_POOLED[reuse]
    if site.kind == "var" and reuse is None:
        return f"{text(site.value).decode()} is not a type gorewrite pools from a var declaration"
    size = _size(view, site, escape) if site.kind != "var" else None
    if size is not None and size <= MAX_IMPLICIT_STACK and reuse is None:
        return (
            f"it fits the stack ({size} bytes): the compiler puts it on the heap for what the code does "
            "with it (returned, stored or passed on), which a pool cannot change"
        )
    # A reusable object escapes through calls: every use below, each call through retention, proves none keeps it.
    why = _flow_reason(view, escape) if reuse is None else None
    if why:
        return why
    site = dataclasses.replace(site, reuse=reuse)
    var = text(site.name).decode()
    if var == "_" or site.statement.parent is None or site.statement.parent.type != "statement_list":
        return "the allocation is not assigned to a named variable in a block"
    loop = _loop_between(site.statement, function)
    if loop:
        return f"inside a {loop}: a deferred Put per iteration would hold every object until the function returns"
    body = function.child_by_field_name("body")
    jump = first_of(body, ("labeled_statement", "goto_statement"))
    if jump is not None:
        return "the function uses labels or goto: gorewrite does not follow jumps past the pool's Get"
    shape = _shape(view, site, escape) if site.kind != "var" else _var_shape(site)
    if isinstance(shape, str):
        return shape
    if reuse is not None:
        shape = Shape(shape.pointer, shape.new, f"new({shape.pointer[1:]}) escapes to heap", None, "", False, reuse)
    length, reset = shape.length, shape.reset
    if function.child_by_field_name("type_parameters") is not None or _generic_receiver(function):
        return "the function is generic: a package-level pool cannot name its type parameters"
    stale: list[str] | None = (
        [] if shape.past_length else None
    )  # what could read past the length, if anything can be there
    declared = types.at(site.path, site.name.start_byte)
    if declared is None or declared.obj is None or declared.use != Use.DECL:
        return f"go/types does not know {var} here"
    idents = types.idents.get(site.path, ())
    inside = [i for i in idents if function.start_byte <= i.start < function.end_byte]
    if any(i.name == var and i.use == Use.DECL and i.obj != declared.obj for i in inside):
        return f"another {var} is declared in the function: gorewrite does not rewrite around shadowing"
    addresses: list[tuple[int, int]] = []  # a var's `&b`, which becomes `b`: the pointer the pool gives
    for use in (i for i in inside if i.obj == declared.obj and i.start != declared.start):
        node = view.tree(site.path).root_node.descendant_for_byte_range(use.start, use.end)
        if site.kind == "var":
            node = _var_use(node)
            if isinstance(node, str):
                return f"{var} {node}"
            if node.type == "unary_expression":
                addresses.append((node.start_byte, node.end_byte))
        problem = _use(view, site, node, declared.obj, stale, length is not None)
        if problem:
            return f"{var} {problem}"
    if stale:
        reset = "zero"  # past the length, make gave zeros; a pooled array has the last call's bytes there
    return Plan(site, escape, shape.pointer, shape.new, shape.moved, length, reset, var, shape.reuse, tuple(addresses))


def _var_shape(site: Site) -> Shape:
    """A `var b T` of a REUSABLE type: the pool holds `*T`, and `b` becomes that pointer."""
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
    """The REUSABLE or NEVER_POOLED type a `new(T)` or an empty `&T{}` makes, by go/types' name for it."""
    if site.kind == "new":
        args = site.value.child_by_field_name("arguments").named_children
        node = args[0] if len(args) == 1 else None
    elif site.kind == "var":
        node = site.value
    elif site.kind == "literal":
        literal = site.value.child_by_field_name("operand")
        body = literal.child_by_field_name("body")
        node = literal.child_by_field_name("type") if body is not None and not body.named_children else None
    else:
        return None
    ident = _type_name(view, site.path, node)
    named = ident.named if ident is not None else None
    return named if named in REUSABLE or named in NEVER_POOLED else None


def needs_flow(view: PackageView, candidate: Candidate) -> bool:
    """Only an allocation that may be larger than the compiler's 64 KiB limit can be on the heap
    for its size: the others are declined without the (costly) -m=2 compile."""
    if candidate.escape.message in WRAPPER_ESCAPES:
        return False  # a bufio Writer or Reader is pooled for its buffer's reuse, never for its size
    site = _site(view, candidate)
    if site.kind == "var":
        return False  # a var buffer is pooled for reuse, never for its size
    size = _size(view, site, candidate.escape)
    return size is None or size > MAX_IMPLICIT_STACK


def _size(view: PackageView, site: Site, escape: Escape) -> int | None:
    """The allocation's size in bytes (go/types' sizes, the compiler's folded lengths), None if unknown."""
    if view.types is None or view.types.error:
        return None
    args = site.value.child_by_field_name("arguments").named_children if site.kind != "literal" else []
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


def _shape(view: PackageView, site: Site, escape: Escape) -> Shape | str:
    """How the allocation is pooled, or why it is not poolable."""
    if site.kind == "make":
        args = site.value.child_by_field_name("arguments").named_children
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
    if site.kind == "new":
        args = site.value.child_by_field_name("arguments").named_children
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
    if re.search(rb"\b" + re.escape(text(site.name)) + rb"\b", text(literal)):
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


def _generic_receiver(function: Node) -> bool:
    receiver = function.child_by_field_name("receiver")
    return receiver is not None and b"[" in text(receiver)


def _use(view: PackageView, site: Site, node: Node, obj: str, stale: list[str] | None, is_slice: bool) -> str | None:
    """Why this use of the variable lets the object outlive the call (or the pool's Put), or None."""
    enclosing = []
    for ancestor in ancestors(node):
        if ancestor.type in FUNCTIONS:
            break
        enclosing.append(ancestor)
    if any(a.type == "go_statement" for a in enclosing):
        return "is used in a go statement: the goroutine may outlive the call"
    for ancestor in enclosing:
        if ancestor.type == "func_literal":
            return "is captured by a func literal, which may outlive the call"
        if ancestor.type == "defer_statement":
            return "is used in a defer statement, which runs around the pool's Put"
    return _consumer(view, site, node, obj, stale, is_slice)


def _consumer(
    view: PackageView, site: Site, expr: Node, obj: str, stale: list[str] | None, is_slice: bool
) -> str | None:
    """How the value of `expr` (the object, or a slice of it) is used; None when that keeps it inside the call."""
    parent = expr.parent
    while parent is not None and parent.type == "parenthesized_expression":
        expr, parent = parent, parent.parent
    if parent is None:
        return "is used where gorewrite cannot follow it"
    kind = parent.type
    if kind == "index_expression" and parent.child_by_field_name("operand") == expr:
        return _element(view, site, parent, obj)
    if kind == "selector_expression" and parent.child_by_field_name("operand") == expr:
        return _selected(view, site, parent, obj)
    if kind == "slice_expression" and parent.child_by_field_name("operand") == expr:
        end, capacity = parent.child_by_field_name("end"), parent.child_by_field_name("capacity")
        if stale is not None and (capacity is not None or (end is not None and text(end) != b"0")):
            stale.append("is resliced, maybe past its length")
        if not is_slice:
            return "is sliced: the slice would alias the pooled object"
        return _consumer(view, site, parent, obj, stale, is_slice)
    if kind == "unary_expression":
        operator = text(parent.child_by_field_name("operator"))
        if operator == b"&":
            return "has its address taken: the pointer may outlive the call"
        if operator == b"*":
            if site.reuse:
                return f"is dereferenced: a copy of a {site.reuse} shares the storage the pool reuses"
            return _element(view, site, parent, obj)  # *p is the object's storage, like p.f
        return None
    if kind in ("binary_expression", "range_clause", "expression_switch_statement", "if_statement"):
        if kind == "range_clause" and parent.child_by_field_name("right") != expr:
            return "is assigned by a range clause"
        return None
    if kind in ("argument_list", "variadic_argument"):
        return _argument(view, site, expr, parent, obj, stale, is_slice)
    if kind == "expression_list":
        owner = parent.parent
        if owner is None:
            return "is used where gorewrite cannot follow it"
        if owner.type == "return_statement":
            return "is returned: it outlives the call"
        if owner.type in ("assignment_statement", "short_var_declaration"):
            left, right = owner.child_by_field_name("left"), owner.child_by_field_name("right")
            if parent == left:
                return None if owner.type == "assignment_statement" else "is redeclared"
            targets = left.named_children
            index = right.named_children.index(expr) if expr in right.named_children else -1
            if len(targets) == len(right.named_children) and index >= 0 and _is_obj(view, site, targets[index], obj):
                return None  # buf = buf[:0]
            target = text(targets[index]).decode() if 0 <= index < len(targets) else text(left).decode()
            return _stored(view, site, targets[index] if 0 <= index < len(targets) else None, target)
        return f"is used in a {owner.type.replace('_', ' ')}"
    if kind in ("literal_element", "keyed_element", "literal_value"):
        return "is stored in a composite literal"
    if kind == "send_statement":
        return "is sent on a channel: the receiver may keep it"
    if kind == "var_spec":
        return "is assigned to another variable: the alias may outlive the pool's Put"
    if kind == "inc_statement" or kind == "dec_statement":
        return None
    return f"is used in a {kind.replace('_', ' ')}"


def _stored(view: PackageView, site: Site, target: Node | None, shown: str) -> str:
    """Why an assignment of the object to `target` is declined, in the words of where it goes."""
    if target is None:
        return f"is assigned to {shown}"
    if target.type == "selector_expression":
        return f"is stored in the field {shown}: it outlives the call"
    if target.type == "index_expression":
        operand = target.child_by_field_name("operand")
        ident = view.types.at(site.path, operand.start_byte) if operand.type == "identifier" else None
        if ident is not None and ident.type and ident.type.startswith("map["):
            return f"is stored in the map {text(operand).decode()}: it outlives the call"
        return f"is stored in an element of {text(operand).decode()}: it outlives the call"
    ident = view.types.at(site.path, target.start_byte) if target.type == "identifier" else None
    if ident is not None and not ident.local:
        return f"is stored in the package-level {shown}: it outlives the call"
    return f"is assigned to {shown}: the alias may be used after the pool's Put"


def _is_obj(view: PackageView, site: Site, node: Node, obj: str) -> bool:
    if node.type != "identifier":
        return False
    ident = view.types.at(site.path, node.start_byte)
    return ident is not None and ident.obj == obj


def _element(view: PackageView, site: Site, index: Node, obj: str) -> str | None:
    """An element or field read or written: a copy, unless its address is taken, a method is called
    on it, or it is an array that is sliced and the slice goes further than a call gorewrite can see into."""
    parent = index.parent
    while parent is not None and parent.type in ("parenthesized_expression", "selector_expression", "index_expression"):
        if parent.type == "selector_expression":
            selected = view.types.at(site.path, parent.child_by_field_name("field").start_byte)
            if selected is None or selected.kind != Kind.FIELD:
                return "has a method of a part of it used, whose receiver may be that part's address"
        elif parent.type == "index_expression" and parent.child_by_field_name("operand") != index:
            break  # the part is an index of something else: a copy
        index, parent = parent, parent.parent
    if (
        parent is not None
        and parent.type == "unary_expression"
        and text(parent.child_by_field_name("operator")) == b"&"
    ):
        return "has an element's address taken: the pointer may outlive the call"
    if parent is not None and parent.type == "slice_expression" and parent.child_by_field_name("operand") == index:
        return _consumer(view, site, parent, obj, None, True)
    return None


def _selected(view: PackageView, site: Site, selector: Node, obj: str) -> str | None:
    """`p.f` and `p.M(…)`: a field is read or written in place unless its address escapes; a method needs
    the compiler to say its receiver does not leak."""
    field = selector.child_by_field_name("field")
    ident = view.types.at(site.path, field.start_byte)
    if ident is not None and ident.kind == Kind.METHOD:
        parent = selector.parent
        if parent is None or parent.type != "call_expression" or parent.child_by_field_name("function") != selector:
            return f"has its method value {text(field).decode()} taken: it holds the object"
        if site.reuse and text(field).decode() in REUSABLE[site.reuse][1]:
            return (
                f"calls {text(field).decode()}, which sees the capacity a pooled {site.reuse} keeps from earlier calls"
            )
        return retention.kept(view, parent, retention.RECEIVER, contents=site.reuse is not None)
    if ident is None or ident.kind != Kind.FIELD:
        return f"has {text(field).decode()} selected, which go/types does not describe"
    return _element(view, site, selector, obj)


def _argument(
    view: PackageView, site: Site, expr: Node, parent: Node, obj: str, stale: list[str] | None, is_slice: bool
) -> str | None:
    """The object (or a slice of it) passed to a call."""
    spread = parent.type == "variadic_argument"
    args = parent.parent if spread else parent
    call = args.parent
    if call is None or call.type != "call_expression":
        return "is used where gorewrite cannot follow it"
    function = call.child_by_field_name("function")
    position = args.named_children.index(parent if spread else expr)
    name = text(function)
    ident = view.types.at(site.path, function.start_byte) if function.type == "identifier" else None
    if ident is not None and ident.kind == Kind.BUILTIN:
        if name in OK_BUILTINS:
            return None
        if name == b"append":
            if position > 0:
                return None if spread else "is appended as an element: the slice holds it"
            return _consumer(view, site, call, obj, stale, is_slice)  # append(buf, …) aliases buf
        return f"is passed to {name.decode()}"
    if name == b"string" and ident is not None and ident.kind == Kind.TYPE:
        return None  # string(buf) copies
    if stale is not None:
        stale.append(f"is passed to {name.decode()}, which may reslice it past its length")
    if function.type == "selector_expression":
        operand = function.child_by_field_name("operand")
        receiver = view.types.at(site.path, operand.start_byte) if operand.type == "identifier" else None
        if (receiver is not None and receiver.kind == Kind.TYPE) or operand.type.startswith("parenthesized"):
            return f"is passed to the method expression {name.decode()}"
    return retention.kept(view, call, position, contents=site.reuse is not None)


def _loop_between(node: Node, function: Node) -> str | None:
    for ancestor in ancestors(node):
        if ancestor == function:
            return None
        if ancestor.type == "for_statement":
            return "loop"
    return None


# --- the rewrite ---------------------------------------------------------------------------

POOL = re.compile(rb"^var (\w+) = (\w+)\.Pool\{New: func\(\) (?:any|interface\{\}) \{ return new\((.*)\) \}\}$", re.M)


@dataclass(frozen=True)
class Part:
    """One pool group's share of a fix: its edits, targets and the escapes moved into a new pool."""

    path: str  # where the pool is (or goes)
    creates: bool
    edits: tuple[Edit, ...]
    targets: tuple[Escape, ...]
    moves: tuple[str, ...]
    summary: str


def _part(view: PackageView, plans: list[Plan], names: set[str]) -> Part | str:
    """The pool (new, or one the package has), its helpers, and each site's statement."""
    first = plans[0]
    path, pointer = first.site.path, first.pointer
    taken = names | _words(view)
    existing = _existing_pool(view, path, pointer, first.reuse)
    edits: list[Edit] = []
    moves: tuple[str, ...] = ()
    if isinstance(existing, str):
        return existing
    if existing is not None:
        pool, get, put = existing
    else:
        alias = _import_name(view, path, "sync")
        if alias is None:
            return "the file imports sync under a name gorewrite cannot use, or the package declares sync itself"
        # Named for what it holds: a reusable type's pool serves every function of the file that needs one.
        stem = first.reuse.rpartition(".")[2] if first.reuse else first.var
        base = stem[0].upper() + stem[1:]
        pool = _fresh(f"{stem[0].lower() + stem[1:]}Pool", taken)
        getter, putter = _fresh(f"get{base}", taken), _fresh(f"put{base}", taken)
        names.update((pool, getter, putter))
        functions = ", ".join(
            sorted({text(_function(p.site.statement).child_by_field_name("name")).decode() for p in plans})
        )
        what = (
            f"backing array of the {text(first.site.value.child_by_field_name('arguments').named_children[0]).decode()}"
            if first.length is not None
            else pointer[1:]
        )
        block = (
            f"// {pool} recycles the {what} of {functions}: too large for the stack, it would be\n"
            f"// allocated on every call. It holds pointers: a value would allocate on every Put.\n"
            f"var {pool} = {alias}.Pool{{New: func() {_any(view)} {{ return {first.new} }}}}\n\n"
            f"func {getter}() {pointer} {{ return {pool}.Get().({pointer}) }}\n\n"
            f"func {putter}(p {pointer}) {{ {pool}.Put(p) }}\n\n"
        )
        if first.reuse:
            block = _reuse_block(view, first, functions, alias, pool, getter, putter)
        start = doc_start(_function(first.site.statement)).start_byte
        edits.append(Edit(path, start, start, block.encode()))
        get, put = f"{getter}()", putter
        moves = (first.moved,)
    for plan in plans:
        edits.append(_statement_edit(view, plan, get, put, taken, names))
        edits += [Edit(plan.site.path, start, end, plan.var.encode()) for start, end in plan.addresses]
    for site_path in dict.fromkeys(p.site.path for p in plans):
        if existing is not None or site_path != path:  # the file of a new pool names the type in it
            edits += _unused_import(view, next(p for p in plans if p.site.path == site_path), edits)
    lines = ", ".join(f"{p.var} ({_where(view, p, path)})" for p in plans)
    summary = f"take {lines} from {'the package' + chr(39) + 's ' + pool if existing else 'a new ' + pool}"
    return Part(path, existing is None, tuple(edits), tuple(p.escape for p in plans), moves, summary)


def _where(view: PackageView, plan: Plan, pool_path: str) -> str:
    """`line 12`, or `checks.go:12` for a site in another file than the pool's."""
    line = view.line(plan.site.path, plan.site.statement.start_byte)
    return f"line {line}" if plan.site.path == pool_path else f"{os.path.basename(plan.site.path)}:{line}"


def _unused_import(view: PackageView, plan: Plan, replaced: list[Edit]) -> list[Edit]:
    """The import only the sites named (`bytes` of `new(bytes.Buffer)`), which a pool of another
    file now names instead: removed, or Go rejects the file. A word in a comment keeps it (the
    verifier rejects the fix then: declined, never wrong)."""
    qualifier = re.match(r"\*(\w+)\.", plan.pointer)
    if qualifier is None:
        return []
    path, name = plan.site.path, qualifier[1].encode()
    source = view.sources[path]
    rest, at = b"", 0
    for edit in sorted((e for e in replaced if e.path == path), key=lambda e: e.start):
        rest, at = rest + source[at : edit.start], edit.end
    if re.search(rb"\b" + name + rb"\.", rest + source[at:]):
        return []
    for spec in file_imports(view.tree(path)):
        alias = spec.child_by_field_name("name")
        imported = text(spec.child_by_field_name("path")).strip(b'"').rsplit(b"/", 1)[-1]
        if (text(alias) if alias is not None else imported) != name:
            continue
        if spec.parent is not None and spec.parent.type == "import_declaration":
            return [Edit(path, spec.parent.start_byte, spec.parent.end_byte, b"")]
        start = source.rfind(b"\n", 0, spec.start_byte) + 1
        return [Edit(path, start, source.index(b"\n", spec.end_byte) + 1, b"")]
    return []


def _reuse_block(view: PackageView, plan: Plan, functions: str, alias: str, pool: str, getter: str, putter: str) -> str:
    """A pool of a REUSABLE type: its put helper empties the object, so the pool keeps nothing of
    the caller, and drops one grown past MAX_POOLED, so one large call does not pin its memory."""
    pointer = plan.pointer
    reset, (capacity, *_) = REUSABLE[plan.reuse]
    return (
        f"// {pool} recycles the {pointer[1:]} of {functions}: it escaped only through calls that keep\n"
        f"// nothing of it, and each call allocated it and grew its storage again. It holds pointers.\n"
        f"var {pool} = {alias}.Pool{{New: func() {_any(view)} {{ return {plan.new} }}}}\n\n"
        f"func {getter}() {pointer} {{ return {pool}.Get().({pointer}) }}\n\n"
        f"// {putter} empties p, so the pool keeps nothing of its caller, and drops one grown past\n"
        f"// {MAX_POOLED // 1024} KiB, so one large call does not pin its memory for every later one.\n"
        f"func {putter}(p {pointer}) {{\n\tif p.{capacity}() > {MAX_POOLED // 1024}<<10 {{\n\t\treturn\n\t}}\n"
        f"\tp.{reset}()\n\t{pool}.Put(p)\n}}\n\n"
    )


def _any(view: PackageView) -> str:
    """`any`, or `interface{}` where go.mod's go line predates it (go1.18)."""
    version = view.package.go_version
    return "interface{}" if version and release_minor(version) < 18 else "any"


def _merge(view: PackageView, parts: list[Part]) -> Fix:
    """One fix of parts whose new pools share a file; the sync import when the file lacks it."""
    edits = [e for part in parts for e in part.edits]
    path = parts[0].path
    if parts[0].creates and not _imports(view, path, "sync") and _import_name(view, path, "sync") == "sync":
        edits.append(add_import(view, path, "sync"))
    summary = "; ".join(p.summary for p in parts) + " instead of allocating on every call (sync.Pool; deferred Put)"
    return Fix(
        NAME,
        tuple(edits),
        tuple(t for p in parts for t in p.targets),
        summary,
        claim=Tested(MovesAllocation(tuple(m for p in parts for m in p.moves)), race=True),
    )


def _statement_edit(view: PackageView, plan: Plan, get: str, put: str, taken: set[str], names: set[str]) -> Edit:
    """`v := alloc` → Get, deferred Put, reset: the variable keeps its name and its type."""
    statement = plan.site.statement
    source = view.sources[plan.site.path]
    indent = source[source.rfind(b"\n", 0, statement.start_byte) + 1 : statement.start_byte].decode()
    if plan.length is not None:
        holder = _fresh(f"{plan.var}p", taken)
        names.add(holder)
        taken.add(holder)
        lines = [f"{holder} := {get}", f"defer {put}({holder})"]
        if plan.reset == "zero":
            lines.append(f"*{holder} = {plan.pointer[1:]}{{}} // the zeros make gave")
        lines.append(f"{plan.var} := {holder}[:{plan.length}]")
    elif plan.reuse:
        lines = [f"{plan.var} := {get}", f"defer {put}({plan.var})"]  # emptied before it went back
    else:
        lines = [f"{plan.var} := {get}", f"defer {put}({plan.var})", f"*{plan.var} = {plan.reset}"]
    end = statement.end_byte
    comment = statement.next_sibling
    if comment is not None and comment.type == "comment" and comment.start_point.row == statement.end_point.row:
        lines[0] += " " + text(comment).decode()  # a trailing comment stays with the first line
        end = comment.end_byte
    return Edit(plan.site.path, statement.start_byte, end, ("\n" + indent).join(lines).encode())


def _folded(type_text: str) -> str:
    """A type without spaces and with constant array lengths of literals folded: [1 << 20]byte is [1048576]byte."""

    def length(m: re.Match) -> str:
        try:
            tree = ast.parse(m[1], mode="eval").body
        except SyntaxError:
            return m[0]
        value = _int_expression(tree)
        return f"[{value}]" if value is not None else m[0]

    return re.sub(r"\[([^\[\]]+)\]", length, re.sub(r"\s+", "", type_text))


def _int_expression(node: ast.AST) -> int | None:
    """The value of an integer literal, or of one + - * or << between two (Go and Python agree on
    those; longer expressions are left alone, their precedences differ); else None."""
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return node.value
    if not isinstance(node, ast.BinOp) or not all(
        isinstance(n, ast.Constant) and type(n.value) is int for n in (node.left, node.right)
    ):
        return None
    left, right = node.left.value, node.right.value
    if isinstance(node.op, ast.LShift):
        return left << right if 0 <= right < 64 else None
    operations = {ast.Add: left + right, ast.Sub: left - right, ast.Mult: left * right}
    return operations.get(type(node.op))


def _existing_pool(
    view: PackageView, site_path: str, pointer: str, reuse: str | None
) -> tuple[str, str, str] | str | None:
    """(pool, get expression, put function) of a package-level pool whose New returns new(T) for
    the pointer *T the site needs: gorewrite's own from an earlier run, or one written the same way.
    Reusing any is sound: the site resets what it relies on. Its typed helpers when the file has
    them, else Get and Put inline. A REUSABLE type is reset before Put, not after Get: only a
    pool whose put helper is gorewrite's (empties and size-checks it) will do; another is a reason."""
    want = _folded(pointer[1:])
    for path, source in view.sources.items():
        if path != site_path and (path not in view.package.files or _constrained(path, source)):
            continue  # a pool the site's builds may not have
        for m in POOL.finditer(source):
            if _folded(m[3].decode()) != want:
                continue
            pool = m[1].decode()
            gets = re.finditer(
                rb"^func (\w+)\(\) \*(.+) \{ return " + m[1] + rb"\.Get\(\)\.\(\*(.+)\) \}$", source, re.M
            )
            puts = re.finditer(rb"^func (\w+)\(p \*(.+)\) \{ " + m[1] + rb"\.Put\(p\) \}$", source, re.M)
            get = next((g for g in gets if _folded(g[2].decode()) == want == _folded(g[3].decode())), None)
            if reuse:
                put = re.search(
                    rb"^func (\w+)\(p \*.+\) \{\n\tif p\.\w+\(\) > .*\n\t\treturn\n\t\}\n\tp\."
                    + REUSABLE[reuse][0].encode()
                    + rb"\(\)\n\t"
                    + m[1]
                    + rb"\.Put\(p\)\n\}$",
                    source,
                    re.M,
                )
                puts_anywhere = sum(len(re.findall(rb"\b" + m[1] + rb"\.Put\(", s)) for s in view.sources.values())
                if get and put and puts_anywhere == 1:  # only the helper puts buffers back
                    return pool, f"{get[1].decode()}()", put[1].decode()
                return f"the package's {pool} holds {pointer} but gorewrite cannot show its users empty them before Put"
            put = next((p for p in puts if _folded(p[2].decode()) == want), None)
            if get and put:
                return pool, f"{get[1].decode()}()", put[1].decode()
            return pool, f"{pool}.Get().({pointer})", f"{pool}.Put"
    return None


def _constrained(path: str, source: bytes) -> bool:
    """Is the file built only for some platforms or tags (a //go:build line, a _GOOS/_GOARCH name)?"""
    return bool(re.search(rb"^//go:build |^// \+build ", source, re.M) or name_constraint(path))


def _words(view: PackageView) -> set[str]:
    """Every identifier-like word in the package's files: a new name must collide with none of them."""
    key = (NAME, "words")
    if key not in view.memo:
        view.memo[key] = {w.decode() for source in view.sources.values() for w in re.findall(rb"[A-Za-z_]\w*", source)}
    return view.memo[key]


def _fresh(name: str, taken: set[str]) -> str:
    candidate, n = name, 2
    while candidate in taken:
        candidate, n = f"{name}{n}", n + 1
    taken.add(candidate)
    return candidate


def _import_name(view: PackageView, path: str, package: str) -> str | None:
    """The name a std package (sync, io) goes by in the file (its import alias), or None when it
    cannot be used."""
    for spec in file_imports(view.tree(path)):
        if text(spec.child_by_field_name("path")) == f'"{package}"'.encode():
            alias = spec.child_by_field_name("name")
            if alias is None:
                return package
            return None if text(alias) in (b"_", b".") else text(alias).decode()
    if package in _package_names(view):
        return None
    return package


def _package_names(view: PackageView) -> set[str]:
    """The names the package declares at top level (functions, vars, consts, types)."""
    names = set()
    for path in view.sources:
        for node in view.tree(path).root_node.named_children:
            if node.type == "function_declaration":
                names.add(text(node.child_by_field_name("name")).decode())
            elif node.type in ("var_declaration", "const_declaration", "type_declaration"):
                stack = list(node.named_children)
                while stack:
                    spec = stack.pop()
                    if spec.type.endswith("_spec_list"):
                        stack += spec.named_children
                    elif spec.type.endswith("_spec"):
                        names.update(text(n).decode() for n in spec.children_by_field_name("name"))
    return names


# --- bufio writers and readers over the caller's -----------------------------------------------
#
# `bw := bufio.NewWriter(w)` (`br := bufio.NewReader(r)`) allocates a 4 KiB buffer per call (the
# compiler reports the inlined make at the call); the Writer (Reader) itself stays on the stack. A
# pooled one is Reset to w at Get and to nil before Put, so the pool keeps nothing of the caller.
# The get helper returns w itself where bufio's constructor would (w already one of at least the
# default size) and the put helper leaves that one alone. What Flush hands to w.Write (what Read
# hands to r.Read) is the pooled buffer: the fix relies on io.Writer's (io.Reader's) contract that
# "implementations must not retain p", as fmt (its pp buffers) and net/http (its pooled bufio
# Readers and Writers) do. Data a Reader read ahead and the function did not consume is lost at
# Put as it was when the original Reader became garbage.


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


def _wrapper_sites(view: PackageView, path: str) -> dict[int, WrapperSite]:
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
    function = _function(site.statement)
    if function is None or site.statement.parent is None or site.statement.parent.type != "statement_list":
        return f"the {kind} is not made in a block of a function declaration"
    constrained = directive(function)
    if constrained:
        return f"the function carries {constrained}: how the runtime calls it is constrained"
    if _loop_between(site.statement, function):
        return f"inside a loop: a deferred Put per iteration would hold every {kind} until the function returns"
    if first_of(function.child_by_field_name("body"), ("labeled_statement", "goto_statement")) is not None:
        return "the function uses labels or goto: gorewrite does not follow jumps past the pool's Get"
    if function.child_by_field_name("type_parameters") is not None or _generic_receiver(function):
        return "the function is generic"
    if _constrained(site.path, view.sources[site.path]):
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


def _wrapper_fixes(view: PackageView, sites: list[tuple[Escape, WrapperSite]]) -> list[Proposal]:
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
            if (home.path, package) not in added and not _imports(view, home.path, package):
                added.add((home.path, package))
                edits.append(add_import(view, home.path, package))
        at = doc_start(_function(home.statement)).start_byte
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
    functions = ", ".join(text(_function(s.statement).child_by_field_name("name")).decode() for _, s in accepted)
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
    if any(name in _words(view) for name in wrapper.names):
        return f"the package already uses a name of {', '.join(wrapper.names)}"
    for package in ("io", "sync"):
        if _import_name(view, home.path, package) != package:
            where = os.path.basename(home.path)
            return f"{package} is imported under another name in {where} or names something else in the package"
    return None


def _imports(view: PackageView, path: str, package: str) -> bool:
    """Does the file import the package under its own name?"""
    return any(
        text(s.child_by_field_name("path")) == f'"{package}"'.encode() and s.child_by_field_name("name") is None
        for s in file_imports(view.tree(path))
    )


def _wrapper_block(view: PackageView, alias: str, wrapper: Wrapper) -> str:
    pool, getter, putter = wrapper.names
    kind, iface = f"{alias}.{wrapper.type}", wrapper.iface
    return (
        f"// {pool} recycles bufio.{wrapper.type}s and their 4 KiB buffers; {putter} resets each to nil,\n"
        "// so the pool keeps nothing of its caller.\n"
        f"var {pool} = sync.Pool{{New: func() {_any(view)} {{ return {alias}.New{wrapper.type}(nil) }}}}\n\n"
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


RULE = Rule(
    name=NAME,
    summary="take per-call temporaries too large for the stack, or buffers no callee keeps, from a sync.Pool",
    messages=("make([]T, N) escapes to heap", "new(T) escapes to heap", "&T{...} escapes to heap"),
    find=find,
    propose=propose,
    flows=needs_flow,
    retention=True,
)

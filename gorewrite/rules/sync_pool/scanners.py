"""A bufio.Scanner's big buffer: `sc.Buffer(make([]byte, 0, 64<<10), 1<<20)` allocates 64 KiB per call.

The make is no `:=` site: the Scanner keeps it (`s.buf`) and hands it to `r.Read`, which puts it on the heap.
It can come from the pool when nothing keeps a slice of it once the function returns (the deferred Put):
sc is a local from bufio.NewScanner whose every use is a call of Scan, Text or Err (they copy or keep
nothing), Bytes whose result only is read in place (retention's judgement of a result that aliases the
storage), Split with one of bufio's own split functions (a custom SplitFunc sees the buffer as `data` and
may keep it), and this one Buffer call; none in a func literal, a go or a defer statement (after the Put).
A Scanner that grows past the capacity allocates its own buffer and drops the pooled one: still safe to Put.
The Scanner hands its whole capacity to Read, so the array is zeroed after Get, as make gave it.
"""

from __future__ import annotations

import dataclasses

from gorewrite import breaches, builtins, retention
from gorewrite.escapes import Escape
from gorewrite.proposals import PackageView
from gorewrite.rulekit import memo, near_syntax_error, types_or_reason
from gorewrite.rules.sync_pool import plan as plans
from gorewrite.rules.sync_pool.names import fresh, words
from gorewrite.rules.sync_pool.sites import MIN_SCRATCH, NAME, Site, own_function
from gorewrite.stdtable import READS
from gorewrite.syntax import Node, ancestors_below, call_args, items, text, walk
from gorewrite.typeinfo import Ident, Kind

COPYING = ("Scan", "Text", "Err")  # copy the token out, or keep nothing: the Scanner's buffer stays in it
STD_SPLITS = ("ScanLines", "ScanWords", "ScanRunes", "ScanBytes")  # bufio's: they return subslices, keep nothing
LATER = ("func_literal", "go_statement", "defer_statement")


def sites(view: PackageView, path: str) -> dict[int, Site]:
    """Every `x.Buffer(make(…), max)` of the file, by where the compiler reports the make (its `(`)."""
    return memo(view, (NAME, "scanners", path), lambda: _sites(view, path))


def _sites(view: PackageView, path: str) -> dict[int, Site]:
    found = {}
    for call in walk(view.tree(path).root_node):
        function = call.child_by_field_name("function") if call.type == "call_expression" else None
        if function is None or function.type != "selector_expression":
            continue
        args = call_args(call)
        made = args[0] if len(args) == 2 and args[0].type == "call_expression" else None
        if made is None or text(function.child_by_field_name("field")) != b"Buffer":
            continue  # by name: go/types is not asked before propose (scanner_plan asks it)
        if text(made.child_by_field_name("function")) == b"make":
            site = Site(path, call.parent, function.child_by_field_name("operand"), made, "scanner")
            found[made.child_by_field_name("arguments").start_byte] = site
    return found


def buffered(view: PackageView, site: Site) -> Site | None:
    """The Scanner site of a `buf := make(…)` site whose one use (go/types) is the first argument of
    `x.Buffer(buf, max)`, else None: the make is the Buffer's as if written there."""
    declared = view.types.at(site.path, site.name.start_byte) if site.kind == "make" and view.types else None
    if declared is None or declared.obj is None:
        return None
    used = [i for i in view.types.idents.get(site.path, ()) if i.obj == declared.obj and i.start != declared.start]
    node = view.tree(site.path).root_node.descendant_for_byte_range(used[0].start, used[0].end) if used else None
    args = node.parent if node is not None and len(used) == 1 else None
    call = args.parent if args is not None and args.type == "argument_list" else None
    function = call.child_by_field_name("function") if call is not None else None
    if function is None or function.type != "selector_expression" or items(args)[0] != node or len(items(args)) != 2:
        return None
    if not _scanner_buffer(view, site.path, function):
        return None
    return Site(site.path, call.parent, function.child_by_field_name("operand"), site.value, "scanner")


def scanner_plan(view: PackageView, escape: Escape, site: Site, declared: Site) -> plans.Plan | str:
    """The plan of a Scanner's buffer, or why it is declined. declared: the site whose statement becomes
    the Get, the Buffer call's own (site) or `buf := make(…)`'s, whose buf is passed only to Buffer."""
    types = types_or_reason(view)
    if isinstance(types, str):
        return types
    broken = near_syntax_error(view, site.path, site.statement)
    if broken:
        return broken
    if site.statement.type != "expression_statement":
        return "the Scanner's Buffer call is not a statement of its own"
    call = site.statement.named_children[0]
    if not _scanner_buffer(view, site.path, call.child_by_field_name("function")):
        return f"{text(call.child_by_field_name('function')).decode()} is not bufio.Scanner's Buffer"
    if builtins.called(types, site.path, site.value) != "make":
        return f"{text(site.value).decode()} does not call Go's make by go/types: the code declares its own"
    scanner = _scanner(view, site)
    if isinstance(scanner, str):
        return scanner
    own = own_function(site.statement)
    if any(a.type == "for_statement" for a in ancestors_below(site.statement, own)):
        return "the Scanner's Buffer call is in a loop: a deferred Put per iteration would hold every buffer"
    if own_function(declared.statement) != own:
        return f"{text(declared.name).decode()} is declared in another function than the Scanner's Buffer call"
    shape = plans.shape_of(view, dataclasses.replace(site, kind="make"), escape)
    if isinstance(shape, str):
        return shape
    element = types.at(site.path, call_args(site.value)[0].child_by_field_name("element").start_byte)
    if element is None or element.kind != Kind.TYPE or element.obj is not None or element.name not in ("byte", "uint8"):
        return f"{text(site.value).decode()} is not a []byte of Go's byte"
    capacity = int(shape.pointer[2:].partition("]")[0])
    if capacity < MIN_SCRATCH:
        return f"{text(site.value).decode()} is below {MIN_SCRATCH} bytes, where a pool was not measured faster"
    relies = {READS}  # the Scanner hands the buffer to its reader's Read
    problem = _uses(view, site, call, scanner.obj, relies) or breaches.breach(view, relies)
    if problem:
        return f"{text(site.name).decode()} {problem}"
    if declared is not site:  # `buf := make(…)` becomes the Get, as any make site's
        pooled = (shape.pointer, shape.new, shape.moved, shape.length, "zero", text(declared.name).decode())
        scanned = dataclasses.replace(declared, kind="scanner")  # the pool's comment says whose buffer it is
        return plans.Plan(scanned, escape, *pooled, relies=tuple(sorted(relies)))
    var = fresh("scanBuf", memo(view, (NAME, "scanner names"), lambda: set(words(view))))  # a second: scanBuf2
    rest = text(site.statement).decode().replace(text(site.value).decode(), var, 1)
    pooled = (shape.pointer, shape.new, shape.moved, shape.length, "zero", var)  # zeroed: Read sees the capacity
    return plans.Plan(site, escape, *pooled, relies=tuple(sorted(relies)), init=(rest,))


def _scanner_buffer(view: PackageView, path: str, function: Node) -> bool:
    """Is the selector `x.Buffer` bufio.Scanner's Buffer method (go/types)?"""
    field = function.child_by_field_name("field")
    method = view.types.at(path, field.start_byte) if view.types and text(field) == b"Buffer" else None
    return method is not None and (method.kind, method.pkg, method.recv) == (Kind.METHOD, "bufio", "Scanner")


def _scanner(view: PackageView, site: Site) -> Ident | str:
    """What go/types says of sc, a local declared by `sc := bufio.NewScanner(r)` in the function, or why not."""
    shown = text(site.name).decode()
    ident = view.types.at(site.path, site.name.start_byte) if site.name.type == "identifier" else None
    if ident is None or ident.kind != Kind.VAR or not ident.local or ident.obj is None:
        return f"{shown} is not a local variable"
    path, _, offset = ident.obj.rpartition(":")
    declared = view.tree(site.path).root_node.descendant_for_byte_range(int(offset), int(offset))
    statement = declared.parent.parent if declared.parent is not None else None
    if path != site.path or statement is None or statement.type != "short_var_declaration":
        return f"{shown} is not declared by `:=` in this file"
    left, right = items(statement.child_by_field_name("left")), items(statement.child_by_field_name("right"))
    function = right[0].child_by_field_name("function") if len(right) == 1 == len(left) else None
    name = function.child_by_field_name("field") if function is not None and function.type.startswith("sel") else None
    called = view.types.at(site.path, name.start_byte) if name is not None else None
    if called is None or (called.kind, called.pkg, called.name) != (Kind.FUNC, "bufio", "NewScanner"):
        return f"{shown} is not declared by `{shown} := bufio.NewScanner(r)`"
    if own_function(statement) != own_function(site.statement):
        return f"{shown} is declared in another function than its Buffer call"
    return ident


def _uses(view: PackageView, site: Site, buffered: Node, scanner: str, relies: set[str]) -> str | None:
    """Why a use of sc may let the pooled buffer outlive the call; None when each keeps it inside."""
    own = own_function(site.statement)
    declared = int(scanner.rpartition(":")[2])
    for ident in view.types.idents.get(site.path, ()):
        if ident.obj != scanner or ident.start == declared:
            continue
        node = view.tree(site.path).root_node.descendant_for_byte_range(ident.start, ident.end)
        line = node.start_point.row + 1
        later = next((a.type for a in ancestors_below(node, own) if a.type in LATER), None)
        if later:
            return f"is used in a {later.replace('_', ' ')} on line {line}, which may run after the pool's Put"
        selector, call = node.parent, node.parent.parent
        if selector.type != "selector_expression" or call is None or call.type != "call_expression":
            return f"is used on line {line} other than by calling its methods: the Scanner holds the pooled buffer"
        method = text(selector.child_by_field_name("field")).decode()
        if method == "Buffer" and call != buffered:
            return f"has its Buffer set again on line {line}"
        if method == "Bytes":
            kept = retention.result_use(view, site.path, call, 0, relies)
            if kept:
                return f"gives its buffer through Bytes on line {line}, and that {kept}"
        elif method == "Split":
            problem = _split(view, site.path, call)
            if problem:
                return (
                    f"is given {problem} as its split function on line {line}, not one of bufio's own: it sees the"
                    " pooled buffer as data and may keep it"
                )
        elif method not in (*COPYING, "Buffer"):
            return f"calls {method} on line {line}, which gorewrite does not clear for a pooled buffer"
    return None


def _split(view: PackageView, path: str, call: Node) -> str | None:
    """None when the split function is one of bufio's own (STD_SPLITS), else what it is."""
    args = call_args(call)
    function = args[0] if len(args) == 1 else call
    name = function.child_by_field_name("field") if function.type == "selector_expression" else function
    ident = view.types.at(path, name.start_byte) if name is not None else None
    if ident is not None and ident.kind == Kind.FUNC and ident.pkg == "bufio" and ident.name in STD_SPLITS:
        return None
    return "a func literal" if function.type == "func_literal" else text(function).decode()

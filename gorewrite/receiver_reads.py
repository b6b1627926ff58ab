"""Does a pointer method only read its receiver, or a function only read through a pointer parameter?

`g.factor(peak)` in a goroutine passes &g, so the compiler captures g by reference and moves it to the
heap. A copy taken first in the literal (`g := g`) can stand for g there when the method neither keeps its
receiver nor writes through it: it then reads the same values through the copy's address as through g's, and
nothing it does reaches g or outlives the call. Proven from the method's body, the package's own, by go/types'
identities: every use of the receiver is in the method's own code (no func literal, which could run later), and
either reads (`_read`), or is compared with nil (an address taken is never nil, and neither is its copy's), or is
the receiver of a call of a method of the package: a value receiver's gets a copy of *r, a pointer receiver's is
proven the same way, to a bounded depth (a method already being proven stands for itself: a cycle only calls
methods whose every other use reads; never `go r.N()`, which may run after the call).
A read is `*r` as a value, or a field whose selector chain go/types classifies as a read of the storage r points
at (Use.READ: `r.prefix`, `r.Gain * v`, `f(r.codec)`, `r.quiet[h]`, `range r.tags`, `r.Cfg.Dim`, `(*r).Cfg.Dim`,
`[]byte(r.salt)`, `r.data[a:b]` of a slice, `r.sh.offset()` through a pointer, `r.d.String()` of a value method):
struct fields and array elements stay inside r, and past a pointer, an interface, a slice's elements or a map the
chain is in memory the copy shares (its header aims at the same elements, so a write of them reaches both alike),
so each read gives what it gives through g; never assigned, addressed, an array sliced or a pointer method's
receiver through a field held by value. The receiver itself is never returned, sent, stored, compared but with
nil, passed or dereferenced otherwise, and the caller checks the compiler's verdict that the call keeps nothing of
it (retention.py). A local pointer a func literal takes (`p := &x` in it, `pointer_reads_only`) is held to the same
uses there, never given to its deferred calls (run after its body, perhaps after it signalled: `runs_later`).

A pointer passed as an argument is held to the same proof (`go func() { out[i] = runOne(c, &p) }()`,
`parameter_reads_only`): the package's function or method (not variadic there) uses that parameter only as
above, or hands it on to the package's function held to the same proof (`_passed_on`, DEPTH calls deep), so a
copy first in the literal stands for p there just as it does for a receiver.

The proof must hold in every build (`_every_build`): each function or method followed is declared in a file every
build compiles (no build constraint, `_GOOS` name or cgo: another build cannot declare it again), each method
called and each field read is the receiver type's own (not promoted through an embedded field, whose selector a
method of the type another build or `go test` adds would take), its field in a struct declared in such a file. A
test file of the package cannot redeclare any of them (a duplicate method, or a method named like a field of the
struct, does not compile). Else the package-wide guard holds it: no file another build compiles may declare
anything otherwise (callees.other_builds) and no in-package test file declares a method of a name read. Through
a parameter no field or method read counts as the type's own, nor a method promoted to the operand's type that
takes it; a function that only copies `*p` or compares p with nil, declared in such a file, needs no guard.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from gorewrite import build_files, callees, field_alias, field_writes, merges
from gorewrite.proposals import PackageView
from gorewrite.rulekit import owner
from gorewrite.syntax import Node, held, items, method_call, named_receiver, text, unparen_type, walk
from gorewrite.typeinfo import Kind, Use

DEPTH = 4  # pointer methods followed from the call; deeper chains are declined


@dataclass
class _Proof:
    """What a proof followed: the methods it entered, and where it holds for this build alone."""

    seen: set = field(default_factory=set)
    names: set[str] = field(default_factory=set)  # fields read and methods called that may be promoted
    files: set[str] = field(default_factory=set)  # files some build leaves out that declare a function followed


def scopes(view: PackageView, function: Node) -> tuple[tuple[str, int, int], ...]:
    """The package's pointer methods the function may call, DEPTH calls deep, whose types reads_only reads, the
    functions and methods taking a pointer its func literals call, whose types parameter_reads_only reads, and the
    pointer methods and pointer-taking functions those may call, DEPTH deep, which it follows from them
    (`retry(&cfg)` calling `cfg.delay(n)`, `lookup(&opts)` calling `ordered(rs, o)`); only those: retention reads
    the body of a callee whose types are asked, which may change what it says elsewhere."""
    literals = (n for n in walk(function) if n.type == "func_literal")
    called = {s for literal in literals for s in callees.scopes(view, literal, depth=1)}
    taking = tuple(s for s in sorted(called) if _takes_pointer(_declaration_at(view, s)))
    reached = (s for root in taking for s in callees.scopes(view, _declaration_at(view, root), depth=DEPTH))
    further = tuple(s for s in reached if _takes_pointer(_declaration_at(view, s)) or _pointer_method(view, s))
    return tuple(dict.fromkeys(_pointer_methods(view, function) + further + taking))


def _pointer_methods(view: PackageView, function: Node) -> tuple[tuple[str, int, int], ...]:
    """The package's pointer methods the function may call, DEPTH calls deep."""
    found = callees.scopes(view, function, depth=DEPTH, kinds=("method_declaration",))
    return tuple(s for s in found if _pointer_method(view, s))


def _pointer_method(view: PackageView, scope: tuple[str, int, int]) -> bool:
    return named_receiver(_declaration_at(view, scope), pointer=True) is not None


def _takes_pointer(declaration: Node) -> bool:
    """Has the declaration a parameter of pointer type (by syntax)?"""
    params = items(declaration.child_by_field_name("parameters"))
    return any(
        unparen_type(p.child_by_field_name("type")).type == "pointer_type"
        for p in params
        if p.type == "parameter_declaration"
    )


def _declaration_at(view: PackageView, scope: tuple[str, int, int]) -> Node:
    return view.tree(scope[0]).root_node.named_descendant_for_byte_range(scope[1], scope[2])


def reads_only(view: PackageView, path: str, call: Node) -> str | None:
    """None when the pointer method `call` calls (or a method value `r.M` binds) only reads its receiver, in every
    build; else why not."""
    key, proof = callees.callee(view, path, call), _Proof()
    if not isinstance(key, str) and not _own(view, path, call.child_by_field_name("function") or call, key):
        proof.names.add(key[2])
    return _method(view, key, proof, 0) or _every_build(view, key, proof)


def parameter_reads_only(view: PackageView, path: str, call: Node, index: int) -> str | None:
    """None when `call` passes its argument `index` to a parameter of the package's function or method that only
    reads through it (or calls pointer methods that do, or passes it on to such a parameter), in every build; else
    why not."""
    key, proof = callees.callee(view, path, call), _Proof()
    return _parameter(view, path, call, index, key, proof, 0) or _every_build(view, key, proof)


def _parameter(view: PackageView, path: str, call: Node, index: int, key, proof: _Proof, depth: int) -> str | None:
    found = key if isinstance(key, str) else _declared(view, key, callees.shown(call))
    if isinstance(found, str):
        return found
    if (key, index) in proof.seen:  # a recursive call: its parameter stands for itself, as a method's receiver does
        return None
    if depth >= DEPTH:
        return f"{callees.shown(call)} is more than {DEPTH} calls deep"
    proof.seen.add((key, index))
    param = callees.parameter(view, found, index)
    if param is None:  # unnamed, or a variadic parameter's second argument or later (its first: the slice, held below)
        return f"{callees.shown(call)} takes the address as a parameter go/types does not name here"
    if key[1] and not _own(view, path, call.child_by_field_name("function"), key):
        proof.names.add(key[2])  # promoted: a method of the operand's type in another build or go test shadows it
    _note_file(view, found[0], proof)
    what = f"its parameter {text(param[0]).decode()}"
    return _uses(view, found[0], found[1], param[0], (key[0], "", key[2]), proof, depth, what)


def _passed_on(view: PackageView, path: str, ident: Node, proof: _Proof, depth: int) -> str | None | bool:
    """When a parameter's (or a literal's pointer's) use is an argument of a call that runs there (not runs_later)
    of the package's own function or method: None when its parameter only reads through it too (`lookup(&opts)`
    handing o to `ordered(rs, o)`), else why not; False for any other use. A receiver's proof does not pass it on:
    the types of the functions a method calls are not asked for (scopes)."""
    arguments = ident.parent
    call = arguments.parent if arguments.type == "argument_list" else None
    if call is None or call.type != "call_expression" or runs_later(call):
        return False
    key = callees.callee(view, path, call)
    if isinstance(key, str) or key[0] != view.package.import_path:
        return False  # not the package's own (cgo's, another package's): declined as any other use
    return _parameter(view, path, call, items(arguments).index(ident), key, proof, depth + 1)


def runs_later(call: Node) -> bool:
    """Does the call run after what follows it: `go r.N()` (perhaps after the call returned), or a func literal's
    `defer report(p)` (after its body, perhaps after a `defer wg.Done()` declared later signalled the waiter, which
    then writes the variable the original reads through p; the copy's address would read the old value)?"""
    statement = call.parent.type
    return statement == "go_statement" or (statement == "defer_statement" and owner(call).type == "func_literal")


def pointer_reads_only(view: PackageView, path: str, pointer: Node) -> str | None:
    """None when the local pointer `p` of `p := &x` in a func literal only reads through it there, as a receiver's
    uses must (fields, `*p`, nil, the package's pointer methods proven the same way), in every build; else why."""
    literal, proof = owner(pointer), _Proof()
    key = (view.package.import_path, "", "the func literal")
    what = f"the pointer {text(pointer).decode()}"
    return _uses(view, path, literal, pointer, key, proof, 0, what) or _every_build(view, key, proof)


def _own(view: PackageView, path: str, selector: Node, key: tuple[str, str, str]) -> bool:
    """Is the method `x.N` selects declared on x's own type (not promoted from an embedded field)?"""
    operand = selector.child_by_field_name("operand") if selector.type == "selector_expression" else None
    if operand is not None and operand.type == "selector_expression":
        operand = operand.child_by_field_name("field")
    ident = view.types.at(path, operand.start_byte) if operand is not None else None
    named = ident.named if ident is not None and ident.named else ""
    return named.lstrip("*") == f"{key[0]}.{key[1]}"


def _every_build(view: PackageView, key, proof: _Proof) -> str | None:
    """Why the proof may hold for this build only: a function followed is declared in a file another build leaves
    out, or a name read or called may be promoted, and a file of the directory may declare it otherwise."""
    if not proof.names and not proof.files:
        return None
    shown = f"{key[1]}.{key[2]}".lstrip(".")
    other = callees.other_builds(view)
    if other:
        return f"another build compiles {other}, where {shown} may be declared otherwise"
    tests = build_files.method_tests(view.package.dir, view.package.name, frozenset(proof.names))
    if tests:
        names = ", ".join(sorted(proof.names))
        return f"go test compiles {tests[0]}, which may declare a method {names} that {shown} would select there"
    return None


def _declared(view: PackageView, key: tuple[str, str, str], shown: str) -> tuple[str, Node] | str:
    """The package's own declaration of key, with a body, or why not."""
    if key[0] != view.package.import_path:
        return f"{shown} is another package's, whose body gorewrite does not read"
    found = callees.declaration(view, key)
    if found is None or found[1].child_by_field_name("body") is None:
        return f"{shown} {callees.NO_BODY}"
    return found


def _method(view: PackageView, key: tuple[str, str, str] | str, proof: _Proof, depth: int) -> str | None:
    if isinstance(key, str):
        return key
    shown = f"{key[1]}.{key[2]}"
    if key in proof.seen:
        return None
    if depth >= DEPTH:
        return f"{shown} is more than {DEPTH} pointer methods deep"
    found = _declared(view, key, shown)
    if isinstance(found, str):
        return found
    receiver = named_receiver(found[1], pointer=True)
    if receiver is None:
        return f"{shown} has no named pointer receiver"
    proof.seen.add(key)
    _note_file(view, found[0], proof)
    return _uses(view, found[0], found[1], receiver, key, proof, depth, "its receiver")


def _note_file(view: PackageView, path: str, proof: _Proof) -> None:
    """Note the file declaring a function the proof relies on when some build may leave it out (there another
    file may declare it otherwise)."""
    if build_files.constrained(path, view.tree(path).root_node):
        proof.files.add(os.path.basename(path))


def _uses(view, path: str, declaration: Node, name: Node, key, proof: _Proof, depth: int, what: str) -> str | None:
    """None when every use of the receiver or parameter `name` in the declaration reads, is compared with nil or
    calls a method proven to read only; else why not (`what` names it: "its receiver"). key[1] is the type whose
    own fields and methods need no guard ("" for a parameter: none)."""
    types, shown = view.types, f"{key[1]}.{key[2]}".lstrip(".")
    declared = types.at(path, name.start_byte)
    if declared is None or declared.obj is None:
        return f"go/types does not describe {what} of {shown}"
    root = view.tree(path).root_node
    for use in (i for i in types.idents[path] if i.obj == declared.obj and i.start != declared.start):
        node = root.named_descendant_for_byte_range(use.start, use.end)
        line = view.line(path, use.start)
        if owner(node) != declaration:
            return f"{shown} uses {what} in a func literal (line {line})"
        if _read(view, path, node, key, proof):
            continue
        if merges.tests_nil(types, path, node, ("==", "!=")):  # an address taken is never nil, nor is its copy's
            continue
        passed = _passed_on(view, path, node, proof, depth) if not key[1] else False
        if passed is not False:
            if passed:
                return passed
            continue
        called = _called_method(view, path, node, key, proof)
        if called is None:
            return f"{shown} uses {what} other than to read a field or call a method (line {line})"
        reason = _method(view, called, proof, depth + 1) if called[2] else None
        if reason:
            return reason
    return None


def _read(view: PackageView, path: str, ident: Node, key, proof: _Proof) -> bool:
    """Is the use a read of the receiver's storage: `*r` only read, or a field `r.f` (`(*r).f` alike) whose
    expression go/types finds only reading what r points at (Use.READ: `r.f.g`, `r.f[a:b]` of a slice, `[]byte(r.f)`,
    `r.p.N()`, `r.d.String()` of a value method; never `r.f.n++`, `r.a[:]` of an array, `r.f.M()` taking &r.f).
    f is noted in proof.names unless a field of key[1]'s own struct, declared in a file every build compiles, and so
    is a deeper name another build or go test may declare otherwise (_chain_names)."""
    top, parent = ident, ident.parent
    if parent.type == "unary_expression" and text(parent.child_by_field_name("operator")) == b"*":
        top, parent = held(parent)
        if parent.type != "selector_expression" or parent.child_by_field_name("operand") != top:
            return _only_read(top)
    if parent.type != "selector_expression" or parent.child_by_field_name("operand") != top:
        return False
    name = view.types.at(path, parent.child_by_field_name("field").start_byte)
    if name is None or name.kind != Kind.FIELD:
        return False
    if not _own_field(view, name.obj, key):
        proof.names.add(name.name)
    _chain_names(view, path, parent, proof)
    return name.use == Use.READ


def _chain_names(view: PackageView, path: str, selector: Node, proof: _Proof) -> None:
    """Note in proof.names each name of the package selected from `r.f` (`r.f.g`, `r.f.M()`) that another build or
    go test may declare otherwise: a method, or a field promoted or of a struct in a file some build leaves out
    (another package's names are go/types' for this build, as retention's verdicts are)."""
    expr, parent = held(selector)
    while parent.type == "selector_expression" and parent.child_by_field_name("operand") == expr:
        name = view.types.at(path, parent.child_by_field_name("field").start_byte)
        if name is not None and name.obj is not None and not _steady_field(view, name):
            proof.names.add(name.name)
        expr, parent = held(parent)


def _steady_field(view: PackageView, name) -> bool:
    """Is the package's name a field its struct declares itself (not promoted), in a file every build compiles?"""
    struct = field_writes.struct_of(view, name.obj) if name.kind == Kind.FIELD and not name.promoted else None
    if struct is None:
        return False
    path = callees.file_of(view, struct)
    return not build_files.constrained(path, view.tree(path).root_node)


def _own_field(view: PackageView, obj: str | None, key) -> bool:
    """Is the field declared in key[1]'s own struct, in a file every build compiles?"""
    struct = field_writes.struct_of(view, obj) if obj and key[1] else None
    spec = struct.parent if struct is not None else None
    if spec is None or text(spec.child_by_field_name("name")) != key[1].encode():
        return False
    path = callees.file_of(view, spec)
    return not build_files.constrained(path, view.tree(path).root_node)


def _only_read(expr: Node) -> bool:
    """Is the expression's value only read: an index (`xs[r.i]`), what a range clause ranges over, an operand of
    an operator but `&` (`!r.muted[k]`; `*r.p = v` writes where p aims, never into the variable: the closure rule
    declines any other address of it), of a value context (field_alias: passed, compared, returned, assigned to
    another), or indexed where the element is only read (`r.quiet[h]`, never `r.n[k]++` or `&r.n[k]`)?"""
    expr, parent = held(expr)
    if parent.type == "index_expression":
        return parent.child_by_field_name("index") == expr or _only_read(parent)
    if parent.type == "unary_expression":
        return text(parent.child_by_field_name("operator")) != b"&"
    if parent.type == "range_clause":  # its left is an expression list: `for r.i = range` is assigned below
        return True
    return parent.type in field_alias.VALUE_CONTEXTS and not field_alias.assigned(expr)


def _called_method(view: PackageView, path: str, ident: Node, key, proof: _Proof) -> tuple[str, str, str] | None:
    """The key of the package's method `r.N(…)` calls, its name blank for a value receiver (a copy of *r)."""
    field_name = method_call(ident)
    if field_name is None:
        return None
    call = field_name.parent.parent
    if runs_later(call):
        return None
    name = view.types.at(path, field_name.start_byte)
    if name is None or name.kind != Kind.METHOD or not name.recv or name.pkg != view.package.import_path:
        return None
    called = callees.callee(view, path, call)
    found = callees.declaration(view, called) if not isinstance(called, str) else None
    if found is None:
        return None
    if called[1] != key[1]:  # promoted from an embedded field, or through a parameter
        proof.names.add(called[2])
    if named_receiver(found[1], pointer=True) is not None:
        return called
    _note_file(view, found[0], proof)  # a value receiver's body is not read, but another build may declare it
    return called[0], called[1], ""

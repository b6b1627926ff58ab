"""The rewrite: one pool per type per package (reused when the package has one), typed get and
put helpers, and each accepted site's statement."""

from __future__ import annotations

import ast
import os
import re
import textwrap
from dataclasses import dataclass

from gorewrite.claims import MovesAllocation, Tested
from gorewrite.edits import Edit
from gorewrite.escapes import Escape
from gorewrite.proposals import Fix, PackageView
from gorewrite.rulekit import add_import
from gorewrite.rules.sync_pool.loops import before
from gorewrite.rules.sync_pool.names import (
    any_name,
    every_build,
    fresh,
    import_name,
    imports,
    spellings,
    unused_import,
    words,
)
from gorewrite.rules.sync_pool.plan import IO_WORDS, Plan, handed_words
from gorewrite.rules.sync_pool.sites import MAX_POOLED, NAME, REUSABLE, STRING_COPY, enclosing_function
from gorewrite.syntax import call_args, doc_start, indentation, text

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


def part_of(view: PackageView, plans: list[Plan], names: set[str]) -> Part | str:
    """The pool (new, or one the package has), its helpers, and each site's statement."""
    first = plans[0]
    path, pointer = first.site.path, first.pointer
    taken = names | words(view)
    existing = _existing_pool(view, path, pointer, first.reuse)
    edits: list[Edit] = []
    moves: tuple[str, ...] = ()
    if existing is not None:
        pool, get, put = existing
    else:
        alias = import_name(view, path, "sync")
        if alias is None:
            return "the file imports sync under a name gorewrite cannot use, or the package declares sync itself"
        # Named for what it holds: a reusable type's pool serves every function of the file that needs one.
        stem = first.reuse.rpartition(".")[2] if first.reuse else first.var
        base = stem[0].upper() + stem[1:]
        pool = fresh(f"{stem[0].lower() + stem[1:]}Pool", taken)
        getter, putter = fresh(f"get{base}", taken), fresh(f"put{base}", taken)
        names.update((pool, getter, putter))
        functions = ", ".join(
            sorted({text(enclosing_function(p.site.statement).child_by_field_name("name")).decode() for p in plans})
        )
        what = (
            f"backing array of the {text(call_args(first.site.value)[0]).decode()}"
            if first.length is not None
            else pointer[1:]
        )
        why = handed_words(view, [p.site for p in plans if p.scratch]) if first.scratch else "too large for the stack"
        if first.site.kind == "scanner":
            why = "a bufio.Scanner's buffer"
        doc = (
            f"// {pool} recycles the {what} of {functions}: {why}, it would be\n"
            f"// allocated on every call. It holds pointers: a value would allocate on every Put.\n"
        )
        if why.startswith("handed to ") and why != IO_WORDS:  # longer: wrapped as Go's comments are
            doc = textwrap.fill(doc.replace("\n// ", " ")[3:], 110, initial_indent="// ", subsequent_indent="// ")
            doc += "\n"
        block = (
            doc + f"var {pool} = {alias}.Pool{{New: func() {any_name(view)} {{ return {first.new} }}}}\n\n"
            f"func {getter}() {pointer} {{ return {pool}.Get().({pointer}) }}\n\n"
            f"func {putter}(p {pointer}) {{ {pool}.Put(p) }}\n\n"
        )
        if first.reuse:
            block = _reuse_block(view, first, functions, alias, pool, getter, putter)
        start = doc_start(enclosing_function(first.site.statement)).start_byte
        edits.append(Edit(path, start, start, block.encode()))
        get, put = f"{getter}()", putter
        moves = (first.moved,)
    for plan in plans:
        edits += statement_edits(view, plan, get, put, taken, names)
        edits += [Edit(plan.site.path, start, end, plan.var.encode()) for start, end in plan.addresses]
        edits += [Edit(plan.site.path, start, start, b"*") for start in plan.derefs]
    for site_path in dict.fromkeys(p.site.path for p in plans):
        if existing is not None or site_path != path:  # the file of a new pool names the type in it
            edits += _site_import(view, next(p for p in plans if p.site.path == site_path), edits)
    for replaced in dict.fromkeys((p.site.path, p.replaced) for p in plans if p.replaced):  # `strings` of a Builder
        edits += unused_import(view, *replaced, edits)
    if existing is None and any(p.replaced for p in plans) and not imports(view, path, "bytes"):
        edits += add_import(view, path, "bytes")  # the new pool's new(bytes.Buffer)
    moves += (STRING_COPY,) * sum(p.copies for p in plans)  # a Buffer's String copies where a Builder's did not
    lines = ", ".join(f"{p.var} ({_where(view, p, path)}{', once before its loop' if p.loop else ''})" for p in plans)
    summary = f"take {lines} from {'the package' + chr(39) + 's ' + pool if existing else 'a new ' + pool}"
    if any(p.replaced for p in plans):
        summary += " as a bytes.Buffer standing for the strings.Builder, whose String copies"
    relies = sorted({r for p in plans for r in p.relies})
    if relies:
        summary += f" (relies on {' and '.join(relies)})"
    return Part(path, existing is None, tuple(edits), tuple(p.escape for p in plans), moves, summary)


def _where(view: PackageView, plan: Plan, pool_path: str) -> str:
    """`line 12`, or `checks.go:12` for a site in another file than the pool's."""
    line = view.line(plan.site.path, plan.site.statement.start_byte)
    return f"line {line}" if plan.site.path == pool_path else f"{os.path.basename(plan.site.path)}:{line}"


def _site_import(view: PackageView, plan: Plan, replaced: list[Edit]) -> list[Edit]:
    """The import only the site named (`bytes` of `new(bytes.Buffer)`), which a pool of another file
    now names instead: removed, or Go rejects the file."""
    qualifier = re.match(r"\*(\w+)\.", plan.pointer)
    return unused_import(view, plan.site.path, qualifier[1], replaced) if qualifier else []


def _reuse_block(view: PackageView, plan: Plan, functions: str, alias: str, pool: str, getter: str, putter: str) -> str:
    """A pool of a REUSABLE type: its put helper empties the object, so the pool keeps nothing of
    the caller, and drops one grown past MAX_POOLED, so one large call does not pin its memory."""
    pointer = plan.pointer
    reset, (capacity, *_) = REUSABLE[plan.reuse]
    return (
        f"// {pool} recycles the {pointer[1:]} of {functions}: it escaped only through calls that keep\n"
        f"// nothing of it, and each call allocated it and grew its storage again. It holds pointers.\n"
        f"var {pool} = {alias}.Pool{{New: func() {any_name(view)} {{ return {plan.new} }}}}\n\n"
        f"func {getter}() {pointer} {{ return {pool}.Get().({pointer}) }}\n\n"
        f"// {putter} empties p, so the pool keeps nothing of its caller, and drops one grown past\n"
        f"// {MAX_POOLED // 1024} KiB, so one large call does not pin its memory for every later one.\n"
        f"func {putter}(p {pointer}) {{\n\tif p.{capacity}() > {MAX_POOLED // 1024}<<10 {{\n\t\treturn\n\t}}\n"
        f"\tp.{reset}()\n\t{pool}.Put(p)\n}}\n\n"
    )


def merge(view: PackageView, parts: list[Part]) -> Fix:
    """One fix of parts whose new pools share a file; the sync import when the file lacks it."""
    edits = [e for part in parts for e in part.edits]
    path = parts[0].path
    if parts[0].creates and not imports(view, path, "sync") and import_name(view, path, "sync") == "sync":
        edits += add_import(view, path, "sync")
    summary = "; ".join(p.summary for p in parts) + " instead of allocating on every call (sync.Pool; deferred Put)"
    return Fix(
        NAME,
        tuple(edits),
        tuple(t for p in parts for t in p.targets),
        summary,
        claim=Tested(MovesAllocation(tuple(m for p in parts for m in p.moves)), race=True),
    )


def statement_edits(view: PackageView, plan: Plan, get: str, put: str, taken: set[str], names: set[str]) -> list[Edit]:
    """`v := alloc` → Get, deferred Put, reset: the variable keeps its name and its type. Inside a loop
    (loops.py) the Get and the Put go before the outermost loop, and the statement re-derives the
    variable from that object with its reset, every iteration. A hoisted site (hoists.py) has no pool:
    its holder is declared before the loop and made by the first iteration that reaches the site."""
    statement = plan.site.statement
    holder = plan.var
    if plan.length is not None or plan.loop is not None:
        holder = fresh(f"{plan.var}p", taken)
        names.add(holder)
        taken.add(holder)
    got = [f"{holder} := {get}", f"defer {put}({holder})"]
    first = []
    if plan.hoist:
        got = [f"var {holder} {plan.pointer}"]
        first = [f"if {holder} == nil {{ // one array for every iteration", f"\t{holder} = {plan.new}", "}"]
    if plan.length is not None:
        lines = [f"*{holder} = {plan.pointer[1:]}{{}} // the zeros make gave"] if plan.reset == "zero" else []
        lines.append(f"{plan.var} := {holder}[:{plan.length}]")
        lines += plan.init  # a Scanner's Buffer call, now given the variable
        if plan.reset == "clear":  # a bounded make: the zeros make gave, over its whole capacity
            lines.append(f"clear({plan.var}[:{plan.capacity}])" if plan.capacity else f"clear({plan.var})")
    elif plan.reuse:  # emptied before it went back; in a loop, by the reset every iteration too
        lines = [f"{plan.var} := {holder}", f"{plan.var}.{REUSABLE[plan.reuse][0]}()"] if plan.loop else []
    else:  # an array from a `:=` takes its value in plan.init; one written whole by the next statement has no reset
        reset = [f"*{plan.var} = {plan.reset}"] if plan.reset else []
        lines = [f"{plan.var} := {holder}"] if plan.loop else []
        lines += [*reset, *plan.init]
    edits = []
    if plan.loop is not None:
        edits.append(before(view, plan.site.path, plan.loop, got))
    else:
        lines = got + lines
    lines = first + lines
    declares = next((i for i, line in enumerate(lines) if line.startswith(f"{plan.var} := ")), 0)
    edits.append(_replace(view, plan, statement, lines, declares if plan.hoist else 0))
    return edits


def _replace(view: PackageView, plan: Plan, statement, lines: list[str], at: int = 0) -> Edit:
    """The site's statement replaced by lines; a trailing comment stays with the line `at` (the first, or the
    line of a hoist that declares the variable, past its `if … == nil` block and its reset)."""
    indent = indentation(view.sources[plan.site.path], statement.start_byte).decode()
    end = statement.end_byte
    comment = statement.next_sibling
    if comment is not None and comment.type == "comment" and comment.start_point.row == statement.end_point.row:
        lines[at] += " " + text(comment).decode()
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


def _existing_pool(view: PackageView, site_path: str, pointer: str, reuse: str | None) -> tuple[str, str, str] | None:
    """(pool, get expression, put function) of a package-level pool whose New returns new(T) for
    the pointer *T the site needs: gorewrite's own from an earlier run, or one written the same way.
    Reusing any is sound: the site resets what it relies on. Its typed helpers when the file has
    them, else Get and Put inline. A REUSABLE type is reset before Put, not after Get: only a
    pool whose put helper is gorewrite's (empties and size-checks it) will do. Another (the package's
    `bufPool` whose users put buffers back unemptied) is passed over: the site gets a pool of its own,
    which no code but its helpers touches, so what the package's users put back never reaches it."""
    want = _folded(pointer[1:])
    for path, source in view.sources.items():
        if path != site_path and not every_build(view, path):
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
                # Only its declaration and the two helpers name the pool: no other code puts a Buffer back
                # (`Pool.Put(b)` elsewhere, `&Pool` handed on, another package's `p.Pool.Put`) or sets its New.
                if get and put and spellings(view, pool) == 3:
                    return pool, f"{get[1].decode()}()", put[1].decode()
                continue
            put = next((p for p in puts if _folded(p[2].decode()) == want), None)
            if get and put:
                return pool, f"{get[1].decode()}()", put[1].decode()
            return pool, f"{pool}.Get().({pointer})", f"{pool}.Put"
    return None

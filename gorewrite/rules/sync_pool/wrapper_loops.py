"""A bufio or tabwriter site inside a loop (a Writer per record, a table per group): pooled once per
call, as loops.py pools a buffer. The Get and its deferred Put go before the outermost loop of the
function (or func literal), and each iteration that reaches the site makes what the constructor would
have made: `bw := reuseBufioWriter(bwp, w)` (bufio), `tw := twp.Init(w, …)` (tabwriter, whose Init
sets every field, as NewWriter's new(Writer).Init does).

bufio's constructor returns w itself when w already is a Writer (Reader) whose buffer holds at least
4096 bytes (`b, ok := w.(*Writer); ok && len(b.buf) >= size`, size 4096: NewWriterSize and
NewReaderSize in go1.24.11 to go1.27.3), and it decides that on every call: a caller's zero
`new(bufio.Reader)` gets its buffer at its first Reset, `*p = *bufio.NewWriterSize(x, 16)` shrinks
one, mid-loop. So the Get before the loop takes a pooled object that is never w (the get helper given
nil), and the site calls the reuse helper, which decides as the constructor does each time: w itself,
or the pooled object reset to w, a fresh one's state (Reset keeps its 4096-byte buffer and clears the
rest; the pooled object is never w, so Reset's `b == w` return never applies). Neither the Get nor the
Put names w, so w may be declared inside the loop (`for _, c := range conns { bw := bufio.NewWriter(c) }`:
the helper decides for each iteration's c) and share its name with another variable of the function;
w written in the function is still declined (wrappers.py), as outside a loop.
A tabwriter has no such decision (NewWriter always makes a new Writer): its Get takes a nil output,
and Init per iteration takes the site's own arguments, evaluated where they were.

Iteration i+1 reuses iteration i's object: nothing may see it once iteration i ends. wrappers.py
allows only its methods and calls that keep nothing of it (no alias, no func literal); a deferred
method call (`defer bw.Flush()`) would run at the function's return on the last iteration's object,
where the original flushed each iteration's own: this module declines it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from gorewrite.edits import Edit
from gorewrite.proposals import PackageView
from gorewrite.rules.sync_pool.loops import before, outermost
from gorewrite.rules.sync_pool.names import every_build, fresh, words
from gorewrite.syntax import Node, text

if TYPE_CHECKING:
    from gorewrite.escapes import Escape
    from gorewrite.rules.sync_pool.wrappers import Wrapper, WrapperSite

# What the compiler reports where it inlines bufio's Reset (in the reuse helper, and where the helper is
# inlined): its make for a zero Writer (Reader), which never runs for the pool's (bufio.New*(nil) has one).
RESET_MAKE = "make([]byte, 4096) escapes to heap"

REUSE = """\
// {reuser} is bufio.New{type}(x) in a loop that took b from {pool} once:
// x itself when it already is a large enough {type}, as bufio decides on every call, else b reset to x.
func {reuser}(b *{kind}, x {iface}) *{kind} {{
\tif own, ok := x.(*{kind}); ok && own.Size() >= 4096 {{
\t\treturn own
\t}}
\tb.Reset(x)
\treturn b
}}

"""


def reuse_block(alias: str, wrapper: Wrapper) -> str:
    """The reuse helper of a bufio kind, for a file that names bufio `alias`."""
    kind = f"{alias}.{wrapper.type}"
    return REUSE.format(reuser=wrapper.reuser, pool=wrapper.names[0], type=wrapper.type, iface=wrapper.iface, kind=kind)


def reusers(
    view: PackageView, accepted: list[tuple[Escape, WrapperSite]]
) -> tuple[set[Wrapper], list[tuple[Escape, WrapperSite]]]:
    """The bufio kinds whose loop sites need a reuse helper the package lacks (none a previous run added,
    word for word), and the loop sites of a kind whose helper's name the package already uses."""
    needed, clashes = set(), []
    for wrapper in dict.fromkeys(s.wrapper for _, s in accepted if s.wrapper.own and outermost(s.statement)):
        block = reuse_block(wrapper.package.rsplit("/", 1)[-1], wrapper).encode().strip()
        if any(block in source and every_build(view, path) for path, source in view.sources.items()):
            continue
        if wrapper.reuser not in words(view):
            needed.add(wrapper)
        else:
            clashes += [(e, s) for e, s in accepted if s.wrapper == wrapper and outermost(s.statement)]
    return needed, clashes


def reason(loop: Node) -> str | None:
    """Why a site inside `loop` cannot take its object from one Get before the loop, or None. Where w is
    declared does not matter: the Get and the Put never name it, the site names the iteration's own."""
    if loop.parent is None or loop.parent.type != "statement_list":
        return "is made in a loop that is not a statement of a block: there is no place for one Get before it"
    return None


def edits(view: PackageView, site: WrapperSite, loop: Node, getter: str, putter: str, taken: set[str]) -> list[Edit]:
    """The Get and the deferred Put before the loop, and the site made what its constructor makes (see
    the module)."""
    var, inner = text(site.var).decode(), text(site.inner).decode()
    holder = fresh(f"{var}p", taken)
    if site.wrapper.own:  # a pooled object, never w: the reuse helper decides per iteration
        got, put = f"{getter}(nil)", f"{putter}({holder}, nil)"
    else:  # tabwriter: a nil output and zero widths, which Init at the site replaces
        got, put = f"{getter}({', '.join(['nil'] + ['0'] * (site.wrapper.arity - 1))})", f"{putter}({holder})"
    found = [before(view, site.path, loop, [f"{holder} := {got}", f"defer {put}"])]
    if site.wrapper.own:
        reuse = f"{site.wrapper.reuser}({holder}, {inner})"
        found.append(Edit(site.path, site.call.start_byte, site.call.end_byte, reuse.encode()))
    else:
        function = site.call.child_by_field_name("function")
        found.append(Edit(site.path, function.start_byte, function.end_byte, f"{holder}.Init".encode()))
    return found


def deferred(node: Node, own: Node) -> bool:
    """Is the use inside a defer statement of the function (or func literal) that owns the site?"""
    while node is not None and node != own:
        if node.type == "defer_statement":
            return True
        node = node.parent
    return False

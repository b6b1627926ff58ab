"""A bufio or tabwriter site inside a loop (a Writer per record, a table per group): pooled once per
call, as loops.py pools a buffer. The Get and its deferred Put go before the outermost loop of the
function (or func literal), and each iteration that reaches the site makes the pooled object what
the constructor would have made: `bw := bwp; bw.Reset(w)` (bufio), `tw := twp.Init(w, …)`
(tabwriter, whose Init sets every field, as NewWriter's new(Writer).Init does).

bufio's constructor returns w itself when w already is a large enough Writer (Reader), and the
Get decides that once, before the loop: so w must be one variable, declared outside the loop and
never written in the function (wrappers.py checks the last), and each iteration's constructor
would have decided the same. `bw.Reset(w)` is then a fresh Writer's state (no buffered bytes, no
error, writing to w), and nothing when bw is w (Reset of a Writer to itself returns at once, in every
release gorewrite runs: go1.24+). A tabwriter's Get takes a nil output: Init per iteration takes the
site's own arguments, evaluated where they were, so its writer may be the iteration's.

Iteration i+1 reuses iteration i's object: nothing may see it once iteration i ends. wrappers.py
allows only its methods and calls that keep nothing of it (no alias, no func literal); a deferred
method call (`defer bw.Flush()`) would run at the function's return on the last iteration's object,
where the original flushed each iteration's own: this module declines it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from gorewrite.edits import Edit
from gorewrite.proposals import PackageView
from gorewrite.rules.sync_pool.names import fresh
from gorewrite.syntax import Node, indentation, text

if TYPE_CHECKING:
    from gorewrite.rules.sync_pool.wrappers import WrapperSite

# What the compiler reports where it inlines bufio's Reset at the site: its make for a zero Writer (Reader)
# without a buffer, which never runs for the pool's (bufio.New*(nil) has one) nor for w itself (returned at once).
RESET_MAKE = "make([]byte, 4096) escapes to heap"


def reason(view: PackageView, site: WrapperSite, loop: Node) -> str | None:
    """Why the site inside `loop` cannot take its object from one Get before the loop, or None."""
    if loop.parent is None or loop.parent.type != "statement_list":
        return "is made in a loop that is not a statement of a block: there is no place for one Get before it"
    if not site.wrapper.own:
        return None
    inner = view.types.at(site.path, site.inner.start_byte)
    offset = int(inner.obj.rpartition(":")[2]) if inner is not None and inner.obj else loop.start_byte
    if loop.start_byte <= offset < loop.end_byte:
        kind = f"{site.wrapper.package}.New{site.wrapper.type}"
        return (
            f"wraps {inner.name if inner else 'a value'}, declared inside the loop: one Get before the loop cannot"
            f" name each iteration's {site.wrapper.iface}, and {kind} returns it itself when it already is a"
            f" large enough {site.wrapper.type}"
        )
    return None


def edits(
    view: PackageView, site: WrapperSite, loop: Node, getter: str, putter: str, taken: set[str], after: int
) -> list[Edit]:
    """The Get and the deferred Put before the loop, and the site made the pooled object with its
    constructor's state (see the module); `after` is where the site's statement (and its comment) ends."""
    var, inner = text(site.var).decode(), text(site.inner).decode()
    holder = fresh(f"{var}p", taken)
    source = view.sources[site.path]
    indent = indentation(source, loop.start_byte).decode()
    if site.wrapper.own:
        got, put = f"{getter}({inner})", f"{putter}({holder}, {inner})"
    else:  # tabwriter: a nil output and zero widths, which Init at the site replaces
        got, put = f"{getter}({', '.join(['nil'] + ['0'] * (site.wrapper.arity - 1))})", f"{putter}({holder})"
    before = f"{holder} := {got}\n{indent}defer {put}\n{indent}"
    found = [Edit(site.path, loop.start_byte, loop.start_byte, before.encode())]
    if site.wrapper.own:
        site_indent = indentation(source, site.statement.start_byte)
        found.append(Edit(site.path, site.call.start_byte, site.call.end_byte, holder.encode()))
        found.append(Edit(site.path, after, after, b"\n" + site_indent + f"{var}.Reset({inner})".encode()))
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

"""iface-direct: convert a concrete value to the interface it is asserted to, not through `any`.

`var i any = &s; j := i.(fmt.Stringer)` hides the concrete type from the compiler, so calls on
`j` stay dynamic and `s` moves to the heap; `j := fmt.Stringer(&s)` lets it devirtualize them.
The intermediate may be a local interface variable (go1.24/1.25 keep `s` on the heap for it),
a struct field or a slice/array element of a local composite literal (every release does).
The stores and assertions are found by syntax (sites.py); which field, element or entry holds the
value and which assertion reads it come from go/types (places.py), as do which case a type switch
takes and what an assertion yields (matches.py, typeswitch.py); the container's other uses and the
value's stability are checked in contents.py, the comma-ok edits made in commaok.py. Several values
of one literal asserted together are paired in group.py. This module finds the candidates and sends each to its
proof: a value stored in one place of a local (stored.py), several of one literal rewritten together (grouped.py),
one at the end of a path of nested literals (pathed.py), a range over a literal (ranged.py) or a field assigned
(assigned.py); dropped.py says what the code a rewrite drops must not leave unused. The full doc, with the cases it
declines, is rules/iface-direct/README.md.
"""

from __future__ import annotations

from dataclasses import replace

from gorewrite.edits import Edit
from gorewrite.escapes import Escape
from gorewrite.proposals import Candidate, Declined, Fix, PackageView, Proposal, Rule
from gorewrite.rulekit import near_syntax_error, owner, types_or_reason
from gorewrite.rules.iface_direct.assigned import assigned_calls, field_assignment
from gorewrite.rules.iface_direct.concatenated import concatenate, costs_more, sprint_call
from gorewrite.rules.iface_direct.pathed import rewrite_pathed
from gorewrite.rules.iface_direct.printed import operand_call, rewrite
from gorewrite.rules.iface_direct.ranged import range_loop, ranged_calls
from gorewrite.rules.iface_direct.sites import NAME, row_of, stores_of
from gorewrite.rules.iface_direct.stored import rewrite_stored
from gorewrite.syntax import Node, enclosing


def find(view: PackageView) -> list[Candidate]:
    """Heap escapes of a value (or a variable whose address is) stored where a type assertion reads it."""
    found: dict[Escape, Candidate] = {}
    for escape in view.escapes:
        if escape.path not in view.package.rewritable or not escape.heap:
            continue
        asserts = b".(" in view.sources[escape.path] or escape.message.startswith("moved to heap: ")
        stores = stores_of(view, escape) if asserts else []  # a boxed value is read back only by an assertion
        ranged = None if stores else range_loop(view, escape)
        assigned = None if stores or ranged else field_assignment(view, escape)  # `o.F = &x` (assigned.py)
        nested = stores_of(view, escape, nested=True) if asserts and not (stores or ranged or assigned) else []
        if stores or ranged or assigned or nested:
            held = stores or nested
            function = owner(held[0].declaration if held else ranged[0] if ranged else assigned)
            found.setdefault(escape, Candidate(NAME, escape, escape.path, (function.start_byte, function.end_byte)))
        elif (printing := operand_call(view, escape) or sprint_call(view, escape)) and owner(printing) is not None:
            function = owner(printing)  # an operand of `fmt.Fprintf(b, …)` (printed.py) or Sprintf (concatenated.py)
            found.setdefault(escape, Candidate(NAME, escape, escape.path, (function.start_byte, function.end_byte)))
    return list(found.values())


def propose(view: PackageView, candidates: list[Candidate]) -> list[Proposal]:
    """A Fix for each candidate this rule can prove keeps behaviour; a Declined with the reason for the others."""
    proposals: list[Proposal] = []
    fixes: dict[tuple[Edit, ...], int] = {}  # the values of one literal rewritten together: one fix
    for cand in candidates:
        verdict = _proposal(view, cand.escape)
        if isinstance(verdict, str):
            proposals.append(Declined(NAME, cand.escape, verdict))
        elif verdict.edits in fixes:
            at = fixes[verdict.edits]
            proposals[at] = replace(proposals[at], targets=proposals[at].targets + verdict.targets)
        else:
            fixes[verdict.edits] = len(proposals)
            proposals.append(verdict)
    return _deleted_with(view, proposals)


def _deleted_with(view: PackageView, proposals: list[Proposal]) -> list[Proposal]:
    """A declined value boxed inside the declaration a fix deletes (`extra` in `opts := []any{&u, extra}`,
    dropped with opts) goes with that fix: its expression no longer exists, so the fix targets it too.
    Not one in the code only a failed assertion ran, which a fix also deletes: it never ran, so
    counting it as removed would claim an allocation the program never made."""
    merged: list[Proposal | None] = list(proposals)
    for n, declined in enumerate(proposals):
        at = view.offset(declined.site) if isinstance(declined, Declined) else None
        if at is None:
            continue
        path = declined.site.path
        for i, fix in enumerate(merged):
            if not isinstance(fix, Fix):
                continue
            held = [s for t in fix.targets if t.path == path for s in stores_of(view, t) or stores_of(view, t, True)]
            built = [s.declaration for s in held]
            deleted = [e for e in fix.edits if e.path == path and e.start <= at < e.end and not e.new]
            ran = any(d.start_byte <= at < d.end_byte for d in built) or _ran_before(view, at, built)
            if deleted and ran and not _in_deleted_literal(view, path, at, deleted):
                merged[i], merged[n] = replace(fix, targets=fix.targets + (declined.site,)), None
                break
    return [p for p in merged if p is not None]


def _ran_before(view: PackageView, at: int, built: list[Node]) -> bool:
    """Is the byte at in a statement of the block a deleted store declaration stands in, before it (a variable only
    the literal named, which cascade.py deletes: `back := door{…}` of `states := map[string]State{…, "back":
    &back}`)? It ran whenever that declaration did, never only where a failed assertion ran (that code follows
    the assertion, which follows the declaration), so its allocation is one the fix takes away."""
    for declaration in built:
        statement = declaration.parent if declaration.type == "var_spec" else declaration
        if statement.parent is None or statement.parent.type != "statement_list":
            continue
        sibling = statement.prev_named_sibling
        while sibling is not None:
            if sibling.start_byte <= at < sibling.end_byte:
                return True
            sibling = sibling.prev_named_sibling
    return False


def _in_deleted_literal(view: PackageView, path: str, at: int, deleted: list[Edit]) -> bool:
    """Is the byte at in the body of a func literal the fix deletes (`hook := func() { … &n … }`, or one element of
    the literal)? That body ran only if something called it: its allocation may be one the program never made."""
    literal = enclosing(view.tree(path).root_node.descendant_for_byte_range(at, at), "func_literal")
    return literal is not None and any(e.start <= literal.start_byte and literal.end_byte <= e.end for e in deleted)


def _proposal(view: PackageView, escape: Escape) -> Fix | str:
    stores = stores_of(view, escape)
    ranged = range_loop(view, escape)
    assigned = None if stores or ranged else field_assignment(view, escape)
    printing = None if stores or ranged or assigned else operand_call(view, escape)
    if printing is not None and not stores_of(view, escape, nested=True):
        return rewrite(view, escape, printing)  # an operand of `fmt.Fprintf(b, …)` (printed.py)
    sprinted = None if stores or ranged or assigned else sprint_call(view, escape)
    if sprinted is not None and not stores_of(view, escape, nested=True):
        types = types_or_reason(view)  # an operand of `fmt.Sprintf(…)` (concatenated.py)
        problem = near_syntax_error(view, escape.path, sprinted)
        return problem or (types if isinstance(types, str) else concatenate(view, types, escape, sprinted))
    if not stores and ranged is None and assigned is None:  # a value of a nested literal (paths.py)
        return rewrite_pathed(view, escape, stores_of(view, escape, nested=True))
    if assigned is not None:
        types = types_or_reason(view)
        problem = near_syntax_error(view, escape.path, assigned)
        return problem or (types if isinstance(types, str) else assigned_calls(view, types, escape, assigned))
    if ranged is not None:  # a range over a literal holding the value (ranged.py), or c[i] in one
        problem = near_syntax_error(view, escape.path, ranged[0])
        types = types_or_reason(view)
        found = problem or (types if isinstance(types, str) else ranged_calls(view, types, escape, *ranged))
        if not stores or isinstance(found, Fix):
            return found
        stored = rewrite_stored(view, escape, stores)
        return (
            stored
            if isinstance(stored, Fix)
            else f"{stored}; as the range's element (line {row_of(ranged[0])}): {found}"
        )
    return rewrite_stored(view, escape, stores)


def needs_cost(view: PackageView, candidate: Candidate) -> bool:
    """Is the candidate an operand of a fmt call whose concatenation may cost more in a function some release
    inlines? There it must stay within the inliner's budget, and propose needs the function's cost (-m=2)."""
    call = sprint_call(view, candidate.escape)
    return call is not None and costs_more(view, candidate.path, call)


RULE = Rule(
    name=NAME,
    summary="convert a value straight to the interface it is asserted to, "
    "not through an any variable, field or element",
    messages=("moved to heap: x", "x escapes to heap"),
    find=find,
    propose=propose,
    flows=needs_cost,
    retention=True,
)

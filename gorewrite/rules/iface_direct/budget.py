"""The inliner's budget a concatenation must stay within where the compiler inlines the function holding the call: past
it the function is no longer inlined, and its callers, which kept the result in their frames, allocate it.

The compiler's own cost of the function (`-m=2`: `can inline F with cost N`, PackageView.flows, asked only for the
packages where a candidate's fmt call sits in a function some release inlines) plus an upper bound of what the
rewrite adds must be at most 80 under every release that inlines it, each with its own cost and callees. The bound
is read off the inliner's hairyVisitor (cmd/compile/internal/inline/inl.go, go1.24.11 and go1.27.3 alike): every
node costs 1, a call 57 more unless the callee is inlined, where it costs the callee's own cost instead; a closure's
body is its own function (OCLOSURE costs 15, its body is not visited). fmt's call costs at least its call (1 + 57:
no release measured inlines Sprintf, Sprint or Sprintln, and an inlined Errorf costs 80), its name, its format, the
`...any` slice literal (2) and one OCONVIFACE per operand, a constant's literal besides; the concatenation (one
OADDSTR: typecheck joins a chain of `+`) costs at most one node per constant and per `string(b)`, 8 besides
AppendInt's or AppendUint's own cost per integer (string(), the call and its name, make and its two sizes, the
conversion, the base), 2 besides FormatBool's per bool, and errors.New's call, name and cost for an Errorf. The
operands' own nodes are the same on both sides. The callees' costs are those each release's strconv and errors have,
measured with -m=2; a release not measured takes the budget for each (no inlined callee costs more) and nothing for
fmt's call, which declines in every function it inlines. Measured against -m=2 before and after on the shapes
under both releases (tests/test_iface_direct_budget.py), the bound is 0 to 4 above the real difference, never below.
Two of fmt's calls cost more than 80, so an inlined function holds one: no other fix of the rule adds to the same
function's own cost; a caller the function is inlined into, whose cost holds the function's, is not bounded (its
allocations stay below fmt's: rules/iface-direct/README.md). The verbs beside `%d` (digits.py) cost as an append
does where they write one (`%x`, `%o`, `%b` call AppendInt in another base; `%c`'s `string(rune(x))` calls nothing:
less); `%q`'s AppendQuoteRune and a byte array's hex.AppendEncode cost what each release measures (CALLEES); a
defined type's operand converted first (`bool(on)`, `int64(c)`: reach55b's) costs nothing more, a conversion between
a defined type and its underlying one being OCONVNOP, free (measured: `type Code int`, `type Level uint8` and `type
Flag bool` cost as int, uint8 and bool under both releases). A func literal's budget is the inliner's for closures,
800, under the releases measured to give it (go1.24, go1.26, go1.27); a release not measured holds it to 80.
"""

from __future__ import annotations

import re

from gorewrite.proposals import PackageView
from gorewrite.rulekit import owner
from gorewrite.rules.iface_direct import digits
from gorewrite.rules.iface_direct.digits import Number
from gorewrite.syntax import Node, call_args, text
from gorewrite.toolchain import release_minor

BUDGET = 80  # inlineMaxBudget under both releases
# inlineClosureCalledOnceCost: inlineBudget gives a func literal (fn.ClosureParent) 10 * 80, go1.24 to go1.27 alike
# (measured: `can inline (*T).Now21.func1 with cost 86` under go1.24.11, go1.26.8 and go1.27.3)
CLOSURE = 800
CALL = 57  # inlineExtraCallCost: what a call the inliner does not inline costs besides its node
# Per release minor: what AppendInt (AppendUint alike), FormatBool and errors.New cost where called, and at least
# what fmt's printer cost. go1.24 does not inline AppendInt (its wrapper `return strconv.AppendInt(b, x, 10)` costs
# 63: 6 nodes and the call's 57); go1.26 and go1.27 do (69: 63 for AppendInt's body). FormatBool's wrapper costs 10
# under go1.24, 14 from go1.26; errors.New's 10. No release inlines Sprintf, Sprint or Sprintln (57); go1.26 and
# go1.27 inline Errorf at 80, more than its call. AppendQuoteRune (%q of a rune) costs 65 inlined under the three
# (its wrapper 70: 5 nodes); hex.AppendEncode is inlined by none (its wrapper 62: 5 nodes and the call's 57).
CALLEES = {24: (CALL, 6, 6, CALL, 65, CALL), 26: (63, 10, 6, CALL, 65, CALL), 27: (63, 10, 6, CALL, 65, CALL)}
# A release not measured: no inlined callee costs more than the budget, and fmt's call may cost nothing.
UNMEASURED = (BUDGET, BUDGET, BUDGET, 0, BUDGET, BUDGET)
COST = re.compile(r"^can inline .+ with cost (\d+)")


def added(pieces: list, minor: int, formatted: bool, erroring: bool, constant_operands: int = 0) -> int:
    """At most how much more the concatenation of the (joined) pieces costs the inliner than fmt's call did, whose
    operands were the pieces that are no constant bytes and the constant_operands (each a literal and its
    conversion to any in fmt's call, text of a constant piece in the concatenation)."""
    appended, flagged, new, printer, quoted, hexed = CALLEES.get(minor, UNMEASURED)
    numbers = [p for p in pieces if isinstance(p, Number)]
    # string(b) of a []byte operand, a piece (node, True); a Number is a tuple too, of a node and a kind
    converted = sum(isinstance(p, tuple) and p[1] is True for p in pieces)
    constants = sum(isinstance(p, bytes) for p in pieces)
    made = 1 + constants + converted + sum(_written(p, appended, flagged, quoted, hexed) for p in numbers)
    made += 2 + new if erroring else 0
    kept = 1 + printer + 1 + formatted + 2 + (len(pieces) - constants) + 2 * constant_operands
    return made - kept


def _written(piece: Number, appended: int, flagged: int, quoted: int, hexed: int) -> int:
    """At most what the number's writing costs: FormatBool's call and name and its cost; else string(), the call
    and its name, make and its two sizes, the conversion (or `s[:]`'s two nodes) and the base, and the callee's
    cost (%c's `string(rune(x))` calls nothing: less than an append)."""
    if piece.kind == "bool":
        return 2 + flagged
    if piece.verb == "%q":
        return 8 + quoted
    return 8 + (hexed if digits.converted(piece) else appended)


def over(view: PackageView, path: str, call: Node, pieces: list, printer: str) -> str | None:
    """Why the concatenation may take the function holding the call past the inliner's budget under a release
    that inlines it, or None. A piece alone is bounded as a concatenation of one: its strconv or hex call costs at
    most the append's (measured alone: Itoa +1 under go1.24.11 and +5 under go1.27.3, FormatInt +2, a [32]byte's
    hex +2, %q's AppendQuoteRune +8 under both, errors.New(Itoa) +9 under go1.24.11: each past 80 from a cost of
    79), and a string or []byte alone costs less than fmt's call.
    """
    function = owner(call)
    at = _position(view, path, function) if function is not None else None
    if at is None:
        return None
    name = function.child_by_field_name("name")
    called = text(name).decode() if name is not None else "the func literal"
    formatted, erroring = printer in ("Sprintf", "Errorf"), printer == "Errorf"
    types = view.types
    operands = call_args(call)[formatted:]
    constant = sum(types is not None and types.constant(path, o.start_byte, o.end_byte) is not None for o in operands)
    by_release = view.by_toolchain or {"": view.escapes}
    for version, escapes in sorted(by_release.items()):
        if not _inlines(escapes, path, at):
            continue  # not inlined by this release: nothing a caller keeps depends on it
        minor = release_minor(version) if version else 0
        bound = added(pieces, minor, formatted, erroring, constant)
        budget = CLOSURE if function.type == "func_literal" and minor in CALLEES else BUDGET  # measured releases'
        if bound <= 0:
            continue
        said = view.flows.get(version, {}).get((path, *at), ())
        # a generic function's shapes each say their own cost at its name: the costliest holds for all
        cost = max((int(m[1]) for m in map(COST.match, said) if m), default=None)
        if cost is None:
            return f"the compiler inlines {called}, and its cost to the inliner is not known ({version or 'go'} -m=2)"
        if cost + bound > budget:
            return (
                f"the compiler inlines {called} (cost {cost} under {version}), and the concatenation may add"
                f" {bound}: past the budget of {budget} its callers would allocate the result they keep in their frames"
            )
    return None


def inlined_anywhere(view: PackageView, path: str, call: Node) -> bool:
    """Does some release inline the function holding the call (its `can inline` line)? There propose needs its cost."""
    function = owner(call)
    at = _position(view, path, function) if function is not None else None
    return at is not None and _inlines(view.escapes, path, at)


def _inlines(escapes: tuple, path: str, at: tuple[int, int]) -> bool:
    return any(e.path == path and (e.line, e.col) == at and e.message.startswith("can inline ") for e in escapes)


def _position(view: PackageView, path: str, function: Node) -> tuple[int, int] | None:
    """Where the compiler says it can inline the function: the token after a declaration's `func` (a method's
    receiver, a function's name), a func literal's `func`."""
    field = {"method_declaration": "receiver", "function_declaration": "name"}.get(function.type)
    node = function.child_by_field_name(field) if field else function
    if node is None:
        return None
    line = view.line(path, node.start_byte)
    start = view.sources[path].rfind(b"\n", 0, node.start_byte) + 1
    return line, node.start_byte - start + 1

"""A func literal held in a local and only called in the function that declares it: `indent := func(d int)
{…}`, then `indent(depth + 1)`, the helper closure renderers and printers write beside a buffer.

Such a literal runs only inside those calls, and each call runs while the declaring function does, before
it returns (and so before a pool's deferred Put in it or in its callers): what the literal captures is used
no later than the function's own statements are, and each such use is judged as one of them (retention.py,
sync-pool's uses.py). The literal is the one value of a one-name `:=` that declares the variable (go/types);
every other identifier naming that variable is the function a call calls, never a value (passed, returned,
stored, reassigned, address-taken), and no such call lies in a go or a defer statement or in another func
literal, between it and the declaring function: those may run after it returned. `var f = func…`, a
literal assigned to a variable declared before it (`var walk func(); walk = func() {…}`, which may call
itself) and a literal called at once (`func() {…}()`) are not taken here.
"""

from __future__ import annotations

from gorewrite import callees
from gorewrite.proposals import PackageView
from gorewrite.rulekit import owner, run_later
from gorewrite.syntax import Node

# Where a call of the local may run after the declaring function returned, in the reason's words.
SHOWN = {"go_statement": "a go statement", "defer_statement": "a defer statement", "func_literal": "a func literal"}
NOT_HELD = "is not handed straight to a call nor held in a local that is only called"


def called_in_place(view: PackageView, path: str, literal: Node) -> str | None:
    """None when the literal runs only inside calls the function declaring it makes itself; else why not,
    in words that follow `is captured by a func literal that …`."""
    local = callees.held_local(view, path, literal)
    if local is None:
        return NOT_HELD
    statement, declared = local
    function = owner(statement)
    for use in callees.naming(view, path, declared):
        line = use.start_point.row + 1
        call = use.parent
        if call is None or call.type != "call_expression" or call.child_by_field_name("function") != use:
            return f"is held in {declared.name}, which is used as a value (line {line})"
        later = run_later(call, function)
        if later is not None:
            return f"is held in {declared.name}, which is called in {SHOWN[later.type]} (line {line})"
    return None

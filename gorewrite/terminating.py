"""The Go spec's terminating statement: one after which the statements that follow it in the same block
are never reached by falling through (a `return`, `goto`, `panic(…)`, a block or an if/else ending in one,
a `for` without a condition or range clause that no `break` leaves, a switch with a default or a select
whose every clause ends in one and that no `break` leaves, a labelled one), and a call that never returns
(os.Exit, log.Fatal, log.Panic, runtime.Goexit: by go/types' object). A `for i < n` loop, an `if` without else, a
switch without default may each complete: not terminating.
"""

from __future__ import annotations

from gorewrite.rulekit import FUNCTIONS
from gorewrite.syntax import Node, ancestors, statements, text, walk
from gorewrite.typeinfo import Kind, TypeInfo

BREAKABLE = ("for_statement", "expression_switch_statement", "type_switch_statement", "select_statement")
SWITCHES = ("expression_switch_statement", "type_switch_statement")
CLAUSES = ("expression_case", "type_case", "default_case", "communication_case")
# Calls that never return to their caller: the process exits, or the goroutine does (deferred calls
# run, the statements after the call never do). By go/types' package path, receiver type and name.
NEVER_RETURN = {
    ("os", "", "Exit"),
    ("runtime", "", "Goexit"),
    *(("log", recv, kind + end) for recv in ("", "Logger") for kind in ("Fatal", "Panic") for end in ("", "f", "ln")),
}
IDENTIFIERS = ("identifier", "field_identifier")


def terminating(types: TypeInfo, path: str, stmt: Node, spec: bool = False) -> bool:
    """Is stmt a terminating statement (the spec's list, and a call that never returns unless spec:
    the compiler and go vet know only the spec's list)?"""
    if stmt.type in ("return_statement", "goto_statement"):
        return True
    if stmt.type == "expression_statement" and stmt.named_children[0].type == "call_expression":
        return never_returns(types, path, stmt.named_children[0], spec)
    if stmt.type == "block":
        body = statements(stmt)
        return bool(body) and terminating(types, path, body[-1], spec)
    if stmt.type == "if_statement":
        other = stmt.child_by_field_name("alternative")
        consequence = stmt.child_by_field_name("consequence")
        return (
            other is not None and terminating(types, path, consequence, spec) and terminating(types, path, other, spec)
        )
    if stmt.type == "labeled_statement":
        inner = [c for c in stmt.named_children if c.type != "label_name"]
        return bool(inner) and terminating(types, path, inner[-1], spec)
    if stmt.type == "for_statement":
        clause = stmt.named_children[0] if stmt.named_child_count > 1 else None
        endless = clause is None or (clause.type == "for_clause" and clause.child_by_field_name("condition") is None)
        return endless and not _broken(stmt)
    if stmt.type in (*SWITCHES, "select_statement"):
        clauses = [c for c in stmt.named_children if c.type in CLAUSES]
        if stmt.type in SWITCHES and not any(c.type == "default_case" for c in clauses):
            return False
        return not _broken(stmt) and all(_clause_ends(types, path, c, spec) for c in clauses)
    return False


def jump_target(jump: Node) -> Node | None:
    """The statement an unlabelled break (a loop, switch or select) or continue (a loop) leaves; None
    when there is none inside the function."""
    targets = ("for_statement",) if jump.type == "continue_statement" else BREAKABLE
    found = next((a for a in ancestors(jump) if a.type in targets or a.type in FUNCTIONS), None)
    return found if found is not None and found.type not in FUNCTIONS else None


def never_returns(types: TypeInfo, path: str, call: Node, spec: bool) -> bool:
    """Is the call the builtin panic, or (unless spec) a std function that never returns (NEVER_RETURN)?"""
    function = call.child_by_field_name("function")
    name = function.child_by_field_name("field") if function.type == "selector_expression" else function
    called = types.at(path, name.start_byte) if name is not None and name.type in IDENTIFIERS else None
    if called is not None and called.kind == Kind.BUILTIN:
        return called.name == "panic"
    return not spec and called is not None and (called.pkg, called.recv or "", called.name) in NEVER_RETURN


def _broken(stmt: Node) -> bool:
    """Does a break refer to stmt: an unlabelled one whose target it is, or one naming its label?"""
    label = stmt.parent.child_by_field_name("label") if stmt.parent.type == "labeled_statement" else None
    for jump in walk(stmt, skip=lambda n: n.type == "func_literal"):
        if jump.type != "break_statement":
            continue
        named = jump.named_children[0] if jump.named_child_count else None
        if (named is None and jump_target(jump) == stmt) or (named and label and text(named) == text(label)):
            return True
    return False


def _clause_ends(types: TypeInfo, path: str, clause: Node, spec: bool) -> bool:
    """Does the clause's statement list end in a terminating statement (or a fallthrough)?"""
    body = statements(clause)
    return bool(body) and (body[-1].type == "fallthrough_statement" or terminating(types, path, body[-1], spec))

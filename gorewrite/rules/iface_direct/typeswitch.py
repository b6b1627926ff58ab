"""A type switch on a stored concrete value: the one case that runs, as a block.

`var v any = &lvl; switch x := v.(type) { case fmt.Stringer: … }`: v holds `&lvl`, whose dynamic
type is its static type and never a nil interface, so `case nil` never matches and the spec's
first matching case is decided by that type alone, which go/types answers (matches.py): the first
case whose one type E's type implements (an interface I) or is (a concrete type), else the default.
The switch becomes `{ x := I(E); <that case's body> }` (`x := E` for E's own type; `_ = …` where
the body does not name x, or the switch binds none; nothing for a default). When that body ends the
function, the code after the switch, which only another case or none could reach, goes with it (dead.py).
"""

from __future__ import annotations

from gorewrite.rules.iface_direct.dead import following
from gorewrite.rules.iface_direct.matches import is_nil, takes
from gorewrite.syntax import Node, indentation, items, statements, text, walk
from gorewrite.terminating import terminating
from gorewrite.typeinfo import TypeInfo

# What a `break` in a case body may leave instead of the switch.
BREAKABLE = ("for_statement", "expression_switch_statement", "type_switch_statement", "select_statement")
CASES = ("type_case", "default_case")
# A case's last statement that ends the flow without the spec calling it terminating (an unlabelled break
# leaves the switch itself: chosen() declines it).
JUMPS = ("continue_statement", "break_statement")


def chosen(types: TypeInfo, path: str, switch: Node, value: int | None) -> tuple[Node, Node | None] | str:
    """(the case the switch takes for a stored value of that type, its one type: None for the
    default); or why that case cannot be the block (matches.py decides which case it is)."""
    if switch.child_by_field_name("initializer") is not None:
        return f"the type switch at line {_row(switch)} has an initializer"
    if switch.parent is not None and switch.parent.type == "labeled_statement":
        return f"the type switch at line {_row(switch)} is labelled"
    taken = None
    for clause in switch.named_children:
        if clause.type != "type_case":
            continue
        kinds = [k for k in clause.children_by_field_name("type") if k.is_named]
        answers = [False if is_nil(types, path, k) else takes(types, path, value, k) for k in kinds]
        if None in answers:
            unknown = kinds[answers.index(None)]
            return f"go/types cannot tell whether the case {text(unknown).decode()} (line {_row(clause)}) matches"
        if any(answers):
            if len(kinds) != 1:
                return f"the case it takes (line {_row(clause)}) lists several types: x keeps the switched type"
            taken = (clause, kinds[0])
            break
    if taken is None:
        default = next((c for c in switch.named_children if c.type == "default_case"), None)
        if default is None:
            return f"no case of the type switch at line {_row(switch)} matches the stored value's type"
        if alias_used(switch, default):
            return f"the switch takes its default (line {_row(default)}), whose x keeps the switched type"
        taken = (default, None)
    jump = _break(switch, taken[0])
    if jump is not None:
        return f"the case's body breaks out of the switch (line {_row(jump)})"
    return taken


def end(types: TypeInfo, path: str, switch: Node, clause: Node) -> int | str:
    """Where the switch's replacement ends; or why the case's body cannot stand as a block where the
    switch was: it starts on the `case` line (the block is copied by lines).

    A body ending in a terminating statement (the spec's: what the compiler and go vet know) where
    the switch may complete makes the code after the switch dead: reached only when no case matched
    or another one completed, and the stored value's type takes this one. The statements after it
    go with the switch when dead.py allows (the switch is a statement of the function's own body,
    none after it labelled); otherwise go vet would report them unreachable after the block."""
    body = statements(clause)
    colon = next(c for c in clause.children if c.type == ":")
    if body and body[0].start_point.row == colon.start_point.row:
        return f"the case's body starts on its `case` line (line {_row(clause)}): gofmt it first"
    if body and body[-1].type in JUMPS and not terminating(types, path, switch, spec=True):
        after = _next_statement(switch)
        if after is not None:  # `continue` (or `break L`) leaves the loop body's rest dead after the block
            return (
                f"the case ends in `{text(body[-1]).decode()}` (line {_row(body[-1])}) and the switch does not: go vet"
                f" would report line {_row(after)} after it unreachable"
            )
        return switch.end_byte
    if not body or not terminating(types, path, body[-1], spec=True) or terminating(types, path, switch, spec=True):
        return switch.end_byte
    after = following(switch)
    if after is None:
        return (
            f"the case ends the function (line {_row(body[-1])}) and the switch does not, and the code after "
            "it cannot go (the switch is nested in another statement, or a labelled statement follows it): "
            "go vet would report it unreachable"
        )
    return after[-1].end_byte if after else switch.end_byte


def _next_statement(node: Node) -> Node | None:
    """The statement after node in its block, comments passed over."""
    sibling = node.next_named_sibling
    while sibling is not None and sibling.type == "comment":
        sibling = sibling.next_named_sibling
    return sibling


def dropped(switch: Node, clause: Node, until: int) -> list[tuple[int, int]]:
    """The code the replacement removes that never ran: the cases not taken, and what follows up to until."""
    cases = [(c.start_byte, c.end_byte) for c in switch.named_children if c.type in CASES and c != clause]
    return cases + ([(switch.end_byte, until)] if until > switch.end_byte else [])


def block(source: bytes, switch: Node, clause: Node, declared: bytes) -> bytes:
    """The switch's replacement: `{`, the declaration of x (if any), the case's statements as they
    stand (a case body is indented one level deeper than the switch, as a block's), and `}`."""
    indent = indentation(source, switch.start_byte)
    body = [n for n in clause.named_children if n.type == "statement_list"]
    colon = next(c for c in clause.children if c.type == ":")
    start = source.find(b"\n", colon.end_byte) + 1
    lines = source[start : body[0].end_byte].rstrip() + b"\n" if body and start > 0 else b""
    opening = b"{\n" + (indent + b"\t" + declared + b"\n" if declared else b"")
    return opening + lines + indent + b"}"


def switch_block(source: bytes, switch: Node, clause: Node, conversion: bytes) -> bytes:
    """The block of the case taken, declaring x as the conversion (`_ = I(E)`, which keeps the
    compiler's check that E implements I, where the body does not name x)."""
    alias = switch.child_by_field_name("alias")
    declared = (text(items(alias)[0]) + b" := " if alias_used(switch, clause) else b"_ = ") + conversion
    return block(source, switch, clause, declared)


def alias_used(switch: Node, clause: Node) -> bool:
    """Does the case's body name the switch's x (`switch x := v.(type)`)? An x it declares again
    only makes the rewrite declare one more (rejected by the compiler if unused)."""
    alias = switch.child_by_field_name("alias")
    if alias is None:
        return False
    name = text(items(alias)[0])
    return any(n.type == "identifier" and text(n) == name for n in walk(clause))


def _break(switch: Node, clause: Node) -> Node | None:
    """An unlabelled `break` in the case that leaves the switch (not a loop, switch or select inside it)."""
    for node in walk(clause):
        if node.type != "break_statement" or node.named_child_count:
            continue
        around = node.parent
        while around != switch and around.type not in BREAKABLE + ("func_literal",):
            around = around.parent
        if around == switch:
            return node
    return None


def _row(node: Node) -> int:
    return node.start_point.row + 1

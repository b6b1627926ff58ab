"""The edits that put the direct conversion in place of an assertion: a comma-ok assertion cannot fail
any more, so its ok goes, and with it the code only a failed assertion ran."""

from __future__ import annotations

from gorewrite import builtins
from gorewrite.edits import Edit
from gorewrite.proposals import PackageView
from gorewrite.rules.iface_direct.dead import following
from gorewrite.rules.iface_direct.matches import in_place
from gorewrite.rules.iface_direct.sites import row_of, use_node
from gorewrite.syntax import (
    Node,
    items,
    statements,
    text,
    unparen,
)
from gorewrite.terminating import terminating
from gorewrite.typeinfo import Ident, TypeInfo, Use


def conversion_edits(
    view: PackageView, types: TypeInfo, path: str, assertion: Node, conversion: bytes
) -> list[Edit] | str:
    """The edits that put the conversion in place of the assertion. A comma-ok assertion cannot fail
    any more: `w, _ := c.(I)` becomes `w := I(E)`; `if w, ok := c.(I); ok {` becomes a block
    `{ w := I(E); … }` (same scope for w) and what only a failed assertion ran goes (its else, or
    the statements after a body that returns); `if w, ok := c.(I); ok && X {` (or `!ok || X`) becomes
    `if w := I(E); X {`, its else kept; `w, ok := c.(I)` followed by `if !ok { … }` loses that if. Any
    other use of ok would test a constant, so it declines."""
    names = comma_ok(assertion)
    if names is None:
        return [Edit(path, assertion.start_byte, assertion.end_byte, in_place(assertion, conversion))]
    value, ok = names
    if text(value) == b"_":
        return "the assertion only tests the type (its value is discarded): the test always passes, remove it by hand"
    between = view.sources[path][ok.end_byte : assertion.start_byte]  # ` := `, ` = ` or ` = (`
    if text(ok) == b"_":
        return [Edit(path, value.end_byte, assertion.end_byte, between + conversion)]
    uses = _ok_uses(types, path, ok)
    if isinstance(uses, str):
        return uses
    failed = _failed_check(view, types, path, ok, uses)
    if failed is not None:
        return (
            failed
            if isinstance(failed, str)
            else [Edit(path, value.end_byte, assertion.end_byte, between + conversion), failed]
        )
    statement = _if_on(view, types, path, ok, uses)
    if isinstance(statement, str):
        return statement
    source = view.sources[path]
    guard = _guarding(statement, ok)
    if guard is not None:  # `ok && X`, `!ok || X`: ok is true, so the condition is X, and the if stays
        rest = guard[0].child_by_field_name("right")
        kept = source[assertion.end_byte : guard[0].start_byte]  # `; ` (or `); ` after `= (c.(I)`)
        return [Edit(path, value.end_byte, rest.start_byte, between + conversion + kept)]
    body = statement.child_by_field_name("consequence")
    line = source.rfind(b"\n", 0, statement.start_byte) + 1
    indent = source[line : line + len(source[line:]) - len(source[line:].lstrip(b"\t "))]
    declared = b"{\n" + indent + b"\t" + text(value) + b" := " + conversion
    edits = [Edit(path, statement.start_byte, body.start_byte + 1, declared)]
    dead = _dead_after(types, path, statement)
    if isinstance(dead, str):
        return dead
    if dead > body.end_byte:
        edits.append(Edit(path, body.end_byte, dead, b""))
    return edits


def failed_if(view: PackageView, types: TypeInfo, path: str, assertion: Node) -> Edit | str | None:
    """`if w, ok := c.(I); ok { … }` (or `ok && X`) whose assertion go/types says fails: ok is false, the body
    never runs, so the if goes (its else, a block or an if, stands in its place: it must name neither w nor
    ok, which would then mean another variable or none); None for any other shape."""
    names = comma_ok(assertion)
    if names is None or text(names[1]) == b"_":
        return None
    uses = _ok_uses(types, path, names[1])
    statement = None if isinstance(uses, str) else _if_on(view, types, path, names[1], uses)
    if statement is None or isinstance(statement, str):
        return None
    guard = _guarding(statement, names[1])
    if guard is not None and text(guard[0].child_by_field_name("operator")) == b"||":
        return None  # `!ok || X` is true: the body always ran
    other = statement.child_by_field_name("alternative")
    if other is None:
        lines = whole_lines(view.sources[path], statement)
        if lines is None:
            return f"the if at line {row_of(statement)} does not stand on lines of its own"
        return Edit(path, *lines, b"")
    declared = {types.at(path, n.start_byte).obj for n in names if text(n) != b"_"}
    idents = types.idents.get(path, ())
    named = [i for i in idents if other.start_byte <= i.start < other.end_byte and i.obj in declared]
    if named:
        return f"the else of the if at line {row_of(statement)} names {named[0].name}, which the rewrite removes"
    after = statement.next_named_sibling
    while after is not None and after.type == "comment":
        after = after.next_named_sibling
    if after is not None and _leaves(types, path, other) and not _leaves(types, path, statement):
        return (
            f"the else of the if at line {row_of(statement)} never completes and the if may: standing alone, go vet"
            f" would report line {row_of(after)} after it unreachable"
        )
    return Edit(path, statement.start_byte, other.start_byte, b"")


def _leaves(types: TypeInfo, path: str, node: Node) -> bool:
    """Does the block or if never complete: a terminating statement, or every branch ending in one or in a
    `break` or `continue` (adv34f: an else ending in return, standing alone, left the code after it dead)."""
    if terminating(types, path, node, spec=True):
        return True
    if node.type == "block":
        body = statements(node)
        jumps = ("break_statement", "continue_statement")
        return bool(body) and (body[-1].type in jumps or _leaves(types, path, body[-1]))
    if node.type == "if_statement" and node.child_by_field_name("alternative") is not None:
        then, other = node.child_by_field_name("consequence"), node.child_by_field_name("alternative")
        return _leaves(types, path, then) and _leaves(types, path, other)
    return False


def comma_ok(assertion: Node) -> tuple[Node, Node] | None:
    """The two names a comma-ok assignment `w, ok := c.(I)` (`=`, `var w, ok =`) assigns; else None."""
    node = assertion
    while node.parent.type == "parenthesized_expression":
        node = node.parent
    right = node.parent
    if right.type != "expression_list" or right.named_child_count != 1:
        return None
    holder = right.parent
    if holder.type == "var_spec":
        names = holder.children_by_field_name("name")
    elif holder.type in ("short_var_declaration", "assignment_statement"):
        names = items(holder.child_by_field_name("left"))
    else:
        return None
    return (names[0], names[1]) if len(names) == 2 else None


def _ok_uses(types: TypeInfo, path: str, ok: Node) -> list[Ident] | str:
    """The reads of ok, declared by this comma-ok assignment (not assigned an earlier ok)."""
    decl = types.at(path, ok.start_byte)
    if decl is None or decl.use != Use.DECL:
        return f"{text(ok).decode()} is not declared by the assertion: after the rewrite it would keep an older value"
    return [i for i in types.idents.get(path, ()) if i.obj == decl.obj and i.use != Use.DECL]


def _failed_check(view: PackageView, types: TypeInfo, path: str, ok: Node, uses: list[Ident]) -> Edit | str | None:
    """`w, ok := c.(I)` as a statement, ok read only by a later `if !ok { … }` of its block (no else,
    no initializer): the edit removing that if, whose body only a failed assertion ran; None for
    any other shape (the if-initializer form, or a decline _if_on explains)."""
    declaration = ok.parent.parent if ok.parent.type == "expression_list" else ok.parent.parent  # := or var
    if declaration.type == "var_declaration" and declaration.named_child_count != 1:
        return None
    if declaration.parent is None or declaration.parent.type != "statement_list" or len(uses) != 1:
        return None
    read = use_node(view, path, uses[0])
    condition = read.parent
    statement = condition.parent
    if (
        condition.type != "unary_expression"
        or condition.child(0).type != "!"
        or statement.type != "if_statement"
        or statement.child_by_field_name("condition") != condition
        or statement.child_by_field_name("initializer") is not None
        or statement.child_by_field_name("alternative") is not None
        or statement.parent != declaration.parent
    ):
        return None
    lines = whole_lines(view.sources[path], statement)
    if lines is None:
        return f"the `if !{text(ok).decode()}` at line {row_of(statement)} does not stand on lines of its own"
    return Edit(path, *lines, b"")


def _if_on(view: PackageView, types: TypeInfo, path: str, ok: Node, uses: list[Ident]) -> Node | str:
    """The `if w, ok := c.(I); ok {` that declares ok and reads it nowhere else; else why not."""
    declaration = ok.parent.parent
    statement = declaration.parent
    name = text(ok).decode()
    problem = (
        f"after the rewrite {name} would always be true, and it is used other than as the whole condition "
        f"of `if …, {name} := …; {name} {{` or its first operand (`{name} && …`, `!{name} || …`), "
        f"or in `if !{name} {{` right after it"
    )
    if (
        declaration.type != "short_var_declaration"
        or statement.type != "if_statement"
        or statement.child_by_field_name("initializer") != declaration
    ):
        return problem
    condition = unparen(statement.child_by_field_name("condition"))
    guard = _guarding(statement, ok)
    read = guard[1] if guard is not None else condition
    if read.type != "identifier" or text(read) != text(ok):
        return problem
    if [u.start for u in uses] != [read.start_byte]:
        return f"{problem} (line {view.line(path, uses[-1].start) if uses else row_of(ok)})"
    return statement


def _guarding(statement: Node, ok: Node) -> tuple[Node, Node] | None:
    """The `ok && X` at the left end of the if's condition, or `!ok || X` (each operator grouping to the left:
    `ok && X && Y` is `(ok && X) && Y`), and the ok it reads, when nothing but spaces lies around the operator
    and no parenthesis opens before ok (removing `ok && ` then leaves X, the rest as it was); None for any other
    condition. With ok true, either is X, evaluated exactly when it was; with ok false, X never runs, and
    `ok && X` is false, `!ok || X` true."""
    node = statement.child_by_field_name("condition")
    wanted = None
    while node.type == "binary_expression":
        operator = text(node.child_by_field_name("operator"))
        if operator not in (b"&&", b"||") or wanted not in (None, operator):
            return None
        wanted, left, right = operator, node.child_by_field_name("left"), node.child_by_field_name("right")
        negated = left.type == "unary_expression" and text(left.child_by_field_name("operator")) == b"!"
        read = left.child_by_field_name("operand") if negated else left
        if read.type == "identifier" and text(read) == text(ok) and negated == (operator == b"||"):
            between = text(node)[left.end_byte - node.start_byte : right.start_byte - node.start_byte]
            return (node, read) if between.strip() == operator else None
        node = left
    return None


def _dead_after(types: TypeInfo, path: str, statement: Node) -> int | str:
    """Where the code only a failed assertion reached ends: the if's else, and, when its body surely
    leaves the function (`return`, `panic`, `goto`) and the if is a statement of the function's own
    body, the statements after it (no label among them: a goto could reach it). A body whose last
    statement may complete (not terminating, gorewrite/terminating.py) goes on to them as before; one
    that ends the flow anywhere else would leave code after the block unreachable: why not, then."""
    end = statement.end_byte
    body = statement.child_by_field_name("consequence").named_children
    last = body[-1] if body and body[-1].type == "statement_list" and body[-1].named_children else None
    last = last.named_children[-1] if last is not None else None
    # the spec's terminating statement (a `for i < n` loop or an if without else may complete), or a jump
    jumps = ("break_statement", "continue_statement")
    ends = last is not None and (terminating(types, path, last) or last.type in jumps)
    if not ends:
        return end
    after = following(statement)  # dead.py: of the function's own body, none labelled
    leaves = last.type in ("return_statement", "goto_statement") or _is_panic(types, path, last)
    if after == []:
        return end
    if after is None or not leaves:
        return (
            f"after the rewrite the assertion always succeeds, and the if's body ends in "
            f"`{text(last).decode().splitlines()[0]}`: as a plain block it would leave the code after it unreachable"
        )
    return after[-1].end_byte


def _is_panic(types: TypeInfo, path: str, statement: Node) -> bool:
    """Is the statement a call of the universe's panic (not a function of that name, which may return)?"""
    call = statement.named_children[0] if statement.type == "expression_statement" else None
    return builtins.called(types, path, call) == "panic"


def whole_lines(source: bytes, declaration: Node) -> tuple[int, int] | None:
    """The byte range of the lines a `var c = E` / `c := E` statement occupies alone (a trailing
    `//` comment goes with it), newline included."""
    statement = declaration.parent if declaration.type == "var_spec" else declaration
    if statement.type == "var_declaration" and statement.named_child_count != 1:
        return None
    if statement.parent is None or statement.parent.type != "statement_list":
        return None
    start = source.rfind(b"\n", 0, statement.start_byte) + 1
    end = source.find(b"\n", statement.end_byte)
    rest = source[statement.end_byte : end].strip()
    if source[start : statement.start_byte].strip() or end == -1 or (rest and not rest.startswith(b"//")):
        return None
    return start, end + 1

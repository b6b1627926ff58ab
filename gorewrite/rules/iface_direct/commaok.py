"""The edits that put the direct conversion in place of an assertion: a comma-ok assertion cannot fail
any more, so its ok goes, and with it the code only a failed assertion ran."""

from __future__ import annotations

from gorewrite import builtins
from gorewrite.edits import Edit
from gorewrite.proposals import PackageView
from gorewrite.rulekit import owner
from gorewrite.rules.iface_direct.condition import Folded, fold, merged
from gorewrite.rules.iface_direct.dead import following
from gorewrite.rules.iface_direct.initorder import init_problem
from gorewrite.rules.iface_direct.matches import headed, in_place
from gorewrite.rules.iface_direct.sites import row_of, use_node
from gorewrite.syntax import (
    Node,
    items,
    statements,
    text,
    walk,
)
from gorewrite.terminating import terminating
from gorewrite.typeinfo import Ident, TypeInfo, Use


def conversion_edits(
    view: PackageView, types: TypeInfo, path: str, assertion: Node, conversion: bytes, opened: Node | None = None
) -> list[Edit] | str:
    """The edits that put the conversion in place of the assertion. A comma-ok assertion cannot fail
    any more: `w, _ := c.(I)` becomes `w := I(E)`; `if w, ok := c.(I); ok {` becomes a block
    `{ w := I(E); … }` (same scope for w) and what only a failed assertion ran goes (its else, or
    the statements after a body that returns); `if w, ok := c.(I); ok && X {` (or `!ok || X`) becomes
    `if w := I(E); X {`, its else kept; `w, ok := c.(I)` followed by `if !ok { … }` loses that if. Any
    other use of ok would test a constant, so it declines. `opened`: a block the fix makes a plain block of the
    function's own body (dead.following)."""
    names = comma_ok(assertion)
    if names is None:
        return [Edit(path, assertion.start_byte, assertion.end_byte, in_place(assertion, conversion))]
    value, ok = names
    if text(value) == b"_":
        return "the assertion only tests the type (its value is discarded): the test always passes, remove it by hand"
    between = view.sources[path][ok.end_byte : assertion.start_byte]  # ` := `, ` = ` or ` = (`
    placed = between + headed(assertion, conversion)  # in the if's header, `s := (span{1, 2})`
    if text(ok) == b"_":
        return [Edit(path, value.end_byte, assertion.end_byte, placed)]
    uses = _ok_uses(types, path, ok)
    if isinstance(uses, str):
        return uses
    failed = _failed_check(view, types, path, ok, uses)
    if failed is not None:
        return failed if isinstance(failed, str) else [Edit(path, value.end_byte, assertion.end_byte, placed), *failed]
    statement = _if_on(view, types, path, ok, uses)
    if isinstance(statement, str):
        return statement
    source = view.sources[path]
    condition = statement.child_by_field_name("condition")
    folded = _folded(view, types, path, ok, uses, condition, True)
    if isinstance(folded, str):
        return folded
    if folded.value is False:
        name = text(ok).decode()
        return f"with {name} true the condition at line {row_of(statement)} is false: remove the if by hand"
    if folded.value is None:  # `ok && X`, `X && ok`, `!ok || X`, …: the condition is X, and the if stays
        return _condition_edits(view, path, value, assertion, placed, condition, folded)
    body = statement.child_by_field_name("consequence")
    line = source.rfind(b"\n", 0, statement.start_byte) + 1
    indent = source[line : line + len(source[line:]) - len(source[line:].lstrip(b"\t "))]
    declared = b"{\n" + indent + b"\t" + text(value) + b" := " + conversion
    edits = [Edit(path, statement.start_byte, body.start_byte + 1, declared)]
    dead = _dead_after(types, path, statement, opened)
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
    folded = _folded(view, types, path, names[1], uses, statement.child_by_field_name("condition"), False)
    if isinstance(folded, str) or folded.value is not False:
        return folded if isinstance(folded, str) else None  # `!ok || X` is true: the body always ran
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
    return types.uses(path, decl.obj)


def _failed_check(
    view: PackageView, types: TypeInfo, path: str, ok: Node, uses: list[Ident]
) -> list[Edit] | str | None:
    """`w, ok := c.(I)` as a statement, ok read only in the condition of a later if of its block: that condition
    with ok true (condition.py). Where it is false (`if !ok { … }`, `!ok && X`), the if goes, its body only a
    failed assertion ran (no else, no initializer); where it folds to the rest (`!ok || X`), the rest is the
    condition. None for any other shape (the if-initializer form, or a decline _if_on explains)."""
    declaration = ok.parent.parent if ok.parent.type == "expression_list" else ok.parent.parent  # := or var
    if declaration.type == "var_declaration" and declaration.named_child_count != 1:
        return None
    if declaration.parent is None or declaration.parent.type != "statement_list" or not uses:
        return None
    statement = use_node(view, path, uses[0])
    while statement.parent is not None and statement.type != "if_statement":
        statement = statement.parent
    if statement.parent != declaration.parent:
        return _read_as_value(view, types, path, ok, uses)
    condition = statement.child_by_field_name("condition")
    if any(not condition.start_byte <= u.start < condition.end_byte for u in uses):
        return _read_as_value(view, types, path, ok, uses)
    folded = _folded(view, types, path, ok, uses, condition, True)
    line = row_of(statement)
    if isinstance(folded, str):
        return folded
    if folded.value is None:
        return [Edit(path, start, end, b"") for start, end in merged(folded.removed)]
    if folded.value or statement.child_by_field_name("alternative") or statement.child_by_field_name("initializer"):
        return f"with {text(ok).decode()} true the if at line {line} always runs one branch: rewrite it by hand"
    lines = whole_lines(view.sources[path], statement)
    if lines is None:
        return f"the if at line {line} that tests {text(ok).decode()} does not stand on lines of its own"
    return [Edit(path, *lines, b"")]


def _read_as_value(
    view: PackageView, types: TypeInfo, path: str, ok: Node, uses: list[Ident]
) -> list[Edit] | str | None:
    """`t, ok := c.(I)` as a statement, ok read outside any if's condition (`return ok && t.Timeout()`, `found = ok`):
    declared here and only ever read (go/types), ok is true at each read, so each boolean expression reading it (ok
    under `&&`, `||`, `!` and parentheses) folds as a condition does (condition.py): to the rest, or to the constant
    in its place. None when a read lies in an if's condition (those _failed_check and _if_on judge) or ok is
    written or addressed."""
    if any(u.use != Use.READ for u in uses):
        return None
    roots: dict[int, Node] = {}
    for use in uses:
        node = use_node(view, path, use)
        while _joins(node.parent):
            node = node.parent
        roots[node.start_byte] = node
    if any(r.parent.type == "if_statement" and r.parent.child_by_field_name("condition") == r for r in roots.values()):
        return None
    within = lambda r: any(o.start_byte < r.start_byte and r.end_byte <= o.end_byte for o in roots.values())  # noqa: E731
    edits: list[Edit] = []
    for root in (r for r in roots.values() if not within(r)):  # a func literal's read inside another: that one folds
        reads = [u for u in uses if root.start_byte <= u.start < root.end_byte]
        folded = _folded(view, types, path, ok, reads, root, True)
        if isinstance(folded, str):
            return folded
        if folded.value is None:
            edits += [Edit(path, start, end, b"") for start, end in merged(folded.removed)]
            continue
        problem = _dropped_problem(view, types, path, [(root.start_byte, root.end_byte)])
        constant = builtins.constant(types, (view.tree(p).root_node for p in view.sources), folded.value)
        if problem or isinstance(constant, str):
            return problem or constant
        edits.append(Edit(path, root.start_byte, root.end_byte, constant))
    return sorted(edits, key=lambda e: (e.start, e.end))


def _joins(node: Node) -> bool:
    """Is node one of the parentheses, `!`, `&&` or `||` a condition folds through?"""
    operator = node.child_by_field_name("operator") if node.type in ("unary_expression", "binary_expression") else None
    return node.type == "parenthesized_expression" or (operator is not None and text(operator) in (b"!", b"&&", b"||"))


def _if_on(view: PackageView, types: TypeInfo, path: str, ok: Node, uses: list[Ident]) -> Node | str:
    """The `if w, ok := c.(I); ok {` that declares ok and reads it nowhere else; else why not."""
    declaration = ok.parent.parent
    statement = declaration.parent
    name = text(ok).decode()
    problem = (
        f"after the rewrite {name} would always be true, and it is read outside the condition of the if "
        f"declaring it (`if …, {name} := …; cond {{`) or of a later if of its block"
    )
    if (
        declaration.type != "short_var_declaration"
        or statement.type != "if_statement"
        or statement.child_by_field_name("initializer") != declaration
    ):
        return problem
    condition = statement.child_by_field_name("condition")
    outside = [u for u in uses if not condition.start_byte <= u.start < condition.end_byte]
    if outside or not uses:
        return f"{problem} (line {view.line(path, outside[0].start) if outside else row_of(ok)})"
    return statement


def _folded(
    view: PackageView, types: TypeInfo, path: str, ok: Node, uses: list[Ident], condition: Node, value: bool
) -> Folded | str:
    """The if's condition with ok's value put in (condition.py), or why not."""
    folded = fold(condition, frozenset(u.start for u in uses), value)
    if isinstance(folded, str):
        return folded
    if folded.reads != len(uses):
        return f"{text(ok).decode()} is read in the condition at line {row_of(condition)} where its value is not known"
    if folded.value is False:  # the whole if goes, its body too: what it held never ran
        return folded
    gone = merged(folded.removed) if folded.value is None else [(condition.start_byte, condition.end_byte)]
    return _dropped_problem(view, types, path, gone) or folded


def _dropped_problem(view: PackageView, types: TypeInfo, path: str, gone: list[tuple[int, int]]) -> str | None:
    """Where the if stays or becomes a block, what the fold removes besides ok and its operators is operands that
    never ran (`X` of `ok || X`), yet they may matter (adv45f): a comment there goes unsaid, and what they name may
    order the package's initialization (initorder.py). An if that goes as never run drops its body as well: that
    is the body's question."""
    inside = lambda at: any(start <= at < end for start, end in gone)  # noqa: E731
    around = view.tree(path).root_node.named_descendant_for_byte_range(gone[0][0], gone[-1][1])
    comment = next((n for n in walk(around) if n.type == "comment" and inside(n.start_byte)), None)
    if comment is not None:
        return f"the comment `{text(comment).decode()}` (line {row_of(comment)}) would go with what the fold removes"
    return init_problem(view, types, path, owner(around), gone)


def _condition_edits(
    view: PackageView, path: str, value: Node, assertion: Node, declared: bytes, condition: Node, folded: Folded
) -> list[Edit]:
    """One edit: the conversion in place of the assertion, and the if's condition less what the fold removed
    (only ok and what joined it, or never ran, goes: the summary claims no dropped code for it)."""
    source, at = view.sources[path], assertion.end_byte
    ranges = merged(folded.removed)
    for start, end in ranges:
        declared += source[at:start]
        at = end
    return [Edit(path, value.end_byte, at, declared)]


def _dead_after(types: TypeInfo, path: str, statement: Node, opened: Node | None) -> int | str:
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
    after = following(statement, opened)  # dead.py: of the function's own body, none labelled
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

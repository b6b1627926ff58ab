"""Upper bounds the code proves for an integer expression at a statement, from go/types' constants.

A rule that sizes a buffer needs the largest value a size can have where it is used, for every
input, not a guess. The facts come from the code on every path into the statement, in the same
function:

    if n <= 0 || n > Max { return … }     a guard before it whose body always leaves (return,
                                          panic, break, continue, goto): after it, n <= Max
    if n > Max { …; n = Max }             a clamp (n <= max(Max, the value assigned))
    n = min(n, Max)                       a clamp by the builtin min (also `n := min(…)`)
    if n <= Max && … { <statement> }      a condition the statement is under
    for i := 0; i < Max; i++ { … }        a loop condition (also `for i := range Max`)
    size := 48 / n = Max                  an assignment of a constant (and `n + C` is at most C more)
    if len(p) > Max { p = p[:Max] }       a length clamped by slicing (also `p = p[:min(len(p), Max)]`)
    make([]T, min(n, Max))                the size itself (also `n & 63`, `n % Buckets`)

The limit is any constant expression go/types evaluates (`Max`, `pkg.Limit`, `Max+1`,
`2*Width`, `len(table)`), never a name matched by text. The subject is a local variable or
parameter, `len(s)` of a local slice or string, or arithmetic of those (`len(a)+len(b)`, bounded
by `if len(a)+len(b) > Max { return … }`: the same shape and objects, never the same text). A
fact counts only if nothing can change the subject between it and the statement: no write after
the fact other than its own (a loop's update clause runs before the condition is tested again),
no write in another function (a closure), the address never taken, and no `goto` in the function
when the fact is a statement before the one bounded (a goto could jump past it).
"""

from __future__ import annotations

from dataclasses import dataclass

from gorewrite.proposals import PackageView
from gorewrite.syntax import Node, ancestors, first_of, statements, text, unparen
from gorewrite.typeinfo import Ident, Kind, Use

FUNCTIONS = ("function_declaration", "method_declaration", "func_literal")
EXITS = ("return_statement", "continue_statement", "break_statement", "goto_statement")
# op -> (the bound on the left operand, as an offset from the right, when the comparison is true; when false)
UPPER = {b"<": (-1, None), b"<=": (0, None), b">": (None, 0), b">=": (None, -1)}
FLIPPED = {b"<": b">", b"<=": b">=", b">": b"<", b">=": b"<="}
ARITHMETIC = (b"+", b"-", b"*", b"/", b"%", b"&", b"|", b"^", b"<<", b">>", b"&^")


@dataclass(frozen=True)
class Subject:
    """What is bounded: a variable (`n`), the length of one (`len(s)`), or arithmetic of those and
    constants (`len(a)+len(b)`), compared by shape and go/types objects, never by text."""

    key: tuple
    objs: frozenset[str]

    @property
    def variable(self) -> bool:
        """A plain variable, which an assignment sets to a value (a length: to a slice of one)."""
        return self.key[0] == "var"


@dataclass(frozen=True)
class Fact:
    """`subject <= limit` from `start` on, unless something writes the subject outside `own`."""

    limit: int
    start: int
    own: tuple[tuple[int, int], ...]
    before: bool  # a statement before the bounded one: a goto could jump past it


def upper_bound(view: PackageView, path: str, size: Node, stmt: Node) -> int | None:
    """The least constant the code proves `size <= C` by on every path into stmt (a statement in a
    block holding `size`), or None when it proves none."""
    direct = _limit(view, path, size)
    if direct is not None:
        return direct
    offset = _offset(view, path, size)
    inner = upper_bound(view, path, offset[0], stmt) if offset is not None else None
    if inner is not None:  # `n + C`, C >= 0: past the bound it could only wrap to a negative size
        return inner + offset[1]
    subject = _subject(view, path, size)
    if subject is None:
        return None
    uses = [i for i in view.types.idents.get(path, ()) if i.obj in subject.objs]
    if any(u.use == Use.ADDR for u in uses):
        return None
    function = next((a for a in ancestors(stmt) if a.type in FUNCTIONS), None)
    if function is None:
        return None
    root = view.tree(path).root_node
    writes = [u for u in uses if u.use == Use.WRITE]
    if any(_function(root, u) != function for u in writes):
        return None  # a closure writes it: when it runs is not known here
    jumps = first_of(function, ("goto_statement",), skip=lambda n: n.type == "func_literal") is not None
    limits = [
        fact.limit
        for fact in _facts(view, path, subject, stmt, function)
        if not (fact.before and jumps)
        and not any(u.start >= fact.start and not any(a <= u.start < b for a, b in fact.own) for u in writes)
    ]
    return min(limits, default=None)


def _facts(view: PackageView, path: str, subject: Subject, stmt: Node, function: Node) -> list[Fact]:
    """Every fact on the way from stmt up to its function's body."""
    found = []
    node = stmt
    while node.parent is not None and node != function:
        parent = node.parent
        if parent.type == "statement_list":
            sibling = node.prev_named_sibling
            while sibling is not None:
                fact = _statement_fact(view, path, subject, sibling)
                if fact is not None:
                    found.append(fact)
                sibling = sibling.prev_named_sibling
        elif parent.type == "if_statement" and parent.child_by_field_name("consequence") == node:
            limit = _when_true(view, path, subject, parent.child_by_field_name("condition"))
            if limit is not None:
                found.append(Fact(limit, parent.start_byte, (), before=False))
        elif parent.type == "for_statement" and parent.child_by_field_name("body") == node:
            found += _loop_facts(view, path, subject, parent)
        node = parent
    return found


def _statement_fact(view: PackageView, path: str, subject: Subject, node: Node) -> Fact | None:
    """The bound a statement before the bounded one leaves behind: an exiting guard, a clamp, a min."""
    own = ((node.start_byte, node.end_byte),)
    if node.type in ("assignment_statement", "short_var_declaration"):
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        op = node.child_by_field_name("operator")
        if left.named_child_count != 1 or right.named_child_count != 1 or (op is not None and text(op) != b"="):
            return None
        if not _sets(view, path, left.named_children[0], subject):
            return None
        limit = _assigned_limit(view, path, subject, right.named_children[0])
        return Fact(limit, node.start_byte, own, before=True) if limit is not None else None
    if node.type != "if_statement" or node.child_by_field_name("alternative") is not None:
        return None
    body = statements(node.child_by_field_name("consequence"))
    if not body:
        return None
    condition = node.child_by_field_name("condition")
    if _exits(view, path, body[-1]):
        limit = _when_false(view, path, subject, condition)
        return Fact(limit, node.start_byte, (), before=True) if limit is not None else None
    # A clamp: the body sets the subject once, at its top level, to a bounded value; the statements
    # before it fall through to it or leave for good, and any other write voids the fact.
    clamps = [b for b in body if _assigned(view, path, subject, b) is not None]
    if len(clamps) != 1:
        return None
    limit = _when_false(view, path, subject, condition)
    assigned = _assigned_limit(view, path, subject, _assigned(view, path, subject, clamps[0]))
    if limit is None or assigned is None:
        return None
    return Fact(max(limit, assigned), node.start_byte, ((clamps[0].start_byte, clamps[0].end_byte),), before=True)


def _assigned(view: PackageView, path: str, subject: Subject, node: Node) -> Node | None:
    """The value of `subject = value` (`s = value` for `len(s)`), when the statement is that."""
    if node.type != "assignment_statement" or text(node.child_by_field_name("operator")) != b"=":
        return None
    left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
    if left.named_child_count != 1 or right.named_child_count != 1:
        return None
    return right.named_children[0] if _sets(view, path, left.named_children[0], subject) else None


def _sets(view: PackageView, path: str, target: Node, subject: Subject) -> bool:
    """Does assigning to target set the subject: the variable itself, or the slice or string whose length it is?"""
    found = _subject(view, path, target)
    return found is not None and found.variable and subject.key in (found.key, ("len", found.key[1]))


def _assigned_limit(view: PackageView, path: str, subject: Subject, value: Node) -> int | None:
    """The bound an assigned value gives the subject: the value's own (a variable), or the high index
    of `s[lo:hi]` (a length: `s = s[:Max]` leaves len(s) <= Max, or it panics)."""
    if subject.variable:
        return _limit(view, path, value)
    value = unparen(value)
    high = value.child_by_field_name("end") if value.type == "slice_expression" else None
    return _limit(view, path, high) if high is not None else None


def _loop_facts(view: PackageView, path: str, subject: Subject, loop: Node) -> list[Fact]:
    """`for …; i < C; … { … }` and `for i := range C { … }` bound i in the body."""
    clause = loop.named_children[0] if loop.named_child_count > 1 else None
    if clause is not None and clause.type == "for_clause":
        condition = clause.child_by_field_name("condition")
        limit = _when_true(view, path, subject, condition) if condition is not None else None
        own = tuple(
            (part.start_byte, part.end_byte)
            for part in (clause.child_by_field_name("initializer"), clause.child_by_field_name("update"))
            if part is not None
        )
        return [Fact(limit, loop.start_byte, own, before=False)] if limit is not None else []
    if clause is not None and clause.type == "range_clause" and any(c.type == ":=" for c in clause.children):
        left = clause.child_by_field_name("left")
        count = _value(view, path, clause.child_by_field_name("right"))
        if left.named_child_count == 1 and _is(view, path, left.named_children[0], subject) and count is not None:
            return [Fact(count - 1, loop.start_byte, (), before=False)]
    return []


def _when_false(view: PackageView, path: str, subject: Subject, condition: Node) -> int | None:
    """The least bound on the subject when `a || b || …` is false: each part is false."""
    node = unparen(condition)
    if node.type == "binary_expression" and text(node.child_by_field_name("operator")) == b"||":
        found = [_when_false(view, path, subject, node.child_by_field_name(side)) for side in ("left", "right")]
        return min((f for f in found if f is not None), default=None)
    return _comparison(view, path, subject, node, holds=False)


def _when_true(view: PackageView, path: str, subject: Subject, condition: Node) -> int | None:
    """The least bound on the subject when `a && b && …` is true: each part is true."""
    node = unparen(condition)
    if node.type == "binary_expression" and text(node.child_by_field_name("operator")) == b"&&":
        found = [_when_true(view, path, subject, node.child_by_field_name(side)) for side in ("left", "right")]
        return min((f for f in found if f is not None), default=None)
    return _comparison(view, path, subject, node, holds=True)


def _comparison(view: PackageView, path: str, subject: Subject, node: Node, holds: bool) -> int | None:
    """C (or C-1) for `subject < C`, `subject <= C`, `C > subject`, … when it holds (or does not)."""
    if node.type != "binary_expression":
        return None
    left, op, right = (
        unparen(node.child_by_field_name("left")),
        text(node.child_by_field_name("operator")),
        unparen(node.child_by_field_name("right")),
    )
    if op not in UPPER:
        return None
    if not _is(view, path, left, subject):
        left, right, op = right, left, FLIPPED[op]
    if not _is(view, path, left, subject):
        return None
    limit = _value(view, path, right)
    offset = UPPER[op][0 if holds else 1]
    return limit + offset if limit is not None and offset is not None else None


def _subject(view: PackageView, path: str, size: Node) -> Subject | None:
    """The subject the size is: a local variable, the length of a local slice or string (a map's
    or a channel's length changes without a write), or arithmetic of those and constants."""
    found = _key(view, path, unparen(size))
    return Subject(*found) if found is not None and found[1] else None


def _key(view: PackageView, path: str, node: Node) -> tuple[tuple, frozenset[str]] | None:
    value = _value(view, path, node)
    if value is not None:
        return ("const", value), frozenset()
    if node.type == "binary_expression" and text(node.child_by_field_name("operator")) in ARITHMETIC:
        left, right = (_key(view, path, unparen(node.child_by_field_name(s))) for s in ("left", "right"))
        if left is None or right is None:
            return None
        return ("op", text(node.child_by_field_name("operator")), left[0], right[0]), left[1] | right[1]
    length = node.type == "call_expression"
    if length:
        args = node.child_by_field_name("arguments").named_children
        if not _builtin(view, path, node.child_by_field_name("function"), b"len") or len(args) != 1:
            return None
        node = unparen(args[0])
    if node.type != "identifier":
        return None
    ident = view.types.at(path, node.start_byte)
    if ident is None or ident.obj is None or not ident.local or ident.kind not in (Kind.VAR, Kind.PARAM, Kind.RESULT):
        return None
    if length and not (ident.type is not None and (ident.type.startswith("[]") or ident.type == "string")):
        return None
    return ("len" if length else "var", ident.obj), frozenset([ident.obj])


def _is(view: PackageView, path: str, node: Node, subject: Subject) -> bool:
    """Is the expression the subject itself (the same go/types object, or the length of it)?"""
    found = _subject(view, path, node)
    return found == subject


def _offset(view: PackageView, path: str, node: Node) -> tuple[Node, int] | None:
    """(`n`, C) for `n + C` or `C + n` with a constant C >= 0."""
    node = unparen(node)
    if node.type == "binary_expression" and text(node.child_by_field_name("operator")) == b"+":
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        for term, value in ((left, _value(view, path, right)), (right, _value(view, path, left))):
            if value is not None and value >= 0:
                return term, value
    return None


def _limit(view: PackageView, path: str, node: Node) -> int | None:
    """A bound the expression itself proves, whatever its operands hold: a constant, `min(…)` of
    which some argument is bounded, `x & C` (C >= 0: no bit beyond C's) or `x % C` (C > 0: |x % C| < C)."""
    node = unparen(node)
    value = _value(view, path, node)
    if value is not None:
        return value
    if node.type == "call_expression" and _builtin(view, path, node.child_by_field_name("function"), b"min"):
        limits = [_limit(view, path, arg) for arg in node.child_by_field_name("arguments").named_children]
        return min((v for v in limits if v is not None), default=None)
    if node.type != "binary_expression":
        return None
    op = text(node.child_by_field_name("operator"))
    left, right = (_value(view, path, node.child_by_field_name(side)) for side in ("left", "right"))
    if op == b"&":
        return min((v for v in (left, right) if v is not None and v >= 0), default=None)
    if op == b"%" and right is not None and right > 0:
        return right - 1
    return None


def _exits(view: PackageView, path: str, last: Node) -> bool:
    """Does the statement leave the block for good: return, break, continue, goto, panic(…)?"""
    call = last.named_children[0] if last.type == "expression_statement" and last.named_children else None
    panics = call is not None and call.type == "call_expression"
    return last.type in EXITS or (panics and _builtin(view, path, call.child_by_field_name("function"), b"panic"))


def _builtin(view: PackageView, path: str, function: Node, name: bytes) -> bool:
    """Is the callee Go's builtin of that name (not a local function that shadows it)?"""
    ident = view.types.at(path, function.start_byte) if function.type == "identifier" else None
    return ident is not None and function.text == name and ident.kind == Kind.BUILTIN


def _value(view: PackageView, path: str, node: Node) -> int | None:
    return view.types.value(path, node.start_byte, node.end_byte)


def _function(root: Node, ident: Ident) -> Node | None:
    """The innermost function declaration or literal around an identifier occurrence."""
    node = root.descendant_for_byte_range(ident.start, ident.end)
    return next((a for a in ancestors(node) if a.type in FUNCTIONS), None)

"""What a bound is about (bounds.py): the subject an expression is, matched by shape and go/types
objects, never by text, and the constants go/types evaluates."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from gorewrite import builtins, results
from gorewrite.intervals import Interval
from gorewrite.proposals import PackageView
from gorewrite.syntax import Node, assignments, call_args, text, unparen, walk
from gorewrite.type_bounds import ARITHMETIC, conversion, int_type, narrow, preserves, ranges, unsigned
from gorewrite.typeinfo import Ident, Kind

SHIFTS = (b"<<", b">>")
Within = Callable[[Node], Interval]  # an operand's values where a condition runs


@dataclass(frozen=True)
class Subject:
    """What is bounded: a variable (`n`), a field of a local struct value (`h.Len`), the length of a
    variable or of such a field (`len(s)`, `len(h.Name)`), or arithmetic of those and constants
    (`len(a)+len(b)`), compared by shape and go/types objects, never by text. objs: the variables whose
    writes and addresses void a bound."""

    key: tuple
    objs: frozenset[str]

    @property
    def shared(self) -> bool:
        """Is a field through a pointer part of it (`hp.n`, `len(hp.buf)`), or a map's length (`len(m)`)? Other
        aliases reach that storage (a map value is a reference), so a fact on it holds only where nothing
        between can write memory (quiet.py)."""
        return "pfield" in repr(self.key) or "'map'" in repr(self.key)

    @property
    def variable(self) -> bool:
        """A plain variable or a field of one, which an assignment sets to a value (a length: to a
        slice of one)."""
        return self.key[0] in ("var", "field")


def subject_of(view: PackageView, path: str, size: Node, shared: bool = False) -> Subject | None:
    """The subject the size is: a local variable, a field of a local struct value, the length of a
    local slice or string (a map's or a channel's length changes without a write), or arithmetic of
    those and constants. A conversion that keeps every value (`int(count)` of a uint16) is its operand.
    With shared, also a field through a local pointer (`hp.n`, `len(hp.buf)`): a Subject.shared, whose
    facts only bounds.py, which asks quiet.py, may use."""
    found = _key(view, path, unparen(size), shared)
    return Subject(*found) if found is not None and found[1] else None


def _key(view: PackageView, path: str, node: Node, shared: bool = False) -> tuple[tuple, frozenset[str]] | None:
    value = value_of(view, path, node)
    if value is not None:
        return ("const", value), frozenset()
    if node.type == "binary_expression" and text(node.child_by_field_name("operator")) in ARITHMETIC + SHIFTS:
        # the type the operation is done in is part of it: uint8 `hdr+4` wraps where int `int(hdr)+4` does not
        kind = int_type(view, path, node)
        left, right = (_key(view, path, unparen(node.child_by_field_name(s)), shared) for s in ("left", "right"))
        if kind is None or left is None or right is None:
            return None
        return ("op", text(node.child_by_field_name("operator")), kind, left[0], right[0]), left[1] | right[1]
    converted = conversion(view, path, node)
    if converted is not None:
        inner = unparen(converted[1])
        return _key(view, path, inner, shared) if preserves(int_type(view, path, inner), converted[0]) else None
    if node.type != "call_expression":
        return _variable(view, path, node, False, shared)
    args = call_args(node)
    if not builtin(view, path, node.child_by_field_name("function"), "len") or len(args) != 1:
        return None
    return _variable(view, path, unparen(args[0]), True, shared)


def key_of(view: PackageView, path: str, node: Node) -> tuple | None:
    """What the expression is as a subject's key (a constant's too: `("const", 4)`), fields through pointers
    included: two expressions with one key read the same variables, fields and lengths the same way."""
    found = _key(view, path, unparen(node), True)
    return found[0] if found is not None else None


def length_of(view: PackageView, path: str, operand: Node, shared: bool = False) -> Subject | None:
    """The subject len(operand) is: the length of a local slice or string variable, or None."""
    found = _variable(view, path, unparen(operand), True, shared)
    return Subject(*found) if found is not None else None


def _variable(
    view: PackageView, path: str, node: Node, length: bool, shared: bool = False
) -> tuple[tuple, frozenset[str]] | None:
    """The key of a local variable, a field of a local struct value, or (length) the length of a local slice or
    string, or of such a field of a local struct value (`len(h.Name)`: h's storage holds it, as for `h.Len`);
    with shared, also of a field through a local pointer (`hp.Len`: hp's object and the name say which) and
    the length of a local map."""
    held, kind = struct_of_field(view, path, node), "field"
    if held is None and shared:
        held, kind = _through_pointer(view, path, node), "pfield"
    if held is not None:  # one selector on one variable denotes one field: h's object and the name say which
        key = (kind, held.obj, text(node.child_by_field_name("field")))
        if not length:
            return key, frozenset([held.obj])
        field = view.types.at(path, node.child_by_field_name("field").start_byte)
        return (("len", key), frozenset([held.obj])) if field.shape in ("slice", "string") else None
    if node.type != "identifier":
        return None
    ident = view.types.at(path, node.start_byte)
    if ident is None or ident.obj is None or not ident.local or ident.kind not in (Kind.VAR, Kind.PARAM, Kind.RESULT):
        return None
    if length and ident.shape == "map" and shared:  # `m[k] = v`, delete and clear through any alias change it
        return ("len", ("map", ident.obj)), frozenset([ident.obj])
    if length and ident.shape not in ("slice", "string"):
        return None
    return ("len" if length else "var", ident.obj), frozenset([ident.obj])


def literal_field(view: PackageView, path: str, target: Node, value: Node, subject: Subject) -> Node | None:
    """The value a keyed struct literal assigned to a local struct variable gives the subject, a field of that
    variable (`opts := Options{Chunk: 32}`: 32 for opts.Chunk), or None: another variable, a positional literal, or
    a literal that does not name the field (a promoted field is never a key: the embedded struct's literal is)."""
    literal = unparen(value)
    if subject.key[0] != "field" or literal.type != "composite_literal":
        return None
    found = _variable(view, path, unparen(target), False)
    body = literal.child_by_field_name("body")
    if found is None or found[0] != ("var", subject.key[1]) or body is None:
        return None
    for element in (e for e in body.named_children if e.type == "keyed_element" and e.named_child_count == 2):
        key, given = (e.named_children[0] if e.named_child_count == 1 else e for e in element.named_children)
        if key.type == "identifier" and text(key) == subject.key[2]:
            return given
    return None


def struct_of_field(view: PackageView, path: str, node: Node) -> Ident | None:
    """The local struct value h (a variable or parameter, not a pointer) of which the selector `h.f`
    is a field in h's own storage, or None. Then only a write to h or to any of its fields, or h's
    address taken (`&h`, `&h.f`, a pointer method `h.grow()`), can change h.f: uses of h's object. A
    field through a pointer (`hp.f`, or promoted through an embedded `*inner`) other aliases write."""
    held, field = _selected(view, path, node)
    own = held is not None and held.shape == "struct" and field is not None and not field.indirect
    return held if own else None


def _through_pointer(view: PackageView, path: str, node: Node) -> Ident | None:
    """The local variable hp of which the selector `hp.f` is a field reached through a pointer (hp's own
    pointer, or an embedded one: go/types' indirect selection), or None."""
    held, field = _selected(view, path, node)
    return held if held is not None and field is not None and field.indirect else None


def _selected(view: PackageView, path: str, node: Node) -> tuple[Ident | None, Ident | None]:
    """(h, f) of a selector `h.f` of a local variable h and a field f, else (None, None)."""
    if node.type != "selector_expression" or node.child_by_field_name("operand").type != "identifier":
        return None, None
    held = view.types.at(path, node.child_by_field_name("operand").start_byte)
    field = view.types.at(path, node.child_by_field_name("field").start_byte)
    if held is None or held.obj is None or not held.local or held.kind not in (Kind.VAR, Kind.PARAM, Kind.RESULT):
        return None, None
    return (held, field) if field is not None and field.kind == Kind.FIELD else (None, None)


def compared(view: PackageView, path: str, node: Node, subject: Subject, upper: bool, within: Within) -> bool:
    """Is the expression a condition compares the subject, for this side? The subject itself, a conversion
    that keeps its every value (`Bytes(n)` of an int, subject_of), or one that keeps the values it has
    where the condition runs (within: its interval there; `int8(n)` of an n proven in 0..100). For an upper
    bound also `uint(n)` of it: a conversion to an unsigned type at least as wide keeps every n >= 0 and
    makes a negative n huge, so `uint(n) <= C` leaves n <= C either way (Go's one-comparison range check,
    `if uint(i) >= uint(len(s))`). A narrowing one (uint8(n), int32(n) of an int64) that may wrap: none."""
    if subject_of(view, path, node, subject.shared) == subject:
        return True
    converted = conversion(view, path, node)
    if converted is None or subject_of(view, path, converted[1], subject.shared) != subject:
        return False
    source, target = int_type(view, path, converted[1]), converted[0]
    if source is None:
        return False
    if upper and unsigned(target) and _not_narrower(source, target):
        return True
    values = within(converted[1])
    least, most = narrow(target)
    return values.lo is not None and values.hi is not None and least <= values.lo and values.hi <= most


def range_checked(view: PackageView, path: str, node: Node, subject: Subject) -> int | None:
    """The largest C for which `T(n) <= C` leaves n >= 0, where the expression converts the subject n of a signed type
    to an unsigned T (Go's one-comparison range check, `uint(n) > Max` false: n in 0..Max): a negative n converts to
    n + 2^w of T's w bits where T is at least as wide (`uint(-1)` is T's largest value), so to at least T's largest
    plus n's least plus 1 on each GOARCH; one narrower keeps n's low bits (`uint8(-250)` is 6), and its C is below 0:
    no `uint8(n) <= C` proves anything. An unsigned n is never negative anyway."""
    converted = conversion(view, path, node)
    if converted is None or subject_of(view, path, converted[1], subject.shared) != subject:
        return None
    source, target = int_type(view, path, converted[1]), converted[0]
    if source is None or not unsigned(target):
        return None
    return min(t[1] + s[0] for s, t in zip(ranges(source), ranges(target), strict=True))


def below_negatives(view: PackageView, path: str, node: Node, limit: Node, least: Callable[[Node], int | None]) -> bool:
    """Does `T(n) < T(z)` (or <=) leave n >= 0, for a range check node `T(n)` of the subject (range_checked: T unsigned)
    and the limit `T(z)`: z at least 0 (`least`: its lower bound) of a signed type whose largest is below what any
    negative n converts to, T's largest plus n's type's least plus 1, on each GOARCH (`uint(i) >= uint(len(s))`, Go's
    bounds check: true for every negative i)? A wider z may convert to anything (`uint8(len(s))` of 271 is 15)."""
    target, n = conversion(view, path, node)
    limited = conversion(view, path, limit)
    source = int_type(view, path, n)
    kind = int_type(view, path, limited[1]) if limited is not None else None  # T(15): untyped, no type
    if kind is None:
        return False
    above = all(t[1] + s[0] >= z[1] for s, z, t in zip(ranges(source), ranges(kind), ranges(target), strict=True))
    low = least(limited[1])
    return above and low is not None and low >= 0


def differenced(view: PackageView, path: str, subject: Subject, minuend: Node, subtrahend: Node) -> bool:
    """Is the subject `a - b` of these operands, by shape and go/types objects (`len(x) - pos` for len(x) and pos),
    in whatever integer type it is done?"""
    key = subject.key
    a, b = (_key(view, path, unparen(n), subject.shared) for n in (minuend, subtrahend))
    return key[0] == "op" and key[1] == b"-" and a is not None and b is not None and key[3:] == (a[0], b[0])


def _not_narrower(source: str, target: str) -> bool:
    """Does target hold source's largest value on every GOARCH (int and uint share its word)?"""
    return all(s[1] <= t[1] for s, t in zip(ranges(source), ranges(target), strict=True))


def clamps(view: PackageView, path: str, subject: Subject, node: Node) -> bool:
    """Is the statement `n = min(n, …)` of the subject (a variable): it never raises n, whatever the rest is."""
    found = assignments(node) if node.type == "assignment_statement" else []
    call = unparen(found[0][1]) if found else None
    if call is None or call.type != "call_expression":
        return False
    same = lambda n: subject_of(view, path, n) == subject  # noqa: E731
    smaller = builtin(view, path, call.child_by_field_name("function"), "min")
    return smaller and subject.variable and same(found[0][0]) and any(same(a) for a in call_args(call))


def builtin(view: PackageView, path: str, function: Node, name: str) -> bool:
    """Is the callee Go's builtin of that name (not a local function that shadows it)?"""
    return builtins.called(view.types, path, function.parent) == name


def value_of(view: PackageView, path: str, node: Node) -> int | None:
    """The integer constant go/types evaluates the expression to, or None."""
    return view.types.value(path, node.start_byte, node.end_byte)


def resliced_length(
    view: PackageView, path: str, node: Node, copied: Callable[[Node], Subject | None] = lambda _: None
) -> int | None:
    """K for a slicing whose high index is its low one plus a constant K >= 0, by shape and go/types
    objects: `x[len(x)-K:]` (the last K of a local slice or string; also `x[n-K:]` of an n that `copied`
    says equals len(x) where the slicing reads it, copies.copy_of) and `x[i:i+K]`. Its length is
    exactly K, or it panics: a low index below 0 or above the high one does, and `i+K` that wraps
    is below i or negative."""
    node = unparen(node)
    if node.type != "slice_expression":
        return None
    start, end = node.child_by_field_name("start"), node.child_by_field_name("end")
    operand = _key(view, path, unparen(node.child_by_field_name("operand")))
    low = _key(view, path, unparen(start)) if start is not None else None
    if end is not None:
        high = _key(view, path, unparen(end))
    elif operand is not None and operand[0][0] == "var":
        high = (("len", operand[0][1]), operand[1])
    else:
        return None
    if low is None or high is None:
        return None
    low, high = low[0], high[0]
    first = unparen(unparen(start).child_by_field_name("left") or start)
    same = low[0] == "op" and (low[3] == high or getattr(copied(first), "key", None) == high)
    if same and low[1] == b"-" and low[4][0] == "const":  # high - K
        k = low[4][1]
    elif high[0] == "op" and high[1] == b"+" and low in (high[3], high[4]):  # low + K, K + low
        other = high[4] if high[3] == low else high[3]
        k = other[1] if other[0] == "const" else None
    else:
        return None
    return k if k is not None and k >= 0 else None


def window_width(view: PackageView, path: str, node: Node) -> Node | None:
    """w of a slicing `x[i:i+w]` (or `x[i:w+i]`) by shape and go/types objects, whatever w is: it has exactly w
    elements or panics. High and low are of one integer type of N bits; where the slicing does not panic, 0 <= i <=
    i+w as computed, so (i+w) - i is from 0 to the type's largest and congruent to w modulo 2^N, as w is within the
    type: they are equal (a negative w, or an i+w that wraps, leaves the high index below i, or i below 0). i is read
    twice with no call or receive between (its key and w's hold variables, lengths, constants and arithmetic; the
    operand calls and receives nothing either: Go orders those, not the reads of i around them)."""
    node = unparen(node)
    start, end = (node.child_by_field_name(f) for f in ("start", "end"))
    if node.type != "slice_expression" or start is None or end is None:
        return None
    end = unparen(end)
    if end.type != "binary_expression" or text(end.child_by_field_name("operator")) != b"+":
        return None
    if any(n.type == "call_expression" or _received(n) for n in walk(node.child_by_field_name("operand"))):
        return None
    low = _key(view, path, unparen(start))
    left, right = (unparen(end.child_by_field_name(f)) for f in ("left", "right"))
    for mine, other in ((left, right), (right, left)):
        key = _key(view, path, mine)
        if low is not None and key is not None and key[0] == low[0] and _key(view, path, other) is not None:
            return other
    return None


def _received(node: Node) -> bool:
    return node.type == "unary_expression" and text(node.child_by_field_name("operator")) == b"<-"


def assigned_value(view: PackageView, path: str, subject: Subject, node: Node) -> Node | None:
    """The value a statement sets the subject to (`s = value` for `len(s)`), when it is one of its assignments, or
    the field's value in a keyed struct literal assigned to the subject's variable (literal_field)."""
    pairs = assignments(node)
    found = next((value for name, value in pairs if sets(view, path, name, subject)), None)
    found = found or results.call_of(node, lambda n: sets(view, path, n, subject))  # `n, err := f()`, `k, _, _ := Cut`
    return found or next(filter(None, (literal_field(view, path, n, v, subject) for n, v in pairs)), None)


def sets(view: PackageView, path: str, target: Node, subject: Subject) -> bool:
    """Does assigning to target set the subject: the variable (or field) itself, or the slice or string whose length
    it is?"""
    found = subject_of(view, path, target)
    lengths = (("len", found.key[1]), ("len", found.key)) if found is not None else ()
    return found is not None and found.variable and subject.key in (found.key, *lengths)

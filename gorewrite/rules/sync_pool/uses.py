"""Every use of a pooled variable: whether it keeps the object inside the call (and before the pool's
Put), through retention.py for the calls it reaches, or the reason to decline."""

from __future__ import annotations

from gorewrite import builtins, callees, local_literals, retention
from gorewrite.proposals import PackageView
from gorewrite.rules.sync_pool import appends, blind, spare
from gorewrite.rules.sync_pool.sites import OK_BUILTINS, REUSABLE, SAME_METHODS, Site, own_function
from gorewrite.syntax import Node, ancestors, held, items, text, unparen_type
from gorewrite.typeinfo import Kind

# Local aliases of a buffer (`line := buf[:n]`, `word := line[i:j]`) followed per site, beyond which it is declined.
MAX_ALIASES = 4


def check(
    view: PackageView, site: Site, node: Node, objs: set[str], relies: set[str], stale: list[str] | None, is_slice: bool
) -> str | None:
    """Why this use of the variable lets the object outlive the call (or the pool's Put), or None."""
    enclosing = []
    own = own_function(site.statement)
    for ancestor in ancestors(node):
        if ancestor == own:
            break
        enclosing.append(ancestor)
    if any(a.type == "go_statement" for a in enclosing):
        return "is used in a go statement: the goroutine may outlive the call"
    for ancestor in enclosing:
        if ancestor.type == "func_literal":
            problem = _literal(view, ancestor, relies)
            if problem:
                return problem
        if ancestor.type == "defer_statement":
            return "is used in a defer statement, which runs around the pool's Put"
    return _consumer(view, site, node, objs, relies, stale, is_slice)


def _literal(view: PackageView, literal: Node, relies: set[str]) -> str | None:
    """None when a func literal that captures the variable runs only within the call it is handed to, before
    the deferred Put: it is that call's argument (`r.Attrs(func(a slog.Attr) bool { … })`, nowhere else to
    be called from) and the callee keeps nothing of it, by retention (`f does not escape`); or it is held in
    a local the function only calls (local_literals.py: `emit := func(s string) { buf.WriteString(s) }`); or it
    is called where it is made (`id := func() uint32 { … }()`, not by `go` or `defer`): it runs there, once, and
    is no value anything can call again."""
    expr, parent = held(literal)
    at_once = parent.type == "call_expression" and parent.child_by_field_name("function") == expr
    if at_once and parent.parent.type not in ("go_statement", "defer_statement"):
        return None
    call = parent.parent
    if parent.type != "argument_list" or call is None or call.type != "call_expression":
        local = local_literals.called_in_place(view, callees.file_of(view, literal), literal)
        return f"is captured by a func literal that {local}: it may run after the pool's Put" if local else None
    kept = retention.kept(view, call, items(parent).index(expr), contents=True, relies=relies)
    return f"is captured by a func literal that {kept}: it may run after the pool's Put" if kept else None


def assigned_back(view: PackageView, site: Site, call: Node, objs: set[str]) -> int:
    """How many results of the call `v = call` (or `v, err = call`, or `v, err := call` naming the same v)
    assigns, v its first, the variable or a local alias of it followed so far (`buf = appendField(buf, k,
    v)`): its first result then is v, whose every use is judged; 0 when it is no such statement."""
    expr, holder = held(call)
    statement = holder.parent
    if holder.type != "expression_list" or statement is None:
        return 0
    if statement.type not in ("assignment_statement", "short_var_declaration"):
        return 0
    left = statement.child_by_field_name("left")
    operator = statement.child_by_field_name("operator")  # `:=` is no field of a short_var_declaration
    if statement.child_by_field_name("right") != holder or (operator is not None and text(operator) != b"="):
        return 0
    assigned = len(items(left)) if len(items(holder)) == 1 and is_obj(view, site, items(left)[0], objs) else 0
    return assigned if statement.type == "assignment_statement" or assigned > 1 else 0


def _consumer(
    view: PackageView, site: Site, expr: Node, objs: set[str], relies: set[str], stale: list[str] | None, is_slice: bool
) -> str | None:
    """How the value of `expr` (the object, or a slice of it) is used; None when that keeps it inside the call."""
    parent = expr.parent
    while parent is not None and parent.type == "parenthesized_expression":
        expr, parent = parent, parent.parent
    if parent is None:
        return "is used where gorewrite cannot follow it"
    kind = parent.type
    if kind == "index_expression" and parent.child_by_field_name("operand") == expr:
        return _element(view, site, parent, objs, relies)
    if kind == "selector_expression" and parent.child_by_field_name("operand") == expr:
        return _selected(view, site, parent, objs, relies)
    if kind == "slice_expression" and parent.child_by_field_name("operand") == expr:
        end, capacity = parent.child_by_field_name("end"), parent.child_by_field_name("capacity")
        if stale is not None and (capacity is not None or (end is not None and text(end) != b"0")):
            stale.append("is resliced, maybe past its length")
        if not is_slice:
            return "is sliced: the slice would alias the pooled object"
        return _consumer(view, site, parent, objs, relies, stale, is_slice)
    if kind == "unary_expression":
        operator = text(parent.child_by_field_name("operator"))
        if operator == b"&":
            return "has its address taken: the pointer may outlive the call"
        if operator == b"*":
            if site.reuse:
                return f"is dereferenced: a copy of a {site.reuse} shares the storage the pool reuses"
            return _element(view, site, parent, objs, relies)  # *p is the object's storage, like p.f
        return None
    if kind in ("binary_expression", "range_clause", "expression_switch_statement", "if_statement"):
        if kind == "range_clause" and parent.child_by_field_name("right") != expr:
            return "is assigned by a range clause"
        return None
    if kind in ("argument_list", "variadic_argument"):
        return _argument(view, site, expr, parent, objs, relies, stale, is_slice)
    if kind == "type_conversion_expression" and parent.child_by_field_name("operand") == expr:
        return _converted(view, site, parent, objs, relies, stale, is_slice)
    if kind == "expression_list":
        owner = parent.parent
        if owner is None:
            return "is used where gorewrite cannot follow it"
        if owner.type == "return_statement":
            return "is returned: it outlives the call"
        if owner.type in ("assignment_statement", "short_var_declaration", "var_spec"):
            left = owner.child_by_field_name("left")
            if parent == left:
                return None  # `buf, err := f(buf)` of the same object assigns it, as `=` does
            targets = owner.children_by_field_name("name") if left is None else items(left)
            index = items(parent).index(expr)
            target = targets[index] if len(targets) == len(items(parent)) else None
            if target is not None and is_obj(view, site, target, objs):
                return None  # buf = buf[:0]
            alias = _alias(view, site, target) if is_slice else None
            if alias is not None:
                return _follow(view, site, alias, target, objs, relies, stale)
            shown = text(target if target is not None else left or owner).decode()
            return _stored(view, site, target, shown)
        return f"is used in a {owner.type.replace('_', ' ')}"
    if kind in ("literal_element", "keyed_element", "literal_value"):
        return "is stored in a composite literal"
    if kind == "send_statement":
        return "is sent on a channel: the receiver may keep it"
    if kind == "inc_statement" or kind == "dec_statement":
        return None
    return f"is used in a {kind.replace('_', ' ')}"


def _converted(
    view: PackageView, site: Site, conversion: Node, objs: set[str], relies: set[str], stale: list[str] | None, is_slice
) -> str | None:
    """`(*[512]byte)(buf)` and `[]byte(buf)` give the buffer's own storage, within its length (the first panics
    on a shorter slice): followed as a slice of it is. `[512]byte(buf)` copies it."""
    kind = unparen_type(conversion.child_by_field_name("type"))
    pointee = unparen_type(kind.named_children[0]) if kind.type == "pointer_type" and kind.named_children else None
    if is_slice and kind.type == "array_type":
        return None
    if is_slice and (kind.type == "slice_type" or (pointee is not None and pointee.type == "array_type")):
        return _consumer(view, site, conversion, objs, relies, stale, is_slice)
    return f"is converted by `{text(conversion).decode()}`, which gorewrite does not follow"


def _stored(view: PackageView, site: Site, target: Node | None, shown: str) -> str:
    """Why an assignment of the object to `target` is declined, in the words of where it goes."""
    if target is None:
        return f"is assigned to {shown}"
    if target.type == "selector_expression":
        return f"is stored in the field {shown}: it outlives the call"
    if target.type == "index_expression":
        operand = target.child_by_field_name("operand")
        ident = view.types.at(site.path, operand.start_byte) if operand.type == "identifier" else None
        if ident is not None and ident.type and ident.type.startswith("map["):
            return f"is stored in the map {text(operand).decode()}: it outlives the call"
        return f"is stored in an element of {text(operand).decode()}: it outlives the call"
    ident = view.types.at(site.path, target.start_byte) if target.type == "identifier" else None
    if ident is not None and not ident.local:
        return f"is stored in the package-level {shown}: it outlives the call"
    return f"is assigned to {shown}: the alias may be used after the pool's Put"


def is_obj(view: PackageView, site: Site, node: Node, objs: set[str]) -> bool:
    """Is node the variable, or one of the local aliases of it followed so far (go/types identity)?"""
    if node.type != "identifier":
        return False
    ident = view.types.at(site.path, node.start_byte)
    return ident is not None and ident.obj in objs


def _alias(view: PackageView, site: Site, target: Node | None) -> str | None:
    """The go/types object of the local variable an assignment of a slice of the buffer goes to, when its
    every use can be followed as the buffer's own are: a variable (not a parameter, nor a named result,
    which a bare return hands out) declared in the function that holds the site (a variable of an
    enclosing function outlives a func literal's call). None for any other target."""
    ident = view.types.at(site.path, target.start_byte) if target is not None and target.type == "identifier" else None
    if ident is None or ident.obj is None or ident.kind != Kind.VAR or not ident.local:
        return None
    path, _, offset = ident.obj.rpartition(":")
    own = own_function(site.statement)
    return ident.obj if path == site.path and own.start_byte <= int(offset) < own.end_byte else None


def _follow(
    view: PackageView, site: Site, alias: str, target: Node, objs: set[str], relies: set[str], stale: list[str] | None
) -> str | None:
    """None when every use of the local alias (`line := buf[:n]`) keeps the buffer inside the call, as
    the buffer's own uses must: a local dies with the frame, before the deferred Put, unless a use hands
    it on. Its uses join the buffer's (objs), so an alias of the alias is followed the same way, up to
    MAX_ALIASES; one already followed (or being followed: `a = b; b = a`) is decided by its own uses."""
    if alias in objs:
        return None
    if len(objs) > MAX_ALIASES:
        return f"is assigned to {text(target).decode()}: gorewrite follows at most {MAX_ALIASES} local aliases"
    objs.add(alias)
    declared = int(alias.rpartition(":")[2])
    for ident in view.types.idents.get(site.path, ()):
        if ident.obj != alias or ident.start == declared:
            continue
        node = view.tree(site.path).root_node.descendant_for_byte_range(ident.start, ident.end)
        problem = check(view, site, node, objs, relies, stale, True)
        if problem:
            return f"is assigned to {ident.name}, which on line {node.start_point.row + 1} {problem}"
    return None


def _element(view: PackageView, site: Site, index: Node, objs: set[str], relies: set[str]) -> str | None:
    """An element or field read or written: a copy, unless its address is taken, a method is called
    on it, or it is an array that is sliced and the slice goes further than a call gorewrite can see into."""
    parent = index.parent
    while parent is not None and parent.type in ("parenthesized_expression", "selector_expression", "index_expression"):
        if parent.type == "selector_expression":
            selected = view.types.at(site.path, parent.child_by_field_name("field").start_byte)
            if selected is None or selected.kind != Kind.FIELD:
                return "has a method of a part of it used, whose receiver may be that part's address"
        elif parent.type == "index_expression" and parent.child_by_field_name("operand") != index:
            break  # the part is an index of something else: a copy
        index, parent = parent, parent.parent
    if (
        parent is not None
        and parent.type == "unary_expression"
        and text(parent.child_by_field_name("operator")) == b"&"
    ):
        return "has an element's address taken: the pointer may outlive the call"
    if parent is not None and parent.type == "slice_expression" and parent.child_by_field_name("operand") == index:
        return _consumer(view, site, parent, objs, relies, None, True)
    return None


def _selected(view: PackageView, site: Site, selector: Node, objs: set[str], relies: set[str]) -> str | None:
    """`p.f` and `p.M(…)`: a field is read or written in place unless its address escapes; a method needs
    the compiler to say its receiver does not leak."""
    field = selector.child_by_field_name("field")
    ident = view.types.at(site.path, field.start_byte)
    if ident is not None and ident.kind == Kind.METHOD:
        parent = selector.parent
        if parent is None or parent.type != "call_expression" or parent.child_by_field_name("function") != selector:
            return f"has its method value {text(field).decode()} taken: it holds the object"
        if site.reuse and text(field).decode() in REUSABLE[site.reuse][1]:
            return (
                f"calls {text(field).decode()}, which sees the capacity a pooled {site.reuse} keeps from earlier calls"
            )
        if site.stands_for:  # the Buffer's method of the same name runs: its verdict decides
            if text(field).decode() not in SAME_METHODS:
                return f"calls {text(field).decode()}, which a bytes.Buffer standing for the {site.stands_for} lacks"
            if alike := blind.same_call(view, site.path, parent, text(field).decode()):
                return alike
            return retention.method_kept(view, ("bytes", "Buffer"), text(field).decode(), relies)
        kept = retention.kept(view, parent, retention.RECEIVER, contents=site.reuse is not None, relies=relies)
        if kept or not site.reuse or not spare.returns_storage(view, (ident.pkg, ident.recv, ident.name)):
            return kept
        sees = spare.storage_use(view, site.path, parent)  # Bytes(), Next(n): the storage, with its capacity
        return f"gives its storage through {text(field).decode()}, which {sees}" if sees else None
    if ident is None or ident.kind != Kind.FIELD:
        return f"has {text(field).decode()} selected, which go/types does not describe"
    return _element(view, site, selector, objs, relies)


def _argument(
    view: PackageView,
    site: Site,
    expr: Node,
    parent: Node,
    objs: set[str],
    relies: set[str],
    stale: list[str] | None,
    is_slice: bool,
) -> str | None:
    """The object (or a slice of it) passed to a call."""
    spread = parent.type == "variadic_argument"
    args = parent.parent if spread else parent
    call = args.parent
    if call is None or call.type != "call_expression":
        return "is used where gorewrite cannot follow it"
    function = call.child_by_field_name("function")
    position = items(args).index(parent if spread else expr)
    name = text(function)
    universe = builtins.called(view.types, site.path, call)  # never a declaration of that name (adv41a)
    if universe in OK_BUILTINS or universe == "string":
        return None  # string(buf) copies
    if universe == "append":
        if position > 0:
            return None if spread else "is appended as an element: the slice holds it"
        return _consumer(view, site, call, objs, relies, stale, is_slice)  # append(buf, …) aliases buf
    if universe is not None and universe not in builtins.TYPES:
        return f"is passed to {universe}"
    if stale is not None:
        stale.append(f"is passed to {name.decode()}, which may reslice it past its length")
    if site.stands_for and (blinds := blind.writer_only(view, site.path, call, position)):
        return f"is passed to {name.decode()}, {blinds}"
    if function.type == "selector_expression":
        operand = function.child_by_field_name("operand")
        receiver = view.types.at(site.path, operand.start_byte) if operand.type == "identifier" else None
        if (receiver is not None and receiver.kind == Kind.TYPE) or operand.type.startswith("parenthesized"):
            return f"is passed to the method expression {name.decode()}"
    results = assigned_back(view, site, call, objs) if is_slice and not site.reuse else 0
    if results:
        problem = appends.returns_only(view, site.path, call, position, results)  # buf = appendField(buf, k, v)
        if problem is None or retention.kept(view, call, position, contents=True, relies=relies) is None:
            return None
        return problem
    stands = ("bytes", "Buffer") if site.stands_for else None
    # A slice passed as an interface is boxed: what the compiler calls the box's content is the slice's array.
    contents = site.reuse is not None or is_slice
    kept = retention.kept(view, call, position, contents=contents, relies=relies, dynamic=stands)
    if kept and is_slice and not site.reuse and appends.returns_only(view, site.path, call, position) is None:
        var = text(site.name).decode()
        return (
            f"is passed to {name.decode()}, which returns it, and what it returns does not go back into {var}:"
            f" gorewrite follows an append-style call only as `{var} = {name.decode()}({var}, …)`"
        )
    if kept or not site.reuse or is_slice:
        return kept
    return spare.passed(view, site.path, call, position, False, 1, set())  # nothing kept: is anything seen?

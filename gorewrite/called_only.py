"""A generic function whose func parameter it only calls (`slices.SortFunc(s, cmp)`), for retention.py.

The compiler prints no parameter verdicts for a generic function: it compiles instantiations where they
are used, and says nothing there about their parameters. The function's source, the files the build
compiles, shows what it does with the parameter: when every use is a call `cmp(a, b)` or passes it to a
function of the same package whose parameter is, in turn, only used so (`pdqsortCmpFunc(x, 0, n, limit,
cmp)`), none in a go statement or a func literal, nothing stores, returns, ranges over or starts it: it
runs only inside the call, and nothing of it is left once the call returns, whatever its body captured.

Read without go/types (another package's source): a name is the parameter because every identifier of
that name in the function is such a use (a declaration of the name inside it is an identifier elsewhere:
declined), and a callee is the package's function because it is declared at the top of its files and its
name is only ever called in the caller. Anything else is the reason to decline.
"""

from __future__ import annotations

import functools
import os

from gorewrite.parameters import Signature, Verdicts, parameter_names, verdict_of
from gorewrite.syntax import Node, ancestors, items, parse, unparen_type, walk

DEPTH = 8  # calls followed through the package; pdqsort's recursion needs 3
FENCES = {"go_statement": "in a go statement", "func_literal": "captured by a func literal"}


def only_called(files: tuple[str, ...], function: str, index: int) -> str | None:
    """None when the package's top-level function (in these files) only calls its parameter `index` or hands it
    to its own functions that do; else why not, as `whose cmp (sort.go:12) …`."""
    return _follow(_functions(files), function, index, set(), 0)


def _functions(files: tuple[str, ...]) -> dict[str, tuple[str, Node]]:
    """Each top-level function of the files by name, and each method as `T.M` (of `(s *T)` or `(s Set[T])`),
    with its file's name."""
    found: dict[str, tuple[str, Node]] = {}
    for path in files:
        try:
            stat = os.stat(path)
        except OSError:
            continue
        found.update(_declarations(path, stat.st_mtime_ns, stat.st_size))
    return found


@functools.lru_cache(maxsize=256)
def _declarations(path: str, mtime: int, size: int) -> dict[str, tuple[str, Node]]:
    """One file's functions and methods, parsed once while it is unchanged (std's, every run; an edited one again)."""
    found: dict[str, tuple[str, Node]] = {}
    try:
        with open(path, "rb") as f:
            root = parse(f.read()).root_node
    except OSError:
        return found
    for node in root.named_children:
        name = node.child_by_field_name("name")
        if node.type == "function_declaration" and name is not None:
            found[name.text.decode()] = (os.path.basename(path), node)
        recv = _receiver(node) if node.type == "method_declaration" and name is not None else None
        if recv:
            found[f"{recv}.{name.text.decode()}"] = (os.path.basename(path), node)
    return found


def _receiver(method: Node) -> str | None:
    """The name of the method's receiver type, its type parameters dropped: `Set` of `(s *Set[T])`."""
    decls = [d for d in method.child_by_field_name("receiver").named_children if d.type == "parameter_declaration"]
    node = unparen_type(decls[0].child_by_field_name("type")) if len(decls) == 1 else None
    node = unparen_type(node.named_children[0]) if node is not None and node.type == "pointer_type" else node
    node = node.child_by_field_name("type") if node is not None and node.type == "generic_type" else node
    return node.text.decode() if node is not None and node.type == "type_identifier" else None


def _follow(decls: dict[str, tuple[str, Node]], function: str, index: int, seen: set, depth: int) -> str | None:
    if (function, index) in seen:  # recursion: the function's own uses decide
        return None
    if depth > DEPTH:
        return f"which hands it on through more than {DEPTH} functions"
    found = decls.get(function)
    body = found[1].child_by_field_name("body") if found else None
    if body is None:
        return f"whose {function} has no body in the package's files"
    file, decl = found
    name = _func_parameter(decl, index)
    if name is None:
        return f"whose parameter {index + 1} of {function} is not a named parameter of a func type"
    seen.add((function, index))
    for node in walk(body):
        if node.type != "identifier" or node.text != name.text:
            continue
        problem = _use(decls, decl, node, seen, depth)
        if problem:
            return f"whose {name.text.decode()} ({file}:{node.start_point.row + 1}) {problem}"
    return None


def _use(decls: dict[str, tuple[str, Node]], decl: Node, node: Node, seen: set, depth: int) -> str | None:
    """Why this use of the parameter may keep it, or None: a call of it, or an argument of the package's function
    that only calls it; neither in a go statement nor in a func literal."""
    for outer in ancestors(node):
        if outer == decl:
            break
        if outer.type in FENCES:
            return f"is {FENCES[outer.type]}, which may outlive the call"
    parent = node.parent
    if _called(node):
        return None
    call = parent.parent if parent.type == "argument_list" else None
    if call is None or call.type != "call_expression":
        kind = parent.parent.type if parent.type == "expression_list" else parent.type
        return f"is used in {'an' if kind[0] in 'aeiou' else 'a'} {kind.replace('_', ' ')}"
    callee = call.child_by_field_name("function")
    callee = callee.child_by_field_name("operand") if callee.type == "index_expression" else callee  # f[T](…)
    if callee.type != "identifier" or callee.text.decode() not in decls:
        return "is passed to a function that is not its package's own"
    # all but its own name (it may call itself); a local type or a receiver's type parameter shadows it too
    fields = ("receiver", "type_parameters", "parameters", "result", "body")
    parts = [part for part in map(decl.child_by_field_name, fields) if part is not None]
    for other in (n for part in parts for n in walk(part)):
        if other.type in ("identifier", "type_identifier") and other.text == callee.text and not _called(other):
            return f"is passed to {callee.text.decode()}, a name the function also declares or uses otherwise"
    return _follow(decls, callee.text.decode(), items(parent).index(node), seen, depth + 1)


def unjudged(verdicts: Verdicts, key: tuple[str, str, str], argument: int, signature: Signature | None) -> str | None:
    """For a function or method the compiler printed no verdict for the parameter of (a generic one, or one of a
    generic type): "" when the source this build compiles only calls it, else why not (`, and its source …`);
    None where a verdict, or its absence, decides: a receiver, a parameter not of a func type (found so in the
    source), or a package whose files vary by build."""
    # The proof reads the package's own files alone: a package whose own files vary by build is declined, one
    # varying only through what it imports (`go120.go of golang.org/x/sync/errgroup, which it imports`) is not.
    if argument < 0 or " of " not in verdicts.varying.get(key[0], " of ") or key[0] not in verdicts.files:
        return None
    if signature is not None and verdict_of(signature, argument)[0] is not None:
        return None
    function = f"{key[1]}.{key[2]}" if key[1] else key[2]
    found = _functions(verdicts.files[key[0]]).get(function)
    if found is None or _func_parameter(found[1], argument) is None:  # `slices.Contains(buf, b)`: not a func
        return None
    why = only_called(verdicts.files[key[0]], function, argument)
    return "" if why is None else f", and its source does not show that {function} only calls it: {why.strip()}"


def _func_parameter(decl: Node, index: int) -> Node | None:
    """The name of the declaration's parameter `index` when it is named, not variadic, and of a func type."""
    params = parameter_names(decl.child_by_field_name("parameters"))
    name = params[index][0] if index < len(params) and not params[index][1] else None
    declared = name.parent.child_by_field_name("type") if name is not None else None
    return name if declared is not None and declared.type == "function_type" else None


def _called(node: Node) -> bool:
    """Is the identifier the function a call calls, `f(…)` or instantiated, `f[T](…)`?"""
    function = node.parent if node.parent.type == "index_expression" else node
    if function != node and function.child_by_field_name("operand") != node:
        return False
    return function.parent.type == "call_expression" and function.parent.child_by_field_name("function") == function

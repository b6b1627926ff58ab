"""Which of Go's predeclared functions and types a call calls, by go/types alone.

A name's text never says it: the package or the function may declare its own `len`, `copy`, `string` or
`panic` (`func copy(p []byte) { Kept = p }`, `type string []byte`, `len := func(any) int {…}`, a `func
panic(string)` that returns), and a call of it is then an ordinary call, which may keep or change what it is
given (reviews adv40e, adv41a, adv41b). go/types knows which object each identifier names.
tests/test_architecture.py keeps the names' text out of the other modules (the few that decide nothing by it
are listed there with their reason), so a rule cannot ask "is this the builtin X" of the text.
"""

from __future__ import annotations

from collections.abc import Iterable

from gorewrite.build_files import go_files, package_names, parsed
from gorewrite.proposals import PackageView
from gorewrite.rulekit import memo
from gorewrite.syntax import Node, unparen
from gorewrite.typeinfo import Kind, TypeInfo

# The universe's type names: a call of one is a conversion (go/types' TypeName without a package).
TYPES = frozenset(
    "any bool byte comparable complex64 complex128 error float32 float64 int int8 int16 int32 int64 rune string "
    "uint uint8 uint16 uint32 uint64 uintptr".split()
)


def called(types: TypeInfo, path: str, call: Node | None) -> str | None:
    """The name of the universe's builtin function (len, cap, copy, append, make, new, panic, …) or type (a
    conversion: `string(b)`) that the call_expression `call` calls, in parentheses too (`(len)(x)`); None for
    any other call, one of a declaration of that name included, or where go/types does not know."""
    if call is None or call.type != "call_expression":
        return None
    function = unparen(call.child_by_field_name("function"))
    ident = types.at(path, function.start_byte) if function.type == "identifier" else None
    if ident is None or ident.end != function.end_byte:
        return None
    if ident.kind == Kind.BUILTIN or ident.kind == Kind.TYPE and ident.obj is None and ident.name in TYPES:
        return ident.name
    return None


def constant(types: TypeInfo, roots: Iterable[Node], value: bool) -> bytes | str:
    """`true` or `false` as a rewrite writes it, where it is Go's constant: neither a file of the package declares
    the name at package level (`const true = 1 == 0`) nor does go/types see it name a declaration of the package
    anywhere it answered for (`true := false` in the function): there the written name would be that declaration
    (adv-reach48e); else why not."""
    name = "true" if value else "false"
    if declared(types, roots, name):
        return f"the rewrite would write {name}, which the package declares: there it names that declaration"
    return name.encode()


def declared(types: TypeInfo, roots: Iterable[Node], name: str) -> bool:
    """Does the package declare the universe's name, at package level in one of roots' files or anywhere go/types
    answered for (`string := …` in a function)? A rewrite that writes the name would name that declaration."""
    return any(name in package_names(r) for r in roots) or any(
        i.name == name and i.obj for f in types.idents.values() for i in f
    )


def declared_in_any_build(view: PackageView, types: TypeInfo, directory: str, name: str) -> bool:
    """declared, over every Go file of the package's directory, whatever build compiles it: a rewrite that writes
    the name (`string(b)`, `len(k)`) must mean the universe's in each."""
    return any(name in names for names in package_level(view, directory).values()) or declared(types, [], name)


def package_level(view: PackageView, directory: str) -> dict[str, set[str]]:
    """Each Go file of the directory, whatever build compiles it, with the names it declares at package level
    (build_files.package_names): read from disk once a view, for every rewrite that writes a name."""
    return memo(view, ("package-level", directory), lambda: {p: package_names(parsed(p)) for p in go_files(directory)})

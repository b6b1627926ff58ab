"""fmt.Errorf as errors.New of the concatenation (concatenated.py writes the pieces): the name `errors` it writes.

By fmt/errors.go (go1.24.11 and go1.27.3 alike), Errorf formats with doPrintf and, where the format holds no `%w`
(p.wrappedErrs empty), returns `errors.New(s)` of the formatted text: the same dynamic type (*errors.errorString),
the same message and no Unwrap, so errors.Is, As and Unwrap see the two alike. go1.27.3 returns `errors.New(format)`
when no operand is given and the format holds no `%`: the rule rewrites calls with operands only. A `%w` declines
(the wrapped error is what Is, As and Unwrap find), as does every directive concatenated.py does not prove.

What the rewrite writes must mean Go's own package "errors" (github.com/pkg/errors' New, imported as `errors`,
records a stack trace, and a package's own `errors` is anything):
- where the file imports "errors" under that name (unnamed, or named `errors`), Go rejects any other file-scope or
  package-level `errors` in every build compiling the file; only a local declaration in the function could shadow
  it, so go/types must name every `errors` of the top-level declaration holding the call as a package;
- elsewhere the rewrite adds the import, where nothing of the file is named `errors` (an import of the name must be
  used, and a local one would shadow the new import) and no file of the package's directory, whatever build
  compiles it, declares `errors` at package level (the import would clash with it there). Where the fix also drops
  the file's import of fmt, that spec becomes `"errors"` (gofmt sorts it), since inserting beside a spec the fix
  deletes would overlap.
"""

from __future__ import annotations

from gorewrite.syntax import Node, ancestors, text, walk
from gorewrite.typeinfo import Kind, TypeInfo

NAME = b"errors"
ALLOCATED = "&errors.errorString{...} escapes to heap"  # errors.New inlined: its allocation, as both releases print it
WRAPPED = "its format wraps an operand with %w: errors.Is, As and Unwrap find it through fmt's error, not errors.New's"


def unshadowed(types: TypeInfo, path: str, call: Node) -> str | None:
    """Why `errors` at the call may not be the file's import of it: a name the top-level declaration holding the
    call declares, or one go/types cannot name."""
    top = next((a for a in ancestors(call) if a.parent is not None and a.parent.type == "source_file"), call)
    for node in walk(top):
        if node.type not in ("identifier", "package_identifier", "type_identifier") or text(node) != NAME:
            continue
        ident = types.at(path, node.start_byte)
        if ident is None or ident.kind != Kind.PKGNAME:
            return f"errors at line {node.start_point.row + 1} is not the imported package, by go/types"
    return None

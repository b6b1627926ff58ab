"""io.Writer's and io.Reader's contract, "implementations must not retain p": where retention may
rely on it, and where a package breaks it itself.

A call rests on the contract only when go/types names its method io.Writer's Write (io.Reader's
Read) by identity: the static type is io.Writer, an interface that embeds it (io.ReadWriter,
hash.Hash, a package's own `interface{ io.Writer; Flush() error }`: the method is io's), or one
of the std interfaces in IO_LIKE. A package's own interface of the same shape (`type Recorder
interface{ Write([]byte) (int, error) }`) promises nothing: its implementations may keep p.

A package that declares a Write (Read) that keeps p breaks the contract itself, and a value of
that type may be the io.Writer a pooled buffer reaches: no rewrite there may rely on the contract
(`breach`). Keeping is what the compiler reports, unless retention follows the method's body and
finds it keeps nothing: a wrapper whose Write hands p on to another io.Writer (`leaking param: p`,
since that call is dynamic) passes the contract along and does not break it. Its test files are
not compiled with the verdicts; a fake there that keeps p is left to the verifier's `go test`.
"""

from __future__ import annotations

from gorewrite import retention
from gorewrite.parameters import judge, receiver_type
from gorewrite.proposals import PackageView
from gorewrite.stdtable import READS, WRITES
from gorewrite.syntax import Node
from gorewrite.typeinfo import Kind

# (the interface declaring the method, as go/types names it, method) -> the contract its p rests on.
CONTRACTS: dict[tuple[str, str], str] = {
    ("io.Writer", "Write"): WRITES,
    ("io.Reader", "Read"): READS,
    # Both declare their own Write (Read) with io's signature rather than embedding io.Writer, yet std
    # hands them reused buffers as io.Writers (io.Readers) and relies on the contract: net/http's
    # ServeContent copies into the ResponseWriter with io.CopyN's reused buffer, and the server
    # wraps each net.Conn in pooled bufio Readers and Writers (net/http/server.go newBufioWriterSize).
    ("net/http.ResponseWriter", "Write"): WRITES,
    ("net.Conn", "Write"): WRITES,
    ("net.Conn", "Read"): READS,
}
BROKEN_BY = {WRITES: "Write", READS: "Read"}  # the method whose verdict breaks each contract


def contract(view: PackageView, path: str, call: Node, argument: int) -> str | None:
    """The contract the call's p rests on when the call is io.Writer's Write or io.Reader's Read by
    go/types' identity (the compiler cannot know the dynamic type), else None."""
    function = call.child_by_field_name("function")
    if argument != 0 or function is None or function.type != "selector_expression":
        return None
    ident = view.types.at(path, function.child_by_field_name("field").start_byte)
    if ident is None or ident.kind != Kind.METHOD or ident.recv != "":
        return None
    return CONTRACTS.get((ident.named or "", ident.name))


def breach(view: PackageView, relies: set[str]) -> str | None:
    """Why a rewrite resting on these contracts is declined in this package: it declares a method
    that breaks one (a Write the compiler says keeps p); None when it declares none."""
    for relied in sorted(relies):
        method = BROKEN_BY.get(relied)
        found = _breaker(view, method) if method else None
        if found:
            owner, version, said = found
            interface = relied.split("'", 1)[0]
            return (
                f"relies on {relied}, which the package's own {owner}.{method} breaks ({version} reports"
                f" `{said}`), and the {interface} it reaches may be one"
            )
    return None


def _breaker(view: PackageView, method: str) -> tuple[str, str, str] | None:
    """(receiver type, release, verdict) of the package's first method of that name whose first
    parameter the compiler reports as kept, or None."""
    for path in view.package.files:
        for node in view.tree(path).root_node.named_children:
            name = node.child_by_field_name("name")
            if node.type != "method_declaration" or name is None or name.text.decode() != method:
                continue
            owner = receiver_type(node.child_by_field_name("receiver"))
            for version, verdicts in sorted(view.parameters.items()):
                signature = verdicts.get((view.package.import_path, owner or "", method))
                said = signature.params[0] if signature is not None and signature.params else None
                key = (view.package.import_path, owner or "", method)
                if said is not None and judge(said, False, version) and retention.keeps(view, key, 0):
                    return owner or "", version, said
    return None

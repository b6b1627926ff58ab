"""io.Writer's and io.Reader's contract, "implementations must not retain p": where retention may
rely on it.

A call rests on the contract only when go/types names its method io.Writer's Write (io.Reader's
Read) by identity: the static type is io.Writer, an interface that embeds it (io.ReadWriter,
hash.Hash, a package's own `interface{ io.Writer; Flush() error }`: the method is io's), or one
of the std interfaces CONTRACTS lists. A package's own interface of the same shape (`type Recorder
interface{ Write([]byte) (int, error) }`) promises nothing: its implementations may keep p.

Where a package breaks the contract itself: breaches.py.
"""

from __future__ import annotations

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

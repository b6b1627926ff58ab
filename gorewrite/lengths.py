"""Std functions whose result is a length their argument bounds: an encoding's length (`hex.EncodedLen`).

A buffer sized `make([]byte, hex.EncodedLen(len(sum)))` for a SHA-256 sum is 64 bytes for every input; bounds.py
carries the argument's bound through the function. The callee is matched by go/types' object (package path,
receiver type, name), never by text: a package's own `hex.EncodedLen` is another function.
"""

from __future__ import annotations

from collections.abc import Callable

from gorewrite.proposals import PackageView
from gorewrite.syntax import Node
from gorewrite.typeinfo import Kind

# The std functions that give an encoding's length for n >= 0 bytes, as their docs and the encodings define it, and
# the largest result for n, which grows with n: base64's and base32's unpadded lengths are at most the padded ones,
# their decoded lengths at most the unpadded ones. (package, receiver type or None, name) -> largest result.
ENCODING_LENGTHS = {
    ("encoding/hex", None, "EncodedLen"): lambda n: n * 2,
    ("encoding/hex", None, "DecodedLen"): lambda n: n // 2,
    ("encoding/base64", "Encoding", "EncodedLen"): lambda n: (n + 2) // 3 * 4,
    ("encoding/base64", "Encoding", "DecodedLen"): lambda n: n * 6 // 8,
    ("encoding/base32", "Encoding", "EncodedLen"): lambda n: (n + 4) // 5 * 8,
    ("encoding/base32", "Encoding", "DecodedLen"): lambda n: n * 5 // 8,
}


def encoding_length(view: PackageView, path: str, function: Node) -> Callable[[int], int] | None:
    """The largest result of an encoding's length function the callee is (ENCODING_LENGTHS), by go/types' object."""
    name = function.child_by_field_name("field") if function.type == "selector_expression" else function
    ident = view.types.at(path, name.start_byte) if name is not None and name.type.endswith("identifier") else None
    if ident is None or ident.kind not in (Kind.FUNC, Kind.METHOD):
        return None
    return ENCODING_LENGTHS.get((ident.pkg, ident.recv, ident.name))

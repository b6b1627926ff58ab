"""The size of the hash a std constructor makes (shapes.py asks): after `mac := hmac.New(sha256.New, key)`,
`mac.Size()` is 32 and `len(mac.Sum(nil))` is 32, so `make([]byte, hex.EncodedLen(len(sum)))` of that sum is 64
bytes for every input.

hash.Hash's contract: "Size returns the number of bytes Sum will return", and "Sum appends the current hash to b
and returns the resulting slice", so `h.Sum(b)` has len(b) + Size() elements. A constructor's hash has one size,
as its package defines it: crypto/sha256.New's digest (and boringcrypto's) returns sha256.Size, 32; crypto/hmac's
New(h, key) returns the outer hash's Size, an `h()` of its own (boringcrypto's HMAC too). Only a value built by
such a call where go/types sees it: the call itself (`sha256.New().Size()`), or a local variable whose
declaration is its only write (copies.copied_call; a hash.Hash parameter, a package-level variable, another
package's can be any hash), and hmac.New's first argument a std constructor by go/types' object (a func variable
may hold any). The methods are hash.Hash's, by go/types' object and the interface declaring them (hash.Hash32's
Size is hash.Hash's), never by name.
"""

from __future__ import annotations

from gorewrite.copies import copied_call
from gorewrite.lengths import callee
from gorewrite.proposals import PackageView
from gorewrite.syntax import Node, call_args, unparen
from gorewrite.typeinfo import Kind

# (package, receiver, name) of a std constructor -> the Size of every hash it returns, as its package defines it.
SIZES = {
    ("crypto/md5", None, "New"): 16,
    ("crypto/sha1", None, "New"): 20,
    ("crypto/sha256", None, "New"): 32,
    ("crypto/sha256", None, "New224"): 28,
    ("crypto/sha512", None, "New"): 64,
    ("crypto/sha512", None, "New384"): 48,
    ("crypto/sha512", None, "New512_224"): 28,
    ("crypto/sha512", None, "New512_256"): 32,
    ("hash/adler32", None, "New"): 4,
    ("hash/crc32", None, "New"): 4,
    ("hash/crc32", None, "NewIEEE"): 4,
    ("hash/crc64", None, "New"): 8,
    **{("hash/fnv", None, f"New{bits}{a}"): bits // 8 for bits in (32, 64, 128) for a in ("", "a")},
}
HMAC = ("crypto/hmac", None, "New")  # New(h func() hash.Hash, key []byte): h()'s size


def size(view: PackageView, path: str, function: Node, name: str) -> int | None:
    """The Size of the hash whose hash.Hash method `name` the call's function selects (`mac.Size`, `mac.Sum`), by
    go/types' object; None for another method, or a hash no constructor here made."""
    field = function.child_by_field_name("field") if function.type == "selector_expression" else None
    ident = view.types.at(path, field.start_byte) if field is not None else None
    if ident is None or ident.kind != Kind.METHOD or ident.named != "hash.Hash" or ident.name != name:
        return None
    node = unparen(function.child_by_field_name("operand"))
    if node.type == "identifier":
        node = copied_call(view, path, node)
    if node is None or node.type != "call_expression":
        return None
    made = callee(view, path, node.child_by_field_name("function"))
    args = call_args(node)
    if made == HMAC and len(args) == 2:
        return SIZES.get(callee(view, path, unparen(args[0])))
    return SIZES.get(made)

"""std functions that return a subslice of their []byte argument within its length (stdtable.py's Entry: each cites
the std source and is proven by its Go test in tests/retention/retention_test.go)."""

from __future__ import annotations

from gorewrite.stdtable import Entry

# std functions that return a subslice of their first []byte argument, s[i:j] with 0 <= i <= j <= len(s), or s
# itself, or nil, read s only within its length and store it nowhere: their result is that argument's storage
# within its length, judged by its own use as the argument would be (`w.Write(bytes.TrimSuffix(buf.Bytes(),
# nl))`). A nil s gives nil and an empty one s or nil, so a consumer that takes nil and empty alike still does.
TRIMS = (
    "bytes/bytes.go: TrimSuffix returns s[:len(s)-len(suffix)] when HasSuffix(s, suffix), else s; TrimPrefix"
    " returns s[len(prefix):] when HasPrefix(s, prefix), else s; TrimSpace returns a subslice of s from its ASCII"
    " scans (go1.24: s[start:stop]; go1.27: s[lo:hi+1]), nil when all is space, or TrimFunc of such a subslice"
    " with unicode.IsSpace, which is TrimRightFunc(TrimLeftFunc(…)): s[i:] or nil, then s[0:i]; none stores s or"
    " reads it past len(s)"
)
SUBSLICES: dict[tuple[str, str, str], Entry] = {
    ("bytes", "", name): Entry((), TRIMS, "TestTrimSubslice") for name in ("TrimSuffix", "TrimPrefix", "TrimSpace")
}

"""std functions that return a subslice of their []byte argument within its length, or storage of their own
(stdtable.py's Entry: each cites the std source and is proven by its Go test in tests/retention/retention_test.go)."""

from __future__ import annotations

import re
from collections.abc import Mapping

from gorewrite.parameters import TO_RESULT, verdict_of
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
# go/format.Source returns src itself where the formatted fragment is empty (blanks, a lone `;`), else bytes of its
# own (or nil and an error), so `return format.Source(buf.Bytes())` may hand the caller a pooled buffer's storage.
SOURCE = (
    "go/format/format.go: Source parses src (parse, go/format/internal.go: parser.ParseFile of src, or of"
    " `package p;` and src appended to it, or wrapped in `func _() {…}`) and returns format's result: a complete"
    " file's printed into a bytes.Buffer of its own, a fragment's res (leading blanks copied from src) with the"
    " printed fragment appended, or src itself when that is empty; errors quote tokens as strings. src is held only"
    " by the parser's scanner, a local of ParseFile (the compiler's `leaking param: src`), dropped with the call"
)
SUBSLICES: dict[tuple[str, str, str], Entry] = {
    **{("bytes", "", name): Entry((), TRIMS, "TestTrimSubslice") for name in ("TrimSuffix", "TrimPrefix", "TrimSpace")},
    ("go/format", "", "Source"): Entry((), SOURCE, "TestFormatSource", clears="leaking param: "),
}


def agreed(parameters: Mapping, key: tuple[str, str, str]) -> bool:
    """Does every toolchain of the run agree with SUBSLICES that the function keeps its first argument only in
    its result (`leaking param: s to result ~r0 level=0`, or not at all), or say only the leak to the heap the
    entry clears (go/format.Source's parser, a local of the call: its Go test shows src collected)?"""
    heap = SUBSLICES[key].clears == "leaking param: "
    for verdicts in parameters.values():
        signature = verdicts.get(key)
        said = verdict_of(signature, 0)[0] if signature is not None else None
        to_result = TO_RESULT.match(said or "")
        cleared = heap and re.fullmatch(r"leaking param: \w+", said or "")
        if said is None or not (said.endswith(" does not escape") or (to_result and int(to_result[2]) == 0) or cleared):
            return False
    return True

"""The compiler prints several verdicts for one parameter when it flows to the heap and to a result, or to
two results (a heap leak first, then one line per result): the verdict kept must be the strongest, never
the last line alone (`leaking param content: b` then `leaking param: b to result ~r0 level=0` read as
"only returns it" hid that the callee keeps the Buffer's bytes)."""

from __future__ import annotations

from conftest import write_tree

from gorewrite.dependencies import listing
from gorewrite.parameters import compile_parameters

SOURCE = """package pv

import "bytes"

var kept []byte

//go:noinline
func stash(b *bytes.Buffer) *bytes.Buffer { kept = b.Bytes(); return b }

//go:noinline
func split(dst []byte) ([]byte, []byte) { return dst, dst[1:] }

//go:noinline
func frame(dst []byte, id byte) ([]byte, error) { return append(dst, id), nil }

//go:noinline
func second(dst []byte) (error, []byte) { return nil, dst }
"""


def test_a_parameters_verdict_is_its_strongest_line(tmp_path, toolchain):
    root = write_tree(tmp_path, {"go.mod": "module example.com/pv\n\ngo 1.22\n", "pv/pv.go": SOURCE})
    paths = ["example.com/pv/pv"]
    verdicts = compile_parameters(toolchain, paths, str(root), listing(toolchain, paths, str(root)))
    names = ("stash", "split", "frame", "second")
    said = {name: verdicts.get(("example.com/pv/pv", "", name)).params[0] for name in names}
    assert said == {
        "stash": "leaking param content: b",  # not `… to result ~r0 level=0`, its last line
        "split": "leaking param: dst",  # to two results: kept
        "frame": "leaking param: dst to result ~r0 level=0",
        "second": "leaking param: dst to result ~r1 level=0",
    }

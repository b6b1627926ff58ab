"""sync-pool sizes a pooled array by a constant only where every main module that may compile the package gives it
that value (the go/types helper's steadyImported, sameModule): a dependency module's constant is the version the
building main module selects, and a library's consumer may require a newer one. The must-decline: a library's
`make([]byte, dep.MaxTags)` of dep's 4096, whose naive pool of `[4096]byte` arrays, sliced to `bufp[:dep.MaxTags]`,
no longer builds for a consumer requiring dep's next version, with 8192 (adv-fresh).
"""

from __future__ import annotations

import subprocess

from conftest import assert_declines, proposals, write_tree

from gorewrite.rules import RULES

RULE = RULES["sync-pool"]

LIB = {
    "lib/go.mod": "module example.com/lib\n\ngo 1.22\n\nrequire example.com/dep v1.0.0\n\n"
    "replace example.com/dep v1.0.0 => ../dep4k\n",
    "lib/p/p.go": """package p

import (
	"io"

	"example.com/dep"
)

// Head reads up to dep.MaxTags bytes.
func Head(r io.Reader) int {
	buf := make([]byte, dep.MaxTags)
	n, _ := io.ReadFull(r, buf)
	return n
}
""",
    "dep4k/go.mod": "module example.com/dep\n\ngo 1.22\n",
    "dep4k/dep.go": "// Package dep holds a dependency's sizes.\npackage dep\n\nconst MaxTags = 4096\n",
}

# The naive pool, as sync-pool writes one for a constant of the module's own.
NAIVE = """package p

import (
	"io"
	"sync"

	"example.com/dep"
)

var bufPool = sync.Pool{New: func() any { return new([4096]byte) }}

// Head reads up to dep.MaxTags bytes.
func Head(r io.Reader) int {
	bufp := bufPool.Get().(*[4096]byte)
	defer bufPool.Put(bufp)
	*bufp = [4096]byte{}
	buf := bufp[:dep.MaxTags]
	n, _ := io.ReadFull(r, buf)
	return n
}
"""

CONSUMER = {
    "consumer/go.mod": "module example.com/consumer\n\ngo 1.22\n\nrequire (\n\texample.com/dep v1.1.0\n"
    "\texample.com/lib v1.0.0\n)\n\nreplace example.com/dep v1.1.0 => ../dep8k\n\n"
    "replace example.com/lib v1.0.0 => ../lib\n",
    "consumer/main.go": 'package main\n\nimport (\n\t"fmt"\n\t"strings"\n\n\t"example.com/lib/p"\n)\n\n'
    'func main() { fmt.Println(p.Head(strings.NewReader(strings.Repeat("x", 10000)))) }\n',
    "dep8k/go.mod": "module example.com/dep\n\ngo 1.22\n",
    "dep8k/dep.go": "package dep\n\nconst MaxTags = 8192\n",
}


def test_a_dependency_modules_constant_sizes_no_pooled_array(tmp_path, toolchain):
    root = write_tree(tmp_path, LIB | CONSUMER)
    found = proposals(root / "lib", RULE)["example.com/lib/p"]
    assert_declines(found, "the length in make([]byte, dep.MaxTags) is a constant some builds give differently")

    def run() -> subprocess.CompletedProcess[bytes]:
        where = root / "consumer"
        return subprocess.run(
            [toolchain.go, "run", "."], cwd=where, env=toolchain.env_in(str(where)), capture_output=True, check=False
        )

    before = run()
    assert before.returncode == 0 and before.stdout == b"8192\n", before.stderr
    (root / "lib" / "p" / "p.go").write_text(NAIVE)
    after = run()
    assert after.returncode != 0 and b"out of bounds" in after.stderr, after

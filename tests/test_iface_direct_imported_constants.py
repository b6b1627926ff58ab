"""iface-direct on a constant of another package of the module (`fmt.Errorf("%d tags > %d", n, limits.MaxTags)`):
its type is every build's when the go/types helper's steadyImported finds it declared once, of a basic type, in a
directory every build compiles whole, from literals and that directory's own constants, each untyped or of a
predeclared type (gotypes/steady.go, basicImported). The accepted calls are rewritten, compiled and run; the
must-decline's directory declares the constant per build, a Stringer's under `-tags fancy`, where its naive rewrite
prints other bytes.
"""

from __future__ import annotations

import subprocess

import pytest
from conftest import assert_declines, edited, module, proposals

from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["iface-direct"]

LIMITS = """// Package limits holds sizing knobs several packages share.
package limits

const (
	MaxTags  = 16
	MaxBytes = 1 << 12
	Service  = "ingest"
	Half     = MaxBytes / 2
)
"""

# The same names, declared per build: under `-tags fancy` MaxTags is a count, whose String fmt calls.
PER_BUILD = {
    "climits/plain.go": "//go:build !fancy\n\npackage climits\n\nconst MaxTags = 16\n",
    "climits/fancy.go": "//go:build fancy\n\npackage climits\n\ntype count int\n\n"
    'func (c count) String() string { return "many" }\n\nconst MaxTags count = 16\n',
}

ACCEPTED = """package check

import (
	"fmt"

	"example.com/m/limits"
)

// Fits says whether n bytes fit.
func Fits(n int) bool { return n <= limits.MaxBytes }

// Tags says why a point has too many tags.
//
//go:noinline
func Tags(n int) error { return fmt.Errorf("%d tags exceeds %d", n, limits.MaxTags) }

// Size names a size and its limits.
//
//go:noinline
func Size(n int) string {
	return fmt.Sprintf("%s: %d of %d (%d)", limits.Service, n, limits.MaxBytes, limits.Half)
}
"""

DECLINED = """package check

import (
	"fmt"

	"example.com/m/climits"
)

// Tags says why a point has too many tags.
//
//go:noinline
func Tags(n int) string { return fmt.Sprintf("%d tags exceeds %v", n, climits.MaxTags) }
"""
# The naive rewrite: the constant's value in this build, concatenated.
NAIVE = """package naive

import "strconv"

// Tags says why a point has too many tags.
//
//go:noinline
func Tags(n int) string { return strconv.Itoa(n) + " tags exceeds 16" }
"""

MAIN = """package main

import (
	"fmt"

	"example.com/m/{pkg}"
)

func main() {{ fmt.Println({calls}) }}
"""


def go(toolchain, root, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [toolchain.go, *args], cwd=root, env=toolchain.env_in(str(root)), capture_output=True, check=False
    )


@pytest.fixture(scope="module")
def found(tmp_path_factory):
    files = {"limits/limits.go": LIMITS, "check/check.go": ACCEPTED, "declined/check.go": DECLINED} | PER_BUILD
    root = module(tmp_path_factory.mktemp("imported"), files)
    (root / "declined" / "check.go").write_text(DECLINED.replace("package check", "package declined"))
    return root, proposals(root, RULE)


def test_a_constant_every_build_declares_alike_is_concatenated_with_the_same_bytes(found, toolchain):
    root, results = found
    fixes = results["example.com/m/check"]
    assert fixes and all(isinstance(f, Fix) for f in fixes), fixes  # both calls, one fix of the file
    calls = "check.Tags(300), check.Size(7), check.Tags(-1), check.Size(1 << 20)"
    (root / "cmd").mkdir(exist_ok=True)
    (root / "cmd" / "main.go").write_text(MAIN.format(pkg="check", calls=calls))
    before = go(toolchain, root, "run", "./cmd")
    path = root / "check" / "check.go"
    source = path.read_text()
    for fix in fixes:
        source = edited(source, fix)
    assert "limits.MaxTags" not in source and " exceeds 16" in source, source
    path.write_text(source)
    try:
        after = go(toolchain, root, "run", "./cmd")
    finally:
        path.write_text(ACCEPTED)
    assert before.returncode == 0 and after.returncode == 0, (before.stderr, after.stderr)
    assert (
        after.stdout
        == before.stdout
        == b"300 tags exceeds 16 ingest: 7 of 4096 (2048) -1 tags exceeds 16 ingest: 1048576 of 4096 (2048)\n"
    )


def test_a_constant_another_build_declares_otherwise_declines(found, toolchain):
    """climits declares MaxTags per build: the rule declines; the naive concatenation is right in this build and
    prints 16 where the original prints the count's String under `-tags fancy`."""
    root, results = found
    assert_declines(results["example.com/m/declined"], "it formats climits.MaxTags, whose type may have methods")
    (root / "naive").mkdir(exist_ok=True)
    (root / "naive" / "naive.go").write_text(NAIVE)
    (root / "cmdnaive").mkdir(exist_ok=True)
    main = MAIN.format(pkg="declined", calls="declined.Tags(3), naive.Tags(3)")
    main = main.replace('"example.com/m/declined"', '"example.com/m/declined"\n\t"example.com/m/naive"')
    (root / "cmdnaive" / "main.go").write_text(main)
    plain = go(toolchain, root, "run", "./cmdnaive")
    fancy = go(toolchain, root, "run", "-tags", "fancy", "./cmdnaive")
    assert plain.returncode == 0 and fancy.returncode == 0, (plain.stderr, fancy.stderr)
    assert plain.stdout == b"3 tags exceeds 16 3 tags exceeds 16\n", plain.stdout
    assert fancy.stdout == b"3 tags exceeds many 3 tags exceeds 16\n", fancy.stdout

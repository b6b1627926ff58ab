"""iface-direct on a constant of another package of the module (`fmt.Errorf("%d tags > %d", n, limits.MaxTags)`):
its type is every build's when the go/types helper's steadyImported finds it declared once, of a basic type, in a
directory every build compiles whole, from literals and that directory's own constants, each untyped or of a
predeclared type (gotypes/steady.go, basicImported). The accepted calls are rewritten, compiled and run; the
must-declines: a directory declaring the constant per build, a Stringer's under `-tags fancy`, where its naive
rewrite prints other bytes; a dependency module's constant, whose value is the one the main module that builds it
selects (a library's consumer may require a newer version), where the naive rewrite prints the version the library
was rewritten against.
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

MAIN = """package main

import (
	"fmt"

	"example.com/m/{pkg}"
)

func main() {{ fmt.Println({calls}) }}
"""


# A directory every build compiles whole whose constant's type is an alias of a per-build package's type: a plain int
# here, under `-tags fancy` a count whose String fmt calls. Only go/types' type of the constant says so (steadyIn
# reads `Count` as a name of the directory's own).
ALIASED = {
    "ctypes/plain.go": "//go:build !fancy\n\npackage ctypes\n\n// Count counts.\ntype Count = int\n",
    "ctypes/fancy.go": "//go:build fancy\n\npackage ctypes\n\n// Count counts.\ntype Count int\n\n"
    'func (c Count) String() string { return "many" }\n',
    "alimits/limits.go": "// Package alimits names the shared counts.\npackage alimits\n\n"
    'import "example.com/m/ctypes"\n\n'
    "// Count is the shared count.\ntype Count = ctypes.Count\n\nconst MaxTags Count = 16\n",
}


# A dependency module (a directory of its own, with its own go.mod, which m requires and replaces) declaring the
# constant once, in a directory every build compiles whole: every build of one version declares it alike, yet a
# consumer of m may select another version.
DEPENDENCY = {
    "dep16/go.mod": "module example.com/dep\n\ngo 1.22\n",
    "dep16/dep.go": "// Package dep is a dependency's sizing knobs.\npackage dep\n\nconst MaxTags = 16\n",
}
REQUIRE = "\nrequire example.com/dep v1.0.0\n\nreplace example.com/dep v1.0.0 => ./dep16\n"
FROM_DEPENDENCY = """package fromdep

import (
	"fmt"

	"example.com/dep"
)

// Tags says why a point has too many tags.
//
//go:noinline
func Tags(n int) string { return fmt.Sprintf("%d tags exceeds %d", n, dep.MaxTags) }
"""
# A consumer of m that requires the dependency's next version, which raised MaxTags to 32.
CONSUMER = {
    "consumer/go.mod": "module example.com/consumer\n\ngo 1.22\n\nrequire (\n\texample.com/dep v1.1.0\n"
    "\texample.com/m v1.0.0\n)\n\nreplace example.com/dep v1.1.0 => ../dep32\n\nreplace example.com/m v1.0.0 => ../m\n",
    "consumer/main.go": MAIN.replace("example.com/m/{pkg}", 'example.com/m/fromdep"\n\t"example.com/m/naive').format(
        pkg="", calls="fromdep.Tags(3), naive.Tags(3)"
    ),
    "dep32/go.mod": "module example.com/dep\n\ngo 1.22\n",
    "dep32/dep.go": "package dep\n\nconst MaxTags = 32\n",
}

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


def go(toolchain, root, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [toolchain.go, *args], cwd=root, env=toolchain.env_in(str(root)), capture_output=True, check=False
    )


@pytest.fixture(scope="module")
def found(tmp_path_factory):
    files = {"limits/limits.go": LIMITS, "check/check.go": ACCEPTED, "declined/check.go": DECLINED} | PER_BUILD
    files |= DEPENDENCY | {"fromdep/check.go": FROM_DEPENDENCY} | ALIASED
    files["aliased/check.go"] = DECLINED.replace("package check", "package aliased").replace("climits", "alimits")
    root = module(tmp_path_factory.mktemp("imported") / "m", files)
    (root / "go.mod").write_text((root / "go.mod").read_text() + REQUIRE)
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


def test_a_dependency_modules_constant_declines(found, toolchain):
    """dep declares MaxTags once, in a directory every build compiles whole, but in a module of its own: the version
    a build compiles is the one its main module selects. The rule declines; the naive concatenation of this build's
    16 prints 16 where a consumer requiring dep's next version prints its 32."""
    root, results = found
    assert_declines(results["example.com/m/fromdep"], "it formats dep.MaxTags, whose type may have methods")
    (root / "naive").mkdir(exist_ok=True)
    (root / "naive" / "naive.go").write_text(NAIVE)
    for name, text in CONSUMER.items():
        (root.parent / name).parent.mkdir(exist_ok=True)
        (root.parent / name).write_text(text)
    ran = go(toolchain, root.parent / "consumer", "run", ".")
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout == b"3 tags exceeds 32 3 tags exceeds 16\n", ran.stdout


def test_a_constant_of_an_aliased_type_declines(found, toolchain):
    """alimits declares MaxTags once, in a directory every build compiles whole, of its alias Count of a per-build
    package's type: no basic type (basicImported), so the rule declines; the naive concatenation prints 16 where
    the original prints the count's String under `-tags fancy`."""
    root, results = found
    assert_declines(results["example.com/m/aliased"], "it formats alimits.MaxTags, whose type may have methods")
    (root / "naive").mkdir(exist_ok=True)
    (root / "naive" / "naive.go").write_text(NAIVE)
    (root / "cmdaliased").mkdir(exist_ok=True)
    main = MAIN.format(pkg="aliased", calls="aliased.Tags(3), naive.Tags(3)")
    main = main.replace('"example.com/m/aliased"', '"example.com/m/aliased"\n\t"example.com/m/naive"')
    (root / "cmdaliased" / "main.go").write_text(main)
    plain = go(toolchain, root, "run", "./cmdaliased")
    fancy = go(toolchain, root, "run", "-tags", "fancy", "./cmdaliased")
    assert plain.returncode == 0 and fancy.returncode == 0, (plain.stderr, fancy.stderr)
    assert plain.stdout == b"3 tags exceeds 16 3 tags exceeds 16\n", plain.stdout
    assert fancy.stdout == b"3 tags exceeds many 3 tags exceeds 16\n", fancy.stdout


def test_a_vendored_dependencys_constant_declines(tmp_path, toolchain):
    """The same dependency copied into vendor/ (`go mod vendor`), which lies under m's go.mod: still a dependency's
    constant, whose version a consumer of m selects (its naive rewrite: test_a_dependency_modules_constant_declines)."""
    root = module(tmp_path / "m", {**DEPENDENCY, "fromdep/check.go": FROM_DEPENDENCY})
    (root / "go.mod").write_text((root / "go.mod").read_text() + REQUIRE)
    vendored = go(toolchain, root, "mod", "vendor")
    assert vendored.returncode == 0 and (root / "vendor" / "example.com" / "dep" / "dep.go").exists(), vendored.stderr
    assert_declines(proposals(root, RULE)["example.com/m/fromdep"], "it formats dep.MaxTags, whose type may have")

"""iface-direct on a constant of another package of the module formatted by fmt (`fmt.Errorf("… exceeds %d",
limits.MaxHeaderValue)`): the go/types helper's basicImported (gotypes/steady.go) says its type is predeclared in
every build when its directory has no per-build file and every declaration on the way is untyped or of a
predeclared type. The acceptance is measured (AllocsPerRun under go1.24.11 and the pinned release, the same
text); each must-decline keeps its naive concatenation as a mutant that prints other bytes (under `-tags fancy`
for a constant another build declares with a Stringer type; in every build for one of a type with String).
"""

from __future__ import annotations

import pytest
from conftest import allocs_of, assert_declines, edited, module, only_fix, proposals, releases

from gorewrite.rules import RULES

RULE = RULES["iface-direct"]

LIMITS = {
    "limits/limits.go": """// Package limits holds the service's wire limits.
package limits

const (
	MaxValue       = 256
	Wide           = MaxValue * 2
	MaxBody  int64 = 1 << 20
	Unit           = "bytes"
)
""",
    # declared per build: under -tags fancy, Max is a size, whose String fmt calls for %v
    "tiered/max_plain.go": "//go:build !fancy\n\npackage tiered\n\nconst Max = 256\n\ntype Kind = int\n",
    "tiered/max_fancy.go": "//go:build fancy\n\npackage tiered\n\ntype size int\n\n"
    'func (size) String() string { return "big" }\n\nconst Max size = 256\n\ntype Kind = size\n',
    # one declaration for every build, of a type a dot import names: an int here, tiered's size under -tags fancy
    "dotted/dotted.go": 'package dotted\n\nimport . "example.com/m/tiered"\n\nconst Limit Kind = 256\n',
    # untyped, from a constant of that dot-imported type: tiered's size under -tags fancy too (predeclaredIn's walk)
    "dotted/derived.go": "package dotted\n\nconst Twice = Limit * 2\n",
    # one declaration for every build, of the package's own type with a String method
    "sized/sized.go": """package sized

import "strconv"

// Size is a byte count that prints with its unit.
type Size int

func (s Size) String() string { return strconv.Itoa(int(s)) + "B" }

const Max Size = 256
""",
}

ACCEPTED = """package steadyconst

import (
	"fmt"

	"example.com/m/limits"
)

// Check refuses a value longer than the limit.
func Check(name string, n int) error {
	if n > limits.MaxValue {
		return fmt.Errorf("header %s: %d %s exceeds %d (wide %d, body %d)",
			name, n, limits.Unit, limits.MaxValue, limits.Wide, limits.MaxBody)
	}
	return nil
}
"""


def _limit_line(constant: str) -> str:
    """A package whose Line prints another package's constant (`tiered.Max`) beside a key."""
    package = constant.split(".")[0]
    return f"""package {{pkg}}

import (
\t"fmt"

\t"example.com/m/{package}"
)

// Line names the limit.
func Line(key string) string {{
\treturn fmt.Sprintf("%s limit %v", key, {constant})
}}
"""


# name -> (source, the naive rewrite (old, new), the decline's reason)
DECLINED = {
    "perbuild": (
        _limit_line("tiered.Max"),
        ('fmt.Sprintf("%s limit %v", key, tiered.Max)', 'key + " limit 256"'),
        "whose type may have methods fmt calls",
    ),
    "dotalias": (
        _limit_line("dotted.Limit"),
        ('fmt.Sprintf("%s limit %v", key, dotted.Limit)', 'key + " limit 256"'),
        "whose type may have methods fmt calls",
    ),
    "dotderived": (
        _limit_line("dotted.Twice"),
        ('fmt.Sprintf("%s limit %v", key, dotted.Twice)', 'key + " limit 512"'),
        "whose type may have methods fmt calls",
    ),
    "named": (
        _limit_line("sized.Max"),
        ('fmt.Sprintf("%s limit %v", key, sized.Max)', 'key + " limit 256"'),
        "whose type may have methods fmt calls",
    ),
}


def declined_files(naive: bool) -> dict[str, str]:
    files = {}
    for name, (source, (old, new), _) in DECLINED.items():
        pkg = ("naive" if naive else "") + name
        text = source.replace("{pkg}", pkg)
        if naive:
            text = text.replace(old, new)
            text = text[: text.index("import (")] + text[text.index(")\n") + 2 :]  # the naive text imports nothing
        files[f"{pkg}/{pkg}.go"] = text
    return files


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    files = {**LIMITS, "steadyconst/steadyconst.go": ACCEPTED, **declined_files(False), **declined_files(True)}
    root = module(tmp_path_factory.mktemp("imported"), files)
    return root, proposals(root, RULE)


def test_another_packages_untyped_constants_are_written_as_their_digits(proposed):
    _, found = proposed
    fix = only_fix(found["example.com/m/steadyconst"])
    rewritten = edited(ACCEPTED, fix)
    assert "fmt.Errorf" not in rewritten
    assert '" bytes exceeds 256 (wide 512, body 1048576)"' in rewritten, rewritten


def test_the_rewrite_allocates_less_and_returns_the_same_text(tmp_path, proposed):
    _, found = proposed
    rewritten = edited(ACCEPTED, only_fix(found["example.com/m/steadyconst"]))
    call = '{pkg}.Check("X-Key", 300).Error()'
    measured = allocs_of(tmp_path, {"steadyconst": (ACCEPTED, rewritten, call)}, extra=LIMITS)
    assert len(measured) == 2
    for version, results in measured.items():
        before, after, original, new = results["steadyconst"]
        assert original == new, (version, original, new)
        assert after < before, (version, before, after)


@pytest.mark.parametrize("name", sorted(DECLINED))
def test_a_constant_whose_type_may_print_otherwise_declines(proposed, name):
    _, found = proposed
    assert_declines(found[f"example.com/m/{name}"], DECLINED[name][2])


@pytest.mark.parametrize("name", sorted(DECLINED))
def test_the_naive_concatenation_prints_other_bytes(proposed, name):
    """Right in the plain build for perbuild, dotalias and dotderived, the naive text differs under -tags fancy; for
    named, in every build."""
    root, _ = proposed
    main = (
        f'package main\n\nimport (\n\t"fmt"\n\n\t"example.com/m/{name}"\n\t"example.com/m/naive{name}"\n)\n\n'
        f'func main() {{ fmt.Printf("%s|%s", {name}.Line("k"), naive{name}.Line("k")) }}\n'
    )
    (root / f"cmd{name}").mkdir(exist_ok=True)
    (root / f"cmd{name}" / "main.go").write_text(main)
    tags = [] if name == "named" else ["-tags", "fancy"]
    for release in releases():
        done = release.run(["run", *tags, f"./cmd{name}"], str(root))
        assert done.returncode == 0, done.stderr.decode()
        original, naive = done.stdout.decode().split("|")
        assert original != naive, (release.version, original, naive)

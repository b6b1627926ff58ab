"""make-const with a named integer type of another package of the module (gotypes importedPortable): a guard
`limits.Bytes(len(table)) > limits.MaxKey` bounds len(table) as `len(table) > 200` does (probe42b rowkey `RowKey`,
held back before: only the package's own types were taken to be the same in every build). The type must be declared
once, in a directory without per-build files, down to a predeclared type through that directory's own types: a
`type Count uint8` of `count_amd64.go` that is uint16 elsewhere, or a `type Count small.Count` of such a package,
bounds nothing, and the naive [255]byte array of a Count passes on amd64 and panics on 386, where the original
does not.
"""

from __future__ import annotations

import pytest
from conftest import declined_where_naive_fails_on_386, exact_array, proposals, write_tree

from gorewrite.rules import RULES

RULE = RULES["make-const"]
GO_MOD = "module example.com/m\n\ngo 1.22\n"
KEY = """package p

import "example.com/m/lim"

// Key builds the row key table/id.
func Key(table string) int {
	if lim.Bytes(len(table)) > lim.MaxKey {
		return -1
	}
	k := make([]byte, 0, len(table)+1)
	k = append(k, table...)
	k = append(k, '/')
	return len(k)
}
"""
COUNTED = """package p

import "example.com/m/lim"

// Ones fills a scratch slice of c bytes with ones and sums it.
func Ones(c lim.Count) int {
	w := make([]byte, c)
	t := 0
	for i := range w {
		w[i] = 1
		t += int(w[i])
	}
	return t
}
"""
COUNTED_TEST = """package p

import (
	"testing"

	"example.com/m/lim"
)

func TestManyOnes(t *testing.T) {
	n := 300
	c := lim.Count(n) // 44 where Count is a uint8, 300 where it is a uint16
	if got := Ones(c); got != int(c) {
		t.Fatalf("got %d", got)
	}
}
"""
PER_BUILD = {
    "lim/count_amd64.go": "package lim\n\n// Count counts records.\ntype Count uint8\n",
    "lim/count_other.go": "//go:build !amd64\n\npackage lim\n\n// Count counts records.\ntype Count uint16\n",
}
CHAINED = {
    "small/count_amd64.go": "package small\n\n// Count counts records.\ntype Count uint8\n",
    "small/count_other.go": "//go:build !amd64\n\npackage small\n\n// Count counts records.\ntype Count uint16\n",
    "lim/lim.go": 'package lim\n\nimport "example.com/m/small"\n\n// Count counts records.\ntype Count small.Count\n',
}

# generated per-build files whose //line directives name a template directory without per-build files (adv42b): the
# position go/types reports is the template's, but the package's own directory, as go list gives it, is per-build
LINED = {
    "gen/count.go": "package gen\n\n// Count counts records.\ntype Count uint8\n",
    "lim/count_amd64.go": "package lim\n\n//line ../gen/count.go:3\n// Count counts records.\ntype Count uint8\n",
    "lim/count_other.go": "//go:build !amd64\n\npackage lim\n\n//line ../gen/count.go:3\ntype Count uint16\n",
}


def test_a_typed_constant_of_another_package_bounds_as_its_value_does(tmp_path, toolchain):
    files = {"go.mod": GO_MOD, "lim/lim.go": "package lim\n\ntype Bytes int\n\nconst MaxKey Bytes = 200\n"}
    root = write_tree(tmp_path / "m", {**files, "p/p.go": KEY})
    (results,) = proposals(root, RULE, [toolchain]).values()
    exact_array(results, KEY, "[201]byte", scope="Key")


@pytest.mark.parametrize("declared", [PER_BUILD, CHAINED, LINED], ids=["per_build", "chained", "line_directive"])
def test_another_packages_per_build_type_bounds_nothing_and_its_naive_array_panics_on_386(
    tmp_path, toolchain, declared
):
    files = {"go.mod": GO_MOD, **declared, "p/p.go": COUNTED, "p/p_test.go": COUNTED_TEST}
    declined_where_naive_fails_on_386(
        toolchain, tmp_path, files, "w := make([]byte, c)", "var wBuf [255]byte\n\tw := wBuf[:c:c]"
    )


LINED_MAX = {
    "go.mod": GO_MOD,
    "gen/max.go": "package gen\n\n// Max is the most records.\nconst Max = 255\n",
    "lim/max_amd64.go": "package lim\n\n//line ../gen/max.go:3\n// Max is the most records.\nconst Max = 255\n",
    "lim/max_other.go": "//go:build !amd64\n\npackage lim\n\n//line ../gen/max.go:3\nconst Max = 1000\n",
    "p/p.go": COUNTED.replace("c lim.Count", "n int").replace(
        "\tw := make([]byte, c)", "\tif n > lim.Max || n < 0 {\n\t\treturn -1\n\t}\n\tw := make([]byte, n)"
    ),
    "p/p_test.go": 'package p\n\nimport "testing"\n\nfunc TestMany(t *testing.T) {\n\tif Ones(300) == 0 {\n'
    '\t\tt.Fatal("none")\n\t}\n}\n',
}


def test_another_packages_constant_declared_per_build_under_a_line_directive_bounds_nothing(tmp_path, toolchain):
    """A //line directive names the file go/types reports a declaration at: lim's per-build Max, 255 on amd64 and
    1000 elsewhere, reported at ../gen/max.go, counted as steady where gen's directory was read in place of lim's
    (adv42b). The naive [255]byte array passes on amd64 and panics on 386, where the original does not."""
    declined_where_naive_fails_on_386(
        toolchain, tmp_path, LINED_MAX, "w := make([]byte, n)", "var wBuf [255]byte\n\tw := wBuf[:n:n]"
    )

"""iface-direct dropping an import only the code it removes used (imports.py): `case reg.Named:`, a case the type
switch never takes, is the file's only use of reg. Where another file of the package imports reg in every build that
compiles this one, the package still imports it: the rewrite drops this file's spec, and what is linked and
initialised is the same (`go run` prints the same inits and result). Declined, with its naive rewrite: the other
file's import is under `//go:build extra`, so without the tag the naive rewrite leaves reg out of the program, and
its init, which records itself, no longer runs. Declined too: a file whose only import of reg the dead code uses,
where the only other file importing reg is one that the same kind of fix may strip (AUDIT as other.go):
the naive pair of fixes, each leaning on the other file, left reg out of the program (adv45c).
"""

from __future__ import annotations

from conftest import assert_declines, edited, module, only_fix, proposals, releases
from test_iface_direct import RULE

from gorewrite.proposals import Fix

STATE = "package state\n\n// Inits lists the packages initialised, in order.\nvar Inits []string\n"
REG = """package reg

import "example.com/m/state"

func init() { state.Inits = append(state.Inits, "reg") }

// Named is implemented by events that name themselves.
type Named interface{ Name() string }
"""
ROUTE = """package route

import (
	"strconv"

	"example.com/m/reg"
)

type Keyed interface{ Key() string }

type order struct{ id int }

func (o *order) Key() string { return "order/" + strconv.Itoa(o.id) }

type envelope struct {
	topic   string
	payload any
}

// Key routes an order by its key, or by its name.
func Key(id int) string {
	o := order{id: id}
	env := envelope{topic: "orders", payload: &o}
	switch p := env.payload.(type) {
	case Keyed:
		return env.topic + ":" + p.Key()
	case reg.Named:
		return env.topic + ":" + p.Name()
	}
	return env.topic
}
"""
OTHER = """package route

import "example.com/m/reg"

// Describe names an event that names itself.
func Describe(n reg.Named) string { return "named " + n.Name() }
"""
MAIN = """package main

import (
	"fmt"

	"example.com/m/route"
	"example.com/m/state"
)

func main() { fmt.Println(route.Key(7), state.Inits) }
"""


def files(route: str, other: str) -> dict[str, str]:
    return {
        "state/state.go": STATE,
        "reg/reg.go": REG,
        "route/route.go": route,
        "route/other.go": other,
        "cmd/main.go": MAIN,
    }


def run(root) -> str:
    done = releases()[0].run(["run", "./cmd"], str(root))
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout.decode()


def test_drops_an_import_another_file_keeps(tmp_path):
    found = proposals(module(tmp_path / "p", files(ROUTE, OTHER)), RULE, toolchains=list(releases()))
    fix = only_fix(found["example.com/m/route"])
    assert "drop its import of reg, which another file of the package imports too" in fix.summary, fix.summary
    after = edited(ROUTE, fix)
    assert '"example.com/m/reg"' not in after and "reg.Named" not in after, after
    before_run, after_run = (
        run(module(tmp_path / "a", files(ROUTE, OTHER))),
        run(module(tmp_path / "b", files(after, OTHER))),
    )
    assert before_run == after_run == "orders:order/7 [reg]\n", (before_run, after_run)


CONSTRAINED = "//go:build extra\n\n" + OTHER


def test_declines_where_another_build_leaves_the_other_import_out(tmp_path):
    found = proposals(module(tmp_path, files(ROUTE, CONSTRAINED)), RULE, toolchains=list(releases()))
    assert_declines(found["example.com/m/route"], "removing it would leave the import of reg unused")


def test_the_naive_removal_skips_an_init(tmp_path):
    naive = ROUTE.replace('\n\t"example.com/m/reg"\n', "\n").replace(
        '\tcase reg.Named:\n\t\treturn env.topic + ":" + p.Name()\n', ""
    )
    naive = naive.replace('import (\n\t"strconv"\n\n)', 'import "strconv"')
    before_run = run(module(tmp_path / "a", files(ROUTE, CONSTRAINED)))
    after_run = run(module(tmp_path / "b", files(naive, CONSTRAINED)))
    assert (before_run, after_run) == ("orders:order/7 [reg]\n", "orders:order/7 []\n"), (before_run, after_run)


# other.go's dead case (AUDIT) is its only use of reg, as route.go's is: each file's fix, proved alone, leaned on the
# other's import, and applied together they left reg out of the program (its init no longer ran). Only a file sorting
# before counts: route.go still drops its import (other.go keeps reg), other.go declines.
AUDIT = (
    'package route\n\nimport "example.com/m/reg"\n\ntype audit struct{ id int }\n\n'
    + 'func (a *audit) Key() string { return "audit" }\n\n'
    + (
        ROUTE[ROUTE.index("// Key routes") :]
        .replace("// Key routes an order", "// Audit routes an audit record")
        .replace("func Key(", "func Audit(")
        .replace("order{id: id}", "audit{id: id}")
        .replace('"orders"', '"audit"')
    )
)


def test_declines_where_the_other_file_may_drop_its_import_too(tmp_path):
    found = proposals(module(tmp_path, files(ROUTE, AUDIT)), RULE, toolchains=list(releases()))["example.com/m/route"]
    fixes = [p for p in found if isinstance(p, Fix)]
    assert [f.edits[0].path.rsplit("/", 1)[-1] for f in fixes] == ["route.go"], found
    assert_declines([p for p in found if p not in fixes], "removing it would leave the import of reg unused")


def test_the_naive_pair_of_removals_skips_an_init(tmp_path):
    naive_route = ROUTE.replace('\n\t"example.com/m/reg"\n', "\n").replace(
        '\tcase reg.Named:\n\t\treturn env.topic + ":" + p.Name()\n', ""
    )
    naive_audit = AUDIT.replace('import "example.com/m/reg"\n\n', "").replace(
        '\tcase reg.Named:\n\t\treturn env.topic + ":" + p.Name()\n', ""
    )
    before_run = run(module(tmp_path / "a", files(ROUTE, AUDIT)))
    after_run = run(module(tmp_path / "b", files(naive_route, naive_audit)))
    assert (before_run, after_run) == ("orders:order/7 [reg]\n", "orders:order/7 []\n"), (before_run, after_run)


def test_drops_an_import_a_later_file_uses_where_no_fix_removes_code(tmp_path):
    later = files(ROUTE, "package route\n") | {"route/zdescribe.go": OTHER}  # sorts after route.go
    found = proposals(module(tmp_path, later), RULE, toolchains=list(releases()))
    fix = only_fix(found["example.com/m/route"])
    assert "drop its import of reg, which another file of the package imports too" in fix.summary, fix.summary

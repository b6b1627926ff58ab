"""iface-direct through a counted loop over a local literal, `for i := len(c) - 1; i >= 0; i-- { n =
c[i].Wrap(n) }` (counted.py): the switch on `c[i]`'s type at the top of the body reads the element the body
reads, in range as a range's index is. Other bounds, a start below zero, or an index the body changes
decline, each with its naive switch, which panics or reads another element. AllocsPerRun under both
releases."""

from __future__ import annotations

import pytest
from conftest import allocs_of, assert_declines, assert_naive_is_wrong, edited, naive_mutants, proposals_by_case

from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["iface-direct"]

STAGES = """package {name}

import "fmt"

var _ = fmt.Sprint

type Wrapper interface{{ Wrap(n int) int }}

type double struct{{ calls int }}

func (d *double) Wrap(n int) int {{ d.calls++; return 2 * n }}

type inc struct{{ calls int }}

func (i *inc) Wrap(n int) int {{ i.calls++; return n + 1 }}

// Apply runs n through the chain's stages.
func Apply(n int) int {{
	var d double
	var i inc
	chain := []Wrapper{{&d, &i}}
	for {loop} {{
{body}	}}
	return n*100 + d.calls*10 + i.calls
}}
"""

CALL = "\t\tn = chain[k].Wrap(n)\n"
SWITCH = (
    "\t\tswitch elem := chain[k].(type) {\n\t\tcase *double:\n\t\t\tn = elem.Wrap(n)\n"
    "\t\tcase *inc:\n\t\t\tn = elem.Wrap(n)\n\t\t}\n"
)


def stages(name: str, loop: str, body: str = CALL) -> str:
    return STAGES.format(name=name, loop=loop, body=body)


FIXES = {
    "reverse": stages("reverse", "k := len(chain) - 1; k >= 0; k--"),
    "forward": stages("forward", "k := 0; k < len(chain); k++"),
    "from_one": stages("from_one", "k := 1; k < len(chain); k++"),
}
GUARDED = "\t\tif k < len(chain) {\n\t" + CALL + "\t\t}\n"
GUARDED_SWITCH = SWITCH.replace("n = elem.Wrap(n)", "if k < len(chain) {\n\t\t\t\tn = elem.Wrap(n)\n\t\t\t}")
DECLINES = {
    # at k == len(chain) the body reads nothing; a switch at its top would index past the end
    "inclusive": (stages("inclusive", "k := 0; k <= len(chain); k++", GUARDED), "which element is not known here"),
    "negative_start": (
        stages("negative_start", "k := -1; k < len(chain); k++", GUARDED.replace("k < len(chain)", "k >= 0")),
        "which element is not known here",
    ),
    # the body moves on to the next element: its second read is another element's
    "index_moved": (
        stages(
            "index_moved",
            "k := 0; k < len(chain); k++",
            CALL + "\t\tif k+1 < len(chain) {\n\t\t\tk++\n\t" + CALL + "\t\t}\n",
        ),
        "k is written or its address taken",
    ),
}
RECOVERED = (
    "func() (got string) {{ defer func() {{ got = fmt.Sprint(recover()) }}(); "
    "got = fmt.Sprint({pkg}.Apply(3)); return }}()"
)
NAIVE = {
    "inclusive": (lambda s: s.replace(GUARDED, GUARDED_SWITCH), RECOVERED),
    "negative_start": (
        lambda s: s.replace(
            GUARDED.replace("k < len(chain)", "k >= 0"), GUARDED_SWITCH.replace("k < len(chain)", "k >= 0")
        ),
        RECOVERED,
    ),
    "index_moved": (
        lambda s: s.replace(
            CALL + "\t\tif k+1 < len(chain) {\n\t\t\tk++\n\t" + CALL + "\t\t}\n",
            SWITCH.replace(
                "n = elem.Wrap(n)\n",
                "n = elem.Wrap(n)\n\t\t\tif k+1 < len(chain) {\n\t\t\t\tk++\n\t\t\t\tn = elem.Wrap(n)\n\t\t\t}\n",
            ),
        ),
        "fmt.Sprint({pkg}.Apply(3))",
    ),
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {**FIXES, **{name: code for name, (code, _) in DECLINES.items()}}
    return proposals_by_case(tmp_path_factory.mktemp("iface-counted"), RULE, cases)


@pytest.mark.parametrize("name", list(FIXES))
def test_switches_on_the_indexed_element(proposed, name):
    fixes = [p for p in proposed[name] if isinstance(p, Fix)]
    assert fixes and all(f.safety == "safe" for f in fixes), proposed[name]
    # unindented here: the fix's text is gofmt-ed when it is written
    assert "\n".join(line.strip() for line in SWITCH.splitlines()) in edited(FIXES[name], fixes[0])


@pytest.mark.parametrize("name", list(DECLINES))
def test_declines(proposed, name):
    assert_declines(proposed.get(name, []), DECLINES[name][1])


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    return naive_mutants(tmp_path_factory.mktemp("iface-counted-naive"), toolchain, DECLINES, NAIVE)


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_switch_changes_what_the_code_does(mutants, name):
    assert_naive_is_wrong(mutants, DECLINES[name][0], NAIVE[name], name)


def test_the_counted_loops_allocate_less_under_both_releases(tmp_path, proposed):
    cases = {}
    for name, code in FIXES.items():
        (fix, *_) = [p for p in proposed[name] if isinstance(p, Fix)]
        cases[name] = (code, edited(code, fix), "{pkg}.Apply(3)")
    for version, measured in allocs_of(tmp_path, cases).items():
        for name, (before, after, was, now) in measured.items():
            assert after < before and was == now, (version, name, measured)
            print(version, name, before, "->", after)

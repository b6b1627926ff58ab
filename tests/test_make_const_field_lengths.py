"""make-const with a size that is the length of an unexported slice or string field, bounded by every value its
package stores in the field (gorewrite/field_writes.py with length; probe49d make-const-sim `Goban.Captured`,
`Goban.Territory`): a slice or string never changes its length, so only a write of the field does. A
constructor's `make([]uint8, w*h)` after its guard, a guarded copy of a parameter, a nil reset and a string
field bound it; an append, a store nothing bounds, a write through `&b.cells` and a map field (whose length
changes with no write of the field) do not. Each must-decline keeps the naive array (sized by the constructor's
guard alone) as a mutant, run beside the original: it panics where the original does not.
"""

from __future__ import annotations

import pytest
from conftest import at_most_speculative, exact_array, naive_mutants, naive_panics, proposal_at, proposals_by_case
from test_make_const_bounds import array, probe

from gorewrite.rules import RULES

RULE = RULES["make-const"]


def board_source(name: str, extra: str, field: str = "cells []uint8", size: str = "len(b.cells)") -> str:
    """A package whose Board.Labels labels its cells through a `make([]int16, <size>)` (nothing escapes); New
    checks the sides once; `extra` adds the package's other code."""
    return f"""package {name}

const maxSide = 16

// Board is a tile map of w×h cells.
type Board struct {{
	w     int
	{field}
}}

// New checks the sides once.
func New(w, h int) *Board {{
	if w < 1 || h < 1 || w > maxSide || h > maxSide {{
		return nil
	}}
	return &Board{{w: w, cells: make([]uint8, w*h)}}
}}

// Labels counts the runs of equal cells along the rows.
func (b *Board) Labels() int {{
	labels := make([]int16, {size})
	next := int16(0)
	for i := range labels {{
		if i%b.w == 0 || b.cells[i] != b.cells[i-1] {{
			next++
		}}
		labels[i] = next
	}}
	return int(next)
}}
{extra}"""


BOUNDED = {
    "constructor": "\n// Set paints one cell.\nfunc (b *Board) Set(i int, v uint8) { b.cells[i] = v }\n",
    "reset_nil": "\n// Clear drops the cells.\nfunc (b *Board) Clear() { b.cells = nil }\n",
    "guarded_copy": (
        "\n// Load takes a saved map of at most 256 cells.\nfunc (b *Board) Load(cells []uint8) bool {\n"
        "\tif len(cells) > maxSide*maxSide {\n\t\treturn false\n\t}\n\tb.cells = cells\n\treturn true\n}\n"
    ),
}
DEMO = "\n// Demo labels a board grown as the package allows.\nfunc Demo(n int) int {{\n{body}}}\n"
NOT_BOUNDED = {
    "appended": (
        "\nfunc (b *Board) Grow(v uint8) { b.cells = append(b.cells, v) }\n",
        "\tb := New(16, 16)\n\tfor range n {\n\t\tb.Grow(1)\n\t}\n\treturn b.Labels()\n",
    ),
    "unbounded_store": (
        "\nfunc (b *Board) Load(cells []uint8) { b.cells = cells }\n",
        "\tb := New(1, 1)\n\tb.Load(make([]uint8, n))\n\treturn b.Labels()\n",
    ),
    "addressed": (
        "\nfunc fill(p *[]uint8, n int) { *p = make([]uint8, n) }\n",
        "\tb := New(1, 1)\n\tfill(&b.cells, n)\n\treturn b.Labels()\n",
    ),
}
CASES = {
    **{name: board_source(name, extra) for name, extra in BOUNDED.items()},
    **{name: board_source(name, extra + DEMO.format(body=body)) for name, (extra, body) in NOT_BOUNDED.items()},
    # a string field: its length is the stored string's
    "string_field": board_source(
        "string_field",
        "\n// Name sets a name of at most 256 bytes.\nfunc (b *Board) Name(s string) {\n"
        "\tif len(s) <= maxSide*maxSide {\n\t\tb.title = s\n\t}\n}\n",
        field="cells []uint8\n\ttitle string",
        size="len(b.title)",
    ),
    # a map's length grows with `b.seen[k] = v`, which writes no field
    "map_field": board_source(
        "map_field",
        "\nfunc (b *Board) Mark(k int) {\n\tif b.seen == nil {\n\t\tb.seen = make(map[int]bool, 4)\n\t}\n"
        "\tb.seen[k] = true\n}\n"
        + DEMO.format(body="\tb := New(1, 1)\n\tfor i := range n {\n\t\tb.Mark(i)\n\t}\n\treturn b.Labels()\n"),
        field="cells []uint8\n\tseen  map[int]bool",
        size="len(b.seen)",
    ).replace("b.cells[i] != b.cells[i-1]", "i > len(b.cells)"),
}
NAIVE = {name: (array("labels", "len(b.cells)", "int16", 256), probe("{pkg}.Demo(300)")) for name in NOT_BOUNDED}
NAIVE["map_field"] = (array("labels", "len(b.seen)", "int16", 4), probe("{pkg}.Demo(9)"))


def labels(proposed: dict, name: str):
    """The proposal for Labels' make (New's own make escapes: declined)."""
    line = next(x for x in CASES[name].splitlines() if x.startswith("\tlabels := make("))
    return proposal_at(proposed[name], CASES[name], line)


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    return proposals_by_case(tmp_path_factory.mktemp("make-const-field-lengths"), RULE, CASES)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    declines = {n: (CASES[n], None) for n in NAIVE}
    return naive_mutants(tmp_path_factory.mktemp("make-const-field-lengths-naive"), toolchain, declines, NAIVE)


@pytest.mark.parametrize("name", [*BOUNDED, "string_field"])
def test_every_value_stored_in_the_field_bounds_its_length(proposed, name):
    exact_array([labels(proposed, name)], CASES[name], "[256]int16", scope="(b *Board) Labels")


@pytest.mark.parametrize("name", [*NOT_BOUNDED, "map_field"])
def test_a_store_nothing_bounds_bounds_nothing(proposed, name):
    at_most_speculative([labels(proposed, name)])


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_array_panics_where_the_original_does_not(mutants, name):
    naive_panics(mutants, name)

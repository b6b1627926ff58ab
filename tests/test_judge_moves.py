"""A fix's moved allocations (claims.MovesAllocation) are excused where the fix wrote them, and never in more loops
than what they stand for (gorewrite/verify/moves.py). Excused in file order, the claim took the first escape of its
text: in std's runtime/debug `(*BuildInfo).String` the Builder appends written before the loop took the claim, and
the split's own appends inside it stood as new (a right rewrite rejected); and an earlier copy in a deeper loop,
excused, freed its place before the rewrite for the fix's own copy in a loop its target was not in (a wrong rewrite
accepted). Both directions are judged by the real compiler here."""

from __future__ import annotations

import importlib

from conftest import module, releases

from gorewrite import proposing
from gorewrite.claims import MovesAllocation
from gorewrite.edits import Edit
from gorewrite.escapes import Escape
from gorewrite.pipeline import analyse
from gorewrite.proposals import Fix
from gorewrite.rules import RULES
from gorewrite.verify import Rejected, Verified, verify

MOVES = importlib.import_module("gorewrite.verify.moves")
JUDGE = importlib.import_module("gorewrite.verify.judge")
DEPTHS = importlib.import_module("gorewrite.verify.depths")

# runtime/debug's shape: a header written into the Builder before the loop, a Fprintf into it inside
MANIFEST = """package manifest

import (
	"fmt"
	"strconv"
	"strings"
)

type Dep struct {
	Path    string
	Version string
	Sum     string
}

type Setting struct {
	Key, Value string
}

type Manifest struct {
	Path     string
	Main     *Dep
	Settings []Setting
}

// String renders the manifest one line per entry, tab-separated.
func (m *Manifest) String() string {
	buf := new(strings.Builder)
	buf.WriteString("path\\t")
	buf.WriteString(m.Path)
	buf.WriteByte('\\n')
	if m.Main != nil {
		buf.WriteString("mod\\t")
		buf.WriteString(m.Main.Path)
		buf.WriteByte('\\t')
		buf.WriteString(m.Main.Version)
		buf.WriteByte('\\n')
	}
	for _, s := range m.Settings {
		key := s.Key
		if strings.ContainsAny(key, "= \\t\\"") {
			key = strconv.Quote(key)
		}
		fmt.Fprintf(buf, "build\\t%s=%s\\n", key, s.Value)
	}
	return buf.String()
}
"""

# a table's cells, allocated in the inner loop, and a total cell allocated once before the loops
GRID = """package cells

type Cell struct {
	Row, Col int
	Text     string
}

// Grid lists the table's cells row by row, then a total cell below the last row.
func Grid(rows [][]string) []*Cell {
	total := &Cell{Text: "total"}
	var cells []*Cell
	for i, row := range rows {
		for j, text := range row {
			cells = append(cells, &Cell{Row: i, Col: j, Text: text})
		}
		total.Row = i + 1
	}
	return append(cells, total)
}
"""


# iface-events' help screen: a range over a literal of two commands, the body's boxed `c.Name()` copied per case
HELP = """package help

import (
	"fmt"
	"io"
)

type Command interface{ Name() string }

type Describer interface{ Describe() string }

type insert struct {
	at int
	s  string
}

func (c *insert) Name() string     { return "insert" }
func (c *insert) Describe() string { return "insert S at N" }

type wipe struct{}

func (wipe) Name() string     { return "wipe" }
func (wipe) Describe() string { return "wipe the document" }

// Help prints the help of the built-in commands that describe themselves.
func Help(w io.Writer) int {
	var ins insert
	var cl wipe
	n := 0
	for _, c := range []Command{&ins, cl} {
		if d, ok := c.(Describer); ok {
			k, _ := fmt.Fprintf(w, "%s: %s\\n", c.Name(), d.Describe())
			n += k
		}
	}
	return n
}
"""


def _fix(tmp_path, path: str, source: str):
    """iface-direct's one fix of the module holding `source` at `path`, with what verifying it needs."""
    toolchains = list(releases())
    root = module(tmp_path, {path: source})
    rule = RULES["iface-direct"]
    _, views, candidates = analyse(toolchains, ["./..."], str(root), [rule])
    found = proposing.propose(toolchains, str(root), [rule], views, candidates, set())
    (pkg,) = found
    (fix,) = [p for p in found[pkg] if isinstance(p, Fix)]
    return toolchains, str(root), views, pkg, fix


def test_a_builder_split_in_a_loop_after_header_appends_verifies(tmp_path, monkeypatch):
    """runtime/debug's rejection (go1.27.3): the split's appends sit in the loop, the header's before it. NAIVE:
    excusing in file order gives the header's appends the claim and counts the split's as new in a deeper loop."""
    toolchains, root, views, pkg, fix = _fix(tmp_path, "manifest/manifest.go", MANIFEST)
    assert b"buf.Grow(" in fix.edits[0].new and "append escapes to heap" in fix.claim.messages
    (verdict,) = verify(toolchains, root, views, {pkg: [fix]}).verdicts
    assert isinstance(verdict, Verified), verdict
    monkeypatch.setattr(JUDGE, "writer", lambda *_: lambda *_: False)
    (verdict,) = verify(toolchains, root, views, {pkg: [fix]}).verdicts
    assert isinstance(verdict, Rejected), "NAIVE: file order should reject the split"
    assert "go1.27.3: the rewrite allocates in a deeper loop: `append escapes to heap`" in verdict.reason


def test_a_move_into_a_loop_is_rejected_though_a_deeper_copy_came_first(tmp_path, monkeypatch):
    """A rewrite that allocates the total once per row (a wrong rule's move, made by hand) claims `&Cell{...}`
    moved; the inner loop's cell, earlier in the file, has the same text. NAIVE (the judge before, file order
    with no loop limit): the inner cell takes the claim and its place before stands for the total's new
    allocation in the outer loop, and the rewrite verifies, 1 -> rows allocations of the total."""
    toolchains = list(releases())
    root = module(tmp_path, {"cells/cells.go": GRID})
    _, views, _ = analyse(toolchains, ["./..."], str(root), [RULES["iface-direct"]])
    (pkg,) = views
    view = views[pkg]
    (path,) = view.sources
    source = view.sources[path]
    (target,) = [e for e in view.escapes if e.message == "&Cell{...} escapes to heap" and e.line == 10]
    edits = []
    for old, new in (
        ('total := &Cell{Text: "total"}', "var total *Cell"),
        ("total.Row = i + 1", 'total = &Cell{Text: "total", Row: i + 1}'),
    ):
        at = source.index(old.encode())
        edits.append(Edit(path, at, at + len(old), new.encode()))
    claim = MovesAllocation(("&Cell{...} escapes to heap",))
    fix = Fix("iface-direct", tuple(edits), (target,), "the total made in the loop", claim=claim)
    (verdict,) = verify(toolchains, str(root), views, {pkg: [fix]}).verdicts
    assert isinstance(verdict, Rejected), verdict
    monkeypatch.setattr(JUDGE, "writer", lambda *_: lambda *_: False)
    monkeypatch.setattr(MOVES, "_deepest", lambda *_: (99, 99))
    (verdict,) = verify(toolchains, str(root), views, {pkg: [fix]}).verdicts
    assert isinstance(verdict, Verified), "NAIVE: the judge before should accept the move into the loop"


def test_a_body_copied_into_cases_may_move_its_escapes_to_the_loop_it_was_in(tmp_path, monkeypatch):
    """ranged.py's switch copies the loop's body per case, inside the loop, and claims the body's escapes once
    per extra case; the target (`ins`) sits before the loop. The copies may sit in as many loops as the escapes
    of their kind in the body the edit replaces: the boxed `c.Name()`, which the inlined direct call names
    `~r0 escapes to heap` (iface-events' Help). NAIVE: only the claimed text itself in the replaced body, or
    only the target's loops, rejects it (go1.24.11: "the rewrite adds an escape: `~r0 escapes to heap`")."""
    toolchains, root, views, pkg, fix = _fix(tmp_path, "help/help.go", HELP)
    assert "~r0 escapes to heap" in fix.claim.messages
    (verdict,) = verify(toolchains, root, views, {pkg: [fix]}).verdicts
    assert isinstance(verdict, Verified), verdict
    deepest = MOVES._deepest
    monkeypatch.setattr(
        MOVES, "_deepest", lambda view, reported, fix, named, kind: deepest(view, reported, fix, named, str)
    )
    (verdict,) = verify(toolchains, root, views, {pkg: [fix]}).verdicts
    assert isinstance(verdict, Rejected) and "`~r0 escapes to heap`" in verdict.reason, verdict


def _grid_fix(tmp_path, spans, source=GRID, moved=1):
    """The total of GRID (or `source`) made once per row, by hand: each (old, new) of `spans` one edit; its claim
    `&Cell{...}`, `moved` times."""
    toolchains = list(releases())
    root = module(tmp_path, {"cells/cells.go": source})
    _, views, _ = analyse(toolchains, ["./..."], str(root), [RULES["iface-direct"]])
    (pkg,) = views
    view = views[pkg]
    (path,) = view.sources
    source = view.sources[path]
    line = source[: source.index(b"total := &Cell")].count(b"\n") + 1
    (target,) = [e for e in view.escapes if e.message == "&Cell{...} escapes to heap" and e.line == line]
    edits = []
    for old, new in spans:
        at = source.index(old.encode())
        edits.append(Edit(path, at, at + len(old), new.encode()))
    claim = MovesAllocation(("&Cell{...} escapes to heap",) * moved)
    fix = Fix("iface-direct", tuple(edits), (target,), "the total made in the loop", claim=claim)
    return toolchains, str(root), views, pkg, fix


GRID_LOOP = """for i, row := range rows {
		for j, text := range row {
			cells = append(cells, &Cell{Row: i, Col: j, Text: text})
		}
		total.Row = i + 1
	}"""


def test_a_move_into_a_loop_is_rejected_though_its_edit_spans_a_deeper_escape(tmp_path, monkeypatch):
    """The same wrong move as above (the total made once per row, 55 -> 64 allocations for 10x5 under go1.27.3),
    written as one edit over the whole loop: the inner cell's `&Cell{...}` now lies in the bytes the edit replaces,
    at depth 2. NAIVE (any escape of the kind in the replaced code keeps its loops): the limit rises to 2, the
    total's copy in the row loop is excused, the inner cell stands for itself, and the rewrite verifies. Only a
    copy in a switch's case (ranged.py's shape: one case runs per pass) may keep the replaced code's loops."""
    loop = GRID_LOOP.replace("total.Row = i + 1", 'total = &Cell{Text: "total", Row: i + 1}')
    spans = (('total := &Cell{Text: "total"}', "var total *Cell"), (GRID_LOOP, loop))
    toolchains, root, views, pkg, fix = _grid_fix(tmp_path, spans)
    (verdict,) = verify(toolchains, root, views, {pkg: [fix]}).verdicts
    assert isinstance(verdict, Rejected), verdict
    monkeypatch.setattr(MOVES, "_switched", lambda *_: True)
    (verdict,) = verify(toolchains, root, views, {pkg: [fix]}).verdicts
    assert isinstance(verdict, Verified), "NAIVE: the replaced inner cell should lift the limit to its loops"


def test_a_move_into_a_lone_case_of_a_loop_is_rejected_though_its_edit_spans_a_deeper_escape(tmp_path, monkeypatch):
    """The same wrong move, the total's copy in the one case of a switch in the row loop: that case runs on every pass
    with rows, no other case runs instead (55 -> 64 allocations for 10x5 under go1.27.3, 58 -> 67 under go1.24.11).
    NAIVE (any copy in a switch's case keeps the replaced code's loops): verified. A case copy keeps them only where
    another case of its switch holds an escape of its kind, as ranged.py's copies of one body do."""
    loop = GRID_LOOP.replace(
        "total.Row = i + 1", 'switch {\n\t\tcase len(row) > 0:\n\t\t\ttotal = &Cell{Text: "total", Row: i + 1}\n\t\t}'
    )
    spans = (('total := &Cell{Text: "total"}', "var total *Cell"), (GRID_LOOP, loop))
    toolchains, root, views, pkg, fix = _grid_fix(tmp_path, spans)
    (verdict,) = verify(toolchains, root, views, {pkg: [fix]}).verdicts
    assert isinstance(verdict, Rejected), verdict
    monkeypatch.setattr(MOVES, "_switched", lambda tree, e, alike: MOVES._case(tree, e) is not None)
    (verdict,) = verify(toolchains, root, views, {pkg: [fix]}).verdicts
    assert isinstance(verdict, Verified), "NAIVE: a lone case's copy should keep the inner cell's loops"


def test_a_move_into_a_case_that_falls_through_is_rejected(tmp_path, monkeypatch):
    """Each row ends with an end cell (depth 1); the wrong move puts the total in a case that falls through into the
    default's end cell, so both run on every pass: one more cell a row. NAIVE (a case with another case of its kind
    keeps the replaced code's loops, fallthrough or not): the total's copy is excused at the inner cell's depth, the
    end cell stands for itself, and the rewrite verifies."""
    end = 'cells = append(cells, &Cell{Row: i, Col: -1, Text: "end"})'
    source = GRID.replace("total.Row = i + 1", end + "\n\t\ttotal.Row = i + 1")
    loop = GRID_LOOP.replace("total.Row = i + 1", end + "\n\t\ttotal.Row = i + 1")
    cases = (
        'switch {\n\t\tcase len(row) > 0:\n\t\t\ttotal = &Cell{Text: "total", Row: i + 1}\n\t\t\tfallthrough\n'
        "\t\tdefault:\n\t\t\t" + end + "\n\t\t}"
    )
    spans = (
        ('total := &Cell{Text: "total"}', "var total *Cell"),
        (loop, loop.replace(end + "\n\t\ttotal.Row = i + 1", cases)),
    )
    toolchains, root, views, pkg, fix = _grid_fix(tmp_path, spans, source)
    (verdict,) = verify(toolchains, root, views, {pkg: [fix]}).verdicts
    assert isinstance(verdict, Rejected), verdict
    monkeypatch.setattr(MOVES, "walk", lambda node: iter(()))
    (verdict,) = verify(toolchains, root, views, {pkg: [fix]}).verdicts
    assert isinstance(verdict, Verified), "NAIVE: a case falling through should keep the inner cell's loops"


# GRID's rows walked with a label and a backward goto: a loop no `for` spells
GOTO_GRID = """package cells

type Cell struct {
	Row, Col int
	Text     string
}

// Grid lists the table's cells row by row, then a total cell below the last row.
func Grid(rows [][]string) []*Cell {
	total := &Cell{Text: "total"}
	var cells []*Cell
	i := 0
next:
	if i < len(rows) {
		for j, text := range rows[i] {
			cells = append(cells, &Cell{Row: i, Col: j, Text: text})
		}
		total.Row = i + 1
		i++
		goto next
	}
	return append(cells, total)
}
"""


def test_a_move_into_a_goto_loop_is_rejected(tmp_path, monkeypatch):
    """The total moved into the rows' loop spelled `next: if i < len(rows) { …; goto next }` (55 -> 64 allocations
    for 10x5 under go1.27.3, 58 -> 67 under go1.24.11). NAIVE (only `for` statements are loops): the total's copy
    sits at depth 0 like its target, is excused, and the rewrite verifies."""
    spans = (
        ('total := &Cell{Text: "total"}', "var total *Cell"),
        ("total.Row = i + 1", 'total = &Cell{Text: "total", Row: i + 1}'),
    )
    toolchains, root, views, pkg, fix = _grid_fix(tmp_path, spans, GOTO_GRID)
    (verdict,) = verify(toolchains, root, views, {pkg: [fix]}).verdicts
    assert isinstance(verdict, Rejected), verdict
    monkeypatch.setattr(DEPTHS, "_jumps", lambda *_: 0)
    (verdict,) = verify(toolchains, root, views, {pkg: [fix]}).verdicts
    assert isinstance(verdict, Verified), "NAIVE: a goto loop unseen should let the total's move through"


# GRID noting each row through an `any` a global keeps: the constant's boxing is static data, no allocation
NOTED_GRID = GRID.replace("\t\ttotal.Row = i + 1\n", '\t\tnote("row")\n\t\ttotal.Row = i + 1\n').replace(
    "// Grid lists", "var seen any\n\nfunc note(v any) { seen = v }\n\n// Grid lists"
)


def test_a_constants_boxing_in_the_replaced_code_keeps_no_loops(tmp_path, monkeypatch):
    """The total made in both cases of a switch in the row loop, claimed twice; the replaced code holds only
    `"row" escapes to heap`, a constant's boxing (Escape.heap: static data), at depth 1. NAIVE (any message of the
    kind in the replaced code keeps its loops): both copies are excused in the row loop, the rewrite verifies, and
    the total is made once per row."""
    cases = 'switch {\n\t\tcase len(row) > 0:\n\t\t\ttotal = &Cell{Text: "total", Row: i + 1}\n\t\tdefault:\n\t\t\t'
    cases += 'total = &Cell{Text: "total", Row: i}\n\t\t}\n\t\tnote("row")'
    spans = (('total := &Cell{Text: "total"}', "var total *Cell"), ('note("row")\n\t\ttotal.Row = i + 1', cases))
    toolchains, root, views, pkg, fix = _grid_fix(tmp_path, spans, NOTED_GRID, moved=2)
    assert any(e.message == '"row" escapes to heap' and not e.heap for e in views[pkg].escapes)
    (verdict,) = verify(toolchains, root, views, {pkg: [fix]}).verdicts
    assert isinstance(verdict, Rejected), verdict
    deepest = MOVES._deepest
    heap = [e for e in views[pkg].escapes if e.message == '"row" escapes to heap']
    monkeypatch.setattr(
        MOVES, "_deepest", lambda view, reported, *rest: deepest(view, (*reported, *(Boxed(*e) for e in heap)), *rest)
    )
    (verdict,) = verify(toolchains, root, views, {pkg: [fix]}).verdicts
    assert isinstance(verdict, Verified), "NAIVE: a constant's boxing should keep the row loop for both copies"


class Boxed(Escape):
    """An escape taken for a heap allocation whatever its message."""

    @property
    def heap(self) -> bool:
        return True

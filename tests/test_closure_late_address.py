"""closure and an address taken after the goroutine starts: `wg.Wait(); st.Reset()`, `merge(&cfg, next)` once the
group is done. A call argument `&x` or a pointer-method receiver `x.M()`, in a call that finishes where it stands
(not go/defer), whose callee keeps nothing of the pointer (retention.py), leaves the pointer dead once the call
returns: the call may read or write x only while it runs, as a write standing there would. So it counts as a write
at that position, which the happens-before proof orders after the goroutines' reads (or declines) like any other;
before, any address at or after the statement declined.

Tables as in test_closure_try_go.py: FIXES, DECLINES, NAIVE (the copy a careless rule would insert, and a probe
showing it changes what the code does or leaves the variable on the heap), ALLOCS.
"""

from __future__ import annotations

import pytest
from conftest import (
    allocs_of,
    assert_declines,
    assert_naive_is_wrong,
    edited,
    naive_mutants,
    proposals_by_case,
    releases,
)

from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["closure"]

FIXES = {
    "late_reset_stats": (  # a pointer-method receiver after the Wait, st a parameter: a block of its own
        """package late_reset_stats

import (
	"fmt"
	"sync"
)

// Stats are a round's figures.
type Stats struct{ Kills, Deaths int }

// Reset clears the figures for the next round.
func (s *Stats) Reset() { *s = Stats{} }

// Report sends every player the round's figures, then clears them.
func Report(players []string, st Stats, send func(string, string)) Stats {
	var wg sync.WaitGroup
	for _, p := range players {
		wg.Add(1)
		go func() {
			defer wg.Done()
			send(p, fmt.Sprintf("%d/%d", st.Kills, st.Deaths))
		}()
	}
	wg.Wait()
	st.Reset()
	return st
}
""",
        "\t\t{\n\t\tst := st // captured by value: keeps st off the heap\n\t\tgo func() {",
    ),
    "late_merge_rounds": (  # `&cfg` to a function after the group's Wait, in the loop's same iteration
        """package late_merge_rounds

import (
	"context"
	"strings"

	"golang.org/x/sync/errgroup"
)

// Config is what every bot of a round plays with.
type Config struct {
	Level int
	Map   string
}

func advance(c *Config, won int) {
	c.Level += won
	if c.Level > 3 {
		c.Map = "hard"
	}
}

// Rounds plays the rounds one after another, each with every bot at once; the config
// advances between rounds by the wins.
func Rounds(ctx context.Context, bots []string, rounds int) (string, error) {
	cfg := Config{Level: 1, Map: "easy"}
	var log []string
	for r := 0; r < rounds; r++ {
		out := make([]string, len(bots))
		g, ctx := errgroup.WithContext(ctx)
		for i, b := range bots {
			g.Go(func() error {
				out[i] = b + "@" + cfg.Map
				return ctx.Err()
			})
		}
		if err := g.Wait(); err != nil {
			return "", err
		}
		log = append(log, strings.Join(out, ","))
		advance(&cfg, len(bots))
	}
	return strings.Join(log, ";"), nil
}
""",
        "\t\t\tcfg := cfg // captured by value: keeps cfg off the heap\n\t\t\tg.Go(func() error {",
    ),
    "slice_copy_ids": (  # an array sliced as copy's destination before the go statement: copy keeps nothing
        """package slice_copy_ids

// ID is a player's id on the wire.
type ID [16]byte

// Track hands every raw id to the tracker on its own goroutine and sums their first bytes.
func Track(raws [][]byte) int {
	seen := make(chan ID, len(raws))
	for _, raw := range raws {
		var id ID
		copy(id[:], raw)
		go func() { seen <- id }()
	}
	n := 0
	for range raws {
		id := <-seen
		n += int(id[0])
	}
	return n
}
""",
        "\t\t{\n\t\tid := id // captured by value: keeps id off the heap\n\t\tgo func() { seen <- id }()",
    ),
    "slice_late_put": (  # sliced for binary's PutUint64 after the Wait, in the loop's same iteration
        """package slice_late_put

import (
	"encoding/binary"
	"sync"
)

// Rounds sends every player each round's sequence number, the next one set once all are sent.
func Rounds(players []string, rounds int, send func(string, [8]byte)) [8]byte {
	var seq [8]byte
	for r := 0; r < rounds; r++ {
		var wg sync.WaitGroup
		for _, p := range players {
			wg.Add(1)
			go func() {
				defer wg.Done()
				send(p, seq)
			}()
		}
		wg.Wait()
		binary.BigEndian.PutUint64(seq[:], uint64(r+1))
	}
	return seq
}
""",
        "\t\t\t{\n\t\t\tseq := seq // captured by value: keeps seq off the heap\n\t\t\tgo func() {",
    ),
}

DECLINES = {
    "decline_late_address_before_wait": (  # the reset comes before the Wait: the goroutine may read after it
        """package decline_late_address_before_wait

import "sync"

// Stats are a round's figures.
type Stats struct{ Kills int }

// Reset clears the figures.
func (s *Stats) Reset() { *s = Stats{} }

// Show starts the scoreboard, which reads the figures once released, then clears them.
func Show(st Stats) int {
	got := -1
	release := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		<-release
		got = st.Kills
	}()
	st.Reset()
	close(release)
	wg.Wait()
	return got
}
""",
        "st is written by or after the go statement (line 22): the write at line 22 can come before the wait at "
        "line 24",
    ),
    "decline_late_address_in_loop": (  # filled in a loop around the go statement, waited for after the loop
        """package decline_late_address_in_loop

import (
	"strings"
	"sync"
)

// Seat is a player's place at a table.
type Seat struct{ Name string }

func fill(s *Seat, name string) { s.Name = name }

// Seats greets every player once all are seated; the seat is reused for each.
func Seats(names []string) string {
	var seat Seat
	release := make(chan struct{})
	out := make([]string, len(names))
	var wg sync.WaitGroup
	for i, n := range names {
		fill(&seat, n)
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-release
			out[i] = seat.Name
		}()
	}
	close(release)
	wg.Wait()
	return strings.Join(out, ",")
}
""",
        "seat is written in a loop around the go statement (line 20): the write at line 20 can come before the wait "
        "at line 29",
    ),
    "decline_late_address_kept": (  # after the Wait, but the callee keeps the pointer: still on the heap
        """package decline_late_address_kept

import "sync"

// Stats are a round's figures.
type Stats struct{ Kills int }

var last *Stats

func keep(s *Stats) { last = s }

// Total sums every player's kills with the round's, then keeps the round as the last one.
func Total(players []int, st Stats) int {
	sum := make([]int, len(players))
	var wg sync.WaitGroup
	for i, p := range players {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sum[i] = p + st.Kills
		}()
	}
	wg.Wait()
	keep(&st)
	n := 0
	for _, s := range sum {
		n += s
	}
	return n
}
""",
        "st is passed to keep, whose parameter",
    ),
    "decline_slice_kept": (  # the callee keeps the slice, and a write through it reaches id after the start
        """package decline_slice_kept

// ID is a player's id on the wire.
type ID [4]byte

var last []byte

func remember(b []byte) { last = b }

// Stamp starts the sender, which sends the id once released, then fills the id through the slice it kept.
func Stamp(raw []byte) ID {
	out := make(chan ID, 1)
	release := make(chan struct{})
	var id ID
	remember(id[:])
	go func() {
		<-release
		out <- id
	}()
	copy(last, raw)
	close(release)
	return <-out
}
""",
        "id is passed to remember, whose parameter",
    ),
}

NAIVE = {
    "decline_late_address_before_wait": (
        lambda source: source.replace("\tgo func() {", "\t{\n\tst := st\n\tgo func() {").replace(
            "\t}()\n\tst.Reset()", "\t}()\n\t}\n\tst.Reset()"
        ),
        "fmt.Sprint({pkg}.Show({pkg}.Stats{Kills: 3}))",
    ),
    "decline_late_address_in_loop": (
        lambda source: source.replace("\t\tgo func() {", "\t\tseat := seat\n\t\tgo func() {"),
        'fmt.Sprint({pkg}.Seats([]string{"a", "b"}))',
    ),
    "decline_slice_kept": (
        lambda source: source.replace("\tgo func() {", "\t{\n\tid := id\n\tgo func() {").replace(
            "\t}()\n\tcopy(last", "\t}()\n\t}\n\tcopy(last"
        ),
        "fmt.Sprint({pkg}.Stamp([]byte{1, 2, 3, 4}))",
    ),
    "decline_late_address_kept": (
        lambda source: source.replace("\t\tgo func() {", "\t\t{\n\t\tst := st\n\t\tgo func() {").replace(
            "\t\t}()\n\t}\n\twg.Wait()", "\t\t}()\n\t\t}\n\t}\n\twg.Wait()"
        ),
        "moved to heap: st",
    ),
}

ALLOCS = {
    "late_reset_stats": (
        'fmt.Sprint({pkg}.Report([]string{"a", "b", "c"}, {pkg}.Stats{Kills: 2}, func(string, string) {}))'
    ),
    "late_merge_rounds": 'fmt.Sprint({pkg}.Rounds(context.Background(), []string{"a", "b"}, 3))',
    "slice_copy_ids": "fmt.Sprint({pkg}.Track([][]byte{{1, 2}, {3}, {4, 5, 6}}))",
    "slice_late_put": 'fmt.Sprint({pkg}.Rounds([]string{"a", "b"}, 3, func(string, [8]byte) {}))',
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {name: code for name, (code, _) in {**FIXES, **DECLINES}.items()}
    return proposals_by_case(tmp_path_factory.mktemp("lateaddr"), RULE, cases, errgroup=True)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    return naive_mutants(tmp_path_factory.mktemp("lateaddr-naive"), toolchain, DECLINES, NAIVE, errgroup=True)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in FIXES.items()], ids=list(FIXES))
def test_proposes(proposed, name, expected):
    fixes = [p for p in proposed[name] if isinstance(p, Fix)]  # the WaitGroup's own escape is declined
    assert len(fixes) == 1, proposed[name]
    assert expected in edited(FIXES[name][0], fixes[0])


@pytest.mark.parametrize(("name", "reason"), [(n, r) for n, (_, r) in DECLINES.items()], ids=list(DECLINES))
def test_declines(proposed, name, reason):
    assert_declines(proposed.get(name, []), reason)


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_rewrite_is_wrong(mutants, name):
    """What the decline prevents: the copy misses a write the goroutine reads, or st stays on the heap."""
    assert_naive_is_wrong(mutants, DECLINES[name][0], NAIVE[name], name)


@pytest.fixture(scope="module")
def allocs(tmp_path_factory, proposed):
    """Per release: case -> (AllocsPerRun of the original, of the rewrite, their results)."""
    cases = {}
    for name, call in ALLOCS.items():
        fix = next(p for p in proposed[name] if isinstance(p, Fix))
        cases[name] = (FIXES[name][0], edited(FIXES[name][0], fix), call)
    return allocs_of(tmp_path_factory.mktemp("lateaddr-allocs"), cases, errgroup=True)


@pytest.mark.parametrize("release", [0, 1], ids=["pinned", "go1.24.11"])
@pytest.mark.parametrize("name", list(ALLOCS))
def test_the_rewrite_allocates_less_and_computes_the_same(allocs, release, name):
    before, after, result, rewritten = allocs[releases()[release].version][name]
    assert result == rewritten, (result, rewritten)
    assert after < before, (before, after)

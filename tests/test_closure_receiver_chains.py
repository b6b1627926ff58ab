"""closure and pointer methods that read their receiver through a longer expression (receiver_reads.py `_read`):
`(*t).lim.dim`, `t.lim.dim`, `[]byte(t.salt)`, `t.data[a:b]` of a slice, `t.sh.offset()` through a pointer field
and `t.timeout.String()` of another package's value method all read what t points at (go/types: Use.READ), so a
copy first in the literal stands for t as for a field read as a value (the closure-ml probe's EmbedLocal,
Tokenize, RouteAll and ArmCounts). A chain that writes the receiver's storage or takes an address inside it stays
declined: a nested counter (`s.st.calls++`), a pointer method of a field held by value (`s.st.bump()`, which takes
&s.st) and an array field sliced (`w.last[:]`); the naive copies count or store into themselves.

Tables as for conftest.case_suite: FIXES (source, what the rewritten file must contain, the call AllocsPerRun
runs), DECLINES (source, the reason), NAIVE (the copies a careless rule would insert, and a probe showing they
change what the code does).
"""

from __future__ import annotations

import pytest
from conftest import case_suite, edited, only_fix

from gorewrite.rules import RULES

RULE = RULES["closure"]

FIXES = {
    "receiver_chains_reads": (
        """package receiver_chains_reads

import (
	"hash/fnv"
	"sync"
	"time"
)

type limits struct {
	dim int
}

type shard struct {
	bias float64
}

func (s *shard) offset() float64 { return s.bias }

type table struct {
	salt    string
	data    []float32
	lim     limits
	timeout time.Duration
	sh      *shard
}

func (t *table) row(key string) (string, []float32, float64) {
	h := fnv.New32a()
	h.Write([]byte(t.salt))
	h.Write([]byte(key))
	n := (*t).lim.dim
	r := int(h.Sum32()%1024) % (len(t.data) / t.lim.dim)
	return t.timeout.String(), t.data[r*n : (r+1)*n], t.sh.offset()
}

// Rows looks every key up in a goroutine of its own.
func Rows(keys []string, data []float32, bias float64) ([]string, [][]float32, []float64) {
	t := table{salt: "s", data: data, lim: limits{dim: 2}, timeout: time.Second, sh: &shard{bias: bias}}
	labels := make([]string, len(keys))
	rows := make([][]float32, len(keys))
	offs := make([]float64, len(keys))
	var wg sync.WaitGroup
	for i, k := range keys {
		wg.Add(1)
		go func() {
			defer wg.Done()
			labels[i], rows[i], offs[i] = t.row(k)
		}()
	}
	wg.Wait()
	return labels, rows, offs
}
""",
        "\t\t\tt := t // read once: its pointer methods only read it\n",
        'fmt.Sprint({pkg}.Rows([]string{"a", "b"}, []float32{1, 2, 3, 4}, 0.5))',
    ),
}

DECLINES = {
    "decline_receiver_chains_nested_write": (  # the method counts its calls in a field of a field held by value
        """package decline_receiver_chains_nested_write

import "sync"

type stats struct {
	calls int
}

type scorer struct {
	scale float64
	st    stats
}

func (s *scorer) score(x float64) float64 {
	s.st.calls++
	return x * s.scale
}

// Score scores each value in a goroutine of its own and returns how many calls the scorer counted.
func Score(xs []float64) ([]float64, int) {
	s := scorer{scale: 2}
	out := make([]float64, len(xs))
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i, x := range xs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			out[i] = s.score(x)
			mu.Unlock()
		}()
	}
	wg.Wait()
	return out, s.st.calls
}
""",
        "by s.score, which gorewrite cannot prove only reads it: scorer.score uses its receiver other than to read a "
        "field or call a method (line 15)",
    ),
    "decline_receiver_chains_pointer_method": (  # s.st.bump() takes &s.st: a pointer method of a field held by value
        """package decline_receiver_chains_pointer_method

import "sync"

type stats struct {
	calls int
}

func (st *stats) bump() { st.calls++ }

type scorer struct {
	scale float64
	st    stats
}

func (s *scorer) score(x float64) float64 {
	s.st.bump()
	return x * s.scale
}

// Score scores each value in a goroutine of its own and returns how many calls the scorer counted.
func Score(xs []float64) ([]float64, int) {
	s := scorer{scale: 2}
	out := make([]float64, len(xs))
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i, x := range xs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			out[i] = s.score(x)
			mu.Unlock()
		}()
	}
	wg.Wait()
	return out, s.st.calls
}
""",
        "by s.score, which gorewrite cannot prove only reads it: scorer.score uses its receiver other than to read a "
        "field or call a method (line 17)",
    ),
    "decline_receiver_chains_array_sliced": (  # w.last[:] slices the receiver's own array: a store through it
        """package decline_receiver_chains_array_sliced

import "sync"

type window struct {
	last [4]float64
	gain float64
}

func (w *window) push(x float64) float64 {
	b := w.last[:]
	b[0] = x
	return x * w.gain
}

// Push pushes one value in a goroutine and returns the window's newest value.
func Push(x float64) float64 {
	w := window{gain: 2}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		w.push(x)
	}()
	wg.Wait()
	return w.last[0]
}
""",
        "by w.push, which gorewrite cannot prove only reads it: window.push uses its receiver other than to read a "
        "field or call a method (line 11)",
    ),
}


def _block_copies(source: str) -> str:
    """The naive copies of w: one before the go statement (in a block of its own) and one first in the literal."""
    return source.replace("\tgo func() {\n", "\t{\n\tw := w\n\tgo func() {\n\t\tw := w\n").replace(
        "\t}()\n\twg.Wait()\n", "\t}()\n\t}\n\twg.Wait()\n"
    )


def _loop_copies(source: str) -> str:
    """The naive copies of s in the loop's body: one before the go statement and one first in the literal."""
    return source.replace("\t\tgo func() {\n", "\t\ts := s\n\t\tgo func() {\n\t\t\ts := s\n")


NAIVE = {  # the copies count or store into themselves: the original reports 0 calls (not 2) or 0 (not 3)
    "decline_receiver_chains_nested_write": (_loop_copies, "fmt.Sprint({pkg}.Score([]float64{1, 2}))"),
    "decline_receiver_chains_pointer_method": (_loop_copies, "fmt.Sprint({pkg}.Score([]float64{1, 2}))"),
    "decline_receiver_chains_array_sliced": (_block_copies, "fmt.Sprint({pkg}.Push(3))"),
}

globals().update(case_suite("receiver_chains", RULE, FIXES, DECLINES, NAIVE))


@pytest.mark.parametrize("name", list(FIXES))
def test_proposes(proposed, name):
    assert FIXES[name][1] in edited(FIXES[name][0], only_fix(proposed[name]))

"""closure and a count read from a struct field: `wg.Add(cfg.Workers)` before `for w := 0; w < cfg.Workers; w++`
(or a fan-in over `range cfg.Shards` received by a later `for range cfg.Shards`) counts the goroutines as a local
integer does, when cfg is a local variable (a parameter too) and the path selects fields through struct values
only: then go/types counts every write of the field (`cfg.Workers = 1`, `cfg = c`) and every address that could
write it (`&cfg.Workers`, a pointer method's call) as the variable's own, and trips.unchanged proves there is none
from the Add to the loop's end (trips.py, `field`). A path through a pointer (`p.Workers`, `s.cfg.Workers` of a
pointer receiver) may be written through another pointer to the same struct: it counts only where the function's
own code in between neither writes nor synchronizes (test_closure_deref_counts.py), which a fan-in's receives do.

Tables as for conftest.case_suite: FIXES (source, what the rewritten file must contain, the call AllocsPerRun
runs), DECLINES (source, the reason), NAIVE (the rewrite a careless rule would make, and a probe showing it changes
what the code does).
"""

from __future__ import annotations

import pytest
from conftest import case_suite, edited, only_fix

from gorewrite.rules import RULES

RULE = RULES["closure"]

FIXES = {
    "field_count_workers": (  # the probe's ScrapeSince: a watermark moved once every filter is done
        """package field_count_workers

import "sync"

// Config sizes a round.
type Config struct {
	Workers int
	Label   string
}

// Above marks the values above the floor on cfg.Workers goroutines, then raises the floor.
func Above(vals []int, floor int, cfg Config) ([]bool, int) {
	if cfg.Workers < 1 {
		cfg.Workers = 1
	}
	out := make([]bool, len(vals))
	var wg sync.WaitGroup
	wg.Add(cfg.Workers)
	for w := 0; w < cfg.Workers; w++ {
		go func() {
			defer wg.Done()
			for i := w; i < len(vals); i += cfg.Workers {
				out[i] = vals[i] > floor
			}
		}()
	}
	wg.Wait()
	floor *= 2
	return out, floor
}
""",
        "floor := floor // captured by value: keeps floor off the heap",
        "fmt.Sprint({pkg}.Above([]int{1, 5, 9, 3}, 4, {pkg}.Config{Workers: 2}))",
    ),
    "field_count_nested_range": (  # `range opts.Pool.Shards`, fanned in by a loop over the same path
        """package field_count_nested_range

import "strings"

// Pool sizes the shards.
type Pool struct{ Shards int }

// Options holds the pool's settings.
type Options struct {
	Pool Pool
	Job  string
}

// Totals counts the names of each shard on its own goroutine and renames the job after the last total.
func Totals(names []string, opts Options) (int, string) {
	job := strings.ToLower(opts.Job)
	res := make(chan int, opts.Pool.Shards)
	for s := range opts.Pool.Shards {
		go func() {
			n := 0
			for i, name := range names {
				if i%opts.Pool.Shards == s && strings.HasPrefix(name, job) {
					n++
				}
			}
			res <- n
		}()
	}
	total := 0
	for range opts.Pool.Shards {
		total += <-res
	}
	job += "-done"
	return total, job
}
""",
        "job := job // captured by value: keeps job off the heap",
        'fmt.Sprint({pkg}.Totals([]string{"api-a", "db", "api-b"}, '
        '{pkg}.Options{Pool: {pkg}.Pool{Shards: 2}, Job: "API"}))',
    ),
}

GATHER = """package {name}

import "strconv"

// Config sizes a round.
type Config struct{{ Workers int }}

func (c *Config) shrink() {{ c.Workers-- }}

// Gather starts one producer per worker, each waiting for its turn; it collects all but the last one's result
// in a loop over the lowered count, renames the tag, then lets the last producer go: it reads the new tag.
func Gather({param}, tag string) []string {{
	res := make(chan string)
	turns := make([]chan struct{{}}, {count})
	for i := range turns {{
		turns[i] = make(chan struct{{}})
	}}
	for w := 0; w < {count}; w++ {{
		go func() {{
			<-turns[w]
			res <- tag + strconv.Itoa(w)
		}}()
	}}
	{lower}
	var out []string
	for i := range {count} {{
		turns[i] <- struct{{}}{{}}
		out = append(out, <-res)
	}}
	tag = "late"
	turns[{count}] <- struct{{}}{{}}
	out = append(out, <-res)
	return out
}}
"""


def gather(name: str, param: str, count: str, lower: str) -> str:
    return GATHER.format(name=name, param=param, count=count, lower=lower)


DECLINES = {
    "decline_field_count_lowered": (  # the count's field written between the two loops
        gather("decline_field_count_lowered", "cfg Config", "cfg.Workers", "cfg.Workers--"),
        "a variable the count reads may change in between",
    ),
    "decline_field_count_address": (  # a pointer method's call takes &cfg: it may write the field
        gather("decline_field_count_address", "cfg Config", "cfg.Workers", "cfg.shrink()"),
        "a variable the count reads may change in between",
    ),
    "decline_field_count_pointer": (  # p.Workers through a pointer: another pointer to the struct may write it
        gather("decline_field_count_pointer", "p *Config", "p.Workers", "q := p\n\tq.shrink()"),
        "a variable the count reads may change in between",
    ),
    "decline_field_count_slice_bound": (  # `range names[:cfg.Workers]`: a slice's key holds no field path's variable
        """package decline_field_count_slice_bound

import "strconv"

// Config sizes a round.
type Config struct{ Workers int }

// Gather starts a producer per name of the first cfg.Workers, collects all but the last one's in a loop over the
// lowered count, renames the tag, then lets the last producer go: it reads the new tag.
func Gather(cfg Config, names []string, tag string) []string {
	res := make(chan string)
	turns := make([]chan struct{}, len(names))
	for i := range turns {
		turns[i] = make(chan struct{})
	}
	for w, name := range names[:cfg.Workers] {
		go func() {
			<-turns[w]
			res <- tag + name + strconv.Itoa(w)
		}()
	}
	cfg.Workers--
	var out []string
	for i := range names[:cfg.Workers] {
		turns[i] <- struct{}{}
		out = append(out, <-res)
	}
	tag = "late"
	turns[cfg.Workers] <- struct{}{}
	out = append(out, <-res)
	return out
}

""",
        "the trip count of the loop at line 16 is not known when it starts",
    ),
    "decline_field_count_map": (  # `range cfg.Shards` of a map: delete(cfg.Shards, k) reads cfg, yet shrinks it
        """package decline_field_count_map

// Config names the shards of a round.
type Config struct{ Shards map[string]int }

// Gather starts a producer per shard, each waiting for its turn; it drops a shard, collects as many results as
// shards remain, renames the tag, then lets the last producer go: it reads the new tag.
func Gather(cfg Config, tag string) []string {
	res := make(chan string)
	turn := make(chan struct{})
	for name := range cfg.Shards {
		go func() {
			<-turn
			res <- tag + name
		}()
	}
	delete(cfg.Shards, "b")
	var out []string
	for range cfg.Shards {
		turn <- struct{}{}
		out = append(out, (<-res)[:1])
	}
	tag = "late"
	turn <- struct{}{}
	out = append(out, (<-res)[:1])
	return out
}

""",
        "the trip count of the loop at line 11 is not known when it starts",
    ),
}


def _copy_tag(source: str) -> str:
    return source.replace("\t\tgo func() {\n", "\t\ttag := tag\n\t\tgo func() {\n")


NAIVE = {
    "decline_field_count_lowered": (_copy_tag, 'fmt.Sprint({pkg}.Gather({pkg}.Config{Workers: 2}, "a"))'),
    "decline_field_count_address": (_copy_tag, 'fmt.Sprint({pkg}.Gather({pkg}.Config{Workers: 2}, "a"))'),
    "decline_field_count_pointer": (_copy_tag, 'fmt.Sprint({pkg}.Gather(&{pkg}.Config{Workers: 2}, "a"))'),
    "decline_field_count_map": (
        _copy_tag,
        'fmt.Sprint({pkg}.Gather({pkg}.Config{Shards: map[string]int{"a": 1, "b": 2}}, "t"))',
    ),
    "decline_field_count_slice_bound": (
        _copy_tag,
        'fmt.Sprint({pkg}.Gather({pkg}.Config{Workers: 2}, []string{"a", "b", "c"}, "t"))',
    ),
}

globals().update(case_suite("fieldcounts", RULE, FIXES, DECLINES, NAIVE, pinned=True))


@pytest.mark.parametrize("name", list(FIXES))
def test_proposes(proposed, name):
    assert FIXES[name][1] in edited(FIXES[name][0], only_fix(proposed[name]))

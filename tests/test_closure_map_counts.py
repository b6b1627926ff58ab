"""closure and a WaitGroup counted by a map's length: `wg.Add(len(m))` before `for k, v := range m { go func() {
defer wg.Done(); … }() }` (trips.py's "maplen"). A range over a map visits each key once, so it runs len(m)
iterations when nothing adds or deletes a key from the Add to the loop's end: the function's own code there does
nothing but start the goroutines (quiet.steady, the range itself aside), and another goroutine's change would race
with the range's reads. A map's length is no bound of a slice expression's count (a key deleted in between).

Tables as for conftest.case_suite: FIXES (source, what the rewritten file must contain, the call AllocsPerRun
runs), DECLINES (source, the reason), NAIVE (the rewrite a careless rule would make, and a probe showing it changes
what the code does). Four declines have no naive probe: an extra goroutine's Done drives the counter negative,
which panics in that goroutine (or, for a key added while ranging, the range may or may not visit it). A range
whose own assignment stores a key (`for k, m[k+"!"] = range m`) is no read only: run 100 times under go1.24.11 and
go1.27.3 with the extra goroutines held until the rename, the original tags some keys "late", the naive copy never.
"""

from __future__ import annotations

import pytest
from conftest import case_suite, edited, only_fix

from gorewrite.rules import RULES

RULE = RULES["closure"]

FIXES = {
    "map_count_daily": (  # the probe's DailyReport: a merchant's rows per goroutine, the default fee reset after
        """package map_count_daily

import (
	"fmt"
	"sort"
	"sync"
)

// Fees sums each merchant's fees in its own goroutine; the default rate is reset after the wait.
func Fees(byMerchant map[string][]int64, rates map[string]int64, defaultBps int64) (string, int64) {
	rows := make(chan string, len(byMerchant))
	var wg sync.WaitGroup
	wg.Add(len(byMerchant))
	for m, amounts := range byMerchant {
		go func() {
			defer wg.Done()
			bps, ok := rates[m]
			if !ok {
				bps = defaultBps
			}
			var fees int64
			for _, a := range amounts {
				fees += a * bps / 10000
			}
			rows <- fmt.Sprint(m, fees)
		}()
	}
	wg.Wait()
	close(rows)
	defaultBps = 0
	var out []string
	for r := range rows {
		out = append(out, r)
	}
	sort.Strings(out)
	return fmt.Sprint(out), defaultBps
}
""",
        "defaultBps := defaultBps // captured by value: keeps defaultBps off the heap",
        'fmt.Sprint({pkg}.Fees(map[string][]int64{"a": {100}, "b": {200, 300}}, map[string]int64{"a": 100}, 250))',
    ),
    # Declined before session 51 ("ranging over a map may meet keys added meanwhile"): a subscriber adding one runs
    # in its goroutine, unordered with the range's later reads (the spawner only starts goroutines): a data race.
    "map_count_subscribers": (
        """package map_count_subscribers

import "sync"

// Notify calls every subscriber on its own goroutine; the topic is cleared after the wait.
func Notify(subs map[string]func(string), topic string) string {
	var wg sync.WaitGroup
	wg.Add(len(subs))
	for _, f := range subs {
		go func() {
			defer wg.Done()
			f(topic)
		}()
	}
	wg.Wait()
	topic = ""
	return topic
}
""",
        "topic := topic // captured by value: keeps topic off the heap",
        '{pkg}.Notify(map[string]func(string){"a": func(string) {}, "b": func(string) {}}, "t")',
    ),
    "map_count_field_range": (  # a range over a map field in the loop's body only reads it: len(byUser) holds
        """package map_count_field_range

import "sync"

type Rates struct{ bonus map[string]int64 }

// Score scores every user's amount on its own goroutine, with the bonuses summed beside; the base is reset after.
func Score(byUser map[string]int64, r *Rates, base int64) (int64, int64) {
	total := make(chan int64, len(byUser))
	var wg sync.WaitGroup
	wg.Add(len(byUser))
	for user, amount := range byUser {
		var extra int64
		for _, b := range r.bonus {
			extra += b
		}
		go func() {
			defer wg.Done()
			total <- amount*base + extra + int64(len(user))
		}()
	}
	wg.Wait()
	base = 0
	close(total)
	var sum int64
	for t := range total {
		sum += t
	}
	return sum, base
}
""",
        "base := base // captured by value: keeps base off the heap",
        'fmt.Sprint({pkg}.Score(map[string]int64{"a": 1, "bb": 2}, &{pkg}.Rates{}, 3))',
    ),
}

ADDED = """package {name}

import "sync"

{helper}// Tag tags every key of the map on its own goroutine; the tag is renamed after the wait.
func Tag(m map[string]bool, tag string) ([]string, string) {{
	out := make(chan string, 2*len(m)+1)
	var wg sync.WaitGroup
	wg.Add(len(m))
	{between}
	for k := range m {{
		{body}
		go func() {{
			defer wg.Done()
			out <- tag + k
		}}()
	}}
	wg.Wait()
	tag = "late"
	close(out)
	var all []string
	for s := range out {{
		all = append(all, s)
	}}
	return all, tag
}}
"""


def added(name: str, between: str = "", body: str = "", helper: str = "") -> str:
    return ADDED.format(name=name, between=between, body=body, helper=helper)


ADD = "no wg.Add counts the goroutine"

DECLINES = {
    "decline_map_count_grown_inside": (  # the loop adds keys while it ranges
        added("decline_map_count_grown_inside", body='if !m[k] {\n\t\t\tm[k+"!"] = true\n\t\t}'),
        ADD,
    ),
    "decline_map_count_seeded": (  # a call between the Add and the loop may add keys
        added(
            "decline_map_count_seeded", between="seed(m)", helper='func seed(m map[string]bool) { m["x"] = true }\n\n'
        ),
        ADD,
    ),
    "decline_map_count_drained": (  # a channel drained while ranging: another goroutine may add keys before its close
        added(
            "decline_map_count_drained",
            between='ready := make(chan struct{})\n\tgo func() { m["x"] = true; close(ready) }()',
            body="for range ready {\n\t\t}",
        ),
        ADD,
    ),
    "decline_map_count_range_target": (  # the range's own assignment adds a key each iteration, which it may meet
        """package decline_map_count_range_target

import "sync"

// Tag tags every key on its own goroutine, its value copied to a shadow key by the range itself; the range may
// meet the shadow keys (more goroutines than the Add counted), so Wait returns while one still reads the tag.
func Tag(m map[string]bool, tag string) (chan string, string) {
	out := make(chan string, 64)
	var wg sync.WaitGroup
	wg.Add(len(m))
	var k string
	for k, m[k+"!"] = range m {
		go func(k string) {
			defer wg.Done()
			out <- tag + k
		}(k)
	}
	wg.Wait()
	tag = "late"
	return out, tag
}
""",
        ADD,
    ),
    "decline_map_count_sliced": (  # a key deleted between the loops: the receive loop's bound shrinks
        """package decline_map_count_sliced

import "strings"

// Tag tags the first len(m) names on goroutines, the second held back; a key is dropped before the gather,
// so the gather ends before the held one sent: it reads the tag once released, after the rename.
func Tag(names []string, m map[string]bool, tag string) string {
	tag = strings.ToUpper(tag)
	res := make(chan string, len(names))
	release := make(chan struct{})
	for i, name := range names[:len(m)] {
		go func() {
			if i == 1 {
				<-release
			}
			res <- tag + name
		}()
	}
	delete(m, "a")
	for range names[:len(m)] {
		<-res
	}
	tag = "late"
	close(release)
	return <-res
}
""",
        "is not proven to run as many times as the loop starting the goroutines",
    ),
}


def _copy_tag(source: str) -> str:
    return source.replace("\t\tgo func() {\n", "\t\ttag := tag\n\t\tgo func() {\n")


NAIVE = {
    "decline_map_count_sliced": (
        _copy_tag,
        '{pkg}.Tag([]string{"x", "y", "z"}, map[string]bool{"a": true, "b": true}, "t")',
    ),
}

globals().update(case_suite("mapcounts", RULE, FIXES, DECLINES, NAIVE, pinned=True))


@pytest.mark.parametrize("name", list(FIXES))
def test_proposes(proposed, name):
    assert FIXES[name][1] in edited(FIXES[name][0], only_fix(proposed[name]))

"""closure and a WaitGroup counting `time.AfterFunc` literals: `wg.Add(1); time.AfterFunc(d, func() { defer
wg.Done(); … })` in a loop, or `wg.Add(len(keys))` before a range loop of such statements, then `wg.Wait()` and a
write. time.AfterFunc with its Timer dropped calls f once, in its own goroutine (time's doc), as a go statement
would start it, only later: no Reset can run it again, no Stop keep it from running. So the Add before it counts
it as it counts a go statement, and the Wait returns only after its Done, after its reads (gorewrite/adds.py).
So does fan-in: one such statement a loop iteration, each literal sending once, last, on a channel made before
the loop, and a later loop receiving once per iteration (happens_before.py). A Timer kept (`t :=
time.AfterFunc(…)`) may be Reset and run f again after the write, and a channel another goroutine sends on may
give the receives its values: declined.

Tables as for conftest.case_suite: FIXES (source, what the rewritten file must contain), DECLINES (source, the
reason), NAIVE (the copy a careless rule would insert, and a probe showing it changes what the code does),
ALLOCS (the call AllocsPerRun runs).
"""

from __future__ import annotations

import pytest
from conftest import case_suite, edited, only_fix

from gorewrite.rules import RULES

RULE = RULES["closure"]

FIXES = {
    "after_func_add_one": (  # Add(1) right before each AfterFunc statement of a loop; the write after Wait
        """package after_func_add_one

import (
	"strings"
	"sync"
	"time"
)

// Stagger runs each job after i steps and waits for all; the tag is reused for the summary.
func Stagger(jobs []string, step time.Duration, tag string) string {
	tag = strings.TrimSpace(tag)
	out := make([]string, len(jobs))
	var wg sync.WaitGroup
	for i, j := range jobs {
		wg.Add(1)
		time.AfterFunc(step*time.Duration(i), func() {
			defer wg.Done()
			out[i] = tag + ":" + j
		})
	}
	wg.Wait()
	tag = strings.ToUpper(tag)
	return tag + " " + strings.Join(out, ",")
}
""",
        "\t\t{\n\t\ttag := tag // captured by value: keeps tag off the heap\n\t\ttime.AfterFunc(",
    ),
    "after_func_add_len": (  # Add(len(keys)) before a range loop whose one start an iteration is AfterFunc
        """package after_func_add_len

import (
	"strings"
	"sync"
	"time"
)

// Expire drops each key after its delay, counting every timer before the loop; the source is
// renamed once all ran.
func Expire(keys []string, delay time.Duration, source string) string {
	source = strings.TrimSuffix(source, "/")
	gone := make([]string, len(keys))
	var wg sync.WaitGroup
	wg.Add(len(keys))
	for i, k := range keys {
		time.AfterFunc(delay, func() {
			defer wg.Done()
			gone[i] = source + "/" + k
		})
	}
	wg.Wait()
	source = "expired"
	return source + " " + strings.Join(gone, ",")
}
""",
        "\t\t{\n\t\tsource := source // captured by value: keeps source off the heap\n\t\ttime.AfterFunc(",
    ),
    "after_func_fan_in": (  # fan-in: each timer's literal sends once, last; a later loop receives once per key
        """package after_func_fan_in

import (
	"sort"
	"strings"
	"time"
)

// Gather fetches each key from its own timer and collects the replies; the source is renamed once
// every reply is in.
func Gather(keys []string, delay time.Duration, source string) string {
	source = strings.TrimSuffix(source, "/")
	res := make(chan string)
	for _, k := range keys {
		time.AfterFunc(delay, func() { res <- source + "/" + k })
	}
	var got []string
	for range keys {
		got = append(got, <-res)
	}
	sort.Strings(got)
	source = "gathered"
	return source + " " + strings.Join(got, ",")
}
""",
        "\t\t{\n\t\tsource := source // captured by value: keeps source off the heap\n\t\ttime.AfterFunc(",
    ),
    "go_beside_slow_timer": (  # a timer logging a slow call beside each go statement takes no count: it signals nothing
        """package go_beside_slow_timer

import (
	"log"
	"sort"
	"strings"
	"sync"
	"time"
)

// Check probes every host, logging the slow ones from a timer of its own; the label is reused after.
func Check(hosts []string, label string) string {
	label = strings.TrimSpace(label)
	var mu sync.Mutex
	var ok []string
	var wg sync.WaitGroup
	wg.Add(len(hosts))
	for _, h := range hosts {
		time.AfterFunc(time.Hour, func() { log.Println("slow:", h) })
		go func() {
			defer wg.Done()
			mu.Lock()
			ok = append(ok, label+"/"+h)
			mu.Unlock()
		}()
	}
	wg.Wait()
	label = strings.ToUpper(label)
	sort.Strings(ok)
	return label + " " + strings.Join(ok, ",")
}
""",
        "\t\t{\n\t\tlabel := label // captured by value: keeps label off the heap\n\t\tgo func() {",
    ),
    "fan_in_beside_slow_timer": (  # so for a fan-in: the go statements alone send, the timer only logs
        """package fan_in_beside_slow_timer

import (
	"log"
	"sort"
	"strings"
	"time"
)

// Gather fetches each key in a goroutine, logging the slow ones from a timer; the source is renamed after.
func Gather(keys []string, source string) string {
	source = strings.TrimSuffix(source, "/")
	res := make(chan string)
	for _, k := range keys {
		time.AfterFunc(time.Hour, func() { log.Println("slow:", k) })
		go func() { res <- source + "/" + k }()
	}
	var got []string
	for range keys {
		got = append(got, <-res)
	}
	sort.Strings(got)
	source = "gathered"
	return source + " " + strings.Join(got, ",")
}
""",
        "\t\t{\n\t\tsource := source // captured by value: keeps source off the heap\n\t\tgo func() {",
    ),
}

DECLINES = {
    "decline_after_func_kept_reset": (  # the Timer is kept and Reset after the write: f runs again, reading it
        """package decline_after_func_kept_reset

import (
	"strings"
	"sync"
	"time"
)

// Twice sends the notice now, then once more with the new label through the same Timer.
func Twice(label string) string {
	label = strings.TrimSpace(label)
	var mu sync.Mutex
	var sent []string
	var wg sync.WaitGroup
	wg.Add(1)
	t := time.AfterFunc(0, func() {
		defer wg.Done()
		mu.Lock()
		sent = append(sent, label)
		mu.Unlock()
	})
	wg.Wait()
	label = "second"
	wg.Add(1)
	t.Reset(0)
	wg.Wait()
	return strings.Join(sent, ",")
}
""",
        "nor to time.AfterFunc in a statement of its own (the Timer dropped)",
    ),
    "decline_after_func_fan_in_shared": (  # another goroutine sends on the channel: the receives may be its
        """package decline_after_func_fan_in_shared

import (
	"sort"
	"strings"
	"time"
)

// Relabel collects one placeholder per key first, renames the source, then lets the timers answer.
func Relabel(keys []string, source string) string {
	source = strings.TrimSpace(source)
	res := make(chan string)
	gate := make(chan struct{})
	for _, k := range keys {
		time.AfterFunc(0, func() {
			<-gate
			res <- source + "/" + k
		})
	}
	go func() {
		for range keys {
			res <- "-"
		}
	}()
	var got []string
	for range keys {
		got = append(got, <-res)
	}
	source = "new"
	close(gate)
	for range keys {
		got = append(got, <-res)
	}
	sort.Strings(got)
	return strings.Join(got, ",")
}
""",
        "res is used other than by this goroutine's one signal and the function's wait",
    ),
    "decline_go_beside_counted_timer": (  # Add(1) before a timer that calls Done and a go statement that does too
        """package decline_go_beside_counted_timer

import (
	"strings"
	"sync"
	"time"
)

// Ping counts one signal for a quick timer and a gated goroutine: the timer's Done alone ends the Wait.
func Ping(label string) string {
	label = strings.TrimSpace(label)
	var seen string
	gate, end := make(chan struct{}), make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	time.AfterFunc(0, func() { wg.Done() })
	go func() {
		defer close(end)
		defer func() { _ = recover() }()
		defer wg.Done()
		<-gate
		seen = label
	}()
	wg.Wait()
	label = "second"
	close(gate)
	<-end
	return seen
}
""",
        "the write at line 25 can come before the wait at line 27 returns",
    ),
}

NAIVE = {
    "decline_after_func_kept_reset": (
        lambda source: source.replace(
            "\tt := time.AfterFunc(0, func() {",
            "\tvar t *time.Timer\n\t{\n\tlabel := label\n\tt = time.AfterFunc(0, func() {",
        ).replace("\t\tmu.Unlock()\n\t})\n", "\t\tmu.Unlock()\n\t})\n\t}\n"),
        'fmt.Sprint({pkg}.Twice(" first "))',
    ),
    "decline_after_func_fan_in_shared": (
        lambda source: source.replace(
            "\t\ttime.AfterFunc(0, func() {", "\t\tsource := source\n\t\ttime.AfterFunc(0, func() {"
        ),
        'fmt.Sprint({pkg}.Relabel([]string{"a", "b"}, " old "))',
    ),
    "decline_go_beside_counted_timer": (
        lambda source: source.replace(
            "\tgo func() {\n\t\tdefer close(end)", "\t{\n\tlabel := label\n\tgo func() {\n\t\tdefer close(end)"
        ).replace("\t\tseen = label\n\t}()\n", "\t\tseen = label\n\t}()\n\t}\n"),
        'fmt.Sprint({pkg}.Ping(" first "))',
    ),
}

ALLOCS = {
    "after_func_add_one": 'fmt.Sprint({pkg}.Stagger([]string{"a", "b", "c"}, 0, " t "))',
    "after_func_add_len": 'fmt.Sprint({pkg}.Expire([]string{"a", "b"}, 0, "cache/"))',
    "after_func_fan_in": 'fmt.Sprint({pkg}.Gather([]string{"a", "b", "c"}, 0, "cache/"))',
    "go_beside_slow_timer": 'fmt.Sprint({pkg}.Check([]string{"b", "a"}, " up "))',
    "fan_in_beside_slow_timer": 'fmt.Sprint({pkg}.Gather([]string{"b", "a"}, "cache/"))',
}

FIXES = {name: (*case, ALLOCS[name]) for name, case in FIXES.items()}  # the last entry: the call AllocsPerRun runs

globals().update(case_suite("afterfunc", RULE, FIXES, DECLINES, NAIVE, pinned=True))


@pytest.mark.parametrize("name", list(FIXES))
def test_proposes(proposed, name):
    assert FIXES[name][1] in edited(FIXES[name][0], only_fix(proposed[name]))

"""closure and errgroup's TryGo: `if g.TryGo(func() error {…}) { accepted++ }`. TryGo either starts the literal in a
goroutine the group counts exactly as Go does (`g.wg.Add(1)` before its go statement, `g.done()` deferred in it), or
returns false without running it (the limit is reached): a literal that never runs reads nothing. So a `g.Wait()`
after the statement orders a later write after every read, as for Go. The statement is the goroutine's start only
when trying is all it does before the statements it guards (`g.TryGo(f)`, `ok = g.TryGo(f)`, the condition of an if
without an initializer; `ok := g.TryGo(f)` declares a name, so it takes a copy only where no later write needs a
block around it); and a write inside that statement (`if g.TryGo(f) { _ = g.Wait(); tag = … }`, a loop's condition
`for g.TryGo(f) { tag += … }`) would be taken by the copy made before it: declined, whatever the wait.

Tables as for conftest.case_suite (its cases' proposals and naive mutants under the pinned release): FIXES
(source, what the rewritten file must contain), DECLINES (source, the reason), NAIVE (the copy a careless rule
would insert, and a probe showing it changes what the code does), ALLOCS (the call AllocsPerRun runs).
"""

from __future__ import annotations

import pytest
from conftest import case_suite, edited, only_fix

from gorewrite.rules import RULES

RULE = RULES["closure"]

FIXES = {
    "try_go_accept": (  # the if's condition is the TryGo; the write follows the Wait after the loop
        """package try_go_accept

import (
	"sort"
	"strings"
	"sync"

	"golang.org/x/sync/errgroup"
)

// Offer hands each job to a bounded group without blocking and says which were taken.
func Offer(jobs []string, limit int) string {
	var g errgroup.Group
	g.SetLimit(limit)
	var mu sync.Mutex
	var ran []string
	accepted := 0
	tag := "job:"
	for _, j := range jobs {
		if g.TryGo(func() error {
			mu.Lock()
			ran = append(ran, tag+j)
			mu.Unlock()
			return nil
		}) {
			accepted++
		}
	}
	_ = g.Wait()
	tag = ""
	sort.Strings(ran)
	return strings.Join(ran, ",") + tag
}
""",
        "\t\t{\n\t\ttag := tag // captured by value: keeps tag off the heap\n\t\tif g.TryGo(func() error {",
    ),
    "try_go_refused": (  # `if !g.TryGo(f) {`; WithContext's group (ctx copied too), the Wait in an if
        """package try_go_refused

import (
	"context"
	"strings"

	"golang.org/x/sync/errgroup"
)

// Shed tries every request once; the ones the group is too busy for are shed. Each taken one
// writes its reply at its index.
func Shed(ctx context.Context, reqs []string, limit int) (string, error) {
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(limit)
	out := make([]string, len(reqs))
	shed := 0
	prefix := "ok:"
	for i, r := range reqs {
		if !g.TryGo(func() error {
			out[i] = prefix + r
			return ctx.Err()
		}) {
			shed++
		}
	}
	if err := g.Wait(); err != nil {
		return "", err
	}
	prefix = "late:"
	return strings.Join(out, ",") + prefix, nil
}
""",
        "\t\tprefix := prefix // captured by value: keeps prefix off the heap\n\t\tif !g.TryGo(func() error {",
    ),
    "try_go_block_to_end": (  # `ok :=` declares a name: the block reaches to the end of the loop's body
        """package try_go_block_to_end

import (
	"strings"

	"golang.org/x/sync/errgroup"
)

// Offer hands each job to a bounded group without blocking; the tag is cleared once all have run.
func Offer(jobs []string, limit int, tag string) (int, string) {
	var g errgroup.Group
	g.SetLimit(limit)
	out := make([]string, len(jobs))
	shed := 0
	for i, j := range jobs {
		ok := g.TryGo(func() error {
			out[i] = tag + j
			return nil
		})
		if !ok {
			shed++
		}
	}
	_ = g.Wait()
	tag = ""
	return shed, strings.Join(out, ",") + tag
}
""",
        "\t\t{\n\t\ttag := tag // captured by value: keeps tag off the heap\n\t\tok := g.TryGo(func() error {",
    ),
}

DECLINES = {
    "decline_try_go_block_redeclared": (  # a block past `ok :=` would make the later `tag, loud :=` write the copy
        """package decline_try_go_block_redeclared

import (
	"strings"

	"golang.org/x/sync/errgroup"
)

// Shout runs the first job under the tag, once the tag has been shouted back.
func Shout(jobs []string, tag string) string {
	var g errgroup.Group
	out := make([]string, len(jobs))
	ready := make(chan struct{})
	said := ""
	if len(jobs) > 0 {
		ok := g.TryGo(func() error {
			<-ready
			out[0] = tag + jobs[0]
			return nil
		})
		tag, loud := strings.ToUpper(tag), ok
		close(ready)
		if loud {
			said = tag
		}
	}
	_ = g.Wait()
	tag = ""
	return strings.Join(out, ",") + "|" + said + tag
}
""",
        "the statement making the closure declares names (line 16) that later code could no longer see",
    ),
    "decline_try_go_block_fallthrough": (  # the block past `ok :=` would have to hold the case's closing fallthrough
        """package decline_try_go_block_fallthrough

import (
	"strings"

	"golang.org/x/sync/errgroup"
)

// Offer hands the first job to a bounded group in mode 1, then counts as mode 2 does; the tag is
// cleared once the group is done.
func Offer(jobs []string, mode int, tag string) (int, string) {
	var g errgroup.Group
	out := make([]string, len(jobs))
	shed := 0
	switch mode {
	case 1:
		ok := g.TryGo(func() error {
			out[0] = tag + jobs[0]
			return nil
		})
		if !ok {
			shed++
		}
		fallthrough
	case 2:
		shed += 10
	}
	_ = g.Wait()
	tag = ""
	return shed, strings.Join(out, ",") + tag
}
""",
        "its case clause ends with fallthrough, which a block cannot hold",
    ),
    "decline_try_go_block_named_bare": (  # a block reaching the bare return would hide the named result from it
        """package decline_try_go_block_named_bare

import "golang.org/x/sync/errgroup"

// Tagged runs one job under the tag and reports whether the group took it; tag is a named result.
func Tagged(job, in string) (took bool, tag string) {
	tag = in
	var g errgroup.Group
	out := ""
	started := g.TryGo(func() error {
		out = tag + job
		return nil
	})
	_ = g.Wait()
	took = started && out != ""
	return
}
""",
        "tag is a named result, which a bare return cannot name under a copy",
    ),
    "decline_try_go_write_inside": (  # the if's body waits, then writes: a copy before the if takes the write
        """package decline_try_go_write_inside

import (
	"strings"

	"golang.org/x/sync/errgroup"
)

// Chain runs the jobs one after another, each tagged with what the previous ones left.
func Chain(jobs []string) string {
	var g errgroup.Group
	g.SetLimit(1)
	ran := make([]string, len(jobs))
	tag := "job:"
	for i, j := range jobs {
		if g.TryGo(func() error {
			ran[i] = tag + j
			return nil
		}) {
			_ = g.Wait()
			tag += "+"
		}
	}
	_ = g.Wait()
	return strings.Join(ran, ",")
}
""",
        "tag is written at line 21, inside the statement starting the goroutine (lines 16-22): the copy, made "
        "before it, would take that write",
    ),
    "decline_try_go_loop_condition": (  # TryGo in a loop's condition: the loop's body writes between tries
        """package decline_try_go_loop_condition

import (
	"strings"

	"golang.org/x/sync/errgroup"
)

// Pump tries jobs until the group refuses or three ran, growing the tag after each.
func Pump() string {
	var g errgroup.Group
	g.SetLimit(1)
	ran := make([]string, 3)
	n := 0
	tag := "t"
	for n < 3 && g.TryGo(func() error {
		ran[n] = tag
		return nil
	}) {
		_ = g.Wait()
		tag += "+"
		n++
	}
	_ = g.Wait()
	return strings.Join(ran, ",") + "|" + tag
}
""",
        "tag is written at line 21, inside the statement starting the goroutine",
    ),
    "decline_try_go_write_before_wait": (  # the write comes before the Wait: a goroutine may still read
        """package decline_try_go_write_before_wait

import "golang.org/x/sync/errgroup"

// Late starts one reader that waits for a signal, then writes the tag before waiting for it.
func Late() string {
	var g errgroup.Group
	tag := "old"
	ready := make(chan struct{})
	got := ""
	if g.TryGo(func() error {
		<-ready
		got = tag
		return nil
	}) {
		tag = "new"
	}
	close(ready)
	_ = g.Wait()
	return got + "|" + tag
}
""",
        "tag is written at line 16, inside the statement starting the goroutine",
    ),
}

NAIVE = {
    "decline_try_go_block_redeclared": (
        lambda source: source.replace("\t\tok := g.TryGo(", "\t\t{\n\t\ttag := tag\n\t\tok := g.TryGo(").replace(
            "\t\t\tsaid = tag\n\t\t}\n", "\t\t\tsaid = tag\n\t\t}\n\t\t}\n"
        ),
        'fmt.Sprint({pkg}.Shout([]string{"a"}, "job:"))',
    ),
    "decline_try_go_block_fallthrough": (
        lambda source: source.replace("\t\tok := g.TryGo(", "\t\t{\n\t\ttag := tag\n\t\tok := g.TryGo(").replace(
            "\t\tfallthrough\n", "\t\tfallthrough\n\t\t}\n"
        ),
        "fallthrough statement out of place",
    ),
    "decline_try_go_block_named_bare": (
        lambda source: source.replace("\tstarted := g.TryGo(", "\t{\n\ttag := tag\n\tstarted := g.TryGo(").replace(
            "\treturn\n}\n", "\treturn\n\t}\n}\n"
        ),
        "result parameter tag not in scope at return",
    ),
    "decline_try_go_write_inside": (
        lambda source: source.replace("\t\tif g.TryGo(", "\t\ttag := tag\n\t\tif g.TryGo("),
        'fmt.Sprint({pkg}.Chain([]string{"a", "b", "c"}))',
    ),
    "decline_try_go_loop_condition": (
        lambda source: source.replace("\tfor n < 3 && g.TryGo(", "\t{\n\ttag := tag\n\tfor n < 3 && g.TryGo(").replace(
            "\t\tn++\n\t}\n", "\t\tn++\n\t}\n\t}\n"
        ),
        "fmt.Sprint({pkg}.Pump())",
    ),
    "decline_try_go_write_before_wait": (
        lambda source: source.replace("\tif g.TryGo(", "\t{\n\ttag := tag\n\tif g.TryGo(").replace(
            '\t\ttag = "new"\n\t}\n', '\t\ttag = "new"\n\t}\n\t}\n'
        ),
        "fmt.Sprint({pkg}.Late())",
    ),
}

ALLOCS = {
    "try_go_block_to_end": 'fmt.Sprint({pkg}.Offer([]string{"a", "b", "c"}, 8, "job:"))',
    "try_go_accept": 'fmt.Sprint({pkg}.Offer([]string{"a", "b", "c"}, 8))',
    "try_go_refused": 'fmt.Sprint({pkg}.Shed(context.Background(), []string{"a", "b"}, 4))',
}

FIXES = {name: (*case, ALLOCS[name]) for name, case in FIXES.items()}  # the last entry: the call AllocsPerRun runs

globals().update(case_suite("trygo", RULE, FIXES, DECLINES, NAIVE, errgroup=True, pinned=True))


@pytest.mark.parametrize("name", list(FIXES))
def test_proposes(proposed, name):
    assert FIXES[name][1] in edited(FIXES[name][0], only_fix(proposed[name]))

"""closure and the small helpers of the package a wait or a start goes through: `t.wait()` of a method that
is its field's Wait alone, `waitAll(&wg)` of a function ending in its parameter's Wait (gorewrite/wait_calls.py),
`safeGo(&wg, func() {…})` of a helper that adds one and starts the literal in a goroutine deferring
Done, the caller then waiting (gorewrite/spawn_helpers.py); a semaphore the function fills to its
capacity after acquiring a slot before each go statement (gorewrite/semaphores.py); and an errgroup.Group
held in a struct field, `p.g.Go(func() error {…})` … `p.g.Wait()` (groups.py, overwrites.py): its Go
counts the goroutine and nothing else takes a count back while no code between writes the struct over it.

Tables as for conftest.case_suite (its cases' proposals and naive mutants under the pinned release): FIXES
(source, what the rewritten file must contain), DECLINES (source, the reason), NAIVE (the copy a careless rule
would insert, and a probe showing it changes what the code does), ALLOCS (the call AllocsPerRun runs, for the
positives measured).
"""

from __future__ import annotations

import pytest
from conftest import case_suite, edited, only_fix

from gorewrite.rules import RULES

RULE = RULES["closure"]

FIXES = {
    "wrapper_method_tracker": (  # `t.wait()` of a method that is the field's Wait alone
        """package wrapper_method_tracker

import (
	"strings"
	"sync"
)

// Tracker runs uploads and knows when they are all done.
type Tracker struct {
	wg   sync.WaitGroup
	sent []string
}

func (t *Tracker) wait() { t.wg.Wait() }

// Upload tags every file with the bucket on its own goroutine, then moves on to the next bucket.
func (t *Tracker) Upload(files []string, bucket string) string {
	t.sent = make([]string, len(files))
	for i, f := range files {
		t.wg.Add(1)
		go func() {
			defer t.wg.Done()
			t.sent[i] = bucket + "/" + strings.TrimPrefix(f, "/")
		}()
	}
	t.wait()
	bucket += "-next"
	return bucket
}
""",
        "\t\t{\n\t\tbucket := bucket",
    ),
    "wrapper_func_wait_all": (  # `waitAll(&wg)`: the helper logs, then ends in its parameter's Wait
        """package wrapper_func_wait_all

import (
	"log"
	"sync"
)

func waitAll(wg *sync.WaitGroup, what string) {
	log.Printf("waiting for %s", what)
	wg.Wait()
}

// Scale multiplies each row by the factor on its own goroutine, then doubles the factor.
func Scale(rows [][]float64, factor float64) float64 {
	var wg sync.WaitGroup
	for _, row := range rows {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range row {
				row[j] *= factor
			}
		}()
	}
	waitAll(&wg, "rows")
	factor *= 2
	return factor
}
""",
        "\t\t{\n\t\tfactor := factor",
    ),
    "wrapper_func_new_group": (  # an owned pointer handed as is: `wg := new(sync.WaitGroup)`, `waitAll(wg)`
        """package wrapper_func_new_group

import (
	"strings"
	"sync"
)

func waitAll(wg *sync.WaitGroup) { wg.Wait() }

// Shout upper-cases each line with the suffix on its own goroutine, then trims the suffix for the next call.
func Shout(lines []string, suffix string) string {
	wg := new(sync.WaitGroup)
	for i, l := range lines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lines[i] = strings.ToUpper(l) + suffix
		}()
	}
	waitAll(wg)
	suffix = strings.TrimSpace(suffix)
	return suffix
}
""",
        "\t\t{\n\t\tsuffix := suffix",
    ),
    "spawn_helper_safe_go": (  # errgroup-like: Add, then a goroutine that defers Done and a logging recover
        """package spawn_helper_safe_go

import (
	"log"
	"strings"
	"sync"
)

func safeGo(wg *sync.WaitGroup, f func()) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer func() {
			if r := recover(); r != nil {
				log.Printf("worker panicked: %v", r)
			}
		}()
		f()
	}()
}

// Render fills each page's template on its own goroutine, then switches to the next template.
func Render(pages []string, tmpl string) ([]string, string) {
	out := make([]string, len(pages))
	var wg sync.WaitGroup
	for i, p := range pages {
		safeGo(&wg, func() {
			out[i] = strings.ReplaceAll(tmpl, "{page}", p)
		})
	}
	wg.Wait()
	tmpl = strings.ToUpper(tmpl)
	return out, tmpl
}
""",
        "\t\t{\n\t\ttmpl := tmpl",
    ),
    "errgroup_wrapper_func": (  # `if err := waitGroup(&g); …` of a function that returns its parameter's Wait
        """package errgroup_wrapper_func

import (
	"strings"

	"golang.org/x/sync/errgroup"
)

func waitGroup(g *errgroup.Group) error { return g.Wait() }

// Tag labels each line with the tag on its own goroutine, then moves on to the next tag.
func Tag(lines []string, tag string) ([]string, string, error) {
	out := make([]string, len(lines))
	var g errgroup.Group
	for i, l := range lines {
		g.Go(func() error {
			out[i] = tag + ": " + strings.TrimSpace(l)
			return nil
		})
	}
	if err := waitGroup(&g); err != nil {
		return nil, "", err
	}
	tag += "+"
	return out, tag, nil
}
""",
        "\t\t{\n\t\ttag := tag",
    ),
    "errgroup_wrapper_context": (  # the group of errgroup.WithContext handed as is: `err := waitGroup(g)`
        """package errgroup_wrapper_context

import (
	"context"
	"strings"

	"golang.org/x/sync/errgroup"
)

func waitGroup(g *errgroup.Group) error { return g.Wait() }

// Tag labels each line with the tag on its own goroutine unless ctx ends first, then moves on to the next tag.
func Tag(ctx context.Context, lines []string, tag string) ([]string, string, error) {
	out := make([]string, len(lines))
	g, ctx := errgroup.WithContext(ctx)
	for i, l := range lines {
		g.Go(func() error {
			out[i] = tag + ": " + strings.TrimSpace(l)
			return ctx.Err()
		})
	}
	err := waitGroup(g)
	tag += "+"
	return out, tag, err
}
""",
        "\t\tctx := ctx // captured by value: keeps ctx off the heap\n\t\ttag := tag",
    ),
    "spawn_helper_wait_all": (  # safeGo's literal waited for through `waitAll(&wg)`
        """package spawn_helper_wait_all

import (
	"strings"
	"sync"
)

func safeGo(wg *sync.WaitGroup, f func()) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		f()
	}()
}

func waitAll(wg *sync.WaitGroup) { wg.Wait() }

// Render fills each page's template on its own goroutine, then switches to the next template.
func Render(pages []string, tmpl string) ([]string, string) {
	out := make([]string, len(pages))
	var wg sync.WaitGroup
	for i, p := range pages {
		safeGo(&wg, func() {
			out[i] = strings.ReplaceAll(tmpl, "{page}", p)
		})
	}
	waitAll(&wg)
	tmpl = strings.ToUpper(tmpl)
	return out, tmpl
}
""",
        "\t\t{\n\t\ttmpl := tmpl",
    ),
    "spawn_helper_loop_rows": (  # a helper starting a goroutine per row, each counted right before it starts
        """package spawn_helper_loop_rows

import (
	"strings"
	"sync"
)

func eachRow(wg *sync.WaitGroup, rows, width int, f func(lo, hi int)) {
	for r := 0; r < rows; r++ {
		lo := r * width
		wg.Add(1)
		go func() {
			defer wg.Done()
			f(lo, lo+width)
		}()
	}
}

// Pad pads every cell of a rows x width grid on a goroutine per row, then widens the padding.
func Pad(cells []string, rows, width int, pad string) ([]string, string) {
	out := make([]string, len(cells))
	var wg sync.WaitGroup
	eachRow(&wg, rows, width, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			out[i] = pad + strings.TrimSpace(cells[i]) + pad
		}
	})
	wg.Wait()
	pad += " "
	return out, pad
}
""",
        "\t{\n\tpad := pad",
    ),
    "spawn_helper_method_rows": (  # the helper is a method given the WaitGroup, the rows and the literal
        """package spawn_helper_method_rows

import (
	"strings"
	"sync"
)

type Grid struct{ Rows, Width int }

func (g *Grid) eachRow(wg *sync.WaitGroup, f func(lo, hi int)) {
	for r := 0; r < g.Rows; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f(r*g.Width, (r+1)*g.Width)
		}()
	}
}

// Pad pads every cell of the grid on a goroutine per row, then widens the padding.
func (g *Grid) Pad(cells []string, pad string) ([]string, string) {
	out := make([]string, len(cells))
	var wg sync.WaitGroup
	g.eachRow(&wg, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			out[i] = pad + strings.TrimSpace(cells[i]) + pad
		}
	})
	wg.Wait()
	pad += " "
	return out, pad
}
""",
        "\t{\n\tpad := pad",
    ),
    "semaphore_fill_limit": (  # acquire before each go statement, release deferred first, fill `limit` times
        """package semaphore_fill_limit

import "strings"

// Fetch renders each URL's request line on at most limit goroutines at once, then rotates the agent.
func Fetch(urls []string, agent string) ([]string, string) {
	const limit = 4
	sem := make(chan struct{}, limit)
	out := make([]string, len(urls))
	for i, u := range urls {
		sem <- struct{}{}
		go func() {
			defer func() { <-sem }()
			out[i] = "GET " + strings.TrimSpace(u) + " " + agent
		}()
	}
	for i := 0; i < limit; i++ {
		sem <- struct{}{}
	}
	agent = strings.ToUpper(agent)
	return out, agent
}
""",
        "\t\t{\n\t\tagent := agent",
    ),
    "semaphore_fill_cap": (  # the fill by `for range cap(sem)`
        """package semaphore_fill_cap

// Weigh scales each batch's total by the factor on goroutines, at most eight at once, then halves the factor.
func Weigh(batches [][]int, factor int) ([]int, int) {
	sem := make(chan bool, 8)
	out := make([]int, len(batches))
	for i, b := range batches {
		sem <- true
		go func() {
			defer func() { <-sem }()
			for _, v := range b {
				out[i] += v * factor
			}
		}()
	}
	for range cap(sem) {
		sem <- true
	}
	factor /= 2
	return out, factor
}
""",
        "\t\t{\n\t\tfactor := factor",
    ),
    "group_method_go": (  # an in-house errgroup: Go adds, starts f under a deferred Done; Wait waits first
        """package group_method_go

import (
	"strings"
	"sync"
)

type Group struct {
	wg   sync.WaitGroup
	once sync.Once
	err  error
}

func (g *Group) Go(f func() error) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		if err := f(); err != nil {
			g.once.Do(func() { g.err = err })
		}
	}()
}

func (g *Group) Wait() error {
	g.wg.Wait()
	return g.err
}

// Tag prefixes each trimmed label on its own goroutine, then clears the prefix.
func Tag(labels []string, prefix string) ([]string, string, error) {
	out := make([]string, len(labels))
	var g Group
	for i, l := range labels {
		g.Go(func() error {
			out[i] = prefix + strings.TrimSpace(l)
			return nil
		})
	}
	err := g.Wait()
	prefix = ""
	return out, prefix, err
}
""",
        "\t\t{\n\t\tprefix := prefix",
    ),
    "errgroup_field_local": (  # the struct a local value: `s.g.Go` takes &s.g, for the group's method alone
        """package errgroup_field_local

import (
	"strings"

	"golang.org/x/sync/errgroup"
)

type state struct {
	g   errgroup.Group
	out []string
}

// Upper upper-cases each word with sep appended, one goroutine per word; sep is set after the wait.
func Upper(words []string, sep string) ([]string, string) {
	s := state{out: make([]string, len(words))}
	for i, w := range words {
		s.g.Go(func() error {
			s.out[i] = strings.ToUpper(w) + sep
			return nil
		})
	}
	_ = s.g.Wait()
	sep = "|"
	return s.out, sep
}
""",
        "\t\t{\n\t\tsep := sep // captured by value: keeps sep off the heap\n\t\ts.g.Go(func() error {",
    ),
}

# The same group, its receivers spelled `(g (*Group))`: still pointer receivers (syntax.receiver_type).
FIXES["group_method_go_parenthesized"] = (
    FIXES["group_method_go"][0]
    .replace("package group_method_go\n", "package group_method_go_parenthesized\n")
    .replace("func (g *Group)", "func (g (*Group))"),
    FIXES["group_method_go"][1],
)
assert FIXES["group_method_go_parenthesized"][0].count("func (g (*Group))") == 2

DECLINES = {
    "wrapper_method_other_group": (  # the helper waits for the tracker's other WaitGroup
        """package wrapper_method_other_group

import "sync"

// Tracker runs uploads and, apart, the retries of earlier ones.
type Tracker struct {
	wg      sync.WaitGroup
	retries sync.WaitGroup
}

func (t *Tracker) wait() { t.retries.Wait() }

// Upload sends the file to the bucket once ready is closed; it waits, moves on to the next bucket, then
// lets the upload go.
func (t *Tracker) Upload(file, bucket string, ready chan struct{}, out chan<- string) {
	t.wg.Add(1)
	go func() {
		defer t.wg.Done()
		<-ready
		out <- bucket + "/" + file
	}()
	t.wait()
	bucket += "-next"
	close(ready)
}
""",
        "the call at line 22 does not wait for it: it waits for another WaitGroup or group",
    ),
    "wrapper_method_early_return": (  # the helper skips its Wait when the tracker is closed
        """package wrapper_method_early_return

import "sync"

// Tracker runs uploads until it is closed.
type Tracker struct {
	wg     sync.WaitGroup
	closed bool
}

// Close marks the tracker closed: it no longer waits for uploads.
func (t *Tracker) Close() { t.closed = true }

func (t *Tracker) wait() {
	if t.closed {
		return
	}
	t.wg.Wait()
}

// Upload sends the file to the bucket once ready is closed; it waits, moves on to the next bucket, then
// lets the upload go.
func (t *Tracker) Upload(file, bucket string, ready chan struct{}, out chan<- string) {
	t.wg.Add(1)
	go func() {
		defer t.wg.Done()
		<-ready
		out <- bucket + "/" + file
	}()
	t.wait()
	bucket += "-next"
	close(ready)
}
""",
        "the call at line 30 does not wait for it: wait's body is not a Wait alone",
    ),
    "wrapper_method_value_replaced": (  # a method value in a variable the function may replace
        """package wrapper_method_value_replaced

import "sync"

// Tracker runs uploads.
type Tracker struct {
	wg sync.WaitGroup
}

func (t *Tracker) wait() { t.wg.Wait() }

// Upload sends the file to the bucket once ready is closed; it waits unless asked not to, moves on to
// the next bucket, then lets the upload go.
func (t *Tracker) Upload(file, bucket string, async bool, ready chan struct{}, out chan<- string) {
	t.wg.Add(1)
	go func() {
		defer t.wg.Done()
		<-ready
		out <- bucket + "/" + file
	}()
	wait := t.wait
	if async {
		wait = func() {}
	}
	wait()
	bucket += "-next"
	close(ready)
}
""",
        "the function never waits for t.wg",
    ),
    "wrapper_func_early_return": (  # the helper returns without waiting when told to hurry
        """package wrapper_func_early_return

import "sync"

func waitAll(wg *sync.WaitGroup, hurry bool) {
	if hurry {
		return
	}
	wg.Wait()
}

// Send sends the message to the host once ready is closed; it waits, moves on to the next host, then
// lets the send go.
func Send(msg, host string, hurry bool, ready chan struct{}, out chan<- string) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		<-ready
		out <- host + ":" + msg
	}()
	waitAll(&wg, hurry)
	host = "backup"
	close(ready)
}
""",
        "(line 22), so another party may signal it: waitAll may return before its Wait: a return at line 7",
    ),
    "wrapper_func_gives_up": (  # the helper waits in a goroutine of its own and gives up when patience runs out
        """package wrapper_func_gives_up

import "sync"

func waitOrGiveUp(wg *sync.WaitGroup, patience <-chan struct{}) {
	done := make(chan struct{})
	go func() {
		wg.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-patience:
	}
}

// Send sends the message to the host once ready is closed; it waits as long as it is patient, moves
// on to the next host, then lets the send go.
func Send(msg, host string, patience <-chan struct{}, ready chan struct{}, out chan<- string) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		<-ready
		out <- host + ":" + msg
	}()
	waitOrGiveUp(&wg, patience)
	host = "backup"
	close(ready)
}
""",
        "waitOrGiveUp does not end in a Wait (line 11)",
    ),
    "wrapper_func_recovers": (  # a deferred recover returns from the helper without waiting after check panics
        """package wrapper_func_recovers

import "sync"

func waitChecked(wg *sync.WaitGroup, check func()) {
	defer func() { recover() }()
	check()
	wg.Wait()
}

// Send sends the message to the host once ready is closed; it waits, moves on to the next host, then
// lets the send go.
func Send(msg, host string, check func(), ready chan struct{}, out chan<- string) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		<-ready
		out <- host + ":" + msg
	}()
	waitChecked(&wg, check)
	host = "backup"
	close(ready)
}
""",
        "waitChecked may return before its Wait: a defer at line 6",
    ),
    "spawn_helper_stores_job": (  # the helper keeps the job for a later replay, which reads after the write
        """package spawn_helper_stores_job

import "sync"

var lastJob func()

func goRemember(wg *sync.WaitGroup, f func()) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		f()
	}()
	lastJob = f
}

// Replay runs the last job again.
func Replay() { lastJob() }

// Send sends the message to the host on its own goroutine, waits, then moves on to the next host.
func Send(msg, host string, out chan<- string) {
	var wg sync.WaitGroup
	goRemember(&wg, func() {
		out <- host + ":" + msg
	})
	wg.Wait()
	host = "backup"
}
""",
        "goRemember names f or wg other than by one Add, the deferred Done and one call of f",
    ),
    "spawn_helper_method_keeps": (  # a method helper keeps the job in its receiver for a later replay
        """package spawn_helper_method_keeps

import "sync"

type Runner struct{ last func() }

func (r *Runner) goKeep(wg *sync.WaitGroup, f func()) {
	r.last = f
	wg.Add(1)
	go func() {
		defer wg.Done()
		f()
	}()
}

// Replay runs the last job again.
func (r *Runner) Replay() { r.last() }

// Send sends the message to the host on its own goroutine, waits, then moves on to the next host.
func (r *Runner) Send(msg, host string, out chan<- string) {
	var wg sync.WaitGroup
	r.goKeep(&wg, func() {
		out <- host + ":" + msg
	})
	wg.Wait()
	host = "backup"
}
""",
        "goKeep names f or wg other than by one Add, the deferred Done and one call of f",
    ),
    "spawn_helper_retries_after_done": (  # a deferred recover retries the job after the Done
        """package spawn_helper_retries_after_done

import "sync"

func goRetry(wg *sync.WaitGroup, f func()) {
	wg.Add(1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				f()
			}
		}()
		defer wg.Done()
		f()
	}()
}

// Send sends the message to the host once ready is closed, failing the first attempt when flaky; it
// waits, moves on to the next host, then lets the send go.
func Send(msg, host string, flaky bool, ready chan struct{}, out chan<- string) {
	var wg sync.WaitGroup
	goRetry(&wg, func() {
		if flaky {
			flaky = false
			panic("connection reset")
		}
		<-ready
		out <- host + ":" + msg
	})
	wg.Wait()
	host = "backup"
	close(ready)
}
""",
        "goRetry's goroutine does not first defer wg.Done()",
    ),
    "spawn_helper_done_first": (  # the helper marks the job started with Done, before it runs
        """package spawn_helper_done_first

import "sync"

func launch(wg *sync.WaitGroup, f func()) {
	wg.Add(1)
	go func() {
		wg.Done()
		f()
	}()
}

// Send sends the message to the host once ready is closed; it waits for the launch, moves on to the
// next host, then lets the send go.
func Send(msg, host string, ready chan struct{}, out chan<- string) {
	var wg sync.WaitGroup
	launch(&wg, func() {
		<-ready
		out <- host + ":" + msg
	})
	wg.Wait()
	host = "backup"
	close(ready)
}
""",
        "launch's goroutine does not first defer wg.Done()",
    ),
    "spawn_helper_loop_later": (  # the helper's spawning loop runs in a goroutine of its own, after it returns
        """package spawn_helper_loop_later

import "sync"

func eachLater(wg *sync.WaitGroup, parts []string, start <-chan struct{}, f func(string)) {
	go func() {
		<-start
		for _, p := range parts {
			wg.Add(1)
			go func() {
				defer wg.Done()
				f(p)
			}()
		}
	}()
}

// Send sends the message to the host for each part once ready is closed; it waits for the parts, moves
// on to the next host, then lets the sends go.
func Send(msg, host string, ready chan struct{}, out chan<- string) {
	var wg sync.WaitGroup
	eachLater(&wg, []string{"p"}, ready, func(part string) {
		out <- host + ":" + msg + part
	})
	wg.Wait()
	host = "backup"
	close(ready)
}
""",
        "eachLater does not start one goroutine, `go func() {…}()` right after `wg.Add(1)`, by its own code",
    ),
    "spawn_helper_loop_done_first": (  # a goroutine per part, each marked started with Done before it runs
        """package spawn_helper_loop_done_first

import "sync"

func each(wg *sync.WaitGroup, parts []string, f func(string)) {
	for _, p := range parts {
		wg.Add(1)
		go func() {
			wg.Done()
			f(p)
		}()
	}
}

// Send sends the message to the host for each part once ready is closed; it waits for the starts,
// moves on to the next host, then lets the sends go.
func Send(msg, host string, ready chan struct{}, out chan<- string) {
	var wg sync.WaitGroup
	each(&wg, []string{"p"}, func(part string) {
		<-ready
		out <- host + ":" + msg + part
	})
	wg.Wait()
	host = "backup"
	close(ready)
}
""",
        "each's goroutine does not first defer wg.Done()",
    ),
    "spawn_helper_wait_in_branch": (  # the caller waits only when asked to block
        """package spawn_helper_wait_in_branch

import "sync"

func safeGo(wg *sync.WaitGroup, f func()) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		f()
	}()
}

// Send sends the message to the host once ready is closed; it waits when asked to block, moves on to
// the next host, then lets the send go.
func Send(msg, host string, block bool, ready chan struct{}, out chan<- string) {
	var wg sync.WaitGroup
	safeGo(&wg, func() {
		<-ready
		out <- host + ":" + msg
	})
	if block {
		wg.Wait()
	}
	host = "backup"
	close(ready)
}
""",
        "the wait at line 22 is in a branch, case or loop of its own",
    ),
    "errgroup_wrapper_other_group": (  # the helper waits for the retries' group, not the one it is given first
        """package errgroup_wrapper_other_group

import "golang.org/x/sync/errgroup"

func waitFor(g, retries *errgroup.Group) error { return retries.Wait() }

// Send sends the message to the host once ready is closed; it waits, moves on to the next host, then
// lets the send go.
func Send(msg, host string, ready chan struct{}, out chan<- string) error {
	var g, retries errgroup.Group
	g.Go(func() error {
		<-ready
		out <- host + ":" + msg
		return nil
	})
	err := waitFor(&g, &retries)
	host = "backup"
	close(ready)
	return err
}
""",
        "waitFor waits for retries, not its parameter g",
    ),
    "errgroup_wrapper_closed": (  # the helper returns before its Wait once the pipeline is closed
        """package errgroup_wrapper_closed

import "golang.org/x/sync/errgroup"

func waitGroup(g *errgroup.Group, closed bool) error {
	if closed {
		return nil
	}
	return g.Wait()
}

// Send sends the message to the host once ready is closed; it waits unless closed, moves on to the
// next host, then lets the send go.
func Send(msg, host string, closed bool, ready chan struct{}, out chan<- string) error {
	var g errgroup.Group
	g.Go(func() error {
		<-ready
		out <- host + ":" + msg
		return nil
	})
	err := waitGroup(&g, closed)
	host = "backup"
	close(ready)
	return err
}
""",
        "waitGroup may return before its Wait: a return at line 7",
    ),
    "errgroup_wrapper_timeout": (  # the helper gives up waiting when patience runs out
        """package errgroup_wrapper_timeout

import (
	"errors"

	"golang.org/x/sync/errgroup"
)

func waitPatiently(g *errgroup.Group, patience <-chan struct{}) error {
	done := make(chan error, 1)
	go func() { done <- g.Wait() }()
	select {
	case err := <-done:
		return err
	case <-patience:
		return errors.New("timed out")
	}
}

// Send sends the message to the host once ready is closed; it waits as long as it is patient, moves
// on to the next host, then lets the send go.
func Send(msg, host string, patience <-chan struct{}, ready chan struct{}, out chan<- string) error {
	var g errgroup.Group
	g.Go(func() error {
		<-ready
		out <- host + ":" + msg
		return nil
	})
	err := waitPatiently(&g, patience)
	host = "backup"
	close(ready)
	return err
}
""",
        "waitPatiently does not end in a Wait (line 12)",
    ),
    "spawn_helper_wait_all_hurried": (  # the caller's wait helper returns before its Wait when told to hurry
        """package spawn_helper_wait_all_hurried

import "sync"

func safeGo(wg *sync.WaitGroup, f func()) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		f()
	}()
}

func waitAll(wg *sync.WaitGroup, hurry bool) {
	if hurry {
		return
	}
	wg.Wait()
}

// Send sends the message to the host once ready is closed; it waits unless told to hurry, moves on to
// the next host, then lets the send go.
func Send(msg, host string, hurry bool, ready chan struct{}, out chan<- string) {
	var wg sync.WaitGroup
	safeGo(&wg, func() {
		<-ready
		out <- host + ":" + msg
	})
	waitAll(&wg, hurry)
	host = "backup"
	close(ready)
}
""",
        "waitAll may return before its Wait: a return at line 15",
    ),
    "group_method_detached": (  # on one path Go starts f in a goroutine the group does not count
        """package group_method_detached

import "sync"

type Group struct {
	wg       sync.WaitGroup
	detached bool
}

func (g *Group) Go(f func()) {
	if g.detached {
		go f()
		return
	}
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		f()
	}()
}

func (g *Group) Wait() { g.wg.Wait() }

// Send sends the message to the host once ready is closed; it waits for the group, moves on to the
// next host, then lets the send go.
func Send(msg, host string, detached bool, ready chan struct{}, out chan<- string) {
	g := Group{detached: detached}
	g.Go(func() {
		<-ready
		out <- host + ":" + msg
	})
	g.Wait()
	host = "backup"
	close(ready)
}
""",
        "Group.Go is not a Go method the caller is proven to wait for: Go's body is not `g.wg.Add(1)` then",
    ),
    "group_method_done_first": (  # the goroutine marks the job done before it runs it
        """package group_method_done_first

import "sync"

type Group struct{ wg sync.WaitGroup }

func (g *Group) Go(f func()) {
	g.wg.Add(1)
	go func() {
		g.wg.Done()
		f()
	}()
}

func (g *Group) Wait() { g.wg.Wait() }

// Send sends the message to the host once ready is closed; it waits for the group, moves on to the
// next host, then lets the send go.
func Send(msg, host string, ready chan struct{}, out chan<- string) {
	var g Group
	g.Go(func() {
		<-ready
		out <- host + ":" + msg
	})
	g.Wait()
	host = "backup"
	close(ready)
}
""",
        "Go's goroutine does not first defer g.wg.Done()",
    ),
    "semaphore_fill_short": (  # the fill sends fewer than the capacity: it completes with a release missing
        """package semaphore_fill_short

const (
	maxInFlight = 4
	workers     = 3
)

// Send sends the message to the host once ready is closed, at most maxInFlight at once; it fills the
// semaphore, moves on to the next host, then lets the send go.
func Send(msg, host string, ready chan struct{}, out chan<- string) {
	sem := make(chan struct{}, maxInFlight)
	sem <- struct{}{}
	go func() {
		defer func() { <-sem }()
		<-ready
		out <- host + ":" + msg
	}()
	for i := 0; i < workers; i++ {
		sem <- struct{}{}
	}
	host = "backup"
	close(ready)
}
""",
        "no loop of its block after its make fills it: `for i := 0; i < K; i++` or `for range K`, K its capacity (4)",
    ),
    "semaphore_fill_gives_up": (  # the fill gives up a slot it cannot take when stop is closed
        """package semaphore_fill_gives_up

// Send sends the message to the host once ready is closed; it fills the semaphore unless stopped,
// moves on to the next host, then lets the send go.
func Send(msg, host string, stop, ready chan struct{}, out chan<- string) {
	sem := make(chan struct{}, 1)
	sem <- struct{}{}
	go func() {
		defer func() { <-sem }()
		<-ready
		out <- host + ":" + msg
	}()
	for i := 0; i < cap(sem); i++ {
		select {
		case sem <- struct{}{}:
		case <-stop:
		}
	}
	host = "backup"
	close(ready)
}
""",
        "no loop of its block after its make fills it",
    ),
    "semaphore_acquire_late": (  # the goroutine reports before it takes its slot: the fill may take every slot first
        """package semaphore_acquire_late

// Send sends the message to the host once ready is closed, then holds one of two slots for its cleanup;
// it fills the semaphore, moves on to the next host, then lets the send go.
func Send(msg, host string, ready chan struct{}, out chan<- string) {
	sem := make(chan struct{}, 2)
	go func() {
		<-ready
		out <- host + ":" + msg
		sem <- struct{}{}
		defer func() { <-sem }()
	}()
	for range cap(sem) {
		sem <- struct{}{}
	}
	host = "backup"
	close(ready)
}
""",
        "the goroutine's release of sem (line 11) is not its first statement",
    ),
    "decline_errgroup_field_reset": (  # a reset between the Go and the Wait zeroes the count: Wait returns early
        """package decline_errgroup_field_reset

import "golang.org/x/sync/errgroup"

type Pool struct{ g errgroup.Group }

func (p *Pool) Reset() { *p = Pool{} }

// Run gives the goroutine the name written after the wait, which the reset makes return at once.
func (p *Pool) Run() string {
	ready, got := make(chan struct{}), make(chan string, 1)
	name := "a"
	p.g.Go(func() error {
		<-ready
		got <- name
		select {} // never returns: Go's Done would take the zeroed count below zero
	})
	p.Reset()
	_ = p.g.Wait()
	name = "b"
	close(ready)
	return <-got
}
""",
        "may write the struct over it: calls p.Reset",
    ),
    "decline_errgroup_pointer_field": (  # a pointer field: a write between the Go and the Wait names another group
        """package decline_errgroup_pointer_field

import "golang.org/x/sync/errgroup"

type Pool struct{ g *errgroup.Group }

// Run waits on a fresh group, which returns at once, before the goroutine reads name.
func (p *Pool) Run() string {
	p.g = new(errgroup.Group)
	ready, got := make(chan struct{}), make(chan string, 1)
	name := "a"
	p.g.Go(func() error {
		<-ready
		got <- name
		return nil
	})
	p.g = new(errgroup.Group)
	_ = p.g.Wait()
	name = "b"
	close(ready)
	return <-got
}
""",
        "is not a sync.WaitGroup or errgroup.Group value",
    ),
    "decline_errgroup_field_func_value": (  # Go of a func value: code gorewrite cannot read runs in the region
        """package decline_errgroup_field_func_value

import "golang.org/x/sync/errgroup"

type Pool struct{ g errgroup.Group }

// Run starts the caller's task beside its own goroutine on the same group.
func (p *Pool) Run(words []string, task func() error) ([]int, string) {
	sep := "-"
	out := make([]int, len(words))
	for i, w := range words {
		p.g.Go(func() error {
			out[i] = len(w + sep)
			return nil
		})
	}
	p.g.Go(task)
	_ = p.g.Wait()
	sep = "+"
	return out, sep
}
""",
        "calls p.g.Go with a func value",
    ),
    "decline_late_address_before_group_wait": (  # errs[r.Slot(next)] = g.Wait(): Slot runs before the Wait
        """package decline_late_address_before_group_wait

import "golang.org/x/sync/errgroup"

// Round is a round's figures.
type Round struct{ N int }

// Slot moves to the next round, releases the announcer and says where its error goes.
func (r *Round) Slot(next chan<- struct{}) int {
	r.N++
	close(next)
	return 0
}

// Announce starts the announcer, which sends the round once released, and moves to the next round
// in the statement that waits for it.
func Announce(r Round, out chan<- string) []error {
	var g errgroup.Group
	next := make(chan struct{})
	errs := make([]error, 1)
	g.Go(func() error {
		<-next
		out <- string(rune('a' + r.N))
		return nil
	})
	errs[r.Slot(next)] = g.Wait()
	return errs
}
""",
        "r is written by or after the statement making the closure (line 26): the write at line 26 can come before "
        "the wait at line 26 returns",
    ),
}

GO = ("\tgo func() {", "\t}()\n")


def block_copy(name: str, first: str = GO[0], last: str = GO[1]):
    """The naive copy in a block of its own around the last statement from first to last."""

    def rewrite(source: str) -> str:
        start = source.rindex(first)  # the function's, not a helper's
        end = source.index(last, start) + len(last)
        inner = "".join("\t" + line for line in source[start:end].splitlines(keepends=True))
        return f"{source[:start]}\t{{\n\t\t{name} := {name}\n{inner}\t}}\n{source[end:]}"

    return rewrite


def probe(call: str) -> str:
    """Run the case's function with a fresh ready channel and a buffered out, and return what it sent."""
    return f"func() string {{ ready, out := make(chan struct{{}}), make(chan string, 1); {call}; return <-out }}()"


NAIVE = {
    "decline_late_address_before_group_wait": (
        block_copy("r", "\tg.Go(func() error {", "\t})\n"),
        "func() string { out := make(chan string, 1); {pkg}.Announce({pkg}.Round{N: 5}, out); return <-out }()",
    ),
    "wrapper_method_other_group": (
        block_copy("bucket"),
        probe('new({pkg}.Tracker).Upload("f", "b", ready, out)'),
    ),
    "wrapper_method_early_return": (
        block_copy("bucket"),
        probe('t := &{pkg}.Tracker{}; t.Close(); t.Upload("f", "b", ready, out)'),
    ),
    "wrapper_method_value_replaced": (
        block_copy("bucket"),
        probe('new({pkg}.Tracker).Upload("f", "b", true, ready, out)'),
    ),
    "wrapper_func_early_return": (block_copy("host"), probe('{pkg}.Send("m", "h", true, ready, out)')),
    "wrapper_func_gives_up": (
        block_copy("host"),
        probe('patience := make(chan struct{}); close(patience); {pkg}.Send("m", "h", patience, ready, out)'),
    ),
    "wrapper_func_recovers": (
        block_copy("host"),
        probe('{pkg}.Send("m", "h", func() { panic("unhealthy") }, ready, out)'),
    ),
    "spawn_helper_stores_job": (
        block_copy("host", "\tgoRemember(", "\t})\n"),
        'func() string { out := make(chan string, 2); {pkg}.Send("m", "h", out); {pkg}.Replay(); <-out; '
        "return <-out }()",
    ),
    "spawn_helper_method_keeps": (
        block_copy("host", "\tr.goKeep(", "\t})\n"),
        'func() string { r, out := new({pkg}.Runner), make(chan string, 2); r.Send("m", "h", out); r.Replay(); <-out; '
        "return <-out }()",
    ),
    "spawn_helper_retries_after_done": (
        block_copy("host", "\tgoRetry(", "\t})\n"),
        probe('{pkg}.Send("m", "h", true, ready, out)'),
    ),
    "spawn_helper_done_first": (block_copy("host", "\tlaunch(", "\t})\n"), probe('{pkg}.Send("m", "h", ready, out)')),
    "spawn_helper_loop_later": (
        block_copy("host", "\teachLater(", "\t})\n"),
        probe('{pkg}.Send("m", "h", ready, out)'),
    ),
    "spawn_helper_loop_done_first": (
        block_copy("host", "\teach(", "\t})\n"),
        probe('{pkg}.Send("m", "h", ready, out)'),
    ),
    "spawn_helper_wait_in_branch": (
        block_copy("host", "\tsafeGo(", "\t})\n"),
        probe('{pkg}.Send("m", "h", false, ready, out)'),
    ),
    "errgroup_wrapper_other_group": (
        block_copy("host", "\tg.Go(", "\t})\n"),
        probe('{pkg}.Send("m", "h", ready, out)'),
    ),
    "errgroup_wrapper_closed": (
        block_copy("host", "\tg.Go(", "\t})\n"),
        probe('{pkg}.Send("m", "h", true, ready, out)'),
    ),
    "errgroup_wrapper_timeout": (
        block_copy("host", "\tg.Go(", "\t})\n"),
        probe('patience := make(chan struct{}); close(patience); {pkg}.Send("m", "h", patience, ready, out)'),
    ),
    "spawn_helper_wait_all_hurried": (
        block_copy("host", "\tsafeGo(", "\t})\n"),
        probe('{pkg}.Send("m", "h", true, ready, out)'),
    ),
    "semaphore_fill_short": (block_copy("host"), probe('{pkg}.Send("m", "h", ready, out)')),
    "group_method_detached": (
        block_copy("host", "\tg.Go(", "\t})\n"),
        probe('{pkg}.Send("m", "h", true, ready, out)'),
    ),
    "group_method_done_first": (
        block_copy("host", "\tg.Go(", "\t})\n"),
        probe('{pkg}.Send("m", "h", ready, out)'),
    ),
    "semaphore_fill_gives_up": (
        block_copy("host"),
        probe('stop := make(chan struct{}); close(stop); {pkg}.Send("m", "h", stop, ready, out)'),
    ),
    "semaphore_acquire_late": (block_copy("host"), probe('{pkg}.Send("m", "h", ready, out)')),
    "decline_errgroup_field_reset": (block_copy("name", "\tp.g.Go(", "\t})\n"), "(&{pkg}.Pool{}).Run()"),
    "decline_errgroup_pointer_field": (block_copy("name", "\tp.g.Go(", "\t})\n"), "(&{pkg}.Pool{}).Run()"),
}


# The positives measured (a call with `{pkg}`): the errgroup wrappers' and safeGo's through waitAll.
ALLOCS = {
    "errgroup_wrapper_func": '{pkg}.Tag([]string{" a", "b "}, "x")',
    "errgroup_wrapper_context": '{pkg}.Tag(context.Background(), []string{" a", "b "}, "x")',
    "spawn_helper_wait_all": '{pkg}.Render([]string{"p1", "p2"}, "<{page}>")',
    "spawn_helper_loop_rows": '{pkg}.Pad([]string{" a", "b ", "c", "d"}, 2, 2, "*")',
    "spawn_helper_method_rows": '(&{pkg}.Grid{Rows: 2, Width: 2}).Pad([]string{" a", "b ", "c", "d"}, "*")',
    "group_method_go": 'fmt.Sprint({pkg}.Tag([]string{" a", "b "}, "x"))',
    "errgroup_field_local": 'fmt.Sprint({pkg}.Upper([]string{"a", "b", "c"}, ","))',
}

# The last entry: the call AllocsPerRun runs, None for a positive not measured.
FIXES = {name: (*case, ALLOCS.get(name)) for name, case in FIXES.items()}

globals().update(case_suite("wrappers", RULE, FIXES, DECLINES, NAIVE, errgroup=True, pinned=True))


@pytest.mark.parametrize("name", list(FIXES))
def test_proposes(proposed, name):
    assert FIXES[name][1] in edited(FIXES[name][0], only_fix(proposed[name]))

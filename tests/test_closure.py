"""closure's proposals before verification, one small package per case, all compiled together.

Each row is realistic Go and what the rule must make of it: the copy (or the merged factory) it
proposes, or the reason it declines. For a decline that guards behaviour, NAIVE keeps the
rewrite a careless rule would make, and a test shows it changes what the code does, or does
not compile: the mutant the decline exists for.
"""

from __future__ import annotations

import re

import pytest
from conftest import (
    FACTORY,
    assert_declines,
    assert_naive_is_wrong,
    edited,
    in_process,
    module,
    naive_mutants,
    proposals,
    proposals_by_case,
)

from gorewrite.proposals import Declined, Fix
from gorewrite.rules import RULES

RULE = RULES["closure"]
COPY = " // captured by value: keeps {0} off the heap\n"

# case -> (Go source of package <case>, what the rewritten file must contain)
FIXES = {
    "return_receive_named": (  # `return factor * 2, <-res`: the receive completes before the return sets factor
        """package return_receive_named

// Scale sums the items scaled by factor on a goroutine; factor is a named result the return sets to
// the factor to use next time, once the sum is back: the receive completes before the return assigns.
func Scale(items []int, start int) (factor int, total int) {
	factor = start
	res := make(chan int, 1)
	go func() {
		n := 0
		for _, it := range items {
			n += it * factor
		}
		res <- n
	}()
	return factor * 2, <-res
}
""",
        "\t{\n\tfactor := factor // captured by value: keeps factor off the heap\n\tgo func() {",
    ),
    "alias_field_read_while_running": (  # `c.Scheme` read through c := &cfg while the goroutines run: no write
        """package alias_field_read_while_running

import "sync"

// Config says how to probe a target.
type Config struct {
	Scheme, Path string
	Tries        int
}

func (c *Config) normalize() {
	if c.Scheme == "" {
		c.Scheme = "http://"
	}
}

// ProbeAll checks every target on its own goroutine, reading the scheme through c while they run.
func ProbeAll(targets []string, cfg Config, check func(url string, tries int) bool) (int, string) {
	c := &cfg
	c.normalize()
	ok := make([]bool, len(targets))
	var wg sync.WaitGroup
	for i, t := range targets {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ok[i] = check(cfg.Scheme+t+cfg.Path, cfg.Tries)
		}()
	}
	shown := c.Scheme + "*"
	wg.Wait()
	up := 0
	for _, k := range ok {
		if k {
			up++
		}
	}
	return up, shown
}
""",
        "\t\tcfg := cfg // captured by value: keeps cfg off the heap\n\t\tgo func() {",
    ),
    "block_hides_declared": (
        """package block_hides_declared

import "context"

// Limits are rate limits.
type Limits struct{ Rate, Burst int }

// Normalize makes Burst at least Rate.
func (l *Limits) Normalize() {
	if l.Burst < l.Rate {
		l.Burst = l.Rate
	}
}

// OnDone applies the normalized limits once ctx is done and returns the stop function: a copy of
// the parameter lim needs a block, which reaches to the end of the body so stop stays in scope for
// the return; nothing writes lim from the AfterFunc on.
func OnDone(ctx context.Context, lim Limits, apply func(Limits)) func() bool {
	lim.Normalize()
	stop := context.AfterFunc(ctx, func() { apply(lim) })
	return stop
}
""",
        "\t{\n\tlim := lim // captured by value: keeps lim off the heap\n"
        "\tstop := context.AfterFunc(ctx, func() { apply(lim) })\n\treturn stop\n\t}\n}",
    ),
    "field_wg_render_pages": (  # a server's s.wg: nothing between the Add and the Wait writes a Server (overwrites.py)
        """package field_wg_render_pages

import (
	"strconv"
	"strings"
	"sync"
)

// Server renders pages for a site.
type Server struct {
	wg    sync.WaitGroup
	site  string
	pages []string
}

// Render renders every path on its own goroutine and stamps the version once all are done.
func (s *Server) Render(paths []string, version int) (string, []string) {
	stamp := "v" + strconv.Itoa(version)
	out := make([]string, len(paths))
	for i, p := range paths {
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			out[i] = s.render(stamp, p)
		}()
	}
	s.wg.Wait()
	stamp += "-done"
	s.pages = out
	return stamp, out
}

func (s *Server) render(stamp, path string) string {
	var b strings.Builder
	b.WriteString(s.site)
	b.WriteString(strings.TrimPrefix(path, "/"))
	b.WriteString("?" + stamp)
	return b.String()
}
""",
        "\t\t{\n\t\tstamp := stamp" + COPY.format("stamp") + "\t\tgo func() {",
    ),
    "field_wg_pool_offset": (  # a worker pool's p.wg counted by Add(len(jobs)); sum is the package's, proven too
        """package field_wg_pool_offset

import "sync"

// Pool runs jobs on goroutines it counts.
type Pool struct {
	wg      sync.WaitGroup
	results []int
}

// Run sums each job with the offset on its own goroutine; the offset moves on after the round.
func (p *Pool) Run(jobs [][]int, offset int) int {
	p.results = make([]int, len(jobs))
	p.wg.Add(len(jobs))
	for i, job := range jobs {
		go func() {
			defer p.wg.Done()
			p.results[i] = sum(job) + offset
		}()
	}
	p.wg.Wait()
	offset++
	return offset
}

func sum(xs []int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}
""",
        "\t\t{\n\t\toffset := offset" + COPY.format("offset") + "\t\tgo func() {",
    ),
    "fan_in_range_named_bound": (
        """package fan_in_range_named_bound

// Ping pings hosts by index, n of them, n defined once as len(hosts), and receives n answers.
func Ping(hosts []string, port int, ping func(string, int) int) (int, int) {
	n := len(hosts)
	res := make(chan int, n)
	for i := range n {
		go func() {
			res <- ping(hosts[i], port)
		}()
	}
	total := 0
	for i := 0; i < n; i++ {
		total += <-res
	}
	port++
	return total, port
}
""",
        "\t\t{\n\t\tport := port" + COPY.format("port") + "\t\tgo func() {",
    ),
    "closed_loop_statement": (
        """package closed_loop_statement

// Sum scales the values on a producer goroutine that closes out when done; the loop receives until
// a receive says out is closed, and only then moves the scale on.
func Sum(batches [][]int, scale int) (int, int) {
	total := 0
	for _, xs := range batches {
		out := make(chan int)
		go func() {
			defer close(out)
			for _, x := range xs {
				out <- x * scale
			}
		}()
		for {
			v, ok := <-out
			if !ok {
				break
			}
			total += v
		}
		scale++
	}
	return total, scale
}
""",
        "\t\t{\n\t\tscale := scale" + COPY.format("scale") + "\t\tgo func() {",
    ),
    "closed_loop_if_init": (
        """package closed_loop_if_init

// Join joins the words a producer sends with the separator, then switches the separator.
func Join(groups [][]string, sep string) (string, string) {
	joined := ""
	for _, words := range groups {
		out := make(chan string, len(words))
		go func() {
			defer close(out)
			for _, w := range words {
				out <- w + sep
			}
		}()
		for {
			if w, ok := <-out; !ok {
				break
			} else {
				joined += w
			}
		}
		sep = "|"
	}
	return joined, sep
}
""",
        "\t\t{\n\t\tsep := sep" + COPY.format("sep") + "\t\tgo func() {",
    ),
    "done_last_nested_return": (
        """package done_last_nested_return

import (
	"sort"
	"sync"
)

// Sorted sorts each group by the key's order in a goroutine; the order flips after the groups.
func Sorted(groups [][]int, desc bool) bool {
	var wg sync.WaitGroup
	for _, g := range groups {
		wg.Add(1)
		go func() {
			sort.Slice(g, func(a, b int) bool {
				if desc {
					return g[a] > g[b]
				}
				return g[a] < g[b]
			})
			wg.Done()
		}()
	}
	wg.Wait()
	desc = !desc
	return desc
}
""",
        "\t\t{\n\t\tdesc := desc" + COPY.format("desc") + "\t\tgo func() {",
    ),
    "fan_in_named_bound_add": (
        """package fan_in_named_bound_add

import "sync"

// Scan runs one scanner per path, counted by n, defined once as len(paths); the prefix changes
// once they are all done.
func Scan(paths []string, prefix string, scan func(prefix, path string)) string {
	var wg sync.WaitGroup
	n := len(paths)
	wg.Add(n)
	for _, p := range paths {
		go func() {
			defer wg.Done()
			scan(prefix, p)
		}()
	}
	wg.Wait()
	prefix += "/done"
	return prefix
}
""",
        "\t{\n\t\tprefix := prefix" + COPY.format("prefix") + "\t\tgo func() {",
    ),
    "fan_in_countdown_var": (
        """package fan_in_countdown_var

// Sum sums the sizes with one goroutine per part; k, the number of parts, counts the answers
// down, and the unit changes once every goroutine has answered.
func Sum(parts []string, unit string, size func(part, unit string) int) (int, string) {
	sizes := make(chan int)
	k := len(parts)
	for i := 0; i < k; i++ {
		go func() {
			sizes <- size(parts[i], unit)
		}()
	}
	total := 0
	for left := k; left > 0; left-- {
		total += <-sizes
	}
	unit = "bytes"
	return total, unit
}
""",
        "\t{\n\t\tunit := unit" + COPY.format("unit") + "\t\tgo func() {",
    ),
    "hb_select_fatal": (
        """package hb_select_fatal

import (
	"log"
	"time"
)

// Check asks the probe with the current limit until it answers; a deadline ends the program.
func Check(rounds, limit int, deadline <-chan time.Time, probe func(int) int) int {
	total := 0
	for range rounds {
		done := make(chan int, 1)
		go func() {
			done <- probe(limit)
		}()
		select {
		case n := <-done:
			total += n
		case <-deadline:
			log.Fatalf("probe: no answer with limit %d", total)
		}
		limit *= 2
	}
	return total
}
""",
        "\t\t{\n\t\tlimit := limit" + COPY.format("limit") + "\t\tgo func() {",
    ),
    "hb_two_goroutines_written_after": (
        """package hb_two_goroutines_written_after

import (
	"strings"
	"sync"
)

// Both fetches a user's profile and settings at once, then moves on to the next region.
func Both(region, user string, fetch func(string, string) string) (string, string, string) {
	var profile, settings string
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		profile = fetch(region, "profile/"+user)
	}()
	go func() {
		defer wg.Done()
		settings = fetch(region, "settings/"+user)
	}()
	wg.Wait()
	region = strings.ToUpper(region)
	return profile, settings, region
}
""",
        "\t}()\n\t}\n\t{\n\tregion := region // captured by value: keeps region off the heap\n\tgo func() {\n"
        "\t\tdefer wg.Done()\n\t\tsettings = fetch(region,",
    ),
    "sends_before_returns": (
        """package sends_before_returns

import (
	"errors"
	"strconv"
)

func fetch(url string, attempt int) (string, error) {
	if url == "" {
		return "", errors.New("empty url")
	}
	return url + "#" + strconv.Itoa(attempt), nil
}

// Fetch runs the request on its own goroutine, which reports once on every path, and counts the
// attempt once it has.
func Fetch(url string) (string, int, error) {
	attempt := 1
	var body string
	errc := make(chan error)
	go func() {
		b, err := fetch(url, attempt)
		if err != nil {
			errc <- err
			return
		}
		body = b
		errc <- nil
	}()
	err := <-errc
	attempt++
	return body, attempt, err
}
""",
        "\t{\n\tattempt := attempt" + COPY.format("attempt") + "\tgo func() {",
    ),
    # a switch's initializer runs before its cases: the receive there waits for the goroutine
    "receive_in_switch_initializer": (
        """package receive_in_switch_initializer

// Grade scores the answer on a goroutine, then names the grade past the bonus.
func Grade(answer string) (string, int) {
	bonus := 2
	res := make(chan int, 1)
	go func() {
		res <- len(answer) + bonus
	}()
	switch score := <-res; {
	case score > 10:
		bonus++
		return "high", bonus
	default:
		bonus--
		return "low", bonus
	}
}
""",
        "\t{\n\tbonus := bonus" + COPY.format("bonus") + "\tgo func() {",
    ),
    "sends_ending_branches": (
        """package sends_ending_branches

// Index searches keys on a goroutine whose every branch reports on done as its last act.
func Index(keys []string, want string) int {
	found := -1
	limit := len(keys)
	done := make(chan struct{}, 1)
	go func() {
		for i, k := range keys[:limit] {
			if k == want {
				found = i
				done <- struct{}{}
				return
			}
		}
		switch {
		case found < 0 && limit > 0:
			done <- struct{}{}
		default:
			done <- struct{}{}
		}
	}()
	<-done
	limit = 0
	return found + limit
}
""",
        "\t{\n\tlimit := limit" + COPY.format("limit") + "\tgo func() {",
    ),
    "done_deferred_after_semaphore": (
        """package done_deferred_after_semaphore

import "sync"

// Clamp clamps each batch on goroutines bounded by a semaphore, raising the limit per batch:
// Done, deferred second, runs before the semaphore's release, which does not read limit.
func Clamp(batches [][]int, limit int) [][]int {
	sem := make(chan struct{}, 2)
	var res [][]int
	for _, b := range batches {
		out := make([]int, len(b))
		var wg sync.WaitGroup
		for i, x := range b {
			wg.Add(1)
			sem <- struct{}{}
			go func() {
				defer func() { <-sem }()
				defer wg.Done()
				out[i] = min(x, limit)
			}()
		}
		wg.Wait()
		res = append(res, out)
		limit++
	}
	return res
}
""",
        "\t\t\tlimit := limit" + COPY.format("limit") + "\t\t\tgo func() {",
    ),
    "done_deferred_after_statement": (
        """package done_deferred_after_statement

import "sync"

// Squares squares each value on its own goroutine, which defers Done after its first statement.
func Squares(xs []int, limit int) ([]int, int) {
	out := make([]int, len(xs))
	var wg sync.WaitGroup
	for i, x := range xs {
		wg.Add(1)
		go func() {
			sq := x * x
			defer wg.Done()
			out[i] = min(sq, limit)
		}()
	}
	wg.Wait()
	limit *= 2
	return out, limit
}
""",
        "\t\tlimit := limit" + COPY.format("limit") + "\t\tgo func() {",
    ),
    "deferred_close_and_send": (
        """package deferred_close_and_send

// Tag tags each part on a goroutine that sends its result, then closes the channel (deferred):
// the receive completes on the send, or on the close, both after the goroutine read tag.
func Tag(parts []string, tag string) []string {
	var out []string
	for _, p := range parts {
		res := make(chan string, 1)
		go func() {
			defer close(res)
			res <- p + tag
		}()
		v := <-res
		out = append(out, v)
		tag += "."
	}
	return out
}
""",
        "\t\ttag := tag" + COPY.format("tag") + "\t\tgo func() {",
    ),
    "fan_in_continue_after_receive": (
        """package fan_in_continue_after_receive

type result struct {
	v   int
	err error
}

// Sums adds each group's checked values, skipping failed results after their receive: every
// iteration receives once before any continue, so the loop ends after every checker sent.
func Sums(groups [][]int, check func(int) error) ([]int, int) {
	base, failed := 0, 0
	var sums []int
	for _, g := range groups {
		ch := make(chan result, len(g))
		for _, v := range g {
			go func() { ch <- result{v + base, check(v)} }()
		}
		s := 0
		for range g {
			r := <-ch
			if r.err != nil {
				failed++
				continue
			}
			s += r.v
		}
		sums = append(sums, s)
		base++
	}
	return sums, failed
}
""",
        "\t\t\tbase := base" + COPY.format("base") + "\t\t\tgo func()",
    ),
    "declared_later_in_block": (
        """package declared_later_in_block

import (
	"strings"
	"sync"
)

func lookup(s string) (string, bool) { return strings.ToUpper(s), s != "" }

// Join's loop body declares a sep of its own after the goroutine starts: a copy beside the go
// statement would make that `sep, ok :=` assign the copy the goroutine reads, so it takes a block.
func Join(items []string, sep string) []string {
	if sep == "" {
		sep = ","
	}
	out := make([]string, len(items))
	var wg sync.WaitGroup
	for i, it := range items {
		wg.Add(1)
		done := make(chan struct{})
		go func() {
			defer wg.Done()
			<-done
			out[i] = it + sep
		}()
		sep, ok := lookup(it)
		if ok {
			out[i] = sep
		}
		close(done)
	}
	wg.Wait()
	return out
}
""",
        "\t\t{\n\t\tsep := sep" + COPY.format("sep") + "\t\tgo func() {",
    ),
    "batch_wait_in_branch": (
        """package batch_wait_in_branch

import "sync"

// Stamp stamps items a batch at a time: every batch's Wait returns once each goroutine started so
// far is done, and only then is the token refreshed, in the same branch.
func Stamp(items []string, batch int) []string {
	token := "t0"
	out := make([]string, len(items))
	var wg sync.WaitGroup
	for i, it := range items {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = token + ":" + it
		}()
		if (i+1)%batch == 0 {
			wg.Wait()
			token += "+"
		}
	}
	wg.Wait()
	return out
}
""",
        "\t\ttoken := token" + COPY.format("token") + "\t\tgo func() {",
    ),
    "hb_return_between": (
        """package hb_return_between

import "sync"

// Sum adds the shards in parallel and waits for them; a failed check returns at once, before the
// write after the Wait, which every path to that write passes.
func Sum(shards [][]int, scale int, check func() error) (int, error) {
	sums := make([]int, len(shards))
	var wg sync.WaitGroup
	for i, s := range shards {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, v := range s {
				sums[i] += v * scale
			}
		}()
		if err := check(); err != nil {
			return 0, err
		}
	}
	wg.Wait()
	scale = 0
	total := scale
	for _, s := range sums {
		total += s
	}
	return total, nil
}
""",
        "\t\t{\n\t\tscale := scale" + COPY.format("scale") + "\t\tgo func() {",
    ),
    "recover_wrapper_before_done": (
        """package recover_wrapper_before_done

import (
	"fmt"
	"sync"
)

// Scale scales each value on its own goroutine, reporting a panic on errs from a handler deferred
// before Done: the handler runs after Done and does not read factor.
func Scale(xs []int, factor int, errs chan<- error) ([]int, int) {
	out := make([]int, len(xs))
	var wg sync.WaitGroup
	for i, x := range xs {
		wg.Add(1)
		go func() {
			defer func() {
				if r := recover(); r != nil {
					errs <- fmt.Errorf("item %d: %v", i, r)
				}
			}()
			defer wg.Done()
			out[i] = 100 / x * factor
		}()
	}
	wg.Wait()
	factor++
	return out, factor
}
""",
        "\t\tfactor := factor" + COPY.format("factor") + "\t\tgo func() {",
    ),
    "waiting_helper": (
        """package waiting_helper

import "sync"

// parallelFor calls f for 0..n-1 on goroutines of its own and returns once every call is done.
func parallelFor(n int, f func(i int)) {
	var wg sync.WaitGroup
	wg.Add(n)
	for i := 0; i < n; i++ {
		go func() {
			defer wg.Done()
			f(i)
		}()
	}
	wg.Wait()
}

// Offsets fills each row in parallel, then moves the offset on: parallelFor has returned, so
// every call that read it is done.
func Offsets(rows, width int) []int {
	offset := 0
	out := make([]int, rows*width)
	for r := 0; r < rows; r++ {
		parallelFor(width, func(i int) {
			out[r*width+i] = offset + i
		})
		offset += 100
	}
	return out
}
""",
        "\t\toffset := offset" + COPY.format("offset") + "\t\tparallelFor(width,",
    ),
    "go_in_loop": (
        """package go_in_loop

import "fmt"

// Start reports each job from its own goroutine, under a label chosen once.
func Start(jobs []int, out chan<- string) {
	label := "job"
	if len(jobs) > 10 {
		label = "batch job"
	}
	for _, j := range jobs {
		go func() {
			out <- fmt.Sprint(label, j)
		}()
	}
}
""",
        "\t\tlabel := label" + COPY.format("label") + "\t\tgo func() {",
    ),
    "passed_to_call": (
        """package passed_to_call

// spawn runs f in the background.
func spawn(f func()) { go f() }

// Notify tells each listener the final status.
func Notify(listeners []chan<- string, failed bool) {
	status := "ok"
	if failed {
		status = "failed"
	}
	for _, l := range listeners {
		spawn(func() { l <- status })
	}
}
""",
        "\t\tstatus := status" + COPY.format("status") + "\t\tspawn(func()",
    ),
    "defer_in_loop": (
        """package defer_in_loop

import "io"

// CloseAll closes every closer when the caller returns, reporting failures under one tag.
func CloseAll(closers []io.Closer, report func(tag string, err error)) {
	tag := "close"
	if len(closers) > 100 {
		tag = "bulk close"
	}
	for _, c := range closers {
		defer func() {
			report(tag, c.Close())
		}()
	}
}
""",
        "\t\ttag := tag" + COPY.format("tag") + "\t\tdefer func() {",
    ),
    "raw_string_comment_line": (
        """package raw_string_comment_line

import "fmt"

// Banner sends the title under a usage block from one goroutine per writer; the usage text has a
// line starting with //, which is no comment documenting the go statement.
func Banner(title string, writers int, out chan<- string) {
	if len(title) > 20 {
		title = title[:20]
	}
	for i := 0; i < writers; i++ {
		usage := `usage: probe [flags]
// comments look like this`
		go func() { out <- fmt.Sprint(usage, title, i) }()
	}
}
""",
        "// comments look like this`\n\t\ttitle := title" + COPY.format("title") + "\t\tgo func()",
    ),
    "stored_command_table": (
        """package stored_command_table

import (
	"fmt"
	"strings"
)

// Commands builds one handler per name; the prefix is settled before the loop and never
// written again, so each handler may keep a copy of it however long the table lives.
func Commands(names []string, loud bool) map[string]func() string {
	prefix := "run "
	if loud {
		prefix = strings.ToUpper(prefix)
	}
	cmds := make(map[string]func() string, len(names))
	for _, n := range names {
		cmds[n] = func() string { return fmt.Sprint(prefix, n) }
	}
	return cmds
}
""",
        "\t\tprefix := prefix" + COPY.format("prefix") + "\t\tcmds[n] = func()",
    ),
    "stored_after_normalize": (
        """package stored_after_normalize

// Limits are rate limits.
type Limits struct{ Rate, Burst int }

// Normalize makes Burst at least Rate.
func (l *Limits) Normalize() {
	if l.Burst < l.Rate {
		l.Burst = l.Rate
	}
}

// Watcher applies limits when asked.
type Watcher struct{ apply func() }

// Watch keeps a hook applying the normalized limits: the address Normalize takes does not
// outlive the call, and nothing writes lim after the hook is made.
func (w *Watcher) Watch(lim Limits, apply func(Limits)) {
	lim.Normalize()
	w.apply = func() { apply(lim) }
}
""",
        "\t{\n\tlim := lim" + COPY.format("lim") + "\tw.apply = func()",
    ),
    "hb_add_counted_loop": (
        """package hb_add_counted_loop

import "sync"

// Drain runs n workers over jobs, counted by Add(n) before a counted loop starts one each (i is
// written by the loop's post statement alone, n by nothing), then resets the tag.
func Drain(jobs <-chan int, n int, tag string, do func(string, int)) string {
	var wg sync.WaitGroup
	wg.Add(n)
	for i := 0; i < n; i++ {
		go func() {
			defer wg.Done()
			for j := range jobs {
				do(tag, j)
			}
		}()
	}
	wg.Wait()
	tag = ""
	return tag
}
""",
        "\t\t{\n\t\ttag := tag" + COPY.format("tag") + "\t\tgo func() {",
    ),
    "hb_fan_in_counted": (
        """package hb_fan_in_counted

// Prices quotes every symbol in the current currency and collects the quotes with an index loop
// as long as the symbols (the receive is an argument of append), then switches the currency.
func Prices(syms []string, cur string, quote func(cur, sym string) float64) ([]float64, string) {
	results := make(chan float64, len(syms))
	for _, s := range syms {
		go func() { results <- quote(cur, s) }()
	}
	var all []float64
	for i := 0; i < len(syms); i++ {
		all = append(all, <-results)
	}
	cur = "EUR"
	return all, cur
}
""",
        "\t\t{\n\t\tcur := cur" + COPY.format("cur") + "\t\tgo func()",
    ),
    "hb_fan_in_one_based": (
        """package hb_fan_in_one_based

// Prices quotes every symbol from its own goroutine, counting from 1 as the symbols are numbered,
// collects as many quotes with a loop counting the same way, then switches the currency.
func Prices(syms []string, cur string, quote func(cur, sym string) float64) ([]float64, string) {
	results := make(chan float64, len(syms))
	for i := 1; i <= len(syms); i++ {
		s := syms[i-1]
		go func() { results <- quote(cur, s) }()
	}
	var all []float64
	for i := 1; i <= len(syms); i++ {
		all = append(all, <-results)
	}
	cur = "EUR"
	return all, cur
}
""",
        "\t\t{\n\t\tcur := cur" + COPY.format("cur") + "\t\tgo func()",
    ),
    "hb_add_one_based_workers": (
        """package hb_add_one_based_workers

import "sync"

const numWorkers = 4

// Drain runs numWorkers workers, numbered from 1, over jobs, counted by Add before they start,
// then resets the tag.
func Drain(jobs <-chan int, tag string, do func(string, int, int)) string {
	var wg sync.WaitGroup
	wg.Add(numWorkers)
	for w := 1; w <= numWorkers; w++ {
		go func() {
			defer wg.Done()
			for j := range jobs {
				do(tag, w, j)
			}
		}()
	}
	wg.Wait()
	tag = ""
	return tag
}
""",
        "\t\t{\n\t\ttag := tag" + COPY.format("tag") + "\t\tgo func() {",
    ),
    "hb_add_byte_counted": (
        """package hb_add_byte_counted

import "sync"

const lanes byte = 8

// Spread runs one goroutine per lane, numbered from 1 as a byte, counted by Add before they
// start, then resets the tag.
func Spread(tag string, do func(string, byte)) string {
	var wg sync.WaitGroup
	wg.Add(int(lanes))
	for lane := byte(1); lane <= lanes; lane++ {
		go func() {
			defer wg.Done()
			do(tag, lane)
		}()
	}
	wg.Wait()
	tag = ""
	return tag
}
""",
        "\t\t{\n\t\ttag := tag" + COPY.format("tag") + "\t\tgo func() {",
    ),
    "hb_add_array_length": (
        """package hb_add_array_length

import "sync"

type shard struct{ keys []string }

// Flush writes every shard of a fixed-size table under the current epoch, counted by the table's
// length before one goroutine per shard starts, then advances the epoch.
func Flush(table *[4]shard, epoch int, write func(int, []string)) int {
	var shards [4]shard = *table
	var wg sync.WaitGroup
	wg.Add(len(shards))
	for i := range shards {
		go func() {
			defer wg.Done()
			write(epoch, shards[i].keys)
		}()
	}
	wg.Wait()
	epoch++
	return epoch
}
""",
        "\t\t{\n\t\tepoch := epoch" + COPY.format("epoch") + "\t\tgo func() {",
    ),
    "hb_add_named_slice": (
        """package hb_add_named_slice

import "sync"

type job struct{ id int }

// Batch is a slice of its own type, as queues often declare one.
type Batch []job

// Run starts one goroutine per job of the batch, counted by the batch's length, under the
// current round, then advances the round.
func Run(batch Batch, round int, do func(int, job)) int {
	var wg sync.WaitGroup
	wg.Add(len(batch))
	for _, j := range batch {
		go func() {
			defer wg.Done()
			do(round, j)
		}()
	}
	wg.Wait()
	round++
	return round
}
""",
        "\t\t{\n\t\tround := round" + COPY.format("round") + "\t\tgo func() {",
    ),
    "hb_deferred_after_done": (
        """package hb_deferred_after_done

import (
	"sync"
	"time"
)

// SyncAll syncs every shard in the region, timing each sync in a func literal the goroutine
// defers after Done: deferred calls run last in, first out, so it reads the region before Done.
func SyncAll(shards []string, region string, sync1 func(string, string), observe func(string, time.Duration)) string {
	var wg sync.WaitGroup
	for _, s := range shards {
		wg.Add(1)
		go func() {
			defer wg.Done()
			start := time.Now()
			defer func() { observe(region+"/"+s, time.Since(start)) }()
			sync1(region, s)
		}()
	}
	wg.Wait()
	region = "failover"
	return region
}
""",
        "\t\t{\n\t\tregion := region" + COPY.format("region") + "\t\tgo func() {",
    ),
    "two_variables": (
        """package two_variables

import "fmt"

// Dial reports n connection attempts, to the pool when there are many.
func Dial(n int, out chan<- string) {
	host, port := "localhost", 80
	if n > 4 {
		host, port = "pool", 8080
	}
	for i := 0; i < n; i++ {
		go func() { out <- fmt.Sprint(host, ":", port, "/", i) }()
	}
}
""",
        "\t\thost := host" + COPY.format("host") + "\t\tport := port" + COPY.format("port") + "\t\tgo func()",
    ),
    "same_block": (
        """package same_block

import "fmt"

// Stats counts one named thing.
type Stats struct {
	Name  string
	Count int
}

func (s *Stats) clamp() {
	if s.Count < 0 {
		s.Count = 0
	}
}

// Report sends the name and the count, never negative, from a goroutine.
func Report(s Stats, out chan<- string) {
	s.clamp()
	go func() { out <- fmt.Sprint(s.Name, s.Count) }()
}
""",
        "\t{\n\ts := s" + COPY.format("s") + "\tgo func()",
    ),
    "factory": (FACTORY.replace("package tags", "package factory"), "func joiner(sep string, parts []string) string {"),
    "hb_add_two": (
        """package hb_add_two

import (
	"io"
	"sync"
)

// Pipe copies both ways under one Add(2), then clears the label.
func Pipe(a, b io.ReadWriter, label string, log func(string, int64)) string {
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		n, _ := io.Copy(a, b)
		log(label+" b->a", n)
	}()
	go func() {
		defer wg.Done()
		n, _ := io.Copy(b, a)
		log(label+" a->b", n)
	}()
	wg.Wait()
	label = ""
	return label
}
""",
        "\t{\n\tlabel := label" + COPY.format("label") + "\tgo func() {",
    ),
    "hb_fixed_workers": (
        """package hb_fixed_workers

import "sync"

const workers = 4

// Drain runs a fixed pool of workers over jobs, counted by the pool's size, then resets the tag.
func Drain(jobs <-chan int, tag string, do func(string, int)) string {
	var wg sync.WaitGroup
	wg.Add(workers)
	for range workers {
		go func() {
			defer wg.Done()
			for j := range jobs {
				do(tag, j)
			}
		}()
	}
	wg.Wait()
	tag = ""
	return tag
}
""",
        "\t\t{\n\t\ttag := tag" + COPY.format("tag") + "\t\tgo func() {",
    ),
    "hb_fan_in": (
        """package hb_fan_in

// Score scores every item concurrently with the same weights, sums what each goroutine sends on
// the one results channel (a later loop as long receives once an iteration), then replaces the
// weights for the next round.
func Score(items []string, weights Weights, score func(string, Weights) float64) (float64, Weights) {
	results := make(chan float64, len(items))
	for _, it := range items {
		go func() {
			results <- score(it, weights)
		}()
	}
	total := 0.0
	for range items {
		total += <-results
	}
	weights = Weights{"norm": total}
	return total, weights
}

// Weights weighs each feature.
type Weights map[string]float64
""",
        "\t\t{\n\t\tweights := weights" + COPY.format("weights") + "\t\tgo func() {",
    ),
    "hb_add_all_first": (
        """package hb_add_all_first

import "sync"

// Scale multiplies every value in parallel (the WaitGroup counts them before the loop starts
// one goroutine each), then resets the factor for the caller's report.
func Scale(vals []int, factor int) ([]int, int) {
	out := make([]int, len(vals))
	var wg sync.WaitGroup
	wg.Add(len(vals))
	for i, v := range vals {
		go func() {
			defer wg.Done()
			out[i] = v * factor
		}()
	}
	wg.Wait()
	factor = 1
	return out, factor
}
""",
        "\t\t{\n\t\tfactor := factor" + COPY.format("factor") + "\t\tgo func() {",
    ),
    "hb_closer_range": (
        """package hb_closer_range

import "sync"

// Crawl fetches each level's URLs concurrently with one agent; a closer goroutine closes the
// results once every fetch is done, which ends the range loop, and then the agent rotates.
func Crawl(levels [][]string, agent string, fetch func(agent, url string) string) []string {
	var all []string
	for _, urls := range levels {
		results := make(chan string)
		var wg sync.WaitGroup
		for _, u := range urls {
			wg.Add(1)
			go func() {
				defer wg.Done()
				results <- fetch(agent, u)
			}()
		}
		go func() {
			wg.Wait()
			close(results)
		}()
		for r := range results {
			if r == "" {
				return all
			}
			all = append(all, r)
		}
		agent = agent + "'"
	}
	return all
}
""",
        "\t\t\t{\n\t\t\tagent := agent" + COPY.format("agent") + "\t\t\tgo func() {",
    ),
    "hb_closer_defer_close": (
        """package hb_closer_defer_close

import "sync"

// Resize scales every image with the same quality; a helper closes done once all are scaled,
// and the function waits for done before lowering the quality for the next batch.
func Resize(batches [][]int, quality int, scale func(img, quality int) int) []int {
	var out []int
	for _, imgs := range batches {
		got := make([]int, len(imgs))
		var wg sync.WaitGroup
		wg.Add(len(imgs))
		for i, img := range imgs {
			go func() {
				defer wg.Done()
				got[i] = scale(img, quality)
			}()
		}
		done := make(chan struct{})
		go func() {
			defer close(done)
			wg.Wait()
		}()
		<-done
		out = append(out, got...)
		quality--
	}
	return out
}
""",
        "\t\t\t{\n\t\t\tquality := quality" + COPY.format("quality") + "\t\t\tgo func() {",
    ),
    "hb_fan_in_named_count": (
        """package hb_fan_in_named_count

// Shards is how many shards a query fans out to.
type Shards int

// Count asks every shard with the same filter and sums the answers: a later loop over the same
// count receives once per shard, so every shard has read the filter before it is cleared.
func Count(n Shards, filter string, ask func(shard Shards, filter string) int) (int, string) {
	results := make(chan int, n)
	for s := range n {
		go func() {
			results <- ask(s, filter)
		}()
	}
	total := 0
	for range n {
		total += <-results
	}
	filter = ""
	return total, filter
}
""",
        "\t\t{\n\t\tfilter := filter" + COPY.format("filter") + "\t\tgo func() {",
    ),
    "hb_select_return": (
        """package hb_select_return

import (
	"context"
	"time"
)

// Call runs do with the current timeout and waits for it or the context; each failed attempt
// doubles the timeout.
func Call(ctx context.Context, attempts int, timeout time.Duration, do func(time.Duration) error) error {
	var err error
	for a := 0; a < attempts; a++ {
		errc := make(chan error, 1)
		go func() {
			errc <- do(timeout)
		}()
		select {
		case err = <-errc:
			if err == nil {
				return nil
			}
		case <-ctx.Done():
			return ctx.Err()
		}
		timeout *= 2
	}
	return err
}
""",
        "\t\t{\n\t\ttimeout := timeout" + COPY.format("timeout") + "\t\tgo func() {",
    ),
    "hb_select_if_else_panic": (
        """package hb_select_if_else_panic

// Poll asks the probe with the current limit; a stop ends the poll, by an error or a panic when
// the stop is forced; after each answer the limit grows.
func Poll(stop <-chan bool, rounds, limit int, probe func(int) int) int {
	total := 0
	for range rounds {
		done := make(chan int)
		go func() {
			done <- probe(limit)
		}()
		select {
		case <-stop:
			if forced := <-stop; forced {
				panic("poll stopped")
			} else {
				return -1
			}
		case v := <-done:
			total += v
		}
		limit++
	}
	return total
}
""",
        "\t\t{\n\t\tlimit := limit" + COPY.format("limit") + "\t\tgo func() {",
    ),
    "hb_generator_range": (
        """package hb_generator_range

// Render formats every row with the same layout in a generator goroutine that closes out when
// done; the range loop ends on that close, so the layout may change for the next table.
func Render(tables [][]string, layout string, format func(layout, row string) string) []string {
	var lines []string
	for _, rows := range tables {
		out := make(chan string)
		go func() {
			defer close(out)
			for _, r := range rows {
				out <- format(layout, r)
			}
		}()
		for line := range out {
			lines = append(lines, line)
		}
		layout = "wide"
	}
	return lines
}
""",
        "\t\t{\n\t\tlayout := layout" + COPY.format("layout") + "\t\tgo func() {",
    ),
    "hb_multi_value_make": (
        """package hb_multi_value_make

// Quote prices each item on a worker while the caller adds the item's fee, raising the markup after
// each answer: res is made by its own item of the multi-value :=.
func Quote(items []string, markup int, price func(string, int) int) int {
	total := 0
	for _, it := range items {
		res, fee := make(chan int, 1), len(it)
		go func() {
			res <- price(it, markup)
		}()
		total += <-res + fee
		markup++
	}
	return total
}
""",
        "\t\t{\n\t\tmarkup := markup" + COPY.format("markup") + "\t\tgo func() {",
    ),
    "hb_return_before_receive": (
        """package hb_return_before_receive

// Prepare warms each pass's cache in the background; a failed check gives up with what it has,
// and the path that returns never reaches the write after the receive.
func Prepare(key string, scale int, check func(int) bool, warm func(string, int) int) int {
	total := 0
	for pass := 0; pass < 3; pass++ {
		res := make(chan int, 1)
		go func() {
			res <- warm(key, scale)
		}()
		if !check(pass) {
			return total
		}
		total += <-res
		scale *= 10
	}
	return total
}
""",
        "\t\t{\n\t\tscale := scale" + COPY.format("scale") + "\t\tgo func() {",
    ),
    "hb_two_channels_select": (
        """package hb_two_channels_select

// Fetch asks for each key on a worker, whose failure arrives on a channel of its own; the budget
// grows once the worker has answered either way.
func Fetch(keys []string, budget int, get func(string, int) (int, error)) (int, int) {
	total, failed := 0, 0
	for _, k := range keys {
		res, errc := make(chan int, 1), make(chan error, 1)
		go func() {
			n, err := get(k, budget)
			if err != nil {
				errc <- err
				return
			}
			res <- n
		}()
		select {
		case n := <-res:
			total += n
		case <-errc:
			failed++
		}
		budget += 10
	}
	return total, failed
}
""",
        "\t\t{\n\t\tbudget := budget" + COPY.format("budget") + "\t\tgo func() {",
    ),
    "hb_two_channels_receive": (
        """package hb_two_channels_receive

// Sizes measures each file on a worker that reports a failure on errc; the caller waits for the
// size alone (a failed file blocks it, as before), then widens the block size.
func Sizes(files []string, block int, stat func(string, int) (int, error)) int {
	total := 0
	for _, f := range files {
		sizes := make(chan int, 1)
		errc := make(chan error, 1)
		go func() {
			n, err := stat(f, block)
			if err != nil {
				errc <- err
				return
			}
			sizes <- n
		}()
		total += <-sizes
		block *= 2
	}
	return total
}
""",
        "\t\t{\n\t\tblock := block" + COPY.format("block") + "\t\tgo func() {",
    ),
    "hb_sort_inside": (
        """package hb_sort_inside

import (
	"sort"
	"sync"
)

// SortAll sorts a copy of each group on a worker, one order a round; the comparator reads desc, but
// sort.Slice does not keep it (func literal does not escape): it runs only inside that call, before
// the deferred Done.
func SortAll(groups [][]int, desc bool) [][]int {
	out := make([][]int, len(groups))
	for r := 0; r < 2; r++ {
		var wg sync.WaitGroup
		for i, g := range groups {
			wg.Add(1)
			go func() {
				defer wg.Done()
				c := append([]int(nil), g...)
				sort.Slice(c, func(a, b int) bool { return (c[a] < c[b]) != desc })
				out[i] = c
			}()
		}
		wg.Wait()
		desc = !desc
	}
	return out
}
""",
        "\t\t\t{\n\t\t\tdesc := desc" + COPY.format("desc") + "\t\t\tgo func() {",
    ),
    "lock_behind_pointer": (
        """package lock_behind_pointer

import "sync"

// Settings shares one mutex between its copies: copying the value copies the pointer, not the lock.
type Settings struct {
	mu    *sync.Mutex
	Scale int
	Name  string
}

// Rounds sends every key with the current settings, then raises the scale for the next round.
func Rounds(keys []string, scale int, sink func(string, int)) int {
	s := Settings{mu: new(sync.Mutex), Scale: scale, Name: "x"}
	for r := 0; r < 2; r++ {
		var wg sync.WaitGroup
		for _, k := range keys {
			wg.Add(1)
			go func() {
				defer wg.Done()
				sink(k+s.Name, s.Scale)
			}()
		}
		wg.Wait()
		s.Scale++
	}
	return s.Scale
}
""",
        "\t\t\t{\n\t\t\ts := s" + COPY.format("s") + "\t\t\tgo func() {",
    ),
    "hb_select_send_fan_in": (
        """package hb_select_send_fan_in

import "context"

// Gather runs the task for every key, rounds times; a sender gives up when ctx is done, and the
// loop after returns then, so the scale moves on only once every key's result was received.
func Gather(ctx context.Context, keys []string, scale, rounds int, run func(string, int) int) int {
	total := 0
	for r := 0; r < rounds; r++ {
		out := make(chan int)
		for _, k := range keys {
			go func() {
				n := run(k, scale)
				select {
				case out <- n:
				case <-ctx.Done():
				}
			}()
		}
		for range keys {
			select {
			case n := <-out:
				total += n
			case <-ctx.Done():
				return total
			}
		}
		scale++
	}
	return total
}
""",
        "\t\t\t{\n\t\t\tscale := scale" + COPY.format("scale") + "\t\t\tgo func() {",
    ),
    "hb_select_send_each": (
        """package hb_select_send_each

import "context"

// Each asks for every key with the current limit; the asker gives up when ctx is done, and so
// does the function, so the limit doubles only after the answer came.
func Each(ctx context.Context, keys []string, limit int, ask func(string, int) int) int {
	total := 0
	for _, k := range keys {
		res := make(chan int)
		go func() {
			if limit < 0 {
				return
			}
			select {
			case res <- ask(k, limit):
			case <-ctx.Done():
				return
			}
		}()
		select {
		case n := <-res:
			total += n
		case <-ctx.Done():
			return total
		}
		limit *= 2
	}
	return total
}
""",
        "\t\t{\n\t\tlimit := limit" + COPY.format("limit") + "\t\tgo func() {",
    ),
    "hb_timeout_drain": (
        """package hb_timeout_drain

import (
	"context"
	"time"
)

// Bounded waits for each key's run at most d; on timeout it cancels the run and still waits for
// it to finish before the scale moves on.
func Bounded(
	ctx context.Context, keys []string, d time.Duration, scale int, run func(context.Context, string, int) int,
) (int, int) {
	timeouts, total := 0, 0
	for _, k := range keys {
		cctx, cancel := context.WithCancel(ctx)
		done := make(chan int, 1)
		go func() {
			done <- run(cctx, k, scale)
		}()
		select {
		case n := <-done:
			total += n
		case <-time.After(d):
			cancel()
			total += <-done
			timeouts++
		}
		cancel()
		scale++
	}
	return total, timeouts
}
""",
        "\t\t{\n\t\tscale := scale" + COPY.format("scale") + "\t\tgo func() {",
    ),
    "hb_nil_merge": (
        """package hb_nil_merge

// Merge looks up a and b at once, rounds times, taking each answer as it comes: the loop ends
// only when both channels were received from and set to nil, and then the scale doubles.
func Merge(a, b string, scale, rounds int, look func(string, int) int) int {
	total := 0
	for r := 0; r < rounds; r++ {
		ac := make(chan int, 1)
		bc := make(chan int, 1)
		go func() { ac <- look(a, scale) }()
		go func() { bc <- look(b, scale) }()
		for ac != nil || bc != nil {
			select {
			case v := <-ac:
				total += v
				ac = nil
			case v := <-bc:
				total += v
				bc = nil
			}
		}
		scale *= 2
	}
	return total
}
""",
        "\t\t{\n\t\tscale := scale"
        + COPY.format("scale")
        + "\t\tac := ac"
        + COPY.format("ac")
        + "\t\tgo func() { ac <- look(a, scale) }()",
    ),
    # a deferred call runs after the goroutine's last statement, the send (probe30b connpool)
    "hb_defer_cancel_fan_in": (
        """package hb_defer_cancel_fan_in

import (
	"context"
	"time"
)

// Dialer dials a shard under a context.
type Dialer func(context.Context, int) int

// Fill asks every shard for a connection under a deadline, and doubles the deadline each round.
func Fill(ctx context.Context, shards []int, rounds int, timeout time.Duration, dial Dialer) int {
	total := 0
	for range rounds {
		res := make(chan int, len(shards))
		for _, id := range shards {
			go func() {
				c, cancel := context.WithTimeout(ctx, timeout)
				defer cancel()
				res <- dial(c, id)
			}()
		}
		for range shards {
			total += <-res
		}
		timeout *= 2
	}
	return total
}
""",
        "\t\t\t{\n\t\t\ttimeout := timeout" + COPY.format("timeout") + "\t\t\tgo func() {\n\t\t\t\tc, cancel",
    ),
    # the send ends the goroutine; both deferred calls run after it
    "hb_defer_close_and_cancel": (
        """package hb_defer_close_and_cancel

import (
	"context"
	"time"
)

// Poll asks each replica in turn under a deadline that grows by a second a replica.
func Poll(ctx context.Context, replicas []string, timeout time.Duration, ask func(context.Context, string) int) int {
	total := 0
	for _, r := range replicas {
		res := make(chan int, 1)
		go func() {
			defer close(res)
			c, cancel := context.WithTimeout(ctx, timeout)
			defer cancel()
			res <- ask(c, r)
		}()
		total += <-res
		timeout += time.Second
	}
	return total
}
""",
        "\t\t{\n\t\ttimeout := timeout" + COPY.format("timeout") + "\t\tgo func() {\n\t\t\tdefer close(res)",
    ),
    # Done last, with a deferred span.End() that runs after it
    "hb_defer_span_done": (
        """package hb_defer_span_done

import (
	"strings"
	"sync"
)

type span struct{ name string }

func (s *span) End() {}

func start(name string) *span { return &span{name: name} }

// Render renders every page in the current theme under a trace span, then switches the theme.
func Render(pages []string, theme string, render func(string, string) string) ([]string, string) {
	out := make([]string, len(pages))
	var wg sync.WaitGroup
	for i, p := range pages {
		wg.Add(1)
		go func() {
			sp := start("render " + p)
			defer sp.End()
			out[i] = render(p, theme)
			wg.Done()
		}()
	}
	wg.Wait()
	theme = strings.ToUpper(theme)
	return out, theme
}
""",
        "\t\t{\n\t\ttheme := theme" + COPY.format("theme") + "\t\tgo func() {\n\t\t\tsp := start(",
    ),
    # an if's condition is evaluated whenever the if runs, after its initializer
    "hb_if_receive_condition": (
        """package hb_if_receive_condition

// Encode encodes each item at the current quality, raising it after each one; it counts failures.
func Encode(items []string, quality int, enc func(string, int) bool) int {
	bad := 0
	for _, it := range items {
		ok := make(chan bool, 1)
		go func() { ok <- enc(it, quality) }()
		if !<-ok {
			bad++
		}
		quality++
	}
	return bad
}
""",
        "\t\tquality := quality"
        + COPY.format("quality")
        + "\t\tgo func() { ok <- enc(it, quality) }()\n\t\t}\n\t\tif !<-ok {",
    ),
    # fan-in: the later loop receives in each iteration's if condition (probe30b thumbs)
    "hb_if_receive_fan_in": (
        """package hb_if_receive_fan_in

// Thumbs encodes each batch of paths at once, and lowers the quality by the batch's failures.
func Thumbs(paths []string, batch, quality int, enc func(string, int) bool) int {
	for start := 0; start < len(paths); start += batch {
		chunk := paths[start:min(start+batch, len(paths))]
		failed := make(chan bool, len(chunk))
		for _, p := range chunk {
			go func() { failed <- !enc(p, quality) }()
		}
		bad := 0
		for range chunk {
			if <-failed {
				bad++
			}
		}
		quality -= bad
	}
	return quality
}
""",
        "\t\t\tquality := quality" + COPY.format("quality") + "\t\t\tgo func() { failed <- !enc(p, quality) }()",
    ),
    # fan-in over a result and an error channel: n receives across both pair with n sends (probe30b connpool)
    "hb_fan_in_two_channels": (
        """package hb_fan_in_two_channels

import (
	"context"
	"time"
)

// Conn is a pooled connection.
type Conn interface{ Close() error }

// Fill dials n connections at once, and again for those that failed, under a deadline that
// doubles each round; each dialer reports once, on conns or on errc.
func Fill(ctx context.Context, n int, dial func(context.Context) (Conn, error)) ([]Conn, error) {
	timeout := 500 * time.Millisecond
	var idle []Conn
	var last error
	for round := 0; round < 3 && n > 0; round++ {
		conns := make(chan Conn, n)
		errc := make(chan error, n)
		for i := 0; i < n; i++ {
			go func() {
				dctx, cancel := context.WithTimeout(ctx, timeout)
				defer cancel()
				c, err := dial(dctx)
				if err != nil {
					errc <- err
					return
				}
				conns <- c
			}()
		}
		failed := 0
		for i := 0; i < n; i++ {
			select {
			case c := <-conns:
				idle = append(idle, c)
			case err := <-errc:
				last = err
				failed++
			}
		}
		n = failed
		timeout *= 2
	}
	if n > 0 {
		return idle, last
	}
	return idle, nil
}
""",
        "\t\t\t{\n\t\t\ttimeout := timeout" + COPY.format("timeout") + "\t\t\tgo func() {\n\t\t\t\tdctx, cancel",
    ),
    # two goroutines share one channel, and two unconditional receives follow both starts (probe30b netproxy)
    "hb_splice_two_copiers": (
        """package hb_splice_two_copiers

import (
	"errors"
	"fmt"
	"io"
)

// Splice copies both ways between a client and a backend until both directions end, and names
// each direction's failure by the route; the route is marked spliced only after both copiers
// reported, so neither reads it any more.
func Splice(client, backend io.ReadWriter, route string) (string, error) {
	done := make(chan error, 2)
	go func() {
		_, err := io.Copy(backend, client)
		if err != nil {
			err = fmt.Errorf("%s up: %w", route, err)
		}
		done <- err
	}()
	go func() {
		_, err := io.Copy(client, backend)
		if err != nil {
			err = fmt.Errorf("%s down: %w", route, err)
		}
		done <- err
	}()
	err := errors.Join(<-done, <-done)
	route = "spliced " + route
	return route, err
}
""",
        "\t{\n\troute := route" + COPY.format("route") + "\tgo func() {\n\t\t_, err := io.Copy(client, backend)",
    ),
    # both loops range over paths[start:end], nothing writing paths, start or end in between (probe30b thumbs)
    "hb_fan_in_sub_slice": (
        """package hb_fan_in_sub_slice

// Thumbs encodes the paths a batch at a time, each batch at once, and lowers the quality after
// a batch that had failures; both loops range over the same batch of paths.
func Thumbs(paths []string, batch, quality int, enc func(string, int) bool) (int, int) {
	bad := 0
	for start := 0; start < len(paths); start += batch {
		end := min(start+batch, len(paths))
		failed := make(chan bool, end-start)
		for _, p := range paths[start:end] {
			go func() { failed <- !enc(p, quality) }()
		}
		before := bad
		for range paths[start:end] {
			if <-failed {
				bad++
			}
		}
		if bad > before {
			quality--
		}
	}
	return bad, quality
}
""",
        "\t\t\tquality := quality" + COPY.format("quality") + "\t\t\tgo func() { failed <- !enc(p, quality) }()",
    ),
    # the send is the body's last act, so the deferred Done runs after it: the fan-in loop waits (adv30b z03)
    "hb_done_and_send_pool": (
        """package hb_done_and_send_pool

import "sync"

// Score scores every item on its own goroutine, sums the results as they arrive, then doubles the
// weight before waiting for the workers to exit: each worker sent after its last read of weight.
func Score(items []string, weight int, score func(string, int) int) (int, int) {
	var wg sync.WaitGroup
	res := make(chan int, len(items))
	for _, it := range items {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res <- score(it, weight)
		}()
	}
	total := 0
	for range items {
		total += <-res
	}
	weight *= 2
	wg.Wait()
	return total, weight
}
""",
        "\t\t{\n\t\tweight := weight" + COPY.format("weight") + "\t\tgo func() {\n\t\t\tdefer wg.Done()",
    ),
    # the caller's WaitGroup is unrelated: the receive waits for the send (adv30b w10)
    "hb_done_param_send": (
        """package hb_done_param_send

import "sync"

// Lookup resolves the key on a goroutine the caller's WaitGroup tracks, and takes the reply before
// it moves on to the next region.
func Lookup(key, region string, wg *sync.WaitGroup, resolve func(string, string) string) (string, string) {
	reply := make(chan string, 1)
	wg.Add(1)
	go func() {
		defer wg.Done()
		reply <- resolve(key, region)
	}()
	addr := <-reply
	region = "fallback-" + region
	return addr, region
}
""",
        "\t{\n\tregion := region" + COPY.format("region") + "\tgo func() {\n\t\tdefer wg.Done()",
    ),
    # a deferred close of a channel the function does not wait on runs after the send (adv30b w01)
    "hb_close_other_send": (
        """package hb_close_other_send

// Fetch fetches the page on a goroutine that also closes the caller's stopped channel when it ends,
// and retries with a longer timeout once the body has arrived.
func Fetch(url string, timeout int, stopped chan struct{}, get func(string, int) string) (string, int) {
	body := make(chan string, 1)
	go func() {
		defer close(stopped)
		body <- get(url, timeout)
	}()
	page := <-body
	timeout *= 2
	return page, timeout
}
""",
        "\t{\n\ttimeout := timeout" + COPY.format("timeout") + "\tgo func() {\n\t\tdefer close(stopped)",
    ),
    # two peers that defer Done and send last: two receives wait for both sends
    "hb_done_send_peers": (
        """package hb_done_send_peers

import (
	"errors"
	"sync"
)

// Splice copies both ways between the two ends on goroutines the WaitGroup tracks, each reporting
// its error as its last act; the route is switched once both reported, before the Wait.
func Splice(route string, copyDir func(dir, route string) error) (error, string) {
	var wg sync.WaitGroup
	done := make(chan error, 2)
	wg.Add(2)
	go func() {
		defer wg.Done()
		done <- copyDir("up", route)
	}()
	go func() {
		defer wg.Done()
		done <- copyDir("down", route)
	}()
	err := errors.Join(<-done, <-done)
	route = "closed:" + route
	wg.Wait()
	return err, route
}
""",
        "\t{\n\troute := route" + COPY.format("route") + '\tgo func() {\n\t\tdefer wg.Done()\n\t\tdone <- copyDir("up"',
    ),
    "signal_then_log": (
        """package signal_then_log

import "log"

// Compute sends its product, then logs; the factor moves on once the product is in.
func Compute(n int, big bool) (int, int) {
	factor := 2
	if big {
		factor = 3
	}
	res := make(chan int)
	go func() {
		res <- n * factor
		log.Printf("worker done")
	}()
	v := <-res
	factor = 0
	return v, factor
}
""",
        "\t{\n\tfactor := factor" + COPY.format("factor") + "\tgo func() {",
    ),
    "done_then_log": (
        """package done_then_log

import (
	"log"
	"sync"
)

// Scale scales every item on its own goroutine, which logs after Done without naming the scale.
func Scale(items []int, big bool) ([]int, int) {
	scale := 10
	if big {
		scale = 100
	}
	out := make([]int, len(items))
	var wg sync.WaitGroup
	for i, it := range items {
		wg.Add(1)
		go func() {
			out[i] = it * scale
			wg.Done()
			log.Printf("item %d done", i)
		}()
	}
	wg.Wait()
	scale = 0
	return out, scale
}
""",
        "\t\t{\n\t\tscale := scale" + COPY.format("scale") + "\t\tgo func() {",
    ),
    "deferred_done_value": (
        """package deferred_done_value

import "sync"

// Mul multiplies on one goroutine an item, each deferring done, the WaitGroup's Done as a method value.
func Mul(xs []int, mul int) ([]int, int) {
	out := make([]int, len(xs))
	var wg sync.WaitGroup
	done := wg.Done
	for i, x := range xs {
		wg.Add(1)
		go func() {
			defer done()
			out[i] = x * mul
		}()
	}
	wg.Wait()
	mul = 0
	return out, mul
}
""",
        "\t\t{\n\t\tmul := mul" + COPY.format("mul") + "\t\tgo func() {",
    ),
    "fan_in_range_len": (
        """package fan_in_range_len

// Sum adds the offset to every value on its own goroutine and receives len(xs) answers.
func Sum(xs []int, offset int) (int, int) {
	res := make(chan int)
	for _, x := range xs {
		go func() { res <- x + offset }()
	}
	sum := 0
	for range len(xs) {
		sum += <-res
	}
	offset = 0
	return sum, offset
}
""",
        "\t\t{\n\t\toffset := offset" + COPY.format("offset") + "\t\tgo func() { res <- x + offset }()",
    ),
    # addresses taken after the goroutines are waited for (a write there); arrays sliced as call arguments
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
    "late_merge_rounds": (  # `&cfg` to a function after the Wait, in the loop's same iteration
        """package late_merge_rounds

import (
	"strings"
	"sync"
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
func Rounds(bots []string, rounds int) string {
	cfg := Config{Level: 1, Map: "easy"}
	var log []string
	for r := 0; r < rounds; r++ {
		out := make([]string, len(bots))
		var wg sync.WaitGroup
		for i, b := range bots {
			wg.Add(1)
			go func() {
				defer wg.Done()
				out[i] = b + "@" + cfg.Map
			}()
		}
		wg.Wait()
		log = append(log, strings.Join(out, ","))
		advance(&cfg, len(bots))
	}
	return strings.Join(log, ";")
}
""",
        "\t\t\tcfg := cfg // captured by value: keeps cfg off the heap\n\t\t\tgo func() {",
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

# case -> (Go source of package <case>, a text the reason for declining must contain)
# A license header longer than the 4 KiB the file version was read from: the //go:build after it counts.
LONG_HEADER = (
    "".join(
        f"// Licensed under the Apache License, Version 2.0; see the NOTICE file, paragraph {n} of 60.\n"
        for n in range(60)
    )
    + "\n"
)

# a file whose Go version is before go1.22 (its //go:build line) starts goroutines reading the loop variable
SHARED_SPAWN = """
// Spawn starts n reporters of the loop variable: before go1.22 all share one i.
func Spawn(n int, start chan struct{}, out chan int) {
	for i := 0; i < n; i++ {
		go func() {
			<-start
			out <- i
		}()
	}
}
"""

DECLINES = {
    "field_wait_in_loop": (  # a path passes the Wait by and comes round to it: the loop is on it
        """package field_wait_in_loop

import "sync"

// Pool tracks its jobs and the rounds it has run.
type Pool struct {
	wg     sync.WaitGroup
	rounds int
}

// Run starts a job with the name, then runs rounds, each clearing the pool through q; the last
// waits for the job and renames it first. The first round's clearing, after the go statement but
// after the Wait in the text, zeroes the count the Add made, so the Wait returns at once.
func (p *Pool) Run(rounds int, ready chan struct{}, out chan<- string) {
	name := "a"
	p.wg.Add(1)
	go func() {
		defer func() { recover() }()
		defer p.wg.Done()
		<-ready
		out <- name
	}()
	for i := 0; i < rounds; i++ {
		if i == rounds-1 {
			p.wg.Wait()
			name = "b"
		}
		q := p
		*q = Pool{rounds: i}
	}
	close(ready)
}
""",
        "assigns *q, a *Pool, which holds or reaches a sync.WaitGroup",
    ),
    "field_append_over": (  # append writes into the array the pool lives in
        """package field_append_over

import "sync"

// Pool tracks the jobs it has started.
type Pool struct {
	wg sync.WaitGroup
	id int
}

// Fleet keeps its pools by value.
type Fleet struct {
	pools []Pool
}

// NewFleet returns a fleet of one pool.
func NewFleet() *Fleet { return &Fleet{pools: make([]Pool, 1)} }

// First is the fleet's first pool.
func (f *Fleet) First() *Pool { return &f.pools[0] }

// Run starts a job on p, recycles the fleet's pools (the append writes a new first pool in the same
// array, over p when p is the first), waits for p, renames and lets the job run.
func (f *Fleet) Run(p *Pool, ready chan struct{}, out chan<- string) {
	name := "a"
	p.wg.Add(1)
	go func() {
		defer func() { recover() }()
		defer p.wg.Done()
		<-ready
		out <- name
	}()
	_ = append(f.pools[:0], Pool{id: 1})
	p.wg.Wait()
	name = "b"
	close(ready)
}
""",
        "appends to f.pools[:0], a []Pool, which holds or reaches a sync.WaitGroup",
    ),
    "field_reset_helper": (  # a method two calls deep writes the enclosing jobs value
        """package field_reset_helper

import "sync"

type jobs struct {
	wg   sync.WaitGroup
	done int
}

// Pool runs jobs and can drain its books.
type Pool struct {
	jobs jobs
	name string
}

// Run starts f with the job's name, drains the pool's books, waits for the job, then renames it and
// lets f run: drain writes a zero jobs over the one holding the WaitGroup the Add counted.
func (p *Pool) Run(ready chan struct{}, out chan<- string) {
	name := p.name
	p.jobs.wg.Add(1)
	go func() {
		defer func() { recover() }()
		defer p.jobs.wg.Done()
		<-ready
		out <- name
	}()
	p.drain()
	p.jobs.wg.Wait()
	name += "/renamed"
	close(ready)
}

func (p *Pool) drain() { p.forget() }

func (p *Pool) forget() { p.jobs = jobs{} }
""",
        "calls p.drain, which calls p.forget, which assigns p.jobs, a jobs, which holds or reaches a sync.WaitGroup",
    ),
    "field_callback_field": (  # a callback field the caller set
        """package field_callback_field

import "sync"

// Batcher runs batches and tells its owner when one has started.
type Batcher struct {
	wg      sync.WaitGroup
	started func()
}

// New returns a batcher whose started hook is the caller's.
func New(started func(b *Batcher)) *Batcher {
	b := &Batcher{}
	b.started = func() { started(b) }
	return b
}

// Run starts f with the tag, tells the owner, waits, retags and lets f run: the owner's hook may
// write the Batcher over its WaitGroup.
func (b *Batcher) Run(ready chan struct{}, out chan<- string) {
	tag := "first"
	b.wg.Add(1)
	go func() {
		defer func() { recover() }()
		defer b.wg.Done()
		<-ready
		out <- tag
	}()
	b.started()
	b.wg.Wait()
	tag = "second"
	close(ready)
}
""",
        "calls b.started, a func value: it may be a callback that writes the struct",
    ),
    "field_alias_overwrite": (  # a write through another name for p
        """package field_alias_overwrite

import "sync"

// Pool tracks its jobs.
type Pool struct {
	wg   sync.WaitGroup
	size int
}

// Run starts f with the name, then clears the pool through q, another name for p, waits, renames
// and lets f run: *q = Pool{} zeroes the WaitGroup the Add counted.
func (p *Pool) Run(ready chan struct{}, out chan<- string) {
	name := "a"
	q := p
	p.wg.Add(1)
	go func() {
		defer func() { recover() }()
		defer p.wg.Done()
		<-ready
		out <- name
	}()
	*q = Pool{size: q.size}
	p.wg.Wait()
	name = "b"
	close(ready)
}
""",
        "assigns *q, a *Pool, which holds or reaches a sync.WaitGroup",
    ),
    "field_named_slice_reset": (  # a write through a named slice type of the struct (adv32c)
        """package field_named_slice_reset

import "sync"

// Worker runs one job at a time.
type Worker struct {
	wg  sync.WaitGroup
	out string
}

// Workers is a crew; Reset clears every worker, its WaitGroup too.
type Workers []Worker

func (ws Workers) Reset() {
	for i := range ws {
		ws[i] = Worker{}
	}
}

// Run starts a job on the first worker, then resets the crew, waits, renames and lets the job run:
// the reset zeroes the count the Add made, so the Wait returns at once.
func Run(ws Workers, ready chan struct{}, out chan<- string) {
	name := "a"
	w := &ws[0]
	w.wg.Add(1)
	go func() {
		defer func() { recover() }()
		defer w.wg.Done()
		<-ready
		out <- name
	}()
	ws.Reset()
	w.wg.Wait()
	name = "b"
	close(ready)
}
""",
        "calls ws.Reset, which assigns ws[i], a Workers, which holds or reaches a sync.WaitGroup",
    ),
    "field_body_reset": (  # the goroutine resets the pool before its Done
        """package field_body_reset

import "sync"

// Pool tracks its jobs.
type Pool struct {
	wg sync.WaitGroup
}

func (p *Pool) reset() { *p = Pool{} }

// Run starts a job that resets the pool before its Done, which then takes the counter below zero:
// Wait returns as soon as the reset is done, before the job reads the name.
func (p *Pool) Run(ready chan struct{}, out chan<- string) {
	name := "a"
	cleared := make(chan struct{})
	p.wg.Add(1)
	go func() {
		defer func() { recover() }()
		p.reset()
		close(cleared)
		<-ready
		out <- name
		p.wg.Done()
	}()
	<-cleared
	p.wg.Wait()
	name = "b"
	close(ready)
}
""",
        "calls p.reset, which assigns *p, a *Pool, which holds or reaches a sync.WaitGroup",
    ),
    "field_channel_janitor": (  # a goroutine ordered by channels resets it and counts itself
        """package field_channel_janitor

import "sync"

// Pool tracks its jobs; its janitor resets it on request and runs a sweep it counts.
type Pool struct {
	wg    sync.WaitGroup
	kick  chan struct{}
	swept chan struct{}
}

// New starts the pool's janitor.
func New() *Pool {
	p := &Pool{kick: make(chan struct{}), swept: make(chan struct{})}
	go p.janitor()
	return p
}

func (p *Pool) janitor() {
	for range p.kick {
		*p = Pool{kick: p.kick, swept: p.swept}
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
		}()
		p.swept <- struct{}{}
	}
}

// Run starts f with the name, kicks the janitor and waits for its sweep, then for the pool, renames
// and lets f run: the janitor, ordered by the channels, zeroed the count the Add made.
func (p *Pool) Run(ready chan struct{}, out chan<- string) {
	name := "a"
	p.wg.Add(1)
	go func() {
		defer func() { recover() }()
		defer p.wg.Done()
		<-ready
		out <- name
	}()
	p.kick <- struct{}{}
	<-p.swept
	p.wg.Wait()
	name = "b"
	close(ready)
}
""",
        "receives from a channel, which synchronizes, so another goroutine ordered by it could write it",
    ),
    "field_value_base_reset": (  # adv31b: `t.reset()` takes &t, not only &t.wg
        """package field_value_base_reset

import "sync"

type tracker struct {
	wg   sync.WaitGroup
	runs int
}

func (t *tracker) reset() { *t = tracker{} }

// Run starts f with the name on a goroutine a local tracker counts, resets the tracker (a method of
// its pointer: the address of t), waits, renames and lets f run.
func Run(ready chan struct{}, f func(string)) {
	var t tracker
	name := "a"
	t.wg.Add(1)
	go func() {
		defer func() { recover() }()
		defer t.wg.Done()
		<-ready
		f(name)
	}()
	t.reset()
	t.wg.Wait()
	name = "b"
	close(ready)
}
""",
        "the address of t is taken (line 24), not only by a WaitGroup method's call",
    ),
    "done_exit_paths_field": (  # a field WaitGroup: the caller's get runs before the Done and may reset it
        """package done_exit_paths_field

import (
	"errors"
	"sync"
)

// Fetcher tracks its fetches in its own WaitGroup.
type Fetcher struct {
	wg   sync.WaitGroup
	mu   sync.Mutex
	errs []error
}

// All fetches every URL with the token, each goroutine calling Done before each return and last;
// the token rotates once the round is done.
func (f *Fetcher) All(urls []string, token string, get func(token, url string) error) string {
	for _, u := range urls {
		f.wg.Add(1)
		go func() {
			if u == "" {
				f.wg.Done()
				return
			}
			if err := get(token, u); err != nil {
				f.mu.Lock()
				f.errs = append(f.errs, errors.Join(err))
				f.mu.Unlock()
				f.wg.Done()
				return
			}
			f.wg.Done()
		}()
	}
	f.wg.Wait()
	token += "'"
	return token
}
""",
        "may write the struct over it",
    ),
    "hb_field_chain_value": (  # a field WaitGroup: the caller's handle runs before the Done and may reset it
        """package hb_field_chain_value

import "sync"

type workers struct {
	wg   sync.WaitGroup
	busy int
}

// Server runs handlers on goroutines its worker set, a struct value, tracks.
type Server struct {
	pool workers
	name string
}

// Serve handles each batch concurrently and renames the tag after the batch: s.pool.wg.Wait()
// orders the write, the path s.pool.wg reaching the same WaitGroup at Add, Done and Wait.
func (s *Server) Serve(batches [][]string, handle func(tag, req string)) string {
	tag := s.name
	for _, reqs := range batches {
		s.pool.wg.Add(len(reqs))
		for _, r := range reqs {
			go func() {
				defer s.pool.wg.Done()
				handle(tag, r)
			}()
		}
		s.pool.wg.Wait()
		tag += "+"
	}
	return tag
}

// Drain waits for every handler Serve started.
func (s *Server) Drain() { s.pool.wg.Wait() }
""",
        "may write the struct over it",
    ),
    "closed_loop_other_channel": (
        """package closed_loop_other_channel

// Stream receives values until the producer closes stop after its first value; the producer then
// waits for the release and reports the scale as raised by then on late.
func Stream(xs []int, scale int) (int, int) {
	out := make(chan int)
	stop := make(chan struct{})
	release := make(chan struct{})
	late := make(chan int, 1)
	go func() {
		defer close(out)
		out <- xs[0] * scale
		close(stop)
		<-release
		late <- scale
	}()
	total := 0
loop:
	for {
		select {
		case v, ok := <-out:
			if !ok {
				break loop
			}
			total += v
		case _, open := <-stop:
			if !open {
				break loop
			}
		}
	}
	scale *= 10
	close(release)
	return total, <-late
}
""",
        "the function never waits for out",
    ),
    "closed_loop_ok_rewritten": (
        """package closed_loop_ok_rewritten

// Sum receives until the producer closes out or a value is negative: ok is rewritten.
func Sum(xs []int, scale int) (int, int) {
	out := make(chan int)
	go func() {
		defer close(out)
		for _, x := range xs {
			out <- x * scale
		}
	}()
	total := 0
	for {
		v, ok := <-out
		ok = ok && v >= 0
		if !ok {
			break
		}
		total += v
	}
	scale++
	return total, scale
}
""",
        "the function never waits for out",
    ),
    "closed_loop_with_condition": (
        """package closed_loop_with_condition

// Sum receives at most limit values: the loop also ends by its condition.
func Sum(xs []int, scale, limit int) (int, int) {
	out := make(chan int)
	go func() {
		defer close(out)
		for _, x := range xs {
			out <- x * scale
		}
	}()
	total, n := 0, 0
	for n < limit {
		v, ok := <-out
		if !ok {
			break
		}
		total += v
		n++
	}
	scale++
	return total, scale
}
""",
        "the function never waits for out",
    ),
    "done_exit_extra_done": (
        """package done_exit_extra_done

import "sync"

// Probe skips cached hosts; a host that answers twice calls Done in the middle too.
func Probe(hosts []string, cached map[string]bool, port int, ping func(string, int) int) int {
	var wg sync.WaitGroup
	for _, h := range hosts {
		wg.Add(1)
		go func() {
			if cached[h] {
				wg.Done()
				return
			}
			if ping(h, port) > 1 {
				wg.Done()
			}
			ping(h, port)
			wg.Done()
		}()
	}
	wg.Wait()
	port++
	return port
}
""",
        "the goroutine calls wg.Done() at line 16, neither last nor right before a return",
    ),
    "done_exit_no_done_before_return": (
        """package done_exit_no_done_before_return

import "sync"

// Probe skips a cached host without calling Done: the goroutine's return does not follow a Done.
func Probe(hosts []string, cached map[string]bool, port int, ping func(string, int)) int {
	var wg sync.WaitGroup
	for _, h := range hosts {
		wg.Add(1)
		go func() {
			if cached[h] {
				return
			}
			ping(h, port)
			wg.Done()
		}()
	}
	wg.Wait()
	port++
	return port
}
""",
        "the goroutine ends with wg.Done(), but its return at line 12 does not follow one",
    ),
    "fan_in_bound_lowered": (
        """package fan_in_bound_lowered

// Sum asks every part for its size under the budget; when the last part is a replica it waits for
// the go-ahead and answers with the budget left, so n counts one goroutine fewer.
func Sum(parts []string, budget int, replica bool, size func(part string, budget int) int) int {
	res := make(chan int, len(parts))
	goAhead := make(chan struct{})
	n := len(parts)
	if replica {
		n--
	}
	for i, p := range parts {
		go func() {
			if replica && i == len(parts)-1 {
				<-goAhead
			}
			res <- size(p, budget)
		}()
	}
	total := 0
	for i := 0; i < n; i++ {
		total += <-res
	}
	budget -= total
	close(goAhead)
	if replica {
		total += <-res
	}
	return total
}
""",
        "they count different things",
    ),
    "fan_in_countdown_body_write": (
        """package fan_in_countdown_body_write

type batch struct{ covered, n int }

// Sum sums the batches' counts; a batch may report several pages covered, so the countdown
// steps down by more than one and may end before every goroutine has sent.
func Sum(pages []string, unit string, fetch func(page, unit string) batch) (int, string) {
	res := make(chan batch, len(pages))
	for _, p := range pages {
		go func() {
			res <- fetch(p, unit)
		}()
	}
	total := 0
	for pending := len(pages); pending > 0; pending-- {
		b := <-res
		total += b.n
		pending -= b.covered - 1
	}
	unit = "bytes"
	return total, unit
}
""",
        "the trip count of the loop at line 15 is not known when it starts",
    ),
    "fan_in_bound_outer_append": (
        """package fan_in_bound_outer_append

// Rounds asks every host each round; n was taken before the rounds, and hosts grows after each.
func Rounds(hosts []string, tag string, ping func(host, tag string) int) (int, string) {
	n := len(hosts)
	total := 0
	for r := 0; r < 2; r++ {
		res := make(chan int, len(hosts))
		for _, h := range hosts {
			go func() {
				res <- ping(h, tag)
			}()
		}
		for i := 0; i < n; i++ {
			total += <-res
		}
		tag += "+"
		hosts = append(hosts, "spare")
	}
	return total, tag
}
""",
        "a variable the count reads may change in between",
    ),
    "field_wg_exported": (
        """package field_wg_exported

import "sync"

// Pool tracks its goroutines in an exported WaitGroup, which callers may Done themselves.
type Pool struct {
	WG sync.WaitGroup
}

// Run runs each task with the label, relabelling after they are all done.
func (p *Pool) Run(tasks []func(string), label string) string {
	for _, t := range tasks {
		p.WG.Add(1)
		go func() {
			defer p.WG.Done()
			t(label)
		}()
	}
	p.WG.Wait()
	label += "!"
	return label
}
""",
        "p.WG is an exported field: another package may call its Done",
    ),
    "field_wg_embedded": (
        """package field_wg_embedded

import "sync"

// Pool embeds its WaitGroup: Add, Done and Wait are Pool's own methods too.
type Pool struct {
	sync.WaitGroup
}

// Run runs each task with the label, relabelling after they are all done.
func (p *Pool) Run(tasks []func(string), label string) string {
	for _, t := range tasks {
		p.WaitGroup.Add(1)
		go func() {
			defer p.WaitGroup.Done()
			t(label)
		}()
	}
	p.WaitGroup.Wait()
	label += "!"
	return label
}
""",
        "p.WaitGroup is an embedded field",
    ),
    "field_wg_pointer_link": (
        """package field_wg_pointer_link

import "sync"

type tracker struct{ wg sync.WaitGroup }

// Server swaps its tracker on Reset: s.track.wg may name another WaitGroup at the Done.
type Server struct{ track *tracker }

// Reset starts a fresh tracker.
func (s *Server) Reset() { s.track = &tracker{} }

// Run runs each task with the label, relabelling after they are all done.
func (s *Server) Run(tasks []func(string), label string) string {
	for _, t := range tasks {
		s.track.wg.Add(1)
		go func() {
			defer s.track.wg.Done()
			t(label)
		}()
	}
	s.track.wg.Wait()
	label += "!"
	return label
}
""",
        "s.track.wg goes through the pointer field track",
    ),
    "field_wg_negative_add": (
        """package field_wg_negative_add

import "sync"

// Loader reports ready by taking back the count of its serving goroutine.
type Loader struct {
	wg     sync.WaitGroup
	reload chan struct{}
}

func (l *Loader) ready() { l.wg.Add(-1) }

// Start serves the source as versioned after the goroutine is ready.
func (l *Loader) Start(source string, serve func(string)) {
	l.reload = make(chan struct{})
	l.wg.Add(1)
	go func() {
		defer l.wg.Done()
		l.ready()
		<-l.reload
		serve(source)
	}()
	l.wg.Wait()
	source += "?v=2"
	l.wg.Add(1)
	close(l.reload)
	l.wg.Wait()
}
""",
        "l.wg is given to Add a count that may be negative, -1",
    ),
    "field_wg_passed": (
        """package field_wg_passed

import "sync"

// Pool hands its WaitGroup to helpers, which may Done it.
type Pool struct{ wg sync.WaitGroup }

func finish(wg *sync.WaitGroup) { wg.Done() }

// Run runs each task with the label, relabelling after they are all done.
func (p *Pool) Run(tasks []func(string), label string) string {
	for _, t := range tasks {
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			t(label)
		}()
	}
	finish(&p.wg)
	p.wg.Add(1)
	p.wg.Wait()
	label += "!"
	return label
}
""",
        "p.wg is used other than by a call of its Add, Done, Wait or Go as a statement",
    ),
    "field_wg_base_reassigned": (
        """package field_wg_base_reassigned

import "sync"

// Pool tracks its goroutines in its own WaitGroup.
type Pool struct{ wg sync.WaitGroup }

// Run runs each task with the label on the pool, then on the next one.
func Run(p, next *Pool, tasks []func(string), label string) string {
	for _, t := range tasks {
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			t(label)
		}()
		p = next
	}
	p.wg.Wait()
	label += "!"
	return label
}
""",
        "p.wg: p is assigned",
    ),
    "field_wg_done_in_method": (
        """package field_wg_done_in_method

import "sync"

// Server runs a loop goroutine whose Done is in a method: no literal's Add counts it here.
type Server struct {
	wg   sync.WaitGroup
	quit chan struct{}
}

func (s *Server) loop() {
	defer s.wg.Done()
	<-s.quit
}

// Start runs the loop.
func (s *Server) Start() {
	s.wg.Add(1)
	go s.loop()
}

// Run runs each task with the label, relabelling after they are all done.
func (s *Server) Run(tasks []func(string), label string) string {
	for _, t := range tasks {
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			t(label)
		}()
	}
	s.wg.Wait()
	label += "!"
	return label
}
""",
        "s.wg has a Done that is not the one signal of a goroutine counted by an Add of it",
    ),
    "literal_writes": (
        """package literal_writes

// Count has a worker count the lines and returns the total once it is done.
func Count(lines []string) int {
	total := 0
	done := make(chan struct{})
	if len(lines) > 0 {
		go func() {
			for range lines {
				total++
			}
			close(done)
		}()
	} else {
		close(done)
	}
	<-done
	return total
}
""",
        "a func literal writes total",
    ),
    "written_after": (
        """package written_after

// Tail sends the last line once the follower is told to stop.
func Tail(lines []string, out chan<- string) {
	last := ""
	stop := make(chan struct{})
	if len(lines) > 0 {
		go func() {
			<-stop
			out <- last
		}()
	}
	for _, l := range lines {
		last = l
	}
	close(stop)
}
""",
        "last is written by or after the go statement",
    ),
    "wait_group_go_released": (
        """package wait_group_go_released

import (
	"strings"
	"sync"
)

// Broadcast starts a sender per sink under WaitGroup.Go; each waits for start, so it sends the
// level as normalised after the loop: the write comes before Wait, ordered by close(start).
func Broadcast(sinks []chan<- string, level string) {
	start := make(chan struct{})
	var wg sync.WaitGroup
	for _, s := range sinks {
		wg.Go(func() {
			<-start
			s <- level
		})
	}
	level = strings.ToUpper(level)
	close(start)
	wg.Wait()
}
""",
        "the write at line 19 can come before the wait at line 21",
    ),
    "go_helper_calls_again": (
        """package go_helper_calls_again

// every calls f each time tick fires, until tick is closed (a wait.Until-style helper).
func every(tick <-chan struct{}, f func()) {
	for range tick {
		f()
	}
}

// Heartbeat publishes the status on every tick. Once the first beat is acknowledged the status
// is "ready", and the caller's later ticks publish that: the literal's send is not the
// goroutine's last act, every calls it again.
func Heartbeat(tick chan struct{}, publish func(string)) {
	status := "starting"
	ack := make(chan struct{}, 16)
	go every(tick, func() {
		publish(status)
		ack <- struct{}{}
	})
	tick <- struct{}{}
	<-ack
	status = "ready"
}
""",
        "the func literal is an argument of the function the go statement starts",
    ),
    "redeclared_by_statement": (
        """package redeclared_by_statement

// Offsets makes two funcs reading the base; the statement that makes each also declares a new base.
func Offsets(n int) []func() int {
	base := 0
	if n > 1 {
		base = n
	}
	var fs []func() int
	for i := 0; i < 2; i++ {
		f, base := func() int { return base + i }, 5
		fs = append(fs, f)
		_ = base
	}
	return fs
}

// Sum adds what the funcs return.
func Sum(n int) int {
	total := 0
	for _, f := range Offsets(n) {
		total += f()
	}
	return total
}
""",
        "the statement making the closure declares base with :=",
    ),
    "generic_array_written": (
        """package generic_array_written

// Offsets returns a func per step reading the first slot; the slot is reset once they are made.
func Offsets[A ~[4]int](a A, n int) []func() int {
	var fs []func() int
	for i := 0; i < n; i++ {
		fs = append(fs, func() int { return a[0] + i })
	}
	a[0] = 100
	return fs
}

// Sum adds what the funcs of n steps return.
func Sum(n int) int {
	total := 0
	for _, f := range Offsets([4]int{}, n) {
		total += f()
	}
	return total
}
""",
        "a is written by or after the statement making the closure",
    ),
    "add_len_two_each": (
        """package add_len_two_each

import "sync"

// Mirror counts one goroutine per object but starts two: Wait may return while one still reads prefix.
func Mirror(objs []string, prefix string, put func(int, string)) string {
	var wg sync.WaitGroup
	wg.Add(len(objs))
	for _, o := range objs {
		go func() {
			defer wg.Done()
			put(0, prefix+o)
		}()
		go func() {
			defer wg.Done()
			put(1, prefix+o)
		}()
	}
	wg.Wait()
	prefix = ""
	return prefix
}
""",
        "no wg.Add counts the goroutine",
    ),
    "add_one_two_goroutines": (
        """package add_one_two_goroutines

import "sync"

// Both counts one goroutine but starts two: Wait may return while the second still reads name.
func Both(name string, a, b func(string)) string {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		a(name)
	}()
	go func() {
		defer wg.Done()
		b(name)
	}()
	wg.Wait()
	name = ""
	return name
}
""",
        "wg is used other than by this goroutine's one signal",
    ),
    "hb_deferred_done_not_last": (
        """package hb_deferred_done_not_last

import "sync"

// Run calls Done before its deferred report reads mode: the read is not ordered before the write.
func Run(jobs []func(string), mode string, report func(string)) string {
	var wg sync.WaitGroup
	for _, j := range jobs {
		wg.Add(1)
		go func() {
			defer func() {
				wg.Done()
				report(mode)
			}()
			j(mode)
		}()
	}
	wg.Wait()
	mode = "done"
	return mode
}
""",
        "the goroutine does not call wg.Done(), send on or close a channel as its last statement",
    ),
    "fan_in_released_before": (
        """package fan_in_released_before

// Total starts a scorer per item; each waits for start, so it scores with the scale doubled
// after the loop: the write comes before the receiving loop, ordered by close(start).
func Total(items []int, scale int) int {
	results := make(chan int, len(items))
	start := make(chan struct{})
	for _, it := range items {
		go func() {
			<-start
			results <- it * scale
		}()
	}
	scale *= 2
	close(start)
	total := 0
	for range items {
		total += <-results
	}
	return total
}
""",
        "can come before the wait",
    ),
    "fan_in_break": (
        """package fan_in_break

// First stops receiving at the first answer: the other goroutines may still read q.
func First(servers []string, q string, ask func(string, string) string) (string, string) {
	answers := make(chan string, len(servers))
	for _, s := range servers {
		go func() {
			answers <- ask(s, q)
		}()
	}
	var first string
	for range servers {
		first = <-answers
		if first != "" {
			break
		}
	}
	q = ""
	return first, q
}
""",
        "the loop at line 12 can be left by the break at line 15 before every receive",
    ),
    "fan_in_shorter_loop": (
        """package fan_in_shorter_loop

// Half receives from half the goroutines only: the rest may still read tag.
func Half(jobs []int, tag string, do func(int, string) int) (int, string) {
	out := make(chan int, len(jobs))
	for _, j := range jobs {
		go func() {
			out <- do(j, tag)
		}()
	}
	sum := 0
	for range len(jobs) / 2 {
		sum += <-out
	}
	tag = ""
	return sum, tag
}
""",
        "the trip count of the loop at line 12 is not known when it starts",
    ),
    "add_one_named_worker": (
        """package add_one_named_worker

import "sync"

func worker(wg *sync.WaitGroup, jobs <-chan int) {
	for range jobs {
	}
	wg.Done()
}

// Run counts a named worker, whose Done is not deferred first (worker_dones.py proves only that), beside a literal.
func Run(jobs chan int, tag string, log func(string)) string {
	var wg sync.WaitGroup
	wg.Add(1)
	go worker(&wg, jobs)
	wg.Add(1)
	go func() {
		defer wg.Done()
		log(tag)
	}()
	close(jobs)
	wg.Wait()
	tag = ""
	return tag
}
""",
        "wg is used other than by this goroutine's one signal",
    ),
    "add_len_appended": (
        """package add_len_appended

import "sync"

// Run counts the jobs, then appends one more before the loop: the count is one short.
func Run(jobs []string, tag string, do func(string, string)) string {
	var wg sync.WaitGroup
	wg.Add(len(jobs))
	jobs = append(jobs, "final")
	for _, j := range jobs {
		go func() {
			defer wg.Done()
			do(j, tag)
		}()
	}
	wg.Wait()
	tag = ""
	return tag
}
""",
        "no wg.Add counts the goroutine",
    ),
    "written_in_loop": (
        """package written_in_loop

import "fmt"

// Progress starts a reporter per stage; each reports the running total once all are queued.
func Progress(stages []int, out chan<- string) {
	done := 0
	ready := make(chan struct{})
	for _, s := range stages {
		done += s
		go func() {
			<-ready
			out <- fmt.Sprint(done)
		}()
	}
	close(ready)
}
""",
        "done is written in a loop around the go statement",
    ),
    "address_taken": (
        """package address_taken

// Watch reports the limit that set chooses after the watcher started.
func Watch(out chan<- int, set func(*int)) {
	limit := 10
	ready := make(chan struct{})
	if set != nil {
		go func() {
			<-ready
			out <- limit
		}()
	}
	set(&limit)
	close(ready)
}
""",
        "limit is passed to set, a function value gorewrite cannot follow",  # a write then, but no verdict
    ),
    "pointer_method": (
        """package pointer_method

import "strings"

// Collect sends the joined body from a goroutine once it is all written.
func Collect(body []string, out chan<- string) {
	var b strings.Builder
	ready := make(chan struct{})
	if len(body) > 0 {
		go func() {
			<-ready
			out <- b.String()
		}()
	}
	for _, l := range body {
		b.WriteString(l)
	}
	close(ready)
}
""",
        "the address of b is taken",
    ),
    "named_result": (
        """package named_result

// Save stores every item; a watcher reports the error Save returns.
func Save(items []string, store func(string) error, report chan<- error) (err error) {
	done := make(chan struct{})
	defer close(done)
	if report != nil {
		go func() {
			<-done
			report <- err
		}()
	}
	for _, it := range items {
		if err = store(it); err != nil {
			return err
		}
	}
	return nil
}
""",
        "err is a named result",
    ),
    "loopvar_shared": (
        """//go:build go1.21

package loopvar_shared

import "fmt"

// Spawn starts n workers that report their index once all are started.
func Spawn(n int, out chan<- string) {
	ready := make(chan struct{})
	for i := 0; i < n; i++ {
		go func() {
			<-ready
			out <- fmt.Sprint(i)
		}()
	}
	close(ready)
}
""",
        "i is a loop variable shared by all iterations",
    ),
    "uses_goto": (
        """package uses_goto

import "fmt"

// Retry starts a reporter per attempt; each reports the attempt count once retrying is over.
func Retry(attempts int, out chan<- string) {
	tries := 0
	ready := make(chan struct{})
again:
	tries++
	if attempts > 0 {
		go func() {
			<-ready
			out <- fmt.Sprint(tries)
		}()
	}
	if tries < attempts {
		goto again
	}
	close(ready)
}
""",
        "the function uses goto",
    ),
    "stored_written_in_loop": (
        """package stored_written_in_loop

// Stages returns one labeller per stage; each stage adds a dot to the shared marker, and
// every labeller reads the marker as it is when called, after the loop.
func Stages(names []string) []func() string {
	marker := ">"
	out := make([]func() string, len(names))
	for i, n := range names {
		marker += "."
		out[i] = func() string { return marker + n }
	}
	return out
}
""",
        "marker is captured by a func literal that is stored or returned, and written in a loop around",
    ),
    "stored_address_after": (
        """package stored_address_after

import "strings"

func shout(s *string) { *s = strings.ToUpper(*s) }

// Greeters returns one greeter per name; the greeting is shouted after the loop, through its address.
func Greeters(names []string, greeting string) []func() string {
	out := make([]func() string, len(names))
	for i, n := range names {
		out[i] = func() string { return greeting + " " + n }
	}
	shout(&greeting)
	return out
}
""",
        "greeting is captured by a func literal that is stored or returned, and written by or after the statement "
        "making the closure (line 13)",  # shout's &greeting writes where it stands; a stored literal runs later
    ),
    "stored_by_goroutine": (
        """package stored_by_goroutine

import "sync"

// Hooks makes each hook in a goroutine of its own and waits for them; the hooks are called
// later, after the tag is replaced: Wait orders the goroutines' stores, not the hooks' reads.
func Hooks(names []string, tag string) []func() string {
	var wg sync.WaitGroup
	hooks := make([]func() string, len(names))
	for i, n := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			hooks[i] = func() string { return tag + n }
		}()
	}
	wg.Wait()
	tag = "late:"
	return hooks
}
""",
        "makes a func literal at line 14 that may read tag after it signals: it is not an argument of a call",
    ),
    "fan_in_counted_shrinks": (
        """package fan_in_counted_shrinks

// Scaled scales 0..n-1 concurrently and sums the results as they arrive, but the receiving loop
// shrinks its own bound: the last goroutine is not waited for and reads the doubled scale.
func Scaled(n, scale int) (int, int) {
	results := make(chan int, n)
	release := make(chan struct{})
	last := n - 1
	for i := range n {
		go func() {
			if i == last {
				<-release
			}
			results <- i * scale
		}()
	}
	total := 0
	for j := 0; j < n; j++ {
		total += <-results
		if j == 0 {
			n--
		}
	}
	scale *= 2
	close(release)
	return total, <-results
}
""",
        "the loop at line 18 is not proven to run as many times as the loop starting the goroutines: a variable",
    ),
    "fan_in_counted_skips": (
        """package fan_in_counted_skips

// Scaled scales 0..n-1 concurrently, but the receiving loop steps its index twice an iteration:
// it receives every other result, and the last goroutine reads the doubled scale.
func Scaled(n, scale int) (int, int) {
	results := make(chan int, n)
	release := make(chan struct{})
	last := n - 1
	for i := range n {
		go func() {
			if i == last {
				<-release
			}
			results <- i * scale
		}()
	}
	total := 0
	for j := 0; j < n; j++ {
		total += <-results
		j++
	}
	scale *= 2
	close(release)
	return total, <-results
}
""",
        "the trip count of the loop at line 18 is not known when it starts",
    ),
    "fan_in_one_based_short": (
        """package fan_in_one_based_short

// Scaled scales 0..n-1 concurrently, but the receiving loop counts from 1 while it stops below n:
// one result short, and the last goroutine reads the doubled scale.
func Scaled(n, scale int) (int, int) {
	results := make(chan int, n)
	release := make(chan struct{})
	last := n - 1
	for i := range n {
		go func() {
			if i == last {
				<-release
			}
			results <- i * scale
		}()
	}
	total := 0
	for j := 1; j < n; j++ {
		total += <-results
	}
	scale *= 2
	close(release)
	return total, <-results
}
""",
        "the trip count of the loop at line 18 is not known when it starts",
    ),
    "shadowed_int_index": (
        """package shadowed_int_index

type int int8

// Scaled scales from goroutines numbered from 1 by the package's own int, an int8, and collects
// 127 results before doubling the scale: the index wraps past 127, and one more goroutine starts.
func Scaled(scale float64) (float64, float64) {
	results := make(chan float64, 200)
	release := make(chan struct{})
	for i := int(1); i <= 127; i++ {
		go func() {
			if i < 0 {
				<-release
			}
			results <- scale
		}()
		if i < 0 {
			break
		}
	}
	total := 0.0
	for range 127 {
		total += <-results
	}
	scale *= 2
	close(release)
	return total, <-results
}
""",
        "the trip count of the loop at line 10 is not known when it starts",
    ),
    "deferred_before_done": (
        """package deferred_before_done

import "sync"

// Audit reports each item under the label once the caller releases it; the report is deferred
// before Done is called, so it runs after Done, after Wait, and reads the relabelled label.
func Audit(items []string, label string, release <-chan struct{}, report func(string)) string {
	var wg sync.WaitGroup
	for _, it := range items {
		wg.Add(1)
		go func() {
			defer func() {
				<-release
				report(label + it)
			}()
			wg.Done()
		}()
	}
	wg.Wait()
	label = "audited:"
	return label
}
""",
        "makes a func literal at line 12 that may read label after it signals: it is deferred or passed",
    ),
    "deferred_keeps_literal": (
        """package deferred_keeps_literal

import "sync"

// Hooks has each goroutine leave a hook behind from a func literal deferred after Done; the
// hook itself runs after Audit returns and reads the relabelled label.
func Hooks(items []string, label string, hooks chan<- func() string) string {
	var wg sync.WaitGroup
	for _, it := range items {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { hooks <- func() string { return label + it } }()
		}()
	}
	wg.Wait()
	label = "late:"
	return label
}
""",
        "makes a func literal at line 13 that may read label after it signals: it is deferred and makes a func literal",
    ),
    "stored": (
        """package stored

import "strings"

// Greeters returns one greeter per name, all with the greeting as finally configured.
func Greeters(names []string, greeting string) []func() string {
	out := make([]func() string, len(names))
	for i, n := range names {
		out[i] = func() string { return greeting + " " + n }
	}
	greeting = strings.ToUpper(greeting)
	return out
}
""",
        "greeting is captured by a func literal that is stored or returned",
    ),
    # Happens-before shapes the analysis does not try to prove (a return or labeled break between
    # the start and the wait, wg.Add(n) for all at once, a channel reused across iterations):
    # conservative declines, which is why NAIVE has no mutant for them. The must-decline shapes,
    # with mutants that fail under -race, are golden/closure/decline_hb_* (test_closure_evidence).
    "hb_labeled_break": (
        """package hb_labeled_break

// First starts a lookup per key in each round and stops at the first round with a hit; the
// prefix changes between rounds, after each lookup is done.
func First(rounds [][]string, prefix string, find func(string) bool) bool {
rounds:
	for _, keys := range rounds {
		for _, k := range keys {
			hit := make(chan bool, 1)
			go func() {
				hit <- find(prefix + k)
			}()
			if len(k) == 0 {
				break rounds
			}
			found := <-hit
			if found {
				return true
			}
			prefix += "/"
		}
	}
	return false
}
""",
        "a break at line 14 can skip the wait at line 16",
    ),
    "hb_channel_outside_loop": (
        """package hb_channel_outside_loop

// Each runs the steps one at a time in goroutines, each reporting on the same channel, and
// advances the step label after each report.
func Each(steps []func(label string), label string) {
	done := make(chan struct{}, 1)
	for _, step := range steps {
		go func() {
			step(label)
			done <- struct{}{}
		}()
		<-done
		label += "'"
	}
}
""",
        "no later loop of the block of the loop starting the goroutines (line 7) receives from done",
    ),
    "too_wide": (
        """package too_wide

import "fmt"

// Stats is larger than the 128 bytes the compiler captures by value.
type Stats struct {
	Name   string
	Counts [32]int
}

// Report sends the name and first count from a goroutine.
func Report(s Stats, out chan<- string) {
	go func() { out <- fmt.Sprint(s.Name, s.Counts[0]) }()
}
""",
        "s is 272 bytes: the compiler captures a variable wider than 128 bytes by reference",
    ),
    # Table shapes the rule does not try to prove (the table used inside a func literal, the
    # receiver written after the table is made): conservative declines, so no mutant in NAIVE;
    # the must-decline table shapes with mutants are golden/closure/decline_table_*.
    "table_in_goroutine": (
        """package table_in_goroutine

// Pool runs named jobs.
type Pool struct{ done chan string }

func (p *Pool) backup() { p.done <- "backup" }

func (p *Pool) vacuum() { p.done <- "vacuum" }

// Start runs the named job in the background.
func (p *Pool) Start(name string) {
	jobs := map[string]func(){
		"backup": func() { p.backup() },
		"vacuum": func() { p.vacuum() },
	}
	go func() { jobs[name]() }()
}
""",
        "jobs is used inside a func literal (line 16)",
    ),
    "table_receiver_written": (
        """package table_receiver_written

// Node answers pings.
type Node struct{ name string }

func (n *Node) ping() string { return n.name + " pong" }

func (n *Node) info() string { return n.name }

// Ask asks the first node, or the fallback when the first has no name.
func Ask(first, fallback *Node, what string) string {
	n := first
	answers := map[string]func() string{
		"ping": func() string { return n.ping() },
		"info": func() string { return n.info() },
	}
	if n.name == "" {
		n = fallback
	}
	return answers[what]()
}
""",
        "n is written after the table is made (line 18)",
    ),
    "table_receiver_parameter": (
        """package table_receiver_parameter

// Peer is one end of a link.
type Peer struct{ name string }

func (p *Peer) greet(other *Peer) string { return p.name + " greets " + other.name }

// Greet has the named peer greet itself.
func Greet(peer *Peer, how string) string {
	greetings := map[string]func(*Peer) string{
		"self": func(p *Peer) string { return p.greet(p) },
	}
	return greetings[how](peer)
}
""",
        "p is not a variable the table's func literals capture",
    ),
    "literal_declares_own": (
        """package literal_declares_own

import "strings"

// Log sends each line under a prefix, trimmed inside the goroutine.
func Log(lines []string, out chan<- string) {
	prefix := " log "
	if len(lines) > 9 {
		prefix = " bulk "
	}
	for _, l := range lines {
		go func() {
			prefix := strings.TrimSpace(prefix)
			out <- prefix + l
		}()
	}
}
""",
        "the func literal declares its own prefix",
    ),
    "not_own_line": (
        """package not_own_line

import "fmt"

// Start reports each job from its own goroutine.
func Start(jobs []int, out chan<- string) {
	label := "job"
	if len(jobs) > 10 {
		label = "batch job"
	}
	for _, j := range jobs { go func() { out <- fmt.Sprint(label, j) }() }
}
""",
        "does not stand on a line of its own",
    ),
    "newer_syntax": (
        """//go:build go1.26

package newer_syntax

import "fmt"

// Start reports each job from its own goroutine and returns a pointer to the count.
func Start(jobs []int, out chan<- string) *int {
	label := "job"
	if len(jobs) > 10 {
		label = "batch job"
	}
	for _, j := range jobs {
		go func() {
			out <- fmt.Sprint(label, j)
		}()
	}
	return new(len(jobs))
}
""",
        "syntax tree-sitter-go cannot parse",
    ),
    "factory_inlined": (
        """package factory_inlined

import "strings"

func replacer(old string) func(s string) string {
	return func(s string) string { return strings.ReplaceAll(s, old, "_") }
}

// Clean replaces the spaces in every name.
func Clean(names []string) {
	for i, n := range names {
		names[i] = replacer(" ")(n)
	}
}
""",
        "the compiler inlines replacer",
    ),
    "factory_exported": (
        FACTORY.replace("package tags", "package factory_exported").replace("joiner", "Joiner"),
        "the func literal escapes because Joiner returns it, and Joiner is exported: flattening",
    ),
    "factory_variadic": (
        FACTORY.replace("package tags", "package factory_variadic")
        .replace("func joiner(sep string)", "func joiner(seps ...string)")
        .replace("\tswitch sep {", "\tsep := seps[0]\n\tswitch sep {"),
        "joiner is variadic",
    ),
    "factory_defers": (
        FACTORY.replace("package tags", "package factory_defers")
        .replace("\tswitch sep {", "\tdepth++\n\tdefer func() { depth-- }()\n\tswitch sep {")
        .replace("strings.Join(out, sep)", 'strings.Join(out, sep) + strings.Repeat(">", depth)')
        + "\nvar depth int\n",
        "the body of joiner returns, defers or jumps before its func literal",
    ),
    "factory_names_clash": (
        FACTORY.replace("package tags", "package factory_names_clash").replace(
            "\tswitch sep {", "\tout := sep\n\tswitch out {"
        ),
        "would declare out twice",
    ),
    "factory_shadows_package_name": (
        FACTORY.replace("package tags", "package factory_shadows_package_name").replace(
            "\tswitch sep {", "\tparts = append(parts, sep)\n\tswitch sep {"
        )
        + "\n// parts lists the separators joiners were made for.\nvar parts []string\n",
        "the func literal's parts would be in scope in the setup code of joiner, which names another one",
    ),
    "factory_value_use": (
        FACTORY.replace("package tags", "package factory_value_use")
        + '\n// Fields joins a record\'s fields with commas.\nvar Fields = joiner(",")\n',
        "joiner is used other than as an immediate call",
    ),
    "factory_go": (
        FACTORY.replace("package tags", "package factory_go")
        .replace("\tswitch sep {", '\ttrace = append(trace, "checked "+sep)\n\tswitch sep {')
        .replace("\t\tout := make", '\t\ttrace = append(trace, "joined")\n\t\tout := make')
        + """
var trace []string

// Trace is what joining the fields in a deferred call does, in order.
func Trace(parts []string) string {
	trace = nil
	func() {
		defer joiner(",")(parts)
		trace = append(trace, "body")
	}()
	return strings.Join(trace, "; ")
}
""",
        "go/defer would move the factory's setup code",
    ),
    "factory_argument_order": (
        FACTORY.replace("package tags", "package factory_argument_order").replace(
            "\tswitch sep {", '\ttrace = append(trace, "checked "+sep)\n\tswitch sep {'
        )
        + """
var trace []string

func fields(parts []string) []string {
	trace = append(trace, "fields")
	return parts
}

// Trace is what joining the fields does, in order.
func Trace(parts []string) string {
	trace = nil
	joiner(",")(fields(parts))
	return strings.Join(trace, "; ")
}
""",
        "fields(parts) is evaluated before the factory's setup code",
    ),
    # Not a capture at all: the literal names another x. Said, so that check and fix report the site
    # (before, the rule returned nothing for it and check could only say it proposes no rewrite).
    "captures_another": (
        """package captures_another

import "fmt"

type operand struct{ mode, id int }

var seen []*operand

func record(x *operand) { seen = append(seen, x) }

// Walk records each value, then reports them from goroutines.
func Walk(vals []int, done chan<- string) {
	for _, v := range vals {
		var x operand
		x.id = v
		record(&x)
	}
	for i := range vals {
		x := operand{id: i}
		go func() { done <- fmt.Sprint(x.id) }()
	}
}
""",
        "no func literal captures this x: it moves to the heap for another reason",
    ),
    "closer_second_sender": (
        """package closer_second_sender

import (
	"fmt"
	"sync"
)

// Find searches the shards with the key; a helper reports when all are searched, but a shard
// with a hit reports at once too: the function may go on while other shards still read the key.
func Find(shards [][]string, key, next string, hits chan<- string, release <-chan struct{}) string {
	done := make(chan struct{}, len(shards)+1)
	var wg sync.WaitGroup
	for i, shard := range shards {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if i > 0 {
				<-release
			}
			n := 0
			for _, s := range shard {
				if s == key {
					n++
				}
			}
			if n > 0 {
				done <- struct{}{}
			}
			hits <- fmt.Sprint(n)
		}()
	}
	go func() {
		wg.Wait()
		done <- struct{}{}
	}()
	<-done
	key = next
	return key
}
""",
        "done is used other than by this goroutine's one signal and the function's wait",
    ),
    "closer_range_breaks": (
        """package closer_range_breaks

import "sync"

// Scan checks every file with the rules; the loop stops at the first finding, while the other
// checks still read the rules, which then change.
func Scan(files []string, rules string, check func(rules, f string) string, release <-chan struct{}) (string, string) {
	found := make(chan string, len(files))
	var wg sync.WaitGroup
	for i, f := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if i > 0 {
				<-release
			}
			found <- check(rules, f)
		}()
	}
	go func() {
		wg.Wait()
		close(found)
	}()
	first := ""
	for r := range found {
		first = r
		break
	}
	rules = "strict"
	return first, rules
}
""",
        "the function never waits for wg",
    ),
    "select_default": (
        """package select_default

// Ping sends a probe with the current tag and takes its answer if it is there already; the tag
// changes either way, while a slow probe still reads it.
func Ping(tag string, probe func(string) string, release <-chan struct{}) string {
	answer := make(chan string, 1)
	go func() {
		<-release
		answer <- probe(tag)
	}()
	select {
	case <-answer:
	default:
	}
	tag = "late"
	return tag
}
""",
        "the function never waits for answer",
    ),
    "select_case_breaks": (
        """package select_case_breaks

// Fetch asks with the current key and waits for the answer, unless told to stop: a soft stop
// breaks out of the select (not the function) and the key changes while the ask still reads it.
func Fetch(key string, stop <-chan bool, ask func(string) string, release <-chan struct{}) string {
	answer := make(chan string, 1)
	go func() {
		<-release
		answer <- ask(key)
	}()
	select {
	case <-answer:
	case hard := <-stop:
		if !hard {
			break
		}
		return ""
	}
	key = "next"
	return key
}
""",
        "the function never waits for answer",
    ),
    "select_case_writes": (
        """package select_case_writes

// Fetch asks with the current key; on a stop it clears the key before it returns, while the ask
// may still read it.
func Fetch(key string, stop <-chan struct{}, ask func(string) string, release <-chan struct{}) string {
	answer := make(chan string, 1)
	go func() {
		<-release
		answer <- ask(key)
	}()
	select {
	case s := <-answer:
		return s
	case <-stop:
		key = ""
		return key
	}
}
""",
        "the write at line 15 can come before the wait at line 11 returns",
    ),
    "fan_in_writes_in_loop": (
        """package fan_in_writes_in_loop

// Scaled scales 0..n-1 concurrently; the receiving loop doubles the scale after each result,
// while the goroutines not yet received from still read it.
func Scaled(n, scale int, release chan struct{}) int {
	results := make(chan int, n)
	for i := range n {
		go func() {
			if i > 0 {
				<-release
			}
			results <- i * scale
		}()
	}
	total := 0
	for k := range n {
		total += <-results
		scale *= 2
		if k == 0 {
			close(release)
		}
	}
	return total
}
""",
        "can come before the wait at line 16 returns",
    ),
    # no naive mutant: the original itself misbehaves (Wait may return before any Add; a second close panics)
    "closer_started_first": (
        """package closer_started_first

import "sync"

// Fetch starts the closer before the fetches: its Wait may return before any Add.
func Fetch(urls []string, agent string, fetch func(a, u string) string) string {
	results := make(chan string)
	var wg sync.WaitGroup
	go func() {
		wg.Wait()
		close(results)
	}()
	for _, u := range urls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results <- fetch(agent, u)
		}()
	}
	for range results {
	}
	agent = "next"
	return agent
}
""",
        "the wait at line 9 is in a branch, case or loop of its own",
    ),
    "closer_worker_closes": (
        """package closer_worker_closes

import "sync"

// Fetch lets a worker close the results too: the range loop may end before the others are done.
func Fetch(urls []string, agent string, fetch func(a, u string) string) string {
	results := make(chan string)
	var wg sync.WaitGroup
	for _, u := range urls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if u == "" {
				close(results)
				return
			}
			results <- fetch(agent, u)
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	for range results {
	}
	agent = "next"
	return agent
}
""",
        "the goroutine at line 20 waits for wg, then signals, but results is used other than",
    ),
    "closer_does_more": (
        """package closer_does_more

import "sync"

// Send delivers every message with the same header; the helper logs before it closes done.
func Send(msgs []string, header string, send func(h, m string), log func(string)) string {
	var wg sync.WaitGroup
	for _, m := range msgs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			send(header, m)
		}()
	}
	done := make(chan struct{})
	go func() {
		wg.Wait()
		log("sent")
		close(done)
	}()
	<-done
	header = ""
	return header
}
""",
        "wg is used other than by this goroutine's one signal and the function's wait",
    ),
    "closer_channel_passed": (
        """package closer_channel_passed

import "sync"

// Collect gathers every source's items with the same filter; drain may close the results.
func Collect(sources []string, filter string, read func(f, s string) string, drain func(chan string)) string {
	results := make(chan string, len(sources))
	var wg sync.WaitGroup
	for _, s := range sources {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results <- read(filter, s)
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	drain(results)
	for range results {
	}
	filter = ""
	return filter
}
""",
        "results is used other than by this goroutine's one signal and the function's wait",
    ),
    "relay_others_send": (
        """package relay_others_send

// Serve runs a worker that reports limit once step is closed, and closes jobs when it returns;
// a watcher closes ready as soon as jobs yields anything, the function's own job included.
func Serve(limit int, step chan struct{}, out chan int) {
	jobs := make(chan int, 1)
	go func() {
		defer close(jobs)
		<-step
		out <- limit
	}()
	ready := make(chan struct{})
	go func() { <-jobs; close(ready) }()
	jobs <- 1
	<-ready
	limit = 5
	close(step)
}
""",
        "jobs is used other than by this goroutine's one signal",
    ),
    "negative_add": (
        """package negative_add

import "sync"

// Run starts a reporter of x, then len(extra)-1 helpers: with no extra, Add(-1) takes back the
// reporter's count and Wait returns while it still reads x.
func Run(x int, extra []int, start chan struct{}, out chan int) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		<-start
		out <- x
		select {}
	}()
	n := len(extra) - 1
	wg.Add(n)
	for range n {
		go func() { defer wg.Done() }()
	}
	wg.Wait()
	x = 2
	close(start)
}
""",
        "wg is used other than by this goroutine's one signal",
    ),
    "shadowed_make": (
        """package shadowed_make

// make hands out a pool's shared completion channel (it shadows the builtin).
func make(pool chan int) chan int { return pool }

// Run starts a reporter of x and waits for a completion on the pool's channel, which another
// party may have signalled already.
func Run(x int, pool chan int, start chan struct{}, out chan int) {
	done := make(pool)
	go func() {
		<-start
		out <- x
		done <- 1
	}()
	<-done
	x = 2
	close(start)
}
""",
        "done is not made by make()",
    ),
    "late_build_line": (
        LONG_HEADER + "//go:build go1.21\n\npackage late_build_line\n" + SHARED_SPAWN,
        "the file's Go version is before go 1.22",
    ),
    "tab_build_line": (  # a tab after //go:build: the compiler reads go1.21 (shared loop variables), as go/build does
        "//go:build\tgo1.21\n\npackage tab_build_line\n" + SHARED_SPAWN,
        "the file's Go version is before go 1.22",
    ),
    # the compiler's GoVersion reads a go1.N tag with strconv.Atoi: `go1.٢٢` (Arabic-Indic digits, a valid tag)
    # and an int64 overflow are no version, so the file is go1.21 (shared); a `\d+` regex read go1.22
    "unicode_digit_build_line": (
        "//go:build go1.21 && (go1.\u0662\u0662 || go1.22)\n\npackage unicode_digit_build_line\n" + SHARED_SPAWN,
        "the file's Go version is before go 1.22",
    ),
    "overflowing_build_line": (
        "//go:build go1.21 && (go1.99999999999999999999 || go1.22)\n\npackage overflowing_build_line\n" + SHARED_SPAWN,
        "the file's Go version is before go 1.22",
    ),
    "select_own_fatal": (
        """package select_own_fatal

type logger struct{ lines []string }

// Fatalf records the failure; unlike log.Fatalf it returns.
func (l *logger) Fatalf(format string, args ...any) {
	if l != nil {
		l.lines = append(l.lines, format)
	}
}

// Check asks the probe with the limit; a stop is recorded as fatal, but Check goes on and doubles
// the limit while the probe may still read it.
func Check(limit int, stop <-chan struct{}, probe func(int) int, release <-chan struct{}, l *logger) int {
	done := make(chan int, 1)
	go func() {
		<-release
		done <- probe(limit)
	}()
	select {
	case n := <-done:
		return n
	case <-stop:
		l.Fatalf("stopped")
	}
	limit *= 2
	return limit
}
""",
        "the function never waits for done",
    ),
    "group_literal_uses_wg": (
        """package group_literal_uses_wg

import "sync"

// Start starts one listener per name with WaitGroup.Go; each marks itself ready with an early
// Done and re-arms before it returns, so Wait returns while the listeners still read prefix.
func Start(names []string, prefix string, step <-chan struct{}, out chan<- string) string {
	var wg sync.WaitGroup
	for _, n := range names {
		wg.Go(func() {
			wg.Done()
			<-step
			out <- prefix + n
			wg.Add(1)
		})
	}
	wg.Wait()
	prefix = "v2:"
	return prefix
}
""",
        "wg is used other than by this goroutine's one signal",
    ),
    "send_value_uses_channel": (
        """package send_value_uses_channel

func ack(done chan int, step chan struct{}) int {
	done <- 0
	<-step
	return 1
}

func report(out chan int, v int) int { out <- v; return 0 }

// Run waits for the first value on done, which ack sends before report reads x.
func Run(x int, step chan struct{}, out chan int) {
	done := make(chan int, 2)
	go func() {
		done <- ack(done, step) + report(out, x)
	}()
	<-done
	x = 2
	close(step)
}
""",
        "done is used other than by this goroutine's one signal",
    ),
    "send_then_reads": (
        """package send_then_reads

// Run hears from its goroutine on done first; the goroutine reads x only after step, which Run
// closes once it has written x.
func Run(x int, step chan struct{}, out chan int) {
	done := make(chan struct{}, 1)
	go func() {
		if x < 0 {
			done <- struct{}{}
			return
		}
		done <- struct{}{}
		<-step
		out <- x
	}()
	<-done
	x = 2
	close(step)
}
""",
        "the goroutine may return at line 10, before its signal at line 14",
    ),
    "deferred_read_after_done": (
        """package deferred_read_after_done

import "sync"

// Audit defers the report before Done: it runs after Done, after Wait, and reads the new mode
// once the caller releases it.
func Audit(items []string, mode string, release <-chan struct{}, report func(string)) string {
	var wg sync.WaitGroup
	for _, it := range items {
		wg.Add(1)
		go func() {
			defer func() {
				<-release
				report(mode + it)
			}()
			defer wg.Done()
		}()
	}
	wg.Wait()
	mode = "audited:"
	return mode
}
""",
        "makes a func literal at line 12 that may read mode after it signals: it is deferred or passed",
    ),
    "deferred_between_send_and_close": (
        """package deferred_between_send_and_close

// Tag's goroutine sends, then runs a deferred report before its deferred close: the report reads
// label after the receive, once the caller has relabelled it and released the report.
func Tag(v, label string, release <-chan struct{}, got chan<- string) string {
	res := make(chan string, 1)
	go func() {
		defer close(res)
		defer func() {
			<-release
			got <- label
		}()
		res <- v
	}()
	out := <-res
	label = "new:"
	return out + label
}
""",
        "makes a func literal at line 9 that may read label after it signals: it is deferred or passed",
    ),
    "fan_in_continue_before_receive": (
        """package fan_in_continue_before_receive

// Sum skips the receive for skipped items: the loop can end before every scorer has sent, and a
// released scorer reads the doubled scale.
func Sum(items []int, scale int, skip func(int) bool, release <-chan struct{}, probe func(int)) int {
	results := make(chan int, len(items))
	for _, it := range items {
		go func() {
			<-release
			probe(it * scale)
			results <- it
		}()
	}
	total := 0
	for _, it := range items {
		if skip(it) {
			continue
		}
		total += <-results
	}
	scale *= 2
	return total + scale
}
""",
        "the loop at line 15 has a continue at line 17 before its receive",
    ),
    "batch_wait_fresh_group": (
        """package batch_wait_fresh_group

import "sync"

// Stamp makes a WaitGroup per item: the branch's Wait waits for its own item's goroutine alone,
// and the first one, released after Stamp returns, reads the refreshed token.
func Stamp(n int, release <-chan struct{}, probe func(string)) {
	token := "t0"
	for i := range n {
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			if i == 0 {
				<-release
			}
			probe(token)
		}()
		if i == 1 {
			wg.Wait()
			token += "+"
		}
	}
}
""",
        "the wait at line 20 is in a branch, case or loop of its own",
    ),
    "batch_go_after_wait": (
        """package batch_go_after_wait

import "sync"

// Stamp starts the goroutine after the branch's Wait, then refreshes the token: nothing waits
// for that goroutine before the write.
func Stamp(n int, release <-chan struct{}, probe func(string)) {
	token := "t0"
	var wg sync.WaitGroup
	for i := range n {
		if i%2 == 1 {
			wg.Wait()
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-release
				probe(token)
			}()
			token += "+"
		}
	}
}
""",
        "the wait at line 12 is in a branch, case or loop of its own",
    ),
    "goto_defers_twice": (
        """package goto_defers_twice

import "sync"

// Run's first goroutine jumps back over its deferred Done, registering it twice: Wait returns
// before the second goroutine, released afterwards, reads x.
func Run(gate <-chan struct{}, out chan<- int) int {
	x := 1
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		n := 0
	again:
		n++
		defer wg.Done()
		if n < 2 {
			goto again
		}
	}()
	go func() {
		defer wg.Done()
		<-gate
		out <- x
		select {}
	}()
	wg.Wait()
	x = 2
	return x
}
""",
        "no wg.Add counts the goroutine",
    ),
    "shared_group_pointer": (
        """package shared_group_pointer

import "sync"

// Tracker's WaitGroup is reachable from outside Run: Release calls its Done, so Run's Wait can
// return while the goroutine still waits to read x.
type Tracker struct {
	WG                     sync.WaitGroup
	Gate, Started, Ran     chan struct{}
	Out                    chan int
}

func (t *Tracker) Release() { t.WG.Done() }

func (t *Tracker) Run(x int) {
	wg := &t.WG
	wg.Add(1)
	go func() {
		defer wg.Done()
		<-t.Gate
		t.Out <- x
	}()
	t.Started <- struct{}{}
	wg.Wait()
	x = 2
	t.Ran <- struct{}{}
}
""",
        "wg is a pointer that may share another's WaitGroup or group",
    ),
    "shared_group_alias": (
        """package shared_group_alias

import "sync"

// Tracker's WaitGroup is reachable from outside Run: Release calls its Done, so Run's Wait can
// return while the goroutine still waits to read x.
type Tracker struct {
	WG                     sync.WaitGroup
	Gate, Started, Ran     chan struct{}
	Out                    chan int
}

func (t *Tracker) Release() { t.WG.Done() }

// Group is the pointer the tracker's jobs share, spelled without its star (adv39b's alias shape).
type Group = *sync.WaitGroup

func (t *Tracker) Run(x int) {
	var wg Group = &t.WG
	wg.Add(1)
	go func() {
		defer wg.Done()
		<-t.Gate
		t.Out <- x
	}()
	t.Started <- struct{}{}
	wg.Wait()
	x = 2
	t.Ran <- struct{}{}
}
""",
        "wg is a pointer that may share another's WaitGroup or group",
    ),
    "helper_returns_early": (
        """package helper_returns_early

import "sync"

// spawnAll waits for its goroutines only when there is one.
func spawnAll(n int, release <-chan struct{}, f func(int)) {
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-release
			f(i)
		}()
	}
	if n > 1 {
		return
	}
	wg.Wait()
}

// Fan starts the workers and moves on without them when there are several.
func Fan(n, x int, release <-chan struct{}, probe func(int)) int {
	spawnAll(n, release, func(i int) { probe(x + i) })
	x = 100
	return x
}
""",
        "spawnAll may return before its goroutine",
    ),
    "helper_keeps_literal": (
        """package helper_keeps_literal

// Hooks run after setup, whenever their owner calls them.
var Hooks []func()

func register(f func()) { Hooks = append(Hooks, f) }

// Setup registers a hook reading x, then changes x: the hook runs later and reads the new x.
func Setup(x int, probe func(int)) int {
	register(func() { probe(x) })
	x = 2
	return x
}
""",
        "register uses its parameter f other than by calling it",
    ),
    "helper_starts_parameter": (
        """package helper_starts_parameter

// forEach runs f for each index in the background, waiting for none.
func forEach(n int, f func(i int)) {
	for i := 0; i < n; i++ {
		go f(i)
	}
}

// Run's calls of the literal run after Run has set scale, once step lets them.
func Run(n int, step <-chan struct{}, got chan<- int) int {
	scale := 1
	forEach(n, func(i int) {
		<-step
		got <- scale * 10
	})
	scale = 2
	return scale
}
""",
        "forEach calls f in a go or defer statement",
    ),
    "helper_literal_starts_goroutine": (
        """package helper_literal_starts_goroutine

import "sync"

func parallelFor(n int, f func(i int)) {
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f(i)
		}()
	}
	wg.Wait()
}

// Run's literal starts a goroutine of its own, which reads scale after parallelFor returns.
func Run(n int, step <-chan struct{}, got chan<- int) int {
	scale := 1
	parallelFor(n, func(i int) {
		go func() {
			<-step
			got <- scale
		}()
	})
	scale = 2
	return scale
}
""",
        "the func literal starts a goroutine or makes a func literal that may read scale",
    ),
    "helper_argument_after_comment": (
        """package helper_argument_after_comment

// Saved hooks run when their jobs are done.
var Saved []func()

// register keeps onDone for later and runs body now.
func register(onDone func(), body func()) {
	Saved = append(Saved, onDone)
	body()
}

// Run registers a hook reading scale, then changes scale.
func Run(probe func(int)) int {
	scale := 1
	register(
		// runs when the job is done
		func() { probe(scale) },
		func() {},
	)
	scale = 2
	return scale
}
""",
        "register uses its parameter onDone other than by calling it",
    ),
    "lock_value_copied": (
        """package lock_value_copied

import "sync"

// Settings guards Scale with its mutex when the settings are shared; here one goroutine owns them.
type Settings struct {
	mu    sync.Mutex
	Scale int
	Name  string
}

// Rounds sends every key with the current settings, then raises the scale for the next round.
func Rounds(keys []string, scale int, sink func(string, int)) int {
	s := Settings{Scale: scale, Name: "x"}
	for r := 0; r < 2; r++ {
		var wg sync.WaitGroup
		for _, k := range keys {
			wg.Add(1)
			go func() {
				defer wg.Done()
				sink(k+s.Name, s.Scale)
			}()
		}
		wg.Wait()
		s.Scale++
	}
	return s.Scale
}
""",
        "s holds a lock (example.com/m/lock_value_copied.Settings contains sync.Mutex)",
    ),
    "lock_atomic_array": (
        """package lock_atomic_array

import (
	"sync"
	"sync/atomic"
)

// Shard counts its hits atomically.
type Shard struct {
	Hits atomic.Int64
	Base int
}

// Spread reports each shard's base to the sink, then raises every base for the next pass.
func Spread(passes int, sink func(int)) int {
	var shards [2]Shard
	for p := 0; p < passes; p++ {
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			sink(shards[0].Base + shards[1].Base)
		}()
		wg.Wait()
		shards[0].Base++
	}
	return shards[0].Base
}
""",
        "shards holds a lock (example.com/m/lock_atomic_array.Shard contains sync/atomic.Int64",
    ),
    "multi_value_other_item": (
        """package multi_value_other_item

// Collect hands each key to a worker that reports on the shared feed; only spare is made here.
func Collect(keys []string, scale int, feed chan int, gate <-chan struct{}, seen func(int)) int {
	total := 0
	for _, k := range keys {
		res, spare := feed, make(chan int, 1)
		go func() {
			<-gate
			seen(scale)
			res <- len(k)
		}()
		spare <- 1
		total += <-res + <-spare
		scale++
	}
	return total
}
""",
        "res is not made by make() in the goroutine's loop iteration",
    ),
    "return_path_writes": (
        """package return_path_writes

// Prepare warms each pass's cache in the background; a failed check resets the scale, then returns.
func Prepare(key string, scale int, gate <-chan struct{}, check func(int) bool, warm func(string, int) int) int {
	total := 0
	for pass := 0; pass < 3; pass++ {
		res := make(chan int, 1)
		go func() {
			<-gate
			res <- warm(key, scale)
		}()
		if !check(pass) {
			scale = 0
			return total
		}
		total += <-res
		scale *= 10
	}
	return total
}
""",
        "the write at line 13 can come before the wait at line 16 returns",
    ),
    "two_channels_default": (
        """package two_channels_default

// Fetch asks for each key on a worker; a worker not done yet counts as failed.
func Fetch(keys []string, budget int, gate <-chan struct{}, get func(string, int) (int, error)) (int, int) {
	total, failed := 0, 0
	for _, k := range keys {
		res, errc := make(chan int, 1), make(chan error, 1)
		go func() {
			<-gate
			n, err := get(k, budget)
			if err != nil {
				errc <- err
				return
			}
			res <- n
		}()
		select {
		case n := <-res:
			total += n
		case <-errc:
			failed++
		default:
			failed++
		}
		budget += 10
	}
	return total, failed
}
""",
        "the function never receives from errc or res",
    ),
    "two_channels_other_sender": (
        """package two_channels_other_sender

import "errors"

// Fetch asks for each key on a worker; a watchdog reports a stop on the worker's error channel.
func Fetch(keys []string, budget int, gate, stop <-chan struct{}, get func(string, int) (int, error)) (int, int) {
	total, failed := 0, 0
	for _, k := range keys {
		res, errc := make(chan int, 1), make(chan error, 1)
		go func() {
			<-gate
			n, err := get(k, budget)
			if err != nil {
				errc <- err
				return
			}
			res <- n
		}()
		go func() {
			<-stop
			errc <- errors.New("stopped")
		}()
		select {
		case n := <-res:
			total += n
		case <-errc:
			failed++
		}
		budget += 10
	}
	return total, failed
}
""",
        "errc is used other than by this goroutine's one signal",
    ),
    "two_channels_second_send": (
        """package two_channels_second_send

// Fetch reports a failed check on errc, and still fetches the key.
func Fetch(keys []string, budget int,
	gate <-chan struct{}, check func(string) error, get func(string, int) int) (int, int) {
	total, failed := 0, 0
	for _, k := range keys {
		res, errc := make(chan int, 1), make(chan error, 1)
		go func() {
			if err := check(k); err != nil {
				errc <- err
			}
			<-gate
			res <- get(k, budget)
		}()
		select {
		case n := <-res:
			total += n
		case <-errc:
			failed++
		}
		budget += 10
	}
	return total, failed
}
""",
        "the function never waits for res",
    ),
    "receive_under_or": (
        """package receive_under_or

// Check asks a worker only when the fast path has no answer, and lowers the limit afterwards.
func Check(keys []string, limit int, fast func(string) bool, gate <-chan struct{}, slow func(string, int) bool) int {
	passed := 0
	for _, k := range keys {
		res := make(chan bool, 1)
		go func() {
			<-gate
			res <- slow(k, limit)
		}()
		ok := fast(k) || <-res
		if ok {
			passed++
		}
		limit--
	}
	return passed
}
""",
        "the function never waits for res",
    ),
    "deferred_sort_after_done": (
        """package deferred_sort_after_done

import (
	"sort"
	"sync"
)

// Sorted hands each group out first and sorts it on the way out; the comparator does not escape,
// but the deferred sort runs after the Done deferred after it.
func Sorted(groups [][]int, desc bool, gate <-chan struct{}, seen chan<- bool) [][]int {
	out := make([][]int, len(groups))
	var wg sync.WaitGroup
	for i, g := range groups {
		wg.Add(1)
		go func() {
			c := append([]int(nil), g...)
			out[i] = c
			defer sort.Slice(c, func(a, b int) bool { <-gate; seen <- desc; return (c[a] < c[b]) != desc })
			defer wg.Done()
		}()
	}
	wg.Wait()
	desc = !desc
	return out
}
""",
        "the goroutine makes a func literal at line 18 that may read desc after it signals: it is deferred",
    ),
    "hooked_literal_escapes": (
        """package hooked_literal_escapes

import "sync"

// Saved hooks run when the groups are done.
var Saved []func() bool

func register(f func() bool) { Saved = append(Saved, f) }

// Hooked registers a hook per group, on a worker; the hook escapes and may run after the write.
func Hooked(groups [][]int, desc bool) bool {
	var wg sync.WaitGroup
	for _, g := range groups {
		wg.Add(1)
		go func() {
			defer wg.Done()
			register(func() bool { return desc && len(g) > 0 })
		}()
	}
	wg.Wait()
	desc = !desc
	return desc
}
""",
        "makes a func literal at line 17 that may read desc after it signals: it may outlive the call: a toolchain of "
        "the run reports `func literal escapes to heap`",
    ),
    "select_send_receiver_default": (
        """package select_send_receiver_default

import "context"

// Gather takes whatever results are ready and moves the scale on while the rest still read it.
func Gather(ctx context.Context, keys []string, scale int, release chan struct{}, run func(string, int) int) int {
	out := make(chan int, len(keys))
	for _, k := range keys {
		go func() {
			<-release
			n := run(k, scale)
			select {
			case out <- n:
			case <-ctx.Done():
			}
		}()
	}
	total := 0
	for range keys {
		select {
		case n := <-out:
			total += n
		default:
		}
	}
	scale++
	return total + scale
}
""",
        "the select at line 20 is no wait: it has a `default`",
    ),
    "select_send_labelled_break": (
        """package select_send_labelled_break

import "context"

// Gather stops collecting when ctx is done, but still moves the scale on: the senders may read it.
func Gather(ctx context.Context, keys []string, scale int, release chan struct{}, run func(string, int) int) int {
	out := make(chan int)
	for _, k := range keys {
		go func() {
			<-release
			n := run(k, scale)
			select {
			case out <- n:
			case <-ctx.Done():
			}
		}()
	}
	total := 0
collect:
	for range keys {
		select {
		case n := <-out:
			total += n
		case <-ctx.Done():
			break collect
		}
	}
	scale++
	return total + scale
}
""",
        "the loop at line 20 is labelled",
    ),
    "select_send_cancelled_first": (
        """package select_send_cancelled_first

import "context"

// Gather cancels its own ctx when asked to hurry; the loop's done case then goes on without a
// result, and the scale moves on while the senders still read it.
func Gather(
	ctx context.Context, keys []string, scale int, hurry bool, release chan struct{}, run func(string, int) int,
) int {
	cctx, cancel := context.WithCancel(ctx)
	defer cancel()
	out := make(chan int)
	for _, k := range keys {
		go func() {
			<-release
			n := run(k, scale)
			select {
			case out <- n:
			case <-cctx.Done():
			}
		}()
	}
	if hurry {
		cancel()
	}
	total := 0
	for range keys {
		select {
		case n := <-out:
			total += n
		case <-cctx.Done():
		}
	}
	scale++
	return total + scale
}
""",
        "the select at line 28 is no wait",
    ),
    "select_send_then_reads": (
        """package select_send_then_reads

import "context"

// Gather's senders report the scale after their send is taken, while the function moves it on.
func Gather(ctx context.Context, keys []string, scale int, release chan struct{}, report func(int)) int {
	out := make(chan int)
	for _, k := range keys {
		go func() {
			select {
			case out <- len(k):
				<-release
				report(scale)
			case <-ctx.Done():
			}
		}()
	}
	total := 0
	for range keys {
		select {
		case n := <-out:
			total += n
		case <-ctx.Done():
			return total
		}
	}
	scale++
	return total + scale
}
""",
        "the goroutine does not call wg.Done(), send on or close a channel as its last statement",
    ),
    "select_send_twice": (
        """package select_send_twice

import "context"

// Gather's first sender also sends a progress value, so two results may come from it while the
// second sender has not read the scale yet.
func Gather(ctx context.Context, keys []string, scale int, release chan struct{}, run func(string, int) int) int {
	out := make(chan int, 2*len(keys))
	for i, k := range keys {
		go func() {
			if i > 0 {
				<-release
			} else {
				out <- 0
			}
			n := run(k, scale)
			select {
			case out <- n:
			case <-ctx.Done():
			}
		}()
	}
	total := 0
	for range keys {
		select {
		case n := <-out:
			total += n
		case <-ctx.Done():
			return total
		}
	}
	scale++
	return total + scale
}
""",
        "the goroutine does not call wg.Done(), send on or close a channel as its last statement",
    ),
    "drain_case_breaks": (
        """package drain_case_breaks

import "context"

// Bounded gives up on a soft timeout without draining: the break leaves the select, and the
// scale moves on while the run may still read it.
func Bounded(
	ctx context.Context, k string, scale int, soft bool, timeout, release chan struct{}, run func(string, int) int,
) int {
	cctx, cancel := context.WithCancel(ctx)
	defer cancel()
	done := make(chan int, 1)
	go func() {
		<-release
		_ = cctx
		done <- run(k, scale)
	}()
	total := 0
	select {
	case n := <-done:
		total += n
	case <-timeout:
		cancel()
		if soft {
			break
		}
		total += <-done
	}
	scale++
	return total + scale
}
""",
        "the wait at line 27 is in a branch, case or loop of its own",
    ),
    "drain_writes_first": (
        """package drain_writes_first

import "context"

// Bounded halves the scale on a timeout before it cancels the run and drains it; the run reads
// the scale once it sees the cancel.
func Bounded(ctx context.Context, k string, scale int, timeout chan struct{}, run func(string, int) int) int {
	cctx, cancel := context.WithCancel(ctx)
	defer cancel()
	done := make(chan int, 1)
	go func() {
		<-cctx.Done()
		done <- run(k, scale)
	}()
	total := 0
	select {
	case n := <-done:
		total += n
	case <-timeout:
		scale /= 2
		cancel()
		total += <-done
	}
	return total + scale
}
""",
        "the write at line 20 can come before the wait at line 16 returns",
    ),
    "drain_conditional": (
        """package drain_conditional

import "context"

// Bounded drains the run on a timeout only when told to wait; otherwise the scale moves on while
// the run may still read it.
func Bounded(
	ctx context.Context, k string, scale int, wait bool, timeout, release chan struct{}, run func(string, int) int,
) int {
	cctx, cancel := context.WithCancel(ctx)
	defer cancel()
	done := make(chan int, 1)
	go func() {
		<-release
		_ = cctx
		done <- run(k, scale)
	}()
	total := 0
	select {
	case n := <-done:
		total += n
	case <-timeout:
		cancel()
		if wait {
			total += <-done
		}
	}
	scale++
	return total + scale
}
""",
        "is in a branch, case or loop of its own",
    ),
    "merge_nil_in_other_case": (
        """package merge_nil_in_other_case

func lookInto(c chan<- int, k string, scale int, look func(string, int) int) { c <- look(k, scale) }

// Merge gives up on a once b answered: a is set to nil without a receive, and the scale moves on
// while a's lookup may still read it.
func Merge(a, b string, scale int, release chan struct{}, look func(string, int) int) int {
	total := 0
	ac := make(chan int, 1)
	bc := make(chan int, 1)
	go func() {
		<-release
		ac <- look(a, scale)
	}()
	go lookInto(bc, b, scale, look)
	for ac != nil || bc != nil {
		select {
		case v := <-ac:
			total += v
			ac = nil
		case v := <-bc:
			total += v
			bc = nil
			ac = nil
		}
	}
	scale *= 2
	return total + scale
}
""",
        "ac is used other than by this goroutine's one signal",
    ),
    "merge_and_condition": (
        """package merge_and_condition

// Merge stops at the first answer: the loop's condition is false once either channel is nil.
func Merge(a, b string, scale int, release chan struct{}, look func(string, int) int) int {
	total := 0
	ac := make(chan int, 1)
	bc := make(chan int, 1)
	go func() {
		<-release
		ac <- look(a, scale)
	}()
	go func() { bc <- look(b, scale) }()
	for ac != nil && bc != nil {
		select {
		case v := <-ac:
			total += v
			ac = nil
		case v := <-bc:
			total += v
			bc = nil
		}
	}
	scale *= 2
	return total + scale
}
""",
        "ac is used other than by this goroutine's one signal",
    ),
    "merge_labelled_break": (
        """package merge_labelled_break

// Merge leaves the loop as soon as b answers, by a labelled break, and a's lookup may still read
// the scale it then doubles.
func Merge(a, b string, scale int, release chan struct{}, look func(string, int) int) int {
	total := 0
	ac := make(chan int, 1)
	bc := make(chan int, 1)
	go func() {
		<-release
		ac <- look(a, scale)
	}()
	go func() { bc <- look(b, scale) }()
merge:
	for ac != nil || bc != nil {
		select {
		case v := <-ac:
			total += v
			ac = nil
		case v := <-bc:
			total += v
			bc = nil
			break merge
		}
	}
	scale *= 2
	return total + scale
}
""",
        "ac is used other than by this goroutine's one signal",
    ),
    # unsafe.Sizeof's operand is never evaluated: the receive inside it never happens (adv29c)
    "receive_in_sizeof": (
        """package receive_in_sizeof

import "unsafe"

// Check asks a worker per key, adds the reply's size, then lowers the limit.
func Check(keys []string, limit int, gate <-chan struct{}, slow func(string, int) int) uintptr {
	var size uintptr
	for _, k := range keys {
		res := make(chan int, 1)
		go func() {
			<-gate
			res <- slow(k, limit)
		}()
		size += unsafe.Sizeof(<-res)
		limit--
	}
	return size
}
""",
        "the function never waits for res",
    ),
    # a deferred literal runs after the goroutine's send, so after the receive and the write
    "defer_literal_reads_after_send": (
        """package defer_literal_reads_after_send

// Tag collects each item from a goroutine whose deferred audit reports the label once the caller
// releases it: the audit runs after the send, so after the receive, and reads the relabelled label.
func Tag(items []string, label string, release <-chan struct{}, audit func(string)) string {
	out := ""
	for _, it := range items {
		res := make(chan string, 1)
		go func() {
			defer func() {
				<-release
				audit(label + it)
			}()
			res <- it
		}()
		out += <-res
		label = "new:"
	}
	return out
}
""",
        "makes a func literal at line 10 that may read label after it signals: it is deferred or passed",
    ),
    # a deferred pointer method reads its receiver when it runs, after the send
    "defer_method_reads_after_send": (
        """package defer_method_reads_after_send

// Label is a report's label.
type Label string

// Report sends the label once the caller releases the report.
func (l *Label) Report(release <-chan struct{}, got chan<- string) {
	<-release
	got <- string(*l)
}

// Tag sends the value, then its deferred report reads the label through the receiver's pointer,
// after the send: after the receive, once the caller has relabelled it and released the report.
func Tag(v string, label Label, release <-chan struct{}, got chan<- string) string {
	res := make(chan string, 1)
	go func() {
		defer label.Report(release, got)
		res <- v
	}()
	out := <-res
	label = "new:"
	return out + string(label)
}
""",
        "the address of label is taken",
    ),
    # a deferred handler's second send lets the fan-in loop end before every scorer sent
    "defer_sends_again": (
        """package defer_sends_again

// Sum scores every item; a deferred handler reports a zero for a scorer that panicked, but it
// sends after a normal score too: one scorer's two sends let the loop end while a slow scorer has
// yet to read the weight.
func Sum(items []string, weight int, hold func(string), score func(string, int) int) int {
	res := make(chan int, 2*len(items))
	for _, it := range items {
		go func() {
			defer func() {
				recover()
				res <- 0
			}()
			hold(it)
			res <- score(it, weight)
		}()
	}
	total := 0
	for range items {
		total += <-res
	}
	weight *= 2
	return total + weight
}
""",
        "res is used other than by this goroutine's one signal",
    ),
    # `cached(it) && <-ok`: the receive is skipped when the left operand decides
    "if_receive_short_circuit": (
        """package if_receive_short_circuit

// Check encodes each item at the current quality; for a cached item the condition never receives,
// so the loop raises the quality while its encoder may still read it.
func Check(items []string, quality int, cached func(string) bool, hold func(string), enc func(string, int) bool) int {
	bad := 0
	for _, it := range items {
		ok := make(chan bool, 1)
		go func() {
			hold(it)
			ok <- enc(it, quality)
		}()
		if !cached(it) && !<-ok {
			bad++
		}
		quality++
	}
	return bad
}
""",
        "the function never waits for ok",
    ),
    # one receive fewer than goroutines
    "fan_in_two_channels_short_loop": (
        """package fan_in_two_channels_short_loop

// Scores asks every shard but gathers one answer fewer than it started, dropping a straggler:
// the straggler may read the raised scale.
func Scores(ids []int, scale int, hold func(int), get func(int, int) (int, error)) (int, int) {
	vals := make(chan int, len(ids))
	errc := make(chan error, len(ids))
	for _, id := range ids {
		go func() {
			hold(id)
			v, err := get(id, scale)
			if err != nil {
				errc <- err
				return
			}
			vals <- v
		}()
	}
	total, failed := 0, 0
	for range len(ids) - 1 {
		select {
		case v := <-vals:
			total += v
		case <-errc:
			failed++
		}
	}
	scale++
	return total, failed + scale
}
""",
        "never receives from errc or vals once for every goroutine: the loop at line 20 is not proven",
    ),
    # a watchdog's send on errc counts as a goroutine's
    "fan_in_two_channels_extra_sender": (
        """package fan_in_two_channels_extra_sender

import "errors"

// Scores asks every shard, while a watchdog reports on errc too once stop is closed: the gathering
// loop can count the watchdog's error and end before a slow shard has read the scale.
func Scores(ids []int, scale int, stop <-chan struct{}, hold func(int), get func(int, int) (int, error)) (int, int) {
	vals := make(chan int, len(ids))
	errc := make(chan error, len(ids)+1)
	go func() {
		<-stop
		errc <- errors.New("stopped")
	}()
	for _, id := range ids {
		go func() {
			hold(id)
			v, err := get(id, scale)
			if err != nil {
				errc <- err
				return
			}
			vals <- v
		}()
	}
	total, failed := 0, 0
	for range ids {
		select {
		case v := <-vals:
			total += v
		case <-errc:
			failed++
		}
	}
	scale++
	return total, failed + scale
}
""",
        "errc is used other than by this goroutine's one signal",
    ),
    # one receive for two senders: the first to finish ends the wait
    "peers_one_receive_fewer": (
        """package peers_one_receive_fewer

// Splice returns when the first direction ends: the other copier may still read the route after
// it is marked spliced.
func Splice(route string, hold func(string), copyDir func(string, string) error) string {
	done := make(chan error, 2)
	go func() {
		hold("up")
		done <- copyDir("up", route)
	}()
	go func() {
		hold("down")
		done <- copyDir("down", route)
	}()
	<-done
	route = "spliced " + route
	return route
}
""",
        "2 goroutines send on done, but the function does not receive from it as often",
    ),
    # a watchdog's send counts as a copier's
    "peers_third_sender": (
        """package peers_third_sender

// Splice waits for two reports, but a watchdog reports on done too: the watchdog's and one
// copier's reports end the wait while the other copier has yet to read the route.
func Splice(route string, expired <-chan struct{}, hold func(string), copyDir func(string, string) error) string {
	done := make(chan error, 3)
	go func() {
		hold("up")
		done <- copyDir("up", route)
	}()
	go func() {
		hold("down")
		done <- copyDir("down", route)
	}()
	go func() {
		<-expired
		done <- nil
	}()
	<-done
	<-done
	route = "spliced " + route
	return route
}
""",
        "3 goroutines send on done, but the function does not receive from it as often",
    ),
    # the end moves between the loops: the wait loop is shorter
    "sub_slice_bound_moved": (
        """package sub_slice_bound_moved

// Thumbs encodes a batch at once, but skips waiting for a trailing placeholder: the end moves
// between the loops, and the last encoder may read the lowered quality.
func Thumbs(paths []string, quality int, hold func(string), enc func(string, int) bool) int {
	start, end := 0, len(paths)
	failed := make(chan bool, end-start)
	for _, p := range paths[start:end] {
		go func() {
			hold(p)
			failed <- !enc(p, quality)
		}()
	}
	if end > 0 && paths[end-1] == "" {
		end--
	}
	bad := 0
	for range paths[start:end] {
		if <-failed {
			bad++
		}
	}
	quality -= bad + 1
	return quality
}
""",
        "a variable the count reads may change in between",
    ),
    # the wait loop ranges over another slice
    "sub_slice_other_slice": (
        """package sub_slice_other_slice

// Thumbs encodes the paths but waits once per name: with fewer names than paths an encoder may
// read the lowered quality.
func Thumbs(paths, names []string, quality int, hold func(string), enc func(string, int) bool) int {
	start := 0
	failed := make(chan bool, len(paths))
	for _, p := range paths[start:] {
		go func() {
			hold(p)
			failed <- !enc(p, quality)
		}()
	}
	bad := 0
	for range names[start:] {
		if <-failed {
			bad++
		}
	}
	quality -= bad + 1
	return quality
}
""",
        "they count different things",
    ),
    # the worker reads the weight after its send: its deferred Done comes after the write
    "done_send_not_last": (
        """package done_send_not_last

import "sync"

// Sum scores every item; each worker logs the weight after it sends its score, so after the
// receive and the doubling: its Done, deferred, comes only after the write.
func Sum(items []string, weight int, hold func(string), score func(string, int) int,
	log func(int), flush func(int)) int {
	var wg sync.WaitGroup
	res := make(chan int, len(items))
	for _, it := range items {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res <- score(it, weight)
			hold(it)
			log(weight)
		}()
	}
	total := 0
	for range items {
		total += <-res
	}
	weight *= 2
	flush(total)
	wg.Wait()
	return total + weight
}
""",
        "can come before the wait at line",
    ),
    # a send in an if with no return: one worker's two sends end the loop before another reads
    "done_if_send_falls_through": (
        """package done_if_send_falls_through

import "sync"

// Sum scores every item; a cached item sends its cached score and, with no return, its fresh score
// too: one worker's two sends let the loop end while another has yet to read the weight.
func Sum(items []string, weight int, cached func(string) bool, hold func(string),
	score func(string, int) int, flush func(int)) int {
	var wg sync.WaitGroup
	res := make(chan int, 2*len(items))
	for _, it := range items {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if cached(it) {
				res <- 0
			}
			hold(it)
			res <- score(it, weight)
		}()
	}
	total := 0
	for range items {
		total += <-res
	}
	weight *= 2
	flush(total)
	wg.Wait()
	return total + weight
}
""",
        "can come before the wait at line",
    ),
    # one receive for many workers: the write lies between it and the Wait
    "done_first_reply_wins": (
        """package done_first_reply_wins

import "sync"

// Ask asks every replica and takes the first reply, then doubles the weight before waiting for the
// rest: a slower replica may still read it.
func Ask(replicas []string, weight int, hold func(string), ask func(string, int) int, flush func(int)) int {
	var wg sync.WaitGroup
	res := make(chan int, len(replicas))
	for _, r := range replicas {
		wg.Add(1)
		go func() {
			defer wg.Done()
			hold(r)
			res <- ask(r, weight)
		}()
	}
	best := <-res
	weight *= 2
	flush(best)
	wg.Wait()
	return best + weight
}
""",
        "can come before the wait at line",
    ),
    # a deferred literal reads the weight after the send (before the Done, which comes after the write)
    "done_deferred_audit": (
        """package done_deferred_audit

import "sync"

// Sum scores every item; each worker's deferred audit reads the weight after the send, so after
// the receive and the doubling, before its Done.
func Sum(items []string, weight int, hold func(string), score func(string, int) int,
	audit func(string, int), flush func(int)) int {
	var wg sync.WaitGroup
	res := make(chan int, len(items))
	for _, it := range items {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				hold(it)
				audit(it, weight)
			}()
			res <- score(it, weight)
		}()
	}
	total := 0
	for range items {
		total += <-res
	}
	weight *= 2
	flush(total)
	wg.Wait()
	return total + weight
}
""",
        "can come before the wait at line",
    ),
    # the select gives up on the send, and the Wait comes after the write: no signal is waited for in time
    "done_send_abandoned": (
        """package done_send_abandoned

import (
	"context"
	"sync"
)

// Sum scores every item but stops taking a score once the context is done; the weight doubles
// before the workers are waited for, and an abandoned worker may still read it.
func Sum(ctx context.Context, items []string, weight int, hold func(string), score func(string, int) int,
	flush func(int)) int {
	var wg sync.WaitGroup
	total := 0
	for _, it := range items {
		res := make(chan int, 1)
		wg.Add(1)
		go func() {
			defer wg.Done()
			hold(it)
			res <- score(it, weight)
		}()
		select {
		case v := <-res:
			total += v
		case <-ctx.Done():
		}
	}
	weight *= 2
	flush(total)
	wg.Wait()
	return total + weight
}
""",
        "can come before the wait at line",
    ),
    # two peers that defer Done and send last, one receive: the write lies between it and the Wait
    "done_peers_one_receive": (
        """package done_peers_one_receive

import "sync"

// Splice copies both ways and ends on the first direction to finish; the route is switched before
// the Wait, while the other direction may still read it.
func Splice(route string, hold func(string), copyDir func(dir, route string) error, flush func()) (error, string) {
	var wg sync.WaitGroup
	done := make(chan error, 2)
	wg.Add(2)
	go func() {
		defer wg.Done()
		done <- copyDir("up", route)
	}()
	go func() {
		defer wg.Done()
		hold("down")
		done <- copyDir("down", route)
	}()
	err := <-done // the first to finish ends the splice
	route = "closed:" + route
	flush()
	wg.Wait()
	return err, route
}
""",
        "can come before the wait at line",
    ),
    "signal_then_reads_factor": (
        """package signal_then_reads_factor

// Compute sends its product, then waits for the caller's go-ahead and reports the factor in force
// by then: the caller moves it on after the receive, before the go-ahead.
func Compute(n int, gate <-chan struct{}, report func(int)) int {
	factor := 2
	res := make(chan int)
	go func() {
		res <- n * factor
		<-gate
		report(factor)
	}()
	v := <-res
	factor = 3
	return v
}
""",
        "after the goroutine's signal at line 9, names factor: it may read it after the write",
    ),
    "done_value_reassigned": (
        """package done_value_reassigned

import "sync"

// Background counts the detached jobs; Shutdown waits for it.
var Background sync.WaitGroup

// Run starts a job with the multiplier; a detached job is counted on Background, not on wg, so
// Run's Wait does not wait for it, and the job reads the multiplier Run leaves once released.
func Run(mul int, detach bool, gate <-chan struct{}, report func(int)) int {
	var wg sync.WaitGroup
	done := wg.Done
	if detach {
		Background.Add(1)
		done = Background.Done
	} else {
		wg.Add(1)
	}
	go func() {
		defer done()
		<-gate
		report(mul)
	}()
	wg.Wait()
	mul++
	return mul
}
""",
        "the goroutine calls done() (a method value of wg.Done), but done is written after its definition",
    ),
    "fan_in_range_len_other": (
        """package fan_in_range_len_other

// Sum asks every part for its size under the budget; the parts past the primaries wait for the
// go-ahead and answer with the budget left, so the first loop receives once per primary only.
func Sum(parts, primaries []string, budget int, size func(part string, budget int) int) int {
	res := make(chan int, len(parts))
	goAhead := make(chan struct{})
	for i, p := range parts {
		go func() {
			if i >= len(primaries) {
				<-goAhead
			}
			res <- size(p, budget)
		}()
	}
	total := 0
	for range len(primaries) {
		total += <-res
	}
	budget -= total
	close(goAhead)
	for range len(parts) - len(primaries) {
		total += <-res
	}
	return total
}
""",
        "they count different things",
    ),
    "fan_in_range_len_resliced": (
        """package fan_in_range_len_resliced

// Sum asks every part for its size under the budget; the parts past the first n wait for the
// go-ahead and answer with the budget left: parts is cut to the first n before the first loop.
func Sum(parts []string, n int, budget int, size func(part string, budget int) int) int {
	res := make(chan int, len(parts))
	goAhead := make(chan struct{})
	rest := len(parts) - n
	for i, p := range parts {
		go func() {
			if i >= n {
				<-goAhead
			}
			res <- size(p, budget)
		}()
	}
	parts = parts[:n]
	total := 0
	for range len(parts) {
		total += <-res
	}
	budget -= total
	close(goAhead)
	for range rest {
		total += <-res
	}
	return total
}
""",
        "a variable the count reads may change in between",
    ),
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
    "decline_late_address_before_receive": (  # Next runs before the receive its statement waits on
        """package decline_late_address_before_receive

// Round is a round's figures.
type Round struct{ N int }

// Next moves to the next round and releases the announcer.
func (r *Round) Next(next chan<- struct{}) int {
	r.N++
	close(next)
	return r.N
}

// Announce starts the announcer, which reads the round once released, and moves to the next
// round in the statement that waits for it.
func Announce(r Round) int {
	next := make(chan struct{})
	done := make(chan int)
	go func() {
		<-next
		done <- r.N
	}()
	n := r.Next(next) + <-done
	return n
}
""",
        "r is written by or after the go statement (line 22): the write at line 22 can come before the wait at "
        "line 22 returns",
    ),
    "decline_sliced_before_receive": (  # stamp runs before the receive its statement waits on
        """package decline_sliced_before_receive

// stamp writes the seat into the token and releases the deliverer.
func stamp(t []byte, seat byte, next chan<- struct{}) int {
	for i := range t {
		t[i] = seat
	}
	close(next)
	return len(t)
}

// Issue starts the deliverer, which reads the token once released, and stamps it in the
// statement that waits for it.
func Issue(seat byte) [4]byte {
	var tok [4]byte
	next := make(chan struct{})
	done := make(chan [4]byte)
	go func() {
		<-next
		done <- tok
	}()
	n, got := stamp(tok[:], seat, next), <-done
	_ = n
	return got
}
""",
        "tok is written by or after the go statement (line 22): the write at line 22 can come before the wait at "
        "line 22 returns",
    ),
    "decline_late_address_before_drain": (  # a select case's draining statement calls Next before its receive
        """package decline_late_address_before_drain

// Round is a round's figures.
type Round struct{ N int }

// Next moves to the next round and releases the announcer.
func (r *Round) Next(next chan<- struct{}) int {
	r.N++
	close(next)
	return r.N
}

// Drain starts the announcer and, the fast path being closed, moves to the next round in the
// statement of the other case that waits for it.
func Drain(r Round) int {
	next := make(chan struct{})
	done := make(chan int)
	ready := make(chan struct{})
	close(ready)
	go func() {
		<-next
		done <- r.N
	}()
	select {
	case n := <-done:
		return n
	case <-ready:
		n := r.Next(next) + <-done
		return n
	}
}
""",
        "r is written by or after the go statement (line 28): the write at line 28 can come before the wait at "
        "line 24 returns",
    ),
    "decline_sliced_to_any": (  # x[:] boxed in an any the callee returns the slice of: s writes x after the start
        """package decline_sliced_to_any

// bytesOf returns the bytes an any holds.
func bytesOf(a any) []byte {
	b, _ := a.([]byte)
	return b
}

// Stamp starts the reader, which reads the token once released, and stamps the token through the
// bytes bytesOf gave back.
func Stamp(seat byte) [4]byte {
	var tok [4]byte
	s := bytesOf(tok[:])
	next := make(chan struct{})
	done := make(chan [4]byte)
	go func() {
		<-next
		done <- tok
	}()
	s[0] = seat
	close(next)
	return <-done
}
""",
        "tok is passed to bytesOf, which returns its storage",
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


def copy_before(statement: str, name: str):
    """The naive copy rewrite: `name := name` before the first line starting with statement."""
    indent = statement[: len(statement) - len(statement.lstrip("\t"))]
    return lambda source: source.replace(statement, f"{indent}{name} := {name}\n{statement}", 1)


def block_copy(first: str, last: str, name: str):
    """The naive copy in a block of its own: from the line starting with first to the end of last."""

    def rewrite(source: str) -> str:
        start = source.index(first)
        end = source.index(last, start) + len(last)
        inner = "".join("\t" + line for line in source[start:end].splitlines(keepends=True))
        return f"{source[:start]}\t{{\n\t\t{name} := {name}\n{inner}\t}}\n{source[end:]}"

    return rewrite


def merge_factory(source: str) -> str:
    """The naive factory rewrite: joiner(a) func(b) becomes joiner(a, b), and so does every call."""
    source = re.sub(
        r"func joiner\((.*?)\) func\(parts \[\]string\) string \{", r"func joiner(\1, parts []string) string {", source
    )
    source = source.replace("\treturn func(parts []string) string {\n", "")
    source = re.sub(r"(\t\treturn strings\.Join\(out, sep\)[^\n]*)\n\t\}\n\}", r"\1\n}", source)
    return re.sub(r"joiner\(([^()]*)\)\(", r"joiner(\1, ", source)


# case -> (the naive rewrite of its source, how the mutant shows): a Go expression of type string
# ({pkg} is the package) whose value the naive rewrite changes, or what the compiler says of it.
NAIVE = {
    "field_wait_in_loop": (
        block_copy("\tgo func() {", "\t}()\n", "name"),
        "func() string { out := make(chan string, 1); p := &{pkg}.Pool{}; "
        "p.Run(2, make(chan struct{}), out); return <-out }()",
    ),
    "field_append_over": (
        block_copy("\tgo func() {", "\t}()\n", "name"),
        "func() string { out := make(chan string, 1); f := {pkg}.NewFleet(); "
        "f.Run(f.First(), make(chan struct{}), out); return <-out }()",
    ),
    "field_reset_helper": (
        block_copy("\tgo func() {", "\t}()\n", "name"),
        "func() string { out := make(chan string, 1); p := &{pkg}.Pool{}; "
        "p.Run(make(chan struct{}), out); return <-out }()",
    ),
    "field_callback_field": (
        block_copy("\tgo func() {", "\t}()\n", "tag"),
        "func() string { out := make(chan string, 1); p := {pkg}.New(func(b *{pkg}.Batcher) { *b = {pkg}.Batcher{} }); "
        "p.Run(make(chan struct{}), out); return <-out }()",
    ),
    "field_alias_overwrite": (
        block_copy("\tgo func() {", "\t}()\n", "name"),
        "func() string { out := make(chan string, 1); p := &{pkg}.Pool{}; "
        "p.Run(make(chan struct{}), out); return <-out }()",
    ),
    "field_named_slice_reset": (
        block_copy("\tgo func() {", "\t}()\n", "name"),
        "func() string { out := make(chan string, 1); {pkg}.Run(make({pkg}.Workers, 1), make(chan struct{}), out); "
        "return <-out }()",
    ),
    "field_body_reset": (
        block_copy("\tgo func() {", "\t}()\n", "name"),
        "func() string { out := make(chan string, 1); p := &{pkg}.Pool{}; "
        "p.Run(make(chan struct{}), out); return <-out }()",
    ),
    "field_channel_janitor": (  # Run's go statement, not the janitor's
        block_copy("\tgo func() {\n\t\tdefer func() { recover() }()", "\t}()\n", "name"),
        "func() string { out := make(chan string, 1); p := {pkg}.New(); "
        "p.Run(make(chan struct{}), out); return <-out }()",
    ),
    "field_value_base_reset": (
        block_copy("\tgo func() {", "\t}()\n", "name"),
        "func() string { got := make(chan string, 1); {pkg}.Run(make(chan struct{}), func(s string) { got <- s }); "
        "return <-got }()",
    ),
    "closed_loop_other_channel": (
        block_copy("\tgo func() {", "\t}()\n", "scale"),
        "fmt.Sprint({pkg}.Stream([]int{2}, 3))",
    ),
    "fan_in_bound_lowered": (
        copy_before("\t\tgo func() {", "budget"),
        'fmt.Sprint({pkg}.Sum([]string{"ab", "cd", "replica-eu"}, 7, true, '
        "func(p string, b int) int { return min(b, len(p)) }))",
    ),
    "field_wg_negative_add": (
        block_copy("\tgo func() {", "\t}()\n", "source"),
        'func() string { var l {pkg}.Loader; got := ""; l.Start("/a", func(s string) { got = s }); return got }()',
    ),
    "helper_starts_parameter": (
        block_copy("\tforEach(", "\t})\n", "scale"),
        "func() string { step, got := make(chan struct{}), make(chan int, 1); "
        "{pkg}.Run(1, step, got); close(step); return fmt.Sprint(<-got) }()",
    ),
    "helper_literal_starts_goroutine": (
        block_copy("\tparallelFor(", "\t})\n", "scale"),
        "func() string { step, got := make(chan struct{}), make(chan int, 1); "
        "{pkg}.Run(1, step, got); close(step); return fmt.Sprint(<-got) }()",
    ),
    "helper_argument_after_comment": (
        block_copy("\tregister(", "\t)\n", "scale"),
        "func() string { got := make(chan int, 1); {pkg}.Run(func(n int) { got <- n }); "
        "{pkg}.Saved[0](); return fmt.Sprint(<-got) }()",
    ),
    "helper_returns_early": (
        block_copy("\tspawnAll(", "})\n", "x"),
        "func() string { release, got := make(chan struct{}), make(chan int, 2); "
        "{pkg}.Fan(2, 1, release, func(n int) { got <- n }); close(release); return fmt.Sprint(<-got + <-got) }()",
    ),
    "helper_keeps_literal": (
        block_copy("\tregister(", "})\n", "x"),
        "func() string { got := make(chan int, 1); {pkg}.Setup(1, func(n int) { got <- n }); "
        "{pkg}.Hooks[0](); return fmt.Sprint(<-got) }()",
    ),
    "goto_defers_twice": (
        block_copy("\tgo func() {\n\t\tdefer wg.Done()\n\t\t<-gate", "\t}()\n", "x"),
        "func() string { gate, out := make(chan struct{}), make(chan int, 1); "
        "{pkg}.Run(gate, out); close(gate); return fmt.Sprint(<-out) }()",
    ),
    "shared_group_pointer": (
        block_copy("\tgo func() {", "\t}()\n", "x"),
        "func() string { t := &{pkg}.Tracker{Gate: make(chan struct{}), Started: make(chan struct{}), "
        "Ran: make(chan struct{}), Out: make(chan int, 1)}; go t.Run(1); <-t.Started; t.Release(); <-t.Ran; "
        "t.WG.Add(1); close(t.Gate); return fmt.Sprint(<-t.Out) }()",
    ),
    "shared_group_alias": (
        block_copy("\tgo func() {", "\t}()\n", "x"),
        "func() string { t := &{pkg}.Tracker{Gate: make(chan struct{}), Started: make(chan struct{}), "
        "Ran: make(chan struct{}), Out: make(chan int, 1)}; go t.Run(1); <-t.Started; t.Release(); <-t.Ran; "
        "t.WG.Add(1); close(t.Gate); return fmt.Sprint(<-t.Out) }()",
    ),
    "batch_wait_fresh_group": (
        copy_before("\t\tgo func() {", "token"),
        "func() string { release, got := make(chan struct{}), make(chan string, 2); "
        "{pkg}.Stamp(2, release, func(s string) { got <- s }); close(release); <-got; return <-got }()",
    ),
    "batch_go_after_wait": (
        block_copy("\t\t\tgo func() {", "\t\t\t}()\n", "token"),
        "func() string { release, got := make(chan struct{}), make(chan string, 1); "
        "{pkg}.Stamp(2, release, func(s string) { got <- s }); close(release); return <-got }()",
    ),
    "fan_in_continue_before_receive": (
        copy_before("\t\tgo func() {", "scale"),
        "func() string { release, got := make(chan struct{}), make(chan int, 1); "
        "{pkg}.Sum([]int{1}, 10, func(int) bool { return true }, release, func(n int) { got <- n }); "
        "close(release); return fmt.Sprint(<-got) }()",
    ),
    "deferred_read_after_done": (
        block_copy("\t\tgo func() {", "\n\t\t}()\n", "mode"),
        "func() string { release, got := make(chan struct{}), make(chan string, 1); "
        '{pkg}.Audit([]string{"a"}, "draft:", release, func(s string) { got <- s }); close(release); return <-got }()',
    ),
    "deferred_between_send_and_close": (
        block_copy("\tgo func() {", "\n\t}()\n", "label"),
        "func() string { release, got := make(chan struct{}), make(chan string, 1); "
        '{pkg}.Tag("v", "old:", release, got); close(release); return <-got }()',
    ),
    "send_then_reads": (
        block_copy("\tgo func() {", "\t}()\n", "x"),
        "func() string { step, out := make(chan struct{}), make(chan int, 1); "
        "{pkg}.Run(1, step, out); return fmt.Sprint(<-out) }()",
    ),
    "group_literal_uses_wg": (
        block_copy("\t\twg.Go(func() {", "\t\t})\n", "prefix"),
        "func() string { step, out := make(chan struct{}), make(chan string, 1); "
        '{pkg}.Start([]string{"a"}, "v1:", step, out); close(step); return <-out }()',
    ),
    "send_value_uses_channel": (
        block_copy("\tgo func() {", "\t}()\n", "x"),
        "func() string { step, out := make(chan struct{}), make(chan int, 1); "
        "{pkg}.Run(1, step, out); return fmt.Sprint(<-out) }()",
    ),
    "select_own_fatal": (
        block_copy("\tgo func() {", "\t}()\n", "limit"),
        "func() string { stop, release, got := make(chan struct{}), make(chan struct{}), make(chan int, 1); "
        "close(stop); probe := func(n int) int { got <- n; return n }; "
        "{pkg}.Check(1, stop, probe, release, nil); close(release); return fmt.Sprint(<-got) }()",
    ),
    "relay_others_send": (
        block_copy("\tgo func() {\n\t\tdefer close(jobs)", "\t}()\n", "limit"),
        "func() string { step, out := make(chan struct{}), make(chan int, 1); "
        "{pkg}.Serve(1, step, out); return fmt.Sprint(<-out) }()",
    ),
    "negative_add": (
        block_copy("\tgo func() {\n\t\tdefer wg.Done()\n\t\t<-start", "\t}()\n", "x"),
        "func() string { start, out := make(chan struct{}), make(chan int, 1); "
        "{pkg}.Run(1, nil, start, out); return fmt.Sprint(<-out) }()",
    ),
    "shadowed_make": (
        block_copy("\tgo func() {", "\t}()\n", "x"),
        "func() string { pool, start, out := make(chan int, 1), make(chan struct{}), make(chan int, 1); "
        "pool <- 0; {pkg}.Run(1, pool, start, out); return fmt.Sprint(<-out) }()",
    ),
    "late_build_line": (
        copy_before("\t\tgo func() {", "i"),
        "func() string { start, out := make(chan struct{}), make(chan int, 3); {pkg}.Spawn(3, start, out); "
        "close(start); return fmt.Sprint(<-out + <-out + <-out) }()",
    ),
    "tab_build_line": (
        copy_before("\t\tgo func() {", "i"),
        "func() string { start, out := make(chan struct{}), make(chan int, 3); {pkg}.Spawn(3, start, out); "
        "close(start); return fmt.Sprint(<-out + <-out + <-out) }()",
    ),
    "unicode_digit_build_line": (
        copy_before("\t\tgo func() {", "i"),
        "func() string { start, out := make(chan struct{}), make(chan int, 3); {pkg}.Spawn(3, start, out); "
        "close(start); return fmt.Sprint(<-out + <-out + <-out) }()",
    ),
    "overflowing_build_line": (
        copy_before("\t\tgo func() {", "i"),
        "func() string { start, out := make(chan struct{}), make(chan int, 3); {pkg}.Spawn(3, start, out); "
        "close(start); return fmt.Sprint(<-out + <-out + <-out) }()",
    ),
    "literal_writes": (copy_before("\t\tgo func() {", "total"), 'fmt.Sprint({pkg}.Count([]string{"a", "b", "c"}))'),
    "written_after": (
        copy_before("\t\tgo func() {", "last"),
        'func() string { out := make(chan string, 1); {pkg}.Tail([]string{"a", "b"}, out); return <-out }()',
    ),
    "fan_in_released_before": (
        copy_before("\t\tgo func() {", "scale"),
        "fmt.Sprint({pkg}.Total([]int{1, 2, 3}, 10))",
    ),
    "wait_group_go_released": (
        copy_before("\t\twg.Go(func() {", "level"),
        'func() string { c := make(chan string, 1); {pkg}.Broadcast([]chan<- string{c}, "warn"); return <-c }()',
    ),
    "redeclared_by_statement": (
        copy_before("\t\tf, base := func", "base"),
        "fmt.Sprint({pkg}.Sum(3))",
    ),
    "generic_array_written": (
        copy_before("\t\tfs = append(fs, func", "a"),
        "fmt.Sprint({pkg}.Sum(2))",
    ),
    "go_helper_calls_again": (
        block_copy("\tgo every(tick, func() {", "\t})\n", "status"),
        "func() string { tick, got := make(chan struct{}), make(chan string, 2); "
        "{pkg}.Heartbeat(tick, func(s string) { got <- s }); "
        'tick <- struct{}{}; close(tick); return <-got + "," + <-got }()',
    ),
    "written_in_loop": (
        copy_before("\t\tgo func() {", "done"),
        "func() string { out := make(chan string, 3); {pkg}.Progress([]int{1, 2, 3}, out); return sorted(out, 3) }()",
    ),
    "address_taken": (
        copy_before("\t\tgo func() {", "limit"),
        "func() string { out := make(chan int, 1); "
        "{pkg}.Watch(out, func(p *int) { *p = 99 }); return fmt.Sprint(<-out) }()",
    ),
    "pointer_method": (
        copy_before("\t\tgo func() {", "b"),
        'func() string { out := make(chan string, 1); {pkg}.Collect([]string{"a", "b"}, out); return <-out }()',
    ),
    "named_result": (
        copy_before("\t\tgo func() {", "err"),
        "func() string { r := make(chan error, 1); "
        '{pkg}.Save([]string{"a"}, func(string) error { return errors.New("full") }, r); return fmt.Sprint(<-r) }()',
    ),
    "loopvar_shared": (
        copy_before("\t\tgo func() {", "i"),
        "func() string { out := make(chan string, 3); {pkg}.Spawn(3, out); return sorted(out, 3) }()",
    ),
    "uses_goto": (
        copy_before("\t\tgo func() {", "tries"),
        "func() string { out := make(chan string, 3); {pkg}.Retry(3, out); return sorted(out, 3) }()",
    ),
    "stored_written_in_loop": (
        copy_before("\t\tout[i] = func", "marker"),
        'fmt.Sprint({pkg}.Stages([]string{"a", "b"})[0]())',
    ),
    "stored_address_after": (
        copy_before("\t\tout[i] = func", "greeting"),
        '{pkg}.Greeters([]string{"ann"}, "hi")[0]()',
    ),
    "stored_by_goroutine": (
        block_copy("\t\tgo func() {", "\t\t}()\n", "tag"),
        '{pkg}.Hooks([]string{"a"}, "early:")[0]()',
    ),
    "fan_in_counted_shrinks": (
        block_copy("\t\tgo func() {", "\t\t}()\n", "scale"),
        "fmt.Sprint({pkg}.Scaled(3, 10))",
    ),
    "fan_in_counted_skips": (
        block_copy("\t\tgo func() {", "\t\t}()\n", "scale"),
        "fmt.Sprint({pkg}.Scaled(3, 10))",
    ),
    "fan_in_one_based_short": (
        block_copy("\t\tgo func() {", "\t\t}()\n", "scale"),
        "fmt.Sprint({pkg}.Scaled(3, 10))",
    ),
    "shadowed_int_index": (
        block_copy("\t\tgo func() {", "\t\t}()\n", "scale"),
        "fmt.Sprint({pkg}.Scaled(1))",
    ),
    "deferred_before_done": (
        block_copy("\t\tgo func() {", "\t\t\twg.Done()\n\t\t}()\n", "label"),
        "func() string { release, got := make(chan struct{}), make(chan string, 1); "
        '{pkg}.Audit([]string{"a"}, "draft:", release, func(s string) { got <- s }); close(release); return <-got }()',
    ),
    "deferred_keeps_literal": (
        block_copy("\t\tgo func() {", "\t\t}()\n", "label"),
        'func() string { hooks := make(chan func() string, 1); {pkg}.Hooks([]string{"a"}, "early:", hooks); '
        "return (<-hooks)() }()",
    ),
    "closer_second_sender": (
        copy_before("\t\tgo func() {\n\t\t\tdefer wg.Done()", "key"),
        "func() string { hits, release := make(chan string, 2), make(chan struct{}); "
        '{pkg}.Find([][]string{{"a"}, {"b", "n"}}, "a", "n", hits, release); close(release); '
        "return sorted(hits, 2) }()",
    ),
    "closer_range_breaks": (
        copy_before("\t\tgo func() {\n\t\t\tdefer wg.Done()", "rules"),
        "func() string { release, got := make(chan struct{}), make(chan string, 1); "
        'check := func(rules, f string) string { if f == "b" { got <- rules }; return f }; '
        '{pkg}.Scan([]string{"a", "b"}, "loose", check, release); close(release); return <-got }()',
    ),
    "select_default": (
        block_copy("\tgo func() {", "\t}()\n", "tag"),
        "func() string { release, got := make(chan struct{}), make(chan string, 1); "
        '{pkg}.Ping("t", func(s string) string { got <- s; return s }, release); close(release); return <-got }()',
    ),
    "select_case_breaks": (
        block_copy("\tgo func() {", "\t}()\n", "key"),
        "func() string { stop, release, got := make(chan bool, 1), make(chan struct{}), make(chan string, 1); "
        "stop <- false; ask := func(k string) string { got <- k; return k }; "
        '{pkg}.Fetch("k", stop, ask, release); close(release); return <-got }()',
    ),
    "select_case_writes": (
        block_copy("\tgo func() {", "\t}()\n", "key"),
        "func() string { stop, release, got := make(chan struct{}), make(chan struct{}), make(chan string, 1); "
        'close(stop); ask := func(k string) string { got <- "[" + k + "]"; return k }; '
        '{pkg}.Fetch("k", stop, ask, release); close(release); return <-got }()',
    ),
    "fan_in_writes_in_loop": (
        block_copy("\t\tgo func() {", "\t\t}()\n", "scale"),
        "fmt.Sprint({pkg}.Scaled(3, 10, make(chan struct{})))",
    ),
    "stored": (copy_before("\t\tout[i] = func", "greeting"), '{pkg}.Greeters([]string{"ann"}, "hi")[0]()'),
    "multi_value_other_item": (
        block_copy("\t\tgo func() {", "\t\t}()\n", "scale"),
        "func() string { feed, gate, got := make(chan int, 2), make(chan struct{}), make(chan int, 1); feed <- 5; "
        '{pkg}.Collect([]string{"a"}, 1, feed, gate, func(n int) { got <- n }); close(gate); '
        "return fmt.Sprint(<-got) }()",
    ),
    "return_path_writes": (
        block_copy("\t\tgo func() {", "\t\t}()\n", "scale"),
        "func() string { gate, got := make(chan struct{}), make(chan int, 1); "
        '{pkg}.Prepare("k", 3, gate, func(int) bool { return false }, '
        "func(_ string, n int) int { got <- n; return n }); close(gate); return fmt.Sprint(<-got) }()",
    ),
    "two_channels_default": (
        block_copy("\t\tgo func() {", "\t\t}()\n", "budget"),
        "func() string { gate, got := make(chan struct{}), make(chan int, 1); "
        '{pkg}.Fetch([]string{"a"}, 1, gate, func(_ string, b int) (int, error) { got <- b; return b, nil }); '
        "close(gate); return fmt.Sprint(<-got) }()",
    ),
    "two_channels_other_sender": (
        block_copy("\t\tgo func() {\n\t\t\t<-gate", "\t\t}()\n", "budget"),
        "func() string { gate, stop, got := make(chan struct{}), make(chan struct{}), make(chan int, 1); close(stop); "
        '{pkg}.Fetch([]string{"a"}, 1, gate, stop, func(_ string, b int) (int, error) { got <- b; return b, nil }); '
        "close(gate); return fmt.Sprint(<-got) }()",
    ),
    "two_channels_second_send": (
        block_copy("\t\tgo func() {", "\t\t}()\n", "budget"),
        "func() string { gate, got := make(chan struct{}), make(chan int, 1); "
        '{pkg}.Fetch([]string{"a"}, 1, gate, func(string) error { return errors.New("bad") }, '
        "func(_ string, b int) int { got <- b; return b }); close(gate); return fmt.Sprint(<-got) }()",
    ),
    "receive_under_or": (
        block_copy("\t\tgo func() {", "\t\t}()\n", "limit"),
        "func() string { gate, got := make(chan struct{}), make(chan int, 1); "
        '{pkg}.Check([]string{"a"}, 5, func(string) bool { return true }, gate, '
        "func(_ string, n int) bool { got <- n; return true }); close(gate); return fmt.Sprint(<-got) }()",
    ),
    "deferred_sort_after_done": (
        block_copy("\t\tgo func() {", "\t\t}()\n", "desc"),
        "func() string { gate, seen := make(chan struct{}), make(chan bool, 64); "
        "{pkg}.Sorted([][]int{{2, 1}}, false, gate, seen); close(gate); return fmt.Sprint(<-seen) }()",
    ),
    "receive_in_sizeof": (
        block_copy("\t\tgo func() {", "\t\t}()\n", "limit"),
        "func() string { gate, got := make(chan struct{}), make(chan int, 1); "
        '{pkg}.Check([]string{"a"}, 5, gate, func(_ string, n int) int { got <- n; return n }); '
        "close(gate); return fmt.Sprint(<-got) }()",
    ),
    "hooked_literal_escapes": (
        block_copy("\t\tgo func() {", "\t\t}()\n", "desc"),
        "func() string { {pkg}.Hooked([][]int{{1}}, true); return fmt.Sprint({pkg}.Saved[0]()) }()",
    ),
    "factory_variadic": (merge_factory, "can only use ... with final parameter"),
    "factory_names_clash": (merge_factory, "no new variables on left side of :="),
    "factory_value_use": (merge_factory, "not enough arguments in call to joiner"),
    "factory_shadows_package_name": (merge_factory, '{pkg}.Line([]string{"a", "b"})'),
    "factory_defers": (merge_factory, '{pkg}.Line([]string{"a", "b"})'),
    "factory_go": (merge_factory, '{pkg}.Trace([]string{"a", "b"})'),
    "factory_argument_order": (merge_factory, '{pkg}.Trace([]string{"a", "b"})'),
    "select_send_receiver_default": (
        block_copy("\t\tgo func() {", "\t\t}()\n", "scale"),
        "func() string { release, got := make(chan struct{}), make(chan int, 1); "
        '{pkg}.Gather(context.Background(), []string{"a"}, 1, release, '
        "func(_ string, n int) int { got <- n; return n }); close(release); return fmt.Sprint(<-got) }()",
    ),
    "select_send_labelled_break": (
        block_copy("\t\tgo func() {", "\t\t}()\n", "scale"),
        "func() string { release, got := make(chan struct{}), make(chan int, 1); "
        "ctx, cancel := context.WithCancel(context.Background()); cancel(); "
        '{pkg}.Gather(ctx, []string{"a"}, 1, release, func(_ string, n int) int { got <- n; return n }); '
        "close(release); return fmt.Sprint(<-got) }()",
    ),
    "select_send_cancelled_first": (
        block_copy("\t\tgo func() {", "\t\t}()\n", "scale"),
        "func() string { release, got := make(chan struct{}), make(chan int, 1); "
        '{pkg}.Gather(context.Background(), []string{"a"}, 1, true, release, '
        "func(_ string, n int) int { got <- n; return n }); close(release); return fmt.Sprint(<-got) }()",
    ),
    "select_send_then_reads": (
        block_copy("\t\tgo func() {", "\t\t}()\n", "scale"),
        "func() string { release, got := make(chan struct{}), make(chan int, 1); "
        '{pkg}.Gather(context.Background(), []string{"a"}, 1, release, func(n int) { got <- n }); '
        "close(release); return fmt.Sprint(<-got) }()",
    ),
    "select_send_twice": (
        block_copy("\t\tgo func() {", "\t\t}()\n", "scale"),
        "func() string { release, got := make(chan struct{}), make(chan int, 2); "
        '{pkg}.Gather(context.Background(), []string{"a", "b"}, 1, release, '
        'func(k string, n int) int { if k == "b" { got <- n }; return n }); '
        "close(release); return fmt.Sprint(<-got) }()",
    ),
    "drain_case_breaks": (
        block_copy("\tgo func() {", "\t}()\n", "scale"),
        "func() string { timeout, release, got := make(chan struct{}), make(chan struct{}), make(chan int, 1); "
        'close(timeout); {pkg}.Bounded(context.Background(), "k", 1, true, timeout, release, '
        "func(_ string, n int) int { got <- n; return n }); close(release); return fmt.Sprint(<-got) }()",
    ),
    "drain_writes_first": (
        block_copy("\tgo func() {", "\t}()\n", "scale"),
        "func() string { timeout := make(chan struct{}); close(timeout); "
        'return fmt.Sprint({pkg}.Bounded(context.Background(), "k", 8, timeout, '
        "func(_ string, n int) int { return n })) }()",
    ),
    "drain_conditional": (
        block_copy("\tgo func() {", "\t}()\n", "scale"),
        "func() string { timeout, release, got := make(chan struct{}), make(chan struct{}), make(chan int, 1); "
        'close(timeout); {pkg}.Bounded(context.Background(), "k", 1, false, timeout, release, '
        "func(_ string, n int) int { got <- n; return n }); close(release); return fmt.Sprint(<-got) }()",
    ),
    "merge_nil_in_other_case": (
        block_copy("\tgo func() {\n\t\t<-release", "\t}()\n", "scale"),
        "func() string { release, got := make(chan struct{}), make(chan int, 1); "
        '{pkg}.Merge("a", "b", 1, release, func(k string, n int) int { if k == "a" { got <- n }; return n }); '
        "close(release); return fmt.Sprint(<-got) }()",
    ),
    "merge_and_condition": (
        block_copy("\tgo func() {\n\t\t<-release", "\t}()\n", "scale"),
        "func() string { release, got := make(chan struct{}), make(chan int, 1); "
        '{pkg}.Merge("a", "b", 1, release, func(k string, n int) int { if k == "a" { got <- n }; return n }); '
        "close(release); return fmt.Sprint(<-got) }()",
    ),
    "merge_labelled_break": (
        block_copy("\tgo func() {\n\t\t<-release", "\t}()\n", "scale"),
        "func() string { release, got := make(chan struct{}), make(chan int, 1); "
        '{pkg}.Merge("a", "b", 1, release, func(k string, n int) int { if k == "a" { got <- n }; return n }); '
        "close(release); return fmt.Sprint(<-got) }()",
    ),
    "defer_literal_reads_after_send": (
        block_copy("\t\tgo func() {", "\n\t\t}()\n", "label"),
        "func() string { release, got := make(chan struct{}), make(chan string, 1); "
        '{pkg}.Tag([]string{"a"}, "old:", release, func(s string) { got <- s }); close(release); return <-got }()',
    ),
    "defer_method_reads_after_send": (
        block_copy("\tgo func() {", "\t}()\n", "label"),
        "func() string { release, got := make(chan struct{}), make(chan string, 1); "
        '{pkg}.Tag("v", "old:", release, got); close(release); return <-got }()',
    ),
    "defer_sends_again": (
        copy_before("\t\tgo func() {", "weight"),
        "func() string { release, got := make(chan struct{}), make(chan int, 1); "
        '{pkg}.Sum([]string{"a", "b"}, 1, func(k string) { if k == "b" { <-release } }, '
        'func(k string, w int) int { if k == "b" { got <- w }; return w }); '
        "close(release); return fmt.Sprint(<-got) }()",
    ),
    "if_receive_short_circuit": (
        block_copy("\t\tgo func() {", "\t\t}()\n", "quality"),
        "func() string { release, got := make(chan struct{}), make(chan int, 1); "
        '{pkg}.Check([]string{"a"}, 1, func(string) bool { return true }, func(string) { <-release }, '
        "func(_ string, q int) bool { got <- q; return true }); close(release); return fmt.Sprint(<-got) }()",
    ),
    "fan_in_two_channels_short_loop": (
        copy_before("\t\tgo func() {", "scale"),
        "func() string { release, got := make(chan struct{}), make(chan int, 1); "
        "{pkg}.Scores([]int{1, 2}, 1, func(id int) { if id == 2 { <-release } }, "
        "func(id, s int) (int, error) { if id == 2 { got <- s }; return s, nil }); "
        "close(release); return fmt.Sprint(<-got) }()",
    ),
    "fan_in_two_channels_extra_sender": (
        copy_before("\t\tgo func() {\n\t\t\thold", "scale"),
        "func() string { release, got := make(chan struct{}), make(chan int, 1); "
        "stop := make(chan struct{}); close(stop); "
        "{pkg}.Scores([]int{1, 2}, 1, stop, func(id int) { if id == 2 { <-release } }, "
        "func(id, s int) (int, error) { if id == 2 { got <- s }; return s, nil }); "
        "close(release); return fmt.Sprint(<-got) }()",
    ),
    "peers_one_receive_fewer": (
        block_copy('\tgo func() {\n\t\thold("down")', "\t}()\n", "route"),
        "func() string { release, got := make(chan struct{}), make(chan string, 1); "
        '{pkg}.Splice("r", func(d string) { if d == "down" { <-release } }, '
        'func(d, r string) error { if d == "down" { got <- r }; return nil }); close(release); return <-got }()',
    ),
    "peers_third_sender": (
        block_copy('\tgo func() {\n\t\thold("down")', "\t}()\n", "route"),
        "func() string { release, got := make(chan struct{}), make(chan string, 1); "
        "expired := make(chan struct{}); close(expired); "
        '{pkg}.Splice("r", expired, func(d string) { if d == "down" { <-release } }, '
        'func(d, r string) error { if d == "down" { got <- r }; return nil }); close(release); return <-got }()',
    ),
    "sub_slice_bound_moved": (
        block_copy("\t\tgo func() {", "\t\t}()\n", "quality"),
        "func() string { release, got := make(chan struct{}), make(chan int, 1); "
        '{pkg}.Thumbs([]string{"a", ""}, 5, func(p string) { if p == "" { <-release } }, '
        'func(p string, q int) bool { if p == "" { got <- q }; return true }); '
        "close(release); return fmt.Sprint(<-got) }()",
    ),
    "sub_slice_other_slice": (
        block_copy("\t\tgo func() {", "\t\t}()\n", "quality"),
        "func() string { release, got := make(chan struct{}), make(chan int, 1); "
        '{pkg}.Thumbs([]string{"a", "b"}, []string{"x"}, 5, func(p string) { if p == "b" { <-release } }, '
        'func(p string, q int) bool { if p == "b" { got <- q }; return true }); '
        "close(release); return fmt.Sprint(<-got) }()",
    ),
    "done_send_not_last": (
        copy_before("\t\tgo func() {", "weight"),
        "func() string { release, got := make(chan struct{}), make(chan int, 1); "
        '{pkg}.Sum([]string{"a"}, 1, func(string) { <-release }, func(_ string, w int) int { return w }, '
        "func(w int) { got <- w }, func(int) { close(release) }); return fmt.Sprint(<-got) }()",
    ),
    "done_if_send_falls_through": (
        copy_before("\t\tgo func() {", "weight"),
        "func() string { release, got := make(chan struct{}), make(chan int, 1); "
        '{pkg}.Sum([]string{"a", "b"}, 1, func(k string) bool { return k == "a" }, '
        'func(k string) { if k == "b" { <-release } }, '
        'func(k string, w int) int { if k == "b" { got <- w }; return w }, func(int) { close(release) }); '
        "return fmt.Sprint(<-got) }()",
    ),
    "done_first_reply_wins": (
        copy_before("\t\tgo func() {", "weight"),
        "func() string { release, got := make(chan struct{}), make(chan int, 1); "
        '{pkg}.Ask([]string{"a", "b"}, 1, func(r string) { if r == "b" { <-release } }, '
        'func(r string, w int) int { if r == "b" { got <- w }; return w }, func(int) { close(release) }); '
        "return fmt.Sprint(<-got) }()",
    ),
    "done_deferred_audit": (
        copy_before("\t\tgo func() {", "weight"),
        "func() string { release, got := make(chan struct{}), make(chan int, 1); "
        '{pkg}.Sum([]string{"a"}, 1, func(string) { <-release }, func(_ string, w int) int { return w }, '
        "func(_ string, w int) { got <- w }, func(int) { close(release) }); return fmt.Sprint(<-got) }()",
    ),
    "done_send_abandoned": (
        copy_before("\t\tgo func() {", "weight"),
        "func() string { release, got := make(chan struct{}), make(chan int, 1); "
        "ctx, cancel := context.WithCancel(context.Background()); cancel(); "
        '{pkg}.Sum(ctx, []string{"a"}, 1, func(string) { <-release }, '
        "func(_ string, w int) int { got <- w; return w }, "
        "func(int) { close(release) }); return fmt.Sprint(<-got) }()",
    ),
    "done_peers_one_receive": (
        block_copy('\tgo func() {\n\t\tdefer wg.Done()\n\t\thold("down")', "\t}()\n", "route"),
        "func() string { release, got := make(chan struct{}), make(chan string, 1); "
        '{pkg}.Splice("r", func(d string) { if d == "down" { <-release } }, '
        'func(d, r string) error { if d == "down" { got <- r }; return nil }, func() { close(release) }); '
        "return <-got }()",
    ),
    "signal_then_reads_factor": (
        block_copy("\tgo func() {", "\t}()\n", "factor"),
        "func() string { gate, got := make(chan struct{}), make(chan int, 1); "
        "{pkg}.Compute(5, gate, func(f int) { got <- f }); close(gate); return fmt.Sprint(<-got) }()",
    ),
    "done_value_reassigned": (
        block_copy("\tgo func() {", "\t}()\n", "mul"),
        "func() string { gate, got := make(chan struct{}), make(chan int, 1); "
        "{pkg}.Run(2, true, gate, func(m int) { got <- m }); close(gate); return fmt.Sprint(<-got) }()",
    ),
    "fan_in_range_len_other": (
        copy_before("\t\tgo func() {", "budget"),
        'fmt.Sprint({pkg}.Sum([]string{"ab", "cd", "replica-eu"}, []string{"ab", "cd"}, 7, '
        "func(p string, b int) int { return min(b, len(p)) }))",
    ),
    "fan_in_range_len_resliced": (
        copy_before("\t\tgo func() {", "budget"),
        'fmt.Sprint({pkg}.Sum([]string{"ab", "cd", "replica-eu"}, 2, 7, '
        "func(p string, b int) int { return min(b, len(p)) }))",
    ),
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
    "decline_sliced_to_any": (
        block_copy("\tgo func() {", "\t}()\n", "tok"),
        "fmt.Sprint({pkg}.Stamp(7))",
    ),
    "decline_late_address_before_receive": (
        block_copy("\tgo func() {", "\t}()\n", "r"),
        "fmt.Sprint({pkg}.Announce({pkg}.Round{N: 5}))",
    ),
    "decline_sliced_before_receive": (
        block_copy("\tgo func() {", "\t}()\n", "tok"),
        "fmt.Sprint({pkg}.Issue(7))",
    ),
    "decline_late_address_before_drain": (
        block_copy("\tgo func() {", "\t}()\n", "r"),
        "fmt.Sprint({pkg}.Drain({pkg}.Round{N: 5}))",
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


# case -> (the naive rewrite of its source, what go vet says of the mutant): the copy builds and
# behaves, but breaks the user's vet, which passes on the original.
VET = {
    "lock_value_copied": (
        block_copy("\t\t\tgo func() {", "\t\t\t}()\n", "s"),
        "assignment copies lock value to s: example.com/m/naive/lock_value_copied.Settings contains sync.Mutex",
    ),
    "lock_atomic_array": (
        block_copy("\t\tgo func() {", "\t\t}()\n", "shards"),
        "assignment copies lock value to shards",
    ),
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    """The rule's proposals for every case, by case name: one module, one compile."""
    cases = {name: code for name, (code, _) in {**FIXES, **DECLINES}.items()}
    return proposals_by_case(tmp_path_factory.mktemp("closure"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    """Every naive rewrite built, and run beside its original where it compiles."""
    return naive_mutants(tmp_path_factory.mktemp("closure-naive"), toolchain, DECLINES, NAIVE)


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in FIXES.items()], ids=list(FIXES))
def test_proposes(proposed, name, expected):
    (fix,) = [p for p in proposed[name] if isinstance(p, Fix)] or proposed[name]  # wg's own escape is declined
    assert isinstance(fix, Fix), fix
    assert expected in edited(FIXES[name][0], fix)


def test_the_factory_rewrite_is_unsafe_and_the_copies_safe(proposed):
    assert [p.safety for p in proposed["factory"]] == ["unsafe"]
    assert {p.safety for name in FIXES if name != "factory" for p in proposed[name] if isinstance(p, Fix)} == {"safe"}


@pytest.mark.parametrize(("name", "reason"), [(n, r) for n, (_, r) in DECLINES.items()], ids=list(DECLINES))
def test_declines(proposed, name, reason):
    assert_declines(proposed.get(name, []), reason)


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_rewrite_is_wrong(mutants, name):
    """What the decline prevents: the naive rewrite changes the probe's value, or does not compile."""
    assert_naive_is_wrong(mutants, DECLINES[name][0], NAIVE[name], name)


def test_a_tab_after_go_build_keeps_the_files_go121_loop_end_to_end(tmp_path):
    """`//go:build\tgo1.21` in a go 1.22 module: the compiler reads go1.21 (one i for the loop). A regex on
    `//go:build ` took the module's go1.22, and `fix` verified `i := i`, which hands each goroutine its own i
    (the naive mutant of tab_build_line prints 3 where the original prints 9)."""
    root = module(tmp_path, {"spawn.go": "//go:build\tgo1.21\n\npackage m\n" + SHARED_SPAWN})
    done = in_process("fix", "--dry-run", "-v", "--rule", "closure", "./...", cwd=root)
    assert done.returncode == 0 and done.stdout == "", done.stdout
    assert "i is a loop variable shared by all iterations" in done.stderr, done.stderr


@pytest.mark.parametrize("name", list(VET))
def test_the_naive_copy_of_a_lock_fails_vet(tmp_path, toolchain, name):
    """What the copylocks decline prevents: go vet passes on the original and fails on the copy."""
    rewrite, said = VET[name]
    source = DECLINES[name][0]
    root = module(tmp_path, {f"orig/{name}/{name}.go": source, f"naive/{name}/{name}.go": rewrite(source)})
    assert toolchain.run(["vet", "./orig/..."], str(root)).returncode == 0
    vetted = toolchain.run(["vet", "./naive/..."], str(root))
    assert said in vetted.stderr.decode(), vetted.stderr.decode()


def test_a_copy_that_shares_its_lock_keeps_vet_clean(tmp_path, toolchain, proposed):
    """A mutex behind a pointer is shared, not copied: the verified copy leaves vet passing."""
    (fix,) = [p for p in proposed["lock_behind_pointer"] if isinstance(p, Fix)]
    root = module(tmp_path, {"lock_behind_pointer/l.go": edited(FIXES["lock_behind_pointer"][0], fix)})
    vetted = toolchain.run(["vet", "./..."], str(root))
    assert vetted.returncode == 0, vetted.stderr.decode()


def test_a_helper_another_build_declares_again_is_not_followed(tmp_path):
    """parallelFor waits in this build; under the serialdebug tag it queues f for a later Flush, and
    the copy would give the queued calls the old scale: the rewrite must hold for every build."""
    root = module(
        tmp_path,
        {
            "par.go": '//go:build !serialdebug\n\npackage m\n\nimport "sync"\n\n'
            "func parallelFor(n int, f func(i int)) {\n\tvar wg sync.WaitGroup\n\tfor i := 0; i < n; i++ {\n"
            "\t\twg.Add(1)\n\t\tgo func() {\n\t\t\tdefer wg.Done()\n\t\t\tf(i)\n\t\t}()\n\t}\n\twg.Wait()\n}\n",
            "par_debug.go": "//go:build serialdebug\n\npackage m\n\nvar queue []func()\n\n"
            "func parallelFor(n int, f func(i int)) {\n\tfor i := 0; i < n; i++ {\n"
            "\t\tqueue = append(queue, func() { f(i) })\n\t}\n}\n",
            "run.go": 'package m\n\nimport "sync/atomic"\n\nvar Sum atomic.Int64\n\n'
            "func Run(n int) int {\n\tscale := 1\n\tparallelFor(n, func(i int) {\n"
            "\t\tSum.Add(int64(scale))\n\t})\n\tscale = 2\n\treturn scale\n}\n",
        },
    )
    found = proposals(root, RULE)["example.com/m"]
    assert not any(isinstance(p, Fix) for p in found), found
    assert any("another build compiles par_debug.go" in p.reason for p in found), [p.reason for p in found]


def test_a_helper_with_no_body_is_declined_not_a_crash(tmp_path):
    """A helper linked by go:linkname (its body elsewhere, an empty .s file beside it) cannot be read."""
    root = module(
        tmp_path,
        {
            "impl/impl.go": "package impl\n\n// Each runs f for 0..n-1 in the background.\n"
            "func Each(n int, f func(int)) {\n\tfor i := 0; i < n; i++ {\n\t\tgo f(i)\n\t}\n}\n",
            "each.s": "",
            "run.go": 'package m\n\nimport (\n\t_ "unsafe"\n\n\t_ "example.com/m/impl"\n)\n\n'
            "//go:linkname each example.com/m/impl.Each\nfunc each(n int, f func(int))\n\n"
            "func Run(out chan int) int {\n\tv := 1\n\teach(1, func(i int) { out <- v })\n\tv = 2\n\treturn v\n}\n",
        },
    )
    found = proposals(root, RULE)["example.com/m"]
    assert any("each has no body here" in p.reason for p in found if isinstance(p, Declined)), found

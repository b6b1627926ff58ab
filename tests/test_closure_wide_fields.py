"""closure and a variable wider than 128 bytes that func literals only read fields of (gorewrite/field_copies.py):
cmd/compile captures such a variable by reference, copy or not, so `cfg := cfg` cannot help, but a copy of each
field the literals read (`cfgHost := cfg.Host`) is captured by value, and the literals name the copies.

Tables as for conftest.case_suite (its cases' proposals and naive mutants under the pinned release): FIXES
(source, what the rewritten file must contain), DECLINES (source, the reason), NAIVE (the copies a careless rule
would insert, and a probe showing it changes what the code does or keeps the allocation), ALLOCS (the call
AllocsPerRun runs).
"""

from __future__ import annotations

import pytest
from conftest import case_suite, edited, module, only_fix, releases

from gorewrite import field_copies
from gorewrite.field_copies import FieldCopy
from gorewrite.rules import RULES

RULE = RULES["closure"]

FIXES = {
    "wide_notify_fields": (  # one goroutine per recipient reads three fields of a 144-byte config parameter
        """package wide_notify_fields

import (
	"fmt"
	"sync"
)

// SMTP is a mail relay's settings (144 bytes).
type SMTP struct {
	Host, From, User, Password, HelloName, ReplyTo, Domain string
	Port, Retries, TimeoutSec                              int
	TLS                                                    bool
}

// Notify renders one envelope per recipient, concurrently, from the relay's settings.
func Notify(cfg SMTP, to []string) []string {
	if cfg.Port == 0 {
		cfg.Port = 587
	}
	out := make([]string, len(to))
	var wg sync.WaitGroup
	for i, rcpt := range to {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = fmt.Sprintf("%s:%d from=%s to=%s", cfg.Host, cfg.Port, cfg.From, rcpt)
		}()
	}
	wg.Wait()
	return out
}
""",
        "\t\tcfgHost := cfg.Host // captured by value: keeps cfg off the heap\n"
        "\t\tcfgPort := cfg.Port // captured by value: keeps cfg off the heap\n"
        "\t\tcfgFrom := cfg.From // captured by value: keeps cfg off the heap\n",
    ),
    "wide_decorate_stream": (  # one goroutine reads two fields of a 144-byte options value until in closes
        """package wide_decorate_stream

// Options says how lines are decorated (144 bytes).
type Options struct {
	Prefix, Suffix, Sep, Quote, Escape, Indent, Comment, Newline string
	Width, Tab                                                  int
}

// Decorate sends every line of in to the channel it returns, with the prefix and suffix opts give.
func Decorate(opts Options, in <-chan string) <-chan string {
	if opts.Suffix == "" {
		opts.Suffix = ";"
	}
	out := make(chan string)
	go func() {
		defer close(out)
		for s := range in {
			out <- opts.Prefix + s + opts.Suffix
		}
	}()
	return out
}
""",
        "\toptsPrefix := opts.Prefix // captured by value: keeps opts off the heap\n"
        "\toptsSuffix := opts.Suffix // captured by value: keeps opts off the heap\n"
        "\tgo func() {\n\t\tdefer close(out)\n\t\tfor s := range in {\n\t\t\tout <- optsPrefix + s + optsSuffix\n",
    ),
    "wide_unicode_field_shadowed": (  # the literal declares the name the copy of cfg.Über would take
        """package wide_unicode_field_shadowed

import "sync"

// Sign says how a message is signed (144 bytes).
type Sign struct {
	Über, Key, Alg, Salt, Realm, Scope, Issuer string
	Rounds, Size, Version                      int
	Strict                                     bool
}

// Stamp reads cfg.Über before and after the goroutine declares its own cfgÜber.
func Stamp(cfg Sign) string {
	if cfg.Rounds == 0 {
		cfg.Rounds = 1
	}
	var out string
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		before := cfg.Über
		cfgÜber := "local"
		out = before + "/" + cfg.Über + "/" + cfgÜber
	}()
	wg.Wait()
	return out
}
""",
        "\tcfgÜber2 := cfg.Über // captured by value: keeps cfg off the heap\n",
    ),
    "wide_offsetof_stays": (  # unsafe.Offsetof(h.Seq) reads nothing and takes only a selector: it stays
        """package wide_offsetof_stays

import (
	"fmt"
	"unsafe"
)

// Header is a record's header (144 bytes).
type Header struct {
	Magic, Kind, Codec, Owner, Zone, Tag, Note, Sum string
	Seq, Len                                         int64
}

// Describe reports, from a goroutine, where the sequence number sits and the header's kind; done counts
// the reports sent, which Describe bumps once the goroutine has reported.
func Describe(h Header) string {
	if h.Kind == "" {
		h.Kind = "data"
	}
	done := 0
	out := make(chan string, 1)
	go func() {
		out <- fmt.Sprintf("seq@%d %s %d", unsafe.Offsetof(h.Seq), h.Kind, done)
	}()
	s := <-out
	done++
	return fmt.Sprint(s, done)
}
""",
        '\t\tout <- fmt.Sprintf("seq@%d %s %d", unsafe.Offsetof(h.Seq), hKind, done)\n',
    ),
}

DECLINES = {
    "decline_wide_field_written_later": (  # the goroutines read cfg.Prefix after the write that follows them
        """package decline_wide_field_written_later

import (
	"sort"
	"strings"
)

// Job says how items are labelled (144 bytes).
type Job struct {
	Prefix, Owner, Queue, Region, Zone, Class, Tag string
	Retries, Parallel, Priority                    int
	Urgent                                         bool
}

// Label starts one goroutine per item that waits for start, then labels the item with the job's prefix,
// which Label changes before it lets them go.
func Label(cfg Job, items []string) string {
	start := make(chan struct{})
	res := make(chan string, len(items))
	for _, it := range items {
		go func() {
			<-start
			res <- cfg.Prefix + it
		}()
	}
	cfg.Prefix = "late:"
	close(start)
	got := make([]string, 0, len(items))
	for range items {
		got = append(got, <-res)
	}
	sort.Strings(got)
	return strings.Join(got, " ")
}

// Run labels two items.
func Run() string {
	return Label(Job{Prefix: "early:"}, []string{"a", "b"})
}
""",
        "cfg is written by or after the go statement",
    ),
    "decline_wide_field_promoted_pointer": (  # cfg.Max is promoted through the embedded *Limits: read late
        """package decline_wide_field_promoted_pointer

import (
	"sort"
	"strconv"
	"strings"
)

// Limits are shared by every job of a tenant and may change while they run.
type Limits struct {
	Max int
}

// Job is one tenant's job (136 bytes).
type Job struct {
	*Limits
	Name, Owner, Queue, Region, Zone, Class, Tag string
	Retries, Priority                            int
}

// Cap starts one goroutine per item that waits for start, then caps the item at the tenant's limit, which
// Cap raises through the shared pointer before it lets them go.
func Cap(cfg Job, lim *Limits, items []int) string {
	start := make(chan struct{})
	res := make(chan string, len(items))
	for _, n := range items {
		go func() {
			<-start
			res <- strconv.Itoa(min(n, cfg.Max))
		}()
	}
	lim.Max = 100
	close(start)
	got := make([]string, 0, len(items))
	for range items {
		got = append(got, <-res)
	}
	sort.Strings(got)
	return strings.Join(got, " ")
}

// Run caps two items under a limit of 5, raised to 100.
func Run() string {
	lim := &Limits{Max: 5}
	return Cap(Job{Limits: lim}, lim, []int{7, 50})
}
""",
        "cfg.Max is no field stored in cfg",
    ),
    "decline_wide_value_passed": (  # the literal passes cfg itself: only a whole copy would do, and it is as wide
        """package decline_wide_value_passed

import "fmt"

// Target describes where a replica goes (136 bytes).
type Target struct {
	Scheme, Host, Bucket, Prefix, Region, Class, ACL string
	Retries, Parallel, Timeout                       int
}

func url(t Target, key string) string {
	return fmt.Sprintf("%s://%s/%s/%s%s", t.Scheme, t.Host, t.Bucket, t.Prefix, key)
}

// Mirror sends the URL of every key, one goroutine per key.
func Mirror(tmpl Target, keys []string) []string {
	if tmpl.Scheme == "" {
		tmpl.Scheme = "s3"
	}
	urls := make(chan string, len(keys))
	for _, k := range keys {
		go func() {
			urls <- url(tmpl, k)
		}()
	}
	got := make([]string, 0, len(keys))
	for range keys {
		got = append(got, <-urls)
	}
	return got
}
""",
        "the func literal uses tmpl itself, not only its fields",
    ),
    "decline_wide_nested_field": (  # the field the literal reads through is itself wider than 128 bytes
        """package decline_wide_nested_field

import "sync"

// TLS is a listener's certificate settings (136 bytes).
type TLS struct {
	CertFile, KeyFile, CAFile, ServerName, MinVersion, MaxVersion, Curves string
	Ciphers, Renegotiation, Tickets                                       int
}

// Listener is a listener's settings.
type Listener struct {
	Addr string
	TLS  TLS
}

// Describe gives each listener's address with the certificate file, one goroutine per name.
func Describe(l Listener, names []string) []string {
	if l.Addr == "" {
		l.Addr = ":443"
	}
	out := make([]string, len(names))
	var wg sync.WaitGroup
	for i, n := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = n + "@" + l.Addr + " " + l.TLS.CertFile
		}()
	}
	wg.Wait()
	return out
}
""",
        "l.TLS is 136 bytes too",
    ),
    "decline_wide_field_holds_lock": (  # the literal reads job.stats.retries: the copy of job.stats copies its mutex
        """package decline_wide_field_holds_lock

import (
	"fmt"
	"sync"
)

// Stats counts a job's retries under its own lock.
type Stats struct {
	mu      sync.Mutex
	retries int
}

// Job is a job's settings (144 bytes).
type Job struct {
	Name, Owner, Queue, Region, Zone, Class, Tag, Tier string
	stats                                              Stats
}

// Report labels the job's retries, one goroutine per label.
func Report(name string, labels []string) []string {
	var job Job
	job.Name = name
	out := make([]string, len(labels))
	var wg sync.WaitGroup
	for i, l := range labels {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = fmt.Sprint(l, job.Name, job.stats.retries)
		}()
	}
	wg.Wait()
	return out
}
""",
        "job.stats holds a lock (example.com/m/decline_wide_field_holds_lock.Stats contains sync.Mutex)",
    ),
    "decline_wide_fields_one_name": (  # v.id and v.Id would both be copied to vId
        """package decline_wide_fields_one_name

// Pair is a record under two ids (144 bytes).
type Pair struct {
	id, Id                 int
	A, B, C, D, E, F, G, H string
}

// Sum adds both ids in a goroutine.
func Sum(v Pair) int {
	if v.id == 0 {
		v.id = 1
	}
	done := make(chan int)
	go func() { done <- v.id + v.Id }()
	return <-done
}
""",
        "the copies of v.Id and another field would need the same name vId",
    ),
    "decline_wide_fields_shared_name": (  # a.bC and aB.c both make aBC: the inner copy shadows the outer one
        """package decline_wide_fields_shared_name

import (
	"sort"
	"strings"
)

// A is an account's settings (168 bytes).
type A struct {
	bC  string
	pad [19]int
}

// AB is the account's billing settings (168 bytes).
type AB struct {
	c   string
	pad [19]int
}

// Tags sends a tag per host, and one more for the billing host x.
func Tags(a A, aB AB, hosts []string) string {
	done := make(chan string, 2*len(hosts))
	n := 0
	for _, h := range hosts {
		n++
		go func() { done <- a.bC + "@" + h }()
		if h == "x" {
			n++
			go func() { done <- a.bC + "+" + aB.c }()
		}
	}
	var got []string
	for range n {
		got = append(got, <-done)
	}
	sort.Strings(got)
	return strings.Join(got, " ")
}

// Run tags host x.
func Run() string {
	return Tags(A{bC: "acct"}, AB{c: "bill"}, []string{"x"})
}
""",
        "another variable's field copies would take a name of a's (aBC) in the function",
    ),
}

NAIVE = {
    "decline_wide_field_written_later": (
        lambda source: source.replace("\t\tgo func() {", "\t\tcfgPrefix := cfg.Prefix\n\t\tgo func() {").replace(
            "res <- cfg.Prefix + it", "res <- cfgPrefix + it"
        ),
        "fmt.Sprint({pkg}.Run())",
    ),
    "decline_wide_field_promoted_pointer": (
        lambda source: source.replace("\t\tgo func() {", "\t\tcfgMax := cfg.Max\n\t\tgo func() {").replace(
            "min(n, cfg.Max)", "min(n, cfgMax)"
        ),
        "fmt.Sprint({pkg}.Run())",
    ),
    "decline_wide_value_passed": (  # the old naive rewrite: the copy is as wide, and moves to the heap
        lambda source: source.replace("\t\tgo func() {", "\t\ttmpl := tmpl\n\t\tgo func() {"),
        "moved to heap: tmpl",
    ),
    "decline_wide_nested_field": (  # a copy of l.TLS is as wide as l.TLS, and moves to the heap
        lambda source: source.replace("\t\tgo func() {", "\t\tlTLS := l.TLS\n\t\tgo func() {").replace(
            "l.TLS.CertFile", "lTLS.CertFile"
        ),
        "moved to heap: lTLS",
    ),
    "decline_wide_fields_one_name": (  # one name declared twice in one scope
        lambda source: source.replace(
            "\tgo func() { done <- v.id + v.Id }()", "\tvId := v.id\n\tvId := v.Id\n\tgo func() { done <- vId + vId }()"
        ),
        "no new variables on left side of :=",
    ),
    "decline_wide_fields_shared_name": (  # each copy named aBC: the second literal reads aB.c twice
        lambda source: source.replace(
            '\t\tgo func() { done <- a.bC + "@" + h }()',
            '\t\taBC := a.bC\n\t\tgo func() { done <- aBC + "@" + h }()',
        ).replace(
            '\t\t\tgo func() { done <- a.bC + "+" + aB.c }()',
            '\t\t\taBC := aB.c\n\t\t\tgo func() { done <- aBC + "+" + aBC }()',
        ),
        "fmt.Sprint({pkg}.Run())",
    ),
}

ALLOCS = {
    "wide_offsetof_stays": "{pkg}.Describe({pkg}.Header{Seq: 7})",
    "wide_unicode_field_shadowed": '{pkg}.Stamp({pkg}.Sign{Über: "u"})',
    "wide_notify_fields": (
        'strings.Join({pkg}.Notify({pkg}.SMTP{Host: "mx", From: "ops@x"}, []string{"a@x", "b@x"}), ",")'
    ),
    "wide_decorate_stream": (
        'func() string { in := make(chan string, 2); in <- "a"; in <- "b"; close(in); '
        'var b strings.Builder; for s := range {pkg}.Decorate({pkg}.Options{Prefix: "<"}, in) '
        "{ b.WriteString(s) }; return b.String() }()"
    ),
}

FIXES = {name: (*case, ALLOCS[name]) for name, case in FIXES.items()}  # the last entry: the call AllocsPerRun runs

globals().update(case_suite("wide", RULE, FIXES, DECLINES, NAIVE, pinned=True))


@pytest.mark.parametrize("name", list(FIXES))
def test_proposes(proposed, name):
    assert FIXES[name][1] in edited(FIXES[name][0], only_fix(proposed[name]))


def test_the_naive_copy_of_a_locked_field_fails_vet(tmp_path):
    """What the lock decline prevents: `jobStats := job.stats` builds and computes the same, but go vet, which passes on
    the original (it reads job.stats.retries in place), flags the copy."""
    name = "decline_wide_field_holds_lock"
    source = DECLINES[name][0]
    naive = source.replace("\t\tgo func() {", "\t\tjobStats := job.stats\n\t\tgo func() {").replace(
        "job.stats.retries", "jobStats.retries"
    )
    root = module(tmp_path, {f"orig/{name}/{name}.go": source, f"naive/{name}/{name}.go": naive})
    assert releases()[0].run(["vet", "./orig/..."], str(root)).returncode == 0
    vetted = releases()[0].run(["vet", "./naive/..."], str(root)).stderr.decode()
    assert "assignment copies lock value to jobStats" in vetted, vetted


def test_field_copies_clash_only_within_one_declaration():
    """`a.bC` and `aB.c` both make aBC: a clash in one function, none when each is in a function of its own."""
    a, ab = FieldCopy("bC", "aBC", ((1, 5),)), FieldCopy("c", "aBC", ((9, 13),))
    assert field_copies.clashing([(1, (0, 100), (a,)), (2, (0, 100), (ab,))]) == {1, 2}
    assert field_copies.clashing([(1, (0, 100), (a,)), (2, (101, 200), (ab,))]) == set()

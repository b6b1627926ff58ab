package glue

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
)

var sinkS string
var sinkI int64
var sinkB bool
var sinkF float64

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %.0f", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	raw := []byte("1234")
	allocs(t, "ScanMoney", func() { sinkI, _ = ScanMoney(raw) })
	allocs(t, "BindCents", func() { sinkI, _ = BindCents(42) })
	allocs(t, "ScanPair", func() { sinkS, _, _ = ScanPair("bob", "a,b") })
	allocs(t, "ValueOf", func() { v, _ := ValueOf(7); sinkB = v != nil })
	allocs(t, "Resolve", func() { sinkS = Resolve("acme", 7) })
	allocs(t, "LevelText", func() { sinkS = LevelText(1) })
	allocs(t, "ParseLevel", func() { sinkI = int64(ParseLevel("WARN")) })
	allocs(t, "Describe", func() { sinkS = Describe("acme", 7) })
	var buf bytes.Buffer
	args := []string{"a", "b"}
	allocs(t, "RunEcho", func() { buf.Reset(); _ = RunEcho(&buf, args) })
	allocs(t, "VersionHelp", func() { sinkS = VersionHelp("1.0") })
	allocs(t, "Retries", func() { sinkI = int64(Retries(3, "x")) })
	allocs(t, "ApplyPrefix", func() { sinkS = ApplyPrefix("x") })
	allocs(t, "Sum", func() { sinkF = Sum(1, 2) })
	allocs(t, "DescribeCounter", func() { sinkS = DescribeCounter(3) })
	allocs(t, "Step", func() { sinkF, _ = Step(1, 2, 3, 4) })
	allocs(t, "Label", func() { sinkS = Label(1, 2) })
	allocs(t, "Summarize", func() { sinkS = Summarize(1, 200) })
	allocs(t, "Route", func() { sinkS = Route(3) })
	allocs(t, "Drain", func() { sinkI = Drain("hello") })
	allocs(t, "Fast", func() { sinkB = Fast("x") })
	allocs(t, "Retryable", func() { sinkB = Retryable("dial") })
	allocs(t, "ReplyText", func() { sinkS = ReplyText(1, "k") })
}

func TestBehaviour(t *testing.T) {
	if c, err := ScanMoney([]byte("1234")); err != nil || c != 1234 {
		t.Fatal("ScanMoney", c, err)
	}
	if c, _ := BindCents(42); c != 42 {
		t.Fatal("BindCents", c)
	}
	if n, k, err := ScanPair("bob", "a,b,c"); n != "bob" || k != 3 || err != nil {
		t.Fatal("ScanPair", n, k, err)
	}
	if v, err := ValueOf(7); v != int64(7) || err != nil {
		t.Fatal("ValueOf", v, err)
	}
	if s := Resolve("acme", 7); s != "acme/7" {
		t.Fatal("Resolve", s)
	}
	if s := LevelText(1); s != "WARN" {
		t.Fatal("LevelText", s)
	}
	if l := ParseLevel("WARN"); l != 1 {
		t.Fatal("ParseLevel", l)
	}
	if s := Describe("acme", 7); s != "user=acme:7" {
		t.Fatal("Describe", s)
	}
	var buf bytes.Buffer
	if err := RunEcho(&buf, nil); err == nil {
		t.Fatal("RunEcho validates")
	}
	if err := RunEcho(&buf, []string{"a", "b"}); err != nil || buf.String() != "a b\n" {
		t.Fatal("RunEcho", buf.String())
	}
	if s := VersionHelp("1"); s != "print the version" {
		t.Fatal("VersionHelp", s)
	}
	if n := Retries(3, "ab"); n != 5 {
		t.Fatal("Retries", n)
	}
	if s := ApplyPrefix("p"); s != "p" {
		t.Fatal("ApplyPrefix", s)
	}
	if s := Sum(1, 2); s != 3 {
		t.Fatal("Sum", s)
	}
	if s := DescribeCounter(1); s != "counter errors: errors seen" {
		t.Fatal("DescribeCounter", s)
	}
	if x, y := Step(1, 2, 3, 4); x != 4 || y != 6 {
		t.Fatal("Step", x, y)
	}
	if s := Label(1, 2); s != "(1.0,2.0)" {
		t.Fatal("Label", s)
	}
	if s := Summarize(1, 200); s != "order 1 200" {
		t.Fatal("Summarize", s)
	}
	if s := Route(3); s != "orders.3" {
		t.Fatal("Route", s)
	}
	if n := Drain("hello"); n != 5 {
		t.Fatal("Drain", n)
	}
	if !Fast("x") {
		t.Fatal("Fast")
	}
	if !Retryable("dial") {
		t.Fatal("Retryable")
	}
	if s := ReplyText(1, "k"); s != "k not found" {
		t.Fatal("ReplyText", s)
	}
	if k, ok := Missing(fmt.Errorf("wrap: %w", &notFound{key: "z"})); !ok || k != "z" {
		t.Fatal("Missing")
	}
	done := make(chan string, 1)
	lvl := StartAsync(done)
	_ = lvl
	if s := <-done; s != "INFO" && s != "WARN" {
		t.Fatal("StartAsync", s)
	}
	var q QueryLog
	LogInsert(&q, 1, "x")
	if len(q.entries) != 1 {
		t.Fatal("LogInsert")
	}
	if n := CountLeaves("h", 80); n != 3 {
		t.Fatal("CountLeaves", n)
	}
	if s := Pairs("a", 1, "b", "x"); s != "a=1 b=x " {
		t.Fatal("Pairs", s)
	}
	if !strings.Contains(FormatArg(int64(3)), "3") {
		t.Fatal("FormatArg")
	}
	if err := AuditTo(&buf, "m"); err != nil {
		t.Fatal(err)
	}
	_ = errors.New
}

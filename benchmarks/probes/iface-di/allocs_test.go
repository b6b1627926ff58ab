package di

import (
	"context"
	"testing"
	"time"
)

var (
	sinkS string
	sinkI int
	sinkB bool
	sinkD time.Duration
	sinkT time.Time
	sinkU uint64
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %.0f", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	allocs(t, "Expiry", func() { sinkT = Expiry(time.Second) })
	allocs(t, "Stamp", func() { sinkS = Stamp(time.Second) })
	allocs(t, "Greet", func() { sinkS = Greet("bob") })
	allocs(t, "Wire", func() { sinkS = Wire("bob") })
	allocs(t, "SendRequest", func() { sinkI = SendRequest("GET /") })
	allocs(t, "Arm", func() { sinkB = Arm(time.Second) })
	allocs(t, "Probe", func() { a, b := Probe("x"); sinkB = a && b })
	allocs(t, "Stream", func() { sinkI = Stream([]string{"a", "b"}) })
	allocs(t, "CanHijack", func() { sinkB = CanHijack() })
	allocs(t, "Status", func() { sinkI = Status(201) })
	allocs(t, "CopyBody", func() { sinkI = CopyBody("hello") })
	allocs(t, "TraceID", func() { sinkS = TraceID(7) })
	allocs(t, "Classify", func() { sinkS = Classify(time.Second) })
	allocs(t, "Unwrapped", func() { sinkS = Unwrapped("read") })
	allocs(t, "FixedBackoff", func() { sinkD = FixedBackoff(3) })
	allocs(t, "Describe", func() { sinkS = Describe("dial") })
	allocs(t, "Tee", func() { sinkI = Tee("hello") })
	allocs(t, "Emit", func() { sinkI = Emit([]string{"a", "b"}) })
	allocs(t, "Valid", func() { sinkB = Valid("abc") })
	allocs(t, "Shortest", func() { sinkS = Shortest([]string{"ccc", "a", "bb"}) })
}

func TestBehaviour(t *testing.T) {
	if got := Expiry(time.Hour); !got.Equal(epoch.Add(time.Hour)) {
		t.Fatal(got)
	}
	if got := Stamp(time.Second); got != "1s" {
		t.Fatal(got)
	}
	if got := Greet("bob"); got != "Hello, bob" {
		t.Fatal(got)
	}
	if got := Wire("bob"); got != "Hi, bob @2024" {
		t.Fatal(got)
	}
	if got := SendRequest("GET /"); got != 5 {
		t.Fatal(got)
	}
	if !Arm(time.Second) {
		t.Fatal("Arm")
	}
	if a, b := Probe("x"); !a || !b {
		t.Fatal("Probe")
	}
	if got := Stream([]string{"a", "b"}); got != 2 {
		t.Fatal(got)
	}
	if CanHijack() {
		t.Fatal("CanHijack")
	}
	if got := Status(201); got != 201 {
		t.Fatal(got)
	}
	if got := CopyBody("hello"); got != 5 {
		t.Fatal(got)
	}
	if got := TraceID(7); got != "svc#7" {
		t.Fatal(got)
	}
	if got := WithUser(1); got != "ann" {
		t.Fatal(got)
	}
	if got := UserName(context.Background()); got != "anonymous" {
		t.Fatal(got)
	}
	if got := Classify(time.Second); got != "timeout" {
		t.Fatal(got)
	}
	if !Wrapped("dial") {
		t.Fatal("Wrapped")
	}
	if got := Unwrapped("read"); got != "unexpected EOF" {
		t.Fatal(got)
	}
	if got := FixedBackoff(3); got != 15*time.Millisecond {
		t.Fatal(got)
	}
	if got := Backoff("exp", 3); got != 7*time.Millisecond {
		t.Fatal(got)
	}
	if got := Describe("dial"); got != "eof dial timeout after 2s" {
		t.Fatal(got)
	}
	if got := Tee("hello"); got != 10 {
		t.Fatal(got)
	}
	if got := Emit([]string{"a", "b"}); got != 2 {
		t.Fatal(got)
	}
	if got := WriteAll([]string{"a", "b"}); got != 2 {
		t.Fatal(got)
	}
	if !Valid("abc") || Valid("") || ValidAll("é") {
		t.Fatal("Valid")
	}
	if got := Shortest([]string{"ccc", "a", "bb"}); got != "a" {
		t.Fatal(got)
	}
	if got := Smallest([]int{5, 1, 3}, 2); got != 4 {
		t.Fatal(got)
	}
	if Checksum("fnv", "x") == 0 || Fnv("x") == 0 {
		t.Fatal("hash")
	}
	if got := Exchange("ab"); got != 2 {
		t.Fatal(got)
	}
	if got := Resolve(NewContainer(), "x"); got != "X, x" {
		t.Fatal(got)
	}
	if got := Upper([]string{"bb", "a"}, true); got[0] != "A" {
		t.Fatal(got)
	}
	if d := Elapsed(true, func() {}); d != 0 {
		t.Fatal(d)
	}
	_ = NewContainer().Clock()
}

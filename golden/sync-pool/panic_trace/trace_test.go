package trace

import (
	"net/http/httptest"
	"strings"
	"testing"
)

func TestDecorate(t *testing.T) {
	long := "example.com/" + strings.Repeat("deep/", 200) + "pkg.Handler(0x1, 0x2)"
	if got := Decorate(long, true); got != "    \x1b[33mexample.com/"+strings.Repeat("deep/", 200)+"pkg.Handler\x1b[0m(0x1, 0x2)\n" {
		t.Fatalf("Decorate = %q", got)
	}
	// a second, shorter call after a long one: a pooled buffer shows nothing of the first
	if got := Decorate("main.main()", false); got != "    main.main()\n" {
		t.Fatalf("a second Decorate = %q", got)
	}
}

func TestTee(t *testing.T) {
	rec := httptest.NewRecorder()
	var log strings.Builder
	Tee(rec, &log).Write([]byte("hello"))
	if rec.Body.String() != "hello" || log.String() != "hello" {
		t.Fatalf("client %q, log %q", rec.Body.String(), log.String())
	}
}

func TestAllocsPerRun(t *testing.T) {
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() { Decorate("main.main()", true) }))
}

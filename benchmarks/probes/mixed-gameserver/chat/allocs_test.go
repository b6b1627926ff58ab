package chat

import (
	"io"
	"strings"
	"testing"
	"time"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestChat(t *testing.T) {
	at := time.Date(2026, 1, 2, 15, 4, 5, 0, time.UTC)
	l := Line{At: at, From: "ann", Team: 2, Text: "gg"}
	if got := Format(l); got != "[15:04] <ann#2> gg" {
		t.Fatal(got)
	}
	var sb strings.Builder
	if err := Send(&sb, l); err != nil || !strings.HasSuffix(sb.String(), "|ann|2|gg\n") {
		t.Fatal(sb.String())
	}
	if err := History(io.Discard, []Line{l, l}); err != nil {
		t.Fatal(err)
	}
	if got := Truncate(strings.Repeat("é", 200)); len([]rune(got)) != 120 {
		t.Fatal(len(got))
	}
	if got := Mask("You NOOB noob", []string{"noob"}); got != "You **** ****" {
		t.Fatal(got)
	}
	if !Shout("WHY IS THIS SO HARD") || Shout("why is this hard") {
		t.Fatal("shout")
	}
	var g Log
	g.Add(l)
	if g.String() != "ann: gg\n" {
		t.Fatal(g.String())
	}
	if err := Kill(&sb, "ann", "bob", "rail", true); err != nil {
		t.Fatal(err)
	}
	lines := []Line{l, l, l}
	allocs(t, "Send", func() { Send(io.Discard, l) })
	allocs(t, "History", func() { History(io.Discard, lines) })
	allocs(t, "Shout", func() { Shout("WHY IS THIS SO HARD") })
	allocs(t, "Kill", func() { Kill(io.Discard, "ann", "bob", "rail", true) })
	allocs(t, "Format", func() { Format(l) })
}

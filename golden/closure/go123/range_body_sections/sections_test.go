package sections

import (
	"iter"
	"testing"
)

type lines []string

func (ls lines) Lines() iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, l := range ls {
			if !yield(l) {
				return
			}
		}
	}
}

func TestBehaviour(t *testing.T) {
	got := Render([]Source{lines{"WARN a", "INFO b"}, lines{"WARN c"}}, []string{"api", "db"}, "WARN", "")
	if want := "api:\n  WARN a\n  db:\n    WARN c\n"; got != want {
		t.Fatalf("%q", got)
	}
}

func TestAllocs(t *testing.T) {
	srcs := []Source{lines{"WARN a", "INFO b"}, lines{"WARN c"}}
	names := []string{"api", "db"}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Render(srcs, names, "WARN", "") }))
}

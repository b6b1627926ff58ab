package budget

import (
	"fmt"
	"testing"
)

func exec(q string, budget int) Result { return Result{Rows: budget, Cost: len(q)} }

func TestBehaviour(t *testing.T) {
	got := Run([]string{"abc", "de", "fghij", "k"}, 8, exec)
	if fmt.Sprint(got) != "[{8 3} {5 2} {3 5}]" {
		t.Fatal(got)
	}
}

func TestAllocs(t *testing.T) {
	queries := []string{"a", "b", "c"}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Run(queries, 10, exec) }))
}

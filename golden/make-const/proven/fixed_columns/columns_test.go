package columns

import (
	"strings"
	"testing"
)

func TestBehaviour(t *testing.T) {
	col := func(s string) string { return s + strings.Repeat(" ", colWidth-len(s)) }
	if got := Filled(col("alpha") + col("") + col("n/a") + "tail"); got != 2 {
		t.Fatalf("Filled = %d, want 2", got)
	}
	if Filled("") != 0 || Filled(strings.Repeat("x", 10*colWidth+3)) != 11 {
		t.Fatal("columns counted wrong")
	}
}

func TestAllocs(t *testing.T) {
	line := strings.Repeat("value ", 6) + "ok" // one column of 38 bytes: above go1.25+'s 32-byte buffer
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Filled(line) }))
}

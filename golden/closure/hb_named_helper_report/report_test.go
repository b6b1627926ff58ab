package report

import (
	"fmt"
	"testing"
	"time"
)

var samples = []Sample{{"api", []time.Duration{2 * time.Second, 4 * time.Second}}, {"db", nil}}

func TestBehaviour(t *testing.T) {
	lines, unit := Lines(samples, time.Second)
	if got := fmt.Sprint(lines, unit); got != "[api 3 db -] 1ms" {
		t.Fatalf("Lines = %s", got)
	}
}

func TestAllocs(t *testing.T) {
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Lines(samples, time.Second) }))
}

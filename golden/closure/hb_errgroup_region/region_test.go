package region

import (
	"fmt"
	"testing"
)

func lookup(name string) (string, error) { return fmt.Sprint(len(name)), nil }

func TestBehaviour(t *testing.T) {
	out, err := Resolve([]string{"eu", "asia"}, []string{"db", "cache"}, lookup)
	if got := fmt.Sprint(out, err); got != "[[17 20] [19 22]] <nil>" {
		t.Fatal(got)
	}
}

func TestAllocs(t *testing.T) {
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Resolve([]string{"eu", "us"}, []string{"db", "cache"}, lookup) }))
}

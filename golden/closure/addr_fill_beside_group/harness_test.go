package harness

import (
	"context"
	"fmt"
	"testing"
)

func one(context.Context) int { return 1 }

func TestBehaviour(t *testing.T) {
	got := Run(context.Background(), []func(context.Context) int{one, one}, Config{Repeat: 3})
	if s := fmt.Sprint(got, Repeat(context.Background(), one, 4)); s != "[3 3] 4" {
		t.Fatal(s)
	}
}

func TestAllocs(t *testing.T) {
	cases := []func(context.Context) int{one, one}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Run(context.Background(), cases, Config{}) }))
}

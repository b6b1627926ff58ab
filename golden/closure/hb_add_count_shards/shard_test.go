package shard

import (
	"fmt"
	"testing"
)

func TestBehaviour(t *testing.T) {
	total, unscaled := Sum([]int{1, 2, 3, 4, 5, 6, 7}, 3, 10)
	if got := fmt.Sprint(total, unscaled); got != "280 28" {
		t.Fatal(got)
	}
}

func TestAllocs(t *testing.T) {
	xs := []int{1, 2, 3, 4, 5, 6, 7, 8}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Sum(xs, 4, 2) }))
}

package scrape

import (
	"fmt"
	"testing"
	"time"
)

func TestBehaviour(t *testing.T) {
	now := time.Unix(1000, 0)
	pts := []Point{{now, 1}, {now.Add(time.Second), 2}, {now.Add(2 * time.Second), 3}}
	got, wm := Since(pts, now, Config{Workers: 2})
	if fmt.Sprint(got, wm.Sub(now)) != "[2 1] 2s" {
		t.Fatal(got, wm)
	}
}

func TestAllocs(t *testing.T) {
	now := time.Unix(1000, 0)
	pts := []Point{{now, 1}, {now.Add(time.Second), 2}, {now.Add(2 * time.Second), 3}}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Since(pts, now, Config{Workers: 2}) }))
}

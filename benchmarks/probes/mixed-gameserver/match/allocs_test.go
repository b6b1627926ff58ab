package match

import (
	"testing"
	"time"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func fill(p *Pool, n int, now time.Time) {
	for i := 0; i < n; i++ {
		region := "eu"
		if i%3 == 0 {
			region = "us"
		}
		_ = p.Enqueue(Ticket{Player: string(rune('a' + i)), Rating: 1000 + 10*i, Region: region, Since: now})
	}
}

func TestMatch(t *testing.T) {
	now := time.Now()
	var p Pool
	fill(&p, 10, now)
	m, ok := p.Form(Rules{}, now)
	if !ok || len(m.Teams[0]) != 4 || p.Len() != 2 {
		t.Fatal(m, ok, p.Len())
	}
	if d := Balance([]int{1, 2, 3, 4, 5, 6, 7, 8, 9}); d != 0 {
		t.Fatal(d)
	}
	pools := []*Pool{{}, {}}
	fill(pools[0], 9, now)
	fill(pools[1], 16, now)
	counts, _ := ByRegion(pools, Rules{})
	if counts["us"] != 9 {
		t.Fatal(counts)
	}
	ms, next := Sweep(pools, Rules{}, now)
	if len(ms) != 3 || next.Spread != 150 {
		t.Fatal(len(ms), next)
	}
	if n := pools[1].Expire(now.Add(time.Hour), time.Minute); n != 0 {
		t.Fatal(n)
	}
	ratings := []int{1200, 1100, 1000, 900, 1300, 1250, 1050, 980}
	allocs(t, "Balance", func() { Balance(ratings) })
	allocs(t, "ByRegion", func() { ByRegion(pools, Rules{}) })
	allocs(t, "Sweep", func() { Sweep(pools, Rules{}, now) })
}

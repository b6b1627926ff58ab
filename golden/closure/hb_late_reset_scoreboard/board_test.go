package board

import (
	"sort"
	"strings"
	"sync"
	"testing"
)

func TestBehaviour(t *testing.T) {
	var mu sync.Mutex
	var got []string
	next := EndRound([]string{"ann", "bob"}, Board{Round: 3, Kills: 7, Flags: 1}, func(p, line string) {
		mu.Lock()
		got = append(got, p+" "+line)
		mu.Unlock()
	})
	sort.Strings(got)
	want := "ann round 3: 7 kills, 1 flags|bob round 3: 7 kills, 1 flags"
	if strings.Join(got, "|") != want || next != (Board{Round: 4}) {
		t.Fatal(got, next)
	}
}

func TestAllocs(t *testing.T) {
	players := []string{"ann", "bob", "cyd"}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { EndRound(players, Board{Round: 1}, func(string, string) {}) }))
}

package bulk

import (
	"fmt"
	"sort"
	"sync"
	"testing"
)

func TestBehaviour(t *testing.T) {
	var mu sync.Mutex
	var got []string
	send := func(id, doc string) {
		mu.Lock()
		got = append(got, id+"="+doc)
		mu.Unlock()
	}
	gen := Index([]string{"a", "b", "c", "d", "e"}, 2, send)
	sort.Strings(got)
	if s := fmt.Sprint(gen, got); s != "3 [1-0=a 1-1=b 2-2=c 2-3=d 3-4=e]" {
		t.Fatal(s)
	}
}

func TestAllocs(t *testing.T) {
	docs := []string{"a", "b", "c", "d"}
	send := func(id, doc string) {}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Index(docs, 2, send) }))
}

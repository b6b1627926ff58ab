package gather

import (
	"context"
	"fmt"
	"sync"
	"testing"
)

var pages = map[string][2][]string{
	"":   {{"a", "bb"}, {"p2"}},
	"p2": {{"ccc"}, {""}},
}

func list(cursor string) ([]string, string) { p := pages[cursor]; return p[0], p[1][0] }

func TestBehaviour(t *testing.T) {
	var mu sync.Mutex
	seen := map[string]string{}
	fetch := func(ctx context.Context, snapshot, key string) (int, error) {
		mu.Lock()
		seen[key] = snapshot
		mu.Unlock()
		return len(key), nil
	}
	total, err := Gather(context.Background(), list, fetch)
	if got := fmt.Sprint(total, err, seen); got != "6 <nil> map[a: bb: ccc:p2]" {
		t.Fatal(got)
	}
}

func TestAllocs(t *testing.T) {
	fetch := func(ctx context.Context, snapshot, key string) (int, error) { return len(key), nil }
	ctx := context.Background()
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Gather(ctx, list, fetch) }))
}

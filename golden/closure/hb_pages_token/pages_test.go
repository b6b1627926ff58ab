package pages

import (
	"fmt"
	"testing"
)

func fetch(token string) ([]Item, string, error) {
	switch token {
	case "":
		return []Item{{"a"}, {"b"}}, "p2", nil
	case "p2":
		return []Item{{"c"}}, "p3", nil
	case "p3":
		return []Item{{"d"}}, "", nil
	}
	return nil, "", fmt.Errorf("bad token %q", token)
}

func TestBehaviour(t *testing.T) {
	items, err := All(fetch)
	if got := fmt.Sprint(items, err); got != "[{a} {b} {c} {d}] <nil>" {
		t.Fatal(got)
	}
}

func TestAllocs(t *testing.T) {
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { All(fetch) }))
}

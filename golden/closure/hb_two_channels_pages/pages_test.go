package pages

import (
	"errors"
	"fmt"
	"testing"
)

func TestBehaviour(t *testing.T) {
	var sizes []int
	fetch := func(id, size int) (Page, error) {
		sizes = append(sizes, size)
		if id < 0 {
			return Page{}, errors.New("no such page")
		}
		return Page{ID: id, Items: []string{fmt.Sprint(size)}}, nil
	}
	loaded, failed := Load([]int{1, -1, 2}, 20, fetch)
	if got := fmt.Sprint(loaded, failed, sizes); got != "[{1 [20]} {2 [40]}] 1 [20 30 40]" {
		t.Fatal(got)
	}
}

func TestAllocs(t *testing.T) {
	fetch := func(id, size int) (Page, error) { return Page{ID: id}, nil }
	ids := []int{1, 2, 3}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { _, _ = Load(ids, 20, fetch) }))
}

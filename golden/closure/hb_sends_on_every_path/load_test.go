package loader

import (
	"errors"
	"fmt"
	"testing"
)

func TestBehaviour(t *testing.T) {
	var seen []int
	fetch := func(name string, limit int) ([]byte, error) {
		seen = append(seen, limit)
		if limit < 40 {
			return nil, ErrTooLarge
		}
		return []byte(name), nil
	}
	doc, err := Load("cfg", 5, 10, fetch)
	if got := fmt.Sprint(string(doc), err, seen); got != "cfg<nil> [10 20 40]" {
		t.Fatal(got)
	}
	empty := func(string, int) ([]byte, error) { return nil, nil }
	if _, err := Load("cfg", 2, 10, empty); err == nil || err.Error() != "empty document" {
		t.Fatal(err)
	}
	seen = nil
	if _, err := Load("cfg", 2, 1, fetch); !errors.Is(err, ErrTooLarge) || fmt.Sprint(seen) != "[1 2]" {
		t.Fatal(err, seen)
	}
}

func TestAllocs(t *testing.T) {
	doc := []byte("x")
	fetch := func(string, int) ([]byte, error) { return doc, nil }
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { _, _ = Load("cfg", 1, 8, fetch) }))
}

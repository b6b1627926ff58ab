package goban

import "testing"

func TestBehaviour(t *testing.T) {
	b, err := New(19)
	if err != nil {
		t.Fatal(err)
	}
	b.Play(3, 3, 1)
	b.Play(4, 3, 1)
	b.Play(4, 4, 1)
	b.Play(18, 3, 1)
	if n := b.Group(3*19 + 3); n != 3 {
		t.Fatal("group", n)
	}
	if n := b.Group(3*19 + 18); n != 1 {
		t.Fatal("edge group", n)
	}
	if _, err := New(21); err == nil {
		t.Fatal("a 21×21 board")
	}
}

func TestAllocs(t *testing.T) {
	b, _ := New(19)
	b.Play(3, 3, 1)
	b.Play(4, 3, 1)
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { b.Group(3*19 + 3) }))
}

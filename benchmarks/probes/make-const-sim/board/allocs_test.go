package board

import "testing"

func TestAllocs(t *testing.T) {
	var p Position
	p.side = 1
	p.sq[0], p.sq[4], p.sq[60] = 4, 6, -6
	if n := p.Mobility(); n == 0 {
		t.Fatal("Mobility")
	}
	allocs(t, "Mobility", func() { p.Mobility() })
	var vals [64]int
	for i := range vals {
		vals[i] = i
	}
	if s := SEE(0xff00ff, &vals); s < 0 {
		t.Fatal("SEE", s)
	}
	allocs(t, "SEE", func() { SEE(0xff00ff00ff, &vals) })
	p.Mirror()
	if p.sq[56] != -4 {
		t.Fatal("Mirror", p.sq)
	}
	allocs(t, "Mirror", func() { p.Mirror() })
	g, _ := NewGoban(19)
	g.Play(3, 3, 1)
	g.Play(4, 3, 1)
	if n := g.Liberties(3*19 + 3); n != 6 {
		t.Fatal("Liberties", n)
	}
	allocs(t, "Liberties", func() { g.Liberties(3*19 + 3) })
	if n := g.Captured(3*19 + 3); n != 2 {
		t.Fatal("Captured", n)
	}
	allocs(t, "Captured", func() { g.Captured(3*19 + 3) })
	if g.RowKey(3) == g.RowKey(4) {
		t.Fatal("RowKey")
	}
	allocs(t, "RowKey", func() { g.RowKey(3) })
	allocs(t, "Territory", func() { g.Territory(1) })
	if s, err := Replay("4453321"); s != 7 || err != nil {
		t.Fatal("Replay", s, err)
	}
	allocs(t, "Replay", func() { Replay("445332144533214453321445332144") })
	var b C4
	b.Drop(3, 1)
	b.Drop(3, 2)
	if v := b.Column(3, 9); v != 405 {
		t.Fatal("Column", v)
	}
	allocs(t, "Column", func() { b.Column(3, 9) })
	if b.Order() != 3 {
		t.Fatal("Order")
	}
	allocs(t, "Order", func() { b.Order() })
}

package book

import "testing"

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func sample() *Book {
	return &Book{Symbol: "ACME",
		Bids: []Level{{1010, 5}, {1005, 7}, {1000, 9}},
		Asks: []Level{{1015, 4}, {1020, 6}}}
}

func TestAllocs(t *testing.T) {
	b := sample()
	b.Apply(Delta{Bid: true, Price: 1008, Qty: 3})
	b.Apply(Delta{Bid: false, Price: 1015, Qty: 0})
	if b.Bids[1].Price != 1008 || b.Asks[0].Price != 1020 {
		t.Fatal(b.Bids, b.Asks)
	}
	b = sample()
	if d := b.Depth(2); d != 5+7+4+6 {
		t.Fatal(d)
	}
	allocs(t, "Depth", func() { b.Depth(2) })
	if m := b.Mid(3); m != (1010+1015)/2 {
		t.Fatal(m)
	}
	allocs(t, "Mid", func() { b.Mid(3) })
	if p := b.TopPrices(2); len(p) != 2 || p[1] != 1005 {
		t.Fatal(p)
	}
	s := b.Snap()
	if s.NBids != 3 || s.Asks[1].Price != 1020 {
		t.Fatal(s)
	}
	st := NewStore()
	n := st.ApplyAll(map[string][]Delta{"A": {{Bid: true, Price: 1, Qty: 1}}, "B": {{Price: 2, Qty: 1}, {Price: 3, Qty: 1}}})
	if n != 3 {
		t.Fatal(n)
	}
	snaps := st.Snapshots([]string{"A", "B", "C"})
	if len(snaps) != 3 || snaps[1].NAsks != 2 || snaps[0].NBids != 1 {
		t.Fatal(snaps)
	}
	syms := []string{"A", "B"}
	allocs(t, "Snapshots", func() { st.Snapshots(syms) })
}

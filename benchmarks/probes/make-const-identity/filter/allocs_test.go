package filter

import "testing"

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	b, _ := NewBloom(1000, 0.01)
	key := []byte("hunter2")
	b.Add(key)
	allocs(t, "Bloom.Add", func() { b.Add(key) })
	allocs(t, "Bloom.Has", func() { b.Has(key) })
	c, _ := NewCuckoo(64, 12)
	c.Insert(key)
	allocs(t, "Cuckoo.Export", func() { c.Export(0) })
}

func TestFilters(t *testing.T) {
	b, err := NewBloom(100, 0.001)
	if err != nil || b.k != 10 {
		t.Fatal(b.k, err)
	}
	b.Add([]byte("a"))
	if !b.Has([]byte("a")) || b.Has([]byte("zzz")) {
		t.Fatal("bloom")
	}
	c, _ := NewCuckoo(8, 16)
	for i := 0; i < 20; i++ {
		c.Insert([]byte{byte(i)})
	}
	if !c.Has([]byte{3}) || c.Has([]byte("nope")) {
		t.Fatal("cuckoo")
	}
	total := 0
	for i := range 8 {
		total += c.Export(i)
	}
	if total == 0 {
		t.Fatal("export")
	}
}

package records

import "testing"

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	tag := append([]byte{64}, make([]byte, 64)...)
	allocs(t, "TagConst", func() { _, _ = TagConst(tag) })
	allocs(t, "Tag", func() { _, _ = Tag(tag) })
	lab := make([]byte, 1+4*16)
	lab[0] = 16
	allocs(t, "LabelHash", func() { _, _ = LabelHash(lab) })
	allocs(t, "LabelSlots", func() { _, _ = LabelSlots(32) })
	big := make([]byte, 5000)
	allocs(t, "Value", func() { Value(big) })
	allocs(t, "MetricName", func() { MetricName(big[:100]) })
	allocs(t, "Chunks", func() { Chunks(big[:300]) })
	allocs(t, "Probe", func() { _, _ = Probe([]byte{3, 'a', 'b', 'c'}) })
}

func TestValues(t *testing.T) {
	if primed != 3 {
		t.Fatal(primed)
	}
	if s := MetricName([]byte("http_requests_total")); s != "http_requests_total" {
		t.Fatal(s)
	}
	if _, err := Tag(append([]byte{65}, make([]byte, 65)...)); err != errLong {
		t.Fatal(err)
	}
}

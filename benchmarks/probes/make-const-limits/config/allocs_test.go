package config

import "testing"

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	c := &Config{Name: "ingest", MaxBatch: 512, Workers: 8, Prefix: "tenant-42/ingest/", Retries: 3}
	src := make([]uint64, 600)
	allocs(t, "BatchIDs", func() { _, _ = BatchIDs(c, src) })
	allocs(t, "WorkerSlots", func() { _, _ = WorkerSlots(c) })
	allocs(t, "PrefixKey", func() { _, _ = PrefixKey(c, "k") })
	allocs(t, "DepthStack", func() { _, _ = DepthStack(Limits{Depth: 16, Width: 2}) })
	path := make([]int, 30)
	allocs(t, "PathSum", func() { _, _ = PathSum(path, 24) })
	allocs(t, "PathLimit", func() { PathLimit(path) })
}

func TestValues(t *testing.T) {
	c := &Config{MaxBatch: 300}
	if _, err := PipelinedIDs(c, nil); err != nil || c.MaxBatch != 600 {
		t.Fatal(c.MaxBatch, err)
	}
	d := &Config{MaxBatch: 100, Workers: 1}
	if n, err := Tuned(d, d, make([]uint64, 5000)); err != nil || n != 4096 {
		t.Fatal(n, err)
	}
	d.MaxBatch = 100
	if n, err := Retuned(d, func(c *Config) { c.MaxBatch = 2000 }, make([]uint64, 5000)); err != nil || n != 2000 {
		t.Fatal(n, err)
	}
	e := &Config{MaxBatch: 10, Workers: 1}
	if n, err := Snapshot(e, func() { e.MaxBatch = 1000 }, make([]uint64, 5000)); err != nil || n != 1000 {
		t.Fatal(n, err)
	}
}

package keypath

import "testing"

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	key := "alpha/beta/gamma/delta/epsilon/zeta/eta/theta"
	allocs(t, "Depth", func() { Depth(key) })
	allocs(t, "Join", func() { Join("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta") })
	allocs(t, "Parent", func() { Parent(key) })
	allocs(t, "Lower", func() { Lower("ALPHA/BETA/GAMMA/DELTA/EPSILON/ZETA") })
	allocs(t, "Prefixes", func() { Prefixes(key) })
	allocs(t, "Label", func() { Label("ExampleLabelThatIsLongerThanThirtyTwoBytes") })
}

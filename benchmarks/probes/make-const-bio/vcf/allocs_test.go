package vcf

import "testing"

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	line := "chr1\t12345\trs1\tA\tG,T\t50.5\tPASS\tDP=10;AF=0.5\tGT:AD\t0/1:5,5"
	allocs(t, "Fields", func() { _, _ = Fields(line, 10) })
	allocs(t, "Alleles", func() { _ = Alleles("G,T,C,GA,TT") })
	allocs(t, "Depths", func() { _ = Depths("5,5,7,9,10", 8) })
}

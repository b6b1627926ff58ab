package frame

import "testing"

func TestChecksum(t *testing.T) {
	a := Checksum([]string{"ab", "c"})
	if a != Checksum([]string{"ab", "c"}) || a == Checksum([]string{"a", "bc"}) {
		t.Fatal("checksum is not a function of the records")
	}
}

func BenchmarkChecksum(b *testing.B) {
	records := []string{"alpha", "beta", "gamma"}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Checksum(records)
	}
}

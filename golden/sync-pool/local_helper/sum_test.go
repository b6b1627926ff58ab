package sum

import "testing"

func TestSum(t *testing.T) {
	if Sum([]string{"\x01", "\x02\x03"}) != 9 {
		t.Fatal("wrong sum")
	}
}

func BenchmarkSum(b *testing.B) {
	parts := []string{"alpha", "beta", "gamma"}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Sum(parts)
	}
}

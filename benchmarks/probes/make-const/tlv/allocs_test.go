package tlv

import (
	"bytes"
	"testing"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	var b []byte
	for i := 0; i < 10; i++ {
		b = append(b, byte(i), 40)
		b = append(b, bytes.Repeat([]byte("V"), 40)...)
	}
	allocs(t, "Index", func() { Index(b) })
	allocs(t, "Value", func() { Value(b, 7) })
	allocs(t, "Tags", func() { Tags(^uint64(0), 12) })
	allocs(t, "Mask", func() { Mask(^uint64(0)) })
	vals := []int32{-1 << 31, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	allocs(t, "Decimal", func() { Decimal(vals) })
	w := append([]byte{0xf0}, bytes.Repeat([]byte{1}, 60)...)
	allocs(t, "Words", func() { Words(w) })
	allocs(t, "Split", func() { Split(bytes.Repeat([]byte("s"), 190)) })
	allocs(t, "Reverse", func() { Reverse(append([]byte{100}, bytes.Repeat([]byte("r"), 120)...)) })
	allocs(t, "Pairs", func() { Pairs("a=1;bb=22;ccc=333;dddd=4444;e=5;f=6") })
}

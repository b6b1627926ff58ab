package sensor

import (
	"encoding/binary"
	"testing"
)

func message(count int) []byte {
	b := []byte{3, byte(count)}
	for i := 0; i < count; i++ {
		b = binary.BigEndian.AppendUint32(b, uint32(i*1000-7))
	}
	return b
}

func TestBehaviour(t *testing.T) {
	for _, n := range []int{0, 1, 24, 25, 255} {
		p, ok := Decode(message(n))
		if ok != (n <= 24) {
			t.Fatalf("Decode(%d readings) = %v", n, ok)
		}
		if ok && (int(p.Count) != n || (n > 0 && p.Readings[n-1] != int32((n-1)*1000-7))) {
			t.Fatalf("Decode(%d readings) = %+v", n, p)
		}
	}
	if _, ok := Decode(message(24)[:50]); ok {
		t.Fatal("a short message decoded")
	}
	if _, ok := Decode([]byte{1}); ok {
		t.Fatal("a header-less message decoded")
	}
}

func TestAllocs(t *testing.T) {
	b := message(20)
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Decode(b) }))
}

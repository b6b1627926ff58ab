package frame

import (
	"encoding/binary"
	"hash/fnv"
	"testing"
)

func build(payload []byte, mask byte) []byte {
	h := fnv.New32a()
	h.Write(payload)
	frame := binary.BigEndian.AppendUint32(nil, h.Sum32())
	for _, b := range payload {
		frame = append(frame, b^mask)
	}
	return frame
}

var good = build([]byte("telemetry sample 0042: temp=21.5C rh=40% wind=3.2m/s ok"), 0x5a)

func TestBehaviour(t *testing.T) {
	if err := Verify(good, 0x5a); err != nil {
		t.Fatal(err)
	}
	if Verify(good, 0x00) == nil {
		t.Fatal("a wrong mask passed")
	}
	if Verify(good[:3], 0x5a) == nil || Verify(make([]byte, 69), 0) == nil {
		t.Fatal("a bad length passed")
	}
	if err := Verify(build(nil, 1), 1); err != nil {
		t.Fatal("an empty payload failed:", err)
	}
}

func TestAllocs(t *testing.T) {
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Verify(good, 0x5a) }))
}

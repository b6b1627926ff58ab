package telemetry

import (
	"encoding/binary"
	"testing"
)

func record(kind byte, readings ...uint32) []byte {
	rec := []byte{kind}
	for _, r := range readings {
		rec = binary.BigEndian.AppendUint32(rec, r)
	}
	return rec
}

var position = record('P', 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16)

func TestBehaviour(t *testing.T) {
	for _, c := range []struct {
		rec  []byte
		peak uint32
		err  error
	}{
		{record('T', 7, 3, 9, 1), 9, nil},
		{record('A', 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), 12, nil},
		{position, 16, nil},
		{record('A', 1, 2), 0, errShort},
		{record('X', 1, 2, 3, 4), 0, errKind},
		{nil, 0, errShort},
	} {
		peak, err := Peak(c.rec)
		if peak != c.peak || err != c.err {
			t.Fatalf("Peak(%v) = %v, %v; want %v, %v", c.rec, peak, err, c.peak, c.err)
		}
	}
}

func TestAllocs(t *testing.T) {
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Peak(position) }))
}

package block

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"io"
	"testing"
)

func TestEncode(t *testing.T) {
	for _, data := range []string{"first block, first block, first block", "", "second"} {
		out, err := Encode(nil, []byte(data), flate.BestSpeed)
		if err != nil {
			t.Fatal(err)
		}
		n, k := binary.Uvarint(out)
		got, err := io.ReadAll(flate.NewReader(bytes.NewReader(out[k:])))
		if err != nil || int(n) != len(data) || string(got) != data {
			t.Fatalf("block %q (%d), %v; want %q", got, n, err, data)
		}
	}
	if _, err := Encode(nil, nil, 42); err == nil {
		t.Fatal("an invalid level gave no error")
	}
}

func TestAllocsPerRun(t *testing.T) {
	data := bytes.Repeat([]byte("record,"), 100)
	dst := make([]byte, 0, 1024)
	t.Logf("allocs/op: %v", testing.AllocsPerRun(50, func() { Encode(dst, data, flate.BestSpeed) }))
}

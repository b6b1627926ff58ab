package itch

import (
	"bytes"
	"encoding/binary"
	"io"
	"testing"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func msg(ref uint64, shares, price uint32) []byte {
	var out bytes.Buffer
	m := AddOrder{Ref: ref, Side: 'B', Shares: shares, Price: price}
	copy(m.Symbol[:], "ACME    ")
	Encode(&out, m, 0)
	return out.Bytes()
}

func TestAllocs(t *testing.T) {
	slab := append(msg(7, 100, 5000), msg(8, 200, 5100)...)
	m, err := ReadAdd(bytes.NewReader(slab))
	if err != nil || m.Ref != 7 || m.Shares != 100 || string(m.Symbol[:4]) != "ACME" {
		t.Fatal(m, err)
	}
	r := bytes.NewReader(slab)
	allocs(t, "ReadAdd", func() { r.Reset(slab); ReadAdd(r) })
	if n, err := SumShares(bytes.NewReader(slab), 2); n != 300 || err != nil {
		t.Fatal(n, err)
	}
	allocs(t, "SumShares", func() { r.Reset(slab); SumShares(r, 2) })
	if refs := Refs(slab, 5); len(refs) != 2 || refs[1] != 8 {
		t.Fatal(refs)
	}
	if p := MaxPrice(slab, 5); p != 5100 {
		t.Fatal(p)
	}
	allocs(t, "MaxPrice", func() { MaxPrice(slab, 5) })
	frame := binary.BigEndian.AppendUint16(nil, uint16(len(slab)))
	frame = append(frame, slab...)
	if f, err := ReadFrame(bytes.NewReader(frame)); err != nil || len(f) != len(slab) {
		t.Fatal(len(f), err)
	}
	allocs(t, "Encode", func() { Encode(io.Discard, m, 4) })
}

package netcode

import (
	"bytes"
	"io"
	"testing"

	"example.com/probes/mixed-gameserver/world"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestNetcode(t *testing.T) {
	es := []world.Entity{{ID: 1, Pos: world.Vec{X: 3.5, Y: 4}, Health: 5}, {ID: 2, Pos: world.Vec{X: 10, Y: 1.25}}}
	var buf bytes.Buffer
	if n, err := PackEntities(&buf, 7, es); err != nil || n != 2 {
		t.Fatal(n, err)
	}
	tick, got, err := UnpackEntities(buf.Bytes(), nil)
	if err != nil || tick != 7 || len(got) != 2 || got[0].Pos.X != 3.5 || got[1].Health != 0 {
		t.Fatal(tick, got, err)
	}
	h := Header{Seq: 1, Ack: 2, AckBits: 3, Tick: 4}
	buf.Reset()
	if err := WriteHeader(&buf, h); err != nil {
		t.Fatal(err)
	}
	if h2, err := ParseHeader(buf.Bytes()); err != nil || h2 != h {
		t.Fatal(h2, err)
	}
	base := &Snapshot{Tick: 1, Ents: es}
	cur := &Snapshot{Tick: 2, Ents: []world.Entity{es[0], {ID: 2, Pos: world.Vec{X: 11, Y: 1.25}}, {ID: 3}}}
	if n, err := Delta(io.Discard, base, cur); err != nil || n != 2 {
		t.Fatal(n, err)
	}
	if err := EncodeSnapshot(io.Discard, cur); err != nil {
		t.Fatal(err)
	}
	payload := bytes.Repeat([]byte("x"), 3000)
	frags := Fragment(payload, 9)
	if len(frags) != 3 || !bytes.Equal(Reassemble(frags), payload) {
		t.Fatal(len(frags))
	}
	if Checksum(frags[0]) == Checksum(frags[1]) || Angle(3.14159) != 127 {
		t.Fatal("checksum or angle")
	}
	allocs(t, "PackEntities", func() { PackEntities(io.Discard, 7, es) })
	allocs(t, "WriteHeader", func() { WriteHeader(io.Discard, h) })
	allocs(t, "EncodeSnapshot", func() { EncodeSnapshot(io.Discard, cur) })
	allocs(t, "Delta", func() { Delta(io.Discard, base, cur) })
	allocs(t, "Checksum", func() { Checksum(frags[0]) })
}

package netcode

import (
	"bytes"
	"encoding/binary"
	"io"

	"example.com/probes/mixed-gameserver/limits"
	"example.com/probes/mixed-gameserver/world"
)

// Snapshot is the world as one client last acknowledged it.
type Snapshot struct {
	Tick uint32
	Ents []world.Entity
}

// EncodeSnapshot writes every entity as varints into a buffer and sends it.
func EncodeSnapshot(w io.Writer, s *Snapshot) error {
	buf := make([]byte, 0, limits.MaxPacket)
	buf = binary.AppendUvarint(buf, uint64(s.Tick))
	buf = binary.AppendUvarint(buf, uint64(len(s.Ents)))
	for _, e := range s.Ents {
		buf = binary.AppendUvarint(buf, uint64(e.ID))
		buf = binary.AppendVarint(buf, int64(e.Pos.X*4))
		buf = binary.AppendVarint(buf, int64(e.Pos.Y*4))
		buf = binary.AppendVarint(buf, int64(e.Health))
	}
	_, err := w.Write(buf)
	return err
}

// Delta writes only the entities that changed since base, each with a changed-field mask.
func Delta(w io.Writer, base, cur *Snapshot) (int, error) {
	var buf bytes.Buffer
	var scratch [binary.MaxVarintLen64]byte
	prev := make(map[uint32]world.Entity, len(base.Ents))
	for _, e := range base.Ents {
		prev[e.ID] = e
	}
	changed := 0
	for _, e := range cur.Ents {
		old, ok := prev[e.ID]
		var mask byte
		if !ok || old.Pos.X != e.Pos.X {
			mask |= 1
		}
		if !ok || old.Pos.Y != e.Pos.Y {
			mask |= 2
		}
		if !ok || old.Health != e.Health {
			mask |= 4
		}
		if mask == 0 {
			continue
		}
		changed++
		buf.Write(scratch[:binary.PutUvarint(scratch[:], uint64(e.ID))])
		buf.WriteByte(mask)
		if mask&1 != 0 {
			buf.Write(scratch[:binary.PutVarint(scratch[:], int64(e.Pos.X*4))])
		}
		if mask&2 != 0 {
			buf.Write(scratch[:binary.PutVarint(scratch[:], int64(e.Pos.Y*4))])
		}
		if mask&4 != 0 {
			buf.Write(scratch[:binary.PutVarint(scratch[:], int64(e.Health))])
		}
		if buf.Len() > limits.MaxPacket {
			return changed, ErrFull
		}
	}
	_, err := w.Write(buf.Bytes())
	return changed, err
}

// Fragment splits a payload into packets of at most MaxPacket bytes, each with a 4-byte header.
func Fragment(payload []byte, seq uint16) [][]byte {
	const body = limits.MaxPacket - 4
	count := (len(payload) + body - 1) / body
	out := make([][]byte, 0, count)
	for i := 0; i < count; i++ {
		part := payload[i*body : min((i+1)*body, len(payload))]
		pkt := make([]byte, 4, 4+len(part))
		binary.BigEndian.PutUint16(pkt, seq)
		pkt[2], pkt[3] = byte(i), byte(count)
		out = append(out, append(pkt, part...))
	}
	return out
}

// Checksum is a cheap FNV-1a over a packet, computed over a copy with the checksum field zeroed.
func Checksum(pkt []byte) uint32 {
	n := min(len(pkt), limits.MaxPacket)
	tmp := make([]byte, n)
	copy(tmp, pkt)
	if n >= 8 {
		clear(tmp[4:8])
	}
	h := uint32(2166136261)
	for _, b := range tmp {
		h ^= uint32(b)
		h *= 16777619
	}
	return h
}

// Reassemble joins fragments in order; it returns the payload, which the caller keeps.
func Reassemble(frags [][]byte) []byte {
	total := 0
	for _, f := range frags {
		total += len(f) - 4
	}
	out := make([]byte, 0, total)
	for _, f := range frags {
		out = append(out, f[4:]...)
	}
	return out
}

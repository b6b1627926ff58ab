// Package netcode encodes snapshots and deltas into datagrams.
package netcode

import (
	"encoding/binary"
	"errors"
	"io"
	"math"

	"example.com/probes/mixed-gameserver/limits"
	"example.com/probes/mixed-gameserver/world"
)

// ErrFull is returned when a packet has no room left.
var ErrFull = errors.New("netcode: packet full")

// BitWriter packs values into a fixed datagram.
type BitWriter struct {
	buf  [limits.MaxPacket]byte
	bits int
}

// WriteBits writes the low n bits of v.
func (w *BitWriter) WriteBits(v uint64, n int) error {
	if w.bits+n > limits.MaxPacket*8 {
		return ErrFull
	}
	for i := 0; i < n; i++ {
		if v&(1<<i) != 0 {
			w.buf[w.bits/8] |= 1 << (w.bits % 8)
		}
		w.bits++
	}
	return nil
}

// WriteBool writes one bit.
func (w *BitWriter) WriteBool(b bool) error {
	if b {
		return w.WriteBits(1, 1)
	}
	return w.WriteBits(0, 1)
}

// Bytes is the packed datagram.
func (w *BitWriter) Bytes() []byte { return w.buf[:(w.bits+7)/8] }

// BitReader unpacks a datagram.
type BitReader struct {
	data []byte
	bits int
}

// ReadBits reads n bits.
func (r *BitReader) ReadBits(n int) (uint64, error) {
	if r.bits+n > len(r.data)*8 {
		return 0, io.ErrUnexpectedEOF
	}
	var v uint64
	for i := 0; i < n; i++ {
		if r.data[r.bits/8]&(1<<(r.bits%8)) != 0 {
			v |= 1 << i
		}
		r.bits++
	}
	return v, nil
}

func quantize(f float32) uint64 { return uint64(uint16(int32(f*4) & 0xffff)) }

func dequantize(v uint64) float32 { return float32(int16(uint16(v))) / 4 }

// PackEntities writes ents into a datagram and sends it, returning how many fit.
func PackEntities(w io.Writer, tick uint32, ents []world.Entity) (int, error) {
	var bw BitWriter
	if err := bw.WriteBits(uint64(tick), 32); err != nil {
		return 0, err
	}
	n := 0
	for i := range ents {
		e := &ents[i]
		if bw.WriteBits(uint64(e.ID), 16) != nil || bw.WriteBits(quantize(e.Pos.X), 16) != nil ||
			bw.WriteBits(quantize(e.Pos.Y), 16) != nil || bw.WriteBool(e.Health > 0) != nil {
			break
		}
		n++
	}
	_, err := w.Write(bw.Bytes())
	return n, err
}

// UnpackEntities reads what PackEntities wrote.
func UnpackEntities(data []byte, dst []world.Entity) (uint32, []world.Entity, error) {
	r := BitReader{data: data}
	tick, err := r.ReadBits(32)
	if err != nil {
		return 0, dst, err
	}
	for {
		id, err := r.ReadBits(16)
		if err != nil {
			return uint32(tick), dst, nil
		}
		x, _ := r.ReadBits(16)
		y, _ := r.ReadBits(16)
		alive, err := r.ReadBits(1)
		if err != nil {
			return uint32(tick), dst, nil
		}
		dst = append(dst, world.Entity{ID: uint32(id), Pos: world.Vec{X: dequantize(x), Y: dequantize(y)}, Health: int16(alive)})
	}
}

// Header is a datagram's fixed prefix.
type Header struct {
	Seq, Ack uint16
	AckBits  uint32
	Tick     uint32
}

// AppendHeader appends h big-endian.
func AppendHeader(dst []byte, h Header) []byte {
	dst = binary.BigEndian.AppendUint16(dst, h.Seq)
	dst = binary.BigEndian.AppendUint16(dst, h.Ack)
	dst = binary.BigEndian.AppendUint32(dst, h.AckBits)
	return binary.BigEndian.AppendUint32(dst, h.Tick)
}

// WriteHeader writes h to w through a fixed scratch.
func WriteHeader(w io.Writer, h Header) error {
	var scratch [12]byte
	_, err := w.Write(AppendHeader(scratch[:0], h))
	return err
}

// ParseHeader reads a header from the front of b.
func ParseHeader(b []byte) (Header, error) {
	if len(b) < 12 {
		return Header{}, io.ErrUnexpectedEOF
	}
	return Header{
		Seq:     binary.BigEndian.Uint16(b),
		Ack:     binary.BigEndian.Uint16(b[2:]),
		AckBits: binary.BigEndian.Uint32(b[4:]),
		Tick:    binary.BigEndian.Uint32(b[8:]),
	}, nil
}

// Angle packs a heading in radians into a byte.
func Angle(rad float64) byte {
	return byte(math.Mod(rad/(2*math.Pi)*256+256, 256))
}

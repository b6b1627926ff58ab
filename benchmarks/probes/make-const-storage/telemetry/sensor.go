// Package telemetry encodes sensor packets, converts audio frames and runs small matrix kernels.
package telemetry

import (
	"encoding/binary"
	"errors"
	"hash/crc32"

	"example.com/storetel/layout"
)

var errShort = errors.New("telemetry: short packet")

// Packet is one sensor reading batch.
type Packet struct {
	Kind     layout.Kind
	Seq      uint16
	Count    uint8
	Readings [16]int16
}

// readingSize is the wire size of one reading of a kind.
func readingSize(k layout.Kind) int {
	switch k {
	case layout.KindTemp, layout.KindHumidity:
		return 2
	case layout.KindAccel:
		return 6
	case layout.KindGPS:
		return 12
	}
	return 0
}

// Marshal writes p into dst and returns the bytes written.
func Marshal(p *Packet, dst []byte) int {
	size := 4 + readingSize(p.Kind)*int(p.Count)
	buf := make([]byte, size)
	buf[0] = byte(p.Kind)
	binary.BigEndian.PutUint16(buf[1:], p.Seq)
	buf[3] = p.Count
	for i := 4; i+1 < len(buf); i += 2 {
		binary.BigEndian.PutUint16(buf[i:], uint16(p.Readings[(i-4)/2%len(p.Readings)]))
	}
	return copy(dst, buf)
}

// Checksum sums the readings a packet carries.
func Checksum(p Packet) uint32 {
	n := min(int(p.Count), len(p.Readings))
	raw := make([]byte, 2*n)
	for i := 0; i < n; i++ {
		binary.LittleEndian.PutUint16(raw[2*i:], uint16(p.Readings[i]))
	}
	return crc32.ChecksumIEEE(raw)
}

// Averages returns the mean reading of each kind over a batch.
func Averages(ps []Packet) [layout.NumKinds]float64 {
	var out [layout.NumKinds]float64
	sums := make([]int64, layout.NumKinds)
	counts := make([]int, len(out))
	for _, p := range ps {
		if p.Kind >= layout.NumKinds {
			continue
		}
		for _, r := range p.Readings[:min(int(p.Count), len(p.Readings))] {
			sums[p.Kind] += int64(r)
			counts[p.Kind]++
		}
	}
	for k := range out {
		if counts[k] > 0 {
			out[k] = float64(sums[k]) / float64(counts[k])
		}
	}
	return out
}

// Decode parses a packet's header and readings from b.
func Decode(b []byte) (Packet, error) {
	var p Packet
	if len(b) < 4 {
		return p, errShort
	}
	p.Kind = layout.Kind(b[0])
	p.Seq = binary.BigEndian.Uint16(b[1:])
	p.Count = b[3]
	if p.Count > uint8(len(p.Readings)) {
		return p, errShort
	}
	vals := make([]int16, p.Count)
	for i := range vals {
		if 4+2*i+1 >= len(b) {
			return p, errShort
		}
		vals[i] = int16(binary.BigEndian.Uint16(b[4+2*i:]))
	}
	copy(p.Readings[:], vals)
	return p, nil
}

// Stream sends packets encoded on a goroutine; the buffer is read there after this returns.
func Stream(ps []Packet, out chan<- []byte) {
	n := min(len(ps), 32)
	buf := make([]byte, 4*n)
	go func() {
		for i := range ps[:n] {
			buf[4*i] = byte(ps[i].Kind)
		}
		out <- buf
	}()
}

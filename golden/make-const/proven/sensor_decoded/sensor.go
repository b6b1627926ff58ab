// Package sensor decodes telemetry packets: a two-byte header and up to 24 readings.
package sensor

import "encoding/binary"

// Packet is one batch of readings from a sensor.
type Packet struct {
	Kind     uint8
	Count    uint8
	Readings [24]int32
}

// header fills the packet's kind and count from the wire header.
func (p *Packet) header(b []byte) {
	p.Kind, p.Count = b[0], b[1]
}

// Decode parses a packet: the header, then Count big-endian int32 readings. A count above the 24
// readings a packet holds, or a short message, is refused. The header is read through a pointer
// method and the readings copied in through a slice of the array, so p's address is taken, yet
// nothing between the guard and the make can write p.Count.
func Decode(b []byte) (Packet, bool) {
	var p Packet
	if len(b) < 2 {
		return p, false
	}
	p.header(b)
	if p.Count > uint8(len(p.Readings)) {
		return p, false
	}
	vals := make([]int32, p.Count) // want(<go1.25) "make\\(\\[\\]int32, p.Count\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]int32, p.Count\\) does not escape"
	for i := range vals {
		off := 2 + 4*i
		if off+4 > len(b) {
			return p, false
		}
		vals[i] = int32(binary.BigEndian.Uint32(b[off:]))
	}
	copy(p.Readings[:], vals)
	return p, true
}

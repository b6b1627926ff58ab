package wire

import (
	"encoding/binary"
	"hash/crc32"
	"io"
)

// MaxName is the longest string field a Point message carries.
const MaxName = 64

// Point is a small telemetry message.
type Point struct {
	Name  string
	Value int64
	Tags  []uint32
}

// Size is the encoded size of p, or -1 when p is too large to encode.
func (p *Point) Size() int {
	if len(p.Name) > MaxName || len(p.Tags) > MaxPacked {
		return -1
	}
	buf := make([]byte, 0, 2+len(p.Name)+binary.MaxVarintLen64+2+5*len(p.Tags))
	buf = p.appendTo(buf)
	return len(buf)
}

func (p *Point) appendTo(buf []byte) []byte {
	buf = append(buf, 1<<3|byte(Bytes), byte(len(p.Name)))
	buf = append(buf, p.Name...)
	buf = binary.AppendUvarint(append(buf, 2<<3|byte(Varint)), uint64(p.Value<<1)^uint64(p.Value>>63))
	for _, t := range p.Tags {
		buf = binary.AppendUvarint(append(buf, 3<<3|byte(Varint)), uint64(t))
	}
	return buf
}

// WriteTo writes p as a length-prefixed record with a CRC32 trailer.
func (p *Point) WriteTo(w io.Writer) (int64, error) {
	if len(p.Name) > MaxName || len(p.Tags) > MaxPacked {
		return 0, ErrTooMany
	}
	frame := make([]byte, 4, 4+2+len(p.Name)+binary.MaxVarintLen64+1+6*len(p.Tags)+4)
	frame = p.appendTo(frame)
	binary.BigEndian.PutUint32(frame, uint32(len(frame)-4))
	frame = binary.BigEndian.AppendUint32(frame, crc32.ChecksumIEEE(frame[4:]))
	n, err := w.Write(frame)
	return int64(n), err
}

// Checksum is the CRC32 of p's encoding, as a receiver compares it.
func (p *Point) Checksum() uint32 {
	name := p.Name
	if len(name) > MaxName {
		name = name[:MaxName]
	}
	tags := p.Tags
	if len(tags) > MaxPacked {
		tags = tags[:MaxPacked]
	}
	q := Point{Name: name, Value: p.Value, Tags: tags}
	buf := make([]byte, 0, 2+len(name)+binary.MaxVarintLen64+1+6*len(tags))
	buf = q.appendTo(buf)
	return crc32.ChecksumIEEE(buf)
}

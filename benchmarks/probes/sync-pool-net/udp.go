package netproto

import (
	"bytes"
	"encoding/binary"
	"errors"
	"net"
	"strconv"
)

// Metric is one telemetry sample parsed from a datagram.
type Metric struct {
	Name  string
	Value int64
}

// ParseDatagram parses "name:value\n" lines from a statsd-like packet.
func ParseDatagram(pkt []byte) []Metric {
	var out []Metric
	for len(pkt) > 0 {
		line := pkt
		if i := bytes.IndexByte(pkt, '\n'); i >= 0 {
			line, pkt = pkt[:i], pkt[i+1:]
		} else {
			pkt = nil
		}
		name, val, ok := bytes.Cut(line, []byte{':'})
		if !ok {
			continue
		}
		v, err := strconv.ParseInt(string(val), 10, 64)
		if err != nil {
			continue
		}
		out = append(out, Metric{Name: string(name), Value: v})
	}
	return out
}

// ReceiveOne reads one datagram into a 64 KiB buffer and parses it.
func ReceiveOne(pc net.PacketConn) ([]Metric, net.Addr, error) {
	buf := make([]byte, 64<<10)
	n, addr, err := pc.ReadFrom(buf)
	if err != nil {
		return nil, nil, err
	}
	return ParseDatagram(buf[:n]), addr, nil
}

// Serve reads datagrams until pc is closed, handing each parsed batch to handle.
func Serve(pc net.PacketConn, handle func([]Metric)) error {
	buf := make([]byte, 65536)
	for {
		n, _, err := pc.ReadFrom(buf)
		if err != nil {
			return err
		}
		handle(ParseDatagram(buf[:n]))
	}
}

// Echo answers each datagram with itself, reusing one packet buffer.
func Echo(pc net.PacketConn, count int) error {
	buf := make([]byte, 64<<10)
	for i := 0; i < count; i++ {
		n, addr, err := pc.ReadFrom(buf)
		if err != nil {
			return err
		}
		if _, err := pc.WriteTo(buf[:n], addr); err != nil {
			return err
		}
	}
	return nil
}

// Header is the fixed 12-byte header of a binary telemetry packet.
type Header struct {
	Version uint16
	Kind    uint16
	Seq     uint32
	Length  uint32
}

// ErrShort reports a truncated packet.
var ErrShort = errors.New("netproto: short packet")

// DecodeHeader reads the header from the front of pkt.
func DecodeHeader(pkt []byte) (Header, error) {
	if len(pkt) < 12 {
		return Header{}, ErrShort
	}
	return Header{
		Version: binary.BigEndian.Uint16(pkt[0:2]),
		Kind:    binary.BigEndian.Uint16(pkt[2:4]),
		Seq:     binary.BigEndian.Uint32(pkt[4:8]),
		Length:  binary.BigEndian.Uint32(pkt[8:12]),
	}, nil
}

// SendBatch encodes metrics as "name:value\n" lines into one datagram and sends it.
func SendBatch(pc net.PacketConn, addr net.Addr, ms []Metric) error {
	var buf bytes.Buffer
	for _, m := range ms {
		buf.WriteString(m.Name)
		buf.WriteByte(':')
		buf.WriteString(strconv.FormatInt(m.Value, 10))
		buf.WriteByte('\n')
	}
	_, err := pc.WriteTo(buf.Bytes(), addr)
	return err
}

// Collector keeps the last packet it saw for debugging.
type Collector struct {
	last []byte
}

// Receive reads one packet and keeps it.
func (c *Collector) Receive(pc net.PacketConn) error {
	buf := make([]byte, 64<<10)
	n, _, err := pc.ReadFrom(buf)
	if err != nil {
		return err
	}
	c.last = buf[:n]
	return nil
}

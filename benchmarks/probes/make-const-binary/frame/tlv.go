// Package frame reads and writes TLV records, length-prefixed frames with checksums, SOCKS5
// addresses, bit-packed flags and fixed-size record files.
package frame

import (
	"encoding/binary"
	"errors"
	"hash/adler32"
	"io"
	"net"
)

var (
	ErrShort   = errors.New("frame: short record")
	ErrBig     = errors.New("frame: record too big")
	ErrAddress = errors.New("frame: bad address")
)

// MaxValue is the longest TLV value the control channel accepts.
const MaxValue = 200

// TLVSum reads one TLV (type byte, length byte, value) and returns its type and
// the additive checksum of its value, copying it so the caller may reuse r's buffer.
func TLVSum(r io.Reader) (byte, uint16, error) {
	var hdr [2]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		return 0, 0, err
	}
	val := make([]byte, hdr[1])
	if _, err := io.ReadFull(r, val); err != nil {
		return 0, 0, err
	}
	var sum uint16
	for _, c := range val {
		sum += uint16(c)
	}
	return hdr[0], sum, nil
}

// AppendTLV appends one record to dst; values above MaxValue are an error.
func AppendTLV(dst []byte, typ byte, val []byte) ([]byte, error) {
	if len(val) > MaxValue {
		return dst, ErrBig
	}
	rec := make([]byte, 2+len(val))
	rec[0], rec[1] = typ, byte(len(val))
	copy(rec[2:], val)
	return append(dst, rec...), nil
}

// WriteFrame writes a length-prefixed frame with an Adler-32 trailer.
func WriteFrame(w io.Writer, payload []byte) error {
	if len(payload) > 1024 {
		return ErrBig
	}
	f := make([]byte, 4+len(payload)+4)
	binary.BigEndian.PutUint32(f, uint32(len(payload)))
	copy(f[4:], payload)
	binary.BigEndian.PutUint32(f[4+len(payload):], adler32.Checksum(payload))
	_, err := w.Write(f)
	return err
}

// ReadFrame reads one frame into a buffer of its own and checks the trailer; the payload is returned.
func ReadFrame(r io.Reader) ([]byte, error) {
	var hdr [4]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		return nil, err
	}
	n := binary.BigEndian.Uint32(hdr[:])
	if n > 1024 {
		return nil, ErrBig
	}
	body := make([]byte, n+4)
	if _, err := io.ReadFull(r, body); err != nil {
		return nil, err
	}
	if adler32.Checksum(body[:n]) != binary.BigEndian.Uint32(body[n:]) {
		return nil, ErrShort
	}
	return body[:n], nil
}

// FrameOK checks a frame's trailer without keeping anything: the frame is read from r.
func FrameOK(r io.Reader) (bool, error) {
	var hdr [4]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		return false, err
	}
	n := binary.BigEndian.Uint32(hdr[:])
	if n > 1024 {
		return false, ErrBig
	}
	body := make([]byte, n+4)
	if _, err := io.ReadFull(r, body); err != nil {
		return false, err
	}
	return adler32.Checksum(body[:n]) == binary.BigEndian.Uint32(body[n:]), nil
}

// SOCKS5Addr encodes a destination as a SOCKS5 request's ATYP, address and port, and
// returns its Adler-32 for the connection log.
func SOCKS5Addr(ip net.IP, port uint16) (uint32, error) {
	atyp := byte(4)
	if v4 := ip.To4(); v4 != nil {
		ip = v4
		atyp = 1
	} else if ip = ip.To16(); ip == nil {
		return 0, ErrAddress
	}
	b := make([]byte, 0, 1+len(ip)+2)
	b = append(b, atyp)
	b = append(b, ip...)
	b = binary.BigEndian.AppendUint16(b, port)
	return adler32.Checksum(b), nil
}

// SOCKS5Domain encodes a domain-name destination (ATYP 3, length byte, name, port).
func SOCKS5Domain(w io.Writer, host string, port uint16) error {
	if len(host) == 0 || len(host) > 255 {
		return ErrAddress
	}
	b := make([]byte, 0, 2+len(host)+2)
	b = append(b, 3, byte(len(host)))
	b = append(b, host...)
	b = binary.BigEndian.AppendUint16(b, port)
	_, err := w.Write(b)
	return err
}

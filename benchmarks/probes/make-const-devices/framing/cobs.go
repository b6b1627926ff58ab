// Package framing delimits packets on the gateway's serial links: COBS for the sensor bus, SLIP for
// the legacy radio modems.
package framing

import (
	"errors"
	"hash/crc32"
)

const (
	MaxFrame   = 256
	maxEncoded = MaxFrame + MaxFrame/254 + 1
	SLIPMTU    = 1006 // RFC 1055

	slipEnd    = 0xc0
	slipEsc    = 0xdb
	slipEscEnd = 0xdc
	slipEscEsc = 0xdd
)

var (
	ErrFrame  = errors.New("framing: frame too long")
	ErrEncode = errors.New("framing: malformed encoding")
)

// AppendCOBS appends the COBS encoding of src and its 0x00 delimiter.
func AppendCOBS(dst, src []byte) ([]byte, error) {
	if len(src) > MaxFrame {
		return dst, ErrFrame
	}
	buf := make([]byte, len(src)+len(src)/254+2)
	code, ci, o := byte(1), 0, 1
	for _, b := range src {
		if b == 0 {
			buf[ci], ci, code = code, o, 1
			o++
			continue
		}
		buf[o] = b
		o++
		code++
		if code == 0xff {
			buf[ci], ci, code = code, o, 1
			o++
		}
	}
	buf[ci] = code
	buf[o] = 0
	return append(dst, buf[:o+1]...), nil
}

// COBSChecksum decodes a frame into scratch space and returns its CRC.
func COBSChecksum(enc []byte) (uint32, error) {
	if len(enc) > maxEncoded {
		return 0, ErrFrame
	}
	out := make([]byte, len(enc))
	n := 0
	for i := 0; i < len(enc) && enc[i] != 0; {
		code := int(enc[i])
		if i+code > len(enc) {
			return 0, ErrEncode
		}
		n += copy(out[n:], enc[i+1:i+code])
		i += code
		if code < 0xff && i < len(enc) && enc[i] != 0 {
			out[n] = 0
			n++
		}
	}
	return crc32.ChecksumIEEE(out[:n]), nil
}

// AppendSLIP appends p SLIP-escaped between two END bytes.
func AppendSLIP(dst, p []byte) ([]byte, error) {
	if len(p) > SLIPMTU {
		return dst, ErrFrame
	}
	buf := make([]byte, 0, 2*len(p)+2)
	buf = append(buf, slipEnd)
	for _, b := range p {
		switch b {
		case slipEnd:
			buf = append(buf, slipEsc, slipEscEnd)
		case slipEsc:
			buf = append(buf, slipEsc, slipEscEsc)
		default:
			buf = append(buf, b)
		}
	}
	buf = append(buf, slipEnd)
	return append(dst, buf...), nil
}

// UnSLIP returns the packet p carries; the caller queues it.
func UnSLIP(p []byte) ([]byte, error) {
	if len(p) > 2*SLIPMTU+2 {
		return nil, ErrFrame
	}
	out := make([]byte, 0, len(p))
	esc := false
	for _, b := range p {
		switch {
		case b == slipEnd:
		case esc:
			esc = false
			if b == slipEscEnd {
				b = slipEnd
			} else {
				b = slipEsc
			}
			out = append(out, b)
		case b == slipEsc:
			esc = true
		default:
			out = append(out, b)
		}
	}
	return out, nil
}

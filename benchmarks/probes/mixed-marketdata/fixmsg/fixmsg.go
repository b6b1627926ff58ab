// Package fixmsg encodes FIX-like tag=value messages with fixed-width fields and a trailing checksum.
package fixmsg

import (
	"bytes"
	"fmt"
	"io"
	"strconv"

	"example.com/probes/mixed-marketdata/limits"
)

const soh = '\x01'

// Order is a new-order-single.
type Order struct {
	ClOrdID string
	Symbol  string
	Side    byte
	Price   int64
	Qty     int64
}

// Checksum is FIX's sum of bytes mod 256.
func Checksum(b []byte) int {
	s := 0
	for _, c := range b {
		s += int(c)
	}
	return s % 256
}

func padLeft(dst []byte, v int64, width int) []byte {
	digits := strconv.AppendInt(make([]byte, 0, 20), v, 10)
	for i := len(digits); i < width; i++ {
		dst = append(dst, '0')
	}
	return append(dst, digits...)
}

// Encode writes one order as a FIX message to w.
func Encode(w io.Writer, o Order) error {
	body := make([]byte, 0, 128)
	body = append(body, "35=D"...)
	body = append(body, soh)
	body = append(body, "11="...)
	body = append(body, o.ClOrdID...)
	body = append(body, soh, '5', '5', '=')
	sym := make([]byte, limits.SymbolWidth)
	for i := range sym {
		sym[i] = ' '
	}
	copy(sym, o.Symbol)
	body = append(body, sym...)
	body = append(body, soh, '5', '4', '=', o.Side, soh)
	body = append(body, "44="...)
	body = padLeft(body, o.Price, limits.PriceWidth)
	body = append(body, soh)
	body = append(body, "38="...)
	body = padLeft(body, o.Qty, limits.QtyWidth)
	body = append(body, soh)
	var msg bytes.Buffer
	fmt.Fprintf(&msg, "8=FIX.4.2%c9=%d%c", soh, len(body), soh)
	msg.Write(body)
	sum := Checksum(msg.Bytes())
	fmt.Fprintf(&msg, "10=%0*d%c", limits.ChecksumWidth, sum, soh)
	_, err := w.Write(msg.Bytes())
	return err
}

// Frame returns an encoded message; the caller keeps it.
func Frame(o Order) []byte {
	var msg bytes.Buffer
	Encode(&msg, o)
	return msg.Bytes()
}

// Heartbeat writes a heartbeat with a fixed-width sequence number.
func Heartbeat(w io.Writer, seq int) error {
	field := make([]byte, 0, limits.QtyWidth+4)
	field = append(field, "34="...)
	field = padLeft(field, int64(seq), limits.QtyWidth)
	var msg bytes.Buffer
	fmt.Fprintf(&msg, "8=FIX.4.2%c35=0%c%s%c", soh, soh, field, soh)
	fmt.Fprintf(&msg, "10=%03d%c", Checksum(msg.Bytes()), soh)
	_, err := msg.WriteTo(w)
	return err
}

// Fields splits a message into tag/value pairs, at most n of them.
func Fields(msg []byte, n int) int {
	tags := make([]int, 0, min(n, limits.MaxBatch))
	for _, part := range bytes.Split(msg, []byte{soh}) {
		if len(tags) == cap(tags) {
			break
		}
		if i := bytes.IndexByte(part, '='); i > 0 {
			t, err := strconv.Atoi(string(part[:i]))
			if err == nil {
				tags = append(tags, t)
			}
		}
	}
	return len(tags)
}

// Verify checks a message's trailing checksum.
func Verify(msg []byte) bool {
	i := bytes.LastIndex(msg, []byte("\x0110="))
	if i < 0 || len(msg) < i+5+limits.ChecksumWidth {
		return false
	}
	want := make([]byte, limits.ChecksumWidth)
	copy(want, msg[i+4:])
	got := fmt.Sprintf("%03d", Checksum(msg[:i+1]))
	return string(want) == got
}

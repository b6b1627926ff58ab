package vm

import (
	"math/bits"
	"strings"
)

// Width is an operand width.
type Width uint8

// Widths.
const (
	W8 Width = iota
	W16
	W32
	W64
)

// Bytes is the width in bytes.
func (w Width) Bytes() int {
	switch w {
	case W8:
		return 1
	case W16:
		return 2
	case W32:
		return 4
	}
	return 8
}

// EmitTyped emits op and an immediate of width w.
func (e *Encoder) EmitTyped(op byte, w Width, imm uint64) {
	ins := make([]byte, 1+w.Bytes())
	ins[0] = op
	for i := 1; i < len(ins); i++ {
		ins[i] = byte(imm >> (8 * (i - 1)))
	}
	e.out = append(e.out, ins...)
}

// ULEBLen is the length of v as an unsigned LEB128.
func ULEBLen(v uint64) int { return max(1, (bits.Len64(v)+6)/7) }

// EmitPaddedULEB emits v as a ULEB128 padded to pad bytes (for patchable sizes).
func (e *Encoder) EmitPaddedULEB(v uint64, pad int) {
	n := max(ULEBLen(v), min(pad, 10))
	buf := make([]byte, n)
	for i := range buf {
		buf[i] = byte(v&0x7f) | 0x80
		v >>= 7
	}
	buf[n-1] &^= 0x80
	e.out = append(e.out, buf...)
}

// BitString renders the low bits of a register mask, as many as the mask needs.
func BitString(mask uint64) string {
	n := bits.Len64(mask)
	out := make([]byte, n)
	for i := 0; i < n; i++ {
		out[n-1-i] = '0' + byte(mask>>i&1)
	}
	return string(out)
}

// RegName splits "r12:64" into its register name, upper-cased, and keeps names to 8 bytes.
func RegName(spec string) string {
	if len(spec) > 64 {
		return ""
	}
	i := strings.IndexByte(spec, ':')
	if i < 0 {
		i = len(spec)
	}
	name := make([]byte, i)
	for j := 0; j < i; j++ {
		c := spec[j]
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		name[j] = c
	}
	return string(name)
}

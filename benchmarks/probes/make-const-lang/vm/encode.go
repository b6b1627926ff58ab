package vm

import (
	"encoding/binary"
	"errors"
)

var errWidth = errors.New("vm: bad immediate width")

// Encoder assembles instructions into a byte slice.
type Encoder struct {
	out     []byte
	pending []byte
}

// Bytes returns the code so far.
func (e *Encoder) Bytes() []byte { return e.out }

// EmitImm emits op followed by imm in width bytes, little endian.
func (e *Encoder) EmitImm(op byte, imm uint64, width int) error {
	switch width {
	case 1, 2, 4, 8:
	default:
		return errWidth
	}
	ins := make([]byte, 1+width)
	ins[0] = op
	for i := 0; i < width; i++ {
		ins[1+i] = byte(imm >> (8 * i))
	}
	e.out = append(e.out, ins...)
	return nil
}

// EmitSLEB emits v as a signed LEB128 of at most bits bits.
func (e *Encoder) EmitSLEB(v int64, bits int) error {
	if bits <= 0 || bits > 64 {
		return errWidth
	}
	buf := make([]byte, 0, (bits+6)/7)
	for {
		b := byte(v & 0x7f)
		v >>= 7
		if v == 0 && b&0x40 == 0 || v == -1 && b&0x40 != 0 {
			buf = append(buf, b)
			break
		}
		buf = append(buf, b|0x80)
	}
	e.out = append(e.out, buf...)
	return nil
}

// EmitModRM emits an x86-like memory operand: ModRM, optional SIB and a 32-bit displacement.
func (e *Encoder) EmitModRM(reg, base byte, sib bool, disp int32) {
	n := 1
	if sib {
		n++
	}
	if disp != 0 {
		n += 4
	}
	ins := make([]byte, n)
	ins[0] = reg<<3 | base
	i := 1
	if sib {
		ins[i] = 0x24
		i++
	}
	if disp != 0 {
		binary.LittleEndian.PutUint32(ins[i:], uint32(disp))
	}
	e.out = append(e.out, ins...)
}

// Reserve keeps a zeroed patch area of n bytes for a later fixup.
func (e *Encoder) Reserve(n int) {
	if n > 16 {
		n = 16
	}
	patch := make([]byte, n)
	e.pending = patch
	e.out = append(e.out, patch...)
}

// EmitULEBs emits each value as an unsigned LEB128, built in one scratch slice.
func (e *Encoder) EmitULEBs(vals []uint64) {
	if len(vals) > 32 {
		vals = vals[:32]
	}
	scratch := make([]byte, 0, len(vals)*binary.MaxVarintLen64)
	for _, v := range vals {
		scratch = binary.AppendUvarint(scratch, v)
	}
	e.out = append(e.out, scratch...)
}

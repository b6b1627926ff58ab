// Package tables decodes a compressed block's code-length table, bzip2-style: a bit reader hands out
// fields of a few bits each, and the block header says how many lengths follow.
package tables

import "errors"

var errShort = errors.New("tables: block too short")

type bitReader struct {
	data []byte
	n    uint64 // bits not yet handed out, in the low `bits` bits
	bits uint
	err  error
}

// readBits64 returns the next `bits` bits (at most 32) in the low bits of n. As compress/bzip2's ReadBits64,
// it sets its named result and returns bare: the mask leaves n below 1<<bits.
func (br *bitReader) readBits64(bits uint) (n uint64) {
	for bits > br.bits {
		if len(br.data) == 0 {
			br.err = errShort
			return 0
		}
		br.n = br.n<<8 | uint64(br.data[0])
		br.data = br.data[1:]
		br.bits += 8
	}
	n = (br.n >> (br.bits - bits)) & ((1 << bits) - 1)
	br.bits -= bits
	return
}

func (br *bitReader) readBits(bits uint) int {
	return int(br.readBits64(bits))
}

// Checksum reads a 9-bit count and that many 4-bit code lengths, and folds them into a checksum.
func Checksum(block []byte) (uint32, error) {
	br := bitReader{data: block}
	count := br.readBits(9)
	lengths := make([]uint16, count) // want(<go1.25) "escapes to heap" want(>=go1.25) "does not escape"
	for i := range lengths {
		lengths[i] = uint16(br.readBits(4))
	}
	if br.err != nil {
		return 0, br.err
	}
	var sum uint32 = 17
	for _, l := range lengths {
		sum = sum*31 + uint32(l)
	}
	return sum, nil
}

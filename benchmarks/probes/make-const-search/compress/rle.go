package compress

import "errors"

// MaxRun is the longest run an RLE pair encodes.
const MaxRun = 255

// ChunkPoints is how many timestamps one chunk holds.
const ChunkPoints = 120

var errChunk = errors.New("compress: chunk full")

// AppendRLE appends (count, byte) pairs.
func AppendRLE(dst, src []byte) []byte {
	for i := 0; i < len(src); {
		j := i + 1
		for j < len(src) && src[j] == src[i] && j-i < MaxRun {
			j++
		}
		dst = append(dst, byte(j-i), src[i])
		i = j
	}
	return dst
}

// RLESize is the encoded size of a row of at most 1024 pixels.
func RLESize(row []byte) int {
	if len(row) > 1024 {
		return -1
	}
	pairs := make([]byte, 0, 2*len(row))
	pairs = AppendRLE(pairs, row)
	return len(pairs)
}

// RunLengths returns the runs of a column for the columnar writer.
func RunLengths(col []byte) []uint8 {
	runs := make([]uint8, 0, len(col))
	for i := 0; i < len(col); {
		j := i + 1
		for j < len(col) && col[j] == col[i] && j-i < MaxRun {
			j++
		}
		runs = append(runs, uint8(j-i))
		i = j
	}
	return runs
}

// DeltaOfDelta encodes a chunk's timestamps Gorilla-style into w and returns
// the number of bits written.
func DeltaOfDelta(w *BitWriter, ts []int64) (int, error) {
	if len(ts) > ChunkPoints {
		return 0, errChunk
	}
	if len(ts) < 2 {
		return 0, nil
	}
	dods := make([]int64, len(ts)-1)
	prevDelta := int64(0)
	for i := 1; i < len(ts); i++ {
		d := ts[i] - ts[i-1]
		dods[i-1] = d - prevDelta
		prevDelta = d
	}
	bits := 0
	for _, d := range dods {
		switch {
		case d == 0:
			w.WriteBits(0, 1)
			bits++
		case d >= -63 && d <= 64:
			w.WriteBits(0b10, 2)
			w.WriteBits(uint64(d+63), 7)
			bits += 9
		case d >= -255 && d <= 256:
			w.WriteBits(0b110, 3)
			w.WriteBits(uint64(d+255), 9)
			bits += 12
		default:
			w.WriteBits(0b1111, 4)
			w.WriteBits(uint64(d), 32)
			bits += 36
		}
	}
	return bits, nil
}

// XORFloats counts the meaningful bits of XORed consecutive values of a chunk.
func XORFloats(vals []uint64) int {
	n := min(len(vals), ChunkPoints)
	x := make([]uint64, n)
	for i := 1; i < n; i++ {
		x[i] = vals[i] ^ vals[i-1]
	}
	bits := 0
	for _, v := range x {
		for v != 0 {
			bits++
			v >>= 1
		}
	}
	return bits
}

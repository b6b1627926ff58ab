package frame

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"math/bits"
)

const (
	blockSize = 64
	maxBlocks = 16
	maxLanes  = 8
)

var errLanes = errors.New("frame: bad lane count")

// BlockSums checksums p in 64-byte blocks and folds the block sums together.
func BlockSums(p []byte) (uint32, error) {
	if len(p) > blockSize*maxBlocks {
		return 0, errTooLarge
	}
	nblocks := (len(p) + blockSize - 1) / blockSize
	sums := make([]uint32, nblocks)
	for i := range sums {
		end := min((i+1)*blockSize, len(p))
		sums[i] = crc32.ChecksumIEEE(p[i*blockSize : end])
	}
	var x uint32
	for _, s := range sums {
		x = bits.RotateLeft32(x, 5) ^ s
	}
	return x, nil
}

// Lanes computes an interleaved Fletcher-style sum over the given number of lanes.
func Lanes(p []byte, lanes int) (uint64, error) {
	if lanes <= 0 || lanes > maxLanes || bits.OnesCount(uint(lanes)) != 1 {
		return 0, errLanes
	}
	acc := make([]uint32, 2*lanes)
	for i, c := range p {
		l := i & (lanes - 1)
		acc[2*l] += uint32(c)
		acc[2*l+1] += acc[2*l]
	}
	var out uint64
	for _, a := range acc {
		out = out*31 + uint64(a)
	}
	return out, nil
}

// Words32 sums p as big-endian 32-bit words; a short tail is zero-padded.
func Words32(p []byte) (uint32, error) {
	if len(p) > maxPayload {
		return 0, errTooLarge
	}
	words := make([]uint32, (len(p)+3)/4)
	for i := range words {
		var w [4]byte
		copy(w[:], p[4*i:])
		words[i] = binary.BigEndian.Uint32(w[:])
	}
	var s uint32
	for _, w := range words {
		s += w
	}
	return s, nil
}

// Stripe checks a record whose length is read from its own first two bytes.
func Stripe(rec []byte) (uint32, error) {
	if len(rec) < 2 {
		return 0, errShort
	}
	n := int(binary.BigEndian.Uint16(rec))
	if n > maxPayload {
		log(n)
	}
	body := make([]byte, n)
	copy(body, rec[2:])
	return crc32.ChecksumIEEE(body), nil
}

var logged int

func log(n int) { logged = n }

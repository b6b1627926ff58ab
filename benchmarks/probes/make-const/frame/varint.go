package frame

import (
	"encoding/binary"
	"errors"
	"sync"

	"example.com/wire/limits"
)

var errVarint = errors.New("frame: bad varint")

// AppendFields encodes each value as a uvarint, prefixed by the count.
func AppendFields(dst []byte, vals []uint64) ([]byte, error) {
	if len(vals) > limits.MaxFields {
		return dst, errTooLarge
	}
	scratch := make([]byte, 0, binary.MaxVarintLen64*(len(vals)+1))
	scratch = binary.AppendUvarint(scratch, uint64(len(vals)))
	for _, v := range vals {
		scratch = binary.AppendUvarint(scratch, v)
	}
	return append(dst, scratch...), nil
}

// SumFields decodes count-prefixed uvarints and returns their sum.
func SumFields(b []byte) (uint64, error) {
	n, k := binary.Uvarint(b)
	if k <= 0 || n > limits.MaxFields {
		return 0, errVarint
	}
	b = b[k:]
	vals := make([]uint64, n)
	for i := range vals {
		v, k := binary.Uvarint(b)
		if k <= 0 {
			return 0, errVarint
		}
		vals[i], b = v, b[k:]
	}
	var sum uint64
	for _, v := range vals {
		sum += v
	}
	return sum, nil
}

// ReadString decodes a length-prefixed string; the length is not limited.
func ReadString(b []byte) (int, error) {
	n, k := binary.Uvarint(b)
	if k <= 0 || uint64(len(b)-k) < n {
		return 0, errVarint
	}
	s := make([]byte, n)
	copy(s, b[k:])
	count := 0
	for _, c := range s {
		if c == ' ' {
			count++
		}
	}
	return count, nil
}

// KeyPrefix decodes a length-prefixed key of at most limits.MaxKey bytes and hashes its prefix.
func KeyPrefix(b []byte) (uint32, error) {
	n, k := binary.Uvarint(b)
	if k <= 0 {
		return 0, errVarint
	}
	if !(n <= limits.MaxKey) {
		return 0, errTooLarge
	}
	key := make([]byte, n)
	copy(key, b[k:])
	var h uint32 = 2166136261
	for _, c := range key {
		h = (h ^ uint32(c)) * 16777619
	}
	return h, nil
}

// FanOut checksums each field in its own goroutine; the fields slice is written after the goroutines start.
func FanOut(b []byte, n int) uint64 {
	if n > limits.MaxFields {
		return 0
	}
	sums := make([]uint64, n)
	var wg sync.WaitGroup
	for i := range sums {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sums[i] = uint64(len(b) * i)
		}()
	}
	wg.Wait()
	var t uint64
	for _, s := range sums {
		t += s
	}
	return t
}

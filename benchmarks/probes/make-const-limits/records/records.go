// Package records decodes the TLV records of a telemetry upload.
package records

import (
	"encoding/binary"
	"errors"
	"hash/fnv"
	"strings"
)

const maxTagConst = 64

var (
	maxTag     = 64
	maxLabels  = 16
	maxValue   = 1 << 12
	maxMetric  = 128
	labelSlots = maxLabels * 2
)

var (
	errLong  = errors.New("records: too long")
	errTrunc = errors.New("records: truncated")
)

// TagConst reads a tag bounded by a constant: the rule already rewrites it.
func TagConst(b []byte) (string, error) {
	if len(b) == 0 || int(b[0]) > maxTagConst || len(b) < 1+int(b[0]) {
		return "", errLong
	}
	tag := make([]byte, b[0])
	copy(tag, b[1:])
	return strings.ToLower(string(tag)), nil
}

// Tag reads a tag bounded by the package limit.
func Tag(b []byte) (string, error) {
	if len(b) == 0 {
		return "", errTrunc
	}
	n := int(b[0])
	if n > maxTag || len(b) < 1+n {
		return "", errLong
	}
	tag := make([]byte, n)
	copy(tag, b[1:])
	return strings.ToLower(string(tag)), nil
}

// LabelHash hashes the label pairs of a record.
func LabelHash(b []byte) (uint64, error) {
	if len(b) < 1 {
		return 0, errTrunc
	}
	pairs := int(b[0])
	if pairs > maxLabels {
		return 0, errLong
	}
	offs := make([]uint16, 2*pairs)
	for i := range offs {
		if 1+2*i+2 > len(b) {
			return 0, errTrunc
		}
		offs[i] = binary.LittleEndian.Uint16(b[1+2*i:])
	}
	h := fnv.New64a()
	var w [2]byte
	for _, o := range offs {
		binary.LittleEndian.PutUint16(w[:], o)
		h.Write(w[:])
	}
	return h.Sum64(), nil
}

// LabelSlots uses the derived package limit.
func LabelSlots(n int) (int, error) {
	if n < 0 || n > labelSlots {
		return 0, errLong
	}
	slots := make([]int32, n)
	for i := range slots {
		slots[i] = int32(i)
	}
	return int(slots[n-1]), nil
}

// Value copies a value out, clamping it to the limit instead of failing.
func Value(b []byte) int {
	n := len(b)
	if n > maxValue {
		n = maxValue
	}
	v := make([]byte, n)
	copy(v, b)
	x := 0
	for _, c := range v {
		x = x*31 + int(c)
	}
	return x
}

// MetricName joins a metric's name under the limit, with the limit in a min.
func MetricName(b []byte) string {
	n := min(len(b), maxMetric)
	name := make([]byte, n)
	copy(name, b)
	return string(name)
}

// Chunks splits a record body into chunks of at most maxTag bytes and hashes each.
func Chunks(b []byte) uint64 {
	var x uint64
	for len(b) > 0 {
		n := len(b)
		if n > maxTag {
			n = maxTag
		}
		c := make([]byte, n)
		copy(c, b)
		h := fnv.New64a()
		h.Write(c)
		x ^= h.Sum64()
		b = b[n:]
	}
	return x
}

// Unbounded has no guard at all: nothing bounds it.
func Unbounded(b []byte) int {
	c := make([]byte, len(b))
	copy(c, b)
	return len(c)
}

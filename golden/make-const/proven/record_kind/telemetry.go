// Package telemetry decodes fixed-layout sensor records: the kind byte says how many 32-bit
// readings follow.
package telemetry

import (
	"encoding/binary"
	"errors"
)

// The record kinds of the wire format.
const (
	kindTemperature = 'T'
	kindAccel       = 'A'
	kindPosition    = 'P'
)

var (
	errShort = errors.New("telemetry: short record")
	errKind  = errors.New("telemetry: unknown record kind")
)

// Peak returns the largest reading of a record. Each kind has its own number of readings, at most
// 16 on every path that gets to the make.
func Peak(rec []byte) (uint32, error) {
	if len(rec) == 0 {
		return 0, errShort
	}
	var n int
	switch rec[0] {
	case kindTemperature:
		n = 4
	case kindAccel:
		n = 12
	case kindPosition:
		n = 16
	default:
		return 0, errKind
	}
	if len(rec) < 1+4*n {
		return 0, errShort
	}
	readings := make([]uint32, n) // want(<go1.25) "escapes to heap" want(>=go1.25) "does not escape"
	for i := range readings {
		readings[i] = binary.BigEndian.Uint32(rec[1+4*i:])
	}
	var peak uint32
	for _, r := range readings {
		peak = max(peak, r)
	}
	return peak, nil
}

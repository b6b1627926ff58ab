// Package schedule expands cipher keys.
package schedule

import "errors"

var errKeySize = errors.New("schedule: key is not 16, 24 or 32 bytes")

// Mix expands an AES-sized key into len(key)/4+28 round words and folds them: the switch on the
// key's length leaves it at most 32, so the schedule is at most 36 words.
func Mix(key []byte) (uint32, error) {
	switch len(key) {
	case 16, 24, 32:
	default:
		return 0, errKeySize
	}
	words := make([]uint32, len(key)/4+28) // want(<go1.25) "escapes to heap" want(>=go1.25) "does not escape"
	for i := range words {
		words[i] = uint32(key[i%len(key)])<<8 | uint32(i)
		if i > 0 {
			words[i] ^= words[i-1] >> 3
		}
	}
	var mix uint32
	for _, w := range words {
		mix = mix*16777619 ^ w
	}
	return mix, nil
}

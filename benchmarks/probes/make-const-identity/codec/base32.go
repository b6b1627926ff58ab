package codec

import "encoding/base32"

var noPad = base32.StdEncoding.WithPadding(base32.NoPadding)

// Base32Grouped encodes key unpadded in groups of four, as authenticator apps show secrets.
func Base32Grouped(key []byte) (string, error) {
	if len(key) > 40 {
		return "", errInput
	}
	enc := make([]byte, noPad.EncodedLen(len(key)))
	noPad.Encode(enc, key)
	out := make([]byte, 0, len(enc)+len(enc)/4)
	for i, c := range enc {
		if i > 0 && i%4 == 0 {
			out = append(out, ' ')
		}
		out = append(out, c)
	}
	return string(out), nil
}

// Ungroup drops spaces and dashes and uppercases a typed-in secret.
func Ungroup(s string) (string, error) {
	if len(s) > 128 {
		return "", errInput
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '-':
			continue
		case c >= 'a' && c <= 'z':
			c -= 'a' - 'A'
		}
		b = append(b, c)
	}
	return string(b), nil
}

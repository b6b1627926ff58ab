package codec

import "strings"

const charset32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"

const maxBech32 = 90

var gen = [5]uint32{0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3}

func polymod(values []byte) uint32 {
	chk := uint32(1)
	for _, v := range values {
		top := chk >> 25
		chk = (chk&0x1ffffff)<<5 ^ uint32(v)
		for i := 0; i < 5; i++ {
			if (top>>uint(i))&1 == 1 {
				chk ^= gen[i]
			}
		}
	}
	return chk
}

// checksum returns the six 5-bit checksum values of hrp and data.
func checksum(hrp string, data []byte) [6]byte {
	values := make([]byte, 0, 2*len(hrp)+1+len(data)+6)
	for i := 0; i < len(hrp); i++ {
		values = append(values, hrp[i]>>5)
	}
	values = append(values, 0)
	for i := 0; i < len(hrp); i++ {
		values = append(values, hrp[i]&31)
	}
	values = append(values, data...)
	values = append(values, 0, 0, 0, 0, 0, 0)
	mod := polymod(values) ^ 1
	var out [6]byte
	for i := range out {
		out[i] = byte(mod>>uint(5*(5-i))) & 31
	}
	return out
}

// Bech32 encodes hrp and 5-bit data; the whole string is at most 90 characters.
func Bech32(hrp string, data []byte) (string, error) {
	if len(hrp) < 1 || len(hrp)+7+len(data) > maxBech32 {
		return "", errInput
	}
	hrp = strings.ToLower(hrp)
	sum := checksum(hrp, data)
	ret := make([]byte, 0, len(hrp)+1+len(data)+len(sum))
	ret = append(ret, hrp...)
	ret = append(ret, '1')
	for _, d := range data {
		ret = append(ret, charset32[d&31])
	}
	for _, d := range sum {
		ret = append(ret, charset32[d])
	}
	return string(ret), nil
}

// ConvertBits regroups 8-bit bytes into 5-bit groups, padding the last.
func ConvertBits(data []byte) []byte {
	out := make([]byte, 0, (len(data)*8+4)/5)
	acc, bits := 0, 0
	for _, b := range data {
		acc = acc<<8 | int(b)
		bits += 8
		for bits >= 5 {
			bits -= 5
			out = append(out, byte(acc>>bits)&31)
		}
	}
	if bits > 0 {
		out = append(out, byte(acc<<(5-bits))&31)
	}
	return out
}

// HRP returns the human-readable part of a bech32 string, lowercased.
func HRP(s string) (string, error) {
	if len(s) > maxBech32 {
		return "", errInput
	}
	sep := strings.LastIndexByte(s, '1')
	if sep < 1 {
		return "", errInput
	}
	b := make([]byte, sep)
	for i := 0; i < sep; i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return string(b), nil
}

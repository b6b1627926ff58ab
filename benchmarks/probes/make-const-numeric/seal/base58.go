package seal

import "errors"

const alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"

// MaxKey is the longest key Encode58 accepts (a compressed public key plus version).
const MaxKey = 34

var errTooLong = errors.New("seal: input too long")

// Encode58 encodes a short key in base58.
func Encode58(b []byte) (string, error) {
	if len(b) > MaxKey {
		return "", errTooLong
	}
	zeros := 0
	for zeros < len(b) && b[zeros] == 0 {
		zeros++
	}
	size := (len(b)-zeros)*138/100 + 1
	buf := make([]byte, size)
	high := size - 1
	for _, c := range b[zeros:] {
		carry := int(c)
		j := size - 1
		for ; j > high || carry != 0; j-- {
			carry += 256 * int(buf[j])
			buf[j] = byte(carry % 58)
			carry /= 58
		}
		high = j
	}
	j := 0
	for j < size && buf[j] == 0 {
		j++
	}
	out := make([]byte, zeros+size-j)
	for i := 0; i < zeros; i++ {
		out[i] = '1'
	}
	for i := zeros; j < size; i, j = i+1, j+1 {
		out[i] = alphabet[buf[j]]
	}
	return string(out), nil
}

const charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"

func polymod(values []byte) uint32 {
	gen := [5]uint32{0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3}
	chk := uint32(1)
	for _, v := range values {
		top := chk >> 25
		chk = (chk&0x1ffffff)<<5 ^ uint32(v)
		for i := 0; i < 5; i++ {
			if (top>>i)&1 == 1 {
				chk ^= gen[i]
			}
		}
	}
	return chk
}

// Bech32 encodes 5-bit groups under a human-readable part; the whole string is at most 90 characters.
func Bech32(hrp string, data []byte) (string, error) {
	if len(hrp) < 1 || len(hrp)+1+len(data)+6 > 90 {
		return "", errTooLong
	}
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
	out := make([]byte, 0, len(hrp)+1+len(data)+6)
	out = append(out, hrp...)
	out = append(out, '1')
	for _, d := range data {
		out = append(out, charset[d&31])
	}
	for i := 0; i < 6; i++ {
		out = append(out, charset[(mod>>uint(5*(5-i)))&31])
	}
	return string(out), nil
}

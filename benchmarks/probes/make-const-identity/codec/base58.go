// Package codec holds the text encodings identity formats use: base58, bech32, base32 groups.
package codec

import "errors"

const alphabet58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"

const maxBase58Input = 64

var errInput = errors.New("codec: bad input")

// Base58 encodes src (at most 64 bytes) in the Bitcoin alphabet.
func Base58(src []byte) (string, error) {
	if len(src) > maxBase58Input {
		return "", errInput
	}
	zeros := 0
	for zeros < len(src) && src[zeros] == 0 {
		zeros++
	}
	size := (len(src)-zeros)*138/100 + 1
	buf := make([]byte, size)
	high := size - 1
	for _, b := range src[zeros:] {
		carry := int(b)
		j := size - 1
		for ; j > high || carry != 0; j-- {
			carry += 256 * int(buf[j])
			buf[j] = byte(carry % 58)
			carry /= 58
		}
		high = j
	}
	i := 0
	for i < size && buf[i] == 0 {
		i++
	}
	out := make([]byte, 0, zeros+size-i)
	for range zeros {
		out = append(out, '1')
	}
	for _, d := range buf[i:] {
		out = append(out, alphabet58[d])
	}
	return string(out), nil
}

// Base58Check appends a 4-byte checksum before encoding.
func Base58Check(version byte, payload []byte, sum func([]byte) [32]byte) (string, error) {
	if len(payload) > maxBase58Input-5 {
		return "", errInput
	}
	data := make([]byte, 0, 1+len(payload)+4)
	data = append(data, version)
	data = append(data, payload...)
	first := sum(data)
	second := sum(first[:])
	data = append(data, second[:4]...)
	return Base58(data)
}

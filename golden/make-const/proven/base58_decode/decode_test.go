package base58

import (
	"bytes"
	"strings"
	"testing"
)

// encode is the textbook base58 encoder, for the tests' inputs.
func encode(src []byte) string {
	zeros := 0
	for zeros < len(src) && src[zeros] == 0 {
		zeros++
	}
	var digits []byte // little-endian base 58
	for _, b := range src[zeros:] {
		carry := int(b)
		for i := range digits {
			carry += int(digits[i]) << 8
			digits[i] = byte(carry % 58)
			carry /= 58
		}
		for carry > 0 {
			digits = append(digits, byte(carry%58))
			carry /= 58
		}
	}
	out := strings.Repeat("1", zeros)
	for i := len(digits) - 1; i >= 0; i-- {
		out += string(alphabet[digits[i]])
	}
	return out
}

func TestBehaviour(t *testing.T) {
	var dst [96]byte
	for _, src := range [][]byte{{}, {0}, {0, 0, 1}, []byte("Hello World!"), bytes.Repeat([]byte{0xff}, 93), append([]byte{0, 0}, bytes.Repeat([]byte{0x7f}, 40)...)} {
		n, err := Decode(dst[:], encode(src))
		if err != nil || !bytes.Equal(dst[:n], src) {
			t.Fatalf("%x: %x %v", src, dst[:n], err)
		}
	}
	if encode([]byte("Hello World!")) != "2NEpo7TZRRrLZSi2U" {
		t.Fatal("the test's encoder is wrong")
	}
	if _, err := Decode(dst[:], strings.Repeat("z", maxEncoded+1)); err != errLength {
		t.Fatal(err)
	}
	if _, err := Decode(dst[:], "2NEpo0"); err != errDigit {
		t.Fatal(err)
	}
	if _, err := Decode(dst[:4], "2NEpo7TZRRrLZSi2U"); err != errRoom {
		t.Fatal(err)
	}
	if n, err := Decode(dst[:], strings.Repeat("z", maxEncoded)); err != nil || n != 94 {
		t.Fatal(n, err)
	}
}

func TestAllocs(t *testing.T) {
	var dst [96]byte
	key := encode(bytes.Repeat([]byte{0x5a}, 64)) // an 88-digit key: a 65-byte buffer
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Decode(dst[:], key) }))
}

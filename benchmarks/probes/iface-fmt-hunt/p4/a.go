package p4

import "fmt"

type upperHex struct{}

func (upperHex) AppendEncode(dst, src []byte) []byte {
	const digits = "0123456789ABCDEF"
	for _, b := range src {
		dst = append(dst, digits[b>>4], digits[b&15])
	}
	return dst
}

// LocalHex declares a hex value.
func LocalHex(sum [4]byte) string {
	hex := upperHex{}
	_ = hex
	return fmt.Sprintf("sum %x", sum)
}

// LocalHexLit has the hex in the enclosing function.
func LocalHexLit(sum [4]byte) string {
	hex := upperHex{}
	_ = hex
	f := func() string { return fmt.Sprintf("sum %x", sum) }
	return f()
}

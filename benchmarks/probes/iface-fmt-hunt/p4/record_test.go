package p4

import (
	"fmt"
	"testing"
)

func TestShow(t *testing.T) {
	var out string
	for _, v := range []int{0, 44, 97, 300, -1, 0x10FFFF + 1} {
		out += show(v)
	}
	t.Log(out)
	fmt.Println(out)
}
func show(v int) string { s := [4]byte{byte(v), 0xab}; return LocalHex(s) + LocalHexLit(s) }

package p3

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
func show(v int) string { return LocalRune(int16(v)) + Other(int16(v)) }

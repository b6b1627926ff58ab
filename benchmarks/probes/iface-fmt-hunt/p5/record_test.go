package p5

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
func show(v int) string { return LocalConv(v, v > 0) + LocalConvQ(rune(v)) + LocalConvAlone(v) }

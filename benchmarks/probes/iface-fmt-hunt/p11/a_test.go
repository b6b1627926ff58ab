package p11

import (
	"fmt"
	"testing"
)

func TestShow(t *testing.T) {
	fmt.Println(Platform(7), Platform2("n"), PlatformErr("n"), UserAgent("n"), MaxInt("n"), IntSize("n"), MaxUint("n"), Word("n"), Sizeof("n"), UintSize("n"), Compiler("n"), Errf("n"))
}

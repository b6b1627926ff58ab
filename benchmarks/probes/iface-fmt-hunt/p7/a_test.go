package p7

import (
	"fmt"
	"testing"
)

func TestShow(t *testing.T) {
	for _, s := range []string{"", "x", "\xff"} {
		fmt.Printf("%q\n", Invalid(s)+InvalidOp(s)+Sep(s, s)+Raw(s)+Bom(s)+Nul(s)+Quote(s)+Float1(s)+Float2(s)+Float3(s)+Cplx(s)+Shift(s, 3)+Byte(s)+Sprintln2(s, 3)+Pct(s)+Combining(s)+Tab(s, nil))
	}
}

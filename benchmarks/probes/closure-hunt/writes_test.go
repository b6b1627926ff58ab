package svc

import "fmt"

func init() {
	for _, n := range []string{"", "z", "zz"} {
		n := n
		add("ParenWrite"+n, func() string { return ParenWrite(n) })
		add("ParenStored"+n, func() string { return ParenStored(n) })
		add("SelectAssign"+n, func() string { return SelectAssign(n) })
		add("IfInitWrite"+n, func() string { return IfInitWrite(n) })
		add("SwapWrite"+n, func() string { return SwapWrite(n) })
		add("ScanWrite"+n, func() string { return ScanWrite(n) })
		add("RangeAssign"+n, func() string { return RangeAssign([]string{n, n + "q"}) })
	}
	for v := 0; v < 3; v++ {
		v := v
		add(fmt.Sprint("FieldParenWrite", v), func() string { return FieldParenWrite(v) })
		add(fmt.Sprint("DerefParenWrite", v), func() string { return DerefParenWrite(v) })
	}
}

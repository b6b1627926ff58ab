package svc

import "fmt"

func init() {
	for n := 0; n < 3; n++ {
		n := n
		add(fmt.Sprint("WideCopyInto", n), func() string { return WideCopyInto(fmt.Sprint("ab", n)) })
		add(fmt.Sprint("WideFieldMethod", n), func() string { return WideFieldMethod(n) })
		add(fmt.Sprint("WideFieldRead", n), func() string { return WideFieldRead(n) })
		add(fmt.Sprint("WideListWrite", n), func() string { return WideListWrite(n) })
	}
}

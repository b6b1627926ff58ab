package svc

import "fmt"

func init() {
	for _, s := range [][]string{nil, {"x"}, {"x", "y"}} {
		s := s
		add(fmt.Sprint("CloseLastDefer", s), func() string { return CloseLastDefer(s) })
		add(fmt.Sprint("CloseFirstDefer", s), func() string { return CloseFirstDefer(s) })
	}
	for n := 0; n < 3; n++ {
		n := n
		add(fmt.Sprint("SelectDefaultWait", n), func() string { return SelectDefaultWait(n) })
		add(fmt.Sprint("SendThenMore", n), func() string { return SendThenMore(n) })
	}
}

package svc

import "fmt"

func init() {
	for _, s := range [][]string{nil, {"x"}, {"x", "y"}} {
		s := s
		add(fmt.Sprint("RegisterThenRename", s), func() string { return RegisterThenRename(s) })
		add(fmt.Sprint("WrapThenRename", s), func() string { return WrapThenRename(s) })
		add(fmt.Sprint("BusRename", s), func() string { return BusRename(s) })
	}
	for _, n := range []string{"", "q"} {
		n := n
		add("SlotRename"+n, func() string { return SlotRename(n) })
		add("ChanRename"+n, func() string { return ChanRename(n) })
	}
}

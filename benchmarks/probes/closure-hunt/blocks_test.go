package svc

import "fmt"

func init() {
	for n := 0; n < 3; n++ {
		n := n
		add(fmt.Sprint("TryGoThenDefer", n), func() string { return TryGoThenDefer(n) })
		add(fmt.Sprint("NamedTwiceThenHook", n), func() string { return NamedTwiceThenHook(n) })
		add(fmt.Sprint("AfterFuncThenHook", n), func() string { return AfterFuncThenHook(n) })
		add(fmt.Sprint("TryGoThenGo", n), func() string { return TryGoThenGo(n) })
	}
}

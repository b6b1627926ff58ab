package svc

import "fmt"

func init() {
	for k := 0; k < 3; k++ {
		k := k
		add(fmt.Sprint("NamedResultHook", k), func() string { r, g := NamedResultHook(k); return r + "/" + g() })
		add(fmt.Sprint("SliceThroughMethod", k), func() string { return SliceThroughMethod(k + 5) })
		add(fmt.Sprint("CounterThroughMethod", k), func() string { return CounterThroughMethod(k + 5) })
		add(fmt.Sprint("LabelReader", k), func() string { return LabelReader(k) })
		add(fmt.Sprint("DoneEarlyHelper", k), func() string { return DoneEarlyHelper(k) })
		add(fmt.Sprint("DoneEarlyValue", k), func() string { return DoneEarlyValue(k) })
		add(fmt.Sprint("DoneEarlyNested", k), func() string { return DoneEarlyNested(k) })
		add(fmt.Sprint("DoneTwice", k), func() string { return DoneTwice(k) })
		add(fmt.Sprint("PanicBetween", k), func() string { return PanicBetween([]int{1, k}, k == 1) })
	}
	for _, s := range [][]int{nil, {1}, {1, 2, 3, 4, 5}} {
		s := s
		add(fmt.Sprint("CopyIntoArray", s), func() string { return CopyIntoArray(s) })
	}
	for _, s := range [][]string{nil, {"a"}, {"a", "b"}} {
		s := s
		add(fmt.Sprint("DeferredCallbacks", s), func() string { return DeferredCallbacks(s) })
	}
}

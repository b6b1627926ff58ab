package svc

import "fmt"

func init() {
	for k := 0; k < 4; k++ {
		k := k
		add(fmt.Sprint("OwnedTwice", k), func() string { return OwnedTwice(k) })
		add(fmt.Sprint("OwnedNamed", k), func() string { return OwnedNamed(k) })
		add(fmt.Sprint("OwnedInRangeFunc", k), func() string { return OwnedInRangeFunc(k) })
		add(fmt.Sprint("OwnedLoopLabel", k), func() string { return OwnedLoopLabel(k) })
		add(fmt.Sprint("CopyInHelperTwice", k), func() string { return CopyInHelperTwice(k) })
	}
	for _, s := range [][]string{nil, {"a"}, {"a", "b", "c"}} {
		s := s
		add(fmt.Sprint("OwnedBufferTwice", s), func() string { return OwnedBufferTwice(s) })
	}
}

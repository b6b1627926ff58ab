package svc

import "fmt"

func init() {
	for _, ns := range [][]string{nil, {"a"}, {"a", "b", "c"}} {
		ns := ns
		add(fmt.Sprint("GotoHooks", ns), func() string { return GotoHooks(ns) })
	}
	for _, vs := range [][]int{nil, {1}, {1, 2, 3}} {
		vs := vs
		add(fmt.Sprint("GotoFeed", vs), func() string { return GotoFeed(vs) })
	}
	for k := 0; k < 4; k++ {
		k := k
		add(fmt.Sprint("MethodValueBump", k), func() string { return MethodValueBump(k) })
		add(fmt.Sprint("HeldPointer", k), func() string { return HeldPointer(k) })
		add(fmt.Sprint("SliceAlias", k), func() string { return SliceAlias(k) })
		add(fmt.Sprint("PtrBefore", k), func() string { return PtrBefore(k) })
		add(fmt.Sprint("StoredThenPtr", k), func() string { return StoredThenPtr(k) })
		add(fmt.Sprint("ClosureTwice", k), func() string { return ClosureTwice(k) })
		add(fmt.Sprint("LoopPostWrite", k), func() string { return LoopPostWrite(k) })
		add(fmt.Sprint("SetAfterStart", k), func() string { return SetAfterStart(fmt.Sprint(k)) })
		add(fmt.Sprint("SetterValue", k), func() string { return SetterValue(fmt.Sprint(k)) })
		add(fmt.Sprint("WaitInBranch", k), func() string { return WaitInBranch([]int{1, 2, k}, k%2 == 0) })
	}
	add("DeferReport", func() string { return DeferReport([]string{"x", "y"}) })
	add("DeferReportNil", func() string { return DeferReport(nil) })
}

package svc

import "fmt"

func init() {
	for n := 0; n < 2; n++ {
		n := n
		add(fmt.Sprint("DeferredWait", n), func() string { return DeferredWait(n) })
		add(fmt.Sprint("DeferredWaitInBranch", n), func() string { return DeferredWaitInBranch(n) })
		add(fmt.Sprint("GoWaitInBranch", n), func() string { return GoWaitInBranch(n) })
	}
}

package svc

import "fmt"

func init() {
	for n := 0; n < 2; n++ {
		n := n
		add(fmt.Sprint("ReassignedGroup", n), func() string { return ReassignedGroup(n) })
	}
}

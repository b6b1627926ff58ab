package svc

import "fmt"

func init() {
	for _, s := range [][]int{nil, {1}, {1, 2}} {
		s := s
		add(fmt.Sprint("PromotedBound", s), func() string { return PromotedBound(s) })
		add(fmt.Sprint("BoundThroughPointerField", s), func() string { return BoundThroughPointerField(s) })
		add(fmt.Sprint("IfaceBound", s), func() string { return IfaceBound(s) })
	}
}

package svc

import "fmt"

func init() {
	for n := 0; n < 3; n++ {
		n := n
		add(fmt.Sprint("PointeeHits", n), func() string { return PointeeHits(n) })
		add(fmt.Sprint("PointeeSliceWrite", n), func() string { return PointeeSliceWrite(fmt.Sprint("xy", n)) })
		add(fmt.Sprint("PointeeFieldMethod", n), func() string { return PointeeFieldMethod(n) })
		add(fmt.Sprint("PointeeRead", n), func() string { return PointeeRead(n) })
	}
}

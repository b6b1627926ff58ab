package svc

import (
	"fmt"
	"sort"
	"strings"
)

func init() {
	for n := 0; n < 5; n++ {
		n := n
		add(fmt.Sprint("RunRender", n), func() string {
			resetFanGate()
			res := make(chan string, n)
			out := ""
			if n <= 2 {
				close(fanGate)
			}
			func() {
				defer func() {
					if r := recover(); r != nil {
						out = fmt.Sprint(r, ":")
					}
				}()
				Render(n, res)
			}()
			if n > 2 {
				close(fanGate)
			}
			var got []string
			for i := 0; i < n; i++ {
				got = append(got, <-res)
			}
			sort.Strings(got)
			return out + strings.Join(got, ",")
		})
	}
}

package svc

import "fmt"

func init() {
	for _, s := range [][]string{nil, {"bb"}, {"bb", "cc"}, {"a", ""}, {"bb", "a", ""}} {
		s := s
		add(fmt.Sprint("RunExitWrite", s), func() string { return RunExitWrite(s) })
	}
}

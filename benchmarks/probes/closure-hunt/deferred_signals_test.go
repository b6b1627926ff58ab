package svc

import "fmt"

func init() {
	for _, s := range [][]string{nil, {"x"}, {"x", "y"}} {
		s := s
		add(fmt.Sprint("CloseLastAudit", s), func() string { return CloseLastAudit(s) })
		add(fmt.Sprint("DoneLastAudit", s), func() string { return DoneLastAudit(s) })
	}
}

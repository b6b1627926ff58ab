package runner

import (
	"errors"
	"fmt"
	"testing"
)

func check(p string) ([]string, error) {
	if p == "bad" {
		return nil, errors.New("cannot load")
	}
	return []string{p + ": unused result"}, nil
}

func TestBehaviour(t *testing.T) {
	findings, failed := Run([]string{"a/...", "bad", "c"}, check)
	if got := fmt.Sprint(findings, failed); got != "[[a: unused result] [] [c: unused result]] 1" {
		t.Fatal(got)
	}
	if findings, failed := Run([]string{"bad"}, check); findings != nil || failed != 1 {
		t.Fatal(findings, failed)
	}
}

func TestAllocs(t *testing.T) {
	pkgs := []string{"a", "b", "c", "d"}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Run(pkgs, check) }))
}

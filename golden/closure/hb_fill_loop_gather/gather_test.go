package gather

import (
	"sort"
	"testing"
)

func TestBehaviour(t *testing.T) {
	got, n := Gather([]string{"./a", "./b"}, []string{"x"})
	sort.Slice(got, func(i, j int) bool { return got[i].Pkg < got[j].Pkg })
	if n != 0 || len(got) != 2 || got[1].Output != "go test -count=1 -tags=x ./b" {
		t.Fatal(got, n)
	}
}

func TestAllocs(t *testing.T) {
	pkgs, tags := []string{"./a", "./b"}, []string{"x"}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Gather(pkgs, tags) }))
}

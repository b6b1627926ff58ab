package pool

import "testing"

func TestBehaviour(t *testing.T) {
	conns, addr := Grow("db:5432", 4, 2)
	if len(conns) != 4 || conns[3].Addr != "db:5432" || addr != "db:5432 (grown)" {
		t.Fatalf("Grow = %v %q", conns, addr)
	}
}

func TestAllocs(t *testing.T) {
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Grow("db:5432", 4, 2) }))
}

package labels

import "testing"

func TestBehaviour(t *testing.T) {
	if got := Key("rps", []string{"A", "b", "C", "d", "E", "f", "G", "h", "I", "j"}); got != "rps{a,b,c,d,e,f,g,h}" {
		t.Fatal(got)
	}
	if got := Key("up", nil); got != "up{}" {
		t.Fatal(got)
	}
}

func TestAllocs(t *testing.T) {
	labels := []string{"host", "zone", "code"}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Key("rps", labels) }))
}

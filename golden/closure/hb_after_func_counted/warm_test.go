package warm

import (
	"strings"
	"testing"
)

func TestBehaviour(t *testing.T) {
	got := Spread([]string{"a", "b", "c"}, 0, "users/", func(k string) string { return strings.ToUpper(k) })
	if got != "USERS: USERS/A,USERS/B,USERS/C" {
		t.Fatal(got)
	}
}

func TestAllocs(t *testing.T) {
	keys := []string{"a", "b", "c", "d"}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Spread(keys, 0, "users/", func(k string) string { return k }) }))
}

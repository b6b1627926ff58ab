package warm

import "testing"

func TestBehaviour(t *testing.T) {
	c := &Cache{m: map[string]string{}}
	tier, err := Warm(c, []string{"a", "b"}, []string{"c"}, "cold")
	if err != nil || tier != "cold (warm)" || c.m["a"] != "A" || c.m["c"] != "cold:c" {
		t.Fatalf("Warm = %q %v %v", tier, err, c.m)
	}
}

func TestAllocs(t *testing.T) {
	c := &Cache{m: map[string]string{}}
	hot, cold := []string{"a", "b"}, []string{"c"}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Warm(c, hot, cold, "cold") }))
}

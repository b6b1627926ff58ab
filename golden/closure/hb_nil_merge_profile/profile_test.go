package profile

import "testing"

func look(backend, user string, quota int) int { return len(backend) + len(user) + quota }

func TestBehaviour(t *testing.T) {
	// ann: (8+3+8) + 2*(8+3+8) = 57; bob: (8+3+4) + 2*(8+3+4) = 45
	if got := Load([]string{"ann", "bob"}, 8, look); got != 102 {
		t.Fatal(got)
	}
}

func TestAllocs(t *testing.T) {
	users := []string{"ann", "bob", "cy"}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Load(users, 8, look) }))
}

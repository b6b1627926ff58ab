package script

import "testing"

func TestBehaviour(t *testing.T) {
	s := &Session{Name: "ci"}
	got := s.Script([]string{"run make", "run test", "status"})
	if len(got) != 3 || got[2] != "ci ran 0" || s.runs != 2 {
		t.Fatal(got, s.runs)
	}
}

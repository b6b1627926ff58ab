package snippet

import "testing"

func TestRender(t *testing.T) {
	ann, _ := Render("Ann")
	bob, _ := Render("Bob")
	if string(ann) != "Hello, Ann!" || string(bob) != "Hello, Bob!" {
		t.Fatalf("rendered %q and %q", ann, bob)
	}
}

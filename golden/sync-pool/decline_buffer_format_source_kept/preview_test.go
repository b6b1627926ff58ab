package preview

import "testing"

func TestThePaneKeepsItsText(t *testing.T) {
	if err := Update([]string{"  "}); err != nil {
		t.Fatal(err)
	}
	shown := last
	if err := Update([]string{"\t\t"}); err != nil {
		t.Fatal(err)
	}
	if string(shown) != "  \n" {
		t.Fatalf("the earlier pane text became %q", shown)
	}
}

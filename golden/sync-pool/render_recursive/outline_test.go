package outline

import "testing"

func TestRender(t *testing.T) {
	root := &Node{Title: "a", Children: []*Node{{Title: "b", Children: []*Node{{Title: "c"}}}, {Title: "d"}}}
	if got := Render(root); got != "- a\n  - b\n    - c\n  - d\n" {
		t.Fatalf("Render = %q", got)
	}
	if got := Render(&Node{Title: "x"}); got != "- x\n" {
		t.Fatalf("a second Render = %q", got)
	}
}

func TestAllocsPerRun(t *testing.T) {
	root := &Node{Title: "a", Children: []*Node{{Title: "b"}}}
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() { Render(root) }))
}

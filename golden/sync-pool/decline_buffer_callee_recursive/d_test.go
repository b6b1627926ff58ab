package calleerecursive

import (
	"fmt"
	"testing"
)

func TestMarks(t *testing.T) {
	Marks = nil
	Render(&Node{Title: "a", Children: []*Node{{Title: "b", Marked: true}}})
	Render(&Node{Title: "c", Marked: true})
	if got := Marks[0].(fmt.Stringer).String(); got != "a;b;" {
		t.Fatalf("the first marked writer holds %q", got)
	}
}

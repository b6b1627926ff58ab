package records

import (
	"strings"
	"testing"
)

func TestRead(t *testing.T) {
	first, _ := Read(strings.NewReader("cpu 12\nmem 3456\n"))
	second, _ := Read(strings.NewReader("disk 7\n"))
	if len(first) != 2 || string(first[0][0]) != "cpu" || string(second[0][1]) != "7" {
		t.Fatalf("records %q and %q", first, second)
	}
}

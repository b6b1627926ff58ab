package columns

import (
	"strings"
	"testing"
)

func TestBehaviour(t *testing.T) {
	got := Expand([][]string{{"name", "size"}, {"a-long-file-name.txt", "12"}, {"x"}})
	want := "name" + strings.Repeat(" ", 44) + "size\n" + "a-long-file-name.txt" + strings.Repeat(" ", 28) + "12\n" + "x\n"
	if got != want {
		t.Fatalf("Expand = %q", got)
	}
	wide := strings.Repeat("w", 100)
	got = Expand([][]string{{wide, "v"}, {"", "v"}})
	if want = wide + strings.Repeat(" ", 44) + "v\n" + strings.Repeat(" ", 48) + "v\n"; got != want {
		t.Fatalf("Expand = %q", got)
	}
}

func TestAllocs(t *testing.T) {
	rows := [][]string{{"id", "owner"}}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Expand(rows) }))
}

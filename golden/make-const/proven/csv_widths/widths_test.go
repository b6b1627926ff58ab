package widths

import (
	"strings"
	"testing"
)

func TestBehaviour(t *testing.T) {
	if got := Layout("id, name,created_at"); got != 5+5+11 {
		t.Fatal(got)
	}
	if got := Layout(strings.Repeat(",", maxHeader)); got != 5*(maxHeader+1) {
		t.Fatal("empty columns", got)
	}
	if Layout(strings.Repeat("x", maxHeader+1)) != -1 {
		t.Fatal("a long header laid out")
	}
}

func TestAllocs(t *testing.T) {
	header := "id,name,email,created_at,updated_at,status,owner,region"
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Layout(header) }))
}

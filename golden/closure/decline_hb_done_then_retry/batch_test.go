package batch

import (
	"fmt"
	"sort"
	"strings"
	"testing"
)

func TestBehaviour(t *testing.T) {
	send := func(label, item string) bool { return item != "late" || strings.HasSuffix(label, "-retry") }
	got := Send([]string{"a", "late", "b"}, "b7", send)
	sort.Strings(got)
	if s := fmt.Sprint(got); s != "[b7-retry:late b7:a b7:b]" {
		t.Fatal(s)
	}
}

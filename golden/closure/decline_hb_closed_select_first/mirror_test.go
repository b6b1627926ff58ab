package mirror

import (
	"fmt"
	"sort"
	"testing"
)

func TestBehaviour(t *testing.T) {
	fetch := func(creds, m string) string { return creds + "@" + m }
	refresh := func(c string) string { return c + "2" }
	first, rest := Fetch([]string{"a", "b", "c"}, "key", fetch, refresh)
	sort.Strings(rest)
	if got := fmt.Sprintf("%s %v", first, rest); got != "key@a [key2@b key2@c]" {
		t.Fatal(got)
	}
}

package relay

import (
	"strconv"
	"strings"
	"testing"
)

func TestBehaviour(t *testing.T) {
	var got []string
	n := Forward([]string{"a", "b", "c"}, func(seq int, m string) { got = append(got, strconv.Itoa(seq)+":"+m) })
	if n != 4 || strings.Join(got, ",") != "1:a,2:b,3:c" {
		t.Fatal(n, got)
	}
}

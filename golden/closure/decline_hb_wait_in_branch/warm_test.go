package warm

import (
	"fmt"
	"testing"
)

func TestBehaviour(t *testing.T) {
	var got []string
	put := func(k string, ttl int) { got = append(got, fmt.Sprint(k, "=", ttl)) }
	Fill([]string{"a"}, 60, false, put)
	Fill([]string{"b"}, 60, true, put)
	if s := fmt.Sprint(got); s != "[a=60 b=0]" {
		t.Fatal(s)
	}
}

package notify

import (
	"fmt"
	"testing"
)

func TestBehaviour(t *testing.T) {
	var got []string
	send := func(u, s string) { got = append(got, u+":"+s) }
	Mail([]string{"ann", "bob"}, "news", send, func(s string) string { return "Fwd: " + s })
	if s := fmt.Sprint(got); s != "[ann:news bob:Fwd: news]" {
		t.Fatal(s)
	}
}

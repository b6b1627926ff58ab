package flush

import (
	"fmt"
	"testing"
	"time"
)

func TestBehaviour(t *testing.T) {
	var got []string
	write := func(dest, rec string) {
		got = append(got, dest+":"+rec)
		if rec == "a" {
			time.Sleep(100 * time.Millisecond) // slower than the timeout
		}
	}
	Flush([]string{"a", "b"}, "primary", "spill", time.Millisecond, write)
	if s := fmt.Sprint(got); s != "[primary:a spill:b]" {
		t.Fatal(s)
	}
}

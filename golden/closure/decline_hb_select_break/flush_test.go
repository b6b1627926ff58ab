package flush

import (
	"fmt"
	"testing"
	"time"
)

func TestBehaviour(t *testing.T) {
	var got []string
	stop := make(chan bool)
	write := func(dest, rec string) {
		got = append(got, dest+":"+rec)
		if rec == "a" {
			stop <- false                      // a soft stop while "a" is written
			time.Sleep(100 * time.Millisecond) // the switch is made meanwhile
		}
	}
	Flush([]string{"a", "b"}, "primary", "spill", stop, write)
	if s := fmt.Sprint(got); s != "[primary:a spill:b]" {
		t.Fatal(s)
	}
}

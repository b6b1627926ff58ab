package ping

import (
	"fmt"
	"testing"
	"time"
)

func probe(host string, o Options) bool { return o.Timeout >= time.Second && host != "down.example" }

func TestBehaviour(t *testing.T) {
	up, next := Check([]string{"A.example", "down.example", "c.example"}, Options{Port: 443, Timeout: time.Second}, probe)
	if got := fmt.Sprint(up, next); got != "[A.example c.example] {443 2s}" {
		t.Fatal(got)
	}
}

func TestAllocs(t *testing.T) {
	hosts := []string{"a.example", "b.example", "c.example", "d.example"}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Check(hosts, Options{Timeout: time.Second}, probe) }))
}

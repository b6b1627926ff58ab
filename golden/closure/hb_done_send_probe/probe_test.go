package probe

import (
	"testing"
	"time"
)

// ping reports the timeout it was given as the host's latency, plus a millisecond per letter.
func ping(host string, timeout time.Duration) time.Duration {
	return timeout + time.Duration(len(host))*time.Millisecond
}

func TestBehaviour(t *testing.T) {
	if got := Rounds([]string{"db", "cache"}, 3, 100*time.Millisecond, ping); got != 971*time.Millisecond {
		t.Fatal(got)
	}
	if got := Rounds(nil, 2, time.Second, ping); got != 0 {
		t.Fatal(got)
	}
}

func TestAllocs(t *testing.T) {
	hosts := []string{"db", "cache", "queue"}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Rounds(hosts, 2, time.Second, ping) }))
}

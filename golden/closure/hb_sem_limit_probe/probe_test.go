package probe

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

var endpoints = []string{"a:80", "down:80", "b:443"}

func ping(e string, d time.Duration) bool { return d > 0 && !strings.HasPrefix(e, "down") }

func TestBehaviour(t *testing.T) {
	up, d := Health(endpoints, 2, time.Second, ping)
	if got := fmt.Sprint(up, d); got != "[true false true] 2s" {
		t.Fatalf("Health = %s", got)
	}
}

func TestAllocs(t *testing.T) {
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Health(endpoints, 2, time.Second, ping) }))
}

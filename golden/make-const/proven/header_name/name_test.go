package name

import (
	"strings"
	"testing"
)

func TestBehaviour(t *testing.T) {
	if Hash("Content-Type: text/plain") != Hash("content-type: x") {
		t.Fatal("case counted")
	}
	if Hash("no colon") != 0 || Hash(strings.Repeat("x", maxLine-2)+": ") == 0 {
		t.Fatal("lines read wrong")
	}
	if Hash(strings.Repeat("x", maxLine)+": ") != 0 {
		t.Fatal("a long line read")
	}
}

func TestAllocs(t *testing.T) {
	line := "X-Request-Id-Forwarded-By-Upstream-Proxy: 42"
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Hash(line) }))
}

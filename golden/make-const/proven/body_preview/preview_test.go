package preview

import (
	"strings"
	"testing"
)

func TestBehaviour(t *testing.T) {
	body := []byte("GET /index\r\n" + strings.Repeat("x", 100))
	cases := []struct {
		body []byte
		want int
		out  string
	}{
		{body, 12, "GET /index.."},
		{body, 1000, "GET /index.." + strings.Repeat("x", 52)},
		{body[:3], 64, "GET"},
		{nil, 10, ""},
		{body, -1, ""},
	}
	for _, c := range cases {
		if got := Preview(c.body, c.want); got != c.out {
			t.Fatalf("Preview(%q, %d) = %q, want %q", c.body, c.want, got, c.out)
		}
	}
}

func TestAllocs(t *testing.T) {
	body := []byte(strings.Repeat("payload ", 16))
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { _ = Preview(body, 60) }))
}

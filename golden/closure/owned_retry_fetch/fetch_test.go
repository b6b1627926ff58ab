package fetch

import (
	"errors"
	"strings"
	"testing"
)

func TestBehaviour(t *testing.T) {
	get := func(u string) (string, error) {
		switch u {
		case "http://h/a":
			return "A", nil
		case "https://x/b":
			return "B", nil
		}
		if strings.HasSuffix(u, "/c") {
			return "", errors.New("down")
		}
		return "", errors.New("?" + u)
	}
	bodies, err := All("http://h", []string{"/a", "https://x/b", "http://h/c"}, 2, get)
	if bodies[0] != "A" || bodies[1] != "B" || bodies[2] != "" || err == nil || err.Error() != "down" {
		t.Fatal(bodies, err)
	}
}

func TestAllocs(t *testing.T) {
	urls := []string{"http://h/a", "http://h/b", "http://h/c", "http://h/d"}
	get := func(string) (string, error) { return "ok", nil }
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { All("http://h", urls, 3, get) }))
}

package mirror

import (
	"fmt"
	"testing"
)

var arts = []Artifact{{"a.tar.gz", 10}, {"a.tar.gz.sha256", 64}, {"empty", 0}, {"b.zip", 20}}

func put(url string, size int) int { return len(url) + size }

func TestBehaviour(t *testing.T) {
	codes, base := Push(arts, "https://m.example", put)
	if got := fmt.Sprint(codes, base); got != "[36 0 0 43]m.example" {
		t.Fatalf("Push = %s", got)
	}
}

func TestAllocs(t *testing.T) {
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Push(arts, "https://m.example", put) }))
}

package drain

import (
	"io"
	"strings"
	"testing"
)

func TestBody(t *testing.T) {
	if n, err := Body(strings.NewReader(strings.Repeat("x", 10000)), 1<<20); n != 10000 || err != nil {
		t.Fatalf("Body = %d, %v", n, err)
	}
	if n, err := Body(strings.NewReader("0123456789"), 4); n != 4 || err != nil {
		t.Fatalf("limited Body = %d, %v", n, err)
	}
}

// chunks reads in small pieces and has no WriteTo: CopyBuffer uses the scratch array.
type chunks struct{ left int }

func (c *chunks) Read(p []byte) (int, error) {
	if c.left == 0 {
		return 0, io.EOF
	}
	n := min(len(p), c.left, 1000)
	c.left -= n
	return n, nil
}

func TestAllocsPerRun(t *testing.T) {
	var c chunks
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() { c.left = 5000; Body(&c, 1<<20) }))
}

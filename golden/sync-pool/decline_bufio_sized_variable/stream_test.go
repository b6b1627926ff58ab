package stream

import "testing"

type counter struct{ writes int }

func (c *counter) Write(p []byte) (int, error) { c.writes++; return len(p), nil }

func TestCopy(t *testing.T) {
	var c counter
	if err := Copy(&c, 16, []string{"aaaaaaaaaa", "bbbbbbbbbb", "cccccccccc"}); err != nil {
		t.Fatal(err)
	}
	if c.writes != 3 {
		t.Fatalf("a 16-byte buffer wrote %d times, want 3", c.writes)
	}
}

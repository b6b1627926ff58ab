package words

import (
	"bufio"
	"strings"
	"testing"
)

const text = "the quick brown fox\njumps over\nthe lazy dog"

func TestCount(t *testing.T) {
	for i := 0; i < 3; i++ {
		lines, words, err := Count(strings.NewReader(text))
		if lines != 3 || words != 9 || err != nil {
			t.Fatalf("Count = %d, %d, %v", lines, words, err)
		}
	}
}

// A caller's own bufio.Reader is read as it is: what Count leaves unread stays in it.
func TestCallersReaderIsUsed(t *testing.T) {
	caller := bufio.NewReader(strings.NewReader("a b\nc\n"))
	if lines, words, _ := Count(caller); lines != 2 || words != 3 {
		t.Fatalf("Count(caller) = %d, %d", lines, words)
	}
	if n := caller.Buffered(); n != 0 {
		t.Fatalf("the caller's reader still holds %d bytes", n)
	}
}

func TestAllocsPerRun(t *testing.T) {
	r := strings.NewReader(text)
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() {
		r.Reset(text)
		Count(r)
	}))
}

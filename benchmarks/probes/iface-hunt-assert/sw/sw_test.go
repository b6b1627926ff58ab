package sw

import "testing"

func TestSw(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{DefaultFirst(0), "named:a"},
		{NilFirst(0), "stringer"},
		{NilFirst(1), "stringer"},
		{LocalDefaultFirst(0), "named:a"},
		{FallbackAfter(0), "after named:a"},
	} {
		if c.got != c.want {
			t.Errorf("got %q want %q", c.got, c.want)
		}
	}
}

package wr2

import "testing"

func TestWr2(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{S1(0), "named:at"}, {S1(1), "named:bt"},
		{S2(0), "named:anamed:a"}, {S2(2), "named:anamed:a"},
		{S3(0), "named:bu"},
		{S4(0), "named:au"},
		{S5(0), "named:at"}, {S5(1), "named:bt"},
	} {
		if c.got != c.want {
			t.Errorf("got %q want %q", c.got, c.want)
		}
	}
}

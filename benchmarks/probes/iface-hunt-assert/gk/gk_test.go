package gk

import "testing"

func TestGk(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{Weight[float32](), "named:b"},
		{Weight[float64](), "named:a"},
		{WeightBoth[float32](), "named:bnamed:b"},
		{WeightBoth[float64](), "named:anamed:b"},
		{WeightPlain(), "named:a"},
	} {
		if c.got != c.want {
			t.Errorf("got %q want %q", c.got, c.want)
		}
	}
}

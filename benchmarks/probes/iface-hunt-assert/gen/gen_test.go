package gen

import (
	"io"
	"strings"
	"testing"
)

type named struct{ s string }

func (n *named) String() string { return n.s }

type wbuf struct{ b strings.Builder }

func (w *wbuf) Write(p []byte) (int, error) { return w.b.Write(p) }

type val struct{}

func (val) String() string { return "val" }

func TestGen(t *testing.T) {
	check := func(got, want string) {
		t.Helper()
		if got != want {
			t.Errorf("got %q want %q", got, want)
		}
	}
	check(G1(named{"a"}), "stringer a")
	check(G1(3), "plain")
	check(G2(named{"a"}), "stringer a")
	check(G3(wbuf{}), "written")
	check(G3(3), "plain")
	check(G4(3), "plain")
	check(G5(3), "int 3")
	check(G5("x"), "other")
	check(G6(val{}), "stringer")
	check(G7(wbuf{}, func(w io.Writer) {}), "sunk")
	check(G7(1, func(w io.Writer) {}), "plain")
	check(G8(named{"q"}), "stringer")
	check(G8(1), "plain")
	check(G6(&named{"n"}), "plain n")
}

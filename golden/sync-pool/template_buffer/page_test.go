package page

import (
	"bytes"
	"io"
	"testing"
)

var list = List{"Fruit & veg", []string{"apple", "<kale>"}}

func TestRender(t *testing.T) {
	for range 2 {
		var out bytes.Buffer
		if err := Render(&out, list); err != nil {
			t.Fatal(err)
		}
		if want := "<h1>Fruit &amp; veg</h1><ul><li>apple</li><li>&lt;kale&gt;</li></ul>"; out.String() != want {
			t.Fatalf("Render = %q, want %q", out.String(), want)
		}
	}
}

func TestAllocsPerRun(t *testing.T) {
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() { Render(io.Discard, list) }))
}

package resize

import (
	"fmt"
	"testing"
)

var imgs = []Image{{"a", 800, 600}, {"b", 300, 900}}

func TestBehaviour(t *testing.T) {
	got := fmt.Sprint(Pyramid(imgs, 400, 400, 3))
	if want := "[[{a 400 400} {b 300 400}] [{a 200 200} {b 200 200}] [{a 100 100} {b 100 100}]]"; got != want {
		t.Fatal(got)
	}
}

func TestAllocs(t *testing.T) {
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Pyramid(imgs, 400, 400, 3) }))
}

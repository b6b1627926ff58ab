package thumbs

import (
	"fmt"
	"testing"
)

func images() []Image {
	imgs := make([]Image, 5)
	for i := range imgs {
		pix := make([]uint8, 16)
		for j := range pix {
			pix[j] = uint8(i*16 + j)
		}
		imgs[i] = Image{W: 4, H: 4, Pix: pix}
	}
	return imgs
}

func TestBehaviour(t *testing.T) {
	out, pct := Shrink(images(), 3, 2)
	if got := fmt.Sprint(out, pct); got != "[{2 2 [0 2 8 10]} {2 2 [16 18 24 26]} {2 2 [32 34 40 42]} {2 2 [48 50 56 58]} {2 2 [64 66 72 74]}] 50" {
		t.Fatalf("Shrink = %s", got)
	}
}

func TestAllocs(t *testing.T) {
	imgs := images()
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Shrink(imgs, 3, 2) }))
}

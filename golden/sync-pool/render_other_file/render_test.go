package badge

import "testing"

func TestSVG(t *testing.T) {
	want := `<svg xmlns="http://www.w3.org/2000/svg" width="63" height="20"><text x="0" y="14">go</text><text x="14" y="14">passing</text></svg>`
	if got := SVG("go", "passing"); got != want {
		t.Fatalf("SVG = %q", got)
	}
	if got := SVG("", ""); got != `<svg xmlns="http://www.w3.org/2000/svg" width="0" height="20"><text x="0" y="14"></text><text x="0" y="14"></text></svg>` {
		t.Fatalf("a second SVG = %q", got)
	}
}

func TestAllocsPerRun(t *testing.T) {
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() { SVG("go", "passing") }))
}

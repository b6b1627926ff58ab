package pages

import "testing"

func TestRender(t *testing.T) {
	first, second := Render(1, []string{"a"}), Render(2, []string{"b"})
	if want := `<page n="2"><row>b</row><footer>end</footer></page>`; second != want {
		t.Fatalf("Render(2) = %q, then %q", first, second)
	}
}

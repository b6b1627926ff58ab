package etag

import "testing"

var body = []byte("<html><body>hello</body></html>")

func TestBehaviour(t *testing.T) {
	got := Of(body)
	if len(got) != 66 || got[0] != '"' || got[65] != '"' {
		t.Fatal(got)
	}
	if Of(nil) != `"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"` {
		t.Fatal(Of(nil))
	}
}

func TestAllocs(t *testing.T) {
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Of(body) }))
}

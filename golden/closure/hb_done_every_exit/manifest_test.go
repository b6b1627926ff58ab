package manifest

import (
	"fmt"
	"testing"
	"testing/fstest"
)

var files = fstest.MapFS{
	"a.txt":   {Data: []byte("alpha")},
	"b.txt":   {Data: []byte("a longer body")},
	"big.txt": {Data: make([]byte, 40)},
}

func TestBehaviour(t *testing.T) {
	got := ""
	for _, e := range Build(files, []string{"a.txt", "b.txt", "big.txt", "gone.txt"}, 2, 8) {
		got += fmt.Sprintf("%s:%d:%v:%x ", e.Path, e.Size, e.Err != nil, e.Digest[:2])
	}
	if want := "a.txt:5:false:8ed3 b.txt:13:false:4857 big.txt:40:true:0000 gone.txt:0:true:0000 "; got != want {
		t.Fatal(got)
	}
}

func TestAllocs(t *testing.T) {
	paths := []string{"a.txt", "b.txt", "big.txt"}
	t.Logf("allocs=%v", testing.AllocsPerRun(100, func() { Build(files, paths, 2, 8) }))
}

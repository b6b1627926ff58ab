package gen

import (
	"io"
	"strings"
	"testing"
)

func TestWriteGetters(t *testing.T) {
	var out strings.Builder
	if err := WriteGetters(&out, "User", []Field{{"ID", "int64"}, {"Name", "string"}}); err != nil {
		t.Fatal(err)
	}
	want := "func (x *User) GetID() int64    { return x.ID }\nfunc (x *User) GetName() string { return x.Name }\n"
	if out.String() != want {
		t.Fatalf("WriteGetters wrote %q, want %q", out.String(), want)
	}
	out.Reset()
	if err := WriteGetters(&out, "Empty", nil); err != nil || out.Len() != 0 {
		t.Fatalf("no fields: %q, %v", out.String(), err)
	}
}

func TestAllocsPerRun(t *testing.T) {
	fields := []Field{{"ID", "int64"}, {"Name", "string"}}
	t.Logf("allocs/op: %v", testing.AllocsPerRun(100, func() { WriteGetters(io.Discard, "User", fields) }))
}

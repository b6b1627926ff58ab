package admin

import (
	"bytes"
	"io"
	"testing"
	"time"
)

var (
	users  = []User{{"ana", "owner", time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)}, {"bo", "viewer", time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)}}
	groups = []Group{{"ops", []string{"ana", "bo"}}, {"audit", nil}}
)

func TestListings(t *testing.T) {
	for i := 0; i < 3; i++ {
		var out bytes.Buffer
		if err := ListUsers(&out, users); err != nil {
			t.Fatal(err)
		}
		if err := ListGroups(&out, groups); err != nil {
			t.Fatal(err)
		}
		want := "LOGIN\tROLE\tLAST SEEN\nana\towner\t2026-03-01\nbo\tviewer\t2026-11-30\n" +
			"GROUP  MEMBERS\nops    2\naudit  0\n"
		if out.String() != want {
			t.Fatalf("listings = %q", out.String())
		}
	}
}

func TestAllocsPerRun(t *testing.T) {
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() {
		ListUsers(io.Discard, users)
		ListGroups(io.Discard, groups)
	}))
}

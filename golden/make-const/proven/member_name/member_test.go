package member

import "testing"

func TestBehaviour(t *testing.T) {
	for rec, want := range map[string]string{"5  README": "readm", "  5Hello": "hello", "012Makefile.AMx": "makefile.amx", "  0": ""} {
		if got, err := Name([]byte(rec)); got != want || err != nil {
			t.Fatalf("Name(%q) = %q, %v; want %q", rec, got, err, want)
		}
	}
	for _, rec := range []string{"x1", "999short", "0x1a", ""} {
		if _, err := Name([]byte(rec)); err == nil {
			t.Fatalf("Name(%q) must fail", rec)
		}
	}
	func() {
		defer func() {
			if recover() == nil {
				t.Fatal("a negative length must panic, as make does")
			}
		}()
		Name([]byte("-1 a"))
	}()
}

func TestAllocs(t *testing.T) {
	rec := []byte("040" + "a-member-name-of-forty-bytes-exactly-1234" + "tail")
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Name(rec) }))
}

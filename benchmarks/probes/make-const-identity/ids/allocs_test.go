package ids

import "testing"

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	u := UUID{0xf8, 0x1d, 0x4f, 0xae, 0x7d, 0xec, 0x11, 0xd0, 0xa7, 0x65, 0x00, 0xa0, 0xc9, 0x1e, 0x6b, 0xf6}
	s := u.String()
	allocs(t, "UUID.String", func() { _ = u.String() })
	allocs(t, "ParseUUID", func() { ParseUUID(s) })
	allocs(t, "URN", func() { _ = u.URN() })
	allocs(t, "Compact", func() { Compact(u) })
	id := NewULID(1469918176385, [10]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
	us := id.String()
	allocs(t, "ULID.String", func() { _ = id.String() })
	allocs(t, "ParseULID", func() { ParseULID(us) })
	k := NewKSUID(1500000000, [16]byte{9, 9, 9})
	allocs(t, "KSUID.String", func() { _ = k.String() })
	allocs(t, "ShortID", func() { ShortID(k, 8) })
}

func TestIDs(t *testing.T) {
	u := UUID{0xf8, 0x1d, 0x4f, 0xae, 0x7d, 0xec, 0x11, 0xd0, 0xa7, 0x65, 0x00, 0xa0, 0xc9, 0x1e, 0x6b, 0xf6}
	if s := u.String(); s != "f81d4fae-7dec-11d0-a765-00a0c91e6bf6" {
		t.Fatal(s)
	}
	if p, err := ParseUUID(u.String()); p != u || err != nil {
		t.Fatal(p, err)
	}
	if u.URN() != "urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6" || Compact(u) != "f81d4fae7dec11d0a76500a0c91e6bf6" {
		t.Fatal(u.URN())
	}
	id := NewULID(1469918176385, [10]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
	back, err := ParseULID(id.String())
	if err != nil || back != id || back.Time() != 1469918176385 || len(id.String()) != 26 {
		t.Fatal(id.String(), back, err)
	}
	var zero KSUID
	if s := zero.String(); s != "000000000000000000000000000" {
		t.Fatal(s)
	}
	var max KSUID
	for i := range max {
		max[i] = 0xff
	}
	if s := max.String(); s != "aWgEPTl1tmebfsQzFP4bxwgy80V" {
		t.Fatal(s)
	}
	if s := ShortID(max, 99); len(s) != 27 {
		t.Fatal(s)
	}
}

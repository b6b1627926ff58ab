package ident

import "testing"

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	allocs(t, "ParseUUID", func() { ParseUUID("123e4567-e89b-12d3-a456-426614174000") })
	var u UUID
	allocs(t, "Compact", func() { u.Compact() })
	allocs(t, "ULIDTime", func() { ULIDTime("01ARZ3NDEKTSV4RRFFQ69G5FAV") })
	tok := Token([]byte("s"))
	allocs(t, "TokenValid", func() { TokenValid(tok) })
	allocs(t, "HexID", func() { HexID("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff") })
	allocs(t, "Fingerprint", func() { Fingerprint([]byte("x"), 32) })
	allocs(t, "Short", func() { Short([]byte("x"), 32) })
}

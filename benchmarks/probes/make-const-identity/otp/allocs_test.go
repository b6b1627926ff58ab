package otp

import (
	"testing"
	"time"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	secret := []byte("12345678901234567890")
	allocs(t, "HOTP", func() { HOTP(secret, 1, 8) })
	allocs(t, "HOTPWith", func() { HOTPWith(SHA256, secret, 1) })
	now := time.Unix(59, 0)
	allocs(t, "Window", func() { Window(secret, now, 1) })
	allocs(t, "CheckSecret", func() { CheckSecret("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ") })
	allocs(t, "FormatCode", func() { FormatCode("94287082") })
}

func TestOTP(t *testing.T) {
	secret := []byte("12345678901234567890")
	if c := HOTP(secret, 0, 6); c != "755224" {
		t.Fatal(c)
	}
	if c := HOTP(secret, 1, 99); c != "287082" {
		t.Fatal(c)
	}
	if c := HOTP(secret, uint64(59/30), 8); c != "94287082" {
		t.Fatal(c)
	}
	if c := HOTPWith(SHA1, secret, 0); c != "755224" {
		t.Fatal(c)
	}
	if n := Window(secret, time.Unix(59, 0), 9); n != 7 {
		t.Fatal(n)
	}
	if k, err := DecodeSecret("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"); string(k) != "12345678901234567890" || err != nil {
		t.Fatal(string(k), err)
	}
	if !CheckSecret("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ") || CheckSecret("GEZA") {
		t.Fatal("check")
	}
	if f := FormatCode("94287082"); f != "94 287 082" {
		t.Fatal(f)
	}
	if u := URI("Acme", "a@b", []byte("hi")); u != "otpauth://totp/Acme:a@b?secret=NBUQ" {
		t.Fatal(u)
	}
}

package bankref

import (
	"testing"
	"time"
)

const de = "DE89370400440532013000"

func TestAllocs(t *testing.T) {
	if err := Valid(de); err != nil {
		t.Fatal(err)
	}
	allocs(t, "Valid", func() { Valid(de) })
	if s, _ := Print(de); s != "DE89 3704 0044 0532 0130 00" {
		t.Fatalf("Print = %q", s)
	}
	allocs(t, "Print", func() { Print(de) })
	if s, _ := Compact("de89 3704 0044 0532 0130 00"); s != de {
		t.Fatalf("Compact = %q", s)
	}
	allocs(t, "Compact", func() { Compact("de89 3704 0044 0532 0130 00") })
	if s, _ := Masked(de); s != "DE****************3000" {
		t.Fatalf("Masked = %q", s)
	}
	allocs(t, "Masked", func() { Masked(de) })
	if s, _ := BranchCode("DEUTDEFF500"); s != "500" {
		t.Fatalf("BranchCode = %q", s)
	}
	at := time.Date(2026, 12, 5, 15, 4, 5, 0, time.UTC)
	if s, _ := MessageID(at, "ACME", 7, true); s != "20261205150405-ACME-7" {
		t.Fatalf("MessageID = %q", s)
	}
	allocs(t, "MessageID", func() { MessageID(at, "ACME-TREASURY-01", 4000000000, true) })
	if s, _ := EndToEnd("INV-1", 8); s != "INV-1   " {
		t.Fatalf("EndToEnd = %q", s)
	}
	var b Batch
	b.Add("x")
	if len(BBAN(de)) != 18 {
		t.Fatal("BBAN")
	}
}

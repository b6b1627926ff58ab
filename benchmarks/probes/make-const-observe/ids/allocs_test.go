package ids

import "testing"

func TestAllocs(t *testing.T) {
	tr := TraceID{0x4b, 0xf9, 0x2f, 0x35, 0x77, 0xb3, 0x4d, 0xa6, 0xa3, 0xce, 0x92, 0x9d, 0x0e, 0x0e, 0x47, 0x36}
	sp := SpanID{0x00, 0xf0, 0x67, 0xaa, 0x0b, 0xa9, 0x02, 0xb7}
	if tr.String() != "4bf92f3577b34da6a3ce929d0e0e4736" {
		t.Fatal(tr.String())
	}
	allocs(t, "TraceID.String", func() { _ = tr.String() })
	h := Traceparent(tr, sp, true)
	if h != "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01" {
		t.Fatal(h)
	}
	allocs(t, "Traceparent", func() { Traceparent(tr, sp, true) })
	t2, s2, ok, err := ParseTraceparent(h)
	if err != nil || t2 != tr || s2 != sp || !ok {
		t.Fatal(t2, s2, ok, err)
	}
	allocs(t, "ParseTraceparent", func() { ParseTraceparent(h) })
	u, err := NormalizeUUID("{6BA7B810-9DAD-11D1-80B4-00C04FD430C8}")
	if err != nil || u != "6ba7b810-9dad-11d1-80b4-00c04fd430c8" {
		t.Fatal(u, err)
	}
	allocs(t, "NormalizeUUID", func() { NormalizeUUID("6BA7B8109DAD11D180B400C04FD430C8") })
	if r := RequestID("checkout", sp); r != "checkout/00f067aa0ba902b7" {
		t.Fatal(r)
	}
	allocs(t, "RequestID", func() { RequestID("checkout-service-eu-west-1-canary", sp) })
	allocs(t, "Exemplar", func() { Exemplar(tr, 1.5) })
}

func TestAllocsULID(t *testing.T) {
	var u ULID
	for i := range u {
		u[i] = byte(i * 17)
	}
	txt, _ := u.MarshalText()
	back, err := ParseULID(string(txt))
	if err != nil || back != u {
		t.Fatal(string(txt), back, err)
	}
	s := string(txt)
	allocs(t, "ParseULID", func() { ParseULID(s) })
	if p := TimePrefix(1<<40, true); len(p) != 9 {
		t.Fatal(p)
	}
	allocs(t, "TimePrefix", func() { TimePrefix(1700000000000, true) })
}

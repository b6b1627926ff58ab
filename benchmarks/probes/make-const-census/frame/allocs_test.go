package frame

import "testing"

func TestAllocs(t *testing.T) {
	id := MessageID{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}
	allocs(t, "Token", func() { _ = id.Token() })
	allocs(t, "Hex", func() { _ = id.Hex() })
	if k, err := TopicKey("orders.eu", 7); err != nil || k != "orders.eu#7" {
		t.Fatal(k, err)
	}
	allocs(t, "TopicKey", func() { TopicKey("orders.eu-west-1.payments.settled", 65535) })
	allocs(t, "IndexKey", func() { IndexKey("customer-42", id) })
	frame := append([]byte{5}, "ORDERrest"...)
	if s, rest, err := ReadTopic(frame); err != nil || s != "order" || string(rest) != "rest" {
		t.Fatal(s, rest, err)
	}
	allocs(t, "ReadTopic", func() { ReadTopic(frame) })
	allocs(t, "ReadFlags", func() { ReadFlags([]byte{0x23, 0, 1, 0, 2, 0, 3}) })
	allocs(t, "AckBitmap", func() { AckBitmap(200, func(i int) bool { return i%3 == 0 }) })
	vals := []uint64{1, 300, 1 << 40, 7}
	allocs(t, "FieldsSize", func() { FieldsSize(vals) })
	rs := []rune("Zürich-Ωmega-東京")
	allocs(t, "EncodeRunes", func() { EncodeRunes(rs) })
	var r Record
	r.AddHeader("content-type", "json")
	r.AddHeader("trace", "abc")
	if r.HeaderKeys() != "content-type,trace" {
		t.Fatal(r.HeaderKeys())
	}
	allocs(t, "HeaderKeys", func() { r.HeaderKeys() })
	allocs(t, "HeaderSizes", func() { r.HeaderSizes() })
	payload := []byte("a payload longer than the preview of forty bytes, surely")
	allocs(t, "Preview", func() { Preview(payload) })
	allocs(t, "Chunk", func() { Chunk(payload, 100) })
	allocs(t, "Offsets", func() { Offsets([]int64{100, 200, 300}) })
	allocs(t, "Sequence", func() { Sequence(4000000000) })
	allocs(t, "VarintWidth", func() { VarintWidth(1 << 60) })
	allocs(t, "Partitions", func() { Partitions(12) })
	allocs(t, "Retry", func() { Retry(3, func(b []byte) bool { return len(b) > 100 }) })
	if p := Pad("ab", 5); p != "ab   " {
		t.Fatal(p)
	}
	allocs(t, "Pad", func() { Pad("orders", 40) })
	allocs(t, "Shard", func() { Shard("orders", 0xa7) })
	allocs(t, "Join", func() { Join([]string{"a", "b"}) })
}

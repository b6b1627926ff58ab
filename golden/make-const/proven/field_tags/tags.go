// Package tags builds metric series keys from tag records.
package tags

// maxTag is the longest tag name or value the exporter accepts.
const maxTag = 40

// Tag is one name=value pair of a metric series.
type Tag struct {
	Name  string
	Value string
}

// Hash returns the series-key hash of name=value, or 0 for a tag the exporter refuses.
func (t Tag) Hash() uint64 {
	if len(t.Name) > maxTag || len(t.Value) > maxTag {
		return 0
	}
	kv := make([]byte, len(t.Name)+1+len(t.Value)) // want(<go1.25) "make\\(\\[\\]byte, len\\(t.Name\\) \\+ 1 \\+ len\\(t.Value\\)\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, len\\(t.Name\\) \\+ 1 \\+ len\\(t.Value\\)\\) does not escape"
	n := copy(kv, t.Name)
	kv[n] = '='
	copy(kv[n+1:], t.Value)
	h := uint64(14695981039346656037)
	for _, c := range kv {
		h = (h ^ uint64(c)) * 1099511628211
	}
	return h
}

// Package tags builds metric series keys from tag records.
package tags

const maxTag = 40

// Tag is one name=value pair of a metric series.
type Tag struct {
	Namespace string
	Name      string
	Value     string
}

// qualify prefixes the name with the tag's namespace.
func (t *Tag) qualify() {
	if t.Namespace != "" {
		t.Name = t.Namespace + "." + t.Name
	}
}

// Hash returns the series-key hash of namespace.name=value. t is a pointer, and the call between
// the guard and the make writes t.Name through it (so could another alias, or another goroutine
// once a call synchronises): the guard bounds nothing the make can rely on.
func (t *Tag) Hash() uint64 {
	if len(t.Name) > maxTag || len(t.Value) > maxTag {
		return 0
	}
	t.qualify()
	kv := make([]byte, len(t.Name)+1+len(t.Value)) // want(<go1.25) "make\\(\\[\\]byte, len\\(t.Name\\) \\+ 1 \\+ len\\(t.Value\\)\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, len\\(t.Name\\) \\+ 1 \\+ len\\(t.Value\\)\\) does not escape" // declined "speculative"
	n := copy(kv, t.Name)
	kv[n] = '='
	copy(kv[n+1:], t.Value)
	h := uint64(14695981039346656037)
	for _, c := range kv {
		h = (h ^ uint64(c)) * 1099511628211
	}
	return h
}

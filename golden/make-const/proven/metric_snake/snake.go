// Package snake turns camel-case metric names into the exporter's snake case.
package snake

// maxName is the longest metric name the exporter accepts.
const maxName = 128

// validName reports whether s is a legal metric name: [a-zA-Z_:][a-zA-Z0-9_:]*, not too long.
func validName(s string) bool {
	if len(s) == 0 || len(s) > maxName {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '_' || c == ':' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
			continue
		}
		if i > 0 && '0' <= c && c <= '9' {
			continue
		}
		return false
	}
	return true
}

// Hash is the FNV-1a hash of the snake-case form of a camel-case metric name
// (httpRequestsTotal: http_requests_total), or 0 for a name that is not legal.
func Hash(name string) uint32 {
	if !validName(name) {
		return 0
	}
	out := make([]byte, 0, 2*len(name)) // want(<go1.25) "make\\(\\[\\]byte, 0, 2 \\* len\\(name\\)\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, 0, 2 \\* len\\(name\\)\\) does not escape"
	for i := 0; i < len(name); i++ {
		c := name[i]
		if 'A' <= c && c <= 'Z' {
			if i > 0 && name[i-1] != '_' {
				out = append(out, '_')
			}
			c += 'a' - 'A'
		}
		out = append(out, c)
	}
	h := uint32(2166136261)
	for _, c := range out {
		h = (h ^ uint32(c)) * 16777619
	}
	return h
}

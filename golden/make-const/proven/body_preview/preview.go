// Package preview logs the start of a message body: at most 64 bytes, never more than the body has.
package preview

const maxPreview = 64

// Preview returns up to want bytes of body (at most 64) with every byte outside printable ASCII
// shown as '.'. The second clamp runs only where len(body) < n <= 64, so n stays at most 64.
func Preview(body []byte, want int) string {
	n := min(want, maxPreview)
	if n > len(body) {
		n = len(body)
	}
	if n <= 0 {
		return ""
	}
	buf := make([]byte, n) // want(<go1.25) "make\\(\\[\\]byte, n\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, n\\) does not escape"
	for i := range buf {
		c := body[i]
		if c < ' ' || c > '~' {
			c = '.'
		}
		buf[i] = c
	}
	return string(buf)
}

// Package fieldmethod calls a method of a field, whose pointer receiver is part of the object.
package fieldmethod

import "bytes"

// Page is 64 KiB of text and a buffer.
type Page struct {
	text [1 << 16]byte
	out  bytes.Buffer
}

// Render writes through p.out.WriteString: its receiver is &p.out, which the method may keep.
func Render(title string) int {
	p := new(Page) // want "new\\(Page\\) escapes to heap" // declined "has a method of a part of it used"
	p.out.WriteString(title)
	return p.out.Len()
}

package store

import (
	"bytes"
	"errors"
)

const maxSegment = 48

var errSegment = errors.New("store: bad segment")

// Path writes a slash-separated path, each segment validated first.
func Path(w *bytes.Buffer, segments []string) error {
	for _, s := range segments {
		if len(s) > maxSegment {
			return errSegment
		}
	}
	for _, s := range segments {
		if len(s) <= maxSegment {
			writeSegment(w, s)
		}
	}
	return nil
}

// writeSegment writes one segment through escapeSegment: bounded two calls up.
func writeSegment(w *bytes.Buffer, s string) {
	w.WriteByte('/')
	escapeSegment(w, s)
}

// escapeSegment writes s with spaces as '+'.
func escapeSegment(w *bytes.Buffer, s string) {
	b := make([]byte, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' {
			b[i] = '+'
		} else {
			b[i] = s[i]
		}
	}
	w.Write(b)
}

// Comment writes a comment line; one caller checks the length, the other does not.
func Comment(w *bytes.Buffer, text string) error {
	if len(text) > maxName {
		return errName
	}
	writeComment(w, text)
	return nil
}

// Note writes a note as a comment line, unchecked.
func Note(w *bytes.Buffer, text string) {
	writeComment(w, text)
}

// writeComment writes "# text".
func writeComment(w *bytes.Buffer, text string) {
	b := make([]byte, len(text)+2)
	b[0], b[1] = '#', ' '
	copy(b[2:], text)
	w.Write(b)
}

// Attr writes an attribute through the table of writers.
func Attr(w *bytes.Buffer, kind, text string) error {
	if len(text) > maxName {
		return errName
	}
	if f, ok := writers[kind]; ok {
		f(w, text)
	}
	return nil
}

var writers = map[string]func(*bytes.Buffer, string){"attr": writeAttr}

// writeAttr writes text after an '@': used as a value, so any caller of the map may pass anything.
func writeAttr(w *bytes.Buffer, text string) {
	b := make([]byte, len(text)+1)
	b[0] = '@'
	copy(b[1:], text)
	w.Write(b)
}

// Tree writes a tree's indentation levels, recursing.
func Tree(w *bytes.Buffer, depth int) {
	if depth > maxDepth {
		return
	}
	writeLevel(w, depth)
}

// writeLevel writes depth dots and recurses with depth+1: the recursive call is not bounded by the guard.
func writeLevel(w *bytes.Buffer, depth int) {
	b := make([]byte, depth+1)
	for i := range b {
		b[i] = '.'
	}
	w.Write(b)
	if depth%3 == 1 {
		writeLevel(w, depth+1)
	}
}

// Pad writes n spaces of padding, n bounded; padTo is pulled by package pull with a //go:linkname.
func Pad(w *bytes.Buffer, n int) {
	if n < 0 || n > maxName {
		return
	}
	padTo(w, n)
}

// padTo writes n '-' bytes.
func padTo(w *bytes.Buffer, n int) {
	b := make([]byte, n)
	for i := range b {
		b[i] = '-'
	}
	w.Write(b)
}

// Package store writes records of a small key/value log: the exported functions validate what they are
// given, and unexported helpers encode it.
package store

import (
	"bytes"
	"errors"
)

const (
	maxName  = 64
	maxKey   = 120
	maxValue = 200
	maxTag   = 8
	maxDepth = 12
)

var (
	errName  = errors.New("store: bad name")
	errKey   = errors.New("store: bad key")
	errValue = errors.New("store: bad value")
)

// Store writes a name record.
func Store(w *bytes.Buffer, name string) error {
	if len(name) == 0 || len(name) > maxName {
		return errName
	}
	writeName(w, name)
	return nil
}

// Rename writes two name records, old then new.
func Rename(w *bytes.Buffer, old, name string) error {
	if len(old) > maxName || len(name) > maxName {
		return errName
	}
	writeName(w, old)
	writeName(w, name)
	return nil
}

// writeName writes name NUL-terminated: every call bounds len(name) by maxName.
func writeName(w *bytes.Buffer, name string) {
	b := make([]byte, len(name)+1)
	copy(b, name)
	w.Write(b)
}

// Put writes a key and its value, each behind its length.
func Put(w *bytes.Buffer, key, value []byte) error {
	if len(key) > maxKey {
		return errKey
	}
	if len(value) > maxValue {
		return errValue
	}
	writeField(w, key)
	writeField(w, value)
	return nil
}

// writeField writes one length-prefixed field: its callers bound it by maxKey and maxValue.
func writeField(w *bytes.Buffer, field []byte) {
	b := make([]byte, 1+len(field))
	b[0] = byte(len(field))
	copy(b[1:], field)
	w.Write(b)
}

// Tag writes a short tag in brackets.
func Tag(w *bytes.Buffer, tag string) error {
	if len(tag) > maxTag {
		return errName
	}
	writeTag(w, tag)
	return nil
}

// writeTag brackets tag: at most maxTag+2 bytes, every call.
func writeTag(w *bytes.Buffer, tag string) {
	b := make([]byte, len(tag)+2)
	b[0] = '['
	copy(b[1:], tag)
	b[len(b)-1] = ']'
	w.Write(b)
}

// Indent writes the indentation of a nesting depth, clamped.
func Indent(w *bytes.Buffer, depth int) {
	indent(w, min(max(depth, 0), maxDepth)*2)
}

// indent writes n spaces.
func indent(w *bytes.Buffer, n int) {
	b := make([]byte, n)
	for i := range b {
		b[i] = ' '
	}
	w.Write(b)
}

// Label writes a label; exported, so any package may call it with any label.
func Label(w *bytes.Buffer, label string) error {
	if len(label) > maxName {
		return errName
	}
	WriteLabel(w, label)
	return nil
}

// WriteLabel writes label quoted. Exported: callers elsewhere are not bounded.
func WriteLabel(w *bytes.Buffer, label string) {
	b := make([]byte, len(label)+2)
	b[0] = '"'
	copy(b[1:], label)
	b[len(b)-1] = '"'
	w.Write(b)
}

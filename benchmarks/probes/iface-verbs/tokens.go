package cache

import "fmt"

// Unexpected describes a rune a tokenizer did not expect.
func Unexpected(r rune, line int) string { return fmt.Sprintf("line %d: unexpected %c", line, r) }

// Quoted describes a rune quoted, as Go's scanner does.
func Quoted(r rune) string { return fmt.Sprintf("invalid character %q", r) }

// Delim prints a delimiter byte.
func Delim(b byte) string { return fmt.Sprintf("delimiter %c", b) }

// Char prints a rune alone.
func Char(r rune) string { return fmt.Sprintf("%c", r) }

// Code prints a code point held in an int64, from a decoder that widened it.
func Code(cp int64) string { return fmt.Sprintf("char %c", cp) }

// Wide prints a code point held in an int.
func Wide(cp int) string { return fmt.Sprintf("got %c", cp) }

// Glyph prints a code point held in a uint32.
func Glyph(cp uint32) string { return fmt.Sprintf("glyph %c", cp) }

// QuotedByte prints a byte quoted.
func QuotedByte(b byte) string { return fmt.Sprintf("byte %q", b) }

// QuotedASCII prints a rune quoted in ASCII.
func QuotedASCII(r rune) string { return fmt.Sprintf("rune %+q", r) }

// Point prints a code point as U+XXXX.
func Point(r rune) string { return fmt.Sprintf("%U", r) }

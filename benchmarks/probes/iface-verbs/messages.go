package cache

import "fmt"

// UnknownField is the error a decoder returns for a field it does not know.
func UnknownField(name string) error { return fmt.Errorf("unknown field %q", name) }

// BadHeader describes a header with a bad value.
func BadHeader(key, value string) string { return fmt.Sprintf("header %s: bad value %q", key, value) }

// Raw quotes a name with backquotes where it can.
func Raw(name string) string { return fmt.Sprintf("name %#q", name) }

// ASCII quotes a name in ASCII.
func ASCII(name string) string { return fmt.Sprintf("name %+q", name) }

// TypeOf prints an operand's type.
func TypeOf(v any) string { return fmt.Sprintf("unexpected %T", v) }

// BadByte describes a byte a parser did not expect, in hex.
func BadByte(b byte, at int) error { return fmt.Errorf("bad byte %x at %d", b, at) }

// Width prints a count right-aligned.
func Width(n int) string { return fmt.Sprintf("%5d", n) }

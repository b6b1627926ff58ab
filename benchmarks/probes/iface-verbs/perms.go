package cache

import (
	"fmt"
	"os"
)

// Mode prints a permission in octal, as chmod takes it.
func Mode(perm uint32) string { return fmt.Sprintf("chmod %o", perm) }

// ModeOf prints a file mode in octal: os.FileMode has a String method, but %o prints the number.
func ModeOf(m os.FileMode) string { return fmt.Sprintf("mode %o", m) }

// Umask prints a umask with Go's 0o prefix.
func Umask(mask int) string { return fmt.Sprintf("umask %O", mask) }

// OctalAlone prints a mode alone.
func OctalAlone(perm int) string { return fmt.Sprintf("%o", perm) }

// Mask prints a bit mask in binary.
func Mask(name string, bits uint16) string { return fmt.Sprintf("%s: %b", name, bits) }

// Flags prints a signed flag word in binary.
func Flags(f int64) string { return fmt.Sprintf("flags=%b", f) }

// Bits prints a byte's bits, padded.
func Bits(b byte) string { return fmt.Sprintf("%08b", b) }

// Binary prints a value's bits alone.
func Binary(v int) string { return fmt.Sprintf("%b", v) }

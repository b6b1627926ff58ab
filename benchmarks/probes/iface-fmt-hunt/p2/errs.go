package p2

import (
	"errors"
	"fmt"
)

type Conn struct{ Name string }

var ErrNotFound = errors.New("not found")

// DivErr divides beside an Errorf through a pointer.
func DivErr(c *Conn, n, d int) (int, error) {
	return n / d, fmt.Errorf("bad %s", c.Name)
}

// ConvErr converts a slice to an array beside an Errorf.
func ConvErr(c *Conn, b []byte) ([2]byte, error) {
	return [2]byte(b), fmt.Errorf("bad %s", c.Name)
}

// IndexErr indexes beside an Errorf.
func IndexErr(c *Conn, xs []int, i int) (int, error) {
	return xs[i], fmt.Errorf("bad %s", c.Name)
}

// AssertErr asserts beside an Errorf.
func AssertErr(c *Conn, v any) (string, error) {
	return v.(string), fmt.Errorf("bad %s", c.Name)
}

// IsErr uses errors.Is.
func IsErr(name string) string {
	err := fmt.Errorf("lookup %s", name)
	return fmt.Sprint(errors.Is(err, ErrNotFound), errors.Unwrap(err) == nil, err.Error())
}

// SameErr compares two Errorf results.
func SameErr(name string) bool {
	return fmt.Errorf("x %s", name) == fmt.Errorf("x %s", name)
}

// Join builds with a later call writing name.
func Join(name string) string {
	bump := func() error { name = "changed"; return nil }
	return errors.Join(fmt.Errorf("dial %s", name), bump()).Error()
}

// JoinInt builds with a later call writing n.
func JoinInt(n int) string {
	bump := func() error { n++; return nil }
	return errors.Join(fmt.Errorf("dial %d", n), bump()).Error()
}

// PanicMsg builds a panic value.
func PanicMsg(code int) {
	if code < 100 || code > 999 {
		panic(fmt.Sprintf("invalid code %v", code))
	}
}

// PanicErr panics with an Errorf.
func PanicErr(code int) {
	if code < 0 {
		panic(fmt.Errorf("negative %d", code))
	}
}

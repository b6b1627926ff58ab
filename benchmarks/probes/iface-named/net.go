package accounts

import (
	"errors"
	"fmt"
	"os"
	"time"
)

// Listen is the listen address of a port.
func Listen(host string, p Port) string {
	return fmt.Sprintf("%s:%d", host, p)
}

// Addr prints the port with %v.
func Addr(host string, p Port) string {
	return fmt.Sprintf("%s:%v", host, p)
}

// CodeText is the status line of a code.
func CodeText(c Code, text string) string {
	return fmt.Sprintf("%d %s", c, text)
}

// CodeError is an error carrying a code.
func CodeError(c Code) error {
	return fmt.Errorf("upstream returned %d", c)
}

// Timeout prints a timeout in nanoseconds.
func Timeout(d time.Duration) string {
	return fmt.Sprintf("timeout_ns=%d", d)
}

// Elapsed prints a duration by its String.
func Elapsed(d time.Duration) string {
	return fmt.Sprintf("took %v", d)
}

// Mode prints a file mode by its String.
func Mode(m os.FileMode) string {
	return fmt.Sprintf("mode %v", m)
}

// Perm prints a file mode's bits.
func Perm(m os.FileMode) string {
	return fmt.Sprintf("perm=%d", m)
}

var errDenied = errors.New("denied")

// Denied explains a denial with a reason.
func Denied(r Reason) string {
	return fmt.Sprintf("denied: %v", r)
}

// DeniedText prints the reason's text with %s: Reason is an error, Error runs.
func DeniedText(r Reason) string {
	return fmt.Sprintf("denied: %s", r)
}

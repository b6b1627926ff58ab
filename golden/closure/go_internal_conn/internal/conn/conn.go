// Package conn is a tiny client whose handle type is unexported.
package conn

import "fmt"

type client struct {
	addr string
	id   int
}

// Dial returns a client for addr. The handle's type cannot be named outside
// this package.
func Dial(addr string) client { //nolint:revive // unexported return is the point of this case
	return client{addr: addr, id: len(addr)}
}

// Send delivers msg.
func (c client) Send(msg string) error {
	if c.addr == "" {
		return fmt.Errorf("conn %d: no address", c.id)
	}
	return nil
}

// Package options applies a dial's settings, given as options in fixed slots.
package options

import "strconv"

type config struct {
	name    string
	timeout int
}

// Option changes one setting of a config.
type Option interface{ apply(c *config) }

type timeoutOpt int

func (t timeoutOpt) apply(c *config) { c.timeout = int(t) }

type nameOpt string

func (n nameOpt) apply(c *config) { c.name = string(n) }

// Configure applies the timeout, then the name, and describes the result.
func Configure(ms int, name string) string {
	to := timeoutOpt(ms)
	no := nameOpt(name)
	var c config
	slots := [2]any{to, no} // want "to escapes to heap" "no escapes to heap"
	slots[0].(Option).apply(&c)
	slots[1].(Option).apply(&c)
	return c.name + ":" + strconv.Itoa(c.timeout)
}

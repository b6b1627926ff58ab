// Package probes answers a health check through the primary of its registered probes.
package probes

import "errors"

var errNoAddr = errors.New("probes: no address")

// Checker is a health probe.
type Checker interface{ Check() error }

type pingProbe struct {
	addr  string
	tries int
}

func (p *pingProbe) Check() error {
	p.tries++
	if p.addr == "" {
		return errNoAddr
	}
	return nil
}

type diskProbe struct{ min int64 }

func (d *diskProbe) Check() error {
	if d.min <= 0 {
		return errors.New("probes: no minimum")
	}
	return nil
}

// Healthy checks the primary of the default probes.
func Healthy(addr string) bool {
	ping := pingProbe{addr: addr} // want "moved to heap: ping"
	disk := diskProbe{min: 4096}
	probes := [...]any{&ping, &disk}
	return probes[0].(Checker).Check() == nil
}

// Package label closes a named resource through its wrapper.
package label

import "io"

type res struct{ open bool }

func (r *res) Close() error {
	r.open = false
	return nil
}

type named struct {
	name string
	res  any
}

// Close closes a fresh resource named for the caller.
func Close(who string) error {
	r := res{open: true} // want "moved to heap: r" // declined "removing it would leave name declared and not used"
	name := "res:" + who
	n := named{name: name, res: &r}
	return n.res.(io.Closer).Close()
}

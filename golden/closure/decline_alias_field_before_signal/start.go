// Package start starts a worker that reads its config once the caller releases it.
package start

// Config names a worker's output.
type Config struct {
	Prefix string
	Width  int
}

func (c *Config) normalize() {
	if c.Width <= 0 {
		c.Width = 8
	}
}

// Run starts the worker, then sets the prefix through c before releasing it: the worker reads the
// prefix after the release, so it sees "late:", which a copy made before the go statement would not.
func Run(cfg Config) string { // want "moved to heap: cfg" // declined "cfg is written by or after the go statement"
	c := &cfg
	c.normalize()
	release := make(chan struct{})
	done := make(chan string)
	go func() { // want "func literal escapes to heap"
		<-release
		done <- cfg.Prefix
	}()
	c.Prefix = "late:"
	close(release)
	return <-done
}

// Package plugin starts a compression plugin kept in a registry slot, through a bound Start.
package plugin

// Starter is what a plugin does when the server starts.
type Starter interface{ Start() error }

type gzipPlugin struct {
	level   int
	started bool
}

func (g *gzipPlugin) Start() error {
	g.started = true
	return nil
}

type slot struct {
	name string
	val  any
}

// Boot starts a gzip plugin of the given level, retrying once, and says whether it started.
func Boot(level int) bool {
	gz := gzipPlugin{level: level} // want "moved to heap: gz"
	s := slot{name: "gzip", val: &gz}
	start := s.val.(Starter).Start
	if err := start(); err != nil {
		start()
	}
	return gz.started
}

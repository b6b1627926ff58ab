// Package metrics renders a counter vector in the text exposition format.
package metrics

import (
	"fmt"
	"io"
	"sort"
)

// Collector produces samples on demand.
type Collector interface {
	Collect(emit func(name string, value float64))
}

// Describer is implemented by collectors that carry HELP text.
type Describer interface{ Help() string }

type counterVec struct {
	name   string
	values map[string]float64
}

func (c *counterVec) Collect(emit func(name string, value float64)) {
	keys := make([]string, 0, len(c.values))
	for k := range c.values {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		emit(c.name+`{code="`+k+`"}`, c.values[k])
	}
}

func (c *counterVec) Help() string { return "requests by code" }

// Expose writes the counter with its HELP line, if it has one.
func Expose(w io.Writer, name string, values map[string]float64) {
	vec := counterVec{name: name, values: values} // want(<go1.26) "moved to heap: vec"
	var c Collector = &vec
	if d, ok := c.(Describer); ok {
		fmt.Fprintf(w, "# HELP %s %s\n", name, d.Help())
	}
	c.Collect(func(series string, v float64) {
		fmt.Fprintf(w, "%s %g\n", series, v)
	})
}

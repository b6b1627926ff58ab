// Package hooks runs a deployment's lifecycle hooks.
package hooks

// Deploy tracks one deployment.
type Deploy struct{ log []string }

func (d *Deploy) build() { d.log = append(d.log, "build") }

func (d *Deploy) test() { d.log = append(d.log, "test") }

func (d *Deploy) ship() { d.log = append(d.log, "ship") }

// Run runs the named stages in order; a dry run replaces shipping with a note.
func (d *Deploy) Run(order []string, dry bool) []string {
	stages := map[string]func(){
		"build": func() { d.build() }, // want "func literal escapes to heap" // declined "an element of stages is replaced (line 21)"
		"test":  func() { d.test() },  // want "func literal escapes to heap" // declined "an element of stages is replaced (line 21)"
		"ship":  func() { d.ship() },  // want "func literal escapes to heap" // declined "an element of stages is replaced (line 21)"
	}
	if dry {
		stages["ship"] = func() { d.log = append(d.log, "dry run: not shipped") } // want "func literal escapes to heap"
	}
	for _, name := range order {
		stages[name]()
	}
	return d.log
}

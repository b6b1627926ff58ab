// Package hooks registers shutdown hooks for plugins.
package hooks

import "log"

// Plugin is a loaded extension.
type Plugin struct {
	Name    string
	OnClose func()
}

// Install gives every plugin a close hook that logs under the server name.
// The hook is stored in a struct field and called much later; name is settled
// before the loop and never written again.
func Install(plugins []*Plugin, server string) {
	name := server // want "moved to heap: name"
	if name == "" {
		name = "default"
	}
	for _, p := range plugins {
		p.OnClose = func() { // want "func literal escapes to heap"
			log.Printf("%s: closing plugin %s", name, p.Name)
		}
	}
}

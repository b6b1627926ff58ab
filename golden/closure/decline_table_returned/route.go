// Package route builds the command table of a small admin console.
package route

import "strings"

// Console answers admin commands.
type Console struct{ name string }

func (c *Console) status() string { return c.name + " up" }

func (c *Console) version() string { return c.name + " v1" }

// Commands returns the console's commands by name; callers keep the table.
func (c *Console) Commands() map[string]func() string {
	cmds := map[string]func() string{
		"status":  func() string { return c.status() },  // want "func literal escapes to heap" // declined "cmds is returned (line 19)"
		"version": func() string { return c.version() }, // want "func literal escapes to heap" // declined "cmds is returned (line 19)"
	}
	return cmds
}

// Run answers one command line.
func Run(c *Console, line string) string {
	if cmd, ok := c.Commands()[strings.TrimSpace(line)]; ok {
		return cmd()
	}
	return "unknown"
}

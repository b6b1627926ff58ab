// Package script runs a shell-like script of built-in commands against one session; `run`
// counts itself on the session, `status` reports the count the session had when the table was made.
package script

import (
	"strconv"
	"strings"
)

// Session is one script's state.
type Session struct {
	Name string
	runs int
}

func (s Session) status(args []string) string { return s.Name + " ran " + strconv.Itoa(s.runs) } // want "escapes to heap"

func (s *Session) run(args []string) string {
	s.runs++
	return strings.Join(args, " ")
}

// Script runs each line through a table of the session's methods: `status` holds the copy of the
// session made with the table, `run` the session itself.
func (s *Session) Script(lines []string) []string {
	commands := map[string]func([]string) string{
		"status": s.status, // want "s.status escapes to heap" // declined "status has a value receiver and s is a pointer"
		"run":    s.run,    // want "s.run escapes to heap" // declined "status has a value receiver and s is a pointer"
	}
	var out []string
	for _, l := range lines {
		f := strings.Fields(l)
		if cmd, ok := commands[f[0]]; ok {
			out = append(out, cmd(f[1:]))
		}
	}
	return out
}

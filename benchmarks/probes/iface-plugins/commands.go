package plugins

import (
	"errors"
	"strconv"
	"strings"
)

// Command is one node of a CLI's command tree.
type Command interface {
	Run(args []string) (string, error)
	Flags() []string
}

// Completer is a command that offers completions.
type Completer interface {
	Complete(prefix string) []string
}

type version struct{ v string }

func (c *version) Run(args []string) (string, error) { return c.v, nil }
func (c *version) Flags() []string                   { return nil }

type echo struct{ sep string }

func (c *echo) Run(args []string) (string, error) { return strings.Join(args, c.sep), nil }
func (c *echo) Flags() []string                   { return []string{"-n", "-s"} }
func (c *echo) Complete(prefix string) []string {
	if strings.HasPrefix("-sep", prefix) {
		return []string{"-sep"}
	}
	return nil
}

type sum struct{ base int }

func (c *sum) Run(args []string) (string, error) {
	total := c.base
	for _, a := range args {
		n, err := strconv.Atoi(a)
		if err != nil {
			return "", err
		}
		total += n
	}
	return strconv.Itoa(total), nil
}
func (c *sum) Flags() []string { return []string{"-base"} }

// Node is a command with its name, help and subcommands.
type Node struct {
	Name     string
	Help     string
	Cmd      Command
	Hidden   bool
	MinArgs  int
	Children map[string]Command
}

// RunVersion runs the version command of a tiny command tree.
func RunVersion(v string) string {
	ver := version{v: v}
	root := Node{Name: "tool", Children: map[string]Command{"version": &ver}}
	out, _ := root.Children["version"].Run(nil)
	return out
}

// RunEcho runs echo when enough arguments are given.
func RunEcho(args []string) (string, error) {
	e := echo{sep: " "}
	n := Node{Name: "echo", Cmd: &e, MinArgs: 1}
	if len(args) < n.MinArgs {
		return "", errors.New("echo: not enough arguments")
	}
	return n.Cmd.Run(args)
}

// FlagCount counts a visible command's flags.
func FlagCount() int {
	e := echo{sep: ","}
	n := Node{Name: "echo", Cmd: &e, Hidden: false}
	if n.Hidden {
		return 0
	}
	return len(n.Cmd.Flags())
}

// Completions asks the echo command for completions through the Completer interface.
func Completions(prefix string) int {
	e := echo{sep: " "}
	n := Node{Name: "echo", Cmd: &e}
	if c, ok := n.Cmd.(Completer); ok {
		return len(c.Complete(prefix))
	}
	return 0
}

// Dispatch runs the subcommand the user named: the key comes from the caller.
func Dispatch(name string, args []string) (string, error) {
	ver := version{v: "1.0"}
	e := echo{sep: " "}
	cmds := map[string]Command{"version": &ver, "echo": &e}
	c, ok := cmds[name]
	if !ok {
		return "", errors.New("unknown command " + name)
	}
	return c.Run(args)
}

// RunAll runs every command of a literal list, joining their output.
func RunAll(args []string) string {
	ver := version{v: "2.1"}
	s := sum{base: 10}
	var out []string
	for _, n := range []Node{{Name: "version", Cmd: &ver}, {Name: "sum", Cmd: &s, MinArgs: 1}} {
		if len(args) < n.MinArgs {
			continue
		}
		r, err := n.Cmd.Run(args)
		if err != nil {
			return err.Error()
		}
		out = append(out, r)
	}
	return strings.Join(out, ";")
}

var history []Command

// RunRemembered runs sum and remembers the command for a later `!!`: kept past the call.
func RunRemembered(args []string) (string, error) {
	s := sum{base: 0}
	n := Node{Name: "sum", Cmd: &s}
	history = append(history, n.Cmd)
	return n.Cmd.Run(args)
}

// RunAliased lets an alias replace the command before it runs: the field is written after the literal.
func RunAliased(args []string, alias bool) (string, error) {
	s := sum{base: 1}
	e := echo{sep: "+"}
	n := Node{Name: "sum", Cmd: &s}
	if alias {
		n.Cmd = &e
	}
	return n.Cmd.Run(args)
}

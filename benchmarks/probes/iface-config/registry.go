package cfgtool

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
)

// Command is a subcommand of the tool.
type Command interface {
	Name() string
	Run(w io.Writer, args []string) error
}

// Usager is implemented by commands with a usage line.
type Usager interface {
	Usage() string
}

// Aliaser is implemented by commands with other names.
type Aliaser interface {
	Aliases() []string
}

type versionCmd struct{ version string }

func (c *versionCmd) Name() string { return "version" }
func (c *versionCmd) Run(w io.Writer, _ []string) error {
	_, err := io.WriteString(w, c.version)
	return err
}
func (c *versionCmd) Usage() string { return "version: print the version" }

type getCmd struct{ store map[string]string }

func (c *getCmd) Name() string      { return "get" }
func (c *getCmd) Aliases() []string { return []string{"g", "show"} }
func (c *getCmd) Usage() string     { return "get KEY: print a setting" }
func (c *getCmd) Run(w io.Writer, args []string) error {
	if len(args) != 1 {
		return errors.New("get: want one key")
	}
	v, ok := c.store[args[0]]
	if !ok {
		return fmt.Errorf("get: no setting %q", args[0])
	}
	_, err := io.WriteString(w, v)
	return err
}

var (
	pluginsMu sync.RWMutex
	plugins   = map[string]Command{}
)

// RegisterPlugin adds a command to the global registry.
func RegisterPlugin(c Command) {
	pluginsMu.Lock()
	defer pluginsMu.Unlock()
	plugins[c.Name()] = c
}

// PluginUsage lists the registered plugins' usage lines.
func PluginUsage() string {
	pluginsMu.RLock()
	defer pluginsMu.RUnlock()
	names := make([]string, 0, len(plugins))
	for n := range plugins {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, n := range names {
		if u, ok := plugins[n].(Usager); ok {
			b.WriteString(u.Usage())
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// Dispatch runs a builtin command by name (the name comes from the command line).
func Dispatch(w io.Writer, version string, args []string) error {
	ver := versionCmd{version: version}
	get := getCmd{store: map[string]string{"version": version}}
	cmds := map[string]Command{"version": &ver, "get": &get}
	if len(args) == 0 {
		return errors.New("no command")
	}
	c, ok := cmds[args[0]]
	if !ok {
		return fmt.Errorf("unknown command %q", args[0])
	}
	return c.Run(w, args[1:])
}

// VersionUsage prints the usage of the version command.
func VersionUsage(version string) string {
	ver := versionCmd{version: version}
	builtins := [...]Command{&ver}
	if u, ok := builtins[0].(Usager); ok {
		return u.Usage()
	}
	return builtins[0].Name()
}

// AliasCount counts the names the get command answers to.
func AliasCount(store map[string]string) int {
	get := getCmd{store: store}
	var c Command = &get
	n := 1
	if a, ok := c.(Aliaser); ok {
		n += len(a.Aliases())
	}
	return n
}

// Help prints every builtin's usage, or its name when it has none.
func Help(version string) string {
	ver := versionCmd{version: version}
	get := getCmd{}
	var b strings.Builder
	for _, c := range []Command{&ver, &get} {
		if u, ok := c.(Usager); ok {
			b.WriteString(u.Usage())
		} else {
			b.WriteString(c.Name())
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// RunAsync runs the version command on its own goroutine and reports on done.
func RunAsync(w io.Writer, version string, done chan<- error) {
	ver := versionCmd{version: version}
	entry := struct {
		cmd  Command
		args []string
	}{cmd: &ver}
	go func() {
		done <- entry.cmd.(*versionCmd).Run(w, entry.args)
	}()
	ver.version = version + "-dirty"
}

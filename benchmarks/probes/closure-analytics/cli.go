package analytics

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// CLI is the analytics command line: subcommands dispatched by name.
type CLI struct {
	Out     io.Writer
	Sep     string
	Verbose bool
	runs    int
}

func (c CLI) top(args []string) error {
	counts := map[string]int{}
	for _, a := range args {
		counts[strings.SplitN(a, c.Sep, 2)[0]]++
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(c.Out, "%s %d\n", k, counts[k])
	}
	return nil
}

func (c CLI) count(args []string) error {
	_, err := fmt.Fprintln(c.Out, len(args))
	return err
}

func (c *CLI) version(args []string) error {
	c.runs++
	_, err := fmt.Fprintln(c.Out, "analytics 1.0")
	return err
}

// Run dispatches a subcommand through a table of the CLI's methods.
func (c *CLI) Run(cmd string, args []string) error {
	commands := map[string]func([]string) error{
		"top":   c.top,
		"count": c.count,
	}
	run, ok := commands[cmd]
	if !ok {
		return fmt.Errorf("unknown command %q", cmd)
	}
	return run(args)
}

// Exec is Run for a CLI held by value, with the version command too.
func Exec(c CLI, cmd string, args []string) error {
	commands := map[string]func([]string) error{
		"top":   c.top,
		"count": c.count,
	}
	run, ok := commands[cmd]
	if !ok {
		return fmt.Errorf("unknown command %q", cmd)
	}
	return run(args)
}

// Verbose runs a command after turning on verbose output, which the table's
// copy of the CLI does not see.
func (c *CLI) RunVerbose(cmd string, args []string) (bool, error) {
	commands := map[string]func([]string) error{
		"top":   c.top,
		"count": c.count,
	}
	c.Verbose = true
	run, ok := commands[cmd]
	if !ok {
		return c.Verbose, fmt.Errorf("unknown command %q", cmd)
	}
	return c.Verbose, run(args)
}

// Script runs several commands in order through a table of the CLI's methods,
// counting the runs on the CLI.
func (c *CLI) Script(lines []string) error {
	commands := map[string]func([]string) error{
		"top":     c.top,
		"count":   c.count,
		"version": c.version,
	}
	for _, l := range lines {
		f := strings.Fields(l)
		if len(f) == 0 {
			continue
		}
		run, ok := commands[f[0]]
		if !ok {
			return fmt.Errorf("unknown command %q", f[0])
		}
		if err := run(f[1:]); err != nil {
			return err
		}
	}
	return nil
}

// Report formats an aggregate in the requested format through a table of
// formatters bound to the report.
type Report struct {
	Title string
	Rows  map[string]Summary
}

func (r Report) text(w io.Writer) error {
	fmt.Fprintln(w, r.Title)
	for _, k := range sortedKeys(r.Rows) {
		fmt.Fprintf(w, "%s %d %.2f\n", k, r.Rows[k].Count, r.Rows[k].Sum)
	}
	return nil
}

func (r Report) csv(w io.Writer) error {
	for _, k := range sortedKeys(r.Rows) {
		fmt.Fprintf(w, "%s,%d,%.2f\n", k, r.Rows[k].Count, r.Rows[k].Sum)
	}
	return nil
}

func sortedKeys(m map[string]Summary) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Write renders the report in format; the title is defaulted first.
func (r *Report) Write(w io.Writer, format string) error {
	if r.Title == "" {
		r.Title = "report"
	}
	formats := map[string]func(io.Writer) error{
		"text": r.text,
		"csv":  r.csv,
	}
	f, ok := formats[format]
	if !ok {
		f = formats["text"]
	}
	return f(w)
}

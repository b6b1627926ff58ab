// Package cli checks a command's flags before it runs.
package cli

import (
	"fmt"
	"path/filepath"
	"strings"
)

// Options are the parsed flags.
type Options struct {
	Output string
	Format string
	Since  string
	Paths  []string
}

// CheckFormat accepts the output formats the command writes.
func CheckFormat(format string) error {
	switch format {
	case "text", "json", "csv":
		return nil
	}
	return fmt.Errorf("--format: unknown format %s (want text, json or csv)", format)
}

// CheckOutput refuses to write into the input tree.
func (o *Options) CheckOutput() error {
	for _, p := range o.Paths {
		if strings.HasPrefix(o.Output, p) {
			return fmt.Errorf("--output %s is inside input %s", o.Output, p)
		}
	}
	return nil
}

// CheckExt accepts files of one extension.
func CheckExt(path, want string) error {
	if ext := filepath.Ext(path); ext != want {
		return fmt.Errorf("%s: extension %s, want %s", path, ext, want)
	}
	return nil
}

// Exclusive reports two flags given together.
func Exclusive(a, b string) error {
	return fmt.Errorf("flags --%s and --%s cannot be used together", a, b)
}

// Collect gathers every problem with the flags: the slice is named errors.
func Collect(o *Options) []error {
	var errors []error
	if o.Format == "" {
		errors = append(errors, fmt.Errorf("--format is required with --output %s", o.Output))
	}
	return errors
}

// Usage reports a wrong argument count.
func Usage(cmd string, got int) error {
	return fmt.Errorf("usage: %s takes 1 argument, got %d", cmd, got)
}

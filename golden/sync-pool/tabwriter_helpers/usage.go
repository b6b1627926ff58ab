// Package usage prints a command's flags as an aligned table, one helper per section.
package usage

import (
	"fmt"
	"io"
	"text/tabwriter"
)

// Flag is one command-line flag as the usage text shows it.
type Flag struct {
	Name, Default, Usage string
}

// Print writes the command line and its flags, aligned.
func Print(w io.Writer, command string, flags []Flag) error {
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0) // want "new\\(tabwriter.Writer\\) escapes to heap"
	fmt.Fprintf(tw, "Usage: %s [flags]\n\n", command)
	writeFlags(tw, flags)
	return tw.Flush()
}

func writeFlags(w io.Writer, flags []Flag) {
	fmt.Fprintln(w, "FLAG\tDEFAULT\tUSAGE")
	for _, f := range flags {
		writeFlag(w, f)
	}
}

func writeFlag(w io.Writer, f Flag) {
	fmt.Fprintf(w, "--%s\t%s\t%s\n", f.Name, f.Default, f.Usage)
}

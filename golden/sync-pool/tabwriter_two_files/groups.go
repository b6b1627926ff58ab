package admin

import (
	"fmt"
	"io"
	"text/tabwriter"
)

// Group is a named set of logins.
type Group struct {
	Name    string
	Members []string
}

// ListGroups writes one aligned line per group with its member count.
func ListGroups(w io.Writer, groups []Group) error {
	tw := tabwriter.NewWriter(w, 4, 8, 2, ' ', 0) // want "new\\(tabwriter.Writer\\) escapes to heap"
	fmt.Fprintln(tw, "GROUP\tMEMBERS")
	for _, g := range groups {
		fmt.Fprintf(tw, "%s\t%d\n", g.Name, len(g.Members))
	}
	return tw.Flush()
}

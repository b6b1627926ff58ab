// Package cli implements the `status` command of a deployment tool.
package cli

import (
	"io"
	"strconv"
	"text/tabwriter"
)

// Command carries the streams a command writes to.
type Command struct {
	out io.Writer
}

// Out is where the command's normal output goes.
func (c *Command) Out() io.Writer { return c.out }

// Replica is one running copy of a service.
type Replica struct {
	Host     string
	Version  string
	Restarts int
}

// Status prints the replicas with right-aligned columns and column separators, flushing on return.
func (c *Command) Status(replicas []Replica) {
	tw := tabwriter.NewWriter(c.Out(), 0, 4, 1, ' ', tabwriter.AlignRight|tabwriter.Debug) // want "new\\(tabwriter.Writer\\) escapes to heap"
	defer tw.Flush()
	io.WriteString(tw, "HOST\tVERSION\tRESTARTS\t\n")
	for _, r := range replicas {
		tw.Write([]byte(r.Host + "\t" + r.Version + "\t" + strconv.Itoa(r.Restarts) + "\t\n"))
	}
}

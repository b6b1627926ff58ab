package cli

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// Table aligns the rows under the header, right-aligned.
func Table(header []string, rows [][]string) string {
	var sb strings.Builder // want "moved to heap: sb"
	tw := tabwriter.NewWriter(&sb, 0, 4, 1, ' ', tabwriter.AlignRight) // want "new\\(tabwriter.Writer\\) escapes to heap"
	for _, h := range header {
		io.WriteString(tw, h+"\t")
	}
	tw.Write([]byte{'\n'})
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t\n", strings.Join(r, "\t"))
	}
	tw.Flush()
	return sb.String()
}

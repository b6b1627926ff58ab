// Package lines serves text line by line through a buffered writer, and a table through a
// tabwriter: both made per request inside the handler a constructor returns.
package lines

import (
	"bufio"
	"fmt"
	"net/http"
	"sort"
	"text/tabwriter"
)

// Numbered serves n numbered lines.
func Numbered(n int) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { // want "func literal escapes to heap"
		bw := bufio.NewWriter(w) // want "make\\(\\[\\]byte, bufio.size\\) escapes to heap"
		defer bw.Flush()
		for i := 1; i <= n; i++ {
			fmt.Fprintf(bw, "%3d  line %d\n", i, i)
		}
	}
}

// Table serves the counts as an aligned two-column table, sorted by name.
func Table(counts map[string]int) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { // want "func literal escapes to heap"
		names := make([]string, 0, len(counts))
		for name := range counts {
			names = append(names, name)
		}
		sort.Strings(names)
		tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0) // want "new\\(tabwriter.Writer\\) escapes to heap"
		for _, name := range names {
			fmt.Fprintf(tw, "%s\t%d\n", name, counts[name])
		}
		tw.Flush()
	}
}

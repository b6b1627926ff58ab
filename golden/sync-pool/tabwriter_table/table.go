// Package inventory prints stock levels as an aligned table.
package inventory

import (
	"fmt"
	"io"
	"text/tabwriter"
)

// Item is one stock line.
type Item struct {
	SKU      string
	Name     string
	Quantity int
	Reserved int
}

// WriteTable writes the items as columns aligned by tabwriter: one header, one line per item.
func WriteTable(w io.Writer, items []Item) error {
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0) // want "new\\(tabwriter.Writer\\) escapes to heap"
	fmt.Fprintln(tw, "SKU\tNAME\tQTY\tRESERVED\tFREE")
	for _, it := range items {
		if _, err := fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\n", it.SKU, it.Name, it.Quantity, it.Reserved, it.Quantity-it.Reserved); err != nil {
			return err
		}
	}
	return tw.Flush()
}

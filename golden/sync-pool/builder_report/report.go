// Package report renders an order summary as text.
package report

import (
	"fmt"
	"strings"
	"time"
)

// Line is one item of an order.
type Line struct {
	SKU   string
	Qty   int
	Cents int
}

// Summary renders the order through a strings.Builder: fmt.Fprintf and the Builder's own writing
// methods fill it, and only its String leaves the function.
func Summary(id string, at time.Time, lines []Line) string {
	var sb strings.Builder // want "moved to heap: sb"
	sb.Grow(64)
	fmt.Fprintf(&sb, "order %s (%s)\n", id, at.Format(time.DateOnly))
	total := 0
	for _, l := range lines {
		fmt.Fprintf(&sb, "  %-8s x%d  %d.%02d\n", l.SKU, l.Qty, l.Cents/100, l.Cents%100)
		total += l.Qty * l.Cents
	}
	sb.WriteString("  total ")
	fmt.Fprintf(&sb, "%d.%02d", total/100, total%100)
	sb.WriteByte('\n')
	return strings.TrimSpace(sb.String())
}

// Package size prints byte counts in human units.
package size

import (
	"strconv"
	"strings"
)

// byteFormatter returns a function that renders a byte count in the given
// unit ("B", "KiB", "MiB", "GiB"), with the given number of decimals.
func byteFormatter(unit string, decimals int) func(n int64) string {
	var div float64
	switch strings.ToUpper(unit) {
	case "KIB", "K":
		unit, div = "KiB", 1<<10
	case "MIB", "M":
		unit, div = "MiB", 1<<20
	case "GIB", "G":
		unit, div = "GiB", 1<<30
	default:
		unit, div = "B", 1
	}
	if div == 1 {
		decimals = 0
	}
	return func(n int64) string { // want "func literal escapes to heap"
		// keep: comment inside the formatter
		s := strconv.FormatFloat(float64(n)/div, 'f', decimals, 64)
		if decimals > 0 {
			s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
		}
		return s + " " + unit
	}
}

// Summary describes a transfer, e.g. "12.5 MiB of 1 GiB".
func Summary(done, total int64) string {
	return byteFormatter("MiB", 1)(done) + " of " + byteFormatter("GiB", 2)(total)
}

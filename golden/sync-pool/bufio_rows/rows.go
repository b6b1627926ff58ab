// Package rows writes tab-separated rows.
package rows

import (
	"bufio"
	"io"
	"strconv"
)

// WriteRows writes each row's fields separated by tabs. When w is already a *bufio.Writer,
// bufio.NewWriter returns it, and Flush pushes the caller's buffered bytes through as well.
func WriteRows(w io.Writer, rows [][]int) error {
	bw := bufio.NewWriter(w) // want "make\\(\\[\\]byte, bufio.size\\) escapes to heap"
	for _, row := range rows {
		for i, v := range row {
			if i > 0 {
				bw.WriteByte('\t')
			}
			bw.WriteString(strconv.Itoa(v))
		}
		bw.WriteRune('\n')
	}
	return bw.Flush()
}

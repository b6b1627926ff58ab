// Package export writes orders out as CSV and JSON lines for the warehouse and the accountants.
package export

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"example.com/probes/mixed-commerce/limits"
)

// Order is an order as exported.
type Order struct {
	ID       string
	Customer string
	Placed   time.Time
	Lines    []Item
	Total    int64
}

// Item is one order line.
type Item struct {
	SKU   string
	Qty   int
	Price int64
}

func cents(c int64) string {
	return fmt.Sprintf("%d.%02d", c/100, c%100)
}

// CSVRow writes one order as a CSV row.
func CSVRow(w io.Writer, o Order) error {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "%s,%q,%s,%d,", o.ID, o.Customer, o.Placed.UTC().Format(time.RFC3339), len(o.Lines))
	io.WriteString(&buf, cents(o.Total))
	buf.WriteByte('\n')
	_, err := w.Write(buf.Bytes())
	return err
}

// CSV writes a header and every order.
func CSV(w io.Writer, orders []Order) error {
	if _, err := io.WriteString(w, "id,customer,placed,lines,total\n"); err != nil {
		return err
	}
	for _, o := range orders {
		if err := CSVRow(w, o); err != nil {
			return err
		}
	}
	return nil
}

// JSONLine writes one order as a JSON line, built by hand for speed.
func JSONLine(w io.Writer, o Order) error {
	var b strings.Builder
	fmt.Fprintf(&b, `{"id":%q,"customer":%q,"total":%d,"lines":[`, o.ID, o.Customer, o.Total)
	for i, it := range o.Lines {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"sku":%q,"qty":%d,"price":%d}`, it.SKU, it.Qty, it.Price)
	}
	io.WriteString(&b, "]}\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// Pick is the warehouse pick-list line, "sku x qty", padded to fixed columns.
func Pick(w io.Writer, it Item) error {
	line := make([]byte, 0, 32)
	line = append(line, it.SKU...)
	for len(line) < int(limits.SKUWidth)+1 {
		line = append(line, ' ')
	}
	line = append(line, 'x', ' ')
	line = strconv.AppendInt(line, int64(it.Qty), 10)
	line = append(line, '\n')
	_, err := w.Write(line)
	return err
}

// Summary is a one-line summary of a day's orders.
func Summary(orders []Order) string {
	var buf bytes.Buffer
	var total int64
	for _, o := range orders {
		total += o.Total
	}
	fmt.Fprint(&buf, len(orders), " orders, ")
	fmt.Fprintf(&buf, "%s total", cents(total))
	return buf.String()
}

// Manifest lists the SKUs of an order, comma separated, for the courier label.
func Manifest(o Order) string {
	var b strings.Builder
	for i, it := range o.Lines {
		if i == limits.MaxCartLines {
			break
		}
		if i > 0 {
			io.WriteString(&b, ",")
		}
		io.WriteString(&b, it.SKU)
	}
	return b.String()
}

// Batch is an export batch that keeps its rendered bytes for a retry.
type Batch struct {
	last []byte
}

// Render renders the orders and keeps the bytes for Retry.
func (b *Batch) Render(orders []Order) []byte {
	var buf bytes.Buffer
	for _, o := range orders {
		fmt.Fprintf(&buf, "%s;%d\n", o.ID, o.Total)
	}
	b.last = buf.Bytes()
	return b.last
}

// Quantities renders each line's quantity as a decimal column.
func Quantities(o Order) string {
	col := make([]byte, 0, 8*limits.MaxCartLines)
	for i, it := range o.Lines {
		if i >= limits.MaxCartLines {
			break
		}
		col = strconv.AppendInt(col, int64(it.Qty), 10)
		col = append(col, '\n')
	}
	return string(col)
}

// Totals writes each order's total on its own line and returns how many bytes it wrote.
func Totals(w io.Writer, orders []Order) (int64, error) {
	var buf bytes.Buffer
	for _, o := range orders {
		fmt.Fprintln(&buf, o.ID, cents(o.Total))
	}
	return buf.WriteTo(w)
}

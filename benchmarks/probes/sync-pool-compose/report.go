package composekit

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
)

// Sale is one line of the sales report.
type Sale struct {
	Region string  `xml:"region,attr" json:"region"`
	SKU    string  `xml:"sku" json:"sku"`
	Units  int     `xml:"units" json:"units"`
	Amount float64 `xml:"amount" json:"amount"`
}

// SalesCSV writes the report as CSV with a header and a total line.
func SalesCSV(w io.Writer, sales []Sale) error {
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	cw.Write([]string{"region", "sku", "units", "amount"})
	total := 0.0
	for _, s := range sales {
		cw.Write([]string{s.Region, s.SKU, strconv.Itoa(s.Units), strconv.FormatFloat(s.Amount, 'f', 2, 64)})
		total += s.Amount
	}
	cw.Write([]string{"total", "", "", strconv.FormatFloat(total, 'f', 2, 64)})
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// SalesTSV writes tab-separated lines, escaping tabs in fields.
func SalesTSV(w io.Writer, sales []Sale) error {
	var b strings.Builder
	r := strings.NewReplacer("\t", `\t`, "\n", `\n`)
	for _, s := range sales {
		r.WriteString(&b, s.Region)
		b.WriteByte('\t')
		r.WriteString(&b, s.SKU)
		fmt.Fprintf(&b, "\t%d\t%.2f\n", s.Units, s.Amount)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// salesXML is the XML document of the report.
type salesXML struct {
	XMLName xml.Name `xml:"sales"`
	Sales   []Sale   `xml:"sale"`
}

// SalesXML writes the report as an indented XML document.
func SalesXML(w io.Writer, sales []Sale) error {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(salesXML{Sales: sales}); err != nil {
		return err
	}
	buf.WriteByte('\n')
	_, err := buf.WriteTo(w)
	return err
}

// SalesJSON writes one JSON object per line.
func SalesJSON(w io.Writer, sales []Sale) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	for _, s := range sales {
		if err := enc.Encode(s); err != nil {
			return err
		}
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// SalesTable writes an aligned text table.
func SalesTable(w io.Writer, sales []Sale) error {
	var buf bytes.Buffer
	tw := tabwriter.NewWriter(&buf, 0, 8, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "REGION\tSKU\tUNITS\tAMOUNT\t")
	for _, s := range sales {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%.2f\t\n", s.Region, s.SKU, s.Units, s.Amount)
	}
	tw.Flush()
	_, err := w.Write(buf.Bytes())
	return err
}

// writeSaleRow writes one HTML table row.
func writeSaleRow(w io.Writer, s Sale) {
	fmt.Fprintf(w, "<tr><td>%s</td><td>%s</td><td>%d</td><td>%.2f</td></tr>\n",
		s.Region, s.SKU, s.Units, s.Amount)
}

// SalesHTML renders the report as an HTML table string.
func SalesHTML(sales []Sale) string {
	var sb strings.Builder
	sb.WriteString("<table>\n")
	for _, s := range sales {
		writeSaleRow(&sb, s)
	}
	sb.WriteString("</table>\n")
	return sb.String()
}

// Summary returns "n sales, total x" as bytes for the caller to keep: must
// not pool.
func Summary(sales []Sale) []byte {
	var buf bytes.Buffer
	total := 0.0
	for _, s := range sales {
		total += s.Amount
	}
	fmt.Fprintf(&buf, "%d sales, total %.2f", len(sales), total)
	return buf.Bytes()
}

// Attachment builds the CSV as a reader for an upload API that reads it later:
// must not pool.
func Attachment(sales []Sale) io.Reader {
	buf := new(bytes.Buffer)
	SalesCSV(buf, sales)
	return buf
}

// Package pages renders paged XML exports: each page's Footer notes, in the previous page, that the run continues.
package pages

import (
	"bytes"
	"encoding/xml"
)

// Footer ends a page. Its MarshalXML keeps the Encoder of the page it ends, and writes a comment through the
// previous one when the next page is encoded: a pooled buffer would be the next page's.
type Footer struct{ Text string }

var previous *xml.Encoder

func (f Footer) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	if previous != nil {
		previous.EncodeToken(xml.Comment("continued"))
		previous.Flush()
	}
	previous = e
	return e.EncodeElement(f.Text, start)
}

type page struct {
	XMLName xml.Name `xml:"page"`
	N       int      `xml:"n,attr"`
	Rows    []string `xml:"row"`
	Footer  Footer   `xml:"footer"`
}

// Render renders page n of rows.
func Render(n int, rows []string) string {
	var buf bytes.Buffer // want "moved to heap: buf" // declined "it may call (*Footer).MarshalXML, whose parameter go1.24.11 reports as `leaking param: e`"
	enc := xml.NewEncoder(&buf)
	if err := enc.Encode(page{N: n, Rows: rows, Footer: Footer{"end"}}); err != nil {
		return err.Error()
	}
	enc.Flush()
	return buf.String()
}

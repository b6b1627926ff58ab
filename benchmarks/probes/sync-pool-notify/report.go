package notify

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"
	"time"
)

// Row is one line of the delivery report.
type Row struct {
	At       time.Time
	Channel  string
	Target   string
	Status   int
	Attempts int
}

func (r *Row) record() []string {
	return []string{r.At.UTC().Format(time.RFC3339), r.Channel, r.Target, strconv.Itoa(r.Status), strconv.Itoa(r.Attempts)}
}

// WriteCSV writes the report as CSV in one Write, so a failure leaves w untouched.
func WriteCSV(w io.Writer, rows []Row) error {
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	cw.Write([]string{"at", "channel", "target", "status", "attempts"})
	for i := range rows {
		if err := cw.Write(rows[i].record()); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// WriteTSV writes the report tab-separated.
func WriteTSV(w io.Writer, rows []Row) error {
	buf := new(bytes.Buffer)
	cw := csv.NewWriter(buf)
	cw.Comma = '\t'
	for i := range rows {
		cw.Write(rows[i].record())
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	_, err := buf.WriteTo(w)
	return err
}

// CSVLine quotes fields as one CSV line without the newline.
func CSVLine(fields ...string) string {
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	cw.Write(fields)
	cw.Flush()
	return string(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
}

// Summary writes an aligned per-channel summary table.
func Summary(w io.Writer, counts map[string]int, order []string) error {
	var buf bytes.Buffer
	tw := tabwriter.NewWriter(&buf, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "CHANNEL\tSENT")
	for _, ch := range order {
		fmt.Fprintf(tw, "%s\t%d\n", ch, counts[ch])
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// Archive keeps finished reports by day.
type Archive struct {
	byDay map[string]*bytes.Buffer
}

// Add appends rows to the day's report.
func (a *Archive) Add(day string, rows []Row) {
	buf := new(bytes.Buffer)
	cw := csv.NewWriter(buf)
	for i := range rows {
		cw.Write(rows[i].record())
	}
	cw.Flush()
	a.byDay[day] = buf
}

// Checksum reads a report through a 128 KiB scratch and returns its line count.
func Checksum(r io.Reader) (lines int, err error) {
	scratch := make([]byte, 128<<10)
	for {
		n, rerr := r.Read(scratch)
		lines += bytes.Count(scratch[:n], []byte{'\n'})
		if rerr == io.EOF {
			return lines, nil
		}
		if rerr != nil {
			return lines, rerr
		}
	}
}

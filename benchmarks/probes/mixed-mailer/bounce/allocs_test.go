package bounce

import (
	"io"
	"strings"
	"testing"

	"example.com/probes/mixed-mailer/limits"
)

const dsn = `Reporting-MTA: dns; mx.example.com

Final-Recipient: rfc822; gone@example.com
Action: failed
Status: 5.1.1

Final-Recipient: rfc822; later@example.com
Action: delayed
Status: 4.4.1
`

func TestAllocs(t *testing.T) {
	if c := Classify(550, "5.1.1 user unknown"); c != limits.HardBounce {
		t.Fatal(c)
	}
	if c := Classify(451, "4.7.1 try later"); c != limits.SoftBounce {
		t.Fatal(c)
	}
	if c := Classify(554, "blocked by spamhaus"); c != limits.Blocked {
		t.Fatal(c)
	}
	allocs(t, "Classify", func() { Classify(550, "5.1.1 user unknown") })
	n := Counts([]int{250, 550, 451}, []string{"ok", "5.1.1 x", "4.2.2 full"})
	if n != [limits.NumClasses]int{1, 1, 1, 0} {
		t.Fatal(n)
	}
	var b strings.Builder
	Summary(&b, n)
	if !strings.HasPrefix(b.String(), "delivered 1\n") {
		t.Fatal(b.String())
	}
	allocs(t, "Summary", func() { Summary(io.Discard, n) })
	ds, err := ParseDSN(strings.NewReader(dsn))
	if err != nil || len(ds) != 2 {
		t.Fatal(ds, err)
	}
	if h := Hard(ds, 10); len(h) != 1 || h[0] != "gone@example.com" {
		t.Fatal(h)
	}
	if HardCount(ds) != 1 {
		t.Fatal(HardCount(ds))
	}
	allocs(t, "HardCount", func() { HardCount(ds) })
}

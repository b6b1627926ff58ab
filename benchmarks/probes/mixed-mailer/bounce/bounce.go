// Package bounce classifies delivery failures from SMTP replies and DSNs.
package bounce

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"example.com/probes/mixed-mailer/limits"
)

// Enhanced parses an RFC 3463 status code "c.s.d" from the start of a reply text.
func Enhanced(text string) (code [3]int, ok bool) {
	field, _, _ := strings.Cut(text, " ")
	parts := strings.SplitN(field, ".", 3)
	if len(parts) != 3 {
		return code, false
	}
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || n > 999 {
			return code, false
		}
		code[i] = n
	}
	return code, true
}

// Classify decides what a reply means for the recipient.
func Classify(code int, text string) limits.Class {
	if code/100 == 2 {
		return limits.Delivered
	}
	lower := strings.ToLower(text)
	if strings.Contains(lower, "spamhaus") || strings.Contains(lower, "blocked") {
		return limits.Blocked
	}
	if ec, ok := Enhanced(text); ok {
		switch {
		case ec[0] == 5 && ec[1] == 1:
			return limits.HardBounce
		case ec[0] == 5 && ec[1] == 7:
			return limits.Blocked
		case ec[0] == 4:
			return limits.SoftBounce
		}
	}
	if code/100 == 5 {
		return limits.HardBounce
	}
	return limits.SoftBounce
}

// Counts tallies classes of a batch of replies.
func Counts(codes []int, texts []string) [limits.NumClasses]int {
	var n [limits.NumClasses]int
	for i, c := range codes {
		n[Classify(c, texts[i])]++
	}
	return n
}

var classNames = [limits.NumClasses]string{"delivered", "soft", "hard", "blocked"}

// Summary writes the tallies, one class per line.
func Summary(w io.Writer, n [limits.NumClasses]int) error {
	var b strings.Builder
	for c, v := range n {
		fmt.Fprintf(&b, "%-9s %d\n", classNames[c], v)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// DSN is the part of a delivery status notification the mailer acts on.
type DSN struct {
	Recipient string
	Action    string
	Status    string
}

// ParseDSN reads the per-recipient fields of a message/delivery-status part.
func ParseDSN(r io.Reader) ([]DSN, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, limits.MaxTextLine+2), limits.MaxTextLine+2)
	var out []DSN
	var cur DSN
	for sc.Scan() {
		line := sc.Text()
		if line == "" {
			if cur.Recipient != "" {
				out = append(out, cur)
			}
			cur = DSN{}
			continue
		}
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		v = strings.TrimSpace(v)
		switch strings.ToLower(k) {
		case "final-recipient":
			_, cur.Recipient, _ = strings.Cut(v, ";")
			cur.Recipient = strings.TrimSpace(cur.Recipient)
		case "action":
			cur.Action = v
		case "status":
			cur.Status = v
		}
	}
	if cur.Recipient != "" {
		out = append(out, cur)
	}
	return out, sc.Err()
}

// Hard reports the DSN recipients that failed permanently, at most limit of them.
func Hard(dsns []DSN, limit int) []string {
	out := make([]string, 0, min(len(dsns), limit))
	for _, d := range dsns {
		if len(out) == cap(out) {
			break
		}
		if d.Action == "failed" && strings.HasPrefix(d.Status, "5.") {
			out = append(out, d.Recipient)
		}
	}
	return out
}

// HardCount counts the permanent failures, looking at no more than one transaction's recipients.
func HardCount(dsns []DSN) int {
	n := min(len(dsns), limits.MaxRecipients)
	failed := make([]string, 0, n)
	for _, d := range dsns[:n] {
		if d.Action == "failed" && strings.HasPrefix(d.Status, "5.") {
			failed = append(failed, d.Recipient)
		}
	}
	return len(failed)
}

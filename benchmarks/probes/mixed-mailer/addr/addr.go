// Package addr parses and normalises recipient address lists.
package addr

import (
	"errors"
	"fmt"
	"strings"

	"example.com/probes/mixed-mailer/limits"
)

// Address is one mailbox.
type Address struct {
	Name   string
	Local  string
	Domain string
}

func (a Address) String() string {
	if a.Name == "" {
		return a.Local + "@" + a.Domain
	}
	return fmt.Sprintf("%q <%s@%s>", a.Name, a.Local, a.Domain)
}

var (
	ErrNoAt    = errors.New("addr: missing @")
	ErrTooLong = errors.New("addr: local part or domain too long")
	ErrTooMany = errors.New("addr: too many recipients")
)

// splitList splits a header value at commas outside quotes and angle brackets.
func splitList(s string) []string {
	var parts []string
	depth, quoted, start := 0, false, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '<':
			depth++
		case c == '>':
			depth--
		case c == ',' && depth == 0:
			parts = append(parts, s[start:i])
			start = i + 1
		}
	}
	return append(parts, s[start:])
}

// Parse parses one mailbox: `Name <local@domain>` or a bare address.
func Parse(s string) (Address, error) {
	s = strings.TrimSpace(s)
	var a Address
	if lt := strings.LastIndexByte(s, '<'); lt >= 0 && strings.HasSuffix(s, ">") {
		a.Name = strings.Trim(strings.TrimSpace(s[:lt]), `"`)
		s = s[lt+1 : len(s)-1]
	}
	at := strings.LastIndexByte(s, '@')
	if at < 0 {
		return a, ErrNoAt
	}
	a.Local, a.Domain = s[:at], strings.ToLower(s[at+1:])
	if len(a.Local) > limits.MaxLocalPart || len(a.Domain) > limits.MaxDomain {
		return a, ErrTooLong
	}
	return a, nil
}

// ParseList parses a To/Cc header value.
func ParseList(s string) ([]Address, error) {
	parts := splitList(s)
	if len(parts) > limits.MaxRecipients {
		return nil, ErrTooMany
	}
	out := make([]Address, 0, len(parts))
	for _, p := range parts {
		if strings.TrimSpace(p) == "" {
			continue
		}
		a, err := Parse(p)
		if err != nil {
			return nil, fmt.Errorf("%q: %w", p, err)
		}
		out = append(out, a)
	}
	return out, nil
}

// CountValid counts the parseable mailboxes of a header value, looking at no more than the recipient limit.
func CountValid(s string) int {
	parts := splitList(s)
	n := min(len(parts), limits.MaxRecipients)
	ok := make([]bool, n)
	for i := range ok {
		_, err := Parse(parts[i])
		ok[i] = err == nil
	}
	valid := 0
	for _, v := range ok {
		if v {
			valid++
		}
	}
	return valid
}

// Domains returns the distinct domains of a list, in first-seen order.
func Domains(list []Address) []string {
	seen := make(map[string]bool, len(list))
	var out []string
	for _, a := range list {
		if !seen[a.Domain] {
			seen[a.Domain] = true
			out = append(out, a.Domain)
		}
	}
	return out
}

// GroupByDomain groups addresses for per-domain delivery.
func GroupByDomain(list []Address) map[string][]string {
	out := make(map[string][]string)
	for _, a := range list {
		out[a.Domain] = append(out[a.Domain], a.Local+"@"+a.Domain)
	}
	return out
}

// Canonical is the key the suppression list uses: the local part lower-cased, "+tag" dropped.
func Canonical(a Address) string {
	local := strings.ToLower(a.Local)
	if i := strings.IndexByte(local, '+'); i > 0 {
		local = local[:i]
	}
	return local + "@" + a.Domain
}

// Mask hides most of the local part for logs: "j***@example.com".
func Mask(a Address) string {
	n := len(a.Local)
	if n > limits.MaxLocalPart {
		n = limits.MaxLocalPart
	}
	masked := make([]byte, n)
	for i := range masked {
		masked[i] = '*'
	}
	if n > 0 {
		masked[0] = a.Local[0]
	}
	return string(masked) + "@" + a.Domain
}

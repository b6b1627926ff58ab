// Package first reports the first rule a password breaks.
package first

// Rule says why a password is refused, or "" when it is not.
type Rule interface {
	Refuse(p string) string
}

// MinLen refuses short passwords.
type MinLen struct{ n int }

func (m *MinLen) Refuse(p string) string {
	if len(p) < m.n {
		return "too short"
	}
	return ""
}

// Digit refuses passwords without a digit.
type Digit struct{ checked int }

func (d *Digit) Refuse(p string) string {
	d.checked++
	for _, c := range p {
		if c >= '0' && c <= '9' {
			return ""
		}
	}
	return "no digit"
}

// Refusal is the first rule p breaks, and how many passwords the digit rule looked at.
func Refusal(p string) (string, int) {
	short := MinLen{8} // want "moved to heap: short"
	var digit Digit    // want "moved to heap: digit"
	why := ""
	for _, r := range []Rule{&short, &digit} {
		if why = r.Refuse(p); why != "" {
			break
		}
	}
	return why, digit.checked
}

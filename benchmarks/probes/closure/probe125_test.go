//go:build go1.25

package probe

import "testing"

func TestAllocs125(t *testing.T) {
	report(t, "Upper", func() { Upper(lines, "-") })
}

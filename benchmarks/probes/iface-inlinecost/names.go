package conf

import "fmt"

// SectionKey names a numbered section.
func SectionKey(name string, n int) string { return fmt.Sprintf("%s.%d", name, n) }

// ReplicaName is the name of a replica; the first one keeps the plain name.
func ReplicaName(name string, n int) string {
	if n == 0 {
		return name
	}
	return fmt.Sprintf("%s-%d", name, n)
}

// Flag prints a switch as the config file writes it.
func Flag(name string, on bool) string { return fmt.Sprintf("%s=%t", name, on) }

// Port is a listening address on all interfaces.
func Port(p uint16) string { return fmt.Sprintf(":%d", p) }

// Describe says what a setting is, for the --explain output.
func Describe(name string, value int, def int, set bool) string {
	if !set {
		return fmt.Sprintf("%s: %d (default)", name, def)
	}
	return fmt.Sprintf("%s: %d (default %d)", name, value, def)
}

// Limit prints a limit with its unit.
func Limit(name string, n int64, per string, strict bool) string {
	return fmt.Sprintf("%s<=%d/%s strict=%t", name, n, per, strict)
}

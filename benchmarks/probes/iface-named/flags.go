package accounts

import (
	"fmt"

	"example.com/probes/iface-named/ids"
)

// FlagLine is a feature flag's config line.
func FlagLine(name string, on Flag) string {
	return fmt.Sprintf("%s=%t", name, on)
}

// FlagValue prints a flag with %v.
func FlagValue(name string, on Flag) string {
	return fmt.Sprintf("%s=%v", name, on)
}

// BetaLine prints a tenant's beta enrolment.
func BetaLine(t ids.TenantID, b ids.Beta) string {
	return fmt.Sprintf("tenant %d beta=%t", t, b)
}

// AdminLine prints whether a session is an admin's.
func AdminLine(s Session) string {
	return fmt.Sprintf("user %d admin=%t", s.User, s.Admin)
}

// StatusLine prints a status.
func StatusLine(s Status) string {
	return fmt.Sprintf("status: %s", s)
}

// StatusOf prints a session's status with Sprint.
func StatusOf(s *Session) string {
	return fmt.Sprint("status ", s.Status)
}

// Incident prints an incident's severity: Severity has String on linux.
func Incident(id int, s Severity) string {
	return fmt.Sprintf("incident %d: %v", id, s)
}

// IncidentLevel prints the severity's number.
func IncidentLevel(s Severity) string {
	return fmt.Sprintf("sev%d", s)
}

// LogPrefix prints a level: Level's String is a test file's.
func LogPrefix(l Level) string {
	return fmt.Sprintf("[%v]", l)
}

// LogLevel prints a level's number.
func LogLevel(l Level) string {
	return fmt.Sprintf("level=%d", l)
}

// Amount prints money: Cents formats itself.
func Amount(c Cents) string {
	return fmt.Sprintf("total %d", c)
}

// AmountValue prints money with %v.
func AmountValue(c Cents) string {
	return fmt.Sprintf("total %v", c)
}

// SlotName prints a slot through its pointer: *Slot's String runs.
func SlotName(s *Slot) string {
	return fmt.Sprintf("booked %v", s)
}

// SlotNumber prints a slot's number: a Slot value has no String.
func SlotNumber(s Slot) string {
	return fmt.Sprintf("booked %v", s)
}

// Where prints a point.
func Where(p Point) string {
	return fmt.Sprintf("at %v", p)
}

// RegionLine prints a region with Sprintln.
func RegionLine(r ids.Region) string {
	return fmt.Sprintln("region", r)
}

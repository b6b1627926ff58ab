// Package accounts serves tenants, users and their sessions.
package accounts

import "fmt"

// UserID identifies a user.
type UserID int64

// Port is a TCP port.
type Port uint16

// Status is an account's lifecycle status.
type Status string

// Code is an HTTP-like status code.
type Code int

// Role is a user's role; printed by name with %v, by number with %d.
type Role uint8

const (
	Viewer Role = iota
	Editor
	Admin
)

func (r Role) String() string {
	switch r {
	case Viewer:
		return "viewer"
	case Editor:
		return "editor"
	}
	return "admin"
}

// Flag is a feature flag's state.
type Flag bool

// Cents is an amount of money; it formats itself with %v and %d alike.
type Cents int64

func (c Cents) Format(f fmt.State, verb rune) {
	fmt.Fprintf(f, "%d.%02d", int64(c)/100, int64(c)%100)
}

// Severity is an incident's severity; its String lives beside the pager code on linux only.
type Severity int

// Slot is a reservation slot; its String is on the pointer.
type Slot int

func (s *Slot) String() string { return fmt.Sprintf("slot#%d", int(*s)) }

// Reason is why an error happened; it is an error itself.
type Reason string

func (r Reason) Error() string { return "reason: " + string(r) }

// Level is a log level whose String only tests declare.
type Level int

// Point is a map location.
type Point struct{ X, Y int }

// Session is one login.
type Session struct {
	User   UserID
	Role   Role
	Port   Port
	Status Status
	Admin  Flag
}

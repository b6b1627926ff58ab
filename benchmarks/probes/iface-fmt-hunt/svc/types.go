package svc

import "example.com/hunt/ids"

// UserID has no methods.
type UserID int64

// Status has String on the pointer only.
type Status string

func (s *Status) String() string { return "ptr-status" }

// Mode's String lives in mode_linux.go.
type Mode uint8

// Level's String lives in level_test.go.
type Level int

// Flag has Error.
type Flag bool

func (f Flag) Error() string { return "flag-error" }

// Port has Format.
type Port uint16

// Glyph is a rune with String.
type Glyph rune

func (g Glyph) String() string { return "glyph!" }

// Kind is a defined type over another package's type.
type Kind ids.Code

// Ref aliases a sibling package's type.
type Ref = ids.ID

// Small is a byte type with String.
type Small uint8

func (s Small) String() string { return "small" }

// Plain is a methodless string.
type Plain string

// Count is methodless.
type Count uint32

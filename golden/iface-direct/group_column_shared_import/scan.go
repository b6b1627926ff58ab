package columns

import (
	"database/sql"
	"errors"
	"fmt"
)

// Cents is money stored as an integer column.
type Cents int64

func (c *Cents) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		return ErrNull
	case int64:
		*c = Cents(v)
		return nil
	}
	return fmt.Errorf("cents: cannot scan %T", src)
}

// Field maps one column to its destination, as a generated mapper lists them.
type Field struct {
	Column string
	Dest   any
}

// Balance scans the balance column.
func Balance(src any) (Cents, error) {
	var bal Cents // want "moved to heap: bal"
	f := Field{Column: "balance", Dest: &bal}
	s, ok := f.Dest.(sql.Scanner)
	if !ok {
		return 0, errors.New(f.Column + ": not a scanner")
	}
	if err := s.Scan(src); err != nil {
		return 0, fmt.Errorf("%s: %w", f.Column, err)
	}
	return bal, nil
}

package dbx

import (
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// NullInt64 is a nullable integer column.
type NullInt64 struct {
	Int64 int64
	Valid bool
}

func (n NullInt64) Value() (driver.Value, error) {
	if !n.Valid {
		return nil, nil
	}
	return n.Int64, nil
}

func (n *NullInt64) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		n.Int64, n.Valid = 0, false
	case int64:
		n.Int64, n.Valid = v, true
	case []byte:
		i, err := strconv.ParseInt(string(v), 10, 64)
		if err != nil {
			return err
		}
		n.Int64, n.Valid = i, true
	default:
		return fmt.Errorf("NullInt64: cannot scan %T", src)
	}
	return nil
}

// Timestamp stores times as UTC RFC3339 text (SQLite style).
type Timestamp struct{ T time.Time }

func (t Timestamp) Value() (driver.Value, error) {
	return t.T.UTC().Format(time.RFC3339Nano), nil
}

func (t *Timestamp) Scan(src any) error {
	switch v := src.(type) {
	case time.Time:
		t.T = v
	case string:
		p, err := time.Parse(time.RFC3339Nano, v)
		if err != nil {
			return err
		}
		t.T = p
	case []byte:
		return t.Scan(string(v))
	default:
		return errors.New("Timestamp: unsupported source")
	}
	return nil
}

// Tags is a comma-separated text column.
type Tags []string

func (t Tags) Value() (driver.Value, error) { return strings.Join(t, ","), nil }

func (t *Tags) Scan(src any) error {
	s, ok := src.(string)
	if !ok {
		b, ok := src.([]byte)
		if !ok {
			return errors.New("Tags: unsupported source")
		}
		s = string(b)
	}
	if s == "" {
		*t = nil
		return nil
	}
	*t = strings.Split(s, ",")
	return nil
}

// Cents is money stored as an integer.
type Cents int64

func (c Cents) Value() (driver.Value, error) { return int64(c), nil }

func (c *Cents) Scan(src any) error {
	v, ok := src.(int64)
	if !ok {
		return fmt.Errorf("Cents: cannot scan %T", src)
	}
	*c = Cents(v)
	return nil
}

func (c Cents) String() string {
	return strconv.FormatInt(int64(c)/100, 10) + "." + fmt.Sprintf("%02d", int64(c)%100)
}

var (
	_ driver.Valuer = NullInt64{}
	_ sql.Scanner   = (*NullInt64)(nil)
	_ driver.Valuer = Timestamp{}
	_ sql.Scanner   = (*Timestamp)(nil)
)

// toDriver converts an argument the way database/sql's default converter starts:
// a Valuer first, then the plain kinds.
func toDriver(v any) (driver.Value, error) {
	if vr, ok := v.(driver.Valuer); ok {
		return vr.Value()
	}
	switch x := v.(type) {
	case nil, int64, float64, bool, []byte, string, time.Time:
		return x, nil
	case int:
		return int64(x), nil
	}
	return nil, fmt.Errorf("unsupported argument %T", v)
}

// RoundTrip writes n through its Valuer and reads it back through Scan, as a
// column test would.
func RoundTrip(n int64) (int64, error) {
	in := NullInt64{Int64: n, Valid: true}
	var out NullInt64
	pair := struct {
		in  driver.Valuer
		out sql.Scanner
	}{in, &out}
	v, err := pair.in.Value()
	if err != nil {
		return 0, err
	}
	if err := pair.out.Scan(v); err != nil {
		return 0, err
	}
	return out.Int64, nil
}

// ScanTimestamp parses a stored timestamp column.
func ScanTimestamp(raw string) (time.Time, error) {
	var ts Timestamp
	var dst any = &ts
	if s, ok := dst.(sql.Scanner); ok {
		if err := s.Scan(raw); err != nil {
			return time.Time{}, err
		}
	}
	return ts.T, nil
}

// ColumnText renders a value as its stored text, for logs and EXPLAIN output.
func ColumnText(c Cents) string {
	var col any = c
	if v, ok := col.(driver.Valuer); ok {
		dv, err := v.Value()
		if err != nil {
			return "?"
		}
		if s, ok := col.(fmt.Stringer); ok {
			return s.String() + " (" + strconv.FormatInt(dv.(int64), 10) + ")"
		}
	}
	return "?"
}

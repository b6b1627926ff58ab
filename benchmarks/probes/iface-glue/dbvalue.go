package glue

import (
	"database/sql/driver"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// NullString is a nullable column value.
type NullString struct {
	S     string
	Valid bool
}

// Value implements driver.Valuer.
func (n NullString) Value() (driver.Value, error) {
	if !n.Valid {
		return nil, nil
	}
	return n.S, nil
}

// Scan implements sql.Scanner.
func (n *NullString) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		n.S, n.Valid = "", false
	case string:
		n.S, n.Valid = v, true
	case []byte:
		n.S, n.Valid = string(v), true
	default:
		return fmt.Errorf("NullString: cannot scan %T", src)
	}
	return nil
}

// Money is stored as integer cents.
type Money struct{ Cents int64 }

func (m Money) Value() (driver.Value, error) { return m.Cents, nil }

func (m *Money) Scan(src any) error {
	switch v := src.(type) {
	case int64:
		m.Cents = v
	case []byte:
		c, err := strconv.ParseInt(string(v), 10, 64)
		if err != nil {
			return err
		}
		m.Cents = c
	default:
		return errors.New("Money: unsupported source")
	}
	return nil
}

func (m Money) String() string {
	return strconv.FormatInt(m.Cents/100, 10) + "." + fmt.Sprintf("%02d", m.Cents%100)
}

// Tags is a comma-joined set of labels.
type Tags []string

func (t *Tags) Scan(src any) error {
	s, ok := src.(string)
	if !ok {
		return errors.New("Tags: want string")
	}
	*t = strings.Split(s, ",")
	return nil
}

// ScanRow fills dests from one row of driver values, as a driver's Rows.Next would.
// Each dest is either a Scanner or a pointer to a plain type.
func ScanRow(row []driver.Value, dests ...any) error {
	if len(row) != len(dests) {
		return errors.New("column count mismatch")
	}
	for i, d := range dests {
		switch p := d.(type) {
		case interface{ Scan(any) error }:
			if err := p.Scan(row[i]); err != nil {
				return err
			}
		case *int64:
			*p, _ = row[i].(int64)
		case *string:
			*p, _ = row[i].(string)
		default:
			return fmt.Errorf("unsupported dest %T", d)
		}
	}
	return nil
}

// ScanMoney reads a money column into a local through the Scanner the column wants.
func ScanMoney(raw []byte) (int64, error) {
	var m Money
	var dest any = &m
	sc, ok := dest.(interface{ Scan(any) error })
	if !ok {
		return 0, errors.New("not a scanner")
	}
	if err := sc.Scan(raw); err != nil {
		return 0, err
	}
	return m.Cents, nil
}

// binding is one named argument of a prepared statement.
type binding struct {
	name  string
	value any
}

// BindCents converts a Money argument as database/sql's default converter would:
// a Valuer is asked for its value first.
func BindCents(cents int64) (int64, error) {
	m := Money{Cents: cents}
	b := binding{name: "amount", value: m}
	if vr, ok := b.value.(driver.Valuer); ok {
		v, err := vr.Value()
		if err != nil {
			return 0, err
		}
		c, _ := v.(int64)
		return c, nil
	}
	return 0, errors.New("not a valuer")
}

// ScanPair scans two columns into locals through an args slice, like rows.Scan(&a, &b).
func ScanPair(nameCol string, tagsCol string) (string, int, error) {
	var name NullString
	var tags Tags
	args := []any{&name, &tags}
	if err := args[0].(interface{ Scan(any) error }).Scan(nameCol); err != nil {
		return "", 0, err
	}
	if err := args[1].(interface{ Scan(any) error }).Scan(tagsCol); err != nil {
		return "", 0, err
	}
	return name.S, len(tags), nil
}

// FormatArg renders a bind argument for a query log, the way drivers print them.
func FormatArg(v driver.Value) string {
	switch x := v.(type) {
	case nil:
		return "NULL"
	case int64:
		return strconv.FormatInt(x, 10)
	case string:
		return strconv.Quote(x)
	case []byte:
		return fmt.Sprintf("x'%x'", x)
	case time.Time:
		return x.Format(time.RFC3339)
	case bool:
		return strconv.FormatBool(x)
	}
	return "?"
}

// QueryLog keeps every argument it was given: the values really escape.
type QueryLog struct {
	entries [][]any
}

func (q *QueryLog) Record(args ...any) {
	q.entries = append(q.entries, args)
}

// LogInsert records an insert's arguments; the log keeps them.
func LogInsert(q *QueryLog, id int64, name string) {
	n := NullString{S: name, Valid: name != ""}
	q.Record(id, &n)
}

// ValueOf converts a column through driver.Valuer when it is one, from a map of named params.
func ValueOf(cents int64) (driver.Value, error) {
	m := Money{Cents: cents}
	params := map[string]any{"amount": &m}
	if vr, ok := params["amount"].(driver.Valuer); ok {
		return vr.Value()
	}
	return nil, errors.New("amount is not a valuer")
}

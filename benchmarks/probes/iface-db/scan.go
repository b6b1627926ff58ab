package dbx

import (
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"time"
)

// RowScanner is what *sql.Row and *sql.Rows share.
type RowScanner interface {
	Scan(dest ...any) error
}

// MemRow is an in-memory row for tests and caches.
type MemRow []driver.Value

func (r MemRow) Scan(dest ...any) error {
	if len(dest) != len(r) {
		return fmt.Errorf("scan: %d columns into %d destinations", len(r), len(dest))
	}
	for i, d := range dest {
		if err := assign(d, r[i]); err != nil {
			return fmt.Errorf("column %d: %w", i, err)
		}
	}
	return nil
}

// assign stores src into the pointer dst, like database/sql's convertAssign.
func assign(dst any, src driver.Value) error {
	switch d := dst.(type) {
	case sql.Scanner:
		return d.Scan(src)
	case *int64:
		v, ok := src.(int64)
		if !ok {
			return fmt.Errorf("want int64, got %T", src)
		}
		*d = v
	case *string:
		switch s := src.(type) {
		case string:
			*d = s
		case []byte:
			*d = string(s)
		default:
			return fmt.Errorf("want string, got %T", src)
		}
	case *bool:
		v, ok := src.(bool)
		if !ok {
			return fmt.Errorf("want bool, got %T", src)
		}
		*d = v
	default:
		return fmt.Errorf("unsupported destination %T", dst)
	}
	return nil
}

type User struct {
	ID      int64
	Name    string
	Created time.Time
	Tags    Tags
}

// ScanUser maps one row of `SELECT id, name, created, tags`.
func ScanUser(rs RowScanner) (User, error) {
	var u User
	var created Timestamp
	if err := rs.Scan(&u.ID, &u.Name, &created, &u.Tags); err != nil {
		return User{}, err
	}
	u.Created = created.T
	return u, nil
}

// CountRow reads `SELECT count(*)` from a cached row.
func CountRow(r MemRow) (int64, error) {
	var n int64
	if err := r.Scan(&n); err != nil {
		return 0, err
	}
	return n, nil
}

// Field maps one column name to its destination.
type Field struct {
	Column string
	Dest   any
}

// ScanBalance maps the balance column through the field table a generated mapper
// would build.
func ScanBalance(src driver.Value) (Cents, error) {
	var bal Cents
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

// ScanPair maps id and name from a row held in memory, through a destination list.
func ScanPair(row MemRow) (int64, string, error) {
	var id NullInt64
	var name string
	dests := []any{&id, &name}
	if err := dests[0].(sql.Scanner).Scan(row[0]); err != nil {
		return 0, "", err
	}
	if err := assign(dests[1], row[1]); err != nil {
		return 0, "", err
	}
	return id.Int64, name, nil
}

// ScanTwoStamps reads created/updated columns through one destination table.
func ScanTwoStamps(created, updated string) (time.Duration, error) {
	var c, u Timestamp
	cols := [2]any{&c, &u}
	if err := cols[0].(sql.Scanner).Scan(created); err != nil {
		return 0, err
	}
	if err := cols[1].(sql.Scanner).Scan(updated); err != nil {
		return 0, err
	}
	return u.T.Sub(c.T), nil
}

// ScanEach scans columns one at a time into the destinations a query plan lists;
// which destination goes first is only known at run time.
func ScanEach(order []int, row MemRow) (int64, int64, error) {
	var a, b NullInt64
	dests := []any{&a, &b}
	for i, k := range order {
		if err := dests[k].(sql.Scanner).Scan(row[i]); err != nil {
			return 0, 0, err
		}
	}
	return a.Int64, b.Int64, nil
}

// NullableAge turns a NullInt64 into the pointer JSON wants.
func NullableAge(src any) (*int64, error) {
	var n NullInt64
	var s sql.Scanner = &n
	if err := s.Scan(src); err != nil {
		return nil, err
	}
	if !n.Valid {
		return nil, nil
	}
	v := n.Int64
	return &v, nil
}

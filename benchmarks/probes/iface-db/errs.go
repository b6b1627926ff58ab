package dbx

import (
	"errors"
	"fmt"
	"strconv"
)

var ErrNoRows = errors.New("dbx: no rows")

// ConstraintError reports a violated constraint.
type ConstraintError struct {
	Table, Constraint string
	Code              int
}

func (e *ConstraintError) Error() string {
	return "constraint " + e.Constraint + " on " + e.Table + " (" + strconv.Itoa(e.Code) + ")"
}

// Temporary says whether retrying may help (serialization failures, deadlocks).
func (e *ConstraintError) Temporary() bool { return e.Code == 40001 || e.Code == 40001+1 }

// QueryError wraps a driver error with the statement.
type QueryError struct {
	Query string
	Err   error
}

func (e *QueryError) Error() string { return e.Query + ": " + e.Err.Error() }
func (e *QueryError) Unwrap() error { return e.Err }

type temporary interface{ Temporary() bool }

// IsRetryable classifies a driver error code as the retry loop does.
func IsRetryable(code int) bool {
	ce := ConstraintError{Table: "accounts", Constraint: "serial", Code: code}
	var err error = &ce
	if t, ok := err.(temporary); ok && t.Temporary() {
		return true
	}
	return false
}

// Describe renders a driver error for the operator's log.
func Describe(code int, table string) string {
	ce := ConstraintError{Table: table, Constraint: "pk", Code: code}
	qe := QueryError{Query: "INSERT INTO " + table, Err: &ce}
	var target *ConstraintError
	if errors.As(&qe, &target) {
		return "constraint " + target.Constraint
	}
	return qe.Error()
}

// ConflictReason extracts the constraint from a wrapped error built in place.
func ConflictReason(code int) string {
	ce := ConstraintError{Table: "users", Constraint: "users_email_key", Code: code}
	wrapped := QueryError{Query: "INSERT", Err: &ce}
	switch e := wrapped.Err.(type) {
	case *ConstraintError:
		return e.Constraint
	case fmt.Stringer:
		return e.String()
	}
	return "unknown"
}

// NotFound reports whether a lookup failed for lack of rows.
func NotFound(err error) bool {
	return errors.Is(err, ErrNoRows)
}

// WrapNoRows returns the error a repository returns for a missing key.
func WrapNoRows(key string) error {
	return fmt.Errorf("user %q: %w", key, ErrNoRows)
}

// Severity ranks an error for alerting, looking through one wrapper.
func Severity(code int) int {
	ce := ConstraintError{Table: "orders", Constraint: "fk_user", Code: code}
	qe := QueryError{Query: "UPDATE orders", Err: &ce}
	if t, ok := qe.Err.(temporary); ok {
		if t.Temporary() {
			return 1
		}
		return 2
	}
	return 3
}

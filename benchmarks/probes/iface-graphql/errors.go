package gql

import (
	"errors"
	"strconv"
)

// GQLError is a GraphQL error with its extensions.
type GQLError struct {
	Message    string
	Path       []string
	Extensions map[string]any
}

func (e *GQLError) Error() string { return e.Message }

// Coded is what an extension value that names an error code implements.
type Coded interface{ Code() string }

type codeExt struct{ code string }

func (c *codeExt) Code() string { return c.code }

// ErrorCode reads the code of an error's extensions, built in place.
func ErrorCode(msg string) string {
	ce := codeExt{code: "BAD_USER_INPUT"}
	e := GQLError{Message: msg, Extensions: map[string]any{"code": &ce, "retryable": false}}
	if c, ok := e.Extensions["code"].(Coded); ok {
		return c.Code()
	}
	return "INTERNAL"
}

// Retryable reads a bool and an int extension back.
func Retryable(msg string) (bool, int) {
	ext := map[string]any{"retryable": true, "attempts": 3, "message": msg}
	return ext["retryable"].(bool), ext["attempts"].(int)
}

// RetryAfter reads a rate limit's retry-after seconds, a float extension.
func RetryAfter() float64 {
	ext := map[string]any{"retryAfter": 1.5}
	return ext["retryAfter"].(float64)
}

// Severity reads an extension set to a named constant of the schema.
func Severity() string {
	ext := map[string]any{"role": RoleViewer}
	return ext["role"].(Role).String()
}

// NewError returns an error whose extensions the caller reads: the map outlives the call.
func NewError(msg string) error {
	ce := codeExt{code: "FORBIDDEN"}
	return &GQLError{Message: msg, Extensions: map[string]any{"code": &ce}}
}

// Wrapped checks a resolver's error for a GraphQL error with errors.As.
func Wrapped(err error) string {
	var ge *GQLError
	if errors.As(err, &ge) {
		return ge.Message
	}
	return err.Error()
}

// Location is a line and column of a query document.
type Location struct{ Line, Column int }

func (l *Location) String() string { return strconv.Itoa(l.Line) + ":" + strconv.Itoa(l.Column) }

// At formats an error's location, held in its extensions as any.
func At(line, col int) string {
	loc := Location{Line: line, Column: col}
	ext := map[string]any{"location": &loc}
	return ext["location"].(Stringer).String()
}

// AtWrong asserts the location to the wrong type: the assertion fails in Go.
func AtWrong(line int) (string, bool) {
	loc := Location{Line: line}
	ext := map[string]any{"location": &loc}
	s, ok := ext["location"].(*codeExt)
	if !ok {
		return "", false
	}
	return s.code, true
}

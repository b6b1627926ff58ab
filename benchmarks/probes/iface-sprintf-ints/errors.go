package store

import "fmt"

// NotFound describes a missing row, as the API returns it in a JSON body.
func NotFound(kind string, id int64) string { return fmt.Sprintf("%s %d not found", kind, id) }

// TooLarge describes an oversize request.
func TooLarge(size, max int) string { return fmt.Sprintf("request of %d bytes exceeds %d", size, max) }

// Conflict describes a version conflict.
func Conflict(key string, want, got uint64) string {
	return fmt.Sprintf("conflict on %s: want version %d, got %d", key, want, got)
}

// Invalid describes a bad field of a form.
func Invalid(field string, required bool) string {
	return fmt.Sprintf("field %s invalid (required=%v)", field, required)
}

// Expired describes an expired token, in seconds.
func Expired(ago int64) string { return fmt.Sprintf("token expired %d seconds ago", ago) }

// Quota describes a quota in a width-aligned column.
func Quota(name string, used int) string { return fmt.Sprintf("%-10s %5d", name, used) }

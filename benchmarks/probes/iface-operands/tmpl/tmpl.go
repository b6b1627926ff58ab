// Package tmpl renders small message templates from maps and records.
package tmpl

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// User is a record from the store.
type User struct {
	First, Last string
	Email       string
	Roles       []string
	Meta        map[string]string
}

// Greeting greets a user by name.
func Greeting(u *User) string {
	return fmt.Sprintf("Hello %s %s", u.First, u.Last)
}

// Domain is the user's mail domain.
func Domain(u User) string {
	at := strings.IndexByte(u.Email, '@')
	return fmt.Sprintf("domain %s", u.Email[at+1:])
}

// Role is the user's primary role.
func (u User) Role() string {
	return fmt.Sprintf("role: %s", u.Roles[0])
}

// Fill fills a subject line from values.
func Fill(values map[string]string) string {
	return fmt.Sprintf("[%s] %s", values["project"], values["title"])
}

// Title is a title-cased word.
func Title(w string) string {
	return fmt.Sprintf("%s%s", strings.ToUpper(w[:1]), w[1:])
}

// Initials of a user.
func Initials(u *User) string {
	return fmt.Sprintf("%s.%s.", u.First[:1], u.Last[:1])
}

// Home is a file under the home directory.
func Home(name string) string {
	return fmt.Sprintf("%s/%s", os.Getenv("HOME"), name)
}

// Rel is a file's base name under a directory.
func Rel(dir, file string) string {
	return fmt.Sprintf("%s: %s", dir, filepath.Base(file))
}

// Field is a record field by position.
func Field(rec []string, i int) string {
	return fmt.Sprintf("field %d = %s", i, rec[i])
}

// Fields counts a record's fields.
func Fields(rec []string) string {
	return fmt.Sprintf("%d fields", len(rec))
}

// Meta reads a meta key of a user.
func Meta(u *User, key string) string {
	return fmt.Sprintf("%s: %s", key, u.Meta[key])
}

// Cut is the key of a key=value line.
func Cut(line string) string {
	k, _, _ := strings.Cut(line, "=")
	return fmt.Sprintf("key %s", k)
}

// Fallback picks a value or a default by a call.
func Fallback(values map[string]string, key string) string {
	return fmt.Sprintf("%s or %s", values[key], strings.Repeat("-", 3))
}

// Join joins a prefix and the record joined.
func Join(prefix string, rec []string) string {
	return fmt.Sprintf("%s: %s", prefix, strings.Join(rec, ","))
}

// Both names a record's first and last fields.
func Both(rec []string) string {
	return fmt.Sprintf("%s..%s", rec[0], rec[len(rec)-1])
}

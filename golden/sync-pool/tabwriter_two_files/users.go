// Package admin prints the admin console's listings.
package admin

import (
	"fmt"
	"io"
	"text/tabwriter"
	"time"
)

// User is an account as the console lists it.
type User struct {
	Login    string
	Role     string
	LastSeen time.Time
}

// ListUsers writes one aligned line per user.
func ListUsers(w io.Writer, users []User) error {
	tw := tabwriter.NewWriter(w, 0, 8, 1, '\t', 0) // want "new\\(tabwriter.Writer\\) escapes to heap"
	fmt.Fprintf(tw, "LOGIN\tROLE\tLAST SEEN\n")
	for _, u := range users {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", u.Login, u.Role, u.LastSeen.Format(time.DateOnly))
	}
	return tw.Flush()
}

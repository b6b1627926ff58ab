// Package audit formats the audit-log line of an account event.
package audit

import (
	"fmt"
	"strconv"
)

type account struct {
	id    int
	email string
}

func (a *account) String() string { return "account " + strconv.Itoa(a.id) + " <" + a.email + ">" }

type event struct {
	action string
	actor  any
}

// Line formats the audit line of an action done by the account id, email.
func Line(action string, id int, email string) string {
	a := account{id: id, email: email} // want "moved to heap: a"
	ev := event{action: action, actor: &a}
	switch who := ev.actor.(type) {
	case fmt.Stringer:
		return ev.action + " by " + who.String()
	}
	return ev.action + " by an unknown actor"
}

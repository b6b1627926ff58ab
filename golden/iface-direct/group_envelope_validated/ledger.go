// Package ledger applies account events built by the API layer.
package ledger

import "errors"

// Event is a domain event.
type Event interface{ Kind() string }

// Withdrawn debits an account.
type Withdrawn struct {
	Account string
	Amount  int64
}

// Kind names the event.
func (*Withdrawn) Kind() string { return "withdrawn" }

// Validate rejects a withdrawal of nothing.
func (w *Withdrawn) Validate() error {
	if w.Amount <= 0 {
		return errors.New("non-positive withdrawal")
	}
	return nil
}

// Envelope carries an event with its sequence number.
type Envelope struct {
	Seq  uint64
	Data any
}

// Withdraw validates and applies a withdrawal and returns its audit line.
func Withdraw(bal map[string]int64, acct string, amt int64) (string, error) {
	w := Withdrawn{Account: acct, Amount: amt} // want "moved to heap: w"
	env := Envelope{Seq: 1, Data: &w}
	if v, ok := env.Data.(interface{ Validate() error }); ok {
		if err := v.Validate(); err != nil {
			return "", err
		}
	}
	if bal[acct] < amt {
		return "", errors.New("insufficient funds")
	}
	bal[acct] -= amt
	return env.Data.(Event).Kind() + " " + acct, nil
}

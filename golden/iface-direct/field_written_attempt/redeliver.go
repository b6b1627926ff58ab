// Package redeliver retries the events a consumer failed to handle, each in an envelope with its attempt count.
package redeliver

import (
	"errors"
	"strings"
)

// Validator is implemented by events that can check themselves before they are handed on again.
type Validator interface{ Validate() error }

// OrderPlaced is an event of the orders topic.
type OrderPlaced struct {
	Order int
	Email string
}

func (o *OrderPlaced) Validate() error {
	if !strings.Contains(o.Email, "@") {
		return errors.New("order: no contact email")
	}
	return nil
}

// Envelope carries an event with its routing and delivery state.
type Envelope struct {
	Topic   string
	Payload any
	Attempt int
	Reason  string
}

// Retry redelivers a failed order: the attempt is counted, the reason kept, and the order checked again.
func Retry(order int, email, reason string) (int, error) {
	o := OrderPlaced{Order: order, Email: email} // want "moved to heap: o"
	env := Envelope{Topic: "orders", Payload: &o}
	env.Attempt++
	env.Reason = reason
	if v, ok := env.Payload.(Validator); ok {
		if err := v.Validate(); err != nil {
			return env.Attempt, err
		}
	}
	return env.Attempt + len(env.Reason), nil
}

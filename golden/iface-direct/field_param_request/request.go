// Package request validates incoming requests wrapped in an envelope.
package request

import "errors"

// Validator checks a request before it is handled.
type Validator interface {
	Validate() error
}

// Request is a client's call.
type Request struct {
	User   string
	Amount int
}

var errInvalid = errors.New("invalid request")

func (r *Request) Validate() error {
	if r.User == "" || r.Amount <= 0 {
		return errInvalid
	}
	return nil
}

type envelope struct {
	kind string
	body any
}

// Check validates req and reports whether it came in a payment envelope.
func Check(req Request) (bool, error) { // want "moved to heap: req"
	env := envelope{kind: "payment", body: &req}
	if err := env.body.(Validator).Validate(); err != nil {
		return false, err
	}
	return env.kind == "payment", nil
}

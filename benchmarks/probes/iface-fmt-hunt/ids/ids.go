package ids

// ID is an account id.
type ID int64

// Code is a status code.
type Code uint16

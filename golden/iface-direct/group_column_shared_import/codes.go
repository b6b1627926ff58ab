// Package columns maps query results into Go values.
package columns

import "errors"

// ErrNull is returned for a NULL in a NOT NULL column.
var ErrNull = errors.New("columns: unexpected NULL")

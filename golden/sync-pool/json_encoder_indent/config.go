// Package config renders a configuration as indented JSON without HTML escaping.
package config

import (
	"bytes"
	"encoding/json"
)

// Pretty renders v indented by two spaces, keeping <, > and & as they are.
func Pretty(v any) ([]byte, error) {
	var buf bytes.Buffer // want "moved to heap: buf"
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return []byte(buf.String()), nil
}

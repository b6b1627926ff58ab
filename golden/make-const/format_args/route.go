// Package route builds URLs from route templates.
package route

import "fmt"

// URL fills the template's verbs with the values of its variables, in order. The arguments are an
// []interface{}: the compiler prints the type as `[]interface {}`, and the claim must quote it so.
func URL(template string, vars []string, values map[string]string) (string, error) {
	args := make([]interface{}, len(vars)) // want(<go1.25) "escapes to heap" want(>=go1.25) "does not escape"
	for i, v := range vars {
		value, ok := values[v]
		if !ok {
			return "", fmt.Errorf("route: missing variable %q", v)
		}
		args[i] = value
	}
	return fmt.Sprintf(template, args...), nil
}

// Package request parses and checks incoming API requests.
package request

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// Method is an HTTP method the API accepts.
type Method string

func (m Method) String() string { return strings.ToUpper(string(m)) }

// Request is a parsed API call.
type Request struct {
	Method  Method
	Path    string
	Tenant  string
	Params  url.Values
	Version string
}

// RequireParam returns a query parameter that must be present.
func RequireParam(q url.Values, name string) (string, error) {
	v := q.Get(name)
	if v == "" {
		return "", fmt.Errorf("missing query parameter %s", name)
	}
	return v, nil
}

// IntParam parses an integer parameter.
func IntParam(q url.Values, name string) (int, error) {
	raw := q.Get(name)
	n, err := strconv.Atoi(raw)
	if err != nil {
		return 0, fmt.Errorf("parameter %s: %w", name, err)
	}
	return n, nil
}

// CheckContentType accepts JSON bodies only.
func CheckContentType(ct string) error {
	if ct != "application/json" {
		return fmt.Errorf("unsupported content type %s", ct)
	}
	return nil
}

// CheckVersion accepts the API versions still served.
func (r *Request) CheckVersion() error {
	switch r.Version {
	case "v1", "v2":
		return nil
	}
	return fmt.Errorf("api version %s is not served (tenant %s)", r.Version, r.Tenant)
}

// CheckMethod rejects a method the route does not allow.
func (r *Request) CheckMethod(allowed ...Method) error {
	for _, m := range allowed {
		if m == r.Method {
			return nil
		}
	}
	return fmt.Errorf("method %s not allowed on %s", r.Method, r.Path)
}

// Tenant takes the tenant from a path like /t/<tenant>/...
func Tenant(path string) (string, error) {
	rest, ok := strings.CutPrefix(path, "/t/")
	if !ok {
		return "", fmt.Errorf("path %s has no tenant prefix", path)
	}
	tenant, _, _ := strings.Cut(rest, "/")
	if tenant == "" {
		return "", fmt.Errorf("path %s names an empty tenant", path)
	}
	return tenant, nil
}

// ParseRange reads "bytes=a-b".
func ParseRange(header string) (int64, int64, error) {
	spec, ok := strings.CutPrefix(header, "bytes=")
	if !ok {
		return 0, 0, fmt.Errorf("range %s: unit is not bytes", header)
	}
	a, b, ok := strings.Cut(spec, "-")
	if !ok {
		return 0, 0, fmt.Errorf("range %s: no dash", header)
	}
	start, err := strconv.ParseInt(a, 10, 64)
	if err != nil {
		return 0, 0, fmt.Errorf("range %s: start: %w", header, err)
	}
	end, err := strconv.ParseInt(b, 10, 64)
	if err != nil {
		return 0, 0, fmt.Errorf("range %s: end: %v", header, err)
	}
	if end < start {
		return 0, 0, fmt.Errorf("range %s: end %d before start %d", header, end, start)
	}
	return start, end, nil
}

// Bearer extracts a bearer token.
func Bearer(auth string) (string, error) {
	token, ok := strings.CutPrefix(auth, "Bearer ")
	if !ok {
		return "", fmt.Errorf("authorization scheme of %q is not Bearer", auth)
	}
	return token, nil
}

// Unknown reports a field the endpoint does not know.
func Unknown(endpoint, field string) error {
	err := fmt.Errorf("%s: unknown field %s", endpoint, field)
	return err
}

// Log records a rejected request; the error is only printed.
func Log(lines *[]string, path, reason string) {
	*lines = append(*lines, fmt.Errorf("rejected %s: %s", path, reason).Error())
}

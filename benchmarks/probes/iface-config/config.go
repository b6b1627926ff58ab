package cfgtool

import (
	"encoding/json"
	"fmt"
	"strconv"
	"time"
)

// TLS is the tls section of a config file.
type TLS struct {
	Cert, Key string
	MinVer    uint16
}

func (t *TLS) String() string { return t.Cert + "+" + t.Key }

// Validate reports a config section that cannot be used.
type Validator interface {
	Validate() error
}

func (t *TLS) Validate() error {
	if t.Cert == "" || t.Key == "" {
		return fmt.Errorf("tls: cert and key are required")
	}
	return nil
}

// Int reads an integer setting from a decoded config, whatever number type the
// decoder chose.
func Int(m map[string]any, key string, def int) int {
	switch v := m[key].(type) {
	case int:
		return v
	case int64:
		return int(v)
	case float64:
		return int(v)
	case string:
		if n, err := strconv.Atoi(v); err == nil {
			return n
		}
	}
	return def
}

// Duration reads a duration setting: a string ("5s") or a number of seconds.
func Duration(m map[string]any, key string, def time.Duration) time.Duration {
	switch v := m[key].(type) {
	case string:
		if d, err := time.ParseDuration(v); err == nil {
			return d
		}
	case float64:
		return time.Duration(v * float64(time.Second))
	case time.Duration:
		return v
	}
	return def
}

// Bool reads a boolean setting.
func Bool(m map[string]any, key string) bool {
	b, _ := m[key].(bool)
	return b
}

// Section reads a nested object of a decoded config.
func Section(m map[string]any, key string) map[string]any {
	s, _ := m[key].(map[string]any)
	return s
}

// Decode parses a JSON config and returns its listen address.
func Decode(data []byte) (string, error) {
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		return "", err
	}
	host, _ := m["host"].(string)
	port := Int(m, "port", 8080)
	return host + ":" + strconv.Itoa(port), nil
}

// CheckTLS validates the tls section built from flags before it is merged.
func CheckTLS(cert, key string) error {
	tls := TLS{Cert: cert, Key: key, MinVer: 0x0303}
	section := map[string]any{
		"enabled": true,
		"tls":     &tls,
	}
	if v, ok := section["tls"].(Validator); ok {
		return v.Validate()
	}
	return nil
}

// ListenSummary describes where the server will listen.
func ListenSummary(host string, port int) string {
	tls := TLS{Cert: "server.crt", Key: "server.key"}
	cfg := map[string]any{
		"host": host,
		"port": port,
		"tls":  &tls,
	}
	addr := cfg["host"].(string) + ":" + strconv.Itoa(cfg["port"].(int))
	return addr + " " + cfg["tls"].(fmt.Stringer).String()
}

// EffectivePort merges a flag value over a default config.
func EffectivePort(flagPort int) int {
	defaults := map[string]any{"port": 8080, "host": "localhost"}
	if flagPort != 0 {
		defaults["port"] = flagPort
	}
	return defaults["port"].(int)
}

// Render renders a config as JSON after applying defaults (json keeps what it encodes).
func Render(name string, port int) ([]byte, error) {
	tls := TLS{Cert: name + ".crt", Key: name + ".key"}
	doc := map[string]any{"name": name, "port": port, "tls": &tls}
	return json.Marshal(doc)
}

// Lookup reads a key from a layered config: the first layer holding it wins.
func Lookup(layers []map[string]any, key string) (any, bool) {
	for i := len(layers) - 1; i >= 0; i-- {
		if v, ok := layers[i][key]; ok {
			return v, true
		}
	}
	return nil, false
}

// TimeoutOr reads the timeout of a request config row.
func TimeoutOr(name string, def time.Duration) time.Duration {
	timeout := def
	row := []any{name, &timeout}
	if d, ok := row[1].(*time.Duration); ok && *d > 0 {
		return *d
	}
	return time.Second
}

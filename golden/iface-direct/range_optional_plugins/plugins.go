// Package plugins starts the features a server is built with, each a plugin that may need set-up.
package plugins

import "errors"

// Plugin is a feature compiled into the server.
type Plugin interface{ ID() string }

// Initializer is implemented by plugins that need their configuration before use.
type Initializer interface {
	Init(cfg map[string]string) error
}

type gzipPlugin struct{ level int }

func (g *gzipPlugin) ID() string { return "gzip" }

func (g *gzipPlugin) Init(cfg map[string]string) error {
	g.level = len(cfg["gzip.level"])
	return nil
}

type authPlugin struct{ realm string }

func (a *authPlugin) ID() string { return "auth" }

func (a *authPlugin) Init(cfg map[string]string) error {
	a.realm = cfg["auth.realm"]
	if a.realm == "" {
		return errors.New("auth: no realm configured")
	}
	return nil
}

type tracePlugin struct{ spans int }

func (t *tracePlugin) ID() string { return "trace" }

// Start initialises the built-in plugins that need it and counts those that did.
func Start(cfg map[string]string) (int, error) {
	var gz gzipPlugin  // want "moved to heap: gz"
	var au authPlugin  // want "moved to heap: au"
	var tr tracePlugin // want "moved to heap: tr"
	started := 0
	for _, p := range []Plugin{&gz, &au, &tr} {
		if i, ok := p.(Initializer); ok {
			if err := i.Init(cfg); err != nil {
				return started, err
			}
			started++
		}
	}
	return started, nil
}

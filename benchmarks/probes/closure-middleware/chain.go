package mw

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// RouteSpec describes a route and the middleware it needs.
type RouteSpec struct {
	Path    string
	Auth    bool
	Gzip    bool
	Handler http.Handler
}

// Build registers each spec's handler, wrapped in the middleware it asks for.
func Build(rt *Router, specs []RouteSpec, auth func(http.Handler) http.Handler, log func(string)) {
	for _, sp := range specs {
		h := sp.Handler
		if sp.Auth {
			h = auth(h)
		}
		rt.Handle(http.MethodGet, sp.Path, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			log(sp.Path)
			h.ServeHTTP(w, r)
		}))
	}
}

// API serves a JSON API's resources.
type API struct {
	users map[string]string
}

func (a *API) listUsers(w http.ResponseWriter, r *http.Request) error {
	return json.NewEncoder(w).Encode(a.users)
}

func (a *API) getUser(w http.ResponseWriter, r *http.Request) error {
	u, ok := a.users[r.URL.Query().Get("id")]
	if !ok {
		return fmt.Errorf("no user")
	}
	_, err := io.WriteString(w, u)
	return err
}

// wrapE adapts a HandlerE, answering its error as a 400.
func wrapE(h HandlerE) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
		}
	}
}

// Routes registers the API's handlers.
func (a *API) Routes(rt *Router) {
	rt.Handle(http.MethodGet, "/users", wrapE(a.listUsers))
	rt.Handle(http.MethodGet, "/user", wrapE(a.getUser))
}

// Serve answers one API request by its action parameter.
func (a *API) Serve(w http.ResponseWriter, r *http.Request) {
	actions := map[string]HandlerE{
		"list": a.listUsers,
		"get":  a.getUser,
	}
	act, ok := actions[r.URL.Query().Get("action")]
	if !ok {
		http.NotFound(w, r)
		return
	}
	if err := act(w, r); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
	}
}

// Renderer writes a value in one of several encodings.
type Renderer struct {
	Indent string
	Prefix string
}

func (rd Renderer) json(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent(rd.Prefix, rd.Indent)
	return enc.Encode(v)
}

func (rd Renderer) text(w io.Writer, v any) error {
	_, err := fmt.Fprintf(w, "%s%v\n", rd.Prefix, v)
	return err
}

// Render writes v in the format the Accept header asks for.
func Render(w http.ResponseWriter, r *http.Request, v any, indent string) error {
	rd := Renderer{Indent: indent}
	if strings.Contains(r.Header.Get("User-Agent"), "curl") {
		rd.Prefix = "> "
	}
	formats := map[string]func(io.Writer, any) error{
		"application/json": rd.json,
		"text/plain":       rd.text,
	}
	f, ok := formats[r.Header.Get("Accept")]
	if !ok {
		f = formats["text/plain"]
	}
	return f(w, v)
}

// Stages runs named stages of a request pipeline in order; each stage is a method of p.
type Pipeline struct {
	log   []string
	stage string
}

func (p *Pipeline) parse() error    { p.log = append(p.log, "parse"); return nil }
func (p *Pipeline) validate() error { p.log = append(p.log, "validate"); return nil }
func (p *Pipeline) store() error    { p.log = append(p.log, "store"); return nil }

// Run runs the named stages; unknown names fail.
func (p *Pipeline) Run(names []string) error {
	stages := map[string]func() error{
		"parse":    p.parse,
		"validate": p.validate,
		"store":    p.store,
	}
	for _, n := range names {
		run, ok := stages[n]
		if !ok {
			return fmt.Errorf("unknown stage %q", n)
		}
		p.stage = n
		if err := run(); err != nil {
			return err
		}
	}
	return nil
}

// Swap answers from the primary API until it is swapped for the fallback mid-request.
func Swap(primary, fallback *API, w http.ResponseWriter, r *http.Request) {
	a := primary
	actions := map[string]HandlerE{"list": a.listUsers}
	if len(primary.users) == 0 {
		a = fallback
	}
	actions["list"](w, r)
}

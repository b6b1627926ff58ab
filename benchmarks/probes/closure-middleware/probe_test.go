package mw

import (
	"errors"
	"fmt"
	"io"
	"iter"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("AllocsPerRun %s = %v", name, testing.AllocsPerRun(200, f))
}

type fakeLister []Route

func (f fakeLister) All() iter.Seq[Route] {
	return func(yield func(Route) bool) {
		for _, r := range f {
			if !yield(r) {
				return
			}
		}
	}
}

func serve(h http.Handler, method, target string) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(method, target, nil))
	return w
}

func TestMountAllocs(t *testing.T) {
	pages := map[string]string{"about": "us"}
	allocs(t, "Mount", func() { Mount(&Router{}, "docs/", pages) })
	rt := &Router{}
	Mount(rt, "docs/", pages)
	if got := serve(rt, "GET", "/docs/about").Body.String(); got != "/docs: us" {
		t.Fatalf("%q", got)
	}
}

func TestStaticAllocs(t *testing.T) {
	read := func(p string) ([]byte, error) { return []byte(p), nil }
	files := []string{"a.css", "b.js"}
	allocs(t, "Static", func() { Static(&Router{}, "assets/", files, read) })
	rt := &Router{}
	Static(rt, "assets/", files, read)
	if got := serve(rt, "GET", "/static/b.js").Body.String(); got != "/assets/b.js" {
		t.Fatalf("%q", got)
	}
}

func TestLengthRulesAllocs(t *testing.T) {
	fields := []string{"a", "b", "c"}
	allocs(t, "LengthRules", func() { LengthRules(fields, 0) })
	rs := LengthRules(fields, 0)
	if rs[2].Check(strings.Repeat("x", 256)) == nil || rs[0].Check("x") != nil {
		t.Fatal("limit")
	}
}

func TestGuardAllocs(t *testing.T) {
	hs := map[string]http.Handler{"/up": http.NotFoundHandler()}
	env := map[string]string{"MAX_QUERY": "4"}
	allocs(t, "Guard", func() { Guard(&Router{}, env, hs) })
	rt := &Router{}
	if err := Guard(rt, env, hs); err != nil {
		t.Fatal(err)
	}
	if got := serve(rt, "POST", "/up?abcdef").Code; got != http.StatusRequestEntityTooLarge {
		t.Fatal(got)
	}
}

type closer struct {
	name string
	log  *[]string
}

func (c closer) Close() error { *c.log = append(*c.log, "close "+c.name); return nil }

func TestCloseLoggedAllocs(t *testing.T) {
	var log []string
	open := func(n string) (interface{ Close() error }, error) { return closer{n, &log}, nil }
	logf := func(string, ...any) {}
	names := []string{"a", "b"}
	allocs(t, "CloseLogged", func() { CloseLogged(names, "x", open, logf) })
	var lines []string
	CloseLogged(names, "db", open, func(f string, a ...any) { lines = append(lines, fmt.Sprintf(f, a...)) })
	if strings.Join(lines, ";") != "[DB] closed b;[DB] closed a" {
		t.Fatalf("%q", lines)
	}
}

func TestTemplatesAllocs(t *testing.T) {
	names := []string{"home", "about"}
	build := func(s string) string { return s }
	allocs(t, "Templates", func() { Templates(names, "pages/", build) })
	if got := Templates(names, "pages/", build)["about"](); got != "pages/about" {
		t.Fatalf("%q", got)
	}
}

func TestPrefixedAllocs(t *testing.T) {
	routes := map[string]http.HandlerFunc{"/x": func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "x") }}
	logf := func(string, ...any) {}
	allocs(t, "Prefixed", func() { (&Group{rt: &Router{}, prefix: "api"}).Prefixed(routes, logf) })
	rt := &Router{}
	var got string
	(&Group{rt: rt, prefix: "api"}).Prefixed(routes, func(f string, a ...any) { got = fmt.Sprintf(f, a...) })
	serve(rt, "GET", "/api/x")
	if got != "/api/x" {
		t.Fatalf("%q", got)
	}
}

func TestPatternsAllocs(t *testing.T) {
	ls := []Lister{fakeLister{{Pattern: "/a/b"}, {Pattern: "/ab"}}, fakeLister{{Pattern: "/a"}}}
	allocs(t, "Patterns", func() { Patterns(ls, "/a/") })
	if got := strings.Join(Patterns(ls, "/a/"), ","); got != "/a/b,/a" {
		t.Fatalf("%q", got)
	}
}

func TestCountMethodAllocs(t *testing.T) {
	ls := []Lister{fakeLister{{Method: "get"}, {Method: "GET"}}, fakeLister{{Method: "GET"}}}
	allocs(t, "CountMethod", func() { CountMethod(ls, "get") })
	if got := CountMethod(ls, "get"); got != 2 {
		t.Fatal(got)
	}
}

func TestFirstUnderAllocs(t *testing.T) {
	rt := &Router{routes: []Route{{Pattern: "/a"}, {Pattern: "/b/c"}}}
	allocs(t, "FirstUnder", func() { FirstUnder(rt, "/b/") })
	if FirstUnder(rt, "/b/") != 1 {
		t.Fatal("first")
	}
}

func TestSortRoutesAllocs(t *testing.T) {
	rs := []Route{{Method: "POST", Pattern: "/a"}, {Method: "GET", Pattern: "/a"}}
	order := []string{"GET", "POST"}
	allocs(t, "SortRoutes", func() { SortRoutes(rs, order) })
	if rs[0].Method != "GET" {
		t.Fatal(rs)
	}
}

func TestRouterAllocs(t *testing.T) {
	rt := &Router{}
	h := http.NotFoundHandler()
	allocs(t, "Has", func() { rt.Has("get", "/x") })
	allocs(t, "Remove", func() { rt.Remove("/x/") })
	rt.Handle("GET", "/x/y", h)
	rt.Handle("GET", "/x/y", h)
	if !rt.Has("get", "/x/y") || rt.Remove("/x/") != 1 {
		t.Fatal(rt.routes)
	}
}

func TestValidSlugAllocs(t *testing.T) {
	allocs(t, "ValidSlug", func() { ValidSlug("a-slug-1", 0) })
	if !ValidSlug("a-slug", 6) || ValidSlug("a-slug", 5) || ValidSlug("A", 0) {
		t.Fatal("slug")
	}
}

func TestForbiddenAllocs(t *testing.T) {
	deny := []string{"admin"}
	allocs(t, "Forbidden", func() { Forbidden("/x/Admin/y", deny) })
	if !Forbidden("/x/Admin/y", deny) {
		t.Fatal("deny")
	}
}

func TestRecoveredAllocs(t *testing.T) {
	f := func() error { return nil }
	allocs(t, "Recovered", func() { Recovered("op", f) })
	if err := Recovered("op", func() error { panic("boom") }); err == nil || err.Error() != "op: panic: boom" {
		t.Fatal(err)
	}
}

// Must-declines: the literals read or write the variable when they run.

func TestVersionedSeesLaterWrites(t *testing.T) {
	rt := &Router{}
	Versioned(rt, []string{"v1", "v2"}, "api")
	if got := serve(rt, "GET", "/v1/version").Body.String(); got != "API v2" {
		t.Fatalf("%q", got)
	}
}

func TestAliasesSeeLaterCode(t *testing.T) {
	rt := &Router{}
	Aliases(rt, "/new", []string{"/old"}, true)
	if got := serve(rt, "GET", "/old").Code; got != http.StatusMovedPermanently {
		t.Fatal(got)
	}
}

func TestHealthCounts(t *testing.T) {
	rt := &Router{}
	Health(rt)
	serve(rt, "GET", "/healthz")
	if got := serve(rt, "GET", "/healthz").Body.String(); got != "ok 2" {
		t.Fatalf("%q", got)
	}
}

func TestTaggedSeesLastTag(t *testing.T) {
	rt := &Router{}
	Tagged(rt, [][]string{{"/a"}, {"/b"}}, "t", http.NotFoundHandler())
	if got := serve(rt, "GET", "/a").Header().Get("X-Tag"); got != "t.0.1" {
		t.Fatalf("%q", got)
	}
}

func TestAddLengthClamped(t *testing.T) {
	var g Registry
	g.AddLength("bio", 5000)
	if g.byName["bio"](strings.Repeat("x", 2000)) == nil {
		t.Fatal("clamp")
	}
}

func TestBannerLowerHost(t *testing.T) {
	s := &Server{}
	s.Banner("Example.COM", 0)
	if got := s.banner(); got != "example.com:80" {
		t.Fatalf("%q", got)
	}
}

func TestTraceLastLabel(t *testing.T) {
	var got []string
	Trace([]string{"a", "b"}, func(s string) { got = append(got, s) })
	if strings.Join(got, ",") != "1:b,0:b" {
		t.Fatal(got)
	}
}

func TestHandlerE(t *testing.T) {
	h := HandlerE(func(w http.ResponseWriter, r *http.Request) error { return errors.New("bad") })
	if got := serve(h, "GET", "/").Code; got != 500 {
		t.Fatal(got)
	}
}

func TestDispatchAllocs(t *testing.T) {
	s := &Server{cfg: Config{Addr: ":1"}}
	w := httptest.NewRecorder()
	r := httptest.NewRequest("GET", "/health", nil)
	allocs(t, "Dispatch", func() { s.Dispatch(w, r) })
	if got := serve(http.HandlerFunc(s.Dispatch), "GET", "/info").Body.String(); got != ":1" {
		t.Fatalf("%q", got)
	}
}

func TestBuildAllocs(t *testing.T) {
	specs := []RouteSpec{{Path: "/a", Auth: true, Handler: http.NotFoundHandler()}, {Path: "/b", Handler: http.NotFoundHandler()}}
	auth := func(h http.Handler) http.Handler { return h }
	allocs(t, "Build", func() { Build(&Router{}, specs, auth, func(string) {}) })
}

func TestServeAPIAllocs(t *testing.T) {
	a := &API{users: map[string]string{"1": "ann"}}
	w := httptest.NewRecorder()
	r := httptest.NewRequest("GET", "/?action=get&id=1", nil)
	allocs(t, "API.Serve", func() { a.Serve(w, r) })
	if got := serve(http.HandlerFunc(a.Serve), "GET", "/?action=get&id=1").Body.String(); got != "ann" {
		t.Fatalf("%q", got)
	}
}

func TestRenderAllocs(t *testing.T) {
	w := httptest.NewRecorder()
	r := httptest.NewRequest("GET", "/", nil)
	r.Header.Set("Accept", "text/plain")
	allocs(t, "Render", func() { Render(w, r, 1, "") })
	w = httptest.NewRecorder()
	Render(w, r, 7, "")
	if w.Body.String() != "7\n" {
		t.Fatalf("%q", w.Body.String())
	}
}

func TestPipelineAllocs(t *testing.T) {
	names := []string{"parse", "store"}
	allocs(t, "Pipeline.Run", func() { (&Pipeline{}).Run(names) })
	p := &Pipeline{}
	if err := p.Run(names); err != nil || strings.Join(p.log, ",") != "parse,store" || p.stage != "store" {
		t.Fatal(err, p.log)
	}
}

func TestSwapKeepsPrimary(t *testing.T) {
	primary, fallback := &API{}, &API{users: map[string]string{"1": "x"}}
	w := httptest.NewRecorder()
	Swap(primary, fallback, w, httptest.NewRequest("GET", "/", nil))
	if got := w.Body.String(); got != "null\n" {
		t.Fatalf("%q", got)
	}
}

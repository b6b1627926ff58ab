package plugins

import (
	"strings"
	"sync"
)

// Request is what hooks see.
type Request struct {
	Path   string
	Header map[string]string
	User   string
}

// Hook runs before a request is handled.
type Hook interface {
	Before(r *Request) bool
}

// Closer is a hook holding resources.
type Closer interface {
	Close() error
}

type auth struct{ token string }

func (a *auth) Before(r *Request) bool { return r.Header["Authorization"] == "Bearer "+a.token }

type trimSlash struct{ count int }

func (t *trimSlash) Before(r *Request) bool {
	t.count++
	r.Path = strings.TrimSuffix(r.Path, "/")
	return true
}

type audit struct {
	mu    sync.Mutex
	lines []string
}

func (a *audit) Before(r *Request) bool {
	a.mu.Lock()
	a.lines = append(a.lines, r.Path)
	a.mu.Unlock()
	return true
}
func (a *audit) Close() error { a.lines = nil; return nil }

// Stage is one hook with its order and whether it may stop the chain.
type Stage struct {
	Hook  Hook
	Order int
	Final bool
}

// Authorize runs the auth hook of an inline stage.
func Authorize(r *Request, token string) bool {
	a := auth{token: token}
	st := Stage{Hook: &a, Order: 1, Final: true}
	ok := st.Hook.Before(r)
	return ok || !st.Final
}

// Normalize runs the trailing-slash hook.
func Normalize(r *Request) string {
	t := trimSlash{}
	st := Stage{Hook: &t}
	st.Hook.Before(r)
	return r.Path
}

// RunChain runs a literal chain of hooks until one refuses.
func RunChain(r *Request, token string) bool {
	t := trimSlash{}
	a := auth{token: token}
	for _, st := range []Stage{{Hook: &t, Order: 1}, {Hook: &a, Order: 2, Final: true}} {
		if !st.Hook.Before(r) && st.Final {
			return false
		}
	}
	return true
}

// AuditOnce runs the audit hook and closes it if it holds resources.
func AuditOnce(r *Request) int {
	a := audit{}
	st := Stage{Hook: &a}
	st.Hook.Before(r)
	n := len(a.lines)
	if c, ok := st.Hook.(Closer); ok {
		c.Close()
	}
	return n
}

// AuditConcurrently lets a goroutine run the hook while the caller runs it too.
func AuditConcurrently(r *Request) int {
	a := audit{}
	st := Stage{Hook: &a}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		st.Hook.Before(r)
	}()
	st.Hook.Before(r)
	wg.Wait()
	return len(a.lines)
}

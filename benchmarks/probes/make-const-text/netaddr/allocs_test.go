package netaddr

import "testing"

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	allocs(t, "JoinHostPort", func() { JoinHostPort("db-primary.internal.example.com", 5432) })
	allocs(t, "LabelLengths", func() { LabelLengths("www.example.com") })
	allocs(t, "Reverse", func() { Reverse("www.mail.example.com") })
	allocs(t, "QueryKeys", func() { QueryKeys("a=1&b=2&c=3&a=4") })
	allocs(t, "CleanPath", func() { CleanPath("/a/b/../c/./d") })
	allocs(t, "Escape", func() { Escape("hello world & more/stuff") })
	allocs(t, "Scheme", func() { Scheme("HTTPS-Proxy+Version2-Extension://x") })
}

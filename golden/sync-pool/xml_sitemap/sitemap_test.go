package sitemap

import (
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func pages() []Page {
	day := time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)
	return []Page{{Path: "/", Modified: day, Weekly: true}, {Path: "/about?a=1&b=2", Modified: day}}
}

func TestHandler(t *testing.T) {
	h := Handler("https://example.com", pages)
	for range 2 {
		rec := httptest.NewRecorder()
		h(rec, httptest.NewRequest("GET", "/sitemap.xml", nil))
		got := rec.Body.String()
		want := `<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
			`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n" +
			"  <url>\n    <loc>https://example.com/</loc>\n    <lastmod>2024-05-06T07:08:09Z</lastmod>\n" +
			"    <changefreq>weekly</changefreq>\n    <priority>0.8</priority>\n  </url>\n" +
			"  <url>\n    <loc>https://example.com/about?a=1&amp;b=2</loc>\n    <lastmod>2024-05-06T07:08:09Z</lastmod>\n" +
			"    <priority>0.5</priority>\n  </url>\n</urlset>"
		if got != want || !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/xml") {
			t.Fatalf("sitemap = %q", got)
		}
	}
}

func TestAllocs(t *testing.T) {
	h := Handler("https://example.com", pages)
	req := httptest.NewRequest("GET", "/sitemap.xml", nil)
	t.Logf("Handler: %v allocs/op", testing.AllocsPerRun(100, func() { h(httptest.NewRecorder(), req) }))
}

// Package sitemap serves /sitemap.xml: the site's pages as a sitemaps.org urlset, written in one Write.
package sitemap

import (
	"bytes"
	"encoding/xml"
	"net/http"
	"time"
)

const namespace = "http://www.sitemaps.org/schemas/sitemap/0.9"

// Page is one URL of the site and when it last changed.
type Page struct {
	Path     string
	Modified time.Time
	Weekly   bool
}

type url struct {
	Loc        string    `xml:"loc"`
	LastMod    time.Time `xml:"lastmod"`
	ChangeFreq string    `xml:"changefreq,omitempty"`
	Priority   priority  `xml:"priority,omitempty"`
}

// priority is written with one decimal, as crawlers expect (a MarshalText: the Encoder never sees it).
type priority float64

func (p priority) MarshalText() ([]byte, error) {
	return []byte{byte('0' + int(p*10)/10), '.', byte('0' + int(p*10)%10)}, nil
}

type urlset struct {
	XMLName xml.Name `xml:"urlset"`
	Xmlns   string   `xml:"xmlns,attr"`
	URLs    []url    `xml:"url"`
}

// Handler serves the sitemap of the pages under base (`https://example.com`).
func Handler(base string, pages func() []Page) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		set := urlset{Xmlns: namespace}
		for _, p := range pages() {
			u := url{Loc: base + p.Path, LastMod: p.Modified.UTC(), Priority: 0.5}
			if p.Weekly {
				u.ChangeFreq, u.Priority = "weekly", 0.8
			}
			set.URLs = append(set.URLs, u)
		}
		var buf bytes.Buffer // want "moved to heap: buf"
		buf.WriteString(xml.Header)
		enc := xml.NewEncoder(&buf)
		enc.Indent("", "  ")
		if err := enc.Encode(&set); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		if err := enc.Close(); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/xml; charset=utf-8")
		buf.WriteTo(w)
	}
}

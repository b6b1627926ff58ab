package gql

import (
	"context"
	"encoding/base64"
	"strconv"
	"strings"
)

type ctxKey int

const (
	viewerKey ctxKey = iota
	loaderKey
)

// Viewer is the authenticated user of a request.
type Viewer struct {
	ID    int
	Roles []Role
}

func (v *Viewer) String() string { return "viewer:" + strconv.Itoa(v.ID) }

// ViewerName stores the viewer in a context and reads it back, as a resolver does.
func ViewerName(id int) string {
	v := Viewer{ID: id}
	ctx := context.WithValue(context.Background(), viewerKey, &v)
	if got, ok := ctx.Value(viewerKey).(*Viewer); ok {
		return got.String()
	}
	return "anonymous"
}

// RequestState is what the executor keeps per request, with values as any.
type RequestState struct {
	Viewer any
	Loader any
	Debug  bool
}

// Loader batches lookups.
type Loader interface{ Load(key int) string }

type userLoader struct{ prefix string }

func (l *userLoader) Load(key int) string { return l.prefix + strconv.Itoa(key) }

// LoadViewer loads the viewer's record through the state's loader.
func LoadViewer(id int) string {
	v := Viewer{ID: id}
	ul := userLoader{prefix: "u"}
	st := RequestState{Viewer: &v, Loader: &ul, Debug: true}
	out := st.Loader.(Loader).Load(st.Viewer.(*Viewer).ID)
	if st.Debug {
		out += "!"
	}
	return out
}

// DebugOn reads the state's debug flag and its viewer.
func DebugOn(id int) (string, bool) {
	v := Viewer{ID: id}
	st := RequestState{Viewer: &v, Debug: false}
	return st.Viewer.(Stringer).String(), st.Debug
}

// Cursor is an opaque pagination cursor.
type Cursor struct {
	Offset int
	Field  string
}

// Encoder is a cursor encoding.
type Encoder interface{ Encode(c Cursor) string }

type b64Encoder struct{ enc *base64.Encoding }

func (e *b64Encoder) Encode(c Cursor) string {
	return e.enc.EncodeToString([]byte(c.Field + ":" + strconv.Itoa(c.Offset)))
}

type plainEncoder struct{ sep string }

func (e *plainEncoder) Encode(c Cursor) string { return c.Field + e.sep + strconv.Itoa(c.Offset) }

// EndCursor encodes a page's end cursor with the configured encoder.
func EndCursor(offset int) string {
	enc := b64Encoder{enc: base64.RawURLEncoding}
	cfg := map[string]any{"encoder": &enc, "field": "id"}
	return cfg["encoder"].(Encoder).Encode(Cursor{Offset: offset, Field: cfg["field"].(string)})
}

// Cursors encodes a cursor with each encoder of a table, positionally.
func Cursors(offset int) string {
	b := b64Encoder{enc: base64.StdEncoding}
	p := plainEncoder{sep: "|"}
	type named struct {
		name string
		enc  Encoder
	}
	var sb strings.Builder
	for _, n := range []named{{"b64", &b}, {"plain", &p}} {
		sb.WriteString(n.name + "=" + n.enc.Encode(Cursor{Offset: offset, Field: "id"}) + ";")
	}
	return sb.String()
}

// DecodeCursor decodes a cursor from its string: the value the assertion meets is parsed.
func DecodeCursor(s string) (Cursor, bool) {
	parts := strings.SplitN(s, ":", 2)
	var v any = parts
	if len(parts) == 2 {
		n, err := strconv.Atoi(parts[1])
		if err != nil {
			return Cursor{}, false
		}
		v = Cursor{Offset: n, Field: parts[0]}
	}
	c, ok := v.(Cursor)
	return c, ok
}

// PageInfo is a connection's page info, boxed by the JSON writer.
type PageInfo struct {
	HasNext bool
	Ratio   float64
}

// HasNextPage reads page info fields boxed in a map a JSON layer built.
func HasNextPage(end string) (string, bool) {
	info := map[string]any{"endCursor": end, "hasNextPage": true}
	return info["endCursor"].(string), info["hasNextPage"].(bool)
}

// Progress reads a float from page info, a ratio through the list.
func Progress() float64 {
	info := PageInfo{HasNext: true, Ratio: 0.5}
	var v any = info.Ratio
	return v.(float64)
}

// Package form writes multipart/form-data bodies for an upload client that spools each body to a writer
// (a file, a raw connection) in one Write, with its content type.
package form

import (
	"bytes"
	"fmt"
	"io"
	"mime/multipart"
	"sort"
)

// Upload is one file and its metadata.
type Upload struct {
	Field, Name string
	Content     string
	Meta        map[string]string
}

// WriteUpload writes the form of u to w and returns its content type: the Writer and its part hold the buffer
// only while they are written, and die with the call.
func WriteUpload(w io.Writer, boundary string, u *Upload) (string, error) {
	var body bytes.Buffer // want "moved to heap: body"
	mw := multipart.NewWriter(&body)
	if err := mw.SetBoundary(boundary); err != nil {
		return "", err
	}
	keys := make([]string, 0, 8)
	for k := range u.Meta {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if err := mw.WriteField(k, u.Meta[k]); err != nil {
			return "", err
		}
	}
	part, err := mw.CreateFormFile(u.Field, u.Name)
	if err != nil {
		return "", err
	}
	io.WriteString(part, u.Content)
	fmt.Fprintf(part, "\n-- %d bytes\n", len(u.Content))
	if err := mw.Close(); err != nil {
		return "", err
	}
	if _, err := w.Write(body.Bytes()); err != nil {
		return "", err
	}
	return mw.FormDataContentType(), nil
}

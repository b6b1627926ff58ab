package exportkit

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"io"
	"io/fs"
	"time"
)

// Entry is one file to archive.
type Entry struct {
	Name    string
	Mode    fs.FileMode
	ModTime time.Time
	Data    []byte
}

// WriteTarGz writes entries as a .tar.gz stream.
func WriteTarGz(w io.Writer, entries []Entry) error {
	gz := gzip.NewWriter(w)
	tw := tar.NewWriter(gz)
	for _, e := range entries {
		hdr := &tar.Header{
			Name:    e.Name,
			Mode:    int64(e.Mode.Perm()),
			Size:    int64(len(e.Data)),
			ModTime: e.ModTime,
			Format:  tar.FormatPAX,
		}
		if err := tw.WriteHeader(hdr); err != nil {
			return err
		}
		if _, err := tw.Write(e.Data); err != nil {
			return err
		}
	}
	if err := tw.Close(); err != nil {
		return err
	}
	return gz.Close()
}

// CopyFromTar extracts the named member into dst with a 32 KiB buffer.
func CopyFromTar(dst io.Writer, r io.Reader, name string) (bool, error) {
	tr := tar.NewReader(r)
	buf := make([]byte, 32<<10)
	for {
		hdr, err := tr.Next()
		if err == io.EOF {
			return false, nil
		}
		if err != nil {
			return false, err
		}
		if hdr.Name != name {
			continue
		}
		_, err = io.CopyBuffer(dst, tr, buf)
		return true, err
	}
}

// ZipBytes builds a zip archive in memory and returns it.
func ZipBytes(entries []Entry) ([]byte, error) {
	buf := new(bytes.Buffer)
	zw := zip.NewWriter(buf)
	for _, e := range entries {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: e.Name, Method: zip.Deflate, Modified: e.ModTime})
		if err != nil {
			return nil, err
		}
		if _, err := fw.Write(e.Data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// WriteZip streams entries as a zip archive to w; the archive is built in memory
// first so a failure sends nothing.
func WriteZip(w io.Writer, entries []Entry) (int64, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		fw, err := zw.Create(e.Name)
		if err != nil {
			return 0, err
		}
		fw.Write(e.Data)
	}
	if err := zw.Close(); err != nil {
		return 0, err
	}
	return buf.WriteTo(w)
}

// GzipBlob compresses data at best compression and returns the size it took.
func GzipSize(data []byte) (int, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	if _, err := zw.Write(data); err != nil {
		return 0, err
	}
	if err := zw.Close(); err != nil {
		return 0, err
	}
	return buf.Len(), nil
}

// TarMember reads one tar member fully, up to a caller-supplied cap: the buffer is returned.
func TarMember(r io.Reader, limit int64) ([]byte, error) {
	tr := tar.NewReader(r)
	if _, err := tr.Next(); err != nil {
		return nil, err
	}
	data := make([]byte, 0, 4096)
	buf := bytes.NewBuffer(data)
	_, err := io.Copy(buf, io.LimitReader(tr, limit))
	return buf.Bytes(), err
}

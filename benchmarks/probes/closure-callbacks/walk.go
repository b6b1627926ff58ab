package tabkit

import (
	"bufio"
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// Match lists the files under root whose base name matches the glob, skipping
// hidden directories unless all is set.
func Match(fsys fs.FS, root, glob string, all bool) ([]string, error) {
	var out []string
	if glob == "" {
		glob = "*"
	}
	err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && !all && p != root && strings.HasPrefix(d.Name(), ".") {
			return fs.SkipDir
		}
		if ok, _ := path.Match(glob, d.Name()); ok && !d.IsDir() {
			out = append(out, p)
		}
		return nil
	})
	return out, err
}

// DiskUsage sums the sizes of regular files under root on disk, by extension.
func DiskUsage(root string, exts []string) (map[string]int64, error) {
	sizes := make(map[string]int64)
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		ext := filepath.Ext(p)
		if len(exts) > 0 && !contains(exts, ext) {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		sizes[ext] += info.Size()
		return nil
	})
	return sizes, err
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// CountLines counts the lines of each file the walk visits, up to limit files.
func CountLines(fsys fs.FS, root string, limit int) (int, error) {
	total, seen := 0, 0
	err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if seen == limit {
			return fs.SkipAll
		}
		seen++
		f, err := fsys.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			total++
		}
		return sc.Err()
	})
	return total, err
}

// Depth reports how deep the deepest file under root lies; prefix is trimmed
// from every path before counting separators.
func Depth(fsys fs.FS, root string) (int, error) {
	prefix := root
	if prefix == "." {
		prefix = ""
	}
	deepest := 0
	err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel := strings.TrimPrefix(p, prefix)
		if n := strings.Count(rel, "/"); n > deepest {
			deepest = n
		}
		return nil
	})
	return deepest, err
}

// CopyAll concatenates the named files into w, closing each as it goes.
func CopyAll(w io.Writer, names []string) (n int64, err error) {
	for _, name := range names {
		f, oerr := os.Open(name)
		if oerr != nil {
			return n, oerr
		}
		func() {
			defer func() {
				if cerr := f.Close(); cerr != nil && err == nil {
					err = cerr
				}
			}()
			var c int64
			c, err = io.Copy(w, f)
			n += c
		}()
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// ReadConfig reads key=value lines, closing the file on every path and
// wrapping the first error with the file name.
func ReadConfig(name string) (kv map[string]string, err error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			err = errors.Join(errors.New(name), err)
		}
	}()
	kv = make(map[string]string)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), "=")
		if ok {
			kv[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	return kv, sc.Err()
}

// Stage writes each file's lines to a temporary file and removes the
// temporaries when done; it returns how many lines were staged.
func Stage(dir string, files map[string][]string) (int, error) {
	lines := 0
	for name, body := range files {
		tmp, err := os.CreateTemp(dir, name+"-*")
		if err != nil {
			return lines, err
		}
		defer func() {
			tmp.Close()
			os.Remove(tmp.Name())
		}()
		for _, l := range body {
			if _, err := io.WriteString(tmp, l+"\n"); err != nil {
				return lines, err
			}
			lines++
		}
	}
	return lines, nil
}

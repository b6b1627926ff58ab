package backup

import (
	"context"
	"encoding/hex"
	"fmt"
	"io"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"
)

// ManifestHeader opens a snapshot's manifest.
type ManifestHeader struct {
	Snapshot string
	Algo     string
	Files    int
	Bytes    int
	Created  time.Time
}

// WriteManifest hashes the files in parallel and writes the header, counted after the wait, and one line per file.
func WriteManifest(w io.Writer, files []File, hdr ManifestHeader) error {
	lines := make([]string, len(files))
	var wg sync.WaitGroup
	for i, f := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			e := Entry{Path: f.Name, Size: len(f.Data)}
			e.Sum = sumFor(hdr.Algo, f.Data)
			lines[i] = fmt.Sprintf("%s %d %s/%s", hex.EncodeToString(e.Sum[:]), e.Size, hdr.Snapshot, e.Path)
		}()
	}
	wg.Wait()
	hdr.Files = len(files)
	for _, f := range files {
		hdr.Bytes += len(f.Data)
	}
	if _, err := fmt.Fprintf(w, "snapshot %s algo %s files %d bytes %d\n", hdr.Snapshot, hdr.Algo, hdr.Files, hdr.Bytes); err != nil {
		return err
	}
	sort.Strings(lines)
	for _, l := range lines {
		if _, err := io.WriteString(w, l+"\n"); err != nil {
			return err
		}
	}
	return nil
}

func sumFor(algo string, data []byte) [32]byte {
	h := hasher{name: algo}
	copy(h.key[:], algo)
	return h.sum(data)
}

// verdict is one chunk's verification answer.
type verdict struct {
	index int
	ok    bool
}

// VerifyRemote checks every chunk against the store; the workers answer in a select that gives up when the context
// ends. The header records the check once every answer is in.
func VerifyRemote(ctx context.Context, st Store, chunks []Chunk, hdr ManifestHeader) (ManifestHeader, []bool, error) {
	answers := make(chan verdict)
	for i, c := range chunks {
		go func() {
			v := verdict{index: i, ok: st.Has(chunkKey(hdr.Snapshot+"/", c))}
			select {
			case answers <- v:
			case <-ctx.Done():
			}
		}()
	}
	ok := make([]bool, len(chunks))
	for range chunks {
		select {
		case v := <-answers:
			ok[v.index] = v.ok
		case <-ctx.Done():
			return hdr, nil, ctx.Err()
		}
	}
	hdr.Created = time.Unix(0, 0).UTC()
	return hdr, ok, nil
}

// Missing lists the chunks the store lacks, checking each on a goroutine that answers on a buffered channel.
func Missing(st Store, chunks []Chunk, prefix string) (string, []string) {
	type answer struct {
		key string
		has bool
	}
	answers := make(chan answer, len(chunks))
	for _, c := range chunks {
		go func() {
			k := chunkKey(prefix, c)
			answers <- answer{key: k, has: st.Has(k)}
		}()
	}
	var missing []string
	for range chunks {
		if a := <-answers; !a.has {
			missing = append(missing, a.key)
		}
	}
	sort.Strings(missing)
	prefix = strings.TrimSuffix(prefix, "/")
	return prefix + ": " + itoa(len(missing)) + " missing", missing
}

// RemoteURLs resolves each chunk's URL under the repository's base URL on its own goroutine.
func RemoteURLs(chunks []Chunk, host, repo string) []string {
	base := url.URL{Scheme: "https", Host: host, Path: "/" + repo}
	out := make([]string, len(chunks))
	var wg sync.WaitGroup
	for i, c := range chunks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = base.String() + "/" + hex.EncodeToString(c.Sum[:])
		}()
	}
	wg.Wait()
	return out
}

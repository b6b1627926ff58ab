package inlinehtml

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"testing"
)

func sample(word string) []span {
	return []span{
		plain("see "),
		link{href: "/x?a=1&b=2", label: word},
		marked{strong: strong{children: []span{code("a<b"), plain(" & c")}}, class: "hl"},
	}
}

func TestParagraph(t *testing.T) {
	want := `<p>see <a href="/x?a=1&amp;b=2">one</a><strong><code>a&lt;b</code> &amp; c</strong></p>`
	if got := Paragraph(sample("one")); got != want {
		t.Fatalf("Paragraph = %q", got)
	}
	if got := Paragraph([]span{plain("x")}); got != "<p>x</p>" {
		t.Fatalf("a second Paragraph = %q", got)
	}
}

func TestParallel(t *testing.T) {
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			word := strings.Repeat("w", i+1)
			for range 50 {
				if got := Paragraph([]span{plain(word)}); got != "<p>"+word+"</p>" {
					t.Errorf("Paragraph = %q", got)
				}
				var out bytes.Buffer
				if err := WriteRows(&out, [][]int{{i, i}}); err != nil || out.String() != fmt.Sprintf("%d,%d\n", i, i) {
					t.Errorf("WriteRows = %q, %v", out.String(), err)
				}
			}
		}()
	}
	wg.Wait()
}

func TestWriteRows(t *testing.T) {
	var out bytes.Buffer
	long := make([]int, 300) // a line longer than the bufio.Writer's 256 bytes: handed to out.Write whole
	for i := range long {
		long[i] = i
	}
	if err := WriteRows(&out, [][]int{{1, -2, 3}, {}, long}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(out.String(), "\n")
	if lines[0] != "1,-2,3" || lines[1] != "" || !strings.HasPrefix(lines[2], "0,1,2,") || !strings.HasSuffix(lines[2], ",299") {
		t.Fatalf("WriteRows = %q", out.String()[:40])
	}
}

func TestAllocsPerRun(t *testing.T) {
	spans, rows := sample("x"), [][]int{{1, 2, 3}, {4, 5, 6}}
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() {
		Paragraph(spans)
		WriteRows(&bytes.Buffer{}, rows)
	}))
}

package misc

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
)

var update = flag.Bool("update", false, "")

func try(f func() any) (s string) {
	defer func() {
		if r := recover(); r != nil {
			if b, ok := r.(interface{ String() string }); ok {
				s = fmt.Sprintf("panic %T %q", r, b.String())
				return
			}
			s = fmt.Sprintf("panic %T %q", r, fmt.Sprint(r))
		}
	}()
	v := f()
	return fmt.Sprintf("%#v", v)
}

var long = strings.Repeat("abcdefgh", 200)

func cases() []func() any {
	var cs []func() any
	for _, in := range []string{"", "x", "hello\nworld\n", long, "a\nb"} {
		in := in
		for _, n := range []int{0, 3, 8, 100} {
			n := n
			cs = append(cs,
				func() any {
					h := Header(in, n)
					HeaderCopy(long, 4)
					Header(long, 50)
					return string(h) + fmt.Sprint(h == nil)
				},
				func() any { return HeaderCopy(in, n) },
				func() any { p := Prefix(in, n); Prefix(long, 200); return string(p) },
				func() any { a, b := Grown(in, n); return fmt.Sprint(a, b) },
				func() any { return string(ReadFirst(in, n)) },
				func() any { return SlurpN(strings.NewReader(in), int64(n)) },
			)
		}
		cs = append(cs,
			func() any { Fail(in); return nil },
			func() any { FailBytes(in); return nil },
			func() any { FailErr(in); return nil },
			func() any { return SafeRender(in) },
			func() any { return SafeRender("!" + in) },
			func() any { return Probe(in) },
			func() any { r := Capture(in); Capture(long); return r },
			func() any { return Wrapped(in) },
			func() any { return Hex(in) },
			func() any { a, b := HexLen(in); return fmt.Sprint(a, b) },
			func() any { s, err := Encode(in); return fmt.Sprint(s, err) },
			func() any { return Avail(in) },
			func() any { return ReadBack(in) },
			func() any { return string(FirstLine(in)) },
			func() any { var sb strings.Builder; r := Multi(&sb, in); return r + sb.String() },
			func() any { return MethodValue([]string{in, in}) },
			func() any { return MethodValueKept([]string{in, in}) },
			func() any { s, err := UnreadOne(in); return fmt.Sprint(s, err) },
			func() any { return UnreadFresh() },
			func() any {
				s := &Sink{}
				Emit(s, in)
				Emit(&Sink{}, long)
				Emit(&Sink{}, "zz")
				return fmt.Sprintf("%q", s.Got)
			},
			func() any {
				Slurp(&Chunked{Msgs: [][]byte{[]byte(long), []byte(long)}})
				n, s := Slurp(&Chunked{Msgs: [][]byte{[]byte(in), []byte(long), []byte(in)}})
				return fmt.Sprint(n, len(s), s[:min(len(s), 40)])
			},
		)
	}
	n := &Node{Name: "root", Kids: []*Node{{Name: "a", Kids: []*Node{{Name: "b"}}}, {Name: "c"}}}
	cs = append(cs, func() any { return Render(n) })
	return cs
}

func results() []string {
	var out []string
	for i, c := range cases() {
		out = append(out, fmt.Sprintf("%d: %s", i, try(c)))
	}
	return out
}

func TestRecorded(t *testing.T) {
	got := strings.Join(results(), "\n")
	if *update {
		os.WriteFile("testdata.txt", []byte(got), 0o644)
		return
	}
	want, err := os.ReadFile("testdata.txt")
	if err != nil {
		t.Fatal(err)
	}
	wl := strings.Split(string(want), "\n")
	gl := strings.Split(got, "\n")
	for i := range wl {
		if i >= len(gl) || wl[i] != gl[i] {
			g := ""
			if i < len(gl) {
				g = gl[i]
			}
			t.Errorf("differs:\nwant %.300s\ngot  %.300s", wl[i], g)
		}
	}
}

func TestConcurrent(t *testing.T) {
	want := results()
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 5; k++ {
				got := results()
				for i := range want {
					if got[i] != want[i] && !strings.Contains(want[i], "Capture") {
						t.Errorf("concurrent differs at %d", i)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
}

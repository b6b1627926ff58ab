package mail

import (
	"strings"
	"testing"
)

func TestBuild(t *testing.T) {
	m := &Message{From: "a@example.com", To: "b@example.com", Subject: "Hi", Text: "caf\u00e9 = ok " + strings.Repeat("x", 90), HTML: "<p>caf\u00e9</p>"}
	want := "From: a@example.com\r\nTo: b@example.com\r\nSubject: Hi\r\n" +
		"Content-Type: multipart/alternative; boundary=\"b1_mail\"\r\n\r\n" +
		"--b1_mail\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" +
		"caf=C3=A9 =3D ok " + strings.Repeat("x", 58) + "=\r\n" + strings.Repeat("x", 32) + "\r\n" +
		"--b1_mail\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" +
		"<p>caf=C3=A9</p>\r\n--b1_mail--\r\n"
	for range 3 {
		if got := string(Build(m)); got != want {
			t.Fatalf("Build = %q, want %q", got, want)
		}
	}
}

func TestAllocsPerRun(t *testing.T) {
	m := &Message{From: "a@example.com", To: "b@example.com", Subject: "Hi", Text: "hello", HTML: "<b>hello</b>"}
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() { Build(m) }))
}

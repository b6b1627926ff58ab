// Package chat formats and filters chat lines.
package chat

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"example.com/probes/mixed-gameserver/limits"
)

// Line is one chat message.
type Line struct {
	At      time.Time
	From    string
	Team    int
	Text    string
	Whisper bool
}

// Format renders l as the client shows it.
func Format(l Line) string {
	var buf bytes.Buffer
	if l.Whisper {
		fmt.Fprintf(&buf, "[%s] %s whispers: %s", l.At.Format("15:04"), l.From, l.Text)
	} else {
		fmt.Fprintf(&buf, "[%s] <%s#%d> %s", l.At.Format("15:04"), l.From, l.Team, l.Text)
	}
	return buf.String()
}

// Send writes l to w in one write.
func Send(w io.Writer, l Line) error {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "%d|%s|%d|%s\n", l.At.Unix(), l.From, l.Team, l.Text)
	_, err := w.Write(buf.Bytes())
	return err
}

// History renders the last lines, newest last.
func History(w io.Writer, lines []Line) error {
	var buf bytes.Buffer
	for _, l := range lines {
		fmt.Fprintf(&buf, "%s %-12s %s\n", l.At.Format("15:04:05"), l.From, l.Text)
	}
	_, err := buf.WriteTo(w)
	return err
}

// Truncate cuts text to ChatWidth runes.
func Truncate(text string) string {
	if utf8.RuneCountInString(text) <= limits.ChatWidth {
		return text
	}
	runes := make([]rune, 0, limits.ChatWidth)
	for _, r := range text {
		if len(runes) == limits.ChatWidth {
			break
		}
		runes = append(runes, r)
	}
	return string(runes)
}

// Mask replaces each banned word with stars, comparing lower-cased.
func Mask(text string, banned []string) string {
	lower := strings.ToLower(text)
	out := []byte(text)
	for _, w := range banned {
		for i := 0; ; {
			j := strings.Index(lower[i:], w)
			if j < 0 {
				break
			}
			for k := i + j; k < i+j+len(w); k++ {
				out[k] = '*'
			}
			i += j + len(w)
		}
	}
	return string(out)
}

// Shout reports whether most letters of text are capitals, checking at most ChatWidth bytes.
func Shout(text string) bool {
	n := min(len(text), limits.ChatWidth)
	upper := make([]byte, n)
	copy(upper, text)
	letters, caps := 0, 0
	for _, c := range upper {
		if c >= 'a' && c <= 'z' {
			letters++
		} else if c >= 'A' && c <= 'Z' {
			letters++
			caps++
		}
	}
	return letters >= 5 && caps*4 >= letters*3
}

// Log keeps the formatted lines of a channel.
type Log struct {
	buf   bytes.Buffer
	lines int
}

// Add formats l into the log.
func (g *Log) Add(l Line) {
	fmt.Fprintf(&g.buf, "%s: %s\n", l.From, l.Text)
	g.lines++
}

// String is the whole log.
func (g *Log) String() string { return g.buf.String() }

// Kill formats a kill-feed entry.
func Kill(w io.Writer, killer, victim, weapon string, headshot bool) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s [%s] %s", killer, weapon, victim)
	if headshot {
		b.WriteString(" (headshot)")
	}
	b.WriteByte('\n')
	_, err := io.WriteString(w, b.String())
	return err
}

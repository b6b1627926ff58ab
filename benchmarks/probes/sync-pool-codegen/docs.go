package codegen

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"text/template"
	"time"
)

// Flag is one command-line flag of a command.
type Flag struct {
	Name    string
	Short   string
	Usage   string
	Default string
}

// Command describes a CLI command for docs and completions.
type Command struct {
	Name     string
	Short    string
	Long     string
	Flags    []Flag
	Commands []*Command
}

func manEscape(s string) string {
	s = strings.ReplaceAll(s, `\`, `\e`)
	s = strings.ReplaceAll(s, "-", `\-`)
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
		s = `\&` + s
	}
	return s
}

// ManPage renders a troff man page for the command.
func ManPage(w io.Writer, c *Command, date time.Time) error {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, ".TH %s 1 %q\n", strings.ToUpper(c.Name), date.Format("January 2006"))
	fmt.Fprintf(&buf, ".SH NAME\n%s \\- %s\n", c.Name, manEscape(c.Short))
	fmt.Fprintf(&buf, ".SH SYNOPSIS\n.B %s\n[OPTIONS]\n", c.Name)
	if c.Long != "" {
		fmt.Fprintf(&buf, ".SH DESCRIPTION\n%s\n", manEscape(c.Long))
	}
	if len(c.Flags) > 0 {
		buf.WriteString(".SH OPTIONS\n")
		for _, f := range c.Flags {
			fmt.Fprintf(&buf, ".TP\n\\fB\\-\\-%s\\fR", f.Name)
			if f.Short != "" {
				fmt.Fprintf(&buf, ", \\fB\\-%s\\fR", f.Short)
			}
			fmt.Fprintf(&buf, "\n%s\n", manEscape(f.Usage))
		}
	}
	_, err := w.Write(buf.Bytes())
	return err
}

var usageTmpl = template.Must(template.New("usage").Parse(`Usage: {{.Name}} [flags]

{{.Short}}
{{if .Flags}}
Flags:
{{range .Flags}}  --{{.Name}}{{if .Short}}, -{{.Short}}{{end}}	{{.Usage}}{{if .Default}} (default {{.Default}}){{end}}
{{end}}{{end}}`))

// Usage renders the usage text of a command.
func Usage(c *Command) (string, error) {
	var sb strings.Builder
	if err := usageTmpl.Execute(&sb, c); err != nil {
		return "", err
	}
	return sb.String(), nil
}

// markdownCommand writes one command's section and recurses into subcommands.
func markdownCommand(w io.Writer, c *Command, path string, level int) {
	full := strings.TrimSpace(path + " " + c.Name)
	fmt.Fprintf(w, "%s %s\n\n%s\n\n", strings.Repeat("#", level), full, c.Short)
	if len(c.Flags) > 0 {
		io.WriteString(w, "| flag | default | usage |\n| --- | --- | --- |\n")
		for _, f := range c.Flags {
			fmt.Fprintf(w, "| `--%s` | %s | %s |\n", f.Name, f.Default, f.Usage)
		}
		io.WriteString(w, "\n")
	}
	for _, sub := range c.Commands {
		markdownCommand(w, sub, full, level+1)
	}
}

// MarkdownDocs renders the whole command tree as markdown.
func MarkdownDocs(root *Command) []byte {
	var buf bytes.Buffer
	markdownCommand(&buf, root, "", 1)
	return bytes.Clone(buf.Bytes())
}

// BashCompletion writes a bash completion script.
func BashCompletion(w io.Writer, root *Command) error {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "# bash completion for %s\n_%s() {\n", root.Name, root.Name)
	buf.WriteString("    local cur=${COMP_WORDS[COMP_CWORD]}\n")
	words := make([]string, 0, len(root.Commands)+len(root.Flags))
	for _, c := range root.Commands {
		words = append(words, c.Name)
	}
	for _, f := range root.Flags {
		words = append(words, "--"+f.Name)
	}
	fmt.Fprintf(&buf, "    COMPREPLY=( $(compgen -W %q -- \"$cur\") )\n}\n", strings.Join(words, " "))
	fmt.Fprintf(&buf, "complete -F _%s %s\n", root.Name, root.Name)
	_, err := buf.WriteTo(w)
	return err
}

// ZshCompletion returns a zsh completion script.
func ZshCompletion(root *Command) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "#compdef %s\n\n_arguments \\\n", root.Name)
	for _, f := range root.Flags {
		fmt.Fprintf(&sb, "  '--%s[%s]' \\\n", f.Name, strings.ReplaceAll(f.Usage, "'", `'\''`))
	}
	sb.WriteString("  '1: :(")
	for i, c := range root.Commands {
		if i > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(c.Name)
	}
	sb.WriteString(")'\n")
	return sb.String()
}

// FishCompletion writes fish completions, one line per flag, through a helper.
func FishCompletion(w io.Writer, root *Command) error {
	var buf bytes.Buffer
	for _, f := range root.Flags {
		fishFlag(&buf, root.Name, f)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

func fishFlag(w io.Writer, cmd string, f Flag) {
	fmt.Fprintf(w, "complete -c %s -l %s", cmd, f.Name)
	if f.Short != "" {
		fmt.Fprintf(w, " -s %s", f.Short)
	}
	fmt.Fprintf(w, " -d %q\n", f.Usage)
}

// Changelog renders release notes, keeping the rendered text for each version.
type Changelog struct {
	rendered map[string][]byte
}

// Render renders the notes of one version and keeps them.
func (c *Changelog) Render(version string, notes []string) []byte {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "## %s\n\n", version)
	for _, n := range notes {
		fmt.Fprintf(&buf, "- %s\n", n)
	}
	if c.rendered == nil {
		c.rendered = map[string][]byte{}
	}
	c.rendered[version] = buf.Bytes()
	return buf.Bytes()
}

"""iface-direct's concatenation of `fmt.Sprintf` (Sprint, Sprintln) of strings (concatenated.py): each `%s` or `%v`
operand that is a string (or a []byte under `%s`) of no named type is concatenated as it is, and the boxing that put
it on the heap goes with Sprintf's own result. Every must-decline keeps its naive concatenation as a mutant that
computes another string (or does not build).
"""

from __future__ import annotations

from conftest import assert_declines, case_suite, edited, module, only_fix, proposals

from gorewrite.rules import RULES
from gorewrite.rules.iface_direct.verbs import compiler_quoted

RULE = RULES["iface-direct"]

# Package-level values, so the operands are no constants and box by allocating.
VALUES = 'var host, port, name = "db.internal", "5432", "users"\n\n'


def case(name: str, body: str, imports: str = '"fmt"', keep: bool = True) -> str:
    """Package name with the body; `keep`: a use of fmt no rewrite takes, so the import stays."""
    kept = "\nvar _ = fmt.Errorf\n" if keep else ""
    return f"package {name}\n\nimport (\n\t{imports}\n)\n\n{VALUES}{body}{kept}"


def line(name: str, params: str, call: str, args: str, imports: str = '"fmt"') -> str:
    """A case whose Line returns the call, and whose Probe calls Line with args."""
    body = f"// Line builds a line.\n//\n//go:noinline\nfunc Line({params}) string {{\n\treturn {call}\n}}\n\n"
    return case(name, body + f"// Probe builds one line.\nfunc Probe() string {{ return Line({args}) }}\n", imports)


FIXES = {
    # the address: two strings and text between them
    "host_port": (
        line("host_port", "host, port string", 'fmt.Sprintf("%s:%s", host, port)', "host, port"),
        "{pkg}.Probe()",
    ),
    # `%v` of a string, `%%` and `%5%` (one percent sign each), a string constant operand, a []byte by string(b)
    "mixed": (
        line(
            "mixed",
            "host string, raw []byte",
            'fmt.Sprintf("%v %s 100%% %5% [%s]", host, sep, raw)',
            "host, []byte(name)",
        ).replace(VALUES, VALUES + 'const sep = "->"\n\n'),
        "{pkg}.Probe()",
    ),
    # a nil []byte prints as nothing, as string(nil) is ""
    "nil_bytes": (
        line("nil_bytes", "host string, raw []byte", 'fmt.Sprintf("%s=%s", host, raw)', "host, nil"),
        "{pkg}.Probe()",
    ),
    "sprint": (line("sprint", "host, port string", "fmt.Sprint(host, port)", "host, port"), "{pkg}.Probe()"),
    "sprintln": (line("sprintln", "host, port string", "fmt.Sprintln(host, port)", "host, port"), "{pkg}.Probe()"),
    # sliced: the concatenation goes in parentheses, or `[1:]` would slice port alone
    "sliced": (
        line("sliced", "host, port string", 'fmt.Sprintf("%s:%s", host, port)[1:]', "host, port"),
        "{pkg}.Probe()",
    ),
    # a call as an operand: gc calls it first, then reads host, in fmt's arguments and the concatenation alike
    "call_operand": (
        line(
            "call_operand",
            "host string",
            'fmt.Sprintf("%s;%s", host, strings.ToUpper(host))',
            "host",
            '"fmt"\n\t"strings"',
        ),
        "{pkg}.Probe()",
    ),
    # the file's only fmt uses are two calls concatenated whole: one fix takes both, and the import
    "import_dropped": (
        case(
            "import_dropped",
            """// Key builds a cache key.
//
//go:noinline
func Key(host, port string) string { return fmt.Sprintf("%s:%s", host, port) }

// Table quotes a table name.
//
//go:noinline
func Table(name string) string { return fmt.Sprintf(`"%s"`, name) }

// Probe builds both.
func Probe() string { return Key(host, port) + Table(name) }
""",
            keep=False,
        ),
        "{pkg}.Probe()",
    ),
    # fields read through pointers, as a check's label: reading them has no effect (found by the selectors alone)
    "fields": (
        line("fields", "c *check", 'fmt.Sprintf("%s/%s: failed", c.name, c.next.name)', "chk")
        + '\ntype check struct {\n\tname string\n\tnext *check\n}\n\nvar chk = &check{"db", &check{name: "ping"}}\n',
        "{pkg}.Probe()",
    ),
    # fields through pointers where the concatenation is sliced: the slice checks its bounds after reading them
    "fields_sliced": (
        line("fields_sliced", "c *check", 'fmt.Sprintf("%s/%s", c.name, c.next.name)[1:]', "chk")
        + '\ntype check struct {\n\tname string\n\tnext *check\n}\n\nvar chk = &check{"db", &check{name: "ping"}}\n',
        "{pkg}.Probe()",
    ),
    # the file prints with fmt.Print too, which is no Sprint: the import stays for it, and the call as it is
    "print_kept": (
        case(
            "print_kept",
            """// Key builds a cache key.
//
//go:noinline
func Key(host, port string) string { return fmt.Sprintf("%s:%s", host, port) }

// Log prints a key.
func Log(host string) { fmt.Print(host) }

// Probe builds a key.
func Probe() string { return Key(host, port) }
""",
            keep=False,
        ),
        "{pkg}.Probe()",
    ),
}

# A check's label read through a pointer that Probe passes nil, with the panic and what ran before it as the result.
CHECK = """// Line labels a check.
//
//go:noinline
func Line(c *check, v any) string {
	return {line}
}

type check struct{ name string }

var trace = "nothing ran"

func note() string {
	trace = "note ran"
	return ""
}

"""
NIL_PROBE = """// Probe labels a nil check: its panic and what ran before it.
func Probe() (out string) {
	defer func() { out = fmt.Sprint(recover()) + "; " + trace }()
	return Line(nil, 7)
}
"""


def nil_check(name: str, results: str, line: str, args: str) -> str:
    """A case whose Line returns `line` of a nil c and args (ints n, d and a slice xs), and whose Probe its panic."""
    body = CHECK.replace("func Line(c *check, v any) string", f"func Line(c *check, n, d int, xs []string) {results}")
    probe = NIL_PROBE.replace("return Line(nil, 7)", f"Line(nil, {args})\n\treturn")
    return case(name, body + probe).replace("{line}", line)


DECLINES = {
    "quoted": (
        line("quoted", "host string", 'fmt.Sprintf("%q", host)', "host"),
        "%q of host (string) prints other bytes",
    ),
    "width": (line("width", "host string", 'fmt.Sprintf("%-16s|", host)', "host"), "%-16s prints other bytes"),
    # a field of a named type with String: fmt calls it
    "field_named": (
        line("field_named", "s *site", 'fmt.Sprintf("%s@%s", s.host, s.region)', '&site{host, "eu"}')
        + '\ntype region string\n\nfunc (r region) String() string { return "region-" + string(r) }\n\n'
        + "type site struct {\n\thost   string\n\tregion region\n}\n",
        "it formats s.region, whose type may have methods",
    ),
    "bytes_v": (line("bytes_v", "raw []byte", 'fmt.Sprintf("raw=%v", raw)', "[]byte(name)"), "%v of raw ([]byte)"),
    "int_s": (line("int_s", "host string, n int", 'fmt.Sprintf("%s#%s", host, n)', "host, 7"), "%s of n (int)"),
    "int_constant": (
        line("int_constant", "host string", 'fmt.Sprintf("%s#%s", host, 7)', "host"),
        "%s of the constant 7",
    ),
    "star_percent": (
        line("star_percent", "pad, host string", 'fmt.Sprintf("%*%%s", pad, host)', "port, host"),
        "%*% prints",
    ),
    "stringer": (
        line("stringer", "r Region", 'fmt.Sprintf("cfg:%s", r)', '"eu"')
        + "\n// Region is a deployment region.\ntype Region string\n\n"
        + 'func (r Region) String() string { return "region-" + string(r) }\n',
        "it formats r of",
    ),
    "indexed": (
        line("indexed", "host, port string", 'fmt.Sprintf("%[2]s:%[1]s", host, port)', "host, port"),
        "by index",
    ),
    "missing": (line("missing", "host string", 'fmt.Sprintf("%s:%s", host)', "host"), "MISSING or EXTRA"),
    "extra": (line("extra", "host, port string", 'fmt.Sprintf("%s;", host, port)', "host, port"), "MISSING or EXTRA"),
    "noverb": (line("noverb", "host string", 'fmt.Sprintf("%s:%", host)', "host"), "no verb"),
    "sprint_bytes": (
        line("sprint_bytes", "a, b []byte", "fmt.Sprint(a, b)", "[]byte(host), []byte(port)"),
        "%v of a ([]byte)",
    ),
    "commented": (line("commented", "host string", 'fmt.Sprintf("%s;", /* key */ host)', "host"), "holds a comment"),
    "variable_format": (
        line("variable_format", "format, host string", "fmt.Sprintf(format, host)", '"%q", host'),
        "not a string constant",
    ),
    "unused": (
        line("unused", "host string", '"kept"', "host").replace("\treturn", '\tfmt.Sprintf("%s;", host)\n\treturn'),
        "its result is unused",
    ),
    # the function's own `string` names a function: string(raw) would call it
    "shadowed_string": (
        line("shadowed_string", "raw []byte", 'fmt.Sprintf("[%s]", raw)', "[]byte(host)")
        .replace(
            "func Line(raw []byte) string {\n",
            "func Line(raw []byte) string {\n\tstring := bytes.ToUpper\n\t_ = string\n",
        )
        .replace('\t"fmt"\n', '\t"bytes"\n\t"fmt"\n'),
        "a name the package declares",
    ),
    "not_fmt": (
        line("not_fmt", "host string", 'printer{}.Sprintf("%s;", host)', "host")
        + "\ntype printer struct{}\n\nfunc (printer) Sprintf(format string, a ...any) string {\n"
        + '\treturn "<" + fmt.Sprintf(format, a...) + ">"\n}\n',
        "not fmt.Sprintf, Sprint, Sprintln or Errorf",
    ),
    # a call to the right runs after fmt's call read state, but before the concatenation reads it (gc runs the
    # calls of an expression first): the line would show the state Next left
    "later_call": (
        line("later_call", "", 'fmt.Sprintf("[%s]", state) + Next()', "")
        + '\nvar state = "idle"\n\n// Next moves the state on.\nfunc Next() string {\n\tstate = "busy"\n'
        + '\treturn "!"\n}\n',
        "its statement also evaluates Next()",
    ),
    # the nil check's panic came before note ran; in the concatenation note runs first
    "nil_field_call": (
        case("nil_field_call", CHECK + NIL_PROBE).replace("{line}", 'fmt.Sprintf("%s:", c.name) + note()'),
        "its statement also evaluates note()",
    ),
    # a receive orders the read as a call does (a sender's writes before it would be seen)
    "received": (
        line("received", "ch chan string", 'fmt.Sprintf("%s=", host) + <-ch', "ready()")
        + '\nfunc ready() chan string {\n\tch := make(chan string, 1)\n\tch <- "up"\n\treturn ch\n}\n',
        "its statement also evaluates <-ch",
    ),
    # a nil c panicked reading c.name before v.(string) was asserted; gc asserts first in the concatenation
    "nil_field_assert": (
        case("nil_field_assert", CHECK + NIL_PROBE).replace("{line}", 'fmt.Sprintf("%s=", c.name) + v.(string)'),
        "c.name reads through a pointer, which may be nil, and its statement also evaluates v.(string)",
    ),
    # gc runs fmt's call before the division to its left, and the concatenation after it: divide by zero first
    "nil_field_divided": (
        nil_check("nil_field_divided", "(int, string)", 'n / d, fmt.Sprintf("%s=", c.name)', "1, 0, nil"),
        "its statement also evaluates n / d",
    ),
    # a negative shift count in a map literal beside it
    "nil_field_shifted": (
        nil_check(
            "nil_field_shifted", "map[string]int", 'map[string]int{fmt.Sprintf("%s=", c.name): n << d}', "1, -1, nil"
        ),
        "its statement also evaluates n << d",
    ),
    # an index out of range to its right (go1.24.11 checks it first in the concatenation)
    "nil_field_index": (
        nil_check("nil_field_index", "string", 'fmt.Sprintf("%s=", c.name) + xs[n]', "2, 0, nil"),
        "its statement also evaluates xs[n]",
    ),
    # a slice out of range to its right
    "nil_field_sliced": (
        nil_check("nil_field_sliced", "string", 'fmt.Sprintf("%s=", c.name) + xs[n][d:]', '0, 5, []string{"ab"}'),
        "its statement also evaluates xs[n][d:]",
    ),
    # a comparison of interfaces holding slices panics: gc compares first in the concatenation's statement
    "nil_field_compared": (
        nil_check("nil_field_compared", "(bool, string)", 'x == y, fmt.Sprintf("%s=", c.name)', "0, 0, nil")
        + "\nvar x, y any = []int{1}, []int{1}\n",
        "its statement also evaluates x == y",
    ),
    # a field of an element is no read through variables: go1.24.11 indexes first in the concatenation
    "element_field": (
        nil_check("element_field", "string", 'fmt.Sprintf("%s%s", c.name, rows[n].name)', "2, 0, nil")
        + "\nvar rows []check\n",
        "it formats rows[n].name, not a constant or a variable",
    ),
    # the rewrite would leave fmt unused, and a named import is not one gorewrite removes
    "named_import": (
        line("named_import", "host, port string", 'f.Sprintf("%s:%s", host, port)', "host, port", 'f "fmt"').replace(
            "\nvar _ = fmt.Errorf\n", ""
        ),
        "cannot remove its import",
    ),
}


def _naive(old: str, new: str):
    return lambda s: s.replace(old, new)


NAIVE = {
    "quoted": (_naive('fmt.Sprintf("%q", host)', "host"), "{pkg}.Probe()"),
    "width": (_naive('fmt.Sprintf("%-16s|", host)', 'host + "|"'), "{pkg}.Probe()"),
    "field_named": (
        _naive('fmt.Sprintf("%s@%s", s.host, s.region)', 's.host + "@" + string(s.region)'),
        "{pkg}.Probe()",
    ),
    "bytes_v": (_naive('fmt.Sprintf("raw=%v", raw)', '"raw=" + string(raw)'), "{pkg}.Probe()"),
    "int_s": (_naive('fmt.Sprintf("%s#%s", host, n)', 'host + "#" + n'), "mismatched types"),
    "int_constant": (_naive('fmt.Sprintf("%s#%s", host, 7)', 'host + "#" + "7"'), "{pkg}.Probe()"),
    "star_percent": (_naive('fmt.Sprintf("%*%%s", pad, host)', '"%" + pad'), "{pkg}.Probe()"),
    "stringer": (_naive('fmt.Sprintf("cfg:%s", r)', '"cfg:" + string(r)'), "{pkg}.Probe()"),
    "indexed": (_naive('fmt.Sprintf("%[2]s:%[1]s", host, port)', 'host + ":" + port'), "{pkg}.Probe()"),
    "missing": (_naive('fmt.Sprintf("%s:%s", host)', 'host + ":"'), "{pkg}.Probe()"),
    "extra": (_naive('fmt.Sprintf("%s;", host, port)', 'host + ";"'), "{pkg}.Probe()"),
    "noverb": (_naive('fmt.Sprintf("%s:%", host)', 'host + ":%"'), "{pkg}.Probe()"),
    "sprint_bytes": (_naive("fmt.Sprint(a, b)", "string(a) + string(b)"), "{pkg}.Probe()"),
    "unused": (_naive('fmt.Sprintf("%s;", host)', 'host + ";"'), "is not used"),
    "shadowed_string": (_naive('fmt.Sprintf("[%s]", raw)', '"[" + string(raw) + "]"'), "mismatched types"),
    "not_fmt": (_naive('printer{}.Sprintf("%s;", host)', 'host + ";"'), "{pkg}.Probe()"),
    "later_call": (_naive('fmt.Sprintf("[%s]", state) + Next()', '("[" + state + "]") + Next()'), "{pkg}.Probe()"),
    "nil_field_call": (_naive('fmt.Sprintf("%s:", c.name) + note()', '(c.name + ":") + note()'), "{pkg}.Probe()"),
    "nil_field_assert": (
        _naive('fmt.Sprintf("%s=", c.name) + v.(string)', '(c.name + "=") + v.(string)'),
        "{pkg}.Probe()",
    ),
    "nil_field_divided": (_naive('fmt.Sprintf("%s=", c.name)', 'c.name + "="'), "{pkg}.Probe()"),
    "nil_field_shifted": (_naive('fmt.Sprintf("%s=", c.name)', 'c.name + "="'), "{pkg}.Probe()"),
    "nil_field_index": (_naive('fmt.Sprintf("%s=", c.name)', '(c.name + "=")'), "{pkg}.Probe()"),
    "nil_field_sliced": (_naive('fmt.Sprintf("%s=", c.name)', '(c.name + "=")'), "{pkg}.Probe()"),
    "nil_field_compared": (_naive('fmt.Sprintf("%s=", c.name)', 'c.name + "="'), "{pkg}.Probe()"),
    "element_field": (_naive('fmt.Sprintf("%s%s", c.name, rows[n].name)', "c.name + rows[n].name"), "{pkg}.Probe()"),
    "named_import": (_naive('f.Sprintf("%s:%s", host, port)', 'host + ":" + port'), "not used"),
}

globals().update(case_suite("iface-concatenated", RULE, FIXES, DECLINES, NAIVE))


def test_the_call_becomes_the_concatenation_of_its_pieces(proposed):
    after = edited(FIXES["mixed"][0], only_fix(proposed["mixed"]))
    assert 'return host + " -> 100% % [" + string(raw) + "]"' in after, after
    after = edited(FIXES["sliced"][0], only_fix(proposed["sliced"]))
    assert 'return (host + ":" + port)[1:]' in after, after
    after = edited(FIXES["sprintln"][0], only_fix(proposed["sprintln"]))
    assert 'return host + " " + port + "\\n"' in after, after


def test_the_last_fmt_calls_of_a_file_go_together_with_the_import(proposed):
    fix = only_fix(proposed["import_dropped"])
    after = edited(FIXES["import_dropped"][0], fix)
    assert '"fmt"' not in after and "Sprintf" not in after, after
    assert fix.claim.messages == ('host + ":" + port escapes to heap', '"\\"" + name + "\\"" escapes to heap')


def test_another_fmt_call_keeps_the_import_and_its_text(proposed):
    after = edited(FIXES["print_kept"][0], only_fix(proposed["print_kept"]))
    assert '"fmt"' in after and "fmt.Print(host)" in after and 'return host + ":" + port' in after, after


def test_constants_are_quoted_as_the_compiler_quotes_them():
    assert compiler_quoted(b'a"b\\\n\t\x07\x7f\xff') == '"a\\"b\\\\\\n\\t\\a\\x7f\\xff"'
    assert compiler_quoted("é…\u200b".encode()) == '"é…\\u200b"'
    assert compiler_quoted(b"x" * 80) == '"' + "x" * 68 + "..."


TAGGED = {
    "line.go": """package tagged

import "fmt"

type entry struct{ meta }

// Line labels an entry by key.
//
//go:noinline
func Line(k string, e *entry) string { return fmt.Sprintf("%s=%s;", k, e.id) }

// Probe labels one entry.
func Probe() string { return Line("key", &entry{newMeta()}) }
""",
    "meta_plain.go": """//go:build !hexed

package tagged

type meta struct{ id []byte }

func newMeta() meta { return meta{[]byte("ab")} }
""",
    "meta_hex.go": """//go:build hexed

package tagged

import "encoding/hex"

// Hex prints as hex digits.
type Hex []byte

func (h Hex) String() string { return hex.EncodeToString(h) }

type meta struct{ id Hex }

func newMeta() meta { return meta{Hex("ab")} }
""",
}


def test_a_field_whose_type_another_build_declares_otherwise_declines(tmp_path, toolchain):
    """go/types reads the build without tags, where the field e.id (of the embedded meta) is a []byte; `-tags hexed`
    makes it a Hex, whose String fmt calls and whose bytes `string(e.id)` takes as they are: the naive concatenation
    gives "key=ab;" there for "key=6162;"."""
    files = {f"tagged/{name}": code for name, code in TAGGED.items()}
    files |= {f"naive/{name}": code.replace("package tagged", "package naive") for name, code in TAGGED.items()}
    naive = files["naive/line.go"].replace('fmt.Sprintf("%s=%s;", k, e.id)', 'k + "=" + string(e.id) + ";"')
    files["naive/line.go"] = naive.replace('import "fmt"\n\n', "")
    main = 'package main\n\nimport (\n\t"fmt"\n\n\t"example.com/m/naive"\n\t"example.com/m/tagged"\n)\n\n'
    files["compare/main.go"] = main + "func main() { fmt.Println(tagged.Probe(), naive.Probe()) }\n"
    root = module(tmp_path, files)
    found = proposals(root, RULE)["example.com/m/tagged"]
    assert_declines(found, "it formats e.id, whose type may have methods fmt calls, here or in another build")
    ran = toolchain.run(["run", "-tags", "hexed", "./compare"], str(root))
    assert ran.stdout.decode().split() == ["key=6162;", "key=ab;"], ran.stdout.decode()

"""iface-direct's operands of a defined integer, bool or string type (methodless.py): fmt prints them as their
underlying type's value where it calls none of their methods for the verb (Format for any verb, Error or String for
%v and %s), judged over every file of the type's directory, whatever build or test compiles it. Every must-decline
keeps its naive rewrite as a mutant that computes another string or does not build.
"""

from __future__ import annotations

import types as namespaces

from conftest import assert_declines, case_suite, edited, module, only_fix, proposals, releases

from gorewrite.rules import RULES
from gorewrite.rules.iface_direct import methodless
from gorewrite.syntax import parse

RULE = RULES["iface-direct"]
APPENDED = "string(strconv.AppendInt(make([]byte, 0, 20), int64({}), 10))"
UNSIGNED = "string(strconv.AppendUint(make([]byte, 0, 20), uint64({}), 10))"


def line(name: str, params: str, call: str, args: str, decls: str, imports: str = '"fmt"') -> str:
    """Package name whose Line returns the call and whose Probe calls it with args (package-level values, so the
    operands are no constants), with the type declarations decls."""
    return (
        f"package {name}\n\nimport (\n\t{imports}\n)\n\n// Line builds a line.\n//\n//go:noinline\n"
        f"func Line({params}) string {{\n\treturn {call}\n}}\n\n"
        f"// Probe builds one line.\nfunc Probe() string {{ return Line({args}) }}\n"
        f"\nvar _ = fmt.Errorf\n\n{decls}"
    )


CODE = (
    "// Code is an HTTP status.\ntype Code int\n\n"
    'func (c Code) String() string { return map[Code]string{503: "Service Unavailable"}[c] }\n\nvar code Code = 503\n'
)

GLYPH = "type Glyph rune\n\nfunc (g Glyph) String() string { return \"glyph\" }\n\nvar glyph Glyph = 'λ'\n\n"

FIXES = {
    # a user id: %d of a defined int64
    "user_id": (
        line(
            "user_id",
            "id UserID",
            'fmt.Sprintf("user:%d", id)',
            "user",
            "type UserID int64\n\nvar user UserID = 4242\n",
        ),
    )
    + ("{pkg}.Probe()",),
    # a String method prints the name for %v, never for %d: the code's number
    "stringer_d": (line("stringer_d", "c Code", 'fmt.Sprintf("status %d", c)', "code", CODE), "{pkg}.Probe()"),
    # String on *Port is not in a Port value's method set: %v of the value prints the number
    "pointer_receiver": (
        line(
            "pointer_receiver",
            "host string, p Port",
            'fmt.Sprintf("%s:%v", host, p)',
            "host, port",
            'type Port uint16\n\nfunc (p *Port) String() string { return "port" }\n\n'
            'var host, port = "db", Port(5432)\n',
        ),
        "{pkg}.Probe()",
    ),
    # a status string under %s and %v, a flag under %t and %v
    "status": (
        line(
            "status",
            "s Status, on Flag",
            'fmt.Sprintf("status=%s/%v admin=%t/%v", s, s, on, on)',
            "status, admin",
            'type Status string\n\ntype Flag bool\n\nvar status, admin = Status("suspended"), Flag(true)\n',
        ),
        "{pkg}.Probe()",
    ),
    # a std type converted to a predeclared one by the program first: no defined type reaches fmt
    "duration_converted": (
        line(
            "duration_converted",
            "d time.Duration",
            'fmt.Sprintf("timeout_ns=%d", ns)',
            "wait",
            "var wait = 1500 * time.Millisecond\n",
            '"fmt"\n\t"time"',
        ).replace("\treturn fmt", "\tns := int64(d)\n\treturn fmt"),
        "{pkg}.Probe()",
    ),
    # reach55c's verbs on defined types: %c of a Glyph whose String %c never calls, %q of a methodless Letter (each
    # through rune(), which AppendQuoteRune takes), %x %o %b of a methodless Mask
    "rune_verbs": (
        line(
            "rune_verbs",
            "g Glyph, l Letter, m Mask",
            'fmt.Sprintf("%c %q %x/%o/%b", g, l, m, m, m)',
            "glyph, letter, mask",
            GLYPH + "type Letter rune\n\ntype Mask uint16\n\nvar letter, mask = Letter('€'), Mask(0xbeef)\n",
        ),
        "{pkg}.Probe()",
    ),
    # a field read through a pointer, Sprint's one operand alone
    "field": (
        line(
            "field",
            "s *session",
            "fmt.Sprint(s.user)",
            "sess",
            "type UserID int\n\ntype session struct{ user UserID }\n\nvar sess = &session{90210}\n",
        ),
        "{pkg}.Probe()",
    ),
}

CENTS = (
    "type Cents int64\n\n"
    'func (c Cents) Format(f fmt.State, _ rune) { fmt.Fprintf(f, "%d.%02d", int64(c)/100, int64(c)%100) }\n'
)
SLOT = (
    'type Slot int\n\nfunc (s *Slot) String() string { return "slot#" + fmt.Sprint(int(*s)) }\n\n'
    'var slot, guest = new(Slot), "ann"\n'
)

DECLINES = {
    # Format runs for every verb, %d too
    "formatter_d": (
        line("formatter_d", "c Cents", 'fmt.Sprintf("total %d", c)', "price", CENTS + "\nvar price Cents = 1999\n"),
    )
    + ("it formats c of",),
    # a pointer operand: *Slot's String is in its method set
    "pointer_operand": (
        line("pointer_operand", "name string, s *Slot", 'fmt.Sprintf("%s booked %v", name, s)', "guest, slot", SLOT),
        "it formats s of",
    ),
    # %v of a Duration calls its String
    "duration_v": (
        line(
            "duration_v",
            "d time.Duration",
            'fmt.Sprintf("took %v", d)',
            "wait",
            "var wait = 1500 * time.Millisecond\n",
            '"fmt"\n\t"time"',
        ),
        "it formats d of time.Duration",
    ),
    # %v of a defined struct type prints its fields
    "named_struct": (
        line(
            "named_struct",
            "p Point",
            'fmt.Sprintf("at %v", p)',
            "pt",
            "type Point struct{ X, Y int }\n\nvar pt = Point{1, 2}\n",
        ),
        "it formats p of",
    ),
    # %s of a defined string type that is an error calls Error
    "error_s": (
        line(
            "error_s",
            "r Reason",
            'fmt.Sprintf("denied: %s", r)',
            "reason",
            'type Reason string\n\nfunc (r Reason) Error() string { return "reason: " + string(r) }\n\n'
            'var reason Reason = "quota"\n',
        ),
        "it formats r of",
    ),
    # %x and %q call String (reach55c's verbs): the hex of Code's name, Glyph's name quoted
    "stringer_x": (line("stringer_x", "c Code", 'fmt.Sprintf("status %x", c)', "code", CODE), "it formats c of"),
    "stringer_q": (line("stringer_q", "g Glyph", 'fmt.Sprintf("glyph %q", g)', "glyph", GLYPH), "it formats g of"),
    # the package's own rune: %c of a Glyph is written rune(g), which would call it
    "rune_declared": (
        line(
            "rune_declared",
            "g Glyph",
            'fmt.Sprintf("glyph %c", g)',
            "glyph",
            "type Glyph int32\n\nfunc rune(g Glyph) int32 { return int32(g) + 1 }\n\nvar glyph Glyph = 'λ'\n",
        ),
        "rune",
    ),
    # an untyped constant whose value differs by GOARCH: go/types gives no value every build shares (the reason
    # printed "(None)" for its type before; it declined then too, so no naive mutant: see the README's limits)
    "max_int": (
        line("max_int", "name string", 'fmt.Sprintf("%s max=%d", name, math.MaxInt)', '"n"', "", '"fmt"\n\t"math"'),
        "it formats math.MaxInt, a constant another build may give another value",
    ),
    # the package's own string: string(h) would call it (a package declaring string can declare no string type of
    # its own: html/template's HTML, which now declines first, as another module's type)
    "string_declared": (
        'package string_declared\n\nimport (\n\t"fmt"\n\t"html/template"\n)\n\n'
        "// Line wraps a paragraph.\n//\n//go:noinline\n"
        'func Line(h template.HTML) template.HTML { return template.HTML(fmt.Sprintf("<p>%s</p>", h)) }\n\n'
        'func string(h template.HTML) template.HTML { return h + "!" }\n\nvar body template.HTML = "hi"\n\n'
        "// Probe wraps one paragraph.\nfunc Probe() template.HTML { return Line(body) }\n\nvar _ = fmt.Errorf\n",
        "it formats h of html/template.HTML, which a later release may give a String or Format method",
    ),
}


def _naive(old: str, new: str, imports: bool = True):
    def rewrite(source: str) -> str:
        added = source.replace('import (\n\t"fmt"', 'import (\n\t"fmt"\n\t"strconv"') if imports else source
        return added.replace(old, new)

    return rewrite


NAIVE = {
    "formatter_d": (_naive('fmt.Sprintf("total %d", c)', '"total " + ' + APPENDED.format("c")), "{pkg}.Probe()"),
    "pointer_operand": (
        _naive('fmt.Sprintf("%s booked %v", name, s)', 'name + " booked " + ' + APPENDED.format("*s")),
        "{pkg}.Probe()",
    ),
    "duration_v": (_naive('fmt.Sprintf("took %v", d)', '"took " + ' + APPENDED.format("d")), "{pkg}.Probe()"),
    "named_struct": (_naive('fmt.Sprintf("at %v", p)', '"at " + string(p)', False), "cannot convert"),
    "error_s": (_naive('fmt.Sprintf("denied: %s", r)', '"denied: " + string(r)', False), "{pkg}.Probe()"),
    "stringer_x": (
        _naive(
            'fmt.Sprintf("status %x", c)', '"status " + string(strconv.AppendInt(make([]byte, 0, 17), int64(c), 16))'
        ),
        "{pkg}.Probe()",
    ),
    "stringer_q": (
        _naive(
            'fmt.Sprintf("glyph %q", g)', '"glyph " + string(strconv.AppendQuoteRune(make([]byte, 0, 12), rune(g)))'
        ),
        "{pkg}.Probe()",
    ),
    "rune_declared": (_naive('fmt.Sprintf("glyph %c", g)', '"glyph " + string(rune(g))', False), "{pkg}.Probe()"),
    "string_declared": (
        _naive('fmt.Sprintf("<p>%s</p>", h)', '"<p>" + string(h) + "</p>"', False),
        "string({pkg}.Probe())",
    ),
}

globals().update(case_suite("iface-named", RULE, FIXES, DECLINES, NAIVE))


def test_a_defined_type_is_written_converted_to_its_underlying_type(proposed):
    after = edited(FIXES["user_id"][0], only_fix(proposed["user_id"]))
    assert 'return "user:" + ' + APPENDED.format("id") in after, after
    after = edited(FIXES["pointer_receiver"][0], only_fix(proposed["pointer_receiver"]))
    assert 'return host + ":" + ' + UNSIGNED.format("p") in after, after
    after = edited(FIXES["status"][0], only_fix(proposed["status"]))
    on = "strconv.FormatBool(bool(on))"
    want = f'"status=" + string(s) + "/" + string(s) + " admin=" + {on} + "/" + {on}'
    assert want in after, after
    after = edited(FIXES["rune_verbs"][0], only_fix(proposed["rune_verbs"]))
    assert "string(rune(g))" in after and "strconv.AppendQuoteRune(make([]byte, 0, 12), rune(l))" in after, after
    assert "strconv.AppendUint(make([]byte, 0, 17), uint64(m), 16)" in after, after
    after = edited(FIXES["field"][0], only_fix(proposed["field"]))
    assert "strconv.Itoa(int(s.user))" in after, after


def test_the_claim_names_the_conversion_as_each_release_prints_it(proposed):
    assert only_fix(proposed["user_id"]).claim.messages == (
        '"user:" + ' + APPENDED.format("id") + " escapes to heap",
        '"user:" + string(~r0) escapes to heap',
    )
    messages = only_fix(proposed["status"]).claim.messages
    assert messages == ('"status=" + string(s) + "/" + string(s) + " admin=" + ~r0 + "/" + ~r0 escapes to heap',)


# A String method only some builds declare (a linux file), or only `go test` compiles (a _test.go file): fmt calls
# it there, so %v declines; %d never calls it.
BUILDS = {
    "line.go": 'package builds\n\nimport "fmt"\n\n// Severity ranks an incident.\ntype Severity int\n\n'
    "// Level is a log level.\ntype Level int\n\n"
    '// Incident labels an incident.\nfunc Incident(s Severity) string { return fmt.Sprintf("sev %v", s) }\n\n'
    '// Prefix labels a line.\nfunc Prefix(l Level) string { return fmt.Sprintf("[%v]", l) }\n\n'
    '// Rank numbers an incident.\nfunc Rank(s Severity) string { return fmt.Sprintf("sev%d", s) }\n',
    "severity_linux.go": 'package builds\n\nfunc (s Severity) String() string { return "critical" }\n',
    "level_test.go": 'package builds\n\nimport "testing"\n\nfunc (l Level) String() string { return "info" }\n\n'
    'func TestPrefix(t *testing.T) {\n\tif got := Prefix(1); got != "[info]" {\n\t\tt.Fatal(got)\n\t}\n}\n\n'
    'func TestIncident(t *testing.T) {\n\tif got := Incident(2); got != "sev critical" {\n\t\tt.Fatal(got)\n\t}\n}\n',
}


def test_a_method_some_build_or_test_declares_declines_where_fmt_calls_it(tmp_path, toolchain):
    root = module(tmp_path, {f"builds/{name}": code for name, code in BUILDS.items()})
    found = proposals(root, RULE)["example.com/m/builds"]
    reasons = {p.reason.split(":")[0] for p in found if hasattr(p, "reason")}
    fixed = [p for p in found if not hasattr(p, "reason")]
    assert [t.line for f in fixed for t in f.targets] == [18], found  # Rank's %d alone
    assert any("it formats s of" in r for r in reasons) and any("it formats l of" in r for r in reasons), reasons
    # the naive rewrites: Incident on linux, Prefix under go test
    naive = BUILDS["line.go"].replace('fmt.Sprintf("[%v]", l)', '"[" + strconv.Itoa(int(l)) + "]"')
    naive = naive.replace('fmt.Sprintf("sev %v", s)', '"sev " + strconv.Itoa(int(s))')
    (root / "builds/line.go").write_text(naive.replace('import "fmt"', 'import (\n\t"fmt"\n\t"strconv"\n)'))
    ran = toolchain.run(["test", "./builds"], str(root))
    out = ran.stdout.decode()
    assert ran.returncode != 0 and "[1]" in out and "sev 2" in out, out


# The operand another build types otherwise: the field `cur.lvl` is a Level here and, under -tags other, an Other
# with String.
STEADY = {
    "line.go": 'package steady\n\nimport "fmt"\n\n// Level is a level.\ntype Level int\n\n'
    '// Other is another level.\ntype Other int\n\nfunc (Other) String() string { return "other" }\n\n'
    "var cur = holder{3}\n\n// Line labels the current level.\n"
    'func Line() string { return fmt.Sprintf("lvl=%v", cur.lvl) }\n\n'
    "var _ = fmt.Sprint\n",
    "cur_plain.go": "//go:build !other\n\npackage steady\n\ntype holder struct{ lvl Level }\n",
    "cur_other.go": "//go:build other\n\npackage steady\n\ntype holder struct{ lvl Other }\n",
}


def test_an_operand_another_build_types_otherwise_declines(tmp_path, toolchain):
    files = {f"steady/{name}": code for name, code in STEADY.items()}
    main = 'package main\n\nimport (\n\t"fmt"\n\n\t"example.com/m/steady"\n)\n\n'
    main += "func main() { fmt.Println(steady.Line()) }\n"
    root = module(tmp_path, {**files, "cmd/main.go": main})
    assert_declines(proposals(root, RULE)["example.com/m/steady"], "it formats cur.lvl")
    assert toolchain.run(["run", "-tags", "other", "./cmd"], str(root)).stdout.decode() == "lvl=other\n"
    naive = STEADY["line.go"].replace('fmt.Sprintf("lvl=%v", cur.lvl)', '"lvl=" + strconv.Itoa(int(cur.lvl))')
    (root / "steady/line.go").write_text(naive.replace('import "fmt"', 'import (\n\t"fmt"\n\t"strconv"\n)'))
    assert toolchain.run(["run", "-tags", "other", "./cmd"], str(root)).stdout.decode() == "lvl=3\n"


def _underlying(tmp_path, files: dict[str, str], name: str = "ID", file: str = "id.go") -> str | None:
    """methodless.underlying for an operand of type name declared in file among files, by a stand-in TypeInfo."""
    directory = tmp_path / f"d{len(list(tmp_path.iterdir()))}"
    directory.mkdir()
    for path, code in files.items():
        (directory / path).write_text(code)
    named = {"basic": "int", "name": name, "pkg": "p", "file": str(directory / file) if file else "", "std": False}
    facts = namespaces.SimpleNamespace(named=lambda *_: named)
    view = namespaces.SimpleNamespace(memo={}, package=namespaces.SimpleNamespace(dir=str(directory), standard=False))
    operand = parse(b"x").root_node
    return methodless.underlying(view, facts, "p.go", operand, "%v")


def test_what_the_directory_cannot_show_declines(tmp_path, monkeypatch):
    plain = {"id.go": "package p\n\ntype ID int\n"}
    assert _underlying(tmp_path, plain) == "int"
    # no file known (cgo's, an import go list does not name): the working directory is no place to look
    monkeypatch.chdir(tmp_path / "d0")  # where plain's id.go declares an ID without methods
    assert _underlying(tmp_path, plain, file="") is None
    # declared twice (per build): which one is this build's is not read here
    assert _underlying(tmp_path, {**plain, "id_windows.go": "package p\n\ntype ID string\n"}) is None


def test_a_method_the_reading_cannot_place_declines(tmp_path):
    base = {"id.go": "package p\n\ntype ID int\n"}
    # a file tree-sitter-go cannot parse (newer syntax) may declare String where no method_declaration shows it
    assert (
        _underlying(tmp_path, {**base, "bad.go": 'package p\n\nvar x = [\nfunc (i ID) String() string { return "" }\n'})
        is None
    )
    # a method on a receiver the reading cannot name (generic) may be ID's
    generic = 'package p\n\ntype List[T any] []T\n\nfunc (l List[T]) String() string { return "" }\n'
    assert _underlying(tmp_path, {"id.go": base["id.go"], "list.go": generic}) is None
    # a method declared on an alias of ID is ID's
    alias = 'package p\n\ntype Alias = ID\n\nfunc (Alias) String() string { return "" }\n'
    assert _underlying(tmp_path, {"id.go": base["id.go"], "alias.go": alias}) is None


# A type of another module: crypto/x509's ExtKeyUsage has no String in go1.24.11 and one from go1.26 on (go1.27.3
# prints `serverAuth`), as Go 1 compatibility allows any release to add; a Format would be called for every verb, %d
# of a time.Duration too. No reading of today's GOROOT, whichever --toolchain comes first, proves the program's later
# builds print the number: decline. The naive rewrite, kept as the mutant, prints `usage=1` under both releases
# where the original prints `usage=serverAuth` under go1.27.3.
USAGE = (
    'package main\n\nimport (\n\t"crypto/x509"\n\t"fmt"\n)\n\n'
    'func describe(u x509.ExtKeyUsage) string {\n\treturn fmt.Sprintf("usage=%v", u)\n}\n\n'
    "func main() { fmt.Println(describe(x509.ExtKeyUsageServerAuth)) }\n"
)
WAIT = line("wait", "d time.Duration", 'fmt.Sprintf("timeout_ns=%d", d)', "1500", "", '"fmt"\n\t"time"')
LATER = "which a later release may give a String or Format method"


def test_a_type_of_another_module_declines_whatever_release_reads_it(tmp_path):
    newest, older = releases()
    root = module(tmp_path, {"cmd/main.go": USAGE, "wait/wait.go": WAIT})
    alone = proposals(root, RULE, [older])  # the hunt's run: go1.24.11's GOROOT has no String on it
    assert_declines(alone["example.com/m/cmd"], f"it formats u of crypto/x509.ExtKeyUsage, {LATER}")
    assert_declines(alone["example.com/m/wait"], f"it formats d of time.Duration, {LATER}")
    assert_declines(proposals(root, RULE, [older, newest])["example.com/m/cmd"], LATER)
    assert_declines(proposals(root, RULE, [newest, older])["example.com/m/cmd"], "it formats u")  # String today
    assert older.run(["run", "./cmd"], str(root)).stdout.decode() == "usage=1\n"
    assert newest.run(["run", "./cmd"], str(root)).stdout.decode() == "usage=serverAuth\n"
    naive = USAGE.replace('fmt.Sprintf("usage=%v", u)', '"usage=" + ' + APPENDED.format("u"))
    (root / "cmd/main.go").write_text(naive.replace('\t"fmt"\n', '\t"fmt"\n\t"strconv"\n'))
    assert older.run(["run", "./cmd"], str(root)).stdout.decode() == "usage=1\n"
    assert newest.run(["run", "./cmd"], str(root)).stdout.decode() == "usage=1\n"  # the mutant's frozen print

"""iface-direct's integers and bools in a `fmt.Sprintf` (Sprint, Sprintln) concatenation (digits.py): `%d` or `%v`
of Go's own integer types, `%t` or `%v` of a bool, become strconv's appends, Itoa, FormatInt, FormatUint or
FormatBool, which print the same bytes and allocate no more for any value. Every must-decline keeps its naive
rewrite as a mutant that computes another string, does not build, or allocates more.
"""

from __future__ import annotations

from conftest import allocs_of, assert_declines, case_suite, edited, module, only_fix, proposals

from gorewrite.rules import RULES

RULE = RULES["iface-direct"]

# Package-level values, so the operands are no constants; ports and counts past 255 box by allocating.
VALUES = 'var host, name = "db.internal", "users"\n\n'


def case(name: str, body: str, imports: str = '"fmt"', keep: bool = True) -> str:
    """Package name with the body; `keep`: a use of fmt no rewrite takes, so the import stays."""
    kept = "\nvar _ = fmt.Errorf\n" if keep else ""
    return f"package {name}\n\nimport (\n\t{imports}\n)\n\n{VALUES}{body}{kept}"


def line(name: str, params: str, call: str, args: str, imports: str = '"fmt"', inline: bool = False) -> str:
    """A case whose Line returns the call (the compiler may inline it where `inline`), and whose Probe calls
    Line with args."""
    pragma = "" if inline else "//\n//go:noinline\n"
    body = f"// Line builds a line.\n{pragma}func Line({params}) string {{\n\treturn {call}\n}}\n\n"
    return case(name, body + f"// Probe builds one line.\nfunc Probe() string {{ return Line({args}) }}\n", imports)


APPENDED = "string(strconv.AppendInt(make([]byte, 0, 20), int64({}), 10))"

FIXES = {
    # the address: a host and a port
    "endpoint": (line("endpoint", "host string, port int", 'fmt.Sprintf("%s:%d", host, port)', "host, 8443"),)
    + ("{pkg}.Probe()",),
    # every integer kind, `%v` of a rune and a byte printing numbers, a bool by `%t`
    "kinds": (
        line(
            "kinds",
            "id int64, shard uint32, r rune, b byte, p uintptr, ok bool",
            'fmt.Sprintf("id=%d shard=%d r=%v b=%v p=%d ok=%t", id, shard, r, b, p, ok)',
            "-9223372036854775808, 4294967295, 'é', 200, 4096, true",
        ),
        "{pkg}.Probe()",
    ),
    # Sprint spaces two operands neither of which is a string, and only those
    "sprint_spacing": (
        line("sprint_spacing", "n, m int, ok bool", 'fmt.Sprint("n=", n, m, "!", ok, n)', "300, -7, false"),
        "{pkg}.Probe()",
    ),
    # a number or bool constant is no string: Sprint spaces it from a number beside it ("300 5 truex97")
    "sprint_constants": (
        line("sprint_constants", "n int", "fmt.Sprint(n, 5, true, \"x\", 'a')", "300"),
        "{pkg}.Probe()",
    ),
    "sprintln": (line("sprintln", "host string, n int", "fmt.Sprintln(host, n)", "host, 1000"), "{pkg}.Probe()"),
    # one integer alone: Itoa, FormatInt, FormatUint, which allocate nothing below 100 and one string above
    "alone_int": (line("alone_int", "n int", 'fmt.Sprintf("%d", n)', "1000"), "{pkg}.Probe()"),
    "alone_int16": (line("alone_int16", "n int16", "fmt.Sprint(n)", "-300"), "{pkg}.Probe()"),
    "alone_uint": (line("alone_uint", "n uint", 'fmt.Sprintf("%v", n)', "65535"), "{pkg}.Probe()"),
    "alone_bool": (line("alone_bool", "ok bool", 'fmt.Sprintf("%t", ok)', "true"), "{pkg}.Probe()"),
    # constants print inline: an untyped one (int), a typed int8, a bool
    "constants": (
        line("constants", "host string", 'fmt.Sprintf("%s:%d/%v/%t", host, Port, int8(-3), true)', "host")
        + "\n// Port is the default port.\nconst Port = 9090\n",
        "{pkg}.Probe()",
    ),
    # fields read through a pointer, as a String method reads its struct's
    "fields": (
        line("fields", "r *request", 'fmt.Sprintf("%s %d %dms", r.method, r.status, r.millis)', "req")
        + "\ntype request struct {\n\tmethod string\n\tstatus int\n\tmillis int64\n}\n\n"
        + 'var req = &request{"GET", 503, 1200}\n',
        "{pkg}.Probe()",
    ),
    # no constant between them: string(b) copies into a stack buffer, or is static data for one byte
    "no_constant": (line("no_constant", "name string, n int", 'fmt.Sprintf("%s%d", name, n)', "name, 300"),)
    + ("{pkg}.Probe()",),
    # the file imports strconv already: the rewrite adds nothing
    "strconv_imported": (
        line(
            "strconv_imported", "host string, n int", 'fmt.Sprintf("%s#%d", host, n)', "host, 300", '"fmt"\n\t"strconv"'
        )
        + "\nvar _ = strconv.Quote\n",
        "{pkg}.Probe()",
    ),
    # the file's only use of fmt goes: strconv takes its import's place
    "import_swapped": (
        case(
            "import_swapped",
            "// Key keys a shard.\n//\n//go:noinline\n"
            'func Key(shard int) string { return fmt.Sprintf("shard-%d", shard) }\n\n'
            "// Probe keys one shard.\nfunc Probe() string { return Key(4096) }\n",
            keep=False,
        ),
        "{pkg}.Probe()",
    ),
}

DECLINES = {
    # %v calls a named type's String
    "stringer_v": (
        line("stringer_v", "host string, p Port", 'fmt.Sprintf("%s%v", host, p)', "host, 8080", '"fmt"\n\t"strconv"')
        + "\n// Port is a TCP port.\ntype Port int\n\n"
        + 'func (p Port) String() string { return ":" + strconv.Itoa(int(p)) }\n',
        "it formats p of",
    ),
    # %d calls a named type's Format
    "formatter_d": (
        line("formatter_d", "c Code", 'fmt.Sprintf("status %d", c)', "404")
        + "\n// Code is an HTTP status.\ntype Code int\n\n"
        + 'func (c Code) Format(f fmt.State, _ rune) { fmt.Fprintf(f, "%dxx", int(c)/100) }\n',
        "it formats c of",
    ),
    "width": (line("width", "n int", 'fmt.Sprintf("seg-%06d", n)', "42"), "%06d prints other bytes"),
    "plus": (line("plus", "n int", 'fmt.Sprintf("delta=%+d", n)', "5"), "%+d prints other bytes"),
    "bool_d": (line("bool_d", "ok bool", 'fmt.Sprintf("ok=%d", ok)', "true"), "%d of ok (bool)"),
    "int_t": (line("int_t", "n int", 'fmt.Sprintf("n=%t", n)', "1"), "%t of n (int)"),
    "string_d": (line("string_d", "host string", 'fmt.Sprintf("h=%d", host)', "host"), "%d of host (string)"),
    # constants under a verb that prints them otherwise: %!d(string=v1), %!d(bool=true), %!t(int=5)
    "string_constant_d": (
        line("string_constant_d", "host string", 'fmt.Sprintf("%s v=%d", host, Version)', "host")
        + '\nconst Version = "v1"\n',
        "%d of the constant Version",
    ),
    "bool_constant_d": (
        line("bool_constant_d", "host string", 'fmt.Sprintf("%s ok=%d", host, true)', "host"),
        "%d of the constant true",
    ),
    "int_constant_t": (
        line("int_constant_t", "host string", 'fmt.Sprintf("%s n=%t", host, 5)', "host"),
        "%t of the constant 5",
    ),
    # go/constant holds float64(3) as an integer value; fmt prints %!d(float64=3)
    "float_constant": (
        line("float_constant", "host string", 'fmt.Sprintf("%s=%d", host, float64(3))', "host"),
        "%d of the constant float64(3)",
    ),
    # another package's constant of a named type with String: %v prints "1s", its go/constant value 1000000000
    "duration_v": (
        line("duration_v", "host string", 'fmt.Sprintf("%s %v", host, time.Second)', "host", '"fmt"\n\t"time"')
        + "\nvar _ = time.Now\n",
        "it formats time.Second, a constant of a type whose methods",
    ),
    # the package's own strconv, whose FormatBool says something else
    "strconv_declared": (
        line("strconv_declared", "host string, ok bool", 'fmt.Sprintf("%s=%t", host, ok)', "host, true")
        + '\ntype conv struct{}\n\nfunc (conv) FormatBool(bool) string { return "yes" }\n\nvar strconv conv\n',
        "the file names strconv otherwise",
    ),
    # the file imports another package as strconv
    "strconv_other": (
        line(
            "strconv_other",
            "host string, ok bool",
            'fmt.Sprintf("%s=%t", host, ok)',
            "host, true",
            '"fmt"\n\tstrconv "strings"',
        )
        + "\nvar _ = strconv.ToUpper\n",
        'strconv names strconv "strings" in the file',
    ),
    # a function's own strconv shadows the file's import
    "strconv_local": (
        line(
            "strconv_local",
            "host string, ok bool",
            'fmt.Sprintf("%s=%t", host, ok)',
            "host, true",
            '"fmt"\n\t"strconv"',
        ).replace("\treturn fmt", "\tstrconv := conv{}\n\t_ = strconv\n\treturn fmt")
        + '\nvar _ = strconv.Quote\n\ntype conv struct{}\n\nfunc (conv) FormatBool(bool) string { return "yes" }\n',
        "the rewrite would call strconv, a name the package declares",
    ),
    # the package's own make: make([]byte, 0, 20) would call it
    "make_declared": (
        line("make_declared", "host string, n int", 'fmt.Sprintf("%s:%d", host, n)', "host, 300")
        + "\nfunc make(n int) []byte { return nil }\n",
        "the rewrite would write make, a name the package declares",
    ),
    # the package's own byte (int8): make([]byte, 0, 20) is no AppendInt dst
    "byte_declared": (
        line("byte_declared", "host string, n int", 'fmt.Sprintf("%s:%d", host, n)', "host, 300")
        + "\ntype byte = int8\n",
        "the rewrite would write byte, a name the package declares",
    ),
}


def _naive(old: str, new: str):
    def rewrite(source: str) -> str:
        imported = (
            '\t"strconv"' in source
            or "strconv" not in new
            or source.replace('import (\n\t"fmt"', 'import (\n\t"fmt"\n\t"strconv"')
        )
        return (source if imported is True else imported).replace(old, new)

    return rewrite


NAIVE = {
    "stringer_v": (_naive('fmt.Sprintf("%s%v", host, p)', "host + " + APPENDED.format("p")), "{pkg}.Probe()"),
    "formatter_d": (_naive('fmt.Sprintf("status %d", c)', '"status " + ' + APPENDED.format("c")), "{pkg}.Probe()"),
    "width": (_naive('fmt.Sprintf("seg-%06d", n)', '"seg-" + ' + APPENDED.format("n")), "{pkg}.Probe()"),
    "plus": (_naive('fmt.Sprintf("delta=%+d", n)', '"delta=" + ' + APPENDED.format("n")), "{pkg}.Probe()"),
    "bool_d": (_naive('fmt.Sprintf("ok=%d", ok)', '"ok=" + strconv.FormatBool(ok)'), "{pkg}.Probe()"),
    "int_t": (_naive('fmt.Sprintf("n=%t", n)', '"n=" + ' + APPENDED.format("n")), "{pkg}.Probe()"),
    "string_d": (_naive('fmt.Sprintf("h=%d", host)', '"h=" + host'), "{pkg}.Probe()"),
    "string_constant_d": (_naive('fmt.Sprintf("%s v=%d", host, Version)', 'host + " v=" + Version'), "{pkg}.Probe()"),
    "bool_constant_d": (_naive('fmt.Sprintf("%s ok=%d", host, true)', 'host + " ok=true"'), "{pkg}.Probe()"),
    "int_constant_t": (_naive('fmt.Sprintf("%s n=%t", host, 5)', 'host + " n=5"'), "{pkg}.Probe()"),
    "float_constant": (_naive('fmt.Sprintf("%s=%d", host, float64(3))', 'host + "=3"'), "{pkg}.Probe()"),
    "duration_v": (_naive('fmt.Sprintf("%s %v", host, time.Second)', 'host + " 1000000000"'), "{pkg}.Probe()"),
    "strconv_declared": (
        lambda s: s.replace('fmt.Sprintf("%s=%t", host, ok)', 'host + "=" + strconv.FormatBool(ok)'),
        "{pkg}.Probe()",
    ),
    "strconv_other": (
        lambda s: s.replace('fmt.Sprintf("%s=%t", host, ok)', 'host + "=" + strconv.FormatBool(ok)'),
        "undefined: strconv.FormatBool",
    ),
    "strconv_local": (
        lambda s: s.replace('fmt.Sprintf("%s=%t", host, ok)', 'host + "=" + strconv.FormatBool(ok)'),
        "{pkg}.Probe()",
    ),
    "make_declared": (_naive('fmt.Sprintf("%s:%d", host, n)', 'host + ":" + ' + APPENDED.format("n")), "too many"),
    "byte_declared": (
        _naive('fmt.Sprintf("%s:%d", host, n)', 'host + ":" + ' + APPENDED.format("n")),
        "cannot use make([]byte, 0, 20)",
    ),
}

globals().update(case_suite("iface-digits", RULE, FIXES, DECLINES, NAIVE))


def test_integers_and_bools_become_strconv_calls(proposed):
    after = edited(FIXES["endpoint"][0], only_fix(proposed["endpoint"]))
    assert 'return host + ":" + ' + APPENDED.format("port") in after and '\t"strconv"' in after, after
    after = edited(FIXES["kinds"][0], only_fix(proposed["kinds"]))
    assert "strconv.AppendInt(make([]byte, 0, 20), id, 10)" in after, after
    assert "strconv.AppendUint(make([]byte, 0, 20), uint64(shard), 10)" in after, after
    assert "strconv.AppendInt(make([]byte, 0, 20), int64(r), 10)" in after, after
    assert "strconv.AppendUint(make([]byte, 0, 20), uint64(b), 10)" in after, after
    assert '" ok=" + strconv.FormatBool(ok)' in after, after
    after = edited(FIXES["sprint_spacing"][0], only_fix(proposed["sprint_spacing"]))
    n, m = APPENDED.format("n"), APPENDED.format("m")
    assert f'return "n=" + {n} + " " + {m} + "!" + strconv.FormatBool(ok) + " " + {n}' in after, after
    after = edited(FIXES["constants"][0], only_fix(proposed["constants"]))
    assert 'return host + ":9090/-3/true"' in after, after


def test_one_number_alone_is_strconvs_own_string(proposed):
    expected = {
        "alone_int": "return strconv.Itoa(n)",
        "alone_int16": "return strconv.FormatInt(int64(n), 10)",
        "alone_uint": "return strconv.FormatUint(uint64(n), 10)",
        "alone_bool": "return strconv.FormatBool(ok)",
    }
    for name, want in expected.items():
        fix = only_fix(proposed[name])
        assert want in edited(FIXES[name][0], fix), name
        assert fix.claim.messages == (), fix.claim  # strconv allocates inside itself: no concatenation's message


def test_the_claim_names_the_concatenation_as_each_release_prints_it(proposed):
    fix = only_fix(proposed["endpoint"])
    assert fix.claim.messages == (
        'host + ":" + ' + APPENDED.format("port") + " escapes to heap",
        'host + ":" + string(~r0) escapes to heap',
    )
    fix = only_fix(proposed["fields"])
    assert fix.claim.messages[1] == 'r.method + " " + string(~r0) + " " + string(~r0) + "ms" escapes to heap'


def test_the_last_fmt_call_gives_its_import_to_strconv(proposed):
    after = edited(FIXES["import_swapped"][0], only_fix(proposed["import_swapped"]))
    assert '"fmt"' not in after and '\t"strconv"\n' in after, after
    assert 'return "shard-" + ' + APPENDED.format("shard") in after, after


def test_a_concatenation_with_no_constant_allocates_no_more_for_any_value(tmp_path):
    """`%s%d` of "" and 5 is "5": fmt's one-byte result is static data, and so is string(b) of one byte, which the
    concatenation returns as it is (its only non-empty operand); from two bytes on each allocates once, and fmt
    boxes values past 255 besides. Measured, not assumed, under both releases."""
    source = FIXES["no_constant"][0]
    rewritten = source.replace('fmt.Sprintf("%s%d", name, n)', "name + " + APPENDED.format("n"))
    rewritten = rewritten.replace('import (\n\t"fmt"', 'import (\n\t"fmt"\n\t"strconv"')
    probes = {f"v{n}".replace("-", "minus"): f'{{pkg}}.Line("", {n})' for n in (5, 42, 150, 300, -1)}
    cases = {
        name: (source.replace("no_constant", name), rewritten.replace("no_constant", name), call)
        for name, call in probes.items()
    }
    for release, found in allocs_of(tmp_path, cases).items():
        for name, (before, after, result, concatenated) in found.items():
            assert result == concatenated and after <= before, (release, name, before, after)


def test_appends_that_may_pass_the_inliners_budget_decline(tmp_path, toolchain):
    """The function's cost (-m=2) and what the concatenation adds at most (budget.py) must stay within 80: two
    appends never do (go1.24 inlines neither AppendInt nor AppendUint, 57 each), one beside an `if` does not here
    (std's benchmarkName: 73, 81 after under go1.27.3), nor one append and a FormatBool (89). One append in a
    function that is the call alone stays within, and so do FormatBools and strings alone, which add less than
    fmt's call cost."""
    source = line(
        "inlined", "host string, a, b int", 'fmt.Sprintf("%s:%d-%d", host, a, b)', "host, 300, 400", inline=True
    )
    root = module(tmp_path, {"inlined/inlined.go": source})
    found = proposals(root, RULE)["example.com/m/inlined"]
    assert_declines(found, "the compiler inlines Line (cost")
    one = source.replace('"%s:%d-%d", host, a, b', '"%s:%d-", host, a')
    root = module(tmp_path / "one", {"inlined/inlined.go": one})
    assert only_fix(proposals(root, RULE)["example.com/m/inlined"])  # one append stays within the budget
    beside = source.replace(
        '\treturn fmt.Sprintf("%s:%d-%d", host, a, b)',
        '\tif a != 1 {\n\t\treturn fmt.Sprintf("%s-%d", host, a)\n\t}\n\treturn host',
    )
    root = module(tmp_path / "beside", {"inlined/inlined.go": beside})
    found = proposals(root, RULE)["example.com/m/inlined"]
    assert_declines(found, "the compiler inlines Line (cost")
    flagged = line(
        "inlined", "host string, a int, ok bool", 'fmt.Sprintf("%s:%d-%t", host, a, ok)', "host, 3, true", inline=True
    )
    root = module(tmp_path / "flagged", {"inlined/inlined.go": flagged})
    found = proposals(root, RULE)["example.com/m/inlined"]  # the verifier's go1.27.3: cost 89 exceeds budget 80
    assert_declines(found, "the compiler inlines Line (cost")
    flags = flagged.replace('"%s:%d-%t", host, a, ok', '"%s:%t-%t", host, ok, ok')
    root = module(tmp_path / "flags", {"inlined/inlined.go": flags})
    assert only_fix(proposals(root, RULE)["example.com/m/inlined"])  # FormatBools alone stay within the budget
    noted = one.replace('"%s:%d-", host, a)\n', '"%s:%d-", host, a) // the host and a port\n')
    root = module(tmp_path / "noted", {"inlined/inlined.go": noted})
    assert only_fix(proposals(root, RULE)["example.com/m/inlined"])  # a comment is no statement the inliner counts
    alone = beside.replace('fmt.Sprintf("%s-%d", host, a)', 'fmt.Sprintf("%d", a)')
    root = module(tmp_path / "alone", {"inlined/inlined.go": alone})
    assert only_fix(proposals(root, RULE)["example.com/m/inlined"])  # strconv.Itoa costs the inliner no more
    nested = case(
        "inlined",
        "// Check panics on a port out of range.\nfunc Check(host string, port int) {\n\tif port > 65535 {\n"
        '\t\tpanic(fmt.Sprintf("%s: bad port %d", host, port))\n\t}\n}\n',
    )
    root = module(tmp_path / "nested", {"inlined/inlined.go": nested})
    found = proposals(root, RULE)["example.com/m/inlined"]
    assert_declines(found, "the compiler inlines Check (cost")


TAGGED = {
    "line.go": """package tagged

import "fmt"

type entry struct{ meta }

// Line labels an entry by key.
//
//go:noinline
func Line(k string, e *entry) string { return fmt.Sprintf("%s=%d;", k, e.n) }

// Probe labels one entry.
func Probe() string { return Line("key", &entry{newMeta()}) }
""",
    "meta_plain.go": """//go:build !named

package tagged

type meta struct{ n int }

func newMeta() meta { return meta{300} }
""",
    "meta_named.go": """//go:build named

package tagged

import "fmt"

// Num prints with a sign of its own.
type Num int

func (n Num) Format(f fmt.State, _ rune) { fmt.Fprintf(f, "#%d", int(n)) }

type meta struct{ n Num }

func newMeta() meta { return meta{300} }
""",
}


def test_an_int_whose_type_another_build_declares_otherwise_declines(tmp_path, toolchain):
    """go/types reads the build without tags, where e.n is an int; `-tags named` makes it a Num, whose Format fmt
    calls: the naive concatenation gives "key=300;" there for "key=#300;"."""
    files = {f"tagged/{name}": code for name, code in TAGGED.items()}
    files |= {f"naive/{name}": code.replace("package tagged", "package naive") for name, code in TAGGED.items()}
    appended = APPENDED.format("e.n")
    naive = files["naive/line.go"].replace('fmt.Sprintf("%s=%d;", k, e.n)', f'k + "=" + {appended} + ";"')
    files["naive/line.go"] = naive.replace('import "fmt"', 'import "strconv"')
    main = 'package main\n\nimport (\n\t"fmt"\n\n\t"example.com/m/naive"\n\t"example.com/m/tagged"\n)\n\n'
    files["compare/main.go"] = main + "func main() { fmt.Println(tagged.Probe(), naive.Probe()) }\n"
    root = module(tmp_path, files)
    found = proposals(root, RULE)["example.com/m/tagged"]
    assert_declines(found, "it formats e.n, whose type may have methods fmt calls, here or in another build")
    ran = toolchain.run(["run", "-tags", "named", "./compare"], str(root))
    assert ran.stdout.decode().split() == ["key=#300;", "key=300;"], ran.stdout.decode() + ran.stderr.decode()


NAMED_STRCONV = {
    "conv/conv.go": 'package strconv\n\n// Quote brackets s.\nfunc Quote(s string) string { return "<" + s + ">" }\n',
    "named/named.go": line(
        "named", "host string, n int", 'fmt.Sprintf("%s:%d", host, n)', "host, 300", '"fmt"\n\n\t"example.com/m/conv"'
    )
    + '\nvar _ = strconv.Quote("x")\n',
}


def test_a_package_named_strconv_under_another_path_declines(tmp_path, toolchain):
    """example.com/m/conv's package clause says strconv: the file's `strconv` is that package, and the import of
    Go's strconv the naive rewrite adds clashes with it (strconv redeclared in this block)."""
    root = module(tmp_path, NAMED_STRCONV)
    assert_declines(proposals(root, RULE)["example.com/m/named"], "the file names strconv otherwise")
    source = NAMED_STRCONV["named/named.go"]
    naive = source.replace('fmt.Sprintf("%s:%d", host, n)', 'host + ":" + ' + APPENDED.format("n"))
    (root / "named/named.go").write_text(naive.replace('import (\n\t"fmt"', 'import (\n\t"fmt"\n\t"strconv"'))
    built = toolchain.run(["build", "./named"], str(root))
    assert built.returncode != 0 and "strconv redeclared" in built.stderr.decode(), built.stderr.decode()


# Another file of the package imports strconv: an import's name is its own file's, so the rewrite adds the import to
# its file (the census declined 74 such sites in std's cryptotest, internal/profile, crypto/tls, … as declared names).
ELSEWHERE = {
    "elsewhere/line.go": 'package elsewhere\n\nimport "fmt"\n\n// Line builds a line.\n//\n//go:noinline\n'
    'func Line(host string, n int) string {\n\treturn fmt.Sprintf("%s:%d", host, n)\n}\n',
    "elsewhere/quote.go": 'package elsewhere\n\nimport (\n\t"fmt"\n\t"strconv"\n)\n\n// Quote quotes s.\n'
    'func Quote(s string) string {\n\tq := strconv.Quote(s)\n\treturn fmt.Sprintf("[%q]", q)\n}\n',  # a declined site
}


def test_another_files_import_of_strconv_is_no_declaration_of_the_package(tmp_path, toolchain):
    root = module(tmp_path, ELSEWHERE)
    fix = only_fix(proposals(root, RULE)["example.com/m/elsewhere"])
    after = edited(ELSEWHERE["elsewhere/line.go"], fix)
    assert '"strconv"' in after and '"fmt"' not in after and APPENDED.format("n") in after, after
    (root / "elsewhere/line.go").write_text(after)
    built = toolchain.run(["vet", "./elsewhere"], str(root))
    assert built.returncode == 0, built.stderr.decode()

"""iface-direct's Errorf (concatenated.py, errorf.py): `fmt.Errorf` with no `%w` of strings becomes `errors.New` of
the concatenation, where `errors` is Go's package. Each fix's allocation call prints the error's dynamic type and
message (`%T %q`) before and after, under go1.24.11 and go1.27.3; every must-decline keeps its naive rewrite as a
mutant that prints another type or message, panics, or does not build.
"""

from __future__ import annotations

import subprocess

from conftest import assert_declines, case_suite, edited, in_process, module, only_fix, proposals, releases

from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["iface-direct"]

VALUES = 'var host, port = "db.internal", "5432"\n\nvar errClosed = errors.New("closed")\n\n'
SHOWN = 'fmt.Sprintf("%T %q", {pkg}.Check(), {pkg}.Check())'  # the dynamic type and the message, allocating alike
PROBE = """
// Probe shows the error: its type, message and whether it wraps errClosed, or the panic making it.
func Probe() (out string) {
	defer func() {
		if r := recover(); r != nil {
			out = fmt.Sprint("panic: ", r)
		}
	}()
	err := Check()
	return fmt.Sprintf("%T %q %v", err, err, errors.Is(err, errClosed))
}
"""


def case(name: str, check: str, imports: str = '"errors"\n\t"fmt"', params: str = "host, port string") -> str:
    """Package name whose Check returns the call (by way of Make, not inlined); fmt stays for Probe."""
    args = ", ".join(p.split()[0] for p in params.split(", ")) if params else ""
    body = f"// Make makes the error.\n//\n//go:noinline\nfunc Make({params}) error {{\n\treturn {check}\n}}\n\n"
    body += f"// Check makes one error.\nfunc Check() error {{ return Make({args}) }}\n"
    return f"package {name}\n\nimport (\n\t{imports}\n)\n\n{VALUES}{body}{PROBE}"


FIXES = {
    # the address: the file imports errors already
    "imported": (case("imported", 'fmt.Errorf("dial %s: port %s refused", host, port)'), SHOWN),
    # one operand alone: errors.New(host) shares the string, which is as immutable as fmt's copy
    "alone": (case("alone", 'fmt.Errorf("%s", host)', params="host string"), SHOWN),
    # %v of a string and a []byte under %s (string(raw) copies it, a nil one is "")
    "bytes": (case("bytes", 'fmt.Errorf("%v: %s", host, raw)', params="host string, raw []byte"), SHOWN),
}
FIXES["bytes"] = (FIXES["bytes"][0].replace("Make(host, raw)", 'Make(host, []byte("x"))'), SHOWN)
# a call to the right that writes the operand: errors.New is itself a call where fmt.Errorf stood, its argument read
# before next() runs, as fmt's were (evaluated.py): the message shows the host before next changed it
FIXES["later_call"] = (
    case("later_call", 'join(fmt.Errorf("dial %s", host), next())', params="host string").replace(
        "func Make(host string)", "func Make(_ string)"
    )
    + '\nfunc next() error { host = "changed"; return nil }\n\nfunc join(a, b error) error { return a }\n',
    SHOWN,
)

# The files below import no errors: the rewrite adds the import (fmt stays for the others' Probe and ErrorfKept).
ADDED = """package {name}

import (
{imports}
)

var host, port = "db.internal", "5432"

// Make makes the error.
//
//go:noinline
func Make(host, port string) error {{
	return fmt.Errorf("dial %s: port %s refused", host, port)
}}

// Check makes one error.
func Check() error {{ return Make(host, port) }}
{rest}"""
# fmt stays for Show; a field named errors is no name of a scope
KEEP = """
// Show prints an error.
func Show(err error) string { return fmt.Sprint(err) }

type report struct{ errors []string }

func (r *report) count() int { return len(r.errors) }
"""
FIXES["added"] = (ADDED.format(name="added", imports='\t"fmt"', rest=KEEP), SHOWN)
# fmt's last use goes: its spec becomes "errors", grouped or alone
FIXES["swapped"] = (
    ADDED.format(name="swapped", imports='\t"fmt"\n\t"strings"', rest="\nvar _ = strings.ToUpper\n"),
    SHOWN,
)
FIXES["swapped_alone"] = (ADDED.format(name="swapped_alone", imports='\t"fmt"', rest=""), SHOWN)
FIXES["swapped_alone"] = (FIXES["swapped_alone"][0].replace('import (\n\t"fmt"\n)', 'import "fmt"'), SHOWN)
# the file imports Go's errors under another name: errors is added beside it
ALIASED = ADDED.format(
    name="aliased", imports='\tstderrors "errors"\n\t"fmt"', rest=KEEP + '\nvar errBase = stderrors.New("base")\n'
)
FIXES["aliased"] = (ALIASED, SHOWN)
# fmt's last uses are a Sprintf and an Errorf: errors.New comes with the Sprintf's fix too
FIXES["mixed_dropped"] = (
    ADDED.format(name="mixed_dropped", imports='\t"fmt"', rest="")
    + '\n// Key builds a key.\nfunc Key(host, port string) string { return fmt.Sprintf("%s:%s", host, port) }\n',
    SHOWN,
)
# fmt's last use is an Errorf of a number and the file imports neither errors nor strconv: errors takes fmt's
# place and strconv is inserted beside it (a lone `import "fmt"` becomes a group)
NUMBERED = ADDED.format(name="numbered_alone", imports='\t"fmt"', rest="").replace(
    'import (\n\t"fmt"\n)', 'import "fmt"'
)
NUMBERED = NUMBERED.replace('"db.internal", "5432"', '"db.internal", 5432').replace(
    "host, port string", "host string, port int"
)
FIXES["numbered_alone"] = (NUMBERED.replace('port %s refused"', 'port %d refused"'), SHOWN)

DECLINES = {
    # %w: errors.Is finds errClosed through fmt's error only
    "wrap": (
        case("wrap", 'fmt.Errorf("dial %s: %w", host, cause)', params="host string, cause error").replace(
            "Make(host, cause)", "Make(host, errClosed)"
        ),
        "wraps an operand with %w",
    ),
    # %v of an error: fmt prints <nil> for a nil one (and catches a panic in Error), `.Error()` panics
    "error_v": (
        case("error_v", 'fmt.Errorf("dial %s: %v", host, cause)', params="host string, cause error").replace(
            "Make(host, cause)", "Make(host, nil)"
        ),
        "it formats cause of error",
    ),
    # a named type with a String method: fmt calls it
    "stringer": (
        case("stringer", 'fmt.Errorf("dial %s: %s", host, p)', params="host string, p portName").replace(
            "Make(host, p)", 'Make(host, "5432")'
        )
        + '\ntype portName string\n\nfunc (p portName) String() string { return "port " + string(p) }\n',
        "portName",
    ),
    # a local named errors shadows the import where the call is
    "shadowed": (
        case("shadowed", 'fmt.Errorf("dial %s: %s", host, port)').replace(
            "error {\n\treturn fmt", "error {\n\terrors := codes{}\n\t_ = errors\n\treturn fmt"
        )
        + "\ntype codes struct{}\n\nfunc (codes) New(string) error { return nil }\n",
        "errors at line",
    ),
    # a local named errors in the function enclosing the func literal holding the call: go/types is asked about the
    # literal only, so that errors has no answer (unshadowed: an identifier it cannot name declines)
    "enclosing": (
        case("enclosing", 'run(func() error {\n\t\treturn fmt.Errorf("dial %s: %s", host, port)\n\t})').replace(
            "error {\n\treturn run", "error {\n\terrors := codes{}\n\t_ = errors\n\treturn run"
        )
        + "\ntype codes struct{}\n\nfunc (codes) New(string) error { return nil }\n"
        + "\n//go:noinline\nfunc run(f func() error) error { return f() }\n",
        "errors at line",
    ),
    # no import of errors, and a local named errors: the import the rewrite adds would be shadowed
    "local_named": (
        ADDED.format(name="local_named", imports='\t"fmt"', rest="").replace(
            "error {\n\treturn fmt", "error {\n\terrors := codes{}\n\t_ = errors\n\treturn fmt"
        )
        + "\ntype codes struct{}\n\nfunc (codes) New(string) error { return nil }\n",
        "errors at line",
    ),
    # an Errorf as a statement is dropped code: a concatenation (or errors.New's result) may not stand alone
    "unused": (
        case("unused", "nil") + '\nfunc drop(host string) { fmt.Errorf("dial %s", host) }\n',
        "its result is unused",
    ),
}


def _naive(old: str, new: str, add: bool = False):
    def rewrite(source: str) -> str:
        out = source.replace(old, new)
        return out.replace('import (\n\t"fmt"', 'import (\n\t"errors"\n\t"fmt"') if add else out

    return rewrite


NAIVE = {
    "wrap": (
        _naive('fmt.Errorf("dial %s: %w", host, cause)', 'errors.New("dial " + host + ": " + cause.Error())'),
        "{pkg}.Probe()",
    ),
    "error_v": (
        _naive('fmt.Errorf("dial %s: %v", host, cause)', 'errors.New("dial " + host + ": " + cause.Error())'),
        "{pkg}.Probe()",
    ),
    "stringer": (
        _naive('fmt.Errorf("dial %s: %s", host, p)', 'errors.New("dial " + host + ": " + string(p))'),
        "{pkg}.Probe()",
    ),
    "shadowed": (
        _naive('fmt.Errorf("dial %s: %s", host, port)', 'errors.New("dial " + host + ": " + port)'),
        "{pkg}.Probe()",
    ),
    "enclosing": (
        _naive('fmt.Errorf("dial %s: %s", host, port)', 'errors.New("dial " + host + ": " + port)'),
        "{pkg}.Probe()",
    ),
    "local_named": (
        _naive(
            'fmt.Errorf("dial %s: port %s refused", host, port)',
            'errors.New("dial " + host + ": port " + port + " refused")',
            add=True,
        ),
        "imported and not used",
    ),
}

globals().update(case_suite("iface-errorf", RULE, FIXES, DECLINES, NAIVE))


def test_errorf_becomes_errors_new_of_the_concatenation(proposed):
    fix = only_fix(proposed["imported"])
    assert 'return errors.New("dial " + host + ": port " + port + " refused")' in edited(FIXES["imported"][0], fix)
    assert fix.claim.messages == (
        '"dial " + host + ": port " + port + " refused" escapes to heap',
        "&errors.errorString{...} escapes to heap",
    )
    assert "return errors.New(host)" in edited(FIXES["alone"][0], only_fix(proposed["alone"]))
    assert only_fix(proposed["alone"]).claim.messages == ("&errors.errorString{...} escapes to heap",)


def test_the_import_is_added_or_takes_the_place_of_fmt(proposed):
    after = edited(FIXES["added"][0], only_fix(proposed["added"]))
    assert '\t"errors"\n\t"fmt"' in after, after
    after = edited(FIXES["swapped"][0], only_fix(proposed["swapped"]))
    assert '\t"errors"\n\t"strings"' in after and '"fmt"' not in after, after
    after = edited(FIXES["swapped_alone"][0], only_fix(proposed["swapped_alone"]))
    assert 'import "errors"' in after and '"fmt"' not in after, after
    after = edited(ALIASED, only_fix(proposed["aliased"]))
    assert '\t"errors"\n\tstderrors "errors"' in after, after
    after = edited(FIXES["mixed_dropped"][0], only_fix(proposed["mixed_dropped"]))
    assert '\t"errors"\n)' in after and 'return host + ":" + port' in after, after
    after = edited(FIXES["numbered_alone"][0], only_fix(proposed["numbered_alone"]))
    assert '"errors"' in after and '"strconv"' in after and '"fmt"' not in after, after


TAGGED = {
    "p/check.go": """package p

import "fmt"

// Check rejects a port.
func Check(port string) error {
	return fmt.Errorf("port %s refused", port)
}
""",
    "p/errors_windows.go": "//go:build windows\n\npackage p\n\n// errors are the console's.\nvar errors []string\n",
    "p/log.go": 'package p\n\nimport "fmt"\n\n// Show prints it.\nfunc Show(e error) string { return fmt.Sprint(e) }\n',
}


def test_an_errors_the_package_declares_in_some_build_declines(tmp_path, toolchain):
    """Another file declares errors at package level for windows only: an import of errors would clash there.
    The naive rewrite builds here and breaks GOOS=windows."""
    root = module(tmp_path, TAGGED)
    found = proposals(root, RULE)["example.com/m/p"]
    assert_declines(found, "errors_windows.go may declare errors")
    naive = TAGGED["p/check.go"].replace('import "fmt"', 'import "errors"')
    (root / "p/check.go").write_text(
        naive.replace('fmt.Errorf("port %s refused", port)', 'errors.New("port " + port + " refused")')
    )
    assert _go(toolchain, root, "build", "./...").returncode == 0
    windows = _go(toolchain, root, "build", "./...", GOOS="windows")
    assert windows.returncode != 0 and "errors" in windows.stderr, windows.stderr


PKG_ERRORS = {
    # a package named errors that is not Go's: New records where it was called, as github.com/pkg/errors does
    "errors/errors.go": """package errors

import "runtime"

type traced struct {
	msg string
	pc  uintptr
}

func (t *traced) Error() string { return t.msg }

// New records its caller.
func New(msg string) error {
	pc, _, _, _ := runtime.Caller(1)
	return &traced{msg, pc}
}
""",
    "p/p.go": """package p

import (
	"fmt"

	"example.com/m/errors"
)

// ErrClosed is the package's sentinel.
var ErrClosed = errors.New("closed")

// Check rejects a port.
//
//go:noinline
func Check(port string) error {
	return fmt.Errorf("port %s refused", port)
}
""",
}


def test_an_imported_package_named_errors_that_is_not_gos_declines(tmp_path, toolchain):
    root = module(tmp_path, PKG_ERRORS)
    assert_declines(proposals(root, RULE)["example.com/m/p"], "the file names errors otherwise")
    naive = PKG_ERRORS["p/p.go"].replace(
        'fmt.Errorf("port %s refused", port)', 'errors.New("port " + port + " refused")'
    )
    (root / "p/p.go").write_text(naive.replace('\t"fmt"\n\n', ""))
    (root / "main.go").write_text(
        'package main\n\nimport (\n\t"fmt"\n\n\t"example.com/m/p"\n)\n\nfunc main() { fmt.Printf("%T", p.Check("")) }\n'
    )
    done = _go(toolchain, root, "run", ".")
    assert done.stdout == "*errors.traced", done.stdout + done.stderr  # fmt's is *errors.errorString


MIXED = """package mixed

import (
	"fmt"
	"strings"
)

// Key builds a key.
func Key(host, port string) string { return fmt.Sprintf("%s:%s", host, port) }

// Check rejects a port.
func Check(port string) error {
	return fmt.Errorf("port %s refused", port)
}

// Codes counts the codes: a local named errors.
func Codes(s string) int {
	errors := strings.Fields(s)
	return len(errors)
}
"""


def test_a_sprintf_beside_an_errorf_that_stays_keeps_fmt(tmp_path):
    """The file may not import errors (a local of that name), so Check stays, with fmt: Key alone is rewritten."""
    found = proposals(module(tmp_path, {"mixed/mixed.go": MIXED}), RULE)["example.com/m/mixed"]
    fix = next(p for p in found if isinstance(p, Fix))
    after = edited(MIXED, fix)
    assert 'return host + ":" + port' in after and '"fmt"' in after and "fmt.Errorf" in after, after


def test_the_fixes_verify_under_both_releases_and_leave_gofmt_clean_imports(tmp_path, toolchain):
    names = ("imported", "added", "swapped", "swapped_alone", "aliased", "mixed_dropped", "numbered_alone")
    files = {f"{n}/{n}.go": FIXES[n][0] for n in names}
    root = module(tmp_path, files)
    versions = [a for r in releases() for a in ("--toolchain", r.version)]
    done = in_process("fix", "-v", *versions, "./...", cwd=root)
    assert done.stderr.count("applied  ") == len(names) and "rejected  " not in done.stderr, done.stderr
    gofmt = subprocess.run([toolchain.gofmt_binary(), "-l", "."], cwd=root, capture_output=True, text=True)
    assert gofmt.stdout == "" and gofmt.returncode == 0, gofmt.stdout + gofmt.stderr
    assert '"fmt"' not in (root / "swapped_alone/swapped_alone.go").read_text()
    for release in releases():
        vet = _go(release, root, "vet", "./...")
        assert vet.returncode == 0, vet.stderr


def _go(toolchain, root, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """The go command of that release in root, with env added."""
    return subprocess.run(
        [toolchain.go, *args], cwd=root, capture_output=True, text=True, env={**toolchain.env_in(str(root)), **env}
    )


ALIASED_LOCALLY = """package p

import (
	"errors"
	"fmt"
)

// ErrClosed is the package's sentinel.
var ErrClosed = errors.New("closed")

type code string

type coded struct{ c code }

func (e *coded) Error() string { return string(e.c) }

// New makes the code's error.
func (c code) New() error { return &coded{c} }

// Check rejects a port.
func Check(port string) error {
	return fmt.Errorf("port %s refused", port)
}

var greeting string

// Fixed holds the file's other uses of fmt, where a local type alias named errors (a type_identifier, used by no
// expression: a local type may go unused) shadows the import. errors.New("fixed " + "now") would compile there,
// as the method expression code.New with the untyped constant for its receiver.
func Fixed(name string) error {
	type errors = code
	greeting = fmt.Sprintf("hi %s", name)
	return fmt.Errorf("fixed %s", "now")
}
"""


def test_a_local_type_named_errors_keeps_fmt_for_its_errorf(tmp_path, toolchain):
    """unshadowed reads type_identifiers too: the Errorf beside Check's, in a function declaring a local type alias
    errors, stays (and fmt with it). The naive rewrite of all of fmt's uses builds, and Fixed's error changes type."""
    root = module(tmp_path, {"p/p.go": ALIASED_LOCALLY})
    fixes = [p for p in proposals(root, RULE)["example.com/m/p"] if isinstance(p, Fix)]
    assert len(fixes) == 2, fixes  # Check's Errorf and Fixed's Sprintf, each leaving fmt for Fixed's Errorf
    for fix in fixes:
        after = edited(ALIASED_LOCALLY, fix)
        assert 'return fmt.Errorf("fixed %s", "now")' in after and '\t"fmt"\n' in after, after
    naive = ALIASED_LOCALLY.replace('fmt.Errorf("port %s refused", port)', 'errors.New("port " + port + " refused")')
    naive = naive.replace('fmt.Sprintf("hi %s", name)', '"hi " + name').replace('\t"fmt"\n', "")
    (root / "p/p.go").write_text(naive.replace('fmt.Errorf("fixed %s", "now")', 'errors.New("fixed " + "now")'))
    (root / "main.go").write_text(
        'package main\n\nimport (\n\t"fmt"\n\n\t"example.com/m/p"\n)\n\nfunc main() { fmt.Printf("%T", p.Fixed("")) }\n'
    )
    done = _go(toolchain, root, "run", ".")
    assert done.stdout == "*p.coded", done.stdout + done.stderr  # fmt's is *errors.errorString

"""iface-direct on operands whose type every build gives alike though the package has per-build files (the go/types
helper's steadyOperand, declared.go): a result of a std function declared once for every build (runtime.Caller,
os.Hostname), a call's or an index's type whatever its arguments, a field selected directly from a struct declared
for every build beside fields declared per OS. Each acceptance is compiled and run for two builds (linux/amd64 and
linux/386) and compiled for windows; each must-decline keeps its naive rewrite as a mutant that prints other bytes
or does not build under `-tags fancy`, the other build.
"""

from __future__ import annotations

import os
import subprocess

import pytest
from conftest import assert_declines, edited, module, only_fix, proposals

from gorewrite import packages, typeinfo
from gorewrite.rules import RULES

RULE = RULES["iface-direct"]

# Beside every accepted case: a file only windows compiles and one every other build compiles, declaring names the
# call does not depend on (the package is per-build, as std's os or a logger with a terminal check is).
PER_OS = {
    "os_windows.go": 'package {pkg}\n\ntype handle uintptr\n\nfunc (h handle) String() string { return "h" }\n',
    "os_other.go": "//go:build !windows\n\npackage {pkg}\n\ntype handle struct{ fd int }\n",
}

ACCEPTED = {
    # a tuple from runtime.Caller: runtime differs by build, Caller's declaration does not
    "caller": """package caller

import (
	"bytes"
	"fmt"
	"path/filepath"
	"runtime"
)

// Where writes the caller's file and line.
func Where(b *bytes.Buffer) {
	_, file, line, ok := runtime.Caller(0)
	if !ok {
		file = "?"
	}
	base := filepath.Base(file)
	fmt.Fprintf(b, "%s:%d\\n", base, line)
}

var _ handle

// Probe renders one location.
func Probe() string {
	var b bytes.Buffer
	Where(&b)
	return b.String()
}
""",
    # os.Hostname's (name string, err error), declared in os/sys.go for every build
    "hostport": """package hostport

import (
	"fmt"
	"os"
)

// Addr is the address a peer dials.
func Addr(port string) string {
	host, err := os.Hostname()
	if err != nil {
		host = "localhost"
	}
	return fmt.Sprintf("%s:%s", host, port)
}

var _ handle

// Probe renders one address.
func Probe() string { return Addr("8080") }
""",
    # a field of a std type the package reaches through another std package (net/url's, through net/http's)
    "request": """package request

import (
	"fmt"
	"net/http"
)

// Target is the request's path and query.
func Target(r *http.Request) string { return fmt.Sprintf("%s?%s", r.URL.Path, r.URL.RawQuery) }

var _ handle

// Probe renders one target.
func Probe() string {
	r, _ := http.NewRequest("GET", "/a?b=1", nil)
	return Target(r)
}
""",
    # fields declared beside a field of a per-OS type: only the selected fields' declarations matter
    "fields": """package fields

import "fmt"

// Info is what a status page shows.
type Info struct {
	Service, Host string
	h             handle
}

// Line is the status line.
func (i Info) Line() string { return fmt.Sprintf("%s@%s", i.Service, i.Host) }

// Probe renders one line.
func Probe() string { return Info{Service: "api", Host: "db1"}.Line() }
""",
    # a call of a function of no type parameters: its result's type, whatever its argument (a per-build constant)
    "callee": """package callee

import (
	"fmt"
	"os"
)

func envOr(key, value string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return value
}

// Arch names the target.
func Arch() string {
	v := envOr("NO_SUCH_VARIABLE_54E", defaultArch)
	return fmt.Sprintf("arch=%s", v)
}

// Probe renders the target.
func Probe() string { return Arch() }
""",
    # an index of a map: its element type, whatever the key (a per-build constant)
    "indexed": """package indexed

import "fmt"

var names = map[string]string{"amd64": "x86-64", "386": "x86"}

// Arch names the target for people.
func Arch() string {
	label := names[defaultArch]
	return fmt.Sprintf("arch=%s", label)
}

// Probe renders the target.
func Probe() string { return Arch() }
""",
    # a conversion: its type, whatever its operand's (a per-build function's)
    "converted": """package converted

import "fmt"

// Name shows the raw name as text.
func Name() string {
	name := string(rawName())
	return fmt.Sprintf("name=%s", name)
}

// Probe renders the name.
func Probe() string { return Name() }
""",
    # a variable declared with its type: that type, whatever its initializer
    "typed": """package typed

import "fmt"

var banner string = makeBanner()

// Banner is the startup line.
func Banner() string { return fmt.Sprintf("start %s", banner) }

// Probe renders the banner.
func Probe() string { return Banner() }
""",
    # a name declared in the call's own file: every build that compiles the call compiles its declaration
    "ownfile": """//go:build !windows

package ownfile

import (
	"fmt"
	"strconv"
)

// Limit is a cgroup cpu.max line.
func Limit(quota, period int64) string {
	q := "max"
	if quota >= 0 {
		q = strconv.FormatInt(quota, 10)
	}
	p := strconv.FormatInt(period, 10)
	return fmt.Sprintf("%s %s", q, p)
}

// Probe renders one limit.
func Probe() string { return Limit(50000, 100000) }
""",
}

# The per-build declarations the accepted cases' operands do not depend on the type of.
ARCH = {
    "arch_windows.go": 'package {pkg}\n\nconst defaultArch = "amd64"\n\n'
    '//go:noinline\nfunc rawName() []byte { return []byte("w") }\n\n'
    'func makeBanner() string { return "w" }\n',
    "arch_other.go": '//go:build !windows\n\npackage {pkg}\n\nconst defaultArch = "386"\n\ntype raw string\n\n'
    '//go:noinline\nfunc rawName() raw { return "u" }\n\nfunc makeBanner() string { return "u" }\n',
}


def accepted_files() -> dict[str, str]:
    files = {}
    for name, code in ACCEPTED.items():
        files[f"{name}/{name}.go"] = code
        extra = PER_OS if name in ("caller", "hostport", "fields", "request") else ARCH
        if name == "ownfile":
            probe = '// Probe renders one limit.\nfunc Probe() string { return "50000 100000" }\n'
            extra = {"ownfile_windows.go": "package {pkg}\n\n" + probe}
        files |= {f"{name}/{file}": text.replace("{pkg}", name) for file, text in extra.items()}
    return files


def run(toolchain, root, args: list[str], **env: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [toolchain.go, *args], cwd=root, env={**toolchain.env_in(str(root)), **env}, capture_output=True, check=False
    )


@pytest.fixture(scope="module")
def accepted(tmp_path_factory):
    root = module(tmp_path_factory.mktemp("accepted"), accepted_files())
    return root, proposals(root, RULE)


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_an_operand_every_build_types_alike_is_rewritten_with_the_same_bytes(accepted, toolchain, name):
    """The fix compiles for windows and prints, on linux/amd64 and linux/386, what the call printed."""
    root, found = accepted
    fix = only_fix(found[f"example.com/m/{name}"])
    source = ACCEPTED[name]
    assert "fmt.Sprintf" in source or "fmt.Fprintf" in source
    imports = f'import (\n\t"fmt"\n\n\t"example.com/m/{name}"\n)\n\n'
    main = f"package main\n\n{imports}func main() {{ fmt.Print({name}.Probe()) }}\n"
    (root / "cmd").mkdir(exist_ok=True)
    (root / "cmd" / "main.go").write_text(main)
    before = [run(toolchain, root, ["run", "./cmd"], GOARCH=arch) for arch in ("amd64", "386")]
    path = root / name / f"{name}.go"
    path.write_text(edited(source, fix))
    try:
        after = [run(toolchain, root, ["run", "./cmd"], GOARCH=arch) for arch in ("amd64", "386")]
        windows = run(toolchain, root, ["build", "-o", os.devnull, f"./{name}"], GOOS="windows")
    finally:
        path.write_text(source)
    assert all(r.returncode == 0 for r in before + after), [r.stderr.decode() for r in before + after]
    assert [r.stdout for r in after] == [r.stdout for r in before]
    assert windows.returncode == 0, windows.stderr.decode()


# Must-declines: `-tags fancy` compiles another declaration the operand's type depends on, under which fmt calls a
# String method (or the naive rewrite does not build). label is a string here and a Stringer there.
LABEL = {
    "label_fancy.go": "//go:build fancy\n\npackage {pkg}\n\ntype label string\n\n"
    'func (l label) String() string { return "L" }\n',
}

DECLINED = {
    # a generic function's result: its type is inferred from the argument, a per-build function's
    "generic": (
        """package generic

import "fmt"

func first[T any](s []T) T { return s[0] }

// Line shows the first id.
//
//go:noinline
func Line() string {
	v := first(ids())
	return fmt.Sprintf("id=%s", v)
}
""",
        {
            "ids_plain.go": '//go:build !fancy\n\npackage generic\n\nfunc ids() []string { return []string{"ab"} }\n',
            "ids_fancy.go": '//go:build fancy\n\npackage generic\n\nfunc ids() []label { return []label{"ab"} }\n',
        },
        ('return fmt.Sprintf("id=%s", v)', 'return "id=" + string(v)'),
        "whose type comes from a declaration another build may make otherwise",
    ),
    # an instantiation is an index expression whose type is the type arguments', not an element's
    "instantiated": (
        """package instantiated

import "fmt"

//go:noinline
func zero[S ~[]E, E any]() (e E) { return e }

// Line shows the zero name.
//
//go:noinline
func Line() string {
	v := zero[list]()
	return fmt.Sprintf("name=%s", v)
}
""",
        {
            "list_plain.go": "//go:build !fancy\n\npackage instantiated\n\ntype list []string\n",
            "list_fancy.go": "//go:build fancy\n\npackage instantiated\n\ntype list []label\n",
        },
        ('return fmt.Sprintf("name=%s", v)', 'return "name=" + string(v)'),
        "whose type comes from a declaration another build may make otherwise",
    ),
    # a promoted field: another build's embedded struct may hold a nearer field of that name
    "promoted": (
        """package promoted

import "fmt"

type base struct{ Name string }

// Info embeds mid, declared per build.
type Info struct{ mid }

// Line shows the name.
//
//go:noinline
func Line(i Info) string { return fmt.Sprintf("name=%s", i.Name) }
""",
        {
            "mid_plain.go": "//go:build !fancy\n\npackage promoted\n\ntype mid struct{ base }\n",
            "mid_fancy.go": "//go:build fancy\n\npackage promoted\n\ntype mid struct {\n\tbase\n\tName label\n}\n",
        },
        ('return fmt.Sprintf("name=%s", i.Name)', 'return "name=" + string(i.Name)'),
        "whose type may have methods fmt calls, here or in another build",
    ),
    # a promoted field another build's method of that name shadows
    "shadowed": (
        """package shadowed

import "fmt"

type base struct{ Name string }

// Info embeds base.
type Info struct{ base }

// Line shows the name.
//
//go:noinline
func Line(i Info) string { return fmt.Sprintf("name=%s", i.Name) }
""",
        {"name_fancy.go": '//go:build fancy\n\npackage shadowed\n\nfunc (Info) Name() label { return "x" }\n'},
        ('return fmt.Sprintf("name=%s", i.Name)', 'return "name=" + i.Name'),
        "whose type may have methods fmt calls, here or in another build",
    ),
    # a defined type declared per build from another struct: its fields are that struct's
    "defined": (
        """package defined

import "fmt"

type base struct{ Name string }

// Line shows the name.
//
//go:noinline
func Line(i Info) string { return fmt.Sprintf("name=%s", i.Name) }
""",
        {
            "info_plain.go": "//go:build !fancy\n\npackage defined\n\ntype Info base\n",
            "info_fancy.go": "//go:build fancy\n\npackage defined\n\ntype fancyBase struct{ Name label }\n\n"
            "type Info fancyBase\n",
        },
        ('return fmt.Sprintf("name=%s", i.Name)', 'return "name=" + string(i.Name)'),
        "whose type may have methods fmt calls, here or in another build",
    ),
    # a variable declared per build, of a struct declared for every build here and of another there
    "variable": (
        """package variable

import "fmt"

// Info is declared for every build.
type Info struct{ Name string }

// Line shows the current name.
//
//go:noinline
func Line() string { return fmt.Sprintf("name=%s", current.Name) }
""",
        {
            "current_plain.go": '//go:build !fancy\n\npackage variable\n\nvar current Info = Info{"ab"}\n',
            "current_fancy.go": "//go:build fancy\n\npackage variable\n\ntype Other struct{ Name label }\n\n"
            'var current Other = Other{"ab"}\n',
        },
        ('return fmt.Sprintf("name=%s", current.Name)', 'return "name=" + string(current.Name)'),
        "whose type may have methods fmt calls, here or in another build",
    ),
    # a field of a field of a variable declared per build: the inner struct is every build's, the outer is not
    "chained": (
        """package chained

import "fmt"

type inner struct{ Name string }

// Info is declared for every build.
type Info struct{ in inner }

// Line shows the current name.
//
//go:noinline
func Line() string { return fmt.Sprintf("name=%s", current.in.Name) }
""",
        {
            "current_plain.go": '//go:build !fancy\n\npackage chained\n\nvar current Info = Info{inner{"ab"}}\n',
            "current_fancy.go": "//go:build fancy\n\npackage chained\n\ntype fancyInner struct{ Name label }\n\n"
            "type Other struct{ in fancyInner }\n\n"
            'var current Other = Other{fancyInner{"ab"}}\n',
        },
        ('return fmt.Sprintf("name=%s", current.in.Name)', 'return "name=" + string(current.in.Name)'),
        "whose type may have methods fmt calls, here or in another build",
    ),
    # a variable another file declares per build, formatted there too: that file's walk is its own
    "memo": (
        """package memo

import "fmt"

// Line shows the name.
//
//go:noinline
func Line() string { return fmt.Sprintf("name=%s", name) }
""",
        {
            "a_plain.go": '//go:build !fancy\n\npackage memo\n\nimport "fmt"\n\nvar name = "ab"\n\n'
            "// First quotes the name where it is declared.\n"
            'func First() string { return fmt.Sprintf("first=%q", name) }\n',
            "a_fancy.go": '//go:build fancy\n\npackage memo\n\nvar name label = "ab"\n',
        },
        ('return fmt.Sprintf("name=%s", name)', 'return "name=" + string(name)'),
        "whose type comes from a declaration another build may make otherwise",
    ),
    # a method of a struct every build declares, itself declared per build: a Stringer's result there
    "method": (
        """package method

import "fmt"

// Info is declared for every build.
type Info struct{ name string }

// Line shows the name.
//
//go:noinline
func Line(i Info) string {
	n := i.Name()
	return fmt.Sprintf("name=%s", n)
}
""",
        {
            "name_plain.go": "//go:build !fancy\n\npackage method\n\nfunc (i Info) Name() string { return i.name }\n",
            "name_fancy.go": "//go:build fancy\n\npackage method\n\n"
            "func (i Info) Name() label { return label(i.name) }\n",
        },
        ('return fmt.Sprintf("name=%s", n)', 'return "name=" + string(n)'),
        "whose type comes from a declaration another build may make otherwise",
    ),
    # a tuple from the package's own function declared per build: a Stringer's there
    "tuple": (
        """package tuple

import "fmt"

// Line shows the owner.
//
//go:noinline
func Line() string {
	owner, err := ownerOf("/etc")
	if err != nil {
		return ""
	}
	return fmt.Sprintf("owner=%s", owner)
}
""",
        {
            "owner_plain.go": "//go:build !fancy\n\npackage tuple\n\n"
            'func ownerOf(string) (string, error) { return "ab", nil }\n',
            "owner_fancy.go": "//go:build fancy\n\npackage tuple\n\n"
            'func ownerOf(string) (label, error) { return "ab", nil }\n',
        },
        ('return fmt.Sprintf("owner=%s", owner)', 'return "owner=" + string(owner)'),
        "whose type comes from a declaration another build may make otherwise",
    ),
    # a constant declared per build keeps its name: the rule never writes one build's value
    "constant": (
        """package constant

import "fmt"

var a, b = "/usr/bin", "/bin"

// Path joins two directories with the list separator.
//
//go:noinline
func Line() string { return fmt.Sprintf("%s%s%s", a, listSep, b) }
""",
        {
            "sep_plain.go": '//go:build !fancy\n\npackage constant\n\nconst listSep = ":"\n',
            "sep_fancy.go": '//go:build fancy\n\npackage constant\n\nconst listSep = ";"\n',
        },
        ('return fmt.Sprintf("%s%s%s", a, listSep, b)', 'return a + ":" + b'),
        "it formats listSep, not a constant or a variable",
    ),
}


def declined_files(naive: bool) -> dict[str, str]:
    files = {}
    for name, (code, extra, (old, new), _) in DECLINED.items():
        pkg = ("naive" if naive else "") + name
        text = code.replace(f"package {name}", f"package {pkg}")
        if naive:
            text = text.replace(old, new)
            text = text if "fmt." in text.replace('import "fmt"', "") else text.replace('import "fmt"\n\n', "")
        files[f"{pkg}/{name}.go"] = text
        files |= {f"{pkg}/{f}": t.replace(f"package {name}", f"package {pkg}") for f, t in extra.items()}
        if "label" in code + "".join(extra.values()):
            files |= {f"{pkg}/{f}": t.replace("{pkg}", pkg) for f, t in LABEL.items()}
    return files


@pytest.fixture(scope="module")
def declined(tmp_path_factory):
    root = module(tmp_path_factory.mktemp("declined"), declined_files(False) | declined_files(True))
    return root, proposals(root, RULE)


@pytest.mark.parametrize("name", sorted(DECLINED))
def test_an_operand_another_build_may_type_otherwise_declines(declined, toolchain, name):
    """The rule declines; the naive rewrite, right in this build, prints other bytes or does not build in the
    other."""
    root, found = declined
    assert_declines(found[f"example.com/m/{name}"], DECLINED[name][3])
    takes = "func Line(i Info)" in DECLINED[name][0]
    calls = {pkg: f"{pkg}.Line({pkg}.Info{{}})" if takes else f"{pkg}.Line()" for pkg in (name, "naive" + name)}
    imports = "".join(f'\t"example.com/m/{pkg}"\n' for pkg in calls)
    printed = ", ".join(calls.values())
    main = f'package main\n\nimport (\n\t"fmt"\n\n{imports})\n\nfunc main() {{ fmt.Println({printed}) }}\n'
    (root / f"cmd{name}").mkdir(exist_ok=True)
    (root / f"cmd{name}" / "main.go").write_text(main)
    plain = run(toolchain, root, ["run", f"./cmd{name}"])
    assert plain.returncode == 0, plain.stderr.decode()
    original, naive = plain.stdout.decode().split()
    assert original == naive, "the naive rewrite is right in this build"
    fancy = run(toolchain, root, ["run", "-tags", "fancy", f"./cmd{name}"])
    if fancy.returncode == 0:
        original, naive = fancy.stdout.decode().split()
        assert original != naive, fancy.stdout.decode()
    else:
        assert f"naive{name}" in fancy.stderr.decode(), fancy.stderr.decode()


def test_a_std_function_declared_per_build_declines(tmp_path):
    """syscall.Getenv is declared in env_unix.go and env_windows.go: one build's declaration says nothing of the
    other's (its type is the same there, which declaredOnce cannot tell from one file)."""
    code = """package getenv

import (
	"fmt"
	"syscall"
)

// Home shows the home directory.
func Home() string {
	home, _ := syscall.Getenv("HOME")
	return fmt.Sprintf("home=%s", home)
}

var _ handle
"""
    files = {"getenv/getenv.go": code} | {f"getenv/{f}": t.replace("{pkg}", "getenv") for f, t in PER_OS.items()}
    found = proposals(module(tmp_path, files), RULE)["example.com/m/getenv"]
    assert_declines(found, "it formats home, whose type comes from a declaration another build may make otherwise")


INSTANTIATED_TYPE = """package gtype

import "fmt"

type list[E any] []E

// Line shows the first name.
func Line() string {
	names := make(list[elem], 1)
	v := names[0]
	return fmt.Sprintf("name=%s", v)
}
"""


def test_a_generic_types_instantiation_is_walked_with_its_type_argument(tmp_path, toolchain):
    """`list[elem]` is an index expression too, but a type's: v's type is the type argument elem, a string here and a
    Stringer under `-tags fancy`. The helper says v's type is not every build's (the rule declines it for elem's name
    as well, so this pins the helper's own answer: elementOf of the generic list's `[]E` must not prune elem)."""
    fancy = LABEL["label_fancy.go"].replace("{pkg}", "gtype") + "\ntype elem = label\n"
    files = {
        "gtype/gtype.go": INSTANTIATED_TYPE,
        "gtype/elem_plain.go": "//go:build !fancy\n\npackage gtype\n\ntype elem = string\n",
        "gtype/elem_fancy.go": fancy,
    }
    root = module(tmp_path, files)
    (pkg,) = [p for p in packages.load(toolchain, ["./..."], str(root)) if p.name == "gtype"]
    (path,) = [f for f in pkg.files if f.endswith("gtype.go")]
    source = (root / path).read_bytes()
    info = typeinfo.load(toolchain, pkg, {path: [(0, len(source))]}, str(root))
    assert info.error is None
    start = source.rindex(b", v)") + 2
    assert not info.printed(path, start, start + 1)
    assert_declines(proposals(root, RULE)["example.com/m/gtype"], "it formats v of elem")


TESTED = """package tested

import "fmt"

type base struct{ name string }

// Name is the display name.
func (b base) Name() string { return b.name }

// Info embeds base.
type Info struct{ base }

// Line shows the name.
//
//go:noinline
func Line(i Info) string {
	n := i.Name()
	return fmt.Sprintf("name=%s", n)
}
"""

TESTED_TEST = """package tested

import "testing"

type label string

func (l label) String() string { return "L" + string(l) }

// Name: in the tests an Info names itself as a label, nearer than base's Name.
func (i Info) Name() label { return label(i.name) }

func TestLine(t *testing.T) {
	if got := Line(Info{base{"ab"}}); got != "name=Lab" {
		t.Fatal(got)
	}
}
"""


def test_a_promoted_method_a_test_file_shadows_declines(tmp_path, toolchain):
    """`go test` compiles the package with its _test.go files, another build: there a test file's `func (Info)
    Name() label` is nearer than the embedded base's Name, and n is a Stringer. The naive concatenation is right in
    the build but does not compile under `go test` (perBuildMethods counts a test file's methods)."""
    naive = TESTED.replace("package tested", "package naivetested").replace(
        'return fmt.Sprintf("name=%s", n)', 'return "name=" + n'
    )
    files = {
        "tested/tested.go": TESTED,
        "tested/tested_test.go": TESTED_TEST,
        "naivetested/tested.go": naive.replace('import "fmt"\n\n', ""),
        "naivetested/tested_test.go": TESTED_TEST.replace("package tested", "package naivetested"),
        "cmd/main.go": 'package main\n\nimport (\n\t"fmt"\n\n\t"example.com/m/naivetested"\n'
        '\t"example.com/m/tested"\n)\n\n'
        "func main() { fmt.Println(tested.Line(tested.Info{}), naivetested.Line(naivetested.Info{})) }\n",
    }
    root = module(tmp_path, files)
    assert_declines(
        proposals(root, RULE)["example.com/m/tested"], "it formats n, whose type comes from a declaration another build"
    )
    built = run(toolchain, root, ["run", "./cmd"])
    assert built.returncode == 0 and built.stdout == b"name= name=\n", built.stderr.decode()
    assert run(toolchain, root, ["test", "./tested"]).returncode == 0
    tested = run(toolchain, root, ["test", "./naivetested"])
    assert tested.returncode != 0 and b"naivetested" in tested.stdout + tested.stderr


def test_a_std_function_whose_signature_names_its_packages_type_declines(tmp_path):
    """os.ReadDir (os/dir.go) and pprof.Label (runtime/pprof/label.go) are declared once, but ReadDir's result names
    os's own DirEntry and Label's parameter context.Context: declaredOnce takes a signature of predeclared names only
    (a per-build package's type, or another package's, may differ by build). Both are in fact the same in every
    build, so this pins conservative declines: no std declaration was found that the guard keeps from a wrong
    rewrite. Its other half, a predeclared name the directory redeclares, no std package has: a guard no test pins."""
    code = """package readdir

import (
	"context"
	"fmt"
	"os"
	"runtime/pprof"
)

// First shows the first entry's name.
func First(dir string) string {
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) == 0 {
		return ""
	}
	name := entries[0].Name()
	return fmt.Sprintf("%s/", name)
}

// Route shows the request's route label.
func Route(ctx context.Context) string {
	route, ok := pprof.Label(ctx, "route")
	if !ok {
		route = "?"
	}
	return fmt.Sprintf("route=%s", route)
}

var _ handle
"""
    files = {"readdir/readdir.go": code} | {f"readdir/{f}": t.replace("{pkg}", "readdir") for f, t in PER_OS.items()}
    found = proposals(module(tmp_path, files), RULE)["example.com/m/readdir"]
    assert_declines(found, "it formats name, whose type comes from a declaration another build may make otherwise")
    assert_declines(found, "it formats route, whose type comes from a declaration another build may make otherwise")

"""An import the combined edits of a file leave unused goes before the verifier compiles the file
(gorewrite/unused_imports.py): removed where the package still imports it in every build, else `_ "path"`,
which keeps the package's initialisation; judged by the real compiler, and its mutant (the import removed
although nothing else imports the package) run to show the init it loses."""

from __future__ import annotations

import json
import subprocess

import pytest
from conftest import gorewrite, write_tree

from gorewrite.edits import Edit
from gorewrite.packages import package_names
from gorewrite.patch import rewritten
from gorewrite.unused_imports import tidy

HEX = b"""package ids

import (
\t"encoding/hex"
\t"errors"
)

var errBad = errors.New("bad")

func A(u []byte) int { return hex.EncodedLen(len(u)) }

func B(u []byte) int { return hex.EncodedLen(len(u)) + 4 }
"""
OTHER = b'package ids\n\nimport "encoding/hex"\n\nfunc C(b []byte) string { return hex.EncodeToString(b) }\n'
NAMES = {"encoding/hex": "hex", "errors": "errors", "gopkg.in/yaml.v3": "yaml"}


def _names(paths):
    return {p: NAMES[p] for p in paths if p in NAMES}


def _both_uses_gone(source: bytes, path: str = "/m/ids/a.go") -> dict[str, bytes]:
    """The two fixes' edits: each turns one `hex.EncodedLen(len(u))` into 32, leaving hex used by the other."""
    edits = []
    at = 0
    while (at := source.find(b"hex.EncodedLen(len(u))", at)) >= 0:
        edits.append(Edit(path, at, at + len(b"hex.EncodedLen(len(u))"), b"32"))
        at += 1
    return {path: rewritten(lambda s: s, {path: source}, edits)[path]}


def test_an_import_no_edit_leaves_used_is_removed_where_another_file_of_the_package_imports_it():
    new = _both_uses_gone(HEX)
    tidied = tidy({"/m/ids/a.go": HEX, "/m/ids/b.go": OTHER}, new, _names)
    assert b'"encoding/hex"' not in tidied["/m/ids/a.go"]
    assert b'\t"errors"\n' in tidied["/m/ids/a.go"]


def test_it_is_blanked_where_nothing_else_in_the_package_imports_it():
    tidied = tidy({"/m/ids/a.go": HEX}, _both_uses_gone(HEX), _names)
    assert b'\t_ "encoding/hex"\n' in tidied["/m/ids/a.go"]


def test_variant_files_that_together_cover_every_build_count_and_one_variant_alone_does_not():
    pair = {
        "/m/ids/v_go125.go": b"//go:build go1.25\n\n" + OTHER,
        "/m/ids/v_prego125.go": b"//go:build !go1.25\n\n" + OTHER,
    }
    new = _both_uses_gone(HEX)
    assert b'"encoding/hex"' not in tidy({"/m/ids/a.go": HEX, **pair}, new, _names)["/m/ids/a.go"]
    one = {"/m/ids/a.go": HEX, "/m/ids/v_go125.go": pair["/m/ids/v_go125.go"]}
    assert b'_ "encoding/hex"' in tidy(one, new, _names)["/m/ids/a.go"]
    windows = {"/m/ids/a.go": HEX, "/m/ids/c_windows.go": OTHER}  # only Windows builds compile it
    assert b'_ "encoding/hex"' in tidy(windows, new, _names)["/m/ids/a.go"]
    other = {"/m/ids/a.go": HEX, "/m/ids/x_test.go": OTHER, "/m/other/b.go": OTHER}  # a test, another package
    assert b'_ "encoding/hex"' in tidy(other, new, _names)["/m/ids/a.go"]


def test_two_edited_files_that_both_lose_the_import_keep_it_blank():
    """Each would see the other still importing hex, and both would go: the package would import it no more."""
    new = {**_both_uses_gone(HEX, "/m/ids/a.go"), **_both_uses_gone(HEX, "/m/ids/b.go")}
    tidied = tidy({"/m/ids/a.go": HEX, "/m/ids/b.go": HEX}, new, _names)
    assert all(b'\t_ "encoding/hex"\n' in source for source in tidied.values()), tidied


def test_an_alias_is_the_name_and_a_single_spec_declaration_goes_whole():
    source = b'package ids\n\nimport h "encoding/hex"\n\nfunc A(u []byte) int { return h.EncodedLen(len(u)) }\n'
    at = source.index(b"h.EncodedLen(len(u))")
    new = rewritten(lambda s: s, {"/m/a.go": source}, [Edit("/m/a.go", at, at + 20, b"32")])
    assert b"import" not in tidy({"/m/a.go": source, "/m/b.go": OTHER.replace(b"ids", b"ids")}, new, _names)["/m/a.go"]
    assert b'import _ "encoding/hex"' in tidy({"/m/a.go": source}, new, _names)["/m/a.go"]


def test_what_the_edits_leave_used_or_never_used_or_of_an_unknown_name_stays():
    still = HEX.replace(b"func B(u []byte) int { return hex.EncodedLen(len(u)) + 4 }", b"")
    at = still.index(b"hex.EncodedLen(len(u))")
    one = rewritten(lambda s: s, {"/m/a.go": still}, [Edit("/m/a.go", at, at + 22, b"32")])["/m/a.go"]
    assert tidy({"/m/a.go": still}, {"/m/a.go": one}, lambda p: {})["/m/a.go"] == one  # go lists no name: kept
    shadow = HEX.replace(b"var errBad", b"var hex2").replace(b"+ 4 }", b"+ 4 }\n\nfunc D(hex int) int { return hex }")
    new = _both_uses_gone(shadow)
    assert b'\t"encoding/hex"\n' in tidy({"/m/ids/a.go": shadow}, new, _names)["/m/ids/a.go"]  # `hex` still named
    untouched = HEX.replace(b'\t"errors"\n', b'\t"errors"\n\t"gopkg.in/yaml.v3"\n')
    new = _both_uses_gone(untouched)
    assert b'"gopkg.in/yaml.v3"' in tidy({"/m/ids/a.go": untouched}, new, _names)["/m/ids/a.go"]  # never named


def test_package_names_come_from_the_package_clause_not_the_path(tmp_path, toolchain):
    root = write_tree(tmp_path, {"go.mod": "module example.com/m\n\ngo 1.22\n", "go-lib/l.go": "package lib\n"})
    names = package_names(toolchain, str(root))
    assert names(["example.com/m/go-lib", "encoding/hex", "math/rand/v2", "example.com/m/none"]) == {
        "example.com/m/go-lib": "lib",
        "encoding/hex": "hex",
        "math/rand/v2": "rand",
    }


INIT = {
    "go.mod": "module example.com/m\n\ngo 1.22\n",
    "registry/registry.go": "package registry\n\nvar Formats []string\n",
    "png/png.go": (
        'package png\n\nimport "example.com/m/registry"\n\nfunc init() { registry.Formats = append(registry.Formats, '
        '"png") }\n\nfunc Name() string { return "png" }\n'
    ),
    "app/app.go": (
        'package app\n\nimport (\n\t"example.com/m/png"\n\t"example.com/m/registry"\n)\n\n'
        'func Label() string { return "image/" + png.Name() }\n\nfunc Short() string { return png.Name()[:1] }\n\n'
        "func Known() int { return len(registry.Formats) }\n"
    ),
    "main.go": (
        'package main\n\nimport (\n\t"fmt"\n\n\t"example.com/m/app"\n)\n\nfunc main() { fmt.Println(app.Known()) }\n'
    ),
}


def test_an_import_whose_init_the_program_needs_is_kept_blank_and_removing_it_loses_the_init(tmp_path, toolchain):
    """Two fixes each fold one `png.Name()` into its constant: together they leave png unused in app, which nothing
    else imports. The cleanup keeps `_ "example.com/m/png"` and the program prints 1; the mutant that removes the
    import compiles too, and prints 0: png's init no longer runs."""
    root = write_tree(tmp_path / "m", INIT)
    path = str(root / "app/app.go")
    source = (root / "app/app.go").read_bytes()
    edits = [
        Edit(path, (at := source.index(b"png.Name()")), at + 10, b'"png"'),
        Edit(path, (at := source.index(b"png.Name()", at + 1)), at + 10, b'"png"'),
    ]
    gofmt = toolchain.gofmt
    new = rewritten(gofmt, {path: source}, edits, package_names(toolchain, str(root)))[path]
    assert b'_ "example.com/m/png"' in new
    (root / "app/app.go").write_bytes(new)
    assert _run(toolchain, root) == "1"
    mutant = write_tree(tmp_path / "mutant", INIT)
    (mutant / "app/app.go").write_bytes(new.replace(b'\t_ "example.com/m/png"\n', b""))
    assert _run(toolchain, mutant) == "0"


def _run(toolchain, root, env=None) -> str:
    done = subprocess.run(
        [toolchain.go, "run", "."], cwd=root, env=env or toolchain.env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


UUID = """package ids

import (
\t"crypto/rand"
\t"encoding/hex"
)

type UUID [16]byte

func NewV4() (UUID, error) {
\tvar u UUID
\t_, err := rand.Read(u[:])
\treturn u, err
}

// String formats u as 8-4-4-4-12 hex digits.
func (u UUID) String() string {
\tdst := make([]byte, 0, hex.EncodedLen(len(u))+4)
\tfor i, b := range u {
\t\tif i == 4 || i == 6 || i == 8 || i == 10 {
\t\t\tdst = append(dst, '-')
\t\t}
\t\tdst = append(dst, "0123456789abcdef"[b>>4], "0123456789abcdef"[b&0xf])
\t}
\treturn string(dst)
}

// Compact is u's 32 hex digits without dashes.
func Compact(u UUID) string {
\tout := make([]byte, hex.EncodedLen(len(u)))
\thex.Encode(out, u[:])
\treturn string(out)
}
"""


def test_one_run_applies_build_variant_and_make_const_that_together_leave_hex_unused(tmp_path):
    """make-identity's ids/uuid.go: build-variant moves Compact (hex's other user) into variant files and make-const
    folds `hex.EncodedLen(len(u))+4` into 36. Each verified alone; together hex was unused and one waited a run."""
    root = write_tree(tmp_path, {"go.mod": "module example.com/identity\n\ngo 1.22\n", "ids/uuid.go": UUID})
    done = gorewrite(
        "fix", "--dry-run", "--format", "json", "--toolchain", "go1.24.11", "--toolchain", "go1.27.3", "./...", cwd=root
    )
    report = json.loads(done.stdout)
    verified = sorted((o["rule"], o["line"]) for o in report["outcomes"] if o["status"] == "verified")
    assert verified == [("build-variant", 30), ("make-const", 18)], report["outcomes"]
    assert '-\t"encoding/hex"\n' in report["diff"] and '_ "encoding/hex"' not in report["diff"]


DIGEST = """package ids

import (
\t"crypto/sha256"
\t"encoding/hex"
)

// Hex is the hex of a digest.
func Hex(sum []byte) string {
\tdst := make([]byte, 0, hex.EncodedLen(sha256.Size))
\tdst = hex.AppendEncode(dst, sum)
\treturn string(dst)
}

// Tagged is the hex of a digest after a tag.
func Tagged(sum []byte) string {
\tdst := make([]byte, 0, hex.EncodedLen(sha256.Size)+4)
\tdst = append(dst, "tag:"...)
\tdst = hex.AppendEncode(dst, sum)
\treturn string(dst)
}
"""
DIGESTS = {
    "go.mod": "module example.com/a\n\ngo 1.22\n",
    "ids/hash.go": DIGEST,
    "main.go": (
        'package main\n\nimport (\n\t"crypto"\n\t"fmt"\n\n\t"example.com/a/ids"\n)\n\n'
        "func main() { fmt.Println(ids.Tagged(nil), crypto.SHA256.Available()) }\n"
    ),
}


SHA = 'import "crypto/sha256"\n\nvar _ = sha256.Sum256\n'
PARTIAL = {  # other files that import sha256 in some builds only: each guard of _imported_always, by its mutant
    "a _x.go file": {"ids/_legacy.go": "package ids\n\n" + SHA},  # go/build never compiles it
    "package documentation": {"ids/doc.go": "package documentation\n\n" + SHA},  # go/build ignores the package
    "cgo": {  # CGO_ENABLED=0 leaves the go1.25 variant out
        "ids/c_go125.go": '//go:build go1.25\n\npackage ids\n\nimport "C"\n\n' + SHA,
        "ids/c_prego125.go": "//go:build !go1.25\n\npackage ids\n\n" + SHA,
    },
    "a GOOS in the name": {  # a Linux build compiles neither
        "ids/c_windows.go": "//go:build go1.25\n\npackage ids\n\n" + SHA,
        "ids/c_prego125.go": "//go:build !go1.25\n\npackage ids\n\n" + SHA,
    },
}


@pytest.mark.parametrize("layout", sorted(PARTIAL))
def test_files_some_build_leaves_out_do_not_keep_the_package_importing_the_path(layout, tmp_path, toolchain):
    """make-const's two folds of `hex.EncodedLen(sha256.Size)` leave sha256 unused in hash.go (real CLI, both
    toolchains: with `_legacy.go` counted, the fix was verified and `crypto.SHA256.Available()` printed false).
    The other files' constraints together always hold, yet every build (go/build ignores `_x.go` and `package
    documentation`), a build without cgo, or a Linux build compiles none of them: the cleanup keeps sha256 blank
    and the program prints true; the mutant that counts them removes it and prints false (crypto/sha256's init,
    which registers SHA256, no longer runs)."""
    files = {**DIGESTS, **PARTIAL[layout]}
    root = write_tree(tmp_path / "m", files)
    path = str(root / "ids/hash.go")
    sources = {str(root / name): (root / name).read_bytes() for name in files if name.startswith("ids/")}
    source = sources[path]
    edits = []
    at = 0
    while (at := source.find(b"make([]byte, 0, hex.EncodedLen(sha256.Size)", at)) >= 0:
        end = source.index(b")\n", at) + 1
        edits.append(Edit(path, at, end, b"make([]byte, 0, 68)"))
        at = end
    new = rewritten(toolchain.gofmt, sources, edits, package_names(toolchain, str(root)))[path]
    assert b'_ "crypto/sha256"' in new, new
    (root / "ids/hash.go").write_bytes(new)
    env = {**toolchain.env, "CGO_ENABLED": "0", "GOOS": "linux"}
    assert _run(toolchain, root, env) == "tag: true"
    mutant = write_tree(tmp_path / "mutant", files)
    (mutant / "ids/hash.go").write_bytes(new.replace(b'\t_ "crypto/sha256"\n', b""))
    assert _run(toolchain, mutant, env) == "tag: false"

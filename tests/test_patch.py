import shutil
import subprocess

import pytest
import unidiff

from gorewrite.patch import changed_lines, line_endings, line_map, read_header_path, unformatted, unified_diff

GO = b"package p\n\nfunc f() {\n\tx := new(T)\n\tuse(x)\n}\n"

# (old, new, lines added, lines removed)
CASES = (
    pytest.param(GO, GO.replace(b"new(T)", b"&T{}"), 1, 1, id="one line replaced"),
    pytest.param(GO, GO + b"\nfunc g() {}\n", 2, 0, id="lines added at the end"),
    pytest.param(GO, GO.replace(b"\tuse(x)\n", b""), 0, 1, id="a line removed"),
    pytest.param(GO.rstrip(b"\n"), GO.replace(b"new(T)", b"&T{}"), 2, 2, id="newline added at the end"),
    pytest.param(GO, GO.replace(b"new(T)", b"&T{}").rstrip(b"\n"), 2, 2, id="newline removed at the end"),
    pytest.param(
        GO.rstrip(b"\n"), GO.replace(b"}\n", b"} // done").rstrip(b"\n"), 1, 1, id="no final newline on either side"
    ),
    pytest.param(
        GO.replace(b"\n", b"\r\n"), GO.replace(b"new(T)", b"&T{}").replace(b"\n", b"\r\n"), 1, 1, id="crlf file"
    ),
    pytest.param(GO, GO.replace(b"use(x)", "use(x) // héllo → 世界".encode()), 1, 1, id="non-ascii text"),
    pytest.param(
        GO.replace(b"p\n", b"p // \xff\xfe\n"),
        GO.replace(b"new(T)", b"&T{}\f"),
        2,
        2,
        id="invalid utf-8 and a form feed",
    ),
    pytest.param(b"", GO, 6, 0, id="empty file filled"),
)

RELPATH = "internal/pkg/x.go"


def _bytes(diff):
    return diff.encode("utf-8", "surrogateescape")


def test_equal_files_have_no_diff():
    assert unified_diff(GO, GO, RELPATH) == ""


@pytest.mark.parametrize(("old", "new", "added", "removed"), CASES)
def test_diff_parses_with_unidiff(old, new, added, removed):
    (patched,) = unidiff.PatchSet(unified_diff(old, new, RELPATH))
    assert (patched.source_file, patched.target_file) == (f"a/{RELPATH}", f"b/{RELPATH}")
    assert (patched.added, patched.removed) == (added, removed)


@pytest.mark.parametrize(("old", "new", "added", "removed"), CASES)
def test_diff_applies_with_git_apply(tmp_path, old, new, added, removed):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    target = tmp_path / RELPATH
    target.parent.mkdir(parents=True)
    target.write_bytes(old)
    (tmp_path / "fix.diff").write_bytes(_bytes(unified_diff(old, new, RELPATH)))
    subprocess.run(["git", "apply", "fix.diff"], cwd=tmp_path, check=True, capture_output=True)
    assert target.read_bytes() == new


@pytest.mark.skipif(shutil.which("patch") is None, reason="the patch program is not installed")
@pytest.mark.parametrize(("old", "new", "added", "removed"), CASES)
def test_diff_applies_with_patch_p1(tmp_path, old, new, added, removed):
    target = tmp_path / RELPATH
    target.parent.mkdir(parents=True)
    target.write_bytes(old)
    (tmp_path / "fix.diff").write_bytes(_bytes(unified_diff(old, new, RELPATH)))
    subprocess.run(["patch", "-p1", "-s", "-i", "fix.diff"], cwd=tmp_path, check=True, capture_output=True)
    assert target.read_bytes() == new


# Names git quotes or marks with a tab; git apply, patch -p1 and gorewrite apply must all find the file.
ODD_NAMES = ("dir with space/x y.go", "pkg/café.go", 'pkg/say "hi".go', "pkg/back\\slash.go", "pkg/tab\tname.go")


@pytest.mark.parametrize("name", ODD_NAMES)
def test_odd_names_apply_with_git_and_patch(tmp_path, name):
    old, new = GO, GO.replace(b"new(T)", b"&T{}")
    diff = _bytes(unified_diff(old, new, name))
    tools = [["git", "apply", "../fix.diff"]] + (
        [["patch", "-p1", "-s", "-i", "../fix.diff"]] if shutil.which("patch") else []
    )
    for i, tool in enumerate(tools):
        root = tmp_path / str(i)
        (root / name).parent.mkdir(parents=True)
        (root / name).write_bytes(old)
        (tmp_path / "fix.diff").write_bytes(diff)
        subprocess.run(["git", "init", "-q"], cwd=root, check=True)
        subprocess.run(tool, cwd=root, check=True, capture_output=True)
        assert (root / name).read_bytes() == new, tool
    (patched,) = unidiff.PatchSet(diff.decode("utf-8", "surrogateescape"))
    assert read_header_path(patched.source_file) == f"a/{name}"
    assert read_header_path(patched.target_file) == f"b/{name}"


def test_missing_final_newline_is_marked():
    diff = unified_diff(b"a\nb", b"a\nc", "x.go")
    assert diff.endswith("-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n")


def test_crlf_stays_on_diff_lines():
    diff = unified_diff(b"a\r\nb\r\n", b"a\r\nc\r\n", "x.go")
    assert " a\r\n-b\r\n+c\r\n" in diff


def test_context_is_configurable():
    old = b"".join(b"%d\n" % i for i in range(20))
    new = old.replace(b"10\n", b"ten\n")
    assert unified_diff(old, new, "x.go", context=1).splitlines()[2:] == [
        "@@ -10,3 +10,3 @@",
        " 9",
        "-10",
        "+ten",
        " 11",
    ]


@pytest.mark.parametrize(
    ("original", "formatted", "expected"),
    (
        pytest.param(b"a\nb\n", b"a\nc\n", b"a\nc\n", id="lf file stays lf"),
        pytest.param(b"a\r\nb\r\n", b"a\nc\n", b"a\r\nc\r\n", id="crlf file gets crlf back"),
        pytest.param(b"a\r\nb\r\nc\n", b"a\nb\n", b"a\r\nb\r\n", id="mostly crlf gets crlf"),
        pytest.param(b"a\r\nb\nc\n", b"a\nb\n", b"a\nb\n", id="mostly lf stays lf"),
        pytest.param(b"a\r\nb\n", b"a\nb\n", b"a\nb\n", id="a tie stays lf"),
        pytest.param(b"a\r\n", b"a\r\nb\n", b"a\r\nb\r\n", id="no doubled cr"),
        pytest.param(b"", b"a\n", b"a\n", id="empty original stays lf"),
    ),
)
def test_line_endings(original, formatted, expected):
    assert line_endings(original, formatted) == expected


OLD = b"package p\n\nfunc f() {\n\tx := new(T)\n\tuse(x)\n}\n"
NEW = b"package p\n\nfunc f() {\n\tvar t T\n\tx := &t\n\tuse(x)\n}\n"


@pytest.mark.parametrize(
    ("old", "new", "mapping", "changed"),
    (
        pytest.param(OLD, OLD, {i: i for i in range(1, 7)}, set(), id="no change"),
        pytest.param(OLD, NEW, {1: 1, 2: 2, 3: 3, 5: 6, 6: 7}, {4, 5}, id="one line becomes two"),
        pytest.param(NEW, OLD, {1: 1, 2: 2, 3: 3, 6: 5, 7: 6}, {4}, id="two lines become one"),
        pytest.param(b"a\nb\n", b"x\na\nb\n", {1: 2, 2: 3}, {1}, id="line inserted at the top"),
        pytest.param(b"a\nb", b"a\nb\n", {1: 1, 2: 2}, set(), id="final newline added"),
        pytest.param(b"a\r\nb\r\n", b"a\nb\n", {1: 1, 2: 2}, set(), id="line endings ignored"),
        pytest.param(b"a\n\rb\n", b"a\n\rb\n", {1: 1, 2: 2}, set(), id="lone cr is not a line break"),
    ),
)
def test_line_map_and_changed_lines(old, new, mapping, changed):
    assert line_map(old, new) == mapping
    assert changed_lines(old, new) == changed


def test_common_lines_between_rewrites_stay_unchanged_in_long_files():
    # difflib's autojunk would call the "}" between the two rewrites changed in a file this long.
    body = b"".join(b"func f%d() {\n}\n" % i for i in range(150))
    old = body + b"x := new(T)\n}\ny := new(T)\n" + body
    new = body + b"x := &T{}\n}\ny := &T{}\n" + body
    assert changed_lines(old, new) == {301, 303}
    assert line_map(old, new)[302] == 302


def test_unformatted_maps_a_respaced_line_byte_for_byte_and_a_split_one_whole():
    """The judge finds the bytes an edit wrote in the compiled (gofmt'ed) file: a line gofmt re-spaced keeps
    each non-blank byte; a line it split at a `;` maps to all of the raw line."""
    raw = b"package p\n\nfunc f() {\nx:=g( a,b )\n  y := 1; z := 2\n}\n"
    formatted = b"package p\n\nfunc f() {\n\tx := g(a, b)\n\ty := 1\n\tz := 2\n}\n"
    at = unformatted(raw, formatted)
    b = raw.index(b"b )")
    assert at(4, formatted.split(b"\n")[3].index(b"b") + 1) == (b, b + 1)
    assert at(4, 2) == (raw.index(b"x:="), raw.index(b"x:=") + 1)
    split = raw.index(b"  y := 1")
    assert at(5, 2) == at(6, 2) == (split, raw.index(b"}\n"))
    assert at(3, 1) == (raw.index(b"func"), raw.index(b"func") + 1)

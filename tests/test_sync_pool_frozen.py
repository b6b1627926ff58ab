"""sync-pool sizes a scratch by a package-level variable that holds its constant initializer on every path
(gorewrite/frozen_vars.py): `page := make([]byte, pageSize)` of `var pageSize = 8 << 10`, never written, takes a
`*[8192]byte` from a pool and reads `pageSize` again after the Get. Each way the variable may hold another value
declines: written by the package (a setter, a test, an init through `&x` or a method), exported, not constant,
declared again by another build's file, named by a linkname or by assembly. The writes' naive pools panic where
make did not (the test raises the size past the pool's array)."""

from __future__ import annotations

import re

import pytest
from conftest import DETERMINISTIC_POOL, gorewrite, module, naive_rewrites, proposals, releases

from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["sync-pool"]


def spool(name: str, declared: str = "var pageSize = 8 << 10", more: str = "") -> str:
    """A spool reader whose page is a scratch of pageSize bytes, read through io and checksummed."""
    return f"""package {name}

import (
	"hash/crc32"
	"io"
)

{declared}

// PageSum reads one page and returns its checksum.
func PageSum(r io.Reader) (uint32, error) {{
	page := make([]byte, pageSize)
	if _, err := io.ReadFull(r, page); err != nil {{
		return 0, err
	}}
	return crc32.ChecksumIEEE(page), nil
}}
{more}
// Probe reads a page of 20000 bytes after whatever raises the size: a checksum, or a panic.
func Probe() (s string) {{
	defer func() {{
		if recover() != nil {{
			s = "panic"
		}}
	}}()
	Raise()
	sum, err := PageSum(zeros{{}})
	if err != nil {{
		return err.Error()
	}}
	return "ok " + string(rune('a'+sum%26))
}}

type zeros struct{{}}

func (zeros) Read(p []byte) (int, error) {{ clear(p); return len(p), nil }}
"""


NO_RAISE = "\n// Raise changes nothing here.\nfunc Raise() {}\n"
# Each must-decline case: the package's code that may give pageSize another value, and the reason's words.
WRITTEN = {
    "setter": ("var pageSize = 8 << 10", "\nfunc Raise() { pageSize = 20000 }\n", "written at written.go:"),
    "addressed": (
        "var pageSize = 8 << 10",
        "\nfunc Raise() { set(&pageSize) }\n\nfunc set(n *int) { *n = 20000 }\n",
        "written at written.go:",
    ),
    "incremented": (
        "var pageSize = 8 << 10",
        "\nfunc Raise() { for i := 0; i < 20000-8192; i++ { pageSize++ } }\n",
        "written at written.go:",
    ),
    "ranged": (
        "var pageSize = 8 << 10",
        "\nfunc Raise() { for pageSize = range 20001 {} }\n",
        "written at written.go:",
    ),
    "received": (
        "var pageSize = 8 << 10",
        "\nfunc Raise() { c := make(chan int, 1); c <- 20000; select { case pageSize = <-c: } }\n",
        "written at written.go:",
    ),
    "method": (
        "type size int\n\nfunc (s *size) set(n int) { *s = size(n) }\n\nvar pageSize size = 8 << 10",
        "\nfunc Raise() { pageSize.set(20000) }\n",
        "written at written.go:",
    ),
    # another package may set it (the case's own Raise stands for one)
    "exported": (
        "var PageSize = 8 << 10",
        "\nfunc Raise() { PageSize = 20000 }\n",
        "an exported package-level variable",
    ),
}


def source(name: str, declared: str, more: str) -> str:
    code = spool(name, declared, more)
    return code.replace("pageSize", "PageSize") if "PageSize" in declared else code


def naive(code: str, var: str = "pageSize") -> str:
    """The site taken from a pool of the initializer's array anyway: Get, deferred Put, `p[:n:n]`, cleared."""
    pooled = code.replace(
        f"\tpage := make([]byte, {var})\n",
        f"\tpagep := naivePages.Get().(*[8192]byte)\n\tdefer naivePages.Put(pagep)\n"
        f"\tpage := pagep[:{var}:{var}]\n\tclear(page)\n",
        1,
    )
    assert pooled != code
    pool = "\nvar naivePages = &naivePool{New: func() any { return new([8192]byte) }}\n"
    return pooled.replace('\t"io"\n', '\t"io"\n\t"sync"\n', 1) + DETERMINISTIC_POOL + pool


def site_results(found: list) -> list:
    """The proposals for the page's make (a fix with it among its targets, or its decline)."""
    return [r for r in found if "make([]byte" in (r.targets[0].message if isinstance(r, Fix) else r.site.message)]


def test_a_never_written_variable_sizes_the_pool(tmp_path):
    (found,) = proposals(module(tmp_path, {"spool/spool.go": spool("spool", more=NO_RAISE)}), RULE).values()
    (fix,) = site_results(found)
    assert isinstance(fix, Fix), fix
    inserted = "".join(e.new.decode() for e in fix.edits)
    assert "new([8192]byte)" in inserted and "page := pagep[:pageSize:pageSize]\n\tclear(page)" in inserted, inserted


def test_a_second_name_of_one_spec_and_a_typed_declaration_size_the_pool(tmp_path):
    cases = {
        "pair": spool("pair", "var headerSize, pageSize = 64, 8 << 10", NO_RAISE),
        "typed": spool("typed", "var (\n\tpageSize uint32 = 8192\n)", NO_RAISE),
    }
    found = proposals(module(tmp_path, {f"{n}/{n}.go": c for n, c in cases.items()}), RULE)
    for pkg, results in found.items():
        (fix,) = site_results(results)
        assert isinstance(fix, Fix) and "new([8192]byte)" in "".join(e.new.decode() for e in fix.edits), (pkg, fix)


@pytest.mark.parametrize("case", sorted(WRITTEN))
def test_a_variable_the_package_writes_declines(tmp_path, case):
    declared, raise_, reason = WRITTEN[case]
    files = {"w/w.go": source("w", declared, ""), "w/written.go": "package w\n" + raise_}
    (found,) = proposals(module(tmp_path, files), RULE).values()
    (declined,) = site_results(found)
    assert not isinstance(declined, Fix) and reason in declined.reason, declined


def test_a_write_in_a_test_file_declines(tmp_path):
    """A test that shrinks or grows the size for a case of its own writes it as the package's code does."""
    test = 'package w\n\nimport "testing"\n\nfunc TestBig(t *testing.T) { pageSize = 20000 }\n'
    files = {"w/w.go": spool("w", more=NO_RAISE), "w/w_test.go": test}
    (found,) = proposals(module(tmp_path, files), RULE).values()
    (declined,) = site_results(found)
    assert not isinstance(declined, Fix) and "written at w_test.go:5" in declined.reason, declined


def test_the_naive_pools_of_written_variables_panic_where_make_did_not(tmp_path, toolchain):
    originals = {c: source(c, d, r) for c, (d, r, _) in WRITTEN.items()}
    mutants = {c: naive(code, "PageSize" if c == "exported" else "pageSize") for c, code in originals.items()}
    built, values = naive_rewrites(tmp_path, toolchain, originals, mutants, dict.fromkeys(originals, "{pkg}.Probe()"))
    assert values.keys() == originals.keys(), built
    for case, (before, after) in values.items():
        assert before.startswith('"ok') and after == '"panic"', (case, before, after)


OTHER = {
    # a value go/types does not give as a constant: what the call returns may differ by run
    "called": (
        {"o/o.go": spool("o", "var pageSize = pages()\n\nfunc pages() int { return 8192 }", NO_RAISE)},
        "is not a constant go/types gives",
    ),
    # another build's file gives it another value
    "per_build": (
        {
            "o/o.go": spool("o", "", NO_RAISE),
            "o/size_linux.go": "package o\n\nvar pageSize = 8 << 10\n",
            "o/size_other.go": "//go:build !linux\n\npackage o\n\nvar pageSize = 64 << 10\n",
        },
        "is declared again in",
    ),
    "linkname": (
        {
            "o/o.go": spool("o", "var pageSize = 8 << 10", NO_RAISE),
            "o/link.go": 'package o\n\nimport _ "unsafe"\n\n//go:linkname pageSize\n',
        },
        "named by a //go:linkname",
    ),
    "assembly": (
        {
            "o/o.go": spool("o", "var pageSize = 8 << 10", NO_RAISE),
            "o/page_amd64.s": "// MOVQ $65536, ·pageSize(SB) in a real one\n",
        },
        "named by the assembly of page_amd64.s",
    ),
    "without_value": (
        {"o/o.go": spool("o", "var pageSize, spare = pages()\n\nfunc pages() (int, int) { return 8192, 0 }", NO_RAISE)},
        "not declared with a value of its own",
    ),
}


@pytest.mark.parametrize("case", sorted(OTHER))
def test_a_variable_other_builds_or_other_code_may_change_declines(tmp_path, case):
    files, reason = OTHER[case]
    (found,) = proposals(module(tmp_path, files), RULE).values()
    (declined,) = site_results(found)
    assert not isinstance(declined, Fix) and reason in declined.reason, declined


ALLOCS = """package spool

import (
	"testing"
)

func TestAllocs(t *testing.T) {
	var sum uint32
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { sum, _ = PageSum(zeros{}) }))
	if Probe() != "ok q" || sum != 0xd8f49994 {
		t.Fatalf("PageSum = %x, Probe = %s", sum, Probe())
	}
}
"""


def test_a_page_reader_sized_by_a_frozen_variable_allocates_nothing_after_the_fix(tmp_path):
    """AllocsPerRun of PageSum under go1.24.11 and go1.27.3: 1 before, 0 after the verified fix."""
    root = module(tmp_path, {"spool/spool.go": spool("spool", more=NO_RAISE), "spool/spool_test.go": ALLOCS})
    newest, older = releases()

    def allocs() -> list[str]:
        found = []
        for toolchain in (older, newest):
            done = toolchain.run(["test", "-count=1", "-v", "./spool"], str(root))
            assert done.returncode == 0, done.stdout.decode() + done.stderr.decode()
            found += re.findall(r"allocs=(\S+)", done.stdout.decode())
        return found

    assert allocs() == ["1", "1"]
    done = gorewrite(
        "fix", "--rule", "sync-pool", "--toolchain", older.version, "--toolchain", newest.version, cwd=root
    )
    assert done.returncode == 0 and "1 applied" in done.stderr, done.stderr
    assert allocs() == ["0", "0"]


def test_a_declaration_outside_the_package_sources_is_not_read():
    """go/types may place a variable in a file the view does not hold (cgo's output): declined, not a KeyError."""
    from types import SimpleNamespace

    from gorewrite.frozen_vars import frozen
    from gorewrite.syntax import parse, walk
    from gorewrite.typeinfo import Ident, Kind, Use

    tree = parse(b"package p\n\nvar _ = pageSize\n")
    (node,) = [n for n in walk(tree.root_node) if n.type == "identifier" and n.text == b"pageSize"]
    ident = Ident(
        node.start_byte, node.end_byte, "pageSize", "/elsewhere/_cgo_gotypes.go:40", Kind.VAR, False, "int", Use.READ
    )
    view = SimpleNamespace(types=SimpleNamespace(at=lambda path, start: ident), memo={}, sources={"/p/p.go": b""})
    assert "not declared with a value of its own" in frozen(view, "/p/p.go", node)


PULLER = """package puller

import _ "unsafe"

//go:linkname orig example.com/naive/orig/pulled.pageSize
var orig int

//go:linkname naive example.com/naive/naive/pulled.pageSize
var naive int

// Grow raises both packages' page size through the linker, as a package of the module may.
func Grow() { orig, naive = 20000, 20000 }
"""


def test_a_variable_another_package_pulls_by_linkname_declines(tmp_path):
    """`//go:linkname size example.com/m/o.pageSize` in another package of the module names the unexported
    variable and writes it (the linker refuses only pulls of std): the site declines, and the cache keys by it."""
    pull = 'package q\n\nimport _ "unsafe"\n\n//go:linkname size example.com/m/o.pageSize\nvar size int\n'
    files = {"o/o.go": spool("o", more=NO_RAISE), "q/q.go": pull + "\nfunc Grow() { size = 20000 }\n"}
    found = proposals(module(tmp_path, files), RULE)
    (declined,) = site_results(found["example.com/m/o"])
    assert not isinstance(declined, Fix) and "example.com/m/o.pageSize by a //go:linkname" in declined.reason, declined


def test_the_naive_pool_of_a_pulled_variable_panics_where_make_did_not(tmp_path, toolchain):
    raise_ = "\nfunc Raise() { puller.Grow() }\n"
    original = spool("pulled", more=raise_).replace('\t"io"\n', '\t"io"\n\n\t"example.com/naive/puller"\n', 1)
    (tmp_path / "puller").mkdir()
    (tmp_path / "puller" / "puller.go").write_text(PULLER)
    built, values = naive_rewrites(
        tmp_path, toolchain, {"pulled": original}, {"pulled": naive(original)}, {"pulled": "{pkg}.Probe()"}
    )
    before, after = values["pulled"]
    assert before.startswith('"ok') and after == '"panic"', (before, after, built)


def test_a_pull_added_after_a_cached_run_is_read(tmp_path):
    """The pulling package imports nothing of o and o nothing of it: only the module's linkname names, in the
    proposal cache's key, make the second check decline (else the cached fix would still be tagged)."""
    env = {"GOREWRITE_CACHE": str(tmp_path / "cache")}
    root = module(tmp_path / "m", {"o/o.go": spool("o", more=NO_RAISE)})
    before = gorewrite("check", "-v", "--rule", "sync-pool", "./o", cwd=root, env=env)
    assert "make([]byte, pageSize) escapes to heap  [sync-pool]" in before.stdout, before
    pull = 'package q\n\nimport _ "unsafe"\n\n//go:linkname size example.com/m/o.pageSize\nvar size int\n'
    (root / "q").mkdir()
    (root / "q" / "q.go").write_text(pull + "\nfunc Grow() { size = 20000 }\n")
    after = gorewrite("check", "-v", "--rule", "sync-pool", "./o", cwd=root, env=env)
    assert "by a //go:linkname or assembly of another package" in after.stdout, after


RECORDS = """package rec

import (
	"hash/crc32"
	"io"
)

var recordSize = 64

// Sum checksums n records of recordSize bytes.
func Sum(r io.Reader, n int) (uint32, error) {
	var sum uint32
	for i := 0; i < n; i++ {
		rec := make([]byte, recordSize)
		if _, err := io.ReadFull(r, rec); err != nil {
			return 0, err
		}
		sum += crc32.ChecksumIEEE(rec)
	}
	return sum, nil
}
"""


def test_a_small_frozen_size_in_a_loop_is_hoisted_as_a_numbered_array(tmp_path):
    """hoists.py spells a package-level constant's name as the array's length (`[headerLen]byte`); a frozen
    variable is no constant: `new([recordSize]byte)` does not compile (the fix was rejected), `[64]byte` does."""
    (found,) = proposals(module(tmp_path, {"rec/rec.go": RECORDS}), RULE).values()
    (fix,) = site_results(found)
    assert isinstance(fix, Fix), fix
    inserted = "".join(e.new.decode() for e in fix.edits)
    assert "new([64]byte)" in inserted and "rec := recp[:recordSize:recordSize]" in inserted, inserted


def test_one_process_reads_a_pull_added_since_it_last_looked(tmp_path):
    """The editor's server asks again in one process: a file whose size or time changed is read again. Another
    package's assembly writes the variable by its path as well (go1.24.11 and go1.27.3 link it)."""
    from gorewrite.frozen_vars import linked

    root = module(tmp_path, {"o/o.go": spool("o", more=NO_RAISE), "q/q.go": "package q\n"})
    assert "example.com/m/o.pageSize" not in linked(str(root))
    (root / "q" / "q.go").write_text('package q\n\nimport _ "unsafe"\n\n//go:linkname s example.com/m/o.pageSize\n')
    (root / "q" / "q_amd64.s").write_text("TEXT ·grow(SB),0,$0\n\tMOVQ $30000, example·com∕m∕o·spare(SB)\n")
    assert {"example.com/m/o.pageSize", "example.com/m/o.spare"} <= linked(str(root))


def test_a_variable_another_packages_assembly_writes_declines(tmp_path):
    """`MOVQ $30000, example·com∕m∕o·pageSize(SB)` in q's assembly links and writes o's unexported variable."""
    asm = '#include "textflag.h"\n\nTEXT ·Grow(SB),NOSPLIT,$0-0\n\tMOVQ $30000, example·com∕m∕o·pageSize(SB)\n\tRET\n'
    files = {"o/o.go": spool("o", more=NO_RAISE), "q/q.go": "package q\n\nfunc Grow()\n", "q/q_amd64.s": asm}
    found = proposals(module(tmp_path, files), RULE)
    (declined,) = site_results(found["example.com/m/o"])
    assert not isinstance(declined, Fix) and "example.com/m/o.pageSize by a //go:linkname" in declined.reason, declined


def test_an_assembly_file_added_after_a_cached_run_is_read(tmp_path):
    """The package's own assembly is no .go file the key reads: its `·pageSize` is in the key as the pulls are."""
    env = {"GOREWRITE_CACHE": str(tmp_path / "cache")}
    root = module(tmp_path / "m", {"o/o.go": spool("o", more=NO_RAISE)})
    before = gorewrite("check", "-v", "--rule", "sync-pool", "./o", cwd=root, env=env)
    assert "make([]byte, pageSize) escapes to heap  [sync-pool]" in before.stdout, before
    (root / "o" / "o_amd64.s").write_text("// MOVQ $30000, ·pageSize(SB) in a real one\n")
    after = gorewrite("check", "-v", "--rule", "sync-pool", "./o", cwd=root, env=env)
    assert "named by the assembly of o_amd64.s" in after.stdout, after


def test_a_never_written_variable_is_a_guards_limit(tmp_path):
    """`if n > pageSize { return }` bounds a `make([]byte, n)` by the variable's initializer (shapes.shape reads
    frozen_vars; its declaration is typed with the site): pooled at 8192, sliced to n."""
    guarded = spool("guarded", more=NO_RAISE).replace(
        "func PageSum(r io.Reader) (uint32, error) {\n\tpage := make([]byte, pageSize)",
        "func PageSum(r io.Reader) (uint32, error) {\n\treturn PartSum(r, pageSize)\n}\n\n"
        "// PartSum reads the first n bytes of a page.\nfunc PartSum(r io.Reader, n int) (uint32, error) {\n"
        "\tif n < 0 || n > pageSize {\n\t\treturn 0, io.ErrShortBuffer\n\t}\n\tpage := make([]byte, n)",
    )
    (found,) = proposals(module(tmp_path, {"guarded/guarded.go": guarded}), RULE).values()
    (fix,) = site_results(found)
    assert isinstance(fix, Fix), fix
    inserted = "".join(e.new.decode() for e in fix.edits)
    assert "new([8192]byte)" in inserted and "page := pagep[:n:n]" in inserted, inserted


def test_a_guards_limit_read_in_a_callee_is_typed_with_it(tmp_path):
    """`if !fits(n) { return }` where only fits names pageSize: the site's candidate types the declarations its
    callees name too (frozen_vars.named_in over Candidate.also), so the predicate bounds n by 8192 as the guard does;
    typing only the function's own names left the limit unknown and the site unpooled."""
    guarded = spool("predicate", more=NO_RAISE).replace(
        "func PageSum(r io.Reader) (uint32, error) {\n\tpage := make([]byte, pageSize)",
        "func PageSum(r io.Reader) (uint32, error) {\n\treturn PartSum(r, 8192)\n}\n\n"
        "func fits(n int) bool { return n >= 0 && n <= pageSize }\n\n"
        "// PartSum reads the first n bytes of a page.\nfunc PartSum(r io.Reader, n int) (uint32, error) {\n"
        "\tif !fits(n) {\n\t\treturn 0, io.ErrShortBuffer\n\t}\n\tpage := make([]byte, n)",
    )
    (found,) = proposals(module(tmp_path, {"predicate/predicate.go": guarded}), RULE).values()
    (fix,) = site_results(found)
    assert isinstance(fix, Fix), fix
    inserted = "".join(e.new.decode() for e in fix.edits)
    assert "new([8192]byte)" in inserted and "page := pagep[:n:n]" in inserted, inserted

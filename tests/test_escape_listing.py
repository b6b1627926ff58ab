"""The escape compile as `go list -export` (escape_listing.py): the build's diagnostics, clean only when the
build would be, and export data that is what prefetch lists, from this run's files."""

from __future__ import annotations

import io
import json
import os
import threading
import time

import pytest
from conftest import write_tree

from gorewrite import escape_listing, exports
from gorewrite.editor import Job, JobToolchain
from gorewrite.escape_listing import EscapeListing, _sections
from gorewrite.escapes import compile_escapes
from gorewrite.packages import load

MODULE = {
    "go.mod": "module example.com/l\n\ngo 1.22\n",
    "a/a.go": "package a\n\nfunc F() *int {\n\tx := 1\n\treturn &x\n}\n\nfunc G[T any](v T) *T { return &v }\n",
    "b/b.go": 'package b\n\nimport "example.com/l/a"\n\nvar P = a.F()\n\nfunc H() any { return a.G(3) }\n',
    "quiet/q.go": "package quiet\n\ntype T int\n",
    "onlytests/x_test.go": 'package onlytests\n\nimport "testing"\n\nfunc TestX(t *testing.T) {}\n',
}
# A command that compiles and does not link: f has no body, and the empty assembly file that allows that
# defines none. go list -export compiles it without a word; go build fails it.
UNLINKED = {
    "go.mod": "module example.com/u\n\ngo 1.22\n",
    "main.go": "package main\n\nfunc f() *int\n\nfunc main() {\n\tx := 1\n\tprintln(&x, f())\n}\n",
    "stub.s": "",
}


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    return write_tree(tmp_path_factory.mktemp("listing"), MODULE)


def _listed(toolchain, root, targets):
    packages = [p for p in load(toolchain, targets, str(root)) if not p.error]
    return packages, [p.import_path for p in packages], {p.import_path: p.files for p in packages}


def test_listing_says_what_the_build_does(toolchain, root):
    packages, paths, files = _listed(toolchain, root, ["./..."])
    early = EscapeListing(toolchain, ["./..."], str(root))
    try:
        early.know(files)
        assert early.clean()
        result = early.result(paths, files)
    finally:
        early.stop()
    assert result == compile_escapes(toolchain, paths, str(root), files=files)
    assert any(e.heap for e in result.escapes["example.com/l/a"])


def test_a_command_is_not_clean_its_link_error_is_the_builds(toolchain, tmp_path):
    """NAIVE: a listing clean but for its errors would analyse a command that does not link."""
    root = write_tree(tmp_path, UNLINKED)
    early = EscapeListing(toolchain, ["./..."], str(root))
    try:
        assert not early.clean()
        listed = early.exported()  # its export data stands: a link error is not the compile's
        assert listed and not any(e.get("Error") or e.get("DepsErrors") for e in listed)  # NAIVE's view: clean
    finally:
        early.stop()
    assert (
        "relocation target main.f not defined"
        in compile_escapes(toolchain, ["example.com/u"], str(root)).failed["example.com/u"]
    )


def test_an_error_is_not_clean(toolchain, tmp_path):
    root = write_tree(tmp_path, {**MODULE, "bad/bad.go": 'package bad\n\nvar X int = "s"\n'})
    early = EscapeListing(toolchain, ["./..."], str(root))
    try:
        assert not early.clean()
    finally:
        early.stop()


class _Chunks(io.RawIOBase):
    def __init__(self, chunks):
        self.chunks = list(chunks)

    def read1(self, size=-1):
        return self.chunks.pop(0) if self.chunks else b""


def test_sections_split_at_headers_whatever_the_reads():
    text = b"go: downloading x v1\n# a/b\nb.go:1:2: moved to heap: x\n# c\n# d\nd.go:3:4: can inline F"
    told = []
    for cut in range(1, len(text)):
        told.clear()
        outputs, failures, stray = _sections(_Chunks([text[:cut], text[cut:]]), lambda p, t: told.append((p, t)))
        assert outputs == {
            "a/b": "# a/b\nb.go:1:2: moved to heap: x\n",
            "c": "# c\n",
            "d": "# d\nd.go:3:4: can inline F\n",
        }
        assert failures == set() and stray == ["go: downloading x v1"]
        assert told == list(outputs.items())  # each section whole, whatever the reads: parsed.py's keys


def test_export_data_known_is_what_prefetch_lists_and_this_runs(toolchain, tmp_path, monkeypatch):
    """The listing's export data stands for prefetch's only where it is the same file; an edited package
    is a new file on the next run, not the first run's (a stale proposals key)."""
    root = write_tree(tmp_path, MODULE)
    monkeypatch.setattr(exports, "_EXPORT", {})
    monkeypatch.setattr(exports, "_STANDARD", set())
    seen = []
    for edit in ("", "\nfunc More() int { return 2 }\n"):
        (root / "a" / "a.go").write_text(MODULE["a/a.go"] + edit)
        packages, paths, files = _listed(toolchain, root, ["./..."])
        early = EscapeListing(toolchain, ["./..."], str(root))
        try:
            assert early.clean()
            exports.known(toolchain, early.exported(), str(root))
        finally:
            early.stop()
        known = dict(exports._EXPORT)
        exports._EXPORT.clear()
        exports._prefetch(toolchain, packages, set(paths), str(root))
        assert exports._EXPORT and {key: known.get(key) for key in exports._EXPORT} == exports._EXPORT
        seen.append(known)
    key = (exports.where(toolchain, str(root)), "example.com/l/a")
    assert seen[0][key] != seen[1][key]


def test_fields_hold_what_clean_and_known_read():
    assert set(escape_listing.FIELDS.split(",")) >= {"ImportPath", "Name", "Export", "Standard", "Error", "DepsErrors"}


@pytest.mark.parametrize("grace", [60.0, 0.0])  # the listing's own entries; past the grace, go list's beside it
def test_listed_packages_are_go_lists(toolchain, root, grace):
    early = EscapeListing(toolchain, ["./..."], str(root))
    try:
        listed = early.listed(grace)
    finally:
        early.stop()
    assert listed and {e["ImportPath"] for e in listed} >= {"example.com/l/a", "example.com/l/onlytests"}
    assert load(toolchain, ["./..."], str(root), listed=listed) == load(toolchain, ["./..."], str(root))


def test_nothing_listed_where_a_package_is_in_error(toolchain, tmp_path):
    """The caller's own go list says what is wrong (a broken package, a pattern naming nothing)."""
    root = write_tree(tmp_path, {**MODULE, "bad/bad.go": 'package bad\n\nvar X int = "s"\n'})
    for targets in (["./..."], ["./nothing"]):
        early = EscapeListing(toolchain, targets, str(root))
        try:
            assert early.listed(60.0) is None
        finally:
            early.stop()


def test_nothing_listed_with_an_overlay(toolchain, root, tmp_path):
    """load lists the files on disk; an editor's unsaved buffer may import another package. NAIVE: the
    listing's entries, which list the buffer's imports."""
    buffer = tmp_path / "q.go"
    buffer.write_text('package quiet\n\nimport "strings"\n\nvar S = strings.ToUpper("q")\n')
    overlay = tmp_path / "overlay.json"
    overlay.write_text(json.dumps({"Replace": {str(root / "quiet" / "q.go"): str(buffer)}}))
    early = EscapeListing(toolchain, ["./quiet"], str(root), overlay=str(overlay))
    try:
        assert early.listed(60.0) is None
        assert early.clean() and early.exported()[0]["Imports"] == ["strings"]  # NAIVE's view
    finally:
        early.stop()
    assert not load(toolchain, ["./quiet"], str(root))[0].imports


def test_a_cancelled_editor_job_kills_the_escape_listing_and_its_plain_listing(tmp_path):
    """The language server runs one job at a time: a job cancelled (a newer version of the file) must not
    wait for a cold compile, nor for the `go list` raced beside it, before the next job may start. A stand-in
    go that never ends plays both: cancelling the job kills them, and the listing gives up."""
    slow = tmp_path / "go"
    slow.write_text("#!/bin/sh\nexec sleep 60\n")
    slow.chmod(0o755)
    job = Job(str(tmp_path / "a.go"), 1)
    toolchain = JobToolchain(go=str(slow), version="go1.26.0", env=dict(os.environ), job=job)
    listing = EscapeListing(toolchain, ["./..."], str(tmp_path))
    said = []
    asked = threading.Thread(target=lambda: said.append(listing.listed(0.1)))
    asked.start()
    time.sleep(0.5)  # past the grace: the plain go list runs beside the listing
    started = time.monotonic()
    job.cancel()
    asked.join(10)
    assert not asked.is_alive() and said == [None]
    assert listing.go.wait(10) is not None and time.monotonic() - started < 5
    listing.stop()

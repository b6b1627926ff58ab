"""gofmt's output remembered (formatted.py): an entry answers only for the same bytes and the same binary."""

from __future__ import annotations

import os
import stat

import pytest

from gorewrite import formatted
from gorewrite.errors import UserError
from gorewrite.toolchain import Toolchain


def _fake_gofmt(directory, script: str) -> Toolchain:
    """A toolchain whose gofmt (beside its go) is a shell script, counting its runs in `runs`."""
    gofmt = directory / "gofmt"
    gofmt.write_text(f'#!/bin/sh\necho run >> "{directory}/runs"\n{script}\n')
    gofmt.chmod(gofmt.stat().st_mode | stat.S_IEXEC)
    return Toolchain(go=str(directory / "go"), version="go1.26.8", env=dict(os.environ))


def _runs(directory) -> int:
    runs = directory / "runs"
    return len(runs.read_text().splitlines()) if runs.exists() else 0


@pytest.fixture
def user_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("GOREWRITE_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_the_same_bytes_are_formatted_once_and_other_bytes_again(tmp_path, user_cache):
    toolchain = _fake_gofmt(tmp_path, "tr a-z A-Z")
    gofmt = formatted.formatter(toolchain)
    assert gofmt(b"package p\n") == b"PACKAGE P\n"
    assert gofmt(b"package p\n") == b"PACKAGE P\n"
    assert _runs(tmp_path) == 1
    assert gofmt(b"package q\n") == b"PACKAGE Q\n"  # a key without the source would say PACKAGE P
    assert _runs(tmp_path) == 2
    assert formatted.formatter(toolchain, remember=False)(b"package p\n") == b"PACKAGE P\n"
    assert _runs(tmp_path) == 3  # --no-cache runs gofmt


def test_another_gofmt_binary_at_the_same_path_formats_again(tmp_path, user_cache):
    """An upgraded or rebuilt gofmt is another key, though its path and the source are the same."""
    toolchain = _fake_gofmt(tmp_path, "tr a-z A-Z")
    assert formatted.formatter(toolchain)(b"package p\n") == b"PACKAGE P\n"
    toolchain = _fake_gofmt(tmp_path, "cat")
    assert formatted.formatter(toolchain)(b"package p\n") == b"package p\n"
    assert _runs(tmp_path) == 2


def test_the_same_script_for_another_release_formats_again(tmp_path, user_cache):
    """A version manager's shim is one script whatever release it runs: the go beside it says which."""
    toolchain = _fake_gofmt(tmp_path, "tr a-z A-Z")
    assert formatted.formatter(toolchain)(b"package p\n") == b"PACKAGE P\n"
    older = Toolchain(go=toolchain.go, version="go1.24.11", env=toolchain.env)
    assert formatted.formatter(older)(b"package p\n") == b"PACKAGE P\n"
    assert _runs(tmp_path) == 2


def test_bytes_that_are_not_utf8_come_back_whole(tmp_path, user_cache):
    toolchain = _fake_gofmt(tmp_path, "cat")
    source = b"package p // \xff\xfe \xed\xa0\x80 \xe4\xb8\x96\r\n"
    assert formatted.formatter(toolchain)(source) == source
    assert formatted.formatter(toolchain)(source) == source
    assert _runs(tmp_path) == 1


def test_source_gofmt_rejects_is_not_remembered(tmp_path, user_cache):
    toolchain = _fake_gofmt(tmp_path, "echo 'expected declaration' >&2; exit 2")
    for _ in range(2):
        with pytest.raises(UserError, match="expected declaration"):
            formatted.formatter(toolchain)(b"package p\nx\n")
    assert _runs(tmp_path) == 2


def test_a_damaged_entry_formats_again(tmp_path, user_cache):
    toolchain = _fake_gofmt(tmp_path, "tr a-z A-Z")
    formatted.formatter(toolchain)(b"package p\n")
    for entry in formatted.folder().glob("*.json"):
        entry.write_bytes(b"[1, ")
    assert formatted.formatter(toolchain)(b"package p\n") == b"PACKAGE P\n"
    assert _runs(tmp_path) == 2

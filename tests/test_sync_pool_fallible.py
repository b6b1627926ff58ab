"""sync-pool's fix of pools several functions share carries, for verification to try should it reject the whole, the
same pools without one function's sites, each function in turn (`_fallible`): one function the rewrite harms took
every site of its file's pools with it (probe sync-pool-compose: InlineHTML, made too costly to inline by its
deferred Put under go1.24.11, took twenty)."""

from __future__ import annotations

import json

from conftest import in_process, module

SOURCE = """package m

import (
	"bytes"
	"fmt"
	"io"
	"strings"
)

// inline writes s, its `**bold**` spans in <b>: recursive, so never inlined.
func inline(w io.Writer, s string) {
	if i := strings.Index(s, "**"); i >= 0 {
		if j := strings.Index(s[i+2:], "**"); j >= 0 {
			io.WriteString(w, s[:i])
			io.WriteString(w, "<b>")
			inline(w, s[i+2:i+2+j])
			io.WriteString(w, "</b>")
			inline(w, s[i+4+j:])
			return
		}
	}
	io.WriteString(w, s)
}

// Inline is small enough to inline, until a deferred Put makes it too costly.
func Inline(s string) string {
	var sb strings.Builder
	inline(&sb, s)
	return sb.String()
}

// Report writes one line per row in a single Write.
func Report(w io.Writer, rows []string) error {
	var buf bytes.Buffer
	for i, r := range rows {
		fmt.Fprintf(&buf, "%d\\t%s\\n", i, r)
	}
	_, err := w.Write(buf.Bytes())
	return err
}
"""


def test_a_shared_pool_rejected_for_one_function_still_pools_the_others(tmp_path):
    root = module(tmp_path, {"m/m.go": SOURCE})
    done = in_process(
        "fix", "--dry-run", "--format", "json", "--rule", "sync-pool", "--toolchain", "go1.24.11", "./...", cwd=root
    )
    assert done.returncode in (0, 1), done.stderr
    outcomes = json.loads(done.stdout)["outcomes"]
    verified = {t["line"] for o in outcomes if o["status"] == "verified" for t in o["targets"]}
    lines = SOURCE.splitlines()
    inline, report = lines.index("\tvar sb strings.Builder") + 1, lines.index("\tvar buf bytes.Buffer") + 1
    assert report in verified and inline not in verified, done.stdout
    assert any(o["status"] == "rejected" and "too costly to inline" in o["reason"] for o in outcomes), done.stdout

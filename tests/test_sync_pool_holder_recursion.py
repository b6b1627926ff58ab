"""sync-pool follows a holder handed back to the package's function whose parameter made it (`nest(zw, d-1)` after
`zw := gzip.NewWriter(w)` in nest; a multipart part handed to the function that made its Writer): the call back is
one being followed (holders.py `_followed`), judged by that parameter's own uses, not followed afresh. Before,
each holder started a new chain of followed functions, and such a recursion ended in a RecursionError (with a
gzip Writer once its WriteString was listed, with a multipart part once parts were holders)."""

from __future__ import annotations

import pytest
from conftest import naive_rewrites, proposal_at, proposals_by_case
from test_sync_pool_holders import _naive  # every `var x bytes.Buffer` from a pool anyway: Get, deferred Put

from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["sync-pool"]

HEAD = """package {name}

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"mime/multipart"
)

var _, _, _ = gzip.NewWriter, fmt.Sprint, multipart.NewWriter

"""

POOLED = {
    # a form whose part holds a form of its own, depth times over
    "form_nested": """func writeNested(w io.Writer, depth int) error {
	mw := multipart.NewWriter(w)
	if err := mw.SetBoundary(fmt.Sprint("b", depth)); err != nil {
		return err
	}
	part, err := mw.CreateFormField("inner")
	if err != nil {
		return err
	}
	if depth > 0 {
		if err := writeNested(part, depth-1); err != nil {
			return err
		}
	} else {
		io.WriteString(part, "leaf")
	}
	return mw.Close()
}

func Nested(w io.Writer, depth int) error {
	var body bytes.Buffer
	if err := writeNested(&body, depth); err != nil {
		return err
	}
	_, err := w.Write(body.Bytes())
	return err
}
""",
    # gzip over gzip, depth times over
    "gzip_nested": """func nest(w io.Writer, depth int) error {
	zw := gzip.NewWriter(w)
	if depth > 0 {
		if err := nest(zw, depth-1); err != nil {
			return err
		}
	} else {
		io.WriteString(zw, "leaf")
	}
	return zw.Close()
}

func Nested(w io.Writer, depth int) error {
	var body bytes.Buffer
	if err := nest(&body, depth); err != nil {
		return err
	}
	_, err := w.Write(body.Bytes())
	return err
}
""",
}

DECLINED = {
    # the innermost part kept in a package variable, past the recursion: a later write lands in the pooled buffer
    "nested_kept": (
        """var kept io.Writer

func writeNested(w io.Writer, depth int) {
	if depth > 0 {
		mw := multipart.NewWriter(w)
		mw.SetBoundary(fmt.Sprint("b", depth))
		part, _ := mw.CreateFormField("inner")
		writeNested(part, depth-1)
		return
	}
	kept = w
}

func Form(v string) string {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	mw.SetBoundary("top")
	part, _ := mw.CreateFormField("outer")
	writeNested(part, 1)
	io.WriteString(kept, v)
	return body.String()
}

func Late(s string) { io.WriteString(kept, s) }
""",
        "is passed to writeNested, whose w (nested_kept.go:23) is used as a value",
        'func() string { {pkg}.Form("a"); {pkg}.Late("LATE"); return {pkg}.Form("b") }()',
    ),
}


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    cases = {name: HEAD.format(name=name) + code for name, code in POOLED.items()}
    cases |= {name: HEAD.format(name=name) + code for name, (code, _, _) in DECLINED.items()}
    return proposals_by_case(tmp_path_factory.mktemp("recursion"), RULE, cases)


@pytest.mark.parametrize("case", sorted(POOLED))
def test_a_buffer_behind_holders_handed_back_to_their_maker_is_pooled(results, case):
    assert len(results[case]) == 1 and isinstance(results[case][0], Fix), results[case]


@pytest.mark.parametrize("case", sorted(DECLINED))
def test_a_holder_kept_down_the_recursion_is_declined(results, case):
    source = HEAD.format(name=case) + DECLINED[case][0]
    result = proposal_at(results[case], source, "\tvar body bytes.Buffer")
    assert not isinstance(result, Fix) and DECLINED[case][1] in result.reason, result


def test_every_naive_pool_of_a_declined_case_changes_what_its_callers_see(tmp_path, toolchain):
    originals = {name: HEAD.format(name=name) + code for name, (code, _, _) in DECLINED.items()}
    naive = {name: _naive(source) for name, source in originals.items()}
    probes = {name: probe for name, (_, _, probe) in DECLINED.items()}
    built, values = naive_rewrites(tmp_path, toolchain, originals, naive, probes)
    assert values.keys() == DECLINED.keys(), built
    for name, (before, after) in values.items():
        assert before != after, f"{name}: the naive pool gives the same {before}"

"""sync-pool pools a buffer behind a multipart.Writer (stdtable.py's `parts`, holders.py): the Writer holds the
buffer, and each part CreatePart, CreateFormFile or CreateFormField returns holds the Writer; both are judged as
holders, in the function that made them. For each decline, the naive pool it must not become, whose callers then
read bytes written after the Put."""

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
	"encoding/base64"
	"fmt"
	"io"
	"mime/multipart"
	"net/textproto"
)

var _, _, _, _ = base64.StdEncoding, fmt.Sprint, io.EOF, textproto.MIMEHeader{{}}

"""

POOLED = {
    # probe46's WriteForm: fields only, then the body written in one Write
    "form_fields": """func WriteForm(w io.Writer, fields [][2]string) (string, error) {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	if err := mw.SetBoundary("b0"); err != nil {
		return "", err
	}
	for _, f := range fields {
		if err := mw.WriteField(f[0], f[1]); err != nil {
			return "", err
		}
	}
	mw.Close()
	_, err := w.Write(buf.Bytes())
	return mw.FormDataContentType(), err
}
""",
    # probe44d's WriteMIME: a part per attachment in a loop, one behind a base64 encoder, one written by io.WriteString
    "mime_parts": """func WriteMIME(w io.Writer, text string, files [][]byte) error {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	th := textproto.MIMEHeader{}
	th.Set("Content-Type", "text/plain")
	pw, err := mw.CreatePart(th)
	if err != nil {
		return err
	}
	io.WriteString(pw, text)
	for i, data := range files {
		aw, err := mw.CreateFormFile("f", fmt.Sprint(i))
		if err != nil {
			return err
		}
		enc := base64.NewEncoder(base64.StdEncoding, aw)
		enc.Write(data)
		enc.Close()
	}
	mw.Close()
	fmt.Fprintf(w, "boundary=%s\\r\\n", mw.Boundary())
	_, err = w.Write(body.Bytes())
	return err
}
""",
    # a form nested in a part by a recursive helper: the part handed back to the function that made its Writer is
    # a call back into one being followed (holders.py's `following`; it recursed without end before)
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
	var buf bytes.Buffer
	if err := writeNested(&buf, depth); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}
""",
}

# Each: the code, a part of the reason, and a probe (a Go string expression) the naive pool changes.
DECLINED = {
    # the part outlives the call in a package variable: a later write through it lands in the pooled buffer
    "part_kept": (
        """var last io.Writer

func Field(name string) string {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	mw.SetBoundary("b0")
	p, _ := mw.CreateFormField(name)
	last = p
	io.WriteString(p, "v")
	return buf.String()
}

func Late(s string) { io.WriteString(last, s) }
""",
        "gives a writer holding it through CreateFormField, and that is held by p, which is used as a value",
        'func() string { {pkg}.Field("a"); {pkg}.Late("LATE"); return {pkg}.Field("b") }()',
    ),
    # io.Copy hands its dst to the source's WriteTo, which may keep it (the package's own does)
    "part_copied": (
        """type source struct{ s string }

var kept io.Writer

func (r *source) Read(p []byte) (int, error) { return 0, io.EOF }

func (r *source) WriteTo(w io.Writer) (int64, error) {
	kept = w
	n, err := io.WriteString(w, r.s)
	return int64(n), err
}

func File(s string) string {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	mw.SetBoundary("b0")
	part, _ := mw.CreateFormFile("f", "a.txt")
	io.Copy(part, &source{s})
	return buf.String()
}

func Late(s string) { io.WriteString(kept, s) }
""",
        "held by part, which on line 31 is passed to io.Copy, which the std table does not clear for it",
        'func() string { {pkg}.File("a"); {pkg}.Late("LATE"); return {pkg}.File("b") }()',
    ),
    # the Writer itself kept: a later field goes into the pooled buffer
    "writer_kept": (
        """var lastWriter *multipart.Writer

func Form(v string) string {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	mw.SetBoundary("b0")
	lastWriter = mw
	mw.WriteField("k", v)
	return buf.String()
}

func Late(s string) { lastWriter.WriteField("late", s) }
""",
        "is held by mw, which is used as a value on line",
        'func() string { {pkg}.Form("a"); {pkg}.Late("LATE"); return {pkg}.Form("b") }()',
    ),
    # the innermost part kept past the recursion of form_nested's helper: a later write lands in the pooled buffer
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
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	mw.SetBoundary("top")
	part, _ := mw.CreateFormField("outer")
	writeNested(part, 1)
	io.WriteString(kept, v)
	return buf.String()
}

func Late(s string) { io.WriteString(kept, s) }
""",
        "is passed to writeNested, whose w (nested_kept.go:24) is used as a value",
        'func() string { {pkg}.Form("a"); {pkg}.Late("LATE"); return {pkg}.Form("b") }()',
    ),
}


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    cases = {name: HEAD.format(name=name) + code for name, code in POOLED.items()}
    cases |= {name: HEAD.format(name=name) + code for name, (code, _, _) in DECLINED.items()}
    return proposals_by_case(tmp_path_factory.mktemp("multipart"), RULE, cases)


@pytest.mark.parametrize("case", sorted(POOLED))
def test_a_buffer_behind_a_multipart_writer_and_its_parts_is_pooled(results, case):
    assert len(results[case]) == 1 and isinstance(results[case][0], Fix), results[case]


@pytest.mark.parametrize("case", sorted(DECLINED))
def test_a_multipart_writer_or_part_that_may_outlive_the_call_is_declined(results, case):
    source = HEAD.format(name=case) + DECLINED[case][0]
    result = proposal_at(results[case], source, "\tvar buf bytes.Buffer")
    assert not isinstance(result, Fix) and DECLINED[case][1] in result.reason, result


def test_every_naive_pool_of_a_declined_case_changes_what_its_callers_see(tmp_path, toolchain):
    originals = {name: HEAD.format(name=name) + code for name, (code, _, _) in DECLINED.items()}
    naive = {name: _naive(source) for name, source in originals.items()}
    probes = {name: probe for name, (_, _, probe) in DECLINED.items()}
    built, values = naive_rewrites(tmp_path, toolchain, originals, naive, probes)
    assert values.keys() == DECLINED.keys(), built
    for name, (before, after) in values.items():
        assert before != after, f"{name}: the naive pool gives the same {before}"

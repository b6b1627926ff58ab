"""sync-pool pools a scratch or a buffer whose bytes go to json.Unmarshal (decoding.py), and a writer handed to a
bytes.Buffer's WriteTo (stdtable.py): json copies what it stores, and hands the bytes only to the decoding methods
of the type it decodes into, which go/types names (gotypes/decoders.go) and the compiler's verdicts clear. For each
decline, the naive pool it must not become, whose callers then read bytes a later call wrote."""

from __future__ import annotations

import pytest
from conftest import go_mod, module, naive_rewrites, proposal_at, proposals, proposals_by_case, write_tree
from test_sync_pool_holders import _naive  # every `var x bytes.Buffer` and `var x [512]byte` from a pool anyway

from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["sync-pool"]

HEAD = """package {name}

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"
)

var _, _, _, _, _ = bufio.NewWriter, strings.NewReader, time.Now, bytes.MinRead, json.Valid
var _, _ = fmt.Sprint, io.EOF

"""

# Each: the code and the line declaring its site.
POOLED = {
    # probe47's ReadAck: a scratch read full, then decoded into a struct of strings, bytes, raw JSON and a time
    "scratch_struct": (
        """type Ack struct {
	OK    bool              `json:"ok"`
	TS    string            `json:"ts"`
	Body  []byte            `json:"body"`
	Raw   json.RawMessage   `json:"raw"`
	At    time.Time         `json:"at"`
	Count map[string]int    `json:"count"`
	Next  *Ack              `json:"next"`
	Tags  []json.RawMessage `json:"tags"`
}

func ReadAck(r io.Reader) (Ack, error) {
	var scratch [512]byte
	var out Ack
	n, err := io.ReadFull(r, scratch[:])
	if err != nil && err != io.ErrUnexpectedEOF {
		return out, err
	}
	err = json.Unmarshal(scratch[:n], &out)
	return out, err
}
""",
        "\tvar scratch [512]byte",
    ),
    # the bytes of a buffer (fmt keeps nothing of it), decoded into the caller's pointer, whose UnmarshalJSON copies
    "buffer_pointer": (
        """type ID []byte

func (id *ID) UnmarshalJSON(b []byte) error {
	*id = append((*id)[:0], b...)
	return nil
}

type Result struct {
	ID ID     `json:"id"`
	OK bool   `json:"ok"`
}

func Decode(id string, out *Result) error {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, `{"id":%q,"ok":true}`, id)
	return json.Unmarshal(buf.Bytes(), out)
}
""",
        "\tvar buf bytes.Buffer",
    ),
    # a fresh batch json fills: its interfaces without methods start nil, and json puts its own values there
    "fresh_any": (
        """type Event struct {
	ID   string         `json:"id"`
	Data map[string]any `json:"data"`
	Tags []any          `json:"tags"`
	Next *Event         `json:"next"`
}

type Batch struct {
	Events []Event `json:"events"`
	Meta   any     `json:"meta"`
}

func ReadBatch(r io.Reader) (*Batch, error) {
	var scratch [512]byte
	n, err := io.ReadFull(r, scratch[:])
	if err != nil && err != io.ErrUnexpectedEOF {
		return nil, err
	}
	b := new(Batch)
	if err := json.Unmarshal(scratch[:n], b); err != nil {
		return nil, err
	}
	return b, nil
}
""",
        "\tvar scratch [512]byte",
    ),
    # a JSON value of any shape, decoded into a zero `any`
    "fresh_any_value": (
        """func ReadAny(r io.Reader) (any, error) {
	var scratch [512]byte
	n, err := io.ReadFull(r, scratch[:])
	if err != nil && err != io.ErrUnexpectedEOF {
		return nil, err
	}
	var v any
	err = json.Unmarshal(scratch[:n], &v)
	return v, err
}
""",
        "\tvar scratch [512]byte",
    ),
    # probe47's Exposition: a 64 KiB bufio.Writer handed to a helper that writes a buffer to it with WriteTo
    "bufio_write_to": (
        """func writeLine(w io.Writer, s string) error {
	var line bytes.Buffer
	line.WriteString(s)
	line.WriteByte('\\n')
	_, err := line.WriteTo(w)
	return err
}

func Lines(w io.Writer, lines []string) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	for _, s := range lines {
		if err := writeLine(bw, s); err != nil {
			return err
		}
	}
	return bw.Flush()
}
""",
        "\tbw := bufio.NewWriterSize(w, 64<<10)",
    ),
}

# Each: the code, a part of the reason, and a probe (a Go string expression) the naive pool changes.
DECLINED = {
    # the package's UnmarshalJSON keeps the bytes it is given: the first result's id would read the second's
    "keeper_method": (
        """type ID []byte

func (id *ID) UnmarshalJSON(b []byte) error {
	*id = b
	return nil
}

type Result struct {
	ID ID `json:"id"`
}

func Decode(r io.Reader) Result {
	var scratch [512]byte
	var out Result
	n, _ := io.ReadFull(r, scratch[:])
	json.Unmarshal(scratch[:n], &out)
	return out
}
""",
        "it may call (*ID).UnmarshalJSON, whose parameter",
        'func() string { a := {pkg}.Decode(strings.NewReader(`{"id":"abc"}`));'
        ' {pkg}.Decode(strings.NewReader(`{"id":"xyz"}`)); return string(a.ID) }()',
    ),
    # a string's UnmarshalText keeps the bytes, reached through an embedded struct: the held name would read the next
    "text_keeper": (
        """type Key []byte

func (k *Key) UnmarshalText(b []byte) error {
	*k = b
	return nil
}

type Inner struct {
	Name Key `json:"name"`
}

type Outer struct {
	Inner
}

var Held Key

func Keep(name string) {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, `{"name":%q}`, name)
	var out Outer
	json.Unmarshal(buf.Bytes(), &out)
	Held = out.Name
}
""",
        "it may call (*Key).UnmarshalText, whose parameter",
        'func() string { {pkg}.Keep("abc"); h := {pkg}.Held; {pkg}.Keep("xyz"); return string(h) }()',
    ),
    # an interface field the caller set: json decodes into what it holds, a type whose UnmarshalJSON keeps the bytes
    "interface_field": (
        """type Raw struct{ b []byte }

func (r *Raw) UnmarshalJSON(b []byte) error {
	r.b = b
	return nil
}

func (r *Raw) String() string { return string(r.b) }

type Envelope struct {
	Kind string `json:"kind"`
	Data any    `json:"data"`
}

func Open(r io.Reader, env *Envelope) {
	var scratch [512]byte
	n, _ := io.ReadFull(r, scratch[:])
	json.Unmarshal(scratch[:n], env)
}
""",
        "an interface, and json decodes into what it holds",
        'func() string { a := &{pkg}.Raw{}; {pkg}.Open(strings.NewReader(`{"data":"abc"}`), &{pkg}.Envelope{Data: a});'
        ' {pkg}.Open(strings.NewReader(`{"data":"xyz"}`), &{pkg}.Envelope{Data: &{pkg}.Raw{}}); return a.String() }()',
    ),
    # a local json decodes into, whose interface the function filled first (a literal's field): not nil
    "prefilled_any": (
        """type Raw struct{ b []byte }

func (r *Raw) UnmarshalJSON(b []byte) error {
	r.b = b
	return nil
}

func (r *Raw) String() string { return string(r.b) }

type Envelope struct {
	D any `json:"d"`
}

func Open(r io.Reader) *Raw {
	var scratch [512]byte
	raw := &Raw{}
	env := Envelope{D: raw}
	n, _ := io.ReadFull(r, scratch[:])
	json.Unmarshal(scratch[:n], &env)
	return raw
}
""",
        "an interface, and json decodes into what it holds",
        'func() string { a := {pkg}.Open(strings.NewReader(`{"d":"abc"}`));'
        ' {pkg}.Open(strings.NewReader(`{"d":"xyz"}`)); return a.String() }()',
    ),
    # a zero local, but its interface is set between the declaration and the call
    "written_before": (
        """type Raw struct{ b []byte }

func (r *Raw) UnmarshalJSON(b []byte) error {
	r.b = b
	return nil
}

func (r *Raw) String() string { return string(r.b) }

type Envelope struct {
	D any `json:"d"`
}

func Open(r io.Reader) *Raw {
	var scratch [512]byte
	var env Envelope
	raw := &Raw{}
	env.D = raw
	n, _ := io.ReadFull(r, scratch[:])
	json.Unmarshal(scratch[:n], &env)
	return raw
}
""",
        "an interface, and json decodes into what it holds",
        'func() string { a := {pkg}.Open(strings.NewReader(`{"d":"abc"}`));'
        ' {pkg}.Open(strings.NewReader(`{"d":"xyz"}`)); return a.String() }()',
    ),
    # declared before a loop that decodes into it: the second round finds what the loop body set after the first
    "loop_reused": (
        """type Raw struct{ b []byte }

func (r *Raw) UnmarshalJSON(b []byte) error {
	r.b = b
	return nil
}

func (r *Raw) String() string { return string(r.b) }

type Envelope struct {
	D any `json:"d"`
}

func Open(r io.Reader) *Raw {
	var scratch [512]byte
	var env Envelope
	raw := &Raw{}
	for i := 0; i < 2; i++ {
		n, _ := io.ReadFull(r, scratch[:8])
		json.Unmarshal(scratch[:n], &env)
		env.D = raw
	}
	return raw
}
""",
        "an interface, and json decodes into what it holds",
        'func() string { a := {pkg}.Open(strings.NewReader(`{"d":11}{"d":22}`));'
        ' {pkg}.Open(strings.NewReader(`{"d":33}{"d":44}`)); return a.String() }()',
    ),
}


# Declined though this build's types keep nothing: a type of another package of the module, whose files another
# build may declare otherwise (decoders.go's "named"); no naive pool of this build shows it.
ELSEWHERE = """type Local struct {
	Result bp.Result `json:"result"`
}

func Decode(id string) bool {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, `{"result":{"id":%q}}`, id)
	var out Local
	json.Unmarshal(buf.Bytes(), &out)
	return out.Result.OK
}
"""


# Declined though the local is fresh and its field an interface without methods in this build: the interface is
# another package's, whose other build may declare it a pointer to a type whose UnmarshalJSON keeps the bytes
# (`//go:build keep`: `type V = *Raw`; the naive pool, built with -tags keep, gives the first envelope the second's).
ELSEWHERE_ANY = """type Envelope struct {
	D av.V `json:"d"`
}

func Open(r io.Reader) *Envelope {
	var scratch [512]byte
	n, _ := io.ReadFull(r, scratch[:])
	env := new(Envelope)
	json.Unmarshal(scratch[:n], env)
	return env
}
"""


def _source(case: str) -> str:
    if case == "elsewhere":
        head = HEAD.format(name=case).replace('\t"time"\n', '\t"time"\n\n\tbp "example.com/m/buffer_pointer"\n')
        return head + ELSEWHERE
    if case in ("elsewhere_any", "elsewhere_alias"):  # anyv's V, or its alias A of any (`= *Raw` elsewhere too)
        head = HEAD.format(name=case).replace('\t"time"\n', '\t"time"\n\n\tav "example.com/m/anyv"\n')
        return head + (ELSEWHERE_ANY if case == "elsewhere_any" else ELSEWHERE_ANY.replace("av.V", "av.A"))
    if case == "anyv":
        return HEAD.format(name=case) + "type V interface{}\n\ntype A = any\n"
    code = POOLED[case][0] if case in POOLED else DECLINED[case][0]
    return HEAD.format(name=case) + code


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    cases = (*POOLED, *DECLINED, "elsewhere", "elsewhere_any", "elsewhere_alias", "anyv")
    return proposals_by_case(tmp_path_factory.mktemp("unmarshal"), RULE, {c: _source(c) for c in cases})


@pytest.mark.parametrize("case", sorted(POOLED))
def test_a_scratch_json_decodes_or_a_writer_a_buffer_writes_to_is_pooled(results, case):
    result = proposal_at(results[case], _source(case), POOLED[case][1])
    assert isinstance(result, Fix), result


@pytest.mark.parametrize("case", sorted(DECLINED))
def test_bytes_a_decoding_method_may_keep_are_not_pooled(results, case):
    result = proposal_at(results[case], _source(case), _declared(case))
    assert not isinstance(result, Fix) and DECLINED[case][1] in result.reason, result


def test_a_type_of_another_package_of_the_module_declines(results):
    result = proposal_at(results["elsewhere"], _source("elsewhere"), "\tvar buf bytes.Buffer")
    assert not isinstance(result, Fix), result
    assert "it may reach a type of example.com/m/buffer_pointer, whose other builds" in result.reason, result


@pytest.mark.parametrize("case", ["elsewhere_any", "elsewhere_alias"])
def test_an_interface_of_another_package_of_the_module_declines_in_a_fresh_local(results, case):
    result = proposal_at(results[case], _source(case), "\tvar scratch [512]byte")
    assert not isinstance(result, Fix), result
    assert "it may reach a type of example.com/m/anyv, whose other builds" in result.reason, result


KEEP_BUILD = {
    "anyv/v.go": "//go:build !keep\n\npackage anyv\n\ntype V interface{}\n",
    "anyv/v_keep.go": """//go:build keep

package anyv

type Raw struct{ B []byte }

func (r *Raw) UnmarshalJSON(b []byte) error {
	r.B = b
	return nil
}

type V = *Raw
""",
    "main.go": """package main

import (
	"fmt"
	"strings"

	"example.com/m/naive"
	"example.com/m/orig"
)

func main() {
	a := orig.Open(strings.NewReader(`{"d":"abc"}`))
	orig.Open(strings.NewReader(`{"d":"xyz"}`))
	b := naive.Open(strings.NewReader(`{"d":"abc"}`))
	naive.Open(strings.NewReader(`{"d":"xyz"}`))
	fmt.Printf("%s %s\\n", a.D.B, b.D.B)
}
""",
}


def test_the_naive_pool_of_another_packages_interface_changes_what_a_keep_build_reads(tmp_path, toolchain):
    source = _source("elsewhere_any")
    files = {"orig/o.go": source.replace("package elsewhere_any", "package orig")}
    files["naive/n.go"] = _naive(source).replace("package elsewhere_any", "package naive")
    root = write_tree(tmp_path, {**go_mod("example.com/m"), **KEEP_BUILD, **files})
    ran = toolchain.run(["run", "-tags", "keep", "."], str(root))
    assert ran.returncode == 0, ran.stderr.decode()
    before, after = ran.stdout.decode().split()
    assert (before, after) == ('"abc"', '"xyz"')  # the naive pool's first envelope reads the second's bytes


def _declared(case: str) -> str:
    return "\tvar scratch [512]byte" if "var scratch" in DECLINED[case][0] else "\tvar buf bytes.Buffer"


def test_every_naive_pool_of_a_declined_case_changes_what_its_callers_see(tmp_path, toolchain):
    originals = {name: _source(name) for name in DECLINED}
    naive = {name: _naive(source) for name, source in originals.items()}
    probes = {name: probe for name, (_, _, probe) in DECLINED.items()}
    built, values = naive_rewrites(tmp_path, toolchain, originals, naive, probes)
    assert values.keys() == DECLINED.keys(), built
    for name, (before, after) in values.items():
        assert before != after, f"{name}: the naive pool gives the same {before}"


# The target's type gets a decoding method from a file this build leaves out: json would call it there.
OTHER_BUILDS = {
    "tested/tested.go": HEAD.format(name="tested")
    + """type ID []byte

type Result struct {
	ID ID `json:"id"`
}

func Decode(id string) string {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, `{"id":%q}`, id)
	var out Result
	json.Unmarshal(buf.Bytes(), &out)
	return string(out.ID)
}
""",
    # go test compiles it with the package: there ID keeps the bytes it is given
    "tested/keep_test.go": """package tested

func (id *ID) UnmarshalText(b []byte) error { *id = b; return nil }
""",
    "tagged/tagged.go": HEAD.format(name="tagged")
    + """type ID []byte

type Result struct {
	ID ID `json:"id"`
}

func Decode(id string) string {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, `{"id":%q}`, id)
	var out Result
	json.Unmarshal(buf.Bytes(), &out)
	return string(out.ID)
}
""",
    "tagged/keep_windows.go": """package tagged

func (id *ID) UnmarshalJSON(b []byte) error { *id = b; return nil }
""",
}


def test_a_decoding_method_another_build_or_go_test_compiles_declines(tmp_path):
    found = proposals(module(tmp_path, OTHER_BUILDS), RULE)
    for package, file in (("tested", "keep_test.go"), ("tagged", "keep_windows.go")):
        (result,) = found[f"example.com/m/{package}"]
        assert not isinstance(result, Fix) and f"methods {file} may change" in result.reason, result

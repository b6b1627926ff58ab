#!/bin/bash
# compare.sh [GOREWRITE] [FIX-ARGS...]: rewrite a copy of this module with gorewrite fix, then run every package's
# tests in the original and the copy under go1.24.11 and go1.27.3, with and without -race, and diff what they print.
# svc and p2 record their results as JSON (-update -file), the other packages print them; svc is also run with
# -tags fancy (ids.ID gains a String there). Any difference is a wrong rewrite. Exit 1 on a difference.
set -u
here=$(cd "$(dirname "$0")" && pwd)
gorewrite=${1:-gorewrite}; shift || true
args=("$@"); [ ${#args[@]} -eq 0 ] && args=(--toolchain go1.24.11 --toolchain go1.27.3)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cp -r "$here" "$work/orig"; cp -r "$here" "$work/fixed"
(cd "$work/fixed" && "$gorewrite" fix "${args[@]}" ./... | tail -3)
dump() {  # dump DIR OUT
	local d=$1 o=$2; mkdir -p "$o"
	for tc in go1.24.11 go1.27.3; do for race in "" -race; do
		k=$tc$race
		(cd "$d" && GOTOOLCHAIN=$tc go test $race -vet=off -count=1 ./svc -run TestRecord -args -update -file "$o/svc.$k.json" >/dev/null 2>&1)
		(cd "$d" && GOTOOLCHAIN=$tc go test $race -vet=off -count=1 -tags fancy ./svc -run TestRecord -args -update -file "$o/fancy.$k.json" >/dev/null 2>&1)
		(cd "$d" && cp p2/testdata/record.json "$o/p2.saved" && GOTOOLCHAIN=$tc go test $race -vet=off -count=1 ./p2 -run TestRecord -args -update >/dev/null 2>&1; cp p2/testdata/record.json "$o/p2.$k.json"; cp "$o/p2.saved" p2/testdata/record.json)
		for p in p3 p4 p5 p6 p7 p8 p9 p10 p11; do
			(cd "$d" && GOTOOLCHAIN=$tc go test $race -vet=off -count=1 -v ./$p 2>&1 | grep -av '^=== \|^--- \|^ok\|^PASS' > "$o/$p.$k")
		done
	done; done
	rm -f "$o/p2.saved"
}
dump "$work/orig" "$work/d-orig"; dump "$work/fixed" "$work/d-fixed"
(cd "$work/fixed" && git diff --no-index --stat "$work/orig" "$work/fixed" | tail -1) 2>/dev/null
if diff -r "$work/d-orig" "$work/d-fixed"; then echo "same outputs"; else exit 1; fi

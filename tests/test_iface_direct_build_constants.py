"""iface-direct on a constant another build may give another value (`runtime.GOOS`, go/types: not steady): the
concatenation would print the same bytes, but the compiler folds the value this build gives the constant into its
message (`name + " (" + "linux" + ")" escapes to heap`), where the fix's claim spells the operand as written, so
verification rejected every such rewrite (probe iface-fmt-hunt p11, lines 22, 33, 35 and 39, session 56). The rule
declines; the naive rewrite is kept as a mutant whose message holds a literal where the operand was.
"""

from __future__ import annotations

from conftest import case_suite

from gorewrite.rules import RULES

RULE = RULES["iface-direct"]


def agent(name: str, call: str) -> str:
    """Package name whose Line returns the call, not inlined."""
    return (
        f'package {name}\n\nimport (\n\t"fmt"\n\t"runtime"\n)\n\n'
        f"// Line builds a line.\n//\n//go:noinline\nfunc Line(name string) string {{\n\treturn {call}\n}}\n\n"
        "var _ = fmt.Errorf\n\nvar _ = runtime.GOOS\n"
    )


REASON = "a constant another build may give another value"

DECLINES = {
    "goos": (agent("goos", 'fmt.Sprintf("%s (%s)", name, runtime.GOOS)'), REASON),
    "goarch_first": (agent("goarch_first", 'fmt.Sprintf("%s-%s", runtime.GOARCH, name)'), REASON),
}

NAIVE = {
    # the compiler's message holds the build's value as a literal: `… + "amd64" + ")" escapes to heap`
    "goos": (
        lambda s: s.replace('fmt.Sprintf("%s (%s)", name, runtime.GOOS)', 'name + " (" + runtime.GOOS + ")"'),
        '" + ")" escapes to heap',
    ),
    # leading constants fold into one literal the message starts with (`…:12:29: "amd64-" + name escapes to
    # heap`), where the claim spells `runtime.GOARCH + "-" + name`
    "goarch_first": (
        lambda s: s.replace('fmt.Sprintf("%s-%s", runtime.GOARCH, name)', 'runtime.GOARCH + "-" + name'),
        ': "',
    ),
}

globals().update(case_suite("iface-build-constants", RULE, {}, DECLINES, NAIVE))

"""Where a package breaks io.Writer's (io.Reader's) contract itself, so no rewrite there may rely on it.

A package that declares a Write (Read) that keeps p breaks the contract itself, and a value of
that type may be the io.Writer a pooled buffer reaches: no rewrite there may rely on the contract
(`breach`). Keeping is what the compiler reports, unless retention follows the method's body and
finds it keeps nothing: a wrapper whose Write hands p on to another io.Writer (`leaking param: p`,
since that call is dynamic) passes the contract along and does not break it. Its test files are
not compiled with the verdicts: their Write (Read) is judged by its body alone (module_writers), since
a fake that keeps p sees a pooled value's later bytes only when sync.Pool hands the same object back,
which `go test -race` does at random. The main module's other packages it (or its tests) imports are
judged too (module_writers.py).
"""

from __future__ import annotations

import glob
import os

from gorewrite import module_writers, retention
from gorewrite.parameters import judge, receiver_type
from gorewrite.proposals import PackageView
from gorewrite.rulekit import memo
from gorewrite.stdtable import READS, WRITES
from gorewrite.syntax import parse, text

BROKEN_BY = {WRITES: "Write", READS: "Read"}  # the method whose verdict breaks each contract


def breach(view: PackageView, relies: set[str]) -> str | None:
    """Why a rewrite resting on these contracts is declined in this package: it declares a method
    that breaks one (a Write the compiler says keeps p); None when it declares none."""
    for relied in sorted(relies):
        method = BROKEN_BY.get(relied)
        if method is None:
            continue
        found = memo(view, ("breaches", method), lambda m=method: _breaker(view, m))
        interface = relied.split("'", 1)[0]
        if found:
            owner, why = found
            return (
                f"relies on {relied}, which the package's own {owner}.{method} breaks ({why}), "
                f"and the {interface} it reaches may be one"
            )
        other = memo(view, ("module breaches", method), lambda m=method: module_writers.breaker(view, m))
        if other:
            owner, why = other
            return (
                f"relies on {relied}, which {owner}.{method} of the main module breaks ({why}), "
                f"and the {interface} it reaches may be one"
            )
    return None


def _breaker(view: PackageView, method: str) -> tuple[str, str] | None:
    """(receiver type, what shows it keeps p) of the package's first method of that name that keeps
    its first parameter, or None. A method the compiler printed no verdict for (a generic receiver's)
    counts as keeping it, and so does one in a file of the package this build leaves out (another
    GOOS, a build tag): the rewrite holds for every build, and nothing shows those do not."""
    for path in view.package.files:
        for node in module_writers.methods_named(view.tree(path).root_node, method):
            owner = receiver_type(node.child_by_field_name("receiver"))
            key = (view.package.import_path, owner or "", method)
            for version, verdicts in sorted(view.parameters.items()):
                signature = verdicts.get(key) if owner else None
                if signature is None:
                    shown = text(node.child_by_field_name("receiver")).decode()
                    varies = verdicts.varying.get(key[0])
                    return (
                        shown,
                        f"another build compiles {varies}"
                        if varies
                        else f"{version} printed no verdict for its parameters",
                    )
                said = signature.params[0] if signature.params else None
                if said is not None and judge(said, False, version) and retention.keeps(view, key, 0):
                    return owner, f"{version} reports `{said}`"
    built = set(view.package.files)
    here = sorted(glob.glob(os.path.join(glob.escape(view.package.dir), "*.go")))
    for path in here:
        if path in built:
            continue
        with open(path, "rb") as f:
            methods = module_writers.methods_named(parse(f.read()).root_node, method)
        if path.endswith("_test.go"):  # no verdicts: the body decides (module_writers)
            theirs = (module_writers.module_files(v, view.package.import_path) for v in view.parameters.values())
            paths = (*here, *(p for f in theirs for p in f))
            passes = bool(methods) and not module_writers.shadowed(paths, method)
            builtins = module_writers.predeclared(paths)
            for node in methods:
                use = module_writers.keeping_use(node, passes, builtins)
                if use is not None:
                    shown = text(node.child_by_field_name("receiver")).decode()
                    return shown, f"a fake of its tests, {os.path.basename(path)}:{use.start_point.row + 1}, keeps p"
            continue
        found = next(iter(methods), None)
        if found is not None:
            shown = text(found.child_by_field_name("receiver")).decode()
            return shown, f"it is in {os.path.basename(path)}, which this build leaves out"
    return None

"""What the compiler says each function does with its pointer parameters, for retention.py.

`-gcflags=-m` prints one verdict per parameter at its declaration (`leaking param: w`,
`b does not escape`, `leaking param: b to result ~r0 level=1`, `leaking param content: a`).
The package's own verdicts and those of every package it imports (std included) come from one
`go build -gcflags=-m` of them all: the gcflags apply to the named packages, and the build cache
replays their output on the next run. A verdict is found by position, so the files that carry
one are parsed to name the function and the parameter's index.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from gorewrite import constraints, import_steady
from gorewrite.build_files import Build, parsed
from gorewrite.dependencies import Listing
from gorewrite.escapes import ESCAPE_FLAGS, _events, resolve
from gorewrite.packages import compiled
from gorewrite.syntax import Node, parse, receiver_type, text
from gorewrite.toolchain import Toolchain, go_cwd

VERDICT = re.compile(
    r"^((?:[A-Za-z]:)?[^:\n]+\.go):(\d+):(\d+): (leaking param(?: content)?: (\w+)[^\n]*|(\w+) does not escape)$",
    re.MULTILINE,
)
FUNCTIONS = ("function_declaration", "method_declaration")
RECEIVER = -1  # an argument index that means the receiver of a method call: `x.M()` passes x (or &x)
TO_RESULT = re.compile(r"^leaking param: \w+ to result (\S+) level=(\d+)$")


@dataclass(frozen=True)
class Signature:
    """One function's parameter verdicts: the receiver's and each parameter's, None where the compiler
    said nothing (no pointer in it, or unnamed); `variadic` when the last parameter is `...T`."""

    receiver: str | None
    params: tuple[str | None, ...]
    variadic: bool


class Verdicts:
    """Each function's verdicts by (package import path, receiver type name or "", function name). A
    package's files are parsed the first time one of its functions is asked for: retention asks about
    the callees of a few packages, and parsing every file of std's imports cost 5 s of a `fix std`."""

    def __init__(
        self,
        said: dict[str, dict[str, dict[tuple[int, int], str]]],
        varying: dict[str, str],
        built: dict | None = None,
        files: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        self._said = said  # package -> file -> (line, byte column) -> parameter name
        self._named: dict[tuple[str, str, str], Signature] = {}
        self.varying = varying  # package -> why another build may give its functions other verdicts
        self._built = built or {}  # the listing's packages, for import_steady
        self._steady: dict[str, frozenset[tuple[str, str]]] = {}  # package -> its functions every build judges alike
        self.module: dict[str, tuple[str, ...]] = {}  # package -> main-module packages it imports (module_writers)
        self.module_files: dict[str, tuple[str, ...]] = {}  # those packages' files of every build
        self.files = files or {}  # package -> the files this build compiles (called_only.py reads them)

    def get(self, key: tuple[str, str, str]) -> Signature | None:
        """The function's verdicts in this build; None where the compiler printed none, or where another
        build may compile the function, or what it calls, differently (`missing` says which)."""
        if key[0] in self.varying and (key[1], key[2]) not in self.steady(key[0]):
            return None
        for path, said in self._said.pop(key[0], {}).items():
            self._named.update(_signatures(key[0], path, said))
        return self._named.get(key)

    def steady(self, pkg: str) -> frozenset[tuple[str, str]]:
        """The package's functions whose verdicts every build gives although it is varying (by an import)."""
        if pkg not in self._steady:
            self._steady[pkg] = import_steady.steady(self._built, self.varying, pkg)
        return self._steady[pkg]

    def missing(self, key: tuple[str, str, str], version: str) -> str:
        """Why `get` has no verdicts for the function: `of which …`."""
        varies = self.varying.get(key[0])
        if varies:
            return f"of which another build compiles {varies}: what it keeps may differ there"
        return f"of which {version}'s compile printed no parameter verdicts"


def compile_parameters(toolchain: Toolchain, import_paths: list[str], cwd: str, listing: Listing) -> Verdicts:
    """The parameter verdicts of every function in the packages (a package that fails to build has none);
    `listing`: the run's, of this toolchain, which lists them and what they import."""
    done = toolchain.run(["build", "-json", "-o", os.devnull, *ESCAPE_FLAGS, "--", *import_paths], cwd=cwd)
    outputs, _, _ = _events(done.stdout.splitlines())
    base = go_cwd(cwd, toolchain.env)
    # Replayed output may name another installation's std files (see escapes.resolve): map to ours.
    files = {pkg: tuple(sorted(found)) for pkg, found in compiled(toolchain, cwd, import_paths, None).items()}
    said: dict[str, dict[str, dict[tuple[int, int], str]]] = {}
    for pkg, output in outputs.items():
        path_of = pkg.split(" ")[0]
        by_file = said.setdefault(path_of, {})
        for m in VERDICT.finditer(output):
            path = resolve(m[1], base, files.get(path_of, ()))
            at = by_file.setdefault(path, {})
            at[(int(m[2]), int(m[3]))] = _joined(at.get((int(m[2]), int(m[3]))), m[4])
    return Verdicts(said, varying(listing, import_paths), listing.built(), files)


def _joined(before: str | None, said: str) -> str:
    """One verdict of the lines a parameter gets (the compiler prints a heap leak first, then one line per
    result it flows to: `leaking param content: b` and `leaking param: b to result ~r0 level=0`): a heap
    leak wins over a result, and flows to two results count as kept (`leaking param: b`), never the last
    line alone, which hid the heap leak."""
    if before is None:
        return said
    if not TO_RESULT.match(before):
        return before
    return said if not TO_RESULT.match(said) else f"leaking param: {said.split()[2]}"


def varying(listing: Listing, import_paths: list[str]) -> dict[str, str]:
    """The packages outside std whose verdicts hold for this build only: a file of theirs, or of a package
    outside std they import, is left out of it (another GOOS or GOARCH, a build tag, another release's
    go1.N constraint), so another build may declare a function, or what it calls, otherwise; each with
    that file. Test files and `//go:build ignore` files (generators) are no build's code of the package, nor
    is a file that cannot change what the build's files mean (build_files.Build.inert: another package's
    clause, or only added names the build's files never write, beside files every build compiles).
    Std is the installation's own, judged through its verdicts and tables as one build. Asked of the
    import paths and what they import, as a build without tests sees them (`listing.built`)."""
    built = listing.built()
    reach = {d for p in import_paths if p in built for d in (p, *built[p].deps) if d in built}
    own: dict[str, str | None] = {}
    for pkg in reach:
        line = built[pkg]
        files = [os.path.join(line.dir, f) for f in line.ignored if not f.endswith("_test.go")]
        # cgo files are not among GoFiles: a cgo package's build is not known whole here
        files_of = None if "C" in line.imports else tuple(os.path.join(line.dir, f) for f in line.go_files)
        build = Build(line.dir, line.package, files_of, parsed) if files_of is not None else None
        harmless = [f for f in files if _ignore_only(f) or (build and build.inert(os.path.basename(f)))]
        own[pkg] = next((os.path.basename(f) for f in files if f not in harmless), None)
    varying: dict[str, str] = {}
    for pkg, file in own.items():
        culprit = (pkg, file) if file else next(((d, own[d]) for d in built[pkg].deps if own.get(d)), None)
        if culprit:
            varying[pkg] = culprit[1] if culprit[0] == pkg else f"{culprit[1]} of {culprit[0]}, which it imports"
    return varying


def _ignore_only(path: str) -> bool:
    """Does every build that compiles the file set the `ignore` tag (a generator no build compiles into the
    package)? Its constraint as go/build reads it (constraints.read), evaluated, not matched as text."""
    try:
        with open(path, "rb") as f:
            found = constraints.read(f.read())
    except OSError:
        return False
    return isinstance(found, constraints.Constraint) and constraints.needs(found.expr, "ignore")


def _signatures(pkg: str, path: str, said: dict[tuple[int, int], str]) -> dict[tuple[str, str, str], Signature]:
    """Name the functions of one file whose parameters have verdicts (1-based line and byte column)."""
    try:
        with open(path, "rb") as f:
            source = f.read()
    except OSError:
        return {}
    starts = [0, *(m.end() for m in re.finditer(rb"\n", source))]
    found: dict[tuple[str, str, str], Signature] = {}
    for node in parse(source).root_node.named_children:
        if node.type not in FUNCTIONS or node.child_by_field_name("name") is None:
            continue
        receiver, recv_type = None, ""
        if node.type == "method_declaration":
            names = parameter_names(node.child_by_field_name("receiver"))
            receiver = _verdict(said, starts, names[0][0]) if names and names[0][0] is not None else None
            recv_type = receiver_type(node.child_by_field_name("receiver"))
            if recv_type is None:
                continue  # generic or unusual receiver: nobody looks it up
        params = parameter_names(node.child_by_field_name("parameters"))
        verdicts = tuple(_verdict(said, starts, name) if name is not None else None for name, _ in params)
        variadic = bool(params) and params[-1][1]
        found[(pkg, recv_type, text(node.child_by_field_name("name")).decode())] = Signature(
            receiver, verdicts, variadic
        )
    return found


def parameter_names(params: Node | None) -> list[tuple[Node | None, bool]]:
    """Each parameter's name node (None when unnamed or `_`) and whether it is variadic, in order."""
    names: list[tuple[Node | None, bool]] = []
    for decl in params.named_children if params is not None else ():
        if decl.type not in ("parameter_declaration", "variadic_parameter_declaration"):
            continue
        variadic = decl.type == "variadic_parameter_declaration"
        found = decl.children_by_field_name("name")
        names += [(n if text(n) != b"_" else None, variadic) for n in found] or [(None, variadic)]
    return names


def _verdict(said: dict[tuple[int, int], str], starts: list[int], name: Node) -> str | None:
    line = name.start_point.row + 1
    return said.get((line, name.start_byte - starts[line - 1] + 1))


def verdict_of(signature: Signature, argument: int) -> tuple[str | None, bool]:
    """The verdict of the parameter the argument lands in, and whether it lands in a variadic slice as an element."""
    if argument == RECEIVER:
        return signature.receiver, False
    last = len(signature.params) - 1
    if signature.variadic and argument >= last:
        return signature.params[last], True
    return (signature.params[argument], False) if argument <= last else (None, False)


def compiler_keeps(
    parameters: dict[str, Verdicts], key: tuple[str, str, str], argument: int, contents: bool = False
) -> str | None:
    """None when each toolchain's compiler says the function keeps no pointer passed as `argument` (RECEIVER: its
    receiver), else why, as `whose parameter … reports …`. The compiler's own word, not what retention.py proves of
    the callee (an io.Writer's contract, the package's own body followed): a value whose address a call takes stays
    on its function's stack only where the compiler agrees. contents: the pointer is inside what the parameter
    points to (a slice of an array boxed into an `any`), so `leaking param content` keeps it too."""
    for version, verdicts in sorted(parameters.items()):
        signature = verdicts.get(key)
        if signature is None:
            return verdicts.missing(key, version)
        said, element = verdict_of(signature, argument)
        problem = judge(said, element or contents, version)
        if problem:
            return problem
    return None


def aliases(said: str | None) -> bool:
    """Does the verdict say the result holds what the pointer points to (`leaking param: b to result ~r0
    level=1`: `bytes.Buffer.Bytes`), not the pointer itself?"""
    to_result = TO_RESULT.match(said or "")
    return bool(to_result) and int(to_result[2]) >= 1


def judge(said: str | None, contents: bool, version: str) -> str | None:
    """None when the compiler's verdict means the pointer (and, with contents, what it points to) is not kept."""
    if said is None:
        return f"whose parameter has no verdict from {version}"
    if said.endswith(" does not escape"):
        return None
    to_result = TO_RESULT.match(said)
    if to_result and int(to_result[2]) == 0:
        return f"which returns it: {version} reports `{said}`"
    if (to_result or said.startswith("leaking param content: ")) and not contents:
        return None
    return f"whose parameter {version} reports as `{said}`"

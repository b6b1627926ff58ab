"""The gotypes helper process: built once per Go release and helper source into the user cache, then kept
running to answer typeinfo's requests (one process per concurrent request, each serving the whole run: starting one
per package cost a start and a fresh read of the imports' export data each)."""

from __future__ import annotations

import atexit
import dataclasses
import hashlib
import importlib.resources
import json
import re
import subprocess
import tempfile
import threading
from pathlib import Path
from typing import IO

from gorewrite import cache
from gorewrite.errors import UserError, os_problem
from gorewrite.exports import Unavailable, last_line
from gorewrite.toolchain import Toolchain

HELPER_FILES = (
    "main.go",
    "cgo.go",
    "steady.go",
    "locks.go",
    "boxes.go",
    "decoders.go",
    "widest.go",
    "declared.go",
    "named.go",
    "go.mod",
)


def binary(toolchain: Toolchain, env: dict[str, str]) -> Path:
    """The helper binary for this Go version and helper source, built on first use."""
    source = importlib.resources.files("gorewrite") / "gotypes"
    files = {name: (source / name).read_bytes() for name in HELPER_FILES}
    digest = hashlib.sha256(b"\0".join(files.values())).hexdigest()[:12]
    version = env["GOVERSION"]
    binary = cache.directory() / f"gotypes-{re.sub(r'[^0-9A-Za-z.-]+', '_', version)}-{digest}"
    with _BUILDING:  # packages are type-checked side by side: the first builds it, the others wait
        try:
            if not binary.is_file():  # raises too where the path cannot be a file's (ENAMETOOLONG, EACCES)
                _build(toolchain, env, files, binary)
        except OSError as err:  # no package could be type-checked: every rewrite would decline, unexplained
            raise UserError(
                f"cannot build the gotypes helper in {binary.parent}: {os_problem(err)} "
                "(GOREWRITE_CACHE, else the user cache directory, must be a directory gorewrite can write)"
            ) from None
    return binary


_BUILDING = threading.Lock()


def _build(toolchain: Toolchain, env: dict[str, str], files: dict[str, bytes], binary: Path) -> None:
    version = env["GOVERSION"]
    # For the host whatever the user targets; -mod=mod overrides GOFLAGS set by `go env -w`.
    host = {"GOOS": env["GOHOSTOS"], "GOARCH": env["GOHOSTARCH"], "CGO_ENABLED": "0", "GOFLAGS": "-mod=mod"}
    host["GOWORK"] = "off"
    if re.fullmatch(r"go1[0-9a-z.]*", version):
        host["GOTOOLCHAIN"] = version  # the toolchain the package's module selects, not the temp dir's
    builder = dataclasses.replace(toolchain, env={**toolchain.env, **host})

    def build(partial: str) -> None:
        with tempfile.TemporaryDirectory() as src:
            for name, data in files.items():
                Path(src, name).write_bytes(data)
            done = builder.run(["build", "-o", partial, "."], cwd=src)
        if done.returncode != 0:
            raise Unavailable(f"cannot build the gotypes helper with {version}: {last_line(done.stderr)}")

    cache.install(binary, build)


_SERVERS: dict[tuple, list[tuple[subprocess.Popen, IO[bytes]]]] = {}  # (helper, env) -> its idle processes
_LOCK = threading.Lock()  # guards _SERVERS: a request has its process to itself


def ask(helper: Path, request: dict, env: dict[str, str]) -> dict[str, dict[str, list[dict]]]:
    """Send one request to an idle helper process (started when none is idle: as many as requests run at
    once, each serving the whole run; one per package cost a start and a fresh read of the imports'
    export data each); its answer, or Unavailable with its reason."""
    key = (str(helper), tuple(sorted(env.items())))
    with _LOCK:
        idle = _SERVERS.setdefault(key, [])
        server, stderr = idle.pop() if idle else _start(helper, env)
    try:
        server.stdin.write(json.dumps(request).encode() + b"\n")
        server.stdin.flush()
        answer = server.stdout.readline()
    except OSError:
        answer = b""
    try:
        response = json.loads(answer)
    except ValueError:
        server.kill()  # the next request starts another
        server.wait()
        stderr.seek(0)
        said = last_line(stderr.read())
        stderr.close()
        raise Unavailable(f"the gotypes helper failed: {said}") from None
    with _LOCK:
        _SERVERS[key].append((server, stderr))
    if response.get("error"):
        raise Unavailable(response["error"])
    return response


def _start(helper: Path, env: dict[str, str]) -> tuple[subprocess.Popen, IO[bytes]]:
    stderr = tempfile.TemporaryFile()
    try:
        server = subprocess.Popen([str(helper)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr, env=env)
    except OSError as err:
        stderr.close()
        raise Unavailable(f"cannot run the gotypes helper {helper}: {err}") from None
    return server, stderr


@atexit.register
def _stop() -> None:
    """Close the helpers' streams: each ends at the end of its input."""
    for server, stderr in (s for idle in _SERVERS.values() for s in idle):
        server.stdin.close()
        server.wait()
        stderr.close()
    _SERVERS.clear()

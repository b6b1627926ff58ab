"""`gorewrite lsp`: a Language Server over stdio (pygls): the package's heap escapes as diagnostics,
the compiler's flow and each rule's verdict on hover, and compiler-verified rewrites as code actions.

The handlers stay on the event loop; editor.py runs the pipeline in one worker thread (a compile
takes both cores). Results are cached per file version; a newer version cancels older work.
"""

from __future__ import annotations

import asyncio
import itertools
import os
from concurrent.futures import ThreadPoolExecutor

from gorewrite.errors import UserError

try:
    from lsprotocol import types
    from pygls.exceptions import JsonRpcContentModified, JsonRpcInvalidRequest
    from pygls.lsp.server import LanguageServer
    from pygls.uris import from_fs_path, to_fs_path
    from pygls.workspace import TextDocument
except ImportError as err:  # an install without the `lsp` extra
    raise UserError(f"{err}: install the language server with `pip install 'gorewrite[lsp]'`") from None

from gorewrite import __version__, editor, why
from gorewrite.editor import Cancelled, Job, Settings
from gorewrite.lsp_values import diagnostics, ignore_edit, text_edit
from gorewrite.pipeline import Analysis, Run

SECTION = (
    "gorewrite"  # workspace/configuration section and initializationOptions keys: go, tags, toolchains, rules, profile
)


class Server(LanguageServer):
    """The documents' cached analyses and line verdicts, and the jobs computing them."""

    def __init__(self) -> None:
        super().__init__("gorewrite", __version__)
        self.chosen = Settings()
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="gorewrite-worker")
        self.jobs: set[Job] = set()
        self.analyses: dict[tuple[str, int], asyncio.Task] = {}  # (path, version) -> check of its package
        self.lines: dict[tuple[str, int, int], Run] = {}  # (path, version, line) -> fix of that line's sites
        self.tokens = itertools.count(1)  # work-done progress tokens
        self.configured = asyncio.Event()  # set once workspace/configuration has answered (or cannot)

    async def work(self, path: str, version: int, task, *args, token: str | None = None):
        """Run editor.<task>(settings, job, *args, progress) in the worker; cancelling the caller cancels it."""
        await self.configured.wait()
        job = Job(path, version)
        self.jobs.add(job)
        loop = asyncio.get_running_loop()

        def progress(step: str) -> None:
            if token:
                report = types.WorkDoneProgressReport(message=step)
                loop.call_soon_threadsafe(self.work_done_progress.report, token, report)

        try:
            return await asyncio.wrap_future(self.worker.submit(task, self.chosen, job, *args, progress))
        except asyncio.CancelledError:
            job.cancel()
            raise
        except Cancelled:
            raise asyncio.CancelledError from None
        except UserError as err:  # what the command line would say on stderr, as the request's error
            raise JsonRpcInvalidRequest(f"gorewrite: {err}") from None
        finally:
            self.jobs.discard(job)

    def supersede(self, path: str, version: int | None = None) -> None:
        """Cancel and forget the work on the file's versions before `version` (all of them without one), and
        on the other files of its package: they were compiled with this file as it was."""

        def stale(where: str, number: int) -> bool:
            if where != path:
                return os.path.dirname(where) == os.path.dirname(path)
            return version is None or number < version

        for job in [j for j in self.jobs if stale(j.path, j.version)]:
            job.cancel()
        for key in [k for k in self.analyses if stale(*k[:2])]:
            self.analyses.pop(key).cancel()
        for key in [k for k in self.lines if stale(*k[:2])]:
            del self.lines[key]

    def unsaved(self) -> dict[str, bytes]:
        """The open buffers that differ from their files: compiled through an overlay, never written."""
        found = {}
        for doc in list(self.workspace.text_documents.values()):
            path, content = _path(doc.uri), doc.source.encode()
            try:
                with open(path, "rb") as f:
                    if f.read() == content:
                        continue
            except OSError:
                pass
            found[path] = content
        return found

    async def analysis(self, uri: str) -> Analysis:
        """The check of the document's current version, started once and shared by every request (a
        cancelled request leaves it running: the diagnostics need it)."""
        doc = self.workspace.get_text_document(uri)
        key = (_path(uri), doc.version or 0)
        if key not in self.analyses:
            self.analyses[key] = asyncio.ensure_future(self.work(*key, editor.diagnose, self.unsaved()))
        return await asyncio.shield(self.analyses[key])

    async def line_run(self, uri: str, line: int, title: str) -> Run:
        """The line's sites proposed and verified like `fix` (saved files only), with work-done progress."""
        doc = self.workspace.get_text_document(uri)
        key = (_path(uri), doc.version or 0, line)
        if key in self.lines:
            return self.lines[key]
        token = await self._progress_begin(title)
        try:
            run = await self.work(*key[:2], editor.verify_line, line, token=token)
        finally:
            if token:
                self.work_done_progress.end(token, types.WorkDoneProgressEnd())
        self.lines[key] = run
        return run

    async def _progress_begin(self, title: str) -> str | None:
        window = self.client_capabilities.window
        if not (window and window.work_done_progress):
            return None
        token = f"gorewrite-{next(self.tokens)}"
        await self.work_done_progress.create_async(token)
        self.work_done_progress.begin(token, types.WorkDoneProgressBegin(title=title, cancellable=False))
        return token

    async def recheck(self) -> None:
        """Forget every result and check every open file again."""
        uris = list(self.workspace.text_documents)
        for uri in uris:
            self.supersede(_path(uri))
        await asyncio.gather(*(self.publish(uri) for uri in uris))

    async def publish(self, uri: str) -> None:
        """Check the document's package and publish the document's diagnostics (Error where it does not build)."""
        doc = self.workspace.get_text_document(uri)
        try:
            run = await self.analysis(uri)
        except asyncio.CancelledError:
            return  # a newer version is on its way
        except JsonRpcInvalidRequest as err:
            self.window_log_message(types.LogMessageParams(types.MessageType.Error, str(err)))
            return
        found = diagnostics(doc, _path(uri), run)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, found, version=doc.version))


server = Server()


@server.feature(types.INITIALIZE)
def initialize(ls: Server, params: types.InitializeParams) -> None:
    ls.chosen = Settings.of(params.initialization_options)


@server.feature(types.INITIALIZED)
async def initialized(ls: Server, params: types.InitializedParams) -> None:
    """Ask for the `gorewrite` settings before any work starts: they override initializationOptions."""
    workspace = ls.client_capabilities.workspace
    try:
        if workspace and workspace.configuration:
            said = await ls.workspace_configuration_async(
                types.ConfigurationParams(items=[types.ConfigurationItem(section=SECTION)])
            )
            if said and isinstance(said[0], dict) and said[0]:
                ls.chosen = Settings.of(said[0])
    finally:
        ls.configured.set()


@server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
async def configuration_changed(ls: Server, params: types.DidChangeConfigurationParams) -> None:
    data = params.settings.get(SECTION) if isinstance(params.settings, dict) else None
    if isinstance(data, dict):
        ls.chosen = Settings.of(data)
        await ls.recheck()


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
async def did_open(ls: Server, params: types.DidOpenTextDocumentParams) -> None:
    await ls.publish(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: Server, params: types.DidChangeTextDocumentParams) -> None:
    ls.supersede(_path(params.text_document.uri), params.text_document.version)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
async def did_save(ls: Server, params: types.DidSaveTextDocumentParams) -> None:
    """A saved file may change what any package importing it allocates: every open file is checked again."""
    await ls.recheck()


@server.feature(types.SHUTDOWN)
def shutdown(ls: Server, params: None) -> None:
    for job in list(ls.jobs):
        job.cancel()


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: Server, params: types.DidCloseTextDocumentParams) -> None:
    ls.supersede(_path(params.text_document.uri))
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(params.text_document.uri, []))


@server.feature(types.TEXT_DOCUMENT_HOVER)
async def hover(ls: Server, params: types.HoverParams) -> types.Hover | None:
    """The compiler's -m=2 flow for the line's heap escapes and each rule's verdict, as `why` prints them."""
    uri, line = params.text_document.uri, params.position.line + 1
    path, doc = _path(uri), ls.workspace.get_text_document(uri)
    run = await ls.analysis(uri)
    if not any(e.path == path and e.line == line for e, _ in run.sites):
        return None
    unsaved = ls.unsaved()
    text = await ls.work(path, doc.version or 0, editor.flows, line, unsaved)
    if path in unsaved:
        text += "\n\nsave the file for each rule's verdict: rewrites are verified on saved files"
    else:
        text += "\n\n" + why.verdicts(await ls.line_run(uri, line, "gorewrite: verifying"), path, line)
    return types.Hover(types.MarkupContent(types.MarkupKind.Markdown, f"```text\n{text}\n```"))


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix], resolve_provider=True),
)
async def code_action(ls: Server, params: types.CodeActionParams) -> list[types.CodeAction]:
    """Per rule site in the range: its rewrite (verified on resolve; not offered once the compiler has
    rejected it) and a //gorewrite:ignore directive."""
    uri = params.text_document.uri
    path, doc = _path(uri), ls.workspace.get_text_document(uri)
    run = await ls.analysis(uri)
    first, last = params.range.start.line + 1, params.range.end.line + 1
    saved = path not in ls.unsaved()
    actions = []
    for line, rule, message in _sites_on(run, path, first, last):
        verified = ls.lines.get((path, doc.version or 0, line))
        if saved and (verified is None or path in verified.changes):
            actions.append(
                types.CodeAction(
                    f"gorewrite: rewrite with {rule} ({message})",
                    kind=types.CodeActionKind.QuickFix,
                    data={"uri": uri, "version": doc.version or 0, "line": line},
                )
            )
        edit = ignore_edit(doc, line, rule)
        actions.append(
            types.CodeAction(
                f"gorewrite: keep it (//gorewrite:ignore {rule})",
                kind=types.CodeActionKind.QuickFix,
                edit=types.WorkspaceEdit(changes={uri: [edit]}),
            )
        )
    return actions


@server.feature(types.CODE_ACTION_RESOLVE)
async def resolve(ls: Server, action: types.CodeAction) -> types.CodeAction:
    """Propose and verify the line's rewrite with the compiler; its edit if verified, else the reason."""
    data = action.data or {}
    uri, line = data.get("uri"), data.get("line")
    doc = ls.workspace.get_text_document(uri) if uri in ls.workspace.text_documents else None
    if doc is None or (doc.version or 0) != data.get("version") or _path(uri) in ls.unsaved():
        raise JsonRpcContentModified("the file changed: ask for the code action again")
    path = _path(uri)
    run = await ls.line_run(uri, line, "gorewrite: verifying the rewrite")
    held = [f for f in run.held if f.targets[0].path == path and f.targets[0].line == line]
    if held:
        raise JsonRpcInvalidRequest(
            f"{held[0].rule}: {held[0].summary}: an unsafe fix, held back: set unsafe-fixes = true in .gorewrite.toml"
        )
    if path not in run.changes:
        raise JsonRpcInvalidRequest(f"not verified: {why.verdicts(run, path, line)}")
    created = sorted(p for p in run.changes if not run.snapshots[p].exists)
    if created:  # the edit would be the verified rewrite only with the file it creates
        raise JsonRpcInvalidRequest(f"the rewrite creates {created[0]}: apply it with `gorewrite fix`")
    changes = {}
    for changed, content in sorted(run.changes.items()):  # one file, unless a rule's rewrite spans several
        where = uri if changed == path else _uri(changed)
        codec = ls.workspace.position_codec
        before = TextDocument(where, run.snapshots[changed].content.decode(), position_codec=codec)
        changes[where] = [text_edit(before, content.decode())]
    action.edit = types.WorkspaceEdit(changes=changes)
    return action


def _sites_on(run: Analysis, path: str, first: int, last: int) -> list[tuple[int, str, str]]:
    """(line, rule, message) of the heap escapes a rule recognises from line first to last, each line once."""
    ignored = run.ignored()
    found = {
        e.line: (e.line, rule, e.message)
        for e, rule in run.sites
        if rule and e.path == path and first <= e.line <= last and e not in ignored
    }
    return sorted(found.values())


def _path(uri: str) -> str:
    return os.path.realpath(to_fs_path(uri) or uri)


def _uri(path: str) -> str:
    return from_fs_path(path) or path


def serve() -> None:
    """Serve over stdin and stdout until the client says exit."""
    server.start_io()

import os
import stat

import pytest

from gorewrite.errors import UserError
from gorewrite.write import Interrupted, WriteRefused, absent, read, write_all

OLD = b"package p\r\n\r\nvar x = new(int)\r\n"
NEW = b"package p\r\n\r\nvar x int\r\n"


def _temp_files(directory):
    return [p.name for p in directory.iterdir() if p.name.endswith(".gorewrite-tmp")]


def write_atomic(snapshot, new, root=None):
    """One file through the one writer, its directory standing for the module root."""
    write_all([(snapshot, new)], {snapshot.path: str(root or os.path.dirname(snapshot.path))})


@pytest.fixture
def go_file(tmp_path):
    path = tmp_path / "x.go"
    path.write_bytes(OLD)
    path.chmod(0o640)
    return path


def test_read_takes_the_bytes_and_the_stat(go_file):
    snapshot = read(str(go_file))
    assert (snapshot.path, snapshot.content, snapshot.size, snapshot.mode) == (str(go_file), OLD, len(OLD), 0o640)


def test_write_replaces_the_content_and_keeps_the_mode(go_file):
    write_atomic(read(str(go_file)), NEW)
    assert go_file.read_bytes() == NEW
    assert stat.S_IMODE(go_file.stat().st_mode) == 0o640
    assert _temp_files(go_file.parent) == []


def test_write_allowed_when_only_the_mtime_changed(go_file):
    snapshot = read(str(go_file))
    os.utime(go_file, ns=(1, 1))
    write_atomic(snapshot, NEW)
    assert go_file.read_bytes() == NEW


@pytest.mark.parametrize(
    "change",
    (
        pytest.param(lambda p: p.write_bytes(OLD + b"// more\n"), id="file grew"),
        pytest.param(lambda p: p.write_bytes(OLD.replace(b"x", b"y")), id="same size, other bytes"),
        pytest.param(lambda p: p.unlink(), id="file deleted"),
    ),
)
def test_write_refused_when_the_file_changed_after_read(go_file, change):
    snapshot = read(str(go_file))
    change(go_file)
    before = go_file.read_bytes() if go_file.exists() else None
    with pytest.raises(WriteRefused, match=f"{go_file} changed since gorewrite read it") as exc:
        write_atomic(snapshot, NEW)
    assert isinstance(exc.value, UserError)
    assert (go_file.read_bytes() if go_file.exists() else None) == before
    assert _temp_files(go_file.parent) == []


@pytest.mark.parametrize(
    "exception", (KeyboardInterrupt, OSError), ids=("ctrl-c during the rename", "disk error during the rename")
)
def test_failed_write_leaves_the_file_and_no_temp_file(go_file, monkeypatch, exception):
    snapshot = read(str(go_file))

    def replace(src, dst):
        if src.endswith(".gorewrite-tmp") and dst == str(go_file) and not raised:
            raised.append(src)
            raise exception
        real_replace(src, dst)

    raised = []
    real_replace = os.replace
    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(Interrupted if exception is KeyboardInterrupt else WriteRefused, match="nothing was written"):
        write_atomic(snapshot, NEW)
    assert go_file.read_bytes() == OLD
    assert _temp_files(go_file.parent) == []


def test_symlink_target_is_written_and_the_link_kept(go_file, tmp_path):
    link_dir = tmp_path / "links"
    link_dir.mkdir()
    link = link_dir / "x.go"
    link.symlink_to(go_file)
    write_atomic(read(str(link)), NEW, root=tmp_path)
    assert link.is_symlink()
    assert go_file.read_bytes() == NEW
    assert _temp_files(link_dir) == [] and _temp_files(tmp_path) == []


def test_write_all_writes_every_file(tmp_path):
    paths = [tmp_path / "a.go", tmp_path / "b.go"]
    for p in paths:
        p.write_bytes(OLD)
    write_all([(read(str(p)), NEW + p.name.encode()) for p in paths], {str(p): str(tmp_path) for p in paths})
    assert [p.read_bytes() for p in paths] == [NEW + b"a.go", NEW + b"b.go"]


def test_write_all_writes_nothing_if_any_file_changed(tmp_path):
    paths = [tmp_path / "a.go", tmp_path / "b.go"]
    for p in paths:
        p.write_bytes(OLD)
    pairs = [(read(str(p)), NEW) for p in paths]
    paths[1].write_bytes(b"package q\n")
    with pytest.raises(WriteRefused, match="b.go"):
        write_all(pairs, {str(p): str(tmp_path) for p in paths})
    assert [p.read_bytes() for p in paths] == [OLD, b"package q\n"]


def test_created_file_is_written_once_with_the_default_mode(tmp_path):
    (tmp_path / "x.go").write_bytes(OLD)
    path = tmp_path / "x_go125.go"
    pairs = [(read(str(tmp_path / "x.go")), NEW), (absent(str(path)), NEW)]
    write_all(pairs, {s.path: str(tmp_path) for s, _ in pairs})
    assert path.read_bytes() == NEW
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask
    assert _temp_files(tmp_path) == []


def test_created_file_refused_when_one_appeared(tmp_path):
    """A file a rewrite creates may not replace one that appeared after gorewrite looked."""
    (tmp_path / "x.go").write_bytes(OLD)
    path = tmp_path / "x_go125.go"
    pairs = [(read(str(tmp_path / "x.go")), NEW), (absent(str(path)), NEW)]
    path.write_bytes(OLD)
    with pytest.raises(WriteRefused, match="appeared since gorewrite looked"):
        write_all(pairs, {s.path: str(tmp_path) for s, _ in pairs})
    assert path.read_bytes() == OLD
    assert (tmp_path / "x.go").read_bytes() == OLD
    assert _temp_files(tmp_path) == []


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can give a file away")
def test_write_keeps_the_owner_and_group(go_file):
    os.chown(go_file, 1234, 5678)
    write_atomic(read(str(go_file)), NEW)
    assert (go_file.stat().st_uid, go_file.stat().st_gid, go_file.read_bytes()) == (1234, 5678, NEW)


def test_write_refused_when_the_owner_cannot_be_kept(go_file, monkeypatch):
    monkeypatch.setattr(os, "stat", _owned_by_someone_else(os.stat, str(go_file)))

    def chown(*args):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "chown", chown)
    with pytest.raises(WriteRefused, match="belongs to uid 4321.*run gorewrite as its owner"):
        write_atomic(read(str(go_file)), NEW)
    assert go_file.read_bytes() == OLD
    assert _temp_files(go_file.parent) == []


def _owned_by_someone_else(real_stat, path):
    def fake(name, *args, **kwargs):
        found = real_stat(name, *args, **kwargs)
        if os.fspath(name) != path:
            return found
        fields = list(found)
        fields[stat.ST_UID] = 4321
        return os.stat_result(fields)

    return fake


def test_hard_linked_file_refused(go_file):
    os.link(go_file, go_file.parent / "other.go")
    with pytest.raises(WriteRefused, match="has 2 hard links"):
        write_atomic(read(str(go_file)), NEW)
    assert (go_file.parent / "other.go").read_bytes() == OLD == go_file.read_bytes()


def test_one_file_through_two_names_written_once_when_the_rewrites_agree(go_file):
    link = go_file.parent / "sub" / "x.go"
    link.parent.mkdir()
    link.symlink_to(go_file)
    roots = {str(go_file): str(go_file.parent), str(link): str(go_file.parent)}
    write_all([(read(str(go_file)), NEW), (read(str(link)), NEW)], roots)
    assert go_file.read_bytes() == NEW and link.is_symlink()


def test_one_file_through_two_names_refused_when_the_rewrites_differ(go_file):
    link = go_file.parent / "sub" / "x.go"
    link.parent.mkdir()
    link.symlink_to(go_file)
    roots = {str(go_file): str(go_file.parent), str(link): str(go_file.parent)}
    with pytest.raises(WriteRefused, match="are one file .* rewritten two ways"):
        write_all([(read(str(go_file)), NEW), (read(str(link)), NEW + b"// other\n")], roots)
    assert go_file.read_bytes() == OLD

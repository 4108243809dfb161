"""Linting many files in worker processes forked from this one (where the system can fork).

The parent has loaded the rules, data and patterns (a warm-up lint) before it forks, so
the children share them, and it lints files too.  Work is handed out through one pipe
that holds every file's index, 4 bytes each, written before the children start: a read
of 4 bytes takes one index, so a process that is done early takes more.  Each child sends
its results back on a pipe of its own, each framed as index, length and the pickled
result; the parent takes them in between its own files, and hands results on in order as
soon as each and those before it are in (so that output can go out while files are still
being linted).  A file whose result never comes back (a child that died) is linted again
in the parent.

This costs a run far less than multiprocessing's pool, whose imports alone took ~20 ms
before the first file was linted.  The pool is still used where the system cannot fork,
or when the task pipe cannot hold every index.
"""

from __future__ import annotations

import os
import select
import signal
from collections.abc import Callable, Iterator

_INDEX = 4  # bytes an index takes


def can_fork() -> bool:
    return hasattr(os, "fork")


def run(count: int, workers: int, work: Callable[[int], bytes], load: Callable[[bytes], object],
        again: Callable[[int], object], fallback: Callable[[], Iterator]) -> Iterator:
    """``load(work(i))`` or ``again(i)`` for i in range(count), in that order, each as soon
    as it and those before it are done, worked out by ``workers`` processes: this one
    (which takes ``again(i)``: nothing to send) and ``workers - 1`` forked children.
    ``again(i)`` here too for any result that did not come back.  If the task pipe cannot
    hold every index, what ``fallback()`` gives instead (a pool's results).

    Nothing is started before the first result is asked for; closing the iterator early
    (or dropping it) stops and reaps the children and closes the pipes."""
    tasks = _task_pipe(count)
    if tasks is None:
        yield from fallback()
        return
    children: dict[int, int] = {}  # result pipe -> child's process id
    results: list = [_PENDING] * count
    buffers: dict[int, bytearray] = {}
    done = 0  # results handed on: those before this index

    def ready() -> Iterator:
        nonlocal done
        while done < count and results[done] is not _PENDING:
            yield results[done]
            results[done] = None  # (handed on: not kept)
            done += 1

    try:
        poll = select.poll()  # (select() refuses a file descriptor over 1023)
        for _ in range(workers - 1):
            result_read, result_write = os.pipe()
            pid = os.fork()
            if pid == 0:  # the child: it never returns
                os.close(result_read)
                _serve(tasks, result_write, work)
            os.close(result_write)
            children[result_read] = pid
            buffers[result_read] = bytearray()
            poll.register(result_read, select.POLLIN)
        while len(item := os.read(tasks, _INDEX)) == _INDEX:
            index = int.from_bytes(item, "little")
            results[index] = again(index)
            _collect(poll, buffers, results, load, wait=False)  # (so that no child waits on a full pipe)
            yield from ready()
        while buffers:
            _collect(poll, buffers, results, load, wait=True)
            yield from ready()
    finally:
        os.close(tasks)
        _end(children)
    for index in range(done, count):
        yield again(index) if results[index] is _PENDING else results[index]


_PENDING = object()


def _task_pipe(count: int) -> int | None:
    """The read end of a pipe holding every index, its write end closed (so that a reader
    finds its end once it is empty), or None if the pipe cannot hold them: it is written
    before any reader starts, without waiting (a pipe holds 64 KiB on Linux, 16 KiB at
    first on macOS, less for a user over Linux's pipe quota)."""
    data = b"".join(i.to_bytes(_INDEX, "little") for i in range(count))
    read, write = os.pipe()
    try:
        _room_for(write, len(data))
        os.set_blocking(write, False)
        written = os.write(write, data) if data else 0
    except BlockingIOError:
        written = -1
    finally:
        os.close(write)
    if written != len(data):
        os.close(read)
        return None
    return read


def _room_for(fd: int, size: int) -> None:
    """Ask Linux for a pipe of ``size`` bytes if the default is smaller (best effort)."""
    try:
        import fcntl
    except ImportError:
        return
    if hasattr(fcntl, "F_SETPIPE_SZ") and size > fcntl.fcntl(fd, fcntl.F_GETPIPE_SZ):
        try:
            fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, size)
        except OSError:
            pass


def _serve(tasks: int, out: int, work: Callable[[int], bytes]) -> None:
    """A child's life: take indexes until none is left, send each result, exit (without
    the parent's exit handlers and buffered output, which are the parent's)."""
    code = 0
    try:
        while len(item := os.read(tasks, _INDEX)) == _INDEX:
            index = int.from_bytes(item, "little")
            payload = work(index)
            _write_all(out, item + len(payload).to_bytes(_INDEX, "little") + payload)
    except BaseException:  # noqa: BLE001 - Ctrl-C or a broken pipe: the parent sees what is missing
        code = 1
    finally:
        os._exit(code)


def _collect(poll, buffers: dict[int, bytearray], results: list, load: Callable[[bytes], object], wait: bool) -> None:
    """Take in what the children have sent (waiting for some if ``wait``); a pipe whose
    child has closed it leaves ``buffers``."""
    for fd, _event in poll.poll(None if wait else 0):
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            poll.unregister(fd)
            del buffers[fd]
            continue
        buffer = buffers[fd]
        buffer += chunk
        while len(buffer) >= 2 * _INDEX:
            size = int.from_bytes(buffer[_INDEX : 2 * _INDEX], "little")
            if len(buffer) < 2 * _INDEX + size:
                break
            results[int.from_bytes(buffer[:_INDEX], "little")] = load(bytes(buffer[2 * _INDEX : 2 * _INDEX + size]))
            del buffer[: 2 * _INDEX + size]


def _end(children: dict[int, int]) -> None:
    """Close the result pipes and reap the children (stopping any still at work: the
    parent was interrupted)."""
    for fd, pid in children.items():
        os.close(fd)
        try:
            if os.waitpid(pid, os.WNOHANG) == (0, 0):
                os.kill(pid, signal.SIGTERM)
                os.waitpid(pid, 0)
        except ChildProcessError:
            pass


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]

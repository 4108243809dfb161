"""Worker processes: results come back complete, in order, whatever the children do."""

from __future__ import annotations

import os
import pickle
import time
from contextlib import closing

import pytest
from reportlint import api, workers
from reportlint.config import Config

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="forked workers need os.fork")

TEMPLATE = "关于2024年度工作情况的报告\n全县完成生产总值X亿元，增长X%。\n本文由酷乐文行整理，咨询QQ206157060\n"
FILLED = "关于2024年度工作情况的报告\n全县完成生产总值286.4亿元，增长6.5%。\n"


def no_pool():
    raise AssertionError("the pool was used")


def reports(folder, count: int = 12) -> list[str]:
    paths = []
    for i in range(count):
        path = folder / f"报告{i:02d}.txt"
        path.write_text(TEMPLATE * (i % 3 + 1) if i % 2 else FILLED, encoding="utf-8")
        paths.append(str(path))
    return paths


def test_every_index_comes_back_in_order_with_large_results():
    # results of several pipe buffers each, from this process and two children in any order
    def value(i):
        return str(i) * (i * 3000)

    results = list(workers.run(40, 3, lambda i: pickle.dumps(value(i)), pickle.loads, value, no_pool))
    assert results == [value(i) for i in range(40)]


def test_this_process_and_the_children_share_the_work():
    def slow(i):
        time.sleep(0.002)
        return pickle.dumps(("child", i))

    def here(i):
        time.sleep(0.002)
        return ("parent", i)

    results = list(workers.run(60, 2, slow, pickle.loads, here, no_pool))
    assert [i for _who, i in results] == list(range(60))
    assert {who for who, _i in results} == {"child", "parent"}


def test_a_child_that_dies_leaves_its_files_to_the_parent(tmp_path, monkeypatch):
    paths = reports(tmp_path)
    expected = api.lint_paths(paths, Config(), jobs=1)
    parent, real = os.getpid(), api._lint_packed

    def dying(path, config):
        if os.getpid() != parent and path.endswith(("03.txt", "07.txt")):
            os._exit(3)  # as a crash would: no result, no clean-up
        return real(path, config)

    monkeypatch.setattr(api, "_lint_packed", dying)
    assert api.lint_paths(paths, Config(), jobs=2) == expected


def test_a_child_whose_work_fails_stops_and_the_parent_does_the_rest():
    parent = os.getpid()

    def work(i):
        if os.getpid() != parent and i % 5 == 0:
            raise RuntimeError("boom")
        return pickle.dumps(i)

    assert list(workers.run(30, 3, work, pickle.loads, lambda i: i, no_pool)) == list(range(30))


def test_the_pool_of_multiprocessing_gives_the_same_results(tmp_path, monkeypatch):
    paths = reports(tmp_path)
    expected = api.lint_paths(paths, Config(), jobs=1)
    monkeypatch.setattr(workers, "can_fork", lambda: False)
    assert api.lint_paths(paths, Config(), jobs=2) == expected


def test_no_child_is_left_behind(tmp_path):
    api.lint_paths(reports(tmp_path), Config(), jobs=3)
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # every child was reaped


def test_a_task_pipe_too_small_for_the_indexes_leaves_the_work_to_the_pool(tmp_path, monkeypatch):
    fcntl = pytest.importorskip("fcntl")
    if not hasattr(fcntl, "F_SETPIPE_SZ"):
        pytest.skip("pipe sizes are set on Linux only")
    real_pipe = os.pipe

    def small_pipe():  # (as for a user over Linux's pipe quota: one page)
        read, write = real_pipe()
        fcntl.fcntl(write, fcntl.F_SETPIPE_SZ, 4096)
        return read, write

    monkeypatch.setattr(workers, "_room_for", lambda fd, size: None)
    monkeypatch.setattr(workers.os, "pipe", small_pipe)
    pool = lambda: iter(["from the pool"])  # noqa: E731
    assert list(workers.run(3000, 2, lambda i: pickle.dumps(i), pickle.loads, lambda i: i, pool)) == ["from the pool"]
    assert list(workers.run(1000, 2, lambda i: pickle.dumps(i), pickle.loads, lambda i: i, pool)) == list(range(1000))
    monkeypatch.setattr(workers, "run", lambda *args: args[-1]())
    paths = reports(tmp_path)
    assert api.lint_paths(paths, Config(), jobs=2) == api.lint_paths(paths, Config(), jobs=1)


def test_descriptors_past_1023_are_no_trouble():
    resource = pytest.importorskip("resource")
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < 1200:
        if hard != resource.RLIM_INFINITY and hard < 1200:
            pytest.skip("this system allows too few open files")
        resource.setrlimit(resource.RLIMIT_NOFILE, (1200, hard))
    held = [os.open(os.devnull, os.O_RDONLY) for _ in range(1100)]
    try:
        assert list(workers.run(20, 3, lambda i: pickle.dumps(i), pickle.loads, lambda i: i, no_pool)) == list(range(20))
    finally:
        for fd in held:
            os.close(fd)
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def test_an_interrupted_run_leaves_no_child_and_no_open_pipe():
    def open_fds() -> int:
        return len(os.listdir("/proc/self/fd")) if os.path.isdir("/proc/self/fd") else 0

    before = open_fds()

    def here(i):
        if i >= 3:
            raise KeyboardInterrupt
        time.sleep(0.01)
        return i

    with pytest.raises(KeyboardInterrupt):
        list(workers.run(200, 3, lambda i: (time.sleep(0.01), pickle.dumps(i))[1], pickle.loads, here, no_pool))
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)
    assert open_fds() == before


def test_results_are_handed_on_in_order_as_they_come_in():
    # (not all at the end: the first goes out while this process still has files to do)
    done_here = []

    def slow(i):
        time.sleep(0.02)
        return pickle.dumps(i)

    def here(i):
        time.sleep(0.02)
        done_here.append(i)
        return i

    seen_at = []
    for result in workers.run(20, 2, slow, pickle.loads, here, no_pool):
        seen_at.append((result, len(done_here)))
    assert [r for r, _ in seen_at] == list(range(20))
    assert seen_at[0][1] < len(done_here) >= 3


def test_stopping_early_stops_the_children(tmp_path):
    def open_fds() -> int:
        return len(os.listdir("/proc/self/fd")) if os.path.isdir("/proc/self/fd") else 0

    before = open_fds()
    results = workers.run(200, 3, lambda i: (time.sleep(0.01), pickle.dumps(i))[1], pickle.loads, lambda i: i, no_pool)
    assert next(results) == 0
    results.close()
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)
    assert open_fds() == before
    with closing(api.iter_lint_paths(reports(tmp_path), Config(), jobs=3)) as linted:
        first = next(linted)
    assert first.path.endswith("报告00.txt")
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_file_by_file_results_are_those_of_the_whole_run(tmp_path, jobs):
    paths = reports(tmp_path)
    expected = api.lint_paths(paths, Config(), jobs=1).files
    assert list(api.iter_lint_paths([str(tmp_path), *paths[:2]], Config(), jobs=jobs)) == \
        api.lint_paths([str(tmp_path), *paths[:2]], Config(), jobs=1).files
    assert list(api.iter_lint_paths(paths, Config(), jobs=jobs, cache=True)) == expected


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd")) if os.path.isdir("/proc/self/fd") else 0


def test_a_run_closed_or_dropped_before_it_starts_holds_nothing():
    before = open_fds()
    results = workers.run(10, 3, lambda i: pickle.dumps(i), pickle.loads, lambda i: i, no_pool)
    results.close()
    workers.run(10, 3, lambda i: pickle.dumps(i), pickle.loads, lambda i: i, no_pool)
    assert open_fds() == before


def test_the_collector_is_on_and_nothing_frozen_while_the_caller_holds_a_result(tmp_path):
    import gc

    paths = reports(tmp_path)
    for files in (paths, paths * 40):  # (many: the children are still at work)
        linted = api.iter_lint_paths(files, Config(), jobs=3)
        next(linted)
        assert gc.isenabled() and gc.get_freeze_count() == 0

        class Holder:  # an iterator left in a reference cycle (as a traceback's frames hold it)
            pass

        holder = Holder()
        holder.me, holder.linted = holder, linted
        del holder, linted
        gc.collect()  # collects the cycle: the iterator is closed, its children reaped
        with pytest.raises(ChildProcessError):
            os.waitpid(-1, os.WNOHANG)


def test_an_iterator_left_open_at_exit_is_closed_without_complaint(tmp_path):
    import subprocess
    import sys

    paths = reports(tmp_path) * 20
    code = (
        "import sys\nfrom reportlint.api import iter_lint_paths\n"
        "linted = iter_lint_paths(sys.argv[1:], jobs=3)\nprint(next(linted).path)\n"
    )
    done = subprocess.run([sys.executable, "-c", code, *paths], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == paths[0]
    assert done.stderr == ""

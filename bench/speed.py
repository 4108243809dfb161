"""Speed and memory figures for reportlint (a benchmark, not a test).

Run: python bench/speed.py [--runs N]

Every figure is whole-process (start-up included), measured against
``python -c pass`` in the same run, with the child's peak RSS.  Targets:

- one clean 10 KB .txt: <= 5x python start-up, segmenter not loaded
- one 10 KB template with slots: <= 0.35 s
- 200 files, >= 3.5 MB of generated report text: >= 10 MB/s
- Word: median <= 10 ms per file for reading the real files in ../shared/corpora/docx-real
  (in-process; the slowest are listed), and a 10,000-character Chinese report .docx
  linted whole-process in <= 0.35 s

The clean file and the 200 files are measured three ways, each with a cache folder of
the benchmark's own (``REPORTLINT_CACHE_DIR``):

- ``no caches``: ``REPORTLINT_NO_CACHE=1``, every data file parsed, every pattern compiled,
  every file linted (once per machine and reportlint version);
- ``first lint``: ``--no-cache`` with the data and pattern caches filled, as for a file just
  written or edited (the everyday case of a pre-commit hook);
- ``unchanged``: both caches filled, as for a file linted before (a CI check re-run).

Children run reportlint from compiled bytecode, as ``pip install`` leaves it; where the
modules have none (an editable install under ``PYTHONDONTWRITEBYTECODE``), it is compiled
into a temporary folder first, and the output says so.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

SENTENCES = [
    "全年完成地区生产总值{n}亿元，同比增长{p}%。",
    "规模以上工业增加值{n}亿元，较上年增长{p}%，对经济增长的贡献率达到{p}%。",
    "新建改建农村公路{n}公里，完成危房改造{n}户，农村自来水普及率达到{p}%。",
    "深入开展作风建设专项整治，查处违反中央八项规定精神问题{n}起，处理{n}人。",
    "城镇新增就业{n}人，城镇登记失业率控制在{p}%以内，发放创业担保贷款{n}万元。",
    "全年接待游客{n}万人次，实现旅游综合收入{n}亿元，分别增长{p}%和{p}%。",
    "扎实推进乡村振兴，培育市级以上龙头企业{n}家，农民专业合作社{n}个。",
    "坚持以人民为中心的发展思想，持续加大民生投入，民生支出占一般公共预算支出的{p}%。",
    "严格落实意识形态工作责任制，组织理论学习中心组学习{n}次，开展专题研讨{n}场。",
    "深化放管服改革，政务服务事项网上可办率达到{p}%，企业开办时间压缩至{n}个工作日。",
]
HEADINGS = ["一、主要工作成效", "二、存在的问题和不足", "三、下一步工作打算", "四、加强自身建设"]


def report(rng: random.Random, size: int, slots: bool) -> str:
    """A report of about ``size`` bytes; clean (no finding at all) unless ``slots``.

    Headings come in order and rates stay plausible, so that the structure and claim
    rules have nothing to say about the clean text: the figure is the cost of a clean file.
    """
    parts, body = ["关于2024年度工作情况的报告", ""], []
    while sum(len(p.encode("utf-8")) + 1 for p in body) < size - 200:
        sentence = rng.choice(SENTENCES)
        amount = (lambda: "X") if slots and rng.random() < 0.5 else (lambda: str(rng.randint(2, 980)))
        rate = (lambda: "X") if slots and rng.random() < 0.5 else (lambda: f"{rng.uniform(1, 30):.1f}")
        body.append(sentence.replace("{n}", amount(), 1).replace("{n}", amount()).replace("{p}", rate()))
    per_section = -(-len(body) // len(HEADINGS))
    for number, heading in enumerate(HEADINGS):
        parts.append(heading)
        parts.extend(body[number * per_section:(number + 1) * per_section])
    return "\n".join(parts) + "\n"


def run(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, int]:
    """Wall time and peak RSS (KiB) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _pid, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} exited {code}")
    return elapsed, usage.ru_maxrss


def measure(cmd: list[str], runs: int, env: dict[str, str] | None = None) -> tuple[float, int]:
    results = [run(cmd, env) for _ in range(runs)]
    return statistics.median(t for t, _ in results), max(m for _, m in results)


def three_ways(lint: list[str], path: str, runs: int, cache: str) -> dict[str, tuple[float, int]]:
    """(median seconds, peak KiB) with no caches, for a first lint, and for an unchanged file."""
    warm = {**os.environ, "REPORTLINT_CACHE_DIR": cache}
    warm.pop("REPORTLINT_NO_CACHE", None)
    cold = {**warm, "REPORTLINT_NO_CACHE": "1"}
    run([*lint, path], warm)  # fills both caches
    return {
        "no caches": measure([*lint, path], runs, cold),
        "first lint": measure([*lint, "--no-cache", path], runs, warm),
        "unchanged": measure([*lint, path], runs, warm),
    }


def byte_compiled(folder: str) -> str:
    """Make sure the child processes run reportlint from compiled bytecode, as installed.

    ``pip install`` compiles every module it installs.  A checkout installed in editable
    mode under ``PYTHONDONTWRITEBYTECODE`` has none, and each process would compile the
    modules it imports afresh (~60 ms on a many-file run): a cost of that setting, not of
    reportlint.  Then the children get a bytecode folder of their own in ``folder``
    (``PYTHONPYCACHEPREFIX``; nothing is written beside the sources), filled before any
    figure is taken.  Returns a note saying so, or "" when the modules are compiled."""
    import importlib.util

    import reportlint
    import reportlint.rules

    roots = sorted({os.path.dirname(reportlint.__file__), os.path.dirname(reportlint.rules.__file__)})
    roots = [r for r in roots if not any(r.startswith(o + os.sep) for o in roots)]
    sources = [os.path.join(d, f) for r in roots for d, _, files in os.walk(r) for f in files if f.endswith(".py")]
    missing = [s for s in sources if not os.path.exists(importlib.util.cache_from_source(s))]
    if not missing:
        return ""
    os.environ["PYTHONPYCACHEPREFIX"] = os.path.join(folder, "bytecode")
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run([sys.executable, "-m", "compileall", "-q", *roots], check=True, stdout=subprocess.DEVNULL)
    for code in ("pass", "import click"):  # (the other modules' bytecode, in the new folder too)
        run([sys.executable, "-c", code])
    return (
        f"{len(missing)} of reportlint's {len(sources)} modules had no compiled bytecode (an editable install"
        " or PYTHONDONTWRITEBYTECODE): the figures are taken with bytecode compiled first, as pip does"
    )


def segmenter_loaded(path: str) -> bool:
    code = (
        "import sys\nfrom reportlint.cli import main\nmain(['-q', sys.argv[1]])\n"
        "print(any(m in sys.modules for m in ('rjieba', 'jieba')))"
    )
    env = {**os.environ, "REPORTLINT_NO_CACHE": "1"}  # linted afresh, nothing written
    out = subprocess.run([sys.executable, "-c", code, path], capture_output=True, text=True, env=env).stdout
    return out.strip().endswith("True")


def core_scaling() -> tuple[int, float]:
    """How much faster this machine runs busy Python processes side by side than one after
    another (the ceiling for linting many files with a worker per core)."""
    busy = [sys.executable, "-c", "x = 0\nfor i in range(6_000_000): x += i"]
    cores = min(2, os.cpu_count() or 1)
    alone = min(run(busy)[0] for _ in range(3))
    together = []
    for _ in range(3):
        start = time.perf_counter()
        procs = [subprocess.Popen(busy) for _ in range(cores)]
        for proc in procs:
            proc.wait()
        together.append(time.perf_counter() - start)
    return cores, cores * alone / min(together)


def docx_figures(runs: int) -> None:
    import glob

    from reportlint.errors import ReadError
    from reportlint.readers import read_path

    here = os.path.dirname(os.path.abspath(__file__))
    corpus = os.path.join(os.path.dirname(os.path.dirname(here)), "shared", "corpora", "docx-real")
    files = sorted(glob.glob(os.path.join(corpus, "*.do[ct][xm]")))
    if not files:
        print("(no ../shared/corpora/docx-real beside the checkout: Word reading figures skipped)")
        return
    timings = []
    for path in files:
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            try:
                read_path(path)
            except ReadError:
                pass
            best = min(best, time.perf_counter() - start)
        timings.append((best, os.path.basename(path)))
    timings.sort()
    values = [t for t, _ in timings]
    print(
        f"Word reading, {len(files)} real files: median {statistics.median(values) * 1000:.1f} ms"
        f" (target <= 10), max {values[-1] * 1000:.0f} ms ({timings[-1][1]})"
    )
    print("  slowest: " + ", ".join(f"{n} {t * 1000:.0f} ms" for t, n in reversed(timings[-3:])))


def docx_report(rng: random.Random, path: str) -> int:
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "fixtures"))
    from docx_builder import heading, paragraph, title, write_docx

    text = report(rng, 40_000, slots=True)
    body, chars = [title("关于2024年度工作情况的报告")], 0
    for line in text.splitlines()[2:]:
        if chars >= 10_000:
            break
        body.append(heading(line) if line in HEADINGS else paragraph(line))
        chars += len(line)
    write_docx(path, body)
    return chars


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(20241128)
    lint = [sys.executable, "-m", "reportlint", "--quiet"]
    environ = dict(os.environ)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            compiled_note = byte_compiled(tmp)  # (changes os.environ for the children; restored below)
            cache = os.path.join(tmp, "cache")
            clean = os.path.join(tmp, "clean.txt")
            template = os.path.join(tmp, "template.txt")
            with open(clean, "w", encoding="utf-8") as fh:
                fh.write(report(rng, 10_000, slots=False))
            with open(template, "w", encoding="utf-8") as fh:
                fh.write(report(rng, 10_000, slots=True))
            many = os.path.join(tmp, "many")
            os.mkdir(many)
            total = 0
            for i in range(200):
                text = report(rng, 18_000, slots=i % 4 == 0)
                with open(os.path.join(many, f"r{i:03d}.txt"), "w", encoding="utf-8") as fh:
                    fh.write(text)
                total += len(text.encode("utf-8"))

            base, base_mem = measure([sys.executable, "-c", "pass"], args.runs)
            floor, floor_mem = measure([sys.executable, "-c", "import click"], args.runs)
            clean_runs = three_ways(lint, clean, args.runs, cache)
            t_tpl, m_tpl = three_ways(lint, template, args.runs, cache)["first lint"]
            many_runs = three_ways(lint, many, args.runs, cache)  # (as many runs as the rest: its median moved most)
            word = os.path.join(tmp, "report.docx")
            word_chars = docx_report(rng, word)
            t_word, m_word = three_ways(lint, word, args.runs, cache)["first lint"]
            with tempfile.NamedTemporaryFile("w", suffix=".txt", dir=tmp, delete=False, encoding="utf-8") as fh:
                fh.write(report(rng, 10_000, slots=False))
            loaded = segmenter_loaded(fh.name)
    finally:
        os.environ.clear()
        os.environ.update(environ)

    rows = [
        ("python -c pass", base, base_mem, ""),
        ("python -c 'import click'", floor, floor_mem,
         f"{floor / base:.1f}x python start: the option parser, which a plain run skips"),
    ]
    for way, (t, mem) in clean_runs.items():
        rows.append((f"clean 10 KB .txt, {way}", t, mem, f"{t / base:.1f}x python start (target <= 5x)"))
    rows.append(("10 KB template, first lint", t_tpl, m_tpl, "target <= 0.35 s"))
    for way, (t, mem) in many_runs.items():
        rows.append((f"200 files {total / 1e6:.2f} MB, {way}", t, mem, f"{total / 1e6 / t:.1f} MB/s (target >= 10)"))
    rows.append((f".docx {word_chars:,} chars, first lint", t_word, m_word, "target <= 0.35 s"))
    print(f"{'case':<36} {'median s':>9} {'peak MiB':>9}  note")
    for name, t, mem, note in rows:
        print(f"{name:<36} {t:>9.3f} {mem / 1024:>9.1f}  {note}")
    print(f"segmenter loaded on the clean file: {loaded}")
    if compiled_note:
        print(compiled_note)
    print("peak MiB is the main process; with several files, worker processes come on top")
    cores, scaling = core_scaling()
    print(f"this machine runs {cores} busy Python processes {scaling:.2f}x as fast side by side as one after another")
    docx_figures(args.runs)


if __name__ == "__main__":
    main()

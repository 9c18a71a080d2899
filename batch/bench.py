"""Rows per second of the batch path in local mode (not part of npm test).

    python3 batch/bench.py [--rows 1000000] [--explain-rows 100000] [--with-cli]

Generates the bench's extracts (models/generate.py, seed 8, as test/bench/bench.ts) when
missing, makes the spec with `npm run batch -- --spec-only`, and times `python3 batch/job.py`
end to end (JVM start-up included) and the job's own figure, scoring only and with
--explain. With --with-cli, `npm run score` on the same file in the same run, side by side.
Writes test/bench/out/batch-bench.json and prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "test/bench/out")


def extract(rows: int) -> str:
    path = os.path.join(OUT, f"rows-{rows}.csv")
    if not os.path.exists(path):
        os.makedirs(OUT, exist_ok=True)
        subprocess.run([sys.executable, "models/generate.py", "--rows", str(rows), "--seed", "8", "--out", path], cwd=ROOT, check=True)
    return path


def load() -> float:
    return os.getloadavg()[0]


def timed(cmd: list[str], env: dict | None = None) -> tuple[float, float, str]:
    """(wall seconds, CPU seconds of the whole process tree — driver, JVM, Python workers —, stdout).

    The machine is shared, so wall time follows the load; CPU seconds, sampled from /proc every
    0.2 s per process of the job's session, do not (the last 0.2 s of each process is lost).
    """
    import psutil

    started = time.perf_counter()
    child = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True, env={**os.environ, **(env or {})})
    cpu: dict[int, float] = {}
    out_parts: list[str] = []
    import threading

    reader = threading.Thread(target=lambda: out_parts.append(child.stdout.read()))
    err_parts: list[str] = []
    err_reader = threading.Thread(target=lambda: err_parts.append(child.stderr.read()))
    reader.start()
    err_reader.start()
    while child.poll() is None:
        for proc in psutil.process_iter(["pid"]):
            try:
                if os.getsid(proc.pid) == child.pid:
                    t = proc.cpu_times()
                    cpu[proc.pid] = max(cpu.get(proc.pid, 0.0), t.user + t.system)
            except (psutil.Error, ProcessLookupError, PermissionError):
                pass
        time.sleep(0.2)
    reader.join()
    err_reader.join()
    wall = time.perf_counter() - started
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{err_parts[0][-3000:]}")
    sys.stderr.write(err_parts[0] if os.environ.get("BATCH_TIMINGS") else "")
    return wall, sum(cpu.values()), out_parts[0]


def batch_run(path: str, explain: bool) -> dict:
    out = os.path.join(OUT, f"batch-{os.path.basename(path)}{'-explained' if explain else ''}.parquet")
    spec = out + ".spec.json"
    flags = ["--explain"] if explain else []
    subprocess.run(["npx", "tsx", "src/cli/batch.ts", "--input", path, "--output", out, "--spec-only", spec, *flags], cwd=ROOT, check=True, capture_output=True)
    before = load()
    wall, cpu, stdout = timed([sys.executable, "batch/job.py", "--spec", spec])
    result = json.loads(stdout.strip().splitlines()[-1])["result"]
    rows = result["rows"]
    return {"file": os.path.basename(path), "explain": explain, "rows": rows, "wall_s": round(wall, 2), "job_s": round(result["seconds"], 2), "cpu_s": round(cpu, 1),
            "rows_per_s": round(rows / wall), "rows_per_cpu_s": round(rows / cpu), "load": [round(before, 1), round(load(), 1)]}


def cli_run(path: str) -> dict:
    before = load()
    wall, cpu, _ = timed(["npx", "tsx", "src/cli/score.ts", "--input", path, "--output", os.path.join(OUT, "cli-" + os.path.basename(path))])
    rows = sum(1 for _ in open(path, "rb")) - 1
    return {"file": os.path.basename(path), "rows": rows, "wall_s": round(wall, 2), "cpu_s": round(cpu, 1), "rows_per_s": round(rows / wall), "rows_per_cpu_s": round(rows / cpu), "load": [round(before, 1), round(load(), 1)]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--explain-rows", type=int, default=100_000)
    parser.add_argument("--with-cli", action="store_true")
    args = parser.parse_args()
    big, small = extract(args.rows), extract(args.explain_rows)
    runs = {"scores": batch_run(big, False), "explained": batch_run(small, True)}
    if args.with_cli:
        runs["cli_scores"] = cli_run(big)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    report = {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "commit": commit, "cores": os.cpu_count(), "master": "local[2]", **runs}
    with open(os.path.join(OUT, "batch-bench.json"), "w") as f:
        json.dump(report, f, indent=1)
    print("| run | rows | wall s (JVM start included) | job s | CPU s (all processes) | rows/s | rows per CPU-second | load before → after |\n|---|---|---|---|---|---|---|---|")
    for name, r in runs.items():
        print(f"| {name} | {r['rows']:,} | {r['wall_s']} | {r.get('job_s', '–')} | {r['cpu_s']} | {r['rows_per_s']:,} | {r['rows_per_cpu_s']:,} | {r['load'][0]} → {r['load'][1]} |")


if __name__ == "__main__":
    main()

"""The batch path: score (and explain) a whole extract with the browser's .onnx model on Apache Spark.

    python3 batch/job.py --spec <spec.json>                      (local[2], what `npm run batch` runs)
    spark-submit --py-files batch.zip,models/onnx_trees.py --files <model.onnx>,<spec.json> batch/job.py --spec spec.json

The spec (src/cli/batch-spec.ts) carries what the app decided from the file's first 64 kB —
dialect, header, column plan, each feature's cell rules — and the row problems' sentences, so
this job reads the rows by the app's rules without a second copy of its planning or wording.
Output: one Parquet file at spec.output (the contract in README "Batch on Spark"). Exit
codes: 0 done, 1 the input or model cannot be used (one JSON line {"problem": code, "params":
…} on stderr for the Node wrapper to word), 2 bad arguments.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
# The driver and (through PYTHONPATH, inherited by Spark's Python workers in local mode) the executors import batch.* and onnx_trees.
for path in (ROOT, os.path.join(ROOT, "models")):
    if path not in sys.path:
        sys.path.insert(0, path)
os.environ["PYTHONPATH"] = os.pathsep.join([ROOT, os.path.join(ROOT, "models"), os.environ.get("PYTHONPATH", "")])

from batch.assemble_parquet import assemble  # noqa: E402
from batch.input_scan import scan_input  # noqa: E402
from batch.pipeline import phase, run_pipeline  # noqa: E402


def spark_session(app: str = "fradragsrisiko-batch"):
    from pyspark import SparkConf
    from pyspark.sql import SparkSession

    conf = SparkConf()
    builder = SparkSession.builder.appName(app)
    if not conf.contains("spark.master"):
        # Local mode on this machine; spark-submit's --master wins on a cluster.
        builder = builder.master(os.environ.get("BATCH_MASTER", "local[2]")).config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
        builder = builder.config("spark.driver.memory", os.environ.get("BATCH_DRIVER_MEMORY", "4g"))
    builder = builder.config("spark.sql.execution.arrow.pyspark.enabled", "true").config("spark.sql.session.timeZone", "UTC")
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


class Refusal(Exception):
    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code = code
        self.params = params


def run(spec: dict, spark=None) -> dict:
    """Runs the job of `spec`; returns counts and timings. `spark`: an existing session (tests)."""
    started = time.perf_counter()
    if not os.path.exists(spec["input"]["path"]):
        raise Refusal("cli.input_missing", path=spec["input"]["path"])
    scan = scan_input(spec)
    phase("input hashed")
    spark = spark or spark_session()
    phase("Spark session")
    parts = spec["output"] + f".parts-{os.getpid()}"
    counts = run_pipeline(spark, spec, scan, parts)
    rows = assemble(parts, spec, scan, counts)
    phase("one Parquet file assembled")
    return {**counts, "rows": rows, "seconds": time.perf_counter() - started}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", required=True, help="the job's spec JSON (npm run batch -- … --spec-only <file>)")
    args = parser.parse_args(argv)
    with open(args.spec, encoding="utf-8") as f:
        spec = json.load(f)
    try:
        result = run(spec)
    except Refusal as r:
        sys.stderr.write(json.dumps({"problem": r.code, "params": r.params}) + "\n")
        return 1
    except ValueError as e:
        if str(e).startswith("batch."):
            sys.stderr.write(json.dumps({"problem": str(e), "params": {}}) + "\n")
            return 1
        raise
    sys.stdout.write(json.dumps({"result": result}) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""One local Spark session per pytest session, and the CLI's outputs each made once.

The CLI (`npx tsx src/cli/score.ts`, the browser's own intake and onnxruntime-web) is the
independent reference: every figure the batch path writes is compared with what it writes
for the same file.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
for p in (ROOT, os.path.join(ROOT, "models")):
    if p not in sys.path:
        sys.path.insert(0, p)


def tsx(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(["npx", "tsx", *args], cwd=ROOT, capture_output=True, text=True, check=check, env={**os.environ, "LANG": "nb_NO.UTF-8"})


@pytest.fixture(scope="session")
def spark():
    from batch.job import spark_session

    session = spark_session("fradragsrisiko-batch-tests")
    yield session
    session.stop()


@pytest.fixture(scope="session")
def work(tmp_path_factory):
    return tmp_path_factory.mktemp("batch")


def make_spec(input_path: str, output: str, *flags: str, spec_path: str) -> dict:
    tsx("src/cli/batch.ts", "--input", input_path, "--output", output, "--lang", "nb", "--spec-only", spec_path, *flags)
    with open(spec_path, encoding="utf-8") as f:
        return json.load(f)

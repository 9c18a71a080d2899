"""The one output file: Spark's part files (sorted by input position, written in name order)
streamed in order into a single Parquet file with pyarrow — row groups of 65,536 rows, snappy —
with the input's own column names and the key-value metadata the explorer reads."""

from __future__ import annotations

import json
import os
import shutil

import pyarrow as pa
import pyarrow.parquet as pq

ROW_GROUP = 65536


def metadata(spec: dict, scan, rows: int) -> dict[str, str]:
    m = spec["model"]
    return {
        "fradragsrisiko.format": "1",
        "fradragsrisiko.model_sha256": m["sha256"],
        "fradragsrisiko.model_name": m["name"],
        "fradragsrisiko.model_card": m["card"],
        "fradragsrisiko.output_space": m["outputSpace"],
        "fradragsrisiko.input_name": spec["input"]["name"],
        "fradragsrisiko.input_sha256": scan.sha256,
        "fradragsrisiko.rows": str(rows),
        "fradragsrisiko.explained": "true" if spec["explain"] else "false",
        "fradragsrisiko.features": json.dumps(spec["features"], ensure_ascii=False),
    }


def assemble(parts: str, spec: dict, scan, counts: dict) -> int:
    files = sorted(os.path.join(parts, n) for n in os.listdir(parts) if n.startswith("part-") and n.endswith(".parquet"))
    header = spec["csv"]["header"]
    out = spec["output"]
    tmp = out + ".tmp"
    writer = None
    rows = 0
    pending: list[pa.RecordBatch] = []
    pending_rows = 0

    def flush(final: bool) -> None:
        nonlocal pending, pending_rows
        while pending_rows >= ROW_GROUP or (final and pending_rows > 0):
            table = pa.Table.from_batches(pending)
            take = min(ROW_GROUP, pending_rows)
            writer.write_table(table.slice(0, take), row_group_size=ROW_GROUP)
            rest = table.slice(take)
            pending = rest.to_batches()
            pending_rows = rest.num_rows

    for f in files:
        pf = pq.ParquetFile(f)
        for batch in pf.iter_batches(batch_size=ROW_GROUP):
            names = header + batch.schema.names[len(header) :]
            batch = pa.RecordBatch.from_arrays(batch.columns, names=names)
            if writer is None:
                schema = batch.schema.with_metadata(None)
                writer = pq.ParquetWriter(tmp, schema, compression="snappy")
            pending.append(batch)
            pending_rows += batch.num_rows
            rows += batch.num_rows
            flush(False)
    if writer is None:
        raise ValueError("batch.no_rows")
    flush(True)
    writer.add_key_value_metadata(metadata(spec, scan, rows))
    writer.close()
    os.replace(tmp, out)
    shutil.rmtree(parts, ignore_errors=True)
    expected = counts["scored"] + counts["warned"] + counts["rejected"]
    if rows != expected:
        raise RuntimeError(f"rows out {rows} ≠ rows scored {expected}")
    return rows

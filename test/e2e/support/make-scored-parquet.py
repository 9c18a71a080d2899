"""The batch path's output (README, "Parquet in the explorer": the output contract) made from
the CLI's scored CSV, until the Spark job is used for it (see batch-output.ts).

    python3 test/e2e/support/make-scored-parquet.py --scored x.csv --input in.csv \
        --model public/model/deduction-risk.onnx --output x.parquet [--output-space log-odds]
        [--tamper-top] [--plain]

--scored      `npm run score -- --explain` output of --input: the input columns as text, then
              risk_probability, risk_rank, row_status, row_issues, contrib_base, contrib_<feature>
--tamper-top  adds 0.01 to the risk_probability of the rank-1 row (a file changed after the run)
--plain       writes only the input columns, typed (integers INT64, others DOUBLE, text kept),
              with no fradragsrisiko.* metadata: an extract from the data platform
"""
import argparse
import hashlib
import json
from pathlib import Path

import numpy as np
import onnx
import pyarrow as pa
import pyarrow.parquet as pq

GROUP_ROWS = 65536
SCORE_COLUMNS = ["risk_probability", "risk_rank", "row_status", "row_issues"]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def as_float32_doubles(cells: list[str]) -> pa.Array:
    """The CLI writes float32 values as their shortest text; the contract stores the float32 value as a DOUBLE."""
    values = np.array([np.float32(c) if c != "" else np.nan for c in cells], dtype=np.float32).astype(np.float64)
    return pa.array(values, pa.float64(), from_pandas=True)


def typed(cells: list[str]) -> pa.Array:
    """An extract's column: INT64 when every filled cell is an integer, DOUBLE when a number, else text."""
    filled = [c for c in cells if c != ""]
    try:
        numbers = [float(c) for c in filled]
    except ValueError:
        return pa.array(cells, pa.string())
    if filled and all(n.is_integer() and "." not in c for n, c in zip(numbers, filled)) and not all(c.startswith("0") and len(c) > 1 for c in filled):
        return pa.array([int(c) if c != "" else None for c in cells], pa.int64())
    return pa.array([float(c) if c != "" else None for c in cells], pa.float64())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scored", required=True, type=Path)
    ap.add_argument("--input", required=True, type=Path)
    ap.add_argument("--model", required=True, type=Path)
    ap.add_argument("--output", required=True, type=Path)
    ap.add_argument("--output-space", default="log-odds", choices=["log-odds", "probability"])
    ap.add_argument("--tamper-top", action="store_true")
    ap.add_argument("--plain", action="store_true")
    args = ap.parse_args()

    # Every cell as text, as it was (pyarrow's CSV reader with every column a string, no null values).
    import pyarrow.csv as pacsv

    probe = pacsv.read_csv(args.scored, read_options=pacsv.ReadOptions(block_size=1 << 26))
    names = probe.column_names
    table = pacsv.read_csv(
        args.scored,
        convert_options=pacsv.ConvertOptions(column_types={n: pa.string() for n in names}, strings_can_be_null=False, quoted_strings_can_be_null=False),
    )
    cells = {n: table.column(n).to_pylist() for n in names}
    inputs = [n for n in names if n not in SCORE_COLUMNS and not n.startswith("contrib_")]

    if args.plain:
        pq.write_table(pa.table({n: typed(cells[n]) for n in inputs}), args.output, row_group_size=GROUP_ROWS, compression="snappy")
        return

    card = json.loads({p.key: p.value for p in onnx.load(str(args.model)).metadata_props}["model_card"])
    features = [f["name"] for f in card["features"]]
    columns: dict[str, pa.Array] = {n: pa.array(cells[n], pa.string()) for n in inputs}
    probability = as_float32_doubles(cells["risk_probability"])
    if args.tamper_top:
        top = cells["risk_rank"].index("1")
        values = probability.to_numpy(zero_copy_only=False).copy()
        values[top] += 0.01
        probability = pa.array(values, pa.float64(), from_pandas=True)
    columns["risk_probability"] = probability
    columns["risk_rank"] = pa.array([int(c) if c != "" else None for c in cells["risk_rank"]], pa.int64())
    columns["row_status"] = pa.array(cells["row_status"], pa.string())
    columns["row_issues"] = pa.array(cells["row_issues"], pa.string())
    explained = "contrib_base" in names
    if explained:
        for n in ["contrib_base", *[f"contrib_{f}" for f in features]]:
            columns[n] = as_float32_doubles(cells[n])
    out = pa.table(columns)
    space = args.output_space
    meta = {
        "fradragsrisiko.format": "1",
        "fradragsrisiko.model_sha256": sha256(args.model),
        "fradragsrisiko.model_name": args.model.name,
        "fradragsrisiko.model_card": json.dumps(card, ensure_ascii=False),
        "fradragsrisiko.output_space": space,
        "fradragsrisiko.input_name": args.input.name,
        "fradragsrisiko.input_sha256": sha256(args.input),
        "fradragsrisiko.rows": str(out.num_rows),
        "fradragsrisiko.explained": "true" if explained else "false",
        "fradragsrisiko.features": json.dumps(features, ensure_ascii=False),
    }
    out = out.replace_schema_metadata({**(out.schema.metadata or {}), **{k.encode(): v.encode() for k, v in meta.items()}})
    pq.write_table(out, args.output, row_group_size=GROUP_ROWS, compression="snappy")


if __name__ == "__main__":
    main()

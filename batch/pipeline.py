"""The Spark plan: read the records, give each its input position and physical line, find
duplicate ids across the whole file, coerce + score (+ explain) in parallel with mapInArrow,
rank globally, and write part files sorted by input position.

Reading a CSV: Spark's CSV reader, every column a string (no inference), multiLine for quoted
line breaks — which also makes the file one partition, read in order, so the records' position
(monotonically_increasing_id) and lines are exact; the rows are then spread over the cores
(repartition) for the expensive part, and sorted back at the end.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa

# Spark's CSV reader keeps a record whose field count differs from the header's here, as written
# (PERMISSIVE mode); coerce_rows re-reads those few records to count their fields exactly.
CORRUPT = "_corrupt"
# JavaScript's trim() set for the id (RowCoercer.checkId trims the id with String.prototype.trim).
JS_SPACE_CLASS = "[\\t\\n\\u000b\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]"


def _csv_records(spark, spec: dict, scan):
    from pyspark import StorageLevel
    from pyspark.sql import functions as F
    from pyspark.sql.types import StringType, StructField, StructType

    csv = spec["csv"]
    width = len(csv["header"])
    # Spark 4 names a short list of charsets unless asked for Java's own, which has windows-1252 (Norwegian Excel's).
    spark.conf.set("spark.sql.legacy.javaCharsets", "true")
    schema = StructType([StructField(f"c{j}", StringType()) for j in range(width)] + [StructField(CORRUPT, StringType())])
    # Without a quote in the file no record spans lines: a UTF-8 file is then read in parallel
    # splits (line-based); otherwise multiLine, which is one partition per file, in order.
    parallel = not scan.quotes and csv["encoding"] == "utf-8"
    if parallel:
        spark.conf.set("spark.sql.files.maxPartitionBytes", str(16 << 20))
    df = (
        spark.read.schema(schema)
        .option("header", "false")
        .option("sep", csv["delimiter"])
        .option("encoding", csv["encoding"].upper())
        .option("quote", '"')
        .option("escape", '"')
        .option("multiLine", "false" if parallel else "true")
        .option("mode", "PERMISSIVE")
        .option("columnNameOfCorruptRecord", CORRUPT)
        .option("ignoreLeadingWhiteSpace", "false")
        .option("ignoreTrailingWhiteSpace", "false")
        .option("maxCharsPerColumn", "-1")
        .option("enforceSchema", "true")
        .csv(spec["input"]["path"])
    )
    if not parallel and df.rdd.getNumPartitions() != 1:
        raise ValueError("batch.csv_not_one_partition")
    cols = [F.col(f"c{j}") for j in range(width)]
    nl = sum(F.coalesce(F.length(c) - F.length(F.regexp_replace(c, "\n", "")), F.lit(0)) for c in cols)
    blank = F.regexp_replace(F.concat_ws("", *cols), JS_SPACE_CLASS, "") == ""
    from pyspark.sql.window import Window

    df = df.withColumn("_rec", F.monotonically_increasing_id()).withColumn("_blank", blank)
    if parallel:
        # monotonically_increasing_id is (partition << 33) + position: make it the record's index in the file.
        df = df.persist(StorageLevel.MEMORY_AND_DISK)
        counts = {r["p"]: r["n"] for r in df.groupBy(F.shiftright(F.col("_rec"), 33).alias("p")).agg(F.count(F.lit(1)).alias("n")).collect()}
        offsets, total = {}, 0
        for p in sorted(counts):
            offsets[p] = total
            total += counts[p]
        start = F.create_map(*[x for p, o in offsets.items() for x in (F.lit(p), F.lit(o))]) if offsets else F.create_map(F.lit(0), F.lit(0))
        df = df.withColumn("_rec", start[F.shiftright(F.col("_rec"), 33)] + F.col("_rec").bitwiseAND((1 << 33) - 1))
    # Physical line of each record: 1 + records before + line breaks inside earlier records, then past the empty lines.
    if scan.quotes:
        w = Window.orderBy("_rec").rowsBetween(Window.unboundedPreceding, -1)
        df = df.withColumn("_nl", nl).withColumn("_v", F.lit(1) + F.col("_rec") + F.coalesce(F.sum("_nl").over(w), F.lit(0))).drop("_nl")
    else:
        # No quote in the file: no record spans lines, and the window's sort is not needed.
        df = df.withColumn("_v", F.lit(1) + F.col("_rec"))
    empty = scan.empty_lines
    if len(empty):
        adjusted = (empty - np.arange(len(empty))).tolist()

        from pyspark.sql.functions import pandas_udf

        @pandas_udf("long")
        def physical(v):
            return v + np.searchsorted(np.asarray(adjusted), v.to_numpy(), side="right")

        df = df.withColumn("_line", physical("_v"))
    else:
        df = df.withColumn("_line", F.col("_v"))
    df = df.filter((F.col("_rec") >= csv["skipRecords"]) & ~F.col("_blank")).drop("_blank", "_v")
    out_cols = [f"c{j}" for j in range(width)]
    return df, out_cols


def _parquet_records(spark, spec: dict, scan):
    from pyspark.sql import functions as F

    names = [os.path.basename(f) for f in scan.files]
    offsets = np.concatenate([[0], np.cumsum(scan.file_rows)[:-1]]).tolist()
    df = spark.read.parquet(*scan.files)
    header = spec["csv"]["header"]
    base = F.create_map(*[x for n, o in zip(names, offsets) for x in (F.lit(n), F.lit(int(o)))])
    rec = base[F.col("_metadata.file_name")] + F.col("_metadata.row_index")
    # The columns as they were (o*), and text copies (c*) that the cell rules read as the CSV's text.
    select = [F.col(f"`{h}`").alias(f"o{j}") for j, h in enumerate(header)]
    select += [F.coalesce(F.col(f"`{h}`").cast("string"), F.lit("")).alias(f"c{j}") for j, h in enumerate(header)]
    df = df.select(*select, rec.alias("_rec"), F.lit(None).cast("string").alias(CORRUPT))
    # As if a CSV with a header: data row k (0-based) on line k + 2.
    df = df.withColumn("_line", F.col("_rec") + 2)
    return df, [f"o{j}" for j in range(len(header))]


import os  # noqa: E402


def phase(what: str) -> None:
    """With BATCH_TIMINGS=1, when each phase ended (stderr), for the benchmark."""
    if os.environ.get("BATCH_TIMINGS"):
        import sys
        import time

        sys.stderr.write(f"{time.strftime('%H:%M:%S')} {what}\n")


def run_pipeline(spark, spec: dict, scan, parts: str) -> dict:
    from pyspark import StorageLevel
    from pyspark.sql import functions as F
    from pyspark.sql.window import Window

    if spec["input"]["kind"] == "parquet":
        df, out_cols = _parquet_records(spark, spec, scan)
    else:
        df, out_cols = _csv_records(spark, spec, scan)

    # Read once: the duplicate-id count and the rows themselves both start from the records.
    records = df = df.persist(StorageLevel.MEMORY_AND_DISK)
    id_col = spec["idColumn"]
    if id_col >= 0:
        idt = F.regexp_replace(F.coalesce(F.col(f"c{id_col}"), F.lit("")), f"^{JS_SPACE_CLASS}+|{JS_SPACE_CLASS}+$", "")
        df = df.withColumn("_id", idt)
        dups = df.filter(F.col("_id") != "").groupBy("_id").agg(F.min("_line").alias("_first"), F.count(F.lit(1)).alias("_n")).filter(F.col("_n") > 1).drop("_n")
        # Only the duplicated ids, a small table: broadcast, so the wide rows are not shuffled by id.
        df = df.join(F.broadcast(dups), "_id", "left").drop("_id")
    else:
        df = df.withColumn("_first", F.lit(None).cast("long"))

    # A multiLine CSV is one partition: spread its rows over the cores for the expensive part.
    cores = max(2, spark.sparkContext.defaultParallelism)
    if df.rdd.getNumPartitions() < cores:
        df = df.repartition(cores * 2)
    in_schema = df.schema
    out_fields = [in_schema[c] for c in out_cols]
    from pyspark.sql.types import DoubleType, LongType, StringType, StructField, StructType

    fields = [StructField("_rec", LongType())] + [StructField(f.name, f.dataType) for f in out_fields]
    fields += [StructField("risk_probability", DoubleType()), StructField("row_status", StringType()), StructField("row_issues", StringType())]
    if spec["explain"]:
        fields += [StructField("contrib_base", DoubleType())] + [StructField(f"contrib_{n}", DoubleType()) for n in spec["features"]]
    out_schema = StructType(fields)
    model_path = spec["model"]["path"]
    explain = spec["explain"]
    names = [f.name for f in fields]
    csv = spec["input"]["kind"] == "csv"

    def cell_text(column: pa.Array, j: int, present: np.ndarray) -> pa.Array:
        # Spark reads an empty cell as null: the file's text there is '', and null only for a field the record lacks.
        import pyarrow.compute as pc

        return pc.if_else(pa.array(present > j), column.fill_null(""), pa.nulls(len(column), pa.string()))

    def score_partition(batches):
        from batch.coerce_rows import STATUS_NAMES, STATUS_REJECTED, coerce_batch
        from batch.score_rows import explain as shap_explain
        from batch.score_rows import score

        for batch in batches:
            x, status, issues, present = coerce_batch(spec, batch)
            p = score(model_path, x)
            ok = status != STATUS_REJECTED
            prob = pa.array(np.where(ok, p, np.nan), pa.float64(), mask=~ok)
            cols = [batch.column("_rec")] + [cell_text(batch.column(c), j, present) if csv else batch.column(c) for j, c in enumerate(out_cols)]
            cols += [prob, pa.array([STATUS_NAMES[s] for s in status], pa.string()), pa.array(issues, pa.string())]
            if explain:
                phi = np.full((len(x), x.shape[1] + 1), np.nan)
                if ok.any():
                    phi[ok] = shap_explain(model_path, x[ok])
                cols.append(pa.array(phi[:, -1], pa.float64(), mask=~ok))
                cols += [pa.array(phi[:, i], pa.float64(), mask=~ok) for i in range(x.shape[1])]
            yield pa.RecordBatch.from_arrays(cols, names=names)

    scored = df.mapInArrow(score_partition, out_schema).persist(StorageLevel.MEMORY_AND_DISK)
    try:
        # Materialise the scores once: the rank, the sorted write and the counts all read them.
        scored.count()
        phase("records read, coerced, scored" + (" and explained" if explain else ""))
        ranks = (
            scored.filter(F.col("risk_probability").isNotNull())
            .select("_rec", "risk_probability")
            .withColumn("risk_rank", F.row_number().over(Window.orderBy(F.col("risk_probability").desc(), F.col("_rec").asc())).cast("long"))
            .drop("risk_probability")
        )
        # 16 bytes a row: broadcast to the wide rows rather than shuffle them for the join.
        final = scored.join(F.broadcast(ranks), "_rec", "left")
        order = ["_rec"] + out_cols + ["risk_probability", "risk_rank", "row_status", "row_issues"]
        if explain:
            order += ["contrib_base"] + [f"contrib_{n}" for n in spec["features"]]
        final = final.select(*order).orderBy("_rec").drop("_rec")
        final.write.mode("overwrite").option("compression", "snappy").parquet(parts)
        phase("ranked and written in input order")
        counts = {r["row_status"]: r["count"] for r in scored.groupBy("row_status").count().collect()}
    finally:
        scored.unpersist()
        records.unpersist()
    return {"scored": counts.get("scored", 0), "warned": counts.get("scored_with_warnings", 0), "rejected": counts.get("rejected", 0)}

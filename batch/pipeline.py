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
    from pyspark.sql import functions as F
    from pyspark.sql.types import StringType, StructField, StructType

    csv = spec["csv"]
    width = len(csv["header"])
    # Spark 4 names a short list of charsets unless asked for Java's own, which has windows-1252 (Norwegian Excel's).
    spark.conf.set("spark.sql.legacy.javaCharsets", "true")
    schema = StructType([StructField(f"c{j}", StringType()) for j in range(width)] + [StructField(CORRUPT, StringType())])
    df = (
        spark.read.schema(schema)
        .option("header", "false")
        .option("sep", csv["delimiter"])
        .option("encoding", csv["encoding"].upper())
        .option("quote", '"')
        .option("escape", '"')
        .option("multiLine", "true")
        .option("mode", "PERMISSIVE")
        .option("columnNameOfCorruptRecord", CORRUPT)
        .option("ignoreLeadingWhiteSpace", "false")
        .option("ignoreTrailingWhiteSpace", "false")
        .option("maxCharsPerColumn", "-1")
        .option("enforceSchema", "true")
        .csv(spec["input"]["path"])
    )
    if df.rdd.getNumPartitions() != 1:
        raise ValueError("batch.csv_not_one_partition")
    cols = [F.col(f"c{j}") for j in range(width)]
    nl = sum(F.coalesce(F.length(c) - F.length(F.regexp_replace(c, "\n", "")), F.lit(0)) for c in cols)
    blank = F.regexp_replace(F.concat_ws("", *cols), JS_SPACE_CLASS, "") == ""
    from pyspark.sql.window import Window

    w = Window.orderBy("_rec").rowsBetween(Window.unboundedPreceding, -1)
    df = df.withColumn("_rec", F.monotonically_increasing_id()).withColumn("_nl", nl).withColumn("_blank", blank)
    # Physical line of each record: 1 + records before + line breaks inside earlier records, then past the empty lines.
    df = df.withColumn("_v", F.lit(1) + F.col("_rec") + F.coalesce(F.sum("_nl").over(w), F.lit(0)))
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
    df = df.filter((F.col("_rec") >= csv["skipRecords"]) & ~F.col("_blank")).drop("_nl", "_blank", "_v")
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


def run_pipeline(spark, spec: dict, scan, parts: str) -> dict:
    from pyspark.sql import functions as F
    from pyspark.sql.window import Window

    if spec["input"]["kind"] == "parquet":
        df, out_cols = _parquet_records(spark, spec, scan)
    else:
        df, out_cols = _csv_records(spark, spec, scan)

    id_col = spec["idColumn"]
    if id_col >= 0:
        idt = F.regexp_replace(F.coalesce(F.col(f"c{id_col}"), F.lit("")), f"^{JS_SPACE_CLASS}+|{JS_SPACE_CLASS}+$", "")
        df = df.withColumn("_id", idt)
        dups = df.filter(F.col("_id") != "").groupBy("_id").agg(F.min("_line").alias("_first"), F.count(F.lit(1)).alias("_n")).filter(F.col("_n") > 1).drop("_n")
        df = df.join(dups, "_id", "left").drop("_id")
    else:
        df = df.withColumn("_first", F.lit(None).cast("long"))

    parallel = max(2, spark.sparkContext.defaultParallelism) * 2
    df = df.repartition(parallel)
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

    scored = df.mapInArrow(score_partition, out_schema).persist()
    try:
        ranks = (
            scored.filter(F.col("risk_probability").isNotNull())
            .select("_rec", "risk_probability")
            .withColumn("risk_rank", F.row_number().over(Window.orderBy(F.col("risk_probability").desc(), F.col("_rec").asc())).cast("long"))
            .drop("risk_probability")
        )
        final = scored.join(ranks, "_rec", "left")
        order = ["_rec"] + out_cols + ["risk_probability", "risk_rank", "row_status", "row_issues"]
        if explain:
            order += ["contrib_base"] + [f"contrib_{n}" for n in spec["features"]]
        final = final.select(*order).orderBy("_rec").drop("_rec")
        final.write.mode("overwrite").option("compression", "snappy").parquet(parts)
        counts = {r["row_status"]: r["count"] for r in scored.groupBy("row_status").count().collect()}
    finally:
        scored.unpersist()
    return {"scored": counts.get("scored", 0), "warned": counts.get("scored_with_warnings", 0), "rejected": counts.get("rejected", 0)}

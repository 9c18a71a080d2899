"""The batch path on Apache Spark: the browser's model and rules over a whole register extract (docs/BATCH.md)."""

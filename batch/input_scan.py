"""One pass over the input's bytes on the driver: its SHA-256 for the output's metadata, and
what Spark's readers do not say — the physical lines that are empty (Spark's CSV reader skips
them; the app counts them in every line number it reports), or, for a Parquet directory,
its part files in name order with their row counts (the input order)."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field

import numpy as np

CHUNK = 1 << 24


@dataclass
class Scan:
    sha256: str
    size: int
    # CSV: 1-based numbers of the empty physical lines, ascending.
    empty_lines: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    # CSV: whether any '"' occurs; without one no record spans lines, and no line count is needed.
    quotes: bool = True
    # Parquet directory: part files in name order and their rows.
    files: list[str] = field(default_factory=list)
    file_rows: list[int] = field(default_factory=list)


def parquet_parts(path: str) -> list[str]:
    """The data files of a Parquet directory (or the file itself), in name order; Spark's _SUCCESS and .crc files left out."""
    if os.path.isfile(path):
        return [path]
    names = sorted(n for n in os.listdir(path) if not n.startswith((".", "_")) and n.endswith(".parquet"))
    return [os.path.join(path, n) for n in names]


def scan_input(spec: dict) -> Scan:
    path = spec["input"]["path"]
    if spec["input"]["kind"] == "parquet":
        import pyarrow.parquet as pq

        files = parquet_parts(path)
        h = hashlib.sha256()
        size = 0
        for f in files:
            with open(f, "rb") as fh:
                while chunk := fh.read(CHUNK):
                    h.update(chunk)
                    size += len(chunk)
        return Scan(h.hexdigest(), size, files=files, file_rows=[pq.ParquetFile(f).metadata.num_rows for f in files])
    h = hashlib.sha256()
    empty: list[np.ndarray] = []
    newlines = 0  # '\n' before the current chunk
    size = 0
    carry = b""
    at_start = True
    quotes = False
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK):
            h.update(chunk)
            quotes = quotes or b'"' in chunk
            size += len(chunk)
            if at_start:
                # The first line is empty when the file (after a UTF-8 byte order mark) starts with a line break.
                body = chunk[3:] if chunk.startswith(b"\xef\xbb\xbf") else chunk
                if body.startswith(b"\n") or body.startswith(b"\r\n"):
                    empty.append(np.array([1]))
                at_start = False
            data = np.frombuffer(carry + chunk, np.uint8)
            lf = np.flatnonzero(data == 10)
            # An LF at p ends a line; the next line is empty when LF or CR LF follows at once.
            nxt = np.append(data, [0, 0])
            is_empty = (nxt[lf + 1] == 10) | ((nxt[lf + 1] == 13) & (nxt[lf + 2] == 10))
            # Positions within the last 2 bytes are decided with the next chunk (carried over).
            decided = lf < len(data) - 2
            k = np.flatnonzero(is_empty & decided)
            empty.append(newlines + k + 2)  # k-th LF (0-based) ends line k+1; the empty one is line k+2
            newlines += int(decided.sum())
            carry = bytes(data[len(data) - 2 :]) if len(data) >= 2 else bytes(data)
            # Undecided LFs are counted again from the carry.
    if carry:
        data = np.frombuffer(carry, np.uint8)
        lf = np.flatnonzero(data == 10)
        nxt = np.append(data, [0, 0])
        is_empty = (nxt[lf + 1] == 10) | ((nxt[lf + 1] == 13) & (nxt[lf + 2] == 10))
        empty.append(newlines + np.flatnonzero(is_empty) + 2)
    lines = np.concatenate(empty).astype(np.int64) if empty else np.zeros(0, np.int64)
    return Scan(h.hexdigest(), size, empty_lines=np.unique(lines), quotes=quotes)

/**
 * Throughput of the Parquet intake against the CSV intake on the same rows, printed (not a
 * test):  npx tsx test/bench/parquet-intake.ts [rows, default 1,000,000]
 *
 * models/generate.py writes the rows as CSV; pyarrow writes them as Parquet twice, in row groups
 * of 65,536, snappy: typed (INT64 / DOUBLE / text, as a data platform's extract) and as text
 * (every column a string, as the batch output keeps a CSV's cells). Each is read through the
 * app's intake with the default model's card, streamed (1 MiB chunks; one row group at a time),
 * and timed; peak heap is sampled while it runs.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asyncBufferFromFile } from 'hyparquet';
import { Ingest } from '../../src/lib/core/csv/ingest';
import { readModel } from '../../src/lib/core/model/read-card';
import { openParquet, readParquet } from '../../src/lib/core/parquet/read-parquet';

const rows = Number(process.argv[2] ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'parquet-bench-'));
const csv = join(dir, 'returns.csv');
execFileSync('python3', ['models/generate.py', '--rows', String(rows), '--seed', '7', '--out', csv]);
execFileSync('python3', [
  '-c',
  `import pyarrow.csv as c, pyarrow as pa, pyarrow.parquet as pq, sys
t = c.read_csv(sys.argv[1])
pq.write_table(t, sys.argv[2], row_group_size=65536, compression="snappy")
s = c.read_csv(sys.argv[1], convert_options=c.ConvertOptions(column_types={n: pa.string() for n in t.column_names}, strings_can_be_null=False))
pq.write_table(s, sys.argv[3], row_group_size=65536, compression="snappy")`,
  csv,
  join(dir, 'typed.parquet'),
  join(dir, 'text.parquet'),
]);
const card = readModel(new Uint8Array(readFileSync('public/model/deduction-risk.onnx'))).card!;

let peak = 0;
const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 20);
async function timed(label: string, path: string, run: () => Promise<{ rows: number; rejected: number }>): Promise<void> {
  globalThis.gc?.();
  peak = process.memoryUsage().heapUsed;
  const base = peak;
  const t0 = performance.now();
  const out = await run();
  const s = (performance.now() - t0) / 1000;
  const mb = statSync(path).size / 1e6;
  console.log(`${label.padEnd(16)} ${mb.toFixed(0).padStart(5)} MB  ${out.rows} rows (${out.rejected} rejected) in ${s.toFixed(2)} s = ${Math.round(out.rows / s).toLocaleString('en')} rows/s, peak heap +${((peak - base) / 1e6).toFixed(0)} MB`);
}

await timed('CSV', csv, async () => {
  const ingest = new Ingest(card);
  for await (const chunk of createReadStream(csv, { highWaterMark: 1 << 20 })) ingest.push(chunk as Uint8Array);
  const r = ingest.finish();
  return { rows: r.rows, rejected: r.counts.rejected };
});
for (const name of ['typed', 'text']) {
  const path = join(dir, `${name}.parquet`);
  await timed(`Parquet ${name}`, path, async () => {
    const file = await asyncBufferFromFile(path);
    const r = (await readParquet(file, await openParquet(file), card))!.ingest;
    return { rows: r.rows, rejected: r.counts.rejected };
  });
}
clearInterval(sample);
console.log(`columnar output: ${((rows * card.features.length * 4) / 1e6).toFixed(0)} MB of float32 features`);

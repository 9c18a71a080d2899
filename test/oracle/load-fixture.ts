import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeModel } from '../../src/lib/core/model/onnx';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** A JSON fixture under test/fixtures. */
export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(FIXTURES + path, 'utf8')) as T;
}

/** An ONNX file under test/fixtures, decoded. */
export function readOnnx(path: string) {
  return decodeModel(readFileSync(FIXTURES + path));
}

/** Rows from a fixture (null = NaN, "Infinity"/"-Infinity" = ±∞) as a row-major float32 block. */
export function toFloat32Rows(rows: (number | string | null)[][]): Float32Array {
  const width = rows[0]?.length ?? 0;
  const x = new Float32Array(rows.length * width);
  rows.forEach((row, r) =>
    row.forEach((v, k) => {
      x[r * width + k] = v === null ? NaN : typeof v === 'string' ? Number(v) : v;
    }),
  );
  return x;
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    if (!(d <= worst)) worst = d;
  }
  return worst;
}

import { createReadStream } from 'node:fs';
import { RecordReader } from '../lib/core/csv/RecordReader';
import { StreamDecoder } from '../lib/core/csv/StreamDecoder';
import type { Plan } from '../lib/core/csv/ingest';

/**
 * Second pass over the input for the CLI's "input columns unchanged" contract: the same
 * decoder and record reader as intake, with the dialect intake settled on, yielding each
 * record's raw fields keyed by the physical line it starts on. Intake's `line` column says
 * which records are data rows, so both passes agree on rows by construction, not by
 * repeating intake's rules for headers and empty lines.
 */
export async function* rawRecords(path: string, plan: Plan, asciiOnly: boolean): AsyncGenerator<{ line: number; fields: string[] | null }> {
  const decoder = new StreamDecoder(plan.encoding, asciiOnly);
  const queue: { line: number; fields: string[] | null }[] = [];
  const reader = new RecordReader(plan.delimiter, {
    record: (fields, line) => queue.push({ line, fields }),
  });
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    reader.push(decoder.decode(chunk as Buffer));
    yield* queue.splice(0);
  }
  reader.push(decoder.decode(new Uint8Array(0), true));
  reader.finish();
  yield* queue.splice(0);
}

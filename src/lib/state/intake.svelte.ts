/**
 * The file the user has chosen but not scored yet: its first bytes, the reading options they
 * chose, and what `sniff` makes of both. Sniffing 64 KB takes milliseconds, so it runs here
 * in the page, again on every change of an option, without the worker.
 */
import { sniff, type SniffResult } from '../core/csv/sniff';
import { SNIFF_BYTES, type Delimiter, type Encoding, type IngestOptions } from '../core/csv/options';
import type { Explorer } from './explorer.svelte';
import { problem, type Problem } from '../core/problems';
import { fileKind, KIND_BYTES } from './file-kind';
import { checkTabCeiling } from '../core/csv/tab-ceiling';
import { checkParquetCeiling } from '../core/parquet/parquet-ceiling';

export class Intake {
  file = $state.raw<Blob | null>(null);
  fileName = $state('');
  /**
   * Exactly the first SNIFF_BYTES of the file: the worker's Ingest sniffs the same bytes, so
   * what the preview shows is what scoring will do.
   */
  sample = $state.raw<Uint8Array | null>(null);
  encoding = $state<'auto' | Encoding>('auto');
  delimiter = $state<'auto' | Delimiter>('auto');
  /** The user's column choices (see IngestOptions.mapping); empty means "as matched". */
  mapping = $state.raw<Record<string, string | null>>({});
  /**
   * A file refused before any preview: a model file (ONNX, told by its bytes) chosen where a
   * CSV goes, or one with more rows than a tab takes (core/csv/tab-ceiling.ts).
   */
  refused = $state.raw<Problem | null>(null);

  options = $derived.by((): IngestOptions => {
    const options: IngestOptions = { encoding: this.encoding, delimiter: this.delimiter };
    if (Object.keys(this.mapping).length > 0) options.mapping = this.mapping;
    return options;
  });

  sniffed = $derived.by((): SniffResult | null => {
    const card = this.#explorer.model?.card;
    return this.sample && card ? sniff(this.sample, card, this.options) : null;
  });

  #explorer: Explorer;
  #opened = 0;

  constructor(explorer: Explorer) {
    this.#explorer = explorer;
  }

  /** Reads the start of a file for the preview; a newer file settles an older one still being read. */
  async open(file: Blob, fileName: string): Promise<void> {
    const opened = ++this.#opened;
    const sample = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
    const tail = new Uint8Array(await file.slice(Math.max(0, file.size - 4)).arrayBuffer());
    if (opened !== this.#opened) return;
    if (fileKind(sample.subarray(0, KIND_BYTES)) === 'onnx') {
      this.file = null;
      this.sample = null;
      this.refused = problem('intake.is_model', 'error', { field: fileName });
      return;
    }
    if (fileKind(sample.subarray(0, KIND_BYTES), tail) === 'parquet') {
      // A Parquet file has its types and column names in its footer: nothing to preview or choose; the worker reads it (core/parquet).
      // Its footer counts its rows exactly, so a file over the tab's ceiling is refused first. Loaded on demand: a CSV user never fetches hyparquet.
      const { openParquet, blobAsyncBuffer } = await import('../core/parquet/read-parquet');
      const rows = (await openParquet(blobAsyncBuffer(file))).rows;
      if (opened !== this.#opened) return;
      const over = checkParquetCeiling(rows);
      this.close();
      if (over) this.refused = { ...over, field: fileName };
      else void this.#explorer.score(file, fileName);
      return;
    }
    const tooMany = checkTabCeiling(file.size, sample);
    if (tooMany) {
      this.file = null;
      this.sample = null;
      this.refused = { ...tooMany, field: fileName };
      return;
    }
    this.refused = null;
    this.#explorer.openCsv = { file, name: fileName };
    this.encoding = 'auto';
    this.delimiter = 'auto';
    this.mapping = {};
    this.file = file;
    this.fileName = fileName;
    this.sample = sample;
  }

  close(): void {
    this.#opened++;
    this.refused = null;
    this.file = null;
    this.sample = null;
  }

  /** Scores the previewed file with the options shown; refuses while the preview says it is blocked. */
  score(): void {
    const file = this.file;
    if (!file || !this.sniffed || this.sniffed.plan.blocked) return;
    const name = this.fileName;
    const options = this.options;
    this.close();
    void this.#explorer.score(file, name, options);
  }
}

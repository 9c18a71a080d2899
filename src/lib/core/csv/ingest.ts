import type { ModelCard } from '../model/card';
import type { TextFeature } from '../model/text-feature';
import type { Problem } from '../problems';
import type { Plan } from './buildPlan';
import { csvProblem } from './codes';
import { GrowableFloat32, GrowableUint32, GrowableUint8 } from './growable';
import { MAX_ROW_PROBLEMS, SNIFF_BYTES, type IngestOptions } from './options';
import { RecordReader, type RecordSink } from './RecordReader';
import { detach, RowCoercer, type Cell } from './RowCoercer';
import { STATUS_REJECTED, STATUS_SCORED, STATUS_WARNED } from './row-status';
import { mixedLineEndings, sniff, type SniffResult } from './sniff';
import { CELL_CONTROL, CELL_NATIONAL_ID, screenCell } from './screenCell';

export type { IngestOptions } from './options';
export type { Plan } from './buildPlan';
export type { SniffResult } from './sniff';
import { StreamDecoder } from './StreamDecoder';

/** Distinct values a passthrough column may show and still be interned (see Ingest.keep). */
const INTERN_LIMIT = 1024;

/** Rows completed by one push. */
export interface RowBlock {
  /** Row index of the first row in the block. */
  start: number;
  count: number;
  /**
   * count × F features, row-major in the card's feature order; NaN = missing (and every
   * feature of a rejected row). Ingest keeps this array to build the final result:
   * copy it (slice) before transferring its buffer to another thread.
   */
  features: Float32Array;
  /** Per row: STATUS_SCORED, STATUS_WARNED or STATUS_REJECTED (row-status.ts). */
  status: Uint8Array;
}

export interface IngestResult {
  rows: number;
  /** rows × F, row-major, float32, NaN = missing. */
  features: Float32Array;
  /** Per row: STATUS_SCORED, STATUS_WARNED or STATUS_REJECTED (row-status.ts). */
  status: Uint8Array;
  /** Per row: 1-based physical line the row starts on. */
  line: Uint32Array;
  /** Per row: the id as written (leading zeros kept), '' when the file has no id column. */
  ids: string[];
  idKind: 'id' | 'national-id' | 'none';
  /** Per row: 1 / 0 from the label column, NaN when unknown; null without a label column. */
  label: Float32Array | null;
  /**
   * Columns not used by the model, as text, for export. Mask those with plan.columns[j].nationalId.
   * `distinct`, when set, is each column's count of distinct values up to MAX_SEGMENTS + 1
   * (countDistinct; the page counts them as the columns arrive, segmentSources reads them).
   */
  passthrough: { header: string[]; columns: string[][]; distinct?: number[] };
  /** File-level problems (sniff's and those found while reading). */
  problems: Problem[];
  /** Row-level problems sorted by row: problems[k] belongs to row row[k]. Capped at MAX_ROW_PROBLEMS (see problemCounts). */
  rowProblems: { row: Uint32Array; problems: Problem[] };
  /** Row-level problems per code, all of them, including those beyond the cap. */
  problemCounts: Map<string, number>;
  counts: { scored: number; warned: number; rejected: number; emptyLines: number };
  plan: Plan;
  /** Bytes read. */
  bytes: number;
}

/**
 * Streaming CSV intake: push the file's bytes in chunks of any size, get back the rows
 * each chunk completed as typed arrays, and call finish() for the whole columnar result.
 * Memory is bounded by the output (features, status, lines, ids, passthrough text) plus
 * one chunk: the file's text is never kept.
 *
 * The first SNIFF_BYTES are held until `sniff` has read them (unless finish() comes
 * first), so options may still be 'auto'; push() returns null until then. Invariant
 * checked at finish: every row has a status, and scored + warned + rejected = rows.
 */
export class Ingest {
  private readonly F: number;
  private held: Uint8Array[] = [];
  private heldBytes = 0;
  private consumed = 0;
  private sniffed: SniffResult | null = null;
  private decoder: StreamDecoder | null = null;
  private reader: RecordReader | null = null;
  private coercer: RowCoercer | null = null;
  private plan: Plan | null = null;

  private rows = 0;
  private emptyLines = 0;
  private headerSeen = false;
  private readonly status = new GrowableUint8();
  private readonly line = new GrowableUint32();
  private label: GrowableFloat32 | null = null;
  private readonly ids: string[] = [];
  private passthrough: string[][] = [];
  private pools: (Map<string, string> | null)[] = [];
  /** Per passthrough column: the screen flags (see screenCell) of interned values that have any. */
  private poolFlags: Map<string, number>[] = [];
  /** Flags of the cell keep() last returned. */
  private flags = 0;
  /** Per header column: cells holding a national id (found by screenCell), and the line of the first. */
  private idCells: Uint32Array = new Uint32Array(0);
  private idCellLine: Uint32Array = new Uint32Array(0);
  private readonly blocks: Float32Array[] = [];
  private block = new GrowableFloat32();
  private blockStart = 0;
  private blockRows = 0;
  private readonly problemRows = new GrowableUint32();
  private readonly rowProblemList: Problem[] = [];
  private readonly problemCounts = new Map<string, number>();
  private readonly fileProblems: Problem[] = [];
  private counts = { scored: 0, warned: 0, rejected: 0 };
  private finished = false;

  constructor(
    private readonly card: ModelCard,
    private readonly options: IngestOptions = {},
    /** The model's text features (ModelFile.text): their cells become the text's score. */
    private readonly text: readonly TextFeature[] = [],
  ) {
    this.F = card.features.length;
  }

  /** Bytes pushed so far: the progress figure (divide by the file's size). */
  get bytesConsumed(): number {
    return this.consumed;
  }

  /** What sniffing the first bytes decided, once it has happened. */
  get sniffResult(): SniffResult | null {
    return this.sniffed;
  }

  /**
   * Intake of rows that arrive as cells rather than bytes (a Parquet file, core/parquet): the
   * caller made the plan from the file's schema and first rows, so nothing is sniffed; rows
   * come through addRow and leave as blocks through takeRows, and finish() gives the result
   * with every rule of the CSV path (coercion, statuses, ids, national-id screening).
   * `bytes`: the file's size, for the result.
   */
  static ofPlan(card: ModelCard, plan: Plan, problems: Problem[], bytes: number, text: readonly TextFeature[] = []): Ingest {
    const ingest = new Ingest(card, {}, text);
    ingest.consumed = bytes;
    ingest.adopt(plan, problems);
    ingest.headerSeen = true;
    return ingest;
  }

  /** One row of an ofPlan intake, numbered `row` (1-based) in its problems: strings, or numbers in feature columns read as numbers (NaN missing). */
  addRow(fields: readonly Cell[], row: number): void {
    this.row(fields, row, 1, 0);
  }

  /** A row of an ofPlan intake that could not be read at all (its Parquet row group failed): rejected, every feature NaN, no id. */
  addUnreadRow(row: number): void {
    this.row(null, row, 1, 0, true);
  }

  /** A file-level problem of an ofPlan intake, met while reading. */
  note(p: Problem): void {
    this.fileProblems.push(p);
  }

  /** The rows added since the last call, as a block (null when none). */
  takeRows(): RowBlock | null {
    return this.takeBlock();
  }

  push(bytes: Uint8Array): RowBlock | null {
    if (this.finished) throw new Error('Ingest.push after finish');
    if (this.plan && !this.sniffed) throw new Error('Ingest.push on an ofPlan intake');
    this.consumed += bytes.length;
    if (!this.sniffed) {
      if (bytes.length > 0) {
        this.held.push(bytes.slice());
        this.heldBytes += bytes.length;
      }
      if (this.heldBytes < SNIFF_BYTES) return null;
      this.start();
      return this.takeBlock();
    }
    this.feed(bytes, false);
    return this.takeBlock();
  }

  finish(): IngestResult {
    if (this.finished) throw new Error('Ingest.finish called twice');
    if (!this.sniffed && !this.plan) this.start();
    this.feed(new Uint8Array(0), true);
    const reader = this.reader;
    if (reader) {
      reader.finish();
      if (reader.mixedLine > 0 && !this.fileProblems.some((p) => p.code === 'csv.mixed_line_endings')) this.fileProblems.push(mixedLineEndings(reader));
    }
    this.finished = true;
    this.takeBlock();
    return this.result();
  }

  private start(): void {
    const held = concat(this.held, this.heldBytes);
    this.held = [];
    // Exactly the first SNIFF_BYTES, however they arrived, so no decision depends on chunk sizes.
    const sniffed = sniff(held.subarray(0, SNIFF_BYTES), this.card, this.options);
    this.sniffed = sniffed;
    const plan = sniffed.plan;
    this.adopt(plan, sniffed.problems);
    if (plan.columns.length === 0) return; // nothing readable: no rows
    this.decoder = new StreamDecoder(plan.encoding, sniffed.asciiOnly);
    this.reader = new RecordReader(plan.delimiter, this.sink);
    this.feed(held, false);
  }

  private adopt(plan: Plan, problems: Problem[]): void {
    this.plan = plan;
    this.fileProblems.push(...problems);
    this.passthrough = plan.passthrough.map(() => []);
    this.pools = plan.passthrough.map(() => new Map());
    this.poolFlags = plan.passthrough.map(() => new Map());
    this.idCells = new Uint32Array(plan.header.length);
    this.idCellLine = new Uint32Array(plan.header.length);
    if (plan.labelColumn >= 0) this.label = new GrowableFloat32();
    if (plan.columns.length > 0) this.coercer = new RowCoercer(this.card, plan, this.text);
  }

  private feed(bytes: Uint8Array, final: boolean): void {
    const decoder = this.decoder;
    const reader = this.reader;
    if (!decoder || !reader) return;
    const text = decoder.decode(bytes, final);
    if (decoder.switchedAt >= 0) this.noteAt('csv.encoding_switched', text, decoder.switchedAt, reader);
    if (decoder.replacementAt >= 0) this.noteAt('csv.invalid_encoding', text, decoder.replacementAt, reader, { encoding: decoder.encoding });
    if (text.length > 0) reader.push(text);
  }

  /** A file-level problem at character `at` of `text`, which is about to follow the reader's buffered text. */
  private noteAt(code: 'csv.encoding_switched' | 'csv.invalid_encoding', text: string, at: number, reader: RecordReader, params?: Record<string, string>): void {
    this.fileProblems.push(csvProblem(code, { line: reader.lineOf(text, at), params }));
  }

  private readonly sink: RecordSink = {
    record: (fields, line, lines, issue) => {
      const plan = this.plan as Plan;
      if (!this.headerSeen) {
        if (line >= plan.headerLine) this.headerSeen = true;
        else if (fields && fields.length === 1 && fields[0].trim() === '') this.emptyLines++;
        return;
      }
      if (fields && issue === 0 && isBlank(fields)) {
        this.emptyLines++;
        return;
      }
      this.row(fields, line, lines, issue);
    },
  };

  private row(fields: readonly Cell[] | null, line: number, lines: number, issue: number, unread = false): void {
    const plan = this.plan as Plan;
    const coercer = this.coercer as RowCoercer;
    const r = this.rows++;
    const offset = this.blockRows++ * this.F;
    const out = this.block.reserve(offset + this.F);
    let status: number;
    const blocked = plan.blocked || unread;
    let lastId = '';
    if (blocked) {
      status = STATUS_REJECTED;
      out.fill(NaN, offset, offset + this.F);
      lastId = fields ? detach(String(fields[plan.idColumn] ?? '').trim()) : '';
    } else {
      status = coercer.coerce(fields, line, lines, issue, out, offset);
      const problems = coercer.rowProblems;
      for (const p of problems) this.addRowProblem(r, p);
    }
    this.status.push(status);
    this.line.push(line);
    if (status === STATUS_SCORED) this.counts.scored++;
    else if (status === STATUS_WARNED) this.counts.warned++;
    else this.counts.rejected++;
    if (plan.idColumn >= 0) {
      const id = blocked ? lastId : coercer.lastId;
      this.ids.push(id);
      this.screen(screenCell(id), plan.idColumn, r, line);
    } else this.ids.push('');
    this.label?.push(blocked ? NaN : coercer.lastLabel);
    const pass = plan.passthrough;
    for (let k = 0; k < pass.length; k++) {
      const j = pass[k];
      if (fields && j < fields.length) {
        this.passthrough[k].push(this.keep(k, String(fields[j])));
        this.screen(this.flags, j, r, line);
      } else this.passthrough[k].push('');
    }
  }

  /**
   * What screenCell found in a cell of column j that is exported as written (the id and the
   * passthrough columns): control characters are noted on the row, since exports replace
   * them; national ids are counted per column, over the whole file, since the sample the
   * plan was made from may have held none.
   */
  private screen(flags: number, j: number, r: number, line: number): void {
    if (flags === 0) return;
    if (flags & CELL_CONTROL) this.addRowProblem(r, csvProblem('csv.control_characters', { line, column: j + 1, field: (this.plan as Plan).header[j] }));
    if (flags & CELL_NATIONAL_ID && this.idCells[j]++ === 0) this.idCellLine[j] = line;
  }

  /**
   * A passthrough cell to keep. Columns like kommune or sivilstand repeat a few values a
   * million times: one shared string each saves the memory and the garbage collector's
   * copying of a million survivors. A column that shows more than INTERN_LIMIT distinct
   * values is taken for free text and stops being interned.
   */
  private keep(k: number, cell: string): string {
    const pool = this.pools[k];
    if (pool) {
      const shared = pool.get(cell);
      if (shared !== undefined) {
        this.flags = this.poolFlags[k].get(shared) ?? 0;
        return shared;
      }
    }
    const own = detach(cell);
    this.flags = screenCell(own);
    if (pool && pool.size < INTERN_LIMIT) {
      pool.set(own, own);
      if (this.flags !== 0) this.poolFlags[k].set(own, this.flags);
    } else this.pools[k] = null;
    return own;
  }

  private addRowProblem(r: number, p: Problem): void {
    this.problemCounts.set(p.code, (this.problemCounts.get(p.code) ?? 0) + 1);
    if (this.rowProblemList.length >= MAX_ROW_PROBLEMS) return;
    this.problemRows.push(r);
    this.rowProblemList.push(p);
  }

  private takeBlock(): RowBlock | null {
    if (this.blockRows === 0) return null;
    const count = this.blockRows;
    const features = this.block.array.slice(0, count * this.F);
    const status = this.status.array.slice(this.blockStart, this.blockStart + count);
    const block: RowBlock = { start: this.blockStart, count, features, status };
    this.blocks.push(features);
    this.blockStart += count;
    this.blockRows = 0;
    return block;
  }

  private result(): IngestResult {
    const plan = this.plan as Plan;
    const rows = this.rows;
    const features = new Float32Array(rows * this.F);
    let at = 0;
    for (const b of this.blocks) {
      features.set(b, at);
      at += b.length;
    }
    this.blocks.length = 0;
    const problems = [...this.fileProblems];
    const coercer = this.coercer;
    if (coercer && !plan.blocked) {
      for (let i = 0; i < this.F; i++) {
        const comma = coercer.commaCells[i];
        const point = coercer.pointCells[i];
        if (comma === 0 || point === 0) continue;
        const j = plan.featureColumns[i];
        const usesComma = plan.columns[j].decimal === ',';
        problems.push(
          csvProblem('csv.mixed_decimal', {
            line: usesComma ? coercer.firstPointLine[i] : coercer.firstCommaLine[i],
            column: j + 1,
            field: plan.header[j],
            params: { decimal: usesComma ? ',' : '.', other: usesComma ? '.' : ',', count: usesComma ? point : comma },
          }),
        );
      }
      if (coercer.trailingBlank > 0) {
        problems.push(csvProblem('csv.trailing_empty_fields', { line: coercer.firstTrailingBlankLine, params: { count: coercer.trailingBlank } }));
      }
    }
    // Columns found to hold national ids only past the sample: warned about, and marked so every view masks them.
    let columns = plan.columns;
    for (let j = 0; j < this.idCells.length; j++) {
      if (this.idCells[j] === 0 || columns[j].nationalId) continue;
      if (columns === plan.columns) columns = plan.columns.map((c) => ({ ...c }));
      columns[j].nationalId = true;
      problems.push(csvProblem('csv.national_ids_found', { line: this.idCellLine[j], column: j + 1, field: plan.header[j], params: { count: this.idCells[j] } }));
    }
    if (rows === 0 && plan.columns.length > 0 && !problems.some((p) => p.code === 'csv.no_rows')) {
      problems.push(csvProblem('csv.no_rows', { line: plan.headerLine }));
    }
    let total = 0;
    for (const n of this.problemCounts.values()) total += n;
    if (total > this.rowProblemList.length) {
      problems.push(csvProblem('csv.problems_truncated', { line: plan.headerLine, params: { shown: this.rowProblemList.length, total } }));
    }
    const { scored, warned, rejected } = this.counts;
    if (scored + warned + rejected !== rows || this.status.length !== rows || this.line.length !== rows || this.ids.length !== rows) {
      throw new Error(`Ingest invariant broken: ${rows} rows, ${scored}+${warned}+${rejected} statuses`);
    }
    return {
      rows,
      features,
      status: this.status.array.slice(0, rows),
      line: this.line.array.slice(0, rows),
      ids: this.ids,
      idKind: plan.idKind,
      label: this.label ? this.label.array.slice(0, rows) : null,
      passthrough: { header: plan.passthrough.map((j) => plan.header[j]), columns: this.passthrough },
      problems,
      rowProblems: { row: this.problemRows.array.slice(0, this.rowProblemList.length), problems: this.rowProblemList },
      problemCounts: this.problemCounts,
      counts: { scored, warned, rejected, emptyLines: this.emptyLines },
      plan: columns === plan.columns ? plan : { ...plan, columns },
      bytes: this.consumed,
    };
  }
}

function isBlank(fields: string[]): boolean {
  for (const f of fields) if (f.trim() !== '') return false;
  return true;
}

function concat(parts: Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Reads a whole file held in memory, in 1 MiB pieces as a stream would deliver it. */
export function ingestAll(bytes: Uint8Array, card: ModelCard, options: IngestOptions = {}): IngestResult {
  const ingest = new Ingest(card, options);
  const piece = 1 << 20;
  for (let at = 0; at < bytes.length; at += piece) ingest.push(bytes.subarray(at, Math.min(bytes.length, at + piece)));
  return ingest.finish();
}

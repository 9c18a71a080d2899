import type { FeatureCard, ModelCard } from '../model/card';
import { textScore, type TextFeature } from '../model/text-feature';
import type { Problem } from '../problems';
import type { Plan } from './buildPlan';
import { csvProblem, type CsvProblemCode } from './codes';
import { maskNationalIds, nationalIdChecksumOk } from './nationalId';
import { normalizeHeader } from './normalizeHeader';
import { CELL_INVALID, CELL_MISSING, FLAG_CURRENCY, FLAG_PERCENT, NumberReader, STYLE_COMMA, STYLE_POINT } from './numberReader';
import { EXCERPT_CHARS, MAX_RECORD_CHARS } from './options';
import { RECORD_MALFORMED_QUOTE, RECORD_TOO_LONG, RECORD_UNTERMINATED_QUOTE } from './RecordReader';
import { STATUS_REJECTED, STATUS_SCORED, STATUS_WARNED } from './row-status';


/** Words a binary column may hold instead of 1 / 0 (bokmål, nynorsk, English). */
export const BINARY_WORDS = new Map<string, number>([
  ['ja', 1], ['nei', 0], ['j', 1], ['n', 0], ['yes', 1], ['no', 0], ['y', 1],
  ['true', 1], ['false', 0], ['sann', 1], ['usann', 0], ['x', 1],
]);

/**
 * A copy of `s` that does not share memory with the chunk of text it was cut from. V8
 * represents substrings of 13 or more characters as slices of their parent, so one kept
 * id would keep a whole megabyte chunk of the file alive; concatenating and slicing
 * forces a flat copy.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/**
 * A cell quoted in a problem: short, detached from the file's text, and with any national
 * identity number in it masked first, so a cut never leaves most of one showing.
 */
export function excerpt(s: string): string {
  const t = maskNationalIds(s.trim());
  return t.length <= EXCERPT_CHARS ? detach(t) : detach(t.slice(0, EXCERPT_CHARS - 1)) + '…';
}

/** National identity numbers are never quoted whole in a problem: only their length shows. */
function masked(s: string): string {
  return '•'.repeat(Math.min(s.trim().length, EXCERPT_CHARS));
}

export interface FeatureRule {
  index: number;
  column: number;
  field: string;
  decimalComma: boolean;
  nullable: boolean;
  nonnegative: boolean;
  kind: FeatureCard['kind'];
  unit: FeatureCard['unit'];
  /** Factor for a cell written with '%': 1/100 when the feature is a share (training max ≤ 1), else 1. */
  percentScale: number;
  min: number;
  max: number;
  codes: Set<number> | null;
  /** Category or yes/no words → code, for cells that are not numbers. */
  words: Map<string, number> | null;
  /** Raw cells already looked up in `words` (undefined: not a word). */
  seenWords: Map<string, number | undefined>;
  /** A text feature's vectorizer and weights: the cell is text, its value the text's score (NaN without them). */
  text: TextFeature | null;
}

/**
 * A cell as intake hands it over: the text of a CSV cell, or a number from a Parquet column
 * of a numeric type (NaN for null), which skips the text rules (decimal marks, units).
 */
export type Cell = string | number;

/** Each card feature's cell rule under `plan`; also what the Spark batch path is given (src/cli/batch-spec.ts). */
export function featureRules(card: ModelCard, plan: Plan, text: readonly TextFeature[] = []): FeatureRule[] {
  return card.features.map((f, i) => {
    const column = plan.featureColumns[i];
    const col = column >= 0 ? plan.columns[column] : null;
    const codes = f.categories ? new Set(f.categories.map((c) => c.code)) : null;
    let words: Map<string, number> | null = null;
    if (f.kind === 'binary') words = BINARY_WORDS;
    else if (f.categories) {
      words = new Map();
      for (const c of f.categories) for (const text of [c.label.nb, c.label.nn, c.label.en]) words.set(normalizeHeader(text), c.code);
    }
    return {
      index: i,
      column,
      field: col ? col.header : f.name,
      decimalComma: (col ? col.decimal : plan.decimal) === ',',
      nullable: f.nullable,
      nonnegative: f.nonnegative,
      kind: f.kind,
      unit: f.unit,
      percentScale: f.training.max <= 1 ? 0.01 : 1,
      min: f.training.min,
      max: f.training.max,
      codes,
      words,
      seenWords: new Map(),
      text: text.find((t) => t.feature === i) ?? null,
    };
  });
}

/** Distinct raw words remembered per feature. */
const WORD_CACHE = 256;

/**
 * Turns one record's cells into the model's feature row and decides the row's status.
 * Rules, chosen so no bad cell silently becomes a number:
 *
 * rejects the row (status 2, all features NaN)
 *   a ragged row (fields ≠ header, unless the extra fields are all blank); a cell that
 *   is not a number (or a known word for a binary / categorical feature); '%' or 'kr'
 *   on a feature of another unit; a negative value where the card says nonnegative
 *   (a negative distance or claim is impossible, not unusual); a binary value other
 *   than 0 / 1; a quoting error.
 * warns (status 1, scored)
 *   a value outside the training range (the trees extrapolate flat, so the score is
 *   defined but less trustworthy); a non-integer in an integer feature; a code not in
 *   the card's categories; an empty cell in a non-nullable feature (it goes to the
 *   model as missing, NaN, which LightGBM routes down each split's default branch —
 *   defined behaviour, but not what the training data looked like); an empty or
 *   duplicate id; a national id failing its control digits; an unreadable label.
 * passes (status 0)
 *   an empty cell in a nullable feature (NaN is what training saw).
 */
export class RowCoercer {
  readonly width: number;
  /** Extra fields beyond the header that were all blank (Excel pads rows with ';'). */
  trailingBlank = 0;
  firstTrailingBlankLine = 0;
  /** Per feature: proving cells seen with a decimal comma / point, and the first line of each. */
  readonly commaCells: Uint32Array;
  readonly pointCells: Uint32Array;
  readonly firstCommaLine: Uint32Array;
  readonly firstPointLine: Uint32Array;

  private readonly rules: FeatureRule[];
  private readonly reader = new NumberReader();
  private readonly seen = new Map<string, number>();
  private readonly nationalIds: boolean;
  private problems: Problem[] = [];
  private status = STATUS_SCORED;
  /** The id of the last row coerced, trimmed ('' when none). */
  lastId = '';
  /** The label of the last row coerced: 1, 0 or NaN. */
  lastLabel = NaN;

  private scratch: Float64Array | null = null;

  constructor(
    card: ModelCard,
    private readonly plan: Plan,
    text: readonly TextFeature[] = [],
  ) {
    this.width = plan.header.length;
    this.nationalIds = plan.idKind === 'national-id';
    this.rules = featureRules(card, plan, text);
    const n = this.rules.length;
    this.commaCells = new Uint32Array(n);
    this.pointCells = new Uint32Array(n);
    this.firstCommaLine = new Uint32Array(n);
    this.firstPointLine = new Uint32Array(n);
  }

  /**
   * Writes the features of one record to out[offset, offset + F) and returns its status;
   * afterwards `rowProblems`, `lastId` and `lastLabel` describe the same row.
   * `fields` is null for a record too long to parse; `issue` is a RECORD_* code.
   */
  coerce(fields: readonly Cell[] | null, line: number, lines: number, issue: number, out: Float32Array, offset: number): number {
    this.status = STATUS_SCORED;
    if (this.problems.length > 0) this.problems = [];
    this.lastId = '';
    this.lastLabel = NaN;
    if (issue === RECORD_TOO_LONG) this.add('csv.record_too_long', line, 0, '', { limit: MAX_RECORD_CHARS, lines });
    else if (issue === RECORD_UNTERMINATED_QUOTE) {
      const j = (fields?.length ?? 1) - 1;
      this.add('csv.unterminated_quote', line, j + 1, this.plan.header[j] ?? '', { lines });
    } else if (issue === RECORD_MALFORMED_QUOTE) this.add('csv.malformed_quote', line, 0, '');
    if (fields) {
      // An unterminated quote swallows the rest of the file into one cell, so the field count says nothing more.
      if (fields.length !== this.width && issue !== RECORD_UNTERMINATED_QUOTE && !this.fitsWidth(fields, line)) {
        this.add('csv.ragged_row', line, 0, '', { expected: this.width, found: fields.length });
      } else if (this.status !== STATUS_REJECTED) {
        this.features(fields, line, out, offset);
        if (this.plan.labelColumn >= 0) this.checkLabel(fields, line);
      }
      if (this.plan.idColumn >= 0) this.checkId(fields, line);
    }
    if (this.status === STATUS_REJECTED) out.fill(NaN, offset, offset + this.rules.length);
    return this.status;
  }

  /** The problems of the last row coerced (a fresh array whenever there are any). */
  get rowProblems(): Problem[] {
    return this.problems;
  }

  private fitsWidth(fields: readonly Cell[], line: number): boolean {
    if (fields.length < this.width) return false;
    for (let j = this.width; j < fields.length; j++) if (String(fields[j]).trim() !== '') return false;
    if (this.trailingBlank++ === 0) this.firstTrailingBlankLine = line;
    return true;
  }

  private features(fields: readonly Cell[], line: number, out: Float32Array, offset: number): void {
    const reader = this.reader;
    for (const rule of this.rules) {
      if (rule.column < 0) {
        out[offset + rule.index] = NaN;
        continue;
      }
      const cell = fields[rule.column];
      if (rule.kind === 'text') {
        // Free text is never a bad cell: an empty remark is one that says nothing (all slots 0, score 0).
        if (!rule.text) out[offset + rule.index] = NaN;
        else {
          if (!this.scratch || this.scratch.length < rule.text.tfidf.width) this.scratch = new Float64Array(rule.text.tfidf.width);
          out[offset + rule.index] = textScore(rule.text, typeof cell === 'number' ? (Number.isNaN(cell) ? '' : String(cell)) : cell, this.scratch.subarray(0, rule.text.tfidf.width));
        }
        continue;
      }
      if (typeof cell === 'number') {
        out[offset + rule.index] = cell;
        if (Number.isNaN(cell)) {
          if (!rule.nullable) this.add('csv.missing_value', line, rule.column + 1, rule.field);
        } else this.check(rule, cell, cell, line);
        continue;
      }
      let v = reader.read(cell, rule.decimalComma);
      if (reader.status === CELL_MISSING) {
        out[offset + rule.index] = NaN;
        if (!rule.nullable) this.add('csv.missing_value', line, rule.column + 1, rule.field);
        continue;
      }
      if (reader.status === CELL_INVALID) {
        const word = rule.words ? this.word(rule, cell) : undefined;
        if (word === undefined) {
          out[offset + rule.index] = NaN;
          this.add('csv.not_a_number', line, rule.column + 1, rule.field, { value: excerpt(cell) });
          continue;
        }
        v = word;
      } else {
        this.evidence(rule.index, reader.style, line);
        if (reader.flags !== 0) {
          const fits = reader.flags === FLAG_PERCENT ? rule.unit === 'percent' : reader.flags === FLAG_CURRENCY && rule.unit === 'NOK';
          if (!fits) {
            out[offset + rule.index] = NaN;
            this.add('csv.wrong_unit', line, rule.column + 1, rule.field, { value: excerpt(cell) });
            continue;
          }
          if (reader.flags === FLAG_PERCENT) v *= rule.percentScale;
        }
      }
      out[offset + rule.index] = v;
      this.check(rule, v, cell, line);
    }
  }

  private check(rule: FeatureRule, v: number, written: Cell, line: number): void {
    const column = rule.column + 1;
    if (rule.nonnegative && v < 0) {
      this.add('csv.negative', line, column, rule.field, { value: excerpt(String(written)) });
      return;
    }
    if (rule.kind === 'binary') {
      if (v !== 0 && v !== 1) this.add('csv.not_binary', line, column, rule.field, { value: excerpt(String(written)) });
      return;
    }
    if (rule.codes) {
      if (!rule.codes.has(v)) this.add('csv.unknown_category', line, column, rule.field, { value: excerpt(String(written)) });
      return;
    }
    if (rule.kind === 'integer' && !Number.isInteger(v)) {
      this.add('csv.not_integer', line, column, rule.field, { value: excerpt(String(written)) });
    }
    if (v < rule.min || v > rule.max) {
      this.add('csv.out_of_range', line, column, rule.field, { value: excerpt(String(written)), min: rule.min, max: rule.max });
    }
  }

  /** The code a word stands for; remembers raw cells, since a column of words repeats a few of them a million times. */
  private word(rule: FeatureRule, cell: string): number | undefined {
    const seen = rule.seenWords.get(cell);
    if (seen !== undefined || rule.seenWords.has(cell)) return seen;
    const code = (rule.words as Map<string, number>).get(normalizeHeader(cell));
    if (rule.seenWords.size < WORD_CACHE) rule.seenWords.set(detach(cell), code);
    return code;
  }

  private evidence(i: number, style: number, line: number): void {
    if (style === STYLE_COMMA) {
      if (this.commaCells[i]++ === 0) this.firstCommaLine[i] = line;
    } else if (style === STYLE_POINT) {
      if (this.pointCells[i]++ === 0) this.firstPointLine[i] = line;
    }
  }

  private checkLabel(fields: readonly Cell[], line: number): void {
    const j = this.plan.labelColumn;
    const cell = String(fields[j] ?? '');
    const v = this.reader.read(cell, true);
    if (this.reader.status === CELL_MISSING) return;
    const label = this.reader.status === CELL_INVALID ? BINARY_WORDS.get(normalizeHeader(cell)) : v;
    if (label === 0 || label === 1) this.lastLabel = label;
    else this.add('csv.label_invalid', line, j + 1, this.plan.header[j], { value: excerpt(cell) });
  }

  /** Checks the id for emptiness, duplicates and, for national ids, the control digits; keeps it in `lastId`. */
  private checkId(fields: readonly Cell[], line: number): void {
    const j = this.plan.idColumn;
    const field = this.plan.header[j];
    const id = j < fields.length ? detach(String(fields[j]).trim()) : '';
    this.lastId = id;
    if (id === '') {
      this.add('csv.missing_id', line, j + 1, field);
      return;
    }
    const first = this.seen.get(id);
    if (first !== undefined) {
      this.add('csv.duplicate_id', line, j + 1, field, { first });
    } else this.seen.set(id, line);
    if (this.nationalIds && !nationalIdChecksumOk(id)) {
      this.add('csv.national_id_checksum', line, j + 1, field, { value: masked(id) });
    }
  }

  private add(code: CsvProblemCode, line: number, column: number, field: string, params?: Record<string, string | number>): void {
    const p = csvProblem(code, column > 0 ? { line, column, field, params } : { line, params });
    if (p.severity === 'error') this.status = STATUS_REJECTED;
    else if (p.severity === 'warning' && this.status === STATUS_SCORED) this.status = STATUS_WARNED;
    this.problems.push(p);
  }
}

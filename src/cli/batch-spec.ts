/**
 * What the Spark job (batch/job.py) needs to read a file exactly as the app does, decided
 * here once with the app's own code: the dialect and column plan from `sniff` on the first
 * SNIFF_BYTES (encoding, delimiter, header line, which column feeds which feature, each
 * column's decimal mark, id, label and passthrough columns), each feature's cell rules from
 * the model card (RowCoercer's), and the row-level problem sentences from the message
 * catalogue with the card's task words filled in, so the job writes the CLI's row_issues
 * without a second set of sentences. Written as JSON (`--spec-only`) it is also what
 * `spark-submit batch/job.py --spec <spec.json>` reads on a cluster (docs/BATCH.md).
 */
import { sniff } from '../lib/core/csv/sniff';
import type { Plan } from '../lib/core/csv/ingest';
import { CSV_PROBLEMS, type CsvProblemCode } from '../lib/core/csv/codes';
import { BINARY_WORDS, featureRules } from '../lib/core/csv/RowCoercer';
import type { IngestOptions } from '../lib/core/csv/options';
import type { ModelCard } from '../lib/core/model/card';
import type { Problem } from '../lib/core/problems';
import type { Locale } from '../lib/i18n/locale';
import { translate } from '../lib/i18n/translate';
import { vocabularyParams } from '../lib/i18n/vocabulary-params';

/** Row- and cell-level codes the job raises; the file-level ones stay with `sniff` here. */
export const JOB_ROW_CODES = [
  'csv.ragged_row',
  'csv.not_a_number',
  'csv.wrong_unit',
  'csv.negative',
  'csv.not_binary',
  'csv.out_of_range',
  'csv.not_integer',
  'csv.unknown_category',
  'csv.missing_value',
  'csv.missing_id',
  'csv.duplicate_id',
  'csv.national_id_checksum',
  'csv.label_invalid',
  'csv.control_characters',
] as const satisfies readonly CsvProblemCode[];

export interface FeatureRuleSpec {
  name: string;
  /** 0-based input column, -1 when the file lacks it (then always missing). */
  column: number;
  /** The header of its column (the feature's name when absent), as problems name it. */
  field: string;
  decimalComma: boolean;
  nullable: boolean;
  nonnegative: boolean;
  kind: string;
  unit: string;
  percentScale: number;
  min: number;
  max: number;
  codes: number[] | null;
  /** Normalised word → code (normalizeHeader), for cells that are not numbers. */
  words: Record<string, number> | null;
}

export interface BatchSpec {
  format: 1;
  locale: Locale;
  input: { path: string; kind: 'csv' | 'parquet'; name: string };
  output: string;
  model: { path: string; name: string; sha256: string; card: string; outputSpace: 'log-odds' | 'probability' };
  features: string[];
  explain: boolean;
  csv: { encoding: string; delimiter: string; headerLine: number; skipRecords: number; header: string[] };
  rules: FeatureRuleSpec[];
  idColumn: number;
  idKind: string;
  labelColumn: number;
  passthrough: number[];
  /** Each row code's sentence with the task's words in; {line}, {column}, {field}, {value} … left for the job. */
  templates: Record<string, string>;
  /** Binary words for the label column. */
  binaryWords: Record<string, number>;
}

/** Each card feature's RowCoercer rule under `plan` (RowCoercer's featureRules), as JSON. */
export function featureRuleSpecs(card: ModelCard, plan: Plan): FeatureRuleSpec[] {
  return featureRules(card, plan).map((r, i) => ({
    name: card.features[i].name,
    column: r.column,
    field: r.field,
    decimalComma: r.decimalComma,
    nullable: r.nullable,
    nonnegative: r.nonnegative,
    kind: r.kind,
    unit: r.unit,
    percentScale: r.percentScale,
    min: r.min,
    max: r.max,
    codes: r.codes ? [...r.codes] : null,
    words: r.words ? Object.fromEntries(r.words) : null,
  }));
}

/** The row codes' sentences in `locale`, task words filled, location and value placeholders kept. */
export function rowTemplates(card: ModelCard, locale: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  for (const code of JOB_ROW_CODES) {
    if (!(code in CSV_PROBLEMS)) continue;
    out[code] = translate(locale, `problem.${code}`, vocabularyParams(card.vocabulary, locale));
  }
  return out;
}

export interface PlannedCsv {
  plan: Plan;
  problems: Problem[];
  skipRecords: number;
}

/** The plan of a CSV from its first bytes, exactly as intake makes it. */
export function planCsv(sample: Uint8Array, card: ModelCard, options: IngestOptions): PlannedCsv {
  const sniffed = sniff(sample, card, options);
  // Spark's reader sees the `sep=` line as a record of its own and skips empty lines, so the header is record 0 or 1.
  return { plan: sniffed.plan, problems: sniffed.problems, skipRecords: sniffed.sepLine ? 2 : 1 };
}

/**
 * The plan of a Parquet input from its column names: the same mapping rules, fed a header
 * line as a CSV would hold it (decimal point for any text cells, since Parquet numbers carry no mark).
 */
export function planParquet(columns: string[], card: ModelCard): PlannedCsv {
  const quoted = columns.map((c) => `"${c.replace(/"/g, '""')}"`).join(';');
  const sample = new TextEncoder().encode(`${quoted}\n`);
  const sniffed = sniff(sample, card, { encoding: 'utf-8', delimiter: ';', decimal: '.' });
  // A header alone reads as "no rows"; the rows are in the Parquet files.
  return { plan: { ...sniffed.plan, blocked: sniffed.problems.some((p) => p.severity === 'error' && p.code !== 'csv.no_rows') }, problems: sniffed.problems.filter((p) => p.code !== 'csv.no_rows'), skipRecords: 0 };
}

export function batchSpec(args: {
  card: ModelCard;
  planned: PlannedCsv;
  locale: Locale;
  input: BatchSpec['input'];
  output: string;
  model: BatchSpec['model'];
  explain: boolean;
}): BatchSpec {
  const { card, planned, locale } = args;
  const plan = planned.plan;
  return {
    format: 1,
    locale,
    input: args.input,
    output: args.output,
    model: args.model,
    features: card.features.map((f) => f.name),
    explain: args.explain,
    csv: { encoding: plan.encoding, delimiter: plan.delimiter, headerLine: plan.headerLine, skipRecords: planned.skipRecords, header: plan.header },
    rules: featureRuleSpecs(card, plan),
    idColumn: plan.idColumn,
    idKind: plan.idKind,
    labelColumn: plan.labelColumn,
    passthrough: plan.passthrough,
    templates: rowTemplates(card, locale),
    binaryWords: Object.fromEntries(BINARY_WORDS),
  };
}

/**
 * The CLI's control list: the same choices as the app's planner (--capacity, --control-share,
 * --seed, --list-dialect, --lang) through the same core builder (buildControlList), so the same
 * file, model and choices give the same list, byte for byte, and the same manifest (but its timestamp).
 * Reasons come from exact TreeSHAP on the listed rows only, not the whole file.
 */
import { APP_IDENTITY } from '../lib/app-identity';
import { createReadStream, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { IngestResult } from '../lib/core/csv/ingest';
import type { ScoredFile } from '../lib/core/pipeline/scored-file';
import type { ModelCard } from '../lib/core/model/card';
import { explain } from '../lib/core/explain';
import { gatherRows } from '../lib/core/explain/gather-rows';
import { contribRow } from '../lib/core/explain/contrib-row';
import { loadExplainer, type ExplainSetup } from './load-explainer';
import { explainLinear } from '../lib/core/explain/linear-shap';
import { readModel } from '../lib/core/model/read-card';
import { strongestWordOf, textExplainers } from '../lib/core/explain/text-explainer';
import { countForShare } from '../lib/core/metrics/count-for-share';
import { selectWithControl } from '../lib/core/select/control-sample';
import type { CsvDialect } from '../lib/core/export/csv-writer';
import { dialectNamed } from './dialect-named';
import { sha256Hex } from '../lib/core/export/sha256';
import { buildControlList } from '../lib/core/export/build-control-list';
import type { ExplanationOf, NationalIdExport } from '../lib/core/export/control-list';
import type { ScoresFrom } from '../lib/core/export/manifest';
import { problem, type Problem } from '../lib/core/problems';
import type { Locale } from '../lib/i18n/locale';
import { translate } from '../lib/i18n/translate';
import { vocabularyParams } from '../lib/i18n/vocabulary-params';

export interface ListChoices {
  /** Returns to check: a count, or a share of the scored rows. */
  capacity: { count: number } | { share: number };
  controlShare: number;
  seed: bigint;
  dialect: CsvDialect;
  /** --include-national-ids: national ids in the id and passthrough columns as written; masked otherwise, as in the app. */
  nationalIds: NationalIdExport;
}

/** --capacity as typed: a whole count, or a percentage up to 100 % (decimal comma or point); null when it is neither. */
export function parseCapacity(text: string | undefined): ListChoices['capacity'] | null {
  const c = (text ?? '').trim();
  const percent = /^(\d+(?:[.,]\d+)?)\s*%$/.exec(c);
  if (percent && Number(percent[1].replace(',', '.')) <= 100) return { share: Number(percent[1].replace(',', '.')) / 100 };
  if (/^\d+$/.test(c)) return { count: Number(c) };
  return null;
}

/** --seed: an unsigned 64-bit integer, 0 when absent; null when it is not one. */
export function parseSeed(text: string | undefined): bigint | null {
  const s = (text ?? '0').trim();
  return /^\d{1,20}$/.test(s) && BigInt(s) < 1n << 64n ? BigInt(s) : null;
}

/** Reads the list options as typed; problems instead of exceptions for anything a person mistyped. */
export function parseListChoices(args: {
  capacity?: string;
  'control-share'?: string;
  seed?: string;
  'list-dialect'?: string;
  'include-national-ids'?: boolean;
}): ListChoices | { problems: Problem[] } {
  const problems: Problem[] = [];
  const bad = (code: string, value: string) => problems.push(problem(code, 'error', { params: { value } }));
  const capacity = parseCapacity(args.capacity) ?? { count: 0 };
  if (args.capacity === undefined) problems.push(problem('cli.list_needs_capacity', 'error'));
  else if (!parseCapacity(args.capacity)) bad('cli.bad_capacity', args.capacity.trim());
  const share = args['control-share'] === undefined ? 0 : Number(args['control-share'].replace(',', '.'));
  if (!(share >= 0 && share <= 1)) bad('cli.bad_control_share', args['control-share'] ?? '');
  const seed = parseSeed(args.seed);
  if (seed === null) bad('cli.bad_seed', (args.seed ?? '0').trim());
  const d = args['list-dialect'] ?? 'excel-nb';
  const dialect = dialectNamed(d);
  if (!dialect) bad('cli.bad_dialect', d);
  if (problems.length || seed === null || !dialect) return { problems };
  return { capacity, controlShare: share, seed, dialect, nationalIds: args['include-national-ids'] ? 'in_full' : 'masked' };
}

/**
 * The list options when --list is given: the choices, or null after each mistake was said
 * through `say` (exit code 2); undefined without --list.
 */
export function readListChoices(args: Parameters<typeof parseListChoices>[0] & { list?: string }, say: (p: Problem) => void): ListChoices | null | undefined {
  if (!args.list) return undefined;
  const parsed = parseListChoices(args);
  if (!('problems' in parsed)) return parsed;
  for (const p of parsed.problems) say(p);
  return null;
}

export interface ListJob {
  modelBytes: Uint8Array;
  card: ModelCard;
  file: ScoredFile;
  inputPath: string;
  /** Bytes of the input file. */
  inputSize: number;
  listPath: string;
  choices: ListChoices;
  locale: Locale;
  /** ISO 8601; the clock by default. */
  createdAt?: string;
  /** The batch output the scores were taken from (a Parquet input: core/parquet/scores-from.ts), for the manifest. */
  scoresFrom?: ScoresFrom | null;
  /** The card given with --card and the --covers-from rows (load-explainer.ts); covers a model lacks are otherwise counted on the scored file. */
  explainSetup?: Omit<ExplainSetup, 'file'>;
}

export interface ListWritten {
  manifestPath: string;
  /** The outcomes form beside the list (<list>.utfall.csv). */
  formPath: string;
  rows: number;
  modelCount: number;
  controlCount: number;
  problems: Problem[];
}

/** Explanations of the listed rows only (φ then base, log-odds), or null when the model's trees cannot be explained. */
function explainRows(
  modelBytes: Uint8Array,
  ingest: IngestResult,
  f: number,
  rows: Uint32Array,
  setup: Omit<ExplainSetup, 'file'>,
): { explanation: ExplanationOf | null; problems: Problem[] } {
  const { explainer, linear, problems: loading } = loadExplainer(modelBytes, { ...setup, file: { features: ingest.features, rows: ingest.rows } });
  if (!explainer && !linear) return { explanation: null, problems: loading };
  const x = gatherRows(ingest.features, f, rows);
  const { contrib, problems } = explainer
    ? explain(explainer, x, rows.length)
    : { contrib: Float32Array.from(explainLinear(linear!.model, linear!.mean, x, rows.length)), problems: [] as Problem[] };
  const at = new Map<number, number>();
  rows.forEach((row, i) => at.set(row, i));
  const explanation: ExplanationOf = (row) => {
    const i = at.get(row);
    return i === undefined ? null : contribRow(contrib, f, i);
  };
  return { explanation, problems };
}

/** A text feature's strongest word per row, for the reason that quotes it (as the page's list). */
function textWords(modelBytes: Uint8Array, card: ModelCard, ingest: IngestResult): (row: number, feature: number) => string | null {
  const explainers = textExplainers(card, readModel(modelBytes).model?.text ?? [], ingest);
  return (row, feature) => {
    const e = explainers.find((x) => x.feature === feature);
    return e ? strongestWordOf(e, row) : null;
  };
}

/** Writes the list and `<list>.manifest.json` beside it. */
export async function writeControlList(job: ListJob): Promise<ListWritten> {
  const { card, file, choices, locale } = job;
  const f = card.features.length;
  const scored = file.ingest.counts.scored + file.ingest.counts.warned;
  const capacity = 'share' in choices.capacity ? countForShare(choices.capacity.share, scored) : choices.capacity.count;
  const selection = selectWithControl(file.order, file.probability, { capacity, controlShare: choices.controlShare, seed: choices.seed });
  const { explanation, problems } = explainRows(job.modelBytes, file.ingest, f, selection.rows, job.explainSetup ?? {});
  const name = basename(job.listPath);
  const built = await buildControlList({
    app: APP_IDENTITY,
    card,
    modelSha256: await sha256Hex(job.modelBytes),
    file,
    input: { sizeBytes: job.inputSize, chunks: createReadStream(job.inputPath, { highWaterMark: 1 << 20 }) },
    selection,
    choices: { capacity, controlShare: choices.controlShare, seed: choices.seed },
    dialect: choices.dialect,
    listFileName: name,
    explanation,
    word: textWords(job.modelBytes, card, file.ingest),
    locale,
    // The list's words follow the model's card ({row_n} …), as on the page.
    t: (key, params) => translate(locale, key, { ...vocabularyParams(card.vocabulary, locale), ...params }),
    nationalIds: choices.nationalIds,
    createdAt: job.createdAt ?? new Date().toISOString(),
    scoresFrom: job.scoresFrom,
  });
  writeFileSync(job.listPath, Buffer.concat(built.bytes));
  const manifestPath = job.listPath.slice(0, job.listPath.length - name.length) + built.manifestFileName;
  writeFileSync(manifestPath, built.manifestText);
  const formPath = job.listPath.slice(0, job.listPath.length - name.length) + built.form.fileName;
  writeFileSync(formPath, Buffer.concat(built.form.bytes));
  return {
    manifestPath,
    formPath,
    rows: built.list.positions.length,
    modelCount: selection.modelCount,
    controlCount: selection.controlCount,
    problems: [...selection.problems, ...problems, ...built.list.problems],
  };
}

/**
 * Headless scorer: the same core and the same onnxruntime-web wasm engine as the browser.
 *   npm run score -- --model <file.onnx> --input <file.csv|file.parquet> --output <file.csv>
 * A Parquet input (told by its bytes) is read with the explorer's core (score-input.ts); its
 * input columns are written as text: numbers in their shortest form, null as an empty cell.
 * Output: the input's columns, cell text unchanged and in order, then risk_probability
 * (0–1, P(incorrect deduction)), risk_rank (1 = highest risk, empty for rejected rows),
 * row_status (scored | scored_with_warnings | rejected) and row_issues (sentences). Exactly
 * one output row per input data row, in input order. With --explain, contrib_base and
 * contrib_<feature> follow: exact SHAP values in the model's output space, printed on
 * stderr (see explain-columns.ts). --card <card.json> gives a card for a model without
 * one, or overrides the file card's fields; --covers-from <file.csv> counts node covers
 * (a linear model's means) on that file, read with the same intake, instead of on the
 * scored file when the model holds none. With --output-dialect, the same file written safe
 * to open in a spreadsheet (scored-output.ts).
 * Exit code 0 when the file was read (even with rejected rows), 2 for bad arguments, 1 when
 * the model or the file cannot be used — one sentence on stderr for a model, never a stack
 * trace; a file whose header blocks scoring included: its rows are still written,
 * rejected, each with the reasons in row_issues, and no list is made.
 * --compare <other.onnx> scores the same file with a second model (its card from the file, or
 * --compare-card <card.json>) and appends risk_probability_compare and risk_rank_compare; with
 * --capacity it prints the comparison's plain sentence, and --compare-report <report.json>
 * writes its figures (compare-report.ts). A second model that cannot score the file: exit 1.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { loadModelFile } from '../lib/runtime/node-engine';
import { sha256Hex } from '../lib/core/export/sha256';
import { scoreInput } from './score-input';
import { scoresFrom } from '../lib/core/parquet/scores-from';
import { ranked } from '../lib/core/pipeline/scored-file';
import type { CsvDialect } from '../lib/core/export/csv-writer';
import { explainColumns, explainHeader } from './explain-columns';
import { loadKernel } from './load-kernel';
import { describeProblem } from '../lib/i18n/describe-problem';
import type { Locale } from '../lib/i18n/locale';
import { cliLocale, INTAKE_FLAGS, LIST_FLAGS, readArgs } from './cli-args';
import { translate } from '../lib/i18n/translate';
import { vocabularyParams } from '../lib/i18n/vocabulary-params';
import type { Vocabulary } from '../lib/core/model/card';
import { NEUTRAL_VOCABULARY } from '../lib/core/model/neutral-vocabulary';
import { problem, type Problem } from '../lib/core/problems';
import type { IngestOptions } from '../lib/core/csv/ingest';
import { parseCapacity, parseSeed, readListChoices, writeControlList } from './control-list';
import { scoreOther, type OtherScores } from './score-other';
import { compareModels, BOOTSTRAP_RESAMPLES } from '../lib/core/compare';
import { countForShare } from '../lib/core/metrics/count-for-share';
import { describeComparison } from '../lib/i18n/compare-sentence';
import { writeCompareReport } from './compare-report';
import { dialectNamed } from './dialect-named';
import { writeScoredOutput } from './scored-output';
import { readReference } from './read-reference';
import type { ExplainSetup } from './load-explainer';

async function main(argv: string[]): Promise<number> {
  const args = readArgs(argv, {
    ...INTAKE_FLAGS,
    ...LIST_FLAGS,
    'output-dialect': { type: 'string' },
    explain: { type: 'boolean', default: false },
    card: { type: 'string' },
    'covers-from': { type: 'string' },
    compare: { type: 'string' },
    'compare-card': { type: 'string' },
    'compare-report': { type: 'string' },
    help: { type: 'boolean', default: false },
  });
  if (!args) return 2;
  const locale: Locale = cliLocale(args.lang);
  // The task's words come from the model's card once it is read; neutral ones until then.
  let vocabulary: Vocabulary = NEUTRAL_VOCABULARY;
  const say = (key: string, params?: Record<string, string | number>) => translate(locale, key, { ...vocabularyParams(vocabulary, locale), ...params });
  const describe = (p: Problem): string => describeProblem(locale, p, vocabulary);
  if (args.help || !args.input || !(args.output || args.list)) {
    process.stderr.write(say('cli.usage') + '\n' + say('planner.cli.usage') + '\n');
    return args.help ? 0 : 2;
  }
  const listChoices = readListChoices(args, (p) => process.stderr.write(describe(p) + '\n'));
  if (listChoices === null) return 2;
  let outputDialect: CsvDialect | null = null;
  if (args['output-dialect'] !== undefined) {
    outputDialect = dialectNamed(args['output-dialect']);
    if (!outputDialect) {
      process.stderr.write(describe(problem('cli.bad_output_dialect', 'error', { params: { value: args['output-dialect'] } })) + '\n');
      return 2;
    }
  }
  // --compare-report needs a capacity and --compare; a mistyped one stops before any scoring.
  const compareCapacity = args.capacity === undefined ? null : parseCapacity(args.capacity);
  const compareSeed = parseSeed(args.seed);
  if (args.compare !== undefined || args['compare-report'] !== undefined) {
    const wrong: Problem[] = [];
    if (args['compare-report'] !== undefined && args.compare === undefined) wrong.push(problem('cli.compare_report_needs_compare', 'error'));
    if (args['compare-report'] !== undefined && args.capacity === undefined) wrong.push(problem('cli.compare_needs_capacity', 'error'));
    if (args.capacity !== undefined && !compareCapacity) wrong.push(problem('cli.bad_capacity', 'error', { params: { value: args.capacity.trim() } }));
    if (compareSeed === null) wrong.push(problem('cli.bad_seed', 'error', { params: { value: (args.seed ?? '').trim() } }));
    if (wrong.length) {
      for (const p of wrong) process.stderr.write(describeProblem(locale, p) + '\n');
      return 2;
    }
  }
  const delimiter = args.delimiter === 'tab' ? '\t' : args.delimiter;
  const options = { encoding: args.encoding, delimiter, decimal: args.decimal } as IngestOptions;

  let cardText: string | undefined;
  if (args.card !== undefined) {
    try {
      cardText = readFileSync(args.card, 'utf8');
    } catch {
      return fail(describe, [problem('cli.card_missing', 'error', { params: { path: args.card } })]);
    }
  }
  const model = await loadModelFile(args.model, { card: cardText });
  if (!('card' in model)) {
    // On the command line the way out of a missing card is a flag: say which.
    const noCard = model.problems.some((p) => p.code === 'model.no_card');
    return fail(describe, noCard ? [problem('cli.no_card', 'error')] : model.problems);
  }
  vocabulary = model.card.vocabulary;
  // A feature that names a prohibited characteristic does not stop the run, but is said every time (models/MODEL_CARD.md).
  for (const p of model.problems) if (p.code === 'model.prohibited_feature') process.stderr.write(describe(p) + '\n');
  process.stderr.write(say(model.model.outputSpace === 'probability' ? 'cli.output_space_probability' : 'cli.output_space_log_odds') + '\n');
  // The WebAssembly TreeSHAP kernel explains the contribution columns (built from source if missing).
  const explainSetup: Omit<ExplainSetup, 'file'> = { card: cardText, kernel: args.explain ? await loadKernel() : null };
  if (args['covers-from'] !== undefined) {
    const reference = await readReference(args['covers-from'], model.card, options, model.model.text);
    if ('problems' in reference) return fail(describe, reference.problems);
    explainSetup.reference = { ...reference, name: basename(args['covers-from']) };
  }
  let size: number;
  try {
    size = statSync(args.input).size;
  } catch {
    return fail(describe, [{ code: 'cli.input_missing', severity: 'error', params: { path: args.input } }]);
  }

  const started = performance.now();
  const scored = await scoreInput({
    path: args.input,
    card: model.card,
    options,
    score: (x, n) => model.scorer.score(x, n),
    text: model.model.text,
    model: { sha256: await sha256Hex(model.bytes), outputSpace: model.model.outputSpace },
  });
  if (!scored) return 1;
  const file = ranked(scored.file);
  const { ingest, probability } = file;
  for (const p of ingest.problems) process.stderr.write(describe(p) + '\n');
  // A Parquet file: where its scores came from (a batch output of this model: taken once a sample was checked).
  if (scored.outcome?.status) process.stderr.write(describe(scored.outcome.status) + '\n');
  if (ingest.plan.columns.length === 0) return 1;
  // A blocked header rejects every row without a problem of its own: the file's errors are each row's reason.
  const blocking = ingest.plan.blocked ? ingest.problems.filter((p) => p.severity === 'error') : [];
  const fileReason = blocking.map((p) => describe(p)).join(' | ');
  const exitCode = ingest.plan.blocked ? 1 : 0;

  if (args.list && ingest.plan.blocked) {
    process.stderr.write(describe(problem('cli.list_blocked', 'error', { params: { list: args.list } })) + '\n');
  } else if (args.list && listChoices) {
    const job = { modelBytes: model.bytes, card: model.card, file, inputPath: args.input, inputSize: size, listPath: args.list, choices: listChoices, locale, explainSetup, scoresFrom: scoresFrom(scored.outcome) };
    const written = await writeControlList(job);
    for (const p of written.problems) process.stderr.write(describe(p) + '\n');
    process.stderr.write(say('planner.cli.done', { rows: written.rows, model: written.modelCount, control: written.controlCount, list: args.list, manifest: written.manifestPath }) + '\n');
  }
  let other: OtherScores | null = null;
  if (args.compare !== undefined && !ingest.plan.blocked) {
    process.stderr.write(say('cli.compare_scoring', { model: basename(args.compare) }) + '\n');
    const scoredOther = await scoreOther({ modelPath: args.compare, cardPath: args['compare-card'], inputPath: args.input, options });
    if ('problems' in scoredOther) return fail(describe, scoredOther.problems);
    // Both intakes read the same bytes; rows in ≠ rows out would pair the wrong returns.
    if (scoredOther.probability.length !== ingest.rows) return fail(describe, [problem('cli.compare_cannot_score', 'error', { params: { model: args.compare } })]);
    other = scoredOther;
    if (compareCapacity) {
      const scoredRows = ingest.counts.scored + ingest.counts.warned;
      const capacity = 'share' in compareCapacity ? countForShare(compareCapacity.share, scoredRows) : compareCapacity.count;
      const comparison = compareModels({
        champion: probability,
        challenger: other.probability,
        label: ingest.label,
        capacity,
        championOrder: file.order,
        challengerOrder: other.order,
        bootstrap: { resamples: BOOTSTRAP_RESAMPLES, seed: compareSeed! },
      });
      for (const p of comparison.problems) process.stderr.write(describeProblem(locale, p) + '\n');
      process.stderr.write(describeComparison(comparison, model.card.vocabulary, locale) + '\n');
      if (args['compare-report']) writeCompareReport(args['compare-report'], comparison, { resamples: BOOTSTRAP_RESAMPLES, seed: compareSeed! });
    }
  }
  const output = args.output;
  if (!output) {
    await model.scorer.release();
    return exitCode;
  }
  const issues = rowIssueText(describe, ingest.rows, ingest.rowProblems);
  // A Parquet row group that could not be decoded rejects its rows without a problem of their own: the group's sentence is theirs.
  for (const p of ingest.problems) {
    if (p.code !== 'parquet.row_group_unreadable') continue;
    const [first, last] = [Number(p.params?.first), Number(p.params?.last)];
    for (let r = first - 1; r < last && r < ingest.rows; r++) if (!issues.has(r)) issues.set(r, describe(p));
  }
  let contrib: Float32Array | null = null;
  // A blocked file has no scores to explain; its contribution columns stay, empty.
  if (args.explain && !ingest.plan.blocked) {
    const columns = explainColumns(model.bytes, ingest.features, ingest.rows, probability, explainSetup);
    for (const p of columns.problems) process.stderr.write(describe(p) + '\n');
    if (!('contrib' in columns)) return 1;
    contrib = columns.contrib;
    const flag = say('problem.explain.row_check_failed');
    columns.failed.forEach((bad, row) => {
      if (bad) issues.set(row, issues.has(row) ? `${issues.get(row)} | ${flag}` : flag);
    });
  }

  const row = await writeScoredOutput({
    path: output,
    records: scored.records(),
    file,
    issues: (r) => issues.get(r) ?? fileReason,
    explain: args.explain ? { header: explainHeader(model.card), contrib } : null,
    dialect: outputDialect,
    compare: other,
  });
  if (row !== ingest.rows) throw new Error(`rows in ${ingest.rows} ≠ rows out ${row}`);

  const c = ingest.counts;
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(say('cli.done', { rows: ingest.rows, scored: c.scored + c.warned, rejected: c.rejected, mb: size / 1e6, seconds, output }) + '\n');
  await model.scorer.release();
  return exitCode;
}

/** One cell of sentences per row that has problems, in the chosen language. */
function rowIssueText(describe: (p: Problem) => string, rows: number, rowProblems: { row: Uint32Array; problems: Problem[] }): Map<number, string> {
  const text = new Map<number, string>();
  rowProblems.row.forEach((row, k) => {
    if (row >= rows) return;
    const sentence = describe(rowProblems.problems[k]);
    const before = text.get(row);
    text.set(row, before ? `${before} | ${sentence}` : sentence);
  });
  return text;
}

/** A model or file that cannot be used: its first error as one sentence (the rest follow from it), exit 1. */
function fail(describe: (p: Problem) => string, problems: Problem[]): number {
  const first = problems.find((p) => p.severity === 'error') ?? problems[0];
  if (first) process.stderr.write(describe(first) + '\n');
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    // One sentence, never a stack trace: what stopped, in the user's words.
    const detail = error instanceof Error ? error.message : String(error);
    const locale = cliLocale(undefined);
    process.stderr.write(describeProblem(locale, problem('run.failed', 'error', { params: { detail } })) + '\n');
    process.exit(1);
  },
);

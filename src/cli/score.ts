/**
 * Headless scorer: the same core and the same onnxruntime-web wasm engine as the browser.
 *   npm run score -- --model <file.onnx> --input <file.csv> --output <file.csv>
 * Output: the input's columns, cell text unchanged and in order, then risk_probability
 * (0–1, P(incorrect deduction)), risk_rank (1 = highest risk, empty for rejected rows),
 * row_status (scored | scored_with_warnings | rejected) and row_issues (sentences). Exactly
 * one output row per input data row, in input order. With --explain, contrib_base and
 * contrib_<feature> follow: exact SHAP values in log-odds (see explain-columns.ts). Exit code 0 when the file was read
 * (even with rejected rows), 2 for bad arguments, 1 when the file or model cannot be used.
 */
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { loadModelFile } from '../lib/runtime/node-engine';
import { scoreStream } from '../lib/core/pipeline/score-stream';
import { rankOrder, ranksOf } from '../lib/core/metrics/rank-order';
import { float32Text } from '../lib/core/export/float32-text';
import { quote } from '../lib/core/export/csv-writer';
import { rawRecords } from './raw-records';
import { explainColumns, explainHeader, type ExplainedColumns } from './explain-columns';
import { describeProblem } from '../lib/ui/describe-problem';
import { pickLocale, type Locale } from '../lib/i18n/locale';
import { translate } from '../lib/i18n/translate';
import type { Problem } from '../lib/core/problems';
import type { IngestOptions } from '../lib/core/csv/ingest';
import { parseListChoices, writeControlList, type ListChoices } from './control-list';

const STATUS = ['scored', 'scored_with_warnings', 'rejected'] as const;

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        model: { type: 'string', default: 'public/model/deduction-risk.onnx' },
        input: { type: 'string' },
        output: { type: 'string' },
        encoding: { type: 'string', default: 'auto' },
        delimiter: { type: 'string', default: 'auto' },
        decimal: { type: 'string', default: 'auto' },
        lang: { type: 'string' },
        capacity: { type: 'string' },
        'control-share': { type: 'string' },
        seed: { type: 'string' },
        list: { type: 'string' },
        'list-dialect': { type: 'string' },
        explain: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  const locale: Locale = args.lang ? pickLocale([args.lang]) : pickLocale([process.env.LC_ALL ?? process.env.LANG ?? 'en']);
  const say = (key: string, params?: Record<string, string | number>) => translate(locale, key, params);
  if (args.help || !args.input || !(args.output || args.list)) {
    process.stderr.write(say('cli.usage') + '\n' + say('planner.cli.usage') + '\n');
    return args.help ? 0 : 2;
  }
  let listChoices: ListChoices | null = null;
  if (args.list) {
    const parsed = parseListChoices(args);
    if ('problems' in parsed) {
      for (const p of parsed.problems) process.stderr.write(describeProblem(locale, p) + '\n');
      return 2;
    }
    listChoices = parsed;
  }
  const delimiter = args.delimiter === 'tab' ? '\t' : args.delimiter;
  const options = { encoding: args.encoding, delimiter, decimal: args.decimal } as IngestOptions;

  const model = await loadModelFile(args.model);
  if (!('card' in model)) return fail(locale, model.problems);
  let size: number;
  try {
    size = statSync(args.input).size;
  } catch {
    return fail(locale, [{ code: 'cli.input_missing', severity: 'error', params: { path: args.input } }]);
  }

  const started = performance.now();
  const chunks = (async function* () {
    for await (const chunk of createReadStream(args.input!, { highWaterMark: 1 << 20 })) yield chunk as Uint8Array;
  })();
  const scored = await scoreStream(model.card, chunks, options, (x, n) => model.scorer.score(x, n));
  if (!scored) return 1;
  const { ingest, probability, sniff } = scored;
  for (const p of ingest.problems) process.stderr.write(describeProblem(locale, p) + '\n');
  if (ingest.plan.columns.length === 0) return 1;

  const order = rankOrder(probability);
  const rank = ranksOf(order, probability);
  if (args.list && listChoices) {
    const job = { modelBytes: model.bytes, card: model.card, ingest, probability, order, rank, inputPath: args.input, inputSize: size, listPath: args.list, choices: listChoices, locale };
    const written = await writeControlList(job);
    for (const p of written.problems) process.stderr.write(describeProblem(locale, p) + '\n');
    process.stderr.write(say('planner.cli.done', { rows: written.rows, model: written.modelCount, control: written.controlCount, list: args.list, manifest: written.manifestPath }) + '\n');
  }
  const output = args.output;
  if (!output) {
    await model.scorer.release();
    return 0;
  }
  const issues = rowIssueText(locale, ingest.rows, ingest.rowProblems);
  let explained: ExplainedColumns | null = null;
  if (args.explain) {
    const columns = explainColumns(model.bytes, ingest.features, ingest.rows, probability);
    for (const p of columns.problems) process.stderr.write(describeProblem(locale, p) + '\n');
    if (!('contrib' in columns)) return 1;
    explained = columns;
    const flag = translate(locale, 'problem.explain.row_check_failed');
    explained.failed.forEach((bad, row) => {
      if (bad) issues.set(row, issues.has(row) ? `${issues.get(row)} | ${flag}` : flag);
    });
  }
  const f = model.card.features.length;

  const out = createWriteStream(output);
  const sep = ',';
  const header = [...ingest.plan.header, 'risk_probability', 'risk_rank', 'row_status', 'row_issues', ...(explained ? explainHeader(model.card) : [])];
  let buffer = header.map((h) => quote(h, sep)).join(sep) + '\r\n';
  let row = 0;
  for await (const record of rawRecords(args.input, ingest.plan, sniff?.asciiOnly ?? false)) {
    if (row >= ingest.rows || record.line !== ingest.line[row]) continue;
    const fields = record.fields ?? [];
    const cells = ingest.plan.header.map((_, j) => quote(fields[j] ?? '', sep));
    cells.push(float32Text(probability[row]), rank[row] ? String(rank[row]) : '', STATUS[ingest.status[row]], quote(issues.get(row) ?? '', sep));
    if (explained) {
      const rejected = Number.isNaN(probability[row]);
      // Base value first, as in the header; rejected rows have no score to explain.
      cells.push(rejected ? '' : float32Text(explained.contrib[row * (f + 1) + f]));
      for (let k = 0; k < f; k++) cells.push(rejected ? '' : float32Text(explained.contrib[row * (f + 1) + k]));
    }
    buffer += cells.join(sep) + '\r\n';
    row++;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
  if (row !== ingest.rows) throw new Error(`rows in ${ingest.rows} ≠ rows out ${row}`);

  const c = ingest.counts;
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(say('cli.done', { rows: ingest.rows, scored: c.scored + c.warned, rejected: c.rejected, mb: size / 1e6, seconds, output }) + '\n');
  await model.scorer.release();
  return 0;
}

/** One cell of sentences per row that has problems, in the chosen language. */
function rowIssueText(locale: Locale, rows: number, rowProblems: { row: Uint32Array; problems: Problem[] }): Map<number, string> {
  const text = new Map<number, string>();
  rowProblems.row.forEach((row, k) => {
    if (row >= rows) return;
    const sentence = describeProblem(locale, rowProblems.problems[k]);
    const before = text.get(row);
    text.set(row, before ? `${before} | ${sentence}` : sentence);
  });
  return text;
}

function fail(locale: Locale, problems: Problem[]): number {
  for (const p of problems) process.stderr.write(describeProblem(locale, p) + '\n');
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);

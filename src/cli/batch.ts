/**
 * The batch path: the same .onnx model and the same rules as the browser over a whole extract,
 * on Apache Spark (batch/job.py, docs/BATCH.md).
 *   npm run batch -- --input <file.csv|dir.parquet> --output <out.parquet> [--model <m.onnx>] [--explain]
 *                    [--list <list.csv> --capacity … --control-share … --seed …]
 * This wrapper decides, with the app's own code, what only the first bytes decide (sniff:
 * dialect, header, column plan; the card's cell rules; the row problems' sentences), hands
 * that to the job as a spec (batch-spec.ts), runs `python3 batch/job.py --spec …` and reports.
 * With --list it builds the control list, manifest and outcomes form with the CLI's own
 * writeControlList from the job's probabilities (read back from the Parquet file with
 * hyparquet) over the CLI's own intake of the input (a CSV or one Parquet file: score-input.ts),
 * so there is one selection rule, one set of reasons and one manifest.
 * Exit codes as `npm run score`: 0 done, 1 the model, file or job failed, 2 bad arguments.
 */
import { spawn } from 'node:child_process';
import { closeSync, createReadStream, mkdtempSync, openSync, readdirSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { asyncBufferFromFile, parquetMetadataAsync, parquetRead, parquetSchema } from 'hyparquet';
import { readModel } from '../lib/core/model/read-card';
import { SNIFF_BYTES, type IngestOptions } from '../lib/core/csv/options';
import { ranked } from '../lib/core/pipeline/scored-file';
import { sha256Hex } from '../lib/core/export/sha256';
import type { Vocabulary } from '../lib/core/model/card';
import { NEUTRAL_VOCABULARY } from '../lib/core/model/neutral-vocabulary';
import { problem, type Problem } from '../lib/core/problems';
import { describeProblem } from '../lib/i18n/describe-problem';
import type { Locale } from '../lib/i18n/locale';
import { translate } from '../lib/i18n/translate';
import { vocabularyParams } from '../lib/i18n/vocabulary-params';
import { cliLocale, INTAKE_FLAGS, LIST_FLAGS, readArgs } from './cli-args';
import { readListChoices, writeControlList } from './control-list';
import { batchSpec, planCsv, planParquet, type PlannedCsv } from './batch-spec';
import { inputKind, scoreInput } from './score-input';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

async function main(argv: string[]): Promise<number> {
  const args = readArgs(argv, {
    ...INTAKE_FLAGS,
    ...LIST_FLAGS,
    explain: { type: 'boolean', default: false },
    'spec-only': { type: 'string' },
    'list-only': { type: 'boolean', default: false },
    python: { type: 'string', default: 'python3' },
    help: { type: 'boolean', default: false },
  });
  if (!args) return 2;
  const locale: Locale = cliLocale(args.lang);
  let vocabulary: Vocabulary = NEUTRAL_VOCABULARY;
  const say = (key: string, params?: Record<string, string | number>) => translate(locale, key, { ...vocabularyParams(vocabulary, locale), ...params });
  const describe = (p: Problem): string => describeProblem(locale, p, vocabulary);
  const fail = (p: Problem, code = 1): number => {
    process.stderr.write(describe(p) + '\n');
    return code;
  };
  if (args.help || !args.input || !(args.output || args['spec-only'])) {
    process.stderr.write(say('batch.usage') + '\n');
    return args.help ? 0 : 2;
  }
  const listChoices = readListChoices(args, (p) => process.stderr.write(describe(p) + '\n'));
  if (listChoices === null) return 2;
  const input = resolve(args.input);
  let isDir: boolean;
  try {
    isDir = statSync(input).isDirectory();
  } catch {
    return fail(problem('cli.input_missing', 'error', { params: { path: args.input } }));
  }
  // A file is Parquet by its bytes (PAR1 at both ends), as in npm run score; a directory holds Parquet part files.
  const kind = isDir || inputKind(input) === 'parquet' ? 'parquet' : 'csv';
  // A directory's part files have no one file to hash and read again for the list.
  if (args.list && isDir) return fail(problem('batch.list_needs_file', 'error'), 2);

  let modelBytes: Uint8Array;
  try {
    modelBytes = new Uint8Array(readFileSync(args.model));
  } catch {
    return fail(problem('cli.input_missing', 'error', { params: { path: args.model } }));
  }
  const read = readModel(modelBytes);
  if (!read.card || !read.model) {
    const noCard = read.problems.some((p) => p.code === 'model.no_card');
    return fail(noCard ? problem('cli.no_card', 'error') : (read.problems.find((p) => p.severity === 'error') ?? read.problems[0]));
  }
  const card = read.card;
  vocabulary = card.vocabulary;
  for (const p of read.problems) if (p.code === 'model.prohibited_feature') process.stderr.write(describe(p) + '\n');
  process.stderr.write(say(read.model.outputSpace === 'probability' ? 'cli.output_space_probability' : 'cli.output_space_log_odds') + '\n');
  const textFeatures = card.features.filter((f) => f.kind === 'text').map((f) => f.name);
  if (textFeatures.length > 0) return fail(problem('batch.text_features', 'error', { params: { features: textFeatures.join(', ') } }));
  if (args.explain && read.model.trees?.covers !== 'model') return fail(problem('batch.explain_needs_covers', 'error'));

  const delimiter = args.delimiter === 'tab' ? '\t' : args.delimiter;
  const options = { encoding: args.encoding, delimiter, decimal: args.decimal } as IngestOptions;
  const planned: PlannedCsv = kind === 'csv' ? planCsv(firstBytes(input), card, options) : planParquet(await parquetColumns(input), card);
  for (const p of planned.problems) process.stderr.write(describe(p) + '\n');
  if (planned.plan.blocked || planned.plan.columns.length === 0) return fail(problem('batch.blocked', 'error'));

  const output = resolve(args.output ?? `${input}.scored.parquet`);
  // The job writes next to --output and replaces it: never over the input it reads.
  if (output === input || output.startsWith(input + '/')) return fail(problem('batch.output_is_input', 'error', { params: { path: args.output ?? '' } }), 2);
  const spec = batchSpec({
    card,
    planned,
    locale,
    input: { path: input, kind, name: basename(input) },
    output,
    model: { path: resolve(args.model), name: basename(args.model), sha256: await sha256Hex(modelBytes), card: JSON.stringify(card), outputSpace: read.model.outputSpace },
    explain: args.explain,
  });
  if (args['spec-only']) {
    writeFileSync(args['spec-only'], JSON.stringify(spec, null, 1));
    process.stderr.write(say('batch.spec_written', { spec: args['spec-only'] }) + '\n');
    return 0;
  }
  let result: JobResult;
  if (args['list-only']) {
    // The job ran already (spark-submit on a cluster, say): only the list is built, from its output.
    if (!args.list) return fail(problem('batch.list_only_needs_list', 'error'), 2);
    result = await parquetCounts(output);
  } else {
    const specPath = join(mkdtempSync(join(tmpdir(), 'batch-')), 'spec.json');
    writeFileSync(specPath, JSON.stringify(spec));
    process.stderr.write(say('batch.running', { master: process.env.BATCH_MASTER ?? 'local[2]', input: basename(input) }) + '\n');
    const job = await runJob(args.python!, specPath);
    if ('problem' in job) return fail(job.problem);
    result = job.result;
  }
  const { rows, scored, warned, rejected, seconds } = result;

  if (args.list && listChoices) {
    const probability = await parquetProbabilities(output, rows);
    // The CLI's own intake (a CSV or a Parquet file, score-input.ts) and list writer, fed the job's probabilities in input order.
    let at = 0;
    const scoredFile = await scoreInput({
      path: input,
      card,
      options,
      score: async (_x, n) => {
        const p = probability.subarray(at, at + n);
        at += n;
        return p;
      },
    });
    if (!scoredFile) return 1;
    if (scoredFile.file.ingest.rows !== rows) return fail(problem('batch.rows_differ', 'error', { params: { parquet: rows, csv: scoredFile.file.ingest.rows } }));
    const written = await writeControlList({
      modelBytes,
      card,
      file: ranked(scoredFile.file),
      inputPath: input,
      inputSize: statSync(input).size,
      listPath: args.list,
      choices: listChoices,
      locale,
    });
    for (const p of written.problems) process.stderr.write(describe(p) + '\n');
    process.stderr.write(say('planner.cli.done', { rows: written.rows, model: written.modelCount, control: written.controlCount, list: args.list, manifest: written.manifestPath }) + '\n');
  }
  process.stderr.write(say('batch.done', { rows, scored: scored + warned, rejected, seconds, rate: Math.round(rows / seconds), output }) + '\n');
  return 0;
}

function firstBytes(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const buffer = new Uint8Array(SNIFF_BYTES);
    const n = readSync(fd, buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** Column names of a Parquet file, or of the first part file (in name order) of a Parquet directory. */
async function parquetColumns(path: string): Promise<string[]> {
  const first = statSync(path).isDirectory() ? firstPart(path) : path;
  const file = await asyncBufferFromFile(first);
  const schema = parquetSchema(await parquetMetadataAsync(file));
  return schema.children.map((c) => c.element.name);
}

function firstPart(dir: string): string {
  const names = readdirSync(dir).filter((n) => n.endsWith('.parquet') && !n.startsWith('.') && !n.startsWith('_')).sort();
  return join(dir, names[0] ?? '');
}

/** risk_probability of the job's output as float32 (the value onnxruntime returned), NaN for rejected rows. */
async function parquetProbabilities(path: string, rows: number): Promise<Float32Array> {
  const out = new Float32Array(rows).fill(NaN);
  const file = await asyncBufferFromFile(path);
  await parquetRead({
    file,
    columns: ['risk_probability'],
    onChunk: ({ columnData, rowStart }) => {
      for (let i = 0; i < columnData.length; i++) {
        const v = columnData[i] as number | null;
        out[rowStart + i] = v === null || v === undefined ? NaN : v;
      }
    },
  });
  return out;
}

/** Rows and statuses of a finished job's output, for --list-only. */
async function parquetCounts(path: string): Promise<JobResult> {
  const started = performance.now();
  const file = await asyncBufferFromFile(path);
  const counts = { rows: 0, scored: 0, warned: 0, rejected: 0, seconds: 0 };
  await parquetRead({
    file,
    columns: ['row_status'],
    onChunk: ({ columnData }) => {
      for (let i = 0; i < columnData.length; i++) {
        const s = columnData[i];
        counts.rows++;
        if (s === 'scored') counts.scored++;
        else if (s === 'scored_with_warnings') counts.warned++;
        else counts.rejected++;
      }
    },
  });
  counts.seconds = (performance.now() - started) / 1000;
  return counts;
}

interface JobResult {
  rows: number;
  scored: number;
  warned: number;
  rejected: number;
  seconds: number;
}

/** Runs the job; its stdout's last JSON line is the result, a JSON line {"problem": …} on stderr a refusal. Spark's own log stays quiet unless the job fails. */
function runJob(python: string, specPath: string): Promise<{ result: JobResult } | { problem: Problem }> {
  return new Promise((done) => {
    const child = spawn(python, [join(ROOT, 'batch/job.py'), '--spec', specPath], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', (e) => done({ problem: problem('batch.job_failed', 'error', { params: { detail: e.message } }) }));
    child.on('close', (code) => {
      const line = (text: string, key: string) =>
        text
          .split('\n')
          .reverse()
          .map((l) => {
            try {
              const v = JSON.parse(l);
              return v && typeof v === 'object' && key in v ? v : null;
            } catch {
              return null;
            }
          })
          .find((v) => v !== null);
      const refusal = line(err, 'problem');
      if (refusal) return done({ problem: problem(refusal.problem, 'error', { params: refusal.params ?? {} }) });
      const result = line(out, 'result');
      if (code === 0 && result) return done({ result: result.result as JobResult });
      const last = err.trim().split('\n').filter((l) => /Error|Exception/.test(l)).pop() ?? `exit ${code}`;
      done({ problem: problem('batch.job_failed', 'error', { params: { detail: last.trim() } }) });
    });
  });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    const detail = error instanceof Error ? error.message : String(error);
    process.stderr.write(describeProblem(cliLocale(undefined), problem('run.failed', 'error', { params: { detail } })) + '\n');
    process.exit(1);
  },
);

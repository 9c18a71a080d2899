/**
 * The assistant on the command line, on the same core as the page:
 *   npm run -s ask -- --lang <nb|nn|en> --json "<question>"
 *   npm run -s ask -- --lang nb --batch questions.jsonl      (lines {"lang", "text"})
 * Answers from the bundled deduction model, its card and the demo sample scored with the same
 * intake and engine as `npm run score` (capacity: a quarter of the scored rows, as the page
 * starts; no control group). Prints {"intent", "answer"} per question as one JSON line (the
 * answer's lines under it joined with "\n"); without --json, the answer alone. stdout holds
 * nothing else; problems go to stderr. Exit 0, 2 for bad arguments or a bad batch line
 * (named by line number), 1 when the model or the sample cannot be used.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { loadModelFile, wasmBinary } from '../lib/runtime/node-engine';
import { createDenseClassifier } from '../lib/runtime/ort';
import { scoreStream } from '../lib/core/pipeline/score-stream';
import { ranked, type ScoredFile } from '../lib/core/pipeline/scored-file';
import { capacityPlan } from '../lib/core/select/capacity-plan';
import { countForShare } from '../lib/core/metrics/count-for-share';
import { fileDriftRows } from '../lib/core/evaluate';
import { explain } from '../lib/core/explain';
import { explainLinear } from '../lib/core/explain/linear-shap';
import { reasonLines, sortedColumns } from '../lib/core/export/control-list';
import { intentFeaturizer, readIntentSpec } from '../lib/core/assistant/intents';
import { ask, classifierOf } from '../lib/core/assistant/ask';
import { snapshotContext } from '../lib/core/assistant/snapshot';
import type { ModelCard } from '../lib/core/model/card';
import { answerText } from '../lib/i18n/assistant-text';
import { describeProblem } from '../lib/i18n/describe-problem';
import { pickLocale, type Locale } from '../lib/i18n/locale';
import { translate } from '../lib/i18n/translate';
import { vocabularyParams } from '../lib/i18n/vocabulary-params';
import { loadExplainer } from './load-explainer';

const MODEL = 'public/model/deduction-risk.onnx';
const SAMPLE = 'public/demo/demo-sample.csv';
const INTENTS_ONNX = 'public/assistant/intents.onnx';
const INTENTS_JSON = 'public/assistant/intents.json';
const LANGS = new Set(['nb', 'nn', 'en']);

function fail(message: string, code: number): number {
  process.stderr.write(message + '\n');
  return code;
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { lang: { type: 'string' }, json: { type: 'boolean', default: false }, batch: { type: 'string' } } });
  } catch (error) {
    return fail((error as Error).message, 2);
  }
  const { values, positionals } = parsed;
  if (values.lang !== undefined && !LANGS.has(values.lang)) return fail(`--lang must be nb, nn or en, not "${values.lang}"`, 2);
  const lang: Locale = values.lang ? pickLocale([values.lang]) : 'nb';
  let questions: { lang: Locale; text: string }[];
  if (values.batch !== undefined) {
    if (positionals.length > 0) return fail('give either --batch <file.jsonl> or one question, not both', 2);
    const read = readBatch(values.batch, lang);
    if (typeof read === 'string') return fail(read, 2);
    questions = read;
  } else {
    if (positionals.length !== 1) return fail('usage: npm run -s ask -- --lang <nb|nn|en> [--json] "<question>" | --batch <file.jsonl>', 2);
    questions = [{ lang, text: positionals[0] }];
  }

  const spec = readIntentSpec(JSON.parse(readFileSync(INTENTS_JSON, 'utf8')));
  if (!spec) return fail(`${INTENTS_JSON} is not an intent spec this version can read`, 1);
  const classifier = await createDenseClassifier(new Uint8Array(readFileSync(INTENTS_ONNX)), spec, { wasmBinary: wasmBinary() });
  const classify = classifierOf(intentFeaturizer(spec), (x) => classifier.probabilities(x), spec.threshold);

  const model = await loadModelFile(MODEL);
  if (!('card' in model)) return fail(model.problems.map((p) => describeProblem(lang, p)).join('\n'), 1);
  const card = model.card;
  const chunks = (async function* () {
    for await (const chunk of createReadStream(SAMPLE, { highWaterMark: 1 << 20 })) yield chunk as Uint8Array;
  })();
  const scored = await scoreStream(card, { fileName: basename(SAMPLE), chunks }, {}, (x, n) => model.scorer.score(x, n));
  if (!scored) return fail(`${SAMPLE} could not be scored`, 1);
  const file = ranked(scored.file);
  const { ingest } = file;
  const plan = capacityPlan(file.order, file.probability, ingest.label ?? undefined);
  const drift = fileDriftRows(ingest, card, null);
  const reasonsOf = rowReasonsFor(model.bytes, card, file);
  const ids = new Set(ingest.ids.map((id) => id.toLowerCase()));

  for (const q of questions) {
    const t = (key: string, params?: Record<string, string | number>) => translate(q.lang, key, { ...vocabularyParams(card.vocabulary, q.lang), ...params });
    const asked = await ask(q.text, {
      classify,
      card,
      isId: (token) => ids.has(token.toLowerCase()),
      context: (entities) =>
        snapshotContext({
          locale: q.lang,
          card,
          explainer: { kind: model.model.linear ? 'linear' : 'trees', space: model.model.outputSpace },
          file,
          expected: plan.expected,
          capacity: countForShare(0.25, plan.scored),
          controlShare: 0,
          drift,
          entities,
          selectedRow: null,
          reasons: (row) => reasonsOf(row, q.lang, t),
          describe: (p) => describeProblem(q.lang, p, card.vocabulary),
        }),
    });
    const words = answerText(asked.answer, q.lang, card.vocabulary);
    const text = [words.text, ...words.items.map((item) => `- ${item}`)].join('\n');
    process.stdout.write((values.json || values.batch !== undefined ? JSON.stringify({ intent: asked.intent, answer: text }) : text) + '\n');
  }
  await classifier.release();
  await model.scorer.release();
  return 0;
}

/** Lines {"lang", "text"}; a bad line is named by its number. */
function readBatch(path: string, fallback: Locale): { lang: Locale; text: string }[] | string {
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch {
    return `cannot read ${path}`;
  }
  const out: { lang: Locale; text: string }[] = [];
  const lines = content.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].trim()) continue;
    let row: unknown;
    try {
      row = JSON.parse(lines[i]);
    } catch {
      return `${path} line ${i + 1}: not JSON`;
    }
    const r = row as { lang?: unknown; text?: unknown };
    if (typeof r.text !== 'string') return `${path} line ${i + 1}: needs "text" (a string)`;
    if (r.lang !== undefined && (typeof r.lang !== 'string' || !LANGS.has(r.lang))) return `${path} line ${i + 1}: "lang" must be nb, nn or en`;
    out.push({ lang: typeof r.lang === 'string' ? pickLocale([r.lang]) : fallback, text: r.text });
  }
  return out;
}

/** A row's reasons as the page and the control list give them (reasonLines), explained on demand, one row at a time. */
function rowReasonsFor(modelBytes: Uint8Array, card: ModelCard, file: ScoredFile) {
  const { ingest } = file;
  const f = card.features.length;
  let loaded: ReturnType<typeof loadExplainer> | null = null;
  const sorted = sortedColumns(ingest.features, ingest.rows, f);
  return (row: number, locale: Locale, t: (key: string, params?: Record<string, string | number>) => string): string[] | null => {
    loaded ??= loadExplainer(modelBytes, { file: { features: ingest.features, rows: ingest.rows } });
    const x = ingest.features.slice(row * f, (row + 1) * f);
    let contrib: ArrayLike<number>;
    if (loaded.explainer) contrib = explain(loaded.explainer, x, 1).contrib;
    else if (loaded.linear) contrib = explainLinear(loaded.linear.model, loaded.linear.mean, x, 1);
    else return null;
    return reasonLines(card, x, contrib, sorted, locale, t);
  };
}


main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`ask failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);

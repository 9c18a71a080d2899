/**
 * Outcomes back in, on the command line (issue 18 §1):
 *   npm run outcomes -- --list <list.csv> --outcomes <outcomes.csv> --output <estimates.json> [--lang nb|nn|en]
 * Reads the list, its manifest beside it (<list>.manifest.json) and the outcomes; links them
 * (core/loop/link-outcomes.ts) and writes the estimates (core/loop/estimates-json.ts).
 * Exit 0 when written (problems such as unchecked rows or too few random errors are printed on
 * stderr and recorded in the JSON), 1 when the files are refused or missing — one sentence on
 * stderr in the chosen language —, 2 for bad arguments.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { linkOutcomes } from '../lib/core/loop/link-outcomes';
import { estimateLoop } from '../lib/core/loop/estimate-loop';
import { estimatesDocument } from '../lib/core/loop/estimates-json';
import { manifestFileName } from '../lib/core/export/control-list';
import { problem, type Problem } from '../lib/core/problems';
import { describeProblem } from '../lib/i18n/describe-problem';
import type { Locale } from '../lib/i18n/locale';
import { cliLocale, readArgs } from './cli-args';
import { translate } from '../lib/i18n/translate';
import { vocabularyParams } from '../lib/i18n/vocabulary-params';
import { NEUTRAL_VOCABULARY } from '../lib/core/model/neutral-vocabulary';

function main(argv: string[]): number {
  const args = readArgs(argv, {
    list: { type: 'string' },
    outcomes: { type: 'string' },
    output: { type: 'string' },
    lang: { type: 'string' },
    help: { type: 'boolean', default: false },
  });
  if (!args) return 2;
  const locale: Locale = cliLocale(args.lang);
  // No model is at hand here: the task's words are the neutral ones.
  const say = (key: string, params?: Record<string, string | number>) => translate(locale, key, { ...vocabularyParams(NEUTRAL_VOCABULARY, locale), ...params });
  const describe = (p: Problem) => describeProblem(locale, p);
  if (args.help || !args.list || !args.outcomes || !args.output) {
    process.stderr.write(say('outcomes.cli.usage') + '\n');
    return args.help ? 0 : 2;
  }
  const listName = basename(args.list);
  const manifestPath = args.list.slice(0, args.list.length - listName.length) + manifestFileName(listName);
  const read = (path: string): Uint8Array | null => {
    try {
      return readFileSync(path);
    } catch {
      return null;
    }
  };
  const list = read(args.list);
  if (!list) return refuse(describe, problem('cli.input_missing', 'error', { params: { path: args.list } }), say('outcomes.cli.file_missing', { path: args.list }));
  const manifest = read(manifestPath);
  if (!manifest) return refuse(describe, null, say('outcomes.cli.no_manifest', { path: manifestPath }));
  const outcomes = read(args.outcomes);
  if (!outcomes) return refuse(describe, null, say('outcomes.cli.file_missing', { path: args.outcomes }));

  const names = { list: listName, manifest: basename(manifestPath), outcomes: basename(args.outcomes) };
  const link = linkOutcomes({
    list: { name: names.list, bytes: list },
    manifest: { name: names.manifest, text: new TextDecoder().decode(manifest) },
    outcomes: { name: names.outcomes, bytes: outcomes },
  });
  if ('refused' in link) return refuse(describe, link.refused);
  const l = link.linked;
  const estimates = estimateLoop({ rows: l.rows, model: l.model, random: l.random });
  for (const p of [...l.problems, ...estimates.problems]) process.stderr.write(describe(p) + '\n');
  const document = estimatesDocument(names, l, estimates);
  writeFileSync(args.output, `${JSON.stringify(document, null, 2)}\n`);
  const checked = l.model.checked + l.random.checked;
  process.stderr.write(say('outcomes.cli.done', { output: args.output, checked, listed: l.model.selected + l.random.selected, errors: l.model.errors + l.random.errors }) + '\n');
  return 0;
}

/** Files that cannot be used together: one sentence, exit 1. */
function refuse(describe: (p: Problem) => string, p: Problem | null, sentence?: string): number {
  process.stderr.write((sentence ?? describe(p!)) + '\n');
  return 1;
}

try {
  process.exit(main(process.argv.slice(2)));
} catch (error) {
  // One sentence, never a stack trace.
  const detail = error instanceof Error ? error.message : String(error);
  const locale = cliLocale(undefined);
  process.stderr.write(describeProblem(locale, problem('run.failed', 'error', { params: { detail } })) + '\n');
  process.exit(1);
}

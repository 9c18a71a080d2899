import { parseArgs, type ParseArgsConfig } from 'node:util';
import { pickLocale, type Locale } from '../lib/i18n/locale';

/**
 * The command's flags parsed strictly (an unknown flag or a missing value is an error); on an
 * error the message goes to stderr and the result is null, for exit code 2. One place for every
 * command of the CLI, so they refuse bad arguments alike.
 */
export function readArgs<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, strict: true }).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return null;
  }
}

/** The language of the command's sentences: `--lang`, else the environment's LC_ALL or LANG, else English. */
export function cliLocale(lang: string | undefined): Locale {
  return lang ? pickLocale([lang]) : pickLocale([process.env.LC_ALL ?? process.env.LANG ?? 'en']);
}

/** The flags every scoring command reads alike: the model, the file and how to read it, the language. */
export const INTAKE_FLAGS = {
  model: { type: 'string', default: 'public/model/deduction-risk.onnx' },
  input: { type: 'string' },
  output: { type: 'string' },
  encoding: { type: 'string', default: 'auto' },
  delimiter: { type: 'string', default: 'auto' },
  decimal: { type: 'string', default: 'auto' },
  lang: { type: 'string' },
} as const;

/** The control list's flags (control-list.ts parseListChoices), shared by `npm run score` and `npm run batch`. */
export const LIST_FLAGS = {
  capacity: { type: 'string' },
  'control-share': { type: 'string' },
  seed: { type: 'string' },
  list: { type: 'string' },
  'list-dialect': { type: 'string' },
  'include-national-ids': { type: 'boolean', default: false },
} as const;

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

import { defineMessages } from '../define';

export const cli = defineMessages({
  nb: {
    'cli.usage': 'Bruk: npm run score -- --input <fil.csv> --output <ut.csv> [--model <modell.onnx>] [--encoding auto|utf-8|utf-16le|utf-16be|windows-1252] [--delimiter auto|,|;|tab||] [--decimal auto|,|.] [--lang nb|nn|en] [--explain] [--output-dialect excel-nb|rfc4180]',
    'cli.done': '{rows} rader lest ({mb} MB på {seconds} s): {scored} scoret, {rejected} avvist. Skrevet til {output}.',
    'problem.cli.input_missing': 'Finner ikke inndatafila {path}.',
    'problem.cli.bad_output_dialect': 'Ukjent filformat «{value}» for --output-dialect; bruk excel-nb eller rfc4180.',
    'problem.cli.list_blocked': 'Ingen kontrolliste skrevet til {list}: filen kan ikke scores (se over).',
  },
  nn: {
    'cli.usage': 'Bruk: npm run score -- --input <fil.csv> --output <ut.csv> [--model <modell.onnx>] [--encoding auto|utf-8|utf-16le|utf-16be|windows-1252] [--delimiter auto|,|;|tab||] [--decimal auto|,|.] [--lang nb|nn|en] [--explain] [--output-dialect excel-nb|rfc4180]',
    'cli.done': '{rows} rader lesne ({mb} MB på {seconds} s): {scored} skåra, {rejected} avviste. Skrive til {output}.',
    'problem.cli.input_missing': 'Finn ikkje inndatafila {path}.',
    'problem.cli.bad_output_dialect': 'Ukjent filformat «{value}» for --output-dialect; bruk excel-nb eller rfc4180.',
    'problem.cli.list_blocked': 'Inga kontrolliste skriven til {list}: fila kan ikkje skårast (sjå over).',
  },
  en: {
    'cli.usage': 'Usage: npm run score -- --input <file.csv> --output <out.csv> [--model <model.onnx>] [--encoding auto|utf-8|utf-16le|utf-16be|windows-1252] [--delimiter auto|,|;|tab||] [--decimal auto|,|.] [--lang nb|nn|en] [--explain] [--output-dialect excel-nb|rfc4180]',
    'cli.done': '{rows} rows read ({mb} MB in {seconds} s): {scored} scored, {rejected} rejected. Written to {output}.',
    'problem.cli.input_missing': 'Cannot find the input file {path}.',
    'problem.cli.bad_output_dialect': 'Unknown file format “{value}” for --output-dialect; use excel-nb or rfc4180.',
    'problem.cli.list_blocked': 'No control list written to {list}: the file cannot be scored (see above).',
  },
});

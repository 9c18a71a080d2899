import { defineMessages } from '../define';

export const cli = defineMessages({
  nb: {
    'cli.output_space_log_odds': 'Modellens poengsum er log-odds: bidragene summerer til logit av sannsynligheten.',
    'cli.output_space_probability': 'Modellens poengsum er sannsynligheten selv: bidragene summerer til sannsynligheten.',
    'problem.cli.card_missing': 'Finner ikke modellkortet {path}.',
    'problem.cli.reference_unreadable': 'Referansefila {path} kan ikke leses som modellens kolonner.',
    'cli.usage': 'Bruk: npm run score -- --input <fil.csv> --output <ut.csv> [--model <modell.onnx>] [--encoding auto|utf-8|utf-16le|utf-16be|windows-1252] [--delimiter auto|,|;|tab||] [--decimal auto|,|.] [--lang nb|nn|en] [--explain] [--card <kort.json>] [--covers-from <referanse.csv>] [--output-dialect excel-nb|rfc4180]',
    'cli.done': '{rows} rader lest ({mb} MB på {seconds} s): {scored} scoret, {rejected} avvist. Skrevet til {output}.',
    'problem.cli.input_missing': 'Finner ikke inndatafila {path}.',
    'problem.cli.bad_output_dialect': 'Ukjent filformat «{value}» for --output-dialect; bruk excel-nb eller rfc4180.',
    'problem.cli.list_blocked': 'Ingen kontrolliste skrevet til {list}: filen kan ikke scores (se over).',
  },
  nn: {
    'cli.output_space_log_odds': 'Poengsummen til modellen er log-odds: bidraga summerer til logit av sannsynet.',
    'cli.output_space_probability': 'Poengsummen til modellen er sannsynet sjølv: bidraga summerer til sannsynet.',
    'problem.cli.card_missing': 'Finn ikkje modellkortet {path}.',
    'problem.cli.reference_unreadable': 'Referansefila {path} kan ikkje lesast som kolonnane til modellen.',
    'cli.usage': 'Bruk: npm run score -- --input <fil.csv> --output <ut.csv> [--model <modell.onnx>] [--encoding auto|utf-8|utf-16le|utf-16be|windows-1252] [--delimiter auto|,|;|tab||] [--decimal auto|,|.] [--lang nb|nn|en] [--explain] [--card <kort.json>] [--covers-from <referanse.csv>] [--output-dialect excel-nb|rfc4180]',
    'cli.done': '{rows} rader lesne ({mb} MB på {seconds} s): {scored} skåra, {rejected} avviste. Skrive til {output}.',
    'problem.cli.input_missing': 'Finn ikkje inndatafila {path}.',
    'problem.cli.bad_output_dialect': 'Ukjent filformat «{value}» for --output-dialect; bruk excel-nb eller rfc4180.',
    'problem.cli.list_blocked': 'Inga kontrolliste skriven til {list}: fila kan ikkje skårast (sjå over).',
  },
  en: {
    'cli.output_space_log_odds': 'The model\'s score is log-odds: the contributions add up to the logit of the probability.',
    'cli.output_space_probability': 'The model\'s score is the probability itself: the contributions add up to the probability.',
    'problem.cli.card_missing': 'Cannot find the model card {path}.',
    'problem.cli.reference_unreadable': 'The reference file {path} cannot be read as the model\'s columns.',
    'cli.usage': 'Usage: npm run score -- --input <file.csv> --output <out.csv> [--model <model.onnx>] [--encoding auto|utf-8|utf-16le|utf-16be|windows-1252] [--delimiter auto|,|;|tab||] [--decimal auto|,|.] [--lang nb|nn|en] [--explain] [--card <card.json>] [--covers-from <reference.csv>] [--output-dialect excel-nb|rfc4180]',
    'cli.done': '{rows} rows read ({mb} MB in {seconds} s): {scored} scored, {rejected} rejected. Written to {output}.',
    'problem.cli.input_missing': 'Cannot find the input file {path}.',
    'problem.cli.bad_output_dialect': 'Unknown file format “{value}” for --output-dialect; use excel-nb or rfc4180.',
    'problem.cli.list_blocked': 'No control list written to {list}: the file cannot be scored (see above).',
  },
});

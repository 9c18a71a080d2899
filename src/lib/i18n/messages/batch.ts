import { defineMessages } from '../define';

/** The batch path on Spark: `npm run batch` (src/cli/batch.ts) and the job's refusals (batch/job.py). */
export const batch = defineMessages({
  nb: {
    'batch.usage':
      'Bruk: npm run batch -- --input <fil.csv|mappe.parquet> --output <ut.parquet> [--model <modell.onnx>] [--explain] [--encoding auto|utf-8|utf-16le|utf-16be|windows-1252] [--delimiter auto|,|;|tab||] [--decimal auto|,|.] [--lang nb|nn|en] [--list <liste.csv> --capacity <antall|prosent> [--control-share <0–1>] [--seed <tall>] [--list-dialect excel-nb|rfc4180] [--include-national-ids]] [--spec-only <jobb.json>] [--list-only] [--python <python3>]',
    'batch.running': 'Starter Spark-jobben ({master}) for {input}.',
    'batch.spec_written': 'Jobbeskrivelsen er skrevet til {spec}. Kjør den med: spark-submit batch/job.py --spec {spec}',
    'batch.done': '{rows} {rows|rad|rader} på {seconds} s ({rate} rader/s): {scored} scoret, {rejected} avvist. Skrevet til {output}.',
    'problem.batch.job_failed': 'Spark-jobben stoppet: {detail}',
    'problem.batch.list_needs_file': '--list trenger én fil som --input, CSV eller Parquet, ikke en mappe med Parquet-deler (listen bygges av filens egne rader, som i npm run score).',
    'problem.batch.text_features': 'Batchløpet leser ikke tekstfelt ennå (modellen bruker {features}); bruk npm run score for denne modellen.',
    'problem.batch.explain_needs_covers': '--explain trenger et tremodell med dekning (nodes_hitrates) i .onnx-fila; bruk npm run score -- --explain for denne modellen.',
    'problem.batch.blocked': 'Fila kan ikke scores, så jobben er ikke startet (se over).',
    'problem.batch.no_covers': '--explain trenger et tremodell med dekning (nodes_hitrates) i .onnx-fila.',
    'problem.batch.csv_not_one_partition': 'Spark delte CSV-fila i flere deler, så radenes rekkefølge kan ikke holdes; gi én fil, ikke en mappe.',
    'problem.batch.no_rows': 'Jobben skrev ingen rader.',
    'problem.batch.list_only_needs_list': '--list-only trenger --list <liste.csv> og den ferdige --output-fila fra jobben.',
    'problem.batch.output_is_input': '--output {path} er inndata selv; velg en annen fil for resultatet.',
    'problem.batch.rows_differ': 'Listen er ikke skrevet: Parquet-fila har {parquet} rader, men fila leses som {csv}.',
  },
  nn: {
    'batch.usage':
      'Bruk: npm run batch -- --input <fil.csv|mappe.parquet> --output <ut.parquet> [--model <modell.onnx>] [--explain] [--encoding auto|utf-8|utf-16le|utf-16be|windows-1252] [--delimiter auto|,|;|tab||] [--decimal auto|,|.] [--lang nb|nn|en] [--list <liste.csv> --capacity <tal|prosent> [--control-share <0–1>] [--seed <tal>] [--list-dialect excel-nb|rfc4180] [--include-national-ids]] [--spec-only <jobb.json>] [--list-only] [--python <python3>]',
    'batch.running': 'Startar Spark-jobben ({master}) for {input}.',
    'batch.spec_written': 'Jobbskildringa er skriven til {spec}. Køyr ho med: spark-submit batch/job.py --spec {spec}',
    'batch.done': '{rows} {rows|rad|rader} på {seconds} s ({rate} rader/s): {scored} skåra, {rejected} avviste. Skrive til {output}.',
    'problem.batch.job_failed': 'Spark-jobben stoppa: {detail}',
    'problem.batch.list_needs_file': '--list treng éi fil som --input, CSV eller Parquet, ikkje ei mappe med Parquet-delar (lista blir bygd av radene i fila, som i npm run score).',
    'problem.batch.text_features': 'Batchløpet les ikkje tekstfelt enno (modellen brukar {features}); bruk npm run score for denne modellen.',
    'problem.batch.explain_needs_covers': '--explain treng ein tremodell med dekning (nodes_hitrates) i .onnx-fila; bruk npm run score -- --explain for denne modellen.',
    'problem.batch.blocked': 'Fila kan ikkje skårast, så jobben er ikkje starta (sjå over).',
    'problem.batch.no_covers': '--explain treng ein tremodell med dekning (nodes_hitrates) i .onnx-fila.',
    'problem.batch.csv_not_one_partition': 'Spark delte CSV-fila i fleire delar, så rekkjefølgja til radene kan ikkje haldast; gi éi fil, ikkje ei mappe.',
    'problem.batch.no_rows': 'Jobben skreiv ingen rader.',
    'problem.batch.list_only_needs_list': '--list-only treng --list <liste.csv> og den ferdige --output-fila frå jobben.',
    'problem.batch.output_is_input': '--output {path} er sjølve inndataa; vel ei anna fil for resultatet.',
    'problem.batch.rows_differ': 'Lista er ikkje skriven: Parquet-fila har {parquet} rader, men fila blir lesen som {csv}.',
  },
  en: {
    'batch.usage':
      'Usage: npm run batch -- --input <file.csv|dir.parquet> --output <out.parquet> [--model <model.onnx>] [--explain] [--encoding auto|utf-8|utf-16le|utf-16be|windows-1252] [--delimiter auto|,|;|tab||] [--decimal auto|,|.] [--lang nb|nn|en] [--list <list.csv> --capacity <count|percent> [--control-share <0–1>] [--seed <number>] [--list-dialect excel-nb|rfc4180] [--include-national-ids]] [--spec-only <job.json>] [--list-only] [--python <python3>]',
    'batch.running': 'Starting the Spark job ({master}) for {input}.',
    'batch.spec_written': 'The job description is written to {spec}. Run it with: spark-submit batch/job.py --spec {spec}',
    'batch.done': '{rows} {rows|row|rows} in {seconds} s ({rate} rows/s): {scored} scored, {rejected} rejected. Written to {output}.',
    'problem.batch.job_failed': 'The Spark job stopped: {detail}',
    'problem.batch.list_needs_file': '--list needs one file as --input, CSV or Parquet, not a directory of Parquet parts (the list is built from the file\'s own rows, as in npm run score).',
    'problem.batch.text_features': 'The batch path does not read text features yet (the model uses {features}); use npm run score for this model.',
    'problem.batch.explain_needs_covers': '--explain needs a tree model with covers (nodes_hitrates) in the .onnx file; use npm run score -- --explain for this model.',
    'problem.batch.blocked': 'The file cannot be scored, so the job was not started (see above).',
    'problem.batch.no_covers': '--explain needs a tree model with covers (nodes_hitrates) in the .onnx file.',
    'problem.batch.csv_not_one_partition': 'Spark split the CSV file into parts, so the rows\' order cannot be kept; give one file, not a folder.',
    'problem.batch.no_rows': 'The job wrote no rows.',
    'problem.batch.list_only_needs_list': '--list-only needs --list <list.csv> and the job\'s finished --output file.',
    'problem.batch.output_is_input': '--output {path} is the input itself; choose another file for the result.',
    'problem.batch.rows_differ': 'The list was not written: the Parquet file has {parquet} rows, but the file reads as {csv}.',
  },
});

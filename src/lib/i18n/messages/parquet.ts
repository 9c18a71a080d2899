import { defineMessages } from '../define';

/**
 * Parquet in the explorer (core/parquet): the file's problems and the status line that says
 * where the scores came from. {rows}, {checked}, {count}: counts; {list}: the rows that differed; {name}: the model file the
 * batch output was made with; {sha}: the start of its SHA-256; {group}, {first}, {last}: a row
 * group and its rows (1-based); in scores_from_batch {name}, {sha}: the file the batch run read and the start of its
 * SHA-256, {checked}/{matched}: the sample, {contributions}: 1 when the explanations came from the file too. Cell problems are the CSV intake's, said with "rad" for a row;
 * `problem.<code>.rows` is a whole sentence for a code whose rest names a line too (the duplicate id's first).
 */
export const parquet = defineMessages({
  nb: {
    'problem.parquet.unreadable': 'Fila kan ikke leses som Parquet ({detail}). Er den avkuttet eller skadet? Ingen {row_n} er lest.',
    'problem.parquet.row_group_unreadable':
      'Radgruppe {group} (rad {first}–{last}) kan ikke leses ({detail}). De radene er avvist; resten av fila er lest.',
    'problem.parquet.column_unsupported': 'Kolonne {column} ({field}) har en type som ikke kan leses her ({type}). Den regnes som tom.',
    'problem.parquet.batch_format_unknown':
      'Fila har metadata fra en kjøring i et format denne appen ikke kjenner («{format}»). Den scores som et vanlig uttrekk.',
    'problem.parquet.other_model':
      'Fila er et resultat fra kjøringen på Spark, men laget med en annen modell ({name}, SHA-256 {sha}…). Den er scoret med den aktive modellen som et vanlig uttrekk. Last inn {name} for å bruke poengene i fila.',
    'problem.parquet.batch_columns_missing':
      'Fila er laget med den aktive modellen, men mangler kolonnene {columns}. Den scores som et vanlig uttrekk.',
    'problem.parquet.batch_rows_differ':
      'Metadataene i fila sier {said} rader, men fila har {rows}. Rader er lagt til eller borte etter kjøringen; kontrollen avgjør om poengene kan brukes.',
    'problem.parquet.batch_checked':
      'Åpnet resultat fra kjøringen på Spark: {rows} {row#rows}, poeng{explained| og forklaringer|} fra filen; {checked} kontrollert på nytt her, alle stemte.',
    'problem.parquet.batch_mismatch':
      'Resultatet fra kjøringen på Spark stemmer ikke: {count} av {checked} kontrollerte avviker (rad {list}). Hele fila er scoret og forklart på nytt her.',
    'problem.parquet.scores_from_batch':
      'Poengene{contributions| og forklaringene|} er tatt fra resultatet av kjøringen på Spark, laget fra {name} (SHA-256 {sha}…) med denne modellen; {checked} er beregnet på nytt her, og {matched} stemte.',
    'parquet.made_from': 'Laget fra {name}.',
    'parquet.scores_from_label': 'Poeng fra',
    'parquet.status_label': 'Hvor poengene kommer fra',
    'parquet.explained_from_file':
      'Forklaringene (TreeSHAP) for alle {rows} rader er lest fra resultatet fra kjøringen på Spark; {checked} av dem er beregnet på nytt her og stemte.',
    'parquet.use_bundled': 'Bruk {name}',
    'parquet.load_model': 'Last inn modellfila …',
    'parquet.row_column': 'Rad',
    'parquet.report_row': 'rad',
    'problem.where.line': 'Linje {line}, kolonne {column} ({field})',
    'problem.where.row': 'Rad {line}, kolonne {column} ({field})',
    'problem.where.line_only': 'Linje {line}',
    'problem.where.row_only': 'Rad {line}',
    'problem.csv.duplicate_id.rows': 'Rad {line}, kolonne {column} ({field}): samme id som på rad {first}.',
  },
  nn: {
    'problem.parquet.unreadable': 'Fila kan ikkje lesast som Parquet ({detail}). Er ho avkutta eller skadd? Ingen {row_n} er lesne.',
    'problem.parquet.row_group_unreadable':
      'Radgruppe {group} (rad {first}–{last}) kan ikkje lesast ({detail}). Dei radene er avviste; resten av fila er lesen.',
    'problem.parquet.column_unsupported': 'Kolonne {column} ({field}) har ein type som ikkje kan lesast her ({type}). Han blir rekna som tom.',
    'problem.parquet.batch_format_unknown':
      'Fila har metadata frå ei køyring i eit format denne appen ikkje kjenner («{format}»). Ho blir scora som eit vanleg uttrekk.',
    'problem.parquet.other_model':
      'Fila er eit resultat frå køyringa på Spark, men laga med ein annan modell ({name}, SHA-256 {sha}…). Ho er scora med den aktive modellen som eit vanleg uttrekk. Last inn {name} for å bruke poenga i fila.',
    'problem.parquet.batch_columns_missing':
      'Fila er laga med den aktive modellen, men manglar kolonnane {columns}. Ho blir scora som eit vanleg uttrekk.',
    'problem.parquet.batch_rows_differ':
      'Metadataa i fila seier {said} rader, men fila har {rows}. Rader er lagde til eller borte etter køyringa; kontrollen avgjer om poenga kan brukast.',
    'problem.parquet.batch_checked':
      'Opna resultat frå køyringa på Spark: {rows} {row#rows}, poeng{explained| og forklaringar|} frå fila; {checked} kontrollerte på nytt her, alle stemde.',
    'problem.parquet.batch_mismatch':
      'Resultatet frå køyringa på Spark stemmer ikkje: {count} av {checked} kontrollerte avvik (rad {list}). Heile fila er scora og forklart på nytt her.',
    'problem.parquet.scores_from_batch':
      'Poenga{contributions| og forklaringane|} er tekne frå resultatet av køyringa på Spark, laga frå {name} (SHA-256 {sha}…) med denne modellen; {checked} er rekna ut på nytt her, og {matched} stemde.',
    'parquet.made_from': 'Laga frå {name}.',
    'parquet.scores_from_label': 'Poeng frå',
    'parquet.status_label': 'Kvar poenga kjem frå',
    'parquet.explained_from_file':
      'Forklaringane (TreeSHAP) for alle {rows} radene er lesne frå resultatet frå køyringa på Spark; {checked} av dei er rekna ut på nytt her og stemde.',
    'parquet.use_bundled': 'Bruk {name}',
    'parquet.load_model': 'Last inn modellfila …',
    'parquet.row_column': 'Rad',
    'parquet.report_row': 'rad',
    'problem.where.line': 'Linje {line}, kolonne {column} ({field})',
    'problem.where.row': 'Rad {line}, kolonne {column} ({field})',
    'problem.where.line_only': 'Linje {line}',
    'problem.where.row_only': 'Rad {line}',
    'problem.csv.duplicate_id.rows': 'Rad {line}, kolonne {column} ({field}): same id som på rad {first}.',
  },
  en: {
    'problem.parquet.unreadable': 'The file cannot be read as Parquet ({detail}). Is it cut off or damaged? No {row_n} were read.',
    'problem.parquet.row_group_unreadable':
      'Row group {group} (rows {first}–{last}) cannot be read ({detail}). Those rows are rejected; the rest of the file was read.',
    'problem.parquet.column_unsupported': 'Column {column} ({field}) has a type that cannot be read here ({type}). It is taken as empty.',
    'problem.parquet.batch_format_unknown':
      'The file has metadata from a run in a format this app does not know ("{format}"). It is scored as a plain extract.',
    'problem.parquet.other_model':
      'The file is a result of the Spark run, but made with another model ({name}, SHA-256 {sha}…). It was scored with the active model as a plain extract. Load {name} to use the scores in the file.',
    'problem.parquet.batch_columns_missing':
      'The file was made with the active model but lacks the columns {columns}. It is scored as a plain extract.',
    'problem.parquet.batch_rows_differ':
      'The file’s metadata says {said} rows, but the file has {rows}. Rows were added or lost after the run; the check decides whether its scores can be used.',
    'problem.parquet.batch_checked':
      'Opened the result of the Spark run: {rows} {row#rows}, scores{explained| and explanations|} from the file; {checked} checked again here, all matched.',
    'problem.parquet.batch_mismatch':
      'The result of the Spark run does not match: {count} of {checked} checked differ (row {list}). The whole file was scored and explained again here.',
    'problem.parquet.scores_from_batch':
      'The scores{contributions| and explanations|} were taken from the Spark run\'s result, made from {name} (SHA-256 {sha}…) with this model; {checked} were computed again here and {matched} matched.',
    'parquet.made_from': 'Made from {name}.',
    'parquet.scores_from_label': 'Scores from',
    'parquet.status_label': 'Where the scores come from',
    'parquet.explained_from_file':
      'The explanations (TreeSHAP) for all {rows} rows were read from the result of the Spark run; {checked} of them were computed again here and matched.',
    'parquet.use_bundled': 'Use {name}',
    'parquet.load_model': 'Load the model file …',
    'parquet.row_column': 'Row',
    'parquet.report_row': 'row',
    'problem.where.line': 'Line {line}, column {column} ({field})',
    'problem.where.row': 'Row {line}, column {column} ({field})',
    'problem.where.line_only': 'Line {line}',
    'problem.where.row_only': 'Row {line}',
    'problem.csv.duplicate_id.rows': 'Row {line}, column {column} ({field}): the same id as on row {first}.',
  },
});
